"""App 3 — Persen atau poin persen? The poverty example 4.54% → 4.01%, and the visitor's own figures.

Both changes come from :mod:`cantik.indicators` (``percentage_point_change`` and ``percent_change``).

Examples
--------
>>> app = PersenPoinApp()          # doctest: +SKIP
>>> app.points, round(app.percent, 1)   # doctest: +SKIP
(-0.53, -11.7)
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from cantik.apps import ui

#: (label, before, after, label of before, label of after, note). Reported figures are approximate.
EXAMPLES: list[tuple[str, float | None, float | None, str, str, str]] = [
    ("Kemiskinan HSS 2022 → 2023", 4.54, 4.01, "2022", "2023",
     "Persentase penduduk miskin Kab. Hulu Sungai Selatan 4,54% (2022) dan 4,01% (2023), seperti "
     "dilaporkan sumber sekunder (perkiraan, bukan angka resmi)."),
    ("Stunting menurut catatan posyandu", 5.4, 4.5, "tahun lalu", "tahun ini",
     "Sekitar 5,4% dan 4,5% menurut catatan penimbangan posyandu (e-PPGBM) di HSS, seperti dilaporkan "
     "sumber sekunder (perkiraan)."),
    ("Efek angka dasar kecil: 1% → 2%", 1.0, 2.0, "awal", "akhir",
     "Naik 1 poin persen terdengar kecil, tetapi itu naik 100 persen: dua kali lipat."),
    ("Isi sendiri", None, None, "awal", "akhir", ""),
]
CUSTOM = len(EXAMPLES) - 1


class PersenPoinApp(ui.AppBase):
    """Two percentages → change in percentage points and relative change in percent."""

    title = "Persen atau poin persen?"
    intro = (
        "Angka kemiskinan turun dari 4,54% menjadi 4,01%. Turun 0,53 persen? Bukan: turun 0,53 poin "
        "persen, atau turun sekitar 11,7 persen dari angka awalnya. Pilih contoh atau isi angka sendiri."
    )

    def __init__(self) -> None:
        super().__init__()
        self.example = ui.labelled(
            widgets.Dropdown(options=[(e[0], i) for i, e in enumerate(EXAMPLES)], value=0), "Contoh")
        self.before = ui.labelled(widgets.Text(value="4,54", continuous_update=False), "Angka awal (%)")
        self.after = ui.labelled(widgets.Text(value="4,01", continuous_update=False), "Angka akhir (%)")
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
        _label, before, after, *_ = EXAMPLES[change["new"]]
        if before is not None:
            self._filling = True
            try:
                self.before.value = ui.format_number(before, 2)
                self.after.value = ui.format_number(after, 2)
            finally:
                self._filling = False
        self.update()

    def _on_edit(self, _change: dict[str, Any]) -> None:
        if self._filling:
            return
        _label, before, after, *_ = EXAMPLES[self.example.value]
        try:
            typed = (ui.parse_number(self.before.value, "awal"), ui.parse_number(self.after.value, "akhir"))
            same = typed == (before, after)
        except ui.UserInputError:
            same = False
        if not same and self.example.value != CUSTOM:
            self._filling = True
            try:
                self.example.value = CUSTOM
            finally:
                self._filling = False
        self.update()

    # -- logic --------------------------------------------------------------------------------------
    def read(self) -> tuple[float, float]:
        """The two percentages typed by the visitor (validated)."""
        values = []
        for box, what in ((self.before, "Angka awal"), (self.after, "Angka akhir")):
            v = ui.parse_number(box.value, what)
            if not 0 <= v <= 100:
                raise ui.UserInputError(f"{what} adalah persentase: harus antara 0 dan 100.")
            values.append(v)
        return values[0], values[1]

    def update(self) -> None:
        from cantik import indicators as ind

        self.points = self.percent = None
        try:
            before, after = self.read()
            points = ind.percentage_point_change(before, after)
            percent = ind.percent_change(before, after)
        except ValueError as exc:  # UserInputError included
            self.chart.outputs = ()
            self.summary.value = ui.summary_html("Hasil", ["Belum ada hasil: perbaiki isian di atas."])
            raise exc if isinstance(exc, ui.UserInputError) else ui.user_error(exc) from None
        self.points, self.percent = float(points), float(percent)
        key = (before, after, self._labels()[:2])
        self._show_cached(key, lambda: (self.draw(before, after), self.alt_text(before, after)))
        self.summary.value = self.summary_text(before, after)

    def _labels(self) -> tuple[str, str, str]:
        _label, _b, _a, first, second, note = EXAMPLES[self.example.value]
        return first, second, note

    def draw(self, before: float, after: float) -> Any:
        first, second, _ = self._labels()
        (ax,) = self.axes(6.4, 3.8, left=0.12, bottom=0.12, top=0.85)
        bars = ax.bar([0, 1], [before, after], color=["#9db7d5", "#0b57a4"], width=0.55)
        ax.set_xticks([0, 1], [first, second])
        ax.set_xlim(-0.6, 1.6)
        for bar, v in zip(bars, (before, after), strict=True):
            ax.text(bar.get_x() + bar.get_width() / 2, v, f"{ui.format_number(v, 2)}%", ha="center",
                    va="bottom", fontsize=13)
        ax.set_ylim(0, max(before, after) * 1.3 or 1)
        ax.set_ylabel("Persen (%)")
        ax.set_title(
            f"{_signed(self.points, 2)} poin persen  =  {_signed(self.percent, 1)} persen dari angka awal",
            fontsize=12,
        )
        return ax.figure

    def alt_text(self, before: float, after: float) -> str:
        first, second, _ = self._labels()
        return (
            f"Dua batang: {first} {ui.format_number(before, 2)} persen, {second} "
            f"{ui.format_number(after, 2)} persen. Selisih {_signed(self.points, 2)} poin persen, "
            f"atau {_signed(self.percent, 1)} persen dari angka awal."
        )

    def summary_text(self, before: float, after: float) -> str:
        first, second, note = self._labels()
        verb = "naik" if self.points > 0 else "turun" if self.points < 0 else "tetap"
        pts = ui.format_number(abs(self.points), 2)
        pct = ui.format_number(abs(self.percent), 1)
        lines = [
            f"Perubahan poin persen: **{_signed(self.points, 2)} poin persen** (akhir − awal)",
            f"Perubahan persen: **{_signed(self.percent, 1)}%** ((akhir − awal) ÷ awal × 100)",
        ]
        if verb != "tetap":
            lines += [
                f"Kalimat yang tepat: \"{verb} {pts} poin persen, dari {ui.format_number(before, 2)}% "
                f"({first}) menjadi {ui.format_number(after, 2)}% ({second})\", atau \"{verb} sekitar "
                f"{pct} persen\".",
                f"Kalimat yang keliru: \"{verb} {pts} persen\".",
            ]
        else:
            lines.append("Angkanya tidak berubah.")
        return ui.summary_html("Hasil", lines, note)


def _signed(value: float | None, decimals: int) -> str:
    if value is None:
        return "–"
    text = ui.format_number(abs(value), decimals)
    return ("+" if value > 0 else "−" if value < 0 else "") + text
