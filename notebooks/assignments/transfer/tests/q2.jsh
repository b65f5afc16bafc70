// q2: unfreezeLastBlock lets exactly the layers from conv_dw_13 on train, batch normalization left frozen.
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
//# test earlier-layers-stay-frozen points=1 hidden feedback="Layers before conv_dw_13 must stay frozen, even if they trained before."
try (Network net = Models.mobilenet(new long[] {3, 64, 64})) {
    net.unfreezeAll();
    unfreezeLastBlock(net);
    assertTrue(net.trainableParameterCount() > 0);
    assertTrue(net.trainableParameterCount() < net.parameterCount() / 2);
}
