"""Table schemas of the Kelas Cantik datasets: the column contract every other module relies on.

Each schema is a Frictionless Table Schema (a plain ``dict``), written into ``datapackage.json`` by the
generator, used by :func:`cantik.data.load` to type columns and by :mod:`cantik.data.validate` to check a
village's own files. Titles and descriptions are Indonesian: they are shown to learners.

This module imports nothing heavy (no pandas), so the CLI can use it at start-up.
"""

from __future__ import annotations

from typing import Any

#: Places with person-level tables. The kecamatan table lives in ``KECAMATAN``.
WILAYAH: dict[str, str] = {
    "kandangan_utara": "Kelurahan Kandangan Utara",
    "taluk_haur": "Kelurahan Taluk Haur",
    "gambah_luar": "Desa Gambah Luar",
}
DEFAULT_WILAYAH = "kandangan_utara"

#: The folder and name of the kecamatan-level table (18 desa/kelurahan of Kec. Kandangan).
KECAMATAN = "kecamatan_kandangan"

#: Reference date of the synthetic population (umur is completed years at this date).
REFERENCE_DATE = "2025-06-30"

SYNTHETIC_NOTICE = (
    "DATA SINTETIS untuk latihan Kelas Cantik: dibuat komputer dan dikalibrasi ke angka publikasi, "
    "bukan data resmi BPS dan bukan data warga sebenarnya."
)

JENIS_KELAMIN = ["L", "P"]
STATUS_PERKAWINAN = ["Belum kawin", "Kawin", "Cerai hidup", "Cerai mati"]
HUBUNGAN_KELUARGA = [
    "Kepala keluarga",
    "Istri/suami",
    "Anak",
    "Menantu",
    "Cucu",
    "Orang tua/mertua",
    "Famili lain",
    "Lainnya",
]
PENDIDIKAN_TERTINGGI = [
    "Tidak punya ijazah SD",
    "SD/sederajat",
    "SMP/sederajat",
    "SMA/sederajat",
    "Diploma I/II/III",
    "D4/S1",
    "S2/S3",
]
STATUS_SEKOLAH = ["Tidak/belum pernah sekolah", "Masih sekolah", "Tidak sekolah lagi"]
JENJANG_SEKOLAH = ["PAUD/TK", "SD/sederajat", "SMP/sederajat", "SMA/sederajat", "Perguruan tinggi"]
PEKERJAAN = [
    "Belum/tidak bekerja",
    "Pelajar/mahasiswa",
    "Mengurus rumah tangga",
    "Petani/pekebun",
    "Pedagang",
    "Buruh harian lepas",
    "Karyawan swasta",
    "PNS/TNI/Polri",
    "Wiraswasta",
    "Sopir/ojek",
    "Pensiunan",
    "Lainnya",
]
JENIS_MUTASI = ["Lahir", "Mati", "Datang", "Pindah"]
SUMBER_AIR_MINUM = [
    "Air kemasan/isi ulang",
    "Leding (PDAM)",
    "Sumur bor/pompa",
    "Sumur terlindung",
    "Sungai/air hujan/lainnya",
]
YA_TIDAK = ["Ya", "Tidak"]
TUJUAN_AMPUNKU = ["Puskesmas", "RSUD"]
LAYANAN_AMPUNKU = ["Antar", "Jemput", "Antar-jemput"]


def _f(name: str, type_: str, title: str, description: str = "", **constraints: Any) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "type": type_, "title": title}
    if description:
        field["description"] = description
    if type_ == "date":
        field["format"] = "%Y-%m-%d"
    if constraints:
        field["constraints"] = constraints
    return field


def _enum(name: str, title: str, values: list[str], description: str = "", required: bool = True):
    return _f(name, "string", title, description, required=required, enum=values)


NIK_PATTERN = r"^[A-Z]{2}-P\d{5}$"
NO_KK_PATTERN = r"^[A-Z]{2}-K\d{4}$"

SCHEMAS: dict[str, dict[str, Any]] = {
    "penduduk": {
        "fields": [
            _f("nik", "string", "NIK samaran",
               "Nomor identitas samaran (bukan NIK asli): kode wilayah, 'P', lima angka.",
               required=True, unique=True, pattern=NIK_PATTERN),
            _f("no_kk", "string", "Nomor KK samaran", "Nomor Kartu Keluarga samaran.",
               required=True, pattern=NO_KK_PATTERN),
            _f("rt", "integer", "Rukun Tetangga (RT)", required=True, minimum=1, maximum=99),
            _enum("jenis_kelamin", "Jenis kelamin", JENIS_KELAMIN, "L = laki-laki, P = perempuan."),
            _f("tanggal_lahir", "date", "Tanggal lahir", required=True),
            _f("umur", "integer", "Umur (tahun)",
               f"Umur dalam tahun yang sudah genap pada tanggal rujukan {REFERENCE_DATE}.",
               required=True, minimum=0, maximum=110),
            _enum("status_perkawinan", "Status perkawinan", STATUS_PERKAWINAN),
            _enum("hubungan_keluarga", "Hubungan dengan kepala keluarga", HUBUNGAN_KELUARGA),
            _enum("pendidikan_tertinggi", "Pendidikan tertinggi yang ditamatkan", PENDIDIKAN_TERTINGGI,
                  "Ijazah tertinggi yang dimiliki."),
            _enum("status_sekolah", "Status sekolah", STATUS_SEKOLAH),
            _enum("jenjang_sekolah", "Jenjang yang sedang diikuti", JENJANG_SEKOLAH,
                  "Hanya terisi bila status sekolah 'Masih sekolah'.", required=False),
            _enum("pekerjaan", "Pekerjaan utama", PEKERJAAN),
        ],
        "primaryKey": ["nik"],
        "foreignKeys": [{"fields": ["no_kk"], "reference": {"resource": "keluarga", "fields": ["no_kk"]}}],
    },
    "keluarga": {
        "fields": [
            _f("no_kk", "string", "Nomor KK samaran", required=True, unique=True, pattern=NO_KK_PATTERN),
            _f("rt", "integer", "Rukun Tetangga (RT)", required=True, minimum=1, maximum=99),
            _f("jumlah_anggota", "integer", "Jumlah anggota keluarga", required=True, minimum=1, maximum=20),
            _f("pengeluaran_per_kapita", "integer", "Pengeluaran per kapita (Rp/bulan)",
               "Rata-rata pengeluaran sebulan untuk makanan dan bukan makanan dibagi jumlah anggota.",
               required=True, minimum=0),
            _f("pengeluaran_makanan_per_kapita", "integer", "Pengeluaran makanan per kapita (Rp/bulan)",
               "Bagian pengeluaran per kapita untuk makanan (termasuk makanan jadi dan minuman).",
               required=False, minimum=0),
            _f("luas_lantai_m2", "integer", "Luas lantai rumah (m²)",
               "Luas lantai bangunan tempat tinggal yang ditempati keluarga.", required=False, minimum=4,
               maximum=1000),
            _enum("sumber_air_minum", "Sumber air minum utama", SUMBER_AIR_MINUM, required=False),
            _enum("penerima_bansos", "Menerima bantuan sosial", YA_TIDAK,
                  "Menerima bantuan sosial pemerintah (misalnya PKH atau sembako) dalam setahun terakhir.",
                  required=False),
        ],
        "primaryKey": ["no_kk"],
    },
    "balita": {
        "fields": [
            _f("id_balita", "string", "ID balita", required=True, unique=True),
            _f("nik", "string", "NIK samaran", "Menghubungkan ke tabel penduduk.",
               required=True, pattern=NIK_PATTERN),
            _enum("jenis_kelamin", "Jenis kelamin", JENIS_KELAMIN),
            _f("tanggal_lahir", "date", "Tanggal lahir", required=True),
            _f("tanggal_ukur", "date", "Tanggal pengukuran", required=True),
            _f("umur_bulan", "integer", "Umur (bulan) saat diukur", required=True, minimum=0, maximum=59),
            _f("tinggi_cm", "number", "Tinggi/panjang badan (cm)", required=True, minimum=40, maximum=130),
            _f("berat_kg", "number", "Berat badan (kg)", required=True, minimum=1.5, maximum=35),
            _f("posyandu", "string", "Posyandu", required=True),
            _f("rt", "integer", "Rukun Tetangga (RT)", required=True, minimum=1, maximum=99),
        ],
        "primaryKey": ["id_balita"],
        "foreignKeys": [{"fields": ["nik"], "reference": {"resource": "penduduk", "fields": ["nik"]}}],
    },
    "mutasi": {
        "fields": [
            _f("periode", "yearmonth", "Bulan (tahun-bulan)", required=True),
            _f("rt", "integer", "Rukun Tetangga (RT)", required=True, minimum=1, maximum=99),
            _enum("jenis_mutasi", "Jenis mutasi", JENIS_MUTASI),
            _enum("jenis_kelamin", "Jenis kelamin", JENIS_KELAMIN),
            _f("jumlah", "integer", "Jumlah orang", required=True, minimum=0),
        ],
        "primaryKey": ["periode", "rt", "jenis_mutasi", "jenis_kelamin"],
    },
    "penduduk_tahunan": {
        "fields": [
            _f("tahun", "integer", "Tahun", required=True, minimum=2015, maximum=2025, unique=True),
            _f("jumlah_penduduk", "integer", "Jumlah penduduk (jiwa)", required=True, minimum=0),
            _f("laki_laki", "integer", "Penduduk laki-laki", required=True, minimum=0),
            _f("perempuan", "integer", "Penduduk perempuan", required=True, minimum=0),
        ],
        "primaryKey": ["tahun"],
    },
    "ampunku": {
        "fields": [
            _f("id_perjalanan", "string", "ID perjalanan", required=True, unique=True),
            _f("tanggal", "date", "Tanggal perjalanan", required=True),
            _f("rt", "integer", "RT pasien", required=True, minimum=1, maximum=99),
            _enum("tujuan", "Tujuan", TUJUAN_AMPUNKU),
            _f("jarak_km", "number", "Jarak (km)", required=True, minimum=0),
            _f("waktu_tunggu_menit", "integer", "Waktu tunggu (menit)",
               "Menit dari panggilan sampai kendaraan tiba.", required=True, minimum=0),
            _f("waktu_tempuh_menit", "integer", "Waktu tempuh (menit)", required=True, minimum=0),
            _enum("jenis_layanan", "Jenis layanan", LAYANAN_AMPUNKU),
        ],
        "primaryKey": ["id_perjalanan"],
    },
    "sumber_banding": {
        "fields": [
            _f("indikator", "string", "Indikator", required=True),
            _f("sumber", "string", "Sumber data", required=True),
            _f("tahun", "integer", "Tahun", required=True),
            _f("nilai", "number", "Nilai", required=True),
            _f("satuan", "string", "Satuan", required=True),
            _f("catatan", "string", "Catatan metode"),
        ],
        "primaryKey": ["indikator", "sumber", "tahun"],
    },
    # A deliberately dirty copy of penduduk: every column is text so the defects survive loading.
    "penduduk_mentah": {
        "fields": [
            _f(name, "string", title)
            for name, title in [
                ("nik", "NIK samaran"),
                ("no_kk", "Nomor KK samaran"),
                ("rt", "RT"),
                ("jenis_kelamin", "Jenis kelamin"),
                ("tanggal_lahir", "Tanggal lahir"),
                ("umur", "Umur (tahun)"),
                ("status_perkawinan", "Status perkawinan"),
                ("hubungan_keluarga", "Hubungan dengan kepala keluarga"),
                ("pendidikan_tertinggi", "Pendidikan tertinggi"),
                ("status_sekolah", "Status sekolah"),
                ("jenjang_sekolah", "Jenjang yang sedang diikuti"),
                ("pekerjaan", "Pekerjaan utama"),
            ]
        ],
    },
    # Teaching tables (cantik.data.teaching): registry double counting, definition drift, Simpson's
    # paradox, joining by reference codes.
    "registrasi_kk": {
        "fields": [
            _f("nik", "string", "NIK samaran", required=True, unique=True, pattern=NIK_PATTERN),
            _f("no_kk", "string", "Nomor KK samaran", required=True, pattern=NO_KK_PATTERN),
            _f("rt", "integer", "Rukun Tetangga (RT)", required=True, minimum=1, maximum=99),
            _enum("jenis_kelamin", "Jenis kelamin", JENIS_KELAMIN),
            _f("tanggal_lahir", "date", "Tanggal lahir", required=True),
            _f("umur", "integer", "Umur (tahun)", required=True, minimum=0, maximum=110),
        ],
        "primaryKey": ["nik"],
        "foreignKeys": [{"fields": ["no_kk"], "reference": {"resource": "keluarga", "fields": ["no_kk"]}}],
    },
    "lansia_tahunan": {
        "fields": [
            _f("tahun", "integer", "Tahun", required=True, unique=True),
            _f("umur_60_ke_atas", "integer", "Penduduk umur 60 tahun ke atas", required=True, minimum=0),
            _f("umur_65_ke_atas", "integer", "Penduduk umur 65 tahun ke atas", required=True, minimum=0),
            _f("batas_umur_profil", "integer", "Batas umur lansia yang dipakai profil kelurahan",
               "Umur terendah yang dihitung lansia di profil tahun itu (65 atau 60).", required=True),
            _f("lansia_di_profil", "integer", "Jumlah lansia yang tertulis di profil kelurahan",
               required=True, minimum=0),
        ],
        "primaryKey": ["tahun"],
    },
    "stunting_umur": {
        "fields": [
            _f("nama", "string", "Nama kelurahan", required=True),
            _f("kelompok_umur", "string", "Kelompok umur balita", required=True),
            _f("balita_diukur", "integer", "Balita yang diukur", required=True, minimum=0),
            _f("balita_stunting", "integer", "Balita stunting (z TB/U < -2)", required=True, minimum=0),
        ],
        "primaryKey": ["nama", "kelompok_umur"],
    },
    "kode_wilayah": {
        "fields": [
            _f("kode_wilayah", "string", "Kode wilayah (contoh)",
               "Kode contoh berformat kode wilayah BPS (2 angka provinsi, 2 kabupaten, 3 kecamatan, 3 "
               "desa/kelurahan); bukan kode resmi.", required=True, unique=True, pattern=r"^\d{10}$"),
            _f("nama", "string", "Nama desa/kelurahan", required=True, unique=True),
            _enum("status", "Status", ["Desa", "Kelurahan"]),
        ],
        "primaryKey": ["kode_wilayah"],
    },
    "sekolah_wilayah": {
        "fields": [
            _f("kode_wilayah", "string", "Kode wilayah (contoh)", required=True, unique=True,
               pattern=r"^\d{10}$"),
            _f("nama_wilayah", "string", "Nama wilayah menurut sumber sekolah",
               "Ditulis seperti di daftar sekolah, bisa berbeda dengan nama di tabel lain.", required=True),
            _f("jumlah_sd", "integer", "Jumlah SD/sederajat", required=True, minimum=0),
            _f("jumlah_smp", "integer", "Jumlah SMP/sederajat", required=True, minimum=0),
            _f("jumlah_sma", "integer", "Jumlah SMA/SMK/sederajat", required=True, minimum=0),
        ],
        "primaryKey": ["kode_wilayah"],
        "foreignKeys": [{"fields": ["kode_wilayah"],
                         "reference": {"resource": "kode_wilayah", "fields": ["kode_wilayah"]}}],
    },
    # Kecamatan level: the 18 desa/kelurahan of Kec. Kandangan.
    "desa_kelurahan": {
        "fields": [
            _f("nama", "string", "Nama desa/kelurahan", required=True, unique=True),
            _enum("status", "Status", ["Desa", "Kelurahan"]),
            _f("luas_km2", "number", "Luas wilayah (km²)", required=True, minimum=0),
            _f("jumlah_penduduk", "integer", "Jumlah penduduk (jiwa)", required=True, minimum=0),
            _f("jumlah_keluarga", "integer", "Jumlah keluarga", required=True, minimum=0),
            _f("jumlah_rt", "integer", "Jumlah RT", required=True, minimum=1),
        ],
        "primaryKey": ["nama"],
    },
}

#: Tables that exist for every place in ``WILAYAH``.
WILAYAH_TABLES = [
    "penduduk",
    "keluarga",
    "balita",
    "mutasi",
    "penduduk_tahunan",
    "sumber_banding",
    "penduduk_mentah",
    "registrasi_kk",
]
#: Tables that exist for one place only (AMPUNKU is Kandangan Utara's own service).
ONLY_IN: dict[str, str] = {"ampunku": "kandangan_utara", "desa_kelurahan": KECAMATAN,
                           "lansia_tahunan": "kandangan_utara", "stunting_umur": KECAMATAN,
                           "kode_wilayah": KECAMATAN, "sekolah_wilayah": KECAMATAN}


def tables_of(wilayah: str) -> list[str]:
    """Names of the tables available for ``wilayah`` (a key of ``WILAYAH`` or ``KECAMATAN``)."""
    base = [] if wilayah == KECAMATAN else list(WILAYAH_TABLES)
    return base + [t for t, where in ONLY_IN.items() if where == wilayah]


def field_names(table: str) -> list[str]:
    """Column names of ``table`` in contract order."""
    return [f["name"] for f in SCHEMAS[table]["fields"]]
