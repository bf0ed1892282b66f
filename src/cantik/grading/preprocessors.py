"""nbgrader preprocessors of Kelas Cantik (plugged in through nbgrader's configuration, nbgrader unchanged).

Plain nbgrader gives zero to a test cell with *any* output on stderr (``nbgrader.utils.determine_grade``),
so a passing test whose pandas/matplotlib code printed a ``FutureWarning`` would lose its points.
:class:`PeringatanBukanGalat` runs after ``Execute`` and before ``SaveAutoGrades``: in autograded test cells
that finished without an error it turns stderr text into ordinary output, labelled as a warning, so the
learner still sees it in the feedback but keeps the points. Cells that raised keep all their outputs and
score zero as before.

Enabled in the repo-root ``nbgrader_config.py``::

    c.Autograde.autograde_preprocessors = [..., LimitOutput, PeringatanBukanGalat, SaveAutoGrades, ...]
"""

from __future__ import annotations

from nbconvert.exporters.exporter import ResourcesDict
from nbformat.notebooknode import NotebookNode
from nbgrader import utils
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Unicode

LABEL = "Peringatan (tidak mengurangi nilai):\n"


class PeringatanBukanGalat(NbGraderPreprocessor):
    """Keep the points of a passing autograder test cell that printed a warning on stderr."""

    label = Unicode(LABEL, help="Text put before the former stderr output, shown in the feedback.").tag(
        config=True
    )

    def preprocess_cell(
        self, cell: NotebookNode, resources: ResourcesDict, cell_index: int
    ) -> tuple[NotebookNode, ResourcesDict]:
        """Relabel stderr output of a passing grade test cell as stdout text."""
        if cell.cell_type != "code" or not utils.is_grade(cell) or utils.is_solution(cell):
            return cell, resources
        outputs = cell.get("outputs", [])
        if any(o.get("output_type") == "error" for o in outputs):
            return cell, resources
        for out in outputs:
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                out["name"] = "stdout"
                out["text"] = self.label + out.get("text", "")
        return cell, resources
