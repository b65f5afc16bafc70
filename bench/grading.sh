#!/usr/bin/env bash
# Grading throughput: N synthetic submissions of the augmentation-cnn assignment (a third correct, a third
# wrong, a third hostile: an endless cell, System.exit, running out of memory), graded in quick mode with
# ./kit grade; prints submissions per minute.
#
#   bench/grading.sh                 # 12 submissions, 2 workers
#   N=24 WORKERS=1 bench/grading.sh
#   GRADE="java -cp ... coursekit.grading.GradeMain grade" bench/grading.sh   # skip ./kit's build step
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N="${N:-12}"
WORKERS="${WORKERS:-2}"
GRADE="${GRADE:-$ROOT/kit grade}"
ASSIGNMENT="$ROOT/notebooks/assignments/augmentation-cnn"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export COURSEKIT_QUICK=1

python3 - "$ASSIGNMENT" "$WORK/submissions" "$N" <<'PY'
import json, os, sys
assignment, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out)
source = json.load(open(os.path.join(assignment, "source.ipynb")))
release = json.load(open(os.path.join(assignment, "release", "augmentation-cnn.ipynb")))
def code(nb):
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in nb["cells"] if c["cell_type"] == "code"]
def notebook(cells):
    return {"cells": [{"cell_type": "code", "metadata": {}, "source": s, "outputs": [], "execution_count": None} for s in cells],
            "metadata": {}, "nbformat": 4, "nbformat_minor": 4}
correct = [line for line in code(source)]
wrong = code(release)
hostile = [["while (true) { }"] + correct, ["System.exit(1);"] + correct,
           ["var hog = new ArrayList<long[]>(); while (true) hog.add(new long[10_000_000]);"] + correct]
for i in range(n):
    kind = i % 3
    cells = correct if kind == 0 else wrong if kind == 1 else hostile[(i // 3) % 3]
    name = ["correct", "wrong", "hostile"][kind]
    json.dump(notebook(cells), open(os.path.join(out, f"student{i:03d}-{name}.ipynb"), "w"))
PY

echo "== $N submissions, $WORKERS workers, quick mode, $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ)"
start=$(date +%s.%N)
$GRADE "$ASSIGNMENT" "$WORK/submissions" --out "$WORK/grades" --workers "$WORKERS" --cell-timeout 20 --timeout 180
end=$(date +%s.%N)
cat "$WORK/grades/gradebook.csv"
python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); print(f'{n} submissions in {s:.1f} s: {n / s * 60:.1f} submissions per minute')" "$start" "$end" "$N"
