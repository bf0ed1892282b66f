"""Questions of module 8, the capstone *Kandangan Utara dalam Angka* (ids ``8a``–``8g``), and the HTML export.

The capstone is mostly rubric-graded; the autograded part checks the indicator sheet (computed with
:mod:`cantik.indicators`), the SIRUSA-style metadata of one indicator and one honest chart.
:func:`ekspor_html` turns the finished notebook into a shareable HTML page with nbconvert's
``HTMLExporter`` (code and grading cells hidden, the synthetic-data notice on top).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from cantik.checks._data import tabel
from cantik.checks.compare import Hasil, Pembanding, banding_angka
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.figures import banding_grafik
from cantik.checks.plain import Deret

#: Kalimantan Selatan's reported poverty line, September 2024 (Rp per capita per month), as in module 5.
GARIS_KEMISKINAN = 644_107
#: Fields of an indicator's metadata in the SIRUSA style (the keys of ``datasets/metadata_indikator.json``).
ISIAN_METADATA = ("nama", "konsep", "definisi", "metode_perhitungan", "rumus", "satuan", "interpretasi",
                  "disagregasi", "periodisasi", "sumber_data")


def _ind() -> Any:
    from cantik import indicators

    return indicators


@functools.cache
def _z() -> Any:
    """Height-for-age z-scores of the balita table, computed once per session (not to be modified)."""
    return _ind().height_for_age_z_table(tabel("balita"))


def _penduduk() -> Any:
    return tabel("penduduk")


def _kunci(k: Any) -> str:
    return "_".join(str(k).strip().casefold().replace("-", " ").split())


def banding_metadata() -> Pembanding:
    """Every SIRUSA field is present and filled in, and the source says the data are synthetic."""

    def banding(jawaban: Any, harapan: Any) -> Hasil:
        if not isinstance(jawaban, Deret):
            return Hasil(False, "Metadata ditulis sebagai dict: "
                                "{\"nama\": \"...\", \"konsep\": \"...\", ...}.")
        isi = {_kunci(k): v for k, v in zip(jawaban.label, jawaban.nilai, strict=True)}
        kurang = [k for k in harapan if k not in isi]
        if kurang:
            return Hasil(False, "Isian metadata yang belum ada: " + ", ".join(kurang) + ".")
        kosong = [k for k in harapan if not isinstance(isi[k], str) or len(isi[k].strip()) < 2]
        if kosong:
            return Hasil(False, "Isian metadata yang masih kosong atau terlalu pendek: "
                                + ", ".join(kosong) + ".")
        if "sintetis" not in isi["sumber_data"].casefold():
            return Hasil(False, "Isian sumber_data harus menyebut bahwa datanya SINTETIS (data latihan), "
                                "supaya tidak dikira data resmi.")
        return Hasil(True)

    return banding


daftar(
    Soal(
        "8a",
        harapan=lambda: len(_penduduk()),
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Itu banyaknya keluarga (Kartu Keluarga), bukan banyaknya penduduk.",
                  nilai=lambda: len(tabel("keluarga"))),
            Salah("Itu angka registrasi (KK) dari tabel sumber_banding. Profil ini memakai tabel penduduk "
                  "(penduduk yang benar-benar tinggal di kelurahan).",
                  nilai=lambda: float(tabel("sumber_banding").query("indikator == 'Jumlah penduduk' and "
                                                                    "sumber.str.contains('Registrasi')")
                                      ["nilai"].iloc[0])),
        ],
        petunjuk=["Satu baris tabel `penduduk` = satu orang: `len(penduduk)`."],
    ),
    Soal(
        "8b",
        harapan=lambda: _ind().sex_ratio(_penduduk()),
        banding=banding_angka(desimal=1),
        salah=[
            Salah("Anda membagi perempuan dengan laki-laki. Rasio jenis kelamin = L / P × 100.",
                  nilai=lambda: 100 / _ind().sex_ratio(_penduduk()) * 100),
        ],
        petunjuk=["`ind.sex_ratio(penduduk)` (modul 2)."],
    ),
    Soal(
        "8c",
        harapan=lambda: _ind().dependency_ratio(_penduduk()).total,
        banding=banding_angka(desimal=1),
        salah=[
            Salah("Sepertinya Anda membagi dengan seluruh penduduk, bukan dengan penduduk usia 15–64 tahun.",
                  nilai=lambda: float((~_penduduk()["umur"].between(15, 64)).mean() * 100)),
        ],
        petunjuk=["`ind.dependency_ratio(penduduk).total` (modul 2)."],
    ),
    Soal(
        "8d",
        harapan=lambda: _ind().poverty_indices(tabel("keluarga"), GARIS_KEMISKINAN,
                                               weights="jumlah_anggota").p0,
        banding=banding_angka(desimal=2, persen=True),
        salah=[
            Salah("Anda menghitung KELUARGA, bukan ORANG: beri bobot jumlah anggota "
                  "(`weights=\"jumlah_anggota\"`).",
                  nilai=lambda: _ind().poverty_indices(tabel("keluarga"), GARIS_KEMISKINAN).p0),
        ],
        petunjuk=["`ind.poverty_indices(keluarga, 644107, weights=\"jumlah_anggota\").p0` (modul 5)."],
    ),
    Soal(
        "8e",
        harapan=lambda: _ind().stunting_prevalence(_z()),
        banding=banding_angka(desimal=1, persen=True),
        salah=[
            Salah("Itu banyaknya anak stunting, bukan prevalensi (persen).",
                  nilai=lambda: int((_z() < -2).sum())),
        ],
        petunjuk=["`ind.stunting_prevalence(ind.height_for_age_z_table(balita))` (modul 6)."],
    ),
    Soal(
        "8f",
        harapan=lambda: ISIAN_METADATA,
        banding=banding_metadata(),
        bentuk="deret",
        petunjuk=["Contoh lengkap ada di `datasets/metadata_indikator.json` (mis. untuk rasio jenis "
                  "kelamin).",
                  "Kunci yang diperlukan: " + ", ".join(ISIAN_METADATA) + "."],
    ),
    Soal(
        "8g",
        harapan=lambda: None,
        banding=banding_grafik(jenis=("batang", "batang_mendatar", "garis")),
        bentuk="grafik",
        petunjuk=["Pilih satu indikator per RT atau menurut waktu; gambar diagram batang (diurutkan) atau "
                  "garis.",
                  "Judul (apa, di mana, kapan), label kedua sumbu dengan satuan; batang mulai dari nol."],
    ),
)


# ── export to a shareable HTML page ───────────────────────────────────────────────────────────────
def _sel_dinilai_otomatis(cell: Any) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return bool(meta.get("grade")) and not meta.get("solution") and cell.get("cell_type") == "code"


#: Course scaffolding left out of the report page (ids of the cells written by ``courses/_naskah``).
_KERANGKA = ("-tujuan", "-pertanyaan", "-sintetis", "-cara", "-langkah", "-poin-kunci", "-ekspor",
             "-ekspor-kode")
_SEL_KURSUS = re.compile(r"^m\d+-")
_CEK = re.compile(r"^\s*(✅|❌|💡)")


def _jadi_laporan(cells: list[Any]) -> list[Any]:
    """Keep what a reader of the report needs: section headings, results, the learner's own writing.

    Course cells keep only their ``#``/``##`` headings (instructions, question texts and rubrics go);
    self-check lines (✅/❌/💡) are removed from outputs; cells the learner added are kept as they are.
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
    self-check messages are dropped, section headings, results and the learner's writing stay. Save the
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

    src = Path(notebook)
    if src.suffix != ".ipynb":
        raise ValueError(f"'{src.name}' bukan berkas notebook (.ipynb).")
    if not src.is_file():
        raise FileNotFoundError(f"Notebook '{src}' tidak ditemukan. Periksa nama berkas dan foldernya.")
    try:
        nb = nbformat.read(src, as_version=4)
    except Exception as exc:  # nbformat raises several kinds for a damaged file
        raise ValueError(f"Notebook '{src.name}' tidak bisa dibaca ({type(exc).__name__}). Apakah berkasnya "
                         "rusak?") from None
    cells = [c for c in nb.cells if not _sel_dinilai_otomatis(c)]
    nb.cells = _jadi_laporan(cells) if laporan else cells
    if judul is None:
        judul = next((ln.lstrip("# ").strip() for c in nb.cells if c.cell_type == "markdown"
                      for ln in c.source.splitlines() if ln.startswith("# ")), src.stem)
    nb.cells.insert(0, nbformat.v4.new_markdown_cell(f"> ⚠️ **{SYNTHETIC_NOTICE}**"))
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": judul}})
    out = Path(tujuan) if tujuan is not None else src.with_suffix(".html")
    out.write_text(body, encoding="utf-8")
    return out
