"""Written answers graded by the trainer with a rubric: one formgrader score box (0–4) per criterion, with
example answers at levels 1–4 and the key numbers a good answer quotes (computed from the data).

:func:`soal_tulisan` gives the cells of one written question and records it for the module's rubric file
``grading/rubrik/<modul>.md`` (:func:`rubrik_md`, written by :func:`cantik.authoring.build.tulis`).
:class:`cantik.grading.preprocessors.EmptyWrittenAnswers` gives every criterion of an empty answer zero.

Examples
--------
>>> k = [Kriteria(f"k{i}", ["a", "b", "c", "d"]) for i in range(2)]
>>> ex = [Contoh(t, f"contoh {t}", [t, t]) for t in range(1, 5)]
>>> with dicatat() as soal:
...     cells = soal_tulisan("m9-9z", "9z", k, ex)
>>> [c["id"] for c in cells], [s["soal"] for s in soal]
(['m9-9z-rubrik', 'm9-9z', 'm9-9z-k2'], ['9z'])
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from cantik.authoring.cells import make_cell, md
from cantik.authoring.numbers import angka


class Kriteria:
    """One rubric criterion: its name and what levels 1–4 look like (4 = best)."""

    def __init__(self, nama: str, tingkat: list[str]) -> None:
        if len(tingkat) != 4:
            raise ValueError(f"rubric criterion {nama!r} needs exactly 4 levels")
        self.nama, self.tingkat = nama, list(tingkat)


class Contoh:
    """An example answer for trainers: its level (1–4), its text and its score on every criterion."""

    def __init__(self, tingkat: int, teks: str, skor: list[int]) -> None:
        if tingkat not in (1, 2, 3, 4) or any(not 0 <= k <= 4 for k in skor):
            raise ValueError("levels and scores are 0–4 (an example's level is 1–4)")
        self.tingkat, self.teks, self.skor = tingkat, teks, list(skor)


class Kunci:
    """A key number a good answer quotes, with the tolerance a trainer accepts (computed from the data)."""

    def __init__(self, apa: str, nilai: float, toleransi: float, desimal: int = 0, satuan: str = "") -> None:
        self.apa, self.nilai, self.toleransi = apa, nilai, toleransi
        self.desimal, self.satuan = desimal, satuan

    def teks(self) -> str:
        """The key number as the trainer reads it, with the accepted range.

        Examples
        --------
        >>> Kunci("Rasio", 97.04, 0.5, 1).teks()
        'Rasio: **97,0** (terima 96,5–97,5, termasuk pembulatan wajar)'
        """
        sat = (self.satuan if self.satuan.startswith("%") else f" {self.satuan}") if self.satuan else ""
        if not self.toleransi:
            return f"{self.apa}: **{angka(self.nilai, self.desimal)}{sat}** (tepat)"
        lo, hi = self.nilai - self.toleransi, self.nilai + self.toleransi
        return (f"{self.apa}: **{angka(self.nilai, self.desimal)}{sat}** (terima "
                f"{angka(lo, self.desimal)}–{angka(hi, self.desimal)}{sat}, termasuk pembulatan wajar)")


#: Written questions recorded while :func:`dicatat` is active (an authoring script being run).
_TULISAN: list[list[dict[str, Any]]] = []


@contextlib.contextmanager
def dicatat() -> Iterator[list[dict[str, Any]]]:
    """Collect every written question made by :func:`soal_tulisan` inside the block (for the rubric file)."""
    soal: list[dict[str, Any]] = []
    _TULISAN.append(soal)
    try:
        yield soal
    finally:
        _TULISAN.remove(soal)


def _tabel_rubrik(judul: str, kriteria: list[Kriteria]) -> str:
    n = [angka(i) for i in range(5)]  # level numbers are marked like data (they are the scale, not typed)
    rows = [f"**{judul}**: pelatih memberi nilai {n[0]}–{n[4]} untuk **setiap** kriteria (K1 di kotak "
            f"jawaban Anda, K2 dan seterusnya di bawahnya); jawaban kosong mendapat {n[0]}.", "",
            f"| Kriteria | {n[1]} – belum | {n[2]} – cukup | {n[3]} – baik | {n[4]} – sangat baik |",
            "|---|---|---|---|---|"]
    rows += [f"| K{i} · {k.nama} | " + " | ".join(k.tingkat) + " |" for i, k in enumerate(kriteria, 1)]
    return "\n".join(rows)


def _panduan(soal: str, kriteria: list[Kriteria], contoh: list[Contoh], kunci: list[Kunci],
             catatan: list[str] | None = None) -> str:
    """The trainer's guide of a written question (markdown): key numbers and example answers per level."""
    lines = [f"**Panduan pelatih soal {soal}** (tidak terlihat peserta)", ""]
    if catatan:
        lines += ["Yang perlu diperhatikan:", ""] + [f"- {c}" for c in catatan] + [""]
    if kunci:
        lines += ["Angka kunci dari data (jawaban boleh membulatkan dalam batas ini):", ""]
        lines += [f"- {k.teks()}" for k in kunci] + [""]
    lines += ["Contoh jawaban per tingkat, dengan nilai setiap kriteria:", ""]
    for c in sorted(contoh, key=lambda c: c.tingkat):
        skor = ", ".join(f"K{i} = {angka(s)}" for i, s in enumerate(c.skor, 1))
        lines += [f"- **Tingkat {angka(c.tingkat)}** ({skor}; jumlah {angka(sum(c.skor))}): «{c.teks}»"]
    return "\n".join(lines)


def soal_tulisan(cid: str, soal: str, kriteria: list[Kriteria], contoh: list[Contoh],
                 kunci: list[Kunci] | None = None, catatan: list[str] | None = None) -> list[dict[str, Any]]:
    """A written answer graded by the trainer, one score box (0–4) per rubric criterion.

    Cells: the rubric table (learners read it before writing); the answer (a manually graded markdown
    answer worth 4 points: criterion K1, its master text the level-4 example); then one locked nbgrader
    *task* cell per further criterion (K2, K3 … worth 4 each), so formgrader shows one box per criterion
    and the question's total is their sum. The first task cell carries the trainer's guide (key numbers
    with their tolerance, example answers at levels 1–4 with their scores) inside a mark-scheme region,
    which ``nbgrader generate_assignment`` removes from the learner version; ``catatan`` adds what trainers
    should watch for.

    Examples
    --------
    >>> k = [Kriteria(f"k{i}", ["a", "b", "c", "d"]) for i in range(2)]
    >>> ex = [Contoh(t, f"contoh {t}", [t, t]) for t in range(1, 5)]
    >>> [c["metadata"]["nbgrader"].get("points") for c in soal_tulisan("m9-9z", "9z", k, ex)]
    [None, 4, 4]
    """
    if len(kriteria) < 2:
        raise ValueError("a written question needs at least two criteria")
    if sorted(c.tingkat for c in contoh) != [1, 2, 3, 4] or any(len(c.skor) != len(kriteria) for c in contoh):
        raise ValueError(f"question {soal}: one example per level 1–4, each scored on every criterion")
    kunci = kunci or []
    terbaik = next(c for c in contoh if c.tingkat == 4)
    cells = [md(f"{cid}-rubrik", _tabel_rubrik(f"Rubrik soal {soal}", kriteria), kunci=True),
             make_cell("markdown", cid, terbaik.teks,
                   {"grade": True, "solution": True, "locked": False, "grade_id": cid, "points": 4})]
    for i, k in enumerate(kriteria[1:], 2):
        teks = f"**Soal {soal} · K{i} · {k.nama}** (nilai {angka(0)}–{angka(4)} diisi pelatih)"
        if i == 2:
            # nbgrader's ClearMarkScheme matches "BEGIN/END MARK SCHEME" anywhere in a line: as HTML comments
            # the delimiters stay invisible in formgrader
            teks += ("\n\n<!-- BEGIN MARK SCHEME -->\n" + _panduan(soal, kriteria, contoh, kunci, catatan)
                     + "\n\nK1 dinilai di kotak jawaban peserta.\n<!-- END MARK SCHEME -->")
        cells.append(make_cell("markdown", f"{cid}-k{i}", teks,
                           {"grade": False, "solution": False, "task": True, "locked": True,
                            "grade_id": f"{cid}-k{i}", "points": 4}))
    if _TULISAN:
        _TULISAN[-1].append({"soal": soal, "kriteria": kriteria, "contoh": contoh, "kunci": kunci,
                             "catatan": catatan})
    return cells


def rubrik_md(judul: str, soal_soal: list[dict[str, Any]]) -> str:
    """The trainer's rubric file of a module: every written question's criteria, key numbers, examples."""
    from cantik.authoring.place import Tempat
    from cantik.data import active_wilayah

    tempat = Tempat.dari(active_wilayah())
    data = "data (sintetis)" if tempat.sintetis else f"data {tempat.label} ({tempat.ket_data})"
    out = [f"# Rubrik penilaian: {judul}", "",
           "Untuk pelatih. Dibuat otomatis oleh `cantik kursus tulis` dari naskah modul; angka kunci "
           f"dihitung dari {data}. Di Formgrader setiap kriteria punya kotak nilai sendiri "
           f"({angka(0)}–{angka(4)}): K1 di kotak jawaban peserta, K2 dan seterusnya di bawahnya. Jawaban "
           f"kosong mendapat {angka(0)} secara otomatis.", ""]
    for s in soal_soal:
        out += [f"## Soal {s['soal']}", "", _tabel_rubrik(f"Rubrik soal {s['soal']}", s["kriteria"]), "",
                _panduan(s["soal"], s["kriteria"], s["contoh"], s["kunci"], s["catatan"]), ""]
    return "\n".join(out)
