"""`cantik data impor`: a folder of Excel files with a mapping workbook builds a real place; malformed files
get Indonesian messages naming the file and column, and every input file keeps its bytes."""

from __future__ import annotations

import csv
import hashlib
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from cantik.cli import main
from cantik.data import load
from cantik.data.mapping import write_template
from cantik.paths import project_root

SOURCE = project_root() / "datasets" / "gambah_luar"
#: The village's own column titles for penduduk and keluarga (the mapping names them).
PENDUDUK_TITLES = {"nik": "NIK", "no_kk": "No. KK", "rt": "RT", "jenis_kelamin": "L/P",
                   "tanggal_lahir": "Tgl Lahir", "umur": "Usia", "status_perkawinan": "Status Kawin",
                   "hubungan_keluarga": "Hubungan", "pendidikan_tertinggi": "Pendidikan",
                   "status_sekolah": "Sekolah", "jenjang_sekolah": "Jenjang", "pekerjaan": "Pekerjaan"}
KELUARGA_TITLES = {"no_kk": "Nomor KK", "rt": "RT", "jumlah_anggota": "Anggota",
                   "pengeluaran_per_kapita": "Pengeluaran/kapita"}


def _rows(table: str) -> list[dict[str, str]]:
    with open(SOURCE / f"{table}.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _typed(name: str, value: str) -> object:
    """A cell as a village's spreadsheet holds it: dates as dates, numbers as numbers."""
    if value == "":
        return None
    if name == "tanggal_lahir":
        return date.fromisoformat(value)
    if name in ("rt", "umur", "jumlah_anggota", "pengeluaran_per_kapita"):
        return int(value)
    return value


def _sheet(wb: Workbook, title: str, table: str, titles: dict[str, str]) -> None:
    ws = wb.create_sheet(title)
    ws.append(["Catatan", *titles.values()])  # a column the mapping leaves out
    for r in _rows(table):
        ws.append(["-"] + [_typed(c, r[c]) for c in titles])


def _fill_mapping(path: Path, sheet_of: dict[str, tuple[str, str, dict[str, str]]]) -> None:
    wb = load_workbook(path)
    values = {"nama": "Contoh Makmur", "jenis": "desa", "kecamatan": "Kandangan",
              "kabupaten": "Hulu Sungai Selatan", "provinsi": "Kalimantan Selatan", "satuan": "RT",
              "sumber_data": "Data kependudukan Pemerintah Desa Contoh Makmur (uji)",
              "tanggal_data": "2026-01-31"}
    for row in wb["wilayah"].iter_rows(min_row=2):
        if row[0].value in values:
            row[1].value = values[row[0].value]
    for row in wb["kolom"].iter_rows(min_row=2):
        table, column = row[0].value, row[1].value
        if table in sheet_of and column in sheet_of[table][2]:
            row[3].value, row[4].value, row[5].value = sheet_of[table][0], sheet_of[table][1], \
                sheet_of[table][2][column]
    wb.save(path)


@pytest.fixture(scope="module")
def village_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A trainer's folder: one workbook with two sheets, a contract-named CSV, a filled mapping."""
    folder = tmp_path_factory.mktemp("asli") / "berkas_desa"
    folder.mkdir()
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Penduduk", "penduduk", PENDUDUK_TITLES)
    _sheet(wb, "KK", "keluarga", KELUARGA_TITLES)
    wb.save(folder / "data_warga.xlsx")
    (folder / "balita.csv").write_bytes((SOURCE / "balita.csv").read_bytes())
    write_template(folder / "pemetaan.xlsx")
    _fill_mapping(folder / "pemetaan.xlsx", {"penduduk": ("data_warga.xlsx", "Penduduk", PENDUDUK_TITLES),
                                             "keluarga": ("data_warga.xlsx", "KK", KELUARGA_TITLES)})
    return folder


@pytest.fixture
def village(village_files: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the trainer's folder; real data go to a temporary folder."""
    monkeypatch.setenv("CANTIK_DATA_NYATA", str(tmp_path / "nyata"))
    return Path(shutil.copytree(village_files, tmp_path / "berkas_desa"))


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["data", "impor", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_excel_files_with_a_mapping_build_a_real_place(village: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    before = _hashes(village)
    code, out = _run(capsys, str(village), "--wilayah", "contoh_makmur")
    assert code == 0, out
    assert _hashes(village) == before
    assert "TIDAK masuk git" in out and "tidak diubah" in out
    # what to do next with the place: its course and its apps
    assert "cantik kursus bangun --wilayah contoh_makmur" in out and "?wilayah=contoh_makmur" in out
    written = tmp_path / "nyata" / "contoh_makmur"
    assert sorted(p.name for p in written.iterdir()) == [
        "balita.csv", "datapackage.json", "keluarga.csv", "penduduk.csv", "wilayah.json"]
    penduduk = load("penduduk", wilayah="contoh_makmur")
    assert len(penduduk) == len(_rows("penduduk"))
    original = load("penduduk", wilayah="gambah_luar")
    assert penduduk.drop(columns=[]).equals(original)  # same values and types through Excel and back
    assert penduduk.attrs["sintetis"] is False
    assert "Data kependudukan Pemerintah Desa Contoh Makmur (uji)" in penduduk.attrs["sumber"]
    assert "SINTETIS" not in penduduk.attrs["sumber"]
    assert penduduk.attrs["nama_wilayah"] == "Desa Contoh Makmur"
    keluarga = load("keluarga", wilayah="contoh_makmur")
    assert keluarga["luas_lantai_m2"].isna().all()  # optional columns the village does not have stay empty
    assert (keluarga["pengeluaran_per_kapita"] == load("keluarga", wilayah="gambah_luar")
            ["pengeluaran_per_kapita"]).all()
    from cantik.data.profile import load_profile

    assert main(["data", "tabel", "--wilayah", "contoh_makmur"]) == 0
    listing = capsys.readouterr().out
    assert "DATA NYATA, bukan sintetis. Data Desa Contoh Makmur: Data kependudukan" in listing
    assert "ampunku" not in listing and "mutasi" not in listing
    profile = load_profile("contoh_makmur")
    assert profile.synthetic is False and profile.units == 6  # counted from penduduk's rt column
    assert profile.tables == ["penduduk", "keluarga", "balita"]


def test_the_real_data_folder_is_ignored_by_git() -> None:
    root = project_root()
    ignored = subprocess.run(["git", "-C", str(root), "check-ignore", "-q", "data_nyata/desa/penduduk.csv"],
                             check=False)
    assert ignored.returncode == 0


def _break_umur(folder: Path) -> str:
    wb = load_workbook(folder / "data_warga.xlsx")
    wb["Penduduk"]["G5"] = "dua belas"  # column G = Usia (A is the village's own note column)
    wb.save(folder / "data_warga.xlsx")
    return "data_warga.xlsx, lembar Penduduk: Baris 5, kolom G 'Usia' (umur)"


def _empty_sheet(folder: Path) -> str:
    wb = load_workbook(folder / "data_warga.xlsx")
    del wb["KK"]
    wb.create_sheet("KK")
    wb.save(folder / "data_warga.xlsx")
    return "data_warga.xlsx, lembar KK kosong"


def _not_excel(folder: Path) -> str:
    (folder / "data_warga.xlsx").write_text("NIK;No KK\nGL-P00001;GL-K0001\n", encoding="utf-8")
    return "Berkas data_warga.xlsx bukan buku kerja Excel (.xlsx) yang bisa dibaca"


def _mapping_names_missing_column(folder: Path) -> str:
    _fill_mapping(folder / "pemetaan.xlsx",
                  {"penduduk": ("data_warga.xlsx", "Penduduk", {"umur": "Umur Warga"})})
    return "kolom 'Umur Warga' (untuk umur) yang disebut pemetaan tidak ada di baris 1"


def _wrong_columns(folder: Path) -> str:
    with open(folder / "balita.csv", encoding="utf-8") as fh:
        text = fh.read()
    (folder / "balita.csv").write_text(text.replace("tinggi_cm", "tinggi", 1), encoding="utf-8")
    return "balita.csv: Baris 1: kolom 'tinggi_cm'"


def _no_keluarga(folder: Path) -> str:
    wb = load_workbook(folder / "pemetaan.xlsx")
    for row in wb["kolom"].iter_rows(min_row=2):
        if row[0].value == "keluarga":
            row[5].value = None
    wb.save(folder / "pemetaan.xlsx")
    return "Tabel 'keluarga' wajib ada"


@pytest.mark.parametrize("breaks", [_break_umur, _empty_sheet, _not_excel, _mapping_names_missing_column,
                                    _wrong_columns, _no_keluarga])
def test_malformed_files_get_indonesian_messages_and_stay_untouched(
        village: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], breaks) -> None:
    expected = breaks(village)
    before = _hashes(village)
    code, out = _run(capsys, str(village), "--wilayah", "contoh_makmur")
    assert code == 1, out
    assert expected in out, out
    assert "BELUM diimpor" in out and "tidak diubah" in out
    assert _hashes(village) == before
    nyata = tmp_path / "nyata"
    assert not nyata.exists() or list(nyata.iterdir()) == []


def test_a_synthetic_place_name_is_refused(village: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(capsys, str(village), "--wilayah", "gambah_luar")
    assert code == 1 and "sudah dipakai wilayah sintetis" in out


def test_the_template_lists_every_contract_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "pemetaan.xlsx"
    assert main(["data", "templat", str(path)]) == 0
    wb = load_workbook(path)
    assert wb.sheetnames == ["petunjuk", "wilayah", "kolom"]
    rows = list(wb["kolom"].iter_rows(min_row=2, values_only=True))
    assert ("penduduk", "umur") in {(r[0], r[1]) for r in rows}
    assert "penduduk_mentah" not in {r[0] for r in rows}
    before = path.read_bytes()
    assert main(["data", "templat", str(path)]) == 2  # never overwrites
    assert path.read_bytes() == before
    assert "tidak ditimpa" in capsys.readouterr().err
