"""Who sent a loose file: read its name as a person would, and weigh it against the notebook's metadata.

Names arrive as people send them: ``Modul 1 Hendra Gunawan.ipynb``, ``modul2 siti nurhaliza.ipynb``,
``WhatsApp Document Fitriani modul1 (1).ipynb``, ``Tugas_modul1-ku03 FINAL revisi.ipynb``. The name is cut
into words at any separator (space, ``_``, ``-``, ``.``, brackets; letters and digits apart) and compared
without case or accents:

1. a learner's **id** anywhere in the name (ids made of digits only count from 4 digits: "modul 1" is not
   learner "1");
2. otherwise the learner whose **name words** the file name holds most of: the full name in any order, or
   a first or last name that only one learner has. Two learners tied ("Siti" when the class has two) is
   *ambiguous*. A name found only in part beside words that belong to nobody in the class
   ("Budi Hartono" when the class only has "Hartono Wijaya") is not trusted either;
3. noise is ignored: "WhatsApp Document", "Tugas", "final", "revisi", "copy", "(1)", dates, module
   numbers, the class's villages and cohorts.

The notebook's own metadata (``metadata.cantik.peserta``) is read first, but the notebook is the sender's
to edit: metadata naming a learner other than the one the file name names is a **conflict** (both are
named, nothing is assigned), never a silent reassignment.

Examples
--------
>>> people = [Learner("ku01", "Siti Aminah"), Learner("ku02", "Budi Santoso"), Learner("th02", "Siti Hajar")]
>>> identify("WhatsApp Document modul1_BUDI (1).ipynb", {}, people).learner.id
'ku02'
>>> identify("Modul 2 - Siti.ipynb", {}, people).candidates == [people[0], people[2]]
True
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from cantik.grading.roster import Learner


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words people add to a file name that never name a learner (lower case, no accents).
NOISE = _wordset("""
whatsapp wa document dokumen doc docs file berkas img image ipynb zip rar notebook nb jupyter colab
tugas tgs latihan soal jawaban jwb pr kuis ujian modul module mod bab bagian part kelas class cantik
desa kelurahan kel kec kecamatan kab kabupaten data statistik bps rt rw
final fix fixed revisi rev revised koreksi perbaikan edit edited update updated terbaru baru new lama old
copy kopi salinan duplikat versi ver v draft draf selesai sudah done ok oke ke dan and of at the
kirim kiriman dikirim dari oleh by nama name punya milik saya
pak bu ibu bapak mas mbak adik kak sdr sdri bpk
untitled tanpa judul hasil output lengkap
""")
#: Titles and honorifics inside a roster name: never used alone to find a learner.
TITLES = _wordset("hj h hajjah haji dr drs dra ir prof st s se sh spd skm sst ssi amd amk mm msi mpd")
#: Shortest name word that may identify a learner on its own (shorter ones: initials like "M.").
MIN_WORD = 3


def normalize(text: str) -> str:
    """Lower case, accents removed, anything but letters and digits turned into spaces.

    Examples
    --------
    >>> normalize("Modul_1-Siti.Nurhaliza (1)")
    'modul 1 siti nurhaliza 1'
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])", " ", text)  # "modul1" -> "modul 1"
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _raw_tokens(text: str) -> list[str]:
    """Alphanumeric runs without splitting letters from digits (ids such as ``ku01``)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", text)


def name_words(nama: str) -> list[str]:
    """A roster name's words that can identify a person (titles and initials left out).

    Examples
    --------
    >>> name_words("Hj. Siti Nur'aini, S.E.")
    ['siti', 'nuraini']
    """
    nama = re.sub(r"['’`]", "", nama)
    nama = re.sub(r",.*$", "", nama)  # academic degrees after a comma
    return [w for w in normalize(nama).split() if w not in TITLES and len(w) >= 2 and not w.isdigit()]


@dataclass
class Identity:
    """Who a file belongs to, as far as its name and metadata tell.

    ``learner`` is set only when exactly one learner is meant; otherwise ``candidates`` lists who it could
    be (empty: nobody) and ``reason`` says why it is not assigned, naming the candidates.
    """

    learner: Learner | None = None
    how: str = ""  # "id di nama berkas", "nama di nama berkas", "metadata notebook"
    candidates: list[Learner] = field(default_factory=list)
    reason: str = ""
    conflict: bool = False  # metadata and file name name different learners
    words: list[str] = field(default_factory=list)  # name-like words read from the file name


def _label(people: Iterable[Learner]) -> str:
    return ", ".join(f"{x.id} ({x.nama})" for x in people)


def _contains(words: list[str], seq: list[str]) -> bool:
    n = len(seq)
    return n > 0 and any(words[i : i + n] == seq for i in range(len(words) - n + 1))


def _no_zeros(words: list[str]) -> list[str]:
    """Numbers without leading zeros ("05" -> "5"), other words as they are."""
    return [w.lstrip("0") or "0" if w.isdigit() else w for w in words]


def _by_id(raw: list[str], words: list[str], learners: list[Learner]) -> list[Learner]:
    """Learners whose id is in the file name: as written, split at separators ("KU-05"), or, for an id of
    letters and a number, written in one word without the number's zeros ("ku5" for ku05; "ku 5" is not
    enough: "tugas ku 1" is "my assignment 1")."""
    glued = [_no_zeros(normalize(t).split()) for t in raw]
    found = []
    for x in learners:
        key = x.id.lower()
        if key.isdigit() and len(key) < 4:
            continue
        parts = normalize(x.id).split()
        mixed = any(p.isdigit() for p in parts) and any(not p.isdigit() for p in parts)
        if key in raw or _contains(words, parts) or (mixed and _no_zeros(parts) in glued):
            found.append(x)
    return found


def _by_name(words: list[str], learners: list[Learner], known: set[str]) -> tuple[list[Learner], str]:
    """Learners whose name words the file holds most of; ``""`` or a reason why that is not enough."""
    present = set(words)
    glued = {w for w in words if len(w) >= 6}  # "sitinurhaliza"
    matched: dict[str, set[str]] = {}
    for x in learners:
        own = [w for w in name_words(x.nama) if len(w) >= MIN_WORD] or name_words(x.nama)
        hits = {w for w in own if w in present}
        if len(own) > 1 and "".join(own) in glued:
            hits = set(own)
        if hits:
            matched[x.id] = hits
    if not matched:
        return [], ""
    best = max(len(h) for h in matched.values())
    top = [x for x in learners if len(matched.get(x.id, ())) == best]
    if len(top) > 1:
        return top, "ambiguous"
    winner = top[0]
    full = set(name_words(winner.nama)) <= matched[winner.id] | {w for w in name_words(winner.nama)
                                                                  if len(w) < MIN_WORD}
    strangers = [w for w in words if len(w) >= MIN_WORD and not w.isdigit() and w not in known]
    if not full and strangers:
        return top, "strangers"
    return top, ""


def _words(filename: str) -> tuple[list[str], list[str]]:
    """Words of a file name (``arsip.zip:folder/nama.ipynb``: the member's name), noise removed."""
    raw, words = [], []
    for part in filename.split(":"):
        path = PurePosixPath(part.replace("\\", "/"))
        for piece in [*path.parts[:-1], path.stem]:
            raw += _raw_tokens(piece)
            words += [w for w in normalize(piece).split() if w not in NOISE and not w.isdigit()]
    return raw, words


def _context_words(learners: list[Learner], extra: Iterable[str]) -> set[str]:
    """Words that explain themselves in a file name: the class's name words, villages, cohorts, roles,
    module and notebook names."""
    known = set(NOISE)
    for x in learners:
        known |= set(name_words(x.nama))
        for text in (x.desa, x.kohort, x.peran):
            known |= set(normalize(text).split())
    for text in extra:
        known |= set(normalize(text).split())
    return known


def from_file_name(filename: str, learners: list[Learner], context: Iterable[str] = ()) -> Identity:
    """Identify the sender from the file name alone (zip members: the member's name, then the zip's).

    Examples
    --------
    >>> people = [Learner("ku01", "Hendra Gunawan"), Learner("ku02", "Hartono Wijaya")]
    >>> from_file_name("Modul 1 Hendra Gunawan.ipynb", people).learner.id
    'ku01'
    >>> print(from_file_name("Modul 1 - Budi Hartono.ipynb", people).reason)  # doctest: +NORMALIZE_WHITESPACE
    nama berkas hanya cocok sebagian dengan ku02 (Hartono Wijaya) dan memuat kata lain ('budi');
    pastikan pengirimnya
    """
    known = _context_words(learners, context)
    parts = filename.split(":")
    # a zip member's own name first; the archive's name and folders only when the member names nobody
    tries = [parts[-1]] + ([":".join(parts)] if len(parts) > 1 or "/" in parts[-1] else [])
    for attempt in tries:
        raw, words = _words(attempt)
        by_id = _by_id(raw, normalize(" ".join(raw)).split(), learners)
        if len(by_id) == 1:
            return Identity(by_id[0], "id di nama berkas", words=words)
        if len(by_id) > 1:
            return Identity(candidates=by_id, words=words,
                            reason=f"nama berkas memuat id beberapa peserta: {_label(by_id)}")
        found, doubt = _by_name(words, learners, known)
        shown = ", ".join(f"'{w}'" for w in dict.fromkeys(words)) or "(tidak ada)"
        if found and not doubt:
            return Identity(found[0], "nama di nama berkas", words=words)
        if doubt == "ambiguous":
            return Identity(candidates=found, words=words,
                            reason="nama berkas cocok dengan lebih dari satu peserta: "
                                   f"{_label(found)}; kata yang dibaca: {shown}")
        if doubt == "strangers":
            others = ", ".join(f"'{w}'" for w in dict.fromkeys(words)
                               if w not in known and len(w) >= MIN_WORD)
            return Identity(candidates=found, words=words,
                            reason=f"nama berkas hanya cocok sebagian dengan {_label(found)} dan memuat kata "
                                   f"lain ({others}); pastikan pengirimnya")
    raw, words = _words(filename)
    close = _close(words, learners)
    shown = ", ".join(f"'{w}'" for w in dict.fromkeys(words))
    if not shown:
        return Identity(reason="nama berkas tidak memuat nama atau id peserta", words=words)
    reason = f"nama berkas tidak cocok dengan peserta mana pun (kata yang dibaca: {shown})"
    reason += f"; mirip: {_label(close)}" if close else "; tidak ada nama peserta yang mirip"
    return Identity(candidates=close, reason=reason, words=words)


def _close(words: list[str], learners: list[Learner]) -> list[Learner]:
    """Learners with a name word close to a word of the file name (typos: "Fitriyani" ~ "Fitriani")."""
    out = []
    for x in learners:
        own = [w for w in name_words(x.nama) if len(w) >= MIN_WORD]
        if any(difflib.get_close_matches(w, own, n=1, cutoff=0.75) for w in words if len(w) >= MIN_WORD):
            out.append(x)
    return out


def metadata_id(nb: dict) -> str:
    """The learner id a notebook's metadata claims (``metadata.cantik.peserta``), or ``""``."""
    meta = nb.get("metadata") if isinstance(nb, dict) else None
    cantik = meta.get("cantik") if isinstance(meta, dict) else None
    value = cantik.get("peserta") if isinstance(cantik, dict) else None
    return str(value).strip() if isinstance(value, str | int) else ""


def identify(filename: str, nb: dict, learners: list[Learner], context: Iterable[str] = ()) -> Identity:
    """The sender of a loose notebook: metadata first, the file name beside it, conflicts never resolved
    silently (see the module docstring).

    Examples
    --------
    >>> people = [Learner("ku01", "Siti Aminah"), Learner("ku02", "Budi Santoso")]
    >>> identify("modul1.ipynb", {"metadata": {"cantik": {"peserta": "ku02"}}}, people).how
    'metadata notebook'
    >>> print(identify("Modul 1 - Siti Aminah.ipynb", {"metadata": {"cantik": {"peserta": "ku02"}}},
    ...                people).reason)  # doctest: +NORMALIZE_WHITESPACE
    identitas bertentangan: nama berkas menyebut ku01 (Siti Aminah),
    metadata notebook menyebut ku02 (Budi Santoso)
    """
    by_name = from_file_name(filename, learners, context)
    claimed = metadata_id(nb).lower()
    meta = next((x for x in learners if x.id.lower() == claimed), None) if claimed else None
    if meta is None or by_name.learner == meta:
        return by_name
    if by_name.learner is None and (meta in by_name.candidates or not by_name.words):
        return Identity(meta, "metadata notebook", words=by_name.words)
    if by_name.learner is not None:
        why = f"nama berkas menyebut {_label([by_name.learner])}"
    else:
        why = f"menurut nama berkas: {by_name.reason}"
    return Identity(candidates=[*([by_name.learner] if by_name.learner else by_name.candidates), meta],
                    conflict=True, words=by_name.words,
                    reason=f"identitas bertentangan: {why}, metadata notebook menyebut {_label([meta])}")


_MODULE_NUMBER = re.compile(r"(?:modul|module|mod|m|bab)\s*0*(\d{1,2})\b")


def module_number(filename: str) -> int | None:
    """The module number a file name mentions ("Modul 2", "modul2", "mod_02", "M2"), if any.

    Examples
    --------
    >>> module_number("WhatsApp Document Fitriani modul1.ipynb"), module_number("Tugas M 3 final.ipynb")
    (1, 3)
    >>> module_number("latihan siti.ipynb") is None
    True
    """
    found = _MODULE_NUMBER.search(normalize(PurePosixPath(filename.split(":")[-1]).stem))
    return int(found.group(1)) if found else None
