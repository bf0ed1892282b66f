"""App 6 — Dasbor AMPUNKU (Antar Jemput Pasien Kandangan Utara): trips and waiting times, with filters.

Examples
--------
>>> app = AmpunkuApp()              # doctest: +SKIP
>>> app.tujuan.value = "RSUD"       # doctest: +SKIP
>>> app.trips                       # doctest: +SKIP
231
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from cantik.apps import ui
from cantik.data.schema import LAYANAN_AMPUNKU, TUJUAN_AMPUNKU

ALL = ""
MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]


class AmpunkuApp(ui.AppBase):
    """Filter the AMPUNKU trips; trips by month, RT or destination; waiting-time distribution."""

    title = "Dasbor AMPUNKU"
    intro = (
        "AMPUNKU (Antar Jemput Pasien Kandangan Utara) mengantar dan menjemput warga yang berobat ke "
        "puskesmas atau RSUD. Pilih tujuan, jenis layanan, dan RT untuk melihat banyaknya perjalanan dan "
        "berapa lama warga menunggu kendaraan datang."
    )

    def __init__(self) -> None:
        super().__init__()
        self.tujuan = ui.labelled(
            widgets.Dropdown(options=[("Semua tujuan", ALL)] + [(t, t) for t in TUJUAN_AMPUNKU], value=ALL),
            "Tujuan")
        self.layanan = ui.labelled(
            widgets.Dropdown(options=[("Semua layanan", ALL)] + [(t, t) for t in LAYANAN_AMPUNKU], value=ALL),
            "Jenis layanan")
        self.rt = ui.labelled(widgets.Dropdown(options=[("Semua RT", 0)], value=0), "RT")
        self.group = ui.labelled(
            widgets.ToggleButtons(options=[("Bulan", "bulan"), ("RT", "rt"), ("Tujuan", "tujuan")],
                                  value="bulan"),
            "Perjalanan per")
        self.trips = 0
        self.filtered: Any = None
        try:
            rts = sorted(int(r) for r in ui.load_table("ampunku")["rt"].unique())
            self.rt.options = [("Semua RT", 0)] + [(f"RT {r}", r) for r in rts]
        except ui.DATA_ERRORS:
            pass  # update() below shows the loader's message
        self._build(self.tujuan, self.layanan, self.rt, self.group)
        self._watch(self.tujuan, self.layanan, self.rt, self.group)
        self.update()
        self.prefetch({"group": ["bulan", "rt", "tujuan"], "tujuan": [ALL, *TUJUAN_AMPUNKU]})

    def filter(self) -> Any:
        """The trips matching the filters (raises a message when none match)."""
        trips = ui.load_table("ampunku")
        mask = trips["rt"] > 0
        if self.tujuan.value:
            mask &= trips["tujuan"].astype(str) == self.tujuan.value
        if self.layanan.value:
            mask &= trips["jenis_layanan"].astype(str) == self.layanan.value
        if self.rt.value:
            mask &= trips["rt"] == self.rt.value
        out = trips[mask]
        if out.empty:
            raise ui.UserInputError("Tidak ada perjalanan dengan pilihan ini. Ubah salah satu pilihan.")
        return out

    def counts(self, trips: Any) -> Any:
        """Trips per month, RT or destination (a Series with Indonesian labels)."""
        if self.group.value == "bulan":
            period = trips["tanggal"].dt.to_period("M")
            counts = period.value_counts().sort_index()
            counts.index = [f"{MONTHS[p.month - 1]} {str(p.year)[2:]}" for p in counts.index]
            return counts
        if self.group.value == "rt":
            counts = trips["rt"].value_counts().sort_index()
            counts.index = [str(r) for r in counts.index]
            return counts
        return trips["tujuan"].astype(str).value_counts()

    def update(self) -> None:
        self.filtered = None
        self.trips = 0
        try:
            trips = self.filter()
        except ui.UserInputError:
            self.chart.outputs = ()
            self.summary.value = ui.summary_html("Ringkasan", ["Tidak ada perjalanan untuk ditampilkan."])
            raise
        self.filtered = trips
        self.trips = len(trips)
        counts = self.counts(trips)
        key = (self.tujuan.value, self.layanan.value, self.rt.value, self.group.value)
        self._show_cached(key, lambda: (self.draw(trips, counts), self.alt_text(trips, counts)))
        self.summary.value = self.summary_text(trips, counts)

    def draw(self, trips: Any, counts: Any) -> Any:
        import numpy as np

        top, bottom = self.axes(6.4, 6.0, rows=2, left=0.12, bottom=0.09, top=0.94, hspace=0.55)
        positions = np.arange(len(counts))
        top.bar(positions, counts.to_numpy(), color="#3b75af")
        top.set_xticks(positions, [str(label) for label in counts.index])
        top.set_xlim(-0.6, len(counts) - 0.4)
        top.set_ylabel("Perjalanan")
        top.set_title(f"Perjalanan per {self.group.value}", fontsize=12)
        many = len(counts) > 8
        top.tick_params(axis="x", labelsize=9 if many else 12, rotation=90 if many else 0)
        wait = trips["waktu_tunggu_menit"]
        bottom.hist(wait, bins=range(0, int(wait.max()) + 3, 2), color="#d1a35b")
        bottom.axvline(float(wait.median()), color="black", lw=2.5,
                       label=f"median {ui.format_number(float(wait.median()), 0)} menit")
        bottom.set_xlabel("Waktu tunggu (menit)")
        bottom.set_ylabel("Perjalanan")
        bottom.set_title("Sebaran waktu tunggu", fontsize=12)
        bottom.legend(loc="upper right")
        return top.figure

    def alt_text(self, trips: Any, counts: Any) -> str:
        wait = trips["waktu_tunggu_menit"]
        return (
            f"Dua grafik. Atas: {len(trips)} perjalanan per {self.group.value}, terbanyak "
            f"{counts.idxmax()} ({int(counts.max())}). Bawah: waktu tunggu, median "
            f"{ui.format_number(float(wait.median()), 0)} menit."
        )

    def summary_text(self, trips: Any, counts: Any) -> str:
        wait = trips["waktu_tunggu_menit"]
        lines = [
            f"Banyak perjalanan: **{ui.format_number(len(trips))}** "
            f"({trips['tanggal'].min():%d-%m-%Y} s.d. {trips['tanggal'].max():%d-%m-%Y})",
            f"Terbanyak: **{counts.idxmax()}** ({ui.format_number(int(counts.max()))} perjalanan)",
            f"Waktu tunggu: median **{ui.format_number(float(wait.median()), 0)} menit**; 9 dari 10 warga "
            f"menunggu paling lama {ui.format_number(float(wait.quantile(0.9)), 0)} menit.",
            f"Menunggu lebih dari 30 menit: {ui.format_number(int((wait > 30).sum()))} perjalanan.",
        ]
        note = ("Banyaknya perjalanan menunjukkan pemakaian layanan, bukan bukti bahwa kesehatan warga "
                "membaik: hubungan dua angka belum tentu sebab-akibat.")
        return ui.summary_html("Ringkasan", lines, note)
