"""Sampel dan survei: samples vary, the interval comes from cantik.indicators, bigger samples swing less."""

from __future__ import annotations

import pytest

import cantik.data
from cantik import indicators as ind
from cantik.apps.sampel import SampelApp


@pytest.fixture
def app() -> SampelApp:
    return SampelApp()


def test_true_value_and_interval(app: SampelApp) -> None:
    keluarga = cantik.data.load("keluarga")
    r = app.result
    assert r.population == len(keluarga)
    assert r.true_percent == pytest.approx((keluarga["penerima_bansos"] == "Ya").mean() * 100)
    successes = round(r.estimate * r.n / 100)
    assert (r.estimate, r.lower, r.upper) == pytest.approx(tuple(ind.proportion_interval(successes, r.n)))
    assert "Margin of error" in app.summary.value


def test_new_sample_changes_the_estimate(app: SampelApp) -> None:
    seen = {app.result.estimate}
    for _ in range(5):
        app.again.click()
        seen.add(app.result.estimate)
    assert len(seen) > 1


def test_bigger_samples_swing_less(app: SampelApp) -> None:
    app.size.value = 20
    small = app.result.spread_high - app.result.spread_low
    app.size.value = 800
    big = app.result.spread_high - app.result.spread_low
    assert big < small / 2
    assert app.result.upper - app.result.lower < small


def test_target_switch_and_bad_size(app: SampelApp) -> None:
    app.target.value = "miskin"
    assert app.result.true_percent < 20
    app.size.max = 100_000
    app.size.value = 100_000
    assert "Ukuran sampel harus antara" in app.status.message
