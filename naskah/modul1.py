"""Naskah modul 1: Data kelurahan & Satu Data. Run `cantik kursus tulis modul1` after editing."""

from _umum import aplikasi_sel, pembuka, penutup, tempat

from cantik.authoring.cells import contoh_kode, jawaban, kode, md, tes
from cantik.authoring.numbers import angka
from cantik.authoring.written import Contoh, Kriteria, Kunci, soal_tulisan
from cantik.checks import modul1 as F
from cantik.checks.core import ambil

M = "m1"
#: The place's priority data (Kandangan Utara's include its AMPUNKU service records; a place without such a
#: table gets the priorities every place shares).
PRIORITAS = (f"Data prioritas {tempat.nama}: **kependudukan, kemiskinan, pendidikan**, serta data layanan **AMPUNKU**\n"
             "(Antar Jemput Pasien Kandangan Utara)." if tempat.ada("ampunku") else
             f"Data prioritas yang sering dipilih {tempat.jenis}: **kependudukan, kemiskinan, pendidikan**. Di "
             f"modul-modul ini kita memakai data {tempat.label}.")
DUPLIKAT = ambil("1f").nilai_harapan()
MUSTAHIL = ambil("1g").nilai_harapan()
WHIPPLE = ambil("1i").nilai_harapan()
HAMPIR = F.fakta_cacat("hampir_duplikat")

CONTOH_1J = [
    Contoh(4, f"Sebelum membagi paket, buang dulu {angka(DUPLIKAT)} baris duplikat persis dan periksa "
              f"{angka(HAMPIR)} NIK yang tercatat dua kali dengan isian sedikit berbeda: lansia yang tercatat dua "
              "kali membuat RT-nya mendapat paket berlebih, sedangkan RT lain kekurangan. "
              f"Selain itu, {angka(MUSTAHIL)} umur mustahil (di bawah 0 atau di atas 110 tahun) harus dicek ke "
              "KK: orang yang tercatat berumur lebih dari 110 tahun masuk daftar lansia padahal belum tentu lansia. Indeks "
              f"Whipple {angka(WHIPPLE, 1)} menunjukkan banyak umur ditaksir, jadi batas lansia 60 tahun bisa "
              "meleset; minta ketua RT memeriksa tanggal lahir calon penerima yang umurnya sekitar 60 tahun. "
              "Setelah itu baru hitung lansia per RT.", [4, 4, 4, 4]),
    Contoh(3, f"Data perlu dibersihkan dulu: ada {angka(DUPLIKAT)} duplikat dan {angka(MUSTAHIL)} umur mustahil, "
              "sehingga jumlah lansia per RT bisa salah dan paket bisa berlebih di satu RT. Hapus duplikatnya "
              "dan tanyakan umur yang aneh kepada ketua RT sebelum bantuan dibagi.", [3, 3, 3, 3]),
    Contoh(2, f"Datanya masih kotor, ada {angka(DUPLIKAT)} duplikat. Kalau tidak dibersihkan, datanya jadi salah. "
              "Sebaiknya dibersihkan dulu.", [2, 2, 2, 3]),
    Contoh(1, "Data sudah ada di tabel, jadi bantuan bisa langsung dibagi sesuai daftar.", [1, 1, 1, 2]),
]

NOTEBOOKS = {
    "modul1_data_kelurahan": [
        *pembuka(
            M, f"Modul 1 · Data {tempat.jenis} & Satu Data",
            tujuan=[
                f"menjelaskan data apa yang dimiliki {tempat.jenis} dan untuk apa (tahapan {tempat.cantik});",
                "membaca tabel data penduduk: baris, kolom, jenis variabel dan metadata;",
                "membuat tabel frekuensi dan persentase sederhana;",
                "membersihkan data mentah: duplikat, ejaan tidak baku, nilai mustahil dan nilai kosong;",
                "mengenali penumpukan umur (age heaping) dengan indeks Whipple.",
            ],
            pertanyaan=[
                f"Data apa yang dimiliki {tempat.label}, dan bagaimana cara membacanya?",
                "Seberapa bersih data penduduk yang dikumpulkan dari lapangan, dan apa akibatnya bila tidak "
                "dibersihkan?",
            ],
            durasi="1 jam 50 menit",
        ),
        md(f"{M}-tahapan", f"""## 1. Data {tempat.jenis} dan Satu Data Indonesia

Dalam program **Desa/Kelurahan Cinta Statistik (Cantik)**, BPS mendampingi perangkat {tempat.jenis} dan agen
statistik melalui seluruh proses statistik:

1. mengenali kebutuhan data → 2. merancang instrumen → 3. mengumpulkan data → 4. mengolah dan
membersihkan → 5. menganalisis → 6. menyebarluaskan (profil {tempat.jenis}, "… dalam Angka", dasbor,
infografis) → 7. menilai mutu → 8. **memakai data dalam perencanaan (Musrenbang)**.

{PRIORITAS}

*Satu Data Indonesia* (Perpres 39/2019) meminta setiap data punya **standar data**, **metadata**,
**interoperabilitas** (bisa digabung dengan data lain) dan **kode referensi** (misalnya kode wilayah BPS/
Kemendagri). Tanpa metadata, orang lain tidak tahu arti sebuah kolom atau kapan data dikumpulkan."""),
        md(f"{M}-baca", """## 2. Membaca tabel

Tabel `penduduk` berisi satu baris untuk setiap warga. Setiap kolom adalah satu **variabel**. Jalankan sel
di bawah dan perhatikan nama kolomnya."""),
        kode(f"{M}-muat", "penduduk = load(\"penduduk\")\nprint(penduduk.attrs[\"judul\"])\npenduduk.head()"),
        md(f"{M}-1a-soal", "### Soal 1a\n\nAda berapa penduduk dalam tabel? Simpan di `jumlah_penduduk`."),
        jawaban(f"{M}-1a", "", "jumlah_penduduk = len(penduduk)", 'cek("1a", jumlah_penduduk)'),
        tes(f"{M}-1a-tes", "1a", "jumlah_penduduk"),
        md(f"{M}-contoh-nunique-md", "**Contoh → Coba.** `.nunique()` menghitung banyaknya isian yang **berbeda** "
           "di sebuah kolom; isian yang sama dihitung sekali saja."),
        contoh_kode(f"{M}-contoh-nunique", """# Ada berapa jenis pekerjaan yang berbeda di tabel penduduk?
penduduk["pekerjaan"].nunique()"""),
        md(f"{M}-1b-soal", "### Soal 1b\n\nAda berapa RT (Rukun Tetangga) yang berbeda? Simpan di `jumlah_rt`."),
        jawaban(f"{M}-1b", "", "jumlah_rt = penduduk[\"rt\"].nunique()", 'cek("1b", jumlah_rt)'),
        tes(f"{M}-1b-tes", "1b", "jumlah_rt"),
        md(f"{M}-jenis", """### Jenis variabel dan metadata

- **Kuantitatif**: hasil menghitung atau mengukur, misalnya umur. Rata-ratanya bermakna.
- **Kategorik**: kelompok atau label, misalnya jenis kelamin, pekerjaan. Ada yang berurutan (*ordinal*,
  misalnya pendidikan), ada yang tidak (*nominal*).

Metadata menjelaskan arti setiap kolom. Judul kolom tersimpan di `penduduk.attrs["judul_kolom"]`:"""),
        kode(f"{M}-metadata", "pd.Series(penduduk.attrs[\"judul_kolom\"], name=\"judul kolom\")"),
        md(f"{M}-1c-soal", "### Soal 1c\n\nDari kolom `rt`, `umur`, `jenis_kelamin`, `pendidikan_tertinggi` dan "
           "`pekerjaan`, mana yang **kuantitatif**? Tulis daftar (list) nama kolomnya di `kolom_kuantitatif`, "
           "misalnya `[\"...\"]`."),
        jawaban(f"{M}-1c", "", "kolom_kuantitatif = [\"umur\"]", 'cek("1c", kolom_kuantitatif)'),
        tes(f"{M}-1c-tes", "1c", "kolom_kuantitatif"),
        *aplikasi_sel(f"{M}-aplikasi-profil", "profil",
                      f"Aplikasi ini menampilkan indikator utama {tempat.nama}, Taluk Haur dan Gambah Luar "
                      "beserta definisinya (metadata), dan rinciannya per RT. Pilih wilayah lain, lalu baca "
                      "definisi setiap indikator: itulah gunanya metadata."),
        md(f"{M}-frekuensi", "## 3. Tabel frekuensi\n\nTabel frekuensi menghitung berapa orang di setiap "
           "kategori.\n\n### Soal 1d\n\nBuat tabel frekuensi pendidikan tertinggi yang ditamatkan. Simpan di "
           "`frek_pendidikan`."),
        jawaban(f"{M}-1d", "", "frek_pendidikan = penduduk[\"pendidikan_tertinggi\"].value_counts()",
                'cek("1d", frek_pendidikan)\nfrek_pendidikan'),
        tes(f"{M}-1d-tes", "1d", "frek_pendidikan"),
        md(f"{M}-1e-soal", "### Soal 1e\n\nBerapa **persen** penduduk yang perempuan (`jenis_kelamin` = \"P\")? "
           "Simpan di `persen_perempuan` (dalam persen, misalnya 12,5 ditulis `12.5`)."),
        jawaban(f"{M}-1e", "", "persen_perempuan = (penduduk[\"jenis_kelamin\"] == \"P\").mean() * 100",
                'cek("1e", persen_perempuan)'),
        tes(f"{M}-1e-tes", "1e", "persen_perempuan"),
        md(f"{M}-mentah", """## 4. Membersihkan data mentah

Data yang baru dikumpulkan dari lapangan hampir selalu "kotor": ada baris tercatat dua kali, ejaan yang
berbeda-beda, umur yang mustahil, dan sel kosong. Tabel `penduduk_mentah` berisi data seperti itu; semua
kolomnya masih berupa teks."""),
        kode(f"{M}-muat-mentah", "mentah = load(\"penduduk_mentah\")\nprint(len(mentah), \"baris\")\n"
             "mentah.isna().sum()"),
        md(f"{M}-contoh-duplikat-md", "**Contoh → Coba.** `.duplicated()` memberi `True` untuk isian yang **sudah "
           "muncul** di baris sebelumnya. Pada satu kolom ia membandingkan isian kolom itu; pada tabel utuh "
           "(`tabel.duplicated()`) ia membandingkan seluruh isi baris."),
        contoh_kode(f"{M}-contoh-duplikat", """# Semua anggota satu keluarga memakai nomor KK yang sama.
# True bila nomor KK baris ini sudah muncul di baris sebelumnya
kk_ulang = penduduk["no_kk"].duplicated()
# .sum() menjumlahkan; True dihitung 1: banyaknya baris yang nomor KK-nya sudah muncul sebelumnya
print("Baris dengan nomor KK yang berulang:", kk_ulang.sum())
# Banyaknya nomor KK yang berbeda = semua baris dikurangi baris yang berulang
print("Banyaknya KK:", len(penduduk) - kk_ulang.sum())"""),
        md(f"{M}-1f-soal", "### Soal 1f\n\nBerapa baris yang merupakan **duplikat persis** (seluruh isinya sama "
           "dengan baris sebelumnya)? Simpan di `jumlah_duplikat`."),
        jawaban(f"{M}-1f", "", "jumlah_duplikat = mentah.duplicated().sum()", 'cek("1f", jumlah_duplikat)'),
        tes(f"{M}-1f-tes", "1f", "jumlah_duplikat"),
        md(f"{M}-contoh-syarat-md", "**Contoh → Coba.** Dua syarat bisa digabung: `&` berarti **dan** (keduanya "
           "harus benar), `|` berarti **atau** (salah satu cukup). Setiap syarat diberi kurungnya sendiri. Dua "
           "cara pendek: `.between(a, b)` untuk rentang (batasnya ikut), `.isin([...])` untuk beberapa nilai."),
        contoh_kode(f"{M}-contoh-syarat", """# Perempuan DAN berumur 15 sampai 49 tahun
syarat_dan = (penduduk["jenis_kelamin"] == "P") & (penduduk["umur"] >= 15) & (penduduk["umur"] <= 49)
print("Perempuan umur 15-49 tahun:", syarat_dan.sum())
# Berumur di bawah 5 tahun ATAU 60 tahun ke atas
syarat_atau = (penduduk["umur"] < 5) | (penduduk["umur"] >= 60)
print("Umur di bawah 5 atau 60 tahun ke atas:", syarat_atau.sum())
# Cara pendek untuk rentang: .between(15, 49) bernilai True untuk umur 15 sampai 49 (15 dan 49 ikut)
print("Umur 15 sampai 49 tahun:", penduduk["umur"].between(15, 49).sum())
# .isin([...]) bernilai True bila isiannya salah satu dari daftar: di sini umur 20, 30 atau 40
print("Umur 20, 30 atau 40 tahun:", penduduk["umur"].isin([20, 30, 40]).sum())"""),
        md(f"{M}-1g-soal", "### Soal 1g\n\nBerapa baris yang umurnya **mustahil** (kurang dari 0 atau lebih dari "
           "110 tahun)? Simpan di `jumlah_umur_mustahil`."),
        jawaban(f"{M}-1g", "umur_angka = pd.to_numeric(mentah[\"umur\"], errors=\"coerce\")",
                "jumlah_umur_mustahil = ((umur_angka < 0) | (umur_angka > 110)).sum()",
                'cek("1g", jumlah_umur_mustahil)'),
        tes(f"{M}-1g-tes", "1g", "jumlah_umur_mustahil"),
        md(f"{M}-contoh-teks-md", """**Contoh → Coba: merapikan teks.** Kolom `status_perkawinan` di data mentah
juga ditulis dengan banyak ejaan: huruf besar dan kecil, spasi berlebih, singkatan. Lihat dulu semua
ejaannya:"""),
        contoh_kode(f"{M}-contoh-teks-ejaan", """# Semua ejaan status perkawinan di data mentah (dropna=False: sel kosong ikut dihitung)
mentah["status_perkawinan"].value_counts(dropna=False)"""),
        contoh_kode(f"{M}-contoh-teks", """# .str.strip() membuang spasi di awal dan akhir setiap teks;
# .str.lower() lalu mengubah semua hurufnya menjadi huruf kecil
rapi = mentah["status_perkawinan"].str.strip().str.lower()
# .str[0] mengambil huruf pertama setiap teks (.str[1] huruf kedua, dan seterusnya)
print(rapi.str[0].value_counts())
# .map({...}) mengganti setiap isian menurut kamus (dict) {isian lama: isian baru};
# isian yang tidak ada di kamus menjadi kosong (NaN)
baku = rapi.map({"kawin": "Kawin", "belum kawin": "Belum kawin", "blm kawin": "Belum kawin",
                 "cerai hidup": "Cerai hidup", "cerai mati": "Cerai mati", "janda/duda mati": "Cerai mati"})
baku.value_counts()"""),
        md(f"{M}-1h-soal", "### Soal 1h\n\nKolom `jenis_kelamin` ditulis dengan banyak ejaan. Seragamkan menjadi "
           "\"L\" dan \"P\", lalu buat tabel frekuensinya (sel kosong tidak dihitung). Simpan di "
           "`frek_jk_bersih`."),
        kode(f"{M}-ejaan", "mentah[\"jenis_kelamin\"].value_counts(dropna=False)"),
        jawaban(f"{M}-1h",
                "# Ganti setiap ... di bawah ini dengan kode Anda, lalu hapus baris raise NotImplementedError().\n"
                "# 1) huruf pertama setiap isian, sesudah spasi dibuang dan huruf dijadikan kecil\n"
                "huruf_awal = ...\n"
                "# 2) huruf pertama -> \"L\" atau \"P\" dengan .map({...}): \"l\" laki-laki; \"p\" dan \"w\" (wanita) perempuan\n"
                "jk_bersih = ...\n"
                "# 3) tabel frekuensinya\n"
                "frek_jk_bersih = ...",
                "huruf_awal = mentah[\"jenis_kelamin\"].str.strip().str.lower().str[0]\n"
                "jk_bersih = huruf_awal.map({\"l\": \"L\", \"p\": \"P\", \"w\": \"P\"})\n"
                "frek_jk_bersih = jk_bersih.value_counts()",
                'cek("1h", frek_jk_bersih)\nfrek_jk_bersih'),
        tes(f"{M}-1h-tes", "1h", "frek_jk_bersih"),
        md(f"{M}-heaping", """## 5. Penumpukan umur (age heaping)

Bila petugas atau warga menaksir umur, umur yang berakhiran **0 atau 5** muncul terlalu sering. **Indeks
Whipple** mengukurnya dengan membandingkan banyaknya orang berumur 25, 30, 35, …, 60 tahun dengan yang
diharapkan bila tidak ada penumpukan: seperlima penduduk umur 23–62 (satu dari lima umur berakhiran 0 atau 5).

**Indeks Whipple = (banyaknya penduduk umur 25, 30, …, 60) / (⅕ × banyaknya penduduk umur 23–62) × 100**

Nilai **100** berarti tidak ada penumpukan; **500** berarti semua umur 23–62 berakhiran 0 atau 5. PBB menilai
di bawah 105 sangat akurat dan di atas 175 sangat buruk."""),
        kode(f"{M}-grafik-umur",
             "umur_valid = umur_angka[(umur_angka >= 0) & (umur_angka <= 110)]\n"
             "fig, ax = plt.subplots(figsize=(9, 3))\n"
             "umur_valid.value_counts().sort_index().loc[20:70].plot.bar(ax=ax, color=\"#4a7\")\n"
             f"ax.set_title(\"Banyaknya penduduk menurut umur, data mentah{' (sintetis)' if tempat.sintetis else ''}\")\n"
             "ax.set_xlabel(\"Umur (tahun)\")\nax.set_ylabel(\"Jumlah orang\")\nplt.show()"),
        md(f"{M}-1i-soal", """### Soal 1i

Hitung indeks Whipple untuk umur di data **mentah** (pakai `umur_valid` di atas), langkah demi langkah:

1. **pembilang**: banyaknya orang berumur tepat 25, 30, 35, 40, 45, 50, 55 atau 60 tahun; simpan di
   `pembilang_whipple`;
2. **penyebut**: banyaknya orang berumur 23–62 tahun; simpan di `penyebut_whipple`;
3. indeksnya = pembilang / (penyebut / 5) × 100; simpan di `whipple_mentah`.

`cek` memeriksa ketiganya, jadi Anda tahu bagian mana yang perlu diperbaiki."""),
        jawaban(f"{M}-1i", "",
                "umur_23_62 = umur_valid[umur_valid.between(23, 62)]\n"
                "pembilang_whipple = umur_23_62.isin([25, 30, 35, 40, 45, 50, 55, 60]).sum()\n"
                "penyebut_whipple = len(umur_23_62)\n"
                "whipple_mentah = pembilang_whipple / (penyebut_whipple / 5) * 100",
                'cek("1i", whipple_mentah, pembilang=pembilang_whipple, penyebut=penyebut_whipple)\n'
                'print(round(whipple_mentah, 1))'),
        tes(f"{M}-1i-tes", "1i", "whipple_mentah",
            bagian={"pembilang": "pembilang_whipple", "penyebut": "penyebut_whipple"}),
        md(f"{M}-1j-soal", f"""### Soal 1j (jawaban tertulis, dinilai pelatih)

{tempat.sapaan} ingin membagi **paket bantuan lansia per RT** (lansia: umur **60 tahun ke atas**, seperti dalam
Undang-Undang Nomor 13 Tahun 1998 tentang Kesejahteraan Lanjut Usia) berdasarkan tabel `penduduk_mentah`
minggu depan. Tulis saran Anda (4–6 kalimat): masalah data mana yang harus dibereskan dulu, **apa akibatnya**
bagi pembagian bantuan bila tidak dibereskan (pakai angka dari soal 1f–1i), dan langkah apa yang Anda usulkan
kepada ketua RT."""),
        *soal_tulisan(f"{M}-1j", "1j", [
            Kriteria("Memakai bukti dari data", ["tidak ada angka", "satu angka tanpa penjelasan",
                                                 "dua angka yang relevan", "angka relevan dan dijelaskan artinya"]),
            Kriteria("Akibat bagi keputusan", ["tidak dibahas", "umum (\"data jadi salah\")",
                                               "menyebut akibat bagi lansia/RT", "akibat konkret: RT mana kelebihan/"
                                               "kekurangan paket dan mengapa"]),
            Kriteria("Usulan tindakan", ["tidak ada", "usulan kabur", "usulan jelas", "usulan jelas, berurutan, dan "
                                         "melibatkan ketua RT/pemeriksaan lapangan"]),
            Kriteria("Bahasa untuk pengambil keputusan", ["sulit dipahami", "banyak istilah teknis",
                                                          "cukup jelas", "jelas, singkat, tanpa istilah yang tidak "
                                                          "perlu"]),
        ], CONTOH_1J, [
            Kunci("Duplikat persis (soal 1f)", DUPLIKAT, 0),
            Kunci("NIK yang tercatat dua kali dengan isian berbeda", HAMPIR, 0),
            Kunci("Umur mustahil (soal 1g)", MUSTAHIL, 0),
            Kunci("Indeks Whipple data mentah (soal 1i)", WHIPPLE, 0.5, desimal=1),
        ]),
        *penutup(M, [
            f"Data {tempat.jenis} melewati tahapan: kebutuhan → instrumen → pengumpulan → pengolahan → analisis → "
            "diseminasi → evaluasi → dipakai di Musrenbang.",
            "Satu Data: standar data, metadata, interoperabilitas, kode referensi.",
            "Nomor RT adalah kode (kategorik), bukan angka untuk dijumlahkan.",
            "Bersihkan dulu: duplikat, ejaan, nilai mustahil, nilai kosong. Data kotor membuat keputusan salah.",
            "Indeks Whipple = umur 25, 30, …, 60 / (⅕ × umur 23–62) × 100; di atas 100 menandakan umur yang "
            "ditaksir atau dibulatkan.",
        ]),
    ],
}
