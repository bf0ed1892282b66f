"""Checks of matplotlib charts for what matters to a reader: kind, labels, title, bars, axis from zero.

The learner passes a ``Figure`` or ``Axes`` (or nothing: the current figure is used). Only real matplotlib
objects are read; the facts are extracted into a plain :class:`Grafik` first and compared afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cantik.checks.compare import Hasil, Pembanding
from cantik.checks.plain import JawabanDitolak

JENIS_NAMA = {
    "batang": "diagram batang tegak",
    "batang_mendatar": "diagram batang mendatar",
    "garis": "diagram garis",
    "titik": "diagram pencar (titik)",
    "lingkaran": "diagram lingkaran",
    "kosong": "grafik kosong",
}


@dataclass(frozen=True)
class Grafik:
    """Plain facts about one chart (the first axes that holds something)."""

    jenis: str
    judul: str
    label_x: str
    label_y: str
    jumlah_batang: int
    jumlah_kelompok: int
    batas_bawah_nilai: float | None
    sumbu_nilai_dari_nol: bool
    jumlah_sumbu: int
    label_kategori: tuple[str, ...] = field(default_factory=tuple)


def fakta_grafik(obj: Any = None) -> Grafik:
    """Read a :class:`Grafik` from a Figure, an Axes or (``None``) the current pyplot figure."""
    from matplotlib.axes import Axes
    from matplotlib.container import BarContainer
    from matplotlib.figure import Figure

    if obj is None:
        import matplotlib.pyplot as plt

        obj = plt.gcf()
    if isinstance(obj, Axes) and type(obj).__module__.startswith("matplotlib."):
        axes = [obj]
    elif type(obj) is Figure:
        axes = [a for a in Figure.get_axes(obj) if type(a).__module__.startswith("matplotlib.")]
    else:
        raise JawabanDitolak("Yang diperiksa harus gambar matplotlib (Figure atau Axes), misalnya `fig` "
                             "atau `ax`.")
    isi = [a for a in axes if a.containers or a.lines or a.collections or a.patches]
    ax = isi[0] if isi else (axes[0] if axes else None)
    if ax is None:
        return Grafik("kosong", "", "", "", 0, 0, None, False, 0)
    bars = [c for c in ax.containers if isinstance(c, BarContainer)]
    jumlah_batang = sum(len(c.patches) for c in bars)
    from matplotlib.patches import Wedge

    wedges = [p for p in ax.patches if isinstance(p, Wedge)]
    if bars:
        mendatar = all(getattr(c, "orientation", None) == "horizontal" for c in bars)
        jenis = "batang_mendatar" if mendatar else "batang"
    elif wedges:
        jenis = "lingkaran"
    elif ax.lines:
        jenis = "garis"
    elif ax.collections:
        jenis = "titik"
    else:
        jenis = "kosong"
    if jenis == "batang_mendatar":
        low = ax.get_xlim()[0]
        ticks = [t.get_text() for t in ax.get_yticklabels()]
    else:
        low = ax.get_ylim()[0]
        ticks = [t.get_text() for t in ax.get_xticklabels()]
    values_low = min((min(0.0, p.get_x() if jenis == "batang_mendatar" else p.get_y())
                      for c in bars for p in c.patches), default=0.0)
    # A bar axis "starts at zero" when the axis limit reaches 0 (or the most negative bar, e.g. a pyramid).
    dari_nol = bool(low <= values_low + 1e-9)
    kelompok = len(bars) if bars else len(ax.lines) + len(ax.collections)
    return Grafik(
        jenis=jenis,
        judul=(ax.get_title() or (ax.figure.texts[0].get_text() if ax.figure.texts else "")
               or (ax.figure._suptitle.get_text() if getattr(ax.figure, "_suptitle", None) else "")).strip(),
        label_x=ax.get_xlabel().strip(),
        label_y=ax.get_ylabel().strip(),
        jumlah_batang=int(jumlah_batang),
        jumlah_kelompok=int(kelompok),
        batas_bawah_nilai=float(low),
        sumbu_nilai_dari_nol=dari_nol,
        jumlah_sumbu=len(axes),
        label_kategori=tuple(t for t in ticks if t),
    )


def banding_grafik(jenis: str | tuple[str, ...] | None = None, judul: bool = True, label_x: bool = True,
                   label_y: bool = True, dari_nol: bool | None = None, kelompok: int | None = None,
                   ) -> Pembanding:
    """Comparator for charts; ``harapan`` is the expected number of bars (or ``None`` to skip that check).

    ``dari_nol`` defaults to ``True`` for bar charts (a truncated bar axis exaggerates differences).
    """
    jenis_ok = (jenis,) if isinstance(jenis, str) else jenis

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        if not isinstance(jawaban, Grafik):
            return Hasil(False, "Yang diperiksa harus gambar matplotlib (Figure atau Axes).")
        g = jawaban
        if g.jenis == "kosong":
            return Hasil(False, "Grafik Anda masih kosong. Sudahkah Anda menggambar datanya ke `ax`?")
        if jenis_ok and g.jenis not in jenis_ok:
            diminta = " atau ".join(JENIS_NAMA.get(j, j) for j in jenis_ok)
            return Hasil(False, f"Anda membuat {JENIS_NAMA.get(g.jenis, g.jenis)}, padahal yang diminta "
                                f"{diminta}.")
        if harapan is not None and g.jenis.startswith("batang") and g.jumlah_batang != harapan:
            return Hasil(False, f"Grafik Anda punya {g.jumlah_batang} batang, seharusnya {harapan}. "
                                "Apakah ada kelompok yang hilang atau terhitung dua kali?")
        if kelompok is not None and g.jumlah_kelompok != kelompok:
            return Hasil(False, f"Grafik Anda memuat {g.jumlah_kelompok} kelompok data, seharusnya "
                                f"{kelompok}.")
        if judul and not g.judul:
            return Hasil(False, "Grafik belum punya judul. Pembaca perlu tahu apa, di mana dan kapan.")
        if label_x and not g.label_x:
            return Hasil(False, "Sumbu mendatar (x) belum diberi label. Tulis apa isinya dan satuannya.")
        if label_y and not g.label_y:
            return Hasil(False, "Sumbu tegak (y) belum diberi label. Tulis apa isinya dan satuannya.")
        harus_nol = dari_nol if dari_nol is not None else g.jenis.startswith("batang")
        if harus_nol and not g.sumbu_nilai_dari_nol:
            return Hasil(False, "Sumbu nilai pada diagram batang harus mulai dari nol. Sumbu yang dipotong "
                                "membuat selisih kecil tampak besar.")
        return Hasil(True)

    return banding
