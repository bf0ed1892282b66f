"""The gallery on more than one Voilà server: N identical replicas behind haproxy with sticky sessions.

A visitor's live app is a kernel in one Voilà process: the page, its kernel's websocket and every widget
update of that visitor must reach the replica that rendered the page. haproxy (Debian's package; an existing
proxy, no balancer of our own) sends each new visitor to the replica with the fewest connections and inserts
a cookie naming that replica (:data:`COOKIE`) in the page's response; the browser sends the cookie back
with the kernel's websocket and every later request, and haproxy keeps them on that replica
(``cookie … insert indirect nocache``). On Kubernetes the same role is played by a Service with
``sessionAffinity`` or the ingress controller's cookie affinity (see ``docs/aplikasi-skala.md``).

stdlib only.

Examples
--------
>>> text = haproxy_config(8866, [8901, 8902])
>>> "cookie cantik-replika insert indirect nocache" in text, text.count("server replika-")
(True, 2)
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

#: The cookie haproxy inserts to keep a visitor on its replica (its value: the replica's name).
COOKIE = "cantik-replika"

HAPROXY_MISSING = ("Program `haproxy` (paket Debian `haproxy`) belum terpasang; galeri dengan beberapa "
                   "replika membutuhkannya.",
                   "Pasang dengan `sudo apt-get install haproxy` "
                   "(atau `scripts/ensure-debian-packages haproxy`).")


def replica_name(i: int) -> str:
    """The name (and cookie value) of replica ``i`` (from 1)."""
    return f"replika-{i}"


def max_connections() -> int:
    """Connections haproxy may hold: two descriptors each (visitor and replica) within this process's hard
    limit of open files (haproxy refuses to start when it cannot raise its own limit that far), at most
    10 000."""
    import resource

    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    return max(256, min(10_000, (hard - 100) // 2)) if hard != resource.RLIM_INFINITY else 10_000


def haproxy_config(port: int, replica_ports: list[int], *, ip: str = "127.0.0.1",
                   maxconn: int | None = None) -> str:
    """haproxy's configuration: listen on ``ip:port``, balance new visitors over ``replica_ports`` on
    loopback, keep each visitor on its replica with :data:`COOKIE`.

    Time-outs: an idle websocket (a visitor reading the page) is kept for an hour (``timeout tunnel``);
    Voilà's own culler decides when its kernel goes. ``maxconn``: default :func:`max_connections`.
    """
    servers = "\n".join(
        f"    server {replica_name(i)} 127.0.0.1:{p} cookie {replica_name(i)} check inter 2s rise 1"
        for i, p in enumerate(replica_ports, start=1)
    )
    return f"""# Kelas Cantik: the gallery on {len(replica_ports)} Voilà replicas (cantik.apps.replicas)
global
    maxconn {maxconn or max_connections()}

defaults
    mode http
    timeout connect 5s
    timeout client 1h
    timeout server 1h
    timeout tunnel 1h
    option forwardfor

frontend galeri
    bind {ip}:{port}
    default_backend voila

backend voila
    # a new visitor goes to the replica with the fewest connections; the cookie keeps it there
    balance leastconn
    cookie {COOKIE} insert indirect nocache httponly attr "SameSite=Lax"
{servers}
"""


def find_haproxy() -> str:
    """Path of ``haproxy``; :class:`cantik.errors.CantikError` with the Debian package to install."""
    from cantik.errors import CantikError

    path = shutil.which("haproxy") or ("/usr/sbin/haproxy" if os.access("/usr/sbin/haproxy", os.X_OK) else "")
    if not path:
        raise CantikError(*HAPROXY_MISSING)
    return path


@contextlib.contextmanager
def replicas(port: int, count: int, work: Path, *, ip: str = "127.0.0.1", profile: str = "production",
             root: Path | None = None, env: dict[str, str] | None = None,
             replica_ports: list[int] | None = None, log_dir: Path | None = None,
             timeout: float = 180.0) -> Iterator[list[tuple[str, int, subprocess.Popen]]]:
    """Run ``count`` Voilà replicas on loopback and haproxy on ``ip:port`` in front of them.

    Yields ``[(name, port, process), …]`` of the replicas once every replica listens (within ``timeout``
    seconds; they may still be preheating their kernels) and haproxy runs; everything is stopped on exit.
    ``work`` holds each replica's configuration and ``haproxy.cfg``.
    """
    from cantik.apps.server import voila_command

    haproxy = find_haproxy()
    ports = replica_ports or [_free_port() for _ in range(count)]
    work.mkdir(parents=True, exist_ok=True)
    logs = log_dir or work
    started: list[tuple[str, int, subprocess.Popen]] = []
    proxy: subprocess.Popen | None = None
    try:
        for i, p in enumerate(ports, start=1):
            cmd, extra = voila_command(p, work / replica_name(i), profile=profile, root=root)
            out = open(logs / f"{replica_name(i)}.log", "wb")  # noqa: SIM115 - closed with the process
            proc = subprocess.Popen(cmd, env={**os.environ, **extra, **(env or {})}, stdin=subprocess.DEVNULL,
                                    stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
            out.close()
            started.append((replica_name(i), p, proc))
        for _name, p, proc in started:  # haproxy's first health check must find every replica listening
            _wait_listening(p, proc, timeout)
        cfg = work / "haproxy.cfg"
        cfg.write_text(haproxy_config(port, ports, ip=ip), encoding="utf-8")
        subprocess.run([haproxy, "-c", "-q", "-f", str(cfg)], check=True)
        out = open(logs / "haproxy.log", "wb")  # noqa: SIM115
        proxy = subprocess.Popen([haproxy, "-db", "-f", str(cfg)], stdin=subprocess.DEVNULL, stdout=out,
                                 stderr=subprocess.STDOUT, start_new_session=True)
        out.close()
        yield started
    finally:
        for _, _, proc in started:  # Voilà stops its kernels on SIGINT
            _stop(proc, signal.SIGINT)
        if proxy:
            _stop(proxy, signal.SIGTERM)


def _stop(proc: subprocess.Popen, sig: signal.Signals, grace: float = 20.0) -> None:
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        proc.send_signal(sig)
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def _wait_listening(port: int, proc: subprocess.Popen, timeout: float) -> None:
    """Wait until something listens on loopback ``port``; RuntimeError if ``proc`` ends or time runs out."""
    import socket

    deadline = time.monotonic() + timeout
    while True:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"Voilà replica on port {port} did not start (exit code {proc.poll()})")
        time.sleep(0.2)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(port: int, count: int, *, ip: str = "127.0.0.1", profile: str = "production") -> int:
    """``cantik aplikasi --replika N``: run until Ctrl-C; return 0."""
    from cantik.paths import project_root

    work = project_root() / ".cantik" / "voila" / f"replika-{count}"
    print(f"Galeri aplikasi Kelas Cantik: http://{'127.0.0.1' if ip in ('0.0.0.0', '') else ip}:{port}/ "
          f"({count} replika Voilà di belakang haproxy)")
    print("Semua data di aplikasi ini SINTETIS (buatan komputer). Tekan Ctrl-C untuk berhenti.")
    with replicas(port, count, work, ip=ip, profile=profile) as running:
        try:
            while all(proc.poll() is None for _, _, proc in running):
                time.sleep(1)
        except KeyboardInterrupt:
            return 0
    print("Sebuah replika berhenti sendiri; galeri dihentikan.", file=sys.stderr)
    return 1
