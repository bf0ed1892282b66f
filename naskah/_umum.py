"""Shared cells of every Kelas Cantik notebook (used by the authoring scripts in this folder)."""

from cantik.authoring.cells import kode, md


def pembuka(cid: str, judul: str, tujuan: list[str], pertanyaan: list[str], durasi: str) -> list[dict]:
    """Title, *Tujuan pembelajaran*, *Pertanyaan*, the synthetic-data notice and the setup cell."""
    return [
        md(f"{cid}-judul", f"# {judul}\n\n*Kelas Cantik: literasi statistik untuk Kelurahan Cantik Kandangan Utara, "
           f"Kab. Hulu Sungai Selatan.* Perkiraan waktu: {durasi}.", kunci=True),
        md(f"{cid}-tujuan", "## Tujuan pembelajaran\n\nSetelah modul ini, Anda dapat:\n\n"
           + "\n".join(f"- {t}" for t in tujuan), kunci=True),
        md(f"{cid}-pertanyaan", "## Pertanyaan\n\n" + "\n".join(f"- {q}" for q in pertanyaan), kunci=True),
        md(f"{cid}-sintetis", "> ⚠️ **Data sintetis.** Semua tabel di modul ini dibuat komputer untuk latihan. "
           "Angkanya dikalibrasi ke angka publikasi, tetapi **bukan data resmi BPS dan bukan data warga "
           "sebenarnya**. Jangan dikutip sebagai statistik resmi.", kunci=True),
        md(f"{cid}-cara", "### Cara mengerjakan\n\n"
           "1. Jalankan sel dari atas ke bawah (Shift + Enter).\n"
           "2. Di sel jawaban, ganti `raise NotImplementedError()` dengan kode Anda.\n"
           "3. `cek(\"…\", jawaban)` langsung memberi tahu apakah jawaban Anda benar, atau apa yang mungkin "
           "keliru. `petunjuk(\"…\")` memberi bantuan selangkah demi selangkah.\n"
           "4. Sel **Tes otomatis** dipakai pelatih untuk menilai; jangan diubah.", kunci=True),
        kode(f"{cid}-siapkan",
             "import pandas as pd\n"
             "import matplotlib.pyplot as plt\n\n"
             "from cantik import indicators as ind\n"
             "from cantik.checks import cek, petunjuk\n"
             "from cantik.data import SYNTHETIC_NOTICE, load\n\n"
             "print(SYNTHETIC_NOTICE)", kunci=True),
    ]


def penutup(cid: str, poin: list[str]) -> list[dict]:
    """*Poin kunci* at the end of a notebook."""
    return [md(f"{cid}-poin-kunci", "## Poin kunci\n\n" + "\n".join(f"- {p}" for p in poin)
               + "\n\n*Ingat: semua angka di modul ini berasal dari data sintetis.*", kunci=True)]
