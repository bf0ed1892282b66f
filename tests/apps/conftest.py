"""Fixtures of the app tests: synthetic datasets generated into a temporary CANTIK_HOME."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def cantik_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project root holding freshly generated synthetic datasets (the repo's datasets/ is not touched)."""
    from cantik.data.generate import generate

    home = tmp_path_factory.mktemp("cantik_home")
    generate(home / "datasets")
    (home / "pyproject.toml").write_text("# test home\n")
    return home


@pytest.fixture(autouse=True)
def _use_cantik_home(cantik_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CANTIK_HOME", str(cantik_home))
