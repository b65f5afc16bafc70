//# test lowest-validation-loss-epoch points=1
int expected = scratchHistory.get(History.VAL_LOSS).indexOf(scratchHistory.min(History.VAL_LOSS)) + 1;
assertEquals(expected, scratchLowestValLossEpoch, 1, "the epoch with the lowest val_loss of scratchHistory, counting from 1");
//# test best-way points=1
Map<String, Double> accuracy = Map.of("scratch", scratchTest.accuracy(), "frozen", frozenTest.accuracy(), "fine-tuned", fineTunedTest.accuracy());
assertTrue(accuracy.containsKey(bestWay), "bestWay should be \"scratch\", \"frozen\" or \"fine-tuned\", not \"" + bestWay + "\"");
double best = accuracy.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
assertTrue(accuracy.get(bestWay) >= best - 1e-9, "the test accuracies were " + accuracy + "; " + bestWay + " is not the best");
