"""Questions of module 1, *Data kelurahan & Satu Data* (ids ``1a``–``1i``)."""

from __future__ import annotations

from typing import Any

from cantik.checks._data import deret, kolom, tabel
from cantik.checks.compare import banding_angka, banding_deret, banding_himpunan
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.mistakes import Rumus
from cantik.checks.plain import Deret, Tabel

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


def _jk_model(ejaan: str = "semua", tabel_: str = "penduduk_mentah", duplikat: str = "ikut") -> Deret:
    """1h with its choices: which spellings are mapped, which table, duplicates kept or dropped."""
    if duplikat == "ikut":
        jk = kolom(tabel_, "jenis_kelamin")
    else:
        jk = tabel(tabel_).drop_duplicates()["jenis_kelamin"]
    if ejaan == "persis":
        bersih = jk.where(jk.isin(["L", "P"]))
    else:
        first = jk.astype("string").str.strip().str.lower().str[0]
        bersih = first.map({"l": "L", "p": "P"} if ejaan == "tanpa_w" else {"l": "L", "p": "P", "w": "P"})
    return deret(bersih.astype(object).value_counts())


def _whipple_model(rentang: tuple[int, int] = (23, 62), akhiran: str = "0 dan 5") -> float:
    """Whipple's index with its window and the final digits counted (as the lesson defines it)."""
    u = _umur_mentah()
    u = u[(u >= 0) & (u <= 110)]
    lo, hi = rentang
    window = u[(u >= lo) & (u <= hi)]
    ends = (0, 5) if akhiran == "0 dan 5" else (0,)
    heaped = ((window % 10).isin(ends) & (window >= 25) & (window <= 60)).sum()
    return float(heaped / len(window) * 100 * 10 / len(ends))


def _whipple_mentah() -> float:
    from cantik import indicators as ind

    u = _umur_mentah()
    return ind.whipple_index(u[(u >= 0) & (u <= 110)])


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
    return any(str(x).strip() not in ("L", "P") and x is not None for x in labels)


def _ada_label_kosong(j: Any) -> bool:
    return isinstance(j, Deret) and any(x is None or (isinstance(x, float) and x != x) for x in j.label)


def _per_kolom(j: Any) -> bool:
    """A Series labelled by the table's column names (``penduduk.count()``, ``.nunique()`` ...)."""
    return isinstance(j, Deret) and {str(k) for k in j.label} >= {"nik", "rt", "umur"}


def _per_baris(j: Any) -> bool:
    """True/False (or values) for every row: a condition not yet summed with ``.sum()``."""
    return isinstance(j, Deret | list) and len(j.nilai if isinstance(j, Deret) else j) > 100


def _jumlah_baris(tabel_: str = "penduduk") -> int:
    return len(tabel(tabel_))


#: How many people live in the kelurahan: 1a and 8a share these mistakes.
_JUMLAH = Rumus(_jumlah_baris, tabel_="penduduk")


def salah_jumlah_penduduk() -> list[Salah]:
    """Mistakes in counting the residents (rows of ``penduduk``), shared by questions 1a and 8a."""
    return [
        Salah("Sepertinya Anda menghitung banyaknya kolom (variabel). Yang diminta banyaknya baris: "
              "satu baris = satu penduduk.", nilai=lambda: tabel("penduduk").shape[1], kode="kolom",
              konsep="bentuk"),
        Salah("`penduduk.shape` berisi dua angka: (banyak baris, banyak kolom). Ambil yang pertama saja, "
              "misalnya `penduduk.shape[0]` atau `len(penduduk)`.",
              cocok=lambda j: isinstance(j, tuple | list) and len(j) == 2, kode="shape", konsep="bentuk",
              contoh=lambda: tabel("penduduk").shape),
        Salah("Baris judul (nama kolom) bukan data dan tidak ikut terhitung oleh `len(...)`: tidak perlu "
              "dikurangi 1.", nilai=lambda: len(tabel("penduduk")) - 1, kode="baris-judul", konsep="bentuk"),
        Salah("Itu banyaknya sel (baris × kolom, `penduduk.size`). Yang diminta banyaknya baris saja: "
              "`len(penduduk)`.", nilai=lambda: int(tabel("penduduk").size), kode="size", konsep="bentuk"),
        Salah("`penduduk.count()` menghitung isian setiap kolom, jadi hasilnya banyak angka. Yang diminta "
              "satu angka: `len(penduduk)`.", cocok=_per_kolom, kode="count-per-kolom", konsep="bentuk",
              contoh=lambda: tabel("penduduk").count()),
        *_JUMLAH.ganti("tabel_", {
            "penduduk_mentah": "tabel `penduduk_mentah` (data mentah yang masih memuat baris ganda)",
            "keluarga": "tabel `keluarga` (satu baris = satu keluarga, bukan satu orang)"},
            pesan="Sepertinya Anda menghitung baris {salah}. Yang diminta baris tabel `penduduk`: satu baris "
                  "= satu penduduk.", konsep="data-mentah"),
    ]


_PILIHAN_1C = {"rt": "Nomor RT memang ditulis dengan angka, tetapi hanya kode (label). Menjumlahkan atau "
                     "merata-ratakan nomor RT tidak bermakna, jadi RT adalah variabel kategorik.",
               "pendidikan_tertinggi": "Pendidikan tertinggi punya urutan (ordinal), tetapi tetap kategori, "
                                       "bukan hasil mengukur dengan angka.",
               "jenis_kelamin": "Jenis kelamin adalah kategori (L atau P), bukan hasil mengukur dengan "
                                "angka.",
               "pekerjaan": "Pekerjaan adalah kategori (nama pekerjaan), bukan hasil mengukur dengan angka."}


def _pilih_1c(kolom: str) -> Salah:
    return Salah(_PILIHAN_1C[kolom], cocok=lambda j: kolom in _kolom(j), kode=f"pilih-{kolom}",
                 konsep="kategori", contoh=lambda: ["umur", kolom])


daftar(
    Soal(
        "1a",
        harapan=lambda: len(tabel("penduduk")),
        banding=banding_angka(desimal=0),
        rumus=_JUMLAH,
        salah=salah_jumlah_penduduk(),
        langkah="satu baris tabel `penduduk` adalah satu orang; hitung banyaknya baris dengan "
                "`len(penduduk)`.",
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
                  "`.nunique()`.", nilai=lambda: int(tabel("penduduk")["rt"].count()), kode="count",
                  konsep="bentuk"),
            Salah("Anda menjumlahkan nomor RT. Nomor RT hanya kode; yang diminta BANYAKNYA RT yang berbeda: "
                  "`.nunique()`.", nilai=lambda: int(tabel("penduduk")["rt"].sum()), kode="jumlah-kode",
                  konsep="kategori"),
            Salah("Itu banyaknya penduduk di setiap RT (`value_counts()`). Yang diminta satu angka: "
                  "banyaknya RT yang berbeda, `.nunique()`.",
                  cocok=lambda j: isinstance(j, Deret) and len(j.label) == tabel("penduduk")["rt"].nunique(),
                  kode="per-rt", konsep="bentuk", contoh=lambda: tabel("penduduk")["rt"].value_counts()),
            Salah("Itu daftar nomor RT (`unique()`). Yang diminta banyaknya: `len(...)` dari daftar itu, "
                  "atau langsung `.nunique()`.",
                  cocok=lambda j: isinstance(j, list | tuple) and len(j) > 2, kode="daftar-rt",
                  konsep="bentuk",
                  contoh=lambda: sorted(int(x) for x in tabel("penduduk")["rt"].unique())),
            Salah("Sepertinya Anda memakai tabel `penduduk_mentah`: di sana nomor RT masih kotor (salah "
                  "ketik seperti 220 untuk 22), jadi RT terhitung lebih banyak. Pakai tabel `penduduk`.",
                  nilai=lambda: int(tabel("penduduk_mentah")["rt"].nunique()), kode="tabel-mentah",
                  konsep="data-mentah"),
            Salah("Itu banyaknya nomor KK yang berbeda (keluarga), bukan RT. Pakai kolom `rt`.",
                  nilai=lambda: int(tabel("penduduk")["no_kk"].nunique()), kode="kolom-no-kk",
                  konsep="bentuk"),
            Salah("Sepertinya Anda menghitung banyaknya kolom tabel. Yang diminta banyaknya RT yang berbeda "
                  "di kolom `rt`.", nilai=lambda: tabel("penduduk").shape[1], kode="kolom", konsep="bentuk"),
        ],
        langkah="pilih kolom `rt`, lalu hitung nomor RT yang BERBEDA dengan `.nunique()`.",
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
            *(_pilih_1c(k) for k in _PILIHAN_1C),
            Salah("Umur adalah hasil menghitung tahun hidup: masuk akal dijumlahkan atau dirata-ratakan, "
                  "jadi umur kuantitatif. Masukkan `\"umur\"` ke daftar.",
                  cocok=lambda j: "umur" not in _kolom(j), kode="tanpa-umur", konsep="kategori",
                  contoh=lambda: ["jenis_kelamin"]),
            Salah("Daftar Anda masih kosong. Tulis nama kolom yang kuantitatif di dalam list, misalnya "
                  "`[\"...\"]`.", cocok=lambda j: j == [] or j == (), kode="kosong", konsep="bentuk",
                  contoh=lambda: []),
            Salah("Pilih hanya dari lima kolom yang disebut di soal (`rt`, `umur`, `jenis_kelamin`, "
                  "`pendidikan_tertinggi`, `pekerjaan`).",
                  cocok=lambda j: any(k not in KOLOM_1C for k in _kolom(j)), kode="kolom-lain",
                  konsep="bentuk",
                  contoh=lambda: ["umur", "tanggal_lahir"]),
            Salah("Yang diminta NAMA kolomnya (teks di dalam list), bukan banyaknya kolom.",
                  cocok=lambda j: isinstance(j, int | float) and not isinstance(j, bool), kode="angka",
                  konsep="bentuk", contoh=lambda: 1),
        ],
        langkah="untuk setiap kolom, tanyakan apakah rata-ratanya bermakna; hanya kolom itu yang masuk "
                "daftar.",
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
            Salah("Itu jenjang sekolah yang SEDANG diikuti (kolom `jenjang_sekolah`). Yang diminta "
                  "pendidikan tertinggi yang sudah ditamatkan: kolom `pendidikan_tertinggi`.",
                  nilai=lambda: deret(tabel("penduduk")["jenjang_sekolah"].value_counts()),
                  kode="kolom-jenjang",
                  konsep="kategori"),
            Salah("Itu frekuensi kumulatif (`cumsum()`). Yang diminta banyaknya orang di setiap kategori "
                  "saja.",
                  nilai=lambda: deret(tabel("penduduk")["pendidikan_tertinggi"].value_counts().cumsum()),
                  kode="kumulatif", konsep="bentuk"),
            Salah("Itu daftar kategorinya (`unique()`). Yang diminta banyaknya orang di setiap kategori: "
                  "`.value_counts()`.",
                  cocok=lambda j: isinstance(j, list | tuple) and len(j) > 2 and all(isinstance(x, str)
                                                                                    for x in j),
                  kode="daftar-kategori", konsep="bentuk",
                  contoh=lambda: [str(x) for x in tabel("penduduk")["pendidikan_tertinggi"].unique()]),
            Salah("Sepertinya Anda memakai tabel `penduduk_mentah` (belum dibersihkan: ada baris ganda dan "
                  "sel kosong). Pakai tabel `penduduk`.",
                  nilai=lambda: deret(tabel("penduduk_mentah")["pendidikan_tertinggi"].value_counts()),
                  kode="tabel-mentah", konsep="data-mentah"),
        ],
        langkah="pilih kolom `pendidikan_tertinggi` dan hitung banyaknya orang per kategori dengan "
                "`.value_counts()` (tanpa `normalize`).",
        petunjuk=["Tabel frekuensi menghitung berapa orang di setiap kategori.",
                  "Pilih kolom `pendidikan_tertinggi` lalu gunakan `.value_counts()`."],
    ),
    Soal(
        "1e",
        harapan=lambda: float((tabel("penduduk")["jenis_kelamin"] == "P").mean() * 100),
        banding=banding_angka(desimal=1, persen=True),
        salah=[
            Salah("Itu banyaknya perempuan. Bagi dengan seluruh penduduk, lalu kalikan 100.",
                  nilai=lambda: int((tabel("penduduk")["jenis_kelamin"] == "P").sum()), kode="banyaknya",
                  konsep="skala"),
            Salah("Itu perbandingan perempuan dengan laki-laki. Yang diminta persentase perempuan terhadap "
                  "SELURUH penduduk (laki-laki + perempuan).",
                  nilai=lambda: float((tabel("penduduk")["jenis_kelamin"] == "P").sum()
                                      / (tabel("penduduk")["jenis_kelamin"] == "L").sum() * 100),
                  kode="penyebut-laki", konsep="penyebut"),
            Salah("Itu persentase LAKI-LAKI. Yang diminta perempuan (`jenis_kelamin == \"P\"`).",
                  nilai=lambda: float((tabel("penduduk")["jenis_kelamin"] == "L").mean() * 100),
                  kode="laki-laki", konsep="arah"),
            Salah("Itu rasio jenis kelamin (laki-laki per 100 perempuan). Yang diminta persentase perempuan "
                  "terhadap seluruh penduduk.",
                  nilai=lambda: float((tabel("penduduk")["jenis_kelamin"] == "L").sum()
                                      / (tabel("penduduk")["jenis_kelamin"] == "P").sum() * 100),
                  kode="rasio-jk", konsep="indikator"),
            Salah("Sepertinya Anda memakai tabel `penduduk_mentah`: di sana ejaan jenis kelamin belum "
                  "seragam "
                  "(\"perempuan\", \"Wanita\" ...), jadi banyak perempuan tidak terhitung. Pakai tabel "
                  "`penduduk`.",
                  nilai=lambda: float((tabel("penduduk_mentah")["jenis_kelamin"] == "P").mean() * 100),
                  kode="tabel-mentah", konsep="data-mentah"),
            Salah("Itu persentase kedua jenis kelamin sekaligus. Yang diminta satu angka: ambil yang \"P\" "
                  "saja, misalnya `...value_counts(normalize=True)[\"P\"] * 100`.",
                  cocok=lambda j: isinstance(j, Deret) and {str(x) for x in j.label} == {"L", "P"},
                  kode="dua-kelompok", konsep="bentuk",
                  contoh=lambda: tabel("penduduk")["jenis_kelamin"].value_counts(normalize=True) * 100),
        ],
        langkah="pembilang = banyaknya perempuan (P), penyebut = seluruh penduduk, lalu dikali 100.",
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
                  nilai=lambda: int(tabel("penduduk_mentah").duplicated(keep=False).sum()), kode="keep-false",
                  konsep="data-mentah"),
            Salah("Anda menghitung NIK yang muncul lebih dari sekali. Itu termasuk orang yang tercatat dua "
                  "kali dengan isian sedikit berbeda (hampir duplikat). Yang diminta baris yang PERSIS sama.",
                  nilai=lambda: int(tabel("penduduk_mentah")["nik"].duplicated().sum()), kode="nik",
                  konsep="data-mentah"),
            Salah("Itu selisih baris tabel mentah dan tabel bersih. Selisih itu juga memuat baris yang "
                  "dibuang karena alasan lain (mis. hampir duplikat). Hitung duplikat persisnya: "
                  "`mentah.duplicated().sum()`.",
                  nilai=lambda: len(tabel("penduduk_mentah")) - len(tabel("penduduk")), kode="selisih-tabel",
                  konsep="data-mentah"),
            Salah("Itu banyaknya baris SETELAH duplikat dibuang. Yang diminta banyaknya baris duplikat itu "
                  "sendiri.", nilai=lambda: len(tabel("penduduk_mentah").drop_duplicates()),
                  kode="sisa-baris",
                  konsep="data-mentah"),
            Salah("`mentah.duplicated()` memberi True/False untuk setiap baris. Jumlahkan dengan `.sum()` "
                  "supaya menjadi satu angka.",
                  cocok=_per_baris,
                  kode="belum-dijumlah", konsep="bentuk",
                  contoh=lambda: tabel("penduduk_mentah").duplicated()),
            Salah("Itu nomor KK yang muncul lebih dari sekali. Satu KK memang berisi beberapa orang; yang "
                  "dicari baris yang seluruh isinya sama.",
                  nilai=lambda: int(tabel("penduduk_mentah")["no_kk"].duplicated().sum()), kode="no-kk",
                  konsep="data-mentah"),
            Salah("Hasil Anda 0: sepertinya duplikatnya dibuang lebih dulu (`drop_duplicates()`) sebelum "
                  "dihitung. Hitung di tabel mentah: `mentah.duplicated().sum()`.", nilai=lambda: 0,
                  kode="sudah-dibuang", konsep="data-mentah"),
        ],
        langkah="pakai tabel `mentah`; `mentah.duplicated()` menandai salinan kedua dan seterusnya, lalu "
                "`.sum()`.",
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
                  "umur di atas 110 tahun.",
                  nilai=lambda: int((_umur_mentah() > 110).sum()), kode="hanya-atas",
                  konsep="batas"),
            Salah("Hanya satu jenis umur mustahil yang terhitung. Periksa dua-duanya: umur di bawah 0 dan "
                  "umur di atas 110 tahun.",
                  nilai=lambda: int((_umur_mentah() < 0).sum()), kode="hanya-bawah",
                  konsep="batas"),
            Salah("Umur 0 (bayi yang belum genap setahun) itu wajar, bukan mustahil. Hitung hanya umur di "
                  "bawah 0 (`< 0`) dan di atas 110.",
                  nilai=lambda: int(((_umur_mentah() <= 0) | (_umur_mentah() > 110)).sum()), kode="umur-nol",
                  konsep="batas"),
            Salah("Itu baris-baris yang umurnya mustahil (sebuah tabel). Yang diminta BANYAKNYA: `len(...)` "
                  "dari tabel itu, atau `.sum()` dari syaratnya.",
                  cocok=lambda j: isinstance(j, Tabel), kode="tabel-baris", konsep="bentuk",
                  contoh=lambda: tabel("penduduk_mentah")[(_umur_mentah() < 0) | (_umur_mentah() > 110)]),
            Salah("Anda menggabungkan dua syarat dengan `&` (dan): tidak ada umur yang sekaligus di bawah 0 "
                  "DAN di atas 110. Gunakan `|` (atau).",
                  nilai=lambda: 0, kode="dan-bukan-atau", konsep="rumus"),
            Salah("Sepertinya Anda menghitung di tabel `penduduk` yang sudah bersih (hasilnya 0). Umur "
                  "mustahil dicari di data mentah: `umur_angka` dari `mentah`.",
                  nilai=lambda: 0, kode="tabel-bersih",
                  konsep="data-mentah"),
            Salah("Itu persentase baris yang umurnya mustahil. Yang diminta BANYAKNYA baris.",
                  nilai=lambda: float(((_umur_mentah() < 0) | (_umur_mentah() > 110)).mean() * 100),
                  kode="persen", konsep="skala"),
            Salah("Hasil perbandingan `(umur < 0) | (umur > 110)` berisi True/False per baris. Jumlahkan "
                  "dengan `.sum()` supaya menjadi satu angka.",
                  cocok=_per_baris,
                  kode="belum-dijumlah", konsep="bentuk",
                  contoh=lambda: (_umur_mentah() < 0) | (_umur_mentah() > 110)),
        ],
        langkah="ubah umur mentah menjadi angka, lalu hitung yang `< 0` ATAU `> 110` (dua syarat digabung "
                "dengan `|`), lalu `.sum()`.",
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
        rumus=(_jk := Rumus(_jk_model, ejaan="semua", tabel_="penduduk_mentah", duplikat="ikut")),
        salah=[
            Salah("Masih ada ejaan yang belum diseragamkan (misalnya 'Wanita', 'Lk', 'PEREMPUAN'). Setiap "
                  "isian harus menjadi 'L' atau 'P' saja.",
                  cocok=_punya_label_tak_baku, kode="ejaan-tak-baku",
                  konsep="data-mentah",
                  contoh=lambda: tabel("penduduk_mentah")["jenis_kelamin"].str.upper().value_counts()),
            Salah("Sel kosong tidak dihitung: buang kelompok kosong (NaN), misalnya dengan `.value_counts()` "
                  "tanpa `dropna=False`.",
                  cocok=_ada_label_kosong, kode="kosong-dihitung", konsep="data-mentah",
                  contoh=lambda: bersihkan_jenis_kelamin(tabel("penduduk_mentah")["jenis_kelamin"])
                  .value_counts(dropna=False)),
            *_jk.ganti("ejaan", {
                "tanpa_w": "ejaan \"Wanita\" belum dipetakan ke P",
                "persis": "hanya isian yang persis \"L\" atau \"P\" yang terhitung (ejaan lain belum "
                          "diseragamkan)"},
                pesan="Sepertinya {salah}. Semua ejaan harus diseragamkan: awalan l → L, p atau w (wanita) → "
                      "P.",
                konsep="data-mentah"),
            *_jk.ganti("tabel_", {"penduduk": "tabel `penduduk` yang sudah bersih"},
                       pesan="Sepertinya Anda memakai {salah}. Soal ini tentang merapikan data mentah: pakai "
                             "`mentah`.", konsep="data-mentah"),
            *_jk.ganti("duplikat", {"buang": "duplikat dibuang lebih dulu"},
                       pesan="Sepertinya {salah}. Soal ini hanya meminta menyeragamkan ejaan di semua baris "
                             "`mentah` (duplikat dibahas di soal 1f).", konsep="data-mentah"),
        ],
        langkah="rapikan ejaan (huruf kecil, tanpa spasi), petakan awalan l → L dan p/w → P, lalu "
                "`.value_counts()` (sel kosong tidak dihitung).",
        petunjuk=["Lihat dulu semua ejaan: `mentah[\"jenis_kelamin\"].value_counts()`.",
                  "Rapikan: hapus spasi dan jadikan huruf kecil dengan `.str.strip().str.lower()`.",
                  "Ejaan yang diawali 'l' berarti L; yang diawali 'p' atau 'w' (wanita) berarti P. "
                  "Gunakan `.str[0]` lalu `.map({...})`, kemudian `.value_counts()`."],
    ),
    Soal(
        "1i",
        harapan=_whipple_mentah,
        banding=banding_angka(desimal=1),
        rumus=(_whipple := Rumus(_whipple_model, rentang=(23, 62), akhiran="0 dan 5")),
        salah=[
            Salah("Anda memakai tabel `penduduk` yang sudah bersih. Yang diminta data mentah "
                  "(`penduduk_mentah`), tempat penumpukan umur terjadi.",
                  nilai=lambda: __import__("cantik.indicators", fromlist=["x"]).whipple_index(
                      tabel("penduduk")["umur"]), kode="tabel-bersih", konsep="data-mentah"),
            Salah("Itu persentase umur yang berakhiran 0 atau 5. Indeks Whipple hanya memakai umur 23–62 dan "
                  "membandingkan dengan yang diharapkan (1 dari 5): gunakan `ind.whipple_index`.",
                  nilai=_persen_berakhiran_0_5, kode="persen-semua-umur", konsep="rumus"),
            Salah("Itu persentase umur 23–62 yang berakhiran 0 atau 5. Indeks Whipple membandingkannya "
                  "dengan yang diharapkan (1 dari 5, yaitu 20 %): kalikan dengan 5, atau pakai "
                  "`ind.whipple_index`.",
                  nilai=lambda: _whipple_model() / 5, kode="belum-dikali-5", konsep="rumus"),
            *_whipple.batas(rentang="indeks Whipple"),
            *_whipple.ganti("akhiran", {"0": "hanya umur berakhiran 0"},
                            pesan="Sepertinya Anda menghitung {salah}. Indeks Whipple menghitung umur yang "
                                  "berakhiran 0 DAN 5.", konsep="rumus"),
        ],
        langkah="pakai umur mentah yang masuk akal (0–110), lalu `ind.whipple_index(umur_valid)` (umur "
                "23–62, umur berakhiran 0 dan 5).",
        petunjuk=["Ubah umur mentah menjadi angka dan buang umur yang mustahil.",
                  "Gunakan `ind.whipple_index(umur)`.",
                  "Nilai 100 berarti tidak ada penumpukan; makin jauh di atas 100, makin banyak umur "
                  "'dibulatkan'."],
    ),
)
