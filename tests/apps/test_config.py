"""Registry, notebooks, Voilà configuration, launcher and the ``cantik apps`` command (no server)."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from cantik.apps import voila_config
from cantik.apps.registry import APPS, by_slug
from cantik.apps.server import voila_command

ROOT = Path(__file__).resolve().parents[2]
APPS_DIR = ROOT / "voila_apps"


def test_every_app_has_a_thin_notebook() -> None:
    assert {p.name for p in APPS_DIR.glob("*.ipynb")} == {a.notebook for a in APPS}
    for app in APPS:
        nb = nbformat.read(APPS_DIR / app.notebook, as_version=4)
        module, cls = app.entry.split(":")
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        assert f"from {module} import {cls}" in code
        assert len(code.splitlines()) <= 4, "notebooks stay thin: the logic lives in cantik.apps"
        assert nb.metadata["title"].startswith(app.title)
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_registry_lookup() -> None:
    assert by_slug("stunting").notebook == "kalkulator_stunting.ipynb"
    with pytest.raises(KeyError):
        by_slug("tidak-ada")


def test_production_config() -> None:
    cfg = voila_config.production_config(pool_size=2, cull_idle_timeout=300, cell_timeout=20)
    vc = cfg["VoilaConfiguration"]
    assert vc["preheat_kernel"] is True and vc["default_pool_size"] == 2
    assert vc["show_tracebacks"] is False and vc["strip_sources"] is True
    assert vc["allow_template_override"] == "NO" and vc["template"] == voila_config.TEMPLATE
    denied = ["kalkulator_stunting.ipynb", "data/balita.csv", "x.py", ".hidden/a.png", "gradebook.db"]
    for path in denied:
        assert any(re.fullmatch(p, path) for p in vc["file_denylist"]), path
    assert any(re.fullmatch(p, "static/logo.png") for p in vc["file_allowlist"])
    assert not any(re.fullmatch(p, "static/logo.png") for p in vc["file_denylist"])
    assert not any(re.fullmatch(p, "logo.png") for p in vc["file_allowlist"])
    assert vc["extension_allowlist"] == list(voila_config.WIDGET_EXTENSIONS)
    assert [g["notebook"] for g in vc["extension_config"]["cantikGallery"]] == [a.notebook for a in APPS]
    assert cfg["MappingKernelManager"]["cull_idle_timeout"] == 300
    assert cfg["VoilaExecutor"]["timeout"] == 20
    assert cfg["HTMLExporter"]["language_code"] == "id"
    assert "Maaf" in cfg["VoilaExecutor"]["cell_error_instruction"]
    # XSRF checks stay on (jupyter_server's default); hashed lab extension files are cached as immutable.
    tornado = cfg["Voila"]["tornado_settings"]
    assert "disable_check_xsrf" not in tornado and "disable_check_xsrf" not in cfg["Voila"]
    assert tornado["static_immutable_cache"] == ["/voila/labextensions/"]


def test_voila_command_behind_a_proxy_prefix(tmp_path: Path) -> None:
    voila_command(8123, tmp_path / "cfg", root=APPS_DIR, base_url="/services/galeri/")
    written = json.loads((tmp_path / "cfg" / "voila.json").read_text())
    assert written["Voila"]["base_url"] == "/services/galeri/"
    assert written["Voila"]["tornado_settings"]["static_immutable_cache"] == [
        "/services/galeri/voila/labextensions/"]


def test_default_config_is_voila_as_shipped() -> None:
    assert voila_config.default_config() == {"Voila": {"ip": "127.0.0.1", "open_browser": False}}
    with pytest.raises(ValueError, match="unknown Voilà profile"):
        voila_config.config_for("cepat")


def test_template_files_are_there() -> None:
    folder = voila_config.SHARE_DIR / "voila" / "templates" / voila_config.TEMPLATE
    assert json.loads((folder / "conf.json").read_text())["base_template"] == "lab"
    for name in ("index.html.j2", "tree.html", "cantik.css.j2"):
        assert (folder / name).is_file()
    assert "cdn.jsdelivr" not in (folder / "index.html.j2").read_text()


@pytest.mark.parametrize("profile", voila_config.PROFILES)
def test_voila_command_writes_the_only_config_file(tmp_path: Path, profile: str) -> None:
    cmd, env = voila_command(8123, tmp_path / "cfg", profile=profile, root=APPS_DIR)
    # production: Voilà's application with the front page for crowds (cantik.apps.front); default: Voilà
    assert cmd[:3] == [sys.executable, "-m", "cantik.apps.front" if profile == "production" else "voila"]
    assert str(APPS_DIR) in cmd and "--port=8123" in cmd
    assert f"--Voila.config_file_paths={tmp_path / 'cfg'}" in cmd
    written = json.loads((tmp_path / "cfg" / "voila.json").read_text())
    assert written == json.loads(json.dumps(voila_config.config_for(profile)))
    paths = env["JUPYTER_PATH"].split(":")
    if profile == "production":  # first the visitors' kernelspec (forked, confined), then the template
        spec = json.loads((tmp_path / "cfg" / "share" / "kernels" / "python3" / "kernel.json").read_text())
        assert spec == voila_config.kernelspec()
        assert paths[:2] == [str(tmp_path / "cfg" / "share"), str(voila_config.SHARE_DIR)]
    else:  # Voilà's own kernels
        assert paths[0] == str(voila_config.SHARE_DIR)
        assert not (tmp_path / "cfg" / "share").exists()


def test_apps_command_registers_with_indonesian_help() -> None:
    from cantik.apps import commands
    from cantik.cli import _add_subparsers

    parser = argparse.ArgumentParser(prog="cantik")
    commands.register(_add_subparsers(parser))
    args = parser.parse_args(["apps", "--port", "9000", "--profil", "default"])
    assert (args.port, args.profil, args.buka_browser) == (9000, "default", False)
    assert args.ip == "127.0.0.1"
    bad = parser.parse_args(["apps", "--port", "0"])
    with contextlib.redirect_stderr(io.StringIO()) as err:
        assert bad.func(bad) == 2  # through the one CLI error path: no server started
    assert err.getvalue().startswith("GAGAL: Nomor port harus antara 1 dan 65535")


def test_light_modules_import_nothing_heavy() -> None:
    code = (
        "import sys, cantik.apps, cantik.apps.commands, cantik.apps.server, cantik.apps.registry, "
        "cantik.apps.voila_config\n"
        "heavy = [m for m in ('pandas', 'matplotlib', 'ipywidgets', 'numpy') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def _marked_processes(marker: str) -> list[int]:
    """Processes of this user whose environment carries ``CANTIK_TEST_MARKER=marker`` (Voilà, kernels)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:  # gone, or not ours
            continue
        if f"CANTIK_TEST_MARKER={marker}".encode() in environ.split(b"\0"):
            found.append(int(entry.name))
    return found


def _tree(pids: list[int]) -> list[int]:
    """``pids`` and every process descended from them (the zygote's forked kernels carry none of the
    server's environment, so they are found as descendants)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, ValueError, IndexError):
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], list(pids)
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _kernels(pids: list[int]) -> list[int]:
    """The kernels among ``pids`` and their descendants: a cold ``ipykernel`` process, or a kernel forked
    from the apps' zygote (it runs under a user id of its own)."""
    out = []
    for pid in _tree(pids):
        try:
            uid = int(Path(f"/proc/{pid}/status").read_text().split("\nUid:")[1].split()[0])
            if b"ipykernel" in Path(f"/proc/{pid}/cmdline").read_bytes() or uid != os.getuid():
                out.append(pid)
        except (OSError, IndexError, ValueError):
            continue
    return out


@pytest.mark.server
@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_apps_command_serves_the_gallery_and_stops_with_its_kernels(cantik_home: Path, how: str) -> None:
    """``cantik apps`` end to end: its handler starts Voilà (with its preheated kernels), the gallery
    answers; Ctrl-C in a terminal (SIGINT to the process group) or a service manager's stop (SIGTERM to
    the process alone) stops it: the port is closed and no Voilà or kernel process is left."""
    import signal
    import socket
    import time
    import urllib.request
    import uuid

    from tests.servers import free_port, stop, unblock_signals, wait_for_http

    port = free_port()
    marker = uuid.uuid4().hex
    code = (
        "import argparse, sys\n"
        "from cantik.apps import commands\n"
        "from cantik.cli import _add_subparsers\n"
        "p = argparse.ArgumentParser(prog='cantik')\n"
        "commands.register(_add_subparsers(p))\n"
        "a = p.parse_args(sys.argv[1:])\n"
        "sys.exit(a.func(a))\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "apps", "--port", str(port)],
        env={**os.environ, "CANTIK_HOME": str(cantik_home), "CANTIK_TEST_MARKER": marker},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=unblock_signals,
    )
    try:
        wait_for_http(f"http://127.0.0.1:{port}/", timeout=90, proc=proc)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as resp:
            page = resp.read().decode()
        assert "Aplikasi Kelas Cantik" in page and 'lang="id"' in page
        for app in APPS:
            assert f"/voila/render/{app.notebook}" in page
        assert (cantik_home / ".cantik" / "voila" / "production" / "voila.json").is_file()
        deadline = time.monotonic() + 120  # the pool's kernels start while the gallery answers
        while not _kernels(_marked_processes(marker)) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert _kernels(_marked_processes(marker)), "no preheated kernel started"
        started = _tree(_marked_processes(marker))  # Voilà, the zygote, the kernels
        if how == "ctrl-c":
            os.killpg(proc.pid, signal.SIGINT)
        else:
            os.kill(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 60  # ~3 s when quiet; once >30 s on a CI running benchmarks too
        while proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert proc.poll() == 0, f"{how} did not stop the server cleanly (exit {proc.poll()})"
        out = proc.stdout.read().decode()
        assert "Galeri aplikasi Kelas Cantik" in out and "SINTETIS" in out
        assert "Galeri aplikasi berhenti." in out
        with socket.socket() as s:
            assert s.connect_ex(("127.0.0.1", port)) != 0, "the port is still open"
        # Kernels acknowledged shutdown; let their processes go. The zygote and its forked kernels (no
        # marker: found as descendants) end after the zygote's owner: under load that took over 10 s.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and (
                _marked_processes(marker) or any(Path(f"/proc/{pid}").exists() for pid in started)):
            time.sleep(0.2)
        assert _marked_processes(marker) == [], "Voilà or kernel processes are still running"
        left = sorted({pid for pid in started if Path(f"/proc/{pid}").exists()})
        assert left == [], "processes of the server (zygote, kernels) are still running"
    finally:
        stop(proc)
        for pid in _marked_processes(marker):  # never leave strays to the rest of the suite
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
