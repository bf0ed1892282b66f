"""Naskah modul 0: Mengenal Jupyter dan Python untuk data. Run `cantik kursus tulis modul0` after editing.

For learners who have never typed code: every exercise follows a worked example (``contoh_kode``) of the
same step on the ``penduduk`` table; the exercises use the ``keluarga`` table. Numbers quoted in the text
and in the written answer's exemplars are computed from the data when this script runs (the same functions
as the questions' checks). Kept short on purpose (about 60 minutes for a novice, see courses/README.md).
"""

from _umum import aplikasi_sel, pembuka, penutup, tempat

from cantik.authoring.cells import contoh_kode, jawaban, kode, md, tes
from cantik.authoring.numbers import angka, rupiah
from cantik.authoring.written import Contoh, Kriteria, Kunci, soal_tulisan
from cantik.checks.modul0 import (
    ANGGOTA_BESAR,
    RT_CONTOH,
    jumlah_keluarga,
    keluarga_besar,
    median_pengeluaran,
    rata_pengeluaran,
)

M = "m0"
LAKI, PEREMPUAN = RT_CONTOH["laki_laki"], RT_CONTOH["perempuan"]
KELUARGA, BESAR = jumlah_keluarga(), keluarga_besar()
MEDIAN, RATA = median_pengeluaran(), rata_pengeluaran()
GANTI = "# Ganti setiap ... dengan kode Anda, lalu hapus baris raise NotImplementedError().\n"


KRITERIA_0G = [
    Kriteria("Memakai angka dari data", ["tidak ada angka", "satu angka", "dua atau tiga angka benar",
                                         "angka benar dengan satuannya"]),
    Kriteria("Bahasa yang jelas dan jujur", ["sulit dipahami", "banyak istilah teknis", "jelas",
                                             "jelas, dan menyebut data latihan (sintetis)" if tempat.sintetis
                                             else "jelas, dan menyebut sumber datanya"]),
]
CONTOH_0G = [
    Contoh(1, f"Keluarga di {tempat.jenis} kita banyak dan pengeluarannya macam-macam.", [1, 2]),
    Contoh(2, f"Ada {angka(KELUARGA)} keluarga di {tempat.jenis} ini, dan pengeluarannya berbeda-beda.", [2, 3]),
    Contoh(3, f"{tempat.nama} punya {angka(KELUARGA)} keluarga dan {angka(BESAR)} di antaranya beranggota "
              f"{angka(ANGGOTA_BESAR)} orang atau lebih. Separuh keluarga membelanjakan kurang dari "
              f"{rupiah(MEDIAN)} per orang per bulan.", [3, 3]),
    Contoh(4, f"Menurut {'data latihan (sintetis)' if tempat.sintetis else tempat.profil.source}, {tempat.nama} punya {angka(KELUARGA)} keluarga; "
              f"{angka(BESAR)} di antaranya beranggota {angka(ANGGOTA_BESAR)} orang atau lebih. Separuh keluarga "
              f"membelanjakan kurang dari {rupiah(MEDIAN)} per orang per bulan (median), sedangkan rata-ratanya "
              f"({rupiah(RATA)}) ditarik ke atas oleh beberapa keluarga.", [4, 4]),
]
KUNCI_0G = [
    Kunci("Banyaknya keluarga (soal 0b)", KELUARGA, 0, satuan="keluarga"),
    Kunci(f"Keluarga beranggota {angka(ANGGOTA_BESAR)} orang atau lebih (soal 0d)", BESAR, 0, satuan="keluarga"),
    Kunci("Median pengeluaran per kapita per bulan (soal 0e), rupiah", MEDIAN, 1000),
    Kunci("Rata-rata pengeluaran per kapita per bulan, rupiah", RATA, 1000),
]

NOTEBOOKS = {
    "modul0_mengenal_jupyter": [
        *pembuka(
            M, "Modul 0 · Mengenal Jupyter dan Python untuk data",
            tujuan=[
                "menjalankan sel kode dan menyimpan angka dan teks dalam variabel;",
                "membuka tabel, memilih kolom, menyaring dan menghitung baris;",
                "menghitung median dan menggambar diagram batang;",
                "memakai `cek` dan `petunjuk`, membaca pesan galat (*error*), dan mengumpulkan pekerjaan.",
            ],
            pertanyaan=[
                f"Berapa banyak keluarga di {tempat.nama}, dan berapa pengeluaran per orang yang khas?",
            ],
            durasi="60 menit (untuk yang belum pernah menulis kode)",
            pengantar=[md(f"{M}-sel", """## 0. Sel

Buku catatan (*notebook*) ini terdiri atas **sel**: sel teks seperti ini, dan **sel kode** (kotak abu-abu
bertanda `[ ]:`) berisi perintah Python. Klik sel kode lalu tekan **Shift + Enter** untuk menjalankannya.

**Coba sekarang:** jalankan **sel persiapan** di bawah ini, dan lagi setiap kali buku catatan ini dibuka.""", kunci=True)],
        ),
        md(f"{M}-kode-pertama", """## 1. Angka, teks dan variabel

**Contoh.** Jalankan sel di bawah. Baris yang diawali `#` adalah **catatan** untuk manusia; Python
melewatinya. Sebuah **variabel** menyimpan nilai dengan sebuah nama: nama di kiri, `=`, nilai di kanan.
Teks diapit tanda kutip; angka desimal memakai **titik** (`87.5`, bukan `87,5`)."""),
        contoh_kode(f"{M}-contoh-variabel", f"""# Python bisa dipakai seperti kalkulator: + tambah, - kurang, * kali, / bagi
print(7 * 24)
# Variabel: simpan angka dengan sebuah nama (angka contoh, bukan data), lalu pakai untuk menghitung
balita_laki = 12
balita_perempuan = 15
balita = balita_laki + balita_perempuan
# Teks diapit tanda kutip. print(...) menampilkan isi kurungnya; koma memisahkan beberapa hal
nama_kecamatan = "{tempat.profil.kecamatan or tempat.nama}"
print("Balita di", nama_kecamatan, "(contoh):", balita)"""),
        md(f"{M}-0a-soal", f"""### Soal 0a

Sebuah RT mendata **{angka(LAKI)} laki-laki** dan **{angka(PEREMPUAN)} perempuan** (angka contoh). Simpan
banyaknya warga RT itu di variabel `jumlah_warga`.

Di sel jawaban, ganti `raise NotImplementedError()` dengan kode Anda, lalu jalankan. `cek("0a", ...)`
menjawab **✅ Benar!** atau **❌ Belum tepat** dengan kemungkinan kesalahannya."""),
        jawaban(f"{M}-0a", "# Bentuk jawabannya: jumlah_warga = ... + ...",
                f"jumlah_warga = {LAKI} + {PEREMPUAN}", 'cek("0a", jumlah_warga)'),
        tes(f"{M}-0a-tes", "0a", "jumlah_warga"),
        md(f"{M}-cek", """Sel **Tes otomatis** dipakai pelatih untuk menilai: jalankan saja. Bila bingung, jalankan
`petunjuk("0a")` di sel baru: setiap kali, muncul satu petunjuk berikutnya."""),
        md(f"{M}-galat", """## 2. Pesan galat (*error*)

Bila Python tidak bisa menjalankan kode, muncul **pesan galat** di kotak merah. Tidak ada yang rusak: baca,
perbaiki, jalankan lagi. Sel di bawah ini **sengaja** salah ketik. Jalankan."""),
        kode(f"{M}-galat-contoh", """# Sel ini SENGAJA salah: nama variabelnya salah ketik.
balita_perempuan + balita_lakilaki""", galat=True),
        md(f"{M}-galat-baca", """Kotak kuning **💡 Penjelasan** menerangkan artinya dan apa yang bisa dicoba. Di kotak
merah, panah `---->` menunjuk baris yang bermasalah; baris terakhirnya menyebut jenis galat, misalnya
`NameError` (nama belum dikenal) atau `KeyError` (kolom tidak ada).

Bila kernel dimulai ulang, semua variabel hilang: pilih menu *Run* → *Run All Above Selected Cell*."""),
        md(f"{M}-tabel", """## 3. Tabel dan kolom

Sebuah **tabel** punya satu **baris** untuk setiap warga (atau keluarga) dan satu **kolom** untuk setiap
keterangan. `load("nama_tabel")` membuka tabel data latihan. Kolom dipilih dengan namanya di dalam **kurung
siku**; beberapa kolom dengan **dua pasang** kurung siku. **Contoh:**"""),
        contoh_kode(f"{M}-contoh-tabel", """# Buka tabel penduduk dan simpan dengan nama penduduk
penduduk = load("penduduk")
# len(...) memberi banyaknya baris: di tabel ini, banyaknya penduduk
print("Banyaknya penduduk:", len(penduduk))
# Satu kolom: nama kolom di dalam kurung siku; .head() menampilkan lima isian pertamanya saja
print(penduduk["umur"].head())
# Beberapa kolom: daftar nama kolom di dalam kurung siku tabel, jadi dua pasang kurung siku [[ ]]
penduduk[["rt", "umur"]].head()"""),
        md(f"{M}-0b-soal", """### Soal 0b

Sekarang giliran Anda, dengan tabel lain. Buka tabel **`keluarga`** (satu baris untuk setiap Kartu Keluarga)
dan simpan dengan nama `keluarga`. Lalu hitung banyaknya keluarga dan simpan di `jumlah_keluarga`."""),
        jawaban(f"{M}-0b", GANTI + "keluarga = ...  # buka tabel \"keluarga\" dengan load(...)\n"
                "jumlah_keluarga = ...  # banyaknya baris: len(...)",
                "keluarga = load(\"keluarga\")\njumlah_keluarga = len(keluarga)",
                'cek("0b", jumlah_keluarga)\nkeluarga.head()'),
        tes(f"{M}-0b-tes", "0b", "jumlah_keluarga"),
        md(f"{M}-0c-soal", """### Soal 0c

Pilih kolom `rt` dan `jumlah_anggota` dari tabel `keluarga`. Simpan hasilnya di `kolom_pilihan`."""),
        jawaban(f"{M}-0c", GANTI + "kolom_pilihan = ...  # keluarga[[\"...\", \"...\"]]",
                "kolom_pilihan = keluarga[[\"rt\", \"jumlah_anggota\"]]",
                'cek("0c", kolom_pilihan)\nkolom_pilihan.head()'),
        tes(f"{M}-0c-tes", "0c", "kolom_pilihan"),
        md(f"{M}-saring", """## 4. Menyaring dan menghitung baris

Sebuah **syarat**, misalnya `penduduk["umur"] >= 60`, memberi `True` (ya) atau `False` (tidak) untuk setiap
baris; di dalam kurung siku tabel, ia mengambil baris yang `True` saja. Tanda pembanding: `==` sama dengan
(**dua** tanda `=`), `!=` tidak sama, `>`, `>=`, `<`, `<=`. **Contoh:**"""),
        contoh_kode(f"{M}-contoh-saring", """# Langkah 1: syarat "umur 60 tahun atau lebih", True/False untuk setiap penduduk
syarat_60_plus = penduduk["umur"] >= 60
# Langkah 2: ambil hanya baris yang memenuhi syarat
umur_60_plus = penduduk[syarat_60_plus]
# Menghitung: banyaknya baris hasil saringan
len(umur_60_plus)"""),
        md(f"{M}-0d-soal", f"""### Soal 0d

Berapa keluarga yang anggotanya **{angka(ANGGOTA_BESAR)} orang atau lebih** (kolom `jumlah_anggota`)? Simpan
di `jumlah_keluarga_besar`."""),
        jawaban(f"{M}-0d", GANTI + "keluarga_besar = ...  # keluarga[syarat]; syaratnya memakai kolom "
                "\"jumlah_anggota\"\njumlah_keluarga_besar = ...  # len(...)",
                f"keluarga_besar = keluarga[keluarga[\"jumlah_anggota\"] >= {ANGGOTA_BESAR}]\n"
                "jumlah_keluarga_besar = len(keluarga_besar)",
                'cek("0d", jumlah_keluarga_besar)'),
        tes(f"{M}-0d-tes", "0d", "jumlah_keluarga_besar"),
        md(f"{M}-pusat", """## 5. Rata-rata dan median

**Rata-rata** (`.mean()`): jumlah dibagi banyaknya. **Median** (`.median()`): nilai tengah. **Contoh:**"""),
        contoh_kode(f"{M}-contoh-pusat", """# Rata-rata dan median umur penduduk
rata_umur = penduduk["umur"].mean()
median_umur = penduduk["umur"].median()
# round(angka, 1) membulatkan ke 1 angka di belakang koma, hanya untuk ditampilkan
print("Rata-rata umur:", round(rata_umur, 1), "tahun;  median umur:", median_umur, "tahun")"""),
        md(f"{M}-0e-soal", """### Soal 0e

Hitung **median** pengeluaran per kapita keluarga (kolom `pengeluaran_per_kapita`, rupiah per orang per
bulan). Simpan di `median_pengeluaran`, tanpa dibulatkan."""),
        jawaban(f"{M}-0e", GANTI + "median_pengeluaran = ...  # keluarga[\"...\"].median()",
                "median_pengeluaran = keluarga[\"pengeluaran_per_kapita\"].median()",
                'cek("0e", median_pengeluaran)\n'
                'print("Rata-rata:", round(keluarga["pengeluaran_per_kapita"].mean()))'),
        tes(f"{M}-0e-tes", "0e", "median_pengeluaran"),
        *aplikasi_sel(f"{M}-aplikasi-rata-median", "rata_median",
                      "Rata-rata yang tercetak di atas lebih tinggi daripada median. Di aplikasi ini, tambahkan "
                      "beberapa keluarga yang sangat kaya: rata-rata bergeser jauh, median hampir tidak."),
        md(f"{M}-grafik", """## 6. Tabel frekuensi dan diagram batang

**Contoh:** `.value_counts()` menghitung baris untuk setiap isian sebuah kolom (**tabel frekuensi**), dan
diagram batang menggambarnya, dengan **judul** dan **label sumbu**."""),
        contoh_kode(f"{M}-contoh-grafik", f"""# Tabel frekuensi: banyaknya penduduk per jenis kelamin.
# .sort_index() mengurutkan menurut labelnya (L lalu P), bukan menurut jumlahnya.
frek_jk = penduduk["jenis_kelamin"].value_counts().sort_index()
# plt.subplots() menyiapkan gambar (fig) dan bidang gambarnya (ax)
fig, ax = plt.subplots(figsize=(5, 3))
# Gambar diagram batang dari tabel frekuensi itu di bidang ax
frek_jk.plot.bar(ax=ax, color="#4a7")
# ax.set_title: judul; ax.set_xlabel dan ax.set_ylabel: label sumbu mendatar dan tegak
ax.set_title("Penduduk menurut jenis kelamin, {tempat.nama} ({tempat.ket_data})")
ax.set_xlabel("Jenis kelamin")
ax.set_ylabel("Jumlah orang")
# plt.show() menampilkan gambarnya
plt.show()"""),
        md(f"{M}-0f-soal", """### Soal 0f (grafik)

Gambar diagram batang **banyaknya keluarga per RT** (nomor RT di sumbu mendatar, urut dari RT 1). Beri judul
dan label kedua sumbu. Simpan gambarnya di `fig`."""),
        jawaban(f"{M}-0f", GANTI + "frek_rt = ...  # tabel frekuensi kolom \"rt\" dari tabel keluarga, urut menurut "
                "nomor RT\n# lalu gambar seperti contoh di atas: fig, ax = plt.subplots(...) dan seterusnya",
                "frek_rt = keluarga[\"rt\"].value_counts().sort_index()\n"
                "fig, ax = plt.subplots(figsize=(8, 3))\n"
                "frek_rt.plot.bar(ax=ax, color=\"#4a7\")\n"
                f"ax.set_title(\"Banyaknya keluarga per RT, {tempat.nama} ({tempat.ket_data})\")\n"
                "ax.set_xlabel(\"RT\")\n"
                "ax.set_ylabel(\"Jumlah keluarga\")",
                'cek("0f", fig)\nplt.show()'),
        tes(f"{M}-0f-tes", "0f", "fig"),
        md(f"{M}-0g-soal", f"""### Soal 0g (jawaban tertulis, dinilai pelatih)

{tempat.sapaan} bertanya: *"Seperti apa keluarga di {tempat.jenis} kita?"* Jawab dalam **2 kalimat** dengan angka dari
soal 0b, 0d dan 0e; sebutkan bahwa datanya data latihan. Klik dua kali sel `TULIS JAWABAN ANDA DI SINI` di
bawah rubrik, tulis jawaban Anda, lalu tekan Shift + Enter."""),
        *soal_tulisan(f"{M}-0g", "0g", KRITERIA_0G, CONTOH_0G, KUNCI_0G,
                      catatan=["Angka boleh dibulatkan (mis. ke ribuan rupiah) asal tidak mengubah maknanya.",
                               "Kalimat yang menyebut rata-rata sebagai 'pengeluaran yang khas' tanpa "
                               "menyebut median belum tepat untuk K1 tingkat 4."]),
        md(f"{M}-simpan", f"""## 7. Menyimpan dan mengumpulkan

1. **Simpan** sesering mungkin: **Ctrl + S**.
2. **Kumpulkan:** di server kelas, menu *Nbgrader* → *Assignment List* → **Submit** (lihat halaman
   *Mulai_kelas*); di laptop sendiri, serahkan berkas `.ipynb` ini kepada pelatih.

Berikutnya: **Modul 1 · Data {tempat.jenis} & Satu Data**. Semua istilah dan perintah ada di
[Daftar istilah](daftar_istilah.md)."""),
        *penutup(M, [
            "Shift + Enter menjalankan sel; sel persiapan dulu, setiap kali.",
            "Teks diapit tanda kutip; angka desimal memakai titik.",
            "`tabel[\"kolom\"]`, `tabel[[\"a\", \"b\"]]`, `tabel[syarat]`, `len(...)`, `.value_counts()`, "
            "`.median()`.",
            "Pesan galat: baca penjelasannya, perbaiki, jalankan lagi.",
        ]),
    ],
}
