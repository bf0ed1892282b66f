"""Questions of module 3, *Pertumbuhan, mutasi & kepadatan* (ids ``3a``–``3i``, ``3k``–``3m``)."""

from __future__ import annotations

import math
from typing import Any

from cantik.checks._data import deret, jenis_tempat, per_tempat, tabel
from cantik.checks._data import ind as _ind
from cantik.checks.compare import banding_angka, banding_deret, banding_pilihan, banding_teks
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.formula import Bagian
from cantik.checks.mistakes import Rumus, skala, tanda
from cantik.checks.plain import Deret


def tiga_wilayah() -> list[str]:
    """The places compared in question 3f: the active place and its comparison places (its profile's
    ``pembanding``), e.g. ``["kandangan_utara", "taluk_haur", "gambah_luar"]``."""
    from cantik.data import active_wilayah
    from cantik.data.profile import load_profile

    here = active_wilayah()
    return [here, *load_profile(here).comparisons]
#: Published P0 of Kab. HSS (approx., reported by the press), used in questions 3g and 3h.
P0_2022, P0_2023 = 4.54, 4.01


def _p(tahun: int, wilayah: str | None = None) -> int:
    t = tabel("penduduk_tahunan", wilayah)
    return int(t.loc[t["tahun"] == tahun, "jumlah_penduduk"].iloc[0])


def _laju_model(rumus: str = "geometrik", awal: int = 2015, akhir: int = 2025, t: int = 10,
                wilayah: str | None = None) -> float:
    """Annual growth rate (percent) with its formula, years and t as parameters (mutations change one)."""
    ratio = _p(akhir, wilayah) / _p(awal, wilayah)
    rates = {
        "geometrik": lambda: (ratio ** (1 / t) - 1) * 100,
        "eksponensial": lambda: math.log(ratio) / t * 100,
        "log10": lambda: math.log10(ratio) / t * 100,
        "aritmetik": lambda: (ratio - 1) * 100 / t,
        "total": lambda: (ratio - 1) * 100,
        "tanpa_kurang_1": lambda: ratio ** (1 / t) * 100,
        "ln_tanpa_t": lambda: math.log(ratio) * 100,
        "ln_dibalik": lambda: math.log(1 / ratio) / t * 100,
    }
    return rates[rumus]()


def _laju() -> float:
    return _ind().growth_rate_geometric(_p(2015), _p(2025), 10)


def _proyeksi_model(cara: str = "geometrik", dari: int = 2025, t: int = 5, r: str = "desimal") -> float:
    """The 2030 projection with its method, base year, horizon and the form of r as parameters."""
    laju = _laju() / 100 if r == "desimal" else _laju()
    p = _p(dari)
    return {"geometrik": lambda: p * (1 + laju) ** t, "linear": lambda: p * (1 + laju * t),
            "eksponensial": lambda: p * math.exp(laju * t)}[cara]()


def _tiga_model(rumus: str = "geometrik", t: int = 10) -> Any:
    import pandas as pd

    return deret(pd.Series({w: _laju_model(rumus, t=t, wilayah=w) for w in tiga_wilayah()}))


def _kepadatan_model(pembilang: str = "jumlah_penduduk", satuan: str = "km2") -> Any:
    d = _desa()
    luas = d["luas_km2"] * (100 if satuan == "hektare" else 1)
    return deret(d[pembilang] / luas)


def _satu_nama(j: Any) -> bool:
    items = list(j.nilai if isinstance(j, Deret) else j) if isinstance(j, Deret | list | tuple) else []
    return len(items) == 1 and isinstance(items[0], str)


_LAJU_GEOMETRIK = Rumus(_laju_model, rumus="geometrik", awal=2015, akhir=2025, t=10)
_LAJU_EKSPONENSIAL = Rumus(_laju_model, rumus="eksponensial", awal=2015, akhir=2025, t=10)
_PROYEKSI = Rumus(_proyeksi_model, cara="geometrik", dari=2025, t=5, r="desimal")
_TIGA = Rumus(_tiga_model, rumus="geometrik", t=10)
_KEPADATAN = Rumus(_kepadatan_model, pembilang="jumlah_penduduk", satuan="km2")


def _salah_tahun(R: Rumus) -> list[Salah]:
    """t and the years of a growth rate moved by one (shared by 3a and 3b)."""
    return [*R.ganti("t", {11: "t = 11", 9: "t = 9"},
                     pesan="Sepertinya Anda memakai {salah}. Dari 2015 ke 2025 lamanya 10 tahun: t adalah "
                           "selisih tahun (2025 − 2015).", konsep="batas"),
            *R.ganti("awal", {2016: "2016"},
                     pesan="Sepertinya Anda memakai penduduk tahun {salah} sebagai P0. Tahun awal soal ini "
                           "2015.",
                     konsep="batas"),
            *R.ganti("akhir", {2024: "2024"},
                     pesan="Sepertinya Anda memakai penduduk tahun {salah} sebagai Pt. Tahun akhir soal ini "
                           "2025.",
                     konsep="batas")]


def _desa() -> Any:
    return tabel("desa_kelurahan").set_index("nama")


def _kepadatan() -> Any:
    d = _desa()
    return _ind().density(d["jumlah_penduduk"], d["luas_km2"])


def _mutasi_tahun(tahun: int | None) -> Any:
    m = tabel("mutasi")
    if tahun is not None:
        m = m[m["periode"].dt.year == tahun]
    return m.groupby("jenis_mutasi", observed=False)["jumlah"].sum()


def _mutasi_2024() -> Any:
    return _mutasi_tahun(2024)


def _pertambahan_dengan(tanda: tuple[int, int, int, int], tahun: int = 2024) -> int:
    """Births, deaths, arrivals and departures of ``tahun`` added with the given signs."""
    s = _mutasi_tahun(tahun)
    return int(sum(t * s[k] for t, k in zip(tanda, ("Lahir", "Mati", "Datang", "Pindah"), strict=True)))


def _pertambahan(tahun: int | None) -> int:
    s = _mutasi_tahun(tahun)
    return int(s["Lahir"] - s["Mati"] + s["Datang"] - s["Pindah"])


def _pertambahan_2024() -> int:
    s = _mutasi_2024()
    return int(s["Lahir"] - s["Mati"] + s["Datang"] - s["Pindah"])


#: Full calendar years of the mutasi table (July 2014 – June 2025) the base-effect questions may compare.
TAHUN_MUTASI = range(2015, 2025)
#: A jump the base-effect questions 3k and 3l can show: deaths of one RT up by at least this many percent.
LONJAKAN_MINIMAL = 50


def _mati_per_tahun() -> Any:
    """Deaths per RT (rows) and full calendar year (columns) from ``mutasi``."""
    m = tabel("mutasi")
    m = m[m["jenis_mutasi"] == "Mati"]
    t = m.groupby([m["rt"], m["periode"].dt.year])["jumlah"].sum().unstack(fill_value=0)
    return t.reindex(columns=list(TAHUN_MUTASI), fill_value=0)


def _lonjakan(t: Any, a: int, b: int) -> Any:
    """Percent change of deaths from year ``a`` to ``b`` per RT (the RTs with at least one death in ``a``)."""
    base = t[t[a] > 0]
    return (base[b] - base[a]) / base[a] * 100


@per_tempat
def tahun_dasar() -> tuple[int, int]:
    """The two consecutive years 3k and 3l compare: the latest pair (up to 2023 → 2024) in which some RT's
    deaths jumped by :data:`LONJAKAN_MINIMAL` percent or more from a small base; else the pair with the
    largest rise (a small place may have no jump in its latest years)."""
    t = _mati_per_tahun()
    pairs = [(b - 1, b) for b in reversed(TAHUN_MUTASI) if b - 1 in TAHUN_MUTASI]
    rises = {pair: (r.max() if len(r := _lonjakan(t, *pair)) else float("-inf")) for pair in pairs}
    jumps = [pair for pair in pairs if rises[pair] >= LONJAKAN_MINIMAL]
    return jumps[0] if jumps else max(pairs, key=rises.__getitem__)


def _mati_rt() -> Any:
    """Deaths per RT (rows) in the two years of :func:`tahun_dasar` (columns)."""
    return _mati_per_tahun()[list(tahun_dasar())]


def fakta_rt_dasar() -> tuple[int, int, int]:
    """The RT whose deaths rose by the largest percentage (from at least one death): (RT, before, after)."""
    t = _mati_rt()
    a, b = tahun_dasar()
    t = t[t[a] > 0]
    naik = (t[b] - t[a]) / t[a]
    rt = int(naik.idxmax())
    return rt, int(t.loc[rt, a]), int(t.loc[rt, b])


def fakta_mati_kelurahan() -> tuple[int, int]:
    """Deaths in the whole place in the two years of :func:`tahun_dasar`."""
    t = _mati_rt().sum()
    return int(t.iloc[0]), int(t.iloc[1])


def fakta_korelasi_luas_penduduk() -> float:
    """Correlation between area and population of the 18 desa/kelurahan of Kec. Kandangan."""
    d = tabel("desa_kelurahan")
    return float(d["luas_km2"].corr(d["jumlah_penduduk"]))


def fakta_registrasi() -> tuple[int, int, int, int]:
    """(people on the KK register, people counted in the field, movers still listed, newcomers not listed)."""
    reg, pend = tabel("registrasi_kk"), tabel("penduduk")
    return (len(reg), len(pend), int((~reg["nik"].isin(pend["nik"])).sum()),
            int((~pend["nik"].isin(reg["nik"])).sum()))


def pilihan_3l() -> dict[str, str]:
    """The options of question 3l, with the numbers of the data (the notebook shows the same text)."""
    from cantik.authoring.numbers import angka

    nomor, a, b = fakta_rt_dasar()
    rt = angka(nomor)
    ka, kb = fakta_mati_kelurahan()
    naik = angka((b - a) / a * 100)
    jenis = jenis_tempat()
    keseluruhan = (f"kematian justru turun dari {angka(ka)} menjadi {angka(kb)}" if kb < ka else
                   f"kematian berubah dari {angka(ka)} menjadi {angka(kb)}, juga dari sedikit kejadian")
    return {
        "A": f"Kematian di RT {rt} melonjak {naik}%, jadi RT {rt} perlu segera ditetapkan sebagai daerah "
             f"rawan.",
        "B": f"Kematian di RT {rt} bertambah {angka(b - a)} orang (dari {angka(a)} menjadi {angka(b)}). "
             f"Dengan "
             f"angka sekecil ini persen yang besar bisa terjadi karena kebetulan, dan di seluruh {jenis} "
             f"{keseluruhan}. Pantau beberapa tahun dan cari "
             f"tahu "
             "penyebabnya sebelum menyimpulkan.",
        "C": f"Kematian di seluruh {jenis} naik {naik}% karena RT {rt} naik {naik}%.",
    }


class _PilihanData:
    """Multiple choice whose options quote the data (computed when first read, like expected answers)."""

    def __init__(self, buat: Any) -> None:
        self._buat = buat

    @property
    def pilihan(self) -> dict[str, str]:
        return self._buat()

    def __call__(self, jawaban: Any, harapan: Any) -> Any:
        return banding_pilihan(self.pilihan)(jawaban, harapan)


PESAN_PERSEN_POIN = ("Itu perubahan persen (relatif terhadap angka awal). Yang diminta selisih dalam POIN "
                     "persen: angka akhir dikurangi angka awal.")
PESAN_POIN_PERSEN = ("Itu selisih dalam poin persen. Yang diminta perubahan PERSEN: selisih dibagi angka "
                     "awal, dikali 100.")

daftar(
    Soal(
        "3a",
        harapan=_laju,
        banding=banding_angka(desimal=2, persen=True),
        bagian=[
            Bagian("p_awal", "jumlah penduduk awal periode (tahun 2015)", lambda: _p(2015),
                   [("Itu penduduk 2025: awal dan akhir tertukar.", lambda: _p(2025))]),
            Bagian("p_akhir", "jumlah penduduk akhir periode (tahun 2025)", lambda: _p(2025),
                   [("Itu penduduk 2015: awal dan akhir tertukar.", lambda: _p(2015))]),
            Bagian("t", "lamanya periode dalam tahun (2025 − 2015)", lambda: 10,
                   [("Dari 2015 ke 2025 lamanya 10 tahun, bukan 11: t adalah selisih tahun.", lambda: 11)]),
        ],
        hitung_sendiri=("laju_pertumbuhan_geometrik",),
        rumus_kata="((P_akhir / P_awal)^(1/t) − 1) × 100",
        rumus=_LAJU_GEOMETRIK,
        salah=[
            *_salah_tahun(_LAJU_GEOMETRIK),
            *_LAJU_GEOMETRIK.ganti("rumus", {
                "aritmetik": "membagi perubahan persen selama 10 tahun dengan 10 (cara aritmetik)",
                "total": "menghitung perubahan selama 10 tahun sekaligus, bukan laju PER TAHUN",
                "eksponensial": "memakai rumus eksponensial r = ln(Pt / P0) / t",
                "tanpa_kurang_1": "lupa mengurangi 1 sebelum dikali 100"},
                pesan="Sepertinya Anda {salah}. BPS memakai rumus geometrik: r = (Pt / P0)^(1/t) − 1, dikali "
                      "100.",
                konsep="rumus"),
        ],
        langkah="P0 = penduduk 2015, Pt = penduduk 2025, t = 10; r = (Pt / P0)^(1/t) − 1, lalu dikali 100.",
        petunjuk=["Ambil penduduk 2015 dan 2025: `p2015 = penduduk_per_tahun[2015]`, begitu juga 2025.",
                  "Rumus geometrik: r = (Pt / P0)^(1/t) − 1, dengan t = 10 tahun; kalikan 100 supaya persen.",
                  "Pangkat di Python ditulis `**`: `((p2025 / p2015) ** (1 / t) - 1) * 100`."],
    ),
    Soal(
        "3b",
        harapan=lambda: _ind().growth_rate_exponential(_p(2015), _p(2025), 10),
        banding=banding_angka(desimal=2, persen=True),
        hitung_sendiri=("laju_pertumbuhan_eksponensial",),
        rumus_kata="ln(P_akhir / P_awal) / t × 100",
        rumus=_LAJU_EKSPONENSIAL,
        salah=[
            *_salah_tahun(_LAJU_EKSPONENSIAL),
            *_LAJU_EKSPONENSIAL.ganti("rumus", {
                "geometrik": "memakai rumus geometrik (Pt / P0)^(1/t) − 1",
                "log10": "memakai log basis 10 (`math.log10`); ln adalah logaritma natural, `math.log`",
                "ln_tanpa_t": "belum membagi dengan t = 10 tahun",
                "ln_dibalik": "membalik P0 dan Pt (ln(P0 / Pt)), sehingga tandanya terbalik"},
                pesan="Sepertinya Anda {salah}. Rumus eksponensial: r = ln(Pt / P0) / t, dikali 100.",
                konsep="rumus"),
        ],
        langkah="r = ln(Pt / P0) / t dengan `math.log` (logaritma natural), P0 = 2015, Pt = 2025, t = 10, "
                "lalu dikali 100.",
        petunjuk=["Rumus eksponensial: r = ln(Pt / P0) / t (kalikan 100 supaya persen).",
                  "`import math`, lalu `math.log(p2025 / p2015) / 10 * 100`."],
    ),
    Soal(
        "3c",
        harapan=lambda: _ind().project_population(_p(2025), _laju(), 5),
        banding=banding_angka(desimal=None, toleransi=2),
        rumus=_PROYEKSI,
        salah=[
            *_PROYEKSI.ganti("cara", {
                "linear": "menambah pertumbuhan secara linear (P × (1 + r × t))",
                "eksponensial": "memakai rumus eksponensial P × e^(r × t) dengan laju geometrik"},
                pesan="Sepertinya Anda {salah}. Rumus geometrik memakai pangkat: P2025 × (1 + r)^5.",
                konsep="rumus"),
            *_PROYEKSI.ganti("r", {"persen": "r masih dalam persen (mis. 1,5)"},
                             pesan="Sepertinya {salah}. Di rumus, r harus dalam bentuk desimal: 1,5% "
                                   "ditulis 0,015 (bagi dengan 100).", konsep="skala"),
            *_PROYEKSI.ganti("dari", {2015: "penduduk 2015"},
                             pesan="Sepertinya Anda berangkat dari {salah}. Proyeksi 2030 berangkat dari "
                                   "penduduk 2025 dengan t = 5 tahun.", konsep="batas"),
            *_PROYEKSI.ganti("t", {4: "t = 4", 6: "t = 6", 10: "t = 10"},
                             pesan="Sepertinya Anda memakai {salah}. Dari 2025 ke 2030 lamanya 5 tahun: t = "
                                   "5.",
                             konsep="batas"),
        ],
        langkah="P2030 = P2025 × (1 + r)^5, dengan r = laju geometrik soal 3a dalam desimal (persen / 100).",
        petunjuk=["Mulai dari penduduk 2025 dan laju geometrik soal 3a.",
                  "P2030 = P2025 × (1 + r)^5, dengan r dalam desimal (persen / 100).",
                  "Atau: `ind.proyeksi_penduduk(p2025, laju_geometrik, 5)`."],
    ),
    Soal(
        "3d",
        harapan=lambda: deret(_kepadatan()),
        banding=banding_deret(desimal=0),
        bentuk="deret",
        hitung_sendiri=("kepadatan",),
        rumus_kata="jumlah penduduk / luas wilayah",
        rumus=_KEPADATAN,
        salah=[
            Salah("Anda membagi luas dengan jumlah penduduk. Kepadatan = jumlah penduduk / luas (jiwa per "
                  "km²).", nilai=lambda: deret(_desa()["luas_km2"] / _desa()["jumlah_penduduk"]),
                  kode="dibalik",
                  konsep="rumus"),
            *_KEPADATAN.ganti("pembilang", {"jumlah_keluarga": "banyaknya keluarga"},
                              pesan="Sepertinya Anda membagi {salah} dengan luas. Kepadatan penduduk memakai "
                                    "jumlah PENDUDUK (jiwa) per km².", konsep="keluarga-orang"),
            *_KEPADATAN.ganti("satuan", {"hektare": "hektare"},
                              pesan="Sepertinya luasnya Anda ubah ke {salah}. Kepadatan dinyatakan per km²: "
                                    "pakai `luas_km2` apa adanya.", konsep="skala"),
            Salah("Itu rata-rata penduduk per RT (jumlah penduduk / jumlah RT). Kepadatan = penduduk per km² "
                  "luas wilayah.", nilai=lambda: deret(_desa()["jumlah_penduduk"] / _desa()["jumlah_rt"]),
                  kode="per-rt", konsep="penyebut"),
            Salah("Yang diminta kepadatan SETIAP desa/kelurahan (satu angka per wilayah), bukan satu angka "
                  "saja.",
                  cocok=lambda j: isinstance(j, int | float) and not isinstance(j, bool), kode="satu-angka",
                  konsep="bentuk", contoh=lambda: float(_kepadatan().iloc[0])),
        ],
        langkah="untuk setiap wilayah: jumlah penduduk / luas_km2 (jiwa per km²), dengan nama wilayah "
                "sebagai label.",
        petunjuk=["Kepadatan = jumlah penduduk / luas wilayah (km²).",
                  "Jadikan kolom `nama` sebagai indeks: `desa = desa.set_index(\"nama\")`.",
                  "Bagi satu kolom dengan kolom lain: `desa[\"jumlah_penduduk\"] / desa[\"luas_km2\"]`."],
    ),
    Soal(
        "3e",
        harapan=lambda: str(_kepadatan().idxmax()),
        banding=banding_teks(),
        bentuk="teks",
        salah=[
            Salah("Itu desa/kelurahan dengan penduduk TERBANYAK. Yang terpadat dilihat dari penduduk per "
                  "km²: wilayah kecil dengan penduduk sedang bisa lebih padat.",
                  nilai=lambda: str(_desa()["jumlah_penduduk"].idxmax()), kode="terbanyak",
                  konsep="jumlah-laju"),
            Salah("Itu yang paling TIDAK padat. Cari nilai kepadatan terbesar (`idxmax`).",
                  nilai=lambda: str(_kepadatan().idxmin()), kode="idxmin", konsep="arah"),
            Salah("Itu wilayah yang paling LUAS. Terpadat = penduduk per km² terbesar.",
                  nilai=lambda: str(_desa()["luas_km2"].idxmax()), kode="terluas", konsep="jumlah-laju"),
            Salah("Itu wilayah yang paling KECIL. Wilayah kecil belum tentu terpadat: bandingkan penduduk "
                  "per km².", nilai=lambda: str(_desa()["luas_km2"].idxmin()), kode="terkecil",
                  konsep="jumlah-laju"),
            Salah("Itu wilayah terpadat KEDUA. Ambil yang nilainya paling besar: `kepadatan.idxmax()`.",
                  nilai=lambda: str(_kepadatan().sort_values().index[-2]), kode="kedua", konsep="arah"),
            Salah("Yang diminta NAMA wilayahnya (teks), bukan angka kepadatannya atau nomor urutnya.",
                  cocok=lambda j: isinstance(j, int | float) and not isinstance(j, bool), kode="angka",
                  konsep="bentuk", contoh=lambda: float(_kepadatan().max())),
            Salah("Yang diminta satu nama saja, bukan seluruh daftar kepadatan. Gunakan "
                  "`kepadatan.idxmax()`.",
                  cocok=lambda j: isinstance(j, Deret) and len(j.label) > 1, kode="daftar", konsep="bentuk",
                  contoh=_kepadatan),
            Salah("Nama wilayahnya sudah benar, tetapi ditulis di dalam list. Tulis namanya saja sebagai "
                  "teks, misalnya `kepadatan.idxmax()`.",
                  cocok=lambda j: _satu_nama(j) and banding_teks()(
                      (list(j.nilai) if isinstance(j, Deret) else list(j))[0],
                      str(_kepadatan().idxmax())).benar,
                  kode="dalam-list", konsep="bentuk", contoh=lambda: [str(_kepadatan().idxmax())]),
        ],
        langkah="hitung kepadatan setiap wilayah (soal 3d), lalu ambil NAMA dengan nilai terbesar: "
                "`.idxmax()`.",
        petunjuk=["Pakai hasil soal 3d.", "`kepadatan.idxmax()` memberi nama dengan nilai terbesar."],
    ),
    Soal(
        "3f",
        harapan=lambda: deret(_series_tiga()),
        banding=banding_deret(desimal=2, persen=True),
        bentuk="deret",
        rumus=_TIGA,
        salah=[
            Salah("Itu jumlah penduduk yang bertambah (orang), bukan laju (persen per tahun). Wilayah yang "
                  "penduduknya banyak cenderung bertambah lebih banyak orang; laju memungkinkan perbandingan "
                  "yang adil.",
                  nilai=lambda: deret(_series_tiga(lambda w: _p(2025, w) - _p(2015, w))), kode="pertambahan",
                  konsep="jumlah-laju"),
            *_TIGA.ganti("rumus", {"eksponensial": "rumus eksponensial ln(Pt / P0) / t",
                                   "aritmetik": "cara aritmetik (perubahan persen dibagi 10)",
                                   "total": "perubahan selama 10 tahun sekaligus"},
                         pesan="Sepertinya Anda memakai {salah}. Ulangi hitungan soal 3a (rumus geometrik, "
                               "per tahun) untuk setiap wilayah.", konsep="rumus"),
            *_TIGA.ganti("t", {11: "t = 11"},
                         pesan="Sepertinya Anda memakai {salah}. Dari 2015 ke 2025 lamanya 10 tahun.",
                         konsep="batas"),
        ],
        langkah="untuk setiap wilayah, laju geometrik 2015–2025 seperti soal 3a (persen per tahun), dengan "
                "nama wilayah sebagai label.",
        petunjuk=["Ulangi hitungan soal 3a untuk setiap wilayah: `load(\"penduduk_tahunan\", wilayah=...)`.",
                  lambda: "Simpan dalam dict: `{" + ", ".join(f'"{w}": ...' for w in tiga_wilayah()) + "}`."],
    ),
    Soal(
        "3g",
        harapan=lambda: _ind().percentage_point_change(P0_2022, P0_2023),
        banding=banding_angka(desimal=2),
        hitung_sendiri=("perubahan_poin_persen",),
        rumus_kata="angka akhir − angka awal",
        salah=[
            Salah(PESAN_PERSEN_POIN, nilai=lambda: _ind().percent_change(P0_2022, P0_2023), kode="persen",
                  konsep="persen-poin"),
            tanda(lambda: _ind().percentage_point_change(P0_2022, P0_2023),
                  "Periksa tandanya: angkanya turun, jadi perubahannya negatif (akhir − awal)."),
            Salah("Itu perubahan persen dengan angka akhir sebagai pembagi. Yang diminta selisih dalam POIN "
                  "persen: akhir − awal, tanpa dibagi.", nilai=lambda: (P0_2023 - P0_2022) / P0_2023 * 100,
                  kode="persen-pembagi-akhir", konsep="persen-poin"),
            Salah("Itu perubahan persen tanpa tanda minus. Yang diminta selisih POIN persen (akhir − awal), "
                  "dan angkanya turun sehingga negatif.",
                  nilai=lambda: -_ind().percent_change(P0_2022, P0_2023),
                  kode="persen-positif", konsep="persen-poin"),
            Salah("Itu perbandingan (rasio) 2023 terhadap 2022. Yang diminta selisihnya: akhir − awal.",
                  nilai=lambda: P0_2023 / P0_2022, kode="rasio", konsep="persen-poin"),
            Salah("Itu angka 2023 sebagai persen dari 2022 (rasio × 100). Yang diminta selisih poin persen: "
                  "akhir − awal.",
                  nilai=lambda: P0_2023 / P0_2022 * 100, kode="rasio-100", konsep="persen-poin"),
            skala(lambda: _ind().percentage_point_change(P0_2022, P0_2023), 100,
                  "Angka P0 sudah dalam persen: selisihnya langsung akhir − awal, tanpa dibagi 100.",
                  "dibagi-100", tol=0.005),
        ],
        langkah="selisih poin persen = angka akhir (2023) − angka awal (2022), keduanya sudah dalam persen.",
        petunjuk=["Selisih poin persen = angka akhir − angka awal (keduanya sudah dalam persen).",
                  "`perubahan_poin = 4.01 - 4.54`."],
    ),
    Soal(
        "3h",
        harapan=lambda: _ind().percent_change(P0_2022, P0_2023),
        bagian=[
            Bagian("pembilang", "selisihnya: angka akhir − angka awal", lambda: P0_2023 - P0_2022,
                   [("Periksa tandanya: angka akhir dikurangi angka awal (hasilnya negatif bila turun).",
                     lambda: P0_2022 - P0_2023)]),
            Bagian("penyebut", "angka AWAL (2022)", lambda: P0_2022,
                   [("Itu angka akhir (2023); perubahan persen dibagi angka awal.", lambda: P0_2023)]),
        ],
        hitung_sendiri=("perubahan_persen",),
        rumus_kata="(akhir − awal) / awal × 100",
        banding=banding_angka(desimal=1, persen=True),
        salah=[
            Salah(PESAN_POIN_PERSEN, nilai=lambda: _ind().percentage_point_change(P0_2022, P0_2023),
                  kode="poin", konsep="persen-poin"),
            Salah("Pembaginya angka AWAL (2022), bukan angka akhir.",
                  nilai=lambda: (P0_2023 - P0_2022) / P0_2023 * 100, kode="pembagi-akhir", konsep="rumus"),
            tanda(lambda: _ind().percent_change(P0_2022, P0_2023),
                  "Periksa tandanya: P0 turun, jadi perubahan persennya negatif ((akhir − awal) / awal × "
                  "100)."),
            Salah("Itu angka 2023 sebagai persen dari 2022 (akhir / awal × 100). Perubahan persen = (akhir − "
                  "awal) / awal × 100: kurangi 100 dari hasil Anda.", nilai=lambda: P0_2023 / P0_2022 * 100,
                  kode="rasio-100", konsep="persen-poin"),
            Salah("Itu selisih poin persen dengan tanda terbalik. Yang diminta perubahan PERSEN: (akhir − "
                  "awal) / awal × 100.", nilai=lambda: -_ind().percentage_point_change(P0_2022, P0_2023),
                  kode="poin-positif", konsep="persen-poin"),
            Salah("Itu perbandingan 2023 terhadap 2022 (akhir / awal). Perubahan persen = (akhir − awal) / "
                  "awal × 100.", nilai=lambda: P0_2023 / P0_2022, kode="rasio", konsep="persen-poin"),
        ],
        langkah="perubahan persen = (akhir − awal) / awal × 100, dengan awal = 2022 dan akhir = 2023.",
        petunjuk=["Perubahan persen = (akhir − awal) / awal × 100.",
                  "Pembilang: `4.01 - 4.54`; penyebut: `4.54`."],
    ),
    Soal(
        "3i",
        harapan=_pertambahan_2024,
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Anda menjumlahkan semua peristiwa. Kematian dan pindah MENGURANGI penduduk: "
                  "lahir − mati + datang − pindah.",
                  nilai=lambda: int(_mutasi_2024().sum()), kode="semua-dijumlah",
                  konsep="rumus"),
            Salah("Itu baru pertambahan alami (lahir − mati). Tambahkan migrasi neto (datang − pindah).",
                  nilai=lambda: int(_mutasi_2024()["Lahir"] - _mutasi_2024()["Mati"]), kode="alami",
                  konsep="rumus"),
            Salah("Itu baru migrasi neto (datang − pindah). Tambahkan pertambahan alami (lahir − mati).",
                  nilai=lambda: int(_mutasi_2024()["Datang"] - _mutasi_2024()["Pindah"]), kode="migrasi",
                  konsep="rumus"),
            Salah("Tanda migrasinya terbalik: yang DATANG menambah penduduk, yang PINDAH menguranginya.",
                  nilai=lambda: _pertambahan_dengan((1, -1, -1, 1)), kode="migrasi-terbalik", konsep="arah"),
            Salah("Itu pertambahan untuk SEMUA tahun di tabel mutasi. Pilih dulu baris tahun 2024.",
                  nilai=lambda: _pertambahan(None), kode="semua-tahun", konsep="batas"),
            Salah("Itu pertambahan tahun 2023. Soal ini tentang tahun "
                  "2024.", nilai=lambda: _pertambahan(2023),
                  kode="tahun-2023", konsep="batas"),
            Salah("Itu banyaknya BARIS tabel mutasi 2024, bukan banyaknya orang. Jumlahkan kolom `jumlah`.",
                  nilai=lambda: int((tabel("mutasi")["periode"].dt.year == 2024).sum()), kode="banyak-baris",
                  konsep="bentuk"),
        ],
        langkah="pilih baris tahun 2024, jumlahkan `jumlah` per jenis mutasi, lalu lahir − mati + datang − "
                "pindah.",
        petunjuk=["Pilih baris tahun 2024: `mutasi[mutasi[\"periode\"].dt.year == 2024]`.",
                  "Jumlahkan per jenis mutasi dengan `groupby(\"jenis_mutasi\")[\"jumlah\"].sum()`.",
                  "Pertambahan = lahir − mati + datang − pindah."],
    ),
    Soal(
        "3k",
        harapan=lambda: _ind().percent_change(*fakta_rt_dasar()[1:]),
        banding=banding_angka(desimal=1, persen=True),
        salah=[
            Salah("Itu tambahan dalam orang. Yang diminta perubahan persen: selisih / angka awal × 100.",
                  nilai=lambda: fakta_rt_dasar()[2] - fakta_rt_dasar()[1], kode="selisih-orang",
                  konsep="rumus"),
            Salah("Pembaginya angka AWAL (tahun sebelumnya), bukan angka akhir.",
                  nilai=lambda: (fakta_rt_dasar()[2] - fakta_rt_dasar()[1]) / fakta_rt_dasar()[2] * 100,
                  kode="pembagi-akhir", konsep="rumus"),
            Salah("Itu perubahan kematian di seluruh wilayah. Soal ini tentang satu RT saja.",
                  nilai=lambda: _ind().percent_change(*fakta_mati_kelurahan()), kode="kelurahan",
                  konsep="angka-dasar"),
            Salah("Pembaginya kematian RT itu sendiri pada tahun awal, bukan kematian seluruh wilayah.",
                  nilai=lambda: (fakta_rt_dasar()[2] - fakta_rt_dasar()[1]) / fakta_mati_kelurahan()[0] * 100,
                  kode="pembagi-kelurahan", konsep="penyebut"),
            Salah("Itu angka akhir sebagai persen dari angka awal (akhir / awal × 100). Perubahan persen = "
                  "(akhir − awal) / awal × 100: kurangi 100 dari hasil Anda.",
                  nilai=lambda: fakta_rt_dasar()[2] / fakta_rt_dasar()[1] * 100, kode="rasio-100",
                  konsep="persen-poin"),
            tanda(lambda: _ind().percent_change(*fakta_rt_dasar()[1:]),
                  "Periksa urutannya: angka akhir dikurangi angka awal (kematian di RT ini bertambah, jadi "
                  "perubahannya positif)."),
            Salah("Tahunnya tertukar: tahun awal adalah tahun yang lebih dulu. (akhir − awal) / awal × 100.",
                  nilai=lambda: (fakta_rt_dasar()[1] - fakta_rt_dasar()[2]) / fakta_rt_dasar()[2] * 100,
                  kode="tahun-tertukar", konsep="arah"),
        ],
        langkah="ambil kematian RT itu pada kedua tahun, lalu (akhir − awal) / awal × 100.",
        petunjuk=["Ambil banyaknya kematian RT itu pada kedua tahun dari tabel di atas.",
                  "Perubahan persen = (akhir − awal) / awal × 100."],
    ),
    Soal(
        "3l",
        harapan=lambda: "B",
        banding=_PilihanData(pilihan_3l),
        bentuk="teks",
        salah=[
            Salah("Hati-hati dengan angka dasar kecil: dari sedikit kejadian, satu atau dua orang saja sudah "
                  "membuat persennya melonjak. Sebutkan juga jumlah orangnya.", nilai=lambda: "A",
                  kode="persen-melonjak", konsep="angka-dasar"),
            Salah("Satu RT tidak mewakili seluruh wilayah: bandingkan dengan angka kematian seluruh wilayah "
                  "pada kedua tahun. Persen kenaikan satu RT tidak bisa dipindahkan ke seluruh wilayah.",
                  nilai=lambda: "C", kode="satu-rt-kelurahan", konsep="angka-dasar"),
        ],
        petunjuk=["Bandingkan persen dengan jumlah orangnya: berapa orang tambahan di balik persen itu?",
                  "Lihat juga angka seluruh wilayah."],
    ),
    Soal(
        "3m",
        harapan=lambda: fakta_registrasi()[2],
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Itu selisih bersih (daftar KK − pencacahan). Selisih bersih menyembunyikan dua arah: ada "
                  "yang sudah pindah tetapi masih tercatat di KK, dan ada pendatang yang belum tercatat. "
                  "Hitung NIK di daftar KK yang tidak ditemukan di tabel penduduk.",
                  nilai=lambda: fakta_registrasi()[0] - fakta_registrasi()[1], kode="selisih-bersih",
                  konsep="registrasi"),
            Salah("Itu arah sebaliknya: penduduk yang tinggal di kelurahan tetapi belum tercatat di KK. Yang "
                  "diminta orang di daftar KK yang tidak ditemukan saat pencacahan.",
                  nilai=lambda: fakta_registrasi()[3], kode="arah-sebaliknya", konsep="arah"),
            Salah("Itu banyaknya orang di daftar KK. Yang diminta hanya yang tidak ditemukan di tabel "
                  "penduduk.", nilai=lambda: fakta_registrasi()[0], kode="semua-kk", konsep="registrasi"),
            Salah("Itu banyaknya penduduk hasil pencacahan. Yang diminta orang di daftar KK yang NIK-nya "
                  "tidak ada di tabel penduduk.", nilai=lambda: fakta_registrasi()[1],
                  kode="semua-pencacahan", konsep="registrasi"),
            Salah("Itu banyaknya orang di daftar KK yang DITEMUKAN di tabel penduduk. Balik syaratnya dengan "
                  "`~` untuk menghitung yang tidak ditemukan.",
                  nilai=lambda: fakta_registrasi()[0] - fakta_registrasi()[2], kode="ditemukan",
                  konsep="arah"),
            Salah("Itu jumlah kedua arah (sudah pindah + belum tercatat). Yang diminta satu arah saja: orang "
                  "di daftar KK yang tidak ditemukan saat pencacahan.",
                  nilai=lambda: fakta_registrasi()[2] + fakta_registrasi()[3], kode="dua-arah",
                  konsep="registrasi"),
            Salah("Itu persentasenya. Yang diminta BANYAKNYA orang (jumlahkan dengan `.sum()`).",
                  nilai=lambda: fakta_registrasi()[2] / fakta_registrasi()[0] * 100, kode="persen",
                  konsep="skala"),
            Salah("Itu proporsinya (rata-rata True/False, `.mean()`). Yang diminta BANYAKNYA orang: pakai "
                  "`.sum()`.", nilai=lambda: fakta_registrasi()[2] / fakta_registrasi()[0], kode="proporsi",
                  konsep="skala"),
        ],
        langkah="NIK di daftar KK yang tidak ada di tabel penduduk: "
                "`(~registrasi[\"nik\"].isin(penduduk[\"nik\"])).sum()`.",
        petunjuk=["Setiap orang punya NIK. Orang yang sudah pindah ada di `registrasi` tetapi tidak di "
                  "`penduduk`.",
                  "`registrasi[\"nik\"].isin(penduduk[\"nik\"])` bernilai True bila NIK-nya ditemukan.",
                  "Tanda `~` membalik True/False; jumlahkan dengan `.sum()`."],
    ),
)


def _series_tiga(f: Any = None) -> Any:
    import pandas as pd

    f = f or (lambda w: _ind().growth_rate_geometric(_p(2015, w), _p(2025, w), 10))
    return pd.Series({w: f(w) for w in tiga_wilayah()})
