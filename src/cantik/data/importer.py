"""``cantik data impor``: a village's own files (CSV or Excel) become a real place's tables.

The trainer's folder holds the village's files and, usually, the mapping workbook
(:mod:`cantik.data.mapping`). Each table is read from its file and sheet (Excel through ``openpyxl``,
read-only; CSV through :mod:`cantik.data.sniff`), its columns renamed by the mapping, then checked with
the data validator (:func:`cantik.data.validate.validate_report`) on a copy that keeps the file's own
column order, so each message names the trainer's file, sheet, row and column letter. When every table
passes, the tables (contract columns, UTF-8 CSV), ``datapackage.json`` (validated with ``frictionless``,
keys between tables included) and ``wilayah.json`` are written to ``<real-data folder>/<key>/``
(:func:`cantik.paths.real_data_dir`, git-ignored). Nothing in the trainer's folder is ever written.

Examples
--------
>>> result = import_place(Path("data_desa"), "sungai_raya")  # doctest: +SKIP
>>> result.ok, result.folder  # doctest: +SKIP
(True, PosixPath('.../data_nyata/sungai_raya'))
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cantik.data import schema
from cantik.data.loader import normalise_name
from cantik.data.mapping import IMPORTABLE, Mapping, read_mapping
from cantik.data.spreadsheet import EXCEL, read_table
from cantik.errors import DataFormatError

REQUIRED = ("penduduk", "keluarga")
MAPPING_FILE = "pemetaan.xlsx"


@dataclass
class ImportResult:
    """What :func:`import_place` did: the problems (Indonesian), the rows per table, the folder written."""

    key: str
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    folder: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def _find_file(folder: Path, table: str) -> Path | None:
    found = [p for p in sorted(folder.iterdir()) if p.is_file() and normalise_name(p.stem) == table
             and p.suffix.lower() in (*EXCEL, ".csv")]
    return found[0] if found else None


def _stage(rows: list[list[str]], renames: dict[str, str]) -> tuple[str, dict[str, str]]:
    """The rows as CSV text with the mapped header names (column order kept), and contract → file title."""
    header = list(rows[0])
    shown: dict[str, str] = {}
    for contract, title in renames.items():
        header[header.index(title)] = contract
        shown[contract] = title
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    width = len(header)
    for row in rows[1:]:
        writer.writerow((row + [""] * width)[:width] if len(row) < width else row)
    return buf.getvalue(), shown


def _contract_csv(staged: str, table: str) -> tuple[bytes, int]:
    """The staged rows with the contract's columns, in contract order (UTF-8 CSV bytes); an optional column
    the village does not have stays empty."""
    rows = list(csv.DictReader(io.StringIO(staged)))
    names = schema.field_names(table)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=names, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    kept = 0
    for r in rows:
        if any((v or "").strip() for v in r.values()):
            writer.writerow({n: r.get(n) or "" for n in names})
            kept += 1
    return buf.getvalue().encode("utf-8"), kept


def _check_table(folder: Path, table: str, mapping: Mapping | None, work: Path,
                 result: ImportResult) -> bytes | None:
    """Read, rename and validate one table; its contract CSV bytes, or None (problems recorded)."""
    from cantik.data.validate import validate_report

    source = mapping.tables.get(table) if mapping else None
    if source:
        path, sheet, renames = folder / source[0], source[1], source[2]
    else:
        found = _find_file(folder, table)
        if found is None:
            if table in REQUIRED:
                result.problems.append(f"Tabel '{table}' wajib ada, tetapi tidak ada berkas {table}.xlsx "
                                       f"atau {table}.csv di folder, dan lembar 'kolom' pemetaan tidak "
                                       "menyebutnya.")
            return None
        path, sheet, renames = found, "", {}
    try:
        where, rows = read_table(path, sheet)
    except DataFormatError as exc:
        result.problems.append(str(exc))
        return None
    header = rows[0]
    missing = [f"'{title}' (untuk {contract})" for contract, title in renames.items() if title not in header]
    if missing:
        result.problems.append(
            f"{where}: kolom {', '.join(missing)} yang disebut pemetaan tidak ada di baris 1. Judul kolom "
            f"yang ada: {', '.join(repr(h) for h in header if h)}. Perbaiki 'kolom_berkas' di lembar 'kolom' "
            f"{mapping.path.name if mapping else ''} atau judul kolom di berkas.")
        return None
    staged, shown = _stage(rows, renames)
    staged_path = work / f"{table}.csv"
    staged_path.write_text(staged, encoding="utf-8")
    report = validate_report(staged_path, table)
    for problem in report.problems:
        message = problem.message
        for contract, title in shown.items():
            message = re.sub(rf"kolom ([A-Z]+) '{re.escape(contract)}'", rf"kolom \1 '{title}' ({contract})",
                             message)
        line = f"{where}: {message}"
        (result.problems if problem.is_error else result.warnings).append(line)
    if not report.ok:
        return None
    data, count = _contract_csv(staged, table)
    result.rows[table] = count
    return data


def _profile(key: str, mapping: Mapping | None, tables: dict[str, bytes], result: ImportResult) -> Any:
    from cantik.data.profile import parse

    if mapping is None:
        result.problems.append(f"Berkas pemetaan ({MAPPING_FILE}) tidak ada: nama wilayah, jenis, sumber dan "
                               "tanggal data diisi di lembar 'wilayah'-nya. Buat dengan `cantik data templat "
                               f"{MAPPING_FILE}`.")
        return None
    fields: dict[str, Any] = {k: v for k, v in mapping.profile.items() if v != ""}
    if "jumlah_satuan" not in fields and "penduduk" in tables:
        rts = {int(r["rt"]) for r in csv.DictReader(io.StringIO(tables["penduduk"].decode("utf-8")))}
        fields["jumlah_satuan"] = max(rts) if rts else 0
    for number_field in ("jumlah_satuan", "tahun_cantik"):
        value = fields.get(number_field)
        if isinstance(value, str) and value.isdigit():
            fields[number_field] = int(value)
    others = str(fields.get("pembanding", "")).split(",")
    fields["pembanding"] = [normalise_name(x) for x in others if x.strip()]
    if "jenis" in fields:
        fields["jenis"] = str(fields["jenis"]).lower()
    present = [t for t in IMPORTABLE if t in tables]
    data = {"kunci": key, **fields, "sintetis": False, "tabel_ada": present}
    try:
        return parse(data, f"{mapping.path.name} (lembar wilayah)")
    except DataFormatError as exc:
        result.problems.append(str(exc))
        return None


def import_place(folder: Path, key: str, mapping_path: Path | None = None) -> ImportResult:
    """Import a village's files from ``folder`` as the real place ``key`` (see the module docstring).

    Parameters
    ----------
    folder : Path
        The trainer's folder (only read).
    key : str
        The place's key, e.g. ``"sungai_raya"`` (not one of the synthetic places).
    mapping_path : Path, optional
        The mapping workbook (default ``folder/pemetaan.xlsx``).

    Returns
    -------
    ImportResult
        ``ok`` and the folder written, or the problems (then nothing was written).
    """
    from cantik.data import package, profile
    from cantik.paths import datasets_dir, real_data_dir

    key = normalise_name(key)
    result = ImportResult(key)
    if not re.match(profile.KEY_PATTERN, key):
        result.problems.append(f"Kunci wilayah '{key}' hanya boleh huruf kecil, angka dan garis bawah, "
                               "diawali "
                               "huruf (misalnya sungai_raya).")
        return result
    if key in schema.WILAYAH or key == schema.KECAMATAN or (datasets_dir() / key).exists():
        result.problems.append(f"'{key}' sudah dipakai wilayah sintetis; pilih kunci lain untuk data nyata.")
        return result
    folder = Path(folder)
    if not folder.is_dir():
        result.problems.append(f"Folder '{folder}' tidak ditemukan.")
        return result
    mapping_path = mapping_path or folder / MAPPING_FILE
    mapping = None
    if mapping_path.exists():
        try:
            mapping = read_mapping(mapping_path)
        except DataFormatError as exc:
            result.problems.append(str(exc))
            return result
    tables: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="cantik-impor-") as tmp:
        work = Path(tmp)
        for table in IMPORTABLE:
            data = _check_table(folder, table, mapping, work, result)
            if data is not None:
                tables[table] = data
        place = _profile(key, mapping, tables, result)
        if not result.ok:
            return result
        stage = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=_ensure(real_data_dir())))
        try:
            for table, data in tables.items():
                (stage / f"{table}.csv").write_bytes(data)
            (stage / profile.PROFILE_FILE).write_bytes(profile.dumps(place))
            (stage / "datapackage.json").write_bytes(package.dumps(package.descriptor(key, wilayah=place)))
            errors = package.validate(stage)
            if errors:
                result.problems.extend(f"Antartabel (kunci penghubung): {e}" for e in errors)
                return result
            target = real_data_dir() / key
            if target.exists():
                shutil.rmtree(target)
            stage.rename(target)
            result.folder = target
        finally:
            if stage.exists():
                shutil.rmtree(stage)
    return result


def _ensure(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder
