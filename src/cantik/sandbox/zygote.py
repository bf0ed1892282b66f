"""Warm kernels: fork ready-made IPython kernels from a process (the *zygote*) that already imported
pandas and matplotlib.

Starting a kernel and importing pandas + matplotlib costs about a second of CPU per notebook, more than
running a small graded notebook. Here one *zygote* process pays that once; every notebook then gets a
**fresh** kernel forked from it in a few milliseconds (a new process: no variables, figures or monkey
patches carry over from one learner to the next; numpy's global random state is re-seeded).

It plugs into jupyter_client through an ordinary kernelspec (``cantik-warm``), so nbgrader's ``Execute``
preprocessor and jupyter_client's ``KernelManager`` run it like any kernel (``Execute.kernel_name``):

* the kernelspec starts a tiny *proxy* (``python -m cantik.sandbox.zygote kernel -f CONN``), which asks the
  zygote (over a Unix socket) to fork a kernel for ``CONN``; the kernel's stdin, stdout and stderr are
  ``/dev/null`` (no descriptor of the grader's, e.g. its log or the trainer's terminal, reaches it);
* the proxy forwards interrupt/terminate signals to the kernel and exits when it does; the kernel exits
  when the proxy dies (jupyter_client's kill), so a stuck notebook is still killed as usual.

The reusable API (the grader's :class:`cantik.sandbox.kernel.SandboxKernelManager` uses it; any other
launcher, e.g. a kernel provisioner, can do the same):

* :class:`WarmKernels` ``(sandbox=True)`` starts the zygote inside one bubblewrap sandbox
  (:func:`cantik.sandbox.bwrap.zygote_command`), as root or as an ordinary user; ``.socket`` is its socket;
* a confined kernel is the command :func:`kernel_command` ``(socket, "--box", BOX_FILE, "-f", CONN)``, where
  ``BOX_FILE`` (JSON, mode 0600) says how to confine it (the keys are listed in
  :func:`cantik.sandbox.confine.enter`, plus ``env``: the kernel's whole environment, and ``cgroups``:
  ``cgroup.procs`` files it joins first). The proxy behaves like the kernel for the launcher: signals reach
  the kernel, and it ends as the kernel ended;
* :func:`monitor_pid_file` ``(run_dir)`` then names the kernel's monitor as the launcher sees it: its
  ``/proc/<pid>/root/proc`` holds exactly the kernel's processes (:class:`cantik.sandbox.quota.Watchdog`).
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import select
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

KERNEL_NAME = "cantik-warm"
#: Environment variable naming a sandboxed zygote's socket (``WarmKernels(sandbox=True).env``), read by
#: :class:`cantik.sandbox.kernel.SandboxKernelManager`.
ZYGOTE_ENV = "CANTIK_SANDBOX_ZYGOTE"
#: This module's import name (also when it runs as ``python -m``): the commands below start it by name.
MODULE = __spec__.name if __spec__ is not None else "cantik.sandbox.zygote"
#: Modules imported once in the zygote: what the course notebooks use, then what ipykernel imports while
#: it starts (measured: without them each kernel spends ~50 ms importing them again).
WARM_MODULES = (
    "numpy",
    "pandas",
    "matplotlib",
    "matplotlib.pyplot",
    "IPython.core.interactiveshell",
    "IPython.core.completerlib",
    "IPython.core.debugger",
    "IPython.core.oinspect",
    "IPython.extensions.storemagic",
    "IPython.utils.wildcard",
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "ipykernel.debugger",
    "jupyter_client.localinterfaces",
    "psutil",
    "sqlite3",
    "faulthandler",
    "pdb",
    "tornado.platform.asyncio",
)
_INLINE = "module://matplotlib_inline.backend_inline"


# --------------------------------------------------------------------------------------- zygote side
def _exit_when_gone(pid: int) -> None:
    """In a forked kernel: exit as soon as process ``pid`` (its proxy) has ended."""
    try:
        fd = os.pidfd_open(pid)
    except (ProcessLookupError, OSError):
        os._exit(1)

    def watch() -> None:
        select.select([fd], [], [])
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="cantik-proxy-watch").start()


def yield_cpu(nice: int) -> None:
    """Make this kernel one of many light shares of the CPU instead of a share as large as the server's.

    Linux groups processes by session for CPU scheduling (autogroups): a kernel leading its own session
    (``setsid``) weighs as much as the whole session of the server, so fifty busy kernels would get fifty
    shares of the CPU and the server that sends every page one. Such a kernel stays in its zygote's session
    instead (all of them together weigh as much as the server) and takes the niceness ``nice`` (0-19;
    raising one's own needs no privilege), which also counts where autogroups are off. (Giving each new
    session's autogroup a niceness is refused with ``EAGAIN`` for all but one unprivileged write per 100 ms
    on the whole machine: a pool filling at once would keep most at full weight.)
    """
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, 0, nice)


def _run_kernel(request: dict, fds: list[int], conn: socket.socket | None = None) -> None:
    """Body of a forked child: become an ipykernel for ``request['argv']`` (never returns).

    The kernel leads a session of its own, except for a request with a ``nice`` (:func:`yield_cpu`).
    A request with a ``box`` (sandboxed zygote) is first confined by :func:`cantik.sandbox.confine.enter`
    (the last ``box["cgroup_fds"]`` of ``fds``: the submission's ``cgroup.procs`` files to join; any other
    descriptor sent is closed unused), which leaves this process as the kernel's
    monitor and continues in the confined kernel. Either way the kernel's stdin, stdout and stderr are
    ``/dev/null``: nothing of the grader's (its log, the trainer's terminal) is reachable.
    """
    try:
        from cantik.sandbox.confine import devnull_stdio, enter

        if "box" in request:  # only the descriptors the box declares are cgroup files; others are closed
            joins = int(request["box"].get("cgroup_fds", 0))
            for fd in fds[:len(fds) - joins]:
                os.close(fd)
            enter(request["box"], conn, fds[len(fds) - joins:])  # type: ignore[arg-type]
        else:
            if conn is not None:
                conn.close()
            for fd in fds:
                os.close(fd)
            devnull_stdio()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        if request.get("nice") is None:
            os.setsid()
        else:
            yield_cpu(int(request["nice"]))
        os.environ.clear()
        os.environ.update(request["env"])
        os.chdir(request["cwd"])
        if "box" not in request:  # a confined kernel is watched by its monitor instead
            _exit_when_gone(request["proxy_pid"])
        if "numpy" in sys.modules:
            sys.modules["numpy"].random.seed()
        sys.argv = ["ipykernel_launcher", *request["argv"]]
        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance()
        app.initialize(request["argv"])
        if "matplotlib.pyplot" in sys.modules:
            # pyplot was imported before the shell existed: register the inline hooks the way
            # matplotlib_inline does when a learner imports pyplot in a fresh kernel.
            import matplotlib
            from IPython.core.pylabtools import activate_matplotlib
            from matplotlib_inline.backend_inline import configure_inline_support

            backend = matplotlib.get_backend()
            if backend in ("inline", _INLINE):
                activate_matplotlib(backend)
                configure_inline_support(app.shell, backend)
        app.start()
    except BaseException:
        import traceback

        traceback.print_exc()
        os._exit(1)
    os._exit(0)


def serve(sock_path: str, owner_pid: int, preload: list[str] | None = None) -> None:
    """Zygote main loop: import the heavy modules once (:data:`WARM_MODULES`, then ``preload``), then fork
    one kernel per request.

    An entry ``module:function`` of ``preload`` is imported and its function called once, after all the
    imports (what it leaves in memory is inherited by every kernel); its exception is printed, not fatal.
    """
    os.environ.setdefault("MPLBACKEND", _INLINE)
    import gc
    import importlib

    steps = [name for name in preload or [] if ":" in name]
    for name in [*WARM_MODULES, *(n for n in preload or [] if ":" not in n)]:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    for step in steps:
        module, _, function = step.partition(":")
        try:
            getattr(importlib.import_module(module), function)()
        except Exception:
            import traceback

            traceback.print_exc()
    from jupyter_client import localinterfaces

    localinterfaces.localhost()  # list the machine's IP addresses once (cached for every kernel)
    # Everything imported so far is shared copy-on-write with every kernel: keep the collector from
    # writing to those objects (and so copying their pages) in each kernel.
    gc.collect()
    gc.freeze()

    if threading.active_count() != 1:  # forking a process with threads is unsafe
        raise RuntimeError("cantik warm zygote: threads exist before fork")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(sock_path)
    server.listen(64)
    # inside the sandbox the owner is not visible (own PID namespace): bwrap --die-with-parent instead
    watched = [server] + ([os.pidfd_open(owner_pid)] if owner_pid > 0 else [])
    owner = watched[-1] if owner_pid > 0 else None
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    ready = Path(sock_path + ".ready")
    ready.write_text(str(os.getpid()))
    while True:
        readable, _, _ = select.select(watched, [], [], 0.5)
        with contextlib.suppress(ChildProcessError):  # reap finished kernels (their CPU time is counted)
            while os.waitpid(-1, os.WNOHANG)[0]:
                pass
        if owner in readable:  # the autograder has gone: stop forking
            break
        if server not in readable:
            continue
        conn, _ = server.accept()
        with conn:
            msg, fds, _flags, _addr = socket.recv_fds(conn, 1 << 20, 8)
            request = json.loads(msg.decode())
            pid = os.fork()
            if pid == 0:
                server.close()
                if owner is not None:
                    os.close(owner)
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                _run_kernel(request, fds, conn)
            for fd in fds:
                os.close(fd)
            if "box" not in request:  # a confined kernel's monitor keeps the connection and answers
                conn.sendall(json.dumps({"pid": pid}).encode())
    server.close()
    with contextlib.suppress(FileNotFoundError):
        os.unlink(sock_path)


# ---------------------------------------------------------------------------------------- proxy side
def kernel_command(sock_path: str, *args: str) -> list[str]:
    """The command that starts a proxy asking the zygote at ``sock_path`` for a kernel (see :func:`proxy`).

    Examples
    --------
    >>> kernel_command("/tmp/z.sock", "-f", "{connection_file}")[2:]
    ['cantik.sandbox.zygote', 'kernel', '/tmp/z.sock', '-f', '{connection_file}']
    """
    return [sys.executable, "-m", MODULE, "kernel", sock_path, *args]


def proxy(sock_path: str, argv: list[str]) -> int:
    """Kernelspec entry point: get a forked kernel for ``argv`` and stand in for it until it ends.

    ``argv`` starting with ``--box FILE`` asks a sandboxed zygote for a confined kernel
    (:mod:`cantik.sandbox.confine`); FILE holds the confinement and the kernel's whole environment, and
    ``box["cgroups"]`` the ``cgroup.procs`` files the kernel joins (opened here, passed as descriptors).
    """
    box = None
    if argv[:1] == ["--box"]:
        box = json.loads(Path(argv[1]).read_text())
        argv = argv[2:]
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(sock_path)
    request = {"argv": argv, "env": dict(os.environ), "cwd": os.getcwd(), "proxy_pid": os.getpid()}
    fds: list[int] = []
    if box is not None:  # nothing of the grader's environment reaches a confined kernel
        fds = [os.open(path, os.O_WRONLY | os.O_CLOEXEC) for path in box.pop("cgroups", [])]
        box["cgroup_fds"] = len(fds)
        request.update(env=box.pop("env"), cwd=box["workdir"], box=box)
        client.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
    socket.send_fds(client, [json.dumps(request).encode()], fds)
    for fd in fds:
        os.close(fd)
    if box is not None:
        return _stand_in(client, box["run_dir"])
    child = json.loads(client.recv(4096).decode())["pid"]
    client.close()
    pidfd = os.pidfd_open(child)
    parent = os.getppid()
    parentfd = os.pidfd_open(parent) if parent > 1 else None

    def forward(signum: int, _frame: object) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signum)

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2):
        signal.signal(sig, forward)
    watched = [pidfd] + ([parentfd] if parentfd is not None else [])
    while True:
        try:
            readable, _, _ = select.select(watched, [], [])
        except InterruptedError:  # pragma: no cover - PEP 475 retries select
            continue
        if pidfd in readable:
            return 0
        if parentfd in readable:  # the process that started this kernel is gone: take the kernel along
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signal.SIGKILL)
            return 1


def monitor_pid_file(run_dir: str | os.PathLike[str]) -> Path:
    """Where the proxy of a confined kernel writes its monitor's process id (as the grader sees it):
    beside the connection folder, out of the kernel's sight.

    Examples
    --------
    >>> monitor_pid_file("/tmp/cantik-warm-x/s/cantik-sbx-1")
    PosixPath('/tmp/cantik-warm-x/s/cantik-sbx-1.pid')
    """
    return Path(str(run_dir) + ".pid")


def _stand_in(conn: socket.socket, run_dir: str) -> int:
    """Proxy of a confined kernel: pass signals to its monitor, end the way the kernel ended.

    The monitor's first message carries its credentials (``SO_PASSCRED``): the kernel translates its pid
    into this process's PID namespace, which is written to :func:`monitor_pid_file`, so the grader can
    find the kernel's processes (CPU, memory, waiting time) in its own ``/proc``.
    """

    def forward(signum: int, _frame: object) -> None:
        with contextlib.suppress(OSError):
            conn.sendall(json.dumps({"signal": signum}).encode() + b"\n")

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2):
        signal.signal(sig, forward)
    parent = os.getppid()
    parentfd = os.pidfd_open(parent) if parent > 1 else None
    watched = [conn] + ([parentfd] if parentfd is not None else [])
    data = b""
    creds = socket.CMSG_SPACE(struct.calcsize("3i"))
    while True:
        try:
            readable, _, _ = select.select(watched, [], [])
        except InterruptedError:  # pragma: no cover - PEP 475 retries select
            continue
        if parentfd in readable:  # whoever started the kernel is gone: closing the link kills it
            return 1
        chunk, ancillary, _flags, _addr = conn.recvmsg(4096, creds)
        if not chunk:
            return 1
        for level, kind, value in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS and b"monitor" in chunk:
                pid = struct.unpack("3i", value[:12])[0]
                monitor_pid_file(run_dir).write_text(str(pid))
        data += chunk
        while b"\n" in data:
            line, data = data.split(b"\n", 1)
            message = json.loads(line)
            if "status" not in message:
                continue
            status = message["status"]
            if os.WIFSIGNALED(status):  # end as the kernel ended, so the grader can tell why
                sig = os.WTERMSIG(status)
                if sig not in (signal.SIGKILL, signal.SIGSTOP):
                    signal.signal(sig, signal.SIG_DFL)
                resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
                os.kill(os.getpid(), sig)
            return os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 1


# --------------------------------------------------------------------------------------- owner side
class WarmKernels:
    """Start a zygote and a ``cantik-warm`` kernelspec for it; use as a context manager.

    ``env`` gives the environment variables that make jupyter_client find the kernelspec: pass them to
    the processes that run nbgrader (``JUPYTER_PATH`` is prepended).

    Examples
    --------
    >>> with WarmKernels() as warm:                             # doctest: +SKIP
    ...     subprocess.run([...], env={**os.environ, **warm.env})
    """

    def __init__(self, timeout: float = 60.0, sandbox: bool = False,
                 read_only: list[Path] | None = None, preload: list[str] | None = None) -> None:
        self.timeout = timeout
        self.sandbox = sandbox
        self.read_only = list(read_only or [])
        #: Modules imported once in the zygote besides :data:`WARM_MODULES` (e.g. the public apps').
        self.preload = list(preload or [])
        # below /tmp: each confined kernel gets a fresh /tmp where only its own folder of the spool returns
        self._tmp = tempfile.TemporaryDirectory(prefix="cantik-warm-", dir="/tmp" if sandbox else None)
        self.dir = Path(self._tmp.name)
        self.socket = str(self.dir / "zygote.sock")
        self.proc: subprocess.Popen | None = None

    @property
    def env(self) -> dict[str, str]:
        """Environment for the processes that run nbgrader: where to find this zygote's kernels."""
        if self.sandbox:
            return {ZYGOTE_ENV: self.socket}
        path = str(self.dir / "share")
        old = os.environ.get("JUPYTER_PATH")
        return {"JUPYTER_PATH": path + (os.pathsep + old if old else "")}

    def start(self) -> WarmKernels:
        """Launch the zygote and wait until it accepts requests."""
        return self.launch().wait_ready()

    def launch(self) -> WarmKernels:
        """Write the kernelspec and start the zygote without waiting for it (see :meth:`wait_ready`)."""
        if self.sandbox:  # SandboxKernelManager asks the zygote directly (ZYGOTE_ENV), no kernelspec
            (self.dir / "s").mkdir(mode=0o711)
            self._spawn()
            return self
        spec_dir = self.dir / "share" / "kernels" / KERNEL_NAME
        spec_dir.mkdir(parents=True)
        spec = {
            "argv": kernel_command(self.socket, "-f", "{connection_file}"),
            "display_name": "Python 3 (Kelas Cantik, kernel hangat)",
            "language": "python",
            "interrupt_mode": "signal",
            "metadata": {"debugger": False},
        }
        (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1))
        self._spawn()
        return self

    def _spawn(self) -> None:
        env = {
            **os.environ,
            "MPLBACKEND": os.environ.get("MPLBACKEND", _INLINE),
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        }
        owner = "0" if self.sandbox else str(os.getpid())  # in its sandbox: bwrap --die-with-parent
        cmd = [sys.executable, "-m", MODULE, "serve", self.socket, owner, *self.preload]
        if self.sandbox:
            from cantik.paths import datasets_dir
            from cantik.sandbox.bwrap import zygote_command

            cmd = zygote_command(cmd, self.dir, datasets_dir(), self.read_only)
        self.proc = subprocess.Popen(
            cmd,
            env=env,
            start_new_session=True,
            stdin=subprocess.DEVNULL,
        )

    def wait_ready(self) -> WarmKernels:
        """Block until the zygote has imported everything and listens on its socket."""
        assert self.proc is not None, "launch() first"
        deadline = time.monotonic() + self.timeout
        while not Path(self.socket + ".ready").exists():
            if self.proc.poll() is not None:
                raise RuntimeError(f"cantik warm zygote exited with code {self.proc.returncode}")
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError("cantik warm zygote did not start")
            time.sleep(0.02)
        return self

    def ensure_alive(self) -> bool:
        """Start a new zygote on the same socket if the current one died; True when one was restarted.

        The kernelspec is unchanged, so the next kernel comes from the new zygote. Kernels that were running
        may end with the old zygote (ipykernel leaves when it is re-parented to init); their submissions are
        then reported as failed and graded again on the next run.
        """
        if self.proc is None or self.proc.poll() is None:
            return False
        for leftover in (self.socket, self.socket + ".ready"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leftover)
        self._spawn()
        self.wait_ready()
        return True

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._tmp.cleanup()

    def __enter__(self) -> WarmKernels:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["serve"]:
        serve(args[1], int(args[2]), args[3:])
        return 0
    if args[:1] == ["kernel"]:
        return proxy(args[1], args[2:])
    print(f"pakai: python -m {MODULE} serve SOCKET PID [MODUL…] | kernel SOCKET -f CONN", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
