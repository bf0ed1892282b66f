"""nbgrader configuration of the Kelas Cantik course (read by nbgrader, formgrader and `cantik`).

Course layout, relative to this folder (nbgrader's CourseDirectory.root):
  courses/<modul>/          master notebooks with solutions and hidden tests (nbgrader "source")
  notebooks/<modul>/        learner versions made by `nbgrader generate_assignment` (nbgrader "release")
  grading/                  everything learners must not read: gradebook, submissions, autograded, feedback
"""

import os

c = get_config()  # type: ignore[name-defined]  # noqa: F821

here = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.root = here
c.CourseDirectory.course_id = "kelas_cantik"
c.CourseDirectory.source_directory = "courses"
c.CourseDirectory.release_directory = "notebooks"
c.CourseDirectory.submitted_directory = os.path.join("grading", "submitted")
c.CourseDirectory.autograded_directory = os.path.join("grading", "autograded")
c.CourseDirectory.feedback_directory = os.path.join("grading", "feedback")
c.CourseDirectory.solution_directory = os.path.join("grading", "solution")
c.CourseDirectory.source_with_tests_directory = os.path.join("grading", "source_with_tests")
c.CourseDirectory.db_url = os.environ.get(
    "CANTIK_GRADEBOOK_URL", "sqlite:///" + os.path.join(here, "grading", "gradebook.db")
)
c.Exchange.root = os.environ.get("CANTIK_EXCHANGE", os.path.join(here, "grading", "exchange"))

# Learner-visible stubs in Indonesian.
c.ClearSolutions.code_stub = {"python": "# TULIS KODE ANDA DI SINI\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "TULIS JAWABAN ANDA DI SINI"

# ── Kelas Cantik: a warning on stderr must not zero a passing test (owner: course framework) ─────────
# Plain nbgrader scores any test cell with stderr output as 0. The nbgrader preprocessor
# cantik.grading.preprocessors.WarningKeepsPoints (plugged in here; nbgrader itself is unchanged) runs
# after Execute/LimitOutput and before SaveAutoGrades and relabels the stderr text of passing test cells.
# cantik.grading.preprocessors.RecheckAnswers re-checks, outside the learner's kernel, the answers that the
# hidden tests hand over, so learner code that patches the checks cannot earn points.
from nbconvert.preprocessors import ClearMetadataPreprocessor  # noqa: E402
from nbgrader.preprocessors import (  # noqa: E402
    AssignLatePenalties,
    CheckCellMetadata,
    Execute,
    IgnorePattern,
    LimitOutput,
    SaveAutoGrades,
)

c.Autograde.autograde_preprocessors = [
    Execute,
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutput,
    "cantik.grading.preprocessors.RecheckAnswers",
    "cantik.grading.preprocessors.WarningKeepsPoints",
    SaveAutoGrades,
    "cantik.grading.preprocessors.EmptyWrittenAnswers",
    AssignLatePenalties,
    CheckCellMetadata,
]
# An empty written answer: Indonesian comment "Tidak ada jawaban …" instead of nbgrader's "No response.", and
# 0 for each of its rubric criteria (one formgrader box per criterion, see cantik.authoring.written.soal_tulisan).
# ── end of the Kelas Cantik warning block ─────────────────────────────────────────────────────────────

# ── Kelas Cantik: learner code is untrusted (owner: sandbox) ─────────────────────────────────────────
# Plain `nbgrader autograde` and formgrader run every submission in cantik.sandbox (bubblewrap: no network,
# read-only system, only that submission visible, limits per cell/notebook/memory/processes/output) instead
# of nbgrader's Execute, which would run it with the trainer's rights next to the gradebook. Opt-out for
# one run: `cantik kelas nilai MODUL --tanpa-sandbox` (or cantik.sandbox.config.unsandboxed_preprocessors).
from cantik.sandbox.config import use_sandbox  # noqa: E402

use_sandbox(c, cell_timeout=30, notebook_timeout=180, submission_timeout=180, max_output_bytes=2_000_000,
            memory_mb=2048)
# Collecting from the exchange copies regular files only: a symbolic link in a submission (for instance
# data.csv -> ../../gradebook.db) is never followed, pipes and devices are never opened; what is left out is
# logged and noted in grading/kotak_masuk/ditolak/<modul>/ (cantik.grading.importer.SafeExchangeCollect).
c.ExchangeFactory.collect = "cantik.grading.importer.SafeExchangeCollect"
# ── end of the sandbox block ──────────────────────────────────────────────────────────────────────────

# ── Kelas Cantik: learner HTML is inert (owner: cantik.safehtml) ─────────────────────────────────────
# Formgrader and `nbgrader generate_feedback` render submissions through nbconvert's HTMLExporter, which
# would pass a learner's <script>, display(HTML(...)), <img onerror>, javascript: links or widget state into
# the trainer's browser. cantik.safehtml.SanitizeLearnerHTML (an nbconvert preprocessor, configured here as
# c.HTMLExporter.preprocessors) cleans every markdown cell (after rendering it), raw cell and rich output.
from cantik.safehtml import configure_nbconvert  # noqa: E402

configure_nbconvert(c)
# ── end of the inert-HTML block ──────────────────────────────────────────────────────────────────────
