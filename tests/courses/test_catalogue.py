"""Every question's mistake catalogue, evaluated on the data: each entry's wrong answer gets its message.

For each autograded question of modules 1–8 (charts excepted: their content checks live in
``cantik.checks.figures``), every catalogue entry (hand-written, generated from the question's ``Rumus``, and
those of its answer kind) is turned into a learner-shaped wrong answer and checked twice:

* by ``cek`` as the learner runs it (the printed text names the entry's message);
* on the grader's path: the value crosses the real transport (the kernel-side extraction code and the
  grader's decode, :func:`cantik.sandbox.answers.through_transport`), the question's test cell (its
  exact source, from :func:`cantik.authoring.cells.tes`) runs in the grader with ``run_test``, and the
  learner's feedback text (:func:`cantik.grading.results.explain_error`) shows the message while the
  recorded catalogue id names the entry.

The real nbgrader pipeline runs a sample of these answers too (``tests/courses/test_modules.py``, one
"katalog" learner per module).
"""

from __future__ import annotations

import contextlib
import io

import pytest

from cantik.authoring.cells import tes
from cantik.checks import cek, periksa
from cantik.checks.compare import _is_number, aturan
from cantik.checks.core import ambil, daftar_soal
from cantik.checks.mistakes import KONSEP, baca_tanda, katalog
from cantik.grading.results import explain_error
from cantik.sandbox.answers import run_test, through_transport

SOAL = [s.id for s in daftar_soal(range(1, 9)) if s.bentuk != "grafik"]


def test_every_module_question_is_covered() -> None:
    assert len(SOAL) >= 55 and {"1a", "2b", "5i", "7g", "8f"} <= set(SOAL)


@pytest.mark.parametrize("sid", SOAL)
def test_catalogue_entries_get_their_message_in_cek_and_in_the_grader(sid: str) -> None:
    soal = ambil(sid)
    entries = katalog(soal)
    assert len(entries) >= 8, f"{sid}: {len(entries)} catalogue entries, at least 8 needed"
    kodes = [s.kode for s in entries]
    duplicates = sorted(k for k in kodes if kodes.count(k) > 1)
    assert len(set(kodes)) == len(kodes), f"{sid}: duplicate ids {duplicates}"
    source = "".join(tes("sel-uji", sid, "jawaban")["source"])
    problems = []
    for s in entries:
        assert s.konsep in KONSEP
        answer = s.jawaban_contoh()
        hasil = periksa(sid, answer)
        if hasil.benar:
            problems.append(f"{s.kode}: its wrong answer {answer!r} is accepted as right")
            continue
        if s.pesan not in hasil.pesan or f"{sid}/{s.kode}" not in hasil.kode:
            problems.append(f"{s.kode}: got {hasil.pesan!r} {hasil.kode}")
            continue
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            cek(sid, answer)
        if s.pesan not in out.getvalue():
            problems.append(f"{s.kode}: cek printed {out.getvalue()!r}")
        _, error = run_test(source, through_transport({"jawaban": answer}))
        if error is None:
            problems.append(f"{s.kode}: the grader's test passed")
            continue
        shown, recorded = baca_tanda(explain_error(error["ename"], error["evalue"]))
        if s.pesan not in shown or f"{sid}/{s.kode}" not in recorded:
            problems.append(f"{s.kode}: grader feedback {shown!r} {recorded}")
    assert not problems, f"{sid}:\n" + "\n".join(problems)


@pytest.mark.parametrize("sid", [s for s in SOAL if ambil(s).rumus is not None])
def test_rumus_with_its_defaults_gives_the_expected_answer(sid: str) -> None:
    """Mutations are generated from a model of the computation: with its defaults it must be the indicator."""
    soal = ambil(sid)
    model, expected = soal.rumus.nilai(), soal.nilai_harapan()
    assert soal.banding(model, expected).benar, (model, expected)


def test_message_is_only_about_rounding_when_the_answer_is_a_rounding() -> None:
    """No "Hampir" for whole-number questions nor for values that are not the expected value rounded."""
    for sid in SOAL:
        soal = ambil(sid)
        e = soal.nilai_harapan()
        a = aturan(soal.banding)
        if soal.bentuk != "angka" or a is None or not _is_number(e):
            continue
        for factor in (1.004, 0.996, 1.03, 0.9):
            hasil = periksa(sid, e * factor if e else 0.01)
            if not hasil.benar:
                assert "Hampir" not in hasil.pesan, (sid, factor, hasil.pesan)
        if a.desimal and a.toleransi is None and not float(e).is_integer():
            assert "Hampir" in periksa(sid, float(round(e))).pesan or periksa(sid, float(round(e))).benar
