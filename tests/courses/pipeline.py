"""Helpers that drive the real nbgrader pipeline in a temporary copy of the course."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def course_copy(tmp: Path, moduls: list[str], config_extra: str = "", source: Path = ROOT) -> Path:
    """A course root in ``tmp`` with the repo's nbgrader_config.py and the sources of ``moduls`` (from
    ``source``: the project, or a course built for another place with ``cantik kursus bangun``)."""
    tmp.mkdir(parents=True, exist_ok=True)
    cfg = (ROOT / "nbgrader_config.py").read_text(encoding="utf-8") + "\n" + config_extra
    (tmp / "nbgrader_config.py").write_text(cfg, encoding="utf-8")
    for m in moduls:
        shutil.copytree(source / "courses" / m, tmp / "courses" / m,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    (tmp / "grading").mkdir(exist_ok=True)
    return tmp


_WARM: list = []


def _zygote_env() -> dict[str, str]:
    """One sandboxed warm zygote for the test session (root only): the sandboxed kernels of plain
    ``nbgrader autograde`` are then forked from it, confined as cold ones are, without a second of imports
    each (tests/sandbox and tests/adversarial exercise the cold path)."""
    if os.geteuid() != 0 or not shutil.which("bwrap"):
        return {}
    if not _WARM:
        import atexit

        from cantik.sandbox.zygote import WarmKernels

        _WARM.append(WarmKernels(sandbox=True).start())
        atexit.register(_WARM[0].stop)
    _WARM[0].ensure_alive()  # killed meanwhile (the OOM killer, a stray pkill): a new one, not 100 errors
    return _WARM[0].env


def nbgrader(root: Path, *args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """Run ``python -m nbgrader`` in ``root``; fail with its log tail when it exits non-zero."""
    env = {**os.environ, "CANTIK_EXCHANGE": str(root / "grading" / "exchange"),
           # nbgrader runs the `alembic` script of its environment
           "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    env.pop("CANTIK_GRADEBOOK_URL", None)
    if args and args[0] == "autograde":
        # The shared 2-core test machine can be heavily loaded: allow slow cells and kernel starts.
        args = (*args, "--Execute.timeout=300", "--SandboxExecute.timeout=300",
                "--Execute.startup_timeout=300")
        env.update(_zygote_env())
    res = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=root, env=env, text=True,
                         capture_output=True, timeout=timeout, check=False)
    if res.returncode != 0:
        log = res.stdout + res.stderr
        first = log.find("Traceback")
        detail = log[first:first + 4000] if first >= 0 else log[-4000:]
        raise AssertionError(f"nbgrader {' '.join(args)} failed:\n{detail}")
    return res


def read_nb(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def solution_code(source: str) -> str:
    """The source cell's code with the solution markers removed (what a learner who got it right types)."""
    return "\n".join(ln for ln in source.split("\n") if "### BEGIN SOLUTION" not in ln and "### END SOLUTION"
                     not in ln)


def _src(cell: dict[str, Any]) -> str:
    s = cell["source"]
    return "".join(s) if isinstance(s, list) else s


def fill(released: dict[str, Any], source: dict[str, Any] | None, patches: dict[str, str] | None = None,
         ) -> dict[str, Any]:
    """A submission: the released notebook with answer cells filled from ``source`` (if given) or ``patches``.

    ``patches`` maps a cell id to the code that replaces the learner's *solution region*; the code around
    it (comments, the ``cek`` call) stays as released.
    """
    nb = json.loads(json.dumps(released))
    src_cells = {c["id"]: c for c in (source or {"cells": []})["cells"]}
    for cell in nb["cells"]:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if not meta.get("solution"):
            continue
        cid = cell["id"]
        if patches and cid in patches:
            cell["source"] = _replace_stub(_src(cell), patches[cid], cell["cell_type"])
        elif cid in src_cells:
            cell["source"] = solution_code(_src(src_cells[cid]))
    return nb


STUB = "# TULIS KODE ANDA DI SINI\nraise NotImplementedError()"


def _replace_stub(text: str, code: str, cell_type: str) -> str:
    if cell_type == "markdown":
        return code
    if STUB not in text:
        raise AssertionError(f"no stub in cell:\n{text}")
    return text.replace(STUB, code.strip("\n"))


def submit(root: Path, student: str, modul: str, notebooks: dict[str, dict[str, Any]]) -> None:
    folder = root / "grading" / "submitted" / student / modul
    folder.mkdir(parents=True, exist_ok=True)
    for name, nb in notebooks.items():
        (folder / f"{name}.ipynb").write_text(json.dumps(nb, indent=1, ensure_ascii=False), encoding="utf-8")


def scores(root: Path, modul: str) -> dict[str, dict[str, dict[str, tuple[float | None, float]]]]:
    """``{student: {notebook: {grade_id: (score, max)}}}`` read from the tmp gradebook."""
    from nbgrader.api import Gradebook

    out: dict[str, dict[str, dict[str, tuple[float | None, float]]]] = {}
    with Gradebook(f"sqlite:///{root / 'grading' / 'gradebook.db'}", "kelas_cantik") as gb:
        assignment = gb.find_assignment(modul)
        for sub in assignment.submissions:
            for snb in sub.notebooks:
                out.setdefault(sub.student.id, {})[snb.notebook.name] = {
                    g.name: (g.score, g.max_score) for g in snb.grades
                }
    return out


def auto_ids(source: dict[str, Any]) -> set[str]:
    """grade_ids of the autograder test cells of a notebook."""
    return {c["metadata"]["nbgrader"]["grade_id"] for c in source["cells"]
            if c.get("metadata", {}).get("nbgrader", {}).get("grade") and c["cell_type"] == "code"
            and not c["metadata"]["nbgrader"].get("solution")}


def manual_ids(source: dict[str, Any]) -> set[str]:
    return {c["metadata"]["nbgrader"]["grade_id"] for c in source["cells"]
            if c.get("metadata", {}).get("nbgrader", {}).get("grade")
            and c["metadata"]["nbgrader"].get("solution")}


def cell_output_text(nb: dict[str, Any], cid: str) -> str:
    """All text output (streams, results, error name/value) of cell ``cid`` of an executed notebook."""
    for cell in nb["cells"]:
        if cell.get("id") == cid or cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == cid:
            parts = []
            for o in cell.get("outputs", []):
                if o["output_type"] == "stream":
                    parts.append(o["text"] if isinstance(o["text"], str) else "".join(o["text"]))
                elif o["output_type"] == "error":
                    parts.append(f"{o['ename']}: {o['evalue']}")
                elif "data" in o and "text/plain" in o["data"]:
                    t = o["data"]["text/plain"]
                    parts.append(t if isinstance(t, str) else "".join(t))
            return "\n".join(parts)
    raise KeyError(cid)
