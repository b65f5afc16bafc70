#!/usr/bin/env bash
# What one `1 + 1` cell costs JShell as a notebook grows: temporaries kept (JShell's default) against dropped
# (coursekit's evaluator), both sessions in one JVM with their cells alternating (kernel/bench/CellCost.java).
# CELLS (default 600) cells each. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ -f kernel/target/runtime-classpath.txt ]] || ./kit build >/dev/null
cp="kernel/target/classes:$(cat kernel/target/runtime-classpath.txt)"
java -Xss4m -cp "$cp" kernel/bench/CellCost.java "${CELLS:-600}"
