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
from cantik.checks.figures import NilaiKategori, banding_grafik, cocok_isi, nomor_rt
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
                         f"banyaknya baris {table}", "RT", nomor_rt)


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
_SAMBUNG = f"{RT_CONTOH['laki_laki']}{RT_CONTOH['perempuan']}"


def _kolom_0c(j: Any) -> str:
    """How a table's columns differ from 0c's: "kurang" (some of them only), "lebih" (all and others),
    "salah" (others instead), "" (the same, or not a table)."""
    if not isinstance(j, Tabel):
        return ""
    kolom = {str(k) for k in j.kolom} - {"index"}
    if kolom == set(KOLOM_0C):
        return ""
    if kolom < set(KOLOM_0C):
        return "kurang"
    return "lebih" if set(KOLOM_0C) <= kolom else "salah"


def _baris_kurang_0c(j: Any) -> bool:
    return isinstance(j, Tabel) and _kolom_0c(j) == "" and 0 < len(j.baris) < jumlah_keluarga()
_SATU_SAJA = "Anda baru menyimpan banyaknya {0}. Jumlahkan laki-laki dan perempuan dengan tanda `+`."

daftar(
    Soal(
        "0a",
        harapan=lambda: RT_CONTOH["laki_laki"] + RT_CONTOH["perempuan"],
        banding=banding_angka(desimal=0),
        salah=[
            Salah(_SATU_SAJA.format("laki-laki"), nilai=lambda: RT_CONTOH["laki_laki"], kode="laki-saja",
                  konsep="rumus"),
            Salah(_SATU_SAJA.format("perempuan"), nilai=lambda: RT_CONTOH["perempuan"], kode="perempuan-saja",
                  konsep="rumus"),
            Salah("Anda mengurangkan. Banyaknya warga = laki-laki ditambah perempuan: pakai tanda `+`.",
                  cocok=lambda j: _angka(j) and abs(j) == _SELISIH, kode="dikurangi", konsep="rumus",
                  contoh=lambda: RT_CONTOH["perempuan"] - RT_CONTOH["laki_laki"]),
            Salah("Anda mengalikan. Banyaknya warga = laki-laki ditambah perempuan: pakai tanda `+`, "
                  "bukan `*`.", nilai=lambda: RT_CONTOH["laki_laki"] * RT_CONTOH["perempuan"], kode="dikali",
                  konsep="rumus"),
            Salah("Anda menulis angka di antara tanda kutip, jadi Python menganggapnya teks dan "
                  "menyambungnya (\"{laki_laki}\" + \"{perempuan}\" menjadi \"{laki_laki}{perempuan}\"). "
                  "Tulis angka tanpa tanda kutip.".format(**RT_CONTOH),
                  cocok=lambda j: isinstance(j, str) and j.strip() == _SAMBUNG, kode="teks-disambung",
                  konsep="bentuk", contoh=lambda: _SAMBUNG),
            Salah("Anda membagi. Banyaknya warga = laki-laki ditambah perempuan: pakai tanda `+`, bukan `/`.",
                  nilai=lambda: RT_CONTOH["laki_laki"] / RT_CONTOH["perempuan"], kode="dibagi",
                  konsep="rumus"),
            Salah("Itu rata-rata laki-laki dan perempuan. Yang diminta banyaknya warga: jumlahkan saja, "
                  "tanpa dibagi 2.", nilai=lambda: (RT_CONTOH["laki_laki"] + RT_CONTOH["perempuan"]) / 2,
                  kode="rata-rata", konsep="rumus"),
            Salah("Anda menyimpan dua angka sekaligus. Yang diminta SATU angka: laki-laki + perempuan.",
                  cocok=lambda j: isinstance(j, list | tuple) and len(j) == 2, kode="dua-angka",
                  konsep="bentuk", contoh=lambda: [RT_CONTOH["laki_laki"], RT_CONTOH["perempuan"]]),
        ],
        langkah="banyaknya laki-laki + banyaknya perempuan, ditulis sebagai angka (tanpa tanda kutip).",
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
                  "`keluarga` dengan `load(\"keluarga\")`.", nilai=lambda: len(tabel("penduduk")),
                  kode="tabel-penduduk", konsep="keluarga-orang"),
            Salah("Sepertinya Anda menghitung banyaknya kolom. Yang diminta banyaknya baris: satu baris = "
                  "satu keluarga.", nilai=lambda: _k().shape[1], kode="kolom", konsep="bentuk"),
            Salah("`keluarga.shape` berisi dua angka: (banyak baris, banyak kolom). Yang diminta banyaknya "
                  "baris saja: `len(keluarga)`.",
                  cocok=lambda j: isinstance(j, tuple | list) and len(j) == 2, kode="shape", konsep="bentuk",
                  contoh=lambda: _k().shape),
            Salah("Itu banyaknya RT. Yang diminta banyaknya keluarga (baris tabel `keluarga`).",
                  nilai=lambda: int(_k()["rt"].nunique()), kode="rt", konsep="bentuk"),
            Salah("Itu nomor (indeks) baris terakhir: Python mulai menghitung dari 0, jadi nomor terakhir "
                  "satu lebih kecil dari banyaknya baris. Pakai `len(keluarga)`.",
                  nilai=lambda: jumlah_keluarga() - 1, kode="indeks-terakhir", konsep="bentuk"),
            Salah("Itu banyaknya SEL tabel (`keluarga.size` = baris × kolom). Yang diminta banyaknya baris: "
                  "`len(keluarga)`.", nilai=lambda: int(_k().size), kode="size", konsep="bentuk"),
            Salah("Itu banyaknya isian per kolom (`keluarga.count()`). Yang diminta satu angka: banyaknya "
                  "baris, `len(keluarga)`.", cocok=lambda j: isinstance(j, Deret), kode="per-kolom",
                  konsep="bentuk", contoh=lambda: _k().count()),
        ],
        langkah="banyaknya baris tabel `keluarga` (satu baris = satu keluarga): `len(keluarga)`.",
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
                  cocok=lambda j: isinstance(j, Deret), kode="satu-kolom", konsep="bentuk",
                  contoh=lambda: _k()["rt"]),
            Salah("Tabel Anda baru memuat sebagian kolom yang diminta. Tulis kedua nama kolom di dalam "
                  "daftar: "
                  "`keluarga[[\"rt\", \"jumlah_anggota\"]]`.", cocok=lambda j: _kolom_0c(j) == "kurang",
                  kode="kolom-kurang", konsep="bentuk", contoh=lambda: _k()[["rt"]]),
            Salah("Tabel Anda masih memuat kolom lain (seluruh tabel?). Pilih hanya kolom `rt` dan "
                  "`jumlah_anggota`: `keluarga[[\"rt\", \"jumlah_anggota\"]]`.",
                  cocok=lambda j: _kolom_0c(j) == "lebih", kode="kolom-lain", konsep="bentuk", contoh=_k),
            Salah("Kolom yang Anda pilih belum tepat. Yang diminta kolom `rt` dan `jumlah_anggota`; periksa "
                  "ejaan nama kolomnya.", cocok=lambda j: _kolom_0c(j) == "salah", kode="kolom-salah",
                  konsep="bentuk", contoh=lambda: _k()[["rt", "pengeluaran_per_kapita"]]),
            Salah("Tabel Anda baru memuat sebagian baris (misalnya hasil `head()` atau saringan). Yang "
                  "diminta kedua kolom untuk SEMUA keluarga.", cocok=_baris_kurang_0c, kode="baris-kurang",
                  konsep="bentuk", contoh=lambda: _k()[KOLOM_0C].head()),
            Salah("Itu baru daftar nama kolomnya. Pakai daftar itu untuk memilih kolom dari tabel: "
                  "`keluarga[[\"rt\", \"jumlah_anggota\"]]`.",
                  cocok=lambda j: isinstance(j, list | tuple) and bool(j) and all(isinstance(v, str)
                                                                                  for v in j),
                  kode="daftar-nama", konsep="bentuk", contoh=lambda: list(KOLOM_0C)),
            Salah("Yang diminta tabel berisi dua kolom (DataFrame), bukan teks. Tulis nama kolom di antara "
                  "tanda kutip, di dalam `keluarga[[...]]`.", cocok=lambda j: isinstance(j, str), kode="teks",
                  konsep="bentuk", contoh=lambda: "rt, jumlah_anggota"),
            Salah("Yang diminta tabel berisi dua kolom, bukan satu angka.", cocok=_angka, kode="angka",
                  konsep="bentuk", contoh=jumlah_keluarga),
        ],
        langkah="pilih dua kolom sekaligus dengan dua pasang kurung siku: `keluarga[[\"rt\", "
                "\"jumlah_anggota\"]]`.",
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
                  nilai=lambda: keluarga_besar(ANGGOTA_BESAR + 1), kode="lebih-dari", konsep="batas"),
            Salah(f"Anda hanya menghitung keluarga yang anggotanya tepat {ANGGOTA_BESAR} orang (`==`). "
                  f"Yang diminta {ANGGOTA_BESAR} orang atau lebih: `>=`.",
                  nilai=lambda: int((_k()["jumlah_anggota"] == ANGGOTA_BESAR).sum()), kode="sama-dengan",
                  konsep="batas"),
            Salah(f"Anda menghitung keluarga yang anggotanya kurang dari {ANGGOTA_BESAR} orang. Balik "
                  f"tandanya: `>= {ANGGOTA_BESAR}`.", nilai=lambda: jumlah_keluarga() - keluarga_besar(),
                  kode="kurang-dari", konsep="arah"),
            Salah("Itu banyaknya semua keluarga. Saring dulu barisnya, baru hitung.", nilai=jumlah_keluarga,
                  kode="semua-keluarga", konsep="bentuk"),
            Salah("Anda menjumlahkan anggotanya (banyaknya orang). Yang diminta banyaknya keluarga: "
                  "hitung barisnya dengan `len(...)`.",
                  nilai=lambda: int(_k().query("jumlah_anggota >= @ANGGOTA_BESAR")["jumlah_anggota"].sum()),
                  kode="jumlah-anggota", konsep="keluarga-orang"),
            Salah("Itu persentase keluarga besar. Yang diminta BANYAKNYA keluarga: `len(...)` dari hasil "
                  "saringan.", nilai=lambda: keluarga_besar() / jumlah_keluarga() * 100, kode="persen",
                  konsep="skala"),
            Salah("Itu proporsi keluarga besar (`.mean()`). Yang diminta BANYAKNYA keluarga: `len(...)` dari "
                  "hasil saringan.", nilai=lambda: keluarga_besar() / jumlah_keluarga(), kode="proporsi",
                  konsep="skala"),
        ],
        langkah=f"saring baris dengan `keluarga[\"jumlah_anggota\"] >= {ANGGOTA_BESAR}`, lalu hitung "
                f"barisnya "
                "dengan `len(...)`.",
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
                  "`.median()`.", nilai=rata_pengeluaran, kode="mean", konsep="rata-median"),
            Salah("Itu median pengeluaran makanan per kapita. Yang diminta kolom `pengeluaran_per_kapita` "
                  "(semua pengeluaran).",
                  nilai=lambda: float(_k()["pengeluaran_makanan_per_kapita"].median()), kode="makanan",
                  konsep="indikator"),
            Salah("Itu median pengeluaran SELURUH keluarga (per kapita × anggota). Yang diminta kolom "
                  "`pengeluaran_per_kapita` apa adanya.",
                  nilai=lambda: float((_k()["pengeluaran_per_kapita"] * _k()["jumlah_anggota"]).median()),
                  kode="total-keluarga", konsep="penyebut"),
            Salah("Itu JUMLAH pengeluaran semua keluarga (`.sum()`). Yang diminta median: `.median()`.",
                  nilai=lambda: float(_k()["pengeluaran_per_kapita"].sum()), kode="jumlah",
                  konsep="rata-median"),
            Salah("Itu nilai yang paling sering muncul (modus). Yang diminta median: nilai tengah setelah "
                  "diurutkan.", nilai=lambda: float(_k()["pengeluaran_per_kapita"].mode().iloc[0]),
                  kode="modus", konsep="rata-median"),
            Salah("Itu titik tengah antara pengeluaran terkecil dan terbesar. Median adalah nilai keluarga "
                  "yang di tengah setelah semua nilai diurutkan.",
                  nilai=lambda: float((_k()["pengeluaran_per_kapita"].min()
                                       + _k()["pengeluaran_per_kapita"].max()) / 2),
                  kode="titik-tengah", konsep="rata-median"),
            Salah("Itu median kolom `jumlah_anggota`. Yang diminta median kolom `pengeluaran_per_kapita`.",
                  nilai=lambda: float(_k()["jumlah_anggota"].median()), kode="kolom-lain", konsep="bentuk"),
            Salah("Itu pengeluaran TERBESAR (`.max()`). Median adalah nilai tengah: `.median()`.",
                  nilai=lambda: float(_k()["pengeluaran_per_kapita"].max()), kode="maks",
                  konsep="rata-median"),
        ],
        langkah="pilih kolom `pengeluaran_per_kapita` dari tabel `keluarga`, lalu `.median()`.",
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
                  "dan simpan di `fig`.", cocok=cocok_isi(_contoh_jenis_kelamin), kode="grafik-contoh",
                  konsep="grafik"),
            Salah("Grafik Anda menggambar banyaknya penduduk per RT. Yang diminta banyaknya keluarga: pakai "
                  "tabel `keluarga`.", cocok=cocok_isi(lambda: _per_rt("penduduk")), kode="penduduk-per-rt",
                  konsep="keluarga-orang"),
        ],
        petunjuk=["Hitung dulu banyaknya keluarga per RT: `keluarga[\"rt\"].value_counts().sort_index()`.",
                  "Gambar seperti contoh: `fig, ax = plt.subplots()` lalu `frek_rt.plot.bar(ax=ax)`.",
                  "Beri judul (`ax.set_title`), label sumbu mendatar (`ax.set_xlabel`) dan tegak "
                  "(`ax.set_ylabel`)."],
    ),
)
