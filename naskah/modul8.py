"""Naskah modul 8: Proyek akhir "Kandangan Utara dalam Angka". Run `cantik kursus tulis modul8` after editing.

`cantik kursus tulis` also writes the trainer's rubric file ``grading/rubrik/modul8.md`` from the rubrics,
key numbers and example answers below.
"""

from _umum import aplikasi_sel, pembuka, penutup, tempat

from cantik.authoring.cells import jawaban, kode, md, tes
from cantik.authoring.numbers import angka, persen, rupiah
from cantik.authoring.written import Contoh, Kriteria, Kunci, soal_tulisan
from cantik.checks import modul8 as F
from cantik.checks.core import ambil
from cantik.checks.modul3 import P0_2022, P0_2023
from cantik.data.calibration import FIGURES

M = "m8"
#: What the exported page puts at its top (cantik.publish.ekspor_html): the synthetic notice, or a real
#: place's source and date.
PEMBERITAHUAN = "Pemberitahuan data sintetis" if tempat.sintetis else "Sumber dan tanggal data"
AMPUNKU = tempat.ada("ampunku")  # the local service table (Kandangan Utara's AMPUNKU), if the place has one
PILIH_8H = ("Pilih **dua** indikator tambahan dari modul 1–7 (misalnya P1, prevalensi stunting per posyandu, "
            "perjalanan\nAMPUNKU per 1.000 penduduk, APS)" if AMPUNKU else
            "Pilih **dua** indikator tambahan dari modul 1–7 (misalnya P1, prevalensi stunting per posyandu,\n"
            "APS 16–18 per RT)")
GK = F.GARIS_KEMISKINAN
PENDUDUK = ambil("8a").nilai_harapan()
P0 = ambil("8d").nilai_harapan()
STUNTING = ambil("8e").nilai_harapan()
APS_16_18 = ambil("8j").nilai_harapan()
ORANG_MISKIN = round(PENDUDUK * P0 / 100)
RASIO_JK = ambil("8b").nilai_harapan()
SURVEI = {f.key: f.nilai for f in FIGURES}["stunting_ssgi_2021"]
P0_RT_TERTINGGI = max(F._ind().poverty_indices(k, GK, weights="jumlah_anggota").p0
                      for _rt, k in F.tabel("keluarga").groupby("rt"))
#: The level-4 example of 8i says what the place's data show: the sex balance, the units' poverty beside the
#: whole place's, the posyandu figure beside the district survey.
SEIMBANG = ("dengan jumlah laki-laki dan perempuan hampir sama" if 95 <= RASIO_JK <= 105 else
            f"dengan {'laki-laki' if RASIO_JK > 105 else 'perempuan'} lebih banyak (rasio jenis kelamin "
            f"{angka(RASIO_JK, 0)})")
SEBARAN_P0 = ("di beberapa RT angkanya jauh lebih tinggi" if P0_RT_TERTINGGI > 1.5 * P0 else
              f"angka per RT tidak jauh berbeda (tertinggi sekitar {persen(P0_RT_TERTINGGI, 0)})")
BANDING_SURVEI = ("tetapi survei gizi tingkat kabupaten menunjukkan angka yang jauh lebih tinggi, sehingga "
                  "kemungkinan ada anak yang tidak datang ke posyandu" if STUNTING < 0.75 * SURVEI else
                  f"tidak jauh dari angka survei gizi tingkat kabupaten ({persen(SURVEI, 0)}), walaupun cara "
                  "dan cakupannya berbeda")

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
                            "lengkap, tepat dan menyebut keterbatasan serta "
                            + ("data sintetis" if tempat.sintetis else "sumber datanya")]),
    ("Interpretasi dan rekomendasi", ["hanya mengulang angka", "interpretasi tanpa rekomendasi",
                                      "rekomendasi mengikuti dari data",
                                      "rekomendasi menimbang pilihan dan siapa yang terdampak"]),
    ("Keterbatasan data", ["tidak disebut", "disebut kabur", "satu keterbatasan yang tepat",
                           "beberapa keterbatasan tepat (angka kecil, sumber berbeda, data layanan)"]),
    ("Bahasa untuk warga dan pengambil keputusan", ["sulit dipahami", "banyak istilah teknis",
                                                    "cukup jelas", "jelas, singkat dan enak dibaca"]),
]

CONTOH_8H = [
    Contoh(4, "(1) Indeks kedalaman kemiskinan P1 dari tabel keluarga: membantu memutuskan apakah bantuan pangan "
              "tetap diperlukan walaupun P0 kecil; keterbatasannya, pengeluaran dilaporkan sendiri oleh keluarga. "
              + ("(2) Perjalanan AMPUNKU per 1.000 penduduk per RT dari tabel ampunku dan penduduk: membantu "
                 "menentukan letak armada tambahan; keterbatasannya, hanya mencatat warga yang sudah memakai "
                 "layanan." if AMPUNKU else
                 "(2) Prevalensi stunting per posyandu dari tabel balita: membantu memilih posyandu untuk kelas "
                 "gizi; keterbatasannya, hanya mencatat balita yang datang diukur dan angkanya dari sedikit "
                 "anak."),
           [4, 4]),
    Contoh(3, "(1) P1 dari tabel keluarga, untuk bantuan pangan. (2) APS 16–18 per RT dari tabel penduduk, untuk "
              "beasiswa; angka per RT dari sedikit anak.", [3, 3]),
    Contoh(2, f"P1 dan APS, karena keduanya penting untuk {tempat.jenis}.", [2, 2]),
    Contoh(1, "Jumlah penduduk.", [1, 1]),
]

CONTOH_8I = [
    Contoh(4, f"{tempat.nama} berpenduduk sekitar {angka(round(PENDUDUK, -2))} jiwa {SEIMBANG}. Sekitar "
              f"{angka(round(P0))} dari 100 penduduk (sekitar "
              f"{angka(round(ORANG_MISKIN, -1))} orang) hidup di bawah garis kemiskinan; {SEBARAN_P0}. "
              "Prevalensi stunting menurut pengukuran posyandu sekitar "
              f"{persen(STUNTING, 0)}, {BANDING_SURVEI}. Dari anak umur 16–18 tahun, "
              f"hanya sekitar {persen(APS_16_18, 0)} yang masih sekolah. Prioritas 1: bantuan dan pendampingan "
              "bagi keluarga miskin di RT dengan persentase penduduk miskin tertinggi. Prioritas 2: jemput bola "
              "pengukuran balita ke rumah di wilayah posyandu dengan prevalensi tertinggi. Keterbatasan: angka "
              "per RT berasal dari sedikit keluarga dan balita, sehingga mudah berubah; semua angka di sini dari "
              + ("data sintetis untuk latihan." if tempat.sintetis else f"{tempat.ket_data}."), [4, 4, 4, 4, 4, 4, 4]),
    Contoh(3, f"Penduduk sekitar {angka(round(PENDUDUK, -2))} jiwa, P0 sekitar {persen(P0, 1)}, stunting sekitar "
              f"{persen(STUNTING, 0)} menurut posyandu. Prioritas: bantuan untuk keluarga miskin dan pengukuran "
              "balita. Angka per RT kecil sehingga tidak pasti.", [3, 3, 3, 3, 3, 3, 3]),
    Contoh(2, f"Kemiskinan {persen(P0, 2)} dan stunting {persen(STUNTING, 2)}. Perlu program kemiskinan dan "
              "stunting.", [2, 2, 2, 2, 2, 1, 2]),
    Contoh(1, f"{tempat.nama} sudah baik, tidak ada masalah besar.", [1, 1, 1, 1, 1, 1, 2]),
]

CATATAN_8I = [
    f"Persen dan poin persen tertukar (mis. \"P0 turun {angka(P0_2022 - P0_2023, 2)} persen\").",
    "Membandingkan RT dengan jumlah mentah, bukan persentase atau angka per penduduk.",
    "Prevalensi dari belasan balita disajikan tanpa menyebut banyaknya anak atau selang kepercayaannya.",
    "Data layanan AMPUNKU dibaca sebagai data kesehatan warga, atau korelasi dibaca sebagai sebab-akibat."
    if AMPUNKU else "Data layanan (catatan posyandu) dibaca sebagai data semua warga, atau korelasi dibaca "
    "sebagai sebab-akibat.",
    "Angka posyandu dan survei disebut \"salah satunya bohong\", bukan dijelaskan perbedaan cakupan dan caranya.",
    "NIK, nomor KK atau angka 1–4 per RT muncul di halaman yang dibagikan (kerahasiaan statistik, modul 7).",
    "Semua data latihan **sintetis**: karya yang mengutip angkanya sebagai data resmi tidak mendapat skor 4 "
    "pada kriteria \"Keterbatasan data\"." if tempat.sintetis else
    f"Data {tempat.label} bukan statistik resmi BPS: karya yang tidak menyebut sumbernya ({tempat.ket_data}) "
    "tidak mendapat skor 4 pada kriteria \"Keterbatasan data\".",
]

NOTEBOOKS = {
    f"modul8_{tempat.kunci}_dalam_angka": [
        *pembuka(
            M, f"Modul 8 · Proyek akhir: {tempat.nama} dalam Angka",
            tujuan=[
                f"memilih indikator yang dibutuhkan untuk sebuah keputusan {tempat.jenis};",
                "menghitung indikator dengan benar dan menyajikannya dalam tabel dan grafik yang jujur;",
                "mengisi metadata indikator bergaya SIRUSA;",
                "menulis interpretasi satu halaman untuk Musrenbang;",
                "mengekspor hasil kerja menjadi halaman HTML untuk dibagikan.",
            ],
            pertanyaan=[
                f"Seperti apa {tempat.nama} dalam angka: penduduk, kemiskinan, kesehatan balita dan layanan "
                "AMPUNKU?" if AMPUNKU else
                f"Seperti apa {tempat.nama} dalam angka: penduduk, kemiskinan, pendidikan dan kesehatan balita?",
                "Apa yang perlu diprioritaskan dalam Musrenbang, menurut data?",
            ],
            durasi="3 jam (proyek akhir; bisa sampai 4 jam)",
        ),
        md(f"{M}-langkah", """## Langkah kerja

Proyek ini merangkum modul 1–7. Sebagian kecil dinilai otomatis (lembar indikator, metadata, grafik);
sebagian besar dinilai pelatih dengan **rubrik** (nilai 0–4 per kriteria) yang tercantum di atas setiap soal
tertulis.

1. Hitung lembar indikator utama (soal 8a–8e, 8j, 8k).
2. Pilih dua indikator tambahan dan jelaskan alasannya (soal 8h).
3. Buat satu grafik yang jujur (soal 8g) dan isi metadata satu indikator (soal 8f).
4. Tulis interpretasi satu halaman untuk Musrenbang (soal 8i).
5. Ekspor notebook ini menjadi halaman HTML."""),
        kode(f"{M}-muat", "penduduk = load(\"penduduk\")\nkeluarga = load(\"keluarga\")\nbalita = load(\"balita\")\n"
             "ampunku = load(\"ampunku\")\n"
             "print(len(penduduk), \"orang,\", len(keluarga), \"keluarga,\", len(balita), \"balita,\", len(ampunku), "
             "\"perjalanan AMPUNKU\")" if AMPUNKU else
             "penduduk = load(\"penduduk\")\nkeluarga = load(\"keluarga\")\nbalita = load(\"balita\")\n"
             "print(len(penduduk), \"orang,\", len(keluarga), \"keluarga,\", len(balita), \"balita\")"),
        *aplikasi_sel(f"{M}-aplikasi-profil", "profil",
                      f"Profil {tempat.jenis} di aplikasi ini adalah contoh penyajian untuk warga. Setelah proyek "
                      "selesai, bandingkan: apa yang ada di profil Anda dan tidak ada di aplikasi, dan "
                      "sebaliknya?"),
        md(f"{M}-lembar", f"""## 1. Lembar indikator utama

Gunakan fungsi `ind.…` seperti di modul sebelumnya. Garis kemiskinan: {rupiah(GK)} per kapita per bulan (GK
Provinsi Kalimantan Selatan September 2024 yang dilaporkan).

### Soal 8a
Jumlah penduduk {tempat.nama}. Simpan di `jumlah_penduduk`."""),
        jawaban(f"{M}-8a", "", "jumlah_penduduk = len(penduduk)", 'cek("8a", jumlah_penduduk)'),
        tes(f"{M}-8a-tes", "8a", "jumlah_penduduk"),
        md(f"{M}-8b-soal", "### Soal 8b\n\nRasio jenis kelamin. Simpan di `rasio_jk`."),
        jawaban(f"{M}-8b", "", "rasio_jk = ind.rasio_jenis_kelamin(penduduk)", 'cek("8b", rasio_jk)'),
        tes(f"{M}-8b-tes", "8b", "rasio_jk"),
        md(f"{M}-8c-soal", "### Soal 8c\n\nRasio ketergantungan total. Simpan di `rasio_ketergantungan`."),
        jawaban(f"{M}-8c", "", "rasio_ketergantungan = ind.rasio_ketergantungan(penduduk).total",
                'cek("8c", rasio_ketergantungan)'),
        tes(f"{M}-8c-tes", "8c", "rasio_ketergantungan"),
        md(f"{M}-8d-soal", "### Soal 8d\n\nPersentase penduduk miskin (P0, per orang). Simpan di `p0`."),
        jawaban(f"{M}-8d", "", f"p0 = ind.indeks_kemiskinan(keluarga, {GK}, bobot=\"jumlah_anggota\").p0",
                'cek("8d", p0)'),
        tes(f"{M}-8d-tes", "8d", "p0"),
        md(f"{M}-8e-soal", "### Soal 8e\n\nPrevalensi stunting balita (persen). Simpan di `prevalensi_stunting`."),
        jawaban(f"{M}-8e", "", "z = ind.skor_z_tb_u(balita)\nprevalensi_stunting = ind.prevalensi_stunting(z)",
                'cek("8e", prevalensi_stunting)'),
        tes(f"{M}-8e-tes", "8e", "prevalensi_stunting"),
        md(f"{M}-8j-soal", f"### Soal 8j\n\nPendidikan adalah salah satu data prioritas {tempat.nama}. Hitung "
           "Angka Partisipasi Sekolah (APS) umur 16–18 tahun. Simpan di `aps_16_18`."),
        jawaban(f"{M}-8j", "", "aps_16_18 = ind.aps(penduduk, 16, 18)", 'cek("8j", aps_16_18)'),
        tes(f"{M}-8j-tes", "8j", "aps_16_18"),
        md(f"{M}-8k-soal", "### Soal 8k\n\nHitung Angka Partisipasi Murni (APM) SMP. Simpan di `apm_smp`."),
        jawaban(f"{M}-8k", "", "apm_smp = ind.apm(penduduk, \"SMP\")", 'cek("8k", apm_smp)'),
        tes(f"{M}-8k-tes", "8k", "apm_smp"),
        md(f"{M}-ringkasan", """Sel berikut menyusun lembar indikator Anda menjadi tabel bergaya "… dalam Angka".
Jalankan saja."""),
        kode(f"{M}-ringkasan-kode",
             "ringkasan = pd.DataFrame({\n"
             "    \"indikator\": [\"Jumlah penduduk\", \"Rasio jenis kelamin\", \"Rasio ketergantungan\",\n"
             "                  \"Persentase penduduk miskin (P0)\", \"Prevalensi stunting balita\",\n"
             "                  \"Angka Partisipasi Sekolah 16–18 tahun\", \"Angka Partisipasi Murni SMP\"],\n"
             "    \"nilai\": pd.Series([jumlah_penduduk, round(rasio_jk, 1), round(rasio_ketergantungan, 1),\n"
             "                        round(p0, 2), round(prevalensi_stunting, 1), round(aps_16_18, 1),\n"
             "                        round(apm_smp, 1)], dtype=object),\n"
             "    \"satuan\": [\"jiwa\", \"laki-laki per 100 perempuan\", \"per 100 penduduk 15–64 tahun\", \"persen\",\n"
             "               \"persen\", \"persen\", \"persen\"],\n"
             "})\n"
             f"print(\"Tabel 1. Indikator utama {tempat.label}, 2025\")\n"
             "display(ringkasan.style.hide(axis=\"index\"))\n"
             f"print(\"Sumber: data {'Kelas Cantik (data sintetis)' if tempat.sintetis else tempat.label + ' (' + tempat.ket_data + ')'}\")"),
        md(f"{M}-8h-soal", f"""## 2. Indikator tambahan

### Soal 8h (jawaban tertulis, dinilai pelatih)
{PILIH_8H} yang paling membantu Musrenbang tahun ini. Untuk setiap indikator tulis:
keputusan apa yang dibantunya, dari tabel mana datanya, dan satu keterbatasannya."""),
        *soal_tulisan(f"{M}-8h", "8h", [Kriteria(n, t) for n, t in RUBRIK_PILIHAN], CONTOH_8H),
        md(f"{M}-8g-soal", """## 3. Grafik

### Soal 8g (grafik)
Buat **satu** grafik yang jujur untuk salah satu indikator Anda: diagram batang (diurutkan, mulai dari nol)
untuk membandingkan RT/posyandu, atau diagram garis untuk perubahan menurut waktu. Beri judul (apa, di mana,
kapan), label kedua sumbu dengan satuan, dan tulis sumbernya. Simpan gambarnya di `fig`."""),
        jawaban(f"{M}-8g", "",
                "p0_rt = keluarga.groupby(\"rt\").apply(\n"
                f"    lambda d: ind.indeks_kemiskinan(d, {GK}, bobot=\"jumlah_anggota\").p0).sort_values()\n"
                "fig, ax = plt.subplots(figsize=(7, 7))\n"
                "ax.barh(p0_rt.index.astype(str), p0_rt.to_numpy(), color=\"#8e44ad\")\n"
                f"ax.set_title(\"Persentase penduduk miskin menurut RT, {tempat.nama} 2025\")\n"
                "ax.set_xlabel(\"Penduduk miskin (%)\")\n"
                "ax.set_ylabel(\"RT\")\n"
                f"fig.text(0.01, 0.01, \"Sumber: data keluarga {'Kelas Cantik' if tempat.sintetis else tempat.label} ({tempat.ket_data}); GK {rupiah(GK)}\", "
                "fontsize=8)",
                'cek("8g", fig)\nplt.show()'),
        tes(f"{M}-8g-tes", "8g", "fig"),
        md(f"{M}-8f-soal", """## 4. Metadata indikator

Setiap indikator yang disebarkan perlu metadata (Satu Data Indonesia). Contoh lengkap ada di
`datasets/metadata_indikator.json`.

### Soal 8f
Isi metadata gaya SIRUSA untuk **satu** indikator yang Anda pakai, sebagai dict `metadata` dengan kunci:
`nama`, `konsep`, `definisi`, `metode_perhitungan`, `rumus`, `satuan`, `interpretasi`, `disagregasi`,
`periodisasi`, `sumber_data`. """ + ("Jangan lupa: datanya **sintetis**; sebutkan itu di `sumber_data`."
                                       if tempat.sintetis else "Sebutkan sumber dan tanggal datanya di `sumber_data`: "
                                       f"{tempat.ket_data}.")),
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
                "    \"interpretasi\": \"P0 4% berarti sekitar 4 dari 100 penduduk hidup di bawah garis kemiskinan.\",\n"
                f"    \"disagregasi\": \"RT, {tempat.jenis}\",\n"
                "    \"periodisasi\": \"Tahunan\",\n"
                + ("    \"sumber_data\": \"Data keluarga Kelas Cantik (data sintetis, bukan data resmi BPS)\",\n"
                   if tempat.sintetis else f"    \"sumber_data\": \"Data keluarga {tempat.label}: {tempat.ket_data}\",\n")
                + "}",
                'cek("8f", metadata)\npd.Series(metadata, name="isi").to_frame()'),
        tes(f"{M}-8f-tes", "8f", "metadata"),
        md(f"{M}-8i-soal", f"""## 5. Interpretasi untuk Musrenbang

### Soal 8i (jawaban tertulis, dinilai pelatih)
Tulis **satu halaman** (sekitar 250–350 kata) "{tempat.nama} dalam Angka" untuk dibagikan dalam
Musrenbang: apa yang ditunjukkan angka-angka Anda, apa **dua prioritas** yang Anda usulkan dan mengapa, dan
apa keterbatasan datanya. Tulis untuk warga dan perangkat {tempat.jenis}, bukan untuk ahli statistik."""),
        *soal_tulisan(f"{M}-8i", "8i", [Kriteria(n, t) for n, t in RUBRIK_AKHIR], CONTOH_8I, [
            Kunci("Jumlah penduduk (soal 8a)", PENDUDUK, 100, satuan="jiwa (boleh dibulatkan ke ratusan)"),
            Kunci("P0 (soal 8d)", P0, 0.5, desimal=2, satuan="%"),
            Kunci("Prevalensi stunting posyandu (soal 8e)", STUNTING, 0.5, desimal=1, satuan="%"),
            Kunci("APS 16–18 (soal 8j)", APS_16_18, 0.5, desimal=1, satuan="%"),
        ], CATATAN_8I),
        md(f"{M}-ekspor", f"""## 6. Ekspor menjadi halaman HTML

Setelah semua selesai:

1. **Simpan** notebook ini (Ctrl+S).
2. Hapus tanda `#` di baris terakhir sel berikut, lalu jalankan. Berkas `.html` muncul di folder yang sama.
   Isinya judul bagian, hasil hitungan, tabel, grafik dan tulisan Anda; kode, sel tes, petunjuk soal dan
   rubrik tidak ikut. {PEMBERITAHUAN} diletakkan di paling atas.
3. Bagikan berkas `.html` itu (surel, WhatsApp) atau cetak dari peramban.

Sebelum menulis halaman, `ekspor_html` memeriksa **kerahasiaan statistik** (modul 7): halaman yang memuat
kolom atau angka NIK/nomor KK **ditolak** (hapus dulu kolom itu dari tabel yang ditampilkan), dan tabel per RT
yang berisi angka 1–4 diberi **peringatan** (sembunyikan angka itu atau gabungkan RT-nya).

Untuk mengekspor seluruh notebook tanpa kode (termasuk petunjuk soal), pakai
`ekspor_html("...ipynb", laporan=False)`."""),
        kode(f"{M}-ekspor-kode", "from cantik.publish import ekspor_html\n\n"
             "# ekspor_html(\"modul8_kandangan_utara_dalam_angka.ipynb\")"),
        *penutup(M, [
            "Mulai dari keputusan yang akan diambil, baru pilih indikatornya; pendidikan termasuk data prioritas.",
            "Setiap angka perlu satuan, sumber dan metadata; "
            + ("data latihan harus disebut sintetis." if tempat.sintetis else "sebutkan sumber dan tanggal datanya."),
            "Grafik yang jujur: judul lengkap, satuan, sumber, batang mulai dari nol dan diurutkan.",
            "Interpretasi yang baik menyebut apa yang ditunjukkan data, apa yang diusulkan, dan batas-batasnya.",
        ]),
    ],
}
