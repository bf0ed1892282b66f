"""Course content: write master notebooks, build learner versions with nbgrader, check they are current.

* Master notebooks (nbgrader "source", with solutions and hidden tests) live in ``courses/<modul>/``.
  They are written from the authoring scripts ``courses/_naskah/<modul>.py`` with the cell helpers below
  (:func:`md`, :func:`kode`, :func:`jawaban`, :func:`tes`, :func:`tulisan`), which give every cell a stable id
  and valid nbgrader metadata.
* Learner versions live in ``notebooks/<modul>/`` and are produced by ``nbgrader generate_assignment``
  (:func:`bangun`); they are committed, and :func:`kedaluwarsa` tells whether they still match their source.

Commands: ``cantik kursus tulis``, ``cantik kursus bangun``, ``cantik kursus periksa``.
Only the standard library is imported at module level.
"""

from __future__ import annotations

import argparse
import json
import os
import runpy
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from cantik.errors import CourseError

NBFORMAT_MINOR = 5
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
CONFIG_FILE = "nbgrader_config.py"


# ── cell helpers for authoring scripts ─────────────────────────────────────────────────────────────
def _lines(text: str) -> list[str]:
    text = text.strip("\n")
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + [parts[-1]]


def _cell(cell_type: str, cid: str, source: str, nbgrader: dict[str, Any] | None = None) -> dict[str, Any]:
    cell: dict[str, Any] = {"cell_type": cell_type, "id": cid, "metadata": {}, "source": _lines(source)}
    if nbgrader is not None:
        cell["metadata"]["nbgrader"] = {"schema_version": 3, "task": False, **nbgrader}
    if cell_type == "code":
        cell["execution_count"] = None
        cell["outputs"] = []
    return cell


def md(cid: str, text: str, kunci: bool = False) -> dict[str, Any]:
    """A markdown cell (``kunci=True`` makes it read-only in nbgrader: instructions, rubric)."""
    meta = {"grade": False, "solution": False, "locked": True, "grade_id": cid} if kunci else None
    return _cell("markdown", cid, text, meta)


def kode(cid: str, source: str, kunci: bool = False) -> dict[str, Any]:
    """A plain code cell (examples the learner runs or edits)."""
    meta = {"grade": False, "solution": False, "locked": True, "grade_id": cid} if kunci else None
    return _cell("code", cid, source, meta)


def jawaban(cid: str, sebelum: str, solusi: str, sesudah: str = "") -> dict[str, Any]:
    """An autograded answer cell: ``sebelum`` (kept), the solution region (cleared), ``sesudah`` (kept)."""
    parts = [sebelum.strip("\n"), "### BEGIN SOLUTION", solusi.strip("\n"), "### END SOLUTION"]
    if sesudah:
        parts.append(sesudah.strip("\n"))
    return _cell("code", cid, "\n".join(p for p in parts if p),
                 {"grade": False, "solution": True, "locked": False, "grade_id": cid})


def tes(cid: str, soal: str, variabel: str, poin: int = 1, di_kernel: bool = False) -> dict[str, Any]:
    """An autograder test cell for question ``soal``: a visible kind check and the hidden full check.

    The grader takes ``variabel`` out of the learner's kernel as plain data and runs the test in its own
    process (``SandboxExecute.grade_in_grader``); ``di_kernel`` keeps the test in the learner's kernel,
    for what cannot travel as plain data (a live matplotlib figure).
    """
    source = (
        f"# Tes otomatis soal {soal} (jangan diubah)\n"
        + ("# uji-di-kernel (grafik diperiksa langsung di kernel)\n" if di_kernel else "")
        + "from cantik.checks import uji, uji_bentuk\n"
        f"uji_bentuk({soal!r}, {variabel})\n"
        "### BEGIN HIDDEN TESTS\n"
        f"uji({soal!r}, {variabel})\n"
        "### END HIDDEN TESTS"
    )
    return _cell("code", cid, source,
                 {"grade": True, "solution": False, "locked": True, "grade_id": cid, "points": poin})


def tulisan(cid: str, contoh_jawaban: str, poin: int) -> dict[str, Any]:
    """A manually graded written answer (markdown); the model answer is replaced by the text stub."""
    return _cell("markdown", cid, contoh_jawaban,
                 {"grade": True, "solution": True, "locked": False, "grade_id": cid, "points": poin})


def rubrik(cid: str, judul: str, kriteria: list[tuple[str, list[str]]]) -> dict[str, Any]:
    """A locked markdown rubric: one row per criterion, levels 1–4 (4 = best).

    Examples
    --------
    >>> c = rubrik("r1", "Rubrik", [("Memakai angka", ["a", "b", "c", "d"])])
    >>> "| Memakai angka | a | b | c | d |" in "".join(c["source"])
    True
    """
    rows = [f"**{judul}** (pelatih memberi nilai 1–4 untuk setiap kriteria; jawaban kosong = 0)", "",
            "| Kriteria | 1 – belum | 2 – cukup | 3 – baik | 4 – sangat baik |", "|---|---|---|---|---|"]
    for name, levels in kriteria:
        if len(levels) != 4:
            raise ValueError(f"rubric criterion {name!r} needs exactly 4 levels")
        rows.append(f"| {name} | " + " | ".join(levels) + " |")
    return md(cid, "\n".join(rows), kunci=True)


def notebook(cells: list[dict[str, Any]]) -> dict[str, Any]:
    """A notebook dict (nbformat 4.5) from cells; cell ids must be unique."""
    ids = [c["id"] for c in cells]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise ValueError(f"duplicate cell ids: {sorted(dup)}")
    return {
        "cells": cells,
        "metadata": {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}},
        "nbformat": 4,
        "nbformat_minor": NBFORMAT_MINOR,
    }


def dumps(nb: dict[str, Any]) -> str:
    """Serialise a notebook the way Jupyter does (1-space indent, sorted keys, trailing newline)."""
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


# ── folders ────────────────────────────────────────────────────────────────────────────────────────
def _root(root: Path | None = None) -> Path:
    if root is not None:
        return Path(root)
    from cantik.paths import project_root

    return project_root()


def daftar_modul(root: Path | None = None) -> list[str]:
    """Module ids: folders of ``courses/`` holding notebooks (authoring folders start with ``_``)."""
    src = _root(root) / "courses"
    if not src.is_dir():
        return []
    return sorted(p.name for p in src.iterdir()
                  if p.is_dir() and not p.name.startswith(("_", ".")) and any(p.glob("*.ipynb")))


def daftar_naskah(root: Path | None = None) -> list[str]:
    """Modules with an authoring script ``courses/_naskah/modul*.py``."""
    return sorted(p.stem for p in (_root(root) / "courses" / "_naskah").glob("modul*.py"))


def naskah(modul: str, root: Path | None = None) -> dict[str, str]:
    """The master notebooks of ``modul`` as written by ``courses/_naskah/<modul>.py``: ``{name: json}``."""
    root = _root(root)
    script = root / "courses" / "_naskah" / f"{modul}.py"
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
        shutil.copy(root / CONFIG_FILE, work / CONFIG_FILE)
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


# ── CLI: cantik kursus … ───────────────────────────────────────────────────────────────────────────
def _pilih(args: argparse.Namespace) -> list[str]:
    semua = daftar_modul()
    pilihan = args.modul or semua
    tidak_ada = [m for m in pilihan if m not in semua]
    if tidak_ada:
        raise CourseError(f"Modul tidak dikenal: {', '.join(tidak_ada)}.",
                          f"Pakai salah satu nama modul yang ada: {', '.join(semua)}.")
    return pilihan


def _cmd_tulis(args: argparse.Namespace) -> int:
    root = _root()
    for m in args.modul or daftar_naskah(root):
        for p in tulis(m):
            print(f"Ditulis: {p.relative_to(root)}")
    return 0


def _cmd_bangun(args: argparse.Namespace) -> int:
    root = _root()
    for m in _pilih(args):
        for f in bangun(m):
            print(f"Versi peserta: {f.relative_to(root)}")
    return 0


def _cmd_periksa(args: argparse.Namespace) -> int:
    status = 0
    for m in _pilih(args):
        beda = kedaluwarsa(m)
        if beda:
            status = 1
            print(f"Modul {m}: versi peserta BELUM sesuai sumbernya ({', '.join(beda)}). "
                  "Jalankan: cantik kursus bangun " + m)
        else:
            print(f"Modul {m}: versi peserta sesuai sumbernya.")
    return status


def _cmd_ekspor(args: argparse.Namespace) -> int:
    from cantik.publish import ekspor_html

    out = ekspor_html(args.notebook, args.keluaran, laporan=not args.lengkap)
    return f"Halaman HTML ditulis: {out}"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``kursus tulis|bangun|periksa|ekspor`` (Indonesian help texts)."""
    from cantik.cli import add_command

    group = add_command(subparsers, "kursus", "Materi kursus: tulis notebook sumber, bangun versi peserta",
                        lambda _a: 2)
    sub = group.add_subparsers(title="perintah", metavar="PERINTAH", dest="perintah_kursus")
    group.set_defaults(func=lambda _a, g=group: (g.print_help(), 2)[1])
    for name, help_text, func in [
        ("tulis", "tulis ulang notebook sumber (courses/) dari naskahnya (courses/_naskah/)", _cmd_tulis),
        ("bangun", "buat versi peserta (notebooks/) dengan nbgrader generate_assignment", _cmd_bangun),
        ("periksa", "periksa apakah versi peserta masih sesuai dengan sumbernya", _cmd_periksa),
    ]:
        p = add_command(sub, name, help_text, func)
        p.add_argument("modul", nargs="*", help="nama modul, misalnya modul1 (kosong = semua modul)")
    p = add_command(sub, "ekspor", "ekspor notebook yang sudah selesai menjadi satu halaman HTML "
                    "(tanpa kode)", _cmd_ekspor)
    p.add_argument("notebook", help="berkas .ipynb yang akan diekspor")
    p.add_argument("--keluaran", default=None, help="berkas HTML tujuan (bawaan: nama sama, akhiran .html)")
    p.add_argument("--lengkap", action="store_true",
                   help="seluruh notebook (tanpa kode dan sel penilaian), bukan hanya laporan")
