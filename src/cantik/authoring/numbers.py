"""Numbers quoted in course text: computed from the data at write time, written the Indonesian way.

Authoring scripts quote a number only through :func:`angka` (or :func:`persen`, :func:`rupiah`), so the text
always matches the data it was written from (``cantik kursus tulis``). While a script runs with
``tandai=True`` (:func:`cantik.authoring.build.naskah`), every such number is wrapped in
:data:`TANDA_BUKA`/:data:`TANDA_TUTUP`; :func:`angka_tanpa_sumber` then finds the numbers that were typed
into the text instead (``tests/courses/test_angka.py``).

Examples
--------
>>> angka(7402), persen(4.537, 2), rupiah(644107)
('7.402', '4,54%', 'Rp644.107')
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

from cantik.helpers import format_number

#: Marks around every number written by :func:`angka` while :func:`tandai` is active.
TANDA_BUKA, TANDA_TUTUP = "\ue000", "\ue001"
_TANDAI: list[bool] = [False]


@contextlib.contextmanager
def tandai(aktif: bool = True) -> Iterator[None]:
    """Mark every number written by :func:`angka` inside the block (for the typed-number test).

    Examples
    --------
    >>> with tandai():
    ...     angka(12) == f"{TANDA_BUKA}12{TANDA_TUTUP}"
    True
    """
    before = _TANDAI[0]
    _TANDAI[0] = aktif
    try:
        yield
    finally:
        _TANDAI[0] = before


def angka(x: float, desimal: int = 0) -> str:
    """A number computed from the data, written the Indonesian way (EYD: ``7.402``, ``147,6``, ``−0,53``).

    The minus sign is the typographic ``−`` (U+2212); the digits come from
    :func:`cantik.helpers.format_number`.

    Examples
    --------
    >>> angka(7402), angka(147.61, 1), angka(-0.53, 2), angka(-0.001, 2)
    ('7.402', '147,6', '−0,53', '0,00')
    """
    teks = format_number(x, desimal)
    if teks.startswith("-"):
        teks = "\u2212" + teks[1:]
    return f"{TANDA_BUKA}{teks}{TANDA_TUTUP}" if _TANDAI[0] else teks


def persen(x: float, desimal: int = 1) -> str:
    """A percentage, EYD style without a space: ``persen(4.537, 2)`` → ``'4,54%'``."""
    return angka(x, desimal) + "%"


def rupiah(x: float) -> str:
    """Rupiah, EYD style: ``rupiah(644107)`` → ``'Rp644.107'``."""
    return "Rp" + angka(x, 0)


#: Numbers course text may contain without :func:`angka` because they are not data: headings and list
#: numbers, years, durations, law numbers, lengths of written answers, code.
_BUKAN_DATA = [re.compile(p, re.MULTILINE) for p in (
    r"`[^`]*`",                                   # code
    r"(?:^\s*#*\s*|→\s*)\d+\.\s",                  # "## 1. Judul", "1. langkah", "→ 2. langkah"
    r"[Mm]odul \d+(?:–\d+)?",                       # module numbers
    r"\d+/\d{4}",                                   # "Perpres 39/2019"
    r"(?<!\d)(?:19|20)\d\d(?!\d)",                  # years
    r"\d+\s*(?:×\s*\d+\s*)?menit",                   # durations
    r"\d+–\d+ (?:kalimat|kata)",                    # length of a written answer
    r"\(\d\)",                                      # "(1) … (2) …" enumerations
    r"Nomor \d+ Tahun",                             # laws
    r"Tabel \d+(?:\.\d+)?",                          # table numbers in a title
)]
_ANGKA = re.compile(r"(?<![\w.,\u2212-])[\u2212-]?\d+(?:[.,]\d+)*(?!\w)")


def angka_tanpa_sumber(teks: str, tetap: set[str]) -> list[str]:
    """Numbers in ``teks`` neither computed with :func:`angka` (written inside :func:`tandai`) nor listed
    in ``tetap`` (definitions such as age bands) nor plainly not data.

    Examples
    --------
    >>> teks = f"Umur 15–64; ada {TANDA_BUKA}7.402{TANDA_TUTUP} jiwa dan 291 pindah."
    >>> angka_tanpa_sumber(teks, {"15", "64"})
    ['291']
    """
    teks = re.sub(f"{TANDA_BUKA}.*?{TANDA_TUTUP}", " ", teks)
    for pola in _BUKAN_DATA:
        teks = pola.sub(" ", teks)
    return [n for n in _ANGKA.findall(teks) if n not in tetap]
