"""Hostile files at intake: links, pipes, path traversal and zip bombs through the real commands.

``cantik kelas kumpulkan`` / plain ``nbgrader collect`` (through the course's ``nbgrader_config.py``) and
``cantik kelas impor`` must never follow a symbolic link (a submitted ``data.csv -> ../../gradebook.db``
would otherwise put the gradebook into the learner's submission and sandbox), never open a pipe or a
device, refuse zip members that are links or point outside the archive and zips that unpack too big, name
every refused file in Indonesian, and take everything else as usual.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from cantik.grading.course import Course
from cantik.grading.importer import collect_refusals
from cantik.grading.release import collect, release
from cantik.grading.roster import start_class
from cantik.sandbox.intake import ZIP_MAX_MEMBERS, ZIP_MAX_TOTAL_BYTES
from tests.grading.conftest import ROSTER_ROWS, write_roster
from tests.grading.helpers import MODUL, fill, learner_fetch_and_submit, make_course

CANTIK = str(Path(sys.executable).with_name("cantik"))
NBGRADER = str(Path(sys.executable).with_name("nbgrader"))


def _run(root: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CANTIK_EXCHANGE", "CANTIK_GRADEBOOK_URL")}
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return subprocess.run(list(argv), cwd=root, env=env, text=True, capture_output=True, timeout=300)


def _hashes(folder: Path) -> set[str]:
    return {hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
            and not p.is_symlink()}


def _inbound(course: Course, student: str) -> Path:
    found = sorted((course.exchange_root / course.course_id / "inbound").glob(f"{student}+{MODUL}+*"))
    assert found, "the learner's submission is not in the exchange"
    return found[-1]


@pytest.fixture
def klass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Course:
    """The tiny grading course in tmp (the project's real nbgrader_config.py), released, with a roster."""
    monkeypatch.delenv("CANTIK_GRADEBOOK_URL", raising=False)
    monkeypatch.delenv("CANTIK_EXCHANGE", raising=False)
    course = Course.open(make_course(tmp_path / "kelas"))
    release(course, MODUL)
    start_class(course, write_roster(tmp_path / "peserta.csv", ROSTER_ROWS))
    assert Path(course.db_url.removeprefix("sqlite:///")).is_file()
    return course


def _plant(sub: Path, course: Course, outside: Path) -> None:
    """What a hostile learner can put into their own folder in the exchange."""
    gradebook = Path(course.db_url.removeprefix("sqlite:///"))
    (sub / "data.csv").symlink_to(os.path.relpath(gradebook, sub))  # data.csv -> ../../../gradebook.db
    (sub / "sumber").symlink_to(course.source_dir, target_is_directory=True)
    (sub / "nol.bin").symlink_to("/dev/zero")
    os.mkfifo(sub / "pipa")
    (sub / "catatan.txt").write_text("catatan peserta", encoding="utf-8")  # an ordinary extra file
    outside.mkdir(exist_ok=True)
    (outside / "rahasia.txt").write_text("isi rahasia pelatih", encoding="utf-8")


def test_collect_never_follows_links_in_a_submission(klass: Course, tmp_path: Path) -> None:
    learner_fetch_and_submit(klass, tmp_path / "rumah_ku01", "ku01", "benar")
    learner_fetch_and_submit(klass, tmp_path / "rumah_ku02", "ku02", "benar")
    sub = _inbound(klass, "ku01")
    _plant(sub, klass, tmp_path / "luar")
    # a whole "submission" that is itself a link to a folder of the trainer
    fake = sub.parent / sub.name.replace("ku01+", "th01+")
    fake.symlink_to(tmp_path / "luar", target_is_directory=True)
    secrets = _hashes(klass.source_dir) | {
        hashlib.sha256(Path(klass.db_url.removeprefix("sqlite:///")).read_bytes()).hexdigest(),
        hashlib.sha256((tmp_path / "luar" / "rahasia.txt").read_bytes()).hexdigest(),
    }

    result = collect(klass, MODUL)  # what `cantik kelas kumpulkan` runs

    assert sorted(result.collected) == ["ku01", "ku02"]
    got = klass.submitted_dir / "ku01" / MODUL
    names = sorted(p.name for p in got.iterdir())
    regular = sorted(p.name for p in sub.iterdir() if p.is_file() and not p.is_symlink())
    assert names == regular and "catatan.txt" in names and "latihan.ipynb" in names
    assert (got / "latihan.ipynb").read_bytes() == (sub / "latihan.ipynb").read_bytes()
    assert not (klass.submitted_dir / "th01" / MODUL).exists()
    assert not _hashes(klass.submitted_dir) & secrets  # no byte of the trainer's files got in
    notes = collect_refusals(klass, MODUL)
    ku01 = next(v for k, v in notes.items() if k.startswith("ku01+"))
    text = "\n".join(ku01)
    for name in ("data.csv", "sumber", "nol.bin", "pipa"):
        assert f"'{name}'" in text
    assert "tautan simbolik" in text and "pipa bernama" in text
    assert "catatan.txt" not in text
    th01 = next(v for k, v in notes.items() if k.startswith("th01+"))
    assert "tautan simbolik" in th01[0]
    summary = result.summary()  # the trainer reads the refusals in the command's own summary
    assert "DITOLAK" in summary and "ku01: " in summary and "'pipa'" in summary
    assert collect(klass, MODUL).refused == {}  # a second run reports only what is new


def test_plain_nbgrader_collect_uses_the_safe_collector(klass: Course, tmp_path: Path) -> None:
    """Formgrader and `nbgrader collect` read the same nbgrader_config.py: the warning is in their log."""
    learner_fetch_and_submit(klass, tmp_path / "rumah", "ku02", "benar")
    _plant(_inbound(klass, "ku02"), klass, tmp_path / "luar")
    proc = _run(klass.root, NBGRADER, "collect", MODUL)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "'data.csv' adalah tautan simbolik (symlink)" in proc.stderr
    got = klass.submitted_dir / "ku02" / MODUL
    assert (got / "latihan.ipynb").is_file() and not (got / "data.csv").exists()


def test_stock_copy_would_copy_the_gradebook(klass: Course, tmp_path: Path) -> None:
    """Contrast: what nbgrader's own exchange copy (``shutil.copytree``) does with the same link."""
    learner_fetch_and_submit(klass, tmp_path / "rumah", "ku01", "benar")
    sub = _inbound(klass, "ku01")
    gradebook = Path(klass.db_url.removeprefix("sqlite:///"))
    (sub / "data.csv").symlink_to(os.path.relpath(gradebook, sub))
    shutil.copytree(sub, tmp_path / "salinan_biasa")
    assert (tmp_path / "salinan_biasa" / "data.csv").read_bytes() == gradebook.read_bytes()


def test_import_refuses_links_and_pipes_by_name(klass: Course, tmp_path: Path) -> None:
    released_nb = klass.release_dir / MODUL / "latihan.ipynb"
    other = tmp_path / "kiriman_orang_lain.ipynb"
    nbformat.write(fill(released_nb, "benar"), other)
    flash = tmp_path / "flashdisk"
    flash.mkdir()
    nbformat.write(fill(released_nb, "sebagian"), flash / "Modul Uji - Budi Santoso.ipynb")
    (flash / "Modul Uji - Rahmah.ipynb").symlink_to(other)  # someone else's work under Rahmah's name
    gradebook = Path(klass.db_url.removeprefix("sqlite:///"))
    (flash / "data.csv").symlink_to(gradebook)
    (flash / "folder_kursus").symlink_to(klass.source_dir, target_is_directory=True)
    os.mkfifo(flash / "pipa")
    alias = tmp_path / "Modul Uji - Siti Hajar.ipynb"
    alias.symlink_to(other)  # a link given on the command line

    proc = _run(klass.root, CANTIK, "kelas", "impor", str(flash), str(alias), "--folder", str(klass.root))

    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    refused = ("Modul Uji - Rahmah.ipynb", "data.csv", "folder_kursus", "pipa",
               "Modul Uji - Siti Hajar.ipynb")
    for name in refused:
        assert f"'{name}' adalah" in out, out
    assert "tautan simbolik" in out and "pipa bernama (FIFO)" in out and "DITOLAK" in out
    assert sorted(p.name for p in klass.submitted_dir.iterdir()) == ["ku02"]
    # nothing of the link targets was copied anywhere under grading/, but a note of each refusal was kept
    grading = klass.grading_dir
    copied = {hashlib.sha256(p.read_bytes()).hexdigest() for p in grading.rglob("*")
              if p.is_file() and p != gradebook}
    assert hashlib.sha256(other.read_bytes()).hexdigest() not in copied
    assert hashlib.sha256(gradebook.read_bytes()).hexdigest() not in copied
    inbox = next((klass.inbox_dir / "impor").iterdir())
    assert (inbox / "data.csv__ditolak.txt").read_text(encoding="utf-8").count(str(gradebook)) == 1
    assert (inbox / "Modul Uji - Budi Santoso.ipynb").is_file()


def _symlink_member(zf: zipfile.ZipFile, name: str, target: str) -> None:
    info = zipfile.ZipInfo(name)
    info.create_system = 3  # Unix
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    zf.writestr(info, target)


def test_import_zip_refuses_links_and_traversal(klass: Course, tmp_path: Path) -> None:
    released_nb = klass.release_dir / MODUL / "latihan.ipynb"
    good = nbformat.writes(fill(released_nb, "benar"))
    work = tmp_path / "kerja" / "dalam"
    work.mkdir(parents=True)
    archive = work / "kiriman.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Modul Uji - Budi Santoso.ipynb", good)
        _symlink_member(zf, "Modul Uji - Rahmah.ipynb", "../../grading/gradebook.db")
        zf.writestr("../../Modul Uji - Siti Hajar.ipynb", good)
        zf.writestr("/tmp/Modul Uji - Siti Aminah.ipynb", good)
    proc = _run(klass.root, CANTIK, "kelas", "impor", str(archive), "--folder", str(klass.root))
    assert proc.returncode == 0, proc.stderr
    reasons = proc.stdout
    assert "'Modul Uji - Rahmah.ipynb' di dalam zip adalah tautan simbolik" in reasons
    assert "'../../Modul Uji - Siti Hajar.ipynb' menunjuk ke luar folder zip" in reasons
    assert "'/tmp/Modul Uji - Siti Aminah.ipynb' menunjuk ke luar folder zip" in reasons
    assert sorted(p.name for p in klass.submitted_dir.iterdir()) == ["ku02"]
    assert not list(tmp_path.rglob("Modul Uji - Siti Hajar.ipynb"))  # nothing unpacked by its path
    assert not Path("/tmp/Modul Uji - Siti Aminah.ipynb").exists()
    inbox = next((klass.inbox_dir / "impor").iterdir())
    assert (inbox / "kiriman.zip").read_bytes() == archive.read_bytes()  # the archive itself is kept


def test_import_refuses_zip_bombs(klass: Course, tmp_path: Path) -> None:
    many = tmp_path / "banyak.zip"
    with zipfile.ZipFile(many, "w") as zf:
        for i in range(ZIP_MAX_MEMBERS + 1):
            zf.writestr(f"f{i}.txt", "x")
    big = tmp_path / "bom.zip"
    chunk = b"\0" * (1 << 20)
    per_member = 40 * (1 << 20)  # each under the per-notebook limit; together over the archive limit
    members = ZIP_MAX_TOTAL_BYTES // per_member + 1
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for i in range(members):
            with zf.open(f"Modul Uji - Budi Santoso {i}.ipynb", "w") as f:
                for _ in range(per_member // len(chunk)):
                    f.write(chunk)
    assert big.stat().st_size < 2 * 1024 * 1024  # small on disk, huge unpacked
    proc = _run(klass.root, CANTIK, "kelas", "impor", str(many), str(big), "--folder", str(klass.root))
    assert proc.returncode == 0, proc.stderr
    assert f"zip 'banyak.zip' berisi {ZIP_MAX_MEMBERS + 1} berkas (batas {ZIP_MAX_MEMBERS})" in proc.stdout
    assert "zip 'bom.zip' menjadi" in proc.stdout and "setelah dibuka" in proc.stdout
    inbox = next((klass.inbox_dir / "impor").iterdir())
    assert sorted(p.name for p in inbox.iterdir()) == ["banyak.zip", "bom.zip"]  # nothing unpacked
    assert not klass.submitted_dir.exists() or not any(klass.submitted_dir.iterdir())


def test_last_check_before_grading_names_links_in_a_submission_folder(tmp_path: Path) -> None:
    from cantik.sandbox.intake import check_notebook, unsafe_entries

    folder = tmp_path / "submitted" / "ku01" / MODUL
    (folder / "data").mkdir(parents=True)
    nb = tmp_path / "lain.ipynb"
    nb.write_text('{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": []}', encoding="utf-8")
    (folder / "latihan.ipynb").symlink_to(nb)
    (folder / "data" / "a.csv").write_text("x\n1\n", encoding="utf-8")
    (folder / "data" / "b.csv").symlink_to("/etc/passwd")
    os.mkfifo(folder / "pipa")
    assert sorted(r.name for r in unsafe_entries(folder)) == ["data/b.csv", "latihan.ipynb", "pipa"]
    assert "tautan simbolik" in (check_notebook(folder / "latihan.ipynb") or "")
    assert check_notebook(nb) is None


def test_copy_drops_set_uid_bits(tmp_path: Path) -> None:
    from cantik.sandbox.intake import copy_tree

    src = tmp_path / "kiriman"
    src.mkdir()
    (src / "alat").write_text("#!/bin/sh\n", encoding="utf-8")
    os.chmod(src / "alat", 0o4755)
    assert copy_tree(src, tmp_path / "salinan") == []
    mode = (tmp_path / "salinan" / "alat").stat().st_mode
    assert not mode & (stat.S_ISUID | stat.S_ISGID) and stat.S_IMODE(mode) == 0o755
