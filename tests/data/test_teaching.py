"""The teaching tables (cantik.data.teaching) show the misconception each was made for (committed data)."""

from __future__ import annotations

import re

import pytest

from cantik.data import load, schema


@pytest.mark.parametrize("wilayah", list(schema.WILAYAH))
def test_registry_lists_movers_and_misses_newcomers_as_sumber_banding_says(wilayah: str) -> None:
    reg, pend = load("registrasi_kk", wilayah), load("penduduk", wilayah)
    sb = load("sumber_banding", wilayah).set_index("sumber")
    row = sb.loc["Registrasi (Dukcapil/KK, sintetis)"]
    pindah = int((~reg["nik"].isin(pend["nik"])).sum())
    belum = int((~pend["nik"].isin(reg["nik"])).sum())
    assert len(reg) == int(row["nilai"]) == len(pend) + pindah - belum
    said = [int(x) for x in re.findall(r"(\d+) (?:orang|pendatang)", row["catatan"])]
    assert said == [pindah, belum] and pindah > 0 and belum > 0
    # the movers are still on real family cards, in those families' RT
    kel = load("keluarga", wilayah).set_index("no_kk")
    moved = reg[~reg["nik"].isin(pend["nik"])]
    assert moved["no_kk"].isin(kel.index).all()
    assert (moved["rt"].to_numpy() == kel.loc[moved["no_kk"], "rt"].to_numpy()).all()


def test_lansia_profile_changes_definition_once_and_2025_matches_penduduk() -> None:
    t = load("lansia_tahunan").set_index("tahun")
    umur = load("penduduk")["umur"]
    assert t.loc[2025, "umur_60_ke_atas"] == (umur >= 60).sum()
    assert t.loc[2025, "umur_65_ke_atas"] == (umur >= 65).sum()
    batas = t["batas_umur_profil"]
    assert set(batas) == {60, 65} and (batas.diff().fillna(0) != 0).sum() == 1
    pakai = t.apply(lambda r: r["umur_60_ke_atas"] if r["batas_umur_profil"] == 60 else r["umur_65_ke_atas"],
                    axis=1)
    assert (pakai == t["lansia_di_profil"]).all()
    # the jump in the profile is mostly the definition: same-definition growth is far smaller
    switch = int(batas[batas == 60].index.min())
    profil = t["lansia_di_profil"].pct_change()[switch]
    sama = t["umur_60_ke_atas"].pct_change()[switch]
    assert profil > 0.3 and 0 <= sama < 0.1


def test_stunting_by_age_shows_simpsons_paradox() -> None:
    s = load("stunting_umur")
    s["rate"] = s["balita_stunting"] / s["balita_diukur"]
    per_group = s.pivot_table(index="kelompok_umur", columns="nama", values="rate")
    total = s.groupby("nama")[["balita_stunting", "balita_diukur"]].sum()
    overall = total["balita_stunting"] / total["balita_diukur"]
    lower_everywhere = [n for n in per_group.columns
                        if (per_group[n] < per_group.drop(columns=n).iloc[:, 0]).all()]
    assert len(lower_everywhere) == 1
    assert overall[lower_everywhere[0]] == overall.max()  # ... yet the higher prevalence overall
    # age composition is the reason: the better kelurahan measured more older children
    older = s[s["kelompok_umur"] == "24-59 bulan"].set_index("nama")["balita_diukur"] / total["balita_diukur"]
    assert older[lower_everywhere[0]] == older.max()


def test_region_codes_join_every_place_where_names_do_not() -> None:
    desa, kode, sekolah = load("desa_kelurahan"), load("kode_wilayah"), load("sekolah_wilayah")
    assert kode["kode_wilayah"].str.fullmatch(r"63060\d{5}").all()
    by_code = desa.merge(kode, on="nama").merge(sekolah, on="kode_wilayah")
    assert len(by_code) == len(desa) == 18
    by_name = desa.merge(sekolah, left_on="nama", right_on="nama_wilayah")
    assert 0 < len(by_name) < len(desa)
