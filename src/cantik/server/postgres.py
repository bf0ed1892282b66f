"""PostgreSQL gradebook: Debian's PostgreSQL on loopback in a project-local folder, for nbgrader's ``db_url``.

nbgrader keeps its gradebook through SQLAlchemy (``nbgrader.api.Gradebook`` calls
``create_engine(CourseDirectory.db_url)`` and creates its tables on first use), so a PostgreSQL URL is all
it needs; the project's ``nbgrader_config.py`` takes it from ``CANTIK_GRADEBOOK_URL``. SQLite stays the
single-machine default.

Layout of the state folder (default ``.cantik/postgres``, git-ignored)::

    data/               the cluster (initdb), owned by the user PostgreSQL runs as
    data/server.log     the server's log (pg_ctl -l)
    server.json         port and OS user of this cluster
    superuser.pw        password of the cluster's superuser ``postgres`` (mode 0600)
    <course>.url        the course's db_url, with the course role's password (mode 0600)

The server listens on 127.0.0.1 only (no Unix socket), every connection needs a password
(scram-sha-256), and the course database is reachable only by its own role. PostgreSQL refuses to run as
root, so when this runs as root the cluster belongs to an unprivileged user (default ``postgres``, the
Debian package's user).

Examples
--------
>>> server = PgServer(Path(".cantik/postgres"), port=5433)  # doctest: +SKIP
>>> server.start()                                          # doctest: +SKIP
>>> url = server.create_course_db("kelas_cantik")           # doctest: +SKIP
>>> check_gradebook_url(url)                                # doctest: +SKIP
>>> server.stop()                                           # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from cantik.errors import KelasError
from cantik.helpers import write_secret

DEFAULT_PORT = 5433
HOST = "127.0.0.1"
SUPERUSER = "postgres"
#: Role and database names made from the course id: lower-case letters, digits and underscore.
NAME_PATTERN = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_INSTALL = "Pasang PostgreSQL dari Debian: `scripts/ensure-debian-packages postgresql` (sebagai root)."


def pg_bindir() -> Path:
    """Folder of Debian's PostgreSQL programs (``/usr/lib/postgresql/<newest version>/bin``).

    ``CANTIK_PG_BINDIR`` overrides it.
    """
    override = os.environ.get("CANTIK_PG_BINDIR")
    if override:
        candidates = [Path(override)]
    else:
        base = Path("/usr/lib/postgresql")
        versions = sorted(
            (p for p in base.iterdir() if p.name.isdigit()), key=lambda p: int(p.name), reverse=True
        ) if base.is_dir() else []
        candidates = [v / "bin" for v in versions]
    for bindir in candidates:
        if (bindir / "pg_ctl").is_file() and (bindir / "initdb").is_file():
            return bindir
    raise KelasError("Program PostgreSQL (initdb, pg_ctl) tidak ditemukan di mesin ini.", _INSTALL)


def _reachable_by(path: Path, uid: int, gid: int) -> bool:
    """True when user ``uid`` (group ``gid``) may enter every folder above ``path``."""
    for parent in path.resolve().parents:
        st = parent.stat()
        if st.st_uid == uid:
            ok = st.st_mode & 0o100
        elif st.st_gid == gid:
            ok = st.st_mode & 0o010
        else:
            ok = st.st_mode & 0o001
        if not ok:
            return False
    return True


@dataclass
class PgServer:
    """One PostgreSQL cluster in ``base`` listening on ``127.0.0.1:port``.

    Parameters
    ----------
    base : Path
        State folder (created when missing).
    port : int, optional
        TCP port on loopback; default: the port saved in ``server.json`` or :data:`DEFAULT_PORT`.
    run_as : str, optional
        OS user owning the cluster when this runs as root (default ``postgres``); ignored otherwise.
    """

    base: Path
    port: int | None = None
    run_as: str | None = None

    def __post_init__(self) -> None:
        self.base = Path(self.base).absolute()
        saved = self._saved()
        if self.port is None:
            self.port = int(saved.get("port", DEFAULT_PORT))
        if os.geteuid() == 0:
            self.run_as = self.run_as or saved.get("run_as") or SUPERUSER
        else:
            self.run_as = None

    # -- paths ------------------------------------------------------------------------------------------
    @property
    def data_dir(self) -> Path:
        return self.base / "data"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "server.log"

    def url_file(self, course_id: str) -> Path:
        return self.base / f"{course_id}.url"

    def _saved(self) -> dict:
        try:
            return json.loads((self.base / "server.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    # -- running PostgreSQL's programs ------------------------------------------------------------------
    def _run(self, program: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = [str(pg_bindir() / program), *args]
        kwargs: dict = {}
        if self.run_as:
            import pwd

            pw = pwd.getpwnam(self.run_as)
            kwargs = {"user": pw.pw_uid, "group": pw.pw_gid, "extra_groups": []}
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
        proc = subprocess.run(
            cmd, capture_output=True, text=True, env=env, cwd="/", timeout=120, **kwargs
        )
        if check and proc.returncode != 0:
            raise KelasError(
                f"Perintah PostgreSQL '{program}' gagal (kode {proc.returncode}):\n"
                + (proc.stderr or proc.stdout).strip()[-1500:],
                f"Lihat log server di {self.log_file}.",
            )
        return proc

    def initialized(self) -> bool:
        return (self.data_dir / "PG_VERSION").is_file()

    def init(self) -> None:
        """Create the cluster (``initdb``) if the state folder has none yet; password-only, UTF-8."""
        if self.initialized():
            return
        self.base.mkdir(parents=True, exist_ok=True)
        os.chmod(self.base, 0o711)  # the cluster's owner may enter, nobody may list
        self.data_dir.mkdir(mode=0o700, exist_ok=True)
        uid = gid = -1
        if self.run_as:
            import pwd

            try:
                pw = pwd.getpwnam(self.run_as)
            except KeyError as exc:
                raise KelasError(
                    f"Pengguna sistem '{self.run_as}' untuk menjalankan PostgreSQL tidak ada.", _INSTALL
                ) from exc
            uid, gid = pw.pw_uid, pw.pw_gid
            if not _reachable_by(self.data_dir, uid, gid):
                raise KelasError(
                    f"Pengguna '{self.run_as}' tidak bisa masuk ke folder {self.base}.",
                    "Pilih folder yang semua folder induknya boleh dimasuki (izin x), mis. di /srv.",
                )
            os.chown(self.data_dir, uid, gid)
        password = secrets.token_urlsafe(24)
        write_secret(self.base / "superuser.pw", password)
        pwfile = self.data_dir.parent / f".pw-{secrets.token_hex(4)}"
        write_secret(pwfile, password + "\n")
        if self.run_as:
            os.chown(pwfile, uid, gid)
        try:
            self._run(
                "initdb", "-D", str(self.data_dir), "-U", SUPERUSER, f"--pwfile={pwfile}",
                "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8",
                "--locale=C.UTF-8",
            )
        finally:
            pwfile.unlink(missing_ok=True)
        with open(self.data_dir / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(
                "\n# Kelas Cantik: loopback only, no Unix socket\n"
                f"listen_addresses = '{HOST}'\nunix_socket_directories = ''\n"
            )
        self._save()

    def _save(self) -> None:
        (self.base / "server.json").write_text(
            json.dumps({"port": self.port, "run_as": self.run_as}, indent=1), encoding="utf-8"
        )

    def running(self) -> bool:
        """True when this cluster's postmaster is alive (``pg_ctl status``)."""
        if not self.initialized():
            return False
        return self._run("pg_ctl", "status", "-D", str(self.data_dir), check=False).returncode == 0

    def start(self, timeout: int = 60) -> None:
        """Initialise if needed and start the server on ``127.0.0.1:port``; wait until it accepts."""
        self.init()
        if self.running():
            return
        import socket

        with socket.socket() as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as PostgreSQL does: TIME_WAIT is fine
            try:
                s.bind((HOST, int(self.port or DEFAULT_PORT)))
            except OSError as exc:
                raise KelasError(
                    f"Port {self.port} di {HOST} sudah dipakai program lain.",
                    "Pilih port lain dengan --port.",
                ) from exc
        self._save()
        self._run(
            "pg_ctl", "start", "-D", str(self.data_dir), "-l", str(self.log_file), "-w", "-t", str(timeout),
            "-o", f"-p {int(self.port or DEFAULT_PORT)}",
        )

    def stop(self, timeout: int = 60) -> None:
        """Stop the server (fast shutdown: open sessions are rolled back, data is kept)."""
        if self.running():
            self._run("pg_ctl", "stop", "-D", str(self.data_dir), "-m", "fast", "-w", "-t", str(timeout))

    # -- SQL --------------------------------------------------------------------------------------------
    def admin_connect(self):  # -> psycopg.Connection
        """A superuser connection (autocommit) to the ``postgres`` database."""
        import psycopg

        password = (self.base / "superuser.pw").read_text(encoding="utf-8").strip()
        return psycopg.connect(
            host=HOST, port=self.port, user=SUPERUSER, password=password, dbname="postgres",
            connect_timeout=10, autocommit=True,
        )

    def create_course_db(self, course_id: str = "kelas_cantik") -> str:
        """Create (once) the course's role and database; return and save its ``db_url``.

        The database belongs to a role of the same name; other roles may not connect. Running it again
        returns the saved URL (a lost URL file gets a new password).
        """
        from psycopg import sql

        name = course_id.lower()
        if not NAME_PATTERN.match(name):
            raise KelasError(
                f"Kode kursus '{course_id}' tidak bisa dipakai sebagai nama basis data.",
                "Pakai huruf kecil, angka dan garis bawah saja, diawali huruf (mis. kelas_cantik).",
            )
        url_file = self.url_file(name)
        if url_file.is_file():
            saved = url_file.read_text(encoding="utf-8").strip()
            if urlsplit(saved).port == self.port:
                return saved
        password = secrets.token_urlsafe(24)
        with self.admin_connect() as conn:
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
            verb = "ALTER" if exists else "CREATE"
            ident = sql.Identifier(name)
            conn.execute(sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(ident, sql.Literal(password)))
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
                conn.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(ident, ident))
            conn.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(ident))
        url = f"postgresql+psycopg://{name}:{quote(password, safe='')}@{HOST}:{self.port}/{name}"
        write_secret(url_file, url + "\n")
        return url


def hide_password(url: str) -> str:
    """``url`` with its password shown as ``***`` (for messages and logs)."""
    parts = urlsplit(url)
    if parts.password:
        return url.replace(":" + parts.password + "@", ":***@", 1)
    return url


def check_gradebook_url(url: str, timeout: int = 10) -> None:
    """Connect to the gradebook at ``url`` once; raise :class:`KelasError` (Indonesian) when that fails.

    Examples
    --------
    >>> check_gradebook_url("bukan-url")
    Traceback (most recent call last):
    ...
    cantik.errors.KelasError: Alamat buku nilai 'bukan-url' tidak sah.
    Langkah berikutnya: Tulis seperti sqlite:////jalur/gradebook.db atau postgresql+psycopg://peran:sandi@127.0.0.1:5433/kelas_cantik
    """
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError

    shown = hide_password(url)
    example = (
        "Tulis seperti sqlite:////jalur/gradebook.db atau "
        "postgresql+psycopg://peran:sandi@127.0.0.1:5433/kelas_cantik"
    )
    try:
        connect_args = {"connect_timeout": timeout} if url.startswith("postgresql") else {}
        engine = create_engine(url, connect_args=connect_args)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise KelasError(f"Alamat buku nilai '{shown}' tidak sah.", example) from exc
    except ImportError as exc:
        raise KelasError(
            f"Pustaka untuk basis data '{shown.split(':', 1)[0]}' belum terpasang.",
            "Untuk PostgreSQL pasang paket Python psycopg[binary].",
        ) from exc
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        detail = str(exc.orig or exc).lower()
        host = urlsplit(url).hostname
        port = urlsplit(url).port
        if "password authentication failed" in detail or "no password supplied" in detail:
            raise KelasError(
                f"Buku nilai {shown} menolak nama peran atau kata sandinya.",
                "Ambil alamat yang benar dari `cantik server postgres-mulai` (berkas .url di folder server).",
            ) from exc
        if "does not exist" in detail:
            raise KelasError(
                f"Basis data buku nilai di {shown} belum ada.",
                "Buat dengan `cantik server postgres-mulai` (membuat peran dan basis data kursus).",
            ) from exc
        if host and ("connection refused" in detail or "timeout" in detail or "could not connect" in detail
                     or "connection failed" in detail):
            raise KelasError(
                f"Server buku nilai PostgreSQL di {host}:{port} tidak menjawab.",
                "Nyalakan dulu: `cantik server postgres-mulai`, lalu ulangi.",
            ) from exc
        raise KelasError(f"Buku nilai {shown} tidak bisa dibuka: {exc.orig or exc}", example) from exc
    except SQLAlchemyError as exc:
        raise KelasError(f"Buku nilai {shown} tidak bisa dibuka: {exc}", example) from exc
    finally:
        engine.dispose()


def default_base() -> Path:
    """Default state folder: ``<project>/.cantik/postgres`` (``CANTIK_PG_DIR`` overrides)."""
    from cantik.paths import state_dir

    return Path(os.environ.get("CANTIK_PG_DIR") or state_dir() / "postgres")

