"""Synthetic submissions of the augmentation-cnn assignment for the grading benchmarks.

N notebooks in OUT, a third each: correct (the source's code), wrong (the released stubs) and hostile (an
endless cell, System.exit, or a cell that fills the heap, each before the correct code), named
studentNNN-correct.ipynb, studentNNN-wrong.ipynb and studentNNN-hostile.ipynb.
Usage: submissions.py ASSIGNMENT_FOLDER OUT N
"""
import json
import os
import sys

assignment, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out)
source = json.load(open(os.path.join(assignment, "source.ipynb")))
release = json.load(open(os.path.join(assignment, "release", "augmentation-cnn.ipynb")))


def code(nb):
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in nb["cells"] if c["cell_type"] == "code"]


def notebook(cells):
    return {"cells": [{"cell_type": "code", "metadata": {}, "source": s, "outputs": [], "execution_count": None} for s in cells],
            "metadata": {}, "nbformat": 4, "nbformat_minor": 4}


correct = code(source)
wrong = code(release)
hostile = [["while (true) { }"] + correct, ["System.exit(1);"] + correct,
           ["var hog = new ArrayList<long[]>(); while (true) hog.add(new long[10_000_000]);"] + correct]
for i in range(n):
    kind = i % 3
    cells = correct if kind == 0 else wrong if kind == 1 else hostile[(i // 3) % 3]
    name = ["correct", "wrong", "hostile"][kind]
    json.dump(notebook(cells), open(os.path.join(out, f"student{i:03d}-{name}.ipynb"), "w"))
