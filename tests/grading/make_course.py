"""Write the tiny nbgrader source course used by the grading tests (run once; the output is committed).

``.venv/bin/python tests/grading/make_course.py`` rewrites ``tests/grading/course/modul_uji/latihan.ipynb``.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).parent / "course" / "modul_uji"


def _grade(
    cell,
    grade_id: str,
    *,
    grade: bool,
    solution: bool,
    points: int = 0,
    locked: bool = False,
    task: bool = False,
):
    meta = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
        "task": task,
    }
    if grade:
        meta["points"] = points
    cell.metadata["nbgrader"] = meta
    cell.id = grade_id  # stable ids: rewriting the file gives the same bytes
    return cell


def build() -> nbformat.NotebookNode:
    cells = [
        _grade(
            new_markdown_cell(
                "# Latihan uji: rasio jenis kelamin\n\n"
                "DATA SINTETIS untuk latihan Kelas Cantik: bukan data resmi BPS."
            ),
            "pengantar",
            grade=False,
            solution=False,
            locked=True,
        ),
        _grade(
            new_code_cell(
                "import matplotlib.pyplot as plt\nimport pandas as pd\n\n"
                "data = pd.DataFrame({'rt': ['RT 1', 'RT 2', 'RT 3'], 'laki': [120, 95, 100], "
                "'perempuan': [110, 90, 100]})"
            ),
            "data",
            grade=False,
            solution=False,
            locked=True,
        ),
        _grade(
            new_code_cell(
                "### BEGIN SOLUTION\nrasio = data['laki'].sum() / data['perempuan'].sum() * 100\n"
                "### END SOLUTION"
            ),
            "jawaban_rasio",
            grade=False,
            solution=True,
        ),
        _grade(
            new_code_cell(
                "# Uji rasio jenis kelamin\n"
                "assert isinstance(rasio, float), 'rasio harus berupa angka desimal'\n"
                "assert 100 < rasio < 110, 'Rasio jenis kelamin = laki-laki / perempuan x 100'\n"
                "### BEGIN HIDDEN TESTS\n"
                "assert abs(rasio - 315 / 300 * 100) < 0.01, 'Jumlahkan semua RT sebelum membagi'\n"
                "### END HIDDEN TESTS"
            ),
            "uji_rasio",
            grade=True,
            solution=False,
            points=2,
            locked=True,
        ),
        _grade(
            new_code_cell(
                "### BEGIN SOLUTION\nfig, ax = plt.subplots()\n"
                "ax.bar(data['rt'], data['laki'] + data['perempuan'])\n### END SOLUTION"
            ),
            "jawaban_grafik",
            grade=False,
            solution=True,
        ),
        _grade(
            new_code_cell(
                "# Uji grafik batang\n"
                "# uji-di-kernel: sebuah grafik tidak bisa dipindahkan sebagai data\n"
                "assert len(ax.patches) > 0, 'Buat dulu grafik batangnya'\n"
                "### BEGIN HIDDEN TESTS\n"
                "assert len(ax.patches) == len(data), 'Grafik harus punya satu batang per RT'\n"
                "### END HIDDEN TESTS"
            ),
            "uji_grafik",
            grade=True,
            solution=False,
            points=1,
            locked=True,
        ),
        _grade(
            new_markdown_cell(
                "**Tafsirkan** rasio jenis kelamin kelurahan ini dalam satu atau dua kalimat.\n\n"
                "Rubrik (skor 1-4): 1 = tidak menyebut angka; 2 = menyebut angka tanpa makna; "
                "3 = benar: ada lebih banyak laki-laki; 4 = benar dan menyebut per 100 perempuan."
            ),
            "soal_tafsiran",
            grade=False,
            solution=False,
            locked=True,
        ),
        _grade(
            new_markdown_cell("Ada sekitar 105 laki-laki untuk setiap 100 perempuan."),
            "tafsiran",
            grade=True,
            solution=True,
            points=4,
        ),
    ]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    nb.metadata["language_info"] = {"name": "python"}
    return nb


if __name__ == "__main__":
    HERE.mkdir(parents=True, exist_ok=True)
    nbformat.write(build(), HERE / "latihan.ipynb")
    print("ditulis:", HERE / "latihan.ipynb")
