"""``cantik data buat`` and ``cantik data kalibrasi`` (stdlib-only imports at the top)."""

from __future__ import annotations

import argparse
from pathlib import Path

from cantik.errors import CantikError, DataNotFoundError


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``generate`` and ``calibrate`` to the ``cantik data`` group."""
    from cantik.cli import add_command

    p = add_command(subparsers, "buat",
                    "buat ulang semua dataset sintetis (CSV, datapackage.json, metadata) dari benih acak",
                    run_generate, aliases=["generate"])
    p.add_argument("--benih", "--seed", dest="seed", type=int, default=2025,
                   help="benih acak (bawaan 2025; benih sama = berkas sama persis)")
    p.add_argument("--keluaran", metavar="FOLDER", default=None,
                   help="folder tujuan (bawaan: folder datasets/ proyek)")
    p = add_command(subparsers, "kalibrasi",
                    "bandingkan data sintetis dengan angka yang dilaporkan (kalibrasi)", run_calibrate,
                    aliases=["calibrate"])
    p.add_argument("--folder", metavar="FOLDER", default=None,
                   help="folder dataset yang diperiksa (bawaan: folder datasets/ proyek)")


def run_generate(args: argparse.Namespace) -> int:
    """Handler of ``cantik data buat``."""
    from cantik.data.generate import generate

    if args.seed < 0:
        raise CantikError(f"Benih acak harus bilangan bulat 0 atau lebih, bukan {args.seed}.", exit_code=2)
    out = Path(args.keluaran) if args.keluaran else None
    if out is not None and out.exists() and not out.is_dir():
        raise CantikError(f"'{out}' sudah ada dan bukan folder.", "Pilih folder lain untuk --keluaran.",
                          exit_code=2)
    try:
        paths = generate(out, seed=args.seed)
    except OSError as exc:
        raise CantikError(f"Dataset tidak bisa ditulis: {exc.strerror or exc} ({exc.filename or out}).",
                          "Periksa bahwa folder tujuan boleh ditulis dan disknya tidak penuh.") from exc
    root = paths[0].parent.parent if paths else out
    print(f"Dataset sintetis (benih {args.seed}) ditulis ke {root}:")
    for p in paths:
        print(f"  {p}")
    print(f"{len(paths)} berkas. Semua data SINTETIS, bukan data resmi BPS.")
    return 0


def run_calibrate(args: argparse.Namespace) -> int:
    """Handler of ``cantik data kalibrasi``; exit code 1 when a figure is out of tolerance."""
    from cantik.data.calibration import calibrate, format_report

    folder = Path(args.folder) if args.folder else None
    try:
        rows = calibrate(folder)
    except FileNotFoundError as exc:
        raise DataNotFoundError(f"Berkas dataset tidak ditemukan: {exc.filename}.",
                                "Jalankan dulu `cantik data buat`.") from exc
    print(format_report(rows))
    return 0 if all(r.ok for r in rows) else 1
