"""Each module's header states honestly how long it takes a learner who has never written code: at least the
estimate of ``tests/courses/durations.py`` (rounded up to 5 minutes), and not wildly more. Modul 0 fits in
60 minutes."""

from __future__ import annotations

import math

import pytest

from cantik.authoring import build
from cantik.authoring import cells as course
from tests.courses import durations as dur
from tests.courses import pipeline as pl

NOTEBOOKS = [(m, p) for m in sorted(build.daftar_modul(pl.ROOT), key=lambda m: int(m.removeprefix("modul")))
             for p in sorted((pl.ROOT / "courses" / m).glob("*.ipynb"))]


def _estimates() -> dict[str, float]:
    """Minutes per notebook, the course read in order (an idiom met once is known afterwards)."""
    known: set[str] = set()
    return {str(p): sum(dur.estimate(pl.read_nb(p), known).values()) for _, p in NOTEBOOKS}


ESTIMATES = _estimates()


@pytest.mark.parametrize(("modul", "path"), NOTEBOOKS, ids=[m for m, _ in NOTEBOOKS])
def test_stated_duration_is_the_estimate_for_a_novice(modul: str, path) -> None:
    nb = pl.read_nb(path)
    estimate = math.ceil(ESTIMATES[str(path)] / 5) * 5
    stated = dur.stated_minutes(nb)
    assert stated >= estimate, f"{modul}: header says {stated} min, a novice needs about {estimate}"
    assert stated <= 1.5 * estimate + 15, f"{modul}: header says {stated} min, the estimate is {estimate}"


def test_modul0_fits_in_an_hour() -> None:
    nb = pl.read_nb(next((pl.ROOT / "courses" / "modul0").glob("*.ipynb")))
    assert dur.stated_minutes(nb) <= 60 and sum(dur.estimate(nb, set()).values()) <= 60


def test_the_model_reads_what_a_learner_does() -> None:
    nb = course.notebook([
        course.md("a", "### Soal 9z\n\nTulis 2–3 kalimat."),
        course.contoh_kode("b", "# satu dua tiga empat\nx = 1"),
        course.jawaban("c", "y = ...", "y = x + 1\nz = y * 2"),
        course.make_cell("markdown", "d", "jawaban", {"grade": True, "solution": True, "locked": False,
                                                  "grade_id": "d", "points": 4}),
    ])
    got = dur.estimate(nb)
    assert got["sel"] == 2 and got["soal"] == 4 and got["tulisan"] == 9 and got["baru"] == 0
    assert dur.estimate(nb, set())["baru"] == 0  # `x + 1`, `y * 2`: no idiom
    nb["cells"][2] = course.jawaban("c", "", "n = t[\"a\"].nunique()")
    assert dur.estimate(nb, set())["baru"] == 5 and dur.estimate(nb, {".nunique()"})["baru"] == 0
    assert got["baca"] == pytest.approx((6 + 4) / dur.WORDS_PER_MINUTE)
