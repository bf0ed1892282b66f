"""JupyterHub spawners that enforce ``Spawner.mem_limit`` for each learner's single-user server.

JupyterHub's :class:`~jupyterhub.spawner.LocalProcessSpawner` only *reports* ``mem_limit`` (as the
``MEM_LIMIT`` environment variable). The spawners here subclass it and, through its public hooks only
(``start``, ``stop`` and ``make_preexec_fn``), put every server, with its kernels and terminals, under a
limit the kernel enforces:

``cgroup`` (hub running as root, a writable memory cgroup)
    One memory cgroup per user: ``<hub's v1 memory cgroup>/cantik-hub/<user>`` (cgroup v1) or
    ``/sys/fs/cgroup/cantik-hub/<user>`` (cgroup v2, memory controller delegated there). The limit counts
    the server and everything it starts together; going over it makes the kernel's OOM killer end the
    largest process (normally the notebook kernel: JupyterLab shows "kernel died"), the server stays.
    The server joins its cgroup in the child before ``exec`` (before the uid change), so nothing runs
    unlimited. The cgroup is removed when the server stops.
``rlimit`` (fallback: not root, or no writable cgroup)
    ``RLIMIT_DATA`` (``prlimit --data``) set in the child: each *process* (server, every kernel) may have
    at most ``mem_limit`` of private writable memory (heap and anonymous maps, Linux >= 4.7); an
    allocation beyond it raises ``MemoryError`` in the learner's code. Weaker: per process, not per
    learner. Not ``RLIMIT_AS``: that counts reserved address space, and a kernel with a dozen threads
    reserves over 1 GiB (glibc's 64 MiB malloc arenas) while using a few hundred MiB, so a 700 MiB
    ``RLIMIT_AS`` already breaks thread start-up where ``RLIMIT_DATA`` lets it run.

``CantikSpawner.memory_enforcement`` chooses (``auto``: cgroup when possible, else rlimit; ``off``).

Examples
--------
>>> c.JupyterHub.spawner_class = "cantik.server.spawner.CantikLocalSpawner"  # doctest: +SKIP
>>> c.Spawner.mem_limit = "1G"                                             # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import resource
import signal
import time
from pathlib import Path
from typing import Any

from jupyterhub.spawner import LocalProcessSpawner, SimpleLocalProcessSpawner
from traitlets import HasTraits, Unicode

CGROUP_ROOT = Path("/sys/fs/cgroup")
GROUP = "cantik-hub"


class MemoryCgroup:
    """A per-user memory cgroup (v1 or v2) with a hard limit.

    Parameters
    ----------
    path : Path
        The cgroup folder (created by :meth:`create`).
    version : {1, 2}
    """

    def __init__(self, path: Path, version: int) -> None:
        self.path, self.version = Path(path), version

    @classmethod
    def for_user(cls, name: str, root: Path = CGROUP_ROOT) -> MemoryCgroup | None:
        """The cgroup where ``name``'s server would go, or None when no memory cgroup can be used here."""
        if os.geteuid() != 0:
            return None
        v2_controllers = root / "cgroup.controllers"
        if v2_controllers.is_file() and "memory" in v2_controllers.read_text().split():
            return cls(root / GROUP / name, 2)
        v1 = root / "memory"
        if (v1 / "memory.limit_in_bytes").is_file():
            own = "/"
            with contextlib.suppress(OSError):
                for line in Path("/proc/self/cgroup").read_text().splitlines():
                    _, controllers, cpath = line.split(":", 2)
                    if "memory" in controllers.split(","):
                        own = cpath
            return cls(v1 / own.lstrip("/") / GROUP / name, 1)
        return None

    @property
    def procs_file(self) -> Path:
        return self.path / "cgroup.procs"

    def create(self, limit_bytes: int) -> None:
        """Make the cgroup (and its parent) and set the limit; swap counts too where it can be limited."""
        parent = self.path.parent
        parent.mkdir(exist_ok=True)
        if self.version == 2:
            control = parent / "cgroup.subtree_control"
            if "memory" not in control.read_text().split():
                control.write_text("+memory")
        self.path.mkdir(exist_ok=True)
        if self.version == 2:
            (self.path / "memory.max").write_text(str(limit_bytes))
            if (self.path / "memory.swap.max").exists():
                (self.path / "memory.swap.max").write_text("0")
        else:
            (self.path / "memory.limit_in_bytes").write_text(str(limit_bytes))
            memsw = self.path / "memory.memsw.limit_in_bytes"
            if memsw.exists():
                with contextlib.suppress(OSError):  # must stay >= the memory limit; absent without swap
                    memsw.write_text(str(limit_bytes))

    def limit(self) -> int:
        """The limit in bytes, as the kernel reports it."""
        name = "memory.max" if self.version == 2 else "memory.limit_in_bytes"
        return int((self.path / name).read_text().strip())

    def oom_kills(self) -> int:
        """How many processes the OOM killer ended in this cgroup."""
        name = "memory.events" if self.version == 2 else "memory.oom_control"
        with contextlib.suppress(OSError):
            for line in (self.path / name).read_text().splitlines():
                key, _, value = line.partition(" ")
                if key == "oom_kill":
                    return int(value)
        return 0

    def pids(self) -> list[int]:
        try:
            return [int(p) for p in self.procs_file.read_text().split()]
        except OSError:
            return []

    def kill(self) -> None:
        """SIGKILL whatever is still in the cgroup (a stopped server's leftover kernels)."""
        for pid in self.pids():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)

    def remove(self) -> bool:
        """Remove the cgroup if no process is left in it (True when it is gone)."""
        try:
            self.path.rmdir()
        except FileNotFoundError:
            return True
        except OSError as exc:
            if exc.errno == errno.EBUSY:
                return False
            raise
        return True

    def join_fn(self):  # -> Callable[[], None]
        """A function for ``preexec_fn``: move the calling (child) process into this cgroup."""
        procs = str(self.procs_file)

        def join() -> None:
            fd = os.open(procs, os.O_WRONLY)
            try:
                os.write(fd, str(os.getpid()).encode())
            finally:
                os.close(fd)

        return join


def rlimit_fn(limit_bytes: int):  # -> Callable[[], None]
    """A function for ``preexec_fn``: cap the private writable memory of the child (and what it starts,
    each process on its own)."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_DATA, (limit_bytes, limit_bytes))

    return cap


class MemoryLimitMixin(HasTraits):
    """Enforce ``mem_limit`` for LocalProcessSpawner subclasses (see the module docstring)."""

    memory_enforcement = Unicode(
        "auto", help="auto (cgroup when root, else rlimit), cgroup, rlimit or off"
    ).tag(config=True)

    cgroup: MemoryCgroup | None = None
    enforced: str = "off"

    def _choose(self) -> str:
        limit = self.mem_limit  # type: ignore[attr-defined]
        mode = self.memory_enforcement
        if not limit or mode == "off":
            return "off"
        if mode in ("auto", "cgroup"):
            cgroup = MemoryCgroup.for_user(self.user.name)  # type: ignore[attr-defined]
            if cgroup is not None:
                try:
                    cgroup.create(int(limit))
                    self.cgroup = cgroup
                    return "cgroup"
                except OSError as exc:
                    if mode == "cgroup":
                        raise
                    self.log.warning("Memory cgroup %s not usable (%s); using RLIMIT_DATA", cgroup.path, exc)  # type: ignore[attr-defined]
            elif mode == "cgroup":
                raise RuntimeError("memory_enforcement='cgroup' needs root and a memory cgroup")
        return "rlimit"

    async def start(self) -> Any:
        self.enforced = self._choose()
        self.log.info("Memory limit for %s: %s (%s)", self.user.name, self.mem_limit, self.enforced)  # type: ignore[attr-defined]
        try:
            return await super().start()  # type: ignore[misc]
        except BaseException:
            await self._drop_cgroup()
            raise

    def make_preexec_fn(self, name: str):  # -> Callable[[], None]
        inner = super().make_preexec_fn(name)  # type: ignore[misc]
        if self.enforced == "cgroup" and self.cgroup is not None:
            limit = self.cgroup.join_fn()
        elif self.enforced == "rlimit":
            limit = rlimit_fn(int(self.mem_limit))  # type: ignore[attr-defined]
        else:
            return inner

        def preexec() -> None:
            limit()  # first, while still root (cgroup.procs is root's)
            inner()  # then the parent's uid/gid change and chdir

        return preexec

    async def stop(self, now: bool = False) -> None:
        await super().stop(now=now)  # type: ignore[misc]
        await self._drop_cgroup()

    async def _drop_cgroup(self, timeout: float = 10.0) -> None:
        """Remove the user's cgroup after the server stopped (leftover processes are killed first)."""
        cgroup = self.cgroup or (MemoryCgroup.for_user(self.user.name)  # type: ignore[attr-defined]
                                 if self.memory_enforcement != "off" else None)
        self.cgroup = None
        if cgroup is None:
            return
        deadline = time.monotonic() + timeout
        while not cgroup.remove():
            if time.monotonic() > deadline:
                self.log.warning("Memory cgroup %s still has processes %s", cgroup.path, cgroup.pids())  # type: ignore[attr-defined]
                return
            cgroup.kill()
            await asyncio.sleep(0.2)


class CantikLocalSpawner(MemoryLimitMixin, LocalProcessSpawner):
    """LocalProcessSpawner (one Unix account per user) with ``mem_limit`` enforced."""


class CantikSimpleSpawner(MemoryLimitMixin, SimpleLocalProcessSpawner):
    """SimpleLocalProcessSpawner (one-machine trials, tests) with ``mem_limit`` enforced."""
