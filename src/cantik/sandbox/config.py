"""One call in ``nbgrader_config.py`` makes plain ``nbgrader autograde`` run every submission sandboxed.

Examples
--------
In ``nbgrader_config.py``, after the autograde preprocessors are listed::

    from cantik.sandbox.config import use_sandbox
    use_sandbox(c, cell_timeout=30, notebook_timeout=300, submission_timeout=180, memory_mb=2048)
"""

from __future__ import annotations

import typing as t

EXECUTE = "cantik.sandbox.execute.SandboxExecute"
REPAIR_IDS = "cantik.sandbox.sanitize.RepairGradeIds"


def use_sandbox(
    c: t.Any,
    *,
    cell_timeout: int = 30,
    notebook_timeout: int = 600,
    submission_timeout: int = 180,
    max_output_bytes: int = 2_000_000,
    grade_in_grader: bool = True,
    **kernel: t.Any,
) -> None:
    """Replace nbgrader's ``Execute`` by :class:`~cantik.sandbox.execute.SandboxExecute` in ``c``, and its
    ``DeduplicateIds`` (which makes a repeated grade id stop the whole batch) by
    :class:`~cantik.sandbox.sanitize.RepairGradeIds`.

    Parameters
    ----------
    c : traitlets.config.Config
        The configuration object of ``nbgrader_config.py``.
    cell_timeout, notebook_timeout, submission_timeout : int
        Seconds per cell, per notebook and per submission (all notebooks of one learner's folder), wall
        clock; a cell's limit is extended by the time a busy machine took from it, the others are not.
    max_output_bytes : int
        Output a notebook may produce in total.
    grade_in_grader : bool
        Run test cells in the grader's process on plain-data answers (:mod:`cantik.sandbox.answers`).
    **kernel
        Traits of :class:`~cantik.sandbox.kernel.SandboxKernelManager` (``memory_mb``, ``processes``,
        ``file_mb``, ``cpu_seconds``, ``home_mb``, ``submission_memory_mb``, ``datasets_dir``,
        ``read_only_paths``).
    """
    c.Autograde.autograde_preprocessors = sandboxed_preprocessors(c)
    c.Autograde.sanitize_preprocessors = repaired_sanitizers(c)
    c.SandboxExecute.timeout = cell_timeout
    c.SandboxExecute.notebook_timeout = notebook_timeout
    c.SandboxExecute.submission_timeout = submission_timeout
    c.SandboxExecute.max_output_bytes = max_output_bytes
    c.SandboxExecute.grade_in_grader = grade_in_grader
    for key, value in kernel.items():
        setattr(c.SandboxKernelManager, key, value)


def _current(c: t.Any) -> list[t.Any]:
    from nbgrader.converters import Autograde

    return list(c.Autograde.get("autograde_preprocessors") or Autograde.autograde_preprocessors.default())


def repaired_sanitizers(c: t.Any) -> list[t.Any]:
    """``c``'s sanitize preprocessors with nbgrader's ``DeduplicateIds`` replaced by ``RepairGradeIds``."""
    from nbgrader.converters import Autograde
    from nbgrader.preprocessors import DeduplicateIds

    current = list(c.Autograde.get("sanitize_preprocessors") or Autograde.sanitize_preprocessors.default())
    names = {DeduplicateIds, "nbgrader.preprocessors.DeduplicateIds",
             "nbgrader.preprocessors.deduplicateids.DeduplicateIds"}
    return [REPAIR_IDS if p in names else p for p in current]


def _is_sandbox(p: t.Any) -> bool:
    return p == EXECUTE or getattr(p, "__name__", "") == "SandboxExecute"


def is_sandboxed(c: t.Any) -> bool:
    """Whether ``c`` runs submissions in :class:`~cantik.sandbox.execute.SandboxExecute` (whose kernels
    never hold the answer key, :mod:`cantik.checks.key`)."""
    return any(_is_sandbox(p) for p in _current(c))


def sandboxed_preprocessors(c: t.Any) -> list[t.Any]:
    """``c``'s autograde preprocessors with nbgrader's ``Execute`` replaced by ``SandboxExecute``."""
    from nbgrader.preprocessors import Execute

    names = {Execute, "nbgrader.preprocessors.Execute", "nbgrader.preprocessors.execute.Execute"}
    replaced = [EXECUTE if p in names or _is_sandbox(p) else p for p in _current(c)]
    if EXECUTE not in replaced:
        replaced.insert(0, EXECUTE)
    return replaced


def unsandboxed_preprocessors(c: t.Any) -> list[t.Any]:
    """``c``'s autograde preprocessors with ``SandboxExecute`` replaced by nbgrader's plain ``Execute``
    (the trainer's explicit opt-out: learner code then runs with the trainer's rights)."""
    return ["nbgrader.preprocessors.Execute" if _is_sandbox(p) else p for p in _current(c)]
