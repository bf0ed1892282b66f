"""App 4 — Grafik jujur vs menyesatkan: the same data, drawn honestly or misleadingly.

The data are the poor people per RT (persons in households below the poverty line), as a count or as
P0 per RT (poor persons per 100 residents) from :func:`cantik.indicators.poverty_indices`.

Two charts. On top, two named RTs side by side, drawn the misleading way (counts, value axis cut just
below the smaller bar) and the honest way (percent of residents, axis from 0): the same two RTs, opposite
impressions. Below, every RT as a horizontal bar (one readable line each on a phone) with three switches:
counts or percent, axis from 0 or cut, RT number or sorted. Every bar carries its value, so an RT with 0
poor people reads "0" instead of looking like missing data.

Examples
--------
>>> app = GrafikApp()                    # doctest: +SKIP
>>> app.truncate.value = True            # doctest: +SKIP
>>> "tidak dimulai dari 0" in app.summary.value   # doctest: +SKIP
True
"""

from __future__ import annotations

import functools
from typing import Any

import ipywidgets as widgets

from cantik.apps import charts, tables
from cantik.apps.base import AppBase
from cantik.apps.challenge import Answer, Challenge
from cantik.apps.formatting import format_number, format_percent, format_rupiah
from cantik.apps.layout import FigureNote, labelled, summary_html
from cantik.apps.messages import DATA_ERRORS, UserInputError
from cantik.data.calibration import GARIS_KEMISKINAN

#: A rate from fewer poor persons than this is marked as unsteady.
FEW_POOR = 10
#: "Looks N times" above this is said as "more than" (a ratio of two tiny bar stubs means nothing).
MAX_LOOKS = 20


@functools.lru_cache(maxsize=8)
def poor_by_rt(wilayah: str) -> Any:
    """Per RT: residents (persons in households), poor persons, and P0 (percent), from the keluarga table."""
    import pandas as pd

    from cantik import indicators as ind

    keluarga = tables.load_table("keluarga", wilayah)
    rows = []
    for rt, grp in keluarga.groupby("rt", observed=True):
        p0 = ind.poverty_indices(grp, GARIS_KEMISKINAN, weights="jumlah_anggota").p0
        persons = int(grp["jumlah_anggota"].sum())
        rows.append({"rt": int(rt), "penduduk": persons, "miskin": round(p0 * persons / 100), "p0": p0})
    return pd.DataFrame(rows)


def default_pair(table: Any) -> tuple[int, int]:
    """Two RTs whose counts and rates tell opposite stories, if the data have such a pair.

    The RT with the most poor persons, and the RT with the highest percentage among those with fewer
    poor persons (else the next RT).
    """
    most = table.loc[table["miskin"].idxmax()]
    others = table[(table["rt"] != most["rt"]) & (table["miskin"] < most["miskin"]) & (table["miskin"] > 0)]
    if others.empty:
        others = table[table["rt"] != most["rt"]]
    if others.empty:
        return int(most["rt"]), int(most["rt"])
    return int(most["rt"]), int(others.loc[others["p0"].idxmax()]["rt"])


def looks_text(looks: float) -> str:
    """``'1,9 kali'``; ratios over :data:`MAX_LOOKS` are said as ``'lebih dari 20 kali'``."""
    return f"lebih dari {MAX_LOOKS} kali" if looks > MAX_LOOKS else f"{format_number(looks, 1)} kali"


class GrafikApp(AppBase):
    """Two RTs drawn honestly and misleadingly; all RTs with switches; read what changed."""

    title = "Grafik jujur vs menyesatkan"
    intro = (
        "Data yang sama bisa digambar dengan jujur atau menyesatkan. Grafik ini menunjukkan penduduk "
        "miskin per RT atau dusun. Bandingkan dua di antaranya di grafik atas, lalu nyalakan dan matikan "
        "pilihan di bawah dan baca penjelasannya."
    )

    def __init__(self, wilayah: str | None = None) -> None:
        super().__init__()
        self.place_selector(wilayah)
        self.measure = labelled(
            widgets.ToggleButtons(options=[("Jumlah orang miskin", "jumlah"),
                                           ("Persen penduduk miskin", "persen")], value="jumlah"),
            f"Yang digambar (grafik semua {self.unit})",
        )
        self.truncate = labelled(
            widgets.ToggleButtons(options=[("Mulai dari 0", False), ("Dipotong", True)], value=False),
            "Sumbu nilai")
        self.sort = labelled(
            widgets.ToggleButtons(options=[(f"Nomor {self.unit}", False), ("Dari yang tertinggi", True)],
                                  value=False),
            f"Urutan {self.unit}")
        self.rt_a = labelled(widgets.Dropdown(options=[("–", 0)], value=0), f"{self.unit_title} pertama")
        self.rt_b = labelled(widgets.Dropdown(options=[("–", 0)], value=0), f"{self.unit_title} kedua")
        self._offer_units()
        self.shown: Any = None
        self._build(self.wilayah, self.rt_a, self.rt_b, self.measure, self.truncate, self.sort)
        self._watch(self.wilayah, self.rt_a, self.rt_b, self.measure, self.truncate, self.sort)
        self.update()
        self.prefetch({"measure": ["jumlah", "persen"], "truncate": [False, True], "sort": [False, True]})

    def _offer_units(self) -> None:
        """Offer the place's RTs (or dusun) in the two unit selectors, set to :func:`default_pair`."""
        rts: list[tuple[str, int]] = []
        pair = (0, 0)
        try:
            table = poor_by_rt(self.place_key)
            rts = [(self.unit_name(r), int(r)) for r in table["rt"]]
            pair = default_pair(table)
        except (UserInputError, *DATA_ERRORS):
            pass  # update() shows the message
        for control, value, which in ((self.rt_a, pair[0], "pertama"), (self.rt_b, pair[1], "kedua")):
            control.options = rts or [("–", 0)]
            control.value = value if rts else 0
            control.description = f"{self.unit_title} {which}"

    def place_changed(self) -> None:
        """A new place: offer its RTs, starting at its own pair that tells opposite stories."""
        self._offer_units()

    # -- data ---------------------------------------------------------------------------------------
    def table(self) -> Any:
        table = poor_by_rt(self.place_key)
        if table.empty:
            raise UserInputError("Tidak ada data keluarga untuk wilayah ini.")
        return table

    def data(self) -> Any:
        """The table drawn in the chart of all RTs: columns ``rt`` and ``nilai``, in the order shown."""
        table = self.table()
        column = "miskin" if self.measure.value == "jumlah" else "p0"
        shown = table.assign(nilai=table[column])
        if self.sort.value:
            shown = shown.sort_values("nilai", ascending=False, kind="stable")
        return shown

    def pair(self) -> tuple[Any, Any]:
        """The rows of the two named RTs."""
        table = self.table()
        if self.rt_a.value == self.rt_b.value:
            raise UserInputError(f"Pilih dua {self.unit} yang berbeda untuk dibandingkan.")
        rows = []
        for rt in (self.rt_a.value, self.rt_b.value):
            match = table[table["rt"] == rt]
            if match.empty:
                raise UserInputError(f"{self.unit_name(rt)} tidak ada di data wilayah ini.")
            rows.append(match.iloc[0])
        return rows[0], rows[1]

    def axis_floor(self, values: Any) -> float:
        """Where the value axis of the chart of all RTs starts: 0, or (cut) at 80% of the lower quartile."""
        positive = values[values > 0]
        if not self.truncate.value or positive.empty:
            return 0.0
        return round(float(positive.quantile(0.25)) * 0.8, 1)

    @staticmethod
    def pair_floor(a: float, b: float) -> float:
        """The misleading chart's axis start: just below the smaller bar (0 when a bar is 0)."""
        low = min(a, b)
        return 0.0 if low <= 0 else low * 0.9

    def update(self) -> None:
        self.shown = None
        a, b = self.pair()
        shown = self.data()
        self.shown = shown
        floor = self.axis_floor(shown["nilai"])
        key = self.control_state()
        self._show_cached(key, lambda: (self.draw(shown, floor, a, b), self.alt_text(shown, floor, a, b)))
        self.summary.value = self.summary_text(shown, floor, a, b)
        self.show_notes()

    def _unit(self) -> str:
        return "orang" if self.measure.value == "jumlah" else "%"

    def _value_text(self, value: float) -> str:
        """``'47 orang'`` or ``'12,7%'``."""
        return f"{format_number(value, 0)} orang" if self._unit() == "orang" else format_percent(value, 1)

    # -- chart --------------------------------------------------------------------------------------
    def draw(self, shown: Any, floor: float, a: Any, b: Any) -> Any:
        """On top the two named RTs, misleading beside honest; below every RT as a horizontal bar."""
        height, layout = charts.stacked([2.2, 0.27 * len(shown) + 0.2], gap=1.0, top=0.95)
        bad, good, every = self.axes(height=height, cols=2, mosaic=[["bad", "good"], ["every", "every"]],
                                     left=0.17, right=0.93, wspace=0.55, **layout)
        self._draw_pair(bad, good, a, b)
        bad.figure.suptitle(f"Dua {self.unit} yang sama, dua kesan", x=0.02, y=1 - 0.15 / height, ha="left",
                            va="top", fontsize=13, fontweight="bold")
        self._draw_every(every, shown, floor, (int(a["rt"]), int(b["rt"])))
        return every.figure

    def _draw_pair(self, bad: Any, good: Any, a: Any, b: Any) -> None:
        names = [f"{self.unit_name(a['rt'])}", f"{self.unit_name(b['rt'])}"]
        # Misleading: counts, axis cut just below the smaller bar.
        counts = [float(a["miskin"]), float(b["miskin"])]
        cut = self.pair_floor(*counts)
        bad.bar([0, 1], [c - cut for c in counts], bottom=cut, color=charts.RED, width=0.6)
        bad.set_ylim(cut, max(counts) * 1.02 + (max(counts) - cut) * 0.05 or 1)
        bad.set_title("Menyesatkan\n(sumbu dipotong)", loc="left", color=charts.RED)
        bad.set_ylabel("Orang miskin")
        charts.number_axis(bad.yaxis, whole=True)
        # Honest: percent of residents, from 0, values written on the bars.
        rates = [float(a["p0"]), float(b["p0"])]
        good.bar([0, 1], rates, color=charts.BLUE, width=0.6)
        charts.value_labels(good, [0, 1], rates, 1, "%", horizontal=False)
        good.set_ylim(0, max(rates) * 1.3 or 1)
        good.set_title("Jujur\n(persen, dari 0)", loc="left", color=charts.BLUE)
        good.set_ylabel("Persen penduduk")
        charts.number_axis(good.yaxis, suffix="%")
        for ax in (bad, good):
            ax.set_xticks([0, 1], names)
            ax.set_xlim(-0.6, 1.6)

    def _draw_every(self, every: Any, shown: Any, floor: float, named_rts: tuple[int, int]) -> None:
        import numpy as np

        rows = len(shown)
        positions = np.arange(rows)[::-1]  # first row at the top
        values = shown["nilai"].to_numpy(dtype=float)
        named = shown["rt"].isin(list(named_rts)).to_numpy()
        colours = [charts.ORANGE if n else charts.BLUE for n in named]
        every.barh(positions, np.clip(values - floor, 0, None), left=floor, color=colours, height=0.7)
        every.set_yticks(positions, [f"{self.unit_name(r)}" for r in shown["rt"]])
        every.set_ylim(-0.6, rows - 0.4)
        few = (shown["miskin"] < FEW_POOR).to_numpy() if self._unit() == "%" else None
        charts.value_labels(every, positions, values, 0 if self._unit() == "orang" else 1,
                            "" if self._unit() == "orang" else "%", flags=few, at=np.maximum(values, floor))
        top = float(values.max())
        every.set_xlim(floor, top * 1.2 if top > 0 else 1)
        if self._unit() == "orang":
            charts.number_axis(every.xaxis, whole=True)
            every.set_xlabel("Orang miskin")
        else:
            charts.number_axis(every.xaxis, suffix="%")
            every.set_xlabel("Persen penduduk miskin")
        title = f"Semua {self.unit}"
        if floor > 0:
            title += f": sumbu mulai dari {format_number(floor, 1)}, bukan 0"
        every.set_title(title, loc="left", color=charts.RED if floor > 0 else "black")

    def alt_text(self, shown: Any, floor: float, a: Any, b: Any) -> str:
        what = "jumlah orang miskin" if self._unit() == "orang" else "persentase penduduk miskin"
        top = shown.loc[shown["nilai"].idxmax()]
        return (
            f"Atas: {self.unit_name(a['rt'])} dan {self.unit_name(b['rt'])}, kiri jumlah orang miskin "
            "dengan sumbu "
            f"dipotong ({int(a['miskin'])} dan {int(b['miskin'])} orang), kanan persentase dari 0 "
            f"({format_percent(float(a['p0']), 1)} dan {format_percent(float(b['p0']), 1)}). "
            f"Bawah: grafik batang {what} di {len(shown)} {self.unit}"
            + (", sumbu dipotong" if floor > 0 else "")
            + f"; tertinggi {self.unit_name(top['rt'])}: {self._value_text(float(top['nilai']))}."
        )

    # -- words --------------------------------------------------------------------------------------
    def summary_text(self, shown: Any, floor: float, a: Any, b: Any) -> str:
        table = self.table()
        lines = [self._pair_line(a, b)]
        top_count = table.loc[table["miskin"].idxmax()]
        top_rate = table.loc[table["p0"].idxmax()]
        if self.measure.value == "jumlah":
            biggest = table.loc[table["penduduk"].idxmax()]
            lines.append(
                f"Grafik bawah: **jumlah** orang miskin. {self.unit_title} yang penduduknya banyak "
                "cenderung punya "
                f"orang miskin banyak juga ({self.unit_title} terbesar: {self.unit_name(biggest['rt'])}, "
                f"{format_number(int(biggest['penduduk']))} jiwa). Untuk membandingkan {self.unit}, pakai "
                "**persen penduduk**."
            )
        else:
            lines.append(
                "Grafik bawah: **persen** penduduk miskin, yaitu orang miskin per 100 penduduk "
                f"{self.unit} itu. Ini adil untuk membandingkan {self.unit} besar dan kecil, tetapi angka "
                f"{self.unit} kecil mudah "
                "berayun"
                + (f" (tanda *: kurang dari {FEW_POOR} orang miskin)." if (table["miskin"] < FEW_POOR).any()
                   else ".")
            )
        lines.append(
            f"Jumlah tertinggi: {self.unit_name(top_count['rt'])}; persen tertinggi: "
            f"{self.unit_name(top_rate['rt'])}."
            + (" Keduanya berbeda: pilihan ukuran mengubah kesimpulan."
               if top_count["rt"] != top_rate["rt"] else "")
        )
        values = shown["nilai"]
        if floor > 0:
            hidden = int((values <= floor).sum())
            lines.append(
                f"Sumbu **tidak dimulai dari 0** (mulai {format_number(floor, 1)}): panjang batang tidak "
                f"lagi sebanding dengan nilainya. {hidden} {self.unit} bahkan tak terlihat batangnya. "
                "Grafik batang "
                "harus mulai dari 0."
            )
        else:
            lines.append("Sumbu mulai dari 0: panjang batang sebanding dengan nilainya.")
        zero = shown.loc[values == 0, "rt"].astype(int).tolist()
        if zero:
            names = ", ".join(self.unit_name(r) for r in zero)
            lines.append(f"{self.unit_title} tanpa orang miskin ({names}) tertulis 0: "
                         "bukan data yang hilang.")
        lines.append(f"{self.unit_title} **diurutkan** dari yang tertinggi: peringkat mudah dibaca."
                     if self.sort.value else
                     f"{self.unit_title} disusun menurut nomor, **tidak diurutkan**: sulit melihat mana yang "
                     "tertinggi.")
        return summary_html(f"Apa yang berubah? ({self.place_label})", lines)

    def _pair_line(self, a: Any, b: Any) -> str:
        """What the two charts on top say about the two RTs."""
        ca, cb = int(a["miskin"]), int(b["miskin"])
        ra, rb = float(a["p0"]), float(b["p0"])
        na, nb = f"{self.unit_name(a['rt'])}", f"{self.unit_name(b['rt'])}"
        cut = self.pair_floor(ca, cb)
        if ca == cb:
            bad = f"Di grafik kiri kedua {self.unit} sama tinggi ({ca} orang miskin)."
        else:
            big, small = (na, nb) if ca > cb else (nb, na)
            hi, lo = max(ca, cb), min(ca, cb)
            looks = (hi - cut) / (lo - cut) if lo - cut > 0 else float("inf")
            bad = (f"Di grafik kiri, batang {big} tampak {looks_text(looks)} batang {small}, padahal orang "
                   f"miskinnya hanya {format_number(hi / lo, 1) + ' kali' if lo else 'lebih banyak'} "
                   f"({hi} dan {lo} orang), karena sumbunya mulai dari {format_number(cut, 1)}.")
        if ra == rb:
            good = "Persennya sama."
        else:
            higher = na if ra > rb else nb
            good = (f"Grafik kanan jujur: per 100 penduduk, **{higher}** lebih tinggi "
                    f"({format_percent(ra, 1)} di {na}, {format_percent(rb, 1)} di {nb}).")
        return f"{bad} {good}"

    def figure_notes(self) -> list[FigureNote]:
        place = self.place_label
        source = f"tabel keluarga {place}"
        period = f"tanggal rujukan {tables.reference_date_text(self.place_key)}"
        return [
            FigureNote("Orang miskin", "Anggota keluarga yang pengeluaran per kapitanya di bawah garis "
                       "kemiskinan.", "orang", source, period),
            FigureNote("Persen penduduk miskin (P0)", f"Orang miskin dibagi penduduk {self.unit} itu "
                       "(anggota keluarga), dikali 100.", "persen (orang miskin per 100 penduduk)", source,
                       period),
            FigureNote("Garis kemiskinan", "Pengeluaran per kapita per bulan minimum untuk kebutuhan dasar "
                       f"makanan dan bukan makanan: {format_rupiah(GARIS_KEMISKINAN)}.",
                       "rupiah per kapita per bulan", "BPS Provinsi Kalimantan Selatan, seperti dilaporkan",
                       "September 2024", sintetis=False),
        ]

    # -- challenge ----------------------------------------------------------------------------------
    def make_challenge(self) -> Challenge | None:
        try:
            top = self.table().loc[self.table()["miskin"].idxmax()]
        except (UserInputError, *DATA_ERRORS):
            return None  # no data: update() says so
        rt = int(top["rt"])
        return Challenge(
            f"{self.unit_name(rt)} punya orang miskin **terbanyak** ({int(top['miskin'])} orang). Apakah "
            f"{self.unit_name(rt)} juga "
            "punya **persen** penduduk miskin tertinggi?",
            [("Ya", "ya"), ("Tidak", "tidak")], functools.partial(self._challenge_answer, rt),
            action="Lihat grafik persen, diurutkan")

    def _challenge_answer(self, rt: int) -> Answer:
        self.truncate.value = False
        self.measure.value = "persen"
        self.sort.value = True
        table = self.table()
        row = table[table["rt"] == rt].iloc[0]
        top = table.loc[table["p0"].idxmax()]
        rank = int((table["p0"] > row["p0"]).sum()) + 1
        same = int(top["rt"]) == rt
        return Answer("ya" if same else "tidak", (
            f"{self.unit_name(rt)}: {format_percent(float(row['p0']), 1)} penduduknya miskin, urutan "
            f"ke-{rank} dari {len(table)} {self.unit}. Tertinggi {self.unit_name(top['rt'])} "
            f"({format_percent(float(top['p0']), 1)}, "
            f"{int(top['miskin'])} orang dari {format_number(int(top['penduduk']))} penduduk). "
            + ("Kali ini sama." if same else f"{self.unit_title} yang besar wajar punya orang miskin banyak: "
               f"untuk membandingkan {self.unit}, pakai persen.")))
