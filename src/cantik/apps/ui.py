"""Building blocks shared by the public apps: safe callbacks, phone-friendly layouts, figures.

Every app follows the same shape (see :class:`AppBase`): a header with the synthetic-data notice, labelled
controls in a wrapping row, a status line for short Indonesian messages, and a chart (a matplotlib figure
shown as an ``<img>`` with alternative text inside an ``Output`` widget) beside a text summary.

Callbacks are wrapped by :func:`safe_callback`: a :class:`UserInputError` shows its own Indonesian
message; any other exception shows a short generic message and its traceback goes to the server log
(never to the visitor).
"""

from __future__ import annotations

import functools
import html
import itertools
import logging
import math
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import ipywidgets as widgets

from cantik.data.loader import DataFormatError, DataNotFoundError
from cantik.data.schema import SYNTHETIC_NOTICE
from cantik.helpers import figure_img, format_number  # noqa: F401  (format_number: used as ui.format_number)

F = TypeVar("F", bound=Callable[..., Any])

log = logging.getLogger("cantik.apps")
if not log.handlers:
    # In a Voilà kernel, sys.__stderr__ is the kernel process's stderr: the server log, not the page.
    _handler = logging.StreamHandler(sys.__stderr__)
    _handler.setFormatter(logging.Formatter("[cantik.apps] %(levelname)s %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO)
    log.propagate = False

#: Shown when a callback fails for a reason the visitor cannot fix.
GENERIC_ERROR = (
    "Maaf, terjadi kesalahan saat menghitung. Isian Anda tidak hilang: coba ubah isian, "
    "atau muat ulang halaman."
)

#: Width of a control: full width on a phone, capped on a PC.
CONTROL_LAYOUT = {"width": "100%", "max_width": "460px"}
LABEL_STYLE = {"description_width": "initial"}

CSS_CLASS = "cantik-app"

#: Renderings kept per visitor by :meth:`AppBase._show_cached`.
RENDER_CACHE_SIZE = 32

#: Set to "True" by Voilà in the kernels it preheats (``voila.utils.ENV_VARIABLE.VOILA_PREHEAT``).
PREHEAT_ENV = "VOILA_PREHEAT"

#: Output metadata key marking the static first paint of an app (see :meth:`AppBase.first_paint_html`);
#: the ``cantik`` Voilà template writes such an output into the page HTML.
FIRST_PAINT_KEY = "cantik-first-paint"

#: Set to "0" in the server's environment to switch the static first paint off (benchmarks compare).
FIRST_PAINT_ENV = "CANTIK_FIRST_PAINT"

#: Errors of the data loader: their messages are Indonesian and say what to do.
DATA_ERRORS = (DataNotFoundError, DataFormatError)


class UserInputError(ValueError):
    """An input the visitor can correct; its message (Indonesian) is shown as-is."""


# --------------------------------------------------------------------------------------------------
# Numbers in Indonesian notation
# --------------------------------------------------------------------------------------------------


def parse_number(text: str | float | int, what: str) -> float:
    """Read a number typed by a visitor; a comma or a dot may mark the decimals.

    Raises :class:`UserInputError` with an Indonesian message naming ``what`` when ``text`` is empty or
    not a number.

    Examples
    --------
    >>> parse_number("85,5", "Tinggi badan")
    85.5
    >>> parse_number(" 90 ", "Tinggi badan")
    90.0
    """
    if isinstance(text, int | float) and not isinstance(text, bool):
        value = float(text)
    else:
        cleaned = str(text).strip().replace(" ", "")
        if not cleaned:
            raise UserInputError(f"{what} belum diisi.")
        if "," in cleaned and "." in cleaned:
            cleaned = cleaned.replace(".", "")  # 1.234,5 -> 1234,5
        cleaned = cleaned.replace(",", ".")
        try:
            value = float(cleaned)
        except ValueError:
            raise UserInputError(f"{what} harus berupa angka, misalnya 85,5.") from None
    if not math.isfinite(value):
        raise UserInputError(f"{what} harus berupa angka biasa.")
    return value


# --------------------------------------------------------------------------------------------------
# Status line and the callback wrapper
# --------------------------------------------------------------------------------------------------


class Status(widgets.HTML):
    """A line for short messages to the visitor (empty when all is well)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(value="", **kwargs)
        self.add_class("cantik-status")
        self.kind = ""

    def show(self, message: str, kind: str = "warning") -> None:
        """Show ``message``; ``kind`` is ``"warning"`` (fixable input) or ``"error"``."""
        self.kind = kind
        icon = "⚠️" if kind == "warning" else "❌"
        self.value = (
            f'<div role="alert" class="cantik-msg cantik-msg-{kind}">{icon} {html.escape(message)}</div>'
        )

    def clear(self) -> None:
        """Remove any message."""
        self.kind = ""
        self.value = ""

    @property
    def message(self) -> str:
        """The shown message as plain text (empty when none)."""
        if not self.value:
            return ""
        text = self.value.split(">", 1)[1].rsplit("<", 1)[0]
        return html.unescape(text.split(" ", 1)[1])


def safe_callback(status: Status) -> Callable[[F], F]:
    """Decorate a widget callback so that no exception reaches the visitor as a traceback.

    On success the status line is cleared. A :class:`UserInputError` shows its message; any other
    exception shows :data:`GENERIC_ERROR` and logs the traceback to the server log. The callback returns
    ``None`` when it failed.

    Examples
    --------
    >>> status = Status()
    >>> @safe_callback(status)
    ... def update(change=None):
    ...     raise UserInputError("Umur harus antara 0 dan 60 bulan.")
    >>> update()
    >>> status.message
    'Umur harus antara 0 dan 60 bulan.'
    """

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                result = fn(*args, **kwargs)
            except UserInputError as exc:
                status.show(str(exc), "warning")
                return None
            except DATA_ERRORS as exc:
                log.warning("data not available: %s", exc)
                status.show(str(exc), "error")
                return None
            except Exception:
                log.exception("callback %s failed", getattr(fn, "__qualname__", fn))
                status.show(GENERIC_ERROR, "error")
                return None
            status.clear()
            return result

        return wrapper  # type: ignore[return-value]

    return decorate


# --------------------------------------------------------------------------------------------------
# Layout helpers
# --------------------------------------------------------------------------------------------------


def labelled(widget: widgets.DOMWidget, label: str) -> widgets.DOMWidget:
    """Give ``widget`` a visible, untruncated label and a width that fits a 390 px phone.

    Sliders and text boxes only report a value when the visitor lets go (``continuous_update=False``).
    """
    widget.description = label
    widget.style = LABEL_STYLE if not isinstance(widget, widgets.Button) else widget.style
    if widget.has_trait("continuous_update"):
        # Recompute when the visitor lets go of a slider or leaves a box, not on every pixel or key.
        widget.continuous_update = False
    for key, value in CONTROL_LAYOUT.items():
        setattr(widget.layout, key, value)
    return widget


def wrap_row(*children: widgets.Widget) -> widgets.Box:
    """A row that wraps onto the next line on a narrow screen (an ``HBox`` would squash).

    The gap between items comes from the ``cantik-row`` CSS class of our Voilà template.
    """
    box = widgets.Box(
        list(children),
        layout=widgets.Layout(display="flex", flex_flow="row wrap", align_items="flex-start", width="100%"),
    )
    box.add_class("cantik-row")
    return box


def column(*children: widgets.Widget, min_width: str = "280px", grow: int = 1) -> widgets.VBox:
    """A column that takes its share of a :func:`wrap_row` and never gets narrower than ``min_width``."""
    return widgets.VBox(list(children), layout=widgets.Layout(flex=f"{grow} 1 {min_width}", min_width="0",
                                                               max_width="100%"))


def chart_beside_summary(chart: widgets.Output, summary: widgets.HTML) -> widgets.Box:
    """The chart and its text summary side by side on a PC, stacked on a phone."""
    return wrap_row(column(chart, min_width="300px", grow=3), column(summary, min_width="240px", grow=2))


def summary_html(title: str, lines: list[str], note: str = "") -> str:
    """Text summary beside a chart: a heading, a list of short sentences, an optional note.

    The lines are escaped; wrap a part in ``**`` to make it bold.
    """
    items = "".join(f"<li>{_bold(html.escape(line))}</li>" for line in lines)
    extra = f'<p class="cantik-note">{_bold(html.escape(note))}</p>' if note else ""
    return (
        f'<div class="cantik-summary" aria-live="polite"><h2>{html.escape(title)}</h2>'
        f"<ul>{items}</ul>{extra}</div>"
    )


def _bold(text: str) -> str:
    parts = text.split("**")
    return "".join(f"<strong>{p}</strong>" if i % 2 else p for i, p in enumerate(parts))


def header(title: str, intro: str) -> widgets.HTML:
    """The app's heading, a one-paragraph introduction and the synthetic-data notice."""
    return widgets.HTML(
        f'<header class="cantik-header"><h1>{html.escape(title)}</h1>'
        f"<p>{html.escape(intro)}</p>"
        f'<p class="cantik-synthetic" role="note"><strong>Perhatian:</strong> '
        f"{html.escape(SYNTHETIC_NOTICE)}</p></header>"
    )


def back_link() -> widgets.HTML:
    """A link back to the gallery (the Voilà tree page, which our template turns into the gallery)."""
    return widgets.HTML('<nav class="cantik-nav"><a href="../tree">← Semua aplikasi</a></nav>')


def user_error(exc: ValueError) -> UserInputError:
    """Turn a ``ValueError`` of :mod:`cantik.indicators` (Indonesian message) into a visitor message."""
    return UserInputError(str(exc))


@functools.lru_cache(maxsize=32)
def load_table(table: str, wilayah: str | None = None) -> Any:
    """:func:`cantik.data.load`, cached for the life of the kernel (apps only read the tables)."""
    from cantik.data import load

    return load(table, wilayah=wilayah)


def wilayah_options() -> list[tuple[str, str]]:
    """``(label, key)`` pairs of the places with person-level tables, for a ``Dropdown``."""
    from cantik.data.schema import WILAYAH

    return [(label, key) for key, label in WILAYAH.items()]


# --------------------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------------------


#: Large enough to read when a 640 px wide figure is shrunk to a 390 px phone.
FIGURE_STYLE = {
    "font.size": 13,
    "axes.titlesize": 14,
    "axes.labelsize": 13,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "legend.fontsize": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "cantik",
    # A fixed title position: matplotlib otherwise measures the tick labels on every draw (~50 ms).
    "axes.titley": 1.0,
    # Text as SVG <text> (the browser's sans-serif if DejaVu Sans is missing) instead of glyph outlines:
    # about half the bytes per chart and ~10 ms less per rendering.
    "svg.fonttype": "none",
}
FIGURE_MARGINS = {"left": 0.13, "right": 0.97, "top": 0.9, "bottom": 0.15, "hspace": 0.7, "wspace": 0.35}


def new_figure(width: float = 6.4, height: float = 4.0, **margins: float) -> Any:
    """A matplotlib ``Figure`` not tied to pyplot (no global state, no GUI backend).

    Margins are fixed (``Figure.subplots_adjust``; override with ``left=``, ``bottom=``, ``hspace=`` ...)
    instead of a layout engine: the constrained layout would cost ~45 ms on every update.
    """
    import matplotlib
    from matplotlib.figure import Figure

    matplotlib.rcParams.update(FIGURE_STYLE)
    fig = Figure(figsize=(width, height), dpi=100)
    fig.subplots_adjust(**{**FIGURE_MARGINS, **margins})
    return fig


def clear_axes(ax: Any) -> None:
    """Remove what was drawn on ``ax`` but keep the ``Axes`` itself, ready to be drawn on again.

    Creating an ``Axes`` and its ticks costs about half of a chart update; keeping them and replacing only
    the bars, lines and texts halves it. Titles, axis labels, limits, tick locators and formatters are
    reset to their defaults; tick parameters (``tick_params``) are kept, so set them on every draw.
    Categorical (string) positions would accumulate across draws: draw at numeric positions and label
    the ticks instead.
    """
    from matplotlib import ticker

    for container in list(ax.containers):
        container.remove()
    for group in (ax.patches, ax.lines, ax.texts, ax.collections, ax.images, ax.tables, ax.artists):
        for artist in list(group):
            artist.remove()
    legend = ax.get_legend()
    if legend is not None:
        legend.remove()
    for loc in ("left", "center", "right"):
        ax.set_title("", loc=loc)
    ax.set_xlabel("")
    ax.set_ylabel("")
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_locator(ticker.AutoLocator())
        axis.set_major_formatter(ticker.ScalarFormatter())
    ax.relim()
    ax.set_autoscale_on(True)


def figure_html(fig: Any, alt: str) -> str:
    """The figure as an SVG ``<img>`` with alternative text, scaled to the screen width."""
    return figure_img(fig, alt, "svg", class_="cantik-chart", style="width:100%;max-width:640px;height:auto;")


def show_figure(out: widgets.Output, fig: Any, alt: str) -> None:
    """Replace the content of ``out`` with ``fig`` in one message (no flicker, no ``plt.show``)."""
    out.outputs = (
        {
            "output_type": "display_data",
            "data": {"text/html": figure_html(fig, alt), "text/plain": alt},
            "metadata": {},
        },
    )


def output_alt(out: widgets.Output) -> str:
    """The alternative text of the figure shown in ``out`` ('' when empty); used by tests."""
    if not out.outputs:
        return ""
    return out.outputs[0]["data"].get("text/plain", "")


# --------------------------------------------------------------------------------------------------
# The common app shape
# --------------------------------------------------------------------------------------------------


class AppBase:
    """Base class of an app: a status line, a chart ``Output``, a summary and a root widget.

    Subclasses build their controls in ``__init__``, call :meth:`_build` with the control widgets, connect
    controls with :meth:`_watch`, and implement :meth:`update`, which must be safe to call at any time.
    """

    title = ""
    intro = ""

    def __init__(self) -> None:
        self.status = Status()
        self.chart = widgets.Output(layout=widgets.Layout(width="100%"))
        self.summary = widgets.HTML()
        self.figure: Any = None
        self._figure_layout: tuple | None = None
        self._axes: list[Any] = []
        self._renders: dict[tuple, tuple[str, str]] = {}
        self.update = safe_callback(self.status)(self.update)  # type: ignore[method-assign]
        self.root: widgets.VBox | None = None

    def _build(self, *controls: widgets.Widget, extra: list[widgets.Widget] | None = None) -> widgets.VBox:
        self.root = widgets.VBox(
            [
                back_link(),
                header(self.title, self.intro),
                wrap_row(*controls),
                self.status,
                chart_beside_summary(self.chart, self.summary),
                *(extra or []),
            ],
            layout=widgets.Layout(width="100%", max_width="1200px"),
        )
        self.root.add_class(CSS_CLASS)
        return self.root

    def _watch(self, *controls: widgets.Widget) -> None:
        for control in controls:
            control.observe(lambda _change: self.update(), names="value")

    def update(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def axes(self, width: float = 6.4, height: float = 4.0, rows: int = 1,
             height_ratios: tuple[float, ...] | None = None, **margins: float) -> list[Any]:
        """The ``Axes`` to draw on, emptied: the app's figure is made once and reused on every update.

        A new figure is made only when the layout (size, rows, margins) changes. See :func:`clear_axes`
        for what is reset between draws.
        """
        layout = (width, height, rows, height_ratios, tuple(sorted(margins.items())))
        if layout != self._figure_layout or self.figure is None:
            fig = new_figure(width, height, **margins)
            axes = fig.subplots(rows, 1, height_ratios=list(height_ratios) if height_ratios else None,
                                squeeze=False)
            self.figure, self._axes, self._figure_layout = fig, list(axes[:, 0]), layout
        else:
            for ax in self._axes:
                clear_axes(ax)
        return self._axes

    def _show(self, fig: Any, alt: str) -> None:
        self.figure = fig
        show_figure(self.chart, fig, alt)

    def _show_cached(self, key: tuple, build: Callable[[], tuple[Any, str]]) -> None:
        """Show the chart for the control state ``key``; ``build()`` returns ``(figure, alt)`` on a miss.

        Rendering a figure costs most of an update; visitors often go back to a state they saw (a toggle
        on and off), so the last :data:`RENDER_CACHE_SIZE` renderings are kept per visitor.
        """
        hit = self._renders.pop(key, None)
        if hit is None:
            fig, alt = build()
            self.figure = fig
            hit = (figure_html(fig, alt), alt)
        self._renders[key] = hit  # most recent last
        while len(self._renders) > RENDER_CACHE_SIZE:
            self._renders.pop(next(iter(self._renders)))
        html_img, alt = hit
        self.chart.outputs = (
            {"output_type": "display_data", "data": {"text/html": html_img, "text/plain": alt},
             "metadata": {}},
        )

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
        summary and the synthetic-data notice, without controls. Voilà's page renders widgets only once
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
            f'{back_link().value}{header(self.title, self.intro).value}'
            '<p class="cantik-first-paint-note">Grafik awal. Pilihan untuk mengubahnya sedang dimuat…</p>'
            '<div class="cantik-row" style="display:flex;flex-flow:row wrap;align-items:flex-start;">'
            f'<div style="flex:3 1 300px;min-width:0;max-width:100%;">{img}</div>'
            f'<div style="flex:2 1 240px;min-width:0;max-width:100%;">{summary}</div></div>'
        )

    def _ipython_display_(self) -> None:
        from IPython.display import display, publish_display_data

        if os.environ.get(PREHEAT_ENV) == "True" and os.environ.get(FIRST_PAINT_ENV, "1") != "0":
            # A preheated page is rendered before its visitor arrives: our template writes this output
            # into the page HTML (see FIRST_PAINT_KEY), so the chart is seen before the widgets load.
            static = self.first_paint_html()
            if static:
                publish_display_data({"text/html": static, "text/plain": ""},
                                     metadata={FIRST_PAINT_KEY: True})
        display(self.root)
