"""Which place an app shows: the places to choose from, and the ``?wilayah=KEY`` parameter of a page's URL.

Every app that shows a place's data takes the place from a ``Dropdown`` (the places' display names from
their profiles, :mod:`cantik.data.profile`) and from the page's URL (``?wilayah=malinau``; the gallery's
links carry it). The URL's value is untrusted: :func:`requested` accepts only the key of a known place that
has what the app needs, and otherwise falls back to the default place with a plain Indonesian note (never
echoing the value).

How the value reaches the kernel: a kernel Voilà starts for the visitor has the query string in its
environment (``QUERY_STRING``, :func:`query_from_env`). A preheated kernel ran the app before its visitor
came, and the apps' visitor kernels have no network, so Voilà's ``wait_for_request`` (a websocket back to
the server) cannot reach them: there the page's script (our ``cantik`` template) writes ``location.search``
into the app's hidden query box (:attr:`cantik.apps.base.AppBase.query`), and the app switches place.

Only the standard library and :mod:`cantik.data.profile` (stdlib only) are used here.

Examples
--------
>>> requested("wilayah=malinau")
('malinau', '')
>>> requested("")
('kandangan_utara', '')
>>> key, note = requested("wilayah=<script>")
>>> key, "<script>" in note
('kandangan_utara', False)
"""

from __future__ import annotations

import functools
import os
from urllib.parse import parse_qs, urlencode

from cantik.data import schema

#: The URL parameter naming the place.
QUERY_PARAM = "wilayah"
#: The environment variable holding the page's query string in a kernel Voilà started for the visitor.
QUERY_ENV = "QUERY_STRING"


@functools.lru_cache(maxsize=64)
def profile(key: str):  # -> cantik.data.profile.Wilayah
    """The checked profile of place ``key`` (cached: apps only read it)."""
    from cantik.data.profile import load_profile

    return load_profile(key)


def place_keys(table: str | None = None, aggregated_only: bool = True) -> list[str]:
    """Keys of the places an app can show, in the order of :func:`cantik.data.profile.place_keys`.

    ``table``: only places that have this table (e.g. ``"ampunku"``). ``aggregated_only=False``: the app
    shows single households or persons, so real (imported) places are left out: of a real place the apps
    show only aggregated figures. A place whose profile cannot be read is left out.
    """
    from cantik.data.profile import place_keys as all_keys
    from cantik.errors import CantikError

    keys = []
    for key in all_keys():
        try:
            found = profile(key)
        except CantikError:
            continue
        if table is not None and table not in found.tables:
            continue
        if not aggregated_only and not found.synthetic:
            continue
        keys.append(key)
    return keys


def options(table: str | None = None, aggregated_only: bool = True) -> list[tuple[str, str]]:
    """``(label, key)`` pairs for a ``Dropdown``: "Desa Malinau", "Kelurahan Kandangan Utara", ..."""
    return [(profile(k).label, k) for k in place_keys(table, aggregated_only)]


def default_place(keys: list[str]) -> str:
    """The default place (``schema.DEFAULT_WILAYAH``) if it is among ``keys``, else the first."""
    return schema.DEFAULT_WILAYAH if schema.DEFAULT_WILAYAH in keys or not keys else keys[0]


def requested(query: str | None, table: str | None = None, aggregated_only: bool = True,
              what: str = "") -> tuple[str, str]:
    """The place a page's query string asks for, and a note for the visitor ("" when all is well).

    ``query`` is the URL's query string (``"wilayah=malinau"``, a leading ``?`` is allowed). No
    ``wilayah`` parameter: the default place. An unknown, malformed or malicious value, or a place without
    what the app needs (``table``; ``what`` names it for the note), or a real place in an app that shows
    single households (``aggregated_only=False``): the default place and a note saying so, which never
    repeats the value.
    """
    keys = place_keys(table, aggregated_only)
    default = default_place(keys)
    values = parse_qs((query or "").lstrip("?"), keep_blank_values=True).get(QUERY_PARAM)
    if not values:
        return default, ""
    value = values[-1].strip()
    if value in keys:
        return value, ""
    shown = profile(default).label if keys else default
    known = place_keys()
    if value in known:
        place = profile(value).label
        if table is not None and table not in profile(value).tables:
            having = ", ".join(profile(k).label for k in keys)
            why = f"{place} tidak punya data {what or table}; aplikasi ini ada untuk {having}"
        else:
            why = (f"{place} memakai data nyata, dan dari data nyata aplikasi ini hanya menampilkan angka "
                   "ringkasan, bukan data per keluarga")
        return default, f"{why}. Yang ditampilkan: {shown}. Pilih wilayah lain di daftar «Wilayah»."
    return default, (f"Wilayah yang diminta di alamat halaman ini tidak dikenal. Yang ditampilkan: {shown}. "
                     "Pilih wilayah lain di daftar «Wilayah».")


def query_from_env() -> str | None:
    """The page's query string in a kernel Voilà started for the visitor; None in a preheated kernel
    (its visitor had not come yet) and outside Voilà."""
    if os.environ.get("VOILA_PREHEAT") == "True":
        return None
    return os.environ.get(QUERY_ENV)


def link_query(key: str) -> str:
    """The query string of a link to a page for place ``key`` (``"?wilayah=malinau"``)."""
    return "?" + urlencode({QUERY_PARAM: key})
