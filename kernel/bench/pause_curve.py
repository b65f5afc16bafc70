"""How long a pause after the first cell a kernel needs before its cells run at full speed.

For each pause and each kernel (a fresh kernel per line): start it, run `1 + 1` once, sleep the pause, then
send `1 + 1` ten times 0.3 s apart and take the median round trip. Kernels alternate within each pause, so a
change of load falls on all alike. Prints a Markdown table, one row per kernel.
Usage: pause_curve.py "PAUSE_SECONDS..." KERNEL_NAME...
"""
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel

from trivial_cell import round_trip

pauses = [float(p) for p in sys.argv[1].split()]
kernels = sys.argv[2:]


def median_after(kernel, pause):
    manager, client = start_new_kernel(kernel_name=kernel, startup_timeout=30)
    try:
        round_trip(client)
        time.sleep(pause)
        times = []
        for _ in range(10):
            times.append(round_trip(client))
            time.sleep(0.3)
        return statistics.median(times)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


medians = {k: [] for k in kernels}
for pause in pauses:
    for kernel in kernels:
        medians[kernel].append(median_after(kernel, pause))
print("| pause after the first cell | " + " | ".join("%g s" % p for p in pauses) + " |")
print("| --- |" + " --- |" * len(pauses))
for kernel in kernels:
    print("| %s | " % kernel + " | ".join("%.0f ms" % (m * 1000) for m in medians[kernel]) + " |")
