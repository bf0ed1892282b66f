"""Build the ``prlimit … bwrap … setpriv …`` command that runs one kernel in a sandbox (stdlib only).

The sandbox is an allow-list, not a deny-list: the kernel sees only

* the system (``/usr`` and a few files of ``/etc``), the Python installation, the virtual environment,
  the ``cantik`` sources and the datasets, all **read-only**;
* a private, size-limited, writable home ``/home/peserta`` (a tmpfs that vanishes with the kernel) with
  the working folder ``kerja/`` holding read-only copies (bind mounts) of that submission's data files;
* its own connection folder (the kernel's Unix sockets and connection file);
* its own ``/proc`` (a new PID namespace: no other process is visible or can be signalled), an empty
  ``/tmp`` and no network at all (a new network namespace).

The gradebook, ``courses/`` (sources with hidden tests), ``grading/`` (other learners' work), ``.git``,
the trainer's home and the grader's environment variables are simply not there, and the answer key (the
question modules of :mod:`cantik.checks`, see :mod:`cantik.checks.key`) shows as empty files.

Limits are kernel resource limits (``prlimit``): address space (memory), number of processes/threads,
file size and CPU seconds. When the grader runs as root the kernel is switched (``setpriv``) to a fresh
user id of its own, so the process limit counts only this sandbox and the kernel owns nothing on disk.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from cantik.errors import SandboxUnavailable

#: Inside the sandbox.
HOME = "/home/peserta"
WORKDIR = HOME + "/kerja"
DATASETS = "/opt/cantik/datasets"
#: Where a sandbox sees the real places imported with ``cantik data impor`` (read-only, when there are any).
REAL_DATA = "/opt/cantik/data_nyata"
#: First user id given to sandboxed kernels when the grader runs as root (far above real accounts).
UID_BASE = 3_000_000_000

_ETC_FILES = (
    "passwd", "group", "nsswitch.conf", "localtime", "timezone", "ld.so.cache", "ld.so.conf",
    "ld.so.conf.d", "fonts", "alternatives", "mime.types", "hosts", "locale.alias",
)

MISSING_BWRAP = (
    "Sandbox penilaian tidak bisa dijalankan: program `bwrap` (paket Debian `bubblewrap`) belum terpasang. "
    "Pasang dengan `sudo apt-get install bubblewrap` (atau `scripts/ensure-debian-packages bubblewrap`), "
    "lalu ulangi penilaian. Tanpa sandbox, kode peserta akan berjalan dengan hak pelatih."
)


@dataclass(frozen=True)
class Limits:
    """Resource limits of one sandboxed kernel.

    Parameters
    ----------
    memory_mb : int
        Address-space limit (``RLIMIT_AS``); a bigger allocation raises ``MemoryError`` in the cell.
    processes : int
        Processes *and threads* the kernel may have (``RLIMIT_NPROC``; enforced for a non-root user id).
    file_mb : int
        Largest file the kernel may write (``RLIMIT_FSIZE``).
    cpu_seconds : int
        CPU time for the whole notebook (``RLIMIT_CPU``); past it the kernel is stopped.
    home_mb : int
        Size of the writable home (tmpfs); all files written together must fit.
    """

    memory_mb: int = 2048
    processes: int = 64
    file_mb: int = 32
    cpu_seconds: int = 300
    home_mb: int = 64


@dataclass
class SandboxSpec:
    """What one sandbox shows to its kernel (paths on the host)."""

    run_dir: Path
    """Private folder of this kernel on the host: connection file and Unix sockets (same path inside)."""
    source_dir: Path | None = None
    """Folder whose regular, non-notebook files become read-only copies in the working folder."""
    limits: Limits = field(default_factory=Limits)
    read_only: list[Path] = field(default_factory=list)
    """Extra host folders/files made visible read-only at the same path."""
    datasets: Path | None = None
    env: dict[str, str] = field(default_factory=dict)
    submitted_dir: Path | None = None
    """The learner's own folder (nbgrader ``submitted/``): a file that is a link there is never shown
    (nbgrader copies links as the files they point to, e.g. the gradebook)."""
    uid: int | None = None
    """User id of the kernel (root only); ``None`` keeps the grader's own id."""


def find_bwrap() -> str:
    """Path of ``bwrap``, or :class:`SandboxUnavailable` with an Indonesian explanation."""
    path = os.environ.get("CANTIK_BWRAP") or shutil.which("bwrap")
    if not path or not os.access(path, os.X_OK):
        raise SandboxUnavailable(MISSING_BWRAP)
    return path


def _tool(name: str) -> str:
    path = shutil.which(name) or f"/usr/bin/{name}"
    if not os.access(path, os.X_OK):
        raise SandboxUnavailable(f"Sandbox penilaian membutuhkan program `{name}` (paket util-linux).")
    return path


def _system_mounts() -> list[str]:
    args = ["--ro-bind", "/usr", "/usr"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        top = Path("/" + name)
        if top.is_symlink():
            args += ["--symlink", os.readlink(top), str(top)]
        elif top.is_dir():
            args += ["--ro-bind", str(top), str(top)]
    for name in _ETC_FILES:
        args += ["--ro-bind-try", f"/etc/{name}", f"/etc/{name}"]
    return args


def _parents(path: Path) -> list[str]:
    """``--dir`` for every folder above ``path`` (world-traversable, so another user id can reach it)."""
    args: list[str] = []
    for parent in reversed(path.parents):
        if str(parent) != "/":
            args += ["--perms", "0755", "--dir", str(parent)]
    return args


def python_paths() -> list[Path]:
    """Host paths the kernel's Python needs: the installation, the venv and an editable ``cantik``."""
    import cantik

    paths = {Path(sys.base_prefix).resolve(), Path(sys.prefix).absolute()}
    src = Path(cantik.__file__).resolve().parents[1]
    if not any(src.is_relative_to(p) for p in paths):
        paths.add(src)
    return sorted(p for p in paths if not str(p).startswith("/usr/"))


def matplotlib_font_cache() -> Path | None:
    """The trainer's matplotlib font list (so each kernel does not rebuild it), without importing it."""
    base = os.environ.get("MPLCONFIGDIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "matplotlib")
    found = sorted(Path(base).glob("fontlist-*.json")) if os.path.isdir(base) else []
    return found[-1] if found else None


def _linked(base: Path, rel: str) -> bool:
    """Is ``base/rel``, or a folder on the way to it, a symbolic link (or something else odd)?"""
    path = base
    for part in Path(rel).parts:
        path = path / part
        if path.is_symlink():
            return True
    return path.exists() and not path.is_file()


def working_files(source_dir: Path, max_files: int = 200, submitted_dir: Path | None = None,
                  ) -> list[tuple[Path, str]]:
    """Regular files below ``source_dir`` to show in the working folder, as (host path, relative name).

    Notebooks (a previous autograded copy holds the hidden tests), hidden files and symbolic links
    (a submitted link could point at the gradebook) are left out, and so is any file that is a link in
    ``submitted_dir``.
    """
    out: list[tuple[Path, str]] = []
    for root, dirs, files in os.walk(source_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs
                         if not d.startswith(".") and not os.path.islink(os.path.join(root, d)))
        for name in sorted(files):
            path = Path(root, name)
            if name.startswith(".") or name.endswith(".ipynb") or path.is_symlink() or not path.is_file():
                continue
            rel = str(path.relative_to(source_dir))
            if submitted_dir is not None and _linked(submitted_dir, rel):
                continue
            out.append((path, rel))
            if len(out) >= max_files:
                return out
    return out


def tasks_of(uid: int) -> int:
    """Processes + threads running under ``uid`` (what ``RLIMIT_NPROC`` counts)."""
    count = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    count += len(os.listdir(f"/proc/{entry.name}/task"))
            except OSError:
                continue
    return count


def _bwrap(unshare_user: bool) -> list[str]:
    cmd = [
        find_bwrap(),
        "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
        "--hostname", "sandbox",
        "--die-with-parent",
        "--clearenv",
    ]
    return cmd + (["--unshare-user"] if unshare_user else [])


def _shared_mounts(read_only: list[Path], datasets: Path | None) -> list[str]:
    """What every sandbox shows: the system, Python and the sources read-only, an empty ``/tmp``, a
    private home (tmpfs) with its working folder, and the datasets read-only."""
    mb = 1024 * 1024
    cmd = _system_mounts()
    # /tmp first: a project (venv, sources) that lives under /tmp is bound on top of it, not hidden by it
    cmd += ["--size", str(16 * mb), "--perms", "1777", "--tmpfs", "/tmp"]
    for path in [*python_paths(), *read_only]:
        cmd += [*_parents(path), "--ro-bind", str(path), str(path)]
    cmd += _hide_answer_key()
    cmd += ["--proc", "/proc", "--dev", "/dev"]
    cmd += ["--perms", "0755", "--dir", "/home"]
    if datasets is None:
        return cmd
    if datasets.is_dir():
        cmd += [*_parents(Path(DATASETS)), "--ro-bind", str(datasets), DATASETS]
    real = _real_places()
    if real is not None:
        cmd += [*_parents(Path(REAL_DATA)), "--ro-bind", str(real), REAL_DATA]
    return cmd


def _real_places() -> Path | None:
    """The folder of real places (:func:`cantik.paths.real_data_dir`), shown wherever the datasets are, so a
    course built for a real place is graded (and its apps drawn) on its own data. It is made (empty, git
    ignored) when missing, so that a place imported after a warm zygote or the apps server started is seen
    by their next kernel without a restart; ``None`` only where it cannot be made."""
    from cantik.paths import real_data_dir

    real = real_data_dir()
    with contextlib.suppress(OSError):
        real.mkdir(parents=True, exist_ok=True)
    real = real.resolve()
    return real if real.is_dir() else None


def _hide_answer_key() -> list[str]:
    """Show the answer key (the question modules of :mod:`cantik.checks`) as empty files, and the
    package's ``__pycache__`` as an empty read-only folder (a compiled copy written after the sandbox was
    made would otherwise show through): expected values can never be imported or read in a kernel."""
    from cantik.checks.key import answer_key_files, package_dir

    cmd: list[str] = []
    for path in answer_key_files():
        if path.suffix == ".py":
            cmd += ["--ro-bind", "/dev/null", str(path)]
    cache = package_dir() / "__pycache__"
    with contextlib.suppress(OSError):
        cache.mkdir(exist_ok=True)
    if cache.is_dir():
        cmd += ["--tmpfs", str(cache), "--remount-ro", str(cache)]
    return cmd


def kernel_env(datasets: Path | None, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The whole environment of a sandboxed kernel (nothing of the grader's own)."""
    return {
        "PATH": f"{Path(sys.prefix).absolute()}/bin:/usr/local/bin:/usr/bin:/bin",
        "HOME": HOME,
        "USER": "peserta",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        "MPLCONFIGDIR": HOME + "/.matplotlib",
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "CANTIK_SANDBOX": "1",
        # no parent poller (the PID namespace hides the parent) and no "Ctrl-C will not work" banner
        "JPY_PARENT_PID": "1",
        **({"CANTIK_DATASETS": DATASETS, "CANTIK_DATA_NYATA": REAL_DATA} if datasets is not None else {}),
        **(extra or {}),
    }


def _setenv(env: dict[str, str]) -> list[str]:
    cmd: list[str] = []
    for key, value in env.items():
        cmd += ["--setenv", key, value]
    return cmd


def build_command(inner: list[str], spec: SandboxSpec) -> list[str]:
    """The full command running ``inner`` (the kernel's argv) inside the sandbox.

    Examples
    --------
    >>> cmd = build_command(["python", "-c", "pass"], SandboxSpec(run_dir=Path("/tmp/x")))  # doctest: +SKIP
    >>> cmd[0].endswith("prlimit")                                                          # doctest: +SKIP
    True
    """
    lim = spec.limits
    mb = 1024 * 1024
    # RLIMIT_NPROC counts every process of the user id: with an id of its own (root grader) the limit is
    # the sandbox's alone; under the trainer's own id it comes on top of what the trainer already runs.
    own_id = spec.uid is not None or os.geteuid() == 0
    nproc = lim.processes if own_id else tasks_of(os.getuid()) + lim.processes
    cmd = [
        _tool("prlimit"),
        f"--as={lim.memory_mb * mb}",
        f"--nproc={nproc}",
        f"--fsize={lim.file_mb * mb}",
        f"--cpu={lim.cpu_seconds}:{lim.cpu_seconds + 2}",
        "--core=0",
        "--",
        *_bwrap(unshare_user=os.geteuid() != 0),
        *_shared_mounts(spec.read_only, spec.datasets),
    ]
    cmd += ["--size", str(lim.home_mb * mb), "--perms", "0777", "--tmpfs", HOME]
    cmd += ["--perms", "0777", "--dir", WORKDIR, "--perms", "0777", "--dir", HOME + "/.matplotlib"]
    fonts = matplotlib_font_cache()
    if fonts is not None:
        cmd += ["--ro-bind", str(fonts), f"{HOME}/.matplotlib/{fonts.name}"]
    if spec.source_dir is not None:
        made: set[str] = set()
        for host, rel in working_files(spec.source_dir, submitted_dir=spec.submitted_dir):
            dest = Path(WORKDIR, rel)
            for parent in reversed(dest.parents):
                if str(parent).startswith(WORKDIR + "/") and str(parent) not in made:
                    made.add(str(parent))
                    cmd += ["--perms", "0777", "--dir", str(parent)]
            cmd += ["--ro-bind", str(host), str(dest)]
    cmd += [*_parents(spec.run_dir), "--bind", str(spec.run_dir), str(spec.run_dir)]
    cmd += _setenv(kernel_env(spec.datasets, spec.env))
    cmd += ["--chdir", WORKDIR]
    # writable: only the home, /tmp and its connection folder
    cmd += ["--remount-ro", "/", "--remount-ro", "/dev"]
    if spec.uid is not None:
        cmd += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--",
                _tool("setpriv"), f"--reuid={spec.uid}", f"--regid={spec.uid}", "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"]
    else:
        cmd += ["--"]
    return cmd + inner


#: What a root zygote keeps to confine each kernel it forks (:mod:`cantik.sandbox.confine`); an
#: ordinary user's zygote keeps nothing (each forked child makes a user namespace of its own instead).
ZYGOTE_CAPS = ("CAP_SYS_ADMIN", "CAP_SETUID", "CAP_SETGID", "CAP_CHOWN", "CAP_KILL")


def zygote_command(inner: list[str], spool: Path, datasets: Path | None,
                   read_only: list[Path] | None = None) -> list[str]:
    """The command running the warm zygote (``inner``) in the sandbox all its kernels share.

    It sees what :func:`build_command` shows every kernel, plus ``spool`` (read-write: its socket and the
    kernels' connection folders); each forked kernel is then confined further, alone
    (:func:`cantik.sandbox.confine.enter`). As root the zygote keeps :data:`ZYGOTE_CAPS` to give each kernel
    a user id of its own; as an ordinary user it runs in bubblewrap's user namespace and each kernel gets a
    nested one. What all kernels share is read-only (``/`` and ``/dev`` too: as an ordinary user every
    kernel has the same user id outside).
    """
    root = os.geteuid() == 0
    cmd = [*_bwrap(unshare_user=not root), *_shared_mounts(list(read_only or []), datasets)]
    cmd += ["--perms", "0755", "--tmpfs", HOME]
    cmd += [*_parents(spool), "--bind", str(spool), str(spool)]
    cmd += _setenv(kernel_env(datasets))
    cmd += ["--chdir", "/"]
    for cap in ZYGOTE_CAPS if root else ():
        cmd += ["--cap-add", cap]
    cmd += ["--remount-ro", "/", "--remount-ro", "/dev"]
    return [*cmd, "--", *inner]
