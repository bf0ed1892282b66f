"""Questions of module 5, *Kemiskinan* (ids ``5a``–``5i``, ``5k``–``5m``).

Expected answers come from the synthetic ``keluarga`` table through :mod:`cantik.indicators`. The poverty
line is Kalimantan Selatan's reported GK of September 2024 (Rp644.107); its split into food and non-food
(:data:`GK_MAKANAN`, :data:`GK_BUKAN_MAKANAN`) is an approximate split for practice, not an official figure.
"""

from __future__ import annotations

from typing import Any

from cantik.checks._data import ind as _ind
from cantik.checks._data import tabel
from cantik.checks.compare import banding_angka, banding_himpunan
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.formula import Bagian
from cantik.checks.plain import Deret

#: Food and non-food parts of the poverty line used in the module (Rp per capita per month). The sum is
#: Kalimantan Selatan's reported GK of September 2024 (Rp644.107); the split is approximate, for practice.
GK_MAKANAN, GK_BUKAN_MAKANAN = 490_389, 153_718
#: Kab. Hulu Sungai Selatan, as printed in the module: P0 is the reported figure (approx.); P1 and P2 are
#: ILLUSTRATIVE values whose direction (up) follows the press reports. Not official statistics.
HSS = {2022: {"P0": 4.54, "P1": 0.62, "P2": 0.13}, 2023: {"P0": 4.01, "P1": 0.71, "P2": 0.17}}
#: Kalimantan Selatan's reported GK of September 2022 (Rp per capita per month; source:
#: cantik.data.calibration, "kemiskinan"), for question 5k (a poverty line that changed between two reports).
GK_2022 = 581_229


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


def _orang_di_bawah(garis: float) -> int:
    k = _kel()
    return int(k.loc[k["pengeluaran_per_kapita"] < garis, "jumlah_anggota"].sum())


def _jarak_tertimbang() -> float:
    """Σ over poor households of members × (GK − y) / GK: the numerator of P1 (before × 100)."""
    m = _miskin()
    return float((m["jumlah_anggota"] * (_gk() - m["pengeluaran_per_kapita"]) / _gk()).sum())


def _bansos() -> tuple[int, int, int, int]:
    """(poor households without aid, poor households, non-poor recipients, recipients)."""
    k = _kel()
    miskin = k["pengeluaran_per_kapita"] < _gk()
    terima = k["penerima_bansos"] == "Ya"
    return (int((miskin & ~terima).sum()), int(miskin.sum()), int((~miskin & terima).sum()),
            int(terima.sum()))


PESAN_KELUARGA = ("Anda menghitung KELUARGA, bukan ORANG. BPS menghitung kemiskinan per orang: setiap "
                  "keluarga diberi bobot sebanyak jumlah anggotanya (`bobot=\"jumlah_anggota\"`).")
PESAN_PEMBAGI = ("Pembaginya seluruh penduduk (n), bukan hanya penduduk miskin. P1 dan P2 merata-ratakan "
                 "jarak ke GK atas SEMUA orang; orang tidak miskin menyumbang 0.")
PESAN_PEMBAGI_SINGKAT = ("Itu banyaknya orang miskin saja; P1 dibagi seluruh penduduk (orang tidak miskin "
                         "menyumbang jarak 0).")

daftar(
    Soal(
        "5a",
        harapan=_gk,
        banding=banding_angka(desimal=0),
        hitung_sendiri=("garis_kemiskinan",),
        rumus="GK makanan + GK bukan makanan",
        salah=[
            Salah("Itu baru GK makanan. Garis kemiskinan = GK makanan + GK bukan makanan.",
                  nilai=lambda: GK_MAKANAN),
            Salah("Itu baru GK bukan makanan. Garis kemiskinan = GK makanan + GK bukan makanan.",
                  nilai=lambda: GK_BUKAN_MAKANAN),
            Salah("GK makanan dan GK bukan makanan DIJUMLAHKAN, bukan dikurangkan.",
                  nilai=lambda: GK_MAKANAN - GK_BUKAN_MAKANAN),
        ],
        petunjuk=["GK = GK makanan + GK bukan makanan (rupiah per kapita per bulan).",
                  "`garis_kemiskinan = 490389 + 153718` (angka ditulis tanpa titik ribuan)."],
    ),
    Soal(
        "5b",
        harapan=lambda: _orang().p0,
        banding=banding_angka(desimal=2, persen=True),
        bagian=[
            Bagian("pembilang", "banyaknya ORANG miskin: jumlah anggota keluarga yang pengeluaran per "
                                "kapitanya "
                   "di bawah GK", lambda: _orang_di_bawah(_gk()),
                   [("Itu banyaknya KELUARGA miskin; jumlahkan `jumlah_anggota` keluarga-keluarga itu.",
                     lambda: len(_miskin()))]),
            Bagian("penyebut", "seluruh penduduk: jumlah anggota semua keluarga",
                   lambda: int(_kel()["jumlah_anggota"].sum()),
                   [("Itu banyaknya keluarga; penyebutnya banyaknya orang (jumlah anggota semua keluarga).",
                     lambda: len(_kel()))]),
        ],
        hitung_sendiri=("indeks_kemiskinan",),
        rumus="orang miskin / seluruh penduduk × 100",
        salah=[
            Salah(PESAN_KELUARGA, nilai=lambda: _keluarga().p0),
            Salah("Pembilangnya orang miskin, tetapi penyebutnya banyaknya keluarga. Penyebut harus seluruh "
                  "penduduk (jumlah anggota semua keluarga).",
                  nilai=lambda: _miskin()["jumlah_anggota"].sum() / len(_kel()) * 100),
        ],
        petunjuk=["Orang miskin = anggota keluarga yang pengeluaran per kapitanya di bawah GK.",
                  "P0 = banyaknya orang miskin / seluruh penduduk × 100.",
                  "Pembilang: `miskin[\"jumlah_anggota\"].sum()`; penyebut: "
                  "`keluarga[\"jumlah_anggota\"].sum()`."],
    ),
    Soal(
        "5c",
        harapan=lambda: int(_miskin()["jumlah_anggota"].sum()),
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Itu banyaknya KELUARGA miskin. Yang diminta banyaknya ORANG miskin: jumlahkan anggota "
                  "keluarga-keluarga miskin.", nilai=lambda: len(_miskin())),
            Salah("Itu orang yang TIDAK miskin. Pilih keluarga dengan pengeluaran per kapita DI BAWAH GK.",
                  nilai=lambda: int(_kel()["jumlah_anggota"].sum() - _miskin()["jumlah_anggota"].sum())),
        ],
        petunjuk=["Pilih keluarga miskin: "
                  "`keluarga[keluarga[\"pengeluaran_per_kapita\"] < garis_kemiskinan]`.",
                  "Jumlahkan kolom `jumlah_anggota` keluarga-keluarga itu."],
    ),
    Soal(
        "5d",
        harapan=lambda: _orang().p1,
        banding=banding_angka(desimal=2),
        bagian=[
            Bagian("pembilang", "jumlah jarak relatif (GK − y) / GK semua orang miskin: jarak setiap "
                                "keluarga "
                   "miskin dikali jumlah anggotanya", _jarak_tertimbang,
                   [("Anda menjumlahkan jarak per KELUARGA; kalikan dulu jarak setiap keluarga dengan jumlah "
                     "anggotanya.",
                     lambda: float(((_gk() - _miskin()["pengeluaran_per_kapita"]) / _gk()).sum()))],
                   banding=banding_angka(desimal=2)),
            Bagian("penyebut", "seluruh penduduk (jumlah anggota semua keluarga)",
                   lambda: int(_kel()["jumlah_anggota"].sum()),
                   [(PESAN_PEMBAGI_SINGKAT, lambda: int(_miskin()["jumlah_anggota"].sum())),
                    ("Itu banyaknya keluarga; penyebutnya banyaknya orang.", lambda: len(_kel()))]),
        ],
        hitung_sendiri=("indeks_kemiskinan",),
        rumus="Σ jarak (GK − y) / GK orang miskin / seluruh penduduk × 100",
        salah=[
            Salah(PESAN_PEMBAGI, nilai=lambda: _di_antara_miskin(1)),
            Salah(PESAN_KELUARGA, nilai=lambda: _keluarga().p1),
            Salah("Itu P2 (jarak dikuadratkan). P1 memakai jarak (GK − y) / GK tanpa kuadrat.",
                  nilai=lambda: _orang().p2),
            Salah("Di modul ini P1 ditulis seperti tabel BPS: dikali 100.", nilai=lambda: _orang().p1 / 100),
        ],
        petunjuk=["Jarak relatif setiap orang miskin: (GK − y) / GK; orang tidak miskin: 0.",
                  "`jarak = (garis_kemiskinan - miskin[\"pengeluaran_per_kapita\"]) / garis_kemiskinan`; "
                  "pembilang: `(jarak * miskin[\"jumlah_anggota\"]).sum()`.",
                  "P1 = pembilang / seluruh penduduk × 100."],
    ),
    Soal(
        "5e",
        harapan=lambda: _orang().p2,
        banding=banding_angka(desimal=3),
        salah=[
            Salah("Itu P1. P2 memakai jarak yang DIKUADRATKAN: ((GK − y) / GK)².", nilai=lambda: _orang().p1),
            Salah(PESAN_PEMBAGI, nilai=lambda: _di_antara_miskin(2)),
            Salah(PESAN_KELUARGA, nilai=lambda: _keluarga().p2),
            Salah("Di modul ini P2 ditulis seperti tabel BPS: dikali 100.", nilai=lambda: _orang().p2 / 100),
        ],
        petunjuk=["P2 = rata-rata ((GK − y) / GK)² atas seluruh penduduk, dikali 100.",
                  "`ind.indeks_kemiskinan(keluarga, garis_kemiskinan, bobot=\"jumlah_anggota\").p2`."],
    ),
    Soal(
        "5f",
        harapan=lambda: float(_kel()["pengeluaran_per_kapita"].median()),
        banding=banding_angka(desimal=None, toleransi=1),
        salah=[
            Salah("Itu rata-rata (mean). Median = nilai tengah setelah pengeluaran diurutkan; beberapa "
                  "keluarga sangat kaya menarik rata-rata ke atas, median jauh lebih tahan.",
                  nilai=lambda: float(_kel()["pengeluaran_per_kapita"].mean())),
        ],
        petunjuk=["Median = nilai tengah setelah diurutkan.",
                  "`keluarga[\"pengeluaran_per_kapita\"].median()`."],
    ),
    Soal(
        "5g",
        harapan=lambda: _persen_di_bawah("mean"),
        banding=banding_angka(desimal=1, persen=True),
        salah=[
            Salah("Itu persen keluarga di bawah MEDIAN (selalu sekitar 50%). Yang diminta di bawah "
                  "RATA-RATA.", nilai=lambda: _persen_di_bawah("median")),
            Salah("Itu persen keluarga DI ATAS rata-rata. Yang diminta di bawah rata-rata.",
                  nilai=lambda: 100 - _persen_di_bawah("mean")),
        ],
        petunjuk=["Hitung rata-rata pengeluaran per kapita keluarga.",
                  "`(keluarga[\"pengeluaran_per_kapita\"] < rata_rata).mean() * 100`."],
    ),
    Soal(
        "5h",
        harapan=lambda: _ind().percent_change(HSS[2022]["P1"], HSS[2023]["P1"]),
        banding=banding_angka(desimal=1),
        salah=[
            Salah("Itu selisih dalam POIN (akhir − awal). Yang diminta perubahan PERSEN: selisih dibagi "
                  "angka awal, dikali 100.",
                  nilai=lambda: _ind().percentage_point_change(HSS[2022]["P1"], HSS[2023]["P1"])),
            Salah("Pembaginya angka AWAL (2022), bukan angka akhir.",
                  nilai=lambda: (HSS[2023]["P1"] - HSS[2022]["P1"]) / HSS[2023]["P1"] * 100),
            Salah("Itu perubahan persen P0. Soal ini tentang P1 (kedalaman kemiskinan).",
                  nilai=lambda: _ind().percent_change(HSS[2022]["P0"], HSS[2023]["P0"])),
        ],
        petunjuk=["Perubahan persen = (akhir − awal) / awal × 100.", "`ind.perubahan_persen(0.62, 0.71)`."],
    ),
    Soal(
        "5i",
        harapan=lambda: [k for k in HSS[2023] if HSS[2023][k] > HSS[2022][k]],
        banding=banding_himpunan(),
        bentuk="himpunan",
        salah=[
            Salah("P0 TURUN (4,54 → 4,01). Itu justru yang menutupi masalahnya: lebih sedikit orang miskin, "
                  "tetapi yang tersisa makin jauh dari GK.", cocok=_berisi("P0")),
            Salah("Periksa juga P2: indeks keparahan naik dari 0,13 ke 0,17.",
                  cocok=lambda j: not _berisi("P2")(j)),
            Salah("Periksa juga P1: indeks kedalaman naik dari 0,62 ke 0,71.",
                  cocok=lambda j: not _berisi("P1")(j)),
        ],
        petunjuk=["Bandingkan setiap indikator 2022 dan 2023 di tabel.",
                  "Tulis sebagai list, misalnya `[\"P1\"]`."],
    ),
    Soal(
        "5k",
        harapan=lambda: _orang_di_bawah(GK_2022),
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Itu banyaknya orang miskin dengan GK 2024 (soal 5c). Soal ini meminta data yang sama "
                  "dihitung "
                  "dengan GK 2022 (Rp581.229).", nilai=lambda: _orang_di_bawah(_gk())),
            Salah("Itu banyaknya KELUARGA di bawah GK 2022. Yang diminta banyaknya ORANG: jumlahkan "
                  "`jumlah_anggota`.",
                  nilai=lambda: int((_kel()["pengeluaran_per_kapita"] < GK_2022).sum())),
        ],
        petunjuk=["Pilih keluarga dengan pengeluaran per kapita di bawah 581229.",
                  "Jumlahkan `jumlah_anggota` keluarga-keluarga itu."],
    ),
    Soal(
        "5l",
        harapan=lambda: _bansos()[0] / _bansos()[1] * 100,
        banding=banding_angka(desimal=1, persen=True),
        bagian=[
            Bagian("pembilang", "banyaknya keluarga miskin yang TIDAK menerima bansos", lambda: _bansos()[0],
                   [("Itu keluarga miskin yang menerima bansos; pembilangnya yang tidak menerima.",
                     lambda: _bansos()[1] - _bansos()[0])]),
            Bagian("penyebut", "banyaknya semua keluarga miskin", lambda: _bansos()[1],
                   [("Itu semua keluarga; kesalahan eksklusi dihitung di antara keluarga miskin saja.",
                     lambda: len(_kel())),
                    ("Itu banyaknya penerima bansos; penyebutnya semua keluarga miskin.",
                     lambda: _bansos()[3])]),
        ],
        petunjuk=["Keluarga miskin: pengeluaran per kapita di bawah GK. Penerima: `penerima_bansos == "
                  "\"Ya\"`.",
                  "Pembilang: keluarga miskin dan tidak menerima; penyebut: semua keluarga miskin.",
                  "Kesalahan eksklusi = pembilang / penyebut × 100."],
    ),
    Soal(
        "5m",
        harapan=lambda: _bansos()[2] / _bansos()[3] * 100,
        banding=banding_angka(desimal=1, persen=True),
        bagian=[
            Bagian("pembilang", "banyaknya penerima bansos yang TIDAK miskin (pengeluaran per kapita ≥ GK)",
                   lambda: _bansos()[2],
                   [("Itu penerima yang miskin; pembilangnya penerima yang tidak miskin.",
                     lambda: _bansos()[3] - _bansos()[2])]),
            Bagian("penyebut", "banyaknya semua keluarga penerima bansos", lambda: _bansos()[3],
                   [("Itu semua keluarga tidak miskin; kesalahan inklusi dihitung di antara penerima bansos.",
                     lambda: len(_kel()) - _bansos()[1]),
                    ("Itu semua keluarga; penyebutnya hanya penerima bansos.", lambda: len(_kel()))]),
        ],
        petunjuk=["Penerima: `penerima_bansos == \"Ya\"`; tidak miskin: pengeluaran per kapita ≥ GK.",
                  "Pembilang: penerima yang tidak miskin; penyebut: semua penerima.",
                  "Kesalahan inklusi = pembilang / penyebut × 100."],
    ),
)
