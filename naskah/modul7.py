"""Naskah modul 7: Grafik, dasbor & diseminasi. Run `cantik kursus tulis modul7` after editing."""

from _umum import pembuka, penutup

from cantik.checks.modul7 import PILIHAN_7A_TEKS
from cantik.authoring.cells import jawaban, kode, md, rubrik, tes, tulisan

M = "m7"

NOTEBOOKS = {
    "modul7_grafik_diseminasi": [
        *pembuka(
            M, "Modul 7 · Grafik, dasbor & diseminasi",
            tujuan=[
                "memilih jenis grafik yang cocok dengan pertanyaan;",
                "mengenali dan memperbaiki grafik yang menyesatkan (sumbu terpotong, jumlah bukan angka per "
                "penduduk, urutan acak, tanpa satuan dan sumber);",
                "menyusun dasbor sederhana layanan AMPUNKU;",
                "menyusun tabel bergaya \"… dalam Angka\".",
            ],
            pertanyaan=[
                "Bagaimana menyajikan data AMPUNKU supaya lurah dan warga membacanya dengan benar?",
                "Apa yang membuat sebuah grafik jujur atau menyesatkan?",
            ],
            durasi="90 menit",
        ),
        kode(f"{M}-muat", "ampunku = load(\"ampunku\")\npenduduk = load(\"penduduk\")\n"
             "print(ampunku.attrs[\"judul\"], \"-\", len(ampunku), \"perjalanan\")\nampunku.head()"),
        md(f"{M}-pilih", """## 1. Memilih grafik

| pertanyaan | grafik |
|---|---|
| perubahan menurut waktu | diagram garis |
| membandingkan kelompok (RT, posyandu) | diagram batang, diurutkan |
| sebaran satu variabel angka | histogram |
| hubungan dua variabel angka | diagram pencar |
| bagian dari keseluruhan (sedikit kategori) | diagram batang (lebih mudah dibaca daripada lingkaran) |

### Soal 7a
Lurah ingin melihat apakah pemakaian AMPUNKU naik atau turun dari bulan ke bulan selama setahun. Grafik mana
yang paling cocok? Simpan hurufnya di `pilihan_7a`.

""" + "  ".join(f"**{k}.** {v}" for k, v in PILIHAN_7A_TEKS.items())),
        jawaban(f"{M}-7a", "", "pilihan_7a = \"B\"", 'cek("7a", pilihan_7a)'),
        tes(f"{M}-7a-tes", "7a", "pilihan_7a"),
        md(f"{M}-7b-soal", """## 2. Dasbor AMPUNKU: perjalanan per bulan

### Soal 7b
Hitung banyaknya perjalanan AMPUNKU **per bulan** (Juli 2024 – Juni 2025), urut menurut waktu. Simpan di
`per_bulan`."""),
        jawaban(f"{M}-7b", "", "per_bulan = ampunku[\"tanggal\"].dt.to_period(\"M\").value_counts().sort_index()",
                'cek("7b", per_bulan)\nper_bulan'),
        tes(f"{M}-7b-tes", "7b", "per_bulan"),
        md(f"{M}-7c-soal", """### Soal 7c (grafik)
Gambar `per_bulan` sebagai **diagram garis**. Beri judul (apa, di mana, kapan) dan label kedua sumbu dengan
satuannya. Simpan gambarnya di `fig_bulanan`."""),
        jawaban(f"{M}-7c", "",
                "fig_bulanan, ax = plt.subplots(figsize=(8, 4))\n"
                "ax.plot(per_bulan.index.astype(str), per_bulan.to_numpy(), marker=\"o\")\n"
                "ax.set_title(\"Perjalanan AMPUNKU per bulan, Juli 2024 – Juni 2025 (data sintetis)\")\n"
                "ax.set_xlabel(\"Bulan\")\n"
                "ax.set_ylabel(\"Banyaknya perjalanan\")\n"
                "ax.set_ylim(bottom=0)\n"
                "ax.tick_params(axis=\"x\", rotation=45)",
                'cek("7c", fig_bulanan)\nplt.show()'),
        tes(f"{M}-7c-tes", "7c", "fig_bulanan"),
        md(f"{M}-menyesatkan", """## 3. Grafik jujur dan grafik menyesatkan

Grafik di bawah ini dibuat seorang petugas untuk rapat. Perhatikan masalahnya:

1. **Jumlah, bukan angka per penduduk**: RT yang penduduknya banyak tentu punya lebih banyak perjalanan.
2. **Sumbu terpotong**: sumbu tegak tidak mulai dari nol, sehingga selisih kecil tampak besar.
3. **Urutan acak**: pembaca harus mencari sendiri mana yang tertinggi.
4. **Tanpa satuan dan sumber**."""),
        kode(f"{M}-menyesatkan-grafik",
             "jumlah_rt = ampunku[\"rt\"].value_counts().sort_index()\n"
             "fig, ax = plt.subplots(figsize=(8, 3.5))\n"
             "ax.bar(jumlah_rt.index.astype(str), jumlah_rt.to_numpy(), color=\"#c0392b\")\n"
             "ax.set_ylim(jumlah_rt.min() - 5, jumlah_rt.max() + 2)  # sumbu terpotong!\n"
             "ax.set_title(\"AMPUNKU per RT\")\n"
             "plt.show()"),
        md(f"{M}-7d-soal", """### Soal 7d
Hitung banyaknya perjalanan AMPUNKU **per 1.000 penduduk** di setiap RT. Simpan di `laju_rt`."""),
        jawaban(f"{M}-7d", "",
                "laju_rt = ampunku[\"rt\"].value_counts() / penduduk[\"rt\"].value_counts() * 1000",
                'cek("7d", laju_rt)\nlaju_rt.sort_values(ascending=False).head()'),
        tes(f"{M}-7d-tes", "7d", "laju_rt"),
        md(f"{M}-7e-soal", """### Soal 7e (grafik)
Gambar ulang grafik petugas dengan jujur: **diagram batang** `laju_rt`, **diurutkan** menurut nilainya,
sumbu nilai **mulai dari nol**, label sumbu dengan **satuan** ("perjalanan per 1.000 penduduk"), judul, dan
nomor RT pada setiap batang. Simpan gambarnya di `fig_rt`."""),
        jawaban(f"{M}-7e", "",
                "urut = laju_rt.sort_values()\n"
                "fig_rt, ax = plt.subplots(figsize=(7, 7))\n"
                "ax.barh(urut.index.astype(str), urut.to_numpy(), color=\"#2e86c1\")\n"
                "ax.set_title(\"Perjalanan AMPUNKU per 1.000 penduduk menurut RT, Jul 2024 – Jun 2025\")\n"
                "ax.set_xlabel(\"Perjalanan per 1.000 penduduk\")\n"
                "ax.set_ylabel(\"RT\")\n"
                "fig_rt.text(0.01, 0.01, \"Sumber: catatan AMPUNKU dan data penduduk (data sintetis)\", "
                "fontsize=8)",
                'cek("7e", fig_rt)\nplt.show()'),
        tes(f"{M}-7e-tes", "7e", "fig_rt"),
        md(f"{M}-7f-soal", """## 4. Sebaran waktu tunggu

Rata-rata saja menyembunyikan warga yang menunggu sangat lama. **Histogram** memperlihatkan seluruh
sebarannya.

### Soal 7f (grafik)
Gambar histogram `waktu_tunggu_menit`. Label sumbu mendatar harus menyebut satuannya (menit). Simpan gambarnya
di `fig_tunggu`."""),
        jawaban(f"{M}-7f", "",
                "fig_tunggu, ax = plt.subplots(figsize=(7, 4))\n"
                "ax.hist(ampunku[\"waktu_tunggu_menit\"], bins=15, color=\"#27ae60\", edgecolor=\"white\")\n"
                "ax.set_title(\"Sebaran waktu tunggu AMPUNKU, Jul 2024 – Jun 2025\")\n"
                "ax.set_xlabel(\"Waktu tunggu (menit)\")\n"
                "ax.set_ylabel(\"Banyaknya perjalanan\")",
                'cek("7f", fig_tunggu)\nplt.show()'),
        tes(f"{M}-7f-tes", "7f", "fig_tunggu"),
        md(f"{M}-dasbor", """### Dasbor
Sel berikut menyatukan ketiga grafik Anda menjadi satu **dasbor** untuk lurah, lengkap dengan sumber data.
Jalankan saja."""),
        kode(f"{M}-dasbor-kode",
             "dasbor, (a1, a2, a3) = plt.subplots(1, 3, figsize=(15, 5.5))\n"
             "a1.plot(per_bulan.index.astype(str), per_bulan.to_numpy(), marker=\"o\")\n"
             "a1.set(title=\"Perjalanan per bulan\", ylabel=\"perjalanan\", ylim=(0, None))\n"
             "a1.tick_params(axis=\"x\", rotation=90)\n"
             "u = laju_rt.sort_values()\n"
             "a2.barh(u.index.astype(str), u.to_numpy())\n"
             "a2.set(title=\"Per 1.000 penduduk, menurut RT\", xlabel=\"perjalanan per 1.000 penduduk\", ylabel=\"RT\")\n"
             "a3.hist(ampunku[\"waktu_tunggu_menit\"], bins=15)\n"
             "a3.set(title=\"Waktu tunggu\", xlabel=\"menit\", ylabel=\"perjalanan\")\n"
             "dasbor.suptitle(\"Dasbor AMPUNKU Kelurahan Kandangan Utara, Jul 2024 – Jun 2025\")\n"
             "dasbor.text(0.01, 0.01, \"Sumber: catatan AMPUNKU dan data penduduk (data sintetis)\", fontsize=8)\n"
             "dasbor.tight_layout()\n"
             "plt.show()"),
        md(f"{M}-7g-soal", """## 5. Tabel bergaya "… dalam Angka"

Publikasi BPS "… dalam Angka" menyajikan tabel dengan judul bernomor, satuan, baris **Jumlah** di bawah, dan
sumber. Contoh: *Tabel 3.1 Jumlah Penduduk menurut RT dan Jenis Kelamin, Kelurahan Kandangan Utara, 2025*.

### Soal 7g
Buat tabel `tabel_penduduk` (DataFrame) dengan kolom `rt`, `laki_laki`, `perempuan`, `jumlah` dan
`rasio_jenis_kelamin` (L / P × 100), satu baris per RT, ditambah baris terakhir dengan `rt` = `"Jumlah"`
untuk seluruh kelurahan."""),
        jawaban(f"{M}-7g", "",
                "t = pd.crosstab(penduduk[\"rt\"], penduduk[\"jenis_kelamin\"])\n"
                "t = t.rename(columns={\"L\": \"laki_laki\", \"P\": \"perempuan\"})[[\"laki_laki\", \"perempuan\"]]\n"
                "t.loc[\"Jumlah\"] = t.sum()\n"
                "t[\"jumlah\"] = t[\"laki_laki\"] + t[\"perempuan\"]\n"
                "t[\"rasio_jenis_kelamin\"] = (t[\"laki_laki\"] / t[\"perempuan\"] * 100).round(1)\n"
                "tabel_penduduk = t.rename_axis(\"rt\").reset_index()\n"
                "tabel_penduduk.columns.name = None",
                'cek("7g", tabel_penduduk)\n'
                'print("Tabel 3.1 Jumlah Penduduk menurut RT dan Jenis Kelamin, Kelurahan Kandangan Utara, 2025")\n'
                'display(tabel_penduduk.tail())\nprint("Sumber: data penduduk Kelas Cantik (data sintetis)")'),
        tes(f"{M}-7g-tes", "7g", "tabel_penduduk"),
        md(f"{M}-7h-soal", """### Soal 7h (jawaban tertulis, dinilai pelatih)

Lurah akan menambah **satu armada AMPUNKU** dan bertanya RT mana yang paling membutuhkan. Petugas membawa
grafik "AMPUNKU per RT" di bagian 3. Tulis catatan untuk lurah (4–6 kalimat): apa yang menyesatkan dari grafik
itu, grafik mana dari dasbor Anda yang sebaiknya dipakai dan mengapa, dan satu hal yang **tidak** bisa
ditunjukkan data AMPUNKU tentang kebutuhan warga."""),
        rubrik(f"{M}-7h-rubrik", "Rubrik soal 7h", [
            ("Mengenali grafik menyesatkan", ["tidak ada", "satu masalah disebut",
                                             "dua masalah dengan akibatnya",
                                             "tiga atau lebih masalah dengan akibatnya"]),
            ("Memilih grafik yang tepat", ["tidak ada pilihan", "pilihan tanpa alasan",
                                          "pilihan dengan alasan umum",
                                          "pilihan dengan alasan dari data (per 1.000 penduduk, urutan)"]),
            ("Keterbatasan data layanan", ["tidak disebut", "disebut kabur", "satu keterbatasan yang tepat",
                                           "keterbatasan tepat dan usul data tambahan"]),
            ("Bahasa untuk pengambil keputusan", ["sulit dipahami", "banyak istilah teknis", "cukup jelas",
                                                  "jelas, singkat, angka dibulatkan secukupnya"]),
        ]),
        tulisan(f"{M}-7h", "Contoh jawaban: Grafik petugas menyesatkan: ia memakai jumlah perjalanan sehingga RT "
                "yang penduduknya banyak tampak paling membutuhkan, sumbunya dipotong sehingga selisih kecil "
                "tampak besar, dan urutannya acak. Sebaiknya dipakai grafik perjalanan per 1.000 penduduk yang "
                "diurutkan: RT 21 dan RT 11 paling sering memakai AMPUNKU dibanding jumlah penduduknya. "
                "Histogram waktu tunggu juga penting: bila banyak warga menunggu lebih dari 30 menit, armada "
                "tambahan bisa ditempatkan dekat RT itu. Namun data AMPUNKU hanya mencatat warga yang sudah "
                "memakai layanan; warga yang butuh tetapi tidak tahu atau tidak bisa menelepon tidak tercatat, "
                "jadi perlu ditanyakan juga ke ketua RT dan puskesmas.", poin=16),
        *penutup(M, [
            "Pilih grafik menurut pertanyaannya: waktu → garis, kelompok → batang terurut, sebaran → histogram.",
            "Diagram batang harus mulai dari nol; sumbu yang dipotong membesar-besarkan selisih.",
            "Bandingkan wilayah dengan angka per penduduk, bukan jumlah mentah.",
            "Setiap grafik dan tabel perlu judul (apa, di mana, kapan), satuan, dan sumber data.",
            "Tabel gaya \"… dalam Angka\" diakhiri baris Jumlah; rasio di baris itu dihitung dari totalnya.",
        ]),
    ],
}
