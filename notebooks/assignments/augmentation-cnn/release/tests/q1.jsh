//# test reverses-columns points=2
float[][][] image = {{{1}, {2}, {3}}};
float[][][] flipped = flipHorizontal(image);
assertArrayEquals(new float[] {3}, flipped[0][0], "the last column should come first");
assertArrayEquals(new float[] {1}, flipped[0][2], "the first column should come last");
//# test keeps-channels-and-input points=1
float[][][] image = {{{1, 10}, {2, 20}}, {{3, 30}, {4, 40}}};
float[][][] flipped = flipHorizontal(image);
assertArrayEquals(new float[] {2, 20}, flipped[0][0], "a pixel's channels move together");
assertArrayEquals(new float[] {3, 30}, flipped[1][1], "each row flips on its own");
assertArrayEquals(new float[] {1, 10}, image[0][0], "the input image must not change");
