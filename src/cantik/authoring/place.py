"""The place a course is written for: names and terms the authoring scripts put into course text.

``naskah/_umum.py`` builds one :class:`Tempat` (``tempat``) from the place profile
(:mod:`cantik.data.profile`) of the active place (:func:`cantik.data.active_wilayah`: Kandangan Utara, or the
place ``cantik kursus bangun --wilayah`` writes for), so no place name, type, unit or planning term is typed
into a module's text. Numbers stay computed from the data (:mod:`cantik.authoring.numbers`).

Examples
--------
>>> t = Tempat.dari("kandangan_utara")
>>> t.nama, t.label, t.jenis, t.satuan, t.cantik, t.kepala
('Kandangan Utara', 'Kelurahan Kandangan Utara', 'kelurahan', 'RT', 'Kelurahan Cantik', 'lurah')
>>> t.pembanding_nama, t.ada("ampunku")
(['Taluk Haur', 'Gambah Luar'], True)
>>> Tempat.dari("malinau").musrenbang, t.ket_data
('Musrenbang desa', 'data sintetis')
"""

from __future__ import annotations

from dataclasses import dataclass

from cantik.data.profile import Wilayah, load_profile
from cantik.data.schema import DEFAULT_WILAYAH


@dataclass(frozen=True)
class Tempat:
    """Words of one place for course text (Indonesian attribute names: authors type them in the scripts)."""

    profil: Wilayah

    @classmethod
    def dari(cls, wilayah: str) -> Tempat:
        """The place ``wilayah`` (a key such as ``"malinau"``)."""
        return cls(load_profile(wilayah))

    @property
    def kunci(self) -> str:
        """The place's key (``"kandangan_utara"``)."""
        return self.profil.key

    @property
    def bawaan(self) -> bool:
        """True for the place the repository's course is written for (``schema.DEFAULT_WILAYAH``)."""
        return self.profil.key == DEFAULT_WILAYAH

    @property
    def nama(self) -> str:
        """"Kandangan Utara"."""
        return self.profil.name

    @property
    def label(self) -> str:
        """"Kelurahan Kandangan Utara", "Desa Malinau"."""
        return self.profil.label

    @property
    def judul(self) -> str:
        """Who the course is for: "Kelurahan Cantik Kandangan Utara" for a Cantik locus, else the label
        ("Desa Malinau")."""
        return f"{self.cantik} {self.nama}" if self.profil.cantik_year else self.label

    @property
    def jenis(self) -> str:
        """"kelurahan" or "desa" (lower case, as inside a sentence)."""
        return self.profil.kind

    @property
    def Jenis(self) -> str:
        """"Kelurahan" or "Desa"."""
        return self.profil.kind.capitalize()

    @property
    def cantik(self) -> str:
        """The programme's name for this type: "Kelurahan Cantik" or "Desa Cantik"."""
        return f"{self.Jenis} Cantik"

    @property
    def satuan(self) -> str:
        """The place's unit: "RT" or "dusun"."""
        return self.profil.unit

    @property
    def sintetis(self) -> bool:
        """True for a synthetic place (its texts say so); False for a real place (they name its source)."""
        return self.profil.synthetic

    @property
    def ket_data(self) -> str:
        """What the data are, in brackets after a chart title or a source line: "data sintetis", or for a
        real place its source and date ("Pendataan pemerintah desa, per 2026-01-31")."""
        return "data sintetis" if self.sintetis else f"{self.profil.source}, per {self.profil.source_date}"

    @property
    def kabupaten(self) -> str:
        """"Hulu Sungai Selatan"."""
        return self.profil.kabupaten

    @property
    def kepala(self) -> str:
        """The head of the place: "lurah" or "kepala desa"."""
        return self.profil.planning["kepala"]

    @property
    def Kepala(self) -> str:
        """"Lurah" or "Kepala desa" (sentence start); "Pak Lurah" is ``f"Pak {t.Kepala}"``."""
        return self.kepala[0].upper() + self.kepala[1:]

    @property
    def sapaan(self) -> str:
        """How a learner addresses the head: "Pak Lurah" or "Pak Kepala Desa"."""
        return "Pak " + " ".join(w.capitalize() for w in self.kepala.split())

    @property
    def musrenbang(self) -> str:
        """"Musrenbang kelurahan" or "Musrenbang desa"."""
        return self.profil.planning["musrenbang"]

    @property
    def dana(self) -> str:
        """"Dana Kelurahan" or "Dana Desa"."""
        return self.profil.planning["dana"]

    @property
    def pembanding(self) -> list[str]:
        """Keys of the places this one is compared with."""
        return list(self.profil.comparisons)

    @property
    def pembanding_nama(self) -> list[str]:
        """Names of the comparison places ("Taluk Haur", "Gambah Luar")."""
        return [load_profile(k).name for k in self.profil.comparisons]

    @property
    def pembanding_teks(self) -> str:
        """The comparison places as a phrase: "Taluk Haur dan Gambah Luar", "A, B dan C"."""
        from cantik.helpers import daftar_kata

        return daftar_kata(self.pembanding_nama)

    def ada(self, tabel: str) -> bool:
        """Whether the place has ``tabel`` (e.g. the optional ``"ampunku"``)."""
        return tabel in self.profil.tables

