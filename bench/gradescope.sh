#!/usr/bin/env bash
# The Gradescope bundle's time per submission, against ./kit grade on the same submission: the bundle of the
# augmentation-cnn assignment (./kit gradescope) unpacked into a folder laid out as /autograder, its setup.sh
# run once (the kit's libraries from the local Maven repository as the mirror), then for each synthetic
# submission (bench/submissions.py: correct, wrong, hostile) run_autograder as Gradescope runs it, and
# ./kit grade's grader with 1 worker on a folder holding only that submission, alternating. Quick mode, one
# submission at a time on both sides; fails unless every score is the expected one on both sides.
#
#   bench/gradescope.sh              # 6 submissions (2 of each kind), 20 s per cell
#   N=9 bench/gradescope.sh
#   SMOKE=1 bench/gradescope.sh      # smoke mode (CI): 3 submissions, 10 s per cell
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [[ "${SMOKE:-0}" == 1 ]]; then
  N="${N:-3}"
  CELL_TIMEOUT="${CELL_TIMEOUT:-10}"
fi
N="${N:-6}"
CELL_TIMEOUT="${CELL_TIMEOUT:-20}"
NAME=augmentation-cnn
ASSIGNMENT="$ROOT/notebooks/assignments/$NAME"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export COURSEKIT_QUICK=1
export COURSEKIT_WEIGHTS="${COURSEKIT_WEIGHTS:-$HOME/.coursekit/weights}"

python3 "$ROOT/bench/submissions.py" "$ASSIGNMENT" "$WORK/submissions" "$N"
"$ROOT/kit" gradescope "$ASSIGNMENT" --out "$WORK/autograder.zip" --cell-timeout "$CELL_TIMEOUT" --timeout 180 >/dev/null
box="$WORK/autograder"
mkdir -p "$box/source" "$box/submission" "$box/results"
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$WORK/autograder.zip" "$box/source"
chmod +x "$box/source/setup.sh" "$box/source/run_autograder"
COURSEKIT_MAVEN_MIRROR="file://$HOME/.m2/repository/" bash "$box/source/setup.sh" > "$WORK/setup.log" 2>&1 \
  || { tail -n 20 "$WORK/setup.log" >&2; echo "bench/gradescope.sh: the bundle's setup.sh failed" >&2; exit 1; }

echo "== $N submissions, one at a time, ${CELL_TIMEOUT} s per cell, quick mode, $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-28s %12s %12s %8s\n' submission "bundle (s)" "kit grade (s)" score
python_sum() { python3 -c 'import sys; print(sum(float(x) for x in sys.argv[1:]))' "$@"; }
bundle_times=() grade_times=()
for notebook in "$WORK"/submissions/*.ipynb; do
  student="$(basename "$notebook" .ipynb)"
  expected=11; [[ "$student" == *-wrong ]] && expected=0
  rm -rf "$box/submission" "$box/results" && mkdir -p "$box/submission" "$box/results"
  cp "$notebook" "$box/submission/$NAME.ipynb"
  start=$(date +%s.%N)
  AUTOGRADER_ROOT="$box" "$box/source/run_autograder" > "$WORK/run.log" 2>&1 \
    || { tail -n 20 "$WORK/run.log" >&2; echo "bench/gradescope.sh: run_autograder failed on $student" >&2; exit 1; }
  end=$(date +%s.%N)
  bundle_score="$(python3 -c 'import json, sys; print("%g" % json.load(open(sys.argv[1]))["score"])' "$box/results/results.json")"
  bundle_times+=("$(python3 -c 'import sys; print(float(sys.argv[2]) - float(sys.argv[1]))' "$start" "$end")")
  one="$WORK/one/$student" && mkdir -p "$one/in" && cp "$notebook" "$one/in/"
  start=$(date +%s.%N)
  "$ROOT/kit" grade "$ASSIGNMENT" "$one/in" --out "$one/grades" --workers 1 --cell-timeout "$CELL_TIMEOUT" --timeout 180 > "$WORK/grade.log" 2>&1 \
    || { tail -n 20 "$WORK/grade.log" >&2; echo "bench/gradescope.sh: ./kit grade failed on $student" >&2; exit 1; }
  end=$(date +%s.%N)
  grade_score="$(python3 -c 'import csv, sys; print(next(csv.DictReader(open(sys.argv[1])))["total"])' "$one/grades/gradebook.csv")"
  grade_times+=("$(python3 -c 'import sys; print(float(sys.argv[2]) - float(sys.argv[1]))' "$start" "$end")")
  printf '%-28s %12.1f %12.1f %8s\n' "$student" "${bundle_times[-1]}" "${grade_times[-1]}" "$bundle_score/$grade_score"
  if [[ "$bundle_score" != "$expected" || "$grade_score" != "$expected" ]]; then
    echo "bench/gradescope.sh: $student scored $bundle_score in the bundle and $grade_score with ./kit grade, not $expected" >&2
    exit 1
  fi
done
bundle="$(python_sum "${bundle_times[@]}")" grade="$(python_sum "${grade_times[@]}")"
python3 -c 'import sys; b, g, n = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]); print(f"per submission: bundle {b / n:.1f} s, ./kit grade {g / n:.1f} s, ratio bundle / kit grade {b / g:.2f}")' "$bundle" "$grade" "$N"
