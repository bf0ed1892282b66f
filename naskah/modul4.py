"""Naskah modul 4: Pendidikan (APS, APK, APM). Run `cantik kursus tulis modul4` after editing."""

from _umum import aplikasi_sel, pembuka, penutup, tempat

from cantik.authoring.cells import contoh_kode, jawaban, kode, md, tes
from cantik.authoring.numbers import angka, persen
from cantik.authoring.written import Contoh, Kriteria, Kunci, soal_tulisan
from cantik.checks import modul4 as F
from cantik.checks.core import ambil

M = "m4"
MURID_SD, ANAK_7_12 = F.fakta_murid_sd(), F._n_umur(7, 12)
APK_SD = F._ind().apk(F._pend(), "SD")
APS_7_12 = ambil("4a").nilai_harapan()
LUAR_UMUR = ambil("4e").nilai_harapan()
TIDAK_SEKOLAH_7_12 = F.fakta_tidak_sekolah(7, 12)
#: What section 2 says about this place's APK and APS 7–12 (the text follows the data: an APK of 100 or less,
#: or every child of 7–12 in school, reads differently from Kandangan Utara's).
APK_DI_SINI = (
    (""": murid SD memang
lebih banyak daripada anak umur resmi.""" if APK_SD > 100 else
     f""". Di banyak {tempat.jenis} lain APK SD lebih dari 100: murid
SD bisa lebih banyak daripada anak umur resmi.""")
    + (f""" Tetapi APK di atas 100 **tidak** berarti semua anak bersekolah: murid di
luar umur 7–12 ikut terhitung, sementara APS 7–12 hanya {persen(APS_7_12)}, artinya
{angka(TIDAK_SEKOLAH_7_12)} anak umur 7–12 tidak sekolah.""" if TIDAK_SEKOLAH_7_12 > 0 else
       f""" Tetapi APK di atas 100 **tidak** berarti semua anak bersekolah: murid di
luar umur 7–12 ikut terhitung. Di {tempat.nama} APS 7–12 memang {persen(APS_7_12)} (semua anak umur 7–12
bersekolah), tetapi di tempat lain APK bisa di atas 100 sementara sebagian anak tidak sekolah.""")
    + """ Untuk mengetahui siapa yang tertinggal, lihat APS
dan APM, bukan APK.""")
RT_KECIL, ANAK_RT_KECIL, TIDAK_RT_KECIL = F.fakta_rt_kecil()
RT_BANYAK, TIDAK_RT_BANYAK = F.fakta_rt_terbanyak_tidak_sekolah()
APS_RT_KECIL = F._aps_rt()[RT_KECIL]

CONTOH_4I = [
    Contoh(4, f"APS 16–18 terendah ada di RT {angka(RT_KECIL)} ({persen(APS_RT_KECIL, 0)}), tetapi di sana hanya ada "
              f"{angka(ANAK_RT_KECIL)} anak umur 16–18: satu anak berhenti sekolah sudah menurunkan APS sekitar "
              f"{angka(100 / ANAK_RT_KECIL)} poin persen, jadi peringkatnya bisa berubah hanya karena kebetulan. "
              f"Anak yang tidak sekolah paling banyak ada di RT {angka(RT_BANYAK)} ({angka(TIDAK_RT_BANYAK)} anak). Saya "
              "mengusulkan mendahulukan RT yang persentasenya rendah **dan** jumlah anak yang tidak sekolahnya "
              "banyak, karena dana menjangkau lebih banyak anak. Sebelum dana dibagi, ketua RT perlu memastikan "
              "nama anak dan alasan mereka tidak sekolah (biaya, bekerja, menikah), dan kita melihat data tahun "
              "sebelumnya untuk memastikan angkanya bukan kebetulan.", [4, 4, 4, 4]),
    Contoh(3, f"RT {angka(RT_KECIL)} punya APS terendah, tetapi anaknya sedikit, jadi angkanya mudah berubah. RT "
              f"{angka(RT_BANYAK)} punya anak tidak sekolah terbanyak. Saya usulkan kedua RT itu, setelah ketua RT "
              "memeriksa daftar anaknya.", [3, 3, 3, 3]),
    Contoh(2, f"Dahulukan dua RT dengan APS terendah, misalnya RT {angka(RT_KECIL)}, karena persentasenya paling "
              "rendah.", [2, 1, 1, 3]),
    Contoh(1, "Semua RT sama saja, bagi rata.", [1, 1, 1, 2]),
]

NOTEBOOKS = {
    "modul4_pendidikan": [
        *pembuka(
            M, "Modul 4 · Pendidikan: APS, APK, APM",
            tujuan=[
                "menghitung Angka Partisipasi Sekolah (APS), Angka Partisipasi Kasar (APK) dan Angka "
                "Partisipasi Murni (APM);",
                "menjelaskan mengapa APK bisa lebih dari 100;",
                "memilah (disagregasi) indikator menurut jenis kelamin dan RT;",
                "mengenali bahwa persentase dari sedikit anak mudah melonjak.",
            ],
            pertanyaan=[
                f"Apakah anak-anak {tempat.nama} bersekolah sesuai umurnya?",
                "RT mana yang perlu didahulukan untuk program pendampingan sekolah, dan seberapa yakin kita?",
            ],
            durasi="1 jam 30 menit",
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
Hitung sendiri APS umur 7–12 tahun:

1. pembilang: anak umur 7–12 yang **masih sekolah**; simpan di `sekolah_7_12`;
2. penyebut: semua anak umur 7–12; simpan di `anak_7_12`;
3. APS-nya (persen); simpan di `aps_7_12`."""),
        jawaban(f"{M}-4a", "umur_7_12 = penduduk[\"umur\"].between(7, 12)\n"
                "masih_sekolah = penduduk[\"status_sekolah\"] == \"Masih sekolah\"",
                "sekolah_7_12 = (umur_7_12 & masih_sekolah).sum()\n"
                "anak_7_12 = umur_7_12.sum()\n"
                "aps_7_12 = sekolah_7_12 / anak_7_12 * 100",
                'cek("4a", aps_7_12, pembilang=sekolah_7_12, penyebut=anak_7_12)'),
        tes(f"{M}-4a-tes", "4a", "aps_7_12", bagian={"pembilang": "sekolah_7_12", "penyebut": "anak_7_12"}),
        md(f"{M}-4b-soal", "### Soal 4b\n\nSekarang boleh memakai fungsi `ind.aps(penduduk, umur_min, umur_max)`. "
           "Hitung APS umur 16–18 tahun. Simpan di `aps_16_18`."),
        jawaban(f"{M}-4b", "", "aps_16_18 = ind.aps(penduduk, 16, 18)", 'cek("4b", aps_16_18)'),
        tes(f"{M}-4b-tes", "4b", "aps_16_18"),
        md(f"{M}-4c-soal", """### Soal 4c
Hitung sendiri **APK SMP**. Tabel `murid_smp` di sel jawaban berisi semua murid yang sedang duduk di SMP.

1. pembilang: banyaknya semua murid SMP, berapa pun umurnya; simpan di `semua_murid_smp`;
2. penyebut: banyaknya penduduk umur 13–15 (umur resmi SMP); simpan di `anak_13_15`;
3. APK SMP (persen); simpan di `apk_smp`."""),
        jawaban(f"{M}-4c", "murid_smp = penduduk[(penduduk[\"status_sekolah\"] == \"Masih sekolah\")\n"
                "                     & (penduduk[\"jenjang_sekolah\"] == \"SMP/sederajat\")]",
                "semua_murid_smp = len(murid_smp)\n"
                "anak_13_15 = penduduk[\"umur\"].between(13, 15).sum()\n"
                "apk_smp = semua_murid_smp / anak_13_15 * 100",
                'cek("4c", apk_smp, pembilang=semua_murid_smp, penyebut=anak_13_15)'),
        tes(f"{M}-4c-tes", "4c", "apk_smp", bagian={"pembilang": "semua_murid_smp", "penyebut": "anak_13_15"}),
        md(f"{M}-4d-soal", """### Soal 4d
Hitung sendiri **APM SMP**: pembilangnya murid SMP yang umurnya 13–15 (simpan di `murid_smp_13_15`),
penyebutnya `anak_13_15`. Simpan hasilnya di `apm_smp`, lalu bandingkan dengan APK SMP."""),
        jawaban(f"{M}-4d", "",
                "murid_smp_13_15 = murid_smp[\"umur\"].between(13, 15).sum()\n"
                "apm_smp = murid_smp_13_15 / anak_13_15 * 100",
                'cek("4d", apm_smp, pembilang=murid_smp_13_15, penyebut=anak_13_15)\n'
                'print(round(apk_smp, 1), round(apm_smp, 1))'),
        tes(f"{M}-4d-tes", "4d", "apm_smp", bagian={"pembilang": "murid_smp_13_15", "penyebut": "anak_13_15"}),
        md(f"{M}-lebih-100", f"""## 2. Mengapa APK bisa lebih dari 100?

Pembilang APK memuat **semua** murid suatu jenjang, termasuk yang terlalu muda (masuk SD umur 6) atau
terlalu tua (mengulang kelas, terlambat masuk). Penyebutnya hanya penduduk umur resmi. Di {tempat.nama} ada
{angka(MURID_SD)} murid SD dan {angka(ANAK_7_12)} anak umur 7–12, jadi APK SD {angka(APK_SD, 1)}{APK_DI_SINI}

### Soal 4e
Berapa murid SD yang umurnya **di luar** 7–12 tahun? Simpan di `murid_sd_luar_umur`."""),
        md(f"{M}-contoh-rentang-md", "**Contoh → Coba.** `.between(a, b)` memberi `True` untuk nilai dari a sampai b "
           "(kedua batas ikut). Tanda `~` di depan sebuah syarat **membalik**nya: `True` menjadi `False` dan "
           "sebaliknya."),
        contoh_kode(f"{M}-contoh-rentang", """# True untuk penduduk berumur 13 sampai 15 tahun
umur_smp = penduduk["umur"].between(13, 15)
print("Umur 13-15 tahun:", umur_smp.sum())
# ~ membalik syarat: penduduk yang umurnya DI LUAR 13-15 tahun
print("Umur di luar 13-15 tahun:", (~umur_smp).sum())"""),
        jawaban(f"{M}-4e", "murid_sd = penduduk[(penduduk[\"status_sekolah\"] == \"Masih sekolah\")\n"
                "                     & (penduduk[\"jenjang_sekolah\"] == \"SD/sederajat\")]",
                "murid_sd_luar_umur = (~murid_sd[\"umur\"].between(7, 12)).sum()",
                'cek("4e", murid_sd_luar_umur)\nprint("APK SD:", round(ind.apk(penduduk, "SD"), 1))'),
        tes(f"{M}-4e-tes", "4e", "murid_sd_luar_umur"),
        md(f"{M}-pilah", f"""## 3. Memilah menurut jenis kelamin dan RT

Angka satu {tempat.jenis} bisa menyembunyikan perbedaan antarkelompok. Indikator yang **dipilah**
(disagregasi) menurut jenis kelamin atau wilayah membantu menemukan siapa yang tertinggal.

### Soal 4f
Hitung APK SD untuk laki-laki dan perempuan secara terpisah. Simpan di `apk_sd_jk` (label "L" dan "P")."""),
        md(f"{M}-contoh-kelompok-md", """**Contoh → Coba: satu indikator untuk setiap kelompok.** Sebelum menjawab, lihat
contoh ini: rasio jenis kelamin untuk setiap RT."""),
        contoh_kode(f"{M}-contoh-kelompok", """# .groupby("rt") memecah tabel penduduk menjadi tabel-tabel kecil, satu untuk setiap RT.
# lambda d: ind.rasio_jenis_kelamin(d) adalah fungsi pendek tanpa nama: "untuk sebuah tabel kecil d,
#   hitung rasio jenis kelaminnya".
# .apply(...) menjalankan fungsi itu pada setiap tabel kecil dan mengumpulkan hasilnya: satu angka per RT,
#   dengan nomor RT sebagai label.
rasio_jk_rt = penduduk.groupby("rt").apply(lambda d: ind.rasio_jenis_kelamin(d))
# Untuk kolom kategori (misalnya jenis_kelamin) tambahkan observed=True di groupby:
#   hanya kelompok yang memang ada di data yang dihitung.
# .idxmin() memberi label dengan nilai terkecil (kebalikan .idxmax())
print("RT dengan rasio jenis kelamin terendah:", rasio_jk_rt.idxmin())
# .round(1) membulatkan ke 1 angka di belakang koma (hanya untuk ditampilkan)
rasio_jk_rt.round(1).head()"""),
        jawaban(f"{M}-4f",
                "# Ganti setiap ... di bawah ini dengan kode Anda, lalu hapus baris raise NotImplementedError().\n"
                "# Seperti contoh rasio jenis kelamin per RT di atas, tetapi dikelompokkan menurut jenis_kelamin\n"
                "# (observed=True) dan dengan fungsi lambda d: ind.apk(d, \"SD\")\n"
                "apk_sd_jk = ...",
                "apk_sd_jk = penduduk.groupby(\"jenis_kelamin\", observed=True).apply(lambda d: ind.apk(d, \"SD\"))",
                'cek("4f", apk_sd_jk)\napk_sd_jk.round(1)'),
        tes(f"{M}-4f-tes", "4f", "apk_sd_jk"),
        md(f"{M}-4g-soal", "### Soal 4g\n\nHitung APS umur 16–18 untuk **setiap RT**. Simpan di `aps_rt` "
           "(label = nomor RT)."),
        jawaban(f"{M}-4g",
                "# Ganti setiap ... di bawah ini dengan kode Anda, lalu hapus baris raise NotImplementedError().\n"
                "# Kelompokkan menurut \"rt\"; fungsinya lambda d: ind.aps(d, 16, 18)\n"
                "aps_rt = ...", "aps_rt = penduduk.groupby(\"rt\").apply(lambda d: ind.aps(d, 16, 18))",
                'cek("4g", aps_rt)\naps_rt.round(1).sort_values().head()'),
        tes(f"{M}-4g-tes", "4g", "aps_rt"),
        md(f"{M}-4h-soal", "### Soal 4h\n\nRT mana yang APS 16–18-nya **terendah**? Simpan nomor RT-nya di "
           "`rt_terendah` (bila ada beberapa RT dengan nilai yang sama, boleh ditulis semuanya dalam list)."),
        jawaban(f"{M}-4h", "", "rt_terendah = aps_rt.idxmin()", 'cek("4h", rt_terendah)\nprint(rt_terendah)'),
        tes(f"{M}-4h-tes", "4h", "rt_terendah"),
        md(f"{M}-derau", f"""## 4. Angka dari wilayah kecil mudah melonjak

Di satu RT hanya ada sedikit anak berumur 16–18 (di RT {angka(RT_KECIL)} hanya {angka(ANAK_RT_KECIL)} anak). Bila satu anak
berhenti sekolah, APS RT itu turun sekitar {angka(100 / ANAK_RT_KECIL)} poin persen sekaligus. Jadi RT dengan APS terendah tahun ini belum tentu RT yang paling bermasalah: bisa jadi
kebetulan. Selalu lihat **berapa anak** di balik persentasenya."""),
        kode(f"{M}-derau-kode",
             "anak = penduduk[penduduk[\"umur\"].between(16, 18)].groupby(\"rt\").size().rename(\"anak_16_18\")\n"
             "tidak_sekolah = (penduduk[penduduk[\"umur\"].between(16, 18)\n"
             "                         & (penduduk[\"status_sekolah\"] != \"Masih sekolah\")]\n"
             "                 .groupby(\"rt\").size().rename(\"tidak_sekolah\"))\n"
             "ringkas = pd.concat([anak, tidak_sekolah, aps_rt.rename(\"aps_16_18\")], axis=1).fillna(0)\n"
             "ringkas.sort_values(\"aps_16_18\").head(8).round(1)"),
        *aplikasi_sel(f"{M}-aplikasi-sampel", "sampel",
                      "Aplikasi ini mengambil sampel keluarga berkali-kali. Pilih sampel kecil (misalnya 20 "
                      "keluarga) lalu sampel besar: persentase dari sedikit keluarga berayun jauh lebih lebar, "
                      "sama seperti APS dari sedikit anak di satu RT."),
        md(f"{M}-4i-soal", f"""### Soal 4i (jawaban tertulis, dinilai pelatih)

{tempat.Jenis} punya dana untuk **pendampingan belajar dan beasiswa bagi anak 16–18 tahun di dua RT**. Dengan tabel
`ringkas` di atas, RT mana yang Anda usulkan untuk didahulukan dan mengapa (4–6 kalimat)? Jelaskan mengapa
peringkat APS saja bisa menyesatkan untuk RT kecil, dan apa yang perlu dicek sebelum dana dibagikan."""),
        *soal_tulisan(f"{M}-4i", "4i", [
            Kriteria("Memakai persentase dan jumlah anak", ["hanya satu angka", "persentase saja",
                                                            "persentase dan jumlah anak", "persentase, jumlah anak, "
                                                            "dan keduanya ditimbang untuk memilih RT"]),
            Kriteria("Angka dari RT kecil", ["tidak dibahas", "disebut tanpa penjelasan",
                                             "dijelaskan dengan benar", "dijelaskan dengan contoh dari tabel "
                                             "(mis. satu anak = beberapa poin persen)"]),
            Kriteria("Langkah sebelum memutuskan", ["tidak ada", "kabur", "satu langkah tepat (mis. pemeriksaan ke "
                                                    "ketua RT)", "beberapa langkah tepat (pemeriksaan, data tahun "
                                                    "lain, alasan anak tidak sekolah)"]),
            Kriteria("Bahasa untuk pengambil keputusan", ["sulit dipahami", "banyak istilah teknis", "cukup jelas",
                                                          "jelas, singkat, angka dibulatkan secukupnya"]),
        ], CONTOH_4I, [
            Kunci(f"APS 16–18 RT {angka(RT_KECIL)} (terendah)", APS_RT_KECIL, 1, satuan="%"),
            Kunci(f"Anak 16–18 di RT {angka(RT_KECIL)}", ANAK_RT_KECIL, 0),
            Kunci(f"Anak 16–18 tidak sekolah di RT {angka(RT_BANYAK)} (terbanyak)", TIDAK_RT_BANYAK, 0),
        ]),
        *penutup(M, [
            "APS: siapa pun yang masih sekolah di kelompok umur itu; APK: semua murid satu jenjang; APM: murid "
            "satu jenjang yang umurnya sesuai.",
            "APK di atas 100 berarti ada murid di luar umur resmi, bukan kesalahan hitung, dan tidak berarti semua "
            "anak bersekolah.",
            "Pilah menurut jenis kelamin dan RT untuk menemukan siapa yang tertinggal.",
            "Persentase dari sedikit anak mudah melonjak: selalu sebutkan jumlah anaknya.",
        ]),
    ],
}
