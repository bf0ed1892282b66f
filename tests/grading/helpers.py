"""Build a throw-away course root and learner submissions for the grading tests and the benchmark."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
COURSE = Path(__file__).resolve().parent / "course"
MODUL = "modul_uji"

#: Answer sources per variant (grade_id → source). Built from the formulas, not from expected outputs.
ANSWERS: dict[str, dict[str, str]] = {
    "benar": {
        "jawaban_rasio": "rasio = data['laki'].sum() / data['perempuan'].sum() * 100",
        "jawaban_grafik": "fig, ax = plt.subplots()\nax.bar(data['rt'], data['laki'] + data['perempuan'])",
        "tafsiran": "Ada sekitar 105 laki-laki untuk setiap 100 perempuan.",
    },
    # mean of per-RT ratios: passes the visible test, fails the hidden one
    "sebagian": {
        "jawaban_rasio": "rasio = float((data['laki'] / data['perempuan']).mean() * 100)",
        "jawaban_grafik": "fig, ax = plt.subplots()\nax.bar(data['rt'], data['laki'] + data['perempuan'])",
        "tafsiran": "Laki-laki lebih banyak.",
    },
    "galat": {
        "jawaban_rasio": "rasio = data['laki'].sum() / data['perempuan'].sun() * 100",
        "jawaban_grafik": "fig, ax = plt.subplots()\nax.plot(data['rt'], data['laki'])",
        "tafsiran": "",
    },
    # an endless loop that has already set a (wrong, half-computed) value when the time limit stops it
    "macet": {
        "jawaban_rasio": "rasio = 0\nwhile True:\n    rasio += 1",
        "jawaban_grafik": "fig, ax = plt.subplots()\nax.bar(data['rt'], data['laki'] + data['perempuan'])",
        "tafsiran": "",
    },
    # correct value, but comparing it prints a FutureWarning on stderr inside the test cell
    # the figure test (run in the learner's kernel) passes but prints a FutureWarning on stderr
    "peringatan": {
        "jawaban_rasio": "rasio = data['laki'].sum() / data['perempuan'].sum() * 100",
        "jawaban_grafik": "import warnings\n\nclass Tabel(pd.DataFrame):\n    def __len__(self):\n"
        "        warnings.warn('cara lama', FutureWarning)\n        return super().__len__()\n\n"
        "data = Tabel(data)\nfig, ax = plt.subplots()\nax.bar(data['rt'], data['laki'] + data['perempuan'])",
        "tafsiran": "",
    },
    # tries to leak the test cell (hidden tests included) through an error message
    # (hidden tests of plain answers run in the grader; the figure test is the one left in the kernel)
    "bocor": {
        "jawaban_rasio": "class Angka(float):\n    def __gt__(self, other):\n"
        "        raise AssertionError(get_ipython().user_ns['In'][-1])\n\nrasio = Angka(105.0)",
        "jawaban_grafik": "class Tabel(pd.DataFrame):\n    def __len__(self):\n"
        "        raise AssertionError(get_ipython().user_ns['In'][-1])\n\n"
        "data = Tabel(data)\nfig, ax = plt.subplots()\nax.bar(['RT 1'], [1])",
        "tafsiran": "",
    },
    # peeks at the trainer's files: the right answer only if it can NOT see the gradebook; tries to write
    "intip": {
        "jawaban_rasio": "from pathlib import Path\n\nterlihat = False\n"
        "for kelas in Path.cwd().parents:\n"
        "    terlihat = terlihat or (kelas / 'grading' / 'gradebook.db').exists()\n"
        "    try:\n        (kelas / 'courses' / 'ditulis_peserta.txt').write_text('x')\n"
        "    except OSError:\n        pass\n"
        "rasio = 0.0 if terlihat else data['laki'].sum() / data['perempuan'].sum() * 100",
        "jawaban_grafik": "",
        "tafsiran": "",
    },
    "mogok": {
        "jawaban_rasio": "import os\nos._exit(1)",
        "jawaban_grafik": "",
        "tafsiran": "",
    },
}


def make_course(root: Path, config: Path | None = None) -> Path:
    """A course root in ``root``: the project's real ``nbgrader_config.py`` and the tiny test course."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(config or ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    shutil.copytree(COURSE, root / "courses", dirs_exist_ok=True)
    return root


def fill(released: Path, variant: str) -> nbformat.NotebookNode:
    """The released notebook with the answer cells of ``variant`` filled in."""
    nb = nbformat.read(released, as_version=4)
    answers = ANSWERS[variant]
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers and cell.metadata["nbgrader"].get("solution"):
            cell.source = answers[grade_id]
    return nb


def submit(root: Path, student: str, variant: str, timestamp: str = "2026-01-01 10:00:00.000000 UTC") -> Path:
    """Write ``student``'s submission straight into ``grading/submitted`` (as ``nbgrader collect`` does)."""
    released = root / "notebooks" / MODUL / "latihan.ipynb"
    folder = root / "grading" / "submitted" / student / MODUL
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(fill(released, variant), folder / "latihan.ipynb")
    (folder / "timestamp.txt").write_text(timestamp)
    return folder


def _learner_config(course, home: Path, student: str):
    from traitlets.config import Config

    c = Config()
    c.CourseDirectory.course_id = course.course_id
    c.CourseDirectory.root = str(home)
    c.Exchange.root = str(course.exchange_root)
    c.Exchange.cache = str(home / ".cache")
    c.Exchange.assignment_dir = str(home)
    return c


def learner_fetch_and_submit(course, home: Path, student: str, variant: str) -> None:
    """What a learner does in JupyterLab's Assignments tab, through nbgrader's own exchange classes."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default import ExchangeFetchAssignment, ExchangeSubmit

    home.mkdir(parents=True, exist_ok=True)
    c = _learner_config(course, home, student)
    cd = CourseDirectory(config=c)
    cd.assignment_id, cd.student_id = MODUL, student
    auth = Authenticator(config=c)
    if not (home / MODUL).exists():
        ExchangeFetchAssignment(coursedir=cd, authenticator=auth, config=c).start()
    nb_path = home / MODUL / "latihan.ipynb"
    nbformat.write(fill(nb_path, variant), nb_path)
    ExchangeSubmit(coursedir=cd, authenticator=auth, config=c).start()


def learner_fetch_feedback(course, home: Path, student: str) -> list[Path]:
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default import ExchangeFetchFeedback

    c = _learner_config(course, home, student)
    cd = CourseDirectory(config=c)
    cd.assignment_id, cd.student_id = MODUL, student
    ExchangeFetchFeedback(coursedir=cd, authenticator=Authenticator(config=c), config=c).start()
    return sorted((home / MODUL / "feedback").rglob("*.html"))
