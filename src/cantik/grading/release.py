"""Release a module to learners and collect their submissions, through nbgrader's own API.

``release`` = ``nbgrader generate_assignment`` (learner version into ``notebooks/``) followed by
``nbgrader release_assignment`` (into the exchange). ``collect`` = ``nbgrader collect``; each collected
version is also copied into ``grading/kotak_masuk/`` so a later resubmission never makes an earlier one
disappear.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cantik.errors import KelasError
from cantik.grading.course import Course


def _check(result: dict, what: str, saran: str) -> str:
    """Raise a KelasError from nbgrader's ``{"success", "error", "log"}`` result."""
    if not result.get("success"):
        detail = (result.get("log") or "") + (result.get("error") or "")
        last = [ln for ln in detail.strip().splitlines() if ln.strip()][-3:]
        raise KelasError(f"{what} gagal. Pesan nbgrader:\n  " + "\n  ".join(last), saran)
    return result.get("log") or ""


@dataclass
class ReleaseResult:
    modul: str
    notebooks: list[str]
    exchange: bool

    def summary(self) -> str:
        text = (
            f"Modul '{self.modul}' siap untuk peserta: {len(self.notebooks)} notebook "
            f"({', '.join(self.notebooks)}) di folder notebooks/{self.modul}/."
        )
        if self.exchange:
            text += "\nModul juga sudah dirilis ke folder pertukaran (exchange): peserta bisa mengambilnya."
        return text


def release(course: Course, modul: str, *, exchange: bool = True) -> ReleaseResult:
    """Generate the learner version of ``modul`` and release it to the exchange.

    Examples
    --------
    >>> release(Course.open(), "modul_1")  # doctest: +SKIP
    """
    course.require_assignment(modul)
    api = course.api()
    _check(
        api.generate_assignment(modul, force=True, create=True),
        f"Membuat versi peserta modul '{modul}'",
        "Periksa notebook sumber di courses/ (nbgrader validate), lalu coba lagi.",
    )
    if exchange:
        course.exchange_root.mkdir(parents=True, exist_ok=True)
        outbound = course.exchange_root / course.course_id / "outbound" / modul
        if outbound.exists():  # re-release: nbgrader refuses to overwrite; replace the released copy
            api.unrelease(modul)
        _check(
            api.release_assignment(modul),
            f"Merilis modul '{modul}' ke exchange",
            "Pastikan folder exchange bisa ditulis (CANTIK_EXCHANGE).",
        )
    notebooks = sorted(p.stem for p in (course.release_dir / modul).glob("*.ipynb"))
    return ReleaseResult(modul=modul, notebooks=notebooks, exchange=exchange)


@dataclass
class CollectResult:
    modul: str
    collected: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    refused: dict[str, list[str]] = field(default_factory=dict)
    """Files or submissions left out (links, pipes, identity conflicts…): note name → Indonesian reasons."""
    repaired: dict[str, list[str]] = field(default_factory=dict)
    """Collected notebooks repaired before grading (repeated grade ids): note name → what was done."""

    @staticmethod
    def _note_lines(title: str, notes: dict[str, list[str]], tail: list[str]) -> list[str]:
        """``title``, then each note's reasons under its learner, then ``tail`` (nothing without notes)."""
        if not notes:
            return []
        lines = [title]
        for note, reasons in notes.items():
            lines += [f"  {note.split('+')[0]}: {r}" for r in reasons]
        return lines + tail

    def _refused_lines(self) -> list[str]:
        return self._note_lines(
            "DITOLAK (tidak ikut dikumpulkan; catatannya ada di grading/kotak_masuk/ditolak):", self.refused,
            ["  Tautan: minta peserta mengirim ulang berkas biasa. Kiriman yang tidak dikumpulkan ada di "
             "grading/karantina/exchange/."])

    def _repaired_lines(self) -> list[str]:
        return self._note_lines("Diperbaiki sebelum dinilai (catatannya di grading/kotak_masuk/diperbaiki):",
                                self.repaired, [])

    def summary(self) -> str:
        if not self.collected:
            return "\n".join([
                f"Belum ada kiriman baru untuk modul '{self.modul}' di exchange.",
                *self._refused_lines(),
                "Langkah berikutnya: minta peserta menekan 'Submit' di JupyterLab, atau impor berkas "
                "lepas dengan `cantik kelas impor`.",
            ])
        lines = [f"Kiriman dikumpulkan untuk modul '{self.modul}': {len(self.collected)} peserta."]
        lines += self._refused_lines() + self._repaired_lines()
        if self.updated:
            lines.append(
                "Diganti dengan kiriman yang lebih baru (versi lama tetap ada di grading/kotak_masuk): "
                + ", ".join(self.updated)
                + "."
            )
        if self.unknown:
            lines.append(
                "Tidak ada di daftar peserta (periksa dan tambahkan ke daftar bila benar): "
                + ", ".join(self.unknown)
                + "."
            )
        lines.append("Langkah berikutnya: `cantik kelas nilai " + self.modul + "`.")
        return "\n".join(lines)


def collect(course: Course, modul: str) -> CollectResult:
    """Collect ``modul`` from the exchange (newer resubmissions replace older ones; both are kept)."""
    from nbgrader.utils import parse_utc

    from cantik.grading.importer import archive_submission, collect_refusals, collect_repairs
    from cantik.grading.roster import load_roster

    course.require_assignment(modul)
    before = {}
    for sub in course.submitted_dir.glob(f"*/{modul}/timestamp.txt"):
        before[sub.parent.parent.name] = parse_utc(sub.read_text().strip())
    refused_before = set(collect_refusals(course, modul))
    repaired_before = set(collect_repairs(course, modul))
    _check(
        course.api().collect(modul, update=True),
        f"Mengumpulkan modul '{modul}' dari exchange",
        "Pastikan modul sudah dirilis (`cantik kelas rilis`) dan folder exchange bisa dibaca.",
    )
    result = CollectResult(modul=modul)
    result.refused = {k: v for k, v in collect_refusals(course, modul).items() if k not in refused_before}
    result.repaired = {k: v for k, v in collect_repairs(course, modul).items() if k not in repaired_before}
    roster = {x.id for x in load_roster(course)}
    for sub in sorted(course.submitted_dir.glob(f"*/{modul}/timestamp.txt")):
        student = sub.parent.parent.name
        stamp = parse_utc(sub.read_text().strip())
        if before.get(student) == stamp:
            continue
        archive_submission(course, modul, student)
        result.collected.append(student)
        if student in before:
            result.updated.append(student)
        if roster and student not in roster:
            result.unknown.append(student)
    return result
