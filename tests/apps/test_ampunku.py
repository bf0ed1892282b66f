"""Dasbor AMPUNKU: filters narrow the trips; an empty selection gets a message, not an error."""

from __future__ import annotations

import pytest

import cantik.data
from cantik.apps.ampunku import AmpunkuApp


@pytest.fixture
def app() -> AmpunkuApp:
    return AmpunkuApp()


def test_all_trips_by_month(app: AmpunkuApp) -> None:
    trips = cantik.data.load("ampunku")
    assert app.trips == len(trips)
    assert f"median <strong>{int(trips['waktu_tunggu_menit'].median())} menit" in app.summary.value
    assert "sebab-akibat" in app.summary.value


def test_filters_and_grouping(app: AmpunkuApp) -> None:
    trips = cantik.data.load("ampunku")
    app.tujuan.value = "RSUD"
    assert app.trips == int((trips["tujuan"] == "RSUD").sum())
    rt = app.rt.options[1][1]
    app.rt.value = rt
    assert app.trips == int(((trips["tujuan"] == "RSUD") & (trips["rt"] == rt)).sum())
    chart = app.chart.outputs
    app.group.value = "tujuan"
    assert list(app.counts(app.filtered).index) == ["RSUD"]
    assert app.chart.outputs != chart


def test_empty_selection_shows_a_message_and_keeps_the_filters(app: AmpunkuApp) -> None:
    trips = cantik.data.load("ampunku")
    combos = trips.groupby(["rt", "tujuan", "jenis_layanan"], observed=False).size()
    empty = combos[combos == 0]
    if empty.empty:
        pytest.skip("every combination has trips in this dataset")
    rt, tujuan, layanan = empty.index[0]
    app.rt.value, app.tujuan.value, app.layanan.value = int(rt), str(tujuan), str(layanan)
    assert "Tidak ada perjalanan" in app.status.message
    assert app.chart.outputs == () and app.trips == 0
    assert app.layanan.value == str(layanan)
    app.layanan.value = ""
    assert app.status.message == "" and app.trips > 0
