#!/usr/bin/env bash
# Two JBang scripts in quick mode through ./kit jbang (jbang from the PATH, else JBang's jar from Maven
# Central): one by its path, one by its alias in jbang-catalog.json. Their //DEPS find coursekit-lib in
# ~/.m2, where ./kit installs it.
set -euo pipefail
cd "$(dirname "$0")/.."

export COURSEKIT_QUICK=1
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

echo "== jbang jbang/ScratchCnn.java (quick mode)"
./kit jbang jbang/ScratchCnn.java --out "$out/scratch-cnn" | tee "$out/scratch.log"
grep -q "test accuracy" "$out/scratch.log" && test -s "$out/scratch-cnn/history.csv" \
  || { echo "CI: jbang/ScratchCnn.java printed no test accuracy or wrote no history.csv" >&2; exit 1; }

echo "== jbang alias fine-tuning (quick mode)"
./kit jbang fine-tuning --out "$out/fine-tuning" | tee "$out/fine.log"
grep -q "Fine-tuning moved test accuracy" "$out/fine.log" && test -s "$out/fine-tuning/curves.png" \
  || { echo "CI: the fine-tuning alias printed no result or wrote no curves.png" >&2; exit 1; }

echo "JBang scripts passed."
