"""WarningKeepsPoints on notebook cells, then nbgrader's own determine_grade on the result."""

from __future__ import annotations

import nbformat
import pytest
from nbgrader.utils import determine_grade

from cantik.grading.preprocessors import WarningKeepsPoints


def _test_cell(outputs: list[dict]) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell("uji('1a', x)")
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": "t", "points": 2,
                                 "locked": True, "schema_version": 3}
    cell.outputs = [nbformat.from_dict(o) for o in outputs]
    return cell


WARN = {"output_type": "stream", "name": "stderr", "text": "FutureWarning: something\n"}
ERR = {"output_type": "error", "ename": "AssertionError", "evalue": "Soal 1a: salah", "traceback": []}


def _run(cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
    out, _ = WarningKeepsPoints().preprocess_cell(cell, {}, 0)
    return out


def test_passing_cell_with_warning_keeps_points_and_text() -> None:
    cell = _test_cell([WARN])
    assert determine_grade(cell) == (0, 2.0)  # stock nbgrader
    cell = _run(cell)
    assert determine_grade(cell) == (2.0, 2.0)
    assert cell.outputs[0]["name"] == "stdout" and "FutureWarning: something" in cell.outputs[0]["text"]
    assert "tidak mengurangi nilai" in cell.outputs[0]["text"]


def test_failing_cell_with_warning_still_scores_zero() -> None:
    cell = _run(_test_cell([WARN, ERR]))
    assert determine_grade(cell) == (0, 2.0)
    assert cell.outputs[0]["name"] == "stderr"


def test_solution_and_ungraded_cells_untouched() -> None:
    cell = nbformat.v4.new_code_cell("x = 1")
    cell.outputs = [nbformat.from_dict(WARN)]
    assert _run(cell).outputs[0]["name"] == "stderr"


# ── RecheckAnswers: grader-side re-check of the answers handed over by hidden tests ─────────────────────
from cantik.checks.core import MIME_JAWABAN, ke_json  # noqa: E402
from cantik.checks.plain import ke_polos  # noqa: E402
from cantik.grading.preprocessors import RecheckAnswers  # noqa: E402


def _hand(soal: str, value: object) -> dict:
    return {"output_type": "display_data", "metadata": {},
            "data": {MIME_JAWABAN: {"soal": soal, "jawaban": ke_json(ke_polos(value))}}}


def _recheck(cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
    return RecheckAnswers().preprocess_cell(cell, {}, 0)[0]


def _hidden(soal: str, outputs: list[dict]) -> nbformat.NotebookNode:
    cell = _test_cell(outputs)
    cell.source = f"uji_bentuk({soal!r}, x)\n### BEGIN HIDDEN TESTS\nuji({soal!r}, x)\n### END HIDDEN TESTS"
    return cell


def test_recheck_keeps_a_correct_answer_and_hides_the_hand_off() -> None:
    from cantik.data import load

    cell = _recheck(_hidden("1a", [_hand("1a", len(load("penduduk")))]))
    assert determine_grade(cell) == (2.0, 2.0)
    assert cell.outputs == []


def test_recheck_fails_a_wrong_or_missing_answer_that_passed_in_the_kernel() -> None:
    wrong = _recheck(_hidden("1a", [_hand("1a", 3)]))
    assert determine_grade(wrong) == (0, 2.0)
    assert "pemeriksaan ulang" in wrong.outputs[-1]["evalue"]
    missing = _recheck(_hidden("1a", []))
    assert determine_grade(missing) == (0, 2.0)
    assert "tidak sampai" in missing.outputs[-1]["evalue"]


def test_recheck_leaves_unknown_questions_and_failed_cells_alone() -> None:
    unknown = _recheck(_hidden("0z", []))
    assert determine_grade(unknown) == (2.0, 2.0)
    failed = _recheck(_hidden("1a", [_hand("1a", 3), ERR]))
    assert [o["output_type"] for o in failed.outputs] == ["error"]


def test_recheck_defers_to_the_sandbox_when_it_graded_the_cell_in_the_grader() -> None:
    from traitlets.config import Config

    sandbox = RecheckAnswers(config=Config({"SandboxExecute": {"grade_in_grader": True}}))
    in_grader = sandbox.preprocess_cell(_hidden("1a", []), {}, 0)[0]
    assert determine_grade(in_grader) == (2.0, 2.0)
    marked = _hidden("1a", [])
    marked.source = "# uji-di-kernel\n" + marked.source  # such cells still run in the kernel: re-checked
    assert determine_grade(sandbox.preprocess_cell(marked, {}, 0)[0]) == (0, 2.0)


def test_uji_hands_nothing_over_outside_a_kernel(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cantik.checks import uji
    from cantik.data import load

    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    uji("1a", len(load("penduduk")))
    assert capsys.readouterr().out == ""
