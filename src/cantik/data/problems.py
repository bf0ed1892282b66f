"""Problems found in a village's CSV file and their Indonesian wording (:mod:`cantik.data.validate`):
:class:`Problem`, where it is (row, column letter and name), and what a type, enumeration or constraint
error means for the person who typed the cell."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from cantik.data import schema as _schema
from cantik.data.loader import normalise_name
from cantik.helpers import column_letter

ERROR = "error"
WARNING = "warning"

PATTERN_HELP = {
    _schema.NIK_PATTERN: "dua huruf kapital kode wilayah, tanda '-', huruf 'P', lalu lima angka "
    "(contoh: KU-P00001)",
    _schema.NO_KK_PATTERN: "dua huruf kapital kode wilayah, tanda '-', huruf 'K', lalu empat angka "
    "(contoh: KU-K0001)",
}
#: Common ways people write an enumeration value, per column: normalised text → the valid value.
ALIASES = {
    "jenis_kelamin": {
        "laki_laki": "L", "laki": "L", "lk": "L", "pria": "L", "l": "L",
        "perempuan": "P", "pr": "P", "wanita": "P", "p": "P",
    },
    "status_perkawinan": {
        "lajang": "Belum kawin", "belum_menikah": "Belum kawin", "bujang": "Belum kawin",
        "blm_kawin": "Belum kawin", "blm._kawin": "Belum kawin",
        "janda/duda_mati": "Cerai mati", "janda_mati": "Cerai mati", "duda_mati": "Cerai mati",
        "janda/duda_hidup": "Cerai hidup", "janda_hidup": "Cerai hidup", "duda_hidup": "Cerai hidup",
        "menikah": "Kawin", "sudah_menikah": "Kawin",
    },
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong (``severity="error"``) or worth a look (``"warning"``) in a checked file.

    Attributes
    ----------
    kind : str
        Stable English code, e.g. ``"delimiter"``, ``"encoding"``, ``"missing-column"``, ``"type"``,
        ``"date"``, ``"enum"``, ``"range"``, ``"duplicate-key"``, ``"required"``.
    row : int or None
        Spreadsheet row number (header = 1); None for the file as a whole.
    column : str or None
        Column name (the contract's name when the header was recognised).
    message : str
        Indonesian sentence naming the row and column and saying what to do.
    severity : str
        ``"error"`` (the file cannot be used as is) or ``"warning"``.
    value : str or None
        The offending cell's text, when there is one.
    """

    kind: str
    row: int | None
    column: str | None
    message: str
    severity: str = ERROR
    value: str | None = None

    @property
    def is_error(self) -> bool:
        """True for an error, False for a warning."""
        return self.severity == ERROR

    def __str__(self) -> str:
        return f"{'GALAT' if self.is_error else 'PERINGATAN'}  {self.message}"


def has_errors(problems: list[Problem]) -> bool:
    """True when at least one problem is an error (warnings alone leave a file usable)."""
    return any(p.is_error for p in problems)


def locate(row: int | None, number: int | None, name: str | None) -> str:
    parts = []
    if row is not None:
        parts.append(f"Baris {row}")
    if name is not None:
        parts.append(f"kolom {column_letter(number)} '{name}'" if number else f"kolom '{name}'")
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def quote_list(values: list[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)



def type_message(field: dict[str, Any], value: str) -> tuple[str, str]:
    """(kind, advice) for a cell whose text does not parse as the field's type."""
    ftype = field.get("type")
    stripped = value.strip()
    if stripped != value and stripped:
        return "type", f"ada spasi di awal atau akhir isian '{value}'. Hapus spasi itu."
    if ftype == "integer":
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", stripped):
            return "type", (f"isinya '{value}'. Tulis bilangan bulat tanpa titik pemisah ribuan, misalnya "
                            f"{stripped.replace('.', '')}.")
        if re.fullmatch(r"-?\d+[.,]\d+", stripped):
            return "type", f"isinya '{value}', padahal kolom ini harus berisi bilangan bulat (tanpa desimal)."
        return "type", (f"isinya '{value}', padahal kolom ini harus berisi bilangan bulat (misalnya 25). "
                        "Ganti dengan angka.")
    if ftype == "number":
        if re.fullmatch(r"-?\d+,\d+", stripped):
            return "type", (f"isinya '{value}'. Pakai titik sebagai pemisah desimal: "
                            f"{stripped.replace(',', '.')}.")
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", stripped):
            fixed = stripped.replace(".", "").replace(",", ".")
            return "type", (f"isinya '{value}'. Tulis angka tanpa titik pemisah ribuan dan dengan titik "
                            f"sebagai pemisah desimal: {fixed}.")
        return "type", (f"isinya '{value}', padahal kolom ini harus berisi angka (misalnya 84.5). "
                        "Ganti dengan angka.")
    if ftype == "date":
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", stripped):
            return "date", (f"tanggal '{value}' tidak ada di kalender (periksa bulan dan harinya; "
                            "misalnya Februari hanya sampai tanggal 28 atau 29).")
        example = "2025-06-30"
        m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", stripped)
        if m:
            day, month = int(m.group(1)), int(m.group(2))
            if month > 12 >= day:  # written month first, e.g. 6/30/2025
                day, month = month, day
            if 1 <= day <= 31 and 1 <= month <= 12:
                example = f"{m.group(3)}-{month:02d}-{day:02d}"
        return "date", (f"tanggal '{value}' tidak sesuai format. Tulis tanggal sebagai TTTT-BB-HH "
                        f"(YYYY-MM-DD: tahun-bulan-hari), misalnya {example}. Di Excel, format sel "
                        "sebagai Teks atau format khusus yyyy-mm-dd sebelum menyimpan.")
    if ftype == "yearmonth":
        return "date", (f"isinya '{value}'. Tulis tahun dan bulan sebagai TTTT-BB (YYYY-MM), "
                        "misalnya 2025-06.")
    if ftype == "boolean":
        return "type", f"isinya '{value}', padahal kolom ini harus berisi true atau false."
    return "type", f"isinya '{value}' tidak sesuai jenis kolom ini ({ftype})."


def enum_message(field: dict[str, Any], value: str) -> str:
    allowed = list(field["constraints"]["enum"])
    text = f"isian '{value}' tidak termasuk pilihan. Pilihan yang sah: {quote_list(allowed)}."
    stripped = value.strip()
    lowered = {v.lower(): v for v in allowed}
    alias = ALIASES.get(field["name"], {}).get(normalise_name(stripped))
    if stripped in allowed:
        return text + f" Hapus spasi di awal/akhir: tulis '{stripped}'."
    if stripped.lower() in lowered:
        spaces = ", tanpa spasi di awal/akhir" if stripped != value else ""
        return text + f" Tulis persis '{lowered[stripped.lower()]}' (huruf besar/kecil harus sama{spaces})."
    if alias:
        return text + f" Untuk '{value}' tulis '{alias}'."
    close = difflib.get_close_matches(stripped.lower(), list(lowered), n=1, cutoff=0.6)
    if close:
        return text + f" Mungkin maksud Anda '{lowered[close[0]]}'?"
    return text


def constraint_message(field: dict[str, Any], value: str, note: str) -> tuple[str, str]:
    found = re.search(r'constraint "(\w+)"', note)
    constraint = found.group(1) if found else ""
    constraints = field.get("constraints", {})
    if constraint == "required":
        return "required", "kosong, padahal wajib diisi. Lengkapi isian ini."
    if constraint == "enum":
        return "enum", enum_message(field, value)
    if constraint in ("minimum", "maximum"):
        low, high = constraints.get("minimum"), constraints.get("maximum")
        if low is not None and high is not None:
            limits = f"harus antara {low} dan {high}"
        elif low is not None:
            limits = f"tidak boleh kurang dari {low}"
        else:
            limits = f"tidak boleh lebih dari {high}"
        return "range", f"nilai {value} di luar batas yang diizinkan ({limits}). Periksa kembali isian ini."
    if constraint == "pattern":
        pattern = constraints.get("pattern", "")
        want = PATTERN_HELP.get(pattern, f"pola {pattern}")
        return "pattern", f"isian '{value}' tidak sesuai bentuk yang diminta: {want}."
    if constraint in ("minLength", "maxLength"):
        return "length", f"panjang isian '{value}' tidak sesuai ({constraint} {constraints.get(constraint)})."
    return "constraint", f"isian '{value}' tidak memenuhi aturan kolom ini ({note})."


