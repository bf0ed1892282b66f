"""Per-question results of one submission, from nbgrader's gradebook and the autograded notebook.

Used by feedback, exports and the class report. A question's *message* comes only from the error
name/value a failing cell raised (e.g. the assertion's text) — never from the cell's source, so hidden
test code cannot leak (nbgrader issue #917). The catalogue ids a check appended to its message
(:func:`cantik.checks.mistakes.tandai`) are taken off the message into ``CellResult.kesalahan``, for the
class report's misconception counts.

A test that failed because its answer cell never finished — the cell time limit (an endless loop), a crash,
or the answer left empty — is reported as such, never as a wrong value: the learner's variable may hold a
half-computed number, and "Angka Anda lebih kecil ..." would be the wrong lesson. An answer cell that raised
an error after its answer was set gets both: the error, and what the check said about the answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from cantik.error_explainer import ada_kode_jawaban
from cantik.grading.course import Course

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
#: Status of a written answer the trainer has not graded yet.
WAITING = "menunggu penilaian pelatih"


@dataclass
class CellResult:
    """One graded question of one learner's notebook."""

    student: str
    modul: str
    notebook: str
    grade_id: str
    title: str
    manual: bool  # graded by the trainer (written answer) rather than by tests
    score: float | None
    max_score: float
    status: str  # "lulus", "belum tepat", "menunggu penilaian pelatih", "dinilai pelatih", "tidak dijawab",
    #              "tidak dikirim"
    message: str
    comment: str  # the trainer's own comment (formgrader); the grader's comments go into ``message``
    #: ids of the mistakes the answer matched ("2b/penyebut-semua", "2b/umum" ...), or why it could not be
    #: checked ("waktu-habis", "galat", "belum-diisi", "raise-tertinggal", "dihentikan"); empty for passed or
    #: manual cells
    kesalahan: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        return self.max_score > 0 and self.score is not None and self.score >= self.max_score


#: Longest error message shown in feedback (longer text is cut).
MAX_MESSAGE = 800
_HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS(.*?)### END HIDDEN TESTS", re.DOTALL)


def redact(evalue: str, test_source: str) -> str:
    r"""Hide an error message that quotes hidden test code, and cut very long ones.

    Learner code runs in the same kernel as the tests, so it can raise an error whose text is the test
    cell itself (e.g. from IPython's ``In`` history). A message containing any line of the cell's hidden
    part (or the hidden-test markers) is replaced by a neutral note.

    Examples
    --------
    >>> src = "assert a\n### BEGIN HIDDEN TESTS\nassert abs(a - 315 / 300) < 0.01, 'Jumlahkan dulu'\n"
    >>> src += "### END HIDDEN TESTS"
    >>> redact("Jumlahkan dulu", src)
    'Jumlahkan dulu'
    >>> redact("assert abs(a - 315 / 300) < 0.01, 'Jumlahkan dulu'", src)
    '(pesan disembunyikan karena memuat kode uji)'
    """
    hidden_lines = [
        ln.strip()
        for part in _HIDDEN.findall(test_source)
        for ln in part.splitlines()
        if len(ln.strip()) >= 10 and not ln.strip().startswith("#")
    ]
    if "HIDDEN TESTS" in evalue or any(ln in evalue for ln in hidden_lines):
        return "(pesan disembunyikan karena memuat kode uji)"
    return evalue if len(evalue) <= MAX_MESSAGE else evalue[:MAX_MESSAGE] + " …"


def explain_error(ename: str, evalue: str) -> str:
    """Indonesian explanation of an error raised in a test cell (no source code).

    Examples
    --------
    >>> explain_error("AssertionError", "Grafik harus punya satu batang per RT")
    'Belum tepat: Grafik harus punya satu batang per RT'
    >>> explain_error("NameError", "name 'rasio' is not defined")
    "Variabel belum dibuat (name 'rasio' is not defined): isi dan jalankan sel jawaban di atasnya."
    >>> explain_error("JawabanTidakTerbaca", "Variabel `rasio` belum dibuat.")
    'Variabel `rasio` belum dibuat.'
    """
    evalue = _ANSI.sub("", evalue or "").strip()
    if ename == "AssertionError":
        return "Belum tepat" + (f": {evalue}" if evalue else " (uji ini tidak memberi pesan).")
    if ename == "NameError":
        return f"Variabel belum dibuat ({evalue}): isi dan jalankan sel jawaban di atasnya."
    if ename == "NotImplementedError":
        return "Jawaban belum diisi (masih berisi 'TULIS KODE ANDA DI SINI')."
    if ename in {"CellTimeoutError", "TimeoutError"}:
        return "Waktu habis: kode berjalan terlalu lama lalu dihentikan (periksa perulangan tanpa akhir)."
    if ename == "DeadKernelError":
        return "Python berhenti mendadak saat menjalankan notebook ini."
    if ename in {"JawabanTidakTerbaca", "BatasSandbox"} and evalue:  # the sandbox's own Indonesian text
        return evalue
    return f"Terjadi galat {ename}" + (f": {evalue}" if evalue else "") + "."


def _title(source: str, grade_id: str, manual: bool) -> str:
    first = source.strip().splitlines()[0] if source.strip() else ""
    if first.startswith("#") and not first.startswith("###"):
        return re.sub(r"\s*\(jangan diubah\)\s*$", "", first.lstrip("#").strip(), flags=re.IGNORECASE)
    return "Jawaban tertulis" if manual else grade_id.replace("_", " ").capitalize()


_KRITERIA = re.compile(r"^\*\*(.+?)\*\*")
_K1 = re.compile(r"^\|\s*(K1 · [^|]+?)\s*\|", re.MULTILINE)


def _manual_title(cells: dict[str, dict], grade_id: str) -> str:
    """A written answer's row title: its rubric criterion when graded per criterion (K1 on the answer cell,
    K2 … on nbgrader task cells, see :func:`cantik.authoring.written.soal_tulisan`), else "Jawaban
    tertulis"."""
    cell = cells.get(grade_id, {})
    source = cell.get("source", "")
    if cell.get("metadata", {}).get("nbgrader", {}).get("task"):
        m = _KRITERIA.match(source.strip())
        return m.group(1) if m else "Jawaban tertulis"
    rubric = cells.get(f"{grade_id}-rubrik", {}).get("source", "")
    m = _K1.search(rubric)
    k2 = _KRITERIA.match(cells.get(f"{grade_id}-k2", {}).get("source", "").strip())
    if not (m and k2):
        return "Jawaban tertulis"
    return f"{k2.group(1).split(' · K2')[0]} · {m.group(1)}"  # "Soal 2i" from K2's heading, then K1


def _cell_errors(cell: dict) -> list[tuple[str, str]]:
    return [
        (o.get("ename", ""), o.get("evalue", ""))
        for o in cell.get("outputs", [])
        if o.get("output_type") == "error"
    ]


#: enames of a cell stopped by a time limit (nbclient's, or the sandbox's own stop)
_TIMEOUT = "CellTimeoutError"
_STOP = "BatasSandbox"


def answer_failure(cells: list[dict], test_source: str) -> tuple[str, tuple[str, ...]] | None:
    r"""Why the answer cells before a failed test did not finish, as (message, ids), or ``None``.

    Examples
    --------
    >>> loop = {"cell_type": "code", "outputs": [{"output_type": "error", "ename": "CellTimeoutError",
    ...                                            "evalue": "Sel ke-5 berjalan lebih dari 30 detik"}]}
    >>> answer_failure([loop], "")[1]
    ('waktu-habis',)
    >>> left = {"cell_type": "code", "source": "rasio = l / p * 100\nraise NotImplementedError()",
    ...         "outputs": [{"output_type": "error", "ename": "NotImplementedError", "evalue": ""}]}
    >>> empty = {**left, "source": "raise NotImplementedError()"}
    >>> answer_failure([left], "")[1], answer_failure([empty], "")[1]
    (('raise-tertinggal',), ('belum-diisi',))
    """
    for cell in cells:
        errors = _cell_errors(cell)
        if not errors:
            continue
        ename, evalue = errors[-1]
        evalue = redact(_ANSI.sub("", evalue or ""), test_source)
        if ename == _TIMEOUT or (ename == _STOP and "batas waktu" in evalue):
            detail = f" ({evalue.rstrip('.')})" if evalue else ""
            return (f"Waktu habis: sel jawaban soal ini berjalan terlalu lama lalu dihentikan{detail}. "
                    "Jawabannya belum dinilai: periksa perulangan yang tidak pernah selesai, lalu jalankan "
                    "lagi sel jawabannya.", ("waktu-habis",))
        if ename == "NotImplementedError":
            source = cell.get("source", "")
            if ada_kode_jawaban("".join(source) if isinstance(source, list) else source):
                return ("Kode jawaban sudah ditulis, tetapi baris `raise NotImplementedError()` masih "
                        "tertinggal, jadi Python berhenti di situ dan jawabannya belum dinilai. Hapus baris "
                        "itu, lalu jalankan lagi sel jawabannya.", ("raise-tertinggal",))
            return explain_error(ename, evalue), ("belum-diisi",)
        if ename == _STOP:
            return explain_error(ename, evalue), ("dihentikan",)
        return (f"Sel jawaban soal ini berhenti dengan galat {ename}" + (f": {evalue}" if evalue else "")
                + ". Jawabannya belum bisa dinilai: perbaiki galat itu, lalu jalankan lagi sel jawabannya.",
                ("galat",))
    return None


def _is_grade(cell: dict) -> bool:
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("grade"))


def _test_message(cell: dict, before: list[dict]) -> tuple[str, tuple[str, ...]]:
    """The feedback message of a failed test cell and the ids it records."""
    from cantik.checks.mistakes import baca_tanda

    source = cell.get("source", "")
    ename, evalue = _cell_errors(cell)[-1]
    evalue, kode = baca_tanda(_ANSI.sub("", evalue or ""))
    message = explain_error(ename, redact(evalue, source))
    failure = answer_failure(before, source)
    if failure is None:
        return message, kode
    if failure[1] == ("galat",) and kode:  # the cell failed after its answer was set: say both
        return f"{failure[0]} Pemeriksaan jawabannya: {message}", (*failure[1], *kode)
    return failure


def missing_cell_reason(submitted: Path) -> str:
    """Why a graded cell is not in a learner's notebook: an old notebook format, or the cell was deleted.

    Examples
    --------
    >>> missing_cell_reason(Path("tidak/ada.ipynb"))[:40]
    'Sel ini tidak ada di notebook kiriman (t'
    """
    import json

    try:
        version = json.loads(submitted.read_text(encoding="utf-8-sig")).get("nbformat")
    except (OSError, ValueError, AttributeError, RecursionError):
        version = None
    if version is not None and version != 4:
        return (f"Notebook dikirim dalam format lama (nbformat {version}), sehingga sel soal dan sel uji "
                "tidak dikenali penilai: 0 poin. Buka notebook modul yang dirilis di JupyterLab, kerjakan "
                "(atau salin jawaban) di sana, lalu kirim ulang.")
    return ("Sel ini tidak ada di notebook kiriman (terhapus), jadi tidak bisa dinilai: 0 poin. Sel soal "
            "dan sel uji tidak boleh dihapus; ambil lagi notebook modulnya, salin jawaban, lalu kirim ulang.")


def _partial(cell: dict) -> str:
    """Why a test cell without an error did not score full marks (nbgrader: stderr output, or a partial
    score returned by the cell)."""
    for o in cell.get("outputs", []):
        if o.get("output_type") == "stream" and o.get("name") == "stderr":
            text = _ANSI.sub("", str(o.get("text", ""))).strip()
            text = redact(text, cell.get("source", "")) if text else ""
            return "Uji menulis pesan galat" + (f": {text}" if text else "") + " (nilai 0)."
    return "Nilai sebagian dari uji ini."


def submission_notes(course: Course, modul: str, student: str) -> list[str]:
    """The grader's notes on one submission (e.g. a copied cell repaired before grading), per notebook."""
    import nbformat

    from cantik.sandbox.sanitize import grader_notes

    out = []
    for path in sorted((Path(course.autograded_dir) / student / modul).glob("*.ipynb")):
        try:
            out += [f"{path.stem}: {n}" for n in grader_notes(nbformat.read(path, as_version=4))]
        except Exception:  # an unreadable autograded copy: nbgrader's failure, reported elsewhere
            continue
    return out


def cell_results(course: Course, modul: str, student: str) -> list[CellResult]:
    """Results of every grade cell of ``student``'s submission of ``modul``, in notebook order.

    A notebook that was not submitted gives rows with status ``"tidak dikirim"``.
    """
    import nbformat

    rows: list[CellResult] = []
    with course.gradebook() as gb:
        assignment = gb.find_assignment(modul)
        for nb in assignment.notebooks:
            try:
                sub = gb.find_submission_notebook(nb.name, modul, student)
            except Exception:
                sub = None
            grades = {g.name: g for g in sub.grades} if sub is not None else {}
            comments = {c.name: c for c in sub.comments} if sub is not None else {}
            path = Path(course.autograded_dir) / student / modul / f"{nb.name}.ipynb"
            cells: dict[str, dict] = {}
            before: dict[str, list[dict]] = {}  # the ungraded code cells since the previous grade cell
            window: list[dict] = []
            if path.is_file():
                for cell in nbformat.read(path, as_version=4).cells:
                    gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                    if gid:
                        cells[gid] = cell
                    if _is_grade(cell):
                        before[gid], window = window, []
                    elif cell.get("cell_type") == "code":
                        window.append(cell)
            gone = missing_cell_reason(course.submitted_dir / student / modul / f"{nb.name}.ipynb")
            for grade_cell in sorted(
                [*nb.grade_cells, *nb.task_cells],
                key=lambda g: list(cells).index(g.name) if g.name in cells else 10**6,
            ):
                cell = cells.get(grade_cell.name, {})
                manual = grade_cell.cell_type == "markdown" or bool(
                    cell.get("metadata", {}).get("nbgrader", {}).get("solution")
                )
                grade = grades.get(grade_cell.name)
                score = None if grade is None else grade.score
                comment = comments.get(grade_cell.name)
                kesalahan: tuple[str, ...] = ()
                if grade is None or not path.is_file():
                    status, message = "tidak dikirim", "Notebook ini tidak dikirim atau belum dinilai."
                elif grade_cell.name not in cells and grade.manual_score is None:
                    status, message = "belum tepat", gone
                elif manual:
                    if grade.manual_score is None and grade.needs_manual_grade:
                        status, message = WAITING, "Jawaban tertulis ini belum dinilai pelatih."
                    elif grade.manual_score is None:  # nbgrader/EmptyWrittenAnswers: 0 for an empty answer
                        status, message = "tidak dijawab", (comment.auto_comment if comment else "") or ""
                    else:
                        status, message = "dinilai pelatih", ""
                elif _cell_errors(cell):
                    status = "belum tepat"
                    message, kesalahan = _test_message(cell, before.get(grade_cell.name, []))
                elif score is not None and score >= grade_cell.max_score:
                    status, message = "lulus", "Lulus semua uji."
                elif grade.manual_score is not None:
                    status, message = "belum tepat", "Nilai diubah pelatih."
                else:
                    status, message = "belum tepat", _partial(cell)
                rows.append(
                    CellResult(
                        student=student,
                        modul=modul,
                        notebook=nb.name,
                        grade_id=grade_cell.name,
                        title=_manual_title(cells, grade_cell.name)
                        if manual
                        else _title(cell.get("source", ""), grade_cell.name, False),
                        manual=manual,
                        score=score,
                        max_score=float(grade_cell.max_score),
                        status=status,
                        message=message,
                        comment=(comment.manual_comment or "") if grade and comment else "",
                        kesalahan=kesalahan,
                    )
                )
    return rows
