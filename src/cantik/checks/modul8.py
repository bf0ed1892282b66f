"""Questions of module 8, the capstone *Kandangan Utara dalam Angka* (ids ``8a``–``8g``).

The capstone is mostly rubric-graded; the autograded part checks the indicator sheet (computed with
:mod:`cantik.indicators`), the SIRUSA-style metadata of one indicator and one honest chart. The finished
notebook becomes a shareable HTML page with :func:`cantik.publish.ekspor_html`.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from cantik.checks._data import ind as _ind
from cantik.checks._data import tabel
from cantik.checks.compare import Hasil, Pembanding, banding_angka
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.figures import Katalog, SeriKatalog, banding_grafik
from cantik.checks.plain import Deret
from cantik.data.calibration import GARIS_KEMISKINAN

#: Fields of an indicator's metadata in the SIRUSA style (the keys of ``datasets/metadata_indikator.json``).
ISIAN_METADATA = ("nama", "konsep", "definisi", "metode_perhitungan", "rumus", "satuan", "interpretasi",
                  "disagregasi", "periodisasi", "sumber_data")


@functools.cache
def _z() -> Any:
    """Height-for-age z-scores of the balita table, computed once per session (not to be modified)."""
    return _ind().height_for_age_z_table(tabel("balita"))


def _penduduk() -> Any:
    return tabel("penduduk")


def _kunci(k: Any) -> str:
    return "_".join(str(k).strip().casefold().replace("-", " ").split())


# ── question 8g: one honest chart of any indicator, compared with what the data give ────────────────
_BULAN = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6, "jul": 7, "agu": 8, "agt": 8,
          "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11, "des": 12, "dec": 12}


def _baca_rt(teks: str) -> int | None:
    m = re.search(r"\d+", teks)
    return int(m.group()) if m else None


def _baca_bulan(teks: str) -> str | None:
    """A month label as ``YYYY-MM`` ("2024-07", "2024-07-01 00:00:00", "Jul 2024", "Juli 2024")."""
    t = teks.strip().casefold()
    m = re.match(r"(\d{4})-(\d{1,2})\b", t)
    if m:
        return f"{m.group(1)}-{int(m.group(2)):02d}"
    m = re.match(r"([a-z]{3})[a-z]*\.?\s*(?:'|\s)?(\d{4})", t)
    if m and m.group(1) in _BULAN:
        return f"{m.group(2)}-{_BULAN[m.group(1)]:02d}"
    return None


def _baca_tahun(teks: str) -> int | None:
    m = re.fullmatch(r"\s*((?:19|20)\d{2})(?:\.0)?\s*", teks)
    return int(m.group(1)) if m else None


def _baca_posyandu(teks: str) -> str | None:
    t = teks.casefold()
    for nama in tabel("balita")["posyandu"].dropna().unique():
        pendek = str(nama).casefold().replace("posyandu", "").strip()
        if pendek and pendek in t:
            return str(nama)
    return None


def _seri(nama: str, kelompok: str, s: Any) -> SeriKatalog:
    s = s.dropna()
    return SeriKatalog(nama, kelompok, tuple(s.index), tuple(float(v) for v in s))


def _statistik(df: Any, by: Any, kelompok: str, nama_tabel: str) -> list[SeriKatalog]:
    """Counts, means, medians and sums of numbers, and shares of categories, per group of one table."""
    import pandas as pd

    out = [_seri(f"banyaknya {nama_tabel}", kelompok, df.groupby(by).size())]
    for kolom in df.columns:
        s = df[kolom]
        if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
            grup = s.groupby(by)
            for cara in ("mean", "median", "sum"):
                out.append(_seri(f"{cara} {kolom} ({nama_tabel})", kelompok, getattr(grup, cara)()))
        elif s.nunique() <= 12:
            jumlah = pd.crosstab(by, s)
            persen = jumlah.div(jumlah.sum(axis=1), axis=0) * 100
            for v in jumlah.columns:
                out.append(_seri(f"persentase {kolom} = {v} ({nama_tabel})", kelompok, persen[v]))
                out.append(_seri(f"banyaknya {kolom} = {v} ({nama_tabel})", kelompok, jumlah[v]))
    return out


def _per_kelompok(df: Any, by: str, fungsi: Any) -> list[SeriKatalog]:
    """Series from ``fungsi(group) -> {name: value}`` for each group (indicators of cantik.indicators)."""
    import pandas as pd

    rows = {k: fungsi(d) for k, d in df.groupby(by)}
    table = pd.DataFrame.from_dict(rows, orient="index")
    return [_seri(nama, by, table[nama]) for nama in table.columns]


def _tanpa_attrs(df: Any) -> Any:
    df.attrs = {}  # the synthetic notice would be deep-copied by every pandas operation below
    return df


@functools.cache
def _katalog_8g() -> Katalog:
    """Indicators per RT, per posyandu, per month and per year that 8g may show, from the data."""
    ind = _ind()
    penduduk, keluarga, ampunku, balita, tahunan, mutasi = (
        _tanpa_attrs(tabel(t)) for t in ("penduduk", "keluarga", "ampunku", "balita", "penduduk_tahunan",
                                         "mutasi"))
    z = _z()
    seri = [*_statistik(penduduk, penduduk["rt"], "rt", "penduduk"),
            *_statistik(keluarga, keluarga["rt"], "rt", "keluarga"),
            *_statistik(ampunku, ampunku["rt"], "rt", "ampunku"),
            *_statistik(balita, balita["rt"], "rt", "balita"),
            *_statistik(balita, balita["posyandu"], "posyandu", "balita"),
            *_statistik(ampunku, ampunku["tanggal"].dt.strftime("%Y-%m"), "bulan", "ampunku"),
            *_statistik(tahunan, tahunan["tahun"], "tahun", "penduduk tahunan"),
            *_statistik(mutasi, mutasi["periode"].dt.strftime("%Y-%m"), "bulan", "mutasi"),
            *_statistik(mutasi, mutasi["periode"].dt.year, "tahun", "mutasi")]

    def kependudukan(d: Any) -> dict[str, float]:
        r = ind.dependency_ratio(d["umur"])
        return {"rasio jenis kelamin": ind.sex_ratio(d["jenis_kelamin"]), "rasio ketergantungan": r.total,
                "rasio ketergantungan muda": r.young, "rasio ketergantungan tua": r.old}

    def kemiskinan(d: Any) -> dict[str, float]:
        out = {}
        for bobot in ("jumlah_anggota", None):
            p = ind.poverty_indices(d, GARIS_KEMISKINAN, weights=bobot)
            out |= {f"P{a} ({bobot or 'keluarga'})": v for a, v in enumerate(p)}
        return out

    seri += _per_kelompok(penduduk, "rt", kependudukan) + _per_kelompok(keluarga, "rt", kemiskinan)
    seri.append(_seri("perjalanan AMPUNKU per penduduk", "rt",
                      ampunku["rt"].value_counts() / penduduk["rt"].value_counts()))
    stunting = z < -2
    for kolom in ("rt", "posyandu"):
        seri.append(_seri(f"prevalensi stunting per {kolom}", kolom, stunting.groupby(balita[kolom]).mean()))
        seri.append(_seri(f"rata-rata z-score per {kolom}", kolom, z.groupby(balita[kolom]).mean()))
    tumbuh = tahunan.set_index("tahun")["jumlah_penduduk"].pct_change() * 100
    seri.append(_seri("pertumbuhan penduduk per tahun (%)", "tahun", tumbuh))
    return Katalog(tuple(seri), {"rt": _baca_rt, "posyandu": _baca_posyandu, "bulan": _baca_bulan,
                                 "tahun": _baca_tahun},
                   contoh=" (mis. persentase penduduk miskin per RT, prevalensi stunting per posyandu, "
                          "perjalanan AMPUNKU per bulan)")


def banding_metadata() -> Pembanding:
    """Every SIRUSA field is present and filled in, and the source says the data are synthetic."""

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        if not isinstance(jawaban, Deret):
            return Hasil(False, "Metadata ditulis sebagai dict: "
                                "{\"nama\": \"...\", \"konsep\": \"...\", ...}.")
        isi = {_kunci(k): v for k, v in zip(jawaban.label, jawaban.nilai, strict=True)}
        kurang = [k for k in harapan if k not in isi]
        if kurang:
            return Hasil(False, "Isian metadata yang belum ada: " + ", ".join(kurang) + ".")
        kosong = [k for k in harapan if not isinstance(isi[k], str) or len(isi[k].strip()) < 2]
        if kosong:
            return Hasil(False, "Isian metadata yang masih kosong atau terlalu pendek: "
                                + ", ".join(kosong) + ".")
        if "sintetis" not in isi["sumber_data"].casefold():
            return Hasil(False, "Isian sumber_data harus menyebut bahwa datanya SINTETIS (data latihan), "
                                "supaya tidak dikira data resmi.")
        return Hasil(True)

    return banding


daftar(
    Soal(
        "8a",
        harapan=lambda: len(_penduduk()),
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Itu banyaknya keluarga (Kartu Keluarga), bukan banyaknya penduduk.",
                  nilai=lambda: len(tabel("keluarga"))),
            Salah("Itu angka registrasi (KK) dari tabel sumber_banding. Profil ini memakai tabel penduduk "
                  "(penduduk yang benar-benar tinggal di kelurahan).",
                  nilai=lambda: float(tabel("sumber_banding").query("indikator == 'Jumlah penduduk' and "
                                                                    "sumber.str.contains('Registrasi')")
                                      ["nilai"].iloc[0])),
        ],
        petunjuk=["Satu baris tabel `penduduk` = satu orang: `len(penduduk)`."],
    ),
    Soal(
        "8b",
        harapan=lambda: _ind().sex_ratio(_penduduk()),
        banding=banding_angka(desimal=1),
        salah=[
            Salah("Anda membagi perempuan dengan laki-laki. Rasio jenis kelamin = L / P × 100.",
                  nilai=lambda: 100 / _ind().sex_ratio(_penduduk()) * 100),
        ],
        petunjuk=["`ind.sex_ratio(penduduk)` (modul 2)."],
    ),
    Soal(
        "8c",
        harapan=lambda: _ind().dependency_ratio(_penduduk()).total,
        banding=banding_angka(desimal=1),
        salah=[
            Salah("Sepertinya Anda membagi dengan seluruh penduduk, bukan dengan penduduk usia 15–64 tahun.",
                  nilai=lambda: float((~_penduduk()["umur"].between(15, 64)).mean() * 100)),
        ],
        petunjuk=["`ind.dependency_ratio(penduduk).total` (modul 2)."],
    ),
    Soal(
        "8d",
        harapan=lambda: _ind().poverty_indices(tabel("keluarga"), GARIS_KEMISKINAN,
                                               weights="jumlah_anggota").p0,
        banding=banding_angka(desimal=2, persen=True),
        salah=[
            Salah("Anda menghitung KELUARGA, bukan ORANG: beri bobot jumlah anggota "
                  "(`weights=\"jumlah_anggota\"`).",
                  nilai=lambda: _ind().poverty_indices(tabel("keluarga"), GARIS_KEMISKINAN).p0),
        ],
        petunjuk=["`ind.poverty_indices(keluarga, 644107, weights=\"jumlah_anggota\").p0` (modul 5)."],
    ),
    Soal(
        "8e",
        harapan=lambda: _ind().stunting_prevalence(_z()),
        banding=banding_angka(desimal=1, persen=True),
        salah=[
            Salah("Itu banyaknya anak stunting, bukan prevalensi (persen).",
                  nilai=lambda: int((_z() < -2).sum())),
        ],
        petunjuk=["`ind.stunting_prevalence(ind.height_for_age_z_table(balita))` (modul 6)."],
    ),
    Soal(
        "8f",
        harapan=lambda: ISIAN_METADATA,
        banding=banding_metadata(),
        bentuk="deret",
        petunjuk=["Contoh lengkap ada di `datasets/metadata_indikator.json` (mis. untuk rasio jenis "
                  "kelamin).",
                  "Kunci yang diperlukan: " + ", ".join(ISIAN_METADATA) + "."],
    ),
    Soal(
        "8g",
        harapan=_katalog_8g,
        banding=banding_grafik(jenis=("batang", "batang_mendatar", "garis"), urut=True),
        bentuk="grafik",
        petunjuk=["Pilih satu indikator per RT atau menurut waktu; gambar diagram batang (diurutkan) atau "
                  "garis.",
                  "Judul (apa, di mana, kapan), label kedua sumbu dengan satuan; batang mulai dari nol."],
    ),
)
