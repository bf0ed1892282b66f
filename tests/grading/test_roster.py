"""Roster → gradebook: good CSV/Excel files, and the Indonesian errors for bad ones."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from cantik.errors import KelasError
from cantik.grading.roster import load_roster, read_roster, start_class
from tests.grading.conftest import ROSTER_ROWS, write_roster


def test_csv_roster_goes_into_gradebook(course, tmp_path):
    path = write_roster(tmp_path / "peserta.csv", ROSTER_ROWS, sep=";")
    result = start_class(course, path)
    assert sorted(result.added) == ["ku01", "ku02", "th01", "th02"]
    with course.gradebook() as gb:
        names = {s.id: (s.last_name, s.first_name) for s in gb.students}
    assert names["th01"] == ("Rahmah", "th01")  # formgrader shows "Rahmah, th01", never ", Rahmah"
    saved = {x.id: x for x in load_roster(course)}
    assert saved["th02"].kohort == "B" and saved["ku02"].desa == "Kandangan Utara"
    assert "4 peserta." in result.summary()


def test_a_trainer_row_is_not_a_learner_in_the_gradebook(course, tmp_path):
    """The same roster feeds the class server (trainer accounts) and the gradebook (learners only)."""
    rows = [*ROSTER_ROWS, ["pl01", "Bu Pelatih", "Pelatih", "", ""]]
    result = start_class(course, write_roster(tmp_path / "peserta.csv", rows))
    with course.gradebook() as gb:
        ids = {s.id for s in gb.students}
    assert "pl01" not in ids and "pl01" not in result.added and "ku01" in ids
    assert "Pelatih (tidak dimasukkan ke buku nilai sebagai peserta): pl01" in result.summary()
    assert [x.id for x in load_roster(course) if x.is_trainer] == ["pl01"]


@pytest.mark.parametrize(("peran", "trainer"), [
    ("Pelatih BPS", True), ("pelatih", True), ("Instruktur", True), ("Trainer", True), ("PELATIH", True),
    ("Tim Pelatih Kab. HSS", True), ("Co-trainer", True), ("Peserta pelatihan", False),
    ("Agen statistik", False), ("Ketua RT 03", False), ("Kader posyandu", False), ("", False),
])
def test_one_rule_for_trainers(peran, trainer):
    from cantik.grading.roster import Learner

    assert Learner("ku09", "Ani", peran=peran).is_trainer is trainer


def test_trainer_column_and_trainer_removed_from_gradebook(course, tmp_path):
    """A dedicated 'pelatih' column works too; a trainer an older roster put into the gradebook leaves it."""
    start_class(course, write_roster(tmp_path / "lama.csv", [*ROSTER_ROWS, ["pl02", "Andi", "", "", ""]]))
    rows = [[*ROSTER_ROWS[0], "pelatih"], *[[*r, ""] for r in ROSTER_ROWS[1:]],
            ["pl02", "Andi", "", "", "", "ya"], ["pl03", "Yulia Kartika", "Pelatih BPS", "", "", ""]]
    result = start_class(course, write_roster(tmp_path / "baru.csv", rows))
    with course.gradebook() as gb:
        assert "pl02" not in {s.id for s in gb.students}
    assert result.removed == ["pl02"] and "dikeluarkan dari buku nilai: pl02" in result.summary()
    assert [x.id for x in load_roster(course) if x.is_trainer] == ["pl02", "pl03"]


def test_excel_roster_and_reimport_keeps_old_learners(course, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["ID", "Nama Lengkap", "Jabatan", "Kelurahan", "Angkatan"])
    ws.append([101, "Ahmad Fauzi", "Ketua RT", "Kandangan Utara", "A"])
    ws.append(["ku05", "Nur Aini", "Kader posyandu", "Kandangan Utara", "A"])
    wb.save(tmp_path / "peserta.xlsx")
    learners = read_roster(tmp_path / "peserta.xlsx")
    assert [x.id for x in learners] == ["101", "ku05"]
    assert learners[1].peran == "Kader posyandu"
    start_class(course, tmp_path / "peserta.xlsx")
    second = start_class(course, write_roster(tmp_path / "b.csv", [["id", "nama"], ["ku05", "Nur Aini S."]]))
    assert second.updated == ["ku05"] and second.kept == ["101"]
    assert "TIDAK dihapus" in second.summary()


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["id", "nama"], ["ku01", "Siti"], ["KU01", "Budi"]], "ganda (sudah dipakai di baris 2)"),
        ([["id", "nama"], ["ku01", ""]], "nama peserta 'ku01' kosong"),
        ([["id", "nama"], ["ku 01", "Siti"]], "tanpa spasi"),
        ([["nomor induk", "peserta"], ["1", "Siti"]], "tidak punya kolom id dan nama"),
        ([["id", "nama"]], "belum ada peserta"),
    ],
)
def test_bad_roster_is_refused_with_indonesian_message_and_nothing_written(course, tmp_path, rows, expected):
    path = write_roster(tmp_path / "salah.csv", rows)
    with pytest.raises(KelasError) as info:
        start_class(course, path)
    assert expected in str(info.value)
    assert "Langkah berikutnya" in str(info.value)
    with course.gradebook() as gb:
        assert gb.students == []


def test_every_problem_is_listed_at_once(tmp_path):
    path = write_roster(tmp_path / "p.csv", [["id", "nama"], ["a1", ""], ["a2", "X"], ["a2", "Y"], ["", "Z"]])
    with pytest.raises(KelasError) as info:
        read_roster(path)
    text = str(info.value)
    assert "3 masalah" in text and "baris 2" in text and "baris 4" in text and "baris 5: id kosong" in text


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("rusak.xlsx", b"PK\x03\x04 bukan excel sungguhan", "tidak bisa dibuka"),
        ("biner.csv", b"\x00\x01\x02\x03" * 50, "bukan berkas teks CSV"),
        ("kosong.csv", b"  \n\n", "kosong"),
        ("lama.xls", b"\xd0\xcf\x11\xe0", "format Excel lama"),
        ("foto.jpg", b"\xff\xd8\xff", "tidak dikenal"),
    ],
)
def test_unreadable_roster_files(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(KelasError, match=expected):
        read_roster(path)


def test_missing_file(tmp_path):
    with pytest.raises(KelasError, match="tidak ditemukan"):
        read_roster(tmp_path / "tidak_ada.csv")


def _parser() -> argparse.ArgumentParser:
    from cantik.grading.commands import register

    parser = argparse.ArgumentParser(prog="cantik kelas")
    register(parser.add_subparsers(dest="command"))
    return parser


def test_cli_mulai_reports_in_indonesian(course_root: Path, tmp_path, capsys):
    good = write_roster(tmp_path / "ok.csv", ROSTER_ROWS)
    args = _parser().parse_args(["mulai", str(good), "--folder", str(course_root)])
    assert args.func(args) == 0
    assert "Daftar peserta dibaca: 4 peserta." in capsys.readouterr().out
    bad = write_roster(tmp_path / "bad.csv", [["id", "nama"], ["x1", "A"], ["x1", "B"]])
    args = _parser().parse_args(["mulai", str(bad), "--folder", str(course_root)])
    assert args.func(args) == 1
    err = capsys.readouterr().err
    assert err.startswith("GAGAL:") and "ganda" in err


def test_cli_module_imports_nothing_heavy():
    import subprocess
    import sys

    code = (
        "import sys, cantik.grading.commands, cantik.grading; "
        "print(sorted(m for m in ('pandas', 'matplotlib', 'nbgrader') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_gradebook_url_is_configurable(course_root: Path, tmp_path, monkeypatch):
    """CANTIK_GRADEBOOK_URL (read by nbgrader_config.py) moves the gradebook; nothing goes to grading/."""
    from cantik.grading.course import Course

    other = tmp_path / "tempat_lain" / "buku_nilai.db"
    other.parent.mkdir()
    monkeypatch.setenv("CANTIK_GRADEBOOK_URL", f"sqlite:///{other}")
    course = Course.open(course_root)
    start_class(course, write_roster(tmp_path / "p.csv", ROSTER_ROWS))
    assert other.is_file() and not (course_root / "grading" / "gradebook.db").exists()
    with course.gradebook() as gb:
        assert len(gb.students) == 4
