"""What autograding has already done: ``grading/status_penilaian.json``, submission hashes, the skip rule.

For each module and learner the file keeps whether the last run graded the submission (``ok``), the hash
of what was graded (the module's source and the submission's files), the reason of a failure and the
score. A submission already graded and unchanged since is skipped unless the trainer forces a new run.
"""

from __future__ import annotations

import hashlib
import json
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cantik.grading.course import Course
from cantik.helpers import write_atomic

STATE_FILE = "status_penilaian.json"


def submission_hash(folder: Path) -> str:
    """SHA-256 over the relative names and bytes of every file in a submission folder.

    Links, pipes and devices are never opened: their names and kinds count, not their content.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "modul1.ipynb").write_text("{}")
    ...     len(submission_hash(Path(tmp)))
    64
    """
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        mode = path.lstat().st_mode
        name = str(path.relative_to(folder)).encode()
        if stat.S_ISREG(mode):
            digest.update(name + b"\0" + path.read_bytes() + b"\0")
        elif not stat.S_ISDIR(mode):  # a link or a pipe is never opened: its name and kind only
            digest.update(name + b"\0" + str(stat.S_IFMT(mode)).encode() + b"\0")
    return digest.hexdigest()


def load_state(course: Course) -> dict[str, Any]:
    """The state file as ``{modul: {student: {"ok", "hash", "reason", "score"}}}`` (empty when absent)."""
    path = course.grading_dir / STATE_FILE
    if path.is_file():
        try:
            return json.loads(path.read_text("utf-8"))
        except ValueError:
            return {}
    return {}


def save_state(course: Course, state: dict[str, Any]) -> None:
    """Write the state file (a new file renamed over the old one: never half written)."""
    write_atomic(course.grading_dir / STATE_FILE, json.dumps(state, indent=1, sort_keys=True))


@dataclass
class ModuleState:
    """The grading state of one module in one run: what to grade, what to skip, what was recorded."""

    course: Course
    modul: str
    state: dict[str, Any]
    hashes: dict[str, str] = field(default_factory=dict)

    @classmethod
    def open(cls, course: Course, modul: str, students: list[str]) -> ModuleState:
        """Read the state file and hash the module's source and each of ``students``' submissions.

        A submission is "unchanged" when its files AND the module's source (tests, points) are unchanged.
        """
        source = submission_hash(course.source_dir / modul)
        hashes = {s: source[:16] + submission_hash(course.submitted_dir / s / modul) for s in students}
        return cls(course, modul, load_state(course), hashes)

    @property
    def records(self) -> dict[str, Any]:
        return self.state.setdefault(self.modul, {})

    def unchanged(self, student: str) -> bool:
        """Graded without failure before, nothing changed since, and its autograded folder still there."""
        prev = self.records.get(student, {})
        return bool(
            prev.get("ok")
            and prev.get("hash") == self.hashes[student]
            and (self.course.autograded_dir / student / self.modul).is_dir()
        )

    def record(self, student: str, ok: bool, reason: str, **extra: Any) -> None:
        """Remember the outcome of one submission (written by :meth:`save`); ``extra``: e.g. ``score``."""
        self.records[student] = {"ok": ok, "hash": self.hashes[student], "reason": reason, **extra}

    def save(self) -> None:
        save_state(self.course, self.state)
