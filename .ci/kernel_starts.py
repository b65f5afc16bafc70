"""Starts a kernel many times in a row; fails on any start that hangs or dies.

Each round: start (until kernel_info answers), run `1 + 1` twice (the first waits for the kernel's
language runtime, the second is the round trip), shut down. Prints start-to-ready and trivial-cell
round trip times. Usage: kernel_starts.py ROUNDS [KERNEL_NAME] [--keep-going]
With --keep-going (for comparing other kernels) a failed round is counted instead of ending the run.
"""
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel

args = [a for a in sys.argv[1:] if not a.startswith("--")]
keep_going = "--keep-going" in sys.argv
rounds = int(args[0]) if args else 200
kernel = args[1] if len(args) > 1 else "coursekit-java"
ready, first_cell, trivial, failures = [], [], [], []


def fail(message):
    print(message, flush=True)
    failures.append(message)
    if not keep_going:
        sys.exit(1)


for i in range(rounds):
    start = time.time()
    try:
        km, kc = start_new_kernel(kernel_name=kernel, startup_timeout=30)
    except Exception as e:
        fail("start %d of %d failed: %r" % (i + 1, rounds, e))
        continue
    ready.append(time.time() - start)
    try:
        for times in (first_cell, trivial):
            t = time.time()
            reply = kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda msg: None)
            if reply["content"]["status"] != "ok":
                fail("round %d: 1 + 1 failed: %r" % (i + 1, reply["content"]))
                break
            times.append(time.time() - t)
    except Exception as e:
        fail("round %d: 1 + 1 got no answer: %r" % (i + 1, e))
    finally:
        kc.stop_channels()
        try:
            km.shutdown_kernel(now=False)
        except Exception as e:
            fail("round %d: shutdown failed: %r" % (i + 1, e))
    if km.has_kernel and km.is_alive():
        fail("round %d: the kernel did not exit after shutdown" % (i + 1))
    # Dropped now, not at interpreter exit, where jupyter_client's destructor logs a spurious TypeError.
    del km, kc


def describe(name, values):
    if not values:
        return "%s: no successful round" % name
    return "%s: median %.2f s, min %.2f s, max %.2f s" % (name, statistics.median(values), min(values), max(values))


if failures:
    print("%d of %d rounds of %s failed" % (len(failures), rounds, kernel))
else:
    print("%d starts of %s without a hang or a death" % (rounds, kernel))
print(describe("start to ready (kernel_info answered)", ready))
print(describe("first cell (waits for the language runtime)", first_cell))
print(describe("trivial cell round trip", trivial))
sys.exit(1 if failures else 0)
