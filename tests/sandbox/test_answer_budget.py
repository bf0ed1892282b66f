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


def _svg(body: str) -> str:
    return ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            'viewBox="0 0 400 400"><g id="figure_1"><g id="axes_1">' + body + '</g></g>'
            '<defs><clipPath id="p1"><rect x="10" y="0" width="380" height="400"/></clipPath></defs></svg>')


def _wide_svg() -> str:
    """Just under ``MAX_CHARS`` of bar-shaped paths (13 000 bars): the most shapes a kernel can send."""
    from cantik.checks.chart_reader import MAX_CHARS

    bars, size, i = [], 0, 0
    while size < MAX_CHARS - 1_000:
        bar = f'<path d="M 10 {i} L {i % 300} {i} L {i % 300} {i + 1} L 10 {i + 1} z" clip-path="url(#p1)"/>'
        bars.append(bar)
        size, i = size + len(bar), i + 1
    return _svg("".join(bars[:-1]))


#: Crafted chart answers (what a kernel that replaced ``Figure.savefig`` can hand over as the chart's SVG).
SVG_BOMBS = {
    "svg_batang": _wide_svg,
    "svg_garis": lambda: _svg('<g id="line2d_1"><path d="M 0 0 ' + " ".join(
        f"L {i % 397} {i % 391}" for i in range(49_990)) + '" clip-path="url(#p1)"/></g>'),
    "svg_titik": lambda: _svg('<g id="line2d_1">' + "".join(
        f'<use xlink:href="#m" x="{i % 397}" y="{i % 391}"/>' for i in range(19_000)) + "</g>"),
    "svg_dalam": lambda: '<svg xmlns="http://www.w3.org/2000/svg">' + "<g>" * 100_000 + "</g>" * 100_000
                         + "</svg>",
}
CHART_TEST = "from cantik.checks import uji, uji_bentuk\nuji_bentuk('2g', fig)\nuji('2g', fig)\n"


def chart_answer(svg: str) -> str:
    """What the extraction prints for a chart answer ``fig`` with this SVG."""
    return MARKER + json.dumps({"fig": {"t": "grafik", "svg": svg}}) + "\n"


def honest_pyramid_svg() -> str:
    """The SVG of an honest population pyramid (the chart battery's solution), as a kernel sends it."""
    import matplotlib

    matplotlib.use("agg")
    from cantik.checks.figures import gambar
    from tests.adversarial.test_chart_battery import SETUP, SOLUTION

    ns: dict = {}
    exec(SETUP + "\n" + SOLUTION, ns)
    return gambar(ns["fig"]).svg


@pytest.fixture(scope="module")
def honest_pyramid() -> str:
    return honest_pyramid_svg()


@pytest.mark.parametrize("bomb", sorted(SVG_BOMBS))
def test_chart_bomb_costs_under_a_second_and_200_mb(checker: Checker, honest_pyramid: str, bomb: str) -> None:
    """A chart crosses as SVG text read in the same budgeted child: the largest crafted SVG a kernel may send
    (1 MB of bars, a 50 000-point line, 19 000 markers, 100 000 nested groups) costs under 1 s and 200 MB
    and loses only that question's point, with a reason; the honest pyramid after it keeps its point."""
    outcome = checker.grade(CHART_TEST, chart_answer(SVG_BOMBS[bomb]()), ["fig"])
    print(f"{bomb}: CPU {outcome.cpu_seconds:.3f} s, peak RSS {outcome.maxrss_mb:.0f} MB: "
          f"{outcome.unusable or outcome.error}")
    assert outcome.unusable is None and outcome.error is not None
    assert outcome.error["ename"] == "AssertionError" and "Soal 2g: " in outcome.error["evalue"]
    assert outcome.cpu_seconds < 1.0 and outcome.maxrss_mb < 200
    honest = checker.grade(CHART_TEST, chart_answer(honest_pyramid), ["fig"])
    assert honest.unusable is None and honest.error is None, honest.error
