"""Class start without a queue: ``cantik server pra-mulai`` starts every learner's server through the hub's
REST API with the ``pra-mulai`` service token; the real jupyterhub-idle-culler leaves those servers alone
until the class begins, then culls them once idle; a learner who logs in finds the server ready."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from cantik.grading.roster import Learner
from tests.server.helpers import hub_running, server_cmd
from tests.server.test_hub import Hub, _chp_available
from tests.servers import free_port

pytestmark = pytest.mark.skipif(not _chp_available(), reason="configurable-http-proxy missing")
IDLE = 12  # seconds; the culler looks every IDLE // 2 s
LEARNERS = [Learner("ku01", "Siti Aminah"), Learner("ku02", "Budi Santoso")]


def _servers(hub: Hub, token: str) -> dict[str, dict | None]:
    out = {}
    for learner in LEARNERS:
        status, body = hub.request(f"/hub/api/users/{learner.id}", token=token)
        assert status == 200, body[:300]
        out[learner.id] = json.loads(body).get("servers", {}).get("")
    return out


def test_servers_ready_before_class_and_spared_until_it_begins(tmp_path: Path) -> None:
    from cantik.server.hub import write_hub
    from cantik.server.loadtest import run_load
    from cantik.server.prestart import service_token, set_class_start

    folder = tmp_path / "hub"
    accounts = write_hub(folder, LEARNERS, ["pelatih1"], port=free_port(), hub_port=free_port(),
                         proxy_api_port=free_port(), spawner="simple", gallery_port=None, idle_timeout=IDLE,
                         exchange_root=str(tmp_path / "exchange"))
    assert (folder / "pra_mulai.token").stat().st_mode & 0o777 == 0o600
    with hub_running(folder, tmp_path / "hub.log") as url:
        hub = Hub(folder, int(url.rsplit(":", 1)[1]), {a.name: a for a in accounts})
        token = service_token(folder)
        later = time.strftime("%Y-%m-%d %H:%M", time.localtime(time.time() + 3600))
        code, text = server_cmd("pra-mulai", "--folder", str(folder), "--mulai", later)
        assert code == 0 and "Server peserta siap: 2 dari 2" in text, text
        assert all(s and s["ready"] for s in _servers(hub, token).values())
        # the service may start learners' servers only, never a trainer's
        status, _ = hub.request("/hub/api/users/pelatih1/server", method="POST", token=token)
        assert status in (403, 404)
        start = time.time() + 3 * IDLE
        set_class_start(folder, start)
        while time.time() < start - 2:  # idle for longer than IDLE, but the class has not begun
            assert all(_servers(hub, token).values()), "a pre-started server was culled before class"
            time.sleep(1)
        # class time: a learner logs in and finds the server running
        login = run_load(url, [hub.accounts["ku01"]], timeout=60, stop=False)
        assert not login.failed and login.spawn_s["ku01"] < 5, login.summary()
        deadline = time.time() + 120
        while _servers(hub, token)["ku02"] is not None:  # ku02 never comes: culled once idle after start
            assert time.time() < deadline, "idle server still running 120 s after the class began"
            time.sleep(1)
        assert time.time() >= start + IDLE - 2
    log = (tmp_path / "hub.log").read_text(errors="replace")
    assert "Culling server ku02" in log
