"""App 4 — Grafik jujur vs menyesatkan: the same data, drawn honestly or misleadingly.

The data are the poor people per RT (persons in households below the poverty line), as a count or as
P0 per RT from :func:`cantik.indicators.poverty_indices`. Three switches: a truncated value axis, counts vs
rates, and unsorted vs sorted categories. The app explains what each switch changed.

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

from cantik.apps import ui

#: Kalimantan Selatan poverty line, September 2024 (Rp per capita per month), as reported; the line the
#: synthetic data were calibrated to.
GARIS_KEMISKINAN = 644_107


@functools.lru_cache(maxsize=8)
def poor_by_rt(wilayah: str) -> Any:
    """Per RT: residents (persons in households), poor persons, and P0 (percent), from the keluarga table."""
    import pandas as pd

    from cantik import indicators as ind

    keluarga = ui.load_table("keluarga", wilayah)
    rows = []
    for rt, grp in keluarga.groupby("rt", observed=True):
        p0 = ind.poverty_indices(grp, GARIS_KEMISKINAN, weights="jumlah_anggota").p0
        persons = int(grp["jumlah_anggota"].sum())
        rows.append({"rt": int(rt), "penduduk": persons, "miskin": round(p0 * persons / 100), "p0": p0})
    return pd.DataFrame(rows)


class GrafikApp(ui.AppBase):
    """Toggle a truncated axis, counts vs rates, and sorting; read what changed."""

    title = "Grafik jujur vs menyesatkan"
    intro = (
        "Data yang sama bisa digambar dengan jujur atau menyesatkan. Grafik ini menunjukkan penduduk "
        "miskin per RT. Coba nyalakan dan matikan pilihan di bawah, lalu baca penjelasannya."
    )

    def __init__(self, wilayah: str = "kandangan_utara") -> None:
        super().__init__()
        self.wilayah = wilayah
        self.measure = ui.labelled(
            widgets.ToggleButtons(options=[("Jumlah orang miskin", "jumlah"),
                                           ("Persentase penduduk miskin", "persen")], value="jumlah"),
            "Yang digambar",
        )
        self.truncate = ui.labelled(widgets.Checkbox(value=False, indent=False),
                                    "Potong sumbu tegak (tidak mulai dari 0)")
        self.sort = ui.labelled(widgets.Checkbox(value=False, indent=False),
                                "Urutkan RT dari yang tertinggi")
        self._build(self.measure, self.truncate, self.sort)
        self._watch(self.measure, self.truncate, self.sort)
        self.update()
        self.prefetch({"measure": ["jumlah", "persen"], "truncate": [False, True], "sort": [False, True]})

    def data(self) -> Any:
        """The table drawn now: columns ``rt`` and ``nilai``, in the order shown."""
        table = poor_by_rt(self.wilayah)
        if table.empty:
            raise ui.UserInputError("Tidak ada data keluarga untuk wilayah ini.")
        column = "miskin" if self.measure.value == "jumlah" else "p0"
        shown = table.assign(nilai=table[column])
        if self.sort.value:
            shown = shown.sort_values("nilai", ascending=False, kind="stable")
        return shown

    def axis_floor(self, values: Any) -> float:
        """Where the value axis starts: 0, or (truncated) at 80% of the lower-quartile bar."""
        positive = values[values > 0]
        if not self.truncate.value or positive.empty:
            return 0.0
        return round(float(positive.quantile(0.25)) * 0.8, 1)

    def update(self) -> None:
        shown = self.data()
        self.shown = shown
        floor = self.axis_floor(shown["nilai"])
        key = (self.measure.value, self.truncate.value, self.sort.value)
        self._show_cached(key, lambda: (self.draw(shown, floor), self.alt_text(shown, floor)))
        self.summary.value = self.summary_text(shown, floor)

    def _unit(self) -> str:
        return "orang" if self.measure.value == "jumlah" else "%"

    def draw(self, shown: Any, floor: float) -> Any:
        import numpy as np

        (ax,) = self.axes(6.4, 4.0, left=0.12, bottom=0.15)
        labels = [str(r) for r in shown["rt"]]
        positions = np.arange(len(labels))
        ax.bar(positions, (shown["nilai"] - floor).clip(lower=0).to_numpy(), bottom=floor, color="#3b75af")
        ax.set_xticks(positions, labels)
        ax.set_xlim(-0.6, len(labels) - 0.4)
        top = float(shown["nilai"].max())
        ax.set_ylim(floor, top * 1.08 if top > 0 else 1)
        ax.set_xlabel("RT")
        ax.set_ylabel("Orang miskin" if self._unit() == "orang" else "Penduduk miskin (%)")
        ax.tick_params(axis="x", labelsize=9 if len(labels) > 15 else 12)
        if floor > 0:
            ax.set_title(f"Sumbu tegak mulai dari {ui.format_number(floor, 1)}, bukan 0", fontsize=12,
                         color="#b3261e")
        return ax.figure

    def alt_text(self, shown: Any, floor: float) -> str:
        what = "jumlah orang miskin" if self._unit() == "orang" else "persentase penduduk miskin"
        top = shown.loc[shown["nilai"].idxmax()]
        return (
            f"Grafik batang {what} di {len(shown)} RT"
            + (", sumbu tegak dipotong" if floor > 0 else "")
            + f". Tertinggi RT {int(top['rt'])}: {ui.format_number(float(top['nilai']), 1)} {self._unit()}."
        )

    def summary_text(self, shown: Any, floor: float) -> str:
        table = poor_by_rt(self.wilayah)
        top_count = table.loc[table["miskin"].idxmax()]
        top_rate = table.loc[table["p0"].idxmax()]
        biggest = table.loc[table["penduduk"].idxmax()]
        values = shown["nilai"]
        hi = float(values.max())
        lines = []
        if self.measure.value == "jumlah":
            lines.append(
                "Anda melihat **jumlah** orang miskin. RT yang penduduknya banyak cenderung punya orang "
                f"miskin banyak juga (RT terbesar: RT {int(biggest['rt'])}, "
                f"{ui.format_number(int(biggest['penduduk']))} jiwa). Untuk membandingkan RT, pakai "
                "**persentase**."
            )
        else:
            lines.append(
                "Anda melihat **persentase** penduduk miskin: jumlah orang miskin dibagi jumlah penduduk RT "
                "itu. Ini adil untuk membandingkan RT besar dan kecil, tetapi angka RT kecil mudah berayun."
            )
        lines.append(
            f"Jumlah tertinggi: RT {int(top_count['rt'])}; persentase tertinggi: RT {int(top_rate['rt'])}."
            + (" Keduanya berbeda: pilihan ukuran mengubah kesimpulan." if top_count["rt"] != top_rate["rt"]
               else "")
        )
        visible = values[values > floor]
        if floor > 0 and len(visible) and float(visible.min()) < hi:
            lo = float(visible.min())
            looks = (hi - floor) / (lo - floor)
            hidden = int((values <= floor).sum())
            lines.append(
                f"Sumbu tegak **tidak dimulai dari 0** (mulai {ui.format_number(floor, 1)}). Batang "
                f"tertinggi tampak {ui.format_number(looks, 1)} kali batang terpendek yang terlihat, padahal "
                f"nilainya hanya {ui.format_number(hi / lo, 1)} kali. {hidden} RT bahkan hilang dari grafik. "
                "Grafik batang harus mulai dari 0."
            )
        else:
            lines.append("Sumbu tegak mulai dari 0: panjang batang sebanding dengan nilainya.")
        if self.sort.value:
            lines.append("RT **diurutkan** dari yang tertinggi: peringkat mudah dibaca.")
        else:
            lines.append("RT disusun menurut nomor, **tidak diurutkan**: sulit melihat mana yang tertinggi.")
        note = ("Data sintetis; garis kemiskinan Rp644.107 per kapita per bulan (Kalimantan Selatan, "
                "September 2024, seperti dilaporkan).")
        return ui.summary_html("Apa yang berubah?", lines, note)
