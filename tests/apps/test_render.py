"""Charts drawn on a reused figure match the state shown; preheated kernels render likely states ahead."""

from __future__ import annotations

import pytest

from cantik.apps import ui
from cantik.apps.ampunku import AmpunkuApp
from cantik.apps.grafik import GrafikApp
from cantik.apps.persen_poin import PersenPoinApp
from cantik.apps.profil import ProfilApp


def _tick_labels(ax) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.get_text() for t in ax.get_xticklabels()]


def _set(app: ui.AppBase, control: str, value: object) -> None:
    """Change a control and make sure the chart is drawn anew (not taken from the render cache)."""
    app._renders.clear()
    getattr(app, control).value = value


def test_the_figure_is_reused_and_holds_only_the_current_chart() -> None:
    app = GrafikApp()
    fig = app.figure
    (ax,) = fig.axes
    bars = len(ax.patches)
    _set(app, "measure", "persen")
    _set(app, "truncate", True)
    assert app.figure is fig and fig.axes == [ax]  # same figure, same Axes
    assert len(ax.patches) == bars  # the old bars are gone, not piled up
    assert ax.get_ylim()[0] == pytest.approx(app.axis_floor(app.shown["nilai"]))
    _set(app, "truncate", False)
    assert ax.get_ylim()[0] == 0 and ax.get_title() == ""  # limits and title reset


def test_sorted_bars_are_drawn_in_the_sorted_order() -> None:
    # Categorical positions would keep the first order; the app draws at numeric positions.
    app = GrafikApp()
    (ax,) = app.figure.axes
    assert _tick_labels(ax) == [str(r) for r in app.shown["rt"]]
    _set(app, "sort", True)
    shown = app.shown
    assert _tick_labels(ax) == [str(r) for r in shown["rt"]]
    heights = [p.get_height() for p in ax.patches]
    assert heights == pytest.approx(list(shown["nilai"]))
    assert heights == sorted(heights, reverse=True)


def test_ampunku_groups_relabel_the_bars() -> None:
    app = AmpunkuApp()
    top, _bottom = app.figure.axes
    for group in ("rt", "tujuan", "bulan"):
        _set(app, "group", group)
        counts = app.counts(app.filtered)
        assert _tick_labels(top) == [str(i) for i in counts.index]
        assert [p.get_height() for p in top.containers[0]] == list(counts.to_numpy())


def test_persen_poin_bars_follow_the_figures() -> None:
    app = PersenPoinApp()
    (ax,) = app.figure.axes
    _set(app, "after", "3,5")
    assert [p.get_height() for p in ax.patches] == [4.54, 3.5]
    assert _tick_labels(ax) == ["awal", "akhir"]


def test_no_prefetch_outside_a_preheated_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ui.PREHEAT_ENV, raising=False)
    assert len(GrafikApp()._renders) == 1


def test_preheated_kernel_renders_every_toggle_state_and_shows_the_first(
        monkeypatch: pytest.MonkeyPatch) -> None:
    plain = GrafikApp()
    monkeypatch.setenv(ui.PREHEAT_ENV, "True")
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
    monkeypatch.setenv(ui.PREHEAT_ENV, "True")
    app = ProfilApp("gambah_luar")
    assert (app.wilayah.value, app.scale.value) == ("gambah_luar", "jumlah")
    assert set(app._renders) == {("gambah_luar", "jumlah"), ("gambah_luar", "persen")}
    assert "Gambah Luar" in ui.output_alt(app.chart)
