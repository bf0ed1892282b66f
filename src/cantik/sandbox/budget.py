"""A budget for answer data: decode it and run the hidden test in a resource-limited child process.

The JSON a kernel sends is learner data (:mod:`cantik.sandbox.answers`). Decoding it trustingly let a
350-byte answer make the grader allocate gigabytes and be OOM-killed (with plain nbgrader: the whole batch),
and a malformed float or deep nesting failed a whole submission. Here every test cell that runs in the
grader goes through a :class:`Checker`:

1. a small helper process (``python -m cantik.sandbox.budget``, started once per grader: numpy, pandas and
   the checks imported, the expected values of the test's questions computed before any learner data is
   read) forks one **child per test cell**;
2. the child lowers its own limits (``RLIMIT_AS``: :attr:`Budget.memory_mb` above the helper's size,
   ``RLIMIT_CPU``: :attr:`Budget.cpu_seconds`, no core file), parses the JSON, checks its size
   (:func:`cantik.sandbox.answers.measure`: values, range-index lengths, array cells, depth, string width)
   before building anything, decodes it (dtypes from an allow-list) and runs the trainer's test on it;
3. the helper reaps the child with ``wait4`` and reports what it used (CPU seconds, peak RSS) with the
   result; a child stopped by a limit, or still running after :attr:`Budget.wall_seconds`, is killed.

Every failure becomes an Indonesian reason for that one test cell (:attr:`Outcome.unusable`); the rest of
the notebook and the batch go on. The grader's own process never builds learner data. The same child,
with the same limits, gives the verdict on a plain answer a kernel handed over
(the grader's ``RecheckAnswers`` preprocessor) or a learner sent to the class server's check service
(:meth:`Checker.recheck`).

Examples
--------
>>> with Checker() as checker:                                              # doctest: +SKIP
...     outcome = checker.grade("assert rasio > 100", text_from_kernel, ["rasio"])
>>> outcome.unusable, outcome.error, outcome.cpu_seconds < 1, outcome.maxrss_mb < 200  # doctest: +SKIP
(None, None, True, True)
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import struct
import subprocess
import sys
import time
import typing as t
from dataclasses import asdict, dataclass

#: This module's import name: the helper is started by it.
MODULE = __spec__.name if __spec__ is not None else "cantik.sandbox.budget"


@dataclass(frozen=True)
class Budget:
    """What checking one test cell may cost (answer data and the hidden test together)."""

    memory_mb: int = 160
    """Address space the child may add to the helper's (``RLIMIT_AS``); past it: ``MemoryError``."""
    cpu_seconds: int = 2
    """CPU time of the child (``RLIMIT_CPU``); past it the kernel stops the child."""
    wall_seconds: float = 60.0
    """Wall-clock time after which the helper kills the child (a safety net; CPU is the budget)."""
    elements: int = 1_000_000
    depth: int = 40
    itemsize: int = 10_000


@dataclass
class Outcome:
    """What checking one test cell gave, and what it cost."""

    stdout: str = ""
    error: dict[str, str] | None = None
    """The test's failure (``ename``, ``evalue``), as the test raised it."""
    unusable: str | None = None
    """Why the answer could not be checked (Indonesian), or ``None``."""
    cpu_seconds: float = 0.0
    maxrss_mb: float = 0.0
    """Peak resident memory of the child (``ru_maxrss``), including what it shares with the helper."""


# ---------------------------------------------------------------------------------------------- framing
def _send(stream: t.BinaryIO, obj: t.Any) -> None:
    data = json.dumps(obj).encode("utf-8")
    stream.write(struct.pack(">I", len(data)) + data)
    stream.flush()


def _receive(stream: t.BinaryIO) -> t.Any:
    head = stream.read(4)
    if len(head) < 4:
        raise EOFError
    (size,) = struct.unpack(">I", head)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return json.loads(data)


# --------------------------------------------------------------------------------------- grader side
class Checker:
    """The grader's handle on the helper process (started on first use, restarted if it died)."""

    def __init__(self, budget: Budget | None = None) -> None:
        self.budget = budget or Budget()
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Checker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _helper(self) -> subprocess.Popen[bytes]:
        if self._proc is None or self._proc.poll() is not None:
            env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
            for name in ("CANTIK_SANDBOX", "CANTIK_CEK_URL"):  # the helper holds the key (it is the grader)
                env.pop(name, None)
            self._proc = subprocess.Popen([sys.executable, "-m", MODULE], stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE, env=env, close_fds=True)
        return self._proc

    def grade(self, source: str, text: str, names: list[str], answer: str | None = None) -> Outcome:
        """Check one test cell: ``text`` is what the kernel printed, ``names`` the values the test reads,
        ``answer`` the code of the answer cell it grades (for formula-first checks)."""
        return Outcome(**self._ask({"source": source, "text": text, "names": list(names), "answer": answer}))

    def recheck(self, soal: str, jenis: str, jawaban: t.Any, bagian: dict[str, t.Any] | None = None,
                kode: str | None = None, wilayah: str | None = None) -> dict[str, t.Any]:
        """The verdict on a plain answer handed over by a kernel or sent to the check service (``jenis``:
        ``uji``/``cek`` or ``bentuk``): ``{"benar", "pesan", "kode", "jenis"}`` plus the cost.
        ``bagian`` and ``kode``: a formula-first answer's parts (``ke_json`` form) and its answer cell's code.
        ``{"tidak_dikenal": message}`` for an unknown question."""
        place = {"wilayah": wilayah} if wilayah else {}  # a kernel's place (check service), else the grader's
        return self._ask({"recheck": {"soal": str(soal), "jenis": str(jenis), "jawaban": jawaban,
                                      "bagian": bagian or {}, "kode": kode}, **place})

    def _ask(self, request: dict[str, t.Any]) -> dict[str, t.Any]:
        from cantik.data.loader import active_wilayah

        # the place whose data the expected answers come from: the grader's active place (the module's)
        request = {"wilayah": active_wilayah(), **request, "budget": asdict(self.budget)}
        for attempt in range(2):  # a helper that died (e.g. killed with its worker) is started again
            proc = self._helper()
            try:
                assert proc.stdin is not None and proc.stdout is not None
                _send(proc.stdin, request)
                return dict(_receive(proc.stdout))
            except (BrokenPipeError, EOFError, OSError):
                self.close()
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        """Stop the helper (it also stops by itself when the grader's end of its pipe closes)."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        with contextlib.suppress(OSError):
            if proc.stdin is not None:
                proc.stdin.close()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


_SHARED: dict[Budget, Checker] = {}


def shared_checker(budget: Budget) -> Checker:
    """The checker of this process for ``budget``: one helper serves every notebook graded here (nbgrader
    builds new preprocessors for each submission ``cantik kelas nilai`` hands a worker)."""
    if budget not in _SHARED:
        if not _SHARED:
            import atexit

            atexit.register(lambda: [c.close() for c in _SHARED.values()])
        _SHARED[budget] = Checker(budget)
    return _SHARED[budget]


# --------------------------------------------------------------------------------------- helper side
def _warm(request: dict[str, t.Any]) -> None:
    """Compute, before any learner data is read, what the request's questions need (cached for children)."""
    from cantik.checks.core import siapkan_soal, soal_di_uji

    recheck = request.get("recheck")
    siapkan_soal([str(recheck["soal"])] if recheck else soal_di_uji(str(request.get("source", ""))))


def _vm_bytes() -> int:
    """This process's address-space size (``VmSize``), the base the child's memory limit is added to."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _in_child(request: dict[str, t.Any], budget: Budget) -> dict[str, t.Any]:
    """Parse, measure, decode and test, under the limits already set; the result as plain data."""
    from cantik.sandbox.answers import Limits, Unusable, decode, measure, parse_extraction, run_test

    limits = Limits(budget.elements, budget.depth, budget.itemsize)
    heavy = (f"Jawaban terlalu berat untuk diperiksa: membaca dan memeriksanya melewati batas memori "
             f"penilai ({budget.memory_mb} MB).")
    name = "jawaban"
    try:
        raw = parse_extraction(str(request["text"]))
        values = {}
        for name in request["names"]:
            obj = raw.get(name, {"t": "missing"})
            measure(name, obj, limits)
            values[name] = decode(name, obj)
    except Unusable as exc:
        return {"unusable": str(exc)}
    except MemoryError:
        return {"unusable": heavy}
    except RecursionError:
        return {"unusable": f"Jawaban `{name}` terlalu bertingkat untuk dibaca."}
    except Exception:  # any other malformed value (a float "abc", a bad date): this cell only
        return {"unusable": f"Jawaban `{name}` tidak bisa dibaca dari notebook (isinya rusak atau bukan "
                            "angka, teks, daftar atau tabel biasa)."}
    answer = request.get("answer")
    stdout, error = run_test(str(request["source"]), values, None if answer is None else str(answer))
    if error is not None and error["ename"] in ("MemoryError", "RecursionError"):
        return {"stdout": stdout, "unusable": heavy if error["ename"] == "MemoryError" else
                "Jawaban terlalu bertingkat untuk diperiksa."}
    return {"stdout": stdout, "error": error}


def _recheck_in_child(request: dict[str, t.Any], budget: Budget) -> dict[str, t.Any]:
    """The verdict on one plain answer (``cantik.checks.core.ke_json`` form), under the limits."""
    from cantik.checks.core import ambil, dari_json, periksa_bentuk, periksa_polos
    from cantik.sandbox.answers import Limits, Unusable, measure

    soal, jenis, jawaban = request["soal"], request["jenis"], request["jawaban"]
    bagian, kode = request.get("bagian") or {}, request.get("kode")
    try:
        sid = ambil(soal).id
    except KeyError as exc:
        return {"tidak_dikenal": str(exc.args[0] if exc.args else exc)}
    try:
        limits = Limits(budget.elements, budget.depth, budget.itemsize)
        measure(f"soal {sid}", jawaban, limits)
        if not isinstance(bagian, dict):
            raise Unusable(f"Bagian rumus soal {sid} tidak bisa dibaca.")
        for name, part in bagian.items():
            measure(f"soal {sid}, {name}", part, limits)
        if jenis == "bentuk":
            hasil = periksa_bentuk(sid, dari_json(jawaban))
        else:
            hasil = periksa_polos(sid, dari_json(jawaban), {str(k): dari_json(v) for k, v in bagian.items()},
                                  None if kode is None else str(kode))
    except Unusable as exc:
        return {"soal": sid, "benar": False, "pesan": str(exc), "kode": [f"{sid}/bentuk"], "jenis": "bentuk"}
    except Exception:  # an answer in a shape no comparator expects (MemoryError included): wrong, said so
        return {"soal": sid, "benar": False, "kode": [f"{sid}/bentuk"], "jenis": "bentuk",
                "pesan": f'Bentuk jawaban ini tidak bisa diperiksa. Coba lihat petunjuk("{sid}").'}
    return {"soal": sid, "benar": bool(hasil.benar), "pesan": str(hasil.pesan), "kode": list(hasil.kode),
            "jenis": hasil.jenis}


def _fork_and_check(request: dict[str, t.Any]) -> dict[str, t.Any]:
    import gc
    import resource

    budget = Budget(**request.get("budget", {}))
    read_end, write_end = os.pipe()
    base = _vm_bytes()
    pid = os.fork()
    if pid == 0:  # the child: limits first, then learner data
        status = 1
        try:
            gc.disable()  # short-lived: a collection would touch (and copy) every object it inherited
            os.close(read_end)
            quiet = os.open(os.devnull, os.O_RDWR)
            os.dup2(quiet, 0)  # the helper's pipes to the grader are never touched by the child
            os.dup2(quiet, 1)
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            resource.setrlimit(resource.RLIMIT_CPU, (budget.cpu_seconds, budget.cpu_seconds + 1))
            resource.setrlimit(resource.RLIMIT_AS, (base + budget.memory_mb * 2**20,) * 2)
            result = (_recheck_in_child(request["recheck"], budget) if "recheck" in request
                      else _in_child(request, budget))
            data = json.dumps(result).encode("utf-8")
            view = memoryview(data)
            while view:
                view = view[os.write(write_end, view):]
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    chunks, deadline, killed = [], time.monotonic() + budget.wall_seconds, False
    with os.fdopen(read_end, "rb", buffering=0) as pipe:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                killed = True
                break
            ready, _, _ = select.select([pipe], [], [], left)
            if ready:
                chunk = pipe.read(1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    _, status, usage = os.wait4(pid, 0)
    cost = {"cpu_seconds": round(usage.ru_utime + usage.ru_stime, 4),
            "maxrss_mb": round(usage.ru_maxrss / 1024, 1)}
    try:
        result = json.loads(b"".join(chunks)) if not killed else None
    except ValueError:
        result = None
    if result is None:
        sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
        if killed:
            why = f"pemeriksaan jawaban berjalan lebih dari {budget.wall_seconds:g} detik"
        elif sig == signal.SIGXCPU:
            why = f"pemeriksaan jawaban memakai waktu CPU lebih dari {budget.cpu_seconds} detik"
        else:
            why = f"pemeriksaan jawaban berhenti mendadak (batas memori {budget.memory_mb} MB)"
        result = {"unusable": f"Jawaban terlalu berat untuk diperiksa: {why}, jadi dihentikan."}
    return {**result, **cost}


def main() -> None:
    """Serve check requests on stdin/stdout until the grader (or the check service) closes the pipe."""
    import gc

    import numpy  # noqa: F401  (imported once, shared by every child)
    import pandas  # noqa: F401

    import cantik.checks.core
    import cantik.sandbox.answers  # noqa: F401
    from cantik.data.loader import WILAYAH_ENV

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # whatever else prints must not corrupt the framing
    while True:
        try:
            request = _receive(stdin)
        except EOFError:
            return
        if request.get("wilayah"):  # expected answers of the grader's place (cached per place)
            os.environ[WILAYAH_ENV] = str(request["wilayah"])
        with contextlib.suppress(Exception):  # a question failing here fails again, reported, in the child
            _warm(request)
        gc.freeze()  # what exists now is never scanned again: children copy no page for the collector
        _send(stdout, _fork_and_check(request))


if __name__ == "__main__":
    main()
