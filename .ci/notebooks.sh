#!/usr/bin/env bash
# Every lecture notebook in quick mode through the headless runner (stopping at the first failing cell),
# after checking that none is committed with outputs; then ./kit lab NOTEBOOK's files and its error for a
# wrong name. Real Jupyter runs lecture notebooks in .ci/kernel_e2e.py. About 3 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

export COURSEKIT_QUICK=1
# One PyTorch thread: on a shared 2-core machine MobileNet's passes are several times faster so.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"

notebooks=(notebooks/lectures/*.ipynb)
echo "== ${#notebooks[@]} lecture notebooks are committed without outputs"
python3 - "${notebooks[@]}" <<'PY'
import json, sys
for path in sys.argv[1:]:
    cells = json.load(open(path))["cells"]
    for number, cell in enumerate(cells, 1):
        if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
            sys.exit("CI: %s has outputs in cell %d; clear them before committing (Jupyter: Edit > Clear outputs of all cells)." % (path, number))
print("ok: no outputs in %d notebooks" % len(sys.argv[1:]))
PY

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for nb in "${notebooks[@]}"; do
  name="$(basename "$nb" .ipynb)"
  echo "== $name (quick mode)"
  start=$SECONDS
  ./kit run "$nb" --out "$out/$name.ipynb" --html "$out/$name.html" --timeout 600
  grep -q 'src="data:image/png;base64,' "$out/$name.html" || { echo "CI: $name shows no image" >&2; exit 1; }
  echo "ok: $name ran in $(( SECONDS - start )) s"
done

echo "== ./kit lab NOTEBOOK writes the executed notebook and its HTML page to out/"
rm -f out/00-java-notebooks-tour.ipynb out/00-java-notebooks-tour.html
./kit lab 00-java-notebooks-tour
test -s out/00-java-notebooks-tour.ipynb && test -s out/00-java-notebooks-tour.html \
  || { echo "CI: ./kit lab 00-java-notebooks-tour wrote no out/00-java-notebooks-tour.{ipynb,html}" >&2; exit 1; }
if ./kit lab 99-no-such-notebook 2>"$out/err.txt"; then echo "CI: an unknown notebook was accepted" >&2; exit 1; fi
grep -q "00-java-notebooks-tour" "$out/err.txt" || { echo "CI: the error for an unknown notebook lists no notebooks" >&2; exit 1; }

echo "lecture notebooks passed."
