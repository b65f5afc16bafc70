//# test picks-the-closest-class points=2
double[][] means = {{0, 0}, {5, 5}, {10, 0}};
assertEquals(1, nearestMean(means, new double[] {4, 4}));
assertEquals(2, nearestMean(means, new double[] {9, 1}));
