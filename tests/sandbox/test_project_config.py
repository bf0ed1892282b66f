"""The project's own ``nbgrader_config.py`` plus one ``use_sandbox(c)`` line: plain ``nbgrader autograde``
grades a real course module sandboxed, with every preprocessor of the project's pipeline."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.strict import BWRAP_MISSING, has_bwrap, security_requires

ROOT = Path(__file__).resolve().parents[2]
NBGRADER = str(Path(sys.executable).with_name("nbgrader"))
MODULE = "modul2"


@security_requires(has_bwrap(), BWRAP_MISSING)
def test_project_config_with_use_sandbox_grades_a_module(tmp_path: Path) -> None:
    from nbgrader.api import Gradebook

    root = tmp_path / "kelas"
    shutil.copytree(ROOT / "courses" / MODULE, root / "courses" / MODULE)
    config = (ROOT / "nbgrader_config.py").read_text(encoding="utf-8")
    (root / "nbgrader_config.py").write_text(
        config + "\nfrom cantik.sandbox.config import use_sandbox  # noqa: E402\n"
                 "use_sandbox(c, cell_timeout=120, notebook_timeout=600)\n", encoding="utf-8")
    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""),
           "CANTIK_GRADEBOOK_URL": f"sqlite:///{root}/grading/gradebook.db",
           "CANTIK_EXCHANGE": str(root / "grading" / "exchange")}
    (root / "grading").mkdir()

    def nbgrader(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([NBGRADER, *args], cwd=root, env=env, capture_output=True, text=True,
                              timeout=600)

    probe = ("from nbgrader.apps import NbGrader; app = NbGrader(); app.load_config_file(); "
             "print([str(p) for p in app.config.Autograde.autograde_preprocessors])")
    seen = subprocess.run([sys.executable, "-c", probe], cwd=root, env=env, capture_output=True, text=True)
    assert "'cantik.sandbox.execute.SandboxExecute'" in seen.stdout, seen.stdout + seen.stderr
    assert "nbgrader.preprocessors.execute.Execute'" not in seen.stdout
    gen = nbgrader("generate_assignment", MODULE, "--force")
    assert gen.returncode == 0, gen.stderr[-3000:]
    # a learner who hands in the master's solutions
    submitted = root / "grading" / "submitted" / "budi" / MODULE
    submitted.mkdir(parents=True)
    for nb in (root / "courses" / MODULE).glob("*.ipynb"):
        shutil.copy(nb, submitted / nb.name)
    run = nbgrader("autograde", MODULE, "--force")
    assert run.returncode == 0, run.stderr[-3000:]
    with Gradebook(f"sqlite:///{root}/grading/gradebook.db", "kelas_cantik") as gb:
        sub = gb.find_submission(MODULE, "budi")
        assert sub.max_code_score > 0
        # written answers wait for the trainer: compare the autograded part
        assert sub.code_score == sub.max_code_score, run.stderr[-3000:]
