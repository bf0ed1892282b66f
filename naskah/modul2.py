"""Naskah modul 2: Struktur penduduk. Run `cantik kursus tulis modul2` after editing."""

from _umum import aplikasi_sel, pembuka, penutup, tempat

from cantik.authoring.cells import contoh_kode, jawaban, kode, md, tes
from cantik.authoring.numbers import angka, persen
from cantik.authoring.written import Contoh, Kriteria, Kunci, soal_tulisan
from cantik.checks import modul2 as F

M = "m2"
# Soal 2f: what the learner reads off the cumulative table (the median group's lower bound L, the cumulative
# count F before it, its count f), computed here so the model answer is the learner's.
_JUMLAH = F._kelompok_umur()
_POSISI = int((_JUMLAH.cumsum() >= _JUMLAH.sum() / 2).to_numpy().argmax())
L_2F, F_2F, f_2F = _POSISI * 5, int(_JUMLAH.cumsum().iloc[_POSISI - 1]), int(_JUMLAH.iloc[_POSISI])
MUDA = F._ind().dependency_ratio(F.tabel("penduduk")).young
TUA = F._ind().dependency_ratio(F.tabel("penduduk")).old
BALITA, ANAK_5_9, ANAK_10_14 = (F.fakta_kelompok(k) for k in ("0-4", "5-9", "10-14"))
UMUR_50_64, LANSIA_60 = F.fakta_umur(50, 64), F.fakta_umur(60)
A, B = F.TAHUN_DRIFT
#: Section 6 compares two definitions of "lansia": over the years of the lansia_tahunan table (2j) where the
#: place has it, else in today's penduduk table (variant 2k).
LANSIA_TAHUNAN = tempat.ada("lansia_tahunan")
if LANSIA_TAHUNAN:
    PROFIL_A, PROFIL_B = F._lansia("lansia_di_profil", A), F._lansia("lansia_di_profil", B)

#: The pyramid's base in the data: narrower than the two groups above it (Kandangan Utara, Malinau) or not (a
#: young place): the level-4 and level-3 examples of 2i say what the place's own pyramid shows.
MENYEMPIT = BALITA < ANAK_5_9 and BALITA < ANAK_10_14
RASIO_MUDA = ("memang jauh di atas" if MUDA > 1.5 * TUA else "di atas" if MUDA > TUA else "tidak lebih tinggi dari")

CONTOH_2I = [
    Contoh(4, f"Rasio ketergantungan muda ({angka(MUDA, 0)}) {RASIO_MUDA} rasio tua ({angka(TUA, 0)}), "
              "tetapi rasio muda menghitung semua anak 0–14 tahun, kebanyakan sudah sekolah. "
              + (f"Piramida justru "
                 f"menyempit di dasarnya: kelompok umur 0–4 tahun ({angka(BALITA)} anak) lebih kecil daripada "
                 f"kelompok 5–9 tahun ({angka(ANAK_5_9)}) dan 10–14 tahun ({angka(ANAK_10_14)}), jadi balita tidak "
                 "bertambah. Sebaliknya ada "
                 f"{angka(LANSIA_60)} warga berumur 60 tahun ke atas dan kelompok 50–64 tahun besar "
                 f"({angka(UMUR_50_64)} orang), sehingga lansia akan bertambah dalam sepuluh tahun ke depan. Saya merekomendasikan "
                 "posyandu lansia, dengan kegiatan balita tetap dijalankan posyandu yang ada. "
                 if MENYEMPIT else
                 f"Piramida masih lebar di dasarnya: kelompok umur 0–4 tahun ({angka(BALITA)} anak) tidak lebih "
                 f"kecil daripada kelompok 5–9 tahun ({angka(ANAK_5_9)}) dan 10–14 tahun ({angka(ANAK_10_14)}), jadi "
                 f"balita tetap banyak. Lansia 60 tahun ke atas ada {angka(LANSIA_60)} orang dan kelompok 50–64 "
                 f"tahun {angka(UMUR_50_64)} orang, sehingga lansia juga akan bertambah. Saya merekomendasikan "
                 "kelas PAUD dan kegiatan posyandu balita, dengan lansia tetap dilayani posyandu yang ada. ")
              + "Data ini tidak "
              "menunjukkan berapa lansia dan balita yang sudah terlayani; perlu data kunjungan posyandu.",
           [4, 4, 4, 4]),
    Contoh(3, f"Rasio muda {angka(MUDA, 0)} dan rasio tua {angka(TUA, 0)}. "
              + ("Balita (umur 0–4 tahun) lebih sedikit "
                 "daripada kelompok di atasnya, dan lansia akan bertambah, jadi posyandu lansia lebih perlu. "
                 if MENYEMPIT else
                 "Balita (umur 0–4 tahun) tidak lebih sedikit daripada kelompok di atasnya, jadi PAUD dan "
                 "posyandu balita lebih perlu. ")
              + "Kita belum tahu berapa lansia yang sudah dilayani puskesmas.", [3, 3, 3, 3]),
    Contoh(2, f"Rasio ketergantungan muda {angka(MUDA, 0)} lebih besar dari rasio tua, jadi anak-anak lebih "
              "banyak. Pilih PAUD dan posyandu balita. Data kurang lengkap." if MUDA > TUA else
              f"Rasio ketergantungan tua {angka(TUA, 0)} lebih besar dari rasio muda, jadi lansia lebih "
              "banyak. Pilih posyandu lansia. Data kurang lengkap.", [2, 2, 2, 3]),
    Contoh(1, "Menurut saya PAUD lebih penting karena anak-anak adalah masa depan.", [1, 1, 1, 2]),
]


def bagian_2j() -> list[dict]:
    """Question 2j: the elderly of two years counted with the same definition (table lansia_tahunan)."""
    return [
        kode(f"{M}-lansia-tabel", "lansia = load(\"lansia_tahunan\")\nlansia"),
        md(f"{M}-contoh-loc-md", "**Contoh → Coba: satu angka dari sebuah tabel.** `.loc[baris, kolom]` mengambil "
           "isian di baris berlabel itu dan kolom itu. Contoh ini memakai tabel penduduk per tahun."),
        contoh_kode(f"{M}-contoh-loc", """# .set_index("tahun"): kolom tahun menjadi label baris
tahunan = load("penduduk_tahunan").set_index("tahun")
# .loc[2020, "jumlah_penduduk"]: baris berlabel 2020, kolom jumlah_penduduk
print("Penduduk 2020:", tahunan.loc[2020, "jumlah_penduduk"])
print("Penduduk 2025:", tahunan.loc[2025, "jumlah_penduduk"])"""),
        md(f"{M}-2j-soal", f"""### Soal 2j
Berapa **persen kenaikan** lansia dari {A} ke {B} bila keduanya dihitung dengan definisi yang **sama**, yaitu
60 tahun ke atas? Simpan di `kenaikan_lansia`."""),
        jawaban(f"{M}-2j", "t = lansia.set_index(\"tahun\")",
                f"kenaikan_lansia = (t.loc[{B}, \"umur_60_ke_atas\"] - t.loc[{A}, \"umur_60_ke_atas\"]) "
                f"/ t.loc[{A}, \"umur_60_ke_atas\"] * 100",
                'cek("2j", kenaikan_lansia)\nprint(round(kenaikan_lansia, 1))'),
        tes(f"{M}-2j-tes", "2j", "kenaikan_lansia"),
    ]


def bagian_2k() -> list[dict]:
    """Question 2k, the variant of 2j for a place without lansia_tahunan: the same two definitions and the
    same percent calculation, on today's penduduk table."""
    return [
        kode(f"{M}-lansia-hitung", "lansia_60 = (penduduk[\"umur\"] >= 60).sum()\n"
             "lansia_65 = (penduduk[\"umur\"] >= 65).sum()\n"
             "print(\"Lansia 60 tahun ke atas:\", lansia_60, \"  65 tahun ke atas:\", lansia_65)"),
        md(f"{M}-2k-soal", """### Soal 2k
Bila lansia dihitung dengan batas **60 tahun** (Undang-Undang Nomor 13 Tahun 1998), berapa **persen lebih
banyak** lansianya dibanding bila dihitung dengan batas **65 tahun**? Persen lebih banyak = (angka 60+ − angka
65+) / angka 65+ × 100. Simpan di `selisih_definisi`."""),
        jawaban(f"{M}-2k", "", "selisih_definisi = (lansia_60 - lansia_65) / lansia_65 * 100",
                'cek("2k", selisih_definisi)\nprint(round(selisih_definisi, 1))'),
        tes(f"{M}-2k-tes", "2k", "selisih_definisi"),
    ]

NOTEBOOKS = {
    "modul2_struktur_penduduk": [
        *pembuka(
            M, "Modul 2 · Struktur penduduk",
            tujuan=[
                "menghitung dan menafsirkan rasio jenis kelamin;",
                "membagi penduduk ke kelompok umur dan menghitung rasio ketergantungan (total, muda, tua);",
                "menggambar dan membaca piramida penduduk;",
                "menghitung median umur dari data mentah dan dari data berkelompok;",
                "menjelaskan kapan rata-rata dan median berbeda;",
                "mengenali perubahan definisi (lansia 60+ atau 65+) sebelum membandingkan dua angka.",
            ],
            pertanyaan=[
                f"Seperti apa susunan umur dan jenis kelamin penduduk {tempat.nama}?",
                "Berapa banyak penduduk yang 'ditanggung' oleh penduduk usia produktif, dan apa artinya bagi "
                f"program {tempat.jenis}?",
            ],
            durasi="1 jam 55 menit",
        ),
        kode(f"{M}-muat", "penduduk = load(\"penduduk\")\nprint(penduduk.attrs[\"judul\"], \"-\", len(penduduk), "
             "\"orang\")\npenduduk[[\"jenis_kelamin\", \"umur\"]].describe(include=\"all\")"),
        md(f"{M}-rasio-jk", """## 1. Rasio jenis kelamin

**Rasio jenis kelamin** = banyaknya laki-laki per 100 perempuan:

**rasio jenis kelamin = laki-laki / perempuan × 100**

Bagian atas pecahan disebut **pembilang** (di sini: banyaknya laki-laki), bagian bawah **penyebut** (banyaknya
perempuan). Angka 100 berarti seimbang; di atas 100 berarti laki-laki lebih banyak.

### Soal 2a
Hitung sendiri, langkah demi langkah:

1. banyaknya penduduk laki-laki (`jenis_kelamin` = "L"); simpan di `laki_laki` (pembilang);
2. banyaknya penduduk perempuan ("P"); simpan di `perempuan` (penyebut);
3. rasio jenis kelamin; simpan di `rasio_jk`.

`cek` memeriksa pembilang, penyebut dan hasilnya masing-masing. (Mulai soal berikutnya Anda boleh memakai
`ind.rasio_jenis_kelamin(penduduk)`, yang menghitung hal yang sama.)"""),
        jawaban(f"{M}-2a", "",
                "laki_laki = (penduduk[\"jenis_kelamin\"] == \"L\").sum()\n"
                "perempuan = (penduduk[\"jenis_kelamin\"] == \"P\").sum()\n"
                "rasio_jk = laki_laki / perempuan * 100",
                'cek("2a", rasio_jk, pembilang=laki_laki, penyebut=perempuan)\nprint(round(rasio_jk, 1))'),
        tes(f"{M}-2a-tes", "2a", "rasio_jk", bagian={"pembilang": "laki_laki", "penyebut": "perempuan"}),
        md(f"{M}-ketergantungan", """## 2. Rasio ketergantungan

Penduduk dibagi tiga: **muda** (0–14 tahun), **produktif** (15–64 tahun) dan **tua** (65 tahun ke atas).

- Rasio ketergantungan total = (muda + tua) / produktif × 100
- Rasio ketergantungan muda = muda / produktif × 100
- Rasio ketergantungan tua = tua / produktif × 100

Angka 50 berarti setiap 100 orang usia produktif "menanggung" 50 orang usia tidak produktif.

### Soal 2b
Hitung rasio ketergantungan **total** sendiri:

1. pembilang: banyaknya penduduk umur 0–14 **ditambah** umur 65 tahun ke atas; simpan di `bukan_produktif`;
2. penyebut: banyaknya penduduk umur 15–64; simpan di `produktif`;
3. rasionya; simpan di `rasio_ketergantungan`."""),
        jawaban(f"{M}-2b", "umur = penduduk[\"umur\"]",
                "bukan_produktif = (umur <= 14).sum() + (umur >= 65).sum()\n"
                "produktif = umur.between(15, 64).sum()\n"
                "rasio_ketergantungan = bukan_produktif / produktif * 100",
                'cek("2b", rasio_ketergantungan, pembilang=bukan_produktif, penyebut=produktif)'),
        tes(f"{M}-2b-tes", "2b", "rasio_ketergantungan",
            bagian={"pembilang": "bukan_produktif", "penyebut": "produktif"}),
        md(f"{M}-2c-soal", "### Soal 2c\n\nSekarang Anda sudah tahu cara menghitungnya, jadi boleh memakai fungsi "
           "`ind.rasio_ketergantungan(penduduk)`: hasilnya punya tiga angka, `.total`, `.muda` dan `.tua`. Hitung "
           "rasio ketergantungan **tua** (65 tahun ke atas). Simpan di `rasio_tua`."),
        jawaban(f"{M}-2c", "", "rasio_tua = ind.rasio_ketergantungan(penduduk).tua", 'cek("2c", rasio_tua)'),
        tes(f"{M}-2c-tes", "2c", "rasio_tua"),
        md(f"{M}-kelompok", """## 3. Kelompok umur dan piramida penduduk

Umur dikelompokkan lima tahunan: 0-4, 5-9, …, 70-74, dan 75+ (terbuka).

### Soal 2d
Hitung **banyaknya orang** di setiap kelompok umur lima tahunan. Simpan di `jumlah_per_kelompok`."""),
        jawaban(f"{M}-2d", "", "jumlah_per_kelompok = ind.kelompok_umur(penduduk[\"umur\"]).value_counts(sort=False)",
                'cek("2d", jumlah_per_kelompok)\njumlah_per_kelompok'),
        tes(f"{M}-2d-tes", "2d", "jumlah_per_kelompok"),
        md(f"{M}-contoh-dua-arah-md", """**Contoh → Coba: diagram batang dua arah.** Piramida penduduk adalah dua diagram
batang **mendatar** yang saling membelakangi. Contoh di bawah memakai cara yang sama untuk pendidikan
tertinggi menurut jenis kelamin: laki-laki diberi tanda minus supaya batangnya ke kiri."""),
        contoh_kode(f"{M}-contoh-dua-arah", f"""# pd.crosstab(baris, kolom) membuat tabel silang: baris = pendidikan tertinggi,
# kolom = jenis kelamin (L, P), isi = banyaknya orang
tabel_pendidikan = pd.crosstab(penduduk["pendidikan_tertinggi"], penduduk["jenis_kelamin"])
# Label setiap batang: .index adalah label baris tabel (nama pendidikan), .astype(str) menjadikannya teks
label = tabel_pendidikan.index.astype(str)
fig, ax = plt.subplots(figsize=(7, 4))
# ax.barh menggambar batang mendatar. Angka laki-laki diberi tanda minus, jadi batangnya ke KIRI
ax.barh(label, -tabel_pendidikan["L"], color="#3a7dc9", label="Laki-laki")
# Angka perempuan positif, jadi batangnya ke KANAN
ax.barh(label, tabel_pendidikan["P"], color="#e07b91", label="Perempuan")
ax.set_title("Pendidikan tertinggi menurut jenis kelamin, {tempat.nama} 2025 ({tempat.ket_data})")
ax.set_xlabel("Jumlah orang (kiri: laki-laki, kanan: perempuan)")
ax.set_ylabel("Pendidikan tertinggi")
# ax.legend() menampilkan keterangan warna, diambil dari label=... di atas
ax.legend()
plt.show()"""),
        md(f"{M}-2g-soal", """### Soal 2g (grafik)
Gambar **piramida penduduk**: kelompok umur di sumbu tegak, laki-laki ke kiri (nilai negatif), perempuan ke
kanan. Beri judul yang menyebut tempat dan tahun, serta label kedua sumbu. Simpan gambarnya di `fig`."""),
        jawaban(f"{M}-2g", "kelompok = ind.kelompok_umur(penduduk[\"umur\"])\n"
                "tabel_piramida = pd.crosstab(kelompok, penduduk[\"jenis_kelamin\"])\n"
                "# Ikuti contoh diagram pendidikan di atas: ganti tabel_pendidikan dengan tabel_piramida,\n"
                "# lalu sesuaikan judul (tempat dan tahun) dan label kedua sumbu.",
                "fig, ax = plt.subplots(figsize=(7, 6))\n"
                "label = tabel_piramida.index.astype(str)\n"
                "ax.barh(label, -tabel_piramida[\"L\"], color=\"#3a7dc9\", label=\"Laki-laki\")\n"
                "ax.barh(label, tabel_piramida[\"P\"], color=\"#e07b91\", label=\"Perempuan\")\n"
                f"ax.set_title(\"Piramida penduduk {tempat.nama}, 2025 ({tempat.ket_data})\")\n"
                "ax.set_xlabel(\"Jumlah penduduk (kiri: laki-laki, kanan: perempuan)\")\n"
                "ax.set_ylabel(\"Kelompok umur (tahun)\")\n"
                "ax.legend()",
                'cek("2g", fig)\nplt.show()'),
        tes(f"{M}-2g-tes", "2g", "fig"),
        *aplikasi_sel(f"{M}-aplikasi-profil", "profil",
                      f"Bandingkan piramida penduduk {tempat.nama} dengan piramida Taluk Haur dan Gambah Luar, "
                      "dalam jumlah orang dan dalam persen: di mana alasnya melebar, di mana menyempit?"),
        md(f"{M}-median", """## 4. Median umur

**Median** adalah nilai tengah setelah data diurutkan: separuh penduduk lebih muda, separuh lebih tua.

### Soal 2e
Hitung median umur dari data umur satu per satu. Simpan di `median_umur`."""),
        jawaban(f"{M}-2e", "", "median_umur = ind.median_umur(penduduk)", 'cek("2e", median_umur)'),
        tes(f"{M}-2e-tes", "2e", "median_umur"),
        md(f"{M}-2f-soal", """Publikasi sering hanya menyajikan jumlah penduduk per kelompok umur. Median lalu
dihitung dengan rumus data berkelompok:

median ≈ L + ((n/2 − F) / f) × i

L = batas bawah kelompok yang memuat orang ke-n/2, F = jumlah kumulatif sebelum kelompok itu, f = jumlah di
kelompok itu, i = lebar kelompok (5 tahun).

Sel berikut menampilkan jumlah per kelompok dan jumlah kumulatifnya (jumlah sampai kelompok itu). Jalankan,
lalu cari kelompok **pertama** yang kumulatifnya mencapai n/2."""),
        kode(f"{M}-kumulatif", "n = jumlah_per_kelompok.sum()\nprint(\"n =\", n, \"  n/2 =\", n / 2)\n"
             "pd.DataFrame({\"jumlah\": jumlah_per_kelompok, \"kumulatif\": jumlah_per_kelompok.cumsum()})"),
        md(f"{M}-2f-langkah", """### Soal 2f
Dari tabel di atas, tulis `L` (batas bawah kelompok median), `F` (kumulatif kelompok **sebelumnya**) dan `f`
(jumlah di kelompok median). Lalu hitung median umur dengan rumus di atas. Simpan di `median_kelompok`."""),
        jawaban(f"{M}-2f", "",
                f"L = {L_2F}  # batas bawah kelompok median (dibaca dari tabel)\n"
                f"F = {F_2F}  # kumulatif kelompok sebelumnya\n"
                f"f = {f_2F}  # jumlah di kelompok median\n"
                "median_kelompok = L + (n / 2 - F) / f * 5",
                'cek("2f", median_kelompok, L=L, F=F, f=f)\nprint(round(median_umur, 1), round(median_kelompok, 1))'),
        tes(f"{M}-2f-tes", "2f", "median_kelompok", bagian={"L": "L", "F": "F", "f": "f"}),
        md(f"{M}-rata", """## 5. Rata-rata atau median?

Rata-rata (mean) ikut "tertarik" oleh nilai yang sangat besar. Bila sebaran data miring (banyak anak-anak,
sedikit lansia yang sangat tua; atau pengeluaran beberapa keluarga kaya), rata-rata dan median bisa berbeda
jauh. Median lebih tahan terhadap nilai ekstrem.

### Soal 2h
Hitung rata-rata umur. Simpan di `rata_umur`, lalu bandingkan dengan `median_umur`."""),
        jawaban(f"{M}-2h", "", "rata_umur = penduduk[\"umur\"].mean()",
                'cek("2h", rata_umur)\nprint(round(rata_umur, 1), round(median_umur, 1))'),
        tes(f"{M}-2h-tes", "2h", "rata_umur"),
        md(f"{M}-lansia", f"""## 6. Siapa yang disebut lansia? Definisi yang berubah

Rasio ketergantungan BPS memakai batas **65 tahun**. Tetapi *lansia* menurut Undang-Undang Nomor 13 Tahun
1998 tentang Kesejahteraan Lanjut Usia, dan dalam publikasi BPS tentang penduduk lanjut usia, adalah
**60 tahun ke atas** (soal 1j juga memakai 60). Keduanya benar untuk tujuannya masing-masing, tetapi angka
dengan batas berbeda **tidak boleh dibandingkan** begitu saja.

""" + (f"""Profil {tempat.nama} menulis {angka(PROFIL_A)} lansia pada {A} dan {angka(PROFIL_B)} lansia pada {B}: naik
{persen(F._kenaikan("lansia_di_profil"))}. Lihat kolom `batas_umur_profil` di tabel berikut.""" if LANSIA_TAHUNAN
               else """Laporan yang satu bisa menghitung lansia dengan batas 60 tahun, laporan yang lain dengan batas 65
tahun. Sel di bawah menghitung keduanya dari tabel penduduk.""")),
        *(bagian_2j() if LANSIA_TAHUNAN else bagian_2k()),
        md(f"{M}-2i-soal", f"""### Soal 2i (jawaban tertulis, dinilai pelatih)

{tempat.dana} tahun depan hanya cukup untuk **satu** program baru yang diusulkan lewat {tempat.musrenbang}:
(a) menambah kelas PAUD dan kegiatan posyandu balita, atau (b) membentuk posyandu lansia di setiap RW. Dengan
rasio ketergantungan muda dan tua, piramida penduduk dan jumlah lansia di atas, tulis rekomendasi Anda
(4–6 kalimat). Sebutkan juga satu hal yang **tidak** bisa dijawab oleh data ini."""),
        *soal_tulisan(f"{M}-2i", "2i", [
            Kriteria("Memakai bukti dari data", ["tidak ada angka", "angka tanpa penjelasan",
                                                 "angka rasio muda/tua dipakai dengan benar",
                                                 "angka rasio dan bentuk piramida dipakai dan dibandingkan"]),
            Kriteria("Penalaran menuju keputusan", ["rekomendasi tanpa alasan", "alasan umum",
                                                    "alasan mengikuti dari data", "alasan jelas dan menimbang kedua "
                                                    "pilihan (mis. arah perubahan ke depan)"]),
            Kriteria("Keterbatasan data", ["tidak disebut", "disebut kabur", "satu keterbatasan yang tepat",
                                           "keterbatasan tepat dan usul data tambahan (mis. kebutuhan layanan, "
                                           "jarak, biaya)"]),
            Kriteria("Bahasa untuk pengambil keputusan", ["sulit dipahami", "banyak istilah teknis", "cukup jelas",
                                                          "jelas, singkat, angka dibulatkan secukupnya"]),
        ], CONTOH_2I, [
            Kunci("Rasio ketergantungan muda", MUDA, 1, desimal=1),
            Kunci("Rasio ketergantungan tua", TUA, 1, desimal=1),
            Kunci("Anak 0–4 tahun", BALITA, 0),
            Kunci("Anak 5–9 tahun", ANAK_5_9, 0),
            Kunci("Penduduk 60 tahun ke atas", LANSIA_60, 0),
        ]),
        *penutup(M, [
            "Rasio jenis kelamin = L / P × 100 (laki-laki per 100 perempuan).",
            "Rasio ketergantungan membagi dengan penduduk 15–64 tahun, **bukan** dengan seluruh penduduk.",
            "Piramida penduduk menunjukkan struktur umur sekaligus arah perubahan ke depan.",
            "Median dari data berkelompok hanya perkiraan (rumus L + ((n/2 − F) / f) × i).",
            "Rata-rata peka terhadap nilai ekstrem; median lebih tahan.",
            "Lansia bisa 60+ atau 65+: bandingkan dua angka hanya bila definisinya sama.",
        ]),
    ],
}
