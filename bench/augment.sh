#!/usr/bin/env bash
# Augmentation throughput: coursekit's Augmenter against torchvision, alternating in one run.
# Both sides are pinned to one core (taskset) so the ratio compares the work, not the thread pools.
# Usage: bench/augment.sh [rounds] [seconds]   (needs: apt-get install python3-torchvision)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
seconds="${2:-4}"
mvn -B -q -DskipTests install >/dev/null
mvn -B -q -pl lib test-compile >/dev/null
cp="lib/target/classes:lib/target/test-classes:$(cat lib/target/runtime-classpath.txt)"
for round in $(seq "$rounds"); do
  echo "== round $round"
  taskset -c 0 java -XX:ActiveProcessorCount=1 -Djava.awt.headless=true -cp "$cp" coursekit.augment.AugmentThroughput "$seconds" \
    | sed -n 's/^\([0-9]*\)x[0-9]* float CHW.*: \([0-9,]*\) images\/s/RESULT coursekit \1 images_per_s=\2/p' | tr -d ','
  taskset -c 0 /usr/bin/python3 bench/augment_torchvision.py "$seconds" | grep RESULT
done
