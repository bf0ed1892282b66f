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
from typing import Any

from cantik.authoring import numbers, written
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


def _jalankan(modul: str, root: Path, tandai: bool = False) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Run ``naskah/<modul>.py``: its namespace and the written questions it made (for the rubric file)."""
    script = root / NASKAH / f"{modul}.py"
    if not script.is_file():
        ada = ", ".join(daftar_naskah(root)) or "(tidak ada)"
        raise CourseError(f"Naskah modul '{modul}' tidak ditemukan: {script}.",
                          f"Pakai salah satu nama modul yang ada: {ada}.")
    sys.path.insert(0, str(script.parent))  # shared helpers of the authoring scripts (_umum.py)
    sys.modules.pop("_umum", None)  # its place context (``tempat``) follows the active place of this run
    try:
        with numbers.tandai(tandai), written.dicatat() as tulisan:
            spec = runpy.run_path(str(script))
    finally:
        sys.path.remove(str(script.parent))
    return spec, tulisan


def naskah(modul: str, root: Path | None = None, tandai: bool = False) -> dict[str, str]:
    """The master notebooks of ``modul`` as written by ``naskah/<modul>.py``: ``{name: json}``.

    ``tandai=True`` wraps every number written with :func:`cantik.authoring.numbers.angka` in its marks
    (for the test that finds numbers typed into course text).
    """
    spec, _ = _jalankan(modul, _root(root), tandai)
    return {name: dumps(notebook(cells)) for name, cells in spec["NOTEBOOKS"].items()}


def rubrik_path(modul: str, root: Path | None = None) -> Path:
    """Where the trainer's rubric file of ``modul`` is written: ``grading/rubrik/<modul>.md``.

    Not under ``courses/<modul>/``: nbgrader would copy it into the learner version.
    """
    return _root(root) / "grading" / "rubrik" / f"{modul}.md"


def _rubrik_teks(spec: dict[str, Any], tulisan: list[dict[str, Any]]) -> str | None:
    if not tulisan:
        return None
    cells = next(iter(spec["NOTEBOOKS"].values()))
    judul = "".join(cells[0]["source"]).splitlines()[0].lstrip("# ").strip()
    return written.rubrik_md(judul, tulisan) + "\n"


def rubrik_naskah(modul: str, root: Path | None = None) -> str | None:
    """The trainer's rubric file of ``modul`` (markdown), or ``None`` when it has no written question."""
    return _rubrik_teks(*_jalankan(modul, _root(root)))


#: Folder of ``naskah/`` whose files every module gets (e.g. the glossary ``daftar_istilah.md``).
BERSAMA = "bersama"


def berkas_bersama(root: Path | None = None) -> dict[str, str]:
    """The files written next to every module's notebooks (released with them): ``{name: text}``.

    They live once in ``naskah/bersama/``; :func:`tulis` copies them into ``courses/<modul>/``, so a learner
    who has only fetched one module (class server) still has them beside its notebook.
    """
    folder = _root(root) / NASKAH / BERSAMA
    if not folder.is_dir():
        return {}
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.is_file()}


def _bertempat(nb: dict[str, Any]) -> dict[str, Any]:
    """Record the place a notebook is written for (``metadata.cantik.wilayah``) unless it is the default
    place, whose notebooks stay as they are."""
    from cantik.data import active_wilayah
    from cantik.data.schema import DEFAULT_WILAYAH

    key = active_wilayah()
    if key != DEFAULT_WILAYAH:
        nb["metadata"]["cantik"] = {"wilayah": key}
    return nb


def _nama_tempat(text: str) -> str:
    """A shared file for the active place: the default place's name in its examples becomes the place's,
    and its units are named as the place's (:func:`_kata_tempat`)."""
    from cantik.data import active_wilayah
    from cantik.data.profile import load_profile
    from cantik.data.schema import DEFAULT_WILAYAH

    key = active_wilayah()
    if key == DEFAULT_WILAYAH:
        return text
    return _kata_tempat(text.replace(load_profile(DEFAULT_WILAYAH).name, load_profile(key).name))


def _satuan() -> str:
    """The active place's unit ("RT" or "dusun"), read once per file written."""
    from cantik.data import active_wilayah
    from cantik.data.profile import load_profile

    return load_profile(active_wilayah()).unit


def _kata_tempat(text: str) -> str:
    """Course text (written with the default place's unit, RT) worded for the active place's unit: "Dusun 3",
    "per dusun", "kepala dusun" (:func:`cantik.data.profile.unit_words`)."""
    from cantik.data.profile import unit_words

    return unit_words(text, _satuan())


def _satuan_tempat(nb: dict[str, Any]) -> dict[str, Any]:
    """Every cell of a notebook worded for the active place's unit (markdown, and the comments, printed
    texts and chart labels of code; names such as ``rt`` or ``aps_rt`` stay)."""
    from cantik.data.profile import unit_words

    unit = _satuan()
    for cell in nb["cells"]:
        source = cell["source"]
        cell["source"] = (unit_words(source, unit) if isinstance(source, str)
                          else unit_words("".join(source), unit).splitlines(keepends=True))
    return nb


def tulis(modul: str, root: Path | None = None, keluaran: Path | None = None) -> list[Path]:
    """Write the master notebooks ``courses/<modul>/*.ipynb`` from the module's authoring script, the shared
    files of :func:`berkas_bersama` beside them, and the trainer's rubric file (:func:`rubrik_path`).

    The scripts are read from ``root``; the files go to ``keluaran`` (a course folder laid out like the
    project: ``courses/``, ``grading/rubrik/``), default ``root``. They are written for the active place
    (:func:`cantik.data.active_wilayah`); a notebook for another place than the default records it.
    """
    root = _root(root)
    dest = Path(keluaran) if keluaran is not None else root
    spec, tulisan = _jalankan(modul, root)
    out = []
    for name, cells in spec["NOTEBOOKS"].items():
        path = dest / "courses" / modul / f"{name}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dumps(_bertempat(_satuan_tempat(notebook(cells)))), encoding="utf-8")
        out.append(path)
    for name, text in berkas_bersama(root).items():
        path = dest / "courses" / modul / name
        path.write_text(_nama_tempat(text), encoding="utf-8")
        out.append(path)
    teks = _rubrik_teks(spec, tulisan)
    if teks is not None:
        path = rubrik_path(modul, dest)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_kata_tempat(teks), encoding="utf-8")
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


def bangun_wilayah(wilayah: str, keluaran: Path, modul: list[str] | None = None,
                   root: Path | None = None) -> list[Path]:
    """Write and build the course of ``modul`` (default: every module) for the place ``wilayah`` into the
    course folder ``keluaran``: master notebooks ``courses/<modul>/``, learner versions
    ``notebooks/<modul>/``,
    rubric files ``grading/rubrik/`` and a copy of ``nbgrader_config.py`` (so nbgrader and
    ``cantik kelas`` can run there).

    The modules are written in one fresh process whose active place is ``wilayah`` (``CANTIK_WILAYAH``),
    so nothing computed for another place is reused. ``keluaran`` may not be the project itself: the
    repository's course stays the default place's.

    Raises
    ------
    CourseError
        ``keluaran`` is the project folder, or a module cannot be written or built for the place.
    """
    from cantik.data.loader import WILAYAH_ENV, pakai_wilayah

    root = _root(root)
    dest = Path(keluaran).resolve()
    if dest == root.resolve():
        raise CourseError("Folder keluaran tidak boleh folder proyek ini: kursus bawaan di courses/ akan "
                          "tertimpa.",
                          "Pilih folder lain dengan --keluaran, misalnya kursus_wilayah/malinau.")
    before = os.environ.get(WILAYAH_ENV)
    try:
        pakai_wilayah(wilayah)  # checks the name (Indonesian message listing the places)
        key = os.environ[WILAYAH_ENV]
    finally:
        if before is None:
            os.environ.pop(WILAYAH_ENV, None)
        else:
            os.environ[WILAYAH_ENV] = before
    modules = modul or daftar_naskah(root)
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(root / NBGRADER_CONFIG, dest / NBGRADER_CONFIG)
    out: list[Path] = []
    env = {**os.environ, WILAYAH_ENV: key, "CANTIK_HOME": str(root)}
    res = subprocess.run([sys.executable, "-c", _TULIS_ANAK, str(root), str(dest), *modules], env=env,
                         text=True, capture_output=True, check=False)
    if res.returncode != 0:
        done = [line[len("MODUL "):] for line in res.stdout.splitlines() if line.startswith("MODUL ")]
        failed = next((m for m in modules if m not in done), modules[-1])
        tail = "\n".join(res.stderr.strip().splitlines()[-8:])
        raise CourseError(f"Modul '{failed}' tidak dapat ditulis untuk wilayah '{key}':\n{tail}",
                          "Pesan di atas menyebut tabel atau soal yang bermasalah; periksa tabel "
                          "wilayah itu (`cantik data tabel`), lalu ulangi.")
    out += [Path(line) for line in res.stdout.splitlines() if line and not line.startswith("MODUL ")]
    for m in modules:
        out += bangun(m, dest)
    return out


#: The child process of :func:`bangun_wilayah`: writes the modules for the active place, printing the files
#: of each and then "MODUL <name>" when it is done.
_TULIS_ANAK = ("import sys\nfrom pathlib import Path\nfrom cantik.authoring.build import tulis\n"
               "root, dest = Path(sys.argv[1]), Path(sys.argv[2])\n"
               "for m in sys.argv[3:]:\n"
               "    for p in tulis(m, root, dest):\n        print(p)\n"
               "    print('MODUL ' + m, flush=True)\n")
