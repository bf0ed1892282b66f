"""nbgrader preprocessors of Kelas Cantik (plugged in through nbgrader's configuration, nbgrader unchanged).

Plain nbgrader gives zero to a test cell with *any* output on stderr (``nbgrader.utils.determine_grade``),
so a passing test whose pandas/matplotlib code printed a ``FutureWarning`` would lose its points.
:class:`WarningKeepsPoints` runs after ``Execute`` and before ``SaveAutoGrades``: in autograded test cells
that finished without an error it turns stderr text into ordinary output, labelled as a warning, so the
learner still sees it in the feedback but keeps the points. Cells that raised keep all their outputs and
score zero as before.

Learner code runs in the same kernel as the tests, so it could patch ``cantik.checks`` to pass any answer.
:class:`RecheckAnswers` closes that hole for value answers: each hidden ``uji(...)`` also hands the learner's
answer, already converted to plain JSON, to the grader (a display output of type
:data:`cantik.checks.core.MIME_JAWABAN`); this preprocessor checks it again in the grader's own process,
where learner code never ran (in a child process with the answer budget of :mod:`cantik.sandbox.budget`),
and turns the cell into a failure when the re-check disagrees or the answer never arrived. The hand-off
outputs are removed so the feedback does not show them. (A learner who patches the hand-off itself must
still produce the correct value, i.e. solve the question; a chart is handed over as the SVG it renders to
and read here, :mod:`cantik.checks.figures`.) Sandboxed kernels hold no answer key
(:mod:`cantik.checks.key`): there ``uji`` and ``uji_bentuk`` only hand their answers over, and this
preprocessor gives the verdict of both.

Written answers are graded per rubric criterion: the answer cell carries criterion K1 and one nbgrader
*task* cell per further criterion (``<answer id>-k2``, ``-k3`` …, see
:func:`cantik.authoring.written.soal_tulisan`). :class:`EmptyWrittenAnswers` runs after ``SaveAutoGrades``:
for an answer left empty, nbgrader has given K1 zero and the comment "No response."; it replaces that
comment with an Indonesian one and gives the answer's other criteria zero as well (a trainer can still
change every score in formgrader).

All three are enabled in the repo-root ``nbgrader_config.py``::

    c.Autograde.autograde_preprocessors = [..., LimitOutput, RecheckAnswers, WarningKeepsPoints,
                                           SaveAutoGrades, EmptyWrittenAnswers, ...]
"""

from __future__ import annotations

import json
import typing as t

from nbconvert.exporters.exporter import ResourcesDict
from nbformat.notebooknode import NotebookNode
from nbgrader import utils
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Unicode

from cantik.checks.core import KERNEL_MARKER, MIME_JAWABAN, UJI_CALL
from cantik.data.loader import use_notebook_place

LABEL = "Peringatan (tidak mengurangi nilai):\n"


class WarningKeepsPoints(NbGraderPreprocessor):
    """Keep the points of a passing autograder test cell that printed a warning on stderr."""

    label = Unicode(LABEL, help="Text put before the former stderr output, shown in the feedback.").tag(
        config=True
    )

    def preprocess_cell(
        self, cell: NotebookNode, resources: ResourcesDict, cell_index: int
    ) -> tuple[NotebookNode, ResourcesDict]:
        """Relabel stderr output of a passing grade test cell as stdout text."""
        if not _is_test_cell(cell):
            return cell, resources
        outputs = cell.get("outputs", [])
        if any(o.get("output_type") == "error" for o in outputs):
            return cell, resources
        for out in outputs:
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                out["name"] = "stdout"
                out["text"] = self.label + out.get("text", "")
        return cell, resources


def _is_test_cell(cell: NotebookNode) -> bool:
    return cell.cell_type == "code" and utils.is_grade(cell) and not utils.is_solution(cell)


class RecheckAnswers(NbGraderPreprocessor):
    """Re-check, in the grader process, the answers that hidden ``uji`` calls handed over."""

    def preprocess(self, nb: NotebookNode, resources: ResourcesDict) -> tuple[NotebookNode, ResourcesDict]:
        self._cells = nb.cells  # the answer cell's code is read from the submitted notebook
        use_notebook_place(nb)
        return super().preprocess(nb, resources)

    def preprocess_cell(
        self, cell: NotebookNode, resources: ResourcesDict, cell_index: int
    ) -> tuple[NotebookNode, ResourcesDict]:
        """Fail a passing test cell whose answers do not pass the grader-side check."""
        if not _is_test_cell(cell):
            return cell, resources
        outputs = cell.get("outputs", [])
        handed: dict[tuple[str, str], object] = {}
        kept = []
        for out in outputs:
            data = out.get("data", {}) if out.get("output_type") in ("display_data", "execute_result") else {}
            if MIME_JAWABAN in data:
                payload = data[MIME_JAWABAN]
                if isinstance(payload, str):
                    payload = json.loads(payload)
                jenis = "bentuk" if payload.get("jenis") == "bentuk" else "uji"
                handed[(jenis, str(payload.get("soal")))] = payload
                continue
            kept.append(out)
        cell.outputs = kept
        if any(o.get("output_type") == "error" for o in kept):
            return cell, resources
        if not handed and self._graded_in_grader(cell):
            return cell, resources  # cantik.sandbox already ran this test in the grader's process
        problems = []
        for fungsi, soal in dict.fromkeys(UJI_CALL.findall(cell.source)):
            pesan = self._recheck(soal, handed, "bentuk" if fungsi == "uji_bentuk" else "uji", cell_index)
            if pesan:
                problems.append(pesan)
        if problems:
            grade_id = cell.metadata.nbgrader.get("grade_id")
            self.log.warning("Cell %s failed the grader-side re-check: %s", grade_id, problems)
            cell.outputs.append(
                NotebookNode(
                    {
                        "output_type": "error",
                        "ename": "AssertionError",
                        "evalue": " ".join(problems),
                        "traceback": ["AssertionError: " + " ".join(problems)],
                    }
                )
            )
        return cell, resources

    def _graded_in_grader(self, cell: NotebookNode) -> bool:
        """Whether ``cantik.sandbox`` (``SandboxExecute.grade_in_grader``) ran this test cell in the grader.

        Decided from the trusted configuration and the test's source (restored from the gradebook).
        """
        sandbox = self.config.get("SandboxExecute", {})
        if not sandbox.get("grade_in_grader", False):
            return False
        return sandbox.get("kernel_marker", KERNEL_MARKER) not in cell.source

    def _recheck(self, soal: str, handed: dict[tuple[str, str], t.Any], jenis: str, cell_index: int) -> str:
        """'' when the handed answer passes ``uji`` (``jenis`` "uji") or ``uji_bentuk`` ("bentuk") here; a
        formula-first answer is checked with its parts and the submitted answer cell's code."""
        from cantik.checks.core import ambil
        from cantik.checks.mistakes import tandai
        from cantik.sandbox.answers import answer_code
        from cantik.sandbox.budget import Budget, shared_checker
        from cantik.sandbox.config import is_sandboxed

        try:
            ambil(soal)
        except KeyError:
            self.log.info("Question %s is not known to the grader; kernel result kept.", soal)
            return ""
        if (jenis, soal) not in handed:
            if jenis == "bentuk" and not is_sandboxed(self.config):
                return ""  # a kernel holding the key checked the kind of answer itself
            return f"Soal {soal}: jawaban tidak sampai ke penilai (sel tes dilewati atau diubah)."
        payload = handed[(jenis, soal)]
        payload = payload if isinstance(payload, dict) else {}
        bagian = payload.get("bagian") or {}
        # learner data: read and checked in a child with the answer budget (cantik.sandbox.budget)
        hasil = shared_checker(Budget()).recheck(soal, jenis, payload.get("jawaban"),
                                                 bagian if isinstance(bagian, dict) else {},
                                                 answer_code(getattr(self, "_cells", []), cell_index))
        if hasil.get("benar"):
            return ""
        pesan = hasil.get("pesan") or hasil.get("unusable") or "jawaban tidak bisa diperiksa."
        return tandai(f"Soal {soal}: {pesan} (pemeriksaan ulang oleh penilai)",
                      tuple(hasil.get("kode", ())) or (f"{soal}/bentuk",))


#: nbgrader's comment on an unchanged answer (``SaveAutoGrades``), replaced by :class:`EmptyWrittenAnswers`.
NBGRADER_NO_RESPONSE = "No response."
#: The Indonesian comment on an empty written answer and on each of its other rubric criteria.
TIDAK_ADA_JAWABAN = "Tidak ada jawaban (nilai 0 diberikan otomatis)."


class EmptyWrittenAnswers(NbGraderPreprocessor):
    """Empty written answers: an Indonesian comment, and zero for every rubric criterion of that answer."""

    message = Unicode(TIDAK_ADA_JAWABAN,
                    help="Comment stored for an empty written answer and its criteria.").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: ResourcesDict) -> tuple[NotebookNode, ResourcesDict]:
        """Rewrite nbgrader's comments on unchanged answers and zero their criterion task cells."""
        info = resources["nbgrader"]
        key = (info["notebook"], info["assignment"], info["student"])
        jawaban = [c.metadata.nbgrader["grade_id"] for c in nb.cells if utils.is_solution(c)]
        tugas = [c.metadata.nbgrader["grade_id"] for c in nb.cells if utils.is_task(c)]
        with Gradebook(info["db_url"]) as gb:
            for gid in jawaban:
                comment = gb.find_comment(gid, *key)
                if comment.auto_comment != NBGRADER_NO_RESPONSE:  # SaveAutoGrades marks unchanged answers
                    continue
                comment.auto_comment = self.message
                for tid in (t for t in tugas if t.startswith(f"{gid}-k")):
                    try:
                        grade = gb.find_grade(tid, *key)
                    except MissingEntry:
                        continue
                    if grade.manual_score is None:
                        grade.auto_score = 0.0
                        grade.needs_manual_grade = False
                    gb.find_comment(tid, *key).auto_comment = self.message
            gb.db.commit()
        return nb, resources


#: The names these preprocessors had before the naming rule (English inside): course configurations that
#: list ``cantik.grading.preprocessors.PeriksaUlang`` or ``PeringatanBukanGalat`` keep working.
PeriksaUlang = RecheckAnswers
PeringatanBukanGalat = WarningKeepsPoints
