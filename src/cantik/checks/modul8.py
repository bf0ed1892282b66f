"""Questions of module 8, the capstone *Kandangan Utara dalam Angka* (ids ``8a``–``8g``).

The capstone is mostly rubric-graded; the autograded part checks the indicator sheet (computed with
:mod:`cantik.indicators`), the SIRUSA-style metadata of one indicator and one honest chart. The finished
notebook becomes a shareable HTML page with :func:`cantik.publish.ekspor_html`.
"""

from __future__ import annotations

import functools
from typing import Any

from cantik.checks._data import ind as _ind
from cantik.checks._data import tabel
from cantik.checks.compare import Hasil, Pembanding, banding_angka
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.figures import banding_grafik
from cantik.checks.plain import Deret
from cantik.data.calibration import GARIS_KEMISKINAN

#: Fields of an indicator's metadata in the SIRUSA style (the keys of ``datasets/metadata_indikator.json``).
ISIAN_METADATA = ("nama", "konsep", "definisi", "metode_perhitungan", "rumus", "satuan", "interpretasi",
                  "disagregasi", "periodisasi", "sumber_data")


@functools.cache
def _z() -> Any:
    """Height-for-age z-scores of the balita table, computed once per session (not to be modified)."""
    return _ind().height_for_age_z_table(tabel("balita"))


def _penduduk() -> Any:
    return tabel("penduduk")


def _kunci(k: Any) -> str:
    return "_".join(str(k).strip().casefold().replace("-", " ").split())


def banding_metadata() -> Pembanding:
    """Every SIRUSA field is present and filled in, and the source says the data are synthetic."""

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        if not isinstance(jawaban, Deret):
            return Hasil(False, "Metadata ditulis sebagai dict: "
                                "{\"nama\": \"...\", \"konsep\": \"...\", ...}.")
        isi = {_kunci(k): v for k, v in zip(jawaban.label, jawaban.nilai, strict=True)}
        kurang = [k for k in harapan if k not in isi]
        if kurang:
            return Hasil(False, "Isian metadata yang belum ada: " + ", ".join(kurang) + ".")
        kosong = [k for k in harapan if not isinstance(isi[k], str) or len(isi[k].strip()) < 2]
        if kosong:
            return Hasil(False, "Isian metadata yang masih kosong atau terlalu pendek: "
                                + ", ".join(kosong) + ".")
        if "sintetis" not in isi["sumber_data"].casefold():
            return Hasil(False, "Isian sumber_data harus menyebut bahwa datanya SINTETIS (data latihan), "
                                "supaya tidak dikira data resmi.")
        return Hasil(True)

    return banding


daftar(
    Soal(
        "8a",
        harapan=lambda: len(_penduduk()),
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Itu banyaknya keluarga (Kartu Keluarga), bukan banyaknya penduduk.",
                  nilai=lambda: len(tabel("keluarga"))),
            Salah("Itu angka registrasi (KK) dari tabel sumber_banding. Profil ini memakai tabel penduduk "
                  "(penduduk yang benar-benar tinggal di kelurahan).",
                  nilai=lambda: float(tabel("sumber_banding").query("indikator == 'Jumlah penduduk' and "
                                                                    "sumber.str.contains('Registrasi')")
                                      ["nilai"].iloc[0])),
        ],
        petunjuk=["Satu baris tabel `penduduk` = satu orang: `len(penduduk)`."],
    ),
    Soal(
        "8b",
        harapan=lambda: _ind().sex_ratio(_penduduk()),
        banding=banding_angka(desimal=1),
        salah=[
            Salah("Anda membagi perempuan dengan laki-laki. Rasio jenis kelamin = L / P × 100.",
                  nilai=lambda: 100 / _ind().sex_ratio(_penduduk()) * 100),
        ],
        petunjuk=["`ind.sex_ratio(penduduk)` (modul 2)."],
    ),
    Soal(
        "8c",
        harapan=lambda: _ind().dependency_ratio(_penduduk()).total,
        banding=banding_angka(desimal=1),
        salah=[
            Salah("Sepertinya Anda membagi dengan seluruh penduduk, bukan dengan penduduk usia 15–64 tahun.",
                  nilai=lambda: float((~_penduduk()["umur"].between(15, 64)).mean() * 100)),
        ],
        petunjuk=["`ind.dependency_ratio(penduduk).total` (modul 2)."],
    ),
    Soal(
        "8d",
        harapan=lambda: _ind().poverty_indices(tabel("keluarga"), GARIS_KEMISKINAN,
                                               weights="jumlah_anggota").p0,
        banding=banding_angka(desimal=2, persen=True),
        salah=[
            Salah("Anda menghitung KELUARGA, bukan ORANG: beri bobot jumlah anggota "
                  "(`weights=\"jumlah_anggota\"`).",
                  nilai=lambda: _ind().poverty_indices(tabel("keluarga"), GARIS_KEMISKINAN).p0),
        ],
        petunjuk=["`ind.poverty_indices(keluarga, 644107, weights=\"jumlah_anggota\").p0` (modul 5)."],
    ),
    Soal(
        "8e",
        harapan=lambda: _ind().stunting_prevalence(_z()),
        banding=banding_angka(desimal=1, persen=True),
        salah=[
            Salah("Itu banyaknya anak stunting, bukan prevalensi (persen).",
                  nilai=lambda: int((_z() < -2).sum())),
        ],
        petunjuk=["`ind.stunting_prevalence(ind.height_for_age_z_table(balita))` (modul 6)."],
    ),
    Soal(
        "8f",
        harapan=lambda: ISIAN_METADATA,
        banding=banding_metadata(),
        bentuk="deret",
        petunjuk=["Contoh lengkap ada di `datasets/metadata_indikator.json` (mis. untuk rasio jenis "
                  "kelamin).",
                  "Kunci yang diperlukan: " + ", ".join(ISIAN_METADATA) + "."],
    ),
    Soal(
        "8g",
        harapan=lambda: None,
        banding=banding_grafik(jenis=("batang", "batang_mendatar", "garis")),
        bentuk="grafik",
        petunjuk=["Pilih satu indikator per RT atau menurut waktu; gambar diagram batang (diurutkan) atau "
                  "garis.",
                  "Judul (apa, di mana, kapan), label kedua sumbu dengan satuan; batang mulai dari nol."],
    ),
)
