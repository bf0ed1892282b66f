"""Cell helpers for the authoring scripts ``naskah/<modul>.py``: every cell gets a stable id and
valid nbgrader metadata.

An authoring script builds its notebooks from :func:`md`, :func:`kode`, :func:`jawaban`, :func:`tes`,
:func:`tulisan` and :func:`rubrik` and lists them in ``NOTEBOOKS = {name: [cells]}``;
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


def _cell(cell_type: str, cid: str, source: str, nbgrader: dict[str, Any] | None = None) -> dict[str, Any]:
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
    return _cell("markdown", cid, text, meta)


def kode(cid: str, source: str, kunci: bool = False) -> dict[str, Any]:
    """A plain code cell (examples the learner runs or edits)."""
    meta = {"grade": False, "solution": False, "locked": True, "grade_id": cid} if kunci else None
    return _cell("code", cid, source, meta)


def jawaban(cid: str, sebelum: str, solusi: str, sesudah: str = "") -> dict[str, Any]:
    """An autograded answer cell: ``sebelum`` (kept), the solution region (cleared), ``sesudah`` (kept)."""
    parts = [sebelum.strip("\n"), "### BEGIN SOLUTION", solusi.strip("\n"), "### END SOLUTION"]
    if sesudah:
        parts.append(sesudah.strip("\n"))
    return _cell("code", cid, "\n".join(p for p in parts if p),
                 {"grade": False, "solution": True, "locked": False, "grade_id": cid})


def tes(cid: str, soal: str, variabel: str, poin: int = 1) -> dict[str, Any]:
    """An autograder test cell for question ``soal``: a visible kind check and the hidden full check.

    The grader takes ``variabel`` out of the learner's kernel as plain data (a chart as its rendered SVG)
    and runs the test in its own process (``SandboxExecute.grade_in_grader``).
    """
    source = (
        f"# Tes otomatis soal {soal} (jangan diubah)\n"
        "from cantik.checks import uji, uji_bentuk\n"
        f"uji_bentuk({soal!r}, {variabel})\n"
        "### BEGIN HIDDEN TESTS\n"
        f"uji({soal!r}, {variabel})\n"
        "### END HIDDEN TESTS"
    )
    return _cell("code", cid, source,
                 {"grade": True, "solution": False, "locked": True, "grade_id": cid, "points": poin})


def tulisan(cid: str, contoh_jawaban: str, poin: int) -> dict[str, Any]:
    """A manually graded written answer (markdown); the model answer is replaced by the text stub."""
    return _cell("markdown", cid, contoh_jawaban,
                 {"grade": True, "solution": True, "locked": False, "grade_id": cid, "points": poin})


def rubrik(cid: str, judul: str, kriteria: list[tuple[str, list[str]]]) -> dict[str, Any]:
    """A locked markdown rubric: one row per criterion, levels 1–4 (4 = best).

    Examples
    --------
    >>> c = rubrik("r1", "Rubrik", [("Memakai angka", ["a", "b", "c", "d"])])
    >>> "| Memakai angka | a | b | c | d |" in "".join(c["source"])
    True
    """
    rows = [f"**{judul}** (pelatih memberi nilai 1–4 untuk setiap kriteria; jawaban kosong = 0)", "",
            "| Kriteria | 1 – belum | 2 – cukup | 3 – baik | 4 – sangat baik |", "|---|---|---|---|---|"]
    for name, levels in kriteria:
        if len(levels) != 4:
            raise ValueError(f"rubric criterion {name!r} needs exactly 4 levels")
        rows.append(f"| {name} | " + " | ".join(levels) + " |")
    return md(cid, "\n".join(rows), kunci=True)


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
