"""Per-notebook cost of the grading sandbox: sandboxed vs plain kernel, start + run, same run.

Executes the same small pandas notebook (the shape of a course notebook: imports, a table, a test cell)
``--n`` times with nbgrader's plain ``Execute`` (jupyter_client's ``AsyncKernelManager``) and ``--n`` times
with :class:`cantik.sandbox.execute.SandboxExecute` (bubblewrap, limits, own user id, Unix sockets),
alternating the two so that both see the same machine load, and prints the medians, the overhead per
notebook and the ratio. Target: overhead <= 0.3 s per notebook. It also times the launch alone
(``python -c pass`` plainly and through prlimit + bwrap + setpriv). The sandboxed kernel can come out
*faster* than the plain one: it talks over Unix sockets instead of TCP and runs BLAS single-threaded.
As root it also measures the warm variants: a kernel forked from :class:`cantik.sandbox.zygote.WarmKernels`
without isolation, and one forked from the sandboxed zygote and confined (:mod:`cantik.sandbox.confine`);
the warm isolation cost is the difference of those two.

    .venv/bin/python benchmarks/sandbox.py [--n 8]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CELLS = [
    "import pandas as pd\nimport numpy as np",
    "df = pd.DataFrame({'rt': ['RT 1', 'RT 2', 'RT 3'], 'laki': [120, 95, 100],\n"
    "                   'perempuan': [110, 90, 100]})",
    "rasio = df['laki'].sum() / df['perempuan'].sum() * 100\nprint(round(rasio, 2))",
    "assert abs(rasio - 105) < 0.01",
]
TARGET = 0.3


def _notebook():
    from nbformat.v4 import new_code_cell, new_notebook

    nb = new_notebook(cells=[new_code_cell(c) for c in CELLS])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


VARIANTS = {
    "plain": "plain kernel (nbgrader Execute, cold)",
    "sandbox": "sandboxed, cold (own bwrap)",
    "warm": "warm fork, NO sandbox",
    "warm+sandbox": "warm fork, confined (zygote)",
}


def _once(variant: str, work: str, zygote: str = "") -> float:
    from nbgrader.preprocessors import Execute
    from traitlets.config import Config

    from cantik.sandbox.execute import SandboxExecute

    c = Config()
    c.SandboxKernelManager.datasets_dir = "none"
    c.SandboxKernelManager.zygote = zygote if variant == "warm+sandbox" else ""
    if variant == "warm":
        c.Execute.kernel_name = "cantik-warm"
    ep = SandboxExecute(config=c) if "sandbox" in variant else Execute(config=c)
    started = time.perf_counter()
    nb, _ = ep.preprocess(_notebook(), {"metadata": {"path": work}})
    elapsed = time.perf_counter() - started
    errors = [o for cell in nb.cells for o in cell.get("outputs", []) if o.output_type == "error"]
    if errors or nb.cells[2].outputs[0].text.strip() != "105.0":
        raise SystemExit(f"benchmark notebook failed ({variant}): {errors}")
    return elapsed


def _launch_only(n: int) -> tuple[float, float]:
    """Median seconds to run ``python -c pass`` plainly and inside the sandbox (no kernel, no zmq)."""
    import os
    import subprocess

    from cantik.sandbox.bwrap import UID_BASE, SandboxSpec, build_command

    with tempfile.TemporaryDirectory() as run_dir:
        spec = SandboxSpec(run_dir=Path(run_dir), uid=UID_BASE + 7 if os.geteuid() == 0 else None)
        inner = [sys.executable, "-c", "pass"]
        wrapped = build_command(inner, spec)
        plain, sand = [], []
        for _ in range(n):
            for cmd, bucket in ((inner, plain), (wrapped, sand)):
                started = time.perf_counter()
                subprocess.run(cmd, check=True)
                bucket.append(time.perf_counter() - started)
    return statistics.median(plain), statistics.median(sand)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=8, help="notebooks per variant")
    args = parser.parse_args(argv)
    import os

    from cantik.sandbox.zygote import WarmKernels

    variants = list(VARIANTS) if os.geteuid() == 0 else ["plain", "sandbox", "warm"]
    times: dict[str, list[float]] = {v: [] for v in variants}
    with tempfile.TemporaryDirectory() as work, WarmKernels() as warm, \
            (WarmKernels(sandbox=True) if "warm+sandbox" in variants else WarmKernels()) as confined:
        os.environ.update(warm.env)  # the cantik-warm kernelspec (unsandboxed warm variant)
        (Path(work) / "data.csv").write_text("DATA SINTETIS\n")
        for v in variants:  # warm the file cache for each (not counted)
            _once(v, work, confined.socket)
        for i in range(args.n):
            order = variants if i % 2 == 0 else variants[::-1]
            for v in order:
                times[v].append(_once(v, work, confined.socket))
    med = {v: statistics.median(times[v]) for v in variants}
    print(f"notebooks per variant     : {args.n} (start kernel + run {len(CELLS)} cells, pandas; "
          f"load avg {os.getloadavg()[0]:.1f})")
    for v in variants:
        print(f"{VARIANTS[v]:<38}: {med[v]:.3f} s median  [{min(times[v]):.3f} .. {max(times[v]):.3f}]")
    overhead = med["sandbox"] - med["plain"]
    print(f"isolation cost, cold      : {overhead:+.3f} s per notebook (sandboxed cold - plain cold; "
          f"target <= {TARGET} s: {'met' if overhead <= TARGET else 'MISSED'})")
    if "warm+sandbox" in med:
        warm_cost = med["warm+sandbox"] - med["warm"]
        print(f"isolation cost, warm      : {warm_cost:+.3f} s per notebook (confined - unconfined warm; "
              f"target <= {TARGET} s: {'met' if warm_cost <= TARGET else 'MISSED'})")
        print(f"speed-up: {med['plain'] / med['warm+sandbox']:.1f}x  (plain cold kernel / confined warm "
              "kernel, what cantik kelas nilai uses as root)")
    bare, wrapped = _launch_only(max(10, args.n))
    print(f"launch only: python -c pass {bare * 1000:.0f} ms plain, {wrapped * 1000:.0f} ms in the sandbox "
          f"(+{(wrapped - bare) * 1000:.0f} ms, {wrapped / bare:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
