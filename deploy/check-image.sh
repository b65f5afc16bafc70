#!/usr/bin/env bash
# Builds deploy/Containerfile on a plain Debian bookworm base made here with debootstrap, then runs the
# tour notebook in the image as jovyan: with ./kit run, and through Jupyter with the registered kernel.
# Needs root, Debian's package mirror and Maven Central. Not part of CI. Usage: sudo deploy/check-image.sh
#
# Reuses what an earlier run left in WORK (the Debian root and the imported base image); removes
# what it mounts. Exits nonzero only when a step of the build or of the notebook run fails.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${CHECK_IMAGE_DIR:-${TMPDIR:-/var/tmp}/coursekit-check-image}"
base=localhost/coursekit-bookworm
image=localhost/coursekit-singleuser:check
# Its own storage, so that it neither meets nor disturbs other podman users of this machine.
podman=(podman --root "$work/storage" --runroot "$work/run" --storage-driver vfs --cgroup-manager cgroupfs)

echo "Cannot do here: pull quay.io/jupyter/base-notebook (no container registry is reachable), so the" \
     "image is built FROM a debootstrapped Debian bookworm; Kubernetes and the Helm chart are not exercised."

[[ "$(id -u)" == 0 ]] || { echo "check-image: run as root (debootstrap, podman, chroot)." >&2; exit 2; }
mkdir -p "$work"
log="$work/timings.txt"
: > "$log"

mounted=()
cleanup() {
  local m
  for (( i=${#mounted[@]}-1; i>=0; i-- )); do
    m="${mounted[i]}"
    if [[ "$m" == image:* ]]; then "${podman[@]}" image unmount "${m#image:}" >/dev/null 2>&1 || true
    else umount -l "$m" 2>/dev/null || true; fi
  done
}
trap cleanup EXIT

# step NAME COMMAND...: runs it, records how long it took, stops the check when it fails.
step() {
  local name="$1"; shift
  local start=$SECONDS
  echo "== $name" >&2
  if "$@"; then
    echo "ok     $(( SECONDS - start ))s  $name" | tee -a "$log" >&2
  else
    local rc=$?
    echo "FAILED $(( SECONDS - start ))s  $name (exit $rc)" | tee -a "$log" >&2
    exit 1
  fi
}

# The mirror this machine's apt uses (deb822 or one-line format), else Debian's own.
debian_mirror() {
  local url
  url="$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -1)"
  [[ -n "$url" ]] || url="$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | grep -v security | head -1)"
  echo "${url:-http://deb.debian.org/debian}"
}

tools() {
  command -v debootstrap >/dev/null && command -v podman >/dev/null && return
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap podman
}

rootfs() {
  [[ -f "$work/rootfs/.complete" ]] && return
  rm -rf "$work/rootfs"
  debootstrap --variant=minbase --include=ca-certificates bookworm "$work/rootfs" "$(debian_mirror)" \
    > "$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log" >&2; return 1; }
  touch "$work/rootfs/.complete"
}

import_base() {
  "${podman[@]}" image exists "$base" && return
  tar -C "$work/rootfs" --exclude=./.complete -c . | "${podman[@]}" import - "$base"
}

# Maven may read this machine's local repository, read-only, as a seed (copied into the image's own).
build_image() {
  local seed=()
  [[ -d "$HOME/.m2/repository" ]] && seed=(--volume "$HOME/.m2/repository:/tmp/m2-seed:ro")
  "${podman[@]}" build --isolation chroot --network host --build-arg BASE="$base" "${seed[@]}" \
    -f "$root/deploy/Containerfile" -t "$image" "$root" > "$work/build.log" 2>&1 \
    || { tail -40 "$work/build.log" >&2; return 1; }
  grep -E 'PyTorch|coursekit-java|Installed the Java kernel' "$work/build.log" | head -5 >&2
}

# The commands that run in the image as jovyan.
in_image_script() {
  cat <<'SCRIPT'
set -e
id
touch /tmp/check-start
jupyter kernelspec list
cd /opt/coursekit/kit
COURSEKIT_QUICK=1 ./kit run notebooks/lectures/00-java-notebooks-tour.ipynb --out /tmp/out.ipynb
cp notebooks/lectures/00-java-notebooks-tour.ipynb /tmp/tour.ipynb
cd /tmp
COURSEKIT_QUICK=1 jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=coursekit-java \
  --ExecutePreprocessor.timeout=600 tour.ipynb --output /tmp/nbconvert.ipynb
python3 - <<'PY'
import json
for f in ["/tmp/out.ipynb", "/tmp/nbconvert.ipynb"]:
    nb = json.load(open(f))
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    errors = [o for c in cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    print(f, len(cells), "code cells,", len(errors), "errors")
    assert not errors, errors
PY
# PyTorch's natives were unpacked at build time: the runs add nothing to DJL's cache, nor a .djl.ai to the home.
echo "written into DJL's cache by these runs: $(find "$DJL_CACHE_DIR" -newer /tmp/check-start | wc -l) files"
echo "home after the runs: $(ls -A "$HOME" | tr '\n' ' ')"
test ! -e "$HOME/.djl.ai"
SCRIPT
}

# First as a container; where podman cannot start one here, chroot into the image's files instead.
run_notebook() {
  if "${podman[@]}" run --rm --network host --user 1000:100 "$image" bash -c "$(in_image_script)" \
       > "$work/run.log" 2>&1; then
    cat "$work/run.log" | tail -8 >&2; return 0
  fi
  echo "podman run failed here (last lines below); running the same commands in a chroot of the image." >&2
  tail -5 "$work/run.log" >&2
  local dir env
  dir="$("${podman[@]}" image mount "$image")" || return 1
  mounted+=("image:$image")
  mount -t proc proc "$dir/proc" && mounted+=("$dir/proc")
  mount --rbind /dev "$dir/dev" && mounted+=("$dir/dev")
  # /tmp as a mount of its own: Java looks a written file's folder up in /proc/mounts, and in a bare
  # chroot none of the listed mounts matches ("Mount point not found").
  mount -t tmpfs -o mode=1777 tmpfs "$dir/tmp" && mounted+=("$dir/tmp")
  env="$("${podman[@]}" image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$image")"
  # shellcheck disable=SC2086
  chroot --userspec=1000:100 "$dir" /usr/bin/env -i HOME=/home/jovyan USER=jovyan \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin $env \
    bash -c "$(in_image_script)" > "$work/chroot-run.log" 2>&1 \
    || { tail -30 "$work/chroot-run.log" >&2; return 1; }
  tail -8 "$work/chroot-run.log" >&2
}

step "tools: debootstrap, podman" tools
step "debootstrap bookworm (minbase) from $(debian_mirror)" rootfs
step "podman import of the Debian root as $base" import_base
step "podman build -f deploy/Containerfile --build-arg BASE=$base" build_image
step "tour notebook in the image as jovyan (./kit run, then nbconvert with the coursekit-java kernel)" run_notebook
echo "All steps passed; timings in $log:" >&2
cat "$log"
