#!/usr/bin/env python3
"""On-call benchmark: how fast an incident reaches its first notification, and how close the P1
escalation's real delay comes to its setting. Starts its own control plane (local driver, the
default 30 s acknowledgement timeout), puts three members on the rota, then
  1. raises --incidents incidents (half P1, half P2, unique keys) one after another and measures,
     from the control plane's own timestamps, incident opened -> first call or text recorded as
     handed to the provider (target p99 < 1 s);
  2. raises --escalations P1 incidents nobody acknowledges and measures the primary's call -> the
     secondary's call against the 30 s setting (target within 1 s);
  3. sends 100 identical alerts and counts incidents and notifications (target 1 and 1 call).
Writes ops/bench/results/oncall.md and removes everything it made.

Usage: ops/bench/oncall.py [--incidents 200] [--escalations 5] [--results ops/bench/results/oncall.md]
Needs: a built platform (ops/bin/local-up builds it) and a MySQL server (as the platform finds it).
"""
import argparse, datetime, os, statistics, sys, time

from benchlib import ROOT, bench_run, call, cleanup, start_control_plane, write_report



def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def rota():
    for member, name, phone, zone in [("ana", "Ana", "+447911123111", "Europe/London"), ("ben", "Ben", "+12015550123", "America/New_York"),
                                      ("cho", "Cho", "+81312345678", "Asia/Tokyo")]:
        call("POST", "/api/v1/oncall/members", {"id": member, "name": name, "phone": phone, "zone": zone, "p2": member != "cho"})
    first = (datetime.date.today() - datetime.timedelta(days=14)).isoformat()
    for role, member in [("primary", "ana"), ("secondary", "ben"), ("manager", "cho")]:
        call("PUT", f"/api/v1/oncall/rotations/{role}", {"members": [member], "firstHandover": first, "handoverTime": "09:00",
                                                          "zone": "Europe/London"})


def raise_incident(priority, key):
    return call("POST", "/api/v1/incidents", {"priority": priority, "key": key, "summary": f"bench {key}"})


def wait_for(incident_id, deliveries, timeout, poll=0.01):
    """The incident once it has that many deliveries, and when (monotonic) this client first saw it."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        shown = call("GET", f"/api/v1/incidents/{incident_id}")
        if len(shown["deliveries"]) >= deliveries:
            return shown, time.monotonic()
        time.sleep(poll)
    sys.exit(f"incident {incident_id}: fewer than {deliveries} deliveries after {timeout} s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=200)
    parser.add_argument("--escalations", type=int, default=5)
    parser.add_argument("--results", default=f"{ROOT}/ops/bench/results/oncall.md")
    args = parser.parse_args()
    run, home, database = bench_run()
    proc = start_control_plane(home, database)
    try:
        rota()
        # 1. incident -> first notification
        first = []
        for i in range(args.incidents):
            priority = "P1" if i % 2 == 0 else "P2"
            t0 = time.monotonic()
            incident = raise_incident(priority, f"bench-{run}-{i}")
            shown, seen = wait_for(incident["id"], 1, 30)
            first.append(seen - t0)
            if priority == "P1":
                call("POST", f"/api/v1/incidents/{shown['id']}/ack")
        # 2. escalation's real delay
        setting = 30.0
        delays = []
        for i in range(args.escalations):
            incident = raise_incident("P1", f"bench-{run}-esc-{i}")
            _, primary = wait_for(incident["id"], 1, 10)
            shown, secondary = wait_for(incident["id"], 2, setting + 15)
            delays.append(secondary - primary)
            call("POST", f"/api/v1/incidents/{shown['id']}/ack")
        # 3. an alert storm
        key = f"bench-{run}-storm"
        ids = {raise_incident("P1", key)["id"] for _ in range(100)}
        time.sleep(2)
        storm = call("GET", f"/api/v1/incidents/{next(iter(ids))}")
        call("POST", f"/api/v1/incidents/{storm['id']}/ack")
    finally:
        cleanup(proc, home, database, [])

    worst = max(abs(d - setting) for d in delays)
    lines = [
        "# On-call benchmark",
        "",
        f"Run {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} by `ops/bench/oncall.py --incidents {args.incidents} "
        f"--escalations {args.escalations}`, {os.cpu_count()} cores; local driver (calls and texts recorded as the providers would get them), "
        f"paging tick 200 ms, acknowledgement timeout {setting:.0f} s. Times are a client's: the raise request sent -> the first delivery "
        "seen by polling the incident every 10 ms (so they include the request and up to one poll). Not the stored timestamps: against "
        "MariaDB, Connector/J reads the server as MySQL 5.5 (MariaDB's handshake says 5.5.5-10.11) and drops fractional seconds, so "
        "stored instants have whole seconds on this stand-in (RDS MySQL 8 keeps microseconds).",
        "",
        "| measure | result | target |",
        "|---|---|---|",
        f"| incident -> first notification ({args.incidents} incidents, half P1 call, half P2 text), p50 / p99 / max | "
        f"{statistics.median(first) * 1000:.0f} ms / {percentile(first, 99) * 1000:.0f} ms / {max(first) * 1000:.0f} ms | p99 < 1 s |",
        f"| P1 escalation, primary call -> secondary call ({args.escalations} incidents), min / median / max | "
        f"{min(delays):.2f} s / {statistics.median(delays):.2f} s / {max(delays):.2f} s | {setting:.0f} s ± 1 s (worst {worst:.2f} s off) |",
        f"| 100 identical alerts: incidents / occurrences / calls | {len(ids)} / {storm['occurrences']} / "
        f"{sum(1 for d in storm['deliveries'] if d['channel'] == 'VOICE')} | 1 / 100 / 1 |",
        "",
        "The first notification waits for the next paging tick (at most 200 ms) and one transaction under the incident's",
        "row lock; the escalation's delay (primary's call seen -> secondary's call seen) is the timeout plus up to one tick.",
        "",
    ]
    write_report(args.results, lines)
    ok = percentile(first, 99) < 1.0 and worst <= 1.0 and len(ids) == 1
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
