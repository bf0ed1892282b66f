"""Parallel autograde, every submission in cantik.sandbox: same scores as plain nbgrader, bad notebooks
never stop the batch; the explicit opt-out (``sandbox=False``) uses warm forked kernels."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cantik.errors import KelasError
from cantik.grading.autograde import autograde
from cantik.grading.course import Course
from cantik.grading.release import release
from tests.grading.helpers import ANSWERS, MODUL, make_course, submit
from tests.strict import BWRAP_MISSING, has_bwrap, security_requires

pytestmark = pytest.mark.slow


def _scores(course: Course) -> dict[tuple[str, str], float | None]:
    out = {}
    with course.gradebook() as gb:
        for student in gb.students:
            try:
                sub = gb.find_submission(MODUL, student.id)
            except Exception:
                continue
            for nb in sub.notebooks:
                for grade in nb.grades:
                    out[(student.id, grade.name)] = grade.auto_score
    return out


def test_scores_identical_to_plain_nbgrader(course_root: Path, tmp_path: Path):
    plain_root = make_course(tmp_path / "polos")
    for root in (course_root, plain_root):
        release(Course.open(root), MODUL, exchange=False)
        for i, variant in enumerate(["benar", "sebagian", "galat", "benar", "peringatan"]):
            submit(root, f"p{i}", variant)
    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"]}
    subprocess.run(
        [str(Path(sys.executable).with_name("nbgrader")), "autograde", MODUL],
        cwd=plain_root,
        env=env,
        check=True,
        capture_output=True,
    )
    result = autograde(Course.open(course_root), MODUL, workers=2, progress=False)
    assert sorted(result.graded) == ["p0", "p1", "p2", "p3", "p4"] and not result.failed
    ours, plain = _scores(Course.open(course_root)), _scores(Course.open(plain_root))
    assert ours == plain
    # and the scores mean something: correct > partly wrong (hidden test fails) > erroring
    assert (
        ours[("p0", "uji_rasio")] == 2 and ours[("p1", "uji_rasio")] == 0 and ours[("p1", "uji_grafik")] == 1
    )
    assert ours[("p2", "uji_grafik")] == 0
    # a warning on stderr in a passing test keeps its points (course preprocessor from nbgrader_config.py)
    assert ours[("p4", "uji_grafik")] == 1
    out = (course_root / "grading" / "autograded" / "p4" / MODUL / "latihan.ipynb").read_text()
    assert "cara lama" in out


def test_crash_and_endless_notebooks_do_not_stop_the_batch_and_rerun_skips(released: Course):
    root = released.root
    ANSWERS["tuli"] = {  # ignores the interrupt: nbgrader gives up on it
        "jawaban_rasio": "import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n"
        "    time.sleep(0.05)",
        "jawaban_grafik": "",
        "tafsiran": "",
    }
    try:
        for student, variant in [
            ("a_benar", "benar"),
            ("b_mogok", "mogok"),
            ("c_macet", "macet"),
            ("d_tuli", "tuli"),
            ("e_benar", "benar"),
        ]:
            submit(root, student, variant)
    finally:
        del ANSWERS["tuli"]
    result = autograde(released, MODUL, workers=2, timeout=2, progress=False)
    # the sandbox stops the crashing and the deaf notebook, grades what ran and records why
    assert set(result.graded) == {"a_benar", "b_mogok", "c_macet", "d_tuli", "e_benar"}, result.failed
    assert "berhenti sendiri" in " ".join(result.graded["b_mogok"]["stops"])
    assert "tidak bisa dihentikan" in " ".join(result.graded["d_tuli"]["stops"])
    assert result.graded["b_mogok"]["score"] == result.graded["d_tuli"]["score"] == 0.0
    assert result.graded["c_macet"]["timeouts"] >= 1
    assert result.graded["a_benar"]["score"] == 3.0
    # the endless loop's half-computed value is not graded as a wrong number: the feedback names the limit
    from cantik.grading.results import cell_results

    rasio = next(r for r in cell_results(released, MODUL, "c_macet") if r.grade_id == "uji_rasio")
    assert rasio.score == 0 and rasio.kesalahan == ("waktu-habis",), rasio
    assert rasio.message.startswith("Waktu habis") and "Jumlahkan" not in rasio.message
    text = result.summary()
    assert "Dihentikan oleh sandbox" in text and "b_mogok" in text and "terlalu lama" in text

    # re-run: graded & unchanged submissions are skipped; a changed one is graded again
    shutil.rmtree(root / "grading" / "submitted" / "b_mogok")
    shutil.rmtree(root / "grading" / "submitted" / "d_tuli")
    submit(root, "e_benar", "sebagian", timestamp="2026-01-02 10:00:00.000000 UTC")
    again = autograde(released, MODUL, workers=2, timeout=2, progress=False)
    assert sorted(again.skipped) == ["a_benar", "c_macet"]
    assert list(again.graded) == ["e_benar"] and again.graded["e_benar"]["score"] == 1.0

    # the trainer edits the module's source (e.g. fixes a test): everything is graded again
    source = root / "courses" / MODUL / "latihan.ipynb"
    source.write_text(source.read_text().replace("Grafik harus punya", "Grafik wajib punya"))
    third = autograde(released, MODUL, workers=2, timeout=2, progress=False)
    assert third.skipped == [] and sorted(third.graded) == ["a_benar", "c_macet", "e_benar"]


@pytest.mark.parametrize("sandbox", [True, False], ids=["sandbox", "tanpa_sandbox"])
def test_hard_time_limit_kills_the_worker_and_its_kernel(released: Course, sandbox: bool):
    import psutil

    submit(released.root, "a_macet", "macet")
    submit(released.root, "b_benar", "benar")
    since = time.time() - 1
    # the limit must exceed what an ordinary submission takes on a loaded 2-core machine (b_benar, graded
    # beside the stuck one in a fresh worker: 10-14 s at load 12), yet stay below the cell timeout
    result = autograde(
        released, MODUL, workers=2, timeout=120, hard_timeout=40, progress=False, sandbox=sandbox
    )
    assert "melebihi batas waktu 40 detik" in result.failed["a_macet"]
    assert result.graded.get("b_benar", {}).get("score") == 3.0, result.failed
    time.sleep(1.5)  # the killed worker's kernel notices its parent (bwrap) or proxy (warm) is gone
    mine = str(os.getpid())
    leftovers = []
    for p in psutil.process_iter(["cmdline", "create_time", "ppid"]):
        cmd = " ".join(p.info["cmdline"] or [])
        if "cantik.sandbox.zygote" in cmd and mine in (p.info["cmdline"] or []):
            leftovers.append(cmd)
        elif "cantik-sbx-" in cmd and p.info["create_time"] >= since and p.info["ppid"] == 1:
            leftovers.append(cmd)  # a sandboxed kernel orphaned by the killed worker
    assert leftovers == []


def test_no_submissions_message(released: Course):
    with pytest.raises(KelasError, match="Belum ada kiriman"):
        autograde(released, MODUL, progress=False)


def test_module_must_be_released_first(course: Course):
    with pytest.raises(KelasError, match="rilis"):
        autograde(course, MODUL, progress=False)


def test_warm_kernels_are_fresh_processes(tmp_path: Path):
    """Two kernels forked from one zygote share no state, and numpy's random state differs."""
    from jupyter_client.manager import start_new_kernel

    from cantik.sandbox.zygote import WarmKernels

    def run(kc, code: str) -> str:
        out: list[str] = []
        kc.execute_interactive(
            code,
            output_hook=lambda m: (
                out.append(m["content"].get("text", "")) if m["msg_type"] == "stream" else None
            ),
            timeout=30,
        )
        return "".join(out).strip()

    with WarmKernels() as warm:
        os.environ.update(warm.env)
        try:
            seen = []
            for _ in range(2):
                start = time.monotonic()
                km, kc = start_new_kernel(kernel_name="cantik-warm", cwd=str(tmp_path))
                try:
                    seen.append(
                        run(
                            kc,
                            "import os, sys, numpy as np, pandas as pd\n"
                            "print(hasattr(pd, 'TANDA'), os.getpid(), np.random.randint(1 << 30),"
                            " 'pandas' in sys.modules, os.getcwd())\npd.TANDA = 1",
                        )
                    )
                    assert time.monotonic() - start < 30
                finally:
                    kc.stop_channels()
                    km.shutdown_kernel(now=True)
        finally:
            os.environ.pop("JUPYTER_PATH", None)
    first, second = (s.split() for s in seen)
    assert first[0] == second[0] == "False"  # the attribute set in kernel 1 is not in kernel 2
    assert first[1] != second[1] and first[2] != second[2]
    assert first[4] == str(tmp_path)


def test_a_dead_zygote_is_restarted(tmp_path: Path):
    from jupyter_client.manager import start_new_kernel

    from cantik.sandbox.zygote import WarmKernels

    with WarmKernels() as warm:
        first = warm.proc
        first.kill()
        first.wait()
        assert warm.ensure_alive() is True and warm.proc is not first
        assert warm.ensure_alive() is False
        os.environ.update(warm.env)
        try:
            km, kc = start_new_kernel(kernel_name="cantik-warm", cwd=str(tmp_path))
            try:
                reply = kc.execute_interactive("import pandas as pd; x = 1", timeout=30)
                assert reply["content"]["status"] == "ok"
            finally:
                kc.stop_channels()
                km.shutdown_kernel(now=True)
        finally:
            os.environ.pop("JUPYTER_PATH", None)


@security_requires(has_bwrap(), BWRAP_MISSING)
def test_sandbox_hides_trainer_files_from_learner_code(released: Course):
    submit(released.root, "a_intip", "intip")
    submit(released.root, "b_benar", "benar")
    closed = autograde(released, MODUL, workers=2, progress=False)  # the sandbox is the default
    assert closed.graded["a_intip"]["score"] == 2.0  # gradebook invisible: the ratio test passes
    assert not (released.root / "courses" / "ditulis_peserta.txt").exists()  # sources untouched
    assert closed.graded["b_benar"]["score"] == 3.0  # ordinary notebooks grade as before
    assert "tanpa sandbox" not in closed.summary()

    open_run = autograde(released, MODUL, workers=2, progress=False, sandbox=False, force=True)
    assert open_run.graded["a_intip"]["score"] == 0.0  # without the sandbox it saw the gradebook
    assert (released.root / "courses" / "ditulis_peserta.txt").exists()  # ... and wrote into the sources
    assert "PERHATIAN: dinilai tanpa sandbox" in open_run.summary()


def test_missing_bubblewrap_says_what_to_do(released: Course, monkeypatch: pytest.MonkeyPatch):
    submit(released.root, "a", "benar")
    monkeypatch.setenv("CANTIK_BWRAP", str(released.root / "tidak-ada-bwrap"))
    with pytest.raises(KelasError, match="bubblewrap") as err:
        autograde(released, MODUL, progress=False)
    assert "--tanpa-sandbox" in str(err.value)
    assert not (released.root / "grading" / "autograded" / "a").exists()  # nothing ran unsandboxed


def test_a_submission_with_a_link_or_pipe_is_not_graded(released: Course):
    """nbgrader's autograde would copy a link's target (here the gradebook) into autograded/; such a
    folder is refused with the reason, nothing is opened through it, and the others are graded."""
    submit(released.root, "a_tautan", "benar")
    submit(released.root, "b_benar", "benar")
    folder = released.submitted_dir / "a_tautan" / MODUL
    gradebook = next(released.root.glob("grading/gradebook.db"))
    (folder / "data.csv").symlink_to(gradebook)
    os.mkfifo(folder / "pipa")  # reading it would block the batch for ever
    result = autograde(released, MODUL, workers=2, progress=False)
    assert "a_tautan" in result.failed and "a_tautan" not in result.graded
    assert "data.csv" in result.failed["a_tautan"] and "pipa" in result.failed["a_tautan"]
    assert "symlink" in result.failed["a_tautan"]
    assert result.graded["b_benar"]["score"] == 3.0
    assert not (released.autograded_dir / "a_tautan").exists()
    assert folder.joinpath("data.csv").is_symlink()  # the trainer's evidence is left as it was
