"""Phone-first page parts of the apps: labelled controls, wrapping rows, header, summary, figure notes.

Everything here fits a 390 px phone: controls take the full width (capped on a PC), rows wrap instead of
squashing, labels wrap instead of being cut. The styles (sizes, 44 px tap targets) come from the CSS of
the ``cantik`` Voilà template.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import ipywidgets as widgets

from cantik.data.schema import SYNTHETIC_NOTICE

#: Width of a control: full width on a phone, capped on a PC.
CONTROL_LAYOUT = {"width": "100%", "max_width": "460px"}
LABEL_STYLE = {"description_width": "initial"}


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


def button(label: str, primary: bool = False) -> widgets.Button:
    """A button sized by its text (the template's CSS makes it at least 44 px tall)."""
    return widgets.Button(description=label, button_style="primary" if primary else "",
                          layout=widgets.Layout(width="auto", max_width="100%"))


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


def chart_beside_summary(chart: widgets.Widget, summary: widgets.HTML) -> widgets.Box:
    """The chart and its text summary side by side on a PC, stacked on a phone."""
    return wrap_row(column(chart, min_width="300px", grow=3), column(summary, min_width="240px", grow=2))


def bold(text: str) -> str:
    """``**tebal**`` → ``<strong>tebal</strong>`` (on text already escaped)."""
    parts = text.split("**")
    return "".join(f"<strong>{p}</strong>" if i % 2 else p for i, p in enumerate(parts))


def summary_html(title: str, lines: list[str], note: str = "") -> str:
    """Text summary beside a chart: a heading, a list of short sentences, an optional note.

    The lines are escaped; wrap a part in ``**`` to make it bold.
    """
    items = "".join(f"<li>{bold(html.escape(line))}</li>" for line in lines)
    extra = f'<p class="cantik-note">{bold(html.escape(note))}</p>' if note else ""
    return (
        f'<div class="cantik-summary" aria-live="polite"><h2>{html.escape(title)}</h2>'
        f"<ul>{items}</ul>{extra}</div>"
    )


def header(title: str, intro: str, notice: str = SYNTHETIC_NOTICE) -> widgets.HTML:
    """The app's heading, a one-paragraph introduction and the notice on where its data come from."""
    return widgets.HTML(header_html(title, intro, notice))


def header_html(title: str, intro: str, notice: str = SYNTHETIC_NOTICE) -> str:
    """The HTML of :func:`header` (also written into the static first paint)."""
    return (
        f'<header class="cantik-header"><h1>{html.escape(title)}</h1>'
        f"<p>{html.escape(intro)}</p>"
        f'<p class="cantik-synthetic" role="note"><strong>Perhatian:</strong> '
        f"{html.escape(notice)}</p></header>"
    )


def back_link() -> widgets.HTML:
    """A link back to the gallery (the Voilà tree page, which our template turns into the gallery)."""
    return widgets.HTML(BACK_LINK)


BACK_LINK = '<nav class="cantik-nav"><a href="../tree">← Semua aplikasi</a></nav>'


@dataclass(frozen=True)
class FigureNote:
    """What a figure in an app is, SIRUSA style: name, definition, unit, source and period, and whether
    it is synthetic.

    ``sumber`` names the table or the report; ``periode`` the year, date or months it covers.
    """

    nama: str
    definisi: str
    satuan: str
    sumber: str
    periode: str
    sintetis: bool = True


def about_html(notes: list[FigureNote], title: str = "Tentang angka di aplikasi ini") -> str:
    """A block under the chart: for each figure its definition, unit, source and period (SIRUSA style).

    Each figure says whether it is synthetic (generated for practice) or not (a reported figure, a
    standard); its source says which.
    """
    items = []
    for n in notes:
        kind = "data sintetis" if n.sintetis else "bukan data sintetis"
        items.append(
            f"<dt>{html.escape(n.nama)} <span class=\"cantik-tag\">{kind}</span></dt>"
            f"<dd><strong>Definisi:</strong> {html.escape(n.definisi)} "
            f"<strong>Satuan:</strong> {html.escape(n.satuan)}. "
            f"<strong>Sumber:</strong> {html.escape(n.sumber)}. "
            f"<strong>Periode:</strong> {html.escape(n.periode)}.</dd>"
        )
    return (f'<section class="cantik-about"><h2>{html.escape(title)}</h2>'
            f"<dl>{''.join(items)}</dl></section>")
