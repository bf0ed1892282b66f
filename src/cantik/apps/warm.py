"""What the apps' zygote does once, before it forks any visitor's kernel: draw every app's first chart.

A visitor's kernel is forked from the apps' zygote (:mod:`cantik.apps.kernels`). Drawing the app's first
chart (matplotlib, then SVG) was most of the CPU its kernel spent before the visitor saw the live app, the
same chart for every visitor of the app and place. :func:`warm_first_charts` builds each app once in the
zygote, for its default place and controls: the charts go to :data:`cantik.apps.base.SHARED_RENDERS` and the
tables the apps read stay in :func:`cantik.apps.tables.load_table`'s cache, all inherited by every kernel
forked later (memory pages shared copy-on-write). The zygote's widgets are closed again, so a kernel holds
only its own visitor's widgets.

The zygote lives as long as the apps' server: data of a place changed or imported while it runs are seen
after a restart (as the gallery's list of places is).

Named in the zygote's preload list as ``cantik.apps.warm:warm_first_charts``
(:func:`cantik.apps.kernels.preload_modules`).
"""

from __future__ import annotations

import importlib
import sys


def warm_first_charts() -> list[str]:
    """Build every app of the gallery once, keeping its first chart; return the apps that failed.

    An app that cannot start here (a table missing) is skipped with one line on stderr (the server's log):
    its visitors' kernels draw the chart themselves and show what is wrong, as without this step.
    """
    import ipywidgets as widgets

    from cantik.apps.base import sharing_renders
    from cantik.apps.registry import APPS

    failed = []
    with sharing_renders():
        for app in APPS:
            module, _, name = app.entry.partition(":")
            try:
                getattr(importlib.import_module(module), name)()
            except Exception as exc:
                failed.append(app.slug)
                print(f"cantik: first chart of {app.slug} not drawn ahead ({type(exc).__name__}: {exc}); "
                      "each visitor's kernel draws it", file=sys.stderr)
    widgets.Widget.close_all()
    import matplotlib.pyplot as plt

    plt.close("all")
    return failed
