"""The course for another place (issue 20): ``cantik kursus bangun --wilayah malinau``.

Desa Malinau is the fourth synthetic place: a desa of 8 dusun with no AMPUNKU and no ``lansia_tahunan`` table.
All modules are written and built for it once per session (``bangun_wilayah``, about 2 minutes on a loaded
2-core machine); then: the texts name no other place and quote only numbers computed from Malinau's data,
the source solutions pass ``cek`` against Malinau's data (every master notebook executed with nbclient in a
real kernel), and one module goes through the real nbgrader pipeline (generate_assignment + autograde:
source full marks, unanswered 0). The other modules are checked with ``cek`` only, to keep the suite short.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from cantik.authoring import build
from cantik.authoring.numbers import TANDA_BUKA, TANDA_TUTUP, angka, angka_tanpa_sumber
from cantik.data import load
from cantik.data.loader import WILAYAH_ENV
from cantik.errors import CourseError
from tests.courses import pipeline as pl
from tests.courses.conftest import OTHER_PLACE
from tests.courses.test_angka import TETAP

PLACE = OTHER_PLACE
#: Every module (those on a table Malinau lacks use their variant questions).
MODULES = build.daftar_naskah(pl.ROOT)
#: What a notebook for Malinau may not contain: the default place's name and its local service.
FOREIGN = re.compile(r"Kandangan Utara|AMPUNKU", re.IGNORECASE)


def _notebooks(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.ipynb"))


def _source(cell: dict[str, Any]) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def test_every_module_is_built_for_the_place_and_records_it(malinau: Path) -> None:
    for modul in MODULES:
        masters = _notebooks(malinau / "courses" / modul)
        learners = _notebooks(malinau / "notebooks" / modul)
        assert masters and [p.name for p in masters] == [p.name for p in learners], modul
        for path in masters + learners:
            nb = pl.read_nb(path)
            assert nb["metadata"]["cantik"] == {"wilayah": PLACE}, path
            setup = next(c for c in nb["cells"] if c["id"].endswith("-siapkan"))
            assert f'pakai_wilayah("{PLACE}")' in _source(setup), path
            assert setup["metadata"]["nbgrader"]["locked"], path
    # the repository's own course is untouched: its notebooks record no place
    for path in _notebooks(pl.ROOT / "courses"):
        assert "cantik" not in pl.read_nb(path)["metadata"], path


def test_no_built_file_names_another_place_or_its_service(malinau: Path) -> None:
    found = {str(p.relative_to(malinau)): sorted(set(FOREIGN.findall(p.read_text(encoding="utf-8"))))
             for p in sorted(malinau.rglob("*")) if p.is_file() and p.suffix in (".ipynb", ".md")}
    assert {k: v for k, v in found.items() if v} == {}
    text = (malinau / "courses" / "modul1" / "modul1_data_kelurahan.ipynb").read_text(encoding="utf-8")
    assert "Desa Malinau" in text


#: "RT" as the unit's word (Malinau is divided into dusun); "RT atau dusun", "RT/RW" and names such as
#: ``RT_KECIL`` or the column ``rt`` are not.
UNIT_RT = re.compile(r"(?<![\w/])RT(?![\w/]| atau dusun)")


def test_units_are_named_as_the_place_names_them(malinau: Path) -> None:
    """Desa Malinau is divided into dusun: no built notebook, glossary or rubric calls its units RT, and a
    unit's name reads "Dusun 4" with the number from its data."""
    found = {}
    for path in sorted(malinau.rglob("*")):
        if path.is_file() and path.suffix in (".ipynb", ".md"):
            texts = ([_source(c) for c in pl.read_nb(path)["cells"]] if path.suffix == ".ipynb"
                     else [path.read_text(encoding="utf-8")])
            around = re.compile(r".{0,30}" + UNIT_RT.pattern + ".{0,20}")
            hits = [m.group(0) for t in texts for m in around.finditer(t)]
            if hits:
                found[str(path.relative_to(malinau))] = hits
    assert found == {}
    m4 = (malinau / "courses" / "modul4" / "modul4_pendidikan.ipynb").read_text(encoding="utf-8")
    assert re.search(r"di Dusun \d+ hanya \d+ anak", m4) and "kepala dusun" in m4
    rubrik = "".join(p.read_text(encoding="utf-8") for p in (malinau / "grading").rglob("*.md"))
    assert "Dusun" in rubrik and not UNIT_RT.search(rubrik)


def test_only_the_unit_word_changes_in_every_course_text_and_message() -> None:
    """Every text of the repository's course (written for RT) and every catalogue message, hint and step,
    worded for a place in dusun: no "RT" is left as the unit's word and the sentence keeps its brackets
    (a glossary line once lost its closing bracket: "(misalnya satu angka per dusun.")."""
    from cantik.checks.core import daftar_soal
    from cantik.data.profile import unit_words

    texts = [_source(c) for p in _notebooks(pl.ROOT / "courses") for c in pl.read_nb(p)["cells"]]
    texts += [p.read_text(encoding="utf-8") for p in (pl.ROOT / "naskah" / "bersama").glob("*.md")]
    for soal in daftar_soal():
        texts += [s.pesan for s in soal.salah] + [h for h in soal.petunjuk if isinstance(h, str)]
        texts += [soal.langkah]
    assert sum("RT" in t for t in texts) > 100  # the course is written for RT: the test reads real texts
    for text in texts:
        out = unit_words(text, "dusun")
        full = text.count("Rukun Tetangga (RT)") + text.count("RT (Rukun Tetangga)")  # both become "dusun"
        assert (out.count("("), out.count(")")) == (text.count("(") - full, text.count(")") - full), out
        assert not UNIT_RT.search(out), out


def test_check_messages_and_hints_name_the_place_unit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A catalogue mistake's message and the hints are written once (with "RT") and read in the place's
    own unit: Malinau's learner summing the unit numbers reads "nomor dusun", Kandangan Utara's "nomor RT"."""
    from cantik.checks.core import ambil, periksa_polos

    def summed() -> tuple[str, list[str]]:
        total = int(load("penduduk")["rt"].sum())
        return periksa_polos("1b", total).pesan, ambil("1b").daftar_petunjuk()

    monkeypatch.delenv(WILAYAH_ENV, raising=False)
    pesan, hints = summed()
    assert "Anda menjumlahkan nomor RT" in pesan and "nomor RT" in hints[0]
    monkeypatch.setenv(WILAYAH_ENV, PLACE)
    pesan, hints = summed()
    assert "Anda menjumlahkan nomor dusun" in pesan and "BANYAKNYA dusun" in pesan, pesan
    assert not UNIT_RT.search(pesan + " ".join(hints)), (pesan, hints)
    assert hints[0] == "Setiap penduduk punya nomor dusun; banyak orang tinggal di dusun yang sama."


def test_texts_say_desa_and_quote_malinau_numbers(malinau: Path) -> None:
    """The type and planning terms follow the profile, and quoted figures are Malinau's, not Kandangan
    Utara's (modul0 quotes the number of households)."""
    m0 = (malinau / "courses" / "modul0" / "modul0_mengenal_jupyter.ipynb").read_text(encoding="utf-8")
    n_here, n_default = len(load("keluarga", wilayah=PLACE)), len(load("keluarga", wilayah="kandangan_utara"))
    assert f"Ada {angka(n_here)} keluarga di desa ini" in m0
    assert f"{angka(n_default)} keluarga" not in m0
    m2 = (malinau / "courses" / "modul2" / "modul2_struktur_penduduk.ipynb").read_text(encoding="utf-8")
    assert "Dana Desa tahun depan" in m2 and "Musrenbang desa" in m2
    # the variant questions replace those on tables Malinau lacks
    assert "Soal 2k" in m2 and "Soal 2j" not in m2 and "lansia_tahunan" not in m2
    m6 = (malinau / "courses" / "modul6" / "modul6_kesehatan_stunting.ipynb").read_text(encoding="utf-8")
    assert "Soal 6m" in m6 and "Soal 6h" not in m6


@pytest.mark.parametrize("modul", MODULES)
def test_every_number_in_malinau_text_comes_from_its_data(modul: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The same rule as tests/courses/test_angka.py, for the texts written from Malinau's data."""
    monkeypatch.setenv(WILAYAH_ENV, PLACE)
    typed = {}
    for text in build.naskah(modul, pl.ROOT, tandai=True).values():
        for cell in json.loads(text)["cells"]:
            if cell["cell_type"] == "markdown" and (found := angka_tanpa_sumber(_source(cell), TETAP)):
                typed[cell["id"]] = found
    assert not typed, f"numbers typed into the text of {modul} for {PLACE}: {typed}"
    assert TANDA_BUKA in text and TANDA_TUTUP in text  # the marks are there: the test can see numbers


def _execute(path: Path) -> dict[str, Any]:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    env_before = os.environ.pop(WILAYAH_ENV, None)  # the notebook chooses its place itself
    try:
        NotebookClient(nb, timeout=300, startup_timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    finally:
        if env_before is not None:
            os.environ[WILAYAH_ENV] = env_before
    return json.loads(nbformat.writes(nb))


@pytest.mark.parametrize("modul", MODULES)
def test_source_solutions_pass_cek_on_malinau_data(malinau: Path, modul: str) -> None:
    """Every master notebook runs top to bottom in a real kernel: each solution's ``cek`` says "Benar" and
    the hidden tests pass, all against Malinau's data."""
    for path in _notebooks(malinau / "courses" / modul):
        nb = _execute(path)
        errors = [c["id"] for c in nb["cells"] if c["cell_type"] == "code"
                  and any(o["output_type"] == "error" for o in c.get("outputs", []))
                  and "raises-exception" not in c["metadata"].get("tags", [])]
        assert errors == [], f"{path.name}: cells with errors {errors}"
        verdicts = {c["id"]: "".join(_source({"source": o.get("text", "")}) for o in c.get("outputs", []))
                    for c in nb["cells"] if c["cell_type"] == "code" and "cek(" in _source(c)
                    and c["metadata"].get("nbgrader", {}).get("solution")}
        assert verdicts, path
        wrong = {cid: text for cid, text in verdicts.items() if "✅ Benar!" not in text}
        assert wrong == {}, f"{path.name}: solutions not accepted for {PLACE}: {wrong}"
        # a lesson's link to an app opens the app on the lesson's place
        for cell in nb["cells"]:
            if cell["cell_type"] == "code" and _source(cell).startswith("aplikasi("):
                html = "".join(_source({"source": o["data"]["text/html"]}) for o in cell["outputs"]
                               if "text/html" in o.get("data", {}))
                assert f".ipynb?wilayah={PLACE}" in html, (cell["id"], html)


def test_modul1_for_malinau_through_nbgrader(malinau: Path, tmp_path: Path) -> None:
    """generate_assignment + autograde on the place's course folder: the source scores full marks, the
    unanswered learner version 0 (graded against Malinau's data: the place is in the locked setup cell)."""
    modul = "modul1"
    root = tmp_path / "kelas"
    root.mkdir()
    (root / "nbgrader_config.py").write_bytes((malinau / "nbgrader_config.py").read_bytes())
    import shutil

    shutil.copytree(malinau / "courses" / modul, root / "courses" / modul)
    (root / "grading").mkdir()
    pl.nbgrader(root, "generate_assignment", modul, "--force")
    released = {p.stem: pl.read_nb(p) for p in _notebooks(root / "notebooks" / modul)}
    sources = {p.stem: pl.read_nb(p) for p in _notebooks(root / "courses" / modul)}
    pl.submit(root, "benar", modul, {n: pl.fill(nb, sources[n]) for n, nb in released.items()})
    pl.submit(root, "kosong", modul, released)
    pl.nbgrader(root, "autograde", modul, "--force")
    got = pl.scores(root, modul)
    for name, source in sources.items():
        auto = pl.auto_ids(source)
        assert auto
        full = {g: s for g, s in got["benar"][name].items() if g in auto}
        assert all(score == top for score, top in full.values()), full
        empty = {g: s for g, s in got["kosong"][name].items() if g in auto}
        assert all(score == 0 for score, _ in empty.values()), empty


def test_the_project_course_is_never_the_output(tmp_path: Path) -> None:
    with pytest.raises(CourseError, match="tidak boleh folder proyek"):
        build.bangun_wilayah(PLACE, pl.ROOT, ["modul0"], root=pl.ROOT)
    with pytest.raises(Exception, match="Wilayah 'atlantis' tidak ada"):
        build.bangun_wilayah("atlantis", tmp_path / "x", ["modul0"], root=pl.ROOT)


def test_no_value_of_one_place_is_cached_for_another(monkeypatch: pytest.MonkeyPatch) -> None:
    """Expected values and hints are computed per place: after Kandangan Utara's, the checks compute Malinau's
    (the full run once served Kandangan Utara's cached z-scores to Malinau's module 6; a check service kept
    the first place's hint of 3f), and no check module keeps a cache of its own beside
    :func:`cantik.checks._data.per_tempat`."""
    import inspect

    from cantik import checks
    from cantik.checks import modul6
    from cantik.checks.core import ambil

    monkeypatch.delenv(WILAYAH_ENV, raising=False)
    assert len(modul6._z()) == len(load("balita"))
    assert '"kandangan_utara": ...' in ambil("3f").daftar_petunjuk()[-1]
    monkeypatch.setenv(WILAYAH_ENV, PLACE)
    assert len(modul6._z()) == len(load("balita", wilayah=PLACE))
    assert '"malinau": ...' in ambil("3f").daftar_petunjuk()[-1]  # a hint naming the places, per place
    x, n = modul6._rt_tertinggi()
    assert 0 < x <= n
    folder = Path(inspect.getfile(checks)).parent
    place_free = {"_data.py", "chart_reader.py"}  # per_tempat itself; a chart's SVG text read once
    cached = [p.name for p in folder.glob("*.py")
              if p.name not in place_free and re.search(r"functools\.(cache|lru_cache)\b", p.read_text())]
    assert cached == [], f"a per-place value cached without per_tempat: {cached}"


#: A real place (``cantik data impor``): Malinau's tables in a real-data folder, its profile saying real.
REAL = "desa_nyata"
REAL_SOURCE = "Pendataan pemerintah desa, per 2026-01-31"
#: The modules whose texts speak of the data's origin (chart titles, source lines, rubrics, metadata).
REAL_MODULES = ["modul0", "modul5", "modul7", "modul8"]


@pytest.fixture(scope="module")
def nyata(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """``cantik kursus bangun --wilayah desa_nyata`` for :data:`REAL_MODULES` (the real-data folder set for
    this module's tests, kernels included)."""
    real = tmp_path_factory.mktemp("data_nyata")
    shutil.copytree(pl.ROOT / "datasets" / "malinau", real / REAL)
    profile = json.loads((real / REAL / "wilayah.json").read_text(encoding="utf-8"))
    profile.update({"kunci": REAL, "nama": "Nyata", "sintetis": False,
                    "sumber_data": "Pendataan pemerintah desa", "tanggal_data": "2026-01-31"})
    profile.pop("angka_kalibrasi", None)
    profile.pop("pembangkitan", None)
    (real / REAL / "wilayah.json").write_text(json.dumps(profile), encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CANTIK_DATA_NYATA", str(real))
        out = tmp_path_factory.mktemp("kursus") / REAL
        build.bangun_wilayah(REAL, out, REAL_MODULES, root=pl.ROOT)
        yield out


def test_a_real_place_course_never_calls_its_data_synthetic(nyata: Path) -> None:
    """A course built from a village's own data names their source and date where the synthetic course says
    "data sintetis" (chart titles, source lines, rubrics, the metadata's model answer, the glossary), and the
    exported report puts that source at its top, never the synthetic notice."""
    from cantik.publish import ekspor_html

    said = {}
    for path in sorted(nyata.rglob("*")):
        if path.is_file() and path.suffix in (".ipynb", ".md"):
            text = path.read_text(encoding="utf-8")
            # every line calling data synthetic, but for cell ids ("m0-sintetis") and the glossary's
            # definition of the term and its sentence on which modules use synthetic data
            claims = [line.strip() for line in text.splitlines()
                      if re.search(r"(?<![-\w])sintetis", line, re.IGNORECASE)
                      and "**Data sintetis**:" not in line and "kecuali modul yang dibangun" not in line]
            if claims:
                said[str(path.relative_to(nyata))] = claims
    assert said == {}
    for modul in REAL_MODULES:
        master = next((nyata / "courses" / modul).glob("*.ipynb")).read_text(encoding="utf-8")
        assert REAL_SOURCE in master, modul
    m8 = next((nyata / "courses" / "modul8").glob("*.ipynb"))
    page = ekspor_html(m8, nyata / "m8.html").read_text(encoding="utf-8")
    assert REAL_SOURCE in page and "DATA SINTETIS" not in page


def test_the_real_place_metadata_names_its_source(nyata: Path) -> None:
    """Module 8's metadata answer: for a real place ``sumber_data`` names the village's source (the model
    answer's cek says Benar in a real kernel on the real place's data); "data sintetis" there is refused."""
    from cantik.checks.modul8 import masalah_sumber

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(WILAYAH_ENV, REAL)
        assert "bukan data sintetis" in masalah_sumber("Data keluarga Kelas Cantik (data sintetis)")
        assert "dari mana datanya" in masalah_sumber("Data keluarga desa")
        assert masalah_sumber("Pendataan desa 2026") == ""
    nb = _execute(next((nyata / "courses" / "modul8").glob("*.ipynb")))
    verdicts = {c["id"]: "".join(_source({"source": o.get("text", "")}) for o in c.get("outputs", []))
                for c in nb["cells"] if c["cell_type"] == "code" and "cek(" in _source(c)
                and c["metadata"].get("nbgrader", {}).get("solution")}
    wrong = {cid: text for cid, text in verdicts.items() if "✅ Benar!" not in text}
    assert verdicts and wrong == {}
