"""Grafik jujur vs menyesatkan: each switch changes the chart and the explanation."""

from __future__ import annotations

import re

import pytest

import cantik.data
from cantik import indicators as ind
from cantik.apps.grafik import MAX_LOOKS, GrafikApp, looks_text, poor_by_rt
from cantik.data.calibration import GARIS_KEMISKINAN


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


def _text(html: str) -> str:
    return html.replace("<strong>", "").replace("</strong>", "")


def test_truncating_the_axis_is_explained(app: GrafikApp) -> None:
    assert "mulai dari 0" in app.summary.value
    chart = app.chart.outputs
    app.truncate.value = True
    assert app.axis_floor(app.shown["nilai"]) > 0
    text = _text(app.summary.value)
    assert "tidak dimulai dari 0" in text and "tak terlihat batangnya" in text
    assert app.chart.outputs != chart


def test_two_named_rts_honest_and_misleading_side_by_side(app: GrafikApp) -> None:
    table = poor_by_rt("kandangan_utara")
    a, b = app.rt_a.value, app.rt_b.value
    assert a != b
    bad, good, _every = app.figure.axes
    names = [f"RT {a}", f"RT {b}"]
    assert [t.get_text() for t in bad.get_xticklabels()] == names == [t.get_text() for t in
                                                                     good.get_xticklabels()]
    row = {int(r["rt"]): r for _, r in table.iterrows()}
    # Misleading: counts on an axis that starts just below the smaller bar.
    assert bad.get_ylim()[0] == pytest.approx(min(row[a]["miskin"], row[b]["miskin"]) * 0.9)
    assert [p.get_height() + p.get_y() for p in bad.patches] == pytest.approx(
        [row[a]["miskin"], row[b]["miskin"]])
    # Honest: percentages from 0.
    assert good.get_ylim()[0] == 0
    assert [p.get_height() for p in good.patches] == pytest.approx([row[a]["p0"], row[b]["p0"]])
    # The default pair tells opposite stories: more poor people, but a lower percentage.
    assert (row[a]["miskin"] - row[b]["miskin"]) * (row[a]["p0"] - row[b]["p0"]) < 0
    text = _text(app.summary.value)
    assert f"batang RT {a} tampak" in text and "Grafik kanan jujur" in text
    # The visitor can name other RTs; the same RT twice gets a message, not a chart.
    app.rt_b.value = a
    assert "dua RT yang berbeda" in app.status.message and app.chart.outputs == ()
    app.rt_b.value = b
    assert app.status.message == ""


def test_looks_ratio_is_never_absurd() -> None:
    """Issue 21: "Tampak 688,2 kali" came from a bar stub a hair above the cut."""
    assert looks_text(1.94) == "1,9 kali"
    assert looks_text(688.2) == f"lebih dari {MAX_LOOKS} kali"
    app = GrafikApp()
    table = poor_by_rt("kandangan_utara")
    for _, a in table.iterrows():  # every pair of RTs: the sentence the summary would show
        for _, b in table.iterrows():
            if a["rt"] == b["rt"]:
                continue
            for number in re.findall(r"tampak ([\d.,]+) kali", app._pair_line(a, b)):
                assert float(number.replace(".", "").replace(",", ".")) <= MAX_LOOKS


def test_rts_with_zero_read_zero(app: GrafikApp) -> None:
    table = poor_by_rt("kandangan_utara")
    zero = table.loc[table["miskin"] == 0, "rt"].tolist()
    if not zero:
        pytest.skip("every RT has poor households in this dataset")
    _bad, _good, every = app.figure.axes
    labels = [t.get_text() for t in every.texts]
    assert labels.count("0") == len(zero)  # a bar of 0 carries its value: not missing data
    assert "bukan data yang hilang" in app.summary.value


def test_counts_vs_rates_and_sorting(app: GrafikApp) -> None:
    assert "**jumlah**" not in app.summary.value and "<strong>jumlah</strong>" in app.summary.value
    app.measure.value = "persen"
    assert "<strong>persen</strong> penduduk miskin" in app.summary.value
    assert list(app.shown["nilai"]) == list(poor_by_rt("kandangan_utara")["p0"])
    app.sort.value = True
    values = list(app.shown["nilai"])
    assert values == sorted(values, reverse=True)
    assert "diurutkan" in app.summary.value
    assert app.status.message == ""
    _bad, _good, every = app.figure.axes
    labels = [t.get_text() for t in every.get_yticklabels()]
    assert labels == [f"RT {r}" for r in app.shown["rt"]]  # horizontal bars, top to bottom
