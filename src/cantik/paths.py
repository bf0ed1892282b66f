"""Where things live: the project root and its content folders.

The package is installed in editable mode from a clone, so the content folders (``datasets/``,
``courses/``, ...) are found next to ``src/``. ``CANTIK_HOME`` overrides the root (tests use it).
"""

from __future__ import annotations

import os
from pathlib import Path

#: The course's nbgrader configuration file, in the project root (and in every class folder).
NBGRADER_CONFIG = "nbgrader_config.py"


def project_root() -> Path:
    """The Kelas Cantik folder: ``$CANTIK_HOME``, else the clone this package was installed from."""
    env = os.environ.get("CANTIK_HOME")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "datasets").is_dir() and (parent / "pyproject.toml").is_file():
            return parent
    return Path.cwd()


def datasets_dir() -> Path:
    """Folder holding ``<wilayah>/<table>.csv`` and their ``datapackage.json``."""
    return Path(os.environ.get("CANTIK_DATASETS") or project_root() / "datasets")


def real_data_dir() -> Path:
    """Folder of real places imported with ``cantik data impor`` (``$CANTIK_DATA_NYATA``, else
    ``data_nyata/`` of the project): git-ignored, so a village's own data never enters the repository."""
    return Path(os.environ.get("CANTIK_DATA_NYATA") or project_root() / "data_nyata")


def state_dir() -> Path:
    """Per-machine, git-ignored state (JupyterLab user settings, workspaces)."""
    return project_root() / ".cantik"
