"""Sniffing a CSV file before it is read (:mod:`cantik.data.validate`): empty, not a CSV at all (a
workbook renamed ``.csv``), not UTF-8, which delimiter; each with an Indonesian problem and the fix."""

from __future__ import annotations

import csv

from cantik.data.loader import normalise_name
from cantik.data.problems import Problem, locate

DELIMITERS = {",": "koma (,)", ";": "titik koma (;)", "\t": "tab", "|": "garis tegak (|)"}
DELIMITER_HINT = {
    ";": " Bila Excel tetap memakai titik koma (pengaturan wilayah Indonesia), ubah 'Pemisah daftar' (List "
    "separator) menjadi koma di pengaturan Wilayah Windows, atau unduh sebagai CSV dari Google Sheets.",
    "\t": " Pemisah tab biasanya berasal dari pilihan 'Text (Tab delimited)' atau 'Unicode Text': jangan "
    "pakai pilihan itu.",
}
SAVE_AS = "Di Excel: File > Save As (Simpan Sebagai) > pilih jenis 'CSV UTF-8 (Comma delimited) (*.csv)'."

# --------------------------------------------------------------------------------------------- file level


def not_csv(data: bytes) -> str | None:
    """Describe the real kind of a binary file, or None when it may be text."""
    head = data[:8192]
    if head.startswith(b"PK\x03\x04"):
        if b"xl/" in data[:200_000] or b"[Content_Types].xml" in head:
            kind = "buku kerja Excel (.xlsx)"
        elif b"opendocument.spreadsheet" in head:
            kind = "lembar kerja LibreOffice/OpenOffice (.ods)"
        else:
            kind = "arsip ZIP (atau dokumen Office)"
        return kind
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "buku kerja Excel lama (.xls)"
    if head.startswith(b"%PDF"):
        return "dokumen PDF"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "gambar"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 text: handled as an encoding problem
    if b"\x00" in head:
        return "berkas biner (bukan teks)"
    return None


def decode(data: bytes) -> tuple[str, str | None]:
    """Text of ``data`` and the name of the wrong encoding it was saved in (None for UTF-8)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16 (Unicode Text)"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252/Latin-1 (ANSI)"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1 (ISO-8859-1)"


def first_line(text: str) -> str:
    return text.split("\n", 1)[0].rstrip("\r")


def split_line(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def detect_delimiter(header: str, names: set[str]) -> str:
    """The delimiter that splits ``header`` into the most known column names (ties: more columns)."""
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS:
        if delimiter != "," and delimiter not in header:
            continue
        cells = split_line(header, delimiter)
        known = sum(normalise_name(c) in names for c in cells)
        score = (known, len(cells))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def encoding_problem(data: bytes, delimiter: str, encoding: str, labels: list[str]) -> Problem:
    """Point at the first line (and cell) that is not valid UTF-8."""
    if encoding.startswith("UTF-16"):
        return Problem(
            "encoding", None, None,
            f"Berkas disimpan dengan pengodean {encoding}, bukan UTF-8. Simpan ulang sebagai UTF-8. "
            f"{SAVE_AS}",
        )
    bad_rows: list[int] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            bad_rows.append(number)
    row = bad_rows[0]
    line = data.split(b"\n")[row - 1].rstrip(b"\r").decode("cp1252", errors="replace")
    column = value = None
    number = None
    for i, cell in enumerate(split_line(line, delimiter), start=1):
        try:
            cell.encode("cp1252", errors="strict").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            number, value = i, cell
            column = labels[i - 1] if i <= len(labels) else None
            break
    others = f" Ada {len(bad_rows) - 1} baris lain dengan masalah yang sama." if len(bad_rows) > 1 else ""
    shown = f" (isi: '{value}')" if value is not None else ""
    return Problem(
        "encoding", row, column,
        f"{locate(row, number, column)}{shown}: berkas tidak tersimpan sebagai UTF-8, melainkan "
        f"kemungkinan {encoding}, sehingga huruf khusus seperti é atau tanda – bisa berubah. Simpan berkas "
        f"sebagai UTF-8. {SAVE_AS}{others}",
        value=value,
    )


