"""What comes out of the sandbox: learners whose submissions attack what the grader and the trainer's
pages trust, graded together with honest learners in one course (issue 17).

The course (``outputs_course/keluaran``, written by :mod:`tests.adversarial.make_outputs_course`) is graded
with the project's own ``nbgrader_config.py`` through plain ``nbgrader autograde`` or ``cantik kelas nilai``
(:func:`grade`). Every learner answers honestly except for the attack, so the points each may get are
known (:attr:`Learner.points`):

* ``xss_*``: script in a written answer (markdown), in ``display(HTML/SVG/Javascript/Markdown)`` outputs,
  ``<img onerror>``, ``javascript:`` links, SVG with script, ``<details ontoggle>``, ``<iframe srcdoc>``;
  each script marks ``window.__cantik_xss`` and calls the trainer's ``/api/contents`` (list ``grading/``,
  write ``xss-<tag>.txt``), so a page that runs any of it is caught (:func:`executable_parts`,
  :data:`XSS_TAG`);
* ``kunci_*``: try to obtain the expected value of question 1a from the graded kernel (import the
  checks, read their source or compiled copy);
* ``bom_*``: answer data crafted to cost the grader gigabytes or crash it (:data:`BOMBS`: a range index of
  10⁹ entries, categories of 10⁹, a dtype with a huge sub-array, very wide strings, a malformed float, deep
  nesting; sent by replacing ``print`` in the kernel's ``builtins``) and a real 2×10⁷-row table; graded
  before the honest learners, who must still be graded;
* ``jujur_*``: honest learners, one of whom names variables ``print``, ``list``, ``json`` and ``type``.
"""

from __future__ import annotations

import base64
import hashlib
import html.parser
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

from tests.adversarial.make_outputs_course import HERE as SOURCE
from tests.adversarial.make_outputs_course import MODULE

ROOT = Path(__file__).resolve().parents[2]
NBGRADER = str(Path(sys.executable).with_name("nbgrader"))
#: Every attack script carries this, followed by its tag: seen in a request URL or in an executable part
#: of a page means the script (could have) run.
XSS_TAG = "xss-"

HONEST = {
    "jawaban_jumlah": "jumlah_penduduk = len(penduduk)\ncek(\"1a\", jumlah_penduduk)",
    "jawaban_rasio": "rasio = 120 / 100 * 100",
    "tafsiran": "Ada 120 laki-laki untuk setiap 100 perempuan.",
}


def js(tag: str) -> str:
    """A script that marks that it ran and uses the trainer's Jupyter API (only single quotes inside)."""
    x = XSS_TAG
    return (f"window.__cantik_xss=(window.__cantik_xss||[]).concat(['{tag}']);"
            f"fetch('/api/contents/grading?{x}{tag}');"
            f"fetch('/api/contents/{x}{tag}.txt',{{method:'PUT',headers:{{'Content-Type':'application/json'}},"
            "body:JSON.stringify({type:'file',format:'text',content:'diretas'})})")


def _short(tag: str) -> str:
    """A script short enough for a markdown link target (balanced brackets, no spaces)."""
    return f"window.__cantik_xss=['{tag}'];fetch('/api/contents/{XSS_TAG}{tag}.txt')"


def _script(tag: str) -> str:
    return f"<script>{js(tag)}</script>"


def _img(tag: str) -> str:
    return f'<img src=x onerror="{js(tag)}">'


def _display(*calls: str) -> str:
    return ("rasio = 120 / 100 * 100\n"
            "from IPython.display import HTML, SVG, Javascript, Markdown, display\n" + "\n".join(calls))


_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" onload="{a}">'
        '<script>{b}</script><rect width="40" height="40"/></svg>')


@dataclass(frozen=True)
class Learner:
    student: str
    answers: dict[str, str]
    points: float
    """Autograded points this learner may get (the written answer is graded by the trainer)."""


def _learner(student: str, points: float, **answers: str) -> Learner:
    return Learner(student, {**HONEST, **answers}, points)


def _forge(payload: str) -> str:
    """Answer code that makes the kernel send ``payload`` (JSON text) as the data of every later test cell,
    by replacing ``print`` in the ``builtins`` module (what the grader's extraction prints with)."""
    return ("import builtins\n_asli = builtins.print\n\n"
            "def _palsu(*args, **kwargs):\n"
            "    if args and str(args[0]).startswith('__CANTIK_JAWABAN__'):\n"
            f"        return _asli('__CANTIK_JAWABAN__' + {payload!r}, **kwargs)\n"
            "    return _asli(*args, **kwargs)\n\n"
            "builtins.print = _palsu\nrasio = 120 / 100 * 100")


def _range(n: int) -> dict:
    return {"t": "Index", "kind": "range", "range": [0, n, 1], "names": [{"t": "v", "v": None}]}


#: Crafted answer data (the transport format of :mod:`cantik.sandbox.answers`), each a few hundred bytes
#: to a few hundred kilobytes, that would cost the grader gigabytes or crash it without a budget.
BOMBS = {
    "bom_range": {"rasio": {"t": "Series", "name": {"t": "v", "v": None}, "index": _range(10**9),
                            "values": {"dtype": "float64", "v": [{"t": "f", "v": "1.0"}]}}},
    "bom_kategori": {"rasio": {"t": "Series", "name": {"t": "v", "v": None}, "index": _range(1),
                               "values": {"dtype": "category", "v": [{"t": "v", "v": 0}], "ordered": False,
                                          "categories": _range(10**9)}}},
    "bom_dtype": {"rasio": {"t": "ndarray", "dtype": "(f8, (1000000000,))", "shape": [1],
                            "v": [{"t": "f", "v": "1.0"}]}},
    "bom_lebar": {"rasio": {"t": "ndarray", "dtype": "<U10000", "shape": [40000],
                            "v": [{"t": "v", "v": "x"}] * 40000}},
    "bom_float": {"rasio": {"t": "f", "v": "seratus dua puluh"}},
}
BOMB_TEXT = {name: json.dumps(payload) for name, payload in BOMBS.items()}
BOMB_TEXT["bom_dalam"] = '{"rasio": ' + "[" * 50_000 + "]" * 50_000 + "}"


LEARNERS = [
    _learner("xss_tulisan_script", 2, tafsiran="Ada 120 laki-laki per 100 perempuan.\n\n"
             + _script("tulisan_script")),
    _learner("xss_tulisan_img", 2, tafsiran="Rasio 120. " + _img("tulisan_img")),
    _learner("xss_tulisan_tautan", 2, tafsiran=f"[Lihat rinciannya](javascript:{_short('tulisan_md')}) "
             f"atau <a href=\"javascript:{_short('tulisan_a')}\">klik di sini</a>"),
    _learner("xss_tulisan_svg", 2, tafsiran=_SVG.format(a=js("tulisan_svg_onload"), b=js("tulisan_svg"))
             + f'\n\n<details open ontoggle="{js("tulisan_details")}">rincian</details>\n\n'
             f'<iframe srcdoc="&lt;script&gt;{js("tulisan_iframe")}&lt;/script&gt;"></iframe>'),
    _learner("xss_kode_html", 2, jawaban_rasio=_display(f"display(HTML({_script('kode_script')!r}))",
                                                         f"display(HTML({_img('kode_img')!r}))")),
    _learner("xss_kode_svg", 2, jawaban_rasio=_display(
        f"display(SVG({_SVG.format(a=js('kode_svg_onload'), b=js('kode_svg'))!r}))",
        f"display({{'image/svg+xml': {_SVG.format(a=js('kode_svgraw_onload'), b=js('kode_svgraw'))!r}}},"
        " raw=True)")),
    _learner("xss_kode_js", 2, jawaban_rasio=_display(
        f"display(Javascript({js('kode_js')!r}))",
        f"display(Markdown({_img('kode_md')!r}))",
        f"display({{'text/html': {_script('kode_isolated')!r}}}, "
        "metadata={'text/html': {'isolated': True}}, raw=True)")),
    _learner("kunci_impor", 1, jawaban_jumlah=(
        "try:\n    from cantik.checks.core import ambil\n"
        "    jumlah_penduduk = ambil('1a').nilai_harapan()\n"
        "except Exception as exc:\n    print('KUNCI TIDAK ADA:', type(exc).__name__, exc)\n"
        "    jumlah_penduduk = -1")),
    _learner("kunci_berkas", 1, jawaban_jumlah=(
        "import marshal, pathlib\nimport cantik.checks as ck\n"
        "folder = pathlib.Path(ck.__file__).parent\nns = {'__name__': 'cantik.checks.modul1'}\n"
        "exec(compile((folder / 'modul1.py').read_text(), 'modul1.py', 'exec'), ns)\n"
        "for p in sorted((folder / '__pycache__').glob('modul1*.pyc')):\n"
        "    exec(marshal.loads(p.read_bytes()[16:]), ns)\n"
        "from cantik.checks.core import _REGISTRY\n"
        "jumlah_penduduk = _REGISTRY['1a'].nilai_harapan() if '1a' in _REGISTRY else -1")),
    *[_learner(name, 1, jawaban_rasio=_forge(text)) for name, text in BOMB_TEXT.items()],
    _learner("bom_baris", 1,
             jawaban_rasio="import pandas as pd\nrasio = pd.DataFrame(index=pd.RangeIndex(20_000_000))"),
    _learner("jujur_a", 2),
    _learner("jujur_nama", 2, jawaban_jumlah=(
        "print = 'cetak'\nlist = ['daftar']\njson = 'data.json'\ntype = 'jenis'\nsys = None\n"
        "jumlah_penduduk = len(penduduk)"), jawaban_rasio="isinstance = 0\nrasio = 120 / 100 * 100"),
]


def make_course(base: Path) -> Path:
    """A course root: the project's ``nbgrader_config.py``, this module as source, generated and with
    every learner's submission in ``grading/submitted``."""
    root = base / "kelas"
    (root / "courses").mkdir(parents=True)
    (root / "grading").mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    shutil.copytree(SOURCE, root / "courses" / MODULE)
    gen = subprocess.run([NBGRADER, "generate_assignment", MODULE, "--force"], cwd=root, env=env(),
                         capture_output=True, text=True, timeout=300)
    assert gen.returncode == 0, gen.stdout + gen.stderr
    release = nbformat.read(root / "notebooks" / MODULE / f"{MODULE}.ipynb", as_version=4)
    for learner in LEARNERS:
        nb = nbformat.from_dict(release)
        for cell in nb.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id in learner.answers and cell.metadata["nbgrader"].get("solution"):
                cell.source = learner.answers[grade_id]
        folder = root / "grading" / "submitted" / learner.student / MODULE
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / f"{MODULE}.ipynb")
        (folder / "timestamp.txt").write_text("2026-01-05 09:00:00.000000 UTC")
    return root


def env() -> dict[str, str]:
    """The grader's environment: this venv first on PATH, no gradebook/exchange of another course."""
    out = {k: v for k, v in os.environ.items() if k not in ("CANTIK_GRADEBOOK_URL", "CANTIK_EXCHANGE")}
    out["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    return out


def grade(root: Path, parallel: bool) -> dict:
    """Autograde every learner with plain ``nbgrader autograde`` or ``cantik kelas nilai``."""
    cmd = ([sys.executable, "-m", "cantik", "kelas", "nilai", MODULE, "--folder", str(root),
            "--tanpa-progres"] if parallel else [NBGRADER, "autograde", MODULE, "--force"])
    started = time.monotonic()
    run = subprocess.run(cmd, cwd=root, env=env(), capture_output=True, text=True, timeout=1200)
    return {"root": root, "run": run, "parallel": parallel, "elapsed": time.monotonic() - started}


def score(root: Path, student: str) -> float | None:
    """The learner's autograded points (code cells; the written answer is the trainer's to grade)."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(f"sqlite:///{root}/grading/gradebook.db") as gb:
        try:
            return gb.find_submission(MODULE, student).code_score
        except MissingEntry:
            return None


def autograded(root: Path, student: str) -> nbformat.NotebookNode:
    return nbformat.read(root / "grading" / "autograded" / student / MODULE / f"{MODULE}.ipynb", as_version=4)


class _Executable(html.parser.HTMLParser):
    """Collects what a browser could run: script text, event-handler attributes, script URLs, srcdoc."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        for name, value in attrs:
            value = value or ""
            squeezed = "".join(value.split()).lower()
            if squeezed.startswith("data:text/html;base64,"):
                value = base64.b64decode(value.split(",", 1)[1]).decode("utf-8", "replace")
            if name.startswith("on") or name == "srcdoc" or squeezed.startswith(("javascript:", "data:text")):
                self.parts.append(f"{tag}[{name}]={value}")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.parts.append(data)


def executable_parts(page: str) -> list[str]:
    """The parts of an HTML page a browser could execute that carry an attack's :data:`XSS_TAG`."""
    parser = _Executable()
    parser.feed(page)
    return [p for p in parser.parts if XSS_TAG in p]


def tree_hashes(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """SHA-256 of every file below ``folder`` (relative names), except those under ``skip``."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_file() and not rel.startswith(skip):
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out
