"""Voilà configurations for the public apps: ``production`` (ours) and ``default`` (Voilà as shipped).

The production configuration (read against voila 0.5's ``configuration.py``, ``app.py``,
``voila_kernel_manager.py`` and ``execute.py``):

- visitor kernels forked from one warm zygote and confined like grading kernels: the production server's
  kernelspec ``python3`` names our kernel provisioner (:mod:`cantik.apps.kernels`, written by
  :func:`cantik.apps.server.voila_command`);
- the gallery's place selector (``cantikPlaces`` of ``extension_config``, :func:`gallery_places`);
- the app's first chart and summary in every page at once, from the server's cache
  (:mod:`cantik.apps.first_paint`; Jinja filters of our template through ``VoilaExporter.filters``);
- visitor kernels at a lower CPU priority than the server (``VisitorProvisioner.nice``; they share their
  zygote's scheduling group instead of one each): in a crowd the server still sends every page and its
  first chart;
- at the machine's limit, new visitors get a busy page with that first paint and a retry instead of a
  time-out, and idle kernels are culled sooner (``multi_kernel_manager_class``:
  :class:`cantik.apps.crowd.CrowdKernelManager`);
- preheated kernels: ``VoilaConfiguration.preheat_kernel`` with a pool per notebook
  (``default_pool_size``; ``VoilaKernelManager.kernel_pools_config`` can size one app's pool), each pool
  kernel has already run its notebook when a visitor arrives;
- no tracebacks (``show_tracebacks=False``), sources stripped (``strip_sources=True``), template and
  theme not overridable from the URL;
- only the app folder is served (Voilà's ``root_dir``), and of its files only images under ``static/``
  (``file_allowlist``/``file_denylist``); the data are read by the kernel, never sent as files;
- idle kernels culled (``MappingKernelManager.cull_idle_timeout``; pooled kernels are never culled);
- execution time-outs (``VoilaExecutor.timeout`` per cell, ``startup_timeout`` per kernel), with
  Indonesian messages;
- only the widget lab extensions are loaded by the page (``extension_allowlist``);
- XSRF checks on (jupyter_server's default): the widgets talk over the kernel websocket (a GET, never
  XSRF-checked; jupyter_server checks its ``Origin`` instead); the only form post of an app page is the
  shutdown beacon Voilà's page sends when the tab closes, with the ``_xsrf`` cookie as its ``_xsrf`` field.
  A preheated page is rendered before its visitor arrives, so no ``_xsrf`` cookie is set for it (voila
  #1458: the beacon is refused with 403 and the kernel lingers until culled). Our template sets the cookie
  to a random token when it is missing (the double-submit check of tornado compares cookie and field; a
  page of another site can neither read nor set it), so a closed tab frees its kernel at once;
- the lab extensions' files (hashed names) are cached by the browser as immutable
  (``tornado_settings.static_immutable_cache``), not revalidated on every page load;
- our template ``cantik`` (Indonesian loading text, no render-blocking CDN stylesheets,
  ``<html lang="id">``, phone styles) and the gallery
  as the start page (classic tree page rendered by ``cantik/tree.html``).

This module imports only the standard library (and markupsafe).

Examples
--------
>>> cfg = production_config()
>>> cfg["VoilaConfiguration"]["preheat_kernel"], cfg["VoilaConfiguration"]["show_tracebacks"]
(True, False)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

#: Folder holding ``voila/templates/cantik`` (prepended to ``JUPYTER_PATH`` by the launcher).
SHARE_DIR = Path(__file__).resolve().parent / "share"
TEMPLATE = "cantik"

PROFILES = ("production", "default")

#: Entry-point name of :class:`cantik.apps.kernels.VisitorProvisioner` (group
#: ``jupyter_client.kernel_provisioners``, see ``pyproject.toml``).
PROVISIONER_NAME = "cantik-visitor"
#: The kernelspec name the app notebooks use; the production server's spec of that name forks kernels.
KERNEL_NAME = "python3"

#: Environment variable naming the app (its notebook without ``.ipynb``) of a pool kernel, set per notebook
#: in ``VoilaKernelManager.kernel_pools_config`` (read by :func:`cantik.apps.crowd.app_of`).
APP_ENV = "CANTIK_APP"

#: The lab extensions an app page needs: the widget manager and the widget views.
WIDGET_EXTENSIONS = ("@jupyter-widgets/jupyterlab-manager", "@voila-dashboards/widgets-manager8")


def production_config(
    *,
    base_url: str = "/",
    pool_size: int = 1,
    cull_idle_timeout: int = 600,
    cull_interval: int = 60,
    cell_timeout: int = 60,
    memory_reserve_mb: int = 1024,
    starts_per_cpu: int = 30,
    max_kernels: int = 0,
    retry_seconds: int = 10,
    pressure_cull_disconnected: int = 30,
    visitor_nice: int = 10,
    front_after: int = 1,
    renders_at_once: int = -1,
    waiting_limit: int = 60,
) -> dict[str, Any]:
    """The traitlets configuration (a JSON-able ``dict``) of our production Voilà server.

    Parameters
    ----------
    base_url
        Voilà's ``base_url`` (``/services/galeri/`` behind JupyterHub); used for the cache rule.
    pool_size
        Preheated kernels kept ready per app notebook.
    cull_idle_timeout, cull_interval
        Seconds after which an idle visitor kernel is shut down, and how often to check.
    cell_timeout
        Seconds a notebook cell may run before Voilà stops it.
    memory_reserve_mb, starts_per_cpu, max_kernels, retry_seconds, pressure_cull_disconnected
        The machine's limit (:class:`cantik.apps.crowd.CrowdKernelManager`): beyond it new visitors get the
        busy page (first chart and summary, an Indonesian line, a retry by itself after ``retry_seconds``)
        instead of waiting; near it, kernels whose page is closed go after ``pressure_cull_disconnected``
        seconds.
    visitor_nice
        Niceness of visitor kernels (:class:`cantik.apps.kernels.VisitorProvisioner`): in a crowd the
        server, which sends every page and its first chart, is not one of fifty equal shares of the CPU.
    front_after
        Pages being rendered at once beyond which a new visitor gets the front page (the cached first chart
        at once, the live app when ready: :class:`cantik.apps.front.CantikVoila`); -1: never.
    renders_at_once, waiting_limit
        Pages rendered at once (-1: no limit, the default: measured faster for a crowd's last visitors; 0:
        twice the CPUs), the others waiting their turn in arrival order, and the number waiting beyond which
        a new visitor gets the busy page (0: no limit).
    """
    from cantik.apps.first_paint import FILTERS as FIRST_PAINT_FILTERS
    from cantik.apps.registry import APPS
    from cantik.data.schema import SYNTHETIC_NOTICE

    gallery = [{"notebook": a.notebook, "title": a.title, "description": a.description} for a in APPS]
    places = gallery_places()
    return {
        # In a crowd, the first chart at once for every visitor (cantik.apps.front).
        "CantikVoila": {"front_after": front_after, "renders_at_once": renders_at_once,
                        "waiting_limit": waiting_limit},
        "Voila": {
            "ip": "127.0.0.1",
            "open_browser": False,
            "base_url": base_url,
            "tornado_settings": {
                # Lab extension files have content hashes in their names: no revalidation per page load
                # (14 requests on the critical path of the first chart otherwise).
                "static_immutable_cache": [f"{base_url}voila/labextensions/"],
            },
        },
        "VoilaConfiguration": {
            "template": TEMPLATE,
            "theme": "light",
            "classic_tree": True,
            "allow_template_override": "NO",
            "allow_theme_override": "NO",
            "show_tracebacks": False,
            "strip_sources": True,
            "preheat_kernel": True,
            "default_pool_size": pool_size,
            "multi_kernel_manager_class": "cantik.apps.crowd.CrowdKernelManager",
            "file_allowlist": [r"static/.*\.(png|jpg|jpeg|svg|webp)"],
            "file_denylist": [r".*\.(ipynb|py|csv|json|db|sqlite|xlsx|parquet)", r"(^|.*/)\..*"],
            "extension_config": {"cantikGallery": gallery, "cantikNotice": SYNTHETIC_NOTICE,
                                 "cantikPlaces": places},
            # Only the widget extensions: not nbgrader's or notebook's lab extensions (less JS per page).
            "extension_allowlist": list(WIDGET_EXTENSIONS),
        },
        "VoilaKernelManager": {
            # Refill a pool at once: in a crowd the next visitor takes the refill, and a forked kernel
            # starts in milliseconds (Voilà's default waits one second, which every such visitor waited).
            "fill_delay": 0.0,
            # Each pool kernel knows its app (cantik.apps.crowd.APP_ENV): the busy page shows that app's
            # cached first paint when a pool refill cannot start.
            "kernel_pools_config": {
                "default": {"pool_size": pool_size},
                **{a.notebook: {"pool_size": pool_size,
                                "kernel_env_variables": {APP_ENV: a.notebook.removesuffix(".ipynb")}}
                   for a in APPS},
            },
        },
        # At the machine's limit new visitors get the busy page at once (cantik.apps.crowd).
        "CrowdKernelManager": {
            "memory_reserve_mb": memory_reserve_mb,
            "starts_per_cpu": starts_per_cpu,
            "max_kernels": max_kernels,
            "retry_seconds": retry_seconds,
            "pressure_cull_disconnected": pressure_cull_disconnected,
        },
        # Visitor kernels yield the CPU to the server that sends every visitor's page (cantik.apps.kernels).
        "VisitorProvisioner": {"nice": visitor_nice},
        # The Jinja filters of our template: the first paint cached for every visitor.
        "VoilaExporter": {"filters": dict(FIRST_PAINT_FILTERS)},
        "MappingKernelManager": {
            "cull_idle_timeout": cull_idle_timeout,
            "cull_interval": cull_interval,
            "cull_connected": False,
            "cull_busy": False,
        },
        "VoilaExecutor": {
            "timeout": cell_timeout,
            "startup_timeout": 60,
            "interrupt_on_timeout": True,
            "cell_error_instruction": "Maaf, aplikasi gagal dimuat. Silakan muat ulang halaman.",
            "cell_timeout_instruction": "Aplikasi terlalu lama dimuat. Silakan muat ulang halaman.",
        },
        "HTMLExporter": {"language_code": "id"},
    }


def gallery_places() -> list[dict[str, str]]:
    """The places the gallery offers (its selector; links then carry ``?wilayah=KEY``): key, display name
    and the notice on the place's data (the synthetic notice, or a real place's source and date)."""
    from cantik.apps.place import place_keys, profile

    return [{"key": k, "label": profile(k).label, "notice": profile(k).notice} for k in place_keys()]


def default_config() -> dict[str, Any]:
    """Voilà as shipped (only: loopback address, no browser), the baseline of ``benchmarks/voila.py``."""
    return {"Voila": {"ip": "127.0.0.1", "open_browser": False}}


def config_for(profile: str, **kwargs: Any) -> dict[str, Any]:
    """The configuration of ``profile`` (``"production"`` or ``"default"``)."""
    if profile == "production":
        return production_config(**kwargs)
    if profile == "default":
        return default_config()
    raise ValueError(f"unknown Voilà profile {profile!r}; choose one of {PROFILES}")


def kernelspec() -> dict[str, Any]:
    """The kernelspec (``kernel.json`` content) of the production server's visitor kernels.

    ``argv`` is what a cold kernel would run; the provisioner forks instead (and falls back to ``argv``,
    with a warning in the server log, only when the sandbox cannot run on this machine).

    Examples
    --------
    >>> kernelspec()["metadata"]["kernel_provisioner"]["provisioner_name"]
    'cantik-visitor'
    """
    return {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (Kelas Cantik, kernel pengunjung)",
        "language": "python",
        "interrupt_mode": "message",
        "metadata": {"debugger": False, "kernel_provisioner": {"provisioner_name": PROVISIONER_NAME}},
    }


def write_kernelspec(share: Path) -> Path:
    """Write :func:`kernelspec` as ``share/kernels/python3/kernel.json``; put ``share`` first on the
    server's ``JUPYTER_PATH`` so that the apps' notebooks (kernelspec ``python3``) get forked kernels."""
    folder = share / "kernels" / KERNEL_NAME
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kernel.json").write_text(json.dumps(kernelspec(), indent=1), encoding="utf-8")
    return folder


def write_config(config: dict[str, Any], folder: Path) -> Path:
    """Write ``config`` as ``folder/voila.json`` (the file name Voilà looks for) and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "voila.json"
    path.write_text(json.dumps(config, indent=2, ensure_ascii=False), encoding="utf-8")
    return path
