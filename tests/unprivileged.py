"""Run tests as an ordinary user too: the sandbox's isolation must hold for a trainer without root.

On this machine the venv's Python lives under ``/root`` (mode 0700), which another uid cannot enter; on a
real machine Python is installed world-readable. So the ordinary user runs in a mount namespace of its own
(``unshare``) whose ``/root`` is a 0755 tmpfs holding bind mounts of everything in the real ``/root``
(each entry keeps its own mode: ``/root/.pyenv`` is readable, ``/root/.ssh`` is not). The host's ``/root``
is untouched.

A test parametrized over :data:`USERS` calls :func:`run_as` first: as root, its ``biasa`` case runs the
very same test again in a child pytest as uid :data:`ORDINARY_UID` and checks it *passed* (a skip there is
a failure here); the child runs the body. When the ordinary user cannot be had (not root, no ``unshare``
or ``setpriv``), the case is skipped with a warning naming why, never silently.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import pytest

from tests.strict import missing

ROOT = Path(__file__).resolve().parents[1]
ORDINARY_UID = 65534
#: Parameter ids: the grader as root, and as an ordinary user (a trainer without root).
USERS = ["root", "biasa"]

# /root readable for everyone inside the child's mount namespace only: a 0755 tmpfs over /root, holding a
# bind mount of every entry of the real /root (each keeps its own owner and mode)
OPEN_ROOT = r"""
set -eu
stage="$1"; shift
mount --make-rprivate /
mount --rbind /root "$stage"
mount -t tmpfs -o mode=0755 cantik-root /root
for entry in "$stage"/* "$stage"/.[!.]* "$stage"/..?*; do
    [ -e "$entry" ] || [ -L "$entry" ] || continue
    name="${entry##*/}"
    if [ -L "$entry" ]; then cp -P "$entry" "/root/$name"
    elif [ -d "$entry" ]; then mkdir "/root/$name"; mount --rbind "$entry" "/root/$name"
    else touch "/root/$name"; mount --bind "$entry" "/root/$name"
    fi
done
exec "$@"
"""


def unavailable() -> str | None:
    """Why tests cannot switch to the ordinary user here, or None."""
    if os.geteuid() != 0:
        return "the suite does not run as root, so it cannot switch to an ordinary user"
    missing = [t for t in ("unshare", "mount", "setpriv") if not shutil.which(t)]
    return f"missing programs: {', '.join(missing)}" if missing else None


def open_root_wrapper(stage: Path) -> list[str]:
    """Command prefix: a mount namespace where ``/root`` is world-readable (``stage``: an empty folder)."""
    return ["unshare", "--mount", "--", "sh", "-c", OPEN_ROOT, "open-root", str(stage)]


def as_ordinary_user(argv: list[str], stage: Path) -> list[str]:
    """``argv`` run as uid :data:`ORDINARY_UID` (no groups, no capabilities), Python readable."""
    return [*open_root_wrapper(stage), "setpriv", f"--reuid={ORDINARY_UID}", f"--regid={ORDINARY_UID}",
            "--clear-groups", "--inh-caps=-all", "--", *argv]


def ordinary_env(home: Path) -> dict[str, str]:
    """The environment for the ordinary user: the grader's, with a home of its own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CANTIK_", "PYTEST_"))}
    return {**env, "HOME": str(home), "MPLCONFIGDIR": str(home / ".matplotlib"),
            "PATH": str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")}


def shared_folder(prefix: str) -> Path:
    """A fresh folder below /tmp owned by the ordinary user (pytest's own tmp folders are root's)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    os.chown(folder, ORDINARY_UID, ORDINARY_UID)
    folder.chmod(0o755)
    return folder


#: Results of the ordinary user's child pytest, by module: ``{nodeid: (outcome, report)}``.
_RESULTS: dict[str, dict[str, tuple[str, str]]] = {}


def run_as(request: pytest.FixtureRequest, user: str) -> bool:
    """Call first in a test parametrized over :data:`USERS`; True means "done here, return".

    ``root``: runs the body (True only after a loud skip when this process is not root). ``biasa``: in a
    root process, looks up this test's result in one child pytest that ran every ``biasa`` case of the
    module as the ordinary user (one zygote, one interpreter start for all of them) and asserts it passed;
    in the ordinary user's own process, runs the body.
    """
    if user == "root":
        if os.geteuid() != 0:
            _loud_skip("this case needs root")
        return False
    if os.geteuid() != 0:
        return False
    why = unavailable()
    if why:
        _loud_skip(why)
    module = request.node.nodeid.split("::")[0]
    if module not in _RESULTS:
        _RESULTS[module] = _run_module(module)
    outcome, report = _RESULTS[module].get(request.node.nodeid, ("missing", "not run by the child pytest"))
    assert outcome == "passed", f"as uid {ORDINARY_UID}: {outcome}\n{report[-6000:]}"
    return True


def _run_module(module: str) -> dict[str, tuple[str, str]]:
    """Run the ``biasa`` cases of ``module`` as the ordinary user; their outcomes by node id."""
    import xml.etree.ElementTree as ET

    base = shared_folder("cantik-biasa-")
    try:
        (base / "stage").mkdir()
        home = base / "rumah"
        home.mkdir()
        os.chown(home, ORDINARY_UID, ORDINARY_UID)
        report = base / "hasil.xml"
        argv = [sys.executable, "-m", "pytest", module, "-k", "biasa", "-p", "no:cacheprovider", "-q",
                f"--basetemp={base / 'pytest'}", f"--junitxml={report}", "-o", "junit_family=xunit2"]
        proc = subprocess.run(as_ordinary_user(argv, base / "stage"), cwd=ROOT, env=ordinary_env(home),
                              capture_output=True, text=True, timeout=1800)
        out = proc.stdout + proc.stderr
        if not report.exists():
            return {}
        results = {}
        for case in ET.parse(report).getroot().iter("testcase"):
            path = case.get("classname", "").replace(".", "/")
            nodeid = f"{path}.py::{case.get('name')}"
            kinds = [child.tag for child in case]
            outcome = next((k for k in ("failure", "error", "skipped") if k in kinds), "passed")
            text = " ".join((child.get("message") or "") + (child.text or "") for child in case)
            results[nodeid] = (outcome, text or out)
        return results
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _loud_skip(why: str) -> None:
    """A warning, then the strict policy of :func:`tests.strict.missing` (a failure in CI and make)."""
    warnings.warn(f"NOT TESTED as an ordinary user: {why}", stacklevel=3)
    missing(False, f"not tested as an ordinary user: {why}")
