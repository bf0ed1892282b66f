"""Tests of cantik.indicators against hand-computed values (the computation is in each comment)."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd
import pytest

from cantik import indicators as ind
from cantik.data import schema


def test_every_public_function_has_an_example() -> None:
    for name in ind.__all__:
        obj = getattr(ind, name)
        if callable(obj) and not isinstance(obj, type):
            assert "Examples" in (obj.__doc__ or ""), name


# ── population ─────────────────────────────────────────────────────────────────────────────────────
def test_sex_ratio_counts_l_over_p() -> None:
    # 4 L, 3 P → 4 / 3 × 100 = 133.33…
    assert ind.sex_ratio(pd.Series(["L", "P", "L", "P", "L", "P", "L"])) == pytest.approx(400 / 3)
    df = pd.DataFrame({"jenis_kelamin": ["P", "P", "L"], "umur": [1, 2, 3]})
    assert ind.sex_ratio(df) == pytest.approx(50.0)


@pytest.mark.parametrize(
    ("values", "fragment"),
    [
        (["L", "L"], "perempuan"),  # no females: division by zero
        ([], "kosong"),
        (["L", "p", "Laki-laki"], "'p'"),  # dirty codes named in the message
        (["L", None, "P"], "kosong"),
    ],
)
def test_sex_ratio_rejects_bad_input(values: list, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        ind.sex_ratio(values)


def test_sex_ratio_dataframe_without_column() -> None:
    with pytest.raises(ValueError, match="jenis_kelamin"):
        ind.sex_ratio(pd.DataFrame({"umur": [1]}))


def test_dependency_ratio_boundaries() -> None:
    # young: 0, 14 (2); working: 15, 30, 64 (3); old: 65, 80 (2)
    # total = 4/3 × 100 = 133.33; young = 2/3 × 100 = 66.67; old = 66.67
    r = ind.dependency_ratio(np.array([0, 14, 15, 30, 64, 65, 80]))
    assert r.total == pytest.approx(400 / 3)
    assert r.young == pytest.approx(200 / 3)
    assert r.old == pytest.approx(200 / 3)
    assert r.total == pytest.approx(r.young + r.old)
    with pytest.raises(AttributeError):
        r.total = 1  # type: ignore[misc]  # frozen result


def test_dependency_ratio_from_penduduk_and_errors() -> None:
    df = pd.DataFrame({"umur": [5, 20, 70, 40]})  # 1 young, 2 working, 1 old → 100, 50, 50
    assert tuple(ind.dependency_ratio(df)) == pytest.approx((100.0, 50.0, 50.0))
    with pytest.raises(ValueError, match="15–64"):
        ind.dependency_ratio([3, 70])
    with pytest.raises(ValueError, match="negatif"):
        ind.dependency_ratio([-1, 20])
    with pytest.raises(ValueError, match="bukan angka"):
        ind.dependency_ratio(["dua puluh", 20])
    with pytest.raises(ValueError, match="kosong"):
        ind.dependency_ratio([])


def test_density() -> None:
    # HSS: 228,000 / 1,804.94 = 126.32 jiwa/km²
    assert ind.density(228_000, 1804.94) == pytest.approx(126.3200, abs=1e-4)
    s = ind.density(pd.Series([500, 900], index=["a", "b"]), pd.Series([2.0, 3.0], index=["a", "b"]))
    assert list(s.index) == ["a", "b"]
    assert s.tolist() == [250.0, 300.0]
    with pytest.raises(ValueError, match="Luas"):
        ind.density(100, 0)
    with pytest.raises(ValueError, match="negatif"):
        ind.density(-5, 1)


def test_growth_rates() -> None:
    # geometric: (1331/1000)^(1/3) − 1 = 1.1 − 1 = 10 %
    assert ind.growth_rate_geometric(1000, 1331, 3) == pytest.approx(10.0)
    # exponential: ln(2) / 10 = 0.0693147 → 6.93147 %
    assert ind.growth_rate_exponential(5000, 10_000, 10) == pytest.approx(100 * math.log(2) / 10)
    # shrinking population: (810/1000)^(1/2) − 1 = 0.9 − 1 = −10 %
    assert ind.growth_rate_geometric(1000, 810, 2) == pytest.approx(-10.0)
    for bad in [(0, 10, 1), (10, 0, 1), (10, 20, 0)]:
        with pytest.raises(ValueError):
            ind.growth_rate_geometric(*bad)
        with pytest.raises(ValueError):
            ind.growth_rate_exponential(*bad)


def test_projection_roundtrips_with_rates() -> None:
    # 2000 × 1.02^5 = 2208.16; 2000 × e^(0.02 × 5) = 2210.34
    assert ind.project_population(2000, 2, 5) == pytest.approx(2000 * 1.02**5)
    assert ind.project_population(2000, 2, 5, method="exponential") == pytest.approx(2000 * math.exp(0.1))
    r = ind.growth_rate_geometric(2000, 2500, 4)
    assert ind.project_population(2000, r, 4) == pytest.approx(2500)
    r = ind.growth_rate_exponential(2000, 2500, 4)
    assert ind.project_population(2000, r, 4, method="exponential") == pytest.approx(2500)
    many = ind.project_population(100, 10, [0, 1, 2])
    assert np.allclose(many, [100, 110, 121])
    with pytest.raises(ValueError, match="Metode"):
        ind.project_population(100, 1, 1, method="linear")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="−100"):
        ind.project_population(100, -100, 1)


def test_age_groups_labels_and_order() -> None:
    g = ind.age_groups(pd.Series([0, 4, 5, 9, 10, 74, 75, 100, np.nan], index=list("abcdefghi")))
    assert g.tolist()[:8] == ["0-4", "0-4", "5-9", "5-9", "10-14", "70-74", "75+", "75+"]
    assert pd.isna(g["i"])
    assert list(g.index) == list("abcdefghi")
    assert g.cat.ordered
    assert len(g.cat.categories) == 16  # 15 closed groups + "75+"
    counts = g.value_counts(sort=False)
    assert counts["15-19"] == 0  # empty groups still present
    g10 = ind.age_groups([9, 10, 65], width=10, open_from=60)
    assert g10.tolist() == ["0-9", "10-19", "60+"]
    with pytest.raises(ValueError):
        ind.age_groups([1], width=5, open_from=72)
    with pytest.raises(ValueError, match="negatif"):
        ind.age_groups([-3])


def test_median_age_raw_and_grouped() -> None:
    assert ind.median_age([5, 1, 9, 3]) == 4.0  # sorted 1 3 5 9 → (3 + 5) / 2
    # counts 0-4:20, 5-9:30, 10-14:25, 15-19:15, 20+:10 → n = 100, n/2 = 50
    # cumulative 20, 50 → the median class is 5-9 (F = 20, f = 30): 5 + (50 − 20)/30 × 5 = 10.0
    counts = pd.Series({"0-4": 20, "5-9": 30, "10-14": 25, "15-19": 15, "20+": 10})
    assert ind.median_age_grouped(counts) == pytest.approx(10.0)
    # n = 90, n/2 = 45; cumulative 20, 50 → class 5-9: 5 + (45 − 20)/30 × 5 = 9.1667
    assert ind.median_age_grouped([20, 30, 25, 15]) == pytest.approx(5 + 25 / 30 * 5)
    # from age_groups(...).value_counts(): an unsorted Series with an ordered categorical index
    ages = [1, 2, 3, 7, 8, 12, 13, 14, 30, 80]
    vc = ind.age_groups(ages).value_counts()
    # n = 10, n/2 = 5; 0-4: 3, 5-9: 2 (cum 5) → class 5-9: 5 + (5 − 3)/2 × 5 = 10.0
    assert ind.median_age_grouped(vc) == pytest.approx(10.0)
    with pytest.raises(ValueError, match="terbuka"):
        ind.median_age_grouped({"0-4": 1, "5+": 10})
    with pytest.raises(ValueError, match="0"):
        ind.median_age_grouped([0, 0])
    with pytest.raises(ValueError, match="tidak dikenal"):
        ind.median_age_grouped({"anak": 3})


def test_percent_change_vs_points() -> None:
    # P0 HSS 4.54 → 4.01: −0.53 points; −0.53 / 4.54 × 100 = −11.674 %
    assert ind.percentage_point_change(4.54, 4.01) == pytest.approx(-0.53)
    assert ind.percent_change(4.54, 4.01) == pytest.approx(-0.53 / 4.54 * 100)
    s = ind.percent_change(pd.Series([50, 200]), pd.Series([75, 100]))
    assert s.tolist() == [50.0, -50.0]
    with pytest.raises(ValueError, match="0"):
        ind.percent_change(0, 5)
    with pytest.raises(ValueError, match="angka"):
        ind.percent_change("empat", 5)


def test_whipple_index() -> None:
    # ages 23–62 only count; 20 and 70 are outside.
    # inside: 25, 25, 30, 31, 33 → 3 ending in 0/5 of 5 → 3/5 × 500 = 300
    assert ind.whipple_index([20, 25, 25, 30, 31, 33, 70]) == pytest.approx(300.0)
    # no heaping: 0 of 3 → 0
    assert ind.whipple_index([23, 24, 26]) == 0.0
    with pytest.raises(ValueError, match="23–62"):
        ind.whipple_index([5, 70])


# ── education ──────────────────────────────────────────────────────────────────────────────────────
@pytest.fixture
def sekolah() -> pd.DataFrame:
    rows = [
        # umur, status, jenjang
        (6, "Masih sekolah", "SD/sederajat"),  # early entrant: counts for APK SD, not APM
        (7, "Masih sekolah", "SD/sederajat"),
        (10, "Masih sekolah", "SD/sederajat"),
        (12, "Masih sekolah", "SMP/sederajat"),  # early SMP: APS 7-12 yes, APM SD no
        (12, "Tidak sekolah lagi", None),
        (13, "Masih sekolah", "SD/sederajat"),  # late SD: counts for APK SD
        (14, "Masih sekolah", "SMP/sederajat"),
        (15, "Tidak/belum pernah sekolah", None),
        (17, "Masih sekolah", "SMA/sederajat"),
        (20, "Masih sekolah", "Perguruan tinggi"),
        (22, "Tidak sekolah lagi", None),
    ]
    return pd.DataFrame(rows, columns=["umur", "status_sekolah", "jenjang_sekolah"])


def test_aps(sekolah: pd.DataFrame) -> None:
    # 7–12: ages 7, 10, 12, 12 → 3 in school of 4 = 75 %
    assert ind.aps(sekolah, 7, 12) == pytest.approx(75.0)
    # 13–15: 13, 14, 15 → 2 of 3
    assert ind.aps(sekolah, 13, 15) == pytest.approx(200 / 3)
    # 19–23: 20, 22 → 1 of 2
    assert ind.aps(sekolah, 19, 23) == pytest.approx(50.0)
    with pytest.raises(ValueError, match="30–40"):
        ind.aps(sekolah, 30, 40)


def test_apk_apm(sekolah: pd.DataFrame) -> None:
    # SD official age 7–12 has 4 people. Attending SD (any age): 6, 7, 10, 13 → APK = 4/4 = 100
    assert ind.apk(sekolah, "SD/sederajat") == pytest.approx(100.0)
    # APM SD: aged 7–12 and attending SD: 7, 10 → 2/4 = 50
    assert ind.apm(sekolah, "SD") == pytest.approx(50.0)
    # SMP official 13–15 has 3 people; attending SMP: 12, 14 → APK 2/3; APM only 14 → 1/3
    assert ind.apk(sekolah, "SMP") == pytest.approx(200 / 3)
    assert ind.apm(sekolah, "smp/sederajat") == pytest.approx(100 / 3)
    # SM 16–18: one person (17) attending SMA → 100
    assert ind.apm(sekolah, "SM") == pytest.approx(100.0)
    assert ind.apk(sekolah, "PT") == pytest.approx(50.0)
    assert ind.apm(sekolah, "Perguruan tinggi") == pytest.approx(50.0)


def test_education_levels_follow_schema_and_errors(sekolah: pd.DataFrame) -> None:
    assert set(ind.AGE_LEVELS) == set(schema.JENJANG_SEKOLAH) - {"PAUD/TK"}
    assert set(ind.AGE_LEVELS.values()) == set(ind.APS_GROUPS)
    with pytest.raises(ValueError, match="PAUD/TK"):
        ind.apk(sekolah, "PAUD/TK")
    with pytest.raises(ValueError, match="kolom 'status_sekolah'"):
        ind.aps(sekolah.drop(columns="status_sekolah"), 7, 12)
    with pytest.raises(ValueError, match="kosong"):
        ind.apm(sekolah.iloc[0:0], "SD")
    with pytest.raises(ValueError, match="16–18"):
        ind.apk(sekolah[sekolah.umur < 16], "SMA")


def test_education_with_pandas_string_dtype(sekolah: pd.DataFrame) -> None:
    typed = sekolah.astype({"status_sekolah": "string", "jenjang_sekolah": "string"})
    assert ind.apk(typed, "SD") == pytest.approx(100.0)
    assert ind.apm(typed, "SMP") == pytest.approx(100 / 3)


# ── poverty ────────────────────────────────────────────────────────────────────────────────────────
def test_poverty_line() -> None:
    assert ind.poverty_line(480_000, 164_107) == 644_107  # Kalsel Sep 2024 total
    with pytest.raises(ValueError, match="negatif"):
        ind.poverty_line(-1, 10)


def test_poverty_indices_households_and_persons() -> None:
    gk = 600_000
    y = [300_000, 540_000, 600_000, 900_000, 1_200_000]
    size = [5, 2, 3, 4, 1]
    # households: poor are 300k (gap 0.5) and 540k (gap 0.1); 600k is ON the line, not poor.
    # P0 = 2/5 = 40 %; P1 = (0.5 + 0.1)/5 = 0.12 → 12; P2 = (0.25 + 0.01)/5 = 0.052 → 5.2
    h = ind.poverty_indices(y, gk)
    assert tuple(h) == pytest.approx((40.0, 12.0, 5.2))
    # persons (weights = household size, n = 15): P0 = 7/15; P1 = (5·0.5 + 2·0.1)/15 = 2.7/15
    # P2 = (5·0.25 + 2·0.01)/15 = 1.27/15
    p = ind.poverty_indices(pd.Series(y), gk, weights=pd.Series(size))
    assert p.p0 == pytest.approx(700 / 15)
    assert p.p1 == pytest.approx(270 / 15)
    assert p.p2 == pytest.approx(127 / 15)
    assert ind.fgt(y, gk, alpha=1, weights=size) == pytest.approx(p.p1)
    # the keluarga table can be passed directly
    keluarga = pd.DataFrame({"jumlah_anggota": size, "pengeluaran_per_kapita": y})
    assert ind.poverty_indices(keluarga, gk, weights=keluarga["jumlah_anggota"]) == pytest.approx(tuple(p))


def test_poverty_headline_can_fall_while_depth_rises() -> None:
    # misconception 4: year 1 has 2 poor just under the line; year 2 has 1 poor far below it.
    gk = 100
    year1 = ind.poverty_indices([95, 95, 150, 150], gk)  # P0 50, P1 (0.05+0.05)/4 = 2.5
    year2 = ind.poverty_indices([40, 120, 150, 150], gk)  # P0 25, P1 0.6/4 = 15
    assert year2.p0 < year1.p0
    assert year2.p1 > year1.p1 and year2.p2 > year1.p2
    assert (year1.p1, year2.p1) == pytest.approx((2.5, 15.0))


def test_poverty_errors() -> None:
    with pytest.raises(ValueError, match="kosong"):
        ind.poverty_indices([], 100)
    with pytest.raises(ValueError, match="Garis kemiskinan"):
        ind.poverty_indices([1, 2], 0)
    with pytest.raises(ValueError, match="negatif"):
        ind.poverty_indices([-5, 2], 10)
    with pytest.raises(ValueError, match="bobot"):
        ind.poverty_indices([1, 2], 10, weights=[1])
    with pytest.raises(ValueError, match="bukan angka"):
        ind.poverty_indices([1, "dua"], 10)
    with pytest.raises(ValueError, match="alpha"):
        ind.fgt([1, 2], 10, alpha=-1)
    # the poverty line written the Indonesian way: as text, or with a thousands dot Python reads as a decimal
    # point (644.107 rupiah): both gave P0 = 0 without a word
    spending = [450_000, 600_000, 700_000, 1_200_000]
    with pytest.raises(ValueError, match="tanpa tanda kutip"):
        ind.poverty_indices(spending, "644.107")
    with pytest.raises(ValueError, match=r"titik ribuan.*misalnya 644107"):
        ind.poverty_indices(spending, 644.107)
    assert ind.poverty_indices(spending, 644_107).p0 == 50.0


# ── stunting ───────────────────────────────────────────────────────────────────────────────────────
# Independent reference values, copied from the printed WHO 2006 Child Growth Standards tables
# (length-for-age, birth to 2 years, z-scores): boys at birth L = 1, M = 49.8842, S = 0.03795;
# girls at birth L = 1, M = 49.1477, S = 0.03790; boys at 24 months M = 87.8161, S = 0.03479.
def _lms(x: float, m: float, s: float) -> float:
    return (x / m - 1) / s  # LMS formula with L = 1


def test_haz_boy_and_girl_at_birth_from_who_table() -> None:
    born = date(2025, 1, 1)
    assert ind.height_for_age_z("L", born, born, 49.8842) == pytest.approx(0.0, abs=1e-3)
    assert ind.height_for_age_z("P", born, born, 49.1477) == pytest.approx(0.0, abs=1e-3)
    # boy 46.0 cm: (46/49.8842 − 1)/0.03795 = −2.0518 → stunted
    expected = _lms(46.0, 49.8842, 0.03795)
    assert ind.height_for_age_z("L", born, born, 46.0) == pytest.approx(expected, abs=1e-3)
    # the girl's table is different: 49.8842 cm is +0.3954 SD for a girl, so sex codes are mapped
    assert ind.height_for_age_z("P", born, born, 49.8842) == pytest.approx(
        _lms(49.8842, 49.1477, 0.03790), abs=1e-3
    )


def test_haz_boy_of_24_months_with_median_length_is_about_zero() -> None:
    # 24 months = 730 days (the day table's last lying-down row); WHO monthly median 87.8161 cm
    z = ind.height_for_age_z("L", "2023-07-01", "2025-06-30", 87.8161, measure="L")
    assert abs(z) < 0.01
    # measured standing instead, WHO adds 0.7 cm before comparing with the lying table
    z_h = ind.height_for_age_z("L", "2023-07-01", "2025-06-30", 87.8161 - 0.7, measure="H")
    assert z_h == pytest.approx(z, abs=1e-3)
    # one SD lower: 87.8161 × (1 − 0.03479) = 84.761 cm → z ≈ −1
    low = ind.height_for_age_z("L", "2023-07-01", "2025-06-30", 87.8161 * (1 - 0.03479), measure="L")
    assert low == pytest.approx(-1.0, abs=0.01)


def test_haz_accepts_timestamps_and_lowercase_sex() -> None:
    a = ind.height_for_age_z("l", pd.Timestamp("2024-01-01"), pd.Timestamp("2025-01-01"), 72.0)
    b = ind.height_for_age_z("L", "2024-01-01", "2025-01-01", 72.0)
    assert a == b


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("X", "2024-01-01", "2025-01-01", 70.0), "Jenis kelamin"),
        (("L", "2024-01-01", "2025-01-01", -70.0), "lebih dari 0"),
        (("L", "2024-01-01", "2025-01-01", 7.0), "tidak masuk akal"),  # mm/cm mix-up
        (("L", "2019-01-01", "2025-01-01", 100.0), "60 bulan"),
        (("L", "2025-01-01", "2024-01-01", 70.0), "lebih awal"),
        (("L", "01/01/2024", "2025-01-01", 70.0), "TTTT-BB-HH"),
        (("L", "2024-01-01", "2025-01-01", "tujuh puluh"), "angka"),
    ],
)
def test_haz_rejects_implausible_input(args: tuple, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        ind.height_for_age_z(*args)


def test_haz_table_matches_scalar_and_keeps_index() -> None:
    balita = pd.DataFrame(
        {
            "id_balita": ["B1", "B2", "B3", "B4"],
            "jenis_kelamin": ["L", "P", "P", "L"],
            "tanggal_lahir": ["2025-01-01", "2025-01-01", "2022-03-15", "2024-05-05"],
            "tanggal_ukur": ["2025-01-01", "2025-01-01", "2025-06-30", "2025-06-30"],
            "tinggi_cm": [46.0, 49.1477, 88.0, np.nan],
            "umur_bulan": [0, 0, 39, 13],
            "berat_kg": [3.0, 3.2, 12.0, 9.0],
        },
        index=[10, 11, 12, 13],
    )
    z = ind.height_for_age_z_table(balita)
    assert list(z.index) == [10, 11, 12, 13]
    assert z[10] == pytest.approx(_lms(46.0, 49.8842, 0.03795), abs=1e-3)
    assert z[11] == pytest.approx(0.0, abs=1e-3)
    assert z[12] == ind.height_for_age_z("P", "2022-03-15", "2025-06-30", 88.0)
    assert math.isnan(z[13])  # missing height → missing z, not an error
    # datetime columns (as cantik.data.load gives) work the same
    typed = balita.assign(
        tanggal_lahir=pd.to_datetime(balita.tanggal_lahir), tanggal_ukur=pd.to_datetime(balita.tanggal_ukur)
    )
    pd.testing.assert_series_equal(ind.height_for_age_z_table(typed), z)


def test_haz_table_reports_bad_rows_by_id() -> None:
    balita = pd.DataFrame(
        {
            "id_balita": ["B1", "B2", "B3"],
            "jenis_kelamin": ["L", "Laki", "P"],
            "tanggal_lahir": ["2024-01-01", "2024-01-01", "2024-01-01"],
            "tanggal_ukur": ["2025-01-01", "2025-01-01", "2025-01-01"],
            "tinggi_cm": [72.0, 72.0, -3.0],
        }
    )
    with pytest.raises(ValueError, match="Ada 2 data balita") as info:
        ind.height_for_age_z_table(balita)
    assert "B2" in str(info.value) and "B3" in str(info.value) and "B1" not in str(info.value)
    coerced = ind.height_for_age_z_table(balita, errors="coerce")
    assert coerced.notna().tolist() == [True, False, False]
    with pytest.raises(ValueError, match="tinggi_cm"):
        ind.height_for_age_z_table(balita.drop(columns="tinggi_cm"))


def test_stunting_category_thresholds() -> None:
    assert ind.stunting_category(-3.01) == "sangat pendek"
    assert ind.stunting_category(-3.0) == "pendek"
    assert ind.stunting_category(-2.01) == "pendek"
    assert ind.stunting_category(-2.0) == "normal"
    assert ind.stunting_category(3.0) == "normal"
    assert ind.stunting_category(3.01) == "tinggi"
    s = ind.stunting_category(pd.Series([-4.0, np.nan, 0.0], index=["a", "b", "c"]))
    assert list(s.index) == ["a", "b", "c"]
    assert s["a"] == "sangat pendek" and pd.isna(s["b"]) and s["c"] == "normal"
    assert list(s.cat.categories) == ["sangat pendek", "pendek", "normal", "tinggi"]
    with pytest.raises(ValueError):
        ind.stunting_category(float("nan"))
    with pytest.raises(ValueError):
        ind.stunting_category("pendek")


def test_stunting_prevalence_ignores_missing_and_flagged() -> None:
    # valid: −2.5, −1.9, −3.2, 0, 1 (5); −6.5 and 7 are WHO-flagged; NaN missing
    # stunted (< −2): −2.5, −3.2 → 2/5 = 40 %
    z = [-2.5, -1.9, -3.2, 0.0, 1.0, -6.5, 7.0, np.nan]
    assert ind.stunting_prevalence(z) == pytest.approx(40.0)
    assert ind.stunting_prevalence(pd.Series([-2.0, -2.0001])) == pytest.approx(50.0)
    with pytest.raises(ValueError, match="sah"):
        ind.stunting_prevalence([np.nan, 8.0])


# ── small numbers ──────────────────────────────────────────────────────────────────────────────────
def test_proportion_interval_wilson() -> None:
    # 10 of 50, z = 1.959964, z² = 3.841459: p = 0.2, z²/n = 0.076829, denom = 1.076829
    # centre = (0.2 + 0.038415)/1.076829 = 0.221405
    # half = (1.959964/1.076829) × √(0.2·0.8/50 + 3.841459/(4·2500)) = 1.820126 × √0.00358415
    #      = 1.820126 × 0.059868 = 0.108967 → [0.112438, 0.330371]
    r = ind.proportion_interval(10, 50)
    assert r.estimate == pytest.approx(20.0)
    assert r.lower == pytest.approx(11.2438, abs=1e-3)
    assert r.upper == pytest.approx(33.0371, abs=1e-3)
    # 0 successes: lower bound is 0 and the upper is z²/(n + z²) = 3.8415/33.8415 = 11.35 %
    r0 = ind.proportion_interval(0, 30)
    assert r0.lower == 0.0
    assert r0.upper == pytest.approx(100 * 3.841459 / 33.841459, abs=1e-3)
    # a wider confidence gives a wider interval
    r99 = ind.proportion_interval(10, 50, confidence=0.99)
    assert r99.lower < r.lower and r99.upper > r.upper


def test_proportion_interval_always_contains_the_estimate() -> None:
    """Regression (issue 21): with 0 successes the lower end came out a rounding error above the
    estimate (2.8e-15 %), so the sampling app's error bar got a negative length and crashed."""
    for n in range(1, 3001):
        for k in {0, 1, n // 2, n - 1, n}:
            for population in (None, n, n + 1, 3 * n):
                r = ind.proportion_interval(k, n, population=population)
                assert 0 <= r.lower <= r.estimate <= r.upper <= 100, (k, n, population)
        assert ind.proportion_interval(0, n).lower == 0.0
        assert ind.proportion_interval(n, n).upper == 100.0


def test_proportion_interval_finite_population_correction() -> None:
    # Without replacement, n = 1000 of N = 2366: the half-width shrinks by about √((N − n)/(N − 1)).
    plain = ind.proportion_interval(60, 1000)
    fpc = ind.proportion_interval(60, 1000, population=2366)
    ratio = (fpc.upper - fpc.lower) / (plain.upper - plain.lower)
    assert ratio == pytest.approx(math.sqrt(1366 / 2365), rel=0.02)
    # Everyone counted: no sampling error at all. A huge population: as if it were infinite.
    assert ind.proportion_interval(60, 1000, population=1000) == (6.0, 6.0, 6.0)
    huge = ind.proportion_interval(60, 1000, population=10**9)
    assert (huge.lower, huge.upper) == pytest.approx((plain.lower, plain.upper), abs=1e-4)
    with pytest.raises(ValueError, match="populasi"):
        ind.proportion_interval(6, 100, population=50)


@pytest.mark.parametrize(
    ("k", "n", "conf"), [(1, 0, 0.95), (5, 3, 0.95), (-1, 3, 0.95), (1, 3, 1.5), (1.5, 3, 0.95)]
)
def test_proportion_interval_rejects(k: float, n: int, conf: float) -> None:
    with pytest.raises(ValueError):
        ind.proportion_interval(k, n, conf)  # type: ignore[arg-type]


# ── the dtypes cantik.data.load gives (enums as category, dates as datetime64) ─────────────────────
def test_indicators_accept_loader_dtypes(sekolah: pd.DataFrame) -> None:
    cat = sekolah.astype(
        {
            "status_sekolah": pd.CategoricalDtype(schema.STATUS_SEKOLAH),
            "jenjang_sekolah": pd.CategoricalDtype(schema.JENJANG_SEKOLAH),
        }
    )
    assert ind.apk(cat, "SD") == pytest.approx(100.0)
    assert ind.apm(cat, "SD") == pytest.approx(50.0)
    assert ind.aps(cat, 7, 12) == pytest.approx(75.0)
    jk = pd.Series(["L", "P", "P", "L", "L"], dtype=pd.CategoricalDtype(schema.JENIS_KELAMIN))
    assert ind.sex_ratio(jk) == pytest.approx(150.0)  # 3 / 2 × 100
    balita = pd.DataFrame(
        {
            "jenis_kelamin": pd.Series(["L"], dtype=pd.CategoricalDtype(schema.JENIS_KELAMIN)),
            "tanggal_lahir": pd.to_datetime(["2025-01-01"]),
            "tanggal_ukur": pd.to_datetime(["2025-01-01"]),
            "tinggi_cm": [49.8842],
        }
    )
    assert ind.height_for_age_z_table(balita).iloc[0] == pytest.approx(0.0, abs=1e-3)


def test_poverty_weights_by_column_name() -> None:
    keluarga = pd.DataFrame({"jumlah_anggota": [3, 1], "pengeluaran_per_kapita": [50, 200]})
    # persons: 3 of 4 poor → 75 %; households: 1 of 2 → 50 %
    assert ind.poverty_indices(keluarga, 100, weights="jumlah_anggota").p0 == pytest.approx(75.0)
    assert ind.poverty_indices(keluarga, 100).p0 == pytest.approx(50.0)
    with pytest.raises(ValueError, match="kolom 'anggota'"):
        ind.poverty_indices(keluarga, 100, weights="anggota")
    with pytest.raises(ValueError, match="tabel keluarga"):
        ind.poverty_indices([50, 200], 100, weights="jumlah_anggota")


def test_single_value_where_a_column_is_expected() -> None:
    with pytest.raises(ValueError, match="daftar nilai"):
        ind.sex_ratio("L")
    with pytest.raises(ValueError, match="daftar nilai"):
        ind.median_age(30)


def test_growth_rates_vectorised() -> None:
    # ln(2)/10 and ln(4)/10 in percent
    r = ind.growth_rate_exponential(np.array([100, 100]), np.array([200, 400]), 10)
    assert np.allclose(r, [100 * math.log(2) / 10, 100 * math.log(4) / 10])
    g = ind.growth_rate_geometric(np.array([100, 100]), np.array([121, 144]), 2)
    assert np.allclose(g, [10.0, 20.0])
