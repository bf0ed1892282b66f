"""A budget for answer data (issue 17, item 4), through plain ``nbgrader autograde`` and ``cantik kelas
nilai`` with the project's configuration: the ``bom_*`` learners of :mod:`tests.adversarial.outputs` (graded
before the honest ones) lose only the point of the answer they crafted, each with an Indonesian reason in
their feedback; the honest learners after them are graded in full, including one who named variables
``print``, ``list``, ``json``, ``type`` and ``isinstance``. What each bomb costs the grader is measured in
``tests/sandbox/test_answer_budget.py`` (child's CPU and peak RSS).
"""

from __future__ import annotations

from cantik.sandbox.execute import ANSWER_ENAME
from tests.adversarial.outputs import LEARNERS, autograded, score

REASONS = {
    "bom_range": "terlalu besar untuk dinilai",
    "bom_kategori": "terlalu besar untuk dinilai",
    "bom_dtype": "tidak dikenal",
    "bom_lebar": "terlalu berat untuk diperiksa",
    "bom_float": "tidak bisa dibaca",
    "bom_dalam": "terlalu bertingkat",
    "bom_baris": "terlalu besar untuk dinilai",
}


def _rasio_errors(root, student: str) -> list[dict]:
    nb = autograded(root, student)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "uji_rasio")
    return [o for o in cell.outputs if o.get("output_type") == "error"]


def test_bombs_lose_their_answer_only_with_a_reason(outputs_batch: dict) -> None:
    root = outputs_batch["root"]
    log = outputs_batch["run"].stdout + outputs_batch["run"].stderr
    assert set(REASONS) == {x.student for x in LEARNERS if x.student.startswith("bom_")}
    for student, reason in REASONS.items():
        assert score(root, student) == 1, (student, log[-3000:])
        errors = _rasio_errors(root, student)
        assert [e["ename"] for e in errors] == [ANSWER_ENAME], (student, errors)
        assert reason in errors[0]["evalue"], (student, errors[0]["evalue"])


def test_honest_learners_after_the_bombs_are_graded(outputs_batch: dict) -> None:
    root = outputs_batch["root"]
    for student in ("jujur_a", "jujur_nama"):
        assert score(root, student) == 2, student
        assert _rasio_errors(root, student) == []
    if outputs_batch["parallel"]:
        assert outputs_batch["run"].returncode == 0
        assert "GAGAL dinilai" not in outputs_batch["run"].stdout
