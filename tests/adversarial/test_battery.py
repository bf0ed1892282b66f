"""Adversarial battery: hostile submissions through the real ``nbgrader autograde`` with the sandbox, and
through the trainer's parallel ``cantik kelas nilai`` (same course, same configuration).

Each batch grades every learner of :mod:`tests.adversarial.attacks` in a temporary copy of the tiny course
(``tests/adversarial/course``), configured with :func:`cantik.sandbox.config.use_sandbox` and small
limits (4 s per cell: a loaded 2-core machine still imports pandas in time). Then, for each learner:
the batch finished, honest learners keep their scores, no attack earns a point, the recorded reason is
there, and nothing outside the sandbox changed (SHA-256 of every file of the course and of the
trainer's home, except what nbgrader itself writes).
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import typing as t
from pathlib import Path

import nbformat
import pytest

from tests.adversarial.attacks import ATTACKS, Attack
from tests.adversarial.make_course import HIDDEN_MARKER
from tests.strict import BWRAP_MISSING, has_bwrap, security_requires

pytestmark = security_requires(has_bwrap(), BWRAP_MISSING)

HERE = Path(__file__).parent
NBGRADER = str(Path(sys.executable).with_name("nbgrader"))
SECRET_ENV = "nilai-rahasia-lingkungan-51c2"
SECRET_HOME = "isi-rahasia-rumah-pelatih-9d0e"
#: What nbgrader (and, for the parallel path, ``cantik kelas nilai``: its state file and worker logs)
#: writes during autograde; everything else must be unchanged.
WRITTEN_BY_NBGRADER = ("autograded/", "feedback/", "gradebook.db", ".nbgrader.log", "status_penilaian.json",
                       "log_penilaian/")

CONFIG = """\
c = get_config()  # noqa: F821
c.CourseDirectory.root = {root!r}
c.CourseDirectory.course_id = "kuis_sandbox"
c.CourseDirectory.db_url = "sqlite:///" + {root!r} + "/gradebook.db"
from cantik.sandbox.config import use_sandbox
use_sandbox(c, cell_timeout=4, notebook_timeout=30, max_output_bytes=1_000_000, memory_mb=1024,
            processes=48, file_mb=8, cpu_seconds=10, home_mb=16, datasets_dir="none",
            grade_in_grader={grade_in_grader})
"""


def _hashes(*folders: Path) -> dict[str, str]:
    out = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            rel = str(path.relative_to(folder.parent))
            if any(part in rel for part in WRITTEN_BY_NBGRADER):
                continue
            if path.is_symlink():
                out[rel] = "->" + os.readlink(path)
            elif path.is_file():
                out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _submission(release: nbformat.NotebookNode, attack: Attack, paths: dict[str, str]) -> bytes:
    if attack.raw is not None:
        return attack.raw
    nb = copy.deepcopy(release)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id == "jawaban":
            cell.source = attack.answer.format(**paths) if "{" in attack.answer else attack.answer
            if attack.pad_mb:
                big = "x" * attack.pad_mb * 2**20
                cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=big)]
        if grade_id == "uji" and attack.student == "metadata_diedit":
            cell.source = "pass  # uji dihapus"
            cell.metadata["nbgrader"]["points"] = 100
    if attack.extra_cells:
        at = next(i for i, c in enumerate(nb.cells)
                  if c.metadata.get("nbgrader", {}).get("grade_id") == "jawaban")
        nb.cells[at + 1:at + 1] = [nbformat.v4.new_code_cell(code) for code in attack.extra_cells]
    if attack.edit is not None:
        attack.edit(nb)
    if attack.fake_test:
        fake = nbformat.v4.new_code_cell(attack.fake_test.format(**paths))
        fake.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": "palsu", "points": 0,
                                     "locked": True, "schema_version": 3, "task": False}
        nb.cells.append(fake)
    if attack.student == "metadata_diedit":
        bonus = nbformat.v4.new_code_cell("rasio = 120.0")
        bonus.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": "bonus", "points": 50,
                                      "locked": False, "schema_version": 3, "task": False}
        nb.cells.append(bonus)
    return nbformat.writes(nb).encode()


@pytest.fixture(scope="module", params=[False, True], ids=["nbgrader", "paralel"])
def batch(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    return grade_course(tmp_path_factory.mktemp("adv"), ATTACKS, parallel=request.param)


def grade_course(base: Path, attacks: list[Attack], grade_in_grader: bool = False,
                 parallel: bool = False, config: str = CONFIG, user: str = "root",
                 load: t.Callable[[], t.ContextManager[object]] = contextlib.nullcontext) -> dict:
    """Submit ``attacks`` to a fresh copy of the course under ``base`` and grade them with real nbgrader
    (``parallel``: through ``cantik kelas nilai``, which runs nbgrader's Autograde converter in workers).

    ``config``: the course's ``nbgrader_config.py`` (formatted with ``root`` and ``grade_in_grader``);
    ``user``: ``"biasa"`` grades as an ordinary user (:mod:`tests.unprivileged`; ``base`` must then be a
    folder that user can enter); ``load``: a context manager around the grading (e.g. other programs
    keeping the CPUs busy).
    """
    root = base / "kursus"
    home = base / "rumah_pelatih"
    shutil.copytree(HERE / "course", root)
    home.mkdir()
    (home / "rahasia.txt").write_text(SECRET_HOME)
    (root / "nbgrader_config.py").write_text(config.format(root=str(root), grade_in_grader=grade_in_grader))
    env = {**os.environ, "HOME": str(home), "CANTIK_RAHASIA": SECRET_ENV,
           "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    gen = subprocess.run([NBGRADER, "generate_assignment", "kuis", "--force"], cwd=root, env=env,
                         capture_output=True, text=True, timeout=120)
    assert gen.returncode == 0, gen.stderr
    release = nbformat.read(root / "release" / "kuis" / "kuis.ipynb", as_version=4)
    # the attacks must never run unsandboxed: check the configuration nbgrader will load
    probe = ("from nbgrader.apps import NbGrader; app = NbGrader(); app.load_config_file(); "
             "print(app.config.Autograde.autograde_preprocessors[0])")
    seen = subprocess.run([sys.executable, "-c", probe], cwd=root, env=env, capture_output=True, text=True)
    assert seen.stdout.strip() == "cantik.sandbox.execute.SandboxExecute", seen.stdout + seen.stderr

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.setblocking(False)
    paths = {
        "ROOT": str(root), "GRADEBOOK": str(root / "gradebook.db"),
        "SOURCE_NB": str(root / "source" / "kuis" / "kuis.ipynb"), "CONFIG": str(root / "nbgrader_config.py"),
        "OTHER_SUBMITTED": str(root / "submitted" / "jujur_a" / "kuis" / "kuis.ipynb"),
        "OTHER_AUTOGRADED": str(root / "autograded" / "jujur_a" / "kuis" / "kuis.ipynb"),
        "HOME_PELATIH": str(home), "HOME_SECRET": str(home / "rahasia.txt"),
        "PORT": str(listener.getsockname()[1]),
    }
    for attack in attacks:
        folder = root / "submitted" / attack.student / "kuis"
        folder.mkdir(parents=True)
        (folder / "kuis.ipynb").write_bytes(_submission(release, attack, paths))
        for name, data in attack.extra_files.items():
            (folder / name).write_bytes(data)
        for name, target in attack.symlinks.items():
            (folder / name).symlink_to(target.format(**paths))

    before = _hashes(root, home)
    grade = ([sys.executable, "-m", "cantik", "kelas", "nilai", "kuis", "--folder", str(root),
              "--tanpa-progres"] if parallel else [NBGRADER, "autograde", "kuis", "--force"])
    if user == "biasa":
        from tests.unprivileged import ORDINARY_UID, as_ordinary_user

        for path in [base, *base.rglob("*")]:
            os.lchown(path, ORDINARY_UID, ORDINARY_UID)
        (base / "stage").mkdir()
        grade = as_ordinary_user(grade, base / "stage")
    with load():
        started = time.monotonic()
        run = subprocess.run(grade, cwd=root, env=env, capture_output=True, text=True, timeout=900)
        elapsed = time.monotonic() - started
    after = _hashes(root, home)
    feedback = subprocess.run([NBGRADER, "generate_feedback", "kuis", "--force"], cwd=root, env=env,
                              capture_output=True, text=True, timeout=600)
    try:
        connected = listener.accept()
    except BlockingIOError:
        connected = None
    listener.close()
    print(f"battery: {len(attacks)} submissions graded in {elapsed:.1f} s")
    return {"root": root, "home": home, "run": run, "feedback": feedback, "before": before, "after": after,
            "connected": connected, "elapsed": elapsed, "parallel": parallel}


def _score(root: Path, student: str) -> float | None:
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(f"sqlite:///{root}/gradebook.db", "kuis_sandbox") as gb:
        try:
            return gb.find_submission("kuis", student).score
        except MissingEntry:
            return None


def _autograded(root: Path, student: str) -> nbformat.NotebookNode | None:
    path = root / "autograded" / student / "kuis" / "kuis.ipynb"
    return nbformat.read(path, as_version=4) if path.exists() else None


def _outputs_text(nb: nbformat.NotebookNode) -> str:
    """Outputs of the learner's own cells (a failing test cell's traceback shows its own code: that is
    nbgrader's feedback, not something the learner's code obtained)."""
    own = [c for c in nb.cells if "outputs" in c and c.metadata.get("nbgrader", {}).get("grade_id") != "uji"]
    return nbformat.writes(nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(outputs=c.get("outputs", [])) for c in own]))


def _failed(log: str, student: str) -> bool:
    """Named as failed by nbgrader's log or by the summary of ``cantik kelas nilai``."""
    if f"error processing assignment 'kuis' for student '{student}'" in log:
        return True
    _, summary, failures = log.partition("GAGAL dinilai")
    return bool(summary) and f"\n  - {student}: " in failures


def _refused(batch: dict, attack: Attack) -> bool:
    """``cantik kelas nilai`` never grades a folder holding a link (nbgrader would copy its target);
    plain nbgrader grades it, with the link left out of the sandbox."""
    return bool(batch["parallel"] and attack.symlinks)


def test_batch_finishes(batch: dict) -> None:
    """Every submission was processed; only unreadable, tampered or linking files fail, each named."""
    log = batch["run"].stderr + batch["run"].stdout
    for attack in ATTACKS:
        graded = _autograded(batch["root"], attack.student) is not None
        if _refused(batch, attack):
            assert not graded and _failed(log, attack.student), attack.student
            assert "tautan simbolik (symlink)" in log.partition(f"\n  - {attack.student}: ")[2][:600]
            continue
        if attack.graded is not None:
            assert graded == attack.graded, (attack.student, log[-3000:])
        assert graded != _failed(log, attack.student), attack.student
    assert batch["elapsed"] < 600
    if batch["parallel"]:
        assert batch["run"].returncode == 0, log[-3000:]
        assert "tanpa sandbox" not in log


def test_nothing_outside_the_sandbox_changed(batch: dict) -> None:
    before, after = batch["before"], batch["after"]
    assert set(before) == set(after), set(before) ^ set(after)
    changed = [k for k in before if before[k] != after[k]]
    assert not changed
    assert (batch["home"] / "rahasia.txt").read_text() == SECRET_HOME
    assert batch["connected"] is None, "a sandboxed kernel reached a socket of the grader's machine"


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.student for a in ATTACKS])
def test_no_unearned_points(batch: dict, attack: Attack) -> None:
    score = _score(batch["root"], attack.student)
    if attack.raw is not None or _refused(batch, attack):
        assert not score, f"{attack.student}: a broken file earned {score}"
        return
    assert score == attack.points, f"{attack.student}: {score} points, expected {attack.points}"


@pytest.mark.parametrize("attack", [a for a in ATTACKS if a.raw is None], ids=lambda a: a.student)
def test_reason_recorded_and_no_leak(batch: dict, attack: Attack) -> None:
    from cantik.sandbox.execute import stops

    nb = _autograded(batch["root"], attack.student)
    if nb is None and (attack.graded is None or _refused(batch, attack)):  # refused, named in the log
        assert _failed(batch["run"].stderr + batch["run"].stdout, attack.student)
        return
    assert nb is not None
    text = _outputs_text(nb)
    for secret in (SECRET_ENV, SECRET_HOME, HIDDEN_MARKER, "SQLite format"):
        assert secret not in text, f"{attack.student} leaked {secret!r}"
    assert "TERHUBUNG" not in text
    reasons = " ".join(s["alasan"] for s in stops(nb))
    if attack.reason is not None:
        assert attack.reason in reasons, (attack.student, reasons, text[-2000:])
    if attack.points:
        assert not reasons, reasons


@pytest.mark.parametrize("attack", [a for a in ATTACKS if a.reason], ids=lambda a: a.student)
def test_reason_reaches_the_learners_feedback(batch: dict, attack: Attack) -> None:
    import html

    page = batch["root"] / "feedback" / attack.student / "kuis" / "kuis.html"
    assert page.exists(), batch["feedback"].stderr[-2000:]
    text = html.unescape(page.read_text(encoding="utf-8"))
    assert attack.reason in text
    assert "BatasSandbox" in text or "CellTimeoutError" in text


def test_huge_notebook_is_flagged(batch: dict) -> None:
    from cantik.sandbox.intake import check_notebook

    path = batch["root"] / "submitted" / "notebook_51mb" / "kuis" / "kuis.ipynb"
    assert "terlalu besar" in (check_notebook(path) or "")


@pytest.mark.parametrize("attack", [a for a in ATTACKS if a.raw is not None], ids=lambda a: a.student)
def test_broken_files_named_in_the_log(batch: dict, attack: Attack) -> None:
    from cantik.sandbox.intake import check_notebook

    path = batch["root"] / "submitted" / attack.student / "kuis" / "kuis.ipynb"
    reason = check_notebook(path)
    assert reason and reason.startswith("Berkas"), reason
