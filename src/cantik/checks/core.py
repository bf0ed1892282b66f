"""Questions, the registry, and the learner-facing ``cek``/``petunjuk`` plus the grader-facing ``uji``.

A module's questions live in ``cantik.checks.modul<N>`` and are registered on first use of an id that starts
with ``<N>`` (``"2a"`` loads ``cantik.checks.modul2``). Expected answers are computed from the datasets with
:mod:`cantik.indicators` when first needed and cached for the session; no expected number is written into
a notebook.

Where the key is not present (:mod:`cantik.checks.key`), the same functions still work: in a graded kernel
``cek``/``petunjuk`` say that the grader checks, and ``uji``/``uji_bentuk`` only hand the plain answer to the
grader; on the class server they ask the check service, which answers right/wrong and the message.
"""

from __future__ import annotations

import contextvars
import importlib
import json
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cantik.checks import key
from cantik.checks._data import kata_tempat, per_tempat
from cantik.checks.compare import Hasil, Pembanding, as_number
from cantik.checks.formula import Bagian, memakai, nama_terlarang, periksa_bagian, pesan_hitung_sendiri
from cantik.checks.mistakes import KODE_KHUSUS, Rumus, Salah, katalog, periksa_nilai, tandai
from cantik.checks.plain import Deret, JawabanDitolak, Tabel, ke_polos


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
        The question's mistake catalogue: hand-written entries and those generated from ``rumus``
        (:mod:`cantik.checks.mistakes`); the entries of its kind are added automatically.
    petunjuk : list of str or callable
        Hints, shown one step at a time; a hint naming the active place's data is a function writing it
        (:meth:`daftar_petunjuk`), so a process serving several places never shows another place's hint.
    bagian : list of Bagian
        Formula first: the parts of a by-hand formula (numerator, denominator …), each checked on its own
        (:mod:`cantik.checks.formula`); the learner passes them as keywords, ``cek("2a", r, pembilang=l)``.
    hitung_sendiri : tuple of str
        Learner-facing helpers of :mod:`cantik.indikator` (their English twins included) that compute the
        same indicator: an answer cell calling one of them is refused with a friendly message.
    rumus_kata : str
        The formula in words, quoted in that message ("laki-laki / perempuan × 100").
    langkah : str
        The parts of the computation to check, named in the message for a wrong answer that matches no
        catalogue entry (e.g. "pembilang (penduduk 0–14 dan 65+), penyebut (penduduk 15–64), dikali 100").
    rumus : Rumus, optional
        The computation with its parameters; with its defaults it gives the expected answer (tested).
    """

    id: str
    harapan: Callable[[], Any]
    banding: Pembanding
    bentuk: str = "angka"
    salah: list[Salah] = field(default_factory=list)
    petunjuk: list[str | Callable[[], str]] = field(default_factory=list)
    pesan_benar: str = ""
    bagian: list[Bagian] = field(default_factory=list)
    hitung_sendiri: tuple[str, ...] = ()
    rumus_kata: str = ""
    langkah: str = ""
    rumus: Rumus | None = None

    def __post_init__(self) -> None:
        self._harapan = per_tempat(self.harapan)

    def nilai_harapan(self) -> Any:
        """The expected answer (computed once per place)."""
        return self._harapan()

    def daftar_petunjuk(self) -> list[str]:
        """The hints, written for the active place (its unit too: :func:`kata_tempat`)."""
        return [kata_tempat(h() if callable(h) else h) for h in self.petunjuk]


_REGISTRY: dict[str, Soal] = {}
_HINT_STEP: dict[str, int] = {}
#: Questions registered from outside the answer key (a course author's own notebook): their expectation is
#: in the notebook, not a secret, and the grader may not know them, so a keyless kernel checks them too.
_OWN: set[str] = set()


def daftar(*soal: Soal) -> None:
    """Register questions (called by the ``cantik.checks.modul<N>`` modules, or by a notebook)."""
    caller = sys._getframe(1).f_globals.get("__name__", "")
    from_key = caller.startswith("cantik.checks.modul")
    for s in soal:
        _REGISTRY[s.id] = s
        if from_key:
            _OWN.discard(s.id)
        else:
            _OWN.add(s.id)


def ambil(id: str) -> Soal:
    """The question with this id, loading its module on first use."""
    key = _id(id)
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


def _polos(soal: Soal | None, value: Any) -> Any:
    """The plain form of an answer: the chart's SVG for a chart question, else :func:`ke_polos`.

    Without the question (no key here) a matplotlib object is taken for a chart.
    """
    chart = soal.bentuk == "grafik" if soal is not None else type(value).__module__.startswith("matplotlib.")
    if chart:
        from cantik.checks.figures import gambar

        return gambar(value)  # the chart's SVG: what the grader reads, never facts computed in a kernel
    return ke_polos(value)


def daftar_soal(modul: Any = None) -> list[Soal]:
    """The registered questions of the given module numbers (all modules 0–20 when ``None``), in id order."""
    for n in modul if modul is not None else range(21):
        try:
            importlib.import_module(f"cantik.checks.modul{int(n)}")
        except ModuleNotFoundError as exc:
            if exc.name != f"cantik.checks.modul{int(n)}":
                raise
    wanted = None if modul is None else {str(int(n)) for n in modul}
    out = [s for s in _REGISTRY.values() if wanted is None or re.match(r"\d+", s.id).group() in wanted]
    return sorted(out, key=lambda s: (int(re.match(r"\d+", s.id).group()), s.id))


def periksa(id: str, value: Any, bagian: dict[str, Any] | None = None, kode: str | None = None) -> Hasil:
    """Check ``value`` for question ``id``; returns :class:`Hasil` with the targeted Indonesian message.

    ``bagian`` holds the parts of a by-hand formula (``{"pembilang": ..., "penyebut": ...}``) and ``kode``
    the answer cell's code, for formula-first questions (:mod:`cantik.checks.formula`).

    Examples
    --------
    >>> periksa("2a", 0.98).benar  # doctest: +SKIP
    False
    """
    where = key.mode()
    # without the key, a question the notebook registered itself is still checked here (not a secret)
    soal = ambil(id) if where == "lokal" or _id(id) in _OWN else None
    if value is NotImplemented or value is Ellipsis:
        return Hasil(False, "Soal ini belum dijawab.")
    try:
        jawaban = _polos(soal, value)
        parts = {str(k): ke_polos(v) for k, v in (bagian or {}).items()}
    except JawabanDitolak as exc:
        return Hasil(False, str(exc), (f"{_id(id)}/bentuk",), "bentuk")
    if soal is not None:
        return periksa_polos(soal.id, jawaban, parts, kode)
    return _jawaban_layanan(id, jawaban, "cek", parts, kode)


class PemeriksaanTidakTersedia(Exception):
    """No verdict here: a graded kernel (the grader checks) or an unreachable check service."""


#: What ``cek`` says in a graded kernel, where the answer key is never present.
PESAN_DINILAI = ("Saat penilaian, jawaban diperiksa oleh penilai (bukan di notebook ini); hasilnya ada di "
                 "umpan balik.")


def _jawaban_layanan(id: str, jawaban: Any, jenis: str, bagian: dict[str, Any] | None = None,
                     kode: str | None = None) -> Hasil:
    """The check service's verdict on a plain answer (``jenis``: ``cek`` or ``bentuk``); a formula-first
    answer's parts and answer cell's code go with it."""
    if key.mode() != "layanan":
        raise PemeriksaanTidakTersedia(PESAN_DINILAI)
    payload: dict[str, Any] = {"soal": str(id), "jenis": jenis, "jawaban": ke_json(jawaban)}
    if bagian:
        payload["bagian"] = {k: ke_json(v) for k, v in bagian.items()}
    if kode is not None:
        payload["kode"] = str(kode)
    reply = _tanya_layanan("periksa", payload)
    return Hasil(bool(reply.get("benar")), str(reply.get("pesan", "")),
                 tuple(str(k) for k in reply.get("kode", ())), str(reply.get("jenis", "")))


def _tanya_layanan(path: str, payload: dict[str, Any]) -> dict[str, Any]:
    """POST ``payload`` to the class server's check service (:mod:`cantik.server.checkservice`).

    Authenticated with this server's JupyterHub token; an unknown question raises ``KeyError``, anything
    else that goes wrong :class:`PemeriksaanTidakTersedia` (both with an Indonesian message).
    """
    import urllib.error
    import urllib.request

    from cantik.data.loader import active_wilayah

    url = os.environ[key.SERVICE_ENV].rstrip("/") + "/" + path
    payload = {**payload, "wilayah": active_wilayah()}  # the module's place (pakai_wilayah in its setup cell)
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode("utf-8"), method="POST",
        headers={"Authorization": f"token {os.environ.get('JUPYTERHUB_API_TOKEN', '')}",
                 "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as reply:
            return json.loads(reply.read())
    except urllib.error.HTTPError as exc:
        try:
            pesan = str(json.loads(exc.read()).get("pesan", ""))
        except ValueError:
            pesan = ""
        if exc.code == 404 and pesan:
            raise KeyError(pesan) from None
        raise PemeriksaanTidakTersedia(
            pesan or f"Layanan pemeriksaan menolak permintaan ini (kode {exc.code}).") from None
    except (OSError, ValueError):
        raise PemeriksaanTidakTersedia(
            "Layanan pemeriksaan tidak bisa dihubungi. Coba lagi sebentar; bila tetap gagal, beri tahu "
            "pelatih.") from None


def periksa_polos(id: str, jawaban: Any, bagian: dict[str, Any] | None = None, kode: str | None = None
                  ) -> Hasil:
    """Check an answer already converted to plain data (what the grader re-checks outside the kernel).

    A formula-first question (:attr:`Soal.bagian`) checks the parts first when all are given; a wrong result
    without its parts gets its catalogue message, a right one is refused until the parts are given. The
    message is worded for the active place (a place in dusun reads "dusun" where the catalogue says "RT").
    """
    hasil = _periksa_polos(id, jawaban, bagian, kode)
    pesan = kata_tempat(hasil.pesan)
    return hasil if pesan == hasil.pesan else Hasil(hasil.benar, pesan, hasil.kode, hasil.jenis)


def _periksa_polos(id: str, jawaban: Any, bagian: dict[str, Any] | None, kode: str | None) -> Hasil:
    soal = ambil(id)
    if soal.hitung_sendiri and kode:
        dipakai = memakai(kode, nama_terlarang(soal.hitung_sendiri))
        if dipakai:
            return Hasil(False, pesan_hitung_sendiri(dipakai, soal.rumus_kata),
                         (f"{soal.id}/hitung-sendiri",), "nilai")
    parts = bagian or {}
    lengkap = all(b.nama in parts for b in soal.bagian)
    if soal.bagian and lengkap:  # every part given: a wrong part is named before the result is read
        hasil_bagian = periksa_bagian(soal.bagian, parts, lambda b, a, e: b(a, e).benar)
        if hasil_bagian is not None:
            # the result a wrong part gives usually is a catalogued mistake (dividing by everyone gives
            # 2b/penyebut-semua): its code goes with the part's message, so the class report sees it
            dari_katalog = tuple(k for k in periksa_nilai(soal, jawaban).kode
                                 if k.split("/", 1)[-1] not in KODE_KHUSUS)
            return Hasil(False, hasil_bagian.pesan, (f"{soal.id}/bagian", *dari_katalog), "nilai")
    if soal.bentuk == "grafik" and not _is_chart(jawaban):
        return Hasil(False, "Jawaban harus berupa gambar matplotlib (Figure atau Axes), misalnya `fig` "
                            "atau `ax`.", (f"{soal.id}/bentuk",), "bentuk")
    hasil = periksa_nilai(soal, jawaban)
    if hasil.benar and not lengkap:  # a right result still needs its parts (formula first)
        kurang = periksa_bagian(soal.bagian, parts, lambda b, a, e: b(a, e).benar)
        assert kurang is not None
        return Hasil(False, kurang.pesan, (f"{soal.id}/bagian-kurang",), "bentuk")
    return hasil


def _ipython() -> Any:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with Jupyter
        return None
    return get_ipython()


def _kode_sel_ini() -> str | None:
    """The code of the cell now running in the learner's kernel (IPython records it before running)."""
    ip = _ipython()
    hist = getattr(getattr(ip, "history_manager", None), "input_hist_raw", None)
    return str(hist[-1]) if hist else None


def kode_jawaban(id: str) -> str | None:
    """The answer cell's code for a test of question ``id``.

    In the grader's process it is the submitted notebook's answer cell (set by the sandbox in
    :data:`KODE_JAWABAN`); in a kernel, the last executed cell before the running one that calls ``cek``
    for ``id``.
    """
    kode = KODE_JAWABAN.get()
    if kode is not None:
        return kode
    ip = _ipython()
    hist = getattr(getattr(ip, "history_manager", None), "input_hist_raw", None)
    if not hist:
        return None
    pola = re.compile(rf"""cek\(\s*['"]{re.escape(str(id))}['"]""", re.IGNORECASE)
    for kode in reversed(list(hist)[:-1]):
        if pola.search(str(kode)):
            return str(kode)
    return None


#: ``cek`` called without an answer.
_TANPA_JAWABAN = object()


def cek(id: str, value: Any = _TANPA_JAWABAN, **bagian: Any) -> None:
    """Check an answer and print "Benar" or a message about the likely mistake (for learners).

    For a formula-first question, pass the parts too: ``cek("2a", rasio, pembilang=l, penyebut=p)``.

    Examples
    --------
    >>> cek("2a", rasio)  # doctest: +SKIP
    Belum tepat (soal 2a): Sepertinya Anda membagi dengan seluruh penduduk, ...
    """
    if value is _TANPA_JAWABAN:
        nomor = _id(id) if isinstance(id, str) and re.fullmatch(r"\d+[a-z]", _id(id)) else "1a"
        print(f'`cek` perlu dua isian: nomor soal, lalu jawaban Anda, misalnya `cek("{nomor}", '
              'nama_variabel_jawaban)`.')
        return
    if not isinstance(id, str) and isinstance(value, str) and re.fullmatch(r"\d+[a-z]", _id(value)):
        print(f'Urutan isian `cek` terbalik: nomor soal dulu, lalu jawabannya: `cek("{_id(value)}", '
              "jawaban)`.")
        return
    try:
        hasil = periksa(id, value, bagian, _kode_sel_ini() if _perlu_kode(id) else None)
    except KeyError as exc:
        print(exc.args[0])
        return
    except PemeriksaanTidakTersedia as exc:
        print(f"ℹ️ {exc}")
        return
    if hasil.benar:
        print(f"✅ Benar! (soal {_id(id)})" + (f" {hasil.pesan}" if hasil.pesan else ""))
    else:
        print(f"❌ Belum tepat (soal {_id(id)}): {hasil.pesan}")


def _perlu_kode(id: str) -> bool:
    """Whether the answer cell's code goes with a check of ``id``: the question refuses a library helper
    (:attr:`Soal.hitung_sendiri`), or the check service decides (no key here)."""
    return key.mode() != "lokal" or bool(ambil(id).hitung_sendiri)


def _id(id: str) -> str:
    """A question id as the registry writes it, read as a person would (``" 2A "``, ``"Soal 2a"``,
    ``"2a."``, ``"no. 2a"`` → ``"2a"``).

    Examples
    --------
    >>> _id(" 2A "), _id("Soal 2a"), _id("2a."), _id("No. 12b:"), _id("2a dan 2b")
    ('2a', '2a', '2a', '12b', '2a dan 2b')
    """
    key = str(id).strip().lower()
    m = re.fullmatch(r"(?:soal|nomor|no\.?)?\s*(\d+[a-z])\s*[.:)]?", key)
    return m.group(1) if m else key


def _is_chart(jawaban: Any) -> bool:
    from cantik.checks.figures import Gambar

    return isinstance(jawaban, Gambar)


#: MIME type of the plain answer a hidden test hands to the grader (see ``RecheckAnswers``).
MIME_JAWABAN = "application/vnd.cantik.jawaban+json"
#: The code of the answer cell a test grades, while :func:`cantik.sandbox.answers.run_test` runs it in the
#: grader's process (read by checks that refuse answers computed with a helper the question asks to do by
#: hand, :mod:`cantik.checks.formula`).
KODE_JAWABAN: contextvars.ContextVar[str | None] = contextvars.ContextVar("kode_jawaban", default=None)
#: A test cell whose source holds this comment runs in the learner's kernel even when the grader checks
#: answers in its own process (e.g. checks of a live matplotlib figure): ``SandboxExecute.kernel_marker``.
KERNEL_MARKER = "# uji-di-kernel"


def uji(id: str, value: Any, **bagian: Any) -> None:
    """Grading test: raise ``AssertionError`` with the targeted Indonesian message unless correct.

    Under ``nbgrader autograde`` (``NBGRADER_EXECUTION`` set) it also hands the answer, as plain JSON, to the
    grader process, which checks it again outside the learner's kernel
    (:class:`cantik.grading.preprocessors.RecheckAnswers`), so patching this module from a learner's cell
    cannot turn a wrong answer into points.
    """
    if key.mode() == "penilai":  # a graded kernel holds no key: the grader checks what is handed over
        _serahkan(id, value, bagian=bagian)
        if _id(id) not in _OWN:
            return
        # A question the notebook registered itself (its expectation is in the notebook, not in the key):
        # the grader may not know it, so it is checked here too, as before the keyless mode.
    try:
        hasil = periksa(id, value, bagian, kode_jawaban(id) if _perlu_kode(id) else None)
    except PemeriksaanTidakTersedia as exc:
        raise AssertionError(f"Soal {id}: {exc}") from None
    if os.environ.get("NBGRADER_EXECUTION") and key.mode() != "penilai":  # penilai: handed over above
        _serahkan(id, value, bagian=bagian)
    if not hasil.benar:
        raise AssertionError(tandai(f"Soal {id}: {hasil.pesan}", hasil.kode))


def _serahkan(id: str, value: Any, jenis: str = "uji", bagian: dict[str, Any] | None = None) -> None:
    """Display the plain answer under :data:`MIME_JAWABAN` (read by the grader, removed from feedback).

    ``jenis``: ``uji`` (the full check) or ``bentuk`` (the kind of answer, :func:`uji_bentuk`); ``bagian``:
    a formula-first answer's parts, handed with it. Only inside a kernel: when a sandbox runs the test cell
    in the grader's own process, nothing is handed.
    """
    if getattr(_ipython(), "kernel", None) is None:
        return
    try:
        soal = ambil(id) if key.mode() == "lokal" else None
        data: Any = json.loads(json.dumps(ke_json(_polos(soal, value))))
        parts: Any = json.loads(json.dumps({str(k): ke_json(ke_polos(v)) for k, v in (bagian or {}).items()}))
    except (JawabanDitolak, TypeError, ValueError):
        data, parts = None, None  # the grader's re-check then fails with its own message
    from IPython.display import display

    display({MIME_JAWABAN: {"soal": str(id), "jawaban": data, "jenis": jenis, "bagian": parts}}, raw=True)


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
    where = key.mode()
    if where == "penilai":  # a graded kernel holds no key: the grader checks what is handed over
        _serahkan(id, value, "bentuk")
        return
    soal = ambil(id) if where == "lokal" else None
    try:
        jawaban = _polos(soal, value)
    except JawabanDitolak as exc:
        raise AssertionError(f"Soal {id}: {exc}") from None
    try:
        hasil = periksa_bentuk(id, jawaban) if soal is not None else _jawaban_layanan(id, jawaban, "bentuk")
    except PemeriksaanTidakTersedia as exc:
        raise AssertionError(f"Soal {id}: {exc}") from None
    if not hasil.benar:
        raise AssertionError(tandai(f"Soal {id}: {hasil.pesan}", hasil.kode))


def periksa_bentuk(id: str, jawaban: Any) -> Hasil:
    """Whether a plain answer has the right *kind* for question ``id`` (what :func:`uji_bentuk` checks);
    a known mistake gets its own message."""
    soal = ambil(id)
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
    if ok:
        return Hasil(True, "")
    targeted = periksa_polos(id, jawaban)  # a known mistake (e.g. `df.shape` for a count) gets its message
    if targeted.pesan:
        return Hasil(False, targeted.pesan, targeted.kode, targeted.jenis)
    return Hasil(False, pesan, (f"{soal.id}/bentuk",), "bentuk")


def _ada_gambar(j: Any) -> bool:
    from cantik.checks.figures import semua_grafik

    try:
        return any(g.jenis != "kosong" for g in semua_grafik(j))
    except JawabanDitolak:
        return False


def petunjuk(id: str = "", semua: bool = False) -> None:
    """Print the next hint for question ``id`` (each call goes one step further; ``semua`` shows all so far).

    Examples
    --------
    >>> petunjuk("2a")  # doctest: +SKIP
    Petunjuk 1 dari 3 (soal 2a): ...
    """
    if not str(id).strip():
        print('Tulis nomor soalnya di dalam kurung, dengan tanda kutip, misalnya `petunjuk("2a")`.')
        return
    try:
        hints = daftar_petunjuk(id)
    except KeyError as exc:
        print(exc.args[0])
        return
    except PemeriksaanTidakTersedia as exc:
        print(f"ℹ️ {exc}")
        return
    sid = _id(id)
    if not hints:
        print(f"Belum ada petunjuk untuk soal {sid}.")
        return
    n = len(hints)
    step = min(_HINT_STEP.get(sid, 0) + 1, n)
    _HINT_STEP[sid] = step
    first = 1 if semua else step
    for i in range(first, step + 1):
        print(f"💡 Petunjuk {i} dari {n} (soal {sid}): {hints[i - 1]}")
    if step == n and not semua:
        print("   (Ini petunjuk terakhir.)")


#: A call of ``uji``/``uji_bentuk`` with a literal question id in a test cell's source.
UJI_CALL = re.compile(r"""(?<![\w.])(uji|uji_bentuk)\(\s*['"]([^'"]+)['"]""")


def soal_di_uji(source: str) -> list[str]:
    """The question ids a test cell checks with ``uji``/``uji_bentuk``, in order.

    Examples
    --------
    >>> soal_di_uji('uji_bentuk("2a", rasio)\\nuji("2a", rasio)\\nuji("2b", x)')
    ['2a', '2b']
    """
    return list(dict.fromkeys(m.group(2) for m in UJI_CALL.finditer(source)))


def siapkan_soal(ids: list[str]) -> None:
    """Compute now, once, the expected values and catalogue values of these questions (the grader does
    this before it reads any learner data, so checking an answer later costs only the comparison)."""
    for sid in ids:
        soal = ambil(sid)
        soal.nilai_harapan()
        for entry in katalog(soal):
            entry.hitung()


def daftar_petunjuk(id: str) -> list[str]:
    """The hints of question ``id``, from the key here or from the check service."""
    where = key.mode()
    if where == "lokal":
        return ambil(id).daftar_petunjuk()
    if where == "penilai":
        raise PemeriksaanTidakTersedia("Petunjuk tidak ditampilkan saat penilaian.")
    return [str(h) for h in _tanya_layanan("petunjuk", {"soal": str(id)}).get("petunjuk", [])]


def arti_kode(kode: str) -> tuple[str, str | None]:
    """What a recorded id means: (short description, key of :data:`cantik.checks.mistakes.KONSEP` or
    ``None`` when it is not a misconception, e.g. a time-out). Unknown ids give the id itself and ``"lain"``.

    Examples
    --------
    >>> arti_kode("waktu-habis")
    ('Sel jawaban tidak selesai: waktu habis (perulangan tanpa akhir?)', None)
    >>> arti_kode("2b/hampir")[1]
    'pembulatan'
    """
    sid, _, key = kode.rpartition("/")
    if key in KODE_KHUSUS:
        return KODE_KHUSUS[key]
    try:
        entry = next((s for s in katalog(ambil(sid)) if s.kode == key), None)
    except Exception:  # an id from an older catalogue, or data missing: describe it by its id
        entry = None
    return (entry.pesan, entry.konsep) if entry is not None else (kode, "lain")


__all__ = ["MIME_JAWABAN", "Bagian", "Deret", "Hasil", "Salah", "Soal", "Tabel", "ambil", "arti_kode", "cek",
           "daftar", "daftar_soal", "dari_json", "ke_json", "kode_jawaban", "periksa", "periksa_bentuk",
           "periksa_polos", "petunjuk", "uji", "uji_bentuk"]
