"""Class start without a queue: every learner's server is started before the class, through JupyterHub's
REST API, and spared from idle culling until the class begins.

Thirty learners logging in at the same minute make thirty JupyterLab servers start at once on a few
cores: each then waits most of a minute. :func:`prestart` starts them earlier, a few at a time, with the
token of the hub service ``pra-mulai`` (role scopes ``list:users``, ``read:users`` and ``servers``, all
limited to the ``peserta`` group; :func:`cantik.server.hub.configure`). At class time a login finds its
server running.

A server nobody uses would be stopped by the idle culler (``jupyterhub-idle-culler --timeout``). The culler
is configured with :func:`spare_until_class` as its ``IdleCuller.cull_arbiter_hook`` (the culler's public
option for custom culling logic): while the class has not begun, no learner's server is culled, and
afterwards a server counts as idle from the later of its last activity and the class start. The start time
is kept in ``<hub folder>/kelas_mulai.json`` (:func:`set_class_start`).

Examples
--------
>>> report = prestart("http://127.0.0.1:8000", ".cantik/hub", start=time.time() + 3600)  # doctest: +SKIP
>>> print(report.summary())                                                               # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from cantik.errors import KelasError

#: Name of the hub service (and of its role) that starts the learners' servers.
SERVICE = "pra-mulai"
TOKEN_FILE = "pra_mulai.token"
START_FILE = "kelas_mulai.json"
CULLER_CONFIG = "idle_culler_config.py"


def service_token(folder: str | os.PathLike[str]) -> str:
    """The service's API token, kept in ``<folder>/pra_mulai.token`` (mode 0600; made on first use)."""
    path = Path(folder) / TOKEN_FILE
    if path.is_file():
        return path.read_text(encoding="utf-8").strip()
    token = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(token + "\n")
    return token


def set_class_start(folder: str | os.PathLike[str], when: float) -> None:
    """Record when the class begins (seconds since the epoch) for the culler."""
    path = Path(folder) / START_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"mulai": when, "mulai_lokal": _local(when)}), encoding="utf-8")
    os.replace(tmp, path)


def class_start(start_file: str | os.PathLike[str]) -> float | None:
    """The recorded class start, or None (no class planned, or an unreadable file)."""
    try:
        value = json.loads(Path(start_file).read_text(encoding="utf-8")).get("mulai")
    except (OSError, ValueError, AttributeError):
        return None
    return float(value) if isinstance(value, int | float) else None


def spare_until_class(*, inactive: dt.timedelta, inactive_limit: int, server: dict, start_file: str,
                      **_: object) -> bool:
    """jupyterhub-idle-culler's ``cull_arbiter_hook``: cull a server only when it has been idle for
    ``inactive_limit`` seconds counted from the later of its last activity and the class start.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> set_class_start(folder, time.time() + 600)  # class in ten minutes
    >>> hour = dt.timedelta(hours=1)
    >>> spare_until_class(inactive=hour, inactive_limit=60, server={}, start_file=f"{folder}/{START_FILE}")
    False
    >>> set_class_start(folder, time.time() - 600)  # began ten minutes ago; idle limit one minute
    >>> spare_until_class(inactive=hour, inactive_limit=60, server={}, start_file=f"{folder}/{START_FILE}")
    True
    """
    del server  # every server of the hub is a learner's or a trainer's: the same rule for all
    start = class_start(start_file)
    idle = inactive.total_seconds()
    if start is not None:
        idle = min(idle, time.time() - start)
    return idle >= inactive_limit


def culler_config(folder: Path) -> Path:
    """Write the culler's config file (``--config``) that plugs in :func:`spare_until_class`."""
    path = folder / CULLER_CONFIG
    path.write_text(
        '"""jupyterhub-idle-culler: servers started before class are spared until it begins '
        '(cantik.server.prestart)."""\n'
        "from functools import partial\n\n"
        "from cantik.server.prestart import spare_until_class\n\n"
        f"start_file = {str(folder / START_FILE)!r}\n"
        "c.IdleCuller.cull_arbiter_hook = partial(spare_until_class, start_file=start_file)  # noqa: F821\n",
        encoding="utf-8")
    return path


@dataclass
class PrestartReport:
    """Which servers are ready, how long it took, and what failed (Indonesian reasons)."""

    ready: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    start: float | None = None

    def summary(self) -> str:
        lines = [f"Server peserta siap: {len(self.ready)} dari {len(self.ready) + len(self.failed)} "
                 f"(dalam {self.seconds:.0f} detik)."]
        if self.start is not None:
            lines.append(f"Tidak dimatikan karena menganggur sampai kelas mulai ({_local(self.start)}); "
                         "sesudah itu batas menganggur dihitung sejak kelas mulai.")
        lines += [f"  GAGAL {name}: {why}" for name, why in sorted(self.failed.items())]
        lines.append("Langkah berikutnya: peserta masuk seperti biasa; server mereka sudah menyala."
                     if not self.failed else
                     "Langkah berikutnya: periksa log hub untuk peserta yang gagal, lalu jalankan perintah "
                     "ini lagi (yang sudah menyala dilewati).")
        return "\n".join(lines)


def _local(when: float) -> str:
    return dt.datetime.fromtimestamp(when).astimezone().strftime("%Y-%m-%d %H:%M %Z")


def _start_one(hub: str, name: str, token: str, timeout: float) -> None:
    """Start ``name``'s server unless it runs (waiting out a stop in progress); return once it is ready."""
    from cantik.server.loadtest import _request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, user = _request(f"{hub}/hub/api/users/{name}", token=token)
        if status != 200:
            raise RuntimeError(f"hub tidak mengenal atau menolak akun ini (HTTP {status})")
        server = user.get("servers", {}).get("")
        if server and server.get("ready"):
            return
        if server is None and not user.get("pending"):
            status, _ = _request(f"{hub}/hub/api/users/{name}/server", method="POST", token=token)
            if status not in (201, 202, 400):  # 400: a start or stop is already under way
                raise RuntimeError(f"hub menolak menyalakan server (HTTP {status})")
        time.sleep(0.5)
    raise RuntimeError(f"server belum siap setelah {timeout:.0f} detik")


def prestart(hub: str, folder: str | os.PathLike[str], *, start: float | None = None,
             learners: list[str] | None = None, at_once: int = 4, timeout: float = 600.0) -> PrestartReport:
    """Start the servers of ``learners`` (default: everyone in the hub's ``peserta`` list), ``at_once`` at a
    time, and record ``start`` (epoch seconds) as the class start for the culler."""
    settings = json.loads((Path(folder) / "hub.json").read_text(encoding="utf-8"))
    names = learners if learners is not None else list(settings["learners"])
    token = service_token(folder)
    if start is not None:
        set_class_start(folder, start)
    report = PrestartReport(start=start)
    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=max(1, at_once)) as pool:
        futures = {name: pool.submit(_start_one, hub, name, token, timeout) for name in names}
        for name, fut in futures.items():
            try:
                fut.result()
                report.ready.append(name)
            except Exception as exc:  # reported per learner; the others go on
                report.failed[name] = str(exc)
    report.seconds = time.monotonic() - began
    return report


def parse_start(text: str, now: dt.datetime | None = None) -> float:
    """``"08:00"`` (today) or ``"2026-12-05 08:00"`` as epoch seconds, in this machine's time zone.

    Examples
    --------
    >>> base = dt.datetime(2026, 12, 5, 6, 30).astimezone()
    >>> dt.datetime.fromtimestamp(parse_start("08:00", base)).strftime("%d %H:%M")
    '05 08:00'
    """
    now = now or dt.datetime.now().astimezone()
    for fmt in ("%H:%M", "%Y-%m-%d %H:%M"):
        try:
            parsed = dt.datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
        if fmt == "%H:%M":
            parsed = now.replace(hour=parsed.hour, minute=parsed.minute, second=0, microsecond=0)
        return parsed.astimezone().timestamp() if parsed.tzinfo is None else parsed.timestamp()
    raise KelasError(f"Waktu mulai kelas '{text}' tidak terbaca.",
                     "Tulis jamnya seperti 08:00, atau tanggal dan jam seperti 2026-12-05 08:00.")
