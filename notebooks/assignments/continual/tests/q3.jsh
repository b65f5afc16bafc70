// q3: nearestMean is the argmin of the Euclidean distance.
//# test picks-the-closest-class points=2
double[][] means = {{0, 0}, {5, 5}, {10, 0}};
assertEquals(1, nearestMean(means, new double[] {4, 4}));
assertEquals(2, nearestMean(means, new double[] {9, 1}));
//# test uses-every-dimension points=1 hidden feedback="Compare all dimensions, not only the first."
double[][] means = {{0, 0, 0}, {0, 0, 10}};
assertEquals(1, nearestMean(means, new double[] {0, 0, 9}));
