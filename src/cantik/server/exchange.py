"""nbgrader's shared exchange on a multi-user server: folder permissions and per-role Jupyter config.

nbgrader's default exchange relies on Unix permissions (its release step makes
``<root>/<course>/inbound`` ``drwx-wx-wx`` with set-gid: learners can drop a submission in but cannot list
the folder, and every submission's name ends in a 72-bit random string). Two things are added here, both
without touching nbgrader:

* the exchange root is created ``drwxrwxrwt`` (sticky): anyone may create a course folder, but nobody may
  rename or delete another user's (nbgrader's own ``ensure_root`` only compares the 0o777 bits, so it
  keeps the sticky bit);
* per-role Jupyter config folders for the hub (``JUPYTER_CONFIG_PATH``): learners get the course id and
  exchange root, with formgrader/course-list/create-assignment switched off (server and JupyterLab
  extensions) and no terminal; trainers get ``CourseDirectory.root`` (nbgrader then loads the course's own
  ``nbgrader_config.py``, which takes the exchange from ``CANTIK_EXCHANGE``) and formgrader. Both get the
  Content-Security-Policy of :data:`cantik.safehtml.SERVER_CSP`.

Examples
--------
>>> prepare_exchange("/srv/nbgrader/exchange")  # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from cantik.errors import KelasError
from cantik.safehtml import write_server_config

EXCHANGE_MODE = 0o1777


def prepare_exchange(root: str | os.PathLike[str]) -> Path:
    """Create the exchange root (mode 1777) or fix its mode; Indonesian error when not allowed."""
    path = Path(root)
    try:
        path.mkdir(parents=True, exist_ok=True)
        if stat.S_IMODE(path.stat().st_mode) != EXCHANGE_MODE:
            os.chmod(path, EXCHANGE_MODE)
    except PermissionError as exc:
        raise KelasError(
            f"Folder pertukaran tugas {path} tidak bisa dibuat atau diatur izinnya.",
            "Jalankan penyiapan hub sebagai root (sudo), atau pilih folder lain dengan --pertukaran.",
        ) from exc
    return path


def write_role_configs(base: Path, course_id: str, exchange_root: str, course_root: str) -> dict[str, str]:
    """Write ``<base>/jupyter_peserta`` and ``<base>/jupyter_pelatih``; return ``{role: folder}``."""
    learner = base / "jupyter_peserta"
    trainer = base / "jupyter_pelatih"
    for folder in (learner, trainer):
        folder.mkdir(parents=True, exist_ok=True)
    (learner / "nbgrader_config.py").write_text(
        '"""Learners: where to fetch and submit (written by cantik.server.exchange)."""\n'
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.course_id = {course_id!r}\n"
        f"c.Exchange.root = {exchange_root!r}\n"
        "import os, pwd  # noqa: E401,E402\n"
        "_hub_user = os.environ.get('JUPYTERHUB_USER', '')\n"
        "if _hub_user and pwd.getpwuid(os.getuid()).pw_name != _hub_user:\n"
        "    # simple spawner (every server as the hub's user; trials only): submit under the hub account\n"
        "    c.CourseDirectory.student_id = _hub_user\n",
        encoding="utf-8",
    )
    (learner / "jupyter_server_config.json").write_text(json.dumps({"ServerApp": {"jpserver_extensions": {
        "nbgrader.server_extensions.formgrader": False,
        "nbgrader.server_extensions.course_list": False,
    }}}, indent=1), encoding="utf-8")
    # nbgrader loads <CourseDirectory.root>/nbgrader_config.py after this file, so everything else (course
    # id, folders, gradebook URL, and the exchange via CANTIK_EXCHANGE set by the hub) comes from there.
    # nbgrader's documented student setup: only the Assignments tab and validation in JupyterLab
    (learner / "labconfig").mkdir(exist_ok=True)
    (learner / "labconfig" / "page_config.json").write_text(json.dumps({"disabledExtensions": {
        f"@jupyter/nbgrader:{name}": True for name in ("formgrader", "create-assignment", "course-list")
    }}, indent=1), encoding="utf-8")
    # every page with a strict Content-Security-Policy (cantik.safehtml); learners get no terminal,
    # trainers keep theirs (they run `cantik kelas ...` on this server)
    write_server_config(learner, terminals=False)
    write_server_config(trainer, terminals=True)
    (trainer / "nbgrader_config.py").write_text(
        '"""Trainers: point nbgrader at the course root (written by cantik.server.exchange)."""\n'
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.root = {course_root!r}\n",
        encoding="utf-8",
    )
    return {"peserta": str(learner), "pelatih": str(trainer)}
