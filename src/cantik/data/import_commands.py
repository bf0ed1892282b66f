"""``cantik data impor`` and ``cantik data templat``: a village's own files as a real place, and the
mapping workbook to fill in (stdlib-only imports at the top; the work is in :mod:`cantik.data.importer`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from cantik.errors import CantikError


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``impor`` and ``templat`` to the ``cantik data`` group."""
    from cantik.cli import add_command

    p = add_command(subparsers, "impor",
                    "impor berkas milik desa/kelurahan (Excel atau CSV) sebagai data NYATA sebuah wilayah; "
                    "berkas Anda tidak diubah, hasilnya di folder data_nyata/ yang tidak masuk git",
                    run_import)
    p.add_argument("folder", metavar="FOLDER", help="folder berisi berkas desa (dan pemetaan.xlsx)")
    p.add_argument("--wilayah", required=True, metavar="KUNCI",
                   help="kunci wilayah (nama folder hasil), misalnya sungai_raya")
    p.add_argument("--pemetaan", metavar="BERKAS.xlsx", default=None,
                   help="berkas pemetaan kolom dan profil wilayah (bawaan: FOLDER/pemetaan.xlsx)")
    t = add_command(subparsers, "templat",
                    "tulis templat berkas pemetaan (pemetaan.xlsx) untuk `cantik data impor`", run_template)
    t.add_argument("berkas", metavar="BERKAS.xlsx", help="berkas templat yang dibuat (tidak menimpa)")


def run_import(args: argparse.Namespace) -> int:
    """Handler of ``cantik data impor``: exit 0 when written, 1 when the files have problems."""
    from cantik.data.importer import import_place
    from cantik.paths import real_data_dir

    mapping = Path(args.pemetaan) if args.pemetaan else None
    if mapping is not None and not mapping.is_file():
        raise CantikError(f"Berkas pemetaan '{mapping}' tidak ditemukan.",
                          "Buat dengan `cantik data templat pemetaan.xlsx`, isi, lalu sebutkan dengan "
                          "--pemetaan.",
                          exit_code=2)
    result = import_place(Path(args.folder), args.wilayah, mapping)
    for line in result.warnings:
        print(f"PERINGATAN  {line}")
    if not result.ok:
        for line in result.problems:
            print(f"GALAT  {line}")
        print(f"{len(result.problems)} galat: data BELUM diimpor, tidak ada yang ditulis. Berkas Anda di "
              f"{args.folder} tidak diubah. Perbaiki galat di atas lalu jalankan perintah ini lagi.")
        return 1
    print(f"Data NYATA wilayah '{result.key}' diimpor ke {result.folder}:")
    for table, rows in result.rows.items():
        print(f"  {table:<18} {rows} baris")
    print(f"Folder {real_data_dir()} TIDAK masuk git (.gitignore): data warga tetap di komputer ini. Berkas "
          f"Anda di {args.folder} tidak diubah.")
    print(f"Muat di notebook: cantik.data.load(\"penduduk\", wilayah=\"{result.key}\")")
    print(f"Kursus untuk wilayah ini: cantik kursus bangun --wilayah {result.key}")
    print(f"Aplikasi publik: tambahkan ?wilayah={result.key} pada alamat aplikasi (langsung bisa). Pilihan "
          "wilayah di halaman depan galeri memuat wilayah ini setelah `cantik aplikasi` dijalankan ulang.")
    return 0


def run_template(args: argparse.Namespace) -> int:
    """Handler of ``cantik data templat``."""
    from cantik.data.mapping import write_template

    path = write_template(Path(args.berkas))
    print(f"Templat pemetaan ditulis ke {path}. Isi lembar 'wilayah' dan 'kolom', simpan di folder berkas "
          "desa dengan nama pemetaan.xlsx, lalu jalankan: cantik data impor FOLDER --wilayah KUNCI")
    return 0
