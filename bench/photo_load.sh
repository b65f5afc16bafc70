#!/usr/bin/env bash
# Loading the lecture's photos as fit reads them (decode, resize to 150x150, float batches of 20) for 2,000 and
# for 20,000 photos, each in a JVM of its own: images per second and peak memory, which must not grow with
# the number of photos. The 20,000 are the 4,000 photos of ../shared/data/cats_and_dogs_small (or
# $COURSEKIT_DATA/cats_and_dogs_small) linked five times under other names.
# Beside it, on the 2,000: the same loading with the lecture's augmentation on every batch, and the peer,
# torchvision's ImageFolder with PIL (bench/photo_load_torchvision.py, Debian's python3-torchvision), in rounds
# that alternate the two; the summary gives coursekit's first (decoding) epoch over torchvision's epoch.
# Usage: [ROUNDS=2] [PEER=0] [SMOKE=1] bench/photo_load.sh [epochs-small] [epochs-large]   (extra JVM options in BENCH_JAVA_OPTS)
# SMOKE=1 (CI) uses 20 photos per class for the small set and 100 per class for the large one.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
data="${COURSEKIT_DATA:-$ROOT/../shared/data}/cats_and_dogs_small"
[[ -d "$data" ]] || { echo "photo_load.sh: no photos at $data; run ./kit fetch cats-and-dogs or set COURSEKIT_DATA." >&2; exit 2; }
(cd "$ROOT" && mvn -q -DskipTests install)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Compiled on its own, so that it does not depend on the rest of the bench module.
LIB_CP="$ROOT/lib/target/classes:$(cat "$ROOT/lib/target/runtime-classpath.txt")"
javac -d "$work/classes" -cp "$LIB_CP" "$ROOT/bench/src/main/java/coursekit/bench/PhotoLoadBench.java"
CP="$work/classes:$LIB_CP"
per_part=1000000
[[ "${SMOKE:-0}" == 1 ]] && per_part=20
photos_of() { find "$data/$1/$2" -maxdepth 1 -name '*.jpg' | sort | awk -v n="$per_part" 'NR <= n'; }
for class in cats dogs; do
  mkdir -p "$work/small/$class"
  photos_of train "$class" | xargs ln -s -t "$work/small/$class/"
  # Copies go into sub-folders of the class folder, which the loader reads as the same class.
  for copy in 1 2 3 4 5; do
    for part in train validation test; do
      mkdir -p "$work/large/$class/$copy-$part"
      photos_of "$part" "$class" | xargs ln -s -t "$work/large/$class/$copy-$part/"
    done
  done
done
peer="${PEER:-1}"
if [[ "$peer" == 1 ]] && ! /usr/bin/python3 -c "import torchvision" 2>/dev/null; then
  echo "photo_load.sh: the torchvision peer needs Debian's python3-torchvision (apt-get install python3-torchvision); run with PEER=0 to leave it out" >&2
  exit 2
fi
echo "cores: $(nproc), $(java -version 2>&1 | head -1)"
# bench FOLDER [options] [-Dproperty=value]: the JVM takes the property, the benchmark the rest.
bench() {
  local props=() args=()
  for a in "$@"; do if [[ "$a" == -D* ]]; then props+=("$a"); else args+=("$a"); fi; done
  java -Xmx4g -Djava.awt.headless=true ${BENCH_JAVA_OPTS:-} "${props[@]}" -cp "$CP" coursekit.bench.PhotoLoadBench "${args[@]}"
}
for round in $(seq "${ROUNDS:-2}"); do
  echo "== round $round: the 2,000 (decoding, cached), with augmentation, and torchvision"
  bench "$work/small" --epochs "${1:-2}" | tee -a "$work/results.txt"
  bench "$work/small" --epochs 1 --augment 1 | tee -a "$work/results.txt"
  # Without the cache every epoch decodes again, as torchvision's does: its second epoch is the JVM warmed up.
  bench "$work/small" --epochs 2 -Dcoursekit.imageCacheMb=0 | tee -a "$work/results.txt"
  if [[ "$peer" == 1 ]]; then
    OMP_NUM_THREADS=1 /usr/bin/python3 "$ROOT/bench/photo_load_torchvision.py" "$work/small" --epochs 1 | tee -a "$work/results.txt"
  fi
done
echo "== the large set (20,000 photos; 600 in smoke mode)"
bench "$work/large" --epochs "${2:-1}"
/usr/bin/python3 - "$work/results.txt" <<'PY'
import re, statistics, sys
rates = {}
for line in open(sys.argv[1]):
    m = re.match(r"RESULT (\S+) photos=\d+ epoch=(\d+) images_per_s=([\d.]+)", line)
    if m:
        rates.setdefault((m.group(1), int(m.group(2))), []).append(float(m.group(3)))
def median(side, epoch):
    values = rates.get((side, epoch))
    return statistics.median(values) if values else None
first, cached, augmented, peer = median("coursekit", 1), median("coursekit", 2), median("coursekit-augmented", 1), median("torchvision", 1)
warm = median("coursekit-uncached", 2)
show = lambda v: "%.1f" % v if v else "-"
print("SUMMARY images/s, medians over rounds: coursekit first epoch %.1f, cached epoch %s, first epoch with augmentation %.1f, "
      "decoding again in a warm JVM %s, torchvision %s" % (first, show(cached), augmented, show(warm), show(peer)))
if peer:
    print("SUMMARY ratio coursekit/torchvision, decoding epoch: first (cold JVM) %.2f, warm JVM %s"
          % (first / peer, "%.2f" % (warm / peer) if warm else "-"))
PY
