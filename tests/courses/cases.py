"""Realistic answers per module: alternative correct solutions and common mistakes.

``BENAR[modul]``: ``{answer cell id: [alternative correct code, ...]}`` (each must keep full marks).
``SALAH[modul]``: ``[(answer cell id, wrong code, test cell id that must lose points, expected message part)]``.
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
            "persen_perempuan = round(len(penduduk[penduduk.jenis_kelamin == \"P\"]) / len(penduduk) * 100, 1)",
            "import numpy as np\npersen_perempuan = np.float32(100 * (penduduk.jenis_kelamin == \"P\").sum()"
            " / len(penduduk))",
        ],
        "m1-1f": ["jumlah_duplikat = len(mentah) - len(mentah.drop_duplicates())"],
        "m1-1g": ["jumlah_umur_mustahil = int((~umur_angka.between(0, 110)).sum())"],
        "m1-1h": [
            "jk = mentah[\"jenis_kelamin\"].str.upper().str.strip()\n"
            "peta = {\"L\": \"L\", \"LK\": \"L\", \"LAKI\": \"L\", \"LAKI-LAKI\": \"L\", \"P\": \"P\", \"PR\": \"P\",\n"
            "        \"PEREMPUAN\": \"P\", \"WANITA\": \"P\"}\n"
            "frek_jk_bersih = jk.map(peta).value_counts().to_dict()",
            "import warnings\n"
            "frek_jk_bersih = (mentah[\"jenis_kelamin\"].dropna().apply(lambda s: \"L\" if s.strip()[0] in \"lL\" "
            "else \"P\").value_counts())\n"
            "warnings.warn(\"peringatan contoh dari kode peserta\", FutureWarning)",
        ],
        "m1-1i": ["whipple_mentah = round(ind.whipple_index(umur_valid.tolist()), 1)"],
    },
}

SALAH: dict[str, list[tuple[str, str, str, str]]] = {
    "modul1": [
        ("m1-1a", "jumlah_penduduk = penduduk.shape[1]", "m1-1a-tes", "banyaknya kolom"),
        ("m1-1a", "jumlah_penduduk = penduduk.shape", "m1-1a-tes", "Ambil yang pertama"),
        ("m1-1b", "jumlah_rt = penduduk[\"rt\"].count()", "m1-1b-tes", "nunique"),
        ("m1-1c", "kolom_kuantitatif = [\"rt\", \"umur\"]", "m1-1c-tes", "Nomor RT memang ditulis dengan angka"),
        ("m1-1c", "kolom_kuantitatif = [\"umur\", \"pendidikan_tertinggi\"]", "m1-1c-tes", "ordinal"),
        ("m1-1d", "frek_pendidikan = penduduk[\"pendidikan_tertinggi\"].value_counts(normalize=True)",
         "m1-1d-tes", "proporsi"),
        ("m1-1e", "persen_perempuan = (penduduk[\"jenis_kelamin\"] == \"P\").mean()", "m1-1e-tes", "pecahan"),
        ("m1-1e", "persen_perempuan = (penduduk.jenis_kelamin == \"P\").sum() / (penduduk.jenis_kelamin == \"L\")"
         ".sum() * 100", "m1-1e-tes", "SELURUH penduduk"),
        ("m1-1f", "jumlah_duplikat = mentah.duplicated(keep=False).sum()", "m1-1f-tes", "kedua salinan"),
        ("m1-1f", "jumlah_duplikat = mentah[\"nik\"].duplicated().sum()", "m1-1f-tes", "PERSIS sama"),
        ("m1-1g", "jumlah_umur_mustahil = (umur_angka > 110).sum()", "m1-1g-tes", "umur di bawah 0"),
        ("m1-1h", "frek_jk_bersih = mentah[\"jenis_kelamin\"].str.upper().value_counts()", "m1-1h-tes",
         "belum diseragamkan"),
        ("m1-1i", "whipple_mentah = ind.whipple_index(penduduk[\"umur\"])", "m1-1i-tes", "sudah bersih"),
    ],
}
