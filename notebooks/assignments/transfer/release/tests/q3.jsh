//# test parameter-count points=2
try (Network head = featureHead(new long[] {256, 2, 2})) {
    assertEquals(514, head.parameterCount(), "256 x 2 weights and 2 biases after global average pooling");
}
//# test outputs-probabilities points=1
try (Network head = featureHead(new long[] {256, 2, 2}); var x = head.manager().ones(head.batchShape(3))) {
    var p = head.probabilities(x);
    assertEquals(new ai.djl.ndarray.types.Shape(3, 2), p.getShape());
    assertEquals(3f, p.sum().getFloat(), 1e-4f, "each row of probabilities sums to 1");
}
