"""Naskah modul 3: Pertumbuhan, mutasi & kepadatan. Run `cantik kursus tulis modul3` after editing."""

from _umum import aplikasi_sel, pembuka, penutup, tempat

from cantik.authoring.cells import contoh_kode, jawaban, kode, md, tes
from cantik.authoring.numbers import angka, persen
from cantik.authoring.written import Contoh, Kriteria, Kunci, soal_tulisan
from cantik.checks import modul3 as F
from cantik.checks.core import ambil
from cantik.data import load
from cantik.data.profile import load_profile

M = "m3"
P0_A, P0_B = F.P0_2022, F.P0_2023
RT_DASAR, MATI_A, MATI_B = F.fakta_rt_dasar()
TAHUN_A, TAHUN_B = F.tahun_dasar()
KK, CACAH, PINDAH, BELUM = F.fakta_registrasi()
LAJU = dict(zip(ambil("3f").nilai_harapan().label, ambil("3f").nilai_harapan().nilai, strict=True))
PROYEKSI = ambil("3c").nilai_harapan()
TIGA = F.tiga_wilayah()  # the place and its comparison places (3f)
B, B_NAMA = tempat.pembanding[-1], tempat.pembanding_nama[-1]  # the place of the 3j statement
LEBIH, CEPAT = ("lebih tinggi", "lebih cepat") if LAJU[tempat.kunci] > LAJU[B] else ("tidak lebih tinggi",
                                                                                      "tidak lebih cepat")
_LOKUS = sorted((p for p in map(load_profile, TIGA) if p.cantik_year), key=lambda p: p.cantik_year)
BANDING = ("## 5. Membandingkan tiga lokus Desa/Kelurahan Cantik HSS\n\n"
           "Kab. Hulu Sungai Selatan memilih Desa Gambah Luar (2022), Kelurahan Taluk Haur (2024) dan Kelurahan\n"
           "Kandangan Utara (2025)" if tempat.bawaan else
           f"## 5. Membandingkan {tempat.label} dengan {tempat.pembanding_teks}\n\n"
           f"Lokus Desa/Kelurahan Cantik Kab. {tempat.kabupaten}: "
           + ", ".join(f"{p.label} ({p.cantik_year})" for p in _LOKUS))
DAFTAR = "[" + ", ".join(f'"{w}"' for w in TIGA) + "]"  # the keys as Python code


def _bertambah(wilayah: str) -> tuple[int, int]:
    """(people added from 2015 to 2025, people in 2025) of a place, from its yearly totals."""
    t = load("penduduk_tahunan", wilayah=wilayah).set_index("tahun")["jumlah_penduduk"]
    return int(t[2025] - t[2015]), int(t[2025])


(TAMBAH, PENDUDUK), (TAMBAH_B, PENDUDUK_B) = _bertambah(tempat.kunci), _bertambah(B)
#: What the level-4 example of 3j grants the statement "X grew by far more people than B": true and explained
#: by size (Kandangan Utara, Malinau), true though X is smaller, or not true at all (a small place).
BENAR_3J = (f"Benar bahwa {tempat.nama} bertambah lebih banyak orang, tetapi itu karena penduduknya memang "
            "lebih banyak." if TAMBAH > TAMBAH_B and PENDUDUK > PENDUDUK_B else
            f"Benar bahwa {tempat.nama} bertambah lebih banyak orang ({angka(TAMBAH)} orang sejak 2015, "
            f"{B_NAMA} {angka(TAMBAH_B)} orang), walaupun penduduknya lebih sedikit." if TAMBAH > TAMBAH_B else
            f"Pernyataan itu tidak sesuai data: sejak 2015 {tempat.nama} bertambah {angka(TAMBAH)} orang, "
            f"{B_NAMA} {angka(TAMBAH_B)} orang.")

CONTOH_3J = [
    Contoh(4, f"{BENAR_3J} Perbandingan yang adil memakai laju per tahun: laju {tempat.nama} sekitar "
              f"{persen(LAJU[tempat.kunci])} per tahun, {LEBIH} daripada {B_NAMA} (sekitar "
              f"{persen(LAJU[B])}). Proyeksi 2030 sekitar {angka(round(PROYEKSI, -2))} orang hanya "
              "perkiraan dengan anggapan laju tetap. Sebelum memutuskan ruang kelas, kita perlu jumlah anak "
              "umur 7–12 tahun per tahun ke depan dan daya tampung SD yang ada.", [4, 4, 4, 4]),
    Contoh(3, f"Laju {tempat.nama} sekitar {persen(LAJU[tempat.kunci])} per tahun, {CEPAT} daripada "
              f"{B_NAMA}, jadi pernyataannya sebagian benar. Proyeksi 2030 hanya perkiraan. Kita juga perlu "
              "tahu berapa anak usia SD.", [3, 3, 3, 3]),
    Contoh(2, f"{tempat.nama} memang bertambah lebih banyak orang, jadi tambahan sekolah perlu. Penduduk 2030 "
              "akan bertambah lagi.", [2, 2, 1, 3]),
    Contoh(1, "Saya setuju, sekolah memang perlu ditambah.", [1, 1, 1, 2]),
]

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
                f"Seberapa cepat penduduk {tempat.nama} bertambah dibanding {tempat.pembanding_teks}?",
                f"Berapa kira-kira penduduk pada 2030, dan apa artinya bagi layanan {tempat.jenis}?",
            ],
            durasi="2 jam 10 menit",
        ),
        kode(f"{M}-muat", "tahunan = load(\"penduduk_tahunan\")\n"
             "penduduk_per_tahun = tahunan.set_index(\"tahun\")[\"jumlah_penduduk\"]\ntahunan"),
        md(f"{M}-laju", f"""## 1. Laju pertumbuhan penduduk

BPS memakai rumus **geometrik**: r = (Pt / P0)^(1/t) − 1, dengan P0 penduduk awal, Pt penduduk akhir dan
t lamanya periode dalam tahun. Rumus **eksponensial** menganggap pertumbuhan terjadi terus-menerus:
r = ln(Pt / P0) / t. Keduanya dinyatakan dalam persen per tahun.

### Soal 3a
Hitung sendiri laju pertumbuhan geometrik {tempat.nama} 2015–2025 (persen per tahun):

1. penduduk 2015 (P0); simpan di `p2015` (pakai `penduduk_per_tahun[2015]`);
2. penduduk 2025 (Pt); simpan di `p2025`;
3. lamanya periode dalam tahun; simpan di `t`;
4. lajunya, dalam persen; simpan di `laju_geometrik`. Pangkat di Python ditulis `**`."""),
        jawaban(f"{M}-3a", "",
                "p2015 = penduduk_per_tahun[2015]\n"
                "p2025 = penduduk_per_tahun[2025]\n"
                "t = 2025 - 2015\n"
                "laju_geometrik = ((p2025 / p2015) ** (1 / t) - 1) * 100",
                'cek("3a", laju_geometrik, p_awal=p2015, p_akhir=p2025, t=t)'),
        tes(f"{M}-3a-tes", "3a", "laju_geometrik", bagian={"p_awal": "p2015", "p_akhir": "p2025", "t": "t"}),
        md(f"{M}-3b-soal", "### Soal 3b\n\nHitung sendiri laju pertumbuhan dengan rumus **eksponensial** untuk "
           "periode yang sama. Logaritma natural (ln) ditulis `math.log(...)` setelah `import math`. Simpan di "
           "`laju_eksponensial`. Bandingkan dengan soal 3a: selisihnya kecil."),
        jawaban(f"{M}-3b", "import math", "laju_eksponensial = math.log(p2025 / p2015) / t * 100",
                'cek("3b", laju_eksponensial)'),
        tes(f"{M}-3b-tes", "3b", "laju_eksponensial"),
        md(f"{M}-3c-soal", f"""## 2. Proyeksi sederhana

Bila laju geometrik tetap, penduduk t tahun lagi = P × (1 + r)^t (r dalam desimal). Proyeksi hanya
perkiraan: ia menganggap keadaan masa lalu berlanjut.

### Soal 3c
Perkirakan penduduk {tempat.nama} tahun **2030** dari penduduk 2025 dan `laju_geometrik`. Simpan di
`proyeksi_2030`. Anda boleh menghitungnya sendiri atau memakai `ind.proyeksi_penduduk(p2025, laju_geometrik, 5)`."""),
        jawaban(f"{M}-3c", "", "proyeksi_2030 = ind.proyeksi_penduduk(p2025, laju_geometrik, 5)",
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
        md(f"{M}-registrasi", f"""### Penduduk menurut KK dan menurut pencacahan

Tabel `sumber_banding` memuat dua angka jumlah penduduk {tempat.nama} tahun 2025: **{angka(KK)}** jiwa menurut
daftar Kartu Keluarga (registrasi) dan **{angka(CACAH)}** jiwa menurut pencacahan lapangan (orang yang benar-benar
tinggal di {tempat.jenis}). Mengapa berbeda?

Orang yang **pindah** sering belum mengurus surat pindah: namanya masih ada di KK keluarganya di sini,
padahal ia sudah tinggal (dan mungkin sudah tercatat) di tempat baru. Bila daftar dari dua tempat dijumlahkan,
orang itu **terhitung dua kali**. Sebaliknya, pendatang baru sering belum masuk KK. Tabel `registrasi_kk`
adalah daftar menurut KK; setiap orang punya NIK, jadi kedua daftar bisa dicocokkan."""),
        kode(f"{M}-registrasi-muat", "registrasi = load(\"registrasi_kk\")\npenduduk = load(\"penduduk\")\n"
             "print(\"menurut KK:\", len(registrasi), \"  menurut pencacahan:\", len(penduduk))\n"
             "load(\"sumber_banding\").query(\"indikator == 'Jumlah penduduk'\")"),
        md(f"{M}-contoh-bukan-md", "**Contoh → Coba: \"bukan\".** Tanda `~` di depan sebuah syarat membalik "
           "`True` menjadi `False` dan sebaliknya."),
        contoh_kode(f"{M}-contoh-bukan", """# Penduduk yang tinggal di RT 1 atau RT 2 (syarat dengan .isin)
di_rt_1_2 = penduduk["rt"].isin([1, 2])
# ~di_rt_1_2: penduduk yang BUKAN di RT 1 atau RT 2 (kurung supaya ~ berlaku untuk seluruh syarat)
print("Di RT 1 atau 2:", di_rt_1_2.sum(), "  bukan di RT 1 atau 2:", (~di_rt_1_2).sum())"""),
        md(f"{M}-3m-soal", """### Soal 3m
Berapa orang di daftar KK yang **tidak ditemukan** saat pencacahan (NIK-nya tidak ada di tabel `penduduk`)?
Mereka kemungkinan sudah pindah tetapi masih tercatat. Simpan di `sudah_pindah`."""),
        jawaban(f"{M}-3m", "", "sudah_pindah = (~registrasi[\"nik\"].isin(penduduk[\"nik\"])).sum()",
                'cek("3m", sudah_pindah)\n'
                'belum_tercatat = (~penduduk["nik"].isin(registrasi["nik"])).sum()\n'
                'print("sudah pindah tetapi masih di KK:", sudah_pindah, "  tinggal di sini tetapi belum di KK:", '
                'belum_tercatat)'),
        tes(f"{M}-3m-tes", "3m", "sudah_pindah"),
        md(f"{M}-registrasi-arti", f"""Selisih kedua daftar hanya {angka(KK - CACAH)} orang, tetapi di baliknya ada
{angka(PINDAH)} orang yang sudah pindah dan {angka(BELUM)} pendatang yang belum tercatat. Untuk perencanaan
(misalnya jumlah paket bantuan atau kebutuhan sekolah), pakailah angka orang yang benar-benar tinggal di
{tempat.jenis}, dan minta ketua RT memperbarui KK warga yang sudah pindah."""),
        md(f"{M}-kepadatan", f"""## 4. Kepadatan penduduk

**Kepadatan** = jumlah penduduk / luas wilayah (jiwa per km²). Luas dan jumlah penduduk tidak selalu sejalan:
di Kecamatan Kandangan, desa/kelurahan yang lebih luas justru cenderung berpenduduk **lebih sedikit** (korelasi
luas dengan jumlah penduduk {angka(F.fakta_korelasi_luas_penduduk(), 2)}): desa yang luas banyak berisi sawah
dan rawa, sedangkan kelurahan kecil padat. Kepadatan membuat wilayah yang luasnya berbeda bisa dibandingkan.
Tabel `desa_kelurahan` memuat 18 desa/kelurahan di Kecamatan Kandangan.

### Soal 3d
Hitung sendiri kepadatan setiap desa/kelurahan (jumlah penduduk dibagi luas), dengan **nama** sebagai label.
Simpan di `kepadatan`."""),
        kode(f"{M}-muat-desa", "desa = load(\"desa_kelurahan\").set_index(\"nama\")\ndesa"),
        jawaban(f"{M}-3d", "", "kepadatan = desa[\"jumlah_penduduk\"] / desa[\"luas_km2\"]",
                'cek("3d", kepadatan)\nkepadatan.sort_values(ascending=False).round(0)'),
        tes(f"{M}-3d-tes", "3d", "kepadatan"),
        md(f"{M}-3e-soal", "### Soal 3e\n\nDesa/kelurahan mana yang **terpadat**? Simpan namanya (teks) di "
           "`terpadat`."),
        md(f"{M}-contoh-terbesar-md", "**Contoh → Coba.** `.idxmax()` memberi **label** dengan nilai terbesar, "
           "`.idxmin()` label dengan nilai terkecil."),
        contoh_kode(f"{M}-contoh-terbesar", """# Desa/kelurahan yang wilayahnya paling luas (labelnya = nama, karena desa.set_index("nama") di atas)
print("Paling luas:", desa["luas_km2"].idxmax())
# .max() memberi nilai terbesarnya itu sendiri
print("Luasnya:", desa["luas_km2"].max(), "km²")"""),
        jawaban(f"{M}-3e", "", "terpadat = kepadatan.idxmax()", 'cek("3e", terpadat)\nprint(terpadat)'),
        tes(f"{M}-3e-tes", "3e", "terpadat"),
        md(f"{M}-banding", f"""{BANDING}. Wilayah yang penduduknya banyak cenderung bertambah lebih banyak *orang*; untuk
membandingkan secara adil, pakai **laju** (persen per tahun).

### Soal 3f
Hitung laju pertumbuhan geometrik 2015–2025 untuk ketiga wilayah. Simpan di `laju_tiga` sebagai dict
atau Series dengan label {", ".join(f'`"{w}"`' for w in TIGA)}."""),
        md(f"{M}-contoh-ulang-md", """**Contoh → Coba: mengulang untuk beberapa wilayah.** Perintah `for` menjalankan
baris-baris yang menjorok di bawahnya sekali untuk setiap isian daftar. Contoh ini mengambil penduduk 2025
ketiga wilayah dan menyimpannya dalam sebuah **kamus** (dict) `{wilayah: angka}`."""),
        contoh_kode(f"{M}-contoh-ulang", f"""# Kamus kosong untuk menampung hasil: {{nama wilayah: angka}}
penduduk_2025 = {{}}
# Ulangi untuk setiap wilayah: putaran pertama w = "{TIGA[0]}", lalu {", lalu ".join(f'"{w}"' for w in TIGA[1:])}.
# Baris yang menjorok 4 spasi di bawah "for ...:" diulang setiap putaran.
for w in {DAFTAR}:
    # Buka tabel wilayah w; .set_index("tahun") menjadikan tahun label baris, lalu pilih kolom jumlahnya
    t = load("penduduk_tahunan", wilayah=w).set_index("tahun")["jumlah_penduduk"]
    # Simpan penduduk tahun 2025 di kamus, dengan nama wilayah sebagai kuncinya
    penduduk_2025[w] = t[2025]
# pd.Series(kamus) menampilkan kamus itu sebagai deret berlabel
pd.Series(penduduk_2025)"""),
        jawaban(f"{M}-3f",
                "# Kerangka seperti contoh penduduk_2025 di atas (pilih baris-baris kerangka, tekan Ctrl + / untuk membuang tanda #, lalu lengkapi):\n"
                "# laju_tiga = {}\n"
                f"# for w in {DAFTAR}:\n"
                "#     t = load(\"penduduk_tahunan\", wilayah=w).set_index(\"tahun\")[\"jumlah_penduduk\"]\n"
                "#     laju_tiga[w] = ...",
                "laju_tiga = {}\n"
                f"for w in {DAFTAR}:\n"
                "    t = load(\"penduduk_tahunan\", wilayah=w).set_index(\"tahun\")[\"jumlah_penduduk\"]\n"
                "    laju_tiga[w] = ind.laju_pertumbuhan_geometrik(t[2015], t[2025], 10)",
                'cek("3f", laju_tiga)\npd.Series(laju_tiga).round(2)'),
        tes(f"{M}-3f-tes", "3f", "laju_tiga"),
        md(f"{M}-poin", f"""## 6. Persen atau poin persen?

Menurut pemberitaan (angka perkiraan), persentase penduduk miskin (P0) Kab. HSS turun dari **{persen(P0_A, 2)}**
(2022) menjadi **{persen(P0_B, 2)}** (2023).

- Selisih **poin persen** = {angka(P0_B, 2)} − {angka(P0_A, 2)} = {angka(P0_B - P0_A, 2)} poin.
- Perubahan **persen** = ({angka(P0_B, 2)} − {angka(P0_A, 2)}) / {angka(P0_A, 2)} × 100 ≈
  {persen((P0_B - P0_A) / P0_A * 100)}.

Keduanya benar, tetapi artinya berbeda. Menulis "kemiskinan turun {persen(P0_A - P0_B, 2)}" adalah kekeliruan
yang sering terjadi: yang turun {angka(P0_A - P0_B, 2)} **poin persen**.

### Soal 3g
Hitung sendiri perubahan P0 dalam **poin persen**. Simpan di `perubahan_poin`."""),
        jawaban(f"{M}-3g", "", f"perubahan_poin = {P0_B} - {P0_A}", 'cek("3g", perubahan_poin)'),
        tes(f"{M}-3g-tes", "3g", "perubahan_poin"),
        md(f"{M}-3h-soal", """### Soal 3h

Hitung sendiri perubahan P0 dalam **persen** (relatif): pembilangnya selisih (akhir − awal), simpan di
`selisih_p0`; penyebutnya angka awal, simpan di `p0_awal`. Simpan hasilnya di `perubahan_persen`."""),
        jawaban(f"{M}-3h", "",
                f"selisih_p0 = {P0_B} - {P0_A}\np0_awal = {P0_A}\nperubahan_persen = selisih_p0 / p0_awal * 100",
                'cek("3h", perubahan_persen, pembilang=selisih_p0, penyebut=p0_awal)'),
        tes(f"{M}-3h-tes", "3h", "perubahan_persen", bagian={"pembilang": "selisih_p0", "penyebut": "p0_awal"}),
        *aplikasi_sel(f"{M}-aplikasi-persen-poin", "persen_poin",
                      "Masukkan dua persentase sendiri, misalnya persentase penduduk miskin dua tahun, dan lihat "
                      "selisihnya dalam poin persen dan dalam persen."),
        md(f"{M}-dasar", f"""### Efek angka dasar (base effect)

Bila angka awalnya sangat kecil, satu atau dua kejadian saja sudah membuat persennya melonjak. Tabel berikut
memuat banyaknya kematian per RT pada {TAHUN_A} dan {TAHUN_B} dari tabel `mutasi`. Di RT {angka(RT_DASAR)} kematian
naik dari {angka(MATI_A)} menjadi {angka(MATI_B)} orang."""),
        kode(f"{M}-dasar-kode",
             "mati = mutasi[mutasi[\"jenis_mutasi\"] == \"Mati\"]\n"
             "mati_rt = mati.groupby([mati[\"rt\"], mati[\"periode\"].dt.year])[\"jumlah\"].sum().unstack()\n"
             f"mati_rt = mati_rt[[{TAHUN_A}, {TAHUN_B}]]\n"
             f"print(\"Seluruh {tempat.jenis}:\", mati_rt.sum().to_dict())\n"
             "mati_rt.T"),
        md(f"{M}-3k-soal", f"""### Soal 3k
Berapa **persen** perubahan kematian di RT {angka(RT_DASAR)} dari {TAHUN_A} ke {TAHUN_B}? Simpan di
`perubahan_rt`."""),
        jawaban(f"{M}-3k", "", f"perubahan_rt = (mati_rt.loc[{RT_DASAR}, {TAHUN_B}] - mati_rt.loc[{RT_DASAR}, {TAHUN_A}]) "
                f"/ mati_rt.loc[{RT_DASAR}, {TAHUN_A}] * 100",
                'cek("3k", perubahan_rt)\nprint(round(perubahan_rt, 1))'),
        tes(f"{M}-3k-tes", "3k", "perubahan_rt"),
        md(f"{M}-3l-soal", f"""### Soal 3l
Seorang warga akan menulis di grup WhatsApp {tempat.jenis}. Kalimat mana yang **paling tepat**? Simpan hurufnya di
`pilihan_3l`, misalnya `"A"`.

""" + "\n".join(f"- **{k}.** {v}" for k, v in F.pilihan_3l().items())),
        jawaban(f"{M}-3l", "", "pilihan_3l = \"B\"", 'cek("3l", pilihan_3l)'),
        tes(f"{M}-3l-tes", "3l", "pilihan_3l"),
        md(f"{M}-3j-soal", f"""### Soal 3j (jawaban tertulis, dinilai pelatih)

{tempat.Jenis} menyusun usulan Musrenbang: apakah perlu **menambah satu ruang kelas SD** dalam 5 tahun ke depan.
Seorang peserta rapat berkata, *"Penduduk {tempat.nama} bertambah jauh lebih banyak daripada {B_NAMA},
jadi kita paling butuh tambahan sekolah."* Tanggapi pernyataan itu dengan hasil soal 3a–3f (4–6 kalimat):
apa yang benar, apa yang perlu diluruskan, dan data apa lagi yang diperlukan sebelum memutuskan."""),
        *soal_tulisan(f"{M}-3j", "3j", [
            Kriteria("Membandingkan dengan adil", ["tidak membandingkan", "membandingkan jumlah orang saja",
                                                   "memakai laju atau kepadatan", "memakai laju dan menjelaskan "
                                                   "mengapa jumlah orang menyesatkan"]),
            Kriteria("Memakai proyeksi dengan hati-hati", ["tidak dipakai", "dipakai sebagai kepastian",
                                                           "dipakai sebagai perkiraan", "perkiraan dengan asumsi "
                                                           "yang disebutkan (laju tetap)"]),
            Kriteria("Data tambahan untuk keputusan", ["tidak disebut", "kabur", "satu data yang tepat (mis. anak "
                                                       "usia SD, daya tampung sekolah)",
                                                       "beberapa data tepat dan alasannya"]),
            Kriteria("Bahasa untuk pengambil keputusan", ["sulit dipahami", "banyak istilah teknis", "cukup jelas",
                                                          "jelas, singkat, angka dibulatkan secukupnya"]),
        ], CONTOH_3J, [
            Kunci(f"Laju geometrik {tempat.nama} 2015–2025 (soal 3a)", LAJU[tempat.kunci], 0.05, desimal=2,
                  satuan="% per tahun"),
            Kunci(f"Laju geometrik {B_NAMA}", LAJU[B], 0.05, desimal=2, satuan="% per tahun"),
            Kunci("Proyeksi penduduk 2030 (soal 3c)", PROYEKSI, 50, satuan="orang"),
        ]),
        *penutup(M, [
            "Laju pertumbuhan geometrik (baku BPS): r = (Pt / P0)^(1/t) − 1; eksponensial: r = ln(Pt / P0) / t.",
            "Proyeksi hanya perkiraan: ia menganggap laju masa lalu berlanjut.",
            "Pertambahan penduduk = lahir − mati + datang − pindah.",
            "Bandingkan wilayah dengan laju dan kepadatan, bukan jumlah orang saja.",
            "Poin persen ≠ persen; angka dasar kecil membuat persen melonjak: sebutkan juga jumlah orangnya.",
            "Daftar KK bisa memuat orang yang sudah pindah: cocokkan NIK, jangan hanya melihat selisih bersih.",
        ]),
    ],
}
