"""Zero to JupyterHub values from a hub folder (cantik.server.z2jh): what can be tested without a cluster.

The values' ``hub.config`` is loaded by JupyterHub's own classes (Z2JH hands it to traitlets unchanged), so
a wrong name or type fails here; every carried-over setting equals the one the one-server hub runs with
(loaded from its ``jupyterhub_config.py`` by traitlets, as ``jupyterhub -f`` does); no secret is written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from traitlets.config import Config, PyFileConfigLoader

from cantik.grading.roster import Learner
from cantik.server.hub import write_hub
from tests.server.helpers import server_cmd

HUB_DB = "postgresql://kelas_cantik_hub:Rahasia-Hub-123@127.0.0.1:5433/kelas_cantik_hub"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write_hub(tmp_path / "hub", [Learner("ku01", "Siti Aminah"), Learner("ku02", "Budi Santoso")],
              ["pelatih1"], spawner="simple", gallery_port=None, mem_limit="700M", idle_timeout=1800,
              exchange_root=str(tmp_path / "exchange"), hub_db_url=HUB_DB)
    return tmp_path / "hub"


def _one_server(folder: Path) -> Config:
    return PyFileConfigLoader("jupyterhub_config.py", path=str(folder)).load_config()


def test_values_carry_the_hub_settings_over(folder: Path, tmp_path: Path) -> None:
    from jupyterhub.app import JupyterHub

    from cantik.server.hubauth import RosterAuthenticator

    code, out = server_cmd("z2jh", "--folder", str(folder), "--keluaran", str(tmp_path / "config.yaml"))
    assert code == 0 and "config.yaml" in out, out
    text = (tmp_path / "config.yaml").read_text(encoding="utf-8")
    assert "Rahasia-Hub-123" not in text  # the database password stays out of the values file
    values = yaml.safe_load(text)
    one = _one_server(folder)

    # hub.config goes to JupyterHub's traitlets as it is: its own classes accept every name and value
    config = Config(values["hub"]["config"])
    hub = JupyterHub(config=config)
    auth = RosterAuthenticator(config=config)
    for section, traits in values["hub"]["config"].items():
        cls = {"JupyterHub": JupyterHub, "Authenticator": RosterAuthenticator,
               "RosterAuthenticator": RosterAuthenticator}[section]
        assert set(traits) <= set(cls.class_trait_names(config=True)), (section, traits)
    assert hub.authenticator_class is RosterAuthenticator
    assert auth.allowed_users == one.Authenticator.allowed_users == {"ku01", "ku02", "pelatih1"}
    assert auth.admin_users == set()
    assert hub.load_groups == one.JupyterHub.load_groups
    trainer_role = next(r for r in one.JupyterHub.load_roles if r["name"] == "pelatih")
    assert hub.load_roles == [trainer_role]  # the culler's role is Z2JH's own business

    culler = next(s for s in one.JupyterHub.services if s["name"] == "pembersih-idle")
    assert f"--timeout={values['cull']['timeout']}" in culler["command"]
    assert values["cull"] == {"enabled": True, "timeout": 1800, "every": 900}
    single = values["singleuser"]
    assert single["memory"]["limit"] == one.Spawner.mem_limit == "700M"
    assert single["defaultUrl"] == one.Spawner.default_url == "/lab"
    assert single["extraEnv"]["LANG"] == one.Spawner.environment["LANG"] == "id_ID.UTF-8"
    assert single["extraEnv"]["CANTIK_EXCHANGE"] == one.Spawner.environment["CANTIK_EXCHANGE"]
    assert values["hub"]["db"] == {
        "type": "postgres", "url": "postgresql://kelas_cantik_hub@127.0.0.1:5433/kelas_cantik_hub"}
    mount = values["hub"]["extraVolumeMounts"][0]["mountPath"]
    assert values["hub"]["config"]["RosterAuthenticator"]["accounts_file"] == f"{mount}/akun.json"


def test_sqlite_hub_has_no_db_section_and_missing_folder_is_explained(folder: Path, tmp_path: Path) -> None:
    from cantik.server.z2jh import helm_values

    (folder / "hub_db.url").unlink()
    assert "db" not in helm_values(folder)["hub"]  # SQLite on one server: Z2JH's own default then
    code, out = server_cmd("z2jh", "--folder", str(tmp_path / "kosong"))
    assert code == 1 and "Belum ada hub di folder" in out and "hub-siapkan" in out
    assert json.loads((folder / "hub.json").read_text())["idle_timeout"] == 1800  # nothing rewritten
