"""What one autograding run did, for the trainer: the result, its Indonesian summary, the progress bar."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class GradeResult:
    """What :func:`cantik.grading.autograde.autograde` did.

    Examples
    --------
    >>> r = GradeResult("modul1", graded={"budi": {"score": 3.0}}, skipped=["sari"], seconds=4.2)
    >>> print(r.summary().splitlines()[1])
    Dinilai: 1; gagal: 0; dilewati (sudah dinilai dan tidak berubah): 1.
    """

    modul: str
    graded: dict[str, dict[str, Any]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0
    worker_cpu: float = 0.0  # CPU seconds used by the worker processes that ended normally
    sandboxed: bool = True  # every submission ran in cantik.sandbox
    trainers: list[str] = field(default_factory=list)  # submissions of roster trainers, not graded

    def summary(self) -> str:
        """The Indonesian report printed by ``cantik kelas nilai``, ending with the next step."""
        lines = [f"Penilaian otomatis modul '{self.modul}' selesai dalam {self.seconds:.1f} detik."]
        lines.append(
            f"Dinilai: {len(self.graded)}; gagal: {len(self.failed)}; dilewati (sudah dinilai dan "
            f"tidak berubah): {len(self.skipped)}."
        )
        if self.trainers:
            lines.append("Kiriman pelatih tidak dinilai (pelatih bukan peserta): " + ", ".join(self.trainers)
                         + ".")
        if not self.sandboxed:
            lines.append("PERHATIAN: dinilai tanpa sandbox; kode peserta berjalan dengan hak Anda.")
        stopped = {s: r["stops"] for s, r in self.graded.items() if r.get("stops")}
        if stopped:
            lines.append(
                "Dihentikan oleh sandbox (sel yang tidak selesai bernilai 0; alasannya ada di umpan balik):"
            )
            lines += [f"  - {s}: {'; '.join(why)}" for s, why in sorted(stopped.items())]
        repaired = {s: r["notes"] for s, r in self.graded.items() if r.get("notes")}
        if repaired:
            lines.append("Diperbaiki sebelum dinilai (catatannya ada di umpan balik):")
            lines += [f"  - {s}: {'; '.join(why)}" for s, why in sorted(repaired.items())]
        slow = [s for s, r in self.graded.items() if r.get("timeouts")]
        if slow:
            lines.append(
                "Ada sel yang dihentikan karena terlalu lama (nilai sel itu 0): " + ", ".join(slow) + "."
            )
        if self.failed:
            lines.append("GAGAL dinilai (nilai lama, bila ada, tidak diubah):")
            lines += [f"  - {s}: {why}" for s, why in sorted(self.failed.items())]
            lines.append(
                "Langkah berikutnya: buka notebook peserta itu di grading/submitted/, perbaiki atau "
                "minta kirim ulang, lalu jalankan perintah ini lagi (yang sudah dinilai dilewati)."
            )
        else:
            lines.append(
                "Langkah berikutnya: nilai jawaban tertulis di formgrader, lalu "
                f"`cantik kelas umpan-balik {self.modul}`."
            )
        return "\n".join(lines)


def progress_bar(enabled: bool) -> Any:
    """A rich progress bar in Indonesian (done of total, time elapsed and left); use as a context manager."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = [
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("berlalu"),
        TimeElapsedColumn(),
        TextColumn("sisa"),
        TimeRemainingColumn(),
    ]
    return Progress(*columns, disable=not enabled, transient=False)
