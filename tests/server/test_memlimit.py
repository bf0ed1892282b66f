"""Per-learner memory limit really enforced (cantik.server.spawner): a memory cgroup per user when root,
RLIMIT_DATA otherwise. Real kernel limits, a real hub, a real learner server and notebook kernel."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from cantik.grading.roster import Learner
from cantik.server.spawner import MemoryCgroup, rlimit_fn
from tests.server.helpers import hub_running, run_in_kernel
from tests.server.test_hub import Hub, _chp_available
from tests.servers import free_port

MIB = 2**20
ALLOC = "x = b'\\x01' * ({} * 2**20)\nprint('masih hidup')"  # writes every page: really used memory


def _cgroup_or_skip(name: str) -> MemoryCgroup:
    cgroup = MemoryCgroup.for_user(name)
    if cgroup is None:
        pytest.skip("needs root and a memory cgroup (v1 or v2)")
    return cgroup


def test_cgroup_ends_a_process_over_the_limit() -> None:
    cgroup = _cgroup_or_skip(f"uji_{uuid.uuid4().hex[:8]}")
    cgroup.create(100 * MIB)
    try:
        assert cgroup.limit() == 100 * MIB and cgroup.oom_kills() == 0
        small = subprocess.run([sys.executable, "-c", ALLOC.format(20)], preexec_fn=cgroup.join_fn(),
                               capture_output=True, text=True, timeout=60)
        assert small.returncode == 0 and "masih hidup" in small.stdout
        big = subprocess.run([sys.executable, "-c", ALLOC.format(300)], preexec_fn=cgroup.join_fn(),
                             capture_output=True, text=True, timeout=60)
        assert big.returncode == -9 and "masih hidup" not in big.stdout  # SIGKILL by the OOM killer
        assert cgroup.oom_kills() >= 1
    finally:
        cgroup.kill()
        assert cgroup.remove()
    assert not cgroup.path.exists()


def test_rlimit_gives_memory_error() -> None:
    code = ALLOC.format(600)
    capped = subprocess.run([sys.executable, "-c", code], preexec_fn=rlimit_fn(400 * MIB),
                            capture_output=True, text=True, timeout=60)
    assert capped.returncode == 1 and "MemoryError" in capped.stderr
    free = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert free.returncode == 0 and "masih hidup" in free.stdout  # the same code without the cap
    # a kernel-like process (numpy, a dozen threads: over 1 GiB of *reserved* address space) still runs
    # under the cap, because the cap counts memory written, not reserved
    threads = ("import threading, numpy\nev = threading.Event()\n"
               "ts = [threading.Thread(target=lambda: ([bytearray(1000) for _ in range(2000)], ev.wait()),"
               " daemon=True) for _ in range(12)]\n[t.start() for t in ts]\n" + ALLOC.format(100))
    busy = subprocess.run([sys.executable, "-c", threads], preexec_fn=rlimit_fn(400 * MIB),
                          capture_output=True, text=True, timeout=60)
    assert busy.returncode == 0 and "masih hidup" in busy.stdout, busy.stderr[-500:]


@pytest.mark.skipif(not _chp_available(), reason="configurable-http-proxy missing: make node-deps")
def test_learner_server_is_held_to_its_memory_limit(tmp_path: Path) -> None:
    """A real hub spawns a learner's server into its own memory cgroup; a notebook kernel of that server
    that allocates past the limit is ended by the kernel's OOM killer, the server itself stays up, and the
    cgroup is removed when the server stops."""
    from cantik.server.hub import write_hub

    cgroup = _cgroup_or_skip("ku01")
    folder = tmp_path / "hub"
    accounts = write_hub(folder, [Learner("ku01", "Siti Aminah")], ["pelatih1"], port=free_port(),
                         hub_port=free_port(), proxy_api_port=free_port(), spawner="simple",
                         gallery_port=None, exchange_root=str(tmp_path / "exchange"), mem_limit="600M")
    with hub_running(folder, tmp_path / "hub.log") as url:
        hub = Hub(folder, int(url.rsplit(":", 1)[1]), {a.name: a for a in accounts})
        learner = hub.accounts["ku01"]
        _, token = hub.token(learner.name, learner.password)
        hub.start_server("ku01", token)
        assert cgroup.limit() == 600 * MIB
        pids = cgroup.pids()
        assert pids, "the learner's server is not in its memory cgroup"
        server_cmd = Path(f"/proc/{pids[0]}/cmdline").read_bytes()
        assert b"jupyterhub.singleuser" in server_cmd
        base = f"{url}/user/ku01"
        status, body = hub.request("/user/ku01/api/kernels", method="POST", body={"name": "python3"},
                                   token=token)
        assert status == 201, body[:300]
        kernel = json.loads(body)["id"]
        ok = run_in_kernel(base, token, kernel, ALLOC.format(50))
        assert any(m["msg_type"] == "stream" and "masih hidup" in m["content"]["text"] for m in ok)
        assert len(cgroup.pids()) >= 2  # the kernel runs inside the learner's cgroup too
        before = cgroup.oom_kills()
        over = run_in_kernel(base, token, kernel, ALLOC.format(1200))
        assert not any(m["msg_type"] == "stream" and "masih hidup" in m["content"]["text"] for m in over)
        deadline = time.monotonic() + 30
        while cgroup.oom_kills() <= before:
            assert time.monotonic() < deadline, "no OOM kill recorded in the learner's cgroup"
            time.sleep(0.2)
        assert hub.request("/user/ku01/api/status", token=token)[0] == 200  # the server survived
        assert pids[0] in cgroup.pids()
        assert hub.request("/hub/api/users/ku01/server", method="DELETE", token=token)[0] in (202, 204)
        deadline = time.monotonic() + 60
        while cgroup.path.exists():
            assert time.monotonic() < deadline, f"cgroup left behind with {cgroup.pids()}"
            time.sleep(0.3)
