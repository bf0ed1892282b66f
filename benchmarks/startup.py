"""CLI start-up time: `cantik --help` against bare Python and against importing pandas, same run.

Target: `cantik --help` under 0.3 s, i.e. close to bare Python and well below an import of pandas.

    .venv/bin/python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path


def median_seconds(cmd: list[str], runs: int) -> float:
    """Median wall time of ``cmd`` over ``runs`` runs (after one warm-up run)."""
    subprocess.run(cmd, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    cantik = str(Path(sys.executable).with_name("cantik"))
    bare = median_seconds([sys.executable, "-c", "pass"], args.runs)
    pandas = median_seconds([sys.executable, "-c", "import pandas, matplotlib.pyplot"], args.runs)
    help_ = median_seconds([cantik, "--help"], args.runs)
    print(f"python -c pass              : {bare * 1000:7.1f} ms (baseline)")
    print(f"import pandas + matplotlib  : {pandas * 1000:7.1f} ms")
    print(f"cantik --help               : {help_ * 1000:7.1f} ms  (target < 300 ms)")
    print(f"overhead over bare Python   : {help_ / bare:.2f}x")
    print(f"speed-up vs importing pandas: {pandas / help_:.1f}x")
    return 0 if help_ < 0.3 else 1


if __name__ == "__main__":
    raise SystemExit(main())
