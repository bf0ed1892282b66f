"""``cantik server …``: the class server (PostgreSQL gradebook, JupyterHub, Unix accounts).

The integrator lists this module in ``cantik.cli.GROUPS`` as the group
``("server", "Server kelas: buku nilai PostgreSQL (dan JupyterHub)", ["cantik.server.commands"])``.

Commands: ``hub-siapkan`` (hub folder from the roster; with ``--akun-unix`` also the Unix accounts),
``hub-mulai`` (run JupyterHub), ``pra-mulai`` (start every learner's server before class,
:mod:`cantik.server.prestart`), ``z2jh`` (Zero to JupyterHub values from the hub folder),
``akun-hapus`` (remove the Unix accounts made by ``--akun-unix``),
``postgres-mulai`` (initialise if needed, start, create the course database, print the
``db_url``), ``postgres-berhenti``, ``postgres-status`` and ``cek-buku-nilai`` (connect once to a gradebook
URL). Only stdlib is imported here; the work is in :mod:`cantik.server.postgres`.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path


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
    from cantik.errors import KelasError
    from cantik.server.postgres import check_gradebook_url, hide_password

    url = args.url or os.environ.get("CANTIK_GRADEBOOK_URL")
    if not url:
        raise KelasError(
            "Tidak ada alamat buku nilai yang diperiksa.",
            "Beri alamatnya sebagai argumen, atau isi variabel CANTIK_GRADEBOOK_URL.",
        )
    check_gradebook_url(url)
    return f"Buku nilai {hide_password(url)} bisa dibuka."


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``postgres-*`` and ``cek-buku-nilai`` commands to the ``server`` group."""
    from cantik.cli import add_command

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--folder", help="folder data server (bawaan: .cantik/postgres di folder proyek)")
        p.add_argument("--port", type=int, default=None,
                       help="port TCP di 127.0.0.1 (bawaan: port terakhir, atau 5433)")

    p = add_command(subparsers, "postgres-mulai",
                    "nyalakan PostgreSQL untuk buku nilai (dibuat bila belum ada) dan tampilkan alamatnya",
                    _mulai)
    common(p)
    p.add_argument("--kursus", default="kelas_cantik",
                   help="kode kursus = nama basis data (bawaan: kelas_cantik)")
    p.add_argument("--pengguna", default=None,
                   help="pengguna sistem yang menjalankan PostgreSQL bila perintah dijalankan sebagai root "
                        "(bawaan: postgres)")
    common(p := add_command(subparsers, "postgres-berhenti", "hentikan server PostgreSQL buku nilai",
                            _berhenti))
    common(p := add_command(subparsers, "postgres-status", "apakah server PostgreSQL buku nilai berjalan",
                            _status))
    p = add_command(subparsers, "cek-buku-nilai",
                    "coba buka buku nilai (SQLite atau PostgreSQL) dan jelaskan bila gagal", _cek)
    p.add_argument("url", nargs="?", help="alamat buku nilai (bawaan: isi CANTIK_GRADEBOOK_URL)")
    register_hub(subparsers)


def _hub_siapkan(args: argparse.Namespace) -> str:
    from cantik.grading.roster import read_roster
    from cantik.server.hub import hub_database, write_hub
    from cantik.server.postgres import default_base

    folder = Path(args.folder)
    trainers = [t for t in (args.pelatih or "").split(",") if t.strip()]
    learners = read_roster(args.peserta)
    gradebook = args.buku_nilai or os.environ.get("CANTIK_GRADEBOOK_URL")
    hub_db = args.db_hub
    if not hub_db and gradebook:  # the gradebook is in our PostgreSQL: the hub's database goes there too
        hub_db = hub_database(args.folder_postgres or default_base(), gradebook, "kelas_cantik")
    if args.spawner == "local":  # each account's server runs as the Unix user of that name
        from cantik.errors import KelasError
        from cantik.server.accounts import conflicts, system_accounts
        from cantik.server.hub import make_accounts

        names = [a.name for a in make_accounts(learners, trainers)]
        danger = system_accounts(names)
        if danger:
            raise KelasError(f"Id ini adalah akun sistem di server ini: {', '.join(danger)}.",
                             "Ganti id di daftar peserta; server peserta tidak boleh berjalan sebagai "
                             "akun sistem.")
        taken = conflicts(names, "kelas_cantik") if args.akun_unix else []
        if taken:
            raise KelasError(f"Id ini sudah dipakai akun Unix lain: {', '.join(taken)}. "
                             "Tidak ada yang dibuat.", "Ganti id di daftar peserta.")
    elif args.akun_unix:
        from cantik.errors import KelasError

        raise KelasError("--akun-unix hanya untuk --spawner local.",
                         "Hapus --akun-unix atau pakai --spawner local.")
    accounts = write_hub(folder, learners, trainers, port=args.port, spawner=args.spawner,
                         mem_limit=args.memori, memory_enforcement=args.cara_batas_memori,
                         idle_timeout=args.menganggur * 60, exchange_root=args.pertukaran,
                         gradebook_url=gradebook, hub_db_url=hub_db)
    made = ""
    if args.akun_unix:
        from cantik.server.accounts import create_unix_accounts

        created = create_unix_accounts(accounts, "kelas_cantik", home_base=args.folder_rumah)
        made = (f"Akun Unix dibuat: {len(created)} (yang sudah ada dari kelas ini dipakai lagi); "
                f"rumah di {args.folder_rumah}, mode 0700. Hapus nanti dengan `cantik server akun-hapus`.\n")
        made += _protect_key()
    n_trainers = sum(a.peran == "pelatih" for a in accounts)
    mode = args.cara_batas_memori
    if mode == "auto":
        from cantik.server.spawner import MemoryCgroup

        mode = "cgroup" if MemoryCgroup.for_user("_") is not None else "rlimit"
    made += {
        "cgroup": f"Batas memori {args.memori} per peserta: cgroup memori (server dan kernelnya bersama; "
                  "kernel yang melewati batas dihentikan).\n",
        "rlimit": f"Batas memori {args.memori} per proses (rlimit; tanpa root tidak ada cgroup): kode yang "
                  "melewati batas mendapat MemoryError.\n",
        "off": "Batas memori tidak ditegakkan (--cara-batas-memori off).\n",
    }[mode]
    where = "PostgreSQL (hub_db.url)" if hub_db else "SQLite (jupyterhub.sqlite)"
    return (
        f"Hub disiapkan di {folder.absolute()}: {len(accounts) - n_trainers} peserta, {n_trainers} pelatih.\n"
        f"Data hub (akun, token, server) disimpan di {where}.\n" + made +
        f"Kata sandi masuk pertama ada di {folder.absolute() / 'kata_sandi_awal.csv'} "
        "(hanya untuk pelatih; bagikan satu per satu, lalu simpan di tempat aman).\n"
        f"Nyalakan hub: cantik server hub-mulai --folder {folder}"
    )


def _protect_key() -> str:
    """Make the answer key readable by the trainers only; say so, and name copies still open to all."""
    from cantik.checks.key import open_copies, protect_answer_key
    from cantik.paths import project_root
    from cantik.server.accounts import trainer_group

    protect_answer_key(trainer_group("kelas_cantik"))
    text = ("Kunci jawaban (soal-soal cantik.checks) hanya bisa dibaca pelatih; `cek` peserta bertanya ke "
            "layanan cek.\n")
    exposed = open_copies(project_root())
    if exposed:
        text += ("PERHATIAN: folder ini masih bisa dibaca semua akun dan memuat kunci atau solusi: "
                 + ", ".join(str(p) for p in exposed) + ". Jalankan `chmod o-rwx` pada folder itu.\n")
    return text


def _akun_hapus(args: argparse.Namespace) -> str:
    import json

    from cantik.errors import KelasError
    from cantik.server.accounts import remove_unix_accounts

    settings_file = Path(args.folder) / "hub.json"
    if not settings_file.is_file():
        raise KelasError(f"Belum ada hub di folder {args.folder}.", "Sebutkan folder hub dengan --folder.")
    settings = json.loads(settings_file.read_text(encoding="utf-8"))
    removed, skipped = remove_unix_accounts(settings["learners"] + settings["trainers"],
                                            settings.get("course_id", "kelas_cantik"))
    text = f"Akun Unix dihapus: {len(removed)} ({', '.join(removed) or '-'})."
    if skipped:
        text += f"\nTidak disentuh (bukan akun kelas ini): {', '.join(skipped)}."
    return text


def _hub_mulai(args: argparse.Namespace) -> int:
    import subprocess
    import sys

    from cantik.errors import KelasError

    config = Path(args.folder) / "jupyterhub_config.py"
    if not config.is_file():
        raise KelasError(f"Belum ada hub di folder {args.folder}.",
                         "Siapkan dulu dengan `cantik server hub-siapkan PESERTA.csv --pelatih ID`.")
    hub = subprocess.Popen([str(Path(sys.executable).parent / "jupyterhub"), "-f", str(config)],
                           cwd=Path(args.folder))
    while True:
        try:
            return hub.wait()
        except KeyboardInterrupt:  # the hub got the same Ctrl-C: wait until it has stopped the servers
            continue


def _pra_mulai(args: argparse.Namespace) -> str:
    import json

    from cantik.errors import KelasError
    from cantik.server.prestart import parse_start, prestart

    settings_file = Path(args.folder) / "hub.json"
    if not settings_file.is_file():
        raise KelasError(f"Belum ada hub di folder {args.folder}.", "Sebutkan folder hub dengan --folder.")
    port = json.loads(settings_file.read_text(encoding="utf-8"))["port"]
    start = parse_start(args.mulai) if args.mulai else None
    return prestart(f"http://127.0.0.1:{port}", args.folder, start=start, learners=args.peserta or None,
                    at_once=args.sekaligus).summary()


def _z2jh(args: argparse.Namespace) -> str:
    from cantik.errors import KelasError
    from cantik.server.z2jh import write_values

    if not (Path(args.folder) / "hub.json").is_file():
        raise KelasError(f"Belum ada hub di folder {args.folder}.",
                         "Siapkan dulu dengan `cantik server hub-siapkan PESERTA.csv --pelatih ID`.")
    out = write_values(args.folder, args.keluaran)
    return (f"Nilai Helm Zero to JupyterHub ditulis ke {out}.\n"
            "Baca bagian atas berkas itu: langkah yang masih harus dikerjakan di klaster Kubernetes.")


def register_hub(subparsers: argparse._SubParsersAction) -> None:
    """Add ``hub-siapkan`` and ``hub-mulai`` (called from :func:`register`)."""
    from cantik.cli import add_command

    p = add_command(subparsers, "hub-siapkan",
                    "siapkan JupyterHub kelas dari daftar peserta: akun, peran, kata sandi awal (CSV)",
                    _hub_siapkan)
    p.add_argument("peserta", help="berkas daftar peserta (CSV atau Excel; kolom id, nama, peran)")
    p.add_argument("--pelatih",
                   help="id akun pelatih, dipisah koma (baris dengan peran 'pelatih' juga pelatih)")
    p.add_argument("--folder", default=".cantik/hub", help="folder hub (bawaan: .cantik/hub)")
    p.add_argument("--port", type=int, default=8000, help="port hub di 127.0.0.1 (bawaan: 8000)")
    p.add_argument("--spawner", choices=["local", "simple"], default="local",
                   help="local: tiap akun pengguna Unix di server (bawaan); simple: uji coba di satu akun")
    p.add_argument("--pertukaran", default="/srv/nbgrader/exchange",
                   help="folder pertukaran tugas nbgrader bersama (bawaan: /srv/nbgrader/exchange)")
    p.add_argument("--buku-nilai", dest="buku_nilai",
                   help="alamat buku nilai untuk server pelatih (bawaan: isi CANTIK_GRADEBOOK_URL, "
                        "atau berkas SQLite kursus)")
    p.add_argument("--db-hub", dest="db_hub",
                   help="alamat basis data JupyterHub sendiri (bawaan: di PostgreSQL buku nilai bila buku "
                        "nilai ada di PostgreSQL dari `cantik server postgres-mulai`, selain itu SQLite)")
    p.add_argument("--folder-postgres", dest="folder_postgres",
                   help="folder PostgreSQL dari postgres-mulai (bawaan: .cantik/postgres)")
    p.add_argument("--memori", default="1G", help="batas memori per peserta (bawaan: 1G)")
    p.add_argument("--cara-batas-memori", dest="cara_batas_memori", default="auto",
                   choices=["auto", "cgroup", "rlimit", "off"],
                   help="cara menegakkan batas memori: auto (cgroup bila root, selain itu rlimit), cgroup, "
                        "rlimit (per proses), off")
    p.add_argument("--menganggur", type=int, default=60,
                   help="menit tanpa aktivitas sebelum server peserta dimatikan (bawaan: 60)")
    p.add_argument("--akun-unix", dest="akun_unix", action="store_true",
                   help="buat akun Unix untuk tiap id (root; hanya akun baru bertanda kelas ini, akun lain "
                        "tidak disentuh)")
    p.add_argument("--folder-rumah", dest="folder_rumah", default="/home",
                   help="folder induk rumah akun Unix baru (bawaan: /home)")
    p = add_command(subparsers, "akun-hapus",
                    "hapus akun Unix yang dibuat hub-siapkan --akun-unix (akun lain tidak disentuh)",
                    _akun_hapus)
    p.add_argument("--folder", default=".cantik/hub", help="folder hub (bawaan: .cantik/hub)")
    p = add_command(subparsers, "hub-mulai", "nyalakan JupyterHub kelas (Ctrl-C untuk berhenti)", _hub_mulai)
    p.add_argument("--folder", default=".cantik/hub", help="folder hub (bawaan: .cantik/hub)")
    p = add_command(subparsers, "pra-mulai",
                    "nyalakan server semua peserta sebelum kelas (hub harus sudah menyala); server itu tidak "
                    "dimatikan karena menganggur sampai kelas mulai", _pra_mulai)
    p.add_argument("--folder", default=".cantik/hub", help="folder hub (bawaan: .cantik/hub)")
    p.add_argument("--mulai", help="jam kelas mulai, mis. 08:00 atau '2026-12-05 08:00' (waktu server ini)")
    p.add_argument("--peserta", nargs="*", help="hanya peserta ini (id); bawaan: semua peserta")
    p.add_argument("--sekaligus", type=int, default=4,
                   help="berapa server dinyalakan bersamaan (bawaan: 4, agar server tetap lancar)")
    p = add_command(subparsers, "z2jh",
                    "tulis config.yaml Zero to JupyterHub (Kubernetes) dari pengaturan hub yang sama",
                    _z2jh)
    p.add_argument("--folder", default=".cantik/hub", help="folder hub (bawaan: .cantik/hub)")
    p.add_argument("--keluaran", default="config.yaml", help="berkas YAML yang ditulis (bawaan: config.yaml)")
