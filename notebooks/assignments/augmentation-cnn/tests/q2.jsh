// q2: shiftRight moves columns by dx and fills with zeros.
//# test shifts-right points=2
float[][][] image = {{{1}, {2}, {3}, {4}}};
float[][][] shifted = shiftRight(image, 1);
assertArrayEquals(new float[] {0}, shifted[0][0], "the column that comes in from the left is zeros");
assertArrayEquals(new float[] {1}, shifted[0][1], "column 0 moves to column 1");
assertArrayEquals(new float[] {3}, shifted[0][3], "column 2 moves to column 3; column 3 falls off");
//# test shifts-left points=1
float[][][] image = {{{1}, {2}, {3}, {4}}};
float[][][] shifted = shiftRight(image, -2);
assertArrayEquals(new float[] {3}, shifted[0][0]);
assertArrayEquals(new float[] {0}, shifted[0][3], "a negative dx brings zeros in from the right");
//# test shift-beyond-width-is-blank points=1 hidden feedback="A shift wider than the image should leave only zeros."
float[][][] image = {{{1, 1}, {2, 2}}, {{3, 3}, {4, 4}}};
float[][][] shifted = shiftRight(image, 7);
for (float[][] row : shifted) for (float[] pixel : row) assertArrayEquals(new float[] {0, 0}, pixel);
