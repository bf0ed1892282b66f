"""PeringatanBukanGalat on notebook cells, then nbgrader's own determine_grade on the result."""

from __future__ import annotations

import nbformat
from nbgrader.utils import determine_grade

from cantik.grading.preprocessors import PeringatanBukanGalat


def _test_cell(outputs: list[dict]) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell("uji('1a', x)")
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": "t", "points": 2,
                                 "locked": True, "schema_version": 3}
    cell.outputs = [nbformat.from_dict(o) for o in outputs]
    return cell


WARN = {"output_type": "stream", "name": "stderr", "text": "FutureWarning: something\n"}
ERR = {"output_type": "error", "ename": "AssertionError", "evalue": "Soal 1a: salah", "traceback": []}


def _run(cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
    out, _ = PeringatanBukanGalat().preprocess_cell(cell, {}, 0)
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
