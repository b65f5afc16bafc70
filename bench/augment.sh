#!/usr/bin/env bash
# Augmentation throughput: coursekit's Augmenter against torchvision, alternating in one run.
# Both sides are pinned to one core (taskset) so the ratio compares the work, not the thread pools.
#
#   bench/augment.sh [rounds] [seconds]   # default 3 rounds of 4 s measurements (needs: apt-get install python3-torchvision)
#   SMOKE=1 bench/augment.sh              # smoke mode (CI): 1 round of 0.2 s measurements, 15-25 s
#   PEER=0 bench/augment.sh               # coursekit's side only, e.g. where python3-torchvision is missing
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SMOKE:-0}" == 1 ]]; then
  rounds="${1:-1}"
  seconds="${2:-0.2}"
else
  rounds="${1:-3}"
  seconds="${2:-4}"
fi
peer="${PEER:-1}"
if [[ "$peer" == 1 ]] && ! /usr/bin/python3 -c "import torchvision" 2>/dev/null; then
  echo "bench/augment.sh: the torchvision peer needs Debian's python3-torchvision (apt-get install python3-torchvision), or run PEER=0 for coursekit's side only." >&2
  exit 2
fi
# AugmentThroughput lives in lib's test classes; package compiles them and writes lib's class path.
mvn -B -q -pl lib -DskipTests package >/dev/null
cp="lib/target/classes:lib/target/test-classes:$(cat lib/target/runtime-classpath.txt)"
for round in $(seq "$rounds"); do
  echo "== round $round"
  out="$(taskset -c 0 java -XX:ActiveProcessorCount=1 -Djava.awt.headless=true -cp "$cp" coursekit.augment.AugmentThroughput "$seconds")"
  results="$(sed -n 's/^\([0-9]*\)x[0-9]* float CHW.*: \([0-9,]*\) images\/s/RESULT coursekit \1 images_per_s=\2/p' <<< "$out" | tr -d ',')"
  if [[ "$(grep -c '^RESULT' <<< "$results")" != 2 ]]; then
    echo "bench/augment.sh: AugmentThroughput printed no float-batch rate for 150x150 and 32x32; its output was:" >&2
    echo "$out" >&2
    exit 1
  fi
  echo "$results"
  if [[ "$peer" == 1 ]]; then
    taskset -c 0 /usr/bin/python3 bench/augment_torchvision.py "$seconds" | grep RESULT
  fi
done
[[ "$peer" == 1 ]] || echo "torchvision: skipped (PEER=0)"
