"""Class hub under load: N learners (default 20) log in at once and start their servers, loopback only.

Starts a real JupyterHub + configurable-http-proxy on free 127.0.0.1 ports (simple spawner, no gallery,
memory limit enforced as the hub would), then runs :func:`cantik.server.loadtest.run_load`: every learner
gets a token over the REST API and asks for a server at the same time. Printed: spawn time p50/p95/max,
time until all are ready, PSS per learner and in total. Baseline in the same run: one learner alone
(``--n 1`` first), so the ratio shows how much the shared 2 cores slow each spawn under load.

    .venv/bin/python benchmarks/hub.py [--n 20] [--memori 1G]

Needs configurable-http-proxy (`make node-deps`). Not part of the test suite (≈1 min on 2 cores).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile ``q`` (0–100) of ``values``."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=20, help="learners spawning at once (at most 40)")
    parser.add_argument("--memori", default="1G", help="per-learner memory limit given to the hub")
    parser.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args()
    if not 1 <= args.n <= 40:
        raise SystemExit("--n must be between 1 and 40 (bounded load test)")

    from cantik.grading.roster import Learner
    from cantik.server.hub import write_hub
    from cantik.server.loadtest import run_load
    from tests.server.helpers import hub_running
    from tests.servers import free_port

    learners = [Learner(f"ku{i:02d}", f"Peserta {i}") for i in range(1, args.n + 2)]
    with tempfile.TemporaryDirectory(prefix="cantik-hub-bench-") as tmp:
        base = Path(tmp)
        port = free_port()
        accounts = write_hub(base / "hub", learners, ["pelatih1"], port=port, hub_port=free_port(),
                             proxy_api_port=free_port(), spawner="simple", gallery_port=None,
                             mem_limit=args.memori, idle_timeout=3600,
                             exchange_root=str(base / "exchange"))
        folder = base / "hub"
        with hub_running(folder, base / "hub.log") as hub_url:
            peserta = [a for a in accounts if a.peran == "peserta"]
            alone = run_load(hub_url, peserta[-1:], timeout=args.timeout)  # baseline: one learner alone
            report = run_load(hub_url, peserta[: args.n], timeout=args.timeout)
    if alone.failed or not alone.spawn_s:
        print(f"baseline spawn failed: {alone.failed}")
        return 1
    base_s = next(iter(alone.spawn_s.values()))
    times = list(report.spawn_s.values())
    print(f"learners spawning at once   : {args.n} (memory limit {args.memori}, simple spawner, loopback)")
    print(f"one learner alone (baseline): {base_s:6.1f} s")
    if times:
        p50, p95 = statistics.median(times), percentile(times, 95)
        print(f"spawn p50 / p95 / max       : {p50:6.1f} / {p95:.1f} / {max(times):.1f} s")
        print(f"all ready after             : {report.wall_s:6.1f} s")
        print(f"p50 vs alone                : {p50 / base_s:6.1f}x")
    if report.memory_mib:
        mem = list(report.memory_mib.values())
        print(f"PSS per learner mean / max  : {statistics.mean(mem):6.0f} / {max(mem):.0f} MiB "
              f"(total {sum(mem):.0f} MiB for {len(mem)})")
    for name, why in sorted(report.failed.items()):
        print(f"failed {name}: {why}")
    print()
    print(report.summary())
    return 1 if report.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
