"""The package's layers (ARCHITECTURE.md) hold: import-linter's contracts in pyproject.toml, plus what
import-linter cannot express (module paths in strings, private names, "nothing of cantik" exactly).

Each rule is also shown to fail on a copy of the package with one forbidden import added, so a rule that
can no longer fail would be noticed.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "cantik"
LINT = str(Path(sys.executable).with_name("lint-imports"))


def _lint(src_parent: Path) -> subprocess.CompletedProcess[str]:
    """import-linter on the ``cantik`` package found in ``src_parent`` (config: pyproject.toml)."""
    env = {**os.environ, "PYTHONPATH": str(src_parent)}
    return subprocess.run([LINT, "--no-cache", "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def _copy_with(tmp_path: Path, module: str, line: str) -> Path:
    """A copy of the package with ``line`` appended to ``module`` (a path below src/cantik)."""
    shutil.copytree(SRC, tmp_path / "cantik", ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "cantik" / module
    target.write_text(target.read_text() + "\n" + line + "\n")
    return tmp_path


# ------------------------------------------------------------------------------------- import-linter
def test_the_import_contracts_hold():
    proc = _lint(SRC.parent)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "4 kept, 0 broken" in proc.stdout


@pytest.mark.parametrize(("module", "line", "broken"), [
    ("sandbox/bwrap.py", "import cantik.grading.course", "sandbox never imports grading"),
    ("indicators.py", "from cantik.helpers import format_number", "indicators is a leaf"),
    ("data/loader.py", "def _f():\n    from cantik.checks import cek", "data never imports checks"),
    ("data/schema.py", "def _f():\n    from cantik.data import loader", "no import cycles"),
], ids=["sandbox-grading", "indicators-leaf", "data-checks", "cycle"])
def test_a_forbidden_import_breaks_a_contract(tmp_path, module, line, broken):
    proc = _lint(_copy_with(tmp_path, module, line))
    assert proc.returncode != 0
    assert re.search(re.escape(broken) + r".* BROKEN", proc.stdout), proc.stdout[-3000:]


# ------------------------------------------------------------------------------------ what it cannot see
def _imports(path: Path, package: str) -> list[tuple[int, str, list[str]]]:
    """(line, imported module, names) of every import in ``path`` (of ``package``), relative ones resolved."""
    out = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            out.append((node.lineno, base, [a.name for a in node.names]))
    return out


def violations(src: Path) -> list[str]:
    """Rules import-linter cannot express, checked on the package in ``src`` (a ``cantik`` folder)."""
    found = []
    for path in sorted(src.rglob("*.py")):
        rel = path.relative_to(src)
        module = ".".join(("cantik", *rel.with_suffix("").parts)).removesuffix(".__init__")
        package = module if rel.name == "__init__.py" else module.rpartition(".")[0]
        imports = _imports(path, package)
        if rel.parts[0] == "sandbox":  # "launches": a module path in a string is an import too
            text = path.read_text()
            if re.search(r"cantik[./]grading", text):
                found.append(f"{rel}: names cantik.grading (the sandbox must not launch grading)")
        if rel.as_posix() == "indicators.py":
            found += [f"{rel}:{n}: imports {m}" for n, m, _ in imports if m.split(".")[0] == "cantik"]
        for lineno, imported, names in imports:
            if not imported.startswith("cantik"):
                continue
            for name in names:  # a private name of another module (a private module of the package is fine)
                own_submodule = f"{imported}.{name}".startswith(package + ".")
                if name.startswith("_") and not name.startswith("__") and not own_submodule:
                    found.append(f"{rel}:{lineno}: imports private {imported}.{name}")
    return found


def test_no_rule_import_linter_cannot_see_is_broken():
    assert violations(SRC) == []


@pytest.mark.parametrize(("module", "line", "expected"), [
    ("sandbox/kernel.py", 'CMD = ["python", "-m", "cantik.grading.pool"]', "must not launch grading"),
    ("indicators.py", "def _f():\n    import cantik.paths", "imports cantik.paths"),
    ("apps/registry.py", "from cantik.data.loader import TABLE_TITLES as _T, normalise_name as _n\n"
     "from cantik.grading.state import _x", "imports private cantik.grading.state._x"),
], ids=["sandbox-string", "indicators-lazy-import", "private-name"])
def test_each_rule_fails_on_a_bad_import(tmp_path, module, line, expected):
    copy = _copy_with(tmp_path, module, line) / "cantik"
    assert any(expected in v for v in violations(copy)), violations(copy)


def test_every_environment_variable_is_documented_in_one_table():
    text = "\n".join(p.read_text() for p in SRC.rglob("*.py"))
    names = set(re.findall(r"\bCANTIK_[A-Z][A-Z_]*[A-Z]\b", text))
    table = (ROOT / "ARCHITECTURE.md").read_text().partition("## Environment variables")[2]
    assert len(names) >= 10
    assert {n for n in names if f"`{n}`" not in table} == set()


def test_protocol_constants_have_one_home():
    """The answer hand-off's MIME type and the in-kernel test marker are written once, in checks.core."""
    for literal in ('"application/vnd.cantik.jawaban+json"', '"# uji-di-kernel"'):
        homes = [p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py") if literal in p.read_text()]
        assert homes == ["checks/core.py"], (literal, homes)
