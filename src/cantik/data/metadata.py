"""Indonesian indicator and variable metadata in the style of BPS's SIRUSA.

:data:`INDICATORS` describes each indicator the courses teach (concept, definition, formula, unit,
interpretation, disaggregation, periodicity, source, caveats); :func:`variables` lists every column of
every table from :mod:`cantik.data.schema`. :func:`write` saves both as JSON next to the datasets:
``metadata_indikator.json`` and ``metadata_variabel.json``.

Examples
--------
>>> [i["kode"] for i in INDICATORS][:3]
['rasio_jenis_kelamin', 'rasio_ketergantungan', 'kepadatan_penduduk']
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cantik.data import schema

_KEYS = ("kode", "nama", "konsep", "definisi", "rumus", "satuan", "interpretasi", "disagregasi",
         "periodisasi", "sumber_data", "catatan")


def _ind(*values: str) -> dict[str, str]:
    return dict(zip(_KEYS, values, strict=True))


_BASE: list[dict[str, str]] = [
    _ind("rasio_jenis_kelamin", "Rasio jenis kelamin",
         "Komposisi penduduk menurut jenis kelamin.",
         "Perbandingan banyaknya penduduk laki-laki dengan banyaknya penduduk perempuan pada suatu daerah "
         "dan waktu tertentu.",
         "RJK = (jumlah penduduk laki-laki / jumlah penduduk perempuan) × 100",
         "laki-laki per 100 perempuan",
         "RJK 101 berarti ada 101 laki-laki untuk setiap 100 perempuan. Di atas 100: laki-laki lebih banyak; "
         "di bawah 100: perempuan lebih banyak. Pada kelompok umur tua biasanya di bawah 100 karena harapan "
         "hidup perempuan lebih panjang.",
         "Wilayah (RT, desa/kelurahan), kelompok umur.",
         "Tahunan; sensus 10 tahunan.",
         "Sensus Penduduk, registrasi penduduk (Dukcapil), pendataan desa.",
         "Pendatang laki-laki yang bekerja (misalnya buruh proyek) atau perantau yang pergi dapat menggeser "
         "angka di wilayah kecil."),
    _ind("rasio_ketergantungan", "Rasio ketergantungan (angka beban tanggungan)",
         "Beban ekonomi penduduk usia produktif menanggung penduduk usia belum dan tidak produktif.",
         "Perbandingan jumlah penduduk umur 0-14 tahun ditambah umur 65 tahun ke atas dengan jumlah penduduk "
         "umur 15-64 tahun.",
         "RK = (P 0-14 + P 65+) / P 15-64 × 100; RK muda = P 0-14 / P 15-64 × 100; RK tua = P 65+ / P 15-64 "
         "× 100",
         "tanggungan per 100 penduduk usia produktif",
         "RK 50 berarti setiap 100 penduduk usia 15-64 tahun menanggung 50 penduduk usia 0-14 dan 65+. Angka "
         "turun berarti beban tanggungan berkurang (bonus demografi).",
         "Wilayah, jenis kelamin; dipisah menjadi rasio muda dan tua.",
         "Tahunan.",
         "Sensus Penduduk, proyeksi penduduk, registrasi penduduk.",
         "Berdasarkan umur, bukan status bekerja: tidak semua umur 15-64 bekerja dan banyak umur 65+ masih "
         "bekerja."),
    _ind("kepadatan_penduduk", "Kepadatan penduduk",
         "Persebaran penduduk terhadap luas wilayah.",
         "Banyaknya penduduk per kilometer persegi luas wilayah.",
         "Kepadatan = jumlah penduduk / luas wilayah (km²)",
         "jiwa per km²",
         "Kepadatan 465 jiwa/km² berarti rata-rata 465 orang tinggal di setiap km². Kelurahan perkotaan jauh "
         "lebih padat daripada desa.",
         "Wilayah (kecamatan, desa/kelurahan).",
         "Tahunan.",
         "Jumlah penduduk: sensus/proyeksi/registrasi; luas: Kemendagri/BIG.",
         "Luas mencakup sawah, rawa dan hutan yang tidak dihuni; pembanding antardaerah harus memakai sumber "
         "luas yang sama."),
    _ind("laju_pertumbuhan_penduduk", "Laju pertumbuhan penduduk (geometrik dan eksponensial)",
         "Perubahan jumlah penduduk dari waktu ke waktu.",
         "Angka yang menunjukkan rata-rata tingkat pertambahan penduduk per tahun dalam jangka waktu "
         "tertentu.",
         "Geometrik (bawaan BPS): r = (Pt / P0)^(1/t) - 1; eksponensial: r = ln(Pt / P0) / t; t = jumlah "
         "tahun",
         "persen per tahun",
         "r = 1,2% berarti penduduk bertambah rata-rata 1,2% setiap tahun. Kedua rumus memberi angka "
         "hampir sama untuk laju kecil; sebutkan rumus yang dipakai.",
         "Wilayah, jenis kelamin.",
         "Antarsensus atau tahunan.",
         "Sensus Penduduk, proyeksi penduduk, registrasi (lahir, mati, datang, pindah).",
         "Pertumbuhan = kelahiran - kematian + migrasi masuk - migrasi keluar; di kelurahan, migrasi sering "
         "lebih besar daripada kelahiran. Perubahan batas wilayah membuat angka tidak sebanding."),
    _ind("median_umur", "Median umur",
         "Struktur umur penduduk (tua atau muda).",
         "Umur yang membagi penduduk menjadi dua bagian sama banyak: separuh lebih muda, separuh lebih tua.",
         "Dari kelompok umur 5 tahunan: Md = L + ((n/2 - F) / f) × i; L = batas bawah kelompok median, F = "
         "frekuensi kumulatif sebelum kelompok median, f = frekuensi kelompok median, i = lebar kelompok (5)",
         "tahun",
         "Median di bawah 20: penduduk muda; 20-30: menengah; di atas 30: tua.",
         "Wilayah, jenis kelamin.",
         "Tahunan.",
         "Sensus Penduduk, registrasi penduduk.",
         "Hasil dari data berkelompok sedikit berbeda dengan median dari umur tunggal; pengumpulan umur yang "
         "menumpuk di angka 0/5 juga menggeser hasil."),
    _ind("aps", "Angka Partisipasi Sekolah (APS)",
         "Akses penduduk usia sekolah terhadap pendidikan.",
         "Proporsi penduduk kelompok umur tertentu yang masih sekolah (di jenjang mana pun) terhadap seluruh "
         "penduduk kelompok umur itu.",
         "APS = (penduduk umur a-b yang masih sekolah / penduduk umur a-b) × 100; kelompok 7-12, 13-15, "
         "16-18, 19-23",
         "persen",
         "APS 7-12 = 99% berarti 99 dari 100 anak umur 7-12 tahun sedang sekolah. Maksimal 100.",
         "Kelompok umur, jenis kelamin, wilayah.",
         "Tahunan.",
         "Susenas (BPS), pendataan desa.",
         "Tidak melihat jenjang: anak 13 tahun yang masih SD tetap dihitung sekolah."),
    _ind("apk", "Angka Partisipasi Kasar (APK)",
         "Kapasitas sistem pendidikan menampung murid pada suatu jenjang.",
         "Perbandingan jumlah murid pada suatu jenjang (berapa pun umurnya) dengan penduduk umur resmi "
         "jenjang itu.",
         "APK SD = murid SD (semua umur) / penduduk 7-12 × 100; SMP: umur 13-15; SMA/sederajat: umur 16-18",
         "persen",
         "APK bisa lebih dari 100 bila banyak murid di luar umur resminya (terlambat masuk, tinggal kelas, "
         "atau masuk lebih awal). APK jauh di atas APM menandakan banyak murid di luar umur resmi.",
         "Jenjang, jenis kelamin, wilayah.",
         "Tahunan.",
         "Susenas (BPS), Dapodik (Kemendikbud), pendataan desa.",
         "Di wilayah kecil, murid dari desa lain yang tinggal di rumah kerabat ikut terhitung."),
    _ind("apm", "Angka Partisipasi Murni (APM)",
         "Ketepatan umur murid pada jenjangnya.",
         "Perbandingan jumlah murid umur resmi suatu jenjang yang bersekolah di jenjang itu dengan penduduk "
         "umur resmi jenjang itu.",
         "APM SD = murid SD umur 7-12 / penduduk 7-12 × 100; SMP: 13-15; SMA/sederajat: 16-18",
         "persen",
         "APM tidak pernah lebih dari 100. APM 85% untuk SMP berarti 85 dari 100 anak umur 13-15 duduk di "
         "SMP.",
         "Jenjang, jenis kelamin, wilayah.",
         "Tahunan.",
         "Susenas (BPS), pendataan desa.",
         "Anak umur 13-15 yang masih SD menurunkan APM SMP walaupun mereka sekolah."),
    _ind("garis_kemiskinan", "Garis kemiskinan (GK)",
         "Pendekatan kebutuhan dasar (basic needs approach): kemiskinan dipandang sebagai ketidakmampuan "
         "memenuhi kebutuhan dasar makanan dan bukan makanan, diukur dari pengeluaran.",
         "Nilai pengeluaran minimum per kapita per bulan untuk memenuhi kebutuhan dasar makanan (setara "
         "2.100 kkal per orang per hari) dan bukan makanan.",
         "GK = GK makanan + GK bukan makanan",
         "rupiah per kapita per bulan",
         "Penduduk dengan pengeluaran per kapita di bawah GK disebut miskin. GK Kalimantan Selatan "
         "dilaporkan Rp581.229 (Sep 2022) dan Rp644.107 (Sep 2024).",
         "Provinsi, kabupaten/kota; perkotaan dan perdesaan.",
         "Semesteran (Maret, September) untuk provinsi; tahunan untuk kabupaten.",
         "Susenas (BPS).",
         "GK berubah setiap periode mengikuti harga; membandingkan jumlah miskin antartahun dengan GK yang "
         "berbeda adalah soal definisi, bukan kesalahan. Di kelas ini dipakai GK provinsi untuk data "
         "sintetis."),
    _ind("p0", "Persentase penduduk miskin (P0, headcount index)",
         "Insiden kemiskinan.",
         "Persentase penduduk yang pengeluaran per kapita per bulannya di bawah garis kemiskinan.",
         "P0 = (1/n) × Σ I(y_i < GK) × 100; n = jumlah penduduk, y_i = pengeluaran per kapita orang ke-i",
         "persen",
         "P0 4,01% berarti sekitar 4 dari 100 penduduk miskin. Turun dari 4,54% ke 4,01% adalah turun "
         "0,53 poin persen (sekitar 11,7 persen), bukan turun 0,53 persen.",
         "Wilayah, perkotaan/perdesaan.",
         "Semesteran/tahunan.",
         "Susenas (BPS).",
         "Dihitung per orang, bukan per keluarga. Tidak menunjukkan seberapa jauh orang miskin dari GK "
         "(lihat P1 dan P2)."),
    _ind("p1", "Indeks kedalaman kemiskinan (P1, poverty gap index)",
         "Kedalaman kemiskinan.",
         "Rata-rata jarak pengeluaran penduduk miskin terhadap garis kemiskinan, dibagi seluruh penduduk.",
         "P1 = (1/n) × Σ_{y_i < GK} ((GK - y_i) / GK)",
         "indeks (sering ditulis × 100)",
         "Makin tinggi P1, makin jauh rata-rata pengeluaran penduduk miskin dari GK. P0 bisa turun sementara "
         "P1 naik: lebih sedikit orang miskin, tetapi yang tersisa makin miskin.",
         "Wilayah, perkotaan/perdesaan.",
         "Semesteran/tahunan.",
         "Susenas (BPS).",
         "Pembaginya seluruh penduduk (n), bukan hanya penduduk miskin."),
    _ind("p2", "Indeks keparahan kemiskinan (P2, poverty severity index)",
         "Keparahan dan ketimpangan di antara penduduk miskin.",
         "Rata-rata kuadrat jarak relatif pengeluaran penduduk miskin terhadap garis kemiskinan.",
         "P2 = (1/n) × Σ_{y_i < GK} ((GK - y_i) / GK)²",
         "indeks (sering ditulis × 100)",
         "Makin tinggi P2, makin timpang pengeluaran di antara penduduk miskin; yang paling miskin diberi "
         "bobot paling besar.",
         "Wilayah, perkotaan/perdesaan.",
         "Semesteran/tahunan.",
         "Susenas (BPS).",
         "Angkanya kecil dan sensitif terhadap beberapa orang termiskin; pada sampel kecil sangat "
         "berfluktuasi."),
    _ind("prevalensi_stunting", "Prevalensi balita pendek (stunting)",
         "Gizi kronis pada balita, diukur dari tinggi badan menurut umur (TB/U).",
         "Persentase balita dengan skor-z TB/U di bawah -2 simpangan baku median Standar Pertumbuhan Anak "
         "WHO 2006 (pendek); di bawah -3 disebut sangat pendek.",
         "Prevalensi = (balita dengan z TB/U < -2 / balita yang diukur) × 100; z dihitung dengan metode LMS "
         "WHO",
         "persen",
         "Prevalensi 20% berarti 1 dari 5 balita yang diukur lebih pendek dari -2 SD anak seumurnya. Angka "
         "posyandu (e-PPGBM) dan survei (SSGI) untuk wilayah yang sama bisa sangat berbeda: HSS dilaporkan "
         "sekitar 5% (e-PPGBM) dan 29,1% (SSGI 2021).",
         "Wilayah, posyandu, jenis kelamin, kelompok umur.",
         "e-PPGBM: bulanan/bulan timbang (Februari, Agustus); SSGI/SKI: tahunan.",
         "e-PPGBM (posyandu, Kementerian Kesehatan); SSGI/SKI (survei sampel).",
         "Pengukuran posyandu memakai alat dan kader yang beragam dan hanya mencakup balita yang datang; "
         "survei memakai petugas terlatih tetapi punya galat sampling dan tidak tersedia untuk kelurahan."),
    _ind("indeks_whipple", "Indeks Whipple",
         "Kualitas pelaporan umur: penumpukan umur (age heaping) pada angka berakhiran 0 dan 5.",
         "Perbandingan jumlah penduduk umur 23-62 tahun yang umurnya berakhiran 0 atau 5 dengan seperlima "
         "jumlah penduduk umur 23-62 tahun.",
         "W = (Σ P25, P30, ..., P60) / ((1/5) × Σ P23..P62) × 100",
         "indeks",
         "100 = tidak ada penumpukan; di bawah 105 sangat akurat; 105-110 cukup akurat; 110-125 kurang; "
         "125-175 buruk; di atas 175 sangat buruk (klasifikasi PBB).",
         "Wilayah, jenis kelamin, petugas/sumber data.",
         "Setiap kali data umur dikumpulkan.",
         "Sensus, survei, registrasi, pendataan desa.",
         "Angka di atas 110 menandakan umur banyak diperkirakan atau dibulatkan; periksa tanggal lahir."),
]


#: SIRUSA's "metode perhitungan" and "skala pengukuran" of each indicator, merged into INDICATORS below.
_METHOD_SCALE: dict[str, tuple[str, str]] = {
    "rasio_jenis_kelamin": ("Hitung penduduk laki-laki dan perempuan, bagi, kalikan 100.", "Rasio"),
    "rasio_ketergantungan": ("Kelompokkan penduduk menurut umur (0-14, 15-64, 65+), jumlahkan kelompok "
                             "bukan produktif, bagi dengan kelompok produktif, kalikan 100.", "Rasio"),
    "kepadatan_penduduk": ("Bagi jumlah penduduk pertengahan tahun dengan luas wilayah daratan.", "Rasio"),
    "laju_pertumbuhan_penduduk": ("Ambil jumlah penduduk dua titik waktu dan selisih tahunnya, lalu pakai "
                                  "rumus geometrik (atau eksponensial, sebutkan).", "Persentase"),
    "median_umur": ("Susun kelompok umur 5 tahunan, hitung frekuensi kumulatif, cari kelompok yang memuat "
                    "penduduk ke-n/2, lalu interpolasi.", "Interval (tahun)"),
    "aps": ("Hitung penduduk kelompok umur yang berstatus masih sekolah, bagi dengan penduduk kelompok umur "
            "itu, kalikan 100.", "Persentase"),
    "apk": ("Hitung murid pada jenjang (semua umur), bagi dengan penduduk umur resmi jenjang, kalikan 100.",
            "Persentase"),
    "apm": ("Hitung murid umur resmi yang bersekolah di jenjangnya, bagi dengan penduduk umur resmi, kalikan "
            "100.", "Persentase"),
    "garis_kemiskinan": ("GK makanan dari nilai paket komoditas makanan setara 2.100 kkal; GK bukan makanan "
                         "dari paket kebutuhan dasar bukan makanan; keduanya dari harga dan pola konsumsi "
                         "penduduk referensi Susenas.", "Rupiah"),
    "p0": ("Bandingkan pengeluaran per kapita setiap orang dengan GK; hitung persentase yang di bawah GK "
           "(setiap anggota keluarga dihitung).", "Persentase"),
    "p1": ("Untuk setiap orang miskin hitung (GK - pengeluaran) / GK; jumlahkan dan bagi dengan seluruh "
           "penduduk.", "Indeks"),
    "p2": ("Seperti P1 tetapi setiap jarak relatif dikuadratkan sebelum dijumlahkan.", "Indeks"),
    "prevalensi_stunting": ("Hitung skor-z TB/U setiap balita dengan tabel LMS WHO 2006 (umur dalam hari, "
                            "panjang badan untuk umur < 24 bulan, tinggi badan untuk 24 bulan ke atas), "
                            "buang z yang tidak masuk akal (|z| > 6), hitung persentase z < -2.",
                            "Persentase"),
    "indeks_whipple": ("Hitung penduduk umur 23-62 tahun dan yang umurnya 25, 30, ..., 60; bagi yang kedua "
                       "dengan seperlima yang pertama, kalikan 100.", "Indeks"),
}


def _with_method(row: dict[str, str]) -> dict[str, str]:
    method, scale = _METHOD_SCALE[row["kode"]]
    out: dict[str, str] = {}
    for k, v in row.items():
        out[k] = v
        if k == "definisi":
            out["metode_perhitungan"] = method
        if k == "satuan":
            out["skala"] = scale
    return out


#: Indicator metadata, SIRUSA fields in order: kode, nama, konsep, definisi, metode_perhitungan, rumus,
#: satuan, skala, interpretasi, disagregasi, periodisasi, sumber_data, catatan.
INDICATORS: list[dict[str, str]] = [_with_method(r) for r in _BASE]


def variables() -> list[dict[str, Any]]:
    """Variable metadata of every table: name, title, description, type, allowed values, required."""
    out: list[dict[str, Any]] = []
    for table, sch in schema.SCHEMAS.items():
        for f in sch["fields"]:
            c = f.get("constraints", {})
            out.append({
                "tabel": table,
                "nama_variabel": f["name"],
                "label": f["title"],
                "definisi": f.get("description", ""),
                "tipe": f["type"],
                "nilai_yang_boleh": c.get("enum"),
                "minimum": c.get("minimum"),
                "maksimum": c.get("maximum"),
                "wajib_isi": bool(c.get("required", False)),
                "catatan": schema.SYNTHETIC_NOTICE,
            })
    return out


def _dump(obj: Any) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write(out_dir: Path) -> list[Path]:
    """Write ``metadata_indikator.json`` and ``metadata_variabel.json`` into ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = {
        "metadata_indikator.json": {"catatan": "Metadata indikator gaya SIRUSA (BPS) untuk Kelas Cantik. "
                                               "Angka contoh berasal dari laporan sekunder (perkiraan), "
                                               "bukan angka resmi. " + schema.SYNTHETIC_NOTICE,
                                    "indikator": INDICATORS},
        "metadata_variabel.json": {"catatan": schema.SYNTHETIC_NOTICE, "variabel": variables()},
    }
    paths = []
    for name, obj in docs.items():
        p = out_dir / name
        data = _dump(obj)
        if not p.exists() or p.read_bytes() != data:
            p.write_bytes(data)
        paths.append(p)
    return paths
