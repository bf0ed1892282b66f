"""Confine one kernel forked from the sandboxed warm zygote (Linux namespaces; stdlib + ctypes only).

The warm zygote (:mod:`cantik.sandbox.zygote`, started inside one bubblewrap sandbox by
:func:`cantik.sandbox.bwrap.zygote_command`) already has what every kernel shares: a read-only system,
Python, the sources and the datasets, no access to the gradebook, ``courses/`` or ``grading/``, and no
network. It imported pandas and matplotlib once. For each submission it forks a child that calls
:func:`enter`, which gives that one kernel what the per-notebook sandbox gives it
(:func:`cantik.sandbox.bwrap.build_command`), in milliseconds instead of a second of CPU:

* a mount namespace of its own: a fresh ``/tmp`` and ``/dev/shm``, a private size-limited home with the
  working folder holding read-only copies of that submission's data files, and, of the zygote's spool
  folder, only its own connection folder (other learners' folders are not there);
* a PID namespace (the kernel sees, signals and ptraces nobody else; when it ends every process it
  started ends too), its own network namespace (no interface but a dead loopback) and IPC;
* a user id of its own, no capabilities, ``no_new_privs``, and the resource limits (memory, processes,
  file size, CPU seconds).

The forked child itself stays outside the new PID namespace as the kernel's *monitor*: it reports the
kernel's end to the grader-side proxy and kills the kernel when the proxy goes away. It needs root in the
zygote's sandbox (``CAP_SYS_ADMIN`` for the namespaces, ``CAP_SETUID``/``CAP_SETGID``/``CAP_CHOWN`` to hand
the home to the kernel's user id, ``CAP_KILL``); the learner's code never runs with any of them.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import resource
import select
import signal
import socket
import typing as t
from pathlib import Path

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_SET_NO_NEW_PRIVS = 1, 4, 38

_libc = ctypes.CDLL(None, use_errno=True)
_libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
_libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]


def _check(ret: int, what: str) -> None:
    if ret != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def unshare(flags: int) -> None:
    _check(_libc.unshare(flags), "unshare")


def mount(source: str | None, target: str, fstype: str | None = None, flags: int = 0,
          data: str | None = None) -> None:
    def enc(s: str | None) -> bytes | None:
        return s.encode() if s is not None else None

    _check(_libc.mount(enc(source), enc(target), enc(fstype), flags, enc(data)), f"mount {target}")


def prctl(option: int, arg: int) -> None:
    _check(_libc.prctl(option, arg, 0, 0, 0), f"prctl {option}")


def _bind_fd(fd: int, target: str, read_only: bool) -> None:
    mount(f"/proc/self/fd/{fd}", target, None, MS_BIND | MS_REC)
    if read_only:
        mount(None, target, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)


def _fresh_tmp(keep: list[str], run_dir: str) -> None:
    """A new empty ``/tmp``; the paths of ``keep`` below it (read-only) and ``run_dir`` come back."""
    under = [p for p in keep if p.startswith("/tmp/") and os.path.exists(p)]
    fds = [(p, os.open(p, os.O_PATH | os.O_CLOEXEC), True) for p in under]
    fds.append((run_dir, os.open(run_dir, os.O_PATH | os.O_DIRECTORY | os.O_CLOEXEC), False))
    mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "size=16m,mode=1777")
    for path, fd, read_only in fds:
        if os.path.isdir(f"/proc/self/fd/{fd}"):
            os.makedirs(path, exist_ok=True)
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            Path(path).touch()
        _bind_fd(fd, path, read_only)
        os.close(fd)
    for parent in {str(Path(p).parent) for p, _fd, _ro in fds}:  # world-traversable for the kernel's uid
        while parent.startswith("/tmp/"):
            os.chmod(parent, 0o755)
            parent = str(Path(parent).parent)


def _home(home: str, workdir: str, uid: int, size_mb: int, files_dir: str) -> None:
    """The kernel's private home (a tmpfs owned by ``uid``) with read-only copies of its data files."""
    mount("tmpfs", home, "tmpfs", MS_NOSUID | MS_NODEV, f"size={size_mb}m,mode=0700,uid={uid},gid={uid}")
    for folder in (workdir, home + "/.matplotlib"):
        os.makedirs(folder, exist_ok=True)
        os.chown(folder, uid, uid)
    if not os.path.isdir(files_dir):
        return
    for root, dirs, files in os.walk(files_dir):
        rel_root = os.path.relpath(root, files_dir)
        dest_root = os.path.normpath(os.path.join(workdir, rel_root))
        for d in dirs:
            os.makedirs(os.path.join(dest_root, d), exist_ok=True)
            os.chown(os.path.join(dest_root, d), uid, uid)
        for name in files:
            src, dest = os.path.join(root, name), os.path.join(dest_root, name)
            if os.path.islink(src) or not os.path.isfile(src):
                continue
            Path(dest).touch()
            fd = os.open(src, os.O_PATH | os.O_CLOEXEC)
            try:
                _bind_fd(fd, dest, read_only=True)
            finally:
                os.close(fd)


def _limit(limits: dict[str, int]) -> None:
    mb = 1024 * 1024
    cpu = limits["cpu_seconds"]
    for what, value in (
        (resource.RLIMIT_AS, limits["memory_mb"] * mb),
        (resource.RLIMIT_NPROC, limits["processes"]),
        (resource.RLIMIT_FSIZE, limits["file_mb"] * mb),
        (resource.RLIMIT_CORE, 0),
    ):
        resource.setrlimit(what, (value, value))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 2))


def _become(uid: int, dumpable: bool = True) -> None:
    """Drop to ``uid`` for good: no groups, no capabilities, no way back (``no_new_privs``).

    ``dumpable``: the process's own ``/proc`` entries stay its own (setresuid made them root's); the init
    is left undumpable, so the kernel can neither read its environment nor ptrace it.
    """
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)  # clears every capability (no SECBIT_KEEP_CAPS)
    prctl(PR_SET_NO_NEW_PRIVS, 1)
    prctl(PR_SET_DUMPABLE, int(dumpable))
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # the monitor gone: the kernel goes too (set after setuid)


_FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2)


def _monitor(init: int, status_r: int, conn: socket.socket) -> t.NoReturn:
    """The forked child's job once the kernel runs: report its end, pass on signals, kill it if abandoned."""
    status = None
    try:
        while True:
            readable, _, _ = select.select([conn, status_r], [], [])
            if status_r in readable:  # the kernel's wait status, or end of file if the namespace died
                data = os.read(status_r, 64).strip()
                status = int(data) if data else signal.SIGKILL
                os.waitpid(init, 0)
                break
            data = conn.recv(4096)
            if not data:  # the proxy (and the grader's kernel manager) is gone
                os.kill(init, signal.SIGKILL)
                os.waitpid(init, 0)
                os._exit(0)
            for line in data.decode(errors="replace").splitlines():
                with contextlib.suppress(ValueError, KeyError, ProcessLookupError):
                    os.kill(init, int(json.loads(line)["signal"]))
        with contextlib.suppress(OSError):
            conn.sendall(json.dumps({"status": status}).encode() + b"\n")
    finally:
        os._exit(0)


def _init(kernel: int, status_w: int) -> t.NoReturn:
    """PID 1 of the kernel's namespace: pass signals on to the kernel, reap orphans, report its end.

    (The kernel is not PID 1 itself: PID 1 ignores signals it has no handler for, even its own SIGKILL.)
    """
    def forward(signum: int, _frame: object) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(kernel, signum)

    for sig in _FORWARDED:
        signal.signal(sig, forward)
    try:
        while True:
            pid, status = os.waitpid(-1, 0)
            if pid == kernel:
                os.write(status_w, str(status).encode())
                break
    finally:
        os._exit(0)  # the namespace ends with its PID 1: every process the kernel left is killed


def enter(box: dict[str, t.Any], conn: socket.socket, keep_fds: list[int]) -> None:
    """Confine the calling (freshly forked) process as described by ``box``; return in the kernel.

    ``box`` holds ``run_dir`` (connection folder, under ``/tmp``), ``uid``, ``limits``
    (:class:`~cantik.sandbox.bwrap.Limits` as a dict), ``home``, ``workdir``, ``files`` (folder of the
    data files to show), ``keep`` (read-only paths under ``/tmp`` that must stay: Python, the sources)
    and ``hide`` (folders of the zygote's sandbox this kernel must not see, e.g. the datasets).
    The caller's process becomes the monitor and never returns; a small init (PID 1 of a new PID
    namespace) starts the kernel, which returns from here with only ``keep_fds`` (its stdin/stdout/stderr)
    open.
    """
    uid = int(box["uid"])
    if not box["run_dir"].startswith("/tmp/"):
        raise ValueError("the connection folder of a confined kernel must be below /tmp")
    unshare(CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWNET | CLONE_NEWUTS)
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    _fresh_tmp(list(box.get("keep", [])), box["run_dir"])
    if os.path.isdir("/dev/shm"):
        mount("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, "size=16m,mode=1777")
    for path in box.get("hide", []):
        if os.path.isdir(path):
            mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV | MS_RDONLY, "size=4k,mode=0555")
    _home(box["home"], box["workdir"], uid, int(box["limits"]["home_mb"]), box["files"])
    status_r, status_w = os.pipe()
    init = os.fork()
    if init:  # the monitor, outside the new PID namespace
        os.close(status_w)
        for fd in keep_fds:
            os.close(fd)
        _monitor(init, status_r, conn)
    # PID 1 of the new namespace
    os.close(status_r)
    conn.close()
    mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    kernel = os.fork()
    if kernel:
        _close_others([status_w])
        _become(uid, dumpable=False)
        _init(kernel, status_w)
    os.close(status_w)
    _close_others(keep_fds)
    _limit(box["limits"])
    _become(uid)


def _close_others(keep: list[int]) -> None:
    """Close every file descriptor above 2 except ``keep`` (the zygote's sockets must not leak in)."""
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        if fd > 2 and fd not in keep:
            with contextlib.suppress(OSError):
                os.close(fd)
