"""A jupyter_client kernel manager whose kernels run inside a bubblewrap sandbox.

:class:`SandboxKernelManager` is an ordinary ``AsyncKernelManager``: nbclient, nbgrader's ``Execute``
and the trainer workflow drive it like any other. Only two things differ:

* the kernel talks over Unix sockets (``transport = "ipc"``) in a private folder of its own, because the
  sandbox has no network at all, not even loopback shared with the grader;
* the launch command is wrapped by :func:`cantik.sandbox.bwrap.build_command` (limits, read-only system,
  private home, no network, own PID namespace, own user id when the grader is root), or asks the warm
  zygote for a kernel confined the same way (:mod:`cantik.sandbox.confine`; as root or not);
* the kernel's stdin, stdout and stderr are ``/dev/null`` (never the grader's log or terminal), and the
  whole submission has one budget of memory, processes and CPU share (:mod:`cantik.sandbox.quota`:
  cgroups as root, else a watchdog), which also measures how long the kernel waited for a CPU.

Limits are traitlets configuration, so nbgrader's configuration file can set them, e.g.
``c.SandboxKernelManager.memory_mb = 1024``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import typing as t
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import Integer, List, Unicode, default

from cantik.sandbox.bwrap import (
    DATASETS,
    HOME,
    REAL_DATA,
    UID_BASE,
    WORKDIR,
    Limits,
    SandboxSpec,
    build_command,
    find_bwrap,
    kernel_env,
    python_paths,
    working_files,
)
from cantik.sandbox.quota import SubmissionCgroups, Watchdog, proc_stat
from cantik.sandbox.zygote import ZYGOTE_ENV, kernel_command


class SandboxKernelManager(AsyncKernelManager):
    """Start each kernel inside its own sandbox (see :mod:`cantik.sandbox.bwrap`).

    Examples
    --------
    >>> km = SandboxKernelManager(kernel_name="python3")            # doctest: +SKIP
    >>> await km.start_kernel(cwd="grading/autograded/budi/modul1")  # doctest: +SKIP
    """

    memory_mb = Integer(2048, help="Memory (address space) per kernel, MiB.").tag(config=True)
    processes = Integer(64, help="Processes and threads per kernel.").tag(config=True)
    file_mb = Integer(32, help="Largest file a kernel may write, MiB.").tag(config=True)
    cpu_seconds = Integer(300, help="CPU seconds per kernel (the whole notebook).").tag(config=True)
    home_mb = Integer(64, help="Size of the kernel's writable home (tmpfs), MiB.").tag(config=True)
    datasets_dir = Unicode(
        "", help="Datasets shown read-only (default: cantik.paths.datasets_dir()); 'none' for no data."
    ).tag(config=True)
    submitted_dir = Unicode(
        "", help="The learner's folder in nbgrader's submitted/: files that are links there are not shown."
    ).tag(config=False)
    read_only_paths = List(Unicode(), help="Extra host paths shown read-only at the same path.").tag(
        config=True)
    submission_memory_mb = Integer(
        0, help="Memory of all processes of one submission together, MiB (a cgroup as root, else the "
                "watchdog of cantik.sandbox.quota); 0: the same as memory_mb.").tag(config=True)
    zygote = Unicode(
        help="Socket of a sandboxed warm zygote (cantik.sandbox.zygote.WarmKernels(sandbox=True)): kernels "
             "are forked from it, already past importing pandas and matplotlib, and confined one by one "
             "(cantik.sandbox.confine). Empty: every kernel starts cold in its own bwrap."
    ).tag(config=True)

    @default("zygote")
    def _default_zygote(self) -> str:
        return os.environ.get(ZYGOTE_ENV, "")

    @default("transport")
    def _default_transport(self) -> str:
        return "ipc"

    @default("kernel_name")
    def _default_kernel_name(self) -> str:
        return "python3"

    def __init__(self, **kwargs: t.Any) -> None:
        super().__init__(**kwargs)
        self.run_dir: Path | None = None
        self.sandbox_uid: int | None = None
        self.cgroups: SubmissionCgroups | None = None
        self.watchdog: Watchdog | None = None
        #: Set (in Indonesian terms: "memori") when the submission's budget stopped the kernel.
        self.budget_exceeded: str | None = None

    @property
    def limits(self) -> Limits:
        return Limits(memory_mb=self.memory_mb, processes=self.processes, file_mb=self.file_mb,
                      cpu_seconds=self.cpu_seconds, home_mb=self.home_mb)

    def _datasets(self) -> Path | None:
        if self.datasets_dir == "none":
            return None
        if self.datasets_dir:
            return Path(self.datasets_dir)
        from cantik.paths import datasets_dir

        return datasets_dir()

    def _new_run_dir(self) -> None:
        """A private folder for the connection file and sockets (short path: socket names ≤ 107 bytes)."""
        self._cleanup_run_dir()
        spool = Path(self.zygote).parent / "s" if self.zygote else Path("/tmp")
        self.run_dir = Path(tempfile.mkdtemp(prefix="cantik-sbx-", dir=spool))
        if os.geteuid() == 0:
            # a user id of its own: unique while this folder exists (its inode number). The folder stays
            # root's: the kernel may create its sockets through the group, until _lock_run_dir.
            self.sandbox_uid = UID_BASE + self.run_dir.stat().st_ino % 1_000_000_000
            os.chown(self.run_dir, 0, self.sandbox_uid)
            self.run_dir.chmod(0o770)
        else:
            self.run_dir.chmod(0o700)
        self.connection_file = str(self.run_dir / "kernel.json")
        self.ip = str(self.run_dir / "k")

    def _cleanup_run_dir(self) -> None:
        if self.watchdog is not None:
            self.watchdog.stop()
            self.watchdog = None
        if self.cgroups is not None:
            self.cgroups.remove()
            self.cgroups = None
        if self.run_dir is not None:
            shutil.rmtree(self.run_dir, ignore_errors=True)
            for marker in (".pid", ".ro"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(str(self.run_dir) + marker)
            self.run_dir = None

    @property
    def budget_memory_mb(self) -> int:
        """Memory of the whole submission (:attr:`submission_memory_mb`, else :attr:`memory_mb`)."""
        return self.submission_memory_mb or self.memory_mb

    async def _async_pre_start_kernel(self, **kw: t.Any) -> tuple[list[str], dict[str, t.Any]]:
        find_bwrap()  # a clear Indonesian message before anything is written
        if self.transport != "ipc":
            from cantik.sandbox.bwrap import SandboxUnavailable

            raise SandboxUnavailable("Sandbox penilaian membutuhkan transport 'ipc' (tanpa jaringan).")
        self._new_run_dir()
        # a SIGINT to the process group would stop bwrap itself: interrupt over the control channel
        if self.kernel_spec is not None:
            self.kernel_spec.interrupt_mode = "message"
        kernel_cmd, kw = await super()._async_pre_start_kernel(**kw)
        # nothing of the grader's reaches the kernel: not its log (stdout/stderr), not the terminal
        kw.update(stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.budget_exceeded = None
        self.cgroups = SubmissionCgroups.create(self.run_dir.name, self.budget_memory_mb,  # type: ignore[union-attr]
                                                self.processes)
        if self.sandbox_uid is not None:  # readable, not writable, by the kernel
            os.chown(self.connection_file, 0, self.sandbox_uid)
            os.chmod(self.connection_file, 0o640)
        cwd = kw.pop("cwd", None)
        env = kw.get("env") or {}
        spec = SandboxSpec(
            run_dir=self.run_dir,  # type: ignore[arg-type]
            source_dir=Path(cwd) if cwd and os.path.isdir(cwd) else None,
            limits=self.limits,
            read_only=[Path(p) for p in self.read_only_paths],
            datasets=self._datasets(),
            env={k: env[k] for k in ("NBGRADER_EXECUTION", "JPY_SESSION_NAME") if k in env},
            submitted_dir=Path(self.submitted_dir) if self.submitted_dir else None,
            uid=self.sandbox_uid,
        )
        if self.zygote:
            return self._warm_command(kernel_cmd, spec), kw
        prefix = self.cgroups.join_prefix() if self.cgroups is not None else []
        return [*prefix, *build_command(kernel_cmd, spec)], kw

    def _warm_command(self, kernel_cmd: list[str], spec: SandboxSpec) -> list[str]:
        """Ask the warm zygote for a kernel confined like ``spec`` (see :mod:`cantik.sandbox.confine`)."""
        import dataclasses

        run_dir = spec.run_dir
        files = run_dir / ".kerja"
        files.mkdir(mode=0o755)
        if spec.source_dir is not None:  # copies: the zygote's sandbox cannot see the grader's folders
            for host, rel in working_files(spec.source_dir, submitted_dir=spec.submitted_dir):
                dest = files / rel
                dest.parent.mkdir(parents=True, exist_ok=True, mode=0o755)
                shutil.copyfile(host, dest)
                dest.chmod(0o444)
        box = {
            "run_dir": str(run_dir),
            "uid": spec.uid,
            "limits": dataclasses.asdict(spec.limits),
            "home": HOME,
            "workdir": WORKDIR,
            "files": str(files),
            "keep": [str(p) for p in [*python_paths(), *spec.read_only]],
            "hide": [] if spec.datasets is not None else [DATASETS, REAL_DATA],
            "env": kernel_env(spec.datasets, spec.env),
            "cgroups": self.cgroups.procs_files if self.cgroups is not None else [],
        }
        box_file = run_dir / ".box.json"
        box_file.write_text(json.dumps(box))
        box_file.chmod(0o600)
        args = kernel_cmd[kernel_cmd.index("-f"):] if "-f" in kernel_cmd else kernel_cmd[3:]
        return kernel_command(self.zygote, "--box", str(box_file), *args)

    async def _async_post_start_kernel(self, **kw: t.Any) -> None:
        await super()._async_post_start_kernel(**kw)
        await self._lock_run_dir()
        await self._watch()

    async def _wait_for(self, ready: t.Callable[[], bool], timeout: float = 60.0) -> bool:
        """Poll ``ready`` until it holds (True), the kernel ends or ``timeout`` passes (False)."""
        import asyncio
        import time

        deadline = time.monotonic() + timeout
        while not ready():
            if time.monotonic() > deadline or self.exit_status() is not None:
                return False
            await asyncio.sleep(0.005)
        return True

    async def _lock_run_dir(self) -> None:
        """Once the kernel has made its five sockets, take away its right to create files on the host.

        The connection folder is the only host folder the kernel can write to; locked, it cannot be used
        to fill the trainer's disk. As root the folder is the grader's (the kernel wrote through its
        group); a warm kernel of an ordinary user is the folder's owner outside, so its monitor makes the
        folder read-only in the kernel's mount namespace instead and says so (``<run_dir>.ro``).
        """
        if self.run_dir is None:
            return
        if self.sandbox_uid is None:
            if self.zygote:
                await self._wait_for(Path(str(self.run_dir) + ".ro").exists)
            return
        ports = (self.shell_port, self.iopub_port, self.stdin_port, self.control_port, self.hb_port)
        sockets = [Path(f"{self.ip}-{port}") for port in ports]
        await self._wait_for(lambda: all(p.exists() for p in sockets))
        self.run_dir.chmod(0o750)

    async def _watch(self) -> None:
        """Start the :class:`~cantik.sandbox.quota.Watchdog` on the sandbox's own ``/proc``."""
        from cantik.sandbox.zygote import monitor_pid_file

        root: list[int] = []

        def found() -> bool:
            if self.zygote:  # the monitor shares the kernel's mount namespace (and its /proc)
                with contextlib.suppress(OSError, ValueError):
                    root[:] = [int(monitor_pid_file(self.run_dir).read_text())]  # type: ignore[arg-type]
            else:  # bubblewrap's first child is PID 1 of the sandbox, the kernel its first child
                init = _children(self.provisioner.process.pid)[:1]  # type: ignore[union-attr]
                root[:] = _children(init[0])[:1] if init else []
            return bool(root) and Path(f"/proc/{root[0]}/root/proc/2").exists()

        if not await self._wait_for(found, timeout=10):
            self.log.warning("Sandbox: the kernel's processes were not found; no budget watchdog")
            return
        try:
            self.watchdog = Watchdog(Path(f"/proc/{root[0]}/root/proc"), self.budget_memory_mb,
                                     police=self.cgroups is None, cgroups=self.cgroups,
                                     on_exceeded=self._exceeded).start()
        except OSError as exc:
            self.log.warning("Sandbox: the kernel's processes cannot be watched (%s)", exc)

    def _exceeded(self, what: str) -> None:
        self.budget_exceeded = what
        self.kill_now()

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            self._cleanup_run_dir()

    cleanup_resources = _async_cleanup_resources  # type: ignore[assignment]

    def exit_status(self) -> int | None:
        """Exit status of the sandbox (``-N``: killed by signal N), ``None`` while it runs."""
        proc = getattr(self.provisioner, "process", None)
        if proc is None:
            return None
        return proc.poll()

    def task_count(self) -> int | None:
        """Processes + threads running under this sandbox's own user id (``None`` when it has none)."""
        if self.sandbox_uid is None:
            return None
        from cantik.sandbox.bwrap import tasks_of

        return tasks_of(self.sandbox_uid)

    def kill_now(self) -> None:
        """SIGKILL the whole sandbox at once (from any thread or coroutine)."""
        proc = getattr(self.provisioner, "process", None)
        if proc is not None and proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(proc.pid, signal.SIGKILL)


def _children(pid: int) -> list[int]:
    """Ids of the processes whose parent is ``pid`` (oldest first)."""
    found = []
    for entry in os.scandir("/proc"):
        fields = proc_stat(Path(entry.path)) if entry.name.isdigit() else None
        if fields is not None and int(fields[1]) == pid:
            found.append((int(fields[19]), int(entry.name)))
    return [p for _, p in sorted(found)]


async def start_sandboxed_kernel(
    cwd: str | os.PathLike[str] | None = None,
    kernel_name: str = "python3",
    warm_up: str = "",
    **config: t.Any,
) -> tuple[SandboxKernelManager, t.Any]:
    """Start a sandboxed kernel and wait until it answers; return ``(manager, client)``.

    Use it to pre-start ("warm") the kernel of the next submission while the current one runs: ``warm_up``
    is code run silently once the kernel is ready (e.g. ``"import pandas, matplotlib.pyplot"``); the
    manager can then be handed to ``SandboxExecute.preprocess(nb, resources, km=km)``.
    ``config`` sets :class:`SandboxKernelManager` traits (``memory_mb=…``, ``cpu_seconds=…``,
    ``submitted_dir=…``).

    Examples
    --------
    >>> km, kc = await start_sandboxed_kernel("grading/autograded/budi/modul1")  # doctest: +SKIP
    >>> reply = await kc.execute_interactive("1 + 1")                          # doctest: +SKIP
    >>> kc.stop_channels(); await km.shutdown_kernel(now=True)                 # doctest: +SKIP
    """
    km = SandboxKernelManager(kernel_name=kernel_name, **config)
    await km.start_kernel(cwd=str(cwd) if cwd is not None else None)
    kc = km.client()
    kc.start_channels()
    try:
        await kc.wait_for_ready(timeout=60)
        if warm_up:
            reply = await kc.execute_interactive(warm_up, silent=True, store_history=False, timeout=120)
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"warm-up code failed in the sandbox: {reply['content'].get('evalue')}")
    except BaseException:
        kc.stop_channels()
        await km.shutdown_kernel(now=True)
        raise
    return km, kc
