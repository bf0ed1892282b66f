"""Questions of module 7, *Grafik, dasbor & diseminasi* (ids ``7a``–``7g``, ``7i``–``7k``).

Chart questions are checked on what the chart's SVG shows (:mod:`cantik.checks.figures`): 7c a line of the
trips per month in time order, 7e one bar per RT with the trips per 1.000 residents, sorted, unit named,
7f a histogram of the waiting times with minutes on its axis; drawing another variable gets its own message.
"""

from __future__ import annotations

from typing import Any

from cantik.checks._data import deret, tabel
from cantik.checks.compare import (
    Hasil,
    Pembanding,
    banding_angka,
    banding_deret,
    banding_pilihan,
    banding_tabel,
    nilai_per_label,
)
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.figures import (
    NilaiKategori,
    Runtun,
    Sebaran,
    baca_bulan,
    banding_grafik,
    cocok_isi,
    nomor_rt,
)
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
    """A month label as ``YYYY-MM`` (Period, Timestamp, date strings, "Jul 2024", (2024, 7) read the same)."""
    return baca_bulan(label) or label


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


def _per_rt_grafik(nilai: Any, nama: str) -> NilaiKategori:
    return NilaiKategori(tuple(int(k) for k in nilai.index), tuple(float(v) for v in nilai), nama, "RT",
                         nomor_rt)


def _sebaran(kolom: str) -> Sebaran:
    return Sebaran(tuple(float(v) for v in tabel("ampunku")[kolom].dropna()), f"`{kolom}`")


#: Hints of the line chart (7c, 7n) and of the sorted bar chart per RT (7e, 7p).
PETUNJUK_GARIS = ["Perubahan menurut waktu digambar dengan diagram garis: `ax.plot(x, y, marker=\"o\")`.",
                  "Beri judul (apa, di mana, kapan) dan label kedua sumbu."]
PETUNJUK_BATANG_RT = ["Urutkan dulu: `laju_rt.sort_values()`.",
                      "Diagram batang mendatar memudahkan membaca nama RT: `ax.barh(label, nilai)`.",
                      "Sumbu nilai mulai dari nol; label sumbu menyebut satuan \"per 1.000 penduduk\"."]
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


def _sekolah_kode() -> Any:
    """Desa/kelurahan with their schools, joined by region code (question 7k), indexed by name."""
    desa = tabel("desa_kelurahan")
    t = desa.merge(tabel("kode_wilayah"), on="nama").merge(tabel("sekolah_wilayah"), on="kode_wilayah")
    return t.set_index("nama")


def _sd_per_10000(kunci: str = "kode", kolom: str = "jumlah_sd") -> Any:
    """Schools per 10 000 people: joined by code (right) or by name (the mistake); ``kolom`` "semua" for all
    schools."""
    if kunci == "kode":
        t = _sekolah_kode()
    else:
        desa = tabel("desa_kelurahan")
        t = desa.merge(tabel("sekolah_wilayah"), left_on="nama", right_on="nama_wilayah").set_index("nama")
    n = t[["jumlah_sd", "jumlah_smp", "jumlah_sma"]].sum(axis=1) if kolom == "semua" else t[kolom]
    return n / t["jumlah_penduduk"] * 10_000


def _label_kode(j: Any) -> bool:
    kode = [str(k).strip() for k in j.label] if isinstance(j, Deret) else []
    return bool(kode) and all(k.isdigit() and len(k) >= 8 for k in kode)


def _sel_kecil_di(j: Any) -> list[Any] | None:
    """The answer's values at the RTs whose count is 1–4, or None when it is not per RT with every RT."""
    if not isinstance(j, Deret):
        return None
    s = _stunting_rt()
    got = nilai_per_label(j, deret(_tabel_aman()))
    kunci = nilai_per_label(deret(s), deret(_tabel_aman()))  # the RT labels, normalised the same way
    if got is None or kunci is None or set(got) != set(kunci):
        return None
    return [got[k] for k, small in zip(kunci, _sel_kecil(s), strict=True) if small]


def _kosong(v: Any) -> bool:
    return v is None or (isinstance(v, float) and v != v)


def _pengganti_lain(j: Any) -> bool:
    kecil = _sel_kecil_di(j)
    return bool(kecil) and all(isinstance(v, str) for v in kecil) and any(
        v.replace(" ", "") != f"<{BATAS_SEL_KECIL}" for v in kecil)


def _dikosongkan(j: Any) -> bool:
    kecil = _sel_kecil_di(j)
    return bool(kecil) and all(_kosong(v) for v in kecil)


def _rt_dibuang(j: Any) -> bool:
    return (isinstance(j, Deret) and 1 < len(_stunting_rt()) - len(j.label) <= len(_stunting_rt())
            and not any(isinstance(v, str) for v in j.nilai))


def _kurang_baris(j: Any) -> bool:
    return isinstance(j, Deret) and 0 < len(j.label) < len(tabel("desa_kelurahan"))


def _tanpa_sembunyi(j: Any) -> bool:
    return isinstance(j, Deret) and all(isinstance(v, int | float) for v in j.nilai)


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
        petunjuk=PETUNJUK_GARIS,
    ),
    Soal(
        "7d",
        harapan=lambda: deret(_laju_rt()),
        banding=banding_deret(desimal=1),
        bentuk="deret",
        rumus=_LAJU,
        salah=[
            Salah("Itu BANYAKNYA perjalanan. RT yang penduduknya banyak cenderung punya lebih banyak "
                  "perjalanan; bagi dengan jumlah penduduk RT dan kalikan 1.000.",
                  nilai=lambda: deret(_per_rt()), kode="banyaknya", konsep="jumlah-laju"),
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
        petunjuk=PETUNJUK_BATANG_RT,
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
    Soal(
        "7i",
        harapan=lambda: int(_sel_kecil(_stunting_rt()).sum()),
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Anda ikut menghitung RT dengan angka 0. Aturan di modul ini menyembunyikan angka 1 sampai "
                  "4; angka 0 boleh ditampilkan.", nilai=lambda: int(_sel_kecil(_stunting_rt(), 0).sum()),
                  kode="ikut-nol", konsep="kerahasiaan"),
            Salah("Itu banyaknya balita di RT-RT itu. Yang diminta banyaknya RT yang angkanya disembunyikan.",
                  nilai=lambda: int(_stunting_rt()[_sel_kecil(_stunting_rt())].sum()),
                  kode="banyaknya-balita",
                  konsep="bentuk"),
            Salah("Itu banyaknya RT yang angkanya 0. Yang disembunyikan RT dengan angka 1 sampai 4.",
                  nilai=lambda: int((_stunting_rt() == 0).sum()), kode="rt-nol", konsep="kerahasiaan"),
            Salah("Itu banyaknya RT dengan angka 5 ke atas (yang BOLEH ditampilkan). Yang diminta RT yang "
                  "angkanya disembunyikan: 1 sampai 4.",
                  nilai=lambda: int((_stunting_rt() >= BATAS_SEL_KECIL).sum()), kode="lima-ke-atas",
                  konsep="arah"),
            Salah("Angka 1 juga disembunyikan: aturannya angka 1 sampai 4, `between(1, 4)`.",
                  nilai=lambda: int(_sel_kecil(_stunting_rt(), 2).sum()), kode="tanpa-1",
                  konsep="kerahasiaan"),
            Salah("Itu banyaknya RT yang angkanya tepat 1. Yang disembunyikan semua angka 1 sampai 4.",
                  nilai=lambda: int((_stunting_rt() == 1).sum()), kode="hanya-1", konsep="kerahasiaan"),
            Salah("Itu persentase RT yang disembunyikan. Yang diminta BANYAKNYA RT (`.sum()`).",
                  nilai=lambda: float(_sel_kecil(_stunting_rt()).mean() * 100), kode="persen",
                  konsep="skala"),
            Salah("Itu proporsi RT yang disembunyikan (`.mean()`). Yang diminta BANYAKNYA RT: pakai "
                  "`.sum()`.",
                  nilai=lambda: float(_sel_kecil(_stunting_rt()).mean()), kode="proporsi", konsep="skala"),
        ],
        langkah="RT dengan angka 1 sampai 4 (`stunting_rt.between(1, 4)`), lalu `.sum()`.",
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
                  cocok=_tanpa_sembunyi, kode="belum-disembunyikan", konsep="kerahasiaan",
                  contoh=_stunting_rt),
            Salah("Angka 0 tidak perlu disembunyikan; ganti hanya angka 1 sampai 4 dengan \"<5\".",
                  nilai=lambda: deret(_tabel_aman(0)), kode="nol-disembunyikan", konsep="kerahasiaan"),
            Salah("Yang disembunyikan terbalik: angka 1 sampai 4 harus diganti \"<5\", angka lainnya tetap "
                  "ditampilkan. Pakai `.where(~stunting_rt.between(1, 4), \"<5\")`.",
                  nilai=lambda: deret(_stunting_rt().astype(object).where(_sel_kecil(_stunting_rt()),
                                                                          f"<{BATAS_SEL_KECIL}")),
                  kode="terbalik", konsep="arah"),
            Salah("Tulis penggantinya persis teks \"<5\" (supaya pembaca tahu angkanya di bawah 5), bukan "
                  "tanda atau kata lain.", cocok=_pengganti_lain, kode="teks-lain", konsep="kerahasiaan",
                  contoh=lambda: _stunting_rt().astype(object).where(~_sel_kecil(_stunting_rt()), "-")),
            Salah("Angka kecil dikosongkan (NaN). Ganti angka 1 sampai 4 dengan teks \"<5\", jangan "
                  "dikosongkan: tabel kosong bisa dibaca sebagai 'tidak ada data'.", cocok=_dikosongkan,
                  kode="dikosongkan", konsep="kerahasiaan",
                  contoh=lambda: _stunting_rt().where(~_sel_kecil(_stunting_rt()))),
            Salah("RT yang angkanya kecil dibuang dari tabel. Semua RT tetap ditampilkan; angkanya saja yang "
                  "diganti \"<5\".", cocok=_rt_dibuang, kode="rt-dibuang", konsep="kerahasiaan",
                  contoh=lambda: _stunting_rt()[~_sel_kecil(_stunting_rt())]),
        ],
        langkah="mulai dari `stunting_rt.astype(object)`, lalu `.where(~stunting_rt.between(1, 4), \"<5\")`: "
                "semua RT tetap ada.",
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
                  "\"Kel.\", \"Sei\"), jadi penggabungan lewat nama tidak menemukan pasangannya. Gabungkan "
                  "lewat `kode_wilayah`.", cocok=_kurang_baris, kode="gabung-nama", konsep="kode-wilayah",
                  contoh=lambda: _sd_per_10000("nama")),
            Salah("Itu per 1.000 penduduk. Yang diminta per 10.000 penduduk.",
                  nilai=lambda: deret(_sd_per_10000() / 10), kode="per-1000", konsep="skala"),
            Salah("Itu SD per penduduk (belum dikali 10.000). Kalikan hasil baginya dengan 10.000.",
                  nilai=lambda: deret(_sd_per_10000() / 10_000), kode="belum-kali", konsep="skala"),
            Salah("Itu penduduk per SD (dibagi terbalik). Yang diminta SD per 10.000 penduduk: jumlah_sd / "
                  "jumlah_penduduk × 10.000.", nilai=lambda: deret(10_000 * 10_000 / _sd_per_10000()),
                  kode="dibalik", konsep="rumus"),
            Salah("Itu banyaknya SD. Desa yang penduduknya banyak cenderung punya lebih banyak SD; "
                  "bandingkan "
                  "dengan SD per 10.000 penduduk.", nilai=lambda: deret(_sekolah_kode()["jumlah_sd"]),
                  kode="banyaknya", konsep="jumlah-laju"),
            Salah("Itu SMP per 10.000 penduduk. Yang diminta SD (`jumlah_sd`).",
                  nilai=lambda: deret(_sd_per_10000(kolom="jumlah_smp")), kode="smp", konsep="indikator"),
            Salah("Itu SEMUA sekolah (SD + SMP + SMA) per 10.000 penduduk. Yang diminta SD saja.",
                  nilai=lambda: deret(_sd_per_10000(kolom="semua")), kode="semua-sekolah",
                  konsep="indikator"),
            Salah("Labelnya masih kode wilayah. Pakai nama desa/kelurahan (`nama`) sebagai label.",
                  cocok=_label_kode, kode="label-kode", konsep="bentuk",
                  contoh=lambda: _sd_per_10000().set_axis(_sekolah_kode()["kode_wilayah"].astype(str))),
        ],
        langkah="gabungkan `desa_kelurahan` → `kode_wilayah` (lewat `nama`) → `sekolah_wilayah` (lewat "
                "`kode_wilayah`), lalu jumlah_sd / jumlah_penduduk × 10.000 dengan `nama` sebagai label.",
        petunjuk=["Tempelkan kode ke tabel desa: `desa.merge(kode, on=\"nama\")`.",
                  "Lalu tempelkan jumlah sekolah lewat kodenya: `.merge(sekolah, on=\"kode_wilayah\")`.",
                  "SD per 10.000 penduduk = jumlah_sd / jumlah_penduduk × 10.000, dengan `nama` sebagai "
                  "label."],
    ),
)


# ------------------------------------------------------------------ the dashboard without a service table
#: The variant of the dashboard questions (7m–7q replace 7b–7f) for a place without a service table like
#: AMPUNKU: the same skills on tables every place has. Births of the last twelve months (residents born
#: from this date up to the reference date) per month, per 1.000 residents of each RT, and the spread of
#: the households' spending per person.
AWAL_KELAHIRAN = "2024-07-01"


def _bayi() -> Any:
    p = tabel("penduduk")
    return p[p["tanggal_lahir"] >= AWAL_KELAHIRAN]


def _lahir_bulan() -> Any:
    return _bayi()["tanggal_lahir"].dt.to_period("M").value_counts().sort_index()


def _lahir_banyak_rt() -> Any:
    return _bayi()["rt"].value_counts().sort_index()


def _lahir_rt(per: int = PER_PENDUDUK) -> Any:
    """Births per ``per`` residents of each RT; an RT without births has 0 (``.fillna(0)``)."""
    return (_lahir_banyak_rt() / _penduduk_rt() * per).fillna(0)


def _ada_kosong(j: Any) -> bool:
    return isinstance(j, Deret) and any(isinstance(v, float) and v != v for v in j.nilai)


def _pengeluaran(kolom: str = "pengeluaran_per_kapita") -> Sebaran:
    return Sebaran(tuple(float(v) for v in tabel("keluarga")[kolom].dropna()), f"`{kolom}`")


#: The unit the x axis of 7q must name.
SATUAN_7Q = ("rupiah", "rp")

daftar(
    Soal(
        "7m",
        harapan=lambda: deret(_lahir_bulan()),
        banding=banding_bulanan(),
        bentuk="deret",
        salah=[
            Salah("Pakai tahun-bulan (mis. 2024-07), bukan nomor bulan saja: dengan nomor bulan, Januari "
                  "2025 tergambar sebelum Juli 2024.",
                  cocok=_nomor_bulan, kode="nomor-bulan", konsep="bentuk",
                  contoh=lambda: _bayi()["tanggal_lahir"].dt.month.value_counts()),
            Salah("Itu banyaknya kelahiran per RT. Yang diminta per BULAN: kelompokkan menurut bulan dari "
                  "kolom `tanggal_lahir`.", cocok=lambda j: isinstance(j, Deret) and not _nomor_bulan(j)
                  and all(isinstance(k, int) for k in j.label), kode="per-rt", konsep="bentuk",
                  contoh=_lahir_banyak_rt),
            Salah("Itu jumlah kumulatif (`cumsum()`). Yang diminta banyaknya kelahiran di setiap bulan saja.",
                  nilai=lambda: deret(_lahir_bulan().cumsum()), kode="kumulatif", konsep="bentuk"),
        ],
        langkah="ubah tanggal lahir bayi menjadi bulan (`.dt.to_period(\"M\")`), lalu hitung banyaknya per "
                "bulan dan urutkan menurut bulan.",
        petunjuk=["Ubah tanggal menjadi bulan: `bayi[\"tanggal_lahir\"].dt.to_period(\"M\")`.",
                  "Hitung banyaknya kelahiran per bulan dengan `.value_counts().sort_index()`."],
    ),
    Soal(
        "7n",
        harapan=lambda: Runtun(tuple(float(v) for v in _lahir_bulan()), "banyaknya kelahiran per bulan",
                               "bulan"),
        banding=banding_grafik(jenis="garis"),
        bentuk="grafik",
        petunjuk=PETUNJUK_GARIS,
    ),
    Soal(
        "7o",
        harapan=lambda: deret(_lahir_rt()),
        banding=banding_deret(desimal=1),
        bentuk="deret",
        salah=[
            Salah("Itu BANYAKNYA kelahiran. RT yang penduduknya banyak cenderung punya lebih banyak "
                  "kelahiran; bagi dengan jumlah penduduk RT dan kalikan 1.000.",
                  nilai=lambda: deret(_lahir_banyak_rt()), kode="banyaknya", konsep="jumlah-laju"),
            Salah("Itu kelahiran per 100 penduduk. Yang diminta per 1.000 penduduk: kalikan hasil baginya "
                  "dengan 1.000.", nilai=lambda: deret(_lahir_rt(100)), kode="per-100", konsep="skala"),
            Salah("Pembilang dan penyebutnya terbalik: kelahiran dibagi jumlah penduduk RT, lalu dikali "
                  "1.000.",
                  nilai=lambda: deret((_penduduk_rt() / _lahir_banyak_rt() * PER_PENDUDUK).fillna(0)),
                  kode="dibalik", konsep="rumus"),
            Salah("Penyebutnya jumlah PENDUDUK RT itu sendiri (tabel penduduk), bukan banyaknya KELUARGA di "
                  "RT.",
                  nilai=lambda: deret((_lahir_banyak_rt() / tabel("keluarga")["rt"].value_counts()
                                       * PER_PENDUDUK).fillna(0)), kode="penyebut-keluarga",
                  konsep="penyebut"),
            Salah("Penyebutnya jumlah penduduk RT itu sendiri, bukan seluruh penduduk wilayah.",
                  nilai=lambda: deret((_lahir_banyak_rt() / len(tabel("penduduk")) * PER_PENDUDUK)
                                      .reindex(_penduduk_rt().index, fill_value=0)),
                  kode="penyebut-wilayah", konsep="penyebut"),
            Salah("Ada RT tanpa kelahiran: hasil baginya kosong (NaN). Tambahkan `.fillna(0)` supaya RT itu "
                  "bernilai 0.", cocok=_ada_kosong, kode="nan-rt", konsep="bentuk",
                  contoh=lambda: _lahir_banyak_rt() / _penduduk_rt() * PER_PENDUDUK),
        ],
        langkah="untuk setiap RT: banyaknya kelahiran / jumlah penduduk RT itu × 1.000 (RT tanpa kelahiran: "
                "0).",
        petunjuk=["Banyaknya kelahiran per RT: `bayi[\"rt\"].value_counts()`.",
                  "Jumlah penduduk per RT: `penduduk[\"rt\"].value_counts()`.",
                  "Bagi keduanya (pandas mencocokkan RT-nya), kalikan 1.000, lalu `.fillna(0)`."],
    ),
    Soal(
        "7p",
        harapan=lambda: _per_rt_grafik(_lahir_rt(), "kelahiran per 1.000 penduduk"),
        banding=banding_grafik(jenis=("batang", "batang_mendatar"), urut=True, satuan_nilai=SATUAN_7E,
                               pesan_satuan="Label sumbu nilai belum menyebut satuannya (kelahiran per "
                                            "1.000 penduduk). Tanpa satuan, pembaca tidak tahu apakah itu "
                                            "jumlah atau angka per penduduk."),
        bentuk="grafik",
        salah=[
            Salah("Batang Anda menggambar BANYAKNYA kelahiran per RT. RT yang penduduknya banyak tentu punya "
                  "lebih banyak kelahiran; gambar `laju_rt` (per 1.000 penduduk).",
                  cocok=cocok_isi(lambda: _per_rt_grafik(_lahir_banyak_rt(), "banyaknya kelahiran"))),
        ],
        petunjuk=PETUNJUK_BATANG_RT,
    ),
    Soal(
        "7q",
        harapan=_pengeluaran,
        banding=banding_grafik(jenis="batang", satuan_x=SATUAN_7Q,
                               pesan_satuan="Label sumbu mendatar belum menyebut satuannya. Tulis misalnya "
                                            "\"Pengeluaran per kapita (rupiah per bulan)\"."),
        bentuk="grafik",
        salah=[
            Salah("Histogram Anda menggambar pengeluaran MAKANAN per kapita. Pakai kolom "
                  "`pengeluaran_per_kapita`.",
                  cocok=cocok_isi(lambda: _pengeluaran("pengeluaran_makanan_per_kapita"))),
        ],
        petunjuk=["Sebaran satu variabel angka digambar dengan histogram: `ax.hist(..., bins=20)`.",
                  "Label sumbu mendatar menyebut satuannya: \"Pengeluaran per kapita (rupiah per bulan)\"."],
    ),
)
