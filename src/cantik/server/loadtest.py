"""Bounded load test of a running class hub: N learners log in at once over the REST API and start their
servers; report spawn time and memory per learner.

Loopback only (the hub URL must be ``http://127.0.0.1:…``). Memory is the PSS (proportional set size:
shared pages split between the processes sharing them) of each learner's single-user server process tree,
found through ``JUPYTERHUB_USER`` in the process environment (needs the right to read other processes'
``/proc/<pid>/environ``, i.e. the hub's user or root). Servers started here are stopped again.

Examples
--------
>>> report = run_load("http://127.0.0.1:8000", accounts[:20])  # doctest: +SKIP
>>> print(report.summary())                                      # doctest: +SKIP
"""

from __future__ import annotations

import json
import statistics
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from cantik.errors import KelasError


@dataclass
class LoadReport:
    """Spawn seconds and memory (MiB PSS) per learner; failures with their reason."""

    spawn_s: dict[str, float] = field(default_factory=dict)
    memory_mib: dict[str, float] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    wall_s: float = 0.0

    def summary(self) -> str:
        lines = [f"{len(self.spawn_s)} server peserta siap dalam {self.wall_s:.1f} detik "
                 f"({len(self.failed)} gagal)."]
        if self.spawn_s:
            times = sorted(self.spawn_s.values())
            lines.append(f"Waktu menyalakan server: median {statistics.median(times):.1f} s, "
                         f"terlama {times[-1]:.1f} s.")
        if self.memory_mib:
            mem = list(self.memory_mib.values())
            lines.append(f"Memori per peserta (PSS): rata-rata {statistics.mean(mem):.0f} MiB, "
                         f"terbesar {max(mem):.0f} MiB, total {sum(mem):.0f} MiB.")
        lines += [f"  gagal {name}: {why}" for name, why in sorted(self.failed.items())]
        return "\n".join(lines)


def _request(url: str, *, method: str = "GET", body: dict | None = None, token: str = "") -> tuple[int, dict]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"token {token}"
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            text = resp.read()
            return resp.status, (json.loads(text) if text else {})
    except urllib.error.HTTPError as exc:
        return exc.code, {}


def _login_and_spawn(hub: str, name: str, password: str, timeout: float) -> tuple[str, float]:
    status, body = _request(f"{hub}/hub/api/users/{name}/tokens", method="POST",
                            body={"auth": {"username": name, "password": password}})
    if status != 201:
        raise RuntimeError(f"masuk ditolak (HTTP {status})")
    token = body["token"]
    start = time.monotonic()
    status, _ = _request(f"{hub}/hub/api/users/{name}/server", method="POST", token=token)
    if status not in (201, 202, 400):  # 400: already running
        raise RuntimeError(f"server tidak bisa dinyalakan (HTTP {status})")
    while time.monotonic() - start < timeout:
        status, user = _request(f"{hub}/hub/api/users/{name}", token=token)
        server = user.get("servers", {}).get("") if status == 200 else None
        if server and server.get("ready"):
            return token, time.monotonic() - start
        time.sleep(0.5)
    raise RuntimeError(f"server belum siap setelah {timeout:.0f} detik")


def _memory_by_user(names: set[str]) -> dict[str, float]:
    import psutil

    found: dict[str, float] = {}
    for proc in psutil.process_iter(["pid"]):
        try:
            user = proc.environ().get("JUPYTERHUB_USER")
            if user not in names:
                continue
            found[user] = found.get(user, 0.0) + proc.memory_full_info().pss / 2**20
        except (psutil.Error, OSError):
            continue
    return found


def run_load(hub: str, accounts: list, *, timeout: float = 300.0, workers: int | None = None,
             stop: bool = True) -> LoadReport:
    """Log ``accounts`` (objects with ``name`` and ``password``) in at once and start their servers."""
    if urlsplit(hub).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise KelasError("Uji beban hanya boleh ke hub di mesin ini (127.0.0.1).",
                         "Jalankan di server kelas itu sendiri.")
    report = LoadReport()
    tokens: dict[str, str] = {}
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=workers or len(accounts) or 1) as pool:
        futures = {a.name: pool.submit(_login_and_spawn, hub, a.name, a.password, timeout) for a in accounts}
        for name, fut in futures.items():
            try:
                tokens[name], report.spawn_s[name] = fut.result()
            except Exception as exc:  # reported, not raised: the test goes on for the others
                report.failed[name] = str(exc)
    report.wall_s = time.monotonic() - start
    report.memory_mib = _memory_by_user(set(tokens))
    if stop:
        for name, token in tokens.items():
            _request(f"{hub}/hub/api/users/{name}/server", method="DELETE", token=token)
    return report
