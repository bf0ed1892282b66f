"""Questions of module 5, *Kemiskinan* (ids ``5a``–``5i``).

Expected answers come from the synthetic ``keluarga`` table through :mod:`cantik.indicators`. The poverty
line is Kalimantan Selatan's reported GK of September 2024 (Rp 644.107); its split into food and non-food
(:data:`GK_MAKANAN`, :data:`GK_BUKAN_MAKANAN`) is an approximate split for practice, not an official figure.
"""

from __future__ import annotations

import functools
from typing import Any

from cantik.checks._data import ind as _ind
from cantik.checks._data import tabel
from cantik.checks.compare import banding_angka, banding_himpunan
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.mistakes import Rumus, tanda
from cantik.checks.plain import Deret

#: Food and non-food parts of the poverty line used in the module (Rp per capita per month). The sum is
#: Kalimantan Selatan's reported GK of September 2024 (Rp 644.107); the split is approximate, for practice.
GK_MAKANAN, GK_BUKAN_MAKANAN = 490_389, 153_718
#: Kab. Hulu Sungai Selatan, as printed in the module: P0 is the reported figure (approx.); P1 and P2 are
#: ILLUSTRATIVE values whose direction (up) follows the press reports. Not official statistics.
HSS = {2022: {"P0": 4.54, "P1": 0.62, "P2": 0.13}, 2023: {"P0": 4.01, "P1": 0.71, "P2": 0.17}}


def _gk() -> float:
    return float(_ind().poverty_line(GK_MAKANAN, GK_BUKAN_MAKANAN))


def _kel() -> Any:
    return tabel("keluarga")


def _orang() -> Any:
    """P0, P1, P2 counting persons (weights = household size), as BPS publishes."""
    return _ind().poverty_indices(_kel(), _gk(), weights="jumlah_anggota")


def _keluarga() -> Any:
    """P0, P1, P2 counting households (unweighted): the common mistake."""
    return _ind().poverty_indices(_kel(), _gk())


def _miskin() -> Any:
    k = _kel()
    return k[k["pengeluaran_per_kapita"] < _gk()]


def _di_antara_miskin(alpha: int) -> float:
    """The FGT sum divided by the poor only (the mistake of averaging over the poor)."""
    m = _miskin()
    gap = (_gk() - m["pengeluaran_per_kapita"]) / _gk()
    return float((m["jumlah_anggota"] * gap**alpha).sum() / m["jumlah_anggota"].sum() * 100)


def _persen_di_bawah(ukuran: str) -> float:
    """Percent of households whose per-capita expenditure is below the mean or the median."""
    y = _kel()["pengeluaran_per_kapita"]
    return float((y < getattr(y, ukuran)()).mean() * 100)


def _berisi(label: str) -> Any:
    def cocok(j: Any) -> bool:
        items = list(j.nilai) if isinstance(j, Deret) else (list(j) if isinstance(j, list | tuple) else [j])
        return label.casefold() in {str(x).strip().casefold() for x in items}

    return cocok


PESAN_KELUARGA = ("Anda menghitung KELUARGA, bukan ORANG. BPS menghitung kemiskinan per orang: setiap "
                  "keluarga diberi bobot sebanyak jumlah anggotanya (`weights=\"jumlah_anggota\"`).")
PESAN_PEMBAGI = ("Pembaginya seluruh penduduk (n), bukan hanya penduduk miskin. P1 dan P2 merata-ratakan "
                 "jarak ke GK atas SEMUA orang; orang tidak miskin menyumbang 0.")

#: Other names learners use for the poverty indices (accepted in 5i).
SINONIM_INDEKS = {"P0": ("persentase penduduk miskin", "headcount", "indeks headcount"),
                  "P1": ("kedalaman", "indeks kedalaman", "indeks kedalaman kemiskinan", "poverty gap"),
                  "P2": ("keparahan", "indeks keparahan", "indeks keparahan kemiskinan", "severity")}

#: Poverty lines a learner may use by mistake: the food line only, and Kalimantan Selatan's reported line of
#: September 2022 (Rp 581.229, as in the module text and ``cantik.data.metadata``).
GARIS_LAIN = {"makanan": GK_MAKANAN, "2022": 581_229}


def _fgt(alpha: int, garis: str = "gk", bobot: str = "orang", penyebut: str = "semua", potong: bool = True,
         jarak: str = "relatif") -> float:
    """P0/P1/P2 (× 100) with each choice a parameter: the line, persons or households, the denominator (all or
    the poor only), non-poor gaps cut at 0 or not, the gap relative to GK or in rupiah."""
    k = _kel()
    z = _gk() if garis == "gk" else float(GARIS_LAIN[garis])
    y = k["pengeluaran_per_kapita"].astype(float)
    w = k["jumlah_anggota"].astype(float) if bobot == "orang" else y * 0 + 1
    gap = (z - y) / z if jarak == "relatif" else z - y
    miskin = y < z
    if potong:
        gap = gap.where(miskin, 0)
    nilai = miskin.astype(float) if alpha == 0 else gap**alpha
    if penyebut == "miskin":
        w = w.where(miskin, 0)
    return float((w * nilai).sum() / w.sum() * 100)


def _jumlah_miskin(garis: str = "gk", bobot: str = "orang") -> int:
    k = _kel()
    z = _gk() if garis == "gk" else float(GARIS_LAIN[garis])
    m = k[k["pengeluaran_per_kapita"] < z]
    return int(m["jumlah_anggota"].sum()) if bobot == "orang" else len(m)


def salah_p0(garis: Any) -> tuple[Rumus, list[Salah]]:
    """The mistake catalogue of P0 (``garis``: the poverty line's function), shared by 5b and 8d."""

    def p0(bobot: str = "orang") -> float:
        k = _kel()
        y, n = k["pengeluaran_per_kapita"], k["jumlah_anggota"]
        w = n if bobot == "orang" else n * 0 + 1
        return float(w[y < garis()].sum() / w.sum() * 100)

    R = Rumus(p0, bobot="orang")
    return R, [
        *R.ganti("bobot", {"keluarga": "keluarga"}, pesan=PESAN_KELUARGA, konsep="keluarga-orang"),
        Salah("Pembilangnya orang miskin, tetapi penyebutnya banyaknya keluarga. Penyebut harus seluruh "
              "penduduk (jumlah anggota semua keluarga).",
              nilai=lambda: _kel()["jumlah_anggota"][_kel()["pengeluaran_per_kapita"] < garis()].sum()
              / len(_kel()) * 100, kode="penyebut-keluarga", konsep="penyebut"),
        Salah("Itu BANYAKNYA orang miskin. P0 adalah persentase: bagi dengan seluruh penduduk, lalu kalikan "
              "100.", nilai=lambda: int(_kel()["jumlah_anggota"][_kel()["pengeluaran_per_kapita"]
                                                                 < garis()].sum()),
              kode="banyaknya", konsep="skala"),
        Salah("Itu persentase penduduk yang TIDAK miskin. P0 menghitung yang pengeluaran per kapitanya DI "
              "BAWAH garis kemiskinan.", nilai=lambda: 100 - p0(), kode="tidak-miskin", konsep="arah"),
    ]


_P1 = Rumus(functools.partial(_fgt, 1), garis="gk", bobot="orang", penyebut="semua", potong=True,
jarak="relatif")
_P2 = Rumus(functools.partial(_fgt, 2), garis="gk", bobot="orang", penyebut="semua", potong=True,
jarak="relatif")
_P0, _SALAH_P0 = salah_p0(_gk)
_MISKIN = Rumus(_jumlah_miskin, garis="gk", bobot="orang")
_GANTI_GARIS = {"makanan": "GK makanan saja (Rp490.389)", "2022": "GK September 2022 (Rp581.229)"}
PESAN_GARIS = ("Sepertinya Anda memakai {salah} sebagai garis kemiskinan. Soal ini memakai GK makanan + GK "
               "bukan makanan = Rp644.107.")


def _salah_fgt(R: Rumus, alpha: int) -> list[Salah]:
    """The mistakes P1 and P2 share (generated from their definition)."""
    nama = {1: "P1", 2: "P2"}[alpha]
    return [
        *R.ganti("penyebut", {"miskin": "penduduk miskin"}, pesan=PESAN_PEMBAGI, konsep="penyebut"),
        *R.ganti("bobot", {"keluarga": "keluarga"}, pesan=PESAN_KELUARGA, konsep="keluarga-orang"),
        *R.ganti("garis", {"makanan": _GANTI_GARIS["makanan"]}, pesan=PESAN_GARIS, konsep="indikator"),
        *R.ganti("potong", {False: "orang TIDAK miskin"},
                 pesan="Sepertinya {salah} ikut menyumbang jarak (negatif, atau positif setelah "
                       "dikuadratkan). "
                       f"Di {nama}, orang yang tidak miskin menyumbang 0: jaraknya dipotong di 0.",
                       konsep="rumus"),
        *R.ganti("jarak", {"rupiah": "jarak dalam rupiah (GK − y)"},
                 pesan="Sepertinya Anda memakai {salah}, belum dibagi GK. Jarak relatif = (GK − y) / GK.",
                 konsep="rumus"),
        Salah(f"Di modul ini {nama} ditulis seperti tabel BPS: dikali 100.", nilai=lambda: R.nilai() / 100,
              kode="belum-kali-100", konsep="skala"),
        Salah(f"Itu P0 (persentase penduduk miskin). {nama} mengukur "
              + ("kedalaman: rata-rata jarak ke GK." if alpha == 1 else "keparahan: rata-rata jarak "
                                                                        "kuadrat."),
              nilai=lambda: _orang().p0, kode="p0", konsep="indikator"),
    ]


def _persen_bawah(ukuran: str = "mean", arah: str = "bawah", bobot: str = "keluarga") -> float:
    k = _kel()
    y = k["pengeluaran_per_kapita"]
    batas = getattr(y, ukuran)() if ukuran in ("mean", "median") else _gk()
    sel = y < batas if arah == "bawah" else y >= batas
    w = k["jumlah_anggota"] if bobot == "orang" else y * 0 + 1
    return float(w[sel].sum() / w.sum() * 100)


_BAWAH = Rumus(_persen_bawah, ukuran="mean", arah="bawah", bobot="keluarga")

daftar(
    Soal(
        "5a",
        harapan=_gk,
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Itu baru GK makanan. Garis kemiskinan = GK makanan + GK bukan makanan.",
                  nilai=lambda: GK_MAKANAN, kode="makanan", konsep="rumus"),
            Salah("Itu baru GK bukan makanan. Garis kemiskinan = GK makanan + GK bukan makanan.",
                  nilai=lambda: GK_BUKAN_MAKANAN, kode="bukan-makanan", konsep="rumus"),
            Salah("GK makanan dan GK bukan makanan DIJUMLAHKAN, bukan dikurangkan.",
                  nilai=lambda: GK_MAKANAN - GK_BUKAN_MAKANAN, kode="dikurangkan", konsep="rumus"),
            Salah("Itu rata-rata kedua angka. Garis kemiskinan = GK makanan + GK bukan makanan "
                  "(dijumlahkan).",
                  nilai=lambda: (GK_MAKANAN + GK_BUKAN_MAKANAN) / 2, kode="rata-rata", konsep="rumus"),
            Salah("Itu GK September 2022 (Rp581.229). Soal ini memakai GK makanan + GK bukan makanan "
                  "September 2024.", nilai=lambda: GARIS_LAIN["2022"], kode="gk-2022", konsep="sumber"),
            Salah("Garis kemiskinan dinyatakan per kapita per BULAN. Jangan dikali 12.",
                  nilai=lambda: _gk() * 12, kode="setahun", konsep="skala"),
        ],
        langkah="GK = GK makanan + GK bukan makanan (rupiah per kapita per bulan).",
        petunjuk=["GK = GK makanan + GK bukan makanan (rupiah per kapita per bulan).",
                  "`ind.poverty_line(490389, 153718)`."],
    ),
    Soal(
        "5b",
        harapan=lambda: _orang().p0,
        banding=banding_angka(desimal=2, persen=True),
        rumus=_P0,
        salah=[
            *_SALAH_P0,
            *Rumus(lambda garis="gk": _fgt(0, garis=garis), garis="gk").ganti(
                "garis", _GANTI_GARIS, pesan=PESAN_GARIS, konsep="indikator"),
        ],
        langkah="pembilang = anggota keluarga yang pengeluaran per kapitanya di bawah GK (orang miskin), "
                "penyebut = seluruh penduduk (jumlah anggota semua keluarga), lalu dikali 100.",
        petunjuk=["Orang miskin = anggota keluarga yang pengeluaran per kapitanya di bawah GK.",
                  "P0 = banyaknya orang miskin / seluruh penduduk × 100.",
                  "`ind.poverty_indices(keluarga, garis_kemiskinan, weights=\"jumlah_anggota\").p0`."],
    ),
    Soal(
        "5c",
        harapan=lambda: int(_miskin()["jumlah_anggota"].sum()),
        banding=banding_angka(desimal=0),
        rumus=_MISKIN,
        salah=[
            Salah("Itu banyaknya KELUARGA miskin. Yang diminta banyaknya ORANG miskin: jumlahkan anggota "
                  "keluarga-keluarga miskin.", nilai=lambda: len(_miskin()), kode="keluarga",
                  konsep="keluarga-orang"),
            Salah("Itu orang yang TIDAK miskin. Pilih keluarga dengan pengeluaran per kapita DI BAWAH GK.",
                  nilai=lambda: int(_kel()["jumlah_anggota"].sum() - _miskin()["jumlah_anggota"].sum()),
                  kode="tidak-miskin", konsep="arah"),
            *_MISKIN.ganti("garis", _GANTI_GARIS, pesan=PESAN_GARIS, konsep="indikator"),
            Salah("Itu P0 (persentase). Yang diminta BANYAKNYA orang miskin.", nilai=lambda: _orang().p0,
                  kode="p0", konsep="skala"),
            Salah("Itu anggota keluarga PENERIMA BANSOS. Penerima bansos belum tentu miskin menurut GK (dan "
                  "sebaliknya). Pilih keluarga dengan pengeluaran per kapita di bawah GK.",
                  nilai=lambda: int(_kel().loc[_kel()["penerima_bansos"] == "Ya", "jumlah_anggota"].sum()),
                  kode="bansos", konsep="sumber"),
            Salah("Itu banyaknya keluarga PENERIMA BANSOS. Yang diminta orang yang pengeluaran per kapitanya "
                  "di bawah GK.", nilai=lambda: int((_kel()["penerima_bansos"] == "Ya").sum()),
                  kode="bansos-keluarga", konsep="sumber"),
        ],
        langkah="pilih keluarga dengan pengeluaran per kapita di bawah GK, lalu jumlahkan kolom "
                "`jumlah_anggota`.",
        petunjuk=["Pilih keluarga miskin: "
                  "`keluarga[keluarga[\"pengeluaran_per_kapita\"] < garis_kemiskinan]`.",
                  "Jumlahkan kolom `jumlah_anggota` keluarga-keluarga itu."],
    ),
    Soal(
        "5d",
        harapan=lambda: _orang().p1,
        banding=banding_angka(desimal=2),
        rumus=_P1,
        salah=[
            *_salah_fgt(_P1, 1),
            Salah("Itu P2 (jarak dikuadratkan). P1 memakai jarak (GK − y) / GK tanpa kuadrat.",
                  nilai=lambda: _orang().p2, kode="p2", konsep="indikator"),
        ],
        langkah="jarak relatif setiap orang miskin (GK − y) / GK (orang tidak miskin: 0), dirata-rata atas "
                "SELURUH penduduk (bobot jumlah anggota), lalu dikali 100.",
        petunjuk=["Jarak relatif setiap orang miskin: (GK − y) / GK; orang tidak miskin: 0.",
                  "P1 = rata-rata jarak itu atas SELURUH penduduk, dikali 100.",
                  "`ind.poverty_indices(keluarga, garis_kemiskinan, weights=\"jumlah_anggota\").p1`."],
    ),
    Soal(
        "5e",
        harapan=lambda: _orang().p2,
        banding=banding_angka(desimal=3),
        rumus=_P2,
        salah=[
            Salah("Itu P1. P2 memakai jarak yang DIKUADRATKAN: ((GK − y) / GK)².", nilai=lambda: _orang().p1,
                  kode="p1", konsep="indikator"),
            *_salah_fgt(_P2, 2),
            Salah("Itu P1 yang dikuadratkan. Kuadratkan jarak SETIAP orang dulu, baru dirata-rata: "
                  "rata-rata ((GK − y) / GK)² × 100.", nilai=lambda: _orang().p1 ** 2, kode="kuadrat-p1",
                  konsep="rumus"),
        ],
        langkah="jarak relatif setiap orang miskin (GK − y) / GK dikuadratkan (orang tidak miskin: 0), "
                "dirata-rata atas SELURUH penduduk, lalu dikali 100.",
        petunjuk=["P2 = rata-rata ((GK − y) / GK)² atas seluruh penduduk, dikali 100.",
                  "`ind.poverty_indices(...).p2`."],
    ),
    Soal(
        "5f",
        harapan=lambda: float(_kel()["pengeluaran_per_kapita"].median()),
        banding=banding_angka(desimal=None, toleransi=1),
        salah=[
            Salah("Itu rata-rata (mean). Median = nilai tengah setelah pengeluaran diurutkan; beberapa "
                  "keluarga sangat kaya menarik rata-rata ke atas, median tidak.",
                  nilai=lambda: float(_kel()["pengeluaran_per_kapita"].mean()), kode="mean",
                  konsep="rata-median"),
            Salah("Itu median per ORANG (setiap anggota keluarga dihitung). Soal ini meminta median per "
                  "KELUARGA: `keluarga[\"pengeluaran_per_kapita\"].median()`.",
                  nilai=lambda: float(__import__("numpy").median(__import__("numpy").repeat(
                      _kel()["pengeluaran_per_kapita"].to_numpy(), _kel()["jumlah_anggota"].to_numpy()))),
                  kode="per-orang", konsep="keluarga-orang"),
            Salah("Itu median pengeluaran SELURUH keluarga (per kapita × anggota). Yang diminta pengeluaran "
                  "PER KAPITA.",
                  nilai=lambda: float((_kel()["pengeluaran_per_kapita"] * _kel()["jumlah_anggota"])
                                                 .median()), kode="total-keluarga", konsep="penyebut"),
            Salah("Itu median pengeluaran MAKANAN saja. Yang diminta seluruh pengeluaran per kapita "
                  "(`pengeluaran_per_kapita`).",
                  nilai=lambda: float(_kel()["pengeluaran_makanan_per_kapita"].median()), kode="makanan",
                  konsep="indikator"),
            Salah("Itu titik tengah antara pengeluaran terkecil dan terbesar. Median adalah nilai keluarga "
                  "yang di tengah setelah diurutkan.",
                  nilai=lambda: float((_kel()["pengeluaran_per_kapita"].min()
                                       + _kel()["pengeluaran_per_kapita"].max()) / 2), kode="titik-tengah",
                  konsep="rata-median"),
            Salah("Itu posisi (urutan) keluarga di tengah, n/2, bukan pengeluarannya.",
                  nilai=lambda: len(_kel()) / 2, kode="posisi", konsep="rata-median"),
        ],
        langkah="urutkan pengeluaran per kapita semua keluarga dan ambil nilai tengahnya: `.median()`.",
        petunjuk=["Median = nilai tengah setelah diurutkan.",
                  "`keluarga[\"pengeluaran_per_kapita\"].median()`."],
    ),
    Soal(
        "5g",
        harapan=lambda: _persen_di_bawah("mean"),
        banding=banding_angka(desimal=1, persen=True),
        rumus=_BAWAH,
        salah=[
            *_BAWAH.ganti("ukuran", {"median": "MEDIAN (selalu sekitar 50 %)",
                                     "gk": "garis kemiskinan (itu persentase keluarga miskin)"},
                          pesan="Itu persen keluarga di bawah {salah}. Yang diminta di bawah RATA-RATA.",
                          konsep="rata-median"),
            *_BAWAH.ganti("arah", {"atas": "DI ATAS (atau sama dengan) rata-rata"},
                          pesan="Itu persen keluarga {salah}. Yang diminta di bawah "
                                "rata-rata.", konsep="arah"),
            *_BAWAH.ganti("bobot", {"orang": "ORANG (bobot jumlah anggota)"},
                          pesan="Itu persen {salah} di bawah rata-rata. Soal ini menghitung KELUARGA.",
                          konsep="keluarga-orang"),
            Salah("Itu BANYAKNYA keluarga di bawah rata-rata. Yang diminta persentasenya: bagi dengan semua "
                  "keluarga, lalu kalikan 100.",
                  nilai=lambda: round(_persen_bawah() / 100 * len(_kel())), kode="banyaknya", konsep="skala"),
            Salah("Itu rata-rata pengeluarannya (rupiah). Yang diminta PERSEN keluarga yang pengeluarannya "
                  "di bawah rata-rata itu.", nilai=lambda: float(_kel()["pengeluaran_per_kapita"].mean()),
                  kode="rata-rata-rupiah", konsep="bentuk"),
        ],
        langkah="hitung rata-rata pengeluaran per kapita, lalu persentase keluarga yang pengeluarannya di "
                "bawah rata-rata itu.",
        petunjuk=["Hitung rata-rata pengeluaran per kapita keluarga.",
                  "`(keluarga[\"pengeluaran_per_kapita\"] < rata_rata).mean() * 100`."],
    ),
    Soal(
        "5h",
        harapan=lambda: _ind().percent_change(HSS[2022]["P1"], HSS[2023]["P1"]),
        banding=banding_angka(desimal=1, persen=True),
        salah=[
            Salah("Itu selisih dalam POIN (akhir − awal). Yang diminta perubahan PERSEN: selisih dibagi "
                  "angka awal, dikali 100.",
                  nilai=lambda: _ind().percentage_point_change(HSS[2022]["P1"], HSS[2023]["P1"]), kode="poin",
                  konsep="persen-poin"),
            Salah("Pembaginya angka AWAL (2022), bukan angka akhir.",
                  nilai=lambda: (HSS[2023]["P1"] - HSS[2022]["P1"]) / HSS[2023]["P1"] * 100,
                  kode="pembagi-akhir", konsep="rumus"),
            Salah("Itu perubahan persen P0. Soal ini tentang P1 (kedalaman kemiskinan).",
                  nilai=lambda: _ind().percent_change(HSS[2022]["P0"], HSS[2023]["P0"]), kode="p0",
                  konsep="indikator"),
            Salah("Itu perubahan persen P2. Soal ini tentang P1 (kedalaman kemiskinan).",
                  nilai=lambda: _ind().percent_change(HSS[2022]["P2"], HSS[2023]["P2"]), kode="p2",
                  konsep="indikator"),
            tanda(lambda: _ind().percent_change(HSS[2022]["P1"], HSS[2023]["P1"]),
                  "Periksa tandanya: P1 NAIK dari 0,62 ke 0,71, jadi perubahannya positif ((akhir − awal) / "
                  "awal × 100)."),
            Salah("Itu angka 2023 sebagai persen dari 2022 (akhir / awal × 100). Perubahan persen = (akhir − "
                  "awal) / awal × 100: kurangi 100 dari hasil Anda.",
                  nilai=lambda: HSS[2023]["P1"] / HSS[2022]["P1"] * 100, kode="rasio-100",
                  konsep="persen-poin"),
        ],
        langkah="perubahan persen = (P1 2023 − P1 2022) / P1 2022 × 100.",
        petunjuk=["Perubahan persen = (akhir − awal) / awal × 100.", "`ind.percent_change(0.62, 0.71)`."],
    ),
    Soal(
        "5i",
        harapan=lambda: [k for k in HSS[2023] if HSS[2023][k] > HSS[2022][k]],
        banding=banding_himpunan(sinonim=SINONIM_INDEKS),
        bentuk="himpunan",
        salah=[
            Salah("Yang diminta daftar nama indikator yang NAIK saja, misalnya `[\"P1\"]`, bukan "
                  "naik/turunnya setiap indikator.",
                  cocok=lambda j: isinstance(j, Deret) and {str(k).upper() for k in j.label}
                  <= {"P0", "P1", "P2"}, kode="dict-arah", konsep="bentuk",
                  contoh=lambda: {"P0": "turun", "P1": "naik", "P2": "naik"}),
            Salah("P0 TURUN (4,54 → 4,01). Itu justru yang menutupi masalahnya: lebih sedikit orang miskin, "
                  "tetapi yang tersisa makin jauh dari GK.", cocok=_berisi("P0"), kode="p0-turun",
                  konsep="indikator", contoh=lambda: ["P0", "P1", "P2"]),
            Salah("Periksa juga P2: indeks keparahan naik dari 0,13 ke 0,17.",
                  cocok=lambda j: not _berisi("P2")(j), kode="tanpa-p2", konsep="indikator",
                  contoh=lambda: ["P1"]),
            Salah("Periksa juga P1: indeks kedalaman naik dari 0,62 ke 0,71.",
                  cocok=lambda j: not _berisi("P1")(j), kode="tanpa-p1", konsep="indikator",
                  contoh=lambda: ["P2"]),
            Salah("Daftar Anda masih kosong. Tulis nama indikator yang naik di dalam list, misalnya "
                  "`[\"P1\"]`.",
                  cocok=lambda j: j in ([], ()), kode="kosong", konsep="bentuk", contoh=lambda: []),
            Salah("Yang diminta NAMA indikatornya (P0, P1, P2), bukan angkanya.",
                  cocok=lambda j: any(isinstance(x, float) for x in (j if isinstance(j, list | tuple)
                                                                     else [j])),
                  kode="angka", konsep="bentuk", contoh=lambda: [HSS[2023]["P1"], HSS[2023]["P2"]]),
            Salah("Yang diminta nama indikatornya, bukan tahunnya.",
                  cocok=lambda j: any(x in (2022, 2023, "2022", "2023")
                                      for x in (j if isinstance(j, list | tuple) else [j])),
                  kode="tahun", konsep="bentuk", contoh=lambda: [2023]),
            Salah("Tulis nama indikatornya saja di dalam list, misalnya `[\"P1\"]`, bukan kalimat.",
                  cocok=lambda j: isinstance(j, str) and len(j.split()) >= 4, kode="kalimat", konsep="bentuk",
                  contoh=lambda: "kedalaman dan keparahan kemiskinan naik"),
        ],
        langkah="bandingkan setiap indikator 2022 dan 2023; tulis yang angkanya NAIK.",
        petunjuk=["Bandingkan setiap indikator 2022 dan 2023 di tabel.",
                  "Tulis sebagai list, misalnya `[\"P1\"]`."],
    ),
)
