"""App 5 — Sampel dan survei: draw samples of households, see how results swing and how often intervals miss.

The population is the keluarga table of the place. Each click draws a new simple random sample without
replacement; its 95% interval is :func:`cantik.indicators.proportion_interval` (Wilson) with the finite
population correction (the sample is drawn without replacement from a known number of households). The
visitor's own samples accumulate (per target and size): their intervals are drawn one under the other, the
ones that miss the true value in red, with the count of those that cover it. The spread of 1,000 other
samples is simulated exactly (the number of "yes" households in a sample without replacement is
hypergeometric), with one bar per possible result (a sample of n gives multiples of 100/n percent).

Examples
--------
>>> app = SampelApp()                  # doctest: +SKIP
>>> app.size.value = 30                # doctest: +SKIP
>>> app.result.n                       # doctest: +SKIP
30
"""

from __future__ import annotations

import functools
import math
from typing import Any, NamedTuple

import ipywidgets as widgets

from cantik.apps import charts, tables
from cantik.apps.base import AppBase
from cantik.apps.challenge import Answer, Challenge
from cantik.apps.formatting import format_number, format_percent, format_rupiah
from cantik.apps.layout import FigureNote, button, labelled, summary_html
from cantik.apps.messages import UserInputError, user_error
from cantik.data.calibration import GARIS_KEMISKINAN
from cantik.errors import DataFormatError, DataNotFoundError

REPEATS = 1000
#: Sample sizes offered (households); each is a button, easy to tap on a phone.
SIZES = [10, 20, 30, 50, 100, 200, 500, 1000]
#: Samples drawn by the "many at once" button.
BATCH = 20
#: The visitor's intervals drawn at most (the most recent ones).
SHOWN_INTERVALS = 25

#: What the survey estimates: label, and the definition (how a household counts as "yes").
TARGETS = {
    "miskin": "Keluarga miskin (%)",
    "bansos": "Keluarga penerima bansos (%)",
}
DEFINITIONS = {
    "miskin": f"Keluarga yang pengeluaran per kapitanya di bawah garis kemiskinan "
              f"{format_rupiah(GARIS_KEMISKINAN)} per bulan (Kalimantan Selatan, September 2024).",
    "bansos": "Keluarga yang tercatat menerima bantuan sosial (bansos).",
}


class Interval(NamedTuple):
    """One sample's estimate and its 95% interval (percent)."""

    estimate: float
    lower: float
    upper: float


class SampleResult(NamedTuple):
    """The latest sample, and the spread of many samples of the same size (all in percent)."""

    n: int
    population: int
    true_percent: float
    estimate: float
    lower: float
    upper: float
    spread_low: float  # 2.5th percentile of the repeated-sample estimates
    spread_high: float  # 97.5th percentile
    estimates: Any  # the REPEATS simulated estimates
    history: tuple[Interval, ...]  # the visitor's samples of this target and size, oldest first
    coverage: float  # exact probability (percent) that an interval of this size covers the true value
    plain_half_width: float  # half-width of the latest interval without the finite population correction

    @property
    def covered(self) -> int:
        """How many of the visitor's intervals contain the true value."""
        return sum(covers(i, self.true_percent) for i in self.history)


def covers(interval: Interval, true_percent: float) -> bool:
    """Does ``interval`` contain the true value? (a tiny tolerance for rounding)."""
    return interval.lower - 1e-9 <= true_percent <= interval.upper + 1e-9


def draw_sample(flags: Any, n: int, rng: Any) -> Interval:
    """Draw ``n`` of the households without replacement; the estimate and its corrected interval.

    Examples
    --------
    >>> import numpy as np
    >>> flags = np.array([True] * 10 + [False] * 90)
    >>> r = draw_sample(flags, 100, np.random.default_rng(1))   # everyone: no sampling error
    >>> r.estimate, r.lower, r.upper
    (10.0, 10.0, 10.0)
    """
    from cantik import indicators as ind

    picked = rng.choice(len(flags), size=n, replace=False)
    yes = int(flags[picked].sum())
    try:
        r = ind.proportion_interval(yes, n, population=len(flags))
    except ValueError as exc:
        raise user_error(exc) from None
    return Interval(r.estimate, r.lower, r.upper)


@functools.lru_cache(maxsize=64)
def exact_coverage(total_yes: int, population: int, n: int) -> float:
    """Probability (percent) that the corrected Wilson interval of a sample of ``n`` covers the truth.

    Sums the hypergeometric probability of every possible number of "yes" households in the sample
    whose interval contains the true value.
    """
    from cantik import indicators as ind

    true = total_yes / population * 100
    log_all = _log_comb(population, n)
    total = 0.0
    for k in range(max(0, n - (population - total_yes)), min(n, total_yes) + 1):
        r = ind.proportion_interval(k, n, population=population)
        if covers(Interval(r.estimate, r.lower, r.upper), true):
            total += math.exp(_log_comb(total_yes, k) + _log_comb(population - total_yes, n - k) - log_all)
    return total * 100


def _log_comb(a: int, b: int) -> float:
    return math.lgamma(a + 1) - math.lgamma(b + 1) - math.lgamma(a - b + 1)


def bin_edges(n: int, high: float, max_bins: int = 40) -> Any:
    """Histogram edges with one bar per possible result (multiples of 100/n), or per few of them.

    Each bar is centred on a possible result: a sample of 10 gives 0%, 10%, 20% ..., and the bar of 0%
    spans −5 to 5, not 0 to 10.

    Examples
    --------
    >>> bin_edges(10, 30)[:3]
    array([-5.,  5., 15.])
    """
    import numpy as np

    unit = 100 / n
    per_bar = max(1, math.ceil(high / unit / max_bins))
    count = math.ceil(high / unit / per_bar) + 1
    return (np.arange(count + 1) * per_bar - 0.5) * unit


class SampelApp(AppBase):
    """Choose a sample size, draw samples, compare with the true value of the whole place."""

    title = "Sampel dan survei"
    intro = (
        "Survei tidak mendata semua keluarga, hanya sebagian (sampel). Pilih ukuran sampel lalu ambil "
        "sampel berkali-kali: hasilnya berubah-ubah di sekitar angka sebenarnya, dan sesekali selangnya "
        "meleset. Makin kecil sampel, makin besar ayunannya. Itulah sebabnya angka desa atau RT kecil "
        "mudah naik-turun."
    )

    def __init__(self, wilayah: str | None = None, seed: int = 2025) -> None:
        super().__init__()
        self.place_selector(wilayah)
        self.seed = seed
        self.target = labelled(
            widgets.Dropdown(options=[(v, k) for k, v in TARGETS.items()], value="bansos"),
            "Yang diperkirakan",
        )
        self.size = labelled(widgets.ToggleButtons(options=[(format_number(s), s) for s in SIZES], value=50),
                             "Ukuran sampel (keluarga)")
        self.again = button("Ambil 1 sampel lagi", primary=True)
        self.many = button(f"Ambil {BATCH} sampel sekaligus")
        self.again.on_click(lambda _b: self.new_sample())
        self.many.on_click(lambda _b: self.new_sample(BATCH))
        #: The visitor's samples per (target, size), oldest first; and how many were drawn in all.
        self.histories: dict[tuple[str, int], list[Interval]] = {}
        self.draws: dict[tuple[str, int], int] = {}
        self.result: SampleResult | None = None
        buttons = widgets.Box([self.again, self.many],
                              layout=widgets.Layout(flex_flow="row wrap", width="100%"))
        self._build(self.wilayah, self.target, self.size, buttons)
        self._watch(self.wilayah, self.target, self.size)
        self._fit_sizes()
        self.update()

    # -- samples ------------------------------------------------------------------------------------
    def population(self) -> Any:
        """A boolean array over the place's households: does it count as "yes"?"""
        import numpy as np

        keluarga = tables.load_table("keluarga", self.place_key)
        if self.target.value == "miskin":
            flags = keluarga["pengeluaran_per_kapita"].to_numpy(dtype=float) < GARIS_KEMISKINAN
        elif self.target.value == "bansos":
            flags = (keluarga["penerima_bansos"].astype(str) == "Ya").to_numpy()
        else:
            raise UserInputError("Pilih apa yang diperkirakan.")
        return np.asarray(flags, dtype=bool)

    def place_changed(self) -> None:
        """A new place: a new population, so the samples drawn so far are forgotten."""
        self.histories.clear()
        self.draws.clear()
        self._fit_sizes()

    def _fit_sizes(self) -> None:
        """Offer only sample sizes smaller than the place's number of households (a desa of 200 families has
        no sample of 500); the chosen size stays when the new place has it, else the largest up to 50."""
        try:
            households = len(tables.load_table("keluarga", self.place_key))
        except (DataNotFoundError, DataFormatError):
            return  # no table: the sizes stay, and the update says what is missing and how to make it
        sizes = [s for s in SIZES if s < households] or SIZES[:1]
        options = [(format_number(s), s) for s in sizes]
        if list(self.size.options) == options:
            return
        small = [s for s in sizes if s <= 50] or sizes[:1]
        value = self.size.value if self.size.value in sizes else max(small)
        quiet, self._quiet = self._quiet, True
        try:
            self.size.options = options
            self.size.value = value
        finally:
            self._quiet = quiet

    def _key(self) -> tuple[str, int]:
        return (str(self.target.value), int(self.size.value))

    def _check_size(self, flags: Any) -> int:
        n = int(self.size.value)
        if not 1 <= n <= len(flags):
            raise UserInputError(
                f"Ukuran sampel harus antara 1 dan {format_number(len(flags))} (banyaknya keluarga).")
        return n

    def new_sample(self, count: int = 1) -> None:
        """Draw ``count`` more samples of the chosen size and redraw."""
        self._draw_samples(count)
        self.update()

    def _draw_samples(self, count: int) -> None:
        import numpy as np

        flags = self.population()
        n = self._check_size(flags)
        key = self._key()
        history = self.histories.setdefault(key, [])
        for _ in range(count):
            index = self.draws.get(key, 0)
            self.draws[key] = index + 1
            rng = np.random.default_rng([self.seed, list(TARGETS).index(key[0]), n, index])
            history.append(draw_sample(flags, n, rng))

    def compute(self) -> SampleResult:
        import numpy as np

        from cantik import indicators as ind

        flags = self.population()
        big_n = len(flags)
        n = self._check_size(flags)
        if not self.histories.get(self._key()):
            self._draw_samples(1)
        history = tuple(self.histories[self._key()])
        latest = history[-1]
        total_yes = int(flags.sum())
        rng = np.random.default_rng([self.seed, n, total_yes])  # the same 1,000 others for this size
        estimates = rng.hypergeometric(total_yes, big_n - total_yes, n, size=REPEATS) / n * 100
        low, high = np.percentile(estimates, [2.5, 97.5])
        yes = round(latest.estimate * n / 100)
        plain = ind.proportion_interval(yes, n)
        return SampleResult(
            n=n, population=big_n, true_percent=total_yes / big_n * 100, estimate=latest.estimate,
            lower=latest.lower, upper=latest.upper, spread_low=float(low), spread_high=float(high),
            estimates=estimates, history=history, coverage=exact_coverage(total_yes, big_n, n),
            plain_half_width=(plain.upper - plain.lower) / 2)

    def control_state(self) -> tuple:
        key = self._key()
        return (*key, len(self.histories.get(key, [])))

    def update(self) -> None:
        self.result = None
        r = self.compute()
        self.result = r
        self._show_cached(self.control_state(), lambda: (self.draw(r), self.alt_text(r)))
        self.summary.value = self.summary_text(r)
        self.show_notes()

    # -- chart --------------------------------------------------------------------------------------
    def draw(self, r: SampleResult) -> Any:
        import numpy as np

        shown = r.history[-SHOWN_INTERVALS:]
        height, layout = charts.stacked([2.4, 0.75 + 0.16 * max(len(shown), 5)], gap=1.3, top=1.3)
        top, bottom = self.axes(height=height, left=0.15, right=0.95, **layout)
        high = min(100.0, max(float(np.max(r.estimates)), max(i.upper for i in shown), r.true_percent)
                   * 1.1 + 100 / r.n)
        edges = bin_edges(r.n, high)
        one_each = edges[1] - edges[0] <= 100 / r.n + 1e-9
        top.hist(r.estimates, bins=edges, color=charts.LIGHT_BLUE, rwidth=0.8 if one_each else 1.0,
                 label=f"{format_number(REPEATS)} sampel lain")
        top.axvline(r.true_percent, color="black", lw=2.5, label="angka sebenarnya")
        top.plot([r.estimate], [0], marker="v", ms=13, color=charts.ORANGE, clip_on=False, ls="none",
                 label="sampel terakhir Anda", transform=top.get_xaxis_transform())
        charts.number_axis(top.yaxis, whole=True)
        top.set_ylabel("Banyak sampel")
        top.figure.suptitle(f"Hasil sampel {format_number(r.n)} keluarga", x=0.02, y=1 - 0.12 / height,
                            ha="left", va="top", fontsize=13, fontweight="bold")
        top.legend(loc="lower left", bbox_to_anchor=(-0.02, 1.02), ncol=2, frameon=False, borderaxespad=0,
                   columnspacing=1.0, handlelength=1.5)

        rows = np.arange(len(shown))[::-1]  # the latest at the top
        hit = [covers(i, r.true_percent) for i in shown]
        colours = [charts.BLUE if h else charts.RED for h in hit]
        bottom.hlines(rows, [i.lower for i in shown], [i.upper for i in shown], colors=colours,
                      lw=[2.5 if h else 3.5 for h in hit])
        bottom.scatter([i.estimate for i in shown], rows, color=colours, s=22, zorder=3)
        bottom.axvline(r.true_percent, color="black", lw=2.5)
        bottom.set_yticks([])
        bottom.set_ylim(-1.9, max(len(shown), 5) - 0.2)  # a free row at the bottom for the note
        missed = len(r.history) - r.covered
        bottom.set_title(f"Selang dari sampel Anda:\n{r.covered} dari {len(r.history)} memuat angka "
                         "sebenarnya", loc="left")
        bottom.text(0.99, -1.3, f"merah = meleset ({missed})", transform=bottom.get_yaxis_transform(),
                    ha="right", va="center", color=charts.RED, fontsize=charts.MIN_FONT_SIZE)
        for ax in (top, bottom):
            ax.set_xlim(edges[0], high)
            charts.number_axis(ax.xaxis, suffix="%")
        bottom.set_xlabel("Persentase dari sampel")
        return top.figure

    def alt_text(self, r: SampleResult) -> str:
        return (
            f"Atas: histogram hasil {format_number(REPEATS)} sampel berukuran {format_number(r.n)}, sebagian "
            "besar antara "
            f"{format_number(r.spread_low, 1)} dan {format_number(r.spread_high, 1)} persen; angka "
            f"sebenarnya {format_number(r.true_percent, 1)} persen; sampel terakhir Anda "
            f"{format_number(r.estimate, 1)} persen. Bawah: {len(r.history)} selang dari sampel Anda, "
            f"{r.covered} mengenai angka sebenarnya."
        )

    # -- words --------------------------------------------------------------------------------------
    def summary_text(self, r: SampleResult) -> str:
        half = (r.upper - r.lower) / 2
        lines = [
            f"Angka sebenarnya (semua {format_number(r.population)} keluarga): "
            f"**{format_percent(r.true_percent, 1)}**",
            f"Sampel terakhir Anda ({format_number(r.n)} keluarga): **{format_percent(r.estimate, 1)}**, "
            f"selang kepercayaan 95%: {format_number(r.lower, 1)}–{format_percent(r.upper, 1)}; batas "
            f"kesalahannya sekitar **±{format_number(half, 1)} poin persen**.",
            f"Sampel Anda dengan ukuran ini: {len(r.history)}; **{r.covered} selang mengenai** angka "
            f"sebenarnya, {len(r.history) - r.covered} meleset. Selang 95% mengenai sekitar 95 dari 100 "
            f"(untuk ukuran ini tepatnya {format_percent(r.coverage, 1)}).",
            f"Dari {format_number(REPEATS)} sampel lain berukuran {format_number(r.n)}, 95% hasilnya antara "
            f"{format_number(r.spread_low, 1)}% dan {format_percent(r.spread_high, 1)}.",
        ]
        if r.n / r.population >= 0.05:
            lines.append(
                f"Sampel ini {format_percent(r.n / r.population * 100, 0)} dari semua keluarga dan diambil "
                f"tanpa pengembalian, jadi selangnya **sudah dikoreksi** (koreksi populasi terbatas): "
                f"±{format_number(half, 1)} poin persen, bukan ±{format_number(r.plain_half_width, 1)} "
                "seperti untuk populasi yang sangat besar.")
        if r.n < 30:
            lines.append("Sampel sekecil ini berayun jauh: satu keluarga saja menggeser hasil "
                         f"{format_number(100 / r.n, 1)} poin persen.")
        note = (DEFINITIONS[self.target.value] + " Perbesar ukuran sampel: ayunannya menyempit. Dengan "
                "sampel kecil, perbedaan beberapa poin persen antar-desa atau antar-tahun bisa terjadi hanya "
                "karena kebetulan.")
        return summary_html(f"Hasil, {self.place_label}", lines, note)

    def figure_notes(self) -> list[FigureNote]:
        place = self.place_label
        notes = [
            FigureNote(TARGETS[self.target.value].removesuffix(" (%)"), DEFINITIONS[self.target.value],
                       "persen keluarga", f"tabel keluarga {place}",
                       f"tanggal rujukan {tables.reference_date_text(self.place_key)}"),
            FigureNote("Selang kepercayaan 95%", "Selang Wilson dengan koreksi populasi terbatas: dari "
                       "100 sampel, sekitar 95 selangnya memuat angka sebenarnya.", "persen",
                       "dihitung dari sampel acak tanpa pengembalian", "setiap sampel"),
        ]
        if self.target.value == "miskin":
            notes.append(FigureNote(
                "Garis kemiskinan", "Pengeluaran per kapita per bulan minimum untuk memenuhi kebutuhan "
                "dasar makanan dan bukan makanan.", "rupiah per kapita per bulan",
                "BPS Provinsi Kalimantan Selatan, seperti dilaporkan", "September 2024", sintetis=False))
        return notes

    # -- challenge ----------------------------------------------------------------------------------
    def make_challenge(self) -> Challenge:
        return Challenge(
            f"Anda akan mengambil **{BATCH} sampel** berukuran 30 keluarga. Berapa dari {BATCH} selangnya "
            "yang kira-kira **meleset** (tidak memuat angka sebenarnya)?",
            [("Tidak ada", "0"), ("Sekitar 1", "1"), ("Sekitar 5", "5"), ("Sekitar 10", "10")],
            self._challenge_answer, action=f"Ambil {BATCH} sampel dan lihat",
        )

    def _challenge_answer(self) -> Answer:
        self.size.value = 30
        self.histories[self._key()] = []
        self.new_sample(BATCH)
        r = self.result
        if r is None:
            raise UserInputError("Sampel belum bisa diambil. Muat ulang halaman.")
        expected = BATCH * (1 - r.coverage / 100)
        key = min(["0", "1", "5", "10"], key=lambda k: abs(int(k) - expected))
        missed = len(r.history) - r.covered
        return Answer(key, (
            f"Barusan {missed} dari {BATCH} selang Anda meleset. Selang 95% memuat angka sebenarnya "
            f"sekitar 95 dari 100 kali (untuk ukuran ini {format_percent(r.coverage, 1)}), jadi rata-rata "
            f"sekitar {format_number(expected, 1)} dari {BATCH} meleset. Banyaknya yang meleset juga "
            "berayun: ambil 20 lagi dan lihat."))
