"""Tests for cantik.data.validate and the ``cantik data validate`` / ``tables`` commands.

Each malformed fixture in ``fixtures/validate/`` carries one kind of defect; the tests check that exactly
that defect is reported, at the spreadsheet row and column a person sees, with an Indonesian message that
says what to do, and that the file is left byte-for-byte unchanged.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import cantik.cli
from cantik.data import DataNotFoundError, csv_path
from cantik.data import schema as S
from cantik.data.validate import Problem, has_errors, validate_csv, validate_report

HERE = Path(__file__).parent
BAD = HERE / "fixtures" / "validate"
GOOD = HERE / "fixtures" / "datasets" / "kandangan_utara"
MODULE = "cantik.data.validate_commands"


def _digest(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def _errors(problems: list[Problem]) -> list[tuple[str, int | None, str | None]]:
    return [(p.kind, p.row, p.column) for p in problems if p.is_error]


def _write(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def _good_rows(table: str = "penduduk") -> list[list[str]]:
    with (GOOD / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


# (fixture, table, expected errors as (kind, row, column), substrings every message of that kind contains)
CASES = [
    ("penduduk_semicolon.csv", "penduduk", [("delimiter", 1, None)],
     ["titik koma (;)", "yang diharapkan koma (,)", "CSV UTF-8"]),
    ("penduduk_tab.csv", "penduduk", [("delimiter", 1, None)], ["adalah tab", "koma (,)"]),
    ("penduduk_missing_column.csv", "penduduk", [("missing-column", 1, "umur")],
     ["kolom 'umur'", "tidak ada", "Tambahkan kolom"]),
    ("penduduk_text_in_number.csv", "penduduk", [("type", 4, "umur")],
     ["Baris 4, kolom F 'umur'", "'dua belas'", "bilangan bulat"]),
    ("penduduk_bad_dates.csv", "penduduk", [("date", 2, "tanggal_lahir"), ("date", 3, "tanggal_lahir")],
     ["kolom E 'tanggal_lahir'"]),
    ("balita_windows1252.csv", "balita", [("encoding", 3, "posyandu")],
     ["Baris 3, kolom I 'posyandu'", "tidak tersimpan sebagai UTF-8", "Windows-1252", "CSV UTF-8"]),
    ("penduduk_enum.csv", "penduduk",
     [("enum", 2, "jenis_kelamin"), ("enum", 3, "status_perkawinan"), ("enum", 4, "pekerjaan")],
     ["tidak termasuk pilihan", "Pilihan yang sah:"]),
    ("penduduk_out_of_range.csv", "penduduk", [("range", 5, "umur")],
     ["Baris 5, kolom F 'umur'", "nilai 150", "antara 0 dan 110"]),
    ("penduduk_duplicate_nik.csv", "penduduk", [("duplicate-key", 7, "nik")],
     ["Baris 7, kolom A 'nik'", "'KU-P00002'", "sudah dipakai di baris 3"]),
    ("penduduk_missing_required.csv", "penduduk", [("required", 3, "rt")],
     ["Baris 3, kolom C 'rt' kosong", "wajib diisi"]),
    ("penduduk_empty.csv", "penduduk", [("empty-file", None, None)], ["kosong"]),
    ("penduduk_excel.csv", "penduduk", [("not-csv", None, None)],
     ["bukan berkas CSV", "Excel (.xlsx)", "CSV UTF-8"]),
    ("penduduk_gambar.csv", "penduduk", [("not-csv", None, None)], ["bukan berkas CSV", "gambar"]),
]


@pytest.mark.parametrize(("fixture", "table", "expected", "phrases"), CASES, ids=[c[0] for c in CASES])
def test_each_defect_is_reported_precisely(
    fixture: str, table: str, expected: list[tuple], phrases: list[str]
) -> None:
    path = BAD / fixture
    before = _digest(path)
    problems = validate_csv(path, table)
    assert _errors(problems) == expected
    kinds = {kind for kind, _, _ in expected}
    for problem in problems:
        if problem.kind in kinds:
            for phrase in phrases:
                assert phrase in problem.message, (phrase, problem.message)
    assert _digest(path) == before, "the validator must never modify the file"


def test_bad_date_messages_ask_for_iso_format() -> None:
    by_row = {p.row: p.message for p in validate_csv(BAD / "penduduk_bad_dates.csv", "penduduk")}
    assert "'2025-02-30' tidak ada di kalender" in by_row[2]
    assert "'30/06/2025' tidak sesuai format" in by_row[3]
    assert "TTTT-BB-HH (YYYY-MM-DD" in by_row[3] and "misalnya 2025-06-30" in by_row[3]


def test_enum_messages_list_values_and_suggest() -> None:
    by_row = {p.row: p.message for p in validate_csv(BAD / "penduduk_enum.csv", "penduduk")}
    assert "Pilihan yang sah: 'L', 'P'." in by_row[2] and "tulis 'L'" in by_row[2]
    assert "Tulis persis 'Kawin'" in by_row[3]
    for job in S.PEKERJAAN:
        assert f"'{job}'" in by_row[4]


def test_delimiter_problem_does_not_hide_other_problems(tmp_path: Path) -> None:
    rows = _good_rows()
    rows[2][rows[0].index("umur")] = "150"
    path = _write(tmp_path / "titik_koma.csv", rows, delimiter=";")
    assert _errors(validate_csv(path, "penduduk")) == [("delimiter", 1, None), ("range", 3, "umur")]


def test_utf16_tab_file_from_unicode_text(tmp_path: Path) -> None:
    buf = io.StringIO()
    csv.writer(buf, delimiter="\t", lineterminator="\r\n").writerows(_good_rows())
    path = tmp_path / "unicode.csv"
    path.write_bytes(buf.getvalue().encode("utf-16"))
    problems = validate_csv(path, "penduduk")
    assert _errors(problems) == [("encoding", None, None), ("delimiter", 1, None)]
    assert "UTF-16" in problems[0].message and "bukan UTF-8" in problems[0].message
    assert "adalah tab" in problems[1].message and "Text (Tab delimited)" in problems[1].message


def test_rows_count_records_not_lines(tmp_path: Path) -> None:
    """A cell with a line break stays one spreadsheet row, so later row numbers match what Excel shows."""
    rows = _good_rows("balita")
    rows[1][rows[0].index("posyandu")] = "Posyandu\nMelati"
    rows[2][rows[0].index("umur_bulan")] = "99"
    problems = validate_csv(_write(tmp_path / "b.csv", rows), "balita")
    assert _errors(problems) == [("range", 3, "umur_bulan")]


def test_extra_column_is_a_warning_only() -> None:
    problems = validate_csv(BAD / "penduduk_extra_column.csv", "penduduk")
    assert [(p.kind, p.severity, p.row, p.column) for p in problems] == [
        ("extra-column", "warning", 1, "catatan")
    ]
    assert "kolom M 'catatan'" in problems[0].message and "tidak dikenal" in problems[0].message
    assert not has_errors(problems)


def test_clean_file_has_no_problems() -> None:
    result = validate_report(GOOD / "penduduk.csv", "penduduk")
    assert result.problems == [] and result.ok
    assert result.rows == len(_good_rows()) - 1
    assert result.columns == len(S.field_names("penduduk"))


def test_utf8_bom_from_excel_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (GOOD / "penduduk.csv").read_bytes())
    assert validate_csv(path, "penduduk") == []


def test_header_only_has_no_data(tmp_path: Path) -> None:
    path = _write(tmp_path / "judul.csv", _good_rows()[:1])
    assert _errors(validate_csv(path, "penduduk")) == [("no-data", None, None)]


def test_misspelt_header_is_named(tmp_path: Path) -> None:
    rows = _good_rows()
    rows[0][rows[0].index("umur")] = "Umur "
    rows[0][rows[0].index("jenis_kelamin")] = "Jenis kelamin"
    problems = validate_csv(_write(tmp_path / "judul.csv", rows), "penduduk")
    assert _errors(problems) == [("column-name", 1, "jenis_kelamin"), ("column-name", 1, "umur")]
    assert "harus ditulis persis 'umur'" in problems[1].message


def test_duplicate_composite_key(tmp_path: Path) -> None:
    rows = _good_rows("mutasi")
    path = _write(tmp_path / "mutasi.csv", [*rows, rows[1]])
    problems = validate_csv(path, "mutasi")
    assert _errors(problems) == [("duplicate-key", len(rows) + 1, None)]
    assert "sama dengan baris 2" in problems[0].message and "periode" in problems[0].message


def test_short_and_long_rows(tmp_path: Path) -> None:
    rows = _good_rows()
    rows[1] = rows[1][:-2]
    rows[2] = [*rows[2], "lebih"]
    problems = validate_csv(_write(tmp_path / "baris.csv", rows), "penduduk")
    assert _errors(problems) == [("missing-cell", 2, "jenjang_sekolah"), ("extra-cell", 3, None)]
    assert "K 'jenjang_sekolah', L 'pekerjaan'" in problems[0].message
    assert "'lebih'" in problems[1].message


def test_decimal_comma_and_month_first_date(tmp_path: Path) -> None:
    rows = _good_rows("balita")
    rows[1][rows[0].index("tinggi_cm")] = "84,5"
    rows[2][rows[0].index("tanggal_ukur")] = "6/15/2025"
    by_row = {p.row: p.message for p in validate_csv(_write(tmp_path / "b.csv", rows), "balita")}
    assert "Pakai titik sebagai pemisah desimal: 84.5" in by_row[2]
    assert "misalnya 2025-06-15" in by_row[3]


def test_cross_column_rules(tmp_path: Path) -> None:
    tahunan = _write(tmp_path / "tahunan.csv", [
        S.field_names("penduduk_tahunan"), ["2024", "7300", "3650", "3650"], ["2025", "7400", "3700", "3650"],
    ])
    problems = validate_csv(tahunan, "penduduk_tahunan")
    assert _errors(problems) == [("sum", 3, None)]
    assert "(7400) tidak sama dengan laki_laki + perempuan (3700 + 3650)" in problems[0].message

    rows = _good_rows("balita")
    col = rows[0].index
    rows[1][col("tanggal_ukur")], rows[1][col("tanggal_lahir")] = rows[1][col("tanggal_lahir")], "2025-07-01"
    rows[2][col("umur_bulan")] = str(int(rows[2][col("umur_bulan")]) + 5)
    problems = validate_csv(_write(tmp_path / "balita.csv", rows), "balita")
    assert [(p.kind, p.severity, p.row) for p in problems] == [
        ("date-order", "error", 2), ("consistency", "warning", 3)
    ]
    assert "lebih awal daripada tanggal_lahir (2025-07-01)" in problems[0].message

    rows = _good_rows()
    jenjang, status = rows[0].index("jenjang_sekolah"), rows[0].index("status_sekolah")
    assert rows[1][status] != "Masih sekolah"
    rows[1][jenjang] = "SD/sederajat"
    problems = validate_csv(_write(tmp_path / "p.csv", rows), "penduduk")
    assert [(p.kind, p.severity, p.row) for p in problems] == [("consistency", "warning", 2)]
    assert "jenjang_sekolah terisi ('SD/sederajat')" in problems[0].message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert [p.kind for p in validate_csv(tmp_path / "tidak_ada.csv", "penduduk")] == ["file-not-found"]
    assert [p.kind for p in validate_csv(tmp_path, "penduduk")] == ["not-a-file"]


def test_unknown_table_lists_names() -> None:
    with pytest.raises(DataNotFoundError) as err:
        validate_csv(GOOD / "penduduk.csv", "pendudukk")
    assert "Mungkin maksud Anda 'penduduk'?" in str(err.value)
    for name in S.SCHEMAS:
        assert name in str(err.value)


def test_generated_dirty_table_defects_are_all_found() -> None:
    """Every defect planted in penduduk_mentah (listed in penduduk_mentah_cacat.json) is found."""
    path = csv_path("penduduk_mentah")
    manifest = path.with_name("penduduk_mentah_cacat.json")
    if not manifest.is_file():
        pytest.skip("datasets/ has not been generated yet")
    planted = json.loads(manifest.read_text(encoding="utf-8"))
    with path.open(encoding="utf-8", newline="") as fh:
        niks = {row_number: row["nik"] for row_number, row in enumerate(csv.DictReader(fh), start=2)}
    problems = validate_csv(path, "penduduk")
    flagged: dict[str, set[str]] = {}
    for p in problems:
        if p.row in niks:
            flagged.setdefault(p.kind, set()).add(niks[p.row])
    expect = {
        "duplikat_persis": "duplicate-key",
        "ejaan_jenis_kelamin": "enum",
        "ejaan_status_perkawinan": "enum",
        "tanggal_tidak_ada": "date",
        "umur_150": "range",
        "umur_negatif": "range",
    }
    for defect, kind in expect.items():
        missed = set(planted[defect]["nik"]) - flagged.get(kind, set())
        assert not missed, (defect, sorted(missed)[:5])
    required = sum(p.kind == "required" for p in problems)
    assert required == planted["nilai_kosong"]["jumlah"]


# ----------------------------------------------------------------------------------------------- the CLI


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run ``cantik`` in-process with this module registered under ``data`` (as the integrator lists it)."""
    groups = [(name, text, list(mods)) for name, text, mods in cantik.cli.GROUPS]
    for name, _text, mods in groups:
        if name == "data" and MODULE not in mods:
            mods.append(MODULE)
    monkeypatch.setattr(cantik.cli, "GROUPS", groups)

    def run(*argv: str) -> tuple[int, str, str]:
        code = cantik.cli.main(list(argv))
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def test_cli_clean_file_exit_0(cli) -> None:
    code, out, _ = cli("data", "validate", str(GOOD / "penduduk.csv"), "--table", "penduduk")
    assert code == 0
    assert f"Berkas sesuai dengan tabel 'penduduk': {len(_good_rows()) - 1} baris data" in out
    assert "GALAT" not in out


def test_cli_errors_exit_1(cli) -> None:
    code, out, _ = cli("data", "validate", str(BAD / "penduduk_out_of_range.csv"), "--tabel", "penduduk")
    assert code == 1
    assert "GALAT  Baris 5, kolom F 'umur': nilai 150" in out
    assert "Berkas BELUM sesuai" in out


def test_cli_warning_only_exit_0(cli) -> None:
    code, out, _ = cli("data", "validate", str(BAD / "penduduk_extra_column.csv"), "--table", "penduduk")
    assert code == 0
    assert "PERINGATAN" in out and "1 peringatan" in out


def test_cli_caps_messages_on_large_files(cli, tmp_path: Path) -> None:
    rows = _good_rows()
    template = rows[1]
    col = rows[0].index("umur")
    body = []
    for i in range(300):
        row = list(template)
        row[0] = f"KU-P{i:05d}"
        row[col] = "abc" if i % 2 else "200"
        body.append(row)
    path = _write(tmp_path / "besar.csv", [rows[0], *body])
    code, out, _ = cli("data", "validate", str(path), "--table", "penduduk")
    assert code == 1
    assert out.count("GALAT  ") == 50
    assert "... dan 250 pesan lain tidak ditampilkan" in out
    assert "Ringkasan: 300 galat" in out and "umur 300" in out
    code, out, _ = cli("data", "validate", str(path), "--table", "penduduk", "--semua")
    assert out.count("GALAT  ") == 300


def test_cli_unknown_table_exit_2(cli) -> None:
    code, _, err = cli("data", "validate", str(GOOD / "penduduk.csv"), "--table", "pendudukk")
    assert code == 2
    assert "Tabel 'pendudukk' tidak ada" in err and "desa_kelurahan" in err


def test_cli_tables_lists_places_and_notice(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "datasets"
    shutil.copytree(HERE / "fixtures" / "datasets", root)
    monkeypatch.setenv("CANTIK_DATASETS", str(root))
    code, out, _ = cli("data", "tables", "--wilayah", "kandangan_utara")
    assert code == 0
    assert S.SYNTHETIC_NOTICE in out
    assert f"[{len(_good_rows()) - 1} baris]" in out and "belum dibuat" in out
    assert "ampunku" in out
    code, _, err = cli("data", "tables", "--wilayah", "atlantis")
    assert code == 2 and "Wilayah 'atlantis' tidak ada" in err


def test_command_module_imports_nothing_heavy() -> None:
    code = (
        "import sys, argparse, cantik.data.validate_commands as m; "
        "p = argparse.ArgumentParser(); m.register(p.add_subparsers()); "
        "print(sorted(x for x in ('pandas', 'frictionless', 'matplotlib') if x in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_missing_optional_column_is_only_a_warning(tmp_path):
    """keluarga's housing fields are optional: a village file without them is still valid."""
    with csv_path("keluarga", "kandangan_utara").open(encoding="utf-8", newline="") as fh:
        full = list(csv.reader(fh))[:200]
    rows = [r[:4] for r in full]  # no_kk, rt, jumlah_anggota, pengeluaran_per_kapita
    assert rows[0] == ["no_kk", "rt", "jumlah_anggota", "pengeluaran_per_kapita"]
    problems = validate_csv(_write(tmp_path / "keluarga.csv", rows), "keluarga")
    assert not has_errors(problems)
    warned = {p.column for p in problems if p.kind == "missing-column"}
    assert "luas_lantai_m2" in warned and all("kolom pilihan" in p.message for p in problems
                                              if p.kind == "missing-column")
    rows = [[c for i, c in enumerate(r) if i != 3] for r in full]  # drop a required one
    problems = validate_csv(_write(tmp_path / "keluarga2.csv", rows), "keluarga")
    assert ("missing-column", 1, "pengeluaran_per_kapita") in _errors(problems)
