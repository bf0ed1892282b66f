"""Budgets per submission and descriptor hygiene (issue 17, items 5 and 8), attacked through real
``nbgrader autograde`` and ``cantik kelas nilai``, as root and as an ordinary user.

The course configuration keeps today's notebook limit (600 s) and memory per process (2 GiB) and adds
the new per-submission ones (40 s in all, 1 GiB of memory for all processes of a submission together),
with short cell limits (4 s). Honest learners are graded beside:

* ``tulis_fd_warisan``: writes a marker into every descriptor it inherited (the grader's log, nbgrader's
  stdout) and prints where they lead; its answer is honest;
* ``sepuluh_anak_memori``: ten child processes each filling 250 MiB (within the 2 GiB per process);
  cells later it sets the answer only if all ten hold their memory at once;
* ``pemutar_cpu``: forty CPU spinners (each in a session of its own, deaf to interrupts), then sleeps
  cell after cell to keep them running while the others are graded (``cantik kelas nilai`` grades side
  by side); under plain nbgrader (one submission at a time) other programs keep the CPUs busy instead;
* ``hook_tidur``: an IPython hook sleeping 3.5 s before every cell (each cell stays under its 4 s limit)
  and twenty extra cells.

Measured before this change (main f6632c0): the marker reached ``nbgrader``'s stdout (plain) and the
worker's log ``grading/log_penilaian/penilai-N.log`` (parallel), whose host path the kernel printed; the ten
children held 2.5 GB together and earned the point; the hook earned the point after ~75 s; honest learners
beside the spinners lost their point to "berjalan lebih dari 4 detik ... Periksa perulangan".
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import typing as t

import nbformat
import pytest

from tests.adversarial.attacks import HONEST, Attack
from tests.adversarial.test_battery import CONFIG, _autograded, _outputs_text, _score, grade_course
from tests.strict import BWRAP_MISSING, has_bwrap, missing, security_requires
from tests.unprivileged import USERS, shared_folder, unavailable

pytestmark = security_requires(has_bwrap(), BWRAP_MISSING)

MARKER = "PENANDA_FD_BOCOR_4c1e"
#: Today's per-process memory (2 GiB) and notebook limit (600 s); new: 1 GiB and 40 s per submission.
BUDGET_CONFIG = CONFIG.split("use_sandbox(")[0] + """\
use_sandbox(c, cell_timeout=4, notebook_timeout=600, submission_timeout=40, max_output_bytes=1_000_000,
            memory_mb=2048, submission_memory_mb=1024, processes=48, file_mb=8, cpu_seconds=10, home_mb=16,
            datasets_dir="none", grade_in_grader={grade_in_grader})
"""

WRITE_FDS = f"""
import os, stat
ditulis = []
for fd in range(1024):
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        continue
    if stat.S_ISSOCK(mode):
        continue
    try:
        target = os.readlink('/proc/self/fd/%d' % fd)
    except OSError:
        target = '?'
    try:
        os.write(fd, ('\\n{MARKER} ' + target + '\\n').encode())
        ditulis.append((fd, target))
    except OSError:
        pass
print('DESKRIPTOR', ditulis)
{HONEST}
"""

TEN_CHILDREN = """
import os, time
r, w = os.pipe()
os.set_blocking(r, False)
for i in range(10):
    if os.fork() == 0:
        try:
            blok = bytearray(250 * 1024 * 1024)
            for j in range(0, len(blok), 4096):
                blok[j] = 1
            os.write(w, b'1')
            time.sleep(120)
        finally:
            os._exit(0)
"""
#: later cells: wait, then claim the point only if all ten children hold their memory at once
TEN_CHILDREN_CHECK = """
try:
    penuh = len(os.read(r, 100))
except BlockingIOError:
    penuh = 0
print('anak yang memegang memorinya:', penuh)
if penuh == 10:
    rasio = 120.0
"""

SPINNERS = """
import os, signal
for i in range(40):
    if os.fork() == 0:
        os.setsid()  # a session (and scheduler autogroup) of its own
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        while True:
            pass
rasio = 120.0
"""

SLEEP_HOOK = """
import time
get_ipython().events.register('pre_run_cell', lambda *a: time.sleep(3.5))
""" + HONEST

PANDAS_ANSWER = ("import pandas as pd\nd = pd.read_csv('data_kecil.csv', comment='#')\n"
                 "rasio = float(d.laki.sum() / d.perempuan.sum() * 100)")

BUDGET_ATTACKS: list[Attack] = [
    *[Attack(f"jujur_{c}", PANDAS_ANSWER, points=1) for c in "abcdef"],
    Attack("salah", "rasio = 100 / 120 * 100", points=0),
    Attack("tulis_fd_warisan", WRITE_FDS, points=1),
    Attack("sepuluh_anak_memori", TEN_CHILDREN, reason="per kiriman",
           extra_cells=("import time\ntime.sleep(3)",) * 6 + (TEN_CHILDREN_CHECK,)),
    Attack("pemutar_cpu", SPINNERS,
           extra_cells=tuple("import time\ntime.sleep(3)" for _ in range(20))),
    Attack("hook_tidur", SLEEP_HOOK, reason="untuk seluruh kiriman",
           extra_cells=tuple("pass" for _ in range(20))),
]
HONEST_NAMES = [a.student for a in BUDGET_ATTACKS if a.points]


@contextlib.contextmanager
def busy_machine(n: int = 6) -> t.Iterator[None]:
    """Other programs keeping the CPUs busy (a neighbour's load) while the block runs."""
    procs = [subprocess.Popen([sys.executable, "-c", "while True:\n    pass"]) for _ in range(n)]
    try:
        yield
    finally:
        for proc in procs:
            proc.kill()
            proc.wait()


#: Pairwise, to keep the suite short (each batch takes 2-3 minutes beside its CPU spinners): plain nbgrader
#: as root (a class server's trainer) and ``cantik kelas nilai`` as an ordinary user (the warm zygote in
#: nested user namespaces). The other two pairs are the same code paths: tests/adversarial/test_battery.py
#: grades both paths as root, tests/sandbox runs the isolation tests as both users.
PAIRS = [("nbgrader", "root"), ("paralel", "biasa")]
assert {u for _, u in PAIRS} == set(USERS)


@pytest.fixture(scope="module", params=PAIRS,
                ids=lambda p: f"{p[0]}-{p[1]}")
def batch(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> t.Iterator[dict]:
    path, user = request.param
    if user == "biasa" and unavailable():
        missing(False, f"not tested as an ordinary user: {unavailable()}")
    base = shared_folder("cantik-anggaran-") if user == "biasa" else tmp_path_factory.mktemp("anggaran")
    try:
        yield grade_course(base, BUDGET_ATTACKS, parallel=path == "paralel", config=BUDGET_CONFIG, user=user,
                           load=busy_machine if path == "nbgrader" else contextlib.nullcontext)
    finally:
        if user == "biasa":
            shutil.rmtree(base, ignore_errors=True)


def _reasons(batch: dict, student: str) -> str:
    from cantik.sandbox.execute import stops

    nb = _autograded(batch["root"], student)
    return " ".join(s["alasan"] for s in stops(nb)) if nb is not None else ""


def test_no_descriptor_of_the_grader_reaches_a_kernel(batch: dict) -> None:
    """The marker is nowhere outside the notebook: not in nbgrader's or the runner's output, not in the
    workers' logs, not in any file of the course; the kernel saw no path of the grader's."""
    run = batch["run"]
    assert MARKER not in run.stdout + run.stderr
    for path in batch["root"].rglob("*"):  # the kernel's own output lands in its notebook and feedback
        if path.is_file() and path.suffix not in (".ipynb", ".html") and path.name != "gradebook.db":
            assert MARKER.encode() not in path.read_bytes(), path
    nb = _autograded(batch["root"], "tulis_fd_warisan")
    assert nb is not None
    text = _outputs_text(nb)
    assert "DESKRIPTOR" in text
    assert str(batch["root"]) not in text and "log_penilaian" not in text, text[-3000:]
    assert _score(batch["root"], "tulis_fd_warisan") == 1


@pytest.mark.parametrize("student", ["sepuluh_anak_memori", "pemutar_cpu", "hook_tidur", "salah"])
def test_attacks_earn_nothing_and_are_told_why(batch: dict, student: str) -> None:
    attack = next(a for a in BUDGET_ATTACKS if a.student == student)
    assert _score(batch["root"], student) == 0, (student, _reasons(batch, student))
    if attack.reason:
        reasons = _reasons(batch, student)
        assert attack.reason in reasons, (student, reasons, batch["run"].stderr[-3000:])


def test_memory_budget_names_the_whole_submission(batch: dict) -> None:
    reasons = _reasons(batch, "sepuluh_anak_memori")
    assert "semua proses kiriman ini bersama-sama memakai memori melebihi batas 1024 MB" in reasons, reasons


def test_sleeping_hook_is_bounded_and_explained(batch: dict) -> None:
    reasons = _reasons(batch, "hook_tidur")
    assert "batas waktu 40 detik untuk seluruh kiriman" in reasons
    assert "lebih banyak menunggu daripada menghitung" in reasons, reasons
    assert batch["elapsed"] < 400


@pytest.mark.parametrize("student", HONEST_NAMES)
def test_honest_learners_keep_their_points_and_are_not_blamed(batch: dict, student: str) -> None:
    """Beside forty spinners (or a busy machine), short cell limits: full points, no reason recorded."""
    why = (student, _reasons(batch, student), batch["run"].stderr[-3000:])
    assert _score(batch["root"], student) == 1, why
    assert _reasons(batch, student) == ""
    nb = _autograded(batch["root"], student)
    assert nb is not None and "Periksa perulangan" not in nbformat.writes(nb)
