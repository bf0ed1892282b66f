"""Class hub under load: N learners (default 30) log in at once, without and with `cantik server pra-mulai`.

Starts a real JupyterHub + configurable-http-proxy on free 127.0.0.1 ports (simple spawner, no gallery,
memory limit enforced as the hub would), then, in the same run:

1. one learner alone logs in and starts a server (reference);
2. baseline: N learners log in at the same moment with no server running (every JupyterLab starts at
   once; what a class without pre-start gets), then their servers are stopped;
3. `pra-mulai` starts every learner's server before class, a few at a time (timed, but before class);
4. the same N learners log in at the same moment and find their servers running.

Printed: spawn time p50/p95/max and time until all are ready for 2 and 4, the ratio between them, the
pre-start time, and PSS per learner. Target (issue 19): all N ready within 20 s at login.

    .venv/bin/python benchmarks/hub.py [--n 30] [--memori 1G]

Needs configurable-http-proxy (`make node-deps`). Not part of the test suite (several minutes on 2 cores).
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
    parser.add_argument("--n", type=int, default=30, help="learners logging in at once (at most 40)")
    parser.add_argument("--memori", default="1G", help="per-learner memory limit given to the hub")
    parser.add_argument("--timeout", type=float, default=900.0)
    args = parser.parse_args()
    if not 1 <= args.n <= 40:
        raise SystemExit("--n must be between 1 and 40 (bounded load test)")

    from cantik.grading.roster import Learner
    from cantik.server.hub import write_hub
    from cantik.server.loadtest import run_load
    from cantik.server.prestart import prestart
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
            alone = run_load(hub_url, peserta[-1:], timeout=args.timeout)  # one learner alone
            cold = run_load(hub_url, peserta[: args.n], timeout=args.timeout)  # baseline: no pre-start
            pre = prestart(hub_url, folder, learners=[a.name for a in peserta[: args.n]],
                           timeout=args.timeout)
            warm = run_load(hub_url, peserta[: args.n], timeout=args.timeout)  # at class time
    if alone.failed or not alone.spawn_s:
        print(f"reference spawn failed: {alone.failed}")
        return 1
    base_s = next(iter(alone.spawn_s.values()))
    print(f"learners logging in at once : {args.n} (memory limit {args.memori}, simple spawner, loopback)")
    print(f"one learner alone           : {base_s:6.1f} s")
    for label, report in (("without pre-start (baseline)", cold), ("after pra-mulai", warm)):
        times = list(report.spawn_s.values())
        if times:
            p50, p95 = statistics.median(times), percentile(times, 95)
            print(f"{label:28s}: all ready after {report.wall_s:6.1f} s; p50 / p95 / max "
                  f"{p50:.1f} / {p95:.1f} / {max(times):.1f} s; failed {len(report.failed)}")
    print(f"pra-mulai (before class)    : {pre.seconds:6.1f} s for {len(pre.ready)} servers, "
          f"failed {len(pre.failed)}")
    if warm.wall_s:
        print(f"speed-up at login           : {cold.wall_s / warm.wall_s:6.1f}x "
              f"(all ready: {cold.wall_s:.1f} s -> {warm.wall_s:.1f} s; target <= 20 s)")
    if warm.memory_mib:
        mem = list(warm.memory_mib.values())
        print(f"PSS per learner mean / max  : {statistics.mean(mem):6.0f} / {max(mem):.0f} MiB "
              f"(total {sum(mem):.0f} MiB for {len(mem)})")
    for name, why in sorted({**cold.failed, **pre.failed, **warm.failed}.items()):
        print(f"failed {name}: {why}")
    return 1 if warm.failed or pre.failed or warm.wall_s > 20 else 0


if __name__ == "__main__":
    raise SystemExit(main())
