"""The apps' static first paint, cached in the Voilà server for every visitor (stdlib + markupsafe only).

An app's first chart and text summary (:meth:`cantik.apps.base.AppBase.first_paint_html`) are rendered by a
preheated kernel, before any visitor comes: our ``cantik`` template finds that output (marked with
:data:`FIRST_PAINT_KEY`) in the page Voilà renders for the kernel pool. The template hands it to
:func:`remember`, and from then on writes the cached block at the top of **every** page of that app, before
Voilà even asks the visitor's kernel to start (Voilà streams the page as its template renders): the visitor
who gets the pooled kernel and the fiftieth who arrives in the same second see the chart at once, and the
live widgets take its place when their kernel has run the app. The pages Voilà renders when the server is
at its limit (:mod:`cantik.apps.crowd`) show it too.

The cache lives in the server process, one entry per app notebook and place (the output's metadata names
the place; a preheated kernel runs the default place, its visitor not having come yet); each refill of the
pool renders the app again and replaces the entry, so it follows the datasets. Pages serve the default
place's entry, marked with its place (``data-wilayah``); the page's script drops it at once when the URL
asks for another place (``?wilayah=``), so a cached page never shows another place's numbers. The busy
page knows the URL and serves the entry of the place asked for, if any.

The template reaches these functions as Jinja filters, registered through nbconvert's public
configuration (``VoilaExporter.filters`` in the production ``voila.json``, see :data:`FILTERS`).

Examples
--------
>>> remember("<p>grafik</p>", "contoh")
''
>>> str(cached("contoh"))
'<p>grafik</p>'
>>> str(cached("lain"))
''
>>> remember("<p>Malinau</p>", "contoh", "malinau")
''
>>> str(cached("contoh", "malinau")), str(cached("contoh", "taluk_haur"))
('<p>Malinau</p>', '')
"""

from __future__ import annotations

import logging
import threading

from markupsafe import Markup

#: Output metadata key marking the static first paint of an app
#: (:meth:`cantik.apps.base.AppBase.first_paint_html` marks its output with it; the ``cantik`` Voilà
#: template writes such an output into the page HTML and hands it to :func:`remember`). Defined here,
#: free of the widgets; ``cantik.apps.base`` imports it.
FIRST_PAINT_KEY = "cantik-first-paint"

#: The Jinja filters of the ``cantik`` template: name -> import path (nbconvert imports them).
FILTERS = {
    "cantik_first_paint": "cantik.apps.first_paint.cached",
    "cantik_remember_first_paint": "cantik.apps.first_paint.remember",
}

_cache: dict[tuple[str, str], str] = {}
_lock = threading.Lock()


def _place(place: object) -> str:
    """The place of an output's first-paint mark: its key, or the default place (an app without places
    marks its output ``True``)."""
    from cantik.data.schema import DEFAULT_WILAYAH

    return place if isinstance(place, str) and place else DEFAULT_WILAYAH


def remember(html: str, notebook: str, place: object = None) -> str:
    """Keep ``html`` as the first paint of ``notebook`` (its name without ``.ipynb``) for ``place`` (the
    output's first-paint mark); returns ``""`` so the template can call it inside an expression without
    printing anything."""
    if html:
        key = (notebook, _place(place))
        with _lock:
            new = key not in _cache
            _cache[key] = str(html)
        if new:
            _log().info("cantik: first paint of %s cached (%s, %d KiB)", notebook, key[1], len(html) // 1024)
    return ""


def _log() -> logging.Logger:
    """The server's log (Voilà's application logger), else this module's."""
    from traitlets.config import Application

    if Application.initialized():
        return Application.instance().log  # type: ignore[return-value]
    return logging.getLogger(__name__)


def cached(notebook: str, place: str | None = None) -> Markup:
    """The cached first paint of ``notebook`` for ``place`` (default: the default place; trusted HTML
    rendered by our own app code), ``""`` if none."""
    with _lock:
        return Markup(_cache.get((notebook, _place(place)), ""))


def forget() -> None:
    """Empty the cache (tests)."""
    with _lock:
        _cache.clear()
