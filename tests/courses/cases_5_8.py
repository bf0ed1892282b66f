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
        "m5-5i": ["indikator_naik = (\"p2\", \"p1\")", "indikator_naik = pd.Series([\"P1\", \"P2\"])"],
    },
}

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
}
