"""Export a finished notebook to one shareable HTML page (code hidden), e.g. the capstone's
"Kandangan Utara dalam Angka" report for the Musrenbang. Built on nbconvert's ``HTMLExporter``.

Learners call :func:`ekspor_html` from their notebook; trainers use ``cantik kursus ekspor NOTEBOOK``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from cantik.errors import CourseError


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


def ekspor_html(notebook: str | Path, tujuan: str | Path | None = None, judul: str | None = None,
                laporan: bool = True) -> Path:
    """Export a finished notebook to one self-contained HTML page (code hidden) to share or print.

    Uses nbconvert's ``HTMLExporter`` with ``exclude_input=True``; the autograder test cells are left out,
    images stay embedded, and the synthetic-data notice is placed at the top. With ``laporan=True`` (the
    default) the page reads as a report for the Musrenbang: course instructions, question texts, rubrics and
    self-check messages are dropped, section headings, results and the learner's writing stay. The page is
    inert wherever it is opened: the notebook's HTML is cleaned (:class:`cantik.safehtml.SanitizeLearnerHTML`)
    and the page declares that it runs no script (its formulas therefore show as written, in TeX). Save the
    notebook (Ctrl+S) before exporting: the file on disk is what gets exported. The whole notebook (without
    its code) can also be exported on the command line with
    ``jupyter nbconvert --to html --no-input <notebook>.ipynb``.

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

    from cantik.data.schema import SYNTHETIC_NOTICE
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
    if judul is None:
        judul = next((ln.lstrip("# ").strip() for c in nb.cells if c.cell_type == "markdown"
                      for ln in c.source.splitlines() if ln.startswith("# ")), src.stem)
    nb.cells.insert(0, nbformat.v4.new_markdown_cell(f"> ⚠️ **{SYNTHETIC_NOTICE}**"))
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    exporter.register_preprocessor(SanitizeLearnerHTML, enabled=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": judul}})
    out = Path(tujuan) if tujuan is not None else src.with_suffix(".html")
    out.write_text(with_csp(body), encoding="utf-8")
    return out
