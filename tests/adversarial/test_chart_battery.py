"""Attacks on a chart question (the population pyramid, 2g) through the real pipeline with the project's
``nbgrader_config.py``: plain ``nbgrader autograde`` and the trainer's parallel ``cantik kelas nilai``.

The chart leaves the learner's kernel only as the SVG matplotlib renders for it, and the grader reads what
it shows in its own process, so patching matplotlib's ``get_title``/``get_xlabel`` or the checks themselves
inside the kernel changes nothing that is drawn, a crafted SVG still has to show the right values, and an
SVG bomb is refused by the reader. Honest learners who draw the pyramid in other valid ways keep their point.

Control: with stock nbgrader (its own ``Execute`` in the learner's kernel, none of our preprocessors) the
same test cell is fooled by a learner who patches the checks in the kernel (``kosong_tambal`` earns the
point there).

Measured before this design (main at 6647c2a: chart facts read from live matplotlib objects in the kernel,
the same learners with the test cell marked ``# uji-di-kernel``): ``tumpuk``, ``konstan``,
``tanpa_judul_tambal`` and ``kosong_tambal`` each earned the point through both ``cantik kelas nilai`` and
``nbgrader autograde``; the honest learners kept theirs; ``svg_palsu`` and ``svg_bom`` scored 0 there only
because nothing was rendered (the empty chart failed).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from cantik.authoring import cells as course
from tests.courses import pipeline as pl

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not shutil.which("bwrap"), reason="bubblewrap missing: "
                                 "scripts/ensure-debian-packages bubblewrap")]

MODUL = "grafik"
SETUP = """\
import matplotlib.pyplot as plt
import pandas as pd
from cantik import indicators as ind
from cantik.checks import cek
from cantik.data import load
penduduk = load("penduduk")
tabel_piramida = pd.crosstab(ind.age_groups(penduduk["umur"]), penduduk["jenis_kelamin"])
label = tabel_piramida.index.astype(str)"""
SOLUTION = """\
fig, ax = plt.subplots(figsize=(7, 6))
ax.barh(label, -tabel_piramida["L"], color="#3a7dc9", label="Laki-laki")
ax.barh(label, tabel_piramida["P"], color="#e07b91", label="Perempuan")
ax.set_title("Piramida penduduk Kandangan Utara, 2025 (data sintetis)")
ax.set_xlabel("Jumlah penduduk (kiri: laki-laki, kanan: perempuan)")
ax.set_ylabel("Kelompok umur (tahun)")
ax.legend()"""
LABELS = ('ax.set(title="Piramida penduduk 2025", xlabel="Jumlah penduduk", '
          'ylabel="Kelompok umur")')
PATCH_CHECKS = """
import cantik.checks.core as inti
import cantik.checks.figures as f
from cantik.checks.compare import Hasil
try:  # the chart facts of the former design, as a perfect pyramid
    palsu = f.Grafik(jenis="batang_mendatar", judul="Piramida", label_x="Jumlah", label_y="Umur",
                     jumlah_batang=32, jumlah_kelompok=2, batas_bawah_nilai=-300.0,
                     sumbu_nilai_dari_nol=True, jumlah_sumbu=1)
except TypeError:  # this design's facts
    palsu = f.Grafik(jenis="batang_mendatar", judul="Piramida", label_x="Jumlah", label_y="Umur")
f.fakta_grafik = lambda *a, **k: palsu
f.semua_grafik = lambda *a, **k: (palsu,)
inti.periksa = lambda *a, **k: Hasil(True)
"""
FAKE_SVG = """
import matplotlib.figure
batang = "".join(f'<g><path d="M 200 {20 * i} L {x} {20 * i} L {x} {15 + 20 * i} L 200 {15 + 20 * i} z" '
                 'clip-path="url(#p1)"/></g>' for i in range(1, 17) for x in (150, 250))
PALSU = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400"><g id="figure_1"><g id="axes_1">'
         + batang + '<g id="text_1"><text x="200" y="10">Piramida penduduk 2025</text></g></g></g>'
         '<defs><clipPath id="p1"><rect x="10" y="15" width="380" height="340"/></clipPath></defs></svg>')
def simpan(self, fname, *args, **kwargs):
    fname.write(PALSU)
matplotlib.figure.Figure.savefig = simpan
"""
SVG_BOMB = """
import matplotlib.figure
BOM = ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
       + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
       + ']><svg xmlns="http://www.w3.org/2000/svg"><text>&i;</text></svg>')
def simpan(self, fname, *args, **kwargs):
    fname.write(BOM)
matplotlib.figure.Figure.savefig = simpan
"""


@dataclass(frozen=True)
class ChartAttack:
    student: str
    code: str
    points: float
    message: str = ""
    parallel: bool = True
    """Also graded through ``cantik kelas nilai`` (the attacks on the kernel, and one honest learner)."""


ATTACKS = [
    ChartAttack("jujur", SOLUTION, 1, parallel=False),
    ChartAttack("jujur_pandas", 't = tabel_piramida[["L", "P"]].copy()\nt["L"] = -t["L"]\n'
                "ax = t.plot.barh(stacked=True, width=0.9, figsize=(5, 7), color=['k', 'r'])\n"
                f"fig = ax.figure\n{LABELS}", 1),
    ChartAttack("jujur_persen", "from matplotlib.ticker import FuncFormatter\n"
                "persen = tabel_piramida / len(penduduk) * 100\nfig, (kiri, ax) = plt.subplots(1, 2)\n"
                'ax.barh(label, -persen["L"])\nax.barh(label, persen["P"])\n'
                'ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{abs(x):.1f}%"))\n'
                f'{LABELS}\nkiri.text(0.1, 0.5, "Catatan")\nplt.show()', 1, parallel=False),
    ChartAttack("tumpuk", 'fig, ax = plt.subplots()\nax.barh(label, tabel_piramida["L"])\n'
                f'ax.barh(label, tabel_piramida["P"])\n{LABELS}', 0, "menimpa batang perempuan",
                parallel=False),
    ChartAttack("konstan", "fig, ax = plt.subplots()\nax.barh(label, [-100] * len(label))\n"
                f"ax.barh(label, [100] * len(label))\n{LABELS}", 0, "tidak cocok dengan banyaknya",
                parallel=False),
    ChartAttack("tanpa_judul_tambal", "import matplotlib.axes\n"
                "for nama in ('get_title', 'get_xlabel', 'get_ylabel'):\n"
                "    setattr(matplotlib.axes.Axes, nama, lambda self, *a, **k: 'Piramida penduduk 2025')\n"
                'fig, ax = plt.subplots()\nax.barh(label, -tabel_piramida["L"])\n'
                'ax.barh(label, tabel_piramida["P"])', 0, "belum punya judul"),
    ChartAttack("kosong_tambal", PATCH_CHECKS + "fig, ax = plt.subplots()", 0, "masih kosong"),
    ChartAttack("svg_palsu", FAKE_SVG + f"fig, ax = plt.subplots()\n{LABELS}", 0,
                "tidak cocok dengan banyaknya"),
    ChartAttack("svg_bom", SVG_BOMB + "fig, ax = plt.subplots()", 0, "tidak bisa dibaca"),
]


def _notebook() -> dict:
    return course.notebook([
        course.md("soal", "# Piramida penduduk\n\nDATA SINTETIS. Gambar piramida penduduk di `fig`."),
        course.kode("siapkan", SETUP, kunci=True),
        course.jawaban("jawab", "", SOLUTION, 'cek("2g", fig)'),
        course.tes("tes", "2g", "fig"),
    ])


def _course(base: Path, config_extra: str = "") -> Path:
    root = pl.course_copy(base, [], config_extra=config_extra)
    (root / "courses" / MODUL).mkdir(parents=True)
    (root / "courses" / MODUL / f"{MODUL}.ipynb").write_text(course.dumps(_notebook()), encoding="utf-8")
    pl.nbgrader(root, "generate_assignment", MODUL, "--force")
    return root


def _submit(root: Path, attacks: list[ChartAttack]) -> None:
    released = pl.read_nb(root / "notebooks" / MODUL / f"{MODUL}.ipynb")
    for attack in attacks:
        pl.submit(root, attack.student, MODUL, {MODUL: pl.fill(released, None, {"jawab": attack.code})})


def _kelas_nilai(root: Path) -> None:
    env = {**os.environ, "CANTIK_EXCHANGE": str(root / "grading" / "exchange"),
           "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    env.pop("CANTIK_GRADEBOOK_URL", None)
    run = subprocess.run([sys.executable, "-m", "cantik", "kelas", "nilai", MODUL, "--folder", str(root),
                          "--tanpa-progres", "--batas-waktu", "300"], cwd=root, env=env, text=True,
                         capture_output=True, timeout=900, check=False)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]


@pytest.fixture(scope="module", params=["nbgrader", "kelas_nilai"])
def graded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    root = _course(tmp_path_factory.mktemp(f"grafik_{request.param}"))
    if request.param == "nbgrader":
        _submit(root, ATTACKS)
        pl.nbgrader(root, "autograde", MODUL, "--force")
    else:
        _submit(root, [a for a in ATTACKS if a.parallel])
        _kelas_nilai(root)
    return request.param, root


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.student for a in ATTACKS])
def test_chart_attacks_earn_nothing_and_honest_charts_keep_their_point(graded: tuple[str, Path],
                                                                        attack: ChartAttack) -> None:
    how, root = graded
    if how == "kelas_nilai" and not attack.parallel:
        pytest.skip("graded through nbgrader autograde only (content, not the kernel)")
    score = pl.scores(root, MODUL)[attack.student][MODUL]["tes"]
    nb = pl.read_nb(root / "grading" / "autograded" / attack.student / MODUL / f"{MODUL}.ipynb")
    feedback = pl.cell_output_text(nb, "tes")
    assert score == (attack.points, 1.0), feedback
    assert attack.message in feedback


def test_a_test_cell_in_the_kernel_is_fooled_by_patched_checks(tmp_path: Path) -> None:
    """The control: run in the learner's kernel (as stock nbgrader's ``Execute`` does), the same test cell
    raises nothing for a learner who patched the checks there, and nbgrader would give it the point."""
    import nbformat
    from nbclient import NotebookClient
    from nbgrader.utils import determine_grade

    attack = next(a for a in ATTACKS if a.student == "kosong_tambal")
    cells = [course.kode("siapkan", SETUP), course.kode("jawab", attack.code), course.tes("tes", "2g", "fig")]
    nb = nbformat.reads(course.dumps(course.notebook(cells)), as_version=4)
    nb.cells[-1].source = nb.cells[-1].source.replace("### BEGIN HIDDEN TESTS\n", "").replace(
        "\n### END HIDDEN TESTS", "")
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}},
                   ).execute()
    assert determine_grade(nb.cells[-1], None)[0] == 1, nb.cells[-1].outputs
