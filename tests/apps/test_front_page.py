"""The front page for crowds (cantik.apps.front): the cached first chart at once, the live app when ready.

Production Voilà servers (``python -m cantik.apps.front``) on one app:

* ``front_after=0`` (front page whenever the chart is cached): what the page holds and what goes straight
  to Voilà (the live page, a place without a cached chart), hostile query strings, and in Debian chromium
  the static chart at once, then the live app in the frame taking the window, and working;
* ``front_after=1`` (production): visitors arriving together while pages are being rendered get the front
  page, the first ones Voilà's page; once the server is quiet again a visitor gets Voilà's page directly.
"""

from __future__ import annotations

import concurrent.futures
import html
import re
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from cantik.apps.front import LIVE_ARG, WAITING_LINE
from cantik.apps.server import voila_command
from tests.servers import free_port, running

pytestmark = [pytest.mark.server, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
APP = "kalkulator_stunting.ipynb"
FRONT = '<iframe id="cantik-live"'
VOILA = 'id="jupyter-config-data"'


def _server(cantik_home: Path, work: Path, front_after: int) -> Iterator[tuple[str, Path]]:
    import shutil

    root = work / "apps"
    root.mkdir()
    shutil.copy(ROOT / "voila_apps" / APP, root / APP)
    port = free_port()
    cmd, env = voila_command(port, work / "config", root=root, front_after=front_after)
    env["CANTIK_HOME"] = str(cantik_home)
    log = work / "voila.log"
    with running(cmd, f"http://127.0.0.1:{port}/", env=env, log=log, timeout=180):
        deadline = time.monotonic() + 180  # the pool kernel renders the app: its first chart is cached
        while f"first paint of {APP.removesuffix('.ipynb')} cached" not in log.read_text(errors="replace"):
            assert time.monotonic() < deadline, "the pool kernel did not render the app"
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/", log


@pytest.fixture(scope="module")
def always(cantik_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A server that serves the front page whenever the app's first chart is cached."""
    yield from _server(cantik_home, tmp_path_factory.mktemp("front0"), front_after=0)


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=240) as resp:
        return resp.status, resp.read().decode("utf-8")


def test_the_front_page_holds_the_cached_chart_and_the_live_page_in_a_frame(always: tuple[str, Path]) -> None:
    base, log = always
    pooled = log.read_text(errors="replace").count("Using pre-heated kernel")
    status, page = _get(base + "voila/render/" + APP)
    assert status == 200 and FRONT in page and VOILA not in page
    assert 'class="cantik-chart-static"' in page and "DATA SINTETIS" in page  # chart, summary, notice
    assert WAITING_LINE in html.unescape(page) and '<html lang="id">' in page
    assert "<title>Kalkulator stunting</title>" in page
    frame = html.unescape(re.search(r'<iframe id="cantik-live" src="([^"]+)"', page).group(1))  # type: ignore[union-attr]
    assert frame == f"/voila/render/{APP}?{LIVE_ARG}=1"
    text = log.read_text(errors="replace")
    assert f"cantik: front page for {APP}" in text
    assert text.count("Using pre-heated kernel") == pooled  # a front page takes no kernel

    # The frame's page is Voilà's own, with the pooled kernel.
    status, live = _get(base + frame.lstrip("/"))
    assert status == 200 and VOILA in live and FRONT not in live
    assert log.read_text(errors="replace").count("Using pre-heated kernel") == pooled + 1


def test_what_has_no_cached_chart_goes_to_voila(always: tuple[str, Path]) -> None:
    base, _ = always
    # A place whose chart was never drawn (only the default place is drawn before visitors come): Voilà
    # renders it, so a front page never shows another place's numbers.
    status, page = _get(base + f"voila/render/{APP}?wilayah=malinau")
    assert status == 200 and VOILA in page and FRONT not in page


def test_a_hostile_query_string_stays_inside_the_frame_address(always: tuple[str, Path]) -> None:
    base, _ = always
    status, page = _get(base + f"voila/render/{APP}?x=%22%3E%3Cscript%3Ealert(1)%3C/script%3E")
    assert status == 200 and FRONT in page
    assert "<script>alert(1)" not in page
    frame = re.search(r'<iframe id="cantik-live" src="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert html.unescape(frame).startswith(f"/voila/render/{APP}?x=")


@pytest.mark.browser
def test_a_visitor_sees_the_chart_at_once_then_the_live_app_takes_its_place(
        browser: Browser, always: tuple[str, Path]) -> None:
    base, _ = always
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto(base + "voila/render/" + APP, wait_until="commit")
    expect(page.locator(".cantik-first-paint img.cantik-chart-static")).to_be_visible(timeout=30_000)
    expect(page.locator(".cantik-first-paint .cantik-synthetic")).to_contain_text("DATA SINTETIS")
    expect(page.get_by_role("status")).to_contain_text("Grafik di atas sudah bisa dibaca")
    # The live app comes in the frame, which then takes the whole window.
    frame = page.frame_locator("#cantik-live")
    expect(frame.locator(".cantik-app img.cantik-chart")).to_be_visible(timeout=120_000)
    expect(page.locator("html.cantik-live-ready")).to_have_count(1, timeout=30_000)
    expect(page.locator("#cantik-live")).to_be_visible()
    box = page.locator("#cantik-live").bounding_box()
    assert box is not None and box["width"] == 390 and box["height"] == 900
    expect(frame.locator(".cantik-first-paint")).to_have_count(0)
    assert page.locator("main").get_attribute("aria-hidden") == "true"  # read once, in the frame
    # The live app works: a height typed in changes the chart; a wrong one gets the app's own message.
    chart = frame.locator(".cantik-app img.cantik-chart")
    before = chart.get_attribute("src")
    box_input = frame.get_by_label("Tinggi/panjang badan (cm)", exact=True)
    box_input.fill("78")
    box_input.press("Enter")
    expect(chart).not_to_have_attribute("src", before or "", timeout=30_000)
    box_input.fill("abc")
    box_input.press("Enter")
    expect(frame.locator(".cantik-app")).to_contain_text("harus berupa angka", timeout=30_000)
    page.close(run_before_unload=True)


@pytest.fixture(scope="module")
def production(cantik_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A server with the production setting: the front page while one page or more is being rendered."""
    yield from _server(cantik_home, tmp_path_factory.mktemp("front1"), front_after=1)


def test_a_crowd_gets_front_pages_and_a_quiet_server_voilas_page(production: tuple[str, Path]) -> None:
    base, log = production
    url = base + "voila/render/" + APP
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        pages = list(pool.map(lambda _: _get(url), range(8)))
    assert all(status == 200 for status, _ in pages)
    fronts = sum(FRONT in page for _, page in pages)
    voilas = sum(VOILA in page for _, page in pages)
    # The first visitor's page is rendered by Voilà; while it renders, the others get the front page.
    assert voilas >= 1 and fronts >= 1 and fronts + voilas == 8, (fronts, voilas)
    # Every rendered page has ended: the server is quiet again and the next visitor gets Voilà's page.
    status, page = _get(url)
    assert status == 200 and VOILA in page and FRONT not in page
    assert log.read_text(errors="replace").count("cantik: front page for") == fronts
