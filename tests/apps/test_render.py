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
        assert ui.format_number(z, 2) in top.get_title()
        assert list(bottom.patches) == bars  # the same histogram, not drawn again
    _set(app, "height", "70")  # far below: the x range widens to show the child
    z = app.result.z
    assert z < -4.5 and top.get_xlim()[0] == pytest.approx(z - 0.5)
    assert bottom.get_xlim()[0] == pytest.approx(z - 0.5)
    assert top.lines[0].get_xdata()[0] == pytest.approx(z)
