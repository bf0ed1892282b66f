"""The apps in a real browser: one production Voilà server for the module, Debian chromium via Playwright.

For every app at 390 px (a phone) and 1280 px (a PC): it loads; no chart text is under 12 px as rendered
(measured on the chart's own SVG at the width of its image); every control is at least 44 px to tap; a
control change updates the chart and the summary; the bugs of issue 21 stay fixed; the "Coba ini"
challenge refuses to answer before a guess, then answers and shows the situation; bad input shows a short
Indonesian message and no stale chart (never a traceback); axe finds no serious or critical violation;
there is no horizontal scrolling; screenshots are kept in ``test-artifacts/apps``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from cantik.apps.registry import APPS, by_slug
from cantik.apps.sampel import BATCH
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
    """How to exercise one app in the browser: a change, a bad input, and the app's own bug checks."""

    slug: str
    change: Callable[[Page], None]
    bad: Callable[[Page], None] | None
    bad_message: str = ""
    bug: Callable[[Page], None] | None = None


def _chart_texts(page: Page) -> list[tuple[str, float]]:
    """Every text drawn in the live chart with its rendered size in CSS px (see CHART_TEXT_JS)."""
    return [(t, s) for t, s in page.evaluate(CHART_TEXT_JS)]


#: Renders the chart's SVG (decoded from the <img>) at the width the <img> has on screen, and measures
#: each <text>: its computed font size times the scale of its transform to the screen. This is the size
#: the visitor sees: the same SVG, viewBox and width as the image.
CHART_TEXT_JS = r"""() => {
  const img = document.querySelector('.cantik-app img.cantik-chart');
  const b64 = img.getAttribute('src').split(',')[1];
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const svgText = new TextDecoder().decode(bytes).replace(/^<\?xml[^>]*>/, '')
    .replace(/<!DOCTYPE[^>]*>/, '');
  const holder = document.createElement('div');
  holder.style.cssText = `position:absolute;left:-20000px;top:0;width:${img.clientWidth}px;`;
  holder.innerHTML = svgText;
  const svg = holder.querySelector('svg');
  svg.setAttribute('width', String(img.clientWidth));
  svg.removeAttribute('height');
  document.body.appendChild(holder);
  const out = Array.from(svg.querySelectorAll('text')).filter((t) => t.textContent.trim()).map((t) => {
    const m = t.getScreenCTM();
    const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    return [t.textContent.trim(), parseFloat(getComputedStyle(t).fontSize) * scale];
  });
  holder.remove();
  return out;
}"""

#: Controls smaller than 44 × 44 CSS px (WCAG 2.5.5): buttons, lists, boxes, dates, choices, slider handles.
SMALL_TARGETS_JS = """() => {
  const sel = '.cantik-app button, .cantik-app select, .cantik-app input[type=text], ' +
              '.cantik-app input[type=date], .cantik-app .widget-radio-box label, ' +
              '.cantik-app .noUi-touch-area';
  const bad = [];
  document.querySelectorAll(sel).forEach((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return;  // hidden
    if (r.height < 43.5 || r.width < 43.5) {
      const text = (el.textContent || '').trim().slice(0, 20);
      bad.push(`${el.tagName}.${String(el.className).slice(0, 40)} "${text}" ` +
               `${Math.round(r.width)}x${Math.round(r.height)}`);
    }
  });
  return bad;
}"""


def _sampel_bug(page: Page) -> None:
    """Issue 21: with "Keluarga miskin" at n = 10 most samples have no poor household; the update used
    to fail and leave the old chart and "Sampel 50" standing. Now: no alert, the chart is of 10."""
    _select("Yang diperkirakan", "Keluarga miskin (%)")(page)
    _click("10")(page)
    for _ in range(3):
        _new_chart_after(page, lambda: _click(f"Ambil {BATCH} sampel sekaligus")(page))
        expect(page.locator(".cantik-status [role=alert]")).to_have_count(0)
    expect(page.locator(".cantik-summary")).to_contain_text("Sampel terakhir Anda (10 keluarga)")
    expect(page.locator(".cantik-summary")).not_to_contain_text("(50 keluarga)")
    texts = [t for t, _ in _chart_texts(page)]
    assert any("memuat angka sebenarnya" in t for t in texts) and "Hasil sampel 10 keluarga" in texts


def _ampunku_bug(page: Page) -> None:
    """Issue 21: months without trips vanished; RTs compared by counts; "Terbanyak: 17"."""
    import cantik.data

    trips = cantik.data.load("ampunku")
    months = trips["tanggal"].dt.to_period("M")
    period = pd_months(trips)
    for (rt, layanan), grp in trips.groupby(["rt", "jenis_layanan"], observed=True):
        if 0 < months[grp.index].nunique() < len(period):
            _select("RT", f"RT {rt}")(page)
            _select("Jenis layanan", str(layanan))(page)
            break
    expect(page.locator(".cantik-summary")).to_contain_text("Bulan tanpa perjalanan", timeout=15_000)
    texts = [t for t, _ in _chart_texts(page)]
    assert all(m in texts for m in period), "every month of the period is on the chart"
    _select("RT", "Semua RT")(page)
    _select("Jenis layanan", "Semua layanan")(page)
    _click("Per RT")(page)
    expect(page.locator(".cantik-summary")).to_contain_text("per 100 penduduk", timeout=15_000)
    expect(page.locator(".cantik-summary")).to_contain_text("Perjalanan terbanyak: RT ")


def pd_months(trips) -> list[str]:  # type: ignore[no-untyped-def]
    import pandas as pd

    from cantik.apps.ampunku import month_label

    return [month_label(p) for p in pd.period_range(trips["tanggal"].min(), trips["tanggal"].max(), freq="M")]


def _persen_bug(page: Page) -> None:
    """Issue 21: "1.000" was read as 1; a tiny base gave a huge percent without a word."""
    _fill("Angka awal (%)", "1.000")(page)
    expect(page.locator(".cantik-status [role=alert]")).to_contain_text("antara 0 dan 100", timeout=15_000)
    expect(page.locator("img.cantik-chart")).to_have_count(0)  # no stale chart
    _fill("Angka awal (%)", "0,001")(page)
    summary = page.locator(".cantik-summary")
    expect(summary).to_contain_text("Awas, angka awalnya sangat kecil", timeout=15_000)
    expect(page.locator(".cantik-synthetic")).not_to_contain_text("DATA SINTETIS")
    expect(page.locator(".cantik-synthetic")).to_contain_text("dilaporkan berita daerah")


def _stunting_bug(page: Page) -> None:
    """Issue 21: the measurement date defaulted to 30-06-2025; "Cara mengukur" was cut off."""
    import datetime as dt

    assert page.get_by_label("Tanggal pengukuran", exact=True).input_value() == dt.date.today().isoformat()
    label = page.locator(".cantik-app .widget-label", has_text="Cara mengukur")
    assert label.evaluate("(el) => el.scrollWidth <= el.clientWidth + 1"), "the label is cut"
    select = page.get_by_label("Cara mengukur", exact=True)
    assert select.evaluate("(el) => el.getBoundingClientRect().right <= window.innerWidth")
    expect(page.locator(".cantik-summary")).not_to_contain_text("stunted")


def _grafik_bug(page: Page) -> None:
    """Issue 21: one chart at a time; RTs with 0 looked missing; "Tampak 688,2 kali"."""
    _click("Jumlah orang miskin")(page)
    expect(page.locator(".cantik-summary")).to_contain_text("Grafik bawah: jumlah", timeout=15_000)
    texts = [t for t, _ in _chart_texts(page)]
    assert "Menyesatkan" in " ".join(texts) and "Jujur" in " ".join(texts)  # side by side
    assert "0" in texts  # an RT with no poor household reads 0
    _click("Dipotong")(page)
    expect(page.locator(".cantik-summary")).to_contain_text("tidak dimulai dari 0", timeout=15_000)
    expect(page.locator(".cantik-summary")).not_to_contain_text("688")


def _profil_bug(page: Page) -> None:
    """Issue 21: the RT table was cut with no cue; the 75+ note."""
    wrap = page.locator(".cantik-table-wrap")
    scrolls = wrap.evaluate("(el) => el.scrollWidth > el.clientWidth + 1")
    cue = page.locator(".cantik-scroll-cue")
    if scrolls:
        expect(cue).to_be_visible()
    else:
        expect(cue).to_be_hidden()
    if page.viewport_size["width"] <= 400:
        assert scrolls, "at 390 px the table scrolls (this checks the cue is tested at all)"
    expect(page.locator(".cantik-summary")).to_contain_text("75+")


def _rata_median_bug(page: Page) -> None:
    """Issue 21: the added rich households never appeared in the chart."""
    _slider_keys(RICH_COUNT, "ArrowRight", 2)(page)  # after the change's one step: three
    expect(page.locator("img.cantik-chart")).to_have_attribute("alt", re.compile("3 keluarga sangat kaya"),
                                                                timeout=15_000)
    texts = [t for t, _ in _chart_texts(page)]
    assert "+3" in texts
    expect(page.locator(".cantik-summary")).not_to_contain_text("0,0%")


RICH_COUNT = "Keluarga sangat kaya yang ditambahkan"

CASES = {
    "stunting": Case("stunting", _fill("Tinggi/panjang badan (cm)", "78"),
                     _fill("Tinggi/panjang badan (cm)", "abc"), "harus berupa angka", _stunting_bug),
    "rata_median": Case("rata_median", _slider_keys(RICH_COUNT, "ArrowRight", 1), None, "", _rata_median_bug),
    "profil": Case("profil", _click("Persen"), None, "", _profil_bug),
    "grafik": Case("grafik", _click("Persen penduduk miskin"), None, "", _grafik_bug),
    "sampel": Case("sampel", _click("Ambil 1 sampel lagi"), None, "", _sampel_bug),
    "ampunku": Case("ampunku", _select("Tujuan", "RSUD"), _empty_ampunku_filter, "Tidak ada perjalanan",
                    _ampunku_bug),
    "persen_poin": Case("persen_poin", _fill("Angka akhir (%)", "3,5"), _fill("Angka awal (%)", "0"),
                        "tidak bisa dihitung", _persen_bug),
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


def _new_chart_after(page: Page, action: Callable[[], None], timeout: float = 15_000) -> None:
    """Do ``action`` and wait until the live chart is another image (compared in the page: a failure
    reports a time-out, not two images of 30 kB)."""
    page.evaluate("() => { const img = document.querySelector('img.cantik-chart');"
                  " window.__chartBefore = img ? img.getAttribute('src') : ''; }")
    action()
    page.wait_for_function("() => { const img = document.querySelector('img.cantik-chart');"
                           " return img !== null && img.getAttribute('src') !== window.__chartBefore; }",
                           timeout=timeout)


def _assert_no_traceback(page: Page) -> None:
    text = page.locator("body").inner_text()
    for marker in TRACEBACK_MARKERS:
        assert marker not in text, f"page shows {marker!r}: {text[:500]}"


def _assert_readable_chart(page: Page, width: int) -> None:
    """No chart text under 12 px as rendered (at 390 px the phone case; at 1280 px it only grows)."""
    sizes = _chart_texts(page)
    assert sizes, "the chart has texts"
    small = [(t, round(s, 1)) for t, s in sizes if s < 12 - 0.05]
    assert small == [], f"chart text under 12 px at {width} px: {small[:5]}"


def _challenge(page: Page) -> None:
    """Coba ini: the answer is refused before a guess, then shown with the chart of the situation."""
    box = page.locator(".cantik-challenge")
    box.scroll_into_view_if_needed()
    reveal = box.locator("button.mod-primary")
    # the kernel may still be drawing what the case before changed (a whole survey re-sampled in sampel):
    # on a loaded 2-core machine that took over 15 s. Once (sampel, 1280 px, quiet machine) the refusal never
    # came within 45 s of one click: the click is repeated, as a visitor would, up to four times in 48 s
    for attempt in range(4):
        reveal.click()
        try:
            expect(box.locator("[role=alert]")).to_contain_text("Pilih dulu tebakan Anda", timeout=12_000)
            break
        except AssertionError:
            if attempt == 3:
                raise
    box.locator(".widget-radio-box label").first.click()
    reveal.click()
    answer = box.locator(".cantik-answer")
    expect(answer).to_be_visible(timeout=30_000)
    expect(answer).to_contain_text("Tebakan Anda")
    expect(box.locator("[role=alert]")).to_have_count(0)
    expect(page.locator("img.cantik-chart")).to_be_visible()  # the situation asked about, drawn
    _assert_no_traceback(page)
    box.get_by_role("button", name="Coba lagi").click()
    expect(answer).to_have_count(0)


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
            expect(link).to_have_attribute("href", f"/voila/render/{app.notebook}?wilayah=kandangan_utara")
        else:
            expect(link).to_have_count(0)
    assert _overflowing(page) == []
    assert _axe_serious(page) == []
    _screenshot(page, shots / "galeri-390.png", 390)
    _screenshot(page, shots / "galeri-1280.png", 1280)
    # Keyboard: Tab reaches the place selector, then the first app link, which opens the app; the app
    # links back.
    page.keyboard.press("Tab")
    expect(page.locator("select#wilayah")).to_be_focused()
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


def test_loading_line_is_short(browser, voila_url: str) -> None:  # type: ignore[no-untyped-def]
    """Issue 21: Voilà's loading box filled the first screen (75vh). Seen without JavaScript, as the page
    is before its scripts run: one short line at the top."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(voila_url + "voila/render/" + by_slug("profil").notebook, timeout=90_000)
        loading = page.locator("#loading")
        expect(loading).to_contain_text("Menyiapkan aplikasi")
        box = loading.bounding_box()
        assert box is not None and box["height"] <= 48, box
    finally:
        context.close()


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
    _new_chart_after(page, lambda: _fill("Angka akhir (%)", "3,5")(page), timeout=10_000)


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("slug", sorted(CASES))
def test_app_in_browser(page: Page, voila_url: str, shots: Path, slug: str, width: int) -> None:
    """Every app at a phone's and a PC's width: loads, readable, tappable, accessible; a change updates
    chart and summary; the issue's bugs stay fixed; the challenge flow works; bad input gets a message
    and leaves no stale chart."""
    case = CASES[slug]
    _open(page, voila_url, slug, width)
    expect(page.locator(".cantik-synthetic")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "id"
    assert _overflowing(page) == []  # nothing wider than the screen, nothing scrolls sideways
    _assert_readable_chart(page, width)
    assert page.evaluate(SMALL_TARGETS_JS) == [], "controls at least 44 px to tap"
    small = page.evaluate(
        "() => Array.from(document.querySelectorAll('.cantik-app input, .cantik-app select'))"
        ".filter((el) => !['radio', 'checkbox', 'date'].includes(el.type)"
        " && parseFloat(getComputedStyle(el).fontSize) < 16).map((el) => el.outerHTML)")
    assert small == [], "text in fields at least 16 px (a phone zooms into a smaller one)"
    assert _axe_serious(page) == []
    for control in page.locator(".cantik-app").get_by_role("slider").all():
        assert control.get_attribute("aria-label"), "every slider is named after its visible label"

    summary = page.locator(".cantik-summary").inner_text()
    _new_chart_after(page, lambda: case.change(page))
    expect(page.locator(".cantik-summary")).not_to_have_text(summary, timeout=15_000)
    _assert_no_traceback(page)
    _assert_readable_chart(page, width)

    if case.bug is not None:
        case.bug(page)
        _assert_no_traceback(page)
    _challenge(page)
    _assert_readable_chart(page, width)
    assert _axe_serious(page) == []  # after changes: new chart, summary, answer, toggled controls
    _screenshot(page, shots / f"{slug}-{width}.png", width)

    if case.bad is not None:
        case.bad(page)
        alert = page.locator(".cantik-status [role=alert]").first
        expect(alert).to_be_visible(timeout=15_000)
        expect(alert).to_contain_text(case.bad_message)
        expect(page.locator("img.cantik-chart")).to_have_count(0)  # no result for other inputs
        expect(page.locator(".cantik-summary")).to_contain_text("Belum ada hasil")
        _assert_no_traceback(page)
        assert _overflowing(page) == []
        if width == 390:
            assert _axe_serious(page) == []  # with the warning shown


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


def _population_text(key: str) -> str:
    """"Jumlah penduduk: 2.512 jiwa" of place ``key``, computed from its table (the profile app's line)."""
    import cantik.data
    from cantik.apps.formatting import format_number

    return f"Jumlah penduduk: {format_number(len(cantik.data.load('penduduk', wilayah=key)))} jiwa"


def test_an_app_opens_on_the_place_of_its_url(page: Page, voila_url: str) -> None:
    """?wilayah=malinau: the preheated page never shows the cached paint of the default place; the live
    app shows Desa Malinau and its numbers, also in a kernel started for the visitor; AMPUNKU says plainly
    that Malinau has no such service; an unknown value gives the default place and a plain note."""
    page.set_viewport_size({"width": 390, "height": 900})
    url = voila_url + "voila/render/" + by_slug("profil").notebook
    page.request.get(url)  # the pool's page, rendered: the server has cached Kandangan Utara's first paint
    html = page.request.get(url + "?wilayah=malinau").text()
    assert 'data-wilayah="kandangan_utara"' in html  # every page's HTML carries the default place's paint
    held = []
    page.route("**/voila/static/voila.js", lambda route: held.append(route))
    page.goto(url + "?wilayah=malinau", wait_until="commit", timeout=90_000)
    for _ in range(900):  # voila.js comes after the first paint in the page: the paint has been parsed
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the widget JavaScript was requested and held back"
    # ... and dropped by the page's script before it was painted
    expect(page.locator(".cantik-first-paint")).to_have_count(0)
    assert "Kandangan Utara" not in page.locator("body").inner_text()
    for route in held:
        route.continue_()
    page.unroute("**/voila/static/voila.js")
    summary = page.locator(".cantik-app.cantik-place-ready .cantik-summary")
    expect(summary).to_contain_text("Desa Malinau", timeout=90_000)
    expect(page.locator(".cantik-app")).to_contain_text(_population_text("malinau"))
    expect(page.get_by_label("Wilayah", exact=True)).to_have_value(re.compile(".+"))
    assert page.get_by_label("Wilayah", exact=True).evaluate(
        "(s) => s.options[s.selectedIndex].textContent").replace("\xa0", " ") == "Desa Malinau"
    expect(page.locator(".cantik-app .cantik-synthetic")).to_contain_text("DATA SINTETIS")
    _assert_no_traceback(page)

    # a kernel started for this visitor (a theme argument is never served from the pool) reads the URL
    page.goto(url + "?theme=JupyterLab%20Light&wilayah=malinau", timeout=90_000)
    expect(page.locator(".cantik-app.cantik-place-ready .cantik-summary")).to_contain_text(
        "Desa Malinau", timeout=90_000)
    expect(page.locator(".cantik-app")).to_contain_text(_population_text("malinau"))

    page.goto(voila_url + "voila/render/" + by_slug("ampunku").notebook + "?wilayah=malinau", timeout=90_000)
    expect(page.locator(".cantik-app.cantik-place-ready img.cantik-chart")).to_be_visible(timeout=90_000)
    expect(page.locator(".cantik-app")).to_contain_text(
        "Desa Malinau tidak punya data layanan antar-jemput pasien (tabel AMPUNKU); aplikasi ini ada untuk "
        "Kelurahan Kandangan Utara.")
    _assert_no_traceback(page)

    page.goto(url + "?wilayah=%3Cscript%3Ealert(1)%3C%2Fscript%3E", timeout=90_000)
    expect(page.locator(".cantik-app.cantik-place-ready .cantik-summary")).to_contain_text(
        "Kelurahan Kandangan Utara", timeout=90_000)
    expect(page.locator(".cantik-app")).to_contain_text(
        "Wilayah yang diminta di alamat halaman ini tidak dikenal.")
    _assert_no_traceback(page)


def test_the_gallery_chooses_the_place_once_for_every_app(page: Page, voila_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(voila_url)
    select = page.get_by_label("Desa atau kelurahan yang datanya ditampilkan")
    labels = select.evaluate("(s) => Array.from(s.options, (o) => o.textContent)")
    assert labels[0] == "Kelurahan Kandangan Utara" and "Desa Malinau" in labels
    select.select_option(label="Desa Malinau")
    for app in APPS:
        expect(page.get_by_role("link", name=app.title, exact=True)).to_have_attribute(
            "href", f"/voila/render/{app.notebook}?wilayah=malinau")
    expect(page.locator("#cantik-notice")).to_contain_text("DATA SINTETIS")
    assert page.url.endswith("?wilayah=malinau")
    assert _axe_serious(page) == []
    page.reload()  # the place stays chosen
    expect(page.get_by_role("link", name=by_slug("grafik").title, exact=True)).to_have_attribute(
        "href", f"/voila/render/{by_slug('grafik').notebook}?wilayah=malinau")
    page.get_by_role("link", name=by_slug("grafik").title, exact=True).click()
    summary = page.locator(".cantik-app.cantik-place-ready .cantik-summary")
    expect(summary).to_contain_text("Desa Malinau", timeout=90_000)
    from cantik.apps.grafik import default_pair, poor_by_rt

    a, b = default_pair(poor_by_rt("malinau"))
    # Desa Malinau is divided into dusun: its units are named so, never "RT"
    expect(summary).to_contain_text(f"Dusun {a}")
    expect(summary).to_contain_text(f"Dusun {b}")
    expect(summary).not_to_contain_text(re.compile(r"\bRT\b"))
    expect(page.get_by_label("Dusun pertama", exact=True)).to_have_value(re.compile(".+"))
    assert page.get_by_label("Dusun pertama", exact=True).evaluate(
        "(s) => s.options[s.selectedIndex].textContent").replace("\xa0", " ") == f"Dusun {a}"
    _assert_no_traceback(page)
