"""The worker processes of parallel autograding: each runs nbgrader's ``Autograde`` converter on one
submission at a time; the pool starts them, replaces a stuck or dead one, and stops them all.

Workers fork from a ``forkserver`` that imported nbgrader once (about a second of CPU saved per worker).
They talk to the runner through two queues: tasks ``(modul, student)`` in, events
``(kind, worker_id, student, outcome)`` out, where ``kind`` is ``"start"``, ``"done"`` or ``"bye"``.
"""

from __future__ import annotations

import os
import queue
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cantik.grading.course import Course

#: Modules the forkserver imports once, before any worker forks from it.
PRELOAD = [
    "cantik.grading.pool",
    "nbgrader.converters",
    "nbgrader.api",
    "jupyter_client.manager",
    "nbclient",
    "nbconvert.exporters.notebook",
    "nbformat.validator",
    "nbgrader.preprocessors",
    "sqlalchemy.dialects.sqlite",
    "cantik.sandbox.execute",
]

#: Log/traceback fragments → Indonesian reason shown to the trainer.
_REASONS = [
    ("GraderBusy", "komputer penilai terlalu sibuk sehingga kiriman ini tidak bisa dinilai dengan adil "
                   "(bukan kesalahan peserta); kiriman akan dinilai ulang pada penilaian berikutnya"),
    ("A cell timed out", "satu sel berjalan terus dan tidak bisa dihentikan (waktu habis)"),
    (
        "DeadKernelError",
        "kernel Python berhenti mendadak saat menjalankan notebook (mis. exit() atau memori habis)",
    ),
    ("Kernel died", "kernel Python berhenti mendadak saat menjalankan notebook"),
    (
        "UnresponsiveKernelError",
        "kernel tidak merespons lagi (kode berjalan terus dan tidak bisa dihentikan)",
    ),
    ("NotJSONError", "berkas notebook rusak (bukan JSON yang sah)"),
    ("JSONDecodeError", "berkas notebook rusak (bukan JSON yang sah)"),
    ("Notebook does not appear to be JSON", "berkas notebook rusak (bukan JSON yang sah)"),
    ("SchemaTooOld", "notebook dibuat dengan versi nbgrader lama"),
    ("has been modified", "sel terkunci atau sel uji diubah peserta"),
    ("No notebooks were matched", "tidak ada notebook di folder kiriman"),
    ("database is locked", "buku nilai sedang sibuk (terkunci)"),
]


def explain(log: str) -> str:
    """Turn nbgrader's log/traceback into a short Indonesian reason.

    Examples
    --------
    >>> explain("... nbclient.exceptions.DeadKernelError: Kernel died")
    'kernel Python berhenti mendadak saat menjalankan notebook (mis. exit() atau memori habis)'
    >>> explain("ValueError: aneh")
    'galat tak terduga: ValueError: aneh'
    """
    for needle, reason in _REASONS:
        if needle in log:
            return reason
    lines = [ln.strip() for ln in log.strip().splitlines() if ln.strip()]
    return "galat tak terduga: " + (lines[-1][:200] if lines else "(tanpa pesan)")


# ------------------------------------------------------------------------------------ in a worker
def grade_one(course: Course, modul: str, student: str) -> dict[str, Any]:
    """Run nbgrader's Autograde converter on one submission in this process.

    Returns ``{"ok", "log", "error", "timeouts", "seconds"}`` and, when graded, ``score``, ``max_score``
    and the sandbox's ``stops``; when not, the Indonesian ``reason``.
    """
    import io
    import logging

    from nbgrader.converters import Autograde

    started = time.monotonic()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setLevel(logging.INFO)
    cd = course.coursedir(assignment_id=modul, student_id=student)
    converter = Autograde(coursedir=cd, config=course.config)
    converter.force = True
    converter.create_student = True
    converter.log.addHandler(handler)
    converter.log.setLevel(logging.INFO)
    converter.log.propagate = False
    ok, error = True, ""
    try:
        converter.start()
    except BaseException as exc:
        import traceback

        ok, error = False, "".join(traceback.format_exception(exc))
    finally:
        converter.log.removeHandler(handler)
    log = stream.getvalue()
    timeouts = log.count("CellTimeoutError") + log.count("Timeout waiting for execute reply")
    result: dict[str, Any] = {
        "ok": ok,
        "log": log[-20000:],
        "error": error[-5000:],
        "timeouts": timeouts,
        "seconds": time.monotonic() - started,
    }
    if ok:
        with course.gradebook() as gb:
            sub = gb.find_submission(modul, student)
            result["score"] = float(sub.score)
            result["max_score"] = float(sub.max_score)
        result["stops"] = sandbox_stops(course.autograded_dir / student / modul)
        result["notes"] = sandbox_stops(course.autograded_dir / student / modul, notes=True)
        result["timeouts"] += sum("batas waktu" in why for why in result["stops"])
    else:
        result["reason"] = explain(log + "\n" + error)
    return result


def sandbox_stops(folder: Path, *, notes: bool = False) -> list[str]:
    """The sandbox's Indonesian reasons recorded in the autograded notebooks of one submission (``notes``:
    the grader's notes instead, e.g. a repeated grade id repaired before grading)."""
    import nbformat

    from cantik.sandbox.execute import stops
    from cantik.sandbox.sanitize import grader_notes

    out = []
    for path in sorted(folder.glob("*.ipynb")):
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception:  # an unreadable copy is nbgrader's failure, reported elsewhere
            continue
        found = grader_notes(nb) if notes else [s["alasan"] for s in stops(nb)]
        out += [f"{path.stem}: {why}" for why in found]
    return out


def _quiet(log_path: str) -> None:
    """Kernel banners and library warnings go to a log file, not over the trainer's progress bar."""
    import logging
    import warnings

    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    warnings.simplefilter("ignore")
    logging.getLogger("traitlets").setLevel(logging.ERROR)


def _cpu_seconds() -> float:
    """CPU time of this process and its ended children (the kernels' proxies)."""
    import resource

    usage = (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    return sum(u.ru_utime + u.ru_stime for u in usage)


def worker_main(
    root: str,
    overrides: dict[str, dict[str, Any]],
    env: dict[str, str],
    tasks: Any,
    results: Any,
    wid: int,
    log_path: str,
) -> None:
    """Body of one worker process: grade tasks until a ``None`` task, then report its CPU time."""
    os.environ.update(env)
    _quiet(log_path)
    course = Course.open(root)
    for section, values in overrides.items():
        for key, value in values.items():
            course.config[section][key] = value
    while True:
        task = tasks.get()
        if task is None:
            results.put(("bye", wid, "", {"cpu": _cpu_seconds()}))
            return
        modul, student = task
        results.put(("start", wid, student, None))
        try:
            outcome = grade_one(course, modul, student)
            if not outcome["ok"] and "database is locked" in outcome["log"] + outcome["error"]:
                time.sleep(1.0)  # SQLite busy with another worker's write: try once more
                outcome = grade_one(course, modul, student)
        except BaseException as exc:
            outcome = {"ok": False, "reason": explain(repr(exc)), "log": "", "error": repr(exc)}
        results.put(("done", wid, student, outcome))


# ------------------------------------------------------------------------------------ the pool
@dataclass
class WorkerPool:
    """Worker processes grading submissions of one course; use as a context manager.

    Parameters
    ----------
    course : Course
        The course; each worker opens it again and applies ``overrides`` to its configuration.
    overrides : dict
        ``{section: {trait: value}}`` set on every worker's configuration (e.g. the cell timeout).
    env : dict
        Environment variables set in every worker (e.g. where the warm zygote listens).

    Examples
    --------
    >>> with WorkerPool(Course.open(), {}, {}) as pool:     # doctest: +SKIP
    ...     pool.start(2); pool.submit("modul1", "budi")
    ...     event = pool.next_event(timeout=0.5)
    """

    course: Course
    overrides: dict[str, dict[str, Any]]
    env: dict[str, str]
    procs: dict[int, Any] = field(default_factory=dict)
    #: worker id → (student, monotonic time it started on that student)
    running: dict[int, tuple[str, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        import multiprocessing as mp

        self._ctx = mp.get_context("forkserver")
        self._ctx.set_forkserver_preload(PRELOAD)
        self._tasks, self._results = self._ctx.Queue(), self._ctx.Queue()
        self._next_id = 0
        self.log_dir = self.course.grading_dir / "log_penilaian"

    def start(self, n: int) -> None:
        """Start ``n`` workers."""
        for _ in range(n):
            self.spawn()

    def spawn(self) -> None:
        """Start one more worker (its log: ``grading/log_penilaian/penilai-<id>.log``)."""
        wid = self._next_id
        self.log_dir.mkdir(parents=True, exist_ok=True)
        args = (str(self.course.root), self.overrides, self.env, self._tasks, self._results, wid,
                str(self.log_dir / f"penilai-{wid}.log"))
        p = self._ctx.Process(target=worker_main, daemon=True, args=args)
        p.start()
        self.procs[wid] = p
        self._next_id += 1

    def submit(self, modul: str, student: str) -> None:
        self._tasks.put((modul, student))

    def next_event(self, timeout: float) -> tuple[str, int, str, Any] | None:
        """The next worker event, or ``None`` after ``timeout`` seconds; keeps :attr:`running` current."""
        try:
            event = self._results.get(timeout=timeout)
        except queue.Empty:
            return None
        kind, wid, student, _ = event
        if kind == "start":
            self.running[wid] = (student, time.monotonic())
        elif kind == "done":
            self.running.pop(wid, None)
        return event

    def reap(self, hard_timeout: float) -> list[tuple[str, str]]:
        """Kill workers stuck longer than ``hard_timeout`` on one submission, or dead; ``[(student, why)]``.

        A killed worker's kernel goes with it (its proxy or sandbox dies with the worker).
        """
        now = time.monotonic()
        lost = []
        for wid, (student, since) in list(self.running.items()):
            proc = self.procs[wid]
            too_long = now - since > hard_timeout
            if too_long or not proc.is_alive():
                proc.kill()
                proc.join()
                self.running.pop(wid)
                why = (f"melebihi batas waktu {hard_timeout:.0f} detik untuk satu kiriman (dihentikan)"
                       if too_long else "proses penilai berhenti mendadak")
                lost.append((student, why))
        return lost

    def alive(self) -> int:
        """How many workers are running."""
        return sum(p.is_alive() for p in self.procs.values())

    def close(self, wait: float = 15) -> float:
        """Stop the workers (each reports its CPU time first); returns the CPU seconds reported."""
        alive = [p for p in self.procs.values() if p.is_alive()]
        for _ in alive:
            self._tasks.put(None)
        byes, cpu = 0, 0.0
        deadline = time.monotonic() + wait
        while byes < len(alive) and time.monotonic() < deadline:
            event = self.next_event(timeout=0.5)
            if event is not None and event[0] == "bye":
                byes += 1
                cpu += event[3]["cpu"]
        for proc in self.procs.values():
            proc.join(timeout=10)
            if proc.is_alive():
                proc.kill()
        return cpu

    def kill(self) -> None:
        """Kill every worker still running (on any way out)."""
        for proc in self.procs.values():
            if proc.is_alive():
                proc.kill()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.kill()
