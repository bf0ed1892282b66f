"""Feedback for each learner, in Indonesian: per question the score, the test's name and its message.

nbgrader's own ``generate_feedback`` renders the whole autograded notebook, hidden tests included
(nbgrader issue #917). Here the HTML is built from :mod:`cantik.grading.results` instead — scores from
the gradebook, messages from the errors the tests raised — so no test code is ever shown. Files go to
nbgrader's feedback folder (``grading/feedback/<id>/<modul>/<notebook>.html``, released through the
exchange with nbgrader's ``release_feedback`` for submissions that came through it) and, one file per
learner to print or send, to ``grading/umpan_balik/<modul>/``.
"""

from __future__ import annotations

import datetime as dt
import html
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from cantik.errors import KelasError
from cantik.grading.course import Course
from cantik.grading.results import WAITING, CellResult, cell_results, submission_notes
from cantik.grading.roster import load_roster
from cantik.safehtml import csp_meta

_CSS = """
body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;
  line-height:1.5}
h1{font-size:1.5rem} table{border-collapse:collapse;width:100%}
th,td{border:1px solid #bbb;padding:.4rem;text-align:left;vertical-align:top}
th{background:#eef2f7} .lulus{color:#0a6b2d;font-weight:600} .belum{color:#a4262c;font-weight:600}
.tunggu{color:#6b4e00;font-weight:600} .total{font-size:1.2rem;font-weight:700}
footer{margin-top:2rem;font-size:.85rem;color:#555}
"""


def _status_class(row: CellResult) -> str:
    return {"lulus": "lulus", "dinilai pelatih": "lulus", WAITING: "tunggu"}.get(
        row.status, "belum"
    )


def _fmt(x: float | None) -> str:
    return "–" if x is None else (f"{x:.0f}" if float(x).is_integer() else f"{x:.1f}")


def render(student: str, nama: str, modul: str, rows: list[CellResult],
           notes: list[str] | None = None) -> str:
    """The feedback page of one learner for one module (a complete HTML document).

    Parts still waiting for the trainer show "menunggu penilaian pelatih" instead of a score, and the total
    says it is provisional; ``notes`` are the grader's notes (e.g. a copied cell repaired before grading).
    Every text is escaped, and the page declares that it runs no script (:func:`cantik.safehtml.csp_meta`).
    """
    e = html.escape
    total = sum(r.score or 0 for r in rows if r.status != WAITING)
    maximum = sum(r.max_score for r in rows)
    waiting = sum(r.max_score for r in rows if r.status == WAITING)
    body = []
    for r in rows:
        note = e(r.message) + (f"<br><em>Catatan pelatih:</em> {e(r.comment)}" if r.comment else "")
        score = WAITING if r.status == WAITING else f"{_fmt(r.score)} / {_fmt(r.max_score)}"
        body.append(
            f"<tr><td>{e(r.title)}<br><small>{e(r.notebook)} · {e(r.grade_id)}</small></td>"
            f"<td>{score}</td>"
            f"<td class='{_status_class(r)}'>{e(r.status.capitalize())}</td><td>{note}</td></tr>"
        )
    if waiting:
        result = (f"Nilai sementara: {_fmt(total)} dari {_fmt(maximum)}; jawaban tertulis ({_fmt(waiting)} "
                  f"poin) {WAITING}.")
    else:
        result = f"Nilai: {_fmt(total)} dari {_fmt(maximum)}"
    notes_html = ("<section><h2>Catatan penilai</h2><ul>" + "".join(f"<li>{e(n)}</li>" for n in notes)
                  + "</ul></section>") if notes else ""
    waktu = dt.datetime.now().strftime("%d-%m-%Y %H:%M")
    return f"""<!DOCTYPE html>
<html lang="id"><head>{csp_meta()}<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Umpan balik {e(modul)} – {e(nama)}</title><style>{_CSS}</style></head>
<body><main>
<h1>Umpan balik: {e(modul)}</h1>
<p>Peserta: <strong>{e(nama)}</strong> ({e(student)})</p>
<p class="total">{e(result)}</p>
{notes_html}
<table><caption class="visually-hidden">Nilai per soal</caption>
<thead><tr><th scope="col">Soal / uji</th><th scope="col">Nilai</th><th scope="col">Hasil</th>
<th scope="col">Pesan</th></tr></thead>
<tbody>{"".join(body)}</tbody></table>
<p>Soal berstatus "belum tepat" boleh dicoba lagi: baca pesannya, perbaiki jawaban, lalu kirim ulang bila
pelatih mengizinkan.</p>
</main><footer>Kelas Cantik · dibuat {waktu}. Kode uji tidak ditampilkan.</footer></body></html>
"""


@dataclass
class FeedbackResult:
    modul: str
    files: list[Path] = field(default_factory=list)
    released: list[str] = field(default_factory=list)
    not_released: list[str] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)
    folder: Path | None = None

    def summary(self) -> str:
        if not self.files:
            return (
                f"Belum ada kiriman modul '{self.modul}' yang sudah dinilai.\n"
                f"Langkah berikutnya: `cantik kelas nilai {self.modul}`."
            )
        lines = [
            f"Umpan balik dibuat untuk {len(self.files)} peserta di {self.folder} "
            "(bisa dicetak atau dikirim lewat pesan)."
        ]
        if self.released:
            lines.append(f"Dikirim lewat exchange ke {len(self.released)} peserta.")
        if self.not_released:
            lines.append(
                "Tidak lewat exchange (kiriman dari berkas lepas, bagikan berkas HTML-nya): "
                + ", ".join(self.not_released)
                + "."
            )
        if self.waiting:
            lines.append(
                "Dikirim SEBELUM jawaban tertulis dinilai (tertulis 'menunggu penilaian pelatih') untuk: "
                + ", ".join(self.waiting) + "."
            )
            lines.append("Langkah berikutnya: nilai jawaban tertulis di Formgrader, lalu jalankan "
                         f"`cantik kelas umpan-balik {self.modul}` lagi agar umpan balik memuat nilai "
                         "akhirnya.")
        else:
            lines.append("Langkah berikutnya: bagikan berkas HTML kepada peserta yang mengirim berkas lepas, "
                         "lalu `cantik kelas ekspor` dan `cantik kelas laporan`.")
        return "\n".join(lines)


def generate_feedback(course: Course, modul: str, *, exchange: bool = True,
                      before_graded: bool = False) -> FeedbackResult:
    """Write feedback HTML for every autograded submission of ``modul`` (and release it via the exchange).

    Refuses (:class:`~cantik.errors.KelasError`, nothing written or sent) while written answers wait for
    the trainer, unless ``before_graded`` (``--kirim-sebelum-dinilai``): those parts then read "menunggu
    penilaian pelatih" and the total is marked provisional. Trainers of the roster get no feedback.

    Examples
    --------
    >>> print(generate_feedback(Course.open(), "modul_1").summary())  # doctest: +SKIP
    """
    from cantik.grading.roster import learners_only

    course.require_assignment(modul)
    roster = load_roster(course)
    names = {x.id: x.nama for x in roster}
    trainers = {x.id for x in roster} - {x.id for x in learners_only(roster)}
    result = FeedbackResult(modul=modul, folder=course.grading_dir / "umpan_balik" / modul)
    students = sorted(p.parent.name for p in course.autograded_dir.glob(f"*/{modul}")
                      if p.is_dir() and p.parent.name not in trainers)
    rows_of = {student: cell_results(course, modul, student) for student in students}
    result.waiting = [s for s, rows in rows_of.items() if any(r.status == WAITING for r in rows)]
    if result.waiting and not before_graded:
        parts = sum(r.status == WAITING for rows in rows_of.values() for r in rows)
        raise KelasError(
            f"Umpan balik modul '{modul}' belum dibuat: {parts} jawaban tertulis dari {len(result.waiting)} "
            f"peserta belum dinilai ({', '.join(result.waiting)}).",
            "Nilai dulu di Formgrader (JupyterLab: menu Nbgrader → Formgrader → Manual Grading → "
            f"{modul}), lalu jalankan `cantik kelas umpan-balik {modul}` lagi. Bila umpan balik harus "
            f"dikirim sekarang: `cantik kelas umpan-balik {modul} --kirim-sebelum-dinilai` (bagian itu "
            "tertulis 'menunggu penilaian pelatih').",
        )
    api = course.api() if exchange else None
    for student in students:
        rows = rows_of[student]
        notes = submission_notes(course, modul, student)
        nama = names.get(student, student)
        src = course.autograded_dir / student / modul
        dest = course.feedback_dir / student / modul
        dest.mkdir(parents=True, exist_ok=True)
        for nb in sorted({r.notebook for r in rows}):
            nb_rows = [r for r in rows if r.notebook == nb]
            nb_notes = [n.partition(": ")[2] for n in notes if n.startswith(f"{nb}: ")]
            (dest / f"{nb}.html").write_text(render(student, nama, f"{modul} / {nb}", nb_rows, nb_notes),
                                             "utf-8")
        if (src / "timestamp.txt").is_file():
            shutil.copy(src / "timestamp.txt", dest / "timestamp.txt")
        secret = course.submitted_dir / student / modul / "submission_secret.txt"
        if secret.is_file():
            shutil.copy(secret, dest / "submission_secret.txt")
        handout = result.folder / f"{student}.html"
        handout.parent.mkdir(parents=True, exist_ok=True)
        handout.write_text(render(student, nama, modul, rows, notes), "utf-8")
        result.files.append(handout)
        if api is not None and secret.is_file():
            outcome = api.release_feedback(modul, student)
            (result.released if outcome.get("success") else result.not_released).append(student)
        elif api is not None:
            result.not_released.append(student)
    return result
