"""nbgrader's sanitising step without the batch-stopping trap: repeated ``grade_id`` cells are repaired.

nbgrader's ``DeduplicateIds`` empties the nbgrader metadata of a repeated cell (``{}``); the
``CheckCellMetadata`` that follows reads the empty metadata as "schema version 0" and raises
``SchemaTooOldError``, which makes ``nbgrader autograde`` stop the **whole batch** (every learner after
that one stays ungraded) with a message about an old nbgrader version. :class:`RepairGradeIds` takes its
place in ``Autograde.sanitize_preprocessors`` (:func:`cantik.sandbox.config.use_sandbox` does it): the
copy loses its nbgrader metadata altogether (:func:`cantik.sandbox.intake.repair_grade_ids`), so it runs as
an ordinary cell and earns nothing, and a note for the learner and the trainer ("Catatan penilai") is put
at the top of the notebook, where the feedback shows it. Notes a submission brings itself are removed
first, so only the grader writes them.
"""

from __future__ import annotations

from nbformat.notebooknode import NotebookNode
from nbformat.v4 import new_markdown_cell
from nbgrader.preprocessors import NbGraderPreprocessor

#: Cell metadata key marking a note written by the grader.
NOTE_KEY = "catatan_penilai"
NOTE_TITLE = "**Catatan penilai:**"


def _is_note(cell: NotebookNode) -> bool:
    meta = cell.get("metadata", {}).get("cantik")
    return isinstance(meta, dict) and bool(meta.get(NOTE_KEY))


def grader_notes(nb: NotebookNode) -> list[str]:
    """The grader's notes in an autograded notebook (one line each, without the title).

    Examples
    --------
    >>> nb = NotebookNode(cells=[note_cell(["sel ke-3 adalah salinan sel 'uji'"])])
    >>> grader_notes(nb)
    ["sel ke-3 adalah salinan sel 'uji'"]
    """
    out = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown" and _is_note(cell):
            out += [ln.removeprefix("- ").strip() for ln in cell.get("source", "").splitlines()[1:]
                    if ln.strip()]
    return out


def note_cell(lines: list[str]) -> NotebookNode:
    """A markdown cell with the grader's note (marked in its metadata)."""
    cell = new_markdown_cell(NOTE_TITLE + "\n" + "\n".join(f"- {ln}" for ln in lines))
    cell.metadata["cantik"] = {NOTE_KEY: True}
    return cell


class RepairGradeIds(NbGraderPreprocessor):
    """Keep one cell per grade id (the last, like nbgrader) without emptying the copy's metadata."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Drop notes the submission brought, repair repeated ids, and note what was repaired."""
        from cantik.sandbox.intake import repair_grade_ids

        forged = [c for c in nb.cells if _is_note(c)]
        for cell in forged:
            del cell.metadata["cantik"][NOTE_KEY]
        notes = repair_grade_ids(nb)
        for note in notes:
            self.log.warning("Diperbaiki sebelum dinilai: %s", note)
        if notes:
            nb.cells.insert(0, note_cell([*notes, "Jangan menyalin sel soal atau sel uji; kerjakan di sel "
                                                  "jawaban yang tersedia."]))
        return nb, resources
