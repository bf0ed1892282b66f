"""Naskah modul 4: Pendidikan (APS, APK, APM). Run `cantik kursus tulis modul4` after editing."""

from _umum import pembuka, penutup

from cantik.authoring.cells import jawaban, kode, md, rubrik, tes, tulisan

M = "m4"

NOTEBOOKS = {
    "modul4_pendidikan": [
        *pembuka(
            M, "Modul 4 · Pendidikan: APS, APK, APM",
            tujuan=[
                "menghitung Angka Partisipasi Sekolah (APS), Angka Partisipasi Kasar (APK) dan Angka "
                "Partisipasi Murni (APM);",
                "menjelaskan mengapa APK bisa lebih dari 100;",
                "memilah (disagregasi) indikator menurut jenis kelamin dan RT;",
                "mengenali 'derau wilayah kecil': persentase dari sedikit anak mudah melonjak.",
            ],
            pertanyaan=[
                "Apakah anak-anak Kandangan Utara bersekolah sesuai umurnya?",
                "RT mana yang perlu didahulukan untuk program pendampingan sekolah, dan seberapa yakin kita?",
            ],
            durasi="80 menit",
        ),
        kode(f"{M}-muat", "penduduk = load(\"penduduk\")\n"
             "penduduk[[\"umur\", \"status_sekolah\", \"jenjang_sekolah\"]].sample(8, random_state=1)"),
        md(f"{M}-definisi", """## 1. Tiga angka partisipasi

| Indikator | Pembilang | Penyebut |
|---|---|---|
| **APS** umur a–b | penduduk umur a–b yang **masih sekolah** (jenjang apa pun) | penduduk umur a–b |
| **APK** jenjang X | **semua** murid jenjang X, berapa pun umurnya | penduduk umur resmi jenjang X |
| **APM** jenjang X | murid jenjang X yang **umurnya sesuai** | penduduk umur resmi jenjang X |

Umur resmi (BPS): SD 7–12, SMP 13–15, SMA/SM 16–18, perguruan tinggi 19–23. Semuanya dalam persen.

### Soal 4a
Hitung APS umur 7–12 tahun. Simpan di `aps_7_12`."""),
        jawaban(f"{M}-4a", "", "aps_7_12 = ind.aps(penduduk, 7, 12)", 'cek("4a", aps_7_12)'),
        tes(f"{M}-4a-tes", "4a", "aps_7_12"),
        md(f"{M}-4b-soal", "### Soal 4b\n\nHitung APS umur 16–18 tahun. Simpan di `aps_16_18`."),
        jawaban(f"{M}-4b", "", "aps_16_18 = ind.aps(penduduk, 16, 18)", 'cek("4b", aps_16_18)'),
        tes(f"{M}-4b-tes", "4b", "aps_16_18"),
        md(f"{M}-4c-soal", "### Soal 4c\n\nHitung **APK SMP**. Simpan di `apk_smp`."),
        jawaban(f"{M}-4c", "", "apk_smp = ind.apk(penduduk, \"SMP\")", 'cek("4c", apk_smp)'),
        tes(f"{M}-4c-tes", "4c", "apk_smp"),
        md(f"{M}-4d-soal", "### Soal 4d\n\nHitung **APM SMP**. Simpan di `apm_smp`. Bandingkan dengan APK SMP."),
        jawaban(f"{M}-4d", "", "apm_smp = ind.apm(penduduk, \"SMP\")",
                'cek("4d", apm_smp)\nprint(round(apk_smp, 1), round(apm_smp, 1))'),
        tes(f"{M}-4d-tes", "4d", "apm_smp"),
        md(f"{M}-lebih-100", """## 2. Mengapa APK bisa lebih dari 100?

Pembilang APK memuat **semua** murid suatu jenjang, termasuk yang terlalu muda (masuk SD umur 6) atau
terlalu tua (mengulang kelas, terlambat masuk). Penyebutnya hanya penduduk umur resmi. Jadi APK SD di atas
100 **tidak** berarti ada lebih banyak murid daripada anak: artinya ada murid di luar umur resmi.

### Soal 4e
Berapa murid SD yang umurnya **di luar** 7–12 tahun? Simpan di `murid_sd_luar_umur`."""),
        jawaban(f"{M}-4e", "murid_sd = penduduk[(penduduk[\"status_sekolah\"] == \"Masih sekolah\")\n"
                "                     & (penduduk[\"jenjang_sekolah\"] == \"SD/sederajat\")]",
                "murid_sd_luar_umur = (~murid_sd[\"umur\"].between(7, 12)).sum()",
                'cek("4e", murid_sd_luar_umur)\nprint("APK SD:", round(ind.apk(penduduk, \"SD\"), 1))'),
        tes(f"{M}-4e-tes", "4e", "murid_sd_luar_umur"),
        md(f"{M}-pilah", """## 3. Memilah menurut jenis kelamin dan RT

Angka satu kelurahan bisa menyembunyikan perbedaan antarkelompok. Indikator yang **dipilah**
(disagregasi) menurut jenis kelamin atau wilayah membantu menemukan siapa yang tertinggal.

### Soal 4f
Hitung APK SD untuk laki-laki dan perempuan secara terpisah. Simpan di `apk_sd_jk` (label "L" dan "P")."""),
        jawaban(f"{M}-4f", "",
                "apk_sd_jk = penduduk.groupby(\"jenis_kelamin\", observed=True).apply(lambda d: ind.apk(d, \"SD\"))",
                'cek("4f", apk_sd_jk)\napk_sd_jk.round(1)'),
        tes(f"{M}-4f-tes", "4f", "apk_sd_jk"),
        md(f"{M}-4g-soal", "### Soal 4g\n\nHitung APS umur 16–18 untuk **setiap RT**. Simpan di `aps_rt` "
           "(label = nomor RT)."),
        jawaban(f"{M}-4g", "", "aps_rt = penduduk.groupby(\"rt\").apply(lambda d: ind.aps(d, 16, 18))",
                'cek("4g", aps_rt)\naps_rt.round(1).sort_values().head()'),
        tes(f"{M}-4g-tes", "4g", "aps_rt"),
        md(f"{M}-4h-soal", "### Soal 4h\n\nRT mana yang APS 16–18-nya **terendah**? Simpan nomor RT-nya di "
           "`rt_terendah` (bila ada beberapa RT dengan nilai yang sama, boleh ditulis semuanya dalam list)."),
        jawaban(f"{M}-4h", "", "rt_terendah = aps_rt.idxmin()", 'cek("4h", rt_terendah)\nprint(rt_terendah)'),
        tes(f"{M}-4h-tes", "4h", "rt_terendah"),
        md(f"{M}-derau", """## 4. Derau wilayah kecil

Di satu RT hanya ada belasan anak berumur 16–18. Bila satu anak berhenti sekolah, APS RT itu turun beberapa
poin persen sekaligus. Jadi RT dengan APS terendah tahun ini belum tentu RT yang paling bermasalah: bisa jadi
kebetulan. Selalu lihat **berapa anak** di balik persentasenya."""),
        kode(f"{M}-derau-kode",
             "anak = penduduk[penduduk[\"umur\"].between(16, 18)].groupby(\"rt\").size().rename(\"anak_16_18\")\n"
             "tidak_sekolah = (penduduk[penduduk[\"umur\"].between(16, 18)\n"
             "                         & (penduduk[\"status_sekolah\"] != \"Masih sekolah\")]\n"
             "                 .groupby(\"rt\").size().rename(\"tidak_sekolah\"))\n"
             "ringkas = pd.concat([anak, tidak_sekolah, aps_rt.rename(\"aps_16_18\")], axis=1).fillna(0)\n"
             "ringkas.sort_values(\"aps_16_18\").head(8).round(1)"),
        md(f"{M}-4i-soal", """### Soal 4i (jawaban tertulis, dinilai pelatih)

Kelurahan punya dana untuk **pendampingan belajar dan beasiswa bagi anak 16–18 tahun di dua RT**. Dengan tabel
`ringkas` di atas, RT mana yang Anda usulkan untuk didahulukan dan mengapa (4–6 kalimat)? Jelaskan mengapa
peringkat APS saja bisa menyesatkan untuk RT kecil, dan apa yang perlu dicek sebelum dana dibagikan."""),
        rubrik(f"{M}-4i-rubrik", "Rubrik soal 4i", [
            ("Memakai persentase dan jumlah anak", ["hanya satu angka", "persentase saja",
                                                    "persentase dan jumlah anak", "persentase, jumlah anak, "
                                                    "dan keduanya ditimbang untuk memilih RT"]),
            ("Derau wilayah kecil", ["tidak dibahas", "disebut tanpa penjelasan",
                                     "dijelaskan dengan benar", "dijelaskan dengan contoh dari tabel "
                                     "(mis. 1 anak = beberapa poin)"]),
            ("Langkah sebelum memutuskan", ["tidak ada", "kabur", "satu langkah tepat (mis. verifikasi ke ketua "
                                            "RT)", "beberapa langkah tepat (verifikasi, data tahun lain, alasan "
                                            "anak tidak sekolah)"]),
            ("Bahasa untuk pengambil keputusan", ["sulit dipahami", "banyak istilah teknis", "cukup jelas",
                                                  "jelas, singkat, angka dibulatkan secukupnya"]),
        ]),
        tulisan(f"{M}-4i", "Contoh jawaban: RT dengan APS terendah belum tentu yang paling membutuhkan, karena di "
                "sana hanya ada sekitar sepuluh anak umur 16–18: satu anak berhenti sekolah sudah menurunkan APS "
                "sekitar 10 poin. Saya mengusulkan mendahulukan RT yang persentasenya rendah DAN jumlah anak yang "
                "tidak sekolahnya paling banyak, karena dana menjangkau lebih banyak anak. Sebelum dana dibagi, "
                "ketua RT perlu memastikan nama anak dan alasan mereka tidak sekolah (biaya, bekerja, menikah), dan "
                "kita melihat data tahun sebelumnya untuk memastikan angkanya bukan kebetulan.", poin=16),
        *penutup(M, [
            "APS: siapa pun yang masih sekolah di kelompok umur itu; APK: semua murid satu jenjang; APM: murid "
            "satu jenjang yang umurnya sesuai.",
            "APK di atas 100 berarti ada murid di luar umur resmi, bukan kesalahan hitung.",
            "Pilah menurut jenis kelamin dan RT untuk menemukan siapa yang tertinggal.",
            "Persentase dari sedikit anak mudah melonjak: selalu sebutkan jumlah anaknya.",
        ]),
    ],
}
