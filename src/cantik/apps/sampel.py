"""App 5 — Sampel dan survei: draw samples of households, see sampling variability and margin of error.

The population is the keluarga table of the place. Each click draws a new simple random sample without
replacement; the interval is :func:`cantik.indicators.proportion_interval` (Wilson). The spread of 1,000
repeated samples is simulated exactly (the number of "yes" households in a sample without replacement
is hypergeometric).

Examples
--------
>>> app = SampelApp()                  # doctest: +SKIP
>>> app.size.value = 30                # doctest: +SKIP
>>> app.result.n                       # doctest: +SKIP
30
"""

from __future__ import annotations

from typing import Any, NamedTuple

import ipywidgets as widgets

from cantik.apps import ui
from cantik.apps.grafik import GARIS_KEMISKINAN

REPEATS = 1000

#: What the survey estimates: label, and the rule that makes a household count as "yes".
TARGETS = {
    "miskin": "Keluarga miskin (%)",
    "bansos": "Keluarga penerima bansos (%)",
}


class SampleResult(NamedTuple):
    """One sample, and the spread of many samples of the same size (all in percent)."""

    n: int
    population: int
    true_percent: float
    estimate: float
    lower: float
    upper: float
    spread_low: float  # 2.5th percentile of the repeated-sample estimates
    spread_high: float  # 97.5th percentile
    estimates: Any  # the REPEATS simulated estimates


class SampelApp(ui.AppBase):
    """Choose a sample size, draw samples, compare with the true value of the whole kelurahan."""

    title = "Sampel dan survei"
    intro = (
        "Survei tidak mendata semua keluarga, hanya sebagian (sampel). Pilih ukuran sampel lalu ambil "
        "sampel berkali-kali: hasilnya berubah-ubah di sekitar angka sebenarnya. Makin kecil sampel, makin "
        "besar ayunannya. Itulah sebabnya angka desa atau RT kecil mudah naik-turun."
    )

    def __init__(self, wilayah: str = "kandangan_utara", seed: int = 2025) -> None:
        super().__init__()
        self.wilayah = wilayah
        self.seed = seed
        self.draws = 0
        self.target = ui.labelled(
            widgets.Dropdown(options=[(v, k) for k, v in TARGETS.items()], value="bansos"),
            "Yang diperkirakan",
        )
        self.size = ui.labelled(widgets.IntSlider(value=50, min=10, max=1000, step=10),
                                "Ukuran sampel (keluarga)")
        self.again = widgets.Button(description="Ambil sampel baru", button_style="primary",
                                    layout=widgets.Layout(width="auto"))
        self.again.on_click(lambda _b: self.new_sample())
        self.result: SampleResult | None = None
        self._build(self.target, self.size, self.again)
        self._watch(self.target, self.size)
        self.update()

    def new_sample(self) -> None:
        """Draw another sample (a new random seed) and redraw."""
        self.draws += 1
        self.update()

    def population(self) -> Any:
        """A boolean array over the place's households: does it count as "yes"?"""
        import numpy as np

        keluarga = ui.load_table("keluarga", self.wilayah)
        if self.target.value == "miskin":
            flags = keluarga["pengeluaran_per_kapita"].to_numpy(dtype=float) < GARIS_KEMISKINAN
        elif self.target.value == "bansos":
            flags = (keluarga["penerima_bansos"].astype(str) == "Ya").to_numpy()
        else:
            raise ui.UserInputError("Pilih apa yang diperkirakan.")
        return np.asarray(flags, dtype=bool)

    def compute(self) -> SampleResult:
        import numpy as np

        from cantik import indicators as ind

        flags = self.population()
        big_n = len(flags)
        n = int(self.size.value)
        if not 1 <= n <= big_n:
            raise ui.UserInputError(
                f"Ukuran sampel harus antara 1 dan {ui.format_number(big_n)} (banyaknya keluarga).")
        rng = np.random.default_rng([self.seed, self.draws, n])
        sample = rng.choice(big_n, size=n, replace=False)
        yes = int(flags[sample].sum())
        try:
            interval = ind.proportion_interval(yes, n)
        except ValueError as exc:
            raise ui.user_error(exc) from None
        total_yes = int(flags.sum())
        estimates = rng.hypergeometric(total_yes, big_n - total_yes, n, size=REPEATS) / n * 100
        low, high = np.percentile(estimates, [2.5, 97.5])
        return SampleResult(n=n, population=big_n, true_percent=total_yes / big_n * 100,
                            estimate=interval.estimate, lower=interval.lower, upper=interval.upper,
                            spread_low=float(low), spread_high=float(high), estimates=estimates)

    def update(self) -> None:
        self.result = self.compute()
        self._show(self.draw(self.result), self.alt_text(self.result))
        self.summary.value = self.summary_text(self.result)

    def draw(self, r: SampleResult) -> Any:
        import numpy as np

        (ax,) = self.axes(6.4, 4.2, left=0.12, bottom=0.14, top=0.88)
        hi = max(float(np.max(r.estimates)), r.upper, r.true_percent) * 1.1 + 1
        step = max(100 / r.n, hi / 40)  # a sample of n gives multiples of 100/n %: one bar each
        ax.hist(r.estimates, bins=np.arange(0, hi + step, step), color="#c6d5e8",
                label=f"hasil {ui.format_number(REPEATS)} sampel lain")
        ax.axvline(r.true_percent, color="black", lw=2.5, label="angka sebenarnya")
        ymax = ax.get_ylim()[1]
        ax.errorbar([r.estimate], [ymax * 0.55], xerr=[[r.estimate - r.lower], [r.upper - r.estimate]],
                    fmt="o", color="#c25400", capsize=6, lw=2.5, ms=9, label="sampel ini dan selangnya")
        ax.set_xlim(0, hi)
        ax.set_xlabel("Persentase dari sampel (%)")
        ax.set_ylabel("Banyak sampel")
        ax.set_title(f"Sampel {ui.format_number(r.n)} dari {ui.format_number(r.population)} keluarga",
                     fontsize=12)
        ax.legend(loc="upper right", fontsize=10)
        return ax.figure

    def alt_text(self, r: SampleResult) -> str:
        return (
            f"Histogram hasil {REPEATS} sampel berukuran {r.n}: sebagian besar antara "
            f"{ui.format_number(r.spread_low, 1)} dan {ui.format_number(r.spread_high, 1)} persen. "
            f"Angka sebenarnya {ui.format_number(r.true_percent, 1)} persen; sampel ini "
            f"{ui.format_number(r.estimate, 1)} persen."
        )

    def summary_text(self, r: SampleResult) -> str:
        moe = (r.upper - r.lower) / 2
        lines = [
            f"Angka sebenarnya (semua {ui.format_number(r.population)} keluarga): "
            f"**{ui.format_number(r.true_percent, 1)}%**",
            f"Hasil sampel ini ({r.n} keluarga): **{ui.format_number(r.estimate, 1)}%**, selang "
            f"kepercayaan 95%: {ui.format_number(r.lower, 1)} – {ui.format_number(r.upper, 1)}%",
            f"Margin of error sekitar **±{ui.format_number(moe, 1)} poin persen**.",
            f"Dari {ui.format_number(REPEATS)} sampel berukuran {r.n}, 95% hasilnya antara "
            f"{ui.format_number(r.spread_low, 1)}% dan {ui.format_number(r.spread_high, 1)}%.",
        ]
        what = {
            "miskin": "Keluarga miskin: pengeluaran per kapita di bawah garis kemiskinan Rp644.107 "
                      "per bulan. ",
            "bansos": "Keluarga penerima bansos: menerima bantuan sosial menurut data keluarga. ",
        }[self.target.value]
        note = (what + "Perbesar ukuran sampel: ayunannya menyempit. Dengan sampel kecil, perbedaan "
                "beberapa poin persen antar-desa atau antar-tahun bisa terjadi hanya karena kebetulan.")
        return ui.summary_html("Hasil", lines, note)
