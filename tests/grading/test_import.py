"""Release, collect and loose-file import: matching, duplicates, quarantine, never losing a file."""

from __future__ import annotations

import zipfile

import nbformat
import pytest

from cantik.errors import KelasError
from cantik.grading.importer import import_files, match_learner
from cantik.grading.roster import Learner, start_class
from tests.grading.conftest import ROSTER_ROWS, write_roster
from tests.grading.helpers import MODUL, fill

SITI = Learner("ku01", "Siti Aminah")
BUDI = Learner("ku02", "Budi Santoso")
HAJAR = Learner("th02", "Siti Hajar")


@pytest.mark.parametrize(
    ("filename", "meta", "expected"),
    [
        ("Modul 2 - Budi (1).ipynb", {}, ["ku02"]),
        ("modul_uji_ku01.ipynb", {}, ["ku01"]),
        ("Latihan - Siti Hajar.ipynb", {}, ["th02"]),
        ("Modul 2 - Siti (1).ipynb", {}, ["ku01", "th02"]),  # two Sitis: ambiguous
        ("latihan.ipynb", {"metadata": {"cantik": {"peserta": "ku02"}}}, ["ku02"]),
        ("Modul 2 - Joko.ipynb", {}, []),
        ("modul2 siti hajar.ipynb", {}, ["th02"]),
        ("WhatsApp Document BUDI modul1 (1).ipynb", {}, ["ku02"]),
        ("Tugas_modul1-HAJAR final revisi.ipynb", {}, ["th02"]),  # a last name only one learner has
        ("aminah.siti.modul_2.ipynb", {}, ["ku01"]),  # any order, any separator
    ],
)
def test_match_learner(filename, meta, expected):
    found, _how = match_learner(filename, meta, [SITI, BUDI, HAJAR])
    assert sorted(x.id for x in found) == expected


def test_release_puts_learner_version_in_notebooks_and_exchange(released):
    nb = (released.release_dir / MODUL / "latihan.ipynb").read_text()
    assert "TULIS KODE ANDA DI SINI" in nb and "BEGIN HIDDEN TESTS" not in nb and "315 / 300" not in nb
    outbound = released.exchange_root / released.course_id / "outbound" / MODUL / "latihan.ipynb"
    assert outbound.is_file()
    # gradebook and source live outside what learners get
    assert not any(p.name.endswith(".db") for p in released.release_dir.rglob("*"))


def test_import_loose_files_and_zip(released, tmp_path):
    start_class(released, write_roster(tmp_path / "peserta.csv", ROSTER_ROWS))
    src = released.release_dir / MODUL / "latihan.ipynb"
    inbox = tmp_path / "flashdisk"
    inbox.mkdir()
    nbformat.write(fill(src, "benar"), inbox / "Modul Uji - Budi Santoso.ipynb")
    nbformat.write(fill(src, "benar"), inbox / "Modul Uji - Budi Santoso (1).ipynb")  # identical copy
    nbformat.write(fill(src, "sebagian"), inbox / "Modul Uji - Rahmah.ipynb")
    nbformat.write(fill(src, "galat"), inbox / "Modul Uji - Rahmah (2).ipynb")  # different version
    nbformat.write(fill(src, "benar"), inbox / "Modul Uji - Joko.ipynb")  # not in the roster
    nbformat.write(fill(src, "benar"), inbox / "Modul Uji - Siti.ipynb")  # two Sitis
    (inbox / "rusak.ipynb").write_text('{"cells": [', encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "kiriman.zip", "w") as zf:
        zf.writestr("kiriman/Latihan th02.ipynb", nbformat.writes(fill(src, "sebagian")))
        zf.writestr("kiriman/catatan.txt", "bukan notebook")

    result = import_files(released, [inbox, tmp_path / "kiriman.zip"])
    imported = {who for _f, who, _what in result.imported}
    assert imported == {"ku02", "th02"}
    reasons = dict(result.problems)
    assert (
        "GANDA" in reasons["Modul Uji - Rahmah.ipynb"] and "GANDA" in reasons["Modul Uji - Rahmah (2).ipynb"]
    )
    assert "tidak cocok" in reasons["Modul Uji - Joko.ipynb"]
    assert "lebih dari satu peserta" in reasons["Modul Uji - Siti.ipynb"]
    assert "rusak" in reasons["rusak.ipynb"]
    assert "bukan notebook" in reasons["kiriman.zip:kiriman/catatan.txt"]
    # nothing lost: every file received has a byte copy in the inbox, problems also in quarantine
    assert len(list(result.inbox.iterdir())) == 7 + 1 + 2  # 7 loose files + the zip + its 2 members
    quarantined = list(released.quarantine_dir.rglob("*.ipynb"))
    assert {p.name for p in quarantined} >= {"Modul Uji - Joko.ipynb", "rusak.ipynb"}
    sub = released.submitted_dir / "ku02" / MODUL
    assert (sub / "timestamp.txt").is_file() and (sub / "latihan.ipynb").is_file()
    text = result.summary()
    assert "PERLU DIPERIKSA" in text and "Langkah berikutnya" in text

    # importing the same file again: "sama persis", nothing replaced
    again = import_files(released, [inbox / "Modul Uji - Budi Santoso.ipynb"])
    assert again.same == [("Modul Uji - Budi Santoso.ipynb", "ku02")]

    # a different version is NOT written over the earlier submission without --ganti
    newer = tmp_path / "Modul Uji - Budi Santoso (3).ipynb"
    nbformat.write(fill(src, "galat"), newer)
    before = (sub / "latihan.ipynb").read_bytes()
    refused = import_files(released, [newer])
    assert "tidak ditimpa" in dict(refused.problems)[newer.name]
    assert (sub / "latihan.ipynb").read_bytes() == before
    replaced = import_files(released, [newer], replace=True)
    assert replaced.imported and (sub / "latihan.ipynb").read_bytes() == newer.read_bytes()
    archived = [
        p.read_bytes() for p in (released.inbox_dir / "exchange" / MODUL / "ku02").rglob("latihan.ipynb")
    ]
    assert before in archived  # the earlier version is kept


def test_a_notebook_under_another_name_is_imported(released, tmp_path):
    """Messaging apps and "Save as" rename notebooks (``.ipynb.txt``, ``.json``, no extension): a person would
    look inside, so the import does too. A cut-off one is called damaged; a real text file is refused."""
    start_class(released, write_roster(tmp_path / "peserta.csv", ROSTER_ROWS))
    src = released.release_dir / MODUL / "latihan.ipynb"
    inbox = tmp_path / "wa"
    inbox.mkdir()
    nbformat.write(fill(src, "benar"), inbox / "Modul Uji - Budi Santoso.ipynb.txt")
    (inbox / "Modul Uji Rahmah").write_text(nbformat.writes(fill(src, "sebagian")), encoding="utf-8-sig")
    (inbox / "Modul Uji Siti Aminah.txt").write_text('{"cells": [{"cell_type": "co', encoding="utf-8")
    (inbox / "catatan.txt").write_text("Pak, ini tugas saya.", encoding="utf-8")
    (inbox / "Modul Uji Budi.pdf").write_bytes(b"%PDF-1.7 hasil cetak notebook")
    (inbox / "tugas kelompok B.rar").write_bytes(b"Rar!\x1a\x07\x01\x00")
    with zipfile.ZipFile(tmp_path / "kiriman.zip", "w") as zf:
        zf.writestr("th02 siti hajar.json", nbformat.writes(fill(src, "sebagian")))
    result = import_files(released, [inbox, tmp_path / "kiriman.zip"])
    assert {who for _f, who, _what in result.imported} == {"ku02", "th01", "th02"}
    reasons = dict(result.problems)
    assert "rusak" in reasons["Modul Uji Siti Aminah.txt"]
    assert "bukan notebook" in reasons["catatan.txt"]
    # what a file probably is, and what to ask for
    assert "hasil ekspor/cetak notebook" in reasons["Modul Uji Budi.pdf"] and ".ipynb-nya" in reasons[
        "Modul Uji Budi.pdf"]
    assert "Ekstrak dulu" in reasons["tugas kelompok B.rar"]


def test_import_needs_a_roster(released, tmp_path):
    with pytest.raises(KelasError, match="Belum ada daftar peserta"):
        import_files(released, [tmp_path])


def test_bad_zip_is_reported(released, tmp_path):
    start_class(released, write_roster(tmp_path / "peserta.csv", ROSTER_ROWS))
    (tmp_path / "rusak.zip").write_bytes(b"PK\x03\x04 terpotong")
    result = import_files(released, [tmp_path / "rusak.zip"])
    assert result.problems == [("rusak.zip", "berkas zip rusak atau tidak lengkap")]


def test_unknown_module_message(course):
    from cantik.grading.release import release

    with pytest.raises(KelasError, match="Modul 'modul_99' tidak ditemukan"):
        release(course, "modul_99")


def test_collect_keeps_every_version(released, tmp_path):
    """A resubmission through the exchange replaces the graded copy, and the summary says so; the earlier
    version stays in the inbox."""
    from cantik.grading.release import collect
    from tests.grading.helpers import learner_fetch_and_submit

    start_class(released, write_roster(tmp_path / "peserta.csv", ROSTER_ROWS))
    learner_fetch_and_submit(released, tmp_path / "rumah", "ku01", "galat")
    first = collect(released, MODUL)
    assert first.collected == ["ku01"] and first.updated == []
    graded_copy = released.submitted_dir / "ku01" / MODUL / "latihan.ipynb"
    old = graded_copy.read_bytes()
    import time

    time.sleep(1.1)
    learner_fetch_and_submit(released, tmp_path / "rumah", "ku01", "benar")
    second = collect(released, MODUL)
    assert second.updated == ["ku01"] and "versi lama tetap ada" in second.summary()
    assert graded_copy.read_bytes() != old
    versions = sorted(
        p.read_bytes() for p in (released.inbox_dir / "exchange" / MODUL / "ku01").rglob("*.ipynb")
    )
    assert len(versions) == 2 and old in versions
    assert "Belum ada kiriman baru" in collect(released, MODUL).summary()
