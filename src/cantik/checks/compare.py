"""Tolerant, pedagogically sensible comparisons shared by self-checks (``cek``) and grading tests (``uji``).

Each ``banding_*`` factory returns a comparator ``f(jawaban, harapan) -> Hasil`` working on plain data made by
:func:`cantik.checks.plain.ke_polos` (never on the learner's own objects). A comparator decides whether the
answer is right and says why an answer of the wrong *kind* is refused (text where a number is asked, a
list where one number is asked, missing groups ...). A right-kind answer with a wrong value gets
``jenis="nilai"``: :func:`cantik.checks.core.periksa_polos` then looks the value up in the question's mistake
catalogue (:mod:`cantik.checks.mistakes`) and falls back to "rounded too coarsely" (only when that is true)
or a message naming the parts to check. Numeric comparators carry their :class:`Aturan` (decimals,
tolerance, percent) so the catalogue can derive scale and rounding mistakes from them.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from cantik.checks.plain import Deret, Tabel, kunci_urut
from cantik.helpers import format_number


@dataclass(frozen=True)
class Hasil:
    """Outcome of a check.

    ``benar``: right or not; ``pesan``: an Indonesian message (empty when nothing to add); ``kode``: ids of
    the catalogue entries the answer matched (``"2b/batas-produktif-15-65"``, ``"2b/umum"`` ...), recorded by
    grading for the trainer's report; ``jenis``: ``"bentuk"`` when the answer is not the kind asked,
    ``"nilai"`` when it is the right kind with a wrong value.
    """

    benar: bool
    pesan: str = ""
    kode: tuple[str, ...] = ()
    jenis: str = ""

    def __bool__(self) -> bool:
        return self.benar


Pembanding = Callable[[Any, Any], Hasil]


@dataclass(frozen=True)
class Aturan:
    """How a numeric comparator compares: decimals asked, absolute tolerance, percent or not."""

    desimal: int | None = 1
    toleransi: float | None = None
    persen: bool = False

    @property
    def tol(self) -> float:
        return _tol(self.desimal, self.toleransi)


def aturan(banding: Pembanding) -> Aturan | None:
    """The :class:`Aturan` of a numeric comparator (``None`` for text, sets, tables, charts)."""
    return getattr(banding, "aturan", None)


def angka_id(x: float, desimal: int = 2) -> str:
    """Format a number the Indonesian way (``1.234,5``).

    Examples
    --------
    >>> angka_id(1234.5, 1)
    '1.234,5'
    """
    return format_number(x, desimal)


def angka_ringkas(x: float, desimal: int | None = None) -> str:
    """A number the Indonesian way with as few decimals as it needs (at most ``desimal``, default 3).

    Examples
    --------
    >>> angka_ringkas(7402.0), angka_ringkas(101.2345), angka_ringkas(-0.53, 2)
    ('7.402', '101,234', '-0,53')
    """
    d = 3 if desimal is None else desimal
    s = angka_id(x, d)
    if "," in s:
        s = s.rstrip("0").rstrip(",")
    return s


def baca_angka(teks: str) -> tuple[float, ...]:
    """The numbers a text can mean, Indonesian reading first ("7.402" → 7402, "101,3" → 101.3, "Rp644.107",
    "4,54 %"); an ambiguous "41.463" also gives the English reading 41.463. Empty when it is not one number.

    Examples
    --------
    >>> baca_angka("7.402"), baca_angka("101,3"), baca_angka(" Rp644.107 "), baca_angka("4,54 %")
    ((7402.0, 7.402), (101.3,), (644107.0,), (4.54,))
    >>> baca_angka("12.5"), baca_angka("0.414"), baca_angka("1.234,5"), baca_angka("dua")
    ((12.5,), (0.414,), (1234.5,), ())
    """
    s = teks.strip().casefold().replace("−", "-")
    rupiah = "rp" in s
    for unit in ("rp", "%", "persen", "jiwa", "orang", " "):
        s = s.replace(unit, "")
    if not re.fullmatch(r"[-+]?[\d.,]*\d[\d.,]*", s):
        return ()
    out: list[float] = []
    if "," in s and "." in s:
        last_comma = s.rfind(",") > s.rfind(".")
        out.append(float(s.replace(".", "").replace(",", ".") if last_comma else s.replace(",", "")))
    elif "," in s:
        if s.count(",") == 1:
            out.append(float(s.replace(",", ".")))
        elif re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+", s):
            out.append(float(s.replace(",", "")))
    elif s.count(".") > 1:
        if re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+", s):
            out.append(float(s.replace(".", "")))
    elif re.fullmatch(r"[-+]?[1-9]\d{0,2}\.\d{3}", s):
        out += [float(s.replace(".", ""))] + ([] if rupiah else [float(s)])
    else:
        out.append(float(s))
    return tuple(out)


#: Code of a comparator verdict about how a chart is presented (title, labels, axis, unit), not its content:
#: the question's computing steps are not appended to such a message (mistakes.diagnosa).
TAMPILAN = "tampilan"


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def as_number(v: Any) -> float | None:
    """A plain number from a plain value (a one-item list or Series also counts), else ``None``."""
    if _is_number(v):
        return float(v)
    if isinstance(v, list | tuple) and len(v) == 1 and _is_number(v[0]):
        return float(v[0])
    if isinstance(v, Deret) and len(v.nilai) == 1 and _is_number(v.nilai[0]):
        return float(v.nilai[0])
    return None


def _close(a: float, b: float, tol: float) -> bool:
    if math.isnan(a) or math.isnan(b):
        return False
    return abs(a - b) <= tol + 1e-9 * max(1.0, abs(b))


def _tol(desimal: int | None, toleransi: float | None) -> float:
    if toleransi is not None:
        return toleransi
    if desimal is None:
        return 1e-6
    return 0.5 * 10 ** (-desimal) + 1e-12


def dibulatkan(x: float, e: float, desimal: int | None) -> int | None:
    """The number of decimals ``k`` such that ``x`` is ``e`` rounded to ``k < desimal`` decimals, or ``e`` cut
    (not rounded) to ``k <= desimal`` decimals; else ``None``. "Rounded too coarsely" is said only when true.

    Examples
    --------
    >>> dibulatkan(41.5, 41.4634, 2), dibulatkan(41.0, 41.4634, 2), dibulatkan(41.4, 41.4634, 1)
    (1, 0, 1)
    >>> dibulatkan(41.3, 41.4634, 1) is None, dibulatkan(7402.0, 7402, 0) is None, dibulatkan(4, 4.066, 2)
    (True, True, 0)
    """
    return dibulatkan_semua([(x, e)], desimal)


def dibulatkan_semua(pasangan: Sequence[tuple[float, float]], desimal: int | None) -> int | None:
    """:func:`dibulatkan` for a list of (answer, expected) pairs: the one ``k`` that explains every pair not
    already right (a learner rounds a whole column one way), else ``None``.

    Per value the largest ``k`` would say "cut" for a value whose coarser rounding happens to equal a cut
    (0.1051 rounded to 1 decimal is 0.1, also 0.1051 cut to 2): one ``k`` for all says "1 decimal".

    Examples
    --------
    >>> dibulatkan(0.1, 0.1051, 2), dibulatkan_semua([(-1.9, -1.8796), (0.1, 0.1051), (0.3, 0.3)], 2)
    (1, 1)
    >>> dibulatkan_semua([(-1.87, -1.8796), (0.1, 0.1051)], 2), dibulatkan_semua([(0.3, 0.3)], 2)
    (2, None)
    """
    if desimal is None or desimal < 0 or any(math.isnan(x) or math.isnan(e) for x, e in pasangan):
        return None
    salah = [(x, e) for x, e in pasangan if not _close(x, e, _tol(desimal, None))]
    if not salah:
        return None

    def sama(x: float, e: float, k: int, potong: bool) -> bool:
        f = 10**k
        cut = (math.floor(e * f) / f, math.ceil(e * f) / f, math.trunc(e * f) / f) if potong else ()
        kandidat = cut if k == desimal else (round(e, k), *cut)
        return any(abs(x - r) <= 1e-9 * max(1.0, abs(e)) for r in kandidat)

    # a rounding explains the answer before a cut does (4 for 4.066 is "rounded to a whole number", though it
    # is also 4.066 cut to 1 decimal)
    for potong, ks in ((False, range(desimal - 1, -1, -1)), (True, range(desimal, -1, -1))):
        k = next((k for k in ks if all(sama(x, e, k, potong) for x, e in salah)), None)
        if k is not None:
            return k
    return None


def _beri_aturan(banding: Pembanding, a: Aturan) -> Pembanding:
    banding.aturan = a  # type: ignore[attr-defined]
    return banding


def banding_angka(desimal: int | None = 1, toleransi: float | None = None, persen: bool = False,
                  satuan: str = "") -> Pembanding:
    """Compare one number, accepting any rounding to at least ``desimal`` decimals (or ``toleransi``).

    ``persen=True`` says the answer is a percentage (the catalogue then knows a fraction such as 0,12 for
    12 % is the scale mistake); ``satuan`` names the unit in messages.

    Examples
    --------
    >>> banding_angka(desimal=1)(12.3, 12.34).benar
    True
    >>> banding_angka(desimal=1)("12,3", 12.34).pesan[:26]
    'Jawaban Anda berupa teks. '
    """
    tol = _tol(desimal, toleransi)

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        x = as_number(jawaban)
        if x is None:
            if isinstance(jawaban, str):
                return Hasil(False, "Jawaban Anda berupa teks. Yang diminta angka (tanpa tanda kutip).",
                             jenis="bentuk")
            if jawaban is None:
                return Hasil(False, "Jawaban Anda kosong (None). Isi dengan angka hasil hitungan (hasil "
                                    "`print(...)` selalu kosong: simpan hitungannya di variabel, lalu cetak "
                                    "variabelnya).", jenis="bentuk")
            return Hasil(False, "Yang diminta satu angka, bukan kumpulan nilai atau tabel. Dari tabel atau "
                                "kolom, satu angka didapat misalnya dengan `len(...)` (banyaknya baris), "
                                "`.sum()` (jumlah) atau `.mean()` (rata-rata).", jenis="bentuk")
        if math.isnan(x):
            return Hasil(False, "Jawaban Anda NaN (bukan angka). Periksa apakah ada pembagian dengan nol "
                                "atau data kosong yang ikut terhitung.", jenis="bentuk")
        if _close(x, float(harapan), tol):
            return Hasil(True)
        return Hasil(False, f"Angka Anda{' (' + satuan + ')' if satuan else ''} belum tepat.", jenis="nilai")

    return _beri_aturan(banding, Aturan(desimal, toleransi, persen))


#: Words that may precede a place or RT name and do not change it ("Kelurahan Kandangan Utara", "RT 01").
#: A leading word naming the kind of place or unit, as a whole word ("Kel. ", "RT03"), never the start of a
#: name ("Kelayan", "Desalin", "Dusunan").
_AWALAN = re.compile(r"^(?:kelurahan|kel|desa|ds|dusun|dsn|posyandu|rukun tetangga|rt|nomor|no)"
                     r"(?:\.|\b|(?=\d))\s*", re.IGNORECASE)
#: Dashes people type or paste ("0–4" from a document, "0 - 4") read as one hyphen.
_TANDA_HUBUNG = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")


def _polos_teks(s: str) -> str:
    """Case, accents, punctuation and spacing removed (for lenient text comparison); any dash is "-".

    Examples
    --------
    >>> _polos_teks("0–4"), _polos_teks("0 - 4"), _polos_teks("SMA/Sederajat")
    ('0-4', '0-4', 'sma sederajat')
    """
    s = unicodedata.normalize("NFKD", _TANDA_HUBUNG.sub("-", s)).casefold()
    s = "".join(ch if ch.isalnum() or ch in "+-" else " " for ch in s.replace("_", " "))
    return " ".join(s.split())


def _normal_label(v: Any) -> Any:
    """Labels compare leniently: 3, 3.0, '3', '03', 'RT 3' and 'Dusun 3' are the same unit; text ignores case,
    spacing, punctuation, the kind of dash and a leading "Kelurahan"/"Desa"/"RT"/"Dusun"/"Posyandu".

    Examples
    --------
    >>> _normal_label("RT 03"), _normal_label("Kelurahan Kandangan Utara"), _normal_label("kandangan_utara")
    (3, 'kandangan utara', 'kandangan utara')
    >>> _normal_label("RT03"), _normal_label("Kel. Kelayan"), _normal_label("Kelayan")
    (3, 'kelayan', 'kelayan')
    """
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, str):
        s = " ".join(v.replace("_", " ").split())
        s = _AWALAN.sub("", s, count=1) if _AWALAN.match(s) and _AWALAN.sub("", s, count=1) else s
        try:
            return int(s)
        except ValueError:
            return _polos_teks(s)
    if isinstance(v, tuple):
        return tuple(_normal_label(x) for x in v)
    return v


def banding_teks(ketat: bool = False) -> Pembanding:
    """Compare a short text (a category or place name) ignoring case, spacing and punctuation, and a leading
    "Kelurahan"/"Desa"/"RT"; ``ketat=True`` only ignores case and surrounding spaces.

    Examples
    --------
    >>> banding_teks()("Kelurahan Kandangan Utara.", "Kandangan Utara").benar
    True
    """

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        if not isinstance(jawaban, str):
            return Hasil(False, "Yang diminta jawaban berupa teks (di antara tanda kutip).", jenis="bentuk")
        if ketat:
            sama = " ".join(jawaban.split()).casefold() == " ".join(str(harapan).split()).casefold()
        else:
            sama = _normal_label(jawaban) == _normal_label(str(harapan))
        if sama:
            return Hasil(True)
        return Hasil(False, "Teks jawaban Anda belum sesuai dengan yang diminta.", jenis="nilai")

    return banding


def banding_himpunan(salah_satu_cukup: bool = False, sinonim: dict[str, tuple[str, ...]] | None = None
                     ) -> Pembanding:
    """Compare a collection of labels ignoring order and duplicates (e.g. "which RT ...?").

    ``salah_satu_cukup=True`` also accepts any non-empty part of the expected labels (for ties: "the RT with
    the lowest rate" when two RTs share it). One text listing several labels is read as a list; ``sinonim``
    gives other names that mean the same label (e.g. "indeks kedalaman kemiskinan" for "P1").

    Examples
    --------
    >>> banding_himpunan()("P1 dan P2", ["P2", "P1"]).benar, banding_himpunan()(["RT 3", 7], [3, 7]).benar
    (True, True)
    """

    def cocok(jawaban: list[Any] | tuple[Any, ...], harapan: Any) -> bool:
        a = {alias.get(_normal_label(v), _normal_label(v)) for v in jawaban}
        e = {_normal_label(v) for v in harapan}
        return a == e or bool(salah_satu_cukup and a and a <= e)

    alias = {_normal_label(n): _normal_label(k) for k, names in (sinonim or {}).items() for n in names}

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        if isinstance(jawaban, bool):
            return Hasil(False, f"Jawaban Anda {jawaban} (hasil sebuah perbandingan). Yang diminta isiannya "
                                "sendiri, misalnya nomor RT atau namanya.", jenis="bentuk")
        if isinstance(jawaban, Deret):
            if not cocok(list(jawaban.nilai), harapan) and cocok(list(jawaban.label), harapan):
                # the rows of the answer (aps_rt[aps_rt == aps_rt.min()]): right labels, values beside them
                return Hasil(False, "Isian yang benar ada di label (indeks) deret Anda: "
                                    f"{', '.join(map(str, jawaban.label[:5]))}. Simpan labelnya saja, bukan "
                                    "seluruh deret: tambahkan `.index.tolist()`, atau pakai `.idxmin()` / "
                                    "`.idxmax()`.", jenis="bentuk")
            jawaban = list(jawaban.nilai)
        parts = re.split(r"\s*(?:,|;|&|\bdan\b)\s*", jawaban.strip()) if isinstance(jawaban, str) else []
        if len(parts) > 1:
            jawaban = [p for p in parts if p]  # "P1 dan P2", "RT 3, RT 7"
        if not isinstance(jawaban, list | tuple):
            jawaban = [jawaban]
        if cocok(jawaban, harapan):
            return Hasil(True)
        a = {alias.get(_normal_label(v), _normal_label(v)) for v in jawaban}
        e = {_normal_label(v) for v in harapan}
        kurang, lebih = e - a, a - e
        bagian = []
        if kurang and not (salah_satu_cukup and lebih):  # one of several is enough: only the extra ones count
            bagian.append(f"masih kurang {len(kurang)} isian")
        if lebih:
            bagian.append(f"ada {len(lebih)} isian yang tidak seharusnya ada")
        return Hasil(False, "Daftar jawaban Anda " + " dan ".join(bagian) + ".", jenis="nilai")

    return banding


def _deret_dari(jawaban: Any, label_harapan: tuple[Any, ...]) -> Deret | str:
    """Turn a plain answer into a Deret; a list is matched to the expected labels in order."""
    if isinstance(jawaban, Deret):
        return jawaban
    if isinstance(jawaban, Tabel):
        if len(jawaban.kolom) == 2:
            return Deret(tuple(r[0] for r in jawaban.baris), tuple(r[1] for r in jawaban.baris))
        return "Yang diminta satu kolom angka per kelompok (Series), bukan tabel dengan banyak kolom."
    if isinstance(jawaban, list | tuple):
        if len(jawaban) != len(label_harapan):
            return (f"Jawaban Anda berisi {len(jawaban)} nilai, padahal seharusnya ada {len(label_harapan)} "
                    "kelompok.")
        return Deret(tuple(label_harapan), tuple(jawaban))
    return "Yang diminta nilai per kelompok (Series, dict atau list), bukan satu nilai saja."


def nilai_per_label(jawaban: Any, harapan: Deret) -> dict[Any, Any] | None:
    """The answer's values keyed by normalised label (``None`` when it cannot be read per group)."""
    d = _deret_dari(jawaban, harapan.label)
    if isinstance(d, str):
        return None
    return {_normal_label(k): v for k, v in zip(d.label, d.nilai, strict=True)}


def banding_deret(desimal: int | None = 1, toleransi: float | None = None, persen: bool = False,
                  urutan: bool = False) -> Pembanding:
    """Compare values per label (Series, dict, two-column table or list in the expected order).

    Index order, dtype (int vs float, category vs text) and the Series name are ignored; labels compare
    leniently (RT 3 == 3.0 == "3" == "RT 3"). ``urutan=True`` also requires the expected order (e.g. sorted
    results).
    """
    tol = _tol(desimal, toleransi)

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        assert isinstance(harapan, Deret)
        d = _deret_dari(jawaban, harapan.label)
        if isinstance(d, str):
            return Hasil(False, d, jenis="bentuk")
        a = {_normal_label(k): v for k, v in zip(d.label, d.nilai, strict=True)}
        e = {_normal_label(k): v for k, v in zip(harapan.label, harapan.nilai, strict=True)}
        if len(a) != len(d.label):
            return Hasil(False, "Ada kelompok yang muncul lebih dari sekali dalam jawaban Anda.",
                         jenis="bentuk")
        # labels shown as written (the expected ones, or the learner's own), not in their compared form
        tulis = {_normal_label(k): str(k) for k in (*d.label, *harapan.label)}
        if set(a) != set(e):
            kurang = sorted(set(e) - set(a), key=kunci_urut)
            lebih = sorted(set(a) - set(e), key=kunci_urut)
            bagian = []
            if kurang:
                bagian.append("kelompok yang belum ada: " + ", ".join(tulis[k] for k in kurang[:5]))
            if lebih:
                bagian.append("kelompok yang tidak diminta: " + ", ".join(tulis[k] for k in lebih[:5]))
            return Hasil(False, "Kelompok (label/indeks) jawaban Anda berbeda; " + "; ".join(bagian) + ".",
                         jenis="bentuk")
        salah = []
        for k, ev in e.items():
            av = a[k]
            if _is_number(ev):
                if not _is_number(av) or not _close(float(av), float(ev), tol):
                    salah.append(k)
            elif _normal_label(av) != _normal_label(ev):
                salah.append(k)
        kosong = [k for k in salah if isinstance(a[k], float) and math.isnan(a[k])]
        if kosong:
            daftar = ", ".join(tulis[k] for k in kosong[:5])
            return Hasil(False, f"Nilai untuk {len(kosong)} kelompok masih kosong (NaN), misalnya: {daftar}. "
                                "Biasanya karena kelompok itu tidak punya data, atau pembaginya 0.",
                         jenis="nilai")
        if salah:
            daftar = ", ".join(tulis[k] for k in salah[:5])
            return Hasil(False, f"Nilai untuk {len(salah)} kelompok belum tepat (misalnya: {daftar}).",
                         jenis="nilai")
        if urutan and [_normal_label(k) for k in d.label] != [_normal_label(k) for k in harapan.label]:
            return Hasil(False, "Nilainya sudah benar, tetapi urutannya belum sesuai yang diminta.",
                         jenis="nilai")
        return Hasil(True)

    return _beri_aturan(banding, Aturan(desimal, toleransi, persen))


def banding_tabel(desimal: int | None = 1, toleransi: float | None = None, kolom_wajib: bool = True,
                  urutan: bool = False) -> Pembanding:
    """Compare tables ignoring row and column order, index-vs-column placement and harmless dtypes.

    The expected table's columns must all be present (``kolom_wajib``); extra columns in the answer are
    allowed. Rows are matched after sorting; numbers use the tolerance, labels compare leniently.
    """
    tol = _tol(desimal, toleransi)

    def sel(v: Any) -> Any:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return ("kosong", 0)
        if _is_number(v):
            return ("n", round(float(v) / (2 * tol)) if tol > 0 and math.isfinite(v) else float(v))
        return ("t", _normal_label(v))

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        assert isinstance(harapan, Tabel)
        if isinstance(jawaban, Deret):
            jawaban = Tabel(("index", "nilai"), tuple(zip(jawaban.label, jawaban.nilai, strict=True)))
        if not isinstance(jawaban, Tabel):
            return Hasil(False, "Yang diminta sebuah tabel (DataFrame).", jenis="bentuk")
        nama_a = [_normal_label(k) for k in jawaban.kolom]
        nama_e = [_normal_label(k) for k in harapan.kolom]
        hilang = [k for k, n in zip(harapan.kolom, nama_e, strict=True) if n not in nama_a]
        if hilang and kolom_wajib:
            return Hasil(False, "Kolom yang belum ada di tabel Anda: " + ", ".join(map(str, hilang)) + ".",
                         jenis="bentuk")
        if len(jawaban.baris) != len(harapan.baris):
            return Hasil(False, f"Tabel Anda punya {len(jawaban.baris)} baris, seharusnya "
                                f"{len(harapan.baris)}.", jenis="bentuk")
        idx = [nama_a.index(n) for n in nama_e]
        rows_a = [tuple(sel(r[i]) for i in idx) for r in jawaban.baris]
        rows_e = [tuple(sel(v) for v in r) for r in harapan.baris]
        ok = rows_a == rows_e if urutan else sorted(rows_a, key=repr) == sorted(rows_e, key=repr)
        if ok:
            return Hasil(True)
        # Rounding buckets can split near a boundary: fall back to a pairwise tolerant match.
        if not urutan and _pairwise(jawaban, harapan, idx, tol):
            return Hasil(True)
        return Hasil(False, "Isi tabel Anda belum sama dengan yang diharapkan.", jenis="nilai")

    return _beri_aturan(banding, Aturan(desimal, toleransi, False))


def _pairwise(a: Tabel, e: Tabel, idx: list[int], tol: float) -> bool:
    def same(x: Any, y: Any) -> bool:
        if _is_number(x) and _is_number(y):
            return _close(float(x), float(y), tol)
        return _normal_label(x) == _normal_label(y)

    remaining = [tuple(r[i] for i in idx) for r in a.baris]
    for row in e.baris:
        for j, cand in enumerate(remaining):
            if all(same(x, y) for x, y in zip(cand, row, strict=True)):
                del remaining[j]
                break
        else:
            return False
    return True


_HURUF = re.compile(r"^(?:(?:pilihan|jawaban(?:nya)?|opsi|huruf)(?:\s*:\s*|\s+))?[(\[]?([a-z])[)\].:]?$")
_HURUF_DEPAN = re.compile(r"^[(\[]?([a-z])[)\].:]\s+\S")
_HURUF_BELAKANG = re.compile(r"[(\[]([a-z])[)\]]\.?$")


def pilihan_dari(jawaban: str, pilihan: dict[str, str]) -> set[str]:
    """The option letters a learner's text names: "B", "b", "(B)", "Pilihan B", "B. …", "diagram garis (B)"
    or the option's own text (case, spacing and punctuation ignored).

    Examples
    --------
    >>> opsi = {"A": "diagram lingkaran", "B": "diagram garis."}
    >>> tulisan = ("Pilihan b", "B. diagram garis", "Diagram garis", "garis (B)")
    >>> [sorted(pilihan_dari(t, opsi)) for t in tulisan]
    [['B'], ['B'], ['B'], ['B']]
    >>> sorted(pilihan_dari("A dan B", opsi)), sorted(pilihan_dari("garis", opsi))
    (['A', 'B'], [])
    """
    j = " ".join(jawaban.casefold().split()).strip()
    letters = {k.casefold(): k for k in pilihan}
    teks = {_polos_teks(v): k for k, v in pilihan.items()}
    found: set[str] = set()
    for pattern in (_HURUF, _HURUF_DEPAN, _HURUF_BELAKANG):
        m = pattern.search(j)
        if m and m.group(1) in letters:
            found.add(letters[m.group(1)])
            break
    polos = _polos_teks(_HURUF_BELAKANG.sub("", _HURUF_DEPAN.sub(lambda m: m.group(0)[-1], j)))
    if polos in teks:
        found.add(teks[polos])
    if not found:
        parts = re.split(r"\s*(?:,|&|/|\bdan\b|\batau\b)\s*", j)
        many = {letters[p.strip("()[]. ")] for p in parts if p.strip("()[]. ") in letters}
        if len(parts) > 1 and len(many) == len(parts):
            found = many
    return found


def banding_pilihan(pilihan: dict[str, str], ketat: bool = False) -> Pembanding:
    """Multiple choice, leniently: the letter in any common form ("B", "b", "(B)", "Pilihan B", "B. …",
    "diagram garis (B)") or the option's own text, with or without punctuation and case. ``ketat=True``
    accepts the bare letter only (upper or lower case).

    Examples
    --------
    >>> banding_pilihan({"A": "ya.", "B": "tidak."})("(b)", "B").benar
    True
    >>> banding_pilihan({"A": "ya.", "B": "tidak."})("Tidak", "B").benar
    True
    """

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        if not isinstance(jawaban, str):
            return Hasil(False, "Jawab dengan huruf pilihan di antara tanda kutip, misalnya \"B\".",
                         jenis="bentuk")
        dipilih = {jawaban.strip().upper()} & set(pilihan) if ketat else pilihan_dari(jawaban, pilihan)
        if len(dipilih) > 1:
            return Hasil(False, "Anda memilih lebih dari satu pilihan (" + ", ".join(sorted(dipilih))
                         + "). Pilih satu saja.", jenis="nilai")
        if not dipilih:
            return Hasil(False, "Jawab dengan satu huruf pilihan (" + ", ".join(pilihan)
                         + "), misalnya \"B\".", jenis="bentuk")
        benar = dipilih == {str(harapan).upper()}
        return Hasil(benar, "" if benar else "Pilihan itu belum tepat. Baca lagi setiap pilihan.",
                     jenis="" if benar else "nilai")

    banding.pilihan = dict(pilihan)  # type: ignore[attr-defined]
    return banding


#: Spellings of units a label may use ("(mnt)" for minutes, "%" for percent ...).
SATUAN: dict[str, tuple[str, ...]] = {
    "menit": ("menit", "mnt", "min", "minute", "minutes"),
    "jam": ("jam", "hour", "hours"),
    "persen": ("persen", "%", "pct", "percent"),
    "per 1.000": ("1.000", "1000", "1,000", "1 000", "seribu", "ribu", "‰", "mil"),
    "jiwa": ("jiwa", "orang", "penduduk"),
    "km": ("km", "kilometer"),
    "km²": ("km2", "km²", "km^2", "kilometer persegi"),
    "tahun": ("tahun", "thn", "th"),
    "rupiah": ("rupiah", "rp"),
}


def sebut_satuan(teks: str, satuan: str) -> bool:
    """Whether ``teks`` names ``satuan`` in a common spelling or abbreviation (see :data:`SATUAN`).

    Examples
    --------
    >>> sebut_satuan("Waktu tunggu (mnt)", "menit"), sebut_satuan("per 1000 penduduk", "per 1.000")
    (True, True)
    >>> sebut_satuan("Waktu tunggu", "menit"), sebut_satuan("minggu ke-", "menit")
    (False, False)
    """
    t = teks.casefold()
    for s in SATUAN.get(satuan, (satuan,)):
        if s.isalpha():
            if re.search(rf"(?<![^\W\d_]){re.escape(s)}(?![^\W\d_])", t):
                return True
        elif s in t:
            return True
    return False


#: Phrases that say data are synthetic (practice data made by a computer), in Indonesian or English.
_SINTETIS = re.compile(
    r"sintetis|sintetik|synthetic|data latihan|buatan komputer|dibuat komputer|dibangkitkan|simulasi|"
    r"rekaan|fiktif|bukan data (?:resmi|asli|sebenarnya|nyata)|data contoh|dummy", re.IGNORECASE)


def sebut_sintetis(teks: str) -> bool:
    """Whether a text says the data are synthetic ("data sintetis", "data latihan buatan komputer" ...).

    Examples
    --------
    >>> sebut_sintetis("Data latihan buatan komputer"), sebut_sintetis("BPS Kab. HSS")
    (True, False)
    """
    return bool(_SINTETIS.search(teks))
