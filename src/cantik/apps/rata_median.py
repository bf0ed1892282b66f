"""App 2 — Rata-rata atau median? Household spending per person, and what one rich household does.

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

from cantik.apps import ui


class Stats(NamedTuple):
    """Mean and median with and without the added households (rupiah per person per month)."""

    n: int
    mean: float
    median: float
    base_mean: float
    base_median: float


class RataMedianApp(ui.AppBase):
    """Add very rich households to the spending data and watch the mean move while the median stays."""

    title = "Rata-rata atau median?"
    intro = (
        "Pengeluaran per kapita sebulan keluarga-keluarga di kelurahan. Tambahkan beberapa keluarga yang "
        "sangat kaya, lalu lihat: rata-rata langsung naik, median hampir tidak bergerak. Mana yang lebih "
        "mewakili keluarga pada umumnya?"
    )

    def __init__(self, wilayah: str = "kandangan_utara") -> None:
        super().__init__()
        self.wilayah = ui.labelled(widgets.Dropdown(options=ui.wilayah_options(), value=wilayah), "Wilayah")
        self.extra_count = ui.labelled(widgets.IntSlider(value=0, min=0, max=20, step=1),
                                       "Keluarga sangat kaya yang ditambahkan")
        self.extra_value = ui.labelled(
            widgets.IntSlider(value=50, min=5, max=200, step=5),
            "Pengeluaran per kapita keluarga kaya itu (juta Rp/bulan)",
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

        keluarga = ui.load_table("keluarga", self.wilayah.value)
        base = keluarga["pengeluaran_per_kapita"].dropna().to_numpy(dtype=float)
        if len(base) == 0:
            raise ui.UserInputError("Tidak ada data pengeluaran keluarga untuk wilayah ini.")
        count = int(self.extra_count.value)
        if not 0 <= count <= 1000:
            raise ui.UserInputError("Banyaknya keluarga tambahan harus antara 0 dan 1.000.")
        amount = float(self.extra_value.value) * 1_000_000
        if amount <= 0:
            raise ui.UserInputError("Pengeluaran keluarga tambahan harus lebih dari 0.")
        return base, np.full(count, amount)

    def update(self) -> None:
        import numpy as np

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
        self._show_cached(key, lambda: (self.draw(base, extra), self.alt_text()))
        self.summary.value = self.summary_text(len(extra))

    def draw(self, base: Any, extra: Any) -> Any:
        s = self.stats
        import numpy as np

        (ax,) = self.axes(6.4, 4.0, left=0.12, bottom=0.16)

        right = max(float(np.quantile(base, 0.99)), s.mean) * 1.1 / 1000
        beyond = int((base / 1000 > right).sum()) + len(extra)
        ax.hist(base / 1000, bins=40, range=(0, right), color="#9db7d5", label="keluarga di data")
        ax.axvline(s.median / 1000, color="#0b57a4", lw=3, label=f"median: {_rp(s.median)}")
        ax.axvline(s.mean / 1000, color="#b3261e", lw=3, ls="--", label=f"rata-rata: {_rp(s.mean)}")
        if beyond:
            text = f"{beyond} keluarga di atas {_rp(right * 1000)}\n(di luar grafik, ke kanan) →"
            if len(extra):
                text = f"+ {len(extra)} keluarga tambahan, {_rp(float(extra[0]))}\n" + text
            ax.annotate(text, xy=(0.98, 0.5), xycoords="axes fraction", ha="right", fontsize=11)
        ax.set_xlim(0, right)
        ax.set_xlabel("Pengeluaran per kapita (ribu Rp/bulan)")
        ax.set_ylabel("Banyak keluarga")
        ax.legend(loc="upper right")
        return ax.figure

    def alt_text(self) -> str:
        s = self.stats
        return (
            f"Histogram pengeluaran per kapita {s.n} keluarga. Median {_rp(s.median)}, "
            f"rata-rata {_rp(s.mean)}."
        )

    def summary_text(self, added: int) -> str:
        s = self.stats
        mean_shift = (s.mean - s.base_mean) / s.base_mean * 100
        median_shift = (s.median - s.base_median) / s.base_median * 100
        lines = [
            f"Banyak keluarga: **{ui.format_number(s.n)}**"
            + (f" (termasuk {added} keluarga tambahan)" if added else ""),
            f"Median: **{_rp(s.median)}**",
            f"Rata-rata: **{_rp(s.mean)}**",
        ]
        if added:
            lines += [
                f"Karena {added} keluarga kaya, rata-rata naik {ui.format_number(mean_shift, 1)}%, "
                f"median hanya naik {ui.format_number(median_shift, 1)}%.",
            ]
        else:
            lines += ["Geser penggeser di atas untuk menambahkan keluarga yang sangat kaya."]
        note = (
            "Pengeluaran dan pendapatan biasanya timpang: sedikit keluarga punya angka sangat besar. "
            "Rata-rata ikut tertarik ke atas, median tidak. Untuk menggambarkan keluarga pada umumnya, "
            "**median** lebih mewakili."
        )
        return ui.summary_html("Ringkasan", lines, note)


def _rp(value: float) -> str:
    """Rupiah, rounded to a thousand: ``Rp1.234.000``."""
    return "Rp " + ui.format_number(round(value, -3))
