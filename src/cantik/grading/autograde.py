"""Parallel autograding: nbgrader's own ``Autograde`` converter, several submissions at a time, on warm
kernels, with a progress bar and an Indonesian summary.

Scores are nbgrader's: each submission goes through nbgrader's ``Autograde`` converter with the course's
configuration (its sanitize and autograde preprocessors, timeouts, gradebook URL). What changes, all
through nbgrader's public configuration:

* by default every submission runs in :mod:`cantik.sandbox` (its own sandbox: only its own files, no
  network, its own user id, resource limits; ``SandboxExecute`` replaces nbgrader's ``Execute``). Its
  kernel is forked from a warm process that already imported pandas and matplotlib
  (:mod:`cantik.sandbox.zygote`), itself in a bubblewrap sandbox, and confined alone on the way
  (:mod:`cantik.sandbox.confine`: a user id of its own as root, a nested user namespace of its own for a
  trainer without root; same isolation and limits). Without ``bwrap`` the trainer gets an Indonesian
  message; ``sandbox=False`` (``--tanpa-sandbox``) is the explicit opt-out: warm kernels with the
  trainer's rights (``Execute.kernel_name = "cantik-warm"``);
* several worker processes run submissions side by side (:mod:`cantik.grading.pool`).

A worker stuck longer than ``hard_timeout`` seconds on one submission is killed (its kernel goes with it)
and replaced, so one endless or crashing notebook never stops the batch. A submission already graded and
unchanged since (same files: SHA-256) is skipped unless ``force`` (:mod:`cantik.grading.state`).

The options are traitlets configuration of :class:`ParallelAutograde`, so the course's
``nbgrader_config.py`` may set them (``c.ParallelAutograde.workers = 4``); keyword arguments of
:func:`autograde` and the flags of ``cantik kelas nilai`` override them for one run.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from traitlets import Bool, Float, Integer
from traitlets.config import LoggingConfigurable

from cantik.errors import KelasError
from cantik.grading.course import Course
from cantik.grading.pool import WorkerPool
from cantik.grading.state import ModuleState
from cantik.grading.summary import GradeResult, progress_bar

#: hard_timeout when not set: at least this many seconds, and this many times the cell timeout ...
HARD_TIMEOUT_MIN, HARD_TIMEOUT_CELLS = 120, 10
#: ... and, sandboxed, this much longer than the sandbox's submission budget (it stops first, and says why).
HARD_TIMEOUT_MARGIN = 30


def _sandbox_default(trait: str) -> Any:
    """The default of one of ``SandboxExecute``'s traits (its class is the one home of these numbers)."""
    from cantik.sandbox.execute import SandboxExecute

    return SandboxExecute.class_traits()[trait].default_value


class ParallelAutograde(LoggingConfigurable):
    """Autograde every submission of a module, several at a time, each in its own sandbox.

    Examples
    --------
    >>> runner = ParallelAutograde(workers=2, progress=False)
    >>> result = runner.run(Course.open(), "modul1")   # doctest: +SKIP
    >>> print(result.summary())                        # doctest: +SKIP
    """

    workers = Integer(
        0, help="Submissions graded at the same time; 0: the CPU count + 1 (the extra one uses the time a "
                "worker waits on its kernel)."
    ).tag(config=True)
    warm = Bool(
        True, help="Fork kernels from a process that already imported pandas/matplotlib instead of starting "
                   "a cold kernel per notebook (as root or not)."
    ).tag(config=True)
    sandbox = Bool(
        True, help="Run every submission in cantik.sandbox (needs bwrap, else an Indonesian KelasError). "
                   "False is the trainer's explicit opt-out: learner code runs with the trainer's rights."
    ).tag(config=True)
    force = Bool(False, help="Grade again also submissions graded before and unchanged since.").tag(
        config=True)
    progress = Bool(True, help="Show a progress bar.").tag(config=True)
    timeout = Integer(
        None, allow_none=True,
        help="Seconds one cell may run. None: the course configuration's SandboxExecute.timeout (Execute."
             "timeout without the sandbox), else SandboxExecute's own default.",
    ).tag(config=True)
    hard_timeout = Float(
        None, allow_none=True,
        help="Seconds one whole submission may take before its worker is killed and replaced. None: "
             f"sandboxed, the sandbox's submission_timeout + {HARD_TIMEOUT_MARGIN} s (at least "
             f"{HARD_TIMEOUT_MIN} s); else {HARD_TIMEOUT_CELLS} × the cell timeout (at least "
             f"{HARD_TIMEOUT_MIN} s).",
    ).tag(config=True)

    # ------------------------------------------------------------------------------------------- run
    def run(self, course: Course, modul: str, students: list[str] | None = None) -> GradeResult:
        """Grade ``modul``'s submissions (or only ``students``'); the state file records each outcome."""
        from cantik.grading.roster import trainer_ids

        submitted = self._submissions(course, modul, students)
        trainers = trainer_ids(course)
        result = GradeResult(modul=modul, sandboxed=self.sandbox,
                             trainers=[s for s in submitted if s in trainers])
        submitted = [s for s in submitted if s not in trainers]  # trainers are never learners
        state = ModuleState.open(course, modul, submitted)
        todo = self._plan(course, state, result, submitted)
        if not todo:
            state.save()
            return result
        if self.sandbox:
            self._require_bwrap()
        started = time.monotonic()
        try:
            self._grade(course, state, result, todo)
        finally:
            state.save()
        result.seconds = time.monotonic() - started
        return result

    def _submissions(self, course: Course, modul: str, students: list[str] | None) -> list[str]:
        """The learners with a submission of a released ``modul`` (only ``students`` when given)."""
        course.require_assignment(modul)
        with course.gradebook() as gb:
            try:
                gb.find_assignment(modul)
            except Exception as exc:  # nbgrader.api.MissingEntry
                raise KelasError(f"Modul '{modul}' belum ada di buku nilai.",
                                 f"Rilis dulu: `cantik kelas rilis {modul}`.") from exc
        found = sorted(p.parent.name for p in course.submitted_dir.glob(f"*/{modul}") if p.is_dir())
        if students:
            missing = sorted(set(students) - set(found))
            if missing:
                raise KelasError(f"Tidak ada kiriman modul '{modul}' dari: {', '.join(missing)}.",
                                 "Kumpulkan atau impor kirimannya dulu.")
            found = [s for s in found if s in students]
        if not found:
            raise KelasError(
                f"Belum ada kiriman untuk modul '{modul}'.",
                f"Kumpulkan dulu: `cantik kelas kumpulkan {modul}` atau `cantik kelas impor BERKAS`.",
            )
        return found

    def _plan(self, course: Course, state: ModuleState, result: GradeResult,
              submitted: list[str]) -> list[str]:
        """Skip what is unchanged, refuse unsafe folders; the rest is to grade."""
        from cantik.sandbox.intake import unsafe_entries

        todo = []
        for s in submitted:
            if state.unchanged(s) and not self.force:
                result.skipped.append(s)
                continue
            # nbgrader copies a link's *target* into autograded/ (e.g. the gradebook): never grade that folder
            unsafe = unsafe_entries(course.submitted_dir / s / state.modul)
            if unsafe:
                why = ("kiriman berisi berkas yang tidak aman sehingga tidak dinilai: "
                       + "; ".join(r.reason for r in unsafe)
                       + " Hapus berkas itu dari folder kiriman (atau impor ulang), lalu nilai lagi.")
                result.failed[s] = why
                state.record(s, False, why)
            else:
                todo.append(s)
        return todo

    @staticmethod
    def _require_bwrap() -> None:
        from cantik.errors import SandboxUnavailable
        from cantik.sandbox.bwrap import find_bwrap

        try:
            find_bwrap()
        except SandboxUnavailable as exc:
            raise KelasError(
                exc.pesan,
                "Pasang bubblewrap, atau bila Anda yakin semua kiriman aman, nilai tanpa sandbox dengan "
                "`--tanpa-sandbox`.",
            ) from exc

    # ------------------------------------------------------------------------------------- settings
    def cell_timeout(self, course: Course) -> int:
        """Seconds per cell: :attr:`timeout`, else the course configuration, else the sandbox's default."""
        if self.timeout is not None:
            return int(self.timeout)
        section = "SandboxExecute" if self.sandbox else "Execute"
        configured = course.config[section].get("timeout") or course.config.Execute.get("timeout")
        return int(configured or _sandbox_default("timeout"))

    def hard_limit(self, course: Course, cell_timeout: int) -> float:
        """Seconds one submission may take before its worker is killed (see :attr:`hard_timeout`)."""
        if self.hard_timeout is not None:
            return float(self.hard_timeout)
        if self.sandbox:  # the sandbox stops a submission past its own budget (and says why) first
            budget = int(course.config.SandboxExecute.get("submission_timeout",
                                                          _sandbox_default("submission_timeout")))
            return float(max(HARD_TIMEOUT_MIN, budget + HARD_TIMEOUT_MARGIN))
        return float(max(HARD_TIMEOUT_MIN, HARD_TIMEOUT_CELLS * cell_timeout))

    def overrides(self, course: Course, cell_timeout: int) -> dict[str, dict[str, Any]]:
        """What every worker changes in the course configuration: preprocessors and the cell timeout."""
        from cantik.sandbox.config import sandboxed_preprocessors, unsandboxed_preprocessors

        out: dict[str, dict[str, Any]] = {"Execute": {"timeout": cell_timeout}}
        if self.sandbox:
            out["Autograde"] = {"autograde_preprocessors": sandboxed_preprocessors(course.config)}
            out["SandboxExecute"] = {"timeout": cell_timeout}
        else:
            out["Autograde"] = {"autograde_preprocessors": unsandboxed_preprocessors(course.config)}
        return out

    def _warm_kernels(self, course: Course, overrides: dict[str, dict[str, Any]]) -> Any:
        """Launch the warm zygote (not waiting for it) when warm kernels apply, else ``None``."""
        from cantik.sandbox.zygote import KERNEL_NAME, WarmKernels

        if not self.warm:
            return None
        if not self.sandbox:
            overrides["Execute"]["kernel_name"] = KERNEL_NAME
        read_only = [Path(p) for p in course.config.SandboxKernelManager.get("read_only_paths", [])]
        return WarmKernels(sandbox=self.sandbox, read_only=read_only).launch()

    # ------------------------------------------------------------------------------------- grading
    def _grade(self, course: Course, state: ModuleState, result: GradeResult, todo: list[str]) -> None:
        """Run the workers over ``todo`` with a progress bar; record every outcome in ``result``/``state``."""
        cell = self.cell_timeout(course)
        hard = self.hard_limit(course, cell)
        overrides = self.overrides(course, cell)
        n_workers = max(1, min(self.workers or (os.cpu_count() or 1) + 1, len(todo)))
        # the zygote imports pandas/matplotlib while the workers start: both are ready at about the same time
        warm = self._warm_kernels(course, overrides)
        try:
            with WorkerPool(course, overrides, warm.env if warm else {}) as pool, \
                    progress_bar(self.progress) as bar:
                pool.start(n_workers)
                task = bar.add_task("Menyiapkan penilai", total=len(todo))
                if warm is not None:
                    warm.wait_ready()
                for s in todo:
                    pool.submit(state.modul, s)
                finished = 0
                while finished < len(todo):
                    event = pool.next_event(timeout=0.5)
                    if warm is not None and warm.ensure_alive():
                        bar.console.print("Proses kernel hangat berhenti; sudah dijalankan ulang.")
                    if event is not None and event[0] == "done":
                        self._record(state, result, event[2], event[3])
                        finished += 1
                        bar.advance(task)
                    for student, why in pool.reap(hard):
                        result.failed[student] = why
                        state.record(student, False, why)
                        finished += 1
                        bar.advance(task)
                        if finished < len(todo):
                            pool.spawn()
                    if finished < len(todo) and not pool.alive():  # e.g. every worker failed to start
                        raise KelasError("Semua proses penilai berhenti sebelum penilaian selesai.",
                                         f"Lihat catatannya di {pool.log_dir}, lalu nilai lagi.")
                    names = ", ".join(s for s, _ in pool.running.values())
                    bar.update(task, description=f"Menilai {names}" if names else "Menilai")
                result.worker_cpu += pool.close()
        finally:
            if warm is not None:
                warm.stop()

    @staticmethod
    def _record(state: ModuleState, result: GradeResult, student: str, outcome: dict[str, Any]) -> None:
        if outcome["ok"]:
            result.graded[student] = outcome
        else:
            result.failed[student] = outcome["reason"]
        state.record(student, outcome["ok"], outcome.get("reason") or "; ".join(outcome.get("stops", [])),
                     score=outcome.get("score"))


def autograde(
    course: Course,
    modul: str,
    *,
    students: list[str] | None = None,
    **options: Any,
) -> GradeResult:
    """Autograde every submission of ``modul`` (or only ``students``) in parallel.

    ``options`` are :class:`ParallelAutograde` traits for this run (``workers``, ``warm``, ``force``,
    ``timeout``, ``hard_timeout``, ``progress``, ``sandbox``); ``None`` keeps the configured value. The
    rest comes from the course configuration (``c.ParallelAutograde.…`` in ``nbgrader_config.py``).

    Examples
    --------
    >>> result = autograde(Course.open(), "modul_1")  # doctest: +SKIP
    >>> print(result.summary())                       # doctest: +SKIP
    """
    runner = ParallelAutograde(config=course.config,
                               **{k: v for k, v in options.items() if v is not None})
    return runner.run(course, modul, students=students)
