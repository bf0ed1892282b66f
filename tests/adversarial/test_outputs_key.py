"""The answer key is out of reach of a graded kernel (issue 17, item 2): the ``kunci_*`` learners of
:mod:`tests.adversarial.outputs` try to import the checks' expected-value functions, read their source or
their compiled copies, through plain ``nbgrader autograde`` and ``cantik kelas nilai``. They earn nothing for
question 1a; honest learners (one of whom calls ``cek``) earn it; ``cek`` in the graded kernel says that the
grader checks; the control shows the same attack earns the point where the key is importable.
"""

from __future__ import annotations

import subprocess
import sys

from tests.adversarial.outputs import LEARNERS, autograded, score


def _outputs(nb, grade_id: str) -> str:
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    return "".join(o.get("text", "") + o.get("evalue", "") for o in cell.get("outputs", []))


def test_key_attacks_earn_nothing(outputs_batch: dict) -> None:
    root = outputs_batch["root"]
    for learner in LEARNERS:
        if learner.student.startswith("kunci_"):
            assert score(root, learner.student) == learner.points == 1, learner.student
    printed = _outputs(autograded(root, "kunci_impor"), "jawaban_jumlah")
    assert "KUNCI TIDAK ADA" in printed and "KeyError" in printed, printed


def test_cek_in_a_graded_kernel_defers_to_the_grader(outputs_batch: dict) -> None:
    root = outputs_batch["root"]
    printed = _outputs(autograded(root, "jujur_a"), "jawaban_jumlah")
    assert "diperiksa oleh penilai" in printed, printed
    assert score(root, "jujur_a") == 2


def test_control_the_attack_works_where_the_key_is(tmp_path) -> None:
    """Outside a graded kernel (the trainer's or a laptop's Python) the same code finds the value: the
    protection above is the sandbox's, not an accident of the attack."""
    code = next(x for x in LEARNERS if x.student == "kunci_berkas").answers["jawaban_jumlah"]
    probe = ("from cantik.data import load\npenduduk = load('penduduk')\n" + code
             + "\nprint(jumlah_penduduk == len(penduduk))")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300,
                         cwd=tmp_path)
    assert run.stdout.strip().splitlines()[-1] == "True", run.stdout + run.stderr
