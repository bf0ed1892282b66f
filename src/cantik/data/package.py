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
    "desa_kelurahan": "18 desa/kelurahan di Kecamatan Kandangan: status, luas, penduduk, keluarga, jumlah "
                      "RT. Baris Kandangan Utara dan Gambah Luar sama dengan data sintetis kedua wilayah "
                      "itu; desa/kelurahan lain hanya dikalibrasi agar total luas (106,71 km²) dan total "
                      "penduduk (49.604 jiwa) sama dengan angka kecamatan yang dilaporkan. Nama desa dari "
                      "tabel referensi wilayah publik, belum dicocokkan dengan daftar resmi BPS/Kemendagri.",
}

LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
           "path": "https://creativecommons.org/licenses/by/4.0/"}


#: Places whose kecamatan is confirmed by the 18-name list of Kec. Kandangan. Taluk Haur is not on that
#: list and its kecamatan could not be verified, so its title names only the regency.
_IN_KANDANGAN = {"kandangan_utara", "gambah_luar"}


def _title(key: str) -> str:
    if key == schema.KECAMATAN:
        return "Kecamatan Kandangan, Kab. Hulu Sungai Selatan"
    kec = "Kec. Kandangan, " if key in _IN_KANDANGAN else ""
    return f"{schema.WILAYAH[key]}, {kec}Kab. Hulu Sungai Selatan"


def descriptor(key: str, seed: int = 2025) -> dict[str, Any]:
    """The Frictionless data package descriptor of one dataset folder.

    Parameters
    ----------
    key : str
        A key of ``schema.WILAYAH`` or ``schema.KECAMATAN``.
    seed : int, default 2025
        Recorded in the description (the generator's seed).
    """
    from cantik.data.calibration import package_sources
    from cantik.data.loader import TABLE_TITLES

    resources = []
    for table in schema.tables_of(key):
        resources.append({
            "name": table,
            "path": f"{table}.csv",
            "title": schema.SCHEMAS[table].get("title") or TABLE_TITLES.get(table, table),
            "description": f"{TABLE_DESCRIPTIONS[table]} {schema.SYNTHETIC_NOTICE}",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "header": True},
            "schema": copy.deepcopy(schema.SCHEMAS[table]),
        })
    return {
        "name": f"kelas-cantik-{key.replace('_', '-')}",
        "title": f"Data sintetis {_title(key)}",
        "description": (f"{schema.SYNTHETIC_NOTICE} Tanggal rujukan {schema.REFERENCE_DATE}. Dibangkitkan "
                        f"dengan `cantik data buat --benih {seed}`; angka kalibrasi dan sumbernya ada di "
                        f"'sources' "
                        "dan di cantik.data.calibration."),
        "profile": "tabular-data-package",
        "keywords": ["Desa Cantik", "Kelurahan Cantik", "BPS", "Hulu Sungai Selatan", "data sintetis"],
        "licenses": [LICENSE],
        "sources": package_sources(),
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
