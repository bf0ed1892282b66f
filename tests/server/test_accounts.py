"""Real Unix accounts from the roster (cantik.server.accounts), root only: the test creates accounts with
unique names, checks them with the system's own tools, and removes them; accounts it did not make (here
``daemon``) are refused and never changed. /etc/passwd and /etc/group end as they started."""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from cantik.errors import KelasError
from cantik.server.accounts import (
    create_unix_accounts,
    is_ours,
    marker,
    remove_unix_accounts,
    trainer_group,
)
from cantik.server.hub import Account
from tests.server.helpers import server_cmd

pytestmark = pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("useradd"),
                                reason="creates Unix accounts: root and useradd needed")


def _exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


@pytest.fixture
def ids() -> Iterator[tuple[str, list[Account]]]:
    tag = uuid.uuid4().hex[:6]
    course = f"uji_{tag}"
    accounts = [Account(f"kc{tag}a", "Siti: Aminah, S.E.", "peserta", "x"),
                Account(f"kc{tag}b", "Budi Santoso", "peserta", "x"),
                Account(f"kc{tag}p", "Ibu Pelatih", "pelatih", "x")]
    before = (Path("/etc/passwd").read_text(), Path("/etc/group").read_text())
    try:
        yield course, accounts
    finally:
        for a in accounts:  # whatever happened, leave no account of this test behind
            if is_ours(a.name, course):
                subprocess.run(["userdel", "--remove", a.name], capture_output=True)
        subprocess.run(["groupdel", trainer_group(course)], capture_output=True)
    assert (Path("/etc/passwd").read_text(), Path("/etc/group").read_text()) == before


def test_create_check_and_remove_accounts(ids: tuple[str, list[Account]]) -> None:
    course, accounts = ids
    homes = Path(tempfile.mkdtemp(prefix="cantik-rumah-", dir="/tmp"))
    homes.chmod(0o755)
    try:
        passwd_before = Path("/etc/passwd").read_text()
        daemon = pwd.getpwnam("daemon")
        with pytest.raises(KelasError, match="daemon"):  # an existing account is never taken over
            create_unix_accounts([*accounts, Account("daemon", "Bukan Peserta", "peserta", "x")], course,
                                 home_base=homes)
        assert Path("/etc/passwd").read_text() == passwd_before and not any(_exists(a.name) for a in accounts)
        with pytest.raises(KelasError, match="grup Unix"):  # 'audio' is a group of the system
            create_unix_accounts([*accounts, Account("audio", "Grup", "peserta", "x")], course,
                                 home_base=homes)
        assert not any(_exists(a.name) for a in accounts)
        with pytest.raises(KelasError, match="nama akun Unix"):
            create_unix_accounts([Account("9abc", "Angka", "peserta", "x")], course, home_base=homes)

        created = create_unix_accounts(accounts, course, home_base=homes)
        assert created == [a.name for a in accounts]
        shadow = dict(line.split(":")[:2] for line in Path("/etc/shadow").read_text().splitlines())
        group = grp.getgrnam(trainer_group(course))
        for a in accounts:
            entry = pwd.getpwnam(a.name)
            assert entry.pw_gecos.endswith(marker(course)) and ":" not in entry.pw_gecos
            assert entry.pw_shell == "/bin/bash" and entry.pw_dir == str(homes / a.name)
            home = Path(entry.pw_dir).stat()
            assert home.st_uid == entry.pw_uid and oct(home.st_mode & 0o777) == "0o700"
            assert grp.getgrgid(entry.pw_gid).gr_name == a.name  # private group
            assert shadow[a.name].startswith("!")  # no Unix password: login only through the hub
            assert (a.name in group.gr_mem) == (a.peran == "pelatih")
        first, second = (pwd.getpwnam(a.name) for a in accounts[:2])
        peek = subprocess.run(["ls", second.pw_dir], user=first.pw_uid, group=first.pw_gid, extra_groups=[],
                              capture_output=True, text=True)
        assert peek.returncode != 0 and "Permission denied" in peek.stderr  # learners' homes are private
        assert create_unix_accounts(accounts, course, home_base=homes) == []  # again: nothing new

        removed, skipped = remove_unix_accounts([a.name for a in accounts] + ["daemon"], course)
        assert removed == [a.name for a in accounts] and skipped == ["daemon"]
        assert pwd.getpwnam("daemon") == daemon
        assert not any(_exists(a.name) for a in accounts) and not any(homes.iterdir())
        with pytest.raises(KeyError):
            grp.getgrnam(trainer_group(course))
    finally:
        shutil.rmtree(homes, ignore_errors=True)


def test_cli_creates_and_removes_unix_accounts(tmp_path: Path) -> None:
    tag = uuid.uuid4().hex[:6]
    names = [f"kc{tag}x", f"kc{tag}y"]
    roster = tmp_path / "peserta.csv"
    homes = Path(tempfile.mkdtemp(prefix="cantik-rumah-", dir="/tmp"))
    homes.chmod(0o755)
    common = ("--folder", str(tmp_path / "hub"), "--pertukaran", str(tmp_path / "exchange"),
              "--folder-rumah", str(homes))
    before = (Path("/etc/passwd").read_text(), Path("/etc/group").read_text())
    try:
        roster.write_text(f"id,nama\n{names[0]},Siti Aminah\nroot,Bukan Peserta\n", encoding="utf-8")
        code, out = server_cmd("hub-siapkan", str(roster), "--pelatih", names[1], *common)
        assert code == 1 and "akun sistem" in out and "root" in out  # even without --akun-unix
        code, out = server_cmd("hub-siapkan", str(roster), "--pelatih", names[1], "--spawner", "simple",
                               "--akun-unix", *common)
        assert code == 1 and "--akun-unix hanya untuk --spawner local" in out
        roster.write_text(f"id,nama\n{names[0]},Siti Aminah\n", encoding="utf-8")
        code, out = server_cmd("hub-siapkan", str(roster), "--pelatih", names[1], "--akun-unix", *common)
        assert code == 0 and "Akun Unix dibuat: 2" in out, out
        assert all(is_ours(n, "kelas_cantik") for n in names)
        assert names[1] in grp.getgrnam("kelas_cantik_pelatih").gr_mem
        code, out = server_cmd("akun-hapus", "--folder", str(tmp_path / "hub"))
        assert code == 0 and "Akun Unix dihapus: 2" in out, out
        assert not any(_exists(n) for n in names)
    finally:
        for n in names:
            if is_ours(n, "kelas_cantik"):
                subprocess.run(["userdel", "--remove", n], capture_output=True)
        shutil.rmtree(homes, ignore_errors=True)
    assert (Path("/etc/passwd").read_text(), Path("/etc/group").read_text()) == before
