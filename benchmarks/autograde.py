"""Autograde throughput: plain ``nbgrader autograde`` against ``cantik kelas nilai``, same run, same files.

Makes 40 submissions of a pandas + matplotlib module (correct, partly wrong, erroring), grades one copy
with plain ``nbgrader autograde`` (one process, one cold kernel per notebook) and an identical copy with
:func:`cantik.grading.autograde.autograde` (parallel workers, every submission in its own
:mod:`cantik.sandbox` by default; ``--tanpa-sandbox``: warm forked kernels, no isolation), asserts that every
per-question score in the two gradebooks is identical, and prints both times, the ratio, the CPU time
and the peak memory of each run's whole process tree (sampled every 50 ms; RSS counts pages shared by
forked processes once per process, PSS splits them between the processes sharing them).

Targets on the 2-core machine: ``speed-up >= 8.0x`` as root, ``>= 4.0x`` as an ordinary user
(``--pengguna biasa`` runs the whole benchmark, both sides, as uid 65534 when started as root: a trainer
without root, see :mod:`tests.unprivileged`).

The baseline is what the issue names: plain ``nbgrader autograde`` with nbgrader's own ``Execute`` (the
project's ``nbgrader_config.py`` sandboxes plain nbgrader too; ``--baseline-sandbox`` keeps that, i.e.
compares against plain nbgrader with cold sandboxed kernels).

    .venv/bin/python benchmarks/autograde.py [--n 40] [--workers N] [--tanpa-sandbox] [--keep DIR]
                                             [--pengguna root|biasa]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

VARIANTS = ["benar", "sebagian", "galat"]


class PeakRSS:
    """Sample the summed RSS of this process's descendants (or of ``pid``'s tree) in a thread, and the
    CPU time of every process seen in that tree (sandboxed kernels included: they are never waited for
    by a process we wait for, so ``RUSAGE_CHILDREN`` would miss them; up to 50 ms per process is lost)."""

    def __init__(self, pid: int | None = None) -> None:
        import psutil

        self.root = psutil.Process(pid or os.getpid())
        self.include_root = pid is not None
        self.peak = 0
        self.peak_pss = 0  # proportional set size: shared (forked, copy-on-write) pages counted once
        self._cpu: dict[tuple[int, float], float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            total = pss = 0
            try:
                procs = self.root.children(recursive=True) + ([self.root] if self.include_root else [])
            except psutil.Error:
                procs = []
            for proc in procs:
                with contextlib.suppress(psutil.Error):
                    info = proc.memory_full_info()
                    total += info.rss
                    pss += info.pss
                    times = proc.cpu_times()
                    self._cpu[(proc.pid, proc.create_time())] = times.user + times.system
            self.peak = max(self.peak, total)
            self.peak_pss = max(self.peak_pss, pss)
            self._stop.wait(0.05)

    @property
    def cpu(self) -> float:
        """CPU seconds of the processes seen in the tree (last sample of each)."""
        return sum(self._cpu.values())

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def scores(root: Path, modul: str) -> dict[tuple[str, str, str], float | None]:
    """(student, notebook, grade cell) → auto score, read from the course's gradebook."""
    from cantik.grading.course import Course

    out = {}
    with Course.open(root).gradebook() as gb:
        for student in gb.students:
            try:
                sub = gb.find_submission(modul, student.id)
            except Exception:
                continue
            for nb in sub.notebooks:
                for grade in nb.grades:
                    out[(student.id, nb.name, grade.name)] = grade.auto_score
    return out


def _baseline_kind(root: Path) -> str:
    """Does plain nbgrader run sandboxed with this course's configuration?"""
    from cantik.grading.course import Course
    from cantik.sandbox.config import EXECUTE

    current = Course.open(root).config.Autograde.get("autograde_preprocessors") or []
    names = [p if isinstance(p, str) else f"{p.__module__}.{p.__name__}" for p in current]
    if EXECUTE in names:
        return "sandboxed (the course's nbgrader_config.py uses cantik.sandbox)"
    return "nbgrader's own Execute (no sandbox)"


def _as_ordinary_user() -> int:
    """Run this benchmark again, whole, as the ordinary user (both sides: plain nbgrader and ours)."""
    from tests.unprivileged import ORDINARY_UID, as_ordinary_user, ordinary_env, shared_folder

    base = shared_folder("cantik-bench-biasa-")
    (base / "stage").mkdir()
    home = base / "rumah"
    home.mkdir()
    os.chown(home, ORDINARY_UID, ORDINARY_UID)
    argv = [sys.executable, __file__, *[a for a in sys.argv[1:] if a not in ("--pengguna", "biasa")]]
    try:
        cmd = as_ordinary_user(argv, base / "stage")
        return subprocess.run(cmd, cwd=ROOT, env=ordinary_env(home)).returncode
    finally:
        shutil.rmtree(base, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=40, help="number of submissions")
    parser.add_argument("--workers", type=int, default=None, help="parallel workers (default CPUs + 1)")
    parser.add_argument(
        "--tanpa-sandbox", action="store_true", help="grade our copy without the sandbox (warm kernels)"
    )
    parser.add_argument(
        "--baseline-sandbox",
        action="store_true",
        help="run plain nbgrader with the course config as it is (cold sandboxed kernels) instead of "
             "nbgrader's own Execute",
    )
    parser.add_argument("--keep", type=Path, default=None, help="keep the two course copies in this folder")
    parser.add_argument("--pengguna", choices=["root", "biasa"], default=None,
                        help="biasa: run as an ordinary user (uid 65534; needs root to switch)")
    args = parser.parse_args()
    if args.pengguna == "biasa" and os.geteuid() == 0:
        return _as_ordinary_user()

    from cantik.grading.autograde import autograde
    from cantik.grading.course import Course
    from cantik.grading.release import release
    from tests.grading.helpers import MODUL, make_course, submit

    for var in ("CANTIK_GRADEBOOK_URL", "CANTIK_EXCHANGE"):
        os.environ.pop(var, None)
    base = args.keep or Path(tempfile.mkdtemp(prefix="cantik-bench-"))
    plain_root, ours_root = base / "plain", base / "cantik"
    for root in (plain_root, ours_root):
        shutil.rmtree(root, ignore_errors=True)
        make_course(root)
        release(Course.open(root), MODUL, exchange=False)
        for i in range(args.n):
            submit(root, f"peserta{i:02d}", VARIANTS[i % len(VARIANTS)])

    if not args.baseline_sandbox:  # nbgrader reads this file after the course config
        (plain_root / "nbgrader_config.py").write_text(
            (plain_root / "nbgrader_config.py").read_text()
            + "\nfrom cantik.sandbox.config import unsandboxed_preprocessors\n"
            "c.Autograde.autograde_preprocessors = unsandboxed_preprocessors(c)\n"
        )
    baseline = _baseline_kind(plain_root)
    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"]}
    nbgrader = str(Path(sys.executable).with_name("nbgrader"))
    load0 = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(
        [nbgrader, "autograde", MODUL],
        cwd=plain_root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    with PeakRSS(proc.pid) as plain_mem:
        code = proc.wait()
    plain_s = time.perf_counter() - start
    plain_cpu = plain_mem.cpu
    if code != 0:
        print(f"plain nbgrader autograde exited with {code}", file=sys.stderr)
        return 1

    load1 = os.getloadavg()[0]
    self0 = time.process_time()
    with PeakRSS() as ours_mem:
        start = time.perf_counter()
        result = autograde(
            Course.open(ours_root),
            MODUL,
            workers=args.workers,
            progress=False,
            sandbox=not args.tanpa_sandbox,
        )
        ours_s = time.perf_counter() - start
    # this process + every process of its tree (workers, forkserver, zygote, kernels, sandboxes)
    ours_cpu = time.process_time() - self0 + ours_mem.cpu
    own = __import__("psutil").Process().memory_full_info()
    ours_mem.peak += own.rss
    ours_mem.peak_pss += own.pss

    a, b = scores(plain_root, MODUL), scores(ours_root, MODUL)
    assert len({k[0] for k in a}) == args.n, f"plain gradebook has {len({k[0] for k in a})} learners graded"
    assert a == b, "per-question scores differ: " + repr(
        {k: (a.get(k), b.get(k)) for k in set(a) | set(b) if a.get(k) != b.get(k)}
    )
    assert not result.failed, result.failed
    totals = {
        v: sum(s for (st, _, _), s in a.items() if s is not None and int(st[-2:]) % 3 == i)
        for i, v in enumerate(VARIANTS)
    }
    user = "root" if os.geteuid() == 0 else f"an ordinary user (uid {os.geteuid()})"
    print(f"submissions                 : {args.n} ({', '.join(VARIANTS)}); CPUs: {os.cpu_count()}; "
          f"as {user}")
    print(f"per-question scores         : identical ({len(a)} grades); auto points by variant: {totals}")
    print(f"baseline                    : plain `nbgrader autograde`, {baseline}")
    ours_kind = "every submission sandboxed" if result.sandboxed else "NOT sandboxed (warm kernels)"
    print(f"ours                        : `cantik kelas nilai`, {ours_kind}")
    print(
        f"plain nbgrader autograde    : {plain_s:7.1f} s  ({plain_s / args.n:.2f} s/submission)  "
        f"peak RSS {plain_mem.peak / 2**20:5.0f} MiB (PSS {plain_mem.peak_pss / 2**20:4.0f})  "
        f"CPU {plain_cpu:6.1f} s  (load avg before: {load0:.1f})"
    )
    print(
        f"cantik kelas nilai          : {ours_s:7.1f} s  ({ours_s / args.n:.2f} s/submission)  "
        f"peak RSS {ours_mem.peak / 2**20:5.0f} MiB (PSS {ours_mem.peak_pss / 2**20:4.0f})  "
        f"CPU {ours_cpu:6.1f} s  (load avg before: {load1:.1f})"
    )
    target = 8.0 if os.geteuid() == 0 else 4.0
    print(f"speed-up: {plain_s / ours_s:.1f}x  (target >= {target:.1f}x; "
          f"CPU-time ratio {plain_cpu / ours_cpu:.1f}x)")
    print("note: the machine is shared; a high load average slows both runs (the CPU ratio is less noisy)")
    if args.keep is None:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
