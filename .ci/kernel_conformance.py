"""The Jupyter community's kernel conformance tests (jupyter_kernel_test) against the coursekit Java kernel.

Run by .ci/kernel-conformance.sh, which installs the kernelspec into a temporary prefix first.
"""
import os
import unittest

import jupyter_kernel_test


class CoursekitJavaKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("COURSEKIT_KERNEL_NAME", "coursekit-java")
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("a warning");'

    completion_samples = [
        {"text": "Math.ma", "matches": {"max("}},
        {"text": "%mav", "matches": {"%maven"}},
    ]

    complete_code_samples = ["int x = 1;", "1 + 1", "void f() { }", "%maven junit:junit:4.13.2"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int y = (1 +", "class A {"]
    invalid_code_samples = ["int x = ;", ")"]

    code_generate_error = 'throw new IllegalStateException("boom");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"a" + "b"', "result": "ab"},
        {"code": "new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB)", "mime": "image/png"},
    ]

    code_display_data = [
        {"code": "display(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB));", "mime": "image/png"},
        {"code": 'display(html("<b>bold</b>"));', "mime": "text/html"},
    ]

    code_history_pattern = "6 *"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"

    code_clear_output = "clearOutput();"


if __name__ == "__main__":
    unittest.main()
