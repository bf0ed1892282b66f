"""Persen atau poin persen?: both changes come from cantik.indicators; bad figures get a message."""

from __future__ import annotations

import pytest

from cantik import indicators as ind
from cantik.apps import ui
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
    _label, before, after, *_ = EXAMPLES[2]
    assert (ui.parse_number(app.before.value, "a"), ui.parse_number(app.after.value, "b")) == (before, after)
    assert app.percent == 100.0
    assert app.example.value == 2


@pytest.mark.parametrize(("field", "text", "message"), [
    ("before", "0", "pembagi 0"),
    ("before", "abc", "harus berupa angka"),
    ("after", "", "belum diisi"),
    ("after", "101", "antara 0 dan 100"),
])
def test_bad_figures_show_a_message_and_keep_the_text(app: PersenPoinApp, field: str, text: str,
                                                      message: str) -> None:
    getattr(app, field).value = text
    assert message in app.status.message
    assert app.points is None and app.chart.outputs == ()
    assert getattr(app, field).value == text
    getattr(app, field).value = "4"
    assert app.status.message == "" and app.points is not None
