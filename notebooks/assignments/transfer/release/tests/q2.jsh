//# test trains-from-conv-dw-13 points=2
try (Network net = Models.mobilenet(new long[] {3, 64, 64}); Network reference = Models.mobilenet(new long[] {3, 64, 64})) {
    unfreezeLastBlock(net);
    reference.freezeAll();
    reference.unfreezeFrom("conv_dw_13");
    reference.freezeBatchNormalization();
    assertEquals(reference.trainableParameterCount(), net.trainableParameterCount(),
            "only the layers from conv_dw_13 on should train, and no batch-normalization layer");
}
//# test batch-norm-stays-frozen points=1
try (Network net = Models.mobilenet(new long[] {3, 64, 64})) {
    unfreezeLastBlock(net);
    for (String name : net.layers().names()) {
        if (net.layer(name) instanceof coursekit.model.BatchNormalization bn) {
            assertTrue(bn.frozen(), name + " trains: call freezeBatchNormalization() after unfreezeFrom, so that it keeps ImageNet's statistics");
        }
    }
}
