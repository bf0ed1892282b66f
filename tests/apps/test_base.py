"""Unit tests of the shared app building blocks: messages, layout, charts, the app shape (no browser)."""

from __future__ import annotations

import logging

import ipywidgets as widgets
import pytest

from cantik.apps import base, charts, layout, messages
from cantik.apps.messages import UserInputError


def test_safe_callback_shows_input_errors_and_clears_them() -> None:
    status = messages.Status()
    calls = []

    @messages.safe_callback(status)
    def cb(fail: bool) -> str:
        calls.append(fail)
        if fail:
            raise UserInputError("Umur harus antara 0 dan 60 bulan.")
        return "ok"

    assert cb(True) is None
    assert status.message == "Umur harus antara 0 dan 60 bulan."
    assert status.kind == "warning"
    assert 'role="alert"' in status.value
    assert cb(False) == "ok"
    assert status.message == "" and status.value == ""
    assert calls == [True, False]


def test_safe_callback_hides_unexpected_errors_from_the_visitor(caplog: pytest.LogCaptureFixture) -> None:
    status = messages.Status()

    @messages.safe_callback(status)
    def cb() -> None:
        raise ZeroDivisionError("division by zero")

    messages.log.propagate = True  # let caplog see the record
    try:
        with caplog.at_level(logging.ERROR, logger="cantik.apps"):
            cb()
    finally:
        messages.log.propagate = False
    assert status.kind == "error"
    assert status.message == messages.GENERIC_ERROR
    assert "ZeroDivisionError" not in status.value and "Traceback" not in status.value
    assert "ZeroDivisionError" in caplog.text  # the maintainers still get the traceback


def test_safe_callback_shows_data_loader_errors() -> None:
    from cantik.data import DataNotFoundError

    status = messages.Status()

    @messages.safe_callback(status)
    def cb() -> None:
        raise DataNotFoundError("Berkas data 'balita' belum ada.")

    cb()
    assert status.kind == "error" and "belum ada" in status.message


def test_labelled_gives_a_visible_label_and_phone_width() -> None:
    w = layout.labelled(widgets.IntSlider(), "Ukuran sampel")
    assert w.description == "Ukuran sampel"
    assert w.style.description_width == "initial"
    assert w.layout.width == "100%"


def test_wrap_row_wraps() -> None:
    row = layout.wrap_row(widgets.Label("a"), widgets.Label("b"))
    assert row.layout.flex_flow == "row wrap"


def test_summary_html_escapes_and_bolds() -> None:
    html = layout.summary_html("Hasil", ["a <b> **tebal**"], note="catatan")
    assert "&lt;b&gt;" in html and "<strong>tebal</strong>" in html and "catatan" in html
    assert 'aria-live="polite"' in html


def test_a_chart_is_an_img_with_alt_text_in_the_output() -> None:
    out = widgets.Output()
    fig = charts.new_figure()
    fig.subplots().plot([0, 1], [1, 2])
    alt = "Garis naik dari 1 ke 2"
    out.outputs = charts.chart_output(charts.figure_html(fig, alt), alt)
    (item,) = out.outputs
    assert item["data"]["text/html"].startswith('<img class="cantik-chart" src="data:image/svg+xml;base64,')
    assert 'alt="Garis naik dari 1 ke 2"' in item["data"]["text/html"]
    assert charts.output_alt(out) == "Garis naik dari 1 ke 2"


def test_header_carries_the_synthetic_notice() -> None:
    from cantik.data.schema import SYNTHETIC_NOTICE

    assert SYNTHETIC_NOTICE in layout.header("Judul", "Pengantar").value


def test_sliders_update_on_release() -> None:
    assert layout.labelled(widgets.IntSlider(), "Ukuran").continuous_update is False
    assert layout.labelled(widgets.FloatSlider(), "Nilai").continuous_update is False


def test_renderings_are_cached_per_control_state(monkeypatch: pytest.MonkeyPatch) -> None:
    from cantik.apps.grafik import GrafikApp

    app = GrafikApp()
    calls = []
    original = app.draw
    monkeypatch.setattr(app, "draw", lambda *a: calls.append(a) or original(*a))
    first = app.chart.outputs
    app.truncate.value = True
    truncated = app.chart.outputs
    app.truncate.value = False
    assert app.chart.outputs == first  # back to a state already drawn: no new drawing
    app.truncate.value = True
    assert app.chart.outputs == truncated
    assert len(calls) == 1
    assert "tidak dimulai dari 0" in app.summary.value  # the text still follows the state


def test_first_paint_html_is_the_current_chart_and_summary_without_live_classes() -> None:
    from cantik.apps.stunting import StuntingApp

    app = StuntingApp()
    static = app.first_paint_html()
    live_img = app.chart.outputs[0]["data"]["text/html"]
    src = live_img.split('src="', 1)[1].split('"', 1)[0]
    assert f'src="{src}"' in static  # the same chart
    assert 'class="cantik-chart-static"' in static and 'class="cantik-chart"' not in static
    assert f'alt="{live_img.split("alt=", 1)[1].split(chr(34), 2)[1]}"' in static
    assert 'class="cantik-summary-static"' in static and "aria-live" not in static
    assert "DATA SINTETIS" in static
    for item in app.summary.value.split("<li>")[1:]:
        assert item.split("</li>", 1)[0] in static  # every line of the text summary
    app.chart.outputs = ()
    assert app.first_paint_html() == ""


@pytest.mark.parametrize(("env", "static_outputs"), [
    ({"VOILA_PREHEAT": "True"}, 1), ({}, 0), ({"VOILA_PREHEAT": "True", "CANTIK_FIRST_PAINT": "0"}, 0)])
def test_static_first_paint_is_published_only_in_a_preheated_kernel(
        monkeypatch: pytest.MonkeyPatch, env: dict[str, str], static_outputs: int) -> None:
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    from cantik.apps.rata_median import RataMedianApp

    InteractiveShell.instance()
    for key in ("VOILA_PREHEAT", "CANTIK_FIRST_PAINT"):
        monkeypatch.delenv(key, raising=False)
    app = RataMedianApp()
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with capture_output() as captured:
        app._ipython_display_()
    marked = [o for o in captured.outputs if (o.metadata or {}).get(base.FIRST_PAINT_KEY)]
    assert len(marked) == static_outputs
    if marked:
        assert marked[0].data["text/html"] == app.first_paint_html()
    # The live app is always displayed (a widget view), after the static block.
    assert any("application/vnd.jupyter.widget-view+json" in o.data for o in captured.outputs)


def test_first_charts_drawn_once_in_the_zygote_are_not_drawn_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the apps' zygote has drawn before forking visitors' kernels (cantik.apps.warm), then a kernel."""
    from cantik.apps import warm
    from cantik.apps.rata_median import RataMedianApp
    from cantik.apps.registry import APPS

    monkeypatch.setattr(base, "SHARED_RENDERS", {})
    drawn, failed = warm.draw_first_charts()
    assert failed == [] and drawn == base.SHARED_RENDERS
    assert len({key[0] for key in drawn}) == len(APPS)  # every app's first chart
    assert all(isinstance(html, str) and isinstance(alt, str) for html, alt in drawn.values())  # plain text
    app = RataMedianApp()
    assert app.figure is None and app.chart.outputs  # shown, not drawn
    app.extra_count.value = 3
    assert app.figure is not None  # a state the zygote did not draw is drawn here
    shared = next(v for k, v in drawn.items() if k[0] == "RataMedianApp")
    other = RataMedianApp(wilayah="malinau")  # the key names the place: another place is drawn
    assert other.figure is not None and other.chart.outputs[0]["data"]["text/html"] != shared[0]
