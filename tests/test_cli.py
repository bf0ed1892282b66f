"""The `cantik` command: Indonesian help for every command, one clear Indonesian line for every expected
error (no traceback), and a light start-up that never imports pandas/matplotlib."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cantik.cli import COMMANDS, build_parser, main

PROBE = """
import json, sys
from cantik.cli import main
try:
    main({argv!r})
except SystemExit:
    pass
print(json.dumps(sorted(m for m in ("pandas", "matplotlib", "numpy") if m in sys.modules)), file=sys.stderr)
"""

build_parser()
#: every command once, by its own (Indonesian) name, e.g. "kelas nilai"; aliases point at the same parser
PATHS = sorted({p.prog.removeprefix("cantik").strip() for p in COMMANDS.values()})
GROUPS = {p.split()[0] for p in PATHS if " " in p}
LEAVES = [p for p in PATHS if p not in GROUPS]


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


def test_the_walk_finds_every_command():
    assert len(LEAVES) >= 25 and {"mulai", "kelas nilai", "data periksa", "kursus tulis"} <= set(LEAVES)
    # the English names from before the naming rule still work, as aliases
    assert {"start", "aplikasi", "apps", "data generate", "data validate", "data tables"} <= set(COMMANDS)


@pytest.mark.parametrize("path", PATHS)
def test_every_command_has_indonesian_help(path, capsys):
    with pytest.raises(SystemExit) as stop:
        main([*path.split(), "--help"])
    assert stop.value.code == 0
    text = capsys.readouterr().out
    assert "cara pakai:" in text and "tampilkan bantuan ini" in text, text


@pytest.mark.parametrize("group", [*sorted(GROUPS), "--help"])
def test_group_help_does_not_import_pandas_or_matplotlib(group):
    assert _heavy_modules_after([group, "--help"] if group != "--help" else ["--help"]) == []


#: an expected error of every command: its arguments (NONE: the folder of a missing class or hub) and a
#: piece of the Indonesian message. Commands that only start a server without any argument to get wrong
#: are listed in NO_CHEAP_ERROR with the reason.
NONE = "__tidak_ada__"
ERRORS = {
    "mulai": (["--port", "70000"], "Nomor port harus antara"),
    "aplikasi": (["--port", "0"], "Nomor port harus antara"),
    "data buat": (["--benih", "-1"], "Benih acak"),
    "data kalibrasi": (["--folder", NONE], "tidak ditemukan"),
    "data periksa": (["x.csv", "--tabel", "pendudukk"], "Tabel 'pendudukk' tidak ada"),
    "data tabel": (["--wilayah", "atlantis"], "Wilayah 'atlantis' tidak ada"),
    "data impor": ([NONE, "--wilayah", "desa_x", "--pemetaan", NONE + ".xlsx"], "tidak ditemukan"),
    "data templat": (["."], "tidak ditimpa"),
    "kelas mulai": (["peserta.csv", "--folder", NONE], "tidak punya berkas nbgrader_config.py"),
    "kelas rilis": (["--folder", NONE], "tidak punya berkas nbgrader_config.py"),
    "kelas kumpulkan": (["modul1", "--folder", NONE], "tidak punya berkas nbgrader_config.py"),
    "kelas impor": (["x.ipynb", "--folder", NONE], "tidak punya berkas nbgrader_config.py"),
    "kelas nilai": (["modul1", "--folder", NONE], "tidak punya berkas nbgrader_config.py"),
    "kelas umpan-balik": (["modul1", "--folder", NONE], "tidak punya berkas nbgrader_config.py"),
    "kelas ekspor": (["--folder", NONE], "tidak punya berkas nbgrader_config.py"),
    "kelas laporan": (["--folder", NONE], "tidak punya berkas nbgrader_config.py"),
    "kursus tulis": (["modul99"], "Naskah modul 'modul99' tidak ditemukan"),
    "kursus bangun": (["modul99"], "Modul tidak dikenal: modul99"),
    "kursus periksa": (["modul99"], "Modul tidak dikenal: modul99"),
    "kursus ekspor": ([NONE + ".ipynb"], "tidak ditemukan"),
    "sandbox cek": ([], "bwrap"),
    "server cek-buku-nilai": ([], "Tidak ada alamat buku nilai"),
    "server hub-siapkan": ([NONE + ".csv"], "tidak ditemukan"),
    "server hub-mulai": (["--folder", NONE], "Belum ada hub"),
    "server akun-hapus": (["--folder", NONE], "Belum ada hub"),
    "server z2jh": (["--folder", NONE], "Belum ada hub"),
    "server pra-mulai": (["--folder", NONE], "Belum ada hub"),
}
NO_CHEAP_ERROR = {
    "server postgres-mulai": "starts PostgreSQL (tests/server/test_postgres.py covers its errors)",
    "server postgres-berhenti": "on a missing server it says so and succeeds",
    "server postgres-status": "reports the state; nothing to get wrong",
}


def test_every_command_has_an_expected_error_listed():
    assert set(ERRORS) | set(NO_CHEAP_ERROR) == set(LEAVES)


@pytest.mark.parametrize("path", sorted(ERRORS))
def test_every_expected_error_is_one_indonesian_message(path, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CANTIK_GRADEBOOK_URL", raising=False)
    monkeypatch.setenv("CANTIK_BWRAP", str(tmp_path / "tidak-ada-bwrap"))
    args, message = ERRORS[path]
    code = main([*path.split(), *(a.replace(NONE, str(tmp_path / "tidak_ada")) for a in args)])
    err = capsys.readouterr().err
    assert code in (1, 2), err
    assert err.startswith("GAGAL: ") and message in err, err
    assert "Traceback" not in err


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
