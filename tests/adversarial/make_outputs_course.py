"""Write the nbgrader source of the "what comes out of the sandbox" battery (run once; output committed).

``.venv/bin/python tests/adversarial/make_outputs_course.py`` rewrites
``tests/adversarial/outputs_course/keluaran/keluaran.ipynb``: a module with one question of the real
course checks (``1a``: how many residents, checked by ``uji``/``uji_bentuk`` against the answer key of
:mod:`cantik.checks`), one plain-assert question (``rasio``) and one written answer graded by the trainer
in formgrader (``tafsiran``). The battery (:mod:`tests.adversarial.outputs`) grades it with the project's
own ``nbgrader_config.py``.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

MODULE = "keluaran"
HERE = Path(__file__).parent / "outputs_course" / MODULE


def _meta(cell, grade_id: str, *, grade: bool = False, solution: bool = False, points: int = 0,
          locked: bool = False):
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if grade:
        meta["points"] = points
    cell.metadata["nbgrader"] = meta
    return cell


def build() -> nbformat.NotebookNode:
    cells = [
        _meta(new_markdown_cell(
            "# Latihan: jumlah penduduk dan rasio jenis kelamin\n\n"
            "DATA SINTETIS untuk latihan Kelas Cantik, bukan data resmi BPS."), "pengantar", locked=True),
        _meta(new_code_cell(
            "from cantik.checks import cek\n"
            "from cantik.data import load\n\npenduduk = load(\"penduduk\")"), "siapkan", locked=True),
        _meta(new_markdown_cell("**Soal 1a.** Berapa banyak penduduk di tabel `penduduk`? Simpan di "
                                "`jumlah_penduduk`."), "soal_jumlah", locked=True),
        _meta(new_code_cell("### BEGIN SOLUTION\njumlah_penduduk = len(penduduk)\n### END SOLUTION\n"
                            "cek(\"1a\", jumlah_penduduk)"), "jawaban_jumlah", solution=True),
        _meta(new_code_cell("# Tes otomatis soal 1a (as cantik.authoring.cells.tes writes it)\n"
                            "from cantik.checks import uji, uji_bentuk\n\n"
                            "uji_bentuk(\"1a\", jumlah_penduduk)\n### BEGIN HIDDEN TESTS\n"
                            "uji(\"1a\", jumlah_penduduk)\n### END HIDDEN TESTS"),
              "uji_jumlah", grade=True, points=1, locked=True),
        _meta(new_markdown_cell("**Soal 2.** Di RT 1 ada 120 laki-laki dan 100 perempuan. Hitung `rasio` "
                                "jenis kelamin."), "soal_rasio", locked=True),
        _meta(new_code_cell("### BEGIN SOLUTION\nrasio = 120 / 100 * 100\n### END SOLUTION"),
              "jawaban_rasio", solution=True),
        _meta(new_code_cell("assert isinstance(rasio, (int, float)), 'rasio harus berupa angka'\n"
                            "### BEGIN HIDDEN TESTS\nassert abs(rasio - 120) < 1e-9, "
                            "'Rasio = laki-laki / perempuan x 100'\n### END HIDDEN TESTS"),
              "uji_rasio", grade=True, points=1, locked=True),
        _meta(new_markdown_cell("**Soal 3.** Tafsirkan rasio itu dalam satu kalimat.\n\n"
                                "Rubrik (skor 0-1): 1 = menyebut per 100 perempuan."), "soal_tafsiran",
              locked=True),
        _meta(new_markdown_cell("Ada 120 laki-laki untuk setiap 100 perempuan."), "tafsiran", grade=True,
              solution=True, points=1),
    ]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def main() -> None:
    HERE.mkdir(parents=True, exist_ok=True)
    nbformat.write(build(), HERE / f"{MODULE}.ipynb")


if __name__ == "__main__":
    main()
