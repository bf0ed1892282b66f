"""What the class has received: each file's save time as recorded on intake, and the trainer's decisions.

One JSON file, ``grading/kotak_masuk/catatan_berkas.json``, keyed by the SHA-256 of a file's bytes::

    {"<sha256>": {"disimpan": 1796371200.0,          # when the learner last saved it (epoch seconds)
                  "nama": ["Modul 1 - Siti.ipynb"],   # names it arrived under
                  "peserta": "ku01",                  # who it was filed for, and how
                  "cara": "nama di nama berkas",
                  "ditetapkan": "ku01"}}              # set by `cantik kelas impor --tetapkan`

Keyed by content, the record survives renaming, quarantine copies and inbox copies: a file taken back
from ``grading/karantina/`` keeps the save time recorded when it first arrived (the earliest one seen),
and a file the trainer assigned with ``--tetapkan`` is not asked about again when the same flash disk
is imported a second time.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FILE_NAME = "catatan_berkas.json"


@dataclass
class Ledger:
    """The record of received files (see the module docstring).

    Examples
    --------
    >>> import tempfile
    >>> ledger = Ledger(Path(tempfile.mkdtemp()) / FILE_NAME)
    >>> ledger.saved_time("abc", 1_800_000_000.0)
    1800000000.0
    >>> ledger.saved_time("abc", 1_900_000_000.0)   # a later copy of the same bytes keeps the first time
    1800000000.0
    """

    path: Path
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def open(cls, inbox_dir: Path) -> Ledger:
        """The ledger kept in ``inbox_dir`` (empty when none was written yet)."""
        path = inbox_dir / FILE_NAME
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entries = {}
        return cls(path, entries if isinstance(entries, dict) else {})

    def _entry(self, sha: str) -> dict[str, Any]:
        return self.entries.setdefault(sha, {})

    def saved_time(self, sha: str, seen: float | None, name: str = "") -> float | None:
        """Record that ``sha`` arrived (as ``name``, saved at ``seen``) and return its save time: the
        earliest time ever recorded for these bytes."""
        entry = self._entry(sha)
        if name and name not in entry.setdefault("nama", []):
            entry["nama"].append(name)
        known = entry.get("disimpan")
        times = [t for t in (known, seen) if isinstance(t, int | float)]
        if times:
            entry["disimpan"] = min(times)
        return entry.get("disimpan")

    def filed(self, sha: str, student: str, how: str) -> None:
        """Record that ``sha`` became ``student``'s submission, found by ``how``."""
        entry = self._entry(sha)
        entry["peserta"], entry["cara"] = student, how

    def how(self, sha: str) -> str:
        """How the file with these bytes was identified when it was filed (``""``: never filed)."""
        return str(self.entries.get(sha, {}).get("cara", ""))

    def assign(self, sha: str, student: str) -> None:
        """The trainer's decision: these bytes are ``student``'s (``--tetapkan``)."""
        self._entry(sha)["ditetapkan"] = student

    def assigned(self, sha: str) -> str | None:
        """The learner the trainer assigned these bytes to, if any."""
        value = self.entries.get(sha, {}).get("ditetapkan")
        return str(value) if value else None

    def save(self) -> None:
        """Write the ledger (atomically: a crash never leaves half a file)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.entries, indent=1, ensure_ascii=False, sort_keys=True), "utf-8")
        os.replace(tmp, self.path)
