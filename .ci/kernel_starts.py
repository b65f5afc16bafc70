"""Starts the kernel many times in a row; fails on any start that hangs or dies.

Each round: start (until kernel_info answers), run `1 + 1`, shut down. Prints start-to-ready and
trivial-cell round trip times. Usage: kernel_starts.py ROUNDS [KERNEL_NAME]
"""
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
kernel = sys.argv[2] if len(sys.argv) > 2 else "coursekit-java"
ready, first_cell, trivial = [], [], []
for i in range(rounds):
    start = time.time()
    try:
        km, kc = start_new_kernel(kernel_name=kernel, startup_timeout=60)
    except Exception as e:
        print("start %d of %d failed: %r" % (i + 1, rounds, e))
        sys.exit(1)
    ready.append(time.time() - start)
    try:
        for times in (first_cell, trivial):
            t = time.time()
            reply = kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda msg: None)
            if reply["content"]["status"] != "ok":
                print("round %d: 1 + 1 failed: %r" % (i + 1, reply["content"]))
                sys.exit(1)
            times.append(time.time() - t)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    if km.has_kernel and km.is_alive():
        print("round %d: the kernel did not exit after shutdown" % (i + 1))
        sys.exit(1)


def describe(name, values):
    return "%s: median %.2f s, min %.2f s, max %.2f s" % (name, statistics.median(values), min(values), max(values))


print("%d starts of %s without a hang or a death" % (rounds, kernel))
print(describe("start to ready (kernel_info answered)", ready))
print(describe("first cell (waits for JShell)", first_cell))
print(describe("trivial cell round trip", trivial))
