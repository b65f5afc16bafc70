#!/usr/bin/env bash
# The benchmarks keep building and running: compiles every benchmark (the bench module, lib's
# AugmentThroughput, kernel/bench/CellCost.java, the Python peers) and runs each benchmark script once
# in its smoke mode (SMOKE=1: seconds of work each), failing on any error or missing result. Smoke timings
# mean nothing; docs/benchmarks.md says how its full runs are made.
#
# Peers come from Debian (python3-torch, python3-torchvision, python3-ipykernel; python3-jupyter-client
# is the kernel comparison's harness, libjemalloc2 steadies the training step) and rapaio-jupyter-kernel
# from Maven Central. Run as root, it installs what is missing; a peer that still cannot be had is skipped
# with one line saying so, and coursekit's side of that benchmark runs alone. The transfer-learning story
# needs the MobileNet weights, found as ./kit finds them (COURSEKIT_WEIGHTS or ../shared/pretrained).
# Everything goes to a temporary folder. 5-7 minutes on 2 busy cores (about 200 s of CPU time) once the
# peers are installed; installing them took 97 s and 679 MB.
set -euo pipefail
cd "$(dirname "$0")/.."

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
python=/usr/bin/python3
fail() { echo "CI benchmarks: $*" >&2; exit 1; }
has_module() { "$python" -c "import $1" 2>/dev/null; }

echo "== peers"
declare -A package_of=([torch]=python3-torch [torchvision]=python3-torchvision [ipykernel]=python3-ipykernel
                       [jupyter_client]=python3-jupyter-client)
missing=()
for module in torch torchvision ipykernel jupyter_client; do
  has_module "$module" || missing+=("${package_of[$module]}")
done
jemalloc=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
[[ -f "$jemalloc" ]] || missing+=(libjemalloc2)
if (( ${#missing[@]} > 0 )); then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing ${missing[*]}"
    (apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null) \
      || echo "apt-get could not install all of ${missing[*]}"
  else
    echo "not root: cannot install ${missing[*]}"
  fi
fi
has_module jupyter_client \
  || fail "the kernel comparison's harness needs Debian's python3-jupyter-client; run as root or: sudo apt-get install python3-jupyter-client"
torch_peer=1
has_module "torch, numpy" || { torch_peer=0; echo "SKIPPED PEER: PyTorch in bench/run.sh (python3-torch could not be installed)"; }
torchvision_peer=1
has_module torchvision || { torchvision_peer=0; echo "SKIPPED PEER: torchvision in bench/augment.sh (python3-torchvision could not be installed)"; }
kernel_peers=()
if [[ -f "$HOME/.m2/repository/io/github/padreati/rapaio-jupyter-kernel/3.0.1/rapaio-jupyter-kernel-3.0.1.jar" ]] \
    || mvn -B -q dependency:get -Dartifact=io.github.padreati:rapaio-jupyter-kernel:3.0.1 >/dev/null 2>&1; then
  kernel_peers+=(rapaio)
else
  echo "SKIPPED PEER: rapaio-jupyter-kernel in kernel/bench/compare-kernels.sh (could not be fetched from Maven Central)"
fi
if has_module ipykernel; then kernel_peers+=(ipykernel)
else echo "SKIPPED PEER: ipykernel in kernel/bench/compare-kernels.sh (python3-ipykernel could not be installed)"; fi

echo "== compile: the bench module with lib (and lib's test classes), kernel and grading; CellCost.java; the Python peers"
mvn -B -q -P bench -DskipTests package
test -s lib/target/test-classes/coursekit/augment/AugmentThroughput.class || fail "lib's test classes hold no AugmentThroughput"
javac -d "$out/cell-cost-classes" -cp "kernel/target/classes:$(cat kernel/target/runtime-classpath.txt)" kernel/bench/CellCost.java
# Compiled in memory: py_compile would leave __pycache__ folders in the checkout.
"$python" -c 'import sys; [compile(open(f).read(), f, "exec") for f in sys.argv[1:]]' \
  bench/pytorch_step.py bench/augment_torchvision.py bench/photo_load_torchvision.py bench/submissions.py \
  kernel/bench/compare_kernels.py kernel/bench/print_flood.py kernel/bench/pause_curve.py kernel/bench/trivial_cell.py
for script in bench/*.sh kernel/bench/*.sh; do bash -n "$script"; done
export SMOKE=1

step() { echo "== $1"; started=$SECONDS; }
took() { echo "ok: $1 ($(( SECONDS - started )) s)"; }

step "training step against PyTorch: SMOKE=1 PEER=$torch_peer bench/run.sh"
PEER=$torch_peer OUT="$out/train-step" bench/run.sh | tee "$out/train-step.log"
grep -Eq '^64x64 +fit +[0-9.]+ ' "$out/train-step.log" || fail "bench/run.sh printed no 64x64 fit row"
grep -q 'ratio_last_over_epoch2' "$out/train-step.log" || fail "bench/run.sh printed no memory ratio"
if [[ $torch_peer == 1 ]]; then
  grep -Eq '^64x64 +core +[0-9.]+ \([0-9. ]+\) +[0-9.]+ \([0-9. ]+\) +[0-9.]+$' "$out/train-step.log" \
    || fail "bench/run.sh printed no PyTorch time or ratio for 64x64"
fi
took "training step"

step "augmentation against torchvision: SMOKE=1 PEER=$torchvision_peer bench/augment.sh"
PEER=$torchvision_peer bench/augment.sh | tee "$out/augment.log"
for side in coursekit torchvision; do
  [[ $side == torchvision && $torchvision_peer == 0 ]] && continue
  for size in 150 32; do
    grep -Eq "^RESULT $side $size images_per_s=[0-9]+" "$out/augment.log" || fail "bench/augment.sh printed no $side rate at $size"
  done
done
took "augmentation"

step "loading the lecture's photos against torchvision: SMOKE=1 PEER=$torchvision_peer bench/photo_load.sh"
PEER=$torchvision_peer ROUNDS=1 bench/photo_load.sh 2 1 | tee "$out/photo-load.log"
grep -Eq "^SUMMARY images/s" "$out/photo-load.log" || fail "bench/photo_load.sh printed no summary"
grep -Eq "^RESULT coursekit photos=600 peak_heap_mb=" "$out/photo-load.log" || fail "bench/photo_load.sh did not load its large set"
if [[ $torchvision_peer == 1 ]]; then
  grep -Eq "^SUMMARY ratio coursekit/torchvision, decoding epoch: first \(cold JVM\) [0-9.]+, warm JVM [0-9.]+" "$out/photo-load.log" || fail "bench/photo_load.sh printed no ratio to torchvision"
fi
took "photo loading"

step "grading throughput: SMOKE=1 bench/grading.sh"
bench/grading.sh | tee "$out/grading.log"
grep -q "submissions per minute" "$out/grading.log" || fail "bench/grading.sh printed no throughput"
took "grading"

step "the Gradescope bundle per submission against ./kit grade: SMOKE=1 bench/gradescope.sh"
bench/gradescope.sh | tee "$out/gradescope.log"
grep -Eq "^per submission: bundle [0-9.]+ s, ./kit grade [0-9.]+ s, ratio bundle / kit grade [0-9.]+$" "$out/gradescope.log" \
  || fail "bench/gradescope.sh printed no per-submission times"
took "Gradescope bundle"

step "continual learning: SMOKE=1 bench/continual_learning.sh"
OUT="$out/continual" bench/continual_learning.sh > "$out/continual.log" || { tail -n 30 "$out/continual.log" >&2; fail "bench/continual_learning.sh failed"; }
for dataset in mnist fashion-mnist; do
  rows="$(grep -c '^| [A-Za-z]' "$out/continual/$dataset/comparison.md" || true)"
  if (( rows != 13 )); then
    tail -n 20 "$out/continual.log" >&2
    fail "Split-$dataset's comparison.md has $(( rows - 1 )) strategy rows, not 12"
  fi
  rows="$(grep -c '^| [A-Za-z]' "$out/continual/$dataset-task/comparison.md" || true)"
  (( rows == 10 )) || fail "Split-$dataset with a head per task has $(( rows - 1 )) strategy rows in comparison.md, not 9"
  for memory in 20 50; do
    rows="$(grep -c '^| iCaRL' "$out/continual/$dataset-memory-$memory/comparison.md" || true)"
    (( rows == 2 )) || fail "Split-$dataset with memory $memory has $rows iCaRL rows in comparison.md, not 2"
  done
done
tail -n 12 "$out/continual.log"
took "continual learning"

step "transfer-learning story: SMOKE=1 bench/transfer_story.sh"
OUT="$out/transfer" bench/transfer_story.sh > "$out/transfer.log" || { tail -n 30 "$out/transfer.log" >&2; fail "bench/transfer_story.sh failed"; }
tail -n 6 "$out/transfer.log"
rows="$(grep -Ec '^\| (from scratch|fast feature extraction|feature extraction with augmentation|fine-tuning) \|' "$out/transfer.log" || true)"
(( rows == 4 )) || fail "bench/transfer_story.sh's table has $rows of its 4 methods"
took "transfer-learning story"

step "JShell's cost per cell: SMOKE=1 kernel/bench/cell-cost.sh"
kernel/bench/cell-cost.sh | tee "$out/cell-cost.log"
grep -Eq '^\| 1-100 \| [0-9.]+ ms \| [0-9.]+ ms \| [0-9.]+ \|$' "$out/cell-cost.log" || fail "kernel/bench/cell-cost.sh printed no row for cells 1-100"
took "cell cost"

step "kernels against ${kernel_peers[*]:-no peers}: SMOKE=1 kernel/bench/compare-kernels.sh"
PEERS="${kernel_peers[*]}" kernel/bench/compare-kernels.sh | tee "$out/kernels.log"
for kernel in bench-coursekit bench-coursekit-no-warmup $([[ " ${kernel_peers[*]} " == *" ipykernel "* ]] && echo bench-ipykernel); do
  grep -Eq "^\| $kernel \| 0 of 1 \| [0-9.]+ s " "$out/kernels.log" || fail "$kernel failed its round in kernel/bench/compare-kernels.sh"
done
for kernel in bench-coursekit bench-coursekit-no-warmup; do
  grep -Eq "^\| $kernel \| [0-9]+ ms \| [0-9]+ ms \|$" "$out/kernels.log" || fail "kernel/bench/compare-kernels.sh printed no pause curve for $kernel"
done
# rapaio-jupyter-kernel 3.0.1 sometimes dies or hangs at start (a race in its start-up): that is a finding of the
# comparison, which counts failed rounds, not a failure of this check.
if [[ " ${kernel_peers[*]} " == *" rapaio "* ]] && ! grep -Eq '^\| bench-rapaio \| 0 of 1 ' "$out/kernels.log"; then
  echo "NOTE: rapaio-jupyter-kernel failed its round (its known start-up race); coursekit's and ipykernel's rounds passed"
fi
took "kernel comparison"

echo "benchmarks passed (smoke mode)."
