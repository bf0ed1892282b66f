"""Sampel dan survei: samples vary, intervals come from cantik.indicators with the finite population
correction, the visitor's samples accumulate, bins sit on the possible results, and it never crashes."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.colors import to_rgba

import cantik.data
from cantik import indicators as ind
from cantik.apps.charts import BLUE, RED
from cantik.apps.sampel import BATCH, SIZES, TARGETS, SampelApp, bin_edges, draw_sample, exact_coverage


@pytest.fixture
def app() -> SampelApp:
    return SampelApp()


def test_true_value_and_corrected_interval(app: SampelApp) -> None:
    keluarga = cantik.data.load("keluarga")
    r = app.result
    assert r.population == len(keluarga)
    assert r.true_percent == pytest.approx((keluarga["penerima_bansos"] == "Ya").mean() * 100)
    successes = round(r.estimate * r.n / 100)
    expected = ind.proportion_interval(successes, r.n, population=len(keluarga))
    assert (r.estimate, r.lower, r.upper) == pytest.approx(tuple(expected))
    assert "batas kesalahannya" in app.summary.value
    assert "margin of error" not in app.summary.value.lower()


def test_wilson_crash_regression_every_size_many_seeds(app: SampelApp) -> None:
    """Issue 21: a sample without any "yes" household gave a lower bound a rounding error above the
    estimate; the error bar refused it and the update failed (about 3 draws in 4 at n = 10). Every size,
    both targets, 200 samples each: every interval holds its estimate, the update succeeds."""
    for target in TARGETS:
        app.target.value = target
        flags = app.population()
        for n in SIZES:
            for seed in range(200):
                r = draw_sample(flags, n, np.random.default_rng([seed, n]))
                assert 0 <= r.lower <= r.estimate <= r.upper <= 100, (target, n, seed)
        for n in SIZES:  # the app itself, drawing: 3 samples per size and target
            app.size.value = n
            app.new_sample(3)
            assert app.status.message == "", (target, n)
            assert app.rendered_for == app.control_state()


def test_a_sample_without_yes_households_draws_fine(app: SampelApp) -> None:
    app.target.value = "miskin"
    app.size.value = 10
    for _ in range(12):  # poverty is rare: most samples of 10 have no poor household
        app.new_sample()
        assert app.status.message == ""
    assert any(i.estimate == 0 for i in app.result.history)


def test_samples_accumulate_and_missed_intervals_are_red(app: SampelApp) -> None:
    app.size.value = 20
    app.new_sample(BATCH)
    r = app.result
    assert len(r.history) == BATCH + 1  # the first sample plus the batch
    missed = [not (i.lower <= r.true_percent <= i.upper) for i in r.history]
    assert r.covered == len(r.history) - sum(missed)
    text = app.summary.value.replace("<strong>", "").replace("</strong>", "")
    assert f"{r.covered} selang mengenai" in text
    _top, bottom = app.figure.axes
    (lines,) = bottom.collections[:1]
    colours = [tuple(c) for c in lines.get_colors()]
    shown = missed[-len(colours):]  # the latest ones, drawn from the top

    assert colours == [to_rgba(RED if m else BLUE) for m in shown]
    assert f"{r.covered} dari {len(r.history)}" in bottom.get_title(loc="left")
    # Another size starts its own collection; coming back finds the old one.
    app.size.value = 100
    assert len(app.result.history) == 1
    app.size.value = 20
    assert len(app.result.history) == BATCH + 1


def test_coverage_is_exact_and_near_95(app: SampelApp) -> None:
    flags = app.population()
    for n in (10, 50, 1000):
        cov = exact_coverage(int(flags.sum()), len(flags), n)
        assert 85 < cov <= 100
    # Checked against simulation: 4,000 samples of 50.
    rng = np.random.default_rng(7)
    simulated = np.mean([_covers(draw_sample(flags, 50, rng), flags.mean() * 100) for _ in range(4000)])
    assert simulated * 100 == pytest.approx(exact_coverage(int(flags.sum()), len(flags), 50), abs=1.5)


def _covers(r, true: float) -> bool:  # type: ignore[no-untyped-def]
    return r.lower - 1e-9 <= true <= r.upper + 1e-9


def test_bins_sit_on_the_possible_results() -> None:
    for n in SIZES:
        edges = bin_edges(n, 60)
        unit = 100 / n
        centres = (edges[:-1] + edges[1:]) / 2
        width = edges[1] - edges[0]
        per_bar = round(width / unit)
        assert width == pytest.approx(per_bar * unit)
        # Each bar holds whole possible results: its edges are half-way between two of them.
        assert (edges / unit + 0.5) == pytest.approx(np.round(edges / unit + 0.5))
        if per_bar == 1:
            assert centres == pytest.approx(np.arange(len(centres)) * unit)  # 0%, 10%, 20% ... at n = 10
        assert len(centres) <= 41


def test_finite_population_correction_is_applied_and_said(app: SampelApp) -> None:
    app.size.value = 1000
    r = app.result
    half = (r.upper - r.lower) / 2
    assert half < r.plain_half_width * 0.85  # n = 1000 of 2366: about √(1366/2365) ≈ 0.76 as wide
    assert "koreksi populasi terbatas" in app.summary.value
    # The corrected interval is about as wide as the real spread of samples of this size.
    spread = (r.spread_high - r.spread_low) / 2
    assert half == pytest.approx(spread, rel=0.35)


def test_bigger_samples_swing_less(app: SampelApp) -> None:
    app.size.value = 20
    small = app.result.spread_high - app.result.spread_low
    app.size.value = 500
    big = app.result.spread_high - app.result.spread_low
    assert big < small / 2
    assert app.result.upper - app.result.lower < small


def test_target_switch_and_bad_size(app: SampelApp) -> None:
    app.target.value = "miskin"
    assert app.result.true_percent < 20
    assert "Garis kemiskinan" in app.about.value and "Rp644.107" in app.summary.value
    app.size.options = [*app.size.options, ("100.000", 100_000)]
    app.size.value = 100_000
    assert "Ukuran sampel harus antara" in app.status.message
    assert app.chart.outputs == () and app.result is None  # no stale chart of the old size


def test_sizes_offered_fit_the_place(app: SampelApp) -> None:
    """A place with fewer households than a size offers no such size (Malinau has some 800 families: no
    1.000); going back to a bigger place offers them again, and the chosen size follows."""
    households = len(cantik.data.load("keluarga", wilayah="malinau"))
    assert households < max(SIZES)
    app.size.value = 1000
    app.wilayah.value = "malinau"
    offered = [s for _label, s in app.size.options]
    assert offered == [s for s in SIZES if s < households] and app.size.value == 50
    assert app.status.message == "" and app.result is not None and app.result.n == 50
    app.size.value = max(offered)
    app.wilayah.value = "kandangan_utara"
    assert [s for _label, s in app.size.options] == SIZES and app.size.value == max(offered)
    assert app.status.message == "" and app.result.n == max(offered)
