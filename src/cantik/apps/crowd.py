"""Back-pressure with honesty: the apps' Voilà server at its limit (no pandas, no widgets here).

A link shared by a kabupaten's social media brings many visitors in the same minute. Each visitor's live app
needs a kernel (memory) that must run the app once (CPU). When the machine is at its limit, a new visitor
must not wait for a time-out: :class:`CrowdKernelManager` (Voilà's ``multi_kernel_manager_class``) refuses
to start one more kernel, and the visitor gets at once the page of :data:`BUSY_TEMPLATE` (HTTP 503): the
app's first chart and summary from the cache (:mod:`cantik.apps.first_paint`), the line
"Aplikasi interaktif sedang ramai; grafik di atas tetap bisa dibaca…", and a page that tries again by
itself (after :attr:`CrowdKernelManager.retry_seconds`, spread at random so the retries do not come back
as one crowd).

The limit (:meth:`CrowdKernelManager.limit_reason`):

* memory: less than ``memory_reserve_mb`` MiB available on the machine (``MemAvailable``), or
  ``max_kernels`` kernels running when that is set;
* CPU: more than ``starts_per_cpu`` × CPUs kernels starting or busy at once (a new visitor would queue
  behind all of them).

Under pressure (kernels at ``pressure`` × their limit, or memory below twice the reserve) idle kernels are
culled sooner (``pressure_cull_idle_timeout``, connected or not; ``pressure_cull_disconnected`` when no page
is connected any more: Voilà keeps a kernel after its visitor closed the page), and pool refills start as
plain kernels (no prefetching of the next charts: the CPU goes to the visitors waiting). Once the pressure
is over, the kernel pools Voilà emptied are filled again.

Everything here is public Voilà / jupyter_server configuration:
``VoilaConfiguration.multi_kernel_manager_class`` names this class, Voilà wraps it with its pooling
manager, and the busy page is a Jinja template of ours that jupyter_server's ``write_error`` renders for
status 503.
"""

from __future__ import annotations

import asyncio
import os
import re
import time
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado.web import HTTPError
from traitlets import Float, Integer

from cantik.apps.voila_config import APP_ENV

#: The template (in our ``cantik`` Voilà template folder) that jupyter_server renders for status 503.
BUSY_TEMPLATE = "503.html"
#: The line a visitor reads when the live app cannot start now.
BUSY_LINE = ("Aplikasi interaktif sedang ramai; grafik di atas tetap bisa dibaca. Halaman ini mencoba lagi "
             "sendiri dalam beberapa detik, Anda tidak perlu memuat ulang.")


class CrowdedError(HTTPError):
    """No kernel can start now: jupyter_server renders :data:`BUSY_TEMPLATE` with this as ``exception``.

    ``app`` is the app's notebook name without ``.ipynb`` and ``place`` the place the page's URL asks for
    (the cached first paint of that app and place is ``paint``), ``retry`` the seconds after which the page
    tries again.
    """

    def __init__(self, app: str, reason: str, retry: int, place: str | None = None) -> None:
        super().__init__(503, "cantik: no kernel for %s now (%s)", app or "?", reason,
                         reason="Aplikasi sedang ramai")
        from cantik.apps.first_paint import cached

        self.app = app
        self.why = reason
        self.retry = retry
        self.line = BUSY_LINE
        #: The app's cached first chart and summary (the busy page is rendered by jupyter_server's
        #: ``write_error`` in Voilà's own Jinja environment, which has not our exporter's filters).
        self.paint = cached(app, place)


def app_of(env: dict[str, str], base_url: str = "/") -> str:
    """The app a kernel is for: :data:`APP_ENV` (pool kernels), else the page's path (``SCRIPT_NAME``).

    Examples
    --------
    >>> app_of({"SCRIPT_NAME": "/services/galeri/voila/render/kalkulator_stunting.ipynb"})
    'kalkulator_stunting'
    >>> app_of({"CANTIK_APP": "profil_kelurahan"})
    'profil_kelurahan'
    """
    if env.get(APP_ENV):
        return env[APP_ENV]
    match = re.search(r"/voila/render/(.+?)(\.ipynb)?$", env.get("SCRIPT_NAME", ""))
    return match.group(1) if match else ""


def place_of(env: dict[str, str]) -> str:
    """The place the page's URL asks for (``?wilayah=``, checked: an unknown value gives the default).

    Examples
    --------
    >>> place_of({"QUERY_STRING": "wilayah=malinau"}), place_of({"QUERY_STRING": "wilayah=../x"})
    ('malinau', 'kandangan_utara')
    """
    from cantik.apps.place import requested

    return requested(env.get("QUERY_STRING", ""))[0]


def memory_available_mb() -> int:
    """``MemAvailable`` of the machine, MiB (what can be used without swapping)."""
    with open("/proc/meminfo", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) // 1024
    return 0


class CrowdKernelManager(AsyncMappingKernelManager):  # type: ignore[misc]
    """jupyter_server's kernel manager with an honest limit (see the module's description).

    Set in ``voila.json`` as ``VoilaConfiguration.multi_kernel_manager_class``; its traits are configured as
    ``c.CrowdKernelManager.…``.
    """

    max_kernels = Integer(0, help="Kernels at most (0: only the memory limit applies).").tag(config=True)
    memory_reserve_mb = Integer(
        1024, help="Start no kernel when less than this much memory (MiB) is available.").tag(config=True)
    starts_per_cpu = Integer(
        30, help="Kernels starting or busy at once, per CPU, beyond which a new visitor gets the busy page "
                 "(they would wait behind all of them).").tag(config=True)
    retry_seconds = Integer(10, help="The busy page tries again after this (plus up to 50 % at random).").tag(
        config=True)
    pressure = Float(0.75, help="Fraction of a limit from which idle kernels are culled sooner.").tag(
        config=True)
    pressure_cull_idle_timeout = Integer(
        120, help="Seconds of inactivity after which a kernel is culled under pressure (connected or "
                  "not).").tag(config=True)
    pressure_cull_disconnected = Integer(
        30, help="Under pressure, seconds after which an idle kernel with no page connected (its visitor "
                 "has left: Voilà keeps the kernel until it is culled) is shut down.").tag(config=True)
    check_interval = Float(2.0, help="Seconds between two checks of the pressure.").tag(config=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._normal_cull = (self.cull_idle_timeout, self.cull_connected)
        self._checker: Any = None
        self._last_cull = 0.0
        self.under_pressure = False
        #: Kernels whose page has connected at least once (seen by the pressure check).
        self._connected_once: set[str] = set()
        #: Visitors sent the busy page since the server started (for the log and the benchmark).
        self.refused = 0

    # ------------------------------------------------------------------------------------ the limit
    def cpu_count(self) -> int:
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)

    def busy_count(self) -> int:
        """Kernels starting, or running code (a notebook, a widget callback)."""
        return sum(1 for k in self._kernels.values()
                   if getattr(k, "execution_state", "starting") in ("starting", "busy"))

    def limit_reason(self) -> str:
        """Why no kernel may start now (``""``: one may)."""
        if self.max_kernels and len(self._kernels) >= self.max_kernels:
            return f"{len(self._kernels)} kernel berjalan (batas {self.max_kernels})"
        available = memory_available_mb()
        if available < self.memory_reserve_mb:
            return f"memori tersedia {available} MiB < {self.memory_reserve_mb} MiB"
        busy, most = self.busy_count(), self.starts_per_cpu * self.cpu_count()
        if busy >= most:
            return f"{busy} kernel sedang mulai atau sibuk (batas {most})"
        return ""

    def pressed(self) -> bool:
        """Is the server near a limit (``pressure`` × the limit)?"""
        if self.max_kernels and len(self._kernels) >= self.pressure * self.max_kernels:
            return True
        if memory_available_mb() < 2 * self.memory_reserve_mb:
            return True
        return self.busy_count() >= self.pressure * self.starts_per_cpu * self.cpu_count()

    # ------------------------------------------------------------------------------------ starting
    async def start_kernel(self, *, kernel_id: str | None = None, path: str | None = None,
                           **kwargs: Any) -> str:
        """Start a kernel, or raise :class:`CrowdedError` at the limit (see the module's description)."""
        self._watch_pressure()
        env = dict(kwargs.get("env") or {})
        reason = self.limit_reason()
        if reason:
            self.refused += 1
            app = app_of(env, getattr(self.parent, "base_url", "/"))
            self.log.warning("cantik: busy page for %s (%s; %d refused so far)", app, reason, self.refused)
            raise CrowdedError(app, reason, self.retry_seconds, place_of(env))
        if env.get("VOILA_PREHEAT") == "True" and self.pressed():
            # a pool refill during a crowd: a plain kernel (no prefetching), the CPU goes to visitors
            env["VOILA_PREHEAT"] = "False"
            kwargs["env"] = env
        return await super().start_kernel(kernel_id=kernel_id, path=path, **kwargs)

    # ------------------------------------------------------------------------------------ pressure
    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        """jupyter_server's culling, and under pressure sooner for a kernel whose visitor has left.

        Voilà does not shut a kernel down when its page closes; the kernel waits for the culler. Under
        pressure, a kernel whose page was connected and is not any more, idle for
        ``pressure_cull_disconnected`` seconds, goes at once. (A kernel whose page has not connected yet is
        not one of them: the visitor may still be loading the page.) Voilà's pooling manager, this class's
        subclass, never passes its pool kernels here.
        """
        kernel = self._kernels.get(kernel_id)
        if (self.under_pressure and kernel is not None and hasattr(kernel, "last_activity")
                and kernel_id in self._connected_once and not self._kernel_connections.get(kernel_id, 0)
                and getattr(kernel, "execution_state", None) != "busy"):
            from datetime import UTC, datetime

            idle = (datetime.now(UTC) - kernel.last_activity).total_seconds()
            if idle > self.pressure_cull_disconnected:
                self.log.warning("cantik: under pressure: kernel %s culled (no page connected, idle %d s)",
                                 kernel_id, idle)
                await self.shutdown_kernel(kernel_id)
                return
        await super().cull_kernel_if_idle(kernel_id)

    def _watch_pressure(self) -> None:
        if self._checker is None:
            from tornado.ioloop import PeriodicCallback

            self._checker = PeriodicCallback(self._check_pressure, self.check_interval * 1000)
            self._checker.start()

    def _check_pressure(self) -> None:
        # the kernels whose page has connected (jupyter_server counts each kernel's websockets)
        self._connected_once = {k for k in self._connected_once if k in self._kernels}
        self._connected_once.update(k for k, n in self._kernel_connections.items() if n)
        pressed = self.pressed()
        if pressed != self.under_pressure:
            self.under_pressure = pressed
            if pressed:
                self.cull_idle_timeout = min(self._normal_cull[0] or self.pressure_cull_idle_timeout,
                                             self.pressure_cull_idle_timeout)
                self.cull_connected = True
                self.log.warning("cantik: under pressure: idle kernels culled after %d s",
                                 self.cull_idle_timeout)
            else:
                self.cull_idle_timeout, self.cull_connected = self._normal_cull
                self.log.info("cantik: pressure over: idle kernels culled after %d s", self.cull_idle_timeout)
        now = time.monotonic()
        if pressed and now - self._last_cull >= 5 * self.check_interval:
            # Voilà's culler runs every cull_interval (a minute): under pressure, look more often
            self._last_cull = now
            self._culling = asyncio.ensure_future(self.cull_kernels())
        if not pressed and not self.limit_reason():
            self._refill_pools()

    def _refill_pools(self) -> None:
        """Fill again the kernel pools that visitors emptied while no kernel could start."""
        fill = getattr(self, "fill_if_needed", None)  # Voilà's pooling manager (this class's subclass)
        data = getattr(self, "notebook_data", None)
        if fill is None or not data:
            return
        for notebook in list(data):
            if self.get_pool_size(notebook) == 0:  # type: ignore[attr-defined]
                fill(delay=0, notebook_name=notebook)
