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
import re
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


def tes(cid: str, soal: str, variabel: str, poin: int = 1, bagian: dict[str, str] | None = None
        ) -> dict[str, Any]:
    """An autograder test cell for question ``soal``: a visible kind check and the hidden full check.

    The grader takes ``variabel`` out of the learner's kernel as plain data (a chart as its rendered SVG)
    and runs the test in its own process (``SandboxExecute.grade_in_grader``). ``bagian`` maps the parts of
    a formula-first question to the learner's variables (``{"pembilang": "laki_laki"}``).

    Examples
    --------
    >>> "uji('2a', r, pembilang=l)" in "".join(tes("t", "2a", "r", bagian={"pembilang": "l"})["source"])
    True
    """
    parts = "".join(f", {k}={v}" for k, v in (bagian or {}).items())
    source = (
        f"# Tes otomatis soal {soal} (jangan diubah)\n"
        "from cantik.checks import uji, uji_bentuk\n"
        f"uji_bentuk({soal!r}, {variabel})\n"
        "### BEGIN HIDDEN TESTS\n"
        f"uji({soal!r}, {variabel}{parts})\n"
        "### END HIDDEN TESTS"
    )
    return _cell("code", cid, source,
                 {"grade": True, "solution": False, "locked": True, "grade_id": cid, "points": poin})


# ── numbers quoted in course text ──────────────────────────────────────────────────────────────────
#: While :func:`naskah` runs with ``tandai=True``, every number made by :func:`angka` is wrapped in these
#: marks, so a test can tell computed numbers from numbers typed into the text.
TANDA_BUKA, TANDA_TUTUP = "\ue000", "\ue001"
_TANDAI: list[bool] = [False]


def angka(x: float, desimal: int = 0) -> str:
    """A number computed from the data, written the Indonesian way (EYD: ``7.402``, ``147,6``, ``−0,53``).

    Authoring scripts quote numbers only through this function (or :func:`persen`, :func:`rupiah`), so the
    text always matches the data it was written from (``cantik kursus tulis``).

    Examples
    --------
    >>> angka(7402), angka(147.61, 1), angka(-0.53, 2)
    ('7.402', '147,6', '−0,53')
    """
    teks = f"{abs(x):,.{desimal}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    if round(x, desimal) < 0:
        teks = "−" + teks
    return f"{TANDA_BUKA}{teks}{TANDA_TUTUP}" if _TANDAI[0] else teks


#: Numbers course text may contain without :func:`angka` because they are not data: headings and list
#: numbers, years, durations, law numbers, lengths of written answers, code.
_BUKAN_DATA = [re.compile(p, re.MULTILINE) for p in (
    r"`[^`]*`",                                   # code
    r"(?:^\s*#*\s*|→\s*)\d+\.\s",                  # "## 1. Judul", "1. langkah", "→ 2. langkah"
    r"[Mm]odul \d+(?:–\d+)?",                       # module numbers
    r"\d+/\d{4}",                                   # "Perpres 39/2019"
    r"(?<!\d)(?:19|20)\d\d(?!\d)",                  # years
    r"\d+\s*(?:×\s*\d+\s*)?menit",                   # durations
    r"\d+–\d+ (?:kalimat|kata)",                    # length of a written answer
    r"\(\d\)",                                      # "(1) … (2) …" enumerations
    r"Nomor \d+ Tahun",                             # laws
    r"Tabel \d+(?:\.\d+)?",                          # table numbers in a title
)]
_ANGKA = re.compile(r"(?<![\w.,\u2212-])[\u2212-]?\d+(?:[.,]\d+)*(?!\w)")


def angka_tanpa_sumber(teks: str, tetap: set[str]) -> list[str]:
    """Numbers in ``teks`` neither computed with :func:`angka` (written while :func:`naskah` ran with
    ``tandai=True``) nor listed in ``tetap`` (definitions such as age bands) nor plainly not data.

    Examples
    --------
    >>> teks = f"Umur 15–64; ada {TANDA_BUKA}7.402{TANDA_TUTUP} jiwa dan 291 pindah."
    >>> angka_tanpa_sumber(teks, {"15", "64"})
    ['291']
    """
    teks = re.sub(f"{TANDA_BUKA}.*?{TANDA_TUTUP}", " ", teks)
    for pola in _BUKAN_DATA:
        teks = pola.sub(" ", teks)
    return [n for n in _ANGKA.findall(teks) if n.replace("\u2212", "−") not in tetap]


def persen(x: float, desimal: int = 1) -> str:
    """A percentage, EYD style without a space: ``persen(4.537, 2)`` → ``'4,54%'``."""
    return angka(x, desimal) + "%"


def rupiah(x: float) -> str:
    """Rupiah, EYD style: ``rupiah(644107)`` → ``'Rp644.107'``."""
    return "Rp" + angka(x, 0)


# ── written answers graded with a rubric, one score box per criterion ─────────────────────────────
class Kriteria:
    """One rubric criterion: its name and what levels 1–4 look like (4 = best)."""

    def __init__(self, nama: str, tingkat: list[str]) -> None:
        if len(tingkat) != 4:
            raise ValueError(f"rubric criterion {nama!r} needs exactly 4 levels")
        self.nama, self.tingkat = nama, list(tingkat)


class Contoh:
    """An example answer for trainers: its level (1–4), its text and its score on every criterion."""

    def __init__(self, tingkat: int, teks: str, skor: list[int]) -> None:
        if tingkat not in (1, 2, 3, 4) or any(not 0 <= k <= 4 for k in skor):
            raise ValueError("levels and scores are 0–4 (an example's level is 1–4)")
        self.tingkat, self.teks, self.skor = tingkat, teks, list(skor)


class Kunci:
    """A key number a good answer quotes, with the tolerance a trainer accepts (computed from the data)."""

    def __init__(self, apa: str, nilai: float, toleransi: float, desimal: int = 0, satuan: str = "") -> None:
        self.apa, self.nilai, self.toleransi = apa, nilai, toleransi
        self.desimal, self.satuan = desimal, satuan

    def teks(self) -> str:
        sat = (self.satuan if self.satuan.startswith("%") else f" {self.satuan}") if self.satuan else ""
        if not self.toleransi:
            return f"{self.apa}: **{angka(self.nilai, self.desimal)}{sat}** (tepat)"
        lo, hi = self.nilai - self.toleransi, self.nilai + self.toleransi
        return (f"{self.apa}: **{angka(self.nilai, self.desimal)}{sat}** (terima "
                f"{angka(lo, self.desimal)}–{angka(hi, self.desimal)}{sat}, termasuk pembulatan wajar)")


#: Every written question of the naskah being run, for the trainer's rubric file (see :func:`rubrik_md`).
_TULISAN: list[dict[str, Any]] = []


def _tabel_rubrik(judul: str, kriteria: list[Kriteria]) -> str:
    n = [angka(i) for i in range(5)]  # level numbers are marked like data (they are the scale, not typed)
    rows = [f"**{judul}**: pelatih memberi nilai {n[0]}–{n[4]} untuk **setiap** kriteria (K1 di kotak "
            f"jawaban Anda, K2 dan seterusnya di bawahnya); jawaban kosong mendapat {n[0]}.", "",
            f"| Kriteria | {n[1]} – belum | {n[2]} – cukup | {n[3]} – baik | {n[4]} – sangat baik |",
            "|---|---|---|---|---|"]
    rows += [f"| K{i} · {k.nama} | " + " | ".join(k.tingkat) + " |" for i, k in enumerate(kriteria, 1)]
    return "\n".join(rows)


def _panduan(soal: str, kriteria: list[Kriteria], contoh: list[Contoh], kunci: list[Kunci],
             catatan: list[str] | None = None) -> str:
    """The trainer's guide of a written question (markdown): key numbers and example answers per level."""
    lines = [f"**Panduan pelatih soal {soal}** (tidak terlihat peserta)", ""]
    if catatan:
        lines += ["Yang perlu diperhatikan:", ""] + [f"- {c}" for c in catatan] + [""]
    if kunci:
        lines += ["Angka kunci dari data (jawaban boleh membulatkan dalam batas ini):", ""]
        lines += [f"- {k.teks()}" for k in kunci] + [""]
    lines += ["Contoh jawaban per tingkat, dengan nilai setiap kriteria:", ""]
    for c in sorted(contoh, key=lambda c: c.tingkat):
        skor = ", ".join(f"K{i} = {angka(s)}" for i, s in enumerate(c.skor, 1))
        lines += [f"- **Tingkat {angka(c.tingkat)}** ({skor}; jumlah {angka(sum(c.skor))}): «{c.teks}»"]
    return "\n".join(lines)


def soal_tulisan(cid: str, soal: str, kriteria: list[Kriteria], contoh: list[Contoh],
                 kunci: list[Kunci] | None = None, catatan: list[str] | None = None) -> list[dict[str, Any]]:
    """A written answer graded by the trainer, one score box (0–4) per rubric criterion.

    Cells: the rubric table (learners read it before writing); the answer (a manually graded markdown
    answer worth 4 points: criterion K1, its master text the level-4 example); then one locked nbgrader
    *task* cell per further criterion (K2, K3 … worth 4 each), so formgrader shows one box per criterion
    and the question's total is their sum. The first task cell carries the trainer's guide (key numbers
    with their tolerance, example answers at levels 1–4 with their scores) inside a mark-scheme region,
    which ``nbgrader generate_assignment`` removes from the learner version; ``catatan`` adds what trainers
    should watch for.

    Examples
    --------
    >>> k = [Kriteria(f"k{i}", ["a", "b", "c", "d"]) for i in range(2)]
    >>> ex = [Contoh(t, f"contoh {t}", [t, t]) for t in range(1, 5)]
    >>> [c["metadata"]["nbgrader"].get("points") for c in soal_tulisan("m9-9z", "9z", k, ex)]
    [None, 4, 4]
    """
    if len(kriteria) < 2:
        raise ValueError("a written question needs at least two criteria")
    if sorted(c.tingkat for c in contoh) != [1, 2, 3, 4] or any(len(c.skor) != len(kriteria) for c in contoh):
        raise ValueError(f"question {soal}: one example per level 1–4, each scored on every criterion")
    kunci = kunci or []
    terbaik = next(c for c in contoh if c.tingkat == 4)
    cells = [md(f"{cid}-rubrik", _tabel_rubrik(f"Rubrik soal {soal}", kriteria), kunci=True),
             _cell("markdown", cid, terbaik.teks,
                   {"grade": True, "solution": True, "locked": False, "grade_id": cid, "points": 4})]
    for i, k in enumerate(kriteria[1:], 2):
        teks = f"**Soal {soal} · K{i} · {k.nama}** (nilai {angka(0)}–{angka(4)} diisi pelatih)"
        if i == 2:
            # nbgrader's ClearMarkScheme matches "BEGIN/END MARK SCHEME" anywhere in a line: as HTML comments
            # the delimiters stay invisible in formgrader
            teks += ("\n\n<!-- BEGIN MARK SCHEME -->\n" + _panduan(soal, kriteria, contoh, kunci, catatan)
                     + "\n\nK1 dinilai di kotak jawaban peserta.\n<!-- END MARK SCHEME -->")
        cells.append(_cell("markdown", f"{cid}-k{i}", teks,
                           {"grade": False, "solution": False, "task": True, "locked": True,
                            "grade_id": f"{cid}-k{i}", "points": 4}))
    _TULISAN.append({"soal": soal, "kriteria": kriteria, "contoh": contoh, "kunci": kunci,
                     "catatan": catatan})
    return cells


def rubrik_md(judul: str, soal_soal: list[dict[str, Any]]) -> str:
    """The trainer's rubric file of a module: every written question's criteria, key numbers, examples."""
    out = [f"# Rubrik penilaian: {judul}", "",
           "Untuk pelatih. Dibuat otomatis oleh `cantik kursus tulis` dari naskah modul; angka kunci "
           f"dihitung dari data (sintetis). Di Formgrader setiap kriteria punya kotak nilai sendiri "
           f"({angka(0)}–{angka(4)}): K1 di kotak jawaban peserta, K2 dan seterusnya di bawahnya. Jawaban "
           f"kosong mendapat {angka(0)} secara otomatis.", ""]
    for s in soal_soal:
        out += [f"## Soal {s['soal']}", "", _tabel_rubrik(f"Rubrik soal {s['soal']}", s["kriteria"]), "",
                _panduan(s["soal"], s["kriteria"], s["contoh"], s["kunci"], s["catatan"]), ""]
    return "\n".join(out)


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


def _jalankan(modul: str, root: Path, tandai: bool = False) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    script = root / "courses" / "_naskah" / f"{modul}.py"
    if not script.is_file():
        ada = ", ".join(daftar_naskah(root)) or "(tidak ada)"
        raise CourseError(f"Naskah modul '{modul}' tidak ditemukan: {script}.",
                          f"Pakai salah satu nama modul yang ada: {ada}.")
    sys.path.insert(0, str(script.parent))  # shared helpers of the authoring scripts (_umum.py)
    _TANDAI[0] = tandai
    _TULISAN.clear()
    try:
        spec = runpy.run_path(str(script))
        return spec, list(_TULISAN)
    finally:
        _TANDAI[0] = False
        _TULISAN.clear()
        sys.path.remove(str(script.parent))


def naskah(modul: str, root: Path | None = None, tandai: bool = False) -> dict[str, str]:
    """The master notebooks of ``modul`` as written by ``courses/_naskah/<modul>.py``: ``{name: json}``.

    ``tandai=True`` wraps every number written with :func:`angka` in :data:`TANDA_BUKA`/:data:`TANDA_TUTUP`
    (for the test that finds numbers typed into course text).
    """
    spec, _ = _jalankan(modul, _root(root), tandai)
    return {name: dumps(notebook(cells)) for name, cells in spec["NOTEBOOKS"].items()}


def rubrik_naskah(modul: str, root: Path | None = None) -> str | None:
    """The trainer's rubric file of ``modul`` (markdown), or ``None`` when it has no written question."""
    return _rubrik_teks(*_jalankan(modul, _root(root)))


def _rubrik_teks(spec: dict[str, Any], tulisan: list[dict[str, Any]]) -> str | None:
    if not tulisan:
        return None
    cells = next(iter(spec["NOTEBOOKS"].values()))
    judul = "".join(cells[0]["source"]).splitlines()[0].lstrip("# ").strip()
    return rubrik_md(judul, tulisan) + "\n"


def rubrik_path(modul: str, root: Path | None = None) -> Path:
    """Where the trainer's rubric file of ``modul`` is written: ``grading/rubrik/<modul>.md``.

    Not under ``courses/<modul>/``: nbgrader would copy it into the learner version.
    """
    return _root(root) / "grading" / "rubrik" / f"{modul}.md"


def tulis(modul: str, root: Path | None = None) -> list[Path]:
    """Write the master notebooks ``courses/<modul>/*.ipynb`` and the trainer's rubric file
    (:func:`rubrik_path`) from the module's authoring script."""
    root = _root(root)
    spec, tulisan = _jalankan(modul, root)
    out = []
    for name, cells in spec["NOTEBOOKS"].items():
        path = root / "courses" / modul / f"{name}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dumps(notebook(cells)), encoding="utf-8")
        out.append(path)
    teks = _rubrik_teks(spec, tulisan)
    if teks is not None:
        path = rubrik_path(modul, root)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(teks, encoding="utf-8")
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
