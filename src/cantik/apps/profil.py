"""App 1 — Profil kelurahan: population pyramid, key indicators with their definitions, breakdown by RT.

Indicators come from :mod:`cantik.indicators`; their Indonesian definitions from
:data:`cantik.data.metadata.INDICATORS` (SIRUSA style).

Examples
--------
>>> app = ProfilApp()                     # doctest: +SKIP
>>> app.wilayah.value = "gambah_luar"     # doctest: +SKIP
>>> app.figures["jumlah_penduduk"]        # doctest: +SKIP
2050
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from cantik.apps import ui


def _definition(kode: str) -> dict[str, str]:
    from cantik.data.metadata import INDICATORS

    for row in INDICATORS:
        if row["kode"] == kode:
            return row
    return {"nama": kode, "definisi": "", "satuan": "", "interpretasi": ""}


class ProfilApp(ui.AppBase):
    """Choose a place: pyramid, indicators with definitions, table by RT."""

    title = "Profil kelurahan"
    intro = (
        "Pilih wilayah untuk melihat susunan penduduknya menurut umur dan jenis kelamin (piramida "
        "penduduk), beberapa indikator utama beserta artinya, dan rincian per RT."
    )

    def __init__(self, wilayah: str = "kandangan_utara") -> None:
        super().__init__()
        self.wilayah = ui.labelled(widgets.Dropdown(options=ui.wilayah_options(), value=wilayah), "Wilayah")
        self.scale = ui.labelled(
            widgets.ToggleButtons(options=[("Jumlah jiwa", "jumlah"), ("Persen", "persen")], value="jumlah"),
            "Piramida dalam",
        )
        self.indicators = widgets.HTML()
        self.rt_table = widgets.HTML()
        self.figures: dict[str, Any] = {}
        self._computed: dict[str, tuple[Any, dict[str, Any], Any]] = {}
        self._build(self.wilayah, self.scale, extra=[self.indicators, self.rt_table])
        self._watch(self.wilayah, self.scale)
        self.update()
        # The other scale of this place (other places would load their tables: memory per visitor).
        self.prefetch({"scale": ["jumlah", "persen"]})

    # ----------------------------------------------------------------------------------------------
    def compute(self) -> tuple[Any, dict[str, Any], Any]:
        """Pyramid counts (age group × sex), indicator values, and the table by RT (cached per place)."""
        key = self.wilayah.value
        if key not in self._computed:
            self._computed[key] = self._compute()
        return self._computed[key]

    def _compute(self) -> tuple[Any, dict[str, Any], Any]:
        import pandas as pd

        from cantik import indicators as ind

        penduduk = ui.load_table("penduduk", self.wilayah.value)
        keluarga = ui.load_table("keluarga", self.wilayah.value)
        if penduduk.empty:
            raise ui.UserInputError("Data penduduk wilayah ini kosong.")
        try:
            groups = ind.age_groups(penduduk["umur"])
            pyramid = pd.crosstab(groups, penduduk["jenis_kelamin"].astype(str)).reindex(
                columns=["L", "P"], fill_value=0)
            dep = ind.dependency_ratio(penduduk["umur"])
            figures = {
                "jumlah_penduduk": len(penduduk),
                "jumlah_keluarga": len(keluarga),
                "rasio_jenis_kelamin": ind.sex_ratio(penduduk),
                "rasio_ketergantungan": dep,
                "median_umur": ind.median_age(penduduk["umur"]),
            }
            rows = []
            for rt, grp in penduduk.groupby("rt", observed=True):
                males = int((grp["jenis_kelamin"] == "L").sum())
                rows.append({
                    "RT": int(rt),
                    "Penduduk": len(grp),
                    "Laki-laki": males,
                    "Perempuan": len(grp) - males,
                    "Keluarga": int((keluarga["rt"] == rt).sum()),
                    "Rasio jenis kelamin": ind.sex_ratio(grp) if len(grp) - males else float("nan"),
                })
        except ValueError as exc:
            raise ui.user_error(exc) from None
        return pyramid, figures, pd.DataFrame(rows)

    def update(self) -> None:
        pyramid, figures, by_rt = self.compute()
        self.figures = figures
        self.pyramid = pyramid
        key = (self.wilayah.value, self.scale.value)
        self._show_cached(key, lambda: (self.draw(pyramid), self.alt_text(pyramid)))
        self.summary.value = self.summary_text(pyramid)
        self.indicators.value = self.indicators_html(figures)
        self.rt_table.value = self.rt_html(by_rt)

    # ----------------------------------------------------------------------------------------------
    def _place(self) -> str:
        return dict((k, v) for v, k in ui.wilayah_options())[self.wilayah.value]

    def _values(self, pyramid: Any) -> Any:
        if self.scale.value == "persen":
            return pyramid / pyramid.to_numpy().sum() * 100
        return pyramid

    def draw(self, pyramid: Any) -> Any:
        import numpy as np

        values = self._values(pyramid)
        (ax,) = self.axes(6.4, 5.2, left=0.16, right=0.97, bottom=0.11, top=0.92)
        labels = [str(c) for c in values.index]
        rows = np.arange(len(labels))
        ax.barh(rows, -values["L"].to_numpy(), color="#3b75af", label="Laki-laki")
        ax.barh(rows, values["P"].to_numpy(), color="#d1706b", label="Perempuan")
        ax.set_yticks(rows, labels)
        ax.set_ylim(-0.6, len(labels) - 0.4)
        top = float(values.to_numpy().max()) * 1.1 or 1
        ax.set_xlim(-top, top)
        ticks = ax.get_xticks()
        ax.set_xticks(ticks)
        unit = "%" if self.scale.value == "persen" else ""
        ax.set_xticklabels([ui.format_number(abs(t), 1 if unit else 0) + unit for t in ticks])
        ax.set_xlabel("Persen penduduk" if unit else "Jumlah jiwa")
        ax.set_ylabel("Kelompok umur (tahun)")
        ax.axvline(0, color="black", lw=0.8)
        ax.legend(loc="upper right")
        ax.set_title(f"Piramida penduduk {self._place()}", fontsize=12)
        return ax.figure

    def alt_text(self, pyramid: Any) -> str:
        total = int(pyramid.to_numpy().sum())
        largest = pyramid.sum(axis=1).idxmax()
        return (
            f"Piramida penduduk {self._place()}: {ui.format_number(total)} jiwa, laki-laki di kiri dan "
            f"perempuan di kanan; kelompok umur terbanyak {largest} tahun."
        )

    def summary_text(self, pyramid: Any) -> str:
        total = pyramid.to_numpy().sum()
        by_age = pyramid.sum(axis=1)
        young = by_age.iloc[:3].sum() / total * 100  # 0-4, 5-9, 10-14
        old = by_age.iloc[13:].sum() / total * 100  # 65-69, 70-74, 75+
        lines = [
            f"Jumlah penduduk: **{ui.format_number(int(total))} jiwa**",
            f"Kelompok umur terbanyak: **{by_age.idxmax()} tahun**",
            f"Umur 0–14 tahun: {ui.format_number(young, 1)}%; umur 65 tahun ke atas: "
            f"{ui.format_number(old, 1)}%",
            f"Laki-laki {ui.format_number(int(pyramid['L'].sum()))}, perempuan "
            f"{ui.format_number(int(pyramid['P'].sum()))}",
        ]
        note = ("Batang kiri laki-laki, kanan perempuan. Alas yang lebar berarti banyak anak; puncak yang "
                "melebar berarti banyak penduduk tua.")
        return ui.summary_html("Ringkasan piramida", lines, note)

    def indicators_html(self, f: dict[str, Any]) -> str:
        dep = f["rasio_ketergantungan"]
        cards = [
            ("rasio_jenis_kelamin", ui.format_number(f["rasio_jenis_kelamin"], 1)),
            ("rasio_ketergantungan",
             f"{ui.format_number(dep.total, 1)} (muda {ui.format_number(dep.young, 1)}, "
             f"tua {ui.format_number(dep.old, 1)})"),
            ("median_umur", f"{ui.format_number(f['median_umur'], 1)} tahun"),
        ]
        items = [
            f"<li><strong>Jumlah penduduk:</strong> {ui.format_number(f['jumlah_penduduk'])} jiwa, "
            f"{ui.format_number(f['jumlah_keluarga'])} keluarga (KK)</li>"
        ]
        for kode, value in cards:
            d = _definition(kode)
            items.append(
                f"<li><strong>{html.escape(d['nama'])}:</strong> {html.escape(value)} "
                f"{html.escape(d['satuan']) if kode != 'median_umur' else ''}"
                f"<br><span class=\"cantik-note\">{html.escape(d['definisi'])} "
                f"{html.escape(d.get('interpretasi', ''))}</span></li>"
            )
        return f'<section><h2>Indikator utama</h2><ul>{"".join(items)}</ul></section>'

    def rt_html(self, by_rt: Any) -> str:
        head = "".join(f'<th scope="col" class="num">{html.escape(c)}</th>' for c in by_rt.columns)
        body = []
        for row in by_rt.itertuples(index=False):
            cells = [ui.format_number(v, 1) if isinstance(v, float) else ui.format_number(v) for v in row]
            body.append("<tr>" + "".join(f'<td class="num">{c}</td>' for c in cells) + "</tr>")
        return (
            '<section><h2>Rincian per RT</h2>'
            '<div class="cantik-table-wrap" tabindex="0" role="region" aria-label="Tabel penduduk per RT">'
            f'<table><caption>Penduduk per RT, {html.escape(self._place())} (data sintetis)</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div></section>"
        )
