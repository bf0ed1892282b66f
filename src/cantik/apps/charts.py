"""Charts of the apps: phone-first matplotlib figures shown as SVG ``<img>`` with alternative text.

Figures are drawn for a phone first: :data:`CHART_WIDTH` inches wide (360 SVG units), so that a 390 px
screen (about 378 px for the chart) shows them at a scale of about 1.05 and the smallest text, 12 points,
is at least 12 px tall; a PC shows them at most :data:`MAX_DISPLAY_PX` wide. Many categories (25 RTs,
12 months) are drawn as horizontal bars, one readable line each, never as rotated labels.

Numbers on the axes are written the Indonesian way (:func:`number_axis`), with whole-number ticks for
counts (no "0,5 perjalanan").
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from matplotlib import ticker

from cantik.helpers import figure_img, format_number

#: Width of every chart, in inches (= 72 SVG units each): drawn for a phone.
CHART_WIDTH = 5.0
#: Widest an app shows a chart on a PC (CSS px).
MAX_DISPLAY_PX = 560
#: The smallest font size any chart text may have, in points (≥ 12 px on a 390 px phone).
MIN_FONT_SIZE = 12

FIGURE_STYLE = {
    "font.size": 13,
    "axes.titlesize": 13,
    "axes.labelsize": 13,
    "xtick.labelsize": MIN_FONT_SIZE,
    "ytick.labelsize": MIN_FONT_SIZE,
    "legend.fontsize": MIN_FONT_SIZE,
    "legend.title_fontsize": MIN_FONT_SIZE,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "cantik",
    # A fixed title position: matplotlib otherwise measures the tick labels on every draw (~50 ms).
    "axes.titley": 1.0,
    # Text as SVG <text> (the browser's sans-serif if DejaVu Sans is missing) instead of glyph outlines:
    # about half the bytes per chart and ~10 ms less per rendering.
    "svg.fonttype": "none",
}
FIGURE_MARGINS = {"left": 0.16, "right": 0.96, "top": 0.9, "bottom": 0.15, "hspace": 0.7, "wspace": 0.35}

#: Colours used by every app (colour-blind safe pairs, dark enough for white text where used).
BLUE, LIGHT_BLUE, ORANGE, RED, GREY = "#3b75af", "#9db7d5", "#c25400", "#b3261e", "#8c8c8c"


def new_figure(width: float = CHART_WIDTH, height: float = 4.0, **margins: float) -> Any:
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


def stacked(heights: list[float], gap: float = 0.95, top: float = 0.45,
            bottom: float = 0.65) -> tuple[float, dict[str, Any]]:
    """Figure height and ``AppBase.axes`` arguments for panels of ``heights`` inches stacked with
    ``gap`` inches between them (room for a title and the axis label above) and fixed outer margins.

    Examples
    --------
    >>> height, kw = stacked([3.0, 2.0])
    >>> height, kw["height_ratios"], round(kw["hspace"], 2)
    (7.05, (3.0, 2.0), 0.38)
    """
    total = sum(heights) + gap * (len(heights) - 1) + top + bottom
    kwargs: dict[str, Any] = {"rows": len(heights), "height_ratios": tuple(heights),
                              "top": 1 - top / total, "bottom": bottom / total}
    if len(heights) > 1:
        kwargs["hspace"] = gap / (sum(heights) / len(heights))
    return round(total, 2), kwargs


def clear_axes(ax: Any) -> None:
    """Remove what was drawn on ``ax`` but keep the ``Axes`` itself, ready to be drawn on again.

    Creating an ``Axes`` and its ticks costs about half of a chart update; keeping them and replacing only
    the bars, lines and texts halves it. Titles, axis labels, limits, scales, tick locators and formatters
    are reset to their defaults; tick parameters (``tick_params``) are kept, so set them on every draw.
    Categorical (string) positions would accumulate across draws: draw at numeric positions and label
    the ticks instead.
    """
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
        axis.set_minor_locator(ticker.NullLocator())
    ax.relim()
    ax.set_autoscale_on(True)


def number_axis(axis: Any, decimals: int | None = None, suffix: str = "", whole: bool = False,
                nbins: int | str = "auto", absolute: bool = False) -> None:
    """Write the tick labels of ``axis`` the Indonesian way (``1.000``, ``2,5``), with ``suffix``.

    ``decimals=None`` uses as few decimals as write every tick exactly (``0 5 10``, ``0,0 0,5 1,0``);
    ``whole=True`` puts ticks on whole numbers only (counts: never "0,5 perjalanan"); ``nbins`` caps the
    number of ticks (a narrow panel); ``absolute=True`` drops the sign (the left half of a pyramid).

    Examples
    --------
    >>> fig = new_figure()
    >>> ax = fig.subplots()
    >>> _ = ax.bar([0, 1], [1500, 3000])
    >>> number_axis(ax.yaxis, whole=True)
    >>> ax.yaxis.get_major_formatter().format_ticks([0, 1000, 2000])
    ['0', '1.000', '2.000']
    >>> number_axis(ax.yaxis, suffix="%")
    >>> ax.yaxis.get_major_formatter().format_ticks([0, 0.5, 1])
    ['0,0%', '0,5%', '1,0%']
    """
    if whole or nbins != "auto":
        axis.set_major_locator(ticker.MaxNLocator(nbins=nbins, integer=whole, min_n_ticks=1 if nbins != "auto"
                                                  else 2))
    axis.set_major_formatter(IndonesianFormatter(decimals, suffix, absolute))


def _decimals_for(values: list[float]) -> int:
    """The fewest decimals that write every tick exactly (0 for 0, 5, 10; 1 for 0, 2,5, 5)."""
    for decimals in range(5):
        scale = 10**decimals
        if all(abs(v * scale - round(v * scale)) < 1e-6 * max(1.0, abs(v * scale)) for v in values):
            return decimals
    return 4


class IndonesianFormatter(ticker.Formatter):
    """A tick formatter writing Indonesian numbers (see :func:`number_axis`)."""

    def __init__(self, decimals: int | None = None, suffix: str = "", absolute: bool = False) -> None:
        self.decimals = decimals
        self.suffix = suffix
        self.absolute = absolute
        self._ticks: list[float] = []

    def set_locs(self, locs: Any) -> None:
        self._ticks = [float(v) for v in locs]

    def __call__(self, value: float, pos: int | None = None) -> str:
        decimals = self.decimals if self.decimals is not None else _decimals_for(self._ticks or [value])
        value = abs(value) if self.absolute or value == 0 else value
        return format_number(value, decimals) + self.suffix


def value_labels(ax: Any, positions: Any, values: Any, decimals: int = 0, suffix: str = "",
                 horizontal: bool = True, flags: Any = None, at: Any = None) -> None:
    """Write each bar's value at its end (so that a bar of 0 reads "0", not "missing").

    ``flags`` (booleans) marks values from few observations: they get a ``*``. ``at`` places the texts
    elsewhere than at the values (the end of bars cut by an axis that does not start at 0).
    """
    values = list(values)
    flags = list(flags) if flags is not None else [False] * len(values)
    at = list(at) if at is not None else values
    top = max([abs(v) for v in at] + [1e-12])
    for pos, value, where, flag in zip(positions, values, at, flags, strict=True):
        text = format_number(value, decimals) + suffix + ("*" if flag else "")
        if horizontal:
            ax.text(where + top * 0.015, pos, text, va="center", ha="left", fontsize=MIN_FONT_SIZE)
        else:
            ax.text(pos, where + top * 0.015, text, va="bottom", ha="center", fontsize=MIN_FONT_SIZE)


def figure_html(fig: Any, alt: str) -> str:
    """The figure as an SVG ``<img>`` with alternative text, scaled to the screen width (at most
    :data:`MAX_DISPLAY_PX`); the same state gives the same bytes."""
    return figure_img(fig, alt, "svg", class_="cantik-chart",
                      style=f"width:100%;max-width:{MAX_DISPLAY_PX}px;height:auto;")


def chart_output(html_img: str, alt: str) -> tuple[dict[str, Any], ...]:
    """The ``Output.outputs`` value that shows one chart: set in one message (no flicker, no
    ``plt.show``)."""
    return ({"output_type": "display_data", "data": {"text/html": html_img, "text/plain": alt},
             "metadata": {}},)


def output_alt(out: widgets.Output) -> str:
    """The alternative text of the figure shown in ``out`` ('' when empty); used by tests."""
    if not out.outputs:
        return ""
    return out.outputs[0]["data"].get("text/plain", "")


def text_sizes(fig: Any) -> list[tuple[str, float]]:
    """Every visible, non-empty text of ``fig`` with its font size in points (tests check the minimum).

    Tick labels exist once the figure has been drawn (saved): call it on a figure an app has shown.
    """
    from matplotlib.text import Text

    out = []
    for text in fig.findobj(Text):
        if text.get_visible() and text.get_text().strip() and text.get_figure() is fig:
            out.append((text.get_text(), float(text.get_fontsize())))
    return out
