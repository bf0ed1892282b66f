"""Feedback, grade exports and the class report, on one small graded class."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from cantik.grading.autograde import autograde
from cantik.grading.course import Course
from cantik.grading.export import export_grades, question_column
from cantik.grading.feedback import generate_feedback
from cantik.grading.release import release
from cantik.grading.report import class_report
from cantik.grading.roster import start_class
from tests.grading.conftest import ROSTER_ROWS, write_roster
from tests.grading.helpers import MODUL, make_course, submit

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Course]:
    """ku01 correct, ku02 partly wrong, th01 erroring, th02 tries to leak the tests; ku01's essay 4/4."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("CANTIK_GRADEBOOK_URL", raising=False)
        mp.delenv("CANTIK_EXCHANGE", raising=False)
        base = tmp_path_factory.mktemp("kelas")
        course = Course.open(make_course(base / "kelas"))
        start_class(course, write_roster(base / "peserta.csv", ROSTER_ROWS))
        release(course, MODUL, exchange=False)
        for student, variant in [
            ("ku01", "benar"),
            ("ku02", "sebagian"),
            ("th01", "galat"),
            ("th02", "bocor"),
        ]:
            submit(course.root, student, variant)
        autograde(course, MODUL, workers=2, progress=False)
        with course.gradebook() as gb:  # what formgrader does when the trainer grades the essay
            gb.find_grade("tafsiran", "latihan", MODUL, "ku01").manual_score = 4
            gb.find_comment(
                "tafsiran", "latihan", MODUL, "ku01"
            ).manual_comment = "Tepat, sebut juga angkanya."
            gb.db.commit()
        yield course


def test_feedback_shows_scores_names_messages_but_never_test_code(graded: Course):
    result = generate_feedback(graded, MODUL, exchange=False)
    assert sorted(p.name for p in result.files) == ["ku01.html", "ku02.html", "th01.html", "th02.html"]
    ku02 = (result.folder / "ku02.html").read_text()
    assert "Budi Santoso" in ku02 and "Uji rasio jenis kelamin" in ku02
    assert "Belum tepat: Jumlahkan semua RT sebelum membagi" in ku02  # hidden test's message ...
    for leak in ("BEGIN HIDDEN", "315 / 300", "abs(rasio", "assert "):  # ... never its code
        for page in result.folder.glob("*.html"):
            assert leak not in page.read_text()
    ku01 = (result.folder / "ku01.html").read_text()
    assert "Nilai: 7 dari 7" in ku01 and "Tepat, sebut juga angkanya." in ku01
    th01 = (result.folder / "th01.html").read_text()
    # th01's answer cell crashed: the feedback names that error, not a missing or wrong value
    assert "Sel jawaban soal ini berhenti dengan galat AttributeError" in th01
    assert "Belum tepat: Buat dulu grafik batangnya" in th01  # the visible part of the figure test
    assert "belum dinilai pelatih" in th01
    assert result.waiting == ["ku02", "th01", "th02"]
    th02 = (result.folder / "th02.html").read_text()
    assert "pesan disembunyikan karena memuat kode uji" in th02
    raw = (graded.autograded_dir / "th02" / MODUL / "latihan.ipynb").read_text()
    assert raw.count("BEGIN HIDDEN TESTS") >= 2  # the test cell and the error text the learner's code raised
    nb_file = graded.feedback_dir / "ku02" / MODUL / "latihan.html"
    assert nb_file.is_file() and "BEGIN HIDDEN" not in nb_file.read_text()


def test_export_csv_and_excel_read_back(graded: Course, tmp_path: Path):
    from openpyxl import load_workbook

    result = export_grades(graded, tmp_path / "ekspor")
    with (tmp_path / "ekspor" / f"nilai_{MODUL}.csv").open(encoding="utf-8-sig") as fh:
        rows = {r["ID"]: r for r in csv.DictReader(fh)}
    q = question_column("uji_rasio", 2)
    with graded.gradebook() as gb:
        expected = {s: gb.find_submission(MODUL, s).score for s in ("ku01", "ku02", "th01")}
        rasio = {s: gb.find_grade("uji_rasio", "latihan", MODUL, s).score for s in expected}
        rasio_th02 = gb.find_grade("uji_rasio", "latihan", MODUL, "th02").score
    for sid, total in expected.items():
        assert float(rows[sid]["Total"]) == total
        assert float(rows[sid][q]) == rasio[sid]
    # th02's leaking float subclass crosses as its honest value, as cek reads it (the one answer contract):
    # 105.0 is right, so that question keeps its points; the leak earns nothing (its figure test scores 0)
    assert float(rows["th02"]["Total"]) == rasio_th02 == 2
    assert rows["ku02"]["Kohort"] == "A" and rows["th01"]["Desa/Kelurahan"] == "Taluk Haur"

    wb = load_workbook(result.excel)
    assert wb.sheetnames == ["Ringkasan", MODUL]
    ws = wb[MODUL]
    header = [c.value for c in ws[1]]
    assert header[:5] == ["ID", "Nama", "Peran", "Desa/Kelurahan", "Kohort"]
    assert q in header and "Total" in header and "Persen" in header
    by_id = {row[0]: row for row in ws.iter_rows(min_row=2, values_only=True) if row[0]}
    assert by_id["ku01"][header.index("Total")] == expected["ku01"] == 7
    assert by_id["Rata-rata kelas"][header.index("Total")].startswith("=IFERROR(AVERAGE(")
    summary = {r[0]: r for r in wb["Ringkasan"].iter_rows(min_row=2, values_only=True)}
    assert summary["ku01"][5] == 100.0
    assert "satu lembar per modul" in result.summary()


def test_class_report(graded: Course, tmp_path: Path):
    result = class_report(graded, tmp_path / "laporan.html")
    page = result.path.read_text()
    assert page.count('<img src="data:image/png;base64,') >= 4  # distribution, difficulty, village, cohort
    assert "Kesalahan per soal" in page and "Jumlahkan semua RT sebelum membagi" in page
    assert "Yang perlu diajarkan ulang" in page and result.mistakes_csv.is_file()
    assert "Per desa/kelurahan" in page and "Per kohort" in page
    assert 'alt="Histogram nilai peserta' in page
    assert result.need_help == ["ku02", "th01", "th02"]  # 3/7, 0/7, 0/7
