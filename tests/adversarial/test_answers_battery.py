"""Attacks on the test code itself, through real ``nbgrader autograde``: with ``grade_in_grader`` the
test cells run in the grader's process on plain-data answers, so overriding ``__eq__``/``__sub__``/
``__bool__`` or monkeypatching builtins earns nothing; in the learner's kernel (the control run, plain
nbgrader behaviour) the same attacks do earn the point."""

from __future__ import annotations

import pytest

from tests.adversarial.attacks import ANSWER_ATTACKS, Attack
from tests.adversarial.make_course import HIDDEN_MARKER
from tests.adversarial.test_battery import _autograded, _score, grade_course, pytestmark  # noqa: F401

#: These beat a test cell that runs inside the learner's kernel.
KERNEL_EXPLOITS = {"eq_override", "monkeypatch_builtins"}


@pytest.fixture(scope="module", params=[True, False], ids=["di_grader", "di_kernel"])
def graded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[bool, dict]:
    return request.param, grade_course(tmp_path_factory.mktemp("jawaban"), ANSWER_ATTACKS,
                                       grade_in_grader=request.param)


@pytest.mark.parametrize("attack", ANSWER_ATTACKS, ids=[a.student for a in ANSWER_ATTACKS])
def test_points(graded: tuple[bool, dict], attack: Attack) -> None:
    in_grader, batch = graded
    expected = attack.points
    if not in_grader and attack.student in KERNEL_EXPLOITS:
        expected = 1  # the control: plain nbgrader is fooled
    assert _score(batch["root"], attack.student) == expected


def test_reasons_and_no_hidden_test_code_in_outputs(graded: tuple[bool, dict]) -> None:
    from cantik.sandbox.execute import stops

    in_grader, batch = graded
    if not in_grader:
        pytest.skip("control run")
    for attack in ANSWER_ATTACKS:
        nb = _autograded(batch["root"], attack.student)
        if nb is None and attack.graded is None:
            continue
        outputs = str([c.get("outputs") for c in nb.cells])
        assert HIDDEN_MARKER not in outputs, attack.student  # a failing test shows its message, not code
        if attack.reason:
            reasons = " ".join(s["alasan"] for s in stops(nb)) + outputs
            assert attack.reason in reasons, (attack.student, reasons)


def test_learners_own_test_cell_never_runs_in_the_grader(graded: tuple[bool, dict]) -> None:
    _, batch = graded  # nbgrader refuses a notebook with an unknown test cell; the sandbox never trusts it
    assert not (batch["root"] / "DIRETAS.txt").exists()
    assert batch["before"] == batch["after"]
