"""The common shape of every app (:class:`AppBase`): controls, status line, chart, summary, notes, challenge.

Every app follows the same shape: a header with the notice on where its data come from, labelled controls
in a wrapping row, a status line for short Indonesian messages, a chart (a matplotlib figure shown as an
``<img>`` with alternative text inside an ``Output`` widget) beside a text summary, a block saying what
each figure is and where it comes from (:class:`~cantik.apps.layout.FigureNote`), and one "Coba ini"
challenge (:class:`~cantik.apps.challenge.Challenge`).

An update that fails, whatever the reason, takes the chart, the summary and every other result off the
screen and says what to do (:meth:`AppBase.clear_results`): a visitor never reads an old result under
controls that say something else.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Callable, Iterator
from typing import Any

import ipywidgets as widgets

from cantik.apps import place
from cantik.apps.challenge import Challenge
from cantik.apps.charts import chart_output, clear_axes, figure_html, new_figure
from cantik.apps.first_paint import FIRST_PAINT_KEY
from cantik.apps.layout import (
    BACK_LINK,
    FigureNote,
    about_html,
    back_link,
    chart_beside_summary,
    header,
    header_html,
    labelled,
    summary_html,
    wrap_row,
)
from cantik.apps.messages import Status, safe_callback
from cantik.data.schema import SYNTHETIC_NOTICE

CSS_CLASS = "cantik-app"

#: Renderings kept per visitor by :meth:`AppBase._show_cached`.
RENDER_CACHE_SIZE = 32

#: First charts rendered once in the apps' zygote (:mod:`cantik.apps.warm`), by (app class, place, control
#: state): every visitor's kernel is forked from it and finds its first chart here instead of drawing it.
SHARED_RENDERS: dict[tuple, tuple[str, str]] = {}
_sharing = False


@contextlib.contextmanager
def sharing_renders() -> Iterator[None]:
    """Within this block the charts apps draw also go to :data:`SHARED_RENDERS` (the zygote only)."""
    global _sharing
    _sharing = True
    try:
        yield
    finally:
        _sharing = False

#: Set to "True" by Voilà in the kernels it preheats (``voila.utils.ENV_VARIABLE.VOILA_PREHEAT``).
PREHEAT_ENV = "VOILA_PREHEAT"


#: Set to "0" in the server's environment to switch the static first paint off (benchmarks compare).
FIRST_PAINT_ENV = "CANTIK_FIRST_PAINT"

#: CSS class of an app's root once it shows the place the page asked for (the ``cantik`` template hides an
#: app asked for a place by its URL until then: a visitor never sees another place's numbers).
PLACE_READY = "cantik-place-ready"

#: The summary shown while there is no result (after a failed update).
NO_RESULT = "Belum ada hasil untuk pilihan ini. Baca pesan di atas grafik, lalu ubah pilihan Anda."


class AppBase:
    """Base class of an app: a status line, a chart ``Output``, a summary and a root widget.

    Subclasses build their controls in ``__init__``, call :meth:`_build` with the control widgets, connect
    controls with :meth:`_watch`, and implement :meth:`update`, which must be safe to call at any time.
    Widgets that show results besides the chart and the summary go in ``self.result_widgets`` (cleared on
    failure); :meth:`figure_notes` and :meth:`make_challenge` give the notes and the challenge.
    """

    title = ""
    intro = ""
    #: The table the app needs beyond the standard ones (places without it are not offered), and its name
    #: in the note to a visitor who asked for such a place.
    place_table: str | None = None
    place_table_name = ""
    #: True when the app shows single households or persons: real places are not offered (of a real
    #: place the apps show only aggregated figures).
    row_level = False

    def __init__(self) -> None:
        self.status = Status()
        self.chart = widgets.Output(layout=widgets.Layout(width="100%"))
        self.summary = widgets.HTML()
        self.about = widgets.HTML()
        self.result_widgets: list[widgets.HTML] = []
        self.challenge: Challenge | None = None
        self.figure: Any = None
        self._figure_layout: tuple | None = None
        self._axes: list[Any] = []
        self._renders: dict[tuple, tuple[str, str]] = {}
        self._watched: list[widgets.Widget] = []
        #: The control state the chart on screen was drawn for (None when no chart is shown).
        self.rendered_for: tuple | None = None
        self.update = safe_callback(self.status, self.clear_results)(self.update)  # type: ignore[method-assign]
        self.root: widgets.VBox | None = None
        self.header: widgets.HTML | None = None
        #: The place selector (see :meth:`place_selector`), the hidden box the page's script writes its
        #: query string into, and the line saying why the place asked for is not shown.
        self.wilayah: Any = None
        self.query: widgets.Text | None = None
        self.place_note = Status()
        self._quiet = False  # True while the controls follow a new place (one update after, not many)

    # -- the place -----------------------------------------------------------------------------------
    def place_selector(self, wilayah: str | None = None) -> widgets.Dropdown:
        """The "Wilayah" ``Dropdown`` (``self.wilayah``), starting at ``wilayah``, else at the page's place.

        The page's place is its URL's ``?wilayah=KEY`` (:func:`cantik.apps.place.requested`: an unknown
        value gives the default place and a note). A kernel Voilà started for the visitor knows the URL at
        once; a preheated one learns it from the page's script through ``self.query`` (see
        :mod:`cantik.apps.place`). Call it before :meth:`_watch`: the header follows the place first.
        """
        note = ""
        if wilayah is None:
            wilayah, note = self._requested(place.query_from_env())
        self.wilayah = labelled(
            widgets.Dropdown(options=place.options(self.place_table, not self.row_level), value=wilayah),
            "Wilayah")
        self.wilayah.add_class("cantik-wilayah")
        self.wilayah.observe(lambda _change: self._place_changed(), names="value")
        self.query = widgets.Text(value="", layout=widgets.Layout(display="none"))
        self.query.add_class("cantik-query")
        self.query.observe(lambda change: self.follow_query(change["new"]), names="value")
        self._show_place_note(note)
        return self.wilayah

    def _requested(self, query: str | None) -> tuple[str, str]:
        return place.requested(query, self.place_table, not self.row_level, self.place_table_name)

    def _show_place_note(self, note: str) -> None:
        if note:
            self.place_note.show(note, "warning")
        else:
            self.place_note.clear()

    def follow_query(self, query: str) -> None:
        """Show the place the page's query string (``"?wilayah=malinau"``) asks for (see
        :meth:`place_selector`), with a note when it cannot be shown; the app is then marked ready."""
        key, note = self._requested(query)
        self._show_place_note(note)
        if self.wilayah is not None and key != self.wilayah.value:
            self.wilayah.value = key
        if self.root is not None:
            self.root.add_class(PLACE_READY)

    @property
    def place_key(self) -> str:
        """The key of the place shown ("" for an app without places)."""
        return self.wilayah.value if self.wilayah is not None else ""

    @property
    def profile(self) -> Any:
        """The profile of the place shown (:class:`cantik.data.profile.Wilayah`)."""
        return place.profile(self.place_key or place.default_place([]))

    @property
    def place_label(self) -> str:
        """"Desa Malinau", "Kelurahan Kandangan Utara"."""
        return self.profile.label

    @property
    def unit(self) -> str:
        """The place's unit: "RT" or "dusun"."""
        return self.profile.unit

    @property
    def unit_title(self) -> str:
        """The unit at the start of a sentence or in a unit's name: "RT", "Dusun"."""
        return self.unit[:1].upper() + self.unit[1:]

    def unit_name(self, number: Any) -> str:
        """A unit's name: "RT 3", "Dusun 3"."""
        return f"{self.unit_title} {int(number)}"

    @property
    def data_kind(self) -> str:
        """"data sintetis", or for a real place "data nyata, <source>" (said beside figures)."""
        found = self.profile
        return "data sintetis" if found.synthetic else f"data nyata, {found.source}"

    @property
    def notice(self) -> str:
        """Where the data come from, in the header: the synthetic notice, or a real place's source and
        date (an app without places may set its own)."""
        return self.profile.notice if self.wilayah is not None else SYNTHETIC_NOTICE

    def _place_changed(self) -> None:
        self._renders.clear()  # renderings of the other place must never be shown for this one
        if self.header is not None:
            self.header.value = header_html(self.title, self.intro, self.notice)
        self._quiet = True
        try:
            self.place_changed()
        finally:
            self._quiet = False
        self._renew_challenge()

    def _renew_challenge(self) -> None:
        """A new "Coba ini" box for the new place (its question may quote the place's figures)."""
        if self.root is None or self.challenge is None:
            return
        children = list(self.root.children)
        at = children.index(self.challenge.root)
        self.challenge = self.make_challenge()
        if self.challenge is None:
            del children[at]
        else:
            children[at] = self.challenge.root
        self.root.children = tuple(children)

    def place_changed(self) -> None:
        """Called when the place changes, before :meth:`update` (e.g. to offer the new place's RTs)."""

    def _build(self, *controls: widgets.Widget, extra: list[widgets.Widget] | None = None) -> widgets.VBox:
        self.challenge = self.make_challenge()
        self.header = header(self.title, self.intro, self.notice)
        self.root = widgets.VBox(
            [
                back_link(),
                self.header,
                wrap_row(*controls),
                self.place_note,
                *([self.query] if self.query is not None else []),
                self.status,
                chart_beside_summary(self.chart, self.summary),
                self.about,
                *([self.challenge.root] if self.challenge else []),
                *(extra or []),
            ],
            layout=widgets.Layout(width="100%", max_width="1200px"),
        )
        self.root.add_class(CSS_CLASS)
        if self.query is None or place.query_from_env() is not None or PREHEAT_ENV not in os.environ:
            # it shows the page's place already (a kernel started for its visitor, or not under Voilà); a
            # pool kernel (preheated, or plain during a crowd) waits for the page's query string
            self.root.add_class(PLACE_READY)
        return self.root

    def _watch(self, *controls: widgets.Widget) -> None:
        self._watched.extend(controls)
        for control in controls:
            control.observe(lambda _change: None if self._quiet else self.update(), names="value")

    def update(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def make_challenge(self) -> Challenge | None:
        """The app's "Coba ini" challenge (None: no challenge)."""
        return None

    def figure_notes(self) -> list[FigureNote]:
        """What each figure shown is, SIRUSA style (see :func:`~cantik.apps.layout.about_html`)."""
        return []

    def show_notes(self) -> None:
        """Refresh the block of figure notes (call at the end of a successful update)."""
        notes = self.figure_notes()
        self.about.value = about_html(notes) if notes else ""

    def control_state(self) -> tuple:
        """The values of the watched controls: what the chart on screen must have been drawn for."""
        return tuple(c.value for c in self._watched)

    def clear_results(self) -> None:
        """Take every result off the screen (after a failed update): no chart, no old figures."""
        self.chart.outputs = ()
        self.rendered_for = None
        self.summary.value = summary_html("Hasil", [NO_RESULT])
        self.about.value = ""
        for widget in self.result_widgets:
            widget.value = ""

    def axes(self, width: float | None = None, height: float = 4.0, rows: int = 1, cols: int = 1,
             height_ratios: tuple[float, ...] | None = None,
             width_ratios: tuple[float, ...] | None = None,
             mosaic: list[list[str]] | None = None, **margins: float) -> list[Any]:
        """The ``Axes`` to draw on, emptied: the app's figure is made once and reused on every update.

        A grid of ``rows`` × ``cols`` (listed row by row), or a ``mosaic`` (``Figure.subplot_mosaic``:
        one name per cell, a name repeated to span cells; listed in order of first appearance). A new
        figure is made only when the layout (size, grid, margins) changes. See
        :func:`~cantik.apps.charts.clear_axes` for what is reset between draws.
        """
        from cantik.apps.charts import CHART_WIDTH

        width = CHART_WIDTH if width is None else width
        grid = tuple(map(tuple, mosaic)) if mosaic else (rows, cols)
        layout = (width, height, grid, height_ratios, width_ratios, tuple(sorted(margins.items())))
        if layout != self._figure_layout or self.figure is None:
            fig = new_figure(width, height, **margins)
            ratios = {"height_ratios": list(height_ratios) if height_ratios else None,
                      "width_ratios": list(width_ratios) if width_ratios else None}
            if mosaic:
                named = fig.subplot_mosaic(mosaic, **ratios)
                order = list(dict.fromkeys(name for row in mosaic for name in row))
                axes = [named[name] for name in order]
            else:
                axes = list(fig.subplots(rows, cols, squeeze=False, **ratios).flat)
            self.figure, self._axes, self._figure_layout = fig, axes, layout
        else:
            for ax in self._axes:
                clear_axes(ax)
        return self._axes

    def _show_cached(self, key: tuple, build: Callable[[], tuple[Any, str]]) -> None:
        """Show the chart for the control state ``key``; ``build()`` returns ``(figure, alt)`` on a miss.

        Rendering a figure costs most of an update; visitors often go back to a state they saw (a toggle
        on and off), so the last :data:`RENDER_CACHE_SIZE` renderings are kept per visitor. A state the
        apps' zygote rendered before this kernel was forked (:data:`SHARED_RENDERS`, filled inside
        :func:`sharing_renders`) is not drawn again; the key must therefore name everything the chart
        shows besides the app and its place.
        """
        hit = self._renders.pop(key, None)
        shared = (type(self).__qualname__, self.place_key, key)
        if hit is None:
            hit = SHARED_RENDERS.get(shared)
        if hit is None:
            fig, alt = build()
            self.figure = fig
            hit = (figure_html(fig, alt), alt)
            if _sharing:
                SHARED_RENDERS[shared] = hit
        self._renders[key] = hit  # most recent last
        while len(self._renders) > RENDER_CACHE_SIZE:
            self._renders.pop(next(iter(self._renders)))
        self.chart.outputs = chart_output(*hit)
        self.rendered_for = self.control_state()

    def prefetch(self, choices: dict[str, list[Any]]) -> int:
        """Render the charts of the likely next states ahead, in a preheated kernel only.

        ``choices`` maps a control attribute name to the values to try; every combination is rendered
        once (into the per-visitor render cache) and the controls are set back to where they were, so the
        visitor sees the initial state, and a change to one of these states costs no rendering. Done
        only while Voilà preheats the kernel (before any visitor is connected; see :data:`PREHEAT_ENV`);
        elsewhere (a kernel started for a waiting visitor, tests) nothing happens. Returns the number of
        states visited.
        """
        if os.environ.get(PREHEAT_ENV) != "True":
            return 0
        names = list(choices)
        controls = [getattr(self, name) for name in names]
        start = [c.value for c in controls]
        count = 0
        try:
            for combo in itertools.product(*(choices[n] for n in names)):
                for control, value in zip(controls, combo, strict=True):
                    control.value = value
                count += 1
        finally:
            for control, value in zip(controls, start, strict=True):
                control.value = value
            self.update()
        return count

    def first_paint_html(self) -> str:
        """The app's current chart and text summary as static HTML, for the page's first paint.

        The same chart (``<img class="cantik-chart-static">`` with the same alternative text), the same
        summary and the notice on the data, without controls. Voilà's page renders widgets only once
        its JavaScript has loaded (~0.5 s); our template writes this block into the page HTML instead, and
        removes it as soon as the live chart is on the page (no duplicate for screen readers). Empty when
        there is no chart yet.
        """
        if not self.chart.outputs:
            return ""
        img = self.chart.outputs[0]["data"].get("text/html", "")
        img = img.replace('class="cantik-chart"', 'class="cantik-chart-static"', 1)
        summary = self.summary.value.replace(
            'class="cantik-summary" aria-live="polite"', 'class="cantik-summary-static"', 1)
        return (
            f'<div data-wilayah="{self.place_key}">'
            f"{BACK_LINK}{header_html(self.title, self.intro, self.notice)}"
            '<p class="cantik-first-paint-note">Grafik awal. Pilihan untuk mengubahnya sedang dimuat…</p>'
            '<div class="cantik-row" style="display:flex;flex-flow:row wrap;align-items:flex-start;">'
            f'<div style="flex:3 1 300px;min-width:0;max-width:100%;">{img}</div>'
            f'<div style="flex:2 1 240px;min-width:0;max-width:100%;">{summary}</div></div></div>'
        )

    def _ipython_display_(self) -> None:
        from IPython.display import display, publish_display_data

        if os.environ.get(PREHEAT_ENV) == "True" and os.environ.get(FIRST_PAINT_ENV, "1") != "0":
            # A preheated page is rendered before its visitor arrives: our template writes this output
            # into the page HTML (see FIRST_PAINT_KEY), so the chart is seen before the widgets load.
            static = self.first_paint_html()
            if static:
                # the metadata names the place: the server caches the first paint per app and place
                publish_display_data({"text/html": static, "text/plain": ""},
                                     metadata={FIRST_PAINT_KEY: self.place_key or True})
        display(self.root)

