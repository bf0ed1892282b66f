"""Apps in the lessons: every module names and links the public app that lets the learner play with its
idea, and module 6 has the sampling app, and a question on what it showed, before the Wilson interval."""

from __future__ import annotations

import re

import pytest

from cantik.apps.registry import APPS, HUB_GALLERY, app_links, by_slug
from cantik.authoring import build as course
from tests.courses import pipeline as pl

ROOT = pl.ROOT
CALL = re.compile(r'^aplikasi\("([a-z_]+)"\)$')


def _cells(modul: str) -> list[dict]:
    return [c for p in sorted((ROOT / "courses" / modul).glob("*.ipynb")) for c in pl.read_nb(p)["cells"]]


def _app_cells(cells: list[dict]) -> list[tuple[int, str]]:
    out = []
    for i, c in enumerate(cells):
        m = CALL.match("".join(c["source"]).strip()) if c["cell_type"] == "code" else None
        if m:
            out.append((i, m.group(1)))
    return out


@pytest.mark.parametrize("modul", course.daftar_modul(ROOT))
def test_every_module_names_and_links_an_app(modul: str) -> None:
    cells = _cells(modul)
    apps = _app_cells(cells)
    assert apps, f"{modul} links no app (a cell `aplikasi(\"...\")`)"
    for i, slug in apps:
        title = by_slug(slug).title  # KeyError: not an app of the gallery
        above = "".join(cells[i - 1]["source"])
        assert cells[i - 1]["cell_type"] == "markdown" and title in above, (modul, slug)


def test_every_app_of_the_gallery_is_used_in_some_lesson() -> None:
    used = {slug for m in course.daftar_modul(ROOT) for _, slug in _app_cells(_cells(m))}
    assert used == {a.slug for a in APPS}


def test_sampling_app_and_its_question_come_before_the_interval() -> None:
    cells = _cells("modul6")
    ids = [c["id"] for c in cells]
    app = next(i for i, slug in _app_cells(cells) if slug == "sampel")
    question = ids.index("m6-6s")
    interval = re.compile(r"\b(proportion_interval|selang_proporsi)\(")  # the Wilson interval, either name
    first_interval = min(i for i, c in enumerate(cells) if interval.search("".join(c["source"])))
    assert app < question < first_interval
    assert "tes" in ids[question + 1]  # graded: 6s has its test cell


def test_links_work_on_the_class_server_and_on_the_learners_machine() -> None:
    hub = {"JUPYTERHUB_SERVICE_PREFIX": "/user/ku01/", "JUPYTERHUB_BASE_URL": "/kelas/"}
    assert app_links("sampel", hub) == [("server kelas",
                                         f"/kelas/{HUB_GALLERY}voila/render/sampel_dan_survei.ipynb")]
    local = dict(app_links("sampel", {}))
    assert local["JupyterLab ini"] == "/voila/render/voila_apps/sampel_dan_survei.ipynb"
    assert local["galeri cantik apps"] == "http://127.0.0.1:8866/voila/render/sampel_dan_survei.ipynb"
    for _, url in app_links("sampel", {}):
        assert url.startswith(("/", "http://"))  # JupyterLab opens these as links, not as files
    assert (ROOT / "voila_apps" / by_slug("sampel").notebook).is_file()


def test_class_server_serves_the_gallery_where_the_lesson_links_point(tmp_path) -> None:
    """The hub written by `cantik server` runs Voilà as its service under exactly the prefix of the links."""
    import json

    from traitlets.config import Config

    from cantik.grading.roster import Learner
    from cantik.server.hub import configure, write_hub

    write_hub(tmp_path, [Learner("ku01", "Siti Aminah")], ["pelatih1"], gallery_port=8899, spawner="simple")
    c = Config()
    configure(c, str(tmp_path / "jupyterhub_config.py"))
    link = app_links("profil", {"JUPYTERHUB_SERVICE_PREFIX": "/user/ku01/", "JUPYTERHUB_BASE_URL": "/"})[0][1]
    service = next(s for s in c.JupyterHub.services if f"/services/{s['name']}/" in link)
    assert service["url"] == "http://127.0.0.1:8899"
    voila = json.loads((tmp_path / "voila" / "voila.json").read_text(encoding="utf-8"))["Voila"]
    assert link == voila["base_url"] + "voila/render/" + by_slug("profil").notebook
