"""Rata-rata atau median?: adding rich households moves the mean, barely the median."""

from __future__ import annotations

import numpy as np
import pytest

import cantik.data
from cantik.apps import tables
from cantik.apps.charts import RED, output_alt
from cantik.apps.rata_median import RataMedianApp, change_text


@pytest.fixture
def app() -> RataMedianApp:
    return RataMedianApp()


def test_starts_with_the_data_as_it_is(app: RataMedianApp) -> None:
    spending = cantik.data.load("keluarga")["pengeluaran_per_kapita"].to_numpy(dtype=float)
    assert app.status.message == ""
    assert app.stats.n == len(spending)
    assert app.stats.mean == pytest.approx(spending.mean())
    assert app.stats.median == pytest.approx(np.median(spending))
    assert "Median" in app.summary.value and output_alt(app.chart).startswith("Histogram")


def test_rich_households_pull_the_mean_not_the_median(app: RataMedianApp) -> None:
    chart = app.chart.outputs
    app.extra_value.value = 100
    app.extra_count.value = 10
    s = app.stats
    mean_shift = (s.mean - s.base_mean) / s.base_mean
    median_shift = (s.median - s.base_median) / s.base_median
    assert mean_shift > 0.2
    assert 0 <= median_shift < 0.01
    assert app.chart.outputs != chart
    assert "10 keluarga kaya" in app.summary.value
    assert "0,0%" not in app.summary.value  # never "median hanya naik 0,0 %" (issue 21)
    assert change_text("median", s.median, s.base_median) in app.summary.value
    assert change_text("median", 1_510_500, 1_510_450) == "median naik Rp50 (kurang dari 0,1%)"


def test_the_added_households_are_drawn(app: RataMedianApp) -> None:
    """Issue 21: the rich households the visitor adds were only in the text, never in the chart."""
    from matplotlib.colors import to_rgba

    for count in (0, 3, 20):
        app.extra_count.value = count
        _main, far = app.figure.axes
        (dots,) = far.collections
        red = [c for c in dots.get_facecolors() if tuple(c) == to_rgba(RED)]
        assert len(red) == count
        xs = dots.get_offsets()[:, 0]
        assert far.get_xlim()[0] <= xs.min() and xs.max() <= far.get_xlim()[1]  # inside the panel
    assert "titik merah" in output_alt(app.chart)


def test_switching_place_reloads_the_data(app: RataMedianApp) -> None:
    n_ku = app.stats.n
    app.wilayah.value = "gambah_luar"
    assert app.stats.n == len(cantik.data.load("keluarga", wilayah="gambah_luar")) != n_ku


def test_missing_dataset_shows_an_indonesian_message(app: RataMedianApp, monkeypatch, tmp_path) -> None:
    (tmp_path / "datasets").mkdir()
    (tmp_path / "pyproject.toml").write_text("")
    monkeypatch.setenv("CANTIK_HOME", str(tmp_path))
    tables.load_table.cache_clear()
    try:
        app.wilayah.value = "taluk_haur"
        assert app.status.kind == "error"
        assert "cantik data" in app.status.message
        assert app.wilayah.value == "taluk_haur"
    finally:
        tables.load_table.cache_clear()
