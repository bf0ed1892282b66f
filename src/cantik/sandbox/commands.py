"""``cantik sandbox cek``: check that submissions can be graded in isolation on this machine.

The integrator lists this module in ``cantik.cli.GROUPS`` as the group
``("sandbox", "Sandbox penilaian: jalankan kode peserta secara terisolasi", ["cantik.sandbox.commands"])``.
"""

from __future__ import annotations

import argparse

PROBE = r"""
import json, os, socket
r = {"uid": os.getuid(), "folder": os.getcwd()}
try:
    socket.create_connection(("1.1.1.1", 80), timeout=1)
    r["jaringan"] = True
except OSError:
    r["jaringan"] = False
r["rumah_pelatih"] = sorted(os.listdir(HOME)) if os.path.isdir(HOME) else []
print(json.dumps(r))
"""


def _check(args: argparse.Namespace) -> int:
    import asyncio
    import json
    import os

    from cantik.errors import CantikError
    from cantik.sandbox.kernel import start_sandboxed_kernel

    out: list[str] = []

    async def run() -> None:
        km, kc = await start_sandboxed_kernel(None)
        try:
            code = f"HOME = {os.path.expanduser('~')!r}\n" + PROBE
            await kc.execute_interactive(code, timeout=60,
                                         output_hook=lambda m: out.append(m["content"].get("text", "")))
        finally:
            kc.stop_channels()
            await km.shutdown_kernel(now=True)

    try:
        asyncio.run(run())
        r = json.loads("".join(out))
    except CantikError:  # e.g. SandboxUnavailable: bwrap is missing
        raise
    except Exception as exc:
        raise CantikError(f"Sandbox penilaian gagal dijalankan: {exc}",
                          "Periksa bahwa bubblewrap terpasang (`bwrap --version`).") from exc
    from pathlib import Path

    from cantik.sandbox.bwrap import python_paths

    home = Path(os.path.expanduser("~"))
    # folders above the Python installation are shown (empty) so Python can run from the trainer's home
    allowed = {p.relative_to(home).parts[0] for p in python_paths() if p.is_relative_to(home)}
    leaked = sorted(set(r["rumah_pelatih"]) - allowed)
    r["rumah_pelatih"] = leaked
    ok = not r["jaringan"] and not leaked
    print("Sandbox penilaian:", "siap" if ok else "TIDAK AMAN")
    print(f"  folder kerja peserta : {r['folder']}")
    print(f"  jaringan             : {'TERBUKA' if r['jaringan'] else 'tertutup'}")
    print(f"  folder rumah pelatih : {'TERLIHAT: ' + ', '.join(leaked) if leaked else 'tersembunyi'}")
    return 0 if ok else 1


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``cek`` to the ``cantik sandbox`` group (listed in ``cantik.cli.GROUPS``)."""
    from cantik.cli import add_command

    add_command(subparsers, "cek", "Periksa bahwa sandbox penilaian (bubblewrap) berjalan di komputer ini",
                _check)
