"""Naskah modul 5: Kemiskinan. Run `cantik kursus tulis modul5` after editing."""

from _umum import aplikasi_sel, pembuka, penutup, tempat

from cantik.authoring.cells import jawaban, kode, md, tes
from cantik.authoring.numbers import angka, persen, rupiah
from cantik.authoring.written import Contoh, Kriteria, Kunci, soal_tulisan
from cantik.checks import modul5 as F
from cantik.checks.core import ambil

M = "m5"
GK = F.GK_MAKANAN + F.GK_BUKAN_MAKANAN
H22, H23 = F.HSS[2022], F.HSS[2023]
P0_KU = ambil("5b").nilai_harapan()
ORANG_MISKIN = ambil("5c").nilai_harapan()
ORANG_MISKIN_2022 = ambil("5k").nilai_harapan()
TANPA_BANSOS, KEL_MISKIN, TIDAK_MISKIN_TERIMA, PENERIMA = F._bansos()
P1_NAIK = ambil("5h").nilai_harapan()

CONTOH_5J = [
    Contoh(4, f"P0 HSS memang turun {angka(H22['P0'] - H23['P0'], 2)} poin persen (sekitar "
              f"{angka((H22['P0'] - H23['P0']) / H22['P0'] * 100, 1)} persen), tetapi P1 naik sekitar "
              f"{angka(P1_NAIK, 1)} persen dan P2 juga naik. Artinya orang miskin berkurang, tetapi yang tersisa "
              f"makin jauh di bawah garis kemiskinan. Di {tempat.nama} sekitar {persen(P0_KU, 1)} penduduk "
              f"(sekitar {angka(round(ORANG_MISKIN, -1))} orang) di bawah GK. Bantuan pangan bagi yang paling "
              "miskin justru paling dibutuhkan sekarang, jadi sebaiknya tidak dialihkan seluruhnya. Sebelum "
              "memutuskan, saya perlu data siapa dan di RT mana keluarga yang pengeluarannya jauh di bawah GK, "
              "dan peringkat kesejahteraan mereka di DTSEN.", [4, 4, 4, 4]),
    Contoh(3, f"P0 turun dari {persen(H22['P0'], 2)} ke {persen(H23['P0'], 2)}, tetapi P1 dan P2 naik, jadi "
              "kemiskinan makin dalam. Bantuan pangan sebaiknya tetap ada. Perlu data keluarga miskin per RT.",
           [3, 2, 3, 3]),
    Contoh(2, f"Kemiskinan turun {angka(H22['P0'] - H23['P0'], 2)}%, tetapi masih ada orang miskin, jadi bantuan "
              "tetap perlu.", [2, 1, 2, 1]),
    Contoh(1, "Setuju, jalan juga penting untuk warga.", [1, 1, 1, 1]),
]

NOTEBOOKS = {
    "modul5_kemiskinan": [
        *pembuka(
            M, "Modul 5 · Kemiskinan",
            tujuan=[
                "menghitung garis kemiskinan (GK) dari GK makanan dan GK bukan makanan;",
                "menghitung P0, P1 dan P2 dari pengeluaran per kapita keluarga;",
                "membedakan penghitungan per orang dan per keluarga;",
                "menjelaskan mengapa median pengeluaran lebih mewakili daripada rata-rata;",
                "membaca kasus 'P0 turun, tetapi P1 dan P2 naik' dan membedakan persen dengan poin persen;",
                "memeriksa ketepatan sasaran bantuan sosial (kesalahan eksklusi dan inklusi).",
            ],
            pertanyaan=[
                f"Berapa banyak warga {tempat.nama} yang hidup di bawah garis kemiskinan, dan seberapa jauh?",
                "Apakah angka kemiskinan yang turun selalu berarti keadaan membaik?",
                "Apakah bantuan sosial sampai kepada keluarga yang paling membutuhkan?",
            ],
            durasi="2 jam 5 menit",
        ),
        kode(f"{M}-muat", "keluarga = load(\"keluarga\")\nprint(keluarga.attrs[\"judul\"], \"-\", len(keluarga), "
             "\"keluarga\")\nkeluarga[[\"rt\", \"jumlah_anggota\", \"pengeluaran_per_kapita\", \"penerima_bansos\"]]"
             ".head()"),
        md(f"{M}-gk", f"""## 1. Garis kemiskinan

BPS mengukur kemiskinan dengan pendekatan **kebutuhan dasar**: seseorang disebut miskin bila **pengeluaran
per kapita per bulan** keluarganya di bawah **garis kemiskinan (GK)**.

**GK = GK makanan + GK bukan makanan** (rupiah per kapita per bulan). GK makanan adalah nilai paket makanan
setara 2.100 kkal per orang per hari; GK bukan makanan untuk perumahan, pendidikan, kesehatan, pakaian, dan
lain-lain.

BPS menghitung GK untuk setiap **provinsi** (terpisah untuk perkotaan dan perdesaan) dari Survei Sosial
Ekonomi Nasional (Susenas); tidak ada GK khusus {tempat.jenis}. Di modul ini kita memakai GK Provinsi Kalimantan
Selatan September 2024 yang dilaporkan sebesar {rupiah(GK)}. Pembagiannya untuk latihan (perkiraan, bukan angka
resmi): **GK makanan {rupiah(F.GK_MAKANAN)}** dan **GK bukan makanan {rupiah(F.GK_BUKAN_MAKANAN)}**.

### Soal 5a
Hitung sendiri garis kemiskinan (angka ditulis tanpa titik ribuan, misalnya `490389`). Simpan di
`garis_kemiskinan`."""),
        jawaban(f"{M}-5a", "", f"garis_kemiskinan = {F.GK_MAKANAN} + {F.GK_BUKAN_MAKANAN}",
                'cek("5a", garis_kemiskinan)'),
        tes(f"{M}-5a-tes", "5a", "garis_kemiskinan"),
        md(f"{M}-p0", f"""## 2. Persentase penduduk miskin (P0)

Tabel `keluarga` berisi satu baris per Kartu Keluarga: `jumlah_anggota` dan `pengeluaran_per_kapita`
(pengeluaran keluarga dibagi jumlah anggota). Semua anggota keluarga miskin dihitung sebagai orang miskin.

**P0 = banyaknya orang miskin / seluruh penduduk × 100.** BPS menghitung per **orang**, bukan per keluarga:
keluarga miskin cenderung beranggota lebih banyak, sehingga persen keluarga miskin biasanya lebih kecil daripada
persen orang miskin.

> P0 resmi BPS hanya tersedia sampai tingkat **kabupaten/kota**, karena sampel Susenas tidak cukup untuk
> kecamatan atau {tempat.jenis}. P0 {tempat.jenis} di modul ini {"adalah latihan dengan data sintetis" if tempat.sintetis else "dihitung dari data " + tempat.jenis + ", bukan angka resmi BPS"}. Untuk menentukan
> **sasaran** program di {tempat.jenis}, pemerintah memakai peringkat kesejahteraan keluarga dalam Data Tunggal
> Sosial dan Ekonomi Nasional (DTSEN, sebelumnya DTKS), bukan P0.

### Soal 5b
Hitung sendiri P0 (persen orang):

1. pembilang: banyaknya **orang** miskin; simpan di `orang_miskin`;
2. penyebut: seluruh penduduk (jumlah anggota semua keluarga); simpan di `seluruh_penduduk`;
3. P0 (persen); simpan di `p0`."""),
        jawaban(f"{M}-5b", "miskin = keluarga[keluarga[\"pengeluaran_per_kapita\"] < garis_kemiskinan]",
                "orang_miskin = miskin[\"jumlah_anggota\"].sum()\n"
                "seluruh_penduduk = keluarga[\"jumlah_anggota\"].sum()\n"
                "p0 = orang_miskin / seluruh_penduduk * 100",
                'cek("5b", p0, pembilang=orang_miskin, penyebut=seluruh_penduduk)\nprint(round(p0, 2))'),
        tes(f"{M}-5b-tes", "5b", "p0", bagian={"pembilang": "orang_miskin", "penyebut": "seluruh_penduduk"}),
        md(f"{M}-5c-soal", f"### Soal 5c\n\nBerapa **orang** miskin di {tempat.nama}? (Anda sudah menghitungnya "
           "sebagai pembilang soal 5b.) Simpan di `jumlah_orang_miskin`, lalu bandingkan dengan banyaknya "
           "**keluarga** miskin."),
        jawaban(f"{M}-5c", "", "jumlah_orang_miskin = orang_miskin",
                'cek("5c", jumlah_orang_miskin)\nprint(jumlah_orang_miskin, "orang dalam", len(miskin), "keluarga")'),
        tes(f"{M}-5c-tes", "5c", "jumlah_orang_miskin"),
        md(f"{M}-p1p2", """## 3. Kedalaman (P1) dan keparahan (P2)

P0 hanya menghitung **berapa banyak** orang di bawah GK, tidak **seberapa jauh**. Untuk setiap orang miskin
dengan pengeluaran per kapita y, jarak relatifnya ke GK adalah (GK − y) / GK; orang tidak miskin jaraknya 0.

- **P1 (indeks kedalaman)** = jumlah jarak semua orang miskin / **seluruh** penduduk × 100.
- **P2 (indeks keparahan)** = jumlah jarak yang **dikuadratkan** / seluruh penduduk × 100; orang yang paling
  jauh dari GK mendapat bobot terbesar.

### Soal 5d
Hitung sendiri P1. Setiap anggota keluarga miskin punya jarak yang sama dengan keluarganya, jadi jarak setiap
keluarga miskin dikalikan jumlah anggotanya.

1. pembilang: jumlah jarak semua orang miskin; simpan di `jumlah_jarak`;
2. penyebut: seluruh penduduk (`seluruh_penduduk` dari soal 5b);
3. P1 = pembilang / penyebut × 100; simpan di `p1`."""),
        jawaban(f"{M}-5d", "",
                "jarak = (garis_kemiskinan - miskin[\"pengeluaran_per_kapita\"]) / garis_kemiskinan\n"
                "jumlah_jarak = (jarak * miskin[\"jumlah_anggota\"]).sum()\n"
                "p1 = jumlah_jarak / seluruh_penduduk * 100",
                'cek("5d", p1, pembilang=jumlah_jarak, penyebut=seluruh_penduduk)'),
        tes(f"{M}-5d-tes", "5d", "p1", bagian={"pembilang": "jumlah_jarak", "penyebut": "seluruh_penduduk"}),
        md(f"{M}-5e-soal", "### Soal 5e\n\nSekarang boleh memakai fungsi: `ind.indeks_kemiskinan(keluarga, "
           "garis_kemiskinan, bobot=\"jumlah_anggota\")` memberi `.p0`, `.p1` dan `.p2`. Hitung P2 (per orang). "
           "Simpan di `p2`."),
        jawaban(f"{M}-5e", "",
                "p2 = ind.indeks_kemiskinan(keluarga, garis_kemiskinan, bobot=\"jumlah_anggota\").p2",
                'cek("5e", p2)\nprint(round(p1, 3), round(p2, 3))'),
        tes(f"{M}-5e-tes", "5e", "p2"),
        md(f"{M}-median", """## 4. Rata-rata atau median pengeluaran?

Pengeluaran per kapita sebarannya **miring ke kanan**: sebagian besar keluarga berpengeluaran sedang, sedikit
keluarga berpengeluaran sangat besar. Beberapa keluarga kaya menarik **rata-rata** ke atas, sedangkan
**median** (nilai tengah) jauh **lebih tahan** terhadap nilai ekstrem.

### Soal 5f
Hitung median pengeluaran per kapita keluarga. Simpan di `median_pengeluaran`."""),
        jawaban(f"{M}-5f", "", "median_pengeluaran = keluarga[\"pengeluaran_per_kapita\"].median()",
                'cek("5f", median_pengeluaran)\n'
                'print("rata-rata:", round(keluarga["pengeluaran_per_kapita"].mean()), "median:", median_pengeluaran)'),
        tes(f"{M}-5f-tes", "5f", "median_pengeluaran"),
        *aplikasi_sel(f"{M}-aplikasi-rata-median", "rata_median",
                      "Tambahkan beberapa keluarga yang sangat kaya ke data pengeluaran per kapita, lalu "
                      "perhatikan rata-rata bergeser jauh, sementara median hampir tidak berubah."),
        md(f"{M}-5g-soal", """### Soal 5g
Berapa **persen keluarga** yang pengeluaran per kapitanya **di bawah rata-rata**? Simpan di
`persen_di_bawah_rata`. Bila lebih dari separuh, rata-rata tidak menggambarkan keluarga "biasa"."""),
        jawaban(f"{M}-5g", "",
                "rata_rata = keluarga[\"pengeluaran_per_kapita\"].mean()\n"
                "persen_di_bawah_rata = (keluarga[\"pengeluaran_per_kapita\"] < rata_rata).mean() * 100",
                'cek("5g", persen_di_bawah_rata)'),
        tes(f"{M}-5g-tes", "5g", "persen_di_bawah_rata"),
        md(f"{M}-hss", f"""## 5. Angka utama bisa menyembunyikan kedalaman

Kemiskinan Kab. Hulu Sungai Selatan (HSS) dilaporkan **turun** dari {persen(H22['P0'], 2)} (2022) ke
{persen(H23['P0'], 2)} (2023), tetapi indeks kedalaman dan keparahan dilaporkan **naik**. Tabel berikut memakai
P0 yang dilaporkan (perkiraan); **angka P1 dan P2 di sini hanya ilustrasi** yang arahnya mengikuti laporan, bukan
angka resmi.

| Kab. HSS | P0 (%) | P1 | P2 |
|---|---|---|---|
| 2022 | {angka(H22['P0'], 2)} | {angka(H22['P1'], 2)} | {angka(H22['P2'], 2)} |
| 2023 | {angka(H23['P0'], 2)} | {angka(H23['P1'], 2)} | {angka(H23['P2'], 2)} |

Ingat: dari {persen(H22['P0'], 2)} ke {persen(H23['P0'], 2)} adalah turun **{angka(H22['P0'] - H23['P0'], 2)}
poin persen**, atau turun sekitar **{angka((H22['P0'] - H23['P0']) / H22['P0'] * 100, 1)} persen**.

### Soal 5h
Berapa **perubahan persen** P1 dari 2022 ke 2023? Simpan di `perubahan_persen_p1`."""),
        jawaban(f"{M}-5h", "", f"perubahan_persen_p1 = ind.perubahan_persen({H22['P1']}, {H23['P1']})",
                'cek("5h", perubahan_persen_p1)'),
        tes(f"{M}-5h-tes", "5h", "perubahan_persen_p1"),
        md(f"{M}-5i-soal", "### Soal 5i\n\nIndikator mana saja yang **naik** (memburuk) dari 2022 ke 2023? Tulis "
           "sebagai list di `indikator_naik`, misalnya `[\"P0\"]`."),
        jawaban(f"{M}-5i", "", "indikator_naik = [\"P1\", \"P2\"]", 'cek("5i", indikator_naik)'),
        tes(f"{M}-5i-tes", "5i", "indikator_naik"),
        md(f"{M}-garis-berubah", f"""## 6. Garis kemiskinan yang berbeda tahun

Garis kemiskinan naik setiap tahun mengikuti harga. GK Kalimantan Selatan yang dilaporkan adalah
{rupiah(F.GK_2022)} pada September 2022 dan {rupiah(GK)} pada September 2024. Misalkan laporan {tempat.jenis} tahun
lalu menghitung orang miskin dengan GK 2022, dan laporan tahun ini dengan GK 2024. Bila kedua angka
dibandingkan begitu saja, sebagian "kenaikan" hanya karena **garisnya** berubah, bukan karena warganya.

### Soal 5k
Pada data keluarga yang **sama**, berapa orang yang pengeluaran per kapitanya di bawah GK **2022**
({rupiah(F.GK_2022)})? Simpan di `orang_miskin_gk_2022`, lalu bandingkan dengan `jumlah_orang_miskin`."""),
        jawaban(f"{M}-5k", "",
                f"di_bawah_2022 = keluarga[keluarga[\"pengeluaran_per_kapita\"] < {F.GK_2022}]\n"
                "orang_miskin_gk_2022 = di_bawah_2022[\"jumlah_anggota\"].sum()",
                'cek("5k", orang_miskin_gk_2022)\n'
                'print("GK 2022:", orang_miskin_gk_2022, "orang;  GK 2024:", jumlah_orang_miskin, "orang")'),
        tes(f"{M}-5k-tes", "5k", "orang_miskin_gk_2022"),
        md(f"{M}-bansos", f"""Dengan data yang sama, GK 2022 memberi {angka(ORANG_MISKIN_2022)} orang miskin dan GK 2024
memberi {angka(ORANG_MISKIN)} orang. Selisih {angka(ORANG_MISKIN - ORANG_MISKIN_2022)} orang itu bukan
"kemiskinan naik": hanya garisnya yang berbeda. Bandingkan dua angka hanya bila cara dan garisnya sama.

## 7. Apakah bantuan sosial tepat sasaran?

Kolom `penerima_bansos` mencatat apakah keluarga menerima bantuan sosial pemerintah (misalnya PKH atau
sembako) setahun terakhir. Dua jenis kesalahan sasaran:

- **Kesalahan eksklusi**: keluarga miskin yang **tidak** menerima bantuan, dibagi semua keluarga miskin × 100.
- **Kesalahan inklusi**: penerima yang **tidak** miskin, dibagi semua penerima × 100.

Di sini "miskin" berarti di bawah GK menurut pengeluaran. Program bantuan sebenarnya memilih keluarga menurut
peringkat kesejahteraan DTSEN (misalnya 40% keluarga terbawah), yang lebih luas daripada "di bawah GK". Jadi
kesalahan inklusi menurut GK terlihat besar; sebelum menyebut keluarga "salah sasaran", periksa dulu
peringkatnya di DTSEN.

### Soal 5l
Hitung kesalahan eksklusi (persen keluarga): pembilang `miskin_tanpa_bansos`, penyebut `keluarga_miskin`.
Simpan hasilnya di `eksklusi`."""),
        jawaban(f"{M}-5l", "terima = keluarga[\"penerima_bansos\"] == \"Ya\"\n"
                "kel_miskin = keluarga[\"pengeluaran_per_kapita\"] < garis_kemiskinan",
                "miskin_tanpa_bansos = (kel_miskin & ~terima).sum()\n"
                "keluarga_miskin = kel_miskin.sum()\n"
                "eksklusi = miskin_tanpa_bansos / keluarga_miskin * 100",
                'cek("5l", eksklusi, pembilang=miskin_tanpa_bansos, penyebut=keluarga_miskin)'),
        tes(f"{M}-5l-tes", "5l", "eksklusi",
            bagian={"pembilang": "miskin_tanpa_bansos", "penyebut": "keluarga_miskin"}),
        md(f"{M}-5m-soal", """### Soal 5m
Hitung kesalahan inklusi (persen penerima): pembilang `penerima_tidak_miskin`, penyebut `semua_penerima`.
Simpan hasilnya di `inklusi`."""),
        jawaban(f"{M}-5m", "",
                "penerima_tidak_miskin = (~kel_miskin & terima).sum()\n"
                "semua_penerima = terima.sum()\n"
                "inklusi = penerima_tidak_miskin / semua_penerima * 100",
                'cek("5m", inklusi, pembilang=penerima_tidak_miskin, penyebut=semua_penerima)\n'
                'print("eksklusi:", round(eksklusi, 1), "%   inklusi:", round(inklusi, 1), "%")'),
        tes(f"{M}-5m-tes", "5m", "inklusi",
            bagian={"pembilang": "penerima_tidak_miskin", "penyebut": "semua_penerima"}),
        md(f"{M}-5j-soal", f"""### Soal 5j (jawaban tertulis, dinilai pelatih)

Dalam rapat {tempat.musrenbang}, seorang peserta berkata: *"Kemiskinan sudah turun, jadi anggaran bantuan pangan
untuk keluarga paling miskin bisa dialihkan ke pembangunan jalan."* Dengan P0, P1 dan P2 (dari tabel HSS dan dari
hitungan Anda untuk {tempat.nama}), tulis tanggapan Anda (4–6 kalimat). Gunakan istilah persen dan poin
persen dengan benar, dan sebutkan satu data tambahan yang Anda perlukan sebelum memutuskan. (Di {tempat.nama.replace(" ", chr(10), 1) if tempat.bawaan else tempat.nama}, {angka(TANPA_BANSOS)} dari {angka(KEL_MISKIN)} keluarga miskin tidak menerima bantuan.)"""),
        *soal_tulisan(f"{M}-5j", "5j", [
            Kriteria("Memakai bukti dari data", ["tidak ada angka", "hanya P0", "P0 dan P1/P2 dipakai",
                                                 "P0, P1, P2 dipakai dan dibandingkan dengan tepat"]),
            Kriteria("Persen dan poin persen", ["tidak dibedakan / keliru", "disebut tetapi kabur",
                                                "satu perubahan ditulis dengan benar",
                                                "poin persen dan persen keduanya tepat"]),
            Kriteria("Penalaran menuju keputusan", ["pendapat tanpa alasan", "alasan umum",
                                                    "alasan mengikuti dari P1/P2",
                                                    "menimbang kedua pilihan dan siapa yang terdampak"]),
            Kriteria("Keterbatasan dan data tambahan", ["tidak disebut", "disebut kabur",
                                                        "satu data tambahan yang tepat",
                                                        "data tambahan tepat dengan alasannya (mis. siapa di bawah "
                                                        "GK, sebaran per RT, peringkat DTSEN)"]),
        ], CONTOH_5J, [
            Kunci("Perubahan P0 HSS 2022–2023", H23['P0'] - H22['P0'], 0.005, desimal=2, satuan="poin persen"),
            Kunci("Perubahan P0 HSS 2022–2023 (relatif)", (H23['P0'] - H22['P0']) / H22['P0'] * 100, 0.5,
                  desimal=1, satuan="%"),
            Kunci("Perubahan P1 HSS 2022–2023 (relatif, soal 5h)", P1_NAIK, 0.5, desimal=1, satuan="%"),
            Kunci(f"P0 {tempat.nama} (soal 5b)", P0_KU, 0.05, desimal=2, satuan="%"),
            Kunci(f"Orang miskin {tempat.nama} (soal 5c)", ORANG_MISKIN, 0, satuan="orang"),
        ]),
        *penutup(M, [
            "GK = GK makanan + GK bukan makanan, dalam rupiah per kapita per bulan; GK resmi dibuat per provinsi.",
            "P0 dihitung per **orang** (bobot jumlah anggota keluarga), bukan per keluarga; P0 resmi hanya sampai "
            "kabupaten/kota, sasaran program memakai DTSEN.",
            "P1 dan P2 dibagi **seluruh** penduduk; P1 mengukur kedalaman, P2 keparahan.",
            "Pengeluaran sebarannya miring: median lebih mewakili keluarga biasa daripada rata-rata.",
            "P0 bisa turun sementara P1 dan P2 naik: angka utama bisa menyembunyikan kedalaman.",
            f"{persen(H22['P0'], 2)} → {persen(H23['P0'], 2)} = turun {angka(H22['P0'] - H23['P0'], 2)} poin persen "
            f"= turun sekitar {angka((H22['P0'] - H23['P0']) / H22['P0'] * 100, 1)} persen.",
            "Jangan membandingkan angka yang dihitung dengan garis kemiskinan berbeda.",
            "Ketepatan sasaran: kesalahan eksklusi (miskin tetapi tidak menerima) dan inklusi (menerima tetapi "
            "tidak miskin).",
        ]),
    ],
}
