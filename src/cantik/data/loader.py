"""Load the synthetic Kelas Cantik tables as typed pandas DataFrames.

The column contract lives in :mod:`cantik.data.schema`; this module turns ``datasets/<wilayah>/<table>.csv``
into a DataFrame whose dtypes follow it:

==================================  ===========================================================
schema field                        pandas dtype
==================================  ===========================================================
``string`` with an ``enum``         ``category`` (categories in schema order, unordered)
``string``                          pandas' default string dtype (``str``)
``integer``, required               ``int64``
``integer``, not required           ``Int64`` (nullable)
``number``                          ``float64``
``date``                            ``datetime64`` (pandas' default unit, microseconds in pandas 3)
``yearmonth``                       ``datetime64``, the first day of the month (``2025-03`` →
                                    ``2025-03-01``): plots, ``.dt.month`` and ``resample`` work
                                    directly, unlike ``Period[M]``
``boolean``                         ``boolean`` (nullable)
==================================  ===========================================================

Only empty cells count as missing (``"NA"`` or ``"-"`` stay text), so the dirty ``penduduk_mentah``
table keeps its defects. Rows that are entirely empty and untitled empty columns (spreadsheet leftovers)
are dropped. Nothing is cached: every call reads the file again, so a regenerated dataset is seen at
once (penduduk, about 7,400 rows, loads in under 20 ms; see ``benchmarks/data_load.py``).

This module imports pandas only inside :func:`load`, so ``import cantik.data`` stays light.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cantik.data import schema as _schema
from cantik.data.profile import load_profile, place_dir, place_keys, unit_words
from cantik.errors import DataFormatError, DataNotFoundError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "TABLE_TITLES",
    "DataFormatError",
    "DataNotFoundError",
    "active_wilayah",
    "csv_path",
    "load",
    "pakai_wilayah",
    "resolve",
    "table_title",
    "tables",
    "wilayah_list",
    "wilayah_name",
]

#: Indonesian titles of the tables, used when neither the schema nor ``datapackage.json`` gives one.
TABLE_TITLES: dict[str, str] = {
    "penduduk": "Data penduduk per orang",
    "keluarga": "Data keluarga (Kartu Keluarga)",
    "balita": "Hasil penimbangan dan pengukuran balita di posyandu",
    "mutasi": "Mutasi penduduk bulanan (lahir, mati, datang, pindah)",
    "penduduk_tahunan": "Jumlah penduduk per tahun",
    "sumber_banding": "Satu indikator dari beberapa sumber data",
    "penduduk_mentah": "Data penduduk mentah (belum dibersihkan)",
    "ampunku": "Perjalanan AMPUNKU (Antar Jemput Pasien Kandangan Utara)",
    "desa_kelurahan": "Desa dan kelurahan di Kecamatan Kandangan",
    "registrasi_kk": "Penduduk menurut Kartu Keluarga (registrasi)",
    "lansia_tahunan": "Penduduk lanjut usia per tahun dan angka di profil kelurahan",
    "stunting_umur": "Stunting balita menurut kelompok umur di dua kelurahan",
    "kode_wilayah": "Kode wilayah desa/kelurahan Kecamatan Kandangan (contoh)",
    "sekolah_wilayah": "Jumlah sekolah per desa/kelurahan",
}


def normalise_name(name: str) -> str:
    """A table or place name as the datasets spell it: lower case, ``_`` for spaces and dashes.

    Examples
    --------
    >>> normalise_name(" Kandangan-Utara ")
    'kandangan_utara'
    """
    return str(name).strip().lower().replace(" ", "_").replace("-", "_")


def wilayah_list() -> list[str]:
    """Names of every place with data: the places with a profile (:func:`cantik.data.profile.place_keys`:
    the built-in three, other synthetic places, imported real places), then the kecamatan folder.

    Examples
    --------
    >>> wilayah_list()[:3], wilayah_list()[-1]
    (['kandangan_utara', 'taluk_haur', 'gambah_luar'], 'kecamatan_kandangan')
    """
    return [*place_keys(), _schema.KECAMATAN]


#: Environment variable naming the place whose tables ``load(table)`` reads when no ``wilayah`` is given
#: (set by :func:`pakai_wilayah`, e.g. in the setup cell of a module built for another place).
WILAYAH_ENV = "CANTIK_WILAYAH"


def active_wilayah() -> str:
    """The place ``load(table)`` reads by default: ``$CANTIK_WILAYAH``, else ``schema.DEFAULT_WILAYAH``.

    Examples
    --------
    >>> active_wilayah()  # doctest: +SKIP
    'kandangan_utara'
    """
    return os.environ.get(WILAYAH_ENV) or _schema.DEFAULT_WILAYAH


def pakai_wilayah(wilayah: str) -> str:
    """Make ``wilayah`` the default place of :func:`load` (and of the checks) in this process and the
    processes it starts; returns the notice to show with its data (synthetic notice, or a real place's
    source and date).

    Raises
    ------
    DataNotFoundError
        If ``wilayah`` is not one of :func:`wilayah_list` (the message lists them).
    """
    key = _check_wilayah(wilayah)
    os.environ[WILAYAH_ENV] = key
    return load_profile(key).notice


#: The call of a module's setup cell that chooses its place (written by naskah/_umum.pembuka).
_PAKAI = re.compile(r'pakai_wilayah\("([a-z][a-z0-9_]*)"\)')


def notebook_place(cells: Iterable[Any]) -> str:
    """The place a notebook is graded against: the one its *locked* setup cell chooses with
    ``pakai_wilayah("…")``, else the default place. nbgrader restores locked cells from the master notebook
    before grading, so a learner cannot change it.

    Examples
    --------
    >>> sel = {"cell_type": "code", "source": 'print(pakai_wilayah("malinau"))',
    ...        "metadata": {"nbgrader": {"locked": True}}}
    >>> notebook_place([sel]), notebook_place([])
    ('malinau', 'kandangan_utara')
    """
    for cell in cells:
        meta = (cell.get("metadata") or {}).get("nbgrader") or {}
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        found = _PAKAI.search(source) if cell.get("cell_type") == "code" and meta.get("locked") else None
        if found:
            return found.group(1)
    return _schema.DEFAULT_WILAYAH


def use_notebook_place(nb: Any) -> str:
    """Make the place of notebook ``nb`` (:func:`notebook_place`) the active place of this process (the
    grader's, before it checks the notebook's answers); returns it."""
    place = notebook_place(nb["cells"])
    os.environ[WILAYAH_ENV] = place
    return place


def _wilayah_label(wilayah: str) -> str:
    if wilayah == _schema.KECAMATAN:
        return "Kecamatan Kandangan"
    return load_profile(wilayah).label


def _tables_of(wilayah: str) -> list[str]:
    return _schema.tables_of(wilayah) if wilayah == _schema.KECAMATAN else load_profile(wilayah).tables


def wilayah_name(wilayah: str) -> str:
    """Indonesian name of a place, e.g. ``"kandangan_utara"`` → ``"Kelurahan Kandangan Utara"``.

    Raises
    ------
    DataNotFoundError
        If ``wilayah`` is not one of :func:`wilayah_list`.
    """
    return _wilayah_label(_check_wilayah(wilayah))


def _all_tables() -> list[str]:
    names = list(_schema.WILAYAH_TABLES) + [t for t in _schema.ONLY_IN if t not in _schema.WILAYAH_TABLES]
    return names + [t for t in _schema.SCHEMAS if t not in names]


def _suggest(name: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return f" Mungkin maksud Anda '{close[0]}'?" if close else ""


def _check_wilayah(wilayah: str) -> str:
    key = normalise_name(wilayah)
    valid = wilayah_list()
    if key in valid:
        return key
    choices = ", ".join(f"'{w}' ({_wilayah_label(w)})" for w in valid)
    raise DataNotFoundError(f"Wilayah '{wilayah}' tidak ada.{_suggest(key, valid)} Pilihan: {choices}.")


def tables(wilayah: str | None = None) -> list[str]:
    """Names of the tables of ``wilayah``, or of every table in the contract when ``wilayah`` is None.

    Raises
    ------
    DataNotFoundError
        If ``wilayah`` is not one of :func:`wilayah_list`.

    Examples
    --------
    >>> tables("kecamatan_kandangan")
    ['desa_kelurahan', 'stunting_umur', 'kode_wilayah', 'sekolah_wilayah']
    >>> "ampunku" in tables("kandangan_utara"), "ampunku" in tables("taluk_haur")
    (True, False)
    """
    if wilayah is None:
        return _all_tables()
    return _tables_of(_check_wilayah(wilayah))


def resolve(table: str, wilayah: str | None = None) -> tuple[str, str]:
    """Check ``table`` and ``wilayah`` and return their canonical names ``(table, wilayah)``.

    ``wilayah=None`` means the table's own place for a one-place table (``desa_kelurahan``), else
    :func:`active_wilayah` (``schema.DEFAULT_WILAYAH`` unless :func:`pakai_wilayah` chose another place).

    Raises
    ------
    DataNotFoundError
        With an Indonesian message that lists the valid names and suggests the closest one.
    """
    key = normalise_name(table)
    all_tables = _all_tables()
    if key not in _schema.SCHEMAS:
        raise DataNotFoundError(
            f"Tabel '{table}' tidak ada.{_suggest(key, all_tables)} Pilihan: {', '.join(all_tables)}."
        )
    home = _schema.ONLY_IN.get(key)
    if wilayah is None:
        active = active_wilayah()
        if home is None or (home != _schema.KECAMATAN and active != _schema.DEFAULT_WILAYAH):
            wilayah = active  # an optional table (ampunku) is the active place's own, if it has one
        else:
            return key, home
    place = _check_wilayah(wilayah)
    if key not in _tables_of(place):
        if home is not None and key not in load_profile(place).optional_tables:
            raise DataNotFoundError(
                f"Tabel '{key}' hanya ada untuk {_wilayah_label(home)}: pakai wilayah='{home}' "
                f"(bukan '{place}')."
            )
        raise DataNotFoundError(
            f"Tabel '{key}' tidak ada untuk {_wilayah_label(place)}. "
            f"Pilihan untuk wilayah ini: {', '.join(_tables_of(place))}."
        )
    return key, place


def csv_path(table: str, wilayah: str | None = None) -> Path:
    """Path of the CSV file of ``table`` for ``wilayah`` (it may not exist yet)."""
    key, place = resolve(table, wilayah)
    return place_dir(place) / f"{key}.csv"


def _package_resource(folder: Path, table: str) -> dict[str, Any]:
    try:
        package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    for resource in package.get("resources", []):
        if isinstance(resource, dict) and resource.get("name") == table:
            return resource
    return {}


def table_title(table: str, wilayah: str | None = None) -> str:
    """Indonesian title of ``table``: the schema's, else ``TABLE_TITLES``, else ``datapackage.json``'s.

    Examples
    --------
    >>> table_title("penduduk")
    'Data penduduk per orang'
    """
    key, place = resolve(table, wilayah)
    title = _schema.SCHEMAS[key].get("title") or TABLE_TITLES.get(key)
    if not title:
        title = _package_resource(place_dir(place), key).get("title")
    return str(title or key)


def _where(values: pd.Series, mask: pd.Series) -> str:
    """'baris 2, 5 ("x", "y")': spreadsheet rows (header = row 1) of the first few offending values."""
    bad = values[mask]
    rows = ", ".join(str(int(i) + 2) for i in bad.index[:5])
    shown = ", ".join(repr(str(v)) for v in bad.iloc[:5])
    more = f" dan {len(bad) - 5} lainnya" if len(bad) > 5 else ""
    return f"baris {rows}{more} (isi: {shown})"


def _convert(raw: pd.Series, field: dict[str, Any], where: str) -> pd.Series:
    import pandas as pd

    name, ftype = field["name"], field.get("type", "string")
    constraints = field.get("constraints", {})
    present = raw.notna()

    def fail(what: str, mask: pd.Series) -> DataFormatError:
        return DataFormatError(
            f"{where}: kolom '{name}' berisi {what} di {_where(raw, mask)}. "
            f"Periksa berkas dengan: cantik data periksa <berkas> --tabel <tabel>."
        )

    if constraints.get("required") and not present.all():
        raise fail("sel kosong padahal wajib diisi", ~present)

    if ftype == "string":
        enum = constraints.get("enum")
        if not enum:
            return raw
        outside = present & ~raw.isin(enum)
        if outside.any():
            raise fail(f"nilai di luar pilihan ({', '.join(enum)})", outside)
        return raw.astype(pd.CategoricalDtype(categories=list(enum)))
    if ftype in ("integer", "number"):
        numbers = pd.to_numeric(raw, errors="coerce")
        bad = present & (numbers.isna() | ((numbers % 1 != 0) if ftype == "integer" else False))
        if bad.any():
            kind = "bilangan bulat" if ftype == "integer" else "angka"
            raise fail(f"isian yang bukan {kind}", bad)
        if ftype == "number":
            return numbers.astype("float64")
        return numbers.astype("int64" if constraints.get("required") else "Int64")
    if ftype in ("date", "yearmonth"):
        fmt = "%Y-%m" if ftype == "yearmonth" else "%Y-%m-%d"
        parsed = pd.to_datetime(raw, format=fmt, errors="coerce")
        bad = present & parsed.isna()
        if bad.any():
            example = "TTTT-BB, misalnya 2025-06"
            if ftype == "date":
                example = "TTTT-BB-HH, misalnya 2025-06-30"
            raise fail(f"tanggal yang tidak sah (seharusnya {example})", bad)
        return parsed
    if ftype == "boolean":
        mapped = raw.str.strip().str.lower().map({"true": True, "false": False, "1": True, "0": False})
        bad = present & mapped.isna()
        if bad.any():
            raise fail("isian yang bukan true/false", bad)
        return mapped.astype("boolean")
    return raw


def load(table: str, wilayah: str | None = None) -> pd.DataFrame:
    """Load one synthetic table as a DataFrame typed by the column contract.

    Parameters
    ----------
    table : str
        A name from :func:`tables`, e.g. ``"penduduk"``.
    wilayah : str, optional
        A name from :func:`wilayah_list`. Default: :func:`active_wilayah` (``"kandangan_utara"``), or the
        only place that has the table (``desa_kelurahan`` lives in ``"kecamatan_kandangan"``).

    Returns
    -------
    pandas.DataFrame
        Columns in contract order (columns the contract does not know follow as text). ``df.attrs``
        holds ``sumber`` (:data:`cantik.data.schema.SYNTHETIC_NOTICE`, or a real place's source and date:
        show it wherever the data is shown), ``sintetis`` (False for a real place), ``judul`` (Indonesian
        table title and place), ``tabel``, ``wilayah``, ``nama_wilayah``,
        ``keterangan`` (the table's description from ``datapackage.json``, or "") and ``judul_kolom``
        (column name → Indonesian title).

    Raises
    ------
    DataNotFoundError
        Unknown table or wilayah, or the CSV file has not been generated yet.
    DataFormatError
        The file breaks the contract (missing column, text in a number column, unknown category...).

    Examples
    --------
    >>> import cantik.data
    >>> df = cantik.data.load("penduduk")  # doctest: +SKIP
    >>> df["jenis_kelamin"].cat.categories.tolist()  # doctest: +SKIP
    ['L', 'P']
    >>> print(df.attrs["sumber"])  # doctest: +SKIP
    DATA SINTETIS untuk latihan Kelas Cantik: ...
    """
    import pandas as pd

    key, place = resolve(table, wilayah)
    path = place_dir(place) / f"{key}.csv"
    if not path.is_file():
        raise DataNotFoundError(
            f"Berkas data '{key}' untuk {_wilayah_label(place)} belum ada ({path}). "
            "Buat dataset sintetis dulu dengan perintah: cantik data buat"
        )
    where = f"Berkas {path.name} ({_wilayah_label(place)})"
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataFormatError(f"{where} tidak dapat dibaca sebagai CSV UTF-8: {exc}") from exc
    # Rows and untitled columns left empty by a spreadsheet (",,,,") are noise, as the validator warns.
    raw = raw.dropna(how="all")
    untitled = [c for c in raw.columns if str(c).startswith("Unnamed: ") and raw[c].isna().all()]
    raw = raw.drop(columns=untitled)

    fields = _schema.SCHEMAS[key]["fields"]
    missing = [f["name"] for f in fields if f["name"] not in raw.columns]
    if missing:
        raise DataFormatError(
            f"{where}: kolom {', '.join(repr(m) for m in missing)} tidak ada. Buat ulang dataset sintetis "
            "agar sesuai dengan daftar kolom terbaru: cantik data buat"
        )
    columns = {f["name"]: _convert(raw[f["name"]], f, where) for f in fields}
    known = set(columns)
    columns.update({c: raw[c] for c in raw.columns if c not in known})
    df = pd.DataFrame(columns, index=raw.index).reset_index(drop=True)

    title = table_title(key, place)
    description = _package_resource(path.parent, key).get("description") or ""
    profile = None if place == _schema.KECAMATAN else load_profile(place)
    unit = "RT" if profile is None else profile.unit
    df.attrs.update(
        {
            "sumber": _schema.SYNTHETIC_NOTICE if profile is None else profile.notice,
            "sintetis": profile is None or profile.synthetic,
            "judul": f"{title}, {_wilayah_label(place)}",
            "tabel": key,
            "wilayah": place,
            "nama_wilayah": _wilayah_label(place),
            "keterangan": str(description),
            # the place's own unit word: Malinau's `rt` is "Dusun", not "Rukun Tetangga (RT)"
            "judul_kolom": {f["name"]: unit_words(f.get("title", f["name"]), unit) for f in fields},
        }
    )
    return df
