"""Rubric scores per criterion in the real formgrader (Debian chromium): one score box per criterion, the
question's total is their sum in the gradebook and in `cantik kelas ekspor`, and an empty answer shows the
grader's Indonesian note (a hint, not a trainer's comment) instead of nbgrader's "No response."."""

from __future__ import annotations

import csv
import secrets
import sys
import time
from pathlib import Path

import pytest

from cantik.authoring.cells import dumps, md, notebook
from cantik.authoring.written import Contoh, Kriteria, soal_tulisan
from cantik.grading.course import Course
from tests.courses import pipeline as pl

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.server]

MODUL, NB = "tulis", "tulisan"
KRITERIA = [Kriteria(f"Kriteria {n}", ["a", "b", "c", "d"]) for n in ("bukti", "alasan", "bahasa")]
CONTOH = [Contoh(t, f"Contoh tingkat {t}.", [t, t, t]) for t in range(1, 5)]
SKOR = {"t-soal": 3, "t-soal-k2": 2, "t-soal-k3": 4}  # what the trainer types, criterion by criterion


def _course(tmp: Path) -> Path:
    root = pl.course_copy(tmp, [])
    nb = notebook([md("t-judul", "# Latihan menulis", kunci=True),
                          md("t-tanya", "Apa arti rasio jenis kelamin 105?", kunci=True),
                          *soal_tulisan("t-soal", "1z", KRITERIA, CONTOH)])
    (root / "courses" / MODUL).mkdir(parents=True)
    (root / "courses" / MODUL / f"{NB}.ipynb").write_text(dumps(nb), encoding="utf-8")
    pl.nbgrader(root, "generate_assignment", MODUL, "--force")
    released = pl.read_nb(root / "notebooks" / MODUL / f"{NB}.ipynb")
    jawab = {"t-soal": "Ada 105 laki-laki per 100 perempuan."}
    pl.submit(root, "ku01", MODUL, {NB: pl.fill(released, None, jawab)})
    pl.submit(root, "ku02", MODUL, {NB: released})  # left empty
    pl.nbgrader(root, "autograde", MODUL, "--force")
    return root


def test_trainer_scores_each_criterion_and_the_sum_reaches_gradebook_and_export(
        tmp_path: Path, page, port, artifacts_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.servers import running

    monkeypatch.delenv("CANTIK_GRADEBOOK_URL", raising=False)
    root = _course(tmp_path / "kelas")
    course = Course.open(root)
    with course.gradebook() as gb:
        sub_id = gb.find_submission_notebook(NB, MODUL, "ku01").id
        kosong_id = gb.find_submission_notebook(NB, MODUL, "ku02").id
        assert gb.find_submission_notebook(NB, MODUL, "ku01").max_score == 4 * len(KRITERIA)
    token = secrets.token_hex(16)
    cmd = [sys.executable, "-m", "jupyter", "server", "--no-browser", "--allow-root", f"--port={port}",
           "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}"]
    base = f"http://127.0.0.1:{port}"
    page.set_extra_http_headers({"Authorization": f"token {token}"})
    with running(cmd, f"{base}/api/status", cwd=root, log=tmp_path / "formgrader.log"):
        page.goto(f"{base}/formgrader/submissions/{sub_id}")
        boxes = page.locator("input.score")
        boxes.first.wait_for(timeout=60000)
        assert boxes.count() == len(KRITERIA)  # one box per criterion: K1 on the answer, K2… below it
        assert page.get_by_text("Panduan pelatih soal 1z").count() >= 1  # the trainer's guide is shown
        for grade_id, value in SKOR.items():
            box = page.locator(f"input.score#{grade_id}")
            # formgrader binds its boxes once its scripts have loaded the submission: a value typed before
            # that is lost, so type again (at most three times) until the gradebook has it
            for _attempt in range(3):
                box.fill(str(value))
                box.press("Tab")
                deadline = time.monotonic() + 10
                saved = None
                while time.monotonic() < deadline and saved != value:
                    with course.gradebook() as gb:
                        saved = gb.find_grade(grade_id, NB, MODUL, "ku01").manual_score
                    time.sleep(0.3)
                if saved == value:
                    break
            assert saved == value, grade_id
        page.screenshot(path=str(artifacts_dir / "formgrader_kriteria.png"), full_page=True)
        page.goto(f"{base}/formgrader/submissions/{kosong_id}")
        page.locator("textarea.comment").first.wait_for(timeout=60000)
        # formgrader shows the grader's comment as a grey hint, the trainer's own as the text
        deadline, hints = time.monotonic() + 30, []
        while time.monotonic() < deadline and not (hints and all("Tidak ada jawaban" in h for h in hints)):
            hints = page.locator("textarea.comment").evaluate_all("els => els.map(e => e.placeholder)")
            time.sleep(0.3)
        assert len(hints) == len(KRITERIA) and all("Tidak ada jawaban" in h for h in hints), hints
        values = page.locator("textarea.comment").evaluate_all("els => els.map(e => e.value)")
        assert not any(values) and "No response" not in page.content()
    with course.gradebook() as gb:
        assert gb.find_submission_notebook(NB, MODUL, "ku01").score == sum(SKOR.values())
        assert gb.find_submission_notebook(NB, MODUL, "ku02").score == 0
    from cantik.grading.export import export_grades

    export_grades(course, tmp_path / "ekspor")
    with open(tmp_path / "ekspor" / f"nilai_{MODUL}.csv", encoding="utf-8-sig") as fh:
        rows = {r["ID"]: r for r in csv.DictReader(fh, delimiter=_delimiter(fh.name))}
    assert _number(rows["ku01"]["Total"]) == sum(SKOR.values())
    assert _number(rows["ku02"]["Total"]) == 0
    # one column per criterion, e.g. "1z · K2 · Kriteria alasan (maks 4)"
    criterion_columns = [c for c in rows["ku01"] if c.startswith("1z · K")]
    assert len(criterion_columns) == len(KRITERIA)
    assert sorted(_number(rows["ku01"][c]) for c in criterion_columns) == sorted(SKOR.values())


def _delimiter(path: str) -> str:
    head = Path(path).read_text(encoding="utf-8-sig").splitlines()[0]
    return ";" if head.count(";") > head.count(",") else ","


def _number(text: str) -> float:
    return float(text.replace(",", "."))
