//# test nothing-trains points=2
try (Network net = Models.mobilenet(new long[] {3, 64, 64})) {
    freezeBase(net);
    assertEquals(0, net.trainableParameterCount(), "every parameter of the base should be frozen");
}
