"""The mapping workbook a trainer fills in for ``cantik data impor`` (``pemetaan.xlsx``), and its template.

Sheet ``wilayah``: one row per profile field (``isian``, ``nilai``, ``keterangan``): the place's name,
type, kecamatan, …, the data source and its date. Sheet ``kolom``: one row per contract column
(``tabel``, ``kolom_kontrak``, ``judul``, ``berkas``, ``lembar``, ``kolom_berkas``): which file, sheet and
column of the village's own files hold it; rows whose ``kolom_berkas`` is empty are skipped, and a table
without any filled row is read from a file named like the table (``penduduk.xlsx``, ``keluarga.csv``)
whose columns follow the contract. The workbook is only read, never written (:func:`write_template`
writes a new one).

Examples
--------
>>> write_template(Path("/tmp/pemetaan.xlsx"))  # doctest: +SKIP
>>> m = read_mapping(Path("/tmp/pemetaan.xlsx"))  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cantik.data import schema
from cantik.errors import DataFormatError

#: Profile fields of the ``wilayah`` sheet: field → explanation shown in the template.
PROFILE_ROWS: dict[str, str] = {
    "nama": "Nama wilayah tanpa kata 'Desa'/'Kelurahan', misalnya Sungai Raya",
    "jenis": "desa atau kelurahan",
    "kecamatan": "Nama kecamatan",
    "kabupaten": "Nama kabupaten/kota",
    "provinsi": "Nama provinsi",
    "tahun_cantik": "Tahun menjadi lokus Desa/Kelurahan Cantik, misalnya 2026 (boleh kosong)",
    "satuan": "RT atau dusun",
    "jumlah_satuan": "Banyaknya RT/dusun (kosong: dihitung dari kolom rt tabel penduduk)",
    "pembanding": "Wilayah pembanding, dipisah koma (boleh kosong)",
    "sumber_data": "Asal data, misalnya 'Data kependudukan Pemerintah Desa Sungai Raya'",
    "tanggal_data": "Tanggal keadaan data, TTTT-BB-HH, misalnya 2026-01-31",
    "catatan": "Catatan lain (boleh kosong)",
}
COLUMN_HEADER = ["tabel", "kolom_kontrak", "judul", "berkas", "lembar", "kolom_berkas"]
#: Tables a village may import (the dirty teaching copy is not one of them).
IMPORTABLE = [t for t in schema.WILAYAH_TABLES if t != "penduduk_mentah"]


@dataclass
class Mapping:
    """What the mapping workbook says: the profile fields and, per table, where its columns are."""

    path: Path
    profile: dict[str, Any]
    #: table → (file name, sheet name or "", {contract column: file column})
    tables: dict[str, tuple[str, str, dict[str, str]]] = field(default_factory=dict)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_mapping(path: Path) -> Mapping:
    """Read a mapping workbook (only read).

    Raises
    ------
    DataFormatError
        Not an Excel workbook, a sheet missing, a table or contract column that does not exist, or two
        files for one table; each message names the workbook, sheet and row.
    """
    from cantik.data.spreadsheet import open_workbook

    workbook = open_workbook(path)
    try:
        missing = [s for s in ("wilayah", "kolom") if s not in workbook.sheetnames]
        if missing:
            raise DataFormatError(f"Berkas pemetaan {path.name} tidak punya lembar {', '.join(missing)}.",
                                  "Mulai dari templat: `cantik data templat pemetaan.xlsx`.")
        profile: dict[str, Any] = {}
        for number, row in enumerate(workbook["wilayah"].iter_rows(min_row=2, values_only=True), start=2):
            if not row or not _text(row[0]):
                continue
            name = _text(row[0])
            if name not in PROFILE_ROWS:
                raise DataFormatError(f"{path.name}, lembar wilayah, baris {number}: isian '{name}' tidak "
                                      f"dikenal. Yang dikenal: {', '.join(PROFILE_ROWS)}.")
            value = row[1] if len(row) > 1 else None
            if hasattr(value, "date"):  # a date cell
                value = value.date().isoformat()
            profile[name] = _text(value)
        mapping = Mapping(path, profile)
        rows = workbook["kolom"].iter_rows(values_only=True)
        header = [_text(v) for v in next(rows, ())]
        absent = [h for h in COLUMN_HEADER if h not in header]
        if absent:
            raise DataFormatError(f"{path.name}, lembar kolom, baris 1: judul kolom {', '.join(absent)} "
                                  "tidak "
                                  "ada.", "Mulai dari templat: `cantik data templat pemetaan.xlsx`.")
        at = {h: header.index(h) for h in COLUMN_HEADER}
        for number, row in enumerate(rows, start=2):
            cell = {h: _text(row[i]) if i < len(row) else "" for h, i in at.items()}
            if not cell["kolom_berkas"]:
                continue
            table, column = cell["tabel"], cell["kolom_kontrak"]
            where = f"{path.name}, lembar kolom, baris {number}"
            if table not in IMPORTABLE:
                raise DataFormatError(f"{where}: tabel '{table}' tidak dikenal. Pilihan: "
                                      f"{', '.join(IMPORTABLE)}.")
            if column not in schema.field_names(table):
                raise DataFormatError(f"{where}: tabel '{table}' tidak punya kolom '{column}'. Kolomnya: "
                                      f"{', '.join(schema.field_names(table))}.")
            if not cell["berkas"]:
                raise DataFormatError(f"{where}: isi 'berkas' (nama berkas yang memuat kolom "
                                      f"'{cell['kolom_berkas']}').")
            source = mapping.tables.setdefault(table, (cell["berkas"], cell["lembar"], {}))
            if source[:2] != (cell["berkas"], cell["lembar"]):
                raise DataFormatError(f"{where}: tabel '{table}' sudah diambil dari berkas '{source[0]}' "
                                      f"lembar '{source[1]}'; satu tabel harus dari satu berkas dan satu "
                                      "lembar.")
            source[2][column] = cell["kolom_berkas"]
        return mapping
    finally:
        workbook.close()


def write_template(path: Path) -> Path:
    """Write an empty mapping workbook: the ``wilayah`` sheet to fill in and every contract column.

    Raises
    ------
    CantikError
        ``path`` exists already (it is never overwritten).
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from cantik.errors import CantikError

    if path.exists():
        raise CantikError(f"'{path}' sudah ada; berkas yang ada tidak ditimpa.", "Pilih nama berkas lain.",
                          exit_code=2)
    workbook = Workbook()
    guide = workbook.active
    guide.title = "petunjuk"
    for line in (
        "Cara mengisi pemetaan untuk `cantik data impor FOLDER --wilayah KUNCI`:",
        "1. Lembar 'wilayah': isi kolom 'nilai' untuk setiap isian (nama, jenis, ..., sumber dan tanggal "
        "data).",
        "2. Lembar 'kolom': untuk setiap kolom baku yang ada di berkas Anda, isi 'berkas' (misalnya "
        "data_warga.xlsx), 'lembar' (nama sheet; kosong = sheet pertama) dan 'kolom_berkas' (judul "
        "kolom itu di berkas Anda, baris 1).",
        "3. Baris yang kolom_berkas-nya kosong dilewati. Tabel tanpa baris terisi dibaca dari berkas bernama "
        "seperti tabelnya (penduduk.xlsx atau penduduk.csv) dengan judul kolom baku.",
        "4. Tabel penduduk dan keluarga wajib ada; tabel lain boleh tidak ada.",
        "Berkas Anda hanya dibaca, tidak pernah diubah. Data nyata disimpan di folder data_nyata/ yang tidak "
        "masuk git.",
    ):
        guide.append([line])
    sheet = workbook.create_sheet("wilayah")
    sheet.append(["isian", "nilai", "keterangan"])
    for name, help_text in PROFILE_ROWS.items():
        sheet.append([name, None, help_text])
    columns = workbook.create_sheet("kolom")
    columns.append(COLUMN_HEADER)
    for table in IMPORTABLE:
        for f in schema.SCHEMAS[table]["fields"]:
            columns.append([table, f["name"], f.get("title", ""), None, None, None])
    for ws in (sheet, columns):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
    for letter, width in zip("ABCDEF", (18, 26, 40, 24, 16, 24), strict=True):
        columns.column_dimensions[letter].width = width
    for letter, width in zip("ABC", (16, 40, 70), strict=True):
        sheet.column_dimensions[letter].width = width
    guide.column_dimensions["A"].width = 120
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path
