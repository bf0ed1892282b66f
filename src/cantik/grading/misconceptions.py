"""Misconception analytics for the trainer: which catalogue mistake each learner's wrong answer matched.

Grading records, for every failed autograded question, the ids of the mistake-catalogue entries the answer
matched (:mod:`cantik.checks.mistakes`; read back by :mod:`cantik.grading.results`). This module turns those
records into what a trainer acts on:

* per question, how many learners made which mistake (with the mistake's own description);
* a "what to reteach" list: the misconceptions behind most wrong answers across the class, each with the
  lesson that teaches it;
* a CSV of every record (learner, module, question, mistake id, message) next to the class report.

Answers a test could not check (an endless loop stopped by the time limit, a crash) are counted apart, never
as a misconception.
"""

from __future__ import annotations

import csv
import html
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from cantik.grading.course import Course
from cantik.grading.results import CellResult, cell_results

#: How many misconceptions the "what to reteach" list shows.
RETEACH_TOP = 8


@dataclass(frozen=True)
class Record:
    """One wrong autograded answer of one learner and what it matched."""

    student: str
    modul: str
    grade_id: str
    kode: str  # "2b/penyebut-semua", "waktu-habis" ... ("" when the test gave no catalogue id)
    message: str


def records_of(results: list[CellResult]) -> list[Record]:
    """The records of one learner's graded questions (:func:`cantik.grading.results.cell_results`)."""
    return [Record(r.student, r.modul, r.grade_id, kode, r.message)
            for r in results if not r.manual and r.status == "belum tepat" for kode in r.kesalahan or ("",)]


def collect(course: Course, modul: str, students: list[str]) -> list[Record]:
    """The records of the given learners in one module."""
    return [rec for sid in students for rec in records_of(cell_results(course, modul, sid))]


def _soal(r: Record) -> str:
    return r.kode.rpartition("/")[0] or r.grade_id


def per_question(records: list[Record]) -> list[tuple[str, str, str, list[str]]]:
    """(question, mistake id, description, learners) rows, most frequent first within each question."""
    from cantik.checks.core import arti_kode

    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    described: dict[tuple[str, str], str] = {}
    for r in records:
        key = (_soal(r), r.kode)
        groups[key].add(r.student)
        described.setdefault(key, arti_kode(r.kode)[0] if r.kode else r.message)
    order = sorted(groups, key=lambda k: (k[0], -len(groups[k]), k[1]))
    return [(q, k, described[(q, k)], sorted(groups[(q, k)])) for q, k in order]


def reteach(records: list[Record], top: int = RETEACH_TOP) -> list[tuple[str, int, list[str], str]]:
    """(misconception, learners who made it, questions where it showed, lesson that teaches it), most
    learners first; answers that could not be checked and unrecognised wrong answers are left out."""
    from cantik.checks.core import arti_kode
    from cantik.checks.mistakes import KONSEP

    learners: dict[str, set[str]] = defaultdict(set)
    questions: dict[str, set[str]] = defaultdict(set)
    for r in records:
        if not r.kode:
            continue
        konsep = arti_kode(r.kode)[1]
        if konsep is None:
            continue
        learners[konsep].add(r.student)
        questions[konsep].add(_soal(r))
    order = sorted(learners, key=lambda k: (-len(learners[k]), k))[:top]
    return [(KONSEP[k].nama, len(learners[k]), sorted(questions[k]), KONSEP[k].pelajaran) for k in order]


def write_csv(records: list[Record], path: Path) -> Path:
    """Every record as CSV (UTF-8 with BOM, opens in Excel): ID, Modul, Soal, Kode kesalahan, Pesan."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        writer.writerow(["ID", "Modul", "Soal", "Kode kesalahan", "Pesan"])
        for r in records:
            writer.writerow([r.student, r.modul, _soal(r), r.kode, r.message])
    return path


def html_per_question(records: list[Record]) -> str:
    """The per-question misconception table (empty string when nothing was wrong)."""
    rows = per_question(records)
    if not rows:
        return ""
    e = html.escape
    body = "".join(
        f"<tr><td>{e(q)}</td><td>{e(desc)}<br><small>{e(k)}</small></td><td>{len(who)}</td>"
        f"<td>{e(', '.join(who))}</td></tr>"
        for q, k, desc, who in rows
    )
    return ("<h3>Kesalahan per soal</h3><table><thead><tr><th scope='col'>Soal</th>"
            "<th scope='col'>Kesalahan yang dikenali</th><th scope='col'>Jumlah peserta</th>"
            f"<th scope='col'>Peserta</th></tr></thead><tbody>{body}</tbody></table>")


def html_reteach(records: list[Record]) -> str:
    """The "what to reteach" list."""
    rows = reteach(records)
    if not rows:
        return "<p>Belum ada kesalahan yang dikenali dari katalog kesalahan.</p>"
    e = html.escape
    body = "".join(
        f"<tr><td>{e(nama)}</td><td>{n}</td><td>{e(', '.join(soal))}</td><td>{e(pelajaran)}</td></tr>"
        for nama, n, soal, pelajaran in rows
    )
    return ("<table><thead><tr><th scope='col'>Miskonsepsi</th><th scope='col'>Jumlah peserta</th>"
            "<th scope='col'>Muncul di soal</th><th scope='col'>Diajarkan di</th></tr></thead>"
            f"<tbody>{body}</tbody></table>")
