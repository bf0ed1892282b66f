"""Questions of module 8, the capstone *Kandangan Utara dalam Angka* (ids ``8a``–``8g``, ``8j``–``8k``).

The capstone is mostly rubric-graded; the autograded part checks the indicator sheet (computed with
:mod:`cantik.indicators`), the SIRUSA-style metadata of one indicator and one honest chart. The finished
notebook becomes a shareable HTML page with :func:`cantik.publish.ekspor_html`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from cantik.checks._data import ind as _ind
from cantik.checks._data import per_tempat, tabel
from cantik.checks.compare import Hasil, Pembanding, banding_angka, sebut_sintetis
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.figures import Katalog, SeriKatalog, baca_bulan, banding_grafik, nomor_rt
from cantik.checks.modul1 import salah_jumlah_penduduk
from cantik.checks.modul2 import salah_ketergantungan, salah_rasio_jk
from cantik.checks.modul4 import salah_apm_smp, salah_aps_16_18
from cantik.checks.modul5 import GARIS_LAIN, HSS, salah_p0
from cantik.checks.modul6 import salah_prevalensi
from cantik.checks.plain import Deret
from cantik.data.calibration import GARIS_KEMISKINAN
from cantik.data.loader import active_wilayah, tables

#: Fields of an indicator's metadata in the SIRUSA style (the keys of ``datasets/metadata_indikator.json``).
ISIAN_METADATA = ("nama", "konsep", "definisi", "metode_perhitungan", "rumus", "satuan", "interpretasi",
                  "disagregasi", "periodisasi", "sumber_data")


@per_tempat
def _z() -> Any:
    """Height-for-age z-scores of the balita table, computed once per session (not to be modified)."""
    return _ind().height_for_age_z_table(tabel("balita"))


def _penduduk() -> Any:
    return tabel("penduduk")


def _kunci(k: Any) -> str:
    return "_".join(str(k).strip().casefold().replace("-", " ").split())


#: Text a template leaves in a field ("...", "-", "isi di sini" ...): not an answer.
_TEMPAT = re.compile(r"^\s*(?:\.{2,}|…|[-–—_?x]+|isi(?: di ?sini)?|tulis(?: di ?sini)?|belum(?: diisi)?|"
                     r"tbd|todo|n/?a|none|null|kosong|tidak ada|-)\s*$", re.IGNORECASE)
#: Fewest words each field needs to say what it means.
KATA_MINIMAL = {"nama": 2, "konsep": 3, "definisi": 4, "metode_perhitungan": 3, "rumus": 2, "satuan": 1,
                "interpretasi": 4, "disagregasi": 1, "periodisasi": 1, "sumber_data": 2}
_OPERATOR = re.compile(r"[/÷×*+=−]|\s[x-]\s|\bdibagi\b|\bdikali\b|\bper\b|\bditambah\b|\bdikurangi\b")
_SATUAN = re.compile(r"persen|%|\bper\s?(?:100|1\.?000|seribu|seratus)|jiwa|orang|rupiah|\brp\b|km|tahun|"
                     r"bulan|kasus|rasio|indeks|poin|anak|balita|keluarga|kali|perjalanan|menit",
                     re.IGNORECASE)
_TINGKAT = re.compile(r"\brt\b|\brw\b|dusun|lingkungan|desa|kelurahan|kecamatan|kabupaten|kota|provinsi|"
                      r"posyandu|jenis kelamin|umur|usia|kelompok|wilayah|nasional|sekolah|jenjang",
                      re.IGNORECASE)
_PERIODE = re.compile(r"tahun|bulan|triwulan|kuartal|semester|minggu|harian|hari|sekali|periodik|sensus",
                      re.IGNORECASE)


def _kata(teks: str) -> list[str]:
    return re.findall(r"[^\W_]{2,}", teks)


#: Words that call data synthetic outright (a real place's source may say "bukan data resmi BPS").
_DISEBUT_SINTETIS = re.compile(
    r"sintetis|sintetik|synthetic|buatan komputer|dibuat komputer|rekaan|fiktif|dummy", re.IGNORECASE)
#: Words of a real place's source too common to show that the answer names it.
_KATA_UMUM = {"data", "dari", "yang", "untuk", "dengan", "oleh", "tahun", "hasil", "desa", "kelurahan",
              "penduduk", "keluarga", "warga"}


def masalah_sumber(teks: str) -> str:
    """What is wrong with a metadata answer's ``sumber_data`` for the active place ("" when nothing): a
    synthetic place's must say the data are synthetic; a real place's must name its source (a word of the
    profile's ``sumber_data``) and must not call the village's own data synthetic.

    Examples
    --------
    >>> masalah_sumber("Data keluarga Kelas Cantik (data sintetis)")  # the default place is synthetic
    ''
    >>> masalah_sumber("BPS Kabupaten Hulu Sungai Selatan")[:50]
    'Isian sumber_data harus menyebut bahwa datanya SIN'
    """
    from cantik.data.profile import load_profile

    profil = load_profile(active_wilayah())
    if profil.synthetic:
        if sebut_sintetis(teks):
            return ""
        return ("Isian sumber_data harus menyebut bahwa datanya SINTETIS (data latihan buatan komputer), "
                "supaya tidak dikira data resmi.")
    contoh = f"misalnya \"{profil.source}, per {profil.source_date}\""
    if _DISEBUT_SINTETIS.search(teks):
        return (f"Data {profil.label} bukan data sintetis: isian sumber_data harus menyebut sumber aslinya, "
                f"{contoh}.")
    kata = {k.casefold() for k in _kata(profil.source) if len(k) >= 4} - _KATA_UMUM
    if kata and not kata & {k.casefold() for k in _kata(teks)}:
        return f"Isian sumber_data harus menyebut dari mana datanya berasal, {contoh}."
    return ""


def masalah_metadata(jawaban: Any) -> dict[str, str]:
    """Problems of a SIRUSA metadata answer, by catalogue id, each with its Indonesian message (empty when
    every field is present and says what it should)."""
    if not isinstance(jawaban, Deret):
        return {"bukan-dict": "Metadata ditulis sebagai dict: {\"nama\": \"...\", \"konsep\": \"...\", ...}."}
    isi = {_kunci(k): v for k, v in zip(jawaban.label, jawaban.nilai, strict=True)}
    out: dict[str, str] = {}
    kurang = [k for k in ISIAN_METADATA if k not in isi]
    if kurang:
        out["kunci-kurang"] = "Isian metadata yang belum ada: " + ", ".join(kurang) + "."
    teks = {k: (v.strip() if isinstance(v, str) else "") for k, v in isi.items() if k in ISIAN_METADATA}
    kosong = [k for k, v in teks.items() if not v or _TEMPAT.match(v) or not _kata(v)]
    if kosong:
        out["isian-kosong"] = ("Isian metadata yang masih kosong atau masih berisi tanda dari templat "
                               "(\"...\", "
                               "\"-\", \"isi di sini\"): " + ", ".join(kosong) + ".")
    isi_ok = {k: v for k, v in teks.items() if k not in kosong}
    pendek = [k for k, v in isi_ok.items() if len(_kata(v)) < KATA_MINIMAL[k]]
    if pendek:
        out["terlalu-singkat"] = ("Isian yang terlalu singkat untuk menjelaskan artinya (tulis beberapa "
                                  "kata): "
                                  + ", ".join(f"{k} (paling sedikit {KATA_MINIMAL[k]} "
                                              f"kata)" for k in pendek) + ".")
    rumus = isi_ok.get("rumus", "")
    if rumus and "rumus" not in pendek and (not _OPERATOR.search(rumus) or len(_kata(rumus)) < 2):
        out["rumus-tanpa-bagian"] = ("Isian rumus harus menyebut bagian-bagiannya dan cara menghitungnya, "
                                     "misalnya \"banyaknya penduduk miskin / seluruh penduduk × 100\".")
    if isi_ok.get("satuan") and not _SATUAN.search(isi_ok["satuan"]):
        out["satuan-tanpa-satuan"] = ("Isian satuan harus menyebut satuannya, misalnya \"persen\" atau "
                                      "\"jiwa\".")
    if isi_ok.get("disagregasi") and not _TINGKAT.search(isi_ok["disagregasi"]):
        out["disagregasi-tanpa-tingkat"] = ("Isian disagregasi harus menyebut tingkat rinciannya, misalnya "
                                            "\"RT\", \"posyandu\" atau \"jenis kelamin\".")
    if isi_ok.get("periodisasi") and not _PERIODE.search(isi_ok["periodisasi"]):
        out["periodisasi-tanpa-waktu"] = ("Isian periodisasi harus menyebut seberapa sering angkanya "
                                          "dihitung, misalnya \"tahunan\" atau \"bulanan\".")
    if "sumber_data" in isi_ok and (masalah := masalah_sumber(isi_ok["sumber_data"])):
        out["sumber-tidak-sintetis"] = masalah
    sama = [v.casefold() for v in isi_ok.values()]
    if len(sama) >= 3 and max(sama.count(v) for v in sama) >= 3:
        out["isian-disalin"] = ("Beberapa isian berisi teks yang sama persis. Setiap isian punya arti "
                                "sendiri: konsep, definisi, rumus, satuan ... tulis masing-masing.")
    return out



# ── question 8g: one honest chart of any indicator, compared with what the data give ────────────────
def _baca_tahun(teks: str) -> int | None:
    m = re.fullmatch(r"\s*((?:19|20)\d{2})(?:\.0)?\s*", teks)
    return int(m.group(1)) if m else None


def _pembaca_posyandu(nama_posyandu: Any) -> Callable[[str], str | None]:
    """A reader of posyandu labels ("Posyandu Melati", "melati") for the place's posyandu names (read once,
    with the catalogue, not once per label)."""
    pendek = [(str(n).casefold().replace("posyandu", "").strip(), str(n)) for n in nama_posyandu]

    def baca(teks: str) -> str | None:
        t = teks.casefold()
        return next((nama for p, nama in pendek if p and p in t), None)

    return baca


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


@per_tempat
def _katalog_8g() -> Katalog:
    """Indicators per RT, per posyandu, per month and per year that 8g may show, from the data."""
    ind = _ind()
    penduduk, keluarga, balita, tahunan, mutasi = (
        _tanpa_attrs(tabel(t)) for t in ("penduduk", "keluarga", "balita", "penduduk_tahunan", "mutasi"))
    # the local service table where the place has one (Kandangan Utara's AMPUNKU)
    ampunku = _tanpa_attrs(tabel("ampunku")) if "ampunku" in tables(active_wilayah()) else None
    z = _z()
    seri = [*_statistik(penduduk, penduduk["rt"], "rt", "penduduk"),
            *_statistik(keluarga, keluarga["rt"], "rt", "keluarga"),
            *(_statistik(ampunku, ampunku["rt"], "rt", "ampunku") if ampunku is not None else []),
            *_statistik(balita, balita["rt"], "rt", "balita"),
            *_statistik(balita, balita["posyandu"], "posyandu", "balita"),
            *(_statistik(ampunku, ampunku["tanggal"].dt.strftime("%Y-%m"), "bulan", "ampunku")
              if ampunku is not None else []),
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
    if ampunku is not None:
        seri.append(_seri("perjalanan AMPUNKU per penduduk", "rt",
                          ampunku["rt"].value_counts() / penduduk["rt"].value_counts()))
    stunting = z < -2
    for kolom in ("rt", "posyandu"):
        seri.append(_seri(f"prevalensi stunting per {kolom}", kolom, stunting.groupby(balita[kolom]).mean()))
        seri.append(_seri(f"rata-rata z-score per {kolom}", kolom, z.groupby(balita[kolom]).mean()))
    tumbuh = tahunan.set_index("tahun")["jumlah_penduduk"].pct_change() * 100
    seri.append(_seri("pertumbuhan penduduk per tahun (%)", "tahun", tumbuh))
    pembaca = {"rt": nomor_rt, "posyandu": _pembaca_posyandu(balita["posyandu"].dropna().unique()),
               "bulan": baca_bulan, "tahun": _baca_tahun}
    return Katalog(tuple(seri), pembaca,
                   contoh=" (mis. persentase penduduk miskin per RT, prevalensi stunting per posyandu, "
                          + ("perjalanan AMPUNKU per bulan)" if ampunku is not None else
                             "kelahiran per bulan)"))


def banding_metadata() -> Pembanding:
    """Every SIRUSA field is present and says what it means (no template placeholder, enough words, a formula
    naming its parts, a unit, a level of detail, a period), and the source says the data are synthetic."""

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        masalah = masalah_metadata(jawaban)
        if not masalah:
            return Hasil(True)
        return Hasil(False, " ".join(masalah.values()),
        jenis="bentuk" if "bukan-dict" in masalah else "nilai")

    return banding


def _metadata_contoh(**ubah: Any) -> Any:
    """The lesson's model metadata with some fields changed (``None`` removes a field)."""
    contoh = dict(CONTOH_METADATA)
    for k, v in ubah.items():
        if v is None:
            contoh.pop(k, None)
        else:
            contoh[k] = v
    return contoh


#: A complete metadata answer (the notebook's model answer), for examples of each mistake.
CONTOH_METADATA = {
    "nama": "Persentase penduduk miskin (P0)",
    "konsep": "Kemiskinan dipandang sebagai ketidakmampuan memenuhi kebutuhan dasar.",
    "definisi": "Persentase penduduk yang pengeluaran per kapita per bulannya di bawah garis kemiskinan.",
    "metode_perhitungan": "Anggota keluarga dengan pengeluaran per kapita di bawah GK dihitung miskin.",
    "rumus": "P0 = banyaknya penduduk miskin / seluruh penduduk × 100",
    "satuan": "persen",
    "interpretasi": "P0 4% berarti sekitar 4 dari 100 penduduk hidup di bawah garis kemiskinan.",
    "disagregasi": "RT, kelurahan",
    "periodisasi": "Tahunan",
    "sumber_data": "Data keluarga Kelas Cantik (data sintetis, bukan data resmi BPS)",
}

_MASALAH_CONTOH = {
    "bukan-dict": lambda: list(ISIAN_METADATA),
    "kunci-kurang": lambda: _metadata_contoh(rumus=None),
    "isian-kosong": lambda: _metadata_contoh(konsep="..."),
    "terlalu-singkat": lambda: _metadata_contoh(metode_perhitungan="FGT"),
    "rumus-tanpa-bagian": lambda: _metadata_contoh(rumus="rumus P0 dari BPS"),
    "satuan-tanpa-satuan": lambda: _metadata_contoh(satuan="angka"),
    "disagregasi-tanpa-tingkat": lambda: _metadata_contoh(disagregasi="lengkap"),
    "periodisasi-tanpa-waktu": lambda: _metadata_contoh(periodisasi="rutin"),
    "sumber-tidak-sintetis": lambda: _metadata_contoh(sumber_data="BPS Kabupaten Hulu Sungai Selatan"),
    "isian-disalin": lambda: _metadata_contoh(konsep=CONTOH_METADATA["definisi"],
                                             metode_perhitungan=CONTOH_METADATA["definisi"]),
}


def _salah_metadata() -> list[Salah]:
    """One catalogue entry per metadata problem (its message is the one :func:`masalah_metadata` gives)."""
    from cantik.checks.plain import ke_polos

    out = []
    for kode, contoh in _MASALAH_CONTOH.items():
        pesan = masalah_metadata(ke_polos(contoh()))[kode]
        out.append(Salah(pesan, cocok=lambda j, kode=kode: kode in masalah_metadata(j), kode=kode,
                         konsep="metadata", contoh=contoh,
                         rinci=lambda j, kode=kode: masalah_metadata(j)[kode]))
    return out


def _p0(garis: float, bobot: str | None = "jumlah_anggota") -> float:
    return _ind().poverty_indices(tabel("keluarga"), garis, weights=bobot).p0


_KETERGANTUNGAN, _SALAH_KETERGANTUNGAN = salah_ketergantungan("total")
_P0, _SALAH_P0 = salah_p0(lambda: GARIS_KEMISKINAN)

daftar(
    Soal(
        "8a",
        harapan=lambda: len(_penduduk()),
        banding=banding_angka(desimal=0),
        salah=[
            *salah_jumlah_penduduk(),
            Salah("Itu angka registrasi (KK) dari tabel sumber_banding. Profil ini memakai tabel penduduk "
                  "(penduduk yang benar-benar tinggal di kelurahan).",
                  nilai=lambda: float(tabel("sumber_banding").query("indikator == 'Jumlah penduduk' and "
                                                                    "sumber.str.contains('Registrasi')")
                                      ["nilai"].iloc[0]), kode="registrasi", konsep="sumber"),
        ],
        langkah="satu baris tabel `penduduk` adalah satu orang: `len(penduduk)`.",
        petunjuk=["Satu baris tabel `penduduk` = satu orang: `len(penduduk)`."],
    ),
    Soal(
        "8b",
        harapan=lambda: _ind().sex_ratio(_penduduk()),
        banding=banding_angka(desimal=1),
        salah=salah_rasio_jk(_penduduk),
        langkah="laki-laki / perempuan × 100.",
        petunjuk=["`ind.rasio_jenis_kelamin(penduduk)` (modul 2)."],
    ),
    Soal(
        "8c",
        harapan=lambda: _ind().dependency_ratio(_penduduk()).total,
        banding=banding_angka(desimal=1),
        rumus=_KETERGANTUNGAN,
        salah=_SALAH_KETERGANTUNGAN,
        langkah="(penduduk 0–14 + penduduk 65 tahun ke atas) / penduduk 15–64 tahun × 100.",
        petunjuk=["`ind.rasio_ketergantungan(penduduk).total` (modul 2)."],
    ),
    Soal(
        "8d",
        harapan=lambda: _p0(GARIS_KEMISKINAN),
        banding=banding_angka(desimal=2, persen=True),
        rumus=_P0,
        salah=[
            *_SALAH_P0,
            Salah("Itu P0 Kabupaten Hulu Sungai Selatan yang dilaporkan (4,01%, modul 5), bukan hasil "
                  "hitungan dari data keluarga kelurahan ini. Hitung dari tabel `keluarga`.",
                  nilai=lambda: HSS[2023]["P0"],
                  kode="p0-kabupaten", konsep="sumber"),
            Salah("Sepertinya Anda memakai GK September 2022 (Rp581.229). Profil ini memakai GK September "
                  "2024, Rp644.107.",
                  nilai=lambda: _p0(GARIS_LAIN["2022"]), kode="garis-2022", konsep="sumber"),
        ],
        langkah="orang miskin (anggota keluarga dengan pengeluaran per kapita di bawah Rp644.107) / seluruh "
                "penduduk × 100.",
        petunjuk=["`ind.indeks_kemiskinan(keluarga, 644107, bobot=\"jumlah_anggota\").p0` (modul 5)."],
    ),
    Soal(
        "8e",
        harapan=lambda: _ind().stunting_prevalence(_z()),
        banding=banding_angka(desimal=1, persen=True),
        salah=salah_prevalensi(_z),
        langkah="balita dengan skor-z TB/U di bawah −2 / balita yang diukur × 100.",
        petunjuk=["`ind.prevalensi_stunting(ind.skor_z_tb_u(balita))` (modul 6)."],
    ),
    Soal(
        "8f",
        harapan=lambda: ISIAN_METADATA,
        banding=banding_metadata(),
        bentuk="deret",
        salah=_salah_metadata(),
        langkah="setiap kunci SIRUSA diisi dengan kalimat yang menjelaskan artinya; rumus menyebut "
                "bagiannya, satuan menyebut satuannya, sumber_data menyebut bahwa datanya sintetis.",
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
    Soal(
        "8j",
        harapan=lambda: _ind().aps(_penduduk(), 16, 18),
        banding=banding_angka(desimal=1, persen=True),
        salah=[
            Salah("Itu APS 7–12. Yang diminta APS umur 16–18 tahun.",
                  nilai=lambda: _ind().aps(_penduduk(), 7, 12), kode="aps-7-12", konsep="batas"),
            *salah_aps_16_18(),
        ],
        langkah="pembilang = anak 16–18 tahun yang masih sekolah (jenjang apa pun), penyebut = semua anak "
                "16–18 tahun, lalu dikali 100.",
        petunjuk=["`ind.aps(penduduk, 16, 18)` (modul 4)."],
    ),
    Soal(
        "8k",
        harapan=lambda: _ind().apm(_penduduk(), "SMP"),
        banding=banding_angka(desimal=1, persen=True),
        salah=salah_apm_smp(),
        langkah="pembilang = murid SMP yang berumur 13–15, penyebut = penduduk 13–15 tahun, lalu dikali 100.",
        petunjuk=["`ind.apm(penduduk, \"SMP\")` (modul 4)."],
    ),
)
