"""Beyond one server: Helm values for Zero to JupyterHub on Kubernetes, from the same hub folder.

``cantik server z2jh`` writes the part of a Z2JH ``config.yaml`` that carries over from the one-server
hub (:func:`cantik.server.hub.configure`), taken from the very config object that hub runs with:

* ``hub.config``: the roster authenticator, allowed users, the ``peserta``/``pelatih`` groups and the
  trainers' scoped role (Z2JH passes ``hub.config`` to JupyterHub's traitlets unchanged);
* ``cull``: Z2JH runs the same jupyterhub-idle-culler, with our time-out;
* ``singleuser.memory.limit`` (Kubernetes enforces it through the pod's cgroup, as
  :mod:`cantik.server.spawner` does here), ``singleuser.defaultUrl`` and the learners' environment;
* ``hub.db``: PostgreSQL when the hub uses it; the password is never written (set ``hub.db.password``
  from a Kubernetes secret).

What does not carry over, and is listed in the file's header: nbgrader's exchange (one shared POSIX
file system with per-user uids; on Kubernetes every pod runs as uid 1000), the pre-spawn hook (trainers:
``singleuser.profileList`` or ``kubespawner_override``; the learners' start page: an init container),
the hub-managed Voilà gallery (deploy it as its own Deployment and add it under ``hub.services``), and
the image that has ``cantik`` installed.

Examples
--------
>>> values = helm_values(".cantik/hub")                              # doctest: +SKIP
>>> values["cull"]                                                   # doctest: +SKIP
{'enabled': True, 'timeout': 3600, 'every': 1800}
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ACCOUNTS_DIR = "/srv/kelas-cantik"  # the hub pod's writable volume holding akun.json
HEADER = """\
# Zero to JupyterHub (Helm chart) values written by `cantik server z2jh` from {folder}.
# What carries over from the one-server hub: accounts and roles (hub.config), the idle culler (cull),
# the memory limit and environment of each learner's server (singleuser), the hub database (hub.db).
# Still to do on the cluster:
#  - an image with `cantik` installed, for the hub (hub.image) and the learners (singleuser.image);
#  - akun.json (the roster's password hashes) on the volume claim `kelas-cantik-akun` (writable: the
#    password change rewrites it), e.g. `kubectl cp akun.json <hub pod>:{accounts}/`;
#  - hub.db.password from a Kubernetes secret (the password is never written here);
#  - nbgrader's exchange: a shared ReadWriteMany volume at {exchange} with per-user uids, or an exchange
#    plugin (on Kubernetes every pod runs as uid 1000, so nbgrader's Unix permissions do not hold);
#  - the one-server pre-spawn hook: trainers' servers (formgrader, course root, gradebook URL) become a
#    singleuser.profileList entry for the group "pelatih"; the learners' start page (Mulai_kelas.ipynb),
#    an init container or the image's home skeleton;
#  - the Voilà gallery as its own Deployment, added under hub.services.
"""


def _without_password(url: str) -> str:
    """``url`` with its password removed (user, host, port and database kept)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = f"{parts.username}@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def helm_values(folder: str | os.PathLike[str]) -> dict[str, Any]:
    """The Z2JH values that carry over from the hub written in ``folder`` by ``write_hub``.

    Parameters
    ----------
    folder : path
        A hub folder (``cantik server hub-siapkan``): ``hub.json`` and ``jupyterhub_config.py``.

    Returns
    -------
    dict
        Plain data for ``yaml.safe_dump``: ``hub``, ``cull`` and ``singleuser`` sections.
    """
    from traitlets.config import Config

    from cantik.server.hub import TRAINER, configure

    base = Path(folder)
    settings = json.loads((base / "hub.json").read_text(encoding="utf-8"))
    c = Config()
    configure(c, str(base / "jupyterhub_config.py"))
    idle = int(settings["idle_timeout"])
    hub: dict[str, Any] = {
        "config": {
            "JupyterHub": {
                "authenticator_class": c.JupyterHub.authenticator_class,
                "load_groups": {g: {"users": sorted(v["users"])}
                                for g, v in c.JupyterHub.load_groups.items()},
                "load_roles": [r for r in c.JupyterHub.load_roles if r["name"] == TRAINER],
            },
            "Authenticator": {"allowed_users": sorted(c.Authenticator.allowed_users), "admin_users": []},
            "RosterAuthenticator": {"accounts_file": f"{ACCOUNTS_DIR}/akun.json"},
        },
        "extraVolumes": [{"name": "kelas-cantik-akun",
                          "persistentVolumeClaim": {"claimName": "kelas-cantik-akun"}}],
        "extraVolumeMounts": [{"name": "kelas-cantik-akun", "mountPath": ACCOUNTS_DIR}],
    }
    if c.JupyterHub.db_url.startswith("postgresql"):
        hub["db"] = {"type": "postgres", "url": _without_password(c.JupyterHub.db_url)}
    env = c.Spawner.environment
    return {
        "hub": hub,
        "cull": {"enabled": True, "timeout": idle, "every": idle // 2},  # the culler's own default
        "singleuser": {
            "defaultUrl": c.Spawner.default_url,
            "memory": {"limit": c.Spawner.mem_limit},
            "extraEnv": {"LANG": env["LANG"], "LC_ALL": env["LC_ALL"],
                         "CANTIK_EXCHANGE": env["CANTIK_EXCHANGE"]},
        },
    }


def write_values(folder: str | os.PathLike[str], output: str | os.PathLike[str]) -> Path:
    """Write :func:`helm_values` of ``folder`` as YAML (with the to-do header) to ``output``."""
    import yaml

    values = helm_values(folder)
    settings = json.loads((Path(folder) / "hub.json").read_text(encoding="utf-8"))
    text = HEADER.format(folder=Path(folder), accounts=ACCOUNTS_DIR, exchange=settings["exchange_root"])
    out = Path(output)
    out.write_text(text + yaml.safe_dump(values, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return out
