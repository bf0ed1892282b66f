"""Fast checks of the questions of modules 5–8 that add comparators of their own (real pandas objects, no
nbgrader): month labels, SIRUSA metadata, small-number intervals (charts: ``test_figures.py``)."""

from __future__ import annotations

from cantik import indicators as ind
from cantik.checks import periksa
from cantik.checks.modul8 import CONTOH_METADATA
from cantik.data import load


def test_trips_per_month_accept_any_month_label() -> None:
    tanggal = load("ampunku")["tanggal"]
    per_periode = tanggal.dt.to_period("M").value_counts()
    assert periksa("7b", per_periode).benar
    assert periksa("7b", tanggal.to_frame().set_index("tanggal").resample("ME").size()).benar
    assert periksa("7b", tanggal.dt.strftime("%Y-%m").value_counts().to_dict()).benar
    assert "nomor bulan" in periksa("7b", tanggal.dt.month.value_counts()).pesan
    # months named as a learner's strftime or a two-level groupby writes them (before: "kelompok berbeda")
    for fmt in ("%b %Y", "%B %Y", "%m/%Y"):
        assert periksa("7b", tanggal.groupby(tanggal.dt.strftime(fmt)).size()).benar, fmt
    assert periksa("7b", tanggal.groupby([tanggal.dt.year, tanggal.dt.month]).size()).benar
    assert not periksa("7b", per_periode + 1).benar


def test_metadata_keys_are_read_leniently_and_fields_are_checked_for_content() -> None:
    ok = {k.replace("_", " ").title(): v for k, v in CONTOH_METADATA.items()}
    assert periksa("8f", ok).benar
    assert periksa("8f", {**ok, "Sumber Data": "Data latihan buatan komputer"}).benar
    assert "SINTETIS" in periksa("8f", {**ok, "Sumber Data": "BPS Kab. Hulu Sungai Selatan"}).pesan
    assert "belum ada: rumus" in periksa("8f", {k: v for k, v in ok.items() if k != "Rumus"}).pesan
    for placeholder in (" ", "...", "-", "isi di sini", "…"):
        assert "masih kosong" in periksa("8f", {**ok, "Definisi": placeholder}).pesan, placeholder
    assert "terlalu singkat" in periksa("8f", {**ok, "Interpretasi": "naik"}).pesan
    assert "bagian-bagiannya" in periksa("8f", {**ok, "Rumus": "rumus BPS yang biasa"}).pesan
    assert periksa("8f", {**ok, "Rumus": "miskin / penduduk x 100"}).benar
    assert "satuannya" in periksa("8f", {**ok, "Satuan": "angka"}).pesan
    assert "dict" in periksa("8f", ["nama", "konsep"]).pesan
    two = periksa("8f", {**ok, "Satuan": "angka", "Periodisasi": "rutin"})
    assert "2 hal" in two.pesan or "dua hal" in two.pesan
    assert set(two.kode) == {"8f/satuan-tanpa-satuan", "8f/periodisasi-tanpa-waktu"}


def test_wilson_interval_question_rejects_the_wald_formula() -> None:
    z = ind.height_for_age_z_table(load("balita"))
    rt = load("balita")["rt"]
    prev = z.groupby(rt).apply(ind.stunting_prevalence)
    zz = z[rt == prev.idxmax()]
    x, n = int((zz < -2).sum()), len(zz)
    r = ind.proportion_interval(x, n)
    assert periksa("6f", [r.lower, r.upper]).benar
    assert periksa("6f", {"atas": r.upper, "bawah": r.lower}).benar
    p = x / n
    se = (p * (1 - p) / n) ** 0.5
    assert "p ± 1,96" in periksa("6f", [(p - 1.96 * se) * 100, (p + 1.96 * se) * 100]).pesan
    assert "pecahan" in periksa("6f", [r.lower / 100, r.upper / 100]).pesan


def test_poverty_questions_tell_households_from_persons() -> None:
    keluarga = load("keluarga")
    gk = ind.poverty_line(490_389, 153_718)
    miskin = keluarga[keluarga["pengeluaran_per_kapita"] < gk]
    semua = int(keluarga["jumlah_anggota"].sum())
    orang = {"pembilang": int(miskin["jumlah_anggota"].sum()), "penyebut": semua}
    assert periksa("5b", ind.poverty_indices(keluarga, gk, weights="jumlah_anggota").p0, orang).benar
    assert "KELUARGA, bukan ORANG" in periksa("5b", ind.poverty_indices(keluarga, gk).p0, orang).pesan
    keluarga_saja = {"pembilang": len(miskin), "penyebut": len(keluarga)}
    assert "Itu banyaknya KELUARGA miskin" in periksa("5b", 0.0, keluarga_saja).pesan
    celah = (gk - miskin["pengeluaran_per_kapita"]) / gk
    jarak = {"pembilang": float((miskin["jumlah_anggota"] * celah).sum()), "penyebut": semua}
    assert "KELUARGA, bukan ORANG" in periksa("5d", ind.poverty_indices(keluarga, gk).p1, jarak).pesan
    assert periksa("5i", ["p2", "P1"]).benar and "P0 TURUN" in periksa("5i", ["P0", "P1", "P2"]).pesan


def test_multiple_choice_and_short_text_are_read_leniently() -> None:
    """What a lenient trainer accepts is accepted; strict only where a question says so."""
    from cantik.checks.compare import banding_pilihan, banding_teks
    from cantik.checks.modul6 import PILIHAN_6H_TEKS

    b = PILIHAN_6H_TEKS["B"]
    for answer in ("B", "b", " (B) ", "Pilihan B", "B. …", "b) Data ini", b, b.rstrip(".").upper(),
                   f"{b} (B)"):
        assert periksa("6h", answer).benar, answer
    for answer in ("diagram garis (B)", "Diagram garis", "diagram garis.", "Jawaban: B"):
        assert periksa("7a", answer).benar, answer
    assert "lebih dari satu" in periksa("7a", "A dan B").pesan
    assert "Pilihan D tidak ada" in periksa("7a", "D").pesan
    assert not banding_pilihan({"A": "ya", "B": "tidak"}, ketat=True)("Pilihan B", "B").benar
    terpadat = (load("desa_kelurahan").set_index("nama").eval("jumlah_penduduk / luas_km2")).idxmax()
    for answer in (f"Kelurahan {terpadat}", f"{terpadat.lower()}.", f"  {terpadat.upper()} "):
        assert periksa("3e", answer).benar, answer
    assert not banding_teks(ketat=True)(f"Kelurahan {terpadat}", terpadat).benar
    for answer in ("P1 dan P2", {"P2", "p1"}, ["indeks kedalaman kemiskinan", "keparahan"]):
        assert periksa("5i", answer).benar, answer
    aps = load("penduduk").groupby("rt").apply(lambda d: ind.aps(d, 16, 18))
    assert periksa("4h", [f"RT {k}" for k in aps[aps == aps.min()].index]).benar
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    tunggu = load("ampunku")["waktu_tunggu_menit"]
    fig, ax = plt.subplots()
    ax.hist(tunggu, bins=15)
    ax.set(title="Waktu tunggu AMPUNKU", xlabel="Waktu tunggu (mnt)", ylabel="Perjalanan")
    assert periksa("7f", fig).benar
