"""Check a village's own CSV file against a Kelas Cantik table schema, with Indonesian messages.

The village officials fill their tables in a spreadsheet and save them as CSV. :func:`validate_csv` tells
them, in plain Indonesian, what is wrong and how to fix it: each :class:`Problem` names the spreadsheet
row (the header is row 1, as in Excel), the column (its letter and name) and what to do.

How the work is split:

* file-level checks come first, because they decide how the file can be read at all and Frictionless
  would silently work around them: empty file, not a CSV (an Excel workbook or another binary renamed
  ``.csv``), not UTF-8 (Windows-1252/Latin-1 or UTF-16 from "Save as"), a delimiter other than the comma
  (:mod:`cantik.data.sniff`), and, here, the header row (missing, misspelt, duplicate or unknown columns);
* row-level checks (types, dates, required cells, enumerations, ranges, patterns, unique values and primary
  keys, short and long rows, blank rows) are done by ``frictionless`` with the table's Frictionless schema
  from :mod:`cantik.data.schema`, and its errors are translated (:mod:`cantik.data.problems`: the
  :class:`Problem` and its Indonesian wording).

The file is only read, never written. ``frictionless`` is imported inside :func:`validate_csv`.

Examples
--------
>>> from cantik.data.validate import validate_csv
>>> problems = validate_csv("penduduk_rt03.csv", table="penduduk")  # doctest: +SKIP
>>> for p in problems:  # doctest: +SKIP
...     print(p)
GALAT  Baris 4, kolom F 'umur': isinya 'dua belas', padahal kolom ini harus berisi bilangan bulat ...
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cantik.data import schema as _schema
from cantik.data.loader import DataNotFoundError, normalise_name
from cantik.data.problems import (
    ERROR,
    WARNING,
    Problem,
    constraint_message,
    has_errors,
    locate,
    type_message,
)
from cantik.data.sniff import (
    DELIMITER_HINT,
    DELIMITERS,
    SAVE_AS,
    decode,
    detect_delimiter,
    encoding_problem,
    first_line,
    not_csv,
    split_line,
)
from cantik.helpers import column_letter

__all__ = [
    "MAX_ERRORS",
    "MAX_FILE_BYTES",
    "RULES",
    "Problem",
    "Rule",
    "ValidationResult",
    "has_errors",
    "summary",
    "validate_csv",
    "validate_report",
]

#: Frictionless stops collecting row problems after this many (the CLI shows far fewer anyway).
MAX_ERRORS = 10_000
#: Larger files are refused with a message rather than read into memory.
MAX_FILE_BYTES = 200 * 1024 * 1024

# ------------------------------------------------------------------------------------------- header level


def _check_header(
    labels: list[str], table: str
) -> tuple[list[Problem], list[str | None]]:
    """Problems of the header row, and the contract name each column stands for (None: ignored)."""
    fields = {f["name"]: f for f in _schema.SCHEMAS[table]["fields"]}
    by_title = {normalise_name(f.get("title", "")): name for name, f in fields.items()}
    problems: list[Problem] = []
    mapping: list[str | None] = []
    seen: dict[str, int] = {}
    for number, label in enumerate(labels, start=1):
        text = label.strip()
        key = normalise_name(text)
        name = text if text in fields else key if key in fields else by_title.get(key)
        if not text:
            problems.append(Problem(
                "blank-column-name", 1, None,
                f"Baris 1, kolom {column_letter(number)}: kolom ini tidak punya judul, jadi tidak diperiksa. "
                "Beri judul yang benar atau hapus kolom ini bila kosong.", WARNING,
            ))
            mapping.append(None)
            continue
        if name is None:
            close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6)
            hint = f" Mungkin maksud Anda '{close[0]}'?" if close else ""
            problems.append(Problem(
                "extra-column", 1, text,
                f"Baris 1, kolom {column_letter(number)} '{text}': kolom ini tidak dikenal untuk tabel "
                f"'{table}', jadi tidak diperiksa.{hint}", WARNING, value=text,
            ))
            mapping.append(None)
            continue
        if name in seen:
            problems.append(Problem(
                "duplicate-column", 1, name,
                f"Baris 1, kolom {column_letter(number)} '{text}': kolom '{name}' sudah ada di kolom "
                f"{column_letter(seen[name])}. Hapus salah satunya.", value=text,
            ))
            mapping.append(None)
            continue
        seen[name] = number
        mapping.append(name)
        if text != name:
            problems.append(Problem(
                "column-name", 1, name,
                f"Baris 1, kolom {column_letter(number)}: judul '{label}' harus ditulis persis '{name}' "
                "(huruf kecil, garis bawah _ sebagai pengganti spasi, tanpa spasi di awal/akhir).",
                value=label,
            ))
    for name, field in fields.items():
        if name in seen:
            continue
        if field.get("constraints", {}).get("required"):
            problems.append(Problem(
                "missing-column", 1, name,
                f"Baris 1: kolom '{name}' ({field.get('title', name)}) tidak ada. Tambahkan kolom dengan "
                f"judul persis '{name}' dan isinya.",
            ))
        else:  # optional columns (e.g. keluarga's housing fields) may be left out of a village's file
            problems.append(Problem(
                "missing-column", 1, name,
                f"Baris 1: kolom pilihan '{name}' ({field.get('title', name)}) tidak ada. Boleh, tetapi "
                "indikator yang memakainya tidak bisa dihitung.", WARNING,
            ))
    return problems, mapping


# ---------------------------------------------------------------------------------------------- row level


@dataclass(frozen=True)
class Rule:
    """A rule across columns of one row, run as a custom Frictionless check (see :func:`_rule_check`).

    ``test`` gets the row's typed values (``{column: value}``, as Frictionless parsed them) and returns
    True when the row is fine. The rule is skipped for a row where a column of ``needs`` is empty or
    invalid (that cell is reported on its own). ``advice`` is Indonesian and may use ``{column}``
    placeholders, filled with the row's text.
    """

    table: str
    fields: tuple[str, ...]
    needs: tuple[str, ...]
    test: Callable[[dict[str, Any]], bool]
    kind: str
    severity: str
    advice: str


def _months(start: Any, end: Any) -> int:
    """Completed months from date ``start`` to date ``end``."""
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


#: Cross-column rules of the contract (the schema's field descriptions say them in words).
RULES: list[Rule] = [
    Rule("penduduk_tahunan", ("jumlah_penduduk", "laki_laki", "perempuan"),
         ("jumlah_penduduk", "laki_laki", "perempuan"),
         lambda r: r["jumlah_penduduk"] == r["laki_laki"] + r["perempuan"], "sum", ERROR,
         "jumlah_penduduk ({jumlah_penduduk}) tidak sama dengan laki_laki + perempuan ({laki_laki} + "
         "{perempuan}). Periksa ketiga angka ini."),
    Rule("balita", ("tanggal_lahir", "tanggal_ukur"), ("tanggal_lahir", "tanggal_ukur"),
         lambda r: r["tanggal_ukur"] >= r["tanggal_lahir"], "date-order", ERROR,
         "tanggal_ukur ({tanggal_ukur}) lebih awal daripada tanggal_lahir ({tanggal_lahir}). Periksa "
         "apakah kedua tanggal tertukar."),
    Rule("balita", ("tanggal_lahir", "tanggal_ukur", "umur_bulan"),
         ("tanggal_lahir", "tanggal_ukur", "umur_bulan"),
         lambda r: r["tanggal_ukur"] < r["tanggal_lahir"]
         or abs(_months(r["tanggal_lahir"], r["tanggal_ukur"]) - r["umur_bulan"]) <= 1,
         "consistency", WARNING,
         "umur_bulan ({umur_bulan}) tidak cocok dengan selisih tanggal_lahir ({tanggal_lahir}) dan "
         "tanggal_ukur ({tanggal_ukur}). Umur dalam bulan penuh dihitung dari kedua tanggal itu."),
    Rule("penduduk", ("status_sekolah", "jenjang_sekolah"), ("status_sekolah",),
         lambda r: r["jenjang_sekolah"] is None or r["status_sekolah"] == "Masih sekolah",
         "consistency", WARNING,
         "jenjang_sekolah terisi ('{jenjang_sekolah}') padahal status_sekolah '{status_sekolah}'. "
         "Jenjang hanya diisi bila status sekolah 'Masih sekolah'."),
]


def _rule_check(rule: Rule, note: str) -> Any:
    """A Frictionless ``Check`` (its documented extension point) reporting ``rule`` per row as ``note``."""
    from frictionless import Check, errors

    class RuleCheck(Check):
        type = "cantik-rule"
        Errors = [errors.RowConstraintError]  # noqa: RUF012 (Frictionless' own class attribute)

        def validate_row(self, row: Any) -> Any:
            values = {name: row[name] for name in rule.fields}
            if any(values[name] is None for name in rule.needs):
                return
            if not rule.test(values):
                yield errors.RowConstraintError.from_row(row, note=note)

    return RuleCheck()


def _row_problems(
    text: str, delimiter: str, labels: list[str], mapping: list[str | None], table: str
) -> tuple[list[Problem], int]:
    from frictionless import Checklist, Dialect, Resource, Schema, formats

    contract = _schema.SCHEMAS[table]
    by_name = {f["name"]: f for f in contract["fields"]}
    fields: list[dict[str, Any]] = []
    for number, name in enumerate(mapping, start=1):
        # Frictionless pairs fields with columns by position. Recognised columns keep the contract's name
        # (a misspelt label is already reported, and label errors are ignored below); the others are
        # unchecked text with a name that cannot clash with a contract name.
        if name is None:
            fields.append({"name": f"(kolom {column_letter(number)})", "type": "any"})
        else:
            fields.append(by_name[name])
    descriptor: dict[str, Any] = {"fields": fields}
    key = contract.get("primaryKey") or []
    if key and all(k in mapping for k in key):
        descriptor["primaryKey"] = list(key)
    rules = {
        f"cantik-rule-{i}": rule for i, rule in enumerate(RULES)
        if rule.table == table and all(f in mapping for f in rule.fields)
    }
    checklist = Checklist(checks=[_rule_check(rule, note) for note, rule in rules.items()])

    resource = Resource(
        text.encode("utf-8"),
        format="csv",
        encoding="utf-8",
        schema=Schema.from_descriptor(descriptor),
        dialect=Dialect(controls=[formats.CsvControl(delimiter=delimiter)]),
    )
    report = resource.validate(checklist, limit_errors=MAX_ERRORS)
    problems: list[Problem] = []
    unique_rows: set[int] = set()
    blank_rows: set[int] = set()
    short_rows: dict[int, list[int]] = {}
    data_rows = 0
    for task in report.tasks:
        data_rows = max(data_rows, (task.stats or {}).get("rows") or 0)
        for error in task.errors:
            etype = error.type
            row = getattr(error, "row_number", None)
            number = getattr(error, "field_number", None)
            name = mapping[number - 1] if number and number <= len(mapping) else None
            value = getattr(error, "cell", None)
            field = by_name.get(name) if name else None
            where = locate(row, number, name)
            if etype in ("type-error", "constraint-error", "unique-error") and field is None:
                continue
            if etype == "type-error":
                kind, advice = type_message(field, value)
                problems.append(Problem(kind, row, name, f"{where}: {advice}", value=value))
            elif etype == "constraint-error":
                kind, advice = constraint_message(field, value, error.note)
                sep = " " if kind == "required" else ": "
                problems.append(Problem(kind, row, name, f"{where}{sep}{advice}", value=value))
            elif etype == "unique-error":
                first = re.search(r"position (\d+)", error.note)
                where_first = f" di baris {first.group(1)}" if first else ""
                unique_rows.add(row)
                problems.append(Problem(
                    "duplicate-key", row, name,
                    f"{where}: '{value}' sudah dipakai{where_first}. Setiap isian di kolom ini harus "
                    "berbeda; periksa apakah data yang sama tercatat dua kali.", value=value,
                ))
            elif etype == "primary-key":
                if row in unique_rows or row in blank_rows:
                    continue
                first = re.search(r"position (\d+)", error.note)
                if not first:  # key cells empty: already reported as required
                    continue
                cells = error.cells or []
                shown = ", ".join(
                    f"{k}='{cells[mapping.index(k)]}'" for k in key if mapping.index(k) < len(cells)
                )
                problems.append(Problem(
                    "duplicate-key", row, None,
                    f"Baris {row}: gabungan kolom {', '.join(key)} ({shown}) sama dengan baris "
                    f"{first.group(1)}. Setiap gabungan harus muncul sekali saja: gabungkan atau hapus "
                    "baris ganda.",
                ))
            elif etype == "row-constraint":
                rule = rules.get(error.note)
                if rule is None or row in blank_rows:
                    continue
                cells = error.cells or []
                values = {n: cells[i] if i < len(cells) else "" for i, n in enumerate(mapping) if n}
                problems.append(Problem(
                    rule.kind, row, None, f"Baris {row}: {rule.advice.format(**values)}", rule.severity,
                ))
            elif etype == "blank-row":
                blank_rows.add(row)
                problems.append(Problem(
                    "blank-row", row, None, f"Baris {row} kosong. Hapus baris kosong ini.", WARNING,
                ))
            elif etype == "missing-cell":
                short_rows.setdefault(row, []).append(number)
            elif etype == "extra-cell":
                problems.append(Problem(
                    "extra-cell", row, None,
                    f"Baris {row}, kolom {column_letter(number)}: ada isian '{value}' di luar kolom yang "
                    "berjudul (baris ini punya lebih banyak isian daripada baris judul). Bila sebuah isian "
                    "memuat koma, apit isian itu dengan tanda kutip \"...\"; bila tidak, hapus isian "
                    "berlebih.", value=value,
                ))
            elif etype.endswith("-label") or etype.endswith("-header") or etype == "foreign-key":
                continue  # header checked by _check_header; foreign keys need the other tables
            else:
                problems.append(Problem(
                    "unreadable", row, name,
                    f"{where + ': ' if where else ''}berkas tidak dapat dibaca sebagai CSV ({error.note}). "
                    f"Simpan ulang berkas. {SAVE_AS}",
                ))
        if len(task.errors) >= MAX_ERRORS:
            problems.append(Problem(
                "too-many-problems", None, None,
                f"Pemeriksaan dihentikan setelah {MAX_ERRORS} masalah. Perbaiki dulu masalah yang "
                "ditampilkan, lalu periksa lagi.", WARNING,
            ))
    if short_rows:  # a missing cell is reported once, as part of its short row, not also as "required"
        gone = {(r, mapping[n - 1]) for r, ns in short_rows.items() for n in ns if n <= len(mapping)}
        problems = [p for p in problems if not (p.kind == "required" and (p.row, p.column) in gone)]
    for row, numbers in short_rows.items():
        names = ", ".join(
            f"{column_letter(n)} '{mapping[n - 1] or labels[n - 1]}'" for n in numbers if n <= len(labels)
        )
        problems.append(Problem(
            "missing-cell", row, mapping[numbers[0] - 1] if numbers[0] <= len(mapping) else None,
            f"Baris {row}: baris ini lebih pendek daripada baris judul; isian untuk kolom {names} tidak "
            "ada. Periksa apakah ada pemisah kolom yang hilang.",
        ))
    rows = data_rows - len(blank_rows)
    if rows <= 0:
        problems.append(Problem(
            "no-data", None, None, "Berkas hanya berisi baris judul, tanpa baris data. Isi datanya mulai "
            "baris 2.",
        ))
    return problems, rows


# ------------------------------------------------------------------------------------------------ entry


@dataclass(frozen=True)
class ValidationResult:
    """What :func:`validate_report` found: the problems plus the size of the data that was read."""

    table: str
    path: Path
    problems: list[Problem]
    rows: int = 0
    columns: int = 0

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not has_errors(self.problems)


def validate_csv(path: str | Path, table: str) -> list[Problem]:
    """Check a CSV file against the column contract of ``table``; the file is only read.

    Parameters
    ----------
    path : str or Path
        The village's CSV file.
    table : str
        A table name from :func:`cantik.data.tables`, e.g. ``"penduduk"``.

    Returns
    -------
    list of Problem
        Errors and warnings in row order (file-level first). Empty when the file conforms.

    Raises
    ------
    DataNotFoundError
        ``table`` is not a known table (the message lists the valid names).

    Examples
    --------
    >>> problems = validate_csv("penduduk.csv", "penduduk")  # doctest: +SKIP
    >>> [p.kind for p in problems if p.is_error]  # doctest: +SKIP
    ['range', 'duplicate-key']
    """
    return validate_report(path, table).problems


def validate_report(path: str | Path, table: str) -> ValidationResult:
    """Like :func:`validate_csv`, but also say how many data rows and columns were read.

    Examples
    --------
    >>> result = validate_report("penduduk.csv", "penduduk")  # doctest: +SKIP
    >>> result.ok, result.rows  # doctest: +SKIP
    (True, 7412)
    """
    key = normalise_name(table)
    if key not in _schema.SCHEMAS:
        names = list(_schema.SCHEMAS)
        close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
        hint = f" Mungkin maksud Anda '{close[0]}'?" if close else ""
        raise DataNotFoundError(f"Tabel '{table}' tidak ada.{hint} Pilihan: {', '.join(names)}.")
    path = Path(path)

    def only(kind: str, message: str, row: int | None = None) -> ValidationResult:
        return ValidationResult(key, path, [Problem(kind, row, None, message)])

    if not path.exists():
        return only("file-not-found", f"Berkas '{path}' tidak ditemukan. Periksa nama dan foldernya.")
    if not path.is_file():
        return only("not-a-file", f"'{path}' adalah folder, bukan berkas CSV.")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return only("too-large", f"Berkas '{path.name}' terlalu besar ({size // 2**20} MB; batas "
                    f"{MAX_FILE_BYTES // 2**20} MB). Pecah menjadi beberapa berkas.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return only("unreadable", f"Berkas '{path.name}' tidak dapat dibuka: {exc.strerror}.")

    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        return only("empty-file", f"Berkas '{path.name}' kosong. Isi baris 1 dengan judul kolom dan baris "
                    "berikutnya dengan data, lalu simpan sebagai CSV.")
    real = not_csv(data)
    if real:
        return only("not-csv", f"Berkas '{path.name}' bukan berkas CSV, melainkan {real}. Buka di program "
                    f"aslinya lalu simpan sebagai CSV. {SAVE_AS}")

    text, wrong_encoding = decode(data)
    text = text.lstrip("\ufeff")
    header = first_line(text)
    if not header.strip():
        return only("no-header", "Baris 1 kosong. Baris 1 harus berisi judul kolom (misalnya "
                    f"{', '.join(_schema.field_names(key)[:3])}, ...); hapus baris kosong di atasnya.", row=1)
    problems: list[Problem] = []
    delimiter = detect_delimiter(header, set(_schema.field_names(key)))
    if delimiter != ",":
        problems.append(Problem(
            "delimiter", 1, None,
            f"Baris 1: pemisah kolom di berkas ini adalah {DELIMITERS[delimiter]}, padahal yang diharapkan "
            f"koma (,). Simpan ulang dengan pemisah koma. {SAVE_AS}{DELIMITER_HINT.get(delimiter, '')} "
            "(Pemeriksaan berikut tetap memakai pemisah yang ditemukan.)", value=delimiter,
        ))
    labels = split_line(header, delimiter)
    if wrong_encoding:
        problems.append(encoding_problem(data, delimiter, wrong_encoding, labels))
    header_problems, mapping = _check_header(labels, key)
    problems.extend(header_problems)
    row_problems, rows = _row_problems(text, delimiter, labels, mapping, key)
    problems.extend(row_problems)
    problems.sort(key=lambda p: -1 if p.row is None else p.row)
    return ValidationResult(key, path, problems, rows=rows, columns=len(labels))


def summary(problems: list[Problem]) -> dict[str, Any]:
    """Counts for a report: errors, warnings and errors per column.

    Examples
    --------
    >>> summary([Problem("range", 2, "umur", "..."), Problem("extra-column", 1, "x", "...", "warning")])
    {'galat': 1, 'peringatan': 1, 'per_kolom': {'umur': 1}}
    """
    per_column: dict[str, int] = {}
    for p in problems:
        if p.is_error:
            per_column[p.column or "(berkas)"] = per_column.get(p.column or "(berkas)", 0) + 1
    errors = sum(p.is_error for p in problems)
    return {"galat": errors, "peringatan": len(problems) - errors, "per_kolom": per_column}


