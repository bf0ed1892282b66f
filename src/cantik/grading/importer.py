"""Take submissions in: loose files (``.ipynb`` or a ``.zip`` of them) sent by message or on a flash disk,
and the exchange collector (:class:`SafeExchangeCollect`) that never follows a link.

Every file received is first copied, byte for byte, into ``grading/kotak_masuk/impor/<waktu>/``. Then each
notebook is matched:

* to a **module and notebook** by its nbgrader cell ids (the ``grade_id`` of its cells against every
  source notebook), so renamed files still match;
* to a **learner** by notebook metadata (``metadata.cantik.peserta``) or else by the file name
  (``Modul 2 - Siti (1).ipynb``: id, full name or a first name that only one learner has).

Unreadable, unmatched, ambiguous and duplicated files go to ``grading/karantina/`` and are listed. An
earlier submission is never replaced unless ``replace=True``; even then the old one stays in the inbox.
Symbolic links, named pipes and devices are never followed or opened, zip members that are links or point
outside the archive are refused, and so is a zip that unpacks too big (:mod:`cantik.sandbox.intake`).

The submission time written to nbgrader's ``timestamp.txt`` is when the learner last saved the notebook
(the file's own modification time, or the zip member's), not the import time, so late penalties are fair.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import time
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from nbgrader.exchange.default.collect import ExchangeCollect as _NbgraderCollect

from cantik.errors import KelasError
from cantik.grading.course import Course
from cantik.grading.roster import Learner, load_roster


@dataclass
class Received:
    """One notebook file as received."""

    name: str  # name as sent (zip members: "arsip.zip:nama.ipynb")
    data: bytes
    saved: Path  # its copy in the inbox
    mtime: float | None = None  # when the learner last saved it (the file's own time), seconds since epoch

    @property
    def sha(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class ImportResult:
    imported: list[tuple[str, str, str]] = field(default_factory=list)  # (file, learner, modul/notebook)
    same: list[tuple[str, str]] = field(default_factory=list)  # identical to what is already there
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file, reason) -> quarantined
    inbox: Path | None = None
    times: dict[str, float] = field(default_factory=dict)  # file -> submission time recorded (epoch s)
    refused: list[tuple[str, str]] = field(default_factory=list)  # links, pipes, zip traversal, zip bombs
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        total = len(self.imported) + len(self.same) + len(self.problems) + len(self.refused)
        lines = [
            f"Berkas diterima: {total} "
            + (f"(salinan utuh berkas biasa dan catatan yang ditolak ada di {self.inbox})." if self.refused
               else f"(salinan utuh semuanya ada di {self.inbox}).")
        ]
        if self.imported:
            lines.append(f"Dimasukkan sebagai kiriman: {len(self.imported)}")
            lines += [
                f"  - {f} → {who} ({what})"
                + (f", disimpan peserta {_local(self.times[f])}" if f in self.times else "")
                for f, who, what in self.imported
            ]
            lines.append("  Waktu kiriman = waktu berkas terakhir disimpan (dipakai untuk denda terlambat).")
        lines += [f"Catatan: {n}" for n in self.notes]
        if self.refused:
            lines.append(f"DITOLAK, tidak dibaca sama sekali: {len(self.refused)}")
            lines += [f"  - {why}" if why.startswith((f"'{f}'", f"zip '{f}'")) else f"  - {f}: {why}"
                      for f, why in self.refused]
            lines.append(
                "Langkah berikutnya: minta peserta mengirim berkas .ipynb aslinya (bukan tautan/shortcut), "
                "atau zip yang lebih kecil berisi notebook saja."
            )
        if self.same:
            lines.append(f"Sama persis dengan kiriman yang sudah ada (dilewati): {len(self.same)}")
            lines += [f"  - {f} ({who})" for f, who in self.same]
        if self.problems:
            lines.append(f"PERLU DIPERIKSA, disimpan di grading/karantina: {len(self.problems)}")
            lines += [f"  - {f}: {why}" for f, why in self.problems]
            lines.append(
                "Langkah berikutnya: ganti nama berkas itu menjadi 'Modul - <id peserta>.ipynb' "
                "lalu impor lagi, atau tambahkan pesertanya ke daftar peserta."
            )
        return "\n".join(lines)


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _gather(
    paths: list[Path], inbox: Path
) -> tuple[list[Received], list[tuple[str, str]], list[tuple[str, str]]]:
    """Copy every input into the inbox; return its notebooks, the files that are not, and refused entries.

    Links, pipes and devices are never followed or opened (:mod:`cantik.sandbox.intake`); they are
    refused by name and a note saying what they pointed to stays in the inbox. Zip members that are links
    or point outside the archive (``../x``) are refused, and so is a whole archive that is too big once
    unpacked (a zip bomb); the archive itself is kept byte for byte.
    """
    import io

    from cantik.sandbox.intake import (
        Refused,
        read_fd,
        read_regular_file,
        walk_regular_files,
        zip_archive_problem,
        zip_member_mtime,
        zip_member_problem,
    )

    received: list[Received] = []
    problems: list[tuple[str, str]] = []
    refused_items: list[tuple[str, str]] = []
    inbox.mkdir(parents=True, exist_ok=True)

    def keep(name: str, data: bytes) -> Path:
        target = inbox / Path(name).name
        n = 1
        while target.exists():
            target = inbox / f"{Path(name).stem}__{n}{Path(name).suffix}"
            n += 1
        target.write_bytes(data)
        return target

    def refuse(items: list[Refused]) -> None:
        for r in items:
            refused_items.append((r.name, r.reason))
            keep(f"{Path(r.name).name}__ditolak.txt", (r.reason + "\n").encode())

    def skip_checkpoints(_dir: str, names: list[str]) -> list[str]:
        return [n for n in names if n == ".ipynb_checkpoints"]

    files: list[tuple[str, bytes, float]] = []  # (name, data, modification time)
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            refused: list[Refused] = []
            for rel, fd, st in walk_regular_files(path, refused, ignore=skip_checkpoints):
                files.append((Path(rel).name, read_fd(fd, st.st_size), st.st_mtime))
            refuse(refused)
        else:
            got = read_regular_file(path)
            if isinstance(got, Refused):
                refuse([got])
            else:
                files.append((path.name, got[0], got[1].st_mtime))
    for fname, data, mtime in files:
        saved = keep(fname, data)
        suffix = Path(fname).suffix.lower()
        if suffix == ".zip":
            try:
                with zipfile.ZipFile(io.BytesIO(data)) as zf:
                    infos = [i for i in zf.infolist() if not i.is_dir()]
                    why = zip_archive_problem(infos, fname)
                    if why:
                        refused_items.append((fname, why))
                        continue
                    for info in infos:
                        member = Path(info.filename.replace("\\", "/"))
                        why = zip_member_problem(info)
                        if why:
                            refuse([Refused(f"{fname}:{info.filename}", why)])
                            continue
                        if "__MACOSX" in member.parts or member.name.startswith("."):
                            continue
                        name = f"{fname}:{member.name}"
                        try:
                            inner = zf.read(info)
                        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError):
                            why = "berkas di dalam zip rusak atau terkunci sandi, tidak dibuka"
                            problems.append((name, why))
                            continue
                        inner_saved = keep(f"{Path(fname).stem}__{member.name}", inner)
                        if member.suffix.lower() == ".ipynb":
                            when = zip_member_mtime(info)
                            when = mtime if when is None else when
                            received.append(Received(name, inner, inner_saved, when))
                        else:
                            problems.append((name, "bukan notebook (.ipynb), tidak diimpor"))
            except zipfile.BadZipFile:
                problems.append((fname, "berkas zip rusak atau tidak lengkap"))
        elif suffix == ".ipynb":
            received.append(Received(fname, data, saved, mtime))
        else:
            problems.append((fname, "bukan notebook (.ipynb) atau zip, tidak diimpor"))
    return received, problems, refused_items


def _source_index(course: Course) -> dict[frozenset[str], tuple[str, str]]:
    """grade_ids of every source notebook → (modul, notebook)."""
    import nbformat

    index: dict[frozenset[str], tuple[str, str]] = {}
    for modul in course.assignments():
        for nb_path in sorted((course.source_dir / modul).glob("*.ipynb")):
            nb = nbformat.read(nb_path, as_version=4)
            ids = frozenset(c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells) - {None}
            index[ids] = (modul, nb_path.stem)
    return index


def match_notebook(nb: dict, index: dict[frozenset[str], tuple[str, str]]) -> tuple[str, str] | None:
    """The (modul, notebook) whose grade ids best cover the submitted notebook's grade ids."""
    ids = {c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in nb.get("cells", [])} - {None}
    if not ids:
        return None
    best = max(index.items(), key=lambda kv: len(kv[0] & ids) / max(len(kv[0]), 1), default=None)
    if best is None or len(best[0] & ids) < max(1, len(best[0]) // 2):
        return None
    return best[1]


def match_learner(filename: str, nb: dict, learners: list[Learner]) -> tuple[list[Learner], str]:
    """Learners the file could belong to, and how they were found ("metadata" or "nama berkas").

    Examples
    --------
    >>> siti = Learner("ku01", "Siti Aminah")
    >>> match_learner("Modul 2 - Siti (1).ipynb", {}, [siti, Learner("ku02", "Budi")])[0] == [siti]
    True
    """
    meta_id = str(nb.get("metadata", {}).get("cantik", {}).get("peserta", "")).strip().lower()
    if meta_id:
        found = [x for x in learners if x.id.lower() == meta_id]
        if found:
            return found, "metadata"
    stem = Path(filename.split(":")[-1]).stem
    stem = re.sub(r"\(\d+\)|\bcopy\b|\bsalinan\b", " ", stem, flags=re.IGNORECASE)
    segments = [_norm(s) for s in re.split(r"\s+-\s+|_-_|--|[_]{2,}|[,;]", stem)]
    segments = [s for s in segments if s]
    words = set(_norm(stem).split())
    first_names: dict[str, list[Learner]] = {}
    for x in learners:
        if _norm(x.nama):
            first_names.setdefault(_norm(x.nama).split()[0], []).append(x)
    found: list[Learner] = []
    for x in learners:
        full = _norm(x.nama)
        if x.id.lower() in words or _norm(x.id) in segments or (full and full in segments):
            found.append(x)
    if not found:
        for seg in segments:
            cands = first_names.get(seg, [])
            found += [c for c in cands if c not in found]
    return found, "nama berkas"


def _timestamp(when: float | None = None) -> str:
    """nbgrader's ``timestamp.txt`` text (UTC) for ``when`` (seconds since the epoch; default: now)."""
    moment = dt.datetime.now(dt.UTC) if when is None else dt.datetime.fromtimestamp(when, dt.UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f UTC")


def _local(when: float) -> str:
    return dt.datetime.fromtimestamp(when).astimezone().strftime("%Y-%m-%d %H:%M %Z")


def submission_time(folder: Path) -> float | None:
    """When a submission folder was last saved by its learner: the newest notebook's modification time."""
    times = [p.stat().st_mtime for p in folder.glob("*.ipynb") if p.is_file() and not p.is_symlink()]
    return max(times) if times else None


def import_files(course: Course, paths: list[str | Path], *, replace: bool = False) -> ImportResult:
    """Import loose notebooks / zips into ``submitted/<learner>/<modul>/<notebook>.ipynb``.

    Examples
    --------
    >>> result = import_files(Course.open(), ["Modul 2 - Siti (1).ipynb"])  # doctest: +SKIP
    >>> print(result.summary())                                             # doctest: +SKIP
    """
    import json


    learners = load_roster(course)
    if not learners:
        raise KelasError(
            "Belum ada daftar peserta, jadi berkas tidak bisa dicocokkan dengan pesertanya.",
            "Mulai kelas dulu: `cantik kelas mulai daftar_peserta.csv`.",
        )
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    now = time.time()
    result = ImportResult(inbox=course.inbox_dir / "impor" / stamp)
    received, problems, result.refused = _gather([Path(p) for p in paths], result.inbox)
    index = _source_index(course)

    candidates: dict[tuple[str, str, str], list[Received]] = {}
    for item in received:
        try:
            nb = json.loads(item.data.decode("utf-8-sig"))
            if not isinstance(nb, dict) or "cells" not in nb:
                raise ValueError("bukan notebook")
        except (UnicodeDecodeError, ValueError):
            problems.append((item.name, "berkas notebook rusak atau terpotong (tidak bisa dibaca)"))
            continue
        target = match_notebook(nb, index)
        if target is None:
            problems.append((item.name, "bukan notebook salah satu modul kelas ini"))
            continue
        who, _how = match_learner(item.name, nb, learners)
        if not who:
            problems.append((item.name, "nama berkas tidak cocok dengan peserta mana pun"))
            continue
        if len(who) > 1:
            problems.append(
                (
                    item.name,
                    "cocok dengan lebih dari satu peserta: " + ", ".join(f"{x.id} ({x.nama})" for x in who),
                )
            )
            continue
        candidates.setdefault((who[0].id, *target), []).append(item)

    touched: set[tuple[str, str]] = set()
    for (student, modul, notebook), items in sorted(candidates.items()):
        label = f"{modul}/{notebook}"
        if len({x.sha for x in items}) > 1:
            names = ", ".join(x.name for x in items)
            for x in items:
                problems.append(
                    (
                        x.name,
                        f"GANDA: {len(items)} versi berbeda untuk {student} {label} ({names}); "
                        "simpan satu saja lalu impor lagi",
                    )
                )
            continue
        item = items[0]
        dest = course.submitted_dir / student / modul / f"{notebook}.ipynb"
        if dest.is_file():
            if hashlib.sha256(dest.read_bytes()).hexdigest() == item.sha:
                result.same.append((item.name, student))
                continue
            if not replace:
                problems.append(
                    (
                        item.name,
                        f"{student} sudah punya kiriman {label}; tidak ditimpa "
                        "(pakai --ganti untuk mengganti; versi lama tetap disimpan)",
                    )
                )
                continue
            archive_submission(course, modul, student)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(item.data)
        # the learner's own save time, so a late penalty counts from when it was done, not imported
        when = now if item.mtime is None else item.mtime
        if when > now:
            result.notes.append(f"{item.name}: waktu berkasnya di masa depan ({_local(when)}); "
                                "dipakai waktu impor.")
            when = now
        os.utime(dest, (when, when))
        result.times[item.name] = when
        touched.add((student, modul))
        result.imported.append((item.name, student, label))
    for student, modul in touched:
        folder = course.submitted_dir / student / modul
        (folder / "timestamp.txt").write_text(_timestamp(submission_time(folder) or now))
        archive_submission(course, modul, student)

    if problems:
        qdir = course.quarantine_dir / stamp
        qdir.mkdir(parents=True, exist_ok=True)
        by_name = {x.name: x for x in received}
        for name, _why in problems:
            if name in by_name:
                shutil.copy2(by_name[name].saved, qdir / by_name[name].saved.name)
    result.problems = problems
    return result


# ── The exchange collector: `nbgrader collect`, formgrader and `cantik kelas kumpulkan` ────────────────

def refused_dir(grading_dir: Path, modul: str) -> Path:
    """Folder of the notes about files refused while collecting ``modul`` (one note per submission)."""
    return grading_dir / "kotak_masuk" / "ditolak" / modul


def archive_submission(course: Course, modul: str, student: str) -> Path | None:
    """Copy ``submitted/<student>/<modul>`` into the inbox under its timestamp (never overwriting)."""
    src = course.submitted_dir / student / modul
    if not src.is_dir():
        return None
    stamp_file = src / "timestamp.txt"
    stamp = stamp_file.read_text().strip() if stamp_file.is_file() else "tanpa-waktu"
    safe = re.sub(r"[^0-9A-Za-z]+", "-", stamp).strip("-")
    dest = course.inbox_dir / "exchange" / modul / student / safe
    if not dest.exists():
        shutil.copytree(src, dest)
    return dest


def collect_refusals(course: Course, modul: str) -> dict[str, list[str]]:
    """Refused files of ``modul``'s collected submissions: note name (learner+modul+time) → reasons.

    Examples
    --------
    >>> collect_refusals(Course.open(), "modul1")  # doctest: +SKIP
    {'ku01+modul1+2026-11-25 08:00:00.000000 UTC': ["'data.csv' adalah tautan simbolik (symlink) ..."]}
    """
    folder = refused_dir(course.grading_dir, modul)
    return {
        p.stem: p.read_text(encoding="utf-8").splitlines()[1:]
        for p in sorted(folder.glob("*.txt"))
    }


class SafeExchangeCollect(_NbgraderCollect):
    """nbgrader's exchange collector that copies regular files only and never follows a link.

    Stock nbgrader copies a submission with ``shutil.copytree``, which copies a symbolic link's *target*
    (e.g. ``data.csv -> ../../gradebook.db``, read with the trainer's rights) into ``submitted/`` and so
    into the learner's sandbox, and hangs on a named pipe. This collector copies through
    :func:`cantik.sandbox.intake.copy_tree`; links, pipes, devices and hard links are left out, logged in
    Indonesian and written to ``grading/kotak_masuk/ditolak/<modul>/<kiriman>.txt``. Everything else
    (nbgrader's ignore/include patterns, size limits, timestamps) is unchanged. Plugged in through
    nbgrader's public configuration::

        c.ExchangeFactory.collect = "cantik.grading.importer.SafeExchangeCollect"
    """

    def do_copy(self, src: str, dest: str, log: object = None) -> None:
        import stat

        from nbgrader.utils import ignore_patterns

        from cantik.sandbox.intake import copy_tree

        try:
            is_dir = stat.S_ISDIR(os.lstat(src).st_mode)
        except OSError:
            is_dir = False
        if is_dir:  # nbgrader's own size check (it does not count links)
            size, limit = self.get_size(src), 1000 * self.coursedir.max_dir_size
            if size > limit:
                self.log.error("Directory size is too big")
                raise RuntimeError(f"Directory size is too big. Size is {size}, maximum size is {limit}")
        ignore = ignore_patterns(exclude=self.coursedir.ignore, include=self.coursedir.include,
                                 max_file_size=self.coursedir.max_file_size, log=self.log)
        refused = copy_tree(src, dest, ignore=ignore)
        if self.coursedir.groupshared and os.path.isdir(dest):
            for dirname, _, filenames in os.walk(dest):
                targets = [(dirname, 0o2770)] + [(os.path.join(dirname, f), 0o660) for f in filenames]
                for path, bits in targets:
                    mode = os.stat(path).st_mode
                    if mode & bits != bits:
                        try:
                            os.chmod(path, (mode | bits) & 0o2777)
                        except PermissionError:
                            self.log.warning("Could not update permissions of %s to make it groupshared",
                                             path)
        if refused:
            submission = os.path.basename(os.path.normpath(src))
            for r in refused:
                self.log.warning("Kiriman %s: %s", submission, r.reason)
            grading = Path(self.coursedir.format_path(self.coursedir.submitted_directory, ".", ".")).resolve()
            folder = refused_dir(grading.parent, self.coursedir.assignment_id)
            folder.mkdir(parents=True, exist_ok=True)
            safe = re.sub(r"[^0-9A-Za-z+_.-]+", "-", submission).strip("-") or "kiriman"
            lines = [f"Kiriman {submission}: berkas berikut TIDAK dikumpulkan (tidak diikuti/disalin)."]
            (folder / f"{safe}.txt").write_text("\n".join(lines + [r.reason for r in refused]) + "\n",
                                                encoding="utf-8")
