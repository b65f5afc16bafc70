"""A cell that prints a flood, through a real jupyter_client, on several kernels side by side.

Per kernel and case it runs one cell and collects every IOPub message that belongs to it until the cell's
`idle` status arrives (or TIMEOUT seconds pass), and reports: the seconds until `idle`, the number of
`stream` messages, the characters they carried, and whether the first and last printed lines arrived.
Cases: LINES short lines ("line 0" ... ), and MEGABYTES megabytes as lines of 1,023 characters.

Usage: print_flood.py [--check] [--lines N] [--megabytes N] KERNEL_NAME...
With --check (CI) it fails unless, for every kernel whose name starts with "coursekit" or "bench-coursekit"
or ends in "-ci": `idle` arrived, the first and last lines arrived, Jupyter's default IOPub limits were kept
(at most 1,000 messages and 1 MB of text per second, averaged over the cell), and the left-out notice is there.
"""
import argparse
import sys
import time

from jupyter_client.manager import start_new_kernel

CODE = {
    "java": {
        "lines": 'for (int i = 0; i < {n}; i++) System.out.println("line " + i);',
        "megabytes": 'String row = "x".repeat(1016);\nfor (int i = 0; i < {n}; i++) System.out.println(row + String.format("%06d", i));',
    },
    "python": {
        "lines": 'for i in range({n}): print("line", i)',
        "megabytes": 'row = "x" * 1016\nfor i in range({n}): print(row + "%06d" % i)',
    },
}


def run_cell(kc, code, timeout):
    msg_id = kc.execute(code)
    start = time.time()
    streams, chars, text_head, text_tail, idle = 0, 0, "", "", False
    while time.time() - start < timeout:
        try:
            msg = kc.get_iopub_msg(timeout=max(0.1, timeout - (time.time() - start)))
        except Exception:
            break
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "stream":
            text = msg["content"]["text"]
            streams += 1
            chars += len(text)
            if len(text_head) < 200:
                text_head += text[:200]
            text_tail = (text_tail + text)[-100_000:]
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            idle = True
            break
    return {"seconds": time.time() - start, "idle": idle, "streams": streams, "chars": chars,
            "head": text_head, "tail": text_tail}


def language(kc):
    kc.kernel_info()
    reply = kc.get_shell_msg(timeout=30)
    return reply["content"]["language_info"]["name"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--lines", type=int, default=200_000)
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("kernels", nargs="+")
    args = parser.parse_args()
    failures = []
    print("| kernel | case | seconds until idle | stream messages | characters shown | first and last line | idle arrived |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for kernel in args.kernels:
        km, kc = start_new_kernel(kernel_name=kernel, startup_timeout=60)
        try:
            lang = language(kc)
            code = CODE["java" if lang == "java" else "python"]
            for case, n in (("lines", args.lines), ("megabytes", args.megabytes * 1024)):
                result = run_cell(kc, code[case].format(n=n), args.timeout)
                if case == "lines":
                    first, last = "line 0\n", "line %d\n" % (n - 1)
                else:
                    first, last = "x" * 1016 + "000000\n", "x" * 1016 + "%06d\n" % (n - 1)
                ends = result["head"].startswith(first[:150]) and result["tail"].endswith(last)
                label = "%s lines" % format(n, ",") if case == "lines" else "%d MB" % args.megabytes
                print("| %s | %s | %.2f | %s | %s | %s | %s |" % (kernel, label, result["seconds"], format(result["streams"], ","),
                      format(result["chars"], ","), "yes" if ends else "no", "yes" if result["idle"] else "NO"), flush=True)
                ours = kernel.startswith(("coursekit", "bench-coursekit")) or kernel.endswith("-ci")
                if args.check and ours:
                    seconds = max(result["seconds"], 1.0)
                    if not result["idle"]:
                        failures.append("%s, %s: the idle status never arrived" % (kernel, label))
                    if not ends:
                        failures.append("%s, %s: the first or the last line is missing" % (kernel, label))
                    if result["streams"] / seconds > 1000 or result["chars"] / seconds > 1_000_000:
                        failures.append("%s, %s: %d messages and %d characters in %.1f s exceed Jupyter's IOPub limits"
                                        % (kernel, label, result["streams"], result["chars"], seconds))
                    if "left out here" not in result["tail"]:
                        failures.append("%s, %s: no notice of the left-out text" % (kernel, label))
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    for failure in failures:
        print("print-flood: " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
