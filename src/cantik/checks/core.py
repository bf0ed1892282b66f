"""Questions, the registry, and the learner-facing ``cek``/``petunjuk`` plus the grader-facing ``uji``.

A module's questions live in ``cantik.checks.modul<N>`` and are registered on first use of an id that starts
with ``<N>`` (``"2a"`` loads ``cantik.checks.modul2``). Expected answers are computed from the datasets with
:mod:`cantik.indicators` when first needed and cached for the session; no expected number is written into
a notebook.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cantik.checks.compare import Hasil, Pembanding, as_number
from cantik.checks.plain import Deret, JawabanDitolak, Tabel, ke_polos


@dataclass
class Salah:
    """A known mistake: the wrong value it produces (``nilai``) or a test on the answer (``cocok``).

    ``nilai`` is computed from the data like the expected answer (e.g. dividing by the whole population) and
    compared with the question's own comparator; ``cocok`` receives the plain answer.
    """

    pesan: str
    nilai: Callable[[], Any] | None = None
    cocok: Callable[[Any], bool] | None = None


@dataclass
class Soal:
    """One checkable question.

    Parameters
    ----------
    id : str
        Short id used in notebooks, e.g. ``"2a"``.
    harapan : callable
        Computes the expected answer (plain data, a Deret/Tabel, or for charts the expected content, e.g.
        :class:`cantik.checks.figures.Piramida`, computed from the data).
    banding : callable
        Comparator from :mod:`cantik.checks.compare` or :mod:`cantik.checks.figures`.
    bentuk : str
        What kind of answer is asked: ``angka``, ``deret``, ``tabel``, ``teks``, ``himpunan``, ``grafik``.
    salah : list of Salah
        Known mistakes with targeted messages, tried in order when the answer is wrong.
    petunjuk : list of str
        Hints, shown one step at a time.
    """

    id: str
    harapan: Callable[[], Any]
    banding: Pembanding
    bentuk: str = "angka"
    salah: list[Salah] = field(default_factory=list)
    petunjuk: list[str] = field(default_factory=list)
    pesan_benar: str = ""

    def __post_init__(self) -> None:
        self._harapan = functools.cache(self.harapan)

    def nilai_harapan(self) -> Any:
        """The expected answer (computed once per session)."""
        return self._harapan()


_REGISTRY: dict[str, Soal] = {}
_HINT_STEP: dict[str, int] = {}


def daftar(*soal: Soal) -> None:
    """Register questions (called by the ``cantik.checks.modul<N>`` modules)."""
    for s in soal:
        _REGISTRY[s.id] = s


def ambil(id: str) -> Soal:
    """The question with this id, loading its module on first use."""
    key = str(id).strip().lower()
    if key not in _REGISTRY:
        m = re.match(r"(\d+)", key)
        if m:
            try:
                importlib.import_module(f"cantik.checks.modul{int(m.group(1))}")
            except ModuleNotFoundError as exc:
                if exc.name != f"cantik.checks.modul{int(m.group(1))}":
                    raise
    if key not in _REGISTRY:
        raise KeyError(f"Soal '{id}' tidak dikenal. Periksa penulisan nomor soal, misalnya \"2a\".")
    return _REGISTRY[key]


def _polos(soal: Soal, value: Any) -> Any:
    if soal.bentuk == "grafik":
        from cantik.checks.figures import gambar

        return gambar(value)  # the chart's SVG: what the grader reads, never facts computed in a kernel
    return ke_polos(value)


def periksa(id: str, value: Any) -> Hasil:
    """Check ``value`` for question ``id``; returns :class:`Hasil` with the targeted Indonesian message.

    Examples
    --------
    >>> periksa("2a", 0.98).benar  # doctest: +SKIP
    False
    """
    soal = ambil(id)
    if value is NotImplemented or value is Ellipsis:
        return Hasil(False, "Soal ini belum dijawab.")
    try:
        jawaban = _polos(soal, value)
    except JawabanDitolak as exc:
        return Hasil(False, str(exc))
    return periksa_polos(soal.id, jawaban)


def periksa_polos(id: str, jawaban: Any) -> Hasil:
    """Check an answer already converted to plain data (what the grader re-checks outside the kernel)."""
    soal = ambil(id)
    harapan = soal.nilai_harapan()
    hasil = soal.banding(jawaban, harapan)
    if hasil.benar:
        return Hasil(True, soal.pesan_benar)
    for s in soal.salah:
        try:
            if s.cocok is not None and s.cocok(jawaban):
                return Hasil(False, s.pesan)
            if s.nilai is not None and soal.banding(jawaban, _salah_cache(soal.id, s)).benar:
                return Hasil(False, s.pesan)
        except (TypeError, ValueError, AssertionError, KeyError, ZeroDivisionError):
            continue
    if hasil.pesan:
        return hasil
    return Hasil(False, f'Jawaban belum tepat. Coba lihat petunjuk("{soal.id}").')


_WRONG: dict[tuple[str, int], Any] = {}


def _salah_cache(sid: str, s: Salah) -> Any:
    key = (sid, id(s))
    if key not in _WRONG:
        _WRONG[key] = s.nilai() if s.nilai else None
    return _WRONG[key]


def cek(id: str, value: Any) -> None:
    """Check an answer and print "Benar" or a message about the likely mistake (for learners).

    Examples
    --------
    >>> cek("2a", rasio)  # doctest: +SKIP
    Belum tepat (soal 2a): Sepertinya Anda membagi dengan seluruh penduduk, ...
    """
    try:
        hasil = periksa(id, value)
    except KeyError as exc:
        print(exc.args[0])
        return
    if hasil.benar:
        print(f"✅ Benar! (soal {ambil(id).id})" + (f" {hasil.pesan}" if hasil.pesan else ""))
    else:
        print(f"❌ Belum tepat (soal {ambil(id).id}): {hasil.pesan}")


#: MIME type of the plain answer a hidden test hands to the grader (see ``RecheckAnswers``).
MIME_JAWABAN = "application/vnd.cantik.jawaban+json"
#: A test cell whose source holds this comment runs in the learner's kernel even when the grader checks
#: answers in its own process (e.g. checks of a live matplotlib figure): ``SandboxExecute.kernel_marker``.
KERNEL_MARKER = "# uji-di-kernel"


def uji(id: str, value: Any) -> None:
    """Grading test: raise ``AssertionError`` with the targeted Indonesian message unless correct.

    Under ``nbgrader autograde`` (``NBGRADER_EXECUTION`` set) it also hands the answer, as plain JSON, to the
    grader process, which checks it again outside the learner's kernel
    (:class:`cantik.grading.preprocessors.RecheckAnswers`), so patching this module from a learner's cell
    cannot turn a wrong answer into points.
    """
    hasil = periksa(id, value)
    if os.environ.get("NBGRADER_EXECUTION"):
        _serahkan(id, value)
    if not hasil.benar:
        raise AssertionError(f"Soal {id}: {hasil.pesan}")


def _serahkan(id: str, value: Any) -> None:
    """Display the plain answer under :data:`MIME_JAWABAN` (read by the grader, removed from feedback).

    Only inside a kernel: when a sandbox runs the test cell in the grader's own process, nothing is handed.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with Jupyter
        return
    if getattr(get_ipython(), "kernel", None) is None:
        return
    try:
        data: Any = json.loads(json.dumps(ke_json(_polos(ambil(id), value))))
    except (JawabanDitolak, TypeError, ValueError):
        data = None  # the grader's re-check then fails with its own message
    from IPython.display import display

    display({MIME_JAWABAN: {"soal": str(id), "jawaban": data}}, raw=True)


def ke_json(j: Any) -> Any:
    """Plain answer (see :func:`cantik.checks.plain.ke_polos`) → JSON-able data; inverse of :func:`dari_json`.

    Examples
    --------
    >>> dari_json(ke_json(Deret((1, 2), (3.5, None), "n")))
    Deret(label=(1, 2), nilai=(3.5, None), nama='n')
    """
    from cantik.checks.figures import Gambar

    if isinstance(j, Deret):
        return {"__deret__": [ke_json(j.label), ke_json(j.nilai), ke_json(j.nama)]}
    if isinstance(j, Tabel):
        return {"__tabel__": [ke_json(j.kolom), ke_json(j.baris)]}
    if isinstance(j, Gambar):
        return {"__gambar__": j.svg}
    if isinstance(j, tuple):
        return {"__tuple__": [ke_json(v) for v in j]}
    if isinstance(j, list):
        return [ke_json(v) for v in j]
    if isinstance(j, dict):
        return {str(k): ke_json(v) for k, v in j.items()}
    if isinstance(j, float) and (j != j or j in (float("inf"), float("-inf"))):
        return {"__float__": repr(j)}
    return j


def dari_json(d: Any) -> Any:
    """Inverse of :func:`ke_json` (rebuilds Deret, Tabel, Gambar and tuples)."""
    from cantik.checks.figures import Gambar

    if isinstance(d, list):
        return [dari_json(v) for v in d]
    if isinstance(d, dict):
        if "__deret__" in d:
            label, nilai, nama = (dari_json(v) for v in d["__deret__"])
            return Deret(tuple(label), tuple(nilai), nama)
        if "__tabel__" in d:
            kolom, baris = (dari_json(v) for v in d["__tabel__"])
            return Tabel(tuple(kolom), tuple(tuple(r) for r in baris))
        if "__gambar__" in d:
            return Gambar(str(d["__gambar__"]))
        if "__tuple__" in d:
            return tuple(dari_json(v) for v in d["__tuple__"])
        if "__float__" in d:
            return float(d["__float__"])
        return {k: dari_json(v) for k, v in d.items()}
    return d


def uji_bentuk(id: str, value: Any) -> None:
    """Visible grading test: the answer has the right *kind* (number, per-group values, table, chart).

    It never compares with the expected value, so it reveals nothing about the answer.
    """
    soal = ambil(id)
    try:
        jawaban = _polos(soal, value)
    except JawabanDitolak as exc:
        raise AssertionError(f"Soal {id}: {exc}") from None
    pesan = {
        "angka": "Jawaban harus berupa satu angka.",
        "deret": "Jawaban harus berupa nilai per kelompok (Series, dict atau list).",
        "tabel": "Jawaban harus berupa tabel (DataFrame).",
        "teks": "Jawaban harus berupa teks.",
        "himpunan": "Jawaban harus berupa daftar (list).",
        "grafik": "Jawaban harus berupa gambar matplotlib.",
    }[soal.bentuk]
    ok = {
        "angka": lambda j: as_number(j) is not None,
        "deret": lambda j: isinstance(j, Deret | list | tuple | Tabel),
        "tabel": lambda j: isinstance(j, Tabel),
        "teks": lambda j: isinstance(j, str),
        "himpunan": lambda j: isinstance(j, list | tuple | Deret | int | str),
        "grafik": _ada_gambar,
    }[soal.bentuk](jawaban)
    if not ok:
        targeted = periksa(id, value)  # a known mistake (e.g. `df.shape` for a count) gets its own message
        raise AssertionError(f"Soal {id}: {targeted.pesan if targeted.pesan else pesan}")


def _ada_gambar(j: Any) -> bool:
    from cantik.checks.figures import semua_grafik

    try:
        return any(g.jenis != "kosong" for g in semua_grafik(j))
    except JawabanDitolak:
        return False


def petunjuk(id: str, semua: bool = False) -> None:
    """Print the next hint for question ``id`` (each call goes one step further; ``semua`` shows all so far).

    Examples
    --------
    >>> petunjuk("2a")  # doctest: +SKIP
    Petunjuk 1 dari 3 (soal 2a): ...
    """
    try:
        soal = ambil(id)
    except KeyError as exc:
        print(exc.args[0])
        return
    if not soal.petunjuk:
        print(f"Belum ada petunjuk untuk soal {soal.id}.")
        return
    n = len(soal.petunjuk)
    step = min(_HINT_STEP.get(soal.id, 0) + 1, n)
    _HINT_STEP[soal.id] = step
    first = 1 if semua else step
    for i in range(first, step + 1):
        print(f"💡 Petunjuk {i} dari {n} (soal {soal.id}): {soal.petunjuk[i - 1]}")
    if step == n and not semua:
        print("   (Ini petunjuk terakhir.)")


__all__ = ["MIME_JAWABAN", "Deret", "Hasil", "Salah", "Soal", "Tabel", "ambil", "cek", "daftar", "dari_json",
           "ke_json", "periksa", "periksa_polos", "petunjuk", "uji", "uji_bentuk"]
