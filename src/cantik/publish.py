"""Export a finished notebook to one shareable HTML page (code hidden), e.g. the capstone's
"Kandangan Utara dalam Angka" report for the Musrenbang. Built on nbconvert's ``HTMLExporter``.

Learners call :func:`ekspor_html` from their notebook; trainers use ``cantik kursus ekspor NOTEBOOK``.
Before writing, the page is checked for statistical confidentiality (the rule module 7 teaches): a page
showing NIK or family-card (KK) numbers, or a column named after them, is refused (:class:`DataPribadi`); a
table by RT showing counts from 1 to ``BATAS_SEL_KECIL − 1`` gets a warning (hide them or merge RTs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from cantik.errors import CourseError

#: Counts below this, in a table by RT, may identify people (the rule of module 7: show "<5" or merge RTs).
BATAS_SEL_KECIL = 5
#: NIK and KK numbers: the synthetic ones of the datasets and real 16-digit ones.
_PRIBADI = re.compile(r"\b[A-Z]{2}-[PK]\d{4,5}\b|(?<!\d)\d{16}(?!\d)")
_KOLOM_PRIBADI = {"nik", "no_kk", "nomor_kk", "no kk", "nomor kk", "kk"}


class DataPribadi(CourseError):
    """The page would show NIK/KK numbers: it is not written (Indonesian message naming where)."""


class _Tabel(HTMLParser):
    """Rows of the HTML tables in one output: ``[[(tag, text), ...], ...]`` per table."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[tuple[str, str]]]] = []
        self._cell: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables and self.tables[-1]:
            self._cell = (tag, [])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append((self._cell[0], "".join(self._cell[1]).strip()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell[1].append(data)


@dataclass
class Kerahasiaan:
    """What :func:`periksa_kerahasiaan` found: refusals (personal numbers) and warnings (small cells)."""

    ditolak: list[str] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)


def _teks_sel(cell: Any) -> list[tuple[str, str]]:
    """(kind, text) of what a cell shows on the page: markdown source, stream text, plain and HTML results."""
    if cell.get("cell_type") == "markdown":
        return [("teks", cell.get("source", ""))]
    out = []
    for o in cell.get("outputs", []):
        if o.get("output_type") == "stream":
            out.append(("teks", o.get("text", "")))
        data = o.get("data", {})
        for mime, kind in (("text/html", "html"), ("text/plain", "teks")):
            if mime in data:
                v = data[mime]
                out.append((kind, v if isinstance(v, str) else "".join(v)))
    return out


def _angka_kecil(v: str) -> bool:
    angka = v.replace(".", "")
    return re.fullmatch(r"\d+", angka) is not None and 1 <= int(angka) < BATAS_SEL_KECIL


def periksa_kerahasiaan(cells: list[Any]) -> Kerahasiaan:
    """Check what the page would show: NIK/KK numbers or columns (refused), counts 1–4 by RT (warning).

    Examples
    --------
    >>> sel = {"cell_type": "markdown", "source": "Warga KU-P00012 belum sekolah."}
    >>> periksa_kerahasiaan([sel]).ditolak[0][:40]
    'Bagian ke-1 memuat nomor NIK/KK (mis. KU'
    """
    hasil = Kerahasiaan()
    for i, cell in enumerate(cells, 1):
        for kind, teks in _teks_sel(cell):
            m = _PRIBADI.search(re.sub(r"<[^>]+>", " ", teks) if kind == "html" else teks)
            if m:
                hasil.ditolak.append(f"Bagian ke-{i} memuat nomor NIK/KK (mis. {m.group()}). Hapus kolom "
                                     f"atau "
                                     "teks itu dari yang ditampilkan; NIK dan KK hanya untuk pengolahan.")
                break
            if kind != "html":
                continue
            parser = _Tabel()
            parser.feed(teks)
            for rows in parser.tables:
                headers = [t.casefold() for row in rows for tag, t in row if tag == "th"]
                pribadi = sorted(set(headers) & _KOLOM_PRIBADI)
                if pribadi:
                    hasil.ditolak.append(f"Bagian ke-{i} memuat tabel dengan kolom {', '.join(pribadi)}. "
                                         f"Hapus "
                                         "kolom itu sebelum mengekspor.")
                    continue
                if "rt" not in headers:
                    continue
                kolom_rt = {j for row in rows for j, (tag, t) in enumerate(row) if t.casefold() == "rt"}
                kecil = [t for row in rows for j, (tag, t) in enumerate(row)
                         if tag == "td" and j not in kolom_rt and _angka_kecil(t)]
                if kecil:
                    hasil.peringatan.append(
                        f"Bagian ke-{i}: tabel per RT memuat {len(kecil)} angka kecil "
                        f"(1–{BATAS_SEL_KECIL - 1}). "
                        f"Tulis \"<{BATAS_SEL_KECIL}\" atau gabungkan RT-nya (aturan kerahasiaan, modul 7).")
    return hasil


def _sel_dinilai_otomatis(cell: Any) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return bool(meta.get("grade")) and not meta.get("solution") and cell.get("cell_type") == "code"


#: Course scaffolding left out of the report page (ids of the cells written by ``naskah/``).
_KERANGKA = ("-tujuan", "-pertanyaan", "-sintetis", "-cara", "-langkah", "-poin-kunci", "-ekspor",
             "-ekspor-kode")
_SEL_KURSUS = re.compile(r"^m\d+-")
_CEK = re.compile(r"^\s*(✅|❌|💡|ℹ️)")


def _jadi_laporan(cells: list[Any]) -> list[Any]:
    """Keep what a reader of the report needs: section headings, results, the learner's own writing.

    Course cells keep only their ``#``/``##`` headings (instructions, question texts and rubrics go);
    self-check lines (✅/❌/💡/ℹ️) are removed from outputs; cells the learner added are kept as they are.
    """
    out = []
    for c in cells:
        cid = str(c.get("id", ""))
        meta = c.get("metadata", {}).get("nbgrader", {})
        kursus = bool(_SEL_KURSUS.match(cid))
        if kursus and cid.endswith(_KERANGKA):
            continue
        if c.cell_type == "markdown" and kursus and not meta.get("solution"):
            judul = [ln for ln in c.source.splitlines() if re.match(r"#{1,2} ", ln)]
            if not judul:
                continue
            c.source = "\n\n".join(judul)
        elif c.cell_type == "code":
            keluaran = []
            for o in c.get("outputs", []):
                if o.get("output_type") == "stream":
                    baris = o["text"].splitlines(keepends=True)
                    o["text"] = "".join(ln for ln in baris if not _CEK.match(ln))
                    if not o["text"].strip():
                        continue
                keluaran.append(o)
            c.outputs = keluaran
        out.append(c)
    return out


def _pemberitahuan(metadata: Any) -> str:
    """The notice at the top of an exported page: the synthetic notice, or for a module built for a real place
    (``metadata.cantik.wilayah``) that place's source and date, never "synthetic" for a village's own data.

    Examples
    --------
    >>> _pemberitahuan({})[:13]
    'DATA SINTETIS'
    >>> _pemberitahuan({"cantik": {"wilayah": "<b>tidak_ada</b>"}})  # the recorded key is never echoed
    'Sumber dan tanggal data notebook ini tidak ditemukan di komputer ini. Bukan statistik resmi BPS.'
    """
    from cantik.data.profile import load_profile
    from cantik.data.schema import SYNTHETIC_NOTICE
    from cantik.errors import DataFormatError, DataNotFoundError

    key = ((metadata or {}).get("cantik") or {}).get("wilayah")
    if not key:
        return SYNTHETIC_NOTICE
    try:
        return load_profile(str(key)).notice
    except (DataNotFoundError, DataFormatError):
        return ("Sumber dan tanggal data notebook ini tidak ditemukan di komputer ini. Bukan statistik resmi "
                "BPS.")


def ekspor_html(notebook: str | Path, tujuan: str | Path | None = None, judul: str | None = None,
                laporan: bool = True) -> Path:
    """Export a finished notebook to one self-contained HTML page (code hidden) to share or print.

    Uses nbconvert's ``HTMLExporter`` with ``exclude_input=True``; the autograder test cells are left out,
    images stay embedded, and the synthetic-data notice (for a real place: its source and date) is placed at
    the top. A page that would show NIK or KK numbers raises :class:`DataPribadi`; small counts by RT are
    printed as warnings (see :func:`periksa_kerahasiaan`). With ``laporan=True`` (the default) the page reads
    as a report for the Musrenbang: course instructions, question texts, rubrics and self-check messages are
    dropped, section headings, results and the learner's writing stay. The page is inert wherever it is
    opened: the notebook's HTML is cleaned (:class:`cantik.safehtml.SanitizeLearnerHTML`) and the page
    declares that it runs no script (its formulas therefore show as written, in TeX). Save the notebook
    (Ctrl+S) before exporting: the file on disk is what gets exported. The whole notebook (without its code)
    can also be exported on the command line with ``jupyter nbconvert --to html --no-input <notebook>.ipynb``.

    Parameters
    ----------
    notebook : path of the ``.ipynb`` file.
    tujuan : path of the HTML file (default: next to the notebook, same name, ``.html``).
    judul : page title (default: the notebook's first heading).
    laporan : report page (``True``) or the whole notebook without code and grading cells (``False``).

    Returns
    -------
    Path
        The HTML file written.

    Examples
    --------
    >>> ekspor_html("modul8_kandangan_utara_dalam_angka.ipynb")  # doctest: +SKIP
    PosixPath('modul8_kandangan_utara_dalam_angka.html')
    """
    import nbformat
    from nbconvert import HTMLExporter

    from cantik.safehtml import SanitizeLearnerHTML, with_csp

    src = Path(notebook)
    if src.suffix != ".ipynb":
        raise CourseError(f"'{src.name}' bukan berkas notebook (.ipynb).",
                          "Sebutkan berkas yang namanya berakhiran .ipynb.")
    if not src.is_file():
        raise CourseError(f"Notebook '{src}' tidak ditemukan.", "Periksa nama berkas dan foldernya.")
    try:
        nb = nbformat.read(src, as_version=4)
    except Exception as exc:  # nbformat raises several kinds for a damaged file
        raise CourseError(f"Notebook '{src.name}' tidak bisa dibaca ({type(exc).__name__}). Apakah berkasnya "
                          "rusak?") from None
    cells = [c for c in nb.cells if not _sel_dinilai_otomatis(c)]
    nb.cells = _jadi_laporan(cells) if laporan else cells
    rahasia = periksa_kerahasiaan(nb.cells)
    if rahasia.ditolak:
        raise DataPribadi("Halaman tidak ditulis demi kerahasiaan data warga. "
                          + " ".join(rahasia.ditolak),
                          "Hapus NIK/nomor KK dari tabel dan teks yang ditampilkan, simpan, lalu ekspor "
                          "lagi.")
    for pesan in rahasia.peringatan:
        print(f"⚠️ Peringatan kerahasiaan: {pesan}")
    if judul is None:
        judul = next((ln.lstrip("# ").strip() for c in nb.cells if c.cell_type == "markdown"
                      for ln in c.source.splitlines() if ln.startswith("# ")), src.stem)
    nb.cells.insert(0, nbformat.v4.new_markdown_cell(f"> ⚠️ **{_pemberitahuan(nb.metadata)}**"))
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    exporter.register_preprocessor(SanitizeLearnerHTML, enabled=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": judul}})
    out = Path(tujuan) if tujuan is not None else src.with_suffix(".html")
    out.write_text(with_csp(body), encoding="utf-8")
    return out
