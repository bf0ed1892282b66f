"""Kelas Cantik: statistical-literacy courses, grading and public apps for BPS Desa/Kelurahan Cantik.

Importing this package is cheap: pandas and matplotlib are imported only by the modules that need them.
"""

__version__ = "0.1.0"
