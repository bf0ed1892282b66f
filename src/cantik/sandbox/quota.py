"""Budgets per submission, not per process: memory, processes and a fair share of the CPU for everything
one submission's kernel starts, and how long the kernel waited for a CPU (stdlib only).

A kernel's resource limits (:class:`cantik.sandbox.bwrap.Limits`) are per process; a submission that
starts ten processes could use ten times the memory and take ten shares of the CPU from the learners
graded beside it. Here the whole submission counts:

``cgroup`` (grader running as root, cgroup v1 or v2 writable)
    :class:`SubmissionCgroups`: one cgroup per submission in the memory, cpu and pids controllers. The
    memory limit counts every process of the submission together (the kernel's OOM killer acts inside
    it), the process limit too, and every submission gets the same CPU weight, however many processes it
    runs. The kernel joins before any learner code runs (the cold sandbox through a tiny ``sh`` prefix,
    the warm one by writing to ``cgroup.procs`` files the grader opened).
``watchdog`` (an ordinary user, or no writable cgroup)
    :class:`Watchdog` polls the submission's processes (through its own ``/proc``, seen from the grader as
    ``/proc/<pid>/root/proc``) every :data:`POLL_SECONDS`: the proportional memory of all of them together
    against the same budget (over it, the whole sandbox is killed and the reason recorded), and when the
    submission uses more than one CPU, every task but the kernel's main thread goes to the lowest priority
    (``nice`` 19, also for their autogroup), so a crowd of spinners weighs less than one honest kernel.
    The process count is already per submission there (a user id, or a user namespace, of its own).

Both ways, :meth:`Watchdog.sample` tells how long the kernel's main thread waited for a CPU while it was
ready to run (``/proc/<pid>/schedstat``): :class:`cantik.sandbox.execute.SandboxExecute` extends a cell's
time limit by what the machine, not the submission itself, took from it, so an honest learner is never
timed out (and told the loop was theirs) because of a neighbour's load.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import threading
import time
import typing as t
from dataclasses import dataclass
from pathlib import Path

CGROUP_ROOT = Path("/sys/fs/cgroup")
#: Folder (below the grader's own cgroup in v1, below the root in v2) holding one cgroup per submission.
GROUP = "cantik-nilai"
POLL_SECONDS = 0.25
#: Above this many CPUs used by one submission, its extra tasks lose their priority (watchdog mode).
CPU_SHARE = 1.2
_TICK = os.sysconf("SC_CLK_TCK")


# ---------------------------------------------------------------------------------------------- cgroups
def _own_paths() -> dict[str, str]:
    """``{controller: path}`` of this process's cgroups (v1), ``{"": path}`` for v2."""
    out: dict[str, str] = {}
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/cgroup").read_text().splitlines():
            _, controllers, path = line.split(":", 2)
            for name in controllers.split(",") if controllers else [""]:
                out[name] = path
    return out


class SubmissionCgroups:
    """The cgroups of one submission: memory, CPU weight and processes for all its processes together.

    Examples
    --------
    >>> groups = SubmissionCgroups.create("cantik-sbx-ab12", memory_mb=2048, processes=64)  # doctest: +SKIP
    >>> groups.procs_files   # written "0" to by the kernel's first process (it joins them)  # doctest: +SKIP
    """

    CONTROLLERS = ("memory", "cpu", "pids")

    def __init__(self, paths: dict[str, Path], version: int) -> None:
        self.paths, self.version = paths, version

    @classmethod
    def create(cls, name: str, memory_mb: int, processes: int,
               root: Path = CGROUP_ROOT) -> SubmissionCgroups | None:
        """Make the cgroups of submission ``name``; None when not root or no cgroup can be made here."""
        if os.geteuid() != 0:
            return None
        groups = cls._locate(name, root)
        if groups is None:
            return None
        try:
            groups._make(memory_mb * 1024 * 1024, processes)
        except OSError:
            groups.remove()
            return None
        return groups

    @classmethod
    def _locate(cls, name: str, root: Path) -> SubmissionCgroups | None:
        v2 = root / "cgroup.controllers"
        if v2.is_file():
            if not set(cls.CONTROLLERS) <= set(v2.read_text().split()):
                return None
            return cls({c: root / GROUP / name for c in cls.CONTROLLERS}, 2)
        own = _own_paths()
        paths = {}
        for controller in cls.CONTROLLERS:
            mounted = root / controller
            if not (mounted / "cgroup.procs").is_file():
                return None
            paths[controller] = mounted / own.get(controller, "/").lstrip("/") / GROUP / name
        return cls(paths, 1)

    def _make(self, memory: int, processes: int) -> None:
        if self.version == 2:
            parent = self.paths["memory"].parent
            parent.mkdir(exist_ok=True)
            wanted = " ".join(f"+{c}" for c in self.CONTROLLERS)
            for control in (parent.parent / "cgroup.subtree_control", parent / "cgroup.subtree_control"):
                if not set(self.CONTROLLERS) <= set(control.read_text().split()):
                    control.write_text(wanted)
            path = self.paths["memory"]
            path.mkdir(exist_ok=True)
            (path / "memory.max").write_text(str(memory))
            if (path / "memory.swap.max").exists():
                (path / "memory.swap.max").write_text("0")
            (path / "pids.max").write_text(str(processes))
            (path / "cpu.weight").write_text("100")
            return
        for path in self.paths.values():
            path.parent.mkdir(exist_ok=True)
            path.mkdir(exist_ok=True)
        (self.paths["memory"] / "memory.limit_in_bytes").write_text(str(memory))
        memsw = self.paths["memory"] / "memory.memsw.limit_in_bytes"
        if memsw.exists():
            with contextlib.suppress(OSError):
                memsw.write_text(str(memory))
        (self.paths["pids"] / "pids.max").write_text(str(processes))
        (self.paths["cpu"] / "cpu.shares").write_text("1024")

    @property
    def procs_files(self) -> list[str]:
        """The ``cgroup.procs`` files a process writes its pid (or ``0``: itself) to, to join."""
        return sorted({str(p / "cgroup.procs") for p in self.paths.values()})

    def join_prefix(self) -> list[str]:
        """A command prefix that joins these cgroups, then runs the rest of the command in its place."""
        joins = " && ".join(f"echo $$ > '{p}'" for p in self.procs_files)
        return ["/bin/sh", "-c", f'{joins} && exec "$@"', "cantik-cgroup"]

    def oom_kills(self) -> int:
        """How many processes the kernel's OOM killer ended in the submission's memory cgroup."""
        name = "memory.events" if self.version == 2 else "memory.oom_control"
        with contextlib.suppress(OSError):
            for line in (self.paths["memory"] / name).read_text().splitlines():
                key, _, value = line.partition(" ")
                if key == "oom_kill":
                    return int(value)
        return 0

    def pids(self) -> list[int]:
        out: set[int] = set()
        for path in self.paths.values():
            with contextlib.suppress(OSError):
                out.update(int(p) for p in (path / "cgroup.procs").read_text().split())
        return sorted(out)

    def remove(self, timeout: float = 5.0) -> None:
        """Kill what is left in the cgroups and remove them."""
        deadline = time.monotonic() + timeout
        for path in set(self.paths.values()):
            while path.exists():
                for pid in self.pids():
                    with contextlib.suppress(OSError):
                        os.kill(pid, signal.SIGKILL)
                try:
                    path.rmdir()
                except FileNotFoundError:
                    break
                except OSError as exc:
                    if exc.errno != errno.EBUSY or time.monotonic() > deadline:
                        break
                    time.sleep(0.02)


# --------------------------------------------------------------------------------------------- watchdog
@dataclass(frozen=True)
class Sample:
    """What the submission's processes used up to one moment (seconds)."""

    wall: float
    wait: float
    """Time the kernel's main thread was ready to run but waited for a CPU."""
    main: float
    """CPU time of the kernel's main thread."""
    total: float
    """CPU time of every process of the submission."""

    def credit_since(self, earlier: Sample) -> float:
        """Seconds since ``earlier`` the kernel lost to *other* submissions' load: its waiting time, less
        the CPU its own other tasks used meanwhile (a crowd of its own spinners earns it nothing).

        Examples
        --------
        >>> Sample(10, 6, 1, 1).credit_since(Sample(0, 0, 0, 0))
        6.0
        >>> Sample(10, 6, 1, 9).credit_since(Sample(0, 0, 0, 0))
        0.0
        """
        others = (self.total - self.main) - (earlier.total - earlier.main)
        return max(0.0, (self.wait - earlier.wait) - max(0.0, others))


def proc_stat(path: Path) -> list[bytes] | None:
    """Fields of a ``/proc/<pid>/stat`` after the command name (field 3 first), or None."""
    try:
        data = (path / "stat").read_bytes()
        return data[data.rindex(b")") + 2:].split()
    except (OSError, ValueError):  # gone, or read while it was ending
        return None


def _memory_kib(path: Path) -> int:
    """Proportional anonymous and shared memory of one process (pages it shares with the zygote or its
    siblings count once overall), in KiB; resident counts where ``smaps_rollup`` cannot be read."""
    try:
        text = (path / "smaps_rollup").read_text()
        keys = ("Pss_Anon:", "Pss_Shmem:")
    except OSError:
        try:
            text = (path / "status").read_text()
        except OSError:
            return 0
        keys = ("RssAnon:", "RssShmem:")
    return sum(int(line.split()[1]) for line in text.splitlines() if line.startswith(keys))


class Watchdog:
    """Watch one sandbox's processes from the grader (see the module docstring).

    Parameters
    ----------
    proc : Path
        The sandbox's own ``/proc`` seen from the grader (``/proc/<pid>/root/proc``): exactly the
        submission's processes, the kernel's main process being PID 2 there. It is opened once, here, so
        a kernel that later makes itself undumpable does not hide its processes.
    memory_mb : int
        Memory budget of the whole submission (checked only when ``police``).
    police : bool
        Enforce memory and CPU share here (no cgroup does it).
    cgroups : SubmissionCgroups or None
        When given, an OOM kill in them ends the submission (a partly killed submission is not graded on).
    on_exceeded : callable
        Called once, from the watchdog's thread, with ``"memori"`` when the memory budget is exceeded.
    """

    def __init__(self, proc: Path, memory_mb: int, police: bool, cgroups: SubmissionCgroups | None,
                 on_exceeded: t.Callable[[str], None]) -> None:
        self._fd = os.open(proc, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        self.proc, self.memory_kib, self.police = Path(f"/proc/self/fd/{self._fd}"), memory_mb * 1024, police
        self.cgroups, self.on_exceeded = cgroups, on_exceeded
        self.exceeded: str | None = None
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="cantik-watchdog")
        self._window: list[tuple[float, float]] = []
        self._lowered: set[tuple[int, int]] = set()

    def start(self) -> Watchdog:
        if self.police or self.cgroups is not None:
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=2)
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def _pids(self) -> list[int]:
        try:
            return [int(n) for n in os.listdir(self.proc) if n.isdigit()]
        except OSError:
            return []

    def sample(self) -> Sample | None:
        """Waiting and CPU times now, or None when the sandbox is gone."""
        now = time.monotonic()
        try:
            run, wait, _ = (int(x) for x in (self.proc / "2" / "schedstat").read_text().split())
        except (OSError, ValueError):
            return None
        total = 0
        for pid in self._pids():
            fields = proc_stat(self.proc / str(pid))
            if fields is not None:
                total += int(fields[11]) + int(fields[12])
        return Sample(now, wait / 1e9, run / 1e9, total / _TICK)

    # ------------------------------------------------------------------------------------ the thread
    def _run(self) -> None:
        while not self._stop.wait(POLL_SECONDS):
            if self.cgroups is not None:
                if self.cgroups.oom_kills() > 0:
                    self._exceed("memori")
                continue
            kib = sum(_memory_kib(self.proc / str(pid)) for pid in self._pids())
            self.peak_kib = max(self.peak_kib, kib)
            if kib > self.memory_kib:
                self._exceed("memori")
                continue
            self._share_cpu()

    def _exceed(self, what: str) -> None:
        if self.exceeded is None:
            self.exceeded = what
            self.on_exceeded(what)
        self._stop.set()

    def _share_cpu(self) -> None:
        """Past :data:`CPU_SHARE` CPUs over the last second, every task but the kernel's main thread (and
        every session but the kernel's) gets the lowest priority; it cannot raise it back."""
        current = self.sample()
        if current is None:
            return
        recent = [w for w in self._window if current.wall - w[0] < 1.5]
        self._window = [*recent, (current.wall, current.total)]
        first_wall, first_total = self._window[0]
        if current.wall - first_wall < 0.9 or (current.total - first_total) / (current.wall - first_wall) \
                <= CPU_SHARE:
            return
        inner = {}
        for pid in self._pids():
            fields = proc_stat(self.proc / str(pid))
            if fields is not None:
                inner[int(fields[19])] = (pid, int(fields[3]))  # start time -> (pid inside, session)
        session = inner.get(next((k for k, v in inner.items() if v[0] == 2), -1), (0, 0))[1]
        for host, start, inside_sid in _host_tasks(inner):
            if (host, start) in self._lowered:
                continue
            self._lowered.add((host, start))
            with contextlib.suppress(OSError):
                os.setpriority(os.PRIO_PROCESS, host, 19)
            if inside_sid != session:
                with contextlib.suppress(OSError):
                    Path(f"/proc/{host}/autogroup").write_text("19")


def _host_tasks(inner: dict[int, tuple[int, int]]) -> t.Iterator[tuple[int, int, int]]:
    """Host ids of the tasks of the processes ``inner`` (start time → (pid inside, session inside)),
    except the main thread of the kernel (PID 2 inside): ``(host tid, start time, session inside)``."""
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        fields = proc_stat(Path(entry.path))
        if fields is None or int(fields[19]) not in inner:
            continue
        pid_inside, sid = inner[int(fields[19])]
        with contextlib.suppress(OSError):
            status = Path(entry.path, "status").read_text()
            nspid = next(line.split()[1:] for line in status.splitlines() if line.startswith("NSpid:"))
            if int(nspid[-1]) != pid_inside:
                continue
            for tid in os.listdir(f"{entry.path}/task"):
                if not (pid_inside == 2 and tid == entry.name):
                    yield int(tid), int(fields[19]), sid
