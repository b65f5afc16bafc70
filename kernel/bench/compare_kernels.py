"""Start-to-ready and trivial-cell round trips of several Jupyter kernels, interleaved round by round.

Each round starts every kernel once, in an order that rotates from round to round, so that a change in
the machine's load falls on all of them alike. Per kernel and round: start until kernel_info answers
("ready"), run `1 + 1` (the "first cell", which may wait for the language runtime), run `1 + 1` again at
once (the "trivial cell", what a benchmark loop or "Run All" sees), then leave the kernel idle for IDLE
seconds and run `1 + 1` five times (the median is "after idle": what a student sees who types the next
cell), then WARM_CELLS cells back to back (environment variable, default 100; the median of the second half
is "warm": a session's steady state), shut down. Prints every round and the medians, with the 1-minute load
average at each round.
Usage: [WARM_CELLS=N] compare_kernels.py ROUNDS IDLE_SECONDS KERNEL_NAME...
"""
import os
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel

from trivial_cell import round_trip as cell

rounds, idle, kernels = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3:]
warm_cells = int(os.environ.get("WARM_CELLS", "100"))
results = {k: {"ready": [], "first": [], "trivial": [], "idle": [], "warm": [], "failed": 0} for k in kernels}
loads = []


def one_round(kernel, into):
    start = time.time()
    try:
        km, kc = start_new_kernel(kernel_name=kernel, startup_timeout=30)
    except Exception as e:
        into["failed"] += 1
        return "start failed (%s: %s)" % (type(e).__name__, e)
    ready = time.time() - start
    try:
        first, trivial = cell(kc), cell(kc)
        time.sleep(idle)
        after = statistics.median(cell(kc) for _ in range(5))
        warm = statistics.median([cell(kc) for _ in range(warm_cells)][warm_cells // 2:])
    except Exception as e:
        into["failed"] += 1
        return "cell failed (%s: %s)" % (type(e).__name__, e)
    finally:
        kc.stop_channels()
        try:
            km.shutdown_kernel(now=False)
        except Exception:
            km.shutdown_kernel(now=True)
        del km, kc
    for name, value in (("ready", ready), ("first", first), ("trivial", trivial), ("idle", after), ("warm", warm)):
        into[name].append(value)
    return "ready %.2f s, first %.3f s, trivial %.1f ms, after idle %.1f ms, warm %.1f ms" % (
        ready, first, trivial * 1000, after * 1000, warm * 1000)


for r in range(rounds):
    load = os.getloadavg()[0]
    loads.append(load)
    order = kernels[r % len(kernels):] + kernels[:r % len(kernels)]
    for kernel in order:
        print("round %d (load %.2f) %s: %s" % (r + 1, load, kernel, one_round(kernel, results[kernel])), flush=True)


def median(values, scale, unit):
    return "%.*f %s" % (0 if scale == 1000 else 2, statistics.median(values) * scale, unit) if values else "-"


print("\nload average (1 min) over the rounds: median %.2f, min %.2f, max %.2f" % (statistics.median(loads), min(loads), max(loads)))
print("| kernel | failed rounds | ready | first cell | trivial cell | trivial cell after %g s idle | warm (cells %d-%d) |"
      % (idle, warm_cells // 2 + 1, warm_cells))
print("| --- | --- | --- | --- | --- | --- | --- |")
for kernel in kernels:
    v = results[kernel]
    print("| %s | %d of %d | %s | %s | %s | %s | %s |" % (kernel, v["failed"], rounds, median(v["ready"], 1, "s"),
          median(v["first"], 1, "s"), median(v["trivial"], 1000, "ms"), median(v["idle"], 1000, "ms"),
          median(v["warm"], 1000, "ms")))
