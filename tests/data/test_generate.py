"""The synthetic dataset generator: determinism, committed files, and internal consistency."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from cantik import indicators
from cantik.data import schema
from cantik.data.generate import GENERATED_IN_KECAMATAN, build_place, generate
from cantik.data.profile import synthetic_profiles
from cantik.paths import project_root

COMMITTED = project_root() / "datasets"
REF = date.fromisoformat(schema.REFERENCE_DATE)
PROFILES = {p.key: p for p in synthetic_profiles()}
PLACES = list(PROFILES)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gen-a")
    generate(out, seed=2025)
    return out


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _read(root: Path, wilayah: str, table: str) -> pd.DataFrame:
    return pd.read_csv(root / wilayah / f"{table}.csv", dtype=str, keep_default_na=False)


def test_same_seed_gives_identical_bytes(generated: Path, tmp_path: Path) -> None:
    generate(tmp_path, seed=2025)
    a, b = _files(generated), _files(tmp_path)
    assert a.keys() == b.keys()
    different = [name for name in a if a[name] != b[name]]
    assert different == []


def test_committed_files_match_the_generator(generated: Path) -> None:
    fresh = _files(generated)
    committed = {name: data for name, data in _files(COMMITTED).items() if name in fresh}
    missing = sorted(set(fresh) - set(committed))
    assert missing == [], f"not committed: {missing} (run `cantik data generate`)"
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert stale == [], f"committed files differ from the generator: {stale} (run `cantik data generate`)"


def test_another_seed_gives_other_people() -> None:
    a = build_place("gambah_luar", seed=2025)["penduduk"]
    b = build_place("gambah_luar", seed=7)["penduduk"]
    assert [p["tanggal_lahir"] for p in a[:50]] != [p["tanggal_lahir"] for p in b[:50]]


def test_csv_format_header_and_encoding(generated: Path) -> None:
    for wilayah in [*PLACES, schema.KECAMATAN]:
        for table in schema.tables_of(wilayah):
            raw = (generated / wilayah / f"{table}.csv").read_bytes()
            raw.decode("utf-8")  # strict
            assert not raw.startswith(b"\xef\xbb\xbf")
            header = raw.split(b"\n", 1)[0].decode()
            assert header.split(",") == schema.field_names(table), (wilayah, table)
            assert b"\r\n" not in raw


def test_total_size_is_modest(generated: Path) -> None:
    total = sum(len(v) for v in _files(generated).values())
    assert total < 8_000_000, f"{total / 1e6:.1f} MB"


@pytest.mark.parametrize("wilayah", PLACES)
def test_enums_and_ranges_hold(generated: Path, wilayah: str) -> None:
    for table in schema.tables_of(wilayah):
        if table == "penduduk_mentah":
            continue  # deliberately dirty
        df = _read(generated, wilayah, table)
        for f in schema.SCHEMAS[table]["fields"]:
            c = f.get("constraints", {})
            col = df[f["name"]]
            if c.get("required"):
                assert (col != "").all(), (table, f["name"])
            if "enum" in c:
                used = set(col[col != ""])
                assert used <= set(c["enum"]), (table, f["name"], used - set(c["enum"]))
            if "minimum" in c or "maximum" in c:
                num = pd.to_numeric(col[col != ""])
                assert num.min() >= c.get("minimum", -float("inf")), (table, f["name"])
                assert num.max() <= c.get("maximum", float("inf")), (table, f["name"])


@pytest.mark.parametrize("wilayah", PLACES)
def test_households_and_people_agree(generated: Path, wilayah: str) -> None:
    pend = _read(generated, wilayah, "penduduk")
    kel = _read(generated, wilayah, "keluarga")
    assert set(pend["no_kk"]) <= set(kel["no_kk"])
    assert set(kel["no_kk"]) <= set(pend["no_kk"]), "a KK without members"
    counts = pend.groupby("no_kk").size()
    members = kel.set_index("no_kk")["jumlah_anggota"].astype(int)
    assert (counts.reindex(members.index) == members).all()
    # Everyone in a KK lives in the same RT as the KK.
    rt = kel.set_index("no_kk")["rt"]
    assert (pend["rt"] == pend["no_kk"].map(rt)).all()
    # Exactly one head per KK; spouses are married and of the other sex (when the head is married).
    heads = pend[pend["hubungan_keluarga"] == "Kepala keluarga"]
    assert heads["no_kk"].is_unique and len(heads) == len(kel)
    spouses = pend[pend["hubungan_keluarga"] == "Istri/suami"]
    head_of = heads.set_index("no_kk")
    assert (spouses["status_perkawinan"] == "Kawin").all()
    assert (spouses["jenis_kelamin"] != spouses["no_kk"].map(head_of["jenis_kelamin"])).all()
    assert (spouses["no_kk"].map(head_of["status_perkawinan"]) == "Kawin").all()
    # Children are at least 15 years younger than their household head.
    kids = pend[pend["hubungan_keluarga"] == "Anak"]
    gap = kids["no_kk"].map(head_of["umur"].astype(int)) - kids["umur"].astype(int)
    assert gap.min() >= 15


@pytest.mark.parametrize("wilayah", PLACES)
def test_age_agrees_with_birth_date(generated: Path, wilayah: str) -> None:
    pend = _read(generated, wilayah, "penduduk")
    born = pd.to_datetime(pend["tanggal_lahir"], format="%Y-%m-%d")
    expected = REF.year - born.dt.year - ((born.dt.month > REF.month)
                                          | ((born.dt.month == REF.month) & (born.dt.day > REF.day)))
    assert (expected == pend["umur"].astype(int)).all()
    assert (born <= pd.Timestamp(REF)).all()


@pytest.mark.parametrize("wilayah", PLACES)
def test_schooling_marriage_and_work_fit_age(generated: Path, wilayah: str) -> None:
    pend = _read(generated, wilayah, "penduduk")
    age = pend["umur"].astype(int)
    in_school = pend["status_sekolah"] == "Masih sekolah"
    assert ((pend["jenjang_sekolah"] != "") == in_school).all()
    assert (pend.loc[age < 16, "status_perkawinan"] == "Belum kawin").all()
    assert (~in_school | (age >= 4)).all()
    lvl = pend["jenjang_sekolah"]
    assert (age[lvl == "SD/sederajat"].between(6, 16)).all()
    assert (age[lvl == "Perguruan tinggi"] >= 18).all()
    assert (pend.loc[lvl == "SMA/sederajat", "pendidikan_tertinggi"] == "SMP/sederajat").all()
    workers = ~pend["pekerjaan"].isin(["Belum/tidak bekerja", "Pelajar/mahasiswa"])
    assert (age[workers] >= 15).all()
    assert (pend.loc[in_school & (lvl != "PAUD/TK"), "pekerjaan"] == "Pelajar/mahasiswa").all()
    # Some pupils are older than their level's official age, so APK > APM (the lesson needs this).
    for level in ("SD/sederajat", "SMP/sederajat"):
        assert indicators.apk(pend.assign(umur=age), level) > indicators.apm(pend.assign(umur=age), level)
    assert 95 <= indicators.aps(pend.assign(umur=age), 7, 12) <= 100


@pytest.mark.parametrize("wilayah", PLACES)
def test_age_structure_is_a_mild_pyramid(generated: Path, wilayah: str) -> None:
    age = _read(generated, wilayah, "penduduk")["umur"].astype(int)
    share = age.groupby(age // 15).size() / len(age)
    figures = {f.key: f.value for f in PROFILES[wilayah].figures}
    if "persen_umur_0_14" in figures:  # a place generated from its own figures: its share under 15
        assert share[0] > share[4]  # 0-14 > 60-74 (an older place may have more 45-59 than 0-14)
        assert abs(100 * share[0] - figures["persen_umur_0_14"]) <= 2.5
        assert 25 <= indicators.median_age(age) <= 40
    else:
        assert share[0] > share[3] > share[4]  # 0-14 > 45-59 > 60-74
        assert 0.20 <= share[0] <= 0.32
        assert 25 <= indicators.median_age(age) <= 35
    dep = indicators.dependency_ratio(age)
    assert 35 <= dep.total <= 60


@pytest.mark.parametrize("wilayah", PLACES)
def test_balita_come_from_penduduk(generated: Path, wilayah: str) -> None:
    pend = _read(generated, wilayah, "penduduk").set_index("nik")
    bal = _read(generated, wilayah, "balita")
    assert bal["nik"].isin(pend.index).all()
    assert bal["nik"].is_unique
    assert (bal["tanggal_lahir"] == bal["nik"].map(pend["tanggal_lahir"])).all()
    assert (bal["jenis_kelamin"] == bal["nik"].map(pend["jenis_kelamin"])).all()
    assert (bal["rt"] == bal["nik"].map(pend["rt"])).all()
    assert (bal["nik"].map(pend["umur"]).astype(int) < 5).all()
    assert (bal["tanggal_ukur"] >= bal["tanggal_lahir"]).all()
    assert (bal["tanggal_ukur"] <= schema.REFERENCE_DATE).all()
    assert bal["posyandu"].nunique() >= 2
    months = (pd.to_datetime(bal["tanggal_ukur"]) - pd.to_datetime(bal["tanggal_lahir"])).dt.days / 30.4375
    assert (months.astype(int) == bal["umur_bulan"].astype(int)).all()
    z = indicators.height_for_age_z_table(bal.assign(tinggi_cm=bal["tinggi_cm"].astype(float)))
    assert z.notna().all()
    assert -1.2 < z.mean() < 0.0 and 0.7 < z.std() < 1.3


@pytest.mark.parametrize("wilayah", PLACES)
def test_yearly_totals_follow_mutasi(generated: Path, wilayah: str) -> None:
    pend = _read(generated, wilayah, "penduduk")
    tah = _read(generated, wilayah, "penduduk_tahunan").astype(int).set_index("tahun")
    mut = _read(generated, wilayah, "mutasi")
    mut["jumlah"] = mut["jumlah"].astype(int)
    assert list(tah.index) == list(range(2015, 2026))
    assert tah.loc[2025, "jumlah_penduduk"] == len(pend)
    assert tah.loc[2025, "laki_laki"] == (pend["jenis_kelamin"] == "L").sum()
    assert (tah["laki_laki"] + tah["perempuan"] == tah["jumlah_penduduk"]).all()
    sign = mut["jenis_mutasi"].map({"Lahir": 1, "Mati": -1, "Datang": 1, "Pindah": -1})
    year = mut["periode"].str[:4].astype(int) + (mut["periode"].str[5:7].astype(int) >= 7)
    net = (mut["jumlah"] * sign).groupby([year, mut["jenis_kelamin"]]).sum()
    for t in range(2016, 2026):
        assert tah.loc[t, "laki_laki"] - tah.loc[t - 1, "laki_laki"] == net[(t, "L")], t
        assert tah.loc[t, "perempuan"] - tah.loc[t - 1, "perempuan"] == net[(t, "P")], t
    # Full panel: every month x RT x type x sex, no gaps.
    n_rt = pend["rt"].astype(int).max()
    assert len(mut) == mut["periode"].nunique() * n_rt * 4 * 2
    assert not mut.duplicated(["periode", "rt", "jenis_mutasi", "jenis_kelamin"]).any()


def test_kecamatan_table_agrees_with_places(generated: Path) -> None:
    kec = _read(generated, schema.KECAMATAN, "desa_kelurahan").set_index("nama")
    assert len(kec) == 18
    assert (kec["status"] == "Kelurahan").sum() == 4
    assert set(kec.index[kec["status"] == "Kelurahan"]) == {
        "Kandangan Kota", "Kandangan Utara", "Kandangan Barat", "Jambu Hilir"}
    for name, wilayah in GENERATED_IN_KECAMATAN.items():
        pend = _read(generated, wilayah, "penduduk")
        kel = _read(generated, wilayah, "keluarga")
        assert int(kec.loc[name, "jumlah_penduduk"]) == len(pend)
        assert int(kec.loc[name, "jumlah_keluarga"]) == len(kel)
        assert int(kec.loc[name, "jumlah_rt"]) == pend["rt"].astype(int).max()
    assert abs(kec["luas_km2"].astype(float).sum() - 106.71) < 0.005


def test_ampunku_only_in_kandangan_utara(generated: Path) -> None:
    amp = _read(generated, "kandangan_utara", "ampunku")
    assert len(amp) > 300
    assert amp["id_perjalanan"].is_unique
    assert (amp["tanggal"] <= schema.REFERENCE_DATE).all()
    far = amp[amp["tujuan"] == "RSUD"]["jarak_km"].astype(float).mean()
    near = amp[amp["tujuan"] == "Puskesmas"]["jarak_km"].astype(float).mean()
    assert far > near
    for other in PLACES[1:]:
        assert not (generated / other / "ampunku.csv").exists()


@pytest.mark.parametrize("wilayah", PLACES)
def test_sumber_banding_shows_the_two_gaps(generated: Path, wilayah: str) -> None:
    sb = _read(generated, wilayah, "sumber_banding")
    sb["nilai"] = sb["nilai"].astype(float)
    stunt = sb[sb["indikator"] == "Prevalensi stunting balita"]
    posy = stunt[stunt["sumber"].str.startswith("Posyandu")]
    survey = stunt[stunt["sumber"].str.startswith("Survei")]
    assert len(posy) >= 3 and len(survey) >= 3
    # the district survey is far above the posyandu records (3 times for the built-in places; a place
    # generated with a higher stunting figure keeps a gap of more than 2 times)
    ratio = 2 if any(f.key == "stunting" for f in PROFILES[wilayah].figures) else 3
    assert survey["nilai"].min() > ratio * posy["nilai"].max()
    assert survey.loc[survey["tahun"] == "2021", "nilai"].item() == 29.1
    bal = _read(generated, wilayah, "balita")
    z = indicators.height_for_age_z_table(bal.assign(tinggi_cm=bal["tinggi_cm"].astype(float)))
    assert posy.loc[posy["tahun"] == "2025", "nilai"].item() == round(indicators.stunting_prevalence(z), 1)
    pop = sb[sb["indikator"] == "Jumlah penduduk"].set_index("sumber")["nilai"]
    registry = pop[pop.index.str.startswith("Registrasi")].item()
    census = pop[pop.index.str.startswith("Pencacahan")].item()
    assert census == len(_read(generated, wilayah, "penduduk"))
    assert registry > census  # movers still on the family card (double counting)


# ---------------------------------------------------------------------------------------------
# the dirty copy and its answer key


@pytest.fixture(scope="module", params=PLACES)
def dirty(request: pytest.FixtureRequest, generated: Path) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    w = request.param
    key = json.loads((generated / w / "penduduk_mentah_cacat.json").read_text(encoding="utf-8"))
    return _read(generated, w, "penduduk_mentah"), _read(generated, w, "penduduk"), key


def test_answer_key_counts_exact_duplicates(dirty) -> None:
    raw, clean, key = dirty
    assert raw.duplicated().sum() == key["duplikat_persis"]["jumlah"] > 0
    assert sorted(raw.loc[raw.duplicated(), "nik"]) == key["duplikat_persis"]["nik"]
    assert len(raw) == key["_ringkasan"]["baris_mentah"] == len(clean) + key["_ringkasan"]["baris_tambahan"]


def test_answer_key_counts_near_duplicates(dirty) -> None:
    raw, _, key = dirty
    dedup = raw.drop_duplicates()
    near = dedup[dedup["nik"].duplicated()]
    assert sorted(near["nik"]) == key["hampir_duplikat"]["nik"]
    assert len(near) == key["hampir_duplikat"]["jumlah"] > 0


def test_answer_key_counts_spelling_variants(dirty) -> None:
    raw, _, key = dirty
    first = raw.drop_duplicates().drop_duplicates("nik")
    bad_sex = first[~first["jenis_kelamin"].isin(["L", "P", ""])]
    assert sorted(bad_sex["nik"]) == key["ejaan_jenis_kelamin"]["nik"]
    bad_kawin = first[~first["status_perkawinan"].isin(schema.STATUS_PERKAWINAN)]
    assert sorted(bad_kawin["nik"]) == key["ejaan_status_perkawinan"]["nik"]
    values = set(raw["jenis_kelamin"])
    assert {"laki-laki", "Lk", "l"} <= values
    assert {"KAWIN", "kawin "} <= set(raw["status_perkawinan"])


def test_answer_key_counts_impossible_values(dirty) -> None:
    raw, _, key = dirty
    first = raw.drop_duplicates().drop_duplicates("nik")
    umur = pd.to_numeric(first["umur"])
    assert sorted(first.loc[umur < 0, "nik"]) == key["umur_negatif"]["nik"]
    assert sorted(first.loc[umur > 110, "nik"]) == key["umur_150"]["nik"]
    parsed = pd.to_datetime(first["tanggal_lahir"], format="%Y-%m-%d", errors="coerce")
    not_a_date = first[(first["tanggal_lahir"] != "") & parsed.isna()]
    assert sorted(not_a_date["nik"]) == key["tanggal_tidak_ada"]["nik"]
    assert all(d.endswith("-02-30") for d in not_a_date["tanggal_lahir"])
    future = first[parsed > pd.Timestamp(REF)]
    assert sorted(future["nik"]) == key["lahir_setelah_tanggal_rujukan"]["nik"]


def test_answer_key_counts_missing_cells(dirty) -> None:
    raw, _, key = dirty
    first = raw.drop_duplicates().drop_duplicates("nik")
    per_col = key["nilai_kosong"]["per_kolom"]
    for col in schema.field_names("penduduk_mentah"):
        empty = sorted(first.loc[first[col] == "", "nik"])
        if col == "jenjang_sekolah":
            continue  # legitimately empty for people not in school
        assert empty == per_col.get(col, {"nik": []})["nik"], col


def test_age_heaping_is_visible_only_in_the_dirty_copy(dirty) -> None:
    raw, clean, key = dirty
    first = raw.drop_duplicates().drop_duplicates("nik")
    ages = pd.to_numeric(first["umur"])
    ages = ages[(ages >= 0) & (ages <= 110)]
    assert indicators.whipple_index(ages) > 110
    assert indicators.whipple_index(clean["umur"].astype(int)) < 110
    summary = key["_ringkasan"]
    assert summary["indeks_whipple_mentah"] == round(indicators.whipple_index(ages), 1)
    assert summary["indeks_whipple_bersih"] == round(indicators.whipple_index(clean["umur"].astype(int)), 1)
    assert key["umur_menumpuk"]["jumlah"] > 50
    heaped = first[first["nik"].isin(key["umur_menumpuk"]["nik"])]
    assert (pd.to_numeric(heaped["umur"]) % 5 == 0).all()
