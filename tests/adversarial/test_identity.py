"""Identity on intake: a notebook's own metadata never files it for someone else, and a learner's
submission is never displaced by another's file — through ``cantik kelas impor`` and nbgrader's exchange
collector, then graded by real ``nbgrader autograde`` and by ``cantik kelas nilai``.

Attacks (the metadata key is ``metadata.cantik.peserta``, which anyone can edit):

* ``penyerang`` sends ``Kuis - Budi Santoso.ipynb``, a wrong answer whose metadata names ``korban``, before
  ``korban`` sends her own file. It used to be filed as ``korban``, her own file went to quarantine and she
  was graded on his notebook;
* a nameless ``kuis.ipynb`` naming ``korban2`` in its metadata, imported with ``--ganti``, used to replace
  ``korban2``'s submission;
* ``penyalin`` submits through the exchange a notebook whose metadata names ``jujur`` (copied from her
  laptop), and used to be graded for his own account;
* (as root) the Unix account of learner ``nobody`` puts a wrong answer into the exchange in ``korban3``'s
  name; nbgrader only warned and replaced ``korban3``'s submission.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from tests.adversarial.attacks import HONEST
from tests.adversarial.test_battery import CONFIG, HERE, NBGRADER, _score, pytestmark  # noqa: F401

ROSTER = """id,nama,peran
korban,Siti Aminah,Agen statistik
korban2,Nurul Hidayah,Kader PKK
korban3,Ahmad Fauzi,Ketua RT 01
penyerang,Budi Santoso,Ketua RT 03
jujur,Rahmah,Sekretaris lurah
penyalin,Dewi Lestari,Staf kelurahan
nobody,Hendra Gunawan,Staf kelurahan
pl01,Yulia Kartika,Pelatih BPS
"""
EXCHANGE = """
c.Exchange.root = {exchange!r}
c.ExchangeFactory.collect = "cantik.grading.importer.SafeExchangeCollect"
"""
AS_ROOT = os.geteuid() == 0


def _notebook(release: Path, answer: str, claims: str | None = None) -> str:
    nb = nbformat.read(release, as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "jawaban":
            cell.source = answer
    if claims:
        nb.metadata["cantik"] = {"peserta": claims}
    return nbformat.writes(nb)


def _inbound(exchange: Path, student: str, text: str, when: dt.datetime, owner: str | None = None) -> None:
    stamp = when.strftime("%Y-%m-%d %H:%M:%S.%f UTC")
    folder = exchange / "kuis_sandbox" / "inbound" / f"{student}+kuis+{stamp}"
    folder.mkdir(parents=True)
    (folder / "kuis.ipynb").write_text(text, encoding="utf-8")
    (folder / "timestamp.txt").write_text(stamp)
    if owner:
        import pwd

        uid = pwd.getpwnam(owner).pw_uid
        for path in (folder, folder / "kuis.ipynb", folder / "timestamp.txt"):
            os.chown(path, uid, -1)


def _run(cmd: list[str], root: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module", params=[False, True], ids=["nbgrader", "paralel"])
def batch(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("identitas")
    root, exchange = base / "kursus", base / "exchange"
    shutil.copytree(HERE / "course", root)
    (root / "nbgrader_config.py").write_text(
        CONFIG.format(root=str(root), grade_in_grader=True) + EXCHANGE.format(exchange=str(exchange)))
    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    cantik = [sys.executable, "-m", "cantik", "kelas"]
    folder = ["--folder", str(root)]
    (base / "peserta.csv").write_text(ROSTER, encoding="utf-8")
    assert _run([*cantik, "mulai", str(base / "peserta.csv"), *folder], root, env).returncode == 0
    assert _run([NBGRADER, "generate_assignment", "kuis", "--force"], root, env).returncode == 0
    release = root / "release" / "kuis" / "kuis.ipynb"
    wa = base / "whatsapp"
    wa.mkdir()
    runs = {}
    # 1. the forged file arrives first, then the victim's own
    (wa / "Kuis - Budi Santoso.ipynb").write_text(_notebook(release, "rasio = 1.0", claims="korban"))
    runs["palsu"] = _run([*cantik, "impor", str(wa / "Kuis - Budi Santoso.ipynb"), *folder], root, env)
    (wa / "Kuis - Siti Aminah.ipynb").write_text(_notebook(release, HONEST))
    runs["korban"] = _run([*cantik, "impor", str(wa / "Kuis - Siti Aminah.ipynb"), *folder], root, env)
    # 2. a nameless file claiming korban2, imported with --ganti after her own
    (wa / "Kuis Nurul Hidayah.ipynb").write_text(_notebook(release, HONEST))
    runs["korban2"] = _run([*cantik, "impor", str(wa / "Kuis Nurul Hidayah.ipynb"), *folder], root, env)
    (wa / "kuis.ipynb").write_text(_notebook(release, "rasio = 1.0", claims="korban2"))
    runs["ganti"] = _run([*cantik, "impor", str(wa / "kuis.ipynb"), "--ganti", *folder], root, env)
    # 3. the exchange: a copied notebook, and (as root) another learner's account submitting for korban3
    t0 = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)
    _inbound(exchange, "jujur", _notebook(release, HONEST), t0)
    _inbound(exchange, "penyalin", _notebook(release, HONEST, claims="jujur"), t0)
    _inbound(exchange, "korban3", _notebook(release, HONEST), t0)
    if AS_ROOT:
        _inbound(exchange, "korban3", _notebook(release, "rasio = 1.0"), t0 + dt.timedelta(hours=2),
                 owner="nobody")
    runs["collect"] = _run([NBGRADER, "collect", "kuis", "--update"], root, env)
    grade = ([*cantik, "nilai", "kuis", "--tanpa-progres", *folder] if request.param
             else [NBGRADER, "autograde", "kuis", "--force"])
    runs["nilai"] = _run(grade, root, env)
    return {"root": root, "runs": runs}


def test_forged_metadata_is_a_conflict_not_a_reassignment(batch: dict) -> None:
    palsu = batch["runs"]["palsu"].stdout
    assert "identitas bertentangan" in palsu, palsu
    assert "penyerang (Budi Santoso)" in palsu and "korban (Siti Aminah)" in palsu
    assert "korban (" in batch["runs"]["korban"].stdout.split("Dimasukkan sebagai kiriman")[1]
    assert _score(batch["root"], "korban") == 1  # graded on her own notebook
    assert _score(batch["root"], "penyerang") is None
    quarantined = [p.name for p in (batch["root"] / "karantina").rglob("*.ipynb")]
    assert "Kuis - Budi Santoso.ipynb" in quarantined


def test_metadata_alone_never_replaces_a_submission(batch: dict) -> None:
    out = batch["runs"]["ganti"].stdout
    assert "hanya dari metadata notebook" in out, out
    assert _score(batch["root"], "korban2") == 1


def test_exchange_copy_naming_another_learner_is_set_aside(batch: dict) -> None:
    log = batch["runs"]["collect"].stdout + batch["runs"]["collect"].stderr
    assert "identitas bertentangan" in log and "jujur (Rahmah)" in log, log[-2000:]
    assert not (batch["root"] / "submitted" / "penyalin").exists()
    assert _score(batch["root"], "penyalin") is None and _score(batch["root"], "jujur") == 1
    assert list((batch["root"] / "karantina" / "exchange" / "kuis").glob("penyalin+kuis+*/kuis.ipynb"))


@pytest.mark.skipif(not AS_ROOT, reason="needs root to submit from a second Unix account")
def test_another_account_cannot_submit_in_a_learners_name(batch: dict) -> None:
    log = batch["runs"]["collect"].stdout + batch["runs"]["collect"].stderr
    assert "akun peserta lain, nobody (Hendra Gunawan)" in log, log[-2000:]
    assert _score(batch["root"], "korban3") == 1  # her own, earlier submission


def test_grading_went_through(batch: dict) -> None:
    run = batch["runs"]["nilai"]
    assert run.returncode == 0, (run.stdout + run.stderr)[-3000:]
    assert _score(batch["root"], "pl01") is None  # the trainer is never a learner
