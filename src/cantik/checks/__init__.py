"""Self-checks for learners and the tests nbgrader runs, sharing one set of tolerant comparisons.

In a notebook::

    from cantik.checks import cek, petunjuk
    cek("2a", rasio)      # "Benar!" or a message aimed at the likely mistake
    petunjuk("2a")        # hints, one step per call

In an nbgrader test cell: ``uji_bentuk("2a", rasio)`` (visible: right kind of answer) and, inside the hidden
block, ``uji("2a", rasio)`` (the full check, raising ``AssertionError`` with the same message).
"""

from cantik.checks.compare import Hasil
from cantik.checks.core import Salah, Soal, ambil, cek, daftar, periksa, petunjuk, uji, uji_bentuk
from cantik.checks.plain import JawabanDitolak, ke_polos

__all__ = ["Hasil", "JawabanDitolak", "Salah", "Soal", "ambil", "cek", "daftar", "ke_polos", "periksa",
           "petunjuk", "uji", "uji_bentuk"]
