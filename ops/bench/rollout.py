#!/usr/bin/env python3
"""Rollout benchmark: N local tenants moved to a new release in waves while a load generator
drives each tenant's interview (TLS, through the edge by SNI) and integrator API (mutual TLS);
then a release whose rulebook no longer decides its profiles as they expect, rolled out with no
failure allowed, to time the halt. Reports wall time, each tenant's upgrade and switch times,
failed requests during the rollout (target 0) and the time from the failed gate to the halt
(target: one coordinator tick). Starts its own control plane and removes it after.

Usage: ops/bench/rollout.py [--tenants 20] [--waves 1,25%,100%] [--parallel 2]
                            [--results ops/bench/results/rollout.md]
Needs: a built platform (ops/bin/local-up builds it), a MySQL server (as the platform finds it).
"""
import argparse, datetime, hashlib, http.client, json, os, shutil, socket, ssl, statistics, sys, tempfile, threading, time
from concurrent.futures import ThreadPoolExecutor

from benchlib import instant, API, ROOT, RUNTIME_JAR, bench_run, call, cleanup, onboard, start_control_plane, write_report

EDGE_TLS, EDGE_MTLS = 18243, 18244
RULEBOOK = f"{ROOT}/tenant-runtime/engine/src/main/resources/rulebooks/term-life-uk.yaml"
PROFILES = f"{ROOT}/tenant-runtime/engine/src/test/resources/cases/term-life-uk.yaml"



def import_build(home):
    with open(RUNTIME_JAR, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    os.makedirs(f"{home}/releases/import", exist_ok=True)
    shutil.copy(RUNTIME_JAR, f"{home}/releases/import/{sha}.jar")
    call("POST", "/api/v1/releases/artifacts", {"sha256": sha})
    return sha


def schema_version():
    """The tenant schema onboarding reached (the migrate-schema step's output), read before any upgrade."""
    op = call("GET", "/api/v1/tenants?limit=1")["items"][0]["latestOperation"]
    return next(s for s in op["steps"] if s["name"] == "migrate-schema")["outputs"]["schemaVersion"]


def make_release(release_id, sha, rulebook, schema):
    version = rulebook.split("\n  version: ", 1)[1].split("\n", 1)[0]
    with open(PROFILES) as f:
        call("POST", "/api/v1/rulebooks", {"source": rulebook, "profiles": f.read()})
    call("PUT", f"/api/v1/releases/{release_id}", {"runtime": {"sha256": sha}, "schemaVersion": schema,
                                                     "rulebook": {"id": "term-life-uk", "version": version}})


class Client:
    """One tenant as its applicants and its integrator reach it: the edge, by SNI, trusting the platform CA."""

    def __init__(self, tenant, ca_file, workdir):
        self.tenant = tenant
        self.web = ssl.create_default_context(cafile=ca_file)
        self.api = ssl.create_default_context(cafile=ca_file)
        issued = call("POST", f"/api/v1/tenants/{tenant}/certificates", {"name": "bench"})
        cert, key = f"{workdir}/{tenant}.crt", f"{workdir}/{tenant}.key"
        with open(cert, "w") as f:
            f.write(issued["certificatePem"])
        with open(key, "w") as f:
            f.write(issued["privateKeyPem"])
        self.api.load_cert_chain(cert, key)

    def get(self, context, port, host, path):
        raw = socket.create_connection(("127.0.0.1", port), timeout=10)
        sock = context.wrap_socket(raw, server_hostname=host)
        conn = http.client.HTTPConnection(host, port, timeout=10)
        conn.sock = sock
        try:
            conn.request("GET", path, headers={"Host": host})
            response = conn.getresponse()
            response.read()
            return response.status
        finally:
            conn.close()

    def interview(self):
        return self.get(self.web, EDGE_TLS, f"uw.{self.tenant}.localhost", "/")

    def service(self):
        return self.get(self.api, EDGE_MTLS, f"api.uw.{self.tenant}.localhost", "/api/v1/service")


def load(clients, stop, counts, failures):
    """Round-robin over the tenants, interview page then API, until told to stop."""
    i = 0
    while not stop.is_set():
        client = clients[i % len(clients)]
        i += 1
        for name, ask in (("interview", client.interview), ("api", client.service)):
            try:
                status = ask()
                counts[name] += 1
                if status != 200:
                    failures.append(f"{client.tenant} {name} {status}")
            except Exception as e:
                counts[name] += 1
                failures.append(f"{client.tenant} {name} {type(e).__name__}: {e}")


def await_rollout(rollout_id, limit=1800):
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit:
        r = call("GET", f"/api/v1/rollouts/{rollout_id}")
        if r["status"] in ("SUCCEEDED", "HALTED", "ABORTED"):
            return r
        time.sleep(0.25)
    sys.exit(f"rollout {rollout_id} did not end within {limit} s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tenants", type=int, default=20)
    parser.add_argument("--waves", default="1,25%,100%")
    parser.add_argument("--parallel", type=int, default=2)
    parser.add_argument("--load-threads", type=int, default=4)
    parser.add_argument("--results", default=f"{ROOT}/ops/bench/results/rollout.md")
    args = parser.parse_args()
    run, home, database = bench_run()
    proc = start_control_plane(home, database)
    ids = [f"r{run}-{n:02d}" for n in range(args.tenants)]
    workdir = tempfile.mkdtemp(prefix="rollout-bench-")
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            onboarded = list(pool.map(onboard, ids))
        if None in onboarded:
            sys.exit("onboarding failed")
        sha = import_build(home)
        schema = schema_version()
        with open(RULEBOOK) as f:
            sample = f.read()
        make_release(f"b{run}-good", sha, sample.replace("version: 2026.12.1", f"version: 2099.{run}.1"), schema)
        ca_file = f"{workdir}/edge-ca.pem"
        with open(ca_file, "w") as f:
            f.write(call_text("/api/v1/edge/ca"))
        clients = [Client(t, ca_file, workdir) for t in ids]

        stop, counts, failures = threading.Event(), {"interview": 0, "api": 0}, []
        threads = [threading.Thread(target=load, args=(clients, stop, counts, failures)) for _ in range(args.load_threads)]
        for t in threads:
            t.start()
        time.sleep(2)
        t0 = time.monotonic()
        rollout = call("POST", "/api/v1/rollouts", {"release": f"b{run}-good", "tenants": ",".join(ids), "waves": args.waves,
                                                     "maxFailures": 0, "parallel": args.parallel})
        done = await_rollout(rollout["id"])
        wall = time.monotonic() - t0
        time.sleep(2)
        stop.set()
        for t in threads:
            t.join()

        upgrades, switches = [], []
        for row in done["progress"]:
            op = call("GET", f"/api/v1/operations/{row['operationId']}")
            upgrades.append((instant(op["finishedAt"]) - instant(op["startedAt"])).total_seconds())
            switch = next(s for s in op["steps"] if s["name"] == "switch-traffic")
            switches.append(switch["durationMs"] / 1000)
        waves = max(row["wave"] for row in done["progress"])

        # a release whose rulebook changes a profile's decision: the first tenant's gate fails, the rollout halts
        drifted = sample.replace("version: 2026.12.1", f"version: 2099.{run}.2").replace(
            "    when: smoker && cigarettes_per_day > 20\n    debits: 50\n", "    when: smoker && cigarettes_per_day > 20\n    debits: 100\n")
        make_release(f"b{run}-drifted", sha, drifted, schema)
        halted = await_rollout(call("POST", "/api/v1/rollouts", {"release": f"b{run}-drifted", "tenants": ",".join(ids),
                                                                  "waves": args.waves, "maxFailures": 0, "parallel": 1})["id"])
        failed = next(row for row in halted["progress"] if row["status"] == "FAILED")
        gate_failed = instant(call("GET", f"/api/v1/operations/{failed['operationId']}")["finishedAt"])
        to_halt = (instant(halted["updatedAt"]) - gate_failed).total_seconds()
        untouched = sum(1 for row in halted["progress"] if row["status"] == "PENDING")
    finally:
        cleanup(proc, home, database, ids)
        shutil.rmtree(workdir, ignore_errors=True)

    requests = counts["interview"] + counts["api"]
    lines = [
        "# Rollout benchmark",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.cpu_count()} cores by `ops/bench/rollout.py`"
        f" ({args.tenants} local tenants, waves {args.waves}, parallel {args.parallel}; each tenant: expand schema, start the new"
        f" runtime beside the old, switch, gate — 3 probes, build id, 3 profiles through the public host — stop the old).",
        "",
        "| measure | result | target |",
        "|---|---|---|",
        f"| rollout to {args.tenants} tenants in {waves} waves: wall time | {wall:.1f} s | |",
        f"| outcome | {done['status']} | SUCCEEDED |",
        f"| upgrade per tenant (start to gate passed and old stopped), median / max | {statistics.median(upgrades):.2f} s / {max(upgrades):.2f} s | |",
        f"| switch per tenant (edge moved to the new runtime), median / max | {statistics.median(switches) * 1000:.0f} ms / {max(switches) * 1000:.0f} ms | |",
        f"| requests during the rollout (interview + API, {args.load_threads} threads) | {requests} | |",
        f"| failed requests during the rollout | {len(failures)} | 0 |",
        f"| drifted release: outcome | {halted['status']}, {untouched} of {args.tenants - 1} later tenants untouched | HALTED, all |",
        f"| drifted release: failed gate to halt | {to_halt:.2f} s | ≤ 1 s (one tick) |",
        "",
    ]
    if failures:
        lines += ["Failed requests (first 10):", ""] + [f"- {f}" for f in failures[:10]] + [""]
    os.makedirs(os.path.dirname(args.results), exist_ok=True)
    write_report(args.results, lines)
    return 0 if done["status"] == "SUCCEEDED" and not failures and halted["status"] == "HALTED" else 1


def call_text(path):
    import urllib.request
    from benchlib import TOKEN
    req = urllib.request.Request(f"http://127.0.0.1:{API}{path}", headers={"Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.read().decode()


if __name__ == "__main__":
    sys.exit(main())
