"""Questions of module 2, *Struktur penduduk* (ids ``2a``–``2h``)."""

from __future__ import annotations

from typing import Any

from cantik.checks._data import deret, tabel
from cantik.checks._data import ind as _ind
from cantik.checks.compare import banding_angka, banding_deret
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.figures import Piramida, banding_grafik
from cantik.checks.plain import Deret


def _umur() -> Any:
    return tabel("penduduk")["umur"]


def _jk() -> tuple[int, int]:
    jk = tabel("penduduk")["jenis_kelamin"]
    return int((jk == "L").sum()), int((jk == "P").sum())


def _kelompok_umur() -> Any:
    return _ind().age_groups(_umur()).value_counts(sort=False)


def _counts(lo_old: int = 65, hi_young: int = 14) -> tuple[int, int, int]:
    u = _umur()
    muda = int((u <= hi_young).sum())
    tua = int((u >= lo_old).sum())
    return muda, len(u) - muda - tua, tua


def _piramida() -> Piramida:
    """Men and women per five-year age group (youngest first), as counts; percentages of all residents and
    proportions are drawn the same way, so they are accepted too."""
    import pandas as pd

    p = tabel("penduduk")
    t = pd.crosstab(_ind().age_groups(p["umur"]), p["jenis_kelamin"])
    n = float(len(p))
    return Piramida(tuple(map(str, t.index)), tuple(map(float, t["L"])), tuple(map(float, t["P"])),
                    faktor=(1.0, 100 / n, 1 / n))


def _jumlah_persen(j: Any) -> bool:
    if not isinstance(j, Deret) or not all(isinstance(v, int | float) for v in j.nilai):
        return False
    return 99 <= sum(j.nilai) <= 101


PESAN_SELURUH = ("Sepertinya Anda membagi dengan seluruh penduduk, bukan dengan penduduk usia 15–64 tahun "
                 "(usia produktif).")

daftar(
    Soal(
        "2a",
        harapan=lambda: _ind().sex_ratio(tabel("penduduk")),
        banding=banding_angka(desimal=1),
        salah=[
            Salah("Anda membagi perempuan dengan laki-laki. Rasio jenis kelamin = banyaknya laki-laki per "
                  "100 "
                  "perempuan (L / P × 100).", nilai=lambda: _jk()[1] / _jk()[0] * 100),
            Salah("Sepertinya Anda membagi dengan seluruh penduduk. Itu persentase laki-laki, bukan rasio "
                  "jenis "
                  "kelamin (L / P × 100).", nilai=lambda: _jk()[0] / sum(_jk()) * 100),
            Salah("Rasio jenis kelamin dinyatakan per 100 perempuan: kalikan hasil bagi L / P dengan 100.",
                  nilai=lambda: _jk()[0] / _jk()[1]),
        ],
        petunjuk=["Hitung banyaknya laki-laki (L) dan perempuan (P).",
                  "Rasio jenis kelamin = L / P × 100.",
                  "Atau langsung: `ind.sex_ratio(penduduk)`."],
    ),
    Soal(
        "2b",
        harapan=lambda: _ind().dependency_ratio(tabel("penduduk")).total,
        banding=banding_angka(desimal=1),
        salah=[
            Salah(PESAN_SELURUH, nilai=lambda: (_counts()[0] + _counts()[2]) / len(_umur()) * 100),
            Salah("Anda membalik pembilang dan penyebut. Yang menanggung (15–64 tahun) ada di penyebut; yang "
                  "ditanggung (0–14 dan 65+) di pembilang.",
                  nilai=lambda: _counts()[1] / (_counts()[0] + _counts()[2]) * 100),
            Salah("Periksa batas umur. BPS memakai: muda 0–14 tahun, produktif 15–64 tahun, tua 65 tahun ke "
                  "atas.",
                  nilai=lambda: (_counts(60)[0] + _counts(60)[2]) / _counts(60)[1] * 100),
            Salah("Anda baru menghitung penduduk muda (0–14). Rasio ketergantungan total juga memasukkan "
                  "penduduk "
                  "tua (65+).", nilai=lambda: _ind().dependency_ratio(tabel("penduduk")).young),
        ],
        petunjuk=["Bagi penduduk menjadi tiga kelompok umur: 0–14, 15–64 dan 65 tahun ke atas.",
                  "Rasio ketergantungan = (0–14 + 65+) / (15–64) × 100.",
                  "Atau: `ind.dependency_ratio(penduduk).total`."],
    ),
    Soal(
        "2c",
        harapan=lambda: _ind().dependency_ratio(tabel("penduduk")).old,
        banding=banding_angka(desimal=1),
        salah=[
            Salah("Itu rasio ketergantungan muda (0–14 tahun). Yang diminta rasio ketergantungan tua (65+).",
                  nilai=lambda: _ind().dependency_ratio(tabel("penduduk")).young),
            Salah(PESAN_SELURUH, nilai=lambda: _counts()[2] / len(_umur()) * 100),
            Salah("Periksa batas umur: penduduk tua dihitung mulai 65 tahun, bukan 60.",
                  nilai=lambda: _counts(60)[2] / _counts(60)[1] * 100),
        ],
        petunjuk=["Rasio ketergantungan tua = penduduk 65+ / penduduk 15–64 × 100.",
                  "`ind.dependency_ratio(penduduk)` memberi tiga angka: total, young (muda), old (tua)."],
    ),
    Soal(
        "2d",
        harapan=lambda: deret(_kelompok_umur()),
        banding=banding_deret(desimal=0),
        bentuk="deret",
        salah=[
            Salah("Anda memberikan persentase. Yang diminta banyaknya orang di setiap kelompok umur.",
                  cocok=_jumlah_persen),
            Salah("Anda memberikan proporsi. Yang diminta banyaknya orang di setiap kelompok umur.",
                  nilai=lambda: deret(_kelompok_umur() / len(_umur()))),
        ],
        petunjuk=["Kelompok umur lima tahunan: 0-4, 5-9, …, 70-74, dan 75+.",
                  "`ind.age_groups(penduduk[\"umur\"])` memberi label kelompok untuk setiap orang.",
                  "Hitung dengan `.value_counts(sort=False)` supaya urutannya tetap dari muda ke tua."],
    ),
    Soal(
        "2e",
        harapan=lambda: _ind().median_age(tabel("penduduk")),
        banding=banding_angka(desimal=1),
        salah=[
            Salah("Anda menghitung rata-rata (mean), bukan median. Median adalah nilai tengah setelah umur "
                  "diurutkan.", nilai=lambda: float(_umur().mean())),
        ],
        petunjuk=["Median = nilai tengah setelah semua umur diurutkan.",
                  "`penduduk[\"umur\"].median()` atau `ind.median_age(penduduk)`."],
    ),
    Soal(
        "2f",
        harapan=lambda: _ind().median_age_grouped(_kelompok_umur()),
        banding=banding_angka(desimal=1),
        salah=[
            Salah("Itu median dari umur satu per satu. Soal ini meminta median dari data BERKELOMPOK dengan "
                  "rumus L + ((n/2 − F) / f) × i.", nilai=lambda: _ind().median_age(tabel("penduduk"))),
            Salah("Itu baru batas bawah kelompok median (L). Tambahkan ((n/2 − F) / f) × i.",
                  nilai=lambda: float(int(_ind().median_age_grouped(_kelompok_umur()) // 5 * 5))),
        ],
        petunjuk=["Cari kelompok umur tempat orang ke-n/2 berada (pakai jumlah kumulatif `.cumsum()`).",
                  "L = batas bawah kelompok itu, F = jumlah kumulatif sebelum kelompok itu, f = jumlah di "
                  "kelompok itu, i = 5.",
                  "Atau: `ind.median_age_grouped(jumlah_per_kelompok)`."],
    ),
    Soal(
        "2g",
        harapan=_piramida,
        banding=banding_grafik(jenis="batang_mendatar"),
        bentuk="grafik",
        petunjuk=["Piramida penduduk = dua diagram batang mendatar: laki-laki ke kiri, perempuan ke kanan.",
                  "Hitung tabel kelompok umur × jenis kelamin dengan `pd.crosstab`.",
                  "Gambar laki-laki dengan nilai negatif: `ax.barh(label, -jumlah_L)`, perempuan: "
                  "`ax.barh(label, jumlah_P)`. Jangan lupa judul dan label sumbu."],
    ),
    Soal(
        "2h",
        harapan=lambda: float(_umur().mean()),
        banding=banding_angka(desimal=1),
        salah=[
            Salah("Itu median. Yang diminta rata-rata (mean): jumlah semua umur dibagi banyaknya orang.",
                  nilai=lambda: float(_umur().median())),
        ],
        petunjuk=["Rata-rata = jumlah semua umur / banyaknya orang.", "`penduduk[\"umur\"].mean()`."],
    ),
)
