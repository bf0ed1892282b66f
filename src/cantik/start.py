"""``cantik mulai``: serve the learning environment — JupyterLab in Bahasa Indonesia on 127.0.0.1.

JupyterLab opens on the start page ``Mulai_di_sini.ipynb``; nbgrader's and Voilà's extensions are enabled
by their packages. Every page carries a strict Content-Security-Policy and the terminal is off
(:mod:`cantik.safehtml`): the trainer opens learners' submissions in formgrader on this server. Lab-wide
defaults (the ``id_ID`` locale, no update checks or news — this machine may have no internet) are
JupyterLab's documented admin overrides, copied from ``cantik/resources`` into the environment's
``share/jupyter/lab/settings/overrides.json``. Learners' own settings and workspaces go to the git-ignored
``.cantik/`` folder, never into tracked files. The server is :mod:`cantik.labapp` (JupyterLab on which one
Ctrl+C stops cleanly and gives the prompt back at once).
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import sys
from pathlib import Path

from cantik.errors import CantikError
from cantik.paths import project_root, state_dir
from cantik.resources import install_lab_overrides

START_PAGE = "Mulai_di_sini.ipynb"
DEFAULT_PORT = 8888


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``mulai`` command (alias ``start``)."""
    from cantik.cli import add_command

    p = add_command(subparsers, "mulai", "jalankan lingkungan belajar (JupyterLab berbahasa Indonesia)", run,
                    aliases=["start"])
    p.add_argument("--port", type=int, default=DEFAULT_PORT,
                   help=f"nomor port (bawaan {DEFAULT_PORT}; bila terpakai, dicari port kosong berikutnya; "
                        "0 = port kosong mana saja)")
    p.add_argument("--tanpa-browser", "--no-browser", dest="no_browser", action="store_true",
                   help="jangan membuka peramban secara otomatis")
    p.add_argument("--token", default=None, help="token akses (bawaan: dibuat acak setiap kali)")


def pick_port(wanted: int, host: str = "127.0.0.1", tries: int = 50) -> int:
    """``wanted`` if free, else the next free port (``0`` asks the system for any free port)."""
    if not 0 <= wanted <= 65535:
        raise CantikError(f"Nomor port harus antara 1 dan 65535 (atau 0: port kosong mana saja), bukan "
                          f"{wanted}.", exit_code=2)
    candidates = [0] if wanted == 0 else range(wanted, min(wanted + tries, 65536))
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
        sys.executable, "-m", "cantik.labapp",
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
    """Environment for the server: project-local Lab settings and workspaces, course on the path, and
    the server's own settings (:func:`cantik.safehtml.server_settings`: Content-Security-Policy, no
    terminals) in ``.cantik/jupyter_config``, first on ``JUPYTER_CONFIG_PATH``."""
    from cantik.safehtml import write_server_config

    state = state_dir()
    env = dict(os.environ)
    env.setdefault("JUPYTERLAB_SETTINGS_DIR", str(state / "lab" / "user-settings"))
    env.setdefault("JUPYTERLAB_WORKSPACES_DIR", str(state / "lab" / "workspaces"))
    env.setdefault("CANTIK_HOME", str(root))
    config = write_server_config(state / "jupyter_config").parent
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
        [str(config), *filter(None, env.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep))])
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
    print("Tekan Ctrl+C di jendela ini untuk berhenti.", flush=True)
    cmd = lab_command(root, port, token, open_browser=not args.no_browser)
    os.execve(sys.executable, cmd, lab_environment(root))
    return 0  # pragma: no cover  (execve does not return)
