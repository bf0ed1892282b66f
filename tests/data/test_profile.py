"""Place profiles (wilayah.json): the four committed places, the rules and their Indonesian messages, the
loader's use of them, and `cantik data buat --wilayah` (reproducible bytes, every figure with its source)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from cantik import indicators
from cantik.cli import main
from cantik.data import DataFormatError, DataNotFoundError, load, tables, wilayah_list
from cantik.data import schema as S
from cantik.data.profile import PROFILE_FILE, builtin_profile, dumps, load_profile, parse, read
from cantik.paths import project_root

DATASETS = project_root() / "datasets"
PLACES = ["kandangan_utara", "taluk_haur", "gambah_luar", "malinau"]


@pytest.mark.parametrize("key", PLACES)
def test_each_committed_place_has_a_valid_profile(key: str) -> None:
    profile = read(DATASETS / key / PROFILE_FILE)
    assert profile.key == key and profile.synthetic
    assert profile.notice == S.SYNTHETIC_NOTICE
    assert dumps(profile) == (DATASETS / key / PROFILE_FILE).read_bytes()  # stable, normalised bytes
    if key in S.WILAYAH:
        assert profile == builtin_profile(key)
        assert profile.label == S.WILAYAH[key]
    penduduk = pd.read_csv(DATASETS / key / "penduduk.csv")
    assert penduduk["rt"].max() == profile.units
    assert all((DATASETS / key / f"{t}.csv").is_file() for t in profile.tables)
    assert all(c in wilayah_list() for c in profile.comparisons)


def test_the_locus_note_quotes_the_calibration_source() -> None:
    from cantik.data.calibration import SOURCES

    assert SOURCES["desa_cantik"]["title"] in load_profile("kandangan_utara").note


def test_profiles_say_what_differs_between_places() -> None:
    ku, gl, ml = (load_profile(k) for k in ("kandangan_utara", "gambah_luar", "malinau"))
    assert ku.optional_tables == ("ampunku", "lansia_tahunan")
    assert ml.optional_tables == () and gl.optional_tables == ()
    assert ku.planning["dana"] == "Dana Kelurahan" and ml.planning["dana"] == "Dana Desa"
    assert ml.planning["rencana"] == "RPJMDes" and ml.planning["musrenbang"] == "Musrenbang desa"
    assert (ku.label, gl.label, ml.label) == ("Kelurahan Kandangan Utara", "Desa Gambah Luar", "Desa Malinau")
    assert (ml.kecamatan, ml.kabupaten, ml.unit, ml.units, ml.cantik_year) == (
        "Loksado", "Hulu Sungai Selatan", "dusun", 8, None)
    assert "sintetis" in ml.note.lower()


def _valid() -> dict:
    return json.loads(dumps(load_profile("gambah_luar")))


@pytest.mark.parametrize(("change", "expected"), [
    ({"jenis": "kota"}, "'jenis' harus 'desa' atau 'kelurahan', bukan 'kota'"),
    ({"satuan": "RW"}, "'satuan' harus 'RT' atau 'dusun'"),
    ({"nama": ""}, "'nama' belum diisi"),
    ({"jumlah_satuan": "enam"}, "'jumlah_satuan' harus bilangan bulat 1 sampai 99"),
    ({"tabel_pilihan": ["ojek"]}, "'tabel_pilihan' menyebut 'ojek'"),
    ({"sintetis": False, "sumber_data": ""}, "'sumber_data' belum diisi"),
    ({"tanggal_data": "31/01/2026"}, "'tanggal_data' harus tanggal TTTT-BB-HH"),
    ({"kunci": "Gambah Luar"}, "'kunci' 'Gambah Luar' hanya boleh berisi huruf kecil"),
    ({"penduduk": 10}, "kolom tak dikenal: 'penduduk'"),
    ({"angka_kalibrasi": [{"kunci": "p0", "nilai": 9}]}, "'angka_kalibrasi' nomor 1 harus berisi"),
])
def test_a_broken_profile_is_named_in_indonesian(change: dict, expected: str) -> None:
    with pytest.raises(DataFormatError) as err:
        parse({**_valid(), **change}, "contoh/wilayah.json")
    assert "Profil wilayah contoh/wilayah.json belum benar" in str(err.value)
    assert expected in str(err.value)


def test_the_loader_follows_the_profiles() -> None:
    assert wilayah_list() == [*S.WILAYAH, "malinau", S.KECAMATAN]
    assert "ampunku" not in tables("malinau")
    with pytest.raises(DataNotFoundError, match="hanya ada untuk Kelurahan Kandangan Utara"):
        load("ampunku", wilayah="malinau")
    df = load("penduduk", wilayah="malinau")
    assert df.attrs["judul_kolom"]["rt"] == "Dusun"  # Malinau is divided into dusun (the column stays `rt`)
    assert df.attrs["nama_wilayah"] == "Desa Malinau" and df.attrs["sumber"] == S.SYNTHETIC_NOTICE
    assert df.attrs["sintetis"] is True


def test_the_fourth_place_is_an_older_poorer_rural_desa() -> None:
    shape = {}
    for key in ("kandangan_utara", "gambah_luar", "malinau"):
        people = load("penduduk", wilayah=key)
        families = load("keluarga", wilayah=key)
        line = load_profile(key).figure("garis_kemiskinan").value if key == "malinau" else 644_107
        shape[key] = (indicators.median_age(people["umur"]), (people["umur"] >= 60).mean(),
                      indicators.poverty_indices(families, line, weights="jumlah_anggota").p0, len(people))
    ml = shape["malinau"]
    assert 2_400 <= ml[3] <= 2_600
    for other in ("kandangan_utara", "gambah_luar"):
        assert ml[0] > shape[other][0] and ml[1] > shape[other][1] and ml[2] > shape[other][2] + 2


def test_every_figure_of_the_new_place_names_its_source() -> None:
    profile = load_profile("malinau")
    keys = {f.key for f in profile.figures}
    assert keys == {"penduduk", "keluarga", "jumlah_satuan", "luas_km2", "rasio_jk", "persen_umur_0_14",
                    "garis_kemiskinan", "p0_kabupaten", "p0", "stunting"}
    assert all(f.source.strip() for f in profile.figures)
    package = json.loads((DATASETS / "malinau" / "datapackage.json").read_text(encoding="utf-8"))
    titles = " ".join(s["title"] for s in package["sources"])
    assert all(f.source in titles for f in profile.figures)
    assert "Data sintetis Desa Malinau, Kec. Loksado" in package["title"]


def test_the_calibration_report_covers_the_new_place() -> None:
    from cantik.data.calibration import calibrate

    rows = [r for r in calibrate() if r.figure.key.endswith("_malinau")]
    assert {r.figure.key for r in rows} == {f"{k}_malinau" for k in (
        "penduduk", "keluarga", "rasio_jk", "persen_umur_0_14", "p0", "stunting")}
    assert all(r.ok for r in rows), [(r.figure.key, r.generated) for r in rows if not r.ok]


SMALL = ["--nama", "Uji Coba", "--jenis", "kelurahan", "--kabupaten", "Hulu Sungai Selatan", "--provinsi",
         "Kalimantan Selatan", "--satuan", "RT", "--penduduk", "700", "--keluarga", "210",
         "--jumlah-satuan", "3",
         "--luas-km2", "1.5", "--rasio-jk", "100", "--persen-umur-0-14", "26", "--garis-kemiskinan", "644107",
         "--p0-kabupaten", "4.54", "--stunting", "7", "--sumber", "angka uji",
         "--sumber-angka", "p0_kabupaten=berita daerah (uji)"]


def test_a_new_place_is_generated_with_the_same_bytes_twice(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    outs = []
    for name in ("a", "b"):
        out = tmp_path / name
        assert main(["data", "buat", "--wilayah", "uji_coba", "--keluaran", str(out), *SMALL]) == 0
        outs.append({p.name: p.read_bytes() for p in sorted((out / "uji_coba").iterdir())})
    assert outs[0] == outs[1]
    assert "SINTETIS" in capsys.readouterr().out
    profile = parse(json.loads(outs[0][PROFILE_FILE]))
    assert profile.label == "Kelurahan Uji Coba" and profile.units == 3
    assert profile.figure("p0_kabupaten").source == "berita daerah (uji)"
    assert profile.figure("penduduk").source == "angka uji"
    assert "ampunku.csv" not in outs[0]
    assert b"SINTETIS" in outs[0]["datapackage.json"]


@pytest.mark.parametrize(("args", "expected"), [
    (["--penduduk", "700"], "belum lengkap"),
    ([a if a != "angka uji" else "" for a in SMALL[:-4]], "Sumber angka belum diberikan"),
    ([*SMALL, "--p0-kabupaten", "45"], "di luar rentang yang masuk akal"),
    ([*SMALL, "--jenis", "kota"], "'jenis' harus 'desa' atau 'kelurahan'"),
])
def test_bad_figures_are_refused_in_indonesian(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               args: list[str], expected: str) -> None:
    code = main(["data", "buat", "--wilayah", "uji_coba", "--keluaran", str(tmp_path), *args])
    assert code != 0
    assert expected in capsys.readouterr().err
    assert not (tmp_path / "uji_coba").exists()
