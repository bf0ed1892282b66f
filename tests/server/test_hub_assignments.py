"""A learner fetches and submits a module through nbgrader's Assignments panel in JupyterLab, in Debian
chromium, on a real hub; the trainer (nbgrader's CLI with the hub's trainer config) released it before and
collects the submission after. Simple spawner: every server runs as the hub's user, so the learner's
config names the submission after the hub account (``CourseDirectory.student_id``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cantik.grading.roster import Learner
from tests.grading.helpers import MODUL, make_course
from tests.server.helpers import hub_running
from tests.server.test_hub import _chp_available
from tests.servers import free_port

BIN = Path(sys.executable).parent
pytestmark = pytest.mark.skipif(not _chp_available(), reason="configurable-http-proxy missing")


def _trainer(hub: Path, course: Path, exchange: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CANTIK_")}
    env.update(JUPYTER_CONFIG_PATH=str(hub / "jupyter_pelatih"), CANTIK_EXCHANGE=str(exchange),
               PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}")
    proc = subprocess.run([str(BIN / "nbgrader"), *args], cwd=course, env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


def test_learner_fetches_and_submits_in_jupyterlab(tmp_path: Path, page, artifacts_dir: Path) -> None:
    from playwright.sync_api import expect

    from cantik.server.hub import write_hub

    course = make_course(tmp_path / "kelas")
    (course / "grading").mkdir()
    exchange, folder = tmp_path / "exchange", tmp_path / "hub"
    accounts = {a.name: a for a in write_hub(
        folder, [Learner("ku01", "Siti Aminah")], ["pelatih1"], port=free_port(), hub_port=free_port(),
        proxy_api_port=free_port(), course_root=course, spawner="simple", gallery_port=None,
        exchange_root=str(exchange))}
    _trainer(folder, course, exchange, "generate_assignment", MODUL)
    _trainer(folder, course, exchange, "release_assignment", MODUL)
    inbound = exchange / "kelas_cantik" / "inbound"
    assert list(inbound.iterdir()) == []
    hub_env = {k: v for k, v in os.environ.items() if not k.startswith("CANTIK_")}
    with hub_running(folder, tmp_path / "hub.log", env=hub_env) as url:
        a = accounts["ku01"]
        page.goto(url + "/hub/login")
        page.fill("#username_input", a.name)
        page.fill("#password_input", a.password)
        page.click("#login_submit")
        page.wait_for_url("**/hub/ganti-sandi**")
        for field, value in (("#lama", a.password), ("#baru", "padi-kuning-7"), ("#ulang", "padi-kuning-7")):
            page.fill(field, value)
        page.click("#simpan")
        page.click("#lanjut")
        page.wait_for_url("**/user/ku01/lab**", timeout=180_000)
        page.wait_for_selector("#jupyterlab-splash", state="detached", timeout=180_000)
        page.locator("#jp-MainMenu div.lm-MenuBar-itemLabel", has_text="Nbgrader").click()
        page.get_by_role("menuitem", name="Assignment List").click()
        page.locator("#released_assignments_list").wait_for(timeout=60_000)
        released = page.locator("#released_assignments_list > .list_item")
        expect(released).to_have_count(1, timeout=60_000)
        expect(released.first.locator(".item_name")).to_have_text(MODUL)
        expect(released.first.locator(".item_course")).to_have_text("kelas_cantik")
        released.first.locator(".item_status button").click()  # Fetch
        fetched = page.locator("#fetched_assignments_list > .list_item")
        expect(fetched).to_have_count(1, timeout=60_000)
        assert (folder / "rumah" / "ku01" / MODUL / "latihan.ipynb").is_file()  # in the learner's home
        fetched.first.locator('.item_status button:text("Submit")').click()
        submitted = page.locator("#submitted_assignments_list > .list_item")
        expect(submitted).to_have_count(1, timeout=60_000)
        expect(submitted.first.locator(".item_name").first).to_have_text(MODUL)
        page.screenshot(path=str(artifacts_dir / "hub_tugas_dikumpulkan.png"))
    names = [p.name for p in inbound.iterdir()]
    assert len(names) == 1 and names[0].startswith(f"ku01+{MODUL}+"), names
    _trainer(folder, course, exchange, "collect", MODUL)
    assert (course / "grading" / "submitted" / "ku01" / MODUL / "latihan.ipynb").is_file()
