#!/usr/bin/env bash
# Loading the lecture's photos as fit reads them (decode, resize to 150x150, float batches of 20) for 2,000 and
# for 20,000 photos, each in a JVM of its own: images per second and peak memory, which must not grow with
# the number of photos. The 20,000 are the 4,000 photos of ../shared/data/cats_and_dogs_small (or
# $COURSEKIT_DATA/cats_and_dogs_small) linked five times under other names.
# Usage: bench/photo_load.sh [epochs-small] [epochs-large]   (extra JVM options in BENCH_JAVA_OPTS)
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
for class in cats dogs; do
  mkdir -p "$work/small/$class"
  ln -s "$data"/train/$class/*.jpg "$work/small/$class/"
  # Copies go into sub-folders of the class folder, which the loader reads as the same class.
  for copy in 1 2 3 4 5; do
    for part in train validation test; do
      mkdir -p "$work/large/$class/$copy-$part"
      ln -s "$data"/$part/$class/*.jpg "$work/large/$class/$copy-$part/"
    done
  done
done
echo "cores: $(nproc), $(java -version 2>&1 | head -1)"
java -Xmx4g -Djava.awt.headless=true ${BENCH_JAVA_OPTS:-} -cp "$CP" coursekit.bench.PhotoLoadBench "$work/small" --epochs "${1:-2}"
java -Xmx4g -Djava.awt.headless=true ${BENCH_JAVA_OPTS:-} -cp "$CP" coursekit.bench.PhotoLoadBench "$work/large" --epochs "${2:-1}"
