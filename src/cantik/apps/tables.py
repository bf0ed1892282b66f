"""The data the apps read: cached synthetic tables, the places to choose from, residents per RT.

Apps only read the tables, so each is loaded once per kernel (one visitor).
"""

from __future__ import annotations

import functools
from typing import Any

from cantik.data.schema import REFERENCE_DATE, WILAYAH


@functools.lru_cache(maxsize=32)
def load_table(table: str, wilayah: str | None = None) -> Any:
    """:func:`cantik.data.load`, cached for the life of the kernel (apps only read the tables)."""
    from cantik.data import load

    return load(table, wilayah=wilayah)


def wilayah_options() -> list[tuple[str, str]]:
    """``(label, key)`` pairs of the places with person-level tables, for a ``Dropdown``."""
    return [(label, key) for key, label in WILAYAH.items()]


def place_name(wilayah: str) -> str:
    """The place's name as shown ("Kelurahan Kandangan Utara")."""
    return WILAYAH.get(wilayah, wilayah)


@functools.lru_cache(maxsize=8)
def residents_by_rt(wilayah: str) -> Any:
    """Residents per RT (a ``Series`` indexed by RT number) from the place's penduduk table."""
    penduduk = load_table("penduduk", wilayah)
    return penduduk.groupby("rt", observed=True).size().rename("penduduk").sort_index()


def reference_date_text() -> str:
    """The reference date of the synthetic tables, as Indonesians write it (``30-06-2025``)."""
    year, month, day = REFERENCE_DATE.split("-")
    return f"{day}-{month}-{year}"
