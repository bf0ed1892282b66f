"""``cantik data periksa`` and ``cantik data tabel``: check a village's CSV file, list the tables.

Only the standard library is imported at module level (the CLI imports this module at start-up);
``frictionless`` is imported when ``validate`` actually runs.

Exit codes of ``validate``: 0 the file conforms (warnings allowed), 1 it has errors, 2 unknown table
(a :class:`cantik.errors.DataNotFoundError`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

#: Messages shown by default; the rest are counted (``--semua`` shows all).
DEFAULT_LIMIT = 50


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``validate`` and ``tables`` to the ``cantik data`` command group."""
    from cantik.cli import add_command

    p = add_command(
        subparsers, "periksa",
        "periksa berkas CSV milik desa/kelurahan terhadap daftar kolom sebuah tabel", run_validate,
        aliases=["validate"],
    )
    p.add_argument("berkas", metavar="BERKAS.csv", help="berkas CSV yang akan diperiksa (tidak diubah)")
    p.add_argument("--tabel", "--table", dest="table", required=True, metavar="TABEL",
                   help="nama tabel acuan, misalnya penduduk (lihat: cantik data tabel)")
    p.add_argument("--batas", type=int, default=DEFAULT_LIMIT, metavar="N",
                   help=f"tampilkan paling banyak N pesan (bawaan: {DEFAULT_LIMIT})")
    p.add_argument("--semua", action="store_true", help="tampilkan semua pesan")

    t = add_command(subparsers, "tabel", "daftar tabel dataset sintetis per wilayah", run_tables,
                    aliases=["tables"])
    t.add_argument("--wilayah", metavar="WILAYAH", help="hanya wilayah ini, misalnya kandangan_utara")


def run_validate(args: argparse.Namespace) -> int:
    """Handler of ``cantik data periksa``."""
    from cantik.data.loader import table_title
    from cantik.data.validate import summary, validate_report

    result = validate_report(args.berkas, args.table)
    title = table_title(result.table)
    print(f"Memeriksa {args.berkas} sebagai tabel '{result.table}' ({title}).")
    problems = result.problems
    limit = len(problems) if args.semua else max(args.batas, 0)
    for problem in problems[:limit]:
        print(problem)
    hidden = len(problems) - min(limit, len(problems))
    if hidden:
        print(f"... dan {hidden} pesan lain tidak ditampilkan (pakai --semua untuk melihat semuanya).")
    counts = summary(problems)
    if result.ok:
        warn = f", {counts['peringatan']} peringatan" if counts["peringatan"] else ""
        print(f"Berkas sesuai dengan tabel '{result.table}': {result.rows} baris data, "
              f"{result.columns} kolom, tanpa galat{warn}.")
        return 0
    per_column = ", ".join(f"{c} {n}" for c, n in sorted(counts["per_kolom"].items(), key=lambda x: -x[1]))
    print(f"Ringkasan: {counts['galat']} galat, {counts['peringatan']} peringatan. "
          f"Galat per kolom: {per_column}.")
    print(f"Berkas BELUM sesuai dengan tabel '{result.table}'. Perbaiki galat di atas (berkas Anda tidak "
          "diubah), simpan, lalu periksa lagi.")
    return 1


def _count_rows(path: Path) -> int | None:
    try:
        with open(path, "rb") as fh:
            return max(sum(1 for line in fh if line.strip()) - 1, 0)
    except OSError:
        return None


def run_tables(args: argparse.Namespace) -> int:
    """Handler of ``cantik data tabel``."""
    from cantik.data.loader import (
        csv_path,
        table_title,
        tables,
        wilayah_list,
        wilayah_name,
    )
    from cantik.data.profile import load_profile
    from cantik.data.schema import KECAMATAN, SYNTHETIC_NOTICE

    places = [args.wilayah] if args.wilayah else wilayah_list()
    listing = [(place, tables(place)) for place in places]
    print(SYNTHETIC_NOTICE)
    for place, names in listing:
        print(f"\n{wilayah_name(place)} (wilayah: {place})")
        profile = None if place == KECAMATAN else load_profile(place)
        if profile is not None and not profile.synthetic:
            print(f"  DATA NYATA, bukan sintetis. {profile.notice}")
        for name in names:
            path = csv_path(name, place)
            rows = _count_rows(path)
            size = f"{rows} baris" if rows is not None else "belum dibuat"
            print(f"  {name:<18} {table_title(name, place)} [{size}]")
    print("\nMuat di notebook: cantik.data.load(\"penduduk\", wilayah=\"kandangan_utara\")")
    return 0
