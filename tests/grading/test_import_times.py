"""Loose files keep the learner's own save time as nbgrader's submission time (fair late penalties).

A flash disk reaches the trainer days after the learners saved their work; ``cantik kelas impor`` writes
the file's modification time (or the zip member's) to ``timestamp.txt``, which nbgrader's autograde reads
to compute lateness against the module's due date.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from cantik.grading.course import Course
from cantik.grading.importer import import_files
from cantik.grading.roster import start_class
from tests.grading.conftest import ROSTER_ROWS, write_roster
from tests.grading.helpers import MODUL, fill

MAKASSAR = "Asia/Makassar"  # WITA, the class's time zone (UTC+8, no daylight saving)


def _utc(*args: int) -> float:
    return dt.datetime(*args, tzinfo=dt.UTC).timestamp()


def _nbgrader_time(course: Course, student: str) -> dt.datetime:
    """The submission time as nbgrader itself reads it (naive UTC)."""
    folder = course.submitted_dir / student / MODUL
    stamp = course.coursedir().get_existing_timestamp(str(folder))
    assert stamp is not None
    return stamp


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CANTIK_EXCHANGE", "CANTIK_GRADEBOOK_URL")}
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return {**env, **extra}


@pytest.fixture
def klass(released: Course, tmp_path: Path) -> Course:
    start_class(released, write_roster(tmp_path / "peserta.csv", ROSTER_ROWS))
    return released


def _write(course: Course, path: Path, variant: str, mtime: float) -> Path:
    nbformat.write(fill(course.release_dir / MODUL / "latihan.ipynb", variant), path)
    os.utime(path, (mtime, mtime))
    return path


def test_loose_file_keeps_its_own_modification_time(klass: Course, tmp_path: Path) -> None:
    saved = _utc(2026, 11, 20, 2, 15, 30)
    path = _write(klass, tmp_path / "Modul Uji - Budi Santoso.ipynb", "benar", saved)
    result = import_files(klass, [path])
    assert result.imported == [(path.name, "ku02", f"{MODUL}/latihan")]
    assert _nbgrader_time(klass, "ku02") == dt.datetime(2026, 11, 20, 2, 15, 30)
    copy = klass.submitted_dir / "ku02" / MODUL / "latihan.ipynb"
    assert copy.stat().st_mtime == saved  # the graded copy carries it too (and so does the archive)
    assert "disimpan peserta 2026-11-" in result.summary()


def test_future_time_is_not_trusted(klass: Course, tmp_path: Path) -> None:
    path = _write(klass, tmp_path / "Modul Uji - Rahmah.ipynb", "benar", time.time() + 10 * 86400)
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    result = import_files(klass, [path])
    after = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    assert before <= _nbgrader_time(klass, "th01") <= after
    assert "masa depan" in result.summary()


@pytest.mark.skipif(not shutil.which("zip"), reason="Info-ZIP zip missing")
def test_zip_members_keep_their_times(klass: Course, tmp_path: Path) -> None:
    """Info-ZIP stores UTC (extended timestamp); a plain zip stores local time (here WITA)."""
    src = tmp_path / "kiriman"
    src.mkdir()
    budi = _utc(2026, 11, 21, 7, 0, 1)
    siti = _utc(2026, 11, 22, 23, 40, 10)  # 07:40 WITA on the 23rd
    _write(klass, src / "Modul Uji - Budi Santoso.ipynb", "benar", budi)
    _write(klass, src / "Modul Uji - Siti Hajar.ipynb", "sebagian", siti)
    env = _env(TZ=MAKASSAR)
    subprocess.run(["zip", "-q", str(tmp_path / "infozip.zip"), "Modul Uji - Budi Santoso.ipynb"],
                   cwd=src, env={**env, "TZ": "UTC"}, check=True)  # a zip made elsewhere: UTC in its field
    make = ("import sys, zipfile\n"
            "with zipfile.ZipFile(sys.argv[1], 'w') as zf:\n"
            "    zf.write(sys.argv[2], 'Modul Uji - Siti Hajar.ipynb')\n")  # DOS time, WITA wall clock
    subprocess.run([sys.executable, "-c", make, str(tmp_path / "windows.zip"),
                    str(src / "Modul Uji - Siti Hajar.ipynb")], env=env, check=True)
    later = time.time()
    os.utime(tmp_path / "infozip.zip", (later, later))
    os.utime(tmp_path / "windows.zip", (later, later))
    proc = subprocess.run([str(Path(sys.executable).with_name("cantik")), "kelas", "impor",
                           str(tmp_path / "infozip.zip"), str(tmp_path / "windows.zip"),
                           "--folder", str(klass.root)], env=env, text=True, capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert _nbgrader_time(klass, "ku02") == dt.datetime(2026, 11, 21, 7, 0, 1)
    assert _nbgrader_time(klass, "th02") == dt.datetime(2026, 11, 22, 23, 40, 10)  # DOS: even seconds
    assert "disimpan peserta 2026-11-23 07:40 WITA" in proc.stdout


@pytest.mark.skipif(not shutil.which("bwrap"), reason="bubblewrap missing")
def test_late_penalty_counts_from_the_save_time(klass: Course, tmp_path: Path) -> None:
    """Real `nbgrader autograde` (sandboxed by the course config) on files imported after the due date."""
    due = dt.datetime(2026, 11, 20, 16, 0, 0)  # UTC, naive as nbgrader keeps it
    with klass.gradebook() as gb:
        gb.update_or_create_assignment(MODUL, duedate=due)
    early = due.replace(tzinfo=dt.UTC).timestamp() - 86400
    late = due.replace(tzinfo=dt.UTC).timestamp() + 2 * 3600
    flash = tmp_path / "flashdisk"
    flash.mkdir()
    _write(klass, flash / "Modul Uji - Budi Santoso.ipynb", "benar", early)
    _write(klass, flash / "Modul Uji - Rahmah.ipynb", "benar", late)
    _write(klass, flash / "Modul Uji - Siti.ipynb", "sebagian", early)  # two Sitis: quarantined first
    assert time.time() > late  # imported days after the due date
    result = import_files(klass, [flash])
    assert {who for _f, who, _w in result.imported} == {"ku02", "th01"}
    quarantined = result.quarantined["Modul Uji - Siti.ipynb"]
    os.utime(quarantined)  # the copy the trainer picks up lost its time (copied again, say)
    settled = import_files(klass, [], assign=[(quarantined, "th02")])
    assert settled.imported == [(quarantined.name, "th02", f"{MODUL}/latihan")]
    proc = subprocess.run([str(Path(sys.executable).with_name("nbgrader")), "autograde", MODUL],
                          cwd=klass.root, env=_env(), text=True, capture_output=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    with klass.gradebook() as gb:
        on_time = gb.find_submission(MODUL, "ku02")
        after = gb.find_submission(MODUL, "th01")
        assert on_time.total_seconds_late == 0
        assert gb.find_submission(MODUL, "th02").total_seconds_late == 0  # resolved from quarantine
        assert after.total_seconds_late == pytest.approx(2 * 3600, abs=1)
