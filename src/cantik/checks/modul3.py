"""Questions of module 3, *Pertumbuhan, mutasi & kepadatan* (ids ``3a``–``3i``)."""

from __future__ import annotations

import math
from typing import Any

from cantik.checks._data import deret, tabel
from cantik.checks._data import ind as _ind
from cantik.checks.compare import banding_angka, banding_deret, banding_teks
from cantik.checks.core import Salah, Soal, daftar

#: The three Kelurahan/Desa Cantik of Kab. Hulu Sungai Selatan compared in question 3f.
TIGA_WILAYAH = ["kandangan_utara", "taluk_haur", "gambah_luar"]
#: Published P0 of Kab. HSS (approx., reported by the press), used in questions 3g and 3h.
P0_2022, P0_2023 = 4.54, 4.01


def _p(tahun: int, wilayah: str | None = None) -> int:
    t = tabel("penduduk_tahunan", wilayah)
    return int(t.loc[t["tahun"] == tahun, "jumlah_penduduk"].iloc[0])


def _laju() -> float:
    return _ind().growth_rate_geometric(_p(2015), _p(2025), 10)


def _desa() -> Any:
    return tabel("desa_kelurahan").set_index("nama")


def _kepadatan() -> Any:
    d = _desa()
    return _ind().density(d["jumlah_penduduk"], d["luas_km2"])


def _mutasi_2024() -> Any:
    m = tabel("mutasi")
    m = m[m["periode"].dt.year == 2024]
    return m.groupby("jenis_mutasi", observed=False)["jumlah"].sum()


def _pertambahan_2024() -> int:
    s = _mutasi_2024()
    return int(s["Lahir"] - s["Mati"] + s["Datang"] - s["Pindah"])


PESAN_PERSEN_POIN = ("Itu perubahan persen (relatif terhadap angka awal). Yang diminta selisih dalam POIN "
                     "persen: "
                     "angka akhir dikurangi angka awal.")
PESAN_POIN_PERSEN = ("Itu selisih dalam poin persen. Yang diminta perubahan PERSEN: selisih dibagi angka "
                     "awal, "
                     "dikali 100.")

daftar(
    Soal(
        "3a",
        harapan=_laju,
        banding=banding_angka(desimal=2, persen=True),
        salah=[
            Salah("Dari 2015 ke 2025 lamanya 10 tahun, bukan 11. t adalah selisih tahun.",
                  nilai=lambda: _ind().growth_rate_geometric(_p(2015), _p(2025), 11)),
            Salah("Anda membagi perubahan persen selama 10 tahun dengan 10 (cara aritmetik). BPS memakai "
                  "rumus "
                  "geometrik: r = (Pt / P0)^(1/t) − 1.",
                  nilai=lambda: (_p(2025) / _p(2015) - 1) * 100 / 10),
            Salah("Itu perubahan selama 10 tahun sekaligus. Yang diminta laju PER TAHUN.",
                  nilai=lambda: (_p(2025) / _p(2015) - 1) * 100),
        ],
        petunjuk=["Ambil jumlah penduduk 2015 (P0) dan 2025 (Pt) dari tabel `penduduk_tahunan`.",
                  "Rumus geometrik: r = (Pt / P0)^(1/t) − 1, dengan t = 10 tahun; kalikan 100 supaya persen.",
                  "Atau: `ind.growth_rate_geometric(p0, pt, 10)` (hasilnya sudah dalam persen)."],
    ),
    Soal(
        "3b",
        harapan=lambda: _ind().growth_rate_exponential(_p(2015), _p(2025), 10),
        banding=banding_angka(desimal=2, persen=True),
        salah=[
            Salah("Itu laju geometrik. Rumus eksponensial: r = ln(Pt / P0) / t.", nilai=_laju),
            Salah("Anda belum membagi dengan t = 10 tahun: r = ln(Pt / P0) / t.",
                  nilai=lambda: math.log(_p(2025) / _p(2015)) * 100),
        ],
        petunjuk=["Rumus eksponensial: r = ln(Pt / P0) / t (kalikan 100 supaya persen).",
                  "`import math` lalu `math.log(...)`, atau `ind.growth_rate_exponential(p0, pt, 10)`."],
    ),
    Soal(
        "3c",
        harapan=lambda: _ind().project_population(_p(2025), _laju(), 5),
        banding=banding_angka(desimal=None, toleransi=2),
        salah=[
            Salah("Anda menambah pertumbuhan secara linear (P × (1 + r × t)). Rumus geometrik memakai "
                  "pangkat: "
                  "P × (1 + r)^t.", nilai=lambda: _p(2025) * (1 + _laju() / 100 * 5)),
            Salah("r harus dalam bentuk desimal di rumus: 1,5 % ditulis 0,015 (bagi dengan 100).",
                  nilai=lambda: _p(2025) * (1 + _laju()) ** 5),
            Salah("Proyeksi 2030 berangkat dari penduduk 2025 dengan t = 5 tahun, bukan dari 2015.",
                  nilai=lambda: _ind().project_population(_p(2015), _laju(), 15)),
        ],
        petunjuk=["Mulai dari penduduk 2025 dan laju geometrik soal 3a.",
                  "P2030 = P2025 × (1 + r)^5, dengan r dalam desimal (persen / 100).",
                  "Atau: `ind.project_population(p2025, laju_geometrik, 5)`."],
    ),
    Soal(
        "3d",
        harapan=lambda: deret(_kepadatan()),
        banding=banding_deret(desimal=0),
        bentuk="deret",
        salah=[
            Salah("Anda membagi luas dengan jumlah penduduk. Kepadatan = jumlah penduduk / luas (jiwa per "
                  "km²).",
                  nilai=lambda: deret(_desa()["luas_km2"] / _desa()["jumlah_penduduk"])),
        ],
        petunjuk=["Kepadatan = jumlah penduduk / luas wilayah (km²).",
                  "Jadikan kolom `nama` sebagai indeks: `desa = desa.set_index(\"nama\")`.",
                  "`ind.density(desa[\"jumlah_penduduk\"], desa[\"luas_km2\"])`."],
    ),
    Soal(
        "3e",
        harapan=lambda: str(_kepadatan().idxmax()),
        banding=banding_teks(),
        bentuk="teks",
        salah=[
            Salah("Itu desa/kelurahan dengan penduduk TERBANYAK. Yang terpadat dilihat dari penduduk per "
                  "km²: "
                  "wilayah kecil dengan penduduk sedang bisa lebih padat.",
                  nilai=lambda: str(_desa()["jumlah_penduduk"].idxmax())),
            Salah("Itu yang paling TIDAK padat. Cari nilai kepadatan terbesar (`idxmax`).",
                  nilai=lambda: str(_kepadatan().idxmin())),
        ],
        petunjuk=["Pakai hasil soal 3d.", "`kepadatan.idxmax()` memberi nama dengan nilai terbesar."],
    ),
    Soal(
        "3f",
        harapan=lambda: deret(_series_tiga()),
        banding=banding_deret(desimal=2),
        bentuk="deret",
        salah=[
            Salah("Itu jumlah penduduk yang bertambah (orang), bukan laju (persen per tahun). Wilayah besar "
                  "tentu "
                  "bertambah lebih banyak orang; laju memungkinkan perbandingan yang adil.",
                  nilai=lambda: deret(_series_tiga(lambda w: _p(2025, w) - _p(2015, w)))),
        ],
        petunjuk=["Ulangi hitungan soal 3a untuk setiap wilayah: `load(\"penduduk_tahunan\", wilayah=...)`.",
                  "Simpan dalam dict: `{\"kandangan_utara\": ..., \"taluk_haur\": ..., \"gambah_luar\": "
                  "...}`."],
    ),
    Soal(
        "3g",
        harapan=lambda: _ind().percentage_point_change(P0_2022, P0_2023),
        banding=banding_angka(desimal=2),
        salah=[
            Salah(PESAN_PERSEN_POIN, nilai=lambda: _ind().percent_change(P0_2022, P0_2023)),
            Salah("Periksa tandanya: angkanya turun, jadi perubahannya negatif (akhir − awal).",
                  nilai=lambda: -_ind().percentage_point_change(P0_2022, P0_2023)),
        ],
        petunjuk=["Selisih poin persen = angka akhir − angka awal (keduanya sudah dalam persen).",
                  "`ind.percentage_point_change(4.54, 4.01)`."],
    ),
    Soal(
        "3h",
        harapan=lambda: _ind().percent_change(P0_2022, P0_2023),
        banding=banding_angka(desimal=1),
        salah=[
            Salah(PESAN_POIN_PERSEN, nilai=lambda: _ind().percentage_point_change(P0_2022, P0_2023)),
            Salah("Pembaginya angka AWAL (2022), bukan angka akhir.",
                  nilai=lambda: (P0_2023 - P0_2022) / P0_2023 * 100),
        ],
        petunjuk=["Perubahan persen = (akhir − awal) / awal × 100.", "`ind.percent_change(4.54, 4.01)`."],
    ),
    Soal(
        "3i",
        harapan=_pertambahan_2024,
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Anda menjumlahkan semua peristiwa. Kematian dan pindah MENGURANGI penduduk: "
                  "lahir − mati + datang − pindah.", nilai=lambda: int(_mutasi_2024().sum())),
            Salah("Itu baru pertambahan alami (lahir − mati). Tambahkan migrasi neto (datang − pindah).",
                  nilai=lambda: int(_mutasi_2024()["Lahir"] - _mutasi_2024()["Mati"])),
        ],
        petunjuk=["Pilih baris tahun 2024: `mutasi[mutasi[\"periode\"].dt.year == 2024]`.",
                  "Jumlahkan per jenis mutasi dengan `groupby(\"jenis_mutasi\")[\"jumlah\"].sum()`.",
                  "Pertambahan = lahir − mati + datang − pindah."],
    ),
)


def _series_tiga(f: Any = None) -> Any:
    import pandas as pd

    f = f or (lambda w: _ind().growth_rate_geometric(_p(2015, w), _p(2025, w), 10))
    return pd.Series({w: f(w) for w in TIGA_WILAYAH})
