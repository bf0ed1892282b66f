"""Exploit-resistant conversion of a learner's answer to plain Python data.

Every check converts the learner's value with :func:`ke_polos` *before* comparing, and compares only plain
``int``/``float``/``str``/``bool``/``None``, tuples, lists, dicts and :class:`Tabel`. The conversion accepts
exact built-in, numpy and pandas types only and reads them through the base classes' own methods, so an object
that overrides ``__eq__``, ``__float__``, ``__len__`` or ``tolist`` earns nothing: it is either read for its
honest underlying value (a ``float`` subclass is read with ``float.__float__``) or refused.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any


class JawabanDitolak(TypeError):
    """The learner's value is of a kind a check cannot read safely (message in Indonesian)."""


@dataclass(frozen=True)
class Tabel:
    """A DataFrame as plain data: column names and rows of plain values (index moved into columns).

    Examples
    --------
    >>> import pandas as pd
    >>> ke_polos(pd.DataFrame({"rt": [1, 2], "n": [3, 4]}))
    Tabel(kolom=('rt', 'n'), baris=((1, 3), (2, 4)))
    """

    kolom: tuple[Any, ...]
    baris: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True)
class Deret:
    """A Series (or dict) as plain data: labels and values in their original order, plus its name."""

    label: tuple[Any, ...]
    nilai: tuple[Any, ...]
    nama: Any = None


_MAX_ITEMS = 1_000_000


def _nama_jenis(value: Any) -> str:
    return type(value).__name__


def _scalar(value: Any) -> Any:
    """Plain scalar from an exact built-in/numpy scalar, or raise :class:`JawabanDitolak`."""
    t = type(value)
    if value is None or t is bool or t is str:
        return value
    if t is int:
        return int.__int__(value)
    if t is float:
        return float.__float__(value)
    if isinstance(value, bool):  # subclass of bool cannot exist, kept for clarity
        return bool(value)
    if isinstance(value, int):  # int subclass (e.g. an overriding trick): read the honest value
        return int.__int__(value)
    if isinstance(value, float):
        return float.__float__(value)
    if isinstance(value, str):
        return str.__str__(value)
    np = _numpy()
    if isinstance(value, np.generic):
        arr = np.asarray(value)
        if arr.dtype.kind in "biuf":
            item = arr.astype(float if arr.dtype.kind == "f" else arr.dtype).tolist()
            return bool(item) if arr.dtype.kind == "b" else item
        if arr.dtype.kind in "US":
            return str(arr.astype(str).tolist())
        if arr.dtype.kind in "mM":
            return str(arr.tolist())
        raise JawabanDitolak(f"Nilai jenis {_nama_jenis(value)} tidak bisa diperiksa.")
    pd = _pandas_if_loaded()
    if pd is not None:
        if value is pd.NA or value is pd.NaT:
            return None
        if type(value) is pd.Timestamp:
            return pd.Timestamp.isoformat(value)
        if type(value) is pd.Period:
            return str(pd.Period.__str__(value))
        if type(value) is pd.Interval:  # an age group from pd.cut without labels, e.g. "[0, 5)"
            left, right = ke_polos(value.left), ke_polos(value.right)
            return f"{'[' if value.closed in ('left', 'both') else '('}{left}, {right}" \
                   f"{']' if value.closed in ('right', 'both') else ')'}"
    if callable(value):  # `.mean` without its brackets: the function itself, not its result
        raise JawabanDitolak("Yang Anda berikan adalah fungsinya sendiri, belum hasilnya: tambahkan kurung "
                             "`()` di belakang nama fungsinya, misalnya `.mean()` atau `.sum()`.")
    raise JawabanDitolak(
        f"Jawaban berjenis '{_nama_jenis(value)}' tidak bisa diperiksa. Gunakan angka, teks, list, "
        "dict, Series atau DataFrame biasa."
    )


def _numpy():
    import numpy

    return numpy


def _pandas_if_loaded():
    import sys

    return sys.modules.get("pandas")


def _array(value: Any) -> list[Any]:
    np = _numpy()
    arr = np.ndarray.view(value, np.ndarray) if isinstance(value, np.ndarray) else np.asarray(value)
    if arr.size > _MAX_ITEMS:
        raise JawabanDitolak("Jawaban terlalu besar untuk diperiksa.")
    if arr.dtype.kind in "biuf":
        return arr.tolist()
    if arr.dtype.kind in "US":
        return arr.astype(str).tolist()
    if arr.dtype.kind == "O":
        return [ke_polos(v) for v in np.ndarray.tolist(arr)]
    return [str(v) for v in arr.astype(str).tolist()]


def ke_polos(value: Any, _depth: int = 0) -> Any:
    """Convert a learner's answer to plain data that cannot fake equality.

    Scalars become ``int``/``float``/``str``/``bool``/``None`` (NaN stays a float NaN); lists, tuples and
    numpy arrays become lists; ``dict`` and ``Series`` become :class:`Deret`; ``DataFrame`` becomes
    :class:`Tabel`. Anything else raises :class:`JawabanDitolak`.

    Examples
    --------
    >>> ke_polos([1, 2.5, "a"])
    [1, 2.5, 'a']
    >>> class Curang(float):
    ...     def __eq__(self, other):
    ...         return True
    >>> ke_polos(Curang(3.0))
    3.0
    >>> class Palsu:
    ...     def __eq__(self, other):
    ...         return True
    >>> ke_polos(Palsu())
    Traceback (most recent call last):
    ...
    cantik.checks.plain.JawabanDitolak: Jawaban berjenis 'Palsu' tidak bisa diperiksa. ...
    """
    if _depth > 20:
        raise JawabanDitolak("Jawaban terlalu bertingkat untuk diperiksa.")
    t = type(value)
    if t in (list, tuple):
        items = list.__iter__(value) if t is list else tuple.__iter__(value)
        out = [ke_polos(v, _depth + 1) for v in items]
        return out if t is list else tuple(out)
    if t is dict:
        keys = [ke_polos(k, _depth + 1) for k in dict.keys(value)]
        vals = [ke_polos(v, _depth + 1) for v in dict.values(value)]
        return Deret(tuple(keys), tuple(vals))
    if t in (set, frozenset):
        return sorted((ke_polos(v, _depth + 1) for v in value), key=kunci_urut)
    np = _numpy()
    if t is np.ndarray:
        return _array(value)
    pd = _pandas_if_loaded()
    if pd is not None:
        if t is pd.Series:
            labels = _index_labels(pd.Series.__getattribute__(value, "index"))
            vals = _array(pd.Series.to_numpy(value, dtype=object))
            return Deret(tuple(labels), tuple(vals), ke_polos_nama(value.name))
        if t is pd.DataFrame:
            return _tabel(value)
        if t in (pd.Index, pd.RangeIndex, pd.CategoricalIndex):
            return _index_labels(value)
        if t is pd.Categorical:
            return [ke_polos(v, _depth + 1) for v in value.tolist()]
        if isinstance(value, pd.api.extensions.ExtensionArray) and t.__module__.startswith("pandas."):
            return [ke_polos(v, _depth + 1) for v in np.asarray(value, dtype=object).tolist()]
    return _scalar(value)


def ke_polos_nama(name: Any) -> Any:
    """A Series/column name as plain data (names that cannot be read become ``None``)."""
    try:
        return ke_polos(name)
    except JawabanDitolak:
        return None


def _index_labels(index: Any) -> list[Any]:
    np = _numpy()
    pd = _pandas_if_loaded()
    if type(index) is pd.MultiIndex:
        return [tuple(ke_polos(v) for v in t) for t in pd.MultiIndex.tolist(index)]
    return [ke_polos(v) for v in np.asarray(index, dtype=object).tolist()]


def _tabel(df: Any) -> Tabel:
    pd = _pandas_if_loaded()
    df = pd.DataFrame.copy(df, deep=False)
    if not isinstance(df.index, pd.RangeIndex) or any(n is not None for n in df.index.names):
        names = [n if n is not None else f"level_{i}" for i, n in enumerate(df.index.names)]
        if len(names) == 1 and df.index.names[0] is None:
            names = ["index"]
        df = df.reset_index(names=names)
    kolom = tuple(ke_polos_nama(c) for c in df.columns)
    cols = [_array(df.iloc[:, i].to_numpy(dtype=object)) for i in range(df.shape[1])]
    baris = tuple(zip(*cols, strict=True)) if cols else ()
    return Tabel(kolom, tuple(tuple(r) for r in baris))


def kunci_urut(v: Any) -> tuple[int, Any]:
    """Sort key that orders mixed plain values without raising (numbers before text)."""
    if v is None:
        return (3, "")
    if isinstance(v, bool | int | float):
        return (0, -math.inf if isinstance(v, float) and math.isnan(v) else v)
    if isinstance(v, str):
        return (1, v)
    return (2, repr(v))
