"""The whole course through the real nbgrader pipeline: every module released, completed with its source
solutions by one learner, and autograded in a single ``nbgrader autograde`` call for all assignments."""

from __future__ import annotations

from pathlib import Path

import pytest

from cantik import course
from tests.courses import pipeline as pl

pytestmark = pytest.mark.slow


def test_every_module_releases_completes_and_grades(tmp_path: Path) -> None:
    modules = course.daftar_modul(pl.ROOT)
    assert {f"modul{i}" for i in range(1, 9)} <= set(modules)
    root = pl.course_copy(tmp_path, modules)
    for m in modules:
        pl.nbgrader(root, "generate_assignment", m, "--force")
        names = sorted(p.stem for p in (root / "courses" / m).glob("*.ipynb"))
        pl.submit(root, "lengkap", m, {n: pl.read_nb(root / "courses" / m / f"{n}.ipynb") for n in names})
    pl.nbgrader(root, "autograde", "*", "--force")
    for m in modules:
        scores = pl.scores(root, m)["lengkap"]
        for name, grades in scores.items():
            source = pl.read_nb(root / "courses" / m / f"{name}.ipynb")
            auto, manual = pl.auto_ids(source), pl.manual_ids(source)
            assert len(auto) >= 6 and manual, (m, name)
            lost = {g: v for g, v in grades.items() if g in auto and v[0] != v[1]}
            assert not lost, f"{m}/{name}: the source solutions lost points: {lost}"
            assert all(grades[g][1] > 0 for g in manual), (m, name)
