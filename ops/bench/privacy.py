#!/usr/bin/env python3
"""Health-data encryption, side by side: API case creation (wrk, runtime direct, as runtime.py) and
sustained evidence results applied (EvidenceLoad.java, as evidence.py) on two tenants of one control
plane in the same run, one on the current build (every health value sealed with a per-case data
key) and one on a release of the build from before encryption (--baseline-rev), alternating
current/baseline twice to show the spread. Target: encryption on ≥ 90% of off.

Usage: ops/bench/privacy.py [--baseline-rev e7a94d3] [--connections 32] [--seconds 15] [--warmup 40]
       [--backlog 2000] [--results ops/bench/results/privacy.md]
Needs: wrk, git, a built platform (./mvnw install -DskipTests); builds the baseline runtime in a
temporary git worktree (offline Maven, ~3 min) unless --baseline-jar is given.
"""
import argparse, glob, hashlib, json, os, shutil, subprocess, sys, tempfile, time

from benchlib import API, ROOT, TOKEN, bench_run, call, cleanup, onboard, start_control_plane, write_report
from evidence import NEEDS_BLOOD
from rollout import RULEBOOK, make_release
from runtime import ANSWERS, lua, wrk


def need(tool, package):
    if shutil.which(tool) is None:
        sys.exit(f"privacy.py needs {tool}: apt-get install {package}")


def baseline_jar(rev):
    """The tenant runtime as built at {rev}, from a temporary worktree (nothing of it is committed)."""
    work = tempfile.mkdtemp(prefix="undersign-baseline-")
    subprocess.run(["git", "-C", ROOT, "worktree", "add", "--detach", work, rev], check=True, capture_output=True)
    try:
        subprocess.run([f"{work}/mvnw", "-B", "-q", "-o", "package", "-DskipTests", "-pl", "tenant-runtime/app", "-am"], cwd=work, check=True)
        jar = f"{tempfile.mkdtemp()}/tenant-runtime-{rev}.jar"
        shutil.copy(f"{work}/tenant-runtime/app/target/tenant-runtime.jar", jar)
        return jar
    finally:
        subprocess.run(["git", "-C", ROOT, "worktree", "remove", "--force", work], check=False, capture_output=True)


def import_jar(home, jar):
    with open(jar, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    os.makedirs(f"{home}/releases/import", exist_ok=True)
    shutil.copy(jar, f"{home}/releases/import/{sha}.jar")
    call("POST", "/api/v1/releases/artifacts", {"sha256": sha})
    return sha


def await_operation(op):
    while True:
        status = call("GET", f"/api/v1/operations/{op}")["status"]
        if status in ("SUCCEEDED", "FAILED"):
            return status
        time.sleep(0.2)


def runtime_port(tenant):
    """The port of the runtime serving the tenant now (after an upgrade, the new one's)."""
    for _ in range(100):
        runtime = call("GET", f"/api/v1/tenants/{tenant}").get("runtime") or {}
        if runtime.get("state") == "running" and runtime.get("port"):
            return runtime["port"]
        time.sleep(0.3)
    raise SystemExit(f"no running runtime for {tenant}: {runtime}")


def evidence_rate(simulator, tenant, port, backlog, round_trips):
    work = tempfile.mkdtemp()
    with open(f"{work}/credentials.json", "w") as f:
        json.dump(call("POST", f"/api/v1/tenants/{tenant}/evidence-provider/credentials"), f)
    with open(f"{work}/case.json", "w") as f:
        json.dump(NEEDS_BLOOD, f)
    out = subprocess.run(["java", "-cp", simulator, f"{ROOT}/ops/bench/EvidenceLoad.java", f"http://127.0.0.1:{port}",
                          f"{work}/credentials.json", f"{work}/case.json", str(round_trips), str(backlog), f"http://127.0.0.1:{API}", TOKEN],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])["resultsPerSecond"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline-rev", default="e7a94d3", help="the last commit before encryption")
    parser.add_argument("--baseline-jar", help="a tenant-runtime.jar of the baseline, instead of building it")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=40)
    parser.add_argument("--backlog", type=int, default=2000)
    parser.add_argument("--round-trips", type=int, default=60, help="evidence round trips one at a time before the backlog")
    parser.add_argument("--results", default=f"{ROOT}/ops/bench/results/privacy.md")
    args = parser.parse_args()
    need("wrk", "wrk")
    need("git", "git")
    simulator = glob.glob(f"{ROOT}/ops/evidence-simulator/target/undersign-evidence-simulator-*-all.jar")[0]
    old_jar = args.baseline_jar or baseline_jar(args.baseline_rev)
    run, home, database = bench_run()
    sealed, plain = f"pon{run}", f"poff{run}"
    proc = start_control_plane(home, database)
    try:
        assert onboard(sealed) is not None and onboard(plain) is not None, "onboarding failed"
        sha = import_jar(home, old_jar)
        with open(RULEBOOK) as f:
            # the baseline release: the old build on the schema it knew (6), the same rulebook
            make_release(f"pre{run}", sha, f.read().replace("version: 2026.12.1", f"version: 2098.{run}.1"), "6")
        op = call("POST", f"/api/v1/tenants/{plain}/upgrade", {"release": f"pre{run}"})["operation"]["id"]
        assert await_operation(op) == "SUCCEEDED", "the baseline release did not roll out"
        ports = {sealed: runtime_port(sealed), plain: runtime_port(plain)}
        c, d = args.connections, args.seconds
        create = lua("POST", json.dumps({"answers": ANSWERS}), {"Content-Type": "application/json"})
        for t in (sealed, plain):
            wrk(f"http://127.0.0.1:{ports[t]}/api/v1/cases", f"api.uw.{t}.localhost", c, args.warmup, create)
        rows = []
        for round_no in (1, 2):
            for t, label in ((sealed, "encryption on"), (plain, "encryption off (baseline)")):
                r = wrk(f"http://127.0.0.1:{ports[t]}/api/v1/cases", f"api.uw.{t}.localhost", c, d, create)
                rows.append(("API case creation", round_no, label, r["rps"], r["p99"], r["errors"]))
        for round_no in (1, 2):
            for t, label in ((sealed, "encryption on"), (plain, "encryption off (baseline)")):
                rows.append(("evidence results applied", round_no, label, evidence_rate(simulator, t, ports[t], args.backlog, args.round_trips), None, 0))
    finally:
        cleanup(proc, home, database, [sealed, plain])

    def ratio(workload, round_no):
        on = next(r[3] for r in rows if r[0] == workload and r[1] == round_no and r[2] == "encryption on")
        off = next(r[3] for r in rows if r[0] == workload and r[1] == round_no and r[2] != "encryption on")
        return on / off
    lines = ["# Health-data encryption, side by side", "",
             f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.cpu_count()} cores by `ops/bench/privacy.py`: one control plane, "
             f"two tenants at once, one on this build (sealed), one on a release of `{args.baseline_rev}` (before encryption), "
             f"rounds alternating; wrk {c} connections, {d} s each after {args.warmup} s of unrecorded warm-up per runtime; "
             f"evidence: a backlog of {args.backlog} results per run (EvidenceLoad.java).", "",
             "| workload | round | runtime | rate | p99 | errors |", "|---|---|---|---|---|---|"]
    for w, n, label, rate, p99, errors in rows:
        unit = "cases/s" if w.startswith("API") else "results/s"
        lines.append(f"| {w} | {n} | {label} | {rate:,.0f} {unit} | {'' if p99 is None else f'{p99:.1f} ms'} | {errors} |")
    lines.append("")
    for w in ("API case creation", "evidence results applied"):
        r1, r2 = ratio(w, 1), ratio(w, 2)
        lines.append(f"- {w}: encryption on reaches {100 * r1:.0f}% and {100 * r2:.0f}% of off in the two rounds "
                     f"(target ≥ 90%: {'met' if min(r1, r2) >= 0.9 else 'not met'}).")
    lines += ["- Both runtimes share the machine, the database server and the broker, so each round's pair saw the same load;",
              "  the sealed one also writes the case's data key (one row in the key database) in the case's transaction.", ""]
    write_report(args.results, lines)


if __name__ == "__main__":
    main()
