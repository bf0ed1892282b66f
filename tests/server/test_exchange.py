"""nbgrader's shared exchange as the hub sets it up, used by three different Unix users.

The trainer (root) releases a module; two learners (uids without a passwd entry) fetch and submit with the
learners' Jupyter config written by ``write_hub``; one learner tries to look at the other's work and at
the trainer's files; the trainer collects and autogrades. The venv's Python lives under /root (mode
0700), so each learner command runs in a mount namespace (bubblewrap, as root) where only ``/root/.pyenv``
is visible under /root and ``/etc/passwd`` lists the learners (nbgrader looks the user up), then drops to
the learner's uid with ``setpriv``. On a real server Python is installed world-readable and the learners
are real Unix users (LocalProcessSpawner); the host's /etc/passwd is never touched here.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest

from cantik.grading.roster import Learner
from cantik.server.hub import proxy_command, write_hub
from tests.grading.helpers import MODUL, fill, make_course
from tests.servers import free_port
from tests.strict import security_requires

BIN = Path(sys.executable).parent
COURSE_ID = "kelas_cantik"


def _free_uids(n: int, start: int = 20001) -> list[int]:
    uids = []
    uid = start
    while len(uids) < n:
        try:
            pwd.getpwuid(uid)
        except KeyError:
            uids.append(uid)
        uid += 1
    return uids


def _usable() -> bool:
    if os.geteuid() != 0 or not shutil.which("bwrap") or not shutil.which("setpriv"):
        return False
    try:
        proxy_command()
    except Exception:
        return False
    return True


pytestmark = security_requires(_usable(), "needs root, bwrap and setpriv to act as other users")


class Setup:
    def __init__(self, base: Path) -> None:
        self.base = base
        self.course = make_course(base / "kelas")
        self.exchange = base / "exchange"
        self.hub = base / "hub"
        self.uids = dict(zip(["ku01", "ku02"], _free_uids(2), strict=True))
        write_hub(self.hub, [Learner(u, u) for u in self.uids], ["pelatih1"], port=free_port(),
                  course_root=self.course, spawner="simple", gallery_port=None,
                  exchange_root=str(self.exchange), course_id=COURSE_ID)
        (self.course / "grading").mkdir()
        os.chmod(self.course, 0o700)  # the trainer's course folder: sources, gradebook, submissions
        self.homes = {}
        for name, uid in self.uids.items():
            home = base / f"rumah_{name}"
            home.mkdir(mode=0o700)
            os.chown(home, uid, uid)
            self.homes[name] = home
        # the learners' Unix accounts exist only inside the learners' mount namespace (see learner())
        passwd = Path("/etc/passwd").read_text() + "".join(
            f"{n}:x:{u}:{u}::{self.homes[n]}:/bin/sh\n" for n, u in self.uids.items())
        group = Path("/etc/group").read_text() + "".join(f"{n}:x:{u}:\n" for n, u in self.uids.items())
        (base / "passwd").write_text(passwd)
        (base / "group").write_text(group)
        for f in ("passwd", "group"):
            os.chmod(base / f, 0o644)

    def trainer(self, *args: str) -> str:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CANTIK_")}
        env["JUPYTER_CONFIG_PATH"] = str(self.hub / "jupyter_pelatih")
        env["CANTIK_EXCHANGE"] = str(self.exchange)  # as the hub's Spawner.environment sets it
        env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
        proc = subprocess.run([str(BIN / "nbgrader"), *args], cwd=self.base, env=env, capture_output=True,
                              text=True, timeout=300)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return proc.stdout + proc.stderr

    def learner(self, name: str, *cmd: str, check: bool = True) -> subprocess.CompletedProcess:
        uid, home = self.uids[name], self.homes[name]
        wrapped = [
            "bwrap", "--dev-bind", "/", "/", "--tmpfs", "/root", "--ro-bind", "/root/.pyenv", "/root/.pyenv",
            "--ro-bind", str(self.base / "passwd"), "/etc/passwd", "--ro-bind", str(self.base / "group"),
            "/etc/group",
            "--chdir", str(home), "--",
            "setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "env", "-i",
            f"HOME={home}", f"USER={name}", f"LOGNAME={name}", f"PATH={BIN}:/usr/bin:/bin",
            f"JUPYTER_CONFIG_PATH={self.hub / 'jupyter_peserta'}", *cmd,
        ]
        proc = subprocess.run(wrapped, capture_output=True, text=True, timeout=300)
        if check:
            assert proc.returncode == 0, proc.stdout + proc.stderr
        return proc

    def submit(self, name: str, variant: str) -> None:
        self.learner(name, str(BIN / "nbgrader"), "fetch_assignment", MODUL)
        path = self.homes[name] / MODUL / "latihan.ipynb"
        nbformat.write(fill(path, variant), path)  # what the learner types in JupyterLab
        os.chown(path, self.uids[name], self.uids[name])
        self.learner(name, str(BIN / "nbgrader"), "submit", MODUL)


@pytest.fixture(scope="module")
def setup() -> Iterator[Setup]:
    base = Path(tempfile.mkdtemp(prefix="cantik-exchange-", dir="/tmp"))
    base.chmod(0o711)
    try:
        s = Setup(base)
        s.trainer("generate_assignment", MODUL)
        s.trainer("release_assignment", MODUL)
        s.submit("ku01", "benar")
        s.submit("ku02", "sebagian")
        yield s
    finally:
        shutil.rmtree(base, ignore_errors=True)


PROBE = r"""
import json, os, sys
inbound, course_dir, exchange_course, other_home, outbound = sys.argv[1:6]
r = {}
def attempt(key, fn):
    try:
        fn()
        r[key] = "boleh"
    except PermissionError:
        r[key] = "ditolak"
attempt("daftar_inbound", lambda: os.listdir(inbound))
attempt("baca_kelas_pelatih", lambda: os.listdir(course_dir))
attempt("baca_rumah_peserta_lain", lambda: os.listdir(other_home))
attempt("ganti_nama_kursus", lambda: os.rename(exchange_course, exchange_course + "_palsu"))
attempt("tulis_outbound", lambda: open(os.path.join(outbound, "palsu.ipynb"), "w").close())
attempt("baca_outbound", lambda: os.listdir(outbound))
print(json.dumps(r))
"""


def test_learner_cannot_see_others_submissions_or_trainer_files(setup: Setup) -> None:
    inbound = setup.exchange / COURSE_ID / "inbound"
    assert oct(setup.exchange.stat().st_mode & 0o7777) == "0o1777"  # sticky: nbgrader kept it
    assert oct(inbound.stat().st_mode & 0o777) == "0o733"  # write + enter, no listing
    submissions = sorted(p.name for p in inbound.iterdir())
    assert [s.split("+")[0] for s in submissions] == ["ku01", "ku02"]
    assert all(len(s.rsplit("+", 1)[1]) == 12 for s in submissions)  # 72 random bits in every name
    proc = setup.learner(
        "ku02", str(BIN / "python"), "-c", PROBE, str(inbound), str(setup.course),
        str(setup.exchange / COURSE_ID), str(setup.homes["ku01"]),
        str(setup.exchange / COURSE_ID / "outbound" / MODUL),
    )
    seen = json.loads(proc.stdout)
    assert seen == {
        "daftar_inbound": "ditolak",
        "baca_kelas_pelatih": "ditolak",
        "baca_rumah_peserta_lain": "ditolak",
        "ganti_nama_kursus": "ditolak",
        "tulis_outbound": "ditolak",
        "baca_outbound": "boleh",  # the released module is for everyone
    }
    # a learner cannot run the trainer's tools against the course either
    proc = setup.learner("ku01", str(BIN / "nbgrader"), "collect", MODUL, check=False)
    assert proc.returncode != 0


def test_trainer_collects_and_grades_what_learners_submitted(setup: Setup) -> None:
    setup.trainer("collect", MODUL)
    submitted = setup.course / "grading" / "submitted"
    assert sorted(p.name for p in submitted.iterdir()) == ["ku01", "ku02"]
    setup.trainer("autograde", MODUL)
    from nbgrader.api import Gradebook

    with Gradebook("sqlite:///" + str(setup.course / "grading" / "gradebook.db"), COURSE_ID) as gb:
        full = gb.find_submission(MODUL, "ku01")
        part = gb.find_submission(MODUL, "ku02")
        assert full.code_score == full.max_code_score > 0
        assert 0 < part.code_score < full.code_score
