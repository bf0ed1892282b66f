"""Visitor kernels of the public apps: forked from a warm zygote, confined like grading kernels.

A visitor's kernel used to be a new Python process that imported pandas, matplotlib, ipywidgets and the
app before running the app's notebook (~1 s of CPU, ~95 MiB each). Here one *zygote* per Voilà server
imports all of that once (:class:`cantik.sandbox.zygote.WarmKernels` with the apps' modules preloaded);
every kernel is a ``fork`` of it, whose memory pages stay shared copy-on-write with the zygote and with
every other visitor's kernel.

Visitors are anonymous, so their kernels are confined exactly like the kernels that run learners' code in
grading (:mod:`cantik.sandbox.confine`): the zygote lives in one bubblewrap sandbox (read-only system,
Python, sources and datasets; no network; nothing of the server's own files), and each forked kernel gets
its own mount, PID, network, IPC and UTS namespaces, a fresh ``/tmp`` and home, its own user id, no
capabilities and resource limits.

It plugs into Voilà through jupyter_client's public interface, a *kernel provisioner*:
:class:`VisitorProvisioner` is registered under the entry-point group ``jupyter_client.kernel_provisioners``
as :data:`~cantik.apps.voila_config.PROVISIONER_NAME`, and the production server's kernelspec names it
(:func:`cantik.apps.voila_config.write_kernelspec`). The provisioner talks to the zygote itself: no
per-kernel helper process
(the grading side's ``python -m cantik.sandbox.zygote kernel`` proxy) is started, so a kernel costs a fork
and nothing else. Voilà and jupyter_client are not patched.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import os
import shutil
import signal
import socket
import tempfile
import time
from pathlib import Path
from typing import Any

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning import LocalProvisioner
from traitlets import Integer

from cantik.apps.voila_config import PROVISIONER_NAME  # noqa: F401  (the entry-point name, re-exported)

#: What the zygote imports besides :data:`cantik.sandbox.zygote.WARM_MODULES`: the widgets, the apps'
#: shared module, and each app's module (from the gallery registry).
BASE_PRELOAD = ("ipywidgets", "matplotlib_inline.backend_inline", "cantik.apps.base")
#: Environment variables of Voilà's request that reach a visitor's kernel (nothing else of the server's).
PASSED_ENV_PREFIXES = ("VOILA_", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING", "SERVER_", "JPY_SESSION_NAME",
                       "CANTIK_FIRST_PAINT")


#: Called in the zygote after the imports: every app's first chart drawn once for all visitors.
WARM_STEP = "cantik.apps.warm:warm_first_charts"


def preload_modules() -> list[str]:
    """What the apps' zygote imports once (:data:`BASE_PRELOAD` and every app's module), then
    :data:`WARM_STEP`."""
    from cantik.apps.registry import APPS

    return [*BASE_PRELOAD, *(app.entry.split(":")[0] for app in APPS), WARM_STEP]


# ----------------------------------------------------------------------------------------- the zygote
class _Shared:
    """The one zygote of this server process (started by the first kernel, stopped at exit)."""

    warm: Any = None
    lock: asyncio.Lock | None = None
    failed: str = ""


async def shared_zygote(log: Any = None) -> Any:
    """The running apps' zygote of this process (a sandboxed :class:`~cantik.sandbox.zygote.WarmKernels`),
    started on first use; ``None`` when the sandbox cannot run here (the reason is logged once)."""
    import atexit

    from cantik.sandbox.zygote import WarmKernels

    if _Shared.lock is None:
        _Shared.lock = asyncio.Lock()
    async with _Shared.lock:
        warm = _Shared.warm
        if warm is not None and warm.proc is not None and warm.proc.poll() is None:
            return warm
        if _Shared.failed:
            return None
        if warm is not None:  # it died: a new one on a new socket (running kernels are on their own)
            if log:
                log.warning("cantik: the apps' zygote ended (code %s); starting a new one", warm.proc.poll())
            warm.stop()
        try:
            warm = WarmKernels(sandbox=True, preload=preload_modules())
            warm.launch()
        except Exception as exc:  # SandboxUnavailable (no bwrap, no root) and the like
            _Shared.failed = str(exc)
            if log:
                log.warning("cantik: visitor kernels start cold, NOT confined: %s", exc)
            return None
        ready = Path(warm.socket + ".ready")
        deadline = time.monotonic() + warm.timeout
        while not ready.exists():
            if warm.proc.poll() is not None or time.monotonic() > deadline:
                warm.stop()
                raise RuntimeError(f"cantik apps zygote did not start (code {warm.proc.poll()})")
            await asyncio.sleep(0.02)
        _Shared.warm = warm
        atexit.register(warm.stop)
        return warm


# ------------------------------------------------------------------------------------ the provisioner
@dataclasses.dataclass
class _Link:
    """The provisioner's connection to one kernel's monitor (:func:`cantik.sandbox.confine._monitor`).

    Read without a task of its own (:meth:`VisitorProvisioner._drain`): jupyter_server shuts the kernels
    down at exit on a new event loop, where a reader task of the old loop would never run again.
    """

    sock: socket.socket
    data: bytes = b""
    code: int | None = None
    reported: bool = False


class VisitorProvisioner(LocalProvisioner):  # type: ignore[misc]
    """A kernel provisioner whose kernels are forked from the apps' zygote and confined.

    Limits are traitlets configuration (``c.VisitorProvisioner.memory_mb = 768`` in ``voila.json``).
    Everything else is jupyter_client's local provisioner: the connection file it writes (Unix sockets in
    the kernel's own folder, ``transport = "ipc"``: the kernel has no network), signals and shut-down
    through the kernel's monitor instead of a child process.
    """

    memory_mb = Integer(1024, help="Address space per visitor kernel, MiB.").tag(config=True)
    processes = Integer(32, help="Processes and threads per visitor kernel.").tag(config=True)
    file_mb = Integer(8, help="Largest file a visitor kernel may write, MiB.").tag(config=True)
    cpu_seconds = Integer(
        1800, help="CPU seconds per visitor kernel over its whole life (then it is stopped).").tag(
        config=True)
    home_mb = Integer(16, help="Size of a visitor kernel's writable home (tmpfs), MiB.").tag(config=True)
    nice = Integer(10, min=-1, max=19, help=(
        "Niceness of visitor kernels, which also share one scheduling group (autogroup) with their "
        "zygote: the server, which sends every visitor's page and first chart, keeps its share of the CPU "
        "when many kernels run at once. -1: each kernel leads a session of its own at full weight (as "
        "grading kernels do; for comparison).")).tag(config=True)

    run_dir: Path | None = None
    link: _Link | None = None
    cold = False

    @property
    def has_process(self) -> bool:
        if self.cold:
            return super().has_process
        return self.link is not None

    async def pre_launch(self, **kwargs: Any) -> dict[str, Any]:
        km = self.parent
        self.zygote = await shared_zygote(getattr(km, "log", None))
        if self.zygote is None:  # no sandbox on this machine: the kernelspec's cold kernel
            self.cold = True
            return await super().pre_launch(**kwargs)
        spool = Path(self.zygote.dir) / "s"
        if self.run_dir is not None:  # a restart: the old kernel's folder goes
            shutil.rmtree(self.run_dir, ignore_errors=True)
        self.run_dir = Path(tempfile.mkdtemp(prefix="cantik-v-", dir=spool))
        from cantik.sandbox.bwrap import UID_BASE

        # a user id of its own while this folder exists (its inode number), as for grading kernels
        self.uid = UID_BASE + self.run_dir.stat().st_ino % 1_000_000_000
        os.chown(self.run_dir, 0, self.uid)
        self.run_dir.chmod(0o770)
        km.transport = "ipc"
        km.ip = str(self.run_dir / "k")
        km.cache_ports = False
        km.connection_file = str(self.run_dir / "kernel.json")
        self.visitor_env = {k: v for k, v in (kwargs.get("env") or {}).items()
                            if k.startswith(PASSED_ENV_PREFIXES)}
        kwargs = await super().pre_launch(**kwargs)
        os.chown(km.connection_file, 0, self.uid)  # readable, not writable, by the kernel
        os.chmod(km.connection_file, 0o640)
        return kwargs

    def box(self) -> dict[str, Any]:
        """The confinement of this kernel (:func:`cantik.sandbox.confine.enter`)."""
        from cantik.paths import datasets_dir
        from cantik.sandbox.bwrap import HOME, WORKDIR, Limits, kernel_env, python_paths

        assert self.run_dir is not None
        limits = Limits(memory_mb=self.memory_mb, processes=self.processes, file_mb=self.file_mb,
                        cpu_seconds=self.cpu_seconds, home_mb=self.home_mb)
        return {
            "run_dir": str(self.run_dir),
            "uid": self.uid,
            "limits": dataclasses.asdict(limits),
            "home": HOME,
            "workdir": WORKDIR,
            "files": str(self.run_dir / ".kerja"),  # none: an app reads only the datasets
            "keep": [str(p) for p in python_paths()],
            "hide": [],
            "env": kernel_env(datasets_dir(), self.visitor_env),
        }

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        if self.cold:
            return await super().launch_kernel(cmd, **kwargs)
        km = self.parent
        box = self.box()
        request = {"argv": ["-f", km.connection_file, "--IPKernelApp.extensions=ipywidgets"],
                   "env": box.pop("env"), "cwd": box["workdir"], "proxy_pid": os.getpid(), "box": box}
        if self.nice >= 0:  # the kernel yields the CPU to the server (cantik.sandbox.zygote.yield_cpu)
            request["nice"] = self.nice
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.setblocking(False)
        loop = asyncio.get_running_loop()
        await loop.sock_connect(sock, self.zygote.socket)
        # the kernel's stdin, stdout and stderr: nothing of the server's (its log, its terminal)
        null = [os.open(os.devnull, os.O_RDWR) for _ in range(3)]
        try:
            sock.setblocking(True)
            socket.send_fds(sock, [json.dumps(request).encode()], null)
        finally:
            for fd in null:
                os.close(fd)
        sock.setblocking(False)
        self.link = _Link(sock)
        self._locker = asyncio.ensure_future(self._lock_run_dir(km))
        self.pid = None
        self.cwd = box["workdir"]
        return self.connection_info

    async def _lock_run_dir(self, km: Any, timeout: float = 60.0) -> None:
        """Once the kernel has made its five sockets, take away its right to create files on the host
        (its connection folder is the only host folder it can write to), as for grading kernels."""
        run_dir = self.run_dir
        ports = (km.shell_port, km.iopub_port, km.stdin_port, km.control_port, km.hb_port)
        sockets = [Path(f"{km.ip}-{port}") for port in ports]
        deadline = time.monotonic() + timeout
        while run_dir is not None and not all(p.exists() for p in sockets):
            if time.monotonic() > deadline or self._drain() is not None:
                return
            await asyncio.sleep(0.02)
        with contextlib.suppress(OSError):
            run_dir.chmod(0o750)  # type: ignore[union-attr]

    def _drain(self) -> int | None:
        """Read what the monitor sent so far; the kernel's exit code once it ended (or the link broke)."""
        link = self.link
        if link is None:
            return 0
        while link.code is None:
            try:
                chunk = link.sock.recv(4096, socket.MSG_DONTWAIT)
            except (BlockingIOError, InterruptedError):
                return None
            except OSError:
                chunk = b""
            if not chunk:  # the monitor is gone without a word: as if killed
                link.code = -signal.SIGKILL
                break
            link.data += chunk
            while b"\n" in link.data and link.code is None:
                line, link.data = link.data.split(b"\n", 1)
                with contextlib.suppress(ValueError, AttributeError):
                    status = json.loads(line).get("status")
                    if status is not None:
                        link.code = (-os.WTERMSIG(status) if os.WIFSIGNALED(status)
                                     else os.waitstatus_to_exitcode(status))
        log = getattr(self.parent, "log", None)
        if log is not None and link.code not in (0, -signal.SIGTERM, -signal.SIGKILL) and not link.reported:
            link.reported = True  # a kernel that died by itself: the restart Voilà logs next has a reason
            log.warning("cantik: a visitor kernel ended by itself (exit code %s)", link.code)
        return link.code

    async def poll(self) -> int | None:
        if self.cold:
            return await super().poll()
        return self._drain()

    async def wait(self) -> int | None:
        if self.cold:
            return await super().wait()
        while (code := self._drain()) is None:
            await asyncio.sleep(0.05)
        self._close_link()
        return code

    async def send_signal(self, signum: int) -> None:
        if self.cold:
            return await super().send_signal(signum)
        if self.link is None or self._drain() is not None:
            return None
        with contextlib.suppress(OSError):
            self.link.sock.send(json.dumps({"signal": int(signum)}).encode() + b"\n")
        return None

    async def kill(self, restart: bool = False) -> None:
        if self.cold:
            return await super().kill(restart)
        await self.send_signal(signal.SIGKILL)
        return None

    async def terminate(self, restart: bool = False) -> None:
        if self.cold:
            return await super().terminate(restart)
        await self.send_signal(signal.SIGTERM)
        return None

    def _close_link(self) -> None:
        """Closing the link makes the monitor kill the kernel (if it still runs) and end."""
        if self.link is not None:
            self.link.sock.close()
            self.link = None

    async def cleanup(self, restart: bool = False) -> None:
        if self.cold:
            return await super().cleanup(restart)
        self._close_link()
        if self.run_dir is not None and not restart:
            shutil.rmtree(self.run_dir, ignore_errors=True)
            self.run_dir = None
        return None
