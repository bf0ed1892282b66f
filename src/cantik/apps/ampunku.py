"""App 6 — Dasbor AMPUNKU (Antar Jemput Pasien Kandangan Utara): trips and waiting times, with filters.

Honest by construction: every month of the service's period is on the chart (a month without trips shows
0, it does not vanish); RTs are compared by trips **per 100 residents** (RTs differ in size), with rates
from fewer than :data:`FEW_TRIPS` trips marked; waiting times speak of trips, not residents, and the 90th
percentile is given only from :data:`MIN_FOR_PERCENTILE` trips up.

Examples
--------
>>> app = AmpunkuApp()              # doctest: +SKIP
>>> app.tujuan.value = "RSUD"       # doctest: +SKIP
>>> app.trips                       # doctest: +SKIP
231
"""

from __future__ import annotations

from typing import Any, NamedTuple

import ipywidgets as widgets

from cantik.apps import charts, tables
from cantik.apps.base import AppBase
from cantik.apps.challenge import Answer, Challenge
from cantik.apps.formatting import format_number, format_percent
from cantik.apps.layout import FigureNote, labelled, summary_html
from cantik.apps.messages import DATA_ERRORS, UserInputError
from cantik.data.schema import LAYANAN_AMPUNKU, TUJUAN_AMPUNKU

ALL = ""
MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
#: A rate from fewer trips than this is marked as unsteady.
FEW_TRIPS = 10
#: Below this many trips the app warns that the figures rest on few trips.
FEW_TOTAL = 30
#: "9 of 10 trips waited at most …" only from this many trips up.
MIN_FOR_PERCENTILE = 20

GROUP_TITLES = {
    "bulan": "Perjalanan per bulan",
    "rt": "Perjalanan per 100 penduduk, menurut RT",
    "tujuan": "Perjalanan menurut tujuan",
}


class Bars(NamedTuple):
    """What the top chart shows: labels (top to bottom), values, raw trip counts, unsteady flags."""

    labels: list[str]
    values: list[float]
    counts: list[int]
    few: list[bool]
    decimals: int
    unit: str


def month_label(period: Any) -> str:
    """``Mei 2025`` for the period 2025-05."""
    return f"{MONTHS[period.month - 1]} {period.year}"


class AmpunkuApp(AppBase):
    """Filter the AMPUNKU trips; trips by month, per 100 residents by RT, or by destination; waiting times."""

    title = "Dasbor AMPUNKU"
    intro = (
        "AMPUNKU (Antar Jemput Pasien Kandangan Utara) mengantar dan menjemput warga yang berobat ke "
        "puskesmas atau RSUD. Pilih tujuan, jenis layanan, dan RT untuk melihat banyaknya perjalanan dan "
        "berapa lama pasien menunggu kendaraan datang."
    )

    #: AMPUNKU is Kandangan Utara's own service: only places with such a table are offered
    place_table = "ampunku"
    place_table_name = "layanan antar-jemput pasien (tabel AMPUNKU)"

    def __init__(self, wilayah: str | None = None) -> None:
        super().__init__()
        self.place_selector(wilayah)
        self.tujuan = labelled(
            widgets.Dropdown(options=[("Semua tujuan", ALL)] + [(t, t) for t in TUJUAN_AMPUNKU], value=ALL),
            "Tujuan")
        self.layanan = labelled(
            widgets.Dropdown(options=[("Semua layanan", ALL)] + [(t, t) for t in LAYANAN_AMPUNKU], value=ALL),
            "Jenis layanan")
        self.rt = labelled(widgets.Dropdown(options=[("Semua RT", 0)], value=0), "RT")
        self.group = labelled(
            widgets.ToggleButtons(
                options=[("Per bulan", "bulan"), ("Per RT", "rt"), ("Per tujuan", "tujuan")], value="bulan"),
            "Tampilkan")
        self.trips = 0
        self.filtered: Any = None
        self.bars: Bars | None = None
        self.place_changed()
        self._build(self.wilayah, self.tujuan, self.layanan, self.rt, self.group)
        self._watch(self.wilayah, self.tujuan, self.layanan, self.rt, self.group)
        self.update()
        self.prefetch({"group": ["bulan", "rt", "tujuan"], "tujuan": [ALL, *TUJUAN_AMPUNKU]})

    def place_changed(self) -> None:
        """Offer the RTs of the place's trips."""
        try:
            rts = sorted(int(r) for r in tables.load_table("ampunku", self.place_key)["rt"].unique())
            self.rt.options = [("Semua RT", 0)] + [(f"RT {r}", r) for r in rts]
            self.rt.value = 0
        except DATA_ERRORS:
            pass  # update() shows the loader's message

    # -- data ---------------------------------------------------------------------------------------
    def filter(self) -> Any:
        """The trips matching the filters (raises a message when none match)."""
        trips = tables.load_table("ampunku", self.place_key)
        mask = trips["rt"] > 0
        if self.tujuan.value:
            mask &= trips["tujuan"].astype(str) == self.tujuan.value
        if self.layanan.value:
            mask &= trips["jenis_layanan"].astype(str) == self.layanan.value
        if self.rt.value:
            mask &= trips["rt"] == self.rt.value
        out = trips[mask]
        if out.empty:
            raise UserInputError("Tidak ada perjalanan dengan pilihan ini. Ubah salah satu pilihan.")
        return out

    def months(self) -> Any:
        """Every month of the service's period (the whole table's first to last month)."""
        import pandas as pd

        dates = tables.load_table("ampunku", self.place_key)["tanggal"]
        return pd.period_range(dates.min().to_period("M"), dates.max().to_period("M"), freq="M")

    def counts(self, trips: Any) -> Any:
        """Trips per month (every month, 0 included), per RT, or per destination (a ``Series``)."""
        if self.group.value == "bulan":
            periods = self.months()
            counts = trips["tanggal"].dt.to_period("M").value_counts().reindex(periods, fill_value=0)
            counts.index = [month_label(p) for p in periods]
            return counts.astype(int)
        if self.group.value == "rt":
            residents = tables.residents_by_rt(self.place_key)
            rts = [self.rt.value] if self.rt.value else list(residents.index)
            counts = trips["rt"].value_counts().reindex(rts, fill_value=0)
            counts.index = [f"RT {r}" for r in rts]
            return counts.astype(int)
        return trips["tujuan"].astype(str).value_counts().reindex(
            [t for t in TUJUAN_AMPUNKU if not self.tujuan.value or t == self.tujuan.value], fill_value=0)

    def bar_values(self, counts: Any) -> Bars:
        """The values drawn: counts, or (by RT) trips per 100 residents with unsteady rates marked."""
        labels, trips = list(counts.index), [int(v) for v in counts.to_numpy()]
        if self.group.value != "rt":
            return Bars(labels, [float(v) for v in trips], trips, [False] * len(trips), 0, "perjalanan")
        residents = tables.residents_by_rt(self.place_key)
        rates = []
        for label, n in zip(labels, trips, strict=True):
            people = int(residents.get(int(label.split()[1]), 0))
            rates.append(n / people * 100 if people else float("nan"))
        return Bars(labels, rates, trips, [n < FEW_TRIPS for n in trips], 1, "perjalanan per 100 penduduk")

    # -- update -------------------------------------------------------------------------------------
    def update(self) -> None:
        self.filtered, self.trips, self.bars = None, 0, None
        trips = self.filter()
        self.filtered = trips
        self.trips = len(trips)
        bars = self.bar_values(self.counts(trips))
        self.bars = bars
        key = (self.tujuan.value, self.layanan.value, self.rt.value, self.group.value)
        self._show_cached(key, lambda: (self.draw(trips, bars), self.alt_text(trips, bars)))
        self.summary.value = self.summary_text(trips, bars)
        self.show_notes()

    def draw(self, trips: Any, bars: Bars) -> Any:
        import numpy as np

        rows = len(bars.labels)
        height, layout = charts.stacked([0.3 * max(rows, 3) + 0.2, 2.2], gap=1.05)
        top, bottom = self.axes(height=height, left=0.22, right=0.9, **layout)
        positions = np.arange(rows)[::-1]  # first label at the top
        values = np.nan_to_num(np.asarray(bars.values, dtype=float))
        colours = [charts.LIGHT_BLUE if few else charts.BLUE for few in bars.few]
        top.barh(positions, values, color=colours, height=0.7)
        top.set_yticks(positions, bars.labels)
        top.set_ylim(-0.6, rows - 0.4)
        charts.value_labels(top, positions, values, bars.decimals, flags=bars.few)
        top.set_xlim(0, max(float(values.max()), 1e-9) * 1.25 or 1)
        charts.number_axis(top.xaxis, decimals=bars.decimals if bars.decimals else 0,
                           whole=bars.decimals == 0)
        top.set_xlabel("Perjalanan per 100 penduduk" if self.group.value == "rt" else "Banyak perjalanan")
        top.set_title(GROUP_TITLES[self.group.value], loc="left")
        wait = trips["waktu_tunggu_menit"]
        bottom.hist(wait, bins=range(0, int(wait.max()) + 3, 2), color="#d1a35b")
        median = float(wait.median())
        bottom.axvline(median, color="black", lw=2.5, label=f"median {format_number(median, 0)} menit")
        charts.number_axis(bottom.xaxis, whole=True)
        charts.number_axis(bottom.yaxis, whole=True)
        bottom.set_xlabel("Waktu tunggu (menit)")
        bottom.set_ylabel("Perjalanan")
        bottom.set_title("Sebaran waktu tunggu", loc="left")
        bottom.legend(loc="upper right")
        return top.figure

    # -- words --------------------------------------------------------------------------------------
    def _top(self, bars: Bars) -> tuple[str, str]:
        """(label of the highest bar, its value as text)."""
        import numpy as np

        i = int(np.nanargmax(np.asarray(bars.values, dtype=float)))
        return bars.labels[i], format_number(bars.values[i], bars.decimals)

    def alt_text(self, trips: Any, bars: Bars) -> str:
        wait = trips["waktu_tunggu_menit"]
        label, value = self._top(bars)
        return (
            f"Dua grafik. Atas: {GROUP_TITLES[self.group.value].replace('Perjalanan', 'perjalanan', 1)}, "
            f"{format_number(len(trips))} perjalanan; "
            f"tertinggi {label} ({value} {bars.unit}). Bawah: sebaran waktu tunggu, median "
            f"{format_number(float(wait.median()), 0)} menit."
        )

    def summary_text(self, trips: Any, bars: Bars) -> str:
        wait = trips["waktu_tunggu_menit"]
        first, last = self.months()[0], self.months()[-1]
        lines = [
            f"Banyak perjalanan: **{format_number(len(trips))}** ({month_label(first)} s.d. "
            f"{month_label(last)})",
        ]
        lines += self._group_lines(bars)
        median = format_number(float(wait.median()), 0)
        if len(trips) >= MIN_FOR_PERCENTILE:
            lines.append(
                f"Waktu tunggu: median **{median} menit**; 9 dari 10 perjalanan menunggu paling lama "
                f"{format_number(float(wait.quantile(0.9)), 0)} menit.")
        else:
            lines.append(f"Waktu tunggu: median **{median} menit** (dari {len(trips)} perjalanan saja).")
        late = int((wait > 30).sum())
        lines.append(f"Menunggu lebih dari 30 menit: {format_number(late)} perjalanan "
                     f"({format_percent(late / len(trips) * 100, 1)}).")
        if len(trips) < FEW_TOTAL:
            lines.append(f"**Hanya {len(trips)} perjalanan** dengan pilihan ini: angka-angkanya mudah "
                         "berubah karena kebetulan. Jangan menyimpulkan dari angka sekecil ini.")
        note = ("Banyaknya perjalanan menunjukkan pemakaian layanan, bukan bukti bahwa kesehatan warga "
                "membaik: hubungan dua angka belum tentu sebab-akibat.")
        return summary_html(f"Ringkasan, {self.place_label}", lines, note)

    def _group_lines(self, bars: Bars) -> list[str]:
        label, value = self._top(bars)
        if self.group.value == "bulan":
            empty = [lab for lab, n in zip(bars.labels, bars.counts, strict=True) if n == 0]
            low = min(range(len(bars.counts)), key=lambda i: bars.counts[i])
            lines = [f"Bulan tersibuk: **{label}** ({value} perjalanan); paling sepi: "
                     f"**{bars.labels[low]}** ({bars.counts[low]} perjalanan)."]
            if empty:
                lines.append(f"Bulan tanpa perjalanan: {', '.join(empty)} (tetap ditampilkan, dengan 0).")
            return lines
        if self.group.value == "tujuan":
            total = sum(bars.counts)
            return [f"{lab}: **{format_number(n)}** perjalanan ({format_percent(n / total * 100, 0)})"
                    for lab, n in zip(bars.labels, bars.counts, strict=True)]
        most = max(range(len(bars.counts)), key=lambda i: bars.counts[i])
        lines = [f"Tertinggi per 100 penduduk: **{label}** ({value} perjalanan per 100 penduduk)."]
        if len(bars.labels) > 1:
            residents = tables.residents_by_rt(self.place_key)
            people = int(residents.get(int(bars.labels[most].split()[1]), 0))
            lines.append(
                f"Perjalanan terbanyak: **{bars.labels[most]}** ({bars.counts[most]} perjalanan, "
                f"{format_number(people)} penduduk)."
                + ("" if bars.labels[most] == label else
                   " RT ini penduduknya banyak: per 100 penduduk, RT lain lebih sering memakai AMPUNKU."))
        if any(bars.few):
            lines.append(f"Tanda * dan batang pucat: dari kurang dari {FEW_TRIPS} perjalanan; angkanya "
                         "mudah berayun.")
        return lines

    def figure_notes(self) -> list[FigureNote]:
        first, last = self.months()[0], self.months()[-1]
        period = f"{month_label(first)} s.d. {month_label(last)}"
        source = "tabel perjalanan AMPUNKU Kelas Cantik"
        notes = [FigureNote("Banyak perjalanan", "Perjalanan antar atau jemput pasien yang tercatat; satu "
                            "pasien bisa tercatat lebih dari sekali.", "perjalanan", source, period)]
        if self.group.value == "rt":
            notes.append(FigureNote(
                "Perjalanan per 100 penduduk", "Banyak perjalanan pasien dari RT itu dibagi jumlah "
                "penduduk RT itu, dikali 100. Adil untuk membandingkan RT besar dan kecil.",
                "perjalanan per 100 penduduk", f"{source} dan tabel penduduk {self.place_label}",
                f"perjalanan {period}; penduduk pada {tables.reference_date_text(self.place_key)}"))
        notes.append(FigureNote("Waktu tunggu", "Menit dari panggilan sampai kendaraan tiba; median dan "
                                "batas 9 dari 10 perjalanan.", "menit", source, period))
        return notes

    # -- challenge ----------------------------------------------------------------------------------
    def make_challenge(self) -> Challenge:
        return Challenge(
            "RT dengan perjalanan AMPUNKU **terbanyak**, apakah juga RT yang paling sering memakai AMPUNKU "
            "jika dihitung **per 100 penduduk**? Tebak dulu, lalu lihat grafik per RT.",
            [("Ya, RT yang sama", "ya"), ("Tidak, RT lain", "tidak")],
            self._challenge_answer, action="Lihat grafik per RT",
        )

    def _challenge_answer(self) -> Answer:
        self.tujuan.value, self.layanan.value, self.rt.value = ALL, ALL, 0
        self.group.value = "rt"
        bars = self.bars
        if bars is None:
            raise UserInputError("Grafik per RT belum bisa dibuat. Muat ulang halaman.")
        most = max(range(len(bars.counts)), key=lambda i: bars.counts[i])
        label, value = self._top(bars)
        residents = tables.residents_by_rt(self.place_key)
        people = int(residents.get(int(bars.labels[most].split()[1]), 0))
        same = bars.labels[most] == label
        explanation = (
            f"Perjalanan terbanyak: {bars.labels[most]} ({bars.counts[most]} perjalanan), RT dengan "
            f"{format_number(people)} penduduk. Per 100 penduduk, tertinggi {label} ({value}). "
            + ("Kali ini sama, tetapi itu kebetulan: bandingkan RT selalu dengan angka per 100 penduduk."
               if same else "RT besar wajar punya perjalanan banyak; angka per 100 penduduk yang adil.")
        )
        return Answer("ya" if same else "tidak", explanation)
