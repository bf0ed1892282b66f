"""How long a module takes a learner who has never written code: a documented, deliberately simple model.

Minutes, from a master notebook:

* reading: the words of the markdown cells a learner sees, and of the comment lines of code cells, at
  100 words per minute (plain Indonesian, read carefully, with tables and formulas);
* running a code cell and looking at its output: 1; a worked example (``contoh``): 1 more, to compare the
  output with its explanation; a cell linking an app (``aplikasi(...)``): 4 more, to open and try it;
* an exercise (answer cell): with a skeleton of ``...`` to fill, 2 + 1 per line of the model solution;
  without, 4 + 1.5 per line (typing, a first error, reading its explanation, fixing it);
* a written answer: 3 per sentence asked ("4–6 kalimat": 6 sentences), 15 when the question names none;
* a new idiom (``tests/courses/idioms.py``) an exercise needs that no earlier worked example showed and no
  earlier exercise used: 5 more, to find it in the hints or the glossary and get it to work.

The issue's observation of the modules before worked examples (a new learner needed 120–150 minutes for
module 1, 150+ for module 7, 3–4 hours for module 8) is what the new-idiom term is calibrated against: on
those notebooks the model gives 140, 191 and 115 minutes. It underestimates the capstone (its page of
interpretation counts as one written answer), whose header says so. Headers state at least the estimate
(``test_durations.py``).
"""

from __future__ import annotations

import re
from typing import Any

WORDS_PER_MINUTE = 100


def _src(cell: dict[str, Any]) -> str:
    s = cell["source"]
    return "".join(s) if isinstance(s, list) else s


def _sentences_asked(text: str) -> int | None:
    m = re.search(r"(\d+)\s*(?:[–-]\s*(\d+)\s*)?kalimat", text)
    return int(m.group(2) or m.group(1)) if m else None


def estimate(nb: dict[str, Any], known: set[str] | None = None) -> dict[str, float]:
    """Minutes per activity (``baca``, ``sel``, ``soal``, ``tulisan``, ``baru``) for a master notebook.

    ``known``: the idioms the learner has met in earlier notebooks (updated with this one's); ``None``
    counts no new-idiom time.
    """
    from tests.courses.idioms import idioms, is_worked_example, solution_region

    minutes = {"baca": 0.0, "sel": 0.0, "soal": 0.0, "tulisan": 0.0, "baru": 0.0}
    words = 0
    last_question = ""
    for cell in nb["cells"]:
        src, meta = _src(cell), cell.get("metadata", {}).get("nbgrader", {})
        if cell["cell_type"] == "markdown":
            if meta.get("task"):
                continue  # the trainer's score boxes and guide
            if meta.get("solution"):
                n = _sentences_asked(last_question)
                minutes["tulisan"] += 3 * n if n else 15
                continue
            words += len(re.findall(r"\w+", src))
            if "### Soal" in src:
                last_question = src
            continue
        if meta.get("grade"):
            continue  # the tests run with the rest; nothing to read
        words += sum(len(re.findall(r"\w+", ln)) for ln in src.splitlines()
                     if ln.strip().startswith("#") and not ln.strip().startswith("###"))  # not the markers
        if meta.get("solution"):
            before, _, rest = src.partition("### BEGIN SOLUTION")
            lines = [ln for ln in rest.split("### END SOLUTION")[0].strip().splitlines()
                     if ln.strip() and not ln.strip().startswith("#")]
            minutes["soal"] += 2 + len(lines) if "..." in before else 4 + 1.5 * len(lines)
            if known is not None:
                new = idioms(solution_region(src)) - known
                minutes["baru"] += 5 * len(new)
                known |= new
            continue
        if known is not None and is_worked_example(cell):
            known |= idioms(src)
        contoh = "contoh" in cell.get("metadata", {}).get("tags", [])
        minutes["sel"] += 1 + contoh + 4 * ("aplikasi(" in src)
    minutes["baca"] = words / WORDS_PER_MINUTE
    return minutes


def stated_minutes(nb: dict[str, Any]) -> int:
    """The duration in the title cell ("Perkiraan waktu: 2 jam 15 menit.") in minutes."""
    m = re.search(r"Perkiraan waktu: ([^.(]*)", _src(nb["cells"][0]))
    assert m, "the title cell states no 'Perkiraan waktu'"
    text = m.group(1)
    jam = re.search(r"(\d+)\s*jam", text)
    menit = re.search(r"(\d+)\s*menit", text)
    return (int(jam.group(1)) * 60 if jam else 0) + (int(menit.group(1)) if menit else 0)
