"""The Indonesian error explainer in a real IPython kernel (jupyter_client): one case per error kind.

Each case runs the same cell twice in one kernel, before and after the setup cell's ``jelaskan_galat()``:
after, an explanation is displayed *before* the error, and the error itself (ename, evalue, traceback, reply
status) is the one Python gave without the explainer.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from jupyter_client.blocking.client import BlockingKernelClient
from jupyter_client.manager import KernelManager, start_new_kernel

SETUP = """
import pandas as pd
penduduk = pd.DataFrame({"umur": [4, 70], "jenis_kelamin": ["L", "P"], "rt": [1, 2]})
jumlah_penduduk = len(penduduk)
"""

#: (case id, cell, expected ename, fragments the explanation must contain)
CASES = [
    ("name-misspelt", "print(jumlah_pendudk)", "NameError", ["belum mengenal nama `jumlah_pendudk`",
                                                             "maksud Anda `jumlah_penduduk`"]),
    ("name-cell-not-run", "rasio = laki_laki / perempuan", "NameError",
     ["belum mengenal nama `laki_laki`", "jalankan dulu sel itu", "Run All Above"]),
    ("name-setup-not-run", "plt.show()", "NameError", ["sel persiapan"]),
    ("name-unquoted-text", "penduduk[penduduk.jenis_kelamin == Perempuan]", "NameError",
     ["di antara tanda kutip"]),
    ("key-column", "penduduk[\"Umur \"].mean()", "KeyError",
     ["tidak punya kolom", "`umur`", "Kolom yang ada: `umur`, `jenis_kelamin`, `rt`"]),
    ("key-columns-list", "penduduk[[\"rt\", \"jenis_kelamn\"]]", "KeyError",
     ["tidak punya kolom", "`jenis_kelamin`"]),
    ("key-columns-one-bracket", "penduduk[\"rt\", \"umur\"]", "KeyError", ["`tabel[[\"rt\", \"umur\"]]`"]),
    # the lesson's words for a column: a place in dusun says "per dusun", its column is still `rt`
    ("key-column-in-words", "penduduk.groupby(\"dusun\").size()", "KeyError",
     ["Maksud Anda kolom `rt`?", "Nomor RT atau dusun ada di kolom `rt`", "`tabel[\"rt\"]`"]),
    ("key-column-synonym", "penduduk[\"usia\"].mean()", "KeyError", ["Maksud Anda kolom `umur`?"]),
    ("attribute-column-in-words", "penduduk.dusun.value_counts()", "AttributeError", ["`tabel[\"rt\"]`"]),
    ("syntax-quote", "nama = \"Kandangan Utara", "SyntaxError", ["tanda kutip yang tidak ditutup"]),
    ("syntax-bracket", "print(len(penduduk)", "SyntaxError", ["kurung yang dibuka tetapi tidak ditutup"]),
    ("syntax-decimal-comma", "ambang = 0,05", "SyntaxError", ["`12.5`, bukan `12,5`"]),
    ("syntax-unquoted-question-id", "petunjuk(2a)", "SyntaxError", ["`petunjuk(\"2a\")`"]),
    ("syntax-curly-quotes", "nama = “Kandangan”", "SyntaxError", ["tanda kutip miring"]),
    ("syntax-assign-vs-compare", "if jumlah_penduduk = 2:\n    print('dua')", "SyntaxError", ["`==`"]),
    ("indentation-unexpected", "a = 1\n    b = 2", "IndentationError", ["Hapus spasi di depan baris 2"]),
    ("indentation-expected", "for u in penduduk.umur:\nprint(u)", "IndentationError", ["4 spasi"]),
    ("type-str-plus-number", "\"Jumlah: \" + jumlah_penduduk", "TypeError",
     ["menggabungkan teks dengan angka"]),
    ("type-compare-text-number", "pd.Series([\"12\", \"70\"]) > 60", "TypeError",
     ["membandingkan teks dengan angka", "pd.to_numeric"]),
    ("type-call-table", "penduduk(\"umur\")", "TypeError", ["kurung **siku**"]),
    ("type-decimal-comma-tuple", "persen = 12,5\npersen * 1.5", "TypeError", ["`12.5`, bukan `12,5`"]),
    ("attribute-method", "penduduk[\"umur\"].meen()", "AttributeError", ["maksud Anda `.mean`"]),
    ("attribute-column", "penduduk.umr", "AttributeError", ["`tabel[\"umur\"]`"]),
    ("attribute-module-function", "import math\nmath.sqr(4)", "AttributeError", ["`.sqrt`"]),
    ("module-not-found", "import matplotlib.pyplott as plt", "ModuleNotFoundError",
     ["maksud Anda `matplotlib.pyplot`", "tanyakan kepada pelatih"]),
    ("import-name", "from cantik.checks import cekk", "ImportError", ["maksud Anda `cek`"]),
    ("file-not-found", "pd.read_csv(\"penduduk_rt1.csv\")", "FileNotFoundError",
     ["`penduduk_rt1.csv` tidak ditemukan", "`load(\"nama_tabel\")`"]),
    ("load-unknown-table", "from cantik.data import load\nload(\"pendudukk\")", "DataNotFoundError",
     ["Tabel, wilayah atau berkas data yang diminta tidak ada"]),
    ("value-decimal-comma", "float(\"12,5\")", "ValueError", ["`12.5`, bukan `12,5`"]),
    ("value-series-and", "penduduk[penduduk.umur > 5 and penduduk.umur < 60]", "ValueError",
     ["`&` (dan)"]),
    ("skeleton-left", "huruf_awal = ...\njk = huruf_awal.map({})", "AttributeError",
     ["Masih ada `...`", "`huruf_awal`"]),
    ("unanswered-cell", "# TULIS KODE ANDA DI SINI\nraise NotImplementedError()", "NotImplementedError",
     ["Sel jawaban ini belum diisi"]),
    ("answered-but-raise-left", "# TULIS KODE ANDA DI SINI\njumlah = len(penduduk)\n"
     "raise NotImplementedError()\ncek(\"1a\", jumlah)", "NotImplementedError",
     ["sudah ada, tetapi baris `raise NotImplementedError()` masih tertinggal"]),
    ("compare-number-column-with-text", "penduduk[penduduk[\"umur\"] > \"15\"]", "TypeError",
     ["kolom angka dengan teks", "`penduduk[\"umur\"] > 15`"]),
    ("method-without-parentheses", "rata_rata = penduduk[\"umur\"].mean\nrata_rata * 2", "TypeError",
     ["tanpa kurung `()`", "`penduduk[\"umur\"].mean()`"]),
    ("round-text", "round(\"41,5\", 1)", "TypeError", ["hanya bisa membulatkan angka", "`12.5`"]),
    ("zero-division", "anak = penduduk[penduduk[\"jenis_kelamin\"] == \"l\"]\n1 / len(anak)",
     "ZeroDivisionError", ["membagi dengan nol", "`\"L\"` tidak sama dengan `\"l\"`"]),
    ("position-out-of-range", "penduduk[\"umur\"].iloc[2]", "IndexError",
     ["dihitung mulai dari 0", "`.loc[label]`"]),
]

#: Errors the explainer does not know: shown exactly as before, with nothing added.
UNEXPLAINED = [("assertion", "assert jumlah_penduduk == 3, 'Soal 1a: belum tepat'", "AssertionError"),
               ("overflow", "2.0 ** 10000", "OverflowError")]


class Kernel:
    def __init__(self) -> None:
        self.km: KernelManager
        self.kc: BlockingKernelClient
        self.km, self.kc = start_new_kernel(kernel_name="python3", startup_timeout=300)

    def run(self, code: str) -> tuple[list[tuple[str, dict[str, Any]]], str]:
        """Outputs ``[(msg_type, content)]`` of one cell, and the execute reply's status."""
        msg_id = self.kc.execute(code, stop_on_error=False)
        outputs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=120)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "status" and msg["content"]["execution_state"] == "idle":
                break
            if kind in ("stream", "display_data", "execute_result", "error"):
                outputs.append((kind, msg["content"]))
        while True:
            reply = self.kc.get_shell_msg(timeout=120)
            if reply["parent_header"].get("msg_id") == msg_id:
                return outputs, reply["content"]["status"]

    def stop(self) -> None:
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def _normal(traceback: list[str]) -> list[str]:
    """A traceback without what differs between two runs of the same cell (prompt number, file name)."""
    text = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in traceback]
    return [re.sub(r"In\[\d+\]|/tmp/ipykernel_\d+/\d+\.py|\d+\.py", "…", line) for line in text]


@pytest.fixture(scope="module")
def runs() -> Iterator[dict[str, tuple[list[tuple[str, dict[str, Any]]], str]]]:
    """Every case's outputs without the explainer (``"<id>:asli"``) and with it (``"<id>"``)."""
    kernel = Kernel()
    try:
        _, status = kernel.run(SETUP)
        assert status == "ok"
        cases = [(c[0], c[1]) for c in CASES] + [(c[0], c[1]) for c in UNEXPLAINED]
        out = {f"{cid}:asli": kernel.run(code) for cid, code in cases}
        _, status = kernel.run("from cantik.error_explainer import jelaskan_galat\njelaskan_galat()")
        assert status == "ok"
        out.update({cid: kernel.run(code) for cid, code in cases})
        yield out
    finally:
        kernel.stop()


def _error(outputs: list[tuple[str, dict[str, Any]]]) -> tuple[int, dict[str, Any]]:
    errors = [(i, c) for i, (kind, c) in enumerate(outputs) if kind == "error"]
    assert len(errors) == 1, outputs
    return errors[0]


@pytest.mark.parametrize(("cid", "code", "ename", "fragments"), CASES, ids=[c[0] for c in CASES])
def test_error_gets_indonesian_explanation_above_the_unchanged_traceback(
    runs: dict, cid: str, code: str, ename: str, fragments: list[str]
) -> None:
    outputs, status = runs[cid]
    original, original_status = runs[f"{cid}:asli"]
    assert status == original_status == "error"  # the reply still says error: nbclient/nbgrader see it
    where, error = _error(outputs)
    _, plain = _error(original)
    assert error["ename"] == plain["ename"] == ename
    assert error["evalue"] == plain["evalue"]
    assert _normal(error["traceback"]) == _normal(plain["traceback"])  # Python's own message, untouched
    explanations = [c for kind, c in outputs[:where] if kind == "display_data"]
    assert len(explanations) == 1, outputs
    text, page = explanations[0]["data"]["text/plain"], explanations[0]["data"]["text/html"]
    assert text.startswith("💡 Penjelasan:") and "Pesan asli dari Python ada di bawah" in text
    for fragment in fragments:
        assert fragment.replace("**", "") in text, (fragment, text)
    assert "cantik-penjelasan-galat" in page and ("`" in text) == ("<code>" in page)
    assert not [c for kind, c in outputs[where + 1:] if kind == "display_data"]  # nothing below the error


@pytest.mark.parametrize(("cid", "code", "ename"), UNEXPLAINED, ids=[c[0] for c in UNEXPLAINED])
def test_other_errors_are_shown_exactly_as_before(runs: dict, cid: str, code: str, ename: str) -> None:
    outputs, status = runs[cid]
    original, original_status = runs[f"{cid}:asli"]
    assert status == original_status == "error"
    assert [kind for kind, _ in outputs] == [kind for kind, _ in original] == ["error"]
    assert outputs[0][1]["ename"] == ename
    assert _normal(outputs[0][1]["traceback"]) == _normal(original[0][1]["traceback"])


def test_every_explained_kind_has_a_case() -> None:
    import builtins

    from cantik.data.loader import DataNotFoundError
    from cantik.error_explainer import EXPLAINED

    raised = [getattr(builtins, c[2], DataNotFoundError) for c in CASES]
    assert [k for k in EXPLAINED if not any(issubclass(r, k) for r in raised)] == []


def test_installing_outside_ipython_does_nothing() -> None:
    """A script that runs a notebook's code (plain Python, no IPython shell): nothing is installed. In a
    fresh interpreter, since other tests of this process may have created an IPython shell."""
    code = "from cantik.error_explainer import jelaskan_galat; print(jelaskan_galat())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_released_answer_cells_are_never_taken_for_written_code() -> None:
    """Every released answer cell (given code above the marker, skeletons, display lines after cek) reads as
    not answered; the same cell with one line of the learner's code reads as answered (the grader's feedback
    and the kernel's explanation then say the raise was left behind)."""
    import json
    from pathlib import Path

    from cantik.error_explainer import ada_kode_jawaban

    root = Path(__file__).resolve().parents[1]
    marker = "# TULIS KODE ANDA DI SINI"
    cells = [src for f in sorted((root / "notebooks").glob("modul*/*.ipynb"))
             for c in json.loads(f.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"
             for src in ["".join(c["source"])] if "raise NotImplementedError()" in src]
    assert len(cells) > 50
    assert [c for c in cells if ada_kode_jawaban(c)] == []
    assert all(ada_kode_jawaban(c.replace(marker, marker + "\njawaban = 1")) for c in cells if marker in c)
