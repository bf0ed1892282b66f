"""Mistake catalogues: every question's known wrong answers, each with the message aimed at its cause.

A question's catalogue (:func:`katalog`) has three sources:

* hand-written :class:`Salah` entries: a wrong value computed on the data (``nilai``) or a test on the
  answer (``cocok``), with a message;
* entries *generated from the question's definition*: a :class:`Rumus` holds the computation with its
  parameters (age groups, denominator, table, weights, measure ...) and each mutation changes one of them —
  ``Rumus.batas`` moves every cut-off by one either way, ``Rumus.ganti`` swaps a parameter for a wrong
  alternative — with the message built from the mutation ("Sepertinya Anda memakai batas umur 15–65 untuk
  penduduk usia produktif; yang benar 15–64 tahun."); :func:`skala` and :func:`tanda` derive entries from
  the expected value (fraction vs percent, sign);
* entries every question of its kind gets (:func:`umum`): a number written as text ("7.402"), a thousands
  dot read as a decimal point, a fraction where a percentage is asked, per-group values without their
  labels, a total row, a missing group, proportions or percentages where counts are asked.

Values are computed on the data (through :mod:`cantik.indicators` wherever an indicator exists) when first
needed, and cached. :func:`diagnosa` matches a wrong answer against the catalogue by value within the
question's tolerance (and to fewer decimals), says every entry that matches when several give the same
value, says "rounded too coarsely" only when the answer *is* the expected value rounded to fewer decimals,
and otherwise gives a message naming the parts to check (``Soal.langkah``).

Each entry has a ``kode``; a graded wrong answer records ``"<soal>/<kode>"`` (see :func:`tandai`) so the
trainer's report can count misconceptions and name the lesson that teaches each (:data:`KONSEP`).

Examples
--------
A question's author declares mutations next to the hand-written mistakes::

    R = Rumus(_rasio, muda=(0, 14), produktif=(15, 64), tua=(65, None), penyebut="produktif")
    Soal("2b", harapan=..., banding=banding_angka(desimal=1), rumus=R,
         salah=[Salah("Anda membalik ...", nilai=..., konsep="rumus"),
                *R.batas(muda="penduduk muda", produktif="penduduk usia produktif", tua="penduduk tua"),
                *R.ganti("penyebut", {"semua": "seluruh penduduk"}, benar="penduduk usia produktif",
                         pesan="Sepertinya Anda membagi dengan {salah}, bukan dengan {benar}.",
                         konsep="penyebut")])
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from cantik.checks._data import per_tempat
from cantik.checks.compare import (
    TAMPILAN,
    Hasil,
    Pembanding,
    _close,
    _is_number,
    _normal_label,
    angka_ringkas,
    as_number,
    aturan,
    baca_angka,
    dibulatkan,
    dibulatkan_semua,
    nilai_per_label,
)
from cantik.checks.plain import Deret, Tabel


@dataclass(frozen=True)
class Konsep:
    """A misconception the trainer can reteach: its name and the lesson that teaches it."""

    nama: str
    pelajaran: str


#: Misconceptions behind catalogue entries (``Salah.konsep``), for the class report's "what to reteach" list.
#: Numbers in brackets refer to the curriculum's list of misconceptions worth teaching.
KONSEP: dict[str, Konsep] = {
    "batas": Konsep("Batas kelompok umur atau nilai (0–14, 15–64, 65+; usia sekolah 7–12; z < −2)",
                    "Modul 2 bagian 2 (kelompok umur) dan Modul 4 bagian 1 (umur sekolah)"),
    "penyebut": Konsep("Penyebut yang tepat: dibagi dengan kelompok yang mana",
                       "Modul 2 bagian 2 (rasio ketergantungan) dan Modul 4 (APS, APK, APM)"),
    "skala": Konsep("Pecahan, persen dan \"per 100\"/\"per 1.000\"", "Modul 1 bagian persentase"),
    "bentuk": Konsep("Bentuk jawaban di Python (angka, teks, Series, list)",
                     "Modul 1 bagian 1 (tabel, baris dan kolom)"),
    "rata-median": Konsep("Rata-rata (mean) atau median [5]", "Modul 2 bagian 5 dan Modul 5 bagian median"),
    "persen-poin": Konsep("Perubahan persen atau selisih poin persen [1]",
                          "Modul 3 bagian perubahan persen dan poin persen"),
    "jumlah-laju": Konsep("Jumlah kasus atau angka per penduduk (laju) [6]",
                          "Modul 4 bagian APS per RT, Modul 6 prevalensi per posyandu, Modul 7 laju AMPUNKU"),
    "keluarga-orang": Konsep("Menghitung keluarga, bukan orang", "Modul 5 bagian P0 (bobot jumlah anggota)"),
    "data-mentah": Konsep("Data mentah: duplikat, isian tidak baku, umur mustahil [3][12]",
                          "Modul 1 bagian membersihkan data"),
    "gabungan": Konsep("Angka gabungan dari total, bukan rata-rata angka kelompok [9]",
                       "Modul 7 bagian tabel \"dalam Angka\" (baris Jumlah)"),
    "indikator": Konsep("Indikator yang mirip tertukar (APS/APK/APM, P1/P2, TB/U atau BB/U)",
                        "Modul 4 (APS, APK, APM), Modul 5 (P0, P1, P2), Modul 6 (skor-z TB/U)"),
    "rumus": Konsep("Langkah rumus (urutan, pangkat, logaritma, dikali 100)",
                    "Modul 3 (laju pertumbuhan, proyeksi) dan rumus di setiap modul"),
    "arah": Konsep("Arah: yang dikurangi dan pengurangnya, naik atau turun", "Modul 3 bagian perubahan"),
    "sumber": Konsep("Indikator yang sama dari sumber berbeda [2]",
                     "Modul 6 bagian dua sumber angka stunting dan Modul 8"),
    "sebab-akibat": Konsep("Korelasi bukan sebab-akibat [10]", "Modul 6 bagian AMPUNKU"),
    "angka-kecil": Konsep("Angka dari kelompok kecil: selang kepercayaan [7]",
                          "Modul 6 bagian selang Wilson"),
    "kategori": Konsep("Jenis variabel: kategorik atau kuantitatif", "Modul 1 bagian jenis variabel"),
    "grafik": Konsep("Memilih dan membaca grafik", "Modul 7 (grafik yang jujur)"),
    "metadata": Konsep("Metadata indikator (SIRUSA) dan menyebut data sintetis", "Modul 8 bagian metadata"),
    "definisi": Konsep("Definisi yang berubah antar tahun: batas umur, garis kemiskinan [11]",
                       "Modul 2 bagian lansia dan Modul 5 bagian garis kemiskinan yang berubah"),
    "angka-dasar": Konsep("Angka dasar kecil: persen besar dari sedikit kejadian [8]",
                          "Modul 3 bagian kematian per RT"),
    "registrasi": Konsep("Daftar KK (registrasi) dan pencacahan lapangan berbeda [3]",
                         "Modul 3 bagian daftar KK"),
    "sasaran": Konsep("Salah sasaran bantuan: eksklusi dan inklusi", "Modul 5 bagian bansos"),
    "kerahasiaan": Konsep("Kerahasiaan statistik: sel kecil dan data pribadi", "Modul 7 bagian kerahasiaan"),
    "kode-wilayah": Konsep("Menggabungkan tabel lewat kode wilayah, bukan nama",
                           "Modul 7 bagian kode wilayah"),
    "pembulatan": Konsep("Membulatkan terlalu kasar atau memotong angka", "Modul 1 (cara menulis angka)"),
    "lain": Konsep("Kesalahan lain (lihat pesan)", "Petunjuk soal yang bersangkutan"),
}


def _slug(teks: str, kata: int = 5) -> str:
    """A short stable id from a message's first words ("Anda membagi ..." -> "anda-membagi-...")."""
    words = re.findall(r"[0-9a-zA-Z]+", teks.casefold())[:kata]
    return "-".join(words) or "salah"


@dataclass
class Salah:
    """One catalogue entry: a known mistake, how to recognise it, and its message.

    Parameters
    ----------
    pesan : str
        Plain-Indonesian message aimed at the misconception.
    nilai : callable, optional
        Computes the wrong value the mistake produces, on the data (compared with the question's own
        comparator, and also to fewer decimals).
    cocok : callable, optional
        A test on the plain answer (for mistakes of form, e.g. a tuple where one number is asked).
    kode : str
        Stable id, recorded when a graded answer matches (default: from the message's first words).
    konsep : str
        Key of :data:`KONSEP` (the misconception, for the trainer's reteach list).
    contoh : callable, optional
        A learner-shaped wrong answer (for tests and the feedback benchmark); default: the value of ``nilai``
        turned into the object a learner would have (number, Series, DataFrame).
    rinci : callable, optional
        The message for a given plain answer, when it names the answer's own details (e.g. which fields are
        missing); ``pesan`` is then its message for ``contoh``.
    """

    pesan: str
    nilai: Callable[[], Any] | None = None
    cocok: Callable[[Any], bool] | None = None
    kode: str = ""
    konsep: str = "lain"
    contoh: Callable[[], Any] | None = None
    rinci: Callable[[Any], str] | None = None

    def __post_init__(self) -> None:
        if not self.kode:
            self.kode = _slug(self.pesan)
        if self.konsep not in KONSEP:
            raise ValueError(f"unknown konsep {self.konsep!r} (see cantik.checks.mistakes.KONSEP)")
        self._nilai = per_tempat(self.nilai) if self.nilai is not None else None

    def hitung(self) -> Any:
        """The wrong value on the data (computed once per session), or ``None`` for a ``cocok`` entry."""
        return self._nilai() if self._nilai is not None else None

    def pesan_untuk(self, jawaban: Any) -> str:
        """This entry's message for a plain answer it matched."""
        return self.rinci(jawaban) if self.rinci is not None else self.pesan

    def jawaban_contoh(self) -> Any:
        """A learner-shaped answer that makes this mistake."""
        if self.contoh is not None:
            return self.contoh()
        return sebagai_jawaban(self.hitung())


def sebagai_jawaban(plain: Any) -> Any:
    """Plain data back to the object a learner would hold: a Deret becomes a Series, a Tabel a DataFrame."""
    if isinstance(plain, Deret):
        import pandas as pd

        series = pd.Series(list(plain.nilai), index=list(plain.label), name=plain.nama, dtype=object)
        return series.infer_objects()
    if isinstance(plain, Tabel):
        import pandas as pd

        return pd.DataFrame(list(plain.baris), columns=list(plain.kolom))
    return plain


def _rentang(lo: float | None, hi: float | None, satuan: str) -> str:
    unit = f" {satuan}" if satuan else ""
    if hi is None:
        return f"{angka_ringkas(lo)}{unit} ke atas"
    if lo is None:
        return f"di bawah {angka_ringkas(hi)}{unit}"
    return f"{angka_ringkas(lo)}–{angka_ringkas(hi)}{unit}"


@dataclass
class Rumus:
    """A question's computation with named parameters, so wrong answers can be generated by changing one.

    ``hitung(**param)`` computes the value from the data; with the default parameters it must give the
    question's expected answer (tests check this, so the mutations are anchored to the real indicator).

    Examples
    --------
    >>> R = Rumus(lambda umur=(15, 64): umur[1] - umur[0], umur=(15, 64))
    >>> [s.kode for s in R.batas(umur="penduduk usia produktif")]
    ['batas-umur-14-64', 'batas-umur-16-64', 'batas-umur-15-63', 'batas-umur-15-65']
    >>> R.batas(umur="penduduk usia produktif")[3].pesan
    'Sepertinya Anda memakai batas umur 15–65 tahun untuk penduduk usia produktif; yang benar 15–64 tahun.'
    """

    hitung: Callable[..., Any]
    param: dict[str, Any] = field(default_factory=dict)

    def __init__(self, hitung: Callable[..., Any], /, **param: Any) -> None:
        self.hitung = hitung
        self.param = param

    def nilai(self, **ubah: Any) -> Any:
        """The value with some parameters changed (none: the expected value)."""
        return self.hitung(**{**self.param, **ubah})

    def _entri(self, ubah: dict[str, Any], pesan: str, kode: str, konsep: str) -> Salah:
        return Salah(pesan, nilai=lambda: self.nilai(**ubah), kode=kode, konsep=konsep)

    def batas(self, satuan: str = "umur", unit: str = "tahun", langkah: float = 1, **nama: str
              ) -> list[Salah]:
        """Every cut-off of the named ranges moved by ``langkah`` either way (one entry each).

        Each parameter is a ``(lo, hi)`` range (``hi=None``: "and above"). A lower bound 0 is only moved up,
        with a message about the zeros left out (e.g. babies of age 0).
        """
        out: list[Salah] = []
        for key, label in nama.items():
            lo, hi = self.param[key]
            benar = _rentang(lo, hi, unit)
            variants: list[tuple[Any, Any]] = []
            if lo is not None:
                variants += [(lo - langkah, hi), (lo + langkah, hi)] if lo != 0 else [(lo + langkah, hi)]
            if hi is not None:
                variants += [(lo, hi - langkah), (lo, hi + langkah)]
            for a, b in variants:
                if lo == 0 and a != lo:
                    pesan = (f"Sepertinya {satuan} 0 belum ikut terhitung di {label}; {label} mulai dari "
                             f"{satuan} 0 ({benar}).")
                else:
                    pesan = (f"Sepertinya Anda memakai batas {satuan} {_rentang(a, b, unit)} untuk {label}; "
                             f"yang benar {benar}.")
                ujung = [angka_ringkas(v) if v is not None else w for v, w in ((a, "bawah"), (b, "atas"))]
                kode = f"batas-{key}-{ujung[0]}-{ujung[1]}".replace(",", "_")
                out.append(self._entri({key: (a, b)}, pesan, kode, "batas"))
        return out

    def ganti(self, param: str, pilihan: dict[Any, str], pesan: str, benar: str = "", konsep: str = "lain"
              ) -> list[Salah]:
        """One entry per wrong alternative of ``param``; ``pesan`` may use ``{salah}`` and ``{benar}``."""
        return [self._entri({param: alt}, pesan.format(salah=label, benar=benar),
                            f"{param.strip('_')}-{_slug(re.sub(r'^-', 'minus ', str(alt)), 4)}", konsep)
                for alt, label in pilihan.items()]


def _skala_cocok(harapan: Callable[[], Any], faktor: float, tol: Callable[[], float]
                 ) -> Callable[[Any], bool]:
    """Does the answer times ``faktor`` give the expected value (numbers or per-group values)?"""

    def cocok(j: Any) -> bool:
        e = harapan()
        if isinstance(e, Deret):
            got = nilai_per_label(j, e)
            want = {_normal_label(k): v for k, v in zip(e.label, e.nilai, strict=True)}
            if got is None or set(got) != set(want):
                return False
            nums = [k for k, v in want.items() if _is_number(v) and v != 0]
            return bool(nums) and all(_is_number(got[k]) and _close(got[k] * faktor, want[k], tol())
                                      for k in nums)
        x = as_number(j)
        return x is not None and e != 0 and _close(x * faktor, float(e), tol())

    return cocok


def _skala_contoh(harapan: Callable[[], Any], faktor: float) -> Callable[[], Any]:
    def contoh() -> Any:
        e = harapan()
        if isinstance(e, Deret):
            return sebagai_jawaban(Deret(e.label, tuple(v / faktor if _is_number(v) else v for v in e.nilai)))
        return float(e) / faktor

    return contoh


def skala(soal_harapan: Callable[[], Any], faktor: float, pesan: str, kode: str, tol: float | None = None,
          konsep: str = "skala") -> Salah:
    """The expected value divided by ``faktor`` (the answer is ``faktor`` times too small): e.g. a fraction
    where a percentage is asked (``faktor=100``), or a percentage where a fraction is asked (``0.01``).

    Matching scales the answer back, so the question's tolerance applies to the expected value's scale.
    """
    t = (lambda: tol) if tol is not None else (lambda: 1e-9)
    return Salah(pesan, cocok=_skala_cocok(soal_harapan, faktor, t), kode=kode, konsep=konsep,
                 contoh=_skala_contoh(soal_harapan, faktor))


def tanda(soal_harapan: Callable[[], Any], pesan: str, kode: str = "tanda-terbalik") -> Salah:
    """The expected value with its sign flipped (a change computed the wrong way round)."""
    return Salah(pesan, nilai=lambda: -soal_harapan(), kode=kode, konsep="arah")


# ── entries every question of a kind gets ────────────────────────────────────────────────────────────────
class Soal(Protocol):
    """What the catalogue reads of a question (:class:`cantik.checks.core.Soal`; a protocol, so that this
    module stays below ``core``)."""

    id: str
    banding: Pembanding
    bentuk: str
    salah: list[Salah]
    petunjuk: list[str]
    pesan_benar: str
    langkah: str

    def nilai_harapan(self) -> Any: ...


def umum(soal: Soal) -> list[Salah]:
    """The catalogue entries every question of ``soal``'s kind gets (see the module docstring)."""
    a = aturan(soal.banding)
    e = soal.nilai_harapan
    out: list[Salah] = []
    if soal.bentuk == "angka" and a is not None:
        tol = a.tol

        def teks_benar(j: Any) -> bool:
            return isinstance(j, str) and any(_close(x, float(e()), tol) for x in baca_angka(j))

        out.append(Salah(
            "Angkanya sudah benar, tetapi ditulis sebagai teks (di antara tanda kutip). Tulis sebagai angka: "
            "tanpa tanda kutip, tanpa titik ribuan, dan dengan titik sebagai tanda desimal (misalnya 1250.5, "
            "bukan \"1.250,5\").", cocok=teks_benar, kode="teks", konsep="bentuk",
            contoh=lambda: angka_ringkas(float(e()), a.desimal)))
        if _is_number(e()) and abs(e()) >= 1000 and float(e()).is_integer():
            out.append(skala(e, 1000, "Di Python titik adalah tanda desimal: 7.402 berarti tujuh koma empat. "
                                      "Tulis bilangan ribuan tanpa titik, misalnya 7402.", "titik-ribuan",
                             tol=tol, konsep="bentuk"))
    if a is not None and a.persen and soal.bentuk in ("angka", "deret"):
        out.append(skala(e, 100, "Sepertinya Anda menulis pecahan (misalnya 0,12), padahal yang diminta "
                                 "persen (12). Kalikan dengan 100.", "skala-pecahan", tol=a.tol))
    if soal.bentuk == "deret" and isinstance(e(), Deret):
        out += _umum_deret(soal, e)
    pilihan = getattr(soal.banding, "pilihan", None)
    if pilihan:
        out += _umum_pilihan(dict(pilihan))
    return out


def _umum_pilihan(pilihan: dict[str, str]) -> list[Salah]:
    """The wrong forms a multiple-choice answer takes (two letters, a number, a letter not offered ...)."""
    from cantik.checks.compare import pilihan_dari

    huruf = list(pilihan)
    daftar = ", ".join(huruf[:-1]) + f" atau {huruf[-1]}"
    lain = chr(ord(max(huruf)) + 1)
    return [
        Salah("Anda memilih lebih dari satu pilihan. Pilih SATU huruf saja: yang paling tepat.",
              cocok=lambda j: isinstance(j, str) and len(pilihan_dari(j, pilihan)) > 1,
              kode="lebih-dari-satu",
              konsep="bentuk", contoh=lambda: f"{huruf[0]} dan {huruf[1]}"),
        Salah(f"Jawab dengan huruf pilihan ({daftar}), bukan nomor urutnya.",
              cocok=lambda j: isinstance(j, int | str) and str(j).strip().strip("().").isdigit(),
              kode="nomor",
              konsep="bentuk", contoh=lambda: "2"),
        Salah(f"Pilihan {lain} tidak ada. Pilih salah satu: {daftar}.",
              cocok=lambda j: isinstance(j, str) and len(j.strip().strip("().")) == 1
              and j.strip().strip("().").upper() not in pilihan and j.strip().strip("().").isalpha(),
              kode="huruf-lain", konsep="bentuk", contoh=lambda: lain),
        Salah(f"Soal ini pilihan ganda: jawab dengan huruf pilihan ({daftar}), bukan ya/tidak.",
              cocok=lambda j: isinstance(j, str) and j.strip().casefold().rstrip(".!") in ("ya", "tidak",
              "benar",
                                                                                         "salah"),
              kode="ya-tidak", konsep="bentuk", contoh=lambda: "Ya"),
        Salah(f"Jawab dengan huruf pilihan yang paling sesuai ({daftar}), bukan kalimat sendiri. Baca lagi "
              "setiap pilihan dan pilih yang paling dekat dengan pendapat Anda.",
              cocok=lambda j: isinstance(j, str) and len(j.split()) >= 3 and not pilihan_dari(j, pilihan),
              kode="kalimat", konsep="bentuk", contoh=lambda: "menurut saya datanya belum cukup"),
        Salah(f"Jawaban Anda masih kosong. Tulis satu huruf pilihan ({daftar}) di antara tanda kutip.",
              cocok=lambda j: isinstance(j, str) and not j.strip(), kode="kosong", konsep="bentuk",
              contoh=lambda: ""),
    ]


def _jumlah(d: Deret) -> bool:
    counts = all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in d.nilai)
    return counts and len(d.nilai) > 1


def _umum_deret(soal: Soal, e: Callable[[], Any]) -> list[Salah]:
    out: list[Salah] = []
    d: Deret = e()
    numeric = [v for v in d.nilai if _is_number(v)]
    if len(set(numeric)) > 1:
        def tanpa_label(j: Any) -> bool:
            if not isinstance(j, list | tuple) or len(j) != len(d.nilai) or not all(_is_number(v) for v in j):
                return False
            same = sorted(round(float(v), 6) for v in j) == sorted(round(float(v), 6) for v in numeric)
            return same and not soal.banding(list(j), d).benar

        out.append(Salah(
            "Nilainya benar, tetapi tanpa label kelompok, dan urutannya tidak sama dengan urutan kelompok. "
            "Berikan Series atau dict yang memuat label kelompoknya (misalnya hasil `value_counts()` atau "
            "`groupby(...)` langsung, tanpa `.tolist()`).", cocok=tanpa_label, kode="tanpa-label",
            konsep="bentuk", contoh=lambda: sorted(numeric, reverse=list(d.nilai) == sorted(numeric))))
    if len(d.label) > 2 and numeric:
        kecil = min(range(len(d.nilai)), key=lambda i: (d.nilai[i] if _is_number(d.nilai[i]) else math.inf))

        def hilang(j: Any) -> bool:
            got = nilai_per_label(j, d) if isinstance(j, Deret) else None
            want = {_normal_label(k) for k in d.label}
            return got is not None and len(want - set(got)) == 1 and set(got) < want

        out.append(Salah(
            "Ada kelompok yang hilang dari jawaban Anda (sering terjadi pada kelompok yang nilainya 0 atau "
            "kecil, atau karena baris dengan data kosong terbuang). Semua kelompok harus ada.",
            cocok=hilang, kode="kelompok-hilang", konsep="bentuk",
            contoh=lambda: sebagai_jawaban(Deret(tuple(k for i, k in enumerate(d.label) if i != kecil),
                                                 tuple(v for i, v in enumerate(d.nilai) if i != kecil)))))

        def baris_jumlah(j: Any) -> bool:
            if not isinstance(j, Deret):
                return False
            extra = {_normal_label(k) for k in j.label} - {_normal_label(k) for k in d.label}
            return bool(extra) and extra <= {"jumlah", "total", "semua", "all"}

        out.append(Salah(
            "Jawaban Anda memuat baris Jumlah/Total. Yang diminta nilai per kelompok saja; hapus baris "
            "totalnya.", cocok=baris_jumlah, kode="baris-jumlah", konsep="bentuk",
            contoh=lambda: sebagai_jawaban(Deret((*d.label, "Jumlah"), (*d.nilai, sum(numeric))))))
    if _jumlah(d):
        total = sum(d.nilai)
        for faktor, nama, kode in ((total, "proporsi (pecahan)", "proporsi"),
                                   (total / 100, "persentase", "persentase")):
            pesan = (f"Anda memberikan {nama}. Yang diminta banyaknya (frekuensi) di setiap kelompok: hapus "
                     "`normalize=True` atau pembagian dengan jumlahnya.")
            out.append(skala(e, faktor, pesan, kode, tol=0.5))
    return out


#: question id -> its catalogue (questions are registered once, so their catalogues never change)
_KATALOG: dict[str, tuple[Salah, ...]] = {}


def katalog(soal: Soal) -> tuple[Salah, ...]:
    """Every catalogue entry of a question: its own (hand-written and generated) and those of its kind."""
    found = _KATALOG.get(soal.id)
    if found is None:
        own = list(soal.salah)
        kodes = {s.kode for s in own}
        found = _KATALOG[soal.id] = tuple(own + [s for s in umum(soal) if s.kode not in kodes])
    return found


#: What the ids that are not catalogue entries mean (``<soal>/hampir`` ..., and the reasons a test could not
#: check an answer, recorded by :mod:`cantik.grading.results`).
KODE_KHUSUS = {
    "hampir": ("Hampir benar, tetapi dibulatkan terlalu kasar", "pembulatan"),
    "bentuk": ("Jawaban bukan bentuk yang diminta (teks, list, tabel ...)", "bentuk"),
    "umum": ("Jawaban salah lain: tidak cocok dengan kesalahan yang dikenal", None),
    "waktu-habis": ("Sel jawaban tidak selesai: waktu habis (perulangan tanpa akhir?)", None),
    "galat": ("Sel jawaban berhenti dengan galat (error)", None),
    "belum-diisi": ("Jawaban belum diisi", None),
    "raise-tertinggal": ("Kode jawaban ditulis, tetapi `raise NotImplementedError()` tertinggal", None),
    "dihentikan": ("Notebook dihentikan sandbox sebelum soal ini", None),
    "bagian": ("Bagian rumus (pembilang, penyebut ...) yang dihitung sendiri belum tepat", "rumus"),
    "bagian-kurang": ("Hasilnya benar, tetapi bagian rumusnya tidak disertakan di `cek`", None),
    "hitung-sendiri": ("Memakai fungsi pustaka padahal soal meminta rumusnya dihitung sendiri", None),
}



def tandai(pesan: str, kode: tuple[str, ...]) -> str:
    """A grading message with the matched catalogue ids appended (read back by :func:`baca_tanda`).

    Examples
    --------
    >>> tandai("Soal 2b: Sepertinya ...", ("2b/penyebut-semua",))
    'Soal 2b: Sepertinya ... [kesalahan: 2b/penyebut-semua]'
    """
    return f"{pesan} [kesalahan: {'; '.join(kode)}]" if kode else pesan


_TANDA = re.compile(r"\s*\[kesalahan: ([^\]]*)\]")


def baca_tanda(teks: str) -> tuple[str, tuple[str, ...]]:
    """The message without its catalogue ids, and the ids (inverse of :func:`tandai`).

    Examples
    --------
    >>> baca_tanda("Belum tepat: Soal 2b: Sepertinya ... [kesalahan: 2b/penyebut-semua; 2b/umum] (ulang)")
    ('Belum tepat: Soal 2b: Sepertinya ... (ulang)', ('2b/penyebut-semua', '2b/umum'))
    """
    kode: list[str] = []
    for m in _TANDA.finditer(teks):
        kode += [k.strip() for k in m.group(1).split(";") if k.strip()]
    return _TANDA.sub("", teks), tuple(dict.fromkeys(kode))


# ── diagnosis of a wrong answer ─────────────────────────────────────────────────────────────────────────
def _gabung(entries: list[Salah], jawaban: Any = None) -> str:
    """One message for the matched entries: alternatives when values coincide, a list when form problems
    occur together."""
    pesan = list(dict.fromkeys(s.pesan_untuk(jawaban) for s in entries))
    if len(pesan) == 1:
        return pesan[0]
    nomor = {2: "dua", 3: "tiga", 4: "empat"}.get(len(pesan), str(len(pesan)))
    if all(s.nilai is None for s in entries):
        awal = f"Ada {nomor} hal yang perlu diperbaiki: "
    else:
        awal = f"Ada {nomor} kemungkinan kesalahan yang memberi jawaban seperti ini: "
    return awal + " ".join(f"({i}) {p}" for i, p in enumerate(pesan, 1))


def _cocok(soal: Soal, s: Salah, jawaban: Any, bulat: bool = False) -> bool:
    try:
        if s.cocok is not None and s.cocok(jawaban):
            return True
        if s.nilai is None:
            return False
        v = s.hitung()
        if not bulat:
            return soal.banding(jawaban, v).benar
        a = aturan(soal.banding)
        x = as_number(jawaban)
        return (a is not None and x is not None and _is_number(v)
                and dibulatkan(x, float(v), a.desimal) is not None)
    except (TypeError, ValueError, AssertionError, KeyError, ZeroDivisionError, AttributeError, IndexError):
        return False


def _hasil(soal: Soal, entries: list[Salah], jawaban: Any, tambahan: str = "") -> Hasil:
    return Hasil(False, _gabung(entries, jawaban) + tambahan, tuple(f"{soal.id}/{s.kode}" for s in entries),
                 "nilai")


def _hampir(soal: Soal, jawaban: Any, harapan: Any) -> Hasil | None:
    a = aturan(soal.banding)
    if a is None or a.desimal is None or a.toleransi is not None:
        return None
    x = as_number(jawaban)
    if x is not None and _is_number(harapan):
        k = dibulatkan(x, float(harapan), a.desimal)
    elif isinstance(harapan, Deret):
        got, want = nilai_per_label(jawaban, harapan), dict(zip(map(_normal_label, harapan.label),
                                                                harapan.nilai, strict=True))
        if got is None or set(got) != set(want):
            return None
        if not all((_is_number(got[k]) and _is_number(v)) or got[k] == v for k, v in want.items()):
            return None  # a text or a missing value differs: not a matter of rounding
        k = dibulatkan_semua([(float(got[k]), float(v)) for k, v in want.items() if _is_number(v)], a.desimal)
    else:
        return None
    if k is None:
        return None
    if k == a.desimal:
        pesan = ("Hampir! Angka Anda benar, tetapi angka terakhirnya dipotong, bukan dibulatkan. Tulis lebih "
                 "banyak angka di belakang koma, atau bulatkan dengan `round(...)`.")
    else:
        jadi = "bilangan bulat" if k == 0 else f"{k} angka di belakang koma"
        pesan = (f"Hampir! Angka Anda benar, tetapi dibulatkan terlalu kasar (menjadi {jadi}). Tulis paling "
                 f"sedikit {a.desimal} angka di belakang koma, atau jangan dibulatkan.")
    return Hasil(False, pesan,
                 (f"{soal.id}/hampir",), "nilai")


def _terdekat(soal: Soal, jawaban: Any, harapan: Any) -> Hasil | None:
    """The value entry a numeric answer is very near (within 1 %, three times nearer than the expected)."""
    x = as_number(jawaban)
    if x is None or not _is_number(harapan):
        return None
    best: tuple[float, Salah] | None = None
    for s in katalog(soal):
        try:
            v = s.hitung()
        except Exception:  # a mistake that cannot be computed on these data is skipped
            continue
        if not _is_number(v) or v == 0:
            continue
        d = abs(x - v)
        if d <= 0.01 * abs(v) and 3 * d < abs(x - harapan) and (best is None or d < best[0]):
            best = (d, s)
    if best is None:
        return None
    s = best[1]
    pesan = "Angka Anda dekat dengan hasil kesalahan yang sering terjadi: " + s.pesan_untuk(jawaban)
    return Hasil(False, pesan, (f"{soal.id}/{s.kode}",), "nilai")


def _umum_pesan(soal: Soal, jawaban: Any, harapan: Any, hasil: Hasil) -> Hasil:
    langkah = soal.langkah or (soal.daftar_petunjuk()[0] if soal.petunjuk else "")
    # a chart whose content is right but whose title or labels are missing: the computing steps do not help
    periksa = f" Periksa lagi: {langkah}" if langkah and TAMPILAN not in hasil.kode else ""
    x = as_number(jawaban)
    if x is not None and _is_number(harapan) and soal.bentuk == "angka":
        arah = "lebih besar" if x > harapan else "lebih kecil"
        pesan = (f"Angka Anda {arah} daripada jawaban yang benar, dan tidak cocok dengan kesalahan umum yang "
                 f"kami kenal.{periksa}")
    else:
        pesan = (hasil.pesan or "Jawaban Anda belum tepat.") + periksa
    return Hasil(False, pesan, (f"{soal.id}/umum",), "nilai")


def diagnosa(soal: Soal, jawaban: Any, harapan: Any, hasil: Hasil) -> Hasil:
    """The message for a wrong answer (``hasil`` is the comparator's verdict): see the module docstring."""
    entries = katalog(soal)
    found = [s for s in entries if _cocok(soal, s, jawaban)]
    hampir = _hampir(soal, jawaban, harapan) if hasil.jenis == "nilai" else None
    if found and hampir is not None:  # the rounded right answer is also a known mistake's value: say both
        both = _hasil(soal, [Salah(hampir.pesan, kode="hampir"), *found], jawaban)
        return Hasil(False, both.pesan, (*hampir.kode, *both.kode[1:]), "nilai")
    if found:
        return _hasil(soal, found, jawaban)
    if soal.bentuk == "angka" and isinstance(jawaban, str) and baca_angka(jawaban):
        inner = periksa_nilai(soal, baca_angka(jawaban)[0])
        return Hasil(False, f"Jawaban Anda berupa teks (\"{jawaban.strip()}\"), bukan angka: tulis angkanya "
                            f"tanpa tanda kutip. Selain itu: {inner.pesan}",
                     (f"{soal.id}/teks", *inner.kode), "nilai")
    if hasil.jenis == "bentuk":
        return Hasil(False, hasil.pesan, (f"{soal.id}/bentuk",), "bentuk")
    if hampir is not None:
        return hampir
    found = [s for s in entries if _cocok(soal, s, jawaban, bulat=True)]
    if found:
        return _hasil(soal, found, jawaban)
    a = aturan(soal.banding)
    x = as_number(jawaban)
    if a is not None and a.persen and x is not None:
        found = [s for s in entries if s.nilai is not None and _cocok(soal, s, x * 100)]
        if found:
            return _hasil(soal, found, x * 100, " Selain itu, hasilnya perlu dikali 100 (persen).")
    near = _terdekat(soal, jawaban, harapan)
    if near is not None:
        return near
    return _umum_pesan(soal, jawaban, harapan, hasil)


def periksa_nilai(soal: Soal, jawaban: Any) -> Hasil:
    """Check a plain answer against the question (expected value, then :func:`diagnosa`)."""
    harapan = soal.nilai_harapan()
    hasil = soal.banding(jawaban, harapan)
    if hasil.benar:
        return Hasil(True, soal.pesan_benar)
    return diagnosa(soal, jawaban, harapan, hasil)


__all__ = ["KODE_KHUSUS", "KONSEP", "Konsep", "Rumus", "Salah", "baca_tanda", "diagnosa",
           "katalog", "periksa_nilai", "sebagai_jawaban", "skala", "tanda", "tandai", "umum"]
