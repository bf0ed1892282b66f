"""The ``cantik`` command: one entry point, subcommands with Indonesian help texts.

Each command group lives in the module that does the work and exposes ``register(subparsers)``; this file
only lists them. Those modules import nothing heavy at the top, so ``cantik --help`` stays fast and never
imports pandas or matplotlib (tested).

Every command runs through :func:`run_command` (:func:`add_command` wraps it): a handler returns its
Indonesian summary (printed) or an exit status, and raises :class:`cantik.errors.CantikError` for an
expected failure, which ends as ``GAGAL: …`` on stderr with the error's exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from cantik import __version__
from cantik.errors import CantikError

#: Every command added by :func:`add_command` while :func:`build_parser` ran: its words after ``cantik``
#: (e.g. ``"kelas nilai"``; aliases too, e.g. ``"data generate"``) → its parser.
COMMANDS: dict[str, argparse.ArgumentParser] = {}

#: What a command handler gives back: its summary text (printed; exit status 0) or an exit status.
Handler = Callable[[argparse.Namespace], "str | int | None"]

#: (group name, Indonesian help, modules whose ``register(subparsers)`` fill the group).
#: A group with name ``None`` puts its modules' commands at the top level.
GROUPS: list[tuple[str | None, str, list[str]]] = [
    (None, "", ["cantik.start", "cantik.authoring.commands", "cantik.apps.commands"]),
    (
        "data",
        "Dataset desa/kelurahan: buat (sintetis), kalibrasi, daftar tabel, periksa berkas CSV, impor data "
        "nyata",
        ["cantik.data.commands", "cantik.data.validate_commands", "cantik.data.import_commands"],
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


def run_command(func: Handler) -> Callable[[argparse.Namespace], int]:
    """Wrap a command handler: print the text it returns; an expected error becomes ``GAGAL: …``.

    A :class:`~cantik.errors.CantikError` is printed on stderr after ``GAGAL:`` and gives the error's exit
    status (1 unless the error says otherwise); a returned string is printed and gives 0; a returned
    number is the exit status.

    Examples
    --------
    >>> from cantik.errors import KelasError
    >>> def gagal(args):
    ...     raise KelasError("Modul 'modul99' tidak ada.", "Lihat daftar modul di folder courses/.")
    >>> import contextlib, io
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err):
    ...     code = run_command(gagal)(argparse.Namespace())
    >>> code, err.getvalue().splitlines()[0]
    (1, "GAGAL: Modul 'modul99' tidak ada.")
    >>> run_command(lambda args: "Selesai.")(argparse.Namespace())
    Selesai.
    0
    """

    def handler(args: argparse.Namespace) -> int:
        try:
            out = func(args)
        except CantikError as exc:
            print(f"GAGAL: {exc}", file=sys.stderr)
            return exc.exit_code
        if isinstance(out, str):
            print(out)
            return 0
        return int(out or 0)

    handler.__wrapped__ = func  # type: ignore[attr-defined]
    return handler


def add_command(
    subparsers: argparse._SubParsersAction,
    name: str,
    help_text: str,
    func: Handler,
    aliases: Sequence[str] = (),
) -> argparse.ArgumentParser:
    """Add one subcommand with Indonesian help; command modules call this from their ``register``.

    ``func`` runs through :func:`run_command`. ``aliases``: other names of the same command (the English
    names kept from before the naming rule, e.g. ``generate`` for ``buat``).

    Examples
    --------
    >>> def register(subparsers):
    ...     p = add_command(subparsers, "halo", "sapa peserta", lambda args: f"Halo {args.nama}")
    ...     p.add_argument("nama", help="nama peserta")
    """
    parser = subparsers.add_parser(name, help=help_text, description=help_text, formatter_class=_Formatter,
                                   add_help=False, aliases=list(aliases))
    parser.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")
    parser.set_defaults(func=run_command(func))
    path = parser.prog.removeprefix("cantik").strip()
    COMMANDS[path] = parser
    for alias in aliases:
        COMMANDS[path.rpartition(" ")[0] + " " + alias if " " in path else alias] = parser
    return parser


def _add_subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return parser.add_subparsers(title="perintah", metavar="PERINTAH", dest="command")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (imports each command module, none of which imports pandas).

    :data:`COMMANDS` then lists every command and group, e.g. ``"kelas"`` and ``"kelas nilai"``.
    """
    COMMANDS.clear()
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
