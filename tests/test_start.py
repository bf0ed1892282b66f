"""`cantik start` serves the real JupyterLab, in Indonesian, opened on the start page (`make start`)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import nbformat
import pytest

from cantik.resources import install_lab_overrides
from cantik.start import START_PAGE
from tests.servers import running, stop

ROOT = Path(__file__).resolve().parents[1]
CANTIK = str(Path(sys.executable).with_name("cantik"))
TOKEN = "uji-token-kelas-cantik"


def _get(url: str) -> tuple[int, bytes]:
    req = urllib.request.Request(url, headers={"Authorization": f"token {TOKEN}"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return resp.status, resp.read()


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A real `cantik start` on a free port; yields its base URL."""
    from tests.servers import free_port

    port = free_port()
    log = tmp_path_factory.mktemp("lab") / "lab.log"
    base = f"http://127.0.0.1:{port}"
    cmd = [CANTIK, "start", "--port", str(port), "--no-browser", "--token", TOKEN]
    with running(cmd, f"{base}/api/status?token={TOKEN}", cwd=ROOT, log=log, timeout=120) as proc:
        yield base, proc, log


def test_start_page_is_valid_markdown_notebook_with_synthetic_notice():
    nb = nbformat.read(ROOT / START_PAGE, as_version=4)
    nbformat.validate(nb)
    assert all(c.cell_type == "markdown" for c in nb.cells)
    text = "\n".join(c.source for c in nb.cells)
    assert text.startswith("# Mulai di sini")
    assert "data sintetis" in text.lower() and "bukan data resmi BPS" in text


def test_lab_overrides_are_merged_not_clobbered(tmp_path):
    target = tmp_path / "share/jupyter/lab/settings/overrides.json"
    target.parent.mkdir(parents=True)
    target.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}))
    install_lab_overrides(tmp_path)
    merged = json.loads(target.read_text())
    assert merged["@jupyterlab/apputils-extension:themes"] == {"theme": "JupyterLab Dark"}
    assert merged["@jupyterlab/translation-extension:plugin"]["locale"] == "id_ID"


@pytest.mark.server
def test_lab_serves_the_start_page(lab):
    base, _, log = lab
    status, body = _get(f"{base}/lab/tree/{START_PAGE}")
    assert status == 200 and b"JupyterLab" in body
    status, body = _get(f"{base}/api/contents/{START_PAGE}")
    assert json.loads(body)["content"]["cells"][0]["source"].startswith("# Mulai di sini")
    assert "127.0.0.1" in log.read_text()


@pytest.mark.server
def test_lab_is_in_indonesian_with_nbgrader_and_voila(lab):
    base = lab[0]
    _, body = _get(f"{base}/lab/api/settings/@jupyterlab/translation-extension:plugin")
    settings = json.loads(body)
    # overrides.json changes the schema default; a learner's own choice would be in "settings"
    assert settings["schema"]["properties"]["locale"]["default"] == "id_ID"
    assert settings["settings"].get("locale", "id_ID") == "id_ID"
    _, body = _get(f"{base}/lab/api/translations/id_ID")
    strings = json.loads(body)["data"]
    assert strings, "the Indonesian language pack is not installed"
    status, _ = _get(f"{base}/formgrader")
    assert status == 200
    status, body = _get(f"{base}/voila/render/{START_PAGE}")
    assert status == 200 and b"Mulai di sini" in body


@pytest.mark.browser
@pytest.mark.server
def test_lab_in_browser_is_indonesian_and_shows_start_page(lab, page, artifacts_dir):
    base = lab[0]
    page.goto(f"{base}/lab/tree/{START_PAGE}?token={TOKEN}")
    page.get_by_role("heading", name="Mulai di sini — Kelas Cantik").wait_for(timeout=60_000)
    page.screenshot(path=artifacts_dir / "jupyterlab-start.png")
    # The upstream id_ID pack translates only ~530 strings (menus such as "File" are not among them yet);
    # the file browser's "Name" column is, so it shows whether the pack is active.
    assert page.get_by_text("Nama", exact=True).first.is_visible()


@pytest.mark.server
def test_ctrl_c_stops_the_server_cleanly(tmp_path):
    from tests.servers import free_port, unblock_signals, wait_for_http

    port = free_port()
    proc = subprocess.Popen([CANTIK, "start", "--port", str(port), "--no-browser", "--token", TOKEN],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True, preexec_fn=unblock_signals)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/api/status?token={TOKEN}", timeout=120, proc=proc)
    finally:
        code = stop(proc)
    out = proc.stdout.read().decode()
    assert "Buka alamat ini" in out and f"127.0.0.1:{port}/lab/tree/{START_PAGE}?token={TOKEN}" in out
    assert code in (0, -signal.SIGINT), out[-2000:]
    # one Ctrl+C is a clean stop (kernels shut down), not a KeyboardInterrupt followed by a long finalization
    assert "Ctrl+C: JupyterLab dihentikan" in out and "Interrupted..." not in out, out[-2000:]


def test_second_bootstrap_reuses_the_venv():
    """`make start` run again reuses .venv: after one bootstrap, the next has nothing to do."""
    python = ROOT / ".venv" / "bin" / "python"
    before = python.lstat().st_ino
    subprocess.run(["make", "bootstrap"], cwd=ROOT, check=True, capture_output=True)  # no-op when current
    proc = subprocess.run(["make", "-q", "bootstrap"], cwd=ROOT)
    assert proc.returncode == 0, "make would reinstall .venv on a second run"
    assert python.lstat().st_ino == before


def test_every_cantik_command_named_in_the_docs_exists():
    """The start page and the READMEs only name `cantik …` commands that the CLI really has."""
    import re

    from cantik.cli import COMMANDS, build_parser

    build_parser()
    texts = {START_PAGE: "\n".join(c.source for c in nbformat.read(ROOT / START_PAGE, as_version=4).cells)}
    for readme in ["README.md", "grading/README.md"]:
        if (ROOT / readme).is_file():
            texts[readme] = (ROOT / readme).read_text()
    named = [(where, m) for where, text in texts.items()
             for m in re.findall(r"\bcantik ([a-z][a-z0-9-]*)(?: ([a-z][a-z0-9-]*))?", text)]
    assert len(named) >= 5
    for where, (first, second) in named:
        assert first in COMMANDS, f"{where}: `cantik {first}` does not exist"
        is_group = any(path.startswith(first + " ") for path in COMMANDS)
        if is_group and second:
            assert f"{first} {second}" in COMMANDS, f"{where}: `cantik {first} {second}` does not exist"
