"""Realistic answers per module: alternative correct solutions and common mistakes.

``BENAR[modul]``: ``{answer cell id: [alternative correct code, ...]}`` (each must keep full marks).
``SALAH[modul]``: ``[(answer cell id, wrong code, test cell id that must lose points, expected message part,
[test cells that must also lose points because they reuse the wrong value])]``.
Each snippet replaces the learner's solution region only; the cell's ``cek`` line stays.
"""

from __future__ import annotations

BENAR: dict[str, dict[str, list[str]]] = {
    "modul1": {
        "m1-1a": ["jumlah_penduduk = penduduk.shape[0]", "jumlah_penduduk = int(penduduk[\"nik\"].count())"],
        "m1-1b": ["jumlah_rt = len(penduduk[\"rt\"].unique())", "jumlah_rt = len(set(penduduk.rt))"],
        "m1-1c": ["kolom_kuantitatif = \"umur\"", "kolom_kuantitatif = (\"Umur\",)"],
        "m1-1d": [
            "frek_pendidikan = penduduk.groupby(\"pendidikan_tertinggi\", observed=True).size()",
            "frek_pendidikan = penduduk[\"pendidikan_tertinggi\"].value_counts().sort_index().to_dict()",
        ],
        "m1-1e": [
            "persen_perempuan = round(len(penduduk[penduduk.jenis_kelamin == \"P\"]) / len(penduduk) * 100, "
            "1)",
            "import numpy as np\npersen_perempuan = np.float32(100 * (penduduk.jenis_kelamin == \"P\").sum()"
            " / len(penduduk))",
        ],
        "m1-1f": ["jumlah_duplikat = len(mentah) - len(mentah.drop_duplicates())"],
        "m1-1g": ["jumlah_umur_mustahil = int((~umur_angka.between(0, 110)).sum())"],
        "m1-1h": [
            "jk = mentah[\"jenis_kelamin\"].str.upper().str.strip()\n"
            "peta = {\"L\": \"L\", \"LK\": \"L\", \"LAKI\": \"L\", \"LAKI-LAKI\": \"L\", \"P\": \"P\", "
            "\"PR\": \"P\",\n"
            "        \"PEREMPUAN\": \"P\", \"WANITA\": \"P\"}\n"
            "frek_jk_bersih = jk.map(peta).value_counts().to_dict()",
            "import warnings\n"
            "frek_jk_bersih = (mentah[\"jenis_kelamin\"].dropna().apply(lambda s: \"L\" if s.strip()[0] in "
            "\"lL\" "
            "else \"P\").value_counts())\n"
            "warnings.warn(\"peringatan contoh dari kode peserta\", FutureWarning)",
        ],
        "m1-1i": ["whipple_mentah = round(ind.whipple_index(umur_valid.tolist()), 1)"],
    },
    "modul2": {
        "m2-2a": [
            "jk = penduduk[\"jenis_kelamin\"].value_counts()\nrasio_jk = round(jk[\"L\"] / jk[\"P\"] * 100, "
            "2)",
            "rasio_jk = [len(penduduk.query('jenis_kelamin == \"L\"')) / len(penduduk.query('jenis_kelamin "
            "== \"P\"'))"
            " * 100]",
        ],
        "m2-2b": [
            "u = penduduk[\"umur\"]\n"
            "rasio_ketergantungan = ((u <= 14).sum() + (u >= 65).sum()) / u.between(15, 64).sum() * 100",
        ],
        "m2-2c": ["u = penduduk.umur\nrasio_tua = float(round(100 * (u > 64).sum() / ((u > 14) & (u < "
                  "65)).sum(), 1))"],
        "m2-2d": [
            "batas = list(range(0, 80, 5)) + [200]\nnama = [f\"{b}-{b + 4}\" for b in range(0, 75, 5)] + "
            "[\"75+\"]\n"
            "jumlah_per_kelompok = pd.cut(penduduk[\"umur\"], batas, right=False, "
            "labels=nama).value_counts()",
            "jumlah_per_kelompok = "
            "ind.age_groups(penduduk[\"umur\"]).value_counts().sort_values().astype(float)",
        ],
        "m2-2e": ["import numpy as np\nmedian_umur = np.median(penduduk[\"umur\"].to_numpy())"],
        "m2-2f": [
            "jpk = ind.age_groups(penduduk[\"umur\"]).value_counts().sort_index()  # urut dari muda\n"
            "n = jpk.sum()\nkum = jpk.cumsum()\n"
            "pos = int((kum >= n / 2).to_numpy().argmax())\n"
            "F = kum.iloc[pos - 1] if pos > 0 else 0\nf = jpk.iloc[pos]\n"
            "median_kelompok = pos * 5 + (n / 2 - F) / f * 5",
        ],
        "m2-2g": [
            "import warnings\n"
            "t = tabel_piramida.copy()\nt[\"L\"] = -t[\"L\"]\n"
            "ax = t[[\"L\", \"P\"]].plot.barh(stacked=True, width=0.9)\nfig = ax.figure\n"
            "ax.set(title=\"Piramida penduduk 2025\", xlabel=\"Jumlah orang\", ylabel=\"Umur\")\n"
            "warnings.warn(\"contoh peringatan matplotlib\", UserWarning)",
            # percentages of all residents, unsigned tick labels, another figure size, the plain Figure API
            "from matplotlib.ticker import FuncFormatter\n"
            "persen = tabel_piramida / tabel_piramida.to_numpy().sum() * 100\n"
            "fig = plt.figure(figsize=(5, 8))\nax = fig.add_subplot()\n"
            "ax.barh(range(16), -persen[\"L\"], height=1, color=\"navy\")\n"
            "ax.barh(range(16), persen[\"P\"], height=1, color=\"orange\")\n"
            "ax.set_yticks(range(16), persen.index.astype(str))\n"
            "ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f\"{abs(x):.1f}%\"))\n"
            "ax.set(title=\"Piramida penduduk 2025\", xlabel=\"Persen penduduk\", ylabel=\"Umur\")",
        ],
        "m2-2h": ["rata_umur = sum(penduduk.umur) / len(penduduk)"],
    },
    "modul3": {
        "m3-3a": ["laju_geometrik = round(((p2025 / p2015) ** (1 / 10) - 1) * 100, 2)"],
        "m3-3b": ["import math\nlaju_eksponensial = math.log(p2025 / p2015) / 10 * 100",
                  "import numpy as np\nlaju_eksponensial = np.log(p2025 / p2015) * 10"],
        "m3-3c": ["proyeksi_2030 = round(p2025 * (1 + laju_geometrik / 100) ** 5)",
                  "import math\nproyeksi_2030 = p2025 * math.exp(math.log(1 + laju_geometrik / 100) * 5)"],
        "m3-3i": ["m = mutasi_2024.pivot_table(index=\"jenis_mutasi\", values=\"jumlah\", aggfunc=\"sum\", "
                  "observed=False)[\"jumlah\"]\n"
                  "pertambahan_2024 = int(m.Lahir - m.Mati + m.Datang - m.Pindah)"],
        "m3-3d": ["kepadatan = (desa.jumlah_penduduk / desa.luas_km2).round(1).reset_index()",
                  "kepadatan = desa.eval(\"jumlah_penduduk / luas_km2\")",
                  "kepadatan = {n: r.jumlah_penduduk / r.luas_km2 for n, r in desa.iterrows()}\n"
                  "terpadat = max(kepadatan, key=kepadatan.get)"],
        "m3-3e": ["terpadat = (desa.jumlah_penduduk / desa.luas_km2).sort_values().index[-1].upper()",
                  "terpadat = \"Kelurahan \" + (desa.jumlah_penduduk / desa.luas_km2).idxmax() + \".\""],
        "m3-3f": ["import pandas as pd\nlaju_tiga = pd.Series({\n"
                  "    w.replace(\"_\", \" \").title(): "
                  "ind.growth_rate_geometric(*load(\"penduduk_tahunan\", wilayah=w)"
                  "\n        .query(\"tahun in [2015, 2025]\")[\"jumlah_penduduk\"].tolist(), 10)\n"
                  "    for w in [\"gambah_luar\", \"taluk_haur\", \"kandangan_utara\"]})"],
        "m3-3g": ["perubahan_poin = 4.01 - 4.54"],
        "m3-3h": ["perubahan_persen = round((4.01 - 4.54) / 4.54 * 100, 1)"],
    },
    "modul4": {
        "m4-4a": ["a = penduduk[penduduk.umur.between(7, 12)]\n"
                  "aps_7_12 = (a.status_sekolah == \"Masih sekolah\").mean() * 100"],
        "m4-4b": ["a = penduduk.query(\"16 <= umur <= 18\")\n"
                  "aps_16_18 = round(100 * a.status_sekolah.eq(\"Masih sekolah\").sum() / len(a), 1)"],
        "m4-4c": ["murid = (penduduk.status_sekolah == \"Masih sekolah\") & (penduduk.jenjang_sekolah == "
                  "\"SMP/sederajat\")\napk_smp = murid.sum() / penduduk.umur.between(13, 15).sum() * 100"],
        "m4-4d": ["umur_ok = penduduk.umur.between(13, 15)\n"
                  "murid = umur_ok & (penduduk.status_sekolah == \"Masih sekolah\") & "
                  "(penduduk.jenjang_sekolah == \"SMP/sederajat\")\n"
                  "apm_smp = [100 * murid.sum() / umur_ok.sum()]"],
        "m4-4e": ["murid_sd_luar_umur = len(murid_sd[(murid_sd.umur < 7) | (murid_sd.umur > 12)])"],
        "m4-4f": ["apk_sd_jk = {jk: ind.apk(penduduk[penduduk.jenis_kelamin == jk], \"SD/sederajat\") "
                  "for jk in [\"P\", \"L\"]}"],
        # a dict keyed by RT number, built in a loop: the most natural beginner answer (a DataFrame with the
        # RT as a column is covered by tests/sandbox/test_answer_contract.py)
        "m4-4g": ["aps_rt = {}\nfor nomor, warga in penduduk.groupby(\"rt\"):\n"
                  "    aps_rt[nomor] = round(ind.aps(warga, 16, 18), 2)"],
        "m4-4h": ["s = penduduk.groupby(\"rt\").apply(lambda d: ind.aps(d, 16, 18))\n"
                  "rt_terendah = [f\"RT {k}\" for k in s[s == s.min()].index]"],
    },
}

SALAH: dict[str, list[tuple]] = {
    "modul1": [
        ("m1-1a", "jumlah_penduduk = penduduk.shape[1]", "m1-1a-tes", "banyaknya kolom"),
        ("m1-1a", "jumlah_penduduk = penduduk.shape", "m1-1a-tes", "Ambil yang pertama"),
        ("m1-1b", "jumlah_rt = penduduk[\"rt\"].count()", "m1-1b-tes", "nunique"),
        ("m1-1c", "kolom_kuantitatif = [\"rt\", \"umur\"]", "m1-1c-tes", "Nomor RT memang ditulis dengan "
                                                                         "angka"),
        ("m1-1c", "kolom_kuantitatif = [\"umur\", \"pendidikan_tertinggi\"]", "m1-1c-tes", "ordinal"),
        ("m1-1d", "frek_pendidikan = penduduk[\"pendidikan_tertinggi\"].value_counts(normalize=True)",
         "m1-1d-tes", "proporsi"),
        ("m1-1e", "persen_perempuan = (penduduk[\"jenis_kelamin\"] == \"P\").mean()", "m1-1e-tes", "pecahan"),
        ("m1-1e", "persen_perempuan = (penduduk.jenis_kelamin == \"P\").sum() / (penduduk.jenis_kelamin == "
                  "\"L\")"
         ".sum() * 100", "m1-1e-tes", "SELURUH penduduk"),
        ("m1-1f", "jumlah_duplikat = mentah.duplicated(keep=False).sum()", "m1-1f-tes", "kedua salinan"),
        ("m1-1f", "jumlah_duplikat = mentah[\"nik\"].duplicated().sum()", "m1-1f-tes", "PERSIS sama"),
        ("m1-1g", "jumlah_umur_mustahil = (umur_angka > 110).sum()", "m1-1g-tes", "umur di bawah 0"),
        ("m1-1h", "frek_jk_bersih = mentah[\"jenis_kelamin\"].str.upper().value_counts()", "m1-1h-tes",
         "belum diseragamkan"),
        ("m1-1i", "whipple_mentah = ind.whipple_index(penduduk[\"umur\"])", "m1-1i-tes", "sudah bersih"),
    ],
    "modul2": [
        ("m2-2a", "jk = penduduk.jenis_kelamin\nrasio_jk = (jk == \"P\").sum() / (jk == \"L\").sum() * 100",
         "m2-2a-tes", "membagi perempuan dengan laki-laki"),
        ("m2-2a", "rasio_jk = (penduduk.jenis_kelamin == \"L\").mean() * 100", "m2-2a-tes",
         "membagi dengan seluruh penduduk"),
        ("m2-2a", "jk = penduduk.jenis_kelamin\nrasio_jk = (jk == \"L\").sum() / (jk == \"P\").sum()",
         "m2-2a-tes", "kalikan"),
        ("m2-2b", "u = penduduk.umur\nrasio_ketergantungan = ((u < 15) | (u >= 65)).sum() / len(u) * 100",
         "m2-2b-tes", "bukan dengan penduduk usia 15–64 tahun"),
        ("m2-2b", "u = penduduk.umur\nrasio_ketergantungan = ((u < 15) | (u >= 60)).sum() / u.between(15, "
                  "59).sum()"
         " * 100", "m2-2b-tes", "Periksa batas umur"),
        ("m2-2b", "u = penduduk.umur\nrasio_ketergantungan = u.between(15, 64).sum() / (~u.between(15, "
                  "64)).sum()"
         " * 100", "m2-2b-tes", "membalik"),
        ("m2-2c", "rasio_tua = ind.dependency_ratio(penduduk).young", "m2-2c-tes", "ketergantungan muda"),
        ("m2-2d", "jumlah_per_kelompok = ind.age_groups(penduduk.umur).value_counts(normalize=True) * 100",
         "m2-2d-tes", "persentase"),
        ("m2-2e", "median_umur = penduduk.umur.mean()", "m2-2e-tes", "rata-rata (mean)"),
        ("m2-2f", "median_kelompok = penduduk.umur.median()", "m2-2f-tes", "BERKELOMPOK"),
        ("m2-2g", "fig, ax = plt.subplots()\ntabel_piramida.plot.bar(ax=ax)\nax.set_title(\"Piramida\")",
         "m2-2g-tes", "diagram batang tegak"),
        ("m2-2g", "fig, ax = plt.subplots()\nax.barh(tabel_piramida.index.astype(str), "
                  "tabel_piramida[\"P\"])\n"
         "ax.set_title(\"Perempuan\")", "m2-2g-tes", "seharusnya 32"),
        ("m2-2g", "fig, ax = plt.subplots()\nlabel = tabel_piramida.index.astype(str)\n"
                  "ax.barh(label, tabel_piramida[\"L\"])\nax.barh(label, tabel_piramida[\"P\"])\n"
                  "ax.set(title=\"Piramida 2025\", xlabel=\"Jumlah\", ylabel=\"Umur\")",
         "m2-2g-tes", "Batang laki-laki menimpa batang perempuan"),
        ("m2-2h", "rata_umur = penduduk.umur.median()", "m2-2h-tes", "Itu median"),
    ],
    "modul3": [
        ("m3-3a", "laju_geometrik = ind.growth_rate_geometric(p2015, p2025, 11)", "m3-3a-tes", "t = 11",
         ("m3-3c-tes",)),
        ("m3-3a", "laju_geometrik = (p2025 - p2015) / p2015 * 100 / 10", "m3-3a-tes", "cara aritmetik",
         ("m3-3c-tes",)),
        ("m3-3a", "laju_geometrik = (p2025 / p2015) ** (1 / 10) - 1", "m3-3a-tes", "pecahan", ("m3-3c-tes",)),
        ("m3-3b", "laju_eksponensial = ind.growth_rate_geometric(p2015, p2025, 10)", "m3-3b-tes",
         "rumus geometrik"),
        ("m3-3c", "r = ind.growth_rate_geometric(p2015, p2025, 10)\nproyeksi_2030 = p2025 * (1 + r / 100 * "
                  "5)", "m3-3c-tes", "linear"),
        ("m3-3c", "r = ind.growth_rate_geometric(p2015, p2025, 10)\nproyeksi_2030 = p2025 * (1 + r) ** 5",
         "m3-3c-tes", "bentuk desimal"),
        ("m3-3i", "pertambahan_2024 = per_jenis.sum()", "m3-3i-tes", "MENGURANGI"),
        ("m3-3i", "pertambahan_2024 = per_jenis[\"Lahir\"] - per_jenis[\"Mati\"]", "m3-3i-tes",
         "pertambahan alami"),
        ("m3-3d", "kepadatan = desa[\"luas_km2\"] / desa[\"jumlah_penduduk\"]", "m3-3d-tes", "membagi luas"),
        ("m3-3e", "terpadat = desa[\"jumlah_penduduk\"].idxmax()", "m3-3e-tes", "TERBANYAK"),
        ("m3-3f", "laju_tiga = {w: load(\"penduduk_tahunan\", wilayah=w)[\"jumlah_penduduk\"].iloc[-1]\n"
         "             - load(\"penduduk_tahunan\", wilayah=w)[\"jumlah_penduduk\"].iloc[0]\n"
         "             for w in [\"kandangan_utara\", \"taluk_haur\", \"gambah_luar\"]}",
         "m3-3f-tes", "bukan laju"),
        ("m3-3g", "perubahan_poin = ind.percent_change(4.54, 4.01)", "m3-3g-tes", "POIN persen"),
        ("m3-3g", "perubahan_poin = 4.54 - 4.01", "m3-3g-tes", "tandanya"),
        ("m3-3h", "perubahan_persen = 4.01 - 4.54", "m3-3h-tes", "perubahan PERSEN"),
    ],
    "modul4": [
        ("m4-4a", "a = (penduduk.umur.between(7, 12) & (penduduk.status_sekolah == \"Masih "
                  "sekolah\")).sum()\n"
         "aps_7_12 = a / len(penduduk) * 100", "m4-4a-tes", "seluruh penduduk"),
        ("m4-4a", "aps_7_12 = ind.aps(penduduk, 7, 12) / 100", "m4-4a-tes", "pecahan"),
        ("m4-4b", "aps_16_18 = ind.apm(penduduk, \"SMA\")", "m4-4b-tes", "Itu APM SMA"),
        ("m4-4c", "apk_smp = ind.apm(penduduk, \"SMP\")", "m4-4c-tes", "SEMUA murid SMP"),
        ("m4-4d", "apm_smp = ind.apk(penduduk, \"SMP\")", "m4-4d-tes", "di luar umur 13–15"),
        ("m4-4d", "apm_smp = ind.aps(penduduk, 13, 15)", "m4-4d-tes", "Itu APS 13–15"),
        ("m4-4e", "murid_sd_luar_umur = len(murid_sd)", "m4-4e-tes", "semua murid SD"),
        ("m4-4e", "murid_sd_luar_umur = (murid_sd.umur > 12).sum()", "m4-4e-tes", "lebih MUDA"),
        ("m4-4f", "sd = penduduk[(penduduk.status_sekolah == \"Masih sekolah\") & "
         "(penduduk.jenjang_sekolah == \"SD/sederajat\")]\n"
         "apk_sd_jk = sd.jenis_kelamin.value_counts() / penduduk.umur.between(7, 12).sum() * 100",
         "m4-4f-tes", "SELURUH anak 7–12"),
        ("m4-4g", "s = penduduk[penduduk.umur.between(16, 18) & (penduduk.status_sekolah == \"Masih "
                  "sekolah\")]\n"
         "aps_rt = s.groupby(\"rt\").size()", "m4-4g-tes", "bukan persentase"),
        ("m4-4h", "s = penduduk.groupby(\"rt\").apply(lambda d: ind.aps(d, 16, 18))\nrt_terendah = "
                  "s.idxmax()",
         "m4-4h-tes", "TERTINGGI"),
    ],
}
