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
