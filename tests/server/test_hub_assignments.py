"""A learner fetches and submits a module through nbgrader's Assignments panel in JupyterLab, in Debian
chromium, on a real hub; the trainer (nbgrader's CLI with the hub's trainer config) released it before and
collects the submission after. Simple spawner: every server runs as the hub's user, so the learner's
config names the submission after the hub account (``CourseDirectory.student_id``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cantik.grading.roster import Learner
from tests.grading.helpers import MODUL, make_course
from tests.server.helpers import hub_running, submit_in_lab, trainer_nbgrader
from tests.server.test_hub import _chp_available
from tests.servers import free_port

pytestmark = [
    pytest.mark.skipif(not _chp_available(), reason="configurable-http-proxy missing"),
    # as root, test_class_end_to_end runs the same panel steps (and test_hub_unix the exchange's names
    # and owners) on a bigger class; this one keeps them covered for a developer who is not root
    pytest.mark.skipif(os.geteuid() == 0, reason="as root: covered by test_class_end_to_end"),
]


def test_learner_fetches_and_submits_in_jupyterlab(tmp_path: Path, page, artifacts_dir: Path) -> None:

    from cantik.server.hub import write_hub

    course = make_course(tmp_path / "kelas")
    (course / "grading").mkdir()
    exchange, folder = tmp_path / "exchange", tmp_path / "hub"
    accounts = {a.name: a for a in write_hub(
        folder, [Learner("ku01", "Siti Aminah")], ["pelatih1"], port=free_port(), hub_port=free_port(),
        proxy_api_port=free_port(), course_root=course, spawner="simple", gallery_port=None,
        exchange_root=str(exchange))}
    trainer_nbgrader(folder, course, exchange, "generate_assignment", MODUL)
    trainer_nbgrader(folder, course, exchange, "release_assignment", MODUL)
    inbound = exchange / "kelas_cantik" / "inbound"
    assert list(inbound.iterdir()) == []
    hub_env = {k: v for k, v in os.environ.items() if not k.startswith("CANTIK_")}
    with hub_running(folder, tmp_path / "hub.log", env=hub_env) as url:
        submit_in_lab(page, url, accounts["ku01"], "padi-kuning-7", MODUL)
        assert (folder / "rumah" / "ku01" / MODUL / "latihan.ipynb").is_file()  # in the learner's home
        page.screenshot(path=str(artifacts_dir / "hub_tugas_dikumpulkan.png"))
    names = [p.name for p in inbound.iterdir()]
    assert len(names) == 1 and names[0].startswith(f"ku01+{MODUL}+"), names
    trainer_nbgrader(folder, course, exchange, "collect", MODUL)
    assert (course / "grading" / "submitted" / "ku01" / MODUL / "latihan.ipynb").is_file()
