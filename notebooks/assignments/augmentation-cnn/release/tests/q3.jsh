//# test parameter-count points=2
try (Network net = smallCnn()) {
    assertEquals(3826, net.parameterCount(), "conv 3x3x3x8+8, then dense 1800x2+2");
}
//# test predicts-two-classes points=1
try (Network net = smallCnn()) {
    assertArrayEquals(new long[] {3, 32, 32}, net.inputShape());
    assertEquals(2, net.numClasses());
    try (var x = net.manager().zeros(net.batchShape(4))) {
        assertEquals(new ai.djl.ndarray.types.Shape(4, 2), net.probabilities(x).getShape());
    }
}
