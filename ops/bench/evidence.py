#!/usr/bin/env python3
"""Evidence benchmark: round trip from a case's evidence request to its new decision (p50/p99),
and sustained results applied per second for one tenant, persistence on (KahaDB, InnoDB), with a
provider that answers at once (EvidenceLoad.java; the simulator's delay is not part of the
figures). Starts its own control plane.

Usage: ops/bench/evidence.py [--cases 300] [--backlog 2000] [--results ops/bench/results/evidence.md]
Needs: a built platform (./mvnw install -DskipTests).
"""
import argparse, glob, json, os, subprocess, tempfile, time

from benchlib import API, ROOT, TOKEN, bench_run, call, cleanup, onboard, start_control_plane, write_report

# no reference: EvidenceLoad creates many cases from this body, and a reference names one case only
NEEDS_BLOOD = {"answers": {
    "date_of_birth": "1990-06-15", "sex": "female", "sum_assured": 1000000, "term_years": 25, "occupation_class": "1",
    "height_cm": 168, "weight_kg": 64, "smoker": False, "alcohol_units_per_week": 8, "hazardous_pursuits": [],
    "travel_advisory": "none", "asthma": False, "diabetes": False, "hypertension": False, "heart_condition": "none",
    "cancer_history": False, "mental_health": "none", "family_history_under_60": 0,
    "under_investigation": False, "hospital_admissions_12m": 0, "self_harm": "none"}}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--backlog", type=int, default=2000)
    parser.add_argument("--results", default=f"{ROOT}/ops/bench/results/evidence.md")
    args = parser.parse_args()
    simulator = glob.glob(f"{ROOT}/ops/evidence-simulator/target/undersign-evidence-simulator-*-all.jar")[0]
    run, home, database = bench_run()
    tenant = f"ev{run}"
    proc = start_control_plane(home, database)
    try:
        assert onboard(tenant) is not None, "onboarding failed"
        port = call("GET", f"/api/v1/tenants/{tenant}")["latestOperation"]["steps"][3]["outputs"]["port"]
        work = tempfile.mkdtemp()
        with open(f"{work}/credentials.json", "w") as f:
            json.dump(call("POST", f"/api/v1/tenants/{tenant}/evidence-provider/credentials"), f)
        with open(f"{work}/case.json", "w") as f:
            json.dump(NEEDS_BLOOD, f)
        out = subprocess.run(["java", "-cp", simulator, f"{ROOT}/ops/bench/EvidenceLoad.java", f"http://127.0.0.1:{port}",
                              f"{work}/credentials.json", f"{work}/case.json", str(args.cases), str(args.backlog),
                              f"http://127.0.0.1:{API}", TOKEN],
                             capture_output=True, text=True, check=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        queues = call("GET", f"/api/v1/tenants/{tenant}")["evidenceQueues"]
    finally:
        cleanup(proc, home, database, [tenant])
    lines = ["# Evidence benchmark", "",
             f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.cpu_count()} cores by `ops/bench/evidence.py`: "
             "one tenant runtime, the control plane's embedded ActiveMQ (KahaDB, persistent messages), MariaDB, and the "
             "provider (EvidenceLoad.java, answering at once) on the same machine.", "",
             "| measure | value |", "|---|---|",
             f"| round trip: request committed (the create call's 201) → published → provider → result → new decision visible (p50) | {r['p50']:.1f} ms |",
             f"| same, p99 ({r['roundTrips']} cases one at a time, after 50 unrecorded) | {r['p99']:.1f} ms |",
             f"| same, max | {r['max']:.1f} ms |",
             f"| sustained: backlog of {r['backlog']} results applied (validate, dedupe, store, re-decide, commit, ack) | {r['resultsPerSecond']:,.0f} results/s |",
             f"| requests delivered twice to the provider (at-least-once) | {r['requestsSeenTwice']} |",
             f"| queues after the run (requests / results / dead letters) | {queues['requests']['depth']} / {queues['results']['depth']} / {queues['deadLetters']['depth']} |",
             "",
             f"- Target p99 < 50 ms excluding the provider's delay: {'met' if r['p99'] < 50 else 'not met'} ({r['p99']:.1f} ms). "
             "The round trip runs from the moment the create call returned (the request committed to the outbox) to the "
             "API showing the new decision: the outbox publish, two persistent broker hops, the consumer's transaction "
             "and the API poll (1 ms steps). The sustained rate is timed until the results queue is empty (a result "
             "is acknowledged only after its commit), then every case is checked for exactly one new decision.", ""]
    write_report(args.results, lines)


if __name__ == "__main__":
    main()
