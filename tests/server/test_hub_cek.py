"""The answer key out of a learner's reach on the class server (issue 17, item 2).

A real hub as the class runs it (LocalProcessSpawner, real Unix accounts, the hub as root in the mount
namespace of :mod:`tests.server.test_hub_unix`). The answer key is protected as ``cantik server
hub-siapkan --akun-unix`` does (:func:`cantik.checks.key.protect_answer_key`: trainers' group only). A
learner, in a kernel of their own JupyterLab, tries to obtain expected values (import the checks, read their
source and compiled copies) and fails; ``cek``, ``petunjuk`` and ``uji_bentuk`` still give the right
verdicts and messages, from the check service running as the trainer; an anonymous request gets 403 and a
learner asking too often gets the rate limit's message.

Run with ``flock /tmp/cantik-server-tests.lock`` (real Unix users).
"""

from __future__ import annotations

import importlib.util
import json
import os
import pwd
import py_compile
import shutil
import urllib.error
import urllib.request
from pathlib import Path

from cantik.checks.key import answer_key_files, protect_answer_key, readable_by_others
from cantik.data import load
from cantik.grading.roster import Learner
from cantik.server.accounts import create_unix_accounts, trainer_group
from tests.grading.helpers import ROOT, make_course
from tests.server.helpers import hub_running, run_in_kernel
from tests.server.test_hub import Hub
from tests.server.test_hub_unix import (  # noqa: F401
    COURSE,
    _outputs,
    _server_env,
    _server_pid,
    pytestmark,
    server,
)
from tests.servers import free_port
from tests.unprivileged import open_root_wrapper

PROBE = r"""
import glob, os
import cantik.checks as ck
folder = os.path.dirname(ck.__file__)
for label, action in [
    ("impor", "__import__('cantik.checks.modul1')"),
    ("ambil", "__import__('cantik.checks.core', fromlist=['ambil']).ambil('1a').nilai_harapan()"),
    ("sumber", "open(os.path.join(folder, 'modul1.py')).read()"),
    ("salinan", "open(glob.glob(os.path.join(folder, '__pycache__', 'modul1.*'))[0], 'rb').read()"),
]:
    try:
        eval(action)
        print("TERBACA", label)
    except PermissionError:
        print("DITOLAK", label)
from cantik.checks import cek, petunjuk, uji_bentuk
from cantik.data import load
penduduk = load("penduduk")
cek("1a", len(penduduk))
cek("1a", penduduk.shape)
petunjuk("1a")
try:
    uji_bentuk("1a", "banyak")
except AssertionError as exc:
    print("BENTUK", exc)
"""


def test_learner_gets_verdicts_never_the_key(server: tuple[Path, list]) -> None:  # noqa: F811
    from cantik.server.hub import write_hub

    base, (learner, _other, trainer) = server
    course = make_course(base / "kelas")
    (course / "grading").mkdir()
    shutil.copytree(ROOT / "datasets", course / "datasets")
    for private in ("courses", "grading"):
        (course / private).chmod(0o700)
    folder = base / "hub"
    (base / "rumah").mkdir()
    accounts = write_hub(folder, [Learner(learner, "Siti Aminah")], [trainer], port=free_port(),
                         hub_port=free_port(), proxy_api_port=free_port(), check_port=free_port(),
                         course_root=course, spawner="local", mem_limit="700M", gallery_port=None,
                         exchange_root=str(base / "exchange"))
    create_unix_accounts(accounts, COURSE, home_base=base / "rumah")
    before = {p: (p.stat().st_mode, p.stat().st_gid) for p in answer_key_files()}
    source = next(p for p in before if p.name == "modul1.py")
    compiled = Path(importlib.util.cache_from_source(str(source)))
    made = not compiled.exists()
    py_compile.compile(str(source), cfile=str(compiled))  # a compiled copy exists: the learner tries it too
    try:
        protect_answer_key(trainer_group(COURSE))
        assert readable_by_others() == []
        (base / "stage").mkdir()
        wrap = tuple(open_root_wrapper(base / "stage"))
        hub_env = {k: v for k, v in os.environ.items() if not k.startswith("CANTIK_")}
        with hub_running(folder, base / "hub.log", env=hub_env, wrap=wrap) as url:
            hub = Hub(folder, int(url.rsplit(":", 1)[1]), {a.name: a for a in accounts})
            status, token = hub.token(learner, hub.accounts[learner].password)
            assert status == 201
            hub.start_server(learner, token)
            env = _server_env(_server_pid(learner))
            service = env["CANTIK_CEK_URL"]
            # the service runs as the trainer, not as root and not as the learner
            owner = _service_owner(int(service.rsplit(":", 1)[1].split("/")[0]))
            assert owner == pwd.getpwnam(trainer).pw_uid

            status, body = hub.request(f"/user/{learner}/api/kernels", method="POST",
                                       body={"name": "python3"}, token=token)
            assert status == 201, body[:300]
            kernel = json.loads(body)["id"]
            printed = _outputs(run_in_kernel(f"{url}/user/{learner}", token, kernel, PROBE, timeout=180))
            lines = printed.splitlines()
            refused = ["DITOLAK impor", "DITOLAK ambil", "DITOLAK sumber", "DITOLAK salinan"]
            assert lines[:4] == refused, printed
            n = len(load("penduduk"))
            assert "✅ Benar! (soal 1a)" in printed, printed
            wrong = next(line for line in lines if line.startswith("❌ Belum tepat (soal 1a)"))
            assert "shape" in wrong and str(n) not in wrong  # the targeted message, never the value
            assert "💡 Petunjuk 1 dari" in printed
            assert any(line.startswith("BENTUK Soal 1a:") for line in lines), printed

            # nobody gets a verdict without a hub token; a learner asking too often is slowed down
            anonymous = urllib.request.Request(service + "periksa", data=b'{"soal": "1a", "jawaban": 1}',
                                               method="POST")
            try:
                urllib.request.urlopen(anonymous, timeout=30)
                raise AssertionError("the check service answered an anonymous request")
            except urllib.error.HTTPError as exc:
                assert exc.code == 403
            burst = "from cantik.checks import cek\nfor _ in range(15):\n    cek('1a', 1)\n"
            printed = _outputs(run_in_kernel(f"{url}/user/{learner}", token, kernel, burst, timeout=180))
            assert "Terlalu sering memeriksa" in printed, printed
    finally:
        if made:
            compiled.unlink(missing_ok=True)
        for path, (mode, gid) in before.items():
            if path.exists():
                os.chown(path, -1, gid)
                os.chmod(path, mode & 0o7777)


def _service_owner(port: int) -> int:
    """The uid of the process listening on loopback ``port`` (from /proc/net/tcp)."""
    hex_port = f"{port:04X}"
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1].endswith(":" + hex_port) and fields[3] == "0A":  # LISTEN
            return int(fields[7])
    raise AssertionError(f"nothing listens on port {port}")
