"""The class server as a real class runs it: JupyterHub's LocalProcessSpawner and real Unix accounts.

``cantik server hub-siapkan --akun-unix`` in code: a trainer and two learners from the roster become Unix
accounts (useradd); the hub spawns each learner's JupyterLab *as that learner's uid*, in a memory cgroup of
its own; the learners fetch and submit through nbgrader's Assignments API (the endpoints JupyterLab's panel
calls), and from a notebook kernel in their own server try to read each other's work and the hub's files.
The trainer collects what they submitted.

On this machine the venv's Python lives under ``/root`` (mode 0700), which another uid cannot enter. On a
real server Python is installed world-readable. So the hub runs in a mount namespace of its own
(``unshare``) whose ``/root`` is a 0755 tmpfs holding bind mounts of everything in the real ``/root`` (each
entry keeps its own mode: ``/root/.pyenv`` is readable, ``/root/.ssh`` is not). Nothing else differs from
a real server; the host's ``/root`` is untouched, and the accounts and their homes are removed at the end.
"""

from __future__ import annotations

import json
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from cantik.data import load
from cantik.grading.roster import Learner
from cantik.server.accounts import create_unix_accounts, is_ours, remove_unix_accounts, trainer_group
from cantik.server.spawner import MemoryCgroup
from tests.grading.helpers import MODUL, ROOT, make_course
from tests.server.helpers import hub_running, run_in_kernel, trainer_nbgrader
from tests.server.test_hub import Hub, _chp_available
from tests.servers import free_port
from tests.unprivileged import open_root_wrapper

COURSE = "kelas_cantik"
pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or not all(map(shutil.which, ("useradd", "unshare", "mount", "setpriv")))
    or not _chp_available(),
    reason="root, useradd, unshare and configurable-http-proxy needed (real Unix accounts)",
)

@pytest.fixture
def server() -> Iterator[tuple[Path, list]]:
    """A world-traversable folder (not pytest's 0700 tmp) and three accounts with unique names."""
    base = Path(tempfile.mkdtemp(prefix="cantik-unix-", dir="/tmp"))
    base.chmod(0o755)
    tag = uuid.uuid4().hex[:6]
    names = [f"kc{tag}a", f"kc{tag}b", f"kc{tag}p"]
    before = (Path("/etc/passwd").read_text(), Path("/etc/group").read_text())
    try:
        yield base, names
    finally:
        remove_unix_accounts([n for n in names if is_ours(n, COURSE)], COURSE)
        subprocess.run(["groupdel", trainer_group(COURSE)], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)
        assert (Path("/etc/passwd").read_text(), Path("/etc/group").read_text()) == before


def _server_env(pid: int) -> dict[str, str]:
    """The environment of process ``pid``."""
    pairs = (e.split(b"=", 1) for e in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0") if b"=" in e)
    return {k.decode(): v.decode(errors="replace") for k, v in pairs}


def _server_pid(name: str) -> int:
    """The pid of ``name``'s single-user server (found by its JUPYTERHUB_USER)."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if (b"jupyterhub.singleuser" in (proc / "cmdline").read_bytes()
                    and _server_env(int(proc.name)).get("JUPYTERHUB_USER") == name):
                return int(proc.name)
        except OSError:
            continue
    raise AssertionError(f"no single-user server of {name} found")


def _outputs(messages: list[dict]) -> str:
    return "".join(m["content"].get("text", "") for m in messages if m["msg_type"] == "stream")


def test_learners_work_as_their_own_unix_users(server: tuple[Path, list]) -> None:
    from cantik.server.hub import write_hub

    base, (ku_a, ku_b, trainer) = server
    course = make_course(base / "kelas")
    (course / "grading").mkdir()
    shutil.copytree(ROOT / "datasets", course / "datasets")  # learners read the data (cek, load)
    for private in ("courses", "grading"):  # solutions, hidden tests, gradebook: the trainers' only
        (course / private).chmod(0o700)
    exchange, folder = base / "exchange", base / "hub"
    (base / "rumah").mkdir()
    accounts = write_hub(
        folder, [Learner(ku_a, "Siti Aminah"), Learner(ku_b, "Budi Santoso")], [trainer], port=free_port(),
        hub_port=free_port(), proxy_api_port=free_port(), course_root=course, spawner="local",
        mem_limit="700M", gallery_port=None, exchange_root=str(exchange))
    assert sorted(create_unix_accounts(accounts, COURSE, home_base=base / "rumah")) == sorted(
        [ku_a, ku_b, trainer])
    uid = {n: pwd.getpwnam(n).pw_uid for n in (ku_a, ku_b, trainer)}
    trainer_nbgrader(folder, course, exchange, "generate_assignment", MODUL)
    trainer_nbgrader(folder, course, exchange, "release_assignment", MODUL)

    # b has a link where the start page goes: the hub (root) must neither follow nor replace it
    (base / "rumah" / ku_b / "Mulai_kelas.ipynb").symlink_to("/etc/passwd")
    (base / "stage").mkdir()
    wrap = tuple(open_root_wrapper(base / "stage"))
    hub_env = {k: v for k, v in os.environ.items() if not k.startswith("CANTIK_")}
    with hub_running(folder, base / "hub.log", env=hub_env, wrap=wrap) as url:
        hub = Hub(folder, int(url.rsplit(":", 1)[1]), {a.name: a for a in accounts})
        tokens = {}
        for name in (ku_a, ku_b):
            status, tokens[name] = hub.token(name, hub.accounts[name].password)
            assert status == 201
            hub.start_server(name, tokens[name])
            # the server runs as the learner's own uid, in the learner's memory cgroup
            pid = _server_pid(name)
            assert os.stat(f"/proc/{pid}").st_uid == uid[name]
            cgroup = MemoryCgroup.for_user(name)
            if cgroup is not None:
                assert pid in cgroup.pids() and cgroup.limit() == 700 * 2**20
            # fetch and submit through the Assignments panel's own API
            for action in ("fetch", "submit"):
                status, body = hub.request(f"/user/{name}/assignments/{action}", method="POST",
                                           body={"course_id": COURSE, "assignment_id": MODUL},
                                           token=tokens[name])
                assert status == 200 and b'"success": false' not in body, body[:500]
            fetched = base / "rumah" / name / MODUL / "latihan.ipynb"
            assert fetched.stat().st_uid == uid[name]
        start_page = base / "rumah" / ku_a / "Mulai_kelas.ipynb"
        assert start_page.stat().st_uid == uid[ku_a] and not start_page.is_symlink()
        assert os.readlink(base / "rumah" / ku_b / "Mulai_kelas.ipynb") == "/etc/passwd"
        # a opens on the start page; b, whose name there is a link, in JupyterLab as usual
        assert _server_env(_server_pid(ku_a)).get("JUPYTERHUB_DEFAULT_URL") == "/lab/tree/Mulai_kelas.ipynb"
        assert _server_env(_server_pid(ku_b)).get("JUPYTERHUB_DEFAULT_URL") == "/lab"

        inbound = exchange / COURSE / "inbound"
        owners = {p.name.split("+")[0]: p.stat().st_uid for p in inbound.iterdir()}
        assert owners == {ku_a: uid[ku_a], ku_b: uid[ku_b]}  # each submission belongs to its learner
        # nbgrader's model: inbound cannot be listed (drwx-wx-wx) and every name ends in 72 random bits,
        # so a learner cannot find another's submission (its folder is readable to whoever knows the name)
        assert oct(inbound.stat().st_mode & 0o7777) == "0o2733"
        for entry in inbound.iterdir():
            assert re.fullmatch(rf"kc\w+\+{MODUL}\+[^+]+ UTC\+[\w-]{{12}}", entry.name), entry.name

        # learner b, in a notebook kernel of b's own server, tries to look at a's work and the hub's files
        status, body = hub.request(f"/user/{ku_b}/api/kernels", method="POST", body={"name": "python3"},
                                   token=tokens[ku_b])
        assert status == 201, body[:300]
        probe = "\n".join(
            f"try:\n    {action}\n    print('TERBACA {label}')\nexcept PermissionError:\n"
            f"    print('DITOLAK {label}')"
            for label, action in (
                ("inbound", f"os.listdir({str(inbound)!r})"),
                ("home", f"open({str(base / 'rumah' / ku_a / MODUL / 'latihan.ipynb')!r}).read()"),
                ("accounts", f"open({str(folder / 'akun.json')!r}).read()"),
                ("passwords", f"open({str(folder / 'kata_sandi_awal.csv')!r}).read()"),
                ("solutions", f"os.listdir({str(course / 'courses')!r})"),
                ("own", f"open({str(base / 'rumah' / ku_b / MODUL / 'latihan.ipynb')!r}).read()"),
            ))
        code = (f"import os\n{probe}\nprint(os.getuid())\n"
                "from cantik.data import load\nprint(len(load('penduduk')))")  # the course data, as b
        printed = _outputs(run_in_kernel(f"{url}/user/{ku_b}", tokens[ku_b], json.loads(body)["id"], code))
        assert printed.split() == ["DITOLAK", "inbound", "DITOLAK", "home",
                                   "DITOLAK", "accounts", "DITOLAK", "passwords", "DITOLAK", "solutions",
                                   "TERBACA", "own", str(uid[ku_b]), str(len(load("penduduk")))], printed
        # a learner's token does not open another learner's server
        assert hub.request(f"/user/{ku_a}/api/contents", token=tokens[ku_b])[0] in (403, 404)

    trainer_nbgrader(folder, course, exchange, "collect", MODUL)
    for name in (ku_a, ku_b):
        assert (course / "grading" / "submitted" / name / MODUL / "latihan.ipynb").is_file()
