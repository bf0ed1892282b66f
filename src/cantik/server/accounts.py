"""Unix accounts for the hub's roster accounts (``--spawner local``), created and removed safely.

JupyterHub's LocalProcessSpawner runs each hub user's server as the Unix user of the same name, and
nbgrader's multi-user exchange relies on those uids. :func:`create_unix_accounts` makes them with Debian's
``useradd``; every account it makes carries a marker in its GECOS field (``[kelas-cantik <course>]``), and
the tools here only ever change or remove accounts with that marker:

- a roster id that already is a Unix account *without* the marker (``root``, ``postgres``, a staff
  member's own login) is refused before anything is created: otherwise that learner's server would run as
  that account;
- accounts get a private group and a home of mode 0700 (learners cannot read each other's files), no
  usable Unix password (login only through the hub) and ``/bin/bash`` for JupyterLab's terminal;
- trainers join the course group ``<course>_pelatih`` (for nbgrader's ``CourseDirectory.groupshared``);
- :func:`remove_unix_accounts` deletes (``userdel --remove``) only marked accounts of that course.

Examples
--------
>>> create_unix_accounts(accounts, "kelas_cantik")      # doctest: +SKIP
>>> remove_unix_accounts(["ku01", "ku02"], "kelas_cantik")  # doctest: +SKIP
"""

from __future__ import annotations

import grp
import os
import pwd
import re
import subprocess
from pathlib import Path

from cantik.errors import KelasError

MARK = "kelas-cantik"
UNIX_NAME = re.compile(r"^[a-z_][a-z0-9_.-]{0,31}$")


def marker(course_id: str) -> str:
    """The GECOS tag of accounts made for ``course_id``."""
    return f"[{MARK} {course_id}]"


def trainer_group(course_id: str) -> str:
    """The course group of the trainers (``kelas_cantik_pelatih``)."""
    return f"{course_id}_pelatih"


def _entry(name: str) -> pwd.struct_passwd | None:
    try:
        return pwd.getpwnam(name)
    except KeyError:
        return None


def _group(name: str) -> grp.struct_group | None:
    try:
        return grp.getgrnam(name)
    except KeyError:
        return None


def is_ours(name: str, course_id: str) -> bool:
    """True when the Unix account ``name`` exists and was made by these tools for ``course_id``."""
    entry = _entry(name)
    return entry is not None and entry.pw_gecos.endswith(marker(course_id))


def conflicts(names: list[str], course_id: str) -> list[str]:
    """Roster ids that are existing Unix accounts not made for this course (must not be used)."""
    return sorted(n for n in names if _entry(n) is not None and not is_ours(n, course_id))


def system_accounts(names: list[str]) -> list[str]:
    """Roster ids that are system accounts here (uid below 1000, or nobody): never a learner's server."""
    found = []
    for name in names:
        entry = _entry(name)
        if entry is not None and (entry.pw_uid < 1000 or entry.pw_uid >= 65534):
            found.append(name)
    return sorted(found)


def _run(*cmd: str) -> None:
    proc = subprocess.run(list(cmd), capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL": "C"})
    if proc.returncode != 0:
        raise KelasError(f"Perintah '{' '.join(cmd[:2])} …' gagal (kode {proc.returncode}): "
                         f"{(proc.stderr or proc.stdout).strip()[-500:]}",
                         "Periksa pesan di atas; akun yang sudah ada tidak diubah.")


def _require_root() -> None:
    if os.geteuid() != 0:
        raise KelasError("Membuat atau menghapus akun Unix hanya bisa sebagai root.",
                         "Jalankan perintah ini dengan sudo di server kelas.")


def create_unix_accounts(accounts: list, course_id: str, *, home_base: str | os.PathLike[str] = "/home",
                         shell: str = "/bin/bash") -> list[str]:
    """Create the Unix accounts of ``accounts`` (objects with ``name``, ``nama``, ``peran``); return the
    names created now (accounts made earlier for this course are kept, trainers re-joined to the group).

    Raises :class:`KelasError` (Indonesian), before changing anything, when not root, when an id is not a
    valid Unix name, or when an id is an existing account not made for this course.
    """
    _require_root()
    names = [a.name for a in accounts]
    bad = sorted(n for n in names if not UNIX_NAME.match(n) or n.isdigit())
    if bad:
        raise KelasError(f"Id ini tidak bisa menjadi nama akun Unix: {', '.join(bad)}.",
                         "Pakai huruf kecil, angka, titik, garis bawah atau tanda hubung; diawali huruf.")
    taken = conflicts(names, course_id)
    if taken:
        raise KelasError(
            f"Id ini sudah dipakai akun Unix lain di server: {', '.join(taken)}. Tidak ada akun yang dibuat.",
            "Ganti id di daftar peserta (akun yang sudah ada tidak boleh dipakai peserta).")
    groups_taken = sorted(n for n in names if _entry(n) is None and _group(n) is not None)
    if groups_taken:  # useradd --user-group would fail half-way through
        raise KelasError(
            f"Id ini sudah dipakai nama grup Unix di server: {', '.join(groups_taken)}. "
            "Tidak ada akun yang dibuat.", "Ganti id di daftar peserta.")
    group = trainer_group(course_id)
    if any(a.peran == "pelatih" for a in accounts):
        try:
            grp.getgrnam(group)
        except KeyError:
            _run("groupadd", group)
    created: list[str] = []
    for a in accounts:
        extra = ["--groups", group] if a.peran == "pelatih" else []
        if _entry(a.name) is None:
            nama = re.sub(r"[:,\n\r]", " ", a.nama).strip()
            home = Path(home_base) / a.name
            _run("useradd", "--create-home", "--home-dir", str(home), "--shell", shell, "--user-group",
                 "--comment", f"{nama} {marker(course_id)}", *extra, a.name)
            os.chmod(home, 0o700)
            created.append(a.name)
        elif extra and a.name not in grp.getgrnam(group).gr_mem:
            _run("usermod", "--append", "--groups", group, a.name)
    return created


def remove_unix_accounts(names: list[str], course_id: str) -> tuple[list[str], list[str]]:
    """Delete (with their homes) the accounts among ``names`` made for ``course_id``.

    Returns (removed, skipped): skipped are names that exist but are not this course's accounts. The
    trainers' group goes too once it has no members.
    """
    _require_root()
    removed, skipped = [], []
    for name in names:
        if _entry(name) is None:
            continue
        if not is_ours(name, course_id):
            skipped.append(name)
            continue
        _run("userdel", "--remove", name)
        removed.append(name)
    group = trainer_group(course_id)
    try:
        if not grp.getgrnam(group).gr_mem:
            _run("groupdel", group)
    except KeyError:
        pass
    return removed, skipped
