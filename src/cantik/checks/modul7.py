"""Questions of module 7, *Grafik, dasbor & diseminasi* (ids ``7a``–``7g``, ``7i``–``7k``).

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
    banding_angka,
    banding_deret,
    banding_pilihan,
    banding_tabel,
)
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


#: Small-cell rule of the confidentiality lesson: counts from 1 to BATAS_SEL_KECIL − 1 are not shown.
BATAS_SEL_KECIL = 5


def _stunting_rt() -> Any:
    """Stunted children per RT (the counts the confidentiality lesson protects)."""
    from cantik.checks.modul6 import _balita, _z

    return (_z() < -2).groupby(_balita()["rt"]).sum().astype(int)


def _sel_kecil(s: Any, lo: int = 1) -> Any:
    return s.between(lo, BATAS_SEL_KECIL - 1)


def _tabel_aman(lo: int = 1) -> Any:
    s = _stunting_rt()
    return s.astype(object).where(~_sel_kecil(s, lo), f"<{BATAS_SEL_KECIL}")


def _sd_per_10000(kunci: str = "kode") -> Any:
    desa = tabel("desa_kelurahan")
    sekolah = tabel("sekolah_wilayah")
    if kunci == "kode":
        t = desa.merge(tabel("kode_wilayah"), on="nama").merge(sekolah, on="kode_wilayah")
    else:
        t = desa.merge(sekolah, left_on="nama", right_on="nama_wilayah")
    return t.set_index("nama")["jumlah_sd"] / t.set_index("nama")["jumlah_penduduk"] * 10_000


def _kurang_baris(j: Any) -> bool:
    return isinstance(j, Deret) and 0 < len(j.label) < len(tabel("desa_kelurahan"))


def _tanpa_sembunyi(j: Any) -> bool:
    return isinstance(j, Deret) and all(isinstance(v, int | float) for v in j.nilai)


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
            Salah("Itu banyaknya perjalanan. RT yang penduduknya banyak cenderung punya lebih banyak "
                  "perjalanan; "
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
    Soal(
        "7i",
        harapan=lambda: int(_sel_kecil(_stunting_rt()).sum()),
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Anda ikut menghitung RT dengan angka 0. Aturan di modul ini menyembunyikan angka 1 "
                  "sampai 4; "
                  "angka 0 boleh ditampilkan.", nilai=lambda: int(_sel_kecil(_stunting_rt(), 0).sum())),
            Salah("Itu banyaknya balita di RT-RT itu. Yang diminta banyaknya RT yang angkanya disembunyikan.",
                  nilai=lambda: int(_stunting_rt()[_sel_kecil(_stunting_rt())].sum())),
        ],
        petunjuk=["`stunting_rt.between(1, 4)` bernilai True untuk RT yang angkanya 1 sampai 4.",
                  "Jumlahkan dengan `.sum()`."],
    ),
    Soal(
        "7j",
        harapan=lambda: deret(_tabel_aman()),
        banding=banding_deret(desimal=0),
        bentuk="deret",
        salah=[
            Salah("Angka kecil belum disembunyikan: ganti angka 1 sampai 4 dengan teks \"<5\".",
                  cocok=_tanpa_sembunyi),
            Salah("Angka 0 tidak perlu disembunyikan; ganti hanya angka 1 sampai 4 dengan \"<5\".",
                  nilai=lambda: deret(_tabel_aman(0))),
        ],
        petunjuk=["Mulai dari `stunting_rt.astype(object)` supaya kolomnya boleh berisi angka dan teks.",
                  "`.where(kondisi, \"<5\")` mempertahankan nilai yang kondisinya True dan mengganti yang "
                  "lain.",
                  "Kondisi yang dipertahankan: `~stunting_rt.between(1, 4)`."],
    ),
    Soal(
        "7k",
        harapan=lambda: deret(_sd_per_10000()),
        banding=banding_deret(desimal=1),
        bentuk="deret",
        salah=[
            Salah("Sebagian desa/kelurahan hilang: nama di daftar sekolah ditulis berbeda (huruf besar, "
                  "\"Kel.\", "
                  "\"Sei\"), jadi penggabungan lewat nama tidak menemukan pasangannya. Gabungkan lewat "
                  "`kode_wilayah`.", cocok=_kurang_baris),
            Salah("Itu per 1.000 penduduk. Yang diminta per 10.000 penduduk.",
                  nilai=lambda: deret(_sd_per_10000() / 10)),
        ],
        petunjuk=["Tempelkan kode ke tabel desa: `desa.merge(kode, on=\"nama\")`.",
                  "Lalu tempelkan jumlah sekolah lewat kodenya: `.merge(sekolah, on=\"kode_wilayah\")`.",
                  "SD per 10.000 penduduk = jumlah_sd / jumlah_penduduk × 10.000, dengan `nama` sebagai "
                  "label."],
    ),
)
