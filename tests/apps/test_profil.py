"""Profil kelurahan: pyramid, indicators and RT table follow the chosen place; values from indicators."""

from __future__ import annotations

import pytest

import cantik.data
from cantik import indicators as ind
from cantik.apps.charts import output_alt
from cantik.apps.formatting import format_number
from cantik.apps.profil import ProfilApp


@pytest.fixture
def app() -> ProfilApp:
    return ProfilApp()


def test_figures_come_from_the_indicators(app: ProfilApp) -> None:
    penduduk = cantik.data.load("penduduk")
    assert app.status.message == ""
    assert app.figures["jumlah_penduduk"] == len(penduduk)
    assert app.figures["rasio_jenis_kelamin"] == pytest.approx(ind.sex_ratio(penduduk))
    assert app.figures["rasio_ketergantungan"] == pytest.approx(ind.dependency_ratio(penduduk["umur"]))
    assert app.figures["median_umur"] == ind.median_age(penduduk["umur"])
    assert int(app.pyramid.to_numpy().sum()) == len(penduduk)
    assert format_number(ind.sex_ratio(penduduk), 1) in app.indicators.value
    assert "Perbandingan banyaknya penduduk laki-laki" in app.indicators.value  # definition shown


def test_rt_table_lists_every_rt(app: ProfilApp) -> None:
    rts = sorted(cantik.data.load("penduduk")["rt"].unique())
    assert app.rt_table.value.count("<tr>") == len(rts) + 1
    assert "<caption>" in app.rt_table.value and "data sintetis" in app.rt_table.value
    assert "cantik-scroll-cue" in app.rt_table.value  # shown by the page when the table scrolls


def test_switching_place_and_scale(app: ProfilApp) -> None:
    chart = app.chart.outputs
    app.wilayah.value = "gambah_luar"
    assert app.figures["jumlah_penduduk"] == len(cantik.data.load("penduduk", wilayah="gambah_luar"))
    assert "Desa Gambah Luar" in output_alt(app.chart)
    assert app.chart.outputs != chart
    counts_chart = app.chart.outputs
    app.scale.value = "persen"
    assert app.chart.outputs != counts_chart
    assert app.status.message == ""


def test_notes_follow_the_data(app: ProfilApp) -> None:
    by_age = app.pyramid.sum(axis=1)
    text = app.summary.value.replace("<strong>", "").replace("</strong>", "")
    shape = "menyempit" if by_age.iloc[0] < by_age.iloc[2] * 0.95 else "melebar" if (
        by_age.iloc[0] > by_age.iloc[2] * 1.05) else "hampir tegak"
    assert f"Alas piramida {shape}" in text
    assert format_number(int(by_age.iloc[0])) in text
    assert "75+" in text and "terbuka" in text  # the open top group is explained


def test_failure_clears_every_result(app: ProfilApp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app, "_compute", lambda: 1 / 0)
    app.wilayah.value = "taluk_haur"
    assert app.status.kind == "error"
    assert app.chart.outputs == () and app.indicators.value == "" and app.rt_table.value == ""
