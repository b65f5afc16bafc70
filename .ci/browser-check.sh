#!/usr/bin/env bash
# The Java kernel in a real browser: classic Jupyter Notebook serves notebook 00 and a cell that prints
# 20,000 lines, and headless Chromium, driven by puppeteer-core (.ci/browser_check.js), runs them and checks
# what the page shows. Installs Debian's chromium and jupyter-notebook when run as root, and puppeteer-core
# into a temporary folder; installs the kernelspec into a temporary prefix, never into the user's Jupyter.
# Screenshots and the server's log go to out/browser-check/.
set -euo pipefail
cd "$(dirname "$0")/.."
started="$(date +%s.%N)"

packages=(chromium jupyter-notebook fonts-dejavu-core)
if ! command -v chromium >/dev/null || ! command -v jupyter-notebook >/dev/null; then
  if [[ "$(id -u)" != 0 ]]; then
    echo "browser-check: needs Debian's ${packages[*]}; run as root or: sudo apt-get install ${packages[*]}" >&2
    exit 1
  fi
  echo "== installing ${packages[*]}"
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
command -v npm >/dev/null || { echo "browser-check: needs npm (Node.js 18 or later) to install puppeteer-core" >&2; exit 1; }

tmp="$(mktemp -d)"
server=""
cleanup() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

echo "== installing puppeteer-core into $tmp/node"
npm install --prefix "$tmp/node" --no-audit --no-fund --loglevel=error puppeteer-core@24 >/dev/null

name="coursekit-java-browser-ci"
./kit install-kernel --prefix "$tmp/prefix" --name "$name" --heap 1g
# The server reads no configuration of this user's and leaves no runtime files behind.
export JUPYTER_PATH="$tmp/prefix/share/jupyter" JUPYTER_CONFIG_DIR="$tmp/config" JUPYTER_RUNTIME_DIR="$tmp/runtime"

# The notebooks the server shows: a copy of notebook 00 and one cell printing 20,000 lines, both set to
# the kernel installed above.
mkdir -p "$tmp/notebooks"
python3 - notebooks/lectures/00-java-notebooks-tour.ipynb "$tmp/notebooks" "$name" <<'PY'
import json, sys
source, folder, name = sys.argv[1:]
tour = json.load(open(source))
flood = {"cells": [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                    "source": 'for (int i = 0; i < 20000; i++) System.out.println("line " + i);'}],
         "metadata": {}, "nbformat": 4, "nbformat_minor": 4}
for file, nb in [("00-java-notebooks-tour.ipynb", tour), ("print-20000-lines.ipynb", flood)]:
    nb["metadata"]["kernelspec"] = {"name": name, "display_name": "Java (coursekit)", "language": "java"}
    json.dump(nb, open(f"{folder}/{file}", "w"), indent=1)
PY

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
token="$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
echo "== classic Jupyter Notebook $(jupyter-notebook --version) on 127.0.0.1:$port"
rm -rf out/browser-check && mkdir -p out/browser-check
COURSEKIT_QUICK=1 jupyter-notebook --no-browser --allow-root --ip=127.0.0.1 --port="$port" --port-retries=0 \
  --NotebookApp.token="$token" --notebook-dir="$tmp/notebooks" >out/browser-check/server.log 2>&1 &
server=$!
NODE_PATH="$tmp/node/node_modules" node .ci/browser_check.js "http://127.0.0.1:$port" "$token" out/browser-check "$started"
