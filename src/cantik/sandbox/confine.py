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
kernel's end to the grader-side proxy and kills the kernel when the proxy goes away.

Two ways to get a user id of its own, chosen by who runs the zygote:

* **root** (``cantik kelas nilai`` as root): the zygote keeps ``CAP_SYS_ADMIN`` for the namespaces,
  ``CAP_SETUID``/``CAP_SETGID``/``CAP_CHOWN`` to hand the home to the kernel's user id (``box["uid"]``,
  unique per kernel) and ``CAP_KILL``; the process limit counts that user id alone;
* **an ordinary user** (a trainer without root; the zygote then runs in bubblewrap's user namespace): the
  forked child first enters a user namespace of its own (mapped as root onto the zygote's user id), which
  lets it make the same mount, PID, network, IPC and UTS namespaces; the kernel then enters a second,
  nested user namespace where it is :data:`NESTED_UID` (mapped onto that root, so onto the trainer's id
  outside) with no capability at all. ``RLIMIT_NPROC`` is counted per user namespace (Linux >= 5.14), so
  the process limit counts this kernel's processes alone here too. Since every kernel has the same user id
  outside, whatever all kernels share is read-only (the zygote's root and ``/dev``) or fresh per kernel
  (``/tmp``, ``/dev/shm``, ``/dev/pts``, the home), and the connection folder becomes read-only for the
  kernel once its sockets exist (the monitor remounts it and leaves ``<run_dir>.ro`` beside it).

Either way the kernel's standard input and outputs are ``/dev/null`` (nothing of the grader's: its log,
its terminal) and it inherits no descriptor but what it opens itself. The learner's code never runs with
any capability.

``box["cgroup_fds"]``: how many of the descriptors sent with the request (the last ones) are
``cgroup.procs`` files of the submission's cgroups (opened by the grader as root; the zygote's proxy
opens the paths listed in ``box["cgroups"]``): the child joins them before anything else, so every
process of the kernel counts against the submission's memory, CPU share and process budget. Any other
descriptor sent (e.g. a launcher's ``/dev/null``) is closed unused.
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
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_NOATIME, MS_NODIRATIME, MS_BIND, MS_REC = 32, 1024, 2048, 4096, 16384
MS_PRIVATE, MS_RELATIME = 1 << 18, 1 << 21
PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_SET_NAME, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS = 1, 4, 15, 24, 38
#: The kernel's user id inside its nested user namespace (ordinary-user zygote): an unprivileged id.
NESTED_UID = 1000
#: Process names (``comm``) of the confinement's own processes; the kernel is the oldest child of the init.
MONITOR_NAME, INIT_NAME = b"cantik-monitor", b"cantik-init"

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


def _name(name: bytes) -> None:
    """Set this process's name (``comm``), so the grader tells the monitor and init from the kernel."""
    buf = ctypes.create_string_buffer(name)
    _check(_libc.prctl(PR_SET_NAME, ctypes.addressof(buf), 0, 0, 0), "prctl PR_SET_NAME")


def _bind_fd(fd: int, target: str, read_only: bool) -> None:
    mount(f"/proc/self/fd/{fd}", target, None, MS_BIND | MS_REC)
    if read_only:
        remount_read_only(target)


def remount_read_only(path: str) -> None:
    """Make the mount at ``path`` read-only in this mount namespace, keeping its other flags (a mount made
    in a more privileged namespace keeps them locked: dropping one is refused)."""
    flags = os.statvfs(path).f_flag
    keep = MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOATIME | MS_NODIRATIME
    extra = (flags & keep) | (MS_RELATIME if flags & 4096 else 0)  # ST_RELATIME is 4096
    mount(None, path, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV | extra)


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


def _private_devices() -> None:
    """Fresh ``/dev/shm`` and pseudo-terminals: nothing there is shared with another kernel."""
    if os.path.isdir("/dev/shm"):
        mount("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, "size=16m,mode=1777")
    if os.path.isdir("/dev/pts"):
        mount("devpts", "/dev/pts", "devpts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=0620")


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


def _map_user(inner: int, outer_uid: int, outer_gid: int) -> None:
    """Map ``inner`` onto the outer ids in the user namespace just entered (the one mapping an
    unprivileged process may write: its own ids)."""
    Path("/proc/self/setgroups").write_text("deny")
    Path("/proc/self/uid_map").write_text(f"{inner} {outer_uid} 1")
    Path("/proc/self/gid_map").write_text(f"{inner} {outer_gid} 1")


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                ("inheritable", ctypes.c_uint32)]


def _drop_capabilities() -> None:
    """No capability left, none to gain: bounding set emptied, then every set cleared."""
    last = int(Path("/proc/sys/kernel/cap_last_cap").read_text())
    for cap in range(last + 1):
        prctl(PR_CAPBSET_DROP, cap)
    data = (_CapData * 2)()
    _check(_libc.capset(ctypes.byref(_CapHeader(0x20080522, 0)), data), "capset")


def _become(uid: int | None, dumpable: bool = True) -> None:
    """Drop every privilege for good (``no_new_privs``): to ``uid`` (root zygote), or, with ``uid`` None
    (ordinary-user zygote), no capability in the namespaces it keeps.

    ``dumpable``: the process's own ``/proc`` entries stay its own (setresuid made them root's); the init
    is left undumpable, so the kernel can neither read its environment nor ptrace it.
    """
    if uid is None:
        _drop_capabilities()
    else:
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)  # clears every capability (no SECBIT_KEEP_CAPS)
    prctl(PR_SET_NO_NEW_PRIVS, 1)
    prctl(PR_SET_DUMPABLE, int(dumpable))
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # the monitor gone: the kernel goes too (set after setuid)


def _become_nested() -> None:
    """The kernel of an ordinary-user zygote: :data:`NESTED_UID` in a user namespace of its own, where it
    has no capability, nested in the one that owns its mount, PID and network namespaces."""
    unshare(CLONE_NEWUSER)
    _map_user(NESTED_UID, 0, 0)
    _become(None)


_FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2)


def _sockets(run_dir: str) -> list[str]:
    """Paths of the kernel's five Unix sockets, from its connection file."""
    info = json.loads(Path(run_dir, "kernel.json").read_text())
    ports = ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")
    return [f"{info['ip']}-{info[p]}" for p in ports]


def _lock_when_bound(run_dir: str, spool_fd: int) -> bool:
    """Once the kernel's sockets exist, make its connection folder read-only (for the kernel: the grader
    outside still connects) and leave ``<run_dir>.ro`` in the spool; True when done."""
    try:
        if not all(os.path.exists(p) for p in _sockets(run_dir)):
            return False
        remount_read_only(run_dir)
    except (OSError, ValueError, KeyError):
        return False
    os.close(os.open(os.path.basename(run_dir) + ".ro", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=spool_fd))
    return True


def _monitor(init: int, status_r: int, conn: socket.socket, lock: tuple[str, int] | None) -> t.NoReturn:
    """The forked child's job once the kernel runs: report its end, pass on signals, kill it if abandoned
    (and, for an ordinary-user zygote, lock the connection folder once the sockets exist)."""
    status = None
    _name(MONITOR_NAME)
    with contextlib.suppress(OSError):
        conn.sendall(b'{"monitor": 1}\n')  # the proxy learns this process's pid in its own namespace
    try:
        while True:
            readable, _, _ = select.select([conn, status_r], [], [], 0.005 if lock else None)
            if lock and _lock_when_bound(*lock):
                os.close(lock[1])
                lock = None
            if status_r in readable:  # the kernel's wait status, or end of file if the namespace died
                data = os.read(status_r, 64).strip()
                status = int(data) if data else signal.SIGKILL
                os.waitpid(init, 0)
                break
            if conn not in readable:
                continue
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


def enter(box: dict[str, t.Any], conn: socket.socket, cgroup_fds: list[int] | None = None) -> None:
    """Confine the calling (freshly forked) process as described by ``box``; return in the kernel.

    ``box`` holds ``run_dir`` (connection folder, under ``/tmp``), ``uid`` (root zygote: the kernel's user
    id; ignored for an ordinary-user zygote), ``limits`` (:class:`~cantik.sandbox.bwrap.Limits` as a dict),
    ``home``, ``workdir``, ``files`` (folder of the data files to show), ``keep`` (read-only paths under
    ``/tmp`` that must stay: Python, the sources) and ``hide`` (folders of the zygote's sandbox this kernel
    must not see, e.g. the datasets). ``cgroup_fds``: ``cgroup.procs`` files to join first.
    The caller's process becomes the monitor and never returns; a small init (PID 1 of a new PID
    namespace) starts the kernel, which returns from here with no descriptor open but its stdin, stdout
    and stderr, all ``/dev/null``.
    """
    if not box["run_dir"].startswith("/tmp/"):
        raise ValueError("the connection folder of a confined kernel must be below /tmp")
    for fd in cgroup_fds or []:
        os.write(fd, b"0")  # this process (and all it starts) into the submission's cgroup
        os.close(fd)
    nested = os.geteuid() != 0
    flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWNET | CLONE_NEWUTS
    lock = None
    if nested:
        spool = os.open(os.path.dirname(box["run_dir"]), os.O_PATH | os.O_DIRECTORY | os.O_CLOEXEC)
        lock = (box["run_dir"], spool)
        outer = (os.geteuid(), os.getegid())
        unshare(flags | CLONE_NEWUSER)
        _map_user(0, *outer)
    else:
        unshare(flags)
    uid = 0 if nested else int(box["uid"])  # owner of the home, in the namespace that mounts it
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    _fresh_tmp(list(box.get("keep", [])), box["run_dir"])
    _private_devices()
    for path in box.get("hide", []):
        if os.path.isdir(path):
            mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV | MS_RDONLY, "size=4k,mode=0555")
    _home(box["home"], box["workdir"], uid, int(box["limits"]["home_mb"]), box["files"])
    status_r, status_w = os.pipe()
    init = os.fork()
    if init:  # the monitor, outside the new PID namespace
        os.close(status_w)
        _monitor(init, status_r, conn, lock)
    # PID 1 of the new namespace
    os.close(status_r)
    conn.close()
    _name(INIT_NAME)
    mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    kernel = os.fork()
    if kernel:
        _close_others([status_w])
        _become(None if nested else uid, dumpable=False)
        _init(kernel, status_w)
    os.close(status_w)
    devnull_stdio()
    _close_others([])
    _limit(box["limits"])
    if nested:  # after the limits: the new namespace records this process's RLIMIT_NPROC as its ceiling
        _become_nested()
    else:
        _become(uid)


def devnull_stdio() -> None:
    """Standard input and outputs on ``/dev/null``: ipykernel talks over its sockets only."""
    null = os.open(os.devnull, os.O_RDWR)
    for target in (0, 1, 2):
        os.dup2(null, target)
    if null > 2:
        os.close(null)


def _close_others(keep: list[int]) -> None:
    """Close every file descriptor above 2 except ``keep`` (the zygote's sockets must not leak in)."""
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        if fd > 2 and fd not in keep:
            with contextlib.suppress(OSError):
                os.close(fd)
