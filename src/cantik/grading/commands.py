"""``cantik kelas ...``: the trainer's commands (Indonesian help; heavy imports only inside handlers).

The integrator lists this module under the ``kelas`` group in ``cantik.cli``; :func:`register` adds the
subcommands to that group's subparsers. Each handler returns its Indonesian summary and raises
:class:`cantik.errors.KelasError` for what the trainer can fix (``cantik.cli.run_command`` prints both).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

_FOLDER_HELP = "folder kelas (berisi nbgrader_config.py); bawaan: folder Kelas Cantik"


def _course(args: argparse.Namespace):  # -> Course
    from cantik.grading.course import Course

    return Course.open(args.folder)


def _mulai(args: argparse.Namespace) -> str:
    from cantik.grading.roster import start_class

    result = start_class(_course(args), args.daftar)
    return result.summary() + "\nLangkah berikutnya: `cantik kelas rilis MODUL`."


def _rilis(args: argparse.Namespace) -> str:
    from cantik.grading.release import release

    course = _course(args)
    moduls = args.modul or course.assignments()
    return "\n".join(release(course, m, exchange=not args.tanpa_exchange).summary() for m in moduls)


def _kumpulkan(args: argparse.Namespace) -> str:
    from cantik.grading.release import collect

    return collect(_course(args), args.modul).summary()


def _impor(args: argparse.Namespace) -> str:
    from cantik.grading.importer import import_files

    if not args.berkas and not args.tetapkan:
        from cantik.errors import KelasError

        raise KelasError("Tidak ada berkas yang diberikan.",
                         "Tulis berkas atau folder kiriman, mis. `cantik kelas impor D:/kiriman/`, atau "
                         "`cantik kelas impor --tetapkan BERKAS ID_PESERTA`.")
    return import_files(_course(args), args.berkas, replace=args.ganti,
                        assign=[tuple(pair) for pair in args.tetapkan or []]).summary()


def _nilai(args: argparse.Namespace) -> str:
    from cantik.grading.autograde import autograde

    result = autograde(
        _course(args),
        args.modul,
        students=args.peserta or None,
        workers=args.pekerja,
        force=args.ulang,
        timeout=args.batas_waktu,
        progress=not args.tanpa_progres,
        sandbox=not args.tanpa_sandbox,
    )
    return result.summary()


def _umpan_balik(args: argparse.Namespace) -> str:
    from cantik.grading.feedback import generate_feedback

    return generate_feedback(_course(args), args.modul, exchange=not args.tanpa_exchange,
                             before_graded=args.kirim_sebelum_dinilai).summary()


def _ekspor(args: argparse.Namespace) -> str:
    from cantik.grading.export import export_grades

    return export_grades(_course(args), args.keluaran, csv_format=args.format_csv).summary()


def _laporan(args: argparse.Namespace) -> str:
    from cantik.grading.report import class_report

    return class_report(_course(args), args.keluaran).summary()


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the trainer's subcommands.

    ``mulai``, ``rilis``, ``kumpulkan``, ``impor``, ``nilai``, ``umpan-balik``, ``ekspor``, ``laporan``.
    """
    from cantik.cli import add_command

    def cmd(name: str, help_text: str, work: Callable[[argparse.Namespace], str]) -> argparse.ArgumentParser:
        p = add_command(subparsers, name, help_text, work)
        p.add_argument("--folder", default=None, help=_FOLDER_HELP)
        return p

    p = cmd(
        "mulai", "mulai kelas dari daftar peserta (CSV atau Excel: id, nama, peran, desa, kohort)", _mulai
    )
    p.add_argument("daftar", help="berkas daftar peserta (.csv atau .xlsx)")

    p = cmd("rilis", "siapkan modul untuk peserta dan rilis ke exchange", _rilis)
    p.add_argument("modul", nargs="*", help="nama modul (bawaan: semua modul)")
    p.add_argument("--tanpa-exchange", action="store_true", help="hanya buat versi peserta, jangan rilis")

    p = cmd("kumpulkan", "kumpulkan kiriman peserta dari exchange", _kumpulkan)
    p.add_argument("modul", help="nama modul")

    p = cmd("impor", "impor berkas kiriman lepas (.ipynb atau .zip, mis. dari flashdisk atau pesan)", _impor)
    p.add_argument("berkas", nargs="*", help="berkas .ipynb, .zip, atau folder berisi berkas itu")
    p.add_argument(
        "--ganti",
        action="store_true",
        help="ganti kiriman yang sudah ada (versi lama tetap disimpan di kotak masuk)",
    )
    p.add_argument(
        "--tetapkan", nargs=2, action="append", metavar=("BERKAS", "ID"),
        help="berkas ini (mis. dari grading/karantina/) milik peserta ID; waktu simpan peserta tetap "
        "dipakai dan keputusan ini diingat untuk impor berikutnya (boleh diulang)",
    )

    p = cmd("nilai", "nilai otomatis semua kiriman sebuah modul (paralel, dengan bilah kemajuan)", _nilai)
    p.add_argument("modul", help="nama modul")
    p.add_argument("--peserta", nargs="*", help="hanya peserta ini (id)")
    p.add_argument(
        "--pekerja", type=int, default=None, help="jumlah penilai paralel (bawaan: jumlah CPU + 1)"
    )
    p.add_argument("--ulang", action="store_true", help="nilai ulang juga kiriman yang sudah dinilai")
    p.add_argument("--batas-waktu", type=int, default=None, help="batas detik per sel (bawaan: konfigurasi)")
    p.add_argument("--tanpa-progres", action="store_true", help="jangan tampilkan bilah kemajuan")
    p.add_argument(
        "--tanpa-sandbox",
        action="store_true",
        help="jalankan kode peserta TANPA sandbox (dengan hak Anda: bisa membaca buku nilai dan kiriman "
        "lain). Bawaan: setiap kiriman dinilai dalam sandbox bubblewrap",
    )

    p = cmd("umpan-balik", "buat umpan balik HTML per peserta (tanpa kode uji tersembunyi)", _umpan_balik)
    p.add_argument("modul", help="nama modul")
    p.add_argument("--tanpa-exchange", action="store_true", help="jangan kirim lewat exchange")
    p.add_argument(
        "--kirim-sebelum-dinilai", action="store_true",
        help="buat dan kirim umpan balik walau jawaban tertulis belum dinilai di Formgrader (bagian itu "
        "tertulis 'menunggu penilaian pelatih'); tanpa ini perintah menolak",
    )

    p = cmd("ekspor", "ekspor nilai ke CSV dan Excel (satu lembar per modul)", _ekspor)
    p.add_argument("--keluaran", default=None, help="folder hasil (bawaan: grading/ekspor)")
    p.add_argument(
        "--format-csv", choices=["indonesia", "internasional"], default="indonesia",
        help="indonesia (bawaan): pemisah ';' dan koma desimal, seperti Excel berbahasa Indonesia; "
        "internasional: pemisah ',' dan titik desimal",
    )

    p = cmd("laporan", "buat laporan kelas (HTML dengan grafik)", _laporan)
    p.add_argument("--keluaran", default=None, help="berkas HTML hasil (bawaan: grading/laporan_kelas.html)")
