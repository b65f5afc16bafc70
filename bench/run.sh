#!/usr/bin/env bash
# Training step of the lecture CNN: coursekit (DJL 0.32.0, libtorch 2.5.1) against the same network
# in Python PyTorch (Debian python3-torch 1.13.1), alternating in one run, then coursekit's memory
# over a 20-epoch fit. Raw logs go to bench/out/ (OUT=DIR elsewhere).
#
#   bench/run.sh                         # 3 rounds of coursekit then PyTorch; then memory
#   ROUNDS=5 JEMALLOC=0 THREADS=1 bench/run.sh  # more rounds, no jemalloc, 1 intra-op thread on both sides
#   SMOKE=1 bench/run.sh                 # smoke mode (CI): 64x64 only, 1 round of 3 steps, 2 epochs of memory,
#                                        # no waiting for a quiet machine, logs in a temporary folder; ~1 min
#   PEER=0 bench/run.sh                  # coursekit's side only (no PyTorch), e.g. where python3-torch is missing
#
# Needs: JDK 17, Maven, and `apt-get install -y --no-install-recommends python3-torch libjemalloc2`.
# Debian's torch calls BLAS through libblas.so.3; with only the reference BLAS it is slow, so install
# libopenblas0-openmp as well (the script prints the BLAS the peer loaded).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JEMALLOC_SO=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
SMOKE="${SMOKE:-0}"
PEER="${PEER:-1}"
PYTHON="${PYTHON:-/usr/bin/python3}"
if [[ "$SMOKE" == 1 ]]; then
  OUT="${OUT:-$(mktemp -d)}"
  ROUNDS="${ROUNDS:-1}"
  SIZES="${SIZES:-64}"
  STEP_ARGS="${STEP_ARGS:---warmup 1 --steps64 3 --steps150 2 --repeats 1}"
  MEMORY_ARGS="${MEMORY_ARGS:---epochs 2 --images 64}"
  # Where jemalloc is missing the smoke run goes without it (it only steadies timings).
  [[ -f "$JEMALLOC_SO" ]] || JEMALLOC="${JEMALLOC:-0}"
fi
OUT="${OUT:-$ROOT/bench/out}"
ROUNDS="${ROUNDS:-3}"
JEMALLOC="${JEMALLOC:-1}"
SIZES="${SIZES:-64 150}"
read -r -a STEP_ARGS <<< "${STEP_ARGS:---warmup 5 --steps64 30 --steps150 15 --repeats 3}"
read -r -a MEMORY_ARGS <<< "${MEMORY_ARGS:---epochs 20 --images 1024}"

if [[ "$PEER" == 1 ]] && ! "$PYTHON" -c "import torch, numpy" 2>/dev/null; then
  echo "bench/run.sh: the PyTorch peer needs torch and numpy for $PYTHON (apt-get install python3-torch), or run PEER=0 for coursekit's side only." >&2
  exit 2
fi

mkdir -p "$OUT"
rm -f "$OUT"/*.log

echo "== build (logs in $OUT)"
# Built against this checkout's lib (the root POM's profile "bench") and run on its classes and its own
# dependency list, not on a coursekit-lib jar in ~/.m2 that another checkout may replace at any time.
(cd "$ROOT" && mvn -B -q -P bench -pl bench -am -DskipTests package)
CP="$ROOT/bench/target/classes:$ROOT/lib/target/classes:$(cat "$ROOT/lib/target/runtime-classpath.txt")"

PRELOAD=""
if [[ "$JEMALLOC" == 1 ]]; then
  [[ -f "$JEMALLOC_SO" ]] || { echo "JEMALLOC=1 needs $JEMALLOC_SO (apt-get install libjemalloc2), or run with JEMALLOC=0." >&2; exit 1; }
  PRELOAD="$JEMALLOC_SO"
fi

# Percent of CPU time the machine spent busy over one second (this script is idle meanwhile).
busy_percent() {
  local a b
  read -r -a a < <(grep '^cpu ' /proc/stat)
  sleep 1
  read -r -a b < <(grep '^cpu ' /proc/stat)
  local total=0 idle=$(( (b[4] + b[5]) - (a[4] + a[5]) ))
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}

# Other work on a 2-core machine wrecks the timings: wait (QUIET_WAIT seconds at most) until it is quiet.
# A smoke run checks that everything runs, not how fast: it never waits.
wait_quiet() {
  local busy
  [[ "$SMOKE" == 1 ]] && return
  for _ in $(seq $(( ${QUIET_WAIT:-1800} / 10 ))); do
    busy="$(busy_percent)"
    if (( busy < 10 )); then echo "machine busy before run: ${busy}%"; return; fi
    echo "machine busy ${busy}% before run; waiting"; sleep 9
  done
  echo "WARNING: machine still busy ${busy}% before run; timings may be off"
}

# Runs a command with its output saved to a log, and appends to runs.log its wall time, its own CPU
# time (user, sys) and the CPU time used by everything else on the machine meanwhile ("foreign").
measured() {
  local label="$1" log="$2"; shift 2
  local busy0 busy1 own0 own1 wall0 wall1
  busy0="$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat)"
  times > "$OUT/.times"; own0="$(tail -1 "$OUT/.times")"
  wall0="$(date +%s.%N)"
  "$@" | tee "$log"
  wall1="$(date +%s.%N)"
  times > "$OUT/.times"; own1="$(tail -1 "$OUT/.times")"
  busy1="$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat)"
  local line
  line="$(awk -v label="$label" -v w0="$wall0" -v w1="$wall1" -v b0="$busy0" -v b1="$busy1" -v hz="$(getconf CLK_TCK)" \
      -v cores="$(nproc)" -v o0="$own0" -v o1="$own1" '
    function sec(t,  p) { split(t, p, /[ms]/); return p[1] * 60 + p[2] }
    BEGIN {
      split(o0, a, " "); split(o1, b, " ")
      user = sec(b[1]) - sec(a[1]); sys = sec(b[2]) - sec(a[2]); wall = w1 - w0
      foreign = (b1 - b0) / hz - user - sys
      printf "RUN %-12s wall=%.0fs user=%.0fs sys=%.0fs foreign_cpu=%.0f%%\n", label, wall, user, sys, 100 * (foreign > 0 ? foreign : 0) / (wall * cores)
    }')"
  echo "$line" | tee -a "$OUT/runs.log"
  FOREIGN="$(sed 's/.*foreign_cpu=\([0-9]*\)%.*/\1/' <<< "$line")"
}

# A run during which other processes took more than 10% of the machine is repeated (twice at most).
run_quietly() {
  for attempt in 1 2 3; do
    wait_quiet
    measured "$@"
    if (( FOREIGN <= 10 )) || [[ "$SMOKE" == 1 ]]; then return; fi
    echo "other processes used ${FOREIGN}% of the CPU during this run; repeating it"
  done
  echo "WARNING: $1 kept being disturbed; its numbers are from a busy machine"
}

JAVA_THREADS=()
[[ -n "${THREADS:-}" ]] && JAVA_THREADS=(-Dai.djl.pytorch.num_threads="$THREADS")

run_java() {
  env ${PRELOAD:+LD_PRELOAD=$PRELOAD} java -Xmx3g -Dai.djl.offline=true "${JAVA_THREADS[@]}" -cp "$CP" coursekit.bench.TrainStepBench "$@"
}

run_python() {
  env ${PRELOAD:+LD_PRELOAD=$PRELOAD} "$PYTHON" "$ROOT/bench/pytorch_step.py" "$@"
}

# Alternate coursekit and PyTorch size by size, so that drift of the machine hits both alike.
for round in $(seq "$ROUNDS"); do
  for size in $SIZES; do
    echo "== round $round, ${size}x${size}: coursekit"
    run_quietly "coursekit-$size-$round" "$OUT/coursekit-$size-$round.log" run_java step --sizes "$size" "${STEP_ARGS[@]}"
    [[ "$PEER" == 1 ]] || continue
    # The peer gets as many intra-op threads as libtorch has in the JVM.
    THREADS="${THREADS:-$(awk '/^RESULT coursekit threads/ {print $4}' "$OUT/coursekit-$size-$round.log")}"
    echo "== round $round, ${size}x${size}: PyTorch (intra-op threads = coursekit's: $THREADS)"
    run_quietly "pytorch-$size-$round" "$OUT/pytorch-$size-$round.log" run_python --sizes "$size" "${STEP_ARGS[@]}" --threads "$THREADS"
  done
done

# Memory does not depend on a quiet machine.
echo "== memory: coursekit"
measured memory "$OUT/memory.log" run_java memory "${MEMORY_ARGS[@]}"

echo
echo "== summary ($ROUNDS rounds; median ms/step within each round, then the median of the rounds; LD_PRELOAD=${PRELOAD:-none} on both sides)"
echo "coursekit: DJL 0.32.0, libtorch $(sed -n 's/.*libtorch \([0-9.]*\).*/\1/p' "$(ls "$OUT"/coursekit-*.log | head -1)" | head -1)"
if [[ "$PEER" == 1 ]]; then
  echo "PyTorch:   torch $(sed -n 's/^torch \([^,]*\),.*/\1/p' "$OUT/pytorch-${SIZES%% *}-1.log") (Debian python3-torch 1.13.1), $(grep '^BLAS' "$OUT/pytorch-${SIZES%% *}-1.log")"
else
  echo "PyTorch:   skipped (PEER=0)"
fi
logs=("$OUT"/coursekit-*.log)
[[ "$PEER" == 1 ]] && logs+=("$OUT"/pytorch-*.log)
cat "${logs[@]}" | awk '
  function median(list,  v, n, i, j, t) {
    n = split(list, v, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  /^RESULT (coursekit|pytorch) [0-9]+ (fit|core) / {
    split($5, m, "="); key = $3 " " $4; runs[$2 " " key] = runs[$2 " " key] sprintf(" %.1f", m[2]); keys[key] = 1
  }
  END {
    printf "%-8s %-5s %-30s %-30s %s\n", "size", "step", "coursekit ms/step (rounds)", "PyTorch ms/step (rounds)", "ratio"
    for (k in keys) {
      c = median(runs["coursekit " k]); p = median(runs["pytorch " k]); split(k, parts, " ")
      printf "%-8s %-5s %-30s %-30s %s\n", parts[1] "x" parts[1], parts[2], sprintf("%.1f (%s)", c, substr(runs["coursekit " k], 2)),
        (("pytorch " k) in runs) ? sprintf("%.1f (%s)", p, substr(runs["pytorch " k], 2)) : "-",
        (("pytorch " k) in runs) ? sprintf("%.2f", c / p) : "-"
    }
  }' | sort -k1,1n -k2,2r
echo "(fit: a Fit.fit epoch / steps, uint8 -> float included; core: the step on a pre-made float batch)"
echo "target: coursekit/PyTorch <= 1.10 for the fit step"
echo
echo "phases (median ms within each round):"
grep -h 'profile' "${logs[@]}" | sed 's/^RESULT //' | sort -k2,2n -k1,1 -s
echo
echo "runs (foreign_cpu: CPU used by other processes during the run, % of all cores):"
cat "$OUT/runs.log"
echo
echo "memory:"
grep -h 'RESULT coursekit memory' "$OUT/memory.log" | sed 's/^RESULT coursekit memory //'
