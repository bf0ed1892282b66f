"""Questions of module 2, *Struktur penduduk* (ids ``2a``–``2h``, ``2j``)."""

from __future__ import annotations

from typing import Any

from cantik.checks._data import deret, tabel
from cantik.checks._data import ind as _ind
from cantik.checks.compare import banding_angka, banding_deret
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.figures import Piramida, banding_grafik
from cantik.checks.formula import Bagian
from cantik.checks.mistakes import Rumus, tanda
from cantik.checks.plain import Deret, Tabel


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


def _lansia_penduduk(batas: int) -> int:
    """People aged ``batas`` and over in ``penduduk`` (question 2k)."""
    return int((_umur() >= batas).sum())


def _lebih_banyak_60() -> float:
    """How many percent more elderly the 60+ definition counts than the 65+ one (question 2k)."""
    return (_lansia_penduduk(60) - _lansia_penduduk(65)) / _lansia_penduduk(65) * 100


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
def _ketergantungan(bagian: str = "total", muda: tuple[int, int | None] = (0, 14),
                    produktif: tuple[int, int | None] = (15, 64), tua: tuple[int, int | None] = (65, None),
                    penyebut: str = "produktif") -> float:
    """The dependency ratio with its age groups and denominator as parameters (mutations change one)."""
    u = _umur()

    def n(g: tuple[int, int | None]) -> int:
        lo, hi = g
        return int(((u >= lo) & (u <= (hi if hi is not None else 200))).sum())

    pembilang = {"total": n(muda) + n(tua), "muda": n(muda), "tua": n(tua)}[bagian]
    pembagi = {"produktif": n(produktif), "semua": len(u)}[penyebut]
    return pembilang / pembagi * 100


def salah_ketergantungan(bagian: str = "total") -> tuple[Rumus, list[Salah]]:
    """The mistake catalogue of a dependency ratio (total, young or old), shared by 2b, 2c and 8c."""
    R = Rumus(_ketergantungan, bagian=bagian, muda=(0, 14), produktif=(15, 64), tua=(65, None),
              penyebut="produktif")
    nama = {"produktif": "penduduk usia produktif", "tua": "penduduk tua"}
    if bagian != "tua":
        nama = {"muda": "penduduk muda", **nama}
    lain = {"total": ("muda", "tua"), "muda": ("total", "tua"), "tua": ("total", "muda")}[bagian]
    arti = {"total": "rasio ketergantungan total ((0–14 + 65+) / 15–64)",
            "muda": "rasio ketergantungan muda (0–14 / 15–64)", "tua": "rasio ketergantungan tua (65+ / "
                                                                       "15–64)"}
    salah = [
        *R.batas(**nama),
        *R.ganti("penyebut", {"semua": "seluruh penduduk"}, benar="penduduk usia 15–64 tahun (usia "
                                                                  "produktif)",
                 pesan="Sepertinya Anda membagi dengan {salah}, bukan dengan {benar}.", konsep="penyebut"),
        Salah("Anda membalik pembilang dan penyebut. Yang menanggung (15–64 tahun) ada di penyebut; yang "
              "ditanggung (0–14 dan 65+) di pembilang.",
              nilai=lambda: 100 * 100 / _ketergantungan(bagian), kode="dibalik", konsep="rumus"),
        Salah("Periksa batas umur. BPS memakai: muda 0–14 tahun, produktif 15–64 tahun, tua 65 tahun ke atas "
              "(bukan 60 tahun ke atas).",
              nilai=lambda: _ketergantungan(bagian, produktif=(15, 59), tua=(60, None)), kode="tua-60",
              konsep="batas"),
        Salah("Rasio ketergantungan dinyatakan per 100 penduduk usia produktif: kalikan hasil baginya dengan "
              "100.", nilai=lambda: _ketergantungan(bagian) / 100, kode="belum-kali-100", konsep="skala"),
        *[Salah(f"Itu {arti[b]}. Yang diminta {arti[bagian]}.", nilai=lambda b=b: _ketergantungan(b),
                kode=f"bagian-{b}", konsep="indikator") for b in lain],
    ]
    return R, salah



def salah_rasio_jk(penduduk: Any) -> list[Salah]:
    """The mistake catalogue of the sex ratio, shared by 2a and 8b (``penduduk``: the table's loader)."""

    def jk() -> tuple[int, int]:
        s = penduduk()["jenis_kelamin"]
        return int((s == "L").sum()), int((s == "P").sum())

    return [
        Salah("Anda membagi perempuan dengan laki-laki. Rasio jenis kelamin = banyaknya laki-laki per 100 "
              "perempuan (L / P × 100).",
              nilai=lambda: jk()[1] / jk()[0] * 100, kode="dibalik", konsep="rumus"),
        Salah("Sepertinya Anda membagi dengan seluruh penduduk. Itu persentase laki-laki, bukan rasio jenis "
              "kelamin (L / P × 100).", nilai=lambda: jk()[0] / sum(jk()) * 100, kode="penyebut-semua",
              konsep="penyebut"),
        Salah("Itu persentase perempuan terhadap seluruh penduduk. Rasio jenis kelamin = L / P × 100.",
              nilai=lambda: jk()[1] / sum(jk()) * 100, kode="persen-perempuan", konsep="indikator"),
        Salah("Rasio jenis kelamin dinyatakan per 100 perempuan: kalikan hasil bagi L / P dengan 100.",
              nilai=lambda: jk()[0] / jk()[1], kode="belum-kali-100", konsep="skala"),
        Salah("Sepertinya Anda membagi perempuan dengan laki-laki dan belum mengalikan 100. Rasio jenis "
              "kelamin = L / P × 100.",
              nilai=lambda: jk()[1] / jk()[0], kode="dibalik-belum-kali-100", konsep="rumus"),
        Salah("Itu SELISIH laki-laki dan perempuan. Rasio jenis kelamin membagi: L / P × 100.",
              nilai=lambda: jk()[0] - jk()[1], kode="selisih", konsep="rumus"),
        Salah("Itu banyaknya laki-laki. Bagi dengan banyaknya perempuan, lalu kalikan 100.",
              nilai=lambda: jk()[0], kode="banyak-laki", konsep="rumus"),
    ]


def _kelompok_model(geser: int = 0, nol: bool = True) -> Deret:
    """Counts per 5-year group when each group starts ``geser`` years late (``pd.cut`` with right=True gives
    +1: ages 1–5 in "0-4", age 0 lost) or early; ``nol=False`` drops age 0."""
    import pandas as pd

    u = _umur()
    if not nol:
        u = u[u > 0]
    labels = list(_ind().age_groups([0]).cat.categories)
    edges = [5 * k + geser for k in range(16)] + [1000]
    return deret(pd.cut(u, edges, right=False, labels=labels).value_counts(sort=False))


def _median_kelompok_model(L_geser: float = 0, i: int = 5, posisi: str = "n/2", F: str = "sebelum") -> float:
    """The grouped-median formula L + ((n/2 − F) / f) × i, each part a parameter (mutations change one)."""
    g = _kelompok_umur()
    n = int(g.sum())
    target = n / 2 if posisi == "n/2" else n
    cum = g.cumsum()
    k = int((cum >= target).to_numpy().argmax())
    before = int(cum.iloc[k - 1]) if k else 0
    f = int(g.iloc[k])
    return 5 * k + L_geser + (target - (before if F == "sebelum" else before + f)) / f * i


def _rata_kelompok() -> float:
    g = _kelompok_umur()
    tengah = [5 * k + 2 for k in range(len(g) - 1)] + [77.5]
    return float(sum(t * n for t, n in zip(tengah, g, strict=True)) / g.sum())


_KETERGANTUNGAN_TOTAL, _SALAH_TOTAL = salah_ketergantungan("total")
_KETERGANTUNGAN_TUA, _SALAH_TUA = salah_ketergantungan("tua")
_KELOMPOK = Rumus(_kelompok_model, geser=0, nol=True)
_MEDIAN_KELOMPOK = Rumus(_median_kelompok_model, L_geser=0, i=5, posisi="n/2", F="sebelum")

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
        rumus_kata="laki-laki / perempuan × 100",
        salah=salah_rasio_jk(lambda: tabel("penduduk")),
        langkah="pembilang = banyaknya laki-laki (L), penyebut = banyaknya perempuan (P), lalu dikali 100.",
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
        rumus_kata="(umur 0–14 + umur 65+) / umur 15–64 × 100",
        rumus=_KETERGANTUNGAN_TOTAL,
        salah=_SALAH_TOTAL,
        langkah="pembilang = penduduk 0–14 dan 65 tahun ke atas, penyebut = penduduk 15–64 tahun, lalu "
                "dikali 100.",
        petunjuk=["Bagi penduduk menjadi tiga kelompok umur: 0–14, 15–64 dan 65 tahun ke atas.",
                  "Pembilang: `(umur <= 14).sum() + (umur >= 65).sum()`; penyebut: "
                  "`umur.between(15, 64).sum()`, dengan `umur = penduduk[\"umur\"]`.",
                  "Rasio ketergantungan = pembilang / penyebut × 100."],
    ),
    Soal(
        "2c",
        harapan=lambda: _ind().dependency_ratio(tabel("penduduk")).old,
        banding=banding_angka(desimal=1),
        rumus=_KETERGANTUNGAN_TUA,
        salah=_SALAH_TUA,
        langkah="pembilang = penduduk 65 tahun ke atas, penyebut = penduduk 15–64 tahun, lalu dikali 100.",
        petunjuk=["Rasio ketergantungan tua = penduduk 65+ / penduduk 15–64 × 100.",
                  "`ind.rasio_ketergantungan(penduduk)` memberi tiga angka: `.total`, `.muda` dan `.tua`."],
    ),
    Soal(
        "2d",
        harapan=lambda: deret(_kelompok_umur()),
        banding=banding_deret(desimal=0),
        bentuk="deret",
        rumus=_KELOMPOK,
        salah=[
            *_KELOMPOK.ganti("geser", {
                1: "umur 5 masuk ke kelompok 0-4 dan umur 0 tidak terhitung (ini terjadi dengan `pd.cut` "
                   "bawaan, `right=True`)",
                -1: "umur 4 masuk ke kelompok 5-9, umur 9 ke 10-14, dan seterusnya"},
                pesan="Batas kelompok umur Anda bergeser satu tahun: {salah}. Kelompok 0-4 berisi umur 0, 1, "
                      "2, 3 dan 4: pakai `ind.kelompok_umur(...)` atau `pd.cut(..., right=False)`.",
                      konsep="batas"),
            *_KELOMPOK.ganti("nol", {False: "umur 0"},
                             pesan="Sepertinya {salah} (bayi yang belum genap setahun) tidak ikut terhitung. "
                                   "Kelompok 0-4 dimulai dari umur 0.", konsep="batas"),
            Salah("Itu jumlah kumulatif (`cumsum()`). Yang diminta banyaknya orang di setiap kelompok saja.",
                  nilai=lambda: deret(_kelompok_umur().cumsum()), kode="kumulatif", konsep="bentuk"),
            Salah("Itu tabel kelompok umur × jenis kelamin. Yang diminta satu angka per kelompok umur: "
                  "laki-laki dan perempuan dijumlahkan.",
                  cocok=lambda j: isinstance(j, Tabel) and len(j.kolom) >= 3, kode="per-jenis-kelamin",
                  konsep="bentuk",
                  contoh=lambda: __import__("pandas").crosstab(_ind().age_groups(_umur()),
                                                               tabel("penduduk")["jenis_kelamin"])),
        ],
        langkah="kelompokkan umur lima tahunan mulai dari 0 (0-4, 5-9, …, 75+) dengan `ind.kelompok_umur`, "
                "lalu hitung dengan `.value_counts(sort=False)`.",
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
                  "diurutkan.", nilai=lambda: float(_umur().mean()), kode="mean", konsep="rata-median"),
            Salah("Itu median dari data BERKELOMPOK (rumus L + ((n/2 − F) / f) × i, soal 2f). Soal ini "
                  "meminta median dari umur satu per satu: `penduduk[\"umur\"].median()`.",
                  nilai=lambda: _ind().median_age_grouped(_kelompok_umur()), kode="berkelompok",
                  konsep="rata-median"),
            Salah("Sepertinya umur 0 (bayi) tidak ikut terhitung. Median memakai semua penduduk, termasuk "
                  "yang berumur 0.", nilai=lambda: float(_umur()[_umur() > 0].median()), kode="tanpa-umur-0",
                  konsep="batas"),
            Salah("Itu titik tengah antara umur termuda dan tertua ((min + maks) / 2). Median adalah umur "
                  "orang yang berada di tengah setelah semua umur diurutkan.",
                  nilai=lambda: float((_umur().min() + _umur().max()) / 2), kode="titik-tengah",
                  konsep="rata-median"),
            Salah("Itu posisi (urutan) orang yang di tengah, n/2, bukan umurnya. Median adalah UMUR orang "
                  "itu: `penduduk[\"umur\"].median()`.", nilai=lambda: len(_umur()) / 2, kode="posisi",
                  konsep="rata-median"),
            Salah("Itu umur yang paling sering muncul (modus), bukan median.",
                  nilai=lambda: float(_umur().mode().iloc[0]), kode="modus", konsep="rata-median"),
            Salah("Itu median dari banyaknya orang per kelompok umur. Median umur dihitung dari kolom "
                  "`umur`.",
                  nilai=lambda: float(_kelompok_umur().median()), kode="median-jumlah", konsep="rata-median"),
        ],
        langkah="urutkan semua umur dari kolom `umur` dan ambil nilai tengahnya: "
                "`penduduk[\"umur\"].median()`.",
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
        rumus_kata="L + ((n/2 − F) / f) × i",
        rumus=_MEDIAN_KELOMPOK,
        salah=[
            Salah("Itu median dari umur satu per satu. Soal ini meminta median dari data BERKELOMPOK dengan "
                  "rumus L + ((n/2 − F) / f) × i.", nilai=lambda: _ind().median_age(tabel("penduduk")),
                  kode="median-mentah", konsep="rata-median"),
            Salah("Itu baru batas bawah kelompok median (L). Tambahkan ((n/2 − F) / f) × i.",
                  nilai=lambda: float(int(_ind().median_age_grouped(_kelompok_umur()) // 5 * 5)),
                  kode="baru-L", konsep="rumus"),
            *_MEDIAN_KELOMPOK.ganti("L_geser", {-0.5: "batas kelas dikurangi 0,5 (mis. 29,5 untuk kelompok "
                                                      "30-34)",
                                                4: "batas ATAS kelompok median"},
                                    pesan="Sepertinya L yang Anda pakai adalah {salah}. Umur dihitung dalam "
                                          "tahun penuh, jadi L = batas bawah kelompok median (mis. 30 untuk "
                                          "30-34).",
                                    konsep="rumus"),
            *_MEDIAN_KELOMPOK.ganti("i", {4: "4", 6: "6"},
                                    pesan="Sepertinya Anda memakai lebar kelompok i = {salah}. Kelompok "
                                          "30-34 memuat lima umur (30, 31, 32, 33, 34): i = 5.",
                                          konsep="batas"),
            *_MEDIAN_KELOMPOK.ganti("posisi", {"n": "n"},
                                    pesan="Sepertinya Anda memakai {salah}, bukan n/2. Median adalah orang "
                                          "ke-n/2.",
                                    konsep="rumus"),
            *_MEDIAN_KELOMPOK.ganti("F", {"termasuk": "F"},
                                    pesan="Sepertinya {salah} Anda sudah memuat kelompok median sendiri. F = "
                                          "jumlah kumulatif SEBELUM kelompok median.", konsep="rumus"),
            Salah("Itu rata-rata data berkelompok (memakai titik tengah kelompok), bukan median.",
                  nilai=_rata_kelompok, kode="rata-kelompok", konsep="rata-median"),
        ],
        langkah="cari kelompok yang memuat orang ke-n/2 (pakai `.cumsum()`), lalu L = batas bawahnya, F = "
                "jumlah kumulatif sebelumnya, f = jumlah di kelompok itu, i = 5.",
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
        banding=banding_angka(desimal=1, persen=True),
        salah=[
            Salah("Itu kenaikan menurut angka profil, padahal definisinya berubah: profil 2022 menghitung "
                  "lansia 65 tahun ke atas, profil 2023 menghitung 60 tahun ke atas. Bandingkan dua tahun "
                  "dengan definisi yang sama (kolom `umur_60_ke_atas`).",
                  nilai=lambda: _kenaikan("lansia_di_profil"), kode="angka-profil", konsep="definisi"),
            Salah("Definisinya sudah sama (65 tahun ke atas), itu cara berpikir yang benar. Soal ini meminta "
                  "definisi lansia 60 tahun ke atas (kolom `umur_60_ke_atas`).",
                  nilai=lambda: _kenaikan("umur_65_ke_atas"), kode="umur-65", konsep="definisi"),
            Salah("Itu selisih dalam orang. Yang diminta kenaikan persen: selisih / angka 2022 × 100.",
                  nilai=lambda: _lansia("umur_60_ke_atas", TAHUN_DRIFT[1])
                  - _lansia("umur_60_ke_atas", TAHUN_DRIFT[0]), kode="selisih-orang", konsep="rumus"),
            Salah("Itu selisih angka PROFIL dalam orang, dan definisinya pun berubah di antara kedua tahun. "
                  "Pakai kolom `umur_60_ke_atas` untuk kedua tahun, lalu hitung kenaikan persennya.",
                  nilai=lambda: _lansia("lansia_di_profil", TAHUN_DRIFT[1])
                  - _lansia("lansia_di_profil", TAHUN_DRIFT[0]), kode="selisih-profil", konsep="definisi"),
            Salah("Itu angka 2023 sebagai persen dari 2022 (2023 / 2022 × 100). Kenaikan persen = (2023 − "
                  "2022) / 2022 × 100: kurangi 100 dari hasil Anda.",
                  nilai=lambda: _lansia("umur_60_ke_atas", TAHUN_DRIFT[1])
                  / _lansia("umur_60_ke_atas", TAHUN_DRIFT[0]) * 100, kode="rasio-100", konsep="persen-poin"),
            Salah("Itu perbandingan 2023 terhadap 2022 (2023 / 2022). Kenaikan persen = (2023 − 2022) / 2022 "
                  "× 100.", nilai=lambda: _lansia("umur_60_ke_atas", TAHUN_DRIFT[1])
                  / _lansia("umur_60_ke_atas", TAHUN_DRIFT[0]), kode="rasio", konsep="rumus"),
            tanda(lambda: _kenaikan("umur_60_ke_atas"),
                  "Periksa urutannya: angka 2023 dikurangi angka 2022 (banyaknya lansia bertambah, jadi "
                  "kenaikannya positif)."),
            Salah("Itu kenaikan pada tahun lain (2023 ke 2024). Soal ini membandingkan 2022 dengan 2023, "
                  "tahun ketika definisi di profil berubah.",
                  nilai=lambda: (_lansia("umur_60_ke_atas", TAHUN_DRIFT[1] + 1)
                                 - _lansia("umur_60_ke_atas", TAHUN_DRIFT[1]))
                  / _lansia("umur_60_ke_atas", TAHUN_DRIFT[1]) * 100, kode="tahun-lain", konsep="batas"),
        ],
        langkah="ambil `umur_60_ke_atas` tahun 2022 dan 2023 (definisi yang sama), lalu (2023 − 2022) / 2022 "
                "× 100.",
        petunjuk=["Ambil baris 2022 dan 2023 dari tabel `lansia_tahunan`.",
                  "Pakai kolom yang definisinya sama untuk kedua tahun: `umur_60_ke_atas`.",
                  "Kenaikan persen = (angka 2023 − angka 2022) / angka 2022 × 100."],
    ),
    Soal(
        "2k",  # the variant of 2j for a place without lansia_tahunan: the same skill on penduduk
        harapan=lambda: _lebih_banyak_60(),
        banding=banding_angka(desimal=1, persen=True),
        salah=[
            Salah("Itu selisih dalam orang. Yang diminta persen: selisih dibagi banyaknya lansia 65+ × 100.",
                  nilai=lambda: _lansia_penduduk(60) - _lansia_penduduk(65), kode="selisih-orang",
                  konsep="rumus"),
            Salah("Itu banyaknya lansia 60+ sebagai persen dari 65+ (60+ / 65+ × 100). Persen lebih banyak = "
                  "(60+ − 65+) / 65+ × 100: kurangi 100 dari hasil Anda.",
                  nilai=lambda: _lansia_penduduk(60) / _lansia_penduduk(65) * 100, kode="rasio-100",
                  konsep="persen-poin"),
            Salah("Penyebutnya tertukar: yang dibandingkan adalah angka dengan batas 65 tahun, jadi bagilah "
                  "dengan banyaknya lansia 65+, bukan 60+.",
                  nilai=lambda: (_lansia_penduduk(60) - _lansia_penduduk(65)) / _lansia_penduduk(60) * 100,
                  kode="penyebut-60", konsep="rumus"),
            tanda(_lebih_banyak_60,
                  "Periksa urutannya: banyaknya lansia 60+ dikurangi banyaknya lansia 65+ (batas 60 tahun "
                  "mencakup lebih banyak orang, jadi hasilnya positif)."),
            Salah("Itu selisih kedua angka sebagai persen dari SELURUH penduduk (poin persen). Yang diminta "
                  "persen lebih banyak terhadap angka 65+: bagi selisihnya dengan banyaknya lansia 65+.",
                  nilai=lambda: (_lansia_penduduk(60) - _lansia_penduduk(65)) / len(_umur()) * 100,
                  kode="poin-persen", konsep="persen-poin"),
            Salah("Batasnya 60 tahun KE ATAS (umur >= 60), bukan lebih dari 60 (umur > 60): orang yang tepat "
                  "berumur 60 ikut dihitung.",
                  nilai=lambda: (_lansia_penduduk(61) - _lansia_penduduk(65)) / _lansia_penduduk(65) * 100,
                  kode="lebih-dari-60", konsep="batas"),
        ],
        langkah="hitung lansia 60+ dan 65+ dari kolom umur, lalu (60+ − 65+) / 65+ × 100.",
        petunjuk=["Lansia 60+: `(penduduk[\"umur\"] >= 60).sum()`; lansia 65+: ganti 60 dengan 65.",
                  "Persen lebih banyak = (angka 60+ − angka 65+) / angka 65+ × 100."],
    ),
    Soal(
        "2h",
        harapan=lambda: float(_umur().mean()),
        banding=banding_angka(desimal=1),
        salah=[
            Salah("Itu median. Yang diminta rata-rata (mean): jumlah semua umur dibagi banyaknya orang.",
                  nilai=lambda: float(_umur().median()), kode="median", konsep="rata-median"),
            Salah("Sepertinya umur 0 (bayi) tidak ikut terhitung. Rata-rata memakai semua penduduk, termasuk "
                  "yang berumur 0.", nilai=lambda: float(_umur()[_umur() > 0].mean()), kode="tanpa-umur-0",
                  konsep="batas"),
            Salah("Itu rata-rata dari umur yang BERBEDA (setiap umur dihitung sekali, `unique()`), atau "
                  "titik tengah umur termuda dan tertua. Rata-rata memakai umur setiap orang.",
                  nilai=lambda: float(_umur().drop_duplicates().mean()), kode="umur-berbeda",
                  konsep="rata-median"),
            Salah("Itu JUMLAH semua umur. Bagi dengan banyaknya orang.", nilai=lambda: int(_umur().sum()),
                  kode="jumlah", konsep="rumus"),
            Salah("Itu rata-rata umur per RT. Yang diminta satu angka untuk seluruh wilayah: "
                  "`penduduk[\"umur\"].mean()`.", cocok=lambda j: isinstance(j, Deret) and len(j.label) > 1,
                  kode="per-rt", konsep="bentuk",
                  contoh=lambda: tabel("penduduk").groupby("rt")["umur"].mean()),
            Salah("Itu umur yang paling sering muncul (modus), bukan rata-rata.",
                  nilai=lambda: float(_umur().mode().iloc[0]), kode="modus", konsep="rata-median"),
            Salah("Itu rata-rata banyaknya orang per kelompok umur. Rata-rata umur dihitung dari kolom "
                  "`umur`.",
                  nilai=lambda: float(_kelompok_umur().mean()), kode="rata-jumlah", konsep="rata-median"),
        ],
        langkah="jumlahkan umur semua orang dan bagi dengan banyaknya orang: `penduduk[\"umur\"].mean()`.",
        petunjuk=["Rata-rata = jumlah semua umur / banyaknya orang.", "`penduduk[\"umur\"].mean()`."],
    ),
)
