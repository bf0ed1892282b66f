"""A budget for answer data (issue 17, item 4): the crafted answers of :data:`tests.adversarial.outputs.BOMBS`
cost the grader less than 1 s of CPU and 200 MB, each gets an Indonesian reason, and an honest answer
checked right after each of them gets its verdict.

The figures are the child's own resource accounting (``wait4``: CPU seconds, peak RSS), which holds on a
loaded machine; no wall-clock time is asserted. ``benchmarks/answer_budget.py`` prints them.
"""

from __future__ import annotations

import json
import resource

import pytest

from cantik.sandbox.answers import MARKER
from cantik.sandbox.budget import Budget, Checker
from tests.adversarial.outputs import BOMB_TEXT

TEST = ("assert isinstance(rasio, (int, float)), 'rasio harus berupa angka'\n"
        "assert abs(rasio - 120) < 1e-9, 'Rasio = laki-laki / perempuan x 100'")
HONEST = MARKER + json.dumps({"rasio": {"t": "f", "v": "120.0"}}) + "\n"
#: A 2×10⁷-row table with no column (what a real ``pd.DataFrame(index=pd.RangeIndex(20_000_000))`` sends).
ROWS = MARKER + json.dumps({"rasio": {
    "t": "DataFrame", "index": {"t": "Index", "kind": "range", "range": [0, 20_000_000, 1], "names": []},
    "columns": {"t": "Index", "kind": "range", "range": [0, 0, 1], "names": []}, "data": []}}) + "\n"
REASONS = {
    "bom_range": "terlalu besar untuk dinilai",
    "bom_kategori": "terlalu besar untuk dinilai",
    "bom_dtype": "tidak dikenal",
    "bom_lebar": "terlalu berat untuk diperiksa",
    "bom_float": "tidak bisa dibaca",
    "bom_dalam": "terlalu bertingkat",
    "bom_baris": "terlalu besar untuk dinilai",
}


@pytest.fixture(scope="module")
def checker():
    with Checker() as c:
        assert c.grade(TEST, HONEST, ["rasio"]).error is None  # started, questions warmed
        yield c


@pytest.mark.parametrize("bomb", sorted(REASONS))
def test_bomb_costs_under_a_second_and_200_mb(checker: Checker, bomb: str) -> None:
    grader_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    text = ROWS if bomb == "bom_baris" else MARKER + BOMB_TEXT[bomb] + "\n"
    outcome = checker.grade(TEST, text, ["rasio"])
    print(f"{bomb}: CPU {outcome.cpu_seconds:.3f} s, peak RSS {outcome.maxrss_mb:.0f} MB: {outcome.unusable}")
    assert outcome.unusable is not None and REASONS[bomb] in outcome.unusable
    assert outcome.cpu_seconds < 1.0 and outcome.maxrss_mb < 200
    # the grader's own process built nothing
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - grader_before < 20 * 1024
    honest = checker.grade(TEST, HONEST, ["rasio"])  # the batch goes on
    assert honest.unusable is None and honest.error is None


def test_limits_stop_what_the_size_check_lets_through(checker: Checker) -> None:
    """Past the size check, memory and CPU limits still hold (here the trusted test itself is greedy)."""
    greedy = checker.grade("blok = bytearray(4 * 10**9)", HONEST, ["rasio"])
    assert "batas memori" in greedy.unusable and greedy.maxrss_mb < 200
    endless = checker.grade("while True:\n    pass", HONEST, ["rasio"])
    budget = Budget()
    assert "waktu CPU" in endless.unusable and endless.cpu_seconds < budget.cpu_seconds + 1.5


def test_verdicts_and_hidden_test_messages_cross(checker: Checker) -> None:
    wrong = MARKER + json.dumps({"rasio": {"t": "f", "v": "83.3"}}) + "\n"
    outcome = checker.grade(TEST, wrong, ["rasio"])
    assert outcome.error == {"ename": "AssertionError", "evalue": "Rasio = laki-laki / perempuan x 100"}
    missing = checker.grade(TEST, MARKER + "{}\n", ["rasio"])
    assert missing.unusable and "belum dibuat" in missing.unusable
