"""The learner-HTML cleaner (cantik.safehtml): what it removes, what it keeps readable, and the server
settings ``cantik start`` and the class server write. Browser evidence:
tests/adversarial/test_outputs_inert.py.
"""

from __future__ import annotations

import json

import nbformat
import pandas as pd
import pytest
from nbconvert import HTMLExporter
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from cantik.safehtml import SERVER_CSP, SanitizeLearnerHTML, clean, markdown_html, write_server_config


@pytest.mark.parametrize("dirty", [
    "<script>fetch('/api/contents')</script>",
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href=" JaVa\tScRiPt:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<svg onload="alert(1)"><script>alert(1)</script></svg>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<details open ontoggle="alert(1)">x</details>',
    '<form action="/api/contents"><button formaction="javascript:alert(1)">x</button></form>',
    '<div style="position:fixed;top:0">x</div><style>body{display:none}</style>',
    '<img src="https://example.org/pelacak.png">',
])
def test_nothing_that_runs_loads_or_restyles_survives(dirty: str) -> None:
    cleaned = clean(dirty).lower()
    for bad in ("<script", "onerror", "onload", "ontoggle", "javascript", "srcdoc", "<iframe", "<form",
                "style", "data:text", "example.org", "<svg"):
        assert bad not in cleaned, (dirty, cleaned)


def test_learner_tables_images_and_writing_stay() -> None:
    table = pd.DataFrame({"rt": ["RT 1", "RT 2"], "laki": [120, 95]}).to_html()
    image = '<img src="data:image/png;base64,iVBORw0KGgo=" alt="grafik">'
    cleaned = clean(table + image + "<p><b>Rasio</b> 105</p>")
    assert "<th>laki</th>" in cleaned and "<td>RT 2</td>" in cleaned
    assert image.replace(">", "") in cleaned and "<b>Rasio</b>" in cleaned
    md = markdown_html("**Rasio** 105 per 100 perempuan; [sumber](https://bps.go.id) [x](javascript:1)")
    assert "<strong>Rasio</strong>" in md and 'href="https://bps.go.id"' in md and "javascript" not in md


def test_preprocessor_keeps_charts_and_drops_scripts() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect/></svg>'
    cell = new_code_cell("x", outputs=[
        new_output("display_data", data={"image/svg+xml": svg, "text/plain": "grafik"}),
        new_output("display_data", data={"application/javascript": "alert(1)"}),
        new_output("display_data", data={"text/markdown": "[x](javascript:alert(1))"}),
        new_output("display_data", data={"text/html": "<script>alert(1)</script><b>ok</b>"},
                   metadata={"text/html": {"isolated": True}}),
    ])
    nb = new_notebook(cells=[new_markdown_cell("<script>alert(1)</script>Tafsiran saya."), cell])
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    exporter = HTMLExporter()
    exporter.register_preprocessor(SanitizeLearnerHTML, enabled=True)
    page, _ = exporter.from_notebook_node(nbformat.from_dict(nb))
    body = page.split("<body", 1)[1]
    assert "alert(1)" not in body and "isolated-iframe" not in body and "Tafsiran saya." in body
    assert "data:image/svg+xml;base64," in body and "<b>ok</b>" in body  # the chart, shown as an image


def test_server_settings_merge_into_the_role_config(tmp_path) -> None:
    (tmp_path / "jupyter_server_config.json").write_text(json.dumps(
        {"ServerApp": {"jpserver_extensions": {"nbgrader.server_extensions.formgrader": False}}}))
    path = write_server_config(tmp_path, terminals=False)
    server = json.loads(path.read_text())["ServerApp"]
    assert server["jpserver_extensions"] == {"nbgrader.server_extensions.formgrader": False}
    assert server["terminals_enabled"] is False
    assert server["tornado_settings"]["headers"]["Content-Security-Policy"] == SERVER_CSP
