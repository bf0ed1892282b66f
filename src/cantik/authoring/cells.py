"""Cell helpers for the authoring scripts ``naskah/<modul>.py``: every cell gets a stable id and
valid nbgrader metadata.

An authoring script builds its notebooks from :func:`md`, :func:`kode`, :func:`contoh_kode` (worked
examples), :func:`jawaban`, :func:`tes` and
the written questions of :func:`cantik.authoring.written.soal_tulisan` (numbers in the text come from
:mod:`cantik.authoring.numbers`), and lists them in ``NOTEBOOKS = {name: [cells]}``;
``cantik kursus tulis`` (:mod:`cantik.authoring.build`) writes them as master notebooks. Only the standard
library is imported here.

Examples
--------
>>> from cantik.authoring.cells import md, notebook
>>> nb = notebook([md("m1-judul", "# Modul 1")])
>>> nb["cells"][0]["id"], nb["nbformat_minor"]
('m1-judul', 5)
"""

from __future__ import annotations

import json
from typing import Any

NBFORMAT_MINOR = 5
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def source_lines(text: str) -> list[str]:
    r"""A cell's source as Jupyter stores it: lines with their newline, the last without.

    Examples
    --------
    >>> source_lines("a = 1\nb = 2\n")
    ['a = 1\n', 'b = 2']
    """
    text = text.strip("\n")
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + [parts[-1]]


def make_cell(cell_type: str, cid: str, source: str, nbgrader: dict[str, Any] | None = None
              ) -> dict[str, Any]:
    """A notebook cell with id ``cid`` and, when ``nbgrader`` is given, nbgrader metadata (schema 3)."""
    cell: dict[str, Any] = {"cell_type": cell_type, "id": cid, "metadata": {}, "source": source_lines(source)}
    if nbgrader is not None:
        cell["metadata"]["nbgrader"] = {"schema_version": 3, "task": False, **nbgrader}
    if cell_type == "code":
        cell["execution_count"] = None
        cell["outputs"] = []
    return cell


def md(cid: str, text: str, kunci: bool = False) -> dict[str, Any]:
    """A markdown cell (``kunci=True`` makes it read-only in nbgrader: instructions, rubric)."""
    meta = {"grade": False, "solution": False, "locked": True, "grade_id": cid} if kunci else None
    return make_cell("markdown", cid, text, meta)


def kode(cid: str, source: str, kunci: bool = False, galat: bool = False) -> dict[str, Any]:
    """A plain code cell (examples the learner runs or edits).

    ``galat=True`` marks a cell that raises an error on purpose (tag ``raises-exception``: JupyterLab's
    *Run All* and nbclient go on past it).
    """
    meta = {"grade": False, "solution": False, "locked": True, "grade_id": cid} if kunci else None
    cell = make_cell("code", cid, source, meta)
    if galat:
        cell["metadata"]["tags"] = ["raises-exception"]
    return cell


#: Tag of worked-example cells (see :func:`contoh_kode`).
TAG_CONTOH = "contoh"


def contoh_kode(cid: str, source: str) -> dict[str, Any]:
    """A worked example ("Contoh → Coba"): runnable code on another column or table than the exercise
    that follows, with a comment above each step saying in plain Indonesian what it does.

    Tagged ``contoh``: ``tests/courses/test_worked_examples.py`` checks that every pandas/matplotlib idiom an
    exercise's solution needs was shown in an earlier worked example.

    Examples
    --------
    >>> contoh_kode("c1", "# Satu kolom\\npenduduk['umur']")["metadata"]["tags"]
    ['contoh']
    """
    cell = make_cell("code", cid, source)
    cell["metadata"]["tags"] = [TAG_CONTOH]
    return cell


def jawaban(cid: str, sebelum: str, solusi: str, sesudah: str = "") -> dict[str, Any]:
    """An autograded answer cell: ``sebelum`` (kept), the solution region (cleared), ``sesudah`` (kept)."""
    parts = [sebelum.strip("\n"), "### BEGIN SOLUTION", solusi.strip("\n"), "### END SOLUTION"]
    if sesudah:
        parts.append(sesudah.strip("\n"))
    return make_cell("code", cid, "\n".join(p for p in parts if p),
                 {"grade": False, "solution": True, "locked": False, "grade_id": cid})


def tes(cid: str, soal: str, variabel: str, poin: int = 1, bagian: dict[str, str] | None = None
        ) -> dict[str, Any]:
    """An autograder test cell for question ``soal``: a visible kind check and the hidden full check.

    The grader takes ``variabel`` out of the learner's kernel as plain data (a chart as its rendered SVG)
    and runs the test in its own process (``SandboxExecute.grade_in_grader``). ``bagian`` maps the parts of
    a formula-first question to the learner's variables (``{"pembilang": "laki_laki"}``).

    Examples
    --------
    >>> "uji('2a', r, pembilang=l)" in "".join(tes("t", "2a", "r", bagian={"pembilang": "l"})["source"])
    True
    """
    parts = "".join(f", {k}={v}" for k, v in (bagian or {}).items())
    source = (
        f"# Tes otomatis soal {soal} (jangan diubah)\n"
        "from cantik.checks import uji, uji_bentuk\n"
        f"uji_bentuk({soal!r}, {variabel})\n"
        "### BEGIN HIDDEN TESTS\n"
        f"uji({soal!r}, {variabel}{parts})\n"
        "### END HIDDEN TESTS"
    )
    return make_cell("code", cid, source,
                     {"grade": True, "solution": False, "locked": True, "grade_id": cid, "points": poin})


def notebook(cells: list[dict[str, Any]]) -> dict[str, Any]:
    """A notebook dict (nbformat 4.5) from cells; cell ids must be unique."""
    ids = [c["id"] for c in cells]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise ValueError(f"duplicate cell ids: {sorted(dup)}")
    return {
        "cells": cells,
        "metadata": {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}},
        "nbformat": 4,
        "nbformat_minor": NBFORMAT_MINOR,
    }


def dumps(nb: dict[str, Any]) -> str:
    """Serialise a notebook the way Jupyter does (1-space indent, sorted keys, trailing newline)."""
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
