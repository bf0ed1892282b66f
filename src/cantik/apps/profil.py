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

from cantik.apps import charts, tables
from cantik.apps.base import AppBase
from cantik.apps.challenge import Answer, Challenge
from cantik.apps.formatting import format_number, format_percent
from cantik.apps.layout import FigureNote, labelled, summary_html
from cantik.apps.messages import UserInputError, user_error

#: The challenge's options: share of residents aged 65 and over (percent), as (label, key, upper bound).
OLD_SHARE_OPTIONS = [("Kurang dari 5", "<5", 5.0), ("5 sampai 10", "5-10", 10.0),
                     ("Lebih dari 10", ">10", 1e9)]


def _definition(kode: str) -> dict[str, str]:
    from cantik.data.metadata import INDICATORS

    for row in INDICATORS:
        if row["kode"] == kode:
            return row
    return {"nama": kode, "definisi": "", "satuan": "", "interpretasi": ""}


class ProfilApp(AppBase):
    """Choose a place: pyramid, indicators with definitions, table by RT."""

    title = "Profil kelurahan"
    intro = (
        "Pilih wilayah untuk melihat susunan penduduknya menurut umur dan jenis kelamin (piramida "
        "penduduk), beberapa indikator utama beserta artinya, dan rincian per RT atau dusun."
    )

    def __init__(self, wilayah: str | None = None) -> None:
        super().__init__()
        self.place_selector(wilayah)
        self.scale = labelled(
            widgets.ToggleButtons(options=[("Jumlah jiwa", "jumlah"), ("Persen", "persen")], value="jumlah"),
            "Piramida dalam",
        )
        self.indicators = widgets.HTML()
        self.rt_table = widgets.HTML()
        self.result_widgets = [self.indicators, self.rt_table]
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

        penduduk = tables.load_table("penduduk", self.wilayah.value)
        keluarga = tables.load_table("keluarga", self.wilayah.value)
        if penduduk.empty:
            raise UserInputError("Data penduduk wilayah ini kosong.")
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
                    self.unit: int(rt),
                    "Penduduk": len(grp),
                    "Laki-laki": males,
                    "Perempuan": len(grp) - males,
                    "Keluarga": int((keluarga["rt"] == rt).sum()),
                    "Rasio jenis kelamin": ind.sex_ratio(grp) if len(grp) - males else float("nan"),
                })
        except ValueError as exc:
            raise user_error(exc) from None
        return pyramid, figures, pd.DataFrame(rows)

    def update(self) -> None:
        self.figures = {}
        pyramid, figures, by_rt = self.compute()
        self.figures = figures
        self.pyramid = pyramid
        key = (self.wilayah.value, self.scale.value)
        self._show_cached(key, lambda: (self.draw(pyramid), self.alt_text(pyramid)))
        self.summary.value = self.summary_text(pyramid)
        self.indicators.value = self.indicators_html(figures)
        self.rt_table.value = self.rt_html(by_rt)
        self.show_notes()

    # ----------------------------------------------------------------------------------------------
    def _place(self) -> str:
        return self.place_label

    def _values(self, pyramid: Any) -> Any:
        if self.scale.value == "persen":
            return pyramid / pyramid.to_numpy().sum() * 100
        return pyramid

    def draw(self, pyramid: Any) -> Any:
        import numpy as np

        values = self._values(pyramid)
        (ax,) = self.axes(height=6.2, left=0.2, right=0.96, bottom=0.1, top=0.86)
        labels = [str(c).replace("-", "–") for c in values.index]
        rows = np.arange(len(labels))
        ax.barh(rows, -values["L"].to_numpy(), color=charts.BLUE, label="Laki-laki")
        ax.barh(rows, values["P"].to_numpy(), color="#d1706b", label="Perempuan")
        ax.set_yticks(rows, labels)
        ax.set_ylim(-0.6, len(labels) - 0.4)
        top = float(values.to_numpy().max()) * 1.1 or 1
        ax.set_xlim(-top, top)
        unit = "%" if self.scale.value == "persen" else ""
        charts.number_axis(ax.xaxis, suffix=unit, whole=not unit, nbins=5, absolute=True)
        ax.set_xlabel("Persen penduduk" if unit else "Jumlah jiwa")
        ax.set_ylabel("Kelompok umur (tahun)")
        ax.axvline(0, color="black", lw=0.8)
        ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, frameon=False, borderaxespad=0.2)
        ax.set_title(f"Piramida penduduk\n{self._place()}", loc="left", pad=30)
        return ax.figure

    def alt_text(self, pyramid: Any) -> str:
        total = int(pyramid.to_numpy().sum())
        largest = str(pyramid.sum(axis=1).idxmax()).replace("-", "–")
        return (
            f"Piramida penduduk {self._place()}: {format_number(total)} jiwa, laki-laki di kiri dan "
            f"perempuan di kanan; kelompok umur terbanyak {largest} tahun."
        )

    def summary_text(self, pyramid: Any) -> str:
        total = pyramid.to_numpy().sum()
        by_age = pyramid.sum(axis=1)
        young = by_age.iloc[:3].sum() / total * 100  # 0-4, 5-9, 10-14
        old = by_age.iloc[13:].sum() / total * 100  # 65-69, 70-74, 75+
        lines = [
            f"Jumlah penduduk: **{format_number(int(total))} jiwa**",
            f"Kelompok umur terbanyak: **{str(by_age.idxmax()).replace('-', '–')} tahun**",
            f"Umur 0–14 tahun: {format_percent(young, 1)}; umur 65 tahun ke atas: {format_percent(old, 1)}",
            f"Laki-laki {format_number(int(pyramid['L'].sum()))}, perempuan "
            f"{format_number(int(pyramid['P'].sum()))}",
            self._base_line(by_age),
        ]
        note = ("Batang kiri laki-laki, kanan perempuan. Batang paling atas (75+) adalah kelompok "
                "**terbuka**: semua umur 75 tahun ke atas dalam satu batang, jadi wajar lebih lebar daripada "
                "kelompok 5 tahunan di bawahnya; itu belum berarti penduduk tua banyak. Bandingkan "
                "persen umur 65 tahun ke atas.")
        return summary_html(f"Ringkasan piramida, {self.place_label}", lines, note)

    @staticmethod
    def _base_line(by_age: Any) -> str:
        """What the base of the pyramid says (0–4 against 10–14), from the data."""
        babies, older = int(by_age.iloc[0]), int(by_age.iloc[2])
        if babies < older * 0.95:
            return (f"Alas piramida **menyempit**: umur 0–4 tahun {format_number(babies)} jiwa, umur 10–14 "
                    f"tahun {format_number(older)} jiwa. Kelahiran beberapa tahun terakhir lebih sedikit.")
        if babies > older * 1.05:
            return (f"Alas piramida **melebar**: umur 0–4 tahun {format_number(babies)} jiwa, umur 10–14 "
                    f"tahun {format_number(older)} jiwa. Kelahiran beberapa tahun terakhir lebih banyak.")
        return (f"Alas piramida hampir tegak: umur 0–4 tahun {format_number(babies)} jiwa, umur 10–14 tahun "
                f"{format_number(older)} jiwa.")

    def indicators_html(self, f: dict[str, Any]) -> str:
        dep = f["rasio_ketergantungan"]
        cards = [
            ("rasio_jenis_kelamin", format_number(f["rasio_jenis_kelamin"], 1)),
            ("rasio_ketergantungan",
             f"{format_number(dep.total, 1)} (muda {format_number(dep.young, 1)}, "
             f"tua {format_number(dep.old, 1)})"),
            ("median_umur", f"{format_number(f['median_umur'], 1)} tahun"),
        ]
        items = [
            f"<li><strong>Jumlah penduduk:</strong> {format_number(f['jumlah_penduduk'])} jiwa, "
            f"{format_number(f['jumlah_keluarga'])} keluarga (KK)</li>"
        ]
        for kode, value in cards:
            d = _definition(kode)
            items.append(
                f"<li><strong>{html.escape(d['nama'])}:</strong> {html.escape(value)} "
                f"{html.escape(d['satuan']) if kode != 'median_umur' else ''}"
                f"<br><span class=\"cantik-note\">{html.escape(d['definisi'])} "
                f"{html.escape(d.get('interpretasi', ''))}</span></li>"
            )
        source = (f"Dihitung dari tabel penduduk {self._place()} ({self.data_kind}), tanggal rujukan "
                  f"{tables.reference_date_text(self.place_key)}. Definisi: metadata indikator gaya SIRUSA "
                  "BPS.")
        return (f'<section><h2>Indikator utama</h2><ul>{"".join(items)}</ul>'
                f'<p class="cantik-note">{html.escape(source)}</p></section>')

    def rt_html(self, by_rt: Any) -> str:
        head = "".join(f'<th scope="col" class="num">{html.escape(c)}</th>' for c in by_rt.columns)
        body = []
        for row in by_rt.itertuples(index=False):
            cells = [format_number(v, 1) if isinstance(v, float) else format_number(v) for v in row]
            body.append("<tr>" + "".join(f'<td class="num">{c}</td>' for c in cells) + "</tr>")
        return (
            f'<section><h2>Rincian per {self.unit}</h2>'
            '<p class="cantik-scroll-cue" aria-hidden="true">Geser tabel ke samping untuk melihat semua '
            "kolom →</p>"
            '<div class="cantik-table-wrap" tabindex="0" role="region" '
            f'aria-label="Tabel penduduk per {self.unit}">'
            f'<table><caption>Penduduk per {self.unit}, {html.escape(self._place())} '
            f'({html.escape(self.data_kind)})</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div></section>"
        )

    def figure_notes(self) -> list[FigureNote]:
        source = f"tabel penduduk {self._place()}"
        period = f"tanggal rujukan {tables.reference_date_text(self.place_key)}"
        return [
            FigureNote("Penduduk menurut kelompok umur dan jenis kelamin", "Banyaknya penduduk per kelompok "
                       "umur 5 tahunan (umur dalam tahun yang sudah genap); kelompok terakhir, 75+, terbuka.",
                       "jiwa, atau persen dari seluruh penduduk", source, period),
        ]

    # ----------------------------------------------------------------------------------------------
    def make_challenge(self) -> Challenge:
        return Challenge(
            "Tebak: dari setiap 100 penduduk wilayah yang dipilih, berapa yang berumur **65 tahun ke atas**?",
            [(label, key) for label, key, _ in OLD_SHARE_OPTIONS], self._challenge_answer,
            action="Lihat piramida dalam persen")

    def _challenge_answer(self) -> Answer:
        self.scale.value = "persen"
        pyramid = self.pyramid
        by_age = pyramid.sum(axis=1)
        old = float(by_age.iloc[13:].sum() / by_age.sum() * 100)
        key = next(key for _label, key, upper in OLD_SHARE_OPTIONS if old < upper)
        return Answer(key, (
            f"Di {self._place()}, {format_number(old, 1)} dari setiap 100 penduduk berumur 65 tahun ke atas "
            f"(jumlahkan tiga batang teratas di kedua sisi piramida). Batang 75+ tampak lebar karena "
            "kelompoknya terbuka, bukan karena penduduk tuanya banyak."))
