"""The capstone's trainer rubric and its HTML export (fast checks; the graded export: test_modules.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cantik.data.schema import SYNTHETIC_NOTICE
from cantik.errors import CourseError
from cantik.publish import ekspor_html
from tests.courses import pipeline as pl

ROOT = pl.ROOT
NAME = "modul8_kandangan_utara_dalam_angka"


def _rubric_rows(nb: dict) -> list[str]:
    rows = []
    for cell in nb["cells"]:
        text = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and text.startswith("**Rubrik"):
            rows += [ln for ln in text.splitlines() if ln.startswith("| ") and "---" not in ln]
    return rows


def test_trainer_rubric_repeats_every_rubric_row_of_the_notebook() -> None:
    nb = pl.read_nb(ROOT / "courses" / "modul8" / f"{NAME}.ipynb")
    rows = _rubric_rows(nb)
    criteria = [r for r in rows if not r.startswith("| Kriteria")]
    assert len(criteria) >= 7  # mostly rubric-graded
    trainer = (ROOT / "courses" / "modul8" / "rubrik.md").read_text(encoding="utf-8")
    missing = [r for r in rows if r not in trainer]
    assert not missing, f"rows of the notebook's rubrics missing from courses/modul8/rubrik.md: {missing}"
    # Points of each written answer = 4 × its number of criteria (the rule rubrik.md states).
    manual = {c["id"]: c["metadata"]["nbgrader"]["points"] for c in nb["cells"]
              if c["metadata"].get("nbgrader", {}).get("solution") and c["cell_type"] == "markdown"}
    ids = [c["id"] for c in nb["cells"]]
    for cid, points in manual.items():
        rubric = "".join(nb["cells"][ids.index(cid) - 1]["source"])
        n = len([ln for ln in rubric.splitlines() if ln.startswith("| ") and "---" not in ln]) - 1
        assert points == 4 * n, cid
        assert re.search(rf"\b{points} poin\b", trainer), f"rubrik.md states no {points} points for {cid}"


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
