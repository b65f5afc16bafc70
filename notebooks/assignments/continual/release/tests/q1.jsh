//# test zero-when-equal points=1
assertEquals(0.0, distillationLoss(new double[] {1, 2, 3}, new double[] {1, 2, 3}, 2.0), 1e-9,
        "a student that matches the teacher has no loss");
//# test known-value points=2
// teacher softmax (0.75, 0.25), student (0.5, 0.5): KL = 0.75 ln 1.5 + 0.25 ln 0.5
assertEquals(0.130812, distillationLoss(new double[] {0, 0}, new double[] {Math.log(3), 0}, 1.0), 1e-5);
