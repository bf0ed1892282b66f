"""Chart answers read from their SVG and compared with the data (fast: real matplotlib and pandas charts
checked in this process, as ``cek`` does in a learner's kernel and the grader does with the same SVG).

Right charts drawn in other valid ways keep their point (``bar`` or ``barh``, pandas ``.plot``, plain
matplotlib, percentages, other figure sizes, colours, tick formats, subplots, a closed figure); charts with
the wrong content lose it with a message naming the likely mistake; hostile SVG is refused quickly.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.ticker import FuncFormatter

from cantik import indicators as ind
from cantik.checks import cek, periksa
from cantik.checks.chart_reader import read_svg
from cantik.checks.core import dari_json, ke_json
from cantik.checks.figures import Gambar, angka_tik, fakta_grafik, gambar, peta_sumbu
from cantik.data import load


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return {t: load(t) for t in ("penduduk", "keluarga", "ampunku", "balita")}


@pytest.fixture(scope="module")
def piramida(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    p = data["penduduk"]
    return pd.crosstab(ind.age_groups(p["umur"]), p["jenis_kelamin"])


@pytest.fixture(scope="module")
def laju_rt(data: dict[str, pd.DataFrame]) -> pd.Series:
    return data["ampunku"]["rt"].value_counts() / data["penduduk"]["rt"].value_counts() * 1000


def _labels(ax: plt.Axes, title: str = "Judul, Kandangan Utara 2025", x: str = "Jumlah",
            y: str = "Umur") -> None:
    ax.set(title=title, xlabel=x, ylabel=y)


# ── reading ─────────────────────────────────────────────────────────────────────────────────────────
def test_tick_labels_are_read_in_either_number_style() -> None:
    assert [angka_tik(t) for t in ("−1,500", "2.5", "1e3", "40%", "RT 3", "")] == [-1500, 2.5, 1000, 40, None,
                                                                                    None]
    assert angka_tik("1.500", "id") == 1500 and angka_tik("2,5", "id") == 2.5
    ticks = [(10.0, "0"), (20.0, "1.000"), (30.0, "2.000")]
    assert peta_sumbu(ticks).skala == pytest.approx(0.01)  # read the Indonesian way: 1.000 is one thousand
    pyramid = [(0.0, "200"), (10.0, "100"), (20.0, "0"), (30.0, "100"), (40.0, "200")]
    assert peta_sumbu(pyramid).nilai(0.0) == pytest.approx(-200)  # unsigned counts left of zero
    assert peta_sumbu([(0.0, "Jan"), (1.0, "Feb")]) is None
    assert peta_sumbu([(0.0, "0.0"), (10.0, "0.5")], offset="1e3").nilai(10.0) == pytest.approx(500)


def test_facts_of_a_bar_chart_come_from_what_is_drawn() -> None:
    fig, (kiri, ax) = plt.subplots(1, 2, figsize=(9, 3))
    ax.bar(["a", "b", "c"], [1200, 1500, 300], color="green")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}".replace(",", ".")))
    ax.set(xlabel="RT", ylabel="Jumlah")
    fig.suptitle("Judul gambar")
    fig.text(0.01, 0.01, "Sumber: data sintetis")
    g = fakta_grafik(ax)  # the Axes handed in is the panel read
    assert (g.jenis, g.judul, g.label_x, g.label_y) == ("batang", "Judul gambar", "RT", "Jumlah")
    assert [(round(b.nilai), b.label) for b in g.batang] == [(1200, "a"), (1500, "b"), (300, "c")]
    assert g.skala_terbaca and g.sumbu_nilai_dari_nol and g.jumlah_sumbu == 2
    kiri.barh(["x", "y"], [2, 3])
    assert fakta_grafik(kiri).jenis == "batang_mendatar"


def test_patched_matplotlib_getters_change_nothing_that_is_drawn(monkeypatch: pytest.MonkeyPatch,
                                                                piramida: pd.DataFrame) -> None:
    from matplotlib.axes import Axes

    for name in ("get_title", "get_xlabel", "get_ylabel"):
        monkeypatch.setattr(Axes, name, lambda self, *a, **k: "Piramida penduduk 2025")
    fig, _ = plt.subplots()
    assert "masih kosong" in periksa("2g", fig).pesan
    fig, ax = plt.subplots()
    label = piramida.index.astype(str)
    ax.barh(label, -piramida["L"])
    ax.barh(label, piramida["P"])
    assert "belum punya judul" in periksa("2g", fig).pesan


def test_a_chart_travels_as_its_svg(piramida: pd.DataFrame) -> None:
    """What cek reads in the kernel, the grader reads: the JSON hand-off and the kernel's extraction code
    carry the same SVG text."""
    from cantik.sandbox.answers import MARKER, decode, extraction_code, parse_extraction

    fig, ax = plt.subplots()
    ax.barh(piramida.index.astype(str), piramida["P"])
    g = gambar(fig)
    assert dari_json(json.loads(json.dumps(ke_json(g)))) == g
    namespace = {"fig": fig, "ax": ax}
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(extraction_code(["fig", "ax"]), namespace)
    raw = parse_extraction(out.getvalue())
    assert MARKER in out.getvalue() and decode("fig", raw["fig"]) == g
    assert decode("ax", raw["ax"]) == gambar(ax) != g  # an Axes is marked as the panel meant
    assert not [k for k in namespace if "cantik" in k]


HOSTILE = {
    "entitas": ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
                + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
                + ']><svg xmlns="http://www.w3.org/2000/svg"><text>&i;</text></svg>'),
    "luar": ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
             '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'),
    "dalam": '<svg xmlns="http://www.w3.org/2000/svg">' + "<g>" * 5000 + "</g>" * 5000 + "</svg>",
    "banyak": '<svg xmlns="http://www.w3.org/2000/svg">' + "<g/>" * 150_000 + "</svg>",
    "besar": '<svg xmlns="http://www.w3.org/2000/svg">' + " " * 5_000_000 + "</svg>",
    "nan": ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><g id="axes_1"><path d="M nan 0 L 1 0 '
            'L 1 1 L nan 1 z" clip-path="url(#p)"/></g></svg>'),
    "bukan_svg": "<html><body>grafik</body></html>",
    "rusak": '<svg xmlns="http://www.w3.org/2000/svg"><g id="axes_1">',
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_svg_is_refused_with_a_reason(name: str) -> None:
    hasil = periksa("2g", Gambar(HOSTILE[name]))
    assert not hasil.benar
    assert any(w in hasil.pesan for w in ("tidak bisa dibaca", "terlalu", "tidak sah", "masih kosong")), hasil


def test_reader_ignores_legends_ticks_and_the_background() -> None:
    fig, ax = plt.subplots()
    ax.bar(["a", "b"], [3, 4], label="seri")
    ax.legend()
    ax.grid(True)
    ax.axhline(2)
    chart = read_svg(gambar(fig).svg)
    assert len(chart.panels) == 1 and len(chart.panels[0].bars) == 2 and len(chart.panels[0].lines) == 1


# ── 2g: the population pyramid ──────────────────────────────────────────────────────────────────────
def _pyramid(t: pd.DataFrame, left: str = "L", right: str = "P", sign: int = -1) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(7, 6))
    label = t.index.astype(str)
    ax.barh(label, sign * t[left], color="#3a7dc9")
    ax.barh(label, t[right], color="#e07b91")
    _labels(ax)
    return fig


def test_pyramids_drawn_in_other_valid_ways_pass(piramida: pd.DataFrame, data: dict) -> None:
    assert periksa("2g", _pyramid(piramida)).benar
    t = piramida.copy()
    t["L"] = -t["L"]
    ax = t[["L", "P"]].plot.barh(stacked=True, width=0.9, figsize=(4, 8), color=["k", "r"])
    _labels(ax)
    assert periksa("2g", ax.figure).benar
    persen = piramida / len(data["penduduk"]) * 100
    fig, (catatan, ax) = plt.subplots(1, 2)
    ax.barh(range(len(persen)), -persen["L"], height=1.0)
    ax.barh(range(len(persen)), persen["P"], height=1.0)
    ax.set_yticks(range(len(persen)), persen.index.astype(str))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{abs(v):.1f}%"))
    catatan.text(0.1, 0.5, "Catatan")
    _labels(ax)
    plt.close(fig)  # as after plt.show(): the Figure object is still drawn
    assert periksa("2g", fig).benar


@pytest.mark.parametrize(("how", "message"), [
    ({"sign": 1}, "menimpa batang perempuan"),
    ({"left": "P", "right": "L"}, "tertukar"),
    ({"reverse": True}, "termuda (0-4) harus di paling bawah"),
    ({"grouped": True}, "Semua batang mengarah ke kanan"),
    ({"constant": True}, "tidak cocok dengan banyaknya laki-laki"),
    ({"women_only": True}, "seharusnya 32"),
    ({"vertical": True}, "diagram batang mendatar"),
])
def test_wrong_pyramids_lose_with_their_message(piramida: pd.DataFrame, how: dict, message: str) -> None:
    t = piramida.iloc[::-1] if how.pop("reverse", False) else piramida
    if how.pop("grouped", False):
        ax = t[["L", "P"]].plot.barh()
        _labels(ax)
        fig = ax.figure
    elif how.pop("constant", False):
        fig = _pyramid(t * 0 + 100)
    elif how.pop("women_only", False):
        fig, ax = plt.subplots()
        ax.barh(t.index.astype(str), t["P"])
        _labels(ax)
    elif how.pop("vertical", False):
        ax = t.plot.bar()
        _labels(ax)
        fig = ax.figure
    else:
        fig = _pyramid(t, **how)
    hasil = periksa("2g", fig)
    assert not hasil.benar and message in hasil.pesan, hasil


def test_cek_prints_the_chart_verdict(piramida: pd.DataFrame, capsys: pytest.CaptureFixture[str]) -> None:
    cek("2g", _pyramid(piramida))
    cek("2g", _pyramid(piramida, sign=1))
    out = capsys.readouterr().out
    assert "✅ Benar! (soal 2g)" in out and "menimpa batang perempuan" in out


# ── 7c, 7e, 7f: the AMPUNKU dashboard ──────────────────────────────────────────────────────────────
def test_monthly_line(data: dict) -> None:
    tanggal = data["ampunku"]["tanggal"]
    per_bulan = tanggal.dt.to_period("M").value_counts().sort_index()
    fig, ax = plt.subplots(figsize=(8, 4))
    ax.plot(per_bulan.index.astype(str), per_bulan.to_numpy(), marker="o")
    ax.tick_params(axis="x", rotation=45)
    _labels(ax)
    assert periksa("7c", fig).benar
    _, ax = plt.subplots()
    tanggal.to_frame().set_index("tanggal").resample("MS").size().plot(ax=ax)
    _labels(ax)
    assert periksa("7c", ax.figure).benar
    plt.close("all")
    for wrong, message in ((per_bulan.sort_values(), "diurutkan menurut nilainya"),
                           (tanggal.dt.month.value_counts().sort_index(), "belum menurut waktu"),
                           (per_bulan * 0 + 70, "tidak cocok dengan banyaknya perjalanan"),
                           # months grouped by their names: alphabetical ("Apr 2025" before "Jan 2025")
                           (tanggal.groupby(tanggal.dt.strftime("%b %Y")).size(), "diurutkan menurut abjad")):
        fig, ax = plt.subplots()
        ax.plot(range(len(wrong)), wrong.to_numpy())
        _labels(ax)
        assert message in periksa("7c", fig).pesan


@pytest.mark.parametrize(("values", "message"), [
    ("counts", "BANYAKNYA perjalanan"),
    ("per100", "per 100 penduduk"),
    ("keluarga", "bukan banyaknya keluarga"),
    ("constant", "sama panjang"),
    ("unsorted", "belum diurutkan"),
])
def test_rates_per_rt_with_the_wrong_content(data: dict, laju_rt: pd.Series, values: str,
                                             message: str) -> None:
    a = data["ampunku"]
    per_keluarga = a["rt"].value_counts() / data["keluarga"]["rt"].value_counts() * 1000
    series = {"counts": a["rt"].value_counts().sort_values(), "per100": (laju_rt / 10).sort_values(),
              "keluarga": per_keluarga.sort_values(), "constant": laju_rt * 0 + 150,
              "unsorted": laju_rt.sort_index()}[values]
    fig, ax = plt.subplots()
    ax.barh(series.index.astype(str), series.to_numpy())
    _labels(ax, x="Perjalanan per 1.000 penduduk", y="RT")
    hasil = periksa("7e", fig)
    assert not hasil.benar and message in hasil.pesan, hasil


def test_rates_per_rt_drawn_in_other_valid_ways(laju_rt: pd.Series) -> None:
    urut = laju_rt.sort_values(ascending=False)
    fig, ax = plt.subplots(figsize=(10, 3))
    ax.bar([f"RT {k:02d}" for k in urut.index], urut.to_numpy(), color="purple")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.1f}".replace(".", "#").replace(",", ".")
                                               .replace("#", ",")))
    _labels(ax, x="RT", y="perjalanan per 1000 penduduk")
    assert periksa("7e", fig).benar


def _bar_rt(values: pd.Series, horizontal: bool = True, label: str = "Perjalanan per 1.000 penduduk",
         bottom: float | None = None) -> plt.Figure:
    fig, ax = plt.subplots()
    (ax.barh if horizontal else ax.bar)(values.index.astype(str), values.to_numpy())
    ax.set_title("AMPUNKU menurut RT, 2024/2025")
    (ax.set_xlabel if horizontal else ax.set_ylabel)(label)
    (ax.set_ylabel if horizontal else ax.set_xlabel)("RT")
    if bottom is not None:
        (ax.set_xlim if horizontal else ax.set_ylim)(bottom, None)
    return fig


def test_sorted_bars_pass_in_either_direction_and_orientation(laju_rt: pd.Series) -> None:
    assert periksa("7e", _bar_rt(laju_rt.sort_values())).benar
    assert periksa("7e", _bar_rt(laju_rt.sort_values(ascending=False), horizontal=False)).benar
    _, ax = plt.subplots()
    laju_rt.sort_values().plot.bar(ax=ax, title="AMPUNKU per RT", xlabel="RT", ylabel="per 1000 penduduk")
    assert periksa("7e", ax).benar


def test_honest_chart_failures_get_their_message(laju_rt: pd.Series) -> None:
    assert "belum diurutkan" in periksa("7e", _bar_rt(laju_rt.sort_index())).pesan
    assert "mulai dari nol" in periksa("7e", _bar_rt(laju_rt.sort_values(), bottom=60)).pesan
    assert "satuannya" in periksa("7e", _bar_rt(laju_rt.sort_values(), label="Perjalanan")).pesan
    counts = load("ampunku")["rt"].value_counts().sort_values()
    assert "BANYAKNYA perjalanan" in periksa("7e", _bar_rt(counts)).pesan  # counts drawn, not the rate
    fig, ax = plt.subplots()
    ax.barh(range(len(laju_rt)), laju_rt.sort_values().to_numpy())
    ax.set(title="AMPUNKU", xlabel="per 1.000 penduduk", ylabel="RT")
    ax.set_yticks([])
    assert "label RT" in periksa("7e", fig).pesan


def test_waiting_time_histogram_needs_minutes_on_its_axis() -> None:
    tunggu = load("ampunku")["waktu_tunggu_menit"]
    fig, ax = plt.subplots()
    ax.hist(tunggu, bins=15)
    ax.set(title="Waktu tunggu", xlabel="Waktu tunggu", ylabel="Perjalanan")
    assert "satuannya" in periksa("7f", fig).pesan
    ax.set_xlabel("Waktu tunggu (Menit)")
    assert periksa("7f", fig).benar


def test_waiting_time_histogram(data: dict) -> None:
    a = data["ampunku"]
    _, ax = plt.subplots()
    a["waktu_tunggu_menit"].plot.hist(ax=ax, bins=20, title="Waktu tunggu")
    ax.set_xlabel("Menit")
    assert periksa("7f", ax.figure).benar
    fig, ax = plt.subplots()
    ax.hist(a["waktu_tunggu_menit"], bins=np.arange(0, 130, 10), rwidth=0.8, density=True)
    _labels(ax, x="Waktu tunggu (menit)", y="Kepadatan")
    assert periksa("7f", fig).benar
    for kolom, message in (("waktu_tempuh_menit", "waktu TEMPUH"), ("jarak_km", "jarak perjalanan")):
        fig, ax = plt.subplots()
        ax.hist(a[kolom], bins=15)
        _labels(ax, x="Waktu tunggu (menit)", y="Perjalanan")
        assert message in periksa("7f", fig).pesan
    fig, ax = plt.subplots()
    ax.bar(range(15), [10] * 15, width=1.0)
    _labels(ax, x="Waktu tunggu (menit)", y="Perjalanan")
    assert "tidak cocok dengan sebaran" in periksa("7f", fig).pesan


# ── 8g: one honest chart of any indicator ──────────────────────────────────────────────────────────
def test_capstone_chart_of_any_indicator_from_the_data(data: dict) -> None:
    keluarga, balita = data["keluarga"], data["balita"]
    p0 = keluarga.groupby("rt").apply(
        lambda d: ind.poverty_indices(d, 644107, weights="jumlah_anggota").p0, include_groups=False)
    fig, ax = plt.subplots()
    ax.barh([f"RT {k}" for k in p0.sort_values().index], p0.sort_values().to_numpy())
    _labels(ax, x="Penduduk miskin (%)", y="RT")
    assert periksa("8g", fig).benar
    s = (ind.height_for_age_z_table(balita) < -2).groupby(balita["posyandu"]).mean().mul(100)
    _, ax = plt.subplots()
    s.sort_values().plot.bar(ax=ax, title="Stunting per posyandu 2025", xlabel="Posyandu", ylabel="%")
    assert periksa("8g", ax.figure).benar
    for wrong, message in ((p0.sort_index(), "belum diurutkan"), (p0 * 0 + 5, "sama panjang"),
                           (pd.Series(np.linspace(1, 9, len(p0)), index=p0.index), "tidak cocok dengan "
                                                                                     "indikator")):
        fig, ax = plt.subplots()
        ax.bar(wrong.index.astype(str), wrong.to_numpy())
        _labels(ax, x="RT", y="Persen")
        hasil = periksa("8g", fig)
        assert not hasil.benar and message in hasil.pesan, hasil


def test_a_chart_check_reads_no_table_once_its_expected_values_are_computed(
        data: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    """The grader computes a question's expected values before it reads any learner data; the check of one
    chart then runs in a child with 2 s of CPU. Reading the chart must not go back to the data: the 8g check
    read the posyandu table once per label and catalogue series (1,025 reads, 1.6 s of CPU; under load the
    capstone's honest chart lost its point)."""
    from cantik.checks import core
    from cantik.data import loader

    core.siapkan_soal(["8g", "0f"])
    balita = data["balita"]
    s = (ind.height_for_age_z_table(balita) < -2).groupby(balita["posyandu"]).mean().mul(100)
    fig, ax = plt.subplots()
    s.sort_values().plot.bar(ax=ax, title="Stunting per posyandu 2025", xlabel="Posyandu", ylabel="%")
    reads: list[tuple] = []
    real = loader.resolve
    monkeypatch.setattr(loader, "resolve", lambda *a, **k: reads.append(a) or real(*a, **k))
    assert periksa("8g", fig).benar
    assert reads == []


@pytest.mark.parametrize("label", ["{}", "RT {}", "RT {:02d}", "RT.{:03d}", "RT {:03d}/RW 002"])
def test_bars_per_rt_may_name_the_rt_as_learners_write_it(data: dict, label: str) -> None:
    """0f: "RT 1", "RT 01", "RT.001" are the same RT as "1" (before: only a bare number was read)."""
    n = data["keluarga"]["rt"].value_counts().sort_index()
    fig, ax = plt.subplots()
    ax.bar([label.format(int(k)) for k in n.index], n.to_numpy())
    _labels(ax, title="Banyaknya keluarga per RT, Kandangan Utara 2025", x="RT", y="Banyaknya keluarga")
    hasil = periksa("0f", fig)
    assert hasil.benar, hasil


def test_a_missing_title_or_label_is_not_sent_back_to_the_computing_steps(data: dict) -> None:
    """The chart's content is right: the message names what to add, without "Periksa lagi: hitung dulu ..."
    (which sent a learner back to counts that were already right)."""
    n = data["keluarga"]["rt"].value_counts().sort_index()
    fig, ax = plt.subplots()
    n.plot.bar(ax=ax)
    ax.set(xlabel="RT", ylabel="Banyaknya keluarga")
    hasil = periksa("0f", fig)
    assert not hasil.benar and "belum punya judul" in hasil.pesan and "Periksa lagi" not in hasil.pesan
    fig, ax = plt.subplots()
    ax.pie(n.to_numpy(), labels=n.index)
    hasil = periksa("0f", fig)
    assert "diagram lingkaran" in hasil.pesan and "Periksa lagi" in hasil.pesan  # wrong kind: steps help
