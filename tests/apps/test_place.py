"""Each app takes the place: the ``?wilayah=`` parameter, the selector, and what the apps say of the place."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import cantik.data
from cantik.apps import place
from cantik.apps.base import PLACE_READY


def test_the_places_are_offered_by_their_profiles_names() -> None:
    options = dict(place.options())
    assert options["Desa Malinau"] == "malinau"
    assert options["Kelurahan Kandangan Utara"] == "kandangan_utara"
    assert options["Desa Gambah Luar"] == "gambah_luar"
    assert place.options("ampunku") == [("Kelurahan Kandangan Utara", "kandangan_utara")]


@pytest.mark.parametrize("query, key", [
    ("wilayah=malinau", "malinau"),
    ("?wilayah=taluk_haur", "taluk_haur"),
    ("", "kandangan_utara"),
    (None, "kandangan_utara"),
    ("theme=light&wilayah=gambah_luar", "gambah_luar"),
])
def test_a_known_place_in_the_url_is_shown_without_a_note(query: str | None, key: str) -> None:
    assert place.requested(query) == (key, "")


@pytest.mark.parametrize("value", [
    "atlantis", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "..%2F..%2Fetc%2Fpasswd", "MALINAU", "", "x" * 5000,
    "malinau%00", "kecamatan_kandangan",
])
def test_an_unknown_or_malicious_place_falls_back_to_the_default_with_a_plain_note(value: str) -> None:
    key, note = place.requested(f"wilayah={value}")
    assert key == "kandangan_utara"
    assert note.startswith("Wilayah yang diminta di alamat halaman ini tidak dikenal.")
    assert "Kelurahan Kandangan Utara" in note
    assert "<" not in note and "etc" not in note and "x" * 20 not in note  # the value is never repeated


def test_a_place_without_the_apps_table_is_named_with_the_places_that_have_it() -> None:
    key, note = place.requested("wilayah=malinau", "ampunku", what="layanan antar-jemput pasien")
    assert key == "kandangan_utara"
    assert note.startswith("Desa Malinau tidak punya data layanan antar-jemput pasien; aplikasi ini ada "
                           "untuk Kelurahan Kandangan Utara.")


def test_the_app_takes_the_place_from_the_url_of_a_kernel_started_for_the_visitor(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from cantik.apps.profil import ProfilApp

    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    monkeypatch.setenv("QUERY_STRING", "wilayah=malinau")
    app = ProfilApp()
    assert app.wilayah.value == "malinau"
    assert app.figures["jumlah_penduduk"] == len(cantik.data.load("penduduk", wilayah="malinau"))
    assert PLACE_READY in app.root._dom_classes
    assert app.place_note.message == ""

    monkeypatch.setenv("QUERY_STRING", "wilayah=%3Cb%3E")
    app = ProfilApp()
    assert app.wilayah.value == "kandangan_utara"
    assert "tidak dikenal" in app.place_note.message
    assert app.status.message == ""  # the app itself works: the note is beside it, not an error


def test_a_preheated_app_follows_the_query_the_page_writes_into_its_box(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from cantik.apps.grafik import GrafikApp, poor_by_rt

    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.setenv("QUERY_STRING", "wilayah=taluk_haur")  # not yet this visitor's: ignored
    app = GrafikApp()
    assert app.wilayah.value == "kandangan_utara"
    assert PLACE_READY not in app.root._dom_classes  # the page hides it until it shows the asked place
    app.query.value = "?wilayah=malinau"
    assert app.wilayah.value == "malinau"
    assert PLACE_READY in app.root._dom_classes
    table = poor_by_rt("malinau")
    assert [v for _label, v in app.rt_a.options] == [int(r) for r in table["rt"]]
    assert app.status.message == ""
    assert "Desa Malinau" in app.summary.value
    shown = app.shown.set_index("rt")["nilai"]
    assert shown.to_dict() == table.set_index("rt")["miskin"].to_dict()  # its numbers, not another place's
    assert app.rendered_for == app.control_state()
    top = int(table.loc[table["miskin"].idxmax(), "rt"])  # the challenge quotes this place's figures
    assert app.challenge.question.startswith(f"Dusun {top} punya orang miskin **terbanyak** "
                                             f"({int(table['miskin'].max())} orang)")
    assert app.challenge.root in app.root.children


@pytest.mark.parametrize("key, label, unit", [("malinau", "Desa Malinau", "dusun"),
                                             ("taluk_haur", "Kelurahan Taluk Haur", "RT")])
def test_the_texts_name_the_place_with_its_type(key: str, label: str, unit: str) -> None:
    from cantik.apps.profil import ProfilApp
    from cantik.apps.rata_median import RataMedianApp
    from cantik.apps.sampel import SampelApp
    from cantik.apps.stunting import StuntingApp

    for cls in (ProfilApp, RataMedianApp, SampelApp, StuntingApp):
        app = cls(key)
        assert app.status.message == "", cls
        assert label in app.summary.value + app.about.value, cls
        assert "DATA SINTETIS" in app.header.value  # synthetic places keep the notice
        assert f'data-wilayah="{key}"' in app.first_paint_html()
    profil = ProfilApp(key)
    n = len(cantik.data.load("penduduk", wilayah=key))
    assert f"Penduduk per {unit}, {label} (data sintetis)" in profil.rt_table.value
    assert profil.figures["jumlah_penduduk"] == n


def test_the_ampunku_dashboard_says_plainly_that_a_place_has_no_such_service() -> None:
    from cantik.apps.ampunku import AmpunkuApp

    app = AmpunkuApp()
    app.follow_query("wilayah=malinau")
    assert app.wilayah.value == "kandangan_utara"
    assert app.place_note.message.startswith("Desa Malinau tidak punya data layanan antar-jemput pasien")
    assert "Kelurahan Kandangan Utara" in app.place_note.message
    assert app.status.message == "" and app.chart.outputs  # still the dashboard of a place that has it
    assert [v for _label, v in app.wilayah.options] == ["kandangan_utara"]


@pytest.fixture()
def real_place(cantik_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A real (imported) place: Malinau's tables in the real-data folder, its profile saying real."""
    real = tmp_path / "data_nyata"
    shutil.copytree(cantik_home / "datasets" / "malinau", real / "desa_nyata")
    profile = json.loads((real / "desa_nyata" / "wilayah.json").read_text(encoding="utf-8"))
    profile.update({"kunci": "desa_nyata", "nama": "Nyata", "sintetis": False,
                    "sumber_data": "Pendataan pemerintah desa", "tanggal_data": "2026-01-31"})
    profile.pop("angka_kalibrasi", None)
    profile.pop("pembangkitan", None)
    (real / "desa_nyata" / "wilayah.json").write_text(json.dumps(profile), encoding="utf-8")
    monkeypatch.setenv("CANTIK_DATA_NYATA", str(real))
    return "desa_nyata"


def test_a_real_place_shows_its_source_and_date_and_only_aggregated_figures(real_place: str) -> None:
    from cantik.apps.profil import ProfilApp
    from cantik.apps.rata_median import RataMedianApp

    app = ProfilApp(real_place)
    assert app.status.message == ""
    assert "DATA SINTETIS" not in app.header.value
    assert "Pendataan pemerintah desa, per 2026-01-31" in app.header.value
    assert "data nyata, Pendataan pemerintah desa" in app.rt_table.value
    assert "31-01-2026" in app.indicators.value
    # an app that draws every household is not offered a real place, and says why when asked for one
    assert real_place not in [v for _label, v in RataMedianApp().wilayah.options]
    key, note = place.requested(f"wilayah={real_place}", aggregated_only=False)
    assert key == "kandangan_utara" and note.startswith("Desa Nyata memakai data nyata")


def test_the_gallery_offers_every_place_with_its_notice() -> None:
    from cantik.apps.voila_config import production_config

    places = production_config()["VoilaConfiguration"]["extension_config"]["cantikPlaces"]
    by_key = {p["key"]: p for p in places}
    assert by_key["malinau"]["label"] == "Desa Malinau"
    assert "DATA SINTETIS" in by_key["malinau"]["notice"]
    assert places[0]["key"] == "kandangan_utara"


def test_the_place_notes_and_a_new_places_app_texts_are_good_indonesian(real_place: str) -> None:
    from cantik.apps.grafik import GrafikApp
    from cantik.apps.profil import ProfilApp
    from tests.apps.test_texts import app_texts
    from tests.indonesian import problems

    texts = [place.requested("wilayah=atlantis")[1],
             place.requested("wilayah=malinau", "ampunku", what="layanan antar-jemput pasien")[1],
             place.requested(f"wilayah={real_place}", aggregated_only=False)[1]]
    texts += app_texts(GrafikApp("malinau")) + app_texts(ProfilApp(real_place))
    found = sorted({f"{p}   in: {t[:80]!r}" for t in texts for p in problems(t)})
    assert found == [], "\n".join(found)


def test_a_pool_kernel_started_plain_during_a_crowd_still_waits_for_the_pages_place(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Under pressure a pool refill runs with VOILA_PREHEAT=False (cantik.apps.crowd) but without the
    visitor's QUERY_STRING: it must not claim to show the page's place before the page has told it."""
    from cantik.apps.stunting import StuntingApp

    monkeypatch.setenv("VOILA_PREHEAT", "False")
    monkeypatch.delenv("QUERY_STRING", raising=False)
    app = StuntingApp()
    assert PLACE_READY not in app.root._dom_classes
    app.follow_query("")
    assert PLACE_READY in app.root._dom_classes and app.wilayah.value == "kandangan_utara"


def test_a_place_in_dusun_says_dusun(cantik_home: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    from cantik.apps.grafik import GrafikApp
    from cantik.apps.profil import ProfilApp
    from tests.apps.test_texts import app_texts

    real = tmp_path / "data_nyata"
    shutil.copytree(cantik_home / "datasets" / "malinau", real / "desa_dusun")
    profile = json.loads((real / "desa_dusun" / "wilayah.json").read_text(encoding="utf-8"))
    profile.update({"kunci": "desa_dusun", "nama": "Berdusun", "satuan": "dusun", "sintetis": False,
                    "sumber_data": "Pendataan pemerintah desa", "tanggal_data": "2026-01-31"})
    (real / "desa_dusun" / "wilayah.json").write_text(json.dumps(profile), encoding="utf-8")
    monkeypatch.setenv("CANTIK_DATA_NYATA", str(real))
    grafik = GrafikApp("desa_dusun")
    assert grafik.status.message == ""
    assert grafik.rt_a.description == "Dusun pertama" and grafik.rt_a.options[0][0] == "Dusun 1"
    profil = ProfilApp("desa_dusun")
    texts = [*app_texts(grafik), grafik.challenge.question, *app_texts(profil)]
    assert not [t for t in texts if re.search(r"\bRT\b", t) and "RT atau dusun" not in t]
    assert "Penduduk per dusun, Desa Berdusun" in profil.rt_table.value


def test_a_lesson_opens_the_app_on_its_place_and_names_its_data(real_place: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The app link of a lesson built for a place (its setup cell set CANTIK_WILAYAH) carries ``?wilayah=``
    and says where the data come from: synthetic, or the real place's source."""
    from cantik.apps import registry

    shown: list[dict] = []
    monkeypatch.setattr("IPython.display.display", lambda data, raw=False: shown.append(data))
    monkeypatch.setenv("CANTIK_WILAYAH", "malinau")
    registry.aplikasi("grafik")
    assert "grafik_jujur.ipynb?wilayah=malinau" in shown[-1]["text/html"]
    assert "datanya sintetis" in shown[-1]["text/html"]
    monkeypatch.setenv("CANTIK_WILAYAH", real_place)
    registry.aplikasi("profil")
    page = shown[-1]["text/html"]
    assert f"?wilayah={real_place}" in page and "sintetis" not in page
    assert "data Desa Nyata: Pendataan pemerintah desa" in page
