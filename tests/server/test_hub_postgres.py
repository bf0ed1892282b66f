"""The hub and the PostgreSQL gradebook together: the trainer's server reads nbgrader's gradebook from
PostgreSQL (formgrader's own API), with the URL handed only to trainers by the hub's pre-spawn hook; the
hub's own database (users, tokens) is in the same cluster, in a database the gradebook's role cannot open."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cantik.grading.roster import Learner
from tests.grading.helpers import make_course
from tests.server.helpers import hub_running
from tests.server.test_hub import Hub, _chp_available
from tests.server.test_postgres import _server
from tests.servers import free_port

BIN = Path(sys.executable).parent
pytestmark = pytest.mark.skipif(not _chp_available(), reason="configurable-http-proxy missing")


def test_trainer_formgrader_reads_the_postgres_gradebook(tmp_path: Path) -> None:
    import psycopg

    from cantik.server.hub import hub_database, write_hub
    from tests.server.helpers import server_cmd
    from tests.server.test_postgres import _plain

    with _server() as pg:
        url = pg.create_course_db("kelas_cantik")
        hub_db = hub_database(pg.base, url, "kelas_cantik")
        assert hub_db and hub_db != url and hub_db.endswith("/kelas_cantik_hub")
        assert hub_database(pg.base, url.replace(f":{pg.port}/", ":1/"), "kelas_cantik") is None
        assert hub_database(pg.base, "sqlite:///x.db", "kelas_cantik") is None
        # the CLI finds the running cluster and puts the hub's database there
        roster = tmp_path / "peserta.csv"
        roster.write_text("id,nama\nku01,Siti Aminah\n", encoding="utf-8")
        code, out = server_cmd("hub-siapkan", str(roster), "--pelatih", "pelatih1", "--folder",
                               str(tmp_path / "hub_cli"), "--pertukaran", str(tmp_path / "exchange"),
                               "--buku-nilai", url, "--folder-postgres", str(pg.base))
        assert code == 0 and "PostgreSQL (hub_db.url)" in out, out
        assert (tmp_path / "hub_cli" / "hub_db.url").read_text().strip() == hub_db
        assert oct((tmp_path / "hub_cli" / "hub_db.url").stat().st_mode & 0o777) == "0o600"
        with pytest.raises(psycopg.OperationalError):  # the gradebook's role cannot open the hub's data
            psycopg.connect(**{**_plain(url), "dbname": "kelas_cantik_hub"}).close()
        course = make_course(tmp_path / "kelas")
        (course / "grading").mkdir()
        env = {**os.environ, "CANTIK_GRADEBOOK_URL": url, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
        subprocess.run([str(BIN / "nbgrader"), "db", "student", "add", "ku07", "--first-name", "Nur Aini",
                        "--last-name", ""], cwd=course, env=env, check=True, capture_output=True, timeout=120)
        folder = tmp_path / "hub"
        port = free_port()
        accounts = write_hub(folder, [Learner("ku01", "Siti Aminah")], ["pelatih1"], port=port,
                             hub_port=free_port(), proxy_api_port=free_port(), course_root=course,
                             spawner="simple", gallery_port=None, exchange_root=str(tmp_path / "exchange"),
                             gradebook_url=url, hub_db_url=hub_db)
        assert oct((folder / "buku_nilai.url").stat().st_mode & 0o777) == "0o600"
        assert url not in (folder / "hub.json").read_text()
        hub_env = {k: v for k, v in os.environ.items() if not k.startswith("CANTIK_")}
        with hub_running(folder, tmp_path / "hub.log", env=hub_env):
            hub = Hub(folder, port, {a.name: a for a in accounts})
            trainer, learner = hub.accounts["pelatih1"], hub.accounts["ku01"]
            _, token = hub.token(trainer.name, trainer.password)
            hub.start_server("pelatih1", token)
            status, body = hub.request("/user/pelatih1/formgrader/api/students", token=token)
            assert status == 200, body[:500]
            students = {s["id"]: s for s in json.loads(body)}
            assert students["ku07"]["first_name"] == "Nur Aini"  # only PostgreSQL has this learner
            assert not (course / "grading" / "gradebook.db").exists()
            # a learner's token does not open the trainer's server
            _, learner_token = hub.token(learner.name, learner.password)
            status, _ = hub.request("/user/pelatih1/formgrader/api/students", token=learner_token)
            assert status in (403, 404)
            # JupyterHub keeps its users, tokens and servers in PostgreSQL, not in a SQLite file
            with psycopg.connect(**_plain(hub_db)) as conn:
                users = {r[0] for r in conn.execute("SELECT name FROM users")}
                tokens = conn.execute("SELECT count(*) FROM api_tokens").fetchone()[0]
                servers = conn.execute("SELECT count(*) FROM servers").fetchone()[0]
            assert users == {"ku01", "pelatih1"} and tokens >= 2 and servers >= 1
            assert not (folder / "jupyterhub.sqlite").exists()
