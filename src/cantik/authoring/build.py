"""Build course content: master notebooks from their authoring scripts, learner versions with nbgrader.

* Master notebooks (nbgrader "source", with solutions and hidden tests) live in ``courses/<modul>/``.
  :func:`tulis` writes them from the authoring scripts ``naskah/<modul>.py``
  (cells made with :mod:`cantik.authoring.cells`).
* Learner versions live in ``notebooks/<modul>/`` and are produced by ``nbgrader generate_assignment``
  (:func:`bangun`); they are committed, and :func:`kedaluwarsa` tells whether they still match their source.

Failures are :class:`cantik.errors.CourseError` with an Indonesian message. Only the standard library is
imported at module level.
"""

from __future__ import annotations

import json
import os
import runpy
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from cantik.authoring.cells import dumps, notebook
from cantik.errors import CourseError
from cantik.paths import NBGRADER_CONFIG, project_root


def _root(root: Path | None = None) -> Path:
    return Path(root) if root is not None else project_root()


def daftar_modul(root: Path | None = None) -> list[str]:
    """Module ids: folders of ``courses/`` holding notebooks."""
    src = _root(root) / "courses"
    if not src.is_dir():
        return []
    return sorted(p.name for p in src.iterdir()
                  if p.is_dir() and not p.name.startswith(("_", ".")) and any(p.glob("*.ipynb")))


#: Folder of the authoring scripts, relative to the project root. It lives outside ``courses/`` because
#: nbgrader and formgrader take every folder of ``courses/`` for an assignment; like ``courses/`` it holds
#: solutions and is for trainers and course authors only.
NASKAH = "naskah"


def daftar_naskah(root: Path | None = None) -> list[str]:
    """Modules with an authoring script ``naskah/modul*.py``."""
    return sorted(p.stem for p in (_root(root) / NASKAH).glob("modul*.py"))


def naskah(modul: str, root: Path | None = None) -> dict[str, str]:
    """The master notebooks of ``modul`` as written by ``naskah/<modul>.py``: ``{name: json}``."""
    root = _root(root)
    script = root / NASKAH / f"{modul}.py"
    if not script.is_file():
        ada = ", ".join(daftar_naskah(root)) or "(tidak ada)"
        raise CourseError(f"Naskah modul '{modul}' tidak ditemukan: {script}.",
                          f"Pakai salah satu nama modul yang ada: {ada}.")
    sys.path.insert(0, str(script.parent))  # shared helpers of the authoring scripts (_umum.py)
    try:
        spec = runpy.run_path(str(script))
    finally:
        sys.path.remove(str(script.parent))
    return {name: dumps(notebook(cells)) for name, cells in spec["NOTEBOOKS"].items()}


def tulis(modul: str, root: Path | None = None) -> list[Path]:
    """Write the master notebooks ``courses/<modul>/*.ipynb`` from the module's authoring script."""
    root = _root(root)
    out = []
    for name, text in naskah(modul, root).items():
        path = root / "courses" / modul / f"{name}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def _nbgrader(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONWARNINGS": "ignore",
           "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    return subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=cwd, env=env, text=True,
                          capture_output=True, check=False)


def _normal(path: Path) -> str:
    """A notebook's JSON with sorted keys (what we commit and compare)."""
    return dumps(json.loads(path.read_text(encoding="utf-8")))


def bangun(modul: str, root: Path | None = None, tujuan: Path | None = None) -> list[Path]:
    """Build the learner version of ``modul`` with ``nbgrader generate_assignment`` (no gradebook write).

    The result goes to ``notebooks/<modul>/`` of ``root`` (or to ``tujuan``), normalised to sorted-key JSON.
    Raises :class:`~cantik.errors.CourseError` with nbgrader's last log lines when generation fails.
    """
    root = _root(root)
    if not (root / "courses" / modul).is_dir():
        raise CourseError(f"Modul '{modul}' tidak ada di {root / 'courses'}.",
                          f"Tulis dulu notebook sumbernya: `cantik kursus tulis {modul}`.")
    with tempfile.TemporaryDirectory(prefix="cantik-bangun-") as tmp:
        work = Path(tmp)
        shutil.copy(root / NBGRADER_CONFIG, work / NBGRADER_CONFIG)
        shutil.copytree(root / "courses" / modul, work / "courses" / modul,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        res = _nbgrader(["generate_assignment", modul, "--force", "--no-db"], cwd=work)
        built = work / "notebooks" / modul
        if res.returncode != 0 or not built.is_dir():
            tail = "\n".join((res.stdout + res.stderr).strip().splitlines()[-8:])
            raise CourseError(f"nbgrader generate_assignment gagal untuk modul '{modul}':\n{tail}",
                              "Perbaiki notebook sumber di courses/ (lihat pesan nbgrader di atas), lalu "
                              "bangun lagi.")
        dest = Path(tujuan) if tujuan is not None else root / "notebooks" / modul
        if dest.exists():
            shutil.rmtree(dest)
        dest.mkdir(parents=True)
        out = []
        for f in sorted(built.rglob("*")):
            if f.is_dir():
                continue
            target = dest / f.relative_to(built)
            target.parent.mkdir(parents=True, exist_ok=True)
            if f.suffix == ".ipynb":
                target.write_text(_normal(f), encoding="utf-8")
            else:
                shutil.copy(f, target)
            out.append(target)
        return out


def kedaluwarsa(modul: str, root: Path | None = None) -> list[str]:
    """Files of ``notebooks/<modul>/`` that differ from a fresh build (empty list = up to date)."""
    root = _root(root)
    current = root / "notebooks" / modul
    with tempfile.TemporaryDirectory(prefix="cantik-periksa-") as tmp:
        fresh = Path(tmp) / modul
        bangun(modul, root, tujuan=fresh)
        names = {p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file()}
        if current.is_dir():
            names |= {p.relative_to(current).as_posix() for p in current.rglob("*")
                      if p.is_file() and ".ipynb_checkpoints" not in p.parts}
        beda = []
        for name in sorted(names):
            a, b = fresh / name, current / name
            if not a.is_file() or not b.is_file():
                beda.append(name)
            elif a.suffix == ".ipynb":
                if _normal(a) != _normal(b):
                    beda.append(name)
            elif a.read_bytes() != b.read_bytes():
                beda.append(name)
        return beda
