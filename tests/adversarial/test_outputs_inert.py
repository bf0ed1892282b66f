"""Rendered learner content is inert (issue 17, item 1): the ``xss_*`` learners of
:mod:`tests.adversarial.outputs`, graded through plain ``nbgrader autograde`` and ``cantik kelas nilai``,
run nothing in any page a trainer or learner opens.

* without a browser, for both grading paths: formgrader's page of every submission (nbgrader's own
  exporter and template, configured by the course's ``nbgrader_config.py``), ``nbgrader generate_feedback``,
  ``cantik kelas umpan-balik``, the class report and the capstone export hold no executable part carrying
  an attack (:func:`tests.adversarial.outputs.executable_parts`); the control renders the same pages
  without the sanitiser and finds the attacks live;
* in chromium (``cantik kelas nilai`` batch): the trainer's server started as ``cantik start`` starts it
  (Content-Security-Policy, no terminals), JupyterLab and formgrader work (a written answer is graded
  through formgrader), every submission page is opened and every link clicked, and the static pages are
  opened from disk: no script ran (no marker, no request to ``/api/contents`` from an attack) and no file
  of the course changed.
"""

from __future__ import annotations

import secrets
import sys
from pathlib import Path

import nbformat
import pytest

from cantik.safehtml import PAGE_CSP, SERVER_CSP
from tests.adversarial.outputs import (
    LEARNERS,
    MODULE,
    NBGRADER,
    XSS_TAG,
    autograded,
    env,
    executable_parts,
    score,
    tree_hashes,
)

ATTACKERS = [x for x in LEARNERS if x.student.startswith("xss_")]


def test_every_learner_graded_with_honest_points(outputs_batch: dict) -> None:
    log = outputs_batch["run"].stdout + outputs_batch["run"].stderr
    for learner in LEARNERS:
        assert score(outputs_batch["root"], learner.student) == learner.points, (learner.student, log[-3000:])


def _formgrader_exporter(root: Path, sanitise: bool = True):
    """The exporter formgrader builds (nbgrader's FormgradeExtension: course config + its template)."""
    import os

    from nbconvert.exporters import HTMLExporter
    from nbgrader.apps import NbGrader
    from nbgrader.server_extensions.formgrader import handlers

    cwd = os.getcwd()
    os.chdir(root)
    try:
        app = NbGrader()
        app.load_config_file()
        config = app.config
    finally:
        os.chdir(cwd)
    config.HTMLExporter.template_name = "formgrade"
    config.HTMLExporter.extra_template_basedirs = [handlers.template_path]
    if not sanitise:
        config.HTMLExporter.preprocessors = []
    return HTMLExporter(config=config)


def _formgrader_page(exporter, root: Path, student: str) -> str:
    path = root / "grading" / "autograded" / student / MODULE / f"{MODULE}.ipynb"
    resources = {"assignment_id": MODULE, "notebook_id": MODULE, "submission_id": "x", "index": 0, "total": 1,
                 "base_url": "", "student": student, "last_name": "", "first_name": "",
                 "notebook_path": str(path)}
    page, _ = exporter.from_filename(str(path), resources=resources)
    return page


def test_formgrader_pages_hold_no_live_script(outputs_batch: dict) -> None:
    root = outputs_batch["root"]
    exporter, control = _formgrader_exporter(root), _formgrader_exporter(root, sanitise=False)
    live_without_sanitiser = []
    for learner in ATTACKERS:
        assert executable_parts(_formgrader_page(exporter, root, learner.student)) == [], learner.student
        live_without_sanitiser += executable_parts(_formgrader_page(control, root, learner.student))
    # the control: nbgrader's formgrader as shipped renders these attacks live (an SVG *output* it already
    # shows through <img>, which never runs script)
    for tag in ("tulisan_script", "tulisan_img", "tulisan_md", "tulisan_a", "tulisan_svg", "tulisan_details",
                "tulisan_iframe", "kode_script", "kode_img", "kode_js", "kode_md", "kode_isolated"):
        assert any(XSS_TAG + tag in part for part in live_without_sanitiser), tag


def test_written_answers_stay_readable(outputs_batch: dict) -> None:
    """Cleaning keeps the learner's words, tables and images (the trainer still grades what was written)."""
    root = outputs_batch["root"]
    page = _formgrader_page(_formgrader_exporter(root), root, "xss_tulisan_script")
    assert "Ada 120 laki-laki per 100 perempuan." in page
    honest = _formgrader_page(_formgrader_exporter(root), root, "jujur_a")
    assert "Ada 120 laki-laki untuk setiap 100 perempuan." in honest


def _static_pages(root: Path) -> dict[str, Path]:
    """Every static page built from the submissions: nbgrader's feedback, ours, the report, exports."""
    import subprocess

    from cantik.grading.course import Course
    from cantik.grading.feedback import generate_feedback
    from cantik.grading.report import class_report
    from cantik.publish import ekspor_html

    run = subprocess.run([NBGRADER, "generate_feedback", MODULE, "--force"], cwd=root, env=env(),
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    pages = {f"nbgrader-feedback/{p.parent.parent.name}": p
             for p in (root / "grading" / "feedback").glob(f"*/{MODULE}/{MODULE}.html")}
    course = Course.open(root)
    result = generate_feedback(course, MODULE, exchange=False, before_graded=True)  # written answers wait
    pages |= {f"umpan-balik/{p.stem}": p for p in result.files}
    pages["laporan"] = class_report(course).path
    for learner in ATTACKERS:
        src = root / "grading" / "autograded" / learner.student / MODULE / f"{MODULE}.ipynb"
        for laporan in (True, False):
            out = root / "grading" / "ekspor" / f"{learner.student}-{laporan}.html"
            out.parent.mkdir(parents=True, exist_ok=True)
            pages[f"ekspor/{learner.student}/{laporan}"] = ekspor_html(src, out, laporan=laporan)
    return pages


@pytest.fixture(scope="module")
def static_pages(outputs_batch: dict) -> dict[str, Path]:
    return _static_pages(outputs_batch["root"])


def test_static_pages_hold_no_live_script(static_pages: dict[str, Path]) -> None:
    assert len([k for k in static_pages if k.startswith("nbgrader-feedback/xss_")]) == len(ATTACKERS)
    for name, path in static_pages.items():
        text = path.read_text(encoding="utf-8")
        assert executable_parts(text) == [], name
        if not name.startswith("nbgrader-feedback"):  # ours declare that they run no script at all
            assert f'content="{PAGE_CSP}"' in text, name


def test_export_keeps_results_and_writing(outputs_batch: dict, static_pages: dict[str, Path]) -> None:
    page = static_pages["ekspor/xss_tulisan_script/True"].read_text(encoding="utf-8")
    assert "Ada 120 laki-laki per 100 perempuan." in page and "SINTETIS" in page


# ------------------------------------------------------------------------------------------- browser
@pytest.mark.browser
@pytest.mark.server
def test_nothing_runs_in_the_trainers_browser(outputs_batch: dict, static_pages: dict[str, Path], page,
                                              port: int, artifacts_dir: Path) -> None:
    import time
    import urllib.error
    import urllib.request

    from cantik.grading.course import Course
    from cantik.start import lab_command, lab_environment
    from tests.servers import running

    if not outputs_batch["parallel"]:
        pytest.skip("the browser visits the pages of one grading path (cantik kelas nilai)")
    root: Path = outputs_batch["root"]
    course = Course.open(root)
    token = secrets.token_hex(16)
    cmd = lab_command(root, port, token, open_browser=False)
    assert cmd[0] == sys.executable
    base = f"http://127.0.0.1:{port}"
    before = tree_hashes(root, skip=("grading/gradebook.db",))
    requests: list[str] = []
    violations: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("dialog", lambda d: (requests.append("dialog:" + d.message), d.dismiss()))
    page.set_extra_http_headers({"Authorization": f"token {token}"})
    with running(cmd, f"{base}/api/status", cwd=root, env=lab_environment(root),
                 log=root.parent / "trainer-server.log"):
        # the server's own settings: strict CSP on every page, no terminals
        for path in ("lab", "formgrader", "api/status"):  # (the API adds "default-src 'none'" to it)
            req = urllib.request.Request(f"{base}/{path}", headers={"Authorization": f"token {token}"})
            with urllib.request.urlopen(req, timeout=60) as reply:
                assert reply.headers["Content-Security-Policy"].startswith(SERVER_CSP), path
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(urllib.request.Request(
                f"{base}/api/terminals", data=b"{}", method="POST",
                headers={"Authorization": f"token {token}"}), timeout=30)
        assert refused.value.code in (404, 405)

        # JupyterLab still works under the policy
        page.goto(f"{base}/lab?token={token}")
        page.locator("#jp-main-dock-panel").wait_for(timeout=120_000)
        page.locator(".jp-DirListing-content").wait_for(timeout=60_000)
        print("CSP reports while JupyterLab loaded:", violations)

        # every attacker's submission page in formgrader, every link on it clicked
        with course.gradebook() as gb:
            ids = {x.student: gb.find_submission_notebook(MODULE, MODULE, x.student).id for x in LEARNERS}
        for learner in ATTACKERS:
            page.goto(f"{base}/formgrader/submissions/{ids[learner.student]}/")
            page.locator("#notebook-container").first.wait_for(timeout=60_000)
            for link in page.locator("#notebook-container").first.locator("a").all():
                if link.is_visible():
                    link.click(modifiers=["Control"], no_wait_after=True)
            page.wait_for_timeout(500)
            assert page.evaluate("window.__cantik_xss === undefined"), learner.student

        # formgrader's own scripts still run: grade the honest learner's written answer
        page.goto(f"{base}/formgrader/submissions/{ids['jujur_a']}/")
        box = page.locator("input.score#tafsiran")
        box.wait_for(timeout=60_000)
        manual = None
        for _attempt in range(3):
            box.fill("1")
            box.press("Tab")
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and manual != 1:
                with course.gradebook() as gb:
                    manual = gb.find_grade("tafsiran", MODULE, MODULE, "jujur_a").manual_score
                time.sleep(0.5)
            if manual == 1:
                break
        page.screenshot(path=str(artifacts_dir / "formgrader_xss.png"), full_page=True)
        assert manual == 1

    # the static pages, opened from disk as a trainer or learner would
    for name, path in static_pages.items():
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        for link in page.locator("a").all():
            if link.is_visible():
                link.click(modifiers=["Control"], no_wait_after=True)
        page.wait_for_timeout(200)
        assert page.evaluate("window.__cantik_xss === undefined"), name

    assert [u for u in requests if XSS_TAG in u or u.startswith("dialog:")] == []
    assert not violations or all("xss" not in v for v in violations)
    assert not list(root.rglob(f"{XSS_TAG}*")), "an attack wrote into the course"
    after = tree_hashes(root, skip=("grading/gradebook.db",))
    assert {k: v for k, v in after.items() if before.get(k) != v} == {}


def test_learner_notebook_json_is_untouched(outputs_batch: dict) -> None:
    """Sanitising is for display only: the autograded notebook keeps what the learner handed in."""
    nb = autograded(outputs_batch["root"], "xss_tulisan_script")
    written = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "tafsiran")
    assert "<script>" in written.source
    assert isinstance(nb, nbformat.NotebookNode)
