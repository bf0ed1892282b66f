"""Tests for cantik.data.load, tables and wilayah_list on small CSV files in a temporary datasets folder."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import cantik.data
from cantik.data import DataFormatError, DataNotFoundError, load, tables, wilayah_list
from cantik.data import schema as S
from cantik.data.loader import _convert

FIXTURES = Path(__file__).parent / "fixtures" / "datasets"


@pytest.fixture
def datasets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture datasets, used through $CANTIK_DATASETS."""
    root = tmp_path / "datasets"
    shutil.copytree(FIXTURES, root)
    monkeypatch.setenv("CANTIK_DATASETS", str(root))
    return root


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_import_does_not_import_pandas() -> None:
    code = (
        "import sys, cantik.data; cantik.data.tables(); "
        "print(sorted(m for m in ('pandas', 'frictionless', 'matplotlib') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_penduduk_is_typed_by_the_schema(datasets: Path) -> None:
    df = load("penduduk")
    rows = _rows(datasets / "kandangan_utara" / "penduduk.csv")
    assert list(df.columns) == S.field_names("penduduk")
    assert len(df) == len(rows)
    for field in S.SCHEMAS["penduduk"]["fields"]:
        col = df[field["name"]]
        enum = field.get("constraints", {}).get("enum")
        if enum:
            assert isinstance(col.dtype, pd.CategoricalDtype), field["name"]
            assert col.cat.categories.tolist() == enum
        elif field["type"] == "integer":
            assert col.dtype == "int64", field["name"]
        elif field["type"] == "date":
            assert pd.api.types.is_datetime64_any_dtype(col), field["name"]
        else:
            assert pd.api.types.is_string_dtype(col), field["name"]
    assert df["umur"].tolist() == [int(r["umur"]) for r in rows]
    assert df["tanggal_lahir"].dt.strftime("%Y-%m-%d").tolist() == [r["tanggal_lahir"] for r in rows]
    assert df["nik"].tolist() == [r["nik"] for r in rows]
    # An empty optional enum cell is missing, not an empty category.
    expected_missing = [r["jenjang_sekolah"] == "" for r in rows]
    assert df["jenjang_sekolah"].isna().tolist() == expected_missing
    assert any(expected_missing) and not all(expected_missing)


def test_attrs_carry_synthetic_notice_and_title(datasets: Path) -> None:
    df = load("penduduk", wilayah="kandangan_utara")
    assert df.attrs["sumber"] == S.SYNTHETIC_NOTICE
    assert "SINTETIS" in df.attrs["sumber"]
    assert df.attrs["judul"].endswith("Kelurahan Kandangan Utara")
    assert df.attrs["judul"].startswith(cantik.data.table_title("penduduk"))
    assert df.attrs["judul_kolom"]["umur"] == "Umur (tahun)"
    assert df.attrs["tabel"] == "penduduk" and df.attrs["wilayah"] == "kandangan_utara"
    # the unit column's title in the place's own word (module 1 shows these titles as metadata)
    assert df.attrs["judul_kolom"]["rt"] == "Rukun Tetangga (RT)"


def test_datapackage_gives_description_and_fallback_title(
    datasets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (datasets / "kandangan_utara" / "datapackage.json").write_text(
        json.dumps({"resources": [{"name": "penduduk", "title": "Judul paket", "description": "Satu"}]}),
        encoding="utf-8",
    )
    df = load("penduduk")
    assert df.attrs["keterangan"] == "Satu"
    assert df.attrs["judul"].startswith(cantik.data.loader.TABLE_TITLES["penduduk"])
    monkeypatch.delitem(cantik.data.loader.TABLE_TITLES, "penduduk")
    assert load("penduduk").attrs["judul"].startswith("Judul paket")


def test_yearmonth_becomes_first_day_of_month(datasets: Path) -> None:
    df = load("mutasi")
    rows = _rows(datasets / "kandangan_utara" / "mutasi.csv")
    assert pd.api.types.is_datetime64_any_dtype(df["periode"])
    assert df["periode"].dt.strftime("%Y-%m").tolist() == [r["periode"] for r in rows]
    assert (df["periode"].dt.day == 1).all()
    assert df["jenis_mutasi"].cat.categories.tolist() == S.JENIS_MUTASI


def test_numbers_are_float(datasets: Path) -> None:
    df = load("balita")
    rows = _rows(datasets / "kandangan_utara" / "balita.csv")
    assert df["tinggi_cm"].dtype == "float64"
    assert df["tinggi_cm"].tolist() == [float(r["tinggi_cm"]) for r in rows]
    assert df["umur_bulan"].dtype == "int64"


def test_one_place_table_defaults_to_its_place(datasets: Path) -> None:
    df = load("desa_kelurahan")
    assert df.attrs["wilayah"] == S.KECAMATAN
    assert df["status"].cat.categories.tolist() == ["Desa", "Kelurahan"]
    assert df["luas_km2"].dtype == "float64"


def test_names_are_forgiving_about_case_and_spaces(datasets: Path) -> None:
    assert len(load(" Penduduk ", wilayah="Kandangan Utara")) == len(load("penduduk"))


def test_unknown_table_suggests_closest() -> None:
    with pytest.raises(DataNotFoundError) as err:
        load("pendudukk")
    msg = str(err.value)
    assert "Tabel 'pendudukk' tidak ada" in msg
    assert "Mungkin maksud Anda 'penduduk'?" in msg
    for name in tables():
        assert name in msg
    assert isinstance(err.value, ValueError)


def test_unknown_wilayah_lists_choices() -> None:
    with pytest.raises(DataNotFoundError) as err:
        load("penduduk", wilayah="kandangan_utra")
    msg = str(err.value)
    assert "Wilayah 'kandangan_utra' tidak ada" in msg
    assert "'kandangan_utara'?" in msg
    for name in wilayah_list():
        assert name in msg


@pytest.mark.parametrize(
    ("table", "wilayah", "home"),
    [("ampunku", "taluk_haur", "kandangan_utara"), ("desa_kelurahan", "kandangan_utara", S.KECAMATAN)],
)
def test_one_place_table_elsewhere_says_where(table: str, wilayah: str, home: str) -> None:
    with pytest.raises(DataNotFoundError, match=f"hanya ada untuk .*wilayah='{home}'"):
        load(table, wilayah=wilayah)


def test_missing_file_says_generate(datasets: Path) -> None:
    with pytest.raises(DataNotFoundError, match=r"belum ada.*cantik data buat"):
        load("keluarga")


def test_tables_and_wilayah_follow_schema() -> None:
    assert set(tables()) == set(S.SCHEMAS)
    assert tables("kandangan_utara") == S.tables_of("kandangan_utara")
    assert "ampunku" not in tables("gambah_luar")
    assert wilayah_list()[:3] == list(S.WILAYAH) and wilayah_list()[-1] == S.KECAMATAN
    with pytest.raises(DataNotFoundError):
        tables("atlantis")


def test_no_stale_cache(datasets: Path) -> None:
    path = datasets / "kandangan_utara" / "penduduk.csv"
    before = len(load("penduduk"))
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    assert len(load("penduduk")) == before - 1


def test_spreadsheet_leftovers_are_dropped(datasets: Path) -> None:
    path = datasets / "kandangan_utara" / "penduduk.csv"
    clean = load("penduduk")
    lines = path.read_text(encoding="utf-8").splitlines()
    width = len(S.field_names("penduduk"))
    lines = [lines[0] + ",", *(x + "," for x in lines[1:3]), "," * width, *(x + "," for x in lines[3:])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    df = load("penduduk")
    assert list(df.columns) == list(clean.columns)
    assert df.equals(clean)


def _replace_cell(path: Path, row: int, column: str, value: str) -> None:
    rows = _rows(path)
    rows[row][column] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_text_in_integer_column_names_row_and_value(datasets: Path) -> None:
    _replace_cell(datasets / "kandangan_utara" / "penduduk.csv", 2, "umur", "dua belas")
    with pytest.raises(DataFormatError) as err:
        load("penduduk")
    msg = str(err.value)
    assert "'umur'" in msg and "baris 4" in msg and "'dua belas'" in msg and "bilangan bulat" in msg


def test_value_outside_enum_is_not_silently_dropped(datasets: Path) -> None:
    _replace_cell(datasets / "kandangan_utara" / "penduduk.csv", 0, "jenis_kelamin", "Laki-laki")
    with pytest.raises(DataFormatError, match=r"jenis_kelamin.*L, P.*baris 2"):
        load("penduduk")


def test_missing_contract_column(datasets: Path) -> None:
    path = datasets / "kandangan_utara" / "mutasi.csv"
    rows = _rows(path)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=[c for c in rows[0] if c != "jumlah"], extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(DataFormatError, match="kolom 'jumlah' tidak ada"):
        load("mutasi")


def test_optional_integer_is_nullable() -> None:
    raw = pd.Series(["3", None, "5"], dtype="str")
    out = _convert(raw, {"name": "x", "type": "integer"}, "uji")
    assert out.dtype == "Int64"
    assert out.isna().tolist() == [False, True, False]
    with pytest.raises(DataFormatError, match="wajib diisi"):
        _convert(raw, {"name": "x", "type": "integer", "constraints": {"required": True}}, "uji")


def test_real_penduduk_if_generated(monkeypatch: pytest.MonkeyPatch) -> None:
    """The generated dataset (when present) satisfies the loader's contract checks."""
    monkeypatch.delenv("CANTIK_DATASETS", raising=False)
    path = cantik.data.csv_path("penduduk")
    if not path.is_file():
        pytest.skip("datasets/ has not been generated yet")
    df = load("penduduk")
    assert len(df) > 1000
    assert df["nik"].is_unique
    assert df.attrs["sumber"] == S.SYNTHETIC_NOTICE
