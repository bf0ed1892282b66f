"""Questions of module 4, *Pendidikan: APS, APK, APM* (ids ``4a``–``4h``)."""

from __future__ import annotations

import functools
from typing import Any

from cantik.checks._data import deret, tabel
from cantik.checks._data import ind as _ind
from cantik.checks.compare import banding_angka, banding_deret, banding_himpunan
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.formula import Bagian
from cantik.checks.plain import Deret

SEKOLAH = "Masih sekolah"


def _pend() -> Any:
    return tabel("penduduk")


def _murid(jenjang: str) -> Any:
    p = _pend()
    return p[(p["status_sekolah"] == SEKOLAH) & (p["jenjang_sekolah"] == jenjang)]


def _n_umur(lo: int, hi: int, df: Any = None) -> int:
    p = _pend() if df is None else df
    return int(p["umur"].between(lo, hi).sum())


@functools.cache
def _aps_rt() -> Any:
    p = _pend()
    return p.groupby("rt").apply(lambda d: _ind().aps(d, 16, 18))


def _sekolah_16_18_rt() -> Any:
    p = _pend()
    sel = p[p["umur"].between(16, 18) & (p["status_sekolah"] == SEKOLAH)]
    return sel.groupby("rt").size().reindex(sorted(p["rt"].unique()), fill_value=0)


@functools.cache
def _tidak_sekolah_16_18_rt() -> Any:
    p = _pend()
    sel = p[p["umur"].between(16, 18) & (p["status_sekolah"] != SEKOLAH)]
    return sel.groupby("rt").size()


def _argmin_all(s: Any) -> list[Any]:
    return [int(k) for k in s[s == s.min()].index]


def _argmax_all(s: Any) -> list[Any]:
    return [int(k) for k in s[s == s.max()].index]


def _apk_sd_jk(denominator_all: bool = False) -> Any:
    import pandas as pd

    p = _pend()
    out = {}
    for jk in ("L", "P"):
        if denominator_all:
            murid = _murid("SD/sederajat")
            out[jk] = (murid["jenis_kelamin"] == jk).sum() / _n_umur(7, 12) * 100
        else:
            out[jk] = _ind().apk(p[p["jenis_kelamin"] == jk], "SD")
    return pd.Series(out)


def _sekolah(lo: int, hi: int) -> int:
    p = _pend()
    return int((p["umur"].between(lo, hi) & (p["status_sekolah"] == SEKOLAH)).sum())


def fakta_murid_sd() -> int:
    """SD pupils of any age."""
    return len(_murid("SD/sederajat"))


def fakta_tidak_sekolah(lo: int, hi: int) -> int:
    """Children aged ``lo``–``hi`` who are not in school."""
    return _n_umur(lo, hi) - _sekolah(lo, hi)


def fakta_rt_kecil() -> tuple[int, int, int]:
    """The RT with the lowest APS 16–18: (RT, children 16–18, of whom not in school)."""
    rt = int(_aps_rt().idxmin())
    p = _pend()
    anak = p[p["umur"].between(16, 18) & (p["rt"] == rt)]
    return rt, len(anak), int((anak["status_sekolah"] != SEKOLAH).sum())


def fakta_rt_terbanyak_tidak_sekolah() -> tuple[int, int]:
    """The RT with the most children 16–18 not in school: (RT, how many)."""
    s = _tidak_sekolah_16_18_rt()
    return int(s.idxmax()), int(s.max())


def _satu_rt(j: Any) -> bool:
    return isinstance(j, Deret) and len(j.label) > 3


daftar(
    Soal(
        "4a",
        harapan=lambda: _ind().aps(_pend(), 7, 12),
        banding=banding_angka(desimal=1, persen=True),
        bagian=[
            Bagian("pembilang", "banyaknya anak umur 7–12 tahun yang masih sekolah (di jenjang apa pun)",
                   lambda: _sekolah(7, 12),
                   [("Itu semua penduduk yang masih sekolah, berapa pun umurnya; pembilangnya hanya umur "
                     "7–12.",
                     lambda: int((_pend()["status_sekolah"] == SEKOLAH).sum())),
                    ("Itu murid SD umur 7–12 saja; APS menghitung anak 7–12 yang sekolah di jenjang apa pun.",
                     lambda: int(_murid("SD/sederajat")["umur"].between(7, 12).sum()))]),
            Bagian("penyebut", "banyaknya anak umur 7–12 tahun", lambda: _n_umur(7, 12),
                   [("Itu seluruh penduduk; penyebutnya hanya anak umur 7–12.", lambda: len(_pend())),
                    ("Sepertinya Anda memakai umur 6–12; kelompok umur APS SD adalah 7–12 tahun.",
                     lambda: _n_umur(6, 12))]),
        ],
        hitung_sendiri=("aps",),
        rumus="anak 7–12 yang masih sekolah / anak 7–12 × 100",
        salah=[
            Salah("Sepertinya Anda membagi dengan seluruh penduduk, bukan dengan penduduk berumur 7–12 "
                  "tahun.",
                  nilai=lambda: int((_pend()["umur"].between(7, 12) & (_pend()["status_sekolah"] == SEKOLAH))
                                    .sum()) / len(_pend()) * 100),
        ],
        petunjuk=["APS 7–12 = anak 7–12 tahun yang masih sekolah / semua anak 7–12 tahun × 100.",
                  "`umur_7_12 = penduduk[\"umur\"].between(7, 12)` dan `sekolah = "
                  "penduduk[\"status_sekolah\"] "
                  "== \"Masih sekolah\"`.",
                  "Pembilang: `(umur_7_12 & sekolah).sum()`; penyebut: `umur_7_12.sum()`."],
    ),
    Soal(
        "4b",
        harapan=lambda: _ind().aps(_pend(), 16, 18),
        banding=banding_angka(desimal=1, persen=True),
        salah=[
            Salah("Itu APM SMA: hanya anak 16–18 yang duduk di SMA. APS menghitung semua anak 16–18 yang "
                  "masih "
                  "sekolah, di jenjang apa pun (ada yang masih SMP, ada yang sudah kuliah).",
                  nilai=lambda: _ind().apm(_pend(), "SMA")),
        ],
        petunjuk=["Sama seperti soal 4a, tetapi untuk umur 16–18 tahun.", "`ind.aps(penduduk, 16, 18)`."],
    ),
    Soal(
        "4c",
        harapan=lambda: _ind().apk(_pend(), "SMP"),
        banding=banding_angka(desimal=1, persen=True),
        bagian=[
            Bagian("pembilang", "banyaknya semua murid SMP, berapa pun umurnya",
                   lambda: len(_murid("SMP/sederajat")),
                   [("Itu murid SMP yang berumur 13–15 saja (pembilang APM); APK menghitung semua murid SMP.",
                     lambda: int(_murid("SMP/sederajat")["umur"].between(13, 15).sum())),
                    ("Itu anak 13–15 yang masih sekolah di jenjang apa pun (pembilang APS); APK menghitung "
                     "murid "
                     "yang duduk di SMP.", lambda: _sekolah(13, 15))]),
            Bagian("penyebut", "banyaknya penduduk umur 13–15 tahun (umur resmi SMP)",
                   lambda: _n_umur(13, 15),
                   [("Itu seluruh penduduk; penyebutnya penduduk umur resmi SMP (13–15).",
                     lambda: len(_pend()))]),
        ],
        hitung_sendiri=("apk",),
        rumus="semua murid SMP / penduduk 13–15 × 100",
        salah=[
            Salah("Anda hanya menghitung murid SMP yang berumur 13–15 (itu APM). APK menghitung SEMUA murid "
                  "SMP, "
                  "berapa pun umurnya.", nilai=lambda: _ind().apm(_pend(), "SMP")),
            Salah("Itu APS 13–15. APK memakai murid yang duduk di jenjang SMP (pembilang), dibagi penduduk "
                  "berumur 13–15 (penyebut).", nilai=lambda: _ind().aps(_pend(), 13, 15)),
        ],
        petunjuk=["APK SMP = semua murid SMP (umur berapa pun) / penduduk 13–15 tahun × 100.",
                  "Murid SMP: `status_sekolah == \"Masih sekolah\"` dan `jenjang_sekolah == "
                  "\"SMP/sederajat\"`.",
                  "Pembilang: `len(murid_smp)`; penyebut: `penduduk[\"umur\"].between(13, 15).sum()`."],
    ),
    Soal(
        "4d",
        harapan=lambda: _ind().apm(_pend(), "SMP"),
        banding=banding_angka(desimal=1, persen=True),
        bagian=[
            Bagian("pembilang", "banyaknya murid SMP yang berumur 13–15 tahun",
                   lambda: int(_murid("SMP/sederajat")["umur"].between(13, 15).sum()),
                   [("Itu semua murid SMP, berapa pun umurnya (pembilang APK); APM hanya yang berumur 13–15.",
                     lambda: len(_murid("SMP/sederajat")))]),
            Bagian("penyebut", "banyaknya penduduk umur 13–15 tahun", lambda: _n_umur(13, 15),
                   [("Itu banyaknya murid SMP; penyebutnya semua penduduk umur 13–15.",
                     lambda: len(_murid("SMP/sederajat")))]),
        ],
        hitung_sendiri=("apm",),
        rumus="murid SMP berumur 13–15 / penduduk 13–15 × 100",
        salah=[
            Salah("Anda ikut menghitung murid SMP di luar umur 13–15 (itu APK). APM hanya menghitung murid "
                  "SMP "
                  "yang umurnya 13–15 tahun.", nilai=lambda: _ind().apk(_pend(), "SMP")),
            Salah("Itu APS 13–15: termasuk anak 13–15 yang masih di SD atau sudah di SMA. APM hanya "
                  "menghitung "
                  "yang duduk di SMP.", nilai=lambda: _ind().aps(_pend(), 13, 15)),
        ],
        petunjuk=["APM SMP = murid SMP berumur 13–15 / penduduk 13–15 tahun × 100.",
                  "Pembilang: `murid_smp[\"umur\"].between(13, 15).sum()`."],
    ),
    Soal(
        "4e",
        harapan=lambda: int((~_murid("SD/sederajat")["umur"].between(7, 12)).sum()),
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Itu semua murid SD. Yang diminta hanya murid SD yang umurnya DI LUAR 7–12 tahun.",
                  nilai=lambda: len(_murid("SD/sederajat"))),
            Salah("Jangan lupa murid SD yang lebih MUDA dari 7 tahun; hitung yang di bawah 7 dan di atas 12.",
                  nilai=lambda: int((_murid("SD/sederajat")["umur"] > 12).sum())),
            Salah("Jangan lupa murid SD yang lebih TUA dari 12 tahun; hitung yang di bawah 7 dan di atas 12.",
                  nilai=lambda: int((_murid("SD/sederajat")["umur"] < 7).sum())),
        ],
        petunjuk=["Pilih murid SD, lalu lihat umurnya.",
                  "`~murid_sd[\"umur\"].between(7, 12)` bernilai True untuk umur di luar 7–12.",
                  "Jumlahkan dengan `.sum()`."],
    ),
    Soal(
        "4f",
        harapan=lambda: deret(_apk_sd_jk()),
        banding=banding_deret(desimal=1, persen=True),
        bentuk="deret",
        salah=[
            Salah("Anda membagi murid laki-laki (atau perempuan) dengan SELURUH anak 7–12 tahun. Pembaginya "
                  "harus "
                  "anak 7–12 dengan jenis kelamin yang sama.", nilai=lambda: deret(_apk_sd_jk(True))),
        ],
        petunjuk=["Hitung APK SD terpisah untuk L dan untuk P.",
                  "`penduduk.groupby(\"jenis_kelamin\", observed=True).apply(lambda d: ind.apk(d, \"SD\"))`"],
    ),
    Soal(
        "4g",
        harapan=lambda: deret(_aps_rt()),
        banding=banding_deret(desimal=1, persen=True),
        bentuk="deret",
        salah=[
            Salah("Itu banyaknya anak 16–18 yang masih sekolah, bukan persentase. RT yang lebih besar "
                  "cenderung "
                  "punya lebih banyak anak sekolah; bandingkan RT dengan angka partisipasi (persen).",
                  nilai=lambda: deret(_sekolah_16_18_rt())),
        ],
        petunjuk=["Kelompokkan menurut RT: `penduduk.groupby(\"rt\")`.",
                  "Untuk setiap RT hitung APS 16–18: `.apply(lambda d: ind.aps(d, 16, 18))`."],
    ),
    Soal(
        "4h",
        harapan=lambda: _argmin_all(_aps_rt()),
        banding=banding_himpunan(salah_satu_cukup=True),
        bentuk="himpunan",
        salah=[
            Salah("Itu RT dengan APS TERTINGGI. Cari yang terendah.",
                  nilai=lambda: [int(k) for k in _aps_rt()[_aps_rt() == _aps_rt().max()].index]),
            Salah("Itu RT dengan anak 16–18 tidak sekolah TERBANYAK (jumlah), bukan APS terendah "
                  "(persentase).",
                  nilai=lambda: _argmax_all(_tidak_sekolah_16_18_rt())),
            Salah("Yang diminta nomor RT saja, bukan seluruh tabel.", cocok=_satu_rt),
        ],
        petunjuk=["Pakai hasil soal 4g.", "`aps_rt.idxmin()` memberi RT dengan nilai terendah.",
                  "Bila ada beberapa RT dengan nilai terendah yang sama, tulis semuanya dalam list."],
    ),
)
