"""The grading framework on the real nbgrader pipeline, with a small practice assignment built in tmp.

Shows (1) a passing test whose code printed a warning on stderr keeps its points with our config and loses
them with stock nbgrader, (2) a failing test with a warning still scores 0, (3) an object overriding
``__eq__``/``__float__`` earns nothing, (4) an unanswered notebook scores 0, (5) learner code that patches
``cantik.checks`` in the kernel earns nothing on a course question (re-checked in the grader process), while
the same submission would earn points with stock nbgrader, (6) the re-check also works in the parallel
warm-kernel autograder (``cantik.grading.autograde``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cantik.authoring import cells as course
from tests.courses import pipeline as pl

pytestmark = pytest.mark.slow

SETUP = """
from cantik.checks import Soal, cek, daftar
from cantik.checks.compare import banding_angka
daftar(Soal("0a", harapan=lambda: 12.5, banding=banding_angka(desimal=1, persen=True)))
"""

WARN_TEST = """
from cantik.checks import uji
import warnings
warnings.warn("contoh peringatan pandas", FutureWarning)
uji("0a", persen_a)
"""


def _toy() -> dict:
    return course.notebook([
        course.md("judul", "# Latihan kecil"),
        course.kode("siapkan", SETUP, kunci=True),
        course.jawaban("jawab_a", "# Berapa persen?", "persen_a = 12.5", 'cek("0a", persen_a)'),
        course.tes("tes_a", "0a", "persen_a", poin=2),
        _warn_cell(),
        course.jawaban("jawab_b", "from cantik.data import load", 'jumlah_penduduk = len(load("penduduk"))'),
        course.tes("tes_b", "1a", "jumlah_penduduk", poin=4),
    ])


def _warn_cell() -> dict:
    cell = course.tes("tes_a_peringatan", "0a", "persen_a", poin=3)
    cell["source"] = course.source_lines(WARN_TEST)
    return cell


def _course(tmp: Path, extra: str = "") -> Path:
    root = pl.course_copy(tmp, [], config_extra=extra)
    (root / "courses" / "latihan").mkdir(parents=True)
    (root / "courses" / "latihan" / "latihan.ipynb").write_text(course.dumps(_toy()), encoding="utf-8")
    pl.nbgrader(root, "generate_assignment", "latihan", "--force")
    return root


CASES = {
    "benar": "persen_a = 12.5",
    "pecahan": "persen_a = 0.125",
    "curang": (
        "class Curang(float):\n"
        "    def __eq__(self, other):\n        return True\n"
        "    def __float__(self):\n        return 12.5\n"
        "class Palsu:\n"
        "    def __eq__(self, other):\n        return True\n"
        "    def __float__(self):\n        return 12.5\n"
        "persen_a = Palsu()"
    ),
    "tambal": (
        "import cantik.checks.core as inti\n"
        "inti.periksa = lambda *a, **k: inti.Hasil(True)\n"
        "persen_a = 99.0"
    ),
    "curang_float": (
        "class Curang(float):\n"
        "    def __eq__(self, other):\n        return True\n"
        "    def __float__(self):\n        return 12.5\n"
        "persen_a = Curang(99.0)"
    ),
}


def _grade(root: Path) -> dict:
    released = pl.read_nb(root / "notebooks" / "latihan" / "latihan.ipynb")
    source = pl.read_nb(root / "courses" / "latihan" / "latihan.ipynb")
    for student, code in CASES.items():
        patches = {"jawab_a": code}
        if student == "tambal":
            patches["jawab_b"] = "jumlah_penduduk = 1"
        pl.submit(root, student, "latihan", {"latihan": pl.fill(released, source, patches)})
    pl.submit(root, "kosong", "latihan", {"latihan": released})
    pl.nbgrader(root, "autograde", "latihan", "--force")
    return pl.scores(root, "latihan")


#: This toy course registers its question in the notebook itself (the ``siapkan`` cell), so its tests
#: must run in the learner's kernel, as every test did before grade_in_grader: the in-kernel path of
#: the preprocessors (warnings keep points, answers re-checked by the grader) is what these tests cover.
IN_KERNEL = "c.SandboxExecute.grade_in_grader = False\n"


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    root = _course(tmp_path_factory.mktemp("kerangka"), IN_KERNEL)
    return root, _grade(root)


def test_warning_on_stderr_keeps_points_of_passing_test(graded: tuple[Path, dict]) -> None:
    root, s = graded
    assert s["benar"]["latihan"]["tes_a"] == (2.0, 2.0)
    assert s["benar"]["latihan"]["tes_a_peringatan"] == (3.0, 3.0)
    out = pl.read_nb(root / "grading" / "autograded" / "benar" / "latihan" / "latihan.ipynb")
    text = pl.cell_output_text(out, "tes_a_peringatan")
    assert "contoh peringatan pandas" in text and "tidak mengurangi nilai" in text


def test_warning_does_not_rescue_a_failing_test(graded: tuple[Path, dict]) -> None:
    root, s = graded
    assert s["pecahan"]["latihan"]["tes_a_peringatan"] == (0.0, 3.0)
    assert s["pecahan"]["latihan"]["tes_a"] == (0.0, 2.0)
    out = pl.read_nb(root / "grading" / "autograded" / "pecahan" / "latihan" / "latihan.ipynb")
    assert "pecahan" in pl.cell_output_text(out, "tes_a")  # the targeted message reaches the feedback


def test_eq_overriding_objects_earn_nothing(graded: tuple[Path, dict]) -> None:
    _, s = graded
    for student in ("curang", "curang_float"):
        assert s[student]["latihan"]["tes_a"][0] == 0.0
        assert s[student]["latihan"]["tes_a_peringatan"][0] == 0.0


def test_patching_the_checks_in_the_kernel_earns_nothing(graded: tuple[Path, dict]) -> None:
    root, s = graded
    assert s["benar"]["latihan"]["tes_b"] == (4.0, 4.0)
    assert s["tambal"]["latihan"]["tes_b"] == (0.0, 4.0)
    out = pl.read_nb(root / "grading" / "autograded" / "tambal" / "latihan" / "latihan.ipynb")
    assert "pemeriksaan ulang oleh penilai" in pl.cell_output_text(out, "tes_b")
    for student in ("benar", "tambal"):  # the hand-off to the grader never reaches the feedback
        nb = pl.read_nb(root / "grading" / "autograded" / student / "latihan" / "latihan.ipynb")
        assert "vnd.cantik.jawaban" not in json.dumps(nb)


def test_unanswered_scores_zero(graded: tuple[Path, dict]) -> None:
    _, s = graded
    assert s["kosong"]["latihan"]["tes_a"][0] == 0.0
    assert s["kosong"]["latihan"]["tes_a_peringatan"][0] == 0.0


def test_stock_nbgrader_would_zero_the_warning(tmp_path: Path) -> None:
    """Contrast: without our preprocessor the same passing-with-warning cell scores 0 (nbgrader default)."""
    stock = (  # the repo config runs SandboxExecute: start from nbgrader's plain Execute, drop our parts
        "from cantik.sandbox.config import unsandboxed_preprocessors\n"
        "c.Autograde.autograde_preprocessors = [p for p in unsandboxed_preprocessors(c)\n"
        "                                       if 'cantik.' not in str(p)]\n"
    )
    root = _course(tmp_path, stock)
    released = pl.read_nb(root / "notebooks" / "latihan" / "latihan.ipynb")
    source = pl.read_nb(root / "courses" / "latihan" / "latihan.ipynb")
    pl.submit(root, "benar", "latihan", {"latihan": pl.fill(released, source, {"jawab_a": CASES["benar"]})})
    patched = {"jawab_a": CASES["tambal"], "jawab_b": "jumlah_penduduk = 1"}
    pl.submit(root, "tambal", "latihan", {"latihan": pl.fill(released, source, patched)})
    pl.nbgrader(root, "autograde", "latihan", "--force")
    s = pl.scores(root, "latihan")
    assert s["benar"]["latihan"]["tes_a"] == (2.0, 2.0)
    assert s["benar"]["latihan"]["tes_a_peringatan"] == (0.0, 3.0)
    assert s["tambal"]["latihan"]["tes_b"] == (4.0, 4.0)  # the patch fools in-kernel tests alone


def test_released_version_hides_solution_and_hidden_tests(graded: tuple[Path, dict]) -> None:
    root, _ = graded
    nb = pl.read_nb(root / "notebooks" / "latihan" / "latihan.ipynb")
    assert "persen_a = 12.5" not in json.dumps(nb)
    tes_a = next("".join(c["source"]) for c in nb["cells"] if c["id"] == "tes_a")
    assert "uji('0a', persen_a)" not in tes_a and "HIDDEN" not in tes_a
    assert "uji_bentuk('0a', persen_a)" in tes_a


def test_recheck_also_runs_in_the_parallel_warm_kernel_autograder(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """`cantik kelas nilai` (parallel, forked warm kernels) uses the same config; the re-check works there."""
    from cantik.grading.autograde import autograde
    from cantik.grading.course import Course

    root = pl.course_copy(tmp_path, ["modul1"])
    pl.nbgrader(root, "generate_assignment", "modul1", "--force")
    name = "modul1_data_kelurahan"
    src = pl.read_nb(root / "courses" / "modul1" / f"{name}.ipynb")
    rel = pl.read_nb(root / "notebooks" / "modul1" / f"{name}.ipynb")
    patch = CASES["tambal"].replace("persen_a = 99.0", "jumlah_penduduk = 3")
    pl.submit(root, "benar", "modul1", {name: pl.fill(rel, src)})
    pl.submit(root, "tambal", "modul1", {name: pl.fill(rel, src, {"m1-1a": patch})})
    monkeypatch.setenv("CANTIK_EXCHANGE", str(root / "grading" / "exchange"))
    autograde(Course.open(root), "modul1", workers=2, progress=False)
    s = pl.scores(root, "modul1")
    auto = pl.auto_ids(src)
    assert all(s["benar"][name][k][0] == s["benar"][name][k][1] for k in auto)
    assert s["tambal"][name]["m1-1a-tes"][0] == 0
    assert all(s["tambal"][name][k][0] == s["tambal"][name][k][1] for k in auto - {"m1-1a-tes"})
