"""Wrong answers drawn from the mistake catalogues, as code a learner's cell could hold (for the real
pipeline).

For each autograded (non-chart) question of a module whose variable no later cell reads, one catalogue entry
that produces a wrong *value* (a number, per-group values or a table of the same shape as the right answer)
is written as a literal assignment to the question's variable, after the solution's own lines (so the cell's
other variables, e.g. a table it opens, stay right for later cells). ``plan(source)`` gives, per answer cell,
``(code, test cell id, the entry's message)``; the session-wide graded course puts them into the free answer
cells of its "common mistake" learners, so they cost no extra notebook.
"""

from __future__ import annotations

import math
import re
from typing import Any

from cantik.checks.core import ambil
from cantik.checks.mistakes import katalog
from cantik.checks.plain import Deret, Tabel

#: Longest literal written into a cell (a z-score per child is about 8 000 characters).
MAX_LITERAL = 30_000


def literal(v: Any) -> str:
    """Python source that rebuilds ``v`` (numbers, text, containers, Series and DataFrames)."""
    import numpy as np
    import pandas as pd

    if isinstance(v, pd.Series):
        return (f"pd.Series({literal(v.tolist())}, index={literal(list(v.index))}, name={literal(v.name)}, "
                "dtype=object).infer_objects()")
    if isinstance(v, pd.DataFrame):
        data = {str(c): v[c].tolist() for c in v.columns}
        return f"pd.DataFrame({literal(data)}, index={literal(list(v.index))})"
    if isinstance(v, np.generic):
        return literal(v.item())
    if isinstance(v, float) and not math.isfinite(v):
        return f"float({str(v)!r})"
    if isinstance(v, list):
        return "[" + ", ".join(literal(x) for x in v) + "]"
    if isinstance(v, tuple):
        return "(" + ", ".join(literal(x) for x in v) + ("," if len(v) == 1 else "") + ")"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{literal(k)}: {literal(x)}" for k, x in v.items()) + "}"
    if v is None or isinstance(v, bool | int | float | str):
        return repr(v)
    return repr(str(v))


def _same_shape(value: Any, expected: Any) -> bool:
    if isinstance(expected, Deret):
        return isinstance(value, Deret) and set(map(str, value.label)) == set(map(str, expected.label))
    if isinstance(expected, Tabel):
        return isinstance(value, Tabel) and len(value.baris) == len(expected.baris)
    return isinstance(value, int | float) and isinstance(expected, int | float)


def plan(source: dict[str, Any]) -> dict[str, tuple[str, str, str]]:
    """``{answer cell id: (code, test cell id, message)}`` for one master notebook."""
    out: dict[str, tuple[str, str, str]] = {}
    texts = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in source["cells"]]
    ids = [c.get("id") for c in source["cells"]]
    for i, (cell, text) in enumerate(zip(source["cells"], texts, strict=True)):
        m = re.search(r"uji\('(\w+)', (\w+)\)", text)
        if not cell["id"].endswith("-tes") or not m or "uji-di-kernel" in text:
            continue
        sid, name = m.groups()
        if any(re.search(rf"\b{name}\b", later) for later in texts[i + 1:]):
            continue  # a later cell reads this variable: a wrong value would change its result too
        soal = ambil(sid)
        expected = soal.nilai_harapan()
        # a wrong value the question accepts for this place is no mistake here (e.g. the geometric and the
        # exponential rate of a slowly growing place agree within the tolerance)
        usable = [s for s in katalog(soal) if s.nilai is not None and _same_shape(s.hitung(), expected)
                  and not soal.banding(s.hitung(), expected).benar]
        answer_id = cell["id"][: -len("-tes")]
        answer_cell = texts[ids.index(answer_id)] if answer_id in ids else ""
        # the cell's other variables keep their solution (0b's cell also opens `keluarga`, read by 0c)
        region = re.search(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", answer_cell, re.S)
        keep = region.group(1) if region else ""
        for s in usable[len(usable) // 2:] + usable[:len(usable) // 2]:
            code = f"{keep}{name} = {literal(s.jawaban_contoh())}"
            if len(code) <= MAX_LITERAL:
                out[cell["id"][: -len("-tes")]] = (code, cell["id"], s.pesan)
                break
    return out
