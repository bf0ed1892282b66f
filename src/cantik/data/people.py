"""The places the generator simulates and their people: households first, then each resident with
consistent relationships, ages, marital status, schooling and occupation (see :mod:`cantik.data.generate`
for the design and its calibration targets). All output is SYNTHETIC."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np

from cantik.data import schema
from cantik.data.calibration import GARIS_KEMISKINAN
from cantik.data.profile import Wilayah, builtin_profile

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
    kind: str = "kelurahan"  # or "desa": the word the tables' notes use
    poverty_line: int = GARIS_KEMISKINAN  # Rp per capita per month that p0_target refers to
    aging: float = 0.0  # 0: the age shape of the built-in places; > 0 older (see _household)
    haz_mean: float = -0.55  # mean height-for-age z of the balita (stunting level)
    sex_balance: float = 0.0  # > 0: grown sons stay home more often than daughters (sex ratio up)
    optional_tables: tuple[str, ...] = ()


def _units(key: str) -> int:
    profile = builtin_profile(key)
    assert profile is not None
    return profile.units


PLACES: dict[str, Place] = {
    "kandangan_utara": Place("kandangan_utara", "KU", 7400, _units("kandangan_utara"), True, 1, 0.041,
                             ("Mawar", "Melati", "Anggrek", "Dahlia", "Kenanga", "Cempaka"), 2.31,
                             optional_tables=("ampunku",)),
    "taluk_haur": Place("taluk_haur", "TH", 3600, _units("taluk_haur"), True, 2, 0.046,
                        ("Flamboyan", "Teratai", "Seroja"), 3.05),
    "gambah_luar": Place("gambah_luar", "GL", 2050, _units("gambah_luar"), False, 3, 0.052,
                         ("Bougenvil", "Kamboja"), 4.12, kind="desa"),
}

def place_of(profile: Wilayah) -> Place:
    """The generator's settings of a synthetic place's profile: a built-in place's own, else those in
    the profile's ``pembangkitan`` and ``angka_kalibrasi`` (written by :mod:`cantik.data.synthetic_place`)."""
    if profile.key in PLACES:
        return PLACES[profile.key]
    g = profile.generation
    values = {f.key: f.value for f in profile.figures}
    return Place(profile.key, g["kode"], int(values["penduduk"]), profile.units, profile.kind == "kelurahan",
                 int(g["benih_wilayah"]), values.get("p0", values["p0_kabupaten"]) / 100.0,
                 tuple(g["posyandu"]), float(values["luas_km2"]), kind=profile.kind,
                 poverty_line=int(values["garis_kemiskinan"]), aging=float(g["penuaan"]),
                 haz_mean=float(g["rata_z_tb_u"]), sex_balance=float(g["keseimbangan_jk"]),
                 optional_tables=profile.optional_tables)


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


def age_at(born: date, when: date = REF) -> int:
    """Completed years of a person born on ``born`` at ``when``."""
    years = when.year - born.year
    if (when.month, when.day) < (born.month, born.day):
        years -= 1
    return years


def birth_date(rng: np.random.Generator, age: int) -> date:
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


def choice(rng: np.random.Generator, values: Sequence[str], p: Sequence[float]) -> str:
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


def _head_bands(aging: float) -> np.ndarray:
    """Head-of-household age weights; ``aging`` > 0 tilts them towards older heads."""
    if not aging:
        return _HEAD_BANDS / _HEAD_BANDS.sum()
    w = _HEAD_BANDS * np.exp(0.18 * aging * (np.arange(len(_HEAD_BANDS)) - 6))
    return w / w.sum()


def _household(rng: np.random.Generator, urban: bool, aging: float = 0.0, sex_balance: float = 0.0
               ) -> list[Person]:
    """One household. ``aging`` (0 for the built-in places, which it leaves unchanged draw for draw)
    makes an older place: older heads, fewer children, grown children leaving for town sooner, more
    elderly parents living with their children."""
    # Young single men living alone (workers, civil servants posted to town) balance the widows.
    if rng.random() < (0.05 if urban else 0.03):
        return [Person("L", int(rng.integers(20, 40)), "Kepala keluarga", "Belum kawin")]
    band = int(rng.choice(len(_HEAD_BANDS), p=_head_bands(aging)))
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
            status = "Belum kawin" if head_age < 32 and rng.random() < 0.8 else choice(
                rng, ["Cerai mati", "Cerai hidup"], [0.65, 0.35])
            people = [Person("L", head_age, "Kepala keluarga", status)]
            if status != "Belum kawin":
                mother_age = head_age - 4  # children of the former marriage
    else:
        status = choice(rng, ["Cerai mati", "Cerai hidup", "Belum kawin"],
                         [0.62, 0.28, 0.10] if head_age >= 40 else [0.25, 0.50, 0.25])
        people = [Person("P", head_age, "Kepala keluarga", status)]
        if status != "Belum kawin":
            mother_age = head_age

    # Children of the mother (or of the former marriage).
    if mother_age is not None and mother_age >= 18:
        cohort = (2.85 if mother_age < 40 else (2.7 if mother_age < 55 else 3.3)) * (1 - 0.3 * aging)
        done = float(_FERT_CUM[min(mother_age, 45) - 17])
        n_kids = int(rng.poisson(cohort * done))
        birth_ages: list[int] = []
        for _ in range(n_kids):
            a = int(rng.choice(_FERT_AGES, p=_FERT_DENS))
            if a <= mother_age and all(abs(a - b) >= 2 for b in birth_ages):
                birth_ages.append(a)
        for a in sorted(birth_ages):
            child_age = mother_age - a
            stay = _stay_prob(child_age) * (1 - 0.5 * aging if child_age >= 18 else 1.0)
            if sex_balance and child_age >= 18:
                stay = min(1.0, stay * (1 + sex_balance))  # the sex is drawn next: sons stay, daughters
                if rng.random() >= stay:                   # leave (below) by the balance
                    continue
                sex = "L" if rng.random() < 0.512 * (1 + sex_balance) / (1 + 0.512 * sex_balance) else "P"
            elif rng.random() >= stay:
                continue
            else:
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
    if 28 <= head_age <= 58 and rng.random() < 0.11 + 0.08 * aging:
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
    return choice(rng, _EDU_ADULT, p)


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
        edu = choice(rng, _EDU_ADULT, [0.03, 0.13, 0.22, 0.58, 0.03, 0.01, 0.0])
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
        return choice(rng, jobs, w)
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
    return choice(rng, jobs, w)


@dataclass
class World:
    """All generated records of one place, before writing."""

    place: Place
    penduduk: list[dict[str, Any]]
    keluarga: list[dict[str, Any]]
    rt_weights: np.ndarray


def simulate_people(rng: np.random.Generator, place: Place) -> World:
    rt_weights = rng.gamma(9.0, 1.0, size=place.n_rt)
    rt_weights /= rt_weights.sum()
    households: list[list[Person]] = []
    total = 0
    while total < place.target_population:
        hh = _household(rng, place.urban, place.aging, place.sex_balance)
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
            p.born = birth_date(rng, p.age)
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
                "umur": age_at(p.born),
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
    shift = math.log(place.poverty_line) - cut
    for kel, lg in zip(keluarga, logs, strict=True):
        total_pc = math.exp(lg + shift)
        kel["pengeluaran_per_kapita"] = int(round(total_pc / 100.0) * 100)
        # Engel's law: the food share falls as spending rises.
        share = min(0.72, max(0.35, 0.58 - 0.11 * math.log(total_pc / 1_200_000) + rng.normal(0, 0.03)))
        kel["pengeluaran_makanan_per_kapita"] = int(round(total_pc * share / 100.0) * 100)
    return World(place, penduduk, keluarga, rt_weights)

