"""Naskah modul 1: Data kelurahan & Satu Data. Run `cantik kursus tulis modul1` after editing."""

from _umum import pembuka, penutup

from cantik.authoring.cells import jawaban, kode, md, rubrik, tes, tulisan

M = "m1"

NOTEBOOKS = {
    "modul1_data_kelurahan": [
        *pembuka(
            M, "Modul 1 · Data kelurahan & Satu Data",
            tujuan=[
                "menjelaskan data apa yang dimiliki kelurahan dan untuk apa (tahapan Kelurahan Cantik);",
                "membaca tabel data penduduk: baris, kolom, jenis variabel dan metadata;",
                "membuat tabel frekuensi dan persentase sederhana;",
                "membersihkan data mentah: duplikat, ejaan tidak baku, nilai mustahil dan nilai kosong;",
                "mengenali penumpukan umur (age heaping) dengan indeks Whipple.",
            ],
            pertanyaan=[
                "Data apa yang dimiliki Kelurahan Kandangan Utara, dan bagaimana cara membacanya?",
                "Seberapa bersih data penduduk yang dikumpulkan dari lapangan, dan apa akibatnya bila tidak "
                "dibersihkan?",
            ],
            durasi="75 menit",
        ),
        md(f"{M}-tahapan", """## 1. Data kelurahan dan Satu Data Indonesia

Dalam program **Desa/Kelurahan Cinta Statistik (Cantik)**, BPS mendampingi perangkat kelurahan dan agen
statistik melalui seluruh proses statistik:

1. mengenali kebutuhan data → 2. merancang instrumen → 3. mengumpulkan data → 4. mengolah dan
membersihkan → 5. menganalisis → 6. menyebarluaskan (profil kelurahan, "… dalam Angka", dasbor,
infografis) → 7. menilai mutu → 8. **memakai data dalam perencanaan (Musrenbang)**.

Data prioritas Kandangan Utara: **kependudukan, kemiskinan, pendidikan**, serta data layanan **AMPUNKU**
(Antar Jemput Pasien Kandangan Utara).

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
        md(f"{M}-1f-soal", "### Soal 1f\n\nBerapa baris yang merupakan **duplikat persis** (seluruh isinya sama "
           "dengan baris sebelumnya)? Simpan di `jumlah_duplikat`."),
        jawaban(f"{M}-1f", "", "jumlah_duplikat = mentah.duplicated().sum()", 'cek("1f", jumlah_duplikat)'),
        tes(f"{M}-1f-tes", "1f", "jumlah_duplikat"),
        md(f"{M}-1g-soal", "### Soal 1g\n\nBerapa baris yang umurnya **mustahil** (kurang dari 0 atau lebih dari "
           "110 tahun)? Simpan di `jumlah_umur_mustahil`."),
        jawaban(f"{M}-1g", "umur_angka = pd.to_numeric(mentah[\"umur\"], errors=\"coerce\")",
                "jumlah_umur_mustahil = ((umur_angka < 0) | (umur_angka > 110)).sum()",
                'cek("1g", jumlah_umur_mustahil)'),
        tes(f"{M}-1g-tes", "1g", "jumlah_umur_mustahil"),
        md(f"{M}-1h-soal", "### Soal 1h\n\nKolom `jenis_kelamin` ditulis dengan banyak ejaan. Seragamkan menjadi "
           "\"L\" dan \"P\", lalu buat tabel frekuensinya (sel kosong tidak dihitung). Simpan di "
           "`frek_jk_bersih`."),
        kode(f"{M}-ejaan", "mentah[\"jenis_kelamin\"].value_counts(dropna=False)"),
        jawaban(f"{M}-1h", "",
                "huruf_awal = mentah[\"jenis_kelamin\"].str.strip().str.lower().str[0]\n"
                "jk_bersih = huruf_awal.map({\"l\": \"L\", \"p\": \"P\", \"w\": \"P\"})\n"
                "frek_jk_bersih = jk_bersih.value_counts()",
                'cek("1h", frek_jk_bersih)\nfrek_jk_bersih'),
        tes(f"{M}-1h-tes", "1h", "frek_jk_bersih"),
        md(f"{M}-heaping", """## 5. Penumpukan umur (age heaping)

Bila petugas atau warga menaksir umur, umur yang berakhiran **0 atau 5** muncul terlalu sering. Indeks
Whipple mengukurnya: **100** berarti tidak ada penumpukan, **500** berarti semua umur 23–62 berakhiran 0/5.
PBB menilai di bawah 105 sangat akurat dan di atas 175 sangat kasar."""),
        kode(f"{M}-grafik-umur",
             "umur_valid = umur_angka[(umur_angka >= 0) & (umur_angka <= 110)]\n"
             "fig, ax = plt.subplots(figsize=(9, 3))\n"
             "umur_valid.value_counts().sort_index().loc[20:70].plot.bar(ax=ax, color=\"#4a7\")\n"
             "ax.set_title(\"Banyaknya penduduk menurut umur, data mentah (sintetis)\")\n"
             "ax.set_xlabel(\"Umur (tahun)\")\nax.set_ylabel(\"Jumlah orang\")\nplt.show()"),
        md(f"{M}-1i-soal", "### Soal 1i\n\nHitung indeks Whipple untuk umur di data **mentah** (pakai `umur_valid` "
           "di atas dan `ind.whipple_index`). Simpan di `whipple_mentah`."),
        jawaban(f"{M}-1i", "", "whipple_mentah = ind.whipple_index(umur_valid)",
                'cek("1i", whipple_mentah)\nprint(round(whipple_mentah, 1))'),
        tes(f"{M}-1i-tes", "1i", "whipple_mentah"),
        md(f"{M}-1j-soal", """### Soal 1j (jawaban tertulis, dinilai pelatih)

Pak Lurah ingin membagi **paket bantuan lansia per RT** berdasarkan tabel `penduduk_mentah` minggu depan.
Tulis saran Anda (4–6 kalimat): masalah data mana yang harus dibereskan dulu, **apa akibatnya** bagi
pembagian bantuan bila tidak dibereskan (pakai angka dari soal 1f–1i), dan langkah apa yang Anda usulkan
kepada ketua RT."""),
        rubrik(f"{M}-1j-rubrik", "Rubrik soal 1j", [
            ("Memakai bukti dari data", ["tidak ada angka", "satu angka tanpa penjelasan",
                                         "dua angka yang relevan", "angka relevan dan dijelaskan artinya"]),
            ("Akibat bagi keputusan", ["tidak dibahas", "umum (\"data jadi salah\")",
                                       "menyebut akibat bagi lansia/RT", "akibat konkret: RT mana kelebihan/"
                                       "kekurangan paket dan mengapa"]),
            ("Usulan tindakan", ["tidak ada", "usulan kabur", "usulan jelas", "usulan jelas, berurutan, dan "
                                 "melibatkan ketua RT/verifikasi lapangan"]),
            ("Bahasa untuk pengambil keputusan", ["sulit dipahami", "banyak istilah teknis",
                                                  "cukup jelas", "jelas, singkat, tanpa istilah yang tidak perlu"]),
        ]),
        tulisan(f"{M}-1j", "Contoh jawaban: Sebelum membagi bantuan, buang dulu 25 baris duplikat persis dan "
                "periksa 15 NIK ganda lainnya, karena lansia yang tercatat dua kali membuat RT-nya mendapat paket "
                "berlebih. Enam umur mustahil (−1 dan 150 tahun) harus dicek ke KK: orang berumur 150 tercatat "
                "lansia padahal belum tentu. Indeks Whipple sekitar 144 menunjukkan banyak umur ditaksir, jadi "
                "batas 60 tahun bisa meleset; minta ketua RT memverifikasi tanggal lahir calon penerima di "
                "sekitar umur 60. Setelah itu baru hitung lansia per RT.", poin=16),
        *penutup(M, [
            "Data kelurahan melewati tahapan: kebutuhan → instrumen → pengumpulan → pengolahan → analisis → "
            "diseminasi → evaluasi → dipakai di Musrenbang.",
            "Satu Data: standar data, metadata, interoperabilitas, kode referensi.",
            "Nomor RT adalah kode (kategorik), bukan angka untuk dijumlahkan.",
            "Bersihkan dulu: duplikat, ejaan, nilai mustahil, nilai kosong. Data kotor membuat keputusan salah.",
            "Indeks Whipple di atas 100 menandakan umur yang ditaksir/dibulatkan.",
        ]),
    ],
}
