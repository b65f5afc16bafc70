#!/usr/bin/env bash
# Start-to-ready and trivial-cell round trip of this kernel, rapaio-jupyter-kernel 3.0.1 (a complete Java kernel
# on Maven Central) and ipykernel (Debian's python3-ipykernel), measured the same way on the same machine:
# ROUNDS rounds each (default 20) of .ci/kernel_starts.py with --keep-going. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${ROUNDS:-20}"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
kernels="$prefix/share/jupyter/kernels"
java_bin="$(command -v java)"

./kit install-kernel --prefix "$prefix" --name bench-coursekit >/dev/null

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
for kernel in bench-coursekit bench-rapaio bench-ipykernel; do
  echo "== $kernel, $rounds rounds"
  /usr/bin/python3 .ci/kernel_starts.py "$rounds" "$kernel" --keep-going 2>/dev/null || true
done
