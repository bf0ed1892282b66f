"""Questions of module 1, *Data kelurahan & Satu Data* (ids ``1a``–``1i``)."""

from __future__ import annotations

from typing import Any

from cantik.checks._data import deret, tabel
from cantik.checks.compare import banding_angka, banding_deret, banding_himpunan
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.formula import Bagian
from cantik.checks.plain import Deret

#: Columns offered in question 1c; only ``umur`` is a quantity measured in numbers.
KOLOM_1C = ["rt", "umur", "jenis_kelamin", "pendidikan_tertinggi", "pekerjaan"]


def _umur_mentah() -> Any:
    import pandas as pd

    return pd.to_numeric(tabel("penduduk_mentah")["umur"], errors="coerce")


def bersihkan_jenis_kelamin(s: Any) -> Any:
    """Map the spellings found in ``penduduk_mentah`` to ``L``/``P`` (missing stays missing).

    Examples
    --------
    >>> import pandas as pd
    >>> bersihkan_jenis_kelamin(pd.Series(["Lk", " perempuan", "Wanita", None])).tolist()
    ['L', 'P', 'P', nan]
    """
    first = s.astype("string").str.strip().str.lower().str[0]
    return first.map({"l": "L", "p": "P", "w": "P"}).astype(object)


def _jk_bersih() -> Deret:
    return deret(bersihkan_jenis_kelamin(tabel("penduduk_mentah")["jenis_kelamin"]).value_counts())


def _umur_valid() -> Any:
    u = _umur_mentah()
    return u[(u >= 0) & (u <= 110)]


def _whipple_mentah() -> float:
    from cantik import indicators as ind

    return ind.whipple_index(_umur_valid())


def _whipple_bagian() -> tuple[int, int]:
    """Numerator (ages 25, 30, …, 60) and denominator (ages 23–62) of Whipple's index on the raw ages."""
    u = _umur_valid()
    return int(u.isin(range(25, 61, 5)).sum()), int(u.between(23, 62).sum())


def fakta_cacat(jenis: str) -> int:
    """How many defects of one kind the dirty copy holds (from its answer key), e.g. ``"hampir_duplikat"``."""
    import json

    from cantik.data.loader import csv_path

    kunci = csv_path("penduduk_mentah").with_name("penduduk_mentah_cacat.json")
    return int(json.loads(kunci.read_text(encoding="utf-8"))[jenis]["jumlah"])


def _persen_berakhiran_0_5() -> float:
    u = _umur_mentah()
    u = u[(u >= 0) & (u <= 110)]
    return float((u % 5 == 0).mean() * 100)


def _proporsi_pendidikan() -> Any:
    return tabel("penduduk")["pendidikan_tertinggi"].value_counts(normalize=True)


def _kolom(j: Any) -> list[str]:
    """Column names in a plain answer (a list, a tuple or one name), lower case."""
    return [str(x).strip().lower() for x in (j if isinstance(j, list | tuple) else [j])]


def _punya_label_tak_baku(j: Any) -> bool:
    labels = j.label if isinstance(j, Deret) else []
    return any(str(x).strip() not in ("L", "P") for x in labels)


daftar(
    Soal(
        "1a",
        harapan=lambda: len(tabel("penduduk")),
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Sepertinya Anda menghitung banyaknya kolom (variabel). Yang diminta banyaknya baris: "
                  "satu baris = satu penduduk.", nilai=lambda: tabel("penduduk").shape[1]),
            Salah("`penduduk.shape` berisi dua angka: (banyak baris, banyak kolom). Ambil yang pertama saja, "
                  "misalnya `penduduk.shape[0]` atau `len(penduduk)`.",
                  cocok=lambda j: isinstance(j, tuple | list) and len(j) == 2),
        ],
        petunjuk=["Satu baris tabel `penduduk` adalah satu orang.",
                  "Fungsi `len(tabel)` memberi banyaknya baris.",
                  "Tulis `jumlah_penduduk = len(penduduk)`."],
    ),
    Soal(
        "1b",
        harapan=lambda: int(tabel("penduduk")["rt"].nunique()),
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Anda menghitung semua baris yang berisi RT, bukan banyaknya RT yang berbeda. Gunakan "
                  "`.nunique()`.", nilai=lambda: int(tabel("penduduk")["rt"].count())),
        ],
        petunjuk=["Setiap penduduk punya nomor RT; banyak orang tinggal di RT yang sama.",
                  "Yang dihitung adalah nomor RT yang *berbeda*.",
                  "Coba `penduduk[\"rt\"].nunique()`."],
    ),
    Soal(
        "1c",
        harapan=lambda: ["umur"],
        banding=banding_himpunan(),
        bentuk="himpunan",
        salah=[
            Salah("Nomor RT memang ditulis dengan angka, tetapi hanya kode (label). Menjumlahkan atau merata-"
                  "ratakan nomor RT tidak bermakna, jadi RT adalah variabel kategorik.",
                  cocok=lambda j: "rt" in _kolom(j)),
            Salah("Pendidikan tertinggi punya urutan (ordinal), tetapi tetap kategori, bukan hasil mengukur "
                  "dengan angka.",
                  cocok=lambda j: "pendidikan_tertinggi" in _kolom(j)),
        ],
        petunjuk=["Variabel kuantitatif adalah hasil menghitung atau mengukur: masuk akal dijumlahkan atau "
                  "dirata-ratakan.",
                  "Tanyakan: apakah 'rata-rata' kolom ini bermakna?",
                  "Hanya satu kolom dari daftar itu yang kuantitatif."],
    ),
    Soal(
        "1d",
        harapan=lambda: deret(tabel("penduduk")["pendidikan_tertinggi"].value_counts()),
        banding=banding_deret(desimal=0),
        bentuk="deret",
        salah=[
            Salah("Anda memberikan proporsi (pecahan). Yang diminta frekuensi: banyaknya orang di setiap "
                  "kategori. Hapus `normalize=True`.",
                  nilai=lambda: deret(_proporsi_pendidikan())),
            Salah("Anda memberikan persentase. Yang diminta frekuensi: banyaknya orang di setiap kategori.",
                  nilai=lambda: deret(_proporsi_pendidikan() * 100)),
        ],
        petunjuk=["Tabel frekuensi menghitung berapa orang di setiap kategori.",
                  "Pilih kolom `pendidikan_tertinggi` lalu gunakan `.value_counts()`."],
    ),
    Soal(
        "1e",
        harapan=lambda: float((tabel("penduduk")["jenis_kelamin"] == "P").mean() * 100),
        banding=banding_angka(desimal=1, persen=True),
        salah=[
            Salah("Itu banyaknya perempuan. Bagi dengan seluruh penduduk, lalu kalikan 100.",
                  nilai=lambda: int((tabel("penduduk")["jenis_kelamin"] == "P").sum())),
            Salah("Itu perbandingan perempuan dengan laki-laki. Yang diminta persentase perempuan terhadap "
                  "SELURUH penduduk (laki-laki + perempuan).",
                  nilai=lambda: float((tabel("penduduk")["jenis_kelamin"] == "P").sum()
                                      / (tabel("penduduk")["jenis_kelamin"] == "L").sum() * 100)),
        ],
        petunjuk=["Persentase = bagian / keseluruhan × 100.",
                  "Bagian = banyaknya baris dengan jenis_kelamin 'P'; keseluruhan = semua baris.",
                  "`(penduduk[\"jenis_kelamin\"] == \"P\").mean() * 100`"],
    ),
    Soal(
        "1f",
        harapan=lambda: int(tabel("penduduk_mentah").duplicated().sum()),
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Anda menghitung kedua salinan. Baris yang pertama muncul bukan duplikat; hanya salinan "
                  "berikutnya yang perlu dibuang.",
                  nilai=lambda: int(tabel("penduduk_mentah").duplicated(keep=False).sum())),
            Salah("Anda menghitung NIK yang muncul lebih dari sekali. Itu termasuk orang yang tercatat dua "
                  "kali "
                  "dengan isian sedikit berbeda (hampir duplikat). Yang diminta baris yang PERSIS sama.",
                  nilai=lambda: int(tabel("penduduk_mentah")["nik"].duplicated().sum())),
        ],
        petunjuk=["Duplikat persis = seluruh isi baris sama dengan baris lain.",
                  "`mentah.duplicated()` memberi True untuk salinan kedua dan seterusnya.",
                  "Jumlahkan: `mentah.duplicated().sum()`."],
    ),
    Soal(
        "1g",
        harapan=lambda: int(((_umur_mentah() < 0) | (_umur_mentah() > 110)).sum()),
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Hanya satu jenis umur mustahil yang terhitung. Periksa dua-duanya: umur di bawah 0 dan "
                  "umur "
                  "di atas 110 tahun.", nilai=lambda: int((_umur_mentah() > 110).sum())),
            Salah("Hanya satu jenis umur mustahil yang terhitung. Periksa dua-duanya: umur di bawah 0 dan "
                  "umur "
                  "di atas 110 tahun.", nilai=lambda: int((_umur_mentah() < 0).sum())),
        ],
        petunjuk=["Kolom `umur` di data mentah berupa teks: ubah dulu dengan `pd.to_numeric(..., "
                  "errors=\"coerce\")`.",
                  "Umur mustahil: kurang dari 0 atau lebih dari 110 tahun.",
                  "Gabungkan dua syarat dengan `|` (atau), lalu `.sum()`."],
    ),
    Soal(
        "1h",
        harapan=_jk_bersih,
        banding=banding_deret(desimal=0),
        bentuk="deret",
        salah=[
            Salah("Masih ada ejaan yang belum diseragamkan (misalnya 'Wanita', 'Lk', 'PEREMPUAN'). Setiap "
                  "isian "
                  "harus menjadi 'L' atau 'P' saja.", cocok=_punya_label_tak_baku),
        ],
        petunjuk=["Lihat dulu semua ejaan: `mentah[\"jenis_kelamin\"].value_counts()`.",
                  "Rapikan: hapus spasi dan jadikan huruf kecil dengan `.str.strip().str.lower()`.",
                  "Ejaan yang diawali 'l' berarti L; yang diawali 'p' atau 'w' (wanita) berarti P. "
                  "Gunakan `.str[0]` lalu `.map({...})`, kemudian `.value_counts()`."],
    ),
    Soal(
        "1i",
        harapan=_whipple_mentah,
        banding=banding_angka(desimal=1),
        bagian=[
            Bagian("pembilang", "banyaknya penduduk berumur 25, 30, 35, …, 60 tahun",
                   lambda: _whipple_bagian()[0],
                   [("Anda menghitung semua umur berakhiran 0 atau 5; indeks Whipple hanya memakai umur 25 "
                     "sampai 60.", lambda: int((_umur_valid() % 5 == 0).sum()))]),
            Bagian("penyebut", "banyaknya penduduk berumur 23–62 tahun", lambda: _whipple_bagian()[1],
                   [("Itu semua umur yang masuk akal; penyebutnya hanya umur 23–62.",
                     lambda: len(_umur_valid()))]),
        ],
        hitung_sendiri=("indeks_whipple",),
        rumus="umur 25, 30, …, 60 / (⅕ × umur 23–62) × 100",
        salah=[
            Salah("Anda memakai tabel `penduduk` yang sudah bersih. Yang diminta data mentah "
                  "(`penduduk_mentah`), tempat penumpukan umur terjadi.",
                  nilai=lambda: __import__("cantik.indicators", fromlist=["x"]).whipple_index(
                      tabel("penduduk")["umur"])),
            Salah("Itu persentase umur yang berakhiran 0 atau 5. Indeks Whipple hanya memakai umur 23–62 dan "
                  "membandingkan dengan yang diharapkan (1 dari 5): pembilang / (penyebut / 5) × 100.",
                  nilai=_persen_berakhiran_0_5),
            Salah("Penyebutnya perlu dibagi 5 dulu (yang diharapkan: 1 dari 5 umur berakhiran 0 atau 5): "
                  "pembilang / (penyebut / 5) × 100.",
                  nilai=lambda: _whipple_bagian()[0] / _whipple_bagian()[1] * 100),
        ],
        petunjuk=["Pakai `umur_valid` (umur mentah yang masuk akal). Ambil umur 23–62: "
                  "`umur_23_62 = umur_valid[umur_valid.between(23, 62)]`.",
                  "Pembilang: `umur_23_62.isin([25, 30, 35, 40, 45, 50, 55, 60]).sum()`; penyebut: "
                  "`len(umur_23_62)`.",
                  "`whipple_mentah = pembilang_whipple / (penyebut_whipple / 5) * 100`. Nilai 100 berarti "
                  "tidak "
                  "ada penumpukan; makin jauh di atas 100, makin banyak umur 'dibulatkan'."],
    ),
)
