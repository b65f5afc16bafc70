// q1: flipHorizontal reverses the columns of a float[height][width][channels] image.
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
//# test flipping-twice-is-identity points=1 hidden feedback="Flipping twice should give back the image; check non-square images."
float[][][] image = new float[3][5][2];
for (int y = 0; y < 3; y++) for (int x = 0; x < 5; x++) { image[y][x][0] = y * 10 + x; image[y][x][1] = -x; }
float[][][] twice = flipHorizontal(flipHorizontal(image));
for (int y = 0; y < 3; y++) for (int x = 0; x < 5; x++) assertArrayEquals(image[y][x], twice[y][x]);
assertEquals(5, flipHorizontal(image)[2].length);
