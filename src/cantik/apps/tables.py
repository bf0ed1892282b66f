"""The data the apps read: cached tables of a place, residents per RT, the date of the data.

The places to choose from: :mod:`cantik.apps.place`.

Apps only read the tables, so each is loaded once per kernel (one visitor).
"""

from __future__ import annotations

import functools
from typing import Any

from cantik.data.schema import REFERENCE_DATE


@functools.lru_cache(maxsize=32)
def load_table(table: str, wilayah: str | None = None) -> Any:
    """:func:`cantik.data.load`, cached for the life of the kernel (apps only read the tables)."""
    from cantik.data import load

    return load(table, wilayah=wilayah)


@functools.lru_cache(maxsize=8)
def residents_by_rt(wilayah: str) -> Any:
    """Residents per RT (a ``Series`` indexed by RT number) from the place's penduduk table."""
    penduduk = load_table("penduduk", wilayah)
    return penduduk.groupby("rt", observed=True).size().rename("penduduk").sort_index()


def reference_date_text(wilayah: str | None = None) -> str:
    """The reference date of a place's tables (its profile's data date; default: the synthetic tables'),
    as Indonesians write it (``30-06-2025``)."""
    from cantik.apps.place import profile

    when = (profile(wilayah).source_date if wilayah else None) or REFERENCE_DATE
    year, month, day = when.split("-")
    return f"{day}-{month}-{year}"
