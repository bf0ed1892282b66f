"""JupyterHub for a class, configured from the roster: accounts, roles, culler, memory limit, public gallery.

:func:`write_hub` turns the roster into a hub folder::

    hub.json                 settings read by jupyterhub_config.py (ports, users, limits, paths)
    akun.json                password hashes of every account (mode 0600; RosterAuthenticator)
    kata_sandi_awal.csv      id, nama, peran, kata_sandi: first-login passwords for the trainer (mode 0600)
    pra_mulai.token          API token of the hub service that starts learners' servers before class (0600)
    jupyterhub_config.py     three lines: hands JupyterHub's config object to :func:`configure`

:func:`configure` sets JupyterHub through its documented configuration only: the hub and
configurable-http-proxy on 127.0.0.1, groups ``peserta`` and ``pelatih``, a ``pelatih`` role (admin page,
list users, access and stop learners' servers; not a full admin), ``jupyterhub-idle-culler`` as a hub
service, ``Spawner.mem_limit``, the Voilà gallery as a hub-managed service at ``/services/galeri/``
(the proxy forwards it without login), and the check service ``/services/cek/``
(:mod:`cantik.server.checkservice`) that answers learners' ``cek`` without handing them the answer key.
Learners' servers open in their home with an Indonesian start page (:func:`place_start_page`: how to
fetch, work on and submit a module); trainers' servers open the course.

Examples
--------
>>> write_hub("/srv/kelas/hub", learners, ["pelatih1"], port=8000)  # doctest: +SKIP
>>> # jupyterhub -f /srv/kelas/hub/jupyterhub_config.py
"""

from __future__ import annotations

import csv
import json
import os
import secrets
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cantik.checks.key import SERVICE_ENV
from cantik.errors import KelasError
from cantik.grading.roster import TRAINER_ROLE
from cantik.helpers import open_atomic, write_secret
from cantik.server.checkservice import SERVICE_NAME as CHECK_SERVICE

#: Unambiguous characters for first-login passwords (no 0/O, 1/l/I).
_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"
TRAINER = TRAINER_ROLE
LEARNER = "peserta"
START_PAGE = "Mulai_kelas.ipynb"  # learners' start page (cantik/resources), put into their home


@dataclass(frozen=True)
class Account:
    """One hub account and its first-login password."""

    name: str
    nama: str
    peran: str  # "peserta" or "pelatih"
    password: str


def first_password(length: int = 10) -> str:
    """A random first-login password, easy to read aloud (groups of 5: ``abcde-fghij``)."""
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(length))
    return "-".join(chars[i : i + 5] for i in range(0, length, 5))


def proxy_command() -> str:
    """configurable-http-proxy installed by npm in ``.cantik/node`` (or on PATH)."""
    from cantik.paths import state_dir

    local = state_dir() / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
    found = str(local) if local.is_file() else shutil.which("configurable-http-proxy")
    if not found:
        raise KelasError(
            "Program configurable-http-proxy (proksi JupyterHub) belum terpasang.",
            "Pasang sekali dengan `make node-deps` (npm, versi terkunci di server/package-lock.json).",
        )
    return found


def make_accounts(learners: list, trainers: list[str]) -> list[Account]:
    """Accounts for the roster's learners (``peserta``) and the named trainers (``pelatih``).

    A roster row whose ``peran`` is "pelatih" is a trainer too. Ids are lower-cased (JupyterHub does).
    """
    accounts: dict[str, Account] = {}
    from cantik.grading.roster import ID_PATTERN

    trainer_ids = {t.strip().lower() for t in trainers if t.strip()}
    bad = sorted(t for t in trainer_ids if not ID_PATTERN.match(t))
    if bad:
        raise KelasError(
            f"Id pelatih tidak sah: {', '.join(bad)}.",
            "Pakai huruf, angka, titik, garis bawah atau tanda hubung saja (mis. pelatih1).",
        )
    for learner in learners:
        name = learner.id.lower()
        role = TRAINER if name in trainer_ids or learner.is_trainer else LEARNER
        accounts[name] = Account(name, learner.nama, role, first_password())
    for name in sorted(trainer_ids - set(accounts)):
        accounts[name] = Account(name, name, TRAINER, first_password())
    if not any(a.peran == TRAINER for a in accounts.values()):
        raise KelasError(
            "Belum ada akun pelatih.", "Sebutkan id pelatih dengan --pelatih (mis. --pelatih pelatih1)."
        )
    return list(accounts.values())


def write_hub(
    folder: str | os.PathLike[str],
    learners: list,
    trainers: list[str],
    *,
    port: int = 8000,
    hub_port: int = 8081,
    proxy_api_port: int | None = None,
    course_root: str | os.PathLike[str] | None = None,
    spawner: str = "local",
    mem_limit: str = "1G",
    memory_enforcement: str = "auto",
    idle_timeout: int = 3600,
    gallery_port: int | None = 8866,
    check_port: int | None = None,
    course_id: str = "kelas_cantik",
    exchange_root: str = "/srv/nbgrader/exchange",
    gradebook_url: str | None = None,
    hub_db_url: str | None = None,
) -> list[Account]:
    """Write the hub folder for this roster; return the accounts (with their first-login passwords).

    Parameters
    ----------
    spawner : {"local", "simple"}
        ``local``: JupyterHub's LocalProcessSpawner, every account a Unix user of the server (needed for
        nbgrader's multi-user exchange permissions). ``simple``: SimpleLocalProcessSpawner, all servers as
        the hub's user with homes under ``<folder>/rumah`` (one-machine trials and tests only).
    mem_limit : str
        Memory per learner's server (``1G``, ``512M``), enforced by :mod:`cantik.server.spawner`.
    memory_enforcement : {"auto", "cgroup", "rlimit", "off"}
        How: a memory cgroup per user when the hub runs as root, else ``RLIMIT_DATA`` per process.
    gallery_port : int or None
        Port of the Voilà gallery started by the hub as a service (None: no gallery).
    check_port : int, optional
        Loopback port of the check service (:mod:`cantik.server.checkservice`) that answers learners'
        ``cek``; default: the first free port from ``port + 2``.
    exchange_root : str
        nbgrader's shared exchange; created here with mode 1777 (:mod:`cantik.server.exchange`).
    gradebook_url : str, optional
        nbgrader ``db_url`` (e.g. from ``cantik server postgres-mulai``), kept in ``buku_nilai.url`` (0600)
        and given only to trainers' servers as ``CANTIK_GRADEBOOK_URL``; default: the course's SQLite file.
    hub_db_url : str, optional
        JupyterHub's own database (``JupyterHub.db_url``: users, tokens, servers), kept in ``hub_db.url``
        (0600). Use a database and role of its own (:func:`hub_database`), never the gradebook's: trainers'
        servers know the gradebook URL. Default: ``jupyterhub.sqlite`` in the hub folder.
    """
    from cantik.paths import project_root
    from cantik.resources import install_lab_overrides
    from cantik.server.exchange import prepare_exchange, write_role_configs
    from cantik.server.hubauth import hash_password
    from cantik.start import pick_port

    base = Path(folder).absolute()
    accounts = make_accounts(learners, trainers)
    if gradebook_url and hub_db_url and gradebook_url == hub_db_url:
        raise KelasError("Basis data hub tidak boleh sama dengan buku nilai.",
                         "Buat basis data tersendiri untuk hub (cantik server hub-siapkan melakukannya).")
    base.mkdir(parents=True, exist_ok=True)
    prepare_exchange(exchange_root)
    install_lab_overrides()  # learners' JupyterLab opens in Indonesian, as with `cantik mulai`
    course = str(Path(course_root or project_root()).absolute())
    config_paths = write_role_configs(base, course_id, exchange_root, course)
    hashes = {a.name: {"hash": hash_password(a.password), "peran": a.peran, "awal": True} for a in accounts}
    write_secret(base / "akun.json", json.dumps(hashes, indent=1))
    with open_atomic(base / "kata_sandi_awal.csv", 0o600, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "nama", "peran", "kata_sandi"])
        for a in accounts:
            writer.writerow([a.name, a.nama, a.peran, a.password])
    settings = {
        "port": port,
        "hub_port": hub_port,
        "proxy_api_port": proxy_api_port or port + 1,
        "proxy": proxy_command(),
        "course_root": course,
        "course_id": course_id,
        "exchange_root": exchange_root,
        "jupyter_config_path": config_paths,
        "learners": sorted(a.name for a in accounts if a.peran == LEARNER),
        "trainers": sorted(a.name for a in accounts if a.peran == TRAINER),
        "spawner": spawner,
        "mem_limit": mem_limit,
        "memory_enforcement": memory_enforcement,
        "idle_timeout": idle_timeout,
        "gallery_port": gallery_port,
        "check_port": check_port or pick_port(port + 2),
        "python": sys.executable,
    }
    for name, url in (("buku_nilai.url", gradebook_url), ("hub_db.url", hub_db_url)):
        if url:
            write_secret(base / name, url + "\n")
        else:
            (base / name).unlink(missing_ok=True)
    (base / "hub.json").write_text(json.dumps(settings, indent=1), encoding="utf-8")
    from cantik.server.prestart import service_token

    service_token(base)  # the `pra-mulai` service's token (0600), read by the hub and by the trainer
    (base / "jupyterhub_config.py").write_text(
        '"""Kelas Cantik hub: all settings are in hub.json (see cantik.server.hub)."""\n'
        "from cantik.server.hub import configure\n\n"
        "configure(get_config(), __file__)  # noqa: F821\n",
        encoding="utf-8",
    )
    return accounts


def place_start_page(home: Path, owner: tuple[int, int] | None = None) -> bool:
    """Put the learners' start page (``Mulai_kelas.ipynb``) into ``home`` unless that name exists there.

    The hub runs this as root in a folder the learner owns, so it never follows a link and never replaces
    anything (``O_CREAT | O_EXCL | O_NOFOLLOW``); the file is then given to ``owner`` (uid, gid). Returns
    whether it was written.

    Examples
    --------
    >>> import tempfile
    >>> home = Path(tempfile.mkdtemp())
    >>> place_start_page(home), place_start_page(home)
    (True, False)
    >>> "data sintetis" in (home / START_PAGE).read_text(encoding="utf-8")
    True
    """
    from importlib import resources

    if not home.is_dir():
        return False
    data = resources.files("cantik.resources").joinpath(START_PAGE).read_bytes()
    try:
        fd = os.open(home / START_PAGE, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as f:
        if owner is not None:
            os.fchown(f.fileno(), *owner)
        f.write(data)
    return True


def hub_database(pg_folder: str | os.PathLike[str], gradebook_url: str, course_id: str) -> str | None:
    """JupyterHub's database beside the gradebook: ``<course>_hub`` (own role) in the same cluster.

    Returns None when the gradebook is not in the ``cantik server postgres-mulai`` cluster kept in
    ``pg_folder`` (another server: the hub then keeps SQLite unless given a URL).
    """
    from urllib.parse import urlsplit

    from cantik.server.postgres import PgServer

    parts = urlsplit(gradebook_url)
    if not parts.scheme.startswith("postgresql") or not (Path(pg_folder) / "server.json").is_file():
        return None
    server = PgServer(Path(pg_folder))
    if parts.hostname not in ("127.0.0.1", "localhost") or parts.port != server.port or not server.running():
        return None
    return server.create_course_db(f"{course_id.lower()}_hub")


def _check_service(s: dict[str, Any], py: str) -> dict[str, Any]:
    """The check service (:mod:`cantik.server.checkservice`) as a hub-managed service, run as the first
    trainer's Unix account when the hub is root and that account exists (it can read the answer key)."""
    service: dict[str, Any] = {
        "name": CHECK_SERVICE,
        "url": f"http://127.0.0.1:{int(s['check_port'])}",
        "command": [py, "-m", "cantik.server.checkservice"],
        "environment": {"CANTIK_HOME": s["course_root"], "LANG": "C.UTF-8"},
    }
    if s["spawner"] == "local" and os.geteuid() == 0 and s["trainers"]:
        import pwd

        try:
            pwd.getpwnam(s["trainers"][0])
            service["user"] = s["trainers"][0]
        except KeyError:  # no Unix account yet: run as the hub's user (hub-siapkan --akun-unix makes it)
            pass
    return service


def configure(c: Any, config_file: str) -> None:
    """Fill JupyterHub's config object ``c`` from ``hub.json`` beside ``config_file``."""
    base = Path(config_file).resolve().parent
    s = json.loads((base / "hub.json").read_text(encoding="utf-8"))
    learners, trainers = s["learners"], s["trainers"]
    py = s["python"]

    c.JupyterHub.bind_url = f"http://127.0.0.1:{s['port']}"
    c.JupyterHub.hub_ip = "127.0.0.1"
    c.JupyterHub.hub_port = int(s["hub_port"])
    hub_db = base / "hub_db.url"
    c.JupyterHub.db_url = (hub_db.read_text(encoding="utf-8").strip() if hub_db.is_file()
                           else "sqlite:///" + str(base / "jupyterhub.sqlite"))
    c.JupyterHub.cookie_secret_file = str(base / "jupyterhub_cookie_secret")
    c.JupyterHub.pid_file = str(base / "jupyterhub.pid")
    c.ConfigurableHTTPProxy.command = [s["proxy"]]
    c.ConfigurableHTTPProxy.pid_file = str(base / "proxy.pid")
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{int(s['proxy_api_port'])}"

    c.JupyterHub.authenticator_class = "cantik.server.hubauth.RosterAuthenticator"
    c.RosterAuthenticator.accounts_file = str(base / "akun.json")
    from cantik.server.hubauth import PAGE, TEMPLATE

    templates = base / "templates"  # the password page (cantik.server.hubauth), on top of JupyterHub's own
    templates.mkdir(exist_ok=True)
    (templates / TEMPLATE).write_text(PAGE, encoding="utf-8")
    c.JupyterHub.template_paths = [str(templates)]
    c.Authenticator.allowed_users = set(learners) | set(trainers)
    c.Authenticator.admin_users = set()  # trainers get the scoped 'pelatih' role, not full admin
    c.JupyterHub.load_groups = {LEARNER: {"users": learners}, TRAINER: {"users": trainers}}
    from cantik.server.prestart import SERVICE, culler_config, service_token

    services = [{
        "name": "pembersih-idle",
        "command": [py, "-m", "jupyterhub_idle_culler", f"--timeout={int(s['idle_timeout'])}",
                    f"--config={culler_config(base)}"],  # spares servers started before class
    }, {
        "name": SERVICE,  # `cantik server pra-mulai`: learners' servers ready before class
        "api_token": service_token(base),
    }]
    roles = [
        {
            "name": TRAINER,
            "description": "Pelatih: halaman admin, daftar akun, buka dan hentikan server peserta",
            "scopes": ["self", "admin-ui", "list:users", "read:users", "read:groups",
                       f"access:servers!group={LEARNER}", f"servers!group={LEARNER}"],
            "groups": [TRAINER],
        },
        {
            "name": "pembersih-idle",
            "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
            "services": ["pembersih-idle"],
        },
        {
            "name": SERVICE,
            "description": "Menyalakan server peserta sebelum kelas mulai",
            "scopes": [f"list:users!group={LEARNER}", f"read:users!group={LEARNER}",
                       f"servers!group={LEARNER}"],
            "services": [SERVICE],
        },
        {
            "name": "pemeriksa-jawaban",
            "description": "Memakai layanan cek (benar/salah dan pesannya, tanpa kunci jawaban)",
            "scopes": [f"access:services!service={CHECK_SERVICE}"],
            "groups": [LEARNER, TRAINER],
        },
    ]
    services.append(_check_service(s, py))
    # a server's own token (JUPYTERHUB_API_TOKEN, which its kernels inherit) may call the check service
    c.Spawner.server_token_scopes = ["users:activity!user", "access:servers!server",
                                     f"access:services!service={CHECK_SERVICE}"]
    if s.get("gallery_port"):
        from cantik.apps.server import voila_command

        cmd, env = voila_command(int(s["gallery_port"]), base / "voila", base_url="/services/galeri/")
        cmd[0] = py
        services.append({
            "name": "galeri",
            "url": f"http://127.0.0.1:{int(s['gallery_port'])}",
            "command": cmd,
            "environment": env,
            "display": True,
        })
    c.JupyterHub.services = services
    c.JupyterHub.load_roles = roles

    if s["spawner"] == "simple":
        c.JupyterHub.spawner_class = "cantik.server.spawner.CantikSimpleSpawner"
        c.SimpleLocalProcessSpawner.home_dir_template = str(base / "rumah" / "{username}")
        if os.geteuid() == 0:  # every server runs as the hub's user: a trial on one machine only
            c.Spawner.args = ["--allow-root"]
    else:
        c.JupyterHub.spawner_class = "cantik.server.spawner.CantikLocalSpawner"
    c.Spawner.cmd = [py, "-m", "jupyterhub.singleuser"]
    c.Spawner.default_url = "/lab"
    c.Spawner.mem_limit = s["mem_limit"]  # enforced by cantik.server.spawner (cgroup, else RLIMIT_DATA)
    for name in ("CantikSimpleSpawner", "CantikLocalSpawner"):
        c[name].memory_enforcement = s.get("memory_enforcement", "auto")
    c.Spawner.http_timeout = 120
    c.Spawner.start_timeout = 180
    paths = s["jupyter_config_path"]

    def config_path(spawner: Any) -> str:
        """Trainers get formgrader and the course's nbgrader config; learners only fetch/submit."""
        groups = {g.name for g in spawner.user.groups}
        return paths[TRAINER] if TRAINER in groups else paths[LEARNER]

    course = Path(s["course_root"])
    check_url = f"http://127.0.0.1:{int(s['check_port'])}/services/{CHECK_SERVICE}/"
    url_file = base / "buku_nilai.url"
    gradebook_url = url_file.read_text(encoding="utf-8").strip() if url_file.is_file() else ""

    def pre_spawn(spawner: Any) -> None:
        """Learners get the start page in their home and open it. Trainers' servers open the course root
        (formgrader needs it under the server's root) and only they learn the gradebook URL (it carries
        the course role's password)."""
        if TRAINER not in {g.name for g in spawner.user.groups}:
            if s["spawner"] == "simple":
                home, owner = Path(spawner.home_dir), None
                home.mkdir(parents=True, exist_ok=True)
            else:
                import pwd

                try:
                    entry = pwd.getpwnam(spawner.user.name)
                except KeyError:  # no Unix account: LocalProcessSpawner itself says so when it starts
                    return
                home, owner = Path(entry.pw_dir), (entry.pw_uid, entry.pw_gid)
            place_start_page(home, owner)
            # cek asks the check service: learners cannot read the answer key (cantik.checks.key)
            spawner.environment = {**spawner.environment, SERVICE_ENV: check_url}
            page = home / START_PAGE
            if page.is_file() and not page.is_symlink():  # a learner's own link there: open Lab as usual
                spawner.default_url = f"/lab/tree/{START_PAGE}"
            return
        spawner.notebook_dir = str(course)
        if gradebook_url:
            spawner.environment = {**spawner.environment, "CANTIK_GRADEBOOK_URL": gradebook_url}

    c.Spawner.pre_spawn_hook = pre_spawn
    c.Spawner.environment = {
        "CANTIK_HOME": str(course),
        "CANTIK_EXCHANGE": s["exchange_root"],
        "JUPYTER_CONFIG_PATH": config_path,
        "LANG": "id_ID.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
