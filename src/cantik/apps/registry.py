"""The apps of the gallery, in the order the gallery lists them, and a lesson's link to them (stdlib only).

Examples
--------
>>> from cantik.apps.registry import APPS, by_slug
>>> by_slug("stunting").notebook
'kalkulator_stunting.ipynb'
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class AppInfo:
    """One public app: its notebook in ``voila_apps/`` and its Indonesian title and blurb."""

    slug: str
    notebook: str
    title: str
    description: str
    #: Dotted path of the class the notebook displays (``module:Class``).
    entry: str


APPS: list[AppInfo] = [
    AppInfo(
        "profil", "profil_kelurahan.ipynb", "Profil kelurahan",
        "Piramida penduduk, indikator utama beserta definisinya, dan rincian per RT atau dusun untuk desa "
        "atau kelurahan yang dipilih.",
        "cantik.apps.profil:ProfilApp",
    ),
    AppInfo(
        "rata_median", "rata_rata_atau_median.ipynb", "Rata-rata atau median?",
        "Pengeluaran per kapita keluarga: tambahkan beberapa keluarga yang sangat kaya, lihat mereka di "
        "grafik, dan lihat rata-rata bergeser jauh sementara median hampir tidak berubah.",
        "cantik.apps.rata_median:RataMedianApp",
    ),
    AppInfo(
        "persen_poin", "persen_atau_poin_persen.ipynb", "Persen atau poin persen?",
        "Contoh kemiskinan 4,54% menjadi 4,01%: turun 0,53 poin persen, atau turun sekitar 11,7 persen?",
        "cantik.apps.persen_poin:PersenPoinApp",
    ),
    AppInfo(
        "grafik", "grafik_jujur.ipynb", "Grafik jujur vs menyesatkan",
        "Dua RT atau dusun digambar jujur dan menyesatkan berdampingan; sumbu yang dipotong, jumlah atau "
        "persen, urutannya: data yang sama bisa memberi kesan berbeda.",
        "cantik.apps.grafik:GrafikApp",
    ),
    AppInfo(
        "sampel", "sampel_dan_survei.ipynb", "Sampel dan survei",
        "Ambil sampel dari keluarga di desa atau kelurahan: hasil tiap sampel berbeda, sampel kecil lebih "
        "berayun, dan sesekali selangnya meleset. Seberapa jauh hasil survei bisa meleset?",
        "cantik.apps.sampel:SampelApp",
    ),
    AppInfo(
        "ampunku", "dasbor_ampunku.ipynb", "Dasbor AMPUNKU",
        "Antar Jemput Pasien Kandangan Utara: perjalanan per bulan, per 100 penduduk menurut RT, dan "
        "menurut tujuan, serta sebaran waktu tunggu.",
        "cantik.apps.ampunku:AmpunkuApp",
    ),
    AppInfo(
        "stunting", "kalkulator_stunting.ipynb", "Kalkulator stunting",
        "Jenis kelamin, tanggal lahir, dan tinggi badan anak: nilai z tinggi badan menurut umur "
        "(standar WHO) dan kategorinya. Bukan diagnosis medis.",
        "cantik.apps.stunting:StuntingApp",
    ),
]


def by_slug(slug: str) -> AppInfo:
    """The app called ``slug``; ``KeyError`` if there is none."""
    for app in APPS:
        if app.slug == slug:
            return app
    raise KeyError(slug)


#: Where ``cantik apps`` serves the gallery on the learner's own machine.
LOCAL_GALLERY = "http://127.0.0.1:8866/"
#: Name of the gallery's JupyterHub service on the class server (``cantik server``), and its path there.
HUB_SERVICE = "galeri"
HUB_GALLERY = f"services/{HUB_SERVICE}/"


def app_links(slug: str, environ: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """``(where, url)`` pairs that open app ``slug`` from a lesson notebook, for where the notebook runs.

    On the class server (a JupyterHub single-user server: ``JUPYTERHUB_SERVICE_PREFIX`` is set) the gallery
    is the hub's service ``/services/galeri/``. On a learner's own machine the JupyterLab of ``make start``
    renders ``voila_apps/`` itself (its Voilà extension), and ``cantik apps`` serves the gallery on port
    8866. URLs starting with ``/`` stay on the server the page came from (JupyterLab opens them as links,
    not as files). A lesson built for another place (its setup cell chose it: ``CANTIK_WILAYAH``) opens the
    app on that place (``?wilayah=``).

    Examples
    --------
    >>> app_links("sampel", {"JUPYTERHUB_SERVICE_PREFIX": "/user/ku01/", "JUPYTERHUB_BASE_URL": "/"})
    [('server kelas', '/services/galeri/voila/render/sampel_dan_survei.ipynb')]
    >>> [w for w, _ in app_links("sampel", {})]
    ['JupyterLab ini', 'galeri cantik apps']
    >>> app_links("grafik", {"CANTIK_WILAYAH": "malinau"})[0]
    ('JupyterLab ini', '/voila/render/voila_apps/grafik_jujur.ipynb?wilayah=malinau')
    """
    from urllib.parse import urlencode

    from cantik.data.loader import WILAYAH_ENV
    from cantik.data.schema import DEFAULT_WILAYAH

    app = by_slug(slug)
    env = os.environ if environ is None else environ
    place = env.get(WILAYAH_ENV) or DEFAULT_WILAYAH
    query = "" if place == DEFAULT_WILAYAH else "?" + urlencode({"wilayah": place})
    if env.get("JUPYTERHUB_SERVICE_PREFIX"):
        base = env.get("JUPYTERHUB_BASE_URL", "/")
        return [("server kelas", f"{base.rstrip('/')}/{HUB_GALLERY}voila/render/{app.notebook}{query}")]
    return [("JupyterLab ini", f"/voila/render/voila_apps/{app.notebook}{query}"),
            ("galeri cantik apps", f"{LOCAL_GALLERY}voila/render/{app.notebook}{query}")]


def _data_note() -> str:
    """What the lesson's place's data are, for the app link: synthetic, or a real place's source."""
    from cantik.data.loader import active_wilayah
    from cantik.data.profile import load_profile

    place = load_profile(active_wilayah())
    return "datanya sintetis" if place.synthetic else f"data {place.label}: {place.source}"


def aplikasi(slug: str) -> None:
    """Show, in a lesson, the name of the public app ``slug``, what it lets you try, and a link to open it.

    Examples
    --------
    >>> aplikasi("tidak_ada")  # doctest: +ELLIPSIS
    Aplikasi 'tidak_ada' tidak ada. Pilihan: profil, rata_median, ..., stunting.
    """
    try:
        app = by_slug(slug)
    except KeyError:
        print(f"Aplikasi '{slug}' tidak ada. Pilihan: {', '.join(a.slug for a in APPS)}.")
        return
    links = app_links(slug)
    plain = [f"Aplikasi «{app.title}»: {app.description}"]
    if links[0][0] == "server kelas":
        plain.append(f"Buka di tab baru: {links[0][1]}")
        how = ""
    else:
        plain.append(f"Di JupyterLab ini (make start): {links[0][1]}")
        plain.append(f"Bila `cantik apps` dijalankan di komputer ini: {links[1][1]}")
        how = ("<br>Bila tautan itu tidak terbuka: jalankan <code>cantik apps</code> di Terminal, "
               f'lalu buka <a href="{html.escape(links[1][1])}" target="_blank" rel="noopener">galeri '
               "aplikasi</a>; atau di panel kiri klik kanan berkas "
               f"<code>voila_apps/{html.escape(app.notebook)}</code> → <i>Buka Dengan</i> → "
               "<i>Voilà Preview</i>.")
    page = (f'<div style="border-left:4px solid #4a7;background:#eef7f0;padding:6px 10px;color:#222">'
            f"📱 <b>Aplikasi: {html.escape(app.title)}</b> — {html.escape(app.description)}<br>"
            f'<a href="{html.escape(links[0][1])}" target="_blank" rel="noopener"><b>Buka aplikasi di tab '
            f"baru</b></a> (tanpa kode; {html.escape(_data_note())}).{how}</div>")
    try:
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython ships with Jupyter
        print("\n".join(plain))
        return
    display({"text/plain": "\n".join(plain), "text/html": page}, raw=True)
