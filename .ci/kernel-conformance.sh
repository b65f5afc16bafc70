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
# Javadoc in inspection comes from the JDK's sources, which Debian ships apart (openjdk-17-source).
if [[ ! -r "$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")/lib/src.zip" ]]; then
  if [[ "$(id -u)" != 0 ]]; then
    echo "kernel-conformance: the JDK's sources (lib/src.zip) are missing; sudo apt-get install openjdk-17-source" >&2
    exit 2
  fi
  echo "== installing openjdk-17-source (the JDK's Javadoc for inspection)"
  apt-get update -qq && apt-get install -y -qq --no-install-recommends openjdk-17-source >/dev/null
fi

prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
name="coursekit-java-ci"
echo "== installing the kernelspec into $prefix"
./kit install-kernel --prefix "$prefix" --name "$name" --heap 1g
export JUPYTER_PATH="$prefix/share/jupyter"
export COURSEKIT_KERNEL_NAME="$name"
# Read the whole list first: grep -q stopping at the first match can leave jupyter writing into a closed pipe,
# and under pipefail its broken-pipe exit would fail the check.
specs="$(jupyter kernelspec list 2>/dev/null)"
grep -q "$name" <<< "$specs" || { echo "kernel-conformance: jupyter kernelspec list does not show $name:" >&2; echo "$specs" >&2; exit 1; }

echo "== jupyter_kernel_test conformance suite"
/usr/bin/python3 .ci/kernel_conformance.py -v

echo "== nbclient and interrupts"
/usr/bin/python3 .ci/kernel_e2e.py

echo "== ./kit run: the same evaluator headless, its notebook checked by nbformat"
nb="$prefix/headless.ipynb"
/usr/bin/python3 - "$nb" <<'PY'
import sys, nbformat
nb = nbformat.v4.new_notebook()
nb.cells = [nbformat.v4.new_markdown_cell("# Headless"), nbformat.v4.new_code_cell("int n = 3;\nSystem.out.println(n);"),
            nbformat.v4.new_code_cell("display(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB));\nn * 2")]
nbformat.write(nb, sys.argv[1])
PY
./kit run "$nb" --out "$prefix/headless-out.ipynb" --html "$prefix/headless.html"
/usr/bin/python3 - "$prefix/headless-out.ipynb" <<'PY'
import sys, nbformat
nb = nbformat.read(sys.argv[1], as_version=4)
nbformat.validate(nb)
assert nb.cells[2].outputs[1]["data"]["text/plain"] == "6", nb.cells[2].outputs
assert "image/png" in nb.cells[2].outputs[0]["data"]
print("ok: ./kit run wrote a valid nbformat 4 notebook with the outputs")
PY
grep -q 'src="data:image/png;base64,' "$prefix/headless.html" && echo "ok: the HTML page embeds the PNG"
printf '{"cells":[{"cell_type":"code","metadata":{},"execution_count":null,"outputs":[],"source":"throw new RuntimeException(\\"no\\");"}],"metadata":{},"nbformat":4,"nbformat_minor":4}' > "$prefix/fail.ipynb"
if ./kit run "$prefix/fail.ipynb" 2>/dev/null; then echo "kernel-conformance: a failing notebook exited 0" >&2; exit 1; fi
echo "ok: a failing cell makes ./kit run exit non-zero"

echo "== a cell printing 200,000 lines, and one printing 50 MB: head, tail, notice, Jupyter's limits kept, idle arrives"
/usr/bin/python3 kernel/bench/print_flood.py --check "$name"

echo "== ${STARTS:-20} kernel starts in a row"
/usr/bin/python3 .ci/kernel_starts.py "${STARTS:-20}" "$name"

echo "kernel conformance passed."
