"""PostgreSQL gradebook: Debian's PostgreSQL on loopback, real nbgrader writing its gradebook into it.

The cluster lives in a folder under /tmp (PostgreSQL refuses to run as root, so as root it runs as the
``postgres`` user, which must be able to enter the folder); every test stops what it started.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import nbformat
import pytest

from cantik.errors import KelasError
from cantik.server.postgres import PgServer, check_gradebook_url
from tests.grading.conftest import ROSTER_ROWS, write_roster
from tests.grading.helpers import MODUL, make_course, submit
from tests.server.helpers import server_cmd
from tests.servers import free_port

psycopg = pytest.importorskip("psycopg")
BIN = Path(sys.executable).parent


def _pg_folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="cantik-pg-", dir="/tmp"))
    folder.chmod(0o711)  # the postgres user must be able to enter it
    return folder


@contextlib.contextmanager
def _server() -> Iterator[PgServer]:
    folder = _pg_folder()
    server = PgServer(folder / "pg", port=free_port())
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def pg() -> Iterator[PgServer]:
    with _server() as server:
        yield server


def _with_password(url: str, password: str) -> str:
    parts = urlsplit(url)
    netloc = f"{parts.username}:{password}@{parts.hostname}:{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc))


def _plain(url: str) -> dict:
    """psycopg connection arguments from a SQLAlchemy URL."""
    parts = urlsplit(url)
    return {"host": parts.hostname, "port": parts.port, "user": parts.username, "password": parts.password,
            "dbname": parts.path.lstrip("/"), "connect_timeout": 10}


def test_server_is_loopback_only_with_passwords(pg: PgServer) -> None:
    url = pg.create_course_db("kelas_cantik")
    assert url.startswith("postgresql+psycopg://kelas_cantik:") and f"@127.0.0.1:{pg.port}/" in url
    assert pg.create_course_db("kelas_cantik") == url  # saved, not re-made
    assert oct(pg.url_file("kelas_cantik").stat().st_mode & 0o777) == "0o600"
    with pg.admin_connect() as conn:
        assert conn.execute("SHOW listen_addresses").fetchone()[0] == "127.0.0.1"
        assert conn.execute("SHOW unix_socket_directories").fetchone()[0] == ""
        hba = conn.execute("SELECT DISTINCT auth_method FROM pg_hba_file_rules").fetchall()
        assert {m for (m,) in hba} == {"scram-sha-256"}  # no 'trust' line anywhere
    with psycopg.connect(**_plain(url)) as conn:
        assert conn.execute("SELECT current_user").fetchone()[0] == "kelas_cantik"
    # another course's role may not open this course's database
    other = pg.create_course_db("kelas_lain")
    with pytest.raises(psycopg.OperationalError, match="permission denied"):
        psycopg.connect(**{**_plain(other), "dbname": "kelas_cantik"})
    with pytest.raises(KelasError, match="huruf kecil"):
        pg.create_course_db("kelas cantik; DROP")


def test_nbgrader_gradebook_in_postgres(pg: PgServer, tmp_path: Path) -> None:
    """nbgrader's own CLI (db student add, generate_assignment, autograde) and the trainer workflow's roster
    import write into PostgreSQL; the grades are read back with SQL."""
    url = pg.create_course_db("kelas_cantik")
    root = make_course(tmp_path / "kelas")
    env = {**os.environ, "CANTIK_GRADEBOOK_URL": url, "CANTIK_EXCHANGE": str(tmp_path / "exchange"),
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}

    def nbgrader(*args: str) -> str:
        proc = subprocess.run([str(BIN / "nbgrader"), *args], cwd=root, env=env, capture_output=True,
                              text=True, timeout=300)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return proc.stdout + proc.stderr

    nbgrader("db", "student", "add", "ku01", "--first-name", "Siti Aminah", "--last-name", "")
    # the trainer workflow's roster import, through the course's configuration (reads CANTIK_GRADEBOOK_URL)
    from cantik.grading.course import Course
    from cantik.grading.roster import start_class

    os.environ["CANTIK_GRADEBOOK_URL"] = url
    try:
        course = Course.open(root)
        assert course.db_url == url
        result = start_class(course, write_roster(tmp_path / "peserta.csv", ROSTER_ROWS[:3]))
    finally:
        del os.environ["CANTIK_GRADEBOOK_URL"]
    assert result.updated == ["ku01"] and result.added == ["ku02"]

    nbgrader("generate_assignment", MODUL, "--force")
    submit(root, "ku01", "benar")
    submit(root, "ku02", "sebagian")
    nbgrader("autograde", MODUL)

    assert not (root / "grading" / "gradebook.db").exists()  # nothing went to SQLite
    with psycopg.connect(**_plain(url)) as conn:
        students = dict(conn.execute("SELECT id, last_name FROM student").fetchall())
        max_auto = conn.execute(
            "SELECT sum(gc.max_score) FROM grade_cells gc JOIN base_cell bc ON bc.id = gc.id "
            "JOIN notebook n ON n.id = bc.notebook_id JOIN assignment a ON a.id = n.assignment_id "
            "WHERE a.name = %s AND gc.cell_type = 'code'", (MODUL,)).fetchone()[0]
        rows = conn.execute(
            "SELECT sa.student_id, sum(g.auto_score), count(*) FILTER (WHERE g.needs_manual_grade) "
            "FROM grade g JOIN submitted_notebook sn ON sn.id = g.notebook_id "
            "JOIN submitted_assignment sa ON sa.id = sn.assignment_id "
            "JOIN assignment a ON a.id = sa.assignment_id WHERE a.name = %s GROUP BY sa.student_id", (MODUL,),
        ).fetchall()
    assert students == {"ku01": "Siti Aminah", "ku02": "Budi Santoso"}  # the roster's names (last, first=id)
    auto = {sid: float(total or 0) for sid, total, _ in rows}
    manual_pending = {sid: n for sid, _, n in rows}
    assert max_auto and max_auto > 0
    assert auto["ku01"] == pytest.approx(max_auto)  # the master's answers earn every test point
    assert 0 < auto["ku02"] < max_auto  # mean of ratios passes the visible test only
    assert manual_pending["ku01"] >= 1  # the written answer waits for the trainer

    # nbgrader's own API sees the same numbers in the same database
    from nbgrader.api import Gradebook

    with Gradebook(url, "kelas_cantik") as gb:
        for sid in ("ku01", "ku02"):
            assert gb.find_submission(MODUL, sid).code_score == pytest.approx(auto[sid])
    autograded = nbformat.read(root / "grading" / "autograded" / "ku02" / MODUL / "latihan.ipynb", 4)
    assert any(o.get("ename") == "AssertionError" for c in autograded.cells for o in c.get("outputs", []))


def test_bad_urls_give_indonesian_messages(pg: PgServer) -> None:
    url = pg.create_course_db("kelas_cantik")
    check_gradebook_url(url)
    with pytest.raises(KelasError, match="menolak nama peran atau kata sandi") as err:
        check_gradebook_url(_with_password(url, "salah"))
    assert "salah" not in str(err.value)  # the password is never printed
    parts = urlsplit(url)
    with pytest.raises(KelasError, match="belum ada"):
        check_gradebook_url(urlunsplit(parts._replace(path="/tidak_ada")))
    closed = free_port()
    with pytest.raises(KelasError, match=f"127.0.0.1:{closed} tidak menjawab"):
        check_gradebook_url(urlunsplit(parts._replace(netloc=f"a:b@127.0.0.1:{closed}")))
    with pytest.raises(KelasError, match="tidak sah"):
        check_gradebook_url("postgres ql://x")
    with pytest.raises(KelasError, match=r"belum terpasang|tidak sah"):
        check_gradebook_url("mysql://a:b@127.0.0.1/x")


def test_cli_start_status_stop_and_server_down() -> None:
    folder = _pg_folder()
    port = free_port()
    base = str(folder / "pg")
    try:
        code, out = server_cmd("postgres-mulai", "--folder", base, "--port", str(port))
        assert code == 0, out
        url = next(line for line in out.splitlines() if line.startswith("postgresql+psycopg://"))
        assert server_cmd("cek-buku-nilai", url)[0] == 0
        code, out = server_cmd("postgres-status", "--folder", base)  # the port is remembered
        assert code == 0 and f"berjalan di 127.0.0.1:{port}" in out
        # a second start on the same folder is harmless and gives the same URL
        code, out = server_cmd("postgres-mulai", "--folder", base)
        assert code == 0 and url in out
        code, out = server_cmd("postgres-berhenti", "--folder", base)
        assert code == 0 and "dihentikan" in out
        assert not (folder / "pg" / "data" / "postmaster.pid").exists()
        code, out = server_cmd("cek-buku-nilai", url)
        assert code == 1 and f"127.0.0.1:{port} tidak menjawab" in out and "postgres-mulai" in out
        assert "tidak berjalan" in server_cmd("postgres-status", "--folder", base)[1]
        # started again, the data is still there
        assert server_cmd("postgres-mulai", "--folder", base)[0] == 0
        with psycopg.connect(**_plain(url)) as conn:
            assert conn.execute("SELECT current_database()").fetchone()[0] == "kelas_cantik"
    finally:
        PgServer(Path(base)).stop()
        shutil.rmtree(folder, ignore_errors=True)


def test_port_in_use_and_unreachable_folder(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        folder = _pg_folder()
        try:
            with pytest.raises(KelasError, match="sudah dipakai"):
                PgServer(folder / "pg", port=s.getsockname()[1]).start()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if os.geteuid() == 0:  # pytest's tmp_path is private to root: the postgres user cannot enter it
        tmp_path.chmod(0o700)
        with pytest.raises(KelasError, match="tidak bisa masuk"):
            PgServer(tmp_path / "pg", port=free_port()).init()
