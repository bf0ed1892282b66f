"""Import loose submission files (``.ipynb`` or a ``.zip`` of them) sent by message or on a flash disk.

Every file received is first copied, byte for byte, into ``grading/kotak_masuk/impor/<waktu>/``. Then each
notebook is matched:

* to a **module and notebook** by its nbgrader cell ids (the ``grade_id`` of its cells against every
  source notebook), so renamed files still match;
* to a **learner** by notebook metadata (``metadata.cantik.peserta``) or else by the file name
  (``Modul 2 - Siti (1).ipynb``: id, full name or a first name that only one learner has).

Unreadable, unmatched, ambiguous and duplicated files go to ``grading/karantina/`` and are listed. An
earlier submission is never replaced unless ``replace=True``; even then the old one stays in the inbox.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from cantik.grading.course import Course
from cantik.grading.errors import KelasError
from cantik.grading.roster import Learner, load_roster


@dataclass
class Received:
    """One notebook file as received."""

    name: str  # name as sent (zip members: "arsip.zip:nama.ipynb")
    data: bytes
    saved: Path  # its copy in the inbox

    @property
    def sha(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class ImportResult:
    imported: list[tuple[str, str, str]] = field(default_factory=list)  # (file, learner, modul/notebook)
    same: list[tuple[str, str]] = field(default_factory=list)  # identical to what is already there
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file, reason) -> quarantined
    inbox: Path | None = None

    def summary(self) -> str:
        lines = [
            f"Berkas diterima: {len(self.imported) + len(self.same) + len(self.problems)} "
            f"(salinan utuh semuanya ada di {self.inbox})."
        ]
        if self.imported:
            lines.append(f"Dimasukkan sebagai kiriman: {len(self.imported)}")
            lines += [f"  - {f} → {who} ({what})" for f, who, what in self.imported]
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


def _gather(paths: list[Path], inbox: Path) -> tuple[list[Received], list[tuple[str, str]]]:
    """Copy every input into the inbox and return the notebooks in it (plus files that are not)."""
    received: list[Received] = []
    problems: list[tuple[str, str]] = []
    inbox.mkdir(parents=True, exist_ok=True)

    def keep(name: str, data: bytes) -> Path:
        target = inbox / Path(name).name
        n = 1
        while target.exists():
            target = inbox / f"{Path(name).stem}__{n}{Path(name).suffix}"
            n += 1
        target.write_bytes(data)
        return target

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and ".ipynb_checkpoints" not in p.parts)
        elif path.is_file():
            files.append(path)
        else:
            problems.append((str(path), "berkas tidak ditemukan"))
    for path in files:
        data = path.read_bytes()
        saved = keep(path.name, data)
        if path.suffix.lower() == ".zip":
            try:
                with zipfile.ZipFile(path) as zf:
                    for info in zf.infolist():
                        member = Path(info.filename)
                        if info.is_dir() or "__MACOSX" in member.parts or member.name.startswith("."):
                            continue
                        inner = zf.read(info)
                        name = f"{path.name}:{member.name}"
                        inner_saved = keep(f"{path.stem}__{member.name}", inner)
                        if member.suffix.lower() == ".ipynb":
                            received.append(Received(name, inner, inner_saved))
                        else:
                            problems.append((name, "bukan notebook (.ipynb), tidak diimpor"))
            except zipfile.BadZipFile:
                problems.append((path.name, "berkas zip rusak atau tidak lengkap"))
        elif path.suffix.lower() == ".ipynb":
            received.append(Received(path.name, data, saved))
        else:
            problems.append((path.name, "bukan notebook (.ipynb) atau zip, tidak diimpor"))
    return received, problems


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


def _timestamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f UTC")


def import_files(course: Course, paths: list[str | Path], *, replace: bool = False) -> ImportResult:
    """Import loose notebooks / zips into ``submitted/<learner>/<modul>/<notebook>.ipynb``.

    Examples
    --------
    >>> result = import_files(Course.open(), ["Modul 2 - Siti (1).ipynb"])  # doctest: +SKIP
    >>> print(result.summary())                                             # doctest: +SKIP
    """
    import json

    from cantik.grading.release import archive_submission

    learners = load_roster(course)
    if not learners:
        raise KelasError(
            "Belum ada daftar peserta, jadi berkas tidak bisa dicocokkan dengan pesertanya.",
            "Mulai kelas dulu: `cantik kelas mulai daftar_peserta.csv`.",
        )
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    result = ImportResult(inbox=course.inbox_dir / "impor" / stamp)
    received, problems = _gather([Path(p) for p in paths], result.inbox)
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
        touched.add((student, modul))
        result.imported.append((item.name, student, label))
    for student, modul in touched:
        (course.submitted_dir / student / modul / "timestamp.txt").write_text(_timestamp())
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
