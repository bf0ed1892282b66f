"""Questions of module 7, *Grafik, dasbor & diseminasi* (ids ``7a``–``7g``).

Chart questions are checked on what the chart's SVG shows (:mod:`cantik.checks.figures`): 7c a line of the
trips per month in time order, 7e one bar per RT with the trips per 1.000 residents, sorted, unit named,
7f a histogram of the waiting times with minutes on its axis; drawing another variable gets its own message.
"""

from __future__ import annotations

import re
from typing import Any

from cantik.checks._data import deret, tabel
from cantik.checks.compare import (
    Hasil,
    Pembanding,
    banding_deret,
    banding_pilihan,
    banding_tabel,
)
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.figures import NilaiKategori, Runtun, Sebaran, banding_grafik, cocok_isi
from cantik.checks.mistakes import Rumus, sebagai_jawaban
from cantik.checks.plain import Deret, Tabel

#: The answer of the multiple-choice question 7a (which chart shows trips per month over a year).
PILIHAN_7A = "B"
#: The options of question 7a (the notebook shows the same text).
PILIHAN_7A_TEKS = {"A": "diagram lingkaran", "B": "diagram garis", "C": "diagram pencar"}
#: Rates in questions 7d/7e are AMPUNKU trips per this many residents of the RT.
PER_PENDUDUK = 1000


def _per_bulan() -> Any:
    a = tabel("ampunku")
    return a["tanggal"].dt.to_period("M").value_counts().sort_index()


def _per_rt() -> Any:
    return tabel("ampunku")["rt"].value_counts().sort_index()


def _penduduk_rt() -> Any:
    return tabel("penduduk")["rt"].value_counts().sort_index()


def _laju_rt(per: int = PER_PENDUDUK, penyebut: Any = None) -> Any:
    pembagi = _penduduk_rt() if penyebut is None else penyebut
    return _per_rt() / pembagi * per


def _laju_model(per: int = PER_PENDUDUK, penyebut: str = "penduduk_rt") -> Deret:
    """Trips per ``per`` residents of each RT; the denominator a parameter (residents of the RT, its
    households, or the whole kelurahan)."""
    pembagi = {"penduduk_rt": _penduduk_rt(), "keluarga_rt": tabel("keluarga")["rt"].value_counts(),
               "kelurahan": len(tabel("penduduk"))}[penyebut]
    return deret(_per_rt() / pembagi * per)


def _tabel_model(rasio: str = "L/P", kali: int = 100, baris_jumlah: str = "total") -> Any:
    """The "… dalam Angka" table with the sex ratio's direction and scale and its total row's ratio as
    parameters."""
    t = _tabel_dalam_angka(baris_jumlah)
    lk, pr = t["laki_laki"].astype(float), t["perempuan"].astype(float)
    r = (lk / pr if rasio == "L/P" else pr / lk) * kali
    if baris_jumlah == "total":
        t["rasio_jenis_kelamin"] = r
    else:
        t.loc[t.index[:-1], "rasio_jenis_kelamin"] = r.iloc[:-1]
        rows = t["rasio_jenis_kelamin"].iloc[:-1]
        t.loc[t.index[-1], "rasio_jenis_kelamin"] = getattr(rows, baris_jumlah)()
    return _ke_tabel(t)


def _bulan(label: Any) -> Any:
    """A month label as ``YYYY-MM`` (Period, Timestamp and date strings all read the same)."""
    if isinstance(label, str):
        m = re.match(r"^(\d{4})-(\d{2})", label.strip())
        if m:
            return f"{m.group(1)}-{m.group(2)}"
    return label


def banding_bulanan(desimal: int | None = 0) -> Pembanding:
    """Compare values per month whatever the month label is (Period, month-start or month-end Timestamp)."""
    dasar = banding_deret(desimal=desimal)

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        if isinstance(jawaban, Deret):
            jawaban = Deret(tuple(_bulan(k) for k in jawaban.label), jawaban.nilai, jawaban.nama)
        return dasar(jawaban, Deret(tuple(_bulan(k) for k in harapan.label), harapan.nilai))

    return banding


def _nomor_bulan(j: Any) -> bool:
    return isinstance(j, Deret) and all(isinstance(k, int) and 1 <= k <= 12 for k in j.label)


def _angka_label(teks: str) -> int | None:
    m = re.search(r"\d+", teks)
    return int(m.group()) if m else None


def _rt(teks: str) -> int | None:
    """The RT a bar's label names ("7", "RT 07", "RT7" → 7)."""
    return _angka_label(teks)


def _per_rt_grafik(nilai: Any, nama: str) -> NilaiKategori:
    return NilaiKategori(tuple(int(k) for k in nilai.index), tuple(float(v) for v in nilai), nama, "RT", _rt)


def _sebaran(kolom: str) -> Sebaran:
    return Sebaran(tuple(float(v) for v in tabel("ampunku")[kolom].dropna()), f"`{kolom}`")


#: The unit the value axis of 7e must name (perjalanan per 1.000 penduduk).
SATUAN_7E = ("1.000", "1000", "1,000", "seribu")


def _tabel_dalam_angka(rasio_baris_jumlah: str = "total") -> Any:
    import pandas as pd

    p = tabel("penduduk")
    t = pd.crosstab(p["rt"], p["jenis_kelamin"]).rename(columns={"L": "laki_laki", "P": "perempuan"})
    t = t[["laki_laki", "perempuan"]]
    t["jumlah"] = t["laki_laki"] + t["perempuan"]
    t["rasio_jenis_kelamin"] = t["laki_laki"] / t["perempuan"] * 100
    total = t[["laki_laki", "perempuan", "jumlah"]].sum()
    if rasio_baris_jumlah == "total":
        r = total["laki_laki"] / total["perempuan"] * 100
    else:
        r = getattr(t["rasio_jenis_kelamin"], rasio_baris_jumlah)()
    t.loc["Jumlah"] = [*total.tolist(), r]
    out = t.reset_index()
    out.columns = ["rt", "laki_laki", "perempuan", "jumlah", "rasio_jenis_kelamin"]
    return out


def _ke_tabel(df: Any) -> Tabel:
    from cantik.checks.plain import ke_polos

    return ke_polos(df)


def _tanpa_jumlah(j: Any) -> bool:
    return isinstance(j, Tabel) and len(j.baris) == len(_penduduk_rt())


def _rasio_jumlah_kosong(j: Any) -> bool:
    if not isinstance(j, Tabel) or not j.baris:
        return False
    kolom = [str(k).casefold() for k in j.kolom]
    if "rasio_jenis_kelamin" not in kolom:
        return False
    v = j.baris[-1][kolom.index("rasio_jenis_kelamin")]
    return v is None or (isinstance(v, float) and v != v)


def _tabel_rasio_jumlah_kosong() -> Any:
    t = sebagai_jawaban(_ke_tabel(_tabel_dalam_angka()))
    t.loc[t.index[-1], "rasio_jenis_kelamin"] = float("nan")
    return t


_LAJU = Rumus(_laju_model, per=PER_PENDUDUK, penyebut="penduduk_rt")
_TABEL = Rumus(_tabel_model, rasio="L/P", kali=100, baris_jumlah="total")

daftar(
    Soal(
        "7a",
        harapan=lambda: PILIHAN_7A,
        banding=banding_pilihan(PILIHAN_7A_TEKS),
        bentuk="teks",
        salah=[
            Salah("Diagram lingkaran menunjukkan bagian dari keseluruhan pada satu waktu, bukan perubahan "
                  "dari bulan ke bulan.", nilai=lambda: "A", kode="pilihan-a", konsep="grafik"),
            Salah("Diagram pencar untuk hubungan dua variabel angka (mis. jarak dan waktu tempuh), bukan "
                  "untuk perubahan menurut waktu.", nilai=lambda: "C", kode="pilihan-c", konsep="grafik"),
            Salah("Diagram batang atau histogram tidak ada di pilihan. Pilih satu huruf (A, B atau C): jenis "
                  "diagram yang paling cocok untuk melihat naik-turun dari bulan ke bulan.",
                  cocok=lambda j: isinstance(j, str) and any(w in j.casefold() for w in ("batang",
                  "histogram")),
                  kode="bukan-pilihan", konsep="grafik", contoh=lambda: "diagram batang"),
        ],
        langkah="pikirkan apa yang ingin dilihat: naik-turunnya banyak perjalanan dari bulan ke bulan.",
        petunjuk=["Yang ingin dilihat: naik-turunnya banyak perjalanan dari bulan ke bulan."],
    ),
    Soal(
        "7b",
        harapan=lambda: deret(_per_bulan()),
        banding=banding_bulanan(),
        bentuk="deret",
        salah=[
            Salah("Pakai tahun-bulan (mis. 2024-07), bukan nomor bulan saja: dengan nomor bulan, Januari "
                  "2025 tergambar sebelum Juli 2024.",
                  cocok=_nomor_bulan, kode="nomor-bulan", konsep="bentuk",
                  contoh=lambda: tabel("ampunku")["tanggal"].dt.month.value_counts()),
            Salah("Itu banyaknya perjalanan per RT. Yang diminta per BULAN: kelompokkan menurut bulan dari "
                  "kolom `tanggal`.", cocok=lambda j: isinstance(j, Deret) and not _nomor_bulan(j)
                  and all(isinstance(k, int) for k in j.label), kode="per-rt", konsep="bentuk",
                  contoh=_per_rt),
            Salah("Itu jumlah kumulatif (`cumsum()`). Yang diminta banyaknya perjalanan di setiap bulan "
                  "saja.",
                  nilai=lambda: deret(_per_bulan().cumsum()), kode="kumulatif", konsep="bentuk"),
            Salah("Itu jumlah JARAK per bulan (km). Yang diminta BANYAKNYA perjalanan: hitung barisnya "
                  "(`value_counts()` atau `.size()`).",
                  nilai=lambda: deret(tabel("ampunku").groupby(tabel("ampunku")["tanggal"].dt.to_period("M"))
                                      ["jarak_km"].sum()), kode="jumlah-jarak", konsep="indikator"),
        ],
        langkah="ubah tanggal menjadi bulan (`.dt.to_period(\"M\")`), lalu hitung banyaknya perjalanan per "
                "bulan dan urutkan menurut bulan.",
        petunjuk=["Ubah tanggal menjadi bulan: `ampunku[\"tanggal\"].dt.to_period(\"M\")`.",
                  "Hitung banyaknya perjalanan per bulan dengan `.value_counts().sort_index()`."],
    ),
    Soal(
        "7c",
        harapan=lambda: Runtun(tuple(float(v) for v in _per_bulan()), "banyaknya perjalanan per bulan",
                               "bulan"),
        banding=banding_grafik(jenis="garis"),
        bentuk="grafik",
        petunjuk=["Perubahan menurut waktu digambar dengan diagram garis: `ax.plot(x, y, marker=\"o\")`.",
                  "Beri judul (apa, di mana, kapan) dan label kedua sumbu."],
    ),
    Soal(
        "7d",
        harapan=lambda: deret(_laju_rt()),
        banding=banding_deret(desimal=1),
        bentuk="deret",
        rumus=_LAJU,
        salah=[
            Salah("Itu BANYAKNYA perjalanan. RT yang penduduknya banyak tentu punya lebih banyak perjalanan; "
                  "bagi dengan jumlah penduduk RT dan kalikan 1.000.", nilai=lambda: deret(_per_rt()),
                  kode="banyaknya", konsep="jumlah-laju"),
            *_LAJU.ganti("per", {100: "per 100", 1: "per 1 penduduk (belum dikali 1.000)"},
                         pesan="Itu perjalanan {salah}. Yang diminta per 1.000 penduduk: kalikan hasil "
                               "baginya dengan 1.000.", konsep="skala"),
            *_LAJU.ganti("penyebut", {"keluarga_rt": "banyaknya KELUARGA di RT",
                                      "kelurahan": "seluruh penduduk KELURAHAN"},
                         pesan="Penyebutnya jumlah PENDUDUK RT itu sendiri (tabel penduduk), bukan {salah}.",
                         konsep="penyebut"),
            Salah("Pembilang dan penyebutnya terbalik: perjalanan AMPUNKU dibagi jumlah penduduk RT, lalu "
                  "dikali 1.000.", nilai=lambda: deret(_penduduk_rt() / _per_rt() * PER_PENDUDUK),
                  kode="dibalik", konsep="rumus"),
        ],
        langkah="untuk setiap RT: banyaknya perjalanan / jumlah penduduk RT itu × 1.000.",
        petunjuk=["Banyaknya perjalanan per RT: `ampunku[\"rt\"].value_counts()`.",
                  "Jumlah penduduk per RT: `penduduk[\"rt\"].value_counts()`.",
                  "Bagi keduanya (pandas mencocokkan RT-nya), lalu kalikan 1.000."],
    ),
    Soal(
        "7e",
        harapan=lambda: _per_rt_grafik(_laju_rt(), "perjalanan per 1.000 penduduk"),
        banding=banding_grafik(jenis=("batang", "batang_mendatar"), urut=True, satuan_nilai=SATUAN_7E,
                               pesan_satuan="Label sumbu nilai belum menyebut satuannya (perjalanan per "
                                            "1.000 penduduk). Tanpa satuan, pembaca tidak tahu apakah itu "
                                            "jumlah atau angka per penduduk."),
        bentuk="grafik",
        salah=[
            Salah("Batang Anda menggambar BANYAKNYA perjalanan per RT. RT yang penduduknya banyak tentu "
                  "punya lebih banyak perjalanan; gambar `laju_rt` (per 1.000 penduduk).",
                  cocok=cocok_isi(lambda: _per_rt_grafik(_per_rt(), "banyaknya perjalanan"))),
            Salah("Angka pada grafik Anda per 100 penduduk; yang diminta per 1.000 penduduk.",
                  cocok=cocok_isi(lambda: _per_rt_grafik(_laju_rt(100), "perjalanan per 100 penduduk"))),
            Salah("Penyebutnya jumlah PENDUDUK RT (tabel penduduk), bukan banyaknya keluarga.",
                  cocok=cocok_isi(lambda: _per_rt_grafik(
                      _laju_rt(penyebut=tabel("keluarga")["rt"].value_counts()), "perjalanan per keluarga"))),
        ],
        petunjuk=["Urutkan dulu: `laju_rt.sort_values()`.",
                  "Diagram batang mendatar memudahkan membaca nama RT: `ax.barh(label, nilai)`.",
                  "Sumbu nilai mulai dari nol; label sumbu menyebut satuan \"per 1.000 penduduk\"."],
    ),
    Soal(
        "7f",
        harapan=lambda: _sebaran("waktu_tunggu_menit"),
        banding=banding_grafik(jenis="batang", satuan_x=("menit",),
                               pesan_satuan="Label sumbu mendatar belum menyebut satuannya. Tulis misalnya "
                                            "\"Waktu tunggu (menit)\"."),
        bentuk="grafik",
        salah=[
            Salah("Histogram Anda menggambar waktu TEMPUH (lama perjalanan), bukan waktu TUNGGU. Pakai kolom "
                  "`waktu_tunggu_menit`.", cocok=cocok_isi(lambda: _sebaran("waktu_tempuh_menit"))),
            Salah("Histogram Anda menggambar jarak perjalanan (km), bukan waktu tunggu. Pakai kolom "
                  "`waktu_tunggu_menit`.", cocok=cocok_isi(lambda: _sebaran("jarak_km"))),
        ],
        petunjuk=["Sebaran satu variabel angka digambar dengan histogram: `ax.hist(..., bins=15)`.",
                  "Label sumbu mendatar menyebut satuannya: \"Waktu tunggu (menit)\"."],
    ),
    Soal(
        "7g",
        harapan=lambda: _ke_tabel(_tabel_dalam_angka()),
        banding=banding_tabel(desimal=1),
        bentuk="tabel",
        rumus=_TABEL,
        salah=[
            Salah("Tabel gaya \"… dalam Angka\" diakhiri baris Jumlah (total kelurahan). Tambahkan baris "
                  "dengan rt = \"Jumlah\".", cocok=_tanpa_jumlah, kode="tanpa-baris-jumlah", konsep="bentuk",
                  contoh=lambda: sebagai_jawaban(_ke_tabel(_tabel_dalam_angka())).iloc[:-1]),
            *_TABEL.ganti("baris_jumlah", {
                "sum": "dijumlahkan dari rasio setiap RT", "mean": "rata-rata rasio setiap RT",
                "median": "median rasio setiap RT"},
                pesan="Rasio jenis kelamin baris Jumlah dihitung dari TOTAL laki-laki dan perempuan, bukan "
                      "{salah}.", konsep="gabungan"),
            *_TABEL.ganti("rasio", {"P/L": "perempuan dibagi laki-laki"},
                          pesan="Kolom rasio_jenis_kelamin Anda memakai {salah}. Rasio jenis kelamin = L / P "
                                "× 100.", konsep="rumus"),
            *_TABEL.ganti("kali", {1: "belum dikali 100"},
                          pesan="Kolom rasio_jenis_kelamin Anda {salah}. Rasio jenis kelamin dinyatakan per "
                                "100 perempuan: L / P × 100.", konsep="skala"),
            Salah("Rasio jenis kelamin di baris Jumlah masih kosong. Hitung dari total: total L / total P × "
                  "100.", cocok=_rasio_jumlah_kosong, kode="rasio-jumlah-kosong", konsep="gabungan",
                  contoh=_tabel_rasio_jumlah_kosong),
            Salah("Kolom `jumlah` (laki-laki + perempuan) belum ada. Tambahkan: `tabel[\"jumlah\"] = "
                  "tabel[\"laki_laki\"] + tabel[\"perempuan\"]`.",
                  cocok=lambda j: isinstance(j, Tabel) and "jumlah" not in {str(k).casefold()
                                                                             for k in j.kolom},
                  kode="tanpa-kolom-jumlah", konsep="bentuk",
                  contoh=lambda: sebagai_jawaban(_ke_tabel(_tabel_dalam_angka())).drop(columns="jumlah")),
        ],
        langkah="per RT: laki_laki, perempuan, jumlah dan rasio_jenis_kelamin (L / P × 100); baris Jumlah: "
                "total L, total P, total jumlah dan rasio dari kedua total.",
        petunjuk=["`pd.crosstab(penduduk[\"rt\"], penduduk[\"jenis_kelamin\"])` memberi L dan P per RT.",
                  "Ganti nama kolom, tambah kolom jumlah dan rasio_jenis_kelamin (L / P × 100).",
                  "Tambah baris Jumlah: `tabel.loc[\"Jumlah\"] = [...]`, lalu `reset_index()`."],
    ),
)
