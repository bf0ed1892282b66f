"""The three dependency lists (pyproject.toml, environment.yml, constraints.txt) must agree."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    """Normalised distribution name of a requirement string (PEP 503)."""
    name = re.split(r"[<>=!~ ;\[]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject() -> dict[str, set[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return {
        "runtime": {_name(r) for r in project["dependencies"]},
        "test": {_name(r) for r in project["optional-dependencies"]["test"]},
    }


def _spec(requirement: str) -> str:
    """Version spec of a requirement string, without its name, extras or comment."""
    requirement = requirement.split("#", 1)[0].strip()
    rest = requirement[len(re.split(r"[<>=!~ \[]", requirement, maxsplit=1)[0]):]
    return re.sub(r"^\[[^\]]*\]", "", rest).strip()


def _environment_yml() -> dict[str, str]:
    """name -> version spec ('' when none) for conda and pip entries, python/pip/editable excluded."""
    deps = yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]
    out: dict[str, str] = {}
    for dep in deps:
        entries = dep["pip"] if isinstance(dep, dict) else [dep]
        for entry in entries:
            if entry.startswith("-e") or _name(entry) in {"python", "pip"}:
                continue
            out[_name(entry)] = _spec(entry)
    return out


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[_name(name)] = version.strip()
    return pins


def test_environment_yml_lists_exactly_the_pyproject_packages():
    py = _pyproject()
    env = _environment_yml()
    assert set(env) == py["runtime"] | py["test"], (
        f"only in pyproject: {sorted((py['runtime'] | py['test']) - set(env))}; "
        f"only in environment.yml: {sorted(set(env) - py['runtime'] - py['test'])}"
    )


def test_environment_yml_uses_the_same_version_ranges():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r): _spec(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]}
    env = _environment_yml()
    assert {n: env[n] for n in wanted} == wanted


def test_every_dependency_is_pinned_and_the_pin_is_installed():
    pins = _pins()
    py = _pyproject()
    assert py["runtime"] | py["test"] <= set(pins), sorted((py["runtime"] | py["test"]) - set(pins))
    frozen = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--exclude-editable"], capture_output=True, text=True,
        check=True,
    ).stdout
    installed = {_name(n): v for n, _, v in (ln.partition("==") for ln in frozen.splitlines()) if v}
    direct = py["runtime"] | py["test"]
    drift = {n: (pins[n], installed.get(n)) for n in direct if installed.get(n) != pins[n]}
    assert not drift, f"constraints.txt vs installed (pinned, installed): {drift}"


def test_servers_and_graders_import_no_grammar_compiler():
    """Every learner's server start and every grading worker imports jupyter_server / nbformat, and with
    them jsonschema: from 4.24 on that builds an Earley parser of RFC 3987 at import (rfc3987-syntax on
    lark), 0.5 s on a quiet machine and up to 5 s on a loaded one. The pin keeps it out."""
    code = (
        "import sys, nbformat, jupyter_server.serverapp, nbgrader.apps, voila.app\n"
        "print(sorted(m for m in ('rfc3987_syntax', 'lark') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
