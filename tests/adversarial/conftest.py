"""The issue-17 battery (:mod:`tests.adversarial.outputs`) is graded once per path for the whole session:
plain ``nbgrader autograde`` and ``cantik kelas nilai``, each with the project's ``nbgrader_config.py``."""

from __future__ import annotations

import shutil

import pytest

from tests.adversarial.outputs import grade, make_course


@pytest.fixture(scope="session", params=[False, True], ids=["nbgrader", "paralel"])
def outputs_batch(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    if not shutil.which("bwrap"):
        pytest.skip("bubblewrap missing: scripts/ensure-debian-packages bubblewrap")
    root = make_course(tmp_path_factory.mktemp("keluaran"))
    batch = grade(root, parallel=request.param)
    print(f"issue-17 battery ({'cantik kelas nilai' if request.param else 'nbgrader autograde'}): "
          f"{batch['elapsed']:.1f} s")
    return batch
