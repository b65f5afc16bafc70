//# test lecture-cnn-at-64 points=2
try (Network net = scratchModel(new long[] {3, 64, 64}); Network reference = Models.lectureCnn(new long[] {3, 64, 64}, 1)) {
    assertEquals(reference.parameterCount(), net.parameterCount(), "the lecture's CNN with one output at 64x64 (dropout adds no parameters)");
    assertEquals(Head.SIGMOID, net.head(), "one sigmoid output for the two classes");
}
//# test has-dropout points=1
try (Network net = scratchModel(new long[] {3, 64, 64})) {
    assertTrue(net.layers().names().stream().anyMatch(n -> n.startsWith("dropout")), "a dropout layer, after flatten: " + net.layers().names());
    int flatten = net.layers().names().indexOf("flatten");
    assertTrue(flatten >= 0 && net.layers().names().get(flatten + 1).startsWith("dropout"), "the dropout layer comes right after flatten");
}
