"""Errors a learner, course author or trainer may meet: what went wrong and what to do next (Indonesian).

Every expected failure of a ``cantik`` command is a :class:`CantikError`. The command line turns it into
one line on stderr starting with ``GAGAL:`` and an exit status (1 unless the error says otherwise), never
a Python traceback (:func:`cantik.cli.run_command`). Anything else is a bug and keeps its traceback.

Only the standard library is used here, so every layer may import this module.
"""

from __future__ import annotations


class CantikError(Exception):
    """A problem the user can fix, with an Indonesian explanation and, optionally, a next step.

    Parameters
    ----------
    pesan : str
        What went wrong, in plain Bahasa Indonesia.
    saran : str, optional
        What to do next.
    exit_code : int, optional
        Exit status of a command that stops on this error (default :attr:`exit_code` of the class: 1).

    Examples
    --------
    >>> err = CantikError("Berkas peserta kosong.", "Isi minimal satu baris peserta.")
    >>> print(err)
    Berkas peserta kosong.
    Langkah berikutnya: Isi minimal satu baris peserta.
    >>> err.exit_code
    1
    """

    #: Exit status of a command that stops on this kind of error.
    exit_code: int = 1

    def __init__(self, pesan: str, saran: str = "", *, exit_code: int | None = None) -> None:
        self.pesan = pesan
        self.saran = saran
        if exit_code is not None:
            self.exit_code = exit_code
        super().__init__(pesan)

    def __str__(self) -> str:
        return self.pesan + (f"\nLangkah berikutnya: {self.saran}" if self.saran else "")


class KelasError(CantikError):
    """A problem in the trainer's class workflow (``cantik kelas``, ``cantik server``).

    Examples
    --------
    >>> print(KelasError("Modul 'modul9' belum dirilis.", "Rilis dulu: `cantik kelas rilis modul9`."))
    Modul 'modul9' belum dirilis.
    Langkah berikutnya: Rilis dulu: `cantik kelas rilis modul9`.
    """


class CourseError(CantikError):
    """A problem with course content: an authoring script, a master notebook, a notebook to export."""


class DataNotFoundError(CantikError, ValueError):
    """A table or wilayah name that does not exist, or a dataset file that has not been generated yet.

    A command stopping on it exits with status 2 (like a mistyped argument).
    """

    exit_code = 2


class DataFormatError(CantikError, ValueError):
    """A dataset file whose content breaks the column contract (e.g. text in an integer column)."""


class SandboxUnavailable(CantikError, RuntimeError):
    """The grading sandbox cannot start on this machine (e.g. ``bwrap`` is not installed)."""
