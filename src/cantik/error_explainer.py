"""Plain-Indonesian explanations of the errors a new learner meets, shown above Python's own traceback.

The setup cell of every module calls :func:`jelaskan_galat`, which registers an IPython custom exception
handler (``InteractiveShell.set_custom_exc``) for the common error kinds: a misspelt or not yet defined name
(``NameError``), a column that is not in the table (``KeyError``), code Python cannot read (``SyntaxError``,
``IndentationError``), text mixed with numbers or a method used without ``()`` (``TypeError``), a misspelt
method or function (``AttributeError``), a misspelt or missing package (``ModuleNotFoundError``), a file or
dataset that does not exist (``FileNotFoundError``, the ``ValueError`` of :func:`cantik.data.load`), a zero
denominator (``ZeroDivisionError``), a position past the end (``IndexError``), and an answer cell left as
released (``NotImplementedError``).

The handler first displays a short explanation with the likely fix, then lets IPython show the error exactly
as it would have (same ``error`` output: ``ename``, ``evalue`` and traceback). Nothing about the error itself
changes, so nbgrader's error detection, the sandbox and the test cells see the real error. An error kind it
cannot explain is shown unchanged; an explanation that fails is skipped, never raised.

Only the standard library is imported here; pandas is looked at only when a learner's error involves it.

Examples
--------
>>> p = jelaskan(NameError("name 'pendudk' is not defined", name="pendudk"), {"penduduk": 1})
>>> p.apa
'Python belum mengenal nama `pendudk`.'
>>> p.coba[0]
'Mungkin salah ketik: maksud Anda `penduduk`? Huruf besar/kecil dan garis bawah `_` harus persis sama.'
"""

from __future__ import annotations

import builtins
import difflib
import html
import re
import sys
import types
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: Error kinds the handler explains (subclasses included: IndentationError, ModuleNotFoundError ...).
EXPLAINED: tuple[type[BaseException], ...] = (
    SyntaxError, NameError, KeyError, TypeError, AttributeError, ImportError, FileNotFoundError, ValueError,
    NotImplementedError, ZeroDivisionError, IndexError,
)

#: Names the setup cell of every module defines.
SETUP_NAMES = frozenset({"pd", "plt", "ind", "cek", "petunjuk", "load", "SYNTHETIC_NOTICE", "aplikasi"})

#: Packages a learner may mean when an import fails.
KNOWN_PACKAGES = ("pandas", "matplotlib", "matplotlib.pyplot", "numpy", "cantik", "math", "statistics")

_RUN_ABOVE = "menu *Run* → *Run All Above Selected Cell*"
_DECIMAL = ("Di Python, angka desimal ditulis dengan **titik**: `12.5`, bukan `12,5` "
            "(koma memisahkan dua nilai).")


@dataclass
class Penjelasan:
    """What happened (``apa``) and what to try (``coba``), in plain Indonesian with `code` in backticks."""

    apa: str
    coba: list[str] = field(default_factory=list)


# ── explanations per error kind ───────────────────────────────────────────────────────────────────────
def _close(word: str, choices: list[str], n: int = 3) -> list[str]:
    """Close spellings, first those equal ignoring case, spaces and underscores."""
    def norm(s: str) -> str:
        return re.sub(r"[\s_\-]+", "", s).casefold()

    same = [c for c in choices if norm(c) == norm(word) and c != word]
    near = difflib.get_close_matches(word, choices, n=n, cutoff=0.6)
    lower = {c.casefold(): c for c in choices}
    near += [lower[c] for c in difflib.get_close_matches(word.casefold(), list(lower), n=n, cutoff=0.6)]
    out: list[str] = []
    for c in same + near:
        if c not in out and c != word:
            out.append(c)
    return out[:n]


#: What learners call a column in words (the lesson's text, the place's unit), by the contract's column name.
_KOLOM_DALAM_KATA: dict[str, tuple[str, ...]] = {
    "rt": ("dusun", "nodusun", "nomordusun", "nort", "nomorrt", "rtrw", "rw", "wilayah", "satuan"),
    "jenis_kelamin": ("jk", "kelamin", "jeniskelamin", "sex", "gender", "lp"),
    "umur": ("usia", "umurtahun", "age"),
    "jumlah_anggota": ("anggota", "anggotakeluarga", "jumlahanggotakeluarga", "art"),
    "pengeluaran_per_kapita": ("pengeluaran", "pengeluarankapita", "pengeluaranperkapita"),
    "no_kk": ("kk", "nokk", "nomorkk", "kartukeluarga"),
}


def _kolom_dimaksud(word: str, columns: list[str]) -> str | None:
    """The table's column a learner most likely means by ``word`` when it names it in words ("dusun" for the
    column ``rt`` that holds the RT or dusun number, "usia" for ``umur``), else ``None``.

    Examples
    --------
    >>> _kolom_dimaksud("Dusun", ["nik", "rt", "umur"]), _kolom_dimaksud("usia", ["rt"])
    ('rt', None)
    """
    key = re.sub(r"[\s_\-/.]+", "", word).casefold()
    for column, words in _KOLOM_DALAM_KATA.items():
        if column in columns and key in words:
            return column
    return None


#: Why the column has its name (said with the suggestion).
_KOLOM_ARTI = {"rt": "Nomor RT atau dusun ada di kolom `rt` (huruf kecil) di setiap tabel; pilih dengan"}


def _code_list(names: list[str]) -> str:
    return ", ".join(f"`{n}`" for n in names)


def _user_names(ns: Mapping[str, Any]) -> list[str]:
    hidden = {"In", "Out", "exit", "quit", "get_ipython"}
    return [k for k in ns if isinstance(k, str) and not k.startswith("_") and k not in hidden]


def _name_error(exc: NameError, ns: Mapping[str, Any]) -> Penjelasan:
    name = getattr(exc, "name", None) or (re.findall(r"'([^']+)'", str(exc)) or ["?"])[0]
    p = Penjelasan(f"Python belum mengenal nama `{name}`.")
    if name in SETUP_NAMES:
        p.coba.append(f"`{name}` dibuat oleh **sel persiapan** di awal notebook (sel yang diawali "
                      "`import pandas as pd`). Jalankan sel itu dulu, lalu sel-sel sesudahnya. "
                      "Setelah kernel dimulai ulang, semua sel harus dijalankan lagi dari atas.")
        return p
    close = _close(name, _user_names(ns) + list(SETUP_NAMES))
    if close:
        p.coba.append(f"Mungkin salah ketik: maksud Anda {_code_list(close)}? Huruf besar/kecil dan garis "
                      "bawah `_` harus persis sama.")
    p.coba.append(f"Jika `{name}` dibuat di sel lain, jalankan dulu sel itu (atau semua sel di atasnya: "
                  f"{_RUN_ABOVE}).")
    if not close or name[:1].isupper():
        p.coba.append("Jika yang Anda maksud sebuah teks (misalnya nama kategori), tulis di antara "
                      f"tanda kutip: `\"{name}\"`.")
    return p


def _frames(tb: types.TracebackType | None) -> list[types.FrameType]:
    out = []
    while tb is not None:
        out.append(tb.tb_frame)
        tb = tb.tb_next
    return out


def _pandas_object(tb: types.TracebackType | None) -> Any:
    """The DataFrame or Series the failing lookup was made on (``self`` of the first pandas frame)."""
    pd = sys.modules.get("pandas")
    if pd is None:
        return None
    for frame in _frames(tb):
        obj = frame.f_locals.get("self")
        obj = getattr(obj, "obj", obj)  # .loc / .iloc indexers keep their table in .obj
        if isinstance(obj, pd.DataFrame | pd.Series):
            return obj
    return None


def _missing_keys(key: Any) -> list[Any]:
    """Keys named in a pandas KeyError: "['umr'] not in index", "None of [Index([...])] are in the ..."."""
    if isinstance(key, str) and ("not in index" in key or key.startswith("None of [")):
        return re.findall(r"'([^']*)'", key) or [key]
    return [key]


def _key_error(exc: KeyError, tb: types.TracebackType | None) -> Penjelasan | None:
    if not exc.args:
        return None
    keys = _missing_keys(exc.args[0])
    shown = ", ".join(f"`{k!r}`" for k in keys)
    obj = _pandas_object(tb)
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(obj, pd.DataFrame):
        columns = [str(c) for c in obj.columns]
        key = exc.args[0]
        if isinstance(key, tuple) and key and all(str(k) in columns for k in key):
            names = ", ".join(f'"{k}"' for k in key)
            return Penjelasan("Beberapa kolom ditulis di dalam satu pasang kurung siku.", [
                "Untuk memilih beberapa kolom sekaligus, pakai **dua** pasang kurung siku: "
                f"`tabel[[{names}]]`."])
        p = Penjelasan(f"Tabel ini tidak punya kolom {shown}.")
        for k in keys:
            meant = _kolom_dimaksud(str(k), columns)
            if meant:
                why = _KOLOM_ARTI.get(meant, "Nama kolomnya")
                p.coba.append(f"Maksud Anda kolom `{meant}`? {why}: `tabel[\"{meant}\"]`.")
                continue
            close = _close(str(k), columns)
            if close:
                p.coba.append(f"Nama kolom yang mirip dengan `{k!r}`: {_code_list(close)}.")
        more = " …" if len(columns) > 20 else ""
        p.coba.append(f"Kolom yang ada: {_code_list(columns[:20])}{more}.")
        p.coba.append("Nama kolom harus persis sama, termasuk huruf kecil/besar, spasi dan garis bawah `_`. "
                      "Lihat semua nama kolom dengan `tabel.columns`.")
        return p
    if pd is not None and isinstance(obj, pd.Series):
        labels = [str(x) for x in obj.index[:1000]]
        p = Penjelasan(f"Label {shown} tidak ada di deret (Series) ini.")
        close = [c for k in keys for c in _close(str(k), labels)]
        if close:
            p.coba.append(f"Label yang mirip: {_code_list(close)}.")
        p.coba.append("Lihat label yang ada dengan `.index`. Angka dan teks berbeda: `3` tidak sama dengan "
                      "`\"3\"`.")
        return p
    return Penjelasan(f"Kunci {shown} tidak ada.",
                      ["Periksa ejaan kunci atau nama kolomnya; huruf kecil/besar dan spasi harus sama."])


def _syntax_error(exc: SyntaxError) -> Penjelasan:
    msg, text = exc.msg or "", exc.text or ""
    line = f" di baris {exc.lineno}" if exc.lineno else ""
    if isinstance(exc, IndentationError):
        where = f" {exc.lineno}" if exc.lineno else ""
        p = Penjelasan(f"Spasi di awal baris{where} tidak sesuai aturan Python (di Python, spasi di awal "
                       "baris punya arti).")
        if "unexpected indent" in msg:
            p.coba.append(f"Hapus spasi di depan baris {exc.lineno or 'itu'}: baris biasa dimulai dari "
                          "tepi kiri.")
        elif "expected an indented block" in msg:
            p.coba.append("Baris sesudah baris yang diakhiri titik dua `:` (misalnya `for ...:` atau "
                          "`if ...:`) harus menjorok ke dalam 4 spasi.")
        else:
            p.coba.append("Baris-baris dalam satu blok harus menjorok sama jauh. Pakai 4 spasi (tombol Tab "
                          "di Jupyter), jangan campur spasi dan Tab.")
        return p
    p = Penjelasan(f"Python tidak bisa membaca kode{line}: penulisannya tidak sesuai aturan Python. "
                   "Tanda `^` di bawah menunjuk tempat yang bermasalah.")
    if re.search(r"\d,\d", text) and ("leading zeros" in msg or "invalid" in msg):
        p.coba.append(_DECIMAL)
    if "unterminated string" in msg or "EOL while scanning" in msg or "unterminated triple" in msg:
        p.coba.append("Ada tanda kutip yang tidak ditutup. Setiap teks harus diapit dua tanda kutip yang "
                      "sama: `\"teks\"` atau `'teks'`.")
    elif "was never closed" in msg or "unexpected EOF" in msg or "incomplete input" in msg:
        p.coba.append("Ada kurung yang dibuka tetapi tidak ditutup. Periksa pasangan `( )`, `[ ]` dan `{ }`.")
    elif "unmatched" in msg or "does not match" in msg:
        p.coba.append("Ada kurung tutup tanpa pasangan, atau pasangannya berbeda jenis: `(` ditutup `)`, `[` "
                      "ditutup `]`, `{` ditutup `}`.")
    elif "invalid character" in msg:
        p.coba.append("Ada tanda yang tidak dikenal Python, sering karena kode disalin dari Word atau "
                      "WhatsApp: tanda kutip miring `“ ”` (ketik ulang `\"`), tanda kali `×` (pakai `*`), "
                      "tanda pisah `–` (pakai `-`).")
    elif "invalid decimal literal" in msg and re.search(r"\b\d+[a-zA-Z]", text):
        p.coba.append("Nomor soal adalah teks: tulis di antara tanda kutip, misalnya "
                      "`cek(\"2a\", jawaban)` atau `petunjuk(\"2a\")`. Nama variabel juga tidak boleh "
                      "diawali angka.")
    elif "'=='" in msg or "cannot assign" in msg:
        p.coba.append("Untuk membandingkan dua nilai pakai `==` (dua tanda sama dengan). Satu `=` "
                      "dipakai untuk menyimpan nilai ke variabel.")
    elif "forgot a comma" in msg:
        p.coba.append("Sepertinya ada koma yang kurang di antara dua nilai, atau sebuah teks belum "
                      "diberi tanda kutip.")
    elif "expected ':'" in msg:
        p.coba.append("Baris yang diawali `for`, `if`, `else` atau `def` harus diakhiri titik dua `:`.")
    if len(p.coba) == 0:
        p.coba.append("Periksa tanda kutip, kurung, koma dan titik dua di baris itu. Teks harus diapit tanda "
                      "kutip, misalnya `\"Masih sekolah\"`.")
    return p


_TYPE_NAMES = {"str": "teks", "int": "angka", "float": "angka", "bool": "benar/salah",
               "list": "daftar (list)", "tuple": "beberapa nilai berkoma (tuple)",
               "NoneType": "kosong (None)", "dict": "kamus (dict)",
               "Series": "deret (Series)", "DataFrame": "tabel (DataFrame)"}


def _type_error(exc: TypeError, ns: Mapping[str, Any]) -> Penjelasan | None:
    msg = str(exc)
    mixes_text = "'str'" in msg or "str (not" in msg
    if mixes_text and ("concatenate" in msg or "unsupported operand" in msg):
        return Penjelasan("Anda menggabungkan teks dengan angka. Bagi Python, `\"12\"` (teks, bertanda "
                          "kutip) bukan angka 12.", [
                              "Jika isinya angka, ubah dulu: `int(...)` atau `float(...)`; untuk kolom tabel "
                              "pakai `pd.to_numeric(kolom, errors=\"coerce\")`.",
                              "Untuk menampilkan teks dan angka bersama, pisahkan dengan koma: "
                              "`print(\"Jumlah:\", angka)`."])
    if mixes_text and "not supported between instances" in msg:
        return Penjelasan("Anda membandingkan teks dengan angka (misalnya kolom umur yang isinya masih "
                          "teks).", [
            "Ubah kolom itu menjadi angka dulu: `pd.to_numeric(kolom, errors=\"coerce\")`, lalu bandingkan.",
            "Jika yang dibandingkan memang teks, beri tanda kutip pada nilainya: `kolom == \"P\"`."])
    if re.search(r"Invalid comparison between dtype=\w+ and str|'[<>]=?' not supported between instances of "
                 r"'(?:int|float)' and 'str'", msg):
        return Penjelasan("Anda membandingkan kolom angka dengan teks: nilai yang diberi tanda kutip "
                          "(`\"15\"`) adalah teks, bukan angka.", [
            "Tulis angkanya tanpa tanda kutip: `penduduk[\"umur\"] > 15`, bukan "
            "`penduduk[\"umur\"] > \"15\"`.",
            "Hati-hati juga dengan `==`: `penduduk[\"rt\"] == \"3\"` tidak menimbulkan galat, tetapi tidak "
            "pernah benar karena kolom `rt` berisi angka."])
    if re.search(r"'(?:method|builtin_function_or_method|function)'", msg) and "not callable" not in msg:
        return Penjelasan("Anda memakai nama fungsi tanpa kurung `()`, jadi fungsinya belum dijalankan "
                          "(misalnya `penduduk[\"umur\"].mean` tanpa `()`).", [
            "Tambahkan kurung setelah nama fungsinya: `penduduk[\"umur\"].mean()`, `.sum()`, "
            "`.value_counts()`."])
    if "doesn't define __round__" in msg:
        return Penjelasan("`round(...)` hanya bisa membulatkan angka, padahal yang diberikan teks (bertanda "
                          "kutip).", ["Hapus tanda kutipnya, atau ubah dulu dengan `float(...)`.", _DECIMAL])
    if "can't multiply sequence by non-int" in msg or ("unsupported operand" in msg and "'tuple'" in msg):
        return Penjelasan("Anda mengalikan atau menghitung dengan sesuatu yang bukan satu angka.", [
            _DECIMAL + " Tulisan `12,5` dibaca Python sebagai dua angka (12 dan 5).",
            "Jika yang dikalikan teks atau kolom teks, ubah dulu menjadi angka dengan `float(...)` atau "
            "`pd.to_numeric(...)`."])
    m = re.search(r"'(\w+)' object is not callable", msg)
    if m:
        shadowed = [n for n in _user_names(ns) if hasattr(builtins, n) and callable(getattr(builtins, n))]
        p = Penjelasan(f"Anda menulis kurung `( )` setelah sesuatu yang bukan fungsi "
                       f"(isinya {_TYPE_NAMES.get(m.group(1), m.group(1))}).")
        if shadowed:
            p.coba.append(f"Nama fungsi Python {_code_list(shadowed)} tertimpa karena dipakai sebagai nama "
                          "variabel. Ganti nama variabel itu, lalu jalankan "
                          f"`del {shadowed[0]}` agar fungsinya kembali.")
        p.coba.append("Untuk memilih kolom tabel pakai kurung **siku**: `penduduk[\"umur\"]`, bukan "
                      "`penduduk(\"umur\")`.")
        return p
    m = re.search(r"(\w+)\(\) (missing \d+ required|takes \d+ positional|got an unexpected keyword argument"
                  r"|got multiple values)", msg)
    if m:
        return Penjelasan(f"Fungsi `{m.group(1)}` dipanggil dengan isian (argumen) yang kurang, berlebih "
                          "atau bernama salah.", [
                              f"Lihat cara memakainya: tulis `{m.group(1)}?` di sel baru lalu jalankan, atau "
                              "lihat contoh di atas soal.",
                              "Pisahkan isian dengan koma, dan teks diapit tanda kutip."])
    if "'NoneType' object is not subscriptable" in msg:
        return Penjelasan("Nilai yang Anda pakai kosong (`None`).", [
            "Biasanya karena variabelnya berisi hasil `print(...)` atau perintah dengan `inplace=True`, yang "
            "tidak menghasilkan apa-apa. Simpan hasil perhitungannya sendiri ke variabel."])
    return None


def _kind(obj: Any) -> str:
    if isinstance(obj, types.ModuleType):
        return f"modul `{obj.__name__}`"
    name = type(obj).__name__
    return _TYPE_NAMES.get(name, f"objek `{name}`")


def _attribute_error(exc: AttributeError) -> Penjelasan | None:
    obj, name = getattr(exc, "obj", None), getattr(exc, "name", None)
    if name is None:
        m = re.search(r"has no attribute '([^']+)'", str(exc))
        if not m:
            return None
        name = m.group(1)
    if obj is None and "'NoneType'" in str(exc):
        return Penjelasan(f"Nilai yang Anda pakai kosong (`None`), jadi tidak punya `.{name}`.", [
            "Biasanya karena variabelnya berisi hasil `print(...)` atau perintah dengan `inplace=True`, yang "
            "tidak menghasilkan apa-apa. Simpan hasil perhitungannya sendiri ke variabel."])
    kind = _kind(obj) if obj is not None else "nilai ini"
    p = Penjelasan(f"{kind[0].upper()}{kind[1:]} tidak punya `.{name}`.")
    if obj is not None:
        public = [a for a in dir(obj) if not a.startswith("_")]
        close = _close(name, public)
        if close:
            p.coba.append(f"Mungkin salah ketik: maksud Anda {_code_list(['.' + c for c in close])}?")
        pd = sys.modules.get("pandas")
        if pd is not None and isinstance(obj, pd.DataFrame):
            columns = [str(c) for c in obj.columns]
            cols = [m] if (m := _kolom_dimaksud(name, columns)) else _close(name, columns)
            if cols:
                p.coba.append(f"Jika maksud Anda kolom, pilih dengan kurung siku: `tabel[\"{cols[0]}\"]`.")
    p.coba.append("Nama fungsi dan kolom harus persis sama, termasuk huruf kecil/besar dan garis bawah `_`. "
                  "Tulis nama variabel, titik, lalu tekan Tab untuk melihat pilihan yang ada.")
    return p


def _import_error(exc: ImportError) -> Penjelasan:
    if isinstance(exc, ModuleNotFoundError):
        name = exc.name or "?"
        p = Penjelasan(f"Paket `{name}` tidak ditemukan.")
        close = _close(name, list(KNOWN_PACKAGES))
        if close:
            p.coba.append(f"Mungkin salah ketik: maksud Anda {_code_list(close)}?")
        p.coba.append("Semua paket yang dibutuhkan modul sudah terpasang. Jangan memasang paket sendiri; "
                      "bila perlu, tanyakan kepada pelatih.")
        return p
    m = re.search(r"cannot import name '([^']+)'", str(exc))
    module = sys.modules.get(exc.name or "")
    if m and module is not None:
        p = Penjelasan(f"`{m.group(1)}` tidak ada di dalam `{exc.name}`.")
        close = _close(m.group(1), [a for a in dir(module) if not a.startswith("_")])
        if close:
            p.coba.append(f"Mungkin salah ketik: maksud Anda {_code_list(close)}?")
        return p
    return Penjelasan("Sesuatu yang diminta dengan `import` tidak bisa dimuat.",
                      ["Periksa ejaan nama paket dan nama yang diambil darinya."])


def _value_error(exc: ValueError) -> Penjelasan | None:
    name, msg = type(exc).__name__, str(exc)
    ours = type(exc).__module__.startswith("cantik.")
    if ours and name == "DataNotFoundError":
        return Penjelasan("Tabel, wilayah atau berkas data yang diminta tidak ada.", [
            "Baca pesan di bawah: di sana ada nama yang mirip dan semua pilihan yang ada. Contoh yang benar: "
            "`load(\"penduduk\")` atau `load(\"penduduk\", wilayah=\"taluk_haur\")`."])
    if ours and name == "DataFormatError":
        return Penjelasan("Berkas data ada, tetapi isinya tidak sesuai format yang diharapkan.", [
            "Pesan di bawah menyebut kolom dan baris yang bermasalah. Bila ini data latihan, minta pelatih "
            "membuat ulang dataset (`cantik data generate`)."])
    m = re.search(r"could not convert string to float: '([^']*)'|invalid literal for int\(\)[^:]*: '([^']*)'"
                  r"|Unable to parse string \"([^\"]*)\"", msg)
    if m:
        value = next(g for g in m.groups() if g is not None)
        p = Penjelasan(f"Teks `\"{value}\"` tidak bisa diubah menjadi angka.")
        if re.search(r"\d,\d", value):
            p.coba.append(_DECIMAL)
        p.coba.append("Untuk kolom tabel yang berisi isian bukan angka, pakai `pd.to_numeric(kolom, "
                      "errors=\"coerce\")`: isian yang bukan angka menjadi kosong (NaN).")
        return p
    if "truth value of a Series is ambiguous" in msg or "truth value of a DataFrame is ambiguous" in msg:
        return Penjelasan("Python tidak tahu cara memakai `and`, `or` atau `if` pada satu kolom utuh.", [
            "Untuk menggabungkan dua syarat pada kolom tabel pakai `&` (dan) atau `|` (atau), dan beri "
            "kurung pada setiap syarat: `(penduduk[\"umur\"] >= 7) & (penduduk[\"umur\"] <= 12)`."])
    return None


def _zero_division() -> Penjelasan:
    return Penjelasan("Anda membagi dengan nol: penyebutnya bernilai 0.", [
        "Periksa penyebutnya: tampilkan dulu dengan `print(...)`. Bila penyebut dihitung dari hasil "
        "penyaringan (mis. `len(...)`), mungkin syaratnya tidak cocok dengan baris mana pun: periksa ejaan "
        "dan huruf besar/kecil isian (`\"L\"` tidak sama dengan `\"l\"`).",
        "Bila nol memang mungkin (mis. RT atau dusun tanpa balita), tulis hasilnya sebagai kosong atau 0 "
        "dan jelaskan."])


def _index_error(exc: IndexError) -> Penjelasan | None:
    msg = str(exc)
    if "out of range" not in msg and "out-of-bounds" not in msg and "out of bounds" not in msg:
        return None
    return Penjelasan("Anda meminta urutan (posisi) yang tidak ada: daftar atau tabel itu lebih pendek.", [
        "Posisi di Python dihitung mulai dari 0: baris pertama `.iloc[0]`, baris terakhir `.iloc[-1]`. "
        "Lihat panjangnya dengan `len(...)`.",
        "Untuk memilih menurut label (mis. nomor RT atau dusun), pakai `.loc[label]`, bukan `.iloc[...]`."])


def _file_not_found(exc: FileNotFoundError) -> Penjelasan:
    name = exc.filename or (re.findall(r"'([^']+)'", str(exc)) or ["?"])[-1]
    return Penjelasan(f"Berkas `{name}` tidak ditemukan.", [
        "Periksa nama berkas (termasuk akhiran seperti `.csv`) dan foldernya. Alamat berkas dihitung dari "
        "folder notebook ini.",
        "Data latihan Kelas Cantik dibaca dengan `load(\"nama_tabel\")`, bukan dari berkas."])


def _ellipsis(ns: Mapping[str, Any]) -> Penjelasan:
    left = [n for n in _user_names(ns) if ns.get(n) is Ellipsis]
    where = f" (masih berisi `...`: {_code_list(left[:5])})" if left else ""
    return Penjelasan(f"Masih ada `...` di kerangka jawaban yang belum diganti dengan kode{where}.", [
        "Ganti setiap `...` dengan kode yang diminta (lihat catatan di sebelahnya), lalu jalankan sel itu "
        "lagi."])


#: Where the learner's code goes in a released answer cell, and a skeleton line still to be completed.
_TULIS = "# TULIS KODE ANDA DI SINI"
_KERANGKA = re.compile(r"=\s*\.\.\.\s*(#.*)?$")


def ada_kode_jawaban(source: str) -> bool:
    r"""Whether an answer cell still holding the template's ``raise NotImplementedError()`` has the
    learner's own code in it: a line between ``# TULIS KODE ANDA DI SINI`` (or the cell's top, when the
    learner deleted that line) and the ``raise``, or between the ``raise`` and ``cek``; or a skeleton
    (``x = ...`` under "Ganti setiap ...") with every ``...`` filled in. The code a released cell gives
    above the marker, and the display lines after ``cek``, do not count.

    Examples
    --------
    >>> given = "umur = penduduk['umur']\n# TULIS KODE ANDA DI SINI\nraise NotImplementedError()"
    >>> ada_kode_jawaban(given), ada_kode_jawaban(given.replace("SINI", "SINI\nr = 1"))
    (False, True)
    >>> skeleton = "# Ganti setiap ... dengan kode Anda\nn = ...\nraise NotImplementedError()"
    >>> ada_kode_jawaban(skeleton), ada_kode_jawaban(skeleton.replace("n = ...", "n = len(keluarga)"))
    (False, True)
    """
    lines = [ln.strip() for ln in source.splitlines()]
    raise_at = next((i for i, ln in enumerate(lines) if ln.startswith("raise NotImplementedError")), None)
    if raise_at is None:
        return False
    # the marker deleted: the learner has worked in the cell, so what stands above the raise is theirs
    start = next((i + 1 for i, ln in enumerate(lines[:raise_at]) if ln == _TULIS), 0)
    end = next((i for i in range(raise_at + 1, len(lines)) if lines[i].startswith("cek(")), raise_at + 1)
    inside = lines[start:raise_at] + lines[raise_at + 1:end]
    if any(ln and not ln.startswith("#") and not _KERANGKA.search(ln) for ln in inside):
        return True
    skeleton = any(ln.startswith("# Ganti setiap ...") for ln in lines)
    return skeleton and not any(_KERANGKA.search(ln) for ln in lines[:raise_at] if not ln.startswith("#"))


def _unanswered(exc: NotImplementedError, tb: types.TracebackType | None) -> Penjelasan | None:
    frames = _frames(tb)
    if str(exc) or not frames or frames[-1].f_code.co_name != "<module>":
        return None  # raised by a library, not by the `raise NotImplementedError()` of an answer cell
    import linecache

    if ada_kode_jawaban("".join(linecache.getlines(frames[-1].f_code.co_filename))):  # IPython keeps it
        # the learner wrote the answer but left the template's raise in place
        return Penjelasan("Kode jawaban Anda sudah ada, tetapi baris `raise NotImplementedError()` masih "
                          "tertinggal, jadi Python berhenti di baris itu.", [
                              "Hapus baris `raise NotImplementedError()` (dan `# TULIS KODE ANDA DI SINI`), "
                              "lalu jalankan sel ini lagi."])
    return Penjelasan("Sel jawaban ini belum diisi.", [
        "Hapus baris `# TULIS KODE ANDA DI SINI` dan `raise NotImplementedError()`, tulis kode jawaban Anda "
        "di tempatnya, lalu jalankan sel ini lagi."])


def jelaskan(exc: BaseException, namespace: Mapping[str, Any] | None = None,
             tb: types.TracebackType | None = None) -> Penjelasan | None:
    """The explanation of ``exc`` for a learner, or ``None`` when this kind of error has none.

    ``namespace`` (the learner's variables) lets a misspelt name be matched to the names that exist;
    ``tb`` lets a missing column be matched to the columns of the table it was looked up in.

    Examples
    --------
    >>> jelaskan(SyntaxError("unterminated string literal (detected at line 1)")).coba[0][:28]
    'Ada tanda kutip yang tidak d'
    >>> jelaskan(ZeroDivisionError("division by zero")).apa
    'Anda membagi dengan nol: penyebutnya bernilai 0.'
    >>> jelaskan(OverflowError()) is None
    True
    """
    ns = namespace or {}
    tb = tb if tb is not None else exc.__traceback__
    if isinstance(exc, SyntaxError):
        return _syntax_error(exc)
    if isinstance(exc, NameError):
        return _name_error(exc, ns)
    if isinstance(exc, KeyError):
        return _key_error(exc, tb)
    if isinstance(exc, TypeError | AttributeError) and "'ellipsis'" in str(exc):
        return _ellipsis(ns)
    if isinstance(exc, TypeError):
        return _type_error(exc, ns)
    if isinstance(exc, AttributeError):
        return _attribute_error(exc)
    if isinstance(exc, ImportError):
        return _import_error(exc)
    if isinstance(exc, FileNotFoundError):
        return _file_not_found(exc)
    if isinstance(exc, ValueError):
        return _value_error(exc)
    if isinstance(exc, NotImplementedError):
        return _unanswered(exc, tb)
    if isinstance(exc, ZeroDivisionError):
        return _zero_division()
    if isinstance(exc, IndexError):
        return _index_error(exc)
    return None


# ── rendering ─────────────────────────────────────────────────────────────────────────────────────────
_FOOT = "(Pesan asli dari Python ada di bawah ini.)"


def teks(p: Penjelasan) -> str:
    """Plain-text rendering (what a terminal or a text-only viewer shows)."""
    lines = [f"💡 Penjelasan: {p.apa.replace('**', '')}"]
    if p.coba:
        lines.append("   Yang bisa dicoba:")
        lines += [f"   • {c.replace('**', '')}" for c in p.coba]
    lines.append(f"   {_FOOT}")
    return "\n".join(lines)


def _inline(text: str) -> str:
    """Escape HTML, then `code` → <code>, **bold** → <b>, *menu* → <i>."""
    out = html.escape(text, quote=False)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    out = re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", out)
    return re.sub(r"\*([^*]+)\*", r"<i>\1</i>", out)


def html_box(p: Penjelasan) -> str:
    """HTML rendering: a light box above the red traceback."""
    items = "".join(f"<li>{_inline(c)}</li>" for c in p.coba)
    return ('<div class="cantik-penjelasan-galat" style="border-left:4px solid #e0a800;background:#fff8e1;'
            'color:#222;padding:6px 10px;margin:4px 0">'
            f"<b>💡 Penjelasan:</b> {_inline(p.apa)}"
            + (f"<br><b>Yang bisa dicoba:</b><ul style=\"margin:2px 0\">{items}</ul>" if items else "")
            + f'<span style="color:#666">{_FOOT}</span></div>')


# ── the IPython hook ──────────────────────────────────────────────────────────────────────────────────
def _handler(shell: Any, etype: type[BaseException], value: BaseException, tb: types.TracebackType | None,
             tb_offset: int | None = None) -> None:
    """IPython custom exception handler: the explanation, then exactly IPython's own error display."""
    # IPython calls custom handlers from two places: compiling the cell (run_cell: syntax errors, shown
    # without a stack) and running it (run_code: shown with the stack). Its own display differs likewise.
    running = tb is not None and tb.tb_frame.f_code.co_name == "run_code"
    try:
        p = jelaskan(value, shell.user_ns, tb) if running or issubclass(etype, SyntaxError) else None
        if p is not None:
            from IPython.display import display

            display({"text/plain": teks(p), "text/html": html_box(p)}, raw=True)
    except Exception:  # an explanation must never hide the learner's real error
        pass
    if running:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset, running_compiled_code=True)
    elif issubclass(etype, IndentationError):
        shell.showindentationerror()
    else:
        shell.showsyntaxerror()


def jelaskan_galat(shell: Any = None) -> bool:
    """Show a plain-Indonesian explanation above the common errors of this notebook (setup cell).

    Returns ``False`` (and does nothing) outside IPython, e.g. when a script runs the notebook's code.
    Calling it again changes nothing.

    Examples
    --------
    >>> jelaskan_galat()  # in a notebook: errors are now explained  # doctest: +SKIP
    True
    """
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython ships with Jupyter
            return False
        shell = get_ipython()
    if shell is None:
        return False
    shell.set_custom_exc(EXPLAINED, _handler)
    return True


__all__ = ["EXPLAINED", "Penjelasan", "html_box", "jelaskan", "jelaskan_galat", "teks"]
