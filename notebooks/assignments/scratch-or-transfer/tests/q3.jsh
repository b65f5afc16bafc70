// q3: frozenClassifier puts a 66,049-parameter head on a frozen base.
//# test only-the-head-trains points=2
try (Network base = Models.mobilenet(new long[] {3, 64, 64}); Network model = frozenClassifier(base)) {
    assertEquals(66_049L, model.trainableParameterCount(), "only the head's 66,049 parameters should train");
    assertEquals(base.parameterCount() + 66_049L, model.parameterCount(), "the base, then pooling, dense 256, dropout and one output");
}
//# test head-layers points=1
try (Network base = Models.mobilenet(new long[] {3, 64, 64}); Network model = frozenClassifier(base)) {
    var head = model.layers().names().subList(base.layers().names().size(), model.layers().names().size());
    assertTrue(head.stream().anyMatch(n -> n.contains("pooling")) && head.stream().anyMatch(n -> n.startsWith("dropout")),
            "global average pooling and dropout in the head: " + head);
    assertEquals(Head.SIGMOID, model.head(), "one sigmoid output");
}
//# test base-frozen-even-if-it-trained hidden feedback="Freeze the base inside frozenClassifier: a base that was trainable before must be frozen after."
try (Network base = Models.mobilenet(new long[] {3, 64, 64})) {
    base.unfreezeAll();
    try (Network model = frozenClassifier(base)) {
        assertEquals(0L, base.trainableParameterCount());
    }
}
