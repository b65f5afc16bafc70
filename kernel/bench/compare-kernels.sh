#!/usr/bin/env bash
# Start-to-ready and trivial-cell round trip of this kernel (with and without its warm-up), rapaio-jupyter-kernel
# 3.0.1 (a complete Java kernel on Maven Central) and ipykernel (Debian's python3-ipykernel), measured the same way
# on the same machine, interleaved: ROUNDS rounds (default 10) of kernel/bench/compare_kernels.py, each kernel left
# idle IDLE seconds (default 10) before the "after idle" cells. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${ROUNDS:-10}"
idle="${IDLE:-10}"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
kernels="$prefix/share/jupyter/kernels"
java_bin="$(command -v java)"

./kit install-kernel --prefix "$prefix" --name bench-coursekit >/dev/null
./kit install-kernel --prefix "$prefix" --name bench-coursekit-no-warmup --jvm-opt -Dcoursekit.kernel.warmup=0 >/dev/null

rapaio="$HOME/.m2/repository/io/github/padreati/rapaio-jupyter-kernel/3.0.1/rapaio-jupyter-kernel-3.0.1.jar"
[[ -f "$rapaio" ]] || mvn -B -q dependency:get -Dartifact=io.github.padreati:rapaio-jupyter-kernel:3.0.1
mkdir -p "$kernels/bench-rapaio"
cat > "$kernels/bench-rapaio/kernel.json" <<JSON
{"argv": ["$java_bin", "-jar", "$rapaio", "{connection_file}"], "display_name": "rapaio", "language": "java",
 "interrupt_mode": "message",
 "env": {"RJK_COMPILER_OPTIONS": "", "RJK_TIMEOUT_MILLIS": "-1", "RJK_INIT_SCRIPT": "", "RJK_MIMA_CACHE": "$prefix/mima"}}
JSON

if ! /usr/bin/python3 -c "import ipykernel" 2>/dev/null; then
  echo "compare-kernels: needs Debian's python3-ipykernel (apt-get install python3-ipykernel)" >&2
  exit 2
fi
mkdir -p "$kernels/bench-ipykernel"
cat > "$kernels/bench-ipykernel/kernel.json" <<JSON
{"argv": ["/usr/bin/python3", "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
 "display_name": "ipykernel", "language": "python"}
JSON

export JUPYTER_PATH="$prefix/share/jupyter"
/usr/bin/python3 kernel/bench/compare_kernels.py "$rounds" "$idle" \
  bench-coursekit bench-coursekit-no-warmup bench-rapaio bench-ipykernel 2>/dev/null
