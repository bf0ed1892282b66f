"""cek, petunjuk, uji and uji_bentuk where the answer key is not present (issue 17, item 2).

In a graded kernel (``CANTIK_SANDBOX``) they give no verdict: ``cek`` says the grader checks, and the
grader's re-check (``PeriksaUlang``) decides both ``uji`` and ``uji_bentuk`` from the handed answers — a
missing hand-over fails when submissions run sandboxed. On the class server the check service
(:func:`cantik.server.checkservice.verdict`) answers with the same verdict and message as a laptop, never
the value. (The service over a real hub: ``tests/server/test_hub_cek.py``.)
"""

from __future__ import annotations

import nbformat
import pytest
from nbgrader.utils import determine_grade
from traitlets.config import Config

from cantik.checks import cek, petunjuk, uji, uji_bentuk
from cantik.checks.core import MIME_JAWABAN, PESAN_DINILAI, ke_json, periksa
from cantik.checks.plain import ke_polos
from cantik.data import load
from cantik.grading.preprocessors import PeriksaUlang
from cantik.sandbox.config import use_sandbox
from cantik.server.checkservice import MAX_ELEMENTS, verdict


@pytest.fixture
def graded_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CANTIK_SANDBOX", "1")
    monkeypatch.delenv("CANTIK_CEK_URL", raising=False)


def test_cek_and_petunjuk_defer_to_the_grader(graded_kernel: None, capsys: pytest.CaptureFixture) -> None:
    cek("1a", 12)
    petunjuk("1a")
    printed = capsys.readouterr().out
    assert PESAN_DINILAI in printed and "Petunjuk tidak ditampilkan saat penilaian" in printed
    uji("1a", -5)  # no verdict in the kernel: nothing raised (outside a kernel nothing is handed either)
    uji_bentuk("1a", "bukan angka")


def _cell(source: str, *handed: tuple[str, str, object]) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": "t", "points": 1,
                                 "locked": True, "schema_version": 3}
    cell.outputs = [nbformat.from_dict({
        "output_type": "display_data", "metadata": {},
        "data": {MIME_JAWABAN: {"soal": soal, "jenis": jenis, "jawaban": ke_json(ke_polos(value))}}})
        for jenis, soal, value in handed]
    return cell


def _recheck(cell: nbformat.NotebookNode) -> tuple[float, str]:
    config = Config()
    use_sandbox(config)
    config.SandboxExecute.grade_in_grader = False  # the test ran in the (keyless) kernel
    out, _ = PeriksaUlang(config=config).preprocess_cell(cell, {}, 0)
    errors = " ".join(o.get("evalue", "") for o in out.outputs if o.get("output_type") == "error")
    return determine_grade(out)[0], errors


def test_the_grader_decides_what_a_keyless_kernel_handed_over() -> None:
    n = len(load("penduduk"))
    source = "uji_bentuk('1a', jumlah)\nuji('1a', jumlah)"
    assert _recheck(_cell(source, ("bentuk", "1a", n), ("uji", "1a", n))) == (1, "")
    score, why = _recheck(_cell(source, ("bentuk", "1a", "banyak"), ("uji", "1a", "banyak")))
    assert score == 0 and "Soal 1a" in why
    score, why = _recheck(_cell(source, ("bentuk", "1a", n)))  # the hidden check's hand-over suppressed
    assert score == 0 and "tidak sampai ke penilai" in why
    score, why = _recheck(_cell("uji_bentuk('1a', jumlah)"))  # even a visible check must hand over
    assert score == 0 and "tidak sampai ke penilai" in why


def test_check_service_verdicts_are_the_laptops_without_the_value() -> None:
    penduduk = load("penduduk")
    for value in (len(penduduk), penduduk.shape, 7, "banyak"):
        plain = ke_json(ke_polos(value))
        local = periksa("1a", value)
        remote = verdict("1a", "cek", plain)
        assert (remote["benar"], remote["pesan"]) == (local.benar, local.pesan), value
        if not local.benar:
            assert str(len(penduduk)) not in remote["pesan"]
    assert verdict("1a", "bentuk", ke_json("banyak"))["benar"] is False
    huge = verdict("1a", "cek", list(range(MAX_ELEMENTS + 1)))
    assert huge["benar"] is False and "terlalu besar" in huge["pesan"]
    with pytest.raises(KeyError, match="tidak dikenal"):
        verdict("99z", "cek", 1)


def test_check_service_checks_formula_first_parts_and_the_answer_cell() -> None:
    """The class server's learners get the laptop's formula-first verdicts: parts and the answer cell's code
    go with the answer to the service (read in the budgeted child)."""
    jk = load("penduduk")["jenis_kelamin"]
    laki, perempuan = int((jk == "L").sum()), int((jk == "P").sum())
    rasio = laki / perempuan * 100
    tangan = "laki_laki = ...\nperempuan = ...\nrasio_jk = laki_laki / perempuan * 100"
    parts = {"pembilang": ke_json(laki), "penyebut": ke_json(perempuan)}
    assert verdict("2a", "cek", ke_json(rasio), parts, tangan)["benar"] is True
    wrong = {"pembilang": ke_json(perempuan), "penyebut": ke_json(perempuan)}
    remote = verdict("2a", "cek", ke_json(perempuan / perempuan * 100), wrong, tangan)
    local = periksa("2a", perempuan / perempuan * 100, {"pembilang": perempuan, "penyebut": perempuan},
                    tangan)
    assert (remote["benar"], remote["pesan"], remote["kode"]) == (False, local.pesan, list(local.kode))
    assert local.kode[0] == "2a/bagian"
    pustaka = verdict("2a", "cek", ke_json(rasio), parts, "rasio_jk = ind.rasio_jenis_kelamin(penduduk)")
    assert pustaka["benar"] is False and pustaka["kode"] == ["2a/hitung-sendiri"]
    assert verdict("2a", "cek", ke_json(rasio))["kode"] == ["2a/bagian-kurang"]  # parts still to give


def test_a_crafted_hand_over_is_read_within_the_budget() -> None:
    """A kernel can hand anything over; the re-check reads it in a limited child and fails only that test."""
    cell = _cell("uji('1a', jumlah)")
    cell.outputs = [nbformat.from_dict({
        "output_type": "display_data", "metadata": {},
        "data": {MIME_JAWABAN: {"soal": "1a", "jenis": "uji", "jawaban": list(range(2_000_000))}}})]
    score, why = _recheck(cell)
    assert score == 0 and "terlalu besar untuk dinilai" in why
