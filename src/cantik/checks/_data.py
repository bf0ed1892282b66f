"""Tables the checks compute expected answers from, loaded once per session with :func:`cantik.data.load`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any


@functools.cache
def _load(table: str, wilayah: str | None) -> Any:
    from cantik.data import load

    return load(table, wilayah=wilayah)


def per_tempat(f: Callable[[], Any]) -> Callable[[], Any]:
    """``f`` computed once per place (the active place of :func:`cantik.data.active_wilayah`): expected
    values and catalogue values cached for one place are never served for another.

    Examples
    --------
    >>> n = per_tempat(lambda: len(tabel("penduduk")))
    >>> n() == n()
    True
    """
    from cantik.data.loader import active_wilayah

    cached = functools.cache(lambda _place: f())

    @functools.wraps(f)
    def wrapper() -> Any:
        return cached(active_wilayah())

    wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]  # as functools.cache's
    return wrapper


def jenis_tempat() -> str:
    """"desa" or "kelurahan": the type of the active place (for the words of option texts)."""
    from cantik.data.loader import active_wilayah
    from cantik.data.profile import load_profile

    return load_profile(active_wilayah()).kind


def kata_tempat(text: str) -> str:
    """``text`` (written for a place in RT) worded for the active place's unit: "Dusun 3", "per dusun"
    (:func:`cantik.data.profile.unit_words`). Messages and hints pass through here before a learner reads
    them.

    Examples
    --------
    >>> kata_tempat("Itu rata-rata umur per RT.")  # the default place is divided into RT
    'Itu rata-rata umur per RT.'
    """
    from cantik.data.loader import active_wilayah
    from cantik.data.profile import load_profile, unit_words

    return unit_words(text, load_profile(active_wilayah()).unit) if "RT" in text else text


def _place(table: str, wilayah: str | None) -> str:
    """The place a table is read from (the active place unless named: see cantik.data.pakai_wilayah), so the
    cache keeps each place's tables apart."""
    from cantik.data.loader import resolve

    return resolve(table, wilayah)[1]


def tabel(table: str, wilayah: str | None = None) -> Any:
    """A *copy* of the synthetic table of the active place (callers may change it freely)."""
    return _load(table, _place(table, wilayah)).copy()


def kolom(table: str, name: str, wilayah: str | None = None) -> Any:
    """A copy of one column of a table (cheaper than copying the whole table)."""
    return _load(table, _place(table, wilayah))[name].copy()


def ind() -> Any:
    """:mod:`cantik.indicators`, imported on first use (expected answers come only from there)."""
    from cantik import indicators

    return indicators


def deret(series: Any) -> Any:
    """A pandas Series as :class:`cantik.checks.plain.Deret` (expected values use the same plain form)."""
    from cantik.checks.plain import ke_polos

    return ke_polos(series)
