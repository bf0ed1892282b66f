"""datapackage.json of every dataset folder: Frictionless-valid, keys enforced, synthetic, sourced."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cantik.data import schema
from cantik.data.calibration import SOURCES
from cantik.data.metadata import INDICATORS
from cantik.data.package import descriptor, validate
from cantik.data.profile import load_profile, unit_words
from cantik.paths import project_root

DATASETS = project_root() / "datasets"
FOLDERS = [*schema.WILAYAH, "malinau", schema.KECAMATAN]
SIRUSA = ["kode", "nama", "konsep", "definisi", "metode_perhitungan", "rumus", "satuan", "skala",
          "interpretasi", "disagregasi", "periodisasi", "sumber_data", "catatan"]


@pytest.mark.parametrize("folder", FOLDERS)
def test_committed_package_is_valid_with_frictionless(folder: str) -> None:
    assert validate(DATASETS / folder) == []


@pytest.mark.parametrize("folder", FOLDERS)
def test_descriptor_follows_the_schema_contract(folder: str) -> None:
    desc = json.loads((DATASETS / folder / "datapackage.json").read_text(encoding="utf-8"))
    assert desc == descriptor(folder)
    assert [r["name"] for r in desc["resources"]] == schema.tables_of(folder)
    unit = load_profile(folder).unit if folder != schema.KECAMATAN else "RT"
    for res in desc["resources"]:
        # the column contract of every place; only the titles say the place's unit ("Dusun" for rt)
        expected = json.loads(unit_words(json.dumps(schema.SCHEMAS[res["name"]], ensure_ascii=False), unit))
        assert res["schema"] == expected
        assert schema.SYNTHETIC_NOTICE in res["description"]
        assert res["path"] == f"{res['name']}.csv"
        assert (DATASETS / folder / res["path"]).is_file()
    assert schema.SYNTHETIC_NOTICE in desc["description"]
    titles = [s["title"] for s in desc["sources"]]
    if folder in schema.WILAYAH or folder == schema.KECAMATAN:
        assert titles == [s["title"] for s in SOURCES.values()]
    else:  # a place generated from its own figures: one source per figure
        profile = json.loads((DATASETS / folder / "wilayah.json").read_text(encoding="utf-8"))
        assert len(titles) == len(profile["angka_kalibrasi"])


def _copy(folder: str, tmp_path: Path) -> Path:
    dst = tmp_path / folder
    shutil.copytree(DATASETS / folder, dst)
    return dst


def _edit_csv(path: Path, line: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line]
    lines[line] = lines[line].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def test_validation_catches_a_broken_foreign_key(tmp_path: Path) -> None:
    d = _copy("gambah_luar", tmp_path)
    first = (d / "penduduk.csv").read_text(encoding="utf-8").split("\n")[1]
    no_kk = first.split(",")[1]
    _edit_csv(d / "penduduk.csv", 1, no_kk, "GL-K9999")
    errors = validate(d)
    assert any("foreign-key" in e for e in errors), errors
    assert all(e.startswith("penduduk") for e in errors)


def test_validation_catches_a_duplicate_primary_key_and_a_bad_enum(tmp_path: Path) -> None:
    d = _copy("gambah_luar", tmp_path)
    lines = (d / "keluarga.csv").read_text(encoding="utf-8").split("\n")
    second_kk = lines[2].split(",")[0]
    _edit_csv(d / "keluarga.csv", 1, lines[1].split(",")[0], second_kk)
    sex = (d / "balita.csv").read_text(encoding="utf-8").split("\n")[1].split(",")[2]
    _edit_csv(d / "balita.csv", 1, f",{sex},", f",{sex.lower()}k,")
    errors = validate(d)
    assert any(e.startswith("keluarga") and "primary-key" in e for e in errors), errors
    assert any(e.startswith("balita") and "constraint" in e for e in errors), errors


def test_indicator_metadata_is_complete() -> None:
    data = json.loads((DATASETS / "metadata_indikator.json").read_text(encoding="utf-8"))
    assert schema.SYNTHETIC_NOTICE in data["catatan"]
    assert data["indikator"] == INDICATORS
    codes = {i["kode"] for i in data["indikator"]}
    assert {"rasio_jenis_kelamin", "rasio_ketergantungan", "kepadatan_penduduk", "laju_pertumbuhan_penduduk",
            "median_umur", "aps", "apk", "apm", "garis_kemiskinan", "p0", "p1", "p2", "prevalensi_stunting",
            "indeks_whipple"} <= codes
    for ind in data["indikator"]:
        assert list(ind) == SIRUSA
        assert all(isinstance(v, str) and v.strip() for v in ind.values()), ind["kode"]


def test_variable_metadata_covers_every_column() -> None:
    data = json.loads((DATASETS / "metadata_variabel.json").read_text(encoding="utf-8"))
    pairs = {(v["tabel"], v["nama_variabel"]) for v in data["variabel"]}
    expected = {(t, f) for t in schema.SCHEMAS for f in schema.field_names(t)}
    assert pairs == expected
