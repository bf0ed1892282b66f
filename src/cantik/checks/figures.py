"""Charts as answers: rendered to SVG where they are drawn, read and compared with the data where graded.

A chart answer (a matplotlib ``Figure`` or ``Axes``) becomes a :class:`Gambar`: the SVG text matplotlib
writes for it, rendered with fixed settings by :func:`render_chart_svg`. That text is all that leaves the
learner's kernel (:mod:`cantik.sandbox.answers` runs the same function there); the grader reads bars, lines,
texts and tick labels from it in its own process (:mod:`cantik.checks.chart_reader`) and compares them with
expected contents computed from the data. Nothing the kernel computed *about* the chart is trusted: patching
``Axes.get_title`` or this module inside the kernel changes nothing that is drawn, and a chart that does not
show the right values does not pass, whatever produced its SVG.

``cek`` in the learner's kernel runs the same reader on the SVG rendered there (only feedback).

Contents a chart question can expect (its ``Soal.harapan``), all computed from the data:

* :class:`Piramida` — a population pyramid (men to the left, women to the right, youngest at the bottom);
* :class:`NilaiKategori` — one bar per category (RT, posyandu …) with these values, sorted if asked;
* :class:`Sebaran` — a histogram of these observations (any bins);
* :class:`Runtun` — a line of these values in this order (e.g. per month);
* :class:`Katalog` — any of several series (an open question: "one indicator per RT or over time").

Values are compared in the data's units when the value axis has readable numbers (tick labels), else up to a
common scale (the lengths of the bars are proportional to the expected values).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from cantik.checks.chart_reader import MAX_CHARS, Panel, UnreadableChart, read_svg
from cantik.checks.compare import TAMPILAN, Hasil, Pembanding, angka_id, sebut_satuan
from cantik.checks.plain import JawabanDitolak

JENIS_NAMA = {
    "batang": "diagram batang tegak",
    "batang_mendatar": "diagram batang mendatar",
    "garis": "diagram garis",
    "titik": "diagram pencar (titik)",
    "lingkaran": "diagram lingkaran",
    "bidang": "bidang berwarna (mis. fill_between atau histogram bertipe step)",
    "kosong": "grafik kosong",
}
#: Relative tolerance of drawn values (share of the largest expected value).
TOLERANSI = 0.02


# ── the answer that crosses: SVG text ─────────────────────────────────────────────────────────────
@dataclass(frozen=True)
class Gambar:
    """A chart as plain data: the SVG text matplotlib rendered for it (see :func:`render_chart_svg`)."""

    svg: str

    def __repr__(self) -> str:
        return f"Gambar(<svg, {len(self.svg)} karakter>)"


def render_chart_svg(obj: Any) -> str | None:
    """SVG text of a real matplotlib ``Figure`` or ``Axes`` (``None`` for anything else).

    Self-contained on purpose: :mod:`cantik.sandbox.answers` runs this function's source in the learner's
    kernel, where only the standard library and the already imported matplotlib are used. Settings are
    fixed here (texts as ``<text>``, no path simplification, no date), whatever the notebook set; the
    figure is drawn by ``Figure.savefig`` of matplotlib's own class, not by a method of the object. An
    ``Axes`` is marked (``gid``) so that the reader knows which panel was meant.
    """
    import builtins
    import io
    import sys

    if "matplotlib" not in sys.modules:
        return None
    import matplotlib
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    kind = builtins.type(obj)
    axes = None
    if kind is Figure:
        fig = obj
    elif builtins.isinstance(obj, Axes) and kind.__module__.startswith("matplotlib."):
        axes, fig = obj, obj.figure
        if builtins.type(fig) is not Figure:  # an Axes of a SubFigure
            fig = builtins.getattr(fig, "figure", None)
    else:
        return None
    if builtins.type(fig) is not Figure:
        return None
    old_gid = axes.get_gid() if axes is not None else None
    buffer = io.StringIO()
    settings = {"svg.fonttype": "none", "svg.hashsalt": "cantik", "svg.image_inline": True,
                "path.simplify": False, "savefig.bbox": None, "savefig.transparent": False}
    try:
        if axes is not None:
            axes.set_gid("cantik-sumbu")
        with matplotlib.rc_context(settings):
            Figure.savefig(fig, buffer, format="svg", metadata={"Date": None})
    finally:
        if axes is not None:
            axes.set_gid(old_gid)
    return buffer.getvalue()


def gambar(obj: Any) -> Gambar:
    """The :class:`Gambar` of a chart answer (a ``Figure``, an ``Axes``, ``None`` for the current figure).

    Raises :class:`~cantik.checks.plain.JawabanDitolak` (Indonesian message) for anything else.
    """
    if isinstance(obj, Gambar):
        return obj
    if obj is None:
        import matplotlib.pyplot as plt

        obj = plt.gcf()
    svg = render_chart_svg(obj)
    if svg is None:
        raise JawabanDitolak("Yang diperiksa harus gambar matplotlib (Figure atau Axes), misalnya `fig` "
                             "atau `ax`.")
    if len(svg) > MAX_CHARS:
        raise JawabanDitolak("Gambar Anda terlalu besar untuk diperiksa (terlalu banyak batang atau titik).")
    return Gambar(svg)


def nomor_rt(teks: str) -> int | None:
    """The RT a bar's label names: its first number ("7", "07", "RT 7", "RT.07", "RT 007/RW 002" → 7).

    Examples
    --------
    >>> nomor_rt("RT 07"), nomor_rt("3"), nomor_rt("3.0"), nomor_rt("RT 002/RW 001"), nomor_rt("lainnya")
    (7, 3, 3, 2, None)
    """
    m = re.search(r"\d+", teks)
    return int(m.group()) if m else None


_BULAN = {"jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6, "jul": 7, "agu": 8,
          "agt": 8, "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11, "nop": 11, "des": 12, "dec": 12}


def baca_bulan(label: Any) -> str | None:
    """A month label as ``YYYY-MM``, however a learner's table or chart wrote it: "2024-07", "2024-7",
    "2024-07-31 00:00:00", "Jul 2024", "Juli 2024", "July 2024", "Agu 2024", or a (year, month) pair from
    ``groupby([t.dt.year, t.dt.month])``; else ``None``.

    Examples
    --------
    >>> baca_bulan("2024-07-31 00:00:00"), baca_bulan("Juli 2024"), baca_bulan("Aug 2024")
    ('2024-07', '2024-07', '2024-08')
    >>> baca_bulan((2025, 1)), baca_bulan("Jan 2025"), baca_bulan("Desember 2024"), baca_bulan("07/2024")
    ('2025-01', '2025-01', '2024-12', '2024-07')
    >>> baca_bulan("Sept 2024"), baca_bulan("Nop 2024"), baca_bulan("13/2024") is None
    ('2024-09', '2024-11', True)
    >>> baca_bulan("RT 7") is None, baca_bulan("Julius 2024") is None
    (True, True)
    """
    if isinstance(label, tuple) and len(label) == 2 and all(isinstance(x, int) for x in label):
        tahun, bulan = label
        return f"{tahun}-{bulan:02d}" if 1900 < tahun < 2100 and 1 <= bulan <= 12 else None
    if not isinstance(label, str):
        return None
    t = label.strip().casefold()
    m = re.match(r"((?:19|20)\d{2})-(\d{1,2})\b", t)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{m.group(1)}-{int(m.group(2)):02d}"
    m = re.fullmatch(r"(\d{1,2})[/-]((?:19|20)\d{2})", t)  # "07/2024" from strftime("%m/%Y")
    if m and 1 <= int(m.group(1)) <= 12:
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    m = re.fullmatch(r"([a-z]{3})([a-z]*)\.?\s*'?\s*((?:19|20)\d{2})", t)
    names = {"januari", "january", "februari", "february", "pebruari", "maret", "march", "april", "juni",
             "june", "juli", "july", "agustus", "august", "sept", "september", "oktober", "october",
             "november", "nopember", "desember", "december", "mei", "may"}
    if m and m.group(1) in _BULAN and (not m.group(2) or m.group(1) + m.group(2) in names):
        return f"{m.group(3)}-{_BULAN[m.group(1)]:02d}"
    return None


# ── numbers on an axis ────────────────────────────────────────────────────────────────────────────
_MINUS = str.maketrans({"−": "-", "‒": "-", "–": "-", "\u2009": "", "\u202f": "", "\xa0": "", " ": ""})


def angka_tik(teks: str, gaya: str = "en") -> float | None:
    """A tick label as a number (``gaya="en"``: ``1,000.5``; ``"id"``: ``1.000,5``), else ``None``.

    Examples
    --------
    >>> angka_tik("−1,500"), angka_tik("1.500", "id"), angka_tik("12%"), angka_tik("RT 3")
    (-1500.0, 1500.0, 12.0, None)
    """
    t = teks.translate(_MINUS).rstrip("%")
    ribuan, desimal = (",", ".") if gaya == "en" else (".", ",")
    m = re.fullmatch(r"([-+]?)(\d{1,3}(?:" + re.escape(ribuan) + r"\d{3})+|\d+)(?:" + re.escape(desimal)
                     + r"(\d+))?", t)
    if m:
        whole = m.group(2).replace(ribuan, "")
        return float(f"{m.group(1)}{whole}.{m.group(3) or 0}")
    m = re.fullmatch(r"[-+]?\d+(?:\.\d+)?[eE][-+]?\d+", t)
    return float(t) if m else None


def _pengali(offset: str) -> float | None:
    """The factor an axis offset text stands for (``1e3`` → 1000), ``1.0`` for none, ``None`` if unknown."""
    if not offset:
        return 1.0
    t = offset.translate(_MINUS).replace("×", "").replace("x", "")
    m = re.fullmatch(r"(?:(\d+(?:\.\d+)?))?(?:e|10\^?)([-+]?\d+)", t)
    if not m:
        return None
    return float(m.group(1) or 1) * 10 ** int(m.group(2))


@dataclass(frozen=True)
class Peta:
    """A linear axis read from its tick labels: position = ``awal + skala`` × value."""

    awal: float
    skala: float

    def nilai(self, posisi: float) -> float:
        return (posisi - self.awal) / self.skala


def _fit_linear(pairs: list[tuple[float, float]]) -> Peta | None:
    """(position, value) pairs on one straight line (tolerance: 0.5 % of the positions' span)."""
    if len({v for _, v in pairs}) < 2:
        return None
    n = len(pairs)
    mp = sum(p for p, _ in pairs) / n
    mv = sum(v for _, v in pairs) / n
    var = sum((v - mv) ** 2 for _, v in pairs)
    b = sum((p - mp) * (v - mv) for p, v in pairs) / var
    a = mp - b * mv
    span = max(p for p, _ in pairs) - min(p for p, _ in pairs)
    if b == 0 or span <= 0 or any(abs(a + b * v - p) > 0.005 * span for p, v in pairs):
        return None
    return Peta(a, b)


def _seragam(labels: list[str], gaya: str) -> bool:
    """Do all number labels show as many decimals (matplotlib's own formatters do)? "0" beside "1.000"
    reads as one thousand in the Indonesian style, not as 1.000 in the English one."""
    sep = "." if gaya == "en" else ","
    counts = {len(t.translate(_MINUS).rstrip("%").rpartition(sep)[2]) if sep in t else 0
              for t in labels if angka_tik(t, gaya) is not None}
    return len(counts) <= 1


def peta_sumbu(tik: Sequence[tuple[float, str]], offset: str = "") -> Peta | None:
    """The linear map of an axis from its labelled ticks, or ``None`` when the labels are not numbers on a
    straight line (text categories, dates, log scales).

    Pyramid axes that show counts without a sign on both sides of zero (``300 … 0 … 300``) are read with the
    side left of (below) zero as negative.
    """
    pengali = _pengali(offset)
    if pengali is None:
        return None
    labelled = [(p, t) for p, t in tik if t.strip() and math.isfinite(p)]
    for gaya in sorted(("en", "id"), key=lambda gaya: not _seragam([t for _, t in labelled], gaya)):
        pairs = [(p, v * pengali) for p, t in labelled if (v := angka_tik(t, gaya)) is not None]
        if len(pairs) < 2 or len(pairs) < len(labelled) / 2:
            continue
        peta = _fit_linear(pairs)
        if peta is None and any(v == 0 for _, v in pairs):
            nol = next(p for p, v in pairs if v == 0)
            peta = _fit_linear([(p, -abs(v) if p < nol else abs(v)) for p, v in pairs])
        if peta is not None:
            return peta
    return None


# ── facts of one panel ────────────────────────────────────────────────────────────────────────────
@dataclass(frozen=True)
class Batang:
    """A bar as read: centre and thickness along the category axis, signed value, category label."""

    posisi: float
    tebal: float
    nilai: float
    label: str = ""


@dataclass(frozen=True)
class Grafik:
    """What one panel of a chart shows, read from its SVG.

    ``batang`` are sorted along the category axis (left to right, bottom to top); their ``nilai`` are in
    the data's units when ``skala_terbaca`` (value-axis tick labels read), else in drawing units.
    ``garis`` are the lines' points ``(x, y)``, each coordinate in data units where its axis is readable.
    """

    jenis: str
    judul: str
    label_x: str
    label_y: str
    batang: tuple[Batang, ...] = ()
    skala_terbaca: bool = False
    sumbu_nilai_dari_nol: bool = True
    garis: tuple[tuple[tuple[float, float], ...], ...] = ()
    peta_x: Peta | None = None
    peta_y: Peta | None = None
    label_kategori: tuple[str, ...] = ()
    jumlah_sumbu: int = 1
    panel: Panel = field(default_factory=lambda: Panel(None), repr=False)

    @property
    def jumlah_batang(self) -> int:
        return len(self.batang)

    @property
    def mendatar(self) -> bool:
        return self.jenis == "batang_mendatar"

    @property
    def label_nilai(self) -> str:
        """Label of the value axis (x for horizontal bars)."""
        return self.label_x if self.mendatar else self.label_y


def _most_common_edge(values: list[float]) -> tuple[float | None, int]:
    if not values:
        return None, 0
    counts: dict[float, int] = {}
    for v in values:
        key = round(v, 2)
        counts[key] = counts.get(key, 0) + 1
    best = max(counts, key=lambda k: (counts[k], -k))  # a tie: the lower (left) edge, where bars start
    return best, counts[best]


def _orientation(panel: Panel) -> str:
    bars = panel.bars
    _, v_score = _most_common_edge([e for b in bars for e in {round(b.y0, 2), round(b.y1, 2)}])
    _, h_score = _most_common_edge([e for b in bars for e in {round(b.x0, 2), round(b.x1, 2)}])
    if v_score != h_score:
        return "v" if v_score > h_score else "h"
    x_text = any(t.text and angka_tik(t.text) is None for t in panel.x.ticks)
    y_text = any(t.text and angka_tik(t.text) is None for t in panel.y.ticks)
    if y_text and not x_text:
        return "h"
    return "v"


def _label_at(ticks: Sequence[tuple[float, str]], pos: float, tol: float) -> str:
    near = [(abs(p - pos), t) for p, t in ticks if t and math.isfinite(p) and abs(p - pos) <= tol]
    return min(near)[1] if near else ""


def _bars(panel: Panel) -> tuple[str, tuple[Batang, ...], bool, bool, Peta | None, Peta | None]:
    """Orientation, bars with values, whether values are in data units, whether the value axis starts at
    zero, and the maps of the value and category axes."""
    orient = _orientation(panel)
    horizontal = orient == "h"
    val_axis, cat_axis = (panel.x, panel.y) if horizontal else (panel.y, panel.x)
    val_map = peta_sumbu([(t.pos, t.text) for t in val_axis.ticks], val_axis.offset)
    cat_ticks = [(t.pos, t.text) for t in cat_axis.ticks]
    cat_map = peta_sumbu(cat_ticks, cat_axis.offset)
    spans = [((b.y0, b.y1) if horizontal else (b.x0, b.x1), (b.x0, b.x1) if horizontal else (b.y0, b.y1))
             for b in panel.bars]
    if val_map is not None:
        base: float | None = val_map.awal
    else:
        base, _ = _most_common_edge([e for _, (lo, hi) in spans for e in {round(lo, 2), round(hi, 2)}])
    tick_gap = min((abs(a - b) for (a, _), (b, _) in itertools.pairwise(sorted(cat_ticks))), default=math.inf)
    out = []
    for (c0, c1), (lo, hi) in spans:
        length = hi - lo
        negative = base is not None and hi <= base + 0.01
        value = -length if negative else length
        if val_map is not None:
            value = value / abs(val_map.skala)
            if val_map.skala < 0:
                value = -value
        centre, thick = (c0 + c1) / 2, c1 - c0
        tol = max(thick / 2, 0.45 * tick_gap if math.isfinite(tick_gap) else 0.0)
        out.append(Batang(centre, thick, value, _label_at(cat_ticks, centre, tol)))
    out.sort(key=lambda b: b.posisi)
    box = panel.box
    from_zero = True
    if base is not None and box is not None:
        lo, hi = (box[0], box[2]) if horizontal else (box[1], box[3])
        from_zero = lo - 0.5 <= base <= hi + 0.5
    return orient, tuple(out), val_map is not None, from_zero, val_map, cat_map


def _grafik(panel: Panel, jumlah_sumbu: int, judul_gambar: str) -> Grafik:
    judul = panel.title or judul_gambar
    x_map = peta_sumbu([(t.pos, t.text) for t in panel.x.ticks], panel.x.offset)
    y_map = peta_sumbu([(t.pos, t.text) for t in panel.y.ticks], panel.y.offset)
    common = {"judul": judul, "label_x": panel.x.label, "label_y": panel.y.label,
              "jumlah_sumbu": jumlah_sumbu, "panel": panel}
    if panel.bars:
        orient, bars, terbaca, dari_nol, val_map, cat_map = _bars(panel)
        cat_axis = panel.y if orient == "h" else panel.x
        return Grafik(jenis="batang_mendatar" if orient == "h" else "batang", batang=bars,
                      skala_terbaca=terbaca, sumbu_nilai_dari_nol=dari_nol,
                      peta_x=cat_map if orient == "v" else val_map,
                      peta_y=val_map if orient == "v" else cat_map,
                      label_kategori=tuple(t.text for t in cat_axis.ticks if t.text), **common)
    if panel.wedges:
        jenis = "lingkaran"
    elif panel.lines:
        jenis = "garis"
    elif panel.points:
        jenis = "titik"
    elif panel.shapes:
        jenis = "bidang"
    else:
        jenis = "kosong"
    garis = tuple(tuple((x_map.nilai(x) if x_map else x, y_map.nilai(y) if y_map else y) for x, y in line)
                  for line in panel.lines)
    dari_nol = True
    if y_map is not None and panel.box is not None:
        dari_nol = panel.box[1] - 0.5 <= y_map.awal <= panel.box[3] + 0.5
    return Grafik(jenis=jenis, garis=garis, peta_x=x_map, peta_y=y_map, skala_terbaca=y_map is not None,
                  sumbu_nilai_dari_nol=dari_nol,
                  label_kategori=tuple(t.text for t in panel.x.ticks if t.text), **common)


def semua_grafik(obj: Any) -> tuple[Grafik, ...]:
    """Facts of every panel of a chart answer (``Gambar``, ``Figure`` or ``Axes``); a marked ``Axes`` first,
    then the panels holding data, then empty ones. Raises ``JawabanDitolak`` when it cannot be read."""
    g = gambar(obj)
    try:
        chart = read_svg(g.svg)
    except UnreadableChart as exc:
        raise JawabanDitolak(str(exc)) from None
    panels = sorted(chart.panels, key=lambda p: (not p.marked, p.empty))
    if not panels:
        return (Grafik("kosong", "", "", "", jumlah_sumbu=0),)
    top = max((p.box[3] for p in panels if p.box is not None), default=-math.inf)
    judul_gambar = " ".join(t for _, y, t in sorted(chart.figure_texts, key=lambda t: -t[1]) if y >= top)
    return tuple(_grafik(p, len(panels), judul_gambar) for p in panels)


def fakta_grafik(obj: Any = None) -> Grafik:
    """Facts of the chart's main panel (the marked ``Axes``, else the first panel that holds data).

    Examples
    --------
    >>> fig, ax = plt.subplots(); ax.bar(["a", "b"], [3, 5]); ax.set_title("Contoh")  # doctest: +SKIP
    >>> g = fakta_grafik(fig); g.jenis, [b.nilai for b in g.batang], g.judul            # doctest: +SKIP
    ('batang', [3.0, 5.0], 'Contoh')
    """
    return semua_grafik(obj)[0]


# ── expected contents (computed from the data by the question) ─────────────────────────────────────
@dataclass(frozen=True)
class Piramida:
    """A population pyramid: per age group (youngest first) the number of men (left) and women (right).

    ``faktor``: accepted units relative to these counts (e.g. ``100 / total`` for percentages).
    """

    kelompok: tuple[str, ...]
    laki: tuple[float, ...]
    perempuan: tuple[float, ...]
    faktor: tuple[float, ...] = (1.0,)


@dataclass(frozen=True)
class NilaiKategori:
    """One bar per category with these values; ``kunci`` reads a category from a bar's label."""

    kategori: tuple[Any, ...]
    nilai: tuple[float, ...]
    nama: str
    nama_kategori: str = "kelompok"
    kunci: Callable[[str], Any] | None = None
    faktor: tuple[float, ...] = (1.0,)


@dataclass(frozen=True)
class Sebaran:
    """A histogram of these observations (any bins, counts or densities)."""

    data: tuple[float, ...]
    nama: str


@dataclass(frozen=True)
class Runtun:
    """A line through these values, in this order (e.g. one point per month)."""

    nilai: tuple[float, ...]
    nama: str
    nama_titik: str = "titik"
    faktor: tuple[float, ...] = (1.0,)


@dataclass(frozen=True)
class SeriKatalog:
    """One series of a :class:`Katalog`: a statistic per category (``kunci`` → value), in category order."""

    nama: str
    kelompok: str
    kategori: tuple[Any, ...]
    nilai: tuple[float, ...]


@dataclass(frozen=True)
class Katalog:
    """Any one of these series, drawn as bars (per category) or as a line (in category order).

    ``pembaca`` maps a grouping name (``"rt"``, ``"posyandu"`` …) to the function reading that category
    from a bar's label.
    """

    seri: tuple[SeriKatalog, ...]
    pembaca: dict[str, Callable[[str], Any]]
    contoh: str = ""


# ── comparing drawn values with expected ones ──────────────────────────────────────────────────────
def _sebanding(drawn: Sequence[float], expected: Sequence[float], faktor: Sequence[float] | None,
               geser: bool = False) -> bool:
    """Do ``drawn`` values show ``expected`` ones: in one of the units ``faktor`` (``None``: any positive
    scale), within :data:`TOLERANSI` of the largest value? ``geser`` also allows an offset (any axis of
    a line chart)."""
    if len(drawn) != len(expected) or len(expected) == 0:
        return False
    e = [float(x) for x in expected]
    d = [float(x) for x in drawn]
    if not all(map(math.isfinite, e + d)):
        return False
    big = max(abs(x) for x in e)
    if big == 0:
        return False
    if faktor is not None:
        return any(all(abs(di - f * ei) <= TOLERANSI * f * big for di, ei in zip(d, e, strict=True))
                   for f in faktor)
    if geser:
        me, md = sum(e) / len(e), sum(d) / len(d)
        var = sum((x - me) ** 2 for x in e)
        if var == 0:
            return False
        k = sum((x - me) * (y - md) for x, y in zip(e, d, strict=True)) / var
        c = md - k * me
        spread = max(e) - min(e)
        return k > 0 and all(abs(di - (c + k * ei)) <= TOLERANSI * k * spread
                             for di, ei in zip(d, e, strict=True))
    k = sum(x * y for x, y in zip(d, e, strict=True)) / sum(x * x for x in e)
    return k > 0 and all(abs(di - k * ei) <= TOLERANSI * k * big for di, ei in zip(d, e, strict=True))


def _cocok(drawn: Sequence[float], expected: Sequence[float], g: Grafik, faktor: Sequence[float],
           geser: bool = False) -> str:
    """``"ya"`` (values right), ``"skala"`` (right shape, wrong numbers on the axis) or ``"tidak"``."""
    if g.skala_terbaca:
        if _sebanding(drawn, expected, faktor):
            return "ya"
        return "skala" if _sebanding(drawn, expected, None, geser) else "tidak"
    return "ya" if _sebanding(drawn, expected, None, geser) else "tidak"


def _pesan_skala(g: Grafik, drawn: Sequence[float], expected: Sequence[float]) -> str:
    big = max(range(len(expected)), key=lambda i: abs(expected[i]))
    return ("Bentuk grafiknya sudah benar, tetapi angka pada sumbu nilai tidak cocok: nilai terbesar "
            f"tergambar sekitar {angka_id(drawn[big], 1)}, seharusnya {angka_id(expected[big], 1)}. Periksa "
            "satuan nilainya (mis. per 100 atau per 1.000, persen atau jumlah).")


def _monoton(values: Sequence[float]) -> bool:
    naik = all(a <= b + 1e-9 for a, b in itertools.pairwise(values))
    turun = all(a >= b - 1e-9 for a, b in itertools.pairwise(values))
    return naik or turun


def _datar(values: Sequence[float]) -> bool:
    """All (nearly) equal: a chart that shows no differences at all."""
    if len(values) < 2:
        return False
    big = max(abs(v) for v in values)
    return big == 0 or max(values) - min(values) <= 0.005 * big


def _rows(batang: Sequence[Batang]) -> list[list[Batang]]:
    """Bars grouped by their centre along the category axis (bars drawn in the same row)."""
    rows: list[list[Batang]] = []
    for b in sorted(batang, key=lambda b: b.posisi):
        if rows and abs(rows[-1][0].posisi - b.posisi) < 0.25 * max(b.tebal, rows[-1][0].tebal):
            rows[-1].append(b)
        else:
            rows.append([b])
    return rows


def isi_piramida(g: Grafik, h: Piramida) -> Hasil:
    """A pyramid: one row per age group, men negative (left), women positive (right), youngest at the bottom,
    lengths proportional to the counts."""
    n = len(h.kelompok)
    if g.jenis != "batang_mendatar":
        return Hasil(False, f"Anda membuat {JENIS_NAMA.get(g.jenis, g.jenis)}, padahal piramida penduduk "
                            "adalah diagram batang mendatar (`ax.barh`).")
    if g.jumlah_batang != 2 * n:
        return Hasil(False, f"Grafik Anda punya {g.jumlah_batang} batang, seharusnya {2 * n}: satu batang "
                            f"laki-laki dan satu batang perempuan untuk setiap kelompok umur ({n} kelompok).")
    kiri = [b for b in g.batang if b.nilai < 0]
    if not kiri:
        if any(len(r) > 1 for r in _rows(g.batang)):
            return Hasil(False, "Batang laki-laki menimpa batang perempuan: buat jumlah laki-laki negatif "
                                "agar tergambar ke kiri (mis. `ax.barh(label, -tabel_piramida[\"L\"])`).")
        return Hasil(False, "Semua batang mengarah ke kanan. Pada piramida penduduk laki-laki digambar ke "
                            "kiri: buat jumlah laki-laki negatif (mis. `-tabel_piramida[\"L\"]`).")
    rows = _rows(g.batang)
    if len(rows) != n or any(len(r) != 2 or not (r[0].nilai < 0 < r[1].nilai or r[1].nilai < 0 < r[0].nilai)
                             for r in rows):
        return Hasil(False, "Setiap kelompok umur perlu satu baris: batang laki-laki ke kiri dan batang "
                            "perempuan ke kanan, sejajar pada tinggi yang sama.")
    left = [-min(b.nilai for b in r) for r in rows]
    right = [max(b.nilai for b in r) for r in rows]
    drawn = left + right
    expected = list(h.laki) + list(h.perempuan)
    hasil = _cocok(drawn, expected, g, h.faktor)
    if hasil == "ya":
        if not g.label_kategori:
            return Hasil(False, "Sumbu tegak belum menunjukkan kelompok umur. Beri label setiap batang, mis. "
                                "`tabel_piramida.index.astype(str)`.")
        return Hasil(True)
    if hasil == "skala":
        return Hasil(False, _pesan_skala(g, drawn, expected))
    if _cocok(right + left, expected, g, h.faktor) != "tidak":
        return Hasil(False, "Laki-laki dan perempuan tertukar: pada piramida penduduk laki-laki di kiri "
                            "(nilai negatif) dan perempuan di kanan.")
    if _cocok(left[::-1] + right[::-1], expected, g, h.faktor) != "tidak":
        return Hasil(False, "Kelompok umur termuda (0-4) harus di paling bawah dan yang tertua di paling "
                            "atas.")
    return Hasil(False, "Panjang batang tidak cocok dengan banyaknya laki-laki dan perempuan di setiap "
                        "kelompok umur. Periksa tabel kelompok umur × jenis kelamin (`pd.crosstab`).")


def _kunci_label(h: NilaiKategori, label: str) -> Any:
    if h.kunci is not None:
        return h.kunci(label)
    return " ".join(label.casefold().split())


def isi_kategori(g: Grafik, h: NilaiKategori, urut: bool = False) -> Hasil:
    """One labelled bar per category, values as expected (by label), sorted by value if ``urut``."""
    n = len(h.kategori)
    if g.jumlah_batang != n:
        return Hasil(False, f"Grafik Anda punya {g.jumlah_batang} batang, seharusnya {n} (satu batang per "
                            f"{h.nama_kategori}). Apakah ada {h.nama_kategori} yang hilang atau tergambar "
                            "dua kali?")
    keys = [_kunci_label(h, b.label) if b.label else None for b in g.batang]
    expected_by_key = dict(zip(h.kategori, h.nilai, strict=True))
    if None in keys or len(set(keys)) != n or set(keys) != set(expected_by_key):
        return Hasil(False, f"Setiap batang perlu label {h.nama_kategori}-nya: nomor atau nama "
                            f"{h.nama_kategori} tertulis di samping atau di bawah setiap batang (mis. "
                            "`ax.barh(nilai.index.astype(str), nilai)`).")
    drawn = [b.nilai for b in g.batang]
    expected = [expected_by_key[k] for k in keys]
    if _datar(drawn) and not _datar(expected):
        return Hasil(False, "Semua batang sama panjang, padahal nilai setiap "
                            f"{h.nama_kategori} berbeda. Gambar {h.nama} yang Anda hitung.")
    hasil = _cocok(drawn, expected, g, h.faktor)
    if hasil == "skala":
        return Hasil(False, _pesan_skala(g, drawn, expected))
    if hasil == "tidak":
        return Hasil(False, f"Panjang batang tidak cocok dengan {h.nama} per {h.nama_kategori}. Periksa "
                            "nilai yang Anda gambar.")
    if urut and not _monoton(drawn):
        return _belum_urut(h.nama_kategori)
    return Hasil(True)


def _belum_urut(nama_kategori: str) -> Hasil:
    return Hasil(False, f"Batangnya belum diurutkan. Urutkan {nama_kategori} menurut nilainya (mis. "
                        "`.sort_values()`) supaya pembaca langsung melihat mana yang tertinggi.")


def _snap(edges: list[float], span: float) -> list[float]:
    step = 10 ** (math.floor(math.log10(span)) - 4) if span > 0 else 1e-9
    return [round(e / step) * step for e in edges]


def isi_sebaran(g: Grafik, h: Sebaran) -> Hasil:
    """A histogram: contiguous vertical bars whose heights follow the counts of ``h.data`` in their bins."""
    import numpy as np

    salah = Hasil(False, f"Tinggi batang histogram tidak cocok dengan sebaran {h.nama}. Apakah Anda "
                         "menggambar kolom lain?")
    if g.jenis != "batang" or g.jumlah_batang < 3:
        return Hasil(False, f"Histogram digambar dengan batang-batang tegak yang bersambung (`ax.hist`), "
                            f"bukan {JENIS_NAMA.get(g.jenis, g.jenis)}.")
    bars = list(g.batang)
    panel_bars = sorted(g.panel.bars, key=lambda b: b.x0)
    heights = [b.nilai for b in bars]
    if _datar(heights):
        return salah
    width = [b.x1 - b.x0 for b in panel_bars]
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(panel_bars)]
    if all(abs(gp) <= 0.02 * max(width) for gp in gaps):
        edges = [panel_bars[0].x0] + [b.x1 for b in panel_bars]
    else:
        centres = [(b.x0 + b.x1) / 2 for b in panel_bars]
        step = (centres[-1] - centres[0]) / (len(centres) - 1)
        edges = [centres[0] - step / 2 + i * step for i in range(len(centres) + 1)]
    data = np.asarray(h.data, dtype=float)
    data = data[np.isfinite(data)]
    candidates = []
    default = np.histogram_bin_edges(data, bins=len(bars))
    if g.peta_x is not None:
        data_edges = [g.peta_x.nilai(e) for e in edges]
        if all(b > a for a, b in itertools.pairwise(data_edges)):
            span = data_edges[-1] - data_edges[0]
            if all(abs(a - b) <= 0.005 * span for a, b in zip(data_edges, default, strict=True)):
                candidates.append(list(default))
            candidates.append(_snap(data_edges, span))
    else:
        candidates.append(list(default))
    for cand in candidates:
        inside = ((data >= cand[0]) & (data <= cand[-1])).mean() if len(data) else 0
        counts = np.histogram(data, bins=cand)[0].astype(float)
        widths = np.diff(cand)
        if inside >= 0.99 and (_sebanding(heights, counts, None)
                               or _sebanding(heights, counts / widths, None)):
            return Hasil(True)
    return salah


def isi_runtun(g: Grafik, h: Runtun) -> Hasil:
    """A line through ``h.nilai`` in order (the line with that many points; drawn left to right)."""
    n = len(h.nilai)
    if not g.garis:
        return Hasil(False, f"Anda membuat {JENIS_NAMA.get(g.jenis, g.jenis)}, padahal yang diminta diagram "
                            "garis.")
    lines = [sorted(line) for line in g.garis if len(line) == n]
    if not lines:
        ada = max(len(line) for line in g.garis)
        return Hasil(False, f"Garis Anda punya {ada} titik, seharusnya {n} (satu {h.nama_titik} satu titik).")
    expected = list(h.nilai)
    for line in lines:
        ys = [y for _, y in line]
        hasil = _cocok(ys, expected, g, h.faktor, geser=True)
        if hasil == "ya":
            return Hasil(True)
        if hasil == "skala":
            return Hasil(False, _pesan_skala(g, ys, expected))
    ys = [y for _, y in lines[0]]
    if _cocok(ys, sorted(expected), g, h.faktor, geser=True) != "tidak" or _cocok(
            ys, sorted(expected, reverse=True), g, h.faktor, geser=True) != "tidak":
        return Hasil(False, "Titik-titik garis Anda diurutkan menurut nilainya, bukan menurut waktu. "
                            "Urutkan menurut waktu (mis. `.sort_index()`).")
    for r in range(1, n):
        if _cocok(ys, expected[r:] + expected[:r], g, h.faktor, geser=True) != "tidak":
            return Hasil(False, f"Urutan {h.nama_titik} pada garis Anda belum menurut waktu: garis harus "
                                "dimulai dari yang paling awal. Pakai tahun-bulan (mis. "
                                "`.dt.to_period(\"M\")`), bukan nomor bulan saja.")
    if _cocok(sorted(ys), sorted(expected), g, h.faktor, geser=True) == "ya":
        # the right values in another order: months grouped as text ("Apr 2025" before "Jan 2025")
        return Hasil(False, f"Nilai setiap titik sudah benar, tetapi urutan {h.nama_titik} pada garis Anda "
                            "tidak menurut waktu (mungkin diurutkan menurut abjad, misalnya \"Apr\" sebelum "
                            "\"Jan\"). Kelompokkan menurut tahun-bulan (`.dt.to_period(\"M\")`), bukan "
                            "menurut nama bulan, lalu `.sort_index()`.")
    return Hasil(False, f"Tinggi garis tidak cocok dengan {h.nama}. Periksa nilai yang Anda gambar.")


def isi_katalog(g: Grafik, h: Katalog, urut: bool = False) -> Hasil:
    """Bars labelled by category or a line in time order, matching one series of the catalogue."""
    if g.batang:
        drawn = [b.nilai for b in g.batang]
        if len(drawn) < 3:
            return Hasil(False, "Gambar paling sedikit tiga batang (mis. satu untuk setiap RT).")
        if _datar(drawn):
            return Hasil(False, "Semua batang sama panjang, jadi grafik ini tidak menunjukkan perbedaan apa "
                                "pun. Gambar nilai indikator yang Anda hitung untuk setiap kelompok.")
        found = False
        labelled = all(b.label for b in g.batang)
        read = {kelompok: [baca(b.label) for b in g.batang] for kelompok, baca in h.pembaca.items()
                if labelled}  # the labels read once per grouping, not once per series
        for seri in h.seri:
            keys = read.get(seri.kelompok)
            if keys is None:
                continue
            expected_by_key = dict(zip(seri.kategori, seri.nilai, strict=True))
            if None in keys or len(set(keys)) != len(keys) or not set(keys) <= set(expected_by_key):
                continue
            expected = [expected_by_key[k] for k in keys]
            if not _datar(expected) and _sebanding(drawn, expected, None):
                found = True
                break
        if not found:
            if not labelled:
                return Hasil(False, "Setiap batang perlu label kelompoknya: nomor RT, nama posyandu atau "
                                    "bulan tertulis di samping atau di bawah setiap batang.")
            return Hasil(False, "Panjang batang tidak cocok dengan indikator yang bisa dihitung dari data "
                                f"per kelompoknya{h.contoh}. Periksa perhitungannya dan label batangnya.")
        if urut and not _monoton(drawn):
            return _belum_urut("kelompok")
        return Hasil(True)
    if g.garis:
        for line in g.garis:
            ys = [y for _, y in sorted(line)]
            if _datar(ys):
                continue
            for seri in h.seri:
                if len(seri.nilai) == len(ys) and not _datar(seri.nilai) and _sebanding(ys, seri.nilai, None,
                                                                                        geser=True):
                    return Hasil(True)
        return Hasil(False, "Tinggi garis tidak cocok dengan indikator yang bisa dihitung dari data menurut "
                            f"waktu{h.contoh}. Periksa perhitungannya dan urutan waktunya.")
    return Hasil(False, f"Anda membuat {JENIS_NAMA.get(g.jenis, g.jenis)}; yang diminta diagram batang atau "
                        "diagram garis.")


def isi(g: Grafik, harapan: Any, urut: bool = False) -> Hasil:
    """Compare what the panel shows with the expected content (``None``: nothing to compare; an ``int``: that
    many bars)."""
    if isinstance(harapan, Piramida):
        return isi_piramida(g, harapan)
    if isinstance(harapan, NilaiKategori):
        return isi_kategori(g, harapan, urut)
    if isinstance(harapan, Sebaran):
        return isi_sebaran(g, harapan)
    if isinstance(harapan, Runtun):
        return isi_runtun(g, harapan)
    if isinstance(harapan, Katalog):
        return isi_katalog(g, harapan, urut)
    if isinstance(harapan, int) and not isinstance(harapan, bool) and g.jumlah_batang != harapan:
        return Hasil(False, f"Grafik Anda punya {g.jumlah_batang} batang, seharusnya {harapan}. Apakah ada "
                            "kelompok yang hilang atau terhitung dua kali?")
    if urut and g.batang and not _monoton([b.nilai for b in g.batang]):
        return _belum_urut("kelompok")
    return Hasil(True)


def cocok_isi(harapan: Callable[[], Any]) -> Callable[[Any], bool]:
    """For a known mistake (``Salah(cocok=...)``): does the chart show this (wrong) content?

    Examples
    --------
    >>> Salah("Itu banyaknya perjalanan ...", cocok=cocok_isi(lambda: NilaiKategori(...)))  # doctest: +SKIP
    """

    def cocok(jawaban: Any) -> bool:
        try:
            grafik = semua_grafik(jawaban)
        except JawabanDitolak:
            return False
        wrong = harapan()
        return any(g.jenis != "kosong" and isi(g, wrong).benar for g in grafik)

    return cocok


# ── the comparator ─────────────────────────────────────────────────────────────────────────────────
def _tampilan(pesan: str) -> Hasil:
    return Hasil(False, pesan, (TAMPILAN,))


def banding_grafik(jenis: str | tuple[str, ...] | None = None, judul: bool = True, label_x: bool = True,
                   label_y: bool = True, dari_nol: bool | None = None, urut: bool = False,
                   satuan_nilai: tuple[str, ...] = (), satuan_x: tuple[str, ...] = (),
                   pesan_satuan: str = "") -> Pembanding:
    """Comparator for chart answers (a :class:`Gambar`): kind, content compared with ``harapan`` (one of
    the contents above, or ``None``), title, axis labels, value axis from zero, sorted bars (``urut``) and
    the unit named in the value-axis label (``satuan_nilai``) or the x-axis label (``satuan_x``).

    ``dari_nol`` defaults to ``True`` for bar charts (a truncated bar axis exaggerates differences).
    A figure with several panels passes when one of them does; otherwise the main panel's message is given.
    """
    jenis_ok = (jenis,) if isinstance(jenis, str) else jenis

    def satu(g: Grafik, harapan: Any) -> Hasil:
        if g.jenis == "kosong":
            return Hasil(False, "Grafik Anda masih kosong. Sudahkah Anda menggambar datanya ke `ax`?")
        if jenis_ok and g.jenis not in jenis_ok and not isinstance(harapan, Piramida):
            diminta = " atau ".join(JENIS_NAMA.get(j, j) for j in jenis_ok)
            return Hasil(False, f"Anda membuat {JENIS_NAMA.get(g.jenis, g.jenis)}, padahal yang diminta "
                                f"{diminta}.")
        hasil = isi(g, harapan, urut)
        if not hasil.benar:
            return hasil
        if judul and not g.judul:
            return _tampilan("Grafik belum punya judul. Pembaca perlu tahu apa, di mana dan kapan.")
        if label_x and not g.label_x:
            return _tampilan("Sumbu mendatar (x) belum diberi label. Tulis apa isinya dan satuannya.")
        if label_y and not g.label_y:
            return _tampilan("Sumbu tegak (y) belum diberi label. Tulis apa isinya dan satuannya.")
        harus_nol = dari_nol if dari_nol is not None else g.jenis.startswith("batang")
        if harus_nol and not g.sumbu_nilai_dari_nol:
            return _tampilan("Sumbu nilai pada diagram batang harus mulai dari nol. Sumbu yang dipotong "
                                "membuat selisih kecil tampak besar.")
        if satuan_nilai and not any(sebut_satuan(g.label_nilai, s) for s in satuan_nilai):
            return _tampilan(pesan_satuan or "Label sumbu nilai belum menyebut satuannya.")
        if satuan_x and not any(sebut_satuan(g.label_x, s) for s in satuan_x):
            return _tampilan(pesan_satuan or "Label sumbu mendatar belum menyebut satuannya.")
        return Hasil(True)

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        try:
            panels = semua_grafik(jawaban)
        except JawabanDitolak as exc:
            return Hasil(False, str(exc))
        results = [satu(g, harapan) for g in panels]
        return next((r for r in results if r.benar), results[0])

    return banding
