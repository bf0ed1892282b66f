"""Naskah modul 3: Pertumbuhan, mutasi & kepadatan. Run `cantik kursus tulis modul3` after editing."""

from _umum import pembuka, penutup

from cantik.authoring.cells import jawaban, kode, md, rubrik, tes, tulisan

M = "m3"

NOTEBOOKS = {
    "modul3_pertumbuhan_kepadatan": [
        *pembuka(
            M, "Modul 3 · Pertumbuhan, mutasi & kepadatan",
            tujuan=[
                "menghitung laju pertumbuhan penduduk dengan rumus geometrik (baku BPS) dan eksponensial;",
                "membuat proyeksi penduduk sederhana;",
                "menghitung pertambahan penduduk dari data mutasi (lahir, mati, datang, pindah);",
                "menghitung kepadatan penduduk dan membandingkan wilayah secara adil;",
                "membedakan perubahan persen dan perubahan poin persen, serta mengenali efek angka dasar kecil.",
            ],
            pertanyaan=[
                "Seberapa cepat penduduk Kandangan Utara bertambah dibanding Taluk Haur dan Gambah Luar?",
                "Berapa kira-kira penduduk pada 2030, dan apa artinya bagi layanan kelurahan?",
            ],
            durasi="80 menit",
        ),
        kode(f"{M}-muat", "tahunan = load(\"penduduk_tahunan\")\ntahunan"),
        md(f"{M}-laju", """## 1. Laju pertumbuhan penduduk

BPS memakai rumus **geometrik**: r = (Pt / P0)^(1/t) − 1, dengan P0 penduduk awal, Pt penduduk akhir dan
t lamanya periode dalam tahun. Rumus **eksponensial** menganggap pertumbuhan terjadi terus-menerus:
r = ln(Pt / P0) / t. Keduanya dinyatakan dalam persen per tahun.

### Soal 3a
Hitung laju pertumbuhan geometrik Kandangan Utara 2015–2025 (persen per tahun). Simpan di `laju_geometrik`."""),
        jawaban(f"{M}-3a",
                "p2015 = tahunan.loc[tahunan[\"tahun\"] == 2015, \"jumlah_penduduk\"].iloc[0]\n"
                "p2025 = tahunan.loc[tahunan[\"tahun\"] == 2025, \"jumlah_penduduk\"].iloc[0]",
                "laju_geometrik = ind.growth_rate_geometric(p2015, p2025, 10)",
                'cek("3a", laju_geometrik)'),
        tes(f"{M}-3a-tes", "3a", "laju_geometrik"),
        md(f"{M}-3b-soal", "### Soal 3b\n\nHitung laju pertumbuhan dengan rumus **eksponensial** untuk periode "
           "yang sama. Simpan di `laju_eksponensial`. Bandingkan dengan soal 3a: selisihnya kecil."),
        jawaban(f"{M}-3b", "", "laju_eksponensial = ind.growth_rate_exponential(p2015, p2025, 10)",
                'cek("3b", laju_eksponensial)'),
        tes(f"{M}-3b-tes", "3b", "laju_eksponensial"),
        md(f"{M}-3c-soal", """## 2. Proyeksi sederhana

Bila laju geometrik tetap, penduduk t tahun lagi = P × (1 + r)^t (r dalam desimal). Proyeksi hanya
perkiraan: ia menganggap keadaan masa lalu berlanjut.

### Soal 3c
Perkirakan penduduk Kandangan Utara tahun **2030** dari penduduk 2025 dan `laju_geometrik`. Simpan di
`proyeksi_2030`."""),
        jawaban(f"{M}-3c", "", "proyeksi_2030 = ind.project_population(p2025, laju_geometrik, 5)",
                'cek("3c", proyeksi_2030)\nprint(round(proyeksi_2030))'),
        tes(f"{M}-3c-tes", "3c", "proyeksi_2030"),
        md(f"{M}-mutasi", """## 3. Mutasi penduduk

Penduduk berubah karena **lahir**, **mati**, **datang** dan **pindah**. Tabel `mutasi` mencatat banyaknya
peristiwa per bulan, RT dan jenis kelamin.

### Soal 3i
Berapa **pertambahan penduduk** selama tahun 2024 menurut catatan mutasi? Simpan di `pertambahan_2024`."""),
        kode(f"{M}-muat-mutasi", "mutasi = load(\"mutasi\")\nmutasi.head()"),
        jawaban(f"{M}-3i", "mutasi_2024 = mutasi[mutasi[\"periode\"].dt.year == 2024]\n"
                "per_jenis = mutasi_2024.groupby(\"jenis_mutasi\", observed=False)[\"jumlah\"].sum()\nprint(per_jenis)",
                "pertambahan_2024 = (per_jenis[\"Lahir\"] - per_jenis[\"Mati\"]\n"
                "                    + per_jenis[\"Datang\"] - per_jenis[\"Pindah\"])",
                'cek("3i", pertambahan_2024)'),
        tes(f"{M}-3i-tes", "3i", "pertambahan_2024"),
        md(f"{M}-kepadatan", """## 4. Kepadatan penduduk

**Kepadatan** = jumlah penduduk / luas wilayah (jiwa per km²). Membandingkan jumlah penduduk saja tidak adil:
wilayah yang luas tentu berpenduduk lebih banyak. Tabel `desa_kelurahan` memuat 18 desa/kelurahan di
Kecamatan Kandangan.

### Soal 3d
Hitung kepadatan setiap desa/kelurahan, dengan **nama** sebagai label. Simpan di `kepadatan`."""),
        kode(f"{M}-muat-desa", "desa = load(\"desa_kelurahan\").set_index(\"nama\")\ndesa"),
        jawaban(f"{M}-3d", "", "kepadatan = ind.density(desa[\"jumlah_penduduk\"], desa[\"luas_km2\"])",
                'cek("3d", kepadatan)\nkepadatan.sort_values(ascending=False).round(0)'),
        tes(f"{M}-3d-tes", "3d", "kepadatan"),
        md(f"{M}-3e-soal", "### Soal 3e\n\nDesa/kelurahan mana yang **terpadat**? Simpan namanya (teks) di "
           "`terpadat`."),
        jawaban(f"{M}-3e", "", "terpadat = kepadatan.idxmax()", 'cek("3e", terpadat)\nprint(terpadat)'),
        tes(f"{M}-3e-tes", "3e", "terpadat"),
        md(f"{M}-banding", """## 5. Membandingkan tiga lokus Desa/Kelurahan Cantik HSS

Kab. Hulu Sungai Selatan memilih Desa Gambah Luar (2022), Kelurahan Taluk Haur (2024) dan Kelurahan
Kandangan Utara (2025). Wilayah yang penduduknya banyak tentu bertambah lebih banyak *orang*; untuk
membandingkan secara adil, pakai **laju** (persen per tahun).

### Soal 3f
Hitung laju pertumbuhan geometrik 2015–2025 untuk ketiga wilayah. Simpan di `laju_tiga` sebagai dict
atau Series dengan label `"kandangan_utara"`, `"taluk_haur"`, `"gambah_luar"`."""),
        jawaban(f"{M}-3f", "",
                "laju_tiga = {}\n"
                "for w in [\"kandangan_utara\", \"taluk_haur\", \"gambah_luar\"]:\n"
                "    t = load(\"penduduk_tahunan\", wilayah=w).set_index(\"tahun\")[\"jumlah_penduduk\"]\n"
                "    laju_tiga[w] = ind.growth_rate_geometric(t[2015], t[2025], 10)",
                'cek("3f", laju_tiga)\npd.Series(laju_tiga).round(2)'),
        tes(f"{M}-3f-tes", "3f", "laju_tiga"),
        md(f"{M}-poin", """## 6. Persen atau poin persen?

Menurut pemberitaan (angka perkiraan), persentase penduduk miskin (P0) Kab. HSS turun dari **4,54 %** (2022)
menjadi **4,01 %** (2023).

- Selisih **poin persen** = 4,01 − 4,54 = −0,53 poin.
- Perubahan **persen** = (4,01 − 4,54) / 4,54 × 100 ≈ −11,7 %.

Keduanya benar, tetapi artinya berbeda. Menulis "kemiskinan turun 0,53 %" adalah kekeliruan yang sering
terjadi.

### Soal 3g
Hitung perubahan P0 dalam **poin persen**. Simpan di `perubahan_poin`."""),
        jawaban(f"{M}-3g", "", "perubahan_poin = ind.percentage_point_change(4.54, 4.01)",
                'cek("3g", perubahan_poin)'),
        tes(f"{M}-3g-tes", "3g", "perubahan_poin"),
        md(f"{M}-3h-soal", "### Soal 3h\n\nHitung perubahan P0 dalam **persen** (relatif). Simpan di "
           "`perubahan_persen`."),
        jawaban(f"{M}-3h", "", "perubahan_persen = ind.percent_change(4.54, 4.01)", 'cek("3h", perubahan_persen)'),
        tes(f"{M}-3h-tes", "3h", "perubahan_persen"),
        md(f"{M}-dasar", """### Efek angka dasar (base effect)

Bila sebuah RT mencatat 1 kematian bayi tahun lalu dan 2 tahun ini, kematian bayi "naik 100 %". Angkanya
benar, tetapi dasarnya sangat kecil: satu peristiwa saja sudah mengubah persentase dengan besar. Untuk angka
kecil, sebutkan jumlah orangnya, bukan hanya persennya."""),
        kode(f"{M}-dasar-kode", "print(ind.percent_change(1, 2), \"% — padahal hanya bertambah 1 orang\")"),
        md(f"{M}-3j-soal", """### Soal 3j (jawaban tertulis, dinilai pelatih)

Kelurahan menyusun usulan Musrenbang: apakah perlu **menambah satu ruang kelas SD** dalam 5 tahun ke depan.
Seorang peserta rapat berkata, *"Penduduk Kandangan Utara bertambah jauh lebih banyak daripada Gambah Luar,
jadi kita paling butuh tambahan sekolah."* Tanggapi pernyataan itu dengan hasil soal 3a–3f (4–6 kalimat):
apa yang benar, apa yang perlu diluruskan, dan data apa lagi yang diperlukan sebelum memutuskan."""),
        rubrik(f"{M}-3j-rubrik", "Rubrik soal 3j", [
            ("Membandingkan dengan adil", ["tidak membandingkan", "membandingkan jumlah orang saja",
                                           "memakai laju atau kepadatan", "memakai laju dan menjelaskan mengapa "
                                           "jumlah orang menyesatkan"]),
            ("Memakai proyeksi dengan hati-hati", ["tidak dipakai", "dipakai sebagai kepastian",
                                                   "dipakai sebagai perkiraan", "perkiraan dengan asumsi yang "
                                                   "disebutkan (laju tetap)"]),
            ("Data tambahan untuk keputusan", ["tidak disebut", "kabur", "satu data yang tepat (mis. anak usia "
                                               "SD, daya tampung sekolah)", "beberapa data tepat dan alasannya"]),
            ("Bahasa untuk pengambil keputusan", ["sulit dipahami", "banyak istilah teknis", "cukup jelas",
                                                  "jelas, singkat, angka dibulatkan secukupnya"]),
        ]),
        tulisan(f"{M}-3j", "Contoh jawaban: Benar bahwa Kandangan Utara bertambah lebih banyak orang, tetapi itu "
                "karena penduduknya memang lebih banyak. Perbandingan yang adil memakai laju per tahun: lajunya "
                "sekitar 1,5 % per tahun, lebih tinggi dari Gambah Luar (sekitar 0,4 %). Proyeksi 2030 sekitar "
                "8.000 orang hanya perkiraan dengan anggapan laju tetap. Sebelum memutuskan ruang kelas, kita "
                "perlu jumlah anak usia 7–12 tahun per tahun ke depan dan daya tampung SD yang ada.", poin=16),
        *penutup(M, [
            "Laju pertumbuhan geometrik (baku BPS): r = (Pt / P0)^(1/t) − 1; eksponensial: r = ln(Pt / P0) / t.",
            "Proyeksi hanya perkiraan: ia menganggap laju masa lalu berlanjut.",
            "Pertambahan penduduk = lahir − mati + datang − pindah.",
            "Bandingkan wilayah dengan laju dan kepadatan, bukan jumlah orang saja.",
            "Poin persen ≠ persen; angka dasar kecil membuat persen melonjak.",
        ]),
    ],
}
