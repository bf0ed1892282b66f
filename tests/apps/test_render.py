"""Charts drawn on a reused figure match the state shown; preheated kernels render likely states ahead."""

from __future__ import annotations

import pytest

from cantik.apps import base
from cantik.apps.ampunku import AmpunkuApp
from cantik.apps.charts import output_alt
from cantik.apps.formatting import signed
from cantik.apps.grafik import GrafikApp
from cantik.apps.persen_poin import PersenPoinApp
from cantik.apps.profil import ProfilApp


def _tick_labels(ax, axis: str = "x") -> list[str]:  # type: ignore[no-untyped-def]
    return [t.get_text() for t in (ax.get_xticklabels() if axis == "x" else ax.get_yticklabels())]


def _set(app: base.AppBase, control: str, value: object) -> None:
    """Change a control and make sure the chart is drawn anew (not taken from the render cache)."""
    app._renders.clear()
    getattr(app, control).value = value


def test_the_figure_is_reused_and_holds_only_the_current_chart() -> None:
    app = GrafikApp()
    fig = app.figure
    axes = list(fig.axes)
    every = axes[2]
    bars = len(every.patches)
    _set(app, "measure", "persen")
    _set(app, "truncate", True)
    assert app.figure is fig and fig.axes == axes  # same figure, same Axes
    assert len(every.patches) == bars  # the old bars are gone, not piled up
    assert every.get_xlim()[0] == pytest.approx(app.axis_floor(app.shown["nilai"]))
    assert "bukan 0" in every.get_title(loc="left")
    _set(app, "truncate", False)
    assert every.get_xlim()[0] == 0 and every.get_title(loc="left") == "Semua RT"  # limits, title reset


def test_sorted_bars_are_drawn_in_the_sorted_order() -> None:
    # Categorical positions would keep the first order; the app draws at numeric positions.
    app = GrafikApp()
    ax = app.figure.axes[2]
    assert _tick_labels(ax, "y") == [f"RT {r}" for r in app.shown["rt"]]
    _set(app, "sort", True)
    shown = app.shown
    assert _tick_labels(ax, "y") == [f"RT {r}" for r in shown["rt"]]
    widths = [p.get_width() for p in ax.patches]
    assert widths == pytest.approx(list(shown["nilai"]))
    assert widths == sorted(widths, reverse=True)


def test_ampunku_groups_relabel_the_bars() -> None:
    app = AmpunkuApp()
    for group in ("rt", "tujuan", "bulan"):
        _set(app, "group", group)
        top = app.figure.axes[0]  # the figure's height follows the number of bars
        assert _tick_labels(top, "y") == app.bars.labels
        assert [p.get_width() for p in top.containers[0]] == pytest.approx(app.bars.values)


def test_persen_poin_bars_follow_the_figures() -> None:
    app = PersenPoinApp()
    ax, _base = app.figure.axes
    _set(app, "after", "3,5")
    assert [p.get_height() for p in ax.patches] == [4.54, 3.5]
    assert _tick_labels(ax) == ["awal", "akhir"]


def test_no_prefetch_outside_a_preheated_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(base.PREHEAT_ENV, raising=False)
    assert len(GrafikApp()._renders) == 1


def test_preheated_kernel_renders_every_toggle_state_and_shows_the_first(
        monkeypatch: pytest.MonkeyPatch) -> None:
    plain = GrafikApp()
    monkeypatch.setenv(base.PREHEAT_ENV, "True")
    app = GrafikApp()
    assert len(app._renders) == 8  # 2 measures x 2 axis choices x 2 orders
    # The visitor sees the initial state, exactly as without prefetching.
    assert (app.measure.value, app.truncate.value, app.sort.value) == ("jumlah", False, False)
    assert app.summary.value == plain.summary.value
    assert app.chart.outputs == plain.chart.outputs
    assert app.status.message == ""
    # A change to a prefetched state shows the same chart as rendering it then.
    app.sort.value = True
    plain.sort.value = True
    assert app.chart.outputs == plain.chart.outputs


def test_preheated_profil_keeps_its_place_and_scale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(base.PREHEAT_ENV, "True")
    app = ProfilApp("gambah_luar")
    assert (app.wilayah.value, app.scale.value) == ("gambah_luar", "jumlah")
    assert set(app._renders) == {("gambah_luar", "jumlah"), ("gambah_luar", "persen")}
    assert "Gambah Luar" in output_alt(app.chart)


CHANGES = {
    "profil": ("scale", ["persen", "jumlah"]),
    "rata_median": ("extra_count", [1, 2, 3, 0]),
    "persen_poin": ("after", ["3,5", "4,2", "2,9", "4,01"]),
    "grafik": ("truncate", [True, False]),
    "ampunku": ("group", ["rt", "tujuan", "bulan"]),
    "stunting": ("height", ["78", "80,5", "92", "84,0"]),
}


@pytest.mark.parametrize("slug", sorted([*CHANGES, "sampel"]))
def test_redraws_do_not_pile_up_artists(slug: str) -> None:
    import importlib

    from cantik.apps.registry import by_slug

    module, cls = by_slug(slug).entry.split(":")
    app = getattr(importlib.import_module(module), cls)()

    def children() -> list[tuple[int, int]]:
        """Per Axes: children other than bars, and bars not in the current bar containers.

        The number of bars itself may change (a histogram of a new sample has other bins).
        """
        from matplotlib.patches import Rectangle

        counts = []
        for ax in app.figure.axes:
            in_containers = {id(p) for c in ax.containers for p in getattr(c, "patches", [])}
            other = [a for a in ax.get_children() if not isinstance(a, Rectangle)]
            loose = [p for p in ax.patches if id(p) not in in_containers]
            counts.append((len(other), len(loose)))
        return counts

    first = children()
    for _round in range(3):
        if slug == "sampel":
            app._renders.clear()
            app.new_sample()
        else:
            name, values = CHANGES[slug]
            for value in values:
                _set(app, name, value)
        assert app.status.message == ""
        assert children() == first, "the old bars, lines or texts are still on the figure"


def test_stunting_moves_the_child_lines_and_redraws_when_the_range_changes() -> None:
    from cantik.apps.stunting import StuntingApp

    app = StuntingApp()
    top, bottom = app.figure.axes
    bars = list(bottom.patches)
    for height in ("80", "88,5"):
        _set(app, "height", height)
        z = app.result.z
        assert -4.5 < z < 4.5
        assert top.lines[0].get_xdata()[0] == pytest.approx(z)
        assert bottom.lines[0].get_xdata()[0] == pytest.approx(z)
        assert signed(z, 2) in top.get_title()
        assert list(bottom.patches) == bars  # the same histogram, not drawn again
    _set(app, "height", "70")  # far below: the x range widens to show the child
    z = app.result.z
    assert z < -4.5 and top.get_xlim()[0] == pytest.approx(z - 0.5)
    assert bottom.get_xlim()[0] == pytest.approx(z - 0.5)
    assert top.lines[0].get_xdata()[0] == pytest.approx(z)


# --------------------------------------------------------------------------------------------------
# Every chart at the ends of every control: no error, no stale output, readable text
# --------------------------------------------------------------------------------------------------

def _app(slug: str) -> base.AppBase:
    import importlib

    from cantik.apps.registry import by_slug

    module, cls = by_slug(slug).entry.split(":")
    return getattr(importlib.import_module(module), cls)()


def _extremes(control: object) -> list[object]:
    """The values worth trying on a control: both ends of a slider, every choice, odd text, far dates."""
    import datetime as dt

    import ipywidgets as widgets

    if isinstance(control, widgets.IntSlider | widgets.FloatSlider):
        return [control.min, control.max, control.min]
    if isinstance(control, widgets.Text):
        return ["0", "100", "0,001", "99,999", "1.000", "1,000", "", "abc", "-5", "45", "130"]
    if isinstance(control, widgets.DatePicker):
        today = dt.date.today()
        return [today, today - dt.timedelta(days=1), today - dt.timedelta(days=5 * 365 + 1),
                today - dt.timedelta(days=61 * 30), None]
    values = [value for _label, value in control.options]  # dropdowns and toggle buttons
    return values if len(values) <= 8 else [values[1], values[len(values) // 2], values[-1], values[0]]


def _assert_current(app: base.AppBase, where: str, failed: bool = False) -> None:
    """Either a chart drawn for the controls as they are now, or a message and nothing stale."""
    from cantik.apps.messages import GENERIC_ERROR

    assert (app.status.message == GENERIC_ERROR) == failed, f"{where}: {app.status.message!r}"
    if app.status.message:
        assert app.chart.outputs == () and app.rendered_for is None, f"{where}: stale chart under a message"
        assert "Belum ada hasil" in app.summary.value, f"{where}: stale summary under a message"
        assert app.about.value == "" and all(w.value == "" for w in app.result_widgets), where
    else:
        assert app.chart.outputs, f"{where}: no chart and no message"
        assert app.rendered_for == app.control_state(), f"{where}: the chart is for other controls"


@pytest.mark.parametrize("slug", ["ampunku", "grafik", "persen_poin", "profil", "rata_median", "sampel",
                                  "stunting"])
def test_every_chart_at_extreme_control_values(slug: str) -> None:
    from cantik.apps.charts import MIN_FONT_SIZE, text_sizes

    app = _app(slug)
    controls = {name: value for name, value in vars(app).items() if any(value is c for c in app._watched)}
    if slug == "persen_poin":
        controls = {"example": app.example, "before": app.before, "after": app.after}
    assert controls, "the app watches its controls"
    for name, control in controls.items():
        start = control.value
        for value in _extremes(control):
            control.value = value
            where = f"{slug}.{name} = {value!r}"
            _assert_current(app, where)
            if app.chart.outputs:
                small = [(t, s) for t, s in text_sizes(app.figure) if s < MIN_FONT_SIZE]
                assert small == [], f"{where}: chart text under {MIN_FONT_SIZE} pt: {small[:3]}"
        control.value = start
        _assert_current(app, f"{slug}.{name} back to {start!r}")
    if slug == "sampel":
        app.new_sample(30)  # many intervals: the tallest chart
        _assert_current(app, "sampel after 31 samples")


@pytest.mark.parametrize("slug", ["ampunku", "grafik", "persen_poin", "profil", "rata_median", "sampel",
                                  "stunting"])
def test_a_failing_update_clears_every_result_and_says_what_to_do(slug: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The class of the sampling crash: whatever fails inside an update (here the drawing), the old chart,
    summary and notes leave the screen and the visitor reads what to do; the next update works again."""
    from cantik.apps.messages import GENERIC_ERROR

    app = _app(slug)
    assert app.chart.outputs and app.status.message == ""

    def broken(*_args: object) -> None:
        raise ValueError("'xerr' must not contain negative values")

    monkeypatch.setattr(app, "draw", broken)
    app._renders.clear()
    control = app.after if slug == "persen_poin" else app._watched[-1]
    start = control.value
    if slug == "sampel":
        app.new_sample()
    else:
        control.value = next(v for v in _extremes(control) if v != start)
    assert app.status.message == GENERIC_ERROR and app.status.kind == "error"
    assert "ubah salah satu pilihan" in app.status.message  # says what to do
    _assert_current(app, f"{slug} after a failure", failed=True)
    monkeypatch.undo()
    if slug == "sampel":
        app.again.click()
    else:
        control.value = start
    _assert_current(app, f"{slug} after recovering")
    assert app.chart.outputs


@pytest.mark.parametrize("slug", ["ampunku", "grafik", "persen_poin", "profil", "rata_median", "sampel",
                                  "stunting"])
def test_every_app_opens_without_its_data_and_says_so(slug: str, monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A server whose datasets are missing still shows every app, with the loader's message in place of a
    chart (persen_poin and stunting need no dataset and work)."""
    from cantik.apps import tables

    (tmp_path / "datasets").mkdir()
    (tmp_path / "pyproject.toml").write_text("")
    monkeypatch.setenv("CANTIK_HOME", str(tmp_path))
    for cached in (tables.load_table, tables.residents_by_rt):
        cached.cache_clear()
    import cantik.apps.grafik
    import cantik.apps.stunting

    cantik.apps.grafik.poor_by_rt.cache_clear()
    cantik.apps.stunting.village_z.cache_clear()
    try:
        app = _app(slug)
        if slug in ("persen_poin", "stunting"):
            assert app.status.message == "" and app.chart.outputs
        else:
            assert app.status.kind == "error" and "cantik data" in app.status.message
            _assert_current(app, f"{slug} without data")
    finally:
        for cached in (tables.load_table, tables.residents_by_rt, cantik.apps.grafik.poor_by_rt,
                       cantik.apps.stunting.village_z):
            cached.cache_clear()
