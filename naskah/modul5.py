"""Naskah modul 5: Kemiskinan. Run `cantik kursus tulis modul5` after editing."""

from _umum import pembuka, penutup

from cantik.authoring.cells import jawaban, kode, md, rubrik, tes, tulisan

M = "m5"

NOTEBOOKS = {
    "modul5_kemiskinan": [
        *pembuka(
            M, "Modul 5 · Kemiskinan",
            tujuan=[
                "menghitung garis kemiskinan (GK) dari GK makanan dan GK bukan makanan;",
                "menghitung P0, P1 dan P2 dari pengeluaran per kapita keluarga;",
                "membedakan penghitungan per orang dan per keluarga;",
                "menjelaskan mengapa median pengeluaran lebih mewakili daripada rata-rata;",
                "membaca kasus 'P0 turun, tetapi P1 dan P2 naik' dan membedakan persen dengan poin persen.",
            ],
            pertanyaan=[
                "Berapa banyak warga Kandangan Utara yang hidup di bawah garis kemiskinan, dan seberapa jauh?",
                "Apakah angka kemiskinan yang turun selalu berarti keadaan membaik?",
            ],
            durasi="90 menit",
        ),
        kode(f"{M}-muat", "keluarga = load(\"keluarga\")\nprint(keluarga.attrs[\"judul\"], \"-\", len(keluarga), "
             "\"keluarga\")\nkeluarga[[\"rt\", \"jumlah_anggota\", \"pengeluaran_per_kapita\"]].head()"),
        md(f"{M}-gk", """## 1. Garis kemiskinan

BPS mengukur kemiskinan dengan pendekatan **kebutuhan dasar**: seseorang disebut miskin bila **pengeluaran
per kapita per bulan** keluarganya di bawah **garis kemiskinan (GK)**.

**GK = GK makanan + GK bukan makanan** (rupiah per kapita per bulan). GK makanan adalah nilai paket makanan
setara 2.100 kkal per orang per hari; GK bukan makanan untuk perumahan, pendidikan, kesehatan, pakaian, dan
lain-lain.

Di modul ini kita memakai GK Kalimantan Selatan September 2024 yang dilaporkan sebesar Rp 644.107. Pembagiannya
untuk latihan (perkiraan, bukan angka resmi): **GK makanan Rp 490.389** dan **GK bukan makanan Rp 153.718**.

### Soal 5a
Hitung garis kemiskinan. Simpan di `garis_kemiskinan`."""),
        jawaban(f"{M}-5a", "", "garis_kemiskinan = ind.poverty_line(490389, 153718)",
                'cek("5a", garis_kemiskinan)'),
        tes(f"{M}-5a-tes", "5a", "garis_kemiskinan"),
        md(f"{M}-p0", """## 2. Persentase penduduk miskin (P0)

Tabel `keluarga` berisi satu baris per Kartu Keluarga: `jumlah_anggota` dan `pengeluaran_per_kapita`
(pengeluaran keluarga dibagi jumlah anggota). Semua anggota keluarga miskin dihitung sebagai orang miskin.

**P0 = banyaknya ORANG miskin / seluruh penduduk × 100.** BPS menghitung per orang, bukan per keluarga:
keluarga miskin cenderung beranggota lebih banyak, sehingga persen keluarga miskin biasanya lebih kecil daripada
persen orang miskin.

### Soal 5b
Hitung P0 (persen orang). Simpan di `p0`."""),
        jawaban(f"{M}-5b", "", "p0 = ind.poverty_indices(keluarga, garis_kemiskinan, weights=\"jumlah_anggota\").p0",
                'cek("5b", p0)\nprint(round(p0, 2))'),
        tes(f"{M}-5b-tes", "5b", "p0"),
        md(f"{M}-5c-soal", "### Soal 5c\n\nBerapa **orang** miskin di Kandangan Utara? Simpan di "
           "`jumlah_orang_miskin`. Bandingkan dengan banyaknya keluarga miskin."),
        jawaban(f"{M}-5c", "",
                "miskin = keluarga[keluarga[\"pengeluaran_per_kapita\"] < garis_kemiskinan]\n"
                "jumlah_orang_miskin = miskin[\"jumlah_anggota\"].sum()",
                'cek("5c", jumlah_orang_miskin)\nprint(jumlah_orang_miskin, "orang dalam", len(miskin), "keluarga")'),
        tes(f"{M}-5c-tes", "5c", "jumlah_orang_miskin"),
        md(f"{M}-p1p2", """## 3. Kedalaman (P1) dan keparahan (P2)

P0 hanya menghitung **berapa banyak** orang di bawah GK, tidak **seberapa jauh**. Untuk setiap orang miskin
dengan pengeluaran per kapita y, jarak relatifnya ke GK adalah (GK − y) / GK; orang tidak miskin jaraknya 0.

- **P1 (indeks kedalaman)** = rata-rata jarak itu atas **seluruh** penduduk × 100.
- **P2 (indeks keparahan)** = rata-rata jarak **kuadrat** atas seluruh penduduk × 100; orang yang paling
  jauh dari GK mendapat bobot terbesar.

`ind.poverty_indices(...)` memberi ketiganya: `.p0`, `.p1`, `.p2`.

### Soal 5d
Hitung P1 (per orang). Simpan di `p1`."""),
        jawaban(f"{M}-5d", "",
                "p1 = ind.poverty_indices(keluarga, garis_kemiskinan, weights=\"jumlah_anggota\").p1",
                'cek("5d", p1)'),
        tes(f"{M}-5d-tes", "5d", "p1"),
        md(f"{M}-5e-soal", "### Soal 5e\n\nHitung P2 (per orang). Simpan di `p2`."),
        jawaban(f"{M}-5e", "", "p2 = ind.poverty_indices(keluarga, garis_kemiskinan, weights=\"jumlah_anggota\").p2", 'cek("5e", p2)\nprint(round(p1, 3), round(p2, 3))'),
        tes(f"{M}-5e-tes", "5e", "p2"),
        md(f"{M}-median", """## 4. Rata-rata atau median pengeluaran?

Pengeluaran per kapita sebarannya **miring ke kanan**: sebagian besar keluarga berpengeluaran sedang, sedikit
keluarga berpengeluaran sangat besar. Beberapa keluarga kaya menarik **rata-rata** ke atas, sedangkan
**median** (nilai tengah) tidak terpengaruh.

### Soal 5f
Hitung median pengeluaran per kapita keluarga. Simpan di `median_pengeluaran`."""),
        jawaban(f"{M}-5f", "", "median_pengeluaran = keluarga[\"pengeluaran_per_kapita\"].median()",
                'cek("5f", median_pengeluaran)\n'
                'print("rata-rata:", round(keluarga["pengeluaran_per_kapita"].mean()), "median:", median_pengeluaran)'),
        tes(f"{M}-5f-tes", "5f", "median_pengeluaran"),
        md(f"{M}-5g-soal", """### Soal 5g
Berapa **persen keluarga** yang pengeluaran per kapitanya **di bawah rata-rata**? Simpan di
`persen_di_bawah_rata`. Bila lebih dari 50 %, rata-rata tidak menggambarkan keluarga "biasa"."""),
        jawaban(f"{M}-5g", "",
                "rata_rata = keluarga[\"pengeluaran_per_kapita\"].mean()\n"
                "persen_di_bawah_rata = (keluarga[\"pengeluaran_per_kapita\"] < rata_rata).mean() * 100",
                'cek("5g", persen_di_bawah_rata)'),
        tes(f"{M}-5g-tes", "5g", "persen_di_bawah_rata"),
        md(f"{M}-hss", """## 5. Angka utama bisa menyembunyikan kedalaman

Kemiskinan Kab. Hulu Sungai Selatan (HSS) dilaporkan **turun** dari 4,54 % (2022) ke 4,01 % (2023), tetapi
indeks kedalaman dan keparahan dilaporkan **naik**. Tabel berikut memakai P0 yang dilaporkan (perkiraan);
**angka P1 dan P2 di sini hanya ilustrasi** yang arahnya mengikuti laporan, bukan angka resmi.

| Kab. HSS | P0 (%) | P1 | P2 |
|---|---|---|---|
| 2022 | 4,54 | 0,62 | 0,13 |
| 2023 | 4,01 | 0,71 | 0,17 |

Ingat: dari 4,54 % ke 4,01 % adalah turun **0,53 poin persen**, atau turun sekitar **11,7 persen**.

### Soal 5h
Berapa **perubahan persen** P1 dari 2022 ke 2023? Simpan di `perubahan_persen_p1`."""),
        jawaban(f"{M}-5h", "", "perubahan_persen_p1 = ind.percent_change(0.62, 0.71)",
                'cek("5h", perubahan_persen_p1)'),
        tes(f"{M}-5h-tes", "5h", "perubahan_persen_p1"),
        md(f"{M}-5i-soal", "### Soal 5i\n\nIndikator mana saja yang **naik** (memburuk) dari 2022 ke 2023? Tulis "
           "sebagai list di `indikator_naik`, misalnya `[\"P0\"]`."),
        jawaban(f"{M}-5i", "", "indikator_naik = [\"P1\", \"P2\"]", 'cek("5i", indikator_naik)'),
        tes(f"{M}-5i-tes", "5i", "indikator_naik"),
        md(f"{M}-5j-soal", """### Soal 5j (jawaban tertulis, dinilai pelatih)

Dalam rapat Musrenbang, seorang peserta berkata: *"Kemiskinan sudah turun, jadi anggaran bantuan pangan untuk
keluarga paling miskin bisa dialihkan ke pembangunan jalan."* Dengan P0, P1 dan P2 (dari tabel HSS dan dari
hitungan Anda untuk Kandangan Utara), tulis tanggapan Anda (4–6 kalimat). Gunakan istilah persen dan poin
persen dengan benar, dan sebutkan satu data tambahan yang Anda perlukan sebelum memutuskan."""),
        rubrik(f"{M}-5j-rubrik", "Rubrik soal 5j", [
            ("Memakai bukti dari data", ["tidak ada angka", "hanya P0", "P0 dan P1/P2 dipakai",
                                         "P0, P1, P2 dipakai dan dibandingkan dengan tepat"]),
            ("Persen dan poin persen", ["tidak dibedakan / keliru", "disebut tetapi kabur",
                                        "satu perubahan ditulis dengan benar",
                                        "poin persen dan persen keduanya tepat"]),
            ("Penalaran menuju keputusan", ["pendapat tanpa alasan", "alasan umum",
                                            "alasan mengikuti dari P1/P2",
                                            "menimbang kedua pilihan dan siapa yang terdampak"]),
            ("Keterbatasan dan data tambahan", ["tidak disebut", "disebut kabur", "satu data tambahan yang tepat",
                                                "data tambahan tepat dengan alasannya (mis. siapa di bawah GK, "
                                                "sebaran per RT)"]),
        ]),
        tulisan(f"{M}-5j", "Contoh jawaban: P0 HSS memang turun 0,53 poin persen (sekitar 11,7 persen), tetapi P1 "
                "naik sekitar 14,5 persen dan P2 juga naik. Artinya orang miskin berkurang, tetapi yang tersisa "
                "makin jauh di bawah garis kemiskinan. Di Kandangan Utara sekitar 4 % penduduk (sekitar 300 orang) "
                "di bawah GK. Bantuan pangan bagi yang paling miskin justru paling dibutuhkan sekarang, jadi "
                "sebaiknya tidak dialihkan seluruhnya. Sebelum memutuskan, saya perlu data siapa dan di RT mana "
                "keluarga yang pengeluarannya jauh di bawah GK.", poin=16),
        *penutup(M, [
            "GK = GK makanan + GK bukan makanan, dalam rupiah per kapita per bulan.",
            "P0 dihitung per ORANG (bobot jumlah anggota keluarga), bukan per keluarga.",
            "P1 dan P2 dibagi SELURUH penduduk; P1 mengukur kedalaman, P2 keparahan.",
            "Pengeluaran sebarannya miring: median lebih mewakili keluarga biasa daripada rata-rata.",
            "P0 bisa turun sementara P1 dan P2 naik: angka utama bisa menyembunyikan kedalaman.",
            "4,54 % → 4,01 % = turun 0,53 poin persen = turun sekitar 11,7 persen.",
        ]),
    ],
}
