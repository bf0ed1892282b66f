"""A new synthetic place from a few published figures (``cantik data buat --wilayah NAME …``).

The trainer gives the place's population, households, units (RT or dusun), area, sex ratio, share of
people under 15, the poverty line and P0 of its kabupaten (optionally the place's own P0), and the
stunting level, each with its source. :func:`new_profile` turns them into a profile (``wilayah.json``)
whose ``pembangkitan`` holds the generator's settings: the age shape, the sex balance of grown children
at home and the balita's mean height-for-age z are searched (:func:`fit_settings`) so the share under
15, the sex ratio and the stunting share come out near their figures; spending is shifted so P0 hits its
target exactly. :func:`cantik.data.people.place_of` turns the profile into the generator's settings,
:func:`cantik.data.calibration.place_figures` into calibration rows. All output is SYNTHETIC.

Examples
--------
>>> profile = new_profile("contoh", {"nama": "Contoh", "jenis": "desa", "kabupaten": "Hulu Sungai Selatan",
...     "provinsi": "Kalimantan Selatan", "satuan": "RT"}, {"penduduk": 800, "keluarga": 260,
...     "jumlah_satuan": 3, "luas_km2": 5.0, "rasio_jk": 100, "persen_umur_0_14": 24,
...     "garis_kemiskinan": 644107, "p0_kabupaten": 4.54, "stunting": 6}, {}, "skenario")  # doctest: +SKIP
"""

from __future__ import annotations

import zlib
from statistics import NormalDist
from typing import Any

from cantik.data import schema
from cantik.data.profile import Figure, Wilayah, parse

#: The figures a new place needs: key → (Indonesian name, unit, level: "wilayah" or "kabupaten").
FIGURES: dict[str, tuple[str, str, str]] = {
    "penduduk": ("Jumlah penduduk", "jiwa", "wilayah"),
    "keluarga": ("Jumlah keluarga (KK)", "keluarga", "wilayah"),
    "jumlah_satuan": ("Jumlah satuan wilayah (RT/dusun)", "satuan", "wilayah"),
    "luas_km2": ("Luas wilayah", "km²", "wilayah"),
    "rasio_jk": ("Rasio jenis kelamin", "laki-laki per 100 perempuan", "wilayah"),
    "persen_umur_0_14": ("Persentase penduduk umur 0-14 tahun", "persen", "wilayah"),
    "garis_kemiskinan": ("Garis kemiskinan", "rupiah per kapita per bulan", "kabupaten"),
    "p0_kabupaten": ("Persentase penduduk miskin (P0) kabupaten", "persen", "kabupaten"),
    "p0": ("Persentase penduduk miskin (P0) wilayah", "persen", "wilayah"),
    "stunting": ("Prevalensi stunting balita", "persen", "wilayah"),
}
#: Figures that may be left out (``p0`` defaults to the kabupaten's P0).
OPTIONAL = {"p0"}
#: Accepted ranges: a figure outside them is a typing mistake, not a place.
RANGES: dict[str, tuple[float, float]] = {
    "penduduk": (300, 30_000), "keluarga": (80, 10_000), "jumlah_satuan": (1, 99), "luas_km2": (0.05, 2_000),
    "rasio_jk": (80, 125), "persen_umur_0_14": (10, 45), "garis_kemiskinan": (100_000, 2_000_000),
    "p0_kabupaten": (0.5, 40), "p0": (0.5, 40), "stunting": (0.5, 60),
}
_POSYANDU = ("Kenanga", "Melati", "Teratai", "Anggrek", "Seroja", "Dahlia", "Cempaka", "Mawar")
_HAZ_SD = 0.95


def _code(name: str, taken: set[str]) -> str:
    letters = [c for c in name.upper() if "A" <= c <= "Z"]
    words = [w for w in name.upper().split() if w]
    candidates = [words[0][0] + words[1][0]] if len(words) > 1 else []
    candidates += [letters[0] + c for c in letters[1:]] + [a + b for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                            for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    return next(c for c in candidates if c not in taken)


def check_figures(values: dict[str, float]) -> list[str]:
    """Indonesian problems of a set of figures (missing ones, out-of-range ones); empty when usable."""
    bad = []
    for key, (name, unit, _) in FIGURES.items():
        if key not in values:
            if key not in OPTIONAL:
                bad.append(f"{name} ('{key}') belum diberikan")
            continue
        lo, hi = RANGES[key]
        if not lo <= values[key] <= hi:
            bad.append(f"{name} ('{key}') {values[key]:g} {unit} di luar rentang yang masuk akal "
                       f"({lo:g} sampai {hi:g})")
    size = values["penduduk"] / values["keluarga"] if {"penduduk", "keluarga"} <= set(values) else 3.0
    if not 1.8 <= size <= 6:
        bad.append("penduduk dibagi keluarga harus antara 1,8 dan 6 orang per keluarga")
    return bad


def _fit(place: Any, setting: str, grid: list[float], measure: Any, target: float, seed: int,
         people_only: bool = True) -> float:
    """The value of ``setting`` in ``grid`` whose generated place has ``measure(tables)`` nearest to
    ``target``; every trial uses the place's own random streams, so the search is deterministic."""
    import dataclasses

    import numpy as np

    from cantik.data.generate import build_place
    from cantik.data.people import simulate_people

    best, best_gap = grid[0], float("inf")
    for value in grid:
        trial = dataclasses.replace(place, **{setting: value})
        if people_only:  # the people are drawn first from the same stream: no need to build the rest
            tables = {"penduduk": simulate_people(np.random.default_rng([seed, place.seed_offset]),
                                                  trial).penduduk}
        else:
            tables = build_place(trial, seed)
        gap = abs(measure(tables) - target)
        if gap < best_gap - 1e-12:
            best, best_gap = value, gap
    return best


def _share_young(tables: dict[str, Any]) -> float:
    people = tables["penduduk"]
    return 100 * sum(p["umur"] < 15 for p in people) / len(people)


def _sex_ratio(tables: dict[str, Any]) -> float:
    men = sum(p["jenis_kelamin"] == "L" for p in tables["penduduk"])
    return 100 * men / max(len(tables["penduduk"]) - men, 1)


def _stunting(tables: dict[str, Any]) -> float:
    from cantik.data.derived import stunting_share

    return 100 * stunting_share(tables["balita"])


def require_figures(values: dict[str, float]) -> None:
    """Raise an Indonesian :class:`~cantik.errors.DataFormatError` listing :func:`check_figures`' problems."""
    from cantik.errors import DataFormatError

    bad = check_figures(values)
    if bad:
        raise DataFormatError("Angka untuk wilayah baru belum lengkap atau tidak masuk akal: "
                              + "; ".join(bad) + ".",
                              "Lihat `cantik data buat --help` untuk daftar angkanya.")


def fit_settings(place: Any, values: dict[str, float], seed: int) -> dict[str, float]:
    """Search the generator's settings, one after the other, so the place meets its figures: the age
    shape (share under 15), then the sex balance of grown children living at home (sex ratio), then the
    mean height-for-age z around its analytic value (stunting share of the measured balita)."""
    import dataclasses

    for _ in range(2):  # the age shape and the sex balance move each other a little: two rounds
        aging = _fit(place, "aging", [i / 20 for i in range(31)], _share_young, values["persen_umur_0_14"],
                     seed)
        place = dataclasses.replace(place, aging=aging)
        balance = _fit(place, "sex_balance", [i / 20 for i in range(-12, 13)], _sex_ratio, values["rasio_jk"],
                       seed)
        place = dataclasses.replace(place, sex_balance=balance)
    haz = _fit(place, "haz_mean", [round(place.haz_mean + i / 20, 3) for i in range(-6, 7)], _stunting,
               values["stunting"], seed, people_only=False)
    return {"penuaan": place.aging, "keseimbangan_jk": place.sex_balance, "rata_z_tb_u": haz}


def _haz_mean(stunting_percent: float) -> float:
    """Mean z so that a normal with SD 0.95 has ``stunting_percent`` % below -2."""
    return round(-2.0 - _HAZ_SD * NormalDist().inv_cdf(stunting_percent / 100.0), 3)


def new_profile(key: str, fields: dict[str, Any], values: dict[str, float], sources: dict[str, str],
                default_source: str, seed: int = 2025, taken_codes: set[str] | None = None) -> Wilayah:
    """The checked profile of a new synthetic place from its figures (see the module docstring).

    Parameters
    ----------
    key : str
        Folder name of the place, e.g. ``"malinau"``.
    fields : dict
        Profile fields other than the figures (``nama``, ``jenis``, ``kecamatan``, ``kabupaten``,
        ``provinsi``, ``tahun_cantik``, ``satuan``, ``tabel_pilihan``, ``pembanding``, ``catatan``).
    values : dict
        The figures, keys of :data:`FIGURES`.
    sources, default_source :
        The source of each figure (by key), else ``default_source``.

    Raises
    ------
    DataFormatError
        A figure is missing or implausible, or a profile field is wrong (Indonesian message).
    """
    from cantik.data.people import place_of

    require_figures(values)
    place_level = f"{str(fields.get('jenis', '')).capitalize()} {fields.get('nama', key)}"
    figures = tuple(
        Figure(k, name, float(values[k]) if not float(values[k]).is_integer() else int(values[k]), unit,
               place_level if level == "wilayah" else f"Kab. {fields.get('kabupaten', '')}",
               sources.get(k, default_source))
        for k, (name, unit, level) in FIGURES.items() if k in values)
    n_posyandu = max(2, min(len(_POSYANDU), round(values["penduduk"] / 1000)))
    generation = {"kode": _code(str(fields.get("nama", key)), taken_codes or set()),
                  "benih_wilayah": 1000 + zlib.crc32(key.encode()) % 1_000_000,
                  "posyandu": list(_POSYANDU[:n_posyandu]),
                  "rata_z_tb_u": _haz_mean(values["stunting"]), "penuaan": 0.0, "keseimbangan_jk": 0.0}
    data = {"kunci": key, **fields, "jumlah_satuan": int(values["jumlah_satuan"]), "sintetis": True,
            "sumber_data": schema.SYNTHETIC_NOTICE, "tanggal_data": schema.REFERENCE_DATE,
            "angka_kalibrasi": [f.as_json() for f in figures], "pembangkitan": generation}
    profile = parse(data, f"wilayah {key}")
    generation.update(fit_settings(place_of(profile), values, seed))
    return parse(data, f"wilayah {key}")
