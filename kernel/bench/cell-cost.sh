#!/usr/bin/env bash
# What one `1 + 1` cell costs JShell as a notebook grows: temporaries kept (JShell's default) against dropped
# (coursekit's evaluator), both sessions in one JVM with their cells alternating (kernel/bench/CellCost.java).
# CELLS (default 600) cells each; prints the median per window of 100 cells.
#
#   kernel/bench/cell-cost.sh            # 600 cells each
#   SMOKE=1 kernel/bench/cell-cost.sh    # smoke mode (CI, .ci/benchmarks.sh): 100 cells each, one window
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ "${SMOKE:-0}" == 1 ]] && CELLS="${CELLS:-100}"
[[ -f kernel/target/runtime-classpath.txt ]] || ./kit build >/dev/null
cp="kernel/target/classes:$(cat kernel/target/runtime-classpath.txt)"
java -Xss4m -cp "$cp" kernel/bench/CellCost.java "${CELLS:-600}"
