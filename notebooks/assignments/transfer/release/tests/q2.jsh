//# test trains-from-conv-dw-13 points=2
try (Network net = Models.mobilenet(new long[] {3, 64, 64}); Network reference = Models.mobilenet(new long[] {3, 64, 64})) {
    unfreezeLastBlock(net);
    reference.freezeAll();
    reference.unfreezeFrom("conv_dw_13");
    assertEquals(reference.trainableParameterCount(), net.trainableParameterCount(),
            "only the layers from conv_dw_13 on should train");
}
