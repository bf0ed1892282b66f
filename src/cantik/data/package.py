"""Frictionless ``datapackage.json`` for each dataset folder, and a validation helper.

The descriptor is written as plain JSON (stdlib only) from :mod:`cantik.data.schema`, so writing it needs
no heavy import; :func:`validate` uses the ``frictionless`` library to check the CSV files against it,
primary and foreign keys included.

Examples
--------
>>> d = descriptor("kandangan_utara")
>>> [r["name"] for r in d["resources"]][:2]
['penduduk', 'keluarga']
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from cantik.data import schema
from cantik.data.profile import Wilayah, unit_words

#: Short Indonesian descriptions of each table (the synthetic notice is appended to each).
TABLE_DESCRIPTIONS: dict[str, str] = {
    "penduduk": "Satu baris per penduduk: identitas samaran, umur, status perkawinan, hubungan dengan kepala "
                "keluarga, pendidikan, sekolah, pekerjaan.",
    "keluarga": "Satu baris per Kartu Keluarga (KK): RT, jumlah anggota, pengeluaran per kapita sebulan "
                "(total dan makanan), luas lantai, sumber air minum, penerimaan bantuan sosial.",
    "balita": "Hasil penimbangan dan pengukuran balita (umur di bawah 5 tahun) di posyandu, Juni 2025.",
    "mutasi": "Kelahiran, kematian, kedatangan dan kepindahan penduduk per bulan, per RT dan jenis kelamin "
              "(Juli 2014 - Juni 2025).",
    "penduduk_tahunan": "Jumlah penduduk pertengahan tahun (30 Juni), 2015-2025; selisih antartahun sama "
                        "dengan lahir - mati + datang - pindah dari tabel mutasi.",
    "ampunku": "Perjalanan layanan AMPUNKU (Antar Jemput Pasien Kandangan Utara), Juli 2024 - Juni 2025.",
    "sumber_banding": "Indikator yang sama dari dua sumber: stunting (posyandu vs survei) dan jumlah "
                      "penduduk (registrasi KK vs pencacahan lapangan).",
    "penduduk_mentah": "Salinan 'kotor' tabel penduduk untuk latihan membersihkan data: ada duplikat, ejaan "
                       "tidak baku, umur dan tanggal mustahil, sel kosong, dan umur menumpuk di angka 0/5. "
                       "Kunci jawaban: penduduk_mentah_cacat.json.",
    "registrasi_kk": "Daftar penduduk menurut Kartu Keluarga (registrasi): ada yang sudah pindah tetapi "
                     "masih tercatat di KK, dan pendatang yang belum tercatat. Jumlah barisnya sama dengan "
                     "angka registrasi di tabel sumber_banding.",
    "lansia_tahunan": "Penduduk umur 60+ dan 65+ per tahun (2019-2025, dihitung mundur dari data 2025) dan "
                      "jumlah lansia yang tertulis di profil kelurahan, yang batas umurnya berubah dari 65 "
                      "menjadi 60 tahun pada 2023.",
    "stunting_umur": "Balita yang diukur dan yang stunting menurut kelompok umur di dua kelurahan "
                     "Kecamatan Kandangan (Kandangan Kota dan Jambu Hilir); angka dirancang untuk latihan.",
    "kode_wilayah": "Daftar rujukan kode wilayah 18 desa/kelurahan Kecamatan Kandangan. Kode contoh "
                    "berformat kode wilayah BPS (63 = Kalimantan Selatan, 06 = Kab. Hulu Sungai Selatan, "
                    "lalu kecamatan dan desa/kelurahan); bukan kode resmi.",
    "sekolah_wilayah": "Jumlah SD, SMP dan SMA per desa/kelurahan menurut daftar sekolah, dengan kode "
                       "wilayah dan nama yang ditulis seperti di sumber itu.",
    "desa_kelurahan": "18 desa/kelurahan di Kecamatan Kandangan: status, luas, penduduk, keluarga, jumlah "
                      "RT. Baris Kandangan Utara dan Gambah Luar sama dengan data sintetis kedua wilayah "
                      "itu; desa/kelurahan lain hanya dikalibrasi agar total luas (106,71 km²) dan total "
                      "penduduk (49.604 jiwa) sama dengan angka kecamatan yang dilaporkan. Nama desa dari "
                      "tabel referensi wilayah publik, belum dicocokkan dengan daftar resmi BPS/Kemendagri.",
}

LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
           "path": "https://creativecommons.org/licenses/by/4.0/"}


def _title(wilayah: Wilayah | None) -> str:
    if wilayah is None:
        return "Kecamatan Kandangan, Kab. Hulu Sungai Selatan"
    kec = f"Kec. {wilayah.kecamatan}, " if wilayah.kecamatan else ""
    return f"{wilayah.label}, {kec}Kab. {wilayah.kabupaten}"


def _figure_sources(wilayah: Wilayah) -> list[dict[str, str]]:
    """One ``sources`` entry per calibration figure of a new synthetic place: the figure and its source."""
    from cantik.helpers import format_number

    return [{"title": f"{f.name} ({f.level}): "
                      f"{format_number(f.value, 0 if float(f.value).is_integer() else 2)} "
                      f"{f.unit}. Sumber: {f.source}"} for f in wilayah.figures]


def descriptor(key: str, seed: int = 2025, wilayah: Wilayah | None = None) -> dict[str, Any]:
    """The Frictionless data package descriptor of one dataset folder.

    Parameters
    ----------
    key : str
        A place key (see :func:`cantik.data.profile.place_keys`) or ``schema.KECAMATAN``.
    seed : int, default 2025
        Recorded in the description (the generator's seed).
    wilayah : Wilayah, optional
        The place's profile (default: :func:`cantik.data.profile.load_profile`). A real place's package
        names its data source and date instead of the synthetic notice.
    """
    from cantik.data.calibration import package_sources
    from cantik.data.loader import TABLE_TITLES
    from cantik.data.profile import load_profile

    if key != schema.KECAMATAN and wilayah is None:
        wilayah = load_profile(key)
    synthetic = wilayah is None or wilayah.synthetic
    notice = wilayah.notice if wilayah is not None else schema.SYNTHETIC_NOTICE
    resources = []
    for table in (wilayah.tables if wilayah is not None else schema.tables_of(key)):
        resources.append({
            "name": table,
            "path": f"{table}.csv",
            "title": schema.SCHEMAS[table].get("title") or TABLE_TITLES.get(table, table),
            "description": f"{TABLE_DESCRIPTIONS[table]} {notice}" if synthetic else notice,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "header": True},
            "schema": copy.deepcopy(schema.SCHEMAS[table]),
        })
    if wilayah is not None and wilayah.unit != "RT":  # "Rukun Tetangga (RT)" → "Dusun"
        for resource in resources:
            resource["description"] = unit_words(resource["description"], wilayah.unit)
            for f in resource["schema"]["fields"]:
                for text in ("title", "description"):
                    if text in f:
                        f[text] = unit_words(f[text], wilayah.unit)
    if not synthetic:
        assert wilayah is not None
        return {"name": f"kelas-cantik-{key.replace('_', '-')}", "title": f"Data {_title(wilayah)}",
                "description": f"{notice} Diimpor dengan `cantik data impor`; bukan data sintetis.",
                "profile": "tabular-data-package", "keywords": ["Desa Cantik", "Kelurahan Cantik", "BPS"],
                "sources": [{"title": wilayah.source}], "resources": resources}
    builtin = wilayah is None or wilayah.key in schema.WILAYAH
    command = f"cantik data buat --benih {seed}" if builtin else \
        f"cantik data buat --wilayah {key} --benih {seed}"
    where = "dan di cantik.data.calibration" if builtin else "dan di wilayah.json"
    return {
        "name": f"kelas-cantik-{key.replace('_', '-')}",
        "title": f"Data sintetis {_title(wilayah)}",
        "description": (f"{schema.SYNTHETIC_NOTICE} Tanggal rujukan {schema.REFERENCE_DATE}. Dibangkitkan "
                        f"dengan `{command}`; angka kalibrasi dan sumbernya ada di 'sources' {where}."),
        "profile": "tabular-data-package",
        "keywords": ["Desa Cantik", "Kelurahan Cantik", "BPS",
                     wilayah.kabupaten if wilayah else "Hulu Sungai Selatan", "data sintetis"],
        "licenses": [LICENSE],
        "sources": package_sources() if builtin else _figure_sources(wilayah),
        "resources": resources,
    }


def dumps(desc: dict[str, Any]) -> bytes:
    """Stable JSON bytes of a descriptor (UTF-8, indented, newline-terminated)."""
    return (json.dumps(desc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def validate(folder: Path) -> list[str]:
    """Validate ``folder/datapackage.json`` and its CSV files with ``frictionless``.

    Returns
    -------
    list of str
        Indonesian-prefixed error lines; empty when the package is valid (foreign keys included).
    """
    from frictionless import Package

    package = Package(str(Path(folder) / "datapackage.json"))
    report = package.validate()
    if report.valid:
        return []
    return [f"{task.name}: baris {err.get('rowNumber', '-')}, kolom {err.get('fieldName', '-')}: "
            f"{err.get('type')} — {err.get('note', err.get('message'))}"
            for task in report.tasks for err in (e.to_descriptor() for e in task.errors)]
