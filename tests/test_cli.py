"""The `cantik` command: Indonesian help, and a light start-up that never imports pandas/matplotlib."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cantik.cli import build_parser, main

PROBE = """
import json, sys
from cantik.cli import main
try:
    main({argv!r})
except SystemExit:
    pass
print(json.dumps(sorted(m for m in ("pandas", "matplotlib", "numpy") if m in sys.modules)), file=sys.stderr)
"""


def _heavy_modules_after(argv: list[str]) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE.format(argv=argv)], capture_output=True, text=True,
                          check=True)
    return json.loads(proc.stderr.strip().splitlines()[-1])


def test_import_cantik_is_light():
    proc = subprocess.run(
        [sys.executable, "-c", "import cantik, cantik.cli, cantik.paths, sys;"
         "print(sorted(m for m in ('pandas', 'matplotlib') if m in sys.modules))"],
        capture_output=True, text=True, check=True,
    )
    assert proc.stdout.strip() == "[]"


@pytest.mark.parametrize("argv", [["--help"], ["data", "--help"]])
def test_help_does_not_import_pandas_or_matplotlib(argv):
    assert _heavy_modules_after(argv) == []


def test_every_subcommand_help_is_indonesian_and_light(capsys):
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # argparse keeps subparsers here
    assert "start" in commands and "data" in commands
    for name, sub in commands.items():
        text = sub.format_help()
        assert "cara pakai:" in text, name
        assert "tampilkan bantuan ini" in text, name
        assert _heavy_modules_after([name, "--help"]) == [], name


def test_no_command_prints_help_and_returns_2(capsys):
    assert main([]) == 2
    assert "perintah" in capsys.readouterr().out


def test_console_script_runs():
    cantik = Path(sys.executable).with_name("cantik")
    proc = subprocess.run([str(cantik), "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("cantik ")


@pytest.mark.parametrize("argv", [["kursus", "tulis", "modul99"], ["kursus", "bangun", "modul99"],
                                  ["kursus", "periksa", "modul99"]])
def test_an_unknown_module_is_one_indonesian_line_not_a_traceback(argv):
    proc = subprocess.run([str(Path(sys.executable).with_name("cantik")), *argv], capture_output=True,
                          text=True)
    assert proc.returncode == 1
    assert proc.stderr.startswith("GAGAL: ") and "modul99" in proc.stderr and "modul1" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
