"""Shared cells of every Kelas Cantik notebook (used by the authoring scripts in this folder)."""

from cantik.apps.registry import by_slug
from cantik.authoring.cells import kode, md
from cantik.authoring.place import Tempat
from cantik.data import active_wilayah

#: The place this course is written for: Kandangan Utara, or the place of `cantik kursus bangun --wilayah`
#: (cantik.authoring.place). Every place name, type, unit and planning term in the texts comes from here.
tempat = Tempat.dari(active_wilayah())

#: Numbers course text may type because they are definitions, not data (every other number is computed
#: from the data with cantik.authoring.numbers.angka; tests/courses/test_angka.py holds the texts to this).
ANGKA_TETAP: dict[str, str] = {
    "0": "nol (umur, angka yang boleh tampil)",
    "100": "per 100 / dikali 100 / nilai dasar indeks Whipple",
    "1.000": "satuan per 1.000 penduduk",
    "10.000": "satuan per 10.000 penduduk",
    "2": "2 simpangan baku (definisi WHO)",
    "3": "+3 simpangan baku (kategori TB/U WHO)",
    "−2": "batas stunting WHO (z < −2)",
    "−3": "batas sangat pendek WHO (z < −3)",
    "1,96": "nilai z untuk selang 95%",
    "95": "tingkat kepercayaan 95%",
    "5": "lebar kelompok umur lima tahunan",
    "7": "umur resmi SD (7–12, BPS)",
    "12": "umur resmi SD (7–12, BPS)",
    "13": "umur resmi SMP (13–15, BPS)",
    "14": "batas penduduk muda (0–14, BPS)",
    "15": "batas usia produktif (15–64, BPS) / umur resmi SMP",
    "16": "umur resmi SMA (16–18, BPS)",
    "18": "umur resmi SMA (16–18, BPS)",
    "19": "umur perguruan tinggi (19–23, BPS)",
    "23": "umur perguruan tinggi / rentang indeks Whipple (23–62)",
    "25": "umur yang dihitung indeks Whipple (25, 30, …, 60)",
    "30": "umur yang dihitung indeks Whipple",
    "35": "umur yang dihitung indeks Whipple",
    "40": "umur yang dihitung indeks Whipple / 40% keluarga terbawah (sasaran program DTSEN)",
    "45": "umur yang dihitung indeks Whipple",
    "50": "umur yang dihitung indeks Whipple / contoh tafsiran rasio ketergantungan",
    "55": "umur yang dihitung indeks Whipple",
    "60": "batas lansia (UU 13/1998) / umur yang dihitung indeks Whipple",
    "62": "rentang indeks Whipple (23–62)",
    "64": "batas usia produktif (15–64, BPS)",
    "65": "batas penduduk tua (65+, BPS)",
    "70": "kelompok umur 70–74",
    "74": "kelompok umur 70–74",
    "75": "kelompok umur terbuka 75+",
    "110": "umur tertinggi yang masuk akal di data latihan",
    "105": "klasifikasi indeks Whipple PBB",
    "175": "klasifikasi indeks Whipple PBB",
    "500": "nilai tertinggi indeks Whipple",
    "2.100": "kkal per orang per hari (GK makanan, BPS)",
    "12,5": "contoh cara menulis angka desimal di Python",
    "1": "konstanta rumus ((1 + r), 1/t) / angka terkecil yang disembunyikan",
    "4": "batas atas kelompok umur 0–4 tahun",
    "9": "batas atas kelompok umur 5–9 tahun",
    "10": "batas bawah kelompok umur 10–14 tahun",
    "6": "umur masuk SD yang terlalu muda (contoh)",
    "20": "ukuran sampel kecil yang disarankan di aplikasi Sampel dan survei (salah satu tombolnya)",
}


def pembuka(cid: str, judul: str, tujuan: list[str], pertanyaan: list[str], durasi: str,
            pengantar: list[dict] | None = None) -> list[dict]:
    """Title, *Tujuan pembelajaran*, *Pertanyaan*, the synthetic-data notice and the setup cell
    (``pengantar``: cells shown right before the setup cell, e.g. how to run a cell)."""
    return [
        md(f"{cid}-judul", f"# {judul}\n\n*Kelas Cantik: literasi statistik untuk {tempat.judul}, "
           f"Kab. {tempat.kabupaten}.* Perkiraan waktu: {durasi}.", kunci=True),
        md(f"{cid}-tujuan", "## Tujuan pembelajaran\n\nSetelah modul ini, Anda dapat:\n\n"
           + "\n".join(f"- {t}" for t in tujuan), kunci=True),
        md(f"{cid}-pertanyaan", "## Pertanyaan\n\n" + "\n".join(f"- {q}" for q in pertanyaan), kunci=True),
        md(f"{cid}-sintetis", "> ⚠️ **Data sintetis.** Semua tabel di modul ini dibuat komputer untuk latihan. "
           "Angkanya dikalibrasi ke angka publikasi, tetapi **bukan data resmi BPS dan bukan data warga "
           "sebenarnya**. Jangan dikutip sebagai statistik resmi." if tempat.profil.synthetic else
           f"> ℹ️ **Data {tempat.label}.** Sumber: {tempat.profil.source}, per {tempat.profil.source_date}. "
           "Sebelum membagikan angka, periksa dulu kerahasiaannya (modul 7).", kunci=True),
        md(f"{cid}-cara", "### Cara mengerjakan\n\n"
           "1. Jalankan sel dari atas ke bawah (Shift + Enter).\n"
           "2. Di sel jawaban, ganti `raise NotImplementedError()` dengan kode Anda.\n"
           "3. `cek(\"…\", jawaban)` langsung memberi tahu apakah jawaban Anda benar, atau apa yang mungkin "
           "keliru. `petunjuk(\"…\")` memberi bantuan selangkah demi selangkah.\n"
           "4. Sel **Tes otomatis** dipakai pelatih untuk menilai; jangan diubah.\n\n"
           "Istilah dan perintah: [Daftar istilah](daftar_istilah.md). Pesan galat (*error*) dijelaskan di kotak "
           "kuning **💡 Penjelasan** di atasnya.", kunci=True),
        *(pengantar or []),
        kode(f"{cid}-siapkan",
             "import pandas as pd\n"
             "import matplotlib.pyplot as plt\n\n"
             "from cantik import indikator as ind\n"
             "from cantik.apps.registry import aplikasi\n"
             "from cantik.checks import cek, petunjuk\n"
             + ("from cantik.data import SYNTHETIC_NOTICE, load\n" if tempat.bawaan
                else "from cantik.data import load, pakai_wilayah\n")
             + "from cantik.error_explainer import jelaskan_galat\n\n"
             "jelaskan_galat()  # bila ada galat (error), penjelasannya muncul dalam bahasa Indonesia\n"
             + ("print(SYNTHETIC_NOTICE)" if tempat.bawaan
                else f'print(pakai_wilayah("{tempat.kunci}"))  # semua tabel modul ini: {tempat.label}'),
             kunci=True),
    ]


def penutup(cid: str, poin: list[str]) -> list[dict]:
    """*Poin kunci* at the end of a notebook."""
    return [md(f"{cid}-poin-kunci", "## Poin kunci\n\n" + "\n".join(f"- {p}" for p in poin)
               + ("\n\n*Ingat: semua angka di modul ini berasal dari data sintetis.*" if tempat.profil.synthetic
                  else f"\n\n*Ingat: angka di modul ini berasal dari {tempat.profil.source}, per "
                  f"{tempat.profil.source_date}.*"), kunci=True)]


def aplikasi_sel(cid: str, slug: str, ajakan: str) -> list[dict]:
    """The public app that lets the learner play with the lesson's idea: its name, what to try (``ajakan``),
    and a cell that shows the link for where the notebook runs (``aplikasi(slug)``, cantik.apps.registry)."""
    judul = by_slug(slug).title
    return [
        md(f"{cid}-md", f"**📱 Aplikasi untuk dicoba — {judul}**\n\n{ajakan} Sel di bawah memberi tautannya "
           f"(tab baru, tanpa kode, {tempat.ket_data if tempat.sintetis else 'data ' + tempat.label})."),
        kode(cid, f'aplikasi("{slug}")'),
    ]
