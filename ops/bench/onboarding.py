#!/usr/bin/env python3
"""Onboarding benchmark: one tenant's time to ACTIVE, then N tenants onboarded concurrently
through the admin API (time to ACTIVE per tenant, failures), and the resident memory of every
tenant runtime. Starts its own control plane (own database, home and ports) and removes it after.

Usage: ops/bench/onboarding.py [--tenants 20] [--results ops/bench/results/onboarding.md]
Needs: a built platform (ops/bin/local-up builds it), a MySQL server (as the platform finds it).
"""
import argparse, json, os, shutil, signal, statistics, subprocess, sys, time, urllib.request, uuid
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SERVER_JAR = f"{ROOT}/control-plane/server/target/quarkus-app/quarkus-run.jar"
RUNTIME_JAR = f"{ROOT}/tenant-runtime/app/target/quarkus-app/quarkus-run.jar"
API, EDGE, BROKER = 18280, 18288, 16361
TOKEN = "bench-" + uuid.uuid4().hex


def call(method, path, body=None):
    req = urllib.request.Request(f"http://127.0.0.1:{API}{path}", method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read() or b"null")


def start_control_plane(home, database):
    mysql = os.environ.get("UNDERSIGN_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306")
    cmd = ["java", "-Xmx384m", "-XX:+UseSerialGC",
           f"-Dundersign.mysql.server={mysql}", f"-Dundersign.mysql.database={database}",
           f"-Dquarkus.http.port={API}", f"-Dundersign.edge.port={EDGE}",
           f"-Dundersign.broker.bind-url=tcp://127.0.0.1:{BROKER}",
           f"-Dundersign.broker.client-url=failover:(tcp://127.0.0.1:{BROKER})?maxReconnectAttempts=-1",
           f"-Dundersign.data-dir={home}/data", f"-Dundersign.secrets.master-key-file={home}/master.key",
           f"-Dundersign.runtime.jar={RUNTIME_JAR}", f"-Dundersign.bootstrap-admin-token={TOKEN}",
           "-jar", SERVER_JAR]
    log = open(f"{home}/control-plane.log", "ab")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{API}/q/health/ready", timeout=2)
            return proc
        except Exception:
            if proc.poll() is not None:
                sys.exit(f"control plane exited; see {home}/control-plane.log")
            time.sleep(0.2)
    sys.exit("control plane did not start")


def onboard(tenant_id):
    """Seconds from the create request to ACTIVE, or None when it failed."""
    t0 = time.monotonic()
    op = call("POST", "/api/v1/tenants", {"id": tenant_id, "displayName": f"Bench {tenant_id}"})["operation"]["id"]
    while True:
        status = call("GET", f"/api/v1/operations/{op}")["status"]
        if status == "SUCCEEDED":
            return time.monotonic() - t0
        if status == "FAILED":
            return None
        time.sleep(0.1)


def runtime_rss_mb(data_dir):
    marker = f"-Dundersign-data={data_dir}"
    out = subprocess.run(["ps", "-eo", "rss=,args="], capture_output=True, text=True).stdout
    return [int(line.split()[0]) / 1024 for line in out.splitlines() if marker in line]


def cleanup(proc, home, database, ids):
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
    subprocess.run(["pkill", "-f", "--", f"-Dundersign-data={home}/data"])
    sql = [f"DROP DATABASE IF EXISTS `{database}`"]
    for i in ids:
        db = "tenant_" + i.replace("-", "_")
        sql += [f"DROP DATABASE IF EXISTS `{db}`", f"DROP USER IF EXISTS 't_{i.replace('-', '_')}'@'%'"]
    subprocess.run(["mariadb", "-uroot", "-h127.0.0.1", "-e", ";".join(sql)])
    shutil.rmtree(home, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tenants", type=int, default=20)
    parser.add_argument("--results", default=f"{ROOT}/ops/bench/results/onboarding.md")
    args = parser.parse_args()
    run = uuid.uuid4().hex[:5]
    home = f"/tmp/undersign-bench-{run}"
    os.makedirs(home)
    database = f"undersign_bench_{run}"
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
        "",
    ]
    report = "\n".join(l for l in lines if l is not None and l != "" or l == "") + "\n"
    os.makedirs(os.path.dirname(args.results), exist_ok=True)
    with open(args.results, "w") as f:
        f.write(report)
    print(report)
    return 0 if single and len(ok) == len(times) else 1


if __name__ == "__main__":
    sys.exit(main())
