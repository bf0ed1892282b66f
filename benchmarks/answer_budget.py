"""What crafted answer data costs the grader, against an honest answer checked in the same run.

Each answer (a number's, and a chart's SVG) goes through :class:`cantik.sandbox.budget.Checker` as a
test cell's answer does during grading:
the figures are the child's own accounting (``wait4``: CPU seconds and peak RSS, the RSS shared with the
helper included), so they do not depend on how loaded the machine is. Target: every crafted answer under
1 s of CPU and 200 MB, refused with an Indonesian reason, and the honest answer after it still graded.

    .venv/bin/python benchmarks/answer_budget.py
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cantik.checks.chart_reader import read_svg
from cantik.sandbox.answers import MARKER, decode, parse_extraction, run_test
from cantik.sandbox.budget import Checker
from tests.adversarial.outputs import BOMB_TEXT
from tests.sandbox.test_answer_budget import (
    CHART_TEST,
    HONEST,
    ROWS,
    SVG_BOMBS,
    TEST,
    chart_answer,
    honest_pyramid_svg,
)


def _helper_cpu(checker: Checker) -> float:
    """CPU seconds the helper process has used so far (``/proc/<pid>/stat``: utime + stime)."""
    proc = checker._helper()
    fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def per_cell(checker: Checker, test: str, text: str, names: list[str], n: int = 40) -> tuple[float, float]:
    """CPU per honest test cell: (budgeted: grader + helper + child, in-process: decode and test here)."""
    checker.grade(test, text, names)
    grader, helper, child = time.process_time(), _helper_cpu(checker), 0.0
    for _ in range(n):
        child += checker.grade(test, text, names).cpu_seconds
    budgeted = (time.process_time() - grader + _helper_cpu(checker) - helper + child) / n
    parsed = parse_extraction(text)
    run_test(test, {k: decode(k, parsed[k]) for k in names})  # questions warmed, as in the helper
    start = time.process_time()
    for _ in range(n):
        read_svg.cache_clear()  # each test cell reads its own chart (the child starts without this cache)
        parsed = parse_extraction(text)
        run_test(test, {k: decode(k, parsed[k]) for k in names})
    return budgeted, (time.process_time() - start) / n


def main() -> int:
    answers = {"jujur (baseline)": HONEST, **{k: MARKER + v + "\n" for k, v in BOMB_TEXT.items()},
               "bom_baris": ROWS}
    worst_cpu = worst_rss = 0.0
    with Checker() as checker:
        checker.grade(TEST, HONEST, ["rasio"])  # start the helper
        base = checker.grade(TEST, HONEST, ["rasio"])
        print(f"{'answer':18} {'JSON bytes':>10} {'CPU s':>7} {'peak RSS MB':>12} {'CPU vs honest':>14}"
              "  result")
        for name, text in answers.items():
            out = checker.grade(TEST, text, ["rasio"])
            after = checker.grade(TEST, HONEST, ["rasio"])
            assert after.unusable is None and after.error is None, "the honest answer after it failed"
            result = out.unusable or (out.error or {}).get("evalue") or "benar"
            ratio = out.cpu_seconds / base.cpu_seconds if base.cpu_seconds else float("nan")
            print(f"{name:18} {len(text):>10} {out.cpu_seconds:>7.3f} {out.maxrss_mb:>12.0f} "
                  f"{ratio:>13.1f}x  {result[:70]}")
            if name != "jujur (baseline)":
                worst_cpu, worst_rss = max(worst_cpu, out.cpu_seconds), max(worst_rss, out.maxrss_mb)
        pyramid = chart_answer(honest_pyramid_svg())
        checker.grade(CHART_TEST, pyramid, ["fig"])
        base = checker.grade(CHART_TEST, pyramid, ["fig"])
        print(f"{'chart (honest)':18} {len(pyramid):>10} {base.cpu_seconds:>7.3f} {base.maxrss_mb:>12.0f} "
              f"{1.0:>13.1f}x  {'benar' if base.error is None else base.error['evalue'][:70]}")
        for name, make in SVG_BOMBS.items():
            text = chart_answer(make())
            out = checker.grade(CHART_TEST, text, ["fig"])
            after = checker.grade(CHART_TEST, pyramid, ["fig"])
            assert after.unusable is None and after.error is None, "the honest chart after it failed"
            result = out.unusable or (out.error or {}).get("evalue") or "benar"
            print(f"{name:18} {len(text):>10} {out.cpu_seconds:>7.3f} {out.maxrss_mb:>12.0f} "
                  f"{out.cpu_seconds / base.cpu_seconds:>13.1f}x  {result[:70]}")
            worst_cpu, worst_rss = max(worst_cpu, out.cpu_seconds), max(worst_rss, out.maxrss_mb)
        print("\nCPU per honest test cell (grader + helper + child) vs decoding and testing in the grader:")
        for name, test, text, names in (("number", TEST, HONEST, ["rasio"]),
                                        ("chart", CHART_TEST, pyramid, ["fig"])):
            budgeted, inline = per_cell(checker, test, text, names)
            print(f"  {name:7} budgeted {budgeted * 1000:6.1f} ms, in-process {inline * 1000:6.1f} ms, "
                  f"overhead {budgeted / inline:.1f}x")
    print(f"worst crafted answer: {worst_cpu:.3f} s CPU (target < 1 s), {worst_rss:.0f} MB (target < 200 MB)")
    return 0 if worst_cpu < 1 and worst_rss < 200 else 1


if __name__ == "__main__":
    raise SystemExit(main())
