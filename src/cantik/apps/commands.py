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
    p.add_argument("--replika", type=int, default=1, metavar="N",
                   help="jalankan N server Voilà yang sama di belakang haproxy (tiap pengunjung tetap di "
                        "server yang sama); bawaan: 1, tanpa haproxy")


def run(args: argparse.Namespace) -> int:
    """Serve the apps until Ctrl-C or SIGTERM (both stop Voilà and its kernels)."""
    from cantik.apps.server import serve
    from cantik.errors import CantikError

    if not 0 < args.port < 65536:
        raise CantikError(f"Nomor port harus antara 1 dan 65535, bukan {args.port}.", exit_code=2)
    if not 1 <= args.replika <= 16:
        raise CantikError(f"Jumlah replika harus antara 1 dan 16, bukan {args.replika}.", exit_code=2)
    if args.replika > 1:
        from cantik.apps.replicas import serve as serve_replicas

        return serve_replicas(args.port, args.replika, ip=args.ip, profile=args.profil)
    return serve(args.port, profile=args.profil, ip=args.ip, open_browser=args.buka_browser)
