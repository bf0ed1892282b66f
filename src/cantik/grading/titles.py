"""Readable names for modules and graded parts, read from the master notebooks (``courses/<modul>/``).

A module is called by its notebook's first heading ("Modul 2 · Struktur penduduk"); a graded part by the
question it belongs to and the section it stands in ("2a · Rasio jenis kelamin"), so exports and the
class report never show internal ids such as ``m2-2a-tes``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from cantik.grading.course import Course

_QUESTION = re.compile(r"^#{2,4}\s*Soal\s+([0-9]+[a-z]?)\b\s*(\(([^)]*)\))?", re.IGNORECASE | re.MULTILINE)
_SECTION = re.compile(r"^##\s+(?:\d+\.\s*)?(.+?)\s*$", re.MULTILINE)
_H1 = re.compile(r"^#\s+(.+?)\s*$", re.MULTILINE)


@cache
def _cells(path: Path, mtime: float) -> list[dict]:
    import json

    del mtime  # part of the cache key only
    return json.loads(path.read_text(encoding="utf-8")).get("cells", [])


def _source_cells(course: Course, modul: str) -> list[tuple[str, list[dict]]]:
    folder = course.source_dir / modul
    return [(p.stem, _cells(p, p.stat().st_mtime)) for p in sorted(folder.glob("*.ipynb"))]


def _text(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def module_title(course: Course, modul: str) -> str:
    """The module's title: the first heading of its first notebook (else the module's id).

    Examples
    --------
    >>> module_title(Course.open(), "modul2")  # doctest: +SKIP
    'Modul 2 · Struktur penduduk'
    """
    for _name, cells in _source_cells(course, modul):
        for cell in cells:
            found = _H1.search(_text(cell)) if cell.get("cell_type") == "markdown" else None
            if found:
                return found.group(1).strip()
    return modul


def part_labels(course: Course, modul: str) -> dict[tuple[str, str], str]:
    """(notebook, grade id) → a label such as "2a · Rasio jenis kelamin" or "2i · Rata-rata atau median?
    (jawaban tertulis)", for every graded cell of the module's master notebooks; labels are unique.
    """
    from cantik.grading.results import _title

    labels: dict[tuple[str, str], str] = {}
    for name, cells in _source_cells(course, modul):
        question, kind, section = "", "", ""
        for cell in cells:
            text = _text(cell)
            if cell.get("cell_type") == "markdown":
                for found in _SECTION.finditer(text):
                    if not found.group(0).startswith("###"):
                        section = found.group(1).strip()
                asked = list(_QUESTION.finditer(text))
                if asked:
                    question, kind = asked[-1].group(1), (asked[-1].group(3) or "")
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if not meta.get("grade"):
                continue
            manual = cell.get("cell_type") == "markdown" or bool(meta.get("solution"))
            if question:
                label = f"{question} · {section}" if section else f"Soal {question}"
                if manual or "tertulis" in kind.lower():
                    label += " (jawaban tertulis)"
            else:
                label = _title(text, meta.get("grade_id", ""), manual)
            labels[(name, meta.get("grade_id", ""))] = label
    seen: dict[str, int] = {}
    for label in labels.values():
        seen[label] = seen.get(label, 0) + 1
    return {key: (f"{label} [{key[1]}]" if seen[label] > 1 else label) for key, label in labels.items()}
