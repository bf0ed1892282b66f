"""Fast checks of the questions of modules 5–8 that add comparators of their own (real pandas objects, no
nbgrader): month labels, SIRUSA metadata, small-number intervals (charts: ``test_figures.py``)."""

from __future__ import annotations

from cantik import indicators as ind
from cantik.checks import periksa
from cantik.checks.modul8 import ISIAN_METADATA
from cantik.data import load


def test_trips_per_month_accept_any_month_label() -> None:
    tanggal = load("ampunku")["tanggal"]
    per_periode = tanggal.dt.to_period("M").value_counts()
    assert periksa("7b", per_periode).benar
    assert periksa("7b", tanggal.to_frame().set_index("tanggal").resample("ME").size()).benar
    assert periksa("7b", tanggal.dt.strftime("%Y-%m").value_counts().to_dict()).benar
    assert "nomor bulan" in periksa("7b", tanggal.dt.month.value_counts()).pesan
    assert not periksa("7b", per_periode + 1).benar


def test_metadata_keys_are_read_leniently_and_source_must_say_synthetic() -> None:
    ok = {k.replace("_", " ").title(): "isian yang cukup" for k in ISIAN_METADATA}
    ok["Sumber Data"] = "Data posyandu (sintetis)"
    assert periksa("8f", ok).benar
    assert "SINTETIS" in periksa("8f", {**ok, "Sumber Data": "BPS"}).pesan
    assert "belum ada: rumus" in periksa("8f", {k: v for k, v in ok.items() if k != "Rumus"}).pesan
    assert "kosong" in periksa("8f", {**ok, "Definisi": " "}).pesan
    assert "dict" in periksa("8f", ["nama", "konsep"]).pesan


def test_wilson_interval_question_rejects_the_wald_formula() -> None:
    z = ind.height_for_age_z_table(load("balita"))
    rt = load("balita")["rt"]
    prev = z.groupby(rt).apply(ind.stunting_prevalence)
    zz = z[rt == prev.idxmax()]
    x, n = int((zz < -2).sum()), len(zz)
    r = ind.proportion_interval(x, n)
    assert periksa("6f", [r.lower, r.upper]).benar
    assert periksa("6f", {"atas": r.upper, "bawah": r.lower}).benar
    p = x / n
    se = (p * (1 - p) / n) ** 0.5
    assert "p ± 1,96" in periksa("6f", [(p - 1.96 * se) * 100, (p + 1.96 * se) * 100]).pesan
    assert "pecahan" in periksa("6f", [r.lower / 100, r.upper / 100]).pesan


def test_poverty_questions_tell_households_from_persons() -> None:
    keluarga = load("keluarga")
    gk = ind.poverty_line(490_389, 153_718)
    assert periksa("5b", ind.poverty_indices(keluarga, gk, weights="jumlah_anggota").p0).benar
    assert "KELUARGA, bukan ORANG" in periksa("5b", ind.poverty_indices(keluarga, gk).p0).pesan
    assert "KELUARGA, bukan ORANG" in periksa("5d", ind.poverty_indices(keluarga, gk).p1).pesan
    assert periksa("5i", ["p2", "P1"]).benar and "P0 TURUN" in periksa("5i", ["P0", "P1", "P2"]).pesan
