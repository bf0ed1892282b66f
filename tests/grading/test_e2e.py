"""End to end: a class of 12 learners in two cohorts, from roster to class report, on real nbgrader.

Roster (Excel) → release to the exchange → 7 learners fetch and submit through the exchange (one submits
twice) → 4 send loose files (plus an identical copy and a file nobody in the roster sent) → collect +
import → parallel autograde (one notebook crashes its kernel) → a written answer graded in formgrader
(real Jupyter server on loopback, Debian chromium) → feedback (also fetched back through the exchange)
→ CSV/Excel export read back → class report.
"""

from __future__ import annotations

import argparse
import html
import time
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest

from cantik.grading.course import Course
from tests.grading.helpers import MODUL, fill, learner_fetch_and_submit, learner_fetch_feedback, make_course

pytestmark = pytest.mark.slow

COHORT_A = [
    ("ku01", "Siti Aminah"),
    ("ku02", "Budi Santoso"),
    ("ku03", "Rahmat Hidayat"),
    ("ku04", "Nur Aini"),
    ("ku05", "Ahmad Fauzi"),
    ("ku06", "Dewi Lestari"),
]
COHORT_B = [
    ("th01", "Rahmah"),
    ("th02", "Siti Hajar"),
    ("th03", "Muhammad Rizki"),
    ("th04", "Fitri Handayani"),
    ("th05", "Yusuf Maulana"),
    ("th06", "Aisyah Putri"),
]
#: learner → how they hand in, and what
EXCHANGE = {
    "ku01": "benar",
    "ku02": "sebagian",
    "ku03": "galat",
    "ku04": "benar",
    "th01": "benar",
    "th02": "sebagian",
    "th03": "benar",
}
LOOSE = {
    "ku05": ("Modul Uji - Ahmad Fauzi.ipynb", "benar"),
    "ku06": ("latihan_ku06 (1).ipynb", "mogok"),
    "th04": ("Modul Uji - Fitri Handayani.ipynb", "sebagian"),
    "th05": ("Modul Uji - Yusuf (2).ipynb", "benar"),
}
# th06 hands in nothing
TRAINER = "pl01"


def _cli(*argv: str) -> tuple[int, str]:
    import contextlib
    import io

    from cantik.grading.commands import register

    parser = argparse.ArgumentParser(prog="cantik kelas")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = args.func(args)
    return code, out.getvalue() + err.getvalue()


@pytest.fixture(scope="module")
def klass(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    from openpyxl import Workbook

    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("CANTIK_GRADEBOOK_URL", raising=False)
        mp.delenv("CANTIK_EXCHANGE", raising=False)
        base = tmp_path_factory.mktemp("e2e")
        root = make_course(base / "kelas")
        course = Course.open(root)
        out: dict = {"course": course, "base": base, "log": {}}

        wb = Workbook()
        ws = wb.active
        ws.append(["id", "nama", "peran", "desa/kelurahan", "kohort"])
        for sid, nama in COHORT_A:
            ws.append([sid, nama, "Agen statistik", "Kandangan Utara", "Kohort A"])
        for sid, nama in COHORT_B:
            ws.append([sid, nama, "Perangkat kelurahan", "Taluk Haur", "Kohort B"])
        ws.append([TRAINER, "Yulia Kartika", "Pelatih BPS", "", ""])  # the trainer is on the same list
        wb.save(base / "peserta.xlsx")
        out["log"]["mulai"] = _cli("mulai", str(base / "peserta.xlsx"), "--folder", str(root))
        out["log"]["rilis"] = _cli("rilis", MODUL, "--folder", str(root))

        homes = base / "rumah"
        for sid, variant in EXCHANGE.items():
            learner_fetch_and_submit(course, homes / sid, sid, variant)
        learner_fetch_and_submit(course, homes / TRAINER, TRAINER, "benar")  # the trainer tries Submit
        time.sleep(1.1)  # nbgrader timestamps: the resubmission must be newer
        learner_fetch_and_submit(course, homes / "ku02", "ku02", "benar")  # ku02 fixes and resubmits
        out["log"]["kumpulkan"] = _cli("kumpulkan", MODUL, "--folder", str(root))

        loose = base / "flashdisk"
        loose.mkdir()
        released = course.release_dir / MODUL / "latihan.ipynb"
        for _sid, (name, variant) in LOOSE.items():
            nbformat.write(fill(released, variant), loose / name)
        nbformat.write(fill(released, "benar"), loose / "Modul Uji - Ahmad Fauzi (1).ipynb")  # same copy
        nbformat.write(fill(released, "benar"), loose / "Modul Uji - Joko Susilo.ipynb")  # not in roster
        out["log"]["impor"] = _cli("impor", str(loose), "--folder", str(root))

        out["log"]["nilai"] = _cli(
            "nilai", MODUL, "--folder", str(root), "--pekerja", "2", "--batas-waktu", "10"
        )
        out["log"]["nilai_lagi"] = _cli("nilai", MODUL, "--folder", str(root), "--tanpa-progres")
        out["homes"] = homes
        yield out


def test_class_of_twelve_end_to_end(klass: dict, tmp_path: Path):
    from openpyxl import load_workbook

    course: Course = klass["course"]
    log = klass["log"]
    root = str(course.root)
    assert log["mulai"][0] == 0 and "12 peserta dan 1 pelatih" in log["mulai"][1]
    assert "Kohort A, Kohort B" in log["mulai"][1]
    assert log["rilis"][0] == 0 and "dirilis ke folder pertukaran" in log["rilis"][1]
    code, text = log["kumpulkan"]
    assert code == 0 and "7 peserta" in text
    assert f"{TRAINER} (Yulia Kartika) adalah pelatih, bukan peserta" in text  # trainers are never learners
    assert not (course.submitted_dir / TRAINER).exists()
    assert (course.submitted_dir / "ku02" / MODUL / "submission_secret.txt").is_file()
    code, text = log["impor"]
    assert code == 0 and "Modul Uji - Joko Susilo.ipynb: nama berkas tidak cocok" in text
    assert "Sama persis" in text or "GANDA" not in text
    assert {p.parent.name for p in course.submitted_dir.glob(f"*/{MODUL}")} == set(EXCHANGE) | set(LOOSE)

    code, text = log["nilai"]
    # every submission ran in the sandbox; ku06's os._exit stops only ku06, graded 0 with the reason
    assert code == 0 and "Dinilai: 11; gagal: 0" in text and "tanpa sandbox" not in text
    assert "Dihentikan oleh sandbox" in text and "ku06: latihan: Sel ke-" in text
    assert "kernel Python berhenti sendiri" in text
    assert "dilewati (sudah dinilai dan tidak berubah): 11" in log["nilai_lagi"][1]

    with course.gradebook() as gb:
        scores = {s: gb.find_submission(MODUL, s).score for s in set(EXCHANGE) | set(LOOSE) - {"ku06"}}
        assert gb.find_submission(MODUL, "ku06").score == 0  # graded: only what ran before the exit
    assert scores["ku02"] == 3  # the resubmission (correct) was graded, not the first one
    assert scores["ku01"] == scores["th03"] == 3 and scores["th02"] == 1 and scores["ku03"] == 0

    # the trainer grades ku01's written answer (formgrader writes the same gradebook fields)
    with course.gradebook() as gb:
        gb.find_grade("tafsiran", "latihan", MODUL, "th01").manual_score = 3
        gb.db.commit()

    code, text = _cli("umpan-balik", MODUL, "--folder", root)  # essays not graded yet: it refuses
    assert code == 1 and text.startswith("GAGAL:") and "--kirim-sebelum-dinilai" in text
    code, text = _cli("umpan-balik", MODUL, "--folder", root, "--kirim-sebelum-dinilai")
    assert code == 0 and "11 peserta" in text and "Dikirim lewat exchange ke 7 peserta" in text
    assert "Langkah berikutnya" in text
    assert "ku05" in text  # loose-file learners get the HTML handout instead
    # ku06 learns why the sandbox stopped the notebook (in Indonesian, in the handout)
    handout = course.grading_dir / "umpan_balik" / MODUL / "ku06.html"
    assert "kernel Python berhenti sendiri" in html.unescape(handout.read_text(encoding="utf-8"))
    fetched = learner_fetch_feedback(course, klass["homes"] / "ku02", "ku02")
    assert fetched and "Nilai sementara: 3 dari 7" in fetched[-1].read_text()  # the essay waits
    assert "BEGIN HIDDEN" not in fetched[-1].read_text()

    code, text = _cli("ekspor", "--folder", root, "--keluaran", str(tmp_path / "ekspor"))
    assert code == 0
    wb = load_workbook(tmp_path / "ekspor" / "nilai_kelas.xlsx")
    ws = wb[MODUL]
    header = [c.value for c in ws[1]]
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}
    assert len([k for k in rows if not k.startswith("Rata-rata kelas")]) == 12 and TRAINER not in rows
    assert rows["th01"][header.index("Total")] == 6 and rows["th01"][header.index("Kohort")] == "Kohort B"
    assert rows["th06"][header.index("Status")] == "belum mengirim"
    assert rows["ku06"][header.index("Total")] in (None, 0)

    code, text = _cli("laporan", "--folder", root, "--keluaran", str(tmp_path / "laporan.html"))
    assert code == 0 and "perlu bantuan" in text
    page = (tmp_path / "laporan.html").read_text()
    assert "Kohort A" in page and "Kohort B" in page and "Taluk Haur" in page
    assert "ku06" in page and "th06" in page and "belum mengirim" in page
    assert TRAINER not in page and "Yulia Kartika" not in page


@pytest.mark.browser
@pytest.mark.server
def test_formgrader_shows_and_saves_the_written_answer(klass: dict, page, port, artifacts_dir: Path):
    import secrets
    import sys

    from tests.servers import running

    course: Course = klass["course"]
    token = secrets.token_hex(16)
    cmd = [
        sys.executable,
        "-m",
        "jupyter",
        "server",
        "--no-browser",
        "--allow-root",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={course.root}",
    ]
    with course.gradebook() as gb:
        sub_id = gb.find_submission_notebook("latihan", MODUL, "th03").id
    base = f"http://127.0.0.1:{port}"
    page.set_extra_http_headers({"Authorization": f"token {token}"})  # also for formgrader's API calls
    with running(cmd, f"{base}/api/status", cwd=course.root, log=klass["base"] / "formgrader.log"):
        auth = {"Authorization": f"token {token}"}
        students = page.request.get(f"{base}/formgrader/api/students", headers=auth).json()
        assert {x["id"] for x in students} == {sid for sid, _ in COHORT_A + COHORT_B}  # never the trainer
        named = {x["id"]: f"{x['last_name']}, {x['first_name']}" for x in students}
        assert named["th03"] == "Muhammad Rizki, th03"  # formgrader's "last, first": no stray comma
        assignments = page.request.get(f"{base}/formgrader/api/assignments", headers=auth).json()
        assert {x["name"] for x in assignments} == {MODUL}
        page.goto(f"{base}/formgrader/gradebook/{MODUL}/latihan")
        link = page.locator(f"a[href*='/formgrader/submissions/{sub_id}']").first
        link.wait_for(timeout=30000)  # th03's submission is listed, with a link to grade it
        page.get_by_text("Show All Names").click()
        named = page.locator(f"a[href*='/formgrader/submissions/{sub_id}']:visible").first
        named.wait_for(timeout=10000)
        assert "Muhammad Rizki" in named.inner_text()
        named.click()
        page.get_by_text("Tafsirkan").first.wait_for(timeout=30000)  # the question and its rubric ...
        assert page.get_by_text("Rubrik (skor 1-4)").count() >= 1
        score = page.locator("input.score#tafsiran")  # ... and the manually graded answer's score box
        # formgrader binds its score boxes once its scripts have loaded the submission: a value typed
        # before that is lost, so type again (at most three times) until the gradebook has it
        manual = None
        for _attempt in range(3):
            score.fill("4")
            score.press("Tab")
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and manual != 4:
                with course.gradebook() as gb:
                    manual = gb.find_grade("tafsiran", "latihan", MODUL, "th03").manual_score
                time.sleep(0.5)
            if manual == 4:
                break
        page.screenshot(path=str(artifacts_dir / "formgrader_tafsiran.png"), full_page=True)
        assert manual == 4
