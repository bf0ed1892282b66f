"""In a crowd, the first chart is sent ahead of Voilà's page (cantik.apps.front).

Production Voilà servers (``python -m cantik.apps.front``) on one app:

* ``front_after=0`` (the chart sent ahead whenever it is cached), the app notebook given a first cell that
  sleeps 4 s, so that Voilà's page is slow to render on any machine: the chart arrives seconds before
  Voilà's page, which follows in the same response (its kernel and websocket as usual); a place without a
  cached chart gets Voilà's page alone; in Debian chromium the chart is on screen at once, once, and the
  live app then takes its place and works;
* ``front_after=0`` at the limit of kernels: the chart sent ahead, then the busy line and a retry;
* ``front_after=1`` (production): visitors arriving together while pages are being rendered get the chart
  ahead, the first one Voilà's page alone; once the server is quiet again a visitor gets Voilà's page alone.
"""

from __future__ import annotations

import concurrent.futures
import json
import re
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from cantik.apps.crowd import BUSY_LINE
from cantik.apps.front import PRELUDE_MARK
from cantik.apps.server import voila_command
from tests.servers import free_port, running

pytestmark = [pytest.mark.server, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
APP = "kalkulator_stunting.ipynb"
TITLE = "Kalkulator stunting – Kelas Cantik"
VOILA = 'id="jupyter-config-data"'
#: Bypasses the kernel pool (Voilà's rule: a page asking another theme than the pool's gets its own kernel).
OWN_KERNEL = "?theme=JupyterLab%20Light"
SLEEP = 4


def _server(cantik_home: Path, work: Path, *, slow: bool = False,
            **config: int) -> Iterator[tuple[str, Path]]:
    root = work / "apps"
    root.mkdir()
    nb = json.loads((ROOT / "voila_apps" / APP).read_text(encoding="utf-8"))
    if slow:  # Voilà's page takes seconds to render, whatever the machine
        nb["cells"].insert(0, {"cell_type": "code", "execution_count": None, "id": "tidur", "metadata": {},
                               "outputs": [], "source": f"import time\ntime.sleep({SLEEP})"})
    (root / APP).write_text(json.dumps(nb), encoding="utf-8")
    port = free_port()
    cmd, env = voila_command(port, work / "config", root=root, **config)
    env["CANTIK_HOME"] = str(cantik_home)
    log = work / "voila.log"
    with running(cmd, f"http://127.0.0.1:{port}/", env=env, log=log, timeout=180):
        deadline = time.monotonic() + 180  # the pool kernel renders the app: its first chart is cached
        while f"first paint of {APP.removesuffix('.ipynb')} cached" not in log.read_text(errors="replace"):
            assert time.monotonic() < deadline, "the pool kernel did not render the app"
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/", log


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=240) as resp:
        return resp.status, resp.read().decode("utf-8")


def _timed(url: str) -> tuple[str, float, float]:
    """The page, and the seconds after the request at which the chart sent ahead and the whole page came."""
    start = time.monotonic()
    seen = None
    buf = b""
    with urllib.request.urlopen(url, timeout=240) as resp:
        while chunk := resp.read1(65536):
            buf += chunk
            at = buf.find(PRELUDE_MARK.encode())
            if seen is None and at >= 0 and buf.find(b"cantik-chart-static", at) >= 0:
                seen = time.monotonic() - start
    assert seen is not None, "no chart sent ahead"
    return buf.decode("utf-8"), seen, time.monotonic() - start


@pytest.fixture(scope="module")
def ahead(cantik_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Sends the chart ahead whenever it is cached; Voilà's page is slow (a first cell sleeping 4 s)."""
    yield from _server(cantik_home, tmp_path_factory.mktemp("ahead"), slow=True, front_after=0)


def test_the_first_chart_comes_seconds_before_voilas_page_in_the_same_response(
        ahead: tuple[str, Path]) -> None:
    base, log = ahead
    page, chart_at, done_at = _timed(base + "voila/render/" + APP + OWN_KERNEL)
    assert done_at - chart_at >= SLEEP / 2, (chart_at, done_at)  # it did not wait for Voilà's renderer
    prelude = page[:page.index("<!DOCTYPE html>", 1)]  # Voilà's page begins with its own
    assert prelude.startswith("<!DOCTYPE html>") and '<html lang="id">' in prelude
    assert f"<title>{TITLE}</title>" in prelude
    assert 'class="cantik-chart-static"' in prelude and "DATA SINTETIS" in prelude  # chart, notice
    assert "cantik-summary-static" in prelude
    # Voilà's page follows, whole: its kernel, its title (the same), the end of the document.
    assert VOILA in page[len(prelude):] and page.rstrip().endswith("</html>")
    assert f"<title>{TITLE}</title>" in page[len(prelude):]
    assert "first chart of kalkulator_stunting.ipynb sent ahead" in log.read_text(errors="replace")


def test_a_place_without_a_cached_chart_gets_voilas_page_alone(ahead: tuple[str, Path]) -> None:
    base, _ = ahead
    # Only the default place is drawn before visitors come: a chart of another place is never sent.
    for query in ("?wilayah=malinau", "?wilayah=%22%3E%3Cscript%3Ealert(1)%3C/script%3E"):
        status, page = _get(base + "voila/render/" + APP + query)
        assert status == 200 and VOILA in page and PRELUDE_MARK not in page
        assert "<script>alert(1)" not in page


@pytest.mark.browser
def test_a_visitor_sees_the_chart_at_once_and_once_then_the_live_app(browser: Browser,
                                                                    ahead: tuple[str, Path]) -> None:
    base, _ = ahead
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto(base + "voila/render/" + APP + OWN_KERNEL, wait_until="commit")
    expect(page.locator(f"[{PRELUDE_MARK}] img.cantik-chart-static")).to_be_visible(timeout=30_000)
    expect(page.locator(".cantik-first-paint .cantik-synthetic")).to_contain_text("DATA SINTETIS")
    # Voilà's page has begun (its kernel still sleeping): the template's copy of the chart was dropped.
    expect(page.locator("main#rendered_cells")).to_be_attached(timeout=60_000)
    assert page.locator(".cantik-app").count() == 0
    expect(page.locator(".cantik-first-paint")).to_have_count(1)
    live = page.locator(".cantik-app img.cantik-chart")
    expect(live).to_be_visible(timeout=120_000)
    # Voilà's page was folded into this one: one title, its body attributes, the chart sent ahead gone.
    assert page.title() == TITLE and page.locator("html").get_attribute("lang") == "id"
    assert page.locator("body").get_attribute("data-base-url") == "/voila/"
    expect(page.locator(".cantik-first-paint")).to_have_count(0)
    expect(page.locator("img.cantik-chart")).to_have_count(1)
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    # The live app works: a height typed in changes the chart; a wrong one gets the app's own message.
    before = live.get_attribute("src")
    height = page.get_by_label("Tinggi/panjang badan (cm)", exact=True)
    height.fill("78")
    height.press("Enter")
    expect(live).not_to_have_attribute("src", before or "", timeout=30_000)
    height.fill("abc")
    height.press("Enter")
    expect(page.locator(".cantik-app")).to_contain_text("harus berupa angka", timeout=30_000)
    page.close(run_before_unload=True)


@pytest.fixture(scope="module")
def full(cantik_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Sends the chart ahead; one kernel at most (the pool's): every other page finds the server full."""
    yield from _server(cantik_home, tmp_path_factory.mktemp("full"), front_after=0, max_kernels=1,
                       retry_seconds=3)


def test_a_full_server_ends_the_page_with_the_busy_line_and_a_retry(full: tuple[str, Path]) -> None:
    base, log = full
    status, page = _get(base + "voila/render/" + APP + OWN_KERNEL)
    assert status == 200  # the chart went out first: the page says the rest
    assert page.index(PRELUDE_MARK) < page.index('class="cantik-busy"')
    assert BUSY_LINE in page and 'data-retry="3"' in page and "location.reload" in page
    assert VOILA not in page and "Traceback" not in page and page.rstrip().endswith("</html>")
    assert "cantik: busy page for kalkulator_stunting" in log.read_text(errors="replace")


@pytest.fixture(scope="module")
def production(cantik_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The production setting: the chart sent ahead while one page or more is being rendered."""
    yield from _server(cantik_home, tmp_path_factory.mktemp("production"), front_after=1)


def test_a_crowd_gets_the_chart_ahead_and_a_quiet_server_voilas_page(production: tuple[str, Path]) -> None:
    base, log = production
    url = base + "voila/render/" + APP
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        pages = list(pool.map(lambda _: _get(url), range(8)))
    assert all(status == 200 and VOILA in page for status, page in pages)  # every visitor: Voilà's page
    ahead = sum(PRELUDE_MARK in page for _, page in pages)
    # The first visitor's page is rendered alone; while it renders, the others get the chart ahead.
    assert 1 <= ahead <= 7, ahead
    # Every page has ended: the server is quiet again and the next visitor gets Voilà's page alone.
    status, page = _get(url)
    assert status == 200 and VOILA in page and PRELUDE_MARK not in page
    assert len(re.findall("first chart of .* sent ahead", log.read_text(errors="replace"))) == ahead


@pytest.fixture(scope="module")
def in_turn(cantik_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """One page rendered at a time (each takes 4 s), one more may wait; the chart sent ahead always."""
    yield from _server(cantik_home, tmp_path_factory.mktemp("turn"), slow=True, front_after=0,
                       renders_at_once=1, waiting_limit=1)


def test_pages_are_rendered_in_turn_and_a_full_queue_gets_the_busy_line(in_turn: tuple[str, Path]) -> None:
    base, log = in_turn
    url = base + "voila/render/" + APP + OWN_KERNEL

    def visit(delay: float) -> tuple[str, float]:
        time.sleep(delay)
        page, _, done = _timed(url)
        return page, delay + done

    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        visits = list(pool.map(visit, [0.0, 0.5, 1.0]))
    live = sorted(done for page, done in visits if VOILA in page)
    busy = [page for page, _ in visits if 'class="cantik-busy"' in page]
    # Two pages rendered one after the other (each kernel sleeps 4 s), the third found the queue full:
    # its chart had gone out, then the busy line and the retry.
    assert len(live) == 2 and len(busy) == 1, (live, len(busy))
    assert live[1] - live[0] >= SLEEP / 2
    assert BUSY_LINE in busy[0] and "location.reload" in busy[0]
    assert "pages waiting" in log.read_text(errors="replace")
