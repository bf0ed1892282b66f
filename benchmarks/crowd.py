"""A crowd on one public app: N visitors arriving within one second, default Voilà against ours, same run.

A link shared by a kabupaten's social media brings many visitors in the same minute. For each crowd size N
(default 1, 10, 50, 100) and each profile (Voilà as shipped, and our production configuration: kernels
forked from a warm zygote and confined, the first paint cached for every page, back-pressure), a fresh
``voila`` server is started on loopback (synthetic datasets generated into a temporary folder) and N
visitors arrive at moments spread uniformly over one second:

* a sample of them (``--browsers``, default 3) are real browsers: Debian chromium through Playwright,
  timed on the page's own clock as in ``benchmarks/voila.py`` (first chart: the first frame with a chart on
  screen; live app: the first frame with the live chart and its controls);
* the rest are HTTP + websocket clients that do what the browser does, timed from their arrival: they
  fetch the page (first chart: when the bytes of a chart image have arrived: our cached first paint, which
  the template sends before the kernel starts; with default Voilà the chart comes only with the widget
  state), then open the kernel's websocket and send the widget messages the page's widget manager sends
  (``kernel_info_request``, ``comm_info_request`` for ``jupyter.widget``, a ``comm_open`` of
  ``jupyter.widget.control`` and its ``request_states``): the live app is there when the widget states
  have arrived and hold the app's chart;
* column ``front``: visitors whose page began with our first chart sent ahead of Voilà's page (a crowd:
  :mod:`cantik.apps.front`);
* a visitor who gets our busy page (HTTP 503) does what that page does: it waits the advertised seconds
  (plus up to 50 % at random) and tries again; its times count from its first arrival.

Per N and profile it prints: time to first chart and to live app (p50, p95), failures (no live app within
``--timeout`` seconds, or an error), busy pages served, kernels running, PSS per visitor kernel (all the
processes that exist for one visitor: for ours the kernel, its PID-namespace init and its monitor, all
forked), the total memory of the server with its kernels (PSS summed: what the machine really spends),
and the ratios ours / default. ``500 idle visitors`` extrapolates the memory of 500 idle visitors from the
same measurement (shared memory once, plus 500 × the private memory, USS, per visitor).

Bounded: at most ``--max`` visitors, each given ``--timeout`` seconds; loopback only. The machine is
shared: the load average before and after each run is printed with the figures.

Targets (issue 18), 50 visitors at once on this 2-core machine: first chart p95 <= 1.0 s, live app p95 <= 5 s,
no failures, PSS per visitor kernel <= 40 MiB, 500 idle visitors fit in 24 GiB.

    .venv/bin/python benchmarks/crowd.py [--sizes 1,10,50,100] [--browsers 3] [--app rata_median]
                                         [--timeout 120] [--profiles default,production] [--keep DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import shutil
import signal
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.voila import CHROMIUM, CHROMIUM_ARGS, TIMING_SCRIPT, _percentile, _wait_until_quiet  # noqa: E402

MIB = 1024 * 1024
#: The bytes that show a chart has arrived in the page: the start of our static first paint's image.
CHART_MARK = b'class="cantik-chart-static"'
#: In the widget states: the app's live chart (an Output widget holding the chart image).
LIVE_MARK = 'class=\\"cantik-chart\\"'
#: Our first chart sent ahead of Voilà's page in a crowd (cantik.apps.front).
PRELUDE_MARK = 'data-cantik-prelude="1"'


@dataclass
class Visitor:
    """What happened to one visitor (seconds from its arrival)."""

    browser: bool
    first: float | None = None
    live: float | None = None
    busy_pages: int = 0
    front_pages: int = 0  # pages that began with our cached first chart sent ahead (a crowd)
    error: str = ""


@dataclass
class Run:
    profile: str
    n: int
    visitors: list[Visitor] = field(default_factory=list)
    kernels: int = 0
    pss_per_kernel: float = float("nan")  # bytes
    uss_per_kernel: float = float("nan")  # bytes
    total_pss: int = 0  # bytes: server + zygote + kernels
    shared: int = 0  # bytes: what does not grow with the visitors (server, zygote)
    load_before: tuple[float, ...] = ()
    load_after: tuple[float, ...] = ()
    busy_refused: int = 0
    server_cpu: float = 0.0  # seconds of CPU the server process itself spent during the crowd
    kernel_cpu: float = float("nan")  # seconds of CPU per visitor's processes (kernel, init, monitor)


# ---------------------------------------------------------------------------------- the HTTP + ws client
#: The widget control protocol the page's widget manager speaks (ipywidgets refuses a ``comm_open`` of
#: ``jupyter.widget.control`` without it in the metadata).
CONTROL_PROTOCOL_VERSION = "1.0.0"


def _msg(msg_type: str, content: dict, channel: str = "shell", session: str = "",
         metadata: dict | None = None) -> dict:
    return {
        "header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "pengunjung",
                   "session": session, "version": "5.3", "date": ""},
        "parent_header": {}, "metadata": metadata or {}, "content": content, "channel": channel,
        "buffers": [],
    }


async def widget_states(ws, session: str, deadline: float) -> tuple[str, dict]:  # type: ignore[no-untyped-def]
    """Send on the kernel websocket ``ws`` what the page's widget manager sends when it starts, and wait for
    the widget states: returns (the control comm's id, the states by model id)."""
    comm_id = uuid.uuid4().hex
    for message in (
        _msg("kernel_info_request", {}, session=session),
        _msg("comm_info_request", {"target_name": "jupyter.widget"}, session=session),
        _msg("comm_open", {"comm_id": comm_id, "target_name": "jupyter.widget.control", "data": {}},
             session=session, metadata={"version": CONTROL_PROTOCOL_VERSION}),
        _msg("comm_msg", {"comm_id": comm_id, "data": {"method": "request_states"}}, session=session),
    ):
        await ws.write_message(json.dumps(message))
    while True:
        frame = await asyncio.wait_for(ws.read_message(), max(0.1, deadline - time.monotonic()))
        if frame is None:
            raise ConnectionError("websocket closed")
        msg = _decode(frame)
        if msg.get("msg_type") == "comm_close" and msg["content"].get("comm_id") == comm_id:
            raise RuntimeError("the kernel refused the widget control comm")
        if msg.get("msg_type") != "comm_msg" or msg["content"].get("comm_id") != comm_id:
            continue
        data = msg["content"].get("data", {})
        if data.get("method") == "update_states":
            return comm_id, data.get("states", {})


def _decode(frame: str | bytes) -> dict:
    """A message of jupyter_server's legacy websocket protocol (JSON text, or binary with buffers)."""
    if isinstance(frame, str):
        return json.loads(frame)
    nbufs = int.from_bytes(frame[:4], "big")
    offsets = [int.from_bytes(frame[4 * (i + 1):4 * (i + 2)], "big") for i in range(nbufs)]
    return json.loads(frame[offsets[0]:offsets[1] if nbufs > 1 else None])


async def _page(client, url: str, visitor: Visitor, start: float, deadline: float) -> tuple[str, float]:
    """Fetch the app page, following busy pages as the page's own script does; returns (html, retry)."""
    from tornado.httpclient import HTTPClientError, HTTPRequest

    while True:
        buf = bytearray()

        def chunk(data: bytes, buf: bytearray = buf) -> None:
            buf.extend(data)
            if visitor.first is None:
                at = buf.find(CHART_MARK)
                if at >= 0 and buf.find(b">", at) >= 0:
                    visitor.first = time.monotonic() - start

        request = HTTPRequest(url, streaming_callback=chunk, connect_timeout=30,
                              request_timeout=max(1.0, deadline - time.monotonic()))
        try:
            await client.fetch(request)
            return buf.decode("utf-8", "replace"), 0.0
        except HTTPClientError as exc:
            if exc.code != 503:
                raise
            visitor.busy_pages += 1
            text = buf.decode("utf-8", "replace")
            found = re.search(r'data-retry="(\d+)"', text)
            wait = int(found.group(1)) if found else 10
            await asyncio.sleep(wait * (1 + random.random() * 0.5))
            if time.monotonic() > deadline:
                raise TimeoutError("still busy at the deadline") from exc


async def http_visitor(base: str, notebook: str, delay: float, timeout: float, hold: asyncio.Event,
                       visitor: Visitor) -> None:
    """An HTTP + websocket visitor (see the module's description)."""
    from tornado.httpclient import AsyncHTTPClient
    from tornado.websocket import websocket_connect

    await asyncio.sleep(delay)
    start = time.monotonic()
    deadline = start + timeout
    client = AsyncHTTPClient(force_instance=True, max_body_size=64 * MIB)
    ws = None
    try:
        html, _ = await _page(client, f"{base}voila/render/{notebook}", visitor, start, deadline)
        visitor.front_pages += PRELUDE_MARK in html  # our first chart sent ahead in a crowd
        config = re.search(r'<script id="jupyter-config-data" type="application/json">\s*(.*?)\s*</script>',
                           html, re.S)
        kernel_id = json.loads(config.group(1))["kernelId"]  # type: ignore[union-attr]
        session = uuid.uuid4().hex
        ws_url = base.replace("http", "ws", 1) + f"api/kernels/{kernel_id}/channels?session_id={session}"
        ws = await asyncio.wait_for(websocket_connect(ws_url, max_message_size=64 * MIB),
                                    max(1.0, deadline - time.monotonic()))
        _comm, states = await widget_states(ws, session, deadline)
        if LIVE_MARK not in json.dumps(states):
            raise RuntimeError("widget states without the app's chart")
        visitor.live = time.monotonic() - start
        if visitor.first is None:  # default Voilà: the chart arrives with the widget states
            visitor.first = visitor.live
        await hold.wait()  # stay connected (an idle visitor) until the memory is measured
    except Exception as exc:
        visitor.error = f"{type(exc).__name__}: {exc}"[:200]
    finally:
        if ws is not None:
            ws.close()
        client.close()


async def browser_visitor(context, base: str, notebook: str, delay: float, timeout: float,  # type: ignore[no-untyped-def]
                          hold: asyncio.Event, visitor: Visitor) -> None:
    """A real browser (chromium), timed on the page's clock; our busy page reloads itself."""
    await asyncio.sleep(delay)
    start = time.monotonic()
    page = await context.new_page()
    try:
        await page.goto(f"{base}voila/render/{notebook}", timeout=timeout * 1000, wait_until="commit")
        with contextlib.suppress(Exception):  # our first chart sent ahead in a crowd (cantik.apps.front)
            await page.wait_for_selector("main", state="attached", timeout=min(timeout, 30) * 1000)
            visitor.front_pages += min(1, await page.locator(f"[{PRELUDE_MARK}]").count())
        while True:
            remaining = timeout - (time.monotonic() - start)
            if remaining <= 0:
                raise TimeoutError("no live app within the time-out")
            try:
                await page.wait_for_function("window.__cantik && window.__cantik.live !== null", polling=100,
                                             timeout=min(remaining, 5) * 1000)
                break
            except Exception:
                if await page.locator(".cantik-busy[data-retry]").count():  # a busy line: it reloads
                    visitor.busy_pages += 1
                    with contextlib.suppress(Exception):
                        await page.wait_for_event("load", timeout=30_000)
        timing = await page.evaluate("window.__cantik")
        # page clock: from this page's navigation start (a reload restarts it): add the time before it
        nav = (time.monotonic() - start) - (await page.evaluate("performance.now()")) / 1000
        visitor.first = nav + timing["first"] / 1000 if timing["first"] is not None else None
        visitor.live = nav + timing["live"] / 1000
        await hold.wait()
    except Exception as exc:
        visitor.error = f"{type(exc).__name__}: {exc}"[:200]
    finally:
        with contextlib.suppress(Exception):
            await page.close()


# ------------------------------------------------------------------------------------------ memory
def _smaps(pid: int) -> tuple[int, int]:
    """(PSS, USS) of one process, bytes (``/proc/PID/smaps_rollup``)."""
    pss = uss = 0
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("Pss",):
                pss += int(rest.split()[0]) * 1024
            elif key in ("Private_Clean", "Private_Dirty"):
                uss += int(rest.split()[0]) * 1024
    return pss, uss


def _cpu(pid: int) -> float:
    """Seconds of CPU (user + system) a process has spent so far; 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _tree(pid: int) -> dict[int, list[int]]:
    """Children of every process below ``pid`` (``/proc/*/stat``)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            with contextlib.suppress(OSError, ValueError, IndexError):
                data = Path(entry.path, "stat").read_bytes()
                ppid = int(data[data.rindex(b")") + 2:].split()[1])
                children.setdefault(ppid, []).append(int(entry.name))
    return children


def _below(pid: int, children: dict[int, list[int]]) -> list[int]:
    out, todo = [], list(children.get(pid, []))
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _cmdline(pid: int) -> str:
    with contextlib.suppress(OSError):
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    return ""


def measure(server_pid: int, run: Run) -> None:
    """Kernels, PSS per visitor kernel and the total of the server's process tree."""
    children = _tree(server_pid)
    procs = [server_pid, *_below(server_pid, children)]
    zygote = next((p for p in procs if "cantik.sandbox.zygote serve" in _cmdline(p)
                   and _cmdline(p).startswith(sys.executable)), None)
    per_visitor: list[list[int]] = []
    if zygote is not None:  # ours: each child of the zygote is one visitor's monitor (with init, kernel)
        per_visitor = [[m, *_below(m, children)] for m in children.get(zygote, [])]
    else:  # default: each kernel is a child of the server
        per_visitor = [[k, *_below(k, children)] for k in children.get(server_pid, [])
                       if "ipykernel" in _cmdline(k)]
    visitor_pids = {p for group in per_visitor for p in group}
    run.kernels = len(per_visitor)
    if per_visitor:
        run.kernel_cpu = statistics.mean(sum(_cpu(p) for p in g) for g in per_visitor)
    sizes = {p: _smaps(p) for p in procs}
    run.total_pss = sum(pss for pss, _ in sizes.values())
    if per_visitor:
        run.pss_per_kernel = statistics.mean(sum(sizes.get(p, (0, 0))[0] for p in g) for g in per_visitor)
        run.uss_per_kernel = statistics.mean(sum(sizes.get(p, (0, 0))[1] for p in g) for g in per_visitor)
    run.shared = run.total_pss - int(sum(sizes.get(p, (0, 0))[1] for p in visitor_pids))


# ------------------------------------------------------------------------------------------ one run
def _refused(log: Path) -> int:
    text = log.read_text(errors="replace") if log.exists() else ""
    return len(re.findall(r"cantik: busy page for", text))


async def crowd(base: str, notebook: str, n: int, browsers: int, timeout: float, server_pid: int,
                run: Run) -> None:
    """N visitors arriving within one second; measure once every visitor is live (or has failed)."""
    from playwright.async_api import async_playwright

    rng = random.Random(n)
    delays = sorted(rng.uniform(0, 1) for _ in range(n)) if n > 1 else [0.0]
    sample = set(rng.sample(range(n), min(browsers, n)))
    hold = asyncio.Event()
    run.visitors = [Visitor(browser=i in sample) for i in range(n)]
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = await browser.new_context(viewport={"width": 390, "height": 900})
        await context.add_init_script(TIMING_SCRIPT)
        tasks = [
            asyncio.ensure_future(
                browser_visitor(context, base, notebook, d, timeout, hold, v) if v.browser
                else http_visitor(base, notebook, d, timeout, hold, v))
            for d, v in zip(delays, run.visitors, strict=True)
        ]
        end = time.monotonic() + timeout + 2
        while time.monotonic() < end and not all(v.live is not None or v.error for v in run.visitors):
            await asyncio.sleep(0.2)
        await asyncio.sleep(1.0)  # the last kernels settle (idle) before their memory is read
        measure(server_pid, run)
        hold.set()
        await asyncio.wait(tasks, timeout=30)
        for v in run.visitors:
            if v.live is None and not v.error:
                v.error = "no live app within the time-out"
        await browser.close()


def run_one(profile: str, n: int, notebook: str, browsers: int, timeout: float, home: Path,
            work: Path, production: dict[str, int] | None = None) -> Run:
    from cantik.apps.server import voila_command
    from tests.servers import free_port, running

    port = free_port()
    # room for the crowd: the production culler and pools as configured; the limit stays as configured
    extra = dict(production or {}) if profile == "production" else {}
    cmd, env = voila_command(port, work / f"{profile}-{n}", profile=profile, root=ROOT / "voila_apps",
                             **extra)
    env["CANTIK_HOME"] = str(home)
    log = work / f"voila-{profile}-{n}.log"
    base = f"http://127.0.0.1:{port}/"
    run = Run(profile, n)
    try:
        with running(cmd, base, env=env, log=log, timeout=180, grace=90) as proc:
            if profile == "production":  # every pool has started and run its app (the cache is filled)
                deadline = time.monotonic() + 180
                cached = f"first paint of {notebook.removesuffix('.ipynb')} cached"
                while ((log.read_text(errors="replace").count("is filled with") < 7
                        or cached not in log.read_text(errors="replace")) and time.monotonic() < deadline):
                    time.sleep(0.2)
            _wait_until_quiet(proc.pid, timeout=120)
            run.load_before = os.getloadavg()
            cpu_before = _cpu(proc.pid)
            asyncio.run(crowd(base, notebook, n, browsers, timeout, proc.pid, run))
            run.server_cpu = _cpu(proc.pid) - cpu_before
            run.load_after = os.getloadavg()
            run.busy_refused = _refused(log)
    except AssertionError as exc:  # the server was slow to stop (a loaded machine): noted
        print(f"  note ({profile}, N={n}): {exc}", flush=True)
    return run


# ------------------------------------------------------------------------------------------ report
def _p(values: list[float], q: float) -> float:
    return _percentile(values, q) if values else float("nan")


def summary(run: Run) -> dict[str, float]:
    firsts = [v.first for v in run.visitors if v.first is not None]
    lives = [v.live for v in run.visitors if v.live is not None]
    return {
        "first50": _p(firsts, 0.5), "first95": _p(firsts, 0.95),
        "live50": _p(lives, 0.5), "live95": _p(lives, 0.95),
        "failures": sum(1 for v in run.visitors if v.error),
        "busy": sum(v.busy_pages for v in run.visitors),
        "front": sum(v.front_pages for v in run.visitors),
        "kernels": run.kernels,
        "pss": run.pss_per_kernel / MIB, "total": run.total_pss / MIB,
        "idle500": (run.shared + 500 * run.uss_per_kernel) / MIB / 1024,
        "server_cpu": run.server_cpu / max(run.n, 1), "kernel_cpu": run.kernel_cpu,
    }


def report(runs: list[Run]) -> bool:
    print()
    head = (f"{'N':>4s} {'profile':10s} {'first chart p50/p95 (s)':>24s} {'live app p50/p95 (s)':>22s} "
            f"{'fail':>4s} {'busy':>4s} {'front':>5s} {'kernels':>7s} {'PSS/kernel MiB':>14s} "
            f"{'total MiB':>9s} {'500 idle GiB':>12s} {'load before/after':>18s}")
    print(head)
    print("-" * len(head))
    ok = True
    by_n: dict[int, dict[str, dict[str, float]]] = {}
    for run in runs:
        s = by_n.setdefault(run.n, {})[run.profile] = summary(run)
        print(f"{run.n:4d} {run.profile:10s} {s['first50']:11.2f} / {s['first95']:5.2f}    "
              f"{s['live50']:9.2f} / {s['live95']:5.2f}    {s['failures']:4d} {s['busy']:4d} "
              f"{s['front']:5d} {s['kernels']:7d} "
              f"{s['pss']:14.1f} {s['total']:9.0f} {s['idle500']:12.1f} "
              f"{run.load_before[0]:8.1f} / {run.load_after[0]:5.1f}")
    print()
    print("Ratios ours / default (lower is better):")
    for n, profiles in sorted(by_n.items()):
        d, o = profiles.get("default"), profiles.get("production")
        if not d or not o:
            continue
        def ratio(key: str, d: dict = d, o: dict = o) -> str:
            return f"{o[key] / d[key]:.2f}x" if d[key] and d[key] == d[key] and o[key] == o[key] else "n/a"
        print(f"  N={n:3d}: first chart p95 {ratio('first95')}, live app p95 {ratio('live95')}, "
              f"PSS per kernel {ratio('pss')}, total memory {ratio('total')}")
    for run in runs:
        errors = sorted({v.error for v in run.visitors if v.error})
        if errors:
            print(f"  {run.profile} N={run.n} failures: {'; '.join(errors[:3])}")
    fifty = by_n.get(50, {}).get("production")
    if fifty:
        checks = {
            "first chart p95 <= 1.0 s": fifty["first95"] <= 1.0,
            "live app p95 <= 5 s": fifty["live95"] <= 5.0,
            "no failures": fifty["failures"] == 0,
            "PSS per visitor kernel <= 40 MiB": fifty["pss"] <= 40,
            "500 idle visitors fit in 24 GiB": fifty["idle500"] <= 24,
        }
        print()
        print("Targets at N=50 (ours): "
              + ", ".join(f"{k}: {'yes' if v else 'NO'}" for k, v in checks.items()))
        ok = all(checks.values())
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,10,50,100", help="crowd sizes (visitors within one second)")
    parser.add_argument("--browsers", type=int, default=3,
                        help="real browsers among the visitors of a crowd")
    parser.add_argument("--app", default="rata_median", help="the app the crowd opens (slug)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds each visitor is given")
    parser.add_argument("--max", type=int, default=200, help="largest crowd allowed")
    parser.add_argument("--profiles", default="default,production")
    parser.add_argument("--visitor-nice", type=int, default=10,
                        help="niceness of our visitor kernels (-1: each at full weight in its own session)")
    parser.add_argument("--renders-at-once", type=int, default=-1,
                        help="our pages rendered at once (-1: no limit, Voilà's way; 0: twice the CPUs)")
    parser.add_argument("--front-after", type=int, default=1,
                        help="pages in flight from which our first chart is sent ahead (-1: never)")
    parser.add_argument("--keep", type=Path, help="keep the server logs and configs in this folder")
    args = parser.parse_args(argv)
    # Started in the background by a non-interactive shell, this process ignores SIGINT, and so would the
    # servers it starts (an ignored signal is inherited): they must stop on Ctrl-C as in a terminal.
    signal.signal(signal.SIGINT, signal.default_int_handler)

    from cantik.apps.registry import by_slug
    from cantik.data.generate import generate

    sizes = [int(s) for s in args.sizes.split(",") if s]
    if max(sizes) > args.max:
        parser.error(f"crowds above --max {args.max} are not run")
    profiles = [p for p in args.profiles.split(",") if p]
    notebook = by_slug(args.app).notebook
    work = args.keep or Path(tempfile.mkdtemp(prefix="cantik-crowd-"))
    work.mkdir(parents=True, exist_ok=True)
    home = work / "home"
    generate(home / "datasets")
    os.environ["CANTIK_HOME"] = str(home)
    print(f"{notebook}: crowds of {sizes} within one second, {args.browsers} browsers each, our visitor "
          f"kernels at niceness {args.visitor_nice}, first chart ahead from {args.front_after} page(s) in "
          f"flight, renders at once {args.renders_at_once}; "
          f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    runs = []
    try:
        for n in sizes:  # the profiles interleaved: the machine's other load hits both alike
            for profile in profiles:
                run = run_one(profile, n, notebook, args.browsers, args.timeout, home, work,
                              {"visitor_nice": args.visitor_nice, "front_after": args.front_after,
                               "renders_at_once": args.renders_at_once})
                s = summary(run)
                print(f"  {profile:10s} N={n:3d}: first chart p95 {s['first95']:.2f} s, live p95 "
                      f"{s['live95']:.2f} s, failures {s['failures']}, busy pages {s['busy']}, kernels "
                      f"{s['kernels']}, PSS/kernel {s['pss']:.1f} MiB; CPU per visitor: server "
                      f"{s['server_cpu']:.2f} s, kernel {s['kernel_cpu']:.2f} s", flush=True)
                runs.append(run)
        ok = report(runs)
        print(f"load average after the run: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
