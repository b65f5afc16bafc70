//# test first-pick-is-closest-to-mean points=1
double[][] features = {{0, 0}, {10, 10}, {4, 5}, {6, 5}};
assertEquals(2, herding(features, 1)[0], "with one exemplar, herding picks the point nearest the mean (5, 5)");
//# test second-pick-balances-the-first points=2
double[][] features = {{0, 0}, {10, 10}, {4, 5}, {6, 5}};
assertArrayEquals(new int[] {2, 3}, herding(features, 2), "the second pick brings the mean of the two back to (5, 5)");
