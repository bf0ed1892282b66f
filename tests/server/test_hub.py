"""JupyterHub from the roster: a real hub + configurable-http-proxy + culler + Voilà gallery on loopback.

1 trainer and 8 learners come from a roster CSV. Learners log in over the REST API and through the login
form; wrong passwords and a learner opening the trainer's pages are refused; the gallery answers without
login; the first login leads to the password page (form, REST and chromium); a learner's JupyterLab is
spawned in the browser and four learners spawn at once (run_load).
"""

from __future__ import annotations

import csv
import http.cookiejar
import json
import re
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from cantik.grading.roster import read_roster
from cantik.server.hub import proxy_command, write_hub
from tests.server.helpers import hub_running, server_cmd
from tests.servers import free_port

LEARNERS = [(f"ku{i:02d}", f"Peserta {i}") for i in range(1, 9)]


def _chp_available() -> bool:
    try:
        proxy_command()
    except Exception:
        return False
    return True


pytestmark = pytest.mark.skipif(
    not _chp_available(), reason="configurable-http-proxy missing: make node-deps"
)


class Hub:
    def __init__(self, base: Path, port: int, accounts: dict) -> None:
        self.base, self.port, self.accounts = base, port, accounts
        self.url = f"http://127.0.0.1:{port}"

    def request(self, path: str, *, method: str = "GET", body: dict | None = None, token: str = "",
                opener: urllib.request.OpenerDirector | None = None) -> tuple[int, bytes]:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"token {token}"
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
        try:
            with (opener or urllib.request.build_opener()).open(req, timeout=30) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def token(self, name: str, password: str) -> tuple[int, str]:
        status, body = self.request(f"/hub/api/users/{name}/tokens", method="POST",
                                    body={"auth": {"username": name, "password": password}})
        return status, (json.loads(body).get("token", "") if status == 201 else "")

    def start_server(self, name: str, token: str, timeout: float = 180) -> None:
        """Ask the hub to start ``name``'s server and wait until the hub reports it ready."""
        status, body = self.request(f"/hub/api/users/{name}/server", method="POST", token=token)
        assert status in (201, 202), body[:300]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status, body = self.request(f"/hub/api/users/{name}", token=token)
            server = json.loads(body).get("servers", {}).get("") if status == 200 else None
            if server and server.get("ready"):
                return
            time.sleep(0.5)
        raise AssertionError(f"server of {name} not ready after {timeout} s")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None  # keep the 302 (following it would spawn a server)


def _form_login(hub: Hub, name: str, password: str) -> tuple[int, urllib.request.OpenerDirector]:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect())
    status, page = hub.request("/hub/login", opener=opener)
    assert status == 200
    xsrf = re.search(rb'name="_xsrf" value="([^"]+)"', page).group(1).decode()
    form = urllib.parse.urlencode({"username": name, "password": password, "_xsrf": xsrf}).encode()
    req = urllib.request.Request(hub.url + "/hub/login", data=form, method="POST")
    try:
        with opener.open(req, timeout=30) as resp:
            return resp.status, opener
    except urllib.error.HTTPError as exc:
        return exc.code, opener


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    base = tmp_path_factory.mktemp("hub")
    roster = base / "peserta.csv"
    roster.write_text("id,nama,peran\n" + "".join(f"{i},{n},Agen statistik\n" for i, n in LEARNERS)
                      + "pelatih1,Ibu Pelatih,pelatih\n", encoding="utf-8")
    port = free_port()
    accounts = write_hub(base / "hub", read_roster(roster), [], port=port, hub_port=free_port(),
                         proxy_api_port=free_port(), spawner="simple", gallery_port=free_port(),
                         idle_timeout=600, exchange_root=str(base / "exchange"))
    with hub_running(base / "hub", base / "hub.log") as url:
        yield Hub(base / "hub", int(url.rsplit(":", 1)[1]), {a.name: a for a in accounts})


def test_accounts_and_first_login_passwords(hub: Hub) -> None:
    csv_file = hub.base / "kata_sandi_awal.csv"
    assert oct(csv_file.stat().st_mode & 0o777) == "0o600"
    rows = list(csv.DictReader(csv_file.open(encoding="utf-8")))
    assert [r["id"] for r in rows if r["peran"] == "peserta"] == [i for i, _ in LEARNERS]
    assert [r["id"] for r in rows if r["peran"] == "pelatih"] == ["pelatih1"]
    assert len({r["kata_sandi"] for r in rows}) == 9
    stored = (hub.base / "akun.json").read_text()
    assert not any(r["kata_sandi"] in stored for r in rows)  # only hashes on the hub


def test_learner_logs_in_over_rest_api(hub: Hub) -> None:
    a = hub.accounts["ku03"]
    status, token = hub.token(a.name, a.password)
    assert status == 201 and token
    status, body = hub.request("/hub/api/user", token=token)
    me = json.loads(body)
    assert status == 200 and me["name"] == "ku03" and me["groups"] == ["peserta"]
    assert "admin-ui" not in me.get("scopes", [])


def test_wrong_password_is_refused(hub: Hub) -> None:
    a = hub.accounts["ku01"]
    assert hub.token(a.name, "salah-" + a.password)[0] == 403
    assert hub.token("bukan_peserta", a.password)[0] == 403
    assert hub.token("ku02", a.password)[0] == 403  # another learner's password
    assert _form_login(hub, a.name, "salah")[0] == 403
    assert _form_login(hub, a.name, a.password)[0] == 302


def test_learner_cannot_open_trainer_pages(hub: Hub) -> None:
    learner, trainer = hub.accounts["ku01"], hub.accounts["pelatih1"]
    _, learner_token = hub.token(learner.name, learner.password)
    _, trainer_token = hub.token(trainer.name, trainer.password)
    assert hub.request("/hub/api/users", token=learner_token)[0] == 403
    assert hub.request("/hub/api/users/ku02", token=learner_token)[0] == 404  # others are invisible
    assert hub.request("/hub/api/users/ku02/server", method="POST", token=learner_token)[0] in (403, 404)
    status, opener = _form_login(hub, learner.name, learner.password)
    assert status == 302
    assert hub.request("/hub/admin", opener=opener)[0] == 403
    # the trainer sees every account and the admin page, but is not a full admin
    status, body = hub.request("/hub/api/users", token=trainer_token)
    assert status == 200 and len(json.loads(body)) == 9
    status, opener = _form_login(hub, trainer.name, trainer.password)
    assert status == 302 and hub.request("/hub/admin", opener=opener)[0] == 200
    status, body = hub.request("/hub/api/user", token=trainer_token)
    assert json.loads(body)["admin"] is False


def _password_form(hub: Hub, opener: urllib.request.OpenerDirector, fields: dict) -> tuple[int, bytes]:
    status, page = hub.request("/hub/ganti-sandi", opener=opener)
    assert status == 200, page[:300]
    xsrf = re.search(rb'name="_xsrf" value="([^"]+)"', page).group(1).decode()
    form = urllib.parse.urlencode({**fields, "_xsrf": xsrf}).encode()
    req = urllib.request.Request(hub.url + "/hub/ganti-sandi", data=form, method="POST")
    try:
        with opener.open(req, timeout=30) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_first_login_goes_to_password_change_page(hub: Hub) -> None:
    a = hub.accounts["ku07"]
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect())
    status, page = hub.request("/hub/login", opener=opener)
    xsrf = re.search(rb'name="_xsrf" value="([^"]+)"', page).group(1).decode()
    form = urllib.parse.urlencode({"username": a.name, "password": a.password, "_xsrf": xsrf}).encode()
    try:
        opener.open(urllib.request.Request(hub.url + "/hub/login", data=form, method="POST"), timeout=30)
        raise AssertionError("login did not redirect")
    except urllib.error.HTTPError as exc:
        assert exc.code == 302 and exc.headers["Location"].startswith("/hub/ganti-sandi?next=")
    new = "kopi-pagi-2026"
    for fields, message in [
        ({"lama": "salah", "baru": new, "ulang": new}, "Kata sandi sekarang salah."),
        ({"lama": a.password, "baru": new, "ulang": new + "x"}, "ulangannya tidak sama"),
        ({"lama": a.password, "baru": "pendek", "ulang": "pendek"}, "terlalu pendek"),
        ({"lama": a.password, "baru": a.password, "ulang": a.password}, "harus berbeda"),
        ({"lama": a.password, "baru": "ku07-sandi", "ulang": "ku07-sandi"}, "nama akun"),
    ]:
        status, page = _password_form(hub, opener, fields)
        assert status == 400 and message in page.decode(), (fields, page[-800:])
    assert hub.token(a.name, a.password)[0] == 201  # refusals changed nothing
    status, page = _password_form(hub, opener, {"lama": a.password, "baru": new, "ulang": new})
    assert status == 200 and b"sandi-berhasil" in page
    assert hub.token(a.name, a.password)[0] == 403 and hub.token(a.name, new)[0] == 201
    assert oct((hub.base / "akun.json").stat().st_mode & 0o777) == "0o600"
    assert new not in (hub.base / "akun.json").read_text()
    status, _ = _form_login(hub, a.name, new)
    assert status == 302  # next logins go straight on (no password page any more)
    # without a login, the page sends to the login form
    assert hub.request("/hub/ganti-sandi", opener=urllib.request.build_opener(_NoRedirect()))[0] == 302


def test_password_change_over_rest_api(hub: Hub) -> None:
    a = hub.accounts["ku08"]
    _, token = hub.token(a.name, a.password)
    status, body = hub.request("/hub/api/ganti-sandi", method="POST", token=token,
                               body={"lama": "salah", "baru": "sandi-rest-baru"})
    assert status == 400 and "Kata sandi sekarang salah" in json.loads(body)["message"]
    assert hub.request("/hub/api/ganti-sandi", method="POST", body={"lama": a.password, "baru": "x" * 9})[0] \
        in (401, 403)  # no token
    status, body = hub.request("/hub/api/ganti-sandi", method="POST", token=token,
                               body={"lama": a.password, "baru": "sandi-rest-baru"})
    assert status == 200 and json.loads(body)["pesan"] == "Kata sandi sudah diganti."
    assert hub.token(a.name, a.password)[0] == 403 and hub.token(a.name, "sandi-rest-baru")[0] == 201
    assert hub.token("ku01", "sandi-rest-baru")[0] == 403  # only ku08's password changed


def test_gallery_is_public_and_culler_runs(hub: Hub) -> None:
    deadline = time.monotonic() + 90
    status, page = hub.request("/services/galeri/")
    while status != 200 and time.monotonic() < deadline:  # Voilà warms its kernels first
        time.sleep(0.5)
        status, page = hub.request("/services/galeri/")
    assert status == 200 and b"profil_kelurahan" in page  # no cookie, no token
    out = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert any("jupyterhub_idle_culler" in line and "--timeout=600" in line for line in out.splitlines())


def test_cli_prepares_hub_and_explains_problems(tmp_path: Path) -> None:
    roster = tmp_path / "peserta.csv"
    roster.write_text("id,nama\nku01,Siti Aminah\nku02,Budi Santoso\n", encoding="utf-8")
    ex = ("--pertukaran", str(tmp_path / "exchange"))
    code, out = server_cmd("hub-siapkan", str(roster), "--folder", str(tmp_path / "hub"), *ex)
    assert code == 1 and "Belum ada akun pelatih" in out and not (tmp_path / "hub" / "akun.json").exists()
    code, out = server_cmd("hub-siapkan", str(roster), "--folder", str(tmp_path / "hub"),
                           "--pelatih", "a b", *ex)
    assert code == 1 and "Id pelatih tidak sah" in out
    code, out = server_cmd("hub-siapkan", str(roster), "--folder", str(tmp_path / "hub"),
                           "--pelatih", "Pelatih1",
                           "--memori", "2G", "--menganggur", "30", *ex)
    assert code == 0 and "2 peserta, 1 pelatih" in out and "kata_sandi_awal.csv" in out
    from cantik.server.spawner import MemoryCgroup

    how = "cgroup memori" if MemoryCgroup.for_user("_") is not None else "per proses (rlimit"
    assert f"Batas memori 2G per peserta: {how}" in out or f"Batas memori 2G {how}" in out, out
    settings = json.loads((tmp_path / "hub" / "hub.json").read_text())
    assert settings["trainers"] == ["pelatih1"] and settings["learners"] == ["ku01", "ku02"]
    # JupyterHub's own config loader reads what the hub will run with
    from traitlets.config.loader import PyFileConfigLoader

    c = PyFileConfigLoader("jupyterhub_config.py", path=str(tmp_path / "hub")).load_config()
    assert c.Spawner.mem_limit == "2G"
    assert c.JupyterHub.bind_url == "http://127.0.0.1:8000" and c.JupyterHub.hub_ip == "127.0.0.1"
    culler = next(s for s in c.JupyterHub.services if s["name"] == "pembersih-idle")
    assert "--timeout=1800" in culler["command"]
    assert oct((tmp_path / "exchange").stat().st_mode & 0o7777) == "0o1777"
    roster.write_text("id,nama\n,Tanpa Id\n", encoding="utf-8")
    code, out = server_cmd("hub-siapkan", str(roster), "--folder", str(tmp_path / "hub2"),
                           "--pelatih", "p1", *ex)
    assert code == 1 and out.startswith("GAGAL: ")
    assert server_cmd("hub-mulai", "--folder", str(tmp_path / "kosong"))[0] == 1


def test_learner_logs_in_with_the_browser_and_gets_a_server(hub: Hub, page, artifacts_dir: Path) -> None:
    """Debian chromium: a wrong password stays on the login page; the right one spawns the learner's
    JupyterLab (the simple spawner), which has no formgrader; another learner's server is refused."""
    a = hub.accounts["ku05"]
    page.goto(hub.url + "/hub/login")
    page.fill("#username_input", a.name)
    page.fill("#password_input", "salah")
    page.click("#login_submit")
    from playwright.sync_api import expect

    expect(page.locator(".login_error")).to_be_visible()
    assert "/hub/login" in page.url
    page.fill("#username_input", a.name)
    page.fill("#password_input", a.password)
    page.click("#login_submit")
    # the first login goes to the password page; the learner picks a password of their own
    page.wait_for_url("**/hub/ganti-sandi**")
    expect(page.get_by_text("Anda masih memakai kata sandi awal")).to_be_visible()
    page.fill("#lama", a.password)
    page.fill("#baru", "sawah-hijau-99")
    page.fill("#ulang", "sawah-hijau-98")
    page.click("#simpan")
    expect(page.locator("#sandi-gagal")).to_have_text("Kata sandi baru dan ulangannya tidak sama.")
    page.fill("#lama", a.password)
    page.fill("#baru", "sawah-hijau-99")
    page.fill("#ulang", "sawah-hijau-99")
    page.click("#simpan")
    expect(page.locator("#sandi-berhasil")).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "hub_ganti_sandi.png"))
    assert hub.token(a.name, a.password)[0] == 403  # the handed-out password is gone
    start = time.monotonic()
    page.click("#lanjut")
    page.wait_for_url(f"**/user/{a.name}/lab**", timeout=180_000)
    page.wait_for_selector("#jp-main-dock-panel", timeout=180_000)
    page.wait_for_selector("#jupyterlab-splash", state="detached", timeout=120_000)
    print(f"password page → JupyterLab ready: {time.monotonic() - start:.1f} s")
    # it opens on the learners' start page, put into the learner's home by the hub
    assert page.url.endswith(f"/user/{a.name}/lab/tree/Mulai_kelas.ipynb"), page.url
    expect(page.get_by_role("heading", name="Selamat datang di Kelas Cantik")).to_be_visible(timeout=60_000)
    assert (hub.base / "rumah" / a.name / "Mulai_kelas.ipynb").is_file()
    page.screenshot(path=str(artifacts_dir / "hub_peserta_lab.png"))
    assert page.request.get(f"{hub.url}/user/{a.name}/formgrader").status == 404
    # the learner's JupyterLab is in Indonesian: locale id_ID and its language pack served
    locale = page.request.get(
        f"{hub.url}/user/{a.name}/lab/api/settings/@jupyterlab/translation-extension:plugin").json()
    assert locale["schema"]["properties"]["locale"]["default"] == "id_ID"
    pack = page.request.get(f"{hub.url}/user/{a.name}/lab/api/translations/id_ID").json()
    assert pack["data"]["jupyterlab"]["Name"] == ["Nama"]  # the file browser's column, as in test_start
    expect(page.get_by_text("Create Assignment")).to_have_count(0)  # trainer-only JupyterLab parts are off
    page.locator("#jp-MainMenu div.lm-MenuBar-itemLabel", has_text="Nbgrader").click()
    page.screenshot(path=str(artifacts_dir / "hub_peserta_menu.png"))
    expect(page.get_by_role("menuitem", name="Assignment List")).to_be_visible()  # the learner's part stays
    expect(page.get_by_role("menuitem", name="Formgrader")).to_have_count(0)
    assert page.request.get(f"{hub.url}/user/{a.name}/api/status").status == 200
    other = page.request.get(f"{hub.url}/hub/api/users/ku06", headers={"Referer": hub.url + "/hub/"})
    assert other.status in (403, 404)
    resp = page.goto(f"{hub.url}/user/ku06/lab")
    assert resp is not None and resp.status in (403, 404)  # the hub does not even say ku06 exists
    trainer = hub.accounts["pelatih1"]
    _, token = hub.token(trainer.name, trainer.password)
    status, body = hub.request("/hub/api/users/ku06", token=token)
    assert status == 200 and json.loads(body)["servers"] == {}  # nothing was started for ku06
    status, body = hub.request(f"/hub/api/users/{a.name}", token=token)
    assert "" in json.loads(body)["servers"]  # the trainer sees the learner's running server


def test_several_learners_spawn_at_once(hub: Hub) -> None:
    """A small, bounded load run (4 learners here; the 20-learner run is for benchmarks)."""
    from cantik.server.loadtest import run_load

    learners = [hub.accounts[f"ku0{i}"] for i in range(1, 5)]
    report = run_load(hub.url, learners, timeout=240)
    print(report.summary())
    assert report.failed == {} and set(report.spawn_s) == {a.name for a in learners}
    assert set(report.memory_mib) == {a.name for a in learners}
    assert all(m > 10 for m in report.memory_mib.values())  # a real Jupyter server, not an empty process
    # stopped again
    trainer = hub.accounts["pelatih1"]
    _, token = hub.token(trainer.name, trainer.password)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        users = json.loads(hub.request("/hub/api/users", token=token)[1])
        if not any(u["servers"] for u in users if u["name"] in report.spawn_s):
            break
        time.sleep(0.5)
    else:
        raise AssertionError("load-test servers still running")
    with pytest.raises(Exception, match=r"127\.0\.0\.1"):
        run_load("http://10.0.0.1:8000", learners)
