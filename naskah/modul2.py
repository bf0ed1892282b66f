"""Naskah modul 2: Struktur penduduk. Run `cantik kursus tulis modul2` after editing."""

from _umum import pembuka, penutup

from cantik.authoring.cells import jawaban, kode, md, rubrik, tes, tulisan

M = "m2"

NOTEBOOKS = {
    "modul2_struktur_penduduk": [
        *pembuka(
            M, "Modul 2 · Struktur penduduk",
            tujuan=[
                "menghitung dan menafsirkan rasio jenis kelamin;",
                "membagi penduduk ke kelompok umur dan menghitung rasio ketergantungan (total, muda, tua);",
                "menggambar dan membaca piramida penduduk;",
                "menghitung median umur dari data mentah dan dari data berkelompok;",
                "menjelaskan kapan rata-rata dan median berbeda.",
            ],
            pertanyaan=[
                "Seperti apa susunan umur dan jenis kelamin penduduk Kandangan Utara?",
                "Berapa banyak penduduk yang 'ditanggung' oleh penduduk usia produktif, dan apa artinya bagi "
                "program kelurahan?",
            ],
            durasi="75 menit",
        ),
        kode(f"{M}-muat", "penduduk = load(\"penduduk\")\nprint(penduduk.attrs[\"judul\"], \"-\", len(penduduk), "
             "\"orang\")\npenduduk[[\"jenis_kelamin\", \"umur\"]].describe(include=\"all\")"),
        md(f"{M}-rasio-jk", """## 1. Rasio jenis kelamin

**Rasio jenis kelamin** = banyaknya laki-laki per 100 perempuan = L / P × 100.
Angka 100 berarti seimbang; di atas 100 berarti laki-laki lebih banyak.

### Soal 2a
Hitung rasio jenis kelamin Kandangan Utara. Simpan di `rasio_jk`."""),
        jawaban(f"{M}-2a", "", "rasio_jk = ind.sex_ratio(penduduk)", 'cek("2a", rasio_jk)\nprint(round(rasio_jk, 1))'),
        tes(f"{M}-2a-tes", "2a", "rasio_jk"),
        md(f"{M}-ketergantungan", """## 2. Rasio ketergantungan

Penduduk dibagi tiga: **muda** (0–14 tahun), **produktif** (15–64 tahun) dan **tua** (65 tahun ke atas).

- Rasio ketergantungan total = (muda + tua) / produktif × 100
- Rasio ketergantungan muda = muda / produktif × 100
- Rasio ketergantungan tua = tua / produktif × 100

Angka 50 berarti setiap 100 orang usia produktif "menanggung" 50 orang usia tidak produktif.

### Soal 2b
Hitung rasio ketergantungan **total**. Simpan di `rasio_ketergantungan`."""),
        jawaban(f"{M}-2b", "", "rasio_ketergantungan = ind.dependency_ratio(penduduk).total",
                'cek("2b", rasio_ketergantungan)'),
        tes(f"{M}-2b-tes", "2b", "rasio_ketergantungan"),
        md(f"{M}-2c-soal", "### Soal 2c\n\nHitung rasio ketergantungan **tua** (65 tahun ke atas). Simpan di "
           "`rasio_tua`."),
        jawaban(f"{M}-2c", "", "rasio_tua = ind.dependency_ratio(penduduk).old", 'cek("2c", rasio_tua)'),
        tes(f"{M}-2c-tes", "2c", "rasio_tua"),
        md(f"{M}-kelompok", """## 3. Kelompok umur dan piramida penduduk

Umur dikelompokkan lima tahunan: 0-4, 5-9, …, 70-74, dan 75+ (terbuka).

### Soal 2d
Hitung **banyaknya orang** di setiap kelompok umur lima tahunan. Simpan di `jumlah_per_kelompok`."""),
        jawaban(f"{M}-2d", "", "jumlah_per_kelompok = ind.age_groups(penduduk[\"umur\"]).value_counts(sort=False)",
                'cek("2d", jumlah_per_kelompok)\njumlah_per_kelompok'),
        tes(f"{M}-2d-tes", "2d", "jumlah_per_kelompok"),
        md(f"{M}-2g-soal", """### Soal 2g (grafik)
Gambar **piramida penduduk**: kelompok umur di sumbu tegak, laki-laki ke kiri (nilai negatif), perempuan ke
kanan. Beri judul yang menyebut tempat dan tahun, serta label kedua sumbu. Simpan gambarnya di `fig`."""),
        jawaban(f"{M}-2g", "kelompok = ind.age_groups(penduduk[\"umur\"])\n"
                "tabel_piramida = pd.crosstab(kelompok, penduduk[\"jenis_kelamin\"])",
                "fig, ax = plt.subplots(figsize=(7, 6))\n"
                "label = tabel_piramida.index.astype(str)\n"
                "ax.barh(label, -tabel_piramida[\"L\"], color=\"#3a7dc9\", label=\"Laki-laki\")\n"
                "ax.barh(label, tabel_piramida[\"P\"], color=\"#e07b91\", label=\"Perempuan\")\n"
                "ax.set_title(\"Piramida penduduk Kandangan Utara, 2025 (data sintetis)\")\n"
                "ax.set_xlabel(\"Jumlah penduduk (kiri: laki-laki, kanan: perempuan)\")\n"
                "ax.set_ylabel(\"Kelompok umur (tahun)\")\n"
                "ax.legend()",
                'cek("2g", fig)\nplt.show()'),
        tes(f"{M}-2g-tes", "2g", "fig"),
        md(f"{M}-median", """## 4. Median umur

**Median** adalah nilai tengah setelah data diurutkan: separuh penduduk lebih muda, separuh lebih tua.

### Soal 2e
Hitung median umur dari data umur satu per satu. Simpan di `median_umur`."""),
        jawaban(f"{M}-2e", "", "median_umur = ind.median_age(penduduk)", 'cek("2e", median_umur)'),
        tes(f"{M}-2e-tes", "2e", "median_umur"),
        md(f"{M}-2f-soal", """Publikasi sering hanya menyajikan jumlah penduduk per kelompok umur. Median lalu
dihitung dengan rumus data berkelompok:

median ≈ L + ((n/2 − F) / f) × i

L = batas bawah kelompok yang memuat orang ke-n/2, F = jumlah kumulatif sebelum kelompok itu, f = jumlah di
kelompok itu, i = lebar kelompok (5 tahun).

### Soal 2f
Hitung median umur dari `jumlah_per_kelompok` (soal 2d). Simpan di `median_kelompok`."""),
        jawaban(f"{M}-2f", "", "median_kelompok = ind.median_age_grouped(jumlah_per_kelompok)",
                'cek("2f", median_kelompok)\nprint(round(median_umur, 1), round(median_kelompok, 1))'),
        tes(f"{M}-2f-tes", "2f", "median_kelompok"),
        md(f"{M}-rata", """## 5. Rata-rata atau median?

Rata-rata (mean) ikut "tertarik" oleh nilai yang sangat besar. Bila sebaran data miring (banyak anak-anak,
sedikit lansia yang sangat tua; atau pengeluaran beberapa keluarga kaya), rata-rata dan median bisa berbeda
jauh. Median lebih tahan terhadap nilai ekstrem.

### Soal 2h
Hitung rata-rata umur. Simpan di `rata_umur`, lalu bandingkan dengan `median_umur`."""),
        jawaban(f"{M}-2h", "", "rata_umur = penduduk[\"umur\"].mean()",
                'cek("2h", rata_umur)\nprint(round(rata_umur, 1), round(median_umur, 1))'),
        tes(f"{M}-2h-tes", "2h", "rata_umur"),
        md(f"{M}-2i-soal", """### Soal 2i (jawaban tertulis, dinilai pelatih)

Dana kelurahan tahun depan hanya cukup untuk **satu** program baru: (a) menambah kelas PAUD dan kegiatan
posyandu balita, atau (b) membentuk posyandu lansia di setiap RW. Dengan rasio ketergantungan muda dan tua
serta piramida penduduk di atas, tulis rekomendasi Anda untuk rapat Musrenbang (4–6 kalimat). Sebutkan juga
satu hal yang **tidak** bisa dijawab oleh data ini."""),
        rubrik(f"{M}-2i-rubrik", "Rubrik soal 2i", [
            ("Memakai bukti dari data", ["tidak ada angka", "angka tanpa penjelasan",
                                         "angka rasio muda/tua dipakai dengan benar",
                                         "angka rasio dan bentuk piramida dipakai dan dibandingkan"]),
            ("Penalaran menuju keputusan", ["rekomendasi tanpa alasan", "alasan umum",
                                            "alasan mengikuti dari data", "alasan jelas dan menimbang kedua "
                                            "pilihan (mis. arah perubahan ke depan)"]),
            ("Keterbatasan data", ["tidak disebut", "disebut kabur", "satu keterbatasan yang tepat",
                                   "keterbatasan tepat dan usul data tambahan (mis. kebutuhan layanan, "
                                   "jarak, biaya)"]),
            ("Bahasa untuk pengambil keputusan", ["sulit dipahami", "banyak istilah teknis", "cukup jelas",
                                                  "jelas, singkat, angka dibulatkan secukupnya"]),
        ]),
        tulisan(f"{M}-2i", "Contoh jawaban: Rasio ketergantungan muda sekitar 29, jauh di atas rasio tua (sekitar "
                "12): per 100 penduduk produktif ada 29 anak dan 12 lansia. Piramida masih melebar di bawah, "
                "jadi kebutuhan PAUD dan posyandu balita lebih besar sekarang; saya merekomendasikan pilihan (a). "
                "Namun kelompok 50–64 tahun cukup besar, sehingga jumlah lansia akan naik dalam 10 tahun; "
                "posyandu lansia perlu direncanakan bertahap. Data ini tidak menunjukkan seberapa banyak balita "
                "atau lansia yang sudah terlayani, jadi perlu data kunjungan posyandu.", poin=16),
        *penutup(M, [
            "Rasio jenis kelamin = L / P × 100 (laki-laki per 100 perempuan).",
            "Rasio ketergantungan membagi dengan penduduk 15–64 tahun, BUKAN dengan seluruh penduduk.",
            "Piramida penduduk menunjukkan struktur umur sekaligus arah perubahan ke depan.",
            "Median dari data berkelompok hanya perkiraan (rumus L + ((n/2 − F) / f) × i).",
            "Rata-rata peka terhadap nilai ekstrem; median lebih tahan.",
        ]),
    ],
}
