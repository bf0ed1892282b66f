"""The sandbox on real bubblewrap kernels: what a kernel can see and do, and how limits stop it."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import json
import os
import subprocess
import sys
import typing as t
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from cantik.sandbox.bwrap import UID_BASE, SandboxUnavailable, find_bwrap, working_files
from tests.strict import BWRAP_MISSING, has_bwrap, security_requires
from tests.unprivileged import USERS, run_as

ROOT = Path(__file__).resolve().parents[2]
needs_bwrap = security_requires(has_bwrap(), BWRAP_MISSING)

PROBE = r"""
import json, os, signal, socket, sys
r = {"uid": os.getuid(), "cwd": os.getcwd(), "files": sorted(os.listdir(".")),
     "home": os.path.expanduser("~"), "pids": sorted(int(p) for p in os.listdir("/proc") if p.isdigit())}
r["visible"] = {p: os.path.exists(p) for p in [ROOT + "/grading", ROOT + "/courses", ROOT + "/.git",
                ROOT + "/nbgrader_config.py", "/root/.bash_history", SECRET_DIR]}
r["env_secret"] = any("cantik-rahasia" in v for v in os.environ.values())
def can_write(p):
    try:
        with open(p, "w") as f:
            f.write("x")
        return True
    except OSError:
        return False
r["write"] = {p: can_write(p) for p in [ROOT + "/src/cantik/__init__.py", "/usr/x", "data.csv",
              "baru.txt", os.environ.get("CANTIK_DATASETS", "/nope") + "/x"]}
try:
    socket.create_connection(("127.0.0.1", PORT), timeout=1)
    r["net"] = True
except OSError:
    r["net"] = False
try:
    os.kill(GRADER_PID, signal.SIGTERM)
    r["kill"] = True
except OSError:
    r["kill"] = False
import pandas
r["datasets"] = sorted(os.listdir(os.environ["CANTIK_DATASETS"]))[:3]
r["fds"] = {}
for fd in os.listdir("/proc/self/fd"):
    try:
        r["fds"][fd] = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        pass
r["own_files"] = [os.path.realpath(m.__file__) for m in list(sys.modules.values())
                  if getattr(m, "__file__", None)] + ["/proc/self/fd", f"/proc/{os.getpid()}/fd"]
r["writable"] = []
for root, dirs, files in os.walk("/"):
    if root.startswith(("/proc", "/sys")):
        dirs[:] = []
    elif os.access(root, os.W_OK):
        r["writable"].append(root)
r["caps"] = [line.split()[1] for line in open("/proc/self/status") if line.startswith("CapEff")][0]
print(json.dumps(r))
"""


def _run_async(coro):
    """``asyncio.run`` in a fresh thread: Playwright's sync API (browser tests earlier in the same session)
    leaves an event loop running in the main thread, where ``asyncio.run`` refuses to start."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def test_missing_bwrap_is_explained_in_indonesian(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CANTIK_BWRAP", str(tmp_path / "tidak-ada"))
    with pytest.raises(SandboxUnavailable, match=r"bubblewrap.*belum terpasang"):
        find_bwrap()
    from cantik.sandbox.kernel import SandboxKernelManager

    with pytest.raises(SandboxUnavailable, match="apt-get install bubblewrap"):
        _run_async(SandboxKernelManager().start_kernel())


def test_working_files_leave_out_notebooks_links_and_submitted_links(tmp_path: Path) -> None:
    work, sub = tmp_path / "autograded", tmp_path / "submitted"
    (work / "sub").mkdir(parents=True)
    sub.mkdir()
    for name in ("data.csv", "kuis.ipynb", ".tersembunyi", "sub/b.csv", "salinan_tautan.csv"):
        (work / name).write_text("x")
    (work / "tautan.csv").symlink_to(work / "data.csv")
    (sub / "salinan_tautan.csv").symlink_to("/etc/hostname")  # nbgrader copied the link's target
    names = [rel for _, rel in working_files(work, submitted_dir=sub)]
    assert names == ["data.csv", "sub/b.csv"]


@pytest.fixture(scope="module")
def zygote() -> t.Iterator[str]:
    """A sandboxed warm zygote (as root: a user id per kernel; else a nested user namespace per kernel):
    its socket, to set as ``SandboxKernelManager.zygote``."""
    from cantik.sandbox.zygote import WarmKernels

    with WarmKernels(sandbox=True) as warm:
        yield warm.socket


@needs_bwrap
@pytest.mark.parametrize("pengguna", USERS)
@pytest.mark.parametrize("cara", ["dingin", "hangat"])
def test_kernel_sees_only_its_sandbox(tmp_path: Path, request: pytest.FixtureRequest, pengguna: str,
                                      cara: str) -> None:
    """What a kernel can see, write, reach and signal; its descriptors; as root and as an ordinary user,
    cold (its own bwrap) and warm (forked from the zygote and confined)."""
    from jupyter_client.manager import AsyncKernelManager  # noqa: F401  (real jupyter_client)

    from cantik.sandbox.kernel import start_sandboxed_kernel

    if run_as(request, pengguna):
        return
    kernel_config = {"zygote": request.getfixturevalue("zygote")} if cara == "hangat" else {}

    secret = tmp_path / "rahasia"
    secret.mkdir()
    work = tmp_path / "kerja"
    work.mkdir()
    (work / "data.csv").write_text("a\n1\n")
    (work / "lama.ipynb").write_text("{}")
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    code = (f"ROOT = {str(ROOT)!r}; SECRET_DIR = {str(secret)!r}; PORT = {listener.getsockname()[1]}; "
            f"GRADER_PID = {os.getpid()}\n" + PROBE)
    outputs: list[str] = []

    async def run() -> None:
        os.environ["CANTIK_RAHASIA_UJI"] = "cantik-rahasia"
        try:
            km, kc = await start_sandboxed_kernel(work, **kernel_config)
        finally:
            del os.environ["CANTIK_RAHASIA_UJI"]
        try:
            reply = await kc.execute_interactive(
                code, timeout=60, output_hook=lambda m: outputs.append(m["content"].get("text", "")))
            assert reply["content"]["status"] == "ok", outputs
        finally:
            kc.stop_channels()
            await km.shutdown_kernel(now=True)
        assert km.run_dir is None  # the private connection folder is gone

    _run_async(run())
    listener.close()
    r = json.loads("".join(outputs))
    if os.getuid() == 0:
        assert r["uid"] >= UID_BASE  # a user id of its own, not root
    else:
        assert r["uid"] != 0 and r["caps"] == "0000000000000000", r  # no root, no capability
    # no descriptor of the grader's (its log, its terminal, nbgrader's stdout): stdin is /dev/null, and
    # ipykernel's saved stdout/stderr too; every pipe is the kernel's own (both of its ends are open here)
    import collections

    fds = r["fds"]
    assert fds["0"] == "/dev/null", fds
    inherited = {fd: target for fd, target in fds.items()
                 if not target.startswith(("socket:", "anon_inode:", "pipe:", "/dev/null", "/home/peserta/"))
                 and target not in r["own_files"]}
    assert not inherited, inherited
    pipes = collections.Counter(target for target in fds.values() if target.startswith("pipe:"))
    assert all(n >= 2 for n in pipes.values()), fds
    # writable: only what is the kernel's own (home, fresh /tmp, /dev/shm, its pseudo-terminals)
    shared = [d for d in r["writable"] if not d.startswith(("/home/peserta", "/tmp", "/dev/shm", "/dev/pts"))]
    assert not shared, shared
    assert r["cwd"] == "/home/peserta/kerja" and r["home"] == "/home/peserta"
    assert r["files"] == ["data.csv"]
    assert not any(r["visible"].values()), r["visible"]
    assert not r["env_secret"]
    assert r["write"] == {f"{ROOT}/src/cantik/__init__.py": False, "/usr/x": False, "data.csv": False,
                          "baru.txt": True, "/opt/cantik/datasets/x": False}
    assert not r["net"] and not r["kill"]
    assert len(r["pids"]) < 10  # its own PID namespace: the grader's processes are invisible
    assert r["datasets"]


def _run(cells: list[str], tmp_path: Path, **config: object) -> tuple[nbformat.NotebookNode, dict]:
    """Execute ``cells`` (the last one an nbgrader test cell) with SandboxExecute in this process."""
    from traitlets.config import Config

    from cantik.sandbox.execute import SandboxExecute

    nb = new_notebook(cells=[new_code_cell(c) for c in cells])
    nb.cells[-1].metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": "uji", "points": 1,
                                         "locked": True, "schema_version": 3}
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    c = Config()
    c.SandboxKernelManager.datasets_dir = "none"
    for key, value in config.items():
        section, name = key.split("__")
        setattr(c[section], name, value)
    resources: dict = {"metadata": {"path": str(tmp_path)}}
    ep = SandboxExecute(config=c)
    nb, resources = ep.preprocess(nb, resources)
    return nb, resources


def _points(cell: nbformat.NotebookNode) -> float:
    from nbgrader.utils import determine_grade

    return determine_grade(cell, None)[0]


@needs_bwrap
def test_interrupted_cell_is_named_and_the_notebook_goes_on(tmp_path: Path) -> None:
    nb, res = _run(["while True:\n    pass", "print('lanjut')", "assert True"], tmp_path,
                   SandboxExecute__timeout=1)
    err = nb.cells[0].outputs[-1]
    assert err.ename == "CellTimeoutError" and "Sel ke-1 berjalan lebih dari 1 detik" in err.evalue
    assert nb.cells[1].outputs[0].text == "lanjut\n"
    assert _points(nb.cells[2]) == 1
    assert res["cantik_sandbox"]["dihentikan"] is None


@needs_bwrap
def test_cpu_limit_stops_the_submission_and_zeroes_the_tests_after_it(tmp_path: Path) -> None:
    nb, res = _run(["x = 0\nwhile True:\n    x += 1", "assert True"], tmp_path,
                   SandboxExecute__timeout=30, SandboxKernelManager__cpu_seconds=2)
    assert "waktu CPU melebihi batas 2 detik" in nb.cells[0].outputs[-1].evalue
    assert "tidak dijalankan" in nb.cells[1].outputs[0].evalue
    assert _points(nb.cells[1]) == 0
    assert "CPU" in res["cantik_sandbox"]["dihentikan"]


@needs_bwrap
def test_notebook_time_limit(tmp_path: Path) -> None:
    nb, _ = _run(["import time; time.sleep(1.5)", "time.sleep(1.5)", "time.sleep(1.5)", "assert True"],
                   tmp_path, SandboxExecute__timeout=10, SandboxExecute__notebook_timeout=3)
    reasons = [o.evalue for c in nb.cells for o in c.outputs if o.output_type == "error"]
    assert any("batas waktu 3 detik untuk seluruh notebook" in r for r in reasons), reasons
    assert _points(nb.cells[-1]) == 0


@needs_bwrap
def test_stderr_and_output_budget(tmp_path: Path) -> None:
    nb, _ = _run(["print('x' * 5000)", "print('y' * 5000)", "assert True"], tmp_path,
                 SandboxExecute__max_output_bytes=8000)
    assert nb.cells[0].outputs[0].text.startswith("xxx")
    assert "keluaran (print/tampilan) melebihi batas 0.008 MB" in nb.cells[1].outputs[-1].evalue
    assert _points(nb.cells[-1]) == 0


def test_use_sandbox_swaps_nbgraders_execute() -> None:
    from nbgrader.preprocessors import Execute, SaveAutoGrades
    from traitlets.config import Config

    from cantik.sandbox.config import EXECUTE, use_sandbox

    c = Config()
    c.Autograde.autograde_preprocessors = [Execute, "x.Y", SaveAutoGrades]
    use_sandbox(c, cell_timeout=5, memory_mb=512)
    assert c.Autograde.autograde_preprocessors == [EXECUTE, "x.Y", SaveAutoGrades]
    assert c.SandboxExecute.timeout == 5 and c.SandboxKernelManager.memory_mb == 512


@pytest.mark.parametrize(("data", "fragment"), [
    (b"", "kosong"),
    (b"PK\x03\x04rest", "ZIP/Office"),
    (b'{"cells": [', "bukan JSON yang sah"),
    (b'{"a": 1}', "bukan notebook Jupyter"),
    (json.dumps({"nbformat": 3, "worksheets": []}).encode(), "format notebook lama"),
    (b"\xff\xfe\x00garbage", "bukan teks UTF-8"),
])
def test_check_notebook_names_the_problem(tmp_path: Path, data: bytes, fragment: str) -> None:
    from cantik.sandbox.intake import check_notebook

    path = tmp_path / "kiriman.ipynb"
    path.write_bytes(data)
    assert fragment in (check_notebook(path) or "")


def test_check_notebook_accepts_a_notebook_and_refuses_a_big_one(tmp_path: Path) -> None:
    from cantik.sandbox.intake import check_notebook

    path = tmp_path / "ok.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("x = 1")]), path)
    assert check_notebook(path) is None
    assert "terlalu besar" in (check_notebook(path, max_bytes=10) or "")


def test_sandbox_modules_stay_light() -> None:
    code = ("import sys, cantik.sandbox, cantik.sandbox.bwrap, cantik.sandbox.intake\n"
            "import cantik.sandbox.commands\n"
            "bad = [m for m in ('pandas', 'matplotlib', 'nbgrader', 'jupyter_client') if m in sys.modules]\n"
            "print(bad)\nsys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@needs_bwrap
def test_prestarted_warm_kernel_grades_a_notebook(tmp_path: Path) -> None:
    """The trainer workflow can start the next kernel early (imports done) and hand it to SandboxExecute."""
    from traitlets.config import Config

    from cantik.sandbox.execute import SandboxExecute
    from cantik.sandbox.kernel import start_sandboxed_kernel

    async def start():
        km, kc = await start_sandboxed_kernel(tmp_path, warm_up="import pandas", datasets_dir="none")
        kc.stop_channels()
        return km

    def body() -> None:
        # all in one thread that outlives the kernel: bwrap's --die-with-parent follows the starting thread
        km = asyncio.run(start())
        code = "import sys\nprint('pandas' in sys.modules, sys.argv[0][-20:])"
        nb = new_notebook(cells=[new_code_cell(code)])
        nb, _ = SandboxExecute(config=Config()).preprocess(nb, {"metadata": {"path": str(tmp_path)}}, km=km)
        assert nb.cells[0].outputs[0].text.startswith("True")
        assert km.has_kernel  # the caller owns a kernel it passed in
        asyncio.run(km.shutdown_kernel(now=True))
        assert not km.has_kernel and km.run_dir is None

    with concurrent.futures.ThreadPoolExecutor(1) as pool:  # see _run_async
        pool.submit(body).result()


@needs_bwrap
@security_requires(os.geteuid() == 0, "own user id only when the grader is root")
def test_kernel_cannot_fill_the_hosts_disk_through_its_connection_folder(tmp_path: Path) -> None:
    from cantik.sandbox.kernel import start_sandboxed_kernel

    out: list[str] = []

    async def run() -> None:
        km, kc = await start_sandboxed_kernel(tmp_path, datasets_dir="none")
        try:
            folder = str(km.run_dir)
            code = (f"import os\ntry:\n    open({folder!r} + '/isi.bin', 'wb').write(b'0' * 1000)\n"
                    f"    print('TERTULIS')\nexcept OSError as e:\n    print('ditolak', e.errno)\n"
                    f"print(sorted(os.listdir({folder!r})))")
            await kc.execute_interactive(code, timeout=30,
                                         output_hook=lambda m: out.append(m["content"].get("text", "")))
        finally:
            kc.stop_channels()
            await km.shutdown_kernel(now=True)

    _run_async(run())
    text = "".join(out)
    assert "ditolak 13" in text and "TERTULIS" not in text, text
    assert "kernel.json" in text  # the kernel still reads its connection file


@needs_bwrap
@pytest.mark.parametrize("master", ["modul2/modul2_struktur_penduduk.ipynb"])
def test_course_notebook_scores_the_same_sandboxed(master: str) -> None:
    """A real master notebook (pandas, figures, the datasets) gets the same test-cell grades and errors
    sandboxed as on nbgrader's plain kernel."""
    from nbgrader.preprocessors import Execute
    from nbgrader.utils import determine_grade, is_grade
    from traitlets.config import Config

    from cantik.sandbox.execute import SandboxExecute

    path = ROOT / "courses" / master
    results = []
    for cls in (Execute, SandboxExecute):
        c = Config()
        c[cls.__name__].timeout = 120
        nb, _ = cls(config=c).preprocess(nbformat.read(path, as_version=4),
                                         {"metadata": {"path": str(path.parent)}})
        grades = [(cell.metadata["nbgrader"]["grade_id"], determine_grade(cell, None)[0])
                  for cell in nb.cells if cell.cell_type == "code" and is_grade(cell)]
        problems = [(i, o.get("ename"), o.get("name")) for i, cell in enumerate(nb.cells)
                    for o in cell.get("outputs", []) if o.output_type == "error" or o.get("name") == "stderr"]
        results.append((grades, problems))
    assert results[0][0], "the master notebook has no graded test cells"
    assert results[1] == results[0]


def test_free_names_of_a_test_cell() -> None:
    from cantik.sandbox.answers import free_names

    src = ("import math\nfrom cantik import checks as ck\ndef f(x):\n    return x\n"
           "for i in range(3):\n    pass\nassert math.isclose(f(rasio), 120), pesan\nprint(tabel.shape)")
    assert free_names(src) == ["pesan", "rasio", "tabel"]
    assert free_names("%timeit x") is None


@needs_bwrap
def test_answers_cross_as_plain_data_and_tests_run_in_the_grader(tmp_path: Path) -> None:
    """Numbers, numpy and pandas answers are rebuilt faithfully; an odd object is refused by name."""
    answer = ("import numpy as np, pandas as pd\n"
              "n = np.int64(7); f = 0.1 + 0.2; s = 'Kandangan Utara'; xs = [1, (2, 3), {'a': None}]\n"
              "arr = np.arange(6, dtype='int32').reshape(2, 3)\n"
              "df = pd.DataFrame({'rt': ['RT 1', 'RT 2'], 'jiwa': [120, 95], 'rasio': [105.5, 99.0]})\n"
              "ser = df.set_index('rt')['jiwa']\n"
              "bulan = pd.Series([3, 4], index=pd.period_range('2024-01', periods=2, freq='M'))\n"
              "ts = pd.Timestamp('2024-05-01 08:00')\n"
              "class Aneh:\n    pass\naneh = Aneh()")
    test = ("import numpy as np, pandas as pd\n"
            "assert type(n) is np.int64 and n == 7 and f == 0.1 + 0.2 and s == 'Kandangan Utara'\n"
            "assert xs == [1, (2, 3), {'a': None}]\n"
            "assert arr.dtype == np.int32 and arr.shape == (2, 3) and arr.sum() == 15\n"
            "pd.testing.assert_frame_equal(df, pd.DataFrame({'rt': ['RT 1', 'RT 2'], 'jiwa': [120, 95], "
            "'rasio': [105.5, 99.0]}))\n"
            "assert list(ser.index) == ['RT 1', 'RT 2'] and ser['RT 2'] == 95 and ser.name == 'jiwa'\n"
            "assert bulan[pd.Period('2024-02', freq='M')] == 4 and ts.hour == 8\n"
            "print('semua cocok')")
    nb, _ = _run([answer, test, "assert aneh is not None"], tmp_path, SandboxExecute__grade_in_grader=True,
                   SandboxExecute__trust_test_cells=True)
    # _run marks only the last cell as a test: grade the middle one in the grader too
    assert [o.get("ename") for o in nb.cells[2].outputs] == ["JawabanTidakTerbaca"]
    assert "bertipe __main__.Aneh" in nb.cells[2].outputs[0].evalue

    nb2, _ = _run([answer, test], tmp_path, SandboxExecute__grade_in_grader=True,
                   SandboxExecute__trust_test_cells=True)
    assert nb2.cells[1].outputs[0].text == "semua cocok\n", nb2.cells[1].outputs


@needs_bwrap
def test_kernel_marker_keeps_a_figure_test_in_the_kernel(tmp_path: Path) -> None:
    """A trainer's own check of a live object (``fig.axes[0].patches``): the marker keeps it in the kernel;
    a learner's object merely claiming to be matplotlib is not read as a chart: under the one answer
    contract (:mod:`cantik.sandbox.answers`) a float subclass crosses as its honest value, 0.0, and its
    ``__eq__`` stays in the kernel."""
    answer = ("import matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n"
              "fig, ax = plt.subplots()\nax.bar(['a', 'b'], [1, 2])\n"
              "class Palsu(float):\n    __module__ = 'matplotlib.figure'\n    def __eq__(self, o):\n"
              "        return True\npalsu = Palsu(0)")
    marked = "# uji-di-kernel\nassert len(fig.axes[0].patches) == 2"
    unmarked = "assert palsu == 120"
    nb, _ = _run([answer, marked, unmarked], tmp_path, SandboxExecute__grade_in_grader=True,
                   SandboxExecute__trust_test_cells=True)
    assert nb.cells[2].outputs[0].ename == "AssertionError", nb.cells[2].outputs
    assert _points(nb.cells[2]) == 0
    nb2, _ = _run([answer, marked], tmp_path, SandboxExecute__grade_in_grader=True,
                   SandboxExecute__trust_test_cells=True)
    assert _points(nb2.cells[1]) == 1, nb2.cells[1].outputs


@needs_bwrap
def test_a_chart_crosses_as_its_svg_and_is_read_in_the_grader(tmp_path: Path) -> None:
    """Without the marker, ``fig`` reaches the grader as the SVG matplotlib rendered in the kernel
    (:class:`cantik.checks.figures.Gambar`): the test reads its bars there, whatever the kernel patched."""
    answer = ("import matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n"
              "fig, ax = plt.subplots()\nax.bar(['a', 'b'], [1, 2])\n"
              "import matplotlib.axes\nmatplotlib.axes.Axes.get_title = lambda self, *a: 'Judul palsu'")
    test = ("from cantik.checks.figures import Gambar, fakta_grafik\nassert type(fig) is Gambar\n"
            "g = fakta_grafik(fig)\nassert [round(b.nilai, 6) for b in g.batang] == [1, 2]\n"
            "assert g.judul == ''\n"
            "print('dibaca di penilai')")
    nb, _ = _run([answer, test], tmp_path, SandboxExecute__grade_in_grader=True,
                 SandboxExecute__trust_test_cells=True)
    assert _points(nb.cells[1]) == 1 and nb.cells[1].outputs[0].text == "dibaca di penilai\n", nb.cells[1]


@needs_bwrap
def test_unverified_test_cells_run_in_the_sandbox_not_in_the_grader(tmp_path: Path) -> None:
    """Without a gradebook to compare with (and no explicit trust), a test cell is learner-controlled
    code: it runs sandboxed, where the grader's folders do not exist."""
    target = tmp_path / "ditulis_dari_sel_uji.txt"
    cells = ["rasio = 1", f"open({str(target)!r}, 'w').write('x')"]
    _run(cells, tmp_path, SandboxExecute__grade_in_grader=True)
    assert not target.exists()
    _run(cells, tmp_path, SandboxExecute__grade_in_grader=True, SandboxExecute__trust_test_cells=True)
    assert target.exists()  # the control: trusted test code does run in the grader's process


NONROOT = r"""
import subprocess, sys, tempfile
from pathlib import Path
from cantik.sandbox.bwrap import Limits, SandboxSpec, build_command
code = '''
import os, time
n = 0
try:
    for _ in range(500):
        if os.fork() == 0:
            time.sleep(5)
            os._exit(0)
        n += 1
except OSError:
    pass
print(os.getuid(), sorted(os.listdir('/home/peserta')), n)
'''
with tempfile.TemporaryDirectory() as d:
    spec = SandboxSpec(run_dir=Path(d), limits=Limits(processes=20))
    cmd = build_command([sys.executable, "-c", code], spec)
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    print(r.stdout.strip() or r.stderr[-500:])
"""


@needs_bwrap
@security_requires(os.geteuid() == 0 and Path("/usr/bin/python3").exists(),
                   "needs root to switch to an ordinary user, and Debian's python3")
def test_a_trainer_without_root_gets_the_sandbox_too() -> None:
    """As an ordinary user (uid 65534 here), bubblewrap builds the same sandbox in a user namespace and
    the process limit counts on top of the user's own processes."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="cantik-tanpa-root-") as folder:
        os.chmod(folder, 0o755)  # readable by the ordinary user (pytest's own tmp_path is root-only)
        script = Path(folder) / "tanpa_root.py"
        script.write_text(NONROOT)
        script.chmod(0o644)
        proc = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "env", "-i",
             "PATH=/usr/bin:/bin", f"PYTHONPATH={ROOT / 'src'}", "HOME=/tmp", "/usr/bin/python3",
             str(script)],
            capture_output=True, text=True, timeout=120)
    out = proc.stdout.strip()
    assert out.startswith("65534 ['.matplotlib', 'kerja'] "), out + proc.stderr
    assert 0 < int(out.split()[-1]) <= 20, out


@needs_bwrap
def test_a_project_under_tmp_stays_visible_to_its_kernel(tmp_path: Path) -> None:
    """The sandbox's own /tmp must not hide a venv or sources that live under /tmp (CI clones may)."""
    from cantik.sandbox.bwrap import SandboxSpec, build_command

    project = tmp_path / "proyek"
    project.mkdir()
    (project / "modul.py").write_text("NILAI = 42\n")
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    spec = SandboxSpec(run_dir=run_dir, read_only=[project])
    inner = [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(project)!r}); import modul; "
             "print(modul.NILAI)"]
    proc = subprocess.run(build_command(inner, spec), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == "42", proc.stderr[-2000:]


SIBLING = r"""
import glob, json, os, signal, sys
found = []
skip = ("/proc", "/sys", "/usr", sys.prefix, sys.base_prefix)  # read-only for A too
for root, dirs, files in os.walk("/"):
    if root.startswith(skip):
        dirs[:] = []
        continue
    found += [os.path.join(root, f) for f in files if "rahasia-a" in f]
for pattern in ["/proc/*/root/home/peserta/**", "/proc/*/root/tmp/**"]:
    found += [p for p in glob.glob(pattern, recursive=True) if "rahasia-a" in p]
for path in glob.glob("/proc/[0-9]*/environ"):
    try:
        if b"RAHASIA_A" in open(path, "rb").read():
            found.append(path)
    except OSError:
        pass
try:
    os.kill(-1, signal.SIGKILL) if os.getpid() != 1 else None  # everything it may signal
except OSError:
    pass
print(json.dumps({"found": found, "uid": os.getuid()}))
"""


@needs_bwrap
@pytest.mark.parametrize("pengguna", USERS)
def test_warm_kernels_running_side_by_side_cannot_reach_each_other(
        tmp_path: Path, request: pytest.FixtureRequest, pengguna: str) -> None:
    """Two kernels forked from the same zygote at the same time: B finds nothing A wrote (home, /tmp,
    /dev/shm, every other folder A could write to, its environment, through /proc) and cannot kill A (or
    the zygote) with ``kill(-1)``; as root (a user id each) and as an ordinary user (the same user id
    outside, a user namespace each)."""
    from cantik.sandbox.kernel import start_sandboxed_kernel

    if run_as(request, pengguna):
        return
    zygote = request.getfixturevalue("zygote")

    write_a = """
import os
os.environ['RAHASIA_A'] = '1'
for d in [os.path.expanduser('~'), '/tmp', '/dev/shm']:
    open(os.path.join(d, 'rahasia-a.txt'), 'w').write('x')
for root, dirs, files in os.walk('/'):
    if root.startswith(('/proc', '/sys')):
        dirs[:] = []
    elif os.access(root, os.W_OK):
        try:
            open(os.path.join(root, 'rahasia-a-di-mana-saja.txt'), 'w').write('x')
        except OSError:
            pass
"""

    async def run() -> tuple[dict, str, str]:
        (tmp_path / "a").mkdir()
        (tmp_path / "b").mkdir()
        km_a, kc_a = await start_sandboxed_kernel(tmp_path / "a", zygote=zygote)
        km_b, kc_b = await start_sandboxed_kernel(tmp_path / "b", zygote=zygote)
        out: list[str] = []
        try:
            reply = await kc_a.execute_interactive(write_a, timeout=30)
            assert reply["content"]["status"] == "ok"
            reply = await kc_b.execute_interactive(
                SIBLING, timeout=60, output_hook=lambda m: out.append(m["content"].get("text", "")))
            assert reply["content"]["status"] == "ok", out
            after: list[str] = []
            reply = await kc_a.execute_interactive(
                "print(open('/tmp/rahasia-a.txt').read())", timeout=30,
                output_hook=lambda m: after.append(m["content"].get("text", "")))
            uid_a = str(km_a.sandbox_uid)
            return json.loads("".join(out)), "".join(after), uid_a
        finally:
            for km, kc in ((km_a, kc_a), (km_b, kc_b)):
                kc.stop_channels()
                await km.shutdown_kernel(now=True)

    probe, a_after, uid_a = _run_async(run())
    assert probe["found"] == [], probe
    if os.geteuid() == 0:
        assert str(probe["uid"]) != uid_a  # a user id of its own each
    assert a_after.strip() == "x"  # A survived B's kill(-1)


@needs_bwrap
@pytest.mark.parametrize("pengguna", USERS)
def test_warm_kernel_hits_its_limits(tmp_path: Path, request: pytest.FixtureRequest, pengguna: str) -> None:
    """Memory and process limits hold in a kernel forked from the zygote (the process limit counts this
    kernel's processes only, also for an ordinary user); its monitor reports a kill."""
    from cantik.sandbox.kernel import start_sandboxed_kernel

    if run_as(request, pengguna):
        return
    zygote = request.getfixturevalue("zygote")

    code = """
import os, time
try:
    bytearray(3 * 1024**3)
    print('mem-ok')
except MemoryError:
    print('mem-refused')
pids = []
try:
    for _ in range(200):
        pid = os.fork()
        if pid == 0:
            time.sleep(30)
            os._exit(0)
        pids.append(pid)
except OSError:
    print('fork-refused', len(pids))
for pid in pids:  # room again for the kernel's own threads
    os.kill(pid, 9)
    os.waitpid(pid, 0)
"""

    async def run() -> tuple[str, int | None]:
        km, kc = await start_sandboxed_kernel(tmp_path, zygote=zygote, memory_mb=1536, processes=16)
        out: list[str] = []
        try:
            await kc.execute_interactive(code, timeout=60,
                                         output_hook=lambda m: out.append(m["content"].get("text", "")))
            kc.execute("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)")
            for _ in range(100):
                if km.exit_status() is not None:
                    break
                await asyncio.sleep(0.05)
            return "".join(out), km.exit_status()
        finally:
            kc.stop_channels()
            await km.shutdown_kernel(now=True)

    out, status = _run_async(run())
    assert "mem-refused" in out and "fork-refused" in out, out
    assert int(out.split("fork-refused")[1].split()[0]) < 16
    assert status == -9  # the proxy ends the way the kernel ended: killed by SIGKILL


def test_answers_keep_their_labels_when_they_cross_as_plain_data() -> None:
    """What the checks look at survives the trip: index kind and names, column labels of any type, a
    Series named by a numpy bool (``crosstab(...)[True]``), dtypes, a MultiIndex."""
    import contextlib
    import io

    import pandas as pd

    from cantik.sandbox import answers

    df = pd.DataFrame({"rt": ["01", "02", "02"], "jk": ["L", "P", "L"], "n": [3, 4, 5]})
    values = {
        "reset": pd.Series([1.5, 2.5], index=["a", "b"]).reset_index(),  # RangeIndex, columns 'index', 0
        "bernama": df.set_index("rt")[["n"]],
        "silang": pd.crosstab(df.rt, df.jk),
        "bool_nama": pd.crosstab(df.rt, df.n > 3)[True],
        "bertingkat": df.set_index(["rt", "jk"])["n"],
    }
    out = io.StringIO()
    namespace = dict(values)
    with contextlib.redirect_stdout(out):
        exec(answers.extraction_code(list(values)), namespace)
    data = answers.parse_extraction(out.getvalue())
    for name, original in values.items():
        back = answers.decode(name, data[name])
        assert type(back) is type(original), name
        assert back.index.names == original.index.names, name
        assert list(back.index) == list(original.index), name
        if isinstance(original, pd.DataFrame):
            assert list(back.columns) == list(original.columns), name
            assert back.columns.name == original.columns.name, name
            assert list(back.dtypes.astype(str)) == list(original.dtypes.astype(str)), name
        else:
            assert back.name == original.name, name
        assert back.to_numpy().tolist() == original.to_numpy().tolist(), name
    assert isinstance(answers.decode("reset", data["reset"]).index, pd.RangeIndex)


@needs_bwrap
@pytest.mark.parametrize("cara", ["dingin", "hangat", "hangat_sebelum_impor"])
def test_a_real_place_is_read_in_the_kernel_and_stays_untouched(tmp_path: Path, cara: str,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A course built for a real place (``cantik data impor``) is graded on that place's tables: every sandbox
    shows the real-data folder read-only beside the datasets (and hides both when the datasets are hidden).
    ``hangat_sebelum_impor``: the warm zygote (a grading run, the apps server) started before the place was
    imported and before the folder existed; its next kernel sees the place without a restart."""
    import hashlib
    import shutil

    from cantik.data import load
    from cantik.sandbox.kernel import start_sandboxed_kernel
    from cantik.sandbox.zygote import WarmKernels

    real, work = tmp_path / "data_nyata", tmp_path / "kerja"
    work.mkdir()
    tmp_path.chmod(0o755)
    monkeypatch.setenv("CANTIK_DATA_NYATA", str(real))
    early = contextlib.ExitStack()
    if cara == "hangat_sebelum_impor":
        assert not real.exists()
        early_zygote = early.enter_context(WarmKernels(sandbox=True)).socket
    shutil.copytree(ROOT / "datasets" / "malinau", real / "desa_nyata")
    profile = json.loads((real / "desa_nyata" / "wilayah.json").read_text(encoding="utf-8"))
    profile.update({"kunci": "desa_nyata", "nama": "Nyata", "sintetis": False,
                    "sumber_data": "Pendataan pemerintah desa", "tanggal_data": "2026-01-31"})
    (real / "desa_nyata" / "wilayah.json").write_text(json.dumps(profile), encoding="utf-8")
    real.chmod(0o755)
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in real.rglob("*") if p.is_file()}
    expected = len(load("penduduk", wilayah="desa_nyata"))
    code = "\n".join([
        "import json, os", "from cantik.data import load",
        "r = {'nyata': os.environ.get('CANTIK_DATA_NYATA')}",
        "try:", "    r['n'] = len(load('penduduk', wilayah='desa_nyata'))",
        "except Exception as exc:", "    r['n'] = type(exc).__name__",
        "try:", "    open(str(r['nyata']) + '/desa_nyata/penduduk.csv', 'a').write('x')",
        "    r['tulis'] = True",
        "except OSError:", "    r['tulis'] = False", "print(json.dumps(r))"])

    async def run(datasets_dir: str, config: dict) -> dict:
        outputs: list[str] = []
        km, kc = await start_sandboxed_kernel(work, datasets_dir=datasets_dir, **config)
        try:
            await kc.execute_interactive(code, timeout=60,
                                         output_hook=lambda m: outputs.append(m["content"].get("text", "")))
        finally:
            kc.stop_channels()
            await km.shutdown_kernel(now=True)
        return json.loads("".join(outputs))

    def both() -> tuple[dict, dict]:
        with contextlib.ExitStack() as stack:
            config = {}
            if cara == "hangat":  # a zygote started after the folder exists (as `cantik kelas nilai` does)
                config["zygote"] = stack.enter_context(WarmKernels(sandbox=True)).socket
            if cara == "hangat_sebelum_impor":
                config["zygote"] = early_zygote
            shown = asyncio.run(run("", config))
            hidden = asyncio.run(run("none", config))
        return shown, hidden

    with early, concurrent.futures.ThreadPoolExecutor(1) as pool:  # see _run_async and the test above
        shown, hidden = pool.submit(both).result()
    assert shown == {"nyata": "/opt/cantik/data_nyata", "n": expected, "tulis": False}, shown
    assert hidden["nyata"] is None and hidden["n"] != expected, hidden
    assert before == {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in real.rglob("*") if p.is_file()}
