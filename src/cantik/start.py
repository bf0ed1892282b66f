"""``cantik start``: serve the learning environment — JupyterLab in Bahasa Indonesia on 127.0.0.1.

JupyterLab opens on the start page ``Mulai_di_sini.ipynb``; nbgrader's and Voilà's extensions are enabled
by their packages. Lab-wide defaults (the ``id_ID`` locale, no update checks or news — this machine may have
no internet) are JupyterLab's documented admin overrides, copied from ``cantik/resources`` into the
environment's ``share/jupyter/lab/settings/overrides.json``. Learners' own settings and workspaces go to
the git-ignored ``.cantik/`` folder, never into tracked files.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import socket
import sys
from importlib import resources
from pathlib import Path

from cantik.errors import CantikError
from cantik.paths import project_root, state_dir

START_PAGE = "Mulai_di_sini.ipynb"
DEFAULT_PORT = 8888


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``start`` command."""
    from cantik.cli import add_command

    p = add_command(subparsers, "start", "jalankan lingkungan belajar (JupyterLab berbahasa Indonesia)", run)
    p.add_argument("--port", type=int, default=DEFAULT_PORT,
                   help=f"nomor port (bawaan {DEFAULT_PORT}; bila terpakai, dicari port kosong berikutnya; "
                        "0 = port kosong mana saja)")
    p.add_argument("--no-browser", action="store_true", help="jangan membuka peramban secara otomatis")
    p.add_argument("--token", default=None, help="token akses (bawaan: dibuat acak setiap kali)")


def install_lab_overrides(prefix: Path | None = None) -> Path:
    """Merge Kelas Cantik's JupyterLab defaults into ``<prefix>/share/jupyter/lab/settings/overrides.json``.

    Keys already set there by an administrator are kept unless Kelas Cantik sets the same plugin key.
    Returns the path written.
    """
    target = Path(prefix or sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    ours = json.loads(resources.files("cantik.resources").joinpath("lab-overrides.json").read_text("utf-8"))
    current: dict = {}
    if target.is_file():
        try:
            current = json.loads(target.read_text("utf-8"))
        except json.JSONDecodeError:
            current = {}
    merged = {**current}
    for plugin, values in ours.items():
        merged[plugin] = {**merged.get(plugin, {}), **values}
    if merged != current:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(merged, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return target


def pick_port(wanted: int, host: str = "127.0.0.1", tries: int = 50) -> int:
    """``wanted`` if free, else the next free port (``0`` asks the system for any free port)."""
    candidates = [0] if wanted == 0 else range(wanted, wanted + tries)
    for candidate in candidates:
        with socket.socket() as s:
            try:
                s.bind((host, candidate))
            except OSError:
                continue
            return s.getsockname()[1]
    raise CantikError(f"Tidak ada port kosong di antara {wanted} dan {wanted + tries - 1}.",
                      "Tutup program lain atau pilih --port lain.")


def lab_command(root: Path, port: int, token: str, open_browser: bool) -> list[str]:
    """The ``jupyter lab`` command line for the learning environment."""
    cmd = [
        sys.executable, "-m", "jupyterlab",
        f"--ServerApp.root_dir={root}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.open_browser={open_browser}",
        f"--LabApp.default_url=/lab/tree/{START_PAGE}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # CI and containers run as root
        cmd.append("--ServerApp.allow_root=True")
    return cmd


def lab_environment(root: Path) -> dict[str, str]:
    """Environment for the server: project-local Lab settings and workspaces, course on the path."""
    state = state_dir()
    env = dict(os.environ)
    env.setdefault("JUPYTERLAB_SETTINGS_DIR", str(state / "lab" / "user-settings"))
    env.setdefault("JUPYTERLAB_WORKSPACES_DIR", str(state / "lab" / "workspaces"))
    env.setdefault("CANTIK_HOME", str(root))
    return env


def run(args: argparse.Namespace) -> int:
    """Start JupyterLab in the foreground (Ctrl+C stops it)."""
    root = project_root()
    install_lab_overrides()
    port = pick_port(args.port)
    token = args.token or secrets.token_urlsafe(16)
    url = f"http://127.0.0.1:{port}/lab/tree/{START_PAGE}?token={token}"
    print("Kelas Cantik: lingkungan belajar sedang dinyalakan (JupyterLab, bahasa Indonesia).")
    print("Semua dataset di sini SINTETIS untuk latihan, bukan data resmi BPS.")
    print(f"Buka alamat ini di peramban (Chrome/Firefox):\n\n    {url}\n")
    print("Tekan Ctrl+C dua kali di jendela ini untuk berhenti.", flush=True)
    cmd = lab_command(root, port, token, open_browser=not args.no_browser)
    os.execve(sys.executable, cmd, lab_environment(root))
    return 0  # pragma: no cover  (execve does not return)
