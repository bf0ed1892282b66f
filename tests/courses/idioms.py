"""The pandas/matplotlib idioms a piece of course code uses, and which exercises need one no earlier worked
example has shown ("Contoh → Coba", issue 14).

An *idiom* is what a learner has to have seen before writing the line: a method or attribute of a table, a
column or a chart (``.value_counts()``, ``.str.lower()``, ``.loc``, ``.plot.bar()``, ``ax.set_title()``),
a ``pd.``/``plt.`` function (``pd.crosstab``), and a few pieces of syntax (``tabel[[...]]``, ``&``, ``|``,
``~``, ``for``, ``lambda``, a dict ``{...}``). Calls of ``ind.…`` (the course's own indicators, named by each
question) and of Python's built-in functions (``len``, ``round``) are not idioms here; attributes *read*
from a result object (``.total``, ``.lower`` of an interval) are idioms only when pandas names them so
(``.index``, ``.loc`` …).

Worked examples are the code cells tagged ``contoh`` (:func:`cantik.authoring.cells.contoh_kode`).
Exercises are the solution regions of the answer cells. The course is read in order: Modul 0, then modules
1, 2, … each from top to bottom; an exercise may use what any earlier worked example showed.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

from cantik.authoring.build import daftar_modul
from cantik.authoring.cells import TAG_CONTOH

#: Attributes that are idioms when only read (not called): pandas' own names for parts of a table.
READ_ATTRIBUTES = frozenset({"loc", "iloc", "index", "columns", "values", "shape", "name", "T", "at", "str",
                             "dt", "plot", "empty", "size"})
#: Names whose attributes are the course's own functions or plain Python modules, not pandas idioms.
NOT_IDIOMS = frozenset({"ind", "math", "statistics", "np", "json", "warnings"})
#: Accessors: ``x.str.lower()`` is the idiom ``.str.lower()``, not ``.lower()``.
ACCESSORS = frozenset({"str", "dt", "plot", "cat"})


def _source(cell: dict[str, Any]) -> str:
    s = cell["source"]
    return "".join(s) if isinstance(s, list) else s


def solution_region(source: str) -> str:
    """The lines between ``### BEGIN SOLUTION`` and ``### END SOLUTION``."""
    out, inside = [], False
    for line in source.split("\n"):
        if "### BEGIN SOLUTION" in line:
            inside = True
        elif "### END SOLUTION" in line:
            inside = False
        elif inside:
            out.append(line)
    return "\n".join(out)


def idioms(code: str) -> set[str]:
    """The idioms ``code`` uses, as the learner would write them.

    Examples
    --------
    >>> sorted(idioms('huruf = mentah["jk"].str.strip().str.lower().str[0].map({"l": "L"})'))
    ['.map()', '.str.lower()', '.str.strip()', '.str[]', '{...}']
    >>> sorted(idioms('s = d.groupby("rt").apply(lambda x: ind.aps(x, 16, 18))'))
    ['.apply()', '.groupby()', 'lambda']
    >>> sorted(idioms('fig, ax = plt.subplots()\\nax.barh(t.index.astype(str), -t["L"])'))
    ['.astype()', '.barh()', '.index', 'plt.subplots()']
    >>> sorted(idioms('n = ((u < 0) | (u > 9)).sum()\\nk = t[["a", "b"]]\\nr = ind.dependency_ratio(p).old'))
    ['.sum()', '[[...]]', '|']
    """
    tree = ast.parse(code)
    found: set[str] = set()
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id in NOT_IDIOMS:
                continue
            if isinstance(node.value, ast.Name) and node.value.id in ("pd", "plt"):
                name = f"{node.value.id}.{node.attr}"
                found.add(f"{name}()" if id(node) in called else name)
                continue
            if node.attr in ACCESSORS and id(node) not in called:
                continue  # named with what follows it (.str.lower(), .plot.bar())
            prefix = ""
            if isinstance(node.value, ast.Attribute) and node.value.attr in ACCESSORS:
                prefix = f".{node.value.attr}"
            if id(node) in called:
                found.add(f"{prefix}.{node.attr}()")
            elif node.attr in READ_ATTRIBUTES or prefix:
                found.add(f"{prefix}.{node.attr}")
        elif isinstance(node, ast.Subscript):
            if isinstance(node.value, ast.Attribute) and node.value.attr in ACCESSORS:
                found.add(f".{node.value.attr}[]")
            if isinstance(node.slice, ast.List):
                found.add("[[...]]")
        elif isinstance(node, ast.For | ast.comprehension):
            found.add("for")
        elif isinstance(node, ast.Lambda):
            found.add("lambda")
        elif isinstance(node, ast.Dict | ast.DictComp):
            found.add("{...}")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitAnd | ast.BitOr):
            found.add("&" if isinstance(node.op, ast.BitAnd) else "|")
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Invert):
            found.add("~")
    return found


def course(root: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """``(modul, notebook name, notebook)`` in the order a learner meets them (Modul 0 first)."""
    moduls = sorted(daftar_modul(root), key=lambda m: int("".join(ch for ch in m if ch.isdigit()) or 0))
    return [(m, p.stem, json.loads(p.read_text(encoding="utf-8")))
            for m in moduls for p in sorted((root / "courses" / m).glob("*.ipynb"))]


def is_worked_example(cell: dict[str, Any]) -> bool:
    return cell["cell_type"] == "code" and TAG_CONTOH in cell.get("metadata", {}).get("tags", [])


def is_exercise(cell: dict[str, Any]) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell["cell_type"] == "code" and bool(meta.get("solution"))


def unshown(notebooks: list[tuple[str, str, dict[str, Any]]]) -> dict[str, set[str]]:
    """``{answer cell id: idioms its solution needs that no earlier worked example showed}``."""
    shown: set[str] = set()
    missing: dict[str, set[str]] = {}
    for _, _, nb in notebooks:
        for cell in nb["cells"]:
            if is_worked_example(cell):
                shown |= idioms(_source(cell))
            elif is_exercise(cell):
                need = idioms(solution_region(_source(cell))) - shown
                if need:
                    missing[cell["id"]] = need
    return missing


def shown_anywhere(notebooks: list[tuple[str, str, dict[str, Any]]]) -> set[str]:
    """Every idiom some worked example of the course shows."""
    return {i for _, _, nb in notebooks for c in nb["cells"] if is_worked_example(c)
            for i in idioms(_source(c))}
