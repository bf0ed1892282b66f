"""Fixtures for the grading tests: a throw-away course root using the project's real nbgrader_config.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from cantik.grading.course import Course
from tests.grading.helpers import MODUL, make_course


@pytest.fixture
def course_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Course root in tmp_path: the real config, the tiny test course; gradebook/exchange inside it."""
    monkeypatch.delenv("CANTIK_GRADEBOOK_URL", raising=False)
    monkeypatch.delenv("CANTIK_EXCHANGE", raising=False)
    return make_course(tmp_path / "kelas")


@pytest.fixture
def course(course_root: Path) -> Course:
    return Course.open(course_root)


@pytest.fixture
def released(course: Course) -> Course:
    """The course with the test module generated and released to the exchange."""
    from cantik.grading.release import release

    release(course, MODUL)
    return course


def write_roster(path: Path, rows: list[list[str]], sep: str = ",") -> Path:
    path.write_text("\n".join(sep.join(r) for r in rows) + "\n", encoding="utf-8")
    return path


ROSTER_ROWS = [
    ["id", "nama", "peran", "desa/kelurahan", "kohort"],
    ["ku01", "Siti Aminah", "Agen statistik", "Kandangan Utara", "A"],
    ["ku02", "Budi Santoso", "Kasi Pemerintahan", "Kandangan Utara", "A"],
    ["th01", "Rahmah", "Sekretaris Lurah", "Taluk Haur", "B"],
    ["th02", "Siti Hajar", "Agen statistik", "Taluk Haur", "B"],
]
