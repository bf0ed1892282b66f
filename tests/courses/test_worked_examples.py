"""Worked example before exercise ("Contoh → Coba"): every pandas/matplotlib idiom an exercise's solution
needs was shown, and explained, in an earlier worked example (in its module, an earlier one, or Modul 0),
and the glossary every module links to describes it. See ``tests/courses/idioms.py`` for what counts.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from cantik.authoring import build as course
from tests.courses import idioms as idi
from tests.courses import pipeline as pl

ROOT = pl.ROOT


def check_worked_examples(root: Path) -> None:
    """Fail naming every exercise that needs an idiom no earlier worked example showed."""
    missing = idi.unshown(idi.course(root))
    assert not missing, "exercises needing an idiom that no earlier worked example (cell tagged 'contoh') " \
        "shows:\n" + "\n".join(f"  {cid}: {', '.join(sorted(need))}" for cid, need in missing.items())


def test_every_exercise_idiom_was_shown_in_an_earlier_worked_example() -> None:
    check_worked_examples(ROOT)


@pytest.mark.parametrize(("modul", "removed", "exercise", "idioms"), [
    ("modul1", "m1-contoh-teks", "m1-1h", {".str.strip()", ".str.lower()", ".str[]", ".map()"}),
    ("modul4", "m4-contoh-kelompok", "m4-4f", {".groupby()", ".apply()", "lambda"}),
    ("modul0", "m0-contoh-tabel", "m0-0c", {"[[...]]"}),
])
def test_removing_a_worked_example_fails_the_check(tmp_path: Path, modul: str, removed: str, exercise: str,
                                                   idioms: set[str]) -> None:
    """On a copy of the course with one worked example taken out, the check names the exercise and idioms."""
    for m in course.daftar_modul(ROOT):
        shutil.copytree(ROOT / "courses" / m, tmp_path / "courses" / m)
    path = next((tmp_path / "courses" / modul).glob("*.ipynb"))
    nb = json.loads(path.read_text(encoding="utf-8"))
    before = len(nb["cells"])
    nb["cells"] = [c for c in nb["cells"] if c["id"] != removed]
    assert len(nb["cells"]) == before - 1
    path.write_text(json.dumps(nb), encoding="utf-8")
    with pytest.raises(AssertionError) as failure:
        check_worked_examples(tmp_path)
    line = next(ln for ln in str(failure.value).splitlines() if ln.strip().startswith(f"{exercise}:"))
    assert idioms <= {i.strip() for i in line.split(":", 1)[1].split(",")}


@pytest.mark.parametrize(("code", "expected"), [
    ('huruf = mentah["jenis_kelamin"].str.strip().str.lower().str[0]\njk = huruf.map({"l": "L", "p": "P"})',
     {".str.strip()", ".str.lower()", ".str[]", ".map()", "{...}"}),  # 1h
    ('ax.barh(label, -t["L"], label="Laki-laki")\nax.legend()', {".barh()", ".legend()"}),  # 2g
    ("for w in ['a', 'b']:\n    laju[w] = ind.growth_rate_geometric(1, 2, 10)", {"for"}),  # 3f
    ('s = penduduk.groupby("rt").apply(lambda d: ind.aps(d, 16, 18))', {".groupby()", ".apply()", "lambda"}),
    ('t = pd.crosstab(p["rt"], p["jk"]).rename(columns={"L": "l"})\nt.loc["Jumlah"] = t.sum()\n'
     't = t.rename_axis("rt").reset_index()',
     {"pd.crosstab()", ".rename()", "{...}", ".loc", ".sum()", ".rename_axis()", ".reset_index()"}),  # 7g
    ('n = penduduk["rt"].nunique()', {".nunique()"}),
    ('b = a["tanggal"].dt.to_period("M").value_counts()', {".dt.to_period()", ".value_counts()"}),
    ("r = ind.proportion_interval(3, 13)\nselang = [r.lower, r.upper]", set()),  # the course's own helpers
])
def test_idioms_are_read_from_the_code(code: str, expected: set[str]) -> None:
    assert idi.idioms(code) == expected


def _comments_and_intro(cells: list[dict], i: int) -> str:
    """The comment lines of worked example ``cells[i]`` and the markdown cells right above it."""
    text = [ln for ln in "".join(cells[i]["source"]).splitlines() if ln.strip().startswith("#")]
    j = i - 1
    while j >= 0 and (cells[j]["cell_type"] == "markdown" or idi.is_worked_example(cells[j])):
        if cells[j]["cell_type"] == "markdown":
            text.append("".join(cells[j]["source"]))
        j -= 1
    return "\n".join(text)


def _named(idiom: str) -> str:
    """How an explanation names an idiom: `.str.lower()` → 'lower', `[[...]]` → '[['."""
    special = {"[[...]]": "[[", "{...}": "{", ".str[]": ".str[", "for": "for", "lambda": "lambda"}
    if idiom in special:
        return special[idiom]
    return idiom.rstrip("()").rsplit(".", 1)[-1] if idiom.startswith(".") else idiom.rstrip("()")


def test_each_idiom_is_explained_where_a_worked_example_first_shows_it() -> None:
    """The comment lines of the worked example, or the text right above it, name each idiom it introduces."""
    shown: set[str] = set()
    unexplained = []
    for _, _, nb in idi.course(ROOT):
        cells = nb["cells"]
        for i, cell in enumerate(cells):
            if not idi.is_worked_example(cell):
                continue
            new = idi.idioms("".join(cell["source"])) - shown
            explanation = _comments_and_intro(cells, i)
            unexplained += [f"{cell['id']}: {n}" for n in sorted(new) if _named(n) not in explanation]
            shown |= new
            assert any(ln.strip().startswith("#") for ln in "".join(cell["source"]).splitlines()), \
                f"{cell['id']} has no comment line explaining it"
    assert not unexplained, "idioms a worked example introduces without naming them:\n" + "\n".join(
        unexplained)


def test_glossary_describes_every_idiom_the_worked_examples_show() -> None:
    glossary = course.berkas_bersama(ROOT)["daftar_istilah.md"]
    code = " ".join(re.findall(r"`([^`]+)`", glossary))
    missing = []
    for idiom in sorted(idi.shown_anywhere(idi.course(ROOT))):
        probe = {"[[...]]": "[[", "{...}": "{", ".str[]": ".str[0]", "for": "for ", "lambda": "lambda "}.get(
            idiom, idiom.rstrip(")"))
        if probe not in code:
            missing.append(idiom)
    assert not missing, f"daftar_istilah.md does not describe: {missing}"


@pytest.mark.parametrize("modul", course.daftar_modul(ROOT))
def test_every_module_has_the_glossary_and_links_to_it(modul: str) -> None:
    for name, text in course.berkas_bersama(ROOT).items():
        assert (ROOT / "courses" / modul / name).read_text(encoding="utf-8") == text, \
            f"courses/{modul}/{name} is out of date: run `cantik kursus tulis {modul}`"
        assert (ROOT / "notebooks" / modul / name).is_file(), f"run `cantik kursus bangun {modul}`"
    for path in (ROOT / "notebooks" / modul).glob("*.ipynb"):
        cells = pl.read_nb(path)["cells"]
        text = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        assert "](daftar_istilah.md)" in text
