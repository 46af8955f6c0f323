#!/usr/bin/env python3
"""Onboarding benchmark: one tenant's time to ACTIVE, then N tenants onboarded concurrently
through the admin API (time to ACTIVE per tenant, failures), the resident memory of every
tenant runtime, and how long a runtime killed with SIGKILL takes to serve again (its supervisor
restarts it; measured at the edge, from the kill to the first 200). Starts its own control plane
(own database, home and ports) and removes it after.

Usage: ops/bench/onboarding.py [--tenants 20] [--results ops/bench/results/onboarding.md]
Needs: a built platform (ops/bin/local-up builds it), a MySQL server (as the platform finds it).
"""
import argparse, os, signal, statistics, subprocess, sys, time, urllib.error, urllib.request
from concurrent.futures import ThreadPoolExecutor

from benchlib import EDGE, bench_run, ROOT, call, cleanup, onboard, runtime_rss_mb, start_control_plane


def edge_status(tenant_id):
    request = urllib.request.Request(f"http://127.0.0.1:{EDGE}/q/health/ready", headers={"Host": f"uw.{tenant_id}.localhost"})
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code
    except OSError:
        return 0


def kill_to_serving(tenant_id, limit=60):
    """Seconds from SIGKILL of the tenant's runtime to the edge serving it again (None if not within limit)."""
    pid = call("GET", f"/api/v1/tenants/{tenant_id}")["runtime"]["pid"]
    t0 = time.monotonic()
    os.kill(pid, signal.SIGKILL)
    while time.monotonic() - t0 < limit:
        if edge_status(tenant_id) == 200 and call("GET", f"/api/v1/tenants/{tenant_id}")["runtime"].get("pid") not in (None, pid):
            return time.monotonic() - t0
        time.sleep(0.05)
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tenants", type=int, default=20)
    parser.add_argument("--results", default=f"{ROOT}/ops/bench/results/onboarding.md")
    args = parser.parse_args()
    run, home, database = bench_run()
    proc = start_control_plane(home, database)
    ids = [f"b{run}-one"] + [f"b{run}-{n:02d}" for n in range(args.tenants)]
    try:
        single = onboard(ids[0])
        t0 = time.monotonic()
        with ThreadPoolExecutor(max_workers=args.tenants) as pool:
            times = list(pool.map(onboard, ids[1:]))
        wall = time.monotonic() - t0
        ok = [t for t in times if t is not None]
        rss = runtime_rss_mb(f"{home}/data")
        # each kill on another tenant: a first restart has no backoff, as for a runtime that had been up a while
        time.sleep(5)
        recoveries = [kill_to_serving(t) for t in ids[1:6]]
        recovered = [r for r in recoveries if r is not None]
        cp_rss = int(subprocess.run(["ps", "-o", "rss=", "-p", str(proc.pid)], capture_output=True, text=True).stdout) / 1024
    finally:
        cleanup(proc, home, database, ids)

    cores = os.cpu_count()
    lines = [
        "# Onboarding benchmark",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {cores} cores by `ops/bench/onboarding.py`"
        f" (control plane: real MariaDB, embedded ActiveMQ, one JVM per tenant runtime).",
        "",
        "| measure | result | target |",
        "|---|---|---|",
        f"| one tenant, create to ACTIVE | {single:.2f} s | < 10 s |" if single else "| one tenant | FAILED | |",
        f"| {args.tenants} tenants at once: median create to ACTIVE | {statistics.median(ok):.2f} s | |" if ok else "",
        f"| {args.tenants} tenants at once: max create to ACTIVE | {max(ok):.2f} s | < 120 s |" if ok else "",
        f"| {args.tenants} tenants at once: wall time | {wall:.2f} s | < 120 s |",
        f"| failures | {len(times) - len(ok)} | 0 |",
        f"| tenant runtime RSS, median / max ({len(rss)} runtimes) | {statistics.median(rss):.0f} MB / {max(rss):.0f} MB | < 200 MB |" if rss else "",
        f"| control plane RSS after the run | {cp_rss:.0f} MB | |",
        f"| runtime killed (SIGKILL) to serving again, median / max of {len(recoveries)} | "
        f"{statistics.median(recovered):.2f} s / {max(recovered):.2f} s | < 10 s |" if recovered else "| kill to serving | FAILED | < 10 s |",
        f"| kills not recovered within 60 s | {len(recoveries) - len(recovered)} | 0 |",
        "",
    ]
    report = "\n".join(l for l in lines if l is not None and l != "" or l == "") + "\n"
    os.makedirs(os.path.dirname(args.results), exist_ok=True)
    with open(args.results, "w") as f:
        f.write(report)
    print(report)
    return 0 if single and len(ok) == len(times) and len(recovered) == len(recoveries) else 1


if __name__ == "__main__":
    sys.exit(main())
