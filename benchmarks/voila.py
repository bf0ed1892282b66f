"""Voilà apps: default Voilà against our production configuration, same notebooks, same run.

For each profile a real ``voila`` server is started on ``voila_apps/`` (synthetic datasets generated into a
temporary folder) and Debian chromium (Playwright) loads every app ``--loads`` times. Per app it measures:

* time to first chart: from the browser's navigation start to the first frame in which a chart is on
  screen (decoded, laid out, visible), on the page's own clock (``performance.now()`` in
  ``requestAnimationFrame``); median of the loads. With our configuration this is usually the static first
  paint that our template writes into the page HTML (the preheated chart; ``AppBase.first_paint_html``);
* time to live app: to the first frame in which the live widget app shows its chart and its controls
  (interactive), reported next to it so nothing is hidden; the static block must be gone by then (checked
  on every load). The wall-clock time around Playwright's ``goto`` + wait for the live app is printed too;
* update latency: from just before a control change (typing, a click, a key on a slider) to the new chart
  in the page, on the page's clock (p50 and p95 over ``--changes`` changes per load; includes the
  Playwright round trip that performs the change, a few ms);
* memory per visitor kernel: RSS (and USS, memory only that kernel holds) of the kernel serving the page,
  after the changes (median over the loads).

With our configuration the pool is refilled between loads (we wait for Voilà's "Kernel pool ... is filled"
log line, then for the server's processes to fall quiet, i.e. the new pool kernel has run its notebook):
this measures a visitor who arrives at a warm pool, which is the point of preheating; the
control changes are timed after that refill is over (on the 2-core machine the refill, a kernel start and
a notebook run, would otherwise compete with the first clicks: a visitor reading the page for a few
seconds does not meet it). Both profiles get the same pause between loads. Each page is closed with
``beforeunload`` so Voilà shuts its kernel down.

Which changes render: typed values (stunting, persen_poin) are new every time and sampel draws a new
sample, so their charts are always rendered; the toggle, slider and list changes alternate between two
states, which the apps may serve from their render cache (a preheated kernel renders the likely next
states ahead, see ``AppBase.prefetch``). So that the rendering itself is measured for every app too, the
run starts with ``render_costs``: CPU time of an update that must render, in this process, the old way
(a new figure per update, glyphs as SVG paths) against ours (figure reused, SVG text), interleaved.

The machine is shared: the load average before and after the run is printed with the figures.

Targets (issue 7): first chart <= 1.0 s median, update p95 <= 150 ms, memory per visitor <= default.

    .venv/bin/python benchmarks/voila.py [--loads 10] [--changes 3] [--apps stunting,profil] [--keep DIR]
                                         [--without-first-paint] [--render-only]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM = os.environ.get("CANTIK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
MIB = 1024 * 1024

#: Records, on the page's clock: ``first``, the first frame in which a chart is on screen, decoded and laid
#: out (the static first paint of our template, ``img.cantik-chart-static``, or the live widget's
#: ``img.cantik-chart``); ``live``, the first frame in which the live app shows its chart and its controls
#: (the widgets are rendered and connected to the kernel: the page is interactive); and, for updates,
#: ``last``, when the live chart's image last changed. Frames are ``requestAnimationFrame`` callbacks,
#: which run just before the browser paints.
TIMING_SCRIPT = """
window.__cantik = {first: null, live: null, last: null, src: null};
function __cantikShown(img) {
  if (!img || !img.complete || img.naturalWidth === 0) return false;
  const r = img.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(img).visibility !== 'hidden';
}
function __cantikFrame(now) {
  const c = window.__cantik;
  if (c.first === null && (__cantikShown(document.querySelector('img.cantik-chart-static')) ||
                           __cantikShown(document.querySelector('img.cantik-chart')))) c.first = now;
  if (c.live === null && __cantikShown(document.querySelector('.cantik-app img.cantik-chart')) &&
      document.querySelector('.cantik-app input, .cantik-app button, .cantik-app select')) c.live = now;
  if (c.live === null) requestAnimationFrame(__cantikFrame);
}
requestAnimationFrame(__cantikFrame);
new MutationObserver(() => {
  const img = document.querySelector('img.cantik-chart');
  if (img && img.getAttribute('src') !== window.__cantik.src) {
    window.__cantik.src = img.getAttribute('src');
    window.__cantik.last = performance.now();
  }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['src']});
"""


def _fill_new(label: str, start: float, step: float) -> Callable[[object, int], None]:
    """Type a value never typed before (so the chart is rendered, never taken from the render cache)."""

    def act(page, i: int) -> None:  # type: ignore[no-untyped-def]
        act.count = getattr(act, "count", 0) + 1  # type: ignore[attr-defined]
        box = page.get_by_label(label, exact=True)
        box.fill(f"{start + step * act.count:.2f}".replace(".", ","))  # type: ignore[attr-defined]
        box.press("Enter")

    return act


def _click(a: str, b: str | None = None) -> Callable[[object, int], None]:
    def act(page, i: int) -> None:  # type: ignore[no-untyped-def]
        name = a if (i % 2 == 0 or b is None) else b
        page.get_by_role("button", name=name, exact=True).first.click()

    return act


def _slider(label: str) -> Callable[[object, int], None]:
    def act(page, i: int) -> None:  # type: ignore[no-untyped-def]
        # By the visible label: Voilà's default template gives the slider handle no accessible name.
        handle = page.locator(".widget-slider", has_text=label).get_by_role("slider")
        handle.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")

    return act


def _select(label: str, a: str, b: str) -> Callable[[object, int], None]:
    def act(page, i: int) -> None:  # type: ignore[no-untyped-def]
        page.get_by_label(label, exact=True).select_option(label=a if i % 2 == 0 else b)

    return act


#: One control change per app that always changes the chart. Typed values are new every time (the chart
#: is rendered); a toggle, a slider step, a list choice alternates between two states, as a visitor trying
#: both would, and the apps may serve those from their render cache (see :meth:`AppBase.prefetch`); a new
#: sample is always drawn. ``render_costs`` measures the rendering itself for every app.
CHANGES: dict[str, Callable[[object, int], None]] = {
    "stunting": _fill_new("Tinggi/panjang badan (cm)", 78.0, 0.07),
    "rata_median": _slider("Keluarga sangat kaya yang ditambahkan"),
    "persen_poin": _fill_new("Angka akhir (%)", 3.0, 0.01),
    "profil": _click("Persen", "Jumlah jiwa"),
    "grafik": _click("Dipotong", "Mulai dari 0"),
    "sampel": _click("Ambil 1 sampel lagi"),
    "ampunku": _select("Tujuan", "RSUD", "Puskesmas"),
}


@dataclass
class AppFigures:
    first_chart: list[float] = field(default_factory=list)  # seconds, page clock: a chart is painted
    live: list[float] = field(default_factory=list)  # seconds, page clock: live chart and controls shown
    static_first: int = 0  # loads whose first chart was the static first paint
    first_chart_wall: list[float] = field(default_factory=list)  # seconds, around Playwright
    updates: list[float] = field(default_factory=list)  # seconds
    rss: list[int] = field(default_factory=list)  # bytes
    uss: list[int] = field(default_factory=list)  # bytes


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def _kernel_process(server_pid: int, kernel_id: str):  # type: ignore[no-untyped-def]
    import psutil

    for proc in psutil.Process(server_pid).children(recursive=True):
        try:
            if any(kernel_id in part for part in proc.cmdline()):
                return proc
        except psutil.Error:
            continue
    return None


def _kernel_memory(server_pid: int, kernel_id: str) -> tuple[int, int]:
    proc = _kernel_process(server_pid, kernel_id)
    if proc is None:
        return 0, 0
    info = proc.memory_full_info()
    return info.rss, info.uss


def _pool_fills(log: Path, notebook: str) -> int:
    text = log.read_text(errors="replace") if log.exists() else ""
    return len(re.findall(rf"Kernel pool of {re.escape(notebook)} is filled", text))


def _wait_for_pool(log: Path, notebook: str, at_least: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while _pool_fills(log, notebook) < at_least:
        if time.monotonic() > deadline:
            raise TimeoutError(f"pool of {notebook} not refilled within {timeout} s")
        time.sleep(0.1)


def _wait_until_quiet(server_pid: int, timeout: float = 90.0, threshold: float = 15.0) -> None:
    """Wait until the server and its kernels use less than ``threshold`` % CPU together.

    Voilà logs "Kernel pool ... is filled" when a pool kernel has *started*; it then still runs the
    notebook. Quiet CPU is the sign that the pool kernels have finished their notebooks.
    """
    import psutil

    deadline = time.monotonic() + timeout
    server = psutil.Process(server_pid)
    while time.monotonic() < deadline:
        procs = [server, *server.children(recursive=True)]
        for p in procs:
            with contextlib.suppress(psutil.Error):
                p.cpu_percent(None)
        time.sleep(0.5)
        total = 0.0
        for p in procs:
            with contextlib.suppress(psutil.Error):
                total += p.cpu_percent(None)
        if total < threshold:
            return
    print(f"  (server still busy after {timeout} s; measuring anyway)")


def run_profile(profile: str, slugs: list[str], loads: int, changes: int, home: Path, work: Path,
                pause: float, first_paint: bool = True) -> dict[str, AppFigures]:
    from playwright.sync_api import sync_playwright

    from cantik.apps.registry import by_slug
    from cantik.apps.server import voila_command
    from tests.servers import free_port, running

    port = free_port()
    cmd, env = voila_command(port, work / profile, profile=profile, root=ROOT / "voila_apps")
    env["CANTIK_HOME"] = str(home)
    env["CANTIK_FIRST_PAINT"] = "1" if first_paint else "0"
    name = profile if first_paint else f"{profile}-no-first-paint"
    log = work / f"voila-{name}.log"
    base = f"http://127.0.0.1:{port}/"
    results: dict[str, AppFigures] = {}
    with running(cmd, base, env=env, log=log, timeout=120) as proc, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 390, "height": 900})
        context.add_init_script(TIMING_SCRIPT)
        if profile == "production":  # the server is ready when every pool is warm
            for nb in sorted(p.name for p in (ROOT / "voila_apps").glob("*.ipynb")):
                _wait_for_pool(log, nb, at_least=1, timeout=180)
            _wait_until_quiet(proc.pid)
        for slug in slugs:
            notebook = by_slug(slug).notebook
            figures = results[slug] = AppFigures()
            for i in range(loads):
                if profile == "production":
                    _wait_for_pool(log, notebook, at_least=i + 1)
                _wait_until_quiet(proc.pid)
                time.sleep(pause)
                page = context.new_page()
                t0 = time.perf_counter()
                page.goto(base + "voila/render/" + notebook, timeout=120_000)
                page.wait_for_function("window.__cantik.live !== null", polling=100, timeout=120_000)
                figures.first_chart_wall.append(time.perf_counter() - t0)
                timing = page.evaluate("window.__cantik")
                figures.first_chart.append(timing["first"] / 1000)
                figures.live.append(timing["live"] / 1000)
                # The static block must be gone once the live app is up (else the chart is shown twice).
                left = page.evaluate("document.querySelectorAll('.cantik-first-paint').length")
                if left:
                    raise RuntimeError(f"{slug}: static first paint still on the page with the live app")
                figures.static_first += timing["first"] < timing["live"]
                if profile == "production":  # changes are timed once the pool refill is over
                    _wait_for_pool(log, notebook, at_least=i + 2)
                    _wait_until_quiet(proc.pid)
                for j in range(changes):
                    start = page.evaluate("window.__cantik.start = performance.now()")
                    CHANGES[slug](page, j)
                    page.wait_for_function("window.__cantik.last > window.__cantik.start", polling="raf",
                                           timeout=30_000)
                    figures.updates.append((page.evaluate("window.__cantik.last") - start) / 1000)
                kernel_id = page.evaluate(
                    "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
                rss, uss = _kernel_memory(proc.pid, kernel_id)
                figures.rss.append(rss)
                figures.uss.append(uss)
                page.close(run_before_unload=True)
                if profile == "default":
                    # Default Voilà refuses the page's shutdown request (no _xsrf token, voila #1458) and
                    # never culls: end the kernel here so 70 idle kernels do not pile up during the run.
                    time.sleep(0.3)
                    proc_k = _kernel_process(proc.pid, kernel_id)
                    if proc_k is not None:
                        proc_k.terminate()
            print(f"  {name:10s} {slug:12s} first chart {statistics.median(figures.first_chart):5.2f} s "
                  f"({figures.static_first}/{loads} static first paint), live "
                  f"{statistics.median(figures.live):5.2f} s (wall clock "
                  f"{statistics.median(figures.first_chart_wall):5.2f} s), update p50 "
                  f"{_percentile(figures.updates, 0.5) * 1000:4.0f} ms", flush=True)
        browser.close()
    return results


#: In-process control changes for :func:`render_costs`: each sets a new state (the cache is emptied).
def _render_change(slug: str, app, i: int) -> None:  # type: ignore[no-untyped-def]
    if slug == "stunting":
        app.height.value = f"{78 + (i % 40) * 0.1:.1f}".replace(".", ",")
    elif slug == "rata_median":
        app.extra_count.value = 1 + i % 20
    elif slug == "persen_poin":
        app.after.value = f"3,{i % 100:02d}"
    elif slug == "profil":
        app.scale.value = "persen" if i % 2 == 0 else "jumlah"
    elif slug == "grafik":
        app.truncate.value = i % 2 == 0
    elif slug == "sampel":
        app.new_sample()
    elif slug == "ampunku":
        app.tujuan.value = "RSUD" if i % 2 == 0 else "Puskesmas"


def render_costs(slugs: list[str], repeats: int = 12) -> dict[str, tuple[float, float, int, int]]:
    """CPU time of one update that must render its chart, in this process (no kernel, no browser).

    Baseline, measured in the same run: a new figure for every update and glyphs drawn as SVG paths
    (the apps before figure reuse). Ours: the app's figure and Axes reused, text as SVG text. The two are
    interleaved (baseline, ours, baseline, ...) so that other load on the machine hits both alike. Returns
    per app: median ms baseline, median ms ours, chart KiB baseline, chart KiB ours.
    """
    import importlib

    import matplotlib

    from cantik.apps import charts
    from cantik.apps.registry import by_slug

    results = {}
    for slug in slugs:
        module, cls = by_slug(slug).entry.split(":")
        app = getattr(importlib.import_module(module), cls)()
        times: dict[str, list[float]] = {"baseline": [], "ours": []}
        sizes: dict[str, int] = {}
        for i in range(2 * repeats + 2):
            mode = "baseline" if i % 2 == 0 else "ours"
            if mode == "baseline":
                app.figure = None  # AppBase.axes() then makes a new figure and Axes, as before
            # rcParams are applied when a figure is made (charts.new_figure); a reused one keeps them:
            # set both.
            fonttype = "path" if mode == "baseline" else "none"
            charts.FIGURE_STYLE["svg.fonttype"] = matplotlib.rcParams["svg.fonttype"] = fonttype
            try:
                app._renders.clear()
                t0 = time.process_time()
                _render_change(slug, app, i)
                elapsed = time.process_time() - t0
            finally:
                charts.FIGURE_STYLE["svg.fonttype"] = matplotlib.rcParams["svg.fonttype"] = "none"
            if app.status.message:
                raise RuntimeError(f"{slug}: {app.status.message}")
            if i >= 2:  # the first of each mode warms up
                times[mode].append(elapsed)
            sizes[mode] = len(app.chart.outputs[0]["data"]["text/html"])
        results[slug] = (statistics.median(times["baseline"]) * 1000, statistics.median(times["ours"]) * 1000,
                         sizes["baseline"] // 1024, sizes["ours"] // 1024)
    print()
    print("Rendering one update in-process (CPU ms, median of "
          f"{repeats}): new figure + glyph paths (before) | reused figure + SVG text (ours) | ratio")
    for slug, (base, ours, kib_b, kib_o) in results.items():
        print(f"  {slug:12s} {base:6.1f} | {ours:6.1f} | {ours / base:4.2f}x   "
              f"chart {kib_b:3d} KiB | {kib_o:3d} KiB")
    return results


def report(default: dict[str, AppFigures], ours: dict[str, AppFigures]) -> bool:
    print()
    print("Per app: default Voilà | our production configuration | ratio (ours / default)")
    header = (f"{'app':12s} {'first chart median (s)':>26s} {'live app median (s)':>24s} "
              f"{'update p50 (ms)':>24s} {'update p95 (ms)':>24s} {'kernel RSS (MiB)':>24s} "
              f"{'kernel USS (MiB)':>22s}")
    print(header)
    print("-" * len(header))
    ok = True
    for slug in ours:
        d, o = default[slug], ours[slug]
        fc_d, fc_o = statistics.median(d.first_chart), statistics.median(o.first_chart)
        lv_d, lv_o = statistics.median(d.live), statistics.median(o.live)
        p50_d, p50_o = _percentile(d.updates, 0.5) * 1000, _percentile(o.updates, 0.5) * 1000
        p95_d, p95_o = _percentile(d.updates, 0.95) * 1000, _percentile(o.updates, 0.95) * 1000
        rss_d, rss_o = statistics.median(d.rss) / MIB, statistics.median(o.rss) / MIB
        uss_d, uss_o = statistics.median(d.uss) / MIB, statistics.median(o.uss) / MIB
        print(f"{slug:12s} {fc_d:6.2f} | {fc_o:5.2f} | {fc_o / fc_d:4.2f}x   "
              f"{lv_d:6.2f} | {lv_o:5.2f} | {lv_o / lv_d:4.2f}x   "
              f"{p50_d:5.0f} | {p50_o:5.0f} | {p50_o / p50_d:4.2f}x   "
              f"{p95_d:5.0f} | {p95_o:5.0f} | {p95_o / p95_d:4.2f}x   "
              f"{rss_d:5.0f} | {rss_o:5.0f} | {rss_o / rss_d:4.2f}x   "
              f"{uss_d:4.0f} | {uss_o:4.0f} | {uss_o / uss_d:4.2f}x")
        ok &= fc_o <= 1.0 and p95_o <= 150 and rss_o <= rss_d * 1.05
    print()
    print("first chart: a chart painted (our static first paint or the live widget chart); live app: the "
          "live chart and its controls painted (interactive).")
    print("Targets: first chart <= 1.0 s (median), update p95 <= 150 ms, "
          "kernel memory <= default (+5 % noise).")
    print("All targets met." if ok else "Some targets missed (see rows above).")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loads", type=int, default=10, help="page loads per app and profile (>= 10)")
    parser.add_argument("--changes", type=int, default=3, help="control changes per load")
    parser.add_argument("--apps", default="", help="comma-separated app slugs (default: all)")
    parser.add_argument("--pause", type=float, default=0.5, help="seconds between loads, both profiles")
    parser.add_argument("--keep", type=Path, help="keep the server logs and configs in this folder")
    parser.add_argument("--without-first-paint", action="store_true",
                        help="also run our configuration with the static first paint switched off")
    parser.add_argument("--render-only", action="store_true",
                        help="only the in-process rendering costs (no server, no browser)")
    args = parser.parse_args(argv)

    from cantik.apps.registry import APPS
    from cantik.data.generate import generate

    slugs = [s for s in args.apps.split(",") if s] or [a.slug for a in APPS]
    unknown = set(slugs) - set(CHANGES)
    if unknown:
        parser.error(f"unknown apps: {sorted(unknown)}")
    work = args.keep or Path(tempfile.mkdtemp(prefix="cantik-voila-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    home = work / "home"
    generate(home / "datasets")
    os.environ["CANTIK_HOME"] = str(home)
    print(f"load average before the run: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    try:
        render_costs(slugs)
        if args.render_only:
            return 0
        print(f"{len(slugs)} apps, {args.loads} loads each, {args.changes} changes per load; logs in {work}")
        default = run_profile("default", slugs, args.loads, args.changes, home, work, args.pause)
        if args.without_first_paint:
            plain = run_profile("production", slugs, args.loads, args.changes, home, work, args.pause,
                                first_paint=False)
        ours = run_profile("production", slugs, args.loads, args.changes, home, work, args.pause)
        if args.without_first_paint:
            print("\nOur configuration WITHOUT the static first paint (ratios against default):")
            report(default, plain)
            print("\nOur configuration (with the static first paint):")
        ok = report(default, ours)
        print(f"load average after the run: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
