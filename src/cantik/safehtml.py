"""Learner content rendered as inert HTML, and the Content-Security-Policies of the pages that show it.

Everything a learner writes or makes a kernel display (markdown answers, ``display(HTML(...))``, SVG,
markdown outputs, widget state) reaches pages a trainer opens: formgrader (nbgrader renders submissions
through nbconvert's ``HTMLExporter``), nbgrader's feedback, the capstone export (:mod:`cantik.publish`).
Script there would run with the trainer's rights on the Jupyter server's origin. One allow-list cleaner
(:func:`clean`, the ``ammonia`` sanitiser through ``nh3``) makes it inert:

* tags outside the list go (their text stays); ``<script>``/``<style>`` go with their content;
* no event-handler or ``style`` attribute survives; links keep only ``http``, ``https``, ``mailto`` or
  relative targets (never ``javascript:``/``data:``); images only as embedded PNG/JPEG/GIF/WebP/SVG data,
  which a browser never runs as script (an ``<img>`` cannot execute an SVG's script);
* markdown is rendered *first* and then cleaned, so ``[x](javascript:...)`` written in markdown syntax is
  caught too, and the cleaned HTML is handed on as one raw HTML block that a second markdown pass
  (formgrader's template renders markdown itself, without nbconvert's ``clean_html``) leaves untouched.

:class:`SanitizeLearnerHTML` is that cleaner as an nbconvert preprocessor (a subclass of nbconvert's
``SanitizeHTML``), plugged in through configuration only: ``c.HTMLExporter.preprocessors`` in the
project's ``nbgrader_config.py`` (formgrader and ``nbgrader generate_feedback`` build their exporters from
it) and in :func:`cantik.publish.ekspor_html`. nbconvert's own ``HTMLExporter.sanitize_html`` is not
switched on: its bleach list escapes table headers and paragraphs, so learners' tables and writing would
show as raw tags, and formgrader's template bypasses it for markdown anyway.

Pages are also declared script-free or same-origin-only by a Content-Security-Policy:
:data:`PAGE_CSP` (a ``<meta>`` in every static page Kelas Cantik writes: feedback, class report, export)
and :data:`SERVER_CSP` (the header of every page of the Jupyter servers ``cantik start`` and the class
server run, :func:`server_settings`).

Examples
--------
>>> clean('<p onclick="x()">Rasio <b>105</b><script>fetch("/api/contents")</script></p>')
'<p>Rasio <b>105</b></p>'
>>> clean('<a href="javascript:alert(1)">klik</a>')
'<a rel="noopener noreferrer nofollow">klik</a>'
>>> "javascript" in markdown_html("[klik](javascript:alert(1))")
False
"""

from __future__ import annotations

import re
import typing as t

from nbconvert.preprocessors.sanitize import SanitizeHTML

#: What learner HTML may keep: text structure, lists, tables (pandas), links and embedded images.
TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
})
#: Attributes per tag (``*``: every tag). No ``style``, no ``id`` (could shadow the page's own elements).
ATTRIBUTES = {
    "*": {"title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
    "table": {"border"},
    "ol": {"start"},
    "col": {"span"},
    "colgroup": {"span"},
}
#: Embedded image types an ``<img>`` may show (an image is never run as script).
IMAGE_DATA = re.compile(r"data:image/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=\s]*\Z")
LINK_SCHEMES = ("http:", "https:", "mailto:")

#: Static pages (feedback, class report, export): no script, nothing fetched, embedded images only.
PAGE_CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; "
            "base-uri 'none'; form-action 'none'")
#: The Jupyter servers (``cantik start``, the class server). Nothing is loaded from or sent to another
#: origin, no plugins, no foreign framing, no ``<base>``/form hijack. Inline script stays allowed: the
#: formgrader's own pages set their variables in inline ``<script>`` blocks (learner content reaching those
#: pages is cleaned by :class:`SanitizeLearnerHTML`). ``'unsafe-eval'``: without it JupyterLab 4 never
#: finishes starting (measured in chromium: its file browser does not appear).
SERVER_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
              "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
              "connect-src 'self'; worker-src 'self' blob:; frame-src 'self' blob: data:; "
              "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'")


def _attribute(tag: str, name: str, value: str) -> str | None:
    """Keep an allowed attribute's value only when it cannot carry script."""
    if tag == "img" and name == "src":
        return value if IMAGE_DATA.match(value.strip()) else None
    if tag == "a" and name == "href":
        target = re.sub(r"[\x00-\x20]", "", value).lower()
        scheme = re.match(r"[a-z][a-z0-9+.-]*:", target)
        return value if scheme is None or scheme.group(0) in LINK_SCHEMES else None
    return value


def clean(html: str) -> str:
    """``html`` with everything that could run, load or restyle removed (see the module docstring)."""
    import nh3

    return nh3.clean(
        str(html), tags=set(TAGS), clean_content_tags={"script", "style"},
        attributes={k: set(v) for k, v in ATTRIBUTES.items()}, attribute_filter=_attribute,
        url_schemes={"http", "https", "mailto", "data"}, strip_comments=True,
        link_rel="noopener noreferrer nofollow",
    )


def _one_block(html: str) -> str:
    """Cleaned HTML as one raw HTML block (no blank line), so a markdown renderer passes it through."""
    return '<div class="cantik-aman">' + html.strip().replace("\r", "").replace("\n", "&#10;") + "</div>"


def markdown_html(source: str, attachments: dict[str, t.Any] | None = None) -> str:
    """Render markdown (as nbconvert does), then clean it; ``attachment:`` images become embedded data.

    Examples
    --------
    >>> markdown_html("**Benar**: <img src=x onerror=alert(1)>")
    '<div class="cantik-aman"><p><strong>Benar</strong>: <img></p></div>'
    """
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    text = str(source)
    for name, bundle in (attachments or {}).items():
        for mime, data in (bundle or {}).items():
            if str(mime).startswith("image/") and isinstance(data, str):
                text = text.replace(f"attachment:{name}", f"data:{mime};base64,{data.strip()}")
                break
    return _one_block(clean(markdown2html_mistune(text)))


#: Output types kept as they are: plain text, embedded images (shown through ``<img>``), LaTeX (escaped).
SAFE_OUTPUTS = frozenset({"metadata", "text/plain", "text/latex", "image/png", "image/jpeg", "image/gif",
                          "image/svg+xml"})


class SanitizeLearnerHTML(SanitizeHTML):
    """nbconvert preprocessor: every markdown cell, raw cell and rich output of the notebook made inert.

    Configure it instead of nbconvert's default list (no config option of ``SanitizeHTML`` can clean
    markdown *after* rendering it)::

        c.HTMLExporter.preprocessors = ["cantik.safehtml.SanitizeLearnerHTML"]

    Besides cleaning: ``text/html`` and ``text/markdown`` outputs become cleaned ``text/html``;
    ``application/javascript``, widget views and every other unknown type are dropped; an "isolated"
    output is rendered inline like the rest; the notebook's saved widget state (which nbconvert's template
    would hand to a widget renderer loaded from the internet) is removed.
    """

    def preprocess(self, nb: t.Any, resources: t.Any) -> tuple[t.Any, t.Any]:
        """Drop the saved widget state, then clean every cell."""
        nb.metadata.pop("widgets", None)
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell: t.Any, resources: t.Any, cell_index: int) -> tuple[t.Any, t.Any]:
        """Clean one cell in place (see the class docstring)."""
        if cell.cell_type == "markdown":
            cell.source = markdown_html(cell.source, cell.get("attachments"))
            cell.pop("attachments", None)
        elif cell.cell_type == "raw":
            cell.source = clean(cell.source)
        elif cell.cell_type == "code":
            for output in cell.get("outputs", []):
                self._clean_output(output)
            cell.outputs = [o for o in cell.get("outputs", []) if o.get("data", True)]  # nothing left: gone
        return cell, resources

    def sanitize_html_tags(self, html_str: str) -> str:
        """nbconvert's hook for one HTML string, with :func:`clean`'s allow-list."""
        return clean(html_str)

    @staticmethod
    def _clean_output(output: t.Any) -> None:
        if "data" not in output:
            return  # stream and error text is escaped by every template
        data = output["data"]
        markdown = data.pop("text/markdown", None)
        if "text/html" in data:
            data["text/html"] = clean(_text(data["text/html"]))
        elif markdown is not None:
            data["text/html"] = markdown_html(_text(markdown))
        for key in [k for k in data if k not in SAFE_OUTPUTS and k != "text/html"]:
            del data[key]
        meta = output.get("metadata", {})
        if isinstance(meta.get("text/html"), dict):
            meta["text/html"].pop("isolated", None)


def _text(value: t.Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def csp_meta() -> str:
    """The ``<meta>`` declaring :data:`PAGE_CSP`, for the ``<head>`` of a static page (put it first)."""
    return f'<meta http-equiv="Content-Security-Policy" content="{PAGE_CSP}">'


def with_csp(page: str) -> str:
    """``page`` (a whole HTML document) with :func:`csp_meta` right after its ``<head>``.

    Examples
    --------
    >>> with_csp("<html><head><title>x</title></head></html>")[:60]
    '<html><head><meta http-equiv="Content-Security-Policy" conte'
    """
    head = re.search(r"<head(\s[^>]*)?>", page, flags=re.IGNORECASE)
    if head is None:
        return csp_meta() + page
    return page[: head.end()] + csp_meta() + page[head.end():]


def server_settings(terminals: bool = False) -> dict[str, t.Any]:
    """Jupyter Server configuration: :data:`SERVER_CSP` on every page, terminals off unless asked.

    Returns a mapping of ``{"ServerApp": {...}}`` to merge into a config object or write as JSON.
    """
    return {"ServerApp": {
        "tornado_settings": {"headers": {"Content-Security-Policy": SERVER_CSP}},
        "terminals_enabled": bool(terminals),
    }}


def configure_nbconvert(c: t.Any) -> None:
    """Make nbconvert's HTML pages of submissions inert (formgrader, ``nbgrader generate_feedback``)."""
    current = list(c.HTMLExporter.get("preprocessors", []) or [])
    name = f"{__name__}.SanitizeLearnerHTML"
    if name not in current and SanitizeLearnerHTML not in current:
        c.HTMLExporter.preprocessors = [name, *current]


def write_server_config(folder: str | t.Any, terminals: bool = False) -> t.Any:
    """Merge :func:`server_settings` into ``<folder>/jupyter_server_config.json`` (a Jupyter config path
    folder, see ``JUPYTER_CONFIG_PATH``); other settings already in that file are kept. Returns its path.
    """
    import json
    from pathlib import Path

    path = Path(folder) / "jupyter_server_config.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    current = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    server = {**current.get("ServerApp", {}), **server_settings(terminals)["ServerApp"]}
    path.write_text(json.dumps({**current, "ServerApp": server}, indent=1), encoding="utf-8")
    return path
