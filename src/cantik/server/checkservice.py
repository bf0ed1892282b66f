"""The class server's check service: learners' ``cek`` asks it, it answers right/wrong and the message.

On the class server the answer key (the question modules, :mod:`cantik.checks.key`) is readable by the
trainers' group only, so a learner's kernel cannot compute expected values. ``cek``, ``petunjuk`` and
``uji_bentuk`` there send the *plain* answer (the same JSON the grader's re-check reads,
:func:`cantik.checks.core.ke_json`) to this small JupyterHub service, which runs as a trainer's account
and replies ``{"soal", "benar", "pesan"}`` — never the expected value.

* **Authenticated per learner**: JupyterHub's own token check
  (:class:`jupyterhub.services.auth.HubAuthenticated`); the learner's server token carries the scope
  ``access:services!service=cek`` (see :func:`cantik.server.hub.configure`). Anonymous requests get 403.
* **Rate-limited per learner**: a token bucket (:class:`RateLimit`, :data:`BURST` checks at once, then
  one every :data:`REFILL_SECONDS`); over the limit: 429 with an Indonesian message.
* **Bounded**: bodies over :data:`MAX_BODY` bytes are refused; each answer is read and checked in a
  child process with the grader's answer budget (:mod:`cantik.sandbox.budget`; more than
  :data:`MAX_ELEMENTS` values or :data:`MAX_DEPTH` levels get a plain message), one at a time, off the
  event loop.

Endpoints (under ``/services/cek/``): ``POST periksa`` ``{"soal", "jenis": "cek"|"bentuk", "jawaban"}`` and
``POST petunjuk`` ``{"soal"}`` → ``{"soal", "petunjuk": [...]}`` (hints are not secret).

Run by the hub (``c.JupyterHub.services``): ``python -m cantik.server.checkservice``; it listens on the
address JupyterHub gives it (``JUPYTERHUB_SERVICE_URL``).
"""

from __future__ import annotations

import asyncio
import json
import os
import time
import typing as t
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from tornado import web
from tornado.log import app_log

from cantik.errors import KelasError

SERVICE_NAME = "cek"
#: Largest request body (bytes); a bigger answer is not a summary the course asks for.
MAX_BODY = 1_000_000
#: Largest answer (values, all levels together) and deepest nesting checked.
MAX_ELEMENTS = 100_000
MAX_DEPTH = 20
#: Longest answer-cell code read for a formula-first check (the cell that must not call the library helper).
MAX_CODE = 20_000
#: Checks a learner may ask for at once, then one more every REFILL_SECONDS.
BURST = 10
REFILL_SECONDS = 2.0


class RateLimit:
    """One token bucket per learner.

    Examples
    --------
    >>> limit = RateLimit(burst=2, refill_seconds=60)
    >>> [limit.allow("siti", now=0.0) for _ in range(3)]
    [True, True, False]
    >>> limit.allow("budi", now=0.0), limit.allow("siti", now=60.0)
    (True, True)
    """

    def __init__(self, burst: int = BURST, refill_seconds: float = REFILL_SECONDS) -> None:
        self.burst, self.refill = burst, refill_seconds
        self._buckets: dict[str, tuple[float, float]] = {}

    def allow(self, name: str, now: float | None = None) -> bool:
        """Take one token of ``name``'s bucket if there is one."""
        now = time.monotonic() if now is None else now
        tokens, last = self._buckets.get(name, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) / self.refill)
        if tokens < 1:
            self._buckets[name] = (tokens, now)
            return False
        self._buckets[name] = (tokens - 1, now)
        return True


def verdict(soal: str, jenis: str, jawaban: t.Any, bagian: t.Any = None,
            kode: t.Any = None, wilayah: t.Any = None) -> dict[str, t.Any]:
    """The verdict on a learner's plain answer, given in a child with the answer budget
    (:meth:`cantik.sandbox.budget.Checker.recheck`: at most :data:`MAX_ELEMENTS` values, :data:`MAX_DEPTH`
    levels, memory and CPU limits), never in this long-lived process. ``KeyError`` for an unknown question.
    ``bagian`` and ``kode``: a formula-first answer's parts and its answer cell's code (checked there too).
    ``wilayah``: the place of the learner's module (expected answers from its data); an unknown name is
    ignored (the default place).
    """
    from cantik.data import wilayah_list
    from cantik.sandbox.budget import Budget, shared_checker

    parts = bagian if isinstance(bagian, dict) else {}
    code = str(kode)[:MAX_CODE] if kode is not None else None
    checker = shared_checker(Budget(elements=MAX_ELEMENTS, depth=MAX_DEPTH))
    place = str(wilayah) if isinstance(wilayah, str) and wilayah in wilayah_list() else None
    reply = checker.recheck(soal, jenis, jawaban, parts, code, place)
    if "tidak_dikenal" in reply:
        raise KeyError(reply["tidak_dikenal"])
    if "unusable" in reply:
        return {"soal": str(soal), "benar": False, "pesan": reply["unusable"], "kode": [], "jenis": "bentuk"}
    return {k: reply[k] for k in ("soal", "benar", "pesan", "kode", "jenis")}


def hints(soal: str) -> dict[str, t.Any]:
    """The hints of ``soal`` (``KeyError`` when unknown)."""
    from cantik.checks.core import ambil

    found = ambil(soal)
    return {"soal": found.id, "petunjuk": found.daftar_petunjuk()}


def _handler_base() -> type:
    from jupyterhub.services.auth import HubAuthenticated

    class Base(HubAuthenticated, web.RequestHandler):
        """JSON in, JSON out; every refusal says why in Indonesian."""

        def initialize(self, limit: RateLimit, pool: ThreadPoolExecutor) -> None:
            self.limit, self.pool = limit, pool

        def write_error(self, status_code: int, **kwargs: t.Any) -> None:
            messages = {403: "Pemeriksaan hanya untuk peserta yang masuk lewat server kelas.",
                        413: "Jawaban ini terlalu besar untuk diperiksa."}
            self.finish({"pesan": messages.get(status_code, "Layanan pemeriksaan sedang bermasalah.")})

        def reply(self, status: int, body: dict[str, t.Any]) -> None:
            self.set_status(status)
            self.finish(body)

        async def answer(self, work: t.Callable[[dict[str, t.Any]], dict[str, t.Any]]) -> None:
            user = self.current_user or {}
            name = str(user.get("name", ""))
            if not self.limit.allow(name):
                self.reply(429, {"pesan": "Terlalu sering memeriksa. Tunggu beberapa detik, lalu coba "
                                          "lagi."})
                return
            try:
                body = json.loads(self.request.body or b"{}")
                if not isinstance(body, dict):
                    raise ValueError
            except (ValueError, RecursionError):
                self.reply(400, {"pesan": "Permintaan pemeriksaan rusak."})
                return
            loop = asyncio.get_running_loop()
            try:
                result = await loop.run_in_executor(self.pool, work, body)
            except KeyError as exc:
                self.reply(404, {"pesan": str(exc.args[0] if exc.args else exc)})
                return
            app_log.info("cek: %s soal %s → %s", name, result.get("soal"), result.get("benar", "petunjuk"))
            self.reply(200, result)

    return Base


def make_app(prefix: str) -> web.Application:
    """The service's Tornado application, its routes under ``prefix`` (``/services/cek/``)."""
    Base = _handler_base()

    class Check(Base):  # type: ignore[misc, valid-type]
        @web.authenticated
        async def post(self) -> None:
            await self.answer(lambda b: verdict(str(b.get("soal", "")), str(b.get("jenis", "cek")),
                                                b.get("jawaban"), b.get("bagian"), b.get("kode"),
                                                b.get("wilayah")))

    class Hints(Base):  # type: ignore[misc, valid-type]
        @web.authenticated
        async def post(self) -> None:
            await self.answer(lambda b: hints(str(b.get("soal", ""))))

    shared = {"limit": RateLimit(), "pool": ThreadPoolExecutor(max_workers=1)}
    prefix = "/" + prefix.strip("/") + "/"
    return web.Application([(prefix + "periksa", Check, shared), (prefix + "petunjuk", Hints, shared)])


def main() -> None:
    """Serve on the address JupyterHub gave this service."""
    import logging

    from tornado.httpserver import HTTPServer
    from tornado.ioloop import IOLoop

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    url = os.environ.get("JUPYTERHUB_SERVICE_URL")
    if not url:
        raise KelasError("Layanan cek dijalankan di luar JupyterHub.",
                         "Layanan ini dinyalakan oleh hub kelas (cantik server hub-mulai).")
    parts = urlsplit(url)
    app = make_app(os.environ.get("JUPYTERHUB_SERVICE_PREFIX", f"/services/{SERVICE_NAME}/"))
    HTTPServer(app, max_body_size=MAX_BODY).listen(parts.port or 80, parts.hostname or "127.0.0.1")
    IOLoop.current().start()


if __name__ == "__main__":
    main()
