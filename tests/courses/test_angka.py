"""Course text quotes no number the data do not give: every number in a lesson, a model answer, a rubric or
the trainer's guide is computed at write time (``cantik.authoring.numbers.angka``) or is a definition listed
in ``naskah/_umum.py`` (``ANGKA_TETAP``, each with its reason)."""

from __future__ import annotations

import json
import runpy
import shutil
from pathlib import Path

import pytest

from cantik.authoring import build
from cantik.authoring.numbers import angka_tanpa_sumber
from tests.courses import pipeline as pl

MODULES = build.daftar_modul(pl.ROOT)
TETAP = set(runpy.run_path(str(pl.ROOT / build.NASKAH / "_umum.py"))["ANGKA_TETAP"])


def _teks_markdown(modul: str, root: Path = pl.ROOT) -> dict[str, str]:
    out = {}
    for text in build.naskah(modul, root, tandai=True).values():
        for cell in json.loads(text)["cells"]:
            if cell["cell_type"] == "markdown":
                out[cell["id"]] = "".join(cell["source"])
    return out


@pytest.mark.parametrize("modul", MODULES)
def test_every_number_in_course_text_comes_from_the_data(modul: str) -> None:
    typed = {cid: found for cid, text in _teks_markdown(modul).items()
             if (found := angka_tanpa_sumber(text, TETAP))}
    assert not typed, (f"numbers typed into the text of {modul} (compute them with "
                       f"cantik.authoring.numbers.angka): {typed}")


def test_a_number_typed_into_a_lesson_is_found(tmp_path: Path) -> None:
    root = tmp_path
    shutil.copytree(pl.ROOT / build.NASKAH, root / build.NASKAH)
    script = root / build.NASKAH / "modul2.py"
    text = script.read_text(encoding="utf-8")
    assert "Angka 100 berarti seimbang" in text
    script.write_text(text.replace("Angka 100 berarti seimbang",
                                   "Angka 100 berarti seimbang (di sini 100,2)"), encoding="utf-8")
    typed = {cid: f for cid, t in _teks_markdown("modul2", root).items()
             if (f := angka_tanpa_sumber(t, TETAP))}
    assert typed == {"m2-rasio-jk": ["100,2"]}
