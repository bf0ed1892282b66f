"""The synthetic Kelas Cantik datasets: load them typed, list them, check a village's own CSV files.

Every table here is SYNTHETIC (see :data:`cantik.data.schema.SYNTHETIC_NOTICE`); show that notice wherever
the data is shown (``df.attrs["sumber"]`` carries it).

Importing this package imports neither pandas nor frictionless: :func:`load` and :func:`validate_csv`
import them when called.

Examples
--------
>>> import cantik.data
>>> cantik.data.tables("kecamatan_kandangan")
['desa_kelurahan', 'stunting_umur', 'kode_wilayah', 'sekolah_wilayah']
>>> df = cantik.data.load("penduduk")  # doctest: +SKIP
>>> problems = cantik.data.validate_csv("penduduk_rt03.csv", table="penduduk")  # doctest: +SKIP
"""

from __future__ import annotations

from cantik.data.loader import (
    DataFormatError,
    DataNotFoundError,
    active_wilayah,
    csv_path,
    load,
    pakai_wilayah,
    table_title,
    tables,
    wilayah_list,
    wilayah_name,
)
from cantik.data.schema import SYNTHETIC_NOTICE
from cantik.data.validate import Problem, validate_csv

__all__ = [
    "SYNTHETIC_NOTICE",
    "DataFormatError",
    "DataNotFoundError",
    "Problem",
    "active_wilayah",
    "csv_path",
    "load",
    "pakai_wilayah",
    "table_title",
    "tables",
    "validate_csv",
    "wilayah_list",
    "wilayah_name",
]
