"""Formula first: the first time an indicator appears it is computed from its parts, each part is checked on
its own, and an answer computed with the library helper for that indicator is refused — by ``cek`` in the
learner's kernel and by the real grading (``cantik kelas nilai``: sandboxed kernels, tests run in the grader's
process), down to the learner's feedback page."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from cantik.checks import periksa
from cantik.checks.core import PESAN_DINILAI
from cantik.checks.formula import memakai
from cantik.data import load
from tests.courses import pipeline as pl

PENDUDUK = load("penduduk")
L = int((PENDUDUK["jenis_kelamin"] == "L").sum())
P = int((PENDUDUK["jenis_kelamin"] == "P").sum())
BY_HAND = "laki_laki = ...\nperempuan = ...\nrasio_jk = laki_laki / perempuan * 100"
REFUSED = "Jawaban dari `ind.rasio_jenis_kelamin` belum bisa diterima di sini"
WRONG_NUMERATOR = (f"Pembilang Anda ({P:,}) belum tepat: pembilang adalah banyaknya penduduk laki-laki (L). "
                   "Itu banyaknya perempuan: pembilang dan penyebut tertukar. Penyebutnya sudah "
                   "benar.").replace(",", ".")


def test_by_hand_answer_is_accepted_and_its_parts_checked() -> None:
    assert periksa("2a", L / P * 100, {"pembilang": L, "penyebut": P}, BY_HAND).benar
    wrong = periksa("2a", L / len(PENDUDUK) * 100, {"pembilang": L, "penyebut": len(PENDUDUK)}, BY_HAND)
    assert not wrong.benar
    assert "Penyebut Anda (7.402) belum tepat" in wrong.pesan and "Pembilangnya sudah benar." in wrong.pesan
    missing = periksa("2a", L / P * 100, {"pembilang": L}, BY_HAND)
    assert not missing.benar and "Penyebut belum diberikan" in missing.pesan
    renamed = periksa("2a", L / P * 100, {"laki_laki": L, "perempuan": P}, BY_HAND)  # names of their own
    assert not renamed.benar and "`laki_laki=`, `perempuan=` tidak dikenal" in renamed.pesan
    assert "`pembilang=` dan `penyebut=`" in renamed.pesan


@pytest.mark.parametrize(("part", "said", "advice"), [
    (PENDUDUK[PENDUDUK["jenis_kelamin"] == "L"], f"sebuah tabel {L:,} baris".replace(",", "."), "`len(...)`"),
    (PENDUDUK.loc[PENDUDUK["jenis_kelamin"] == "L", "umur"], "sebuah kolom berisi", "`len(...)`"),
    (str(L), f'teks "{L}"', "tanpa tanda kutip"),
    (None, "kosong (None)", "`print(...)`"),
])
def test_a_part_that_is_not_one_number_is_described_in_plain_words(part: object, said: str, advice: str
                                                                    ) -> None:
    """The common slip `pembilang = laki_laki` (the filtered table, not its count) was shown as the
    internal Tabel(kolom=(...)) repr; now the message says what it is and how to get one number."""
    hasil = periksa("2a", L / P * 100, {"pembilang": part, "penyebut": P}, BY_HAND)
    assert not hasil.benar and f"Pembilang Anda ({said}" in hasil.pesan and advice in hasil.pesan, hasil.pesan
    assert "Tabel(" not in hasil.pesan and "Deret(" not in hasil.pesan


def test_library_call_for_the_same_indicator_is_refused_with_its_message() -> None:
    for code in ("rasio_jk = ind.rasio_jenis_kelamin(penduduk)",
                 "from cantik.indicators import sex_ratio\nrasio_jk = sex_ratio(penduduk)",
                 "f = getattr(ind, 'rasio_jenis_kelamin')\nrasio_jk = f(penduduk)"):
        hasil = periksa("2a", L / P * 100, {"pembilang": L, "penyebut": P}, code)
        assert not hasil.benar and "dihitung sendiri dari bagian-bagiannya" in hasil.pesan, code
    # a later question may use the library
    assert periksa("2c", __import__("cantik.indikator", fromlist=["x"]).rasio_ketergantungan(PENDUDUK).tua,
                   kode="rasio_tua = ind.rasio_ketergantungan(penduduk).tua").benar


def test_a_variable_named_like_the_helper_is_not_a_library_call() -> None:
    assert memakai("rasio_ketergantungan = a / b * 100", ("rasio_ketergantungan",)) == []
    used = memakai("r = ind.rasio_ketergantungan(p).total", ("rasio_ketergantungan",))
    assert used == ["rasio_ketergantungan"]
    assert memakai("x = (", ("sex_ratio",)) == []  # not Python: only a call like `.sex_ratio(` counts


@pytest.mark.slow
def test_real_grading_accepts_by_hand_refuses_library_and_names_the_wrong_part(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cantik.grading.autograde import autograde
    from cantik.grading.course import Course
    from cantik.grading.feedback import generate_feedback

    root = pl.course_copy(tmp_path, ["modul2"])
    pl.nbgrader(root, "generate_assignment", "modul2", "--force")
    name = "modul2_struktur_penduduk"
    src = pl.read_nb(root / "courses" / "modul2" / f"{name}.ipynb")
    rel = pl.read_nb(root / "notebooks" / "modul2" / f"{name}.ipynb")
    parts = ("laki_laki = (penduduk.jenis_kelamin == \"L\").sum()\n"
             "perempuan = (penduduk.jenis_kelamin == \"P\").sum()\n")
    learners = {
        "tangan": None,  # the source's own by-hand solution
        "pustaka": parts + "rasio_jk = ind.rasio_jenis_kelamin(penduduk)",
        "pembilang": "laki_laki = (penduduk.jenis_kelamin == \"P\").sum()\n"
                     "perempuan = (penduduk.jenis_kelamin == \"P\").sum()\n"
                     "rasio_jk = laki_laki / perempuan * 100",
    }
    for student, code in learners.items():
        pl.submit(root, student, "modul2", {name: pl.fill(rel, src, {"m2-2a": code} if code else None)})
    monkeypatch.setenv("CANTIK_EXCHANGE", str(root / "grading" / "exchange"))
    course = Course.open(root)
    autograde(course, "modul2", workers=2, progress=False)
    scores = pl.scores(root, "modul2")
    assert scores["tangan"][name]["m2-2a-tes"] == (1.0, 1.0)
    expected = {"pustaka": REFUSED, "pembilang": WRONG_NUMERATOR}
    for student, message in expected.items():
        assert scores[student][name]["m2-2a-tes"][0] == 0, student
        graded = pl.read_nb(root / "grading" / "autograded" / student / "modul2" / f"{name}.ipynb")
        assert message in pl.cell_output_text(graded, "m2-2a-tes"), student  # the grader's test
        # a graded kernel holds no answer key (cantik.checks.key): cek there only says the grader decides
        assert PESAN_DINILAI in pl.cell_output_text(graded, "m2-2a"), student
        other = {k: v for k, v in scores[student][name].items() if k.endswith("-tes") and k != "m2-2a-tes"}
        assert all(s == mx for s, mx in other.values()), (student, other)
    # written answers are not graded here: the autograded parts' messages are what this test reads
    generate_feedback(course, "modul2", exchange=False, before_graded=True)
    for student, message in expected.items():
        page = html.unescape((root / "grading" / "umpan_balik" / "modul2" / f"{student}.html").read_text())
        assert message in page, student


def test_a_wrong_result_without_its_parts_gets_its_catalogue_message() -> None:
    """Parts are asked for a right result; a wrong one is diagnosed by the question's mistake catalogue."""
    hasil = periksa("2a", P / L * 100)
    assert not hasil.benar and "Anda membagi perempuan dengan laki-laki" in hasil.pesan
    assert "2a/dibalik" in hasil.kode
    assert "belum diberikan" in periksa("2a", L / P * 100).pesan
