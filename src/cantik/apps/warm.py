"""What the apps' zygote does once, before it forks any visitor's kernel: have every app's first chart drawn.

A visitor's kernel is forked from the apps' zygote (:mod:`cantik.apps.kernels`). Drawing the app's first
chart (matplotlib, then SVG) was most of the CPU its kernel spent before the visitor saw the live app: the
same chart for every visitor of the app and place. :func:`warm_first_charts` has each app built once for
its default place and controls, and keeps what they drew in :data:`cantik.apps.base.SHARED_RENDERS`
(HTML text and alternative text), which every kernel forked later inherits (memory pages shared
copy-on-write) and shows instead of drawing.

The apps are built in a throwaway child process, never in the zygote itself: only those strings come
back. The zygote holds no figure, widget, comm or font state that its kernels would inherit half-made
(tried first: with the apps built in the zygote, some forked kernels died of SIGABRT under load).

The zygote lives as long as the apps' server: data of a place changed or imported while it runs are seen
after a restart (as the gallery's list of places is).

Named in the zygote's preload list as ``cantik.apps.warm:warm_first_charts``
(:func:`cantik.apps.kernels.preload_modules`).
"""

from __future__ import annotations

import importlib
import os
import pickle
import sys
from typing import Any


def draw_first_charts() -> tuple[dict[tuple, tuple[str, str]], list[str]]:
    """Build every app of the gallery once (in this process); return what they drew and the apps that
    failed (one line each on stderr: their visitors' kernels draw the chart and show what is wrong)."""
    from cantik.apps import base
    from cantik.apps.registry import APPS

    failed = []
    before = dict(base.SHARED_RENDERS)
    with base.sharing_renders():
        for app in APPS:
            module, _, name = app.entry.partition(":")
            try:
                getattr(importlib.import_module(module), name)()
            except Exception as exc:
                failed.append(app.slug)
                print(f"cantik: first chart of {app.slug} not drawn ahead ({type(exc).__name__}: {exc}); "
                      "each visitor's kernel draws it", file=sys.stderr)
    drawn = {k: v for k, v in base.SHARED_RENDERS.items() if k not in before}
    return drawn, failed


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    return b"".join(chunks)


def warm_first_charts() -> list[str]:
    """In the zygote: have :func:`draw_first_charts` run in a child process and keep its charts in
    :data:`cantik.apps.base.SHARED_RENDERS`; return the apps that failed (all of them if the child died).
    """
    from cantik.apps import base
    from cantik.apps.registry import APPS

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: build the apps, send back plain strings, leave without clean-up
        code = 1
        try:
            os.close(read)
            payload: Any = draw_first_charts()
            data = pickle.dumps(payload)
            with os.fdopen(write, "wb") as out:
                out.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    try:
        data = _read_all(read)
    finally:
        os.close(read)
        _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        print("cantik: the first charts could not be drawn ahead; each visitor's kernel draws them",
              file=sys.stderr)
        return [app.slug for app in APPS]
    drawn, failed = pickle.loads(data)
    base.SHARED_RENDERS.update(drawn)
    return failed
