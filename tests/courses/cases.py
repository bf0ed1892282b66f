"""Realistic answers per module (0–4): alternative correct solutions and common mistakes.

``BENAR[modul]``: ``{answer cell id: [alternative correct code, ...]}`` (each must keep full marks).
``SALAH[modul]``: ``[(answer cell id, wrong code, test cell id that must lose points, expected message part,
[test cells that must also lose points because they reuse the wrong value])]``.
Each snippet replaces the learner's solution region only; the cell's ``cek`` line stays. A snippet holding
numbers the learner reads off a table the notebook prints is a function (:data:`Kode`): it is written when the
course of a place is planned, with that place's numbers.
"""

from __future__ import annotations

from collections.abc import Callable

from cantik.checks import modul2, modul3
from cantik.data import active_wilayah

#: A learner's code, or a function writing it from the active place's data (numbers read off a printed table,
#: the place's key); a function returns "" where the case does not apply (a table the place does not have).
Kode = str | Callable[[], str]


def kode(k: Kode) -> str:
    """The code of a case for the active place ("" when the case does not apply there)."""
    return k() if callable(k) else k


# Numbers a learner reads off a table printed in the notebook (computed from the active place's data).
def _median_table() -> str:
    return "L, F, f = {}, {}, {}".format(*modul2._kelompok_median())


def _median_table_cumulative() -> str:
    low, before, within = modul2._kelompok_median()
    return f"L, F, f = {low}, {before + within}, {within}"


def _tells(soal: str, wrong: object) -> bool:
    """Does question ``soal`` tell the value ``wrong`` from its answer for the active place? (A slowly growing
    place's geometric and exponential rates, or its compound and linear projections, agree within the
    tolerance: those mistakes cannot show there.)"""
    from cantik.checks.core import ambil

    q = ambil(soal)
    return not q.banding(wrong, q.nilai_harapan()).benar


def _places() -> list[str]:
    """The places question 3f compares (the active place and its comparison places)."""
    return modul3.tiga_wilayah()


def _deaths() -> tuple[int, int]:
    _, a, b = modul3.fakta_rt_dasar()
    return a, b
_REFUSED = "belum bisa diterima di sini"  # an answer computed with the library where the formula is asked

BENAR: dict[str, dict[str, list[Kode]]] = {
    "modul0": {
        "m0-0a": ["jumlah_warga = 41 + 38", "laki = 38\nperempuan = 41\njumlah_warga = laki + perempuan",
                  "jumlah_warga = sum([38, 41])"],
        "m0-0b": ["keluarga = load(\"keluarga\")\njumlah_keluarga = keluarga.shape[0]",
                  lambda: (f"keluarga = load(\"keluarga\", wilayah=\"{active_wilayah()}\")\n"
                           "jumlah_keluarga = keluarga[\"no_kk\"].nunique()")],
        "m0-0c": ["kolom_pilihan = keluarga.loc[:, [\"rt\", \"jumlah_anggota\"]]",
                  "kolom_pilihan = keluarga[[\"jumlah_anggota\", \"rt\"]]",
                  "kolom_pilihan = keluarga.set_index(\"rt\")[[\"jumlah_anggota\"]]"],
        "m0-0d": ["jumlah_keluarga_besar = (keluarga.jumlah_anggota >= 5).sum()",
                  "jumlah_keluarga_besar = len(keluarga.query(\"jumlah_anggota > 4\"))"],
        "m0-0e": ["import statistics\n"
                  "median_pengeluaran = statistics.median(keluarga.pengeluaran_per_kapita)",
                  "median_pengeluaran = round(keluarga[\"pengeluaran_per_kapita\"].median())"],
        "m0-0f": ["fig, ax = plt.subplots()\nkeluarga.groupby(\"rt\").size().plot.bar(ax=ax)\n"
                  "ax.set(title=\"Keluarga per RT\", xlabel=\"RT\", ylabel=\"Banyaknya keluarga\")",
                  "frek = keluarga[\"rt\"].value_counts()\nfig, ax = plt.subplots()\n"
                  "ax.barh(frek.index.astype(str), frek.values)\n"
                  "ax.set_title(\"Keluarga per RT\")\nax.set_xlabel(\"Keluarga\")\nax.set_ylabel(\"RT\")"],
    },
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
        "m1-1i": ["u = umur_valid[(umur_valid >= 23) & (umur_valid <= 62)]\n"
                  "pembilang_whipple = int((u % 5 == 0).sum())\npenyebut_whipple = len(u)\n"
                  "whipple_mentah = round(pembilang_whipple * 5 / penyebut_whipple * 100, 1)"],
    },
    "modul2": {
        "m2-2a": [
            "jk = penduduk[\"jenis_kelamin\"].value_counts()\nlaki_laki = jk[\"L\"]\nperempuan = jk[\"P\"]\n"
            "rasio_jk = round(laki_laki / perempuan * 100, 2)",
            "laki_laki = len(penduduk.query('jenis_kelamin == \"L\"'))\nperempuan = len(penduduk) - "
            "laki_laki\n"
            "rasio_jk = [laki_laki / perempuan * 100]",
        ],
        "m2-2b": [
            "bukan_produktif = int(((umur < 15) | (umur > 64)).sum())\nproduktif = len(umur) - "
            "bukan_produktif\n"
            "rasio_ketergantungan = bukan_produktif / produktif * 100",
        ],
        "m2-2c": ["u = penduduk.umur\nrasio_tua = float(round(100 * (u > 64).sum() / ((u > 14) & (u < "
                  "65)).sum(), 1))"],
        "m2-2d": [
            "batas = list(range(0, 80, 5)) + [200]\nnama = [f\"{b}-{b + 4}\" for b in range(0, 75, 5)] + "
            "[\"75+\"]\n"
            "jumlah_per_kelompok = pd.cut(penduduk[\"umur\"], batas, right=False, "
            "labels=nama).value_counts()",
            "jumlah_per_kelompok = "
            "ind.kelompok_umur(penduduk[\"umur\"]).value_counts().sort_values().astype(float)",
        ],
        "m2-2e": ["import numpy as np\nmedian_umur = np.median(penduduk[\"umur\"].to_numpy())"],
        "m2-2f": [
            "jpk = jumlah_per_kelompok.sort_index()  # urut dari muda\nkum = jpk.cumsum()\n"
            "pos = int((kum >= jpk.sum() / 2).to_numpy().argmax())\n"
            "L = pos * 5\nF = kum.iloc[pos - 1] if pos > 0 else 0\nf = jpk.iloc[pos]\n"
            "median_kelompok = L + (n / 2 - F) / f * 5",
            lambda: (_median_table() + "  # dibaca dari tabel kumulatif\n"
                     "median_kelompok = L + (n / 2 - F) / f * 5"),
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
        "m2-2j": ["a = t.loc[2022, \"umur_60_ke_atas\"]\nb = t.loc[2023, \"umur_60_ke_atas\"]\n"
                  "kenaikan_lansia = ind.perubahan_persen(a, b)"],
    },
    "modul3": {
        "m3-3a": ["p2015, p2025 = penduduk_per_tahun[2015], penduduk_per_tahun[2025]\nt = 10\n"
                  "laju_geometrik = round(((p2025 / p2015) ** (1 / t) - 1) * 100, 2)"],
        "m3-3b": ["laju_eksponensial = math.log(p2025 / p2015) * 100 / t",
                  "import numpy as np\nlaju_eksponensial = np.log(p2025 / p2015) * 10"],
        "m3-3c": ["proyeksi_2030 = round(p2025 * (1 + laju_geometrik / 100) ** 5)",
                  "import math\nproyeksi_2030 = p2025 * math.exp(math.log(1 + laju_geometrik / 100) * 5)"],
        "m3-3i": ["m = mutasi_2024.pivot_table(index=\"jenis_mutasi\", values=\"jumlah\", aggfunc=\"sum\", "
                  "observed=False)[\"jumlah\"]\n"
                  "pertambahan_2024 = int(m.Lahir - m.Mati + m.Datang - m.Pindah)"],
        "m3-3m": ["sudah_pindah = len(set(registrasi.nik) - set(penduduk.nik))"],
        "m3-3d": ["kepadatan = (desa.jumlah_penduduk / desa.luas_km2).round(1).reset_index()",
                  "kepadatan = desa.eval(\"jumlah_penduduk / luas_km2\")",
                  "kepadatan = {n: r.jumlah_penduduk / r.luas_km2 for n, r in desa.iterrows()}\n"
                  "terpadat = max(kepadatan, key=kepadatan.get)"],
        "m3-3e": ["terpadat = (desa.jumlah_penduduk / desa.luas_km2).sort_values().index[-1].upper()",
                  "terpadat = \"Kelurahan \" + (desa.jumlah_penduduk / desa.luas_km2).idxmax() + \".\""],
        "m3-3f": [lambda: ("import pandas as pd\nlaju_tiga = pd.Series({\n"
                           "    w.replace(\"_\", \" \").title(): "
                           "ind.laju_pertumbuhan_geometrik(*load(\"penduduk_tahunan\", wilayah=w)"
                           "\n        .query(\"tahun in [2015, 2025]\")[\"jumlah_penduduk\"].tolist(), 10)\n"
                           f"    for w in {_places()[::-1]}}})")],
        "m3-3g": ["perubahan_poin = round(4.01 - 4.54, 2)"],
        "m3-3h": ["selisih_p0 = -0.53\np0_awal = 4.54\nperubahan_persen = round(selisih_p0 / p0_awal * 100, "
                  "1)"],
        "m3-3k": [lambda: ("perubahan_rt = ind.perubahan_persen({}, {})  # dibaca dari tabel"
                           .format(*_deaths()))],
        "m3-3l": ["pilihan_3l = \"b\""],
    },
    "modul4": {
        "m4-4a": ["a = penduduk[penduduk.umur.between(7, 12)]\n"
                  "sekolah_7_12 = (a.status_sekolah == \"Masih sekolah\").sum()\nanak_7_12 = len(a)\n"
                  "aps_7_12 = sekolah_7_12 / anak_7_12 * 100"],
        "m4-4b": ["a = penduduk.query(\"16 <= umur <= 18\")\n"
                  "aps_16_18 = round(100 * a.status_sekolah.eq(\"Masih sekolah\").sum() / len(a), 1)"],
        "m4-4c": ["semua_murid_smp = murid_smp.shape[0]\nanak_13_15 = int(penduduk.umur.between(13, "
                  "15).sum())\n"
                  "apk_smp = 100 * semua_murid_smp / anak_13_15"],
        "m4-4d": ["murid_smp_13_15 = ((murid_smp.umur >= 13) & (murid_smp.umur <= 15)).sum()\n"
                  "apm_smp = [100 * murid_smp_13_15 / anak_13_15]"],
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

_WHIPPLE_OK = ("u = umur_valid[umur_valid.between(23, 62)]\n"
               "pembilang_whipple = u.isin([25, 30, 35, 40, 45, 50, 55, 60]).sum()\npenyebut_whipple = "
               "len(u)\n")
_JK = ("laki_laki = (penduduk.jenis_kelamin == \"L\").sum()\n"
       "perempuan = (penduduk.jenis_kelamin == \"P\").sum()\n")
_RK = "bukan_produktif = ((umur <= 14) | (umur >= 65)).sum()\nproduktif = umur.between(15, 64).sum()\n"
_P = "p2015 = penduduk_per_tahun[2015]\np2025 = penduduk_per_tahun[2025]\n"

SALAH: dict[str, list[tuple]] = {
    "modul0": [
        ("m0-0a", "jumlah_warga = 41 - 38", "m0-0a-tes", "Anda mengurangkan"),
        ("m0-0a", "jumlah_warga = \"38\" + \"41\"", "m0-0a-tes", "di antara tanda kutip"),
        ("m0-0a", "jumlah_warga = 38", "m0-0a-tes", "banyaknya laki-laki"),
        ("m0-0b", "keluarga = load(\"keluarga\")\njumlah_keluarga = len(load(\"penduduk\"))", "m0-0b-tes",
         "banyaknya penduduk"),
        ("m0-0b", "keluarga = load(\"keluarga\")\njumlah_keluarga = keluarga.shape", "m0-0b-tes",
         "dua angka"),
        ("m0-0b", "keluarga = load(\"keluarga\")\njumlah_keluarga = len(keluarga.columns)", "m0-0b-tes",
         "banyaknya kolom"),
        ("m0-0c", "kolom_pilihan = keluarga[\"rt\"]", "m0-0c-tes", "baru memilih satu kolom"),
        ("m0-0c", "kolom_pilihan = keluarga", "m0-0c-tes", "masih memuat kolom lain"),
        ("m0-0d", "jumlah_keluarga_besar = len(keluarga[keluarga[\"jumlah_anggota\"] > 5])", "m0-0d-tes",
         "tidak terhitung"),
        ("m0-0d", "jumlah_keluarga_besar = len(keluarga[keluarga[\"jumlah_anggota\"] == 5])", "m0-0d-tes",
         "tepat 5 orang"),
        ("m0-0d", "besar = keluarga[keluarga.jumlah_anggota >= 5]\njumlah_keluarga_besar = "
                  "besar.jumlah_anggota.sum()", "m0-0d-tes", "banyaknya orang"),
        ("m0-0e", "median_pengeluaran = keluarga[\"pengeluaran_per_kapita\"].mean()", "m0-0e-tes",
         "Itu rata-rata"),
        ("m0-0f", "fig, ax = plt.subplots()\nkeluarga[\"rt\"].value_counts().sort_index().plot.bar(ax=ax)",
         "m0-0f-tes", "belum punya judul"),
        ("m0-0f", "frek_rt = keluarga[\"rt\"].value_counts()", "m0-0f-tes", "masih grafik contoh"),
        ("m0-0f", "fig, ax = plt.subplots()\npenduduk[\"rt\"].value_counts().sort_index().plot.bar(ax=ax)\n"
                  "ax.set(title=\"Per RT\", xlabel=\"RT\", ylabel=\"Orang\")", "m0-0f-tes", "penduduk per "
                                                                                            "RT"),
        ("m0-0f", "fig, ax = plt.subplots()\nkeluarga[\"rt\"].value_counts().sort_index().plot(ax=ax)\n"
                  "ax.set(title=\"Keluarga per RT\", xlabel=\"RT\", ylabel=\"Keluarga\")", "m0-0f-tes",
         "padahal yang diminta"),
    ],
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
        # formula first: library refused, each wrong part named, the other part confirmed
        ("m1-1i", _WHIPPLE_OK + "whipple_mentah = ind.indeks_whipple(umur_valid)", "m1-1i-tes", _REFUSED),
        ("m1-1i", "pembilang_whipple = (umur_valid % 5 == 0).sum()\n"
                  "penyebut_whipple = umur_valid.between(23, 62).sum()\n"
                  "whipple_mentah = pembilang_whipple / (penyebut_whipple / 5) * 100", "m1-1i-tes",
         "semua umur berakhiran 0 atau 5; indeks Whipple hanya memakai umur 25 sampai 60. Penyebutnya sudah "
         "benar"),
        ("m1-1i", "pembilang_whipple = umur_valid.isin(range(25, 61, 5)).sum()\n"
                  "penyebut_whipple = len(umur_valid)\n"
                  "whipple_mentah = pembilang_whipple / (penyebut_whipple / 5) * 100", "m1-1i-tes",
         "Penyebut Anda"),
        ("m1-1i", _WHIPPLE_OK + "whipple_mentah = pembilang_whipple / penyebut_whipple * 100", "m1-1i-tes",
         "perlu dibagi 5"),
    ],
    "modul2": [
        ("m2-2a", "laki_laki = (penduduk.jenis_kelamin == \"P\").sum()\n"
                  "perempuan = (penduduk.jenis_kelamin == \"L\").sum()\nrasio_jk = laki_laki / perempuan * "
                  "100",
         "m2-2a-tes", "pembilang dan penyebut tertukar"),
        ("m2-2a", "laki_laki = (penduduk.jenis_kelamin == \"L\").sum()\nperempuan = len(penduduk)\n"
                  "rasio_jk = laki_laki / perempuan * 100", "m2-2a-tes", "Pembilangnya sudah benar"),
        ("m2-2a", _JK + "rasio_jk = laki_laki / perempuan", "m2-2a-tes", "kalikan"),
        ("m2-2a", _JK + "rasio_jk = ind.rasio_jenis_kelamin(penduduk)", "m2-2a-tes", _REFUSED),
        ("m2-2b", "bukan_produktif = ((umur <= 14) | (umur >= 65)).sum()\nproduktif = len(umur)\n"
                  "rasio_ketergantungan = bukan_produktif / produktif * 100", "m2-2b-tes",
         "penyebutnya hanya penduduk 15–64 tahun"),
        ("m2-2b", "bukan_produktif = ((umur <= 14) | (umur >= 60)).sum()\nproduktif = umur.between(15, "
                  "64).sum()\n"
                  "rasio_ketergantungan = bukan_produktif / produktif * 100", "m2-2b-tes", "batas tua 60 "
                                                                                           "tahun"),
        ("m2-2b", _RK + "rasio_ketergantungan = produktif / bukan_produktif * 100", "m2-2b-tes", "membalik"),
        ("m2-2b", _RK + "rasio_ketergantungan = ind.rasio_ketergantungan(penduduk).total", "m2-2b-tes",
         _REFUSED),
        ("m2-2c", "rasio_tua = ind.rasio_ketergantungan(penduduk).muda", "m2-2c-tes", "ketergantungan muda"),
        ("m2-2d", "jumlah_per_kelompok = ind.kelompok_umur(penduduk.umur).value_counts(normalize=True) * 100",
         "m2-2d-tes", "persentase"),
        ("m2-2e", "median_umur = penduduk.umur.mean()", "m2-2e-tes", "rata-rata (mean)"),
        ("m2-2f", lambda: _median_table_cumulative() + "\nmedian_kelompok = L + (n / 2 - F) / f * 5",
         "m2-2f-tes",
         "SAMPAI kelompok median"),
        ("m2-2f", lambda: _median_table() + "\nmedian_kelompok = penduduk.umur.median()", "m2-2f-tes",
         "BERKELOMPOK"),
        ("m2-2f", lambda: (_median_table() + "\n"
                           "median_kelompok = ind.median_umur_berkelompok(jumlah_per_kelompok)"),
         "m2-2f-tes", _REFUSED),
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
        ("m2-2j", "kenaikan_lansia = ind.perubahan_persen(t.loc[2022, \"lansia_di_profil\"],\n"
                  "                                      t.loc[2023, \"lansia_di_profil\"])", "m2-2j-tes",
         "definisinya berubah"),
        ("m2-2j", "kenaikan_lansia = ind.perubahan_persen(t.loc[2022, \"umur_65_ke_atas\"],\n"
                  "                                      t.loc[2023, \"umur_65_ke_atas\"])", "m2-2j-tes",
         "Definisinya sudah sama"),
        ("m2-2j", "kenaikan_lansia = t.loc[2023, \"umur_60_ke_atas\"] - t.loc[2022, \"umur_60_ke_atas\"]",
         "m2-2j-tes", "selisih dalam orang"),
    ],
    "modul3": [
        ("m3-3a", _P + "t = 2025 - 2015 + 1\nlaju_geometrik = ((p2025 / p2015) ** (1 / t) - 1) * 100",
         "m3-3a-tes",
         "bukan 11", ("m3-3b-tes", "m3-3c-tes")),
        ("m3-3a", "p2015 = penduduk_per_tahun[2025]\np2025 = penduduk_per_tahun[2015]\nt = 10\n"
                  "laju_geometrik = ((p2025 / p2015) ** (1 / t) - 1) * 100", "m3-3a-tes",
         "awal dan akhir tertukar", ("m3-3b-tes", "m3-3c-tes")),
        ("m3-3a", _P + "t = 10\nlaju_geometrik = (p2025 - p2015) / p2015 * 100 / 10", "m3-3a-tes",
         "cara aritmetik", ("m3-3c-tes",)),
        ("m3-3a", _P + "t = 10\nlaju_geometrik = (p2025 / p2015) ** (1 / 10) - 1", "m3-3a-tes", "pecahan",
         ("m3-3c-tes",)),
        ("m3-3a", _P + "t = 10\nlaju_geometrik = ind.laju_pertumbuhan_geometrik(p2015, p2025, t)",
         "m3-3a-tes",
         _REFUSED),
        ("m3-3b", lambda: "laju_eksponensial = laju_geometrik" if _tells("3b", modul3._laju_model()) else "",
         "m3-3b-tes", "rumus geometrik"),
        ("m3-3b", "laju_eksponensial = ind.laju_pertumbuhan_eksponensial(p2015, p2025, t)", "m3-3b-tes",
         _REFUSED),
        ("m3-3c", lambda: "proyeksi_2030 = p2025 * (1 + laju_geometrik / 100 * 5)"
         if _tells("3c", modul3._p(2025) * (1 + modul3._laju_model() / 100 * 5)) else "",
         "m3-3c-tes", "linear"),
        ("m3-3c", "proyeksi_2030 = p2025 * (1 + laju_geometrik) ** 5", "m3-3c-tes", "bentuk desimal"),
        ("m3-3i", "pertambahan_2024 = per_jenis.sum()", "m3-3i-tes", "MENGURANGI"),
        ("m3-3i", "pertambahan_2024 = per_jenis[\"Lahir\"] - per_jenis[\"Mati\"]", "m3-3i-tes",
         "pertambahan alami"),
        ("m3-3m", "sudah_pindah = len(registrasi) - len(penduduk)", "m3-3m-tes", "selisih bersih"),
        ("m3-3m", "sudah_pindah = (~penduduk[\"nik\"].isin(registrasi[\"nik\"])).sum()", "m3-3m-tes",
         "arah sebaliknya"),
        ("m3-3d", "kepadatan = desa[\"luas_km2\"] / desa[\"jumlah_penduduk\"]", "m3-3d-tes", "membagi luas"),
        ("m3-3d", "kepadatan = ind.kepadatan(desa[\"jumlah_penduduk\"], desa[\"luas_km2\"])", "m3-3d-tes",
         _REFUSED),
        ("m3-3e", "terpadat = desa[\"jumlah_penduduk\"].idxmax()", "m3-3e-tes", "TERBANYAK"),
        ("m3-3f", lambda: ("laju_tiga = {w: load(\"penduduk_tahunan\", wilayah=w)"
                           "[\"jumlah_penduduk\"].iloc[-1]\n             - load(\"penduduk_tahunan\", "
                           "wilayah=w)[\"jumlah_penduduk\"].iloc[0]\n"
                           f"             for w in {_places()}}}"),
         "m3-3f-tes", "bukan laju"),
        ("m3-3g", "perubahan_poin = (4.01 - 4.54) / 4.54 * 100", "m3-3g-tes", "POIN persen"),
        ("m3-3g", "perubahan_poin = 4.54 - 4.01", "m3-3g-tes", "tandanya"),
        ("m3-3g", "perubahan_poin = ind.perubahan_poin_persen(4.54, 4.01)", "m3-3g-tes", _REFUSED),
        ("m3-3h", "selisih_p0 = 4.01 - 4.54\np0_awal = 4.01\nperubahan_persen = selisih_p0 / p0_awal * 100",
         "m3-3h-tes", "Itu angka akhir (2023); perubahan persen dibagi angka awal. Pembilangnya sudah benar"),
        ("m3-3h", "selisih_p0 = 4.01 - 4.54\np0_awal = 4.54\nperubahan_persen = selisih_p0", "m3-3h-tes",
         "perubahan PERSEN"),
        ("m3-3h", "selisih_p0 = 4.01 - 4.54\np0_awal = 4.54\nperubahan_persen = ind.perubahan_persen(4.54, "
                  "4.01)",
         "m3-3h-tes", _REFUSED),
        ("m3-3k", lambda: "perubahan_rt = {1} - {0}".format(*_deaths()), "m3-3k-tes", "tambahan dalam orang"),
        ("m3-3k", lambda: "perubahan_rt = ({1} - {0}) / {1} * 100".format(*_deaths()), "m3-3k-tes",
         "angka AWAL"),
        ("m3-3l", "pilihan_3l = \"A\"", "m3-3l-tes", "angka dasar kecil"),
        ("m3-3l", "pilihan_3l = \"C\"", "m3-3l-tes", "Satu RT tidak mewakili"),
    ],
    "modul4": [
        ("m4-4a", "sekolah_7_12 = (umur_7_12 & masih_sekolah).sum()\nanak_7_12 = len(penduduk)\n"
                  "aps_7_12 = sekolah_7_12 / anak_7_12 * 100", "m4-4a-tes",
         "Itu seluruh penduduk; penyebutnya hanya anak umur 7–12. Pembilangnya sudah benar"),
        ("m4-4a", "sekolah_7_12 = (umur_7_12 & masih_sekolah).sum()\n"
                  "anak_7_12 = penduduk.umur.between(6, 12).sum()\naps_7_12 = sekolah_7_12 / anak_7_12 * 100",
         "m4-4a-tes", "umur 6–12"),
        ("m4-4a", "sekolah_7_12 = masih_sekolah.sum()\nanak_7_12 = umur_7_12.sum()\n"
                  "aps_7_12 = sekolah_7_12 / anak_7_12 * 100", "m4-4a-tes", "berapa pun umurnya"),
        ("m4-4a", "sekolah_7_12 = (umur_7_12 & masih_sekolah).sum()\nanak_7_12 = umur_7_12.sum()\n"
                  "aps_7_12 = sekolah_7_12 / anak_7_12", "m4-4a-tes", "pecahan"),
        ("m4-4a", "sekolah_7_12 = (umur_7_12 & masih_sekolah).sum()\nanak_7_12 = umur_7_12.sum()\n"
                  "aps_7_12 = ind.aps(penduduk, 7, 12)", "m4-4a-tes", _REFUSED),
        ("m4-4b", "aps_16_18 = ind.apm(penduduk, \"SMA\")", "m4-4b-tes", "Itu APM SMA"),
        ("m4-4c", "semua_murid_smp = murid_smp.umur.between(13, 15).sum()\n"
                  "anak_13_15 = penduduk.umur.between(13, 15).sum()\napk_smp = semua_murid_smp / anak_13_15 "
                  "* 100",
         "m4-4c-tes", "pembilang APM"),
        ("m4-4c", "semua_murid_smp = len(murid_smp)\nanak_13_15 = penduduk.umur.between(13, 15).sum()\n"
                  "apk_smp = ind.apk(penduduk, \"SMP\")", "m4-4c-tes", _REFUSED),
        ("m4-4d", "murid_smp_13_15 = len(murid_smp)\napm_smp = murid_smp_13_15 / anak_13_15 * 100",
         "m4-4d-tes", "pembilang APK"),
        ("m4-4d", "murid_smp_13_15 = murid_smp.umur.between(13, 15).sum()\napm_smp = ind.apm(penduduk, "
                  "\"SMP\")",
         "m4-4d-tes", _REFUSED),
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
