"""Issue 9's end-to-end run on one machine: PostgreSQL and the hub on loopback, 1 trainer and 8 learners
from a roster, learners log in over the REST API and (one) in chromium, fetch and submit a module, and the
trainer collects, autogrades in the sandbox and exports; the grades are read back from PostgreSQL and
match the export.

Learner ku01 works in JupyterLab's Assignments panel (submits the module untouched); ku02 and ku03 use
nbgrader's CLI with the hub's learner config (as in their server's terminal), ku02 with the right answers,
ku03 with partly right ones. The trainer uses ``cantik kelas …`` with the course's nbgrader config.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from cantik.grading.course import Course
from cantik.grading.roster import read_roster
from cantik.grading.titles import part_labels
from tests.grading.helpers import MODUL, fill, make_course
from tests.server.helpers import hub_running, submit_in_lab
from tests.server.test_hub import Hub, _chp_available
from tests.server.test_postgres import _plain, _server
from tests.servers import free_port

BIN = Path(sys.executable).parent
pytestmark = pytest.mark.skipif(not _chp_available() or os.geteuid() != 0,
                                reason="configurable-http-proxy and root (sandbox, PostgreSQL) needed")
LEARNERS = [(f"ku{i:02d}", f"Peserta {i}") for i in range(1, 9)]


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CANTIK_", "JUPYTER"))}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return {**env, **extra}


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> str:
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc.stdout + proc.stderr


def test_class_on_one_server(tmp_path: Path, page, artifacts_dir: Path) -> None:
    import psycopg

    from cantik.server.hub import hub_database, write_hub

    with _server() as pg:
        url = pg.create_course_db("kelas_cantik")
        course = make_course(tmp_path / "kelas")
        exchange, folder = tmp_path / "exchange", tmp_path / "hub"
        roster = tmp_path / "peserta.csv"
        # the trainer is named with --pelatih, not a roster row: `cantik kelas mulai` would enter a row
        # with peran "pelatih" into the gradebook as a learner
        roster.write_text("id,nama,peran\n" + "".join(f"{i},{n},Agen statistik\n" for i, n in LEARNERS),
                          encoding="utf-8")
        # the hub first (it makes the shared exchange), then the trainer starts the class and releases
        accounts = {a.name: a for a in write_hub(
            folder, read_roster(roster), ["pelatih1"], port=free_port(), hub_port=free_port(),
            proxy_api_port=free_port(), course_root=course, spawner="simple", gallery_port=None,
            exchange_root=str(exchange), gradebook_url=url,
            hub_db_url=hub_database(pg.base, url, "kelas_cantik"))}
        assert sorted(a.peran for a in accounts.values()) == ["pelatih"] + ["peserta"] * 8
        trainer_env = _clean_env(CANTIK_GRADEBOOK_URL=url, CANTIK_EXCHANGE=str(exchange))
        cantik = [str(BIN / "cantik"), "kelas"]
        _run([*cantik, "mulai", str(roster), "--folder", str(course)], course, trainer_env)
        _run([*cantik, "rilis", MODUL, "--folder", str(course)], course, trainer_env)

        with hub_running(folder, tmp_path / "hub.log", env=_clean_env()) as hub_url:
            hub = Hub(folder, int(hub_url.rsplit(":", 1)[1]), accounts)
            tokens = {}
            for name, _ in LEARNERS:  # every learner logs in over the REST API
                status, tokens[name] = hub.token(name, accounts[name].password)
                assert status == 201
            # ku02 and ku03: nbgrader's CLI with the learners' config, as in their server's terminal
            for name, variant in (("ku02", "benar"), ("ku03", "sebagian")):
                home = folder / "rumah" / name
                home.mkdir(parents=True)
                env = _clean_env(JUPYTER_CONFIG_PATH=str(folder / "jupyter_peserta"), JUPYTERHUB_USER=name,
                                 HOME=str(home), USER=name)
                _run([str(BIN / "nbgrader"), "fetch_assignment", MODUL], home, env)
                nb_path = home / MODUL / "latihan.ipynb"
                nbformat.write(fill(nb_path, variant), nb_path)
                _run([str(BIN / "nbgrader"), "submit", MODUL], home, env)
            # ku01 in chromium: login, own password, JupyterLab, Assignments panel
            submit_in_lab(page, hub_url, accounts["ku01"], "sungai-amandit-1", MODUL)
            page.screenshot(path=str(artifacts_dir / "kelas_ujung_ke_ujung.png"))
            # the hub's own data is in PostgreSQL too
            with psycopg.connect(**_plain((folder / "hub_db.url").read_text().strip())) as conn:
                assert conn.execute("SELECT count(*) FROM users").fetchone()[0] == 9

        # the trainer: collect, autograde (sandboxed: the default of `cantik kelas nilai`), export
        _run([*cantik, "kumpulkan", MODUL, "--folder", str(course)], course, trainer_env)
        submitted = sorted(p.name for p in (course / "grading" / "submitted").iterdir())
        assert submitted == ["ku01", "ku02", "ku03"]
        _run([*cantik, "nilai", MODUL, "--folder", str(course), "--tanpa-progres", "--pekerja", "2"],
             course, trainer_env)
        out = tmp_path / "ekspor"
        _run([*cantik, "ekspor", "--folder", str(course), "--keluaran", str(out)], course, trainer_env)
        assert not (course / "grading" / "gradebook.db").exists()

        with psycopg.connect(**_plain(url)) as conn:
            rows = conn.execute(
                "SELECT sa.student_id, sum(g.auto_score) FROM grade g "
                "JOIN submitted_notebook sn ON sn.id = g.notebook_id "
                "JOIN submitted_assignment sa ON sa.id = sn.assignment_id "
                "JOIN assignment a ON a.id = sa.assignment_id WHERE a.name = %s GROUP BY sa.student_id",
                (MODUL,)).fetchall()
            max_auto = conn.execute(
                "SELECT sum(gc.max_score) FROM grade_cells gc JOIN base_cell bc ON bc.id = gc.id "
                "JOIN notebook n ON n.id = bc.notebook_id JOIN assignment a ON a.id = n.assignment_id "
                "WHERE a.name = %s AND gc.cell_type = 'code'", (MODUL,)).fetchone()[0]
            students = {r[0] for r in conn.execute("SELECT id FROM student")}
            code_cells = {r[0] for r in conn.execute(
                "SELECT bc.name FROM grade_cells gc JOIN base_cell bc ON bc.id = gc.id "
                "WHERE gc.cell_type = 'code' AND gc.max_score > 0")}
        auto = {sid: float(total or 0) for sid, total in rows}
        assert students == {n for n, _ in LEARNERS}  # the roster went into PostgreSQL
        assert set(auto) == {"ku01", "ku02", "ku03"}
        assert auto["ku02"] == pytest.approx(float(max_auto)) and max_auto > 0
        assert 0 < auto["ku03"] < auto["ku02"]
        assert auto["ku01"] < auto["ku03"]  # submitted untouched
        # the export is Indonesian Excel's CSV (';', decimal comma) with readable part headers
        parts = part_labels(Course.open(course), MODUL)
        labels = {label for (_, grade_id), label in parts.items() if grade_id in code_cells}
        with open(out / f"nilai_{MODUL}.csv", encoding="utf-8-sig", newline="") as f:
            table = {r["ID"]: r for r in csv.DictReader(f, delimiter=";")}
        assert set(table) == {n for n, _ in LEARNERS}
        assert table["ku05"]["Status"] == "belum mengirim"
        for sid in ("ku02", "ku03"):  # the export shows the code points that PostgreSQL holds
            code_cols = [c for c in table[sid] if c.rsplit(" (maks", 1)[0] in labels]
            assert len(code_cols) == len(code_cells) > 0, (list(table[sid]), code_cells)
            points = sum(float((table[sid][c] or "0").replace(",", ".")) for c in code_cols)
            assert points == pytest.approx(auto[sid])
        print(json.dumps(auto))
