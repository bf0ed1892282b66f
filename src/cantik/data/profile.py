"""The place profile (``wilayah``): what a desa or kelurahan is, stored as ``wilayah.json`` beside its tables.

A profile says the place's name and type (desa or kelurahan, with its planning terms), where it lies
(kecamatan, kabupaten, province), its Desa/Kelurahan Cantik year, its units (RT or dusun) and how many,
which optional tables it has (e.g. ``ampunku``), which places it is compared with, and whether its data
are synthetic (with the calibration figures and their sources) or real (with the data source and date).

The file's field names are Indonesian (a trainer reads and fills it); :class:`Wilayah` holds the checked
profile. :func:`parse` checks a profile and words every problem in Indonesian, naming the file and field.
Synthetic places live in :func:`cantik.paths.datasets_dir`; real places (``cantik data impor``) in the
git-ignored :func:`cantik.paths.real_data_dir`. Only the standard library is used here.

Examples
--------
>>> p = load_profile("kandangan_utara")
>>> p.label, p.unit, p.units, p.optional_tables
('Kelurahan Kandangan Utara', 'RT', 25, ('ampunku', 'lansia_tahunan'))
>>> p.planning["musrenbang"]
'Musrenbang kelurahan'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from cantik.data import schema
from cantik.errors import DataFormatError, DataNotFoundError
from cantik.paths import datasets_dir, real_data_dir

#: Name of the profile file in a place's folder.
PROFILE_FILE = "wilayah.json"
KINDS = ("desa", "kelurahan")
UNITS = ("RT", "dusun")
#: Planning terms by type: a desa plans through RPJMDes and Musrenbang desa with Dana Desa, a kelurahan
#: through Musrenbang kelurahan with Dana Kelurahan.
PLANNING: dict[str, dict[str, str]] = {
    "desa": {"rencana": "RPJMDes", "musrenbang": "Musrenbang desa", "dana": "Dana Desa",
             "pemerintah": "pemerintah desa", "kepala": "kepala desa"},
    "kelurahan": {"rencana": "Renja kelurahan", "musrenbang": "Musrenbang kelurahan",
                  "dana": "Dana Kelurahan", "pemerintah": "pemerintah kelurahan", "kepala": "lurah"},
}
KEY_PATTERN = r"^[a-z][a-z0-9_]{1,39}$"


#: Phrases that already name both kinds of unit ("RT atau dusun", "RT/dusun"): left as written.
_BOTH_UNITS = re.compile(r"RT(?= atau dusun|/dusun|/RW)|(?<=dusun/)RT|(?<=dusun atau )RT|(?<=RW/)RT")
#: "RT" as a word (the unit of a text written for a place in RT), with what goes with it: the head
#: ("ketua RT"), the full name ("Rukun Tetangga (RT)"), a repetition ("RT-RT") or a suffix ("RT-nya").
_UNIT_WORD = re.compile(r"(?P<head>\b[Kk]etua )?(?P<full>Rukun Tetangga \()?(?<!\w)RT(?P<close>\))?"
                        r"(?P<named> \(Rukun Tetangga\))?(?P<again>-RT)?(?:-(?P<suffix>nya|ku|mu)\b)?(?!\w)")
#: Where a word starts a sentence or a name: the text's start, after an end of sentence, at the start of a
#: line (after markdown marks), of a quotation or of a table cell, and in a title written in title case
#: ("Jumlah Penduduk menurut RT").
_STARTS = re.compile(r"(?:^|[.!?]\s+|\n[ \t]*(?:(?:[#>*|\-]+|\d+\.)[ \t]*)*|[\"'|][ \t]*"
                     r"|[A-Z]\w*\s+[A-Z]\w*\s+(?:menurut|per)\s+)$")


def unit_words(text: str, unit: str) -> str:
    r"""``text``, written for a place divided into RT, worded for a place whose unit is ``unit``.

    For ``"RT"`` the text is returned unchanged. For ``"dusun"``: "ketua RT" becomes "kepala dusun",
    "Rukun Tetangga (RT)" "dusun", "RT-RT" "dusun-dusun", "RT-nya" "dusunnya"; a unit's name ("RT 3") and a
    sentence's first word become "Dusun". Phrases naming both ("RT atau dusun", "RT/dusun", "RT/RW") and
    words that only contain the letters (``RT_KECIL``, ``rt``) stay as they are.

    Examples
    --------
    >>> unit_words("APS terendah ada di RT 3. RT itu kecil; tanyakan ketua RT-nya.", "dusun")
    'APS terendah ada di Dusun 3. Dusun itu kecil; tanyakan kepala dusunnya.'
    >>> unit_words('print("RT dengan rasio terendah:", rt)  # satu angka per RT, RT-RT kecil', "dusun")
    'print("Dusun dengan rasio terendah:", rt)  # satu angka per dusun, dusun-dusun kecil'
    >>> unit_words("## 3. Menurut RT\n- RT mana? Kolom `rt`: Rukun Tetangga (RT), RT atau dusun", "dusun")
    '## 3. Menurut dusun\n- Dusun mana? Kolom `rt`: dusun, RT atau dusun'
    >>> unit_words("(misalnya per RT). Label (jenis kelamin, nomor RT).", "dusun")
    '(misalnya per dusun). Label (jenis kelamin, nomor dusun).'
    >>> unit_words("Berapa RT (Rukun Tetangga)? Ketua RT 5 (RT, posyandu): Penduduk Desa menurut RT", "dusun")
    'Berapa dusun? Kepala Dusun 5 (dusun, posyandu): Penduduk Desa menurut Dusun'
    >>> unit_words("bagi lansia/RT; ketua RT/RW; RT/dusun", "dusun")
    'bagi lansia/dusun; ketua RT/RW; RT/dusun'
    >>> unit_words("nomor RT", "RT")
    'nomor RT'
    """
    if unit == "RT" or "RT" not in text:
        return text
    kept = _BOTH_UNITS.sub("\0", text)

    def word(m: re.Match[str]) -> str:
        if m.group("full") and not m.group("close"):
            return m.group(0)  # "Rukun Tetangga (RT" without its bracket: leave it
        named = re.match(r"[ \t]*(?:\d|\{)", kept[m.end():]) is not None
        first = _STARTS.search(kept[:m.start()]) is not None
        out = unit.capitalize() if named or (first and not m.group("head")) else unit
        if m.group("head"):  # "ketua RT" → "kepala dusun", "Ketua RT 5" → "Kepala Dusun 5"
            out = ("Kepala " if m.group("head")[0] == "K" else "kepala ") + out
        if m.group("close") and not m.group("full"):
            out += ")"  # "(misalnya per RT)": the bracket is the sentence's, not the full name's
        if m.group("again"):
            out += f"-{unit}"
        return out + (m.group("suffix") or "")

    return _UNIT_WORD.sub(word, kept).replace("\0", "RT")


@dataclass(frozen=True)
class Figure:
    """One published (or scenario) figure a synthetic place is calibrated to, with its source."""

    key: str
    name: str
    value: float
    unit: str
    level: str
    source: str

    def as_json(self) -> dict[str, Any]:
        return {"kunci": self.key, "nama": self.name, "nilai": self.value, "satuan": self.unit,
                "tingkat": self.level, "sumber": self.source}


@dataclass(frozen=True)
class Wilayah:
    """A checked place profile (see the module docstring; :func:`parse` builds it)."""

    key: str
    name: str
    kind: str
    kecamatan: str | None
    kabupaten: str
    province: str
    cantik_year: int | None
    unit: str
    units: int
    optional_tables: tuple[str, ...] = ()
    comparisons: tuple[str, ...] = ()
    synthetic: bool = True
    source: str = ""
    source_date: str | None = None
    note: str = ""
    figures: tuple[Figure, ...] = ()
    generation: dict[str, Any] = field(default_factory=dict)
    present_tables: tuple[str, ...] | None = None  # a real place's tables; None: every standard table

    @property
    def label(self) -> str:
        """"Kelurahan Kandangan Utara", "Desa Malinau"."""
        return f"{self.kind.capitalize()} {self.name}"

    @property
    def notice(self) -> str:
        """What to show with the place's data: the synthetic notice, or a real place's source and date."""
        if self.synthetic:
            return schema.SYNTHETIC_NOTICE
        return f"Data {self.label}: {self.source}, per {self.source_date}."

    @property
    def planning(self) -> dict[str, str]:
        """The planning terms of the place's type (``PLANNING``)."""
        return PLANNING[self.kind]

    @property
    def tables(self) -> list[str]:
        """Tables the place has: the standard ones (a real place: those it imported), then its optional
        ones."""
        base = schema.WILAYAH_TABLES if self.present_tables is None else self.present_tables
        return [*base, *(t for t in self.optional_tables if t not in base)]

    def figure(self, key: str) -> Figure:
        """The calibration figure ``key`` (``KeyError`` when the profile has none)."""
        for f in self.figures:
            if f.key == key:
                return f
        raise KeyError(key)

    def as_json(self) -> dict[str, Any]:
        """The profile as ``wilayah.json`` holds it (Indonesian field names)."""
        out: dict[str, Any] = {
            "kunci": self.key, "nama": self.name, "jenis": self.kind, "kecamatan": self.kecamatan,
            "kabupaten": self.kabupaten, "provinsi": self.province, "tahun_cantik": self.cantik_year,
            "satuan": self.unit, "jumlah_satuan": self.units, "tabel_pilihan": list(self.optional_tables),
            "pembanding": list(self.comparisons), "sintetis": self.synthetic, "sumber_data": self.source,
            "tanggal_data": self.source_date, "catatan": self.note,
        }
        if self.figures:
            out["angka_kalibrasi"] = [f.as_json() for f in self.figures]
        if self.generation:
            out["pembangkitan"] = dict(self.generation)
        if self.present_tables is not None:
            out["tabel_ada"] = list(self.present_tables)
        return out


def dumps(profile: Wilayah) -> bytes:
    """Stable bytes of ``wilayah.json`` (UTF-8, indented, newline-terminated)."""
    return (json.dumps(profile.as_json(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# ------------------------------------------------------------------------------------------ checking

_TEXT = ("nama", "kabupaten", "provinsi")
_FIGURE_FIELDS = {"kunci": str, "nama": str, "nilai": (int, float), "satuan": str, "tingkat": str,
                  "sumber": str}
_KNOWN = {"kunci", "nama", "jenis", "kecamatan", "kabupaten", "provinsi", "tahun_cantik", "satuan",
          "jumlah_satuan", "tabel_pilihan", "pembanding", "sintetis", "sumber_data", "tanggal_data",
          "catatan", "angka_kalibrasi", "pembangkitan", "tabel_ada"}


def parse(data: Any, where: str = PROFILE_FILE) -> Wilayah:
    """Check a profile (the parsed JSON of ``wilayah.json``) and return it as :class:`Wilayah`.

    Raises
    ------
    DataFormatError
        Listing every problem found, each naming ``where`` and the field, in Indonesian.

    Examples
    --------
    >>> parse({"kunci": "x"}, "contoh.json")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    cantik.errors.DataFormatError: Profil wilayah contoh.json belum benar: ...'nama' belum diisi...
    """
    if not isinstance(data, dict):
        raise DataFormatError(f"Profil wilayah {where} harus berisi satu objek JSON ({{ ... }}), bukan "
                              f"{type(data).__name__}.")
    bad: list[str] = []

    def text(name: str, required: bool = True) -> str | None:
        value = data.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                bad.append(f"'{name}' belum diisi")
            return None
        if not isinstance(value, str):
            bad.append(f"'{name}' harus berupa teks, bukan {value!r}")
            return None
        return value.strip()

    key = text("kunci") or ""
    if key and not re.match(KEY_PATTERN, key):
        bad.append(f"'kunci' {key!r} hanya boleh berisi huruf kecil, angka dan garis bawah, diawali huruf "
                   "(misalnya 'malinau' atau 'sungai_raya')")
    name = text("nama") or ""
    for f in _TEXT[1:]:
        text(f)
    kind = text("jenis") or ""
    if kind and kind.lower() not in KINDS:
        bad.append(f"'jenis' harus 'desa' atau 'kelurahan', bukan {kind!r}")
    unit = text("satuan") or ""
    if unit and unit not in UNITS:
        bad.append(f"'satuan' harus 'RT' atau 'dusun', bukan {unit!r}")
    units = data.get("jumlah_satuan")
    if not isinstance(units, int) or isinstance(units, bool) or not 1 <= units <= 99:
        bad.append(f"'jumlah_satuan' harus bilangan bulat 1 sampai 99, bukan {units!r}")
    year = data.get("tahun_cantik")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool) or not 2018 <= year <= 2100):
        bad.append(f"'tahun_cantik' harus tahun seperti 2025 (atau null bila belum menjadi lokus), bukan "
                   f"{year!r}")
    lists: dict[str, tuple[str, ...]] = {}
    present = data.get("tabel_ada")
    if present is not None and (not isinstance(present, list)
                                or not set(present) <= set(schema.WILAYAH_TABLES)
                                or not {"penduduk", "keluarga"} <= set(present)):
        bad.append(f"'tabel_ada' harus daftar tabel baku yang memuat penduduk dan keluarga "
                   f"(pilihan: {', '.join(schema.WILAYAH_TABLES)}), bukan {present!r}")
        present = None
    for list_name in ("tabel_pilihan", "pembanding"):
        value = data.get(list_name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            bad.append(f"'{list_name}' harus daftar teks, misalnya [\"ampunku\"] atau []")
            value = []
        lists[list_name] = tuple(value)
    optional = [t for t in schema.ONLY_IN if schema.ONLY_IN[t] != schema.KECAMATAN]
    for t in lists["tabel_pilihan"]:
        if t not in optional:
            bad.append(f"'tabel_pilihan' menyebut {t!r}; tabel pilihan yang dikenal: {', '.join(optional)}")
    if key in lists["pembanding"]:
        bad.append("'pembanding' tidak boleh memuat wilayah itu sendiri")
    synthetic = data.get("sintetis")
    if not isinstance(synthetic, bool):
        bad.append(f"'sintetis' harus true (data buatan) atau false (data nyata), bukan {synthetic!r}")
    source = text("sumber_data", required=synthetic is False) or ""
    source_date = text("tanggal_data", required=synthetic is False)
    if source_date:
        try:
            date.fromisoformat(source_date)
        except ValueError:
            bad.append(f"'tanggal_data' harus tanggal TTTT-BB-HH, misalnya 2026-01-31, bukan {source_date!r}")
    figures: list[Figure] = []
    raw_figures = data.get("angka_kalibrasi", [])
    if not isinstance(raw_figures, list):
        bad.append("'angka_kalibrasi' harus daftar angka beserta sumbernya")
        raw_figures = []
    for i, item in enumerate(raw_figures, start=1):
        ok = isinstance(item, dict) and all(
            isinstance(item.get(k), t) and not isinstance(item.get(k), bool)
            for k, t in _FIGURE_FIELDS.items())
        if not ok or not str(item.get("sumber", "")).strip():
            bad.append(f"'angka_kalibrasi' nomor {i} harus berisi {', '.join(_FIGURE_FIELDS)} "
                       "(nilai berupa angka, sumber tidak kosong)")
            continue
        figures.append(Figure(item["kunci"], item["nama"], item["nilai"], item["satuan"], item["tingkat"],
                              item["sumber"]))
    generation = data.get("pembangkitan", {})
    if not isinstance(generation, dict):
        bad.append("'pembangkitan' harus objek JSON")
        generation = {}
    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        bad.append(f"kolom tak dikenal: {', '.join(repr(u) for u in unknown)} (yang dikenal: "
                   f"{', '.join(sorted(_KNOWN))})")
    if bad:
        raise DataFormatError(f"Profil wilayah {where} belum benar: " + "; ".join(bad) + ".",
                              "Perbaiki isian itu lalu jalankan perintahnya lagi.")
    note = data.get("catatan") or ""
    return Wilayah(key, name, kind.lower(), text("kecamatan", required=False), data["kabupaten"].strip(),
                   data["provinsi"].strip(), year, unit, units, lists["tabel_pilihan"], lists["pembanding"],
                   synthetic, source, source_date, str(note), tuple(figures), dict(generation),
                   tuple(present) if present is not None else None)


def read(path: Path) -> Wilayah:
    """Read and check a ``wilayah.json`` file; the key must equal its folder's name."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataNotFoundError(f"Profil wilayah {path} tidak ada.") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise DataFormatError(f"Profil wilayah {path} bukan JSON yang sah: {exc}.",
                              "Buka berkasnya di penyunting teks dan perbaiki tanda kurung atau "
                              "komanya.") from exc
    profile = parse(data, str(path))
    if profile.key != Path(path).parent.name:
        raise DataFormatError(f"Profil wilayah {path}: 'kunci' {profile.key!r} harus sama dengan nama "
                              f"foldernya ({Path(path).parent.name!r}).")
    return profile


# ------------------------------------------------------------------------------------- the places


def _builtin() -> dict[str, Wilayah]:
    """Profiles of the three synthetic places of Kec. Kandangan's programme (written by the generator)."""
    cantik = ("Berita BPS Kab. HSS: Kelurahan Kandangan Utara sebagai Kelurahan Cantik 2025 (lokus "
              "22 April - 26 September 2025; inovasi AMPUNKU); lokus sebelumnya Desa Gambah Luar (2022) "
              "dan Kelurahan Taluk Haur (2024)")  # = calibration.SOURCES["desa_cantik"] (tested)
    common = {"kabupaten": "Hulu Sungai Selatan", "province": "Kalimantan Selatan", "unit": "RT",
              "source": schema.SYNTHETIC_NOTICE, "source_date": schema.REFERENCE_DATE}
    return {
        "kandangan_utara": Wilayah("kandangan_utara", "Kandangan Utara", "kelurahan", "Kandangan",
                                   cantik_year=2025, units=25,
                                   optional_tables=("ampunku", "lansia_tahunan"),
                                   comparisons=("taluk_haur", "gambah_luar"),
                                   note=f"Lokus Kelurahan Cantik 2025. {cantik}.", **common),
        "taluk_haur": Wilayah("taluk_haur", "Taluk Haur", "kelurahan", None, cantik_year=2024,
                              units=12, comparisons=("kandangan_utara", "gambah_luar"),
                              note="Lokus Kelurahan Cantik 2024. Kecamatannya belum dapat dipastikan dari "
                                   "sumber publik.", **common),
        "gambah_luar": Wilayah("gambah_luar", "Gambah Luar", "desa", "Kandangan", cantik_year=2022,
                               units=6, comparisons=("kandangan_utara", "taluk_haur"),
                               note="Lokus Desa Cantik 2022.", **common),
    }


def builtin_profile(key: str) -> Wilayah | None:
    """The profile of a built-in synthetic place (``schema.WILAYAH``), or None."""
    return _builtin().get(key)


def _found(root: Path) -> list[str]:
    if not root.is_dir():
        return []
    return sorted(p.parent.name for p in root.glob(f"*/{PROFILE_FILE}"))


def place_keys() -> list[str]:
    """Every place with person-level tables: the built-in three, other synthetic places found in the
    datasets folder, then real places imported into the real-data folder."""
    keys = list(schema.WILAYAH)
    keys += [k for k in _found(datasets_dir()) if k not in keys]
    keys += [k for k in _found(real_data_dir()) if k not in keys]
    return keys


def place_dir(key: str) -> Path:
    """The folder of a place's tables: the datasets folder, or the real-data folder for a real place."""
    synthetic = datasets_dir() / key
    if key in schema.WILAYAH or key == schema.KECAMATAN or (synthetic / PROFILE_FILE).is_file():
        return synthetic
    real = real_data_dir() / key
    return real if (real / PROFILE_FILE).is_file() else synthetic


def load_profile(key: str) -> Wilayah:
    """The profile of place ``key``: its ``wilayah.json``, or the built-in profile before generation.

    Raises
    ------
    DataNotFoundError
        No such place (the message lists the places there are).
    DataFormatError
        The place's ``wilayah.json`` breaks the profile rules.
    """
    path = place_dir(key) / PROFILE_FILE
    if path.is_file():
        return read(path)
    builtin = builtin_profile(key)
    if builtin is None:
        raise DataNotFoundError(f"Wilayah '{key}' tidak ada. Pilihan: {', '.join(place_keys())}.")
    return builtin


def synthetic_profiles(root: Path | None = None) -> list[Wilayah]:
    """Profiles of the synthetic places to generate: the built-in three, then every other synthetic place
    whose ``wilayah.json`` is in ``root`` (default :func:`cantik.paths.datasets_dir`), by key."""
    out = [load_profile(k) for k in schema.WILAYAH]
    folder = Path(root) if root is not None else datasets_dir()
    for path in sorted(folder.glob(f"*/{PROFILE_FILE}")):
        if path.parent.name not in schema.WILAYAH:
            found = read(path)
            if found.synthetic:
                out.append(found)
    return out
