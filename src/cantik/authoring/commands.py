"""``cantik kursus tulis|bangun|periksa|ekspor``: the course author's and trainer's commands.

Only the standard library is imported at module level (the CLI imports this module at start-up).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cantik.authoring.build import bangun, bangun_wilayah, daftar_modul, daftar_naskah, kedaluwarsa, tulis
from cantik.errors import CourseError
from cantik.paths import project_root


def _pilih(args: argparse.Namespace) -> list[str]:
    semua = daftar_modul()
    pilihan = args.modul or semua
    tidak_ada = [m for m in pilihan if m not in semua]
    if tidak_ada:
        raise CourseError(f"Modul tidak dikenal: {', '.join(tidak_ada)}.",
                          f"Pakai salah satu nama modul yang ada: {', '.join(semua)}.")
    return pilihan


def _cmd_tulis(args: argparse.Namespace) -> int:
    root = project_root()
    for m in args.modul or daftar_naskah(root):
        for p in tulis(m):
            print(f"Ditulis: {p.relative_to(root)}")
    return 0


def _cmd_bangun(args: argparse.Namespace) -> int:
    root = project_root()
    if args.wilayah:
        keluaran = Path(args.keluaran or root / "kursus_wilayah" / args.wilayah)
        files = bangun_wilayah(args.wilayah, keluaran, args.modul or None)
        print(f"Kursus untuk wilayah '{args.wilayah}' ditulis di {keluaran} ({len(files)} berkas): sumber di "
              "courses/, versi peserta di notebooks/.")
        return 0
    if args.keluaran:
        raise CourseError("--keluaran hanya dipakai bersama --wilayah.",
                          "Contoh: cantik kursus bangun --wilayah malinau --keluaran kursus_malinau")
    for m in _pilih(args):
        for f in bangun(m):
            print(f"Versi peserta: {f.relative_to(root)}")
    return 0


def _cmd_periksa(args: argparse.Namespace) -> int:
    status = 0
    for m in _pilih(args):
        beda = kedaluwarsa(m)
        if beda:
            status = 1
            print(f"Modul {m}: versi peserta BELUM sesuai sumbernya ({', '.join(beda)}). "
                  "Jalankan: cantik kursus bangun " + m)
        else:
            print(f"Modul {m}: versi peserta sesuai sumbernya.")
    return status


def _cmd_ekspor(args: argparse.Namespace) -> str:
    from cantik.publish import ekspor_html

    out = ekspor_html(args.notebook, args.keluaran, laporan=not args.lengkap)
    return f"Halaman HTML ditulis: {out}"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``kursus tulis|bangun|periksa|ekspor`` (Indonesian help texts)."""
    from cantik.cli import add_command

    group = add_command(subparsers, "kursus", "Materi kursus: tulis notebook sumber, bangun versi peserta",
                        lambda _a: 2)
    sub = group.add_subparsers(title="perintah", metavar="PERINTAH", dest="perintah_kursus")
    group.set_defaults(func=lambda _a, g=group: (g.print_help(), 2)[1])
    for name, help_text, func in [
        ("tulis", "tulis ulang notebook sumber (courses/) dari naskahnya (naskah/)", _cmd_tulis),
        ("bangun", "buat versi peserta (notebooks/) dengan nbgrader generate_assignment", _cmd_bangun),
        ("periksa", "periksa apakah versi peserta masih sesuai dengan sumbernya", _cmd_periksa),
    ]:
        p = add_command(sub, name, help_text, func)
        p.add_argument("modul", nargs="*", help="nama modul, misalnya modul1 (kosong = semua modul)")
        if name == "bangun":
            p.add_argument("--wilayah", metavar="KUNCI", default=None,
                           help="tulis dan bangun kursus untuk wilayah lain (misalnya malinau) di folder "
                                "tersendiri; courses/ proyek tidak diubah")
            p.add_argument("--keluaran", metavar="FOLDER", default=None,
                           help="folder kursus wilayah itu (bawaan: kursus_wilayah/KUNCI)")
    p = add_command(sub, "ekspor", "ekspor notebook yang sudah selesai menjadi satu halaman HTML "
                    "(tanpa kode)", _cmd_ekspor)
    p.add_argument("notebook", help="berkas .ipynb yang akan diekspor")
    p.add_argument("--keluaran", default=None, help="berkas HTML tujuan (bawaan: nama sama, akhiran .html)")
    p.add_argument("--lengkap", action="store_true",
                   help="seluruh notebook (tanpa kode dan sel penilaian), bukan hanya laporan")
