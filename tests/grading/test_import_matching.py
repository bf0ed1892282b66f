"""A realistic inbox: loose files and zips named as people send them from WhatsApp and flash disks.

A class of 12 learners and one trainer row ("Pelatih BPS"), two modules. Each file carries the answer a
careful person would give (``EXPECTED``: the learner, or ``None`` when a person would have to ask). The
import must file at least 90 % of the answerable ones by itself, never file one for the wrong learner, and
name the candidates of everything it quarantines. Then the trainer settles the rest with ``--tetapkan``
and a second import of the same flash disk asks nothing again.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from cantik.grading.course import Course
from cantik.grading.importer import import_files
from cantik.grading.roster import start_class
from tests.grading.conftest import write_roster
from tests.grading.helpers import MODUL

ROSTER = [
    ["id", "nama", "peran", "desa/kelurahan", "kohort"],
    ["ku01", "Siti Aminah", "Agen statistik", "Kandangan Utara", "A"],
    ["ku02", "Budi Santoso", "Kasi Pemerintahan", "Kandangan Utara", "A"],
    ["ku03", "Hendra Gunawan", "Ketua RT 03", "Kandangan Utara", "A"],
    ["ku04", "Siti Nurhaliza", "Kader posyandu", "Kandangan Utara", "A"],
    ["ku05", "Rahmawati", "Agen statistik", "Kandangan Utara", "A"],
    ["ku06", "Fitriani", "Staf kelurahan", "Kandangan Utara", "A"],
    ["ku07", "M. Yusuf", "Ketua RW 01", "Kandangan Utara", "A"],
    ["th01", "Rahmah", "Sekretaris Lurah", "Taluk Haur", "B"],
    ["th02", "Siti Hajar", "Agen statistik", "Taluk Haur", "B"],
    ["th03", "Nurul Hidayah", "Kader PKK", "Taluk Haur", "B"],
    ["th04", "Ahmad Fauzi", "Ketua RT 01", "Taluk Haur", "B"],
    ["th05", "Dewi Lestari", "Staf kelurahan", "Taluk Haur", "B"],
    ["pl01", "Yulia Kartika", "Pelatih BPS", "", ""],
]

#: file name → (module, answer variant, learner a careful person would file it for, or None: ask)
LOOSE: dict[str, tuple[str, str, str | None]] = {
    "Modul 1 Hendra Gunawan.ipynb": ("modul1", "a", "ku03"),
    "modul2 siti nurhaliza.ipynb": ("modul2", "a", "ku04"),
    "Tugas modul1_Rahmawati.ipynb": ("modul1", "a", "ku05"),
    "WhatsApp Document Fitriani modul1.ipynb": ("modul1", "a", "ku06"),
    "modul1_data_kelurahan-yusuf.ipynb": ("modul1", "a", "ku07"),
    "Modul 1 - Budi (1).ipynb": ("modul1", "a", "ku02"),
    "Modul 1 - Budi (2).ipynb": ("modul1", "a", "ku02"),  # the same file again
    "MODUL 2 BUDI SANTOSO FINAL.ipynb": ("modul2", "a", "ku02"),
    "modul_1_ku01.ipynb": ("modul1", "a", "ku01"),
    "Latihan Modul 2 (ku01) revisi.ipynb": ("modul2", "a", "ku01"),
    "Modul 1 - Siti.ipynb": ("modul1", "b", None),  # three Sitis
    "Modul1 Siti Hajar.ipynb": ("modul1", "a", "th02"),
    "modul 2 - siti hajar - Copy.ipynb": ("modul2", "a", "th02"),
    "Nurul.Hidayah.Modul1.ipynb": ("modul1", "a", "th03"),
    "Hidayah modul 2.ipynb": ("modul2", "a", "th03"),
    "Copy of Hidayah modul 2.ipynb": ("modul2", "a", "th03"),  # identical copy
    "Ahmad Fauzi - Modul 1 Taluk Haur.ipynb": ("modul1", "a", "th04"),
    "fauzi_modul2_final_fix.ipynb": ("modul2", "a", "th04"),
    "Dewi L modul 1.ipynb": ("modul1", "a", "th05"),
    "WhatsApp Document 2026-12-04 at 10.23.45.ipynb": ("modul1", "c", None),  # no name at all
    "Modul 1 - Joko.ipynb": ("modul1", "b", None),  # not in the class
    "Rahmah modul 1.ipynb": ("modul1", "a", "th01"),
    "rahmah_modul2 (2).ipynb": ("modul2", "a", "th01"),
    "Modul 2 - Hendra Gunawan.ipynb": ("modul2", "a", "ku03"),
    "Modul 2 Fitriani.ipynb": ("modul2", "a", "ku06"),
    "Modul 2 - Budi Hartono.ipynb": ("modul2", "b", None),  # another Budi, not in the class
    "modul1 fitriyani.ipynb": ("modul1", "b", "ku06"),  # misspelt; a person would still see Fitriani
    "IMG-20261204-WA0007 nurul hidayah m2.ipynb": ("modul2", "a", "th03"),  # same bytes as above
    "modul1_TH4.ipynb": ("modul1", "a", "th04"),  # the id without its zero
    "tugas ku 1 modul1.ipynb": ("modul1", "d", None),  # "ku" is "my" here, not ku01
}
#: zip → {member → (module, variant, learner or None)}
ZIPS: dict[str, dict[str, tuple[str, str, str | None]]] = {
    "Kiriman kelompok B.zip": {
        "Modul 2/Rahmawati.ipynb": ("modul2", "a", "ku05"),
        "Modul 2/Dewi Lestari.ipynb": ("modul2", "a", "th05"),
        "Modul 2/M Yusuf.ipynb": ("modul2", "a", "ku07"),
    },
    "Hendra.zip": {"modul1.ipynb": ("modul1", "a", "ku03")},  # the name is on the zip only; same bytes
    "tugas siti aminah.zip": {"Modul 1/jawaban.ipynb": ("modul1", "a", "ku01")},  # different: two versions
}
#: files that are not notebooks a module can use
BROKEN = {
    "Modul 1 - Ahmad Fauzi (rusak).ipynb": b'{"cells": [{"cell_type": "code", "sour',
    "Modul 2 Dewi.docx": b"PK\x03\x04 bukan notebook",
}


def _two_modules(root: Path) -> None:
    """The test course's notebook as ``modul1`` and, with other grade ids, ``modul2``."""
    src = root / "courses" / MODUL / "latihan.ipynb"
    for modul, suffix in (("modul1", ""), ("modul2", "_2")):
        nb = nbformat.read(src, as_version=4)
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader")
            if meta and meta.get("grade_id"):
                meta["grade_id"] += suffix
        (root / "courses" / modul).mkdir(parents=True)
        nbformat.write(nb, root / "courses" / modul / "latihan.ipynb")
    shutil.rmtree(root / "courses" / MODUL)


def _notebook(root: Path, modul: str, variant: str) -> bytes:
    """The same bytes for the same module and variant (a file copied or forwarded unchanged)."""
    nb = nbformat.read(root / "courses" / modul / "latihan.ipynb", as_version=4)
    cell = nbformat.v4.new_markdown_cell(f"jawaban versi {variant}")
    cell.id = f"versi-{variant}"
    nb.cells.append(cell)
    return nbformat.writes(nb).encode()


@pytest.fixture
def klass(course_root: Path, tmp_path: Path) -> Course:
    _two_modules(course_root)
    course = Course.open(course_root)
    start_class(course, write_roster(tmp_path / "peserta.csv", ROSTER))
    return course


def _flash_disk(course: Course, folder: Path) -> dict[str, str | None]:
    """Write the inbox; return file name as the import names it → expected learner."""
    folder.mkdir()
    expected: dict[str, str | None] = {}
    for name, (modul, variant, who) in LOOSE.items():
        (folder / name).write_bytes(_notebook(course.root, modul, variant))
        expected[name] = who
    for name, members in ZIPS.items():
        with zipfile.ZipFile(folder / name, "w") as zf:
            for member, (modul, variant, who) in members.items():
                variant = "z" if name.startswith("tugas siti") else variant
                zf.writestr(member, _notebook(course.root, modul, variant))
                expected[f"{name}:{member}"] = who
    for name, data in BROKEN.items():
        (folder / name).write_bytes(data)
        expected[name] = None
    return expected


def test_a_realistic_inbox_is_matched_as_a_person_would(klass: Course, tmp_path: Path) -> None:
    expected = _flash_disk(klass, tmp_path / "flashdisk")
    assert len(expected) >= 30
    result = import_files(klass, [tmp_path / "flashdisk"])

    filed = {f: who for f, who, _what in result.imported}
    filed.update({f: who.split(";")[0] for f, who in result.same})
    wrong = {f: (who, expected[f]) for f, who in filed.items() if who != expected[f]}
    assert not wrong, f"filed for the wrong learner: {wrong}"
    reasons = dict(result.problems)
    answerable = [f for f, who in expected.items() if who is not None]
    automatic = [f for f in answerable if filed.get(f) == expected[f]]
    # two different versions from one learner: identified, only the version is left to choose
    versions = [f for f in answerable if "GANDA" in reasons.get(f, "")
                and f"versi berbeda untuk {expected[f]} (" in reasons[f]]
    rate = (len(automatic) + len(versions)) / len(answerable)
    print(f"{len(expected)} files; filed automatically: {len(automatic)} of {len(answerable)} answerable; "
          f"identified, version to choose: {len(versions)}; matched: {rate:.0%}")
    assert rate >= 0.9, sorted(set(answerable) - set(automatic) - set(versions))

    assert filed["modul1_TH4.ipynb"] == "th04"  # "TH4" is th04, written without the zero
    assert set(reasons) == {f for f in expected if f not in filed}
    roster_ids = [r[0] for r in ROSTER[1:]]
    for name, why in reasons.items():
        assert any(f"{sid} (" in why for sid in roster_ids), f"{name}: no candidate named in {why!r}"
    assert "ku01 (Siti Aminah), ku04 (Siti Nurhaliza), th02 (Siti Hajar)" in reasons["Modul 1 - Siti.ipynb"]
    assert "ku02 (Budi Santoso)" in reasons["Modul 2 - Budi Hartono.ipynb"]
    assert "ku06 (Fitriani)" in reasons["modul1 fitriyani.ipynb"]
    assert "th04 (Ahmad Fauzi)" in reasons["Modul 1 - Ahmad Fauzi (rusak).ipynb"]
    assert "GANDA" in reasons["tugas siti aminah.zip:Modul 1/jawaban.ipynb"]
    assert "pl01" not in " ".join(reasons.values())  # the trainer is never a candidate
    assert all(p.is_file() for p in result.quarantined.values())
    assert "--tetapkan" in result.summary()


def test_trainer_settles_quarantine_once(klass: Course, tmp_path: Path) -> None:
    """``--tetapkan`` on the quarantined copy; a second import of the same disk asks nothing again."""
    _flash_disk(klass, tmp_path / "flashdisk")
    first = import_files(klass, [tmp_path / "flashdisk"])
    siti = first.quarantined["Modul 1 - Siti.ipynb"]
    fitri = first.quarantined["modul1 fitriyani.ipynb"]
    settled = import_files(klass, [], assign=[(siti, "ku04"), (fitri, "ku06")], replace=True)
    assert {who for _f, who, _w in settled.imported} == {"ku04", "ku06"}
    assert all(settled.how[f] == "ditetapkan pelatih" for f, _who, _w in settled.imported)
    again = import_files(klass, [tmp_path / "flashdisk"])
    assert not again.imported
    settled_names = {"Modul 1 - Siti.ipynb", "modul1 fitriyani.ipynb"}
    assert settled_names <= {f for f, _who in again.same}
    left = {f for f, _why in again.problems}
    assert not left & settled_names
    assert left <= {f for f, _why in first.problems}


def test_missing_path_fails_with_exit_1(klass: Course, tmp_path: Path) -> None:
    """A mistyped folder: GAGAL on stderr, exit status 1, nothing imported."""
    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    cantik = [sys.executable, "-m", "cantik", "kelas", "impor", "--folder", str(klass.root)]
    proc = subprocess.run([*cantik, str(tmp_path / "flasdisk")], env=env, text=True, capture_output=True,
                          timeout=300)
    assert proc.returncode == 1 and proc.stderr.startswith("GAGAL:"), proc.stderr
    assert "flasdisk" in proc.stderr and "Langkah berikutnya" in proc.stderr
    assert not (klass.inbox_dir / "impor").exists()
    proc = subprocess.run([*cantik, "--tetapkan", str(tmp_path / "tidak_ada.ipynb"), "ku01"], env=env,
                          text=True, capture_output=True, timeout=300)
    assert proc.returncode == 1 and "tidak_ada.ipynb" in proc.stderr
    proc = subprocess.run([*cantik, "--tetapkan", str(tmp_path), "pl01"], env=env, text=True,
                          capture_output=True, timeout=300)
    assert proc.returncode == 1 and "pelatih" in proc.stderr


def test_ledger_is_plain_json(klass: Course, tmp_path: Path) -> None:
    path = tmp_path / "Modul 1 - Budi.ipynb"
    path.write_bytes(_notebook(klass.root, "modul1", "a"))
    os.utime(path, (1_796_000_000, 1_796_000_000))
    import_files(klass, [path])
    ledger = json.loads((klass.inbox_dir / "catatan_berkas.json").read_text(encoding="utf-8"))
    (entry,) = ledger.values()
    assert entry["disimpan"] == 1_796_000_000 and entry["peserta"] == "ku02"
