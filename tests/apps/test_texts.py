"""Every text a visitor reads in the apps passes the Indonesian checks (``tests/indonesian.py``).

The texts are collected from the live widgets in several states of each app (first view, every choice of
its toggles and lists, a bad input, the challenge answered): headings, introductions, notices, labels,
choices, buttons, summaries, figure notes, messages, alternative texts and the texts drawn in the charts.
The gallery's titles and blurbs, Voilà's messages and the page template's words are checked too.
"""

from __future__ import annotations

import importlib
import json

import ipywidgets as widgets
import pytest

from cantik.apps import voila_config
from cantik.apps.base import AppBase
from cantik.apps.charts import output_alt, text_sizes
from cantik.apps.registry import APPS
from tests.indonesian import plain_text, problems


def widget_texts(widget: widgets.Widget) -> list[str]:
    """Every visible text of a widget tree: values of HTML and labels, descriptions, choices, buttons."""
    out: list[str] = []
    if isinstance(widget, widgets.HTML | widgets.Label):
        out.append(plain_text(widget.value))
    description = getattr(widget, "description", "")
    if description:
        out.append(description)
    if isinstance(widget, widgets.widgets.widget_selection._Selection):
        out.extend(str(label) for label, _value in widget.options)
    for child in getattr(widget, "children", ()):
        out.extend(widget_texts(child))
    return [t for t in out if t]


def app_texts(app: AppBase) -> list[str]:
    texts = widget_texts(app.root)
    texts.append(output_alt(app.chart))
    if app.chart.outputs and app.figure is not None:
        texts.extend(t for t, _size in text_sizes(app.figure))
    return texts


def _states(app: AppBase) -> list[str]:
    """Drive the app through its choices; return every text seen."""
    seen = app_texts(app)
    for control in app._watched:
        if isinstance(control, widgets.ToggleButtons | widgets.Dropdown):
            start = control.value
            for _label, value in control.options[:4]:
                control.value = value
                seen += app_texts(app)
            control.value = start
    if app.challenge is not None:
        app.challenge.reveal()  # without a guess: the message asking for one
        seen += [*app_texts(app), app.challenge.status.message]
        for _label, key in app.challenge.options[:2]:
            app.challenge.reset()
            app.challenge.guess.value = key
            app.challenge.reveal()
            seen += app_texts(app)
    return seen


BAD_INPUTS = {
    "stunting": [("height", "1,000"), ("height", "abc"), ("height", "45"), ("height", "")],
    "persen_poin": [("before", "0"), ("after", "1.000"), ("before", "1,234.5"), ("after", "")],
    "sampel": [],
}


@pytest.mark.parametrize("app_info", APPS, ids=lambda a: a.slug)
def test_app_texts_are_good_indonesian(app_info) -> None:  # type: ignore[no-untyped-def]
    module, cls = app_info.entry.split(":")
    app = getattr(importlib.import_module(module), cls)()
    texts = _states(app)
    for field, value in BAD_INPUTS.get(app_info.slug, []):
        getattr(app, field).value = value
        assert app.status.message, (field, value)
        texts += [app.status.message, *app_texts(app)]
    found = sorted({f"{p}   in: {t[:80]!r}" for t in texts for p in problems(t)})
    assert found == [], "\n".join(found)


def test_gallery_and_server_texts_are_good_indonesian() -> None:
    cfg = voila_config.production_config()
    texts = [a.title for a in APPS] + [a.description for a in APPS]
    executor = cfg["VoilaExecutor"]
    texts += [executor["cell_error_instruction"], executor["cell_timeout_instruction"]]
    folder = voila_config.SHARE_DIR / "voila" / "templates" / voila_config.TEMPLATE
    texts.append(plain_text((folder / "index.html.j2").read_text(encoding="utf-8").split("<body", 1)[1]
                            .split("<script", 1)[0]))
    texts.append(plain_text((folder / "tree.html").read_text(encoding="utf-8")))
    found = [f"{p}   in: {t[:80]!r}" for t in texts for p in problems(t)]
    assert found == [], "\n".join(found)
    assert json.loads(json.dumps(texts))  # all plain strings
