"""Read what a matplotlib chart shows from its SVG: panels, bars, lines, points, texts and tick labels.

The SVG is rendered in the learner's kernel (:func:`cantik.checks.figures.render_chart_svg`), so it is
untrusted data: it is parsed with ``defusedxml`` (no entity expansion, no external references), within
limits on size, element count, filled shapes, numbers and nesting, and every coordinate must be a finite
number. Only what is *drawn* is read (rectangles, paths, markers, texts); nothing matplotlib computed about
the chart in the kernel is used.

The reader relies on the structure matplotlib's SVG backend writes (``svg.fonttype = "none"``, so texts are
``<text>`` elements): one ``<g id="axes_N">`` per panel holding its artists, ``<g id="matplotlib.axis_N">``
groups with ``xtick_N``/``ytick_N`` groups (tick mark and label) and the axis label, ``legend_N`` groups, and
data artists clipped to the panel (``clip-path``). Coordinates are SVG points with the y axis turned upward
(a larger y is higher on the page).

Examples
--------
>>> chart = read_svg(svg_text)  # doctest: +SKIP
>>> chart.panels[0].bars[:2]    # doctest: +SKIP
(Bar(x0=57.6, x1=80.2, y0=0.0, y1=120.5), ...)
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field
from typing import Any

#: Largest SVG read or sent from a kernel (characters); the course's charts take 20–60 thousand.
MAX_CHARS = 1_000_000
MAX_ELEMENTS = 20_000
#: Numbers in all paths together (a line of 10 000 points has 20 000).
MAX_NUMBERS = 100_000
#: Filled shapes (bars, wedges, areas) in all panels together (a histogram of 1 000 bins has 1 000); reading
#: one costs ~0.1 ms, so this cap keeps a crafted SVG within the answer budget's 1 s of CPU (issue 17).
MAX_SHAPES = 2_000
MAX_DEPTH = 48
TOO_BIG = "Gambar terlalu besar untuk diperiksa (terlalu banyak batang atau titik)."
#: id the renderer gives the panel of an ``Axes`` the learner handed in (instead of a whole Figure).
MARK = "cantik-sumbu"

_SVG = "{http://www.w3.org/2000/svg}"
_HREF = "{http://www.w3.org/1999/xlink}href"
_COMMANDS = frozenset("MmLlHhVvCcSsQqTtAaZz")
_TRANSLATE = re.compile(r"translate\(\s*([-+\d.eE]+)[ ,]+([-+\d.eE]+)\s*\)")
_ROTATE = re.compile(r"rotate\(\s*([-+\d.eE]+)")
_URL = re.compile(r"url\(#([^)]+)\)")


class UnreadableChart(ValueError):
    """The SVG cannot be read as a chart (message in Indonesian, for the learner)."""


@dataclass(frozen=True)
class Bar:
    """One drawn rectangle (x0 < x1, y0 < y1, y upward)."""

    x0: float
    x1: float
    y0: float
    y1: float


@dataclass(frozen=True)
class Tick:
    """A tick of an axis: its position along the axis and its label (``""`` when unlabelled)."""

    pos: float
    text: str


@dataclass(frozen=True)
class Axis:
    """Ticks (in drawing order), the axis label, and the offset text (e.g. ``1e3``) if any."""

    ticks: tuple[Tick, ...] = ()
    label: str = ""
    offset: str = ""


@dataclass(frozen=True)
class Panel:
    """One axes of the figure, as drawn."""

    box: tuple[float, float, float, float] | None
    bars: tuple[Bar, ...] = ()
    lines: tuple[tuple[tuple[float, float], ...], ...] = ()
    points: int = 0
    wedges: int = 0
    shapes: int = 0
    title: str = ""
    x: Axis = field(default_factory=Axis)
    y: Axis = field(default_factory=Axis)
    texts: tuple[str, ...] = ()
    marked: bool = False

    @property
    def empty(self) -> bool:
        """Nothing of the data is drawn (no bars, lines, points, wedges or other shapes)."""
        return not (self.bars or self.lines or self.points or self.wedges or self.shapes)


@dataclass(frozen=True)
class Chart:
    """Every panel of a figure, and the texts written on the figure itself (``suptitle``, ``fig.text``)."""

    panels: tuple[Panel, ...]
    figure_texts: tuple[tuple[float, float, str], ...] = ()


# ── parsing ────────────────────────────────────────────────────────────────────────────────────────
def _number(text: Any) -> float:
    try:
        value = float(text)
    except ValueError:
        raise UnreadableChart("Gambar berisi angka yang tidak sah.") from None
    if not math.isfinite(value):
        raise UnreadableChart("Gambar berisi angka yang tidak sah.")
    return value


def _length(text: str | None) -> float | None:
    if not text:
        return None
    m = re.match(r"\s*([-+\d.eE]+)", text)
    return _number(m.group(1)) if m else None


def _path(d: str, budget: list[int]) -> list[tuple[str, list[float]]]:
    """Commands of an SVG path as matplotlib writes it (absolute M, L, Q, C, Z, separated by spaces);
    ``budget[0]`` is how many more numbers the whole chart may hold."""
    out: list[tuple[str, list[float]]] = []
    for token in (d or "").split():
        if token.isalpha():
            if token not in _COMMANDS:
                raise UnreadableChart("Gambar berisi angka yang tidak sah.")
            out.append((token, []))
        elif out:
            budget[0] -= 1
            if budget[0] < 0:
                raise UnreadableChart(TOO_BIG)
            out[-1][1].append(_number(token))
        else:
            raise UnreadableChart("Bentuk pada gambar tidak bisa dibaca.")
    return out


def _points(commands: list[tuple[str, list[float]]]) -> list[tuple[float, float]]:
    pts = []
    for _, nums in commands:
        pts.extend((nums[i], nums[i + 1]) for i in range(0, len(nums) - 1, 2))
    return pts


def _rect(commands: list[tuple[str, list[float]]]) -> tuple[float, float, float, float] | None:
    """``(x0, y0, x1, y1)`` in SVG coordinates when the path is an axis-aligned rectangle."""
    letters = "".join(c for c, _ in commands).upper()
    if letters not in ("MLLLZ", "MLLL", "MLLLLZ"):
        return None
    pts = _points(commands)
    if len(pts) < 4 or any(len(nums) != 2 for c, nums in commands if c.upper() in "ML"):
        return None
    pts = pts[:4]
    xs = sorted({round(x, 4) for x, _ in pts})
    ys = sorted({round(y, 4) for _, y in pts})
    if len(xs) > 2 or len(ys) > 2:
        return None
    for (ax, ay), (bx, by) in zip(pts, pts[1:] + pts[:1], strict=True):
        if abs(ax - bx) > 1e-4 and abs(ay - by) > 1e-4:
            return None  # a diagonal edge: not a rectangle
    return min(xs), min(ys), max(xs), max(ys)


def _anchor(el: Any) -> tuple[float, float] | None:
    x, y = el.get("x"), el.get("y")
    if x is not None and y is not None:
        return _length(x) or 0.0, _length(y) or 0.0
    m = _TRANSLATE.search(el.get("transform", ""))
    if m:
        return _number(m.group(1)), _number(m.group(2))
    return None


def _clean(text: str) -> str:
    return " ".join(text.split())


@dataclass
class _Text:
    x: float
    y: float
    text: str
    rotation: float = 0.0


def _texts(g: Any, height: float) -> _Text | None:
    """All ``<text>`` lines of one text group, joined, at the anchor of its first line (y upward)."""
    parts, where, rotation = [], None, 0.0
    for el in g.iter(f"{_SVG}text"):
        content = _clean("".join(el.itertext()))
        if not content:
            continue
        parts.append(content)
        if where is None:
            where = _anchor(el)
            m = _ROTATE.search(el.get("transform", ""))
            rotation = abs(_number(m.group(1))) if m else 0.0
    if not parts:
        return None
    x, y = where or (0.0, height)
    return _Text(x, height - y, " ".join(parts), rotation)


def _local(tag: Any) -> str:
    return tag[len(_SVG):] if isinstance(tag, str) and tag.startswith(_SVG) else str(tag)


def _gid(el: Any) -> str:
    return el.get("id") or ""


def _is_panel(g: Any) -> bool:
    gid = _gid(g)
    if gid.startswith("axes_") or gid == MARK:
        return True
    return any(_local(c.tag) == "g" and _gid(c).startswith("matplotlib.axis") for c in g)


class _Reader:
    def __init__(self, root: Any) -> None:
        self.height = self._height(root)
        self.clips: dict[str, tuple[float, float, float, float]] = {}
        for cp in root.iter(f"{_SVG}clipPath"):
            r = next(cp.iter(f"{_SVG}rect"), None)
            if r is not None and cp.get("id"):
                x, y = _length(r.get("x")) or 0.0, _length(r.get("y")) or 0.0
                w, h = _length(r.get("width")) or 0.0, _length(r.get("height")) or 0.0
                self.clips[cp.get("id")] = (x, y, x + w, y + h)
        self.panels: list[Panel] = []
        self.figure_texts: list[tuple[float, float, str]] = []
        self.budget = [MAX_NUMBERS]
        self.shapes_left = MAX_SHAPES

    @staticmethod
    def _height(root: Any) -> float:
        box = (root.get("viewBox") or "").replace(",", " ").split()
        if len(box) == 4:
            return _number(box[3])
        return _length(root.get("height")) or 0.0

    def walk_figure(self, el: Any, depth: int = 0) -> None:
        if depth > MAX_DEPTH:
            raise UnreadableChart("Gambar terlalu dalam bersarang untuk dibaca.")
        for child in el:
            tag = _local(child.tag)
            if tag == "g" and _is_panel(child):
                self.panel(child, depth + 1)
            elif tag == "g" and _gid(child).startswith("text"):
                t = _texts(child, self.height)
                if t:
                    self.figure_texts.append((t.x, t.y, t.text))
            elif tag == "g":
                self.walk_figure(child, depth + 1)

    # one panel ---------------------------------------------------------------------------------------
    def panel(self, g: Any, depth: int) -> None:
        acc: dict[str, Any] = {"rects": [], "lines": [], "points": 0, "wedges": 0, "shapes": 0,
                               "texts": [], "clips": [], "axes": []}
        self._collect(g, acc, depth)
        box = self._box(acc)
        bars = tuple(Bar(x0, x1, self.height - y1, self.height - y0)
                     for (x0, y0, x1, y1), _clipped in acc["rects"]
                     if box is None or not _same((x0, self.height - y1, x1, self.height - y0), box))
        xaxis, yaxis = Axis(), Axis()
        for kind, axis in acc["axes"]:
            if kind == "x":
                xaxis = axis
            elif kind == "y":
                yaxis = axis
        above = [t for t in acc["texts"] if box is None or t.y >= box[3] - 0.5]
        title = " ".join(t.text for t in sorted(above, key=lambda t: (-t.y, t.x)))
        others = tuple(t.text for t in acc["texts"] if t not in above)
        self.panels.append(Panel(
            box=box, bars=bars, lines=tuple(acc["lines"]), points=acc["points"], wedges=acc["wedges"],
            shapes=acc["shapes"], title=title, x=xaxis, y=yaxis, texts=others, marked=_gid(g) == MARK))

    def _box(self, acc: dict[str, Any]) -> tuple[float, float, float, float] | None:
        """The panel's drawing area: the clip rectangle its data artists use most, else its background."""
        if acc["clips"]:
            most = max(set(acc["clips"]), key=acc["clips"].count)
            if most in self.clips:
                x0, y0, x1, y1 = self.clips[most]
                return x0, self.height - y1, x1, self.height - y0
        unclipped = [r for r, clipped in acc["rects"] if not clipped]
        if unclipped:
            x0, y0, x1, y1 = unclipped[0]
            return x0, self.height - y1, x1, self.height - y0
        return None

    def _collect(self, g: Any, acc: dict[str, Any], depth: int) -> None:
        if depth > MAX_DEPTH:
            raise UnreadableChart("Gambar terlalu dalam bersarang untuk dibaca.")
        for child in g:
            tag = _local(child.tag)
            gid = _gid(child)
            if tag == "g":
                if _is_panel(child):
                    self.panel(child, depth + 1)
                elif gid.startswith("matplotlib.axis"):
                    acc["axes"].append(self._axis(child))
                elif gid.startswith("legend"):
                    continue
                elif gid.startswith("text"):
                    t = _texts(child, self.height)
                    if t:
                        acc["texts"].append(t)
                elif gid.startswith("line2d"):
                    self._line(child, acc)
                else:
                    self._collect(child, acc, depth + 1)
            elif tag == "path":
                self._shape(child, acc)
            elif tag == "use":
                acc["points"] += 1
                self._clip(child, acc)

    def _clip(self, el: Any, acc: dict[str, Any]) -> bool:
        m = _URL.search(el.get("clip-path", ""))
        if m:
            acc["clips"].append(m.group(1))
        return bool(m)

    def _shape(self, el: Any, acc: dict[str, Any]) -> None:
        self.shapes_left -= 1
        if self.shapes_left < 0:
            raise UnreadableChart(TOO_BIG)
        commands = _path(el.get("d", ""), self.budget)
        if not commands:
            return
        clipped = self._clip(el, acc)
        rect = _rect(commands)
        if rect is not None:
            acc["rects"].append((rect, clipped))
        elif any(c.upper() == "C" for c, _ in commands):
            acc["wedges"] += 1
        elif clipped:
            acc["shapes"] += 1

    def _line(self, g: Any, acc: dict[str, Any]) -> None:
        """A ``Line2D``: its path (connected points) or, for markers only, its marker positions."""
        pts: list[tuple[float, float]] = []
        markers: list[tuple[float, float]] = []
        for el in g.iter():
            tag = _local(el.tag)
            if tag == "path" and el.get("clip-path") and el.get("d"):
                self._clip(el, acc)
                commands = _path(el.get("d", ""), self.budget)
                if all(c.upper() in "ML" for c, _ in commands):
                    pts.extend(_points(commands))
            elif tag == "use":
                x, y = _length(el.get("x")) or 0.0, _length(el.get("y")) or 0.0
                markers.append((x, y))
                self._clip(el, acc)
        if len(pts) >= 2:
            acc["lines"].append(tuple((x, self.height - y) for x, y in pts))
        elif markers:
            acc["points"] += len(markers)

    def _axis(self, g: Any) -> tuple[str | None, Axis]:
        kind: str | None = None
        ticks: list[Tick] = []
        texts: list[_Text] = []
        for child in g:
            gid = _gid(child)
            if gid.startswith(("xtick", "ytick")):
                kind = gid[0]
                ticks.append(self._tick(child, kind))
            elif gid.startswith("text"):
                t = _texts(child, self.height)
                if t:
                    texts.append(t)
        if kind is None and texts:
            kind = "y" if texts[0].rotation >= 45 else "x"
        label, offset = "", ""
        for t in texts:
            if _OFFSET.match(t.text) and not offset:
                offset = t.text
            else:
                label = f"{label} {t.text}".strip()
        return kind, Axis(tuple(ticks), label, offset)

    def _tick(self, g: Any, kind: str) -> Tick:
        pos = None
        text = ""
        for el in g.iter():
            tag = _local(el.tag)
            if tag == "use" and pos is None:
                x, y = _length(el.get("x")) or 0.0, _length(el.get("y")) or 0.0
                pos = x if kind == "x" else self.height - y
            elif tag == "g" and _gid(el).startswith("text") and not text:
                t = _texts(el, self.height)
                if t:
                    text = t.text
                    if pos is None:
                        pos = t.x if kind == "x" else t.y
        return Tick(pos if pos is not None else math.nan, text)


_OFFSET = re.compile(r"^\s*(?:[×x]\s*)?(?:[-+−]?\s*\d+(?:[.,]\d+)?)?\s*(?:e|×10\^?|x10\^?)[-+−]?\d+\s*$")


def _same(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return all(abs(p - q) < 0.05 for p, q in zip(a, b, strict=True))


@functools.lru_cache(maxsize=16)
def read_svg(svg: str) -> Chart:
    """Read every panel of a chart from matplotlib's SVG text.

    Raises
    ------
    UnreadableChart
        When the text is not a readable SVG chart (too large, malformed, entities, bad numbers).
    """
    if not isinstance(svg, str) or not svg.strip():
        raise UnreadableChart("Gambar kosong: tidak ada yang bisa diperiksa.")
    if len(svg) > MAX_CHARS or svg.count("<") > 2 * MAX_ELEMENTS:  # every element needs a "<"
        raise UnreadableChart(TOO_BIG)
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(svg)
    except (ParseError, DefusedXmlException, ValueError) as exc:
        raise UnreadableChart("Gambar tidak bisa dibaca (bukan SVG yang sah).") from exc
    if _local(root.tag) != "svg":
        raise UnreadableChart("Gambar tidak bisa dibaca (bukan SVG yang sah).")
    if sum(1 for _ in root.iter()) > MAX_ELEMENTS:
        raise UnreadableChart(TOO_BIG)
    reader = _Reader(root)
    try:
        reader.walk_figure(root)
    except (ValueError, TypeError, OverflowError) as exc:
        if isinstance(exc, UnreadableChart):
            raise
        raise UnreadableChart("Gambar berisi angka yang tidak sah.") from exc
    return Chart(tuple(reader.panels), tuple(reader.figure_texts))
