"""Questions of module 2, *Struktur penduduk* (ids ``2a``–``2h``, ``2j``)."""

from __future__ import annotations

from typing import Any

from cantik.checks._data import deret, tabel
from cantik.checks._data import ind as _ind
from cantik.checks.compare import banding_angka, banding_deret
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.figures import Piramida, banding_grafik
from cantik.checks.formula import Bagian
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


def _kelompok_median() -> tuple[int, int, int]:
    """L, F and f of the group holding person n/2 (lower bound, cumulative count before it, its count)."""
    jumlah = _kelompok_umur()
    n = int(jumlah.sum())
    kumulatif = 0
    for label, f in jumlah.items():
        if kumulatif + int(f) >= n / 2:
            return int(str(label).rstrip("+").split("-")[0]), kumulatif, int(f)
        kumulatif += int(f)
    raise ValueError("no median group")


#: Years compared in question 2j (the village profile changed its definition of lansia between them).
TAHUN_DRIFT = (2022, 2023)


def _lansia(kolom: str, tahun: int) -> int:
    t = tabel("lansia_tahunan").set_index("tahun")
    return int(t.loc[tahun, kolom])


def _kenaikan(kolom_awal: str, kolom_akhir: str | None = None) -> float:
    a, b = TAHUN_DRIFT
    return (_lansia(kolom_akhir or kolom_awal, b) - _lansia(kolom_awal, a)) / _lansia(kolom_awal, a) * 100


def fakta_kelompok(label: str) -> int:
    """People in one five-year age group of ``penduduk`` (e.g. ``"0-4"``)."""
    return int(_kelompok_umur()[label])


def fakta_umur(lo: int, hi: int = 200) -> int:
    """People aged ``lo``–``hi`` in ``penduduk``."""
    return int(_umur().between(lo, hi).sum())


PESAN_SELURUH = ("Sepertinya Anda membagi dengan seluruh penduduk, bukan dengan penduduk usia 15–64 tahun "
                 "(usia produktif).")

daftar(
    Soal(
        "2a",
        harapan=lambda: _ind().sex_ratio(tabel("penduduk")),
        banding=banding_angka(desimal=1),
        bagian=[
            Bagian("pembilang", "banyaknya penduduk laki-laki (L)", lambda: _jk()[0],
                   [("Itu banyaknya perempuan: pembilang dan penyebut tertukar.", lambda: _jk()[1]),
                    ("Itu seluruh penduduk; pembilangnya hanya yang laki-laki.", lambda: sum(_jk()))]),
            Bagian("penyebut", "banyaknya penduduk perempuan (P)", lambda: _jk()[1],
                   [("Itu banyaknya laki-laki: pembilang dan penyebut tertukar.", lambda: _jk()[0]),
                    ("Itu seluruh penduduk; rasio jenis kelamin membagi dengan perempuan saja.",
                     lambda: sum(_jk()))]),
        ],
        hitung_sendiri=("rasio_jenis_kelamin",),
        rumus="laki-laki / perempuan × 100",
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
        petunjuk=["Hitung banyaknya laki-laki: `(penduduk[\"jenis_kelamin\"] == \"L\").sum()`; simpan di "
                  "`laki_laki`. Begitu juga perempuan (\"P\") di `perempuan`.",
                  "Rasio jenis kelamin = laki_laki / perempuan × 100.",
                  "`rasio_jk = laki_laki / perempuan * 100`."],
    ),
    Soal(
        "2b",
        harapan=lambda: _ind().dependency_ratio(tabel("penduduk")).total,
        banding=banding_angka(desimal=1),
        bagian=[
            Bagian("pembilang", "banyaknya penduduk umur 0–14 tahun ditambah umur 65 tahun ke atas",
                   lambda: _counts()[0] + _counts()[2],
                   [("Sepertinya Anda memakai batas tua 60 tahun; BPS memakai 65 tahun ke atas.",
                     lambda: _counts(60)[0] + _counts(60)[2]),
                    ("Itu baru penduduk muda (0–14); tambahkan penduduk 65 tahun ke atas.",
                     lambda: _counts()[0]),
                    ("Sepertinya umur 15 ikut dihitung sebagai muda; muda adalah 0–14 tahun.",
                     lambda: _counts(hi_young=15)[0] + _counts(hi_young=15)[2])]),
            Bagian("penyebut", "banyaknya penduduk umur 15–64 tahun (usia produktif)",
                   lambda: _counts()[1],
                   [("Itu seluruh penduduk; penyebutnya hanya penduduk 15–64 tahun.",
                     lambda: len(_umur())),
                    ("Sepertinya Anda memakai batas 15–59 tahun; usia produktif BPS adalah 15–64 tahun.",
                     lambda: _counts(60)[1])]),
        ],
        hitung_sendiri=("rasio_ketergantungan",),
        rumus="(umur 0–14 + umur 65+) / umur 15–64 × 100",
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
                  "Pembilang: `(umur <= 14).sum() + (umur >= 65).sum()`; penyebut: "
                  "`umur.between(15, 64).sum()`, dengan `umur = penduduk[\"umur\"]`.",
                  "Rasio ketergantungan = pembilang / penyebut × 100."],
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
                  "`ind.rasio_ketergantungan(penduduk)` memberi tiga angka: `.total`, `.muda` dan `.tua`."],
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
                  "`ind.kelompok_umur(penduduk[\"umur\"])` memberi label kelompok untuk setiap orang.",
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
                  "`penduduk[\"umur\"].median()` atau `ind.median_umur(penduduk)`."],
    ),
    Soal(
        "2f",
        harapan=lambda: _ind().median_age_grouped(_kelompok_umur()),
        banding=banding_angka(desimal=1),
        bagian=[
            Bagian("L", "batas bawah kelompok umur yang memuat orang ke-n/2", lambda: _kelompok_median()[0],
                   [("Itu batas ATAS kelompok itu; L adalah batas bawahnya.",
                     lambda: _kelompok_median()[0] + 4)]),
            Bagian("F", "jumlah kumulatif SEBELUM kelompok median (semua orang di kelompok yang lebih muda)",
                   lambda: _kelompok_median()[1],
                   [("Itu jumlah kumulatif SAMPAI kelompok median; F berhenti tepat sebelum kelompok itu.",
                     lambda: _kelompok_median()[1] + _kelompok_median()[2])]),
            Bagian("f", "banyaknya orang di kelompok median itu sendiri", lambda: _kelompok_median()[2]),
        ],
        hitung_sendiri=("median_umur_berkelompok",),
        rumus="L + ((n/2 − F) / f) × i",
        salah=[
            Salah("Itu median dari umur satu per satu. Soal ini meminta median dari data BERKELOMPOK dengan "
                  "rumus L + ((n/2 − F) / f) × i.", nilai=lambda: _ind().median_age(tabel("penduduk"))),
            Salah("Itu baru batas bawah kelompok median (L). Tambahkan ((n/2 − F) / f) × i.",
                  nilai=lambda: float(int(_ind().median_age_grouped(_kelompok_umur()) // 5 * 5))),
        ],
        petunjuk=["Lihat tabel kumulatif di atas: kelompok median adalah kelompok PERTAMA yang kumulatifnya "
                  "mencapai n/2.",
                  "L = batas bawah kelompok itu, F = kumulatif kelompok SEBELUMNYA, f = jumlah di kelompok "
                  "itu, i = 5.",
                  "`median_kelompok = L + (n / 2 - F) / f * 5`."],
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
        "2j",
        harapan=lambda: _kenaikan("umur_60_ke_atas"),
        banding=banding_angka(desimal=1),
        salah=[
            Salah("Itu kenaikan menurut angka profil, padahal definisinya berubah: profil 2022 menghitung "
                  "lansia "
                  "65 tahun ke atas, profil 2023 menghitung 60 tahun ke atas. Bandingkan dua tahun dengan "
                  "definisi yang sama (kolom `umur_60_ke_atas`).",
                  nilai=lambda: _kenaikan("lansia_di_profil")),
            Salah("Definisinya sudah sama (65 tahun ke atas), itu cara berpikir yang benar. Soal ini meminta "
                  "definisi lansia 60 tahun ke atas (kolom `umur_60_ke_atas`).",
                  nilai=lambda: _kenaikan("umur_65_ke_atas")),
            Salah("Itu selisih dalam orang. Yang diminta kenaikan persen: selisih / angka 2022 × 100.",
                  nilai=lambda: _lansia("umur_60_ke_atas", TAHUN_DRIFT[1])
                  - _lansia("umur_60_ke_atas", TAHUN_DRIFT[0])),
        ],
        petunjuk=["Ambil baris 2022 dan 2023 dari tabel `lansia_tahunan`.",
                  "Pakai kolom yang definisinya sama untuk kedua tahun: `umur_60_ke_atas`.",
                  "Kenaikan persen = (angka 2023 − angka 2022) / angka 2022 × 100."],
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
