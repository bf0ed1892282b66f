"""Reading numbers typed by visitors the Indonesian way: the one parser every app input uses.

Indonesians write a dot between thousands and a comma before decimals: "1.000" is a thousand and "1,5"
is one and a half. A form that has one reading only is accepted ("85.5" cannot be thousands: a dot
followed by one or two digits is a decimal point); a form with two readings ("1,000": a thousand written
the English way, or one written with three decimals) or a broken one ("1.00.0") is refused with a message
that says how to write it.

Examples
--------
>>> parse_number("1.000", "Angka awal")
1000.0
>>> parse_number("1,5", "Angka awal")
1.5
>>> try:
...     parse_number("1,000", "Angka awal")
... except UserInputError as exc:
...     print(exc)  # doctest: +NORMALIZE_WHITESPACE
Angka awal "1,000" bisa dibaca dua cara: 1.000 (titik untuk ribuan) atau 1 (koma untuk desimal).
Tulis salah satunya.
"""

from __future__ import annotations

import math
import re

from cantik.apps.messages import UserInputError

_SIGN = r"(?P<sign>[+\-−]?)"
#: Whole number, or a whole number with a decimal comma: 85  85,5  0,25
_PLAIN = re.compile(_SIGN + r"(?P<int>\d+)(?:,(?P<frac>\d+))?$")
#: Thousands with dots, optional decimal comma: 1.000  12.500,75  (first group 1-3 digits, not 0)
_GROUPED = re.compile(_SIGN + r"(?P<int>[1-9]\d{0,2}(?:\.\d{3})+)(?:,(?P<frac>\d+))?$")
#: A decimal point, which cannot be a thousands dot (not followed by exactly three digits): 85.5  0.500
_POINT = re.compile(_SIGN + r"(?P<int>\d+)\.(?P<frac>\d+)$")
#: A comma before exactly three digits: "1,000" is a thousand (English) or one (Indonesian).
_AMBIGUOUS_COMMA = re.compile(r"[+\-−]?[1-9]\d{0,2},\d{3}$")

_HOW = "Tulis angka dengan koma untuk desimal, misalnya 85,5, dan titik untuk ribuan, misalnya 1.000."


def parse_number(text: str | float | int, what: str, *, percent: bool = False) -> float:
    """Read a number typed by a visitor; raise :class:`UserInputError` naming ``what`` if it cannot be read.

    Parameters
    ----------
    text
        What was typed (a number is taken as it is).
    what
        The name of the field, used in the messages ("Tinggi badan").
    percent
        Accept a ``%`` after the number ("4,54%").

    Examples
    --------
    >>> parse_number("12.500,75", "Pengeluaran")
    12500.75
    >>> parse_number(" 85.5 ", "Tinggi badan")
    85.5
    >>> parse_number("4,54%", "Angka awal", percent=True)
    4.54
    >>> parse_number("−0,5", "Perubahan")
    -0.5
    """
    if isinstance(text, bool):
        raise UserInputError(f"{what} harus berupa angka. {_HOW}")
    value = float(text) if isinstance(text, int | float) else _parse_text(str(text), what, percent)
    if not math.isfinite(value):
        raise UserInputError(f"{what} harus berupa angka biasa. {_HOW}")
    return value


def _parse_text(raw: str, what: str, percent: bool) -> float:
    cleaned = re.sub(r"\s+", "", raw.replace("\u00a0", " "))
    if percent and cleaned.endswith("%"):
        cleaned = cleaned[:-1]
    if not cleaned:
        raise UserInputError(f"{what} belum diisi.")
    if _AMBIGUOUS_COMMA.match(cleaned):
        whole, frac = cleaned.lstrip("+-−").split(",")
        decimal = f"{whole},{frac}".rstrip("0").rstrip(",")
        raise UserInputError(
            f'{what} "{raw.strip()}" bisa dibaca dua cara: {whole}.{frac} (titik untuk ribuan) atau '
            f"{decimal} (koma untuk desimal). Tulis salah satunya."
        )
    for pattern in (_PLAIN, _GROUPED, _POINT):
        match = pattern.match(cleaned)
        if match:
            whole = match["int"].replace(".", "")
            frac = match["frac"] or "0"
            value = float(f"{whole}.{frac}")
            return -value if match["sign"] in ("-", "−") else value
    if "," in cleaned and "." in cleaned:
        raise UserInputError(
            f'{what} "{raw.strip()}" tidak bisa dibaca: pakai titik hanya untuk ribuan dan koma hanya '
            f"untuk desimal, misalnya 1.234,5."
        )
    raise UserInputError(f"{what} harus berupa angka. {_HOW}")
