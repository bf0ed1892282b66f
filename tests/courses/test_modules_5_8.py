"""Modules 5–8 on the real nbgrader pipeline, with the cases of ``tests/courses/cases_5_8.py``.

The tests themselves are those of ``tests/courses/test_modules.py`` (imported, so both files check the same
things); only the ``graded`` fixture differs: it reads the answers for modules 5–8 from ``cases_5_8``. Per
module, one ``generate_assignment`` and one ``autograde`` call grade every learner at once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.courses import cases_5_8 as cases
from tests.courses import pipeline as pl
from tests.courses.test_modules import (  # noqa: F401  (collected here with this module's fixture)
    Graded,
    _spread,
    test_alternative_correct_solutions_keep_full_marks,
    test_common_mistakes_lose_points_with_targeted_message,
    test_feedback_does_not_show_hidden_tests,
    test_source_scores_full_marks,
    test_unanswered_learner_version_scores_zero,
)

pytestmark = pytest.mark.slow

MODULES = sorted(cases.SALAH)


def _spread_wrong(salah: list[tuple]) -> list[dict[str, object]]:
    """Learners for the mistakes: a mistake whose wrong value flows into later answers (it lists cascaded
    test cells) gets a learner of its own, so the later cells keep their solution code and their messages
    stay checkable; the others share learners as in ``_spread``."""
    alone = [{c[0]: c} for c in salah if len(c) > 4 and c[4]]
    return alone + _spread([(c[0], c) for c in salah if not (len(c) > 4 and c[4])])


@pytest.fixture(scope="module", params=MODULES)
def graded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Graded:
    modul = request.param
    root = pl.course_copy(tmp_path_factory.mktemp(modul), [modul])
    pl.nbgrader(root, "generate_assignment", modul, "--force")
    names = sorted(p.stem for p in (root / "courses" / modul).glob("*.ipynb"))
    sources = {n: pl.read_nb(root / "courses" / modul / f"{n}.ipynb") for n in names}
    released = {n: pl.read_nb(root / "notebooks" / modul / f"{n}.ipynb") for n in names}
    cell_nb = {c["id"]: n for n in names for c in sources[n]["cells"]}

    def submission(patches: dict[str, object]) -> dict[str, dict]:
        return {n: pl.fill(released[n], sources[n], {c: str(p) for c, p in patches.items()
                                                      if cell_nb.get(c) == n}) for n in names}

    plan: dict[str, dict[str, object]] = {}
    pl.submit(root, "sumber", modul, sources)
    pl.submit(root, "kosong", modul, released)
    alts = [(cid, code) for cid, codes in cases.BENAR.get(modul, {}).items() for code in codes]
    for i, learner in enumerate(_spread(alts)):
        plan[f"benar{i}"] = learner
        pl.submit(root, f"benar{i}", modul, submission(learner))
    for i, learner in enumerate(_spread_wrong(cases.SALAH[modul])):
        plan[f"salah{i}"] = learner
        pl.submit(root, f"salah{i}", modul, submission({cid: case[1] for cid, case in learner.items()}))
    pl.nbgrader(root, "autograde", modul, "--force")
    return Graded(root, modul, names, plan)


def test_capstone_exports_a_shareable_html_page(graded: Graded, tmp_path: Path) -> None:
    """The graded capstone (source solutions, really executed by nbgrader) becomes one report page with its
    chart, table, metadata and written answers, the synthetic-data notice on top, and no code, grading cells,
    instructions or self-check messages."""
    if graded.modul != "modul8":
        pytest.skip("only the capstone is exported")
    from cantik.export import ekspor_html
    from cantik.data.schema import SYNTHETIC_NOTICE

    name = graded.names[0]
    src = graded.root / "grading" / "autograded" / "sumber" / graded.modul / f"{name}.ipynb"
    page = ekspor_html(src, tmp_path / "profil.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in page  # the learner's chart (8g)
    assert SYNTHETIC_NOTICE in page and page.index(SYNTHETIC_NOTICE) < page.index("Lembar indikator utama")
    assert "Kandangan Utara berpenduduk sekitar" in page  # the written interpretation (8i)
    assert "Indikator utama Kelurahan Kandangan Utara" in page  # printed "dalam Angka" table
    assert "metode_perhitungan" in page  # the metadata table (8f)
    assert "<title>Modul 8 · Proyek akhir: Kandangan Utara dalam Angka</title>" in page
    for hidden in ("uji(", "uji_bentuk(", "ind.poverty_indices(", "BEGIN SOLUTION", "# Tes otomatis soal",
                   "Benar! (soal", "Tujuan pembelajaran", "Rubrik soal", "Simpan di"):
        assert hidden not in page, hidden
    whole = ekspor_html(src, tmp_path / "lengkap.html", laporan=False).read_text(encoding="utf-8")
    assert "Tujuan pembelajaran" in whole and "Rubrik soal 8i" in whole and "Benar! (soal 8a)" in whole
    assert "# Tes otomatis soal" not in whole and "uji_bentuk(" not in whole
