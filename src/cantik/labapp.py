"""The JupyterLab that ``cantik mulai`` serves (``python -m cantik.labapp``), stopped cleanly by one Ctrl+C.

**Ctrl+C.** jupyter_server stops on Ctrl+C in two ways. At a terminal, the first Ctrl+C asks
"Shut down this Jupyter server (y/[n])?" and a second one stops the server. Without a terminal on stdin
(a service manager, the tests) one Ctrl+C raises ``KeyboardInterrupt`` in the event loop: the server
stops *without* shutting its kernels down, and Python then finalizes the whole JupyterLab heap, module by
module, before the process ends. On a loaded 2-core machine that finalization alone took 6 to 25 seconds
(measured: the process sat in ``Py_FinalizeEx`` → garbage collection after "Interrupted..."), so a
trainer waited for the prompt and ``tests/test_start.py`` sometimes hit its 30-second limit.

:class:`CantikServerApp` makes every Ctrl+C (and SIGTERM) a clean stop through jupyter_server's public
``ServerApp.stop``: kernels are shut down, the server's info and connection files removed. Once the
server has stopped, :func:`main` ends the process at once (``os._exit`` after flushing its output): nothing
is left that the operating system does not reclaim. A second Ctrl+C while stopping ends it immediately.

Run as ``python -m cantik.labapp [JupyterLab options]``; this module imports jupyter_server and JupyterLab.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from typing import Any

from jupyter_server.serverapp import ServerApp
from jupyterlab.labapp import LabApp


class CantikServerApp(ServerApp):
    """jupyter_server's ``ServerApp`` on which one Ctrl+C stops cleanly (see the module's notes)."""

    def init_signal(self) -> None:
        super().init_signal()
        self._ctrl_c_seen = False
        signal.signal(signal.SIGINT, self._ctrl_c)

    def _ctrl_c(self, sig: int, frame: Any) -> None:
        if self._ctrl_c_seen:  # the second Ctrl+C: do not wait for the kernels any longer
            os._exit(128 + signal.SIGINT)
        self._ctrl_c_seen = True
        self.log.info("Ctrl+C: JupyterLab dihentikan (kernel ditutup dulu; Ctrl+C sekali lagi untuk "
                      "langsung keluar).")
        self.stop(from_signal=True)


class CantikLab(LabApp):
    """JupyterLab served by :class:`CantikServerApp`."""

    serverapp_class = CantikServerApp


def main(argv: list[str] | None = None) -> None:
    """Serve JupyterLab until it is stopped, then end the process without finalizing its heap."""
    code = 0
    try:
        CantikLab.launch_instance(argv)
    except SystemExit as exc:  # --help, --version, or a configuration error
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
