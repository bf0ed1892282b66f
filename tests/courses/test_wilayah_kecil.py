"""Any village (issue 20): a small desa generated with ``cantik data buat --wilayah`` gets a course whose
texts follow its own data, not Kandangan Utara's shape.

Sungai Kecil: about 600 people in 3 dusun. Small places break texts written for a big kelurahan: no RT whose
deaths rose in 2023 → 2024 (the base-effect lesson said "melonjak −50%"), every child of 7–12 in school (the
APK lesson said "hanya 100,0%, artinya 0 anak … tidak sekolah"), a unit with eight balita ("belasan balita").
Modules 2, 3, 4, 6 and 8 are written and built for it; their master notebooks run in a real kernel with every
solution's ``cek`` "Benar".
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cantik.authoring import build
from cantik.cli import main
from cantik.data import load
from tests.courses import pipeline as pl
from tests.courses.test_wilayah import _execute, _source

PLACE = "sungai_kecil"
MODULES = ["modul2", "modul3", "modul4", "modul6", "modul8"]
FIGURES = ["--nama", "Sungai Kecil", "--jenis", "desa", "--kecamatan", "Loksado",
           "--kabupaten", "Hulu Sungai Selatan", "--provinsi", "Kalimantan Selatan", "--satuan", "dusun",
           "--penduduk", "600", "--keluarga", "190", "--jumlah-satuan", "3", "--luas-km2", "12",
           "--rasio-jk", "103", "--persen-umur-0-14", "27", "--garis-kemiskinan", "644107",
           "--p0-kabupaten", "4.54", "--p0", "14", "--stunting", "22", "--sumber", "angka uji Kelas Cantik"]


@pytest.fixture(scope="module")
def kecil(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The place generated into a copy of the datasets, and :data:`MODULES` built for it."""
    datasets = tmp_path_factory.mktemp("data") / "datasets"
    shutil.copytree(pl.ROOT / "datasets", datasets)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CANTIK_DATASETS", str(datasets))
        assert main(["data", "buat", "--wilayah", PLACE, "--keluaran", str(datasets), *FIGURES]) == 0
        out = tmp_path_factory.mktemp("kursus") / PLACE
        build.bangun_wilayah(PLACE, out, MODULES, root=pl.ROOT)
        yield out


def _text(folder: Path, modul: str) -> dict[str, str]:
    path = next((folder / "courses" / modul).glob("*.ipynb"))
    return {c["id"]: _source(c) for c in pl.read_nb(path)["cells"]}


def test_the_lessons_say_what_the_small_place_data_show(kecil: Path) -> None:
    mutasi = load("mutasi", wilayah=PLACE)
    m3 = _text(kecil, "modul3")
    # the base effect: a unit whose deaths really jumped, in two years where it did
    rt, a, b = (int(x) for x in re.search(r"Di Dusun (\d+) kematian\s+naik dari (\d+) menjadi (\d+) orang",
                                          m3["m3-dasar"]).groups())
    years = [int(y) for y in re.search(r"pada (\d{4}) dan (\d{4})", m3["m3-dasar"]).groups()]
    mati = mutasi[(mutasi["jenis_mutasi"] == "Mati") & (mutasi["rt"] == rt)]
    per_year = mati.groupby(mati["periode"].dt.year)["jumlah"].sum()
    assert years[1] == years[0] + 1 and (per_year.get(years[0], 0), per_year.get(years[1], 0)) == (a, b)
    assert (b - a) / a * 100 >= 50
    # 3j: "X grew by far more people than Gambah Luar" is not true of a place of 600: the example says so
    grew = {w: int(t.iloc[-1] - t.iloc[0]) for w in (PLACE, "gambah_luar")
            for t in [load("penduduk_tahunan", wilayah=w).set_index("tahun")["jumlah_penduduk"]]}
    assert grew[PLACE] < grew["gambah_luar"]
    assert "Pernyataan itu tidak sesuai data" in m3["m3-3j"] and "Benar bahwa" not in m3["m3-3j"]
    jump = re.search(r"melonjak (−?\d+)%", m3["m3-3l-soal"]).group(1)
    assert not jump.startswith("−") and int(jump) >= 50
    # the level-4 example of 2i reads the pyramid's base as the data have it
    umur = load("penduduk", wilayah=PLACE)["umur"]
    base, above = (umur <= 4).sum(), [umur.between(5, 9).sum(), umur.between(10, 14).sum()]
    example = _text(kecil, "modul2")["m2-2i"]
    assert ("menyempit di dasarnya" in example) == (base < min(above))
    assert ("masih lebar di dasarnya" in example) == (base >= min(above))
    # 8i's example: poverty "much higher in some units" only where a unit's P0 is
    from cantik import indicators as ind

    keluarga = load("keluarga", wilayah=PLACE)
    p0 = ind.poverty_indices(keluarga, 644_107, weights="jumlah_anggota").p0
    top = max(ind.poverty_indices(k, 644_107, weights="jumlah_anggota").p0
              for _unit, k in keluarga.groupby("rt"))
    m8 = _text(kecil, "modul8")["m8-8i"]
    assert ("di beberapa dusun angkanya jauh lebih tinggi" in m8) == (top > 1.5 * p0)
    # APK and APS 7–12: the text does not claim children out of school the data do not have
    m4 = _text(kecil, "modul4")["m4-lebih-100"]
    assert not re.search(r"\b0 anak umur 7–12 tidak sekolah", m4)
    # the small-numbers lesson quotes its own unit's count
    m6 = _text(kecil, "modul6")["m6-kecil"]
    n = int(re.search(r"hanya (\d+) balita yang diukur", m6).group(1))
    assert n == int(load("balita", wilayah=PLACE)["rt"].value_counts().get(
        int(re.search(r"Di Dusun (\d+) hanya", m6).group(1)), -1))


@pytest.mark.parametrize("modul", MODULES)
def test_the_solutions_pass_on_the_small_place(kecil: Path, modul: str) -> None:
    path = next((kecil / "courses" / modul).glob("*.ipynb"))
    nb: dict[str, Any] = _execute(path)
    errors = [c["id"] for c in nb["cells"] if c["cell_type"] == "code"
              and any(o["output_type"] == "error" for o in c.get("outputs", []))
              and "raises-exception" not in c["metadata"].get("tags", [])]
    verdicts = {c["id"]: "".join(_source({"source": o.get("text", "")}) for o in c.get("outputs", []))
                for c in nb["cells"] if c["cell_type"] == "code" and "cek(" in _source(c)
                and c["metadata"].get("nbgrader", {}).get("solution")}
    wrong = {cid: text for cid, text in verdicts.items() if "✅ Benar!" not in text}
    assert errors == [] and verdicts and wrong == {}, (errors, wrong)
