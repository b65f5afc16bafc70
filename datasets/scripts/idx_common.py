"""Shared helpers for the dataset build scripts: IDX files, deterministic gzip,
checksums, atomic writes and fetching pinned packages. Python standard library only."""

import gzip
import hashlib
import io
import os
import re
import struct
import subprocess
import sys
import tempfile

# IDX type code for unsigned bytes (the third byte of the magic number).
IDX_UBYTE = 0x08


class BuildError(Exception):
    """A failure with one sentence that says what went wrong and what to do."""


def open_member(tar, member, tarball):
    """The file `member` of an open tar archive, or a BuildError naming both."""
    try:
        stream = tar.extractfile(member)
    except KeyError:
        stream = None
    if stream is None:
        raise BuildError(f"{tarball} has no file {member}")
    return stream


def sha256_bytes(data):
    return hashlib.sha256(data).hexdigest()


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def require_sha256(label, actual, expected):
    if actual != expected:
        raise BuildError(
            f"{label} has sha256 {actual}, expected {expected}; "
            "the download differs from the pinned one, so nothing was written")


def idx_bytes(dims, payload):
    """An IDX file of unsigned bytes: magic 0x0000 08 <ndims>, big-endian uint32 dims, then data."""
    count = 1
    for d in dims:
        count *= d
    if len(payload) != count:
        raise BuildError(f"IDX payload has {len(payload)} bytes but dims {dims} need {count}")
    header = struct.pack(">BBBB", 0, 0, IDX_UBYTE, len(dims)) + struct.pack(f">{len(dims)}I", *dims)
    return header + bytes(payload)


def parse_idx(data, name, expected_ndims):
    """Returns (dims, payload) of an unsigned-byte IDX file, checking magic and length."""
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] != IDX_UBYTE:
        raise BuildError(f"{name} is not an unsigned-byte IDX file (magic {data[:4].hex()})")
    ndims = data[3]
    if ndims != expected_ndims:
        raise BuildError(f"{name} has {ndims} dimensions, expected {expected_ndims}")
    dims = struct.unpack(f">{ndims}I", data[4:4 + 4 * ndims])
    payload = data[4 + 4 * ndims:]
    count = 1
    for d in dims:
        count *= d
    if len(payload) != count:
        raise BuildError(f"{name} has {len(payload)} data bytes but its header {dims} says {count}")
    return dims, payload


def gzip_deterministic(data):
    """gzip with no file name, mtime 0 and level 9, so equal input gives equal bytes
    (for one zlib version)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as stream:
        stream.write(data)
    return buffer.getvalue()


def write_atomic(path, data):
    """Writes to a temporary file in the same folder, then renames it over the target."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def sha256sums_text(files):
    """sha256sum's format for (name, bytes) pairs, in the given order."""
    return "".join(f"{sha256_bytes(data)}  {name}\n" for name, data in files)


def run(cmd, cwd, what):
    """Runs a command quietly; on failure raises one sentence with the tool's last error line."""
    try:
        proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except FileNotFoundError:
        raise BuildError(f"{what} needs the command '{cmd[0]}', which is not installed")
    if proc.returncode != 0:
        lines = [line.strip() for line in (proc.stderr + proc.stdout).splitlines() if line.strip()]
        # Prefer the tool's first real error line (npm's "npm error ...", apt's "E: ...").
        errors = [line for line in lines
                  if re.match(r"(npm (ERR!|error) |E: )", line)
                  and not re.match(r"npm (ERR!|error) (code |A complete log)", line)]
        detail = errors[0] if errors else (lines[-1] if lines else "no output")
        raise BuildError(f"{what} failed ({' '.join(cmd)}: {detail})")
    return proc.stdout


def npm_pack(spec, workdir):
    """Downloads the published tarball of an npm package (without installing it); returns its path."""
    out = run(["npm", "pack", spec], workdir, f"downloading {spec} from npm")
    name = out.strip().splitlines()[-1].strip()
    path = os.path.join(workdir, name)
    if not os.path.isfile(path):
        raise BuildError(f"npm pack {spec} reported {name!r} but no such file was written")
    return path


def apt_download(spec, workdir):
    """Downloads a Debian package file (no root needed); returns its path."""
    run(["apt-get", "download", spec], workdir, f"downloading {spec} with apt-get")
    debs = [f for f in os.listdir(workdir) if f.endswith(".deb")]
    if len(debs) != 1:
        raise BuildError(f"apt-get download {spec} left {len(debs)} .deb files instead of one")
    return os.path.join(workdir, debs[0])


def source_file(given, fetch, workdir):
    """Uses a local copy when one is given, else fetches it into workdir."""
    if given:
        if not os.path.isfile(given):
            raise BuildError(f"{given} does not exist")
        return given
    return fetch(workdir)


def finish(files, out_dir, check):
    """Writes (name, bytes) files and SHA256SUMS, or with check=True compares them with the
    SHA256SUMS already in out_dir and writes nothing. Returns a process exit status."""
    sums = sha256sums_text(files)
    if check:
        listed = os.path.join(out_dir, "SHA256SUMS")
        if not os.path.isfile(listed):
            print(f"{listed} does not exist; build without --check first", file=sys.stderr)
            return 1
        with open(listed) as stream:
            expected = stream.read()
        if expected != sums:
            print(f"the rebuilt files differ from {listed}; the rebuilt checksums are:", file=sys.stderr)
            print(sums, end="", file=sys.stderr)
            return 1
        print(f"{out_dir}: rebuilt files match SHA256SUMS")
        return 0
    for name, data in files:
        write_atomic(os.path.join(out_dir, name), data)
    write_atomic(os.path.join(out_dir, "SHA256SUMS"), sums.encode("ascii"))
    print(f"{out_dir}: wrote " + ", ".join(name for name, _ in files) + ", SHA256SUMS")
    return 0


def main_wrapper(main):
    try:
        sys.exit(main())
    except BuildError as error:
        print(f"{os.path.basename(sys.argv[0])}: {error}.", file=sys.stderr)
        sys.exit(1)
