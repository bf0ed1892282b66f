"""``cantik aplikasi``: serve the gallery of public Voilà apps (stdlib-only imports at module top)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the top-level ``apps`` command."""
    from cantik.cli import add_command

    p = add_command(
        subparsers, "aplikasi",
        "jalankan galeri aplikasi publik (Voilà) dengan konfigurasi produksi", run, aliases=["apps"],
    )
    p.add_argument("--port", type=int, default=8866, help="nomor port server (bawaan: 8866)")
    p.add_argument("--ip", default="127.0.0.1",
                   help="alamat yang didengarkan; 0.0.0.0 agar bisa dibuka dari komputer lain di jaringan")
    p.add_argument("--profil", choices=["production", "default"], default="production",
                   help="konfigurasi Voilà: 'production' (bawaan) atau 'default' (Voilà apa adanya, "
                        "untuk perbandingan)")
    p.add_argument("--buka-browser", action="store_true", help="buka galeri di browser setelah server siap")


def run(args: argparse.Namespace) -> int:
    """Serve the apps until Ctrl-C or SIGTERM (both stop Voilà and its kernels)."""
    from cantik.apps.server import serve
    from cantik.errors import CantikError

    if not 0 < args.port < 65536:
        raise CantikError(f"Nomor port harus antara 1 dan 65535, bukan {args.port}.", exit_code=2)
    return serve(args.port, profile=args.profil, ip=args.ip, open_browser=args.buka_browser)
