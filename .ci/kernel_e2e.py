"""End to end with real Jupyter: nbclient runs notebooks on the kernel; jupyter_client interrupts a busy cell,
and check() still answers in the notebook's session once the warm-up has started.

Run by .ci/kernel-conformance.sh after it installed the kernelspec. Exits non-zero on the first failed check.
"""
import os
import shutil
import sys
import tempfile
import threading
import time

import nbformat
from jupyter_client.manager import start_new_kernel
from nbclient import NotebookClient

KERNEL = os.environ.get("COURSEKIT_KERNEL_NAME", "coursekit-java")


def check(condition, message):
    if not condition:
        print("FAILED: " + message)
        sys.exit(1)
    print("ok: " + message)


def notebook_through_nbclient():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("int answer = 42;\nSystem.out.println(\"answer \" + answer);"),
        nbformat.v4.new_code_cell("display(Plots.line(\"t\", \"x\", \"y\", Map.of(\"a\", new double[] {1, 2, 3})));"),
        nbformat.v4.new_code_cell("tech.tablesaw.api.Table.create(\"t\", tech.tablesaw.api.IntColumn.create(\"a\", 1, 2))"),
        nbformat.v4.new_code_cell("System.exit(1);"),
        nbformat.v4.new_code_cell("answer + 1"),
    ]
    NotebookClient(nb, kernel_name=KERNEL, timeout=120, allow_errors=True).execute()
    nbformat.validate(nb)
    outputs = [cell.outputs for cell in nb.cells]
    check(outputs[0][0]["text"] == "answer 42\n", "nbclient: printed text is a stdout stream")
    check("image/png" in outputs[1][0]["data"], "nbclient: a displayed figure is image/png")
    check("text/html" in outputs[2][0]["data"], "nbclient: a Tablesaw table is text/html")
    check(outputs[3][0]["ename"] == "SystemExit", "nbclient: System.exit is an error output")
    check(outputs[4][0]["data"]["text/plain"] == "43", "nbclient: the kernel lived on after System.exit")


def lecture_notebooks_through_nbclient():
    """The tour and the first training notebook, in quick mode (the kernel inherits COURSEKIT_QUICK)."""
    os.environ["COURSEKIT_QUICK"] = "1"
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "notebooks", "lectures")
    for name in ("00-java-notebooks-tour", "01-cnn-from-scratch"):
        nb = nbformat.read(os.path.join(folder, name + ".ipynb"), as_version=4)
        NotebookClient(nb, kernel_name=KERNEL, timeout=600, resources={"metadata": {"path": folder}}).execute()
        nbformat.validate(nb)
        outputs = [output for cell in nb.cells if cell.cell_type == "code" for output in cell.outputs]
        check(not any(output["output_type"] == "error" for output in outputs), "nbclient: %s ran without an error" % name)
        check(any("image/png" in output.get("data", {}) for output in outputs), "nbclient: %s shows images" % name)


def reply_to(kc, msg_id, timeout=60):
    """The shell reply to request msg_id; a late kernel_info_reply (start_new_kernel asks again when the kernel
    is slow, as on a loaded machine) and other replies are skipped."""
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    return reply["content"]


def run(kc, code, timeout=60):
    return reply_to(kc, kc.execute(code), timeout)


def interrupt_through_jupyter_client():
    km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=60)
    try:
        run(kc, "int kept = 5;")
        for code in ("while (true) { }", "Thread.sleep(600_000);"):
            timer = threading.Timer(1.0, km.interrupt_kernel)
            timer.start()
            start = time.time()
            reply = run(kc, code)
            seconds = time.time() - start - 1.0
            check(reply["status"] == "error" and reply["ename"] == "Interrupted" and seconds < 2.0,
                  "interrupt_kernel stops %r in %.2f s" % (code, seconds))
        check(run(kc, "kept")["status"] == "ok", "definitions survive interrupts")
        # "Run All" sends every cell at once; after a failure the cells queued behind it are aborted.
        failing = kc.execute('throw new IllegalStateException("first fails");')
        queued = kc.execute("int neverDefined = 1;")
        replies = {}
        while len(replies) < 2:
            reply = kc.get_shell_msg(timeout=60)
            if reply["parent_header"].get("msg_id") in (failing, queued):
                replies[reply["parent_header"]["msg_id"]] = reply["content"]
        check(replies[failing]["status"] == "error" and replies[queued]["status"] == "aborted",
              "a cell queued behind a failing one is aborted (stop_on_error)")
        check(run(kc, "neverDefined")["status"] == "error", "the aborted cell did not run")
        check(run(kc, "kept + 1")["status"] == "ok", "a cell sent after the failure runs")
    finally:
        kc.stop_channels()
        km.shutdown_kernel()


def checks_after_the_warm_up_started():
    """The warm-up's own evaluator starts once the kernel is idle; check() must still see the notebook."""
    tests = tempfile.mkdtemp()
    with open(os.path.join(tests, "q1.jsh"), "w") as f:
        f.write("//# test doubles points=2\nassertEquals(6, twice(3));\n")
    km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=60)
    try:
        run(kc, "int twice(int n) { return 2 * n; }")
        time.sleep(4)
        printed = []
        kc.execute_interactive('Checks.load("%s");\ncheck("q1");' % tests, timeout=60,
                               output_hook=lambda msg: printed.append(msg["content"].get("text", "")))
        check("q1: 2 of 2 points" in "".join(printed),
              "check() after 4 s idle compiles in the notebook's session, not the warm-up's: %r" % "".join(printed).strip())
    finally:
        kc.stop_channels()
        km.shutdown_kernel()
        shutil.rmtree(tests, ignore_errors=True)


def inspection_shows_javadoc():
    """Shift-Tab on a JDK method shows its signature and the opening of its Javadoc (needs the JDK's src.zip)."""
    km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=60)
    try:
        reply = reply_to(kc, kc.inspect("Math.max(1, 2)", cursor_pos=7))
        text = reply.get("data", {}).get("text/plain", "")
        check(reply["found"] and "int Math.max(int a, int b)" in text and "Returns the greater of two `int` values." in text,
              "inspect shows Math.max's signature and Javadoc as Markdown: %r" % text[:160])
    finally:
        kc.stop_channels()
        km.shutdown_kernel()


if __name__ == "__main__":
    notebook_through_nbclient()
    lecture_notebooks_through_nbclient()
    interrupt_through_jupyter_client()
    checks_after_the_warm_up_started()
    inspection_shows_javadoc()
    print("kernel end-to-end checks passed")
