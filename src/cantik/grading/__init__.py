"""Trainer workflow around nbgrader: roster, release, collect/import, parallel autograde, feedback, exports.

nbgrader (gradebook, converters, preprocessors, exchange, formgrader) does the grading; this package adds
the trainer-facing workflow through nbgrader's public API and configuration. Every message a trainer sees
is Indonesian. Nothing here imports pandas or matplotlib at module level.
"""

from __future__ import annotations

from cantik.errors import KelasError

__all__ = ["KelasError"]
