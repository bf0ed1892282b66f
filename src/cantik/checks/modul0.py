"""Questions of module 0, *Mengenal Jupyter dan Python untuk data* (ids ``0a``–``0f``).

Every answer except 0a is computed from the ``keluarga`` table (the worked examples of the module use the
``penduduk`` table, so the learner does each step once more on another table). 0a is arithmetic on two
example numbers (:data:`RT_CONTOH`), which the module's text prints from here.
"""

from __future__ import annotations

from typing import Any

from cantik.checks._data import tabel
from cantik.checks.compare import Hasil, Pembanding, banding_angka, banding_tabel
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.figures import NilaiKategori, angka_tik, banding_grafik, cocok_isi
from cantik.checks.plain import Deret, Tabel

#: Question 0a: an RT's counts (example numbers, not data), added up by the learner.
RT_CONTOH = {"laki_laki": 38, "perempuan": 41}
#: Question 0c: the columns to choose from ``keluarga``, in this order.
KOLOM_0C = ["rt", "jumlah_anggota"]
#: Question 0d: a "large" family has at least this many members.
ANGGOTA_BESAR = 5


def _k() -> Any:
    return tabel("keluarga")


def jumlah_keluarga() -> int:
    """Number of families (rows of ``keluarga``)."""
    return len(_k())


def keluarga_besar(batas: int = ANGGOTA_BESAR) -> int:
    """Families with at least ``batas`` members."""
    return int((_k()["jumlah_anggota"] >= batas).sum())


def median_pengeluaran() -> float:
    """Median monthly expenditure per capita of the families (rupiah)."""
    return float(_k()["pengeluaran_per_kapita"].median())


def rata_pengeluaran() -> float:
    """Mean monthly expenditure per capita of the families (rupiah)."""
    return float(_k()["pengeluaran_per_kapita"].mean())


def _per_rt(table: str) -> NilaiKategori:
    """Chart content of 0f: one bar per RT, the number of rows of ``table`` (families) in it."""
    n = tabel(table)["rt"].value_counts().sort_index()
    return NilaiKategori(tuple(int(k) for k in n.index), tuple(float(v) for v in n),
                         f"banyaknya baris {table}", "RT", angka_tik)


def _contoh_jenis_kelamin() -> NilaiKategori:
    """The worked example's chart (people by sex), left in ``fig`` by a learner who drew nothing new."""
    n = tabel("penduduk")["jenis_kelamin"].astype(str).value_counts().sort_index()
    return NilaiKategori(tuple(n.index), tuple(float(v) for v in n), "penduduk", "jenis kelamin", str.strip)


def _pilihan_kolom() -> Tabel:
    from cantik.checks.plain import ke_polos

    return ke_polos(_k()[KOLOM_0C])


def _banding_kolom() -> Pembanding:
    """A table with exactly the chosen columns (the whole ``keluarga`` table must not pass)."""
    isi = banding_tabel(desimal=0)

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        if isinstance(jawaban, Tabel):
            lain = [str(k) for k in jawaban.kolom if str(k) not in KOLOM_0C and str(k) != "index"]
            if lain:
                return Hasil(False, "Tabel Anda masih memuat kolom lain: " + ", ".join(lain[:5])
                             + ". Pilih hanya kolom `rt` dan `jumlah_anggota`.")
        return isi(jawaban, harapan)

    return banding


def _angka(j: Any) -> bool:
    return isinstance(j, int | float) and not isinstance(j, bool)


_SELISIH = abs(RT_CONTOH["perempuan"] - RT_CONTOH["laki_laki"])
_SATU_SAJA = "Anda baru menyimpan banyaknya {0}. Jumlahkan laki-laki dan perempuan dengan tanda `+`."

daftar(
    Soal(
        "0a",
        harapan=lambda: RT_CONTOH["laki_laki"] + RT_CONTOH["perempuan"],
        banding=banding_angka(desimal=0),
        salah=[
            Salah(_SATU_SAJA.format("laki-laki"), nilai=lambda: RT_CONTOH["laki_laki"]),
            Salah(_SATU_SAJA.format("perempuan"), nilai=lambda: RT_CONTOH["perempuan"]),
            Salah("Anda mengurangkan. Banyaknya warga = laki-laki ditambah perempuan: pakai tanda `+`.",
                  cocok=lambda j: _angka(j) and abs(j) == _SELISIH),
            Salah("Anda mengalikan. Banyaknya warga = laki-laki ditambah perempuan: pakai tanda `+`, "
                  "bukan `*`.", nilai=lambda: RT_CONTOH["laki_laki"] * RT_CONTOH["perempuan"]),
            Salah("Anda menulis angka di antara tanda kutip, jadi Python menganggapnya teks dan "
                  "menyambungnya (\"{laki_laki}\" + \"{perempuan}\" menjadi \"{laki_laki}{perempuan}\"). "
                  "Tulis angka tanpa tanda kutip.".format(**RT_CONTOH),
                  cocok=lambda j: isinstance(j, str) and j.strip().isdigit()),
        ],
        petunjuk=["Banyaknya warga = banyaknya laki-laki + banyaknya perempuan.",
                  "Angka ditulis tanpa tanda kutip. Tanda tambah di Python adalah `+`.",
                  f"Tulis `jumlah_warga = {RT_CONTOH['laki_laki']} + {RT_CONTOH['perempuan']}`."],
    ),
    Soal(
        "0b",
        harapan=jumlah_keluarga,
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Itu banyaknya penduduk (tabel `penduduk`). Yang diminta banyaknya keluarga: buka tabel "
                  "`keluarga` dengan `load(\"keluarga\")`.", nilai=lambda: len(tabel("penduduk"))),
            Salah("Sepertinya Anda menghitung banyaknya kolom. Yang diminta banyaknya baris: satu baris = "
                  "satu keluarga.", nilai=lambda: _k().shape[1]),
            Salah("`keluarga.shape` berisi dua angka: (banyak baris, banyak kolom). Yang diminta banyaknya "
                  "baris saja: `len(keluarga)`.",
                  cocok=lambda j: isinstance(j, tuple | list) and len(j) == 2),
            Salah("Itu banyaknya RT. Yang diminta banyaknya keluarga (baris tabel `keluarga`).",
                  nilai=lambda: int(_k()["rt"].nunique())),
        ],
        petunjuk=["Buka dulu tabelnya: `keluarga = load(\"keluarga\")`.",
                  "Satu baris tabel `keluarga` adalah satu keluarga (satu Kartu Keluarga).",
                  "Banyaknya baris: `len(keluarga)`."],
    ),
    Soal(
        "0c",
        harapan=_pilihan_kolom,
        banding=_banding_kolom(),
        bentuk="tabel",
        salah=[
            Salah("Anda baru memilih satu kolom. Untuk beberapa kolom sekaligus pakai dua pasang kurung "
                  "siku dan daftar nama kolom: `keluarga[[\"rt\", \"jumlah_anggota\"]]`.",
                  cocok=lambda j: isinstance(j, Deret)),
        ],
        petunjuk=["Satu kolom dipilih dengan `tabel[\"nama_kolom\"]`.",
                  "Beberapa kolom: daftar nama kolom di dalam kurung siku kedua, `tabel[[\"a\", \"b\"]]`.",
                  "Tulis `kolom_pilihan = keluarga[[\"rt\", \"jumlah_anggota\"]]`."],
    ),
    Soal(
        "0d",
        harapan=keluarga_besar,
        banding=banding_angka(desimal=0),
        salah=[
            Salah(f"Anda memakai `>` (lebih dari), sehingga keluarga yang anggotanya tepat {ANGGOTA_BESAR} "
                  f"orang tidak terhitung. \"{ANGGOTA_BESAR} orang atau lebih\" ditulis "
                  f"`>= {ANGGOTA_BESAR}`.",
                  nilai=lambda: keluarga_besar(ANGGOTA_BESAR + 1)),
            Salah(f"Anda hanya menghitung keluarga yang anggotanya tepat {ANGGOTA_BESAR} orang (`==`). "
                  f"Yang diminta {ANGGOTA_BESAR} orang atau lebih: `>=`.",
                  nilai=lambda: int((_k()["jumlah_anggota"] == ANGGOTA_BESAR).sum())),
            Salah(f"Anda menghitung keluarga yang anggotanya kurang dari {ANGGOTA_BESAR} orang. Balik "
                  f"tandanya: `>= {ANGGOTA_BESAR}`.", nilai=lambda: jumlah_keluarga() - keluarga_besar()),
            Salah("Itu banyaknya semua keluarga. Saring dulu barisnya, baru hitung.", nilai=jumlah_keluarga),
            Salah("Anda menjumlahkan anggotanya (banyaknya orang). Yang diminta banyaknya keluarga: "
                  "hitung barisnya dengan `len(...)`.",
                  nilai=lambda: int(_k().query("jumlah_anggota >= @ANGGOTA_BESAR")["jumlah_anggota"].sum())),
        ],
        petunjuk=[f"Syaratnya: `keluarga[\"jumlah_anggota\"] >= {ANGGOTA_BESAR}`.",
                  "Taruh syarat itu di dalam kurung siku tabel untuk menyaring baris: `keluarga[syarat]`.",
                  "Hitung baris hasil saringan dengan `len(...)`."],
    ),
    Soal(
        "0e",
        harapan=median_pengeluaran,
        banding=banding_angka(desimal=0, satuan="rupiah"),
        salah=[
            Salah("Itu rata-rata (mean). Yang diminta median: nilai tengah setelah diurutkan. Gunakan "
                  "`.median()`.", nilai=rata_pengeluaran),
            Salah("Itu median pengeluaran makanan per kapita. Yang diminta kolom `pengeluaran_per_kapita` "
                  "(semua pengeluaran).",
                  nilai=lambda: float(_k()["pengeluaran_makanan_per_kapita"].median())),
        ],
        petunjuk=["Pilih kolomnya: `keluarga[\"pengeluaran_per_kapita\"]`.",
                  "Median adalah nilai tengah: `.median()`.",
                  "Jangan dibulatkan; tulis `median_pengeluaran = keluarga[\"pengeluaran_per_kapita\"]"
                  ".median()`."],
    ),
    Soal(
        "0f",
        harapan=lambda: _per_rt("keluarga"),
        banding=banding_grafik(jenis=("batang", "batang_mendatar")),
        bentuk="grafik",
        salah=[
            Salah("Grafik Anda masih grafik contoh (jenis kelamin penduduk). Yang diminta banyaknya "
                  "keluarga per RT: buat tabel frekuensi dari `keluarga[\"rt\"]`, lalu gambar grafik baru "
                  "dan simpan di `fig`.", cocok=cocok_isi(_contoh_jenis_kelamin)),
            Salah("Grafik Anda menggambar banyaknya penduduk per RT. Yang diminta banyaknya keluarga: pakai "
                  "tabel `keluarga`.", cocok=cocok_isi(lambda: _per_rt("penduduk"))),
        ],
        petunjuk=["Hitung dulu banyaknya keluarga per RT: `keluarga[\"rt\"].value_counts().sort_index()`.",
                  "Gambar seperti contoh: `fig, ax = plt.subplots()` lalu `frek_rt.plot.bar(ax=ax)`.",
                  "Beri judul (`ax.set_title`), label sumbu mendatar (`ax.set_xlabel`) dan tegak "
                  "(`ax.set_ylabel`)."],
    ),
)
