"""Class roster: read a CSV or Excel list of learners, check it, and put it into nbgrader's gradebook.

Columns (Indonesian headers, any case; order free): ``id``, ``nama``, ``peran``, ``desa`` (or
``kelurahan`` / ``desa/kelurahan``), ``kohort`` and, optionally, ``pelatih``. ``id`` and ``nama`` are
required. nbgrader's gradebook keeps the id and the name; the full roster (role, village, cohort) is kept
beside it in ``grading/peserta.csv`` for exports and the class report.

**Trainers are never learners** (:attr:`Learner.is_trainer`, the one rule every part applies): a row is a
trainer when its ``peran`` names the trainer's role in any form ("Pelatih BPS", "pelatih", "Instruktur",
"Trainer", "Tim pelatih"; not "Peserta pelatihan") or its ``pelatih`` column says yes ("ya", "y", "1",
"x", "✓"). Trainers get a hub account but no place in the gradebook, formgrader, exports or report.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from cantik.errors import KelasError
from cantik.grading.course import Course
from cantik.helpers import open_atomic

COLUMNS = ["id", "nama", "peran", "desa", "kohort", "pelatih"]
_ALIASES = {
    "id": "id",
    "id peserta": "id",
    "nomor": "id",
    "no id": "id",
    "kode": "id",
    "nama": "nama",
    "nama peserta": "nama",
    "nama lengkap": "nama",
    "peran": "peran",
    "jabatan": "peran",
    "desa": "desa",
    "kelurahan": "desa",
    "desa/kelurahan": "desa",
    "desa_kelurahan": "desa",
    "desa kelurahan": "desa",
    "kohort": "kohort",
    "angkatan": "kohort",
    "kelompok": "kohort",
    "pelatih": "pelatih",
    "pelatih?": "pelatih",
    "trainer": "pelatih",
    "instruktur": "pelatih",
}
#: nbgrader uses the id as a folder name: keep it to letters, digits, dot, dash and underscore.
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
#: The trainers' role: hub group and role name, and what ``cantik server`` writes as their ``peran``.
TRAINER_ROLE = "pelatih"
#: A ``peran`` naming a trainer, in any case and form ("Pelatih BPS", "Instruktur", "Trainer", "co-trainer");
#: whole words only, so "Peserta pelatihan" is a learner.
TRAINER_PATTERN = re.compile(r"\b(pelatih|co-?trainers?|trainers?|instruktur|instructors?)\b", re.IGNORECASE)
#: Values of the ``pelatih`` column that mean yes.
YES = frozenset({"ya", "y", "yes", "1", "x", "v", "✓", "✔", "benar", "true", "pelatih"})


@dataclass(frozen=True)
class Learner:
    """One row of the roster."""

    id: str
    nama: str
    peran: str = ""
    desa: str = ""
    kohort: str = ""
    pelatih: str = ""  # the optional trainer column as written ("ya", "", ...)

    @property
    def is_trainer(self) -> bool:
        """A trainer: has a hub account, never a learner in the gradebook, formgrader, exports or report.

        Examples
        --------
        >>> [Learner("a", "A", peran=p).is_trainer for p in ("Pelatih BPS", "Instruktur", "Trainer",
        ...                                                  "Peserta pelatihan", "Agen statistik")]
        [True, True, True, False, False]
        >>> Learner("b", "B", pelatih="Ya").is_trainer
        True
        """
        return bool(TRAINER_PATTERN.search(self.peran)) or self.pelatih.strip().lower() in YES


def learners_only(people: list[Learner]) -> list[Learner]:
    """The roster without its trainers (:attr:`Learner.is_trainer`)."""
    return [x for x in people if not x.is_trainer]


def trainer_ids(course: Course) -> set[str]:
    """Ids of the trainers in the course's saved roster."""
    return {x.id for x in load_roster(course) if x.is_trainer}


@dataclass
class RosterResult:
    """What :func:`start_class` did."""

    learners: list[Learner]
    added: list[str]
    updated: list[str]
    kept: list[str]  # in the gradebook already but not in this roster (kept, never deleted)
    removed: list[str] = field(default_factory=list)  # trainers taken out of the gradebook
    def summary(self) -> str:
        """Indonesian summary for the trainer."""
        trainers = [x.id for x in self.learners if x.is_trainer]
        lines = [f"Daftar peserta dibaca: {len(self.learners) - len(trainers)} peserta"
                 + (f" dan {len(trainers)} pelatih." if trainers else ".")]
        if trainers:
            lines.append(f"Pelatih (tidak dimasukkan ke buku nilai sebagai peserta): {', '.join(trainers)}.")
        if self.removed:
            lines.append("Pelatih yang sebelumnya tercatat sebagai peserta dikeluarkan dari buku nilai: "
                         f"{', '.join(self.removed)}.")
        kohort = sorted({x.kohort for x in self.learners if x.kohort})
        if kohort:
            lines.append("Kohort: " + ", ".join(kohort) + ".")
        lines.append(f"Baru dimasukkan ke buku nilai: {len(self.added)}; diperbarui: {len(self.updated)}.")
        if self.kept:
            lines.append(
                f"{len(self.kept)} peserta lama tidak ada di daftar ini dan TIDAK dihapus: "
                f"{', '.join(self.kept)}."
            )
        return "\n".join(lines)


def _rows_from_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise KelasError(
            f"Berkas {path.name} bukan berkas teks CSV (isinya biner).",
            "Simpan daftar peserta sebagai CSV (Excel: Simpan Sebagai → CSV UTF-8) atau .xlsx.",
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise KelasError(f"Huruf di {path.name} tidak terbaca.", "Simpan ulang sebagai CSV UTF-8.")
    if not text.strip():
        raise KelasError(
            f"Berkas {path.name} kosong.", "Isi baris judul (id, nama, ...) dan satu baris per peserta."
        )
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [row for row in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in row)]
    except csv.Error as exc:
        raise KelasError(
            f"Berkas {path.name} rusak: {exc}.", "Buka di Excel lalu simpan ulang sebagai CSV."
        ) from exc


def _rows_from_excel(path: Path) -> list[list[str]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise KelasError(
            f"Berkas Excel {path.name} tidak bisa dibuka (rusak atau bukan .xlsx).",
            "Buka di Excel lalu simpan ulang sebagai 'Buku Kerja Excel (.xlsx)', atau kirim sebagai CSV.",
        ) from exc
    try:
        ws = wb.worksheets[0]
        rows = []
        for row in ws.iter_rows(values_only=True):
            cells = [
                "" if v is None else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))
                for v in row
            ]
            if any(c.strip() for c in cells):
                rows.append(cells)
        return rows
    finally:
        wb.close()


def read_roster(path: str | Path) -> list[Learner]:
    """Read and check a roster file (``.csv``, ``.txt``, ``.xlsx``, ``.xlsm``).

    Raises
    ------
    KelasError
        File missing, unreadable, empty, without ``id``/``nama`` columns, with empty names, bad or
        duplicate ids. The message lists every bad row (spreadsheet row numbers) at once.

    Examples
    --------
    >>> read_roster("peserta.csv")  # doctest: +SKIP
    [Learner(id='ku01', nama='Siti Aminah', peran='Agen statistik', desa='Kandangan Utara', kohort='A'), ...]
    """
    path = Path(path)
    if not path.is_file():
        raise KelasError(
            f"Berkas daftar peserta {path} tidak ditemukan.", "Periksa nama dan folder berkasnya."
        )
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        rows = _rows_from_excel(path)
    elif suffix in {".csv", ".txt", ".tsv"}:
        rows = _rows_from_csv(path)
    elif suffix == ".xls":
        raise KelasError(
            f"{path.name} memakai format Excel lama (.xls).",
            "Buka di Excel lalu simpan sebagai .xlsx atau CSV.",
        )
    else:
        raise KelasError(f"Jenis berkas {path.name} tidak dikenal.", "Gunakan berkas .csv atau .xlsx.")
    if not rows:
        raise KelasError(
            f"Berkas {path.name} kosong.", "Isi baris judul (id, nama, ...) dan satu baris per peserta."
        )

    header = [_ALIASES.get(re.sub(r"\s+", " ", h.strip().lower())) for h in rows[0]]
    missing = [c for c in ("id", "nama") if c not in header]
    if missing:
        raise KelasError(
            f"Baris judul {path.name} tidak punya kolom {' dan '.join(missing)} "
            f"(terbaca: {', '.join(h.strip() for h in rows[0])}).",
            "Baris pertama harus berisi judul kolom: id, nama, peran, desa, kohort.",
        )
    if len(rows) == 1:
        raise KelasError(
            f"{path.name} hanya berisi baris judul, belum ada peserta.", "Tambahkan satu baris per peserta."
        )

    problems: list[str] = []
    learners: list[Learner] = []
    first_row: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        values = {c: "" for c in COLUMNS}
        for name, cell in zip(header, row, strict=False):
            if name:
                values[name] = cell.strip()
        if not values["id"]:
            problems.append(f"baris {number}: id kosong")
            continue
        if not ID_PATTERN.match(values["id"]):
            problems.append(
                f"baris {number}: id '{values['id']}' hanya boleh berisi huruf, angka, titik, - dan _ "
                "(tanpa spasi)"
            )
            continue
        key = values["id"].lower()
        if key in first_row:
            problems.append(
                f"baris {number}: id '{values['id']}' ganda (sudah dipakai di baris {first_row[key]})"
            )
            continue
        first_row[key] = number
        if not values["nama"]:
            problems.append(f"baris {number}: nama peserta '{values['id']}' kosong")
            continue
        learners.append(Learner(**values))
    if problems:
        raise KelasError(
            f"Daftar peserta {path.name} belum bisa dipakai ({len(problems)} masalah):\n  - "
            + "\n  - ".join(problems),
            "Perbaiki baris-baris itu lalu jalankan perintah ini lagi. Tidak ada yang diubah di buku nilai.",
        )
    return learners


def save_roster(course: Course, learners: list[Learner]) -> None:
    """Merge ``learners`` into ``grading/peserta.csv`` (rows of other ids are kept)."""
    existing = {x.id: x for x in load_roster(course)}
    existing.update({x.id: x for x in learners})
    course.roster_file.parent.mkdir(parents=True, exist_ok=True)
    with open_atomic(course.roster_file, newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for learner in sorted(existing.values(), key=lambda x: x.id):
            writer.writerow(asdict(learner))


def load_roster(course: Course) -> list[Learner]:
    """The roster saved by :func:`start_class` (empty when no class was started)."""
    return load_roster_file(course.roster_file)


def load_roster_file(path: Path) -> list[Learner]:
    """A roster saved by :func:`save_roster` at ``path`` (empty when there is none)."""
    if not path.is_file():
        return []
    with path.open(newline="", encoding="utf-8") as fh:
        return [Learner(**{c: row.get(c, "") or "" for c in COLUMNS}) for row in csv.DictReader(fh)]


def start_class(course: Course, path: str | Path) -> RosterResult:
    """Read the roster at ``path`` and create/update every learner in the gradebook.

    Nothing is written when the roster has any problem. Learners already in the gradebook but not in
    this file are kept (a roster never deletes grades).
    """
    learners = read_roster(path)
    added, updated, removed = [], [], []
    with course.gradebook() as gb:
        known = {s.id for s in gb.students}
        for learner in learners:
            if learner.is_trainer:
                if learner.id in known:  # e.g. an older roster, or a trainer's test submission graded
                    gb.remove_student(learner.id)
                    removed.append(learner.id)
                continue
            (updated if learner.id in known else added).append(learner.id)
            gb.update_or_create_student(learner.id, **gradebook_name(learner.nama, learner.id))
        kept = sorted(known - {x.id for x in learners})
    save_roster(course, learners)
    return RosterResult(learners=learners, added=added, updated=updated, kept=kept, removed=removed)


def gradebook_name(nama: str, student_id: str) -> dict[str, str]:
    """nbgrader's name fields for a learner, so formgrader's "last, first" reads well.

    Formgrader always shows ``last_name + ", " + first_name``; many Indonesian names have no family name,
    so the whole name goes first and the id after the comma ("Nurul Hidayah, ku01"), never ", Nurul
    Hidayah" or "None, Nurul Hidayah".

    Examples
    --------
    >>> gradebook_name("Nurul Hidayah", "ku01")
    {'last_name': 'Nurul Hidayah', 'first_name': 'ku01'}
    """
    return {"last_name": nama, "first_name": student_id}
