"""Questions of module 7, *Grafik, dasbor & diseminasi* (ids ``7a``–``7g``).

Chart questions are checked on what the chart's SVG shows (:mod:`cantik.checks.figures`): 7c a line of the
trips per month in time order, 7e one bar per RT with the trips per 1.000 residents, sorted, unit named,
7f a histogram of the waiting times with minutes on its axis; drawing another variable gets its own message.
"""

from __future__ import annotations

import re
from typing import Any

from cantik.checks._data import deret, tabel
from cantik.checks.compare import Hasil, Pembanding, banding_deret, banding_pilihan, banding_tabel
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.figures import NilaiKategori, Runtun, Sebaran, banding_grafik, cocok_isi
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


daftar(
    Soal(
        "7a",
        harapan=lambda: PILIHAN_7A,
        banding=banding_pilihan(PILIHAN_7A_TEKS),
        bentuk="teks",
        salah=[
            Salah("Diagram lingkaran menunjukkan bagian dari keseluruhan pada satu waktu, bukan perubahan "
                  "dari bulan ke bulan.", nilai=lambda: "A"),
            Salah("Diagram pencar untuk hubungan dua variabel angka (mis. jarak dan waktu tempuh), bukan "
                  "untuk perubahan menurut waktu.", nilai=lambda: "C"),
        ],
        petunjuk=["Yang ingin dilihat: naik-turunnya banyak perjalanan dari bulan ke bulan."],
    ),
    Soal(
        "7b",
        harapan=lambda: deret(_per_bulan()),
        banding=banding_bulanan(),
        bentuk="deret",
        salah=[
            Salah("Pakai tahun-bulan (mis. 2024-07), bukan nomor bulan saja: dengan nomor bulan, Januari "
                  "2025 tergambar sebelum Juli 2024.", cocok=_nomor_bulan),
        ],
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
        salah=[
            Salah("Itu BANYAKNYA perjalanan. RT yang penduduknya banyak tentu punya lebih banyak perjalanan; "
                  "bagi dengan jumlah penduduk RT dan kalikan 1.000.", nilai=lambda: deret(_per_rt())),
            Salah("Yang diminta per 1.000 penduduk, bukan per 100.", nilai=lambda: deret(_laju_rt(100))),
            Salah("Penyebutnya jumlah PENDUDUK RT (tabel penduduk), bukan banyaknya keluarga.",
                  nilai=lambda: deret(_laju_rt(penyebut=tabel("keluarga")["rt"].value_counts()))),
        ],
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
        salah=[
            Salah("Tabel gaya \"… dalam Angka\" diakhiri baris Jumlah (total kelurahan). Tambahkan baris "
                  "dengan rt = \"Jumlah\".", cocok=_tanpa_jumlah),
            Salah("Rasio jenis kelamin baris Jumlah dihitung dari TOTAL laki-laki dan perempuan, bukan "
                  "dijumlahkan dari rasio setiap RT.", nilai=lambda: _ke_tabel(_tabel_dalam_angka("sum"))),
            Salah("Rasio jenis kelamin baris Jumlah dihitung dari TOTAL laki-laki dan perempuan, bukan "
                  "rata-rata rasio setiap RT.", nilai=lambda: _ke_tabel(_tabel_dalam_angka("mean"))),
        ],
        petunjuk=["`pd.crosstab(penduduk[\"rt\"], penduduk[\"jenis_kelamin\"])` memberi L dan P per RT.",
                  "Ganti nama kolom, tambah kolom jumlah dan rasio_jenis_kelamin (L / P × 100).",
                  "Tambah baris Jumlah: `tabel.loc[\"Jumlah\"] = [...]`, lalu `reset_index()`."],
    ),
)
