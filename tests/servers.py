"""Start real servers (JupyterLab, Voilà, formgrader) for tests and stop them cleanly."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path


def free_port() -> int:
    """Ask the kernel for a free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, timeout: float = 60.0, proc: subprocess.Popen | None = None) -> None:
    """Poll ``url`` until it answers with a status below 500, or fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited early with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if resp.status < 500:
                    return
        except urllib.error.HTTPError as exc:
            if exc.code < 500:
                return
            last = exc
        except OSError as exc:
            last = exc
        time.sleep(0.25)
    raise TimeoutError(f"{url} did not answer within {timeout} s: {last}")


def unblock_signals() -> None:
    """``preexec_fn`` of a server started by the tests: clear the signal mask it would inherit.

    A library in the test process can leave SIGINT blocked in the thread that starts servers (the full
    suite did; reproduced: a server started with SIGINT blocked never sees Ctrl-C). A trainer's terminal
    never does that, so the server starts with the mask a shell gives it: empty.
    """
    signal.pthread_sigmask(signal.SIG_SETMASK, [])


@contextlib.contextmanager
def running(
    cmd: list[str],
    ready_url: str,
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 90.0,
    log: Path | None = None,
    grace: float = 30.0,
) -> Iterator[subprocess.Popen]:
    """Run ``cmd`` in its own process group until ``ready_url`` answers; stop it with one Ctrl-C.

    The server reads no terminal (stdin is /dev/null, as under a service manager), so one SIGINT stops
    a Jupyter server without its "Shutdown? (y/n)" prompt. Its output goes to ``log`` (a file) so a failing
    test can show it. A server still running ``grace`` seconds after Ctrl-C is killed and the test fails.
    """
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115
    proc = subprocess.Popen(
        cmd, cwd=cwd, env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL, stdout=out,
        stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=unblock_signals,
    )
    try:
        wait_for_http(ready_url, timeout=timeout, proc=proc)
        yield proc
    except BaseException:
        stop(proc, grace)
        if log:
            print(Path(log).read_text(errors="replace")[-4000:])
        raise
    finally:
        if proc.poll() is None:
            code = stop(proc, grace)
            assert code != -signal.SIGKILL, f"{cmd[0]} did not stop within {grace} s of Ctrl-C (killed)"
        if log:
            out.close()  # type: ignore[union-attr]


def stop(proc: subprocess.Popen, grace: float = 30.0) -> int:
    """Stop a server started with ``start_new_session=True``: one SIGINT (Ctrl-C), SIGKILL after ``grace`` s.

    One signal, as a trainer's Ctrl-C: a second one during shutdown makes JupyterHub run its clean-up
    twice at once and interrupts Voilà while it shuts its kernels down. Returns the exit code
    (``-SIGKILL`` when it had to be killed).
    """
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return proc.returncode
