"""Loader and validator speed on the generated penduduk table, against plain baselines in the same run.

* ``cantik.data.load("penduduk")`` vs a bare ``pandas.read_csv`` of the same file (no typing).
  Target: under 0.25 s per load (the brief says "well under a second").
* ``cantik.data.validate.validate_csv`` vs a bare ``frictionless`` validation with the same schema
  (English report, no file-level checks). Target: overhead under 1.5x the bare frictionless run.

    .venv/bin/python benchmarks/data_load.py [--runs 5] [--table penduduk] [--wilayah kandangan_utara]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable


def median_seconds(func: Callable[[], object], runs: int) -> float:
    """Median wall time of ``func()`` over ``runs`` calls (after one warm-up call)."""
    func()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--table", default="penduduk")
    parser.add_argument("--wilayah", default="kandangan_utara")
    args = parser.parse_args()

    import pandas as pd
    from frictionless import Dialect, Resource, Schema, formats

    import cantik.data
    from cantik.data import schema
    from cantik.data.validate import validate_csv

    path = cantik.data.csv_path(args.table, args.wilayah)
    rows = len(cantik.data.load(args.table, args.wilayah))

    def bare_frictionless() -> object:
        descriptor = {k: v for k, v in schema.SCHEMAS[args.table].items() if k != "foreignKeys"}
        resource = Resource(path.read_bytes(), format="csv", encoding="utf-8",
                            schema=Schema.from_descriptor(descriptor),
                            dialect=Dialect(controls=[formats.CsvControl(delimiter=",")]))
        return resource.validate(limit_errors=10_000)

    raw = median_seconds(lambda: pd.read_csv(path), args.runs)
    load = median_seconds(lambda: cantik.data.load(args.table, args.wilayah), args.runs)
    bare = median_seconds(bare_frictionless, args.runs)
    check = median_seconds(lambda: validate_csv(path, args.table), args.runs)

    print(f"table {args.table} ({args.wilayah}), {rows} rows, median of {args.runs} runs")
    print(f"pandas.read_csv (baseline, untyped) : {raw * 1000:8.1f} ms")
    print(f"cantik.data.load (typed)            : {load * 1000:8.1f} ms  ({load / raw:.2f}x baseline; "
          "target < 250 ms)")
    print(f"frictionless validate (baseline)    : {bare * 1000:8.1f} ms")
    print(f"cantik validate_csv                 : {check * 1000:8.1f} ms  ({check / bare:.2f}x baseline; "
          "target < 1.5x)")
    return 0 if load < 0.25 and check < 1.5 * bare else 1


if __name__ == "__main__":
    raise SystemExit(main())
