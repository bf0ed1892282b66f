"""Parallel autograding: nbgrader's own ``Autograde`` converter, several submissions at a time, on warm
kernels, with a progress bar and an Indonesian summary.

Scores are nbgrader's: each submission goes through nbgrader's ``Autograde`` converter with the course's
configuration (its sanitize and autograde preprocessors, timeouts, gradebook URL). What changes, all
through nbgrader's public configuration:

* by default every submission runs in :mod:`cantik.sandbox` (its own sandbox: only its own files, no
  network, its own user id, resource limits; ``SandboxExecute`` replaces nbgrader's ``Execute``). Its
  kernel is forked from a warm process that already imported pandas and matplotlib
  (:mod:`cantik.sandbox.zygote`), itself in a bubblewrap sandbox, and confined alone on the way
  (:mod:`cantik.sandbox.confine`); when the grader is not root, each kernel starts cold in its own
  bubblewrap sandbox instead (slower, same isolation). Without ``bwrap`` the trainer gets an Indonesian
  message; ``sandbox=False`` (``--tanpa-sandbox``) is the explicit opt-out: warm kernels with the
  trainer's rights (``Execute.kernel_name = "cantik-warm"``);
* several worker processes run submissions side by side (``workers``).

A worker stuck longer than ``hard_timeout`` seconds on one submission is killed (its kernel goes with it)
and replaced, so one endless or crashing notebook never stops the batch. A submission already graded and
unchanged since (same files: SHA-256) is skipped unless ``force``.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cantik.errors import KelasError
from cantik.grading.course import Course

STATE_FILE = "status_penilaian.json"

#: Log/traceback fragments → Indonesian reason shown to the trainer.
_REASONS = [
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
    """Turn nbgrader's log/traceback into a short Indonesian reason."""
    for needle, reason in _REASONS:
        if needle in log:
            return reason
    lines = [ln.strip() for ln in log.strip().splitlines() if ln.strip()]
    return "galat tak terduga: " + (lines[-1][:200] if lines else "(tanpa pesan)")


def submission_hash(folder: Path) -> str:
    """SHA-256 over the relative names and bytes of every file in a submission folder."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        mode = path.lstat().st_mode
        name = str(path.relative_to(folder)).encode()
        if stat.S_ISREG(mode):
            digest.update(name + b"\0" + path.read_bytes() + b"\0")
        elif not stat.S_ISDIR(mode):  # a link or a pipe is never opened: its name and kind only
            digest.update(name + b"\0" + str(stat.S_IFMT(mode)).encode() + b"\0")
    return digest.hexdigest()


# ------------------------------------------------------------------------------------------- workers
def _grade_one(course: Course, modul: str, student: str) -> dict[str, Any]:
    """Run nbgrader's Autograde converter on one submission in this process."""
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
        result["stops"] = _sandbox_stops(course.autograded_dir / student / modul)
        result["timeouts"] += sum("batas waktu" in why for why in result["stops"])
    else:
        result["reason"] = explain(log + "\n" + error)
    return result


def _sandbox_stops(folder: Path) -> list[str]:
    """The sandbox's Indonesian reasons recorded in the autograded notebooks of one submission."""
    import nbformat

    from cantik.sandbox.execute import stops

    out = []
    for path in sorted(folder.glob("*.ipynb")):
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception:  # an unreadable copy is nbgrader's failure, reported elsewhere
            continue
        out += [f"{path.stem}: {s['alasan']}" for s in stops(nb)]
    return out


def _worker(
    root: str,
    overrides: dict[str, dict[str, Any]],
    env: dict[str, str],
    tasks: Any,
    results: Any,
    wid: int,
    log_path: str,
) -> None:
    os.environ.update(env)
    import logging
    import warnings

    # Kernel banners and library warnings go to a log file, not over the trainer's progress bar.
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    warnings.simplefilter("ignore")
    logging.getLogger("traitlets").setLevel(logging.ERROR)
    course = Course.open(root)
    for section, values in overrides.items():
        for key, value in values.items():
            course.config[section][key] = value
    while True:
        task = tasks.get()
        if task is None:  # report this worker's CPU time (its own and its kernels' proxies') and stop
            import resource

            cpu = sum(
                u.ru_utime + u.ru_stime
                for u in (
                    resource.getrusage(resource.RUSAGE_SELF),
                    resource.getrusage(resource.RUSAGE_CHILDREN),
                )
            )
            results.put(("bye", wid, "", {"cpu": cpu}))
            return
        modul, student = task
        results.put(("start", wid, student, None))
        try:
            outcome = _grade_one(course, modul, student)
            if not outcome["ok"] and "database is locked" in outcome["log"] + outcome["error"]:
                time.sleep(1.0)  # SQLite busy with another worker's write: try once more
                outcome = _grade_one(course, modul, student)
        except BaseException as exc:
            outcome = {"ok": False, "reason": explain(repr(exc)), "log": "", "error": repr(exc)}
        results.put(("done", wid, student, outcome))


# --------------------------------------------------------------------------------------------- runner
@dataclass
class GradeResult:
    """What :func:`autograde` did."""

    modul: str
    graded: dict[str, dict[str, Any]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0
    worker_cpu: float = 0.0  # CPU seconds used by the worker processes that ended normally
    sandboxed: bool = True  # every submission ran in cantik.sandbox

    def summary(self) -> str:
        lines = [f"Penilaian otomatis modul '{self.modul}' selesai dalam {self.seconds:.1f} detik."]
        lines.append(
            f"Dinilai: {len(self.graded)}; gagal: {len(self.failed)}; dilewati (sudah dinilai dan "
            f"tidak berubah): {len(self.skipped)}."
        )
        if not self.sandboxed:
            lines.append("PERHATIAN: dinilai tanpa sandbox; kode peserta berjalan dengan hak Anda.")
        stopped = {s: r["stops"] for s, r in self.graded.items() if r.get("stops")}
        if stopped:
            lines.append(
                "Dihentikan oleh sandbox (sel yang tidak selesai bernilai 0; alasannya ada di umpan balik):"
            )
            lines += [f"  - {s}: {'; '.join(why)}" for s, why in sorted(stopped.items())]
        slow = [s for s, r in self.graded.items() if r.get("timeouts")]
        if slow:
            lines.append(
                "Ada sel yang dihentikan karena terlalu lama (nilai sel itu 0): " + ", ".join(slow) + "."
            )
        if self.failed:
            lines.append("GAGAL dinilai (nilai lama, bila ada, tidak diubah):")
            lines += [f"  - {s}: {why}" for s, why in sorted(self.failed.items())]
            lines.append(
                "Langkah berikutnya: buka notebook peserta itu di grading/submitted/, perbaiki atau "
                "minta kirim ulang, lalu jalankan perintah ini lagi (yang sudah dinilai dilewati)."
            )
        else:
            lines.append(
                "Langkah berikutnya: nilai jawaban tertulis di formgrader, lalu "
                f"`cantik kelas umpan-balik {self.modul}`."
            )
        return "\n".join(lines)


def _load_state(course: Course) -> dict[str, Any]:
    path = course.grading_dir / STATE_FILE
    if path.is_file():
        try:
            return json.loads(path.read_text("utf-8"))
        except ValueError:
            return {}
    return {}


def _save_state(course: Course, state: dict[str, Any]) -> None:
    path = course.grading_dir / STATE_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, indent=1, sort_keys=True), "utf-8")
    tmp.replace(path)


def autograde(
    course: Course,
    modul: str,
    *,
    students: list[str] | None = None,
    workers: int | None = None,
    warm: bool = True,
    force: bool = False,
    timeout: int | None = None,
    hard_timeout: float | None = None,
    progress: bool = True,
    sandbox: bool = True,
) -> GradeResult:
    """Autograde every submission of ``modul`` (or only ``students``) in parallel.

    Parameters
    ----------
    workers : int, optional
        Submissions graded at the same time (default: CPU count + 1; the extra one uses the time a worker
        waits on its kernel).
    warm : bool
        Fork kernels from a process that already imported pandas/matplotlib (default) instead of starting
        a cold kernel per notebook (in the sandbox: only when the grader runs as root).
    timeout : int, optional
        Seconds one cell may run (default: the course configuration).
    sandbox : bool
        Run every submission in :mod:`cantik.sandbox` (default; needs ``bwrap``, else a
        :class:`KelasError` in Indonesian). ``False`` is the trainer's explicit opt-out.
    hard_timeout : float, optional
        Seconds one whole submission may take before its worker is killed (default: 10 × the cell
        timeout, and 30 s more than the sandbox's notebook limit).

    Examples
    --------
    >>> result = autograde(Course.open(), "modul_1")  # doctest: +SKIP
    >>> print(result.summary())                       # doctest: +SKIP
    """
    import multiprocessing as mp

    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from cantik.sandbox.intake import unsafe_entries
    from cantik.sandbox.zygote import KERNEL_NAME, WarmKernels

    course.require_assignment(modul)
    with course.gradebook() as gb:
        try:
            gb.find_assignment(modul)
        except Exception as exc:  # nbgrader.api.MissingEntry
            raise KelasError(
                f"Modul '{modul}' belum ada di buku nilai.", f"Rilis dulu: `cantik kelas rilis {modul}`."
            ) from exc
    folders = [p for p in course.submitted_dir.glob(f"*/{modul}") if p.is_dir()]
    todo_all = sorted(p.parent.name for p in folders)
    if students:
        missing = sorted(set(students) - set(todo_all))
        if missing:
            raise KelasError(
                f"Tidak ada kiriman modul '{modul}' dari: {', '.join(missing)}.",
                "Kumpulkan atau impor kirimannya dulu.",
            )
        todo_all = [s for s in todo_all if s in students]
    if not todo_all:
        raise KelasError(
            f"Belum ada kiriman untuk modul '{modul}'.",
            f"Kumpulkan dulu: `cantik kelas kumpulkan {modul}` atau `cantik kelas impor BERKAS`.",
        )

    state = _load_state(course)
    mod_state = state.setdefault(modul, {})
    # a submission is "unchanged" when its files AND the module's source (tests, points) are unchanged
    source = submission_hash(course.source_dir / modul)
    hashes = {s: source[:16] + submission_hash(course.submitted_dir / s / modul) for s in todo_all}
    result = GradeResult(modul=modul, sandboxed=sandbox)
    todo = []
    for s in todo_all:
        prev = mod_state.get(s, {})
        done_before = (
            prev.get("ok") and prev.get("hash") == hashes[s] and (course.autograded_dir / s / modul).is_dir()
        )
        if done_before and not force:
            result.skipped.append(s)
            continue
        # nbgrader copies a link's *target* into autograded/ (e.g. the gradebook): never grade such a folder
        unsafe = unsafe_entries(course.submitted_dir / s / modul)
        if unsafe:
            why = ("kiriman berisi berkas yang tidak aman sehingga tidak dinilai: "
                   + "; ".join(r.reason for r in unsafe)
                   + " Hapus berkas itu dari folder kiriman (atau impor ulang), lalu nilai lagi.")
            result.failed[s] = why
            mod_state[s] = {"ok": False, "hash": hashes[s], "reason": why}
        else:
            todo.append(s)
    if not todo:
        _save_state(course, state)
        return result

    if sandbox:
        from cantik.sandbox.bwrap import SandboxUnavailable, find_bwrap

        try:
            find_bwrap()
        except SandboxUnavailable as exc:
            raise KelasError(
                str(exc),
                "Pasang bubblewrap, atau bila Anda yakin semua kiriman aman, nilai tanpa sandbox dengan "
                "`--tanpa-sandbox`.",
            ) from exc
    from cantik.sandbox.config import sandboxed_preprocessors, unsandboxed_preprocessors

    section = "SandboxExecute" if sandbox else "Execute"
    configured = course.config[section].get("timeout") or course.config.Execute.get("timeout") or 30
    cell_timeout = int(timeout if timeout is not None else configured)
    # the sandbox stops a notebook past its own limit (and says why) before the worker's hard limit
    notebook_limit = int(course.config.SandboxExecute.get("notebook_timeout", 600)) if sandbox else 0
    hard = float(
        hard_timeout if hard_timeout is not None else max(120, 10 * cell_timeout, notebook_limit + 30)
    )
    overrides: dict[str, dict[str, Any]] = {"Execute": {"timeout": cell_timeout}}
    if sandbox:
        overrides["Autograde"] = {"autograde_preprocessors": sandboxed_preprocessors(course.config)}
        overrides["SandboxExecute"] = {"timeout": cell_timeout}
        warm = warm and os.geteuid() == 0  # a user id per kernel needs root; else cold sandboxes
    else:
        overrides["Autograde"] = {"autograde_preprocessors": unsandboxed_preprocessors(course.config)}
    n_workers = max(1, min(workers or (os.cpu_count() or 1) + 1, len(todo)))
    # Workers fork from a server that imported nbgrader once (saves ~1 s of CPU per worker).
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(
        [
            "cantik.grading.autograde",
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
    )
    tasks, results = ctx.Queue(), ctx.Queue()

    started = time.monotonic()
    # the zygote imports pandas/matplotlib while the workers start: both are ready at about the same time
    read_only = [Path(p) for p in course.config.SandboxKernelManager.get("read_only_paths", [])]
    warm_kernels = WarmKernels(sandbox=sandbox, read_only=read_only).launch() if warm else None
    env: dict[str, str] = {}
    if warm_kernels is not None:
        if not sandbox:
            overrides["Execute"]["kernel_name"] = KERNEL_NAME
        env = warm_kernels.env
    log_dir = course.grading_dir / "log_penilaian"
    procs: dict[int, Any] = {}
    running: dict[int, tuple[str, float]] = {}
    next_id = 0

    def spawn() -> None:
        nonlocal next_id
        log_dir.mkdir(parents=True, exist_ok=True)
        p = ctx.Process(
            target=_worker,
            daemon=True,
            args=(
                str(course.root),
                overrides,
                env,
                tasks,
                results,
                next_id,
                str(log_dir / f"penilai-{next_id}.log"),
            ),
        )
        p.start()
        procs[next_id] = p
        next_id += 1

    columns = [
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("berlalu"),
        TimeElapsedColumn(),
        TextColumn("sisa"),
        TimeRemainingColumn(),
    ]
    try:
        for _ in range(n_workers):
            spawn()
        with Progress(*columns, disable=not progress, transient=False) as bar:
            task_id = bar.add_task("Menyiapkan penilai", total=len(todo))
            if warm_kernels is not None:
                warm_kernels.wait_ready()
            for s in todo:
                tasks.put((modul, s))
            finished = 0
            while finished < len(todo):
                try:
                    kind, wid, student, outcome = results.get(timeout=0.5)
                except queue.Empty:
                    kind = None
                now = time.monotonic()
                if warm_kernels is not None and warm_kernels.ensure_alive():
                    bar.console.print("Proses kernel hangat berhenti; sudah dijalankan ulang.")
                if kind == "start":
                    running[wid] = (student, now)
                elif kind == "done":
                    running.pop(wid, None)
                    finished += 1
                    if outcome["ok"]:
                        result.graded[student] = outcome
                    else:
                        result.failed[student] = outcome["reason"]
                    mod_state[student] = {
                        "ok": outcome["ok"],
                        "hash": hashes[student],
                        "reason": outcome.get("reason") or "; ".join(outcome.get("stops", [])),
                        "score": outcome.get("score"),
                    }
                    bar.advance(task_id)
                # a worker stuck on one submission, or dead: kill it, record the failure, replace it
                for wid2, (student2, since) in list(running.items()):
                    proc = procs[wid2]
                    if now - since > hard or not proc.is_alive():
                        proc.kill()
                        proc.join()
                        running.pop(wid2)
                        finished += 1
                        why = (
                            f"melebihi batas waktu {hard:.0f} detik untuk satu kiriman (dihentikan)"
                            if now - since > hard
                            else "proses penilai berhenti mendadak"
                        )
                        result.failed[student2] = why
                        mod_state[student2] = {"ok": False, "hash": hashes[student2], "reason": why}
                        bar.advance(task_id)
                        if finished < len(todo):
                            spawn()
                names = ", ".join(s for s, _ in running.values())
                bar.update(task_id, description=f"Menilai {names}" if names else "Menilai")
        alive = [p for p in procs.values() if p.is_alive()]
        for _ in alive:
            tasks.put(None)
        byes = 0
        deadline = time.monotonic() + 15
        while byes < len(alive) and time.monotonic() < deadline:
            try:
                kind, _wid, _s, outcome = results.get(timeout=0.5)
            except queue.Empty:
                continue
            if kind == "bye":
                byes += 1
                result.worker_cpu += outcome["cpu"]
        for proc in procs.values():
            proc.join(timeout=10)
            if proc.is_alive():
                proc.kill()
    finally:
        for proc in procs.values():
            if proc.is_alive():
                proc.kill()
        if warm_kernels is not None:
            warm_kernels.stop()
        _save_state(course, state)
    result.seconds = time.monotonic() - started
    return result
