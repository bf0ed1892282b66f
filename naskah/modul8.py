"""Naskah modul 8: Proyek akhir "Kandangan Utara dalam Angka". Run `cantik kursus tulis modul8` after editing.

The rubrics below are repeated, word for word, in the trainer's file ``courses/modul8/rubrik.md``
(a test checks that every row of the notebook's rubrics is there).
"""

from _umum import pembuka, penutup

from cantik.authoring.cells import jawaban, kode, md, rubrik, tes, tulisan

M = "m8"

RUBRIK_PILIHAN = [
    ("Relevansi indikator", ["tidak ada pilihan", "indikator dipilih tanpa kaitan dengan keputusan",
                             "indikator berkaitan dengan satu keputusan Musrenbang",
                             "setiap indikator dikaitkan dengan keputusan yang jelas"]),
    ("Alasan dan sumber data", ["tanpa alasan", "alasan umum", "alasan dan tabel sumbernya disebut",
                                "alasan, tabel sumber dan keterbatasannya disebut"]),
]

RUBRIK_AKHIR = [
    ("Pemilihan indikator", ["tidak ada", "relevansinya lemah", "relevan dengan Musrenbang",
                             "relevan dan saling melengkapi (jumlah dan kedalaman, sumber berbeda)"]),
    ("Ketepatan angka", ["banyak angka keliru", "sebagian angka keliru", "angka tepat",
                         "angka tepat, dibulatkan wajar dan satuannya jelas"]),
    ("Grafik dan tabel yang jujur", ["menyesatkan", "kurang judul/satuan/sumber",
                                     "judul, satuan dan sumber lengkap",
                                     "lengkap, sumbu dari nol, diurutkan dan mudah dibaca"]),
    ("Metadata indikator", ["tidak ada", "banyak isian kosong atau keliru", "lengkap dan benar",
                            "lengkap, tepat dan menyebut keterbatasan serta data sintetis"]),
    ("Interpretasi dan rekomendasi", ["hanya mengulang angka", "interpretasi tanpa rekomendasi",
                                      "rekomendasi mengikuti dari data",
                                      "rekomendasi menimbang pilihan dan siapa yang terdampak"]),
    ("Keterbatasan data", ["tidak disebut", "disebut kabur", "satu keterbatasan yang tepat",
                           "beberapa keterbatasan tepat (angka kecil, sumber berbeda, data layanan)"]),
    ("Bahasa untuk warga dan pengambil keputusan", ["sulit dipahami", "banyak istilah teknis",
                                                    "cukup jelas", "jelas, singkat dan enak dibaca"]),
]

NOTEBOOKS = {
    "modul8_kandangan_utara_dalam_angka": [
        *pembuka(
            M, "Modul 8 · Proyek akhir: Kandangan Utara dalam Angka",
            tujuan=[
                "memilih indikator yang dibutuhkan untuk sebuah keputusan kelurahan;",
                "menghitung indikator dengan benar dan menyajikannya dalam tabel dan grafik yang jujur;",
                "mengisi metadata indikator bergaya SIRUSA;",
                "menulis interpretasi satu halaman untuk Musrenbang;",
                "mengekspor hasil kerja menjadi halaman HTML untuk dibagikan.",
            ],
            pertanyaan=[
                "Seperti apa Kandangan Utara dalam angka: penduduk, kemiskinan, kesehatan balita dan layanan "
                "AMPUNKU?",
                "Apa yang perlu diprioritaskan dalam Musrenbang, menurut data?",
            ],
            durasi="2 × 90 menit",
        ),
        md(f"{M}-langkah", """## Langkah kerja

Proyek ini merangkum modul 1–7. Sebagian kecil dinilai otomatis (lembar indikator, metadata, grafik);
sebagian besar dinilai pelatih dengan **rubrik** (skor 1–4 per kriteria) yang tercantum di bawah setiap soal
tertulis.

1. Hitung lembar indikator utama (soal 8a–8e).
2. Pilih dua indikator tambahan dan jelaskan alasannya (soal 8h).
3. Buat satu grafik yang jujur (soal 8g) dan isi metadata satu indikator (soal 8f).
4. Tulis interpretasi satu halaman untuk Musrenbang (soal 8i).
5. Ekspor notebook ini menjadi halaman HTML."""),
        kode(f"{M}-muat", "penduduk = load(\"penduduk\")\nkeluarga = load(\"keluarga\")\nbalita = load(\"balita\")\n"
             "ampunku = load(\"ampunku\")\n"
             "print(len(penduduk), \"orang,\", len(keluarga), \"keluarga,\", len(balita), \"balita,\", len(ampunku), "
             "\"perjalanan AMPUNKU\")"),
        md(f"{M}-lembar", """## 1. Lembar indikator utama

Gunakan fungsi `ind.…` seperti di modul sebelumnya. Garis kemiskinan: Rp 644.107 per kapita per bulan (GK
Kalimantan Selatan September 2024 yang dilaporkan).

### Soal 8a
Jumlah penduduk Kandangan Utara. Simpan di `jumlah_penduduk`."""),
        jawaban(f"{M}-8a", "", "jumlah_penduduk = len(penduduk)", 'cek("8a", jumlah_penduduk)'),
        tes(f"{M}-8a-tes", "8a", "jumlah_penduduk"),
        md(f"{M}-8b-soal", "### Soal 8b\n\nRasio jenis kelamin. Simpan di `rasio_jk`."),
        jawaban(f"{M}-8b", "", "rasio_jk = ind.sex_ratio(penduduk)", 'cek("8b", rasio_jk)'),
        tes(f"{M}-8b-tes", "8b", "rasio_jk"),
        md(f"{M}-8c-soal", "### Soal 8c\n\nRasio ketergantungan total. Simpan di `rasio_ketergantungan`."),
        jawaban(f"{M}-8c", "", "rasio_ketergantungan = ind.dependency_ratio(penduduk).total",
                'cek("8c", rasio_ketergantungan)'),
        tes(f"{M}-8c-tes", "8c", "rasio_ketergantungan"),
        md(f"{M}-8d-soal", "### Soal 8d\n\nPersentase penduduk miskin (P0, per orang). Simpan di `p0`."),
        jawaban(f"{M}-8d", "", "p0 = ind.poverty_indices(keluarga, 644107, weights=\"jumlah_anggota\").p0",
                'cek("8d", p0)'),
        tes(f"{M}-8d-tes", "8d", "p0"),
        md(f"{M}-8e-soal", "### Soal 8e\n\nPrevalensi stunting balita (persen). Simpan di `prevalensi_stunting`."),
        jawaban(f"{M}-8e", "", "z = ind.height_for_age_z_table(balita)\nprevalensi_stunting = ind.stunting_prevalence(z)",
                'cek("8e", prevalensi_stunting)'),
        tes(f"{M}-8e-tes", "8e", "prevalensi_stunting"),
        md(f"{M}-ringkasan", """Sel berikut menyusun lembar indikator Anda menjadi tabel bergaya "… dalam Angka".
Jalankan saja."""),
        kode(f"{M}-ringkasan-kode",
             "ringkasan = pd.DataFrame({\n"
             "    \"indikator\": [\"Jumlah penduduk\", \"Rasio jenis kelamin\", \"Rasio ketergantungan\",\n"
             "                  \"Persentase penduduk miskin (P0)\", \"Prevalensi stunting balita\"],\n"
             "    \"nilai\": pd.Series([jumlah_penduduk, round(rasio_jk, 1), round(rasio_ketergantungan, 1),\n"
             "                        round(p0, 2), round(prevalensi_stunting, 1)], dtype=object),\n"
             "    \"satuan\": [\"jiwa\", \"laki-laki per 100 perempuan\", \"per 100 penduduk 15–64 tahun\", \"persen\",\n"
             "               \"persen\"],\n"
             "})\n"
             "print(\"Tabel 1. Indikator utama Kelurahan Kandangan Utara, 2025\")\n"
             "display(ringkasan.style.hide(axis=\"index\"))\n"
             "print(\"Sumber: data Kelas Cantik (data sintetis)\")"),
        md(f"{M}-8h-soal", """## 2. Indikator tambahan

### Soal 8h (jawaban tertulis, dinilai pelatih)
Pilih **dua** indikator tambahan dari modul 1–7 (misalnya P1, prevalensi stunting per posyandu, perjalanan
AMPUNKU per 1.000 penduduk, APS) yang paling membantu Musrenbang tahun ini. Untuk setiap indikator tulis:
keputusan apa yang dibantunya, dari tabel mana datanya, dan satu keterbatasannya."""),
        rubrik(f"{M}-8h-rubrik", "Rubrik soal 8h", RUBRIK_PILIHAN),
        tulisan(f"{M}-8h", "Contoh jawaban: (1) Indeks kedalaman kemiskinan P1 dari tabel keluarga: membantu "
                "memutuskan apakah bantuan pangan tetap diperlukan walaupun P0 kecil; keterbatasannya, "
                "pengeluaran dilaporkan sendiri oleh keluarga. (2) Perjalanan AMPUNKU per 1.000 penduduk per RT "
                "dari tabel ampunku dan penduduk: membantu menentukan letak armada tambahan; keterbatasannya, "
                "hanya mencatat warga yang sudah memakai layanan.", poin=8),
        md(f"{M}-8g-soal", """## 3. Grafik

### Soal 8g (grafik)
Buat **satu** grafik yang jujur untuk salah satu indikator Anda: diagram batang (diurutkan, mulai dari nol)
untuk membandingkan RT/posyandu, atau diagram garis untuk perubahan menurut waktu. Beri judul (apa, di mana,
kapan), label kedua sumbu dengan satuan, dan tulis sumbernya. Simpan gambarnya di `fig`."""),
        jawaban(f"{M}-8g", "",
                "p0_rt = keluarga.groupby(\"rt\").apply(\n"
                "    lambda d: ind.poverty_indices(d, 644107, weights=\"jumlah_anggota\").p0).sort_values()\n"
                "fig, ax = plt.subplots(figsize=(7, 7))\n"
                "ax.barh(p0_rt.index.astype(str), p0_rt.to_numpy(), color=\"#8e44ad\")\n"
                "ax.set_title(\"Persentase penduduk miskin menurut RT, Kandangan Utara 2025\")\n"
                "ax.set_xlabel(\"Penduduk miskin (%)\")\n"
                "ax.set_ylabel(\"RT\")\n"
                "fig.text(0.01, 0.01, \"Sumber: data keluarga Kelas Cantik (data sintetis); GK Rp 644.107\", "
                "fontsize=8)",
                'cek("8g", fig)\nplt.show()'),
        tes(f"{M}-8g-tes", "8g", "fig"),
        md(f"{M}-8f-soal", """## 4. Metadata indikator

Setiap indikator yang disebarkan perlu metadata (Satu Data Indonesia). Contoh lengkap ada di
`datasets/metadata_indikator.json`.

### Soal 8f
Isi metadata gaya SIRUSA untuk **satu** indikator yang Anda pakai, sebagai dict `metadata` dengan kunci:
`nama`, `konsep`, `definisi`, `metode_perhitungan`, `rumus`, `satuan`, `interpretasi`, `disagregasi`,
`periodisasi`, `sumber_data`. Jangan lupa: datanya **sintetis**; sebutkan itu di `sumber_data`."""),
        jawaban(f"{M}-8f", "",
                "metadata = {\n"
                "    \"nama\": \"Persentase penduduk miskin (P0)\",\n"
                "    \"konsep\": \"Kemiskinan dipandang sebagai ketidakmampuan memenuhi kebutuhan dasar makanan dan \"\n"
                "                \"bukan makanan, diukur dari pengeluaran.\",\n"
                "    \"definisi\": \"Persentase penduduk yang pengeluaran per kapita per bulannya di bawah garis \"\n"
                "                  \"kemiskinan.\",\n"
                "    \"metode_perhitungan\": \"Setiap anggota keluarga dengan pengeluaran per kapita di bawah GK \"\n"
                "                            \"dihitung miskin; dibagi seluruh penduduk.\",\n"
                "    \"rumus\": \"P0 = banyaknya penduduk miskin / seluruh penduduk × 100\",\n"
                "    \"satuan\": \"persen\",\n"
                "    \"interpretasi\": \"P0 4 % berarti sekitar 4 dari 100 penduduk hidup di bawah garis kemiskinan.\",\n"
                "    \"disagregasi\": \"RT, kelurahan\",\n"
                "    \"periodisasi\": \"Tahunan\",\n"
                "    \"sumber_data\": \"Data keluarga Kelas Cantik (data sintetis, bukan data resmi BPS)\",\n"
                "}",
                'cek("8f", metadata)\npd.Series(metadata, name="isi").to_frame()'),
        tes(f"{M}-8f-tes", "8f", "metadata"),
        md(f"{M}-8i-soal", """## 5. Interpretasi untuk Musrenbang

### Soal 8i (jawaban tertulis, dinilai pelatih)
Tulis **satu halaman** (sekitar 250–350 kata) "Kandangan Utara dalam Angka" untuk dibagikan dalam
Musrenbang: apa yang ditunjukkan angka-angka Anda, apa **dua prioritas** yang Anda usulkan dan mengapa, dan
apa keterbatasan datanya. Tulis untuk warga dan perangkat kelurahan, bukan untuk ahli statistik."""),
        rubrik(f"{M}-8i-rubrik", "Rubrik soal 8i (proyek akhir)", RUBRIK_AKHIR),
        tulisan(f"{M}-8i", "Contoh jawaban (dipersingkat): Kandangan Utara berpenduduk sekitar 7.400 jiwa dengan "
                "jumlah laki-laki dan perempuan hampir sama. Sekitar 4 dari 100 penduduk (sekitar 300 orang) "
                "hidup di bawah garis kemiskinan; di beberapa RT angkanya jauh lebih tinggi. Prevalensi "
                "stunting menurut pengukuran posyandu sekitar 4 %, tetapi survei gizi tingkat kabupaten "
                "menunjukkan angka yang jauh lebih tinggi, sehingga kemungkinan ada anak yang tidak datang ke "
                "posyandu. Prioritas 1: bantuan dan pendampingan bagi keluarga miskin di RT dengan persentase "
                "penduduk miskin tertinggi. Prioritas 2: jemput bola pengukuran balita ke rumah di wilayah "
                "Posyandu Anggrek. Keterbatasan: angka per RT berasal dari sedikit keluarga dan balita, sehingga "
                "mudah berubah; semua angka di sini dari data sintetis untuk latihan.", poin=28),
        md(f"{M}-ekspor", """## 6. Ekspor menjadi halaman HTML

Setelah semua selesai:

1. **Simpan** notebook ini (Ctrl+S).
2. Hapus tanda `#` di baris terakhir sel berikut, lalu jalankan. Berkas `.html` muncul di folder yang sama.
   Isinya judul bagian, hasil hitungan, tabel, grafik dan tulisan Anda; kode, sel tes, petunjuk soal dan
   rubrik tidak ikut. Pemberitahuan data sintetis diletakkan di paling atas.
3. Bagikan berkas `.html` itu (surel, WhatsApp) atau cetak dari peramban.

Untuk mengekspor seluruh notebook tanpa kode (termasuk petunjuk soal), pakai
`ekspor_html("...ipynb", laporan=False)`, atau lewat terminal:
`jupyter nbconvert --to html --no-input modul8_kandangan_utara_dalam_angka.ipynb`."""),
        kode(f"{M}-ekspor-kode", "from cantik.publish import ekspor_html\n\n"
             "# ekspor_html(\"modul8_kandangan_utara_dalam_angka.ipynb\")"),
        *penutup(M, [
            "Mulai dari keputusan yang akan diambil, baru pilih indikatornya.",
            "Setiap angka perlu satuan, sumber dan metadata; data latihan harus disebut sintetis.",
            "Grafik yang jujur: judul lengkap, satuan, sumber, batang mulai dari nol dan diurutkan.",
            "Interpretasi yang baik menyebut apa yang ditunjukkan data, apa yang diusulkan, dan batas-batasnya.",
        ]),
    ],
}
