"""The ``cantik`` command: one entry point, subcommands with Indonesian help texts.

Each command group lives in the module that does the work and exposes ``register(subparsers)``; this file
only lists them. Those modules import nothing heavy at the top, so ``cantik --help`` stays fast and never
imports pandas or matplotlib (tested).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from cantik import __version__

#: (group name, Indonesian help, modules whose ``register(subparsers)`` fill the group).
#: A group with name ``None`` puts its modules' commands at the top level.
GROUPS: list[tuple[str | None, str, list[str]]] = [
    (None, "", ["cantik.start", "cantik.course", "cantik.apps.commands"]),
    (
        "data",
        "Dataset kelurahan (sintetis): buat ulang, kalibrasi, daftar tabel, periksa berkas CSV desa",
        ["cantik.data.commands", "cantik.data.validate_commands"],
    ),
    (
        "kelas",
        "Kelas pelatihan: daftar peserta, rilis, kumpulkan, impor, nilai, umpan balik, ekspor, laporan",
        ["cantik.grading.commands"],
    ),
    ("sandbox", "Sandbox penilaian: jalankan kode peserta secara terisolasi", ["cantik.sandbox.commands"]),
    (
        "server",
        "Server kelas: buku nilai PostgreSQL dan JupyterHub untuk banyak peserta",
        ["cantik.server.commands"],
    ),
]


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Indonesian section titles for argparse's help output."""

    def start_section(self, heading: str | None) -> None:
        names = {
            "positional arguments": "argumen",
            "options": "pilihan",
            "optional arguments": "pilihan",
        }
        super().start_section(names.get(heading or "", heading))

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "cara pakai: " if prefix is None else prefix)


def add_command(
    subparsers: argparse._SubParsersAction,
    name: str,
    help_text: str,
    func: Callable[[argparse.Namespace], int],
) -> argparse.ArgumentParser:
    """Add one subcommand with Indonesian help; command modules call this from their ``register``.

    Examples
    --------
    >>> def register(subparsers):
    ...     p = add_command(subparsers, "halo", "sapa peserta", lambda args: print("Halo", args.nama) or 0)
    ...     p.add_argument("nama", help="nama peserta")
    """
    parser = subparsers.add_parser(name, help=help_text, description=help_text, formatter_class=_Formatter,
                                   add_help=False)
    parser.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")
    parser.set_defaults(func=func)
    return parser


def _add_subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return parser.add_subparsers(title="perintah", metavar="PERINTAH", dest="command")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (imports each command module, none of which imports pandas)."""
    parser = argparse.ArgumentParser(
        prog="cantik",
        description=(
            "Kelas Cantik: pelatihan literasi statistik untuk Desa/Kelurahan Cantik (BPS).\n"
            "Semua data di sini SINTETIS (buatan komputer), bukan data resmi BPS."
        ),
        formatter_class=_Formatter,
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")
    parser.add_argument("--version", action="version", version=f"cantik {__version__}",
                        help="tampilkan versi lalu keluar")
    top = _add_subparsers(parser)
    for name, help_text, modules in GROUPS:
        target = top
        if name is not None:
            group = add_command(top, name, help_text, lambda _args: 2)
            group.set_defaults(func=lambda _args, g=group: _print_help(g))
            target = _add_subparsers(group)
        for module in modules:
            importlib.import_module(module).register(target)
    return parser


def _print_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``cantik`` command; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        return int(func(args) or 0)
    except KeyboardInterrupt:
        print("\nDihentikan.", file=sys.stderr)
        return 130
