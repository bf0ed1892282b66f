"""Course content rules: structure of every master notebook, learner versions current, naskah in sync."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cantik.authoring import build as course
from cantik.data.schema import SYNTHETIC_NOTICE
from tests.courses import pipeline as pl

ROOT = pl.ROOT
MODULES = course.daftar_modul(ROOT)
NOTEBOOKS = [(m, p.stem) for m in MODULES for p in sorted((ROOT / "courses" / m).glob("*.ipynb"))]


def test_modules_exist() -> None:
    assert {"modul1", "modul2", "modul3", "modul4"} <= set(MODULES)


@pytest.mark.parametrize(("modul", "name"), NOTEBOOKS)
def test_master_notebook_structure(modul: str, name: str) -> None:
    nb = pl.read_nb(ROOT / "courses" / modul / f"{name}.ipynb")
    cells = nb["cells"]
    text = ["".join(c["source"]) for c in cells]
    md = [t for c, t in zip(cells, text, strict=True) if c["cell_type"] == "markdown"]
    assert "Tujuan pembelajaran" in md[1] and "Pertanyaan" in md[2], "opens with objectives and questions"
    assert "Poin kunci" in md[-1], "ends with key points"
    assert any("Data sintetis" in t for t in md) and any("SYNTHETIC_NOTICE" in t for t in text)
    ids = [c["id"] for c in cells]
    assert len(ids) == len(set(ids)) and all(ids)
    code = [c for c in cells if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    auto = pl.auto_ids(nb)
    assert len(auto) >= 6
    manual = pl.manual_ids(nb)
    assert manual
    for m in manual:  # a rubric with 1–4 levels sits right before every written answer
        i = next(i for i, c in enumerate(cells) if c["id"] == m)
        assert "| 4 – sangat baik |" in text[i - 1] and "Rubrik" in text[i - 1]
    grade_ids = [c["metadata"]["nbgrader"]["grade_id"] for c in cells if "nbgrader" in c["metadata"]]
    assert len(grade_ids) == len(set(grade_ids))
    # Notebooks use cantik.indicators for formulas and never carry expected answers of hidden tests.
    for c, t in zip(cells, text, strict=True):
        if c["metadata"].get("nbgrader", {}).get("grade") and c["cell_type"] == "code":
            assert "uji(" in t and "BEGIN HIDDEN TESTS" in t
    assert SYNTHETIC_NOTICE not in "".join(text)  # printed from the package, not copied


@pytest.mark.parametrize("modul", MODULES)
def test_master_notebooks_match_their_naskah(modul: str) -> None:
    for name, expected in course.naskah(modul, ROOT).items():
        actual = (ROOT / "courses" / modul / f"{name}.ipynb").read_text(encoding="utf-8")
        hint = f"run `cantik kursus tulis {modul}`"
        assert actual == expected, f"courses/{modul}/{name}.ipynb is out of date: {hint}"


def test_formgrader_lists_modules_only() -> None:
    """Formgrader takes every folder of the nbgrader source folder for an assignment: the authoring
    scripts live outside it (naskah/), so no draft such as ``_naskah`` is listed."""
    from nbgrader.apps.api import NbGraderAPI

    from cantik.grading.course import Course

    kelas = Course.open(ROOT)
    api = NbGraderAPI(coursedir=kelas.coursedir(), config=kelas.config)
    assert sorted(api.get_source_assignments()) == MODULES == course.daftar_naskah(ROOT)


@pytest.mark.slow
@pytest.mark.parametrize("modul", MODULES)
def test_learner_version_is_current(modul: str) -> None:
    beda = course.kedaluwarsa(modul, ROOT)
    assert beda == [], f"notebooks/{modul} out of date ({beda}): run `cantik kursus bangun {modul}`"


def test_out_of_date_learner_version_is_detected(tmp_path: Path) -> None:
    modul = MODULES[0]
    root = pl.course_copy(tmp_path, [modul])
    course.bangun(modul, root)
    assert course.kedaluwarsa(modul, root) == []
    src = root / "courses" / modul
    path = next(src.glob("*.ipynb"))
    nb = json.loads(path.read_text(encoding="utf-8"))
    nb["cells"][0]["source"] = ["# Judul yang diubah"]
    path.write_text(json.dumps(nb), encoding="utf-8")
    assert course.kedaluwarsa(modul, root) == [path.name]


@pytest.mark.parametrize(("modul", "name"), NOTEBOOKS)
def test_master_and_learner_notebooks_are_valid_nbformat(modul: str, name: str) -> None:
    import nbformat

    for folder in ("courses", "notebooks"):
        path = ROOT / folder / modul / f"{name}.ipynb"
        nbformat.validate(nbformat.read(path, as_version=4))


@pytest.mark.slow
def test_kursus_commands_build_and_check_learner_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cantik.cli import main

    root = pl.course_copy(tmp_path, ["modul1"])
    (root / "datasets").mkdir()
    (root / "pyproject.toml").write_text("", encoding="utf-8")
    monkeypatch.setenv("CANTIK_HOME", str(root))
    assert main(["kursus", "periksa", "modul1"]) == 1
    assert "BELUM sesuai" in capsys.readouterr().out
    assert main(["kursus", "bangun", "modul1"]) == 0
    assert (root / "notebooks" / "modul1" / "modul1_data_kelurahan.ipynb").is_file()
    assert main(["kursus", "periksa", "modul1"]) == 0
    assert "sesuai sumbernya" in capsys.readouterr().out
    assert not (root / "grading" / "gradebook.db").exists()  # building learner versions writes no gradebook
