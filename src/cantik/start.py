"""`cantik start`: serve the learning environment (JupyterLab in Bahasa Indonesia)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``start`` command."""
    from cantik.cli import add_command

    add_command(subparsers, "start", "jalankan lingkungan belajar (JupyterLab berbahasa Indonesia)", run)


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError
