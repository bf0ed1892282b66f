"""App 3 — Persen atau poin persen? The poverty example 4,54% → 4,01%, and the visitor's own figures.

Both changes come from :mod:`cantik.indicators` (``percentage_point_change`` and ``percent_change``). The
chart draws the gap twice: between the two bars (in percentage points), and against its base (the first
figure counted as 100): that is the percent change. A tiny base gets a warning, since any change then
looks enormous in percent.

Examples
--------
>>> app = PersenPoinApp()          # doctest: +SKIP
>>> app.points, round(app.percent, 1)   # doctest: +SKIP
(-0.53, -11.7)
"""

from __future__ import annotations

from typing import Any, NamedTuple

import ipywidgets as widgets

from cantik.apps import charts
from cantik.apps.base import AppBase
from cantik.apps.challenge import Answer, Challenge
from cantik.apps.formatting import format_number, format_percent, format_typed, signed
from cantik.apps.inputs import parse_number
from cantik.apps.layout import FigureNote, labelled, summary_html
from cantik.apps.messages import UserInputError, user_error

#: Below this first figure (percent), the percent change is flagged as misleading (the base effect).
TINY_BASE = 1.0
#: The percent-change bar is drawn up to this length (the text gives the real figure).
MAX_DRAWN_PERCENT = 400.0


class Example(NamedTuple):
    """A ready-made pair of figures, with where they come from."""

    label: str
    before: float | None
    after: float | None
    first: str  # label of the first figure
    second: str  # label of the second figure
    note: FigureNote | None


_REPORTED = "berita daerah yang mengutip BPS Kabupaten Hulu Sungai Selatan (perkiraan, bukan angka resmi)"

EXAMPLES: list[Example] = [
    Example("Kemiskinan HSS 2022 → 2023", 4.54, 4.01, "2022", "2023", FigureNote(
        "Persentase penduduk miskin (P0) Kabupaten Hulu Sungai Selatan",
        "Penduduk yang pengeluaran per kapitanya di bawah garis kemiskinan, per 100 penduduk.",
        "persen", _REPORTED, "2022 dan 2023", sintetis=False)),
    Example("Stunting menurut catatan posyandu", 5.4, 4.5, "tahun lalu", "tahun ini", FigureNote(
        "Prevalensi balita pendek (stunting) Kabupaten Hulu Sungai Selatan, catatan penimbangan posyandu "
        "(e-PPGBM)", "Balita dengan nilai z tinggi badan menurut umur di bawah −2, per 100 balita diukur.",
        "persen", "berita daerah (perkiraan, bukan angka resmi)", "dua tahun terakhir yang dilaporkan",
        sintetis=False)),
    Example("Efek angka dasar kecil: 1% → 2%", 1.0, 2.0, "awal", "akhir", None),
    Example("Isi sendiri", None, None, "awal", "akhir", None),
]
CUSTOM = len(EXAMPLES) - 1


class PersenPoinApp(AppBase):
    """Two percentages → change in percentage points and relative change in percent."""

    title = "Persen atau poin persen?"
    intro = (
        "Angka kemiskinan turun dari 4,54% menjadi 4,01%. Turun 0,53 persen? Bukan: turun 0,53 poin "
        "persen, atau turun sekitar 11,7 persen dari angka awalnya. Pilih contoh atau isi angka sendiri."
    )
    notice = ("Aplikasi ini tidak memakai data sintetis. Dua contoh pertama adalah angka yang dilaporkan "
              "berita daerah (perkiraan), bukan angka resmi BPS; angka resminya ada di publikasi BPS "
              "Kabupaten Hulu Sungai Selatan. Anda juga bisa mengisi angka sendiri.")

    def __init__(self) -> None:
        super().__init__()
        self.example = labelled(
            widgets.Dropdown(options=[(e.label, i) for i, e in enumerate(EXAMPLES)], value=0), "Contoh")
        self.before = labelled(widgets.Text(value="4,54", continuous_update=False), "Angka awal (%)")
        self.after = labelled(widgets.Text(value="4,01", continuous_update=False), "Angka akhir (%)")
        self.points: float | None = None
        self.percent: float | None = None
        self._filling = False
        self._build(self.example, self.before, self.after)
        self.example.observe(self._on_example, names="value")
        for box in (self.before, self.after):
            box.observe(self._on_edit, names="value")
        self.update()
        self.prefetch({"example": [i for i in range(len(EXAMPLES)) if i != CUSTOM]})

    # -- events -------------------------------------------------------------------------------------
    def _on_example(self, change: dict[str, Any]) -> None:
        if self._filling:
            return
        chosen = EXAMPLES[change["new"]]
        if chosen.before is not None and chosen.after is not None:
            self.fill(chosen.before, chosen.after, example=change["new"])
        else:
            self.update()

    def _on_edit(self, _change: dict[str, Any]) -> None:
        if self._filling:
            return
        chosen = EXAMPLES[self.example.value]
        try:
            same = self.read() == (chosen.before, chosen.after)
        except UserInputError:
            same = False
        if not same and self.example.value != CUSTOM:
            self._filling = True
            try:
                self.example.value = CUSTOM
            finally:
                self._filling = False
        self.update()

    def fill(self, before: float, after: float, example: int = CUSTOM) -> None:
        """Put two figures in the boxes (as Indonesians write them) and recompute once."""
        self._filling = True
        try:
            self.example.value = example
            self.before.value = format_typed(before)
            self.after.value = format_typed(after)
        finally:
            self._filling = False
        self.update()

    # -- logic --------------------------------------------------------------------------------------
    def read(self) -> tuple[float, float]:
        """The two percentages typed by the visitor (validated)."""
        values = []
        for box, what in ((self.before, "Angka awal"), (self.after, "Angka akhir")):
            v = parse_number(box.value, what, percent=True)
            if not 0 <= v <= 100:
                raise UserInputError(f"{what} adalah persentase: harus antara 0 dan 100.")
            values.append(v)
        return values[0], values[1]

    def update(self) -> None:
        from cantik import indicators as ind

        self.points = self.percent = None
        before, after = self.read()
        try:
            points = ind.percentage_point_change(before, after)
            percent = ind.percent_change(before, after)
        except ValueError as exc:
            raise user_error(exc) from None
        self.points, self.percent = float(points), float(percent)
        key = (before, after, self._labels())
        self._show_cached(key, lambda: (self.draw(before, after), self.alt_text(before, after)))
        self.summary.value = self.summary_text(before, after)
        self.show_notes()

    def control_state(self) -> tuple:
        return (self.example.value, self.before.value, self.after.value)

    def _labels(self) -> tuple[str, str]:
        chosen = EXAMPLES[self.example.value]
        return chosen.first, chosen.second

    # -- chart --------------------------------------------------------------------------------------
    def draw(self, before: float, after: float) -> Any:
        first, second = self._labels()
        height, layout = charts.stacked([2.7, 1.2], gap=1.15, top=0.5)
        bars_ax, base_ax = self.axes(height=height, left=0.2, right=0.95, **layout)
        bars_ax.bar([0, 1], [before, after], color=[charts.LIGHT_BLUE, "#0b57a4"], width=0.55)
        bars_ax.set_xticks([0, 1], [first, second])
        bars_ax.set_xlim(-0.6, 1.9)
        top = min(100.0, max(before, after) * 1.3) or 1.0
        bars_ax.set_ylim(0, top)
        for x, v in ((0, before), (1, after)):
            inside = v > top * 0.85
            bars_ax.text(x, v * 0.97 if inside else v + top * 0.02, format_percent(v, _decimals(v)),
                         ha="center", va="top" if inside else "bottom", color="white" if inside else "black",
                         fontsize=charts.MIN_FONT_SIZE)
        # The gap, in points: from the first figure's level to the second bar.
        bars_ax.hlines(before, 0.28, 1.5, colors=charts.GREY, linestyles="dashed", lw=1.5)
        if after != before:
            bars_ax.annotate("", xy=(1.45, after), xytext=(1.45, before),
                             arrowprops={"arrowstyle": "<->", "color": charts.RED, "lw": 2})
        bars_ax.text(1.52, (before + after) / 2, f"{signed(self.points, 2)}\npoin", va="center",
                     ha="left", color=charts.RED, fontsize=charts.MIN_FONT_SIZE)
        bars_ax.set_ylabel("Persen")
        charts.number_axis(bars_ax.yaxis, suffix="%")
        bars_ax.set_title("Dua angka dan selisihnya", loc="left")

        # The gap against its base: the first figure counts as 100.
        change = abs(self.percent)
        drawn = min(change, MAX_DRAWN_PERCENT)
        colour = charts.RED if self.percent > 0 else charts.BLUE
        base_ax.barh([1, 0], [100, drawn], color=[charts.LIGHT_BLUE, colour], height=0.6)
        base_ax.set_yticks([1, 0], ["Awal", "Selisih"])
        right = max(100.0, drawn) * 1.3
        base_ax.set_xlim(0, right)
        base_ax.set_ylim(-0.6, 1.6)
        base_ax.text(100 + right * 0.01, 1, "100", va="center", fontsize=charts.MIN_FONT_SIZE)
        base_ax.text(drawn + right * 0.01, 0, format_number(change, 1) + ("+" if change > drawn else ""),
                     va="center", fontsize=charts.MIN_FONT_SIZE)
        charts.number_axis(base_ax.xaxis, whole=True)
        base_ax.set_xlabel("Dibanding angka awal = 100")
        base_ax.set_title(f"Selisih = {format_percent(change, 1)} dari angka awal", loc="left")
        return bars_ax.figure

    def alt_text(self, before: float, after: float) -> str:
        first, second = self._labels()
        return (
            f"Dua batang: {first} {format_number(before, _decimals(before))} persen, {second} "
            f"{format_number(after, _decimals(after))} persen. Selisih {signed(self.points, 2)} poin "
            f"persen, atau {signed(self.percent, 1)} persen dari angka awal."
        )

    # -- words --------------------------------------------------------------------------------------
    def summary_text(self, before: float, after: float) -> str:
        first, second = self._labels()
        verb = "naik" if self.points > 0 else "turun" if self.points < 0 else "tetap"
        pts = format_number(abs(self.points), 2)
        pct = format_number(abs(self.percent), 1)
        b, a = format_percent(before, _decimals(before)), format_percent(after, _decimals(after))
        lines = [
            f"Perubahan poin persen: **{signed(self.points, 2)} poin persen** (akhir − awal)",
            f"Perubahan persen: **{signed(self.percent, 1)}%** ((akhir − awal) ÷ awal × 100)",
        ]
        if verb != "tetap":
            lines += [
                f"Kalimat yang tepat: \"{verb} {pts} poin persen, dari {b} ({first}) menjadi {a} ({second})"
                f"\", atau \"{verb} sekitar {pct} persen\".",
                f"Kalimat yang keliru: \"{verb} {pts} persen\".",
            ]
        else:
            lines.append("Angkanya tidak berubah.")
        if 0 < before < TINY_BASE and verb != "tetap":
            lines.append(
                f"**Awas, angka awalnya sangat kecil ({b}).** Dari angka sekecil ini, perubahan kecil pun "
                f"menjadi {pct} persen: terdengar luar biasa, padahal hanya {pts} poin persen. Sebutkan "
                "poin persennya, dan banyaknya kejadian yang sebenarnya.")
        elif abs(self.percent) >= 100:
            times = after / before
            lines.append(f"Angka akhir {format_number(times, 1)} kali angka awal: perubahan persen yang "
                         "besar ini sering dipakai untuk judul yang mengagetkan.")
        note = ("Poin persen: selisih dua persentase. Persen: selisih itu dibandingkan angka awal. Grafik "
                "bawah menggambar selisih dibanding angka awal yang dianggap 100.")
        return summary_html("Hasil", lines, note)

    def figure_notes(self) -> list[FigureNote]:
        note = EXAMPLES[self.example.value].note
        return [note] if note else []

    # -- challenge ----------------------------------------------------------------------------------
    def make_challenge(self) -> Challenge:
        return Challenge(
            "Angka awal **2%**, angka akhir **3%**. Naik berapa **persen**?",
            [("1%", "1"), ("50%", "50"), ("150%", "150")], self._challenge_answer,
            action="Isi 2% dan 3%, lalu lihat")

    def _challenge_answer(self) -> Answer:
        from cantik import indicators as ind

        self.fill(2.0, 3.0)
        percent = float(ind.percent_change(2.0, 3.0))
        points = float(ind.percentage_point_change(2.0, 3.0))
        key = min(["1", "50", "150"], key=lambda k: abs(float(k) - percent))
        return Answer(key, (
            f"Naik {format_number(points, 0)} poin persen, atau {format_percent(percent, 0)}: selisih "
            f"{format_number(points, 0)} poin dibanding angka awal 2 adalah setengahnya. Jawaban 1% "
            "tertukar dengan poin persen; 150% adalah angka akhir dibanding angka awal."))


def _decimals(value: float) -> int:
    """Decimals that show a typed percentage faithfully: 2 as a rule, more for a tiny one (0,001%)."""
    if value == 0 or value >= 0.01:
        return 2
    return min(6, len(format_typed(value, 6).split(",")[-1]))
