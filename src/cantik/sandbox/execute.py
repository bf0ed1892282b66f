"""nbgrader's ``Execute`` preprocessor on sandboxed kernels, with limits that stop only one submission.

Plug it into nbgrader through its public configuration (nothing in nbgrader is patched)::

    c.Autograde.autograde_preprocessors = [SandboxExecute, IgnorePattern, ..., SaveAutoGrades, ...]
    c.SandboxExecute.timeout = 30             # seconds per cell
    c.SandboxExecute.notebook_timeout = 300   # seconds per notebook (wall clock)
    c.SandboxKernelManager.memory_mb = 2048   # see cantik.sandbox.kernel

Time is budgeted per cell (``timeout``), per notebook (``notebook_timeout``) and per submission
(``submission_timeout``: all notebooks of one learner's folder together, wall clock, what a hook sleeping
before every cell cannot stretch). A cell's own limit is extended by the time the kernel waited for a CPU
because of *other* submissions' or programs' load (:meth:`cantik.sandbox.quota.Sample.credit_since`), and
the notebook's end moves with it (a spinning or sleeping kernel earns no such time); the submission's end
never moves. If the notebook's or submission's end stops a kernel that mostly waited for the machine, the
submission is not scored at all (:class:`GraderBusy`: graded again later) instead of being blamed for it.

When a submission hits a limit:

* per-cell time: the cell is interrupted (as nbgrader does) and gets an Indonesian error naming the cell
  and the limit; if the kernel does not answer afterwards, the submission is stopped;
* notebook time, CPU time, memory, processes, file size, output size, or the kernel dying (``exit()``,
  ``os._exit()``, killing itself): the submission is **stopped**: the cell where it happened gets an error
  output with the reason, and every later code cell gets an error output "tidak dijalankan", so no test
  cell that did not run can earn points (nbgrader gives full marks to a test cell without errors).

The reasons are error outputs (ename ``BatasSandbox``) in the autograded notebook, so they appear in the
learner's feedback and survive nbgrader's metadata clearing; :func:`stops` reads them back, and
``resources["cantik_sandbox"]`` holds them for code that runs nbgrader in-process. The batch goes on.

With ``grade_in_grader`` (on by default) autograder test cells do not run in the learner's kernel at all:
the names they read are taken out as plain data and the test runs on the grader's side, in a child process
with a budget of memory, CPU and answer size (:mod:`cantik.sandbox.answers`, :mod:`cantik.sandbox.budget`;
``answer_memory_mb``, ``answer_cpu_seconds``, ``answer_elements``), but only when the cell's source equals
the gradebook's (nbgrader restores locked cells from it) or the caller sets ``trust_test_cells``; anything
else runs sandboxed. A matplotlib chart crosses as the SVG it renders to and is read in that child
(:mod:`cantik.checks.figures`). Test cells containing ``# uji-di-kernel`` (a trainer's own check that needs
a live object) stay in the kernel.
"""

from __future__ import annotations

import math
import time
import typing as t

from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import Execute
from traitlets import Bool, Float, Integer, Unicode, default

from cantik.checks.core import KERNEL_MARKER
from cantik.data.loader import use_notebook_place
from cantik.sandbox.budget import Budget, Checker, shared_checker
from cantik.sandbox.kernel import SandboxKernelManager


class GraderBusy(RuntimeError):
    """The grading machine was so busy that this submission could not be graded fairly (not scored)."""


#: ename of the error outputs this preprocessor writes.
STOP_ENAME = "BatasSandbox"
TIMEOUT_ENAME = "CellTimeoutError"
#: ename of a test cell whose answer could not be taken out as plain data (grade_in_grader).
ANSWER_ENAME = "JawabanTidakTerbaca"
_TIMEOUT_PLACEHOLDER = "__cantik_batas_waktu_sel__"
_SIGNALS = {9: "SIGKILL", 11: "SIGSEGV", 6: "SIGABRT", 24: "SIGXCPU", 25: "SIGXFSZ", 15: "SIGTERM",
            2: "SIGINT"}


#: The submission whose clock runs in this process: (assignment, student), its start, notebooks seen.
_CLOCK: dict[str, t.Any] = {"key": None, "started": 0.0, "seen": set()}


def _submission_clock(resources: t.Any) -> float:
    """When the current submission started (``time.monotonic``): notebooks of the same learner's
    assignment processed one after the other share one clock; a notebook seen again starts a new one."""
    info = (resources or {}).get("nbgrader", {})
    key = (info.get("assignment"), info.get("student"))
    notebook = info.get("notebook")
    if None in key or key != _CLOCK["key"] or notebook in _CLOCK["seen"]:
        _CLOCK.update(key=key, started=time.monotonic(), seen=set())
    _CLOCK["seen"].add(notebook)
    return float(_CLOCK["started"])


def _cell_name(cell: NotebookNode, index: int) -> str:
    grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
    return f"sel ke-{index + 1}" + (f" ('{grade_id}')" if grade_id else "")


def _error(evalue: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename=STOP_ENAME, evalue=evalue,
                        traceback=[f"\x1b[0;31m{STOP_ENAME}\x1b[0m: {evalue}"])


def stops(nb: NotebookNode) -> list[dict[str, t.Any]]:
    """The sandbox's Indonesian reasons recorded in an executed notebook, in cell order.

    Examples
    --------
    >>> stops(nbformat.read("grading/autograded/budi/modul1/modul1.ipynb", 4))   # doctest: +SKIP
    [{'sel': 3, 'alasan': 'Sel ke-3 ... melewati batas waktu 2 detik per sel ...'}]
    """
    out = []
    names = (STOP_ENAME, TIMEOUT_ENAME, ANSWER_ENAME)
    for index, cell in enumerate(nb.cells):
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error" and o.get("ename") in names:
                out.append({"sel": index + 1, "alasan": o.get("evalue", "")})
    return out


class SandboxExecute(Execute):
    """nbgrader ``Execute`` on :class:`~cantik.sandbox.kernel.SandboxKernelManager` kernels, with limits."""

    notebook_timeout = Integer(600, help="Wall-clock seconds for the whole notebook.").tag(config=True)
    submission_timeout = Integer(
        180, help="Wall-clock seconds for all notebooks of one submission together (one learner's folder); "
                  "waiting for a busy machine extends a cell's limit, never this one.").tag(config=True)
    busy_fraction = Float(
        0.25, help="When the notebook or submission time limit stops a kernel that waited for the busy "
                   "machine more than this fraction of the time, the submission is not scored (GraderBusy) "
                   "and is graded again later, instead of being blamed.").tag(config=True)
    max_output_bytes = Integer(
        2_000_000, help="Output (text, images) a notebook may produce in total; more stops it."
    ).tag(config=True)
    grade_in_grader = Bool(
        True, help="Run autograder test cells in the grader's process on the learner's answers taken out "
                    "as plain data (cantik.sandbox.answers), never in the learner's kernel."
    ).tag(config=True)
    trust_test_cells = Bool(
        False, help="With grade_in_grader outside nbgrader (no gradebook to compare with): treat the "
                    "notebook's test cells as the trainer's code. Never set this for submissions."
    ).tag(config=True)
    kernel_marker = Unicode(
        KERNEL_MARKER,
        help="With grade_in_grader: a test cell whose (trainer's) source contains this comment runs in the "
             "learner's kernel as in plain nbgrader, e.g. a trainer's own check that needs a live object "
             "(the course's chart questions do not: charts cross as SVG). "
             "Decided from the test's source, which nbgrader restores from the gradebook, never from "
             "anything the learner's kernel reports.",
    ).tag(config=True)
    ping_timeout = Float(3.0, help="Seconds a kernel has to answer after an interrupted cell.").tag(
        config=True)
    answer_memory_mb = Integer(
        Budget.memory_mb, help="With grade_in_grader: memory (MB) that reading one test cell's answers and "
                               "running its test may add (cantik.sandbox.budget); past it the cell fails "
                               "with an Indonesian reason, the notebook goes on.").tag(config=True)
    answer_cpu_seconds = Integer(
        Budget.cpu_seconds, help="With grade_in_grader: CPU seconds for reading one test cell's answers and "
                                 "running its test.").tag(config=True)
    answer_elements = Integer(
        Budget.elements, help="With grade_in_grader: most values one answer may hold (a range index counts "
                              "its length, an array its cells).").tag(config=True)

    @default("error_on_timeout")
    def _default_error_on_timeout(self) -> dict[str, t.Any]:
        return {"ename": TIMEOUT_ENAME, "evalue": _TIMEOUT_PLACEHOLDER, "traceback": [_TIMEOUT_PLACEHOLDER]}

    def __init__(self, **kwargs: t.Any) -> None:
        kwargs.setdefault("kernel_manager_class", SandboxKernelManager)
        super().__init__(**kwargs)
        self._reset()

    def _reset(self) -> None:
        self._stopped: str | None = None
        self._events: list[dict[str, t.Any]] = []
        self._started = time.monotonic()
        self._submission_started = self._started
        self._out_bytes = 0
        self._output_exceeded = False
        self._cell_timeout = self.timeout
        self._notebook_bound = False
        self._trusted_tests: dict[str, str] | None = None
        self._waiting_msg_id: str | None = None
        self._cell_sample: t.Any = None
        self._first_sample: t.Any = None
        self._granted = 0.0  # seconds this notebook's cells were extended for the machine's load
        self._cell_granted = 0.0
        self._answer_costs: list[dict[str, t.Any]] = []

    # ------------------------------------------------------------------------------------------ run
    def preprocess(self, nb: NotebookNode, resources: t.Any = None, km: t.Any = None) -> t.Any:
        self._reset()
        self._submission_started = _submission_clock(resources)
        self._submitted_dir = self._find_submitted_dir(resources)
        self._trusted_tests = self._gradebook_tests(resources)
        use_notebook_place(nb)
        try:
            return super().preprocess(nb, resources, km=km)
        finally:
            self.timeout = self._cell_timeout
            if resources is not None:
                resources["cantik_sandbox"] = {"dihentikan": self._stopped, "kejadian": list(self._events),
                                               "biaya_jawaban": list(self._answer_costs)}
            for event in self._events:
                self.log.warning("Sandbox: %s", event["alasan"])

    def preprocess_cell(self, cell: NotebookNode, resources: t.Any, index: int) -> t.Any:
        if cell.cell_type != "code" or not cell.source.strip():
            return cell, resources
        if self._stopped is not None:
            cell.outputs = [_error(f"{_cell_name(cell, index).capitalize()} tidak dijalankan: "
                                   f"{self._stopped}")]
            return cell, resources
        remaining, bound = self._remaining()
        if remaining <= 0:
            self._stop(cell, index, self._time_up_reason(bound))
            return cell, resources
        notebook_bound = self._cell_timeout is None or remaining < self._cell_timeout
        self._notebook_bound = notebook_bound
        self.timeout = max(1, math.ceil(remaining)) if notebook_bound else self._cell_timeout
        self._cell_sample = self._sample()
        self._cell_granted = 0.0
        if self._first_sample is None:
            self._first_sample = self._cell_sample
        meta = cell.get("metadata", {}).get("nbgrader", {})
        in_kernel = bool(self.kernel_marker) and self.kernel_marker in cell.source
        if self.grade_in_grader and meta.get("grade") and not meta.get("solution") and not in_kernel:
            from cantik.sandbox.answers import free_names

            names = free_names(cell.source) if self._is_trainers_test(cell) else None
            if names is not None:
                return self._grade_here(cell, resources, index, names)
            self.log.warning("Sel uji %s dijalankan di kernel peserta (bukan Python biasa, atau kodenya "
                             "tidak sama dengan di buku nilai).", index + 1)
        return self._run_in_kernel(cell, resources, index)

    def _run_in_kernel(self, cell: NotebookNode, resources: t.Any, index: int) -> t.Any:
        """Execute ``cell`` in the learner's kernel, turning limits into Indonesian reasons."""
        notebook_bound = self._notebook_bound
        try:
            super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self._stop(cell, index, self._death_reason())
            return cell, resources
        except CellTimeoutError:  # interrupted, yet the kernel never went idle (e.g. a fork bomb)
            if self._over_budget():  # killed by the budget while the reply was awaited: that is why
                self._stop(cell, index, self._death_reason())
                return cell, resources
            note = self._process_note()  # counted at the time limit, before the kill
            self._kill()
            self._stop(cell, index, f"sel berjalan lebih dari {self.timeout} detik dan kernel tidak bisa "
                                    "dihentikan dengan interupsi, jadi kernel dimatikan." + note)
            return cell, resources
        if self._output_exceeded:
            self._stop(cell, index, self._death_reason())
            return cell, resources
        self._explain_errors(cell, index)
        timed_out = [o for o in cell.outputs
                     if o.get("output_type") == "error" and o.get("evalue") == _TIMEOUT_PLACEHOLDER]
        if timed_out:
            if notebook_bound:
                reason = self._time_up_reason(self._remaining()[1])
                msg = f"{_cell_name(cell, index).capitalize()} dihentikan: {reason}"
            else:
                msg = (f"{_cell_name(cell, index).capitalize()} berjalan lebih dari {self.timeout} detik "
                       "(batas waktu per sel) dan dihentikan. Periksa perulangan yang tidak pernah selesai.")
                if self._cell_granted >= 1:
                    msg += (" (Waktu menunggu karena komputer penilai sibuk, "
                            f"{self._cell_granted:.0f} detik, tidak dihitung.)")
            msg += self._process_note()
            for o in timed_out:
                o["evalue"] = msg
                o["traceback"] = [f"\x1b[0;31m{TIMEOUT_ENAME}\x1b[0m: {msg}"]
            self._events.append({"sel": index + 1, "batas": "waktu_sel", "alasan": msg})
            if notebook_bound:
                self._stopped = self._time_up_reason(self._remaining()[1])
            elif not self._responsive():
                self._kill()
                self._stopped = ("kernel tidak bisa dihentikan setelah melewati batas waktu per sel "
                                 f"({_cell_name(cell, index)}).")
                self._events.append({"sel": index + 1, "batas": "tidak_responsif", "alasan": self._stopped})
        return cell, resources

    def _gradebook_tests(self, resources: t.Any) -> dict[str, str] | None:
        """Source of every autograder test cell of this notebook, from nbgrader's gradebook."""
        info = (resources or {}).get("nbgrader", {})
        if not self.grade_in_grader or not all(info.get(k) for k in ("db_url", "assignment", "notebook")):
            return None
        from nbgrader.api import Gradebook, MissingEntry

        try:
            with Gradebook(info["db_url"]) as gb:
                nb = gb.find_notebook(info["notebook"], info["assignment"])
                return {c.name: c.source for c in nb.source_cells if c.cell_type == "code"}
        except MissingEntry:
            return None

    def _is_trainers_test(self, cell: NotebookNode) -> bool:
        """Run this test cell in the grader's process only if it is certainly the trainer's code."""
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if self._trusted_tests is not None:
            return bool(grade_id) and self._trusted_tests.get(grade_id) == cell.source
        return self.trust_test_cells

    def _find_submitted_dir(self, resources: t.Any) -> str:
        """The learner's folder in nbgrader's ``submitted/`` (from nbgrader's resources and config)."""
        info = (resources or {}).get("nbgrader", {})
        if not info.get("student") or not info.get("assignment"):
            return ""
        from nbgrader.coursedir import CourseDirectory

        cd = CourseDirectory(config=self.config)
        return cd.format_path(cd.submitted_directory, info["student"], info["assignment"])

    def create_kernel_manager(self) -> t.Any:
        km = super().create_kernel_manager()
        if isinstance(km, SandboxKernelManager):
            km.submitted_dir = getattr(self, "_submitted_dir", "")
        return km

    def _checker(self) -> Checker:
        """The answer checker of this process for this budget (:mod:`cantik.sandbox.budget`)."""
        return shared_checker(Budget(memory_mb=self.answer_memory_mb, cpu_seconds=self.answer_cpu_seconds,
                                     elements=self.answer_elements))

    def _grade_here(self, cell: NotebookNode, resources: t.Any, index: int, names: list[str]) -> t.Any:
        """Take ``names`` out of the kernel as plain data and run the test cell in this process."""
        from nbformat.v4 import new_code_cell, new_output

        from cantik.sandbox.answers import answer_code, extraction_code

        probe = new_code_cell(extraction_code(names))
        try:
            try:
                super().preprocess_cell(probe, resources, index)
            finally:
                self.nb.cells[index] = cell  # nbclient stores the executed (probe) cell at this index
        except DeadKernelError:
            self._stop(cell, index, self._death_reason())
            return cell, resources
        except CellTimeoutError:
            self._kill()
            self._stop(cell, index, "kernel tidak menjawab saat jawaban diambil, jadi kernel dimatikan.")
            return cell, resources
        if self._output_exceeded:
            self._stop(cell, index, self._death_reason())
            return cell, resources
        text = "".join(o.get("text", "") for o in probe.outputs if o.get("output_type") == "stream")
        outcome = self._checker().grade(cell.source, text, names, answer_code(self.nb.cells, index))
        self._answer_costs.append({"sel": index + 1, "cpu_detik": outcome.cpu_seconds,
                                   "maks_rss_mb": outcome.maxrss_mb})
        if outcome.unusable is not None:
            cell.outputs = [new_output("error", ename=ANSWER_ENAME, evalue=outcome.unusable,
                                       traceback=[f"{ANSWER_ENAME}: {outcome.unusable}"])]
            return cell, resources
        stdout, error = outcome.stdout, outcome.error
        outputs = [new_output("stream", name="stdout", text=stdout)] if stdout else []
        if error is not None:
            outputs.append(new_output("error", ename=error["ename"], evalue=error["evalue"],
                                      traceback=[f"{error['ename']}: {error['evalue']}"]))
        cell.outputs = outputs
        cell.execution_count = probe.get("execution_count")
        return cell, resources

    # --------------------------------------------------------------------------------------- time
    def _remaining(self) -> tuple[float, str]:
        """Seconds left before the notebook's or the submission's end, and which one is nearer.

        The notebook's end moves by the time its cells were extended for others' load (:attr:`_granted`:
        an honest notebook on a busy machine is not cut short); the submission's end never moves.
        """
        now = time.monotonic()
        notebook = self.notebook_timeout + self._granted - (now - self._started)
        submission = self.submission_timeout - (now - self._submission_started)
        return (notebook, "notebook") if notebook <= submission else (submission, "kiriman")

    def _sample(self) -> t.Any:
        watchdog = getattr(self.km, "watchdog", None)
        return watchdog.sample() if watchdog is not None else None

    def _time_up_reason(self, bound: str) -> str:
        """Why the notebook or submission time ran out, in Indonesian; :class:`GraderBusy` when the kernel
        mostly waited for the busy machine (then it is not the learner's doing, and nothing is scored)."""
        now, first = self._sample(), self._first_sample
        started = self._started if bound == "notebook" else self._submission_started
        elapsed = max(time.monotonic() - started, 1e-6)
        if now is not None and first is not None:
            lost = now.credit_since(first)
            if lost > self.busy_fraction * elapsed:
                raise GraderBusy(
                    f"Komputer penilai terlalu sibuk: kernel kiriman ini menunggu giliran CPU {lost:.0f} "
                    f"dari {elapsed:.0f} detik, jadi kiriman tidak dinilai (bukan kesalahan peserta). Nilai "
                    "ulang saat komputer tidak sibuk.")
        if bound == "notebook":
            msg = f"notebook melewati batas waktu {self.notebook_timeout} detik untuk seluruh notebook."
        else:
            msg = (f"kiriman ini melewati batas waktu {self.submission_timeout} detik untuk seluruh kiriman "
                   "(semua notebooknya bersama-sama).")
        if now is not None and first is not None and now.wall - first.wall > 5:
            cpu, span = now.main - first.main, now.wall - first.wall
            if cpu < 0.25 * span:
                msg += (f" Kernel lebih banyak menunggu daripada menghitung (hanya {cpu:.0f} detik CPU dalam "
                        f"{span:.0f} detik), misalnya karena time.sleep() atau kode yang dijalankan sebelum "
                        "setiap sel.")
        return msg

    async def _async_poll_for_reply(self, msg_id: str, *args: t.Any, **kwargs: t.Any) -> t.Any:
        self._waiting_msg_id = msg_id  # for _async_handle_timeout, which nbclient does not tell
        return await super()._async_poll_for_reply(msg_id, *args, **kwargs)

    async def _wait_for_lost_time(self) -> dict[str, t.Any] | None:
        """At a cell's time limit: wait as long again as the kernel lost to others' load during the cell
        (never past the submission's end); the cell's reply if it came meanwhile."""
        from queue import Empty

        start, msg_id = self._cell_sample, self._waiting_msg_id
        if start is None or msg_id is None or self.kc is None:
            return None
        granted = 0.0
        while True:
            now = self._sample()
            if now is None:
                return None
            extra = min(now.credit_since(start) - granted, self._remaining()[0])
            if extra < 0.05:
                return None
            granted += extra
            self._granted += extra
            self._cell_granted += extra
            deadline = time.monotonic() + extra
            while (left := deadline - time.monotonic()) > 0:
                try:
                    msg = await self.kc.shell_channel.get_msg(timeout=left)
                except (Empty, TimeoutError):
                    break
                if msg.get("parent_header", {}).get("msg_id") == msg_id:
                    return msg

    # ------------------------------------------------------------------------------------- limits
    def output(self, outs: list[NotebookNode], msg: dict[str, t.Any], display_id: str | None,
               cell_index: int) -> NotebookNode | None:
        """Count output bytes; past ``max_output_bytes`` drop the rest and stop the kernel."""
        if self._output_exceeded:
            return None
        content = msg.get("content", {})
        size = len(content.get("text", "")) + sum(len(str(v)) for v in content.get("data", {}).values())
        size += sum(len(line) for line in content.get("traceback", []))
        self._out_bytes += size
        if self._out_bytes > self.max_output_bytes:
            self._output_exceeded = True
            self._kill()
            return None
        return super().output(outs, msg, display_id, cell_index)

    async def _async_handle_timeout(self, timeout: int, cell: NotebookNode | None = None) -> t.Any:
        if not self._notebook_bound:
            reply = await self._wait_for_lost_time()
            if reply is not None:
                return reply
        # count the sandbox's processes before the interrupt reaches them (it may end some of them)
        km = self.km
        self._tasks_at_timeout = km.task_count() if isinstance(km, SandboxKernelManager) else None
        return await super()._async_handle_timeout(timeout, cell)

    def _process_note(self) -> str:
        """A sentence when the sandbox is at its process limit (a fork bomb), else ''."""
        km = self.km
        if not isinstance(km, SandboxKernelManager):
            return ""
        count = max(km.task_count() or 0, getattr(self, "_tasks_at_timeout", None) or 0) or None
        if count is None or count < 0.9 * km.processes:
            return ""
        return (f" Notebook ini juga membuat terlalu banyak proses atau thread ({count}, "
                f"batas {km.processes}).")

    def _explain_errors(self, cell: NotebookNode, index: int) -> None:
        """Name the limit behind a cell's error (memory, processes, file size, full home) in Indonesian.

        Only cells that already failed get a note, so no score changes.
        """
        km = self.km
        lim = km.limits if isinstance(km, SandboxKernelManager) else None
        if lim is None:
            return
        notes = []
        for o in cell.get("outputs", []):
            if o.get("output_type") != "error" or o.get("ename") in (STOP_ENAME, TIMEOUT_ENAME):
                continue
            text = f"{o.get('ename', '')}: {o.get('evalue', '')}"
            if o.get("ename") == "MemoryError":
                notes.append(f"memakai memori melebihi batas {lim.memory_mb} MB")
            elif "Resource temporarily unavailable" in text or "can't start new thread" in text:
                notes.append(f"membuat terlalu banyak proses atau thread (batas {lim.processes})")
            elif "File too large" in text:
                notes.append(f"menulis berkas melebihi batas {lim.file_mb} MB per berkas")
            elif "No space left on device" in text:
                notes.append(f"mengisi folder kerja melebihi batas {lim.home_mb} MB")
        for note in dict.fromkeys(notes):
            msg = f"{_cell_name(cell, index).capitalize()} {note}."
            cell.outputs.append(_error(msg))
            self._events.append({"sel": index + 1, "batas": "sumber_daya", "alasan": msg})

    def _stop(self, cell: NotebookNode, index: int, reason: str) -> None:
        msg = f"{_cell_name(cell, index).capitalize()}: {reason} Sel-sel berikutnya tidak dijalankan."
        cell.outputs = [*[o for o in cell.get("outputs", []) if o.get("output_type") != "error"],
                        _error(msg)]
        self._stopped = reason
        self._events.append({"sel": index + 1, "batas": "berhenti", "alasan": msg})

    def _kill(self) -> None:
        km = self.km
        if isinstance(km, SandboxKernelManager):
            km.kill_now()

    def _over_budget(self) -> bool:
        """Did the submission's memory budget end the kernel (the watchdog, or its cgroup's OOM killer)?"""
        km = self.km
        return isinstance(km, SandboxKernelManager) and (
            km.budget_exceeded == "memori" or (km.cgroups is not None and km.cgroups.oom_kills() > 0))

    def _death_reason(self) -> str:
        """Why the kernel ended, in Indonesian, from the sandbox's exit status."""
        if self._output_exceeded:
            mb = self.max_output_bytes / 1_000_000
            return f"keluaran (print/tampilan) melebihi batas {mb:g} MB untuk satu notebook."
        status = None
        km = self.km
        if self._over_budget():
            return ("semua proses kiriman ini bersama-sama memakai memori melebihi batas "
                    f"{km.budget_memory_mb} MB per kiriman, jadi kernel dihentikan.")
        if isinstance(km, SandboxKernelManager):
            deadline = time.monotonic() + 2
            while (status := km.exit_status()) is None and time.monotonic() < deadline:
                time.sleep(0.02)
            limits = km.limits
        else:
            limits = None
        if status is None:
            return "kernel Python berhenti merespons."
        sig = status - 128 if status > 128 else (-status if status < 0 else 0)
        if sig == 24:  # SIGXCPU
            cpu = limits.cpu_seconds if limits else "?"
            return f"waktu CPU melebihi batas {cpu} detik untuk seluruh notebook."
        if sig == 25:  # SIGXFSZ
            return f"berkas yang ditulis melebihi batas {limits.file_mb if limits else '?'} MB."
        if sig == 9:
            return ("kernel dihentikan paksa (SIGKILL), mis. karena memori habis atau kode menghentikan "
                    "kernelnya sendiri.")
        if sig:
            return f"kernel Python berhenti mendadak (sinyal {_SIGNALS.get(sig, sig)})."
        return (f"kernel Python berhenti sendiri (kode keluar {status}), mis. karena exit(), quit() atau "
                "os._exit() di dalam notebook.")

    def _responsive(self) -> bool:
        """Does the kernel answer a trivial request within ``ping_timeout`` seconds?"""
        from jupyter_core.utils import run_sync

        async def ping() -> bool:
            kc = self.kc
            if kc is None or not await kc.is_alive():
                return False
            msg_id = kc.execute("", silent=True, store_history=False, stop_on_error=False)
            deadline = time.monotonic() + self.ping_timeout
            while (left := deadline - time.monotonic()) > 0:
                try:
                    reply = await kc.shell_channel.get_msg(timeout=left)
                except Exception:  # queue.Empty / TimeoutError
                    return False
                if reply.get("parent_header", {}).get("msg_id") == msg_id:
                    return True
            return False

        return bool(run_sync(ping)())
