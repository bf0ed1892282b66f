"""The apps' Voilà server with a front page for crowds: the first chart at once for every visitor.

Voilà renders each app page itself: a new nbconvert exporter, about fifteen Jinja templates compiled again,
the notebook's kernel started or taken from the pool, then the page streamed as its template renders. That
is ~0.4 s of the server's CPU per page, on one event loop. Fifty visitors arriving in the same second
share it round-robin, so every page's first bytes, and the cached first chart near its top, wait for all
fifty (measured: 20 visitors, the cached chart reached all of them together 5.8-6.5 s after arrival).

:class:`CantikVoila` is Voilà's own application with one handler changed (:class:`FrontPageHandler`, a
subclass of Voilà's page handler, registered where Voilà registers its own): while
:attr:`CantikVoila.front_after` or more pages are being rendered, a new visitor of an app whose first chart
is cached (:mod:`cantik.apps.first_paint`) gets the small page ``awal.html`` at once: that chart and its
summary (with the synthetic-data notice), a line saying the interactive app is on its way, and Voilà's
page for the same URL plus ``langsung=1`` loading in a frame out of sight. When the frame's live chart is
on screen, the frame takes the whole window (the visitor sees the same chart become interactive); if the
frame gets the busy page (:mod:`cantik.apps.crowd`), its line is shown. A quiet server (fewer pages in
flight), a page asking ``langsung=1``, or a place or app without a cached chart goes straight to Voilà,
unchanged: one visitor gets the live page directly, as before.

Voilà is not patched: its application class is subclassed and the handler list it builds
(:meth:`Voila.init_handlers`) is kept, with our subclass of its handler in place of its own. Run as
``python -m cantik.apps.front`` with Voilà's arguments (:func:`cantik.apps.server.voila_command`).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any, ClassVar
from urllib.parse import quote

import tornado.web
from traitlets import Integer
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler

from cantik.apps import first_paint

#: Query argument of the live page (the front page's frame): always rendered by Voilà.
LIVE_ARG = "langsung"
#: The front page's template (in our ``cantik`` Voilà template folder).
FRONT_TEMPLATE = "awal.html"
#: The front page's status line until the live app is there.
WAITING_LINE = ("Grafik di atas sudah bisa dibaca. Aplikasi interaktifnya sedang disiapkan dan akan muncul "
                "sendiri di halaman ini; Anda tidak perlu memuat ulang.")
#: Seconds after the frame's page finished loading without a live app or busy line before it is shown as
#: it is (an error page of Voilà's must not stay hidden behind the static chart).
STUCK_SECONDS = 30


def live_url(base_url: str, path: str, query: str = "") -> str:
    """The URL of the live page of notebook ``path`` (as Voilà's route gives it, unquoted) for a request
    with the query string ``query``: always on this server (built from the path, never the raw request).

    Examples
    --------
    >>> live_url("/", "rata_median.ipynb")
    '/voila/render/rata_median.ipynb?langsung=1'
    >>> live_url("/services/galeri/", "rata_median.ipynb", "wilayah=malinau")
    '/services/galeri/voila/render/rata_median.ipynb?wilayah=malinau&langsung=1'
    >>> live_url("/", "//contoh.com/a b.ipynb")
    '/voila/render/contoh.com/a%20b.ipynb?langsung=1'
    """
    page = "/" + "/".join(quote(part) for part in path.split("/") if part)
    return f"{base_url.rstrip('/')}/voila/render{page}?{query + '&' if query else ''}{LIVE_ARG}=1"


class FrontPageHandler(TornadoVoilaHandler):  # type: ignore[misc]
    """Voilà's page handler, with the front page for crowds (see the module's description)."""

    #: Pages this server process is rendering now (Voilà's renderer, counted across all handlers).
    rendering: ClassVar[int] = 0

    def initialize(self, **kwargs: Any) -> None:
        self.front_after: int = kwargs.pop("front_after")
        super().initialize(**kwargs)

    @tornado.web.authenticated
    async def get(self, path: str | None = None) -> None:
        page = self.front_page(path)
        if page is not None:
            self.set_header("Content-Type", "text/html")
            self.set_header("Cache-Control", "no-cache, no-store, must-revalidate")
            self.log.info("cantik: front page for %s (%d pages rendering)", path, FrontPageHandler.rendering)
            self.finish(page)
            return
        FrontPageHandler.rendering += 1
        try:
            await super().get(path)
        finally:
            FrontPageHandler.rendering -= 1

    def front_page(self, path: str | None) -> str | None:
        """The front page for this request, or ``None`` when Voilà should render the live page itself."""
        if (self.front_after < 0 or FrontPageHandler.rendering < self.front_after
                or self.get_argument(LIVE_ARG, None) is not None or not path or not path.endswith(".ipynb")):
            return None
        app = PurePosixPath(path).stem
        paint = first_paint.cached(app, self.get_argument("wilayah", None))
        if not paint:
            return None
        return self.render_template(FRONT_TEMPLATE, paint=paint, title=self._title(path),
                                    live_url=live_url(self.base_url, path, self.request.query),
                                    waiting_line=WAITING_LINE,
                                    stuck_seconds=STUCK_SECONDS, base_url=self.base_url)

    def _title(self, path: str) -> str:
        """The app's title from the gallery in Voilà's configuration (the notebook's name if none)."""
        gallery = (self.voila_configuration.extension_config or {}).get("cantikGallery", [])
        for app in gallery:
            if app.get("notebook") == path:
                return str(app.get("title") or path)
        return PurePosixPath(path).stem


class CantikVoila(Voila):  # type: ignore[misc]
    """Voilà, with :class:`FrontPageHandler` in place of its page handler (its other handlers unchanged)."""

    front_after = Integer(
        1, config=True,
        help="While this many app pages (or more) are being rendered, a new visitor of an app whose first "
             "chart is cached gets the front page (that chart at once, the live app in a frame when ready) "
             "instead of waiting behind them. 0: always; -1: never (Voilà's pages only).")

    def init_handlers(self) -> list[Any]:
        handlers = []
        for handler in super().init_handlers():
            if len(handler) > 1 and handler[1] is TornadoVoilaHandler:
                kwargs = {**(handler[2] if len(handler) > 2 else {}), "front_after": self.front_after}
                handler = (handler[0], FrontPageHandler, kwargs)
            handlers.append(handler)
        return handlers


main = CantikVoila.launch_instance

if __name__ == "__main__":
    main()
