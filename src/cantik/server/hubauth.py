"""JupyterHub authenticator for roster accounts: first-login passwords checked against salted PBKDF2 hashes.

The hashes live in the hub's accounts file (written by :func:`cantik.server.hub.write_hub`); the plain
passwords only ever go to the trainer's CSV. Plugged in through JupyterHub's public
``Authenticator.authenticate`` hook.

Examples
--------
>>> record = hash_password("rahasia")
>>> verify_password("rahasia", record), verify_password("salah", record)
(True, False)
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from pathlib import Path

from jupyterhub.auth import Authenticator
from traitlets import Unicode

ITERATIONS = 200_000


def hash_password(password: str, salt: bytes | None = None) -> str:
    """``pbkdf2_sha256$<iterations>$<salt>$<hash>`` (base64) of ``password``."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, ITERATIONS)
    return "$".join(
        ["pbkdf2_sha256", str(ITERATIONS), base64.b64encode(salt).decode(), base64.b64encode(digest).decode()]
    )


def verify_password(password: str, record: str) -> bool:
    """True when ``password`` matches ``record`` (constant-time compare)."""
    try:
        algo, iterations, salt, digest = record.split("$")
    except ValueError:
        return False
    if algo != "pbkdf2_sha256":
        return False
    got = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(salt), int(iterations))
    return hmac.compare_digest(got, base64.b64decode(digest))


class RosterAuthenticator(Authenticator):
    """Log in the accounts listed in ``accounts_file`` (JSON ``{name: {"hash": …, "peran": …}}``)."""

    accounts_file = Unicode("", help="JSON file with the roster accounts' password hashes").tag(config=True)

    def _accounts(self) -> dict:
        try:
            return json.loads(Path(self.accounts_file).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.log.error("Accounts file %s cannot be read", self.accounts_file)
            return {}

    async def authenticate(self, handler, data):  # type: ignore[no-untyped-def]
        if not isinstance(data, dict):
            return None
        name = str(data.get("username", "")).strip().lower()
        password = str(data.get("password", ""))
        account = self._accounts().get(name)
        if not account or not verify_password(password, account.get("hash", "")):
            return None
        return name
