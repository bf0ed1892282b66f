"""Questions of module 4, *Pendidikan: APS, APK, APM* (ids ``4a``–``4h``)."""

from __future__ import annotations

import functools
from typing import Any

from cantik.checks._data import deret, tabel
from cantik.checks._data import ind as _ind
from cantik.checks.compare import banding_angka, banding_deret, banding_himpunan
from cantik.checks.core import Salah, Soal, daftar
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


def _satu_rt(j: Any) -> bool:
    return isinstance(j, Deret) and len(j.label) > 3


daftar(
    Soal(
        "4a",
        harapan=lambda: _ind().aps(_pend(), 7, 12),
        banding=banding_angka(desimal=1, persen=True),
        salah=[
            Salah("Sepertinya Anda membagi dengan seluruh penduduk, bukan dengan penduduk berumur 7–12 "
                  "tahun.",
                  nilai=lambda: int((_pend()["umur"].between(7, 12) & (_pend()["status_sekolah"] == SEKOLAH))
                                    .sum()) / len(_pend()) * 100),
        ],
        petunjuk=["APS 7–12 = anak 7–12 tahun yang masih sekolah / semua anak 7–12 tahun × 100.",
                  "Status sekolah ada di kolom `status_sekolah` (\"Masih sekolah\").",
                  "Atau: `ind.aps(penduduk, 7, 12)`."],
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
                  "Atau: `ind.apk(penduduk, \"SMP\")`."],
    ),
    Soal(
        "4d",
        harapan=lambda: _ind().apm(_pend(), "SMP"),
        banding=banding_angka(desimal=1, persen=True),
        salah=[
            Salah("Anda ikut menghitung murid SMP di luar umur 13–15 (itu APK). APM hanya menghitung murid "
                  "SMP "
                  "yang umurnya 13–15 tahun.", nilai=lambda: _ind().apk(_pend(), "SMP")),
            Salah("Itu APS 13–15: termasuk anak 13–15 yang masih di SD atau sudah di SMA. APM hanya "
                  "menghitung "
                  "yang duduk di SMP.", nilai=lambda: _ind().aps(_pend(), 13, 15)),
        ],
        petunjuk=["APM SMP = murid SMP berumur 13–15 / penduduk 13–15 tahun × 100.",
                  "Atau: `ind.apm(penduduk, \"SMP\")`."],
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
            Salah("Itu banyaknya anak 16–18 yang masih sekolah, bukan persentase. RT yang lebih besar tentu "
                  "punya "
                  "lebih banyak anak sekolah; bandingkan RT dengan angka partisipasi (persen).",
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
