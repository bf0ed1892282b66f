"""Check a submitted notebook file before grading: an Indonesian reason when it cannot be graded.

nbgrader stops on such files with an English traceback; this names the problem for the trainer and the
learner (empty file, not JSON, a Word document renamed ``.ipynb``, an old notebook format, too big).

It also takes submissions in without trusting them (stdlib only, used by ``cantik kelas impor`` and the
exchange collector): :func:`copy_tree` / :func:`walk_regular_files` copy or read regular files only and
never follow a symbolic link; :func:`zip_member_problem` and :func:`zip_archive_problem` refuse links,
path traversal and zip bombs in an archive; :func:`zip_member_mtime` gives a member's own save time.
"""

from __future__ import annotations

import json
import os
import stat
import struct
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024


def check_notebook(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> str | None:
    """``None`` when ``path`` looks like a gradable notebook, else the reason in Indonesian.

    Examples
    --------
    >>> check_notebook("grading/submitted/budi/modul1/modul1.ipynb")   # doctest: +SKIP
    'Berkas kosong (0 byte): kirim ulang notebook yang sudah disimpan.'
    """
    p = Path(path)
    name = p.name
    try:
        st = p.lstat()
    except OSError:
        return f"Berkas {name} tidak ditemukan atau tidak bisa dibaca."
    if not stat.S_ISREG(st.st_mode):
        return (f"Berkas {name} adalah {_kind(st.st_mode)}, bukan berkas notebook biasa: tidak dibuka. "
                "Kirim ulang berkas .ipynb aslinya.")
    size = st.st_size
    if size == 0:
        return f"Berkas {name} kosong (0 byte): kirim ulang notebook yang sudah disimpan."
    if size > max_bytes:
        return (f"Berkas {name} terlalu besar ({size / 1e6:.0f} MB, batas {max_bytes / 1e6:.0f} MB): "
                "hapus keluaran yang besar (Kernel > Restart & Clear Output) lalu kirim ulang.")
    with open(p, "rb") as f:
        head = f.read(8)
    if head.startswith(b"PK\x03\x04"):
        return (f"Berkas {name} bukan notebook, melainkan berkas ZIP/Office (mis. .docx yang diganti "
                "namanya). Kirim berkas .ipynb dari Jupyter.")
    if head.startswith(b"%PDF"):
        return f"Berkas {name} adalah PDF, bukan notebook. Kirim berkas .ipynb dari Jupyter."
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return f"Berkas {name} bukan teks UTF-8, jadi bukan notebook Jupyter yang sah."
    except json.JSONDecodeError as exc:
        return f"Berkas {name} rusak: bukan JSON yang sah (baris {exc.lineno}, kolom {exc.colno})."
    if not isinstance(data, dict) or "nbformat" not in data:
        return f"Berkas {name} berisi JSON, tetapi bukan notebook Jupyter (tidak ada 'nbformat')."
    if data.get("nbformat") != 4:
        return (f"Berkas {name} memakai format notebook lama (nbformat {data.get('nbformat')}); "
                "buka dan simpan ulang di JupyterLab, atau kerjakan ulang dari notebook kursus.")
    import nbformat

    try:
        nbformat.validate(nbformat.from_dict(data))
    except nbformat.ValidationError as exc:
        return f"Berkas {name} tidak sesuai skema notebook: {str(exc).splitlines()[0][:200]}"
    return None


def repair_grade_ids(nb: dict) -> list[str]:
    """Keep one cell per nbgrader ``grade_id`` and per cell ``id``; return what was repaired (Indonesian).

    A learner who copies a cell (or edits the file) can leave two cells with the same ``grade_id``.
    nbgrader's own ``DeduplicateIds`` then empties the copy's metadata, which its next check reads as
    "old metadata format" and **aborts the whole batch** (``SchemaTooOldError``). Here the copy loses
    its nbgrader metadata altogether (it stays in the notebook as an ordinary cell and earns nothing);
    like nbgrader, the *last* cell with that id is kept. Repeated cell ids get a fresh one.

    Examples
    --------
    >>> cell = {"cell_type": "code", "metadata": {"nbgrader": {"grade_id": "uji", "grade": True}}}
    >>> nb = {"cells": [dict(cell, id="a"), dict(cell, id="a", metadata={"nbgrader": {"grade_id": "uji"}})]}
    >>> print(*repair_grade_ids(nb))  # doctest: +NORMALIZE_WHITESPACE
    sel ke-1 adalah salinan sel 'uji' (nama sel ganda): salinan itu tidak dinilai,
    yang dinilai sel 'uji' terakhir
    >>> "nbgrader" in nb["cells"][0]["metadata"], nb["cells"][0]["id"] != nb["cells"][1]["id"]
    (False, True)
    """
    cells = nb.get("cells") if isinstance(nb, dict) else None
    if not isinstance(cells, list):
        return []
    notes: list[str] = []
    seen: set[str] = set()
    for index in reversed(range(len(cells))):
        cell = cells[index]
        meta = cell.get("metadata") if isinstance(cell, dict) else None
        grader = meta.get("nbgrader") if isinstance(meta, dict) else None
        grade_id = grader.get("grade_id") if isinstance(grader, dict) else None
        if not isinstance(grade_id, str):
            continue
        if grade_id in seen:
            del meta["nbgrader"]
            notes.append(f"sel ke-{index + 1} adalah salinan sel '{grade_id}' (nama sel ganda): salinan itu "
                         f"tidak dinilai, yang dinilai sel '{grade_id}' terakhir")
        seen.add(grade_id)
    ids: set[str] = set()
    for cell in cells:
        cid = cell.get("id") if isinstance(cell, dict) else None
        if isinstance(cid, str) and cid in ids:
            fresh, n = f"{cid[:50]}-salinan", 1
            while fresh in ids:
                fresh, n = f"{cid[:50]}-salinan{n}", n + 1
            cell["id"] = fresh
            cid = fresh
        if isinstance(cid, str):
            ids.add(cid)
    return notes[::-1]


# ── Files of a submission: regular files only, links never followed ─────────────────────────────────────
# A submission folder (the exchange's inbound copy, a flash disk, an unpacked zip) may hold a symbolic link
# such as ``data.csv -> ../../gradebook.db``: copying it the usual way (``shutil.copytree``, nbgrader's
# ``do_copy``) copies the *target*, read with the trainer's rights, into the learner's submission. A named
# pipe blocks the copy, a device has no end. The functions below open every file with ``O_NOFOLLOW`` from
# the descriptor of its folder (:func:`os.fwalk`), so nothing can be swapped for a link in between, and
# hand back everything else as :class:`Refused` with an Indonesian reason naming the file.

_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)

#: Zip archives: most members, and most bytes after unpacking (zip bombs), accepted in one archive.
ZIP_MAX_MEMBERS = 500
ZIP_MAX_TOTAL_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Refused:
    """A file of a submission that was not taken, and why (Indonesian, naming the file)."""

    name: str
    reason: str


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "tautan simbolik (symlink)"
    if stat.S_ISFIFO(mode):
        return "pipa bernama (FIFO)"
    if stat.S_ISSOCK(mode):
        return "soket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "berkas perangkat (device)"
    return "berkas khusus (bukan berkas biasa)"


def _refuse_special(name: str, mode: int, target: str | None = None) -> Refused:
    what = _kind(mode)
    if stat.S_ISLNK(mode):
        return Refused(name, f"'{name}' adalah {what} ke '{target}', bukan berkas biasa: tidak diikuti dan "
                             "tidak disalin (isi tujuannya bisa berupa berkas penilai).")
    return Refused(name, f"'{name}' adalah {what}, bukan berkas biasa: tidak disalin.")


def walk_regular_files(
    root: str | os.PathLike[str],
    refused: list[Refused],
    *,
    ignore: Callable[[str, list[str]], Iterable[str]] | None = None,
) -> Iterator[tuple[str, int, os.stat_result]]:
    """Yield ``(relative name, open descriptor, stat)`` for every regular file under ``root``.

    Symbolic links (also a link as ``root`` itself), named pipes, sockets, devices and hard-linked files
    are never opened through: each goes to ``refused`` with its reason. The descriptor is closed when the
    generator moves on. ``ignore(dirpath, names)`` works like ``shutil.copytree``'s and only ever sees
    real folders and regular files.

    Examples
    --------
    >>> refused = []
    >>> for name, fd, st in walk_regular_files("kiriman", refused):  # doctest: +SKIP
    ...     data = os.read(fd, st.st_size)
    """
    root = os.fspath(root)
    label = os.path.basename(os.path.normpath(root)) or root
    try:
        top = os.lstat(root)
    except OSError:
        refused.append(Refused(label, f"'{label}' tidak ditemukan atau tidak bisa dibaca."))
        return
    if not stat.S_ISDIR(top.st_mode):
        target = os.readlink(root) if stat.S_ISLNK(top.st_mode) else None
        refused.append(_refuse_special(label, top.st_mode, target))
        return
    for dirpath, dirnames, filenames, dirfd in os.fwalk(root, follow_symlinks=False):
        rel_dir = os.path.relpath(dirpath, root)

        def rel(name: str, rel_dir: str = rel_dir) -> str:
            return name if rel_dir == "." else os.path.join(rel_dir, name)

        kept_dirs, kept_files, stats = [], [], {}
        for name in dirnames + filenames:
            try:
                st = os.stat(name, dir_fd=dirfd, follow_symlinks=False)
            except OSError:
                why = f"'{rel(name)}' hilang atau tidak bisa dibaca saat disalin."
                refused.append(Refused(rel(name), why))
                continue
            if stat.S_ISDIR(st.st_mode):
                kept_dirs.append(name)
            elif stat.S_ISREG(st.st_mode):
                kept_files.append(name)
                stats[name] = st
            else:
                target = os.readlink(name, dir_fd=dirfd) if stat.S_ISLNK(st.st_mode) else None
                refused.append(_refuse_special(rel(name), st.st_mode, target))
        skip = set(ignore(dirpath, kept_dirs + kept_files)) if ignore else set()
        dirnames[:] = [d for d in kept_dirs if d not in skip]
        for name in kept_files:
            if name in skip:
                continue
            try:
                fd = os.open(name, _OPEN_FLAGS, dir_fd=dirfd)
            except OSError:  # swapped for a link (ELOOP) or removed since the listing
                refused.append(Refused(rel(name), f"'{rel(name)}' berubah menjadi tautan atau hilang saat "
                                                  "disalin: tidak disalin."))
                continue
            try:
                st = os.fstat(fd)
                before = stats[name]
                if not stat.S_ISREG(st.st_mode) or (st.st_dev, st.st_ino) != (before.st_dev, before.st_ino):
                    refused.append(Refused(rel(name), f"'{rel(name)}' berubah saat disalin: tidak disalin."))
                    continue
                if st.st_nlink > 1:
                    refused.append(Refused(rel(name), f"'{rel(name)}' adalah tautan keras (hard link) ke "
                                                      "berkas lain: tidak disalin."))
                    continue
                yield rel(name), fd, st
            finally:
                os.close(fd)


def unsafe_entries(folder: str | os.PathLike[str]) -> list[Refused]:
    """Everything in ``folder`` that is not a real folder or a regular file (nothing is opened through it).

    For a last check of a submission folder before grading (nbgrader's autograde copies a link's target).

    Examples
    --------
    >>> [r.name for r in unsafe_entries("grading/submitted/ku01/modul1")]  # doctest: +SKIP
    ['data.csv']
    """
    refused: list[Refused] = []
    for _ in walk_regular_files(folder, refused):
        pass
    return refused


def read_fd(fd: int, size: int) -> bytes:
    """All bytes of an open file (at most ``size``; the file was checked to be a regular file)."""
    chunks, left = [], size
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def copy_tree(
    src: str | os.PathLike[str],
    dest: str | os.PathLike[str],
    *,
    ignore: Callable[[str, list[str]], Iterable[str]] | None = None,
) -> list[Refused]:
    """Copy the regular files of ``src`` into ``dest`` (created; mode and times kept) and return the rest.

    Like ``shutil.copytree(src, dest, ignore=ignore)``, but a link is never followed and nothing that is not
    a regular file is copied (see :func:`walk_regular_files`). ``dest`` is not created when ``src`` itself
    is not a real folder.

    Examples
    --------
    >>> for r in copy_tree("exchange/inbound/ku01+modul1+...", "grading/submitted/ku01/modul1"):
    ...     print(r.reason)  # doctest: +SKIP
    'data.csv' adalah tautan simbolik (symlink) ke '../../gradebook.db', bukan berkas biasa: ...
    """
    refused: list[Refused] = []
    dest = Path(dest)
    for rel, fd, st in walk_regular_files(src, refused, ignore=ignore):
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        out = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        try:
            with os.fdopen(out, "wb") as f:
                while chunk := os.read(fd, 1 << 20):
                    f.write(chunk)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        os.chmod(target, (st.st_mode & 0o777) | 0o600)  # never a set-uid/set-gid bit from a learner
        os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    if Path(src).is_dir() and not Path(src).is_symlink():
        dest.mkdir(parents=True, exist_ok=True)
    return refused


# ── Zip archives: links, path traversal, zip bombs ────────────────────────────────────────────────────

def zip_member_problem(info: zipfile.ZipInfo) -> str | None:
    """``None`` when a zip member may be unpacked, else the reason (Indonesian, naming the member).

    Refused: links and other special files (the Unix file type in ``external_attr``), absolute names and
    names with ``..`` (path traversal), members bigger than :data:`MAX_BYTES`.

    Examples
    --------
    >>> info = zipfile.ZipInfo("../../gradebook.db")
    >>> zip_member_problem(info)[:40]
    "'../../gradebook.db' menunjuk ke luar fo"
    """
    name = info.filename
    mode = info.external_attr >> 16
    if mode and stat.S_IFMT(mode) and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return (f"'{name}' di dalam zip adalah {_kind(mode)}, bukan berkas biasa: tidak dibuka dan "
                "tidak diikuti.")
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or ".." in parts or (len(name) > 1 and name[1] == ":"):
        return (f"'{name}' menunjuk ke luar folder zip (nama dengan '..' atau jalur mutlak): "
                "tidak dibuka.")
    if info.file_size > MAX_BYTES:
        return (f"'{name}' di dalam zip terlalu besar setelah dibuka ({info.file_size / 1e6:.0f} MB, "
                f"batas {MAX_BYTES / 1e6:.0f} MB): tidak dibuka.")
    return None


def zip_archive_problem(
    infos: list[zipfile.ZipInfo],
    name: str,
    *,
    max_members: int = ZIP_MAX_MEMBERS,
    max_total_bytes: int = ZIP_MAX_TOTAL_BYTES,
) -> str | None:
    """``None`` when the archive ``name`` is small enough to unpack, else why not (a zip bomb guard).

    The sizes are those the archive declares; :mod:`zipfile` never unpacks more than a member declares.
    """
    if len(infos) > max_members:
        return (f"zip '{name}' berisi {len(infos)} berkas (batas {max_members}): tidak dibuka. Kirim "
                "notebook saja, tanpa folder data atau lingkungan Python.")
    total = sum(i.file_size for i in infos)
    if total > max_total_bytes:
        return (f"zip '{name}' menjadi {total / 1e6:.0f} MB setelah dibuka (batas "
                f"{max_total_bytes / 1e6:.0f} MB): tidak dibuka. Kirim notebook saja (tanpa keluaran besar).")
    return None


def zip_member_mtime(info: zipfile.ZipInfo) -> float | None:
    """The member's modification time (seconds since the epoch, UTC), or ``None`` if it has none.

    Taken from the extended-timestamp field (``UT``, in UTC; written by Info-ZIP ``zip``, macOS, Linux
    archivers). Else from the DOS date and time, which zip stores in the local time of the computer that
    made the zip (Windows "Compressed folder"): read as local time here (the same region as the class).
    """
    extra = info.extra
    i = 0
    while i + 4 <= len(extra):
        tag, size = struct.unpack_from("<HH", extra, i)
        body = extra[i + 4:i + 4 + size]
        if tag == 0x5455 and len(body) >= 5 and body[0] & 1:
            return float(struct.unpack_from("<i", body, 1)[0])
        i += 4 + size
    if info.date_time[:3] == (1980, 1, 1) and info.date_time[3:] == (0, 0, 0):
        return None  # zip's "no date"
    try:
        return time.mktime((*info.date_time, 0, 0, -1))
    except (OverflowError, ValueError):
        return None


def read_regular_file(path: str | os.PathLike[str]) -> tuple[bytes, os.stat_result] | Refused:
    """The bytes and stat of ``path`` if it is a regular file (never through a link), else a :class:`Refused`.

    Examples
    --------
    >>> read_regular_file("Modul 1 - Siti.ipynb")  # doctest: +SKIP
    """
    path = os.fspath(path)
    name = os.path.basename(path) or path
    try:
        before = os.lstat(path)
    except OSError:
        return Refused(name, f"'{name}' tidak ditemukan atau tidak bisa dibaca.")
    if not stat.S_ISREG(before.st_mode):
        target = os.readlink(path) if stat.S_ISLNK(before.st_mode) else None
        return _refuse_special(name, before.st_mode, target)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError:
        return Refused(name, f"'{name}' berubah menjadi tautan atau hilang saat dibaca: tidak dibaca.")
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or (st.st_dev, st.st_ino) != (before.st_dev, before.st_ino):
            return Refused(name, f"'{name}' berubah saat dibaca: tidak dibaca.")
        if st.st_nlink > 1:
            return Refused(name, f"'{name}' adalah tautan keras (hard link) ke berkas lain: tidak dibaca.")
        return read_fd(fd, st.st_size), st
    finally:
        os.close(fd)
