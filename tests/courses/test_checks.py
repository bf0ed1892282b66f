"""Unit tests of the check framework: plain conversion, tolerant comparisons, figures, messages, hints."""

from __future__ import annotations

import math
import subprocess
import sys

import matplotlib
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from cantik.checks import (
    JawabanDitolak,
    Salah,
    Soal,
    cek,
    daftar,
    ke_polos,
    periksa,
    petunjuk,
    uji,
    uji_bentuk,
)
from cantik.checks.compare import (
    banding_angka,
    banding_deret,
    banding_himpunan,
    banding_tabel,
    banding_teks,
)
from cantik.checks.figures import Gambar, banding_grafik, fakta_grafik, gambar
from cantik.checks.plain import Deret, Tabel


# ── exploit-resistant conversion ───────────────────────────────────────────────────────────────────
class EqSelalu:
    def __eq__(self, other: object) -> bool:
        return True

    def __float__(self) -> float:
        return 12.5

    __hash__ = object.__hash__


class FloatCurang(float):
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = float.__hash__


class SeriesCurang(pd.Series):
    def __eq__(self, other: object) -> bool:  # type: ignore[override]
        return True


class ArrayCurang(np.ndarray):
    def __eq__(self, other: object) -> bool:  # type: ignore[override]
        return True


def test_objects_overriding_eq_are_refused_or_read_honestly() -> None:
    with pytest.raises(JawabanDitolak):
        ke_polos(EqSelalu())
    assert ke_polos(FloatCurang(3.0)) == 3.0 and type(ke_polos(FloatCurang(3.0))) is float
    with pytest.raises(JawabanDitolak):
        ke_polos(SeriesCurang([1.0]))
    with pytest.raises(JawabanDitolak):
        ke_polos(np.arange(3).view(ArrayCurang))
    with pytest.raises(JawabanDitolak):
        ke_polos([1, EqSelalu()])


def test_plain_conversion_of_pandas_and_numpy() -> None:
    assert ke_polos(np.float32(1.5)) == 1.5 and type(ke_polos(np.int64(3))) is int
    s = ke_polos(pd.Series([1, None], index=["a", "b"], dtype="Int64", name="n"))
    assert s == Deret(("a", "b"), (1, None), "n")
    t = ke_polos(pd.DataFrame({"rt": [1, 2], "n": [3.0, 4.0]}).set_index("rt"))
    assert t == Tabel(("rt", "n"), ((1, 3.0), (2, 4.0)))
    assert ke_polos({"L": np.int64(2)}) == Deret(("L",), (2,))
    assert math.isnan(ke_polos(float("nan")))


# ── comparisons ────────────────────────────────────────────────────────────────────────────────────
daftar(Soal("99p", harapan=lambda: 41.4634, banding=banding_angka(desimal=1, persen=True),
            langkah="pembilang dan penyebutnya."))


@pytest.mark.parametrize(
    ("answer", "ok", "fragment"),
    [
        (41.46, True, ""),
        (41.5, True, ""),
        (41.4, False, "dipotong"),  # 1 decimal asked: 41.4 cuts 41.4634 instead of rounding it
        (41, False, "dibulatkan terlalu kasar (menjadi bilangan bulat)"),
        (41.3, False, "Periksa lagi: pembilang"),  # not a rounding of 41.46: no "Hampir"
        (0.414634, False, "pecahan"),
        ("41.5", False, "teks"),
        ("41,5", False, "sudah benar, tetapi ditulis sebagai teks"),
        (float("nan"), False, "NaN"),
        ([41.4634], True, ""),
        (60.0, False, "lebih besar daripada jawaban yang benar"),
        (None, False, "kosong"),
    ],
)
def test_number_messages(answer: object, ok: bool, fragment: str) -> None:
    hasil = periksa("99p", answer)
    assert hasil.benar is ok
    assert fragment in hasil.pesan
    assert "terlalu besar" not in hasil.pesan and "terlalu kecil" not in hasil.pesan
    assert ("Hampir" in hasil.pesan) == ("dibulatkan terlalu kasar" in fragment or "dipotong" in fragment)


daftar(Soal("99k", harapan=lambda: Deret(tuple(range(5)), (-1.8796, 0.1051, -1.3075, 0.3, -1.16)),
            banding=banding_deret(desimal=2), bentuk="deret", langkah="skor-z setiap balita."))


@pytest.mark.parametrize(("how", "fragment"), [
    (lambda s: s.round(1), "dibulatkan terlalu kasar (menjadi 1 angka di belakang koma)"),
    (lambda s: s.map(lambda v: round(v, 1)), "dibulatkan terlalu kasar (menjadi 1 angka di belakang koma)"),
    (lambda s: s.round(0), "dibulatkan terlalu kasar (menjadi bilangan bulat)"),
    (lambda s: s.map(lambda v: math.trunc(v * 100) / 100), "dipotong"),
])
def test_a_column_rounded_as_a_whole_is_named_once(how: object, fragment: str) -> None:
    """A learner rounds a whole column one way (``.round(1)``); a value whose coarse rounding equals a cut
    (0.1051 → 0.1, also 0.1051 cut to 2 decimals) made the message say "cut, not rounded" for a rounded
    column (module 6a's z-scores)."""
    z = pd.Series([-1.8796, 0.1051, -1.3075, 0.3, -1.16])
    hasil = periksa("99k", how(z))
    assert not hasil.benar and fragment in hasil.pesan, hasil.pesan
    assert periksa("99k", z.round(2)).benar and periksa("99k", z).benar


def test_number_comparator_alone_only_decides() -> None:
    assert banding_angka(desimal=1)(12.3, 12.34).benar
    wrong = banding_angka(desimal=1)(13.0, 12.34)
    assert not wrong and wrong.jenis == "nilai"
    assert banding_angka(desimal=1)("12,3", 12.34).jenis == "bentuk"


def test_percent_given_where_fraction_asked() -> None:
    from cantik.checks.mistakes import skala

    daftar(Soal("99f", harapan=lambda: 0.123, banding=banding_angka(desimal=3),
                salah=[skala(lambda: 0.123, 0.01, "Jangan kalikan dengan 100.", "persen")]))
    hasil = periksa("99f", 12.3)
    assert not hasil.benar and "Jangan kalikan dengan 100" in hasil.pesan and hasil.kode == ("99f/persen",)


def test_series_comparison_ignores_order_dtype_and_label_spelling() -> None:
    expected = ke_polos(pd.Series([10, 20, 30], index=[1, 2, 3]))
    cmp = banding_deret(desimal=0)
    assert cmp(ke_polos(pd.Series([30.0, 10.0, 20.0], index=["3", "1", "2"])), expected)
    assert cmp(ke_polos([10, 20, 30]), expected)
    assert cmp(ke_polos({1: 10, 2: 20, 3: 30}), expected)
    assert cmp(ke_polos(pd.DataFrame({"rt": [3, 1, 2], "n": [30, 10, 20]})), expected)
    missing = cmp(ke_polos(pd.Series([10, 20], index=[1, 2])), expected)
    assert not missing and "belum ada: 3" in missing.pesan
    wrong = cmp(ke_polos(pd.Series([10, 21, 30], index=[1, 2, 3])), expected)
    assert not wrong and "1 kelompok" in wrong.pesan
    # labels as learners write them: a dash pasted from a document, spaces around it, the prefix left out
    umur = ke_polos(pd.Series([5, 7], index=["0-4", "5-9"]))
    for labels in (["0–4", "5–9"], ["0 - 4", "5 - 9"], ["0−4", "5—9"]):
        assert cmp(ke_polos(pd.Series([5, 7], index=labels)), umur), labels
    posyandu = ke_polos(pd.Series([5, 7], index=["Posyandu Anggrek", "Posyandu Melati"]))
    assert cmp(ke_polos(pd.Series([5, 7], index=["Anggrek", "melati"])), posyandu)
    assert cmp(ke_polos(pd.Series([10, 20, 30], index=["Dusun 1", "Dusun 2", "Dusun 3"])), expected)
    daftar(Soal("99d", harapan=lambda: ke_polos(pd.Series([50.0, 25.0, 12.5])), bentuk="deret",
                banding=banding_deret(desimal=1, persen=True)))
    assert "pecahan" in periksa("99d", pd.Series([0.5, 0.25, 0.125])).pesan
    assert "Hampir" in periksa("99d", pd.Series([50, 25, 12])).pesan


def test_series_messages_name_groups_as_written_and_say_when_a_value_is_empty() -> None:
    """A group is named as the question writes it ("Posyandu Anggrek", not "posyandu anggrek"); a value left
    empty (NaN) is called empty, not "belum tepat"."""
    expected = ke_polos(pd.Series([4.5, 7.25, 3.0], index=["Posyandu Anggrek", "Posyandu Melati", "SMA/MA"]))
    cmp = banding_deret(desimal=1)
    missing = cmp(ke_polos(pd.Series([4.5, 7.25], index=["posyandu anggrek", "Posyandu Melati"])), expected)
    assert not missing and "belum ada: SMA/MA" in missing.pesan
    wrong = cmp(ke_polos(pd.Series([4.5, 7.9, 3.0], index=["POSYANDU ANGGREK", "posyandu melati", "SMA/MA"])),
                expected)
    assert not wrong and "misalnya: Posyandu Melati" in wrong.pesan
    empty = cmp(ke_polos(pd.Series([4.5, np.nan, np.nan], index=["Posyandu Anggrek", "Posyandu Melati",
                                                                   "SMA/MA"])), expected)
    assert not empty and "2 kelompok masih kosong (NaN), misalnya: Posyandu Melati, SMA/MA" in empty.pesan


def test_table_comparison_ignores_row_and_column_order() -> None:
    expected = ke_polos(pd.DataFrame({"rt": [1, 2], "aps": [90.0, 80.0]}))
    answer = ke_polos(pd.DataFrame({"aps": [80.04, 89.96], "rt": [2, 1], "lain": ["x", "y"]}))
    assert banding_tabel(desimal=1)(answer, expected)
    assert not banding_tabel(desimal=1)(ke_polos(pd.DataFrame({"rt": [1, 2]})), expected)


def test_text_and_set_comparisons() -> None:
    assert banding_teks()("  kandangan   UTARA ", "Kandangan Utara")
    # a place whose name starts like a prefix ("Kelayan", "Desalin") is never cut ("ayan"): with the prefix
    # written or not, it is the same place
    for answer in ("Kelayan", "Kel. Kelayan", "Kelurahan Kelayan"):
        assert banding_teks()(answer, "Kelayan"), answer
    assert banding_teks()("Desa Desalin", "Desalin") and not banding_teks()("Lin", "Desalin")
    assert banding_himpunan()(["Umur"], ["umur"])
    assert not banding_himpunan()(["umur", "rt"], ["umur"])
    assert banding_himpunan(salah_satu_cukup=True)(3, [3, 7])
    assert not banding_himpunan(salah_satu_cukup=True)([3, 5], [3, 7])


def test_which_groups_answered_with_the_rows_themselves_names_the_fix() -> None:
    """"Which RT has the lowest rate?" answered with the rows (``aps_rt[aps_rt == aps_rt.min()]``,
    ``aps_rt.nsmallest(1)``): the RTs are in the labels, the rates beside them. The message says so and how
    to keep the labels (it said "masih kurang 2 isian dan ada 1 isian yang tidak seharusnya ada"); a True or
    False is no RT number (True counted as RT 1)."""
    aps_rt = pd.Series([80.0, 66.7, 90.0, 66.7], index=pd.Index([1, 3, 5, 7], name="rt"))
    cmp = banding_himpunan(salah_satu_cukup=True)
    for rows in (aps_rt[aps_rt == aps_rt.min()], aps_rt.nsmallest(1)):
        hasil = cmp(ke_polos(rows), [3, 7])
        assert not hasil and "label (indeks) deret Anda: 3" in hasil.pesan
        assert ".index.tolist()" in hasil.pesan and hasil.jenis == "bentuk"
    assert cmp(ke_polos(aps_rt[aps_rt == aps_rt.min()].index.tolist()), [3, 7])
    hasil = cmp(True, [1, 7])
    assert not hasil and "True" in hasil.pesan
    assert "kurang" not in cmp([3, 5], [3, 7]).pesan  # one of the two is enough: only 5 is extra


# ── figures ────────────────────────────────────────────────────────────────────────────────────────
def _bar(truncate: bool = False, title: str = "Judul") -> plt.Figure:
    fig, ax = plt.subplots()
    ax.bar(["a", "b", "c"], [50, 52, 55])
    ax.set_title(title)
    ax.set_xlabel("RT")
    ax.set_ylabel("Jumlah")
    if truncate:
        ax.set_ylim(45, 56)
    return fig


def test_figure_checks() -> None:
    cmp = banding_grafik(jenis="batang")
    assert cmp(gambar(_bar()), 3)
    assert "mulai dari nol" in cmp(gambar(_bar(truncate=True)), 3).pesan
    assert "judul" in cmp(gambar(_bar(title="")), 3).pesan
    assert "4" in cmp(gambar(_bar()), 4).pesan
    _, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    assert "diagram garis" in cmp(gambar(ax), 3).pesan
    with pytest.raises(JawabanDitolak):
        fakta_grafik(EqSelalu())
    assert "bukan SVG" in cmp(Gambar("<html>bukan gambar</html>"), 3).pesan
    plt.close("all")


# ── questions, messages and hints ──────────────────────────────────────────────────────────────────
daftar(
    Soal(
        "99a",
        harapan=lambda: 75.0,
        banding=banding_angka(desimal=1),
        salah=[Salah("Sepertinya Anda membagi dengan seluruh penduduk.", nilai=lambda: 30.0)],
        petunjuk=["langkah satu", "langkah dua"],
    )
)


def test_targeted_message_and_generic_fallback() -> None:
    assert periksa("99a", 75.04).benar
    assert periksa("99a", 30.0).pesan == "Sepertinya Anda membagi dengan seluruh penduduk."
    assert "lebih besar daripada jawaban yang benar" in periksa("99a", 90).pesan
    assert "Periksa lagi: langkah satu" in periksa("99a", 90).pesan  # no langkah given: the first hint
    assert not periksa("99a", EqSelalu()).benar
    assert not periksa("99a", FloatCurang(10.0)).benar


def test_cek_prints_indonesian_feedback(capsys: pytest.CaptureFixture[str]) -> None:
    assert cek("99a", 75.0) is None
    assert "Benar" in capsys.readouterr().out
    cek("99a", 30)
    assert "Belum tepat (soal 99a): Sepertinya" in capsys.readouterr().out
    cek("zz", 1)
    assert "tidak dikenal" in capsys.readouterr().out


@pytest.mark.parametrize(("args", "said"), [
    (("Soal 99a", 75.0), "Benar"), (("99A.", 75.0), "Benar"), (("no. 99a", 75.0), "Benar"),
    ((75.0, "99a"), 'terbalik: nomor soal dulu, lalu jawabannya: `cek("99a", jawaban)`'),
    (("99a",), 'perlu dua isian: nomor soal, lalu jawaban Anda, misalnya `cek("99a",'),
    ((75.0,), 'misalnya `cek("1a",'),
])
def test_cek_reads_the_question_number_as_a_person_would(args: tuple, said: str,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """'Soal 2a', '2a.', the two values swapped, the answer forgotten: a plain line that says what to write
    (before: "Soal 'Soal 2a' tidak dikenal", or a TypeError about a missing argument)."""
    cek(*args)
    assert said in capsys.readouterr().out


def test_a_number_answered_with_a_function_a_table_or_nothing_says_how_to_get_the_number() -> None:
    """`rata = penduduk["umur"].mean` (no brackets), the filtered table itself, `x = print(...)`: each message
    names the fix (it said "Jawaban berjenis 'method' tidak bisa diperiksa")."""
    umur = pd.Series([4.0, 70.0, 30.0])
    assert "tambahkan kurung `()`" in periksa("99a", umur.mean).pesan
    assert "`len(...)` (banyaknya baris)" in periksa("99a", pd.DataFrame({"umur": umur})).pesan
    assert "`print(...)` selalu kosong" in periksa("99a", None).pesan


def test_hints_go_one_step_at_a_time(capsys: pytest.CaptureFixture[str]) -> None:
    petunjuk("99a")
    first = capsys.readouterr().out
    assert "Petunjuk 1 dari 2" in first and "langkah satu" in first
    petunjuk("99a")
    second = capsys.readouterr().out
    assert "Petunjuk 2 dari 2" in second and "terakhir" in second and "langkah satu" not in second
    petunjuk("99a", semua=True)
    assert "langkah satu" in capsys.readouterr().out
    petunjuk()  # the number forgotten: what to write, not a TypeError
    assert '`petunjuk("2a")`' in capsys.readouterr().out


def test_grading_helpers_raise_assertion_errors() -> None:
    uji("99a", 75)
    with pytest.raises(AssertionError, match="seluruh penduduk"):
        uji("99a", 30)
    uji_bentuk("99a", 1.0)  # right kind, wrong value: the visible test passes and reveals nothing
    with pytest.raises(AssertionError, match="satu angka"):
        uji_bentuk("99a", [1, 2])


def test_module_questions_give_targeted_messages_on_real_data() -> None:
    from cantik import indicators as ind
    from cantik.data import load

    p = load("penduduk")
    u = p["umur"]
    parts = {"pembilang": int(((u < 15) | (u >= 65)).sum()), "penyebut": int(u.between(15, 64).sum())}
    assert periksa("2b", ind.dependency_ratio(p).total, parts).benar
    pesan = periksa("2b", ((u < 15) | (u >= 65)).sum() / len(u) * 100, parts).pesan
    assert "bukan dengan penduduk usia 15–64 tahun" in pesan
    anak = {"pembilang": int((u.between(7, 12) & (p["status_sekolah"] == "Masih sekolah")).sum()),
            "penyebut": int(u.between(7, 12).sum())}
    assert "pecahan" in periksa("4a", ind.aps(p, 7, 12) / 100, anak).pesan


def test_importing_course_module_stays_light() -> None:
    code = ("import sys, cantik.authoring.cells, cantik.authoring.build, cantik.checks; "
            "assert 'pandas' not in sys.modules, 'pandas imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_plain_answers_survive_the_json_hand_off_to_the_grader() -> None:
    import json

    from cantik.checks.core import dari_json, ke_json

    fig = _bar()
    values = [
        ke_polos(pd.Series([1.5, 2.0], index=[("a", 1), ("b", 2)])),
        ke_polos(pd.DataFrame({"rt": [1, 2], "n": [3.0, 4.5]})),
        ke_polos((7400, 12)),
        gambar(fig),
        ke_polos(np.float32(2.5)),
        ke_polos(["umur"]),
    ]
    for v in values:
        assert dari_json(json.loads(json.dumps(ke_json(v), allow_nan=False))) == v
    kosong = ke_polos(pd.Series([None], dtype=float))
    nan = dari_json(json.loads(json.dumps(ke_json(kosong), allow_nan=False)))
    assert math.isnan(nan.nilai[0])
    plt.close(fig)
