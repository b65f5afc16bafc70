#!/usr/bin/env bash
# Grading throughput: N synthetic submissions of the augmentation-cnn assignment (a third correct, a third
# wrong, a third hostile: an endless cell, System.exit, running out of memory), graded in quick mode with
# ./kit grade; prints submissions per minute, and fails unless every grade is the expected one (correct and
# hostile: full marks; wrong: none).
#
#   bench/grading.sh                 # 12 submissions, 2 workers, 20 s per cell
#   N=24 WORKERS=1 bench/grading.sh
#   SMOKE=1 bench/grading.sh         # smoke mode (CI): 3 submissions (one of each), 10 s per cell; about 30 s
#   GRADE="java -cp ... coursekit.grading.GradeMain grade" bench/grading.sh   # skip ./kit's build step
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [[ "${SMOKE:-0}" == 1 ]]; then
  N="${N:-3}"
  CELL_TIMEOUT="${CELL_TIMEOUT:-10}"
fi
N="${N:-12}"
WORKERS="${WORKERS:-2}"
CELL_TIMEOUT="${CELL_TIMEOUT:-20}"
GRADE_SET="${GRADE:-}"
GRADE="${GRADE:-$ROOT/kit grade}"
ASSIGNMENT="$ROOT/notebooks/assignments/augmentation-cnn"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export COURSEKIT_QUICK=1

python3 "$ROOT/bench/submissions.py" "$ASSIGNMENT" "$WORK/submissions" "$N"

# ./kit builds what changed before it grades; do that before the clock starts.
[[ -n "$GRADE_SET" ]] || $GRADE --help >/dev/null

echo "== $N submissions, $WORKERS workers, ${CELL_TIMEOUT} s per cell, quick mode, $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ)"
start=$(date +%s.%N)
$GRADE "$ASSIGNMENT" "$WORK/submissions" --out "$WORK/grades" --workers "$WORKERS" --cell-timeout "$CELL_TIMEOUT" --timeout 180
end=$(date +%s.%N)
cat "$WORK/grades/gradebook.csv"
python3 - "$WORK/grades/gradebook.csv" "$N" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
unexpected = [r["student"] for r in rows if r["total"] != ("0" if r["student"].endswith("-wrong") else r["possible"])]
if len(rows) != int(sys.argv[2]) or unexpected:
    sys.exit("bench/grading.sh: %d of %s submissions graded; unexpected grades for %s" % (len(rows), sys.argv[2], unexpected or "none"))
PY
python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); print(f'{n} submissions in {s:.1f} s: {n / s * 60:.1f} submissions per minute')" "$start" "$end" "$N"
