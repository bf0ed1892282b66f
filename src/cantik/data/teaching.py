"""Synthetic tables made for teaching misconceptions the main tables cannot show.

Every table here is SYNTHETIC and deterministic (same seed, same bytes), built after the main tables of
:mod:`cantik.data.generate` and consistent with them:

* ``registrasi_kk`` (every place): the family-card (KK) register. It lists people who moved away but are
  still on a KK (counted twice: here and where they live now) and misses newcomers who have not yet
  registered; its length is the registry count of ``sumber_banding``. Registry double counting.
* ``lansia_tahunan`` (Kandangan Utara): residents aged 60+ and 65+ per year, and what the village profile
  printed, whose definition of *lansia* changed from 65+ to 60+ in 2023. Definition drift.
* ``stunting_umur`` (Kec. Kandangan): measured and stunted children by age group in two kelurahan. One has
  the lower prevalence in every age group yet the higher prevalence overall, because it measured older
  children, who are more often stunted. Simpson's paradox. The counts are designed, not drawn.
* ``kode_wilayah`` and ``sekolah_wilayah`` (Kec. Kandangan): a reference list of region codes and a school
  count keyed by code, with names spelled as another office writes them, so joining by name fails where
  joining by code works (Satu Data reference codes). The codes have the format of BPS region codes
  (province 63, regency 06, kecamatan, village) but are examples, not official codes.

Examples
--------
>>> registry_gap([{"periode": "2024-01", "jenis_mutasi": "Pindah", "jumlah": 10},
...               {"periode": "2024-02", "jenis_mutasi": "Datang", "jumlah": 10}])
(6, 2)
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np

from cantik.data import schema

#: Movers still on the KK list: this share of the departures since July 2022 (synthetic assumption).
SHARE_STILL_LISTED = 0.55
#: Newcomers not yet on a KK: this share of the arrivals since July 2022 (synthetic assumption).
SHARE_NOT_YET_LISTED = 0.20
#: Since when moves are counted for the registry gap (three years before the reference date).
REGISTRY_SINCE = "2022-07"
#: The village profile counted *lansia* as 65+ up to this year and as 60+ afterwards.
LAST_YEAR_65 = 2022
LANSIA_YEARS = range(2019, 2026)

#: Simpson's paradox: two kelurahan of Kec. Kandangan (no person-level data of their own) and, per age
#: group, the children measured and the share stunted (designed rates; e-PPGBM-like levels of 1–10 %).
SIMPSON: dict[str, list[tuple[str, int, float]]] = {
    "Kandangan Kota": [("0-11 bulan", 112, 0.018), ("12-23 bulan", 81, 0.062), ("24-59 bulan", 58, 0.104)],
    "Jambu Hilir": [("0-11 bulan", 93, 0.011), ("12-23 bulan", 128, 0.055), ("24-59 bulan", 284, 0.088)],
}
#: Example region codes: province (63) and regency (06) digits, then an example kecamatan number.
KODE_KECAMATAN = "6306050"


def registry_gap(mutasi: list[dict[str, Any]]) -> tuple[int, int]:
    """(movers still on the KK list, newcomers not yet on it) from the moves since :data:`REGISTRY_SINCE`."""
    recent = [r for r in mutasi if str(r["periode"]) >= REGISTRY_SINCE]
    out = sum(r["jumlah"] for r in recent if r["jenis_mutasi"] == "Pindah")
    came = sum(r["jumlah"] for r in recent if r["jenis_mutasi"] == "Datang")
    return round(SHARE_STILL_LISTED * out), round(SHARE_NOT_YET_LISTED * came)


def _registrasi_kk(rng: np.random.Generator, code: str, tables: dict[str, Any]) -> list[dict[str, Any]]:
    penduduk, keluarga = tables["penduduk"], tables["keluarga"]
    still_listed, not_yet_listed = registry_gap(tables["mutasi"])
    ref = date.fromisoformat(schema.REFERENCE_DATE)
    # Newcomers not yet registered: mostly young adults (who move the most).
    adults = [i for i, p in enumerate(penduduk) if 18 <= p["umur"] <= 45]
    left_out = set(rng.choice(adults, size=not_yet_listed, replace=False).tolist())
    cols = ("nik", "no_kk", "rt", "jenis_kelamin", "tanggal_lahir", "umur")
    rows = [{c: p[c] for c in cols} for i, p in enumerate(penduduk) if i not in left_out]
    # Movers still listed: grown children who left but stay on their parents' KK.
    last = max(int(p["nik"].split("-P")[1]) for p in penduduk)
    kk = rng.choice(len(keluarga), size=still_listed)
    for n, k in enumerate(kk, start=1):
        age = int(rng.integers(19, 41))
        born = date(ref.year - age - 1, int(rng.integers(7, 13)), int(rng.integers(1, 29)))
        rows.append({"nik": f"{code}-P{last + n:05d}", "no_kk": keluarga[int(k)]["no_kk"],
                     "rt": keluarga[int(k)]["rt"], "jenis_kelamin": "L" if rng.random() < 0.52 else "P",
                     "tanggal_lahir": born.isoformat(), "umur": age})
    rows.sort(key=lambda r: (r["no_kk"], r["nik"]))
    return rows


def _lansia_tahunan(tables: dict[str, Any]) -> list[dict[str, Any]]:
    ages = np.array([p["umur"] for p in tables["penduduk"]])
    deaths: dict[int, int] = {}
    for r in tables["mutasi"]:
        if r["jenis_mutasi"] == "Mati":
            year = int(str(r["periode"])[:4])
            deaths[year] = deaths.get(year, 0) + int(r["jumlah"])
    rows = []
    last = max(LANSIA_YEARS)
    for year in LANSIA_YEARS:
        back = last - year
        died_since = sum(v for y, v in deaths.items() if year < y <= last)
        # People alive now were `back` years younger; most who died since were old (synthetic assumption).
        n60 = int((ages - back >= 60).sum()) + round(0.80 * died_since)
        n65 = int((ages - back >= 65).sum()) + round(0.65 * died_since)
        batas = 65 if year <= LAST_YEAR_65 else 60
        rows.append({"tahun": year, "umur_60_ke_atas": n60, "umur_65_ke_atas": n65,
                     "batas_umur_profil": batas, "lansia_di_profil": n65 if batas == 65 else n60})
    return rows


def place_tables(place: Any, tables: dict[str, Any], seed: int = 2025) -> dict[str, list[dict[str, Any]]]:
    """The teaching tables of one place (a :class:`cantik.data.people.Place` or a built-in place's key), from
    its main tables (own random stream); ``lansia_tahunan`` only where the profile lists it."""
    from cantik.data.people import PLACES

    place = PLACES[place] if isinstance(place, str) else place
    rng = np.random.default_rng([seed, place.seed_offset, 2])
    out = {"registrasi_kk": _registrasi_kk(rng, place.code, tables)}
    if "lansia_tahunan" in place.optional_tables:
        out["lansia_tahunan"] = _lansia_tahunan(tables)
    return out


def _stunting_umur() -> list[dict[str, Any]]:
    return [{"nama": nama, "kelompok_umur": grup, "balita_diukur": n, "balita_stunting": round(n * rate)}
            for nama, groups in SIMPSON.items() for grup, n, rate in groups]


#: How the education office spells each name (upper case, prefixes, a local spelling): joins by name fail.
_EJAAN_LAIN = {"Kandangan Kota": "KEL. KANDANGAN KOTA", "Kandangan Utara": "Kel. Kandangan Utara",
               "Jambu Hilir": "JAMBU HILIR", "Sungai Kupang": "Sei Kupang", "Sungai Paring": "Sei Paring"}


def kecamatan_tables(desa: list[dict[str, Any]], seed: int = 2025) -> dict[str, list[dict[str, Any]]]:
    """The teaching tables of Kec. Kandangan, from its ``desa_kelurahan`` rows."""
    rng = np.random.default_rng([seed, 98])
    kode = [{"kode_wilayah": f"{KODE_KECAMATAN}{i:03d}", "nama": r["nama"], "status": r["status"]}
            for i, r in enumerate(sorted(desa, key=lambda r: (r["status"] != "Kelurahan", r["nama"])), 1)]
    pop = {r["nama"]: r["jumlah_penduduk"] for r in desa}
    sekolah = []
    for k in kode:
        n = pop[k["nama"]]
        sd = max(1, round(n / rng.uniform(900, 1500)))
        smp = max(0, round(n / rng.uniform(3000, 6000)))
        sma = int(rng.random() < n / 9000)
        nama = _EJAAN_LAIN.get(k["nama"], k["nama"].upper() if rng.random() < 0.5 else k["nama"])
        sekolah.append({"kode_wilayah": k["kode_wilayah"], "nama_wilayah": nama, "jumlah_sd": sd,
                        "jumlah_smp": smp, "jumlah_sma": sma})
    sekolah.sort(key=lambda r: r["nama_wilayah"].casefold())
    return {"stunting_umur": _stunting_umur(), "kode_wilayah": kode, "sekolah_wilayah": sekolah}
