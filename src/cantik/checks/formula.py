"""Formula first: an indicator met for the first time is computed by hand, and its parts are checked.

A :class:`~cantik.checks.core.Soal` with ``bagian`` (its parts, e.g. numerator and denominator) and
``hitung_sendiri`` (the library helpers that compute the same indicator) is checked in three steps:

1. the answer cell's code must not call those helpers (an answer from ``ind.rasio_jenis_kelamin`` is
   refused with a friendly message saying the library may be used from the next question on);
2. each part the learner stored is compared with its own expected value, so the message can say which
   part is wrong ("Pembilang Anda 3.712 belum tepat …; penyebutnya sudah benar");
3. the result itself is checked as usual.

The answer cell's code comes from the kernel (``cek``: IPython's record of the running cell; ``uji``: the
last executed cell that calls ``cek`` for the question) or, when the grader runs the test in its own
process, from the submitted notebook (:data:`cantik.checks.core.KODE_JAWABAN`).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cantik.checks.compare import Hasil, Pembanding, angka_id, as_number, banding_angka
from cantik.checks.plain import Deret, Tabel


@dataclass
class Bagian:
    """One part of a by-hand formula (e.g. the numerator), checked on its own.

    Parameters
    ----------
    nama : str
        The part's name in messages and in ``cek``/``uji`` keywords: ``"pembilang"``, ``"penyebut"``,
        ``"p_awal"`` …
    arti : str
        What the part is, in plain Indonesian ("banyaknya penduduk laki-laki").
    harapan : callable
        Computes the part's expected value from the data.
    salah : list of (message, wrong value function)
        Known mistakes for this part; the message says what the learner probably counted.
    banding : comparator, optional
        Default: whole numbers exactly, other numbers to 2 decimals.
    """

    nama: str
    arti: str
    harapan: Callable[[], Any]
    salah: list[tuple[str, Callable[[], Any]]] = field(default_factory=list)
    banding: Pembanding | None = None

    def pembanding(self, harapan: Any) -> Pembanding:
        if self.banding is not None:
            return self.banding
        x = as_number(harapan)
        return banding_angka(desimal=0 if x is not None and float(x).is_integer() else 2)


def _label(nama: str) -> str:
    return nama.replace("_", " ")


def _angka(x: Any) -> str:
    v = as_number(x)
    if v is None:
        return repr(x)
    return angka_id(v, 0 if float(v).is_integer() else 2)


def _isian(x: Any) -> tuple[str, str]:
    """A part's value in plain words, and what to do when a single number was expected but it is not one
    (the common slip: the filtered table itself, ``pembilang = laki_laki``, instead of its count).

    Examples
    --------
    >>> _isian(3704)
    ('3.704', '')
    >>> _isian(Tabel(("umur",), ((4,), (70,))))[0]
    'sebuah tabel 2 baris'
    >>> _isian("1208")
    ('teks "1208"', ' Tulis angkanya tanpa tanda kutip.')
    """
    if as_number(x) is not None:
        return _angka(x), ""
    if isinstance(x, Tabel):
        return (f"sebuah tabel {angka_id(len(x.baris), 0)} baris",
                " Yang diminta satu angka, bukan tabel: banyaknya baris dihitung dengan `len(...)`, jumlah "
                "satu kolom dengan `tabel[\"kolom\"].sum()`.")
    if isinstance(x, Deret):
        return (f"sebuah kolom berisi {angka_id(len(x.nilai), 0)} nilai",
                " Yang diminta satu angka, bukan kolom: banyaknya dihitung dengan `len(...)`, jumlahnya "
                "dengan `.sum()`.")
    if isinstance(x, str):
        teks = x if len(x) <= 40 else x[:40] + "…"
        angka = re.fullmatch(r"\s*[-+]?[\d.,]+\s*", x)
        return f'teks "{teks}"', (" Tulis angkanya tanpa tanda kutip." if angka
                                  else " Yang diminta satu angka.")
    if x is None:
        return "kosong (None)", (" Simpan hasil hitungannya sendiri di variabel itu (hasil `print(...)` "
                                 "selalu kosong).")
    shown = repr(x)
    return (shown if len(shown) <= 40 else shown[:40] + "…"), " Yang diminta satu angka."


def memakai(kode: str, nama: tuple[str, ...]) -> list[str]:
    """Which of ``nama`` the code calls: as an attribute (``ind.x``), imported, through ``getattr`` or as a
    name it never assigns itself; in the order of ``nama``. A variable that merely has the same name is fine.

    Examples
    --------
    >>> memakai("r = ind.rasio_jenis_kelamin(penduduk)", ("rasio_jenis_kelamin", "sex_ratio"))
    ['rasio_jenis_kelamin']
    >>> memakai("rasio_ketergantungan = a / b * 100", ("rasio_ketergantungan",))
    []
    >>> memakai("f = getattr(ind, 'sex_ratio')", ("sex_ratio",))
    ['sex_ratio']
    """
    try:
        tree = ast.parse(kode)
    except SyntaxError:
        return [n for n in nama if re.search(rf"\.\s*{re.escape(n)}\b|import[^\n]*\b{re.escape(n)}\b", kode)]
    found: set[str] = set()
    assigned = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in assigned:
            found.add(node.id)
        elif isinstance(node, ast.ImportFrom | ast.Import):
            found |= {a.name.split(".")[-1] for a in node.names}
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr"
              and len(node.args) > 1 and isinstance(node.args[1], ast.Constant)):
            found.add(str(node.args[1].value))
    return [n for n in nama if n in found]


def nama_terlarang(hitung_sendiri: tuple[str, ...]) -> tuple[str, ...]:
    """The learner-facing helper names and their English twins in :mod:`cantik.indicators`."""
    from cantik.indikator import NAMA_INGGRIS

    out: list[str] = []
    for n in hitung_sendiri:
        out += [n, NAMA_INGGRIS.get(n, n)]
    return tuple(dict.fromkeys(out))


def pesan_hitung_sendiri(dipakai: list[str], rumus: str) -> str:
    """The friendly refusal of an answer produced by the library helper the question asks to do by hand."""
    fungsi = f"`ind.{dipakai[0]}`"
    return (f"Di soal ini angkanya dihitung sendiri dari bagian-bagiannya ({rumus}), supaya Anda tahu dari "
            f"mana angka itu berasal. Jawaban dari {fungsi} belum bisa diterima di sini; fungsi itu boleh "
            "dipakai di soal-soal berikutnya. Hitung setiap bagian, simpan di variabelnya, lalu gabungkan "
            "dengan rumusnya.")


def periksa_bagian(parts: list[Bagian], jawaban: dict[str, Any],
                   cocok: Callable[[Pembanding, Any, Any], bool]) -> Hasil | None:
    """Check the learner's parts; ``None`` when all are right, else a message naming each wrong part.

    ``cocok(banding, jawaban, harapan)`` compares one value (the caller converts answers to plain data).
    """
    salah: list[str] = []
    benar: list[str] = []
    nama = [b.nama for b in parts]
    asing = [k for k in jawaban if k not in nama]
    for b in parts:
        if b.nama not in jawaban:
            if asing:  # the parts were given under other names (cek("2a", r, laki_laki=l, ...))
                return Hasil(False, f"Nama isian {', '.join(f'`{k}=`' for k in asing)} tidak dikenal untuk "
                                    f"soal ini. Di dalam `cek`, tulis bagian rumusnya dengan nama "
                                    f"{' dan '.join(f'`{n}=`' for n in nama)}, misalnya "
                                    f"`{b.nama}=nama_variabel_anda`.")
            return Hasil(False, f"{_label(b.nama).capitalize()} belum diberikan: simpan {b.arti} di "
                                f"variabelnya dan sertakan di `cek`, misalnya `{b.nama}=...`.")
        nilai = jawaban[b.nama]
        harapan = b.harapan()
        banding = b.pembanding(harapan)
        if cocok(banding, nilai, harapan):
            benar.append(_label(b.nama))
            continue
        sebab = ""
        for pesan, wrong in b.salah:
            try:
                if cocok(banding, nilai, wrong()):
                    sebab = " " + pesan
                    break
            except (TypeError, ValueError, KeyError, ZeroDivisionError):
                continue
        isi, saran = _isian(nilai) if as_number(harapan) is not None else (_angka(nilai), "")
        salah.append(f"{_label(b.nama).capitalize()} Anda ({isi}) belum tepat: {_label(b.nama)} "
                     f"adalah {b.arti}.{saran}{sebab}")
    if not salah:
        return None
    tambahan = ""
    if len(benar) == 1:
        tambahan = f" {benar[0].capitalize()}nya sudah benar."
    elif benar:
        tambahan = " " + (", ".join(benar[:-1]) + " dan " + benar[-1]).capitalize() + " sudah benar."
    return Hasil(False, " ".join(salah) + tambahan)
