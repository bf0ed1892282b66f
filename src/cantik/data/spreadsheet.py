"""A village's spreadsheet, read as text rows: an Excel sheet (``openpyxl``, read-only, values not
formulas) or a CSV file (:mod:`cantik.data.sniff` for its encoding and delimiter). Cells are written the
way the column contract writes them (dates ``TTTT-BB-HH``, whole numbers without ``.0``). Files are only
read; every failure is an Indonesian :class:`~cantik.errors.DataFormatError` naming the file.

Examples
--------
>>> where, rows = read_table(Path("data_warga.xlsx"), "Penduduk")  # doctest: +SKIP
>>> rows[0][:3]  # doctest: +SKIP
['NIK', 'No KK', 'RT']
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from cantik.errors import DataFormatError

EXCEL = (".xlsx", ".xlsm")


def open_workbook(path: Path) -> Any:
    """Open an Excel workbook read-only with values (not formulas); an Indonesian error if it is not one."""
    from openpyxl import load_workbook

    from cantik.data.sniff import not_csv

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError as exc:
        raise DataFormatError(f"Berkas {path.name} tidak ditemukan di {path.parent}.") from exc
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        try:
            kind = not_csv(path.read_bytes()[:200_000]) or "berkas teks"
        except OSError:
            kind = "berkas yang tidak bisa dibaca"
        raise DataFormatError(
            f"Berkas {path.name} bukan buku kerja Excel (.xlsx) yang bisa dibaca: isinya {kind}.",
            "Buka berkas itu di program aslinya lalu simpan sebagai 'Excel Workbook (*.xlsx)' atau "
            "'CSV UTF-8'.") from exc
    except Exception as exc:  # openpyxl's InvalidFileException and friends
        raise DataFormatError(f"Berkas {path.name} tidak bisa dibuka sebagai buku kerja Excel (.xlsx): "
                              f"{exc}.",
                              "Simpan ulang sebagai 'Excel Workbook (*.xlsx)'.") from exc


def _cell_text(value: Any) -> str:
    """An Excel cell as the contract writes it: dates ``TTTT-BB-HH``, whole numbers without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def read_table(path: Path, sheet: str = "") -> tuple[str, list[list[str]]]:
    """The rows (header first) of a CSV file or an Excel sheet as text, and how to name the place
    in messages ("penduduk.xlsx, lembar Data").

    Raises
    ------
    DataFormatError
        Missing file, not Excel/CSV, unknown sheet, empty sheet or file.
    """
    if not path.is_file():
        raise DataFormatError(f"Berkas {path.name} tidak ditemukan di {path.parent}.",
                              "Periksa nama berkas di lembar 'kolom' pemetaan atau nama berkas di folder.")
    if path.suffix.lower() in EXCEL:
        workbook = open_workbook(path)
        try:
            if sheet and sheet not in workbook.sheetnames:
                raise DataFormatError(f"Berkas {path.name} tidak punya lembar '{sheet}'. Lembarnya: "
                                      f"{', '.join(workbook.sheetnames)}.")
            ws = workbook[sheet] if sheet else workbook.worksheets[0]
            where = f"{path.name}, lembar {ws.title}"
            rows = [[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
        finally:
            workbook.close()
    elif path.suffix.lower() in (".csv", ".txt"):
        from cantik.data.sniff import decode, detect_delimiter, first_line, not_csv

        data = path.read_bytes()
        kind = not_csv(data)
        if kind:
            raise DataFormatError(f"Berkas {path.name} bukan CSV, melainkan {kind}.",
                                  "Beri nama akhiran yang sesuai (.xlsx) atau simpan ulang sebagai CSV "
                                  "UTF-8.")
        text = decode(data)[0].lstrip("\ufeff")
        where = path.name
        delimiter = detect_delimiter(first_line(text), set())
        rows = [[c.strip() for c in r] for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    else:
        raise DataFormatError(f"Berkas {path.name}: jenis berkas '{path.suffix}' tidak dikenal.",
                              "Pakai berkas Excel (.xlsx) atau CSV (.csv).")
    while rows and not any(rows[-1]):
        rows.pop()
    if not rows or not any(rows[0]):
        raise DataFormatError(f"{where} kosong atau baris 1-nya kosong. Baris 1 harus berisi judul kolom, "
                              "baris berikutnya data.")
    return where, rows
