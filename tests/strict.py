"""Security tests may not skip quietly: a missing requirement fails in CI and under ``make test``.

On a developer's machine without bubblewrap or root, a security test is skipped with a reason that starts
``SECURITY TEST NOT RUN`` and the run ends with a banner listing them. In CI (``CI`` set) and under
``make test`` (``MAKELEVEL`` set by make) the same test fails instead, naming what is missing: a green run
there means the sandbox and account tests really ran.
"""

from __future__ import annotations

import os
import shutil

import pytest

#: Set where a skipped security test must be a failure.
STRICT = bool(os.environ.get("CI")) or "MAKELEVEL" in os.environ
SKIP_PREFIX = "SECURITY TEST NOT RUN: "


def security_requires(ok: bool, reason: str) -> pytest.MarkDecorator:
    """Mark a security test that can run only when ``ok``; see the module's notes.

    Examples
    --------
    >>> needs_root = security_requires(os.geteuid() == 0, "needs root")   # doctest: +SKIP
    """
    return pytest.mark.security_requires(ok, reason)


def missing(ok: bool, reason: str) -> None:
    """Inside a fixture or test: stop here when ``ok`` is false (a loud skip, or a failure when strict)."""
    if not ok:
        if STRICT:
            pytest.fail(f"security test cannot run here: {reason} (in CI and under make test a missing "
                        "requirement is a failure, not a skip)", pytrace=False)
        pytest.skip(SKIP_PREFIX + reason)


def has_bwrap() -> bool:
    return shutil.which("bwrap") is not None


BWRAP_MISSING = "bubblewrap missing: scripts/ensure-debian-packages bubblewrap"
