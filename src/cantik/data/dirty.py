"""The dirty teaching copy ``penduduk_mentah`` for the cleaning lesson: spelling variants, stray spaces,
age heaping and duplicates added to a copy of ``penduduk``, with an answer key. All SYNTHETIC."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from cantik.data import schema
from cantik.data.people import REF

# --------------------------------------------------------------------------------------------------
# the dirty copy for the cleaning lesson

_SEX_VARIANTS = {"L": ["laki-laki", "Lk", "l", "LAKI-LAKI", "Laki"],
                 "P": ["perempuan", "Pr", "p", "PEREMPUAN",
                                                                          "Wanita"]}
_KAWIN_VARIANTS = {"Kawin": ["KAWIN", "kawin ", "kawin", " Kawin"],
                   "Belum kawin": ["BELUM KAWIN", "belum kawin", "Belum Kawin", "blm kawin"],
                   "Cerai mati": ["CERAI MATI", "cerai mati", "Janda/duda mati"],
                   "Cerai hidup": ["CERAI HIDUP", "cerai hidup "]}
#: Share of adults (23+) whose age in the dirty copy is rounded to the nearest 0 or 5 (age heaping).
HEAPING_SHARE = 0.11


def _whipple(ages: Iterable[int]) -> float:
    """Whipple's index (via :func:`cantik.indicators.whipple_index`), rounded to 0.1."""
    from cantik import indicators

    return round(float(indicators.whipple_index(list(ages))), 1)


def dirty_copy(rng: np.random.Generator, penduduk: list[dict[str, Any]]) -> tuple[list[dict], dict[str, Any]]:
    """A dirty copy of ``penduduk`` and its answer key (every injected defect, with counts and NIKs)."""
    rows = [{k: str(v) for k, v in p.items()} for p in penduduk]
    n = len(rows)
    perm = [int(i) for i in rng.permutation(n)]
    take = iter(perm)

    def pick(k: int, cond=lambda r: True) -> list[int]:
        out: list[int] = []
        for i in take:
            if cond(rows[i]):
                out.append(i)
                if len(out) == k:
                    break
        return out

    key: dict[str, Any] = {}

    def note(name: str, desc: str, idx: list[int], **extra: Any) -> None:
        key[name] = {"keterangan": desc, "jumlah": len(idx), "nik": sorted(rows[i]["nik"] for i in idx),
                     **extra}

    # Age heaping first (rows stay otherwise clean): age rounded to 0/5, birth date set to 31 December.
    heap = []
    for i in range(n):
        a = int(rows[i]["umur"])
        if a >= 23 and a % 5 and rng.random() < HEAPING_SHARE:
            a2 = int(5 * round(a / 5))
            rows[i]["umur"] = str(a2)
            rows[i]["tanggal_lahir"] = f"{REF.year - a2 - 1}-12-31"
            heap.append(i)
    heap_set = set(heap)
    take = iter([i for i in perm if i not in heap_set])
    note("umur_menumpuk", "Umur dibulatkan ke angka berakhiran 0 atau 5 (tanggal lahir diisi 31 Desember).",
         heap)

    sex_idx = pick(60)
    for j, i in enumerate(sex_idx):
        v = rows[i]["jenis_kelamin"]
        rows[i]["jenis_kelamin"] = _SEX_VARIANTS[v][j % len(_SEX_VARIANTS[v])]
    note("ejaan_jenis_kelamin", "Jenis kelamin ditulis tidak baku (mis. 'laki-laki', 'Lk', 'l', 'Wanita').",
         sex_idx)
    kawin_idx = pick(70)
    for j, i in enumerate(kawin_idx):
        v = rows[i]["status_perkawinan"]
        rows[i]["status_perkawinan"] = _KAWIN_VARIANTS[v][j % len(_KAWIN_VARIANTS[v])]
    note("ejaan_status_perkawinan",
         "Status perkawinan ditulis tidak baku (mis. 'KAWIN', 'kawin ' dengan spasi, 'blm kawin').",
         kawin_idx)
    neg = pick(3)
    for i in neg:
        rows[i]["umur"] = "-1"
    note("umur_negatif", "Umur -1 (mustahil).", neg)
    old = pick(3)
    for i in old:
        rows[i]["umur"] = "150"
    note("umur_150", "Umur 150 tahun (mustahil).", old)
    bad_date = pick(3)
    for i in bad_date:
        rows[i]["tanggal_lahir"] = rows[i]["tanggal_lahir"][:4] + "-02-30"
    note("tanggal_tidak_ada", "Tanggal lahir yang tidak ada di kalender (30 Februari).", bad_date)
    future = pick(3)
    for j, i in enumerate(future):
        rows[i]["tanggal_lahir"] = ["2025-09-14", "2026-01-03", "2025-11-21"][j]
    note("lahir_setelah_tanggal_rujukan",
         f"Tanggal lahir sesudah tanggal rujukan {schema.REFERENCE_DATE}.", future)
    missing: dict[str, list[int]] = {}
    for col, k in [("jenis_kelamin", 18), ("tanggal_lahir", 12), ("pendidikan_tertinggi", 30),
                   ("pekerjaan", 25), ("rt", 8)]:
        idx = pick(k)
        for i in idx:
            rows[i][col] = ""
        missing[col] = idx
    key["nilai_kosong"] = {"keterangan": "Sel kosong (nilai hilang), per kolom.",
                           "jumlah": sum(len(v) for v in missing.values()),
                           "per_kolom": {c: {"jumlah": len(v), "nik": sorted(rows[i]["nik"] for i in v)}
                                         for c, v in missing.items()}}
    # Near-duplicates: the same person entered again with small differences (spelling, spaces, RT typo).
    near_src = pick(15)
    near_rows = []
    for j, i in enumerate(near_src):
        r = dict(rows[i])
        if j % 3 == 0:
            r["jenis_kelamin"] = _SEX_VARIANTS.get(r["jenis_kelamin"], [r["jenis_kelamin"]])[0]
        elif j % 3 == 1:
            r["pekerjaan"] = r["pekerjaan"].upper() + " "
        else:
            r["rt"] = r["rt"] + "0" if r["rt"] else "1"
        near_rows.append(r)
    note("hampir_duplikat",
         "Orang yang sama dicatat dua kali dengan NIK sama tetapi sedikit beda (ejaan, spasi, RT salah "
         "ketik).",
         near_src)
    dup_src = pick(25)
    dup_rows = [dict(rows[i]) for i in dup_src]
    note("duplikat_persis", "Baris yang tercatat dua kali persis sama.", dup_src)
    # Scatter the extra rows through the file so they are not all at the end.
    extra = dup_rows + near_rows
    # Each copy is entered later than its original: after a random row at or below the original.
    after: dict[int, list[dict[str, str]]] = {}
    for src, r in zip(dup_src + near_src, extra, strict=True):
        after.setdefault(int(rng.integers(src, n)), []).append(r)
    merged = []
    for j, r in enumerate(rows):
        merged.append(r)
        merged.extend(after.get(j, []))
    key["_ringkasan"] = {"baris_bersih_asal": n, "baris_mentah": len(merged),
                         "baris_tambahan": len(extra),
                         "indeks_whipple_bersih": _whipple(int(p["umur"]) for p in penduduk),
                         "indeks_whipple_mentah": _whipple(
                             int(r["umur"]) for r in rows if 0 <= int(r["umur"]) <= 110)}
    return merged, key

