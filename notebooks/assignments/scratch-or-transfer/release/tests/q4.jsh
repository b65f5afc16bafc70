//# test trains-from-conv-dw-12 points=2
try (Network base = Models.mobilenet(new long[] {3, 64, 64}); Network model = Models.classifier(base).pooling("avg").dense(256).dropout(0.5).outputs(1).build();
     Network refBase = Models.mobilenet(new long[] {3, 64, 64}); Network reference = Models.classifier(refBase).pooling("avg").dense(256).dropout(0.5).outputs(1).build()) {
    model.freezeAll();
    prepareFineTuning(model);
    reference.unfreezeFrom("conv_dw_12");
    reference.freezeBatchNormalization();
    assertEquals(reference.trainableParameterCount(), model.trainableParameterCount(),
            "the layers from conv_dw_12 on, the head included, and no batch-normalization layer");
}
//# test batch-norm-stays-frozen points=1
try (Network base = Models.mobilenet(new long[] {3, 64, 64}); Network model = Models.classifier(base).pooling("avg").dense(256).dropout(0.5).outputs(1).build()) {
    prepareFineTuning(model);
    for (String name : model.layers().names()) {
        if (model.layer(name) instanceof BatchNormalization bn) {
            assertTrue(bn.frozen(), name + " trains: freeze the batch normalization after unfreezing, so that it keeps ImageNet's statistics");
        }
    }
}
