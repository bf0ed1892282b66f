"""The one error type the trainer sees: what went wrong, and what to do next (both Indonesian)."""

from __future__ import annotations


class KelasError(Exception):
    """A problem the trainer can fix, with an Indonesian explanation and a next step.

    Parameters
    ----------
    pesan : str
        What went wrong, in plain Bahasa Indonesia.
    saran : str, optional
        What to do next.

    Examples
    --------
    >>> err = KelasError("Berkas peserta kosong.", "Isi minimal satu baris peserta.")
    >>> print(err)
    Berkas peserta kosong.
    Langkah berikutnya: Isi minimal satu baris peserta.
    """

    def __init__(self, pesan: str, saran: str = "") -> None:
        self.pesan = pesan
        self.saran = saran
        super().__init__(pesan)

    def __str__(self) -> str:
        return self.pesan + (f"\nLangkah berikutnya: {self.saran}" if self.saran else "")
