"""Tolerant, pedagogically sensible comparisons shared by self-checks (``cek``) and grading tests (``uji``).

Each ``banding_*`` factory returns a comparator ``f(jawaban, harapan) -> Hasil`` working on plain data made by
:func:`cantik.checks.plain.ke_polos` (never on the learner's own objects). A comparator that fails says why
in plain Indonesian (wrong kind, fraction instead of percent, missing labels, too coarse rounding...).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cantik.checks.plain import Deret, Tabel, kunci_urut
from cantik.helpers import format_number


@dataclass(frozen=True)
class Hasil:
    """Outcome of a comparison: ``benar`` and an Indonesian message (empty when nothing to add)."""

    benar: bool
    pesan: str = ""

    def __bool__(self) -> bool:
        return self.benar


Pembanding = Callable[[Any, Any], Hasil]


def angka_id(x: float, desimal: int = 2) -> str:
    """Format a number the Indonesian way (``1.234,5``).

    Examples
    --------
    >>> angka_id(1234.5, 1)
    '1.234,5'
    """
    return format_number(x, desimal)


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


def banding_angka(desimal: int | None = 1, toleransi: float | None = None, persen: bool = False,
                  satuan: str = "") -> Pembanding:
    """Compare one number, accepting any rounding to at least ``desimal`` decimals (or ``toleransi``).

    ``persen=True`` means the answer is a percentage: a fraction (0,12 for 12 %) is detected and explained;
    the reverse (a percentage where a fraction was asked) is detected for ``persen=False`` answers below 1.

    Examples
    --------
    >>> banding_angka(desimal=1, persen=True)(0.1234, 12.34).pesan[:30]
    'Sepertinya Anda menulis pecaha'
    >>> banding_angka(desimal=1)(12.3, 12.34).benar
    True
    """
    tol = _tol(desimal, toleransi)

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        x = as_number(jawaban)
        if x is None:
            if isinstance(jawaban, str):
                return Hasil(False, "Jawaban Anda berupa teks. Yang diminta angka (tanpa tanda kutip).")
            if jawaban is None:
                return Hasil(False, "Jawaban Anda kosong (None). Isi dengan angka hasil hitungan.")
            return Hasil(False, "Yang diminta satu angka, bukan kumpulan nilai atau tabel.")
        e = float(harapan)
        if math.isnan(x):
            return Hasil(False, "Jawaban Anda NaN (bukan angka). Periksa apakah ada pembagian dengan nol "
                                "atau data kosong yang ikut terhitung.")
        if _close(x, e, tol):
            return Hasil(True)
        if persen and _close(x * 100, e, tol * 2):
            return Hasil(False, "Sepertinya Anda menulis pecahan (misalnya 0,12), padahal yang diminta "
                                "persen "
                                "(12). Kalikan dengan 100.")
        if not persen and abs(e) <= 1 and _close(x / 100, e, tol / 100 + 1e-9):
            return Hasil(False, "Sepertinya Anda menulis persen, padahal yang diminta pecahan/proporsi "
                                "(antara 0 dan 1). Jangan kalikan dengan 100.")
        if desimal is not None and toleransi is None and _close(x, e, 10 * tol) and x != e:
            return Hasil(False, f"Hampir! Angka Anda dibulatkan terlalu kasar. Tulis paling sedikit "
                                f"{desimal} "
                                "angka di belakang koma, atau jangan dibulatkan.")
        arah = "terlalu besar" if x > e else "terlalu kecil"
        return Hasil(False, f"Angka Anda {arah}{' ' + satuan if satuan else ''}. Periksa lagi langkah "
                            f"hitungnya.")

    return banding


def banding_teks() -> Pembanding:
    """Compare text ignoring case and surrounding spaces (e.g. a category name or a yes/no answer)."""

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        if not isinstance(jawaban, str):
            return Hasil(False, "Yang diminta jawaban berupa teks (di antara tanda kutip).")
        if " ".join(jawaban.split()).casefold() == " ".join(str(harapan).split()).casefold():
            return Hasil(True)
        return Hasil(False, "Teks jawaban Anda belum sesuai dengan yang diminta.")

    return banding


def _normal_label(v: Any) -> Any:
    """Labels compare leniently: 3, 3.0 and '3' are the same RT; text ignores case and spaces."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, str):
        s = " ".join(v.replace("_", " ").split())
        try:
            return int(s)
        except ValueError:
            return s.casefold()
    if isinstance(v, tuple):
        return tuple(_normal_label(x) for x in v)
    return v


def banding_himpunan(salah_satu_cukup: bool = False) -> Pembanding:
    """Compare a collection of labels ignoring order and duplicates (e.g. "which RT ...?").

    ``salah_satu_cukup=True`` also accepts any non-empty part of the expected labels (for ties: "the RT with
    the lowest rate" when two RTs share it).
    """

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        if isinstance(jawaban, Deret):
            jawaban = list(jawaban.nilai)
        if not isinstance(jawaban, list | tuple):
            jawaban = [jawaban]
        a = {_normal_label(v) for v in jawaban}
        e = {_normal_label(v) for v in harapan}
        if a == e or (salah_satu_cukup and a and a <= e):
            return Hasil(True)
        kurang, lebih = e - a, a - e
        bagian = []
        if kurang:
            bagian.append(f"masih kurang {len(kurang)} isian")
        if lebih:
            bagian.append(f"ada {len(lebih)} isian yang tidak seharusnya ada")
        return Hasil(False, "Daftar jawaban Anda " + " dan ".join(bagian) + ".")

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


def banding_deret(desimal: int | None = 1, toleransi: float | None = None, persen: bool = False,
                  urutan: bool = False) -> Pembanding:
    """Compare values per label (Series, dict, two-column table or list in the expected order).

    Index order, dtype (int vs float, category vs text) and the Series name are ignored; labels compare
    leniently (RT 3 == 3.0 == "3"). ``urutan=True`` also requires the expected order (e.g. sorted results).
    """
    tol = _tol(desimal, toleransi)
    satu = banding_angka(desimal, toleransi, persen)

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        assert isinstance(harapan, Deret)
        d = _deret_dari(jawaban, harapan.label)
        if isinstance(d, str):
            return Hasil(False, d)
        a = {_normal_label(k): v for k, v in zip(d.label, d.nilai, strict=True)}
        e = {_normal_label(k): v for k, v in zip(harapan.label, harapan.nilai, strict=True)}
        if len(a) != len(d.label):
            return Hasil(False, "Ada kelompok yang muncul lebih dari sekali dalam jawaban Anda.")
        if set(a) != set(e):
            kurang = sorted(set(e) - set(a), key=kunci_urut)
            lebih = sorted(set(a) - set(e), key=kunci_urut)
            bagian = []
            if kurang:
                bagian.append("kelompok yang belum ada: " + ", ".join(map(str, kurang[:5])))
            if lebih:
                bagian.append("kelompok yang tidak diminta: " + ", ".join(map(str, lebih[:5])))
            return Hasil(False, "Kelompok (label/indeks) jawaban Anda berbeda; " + "; ".join(bagian) + ".")
        salah = []
        for k, ev in e.items():
            av = a[k]
            if _is_number(ev):
                if not _is_number(av) or not _close(float(av), float(ev), tol):
                    salah.append(k)
            elif _normal_label(av) != _normal_label(ev):
                salah.append(k)
        if salah:
            numeric = [k for k in e if _is_number(e[k])]
            if persen and all(_is_number(a[k]) and _close(a[k] * 100, e[k], 2 * tol) for k in numeric):
                return satu(0.01, 1.0)  # reuse the fraction-vs-percent message
            daftar = ", ".join(str(k) for k in salah[:5])
            return Hasil(False, f"Nilai untuk {len(salah)} kelompok belum tepat (misalnya: {daftar}).")
        if urutan and [_normal_label(k) for k in d.label] != [_normal_label(k) for k in harapan.label]:
            return Hasil(False, "Nilainya sudah benar, tetapi urutannya belum sesuai yang diminta.")
        return Hasil(True)

    return banding


def banding_tabel(desimal: int | None = 1, toleransi: float | None = None, kolom_wajib: bool = True,
                  urutan: bool = False) -> Pembanding:
    """Compare tables ignoring row and column order, index-vs-column placement and harmless dtypes.

    The expected table's columns must all be present (``kolom_wajib``); extra columns in the answer are
    allowed. Rows are matched after sorting; numbers use the tolerance, labels compare leniently.
    """
    tol = _tol(desimal, toleransi)

    def sel(v: Any) -> Any:
        if _is_number(v):
            return ("n", round(float(v) / (2 * tol)) if tol > 0 else float(v))
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return ("kosong", 0)
        return ("t", _normal_label(v))

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        assert isinstance(harapan, Tabel)
        if isinstance(jawaban, Deret):
            jawaban = Tabel(("index", "nilai"), tuple(zip(jawaban.label, jawaban.nilai, strict=True)))
        if not isinstance(jawaban, Tabel):
            return Hasil(False, "Yang diminta sebuah tabel (DataFrame).")
        nama_a = [_normal_label(k) for k in jawaban.kolom]
        nama_e = [_normal_label(k) for k in harapan.kolom]
        hilang = [k for k, n in zip(harapan.kolom, nama_e, strict=True) if n not in nama_a]
        if hilang and kolom_wajib:
            return Hasil(False, "Kolom yang belum ada di tabel Anda: " + ", ".join(map(str, hilang)) + ".")
        if len(jawaban.baris) != len(harapan.baris):
            return Hasil(False, f"Tabel Anda punya {len(jawaban.baris)} baris, seharusnya "
                                f"{len(harapan.baris)}.")
        idx = [nama_a.index(n) for n in nama_e]
        rows_a = [tuple(sel(r[i]) for i in idx) for r in jawaban.baris]
        rows_e = [tuple(sel(v) for v in r) for r in harapan.baris]
        ok = rows_a == rows_e if urutan else sorted(rows_a, key=repr) == sorted(rows_e, key=repr)
        if ok:
            return Hasil(True)
        # Rounding buckets can split near a boundary: fall back to a pairwise tolerant match.
        if not urutan and _pairwise(jawaban, harapan, idx, tol):
            return Hasil(True)
        return Hasil(False, "Isi tabel Anda belum sama dengan yang diharapkan. Periksa lagi setiap kolom.")

    return banding


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


def banding_pilihan(pilihan: dict[str, str]) -> Pembanding:
    """Multiple choice: the letter in any common form ("B", "b", "B.", "(b)", "B. <option text>") or the
    option's own text; anything else is asked again as one letter.

    Examples
    --------
    >>> banding_pilihan({"A": "ya", "B": "tidak"})("(b)", "B").benar
    True
    """
    teks = {" ".join(v.casefold().split()): k for k, v in pilihan.items()}

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        if not isinstance(jawaban, str):
            return Hasil(False, "Jawab dengan huruf pilihan di antara tanda kutip, misalnya \"B\".")
        j = " ".join(jawaban.casefold().split())
        huruf = j.strip("()[]. ")[:1].upper() if j.strip("()[]. ")[1:2] in ("", ".", ")", " ") else ""
        dipilih = huruf if huruf in pilihan else teks.get(j.strip(". "))
        if dipilih is None:
            return Hasil(False, "Jawab dengan satu huruf pilihan (" + ", ".join(pilihan)
                         + "), misalnya \"B\".")
        benar = dipilih == str(harapan).upper()
        return Hasil(benar, "" if benar else "Pilihan itu belum tepat. Baca lagi setiap pilihan.")

    return banding
