"""Naskah modul 7: Grafik, dasbor & diseminasi. Run `cantik kursus tulis modul7` after editing."""

from _umum import aplikasi_sel, pembuka, penutup, tempat

from cantik.authoring.cells import contoh_kode, jawaban, kode, md, tes
from cantik.authoring.numbers import angka, persen
from cantik.authoring.written import Contoh, Kriteria, Kunci, soal_tulisan
from cantik.checks import modul7 as F
from cantik.checks.core import ambil
from cantik.checks.modul7 import PILIHAN_7A_TEKS

M = "m7"
#: The dashboard of sections 2–4 and question 7h: AMPUNKU's trips where the place has that service table,
#: else births of the last twelve months and the households' spending (variant questions 7m–7q, 7r).
AMPUNKU = tempat.ada("ampunku")
N_RT = int(F.tabel("penduduk")["rt"].nunique())
if AMPUNKU:
    LAJU = F._laju_rt().sort_values(ascending=False)
    RT1, RT2 = int(LAJU.index[0]), int(LAJU.index[1])
    TUNGGU = F.tabel("ampunku")["waktu_tunggu_menit"]
    TUNGGU_BATAS = 30  # minutes: the waiting time the model answer asks about (a choice, not data)
    LAMA = float((TUNGGU > TUNGGU_BATAS).mean() * 100)
    PILIH_7A = (f"{tempat.Kepala} ingin melihat apakah pemakaian AMPUNKU naik atau turun dari bulan ke bulan "
                "selama setahun.")
else:
    LAHIR = F._lahir_rt().sort_values(ascending=False)
    RT1, RT2 = int(LAHIR.index[0]), int(LAHIR.index[1])
    BAYI = len(F._bayi())
    PILIH_7A = (f"{tempat.Kepala} ingin melihat apakah banyaknya kelahiran naik atau turun dari bulan ke bulan "
                "selama setahun.")
BATAS = F.BATAS_SEL_KECIL

CONTOH_7H = [] if not AMPUNKU else [
    Contoh(4, "Grafik petugas menyesatkan: ia memakai jumlah perjalanan sehingga RT yang penduduknya banyak "
              "tampak paling membutuhkan, sumbunya dipotong sehingga selisih kecil tampak besar, dan urutannya acak. "
              "Sebaiknya dipakai grafik perjalanan per 1.000 penduduk yang diurutkan: RT "
              f"{angka(RT1)} ({angka(LAJU.iloc[0])}) dan RT {angka(RT2)} ({angka(LAJU.iloc[1])} perjalanan per 1.000 "
              "penduduk) paling sering memakai AMPUNKU dibanding jumlah penduduknya. Histogram waktu tunggu "
              f"menunjukkan {persen(LAMA)} perjalanan menunggu lebih dari {angka(TUNGGU_BATAS)} menit; armada tambahan "
              "bisa ditempatkan dekat RT yang paling lama menunggu. Namun data AMPUNKU hanya mencatat warga yang "
              "sudah memakai layanan; warga yang butuh tetapi tidak tahu atau tidak bisa menelepon tidak "
              "tercatat, jadi perlu ditanyakan juga ke ketua RT dan puskesmas.", [4, 4, 4, 4]),
    Contoh(3, "Grafik itu memakai jumlah, bukan per penduduk, dan sumbunya tidak mulai dari nol. Pakai grafik per "
              f"1.000 penduduk: RT {angka(RT1)} paling tinggi. Data AMPUNKU tidak mencatat warga yang tidak "
              "memakai layanan.", [3, 3, 3, 3]),
    Contoh(2, f"Grafiknya kurang jelas. RT {angka(RT1)} paling sering memakai AMPUNKU, jadi armada di sana.",
           [2, 2, 1, 3]),
    Contoh(1, "Grafik petugas sudah benar, RT dengan batang tertinggi paling membutuhkan.", [1, 1, 1, 2]),
]


def kriteria_dasbor(keterbatasan: str) -> list[Kriteria]:
    """The rubric of the dashboard's written question (7h, or 7r without AMPUNKU)."""
    return [
            Kriteria("Mengenali grafik menyesatkan", ["tidak ada", "satu masalah disebut",
                                                     "dua masalah dengan akibatnya",
                                                     "tiga atau lebih masalah dengan akibatnya"]),
            Kriteria("Memilih grafik yang tepat", ["tidak ada pilihan", "pilihan tanpa alasan",
                                                  "pilihan dengan alasan umum",
                                                  "pilihan dengan alasan dari data (per 1.000 penduduk, urutan)"]),
            Kriteria(keterbatasan, ["tidak disebut", "disebut kabur", "satu keterbatasan yang tepat",
                                                   "keterbatasan tepat dan usul data tambahan"]),
            Kriteria("Bahasa untuk pengambil keputusan", ["sulit dipahami", "banyak istilah teknis", "cukup jelas",
                                                          "jelas, singkat, angka dibulatkan secukupnya"]),
    ]


def _ampunku() -> dict[str, list[dict]]:
    """The dashboard on AMPUNKU's trips (7b–7f, 7h), for a place with that service table."""
    return {
        "muat": [
        kode(f"{M}-muat", "ampunku = load(\"ampunku\")\npenduduk = load(\"penduduk\")\n"
             "print(ampunku.attrs[\"judul\"], \"-\", len(ampunku), \"perjalanan\")\nampunku.head()"),
        ],
        "7b": [
        md(f"{M}-7b-soal", """## 2. Dasbor AMPUNKU: perjalanan per bulan

### Soal 7b
Hitung banyaknya perjalanan AMPUNKU **per bulan** (Juli 2024 – Juni 2025), urut menurut waktu. Simpan di
`per_bulan`."""),
        jawaban(f"{M}-7b",
                "# Ganti setiap ... di bawah ini dengan kode Anda, lalu hapus baris raise NotImplementedError().\n"
                "# Tanggal -> bulan dengan .dt.to_period(\"M\"), lalu .value_counts() dan .sort_index()\n"
                "per_bulan = ...", "per_bulan = ampunku[\"tanggal\"].dt.to_period(\"M\").value_counts().sort_index()",
                'cek("7b", per_bulan)\nper_bulan'),
        tes(f"{M}-7b-tes", "7b", "per_bulan"),
        ],
        "7c": [
        md(f"{M}-7c-soal", """### Soal 7c (grafik)
Gambar `per_bulan` sebagai **diagram garis**. Beri judul (apa, di mana, kapan) dan label kedua sumbu dengan
satuannya. Simpan gambarnya di `fig_bulanan`."""),
        jawaban(f"{M}-7c", "",
                "fig_bulanan, ax = plt.subplots(figsize=(8, 4))\n"
                "ax.plot(per_bulan.index.astype(str), per_bulan.to_numpy(), marker=\"o\")\n"
                f"ax.set_title(\"Perjalanan AMPUNKU per bulan, Juli 2024 – Juni 2025 ({tempat.ket_data})\")\n"
                "ax.set_xlabel(\"Bulan\")\n"
                "ax.set_ylabel(\"Banyaknya perjalanan\")\n"
                "ax.set_ylim(bottom=0)\n"
                "ax.tick_params(axis=\"x\", rotation=45)",
                'cek("7c", fig_bulanan)\nplt.show()'),
        tes(f"{M}-7c-tes", "7c", "fig_bulanan"),
        ],
        "menyesatkan": [
        md(f"{M}-menyesatkan", """## 3. Grafik jujur dan grafik menyesatkan

Grafik di bawah ini dibuat seorang petugas untuk rapat. Perhatikan masalahnya:

1. **Jumlah, bukan angka per penduduk**: RT yang penduduknya banyak cenderung punya lebih banyak perjalanan.
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
        ],
        "7d": [
        md(f"{M}-7d-soal", """### Soal 7d
Hitung banyaknya perjalanan AMPUNKU **per 1.000 penduduk** di setiap RT. Simpan di `laju_rt`."""),
        jawaban(f"{M}-7d", "",
                "laju_rt = ampunku[\"rt\"].value_counts() / penduduk[\"rt\"].value_counts() * 1000",
                'cek("7d", laju_rt)\nlaju_rt.sort_values(ascending=False).head()'),
        tes(f"{M}-7d-tes", "7d", "laju_rt"),
        ],
        "7e": [
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
                f"fig_rt.text(0.01, 0.01, \"Sumber: catatan AMPUNKU dan data penduduk ({tempat.ket_data})\", "
                "fontsize=8)",
                'cek("7e", fig_rt)\nplt.show()'),
        tes(f"{M}-7e-tes", "7e", "fig_rt"),
        ],
        "7f": [
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
        ],
        "dasbor": [
        md(f"{M}-dasbor", f"""### Dasbor
Sel berikut menyatukan ketiga grafik Anda menjadi satu **dasbor** untuk {tempat.kepala}, lengkap dengan sumber data.
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
             f"dasbor.suptitle(\"Dasbor AMPUNKU {tempat.label}, Jul 2024 – Jun 2025\")\n"
             f"dasbor.text(0.01, 0.01, \"Sumber: catatan AMPUNKU dan data penduduk ({tempat.ket_data})\", fontsize=8)\n"
             "dasbor.tight_layout()\n"
             "plt.show()"),
        *aplikasi_sel(f"{M}-aplikasi-ampunku", "ampunku",
                      f"Dasbor AMPUNKU untuk warga dan {tempat.kepala}: perjalanan per bulan, per RT dan tujuan, dan "
                      "sebaran waktu tunggu. Bandingkan dengan dasbor yang Anda buat di atas."),
        ],
        "7h": [
        md(f"{M}-7h-soal", f"""### Soal 7h (jawaban tertulis, dinilai pelatih)

{tempat.Kepala} akan menambah **satu armada AMPUNKU** dan bertanya RT mana yang paling membutuhkan. Petugas membawa
grafik "AMPUNKU per RT" di bagian 3. Tulis catatan untuk {tempat.kepala} (4–6 kalimat): apa yang menyesatkan dari grafik
itu, grafik mana dari dasbor Anda yang sebaiknya dipakai dan mengapa, dan satu hal yang **tidak** bisa
ditunjukkan data AMPUNKU tentang kebutuhan warga."""),
        *soal_tulisan(f"{M}-7h", "7h", kriteria_dasbor("Keterbatasan data layanan"), CONTOH_7H, [
            Kunci(f"Perjalanan per 1.000 penduduk RT {angka(RT1)} (tertinggi, soal 7d)", float(LAJU.iloc[0]), 1,
                  desimal=0),
            Kunci(f"Perjalanan per 1.000 penduduk RT {angka(RT2)} (kedua)", float(LAJU.iloc[1]), 1, desimal=0),
            Kunci(f"Perjalanan dengan waktu tunggu lebih dari {angka(TUNGGU_BATAS)} menit", LAMA, 0.5, desimal=1,
                  satuan="%"),
        ]),
        ],
    }


def _kelahiran() -> dict[str, list[dict]]:
    """The same dashboard for a place without a service table (variant questions 7m–7q, 7r): births of the
    last twelve months per month and per 1.000 residents of each RT, and the households' spending."""
    contoh_7r = [
        Contoh(4, "Grafik petugas menyesatkan: ia memakai jumlah kelahiran sehingga RT yang penduduknya banyak "
                  "tampak paling membutuhkan, sumbunya dipotong sehingga selisih kecil tampak besar, dan urutannya "
                  "acak. Sebaiknya dipakai grafik kelahiran per 1.000 penduduk yang diurutkan: RT "
                  f"{angka(RT1)} ({angka(LAHIR.iloc[0])}) dan RT {angka(RT2)} ({angka(LAHIR.iloc[1])} kelahiran per "
                  f"1.000 penduduk) paling tinggi. Tetapi dalam setahun hanya ada {angka(BAYI)} kelahiran, jadi "
                  "angka per RT berasal dari sedikit bayi dan mudah berubah; data ini juga tidak mencatat ibu yang "
                  "sedang hamil, jadi perlu ditanyakan ke bidan desa dan kader posyandu.", [4, 4, 4, 4]),
        Contoh(3, "Grafik itu memakai jumlah, bukan per penduduk, dan sumbunya tidak mulai dari nol. Pakai grafik "
                  f"per 1.000 penduduk: RT {angka(RT1)} paling tinggi. Data kelahiran tidak mencatat ibu hamil.",
               [3, 3, 3, 3]),
        Contoh(2, f"Grafiknya kurang jelas. RT {angka(RT1)} paling banyak kelahirannya, jadi kelas di sana.",
               [2, 2, 1, 3]),
        Contoh(1, "Grafik petugas sudah benar, RT dengan batang tertinggi paling membutuhkan.", [1, 1, 1, 2]),
    ]
    return {
        "muat": [
            kode(f"{M}-muat", "penduduk = load(\"penduduk\")\nkeluarga = load(\"keluarga\")\n"
                 "# bayi: penduduk yang lahir dalam dua belas bulan terakhir (Juli 2024 – Juni 2025)\n"
                 f"bayi = penduduk[penduduk[\"tanggal_lahir\"] >= \"{F.AWAL_KELAHIRAN}\"]\n"
                 "print(len(bayi), \"kelahiran dalam setahun\")\nbayi.head()"),
        ],
        "7b": [
            md(f"{M}-7m-soal", """## 2. Dasbor kelahiran: kelahiran per bulan

### Soal 7m
Hitung banyaknya kelahiran **per bulan** (Juli 2024 – Juni 2025) dari tabel `bayi`, urut menurut waktu.
Simpan di `per_bulan`."""),
            jawaban(f"{M}-7m",
                    "# Ganti setiap ... di bawah ini dengan kode Anda, lalu hapus baris raise NotImplementedError().\n"
                    "# Tanggal lahir -> bulan dengan .dt.to_period(\"M\"), lalu .value_counts() dan .sort_index()\n"
                    "per_bulan = ...",
                    "per_bulan = bayi[\"tanggal_lahir\"].dt.to_period(\"M\").value_counts().sort_index()",
                    'cek("7m", per_bulan)\nper_bulan'),
            tes(f"{M}-7m-tes", "7m", "per_bulan"),
        ],
        "7c": [
            md(f"{M}-7n-soal", """### Soal 7n (grafik)
Gambar `per_bulan` sebagai **diagram garis**. Beri judul (apa, di mana, kapan) dan label kedua sumbu dengan
satuannya. Simpan gambarnya di `fig_bulanan`."""),
            jawaban(f"{M}-7n", "",
                    "fig_bulanan, ax = plt.subplots(figsize=(8, 4))\n"
                    "ax.plot(per_bulan.index.astype(str), per_bulan.to_numpy(), marker=\"o\")\n"
                    f"ax.set_title(\"Kelahiran per bulan, {tempat.nama}, Juli 2024 – Juni 2025 ({tempat.ket_data})\")\n"
                    "ax.set_xlabel(\"Bulan\")\n"
                    "ax.set_ylabel(\"Banyaknya kelahiran\")\n"
                    "ax.set_ylim(bottom=0)\n"
                    "ax.tick_params(axis=\"x\", rotation=45)",
                    'cek("7n", fig_bulanan)\nplt.show()'),
            tes(f"{M}-7n-tes", "7n", "fig_bulanan"),
        ],
        "menyesatkan": [
            md(f"{M}-menyesatkan", """## 3. Grafik jujur dan grafik menyesatkan

Grafik di bawah ini dibuat seorang petugas untuk rapat. Perhatikan masalahnya:

1. **Jumlah, bukan angka per penduduk**: RT yang penduduknya banyak cenderung punya lebih banyak kelahiran.
2. **Sumbu terpotong**: sumbu tegak tidak mulai dari nol, sehingga selisih kecil tampak besar.
3. **Urutan acak**: pembaca harus mencari sendiri mana yang tertinggi.
4. **Tanpa satuan dan sumber**."""),
            kode(f"{M}-menyesatkan-grafik",
                 "jumlah_rt = bayi[\"rt\"].value_counts().sort_index()\n"
                 "fig, ax = plt.subplots(figsize=(8, 3.5))\n"
                 "ax.bar(jumlah_rt.index.astype(str), jumlah_rt.to_numpy(), color=\"#c0392b\")\n"
                 "ax.set_ylim(jumlah_rt.min() - 0.5, jumlah_rt.max() + 0.5)  # sumbu terpotong!\n"
                 "ax.set_title(\"Kelahiran per RT\")\n"
                 "plt.show()"),
        ],
        "7d": [
            md(f"{M}-7o-soal", """### Soal 7o
Hitung banyaknya kelahiran **per 1.000 penduduk** di setiap RT. RT yang tidak punya kelahiran diberi 0 dengan
`.fillna(0)`. Simpan di `laju_rt`."""),
            jawaban(f"{M}-7o", "",
                    "laju_rt = (bayi[\"rt\"].value_counts() / penduduk[\"rt\"].value_counts() * 1000).fillna(0)",
                    'cek("7o", laju_rt)\nlaju_rt.sort_values(ascending=False).head()'),
            tes(f"{M}-7o-tes", "7o", "laju_rt"),
        ],
        "7e": [
            md(f"{M}-7p-soal", """### Soal 7p (grafik)
Gambar ulang grafik petugas dengan jujur: **diagram batang** `laju_rt`, **diurutkan** menurut nilainya,
sumbu nilai **mulai dari nol**, label sumbu dengan **satuan** ("kelahiran per 1.000 penduduk"), judul, dan
nomor RT pada setiap batang. Simpan gambarnya di `fig_rt`."""),
            jawaban(f"{M}-7p", "",
                    "urut = laju_rt.sort_values()\n"
                    "fig_rt, ax = plt.subplots(figsize=(7, 5))\n"
                    "ax.barh(urut.index.astype(str), urut.to_numpy(), color=\"#2e86c1\")\n"
                    "ax.set_title(\"Kelahiran per 1.000 penduduk menurut RT, Jul 2024 – Jun 2025\")\n"
                    "ax.set_xlabel(\"Kelahiran per 1.000 penduduk\")\n"
                    "ax.set_ylabel(\"RT\")\n"
                    f"fig_rt.text(0.01, 0.01, \"Sumber: data penduduk ({tempat.ket_data})\", fontsize=8)",
                    'cek("7p", fig_rt)\nplt.show()'),
            tes(f"{M}-7p-tes", "7p", "fig_rt"),
        ],
        "7f": [
            md(f"{M}-7q-soal", """## 4. Sebaran pengeluaran keluarga

Rata-rata saja menyembunyikan keluarga yang pengeluarannya sangat rendah. **Histogram** memperlihatkan
seluruh sebarannya.

### Soal 7q (grafik)
Gambar histogram `pengeluaran_per_kapita` dari tabel `keluarga`. Label sumbu mendatar harus menyebut
satuannya (rupiah). Simpan gambarnya di `fig_pengeluaran`."""),
            jawaban(f"{M}-7q", "",
                    "fig_pengeluaran, ax = plt.subplots(figsize=(7, 4))\n"
                    "ax.hist(keluarga[\"pengeluaran_per_kapita\"], bins=20, color=\"#27ae60\", edgecolor=\"white\")\n"
                    f"ax.set_title(\"Sebaran pengeluaran per kapita keluarga, {tempat.nama} ({tempat.ket_data})\")\n"
                    "ax.set_xlabel(\"Pengeluaran per kapita (rupiah per bulan)\")\n"
                    "ax.set_ylabel(\"Banyaknya keluarga\")",
                    'cek("7q", fig_pengeluaran)\nplt.show()'),
            tes(f"{M}-7q-tes", "7q", "fig_pengeluaran"),
        ],
        "dasbor": [
            md(f"{M}-dasbor", f"""### Dasbor
Sel berikut menyatukan ketiga grafik Anda menjadi satu **dasbor** untuk {tempat.kepala}, lengkap dengan sumber
data. Jalankan saja."""),
            kode(f"{M}-dasbor-kode",
                 "dasbor, (a1, a2, a3) = plt.subplots(1, 3, figsize=(15, 5.5))\n"
                 "a1.plot(per_bulan.index.astype(str), per_bulan.to_numpy(), marker=\"o\")\n"
                 "a1.set(title=\"Kelahiran per bulan\", ylabel=\"kelahiran\", ylim=(0, None))\n"
                 "a1.tick_params(axis=\"x\", rotation=90)\n"
                 "u = laju_rt.sort_values()\n"
                 "a2.barh(u.index.astype(str), u.to_numpy())\n"
                 "a2.set(title=\"Per 1.000 penduduk, menurut RT\", xlabel=\"kelahiran per 1.000 penduduk\", "
                 "ylabel=\"RT\")\n"
                 "a3.hist(keluarga[\"pengeluaran_per_kapita\"], bins=20)\n"
                 "a3.set(title=\"Pengeluaran per kapita\", xlabel=\"rupiah per bulan\", ylabel=\"keluarga\")\n"
                 f"dasbor.suptitle(\"Dasbor kelahiran dan pengeluaran {tempat.label}, Jul 2024 – Jun 2025\")\n"
                 f"dasbor.text(0.01, 0.01, \"Sumber: data penduduk dan keluarga ({tempat.ket_data})\", fontsize=8)\n"
                 "dasbor.tight_layout()\n"
                 "plt.show()"),
        ],
        "7h": [
            md(f"{M}-7r-soal", f"""### Soal 7r (jawaban tertulis, dinilai pelatih)

{tempat.Kepala} akan mengadakan **kelas ibu hamil dan bayi** di **satu** RT dan bertanya RT mana yang paling
membutuhkan. Petugas membawa grafik "Kelahiran per RT" di bagian 3. Tulis catatan untuk {tempat.kepala}
(4–6 kalimat): apa yang menyesatkan dari grafik itu, grafik mana dari dasbor Anda yang sebaiknya dipakai dan
mengapa, dan satu hal yang **tidak** bisa ditunjukkan data kelahiran setahun tentang kebutuhan warga."""),
            *soal_tulisan(f"{M}-7r", "7r", kriteria_dasbor("Keterbatasan data"), contoh_7r, [
                Kunci(f"Kelahiran per 1.000 penduduk RT {angka(RT1)} (tertinggi, soal 7o)", float(LAHIR.iloc[0]), 1,
                      desimal=0),
                Kunci(f"Kelahiran per 1.000 penduduk RT {angka(RT2)} (kedua)", float(LAHIR.iloc[1]), 1, desimal=0),
                Kunci("Kelahiran dalam setahun (Juli 2024 – Juni 2025)", BAYI, 0),
            ]),
        ],
    }


V = _ampunku() if AMPUNKU else _kelahiran()

NOTEBOOKS = {
    "modul7_grafik_diseminasi": [
        *pembuka(
            M, "Modul 7 · Grafik, dasbor & diseminasi",
            tujuan=[
                "memilih jenis grafik yang cocok dengan pertanyaan;",
                "mengenali dan memperbaiki grafik yang menyesatkan (sumbu terpotong, jumlah bukan angka per "
                "penduduk, urutan acak, tanpa satuan dan sumber);",
                "menyusun dasbor sederhana layanan AMPUNKU;" if AMPUNKU else
                "menyusun dasbor sederhana kelahiran dan pengeluaran keluarga;",
                "menyusun tabel bergaya \"… dalam Angka\";",
                "menjaga kerahasiaan statistik: tanpa NIK/KK, angka kecil per RT disembunyikan;",
                "menggabungkan dua tabel lewat kode wilayah (Satu Data).",
            ],
            pertanyaan=[
                f"Bagaimana menyajikan data AMPUNKU supaya {tempat.kepala} dan warga membacanya dengan benar?"
                if AMPUNKU else
                f"Bagaimana menyajikan data kelahiran supaya {tempat.kepala} dan warga membacanya dengan benar?",
                "Apa yang membuat sebuah grafik jujur atau menyesatkan?",
            ],
            durasi="2 jam 30 menit",
        ),
        *V["muat"],
        md(f"{M}-pilih", f"""## 1. Memilih grafik

| pertanyaan | grafik |
|---|---|
| perubahan menurut waktu | diagram garis |
| membandingkan kelompok (RT, posyandu) | diagram batang, diurutkan |
| sebaran satu variabel angka | histogram |
| hubungan dua variabel angka | diagram pencar |
| bagian dari keseluruhan (sedikit kategori) | diagram batang (lebih mudah dibaca daripada lingkaran) |

### Soal 7a
{PILIH_7A} Grafik mana
yang paling cocok? Simpan hurufnya di `pilihan_7a`.

""" + "  ".join(f"**{k}.** {v}" for k, v in PILIHAN_7A_TEKS.items())),
        jawaban(f"{M}-7a", "", "pilihan_7a = \"B\"", 'cek("7a", pilihan_7a)'),
        tes(f"{M}-7a-tes", "7a", "pilihan_7a"),
        md(f"{M}-contoh-periode-md", """**Contoh → Coba: tanggal menjadi bulan atau tahun.** Kolom tanggal punya
perintah-perintah khusus di balik `.dt`. `.dt.to_period("M")` mengubah setiap tanggal menjadi bulannya
(misalnya `2024-07`), `.dt.to_period("Y")` menjadi tahunnya. Contoh: banyaknya penduduk menurut tahun lahir."""),
        contoh_kode(f"{M}-contoh-periode", """# Tahun lahir setiap penduduk (dari kolom tanggal_lahir)
tahun_lahir = penduduk["tanggal_lahir"].dt.to_period("Y")
# Banyaknya penduduk per tahun lahir, diurutkan menurut waktu; .tail() menampilkan 5 baris terakhir
tahun_lahir.value_counts().sort_index().tail()"""),
        *V["7b"],
        md(f"{M}-contoh-garis-md", f"**Contoh → Coba: diagram garis.** Jumlah penduduk {tempat.nama} dari tahun ke "
           "tahun."),
        contoh_kode(f"{M}-contoh-garis", f"""tahunan = load("penduduk_tahunan")
fig, ax = plt.subplots(figsize=(7, 3.5))
# ax.plot(label, nilai) menggambar diagram garis; marker="o" memberi titik di setiap tahun.
# .astype(str) menjadikan tahun label teks; .to_numpy() mengambil deret angkanya saja.
ax.plot(tahunan["tahun"].astype(str), tahunan["jumlah_penduduk"].to_numpy(), marker="o")
ax.set_title("Jumlah penduduk {tempat.nama} menurut tahun ({tempat.ket_data})")
ax.set_xlabel("Tahun")
ax.set_ylabel("Jumlah penduduk (orang)")
# ax.set_ylim(bottom=0): sumbu tegak mulai dari nol
ax.set_ylim(bottom=0)
# ax.tick_params(...): label sumbu mendatar dimiringkan 45 derajat supaya tidak bertumpuk
ax.tick_params(axis="x", rotation=45)
plt.show()"""),
        *V["7c"],
        *V["menyesatkan"],
        *aplikasi_sel(f"{M}-aplikasi-grafik", "grafik",
                      "Potong sumbunya, ganti jumlah dengan persentase, acak urutannya: lihat bagaimana data yang "
                      "sama memberi kesan yang berbeda, dan baca penjelasan setiap masalahnya."),
        *V["7d"],
        md(f"{M}-contoh-urut-md", "**Contoh → Coba: batang yang diurutkan, dengan sumber.** Banyaknya penduduk "
           "menurut RT, dari yang terkecil."),
        contoh_kode(f"{M}-contoh-urut", f"""# .sort_values() mengurutkan menurut nilainya, dari yang terkecil
per_rt = penduduk["rt"].value_counts().sort_values()
fig, ax = plt.subplots(figsize=(6, 6))
ax.barh(per_rt.index.astype(str), per_rt.to_numpy(), color="#7f8c8d")
ax.set_title("Penduduk menurut RT, {tempat.nama} 2025 ({tempat.ket_data})")
ax.set_xlabel("Jumlah penduduk (orang)")
ax.set_ylabel("RT")
# fig.text(x, y, "...") menulis catatan di gambar; (0.01, 0.01) = pojok kiri bawah. Di sini: sumber data.
fig.text(0.01, 0.01, "Sumber: data penduduk {"Kelas Cantik (data sintetis)" if tempat.sintetis else "(" + tempat.ket_data + ")"}", fontsize=8)
plt.show()"""),
        *V["7e"],
        md(f"{M}-contoh-histogram-md", "**Contoh → Coba: histogram.** Sebaran umur penduduk."),
        contoh_kode(f"{M}-contoh-histogram", f"""fig, ax = plt.subplots(figsize=(7, 3.5))
# ax.hist(nilai, bins=20) membagi rentang nilai menjadi 20 selang sama lebar dan menggambar
# berapa banyak nilai yang jatuh di setiap selang
ax.hist(penduduk["umur"], bins=20, color="#8e44ad", edgecolor="white")
ax.set_title("Sebaran umur penduduk {tempat.nama}, 2025 ({tempat.ket_data})")
ax.set_xlabel("Umur (tahun)")
ax.set_ylabel("Banyaknya penduduk")
plt.show()"""),
        *V["7f"],
        *V["dasbor"],
        md(f"{M}-7g-soal", f"""## 5. Tabel bergaya "… dalam Angka"

Publikasi BPS "… dalam Angka" menyajikan tabel dengan judul bernomor, satuan, baris **Jumlah** di bawah, dan
sumber. Contoh: *Tabel 3.1 Jumlah Penduduk menurut RT dan Jenis Kelamin, {tempat.label}, 2025*.

### Soal 7g
Buat tabel `tabel_penduduk` (DataFrame) dengan kolom `rt`, `laki_laki`, `perempuan`, `jumlah` dan
`rasio_jenis_kelamin` (L / P × 100), satu baris per RT, ditambah baris terakhir dengan `rt` = `"Jumlah"`
untuk seluruh {tempat.jenis}."""),
        md(f"{M}-contoh-tabel-md", """**Contoh → Coba: tabel gaya "… dalam Angka".** Keluarga menurut RT dan
penerimaan bantuan sosial, dengan baris **Jumlah** dan persentase penerima."""),
        contoh_kode(f"{M}-contoh-tabel", """keluarga = load("keluarga")
# Tabel silang: baris = RT, kolom = penerimaan bansos (Ya/Tidak), isi = banyaknya keluarga
t = pd.crosstab(keluarga["rt"], keluarga["penerima_bansos"])
# .rename(columns={lama: baru}) mengganti nama kolom; [[...]] memilih kolom dalam urutan itu
t = t.rename(columns={"Ya": "penerima", "Tidak": "bukan_penerima"})[["penerima", "bukan_penerima"]]
# .loc["Jumlah"] = ... menambah baris berlabel "Jumlah"; t.sum() menjumlahkan setiap kolom
t.loc["Jumlah"] = t.sum()
# Kolom baru dihitung dari kolom yang ada (juga untuk baris Jumlah)
t["jumlah"] = t["penerima"] + t["bukan_penerima"]
t["persen_penerima"] = (t["penerima"] / t["jumlah"] * 100).round(1)
# .rename_axis("rt") memberi nama label baris; .reset_index() menjadikan label itu kolom biasa
tabel_bansos = t.rename_axis("rt").reset_index()
# Hapus nama sisa di atas judul kolom (bawaan pd.crosstab)
tabel_bansos.columns.name = None
tabel_bansos.tail()"""),
        jawaban(f"{M}-7g",
                "# Kerangka seperti contoh tabel keluarga dan bansos di atas (pilih baris-baris kerangka, tekan Ctrl + / untuk membuang tanda #, lalu lengkapi):\n"
                "# t = pd.crosstab(penduduk[\"rt\"], penduduk[\"jenis_kelamin\"])\n"
                "# t = t.rename(columns={\"L\": \"laki_laki\", \"P\": \"perempuan\"})[[\"laki_laki\", \"perempuan\"]]\n"
                "# t.loc[\"Jumlah\"] = ...\n"
                "# t[\"jumlah\"] = ...\n"
                "# t[\"rasio_jenis_kelamin\"] = ...\n"
                "# tabel_penduduk = t.rename_axis(\"rt\").reset_index()\n"
                "# tabel_penduduk.columns.name = None",
                "t = pd.crosstab(penduduk[\"rt\"], penduduk[\"jenis_kelamin\"])\n"
                "t = t.rename(columns={\"L\": \"laki_laki\", \"P\": \"perempuan\"})[[\"laki_laki\", \"perempuan\"]]\n"
                "t.loc[\"Jumlah\"] = t.sum()\n"
                "t[\"jumlah\"] = t[\"laki_laki\"] + t[\"perempuan\"]\n"
                "t[\"rasio_jenis_kelamin\"] = (t[\"laki_laki\"] / t[\"perempuan\"] * 100).round(1)\n"
                "tabel_penduduk = t.rename_axis(\"rt\").reset_index()\n"
                "tabel_penduduk.columns.name = None",
                'cek("7g", tabel_penduduk)\n'
                f'print("Tabel 3.1 Jumlah Penduduk menurut RT dan Jenis Kelamin, {tempat.label}, 2025")\n'
                'display(tabel_penduduk.tail())\n'
                f'print("Sumber: data penduduk {"Kelas Cantik (data sintetis)" if tempat.sintetis else "(" + tempat.ket_data + ")"}")'),
        tes(f"{M}-7g-tes", "7g", "tabel_penduduk"),
        md(f"{M}-rahasia", f"""## 6. Kerahasiaan statistik: apa yang boleh disebarkan

Data {tempat.jenis} dikumpulkan dari warga dengan janji bahwa keterangan pribadi mereka **dirahasiakan**. Prinsip
kerahasiaan statistik, dan Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi, berarti:

1. **Tidak ada NIK, nomor KK, nama, atau alamat** di tabel, grafik, atau halaman yang dibagikan. NIK dan KK
   hanya dipakai di dalam pengolahan (misalnya untuk mencocokkan dua daftar), tidak pernah ditampilkan.
2. **Angka kecil disembunyikan.** Di tabel per RT, jumlah orang **1 sampai {angka(BATAS - 1)}** tidak ditampilkan:
   tulis "<{angka(BATAS)}", atau gabungkan beberapa RT (misalnya per RW atau per posyandu). Bila di satu RT hanya ada
   satu atau dua balita stunting, tetangga bisa menebak siapa mereka. Angka 0 boleh ditampilkan.
3. **Tampilkan persentase bersama penyebutnya yang cukup besar**, bukan daftar orang.

`ekspor_html` (modul 8) memeriksa aturan ini: halaman yang memuat kolom NIK/KK ditolak, dan tabel per RT yang
berisi angka 1–{angka(BATAS - 1)} diberi peringatan."""),
        kode(f"{M}-rahasia-muat",
             "balita = load(\"balita\")\n"
             "z = ind.skor_z_tb_u(balita)\n"
             "stunting_rt = (z < -2).groupby(balita[\"rt\"]).sum()\n"
             "stunting_rt.to_frame(\"balita stunting\").T"),
        md(f"{M}-7i-soal", f"""### Soal 7i
Menurut aturan di atas, berapa **RT** yang angka balita stuntingnya harus disembunyikan (angka 1 sampai
{angka(BATAS - 1)})? Simpan di `rt_disembunyikan`."""),
        jawaban(f"{M}-7i", "", f"rt_disembunyikan = stunting_rt.between(1, {BATAS - 1}).sum()",
                'cek("7i", rt_disembunyikan)'),
        tes(f"{M}-7i-tes", "7i", "rt_disembunyikan"),
        md(f"{M}-contoh-ganti-md", "**Contoh → Coba: mengganti sebagian isian.** `.where(syarat, pengganti)` "
           "membiarkan isian yang syaratnya `True` dan mengganti yang `False`."),
        contoh_kode(f"{M}-contoh-ganti", """# Banyaknya penduduk di lima RT pertama
jumlah_rt = penduduk["rt"].value_counts().sort_index().head()
# .astype(object): deret angka boleh berisi teks juga
# .where(jumlah_rt >= 450, "kurang"): angka 450 ke atas tetap, yang lain diganti teks "kurang"
jumlah_rt.astype(object).where(jumlah_rt >= 450, "kurang")"""),
        md(f"{M}-7j-soal", f"""### Soal 7j
Buat versi yang aman untuk dibagikan: `tabel_aman` berisi angka setiap RT, tetapi angka 1 sampai
{angka(BATAS - 1)} diganti teks `"<{angka(BATAS)}"`."""),
        jawaban(f"{M}-7j", "",
                f"tabel_aman = stunting_rt.astype(object).where(~stunting_rt.between(1, {BATAS - 1}), \"<{BATAS}\")",
                'cek("7j", tabel_aman)\ntabel_aman.to_frame("balita stunting").T'),
        tes(f"{M}-7j-tes", "7j", "tabel_aman"),
        md(f"{M}-kode-wilayah", f"""{angka(ambil("7i").nilai_harapan())} dari {angka(N_RT)} RT harus disembunyikan: untuk angka
sekecil ini, sajikan per posyandu atau untuk seluruh {tempat.jenis} saja.

## 7. Menggabungkan dua tabel lewat kode wilayah

*Satu Data Indonesia* meminta setiap data memakai **kode referensi**, misalnya kode wilayah BPS/Kemendagri.
Mengapa? Nama wilayah sering ditulis berbeda di setiap kantor ("KEL. KANDANGAN KOTA", "Sei Kupang" untuk
Sungai Kupang), sehingga dua tabel yang digabung lewat nama kehilangan baris tanpa peringatan. Kode tidak
berubah ejaannya.

Tabel `kode_wilayah` adalah daftar rujukan kode (kode **contoh** berformat kode BPS, bukan kode resmi) dan
`sekolah_wilayah` memuat jumlah sekolah per wilayah menurut daftar sekolah, dengan kodenya."""),
        md(f"{M}-kode-muat-md", "**Contoh → Coba: menggabungkan dua tabel.** `.merge(tabel_lain, ...)` memasang "
           "baris kedua tabel yang isian kolom penghubungnya sama. Contoh ini menggabungkan lewat **nama**."),
        contoh_kode(f"{M}-kode-muat", """desa = load("desa_kelurahan")
kode = load("kode_wilayah")
sekolah = load("sekolah_wilayah")
# .merge: baris desa dipasangkan dengan baris sekolah yang namanya sama
# (left_on = kolom di tabel kiri, right_on = kolom di tabel kanan; bila namanya sama cukup on="kolom")
lewat_nama = desa.merge(sekolah, left_on="nama", right_on="nama_wilayah")
print("desa/kelurahan:", len(desa), "  cocok lewat nama:", len(lewat_nama))
sekolah.head()"""),
        md(f"{M}-7k-soal", """### Soal 7k
Gabungkan `desa` dengan `kode` (lewat `nama`), lalu dengan `sekolah` (lewat `kode_wilayah`). Hitung banyaknya
**SD per 10.000 penduduk** setiap desa/kelurahan, dengan nama desa/kelurahan sebagai label. Simpan di
`sd_per_10000`."""),
        jawaban(f"{M}-7k", "",
                "gabung = desa.merge(kode, on=\"nama\").merge(sekolah, on=\"kode_wilayah\")\n"
                "gabung = gabung.set_index(\"nama\")\n"
                "sd_per_10000 = gabung[\"jumlah_sd\"] / gabung[\"jumlah_penduduk\"] * 10000",
                'cek("7k", sd_per_10000)\nprint(len(gabung), "desa/kelurahan tergabung")'),
        tes(f"{M}-7k-tes", "7k", "sd_per_10000"),
        *V["7h"],
        *penutup(M, [
            "Pilih grafik menurut pertanyaannya: waktu → garis, kelompok → batang terurut, sebaran → histogram.",
            "Diagram batang harus mulai dari nol; sumbu yang dipotong membesar-besarkan selisih.",
            "Bandingkan wilayah dengan angka per penduduk, bukan jumlah mentah.",
            "Setiap grafik dan tabel perlu judul (apa, di mana, kapan), satuan, dan sumber data.",
            "Tabel gaya \"… dalam Angka\" diakhiri baris Jumlah; rasio di baris itu dihitung dari totalnya.",
            f"Yang dibagikan tanpa NIK/KK; angka 1–{angka(BATAS - 1)} per RT disembunyikan atau RT-nya digabung.",
            "Gabungkan tabel lewat kode wilayah, bukan nama: nama ditulis berbeda-beda.",
        ]),
    ],
}
