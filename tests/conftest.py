"""Shared fixtures: Debian chromium for Playwright, loopback ports and real server processes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.servers import free_port
from tests.strict import SKIP_PREFIX, missing


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A security test whose requirement is missing: a loud skip, or a failure in CI / make test."""
    for mark in item.iter_markers("security_requires"):
        missing(*mark.args)


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # type: ignore[no-untyped-def]
    not_run = [r for r in terminalreporter.stats.get("skipped", [])
               if SKIP_PREFIX in str(getattr(r, "longrepr", ""))]
    if not_run:
        terminalreporter.section("SECURITY TESTS NOT RUN", sep="!", red=True, bold=True)
        for report in not_run:
            terminalreporter.line(f"{report.nodeid}: {report.longrepr[-1]}", red=True)
        terminalreporter.line("The sandbox and the accounts were NOT tested here; CI and `make test` fail "
                              "on this instead of skipping.", red=True, bold=True)

CHROMIUM = os.environ.get("CANTIK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Make pytest-playwright launch Debian's chromium (Playwright cannot download a browser here)."""
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Folder for screenshots and reports kept after the run (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def port() -> int:
    """A free TCP port on 127.0.0.1."""
    return free_port()
