"""Grade test cells in the grader's own process, on the learner's answers taken out as plain data.

A test cell never runs in the learner's kernel: the grader asks the kernel for the values of the names the
test reads (``rasio``, ``tabel`` …) as plain data (numbers, strings, lists, dicts, numpy arrays, pandas
tables; a matplotlib chart as the SVG matplotlib renders for it, see :mod:`cantik.checks.figures`), rebuilds
them here, and runs the trainer's test code on them. So the hidden tests and expected
values never enter the learner's process, and an object overriding ``__eq__``/``__float__``/``__bool__``
or a monkeypatched ``numpy``/``pandas``/``builtins`` in the notebook earns nothing: only data crosses.
A value that is not plain data (a custom class, a subclass of ``float``) is refused with an Indonesian
message, so the test fails.

:class:`cantik.sandbox.execute.SandboxExecute` uses this when ``grade_in_grader`` is on.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import io
import json
import typing as t

MARKER = "__CANTIK_JAWABAN__"
#: Runs in the learner's kernel; prints the JSON after MARKER. Whatever it prints is only data.
EXTRACT = r'''
def __cantik_ekstrak(names, marker, svg_limit):
    import json, sys
    np = sys.modules.get("numpy")
    pd = sys.modules.get("pandas")

    def enc(v, depth=0):
        if depth > 6:
            return {"t": "unsupported", "type": "terlalu bersarang"}
        if v is None or type(v) in (bool, int, str):
            return {"t": "v", "v": v}
        if type(v) is float:
            return {"t": "f", "v": repr(v)}
        if np is not None and isinstance(v, np.generic) and type(v).__module__ == "numpy":
            return enc(v.item(), depth + 1)
        if type(v) in (list, tuple):
            return {"t": type(v).__name__, "v": [enc(x, depth + 1) for x in v]}
        if type(v) is dict and all(type(k) is str for k in v):
            return {"t": "dict", "v": {k: enc(x, depth + 1) for k, x in v.items()}}
        if np is not None and type(v) is np.ndarray and v.dtype.kind in "biufUS":
            return {"t": "ndarray", "dtype": str(v.dtype), "v": enc(v.tolist(), depth + 1)}
        if pd is not None and type(v) is pd.Timestamp:
            return {"t": "ts", "v": v.isoformat()}
        if pd is not None and type(v) is pd.Timedelta:
            return {"t": "td", "v": v.isoformat()}
        if pd is not None and type(v) is pd.Period:
            return {"t": "period", "v": str(v), "freq": v.freqstr}
        if pd is not None and type(v) in (pd.Series, pd.DataFrame):
            series = type(v) is pd.Series
            frame = v.to_frame(name="__nilai__") if series else v
            item = (lambda x: x.item() if hasattr(x, "item") else x)
            return {"t": type(v).__name__, "name": enc(item(v.name), depth + 1) if series else None,
                    "columns": enc([item(c) for c in frame.columns], depth + 1),
                    "columns_name": enc(item(frame.columns.name), depth + 1),
                    "index": enc([item(x) if type(x) is not tuple else tuple(item(y) for y in x)
                                  for x in frame.index.tolist()], depth + 1),
                    "index_names": enc([None if n is None else str(n) for n in frame.index.names], depth + 1),
                    "range": ([frame.index.start, frame.index.stop, frame.index.step]
                              if type(frame.index) is pd.RangeIndex else None),
                    "dtypes": [str(d) for d in frame.dtypes],
                    "v": enc([[x.item() if hasattr(x, "item") else x for x in row]
                              for row in frame.to_numpy(dtype=object).tolist()], depth + 1)}
        svg = __cantik_svg(v)
        if svg is not None:
            return {"t": "grafik", "svg": svg if len(svg) <= svg_limit else None}
        return {"t": "unsupported", "type": type(v).__module__ + "." + type(v).__qualname__}

    g = globals()
    out = {n: (enc(g[n]) if n in g else {"t": "missing"}) for n in names}
    print(marker + json.dumps(out))
'''


class Unusable(Exception):
    """A name the test needs is missing or not plain data (message in Indonesian)."""


def free_names(source: str) -> list[str] | None:
    """Names a test cell reads but does not define (``None`` when the source is not plain Python).

    Examples
    --------
    >>> free_names("import math\\nassert math.isclose(rasio, 120), pesan")
    ['pesan', 'rasio']
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    loaded: set[str] = set()
    bound: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            bound |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    return sorted(loaded - bound - set(dir(builtins)))


def _render_code() -> str:
    """Source of :func:`cantik.checks.figures.render_chart_svg` for the kernel: named ``__cantik_svg``,
    without annotations (they would be evaluated among the learner's names)."""
    import inspect
    import textwrap

    from cantik.checks.figures import render_chart_svg

    func = ast.parse(textwrap.dedent(inspect.getsource(render_chart_svg))).body[0]
    assert isinstance(func, ast.FunctionDef)
    func.name, func.returns = "__cantik_svg", None
    for arg in (*func.args.args, *func.args.kwonlyargs):
        arg.annotation = None
    return ast.unparse(func) + "\n"


def extraction_code(names: list[str]) -> str:
    """Code to run in the kernel: prints the values of ``names`` as plain data (charts as their SVG)."""
    from cantik.checks.chart_reader import MAX_CHARS

    return (_render_code() + EXTRACT + f"\n__cantik_ekstrak({names!r}, {MARKER!r}, {MAX_CHARS})\n"
            "del __cantik_ekstrak, __cantik_svg\n")


def parse_extraction(text: str) -> dict[str, t.Any]:
    """The JSON the kernel printed after :data:`MARKER` (the last occurrence)."""
    _, sep, payload = text.rpartition(MARKER)
    if not sep:
        raise Unusable("Jawaban tidak bisa dibaca dari notebook (kernel tidak mengirim data jawaban).")
    try:
        data = json.loads(payload.strip().splitlines()[0])
    except (json.JSONDecodeError, IndexError) as exc:
        raise Unusable("Jawaban tidak bisa dibaca dari notebook (data jawaban rusak).") from exc
    if not isinstance(data, dict):
        raise Unusable("Jawaban tidak bisa dibaca dari notebook (data jawaban rusak).")
    return data


def decode(name: str, obj: t.Any) -> t.Any:
    """Rebuild one plain value in the grader (numbers, strings, lists, dicts, numpy, pandas)."""
    kind = obj.get("t") if isinstance(obj, dict) else None
    if kind == "missing":
        raise Unusable(f"Variabel `{name}` belum dibuat: jalankan sel jawaban yang membuatnya.")
    if kind == "unsupported":
        if str(obj.get("type", "")).startswith("matplotlib."):
            raise Unusable(f"Jawaban `{name}` bertipe {obj.get('type')}, bagian dari grafik, bukan "
                           "gambarnya. Simpan gambarnya sendiri (Figure atau Axes), mis. "
                           "`fig, ax = plt.subplots()` lalu gunakan `fig`.")
        raise Unusable(f"Jawaban `{name}` bertipe {obj.get('type')}, bukan angka, teks, daftar atau "
                       "tabel biasa, jadi tidak bisa dinilai.")
    if kind == "grafik":
        from cantik.checks.chart_reader import MAX_CHARS
        from cantik.checks.figures import Gambar

        svg = obj.get("svg")
        if not isinstance(svg, str) or len(svg) > MAX_CHARS:
            raise Unusable(f"Grafik `{name}` terlalu besar untuk diperiksa (terlalu banyak batang atau "
                           "titik).")
        return Gambar(svg)
    if kind == "v" and (obj["v"] is None or type(obj["v"]) in (bool, int, str)):
        return obj["v"]
    if kind == "f":
        return float(obj["v"])
    if kind in ("list", "tuple"):
        items = [decode(name, x) for x in obj["v"]]
        return items if kind == "list" else tuple(items)
    if kind == "dict":
        return {str(k): decode(name, x) for k, x in obj["v"].items()}
    if kind == "ndarray":
        import numpy as np

        return np.array(decode(name, obj["v"]), dtype=np.dtype(str(obj["dtype"])))
    if kind in ("ts", "td", "period"):
        import pandas as pd

        value = str(obj["v"])
        if kind == "ts":
            return pd.Timestamp(value)
        return pd.Timedelta(value) if kind == "td" else pd.Period(value, freq=str(obj["freq"]))
    if kind in ("Series", "DataFrame"):
        import pandas as pd

        index = decode(name, obj["index"])
        names = decode(name, obj["index_names"])
        if obj.get("range") is not None:
            start, stop, step = (int(x) for x in obj["range"])
            index = pd.RangeIndex(start, stop, step, name=names[0])
        elif len(names) > 1 and index:
            index = pd.MultiIndex.from_tuples(index, names=names)
        else:
            index = pd.Index(index, name=names[0], tupleize_cols=False)
        frame = pd.DataFrame(decode(name, obj["v"]), index=index)
        frame.columns = pd.Index(decode(name, obj["columns"]), tupleize_cols=False,
                                 name=decode(name, obj["columns_name"]))
        for i, dtype in enumerate(list(obj.get("dtypes", []))[:frame.shape[1]]):
            with contextlib.suppress(Exception):
                frame.isetitem(i, frame.iloc[:, i].astype(str(dtype)))
        if kind == "Series":
            series = frame.iloc[:, 0]
            label = obj.get("name")
            series.name = decode(name, label) if isinstance(label, dict) else label
            return series
        return frame
    raise Unusable(f"Jawaban `{name}` tidak bisa dibaca (bentuk data tidak dikenal).")


def answer_code(cells: t.Sequence[t.Any], index: int) -> str:
    """The source of the answer cell a test cell grades: the nearest solution code cell above ``index``.

    Examples
    --------
    >>> cells = [{"cell_type": "code", "source": "x = 1", "metadata": {"nbgrader": {"solution": True}}},
    ...          {"cell_type": "code", "source": "uji('1a', x)", "metadata": {"nbgrader": {"grade": True}}}]
    >>> answer_code(cells, 1)
    'x = 1'
    """
    for cell in reversed(list(cells)[:index]):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.get("cell_type") == "code" and meta.get("solution"):
            source = cell.get("source", "")
            return "".join(source) if isinstance(source, list) else str(source)
    return ""


def run_test(source: str, values: dict[str, t.Any], answer: str | None = None
             ) -> tuple[str, dict[str, str] | None]:
    """Run trusted test code here on rebuilt values; return (stdout, error or ``None``).

    ``answer`` is the code of the answer cell being graded (:func:`answer_code`), available to the checks
    through :data:`cantik.checks.core.KODE_JAWABAN` while the test runs. The error is ``{"ename",
    "evalue"}`` only: the test's code (hidden tests) is never shown.
    """
    from cantik.checks.core import KODE_JAWABAN

    namespace: dict[str, t.Any] = {"__name__": "__cantik_uji__", **values}
    out = io.StringIO()
    token = KODE_JAWABAN.set(answer)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(source, "<uji>", "exec"), namespace)
    except Exception as exc:
        return out.getvalue(), {"ename": type(exc).__name__, "evalue": str(exc)}
    finally:
        KODE_JAWABAN.reset(token)
    return out.getvalue(), None
