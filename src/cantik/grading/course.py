"""The course as nbgrader sees it: configuration, folders, API and gradebook for one course root.

The configuration is the project's ``nbgrader_config.py`` (read with traitlets, exactly as nbgrader's own
apps read it), so ``cantik kelas`` and ``nbgrader``/formgrader always agree on folders and the gradebook URL
(``CANTIK_GRADEBOOK_URL`` overrides the SQLite file under ``grading/``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cantik.errors import KelasError
from cantik.paths import NBGRADER_CONFIG

if TYPE_CHECKING:
    from nbgrader.api import Gradebook
    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config



def _venv_on_path() -> None:
    """Put this Python's ``bin`` folder on PATH: nbgrader runs ``alembic`` from PATH to create a gradebook,
    which fails when the venv's python is run without activating the venv."""
    import shutil
    import sys

    bindir = os.path.dirname(sys.executable)
    if shutil.which("alembic") is None and os.path.isfile(os.path.join(bindir, "alembic")):
        os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")


@dataclass
class Course:
    """One nbgrader course rooted at ``root`` (the folder holding ``nbgrader_config.py``).

    Examples
    --------
    >>> course = Course.open("/path/to/kelas")  # doctest: +SKIP
    >>> course.grading_dir                       # doctest: +SKIP
    PosixPath('/path/to/kelas/grading')
    """

    root: Path
    config: Config = field(repr=False)

    @classmethod
    def open(cls, root: str | os.PathLike[str] | None = None) -> Course:
        """Read ``<root>/nbgrader_config.py`` (root defaults to the project root)."""
        from traitlets.config.loader import PyFileConfigLoader

        from cantik.paths import project_root

        base = Path(root).resolve() if root else project_root()
        if not (base / NBGRADER_CONFIG).is_file():
            raise KelasError(
                f"Folder kelas {base} tidak punya berkas {NBGRADER_CONFIG}.",
                "Jalankan perintah dari folder Kelas Cantik, atau beri --folder yang benar.",
            )
        _venv_on_path()
        config = PyFileConfigLoader(NBGRADER_CONFIG, path=str(base)).load_config()
        config.CourseDirectory.root = str(base)
        return cls(root=base, config=config)

    # -- nbgrader objects -------------------------------------------------------------------------------
    def coursedir(self, **traits: Any) -> CourseDirectory:
        """A fresh :class:`nbgrader.coursedir.CourseDirectory` with this course's configuration."""
        from nbgrader.coursedir import CourseDirectory

        cd = CourseDirectory(config=self.config)
        for name, value in traits.items():
            setattr(cd, name, value)
        return cd

    def api(self) -> NbGraderAPI:
        """nbgrader's high-level API bound to this course (log captured, not printed)."""
        import logging

        from nbgrader.apps.api import NbGraderAPI

        self.ensure_dirs()
        api = NbGraderAPI(coursedir=self.coursedir(), config=self.config)
        api.log.setLevel(logging.WARNING)
        return api

    @property
    def db_url(self) -> str:
        return self.coursedir().db_url

    @property
    def course_id(self) -> str:
        return self.coursedir().course_id

    def gradebook(self) -> Gradebook:
        """Open nbgrader's gradebook (use as a context manager)."""
        from nbgrader.api import Gradebook

        self.ensure_dirs()
        return Gradebook(self.db_url, self.course_id)

    def ensure_dirs(self) -> None:
        """Create the trainer-only folder and the SQLite gradebook's folder."""
        self.grading_dir.mkdir(parents=True, exist_ok=True)
        url = self.db_url
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)

    # -- folders ----------------------------------------------------------------------------------------
    def _dir(self, trait: str) -> Path:
        return Path(self.coursedir().format_path(getattr(self.coursedir(), trait), ".", ".")).resolve()

    @property
    def source_dir(self) -> Path:
        return self._dir("source_directory")

    @property
    def release_dir(self) -> Path:
        return self._dir("release_directory")

    @property
    def submitted_dir(self) -> Path:
        return self._dir("submitted_directory")

    @property
    def autograded_dir(self) -> Path:
        return self._dir("autograded_directory")

    @property
    def feedback_dir(self) -> Path:
        return self._dir("feedback_directory")

    @property
    def grading_dir(self) -> Path:
        """Trainer-only folder (parent of nbgrader's ``submitted`` folder): gradebook, inbox, exports."""
        return self.submitted_dir.parent

    @property
    def inbox_dir(self) -> Path:
        """Untouched copy of every file received (``grading/kotak_masuk``); nothing here is ever deleted."""
        return self.grading_dir / "kotak_masuk"

    @property
    def quarantine_dir(self) -> Path:
        """Files that could not be matched, or that would have replaced an earlier submission."""
        return self.grading_dir / "karantina"

    @property
    def roster_file(self) -> Path:
        """The roster as imported (all columns, incl. role, village and cohort nbgrader does not keep)."""
        return self.grading_dir / "peserta.csv"

    @property
    def exchange_root(self) -> Path:
        return (
            Path(self.config.Exchange.root)
            if "root" in self.config.Exchange
            else Path("/srv/nbgrader/exchange")
        )

    def assignments(self) -> list[str]:
        """Module (assignment) ids present in the source folder, sorted."""
        if not self.source_dir.is_dir():
            return []
        return sorted(p.name for p in self.source_dir.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))

    def require_assignment(self, modul: str) -> None:
        """Fail with an Indonesian message when ``modul`` has no source folder."""
        if modul not in self.assignments():
            ada = ", ".join(self.assignments()) or "(belum ada)"
            raise KelasError(
                f"Modul '{modul}' tidak ditemukan di {self.source_dir}.",
                f"Pilih salah satu modul yang ada: {ada}.",
            )
