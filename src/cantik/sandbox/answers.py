"""Grade test cells in the grader's own process, on the learner's answers taken out as plain data.

A test cell never runs in the learner's kernel: the grader asks the kernel for the values of the names the
test reads (``rasio``, ``tabel`` …) as plain data (numbers, strings, lists, dicts, numpy arrays, pandas
tables; a matplotlib chart as the SVG matplotlib renders for it, see :mod:`cantik.checks.figures`), rebuilds
them here, and runs the trainer's test code on them. So the hidden tests and expected
values never enter the learner's process, and an object overriding ``__eq__``/``__float__``/``__bool__``
or a monkeypatched ``numpy``/``pandas``/``builtins`` in the notebook earns nothing: only data crosses (a
subclass of ``int``/``float``/``str`` crosses as its honest base value, as ``cek`` reads it). A value that
is not plain data (a custom class) is refused with an Indonesian message, so the test fails.

:class:`cantik.sandbox.execute.SandboxExecute` uses this when ``grade_in_grader`` is on.

The answer contract: whatever ``cek()`` accepts (:func:`cantik.checks.plain.ke_polos` can read) crosses and
is rebuilt so that it converts to the same plain answer, so the hidden test's verdict equals ``cek``'s
(tested property-based in ``tests/sandbox/test_answer_contract.py``).

Transport format
----------------
The kernel prints :data:`MARKER` followed by one JSON object ``{name: encoded value}``. Every encoded value
is a JSON object tagged by ``"t"``:

========================  ==============================================================================
``t``                     fields
========================  ==============================================================================
``v``                     ``v``: null, true/false, an integer or a string
``f``                     ``v``: ``repr`` of a float (``"1.5"``, ``"nan"``, ``"inf"``)
``list``/``tuple``        ``v``: encoded items (``set``/``frozenset`` likewise, in iteration order)
``dict``                  ``k``: encoded keys, ``v``: encoded values, same order (keys of any kind)
``np``                    numpy scalar: ``dtype`` and ``v`` (the encoded item; int64 ticks for dates)
``ndarray``               ``dtype``, ``shape``, ``v``: encoded items of the flattened array
``na``/``nat``            ``pd.NA`` / ``pd.NaT``
``ts``/``td``/``period``  ``v``: ISO text (``period`` also ``freq``)
``interval``              ``left``, ``right`` (encoded), ``closed``
``Index``                 ``kind``: ``range`` (``range``: start, stop, step), ``multi`` (``v``: encoded
                          tuples) or ``plain`` (``values``: a column); ``names``: encoded level names
``Series``                ``name``, ``index`` (an ``Index``), ``values`` (a column)
``DataFrame``             ``index``, ``columns`` (``Index`` objects), ``data``: one column per column
``array``                 a pandas array (Categorical, IntegerArray ...): ``values``, a column
``grafik``                ``svg``: the SVG a matplotlib Figure/Axes renders to (``null`` over the size limit)
``missing``               the name is not defined in the kernel
``unsupported``           ``type``: the qualified type name of a value that is not plain data
========================  ==============================================================================

A *column* is ``{"dtype": str, "v": [encoded items]}`` (plus ``categories`` and ``ordered`` for a
categorical). dtypes are read only when they match an allow-list (:data:`_DTYPE`); everything else, and any
malformed object, raises :class:`Unusable` with an Indonesian message.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import io
import json
import math
import re
import typing as t
from dataclasses import dataclass

MARKER = "__CANTIK_JAWABAN__"
#: Runs in the learner's kernel; prints the JSON after MARKER. Whatever it prints is only data. The format
#: (one JSON object per value, tagged by "t") is documented in the module docstring and read by `decode`.
#: A matplotlib chart crosses as the SVG ``__cantik_svg`` (:func:`cantik.checks.figures.render_chart_svg`)
#: renders for it.
EXTRACT = r"""
def __cantik_ekstrak(g, names, marker, svg_limit):
    import json, sys
    np = sys.modules.get("numpy")
    pd = sys.modules.get("pandas")

    def bad(v):
        svg = __cantik_svg(v)
        if svg is not None:
            return {"t": "grafik", "svg": svg if len(svg) <= svg_limit else None}
        return {"t": "unsupported", "type": type(v).__module__ + "." + type(v).__qualname__}

    def enc(v, depth=0):
        if depth > 8:
            return {"t": "unsupported", "type": "terlalu bersarang"}
        t = type(v)
        if v is None or t in (bool, int, str):
            return {"t": "v", "v": v}
        if t is float:
            return {"t": "f", "v": repr(v)}
        # subclasses of int/float/str: their honest base value, as cek reads them
        if isinstance(v, int) and not isinstance(v, bool):
            return {"t": "v", "v": int.__int__(v)}
        if isinstance(v, float):
            return {"t": "f", "v": float.__repr__(v)}
        if isinstance(v, str):
            return {"t": "v", "v": str.__str__(v)}
        if t in (list, tuple, set, frozenset):
            items = list(v) if t in (list, tuple) else list(v)
            return {"t": t.__name__, "v": [enc(x, depth + 1) for x in items]}
        if t is dict:
            return {"t": "dict", "k": [enc(k, depth + 1) for k in v.keys()],
                    "v": [enc(x, depth + 1) for x in v.values()]}
        if np is not None and isinstance(v, np.generic) and t.__module__ == "numpy":
            if v.dtype.kind in "mM":
                return {"t": "np", "dtype": str(v.dtype), "v": int(v.view("int64"))}
            if v.dtype.kind in "biufcUS":
                return {"t": "np", "dtype": str(v.dtype), "v": enc(v.item(), depth + 1)}
            return bad(v)
        if np is not None and t is np.ndarray:
            return array(v, depth)
        if pd is not None:
            if v is pd.NA:
                return {"t": "na"}
            if v is pd.NaT:
                return {"t": "nat"}
            if t is pd.Timestamp:
                return {"t": "ts", "v": v.isoformat()}
            if t is pd.Timedelta:
                return {"t": "td", "v": v.isoformat()}
            if t is pd.Period:
                return {"t": "period", "v": str(v), "freq": v.freqstr}
            if t is pd.Interval:
                return {"t": "interval", "left": enc(v.left, depth + 1), "right": enc(v.right, depth + 1),
                        "closed": v.closed}
            if t is pd.Series:
                return {"t": "Series", "name": enc(v.name, depth + 1), "index": index(v.index, depth),
                        "values": column(v, depth)}
            if t is pd.DataFrame:
                return {"t": "DataFrame", "index": index(v.index, depth), "columns": index(v.columns, depth),
                        "data": [column(v.iloc[:, i], depth) for i in range(v.shape[1])]}
            if isinstance(v, pd.Index) and t.__module__.split(".")[0] == "pandas":
                return index(v, depth)
            if isinstance(v, pd.api.extensions.ExtensionArray) and t.__module__.split(".")[0] == "pandas":
                return {"t": "array", "values": column(pd.Series(v), depth)}
        return bad(v)

    def array(a, depth):
        kind = a.dtype.kind
        flat = a.reshape(-1)
        if kind in "mM":
            items = [{"t": "v", "v": int(x)} for x in flat.view("int64").tolist()]
        elif kind in "biufcUS":
            items = [enc(x, depth + 1) for x in flat.tolist()]
        elif kind == "O":
            items = [enc(x, depth + 1) for x in flat.tolist()]
        else:
            return bad(a)
        return {"t": "ndarray", "dtype": str(a.dtype), "shape": list(a.shape), "v": items}

    def column(s, depth):
        out = {"dtype": str(s.dtype), "v": [enc(x, depth + 1) for x in s.to_numpy(dtype=object).tolist()]}
        if str(s.dtype) == "category":
            out["categories"] = index(s.cat.categories, depth)
            out["ordered"] = bool(s.cat.ordered)
        return out

    def index(ix, depth):
        names = [enc(n, depth + 1) for n in ix.names]
        if type(ix) is pd.RangeIndex:
            return {"t": "Index", "kind": "range", "range": [ix.start, ix.stop, ix.step], "names": names}
        if type(ix) is pd.MultiIndex:
            return {"t": "Index", "kind": "multi", "names": names,
                    "v": [enc(tuple(x), depth + 1) for x in ix.tolist()]}
        return {"t": "Index", "kind": "plain", "names": names, "values": column(ix.to_series(), depth)}

    out = {n: (enc(g[n]) if n in g else {"t": "missing"}) for n in names}
    print(marker + json.dumps(out))
"""


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
    """Code to run in the kernel: prints the values of ``names`` as plain data (charts as their SVG).

    :data:`EXTRACT` (with :func:`cantik.checks.figures.render_chart_svg`) is compiled in a namespace of its
    own whose builtins are the ``builtins`` module (an ``import`` statement finds it whatever the notebook
    named its variables), and it reads the notebook's variables from the namespace handed to it. So a
    learner who named a variable ``print``, ``list``, ``json`` or ``type`` is graded like anyone else. (A
    learner who rebinds the ``builtins`` module itself only changes what the kernel sends, which is learner
    data anyway: :mod:`cantik.sandbox.budget` reads it within limits.)

    Examples
    --------
    >>> ns = {"rasio": 105.0, "print": None, "list": 0, "json": "data.json"}
    >>> out = io.StringIO()
    >>> with contextlib.redirect_stdout(out):
    ...     exec(extraction_code(["rasio"]), ns)
    >>> decode("rasio", parse_extraction(out.getvalue())["rasio"]), sorted(k for k in ns if "cantik" in k)
    (105.0, [])
    """
    from cantik.checks.chart_reader import MAX_CHARS

    return ("import builtins as __cantik_b\n"
            "__cantik_ns = {'__builtins__': __cantik_b, '__name__': '__cantik_ekstrak__'}\n"
            f"__cantik_b.exec({_render_code() + EXTRACT!r}, __cantik_ns)\n"
            f"__cantik_ns['__cantik_ekstrak'](__cantik_b.globals(), {names!r}, {MARKER!r}, {MAX_CHARS})\n"
            "del __cantik_b, __cantik_ns\n")


def parse_extraction(text: str) -> dict[str, t.Any]:
    """The JSON the kernel printed after :data:`MARKER` (the last occurrence)."""
    _, sep, payload = text.rpartition(MARKER)
    if not sep:
        raise Unusable("Jawaban tidak bisa dibaca dari notebook (kernel tidak mengirim data jawaban).")
    try:
        data = json.loads(payload.strip().splitlines()[0])
    except RecursionError as exc:
        raise Unusable("Jawaban tidak bisa dibaca dari notebook (data jawaban terlalu bertingkat).") from exc
    except (ValueError, IndexError) as exc:  # also integers of more than 4300 digits
        raise Unusable("Jawaban tidak bisa dibaca dari notebook (data jawaban rusak).") from exc
    if not isinstance(data, dict):
        raise Unusable("Jawaban tidak bisa dibaca dari notebook (data jawaban rusak).")
    return data


#: dtypes a decoded array or column may have (anything else is refused, so no odd dtype string from the
#: kernel reaches numpy or pandas).
_DTYPE = re.compile(r"^(bool|boolean|u?int(8|16|32|64)|U?Int(8|16|32|64)|float(16|32|64)|Float(32|64)|"
                    r"complex(64|128)|object|string|str|category|<U\d{1,7}|\|S\d{1,7}|"
                    r"(datetime|timedelta)64\[(ns|us|ms|s|D)(, [A-Za-z_/+\-0-9:]{1,40})?\]|"
                    r"period\[[A-Z0-9\-]{1,12}\]|interval\[[a-z0-9]{1,12}(, (left|right|both|neither))?\])$")


@dataclass(frozen=True)
class Limits:
    """How much answer data one answer may hold, checked on the JSON before anything is built.

    ``elements``: JSON values of all kinds, plus every entry of a range index (counted by its length) and
    every cell of an array (by its shape); ``depth``: JSON nesting; ``itemsize``: characters of a
    fixed-width string dtype (``<U…``, ``|S…``).
    """

    elements: int = 1_000_000
    depth: int = 40
    itemsize: int = 10_000


def measure(name: str, obj: t.Any, limits: Limits = Limits()) -> int:
    """The size of one encoded answer (see :class:`Limits`); :class:`Unusable` past a limit.

    Walks the JSON without recursion and builds nothing, so a 350-byte answer describing a
    10⁹-element range index costs microseconds here.

    Examples
    --------
    >>> measure("rasio", {"t": "f", "v": "105.0"})  # JSON values: the object, its tag and its text
    3
    >>> bom = {"t": "Index", "kind": "range", "range": [0, 10**9, 1], "names": []}
    >>> measure("x", {"t": "Series", "index": bom, "values": {"dtype": "float64", "v": []}})
    Traceback (most recent call last):
    ...
    cantik.sandbox.answers.Unusable: Jawaban `x` terlalu besar untuk dinilai (lebih dari 1.000.000 nilai).
    """
    too_big = Unusable(f"Jawaban `{name}` terlalu besar untuk dinilai (lebih dari "
                       f"{limits.elements:,} nilai).".replace(",", "."))
    count = 0
    stack: list[tuple[t.Any, int]] = [(obj, 1)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if depth > limits.depth:
            raise Unusable(f"Jawaban `{name}` terlalu bertingkat untuk dibaca.")
        if isinstance(node, dict):
            count += _extent(name, node, limits)
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
        if count > limits.elements:
            raise too_big
    return count


def _extent(name: str, node: dict[str, t.Any], limits: Limits) -> int:
    """Values a node stands for beyond its JSON: a range index's length, an array's cells."""
    broken = Unusable(f"Jawaban `{name}` tidak bisa dibaca (data jawaban rusak).")
    dtype = node.get("dtype")
    if isinstance(dtype, str):
        width = re.fullmatch(r"[<|>=]?[US](\d+)", dtype)
        if width and int(width.group(1)) > limits.itemsize:
            raise Unusable(f"Jawaban `{name}` tidak bisa dibaca (jenis data '{dtype[:20]}' terlalu lebar).")
    if node.get("t") == "Index" and node.get("kind") == "range":
        bounds = node.get("range")
        if (not isinstance(bounds, list) or len(bounds) != 3 or any(type(b) is not int for b in bounds)
                or bounds[2] == 0):
            raise broken
        return len(range(*bounds))
    if node.get("t") == "ndarray":
        shape = node.get("shape")
        if not isinstance(shape, list) or any(type(n) is not int or n < 0 for n in shape):
            raise broken
        cells = 1
        for n in shape:
            cells *= n
            if cells > limits.elements:
                return cells
        return cells
    return 0


def _dtype(name: str, obj: t.Any) -> str:
    dtype = str(obj)
    if not _DTYPE.match(dtype):
        raise Unusable(f"Jawaban `{name}` tidak bisa dibaca (jenis data '{dtype[:40]}' tidak dikenal).")
    return dtype


def decode(name: str, obj: t.Any) -> t.Any:
    """Rebuild one value in the grader from the format printed by :data:`EXTRACT` (see the module docstring).

    Only plain data is built: Python scalars and containers, numpy scalars and arrays, pandas scalars,
    Index, Series and DataFrame. The result converts (:func:`cantik.checks.plain.ke_polos`) to the same plain
    answer as the learner's own value, so the hidden test's verdict equals the learner's ``cek``.
    """
    return _decode(name, obj, 0)


def _decode(name: str, obj: t.Any, depth: int) -> t.Any:
    if depth > 12:
        raise Unusable(f"Jawaban `{name}` terlalu bertingkat untuk dibaca.")
    kind = obj.get("t") if isinstance(obj, dict) else None
    sub = (lambda x: _decode(name, x, depth + 1))  # noqa: E731
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
        return float(str(obj["v"]))
    if kind in ("list", "tuple", "set", "frozenset"):
        items = [sub(x) for x in obj["v"]]
        return {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset}[kind](items)
    if kind == "dict":
        keys, vals = obj["k"], obj["v"]
        if len(keys) != len(vals):
            raise Unusable(f"Jawaban `{name}` tidak bisa dibaca (data jawaban rusak).")
        return {sub(k): sub(v) for k, v in zip(keys, vals, strict=True)}
    if kind == "np":
        import numpy as np

        dtype = np.dtype(_dtype(name, obj["dtype"]))
        if dtype.kind in "mM":
            return np.array([int(obj["v"])], dtype="int64").view(dtype)[0]
        return dtype.type(sub(obj["v"]))
    if kind == "ndarray":
        return _array(name, obj, depth)
    if kind in ("na", "nat"):
        import pandas as pd

        return pd.NA if kind == "na" else pd.NaT
    if kind in ("ts", "td", "period", "interval"):
        import pandas as pd

        if kind == "interval":
            return pd.Interval(sub(obj["left"]), sub(obj["right"]), closed=str(obj["closed"]))
        value = str(obj["v"])
        if kind == "ts":
            return pd.Timestamp(value)
        return pd.Timedelta(value) if kind == "td" else pd.Period(value, freq=str(obj["freq"]))
    if kind == "Index":
        return _index(name, obj, depth)
    if kind == "array":
        import pandas as pd

        return pd.array(_column(name, obj["values"], depth))
    if kind in ("Series", "DataFrame"):
        import pandas as pd

        index = _index(name, obj["index"], depth)
        if kind == "Series":
            return pd.Series(_column(name, obj["values"], depth), index=index, name=sub(obj["name"]))
        columns = _index(name, obj["columns"], depth)
        data = [_column(name, c, depth) for c in obj["data"]]
        if len(data) != len(columns):
            raise Unusable(f"Jawaban `{name}` tidak bisa dibaca (data jawaban rusak).")
        frame = pd.DataFrame({i: pd.Series(c, index=index) for i, c in enumerate(data)}, index=index)
        frame.columns = columns
        return frame
    raise Unusable(f"Jawaban `{name}` tidak bisa dibaca (bentuk data tidak dikenal).")


def _array(name: str, obj: dict[str, t.Any], depth: int) -> t.Any:
    import numpy as np

    dtype = np.dtype(_dtype(name, obj["dtype"]))
    shape = tuple(int(n) for n in obj["shape"])
    items = [_decode(name, x, depth + 1) for x in obj["v"]]
    if math.prod(shape) != len(items):
        raise Unusable(f"Jawaban `{name}` tidak bisa dibaca (data jawaban rusak).")
    if dtype.kind in "mM":
        return np.array(items, dtype="int64").view(dtype).reshape(shape)
    if dtype.kind == "O":
        out = np.empty(len(items), dtype=object)
        for i, item in enumerate(items):
            out[i] = item
        return out.reshape(shape)
    return np.array(items, dtype=dtype).reshape(shape)


def _column(name: str, obj: dict[str, t.Any], depth: int) -> t.Any:
    """A column's values with its dtype (numpy or pandas extension) restored."""
    import numpy as np
    import pandas as pd

    dtype = _dtype(name, obj["dtype"])
    items = [_decode(name, x, depth + 1) for x in obj["v"]]
    if dtype == "category":
        cats = _index(name, obj["categories"], depth)
        return pd.Categorical(items, categories=cats, ordered=bool(obj.get("ordered")))
    values = np.empty(len(items), dtype=object)
    for i, item in enumerate(items):
        values[i] = item
    if dtype == "object":
        return values
    try:
        return pd.array(values, dtype=dtype)
    except (TypeError, ValueError):
        return values


def _index(name: str, obj: t.Any, depth: int) -> t.Any:
    import pandas as pd

    if not isinstance(obj, dict) or obj.get("t") != "Index":
        raise Unusable(f"Jawaban `{name}` tidak bisa dibaca (data jawaban rusak).")
    names = [_decode(name, n, depth + 1) for n in obj.get("names", [])]
    kind = obj.get("kind")
    if kind == "range":
        start, stop, step = (int(x) for x in obj["range"])
        return pd.RangeIndex(start, stop, step, name=names[0] if names else None)
    if kind == "multi":
        tuples = [_decode(name, x, depth + 1) for x in obj["v"]]
        if not tuples:
            return pd.MultiIndex.from_arrays([[] for _ in names], names=names)
        return pd.MultiIndex.from_tuples(tuples, names=names)
    values = _column(name, obj["values"], depth)
    return pd.Index(values, name=names[0] if names else None, tupleize_cols=False)


def through_transport(values: dict[str, t.Any]) -> dict[str, t.Any]:
    """``values`` as the grader receives them: the kernel-side :data:`EXTRACT` code run here on a namespace
    holding ``values``, its output parsed and decoded (what ``SandboxExecute`` does, without a kernel; for
    tests and benchmarks).

    Examples
    --------
    >>> through_transport({"rasio": {1: 2.5, "x": (3, None)}})["rasio"]
    {1: 2.5, 'x': (3, None)}
    """
    namespace = dict(values)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(extraction_code(list(values)), "<ekstrak>", "exec"), namespace)
    raw = parse_extraction(out.getvalue())
    return {name: decode(name, raw.get(name, {"t": "missing"})) for name in values}


def run_test(source: str, values: dict[str, t.Any]) -> tuple[str, dict[str, str] | None]:
    """Run trusted test code here on rebuilt values; return (stdout, error or ``None``).

    The error is ``{"ename", "evalue"}`` only: the test's code (hidden tests) is never shown.
    """
    namespace: dict[str, t.Any] = {"__name__": "__cantik_uji__", **values}
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(source, "<uji>", "exec"), namespace)
    except Exception as exc:
        return out.getvalue(), {"ename": type(exc).__name__, "evalue": str(exc)}
    return out.getvalue(), None
