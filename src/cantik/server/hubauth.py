"""JupyterHub authenticator for roster accounts: first-login passwords checked against salted PBKDF2 hashes.

The hashes live in the hub's accounts file (written by :func:`cantik.server.hub.write_hub`); the plain
passwords only ever go to the trainer's CSV. Plugged in through JupyterHub's public hooks:
``Authenticator.authenticate`` and ``Authenticator.get_handlers``, which adds

``/hub/ganti-sandi``
    page (form) where a logged-in user changes their password (old, new, new again). While an account
    still has its handed-out first-login password, the login sends it here first.
``/hub/api/ganti-sandi``
    the same over the REST API (``POST`` JSON ``{"lama": …, "baru": …}`` with the user's token).

Passwords are replaced atomically in the accounts file (mode 0600); Indonesian messages for every refusal.

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

from jupyterhub.apihandlers.base import APIHandler
from jupyterhub.auth import Authenticator
from jupyterhub.handlers.base import BaseHandler
from jupyterhub.handlers.login import LoginHandler
from jupyterhub.utils import url_path_join
from tornado import web
from tornado.httputil import url_concat
from traitlets import Unicode

from cantik.helpers import write_secret

ITERATIONS = 200_000
MIN_LENGTH = 8
TEMPLATE = "ganti_sandi.html"
#: Jinja template of the password page (written into the hub folder's templates/ by ``configure``).
PAGE = """{% extends "page.html" %}
{% block main %}
<div class="container" id="ganti-sandi" style="max-width: 32em">
  <h1>Ganti kata sandi</h1>
  {% if selesai %}
    <p class="alert alert-success" id="sandi-berhasil">Kata sandi sudah diganti. Pakai kata sandi baru
      ini setiap kali masuk.</p>
    <a class="btn btn-jupyter" id="lanjut" href="{{ next_url }}">Lanjut</a>
  {% else %}
    {% if awal %}<p class="alert alert-info">Anda masih memakai kata sandi awal dari pelatih. Buat kata
      sandi baru yang hanya Anda ketahui (paling sedikit {{ min_length }} karakter).</p>{% endif %}
    {% if pesan %}<p class="alert alert-danger" id="sandi-gagal">{{ pesan }}</p>{% endif %}
    <form method="post" action="{{ action }}">
      <input type="hidden" name="_xsrf" value="{{ xsrf }}" />
      <label for="lama">Kata sandi sekarang</label>
      <input id="lama" name="lama" type="password" class="form-control" autocomplete="current-password" />
      <label for="baru">Kata sandi baru</label>
      <input id="baru" name="baru" type="password" class="form-control" autocomplete="new-password" />
      <label for="ulang">Ulangi kata sandi baru</label>
      <input id="ulang" name="ulang" type="password" class="form-control" autocomplete="new-password" />
      <button type="submit" id="simpan" class="btn btn-jupyter" style="margin-top: 1em">Simpan</button>
    </form>
  {% endif %}
</div>
{% endblock %}
"""


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

    def must_change(self, name: str) -> bool:
        """True while ``name`` still has the handed-out first-login password."""
        return bool(self._accounts().get(name, {}).get("awal"))

    def change_password(self, name: str, old: str, new: str, repeat: str | None = None) -> str | None:
        """Replace ``name``'s password; None when done, else the reason (Indonesian)."""
        accounts = self._accounts()
        account = accounts.get(name)
        if not account or not verify_password(old, account.get("hash", "")):
            return "Kata sandi sekarang salah."
        if repeat is not None and new != repeat:
            return "Kata sandi baru dan ulangannya tidak sama."
        if len(new) < MIN_LENGTH:
            return f"Kata sandi baru terlalu pendek: paling sedikit {MIN_LENGTH} karakter."
        if new == old:
            return "Kata sandi baru harus berbeda dari kata sandi sekarang."
        if name in new.lower():
            return "Kata sandi baru tidak boleh memuat nama akun."
        accounts[name] = {**account, "hash": hash_password(new), "awal": False}
        write_secret(self.accounts_file, json.dumps(accounts, indent=1))  # a crash leaves the old file
        self.log.info("User %s changed their password", name)
        return None

    def get_handlers(self, app):  # type: ignore[no-untyped-def]
        return [("/login", RosterLoginHandler), ("/ganti-sandi", PasswordPage),
                ("/api/ganti-sandi", PasswordAPI)]

    async def authenticate(self, handler, data):  # type: ignore[no-untyped-def]
        if not isinstance(data, dict):
            return None
        name = str(data.get("username", "")).strip().lower()
        password = str(data.get("password", ""))
        account = self._accounts().get(name)
        if not account or not verify_password(password, account.get("hash", "")):
            return None
        return name


class RosterLoginHandler(LoginHandler):
    """JupyterHub's login page; an account with its first-login password goes to the password page next."""

    def get_next_url(self, user=None, default=None):  # type: ignore[no-untyped-def]
        next_url = super().get_next_url(user, default)
        if user is not None and self.authenticator.must_change(user.name):
            return url_concat(url_path_join(self.hub.base_url, "ganti-sandi"), {"next": next_url})
        return next_url


class PasswordPage(BaseHandler):
    """``/hub/ganti-sandi``: the logged-in user changes their password."""

    async def _page(self, **ns) -> str:  # type: ignore[no-untyped-def]
        user = self.current_user
        return await self.render_template(
            TEMPLATE, action=self.request.uri, awal=self.authenticator.must_change(user.name),
            min_length=MIN_LENGTH, next_url=self.get_next_url(user), **ns)

    @web.authenticated
    async def get(self) -> None:
        self.finish(await self._page())

    @web.authenticated
    async def post(self) -> None:
        problem = self.authenticator.change_password(
            self.current_user.name, self.get_body_argument("lama", "", strip=False),
            self.get_body_argument("baru", "", strip=False), self.get_body_argument("ulang", "", strip=False))
        if problem:
            self.set_status(400)
        self.finish(await self._page(pesan=problem, selesai=problem is None))


class PasswordAPI(APIHandler):
    """``POST /hub/api/ganti-sandi`` ``{"lama": …, "baru": …}`` with the user's own token."""

    async def post(self) -> None:
        user = self.current_user
        if user is None or getattr(user, "kind", "user") != "user":
            raise web.HTTPError(403, "Hanya akun peserta atau pelatih yang bisa mengganti kata sandinya.")
        body = self.get_json_body() or {}
        if not isinstance(body, dict):
            raise web.HTTPError(400, "Isi permintaan harus objek JSON {\"lama\": ..., \"baru\": ...}.")
        problem = self.authenticator.change_password(user.name, str(body.get("lama", "")),
                                                     str(body.get("baru", "")))
        if problem:
            raise web.HTTPError(400, problem)
        self.finish(json.dumps({"pesan": "Kata sandi sudah diganti."}))
