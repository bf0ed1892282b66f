"""The first chart never waits for a kernel, and a full server says so honestly (Debian chromium).

One production Voilà server with one app (one pool kernel) and a kernel limit of two:

* a visitor who gets no pooled kernel (a kernel is started for them) sees the app's first chart and
  summary from the server's cache before the live app, which then takes its place;
* at the limit, a visitor gets the busy page at once (HTTP 503): the cached first chart, the Indonesian
  line, no error; when kernels are freed, the page tries again by itself and the live app comes.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from benchmarks.voila import TIMING_SCRIPT
from cantik.apps.server import voila_command
from tests.servers import free_port, running

pytestmark = [pytest.mark.browser, pytest.mark.server, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
APP = "kalkulator_stunting.ipynb"


@pytest.fixture()  # one server per test: a kernel left by the other test would count against the limit
def server(cantik_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Production Voilà on one app, at most two kernels, busy pages retrying after 2 s, kernels whose page
    closed culled 5 s after under pressure."""
    import shutil

    work = tmp_path_factory.mktemp("crowd")
    root = work / "apps"
    root.mkdir()
    shutil.copy(ROOT / "voila_apps" / APP, root / APP)
    port = free_port()
    cmd, env = voila_command(port, work / "config", root=root, max_kernels=2, retry_seconds=2,
                             pressure_cull_disconnected=5)
    env["CANTIK_HOME"] = str(cantik_home)
    log = work / "voila.log"
    with running(cmd, f"http://127.0.0.1:{port}/", env=env, log=log, timeout=180):
        yield f"http://127.0.0.1:{port}/", log


def _cached(log: Path, timeout: float = 180.0) -> None:
    """Wait until the pool kernel has rendered the app and the server cached its first paint."""
    deadline = time.monotonic() + timeout
    while f"first paint of {APP.removesuffix('.ipynb')} cached" not in log.read_text(errors="replace"):
        assert time.monotonic() < deadline, "the pool kernel did not render the app"
        time.sleep(0.2)


def _live(page: Page) -> None:
    expect(page.locator(".cantik-app img.cantik-chart")).to_be_visible(timeout=120_000)
    expect(page.locator(".cantik-first-paint")).to_have_count(0)


def test_a_visitor_without_a_pooled_kernel_sees_the_cached_first_paint(browser: Browser,
                                                                      server: tuple[str, Path]) -> None:
    base, log = server
    _cached(log)  # the pool kernel has rendered the app: its first paint is in the server's cache
    used = log.read_text(errors="replace").count("Using pre-heated kernel")
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.add_init_script(TIMING_SCRIPT)

    # A page whose theme argument differs from the pool's is never served from the pool (Voilà's rule):
    # a kernel is started for this visitor. The cached first paint comes first all the same.
    page.goto(base + "voila/render/" + APP + "?theme=JupyterLab%20Light", wait_until="commit")
    expect(page.locator(".cantik-first-paint img.cantik-chart-static")).to_be_visible(timeout=60_000)
    expect(page.locator(".cantik-first-paint .cantik-synthetic")).to_contain_text("DATA SINTETIS")
    assert page.locator(".cantik-summary-static").inner_text().strip()
    _live(page)
    timing = page.evaluate("window.__cantik")
    assert timing["first"] < timing["live"]  # the static chart was on screen before the live app
    assert log.read_text(errors="replace").count("Using pre-heated kernel") == used  # not a pool kernel
    page.close(run_before_unload=True)


def test_at_the_limit_the_busy_page_shows_the_chart_and_retries(browser: Browser,
                                                               server: tuple[str, Path]) -> None:
    base, log = server
    _cached(log)
    first = browser.new_page()
    first.goto(base + "voila/render/" + APP)
    _live(first)  # kernel 1 (the pool's), and its refill: kernel 2 (the limit)
    second = browser.new_page()
    second.goto(base + "voila/render/" + APP)
    _live(second)  # takes the refilled pool kernel; no third kernel may start
    busy = browser.new_page(viewport={"width": 390, "height": 900})
    response = busy.goto(base + "voila/render/" + APP)
    assert response is not None and response.status == 503
    line = busy.locator(".cantik-busy")
    expect(line).to_contain_text("Aplikasi interaktif sedang ramai; grafik di atas tetap bisa dibaca")
    expect(busy.locator(".cantik-first-paint img.cantik-chart-static")).to_be_visible()
    assert "Traceback" not in busy.content() and "503" not in busy.locator("body").inner_text()
    # Two visitors leave. Voilà keeps their kernels (no page connected) until they are culled: under
    # pressure that is soon; the pool refills and the busy page, retrying by itself, gets the live app.
    first.close(run_before_unload=True)
    second.close(run_before_unload=True)
    _live(busy)
    text = log.read_text(errors="replace")
    assert "cantik: busy page for kalkulator_stunting" in text
    assert "culled (no page connected" in text
    busy.close(run_before_unload=True)
