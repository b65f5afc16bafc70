#!/usr/bin/env bash
# CI: the README's two commands as a student's laptop runs them. A fresh clone in a folder with no shared/
# above it, an empty HOME, and a classroom mirror served over HTTP on 127.0.0.1: the pretrained files, and
# Microsoft's PetImages archive in its own layout (rebuilt from the local copy of the lecture's photos, since
# the real 825 MB archive is not on this machine). The weights and the photos must be downloaded into the
# fresh HOME and checked. Then the failures a student can meet (a truncated file, a wrong checksum, a mirror
# that is down), each one sentence, nothing half-written.
#
#   .ci/laptop.sh SHARED_DIR        # the folder holding pretrained/ and data/cats_and_dogs_small/
#
# Maven's own repository is shared with the caller's (-Dmaven.repo.local) so that the run does not
# download every dependency again; everything of the kit's starts empty.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
pretrained="$(cd "$1/pretrained" && pwd)"
photos="$(cd "$1/data/cats_and_dogs_small" && pwd)"
maven_repo="${MAVEN_REPO:-$HOME/.m2/repository}"

work="$(mktemp -d)"
server_pid=""
cleanup() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

git clone -q "$repo" "$work/laptop/coursekit"
mkdir -p "$work/home" "$work/mirror"
cp -r "$pretrained"/. "$work/mirror/"
chmod -R u+w "$work/mirror"
# PetImages' layout (PetImages/Cat/N.jpg, PetImages/Dog/N.jpg): each class's train photos first, then
# validation, then test, so that the kit's first 1,000 / 500 / 500 readable ones are the same split.
python3 - "$photos" "$work/mirror/datasets/cats-and-dogs/kagglecatsanddogs_5340.zip" <<'PY'
import os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
os.makedirs(os.path.dirname(out), exist_ok=True)
with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
    for cls, name in (("cats", "Cat"), ("dogs", "Dog")):
        n = 0
        for part in ("train", "validation", "test"):
            folder = os.path.join(src, part, cls)
            for f in sorted(os.listdir(folder), key=lambda f: int(f.split(".")[1])):
                z.write(os.path.join(folder, f), f"PetImages/{name}/{n}.jpg")
                n += 1
PY

# Serves DIR on a free port of 127.0.0.1 in the background; sets server_pid and mirror.
serve() {
  local dir="$1" log="$work/server-$RANDOM.log" port=""
  (cd "$dir" && exec python3 -u -m http.server 0 --bind 127.0.0.1) >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    port="$(grep -o 'port [0-9]*' "$log" | head -1 | cut -d' ' -f2 || true)"
    [[ -n "$port" ]] && break
    sleep 0.1
  done
  [[ -n "$port" ]] || { echo "CI: the mirror's HTTP server did not start: $(cat "$log")" >&2; exit 1; }
  mirror="http://127.0.0.1:$port/"
}
serve "$work/mirror"

# A student's environment: nothing of this machine's but Java, Maven's cache and the mirror.
student() {
  (cd "$work/laptop/coursekit" && env -u COURSEKIT_WEIGHTS -u COURSEKIT_DATA -u COURSEKIT_QUICK \
     HOME="$work/home" COURSEKIT_MIRROR="${MIRROR:-$mirror}" MAVEN_OPTS="-Dmaven.repo.local=$maven_repo" "$@")
}

echo "== laptop: README command 1, as written"
student bash -c "$(sed -n '4p' "$repo/README.md" | sed 's/ *#.*//')" > "$work/lab.log" 2>&1 || { tail -30 "$work/lab.log"; exit 1; }
grep -q "test accuracy" "$work/lab.log" || { echo "CI: the README's lab printed no test accuracy" >&2; exit 1; }

echo "== laptop: README command 2, as written (fetches what the tests need from the mirror first)"
student bash -c "$(sed -n '5p' "$repo/README.md" | sed 's/ *#.*//')" > "$work/test.log" 2>&1 || { tail -60 "$work/test.log"; exit 1; }
grep -q "BUILD SUCCESS" "$work/test.log"

echo "== laptop: the weights are in the fresh HOME's cache, checked"
cache="$work/home/.coursekit/weights"
(cd "$cache/mobilenet_v1_0.25_224_tfjs" && sha256sum --quiet -c "$pretrained/mobilenet_v1_0.25_224_tfjs.sha256")
(cd "$cache/mobilenet_v1_0.75_224_tfjs" && sha256sum --quiet -c "$pretrained/mobilenet_v1_0.75_224_tfjs.sha256")
echo "17154246284f555591549ac2c83e127abfbf4307dc4b0060fdaa2931d0fa38da  $cache/squeezenet_weights_tf_dim_ordering_tf_kernels_notop.h5" | sha256sum --quiet -c
echo "== laptop: the lecture's photos are in the fresh HOME's data folder, 1,000 / 500 / 500 per class"
data="$work/home/.coursekit/datasets/cats_and_dogs_small"
for part in train:1000 validation:500 test:500; do
  for cls in cats dogs; do
    n="$(ls "$data/${part%%:*}/$cls" | wc -l)"
    [[ "$n" == "${part##*:}" ]] || { echo "CI: $data/${part%%:*}/$cls holds $n photos, not ${part##*:}" >&2; exit 1; }
  done
done
! ls -A "$cache" | grep -e '\.part$' -e '\.download$' -e '\.checked$' >/dev/null || { echo "CI: a partial download was left in $cache" >&2; ls -la "$cache"; exit 1; }

echo "== laptop: the feature-extraction lab in quick mode, from an empty cache (the photos are there now, so it"
echo "   takes MobileNet at width 0.75, and downloads it with progress)"
rm -rf "$cache"
COURSEKIT_QUICK=1 student ./kit lab feature-extraction --epochs 1 --out "$work/fx" > "$work/fx.log" 2>&1 || { tail -30 "$work/fx.log"; exit 1; }
grep -q "Downloading mobilenet_v1_0.75_224_tfjs: .*100%" "$work/fx.log" || { echo "CI: no download progress line" >&2; cat "$work/fx.log"; exit 1; }
(cd "$cache/mobilenet_v1_0.75_224_tfjs" && sha256sum --quiet -c "$pretrained/mobilenet_v1_0.75_224_tfjs.sha256")

# Runs ./kit fetch NAME against mirror DIR; it must fail with one sentence that matches PATTERN and leave no file.
refused() {
  local name="$1" pattern="$2"
  rm -rf "$cache"
  if student ./kit fetch "$name" > "$work/fetch.log" 2>&1; then echo "CI: ./kit fetch $name succeeded against a bad mirror" >&2; exit 1; fi
  grep -q "$pattern" "$work/fetch.log" || { echo "CI: ./kit fetch $name did not say '$pattern':" >&2; cat "$work/fetch.log"; exit 1; }
  ! grep -q -e "Exception" -e "^\s*at " "$work/fetch.log" || { echo "CI: a stack trace reached the user:" >&2; cat "$work/fetch.log"; exit 1; }
  if [[ -d "$cache" ]] && [[ -n "$(find "$cache" -mindepth 1 -not -name '.*.part' -print -quit)" ]]; then
    echo "CI: ./kit fetch $name left files behind:" >&2; find "$cache" >&2; exit 1
  fi
}

echo "== laptop: a truncated shard on the mirror"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
truncate -s -100 "$work/mirror/mobilenet_v1_0.25_224_tfjs/group1-shard1of1"
serve "$work/mirror"
refused mobilenet "damaged"
echo "== laptop: a file with the wrong checksum on the mirror"
printf 'X' | dd of="$work/mirror/squeezenet_weights_tf_dim_ordering_tf_kernels_notop.h5" bs=1 seek=1000 conv=notrunc status=none
refused squeezenet "has SHA-256 .* but should have 17154246"
echo "== laptop: a mirror that is down"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
refused squeezenet "nothing answers at $mirror"
echo "laptop checks passed."
