"""Write the tiny nbgrader source course of the adversarial battery (run once; the output is committed).

``.venv/bin/python tests/adversarial/make_course.py`` rewrites ``tests/adversarial/course/source/kuis/``:
one notebook with one answer cell (``jawaban``) and one test cell (``uji``, 1 point, with a hidden test),
and a small SYNTHETIC data file the answer may read from its working folder.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).parent / "course" / "source" / "kuis"
#: Marker inside the hidden test: must never appear in a sandboxed kernel's output.
HIDDEN_MARKER = "RAHASIA_UJI_TERSEMBUNYI_7f3a"


def _meta(cell, grade_id: str, *, grade: bool, solution: bool, points: int = 0, locked: bool = False):
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if grade:
        meta["points"] = points
    cell.metadata["nbgrader"] = meta
    return cell


def build() -> nbformat.NotebookNode:
    cells = [
        _meta(new_markdown_cell(
            "# Kuis: rasio jenis kelamin\n\n"
            "DATA SINTETIS untuk latihan Kelas Cantik, bukan data resmi BPS.\n\n"
            "Di RT 1 ada 120 laki-laki dan 100 perempuan (lihat juga `data_kecil.csv`). Hitung `rasio`."),
            "pengantar", grade=False, solution=False, locked=True),
        _meta(new_code_cell("### BEGIN SOLUTION\nrasio = 120 / 100 * 100\n### END SOLUTION"),
              "jawaban", grade=False, solution=True),
        _meta(new_code_cell(
            "assert isinstance(rasio, (int, float)), 'rasio harus berupa angka'\n"
            "### BEGIN HIDDEN TESTS\n"
            f"# {HIDDEN_MARKER}\n"
            "assert abs(rasio - 120) < 1e-9, 'Rasio = laki-laki / perempuan x 100'\n"
            "### END HIDDEN TESTS"),
            "uji", grade=True, solution=False, points=1, locked=True),
    ]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def main() -> None:
    HERE.mkdir(parents=True, exist_ok=True)
    nbformat.write(build(), HERE / "kuis.ipynb")
    (HERE / "data_kecil.csv").write_text(
        "# DATA SINTETIS (bukan data resmi BPS)\nrt,laki,perempuan\nRT 1,120,100\n", encoding="utf-8")


if __name__ == "__main__":
    main()
