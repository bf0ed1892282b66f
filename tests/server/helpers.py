"""Shared helpers of the class-server tests."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import signal
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from tests.servers import running


def server_cmd(*argv: str) -> tuple[int, str]:
    """Run `cantik server ARGV...` in-process; returns (exit code, the text the trainer sees).

    A failure is one ``GAGAL: …`` line on stderr (cantik.cli.run_command); stdout and stderr are joined,
    as in the trainer's terminal.
    """
    from cantik.server.commands import register

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):  # GAGAL: goes to stderr
        code = args.func(args)
    return code, out.getvalue()


@contextlib.contextmanager
def hub_running(folder: Path, log: Path, env: dict | None = None,
                wrap: tuple[str, ...] = ()) -> Iterator[str]:
    """Run the hub written into ``folder`` (``write_hub``) until the proxy routes ``/hub/``; yield its URL.

    On leaving, the hub gets one Ctrl-C and up to 90 s to stop its services, the learners' servers and
    configurable-http-proxy (which runs in a session of its own, so only the hub can stop it); the test
    fails if the proxy outlives the hub (it is then killed, so nothing leaks into later tests). ``wrap``
    is put before the hub's command (it must ``exec`` the rest).
    """
    settings = json.loads((Path(folder) / "hub.json").read_text())
    cmd = [*wrap, str(Path(sys.executable).parent / "jupyterhub"), "-f",
           str(Path(folder) / "jupyterhub_config.py")]
    url = f"http://127.0.0.1:{settings['port']}"
    proxy = 0
    try:
        with running(cmd, f"http://127.0.0.1:{settings['hub_port']}/hub/api", cwd=folder, env=env, log=log,
                     timeout=120, grace=90):
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(url + "/hub/api", timeout=5).close()
                    break
                except OSError:
                    assert time.monotonic() < deadline, "proxy never routed /hub/"
                    time.sleep(0.2)
            proxy = int((Path(folder) / "proxy.pid").read_text())
            yield url
    finally:
        if proxy:
            deadline = time.monotonic() + 30
            while _alive(proxy) and time.monotonic() < deadline:
                time.sleep(0.2)
            if _alive(proxy):
                os.kill(proxy, signal.SIGKILL)
                raise AssertionError(f"proxy {proxy} still running 30 s after the hub stopped (killed now)")


def _alive(pid: int) -> bool:
    """Is ``pid`` running? A zombie (ended, not yet reaped by its new parent) counts as ended."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def submit_in_lab(page, url: str, account, new_password: str, assignment: str) -> None:
    """In chromium, as a learner on first login: log in at ``url``, set a new password, open JupyterLab's
    Nbgrader → Assignment List, fetch ``assignment`` (the only one released) and submit it untouched."""
    from playwright.sync_api import expect

    page.goto(url + "/hub/login")
    page.fill("#username_input", account.name)
    page.fill("#password_input", account.password)
    page.click("#login_submit")
    page.wait_for_url("**/hub/ganti-sandi**")
    for field, value in (("#lama", account.password), ("#baru", new_password), ("#ulang", new_password)):
        page.fill(field, value)
    page.click("#simpan")
    page.click("#lanjut")
    page.wait_for_url(f"**/user/{account.name}/lab**", timeout=180_000)
    page.wait_for_selector("#jupyterlab-splash", state="detached", timeout=180_000)
    opened = page.url.split("?")[0].rsplit("/tree/", 1)
    if len(opened) == 2:  # the hub opens a start page: wait for its tab, or it takes the front later
        tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab", has_text=opened[1].rsplit("/", 1)[-1])
        expect(tab).to_have_count(1, timeout=120_000)
    page.locator("#jp-MainMenu div.lm-MenuBar-itemLabel", has_text="Nbgrader").click()
    page.get_by_role("menuitem", name="Assignment List").click()
    assignments_tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab", has_text="Assignments")
    released = page.locator("#released_assignments_list > .list_item")
    expect(released).to_have_count(1, timeout=60_000)
    expect(released.first.locator(".item_name")).to_have_text(assignment)
    expect(released.first.locator(".item_course")).to_have_text("kelas_cantik")
    assignments_tab.click()  # in front, whatever opened meanwhile
    released.first.locator(".item_status button").click()  # Fetch
    fetched = page.locator("#fetched_assignments_list > .list_item")
    expect(fetched).to_have_count(1, timeout=60_000)
    assignments_tab.click()
    fetched.first.locator('.item_status button:text("Submit")').click()
    submitted = page.locator("#submitted_assignments_list > .list_item")
    expect(submitted).to_have_count(1, timeout=60_000)
    expect(submitted.first.locator(".item_name").first).to_have_text(assignment)


def run_in_kernel(url: str, token: str, kernel: str, code: str, timeout: float = 60) -> list[dict]:
    """Run ``code`` in a kernel over Jupyter's websocket; the iopub messages until idle (or the socket
    closes because the kernel died)."""
    import uuid

    import websocket

    ws = websocket.create_connection(f"{url.replace('http', 'ws', 1)}/api/kernels/{kernel}/channels",
                                     header=[f"Authorization: token {token}"], timeout=timeout)
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "username": "uji", "session": uuid.uuid4().hex,
                   "msg_type": "execute_request", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True},
    }))
    got: list[dict] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            msg = json.loads(ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id and msg["msg_type"] != "status":
                continue
            got.append(msg)
            state = msg["content"].get("execution_state") if msg["msg_type"] == "status" else None
            if state in ("restarting", "dead") or (
                    state == "idle" and msg["parent_header"].get("msg_id") == msg_id):
                break
    except (websocket.WebSocketException, OSError):
        pass  # the server closes the socket when the kernel dies
    finally:
        ws.close()
    return got


def trainer_nbgrader(hub: Path, course: Path, exchange: Path, *args: str) -> str:
    """Run ``nbgrader ARGS`` in ``course`` as the trainer does on the hub: with the hub's trainer config."""
    import subprocess

    bin_dir = Path(sys.executable).parent
    env = {k: v for k, v in os.environ.items() if not k.startswith("CANTIK_")}
    env.update(JUPYTER_CONFIG_PATH=str(Path(hub) / "jupyter_pelatih"), CANTIK_EXCHANGE=str(exchange),
               PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}")
    proc = subprocess.run([str(bin_dir / "nbgrader"), *args], cwd=course, env=env, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr
