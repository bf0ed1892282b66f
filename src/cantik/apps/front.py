"""The apps' Voilà server, with the first chart sent ahead of Voilà's page in a crowd.

Voilà renders each app page itself: a new nbconvert exporter, about fifteen Jinja templates compiled again,
the notebook's kernel started or taken from the pool, then the page streamed as its template renders. That
is ~0.4 s of the server's CPU per page, on one event loop. Fifty visitors arriving in the same second
share it round-robin, so every page's first bytes, and the cached first chart near its top, wait for all
fifty (measured: 20 visitors, the cached chart reached all of them together 5.8-6.5 s after arrival).

:class:`CantikVoila` is Voilà's own application with one handler changed (:class:`FrontPageHandler`, a
subclass of Voilà's page handler, registered where Voilà registers its own). While
:attr:`CantikVoila.front_after` or more pages are being rendered, a new visitor of an app whose first chart
is cached for the place asked (:mod:`cantik.apps.first_paint`) gets that chart and its summary (with the
synthetic-data notice) as the first bytes of the response, at once (``prelude.html``), and Voilà's page
follows in the same response when it is rendered. The HTML parser folds the second ``<!DOCTYPE>``,
``<html>``, ``<head>`` and ``<body>`` of Voilà's page into the document (the standard error recovery every
browser implements: attributes merged, head elements kept in place); the ``cantik`` template's script drops
its own copy of the chart, and the live app replaces the first chart as on any page. One document, one
address, Voilà's page as it is (its kernel, its websocket): a client that reads Voilà's page reads this
one. If Voilà cannot render the app after the first bytes went out (the server is full:
:class:`cantik.apps.crowd.CrowdedError`), the page ends with the busy line and tries again by itself
(``prelude_end.html``), as the busy page does.

Pages can also be rendered in turn (:attr:`CantikVoila.renders_at_once`; off by default): at most that
many at once, the others waiting in arrival order with their first chart on screen, and beyond
:attr:`CantikVoila.waiting_limit` waiting a new visitor gets the busy page. Measured on the 2-core machine
(30 visitors, interleaved): in turn the first chart came a little sooner but the last visitors' live app
later (live p95 31-42 s against 18-24 s all at once), so Voilà's way (all at once) is the default.

A quiet server (fewer pages in flight) or a place or app without a cached chart gets Voilà's page
unchanged. Voilà is not patched: its application class is subclassed and the handler list it builds
(:meth:`Voila.init_handlers`) is kept, with our subclass of its handler in place of its own. Run as
``python -m cantik.apps.front`` with Voilà's arguments (:func:`cantik.apps.server.voila_command`).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator
from pathlib import PurePosixPath
from typing import Any, ClassVar

import tornado.web
from traitlets import Integer
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler

from cantik.apps import first_paint
from cantik.apps.crowd import CrowdedError

#: The first bytes of a page in a crowd, and the end of one that Voilà could not render after them
#: (templates in our ``cantik`` Voilà template folder).
PRELUDE_TEMPLATE = "prelude.html"
PRELUDE_END_TEMPLATE = "prelude_end.html"
#: Marks the first chart sent ahead (the page's script keeps it and drops the template's copy).
PRELUDE_MARK = 'data-cantik-prelude="1"'
#: The end of a page title, as the app notebooks' titles have it.
TITLE_SUFFIX = " – Kelas Cantik"
#: What a visitor reads when the app failed for another reason than a full server.
FAILED_LINE = ("Maaf, aplikasi interaktif gagal dimuat. Grafik di atas tetap bisa dibaca; "
               "silakan muat ulang halaman.")


class FrontPageHandler(TornadoVoilaHandler):  # type: ignore[misc]
    """Voilà's page handler, with the first chart sent ahead in a crowd (see the module's description)."""

    #: Pages this server process is rendering now (Voilà's renderer, counted across all handlers).
    rendering: ClassVar[int] = 0

    #: Pages waiting for their turn to be rendered (:meth:`_turn`).
    waiting: ClassVar[int] = 0
    _turns: ClassVar[asyncio.Semaphore | None] = None

    def initialize(self, **kwargs: Any) -> None:
        self.front_after: int = kwargs.pop("front_after")
        self.renders_at_once: int = kwargs.pop("renders_at_once")
        self.waiting_limit: int = kwargs.pop("waiting_limit")
        super().initialize(**kwargs)

    @tornado.web.authenticated
    async def get(self, path: str | None = None) -> None:
        prelude = self.prelude(path)
        FrontPageHandler.rendering += 1
        try:
            if prelude is not None:
                self.set_header("Content-Type", "text/html")
                self.set_header("Cache-Control", "no-cache, no-store, must-revalidate")
                self.write(prelude)
                self.flush()
                self.log.info("cantik: first chart of %s sent ahead (%d pages rendering)", path,
                              FrontPageHandler.rendering - 1)
            try:
                async with self._turn(path):
                    stream = getattr(self.request.connection, "stream", None)
                    if stream is not None and stream.closed():  # the visitor left while waiting
                        return
                    await super().get(path)
            except Exception as exc:
                if prelude is None:
                    raise
                self._end_after_prelude(path, exc)  # the response has begun (200): say it in the page
        finally:
            FrontPageHandler.rendering -= 1

    @contextlib.asynccontextmanager
    async def _turn(self, path: str | None) -> AsyncIterator[None]:
        """Wait for this page's turn: at most ``renders_at_once`` pages are rendered at once, the others
        wait in arrival order (first come, first served, instead of every page of a crowd sharing the CPU
        and all finishing last); beyond ``waiting_limit`` waiting, the server is full (busy page)."""
        if self.renders_at_once <= 0:
            yield
            return
        if FrontPageHandler._turns is None:
            FrontPageHandler._turns = asyncio.Semaphore(self.renders_at_once)
        if self.waiting_limit > 0 and FrontPageHandler.waiting >= self.waiting_limit:
            self.log.warning("cantik: busy page for %s (%d pages waiting)", path, FrontPageHandler.waiting)
            raise CrowdedError(PurePosixPath(path or "").stem,
                               f"{FrontPageHandler.waiting} halaman menunggu (batas {self.waiting_limit})",
                               int(getattr(self.kernel_manager, "retry_seconds", 10)),
                               self.get_argument("wilayah", None))
        FrontPageHandler.waiting += 1
        try:
            await FrontPageHandler._turns.acquire()
        finally:
            FrontPageHandler.waiting -= 1
        try:
            yield
        finally:
            FrontPageHandler._turns.release()

    def prelude(self, path: str | None) -> str | None:
        """The first bytes of this page (the cached chart), or ``None`` when Voilà's page is sent alone."""
        if (self.front_after < 0 or FrontPageHandler.rendering < self.front_after
                or not path or not path.endswith(".ipynb")):
            return None
        paint = first_paint.cached(PurePosixPath(path).stem, self.get_argument("wilayah", None))
        if not paint:
            return None
        return self.render_template(PRELUDE_TEMPLATE, paint=paint, title=self._title(path))

    def _end_after_prelude(self, path: str | None, exc: Exception) -> None:
        """End a page whose first bytes were sent: the busy line and a retry, or a plain line."""
        retry = getattr(exc, "retry", None)
        if retry is None:
            self.log.error("cantik: %s failed after its first chart was sent", path, exc_info=exc)
        line = getattr(exc, "line", None) or FAILED_LINE
        if not self._finished:
            self.finish(self.render_template(PRELUDE_END_TEMPLATE, retry=retry, line=line,
                                             base_url=self.base_url))

    def _title(self, path: str) -> str:
        """The app's page title from the gallery in Voilà's configuration (the notebook's name if none)."""
        gallery = (self.voila_configuration.extension_config or {}).get("cantikGallery", [])
        titles = {app.get("notebook"): app.get("title") for app in gallery}
        return f"{titles.get(path) or PurePosixPath(path).stem}{TITLE_SUFFIX}"


class CantikVoila(Voila):  # type: ignore[misc]
    """Voilà, with :class:`FrontPageHandler` in place of its page handler (its other handlers unchanged)."""

    front_after = Integer(
        1, config=True,
        help="While this many app pages (or more) are being rendered, a new visitor of an app whose first "
             "chart is cached gets that chart as the first bytes of the page, before Voilà's renderer runs "
             "for it. 0: always; -1: never (Voilà's pages only).")

    renders_at_once = Integer(
        -1, config=True,
        help="Pages rendered at once (their kernels run the app); later visitors wait their turn in arrival "
             "order, with the first chart already on their screen in a crowd. -1: no limit (every page at "
             "once, Voilà's way; measured faster for the last visitors of a crowd); 0: twice the CPUs.")
    waiting_limit = Integer(
        60, config=True,
        help="With renders_at_once: pages waiting for their turn beyond which a new visitor gets the busy "
             "page (the first chart, an Indonesian line, a retry by itself). 0: no limit.")

    def init_handlers(self) -> list[Any]:
        handlers = []
        for handler in super().init_handlers():
            if len(handler) > 1 and handler[1] is TornadoVoilaHandler:
                at_once = self.renders_at_once or 2 * (os.cpu_count() or 1)
                kwargs = {**(handler[2] if len(handler) > 2 else {}), "front_after": self.front_after,
                          "renders_at_once": at_once, "waiting_limit": self.waiting_limit}
                handler = (handler[0], FrontPageHandler, kwargs)
            handlers.append(handler)
        return handlers


main = CantikVoila.launch_instance

if __name__ == "__main__":
    main()
