"""The course built for another place, shared by the place tests (test_wilayah) and the graded course
(test_modules, parametrized over places)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cantik.authoring import build
from tests.courses import pipeline as pl

#: Desa Malinau, the fourth synthetic place: a desa of 8 dusun, no AMPUNKU and no ``lansia_tahunan`` table.
OTHER_PLACE = "malinau"


@pytest.fixture(scope="session")
def malinau(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every module written and built for Desa Malinau (``cantik kursus bangun --wilayah malinau``): its
    ``courses/`` and ``notebooks/`` folders (about 2 minutes on a loaded 2-core machine)."""
    out = tmp_path_factory.mktemp("kursus") / OTHER_PLACE
    build.bangun_wilayah(OTHER_PLACE, out, build.daftar_naskah(pl.ROOT), root=pl.ROOT)
    return out
