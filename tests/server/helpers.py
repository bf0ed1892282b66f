"""Shared helpers of the class-server tests."""

from __future__ import annotations

import argparse
import contextlib
import io


def server_cmd(*argv: str) -> tuple[int, str]:
    """Run `cantik server ARGV...` in-process; returns (exit code, printed text)."""
    from cantik.server.commands import register

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = args.func(args)
    return code, out.getvalue()


@contextlib.contextmanager
def hub_running(folder, log, env: dict | None = None):  # -> Iterator[str]
    """Run the hub written into ``folder`` (``write_hub``) until the proxy routes ``/hub/``; yield its URL."""
    import json
    import sys
    import time
    import urllib.error
    import urllib.request
    from pathlib import Path

    from tests.servers import running

    settings = json.loads((Path(folder) / "hub.json").read_text())
    cmd = [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(Path(folder) / "jupyterhub_config.py")]
    url = f"http://127.0.0.1:{settings['port']}"
    with running(cmd, f"http://127.0.0.1:{settings['hub_port']}/hub/api", cwd=folder, env=env, log=log,
                 timeout=120):
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/hub/api", timeout=5).close()
                break
            except (urllib.error.URLError, OSError):
                assert time.monotonic() < deadline, "proxy never routed /hub/"
                time.sleep(0.2)
        yield url
