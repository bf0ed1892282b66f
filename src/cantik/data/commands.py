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
    g = p.add_argument_group(
        "wilayah baru", "buat (atau buat ulang) SATU wilayah sintetis dari beberapa angka publikasi; tanpa "
        "angka, wilayah yang sudah ada dibuat ulang dari wilayah.json-nya")
    g.add_argument("--wilayah", metavar="KUNCI", help="kunci (nama folder) wilayah, misalnya malinau")
    for flag, help_text in _PROFILE_FLAGS.items():
        g.add_argument(f"--{flag}", metavar=flag.upper().replace("-", "_"), help=help_text)
    for key, (name, unit, level) in _figure_flags().items():
        g.add_argument(f"--{key.replace('_', '-')}", dest=f"angka_{key}", type=float, metavar="ANGKA",
                       help=f"{name} ({unit}; tingkat {level})")
    g.add_argument("--sumber", metavar="TEKS",
                   help="sumber semua angka di atas (misalnya 'Profil desa 2024')")
    g.add_argument("--sumber-angka", metavar="KUNCI=TEKS", action="append", default=[],
                   help="sumber satu angka, misalnya p0_kabupaten='BPS Kab. HSS 2023' (boleh berulang)")
    p = add_command(subparsers, "kalibrasi",
                    "bandingkan data sintetis dengan angka yang dilaporkan (kalibrasi)", run_calibrate,
                    aliases=["calibrate"])
    p.add_argument("--folder", metavar="FOLDER", default=None,
                   help="folder dataset yang diperiksa (bawaan: folder datasets/ proyek)")


#: Profile fields of a new place given on the command line (flag → help).
_PROFILE_FLAGS = {
    "nama": "nama wilayah tanpa 'Desa'/'Kelurahan', misalnya Malinau",
    "jenis": "desa atau kelurahan",
    "kecamatan": "nama kecamatan",
    "kabupaten": "nama kabupaten/kota, misalnya Hulu Sungai Selatan",
    "provinsi": "nama provinsi",
    "tahun-cantik": "tahun menjadi lokus Desa/Kelurahan Cantik (boleh dikosongkan)",
    "satuan": "RT atau dusun",
    "tabel-pilihan": "tabel pilihan yang ada, dipisah koma (misalnya ampunku); bawaan: tidak ada",
    "pembanding": "wilayah pembanding, dipisah koma (bawaan: ketiga wilayah bawaan)",
    "catatan": "catatan tentang wilayah ini",
}


def _figure_flags() -> dict[str, tuple[str, str, str]]:
    from cantik.data.synthetic_place import FIGURES

    return FIGURES


def _new_profile(args: argparse.Namespace, seed: int):  # type: ignore[no-untyped-def]
    """The profile of ``--wilayah``: a new one from the figures given, else the existing ``wilayah.json``."""
    from cantik.data import profile as prof
    from cantik.data.loader import normalise_name
    from cantik.data.schema import WILAYAH
    from cantik.data.synthetic_place import new_profile, require_figures

    key = normalise_name(args.wilayah)
    given = {k: getattr(args, f"angka_{k}") for k in _figure_flags()}
    values = {k: v for k, v in given.items() if v is not None}
    fields = {f.replace("-", "_"): getattr(args, f.replace("-", "_")) for f in _PROFILE_FLAGS}
    if not values and not any(fields.values()):
        existing = prof.load_profile(key)
        if not existing.synthetic:
            raise CantikError(f"Wilayah '{key}' berisi data nyata; data nyata tidak dibangkitkan.",
                              "Pakai `cantik data impor` untuk memperbarui data nyata.", exit_code=2)
        return existing
    if key in WILAYAH:
        raise CantikError(f"'{key}' adalah wilayah bawaan; angkanya diatur di cantik.data.calibration.",
                          "Pilih kunci lain untuk wilayah baru.", exit_code=2)
    require_figures(values)
    sources = {}
    for item in args.sumber_angka:
        name, sep, text = item.partition("=")
        if not sep or name.strip() not in _figure_flags() or not text.strip():
            raise CantikError(f"--sumber-angka {item!r} harus berbentuk KUNCI=TEKS dengan KUNCI salah satu "
                              "dari "
                              f"{', '.join(_figure_flags())}.", exit_code=2)
        sources[name.strip()] = text.strip()
    missing_source = [k for k in values if k not in sources] if not args.sumber else []
    if missing_source:
        raise CantikError(f"Sumber angka belum diberikan untuk: {', '.join(missing_source)}.",
                          "Tambahkan --sumber TEKS (untuk semua angka) atau --sumber-angka KUNCI=TEKS.",
                          exit_code=2)
    if fields["tahun_cantik"]:
        if not str(fields["tahun_cantik"]).isdigit():
            raise CantikError(f"--tahun-cantik harus tahun seperti 2026, bukan {fields['tahun_cantik']!r}.",
                              exit_code=2)
        fields["tahun_cantik"] = int(fields["tahun_cantik"])
    for list_field in ("tabel_pilihan", "pembanding"):
        raw = fields.pop(list_field)
        fields[list_field] = [normalise_name(x) for x in raw.split(",") if x.strip()] if raw else []
    if not fields["pembanding"]:
        fields["pembanding"] = list(WILAYAH)
    fields["jenis"] = (fields["jenis"] or "").lower()
    fields = {k: v for k, v in fields.items() if v not in (None, "")}
    taken = {p.code for p in _places().values()}
    return new_profile(key, fields, values, sources, args.sumber or "", seed=seed, taken_codes=taken)


def _places():  # type: ignore[no-untyped-def]
    from cantik.data.people import PLACES

    return PLACES


def run_generate(args: argparse.Namespace) -> int:
    """Handler of ``cantik data buat``."""
    from cantik.data.generate import generate

    if args.seed < 0:
        raise CantikError(f"Benih acak harus bilangan bulat 0 atau lebih, bukan {args.seed}.", exit_code=2)
    out = Path(args.keluaran) if args.keluaran else None
    if out is not None and out.exists() and not out.is_dir():
        raise CantikError(f"'{out}' sudah ada dan bukan folder.", "Pilih folder lain untuk --keluaran.",
                          exit_code=2)
    only = _new_profile(args, args.seed) if args.wilayah else None
    try:
        paths = generate(out, seed=args.seed, only=only)
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
