"""The apps of the gallery, in the order the gallery lists them (stdlib only).

Examples
--------
>>> from cantik.apps.registry import APPS, by_slug
>>> by_slug("stunting").notebook
'kalkulator_stunting.ipynb'
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AppInfo:
    """One public app: its notebook in ``voila_apps/`` and its Indonesian title and blurb."""

    slug: str
    notebook: str
    title: str
    description: str
    #: Dotted path of the class the notebook displays (``module:Class``).
    entry: str


APPS: list[AppInfo] = [
    AppInfo(
        "profil", "profil_kelurahan.ipynb", "Profil kelurahan",
        "Piramida penduduk, indikator utama beserta definisinya, dan rincian per RT untuk "
        "Kandangan Utara, Taluk Haur, atau Gambah Luar.",
        "cantik.apps.profil:ProfilApp",
    ),
    AppInfo(
        "rata_median", "rata_rata_atau_median.ipynb", "Rata-rata atau median?",
        "Pengeluaran per kapita keluarga: tambahkan beberapa keluarga yang sangat kaya, lihat mereka di "
        "grafik, dan lihat rata-rata bergeser jauh sementara median hampir tidak berubah.",
        "cantik.apps.rata_median:RataMedianApp",
    ),
    AppInfo(
        "persen_poin", "persen_atau_poin_persen.ipynb", "Persen atau poin persen?",
        "Contoh kemiskinan 4,54% menjadi 4,01%: turun 0,53 poin persen, atau turun sekitar 11,7 persen?",
        "cantik.apps.persen_poin:PersenPoinApp",
    ),
    AppInfo(
        "grafik", "grafik_jujur.ipynb", "Grafik jujur vs menyesatkan",
        "Dua RT digambar jujur dan menyesatkan berdampingan; sumbu yang dipotong, jumlah atau persen, "
        "urutan RT: data yang sama bisa memberi kesan berbeda.",
        "cantik.apps.grafik:GrafikApp",
    ),
    AppInfo(
        "sampel", "sampel_dan_survei.ipynb", "Sampel dan survei",
        "Ambil sampel dari keluarga di kelurahan: hasil tiap sampel berbeda, sampel kecil lebih berayun, "
        "dan sesekali selangnya meleset. Seberapa jauh hasil survei bisa meleset?",
        "cantik.apps.sampel:SampelApp",
    ),
    AppInfo(
        "ampunku", "dasbor_ampunku.ipynb", "Dasbor AMPUNKU",
        "Antar Jemput Pasien Kandangan Utara: perjalanan per bulan, per 100 penduduk menurut RT, dan "
        "menurut tujuan, serta sebaran waktu tunggu.",
        "cantik.apps.ampunku:AmpunkuApp",
    ),
    AppInfo(
        "stunting", "kalkulator_stunting.ipynb", "Kalkulator stunting",
        "Jenis kelamin, tanggal lahir, dan tinggi badan anak: nilai z tinggi badan menurut umur "
        "(standar WHO) dan kategorinya. Bukan diagnosis medis.",
        "cantik.apps.stunting:StuntingApp",
    ),
]


def by_slug(slug: str) -> AppInfo:
    """The app called ``slug``; ``KeyError`` if there is none."""
    for app in APPS:
        if app.slug == slug:
            return app
    raise KeyError(slug)
