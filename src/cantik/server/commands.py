"""``cantik server …``: the class server's PostgreSQL gradebook.

The integrator lists this module in ``cantik.cli.GROUPS`` as the group
``("server", "Server kelas: buku nilai PostgreSQL (dan JupyterHub)", ["cantik.server.commands"])``.

Commands: ``postgres-mulai`` (initialise if needed, start, create the course database, print the
``db_url``), ``postgres-berhenti``, ``postgres-status`` and ``cek-buku-nilai`` (connect once to a gradebook
URL). Only stdlib is imported here; the work is in :mod:`cantik.server.postgres`.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path


def _run(work: Callable[[argparse.Namespace], str]) -> Callable[[argparse.Namespace], int]:
    """Print ``work``'s text; a :class:`KelasError` is printed (Indonesian) and gives exit code 1."""

    def handler(args: argparse.Namespace) -> int:
        from cantik.grading.errors import KelasError

        try:
            print(work(args))
        except KelasError as exc:
            print(f"Gagal: {exc}")
            return 1
        return 0

    return handler


def _server(args: argparse.Namespace):  # -> PgServer
    from cantik.server.postgres import PgServer, default_base

    return PgServer(Path(args.folder) if args.folder else default_base(), port=args.port,
                    run_as=getattr(args, "pengguna", None))


def _mulai(args: argparse.Namespace) -> str:
    server = _server(args)
    server.start()
    url = server.create_course_db(args.kursus)
    return (
        f"PostgreSQL berjalan di 127.0.0.1:{server.port} (folder {server.base}).\n"
        f"Alamat buku nilai (juga tersimpan di {server.url_file(args.kursus.lower())}):\n{url}\n\n"
        "Agar nbgrader dan `cantik kelas` memakai buku nilai ini, jalankan dulu:\n"
        f"  export CANTIK_GRADEBOOK_URL='{url}'\n"
        "Tanpa variabel itu, buku nilai tetap berkas SQLite di grading/gradebook.db."
    )


def _berhenti(args: argparse.Namespace) -> str:
    server = _server(args)
    if not server.running():
        return f"PostgreSQL di folder {server.base} memang tidak berjalan."
    server.stop()
    return f"PostgreSQL di 127.0.0.1:{server.port} sudah dihentikan. Data buku nilai tetap tersimpan."


def _status(args: argparse.Namespace) -> str:
    server = _server(args)
    if not server.initialized():
        return (f"Belum ada server PostgreSQL di folder {server.base}. "
                "Buat dengan `cantik server postgres-mulai`.")
    if server.running():
        return f"PostgreSQL berjalan di 127.0.0.1:{server.port} (folder {server.base})."
    return (f"PostgreSQL di folder {server.base} tidak berjalan. "
            "Nyalakan dengan `cantik server postgres-mulai`.")


def _cek(args: argparse.Namespace) -> str:
    from cantik.grading.errors import KelasError
    from cantik.server.postgres import _hide_password, check_gradebook_url

    url = args.url or os.environ.get("CANTIK_GRADEBOOK_URL")
    if not url:
        raise KelasError(
            "Tidak ada alamat buku nilai yang diperiksa.",
            "Beri alamatnya sebagai argumen, atau isi variabel CANTIK_GRADEBOOK_URL.",
        )
    check_gradebook_url(url)
    return f"Buku nilai {_hide_password(url)} bisa dibuka."


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``postgres-*`` and ``cek-buku-nilai`` commands to the ``server`` group."""
    from cantik.cli import add_command

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--folder", help="folder data server (bawaan: .cantik/postgres di folder proyek)")
        p.add_argument("--port", type=int, default=None,
                       help="port TCP di 127.0.0.1 (bawaan: port terakhir, atau 5433)")

    p = add_command(subparsers, "postgres-mulai",
                    "nyalakan PostgreSQL untuk buku nilai (dibuat bila belum ada) dan tampilkan alamatnya",
                    _run(_mulai))
    common(p)
    p.add_argument("--kursus", default="kelas_cantik",
                   help="kode kursus = nama basis data (bawaan: kelas_cantik)")
    p.add_argument("--pengguna", default=None,
                   help="pengguna sistem yang menjalankan PostgreSQL bila perintah dijalankan sebagai root "
                        "(bawaan: postgres)")
    common(p := add_command(subparsers, "postgres-berhenti", "hentikan server PostgreSQL buku nilai",
                            _run(_berhenti)))
    common(p := add_command(subparsers, "postgres-status", "apakah server PostgreSQL buku nilai berjalan",
                            _run(_status)))
    p = add_command(subparsers, "cek-buku-nilai",
                    "coba buka buku nilai (SQLite atau PostgreSQL) dan jelaskan bila gagal", _run(_cek))
    p.add_argument("url", nargs="?", help="alamat buku nilai (bawaan: isi CANTIK_GRADEBOOK_URL)")
