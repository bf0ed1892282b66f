"""A security test whose requirement is missing skips loudly, and fails in CI and under `make test`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASE = '''
from tests.strict import security_requires

@security_requires(False, "bubblewrap missing (test)")
def test_needs_the_sandbox():
    assert True
'''


@pytest.mark.parametrize(("env", "outcome"), [({}, "1 skipped"), ({"CI": "true"}, "1 error"),
                                              ({"MAKELEVEL": "1"}, "1 error")], ids=["dev", "ci", "make"])
def test_a_missing_requirement_is_loud(tmp_path: Path, env: dict[str, str], outcome: str) -> None:
    (tmp_path / "conftest.py").write_text("from tests.conftest import pytest_runtest_setup, "
                                          "pytest_terminal_summary  # noqa: F401\n")
    (tmp_path / "test_case.py").write_text(CASE)
    clean = {k: v for k, v in os.environ.items() if k not in ("CI", "MAKELEVEL", "PYTEST_ADDOPTS")}
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
                           "-o", "addopts=", "-o", "markers=security_requires", "--rootdir", str(tmp_path),
                           str(tmp_path)], cwd=tmp_path, env={**clean, **env, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=120)
    assert outcome in proc.stdout, proc.stdout[-2000:]
    if not env:
        assert "SECURITY TESTS NOT RUN" in proc.stdout and "bubblewrap missing (test)" in proc.stdout
    else:
        assert "security test cannot run here: bubblewrap missing (test)" in proc.stdout
