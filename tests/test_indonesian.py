"""The Indonesian text checks themselves: each rule catches what it is for and passes good text."""

from __future__ import annotations

import doctest

import pytest

from tests import indonesian


def test_examples() -> None:
    assert doctest.testmod(indonesian).failed == 0


@pytest.mark.parametrize(("bad", "fix"), [
    ("Turun 0,53 %.", "4,54%"),
    ("Garis kemiskinan Rp 644.107.", "Rp644.107"),
    ("Naik 0.5 poin.", "koma untuk desimal"),
    ("Sebanyak 1,234,567 orang.", "titik untuk ribuan"),
    ("Terbanyak Mei 25.", "Mei 2025"),
    ("Median hanya naik 0,0 %.", "tidak berubah"),
    ("Perjalanan per rt.", "RT ditulis"),
    ("Data yang yang hilang.", "kata ganda"),
    ("Satu , dua.", "sebelum tanda baca"),
    ("Satu  dua.", "satu spasi"),
    ("Pendek (stunted).", "istilah Inggris"),
    ("Ini PENTING sekali.", "huruf kapital"),
])
def test_each_rule_catches_its_mistake(bad: str, fix: str) -> None:
    assert any(fix in p for p in indonesian.problems(bad)), indonesian.problems(bad)


def test_good_indonesian_passes() -> None:
    good = ("Angka kemiskinan turun dari 4,54% menjadi 4,01%: turun 0,53 poin persen, atau sekitar 11,7 "
            "persen. Garis kemiskinan Rp644.107 per kapita per bulan. Perjalanan per 100 penduduk menurut "
            "RT, Mei 2025. Anak-anak di RT 17. DATA SINTETIS untuk latihan; sumber: BPS dan WHO. "
            "Median tidak berubah. Nilai z −1,67.")
    assert indonesian.problems(good) == []
