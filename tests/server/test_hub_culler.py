"""Idle servers are culled: the hub's jupyterhub-idle-culler really stops a learner's server that does
nothing for longer than the configured time, and leaves the learner's account and a later login working."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from cantik.grading.roster import Learner
from tests.server.helpers import hub_running
from tests.server.test_hub import Hub, _chp_available
from tests.servers import free_port

pytestmark = pytest.mark.skipif(not _chp_available(), reason="configurable-http-proxy missing")
IDLE = 12  # seconds; the culler looks every IDLE // 2 s


def _server(hub: Hub, token: str) -> dict | None:
    status, body = hub.request("/hub/api/users/ku01", token=token)
    assert status == 200, body[:300]
    return json.loads(body).get("servers", {}).get("")


def test_idle_server_is_culled(tmp_path: Path) -> None:
    from cantik.server.hub import write_hub

    folder = tmp_path / "hub"
    accounts = write_hub(folder, [Learner("ku01", "Siti Aminah")], ["pelatih1"], port=free_port(),
                         hub_port=free_port(), proxy_api_port=free_port(), spawner="simple",
                         gallery_port=None, idle_timeout=IDLE, exchange_root=str(tmp_path / "exchange"))
    with hub_running(folder, tmp_path / "hub.log") as url:
        hub = Hub(folder, int(url.rsplit(":", 1)[1]), {a.name: a for a in accounts})
        learner = hub.accounts["ku01"]
        _, token = hub.token(learner.name, learner.password)
        hub.start_server("ku01", token)
        started = time.monotonic()
        assert _server(hub, token)["ready"]
        deadline = started + 120
        while _server(hub, token) is not None:  # nobody uses the server: the culler stops it
            assert time.monotonic() < deadline, "idle server still running after 120 s"
            time.sleep(1)
        idle_for = time.monotonic() - started
        assert idle_for >= IDLE - 2, f"culled after {idle_for:.0f} s, before the {IDLE} s idle time"
        # the account stays: the learner logs in again and gets a new server
        status, token = hub.token(learner.name, learner.password)
        assert status == 201
        hub.start_server("ku01", token)
    log = (tmp_path / "hub.log").read_text(errors="replace")
    assert "Culling server ku01" in log  # the culler, as its own hub service, stopped it
    assert "DELETE /hub/api/users/ku01/server (pembersih-idle@" in log
