"""The apps in a real browser: one production Voilà server for the module, Debian chromium via Playwright.

For every app: it loads, a control change updates the chart and the summary, bad input shows a short
Indonesian message (never a traceback), axe finds no serious or critical violation, there is no horizontal
scrolling at 390 px, and screenshots at 390 and 1280 px are kept in ``test-artifacts/apps``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from cantik.apps.registry import APPS, by_slug
from cantik.apps.server import voila_command
from tests.servers import free_port, running

pytestmark = [pytest.mark.browser, pytest.mark.server, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
TRACEBACK_MARKERS = ("Traceback", "Error:", "Exception", "File \"/")


@pytest.fixture(scope="module")
def voila_url(cantik_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A production-configured Voilà server on the repo's ``voila_apps`` and the test datasets."""
    work = tmp_path_factory.mktemp("voila")
    port = free_port()
    cmd, env = voila_command(port, work / "config", root=ROOT / "voila_apps", cull_idle_timeout=120)
    env["CANTIK_HOME"] = str(cantik_home)
    with running(cmd, f"http://127.0.0.1:{port}/", env=env, log=work / "voila.log", timeout=120):
        yield f"http://127.0.0.1:{port}/"


@pytest.fixture
def shots(artifacts_dir: Path) -> Path:
    folder = artifacts_dir / "apps"
    folder.mkdir(exist_ok=True)
    return folder


def _fill(label: str, value: str) -> Callable[[Page], None]:
    def act(page: Page) -> None:
        box = page.get_by_label(label, exact=True)
        box.fill(value)
        box.press("Enter")

    return act


def _select(label: str, option: str) -> Callable[[Page], None]:
    def act(page: Page) -> None:
        page.get_by_label(label, exact=True).select_option(label=option)

    return act


def _click(name: str) -> Callable[[Page], None]:
    def act(page: Page) -> None:
        page.get_by_role("button", name=name, exact=True).first.click()

    return act


def _check(label: str) -> Callable[[Page], None]:
    def act(page: Page) -> None:
        page.get_by_label(label, exact=True).check()

    return act


def _empty_ampunku_filter(page: Page) -> None:
    """Choose RT, destination and service such that no trip matches (found in the test data)."""
    import cantik.data

    trips = cantik.data.load("ampunku")
    for rt in sorted(trips["rt"].unique()):
        for tujuan in ("Puskesmas", "RSUD"):
            for layanan in ("Antar", "Jemput", "Antar-jemput"):
                hit = (trips["rt"] == rt) & (trips["tujuan"] == tujuan) & (trips["jenis_layanan"] == layanan)
                if not hit.any():
                    page.get_by_label("RT", exact=True).select_option(label=f"RT {rt}")
                    page.get_by_label("Tujuan", exact=True).select_option(label=tujuan)
                    page.get_by_label("Jenis layanan", exact=True).select_option(label=layanan)
                    return
    pytest.skip("every filter combination has trips in this dataset")


def _slider_keys(label: str, key: str, times: int = 1) -> Callable[[Page], None]:
    def act(page: Page) -> None:
        handle = page.get_by_role("slider", name=label)
        handle.focus()
        for _ in range(times):
            handle.press(key)

    return act


@dataclass
class Case:
    """How to exercise one app in the browser."""

    slug: str
    change: Callable[[Page], None]
    bad: Callable[[Page], None] | None
    bad_message: str = ""


CASES = {
    "stunting": Case("stunting", _fill("Tinggi/panjang badan (cm)", "78"),
                     _fill("Tinggi/panjang badan (cm)", "abc"), "harus berupa angka"),
    "rata_median": Case("rata_median", _slider_keys("Keluarga sangat kaya yang ditambahkan", "ArrowRight", 3),
                        None),
    "profil": Case("profil", _click("Persen"), None),
    "grafik": Case("grafik", _check("Potong sumbu tegak (tidak mulai dari 0)"), None),
    "sampel": Case("sampel", _click("Ambil sampel baru"), None),
    "ampunku": Case("ampunku", _select("Tujuan", "RSUD"), _empty_ampunku_filter, "Tidak ada perjalanan"),
    "persen_poin": Case("persen_poin", _fill("Angka akhir (%)", "3,5"), _fill("Angka awal (%)", "0"),
                        "tidak bisa dihitung"),
}


def _open(page: Page, base: str, slug: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base + "voila/render/" + by_slug(slug).notebook, timeout=90_000)
    expect(page.locator("img.cantik-chart")).to_be_visible(timeout=90_000)
    expect(page.locator(".cantik-summary")).to_be_visible()


def _screenshot(page: Page, path: Path, width: int) -> None:
    """The whole app at ``width``: Voilà scrolls inside <main>, so grow the viewport to the content."""
    page.set_viewport_size({"width": width, "height": 900})
    page.wait_for_timeout(300)  # let the widgets re-lay out
    height = page.evaluate(
        "Math.max(document.documentElement.scrollHeight,"
        " ...Array.from(document.querySelectorAll('main')).map((m) => m.scrollHeight))")
    page.set_viewport_size({"width": width, "height": min(int(height) + 20, 4000)})
    page.wait_for_timeout(300)
    page.screenshot(path=path)
    page.set_viewport_size({"width": width, "height": 900})


def _summary_and_chart(page: Page) -> tuple[str, str]:
    return page.locator(".cantik-summary").inner_text(), page.locator("img.cantik-chart").get_attribute("src")


def _assert_no_traceback(page: Page) -> None:
    text = page.locator("body").inner_text()
    for marker in TRACEBACK_MARKERS:
        assert marker not in text, f"page shows {marker!r}: {text[:500]}"


OVERFLOW_JS = """() => {
  const width = window.innerWidth, bad = [];
  const doc = document.documentElement.scrollWidth;
  if (doc > width) bad.push('document ' + doc);
  document.querySelectorAll('body *').forEach((el) => {
    if (el.closest('.cantik-table-wrap') || el.closest('#loading')) return;  // tables scroll on purpose
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return;
    const cs = getComputedStyle(el);
    const scrollable = cs.overflowX === 'auto' || cs.overflowX === 'scroll';
    const scrolls = scrollable && el.scrollWidth > el.clientWidth + 1;
    if (r.right > width + 1 || scrolls) {
      bad.push(`${el.tagName}.${String(el.className).slice(0, 90)} right=${Math.round(r.right)} ` +
               `scroll=${el.scrollWidth}/${el.clientWidth}`);
    }
  });
  return bad.slice(0, 10);
}"""


def _overflowing(page: Page) -> list[str]:
    """Elements wider than the screen, or scrolling sideways (tables in a scroll region excepted)."""
    return page.evaluate(OVERFLOW_JS)


def _axe_serious(page: Page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['html'][:120] for n in v['nodes']][:2]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_gallery_lists_every_app(page: Page, voila_url: str, shots: Path) -> None:
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(voila_url)
    assert page.locator("html").get_attribute("lang") == "id"
    expect(page.get_by_role("heading", level=1)).to_have_text("Aplikasi Kelas Cantik")
    expect(page.get_by_text("DATA SINTETIS")).to_be_visible()
    present = {p.name for p in (ROOT / "voila_apps").glob("*.ipynb")}
    for app in APPS:
        link = page.get_by_role("link", name=app.title, exact=True)
        if app.notebook in present:
            expect(link).to_have_attribute("href", f"/voila/render/{app.notebook}")
        else:
            expect(link).to_have_count(0)
    assert _overflowing(page) == []
    assert _axe_serious(page) == []
    _screenshot(page, shots / "galeri-390.png", 390)
    _screenshot(page, shots / "galeri-1280.png", 1280)
    # Keyboard: the first app link is reachable with Tab and opens the app; the app links back.
    page.keyboard.press("Tab")
    first = page.locator("ul.apps a").first
    expect(first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("img.cantik-chart")).to_be_visible(timeout=90_000)
    page.get_by_role("link", name="← Semua aplikasi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aplikasi Kelas Cantik")


def test_voila_hides_sources_and_data(page: Page, voila_url: str) -> None:
    # Notebooks and data files are not served as files; only images under static/ would be.
    for path in ["voila/files/kalkulator_stunting.ipynb",
                 "voila/files/../datasets/kandangan_utara/balita.csv", "voila/files/../pyproject.toml"]:
        resp = page.request.get(voila_url + path)
        assert resp.status in (403, 404), path
    resp = page.request.get(voila_url + "voila/render/kalkulator_stunting.ipynb")
    assert "from cantik.apps" not in resp.text()  # sources stripped


def test_closing_the_tab_frees_the_kernel(page: Page, voila_url: str) -> None:
    import json
    import time
    import urllib.error
    import urllib.request

    _open(page, voila_url, "persen_poin", 390)
    assert "cdn.jsdelivr" not in page.content()  # no render-blocking stylesheet from another host
    kernel_id = json.loads(page.locator("#jupyter-config-data").text_content())["kernelId"]
    url = f"{voila_url}api/kernels/{kernel_id}"
    with urllib.request.urlopen(url, timeout=10) as resp:
        assert resp.status == 200
    # Our template set the _xsrf cookie that Voilà's shutdown beacon sends back as its _xsrf field.
    assert any(c["name"] == "_xsrf" for c in page.context.cookies(voila_url))
    page.close(run_before_unload=True)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=10).close()
        except urllib.error.HTTPError as exc:
            assert exc.code == 404
            return
        time.sleep(0.25)
    pytest.fail("the kernel was still running 15 s after the tab closed")


def test_shutdown_without_the_xsrf_cookie_is_refused(page: Page, voila_url: str) -> None:
    """XSRF checks are on: another site's page cannot end a visitor's kernel (it cannot read the cookie)."""
    import json
    import urllib.error
    import urllib.parse
    import urllib.request

    _open(page, voila_url, "persen_poin", 390)
    kernel_id = json.loads(page.locator("#jupyter-config-data").text_content())["kernelId"]
    shutdown = f"{voila_url}voila/api/shutdown/{kernel_id}"
    for body in (b"", urllib.parse.urlencode({"_xsrf": "0" * 32}).encode()):  # no token; no cookie
        request = urllib.request.Request(shutdown, data=body, method="POST")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 403
    with urllib.request.urlopen(f"{voila_url}api/kernels/{kernel_id}", timeout=10) as resp:
        assert resp.status == 200  # still running
    # The page still works: widgets talk over the kernel websocket (not XSRF-checked; Origin-checked).
    before = _summary_and_chart(page)
    _fill("Angka akhir (%)", "3,5")(page)
    expect(page.locator("img.cantik-chart")).not_to_have_attribute("src", before[1], timeout=10_000)


@pytest.mark.parametrize("slug", sorted(CASES))
def test_app_in_browser(page: Page, voila_url: str, shots: Path, slug: str) -> None:
    case = CASES[slug]
    _open(page, voila_url, slug, 390)
    expect(page.locator(".cantik-synthetic")).to_contain_text("DATA SINTETIS")
    assert page.locator("html").get_attribute("lang") == "id"
    # A phone: nothing wider than the screen, nothing scrolls sideways.
    assert _overflowing(page) == []
    _screenshot(page, shots / f"{slug}-390.png", 390)
    assert _axe_serious(page) == []
    for control in page.locator(".cantik-app").get_by_role("slider").all():
        assert control.get_attribute("aria-label"), "every slider is named after its visible label"

    before = _summary_and_chart(page)
    case.change(page)
    expect(page.locator(".cantik-summary")).not_to_have_text(before[0], timeout=10_000)
    expect(page.locator("img.cantik-chart")).not_to_have_attribute("src", before[1], timeout=10_000)
    _assert_no_traceback(page)
    assert _axe_serious(page) == []  # also after a change (new chart, new summary, toggled controls)

    if case.bad is not None:
        case.bad(page)
        alert = page.locator(".cantik-status [role=alert]")
        expect(alert).to_be_visible(timeout=10_000)
        expect(alert).to_contain_text(case.bad_message)
        _assert_no_traceback(page)
        assert _overflowing(page) == []
        assert _axe_serious(page) == []  # with the warning shown

    _screenshot(page, shots / f"{slug}-1280.png", 1280)


def test_static_first_paint_gives_way_to_the_live_app(page: Page, voila_url: str) -> None:
    """The preheated chart is in the page HTML, shown before the widget JavaScript, then replaced.

    Voilà's JavaScript is held back so that the page is seen as a visitor on a slow line sees it: the
    static chart, its summary and the synthetic-data notice, no controls. Once the script is let through,
    the live app replaces the block: the same chart (same image, same alternative text), one chart, one
    summary, one heading.
    """
    held = []
    page.route("**/voila/static/voila.js", lambda route: held.append(route))
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(voila_url + "voila/render/" + by_slug("stunting").notebook, wait_until="commit", timeout=90_000)
    static = page.locator("img.cantik-chart-static")
    expect(static).to_be_visible(timeout=30_000)
    assert held, "the widget JavaScript was requested and held back"
    assert page.evaluate("() => document.querySelector('img.cantik-chart-static').naturalWidth") > 0
    assert page.locator(".cantik-app").count() == 0  # no live widgets yet
    expect(page.locator(".cantik-first-paint .cantik-synthetic")).to_contain_text("DATA SINTETIS")
    static_summary = page.locator(".cantik-summary-static").inner_text()
    assert static_summary.strip()
    static_src, static_alt = static.get_attribute("src"), static.get_attribute("alt")
    assert static_alt

    for route in held:
        route.continue_()
    page.unroute("**/voila/static/voila.js")
    live = page.locator(".cantik-app img.cantik-chart")
    expect(live).to_be_visible(timeout=90_000)
    expect(page.locator(".cantik-first-paint")).to_have_count(0)
    expect(page.locator("img.cantik-chart-static")).to_have_count(0)
    expect(page.locator("img.cantik-chart")).to_have_count(1)
    expect(page.locator(".cantik-summary")).to_have_count(1)
    expect(page.locator(".cantik-summary-static")).to_have_count(0)
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    # The live app starts where the static paint was: the same chart and the same summary text.
    assert live.get_attribute("src") == static_src
    assert live.get_attribute("alt") == static_alt
    assert page.locator(".cantik-summary").inner_text() == static_summary
    assert _axe_serious(page) == []


def test_preheated_page_html_carries_one_static_block(page: Page, voila_url: str) -> None:
    """The server-rendered page (no JavaScript run) holds the static first paint once; the next visitor's
    page (preheated, or started for them if the pool is still refilling) ends with no static block."""
    resp = page.request.get(voila_url + "voila/render/" + by_slug("profil").notebook)
    assert resp.ok
    assert resp.text().count('class="cantik-first-paint"') == 1  # the preheated page carries one block
    _open(page, voila_url, "profil", 1280)
    expect(page.locator(".cantik-first-paint")).to_have_count(0)
