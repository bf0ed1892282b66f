"""Visitor kernels of the public apps: forked from the apps' warm zygote, confined like grading kernels.

The kernels are started the way Voilà starts them: jupyter_client's kernel manager with the production
server's kernelspec (``python3`` naming our provisioner through the ``jupyter_client.kernel_provisioners``
entry point). What a visitor's kernel can see is read from inside it.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import socket
from pathlib import Path

import pytest

from cantik.sandbox.bwrap import UID_BASE
from tests.strict import BWRAP_MISSING, has_bwrap, security_requires

ROOT = Path(__file__).resolve().parents[2]
needs_sandbox = security_requires(has_bwrap() and os.geteuid() == 0, BWRAP_MISSING + " (and root)")

PROBE = r"""
import json, os, signal, socket, sys
r = {"uid": os.getuid(), "cwd": os.getcwd(), "files": sorted(os.listdir(".")),
     "home": os.path.expanduser("~"), "pids": sorted(int(p) for p in os.listdir("/proc") if p.isdigit())}
# forked from the zygote: the heavy modules and the apps were imported before this kernel existed
r["warm"] = {m: m in sys.modules for m in ["pandas", "matplotlib.pyplot", "ipywidgets", "cantik.apps.base",
                                              "cantik.apps.rata_median", "cantik.apps.stunting"]}
r["visible"] = {p: os.path.exists(p) for p in [ROOT + "/grading", ROOT + "/courses", ROOT + "/.git",
                ROOT + "/nbgrader_config.py", ROOT + "/voila_apps", SERVER_DIR]}
r["root_home"] = os.listdir("/root") if os.path.isdir("/root") else []  # the server's (root's) home
r["env_secret"] = any("cantik-rahasia" in v for v in os.environ.values())
r["voila_env"] = os.environ.get("VOILA_PREHEAT")
# the CPU: a light share, in its zygote's scheduling group (the namespace's init is the monitor's child)
r["nice"] = os.getpriority(os.PRIO_PROCESS, 0)
def group(pid):
    try:
        return open(f"/proc/{pid}/autogroup").read().split()[0]
    except OSError:
        return None
r["autogroup"] = [group("self"), group(1)]
# the first charts the zygote drew (cantik.apps.warm), and none of its widgets
import cantik.apps.base as B
from ipywidgets.widgets import widget as W
r["shared"] = sorted({k[0] for k in B.SHARED_RENDERS})
r["widgets"] = len(W._instances)
def can_write(p):
    try:
        with open(p, "w") as f:
            f.write("x")
        return True
    except OSError:
        return False
r["write"] = {p: can_write(p) for p in [ROOT + "/src/cantik/__init__.py", "/usr/x", "baru.txt",
              os.environ.get("CANTIK_DATASETS", "/nope") + "/x"]}
try:
    socket.create_connection(("127.0.0.1", PORT), timeout=1)
    r["net"] = True
except OSError:
    r["net"] = False
try:
    os.kill(SERVER_PID, signal.SIGTERM)
    r["kill"] = True
except OSError:
    r["kill"] = False
r["datasets"] = sorted(os.listdir(os.environ["CANTIK_DATASETS"]))
from cantik.apps.place import options
r["places"] = options()
nyata = os.environ.get("CANTIK_DATA_NYATA", "/nope")
r["nyata"] = [nyata, os.path.isdir(nyata)]
r["write"][nyata + "/x"] = can_write(nyata + "/x")
print(json.dumps(r))
"""


def _run_async(coro):  # type: ignore[no-untyped-def]
    """``asyncio.run`` in a fresh thread (Playwright's sync API may hold an event loop in this one)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def test_the_production_kernelspec_names_the_provisioner(tmp_path: Path) -> None:
    from jupyter_client.provisioning.factory import KernelProvisionerFactory

    from cantik.apps.kernels import VisitorProvisioner
    from cantik.apps.voila_config import PROVISIONER_NAME, write_kernelspec

    spec = json.loads((write_kernelspec(tmp_path) / "kernel.json").read_text())
    assert spec["metadata"]["kernel_provisioner"] == {"provisioner_name": PROVISIONER_NAME}
    assert spec["interrupt_mode"] == "message"  # signals cannot cross into the kernel's PID namespace
    # registered through the public entry-point group (installed with the package)
    entries = KernelProvisionerFactory.instance().get_provisioner_entries()
    assert entries[PROVISIONER_NAME] == f"{VisitorProvisioner.__module__}:{VisitorProvisioner.__name__}"


@needs_sandbox
def test_a_visitor_kernel_is_forked_and_confined(tmp_path: Path, cantik_home: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Started as Voilà starts it; inside: the apps already imported, nothing of the server's."""
    from jupyter_client.manager import AsyncKernelManager

    from cantik.apps.voila_config import write_kernelspec

    share = tmp_path / "share"
    write_kernelspec(share)
    monkeypatch.setenv("JUPYTER_PATH", str(share))
    server_dir = tmp_path / "server"  # what a Voilà server keeps: its config, cookie secret, logs
    server_dir.mkdir()
    (server_dir / "voila.json").write_text("{}")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    code = (f"ROOT = {str(ROOT)!r}; SERVER_DIR = {str(server_dir)!r}; PORT = {listener.getsockname()[1]}; "
            f"SERVER_PID = {os.getpid()}\n" + PROBE)
    outputs: list[str] = []
    env = {**os.environ, "CANTIK_RAHASIA_UJI": "cantik-rahasia", "VOILA_PREHEAT": "False"}
    # a real place imported into the real-data folder: the kernel sees it read-only
    import shutil

    real = tmp_path / "data_nyata"
    shutil.copytree(cantik_home / "datasets" / "malinau", real / "desa_nyata")
    profile = json.loads((real / "desa_nyata" / "wilayah.json").read_text(encoding="utf-8"))
    profile.update({"kunci": "desa_nyata", "nama": "Nyata", "sintetis": False,
                    "sumber_data": "Pendataan pemerintah desa", "tanggal_data": "2026-01-31"})
    (real / "desa_nyata" / "wilayah.json").write_text(json.dumps(profile), encoding="utf-8")
    monkeypatch.setenv("CANTIK_DATA_NYATA", str(real))

    async def run() -> str:
        km = AsyncKernelManager(kernel_name="python3")
        await km.start_kernel(env=env, cwd=str(ROOT / "voila_apps"))
        kc = km.client()
        kc.start_channels()
        try:
            await kc.wait_for_ready(timeout=120)
            reply = await kc.execute_interactive(
                code, timeout=60, output_hook=lambda m: outputs.append(m["content"].get("text", "")))
            assert reply["content"]["status"] == "ok", outputs
            run_dir = km.provisioner.run_dir  # type: ignore[union-attr]
        finally:
            kc.stop_channels()
            await km.shutdown_kernel(now=True)
        assert not Path(run_dir).exists()  # the private connection folder is gone
        return type(km.provisioner).__name__

    provisioner = _run_async(run())
    listener.close()
    assert provisioner == "VisitorProvisioner"
    r = json.loads("".join(outputs))
    assert all(r["warm"].values()), r["warm"]
    assert r["uid"] >= UID_BASE  # a user id of its own, not root
    assert r["cwd"] == "/home/peserta/kerja" and r["home"] == "/home/peserta" and r["files"] == []
    assert not any(r["visible"].values()), r["visible"]
    # of root's home only the Python installation, when it lives there (read-only, as for grading kernels)
    from cantik.sandbox.bwrap import python_paths

    assert r["root_home"] == sorted({p.relative_to("/root").parts[0] for p in python_paths()
                                     if p.is_relative_to("/root")})
    assert not r["env_secret"] and r["voila_env"] == "False"  # Voilà's variables pass, nothing else
    assert r["write"] == {f"{ROOT}/src/cantik/__init__.py": False, "/usr/x": False, "baru.txt": True,
                          "/opt/cantik/datasets/x": False, "/opt/cantik/data_nyata/x": False}
    assert r["nyata"] == ["/opt/cantik/data_nyata", True]  # the real places, read-only, where datasets are
    assert ["Desa Nyata", "desa_nyata"] in r["places"], r["nyata"]
    assert ["Desa Malinau", "malinau"] in r["places"]
    assert not r["net"] and not r["kill"]
    # in a crowd the server keeps its share of the CPU: the kernel is nice and in its zygote's autogroup
    assert r["nice"] == 10
    assert r["autogroup"][0] is None or r["autogroup"][0] == r["autogroup"][1], r["autogroup"]
    # forked after the zygote drew every app's first chart: inherited, and no widget of the zygote's
    assert {"RataMedianApp", "ProfilApp", "StuntingApp"} <= set(r["shared"]), r["shared"]
    assert r["widgets"] == 0
    assert len(r["pids"]) < 10  # its own PID namespace: the server's processes are invisible
    assert "kandangan_utara" in r["datasets"]


@needs_sandbox
def test_a_kernel_signalling_its_process_group_reaches_no_other_visitor(
        tmp_path: Path, cantik_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Visitor kernels share their zygote's session (one scheduling group): a signal to the whole
    process group must still reach no other visitor's kernel (each has a user id of its own)."""
    from jupyter_client.manager import AsyncKernelManager

    from cantik.apps.voila_config import write_kernelspec

    write_kernelspec(tmp_path / "share")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "share"))
    env = {**os.environ, "VOILA_PREHEAT": "False"}

    async def run() -> tuple[bool, bool, str]:
        kernels = []
        for _ in range(2):
            km = AsyncKernelManager(kernel_name="python3")
            await km.start_kernel(env=env, cwd=str(ROOT / "voila_apps"))
            kc = km.client()
            kc.start_channels()
            await kc.wait_for_ready(timeout=120)
            kernels.append((km, kc))
        (attacker, a_client), (other, o_client) = kernels
        try:
            a_client.execute("import os, signal; os.kill(0, signal.SIGKILL)")  # its whole process group
            deadline = asyncio.get_running_loop().time() + 60
            while await attacker.is_alive() and asyncio.get_running_loop().time() < deadline:
                await asyncio.sleep(0.2)
            outputs: list[str] = []
            reply = await o_client.execute_interactive(
                "print(6 * 7)", timeout=60,
                output_hook=lambda m: outputs.append(m["content"].get("text", "")))
            said = reply["content"]["status"] + "".join(outputs)
            return await attacker.is_alive(), await other.is_alive(), said
        finally:
            for km, kc in kernels:
                kc.stop_channels()
                await km.shutdown_kernel(now=True)

    attacker_alive, other_alive, other_said = _run_async(run())
    assert not attacker_alive  # the signal went out (it reached the sender itself)
    assert other_alive and other_said.startswith("ok") and "42" in other_said
