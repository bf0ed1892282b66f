"""Questions of module 3, *Pertumbuhan, mutasi & kepadatan* (ids ``3a``–``3i``, ``3k``–``3m``)."""

from __future__ import annotations

import math
from typing import Any

from cantik.checks._data import deret, tabel
from cantik.checks._data import ind as _ind
from cantik.checks.compare import banding_angka, banding_deret, banding_pilihan, banding_teks
from cantik.checks.core import Salah, Soal, daftar
from cantik.checks.formula import Bagian

#: The three Kelurahan/Desa Cantik of Kab. Hulu Sungai Selatan compared in question 3f.
TIGA_WILAYAH = ["kandangan_utara", "taluk_haur", "gambah_luar"]
#: Published P0 of Kab. HSS (approx., reported by the press), used in questions 3g and 3h.
P0_2022, P0_2023 = 4.54, 4.01


def _p(tahun: int, wilayah: str | None = None) -> int:
    t = tabel("penduduk_tahunan", wilayah)
    return int(t.loc[t["tahun"] == tahun, "jumlah_penduduk"].iloc[0])


def _laju() -> float:
    return _ind().growth_rate_geometric(_p(2015), _p(2025), 10)


def _desa() -> Any:
    return tabel("desa_kelurahan").set_index("nama")


def _kepadatan() -> Any:
    d = _desa()
    return _ind().density(d["jumlah_penduduk"], d["luas_km2"])


def _mutasi_2024() -> Any:
    m = tabel("mutasi")
    m = m[m["periode"].dt.year == 2024]
    return m.groupby("jenis_mutasi", observed=False)["jumlah"].sum()


def _pertambahan_2024() -> int:
    s = _mutasi_2024()
    return int(s["Lahir"] - s["Mati"] + s["Datang"] - s["Pindah"])


#: Years compared in the base-effect questions 3k and 3l (deaths per RT from the mutasi table).
TAHUN_DASAR = (2023, 2024)


def _mati_rt() -> Any:
    """Deaths per RT (rows) and calendar year (columns) from ``mutasi``."""
    m = tabel("mutasi")
    m = m[m["jenis_mutasi"] == "Mati"]
    t = m.groupby([m["rt"], m["periode"].dt.year])["jumlah"].sum().unstack(fill_value=0)
    return t[list(TAHUN_DASAR)]


def fakta_rt_dasar() -> tuple[int, int, int]:
    """The RT whose deaths rose by the largest percentage (from at least one death): (RT, before, after)."""
    t = _mati_rt()
    a, b = TAHUN_DASAR
    t = t[t[a] > 0]
    naik = (t[b] - t[a]) / t[a]
    rt = int(naik.idxmax())
    return rt, int(t.loc[rt, a]), int(t.loc[rt, b])


def fakta_mati_kelurahan() -> tuple[int, int]:
    """Deaths in the whole kelurahan in the two years of :data:`TAHUN_DASAR`."""
    t = _mati_rt().sum()
    return int(t.iloc[0]), int(t.iloc[1])


def fakta_korelasi_luas_penduduk() -> float:
    """Correlation between area and population of the 18 desa/kelurahan of Kec. Kandangan."""
    d = tabel("desa_kelurahan")
    return float(d["luas_km2"].corr(d["jumlah_penduduk"]))


def fakta_registrasi() -> tuple[int, int, int, int]:
    """(people on the KK register, people counted in the field, movers still listed, newcomers not listed)."""
    reg, pend = tabel("registrasi_kk"), tabel("penduduk")
    return (len(reg), len(pend), int((~reg["nik"].isin(pend["nik"])).sum()),
            int((~pend["nik"].isin(reg["nik"])).sum()))


def pilihan_3l() -> dict[str, str]:
    """The options of question 3l, with the numbers of the data (the notebook shows the same text)."""
    from cantik.authoring.numbers import angka

    nomor, a, b = fakta_rt_dasar()
    rt = angka(nomor)
    ka, kb = fakta_mati_kelurahan()
    naik = angka((b - a) / a * 100)
    return {
        "A": f"Kematian di RT {rt} melonjak {naik}%, jadi RT {rt} perlu segera ditetapkan sebagai daerah "
             f"rawan.",
        "B": f"Kematian di RT {rt} bertambah {angka(b - a)} orang (dari {angka(a)} menjadi {angka(b)}). "
             f"Dengan "
             "angka sekecil ini persen yang besar bisa terjadi karena kebetulan, dan di seluruh kelurahan "
             f"kematian justru turun dari {angka(ka)} menjadi {angka(kb)}. Pantau beberapa tahun dan cari "
             f"tahu "
             "penyebabnya sebelum menyimpulkan.",
        "C": f"Kematian di seluruh kelurahan naik {naik}% karena RT {rt} naik {naik}%.",
    }


PESAN_PERSEN_POIN = ("Itu perubahan persen (relatif terhadap angka awal). Yang diminta selisih dalam POIN "
                     "persen: "
                     "angka akhir dikurangi angka awal.")
PESAN_POIN_PERSEN = ("Itu selisih dalam poin persen. Yang diminta perubahan PERSEN: selisih dibagi angka "
                     "awal, "
                     "dikali 100.")

daftar(
    Soal(
        "3a",
        harapan=_laju,
        banding=banding_angka(desimal=2, persen=True),
        bagian=[
            Bagian("p_awal", "jumlah penduduk awal periode (tahun 2015)", lambda: _p(2015),
                   [("Itu penduduk 2025: awal dan akhir tertukar.", lambda: _p(2025))]),
            Bagian("p_akhir", "jumlah penduduk akhir periode (tahun 2025)", lambda: _p(2025),
                   [("Itu penduduk 2015: awal dan akhir tertukar.", lambda: _p(2015))]),
            Bagian("t", "lamanya periode dalam tahun (2025 − 2015)", lambda: 10,
                   [("Dari 2015 ke 2025 lamanya 10 tahun, bukan 11: t adalah selisih tahun.", lambda: 11)]),
        ],
        hitung_sendiri=("laju_pertumbuhan_geometrik",),
        rumus="((P_akhir / P_awal)^(1/t) − 1) × 100",
        salah=[
            Salah("Dari 2015 ke 2025 lamanya 10 tahun, bukan 11. t adalah selisih tahun.",
                  nilai=lambda: _ind().growth_rate_geometric(_p(2015), _p(2025), 11)),
            Salah("Anda membagi perubahan persen selama 10 tahun dengan 10 (cara aritmetik). BPS memakai "
                  "rumus "
                  "geometrik: r = (Pt / P0)^(1/t) − 1.",
                  nilai=lambda: (_p(2025) / _p(2015) - 1) * 100 / 10),
            Salah("Itu perubahan selama 10 tahun sekaligus. Yang diminta laju PER TAHUN.",
                  nilai=lambda: (_p(2025) / _p(2015) - 1) * 100),
        ],
        petunjuk=["Ambil penduduk 2015 dan 2025: `p2015 = penduduk_per_tahun[2015]`, begitu juga 2025.",
                  "Rumus geometrik: r = (Pt / P0)^(1/t) − 1, dengan t = 10 tahun; kalikan 100 supaya persen.",
                  "Pangkat di Python ditulis `**`: `((p2025 / p2015) ** (1 / t) - 1) * 100`."],
    ),
    Soal(
        "3b",
        harapan=lambda: _ind().growth_rate_exponential(_p(2015), _p(2025), 10),
        banding=banding_angka(desimal=2, persen=True),
        hitung_sendiri=("laju_pertumbuhan_eksponensial",),
        rumus="ln(P_akhir / P_awal) / t × 100",
        salah=[
            Salah("Itu laju geometrik. Rumus eksponensial: r = ln(Pt / P0) / t.", nilai=_laju),
            Salah("Anda belum membagi dengan t = 10 tahun: r = ln(Pt / P0) / t.",
                  nilai=lambda: math.log(_p(2025) / _p(2015)) * 100),
        ],
        petunjuk=["Rumus eksponensial: r = ln(Pt / P0) / t (kalikan 100 supaya persen).",
                  "`import math`, lalu `math.log(p2025 / p2015) / 10 * 100`."],
    ),
    Soal(
        "3c",
        harapan=lambda: _ind().project_population(_p(2025), _laju(), 5),
        banding=banding_angka(desimal=None, toleransi=2),
        salah=[
            Salah("Anda menambah pertumbuhan secara linear (P × (1 + r × t)). Rumus geometrik memakai "
                  "pangkat: "
                  "P × (1 + r)^t.", nilai=lambda: _p(2025) * (1 + _laju() / 100 * 5)),
            Salah("r harus dalam bentuk desimal di rumus: 1,5% ditulis 0,015 (bagi dengan 100).",
                  nilai=lambda: _p(2025) * (1 + _laju()) ** 5),
            Salah("Proyeksi 2030 berangkat dari penduduk 2025 dengan t = 5 tahun, bukan dari 2015.",
                  nilai=lambda: _ind().project_population(_p(2015), _laju(), 15)),
        ],
        petunjuk=["Mulai dari penduduk 2025 dan laju geometrik soal 3a.",
                  "P2030 = P2025 × (1 + r)^5, dengan r dalam desimal (persen / 100).",
                  "Atau: `ind.proyeksi_penduduk(p2025, laju_geometrik, 5)`."],
    ),
    Soal(
        "3d",
        harapan=lambda: deret(_kepadatan()),
        banding=banding_deret(desimal=0),
        bentuk="deret",
        hitung_sendiri=("kepadatan",),
        rumus="jumlah penduduk / luas wilayah",
        salah=[
            Salah("Anda membagi luas dengan jumlah penduduk. Kepadatan = jumlah penduduk / luas (jiwa per "
                  "km²).",
                  nilai=lambda: deret(_desa()["luas_km2"] / _desa()["jumlah_penduduk"])),
        ],
        petunjuk=["Kepadatan = jumlah penduduk / luas wilayah (km²).",
                  "Jadikan kolom `nama` sebagai indeks: `desa = desa.set_index(\"nama\")`.",
                  "Bagi satu kolom dengan kolom lain: `desa[\"jumlah_penduduk\"] / desa[\"luas_km2\"]`."],
    ),
    Soal(
        "3e",
        harapan=lambda: str(_kepadatan().idxmax()),
        banding=banding_teks(),
        bentuk="teks",
        salah=[
            Salah("Itu desa/kelurahan dengan penduduk TERBANYAK. Yang terpadat dilihat dari penduduk per "
                  "km²: "
                  "wilayah kecil dengan penduduk sedang bisa lebih padat.",
                  nilai=lambda: str(_desa()["jumlah_penduduk"].idxmax())),
            Salah("Itu yang paling TIDAK padat. Cari nilai kepadatan terbesar (`idxmax`).",
                  nilai=lambda: str(_kepadatan().idxmin())),
        ],
        petunjuk=["Pakai hasil soal 3d.", "`kepadatan.idxmax()` memberi nama dengan nilai terbesar."],
    ),
    Soal(
        "3f",
        harapan=lambda: deret(_series_tiga()),
        banding=banding_deret(desimal=2),
        bentuk="deret",
        salah=[
            Salah("Itu jumlah penduduk yang bertambah (orang), bukan laju (persen per tahun). Wilayah yang "
                  "penduduknya banyak cenderung bertambah lebih banyak orang; laju memungkinkan perbandingan "
                  "yang adil.",
                  nilai=lambda: deret(_series_tiga(lambda w: _p(2025, w) - _p(2015, w)))),
        ],
        petunjuk=["Ulangi hitungan soal 3a untuk setiap wilayah: `load(\"penduduk_tahunan\", wilayah=...)`.",
                  "Simpan dalam dict: `{\"kandangan_utara\": ..., \"taluk_haur\": ..., \"gambah_luar\": "
                  "...}`."],
    ),
    Soal(
        "3g",
        harapan=lambda: _ind().percentage_point_change(P0_2022, P0_2023),
        banding=banding_angka(desimal=2),
        hitung_sendiri=("perubahan_poin_persen",),
        rumus="angka akhir − angka awal",
        salah=[
            Salah(PESAN_PERSEN_POIN, nilai=lambda: _ind().percent_change(P0_2022, P0_2023)),
            Salah("Periksa tandanya: angkanya turun, jadi perubahannya negatif (akhir − awal).",
                  nilai=lambda: -_ind().percentage_point_change(P0_2022, P0_2023)),
        ],
        petunjuk=["Selisih poin persen = angka akhir − angka awal (keduanya sudah dalam persen).",
                  "`perubahan_poin = 4.01 - 4.54`."],
    ),
    Soal(
        "3h",
        harapan=lambda: _ind().percent_change(P0_2022, P0_2023),
        banding=banding_angka(desimal=1),
        bagian=[
            Bagian("pembilang", "selisihnya: angka akhir − angka awal", lambda: P0_2023 - P0_2022,
                   [("Periksa tandanya: angka akhir dikurangi angka awal (hasilnya negatif bila turun).",
                     lambda: P0_2022 - P0_2023)]),
            Bagian("penyebut", "angka AWAL (2022)", lambda: P0_2022,
                   [("Itu angka akhir (2023); perubahan persen dibagi angka awal.", lambda: P0_2023)]),
        ],
        hitung_sendiri=("perubahan_persen",),
        rumus="(akhir − awal) / awal × 100",
        salah=[
            Salah(PESAN_POIN_PERSEN, nilai=lambda: _ind().percentage_point_change(P0_2022, P0_2023)),
            Salah("Pembaginya angka AWAL (2022), bukan angka akhir.",
                  nilai=lambda: (P0_2023 - P0_2022) / P0_2023 * 100),
        ],
        petunjuk=["Perubahan persen = (akhir − awal) / awal × 100.",
                  "Pembilang: `4.01 - 4.54`; penyebut: `4.54`."],
    ),
    Soal(
        "3i",
        harapan=_pertambahan_2024,
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Anda menjumlahkan semua peristiwa. Kematian dan pindah MENGURANGI penduduk: "
                  "lahir − mati + datang − pindah.", nilai=lambda: int(_mutasi_2024().sum())),
            Salah("Itu baru pertambahan alami (lahir − mati). Tambahkan migrasi neto (datang − pindah).",
                  nilai=lambda: int(_mutasi_2024()["Lahir"] - _mutasi_2024()["Mati"])),
        ],
        petunjuk=["Pilih baris tahun 2024: `mutasi[mutasi[\"periode\"].dt.year == 2024]`.",
                  "Jumlahkan per jenis mutasi dengan `groupby(\"jenis_mutasi\")[\"jumlah\"].sum()`.",
                  "Pertambahan = lahir − mati + datang − pindah."],
    ),
    Soal(
        "3k",
        harapan=lambda: _ind().percent_change(*fakta_rt_dasar()[1:]),
        banding=banding_angka(desimal=1),
        salah=[
            Salah("Itu tambahan dalam orang. Yang diminta perubahan persen: selisih / angka awal × 100.",
                  nilai=lambda: fakta_rt_dasar()[2] - fakta_rt_dasar()[1]),
            Salah("Pembaginya angka AWAL (tahun sebelumnya), bukan angka akhir.",
                  nilai=lambda: (fakta_rt_dasar()[2] - fakta_rt_dasar()[1]) / fakta_rt_dasar()[2] * 100),
            Salah("Itu perubahan kematian di seluruh kelurahan. Soal ini tentang satu RT saja.",
                  nilai=lambda: _ind().percent_change(*fakta_mati_kelurahan())),
        ],
        petunjuk=["Ambil banyaknya kematian RT itu pada kedua tahun dari tabel di atas.",
                  "Perubahan persen = (akhir − awal) / awal × 100."],
    ),
    Soal(
        "3l",
        harapan=lambda: "B",
        banding=lambda j, e: banding_pilihan(pilihan_3l())(j, e),
        bentuk="teks",
        salah=[
            Salah("Hati-hati dengan angka dasar kecil: dari sedikit kejadian, satu atau dua orang saja sudah "
                  "membuat persennya melonjak. Sebutkan juga jumlah orangnya.", nilai=lambda: "A"),
            Salah("Satu RT tidak mewakili seluruh kelurahan: di tingkat kelurahan kematian justru turun. "
                  "Persen kenaikan satu RT tidak bisa dipindahkan ke kelurahan.", nilai=lambda: "C"),
        ],
        petunjuk=["Bandingkan persen dengan jumlah orangnya: berapa orang tambahan di balik persen itu?",
                  "Lihat juga angka seluruh kelurahan."],
    ),
    Soal(
        "3m",
        harapan=lambda: fakta_registrasi()[2],
        banding=banding_angka(desimal=0),
        salah=[
            Salah("Itu selisih bersih (daftar KK − pencacahan). Selisih bersih menyembunyikan dua arah: ada "
                  "yang "
                  "sudah pindah tetapi masih tercatat di KK, dan ada pendatang yang belum tercatat. Hitung "
                  "NIK di "
                  "daftar KK yang tidak ditemukan di tabel penduduk.",
                  nilai=lambda: fakta_registrasi()[0] - fakta_registrasi()[1]),
            Salah("Itu arah sebaliknya: penduduk yang tinggal di kelurahan tetapi belum tercatat di KK. Yang "
                  "diminta orang di daftar KK yang tidak ditemukan saat pencacahan.",
                  nilai=lambda: fakta_registrasi()[3]),
            Salah("Itu banyaknya orang di daftar KK. Yang diminta hanya yang tidak ditemukan di tabel "
                  "penduduk.",
                  nilai=lambda: fakta_registrasi()[0]),
        ],
        petunjuk=["Setiap orang punya NIK. Orang yang sudah pindah ada di `registrasi` tetapi tidak di "
                  "`penduduk`.",
                  "`registrasi[\"nik\"].isin(penduduk[\"nik\"])` bernilai True bila NIK-nya ditemukan.",
                  "Tanda `~` membalik True/False; jumlahkan dengan `.sum()`."],
    ),
)


def _series_tiga(f: Any = None) -> Any:
    import pandas as pd

    f = f or (lambda w: _ind().growth_rate_geometric(_p(2015, w), _p(2025, w), 10))
    return pd.Series({w: f(w) for w in TIGA_WILAYAH})
