"""Questions of module 4, *Pendidikan: APS, APK, APM* (ids ``4a``–``4h``)."""

from __future__ import annotations

from typing import Any

from cantik.checks._data import deret, per_tempat, tabel
from cantik.checks._data import ind as _ind
from cantik.checks.compare import banding_angka, banding_deret, banding_himpunan
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.formula import Bagian
from cantik.checks.mistakes import Rumus
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


@per_tempat
def _aps_rt() -> Any:
    p = _pend()
    return p.groupby("rt").apply(lambda d: _ind().aps(d, 16, 18))


def _sekolah_16_18_rt() -> Any:
    p = _pend()
    sel = p[p["umur"].between(16, 18) & (p["status_sekolah"] == SEKOLAH)]
    return sel.groupby("rt").size().reindex(sorted(p["rt"].unique()), fill_value=0)


@per_tempat
def _tidak_sekolah_16_18_rt() -> Any:
    p = _pend()
    sel = p[p["umur"].between(16, 18) & (p["status_sekolah"] != SEKOLAH)]
    return sel.groupby("rt").size()


def _argmin_all(s: Any) -> list[Any]:
    return [int(k) for k in s[s == s.min()].index]


def _argmin_deret(d: Deret) -> list[Any]:
    low = min(d.nilai)
    return [int(k) for k, v in zip(d.label, d.nilai, strict=True) if v == low]


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


def _partisipasi(jenis: str = "aps", umur: tuple[int, int] = (7, 12), jenjang: str | None = None,
                 penyebut: str = "kelompok", hitung: str = "sekolah", df: Any = None) -> float:
    """APS/APK/APM with their parts as parameters: the age range, the level, the denominator (persons of the
    age range or everyone) and who is counted (in school or not). Mutations change one part."""
    p = _pend() if df is None else df
    pembilang, pembagi = _bagian(p, jenis, umur, jenjang, penyebut, hitung)
    return int(pembilang.sum()) / int(pembagi.sum()) * 100


def _bagian(p: Any, jenis: str, umur: tuple[int, int], jenjang: str | None, penyebut: str, hitung: str
            ) -> tuple[Any, Any]:
    """Who is counted (numerator) and who is divided by (denominator), as masks over the rows of ``p``."""
    in_age = p["umur"].between(*umur)
    sekolah = p["status_sekolah"] == SEKOLAH
    di_jenjang = (p["jenjang_sekolah"] == jenjang) if jenjang else sekolah
    pembilang = {"aps": in_age & sekolah, "apm": in_age & sekolah & di_jenjang,
                 "apk": sekolah & di_jenjang}[jenis]
    if hitung == "tidak":
        pembilang = in_age & ~sekolah
    return pembilang.fillna(False).astype(bool), in_age if penyebut == "kelompok" else in_age | True


def _partisipasi_rt(jenis: str = "aps", umur: tuple[int, int] = (16, 18), jenjang: str | None = None,
                    penyebut: str = "kelompok", hitung: str = "sekolah") -> Deret:
    """:func:`_partisipasi` for every RT at once."""
    p = _pend()
    pembilang, pembagi = _bagian(p, jenis, umur, jenjang, penyebut, hitung)
    return deret(pembilang.groupby(p["rt"]).sum() / pembagi.groupby(p["rt"]).sum() * 100)


def _partisipasi_jk(jenis: str = "apk", umur: tuple[int, int] = (7, 12), jenjang: str | None = None,
                    penyebut: str = "kelompok", hitung: str = "sekolah") -> Deret:
    """Per sex; ``penyebut="semua_anak"`` divides each sex's pupils by all children of the age range."""
    p = _pend()
    jk = p["jenis_kelamin"].astype(str)
    pembilang, pembagi = _bagian(p, jenis, umur, jenjang, "kelompok", hitung)
    bawah = pembagi.sum() if penyebut == "semua_anak" else pembagi.groupby(jk).sum()
    return deret((pembilang.groupby(jk).sum() / bawah * 100).loc[["L", "P"]])


def _luar_umur(umur: tuple[int, int] = (7, 12)) -> int:
    return int((~_murid("SD/sederajat")["umur"].between(*umur)).sum())


def _salah_partisipasi(R: Rumus, nama: str, batas: bool = True) -> list[Salah]:
    """Mistakes every participation rate shares: its age range moved by one, the whole population as
    denominator, the share NOT in school."""
    out: list[Salah] = []
    if batas:
        out += R.batas(umur=nama)
    out += R.ganti("penyebut", {"semua": "seluruh penduduk"}, benar=f"penduduk {nama}",
                   pesan="Sepertinya Anda membagi dengan {salah}, bukan dengan {benar}.", konsep="penyebut")
    if R.param.get("jenis") == "aps":
        out += R.ganti("hitung", {"tidak": "yang TIDAK sekolah"},
                       pesan="Itu persentase {salah}. APS menghitung yang MASIH sekolah.", konsep="arah")
    return out


_APS_7_12 = Rumus(_partisipasi, jenis="aps", umur=(7, 12), jenjang=None, penyebut="kelompok",
hitung="sekolah")
_APS_16_18 = Rumus(_partisipasi, jenis="aps", umur=(16, 18), jenjang=None, penyebut="kelompok",
                   hitung="sekolah")
_APK_SMP = Rumus(_partisipasi, jenis="apk", umur=(13, 15), jenjang="SMP/sederajat", penyebut="kelompok",
                 hitung="sekolah")
_APM_SMP = Rumus(_partisipasi, jenis="apm", umur=(13, 15), jenjang="SMP/sederajat", penyebut="kelompok",
                 hitung="sekolah")
_LUAR = Rumus(_luar_umur, umur=(7, 12))
_APK_JK = Rumus(_partisipasi_jk, jenis="apk", umur=(7, 12), jenjang="SD/sederajat", penyebut="kelompok",
                hitung="sekolah")
_APS_RT = Rumus(_partisipasi_rt, jenis="aps", umur=(16, 18), jenjang=None, penyebut="kelompok",
                hitung="sekolah")

def salah_aps_16_18() -> list[Salah]:
    """The mistake catalogue of APS 16–18, shared by 4b and 8j."""
    return [
        Salah("Itu APM SMA: hanya anak 16–18 yang duduk di SMA. APS menghitung semua anak 16–18 yang "
              "masih sekolah, di jenjang apa pun (ada yang masih SMP, ada yang sudah kuliah).",
              nilai=lambda: _ind().apm(_pend(), "SMA"), kode="apm-sma", konsep="indikator"),
        Salah("Itu APK SMA: semua murid SMA, berapa pun umurnya. APS menghitung anak 16–18 yang masih "
              "sekolah di jenjang apa pun.", nilai=lambda: _ind().apk(_pend(), "SMA"), kode="apk-sma",
              konsep="indikator"),
        *_salah_partisipasi(_APS_16_18, "usia 16–18 tahun"),
    ]


def salah_apm_smp() -> list[Salah]:
    """The mistake catalogue of APM SMP, shared by 4d and 8k."""
    return [
        Salah("Anda ikut menghitung murid SMP di luar umur 13–15 (itu APK). APM hanya menghitung murid "
              "SMP yang umurnya 13–15 tahun.", nilai=lambda: _ind().apk(_pend(), "SMP"), kode="apk",
              konsep="indikator"),
        Salah("Itu APS 13–15: termasuk anak 13–15 yang masih di SD atau sudah di SMA. APM hanya "
              "menghitung yang duduk di SMP.", nilai=lambda: _ind().aps(_pend(), 13, 15), kode="aps",
              konsep="indikator"),
        *_salah_partisipasi(_APM_SMP, "usia SMP (13–15 tahun)"),
        Salah("Itu BANYAKNYA murid SMP berumur 13–15. Bagi dengan penduduk berumur 13–15 tahun, lalu "
              "kalikan 100.", nilai=lambda: int(_murid("SMP/sederajat")["umur"].between(13, 15).sum()),
              kode="banyaknya", konsep="skala"),
    ]


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
        rumus_kata="anak 7–12 yang masih sekolah / anak 7–12 × 100",
        rumus=_APS_7_12,
        salah=[
            *[s for s in _salah_partisipasi(_APS_7_12, "usia SD (7–12 "
                                                       "tahun)") if s.kode != "batas-umur-7-13"],
            Salah("Itu APK SD: semua murid SD, berapa pun umurnya. APS 7–12 menghitung anak 7–12 yang masih "
                  "sekolah, di jenjang apa pun.", nilai=lambda: _ind().apk(_pend(), "SD"), kode="apk-sd",
                  konsep="indikator"),
            Salah("Itu BANYAKNYA anak 7–12 yang masih sekolah. Bagi dengan semua anak 7–12 tahun, lalu "
                  "kalikan 100.",
                  nilai=lambda: int((_pend()["umur"].between(7, 12) & (_pend()["status_sekolah"]
                                                                               == SEKOLAH)).sum()),
                  kode="banyaknya", konsep="skala"),
        ],
        langkah="pembilang = anak 7–12 tahun yang masih sekolah, penyebut = semua anak 7–12 tahun, lalu "
                "dikali 100.",
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
        rumus=_APS_16_18,
        salah=salah_aps_16_18(),
        langkah="pembilang = anak 16–18 tahun yang masih sekolah (jenjang apa pun), penyebut = semua anak "
                "16–18 tahun, lalu dikali 100.",
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
        rumus_kata="semua murid SMP / penduduk 13–15 × 100",
        rumus=_APK_SMP,
        salah=[
            Salah("Anda hanya menghitung murid SMP yang berumur 13–15 (itu APM). APK menghitung SEMUA murid "
                  "SMP, berapa pun umurnya.", nilai=lambda: _ind().apm(_pend(), "SMP"), kode="apm",
                  konsep="indikator"),
            Salah("Itu APS 13–15. APK memakai murid yang duduk di jenjang SMP (pembilang), dibagi penduduk "
                  "berumur 13–15 (penyebut).", nilai=lambda: _ind().aps(_pend(), 13, 15), kode="aps",
                  konsep="indikator"),
            *_salah_partisipasi(_APK_SMP, "usia SMP (13–15 tahun)"),
            Salah("Itu BANYAKNYA murid SMP. Bagi dengan penduduk berumur 13–15 tahun, lalu kalikan 100.",
                  nilai=lambda: len(_murid("SMP/sederajat")), kode="banyaknya", konsep="skala"),
        ],
        langkah="pembilang = SEMUA murid SMP (umur berapa pun), penyebut = penduduk 13–15 tahun, lalu dikali "
                "100.",
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
        rumus_kata="murid SMP berumur 13–15 / penduduk 13–15 × 100",
        rumus=_APM_SMP,
        salah=salah_apm_smp(),
        langkah="pembilang = murid SMP yang berumur 13–15, penyebut = penduduk 13–15 tahun, lalu dikali 100.",
        petunjuk=["APM SMP = murid SMP berumur 13–15 / penduduk 13–15 tahun × 100.",
                  "Pembilang: `murid_smp[\"umur\"].between(13, 15).sum()`."],
    ),
    Soal(
        "4e",
        harapan=lambda: int((~_murid("SD/sederajat")["umur"].between(7, 12)).sum()),
        banding=banding_angka(desimal=0),
        rumus=_LUAR,
        salah=[
            Salah("Itu semua murid SD. Yang diminta hanya murid SD yang umurnya DI LUAR 7–12 tahun.",
                  nilai=lambda: len(_murid("SD/sederajat")), kode="semua-murid", konsep="batas"),
            Salah("Jangan lupa murid SD yang lebih MUDA dari 7 tahun; hitung yang di bawah 7 dan di atas 12.",
                  nilai=lambda: int((_murid("SD/sederajat")["umur"] > 12).sum()), kode="hanya-atas",
                  konsep="batas"),
            Salah("Jangan lupa murid SD yang lebih TUA dari 12 tahun; hitung yang di bawah 7 dan di atas 12.",
                  nilai=lambda: int((_murid("SD/sederajat")["umur"] < 7).sum()), kode="hanya-bawah",
                  konsep="batas"),
            Salah("Itu murid SD yang umurnya DI DALAM 7–12 tahun. Yang diminta yang di LUAR: pakai `~` di "
                  "depan `between(7, 12)`.",
                  nilai=lambda: int(_murid("SD/sederajat")["umur"].between(7, 12).sum()),
                  kode="di-dalam", konsep="arah"),
            Salah("Itu persentase. Yang diminta BANYAKNYA murid SD di luar umur 7–12.",
                  nilai=lambda: float((~_murid("SD/sederajat")["umur"].between(7, 12)).mean() * 100),
                  kode="persen", konsep="skala"),
            *_LUAR.batas(umur="usia SD"),
        ],
        langkah="pilih murid SD (masih sekolah, jenjang SD), lalu hitung yang umurnya di bawah 7 ATAU di "
                "atas 12.",
        petunjuk=["Pilih murid SD, lalu lihat umurnya.",
                  "`~murid_sd[\"umur\"].between(7, 12)` bernilai True untuk umur di luar 7–12.",
                  "Jumlahkan dengan `.sum()`."],
    ),
    Soal(
        "4f",
        harapan=lambda: deret(_apk_sd_jk()),
        banding=banding_deret(desimal=1, persen=True),
        bentuk="deret",
        rumus=_APK_JK,
        salah=[
            Salah("Anda membagi murid laki-laki (atau perempuan) dengan SELURUH anak 7–12 tahun. Pembaginya "
                  "harus anak 7–12 dengan jenis kelamin yang sama.", nilai=lambda: deret(_apk_sd_jk(True)),
                  kode="penyebut-semua-anak", konsep="penyebut"),
            *_APK_JK.ganti("jenis", {"apm": "APM SD (hanya murid SD berumur 7–12)",
                                     "aps": "APS 7–12 (anak 7–12 yang sekolah di jenjang apa pun)"},
                           pesan="Itu {salah}. APK SD menghitung SEMUA murid SD, berapa pun umurnya, dibagi "
                                 "anak 7–12 tahun.", konsep="indikator"),
            *_APK_JK.batas(umur="usia SD"),
            Salah("Itu BANYAKNYA murid SD per jenis kelamin. Bagi dengan anak 7–12 tahun yang jenis "
                  "kelaminnya sama, lalu kalikan 100.",
                  nilai=lambda: deret(_murid("SD/sederajat")["jenis_kelamin"].value_counts()),
                  kode="banyaknya",
                  konsep="skala"),
        ],
        langkah="untuk L dan P terpisah: murid SD (umur berapa pun) / anak 7–12 tahun dengan jenis kelamin "
                "yang sama × 100.",
        petunjuk=["Hitung APK SD terpisah untuk L dan untuk P.",
                  "`penduduk.groupby(\"jenis_kelamin\", observed=True).apply(lambda d: ind.apk(d, \"SD\"))`"],
    ),
    Soal(
        "4g",
        harapan=lambda: deret(_aps_rt()),
        banding=banding_deret(desimal=1, persen=True),
        bentuk="deret",
        rumus=_APS_RT,
        salah=[
            Salah("Itu banyaknya anak 16–18 yang masih sekolah, bukan persentase. RT yang lebih besar "
                  "cenderung punya lebih banyak anak sekolah; bandingkan RT dengan angka partisipasi "
                  "(persen).",
                  nilai=lambda: deret(_sekolah_16_18_rt()), kode="banyaknya", konsep="jumlah-laju"),
            *_salah_partisipasi(_APS_RT, "usia 16–18 tahun di RT itu"),
            Salah("Itu APM SMA per RT (hanya yang duduk di SMA). APS menghitung semua anak 16–18 yang masih "
                  "sekolah, di jenjang apa pun.",
                  nilai=lambda: _partisipasi_rt(jenis="apm", umur=(16, 18), jenjang="SMA/sederajat"),
                  kode="apm-sma", konsep="indikator"),
        ],
        langkah="untuk setiap RT: anak 16–18 yang masih sekolah / semua anak 16–18 di RT itu × 100.",
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
                  nilai=lambda: [int(k) for k in _aps_rt()[_aps_rt() == _aps_rt().max()].index],
                  kode="tertinggi",
                  konsep="arah"),
            Salah("Itu RT dengan anak 16–18 tidak sekolah TERBANYAK (jumlah), bukan APS terendah "
                  "(persentase).",
                  nilai=lambda: _argmax_all(_tidak_sekolah_16_18_rt()), kode="tidak-sekolah-terbanyak",
                  konsep="jumlah-laju"),
            Salah("Yang diminta nomor RT saja, bukan seluruh tabel.", cocok=_satu_rt, kode="seluruh-tabel",
                  konsep="bentuk", contoh=_aps_rt),
            Salah("Itu RT dengan anak sekolah PALING SEDIKIT (jumlah). RT kecil tentu punya sedikit anak; "
                  "bandingkan APS (persentase).", nilai=lambda: _argmin_all(_sekolah_16_18_rt()),
                  kode="sekolah-tersedikit", konsep="jumlah-laju"),
            Salah("Yang diminta NOMOR RT-nya, bukan nilai APS-nya.",
                  cocok=lambda j: isinstance(j, float) or (isinstance(j, list) and len(j) == 1
                                                           and isinstance(j[0], float)
                                                           and not float(j[0]).is_integer()),
                  kode="nilai-aps", konsep="bentuk", contoh=lambda: float(_aps_rt().min())),
            Salah("`argmin()` memberi nomor URUT (posisi, mulai dari 0), bukan nomor RT. Gunakan `idxmin()`.",
                  nilai=lambda: [int(_aps_rt().reset_index(drop=True).idxmin())], kode="posisi",
                  konsep="bentuk"),
            Salah("Itu semua RT dengan APS di bawah rata-rata. Yang diminta RT dengan APS TERENDAH saja.",
                  nilai=lambda: [int(k) for k in _aps_rt()[_aps_rt() < _aps_rt().mean()].index],
                  kode="di-bawah-rata", konsep="arah"),
            Salah("Itu RT dengan APS 7–12 terendah. Soal ini tentang APS 16–18 (hasil soal 4g).",
                  nilai=lambda: _argmin_deret(_partisipasi_rt(jenis="aps", umur=(7, 12))), kode="aps-7-12",
                  konsep="batas"),
        ],
        langkah="pakai APS 16–18 per RT (soal 4g) dan ambil NOMOR RT dengan nilai terendah: `.idxmin()`.",
        petunjuk=["Pakai hasil soal 4g.", "`aps_rt.idxmin()` memberi RT dengan nilai terendah.",
                  "Bila ada beberapa RT dengan nilai terendah yang sama, tulis semuanya dalam list."],
    ),
)
