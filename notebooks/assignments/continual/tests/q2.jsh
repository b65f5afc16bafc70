// q2: herding picks exemplars whose running mean follows the class mean.
//# test first-pick-is-closest-to-mean points=1
double[][] features = {{0, 0}, {10, 10}, {4, 5}, {6, 5}};
assertEquals(2, herding(features, 1)[0], "with one exemplar, herding picks the point nearest the mean (5, 5)");
//# test second-pick-balances-the-first points=2
double[][] features = {{0, 0}, {10, 10}, {4, 5}, {6, 5}};
assertArrayEquals(new int[] {2, 3}, herding(features, 2), "the second pick brings the mean of the two back to (5, 5)");
//# test no-index-twice points=1 hidden feedback="Herding must never choose the same example twice."
double[][] features = {{1, 1}, {1, 1}, {1, 1}, {9, 9}};
int[] chosen = herding(features, 4);
assertEquals(4, java.util.Arrays.stream(chosen).distinct().count());
