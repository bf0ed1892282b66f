"""The capstone's HTML export (fast checks; the graded export: test_modules.py; rubrics: test_content.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cantik.data.schema import SYNTHETIC_NOTICE
from cantik.errors import CourseError
from cantik.publish import ekspor_html
from tests.courses import pipeline as pl

ROOT = pl.ROOT
NAME = "modul8_kandangan_utara_dalam_angka"


def test_learner_version_exports_without_grading_cells(tmp_path: Path) -> None:
    nb = pl.read_nb(ROOT / "notebooks" / "modul8" / f"{NAME}.ipynb")
    # a grader's failing-test output, a learner's own cell and outputs, as they look after working/grading
    for cell in nb["cells"]:
        if pl.auto_ids({"cells": [cell]}):
            cell["outputs"] = [{"output_type": "error", "ename": "AssertionError", "traceback": [],
                                "evalue": f"Soal {cell['id'][3:5]}: pesan penilai"}]
        elif cell["id"] == "m8-8g":
            cell["outputs"] = [{"output_type": "stream", "name": "stdout",
                                "text": "✅ Benar! (soal 8g)\nkeluaran grafik peserta\n"}]
    nb["cells"].insert(-1, {"cell_type": "markdown", "id": "3f2a9c1e", "metadata": {},
                            "source": "Catatan tambahan dari peserta: lihat juga RT 8."})
    src = tmp_path / f"{NAME}.ipynb"
    src.write_text(json.dumps(nb), encoding="utf-8")
    out = ekspor_html(src)
    assert out == tmp_path / f"{NAME}.html"
    page = out.read_text(encoding="utf-8")
    assert SYNTHETIC_NOTICE in page
    assert "keluaran grafik peserta" in page and "Benar! (soal 8g)" not in page
    assert "Catatan tambahan dari peserta" in page  # the learner's own cell stays
    assert "1. Lembar indikator utama" in page and "Langkah kerja" not in page and "Rubrik soal" not in page
    assert "pesan penilai" not in page and "uji_bentuk" not in page
    whole = ekspor_html(src, tmp_path / "lengkap.html", laporan=False).read_text(encoding="utf-8")
    assert "Langkah kerja" in whole and "Rubrik soal 8i" in whole and "Benar! (soal 8g)" in whole
    assert "pesan penilai" not in whole


def test_export_explains_bad_input_in_indonesian(tmp_path: Path) -> None:
    with pytest.raises(CourseError, match="tidak ditemukan"):
        ekspor_html(tmp_path / "tidak_ada.ipynb")
    with pytest.raises(CourseError, match="bukan berkas notebook"):
        ekspor_html(tmp_path / "catatan.txt")
    rusak = tmp_path / "rusak.ipynb"
    rusak.write_text("{ ini bukan json", encoding="utf-8")
    with pytest.raises(CourseError, match="tidak bisa dibaca"):
        ekspor_html(rusak)
    assert not (tmp_path / "rusak.html").exists()
    json.loads((ROOT / "notebooks" / "modul8" / f"{NAME}.ipynb").read_text(encoding="utf-8"))  # untouched


def test_trainer_exports_through_the_cli(tmp_path: Path, capsys) -> None:
    from cantik.cli import main

    src = tmp_path / f"{NAME}.ipynb"
    src.write_bytes((ROOT / "courses" / "modul8" / f"{NAME}.ipynb").read_bytes())
    assert main(["kursus", "ekspor", str(src), "--keluaran", str(tmp_path / "laporan.html")]) == 0
    assert "Halaman HTML ditulis" in capsys.readouterr().out
    assert SYNTHETIC_NOTICE in (tmp_path / "laporan.html").read_text(encoding="utf-8")
    assert main(["kursus", "ekspor", str(tmp_path / "tidak_ada.ipynb")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("GAGAL: ") and "tidak ditemukan" in err


def _html_table(df_html: str) -> dict:
    return {"output_type": "display_data", "metadata": {},
            "data": {"text/html": df_html, "text/plain": "tabel"}}


def test_export_refuses_nik_and_kk_and_warns_on_small_counts_by_rt(tmp_path: Path, capsys) -> None:
    """Statistical confidentiality (module 7) checked on the page: NIK/KK refused, counts 1–4 by RT warned."""
    import pandas as pd

    from cantik.data import load
    from cantik.publish import DataPribadi

    nb = pl.read_nb(ROOT / "notebooks" / "modul8" / f"{NAME}.ipynb")
    penduduk = load("penduduk").head(3)
    per_rt = pd.Series({1: 0, 2: 3, 3: 12}, name="balita stunting").rename_axis("rt").to_frame()
    aman = per_rt.astype(object).where(per_rt >= 5, "<5").where(per_rt != 0, 0)
    cell = next(c for c in nb["cells"] if c["id"] == "m8-ringkasan-kode")
    src = tmp_path / f"{NAME}.ipynb"

    def export(*html: str) -> str:
        cell["outputs"] = [_html_table(h) for h in html]
        src.write_text(json.dumps(nb), encoding="utf-8")
        out = ekspor_html(src, tmp_path / "laporan.html")
        return out.read_text(encoding="utf-8") + capsys.readouterr().out

    for shown in (penduduk[["nik", "umur"]].to_html(), penduduk[["no_kk"]].to_html(),
                  penduduk[["rt", "umur"]].assign(catatan=penduduk["nik"]).to_html()):
        (tmp_path / "laporan.html").unlink(missing_ok=True)
        with pytest.raises(DataPribadi, match="kerahasiaan data warga"):
            export(shown)
        assert not (tmp_path / "laporan.html").exists()
    page = export(per_rt.to_html())
    assert "Peringatan kerahasiaan" in page and "angka kecil (1–4)" in page
    page = export(aman.to_html(), aman.reset_index().to_html(),
                  load("penduduk")["rt"].value_counts().rename_axis("rt").to_frame().to_html())
    assert "Peringatan kerahasiaan" not in page  # "<5" shown, RT numbers themselves are labels, not counts
