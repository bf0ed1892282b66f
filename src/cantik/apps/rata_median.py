"""App 2 — Rata-rata atau median? Household spending per person, and what a few rich households do.

The chart has a broken horizontal axis: on the left the spending of the place's households (a
histogram, with the median and the mean), on the right, beyond the break, the households far out: the
richest of the data and every rich household the visitor adds, one red dot each. The visitor sees the
outliers they add, and sees the mean (not the median) follow them.

Examples
--------
>>> app = RataMedianApp()          # doctest: +SKIP
>>> app.extra_count.value = 3      # doctest: +SKIP
>>> app.stats.mean > app.stats.median   # doctest: +SKIP
True
"""

from __future__ import annotations

from typing import Any, NamedTuple

import ipywidgets as widgets

from cantik.apps import charts, tables
from cantik.apps.base import AppBase
from cantik.apps.challenge import Answer, Challenge
from cantik.apps.formatting import format_number, format_percent, format_rupiah
from cantik.apps.layout import FigureNote, labelled, summary_html
from cantik.apps.messages import UserInputError

MILLION = 1_000_000
#: The challenge's situation: this many households with this spending (million Rp per person per month).
CHALLENGE = (10, 100)


class Stats(NamedTuple):
    """Mean and median with and without the added households (rupiah per person per month)."""

    n: int
    mean: float
    median: float
    base_mean: float
    base_median: float


def change_text(what: str, new: float, old: float) -> str:
    """How ``what`` moved, in rupiah and percent, never "naik 0,0%".

    Examples
    --------
    >>> change_text("median", 1_510_450, 1_510_450)
    'median tidak berubah'
    >>> change_text("median", 1_511_000, 1_510_450)
    'median naik Rp550 (kurang dari 0,1%)'
    >>> change_text("rata-rata", 2_500_000, 1_700_000)
    'rata-rata naik Rp800.000 (47,1%)'
    """
    if new == old:
        return f"{what} tidak berubah"
    verb = "naik" if new > old else "turun"
    share = abs(new - old) / old * 100
    pct = "kurang dari 0,1%" if share < 0.05 else format_percent(share, 1)
    return f"{what} {verb} {format_rupiah(abs(new - old))} ({pct})"


class RataMedianApp(AppBase):
    """Add very rich households to the spending data and watch the mean move while the median stays."""

    title = "Rata-rata atau median?"
    intro = (
        "Pengeluaran per kapita sebulan keluarga-keluarga di desa atau kelurahan yang dipilih. Tambahkan "
        "beberapa keluarga yang sangat kaya (titik merah di kanan grafik), lalu lihat: rata-rata langsung "
        "naik, median hampir tidak bergerak. Mana yang lebih mewakili keluarga pada umumnya?"
    )

    #: every household is a dot in the chart: real places are not offered
    row_level = True

    def __init__(self, wilayah: str | None = None) -> None:
        super().__init__()
        self.place_selector(wilayah)
        self.extra_count = labelled(widgets.IntSlider(value=0, min=0, max=20, step=1),
                                    "Keluarga sangat kaya yang ditambahkan")
        self.extra_value = labelled(
            widgets.IntSlider(value=50, min=5, max=200, step=5),
            "Pengeluaran per kapita keluarga kaya itu (juta rupiah per bulan)",
        )
        self.stats: Stats | None = None
        self._build(self.wilayah, self.extra_count, self.extra_value)
        self._watch(self.wilayah, self.extra_count, self.extra_value)
        self.update()
        # The first moves of the first slider, from where it starts.
        self.prefetch({"extra_count": [0, 1, 2, 3]})

    def values(self) -> tuple[Any, Any]:
        """Spending per person of the place's households, and of the added rich households (rupiah)."""
        import numpy as np

        keluarga = tables.load_table("keluarga", self.wilayah.value)
        base = keluarga["pengeluaran_per_kapita"].dropna().to_numpy(dtype=float)
        if len(base) == 0:
            raise UserInputError("Tidak ada data pengeluaran keluarga untuk wilayah ini.")
        count = int(self.extra_count.value)
        if not 0 <= count <= 1000:
            raise UserInputError("Banyaknya keluarga tambahan harus antara 0 dan 1.000.")
        amount = float(self.extra_value.value) * MILLION
        if amount <= 0:
            raise UserInputError("Pengeluaran keluarga tambahan harus lebih dari 0.")
        return base, np.full(count, amount)

    def update(self) -> None:
        import numpy as np

        self.stats = None
        base, extra = self.values()
        all_values = np.concatenate([base, extra])
        self.stats = Stats(
            n=len(all_values),
            mean=float(np.mean(all_values)),
            median=float(np.median(all_values)),
            base_mean=float(np.mean(base)),
            base_median=float(np.median(base)),
        )
        key = (self.wilayah.value, len(extra), float(extra[0]) if len(extra) else 0.0)
        self._show_cached(key, lambda: (self.draw(base, extra), self.alt_text(len(extra))))
        self.summary.value = self.summary_text(len(extra))
        self.show_notes()

    def draw(self, base: Any, extra: Any) -> Any:
        import numpy as np

        s = self.stats
        main, far = self.axes(height=4.6, cols=2, width_ratios=(3, 1), left=0.15, right=0.97, bottom=0.17,
                              top=0.8, wspace=0.12)
        # Left: the bulk of the data, up to the 99th percentile (and the mean, wherever it is).
        right = max(float(np.quantile(base, 0.99)), s.mean, s.median) * 1.08 / MILLION
        main.hist(base / MILLION, bins=36, range=(0, right), color=charts.LIGHT_BLUE,
                  label="keluarga di data")
        main.axvline(s.median / MILLION, color="#0b57a4", lw=3, label=f"median {format_rupiah(s.median, 3)}")
        main.axvline(s.mean / MILLION, color=charts.RED, lw=3, ls="--",
                     label=f"rata-rata {format_rupiah(s.mean, 3)}")
        main.set_xlim(0, right)
        charts.number_axis(main.xaxis)
        charts.number_axis(main.yaxis, whole=True)
        main.set_ylabel("Banyak keluarga")
        main.set_xlabel("Pengeluaran per kapita (juta Rp/bulan)")
        main.legend(loc="lower left", bbox_to_anchor=(0.0, 1.02), ncol=1, frameon=False, borderaxespad=0)
        # Right, beyond the break: every household further out, one dot each; the added ones in red.
        beyond = np.sort(base[base / MILLION > right]) / MILLION
        far_values = np.concatenate([beyond, extra / MILLION])
        lo = right
        hi = max(float(far_values.max()) if len(far_values) else right * 2, right * 1.5) * 1.1
        edges = np.linspace(lo, hi, 9)
        colours = ["#5c6f82"] * len(beyond) + [charts.RED] * len(extra)
        stack: dict[int, int] = {}
        xs, ys = [], []
        for v in far_values:
            slot = int(np.clip(np.searchsorted(edges, v) - 1, 0, len(edges) - 2))
            stack[slot] = stack.get(slot, 0) + 1
            xs.append((edges[slot] + edges[slot + 1]) / 2)
            ys.append(stack[slot])
        far.scatter(xs, ys, c=colours, s=30, zorder=3)
        far.set_xlim(lo, hi)
        far.set_ylim(0, max([*ys, 10]) + 1)
        far.set_yticks([])
        far.spines["left"].set_visible(False)
        charts.number_axis(far.xaxis, nbins=2)
        far.set_title("jauh di\nkanan", loc="left", fontsize=charts.MIN_FONT_SIZE)
        if len(extra):
            far.text(0.98, 0.98, f"+{len(extra)}", transform=far.transAxes, ha="right", va="top",
                     color=charts.RED, fontsize=13, fontweight="bold")
        # The break between the two panels.
        mark = {"marker": [(-1, -1.5), (1, 1.5)], "markersize": 10, "linestyle": "none", "color": "k",
                "mec": "k", "mew": 1, "clip_on": False}
        main.plot([1], [0], transform=main.transAxes, **mark)
        far.plot([0], [0], transform=far.transAxes, **mark)
        return main.figure

    def alt_text(self, added: int) -> str:
        s = self.stats
        extra = (f" Di kanan grafik, {added} keluarga sangat kaya yang ditambahkan, titik merah."
                 if added else "")
        return (
            f"Histogram pengeluaran per kapita {format_number(s.n)} keluarga. Median "
            f"{format_rupiah(s.median, 3)}, rata-rata {format_rupiah(s.mean, 3)}.{extra}"
        )

    def summary_text(self, added: int) -> str:
        s = self.stats
        lines = [
            f"Banyak keluarga: **{format_number(s.n)}**"
            + (f" (termasuk {added} keluarga tambahan)" if added else ""),
            f"Median: **{format_rupiah(s.median, 3)}**",
            f"Rata-rata: **{format_rupiah(s.mean, 3)}**",
        ]
        if added:
            lines.append(f"Karena {added} keluarga kaya, {change_text('rata-rata', s.mean, s.base_mean)}, "
                         f"sedangkan {change_text('median', s.median, s.base_median)}.")
        else:
            lines.append("Geser penggeser di atas untuk menambahkan keluarga yang sangat kaya: mereka "
                         "muncul sebagai titik merah di kanan grafik.")
        gap = (s.mean - s.median) / s.median * 100
        lines.append(f"Rata-rata {format_percent(abs(gap), 1)} {'di atas' if gap >= 0 else 'di bawah'} "
                     "median: " + ("datanya timpang ke kanan." if gap > 5 else "datanya cukup simetris."))
        note = (
            "Pengeluaran dan pendapatan biasanya timpang: sedikit keluarga punya angka sangat besar. "
            "Rata-rata ikut tertarik ke atas, median tidak. Untuk menggambarkan keluarga pada umumnya, "
            "**median** lebih mewakili."
        )
        return summary_html(f"Ringkasan, {self.place_label}", lines, note)

    def figure_notes(self) -> list[FigureNote]:
        place = self.place_label
        return [FigureNote(
            "Pengeluaran per kapita", "Pengeluaran keluarga sebulan dibagi banyaknya anggota keluarga. "
            "Keluarga sangat kaya yang Anda tambahkan bukan bagian dari data.",
            "rupiah per kapita per bulan", f"tabel keluarga {place}",
            f"tanggal rujukan {tables.reference_date_text(self.place_key)}")]

    def make_challenge(self) -> Challenge:
        count, value = CHALLENGE
        return Challenge(
            f"Jika ditambahkan **{count} keluarga** yang pengeluarannya **{value} juta rupiah** per kapita "
            "per bulan, **median** naik berapa?",
            [("Hampir tidak naik (kurang dari 1%)", "kecil"), ("Naik 1% sampai 10%", "sedang"),
             ("Naik lebih dari 10%", "besar")],
            self._challenge_answer, action="Tambahkan dan lihat")

    def _challenge_answer(self) -> Answer:
        count, value = CHALLENGE
        self.extra_value.value = value
        self.extra_count.value = count
        s = self.stats
        if s is None:
            raise UserInputError("Hasil belum bisa dihitung. Muat ulang halaman.")
        share = (s.median - s.base_median) / s.base_median * 100
        key = "kecil" if share < 1 else "sedang" if share <= 10 else "besar"
        return Answer(key, (
            f"Dengan {count} keluarga itu, {change_text('median', s.median, s.base_median)}, sedangkan "
            f"{change_text('rata-rata', s.mean, s.base_mean)}. Median hanya melihat keluarga yang di "
            "tengah urutan; rata-rata menjumlahkan semuanya, termasuk yang sangat kaya."))
