"""Where the answer key lives and where ``cek`` finds it.

The *answer key* is the question modules ``cantik.checks.modul<N>``: each question's expected-value
function (``Soal.harapan``), comparator, known mistakes and hints. Whoever can import them can compute
every expected answer. Where each party finds them:

========================  ===========================================================================
graded kernel             never: the sandbox shows those files empty (:func:`answer_key_files`, hidden by
                          :mod:`cantik.sandbox.bwrap`); ``CANTIK_SANDBOX`` is set, so ``cek`` says the
                          grader checks, and ``uji``/``uji_bentuk`` only hand the plain answer over to
                          the grader (:class:`cantik.grading.preprocessors.RecheckAnswers` decides)
class server, learner     never: the files are readable by the trainers' group only
                          (:func:`protect_answer_key`, run by ``cantik server hub-siapkan --akun-unix``);
                          ``CANTIK_CEK_URL`` is set, so ``cek`` asks the check service
                          (:mod:`cantik.server.checkservice`, running as a trainer), which answers
                          right/wrong and the message, never the value
grader, trainer, laptop   imported directly
========================  ===========================================================================

On a single laptop (``make start``) the learner owns the machine and can read everything, the key
included; the guides say so.
"""

from __future__ import annotations

import importlib.util
import os
import stat
from pathlib import Path

#: The question modules, i.e. the answer key (file-name pattern inside the ``cantik.checks`` package).
KEY_PATTERN = "modul*.py"
#: Set in graded kernels (:func:`cantik.sandbox.bwrap.kernel_env`): the key is not here.
SANDBOX_ENV = "CANTIK_SANDBOX"
#: Set for learners' servers on the class server: the check service's address.
SERVICE_ENV = "CANTIK_CEK_URL"


def package_dir() -> Path:
    """The folder of the ``cantik.checks`` package (found without importing it)."""
    spec = importlib.util.find_spec("cantik.checks")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations)))


def answer_key_files(folder: Path | None = None) -> list[Path]:
    """The answer key's files: the question modules and their compiled copies in ``__pycache__``.

    Examples
    --------
    >>> sorted(p.name for p in answer_key_files() if p.suffix == ".py")[:2]
    ['modul1.py', 'modul2.py']
    """
    base = folder or package_dir()
    found = sorted(base.glob(KEY_PATTERN))
    stems = {p.stem for p in found}
    cache = base / "__pycache__"
    if cache.is_dir():
        found += sorted(p for p in cache.glob("*.pyc") if p.name.split(".", 1)[0] in stems)
    return found


def mode() -> str:
    """Where ``cek`` gets its verdict here: ``"layanan"`` (the check service), ``"penilai"`` (a graded
    kernel: the grader decides) or ``"lokal"`` (the key is importable here)."""
    if os.environ.get(SERVICE_ENV):
        return "layanan"
    if os.environ.get(SANDBOX_ENV):
        return "penilai"
    return "lokal"


def protect_answer_key(group: str, folder: Path | None = None) -> list[Path]:
    """Make the answer key readable by root and ``group`` (the trainers) only: mode 0640, group ``group``.

    Python writes a module's compiled copy with the source's mode, so copies made later stay private too.
    Returns the files changed. Needs root (or ownership of the files).
    """
    import grp

    gid = grp.getgrnam(group).gr_gid
    changed = []
    for path in answer_key_files(folder):
        info = path.stat()
        if info.st_gid != gid or stat.S_IMODE(info.st_mode) != 0o640:
            os.chown(path, -1, gid)
            os.chmod(path, 0o640)
            changed.append(path)
    return changed


def readable_by_others(folder: Path | None = None) -> list[Path]:
    """Answer-key files that any account on this machine can read (empty once protected)."""
    return [p for p in answer_key_files(folder) if p.stat().st_mode & stat.S_IROTH]


def open_copies(root: Path) -> list[Path]:
    """Folders of the project at ``root`` that hold the key or solutions and every account can enter:
    ``courses/`` (master notebooks) and ``.git`` (the key's history)."""
    found = []
    for name in ("courses", ".git"):
        path = root / name
        if path.is_dir() and path.stat().st_mode & stat.S_IXOTH:
            found.append(path)
    return found
