"""Dasbor AMPUNKU: filters narrow the trips; every month is shown; RTs compared per 100 residents; few
trips are flagged; an empty selection gets a message and no stale chart."""

from __future__ import annotations

import pandas as pd
import pytest

import cantik.data
from cantik.apps.ampunku import FEW_TRIPS, MIN_FOR_PERCENTILE, AmpunkuApp, month_label


@pytest.fixture
def app() -> AmpunkuApp:
    return AmpunkuApp()


@pytest.fixture(scope="module")
def trips() -> pd.DataFrame:
    return cantik.data.load("ampunku")


def _all_months(trips: pd.DataFrame) -> list[str]:
    periods = pd.period_range(trips["tanggal"].min(), trips["tanggal"].max(), freq="M")
    return [month_label(p) for p in periods]


def _text(html: str) -> str:
    return html.replace("<strong>", "").replace("</strong>", "")


def test_all_trips_by_month(app: AmpunkuApp, trips: pd.DataFrame) -> None:
    assert app.trips == len(trips)
    assert f"median {int(trips['waktu_tunggu_menit'].median())} menit" in _text(app.summary.value)
    assert "sebab-akibat" in app.summary.value
    assert app.bars.labels == _all_months(trips)
    assert "Mei 2025" in app.bars.labels and "Mei 25" not in app.summary.value


def test_months_without_trips_are_shown_as_zero(app: AmpunkuApp, trips: pd.DataFrame) -> None:
    """Issue 21: a month with no trips vanished from the time axis."""
    months = trips["tanggal"].dt.to_period("M")
    gaps = [key for key, grp in trips.groupby(["rt", "jenis_layanan"], observed=True)
            if 0 < months[grp.index].nunique() < len(_all_months(trips))]
    if not gaps:
        pytest.skip("no filter leaves a month without trips in this dataset")
    rt, layanan = gaps[0]
    app.rt.value, app.layanan.value = int(rt), str(layanan)
    assert app.status.message == ""
    assert app.bars.labels == _all_months(trips)  # every month, in order
    assert 0 in app.bars.counts
    assert sum(app.bars.counts) == app.trips
    top, _bottom = app.figure.axes
    assert [t.get_text() for t in top.get_yticklabels()] == _all_months(trips)
    assert "Bulan tanpa perjalanan" in app.summary.value


def test_rts_are_compared_per_100_residents(app: AmpunkuApp, trips: pd.DataFrame) -> None:
    app.group.value = "rt"
    residents = cantik.data.load("penduduk").groupby("rt").size()
    counts = trips["rt"].value_counts()
    for label, value, n in zip(app.bars.labels, app.bars.values, app.bars.counts, strict=True):
        rt = int(label.removeprefix("RT "))
        assert n == counts.get(rt, 0)
        assert value == pytest.approx(n / residents[rt] * 100)
    text = _text(app.summary.value)
    assert "per 100 penduduk" in text
    most = counts.idxmax()
    assert f"Perjalanan terbanyak: RT {most}" in text  # "RT 17", never a bare "17"
    top, _bottom = app.figure.axes
    assert top.get_title(loc="left") == "Perjalanan per 100 penduduk, menurut RT"
    assert "Perjalanan per 100 penduduk" in app.about.value and "tabel penduduk" in app.about.value


def test_few_trips_are_flagged(app: AmpunkuApp, trips: pd.DataFrame) -> None:
    app.group.value = "rt"
    app.layanan.value = "Jemput"
    assert any(app.bars.few), "some RT has fewer than FEW_TRIPS pick-ups"
    assert all(f == (n < FEW_TRIPS) for f, n in zip(app.bars.few, app.bars.counts, strict=True))
    assert "mudah berayun" in app.summary.value
    top, _bottom = app.figure.axes
    assert any(t.get_text().endswith("*") for t in top.texts)


def test_nine_of_ten_only_from_enough_trips(app: AmpunkuApp, trips: pd.DataFrame) -> None:
    assert "9 dari 10 perjalanan" in app.summary.value and "warga" not in _text(app.summary.value).split(
        "Waktu tunggu")[1].split(".")[0]
    small = trips.groupby(["rt", "tujuan", "jenis_layanan"], observed=True).size()
    small = small[(small > 0) & (small < MIN_FOR_PERCENTILE)]
    rt, tujuan, layanan = small.index[0]
    app.rt.value, app.tujuan.value, app.layanan.value = int(rt), str(tujuan), str(layanan)
    assert "9 dari 10" not in app.summary.value
    assert f"dari {int(small.iloc[0])} perjalanan saja" in app.summary.value
    assert "Jangan menyimpulkan" in app.summary.value


def test_counts_have_whole_number_ticks(app: AmpunkuApp) -> None:
    app.rt.value = app.rt.options[1][1]
    app.layanan.value = "Jemput"  # a handful of trips: the axis would show 0,5 steps
    top, bottom = app.figure.axes
    for axis in (top.xaxis, bottom.yaxis, bottom.xaxis):
        ticks = [t for t in axis.get_majorticklocs()]
        assert all(float(t).is_integer() for t in ticks), ticks
        assert not any("." in t.get_text() or "," in t.get_text() for t in axis.get_ticklabels())


def test_filters_and_grouping(app: AmpunkuApp, trips: pd.DataFrame) -> None:
    app.tujuan.value = "RSUD"
    assert app.trips == int((trips["tujuan"] == "RSUD").sum())
    rt = app.rt.options[1][1]
    app.rt.value = rt
    assert app.trips == int(((trips["tujuan"] == "RSUD") & (trips["rt"] == rt)).sum())
    chart = app.chart.outputs
    app.group.value = "tujuan"
    assert app.bars.labels == ["RSUD"]
    assert app.chart.outputs != chart


def test_empty_selection_shows_a_message_and_keeps_the_filters(app: AmpunkuApp, trips: pd.DataFrame) -> None:
    combos = trips.groupby(["rt", "tujuan", "jenis_layanan"], observed=False).size()
    empty = combos[combos == 0]
    if empty.empty:
        pytest.skip("every combination has trips in this dataset")
    rt, tujuan, layanan = empty.index[0]
    app.rt.value, app.tujuan.value, app.layanan.value = int(rt), str(tujuan), str(layanan)
    assert "Tidak ada perjalanan" in app.status.message
    assert app.chart.outputs == () and app.trips == 0 and app.about.value == ""
    assert "Belum ada hasil" in app.summary.value
    assert app.layanan.value == str(layanan)
    app.layanan.value = ""
    assert app.status.message == "" and app.trips > 0
