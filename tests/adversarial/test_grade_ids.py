"""Copied, deleted and old-format cells, through real ``nbgrader autograde`` and ``cantik kelas nilai``.

A notebook with two cells carrying the same ``grade_id`` (a copied test cell, or a JSON edit) made
nbgrader's sanitiser empty the copy's metadata, read that as an "old metadata format" and stop the
**whole batch**: every learner after that one stayed ungraded (plain nbgrader), and ``cantik kelas nilai``
called it "notebook dibuat dengan versi nbgrader lama". A deleted test cell and an nbformat-3 file were
explained as "Nilai dikurangi pelatih". Learners whose ids sort after the attackers (``z_…``) check that the
batch goes on; the reasons are read back the way feedback and exports read them
(:func:`cantik.grading.results.cell_results`).
"""

from __future__ import annotations

import copy

import pytest

from tests.adversarial.attacks import HONEST, Attack, _nbformat3
from tests.adversarial.test_battery import _score, grade_course, pytestmark  # noqa: F401


def _cells(nb, grade_id: str) -> list[int]:
    return [i for i, c in enumerate(nb.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id]


def _copy_test_below(nb) -> None:
    """Copy and paste in JupyterLab: the copy gets a new cell id, keeps the grade id."""
    i = _cells(nb, "uji")[0]
    twin = copy.deepcopy(nb.cells[i])
    twin.id = "salinan-uji"
    nb.cells.insert(i + 1, twin)


def _same_id_fake_first(nb) -> None:
    """A JSON edit: the test cell repeated (same cell id and grade id) above the answer, made harmless."""
    i = _cells(nb, "uji")[0]
    fake = copy.deepcopy(nb.cells[i])
    fake.source = "pass  # uji palsu"
    nb.cells.insert(_cells(nb, "jawaban")[0], fake)


def _answer_twice(nb) -> None:
    """The answer cell copied: a wrong first try above, the honest answer kept below."""
    i = _cells(nb, "jawaban")[0]
    first = copy.deepcopy(nb.cells[i])
    first.id = "coba-pertama"
    first.source = "rasio = 1.0"
    nb.cells.insert(i, first)


def _delete_test(nb) -> None:
    del nb.cells[_cells(nb, "uji")[0]]


ATTACKS = [
    Attack("a_uji_disalin", HONEST, points=1, edit=_copy_test_below),
    Attack("a_uji_palsu_id_sama", HONEST, points=1, edit=_same_id_fake_first),
    Attack("a_jawaban_disalin", HONEST, points=1, edit=_answer_twice),
    Attack("b_uji_dihapus", HONEST, points=0, edit=_delete_test),
    Attack("b_nbformat_lama", graded=None, raw=_nbformat3()),
    Attack("z_jujur_1", HONEST, points=1),
    Attack("z_jujur_2", HONEST, points=1),
]
REPAIRED = {"a_uji_disalin", "a_uji_palsu_id_sama", "a_jawaban_disalin"}


@pytest.fixture(scope="module", params=[False, True], ids=["nbgrader", "paralel"])
def batch(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    return grade_course(tmp_path_factory.mktemp("ids"), ATTACKS, parallel=request.param)


def _results(batch: dict, student: str) -> list:
    from cantik.grading.course import Course
    from cantik.grading.results import cell_results

    return cell_results(Course.open(batch["root"]), "kuis", student)


def test_the_batch_goes_on(batch: dict) -> None:
    log = batch["run"].stdout + batch["run"].stderr
    assert batch["run"].returncode == 0 or not batch["parallel"], log[-3000:]
    assert "SchemaTooOld" not in log and "versi nbgrader lama" not in log
    for attack in ATTACKS:
        if attack.raw is None:
            assert _score(batch["root"], attack.student) == attack.points, (attack.student, log[-3000:])


@pytest.mark.parametrize("student", sorted(REPAIRED))
def test_a_copied_cell_is_repaired_and_said(batch: dict, student: str) -> None:
    from cantik.grading.pool import sandbox_stops

    notes = sandbox_stops(batch["root"] / "autograded" / student / "kuis", notes=True)
    assert any("salinan sel" in n for n in notes), notes
    if batch["parallel"]:
        summary = batch["run"].stdout
        assert "Diperbaiki sebelum dinilai" in summary and f"  - {student}: " in summary


def test_deleted_test_cell_says_so(batch: dict) -> None:
    (row,) = _results(batch, "b_uji_dihapus")
    assert row.score == 0 and "terhapus" in row.message, row
    assert "pelatih" not in row.message.split("dihapus")[0]


def test_old_format_says_so(batch: dict) -> None:
    if (batch["root"] / "autograded" / "b_nbformat_lama" / "kuis").is_dir():
        (row,) = _results(batch, "b_nbformat_lama")
        assert not row.score and "format lama (nbformat 3)" in row.message, row
    else:  # not graded at all: the trainer's summary names the format
        assert "nbformat 3" in batch["run"].stdout + batch["run"].stderr
