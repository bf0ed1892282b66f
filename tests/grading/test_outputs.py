"""Feedback, grade exports and the class report, on one small graded class."""

from __future__ import annotations

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


#: the class of these tests: the shared roster, a learner who has not sent anything yet, and a trainer
ROWS = [*ROSTER_ROWS, ["ku03", "Hendra Gunawan", "Ketua RT 03", "Kandangan Utara", "A"],
        ["ku04", "Nur Aini", "Kader posyandu", "Kandangan Utara", "A"],
        ["pl01", "Yulia Kartika", "Pelatih BPS", "", ""]]


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Course]:
    """ku01 correct, ku02 partly wrong, th01 erroring, th02 tries to leak the tests; ku01's essay 4/4.
    ku03 has every code question right and an essay not graded yet; ku04 sent nothing; the trainer pl01
    ("Pelatih BPS") tried the module too."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("CANTIK_GRADEBOOK_URL", raising=False)
        mp.delenv("CANTIK_EXCHANGE", raising=False)
        base = tmp_path_factory.mktemp("kelas")
        course = Course.open(make_course(base / "kelas"))
        start_class(course, write_roster(base / "peserta.csv", ROWS))
        release(course, MODUL, exchange=False)
        for student, variant in [
            ("ku01", "benar"),
            ("ku02", "sebagian"),
            ("th01", "galat"),
            ("th02", "bocor"),
            ("ku03", "benar"),
            ("pl01", "benar"),
        ]:
            submit(course.root, student, variant)
        result = autograde(course, MODUL, workers=2, progress=False)
        assert result.trainers == ["pl01"] and "pelatih bukan peserta" in result.summary()
        with course.gradebook() as gb:  # what formgrader does when the trainer grades the essay
            gb.find_grade("tafsiran", "latihan", MODUL, "ku01").manual_score = 4
            gb.find_comment(
                "tafsiran", "latihan", MODUL, "ku01"
            ).manual_comment = "Tepat, sebut juga angkanya."
            gb.db.commit()
        yield course


def test_feedback_waits_for_the_trainer_unless_told(graded: Course):
    from cantik.errors import KelasError

    with pytest.raises(KelasError) as info:
        generate_feedback(graded, MODUL, exchange=False)
    text = str(info.value)
    assert "belum dinilai" in text and "ku03" in text and "Formgrader" in text
    assert "--kirim-sebelum-dinilai" in text and "Langkah berikutnya" in text
    assert not (graded.grading_dir / "umpan_balik" / MODUL).exists()  # nothing written, nothing sent


def test_feedback_shows_scores_names_messages_but_never_test_code(graded: Course):
    result = generate_feedback(graded, MODUL, exchange=False, before_graded=True)
    names = ["ku01.html", "ku02.html", "ku03.html", "th01.html", "th02.html"]  # never the trainer
    assert sorted(p.name for p in result.files) == names
    ku02 = (result.folder / "ku02.html").read_text()
    assert "Budi Santoso" in ku02 and "Uji rasio jenis kelamin" in ku02
    assert "Belum tepat: Jumlahkan semua RT sebelum membagi" in ku02  # hidden test's message ...
    for leak in ("BEGIN HIDDEN", "315 / 300", "abs(rasio", "assert "):  # ... never its code
        for page in result.folder.glob("*.html"):
            assert leak not in page.read_text()
    ku01 = (result.folder / "ku01.html").read_text()
    assert "Nilai: 7 dari 7" in ku01 and "Tepat, sebut juga angkanya." in ku01
    ku03 = (result.folder / "ku03.html").read_text()
    assert "Nilai sementara: 3 dari 7; jawaban tertulis (4 poin) menunggu penilaian pelatih" in ku03
    assert "<td>menunggu penilaian pelatih</td>" in ku03  # never "0 / 4" for a part not graded
    th01 = (result.folder / "th01.html").read_text()
    # th01's answer cell crashed: the feedback names that error, not a missing or wrong value
    assert "Sel jawaban soal ini berhenti dengan galat AttributeError" in th01
    assert "Belum tepat: Buat dulu grafik batangnya" in th01  # the visible part of the figure test
    assert "belum dinilai pelatih" in th01
    assert result.waiting == ["ku02", "ku03", "th01", "th02"]
    assert "SEBELUM jawaban tertulis dinilai" in result.summary()
    assert "Langkah berikutnya: nilai jawaban tertulis di Formgrader" in result.summary()
    th02 = (result.folder / "th02.html").read_text()
    assert "pesan disembunyikan karena memuat kode uji" in th02
    raw = (graded.autograded_dir / "th02" / MODUL / "latihan.ipynb").read_text()
    assert raw.count("BEGIN HIDDEN TESTS") >= 2  # the test cell and the error text the learner's code raised
    nb_file = graded.feedback_dir / "ku02" / MODUL / "latihan.html"
    assert nb_file.is_file() and "BEGIN HIDDEN" not in nb_file.read_text()


def _rasio_column() -> str:
    return question_column("Uji rasio jenis kelamin", 2)


def test_export_opens_in_a_semicolon_decimal_comma_reader(graded: Course, tmp_path: Path):
    """What Excel in Indonesian does with a CSV: split on ';', read '42,9' as 42.9."""
    import pandas as pd

    export_grades(graded, tmp_path / "ekspor")
    table = pd.read_csv(tmp_path / "ekspor" / f"nilai_{MODUL}.csv", sep=";", decimal=",",
                        encoding="utf-8-sig")
    assert list(table.columns[:5]) == ["ID", "Nama", "Peran", "Desa/Kelurahan", "Kohort"]
    assert list(table.columns[5:]) == [_rasio_column(), "Uji grafik batang (maks 1)",
                                       "Jawaban tertulis (maks 4)", "Total", "Nilai maksimum", "Persen",
                                       "Status"]
    rows = table.set_index("ID")
    with graded.gradebook() as gb:
        for sid in ("ku01", "ku02", "th01", "ku03"):
            assert rows.loc[sid, "Total"] == gb.find_submission(MODUL, sid).score
            assert rows.loc[sid, _rasio_column()] == gb.find_grade("uji_rasio", "latihan", MODUL, sid).score
        rasio_th02 = gb.find_grade("uji_rasio", "latihan", MODUL, "th02").score
    # th02's leaking float subclass crosses as its honest value, as cek reads it (the one answer contract):
    # 105.0 is right, so that question keeps its points; the leak earns nothing (its figure test scores 0)
    assert rows.loc["th02", "Total"] == rasio_th02 == 2
    assert rows.loc["ku02", "Kohort"] == "A" and rows.loc["th01", "Desa/Kelurahan"] == "Taluk Haur"
    assert rows.loc["ku02", "Persen"] == pytest.approx(14.3)  # 1 of 7, read back through the decimal comma
    assert rows.loc["ku04", "Status"] == "belum mengirim"
    assert rows.loc["ku03", "Status"] == "menunggu penilaian pelatih"
    assert "pl01" not in rows.index and "Pelatih BPS" not in table.to_string()
    text = (tmp_path / "ekspor" / f"nilai_{MODUL}.csv").read_text(encoding="utf-8-sig")
    assert "14,3" in text and ";" in text.splitlines()[0]
    summary = pd.read_csv(tmp_path / "ekspor" / "nilai_ringkasan.csv", sep=";", decimal=",",
                          encoding="utf-8-sig").set_index("ID")
    module = [c for c in summary.columns if c.endswith("(%)") and c != "Rata-rata (%)"]
    assert summary.loc["ku04", module[0]] == 0 and summary.loc["ku04", "Rata-rata (%)"] == 0
    assert summary.loc["ku04", "Belum mengirim"] and pd.isna(summary.loc["ku01", "Belum mengirim"])
    international = export_grades(graded, tmp_path / "intl", csv_format="internasional")
    assert "14.3" in international.csv_files[0].read_text(encoding="utf-8-sig")


def test_export_excel_has_values(graded: Course, tmp_path: Path):
    from openpyxl import load_workbook

    result = export_grades(graded, tmp_path / "ekspor")
    wb = load_workbook(result.excel)
    assert wb.sheetnames == ["Ringkasan", MODUL]
    ws = wb[MODUL]
    header = [c.value for c in ws[1]]
    assert header[:5] == ["ID", "Nama", "Peran", "Desa/Kelurahan", "Kohort"]
    assert _rasio_column() in header and "Total" in header and "Persen" in header
    by_id = {row[0]: row for row in ws.iter_rows(min_row=2, values_only=True) if row[0]}
    assert by_id["ku01"][header.index("Total")] == 7
    average = "Rata-rata kelas (yang mengirim)"
    assert by_id[average][header.index("Total")].startswith("=IFERROR(AVERAGE(")  # stays live in Excel ...
    cached = {row[0]: row for row in load_workbook(result.excel, data_only=True)[MODUL].iter_rows(
        min_row=2, values_only=True) if row[0]}
    with graded.gradebook() as gb:
        totals = [gb.find_submission(MODUL, s).score for s in ("ku01", "ku02", "th01", "th02", "ku03")]
    assert cached[average][header.index("Total")] == pytest.approx(sum(totals) / 5)  # ... and has a value
    summary = {r[0]: r for r in wb["Ringkasan"].iter_rows(min_row=2, values_only=True)}
    assert summary["ku01"][5] == 100.0 and "pl01" not in summary and "pl01" not in by_id
    assert "satu lembar per modul" in result.summary()


def test_class_report(graded: Course, tmp_path: Path):
    result = class_report(graded, tmp_path / "laporan.html")
    page = result.path.read_text()
    assert page.count('<img src="data:image/png;base64,') >= 4  # distribution, difficulty, village, cohort
    assert "Kesalahan per soal" in page and "Jumlahkan semua RT sebelum membagi" in page
    assert "Yang perlu diajarkan ulang" in page and result.mistakes_csv.is_file()
    assert "Per desa/kelurahan" in page and "Per kohort" in page
    assert 'alt="Histogram nilai peserta' in page
    assert "<h2>Latihan uji: rasio jenis kelamin</h2>" in page  # the module's title, not "Modul modul_uji"
    assert "4 peserta menunggu penilaian pelatih" in page
    # ku03 has every code question right: not "perlu bantuan" while the essay waits (3 of 3 graded points)
    # 1/3, nothing sent, 0/3; th02's leaking float crosses as its honest (right) ratio: 2/3 graded, not listed
    assert result.need_help == ["ku02", "ku04", "th01"]
    assert "pl01" not in page and "Yulia Kartika" not in page
