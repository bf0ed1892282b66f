"""Persen atau poin persen?: both changes come from cantik.indicators; bad figures get a message."""

from __future__ import annotations

import pytest

from cantik import indicators as ind
from cantik.apps.inputs import parse_number
from cantik.apps.persen_poin import CUSTOM, EXAMPLES, PersenPoinApp


@pytest.fixture
def app() -> PersenPoinApp:
    return PersenPoinApp()


def test_poverty_example(app: PersenPoinApp) -> None:
    assert app.points == ind.percentage_point_change(4.54, 4.01) == -0.53
    assert app.percent == pytest.approx(ind.percent_change(4.54, 4.01))
    assert "0,53 poin persen" in app.summary.value
    assert "11,7" in app.summary.value
    assert "turun 0,53 persen" in app.summary.value  # named as the wrong sentence
    assert "Kalimat yang keliru" in app.summary.value


def test_typing_a_figure_switches_to_own_figures(app: PersenPoinApp) -> None:
    chart = app.chart.outputs
    app.after.value = "5,04"
    assert app.example.value == CUSTOM
    assert app.points == ind.percentage_point_change(4.54, 5.04)
    assert app.percent == pytest.approx(ind.percent_change(4.54, 5.04))
    assert "naik 0,50 poin persen" in app.summary.value
    assert app.chart.outputs != chart


def test_choosing_an_example_fills_the_figures(app: PersenPoinApp) -> None:
    app.example.value = 2
    before, after = EXAMPLES[2].before, EXAMPLES[2].after
    assert (parse_number(app.before.value, "a"), parse_number(app.after.value, "b")) == (before, after)
    assert app.percent == 100.0
    assert app.example.value == 2


@pytest.mark.parametrize(("field", "text", "message"), [
    ("before", "0", "pembagi 0"),
    ("before", "abc", "harus berupa angka"),
    ("after", "", "belum diisi"),
    ("after", "101", "antara 0 dan 100"),
    ("after", "1.000", "antara 0 dan 100"),  # a thousand, not 1 (issue 21)
    ("after", "1,000", "bisa dibaca dua cara"),
])
def test_bad_figures_show_a_message_and_keep_the_text(app: PersenPoinApp, field: str, text: str,
                                                      message: str) -> None:
    getattr(app, field).value = text
    assert message in app.status.message
    assert app.points is None and app.chart.outputs == ()
    assert "Belum ada hasil" in app.summary.value  # no stale figures under the new text
    assert getattr(app, field).value == text
    getattr(app, field).value = "4"
    assert app.status.message == "" and app.points is not None


def test_thousands_dot_is_a_thousand_not_one(app: PersenPoinApp) -> None:
    app.before.value = "1.000"
    assert "antara 0 dan 100" in app.status.message  # read as 1000: out of range
    app.before.value = "1,5"
    assert app.status.message == "" and app.points == pytest.approx(4.01 - 1.5)


def test_tiny_base_is_warned(app: PersenPoinApp) -> None:
    """Issue 21: a base typed as 0,001 was shown as "0,00 %" and gave "+9.899.900 %" without a word."""
    app.before.value = "0,001"
    app.after.value = "99"
    assert app.status.message == ""
    text = app.summary.value
    assert "0,001%" in text  # the base as typed, not rounded away
    assert "Awas, angka awalnya sangat kecil" in text
    (_bars, base) = app.figure.axes
    assert max(p.get_width() for p in base.patches) <= 400  # the bar is capped; the text gives the figure
    assert any(t.get_text().endswith("+") for t in base.texts)


def test_the_gap_is_drawn_against_its_base(app: PersenPoinApp) -> None:
    bars, base = app.figure.axes
    assert [p.get_height() for p in bars.patches] == [4.54, 4.01]
    assert bars.get_ylim()[1] <= 100
    widths = sorted(p.get_width() for p in base.patches)
    assert widths == pytest.approx(sorted([100, abs(ind.percent_change(4.54, 4.01))]))
    assert "11,7% dari angka awal" in base.get_title(loc="left")
    app.before.value, app.after.value = "90", "99"
    bars, _base = app.figure.axes
    assert bars.get_ylim()[1] == 100  # never 120%


def test_figures_say_where_they_come_from(app: PersenPoinApp) -> None:
    from cantik.data.schema import SYNTHETIC_NOTICE

    header = app.root.children[1].value
    assert SYNTHETIC_NOTICE not in header and "tidak memakai data sintetis" in header
    assert "sumber sekunder" not in app.summary.value + app.about.value
    assert "bukan data sintetis" in app.about.value and "berita daerah" in app.about.value
    assert "2022 dan 2023" in app.about.value
    app.after.value = "3"
    assert app.about.value == ""  # the visitor's own figures have no source to name
