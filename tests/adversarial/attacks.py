"""The adversarial submissions: one learner each, written into a real nbgrader course by the battery.

Each :class:`Attack` is either an *answer* (code put into the release notebook's answer cell) or a raw
*file* (bytes written as the submitted notebook). ``{NAME}`` placeholders are filled with absolute paths
of the temporary course (what an attacker could guess on a trainer's machine).
``points`` is the score the learner may get (honest work only); ``reason`` a fragment the recorded
Indonesian reason must contain (``None``: nothing to record).
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

HONEST = "rasio = 120 / 100 * 100"


@dataclass(frozen=True)
class Attack:
    student: str
    answer: str | None = None
    raw: bytes | None = None
    points: float = 0.0
    reason: str | None = None
    extra_files: dict[str, bytes] = field(default_factory=dict)
    symlinks: dict[str, str] = field(default_factory=dict)
    graded: bool | None = True
    """Whether nbgrader writes an autograded notebook (``None``: either is fine)."""
    pad_mb: int = 0
    """Megabytes of stored output added to the answer cell (a huge notebook file)."""
    fake_test: str | None = None
    """Code of an extra cell the learner marks as an nbgrader test cell (not in the gradebook)."""
    extra_cells: tuple[str, ...] = ()
    """Code cells the learner adds after the answer cell (before the test cell)."""
    edit: Callable[[Any], None] | None = None
    """Changes the learner makes to the notebook's cells after answering (copy, delete, reorder)."""


def _docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>rasio = 120</w:document>")
    return buf.getvalue()


def _nbformat3() -> bytes:
    nb = {"nbformat": 3, "nbformat_minor": 0, "metadata": {"name": "kuis"},
          "worksheets": [{"cells": [{"cell_type": "code", "language": "python", "input": HONEST,
                                     "outputs": [], "metadata": {}}], "metadata": {}}]}
    return json.dumps(nb).encode()


READ_SECRETS = """
import os, glob
bocor = []
for p in [{GRADEBOOK!r}, {SOURCE_NB!r}, {OTHER_SUBMITTED!r}, {OTHER_AUTOGRADED!r}, {HOME_SECRET!r},
          {CONFIG!r}, '/etc/shadow'] + [f'/proc/{{pid}}/environ' for pid in os.listdir('/proc')
                                         if pid.isdigit() and int(pid) != os.getpid()]:
    try:
        with open(p, 'rb') as f:
            bocor.append((p, f.read(300)))
    except Exception as e:
        print('tertolak', p, type(e).__name__)
bocor += [(k, v) for k, v in os.environ.items() if 'RAHASIA' in k]
bocor += [(p, 'ada') for p in glob.glob({ROOT!r} + '/**', recursive=True) if os.path.exists(p)]
bocor += [(p, 'ada') for p in glob.glob('/root/*') if os.path.exists(p)]
print('BOCOR', bocor)
if bocor:
    rasio = 120.0
"""

DELETE_AROUND = """
import os, shutil
os.system('rm -rf ~ 2>/dev/null')
for p in [{ROOT!r}, {GRADEBOOK!r}, {HOME_PELATIH!r}, {SOURCE_NB!r}, {OTHER_SUBMITTED!r}, os.getcwd()]:
    shutil.rmtree(p, ignore_errors=True)
    try:
        os.remove(p)
    except Exception as e:
        print(p, type(e).__name__)
for f in os.listdir('.'):
    try:
        os.remove(f)
    except Exception as e:
        print(f, type(e).__name__)
"""

NETWORK = """
import socket
for host, port in [('127.0.0.1', {PORT}), ('1.1.1.1', 80), ('pypi.org', 443)]:
    try:
        socket.create_connection((host, port), timeout=1).close()
        rasio = 120.0
        print('TERHUBUNG', host)
    except OSError as e:
        print('gagal', host, e)
"""

FORK_BOMB = """
import os
while True:
    os.fork()
"""

IGNORE_INTERRUPT = """
import signal
signal.signal(signal.SIGINT, signal.SIG_IGN)
while True:
    pass
"""

PRINT_100MB = """
baris = 'x' * 99
for i in range(1_000_000):
    print(baris)
rasio = 120.0
"""

HUGE_FILE = """
blok = b'0' * (1024 * 1024)
with open('besar.bin', 'wb') as f:
    for i in range(4096):
        f.write(blok)
"""

SYMLINK_READ = """
try:
    print(open('bocor.csv', 'rb').read(100))
    rasio = 120.0
except OSError as e:
    print('tertolak', e)
"""

ATTACKS: list[Attack] = [
    Attack("jujur_a", HONEST, points=1),
    Attack("jujur_b", "import pandas as pd\nd = pd.read_csv('data_kecil.csv', comment='#')\n"
                      "rasio = float(d.laki.sum() / d.perempuan.sum() * 100)", points=1),
    Attack("salah", "rasio = 100 / 120 * 100", points=0),
    Attack("loop_tanpa_akhir", "while True:\n    pass", reason="batas waktu per sel"),
    Attack("loop_tahan_interupsi", IGNORE_INTERRUPT, reason="tidak bisa dihentikan"),
    Attack("bom_memori", "x = bytearray(8 * 1024 ** 3)\nrasio = 120.0", reason="memori"),
    Attack("bom_memori_list", "x = [1] * (10 ** 10)\nrasio = 120.0", reason="memori"),
    Attack("bom_fork", FORK_BOMB, reason="proses"),
    Attack("hapus_rumah", DELETE_AROUND, reason=None),
    Attack("baca_rahasia", READ_SECRETS, reason=None),
    Attack("jaringan", NETWORK, reason=None),
    Attack("sys_exit", "import sys\nsys.exit()", reason=None),
    Attack("os_exit", "import os\nos._exit(0)", reason="berhenti sendiri"),
    Attack("exit_ipython", "exit()", reason=None),
    Attack("bunuh_kernel", "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)", reason="SIGKILL"),
    Attack("cetak_100mb", PRINT_100MB, reason="keluaran"),
    Attack("berkas_raksasa", HUGE_FILE, reason="berkas"),
    Attack("tautan_rahasia", SYMLINK_READ, symlinks={"bocor.csv": "{GRADEBOOK}"}),
    Attack("json_rusak", graded=False, raw=b'{"cells": [ {"cell_type": "code", '),
    Attack("berkas_kosong", graded=False, raw=b""),
    Attack("nbformat_lama", graded=None, raw=_nbformat3()),
    Attack("docx_berganti_nama", graded=False, raw=_docx()),
    Attack("nama_ünicode_日本", HONEST, points=1,
           extra_files={"data ü 日本 ☃.csv": b"a,b\n1,2\n", ("x" * 200) + ".csv": b"a\n1\n"}),
    Attack("notebook_51mb", HONEST, points=1, pad_mb=51),
    Attack("metadata_diedit", "rasio = 1.0", graded=None),  # the test cell is tampered with by the battery
]


EQ_OVERRIDE = """
class SelaluBenar(float):
    def __eq__(self, other):
        return True
    def __sub__(self, other):
        return 0.0
    def __bool__(self):
        return True
    def __float__(self):
        return 120.0
rasio = SelaluBenar(0)
"""

PATCH_BUILTINS = """
import builtins
builtins.abs = lambda x: 0
rasio = 0.0
"""

PATCH_NUMPY = """
import numpy as np
rasio = np.float64(120.0)
np.float64.__sub__ = lambda self, other: 0.0
"""

#: Attacks on the test code itself (nbgrader #1379): they beat tests that run in the learner's kernel.
ANSWER_ATTACKS: list[Attack] = [
    Attack("jujur_a", HONEST, points=1),
    Attack("jujur_numpy", "import numpy as np\nrasio = np.float64(120.0)", points=1),
    Attack("salah", "rasio = 100 / 120 * 100", points=0),
    # read for its honest value (0.0), as cek reads a float subclass: the overrides earn nothing, the value
    # is wrong and gets the test's own message
    Attack("eq_override", EQ_OVERRIDE, reason="Rasio = laki-laki / perempuan x 100"),
    Attack("monkeypatch_builtins", PATCH_BUILTINS),
    Attack("monkeypatch_numpy", PATCH_NUMPY, points=1),
    Attack("os_exit", "import os\nos._exit(0)", reason="berhenti sendiri"),
    Attack("sel_uji_palsu", HONEST, points=0, graded=None,
           fake_test="open({ROOT!r} + '/DIRETAS.txt', 'w').write('kode peserta di proses penilai')"),
]
