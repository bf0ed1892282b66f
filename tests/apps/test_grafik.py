"""Grafik jujur vs menyesatkan: each switch changes the chart and the explanation."""

from __future__ import annotations

import pytest

import cantik.data
from cantik import indicators as ind
from cantik.apps.grafik import GARIS_KEMISKINAN, GrafikApp, poor_by_rt


@pytest.fixture
def app() -> GrafikApp:
    return GrafikApp()


def test_rates_per_rt_come_from_poverty_indices(app: GrafikApp) -> None:
    keluarga = cantik.data.load("keluarga")
    table = poor_by_rt("kandangan_utara")
    rt = int(table["rt"].iloc[0])
    expected = ind.poverty_indices(keluarga[keluarga["rt"] == rt], GARIS_KEMISKINAN, weights="jumlah_anggota")
    assert table["p0"].iloc[0] == pytest.approx(expected.p0)
    assert table["penduduk"].sum() == keluarga["jumlah_anggota"].sum()


def test_truncating_the_axis_is_explained(app: GrafikApp) -> None:
    assert "mulai dari 0" in app.summary.value
    chart = app.chart.outputs
    app.truncate.value = True
    assert app.axis_floor(app.shown["nilai"]) > 0
    assert "tidak dimulai dari 0" in app.summary.value
    assert "kali batang terpendek" in app.summary.value and "hilang dari grafik" in app.summary.value
    assert app.chart.outputs != chart


def test_counts_vs_rates_and_sorting(app: GrafikApp) -> None:
    assert "**jumlah**" not in app.summary.value and "<strong>jumlah</strong>" in app.summary.value
    app.measure.value = "persen"
    assert "<strong>persentase</strong> penduduk miskin" in app.summary.value
    assert list(app.shown["nilai"]) == list(poor_by_rt("kandangan_utara")["p0"])
    app.sort.value = True
    values = list(app.shown["nilai"])
    assert values == sorted(values, reverse=True)
    assert "diurutkan" in app.summary.value
    assert app.status.message == ""
