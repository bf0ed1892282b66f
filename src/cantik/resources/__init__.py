"""Files shipped with the package: the learners' start page on the class server (``Mulai_kelas.ipynb``) and
Kelas Cantik's JupyterLab defaults (``lab-overrides.json``), installed by :func:`install_lab_overrides`
for ``cantik mulai`` and the class server alike.
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path


def install_lab_overrides(prefix: Path | None = None) -> Path:
    """Merge Kelas Cantik's JupyterLab defaults into ``<prefix>/share/jupyter/lab/settings/overrides.json``.

    The defaults (the ``id_ID`` locale, no update checks or news) are JupyterLab's documented admin
    overrides. Keys already set there by an administrator are kept unless Kelas Cantik sets the same
    plugin key. Returns the path written.
    """
    target = Path(prefix or sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    ours = json.loads(resources.files("cantik.resources").joinpath("lab-overrides.json").read_text("utf-8"))
    current: dict = {}
    if target.is_file():
        try:
            current = json.loads(target.read_text("utf-8"))
        except json.JSONDecodeError:
            current = {}
    merged = {**current}
    for plugin, values in ours.items():
        merged[plugin] = {**merged.get(plugin, {}), **values}
    if merged != current:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(merged, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return target
