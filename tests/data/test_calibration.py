"""Calibration of the synthetic data against reported figures: fails when a figure is out of tolerance."""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cantik.data import commands
from cantik.data.calibration import FIGURES, SOURCES, calibrate, format_report
from cantik.paths import project_root

DATASETS = project_root() / "datasets"


@pytest.fixture(scope="module")
def rows():
    return calibrate(DATASETS)


def test_every_figure_is_within_tolerance(rows) -> None:
    bad = [f"{r.figure.nama}: {r.generated:.2f} not in [{r.figure.low}, {r.figure.high}]"
           for r in rows if not r.ok]
    assert bad == []


def test_figures_are_sourced_and_compared_like_with_like(rows) -> None:
    assert [r.figure.key for r in rows][:len(FIGURES)] == [f.key for f in FIGURES]
    # then the places generated from their own figures, each figure with its source from wilayah.json
    extra = [r.figure for r in rows[len(FIGURES):]]
    assert {f.key.rsplit("_", 1)[-1] for f in extra} == {"malinau"}
    assert all(f.sumber and f.low <= f.nilai <= f.high for f in extra)
    titles = {s["title"] for s in SOURCES.values()}
    for f in FIGURES:
        assert f.low <= f.nilai <= f.high or f.key == "penduduk_ku", f.key
        assert f.sumber and f.tingkat and f.banding
        assert f.sumber in titles or f.sumber.startswith("Catatan kurikulum")
    levels = {f.key: f.tingkat for f in FIGURES}
    assert levels["kec_penduduk"] == "Kecamatan Kandangan"
    assert levels["rasio_jk_taluk_haur"] == "Kab. HSS"


def _copy(tmp_path: Path) -> Path:
    dst = tmp_path / "datasets"
    shutil.copytree(DATASETS, dst)
    return dst


def _rewrite(path: Path, change) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
        fields = list(rows[0])
    for r in rows:
        change(r)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def test_out_of_tolerance_data_is_reported(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    # Double every village's population except the two generated places: the kecamatan total breaks.
    def double(r: dict) -> None:
        if r["nama"] not in ("Kandangan Utara", "Gambah Luar"):
            r["jumlah_penduduk"] = str(2 * int(r["jumlah_penduduk"]))

    _rewrite(root / "kecamatan_kandangan" / "desa_kelurahan.csv", double)
    # Make everyone poor: P0 jumps to 100 %.
    _rewrite(root / "kandangan_utara" / "keluarga.csv", lambda r: r.update(pengeluaran_per_kapita="100000"))
    result = {r.figure.key: r for r in calibrate(root)}
    assert not result["kec_penduduk"].ok
    assert not result["kec_kepadatan"].ok
    assert not result["p0_kandangan_utara"].ok and result["p0_kandangan_utara"].generated == 100.0
    assert result["kec_luas"].ok and result["rasio_jk_kandangan_utara"].ok
    report = format_report(list(result.values()))
    assert report.count("DI LUAR BATAS") == sum(not r.ok for r in result.values())


def test_report_is_indonesian_and_lists_every_figure(rows) -> None:
    text = format_report(rows)
    assert "Kalibrasi data sintetis" in text
    assert "Angka dilaporkan" in text and "Hasil sintetis" in text
    for f in FIGURES:
        assert f.nama.split()[0] in text
    assert f"{len(rows)} dari {len(rows)} angka dalam batas toleransi" in text
    assert "49.604" in text  # Indonesian thousands separator


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cantik data")
    commands.register(parser.add_subparsers(dest="command"))
    return parser


def test_cli_calibrate_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = _parser().parse_args(["calibrate", "--folder", str(DATASETS)])
    assert args.func(args) == 0
    assert "dalam batas toleransi" in capsys.readouterr().out
    root = _copy(tmp_path)
    _rewrite(root / "kandangan_utara" / "keluarga.csv", lambda r: r.update(pengeluaran_per_kapita="100000"))
    args = _parser().parse_args(["calibrate", "--folder", str(root)])
    assert args.func(args) == 1
    assert "DI LUAR BATAS" in capsys.readouterr().out
    args = _parser().parse_args(["calibrate", "--folder", str(tmp_path / "tidak-ada")])
    assert args.func(args) == 2
    assert "tidak ditemukan" in capsys.readouterr().err


def test_cli_generate_writes_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "keluaran"
    args = _parser().parse_args(["generate", "--seed", "2025", "--keluaran", str(out)])
    assert args.func(args) == 0
    printed = capsys.readouterr().out
    assert "SINTETIS" in printed and str(out / "kandangan_utara" / "penduduk.csv") in printed
    assert (out / "kandangan_utara" / "penduduk.csv").read_bytes() == \
        (DATASETS / "kandangan_utara" / "penduduk.csv").read_bytes()
    args = _parser().parse_args(["generate", "--seed", "-1", "--keluaran", str(tmp_path / "lain")])
    assert args.func(args) == 2
    assert "GAGAL: Benih acak" in capsys.readouterr().err
    assert not (tmp_path / "lain").exists()
    blocker = tmp_path / "berkas.txt"
    blocker.write_text("bukan folder")
    args = _parser().parse_args(["generate", "--keluaran", str(blocker)])
    assert args.func(args) == 2
    assert "bukan folder" in capsys.readouterr().err
    assert blocker.read_text() == "bukan folder"


def test_command_module_imports_nothing_heavy() -> None:
    code = ("import argparse, sys; from cantik.data import commands; "
            "commands.register(argparse.ArgumentParser().add_subparsers()); "
            "heavy = [m for m in ('pandas', 'numpy', 'matplotlib', 'frictionless') if m in sys.modules]; "
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
