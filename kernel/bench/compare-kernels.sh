#!/usr/bin/env bash
# Start-to-ready and trivial-cell round trip of this kernel (with and without its warm-up), rapaio-jupyter-kernel
# 3.0.1 (a complete Java kernel on Maven Central) and ipykernel (Debian's python3-ipykernel), measured the same way
# on the same machine, interleaved: ROUNDS rounds (default 10) of kernel/bench/compare_kernels.py, each kernel left
# idle IDLE seconds (default 10) before the "after idle" cells, then WARM_CELLS cells back to back (default 100).
#
#   ROUNDS=6 IDLE=10 kernel/bench/compare-kernels.sh
#   SMOKE=1 kernel/bench/compare-kernels.sh        # smoke mode (CI, .ci/benchmarks.sh): 1 round, 1 s idle, 20 warm cells, a small flood
#   PEERS=ipykernel kernel/bench/compare-kernels.sh # peers to run beside coursekit: "rapaio ipykernel" (default), a subset, or ""
#
# Then how long a pause the warm-up needs (kernel/bench/pause_curve.py): coursekit with and without its warm-up,
# PAUSES seconds after the first cell (default "0 5 10 20"; smoke "0 1").
#
# Then a printing flood (kernel/bench/print_flood.py) on this kernel and the ipykernel peer: one cell printing
# FLOOD_LINES short lines (default 200,000; smoke 20,000) and one printing FLOOD_MB megabytes (default 50; smoke 5).
#
# Needs Debian's python3-jupyter-client (the harness) and, for the ipykernel peer, python3-ipykernel; fetches
# rapaio-jupyter-kernel 3.0.1 from Maven Central into ~/.m2 for the rapaio peer.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ "${SMOKE:-0}" == 1 ]]; then
  ROUNDS="${ROUNDS:-1}"
  IDLE="${IDLE:-1}"
  export WARM_CELLS="${WARM_CELLS:-20}"
  FLOOD_LINES="${FLOOD_LINES:-20000}"
  FLOOD_MB="${FLOOD_MB:-5}"
  PAUSES="${PAUSES:-0 1}"
fi
rounds="${ROUNDS:-10}"
idle="${IDLE:-10}"
read -r -a peers <<< "${PEERS-rapaio ipykernel}"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
kernels="$prefix/share/jupyter/kernels"
java_bin="$(command -v java)"

if ! /usr/bin/python3 -c "import jupyter_client" 2>/dev/null; then
  echo "compare-kernels: needs Debian's python3-jupyter-client to start and time the kernels (apt-get install python3-jupyter-client)" >&2
  exit 2
fi

./kit install-kernel --prefix "$prefix" --name bench-coursekit >/dev/null
./kit install-kernel --prefix "$prefix" --name bench-coursekit-no-warmup --jvm-opt -Dcoursekit.kernel.warmup=0 >/dev/null
names=(bench-coursekit bench-coursekit-no-warmup)

for peer in "${peers[@]}"; do
  case "$peer" in
    rapaio)
      rapaio="$HOME/.m2/repository/io/github/padreati/rapaio-jupyter-kernel/3.0.1/rapaio-jupyter-kernel-3.0.1.jar"
      if [[ ! -f "$rapaio" ]] && ! mvn -B -q dependency:get -Dartifact=io.github.padreati:rapaio-jupyter-kernel:3.0.1 >/dev/null; then
        echo "compare-kernels: could not fetch io.github.padreati:rapaio-jupyter-kernel:3.0.1 from Maven Central; run with PEERS=ipykernel to leave it out" >&2
        exit 2
      fi
      mkdir -p "$kernels/bench-rapaio"
      cat > "$kernels/bench-rapaio/kernel.json" <<JSON
{"argv": ["$java_bin", "-jar", "$rapaio", "{connection_file}"], "display_name": "rapaio", "language": "java",
 "interrupt_mode": "message",
 "env": {"RJK_COMPILER_OPTIONS": "", "RJK_TIMEOUT_MILLIS": "-1", "RJK_INIT_SCRIPT": "", "RJK_MIMA_CACHE": "$prefix/mima"}}
JSON
      names+=(bench-rapaio)
      ;;
    ipykernel)
      if ! /usr/bin/python3 -c "import ipykernel" 2>/dev/null; then
        echo "compare-kernels: the ipykernel peer needs Debian's python3-ipykernel (apt-get install python3-ipykernel); run with PEERS=rapaio to leave it out" >&2
        exit 2
      fi
      mkdir -p "$kernels/bench-ipykernel"
      cat > "$kernels/bench-ipykernel/kernel.json" <<JSON
{"argv": ["/usr/bin/python3", "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
 "display_name": "ipykernel", "language": "python"}
JSON
      names+=(bench-ipykernel)
      ;;
    *)
      echo "compare-kernels: unknown peer '$peer' in PEERS; use rapaio, ipykernel or both" >&2
      exit 2
      ;;
  esac
done
(( ${#names[@]} > 2 )) || echo "compare-kernels: no peers (PEERS is empty); coursekit only"

export JUPYTER_PATH="$prefix/share/jupyter"
# The harnesses share kernel/bench/trivial_cell.py; no __pycache__ is left in the checkout.
export PYTHONDONTWRITEBYTECODE=1
# The kernels' own start-up chatter goes to a log, shown only if the comparison itself fails.
if ! /usr/bin/python3 kernel/bench/compare_kernels.py "$rounds" "$idle" "${names[@]}" 2>"$prefix/stderr.log"; then
  echo "compare-kernels: compare_kernels.py failed; the end of its error output:" >&2
  tail -n 30 "$prefix/stderr.log" >&2
  exit 1
fi

flooded=(bench-coursekit)
[[ " ${names[*]} " == *" bench-ipykernel "* ]] && flooded+=(bench-ipykernel)
echo
echo "A cell printing a flood, until its idle status arrives:"
if ! /usr/bin/python3 kernel/bench/print_flood.py --lines "${FLOOD_LINES:-200000}" --megabytes "${FLOOD_MB:-50}" "${flooded[@]}" 2>"$prefix/flood.log"; then
  echo "compare-kernels: print_flood.py failed; the end of its error output:" >&2
  tail -n 30 "$prefix/flood.log" >&2
  exit 1
fi

echo
echo "How long a pause the warm-up needs (median of ten 1 + 1 cells, 0.3 s apart, after the pause):"
if ! /usr/bin/python3 kernel/bench/pause_curve.py "${PAUSES:-0 5 10 20}" bench-coursekit bench-coursekit-no-warmup 2>"$prefix/pause.log"; then
  echo "compare-kernels: pause_curve.py failed; the end of its error output:" >&2
  tail -n 30 "$prefix/pause.log" >&2
  exit 1
fi
