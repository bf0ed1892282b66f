"""Start the Voilà server of the public apps (stdlib only at import time).

Examples
--------
>>> from pathlib import Path
>>> cmd, env = voila_command(8866, Path("/tmp/cfg"))
>>> cmd[1:3]  # production: Voilà with the first chart sent ahead in a crowd
['-m', 'cantik.apps.front']
>>> voila_command(8866, Path("/tmp/cfg-default"), profile="default")[0][1:3]
['-m', 'voila']
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from cantik.apps.voila_config import SHARE_DIR, config_for, write_config, write_kernelspec


def apps_dir() -> Path:
    """The folder of the app notebooks (Voilà's root: the only folder the server shows).

    ``<project root>/voila_apps``; when ``CANTIK_HOME`` points to a folder without apps (a data-only home),
    the clone this package was installed from.
    """
    from cantik.paths import project_root

    here = project_root() / "voila_apps"
    if here.is_dir():
        return here
    return Path(__file__).resolve().parents[3] / "voila_apps"


def voila_command(
    port: int,
    config_dir: Path,
    *,
    profile: str = "production",
    root: Path | None = None,
    ip: str = "127.0.0.1",
    base_url: str = "/",
    **config_kwargs: Any,
) -> tuple[list[str], dict[str, str]]:
    """The command line and extra environment that run Voilà on ``port`` with ``profile``.

    The configuration is written to ``config_dir/voila.json`` and is the only config file Voilà reads
    (``Voila.config_file_paths``), so a stray ``voila.json`` in the working folder cannot change it. With
    ``profile="production"`` the kernelspec of the apps (``python3``: kernels forked from a warm zygote and
    confined, :mod:`cantik.apps.kernels`) is written to ``config_dir/share``
    (:func:`~cantik.apps.voila_config.write_kernelspec`) and put first on ``JUPYTER_PATH``.
    Behind a proxy, pass its prefix as ``base_url`` (for example ``/services/galeri/``): it is also the
    prefix of the production cache rule for the lab extensions.
    """
    if profile == "production":
        config_kwargs["base_url"] = base_url
    config = config_for(profile, **config_kwargs)
    config.setdefault("Voila", {})["ip"] = ip
    if base_url != "/":
        config["Voila"]["base_url"] = base_url
    write_config(config, config_dir)
    # Production: Voilà's application with the front page for crowds (cantik.apps.front); default: Voilà.
    app = "cantik.apps.front" if profile == "production" else "voila"
    cmd = [
        sys.executable, "-m", app, str(root or apps_dir()),
        f"--port={port}",
        "--no-browser",
        f"--Voila.config_file_paths={config_dir}",
    ]
    paths = [str(SHARE_DIR), os.environ.get("JUPYTER_PATH", "")]
    if profile == "production":  # the apps' kernelspec: kernels forked from the warm zygote, confined
        write_kernelspec(config_dir / "share")
        paths.insert(0, str(config_dir / "share"))
    env = {"JUPYTER_PATH": os.pathsep.join(p for p in paths if p)}
    return cmd, env


#: Seconds Voilà gets to shut its kernels down after the stop signal, before it is killed.
STOP_TIMEOUT = 30.0


class _Stop(Exception):
    """Raised in the main thread by the SIGTERM handler of :func:`serve`."""


def serve(
    port: int, *, profile: str = "production", ip: str = "127.0.0.1", open_browser: bool = False
) -> int:
    """Run Voilà in the foreground until Ctrl-C (SIGINT) or SIGTERM; return its exit code.

    Either signal stops Voilà the way it stops itself on SIGTERM: it shuts every kernel down (the
    preheated pool too) and closes its port. A service manager's stop (``kill``, ``systemctl stop``)
    therefore leaves nothing running, like Ctrl-C in a terminal. Voilà runs in a process group of its
    own, so that a Ctrl-C in the terminal reaches this process only and Voilà gets exactly one stop
    signal (a second one, while it shuts its kernels down, would interrupt that).
    """
    from cantik.data.schema import DEFAULT_WILAYAH
    from cantik.paths import datasets_dir, project_root

    if not (datasets_dir() / DEFAULT_WILAYAH / "penduduk.csv").is_file():
        print("Perhatian: dataset sintetis belum dibuat, aplikasi akan menampilkan pesan galat data.\n"
              "Buat dulu dengan: cantik data buat")
    config_dir = project_root() / ".cantik" / "voila" / profile
    cmd, env = voila_command(port, config_dir, profile=profile, ip=ip)
    host = "127.0.0.1" if ip in ("0.0.0.0", "") else ip
    url = f"http://{host}:{port}/"
    print(f"Galeri aplikasi Kelas Cantik: {url}")
    print("Semua data di aplikasi ini SINTETIS (buatan komputer). Tekan Ctrl-C untuk berhenti.", flush=True)

    def on_term(_signum: int, _frame: Any) -> None:
        raise _Stop

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        proc = subprocess.Popen(cmd, env={**os.environ, **env}, process_group=0)
        if open_browser:
            import threading
            import webbrowser

            threading.Timer(3.0, webbrowser.open, args=(url,)).start()
        try:
            return proc.wait()
        except (KeyboardInterrupt, _Stop):
            signal.signal(signal.SIGTERM, signal.SIG_IGN)  # one stop at a time
            return stop_voila(proc)
    finally:
        signal.signal(signal.SIGTERM, previous)


def stop_voila(proc: subprocess.Popen, timeout: float = STOP_TIMEOUT) -> int:
    """Ask Voilà to stop (SIGTERM: it shuts its kernels down), wait, and kill it if it hangs.

    A second Ctrl-C while waiting kills it at once. Returns 0 when Voilà stopped on the request (exit 1
    included: see below), else Voilà's code (a kill: the negative signal number).
    """
    print("Menghentikan galeri aplikasi dan kernelnya…", flush=True)
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        code = proc.wait(timeout=timeout)
    except (subprocess.TimeoutExpired, KeyboardInterrupt):
        proc.kill()
        code = proc.wait()
    if code == 1:
        # Voilà's own shut-down can raise when the stop comes while its pool is still starting kernels
        # (jupyter_server: "Kernel does not exist"); it has still stopped and shut its kernels down.
        print("Catatan: Voilà melaporkan galat saat berhenti (kode 1), tetapi sudah berhenti.", flush=True)
    print("Galeri aplikasi berhenti.", flush=True)
    return 0 if code in (0, 1, -signal.SIGTERM) else code
