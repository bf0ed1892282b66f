"""The gallery on two Voilà replicas behind haproxy (loopback): each visitor stays on its replica.

Visitors are HTTP + websocket clients that do what a browser does: fetch the app page (haproxy picks a
replica and sets its cookie), open the kernel's websocket with that cookie, load the widget states and
change a control; the chart's update comes back. Every visitor's kernel must live on the replica that
rendered its page, and both replicas must get visitors.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import re
import shutil
import time
import urllib.request
import uuid
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

from benchmarks.crowd import _decode, _msg, widget_states
from cantik.apps.replicas import COOKIE, haproxy_config, replica_name, replicas
from tests.servers import free_port, wait_for_http
from tests.strict import STRICT

ROOT = Path(__file__).resolve().parents[2]
APP = "rata_rata_atau_median.ipynb"

pytestmark = [pytest.mark.server, pytest.mark.slow]


def test_haproxy_config_keeps_visitors_on_their_replica() -> None:
    text = haproxy_config(8866, [9001, 9002], ip="0.0.0.0")
    assert "bind 0.0.0.0:8866" in text
    assert f"cookie {COOKIE} insert indirect nocache" in text
    assert "server replika-1 127.0.0.1:9001 cookie replika-1" in text
    assert "server replika-2 127.0.0.1:9002 cookie replika-2" in text
    assert "timeout tunnel 1h" in text  # an idle visitor's websocket is not cut after a minute


async def _visitor(base: str) -> dict:
    """One visitor: page, websocket with the replica cookie, widget states, one control change."""
    from tornado.httpclient import AsyncHTTPClient, HTTPRequest
    from tornado.websocket import websocket_connect

    client = AsyncHTTPClient(force_instance=True, max_body_size=64 << 20)
    try:
        resp = await client.fetch(f"{base}voila/render/{APP}", request_timeout=240)
    finally:
        client.close()
    cookie = SimpleCookie()
    for header in resp.headers.get_list("Set-Cookie"):
        cookie.load(header)
    replica = cookie[COOKIE].value
    html = resp.body.decode()
    kernel_id = json.loads(re.search(r'id="jupyter-config-data" type="application/json">\s*(.*?)\s*</script>',
                                     html, re.S).group(1))["kernelId"]  # type: ignore[union-attr]
    session = uuid.uuid4().hex
    ws_url = base.replace("http", "ws", 1) + f"api/kernels/{kernel_id}/channels?session_id={session}"
    ws = await websocket_connect(HTTPRequest(ws_url, headers={"Cookie": f"{COOKIE}={replica}"}),
                                 max_message_size=64 << 20)
    _control, states = await widget_states(ws, session, time.monotonic() + 120)
    # move an integer slider by one step (the rich families added): the chart must come back updated
    slider = next(cid for cid, s in states.items()
                  if s["model_name"] == "IntSliderModel" and s["state"].get("step") == 1)
    old = states[slider]["state"]["value"]
    new = old + 1 if old < states[slider]["state"]["max"] else old - 1
    await ws.write_message(json.dumps(_msg("comm_msg", {"comm_id": slider, "data": {
        "method": "update", "state": {"value": new}, "buffer_paths": []}}, session=session)))
    updated = False
    while not updated:
        frame = await asyncio.wait_for(ws.read_message(), 120)
        assert frame is not None, "websocket closed before the update came back"
        data = _decode(frame).get("content", {}).get("data", {})
        updated = data.get("method") == "update" and 'class=\\"cantik-chart\\"' in json.dumps(data)
    ws.close()
    return {"replica": replica, "kernel": kernel_id}


def _on(port: int, kernel_id: str) -> bool:
    """Does the Voilà replica on ``port`` run kernel ``kernel_id``?"""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/kernels/{kernel_id}", timeout=30) as r:
            return r.status == 200
    except urllib.error.HTTPError:
        return False


def test_every_visitors_widget_updates_come_from_the_replica_that_rendered_its_page(
        tmp_path: Path, cantik_home: Path) -> None:
    if shutil.which("haproxy") is None and not Path("/usr/sbin/haproxy").exists():
        if STRICT:  # CI and make test install it (make system-deps): missing there is a failure
            pytest.fail("haproxy missing: make system-deps", pytrace=False)
        pytest.skip("haproxy missing: make system-deps")
    root = tmp_path / "apps"  # one app: each replica preheats one kernel, not seven
    root.mkdir()
    shutil.copy(ROOT / "voila_apps" / APP, root / APP)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with replicas(port, 2, tmp_path / "work", root=root, env={"CANTIK_HOME": str(cantik_home)}) as running:
        ports = {name: p for name, p, _ in running}
        for _name, p, proc in running:
            wait_for_http(f"http://127.0.0.1:{p}/", timeout=180, proc=proc)
        wait_for_http(base, timeout=30)

        async def crowd() -> list[dict]:
            return list(await asyncio.gather(*(_visitor(base) for _ in range(6))))

        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            visits = pool.submit(asyncio.run, crowd()).result()
        for visit in visits:
            own = ports[visit["replica"]]
            assert _on(own, visit["kernel"]), visit
            assert not any(_on(p, visit["kernel"]) for name, p in ports.items() if name != visit["replica"])
        assert {v["replica"] for v in visits} == {replica_name(1), replica_name(2)}  # both served visitors


def test_the_kubernetes_manifest_keeps_visitors_on_their_pod() -> None:
    """docs/kubernetes/galeri.yaml: a Deployment of the gallery, a Service with session affinity, and an
    Ingress pinning each visitor to a pod with the same cookie haproxy uses here."""
    import yaml

    text = (ROOT / "docs" / "kubernetes" / "galeri.yaml").read_text()
    docs = {d["kind"]: d for d in yaml.safe_load_all(text)}
    container = docs["Deployment"]["spec"]["template"]["spec"]["containers"][0]
    assert container["command"][:2] == ["cantik", "aplikasi"] and "0.0.0.0" in container["command"]
    assert docs["Service"]["spec"]["sessionAffinity"] == "ClientIP"
    annotations = docs["Ingress"]["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert annotations["nginx.ingress.kubernetes.io/session-cookie-name"] == COOKIE
