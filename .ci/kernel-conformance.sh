#!/usr/bin/env bash
# The Java kernel against real Jupyter: Debian's jupyter_kernel_test conformance suite, nbclient running
# a notebook, interrupts through jupyter_client, and STARTS kernel starts in a row (default 20; the
# robustness run uses 200: STARTS=200 .ci/kernel-conformance.sh). Installs its own apt packages when
# run as root; installs the kernelspec into a temporary prefix, never into the user's Jupyter.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(jupyter-client jupyter-nbconvert python3-nbclient python3-jupyter-kernel-test fonts-dejavu-core)
if ! /usr/bin/python3 -c "import jupyter_kernel_test, nbclient" 2>/dev/null; then
  if [[ "$(id -u)" != 0 ]]; then
    echo "kernel-conformance: needs Debian's ${packages[*]}; run as root or: sudo apt-get install ${packages[*]}" >&2
    exit 2
  fi
  echo "== installing ${packages[*]}"
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
name="coursekit-java-ci"
echo "== installing the kernelspec into $prefix"
./kit install-kernel --prefix "$prefix" --name "$name" --heap 1g
export JUPYTER_PATH="$prefix/share/jupyter"
export COURSEKIT_KERNEL_NAME="$name"
jupyter kernelspec list 2>/dev/null | grep -q "$name" || { echo "kernel-conformance: jupyter kernelspec list does not show $name" >&2; exit 1; }

echo "== jupyter_kernel_test conformance suite"
/usr/bin/python3 .ci/kernel_conformance.py -v

echo "== nbclient and interrupts"
/usr/bin/python3 .ci/kernel_e2e.py

echo "== ${STARTS:-20} kernel starts in a row"
/usr/bin/python3 .ci/kernel_starts.py "${STARTS:-20}" "$name"

echo "kernel conformance passed."
