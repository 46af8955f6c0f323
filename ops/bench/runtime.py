#!/usr/bin/env python3
"""Tenant runtime load benchmark (wrk): integrator API case creation (full evaluation + MySQL
writes committed before the 201; on the runtime's port, as wrk cannot do mutual TLS) and an
interview page submit through the local edge, next to
two ceilings measured in the same run: an empty endpoint of the same runtime (through the edge
and direct, which also prices the edge) and the database's own rate for the same rows inserted
one transaction per case at the same concurrency (mariadb-slap). Starts its own control plane.

Usage: ops/bench/runtime.py [--connections 32] [--seconds 15] [--warmup 45] [--results ops/bench/results/runtime.md]
Needs: wrk and mariadb-slap (Debian packages wrk, mariadb-client), a built platform.
"""
import argparse, http.client, json, os, re, socket, ssl, subprocess, tempfile, time, urllib.request, uuid

from benchlib import API, EDGE, ROOT, TOKEN, bench_run, call, cleanup, onboard, start_control_plane, write_report

API_TLS = 18244
WEB_TLS = 18243

ANSWERS = {"date_of_birth": "1990-06-15", "sex": "female", "sum_assured": 250000, "term_years": 25,
           "occupation_class": "1", "height_cm": 168, "weight_kg": 64, "smoker": True, "cigarettes_per_day": 30,
           "alcohol_units_per_week": 8, "hazardous_pursuits": [], "travel_advisory": "none", "asthma": False,
           "diabetes": False, "hypertension": False, "heart_condition": "none", "cancer_history": False,
           "mental_health": "none", "family_history_under_60": 0,
           "under_investigation": False, "hospital_admissions_12m": 0, "self_harm": "none"}


def wrk(url, host, connections, seconds, script=None):
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-H", f"Host: {host}", url]
    if script:
        cmd[1:1] = ["-s", script]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = {p: to_ms(v) for p, v in re.findall(r"\s(50|99)%\s+([\d.]+\w+)", out)}
    total = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    failures = (int(bad.group(1)) if bad else 0) + (sum(map(int, errors.groups())) if errors else 0)
    return {"rps": rps, "p50": lat.get("50"), "p99": lat.get("99"), "requests": total, "errors": failures}


def to_ms(text):
    value, unit = float(re.match(r"[\d.]+", text).group()), re.sub(r"[\d.]+", "", text)
    return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def lua(method, body, headers):
    f = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    f.write(f'wrk.method = "{method}"\nwrk.body = {json.dumps(body)}\n')
    for k, v in headers.items():
        f.write(f'wrk.headers["{k}"] = {json.dumps(v)}\n')
    f.close()
    return f.name


def mtls_load(tenant, api_host, connections, seconds, body):
    """API case creation through the edge's mutual-TLS listener (MtlsLoad.java: wrk cannot present a client certificate)."""
    issued = call("POST", f"/api/v1/tenants/{tenant}/certificates", {"name": "load-generator"})
    work = tempfile.mkdtemp()
    for name, key in (("client.crt", "certificatePem"), ("client.key", "privateKeyPem"), ("edge-ca.pem", "edgeCaPem")):
        with open(f"{work}/{name}", "w") as f:
            f.write(issued[key])
    subprocess.run(["openssl", "pkcs12", "-export", "-in", f"{work}/client.crt", "-inkey", f"{work}/client.key",
                    "-out", f"{work}/client.p12", "-passout", "pass:bench"], check=True)
    return java_load(f"https://127.0.0.1:{API_TLS}/api/v1/cases", api_host, f"{work}/client.p12", f"{work}/edge-ca.pem",
                     connections, seconds, body)


def java_load(url, host, keystore, edge_ca, connections, seconds, body, content_type="application/json", cookie=None):
    """MtlsLoad.java: HTTPS with the tenant host as SNI (wrk sends the URL's host, and *.localhost does not resolve)."""
    work = tempfile.mkdtemp()
    with open(f"{work}/body", "w") as f:
        f.write(body)
    cmd = ["java", "-Djdk.internal.httpclient.disableHostnameVerification=true", "-Djdk.httpclient.allowRestrictedHeaders=host",
           f"{ROOT}/ops/bench/MtlsLoad.java", url, host, keystore, "bench", edge_ca, str(connections), str(seconds), f"{work}/body",
           content_type] + ([cookie] if cookie else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def edge_ca_pem():
    """The CA the edge's server certificates are signed with (the admin API serves it as PEM)."""
    req = urllib.request.Request(f"http://127.0.0.1:{API}/api/v1/edge/ca", headers={"Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.read().decode()


def interview_session(host, edge_ca):
    """A started interview case, its CSRF token and cookie, as a browser would hold them (over the edge's TLS, SNI = host)."""
    context = ssl.create_default_context(cafile=edge_ca)

    def request(method, path, body=None, headers=None):
        raw = socket.create_connection(("127.0.0.1", WEB_TLS))
        conn = http.client.HTTPSConnection(host, WEB_TLS, context=context)
        conn.sock = context.wrap_socket(raw, server_hostname=host)
        conn.request(method, path, body=body, headers={"Host": host, **(headers or {})})
        response = conn.getresponse()
        return response, response.read().decode()

    landing, page = request("GET", "/")
    token = re.search(r'name="csrf-token" value="([^"]+)"', page).group(1)
    cookie = "; ".join(c.split(";")[0] for c in landing.headers.get_all("Set-Cookie") or [])
    started, _ = request("POST", "/interview/start", body=f"csrf-token={token}",
                         headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
    return started.headers["Location"], token, cookie


def database_ceiling(database, connections, cases):
    """The same three rows per case (case, decision, audit event) in one transaction per case."""
    statement = ("SET @id = LEFT(REPLACE(UUID(), '-', ''), 22); START TRANSACTION; "
                 "INSERT INTO case_file (id, reference, channel, status, answers, application_date, created_at, updated_at) "
                 "VALUES (@id, NULL, 'api', 'DECIDED', REPEAT('a', 700), CURDATE(), NOW(6), NOW(6)); "
                 "INSERT INTO case_decision (case_id, outcome, rulebook_id, rulebook_version, decision, created_at) "
                 "VALUES (@id, 'RATED', 'term-life-uk', '2026.12.1', REPEAT('d', 2600), NOW(6)); "
                 "INSERT INTO tenant_audit_event (at, actor, action, detail) VALUES (NOW(6), 'integrator', 'case.created', @id); "
                 "COMMIT")
    per_case = statement.count(";") + 1
    t0 = time.monotonic()
    subprocess.run(["mariadb-slap", "-uroot", "-h127.0.0.1", f"--create-schema={database}", "--no-drop",
                    f"--concurrency={connections}", "--iterations=1", f"--number-of-queries={cases * per_case}",
                    "--delimiter=;", f"--query={statement}"], check=True, capture_output=True)
    return cases / (time.monotonic() - t0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=45, help="seconds of unrecorded load first")
    parser.add_argument("--results", default=f"{ROOT}/ops/bench/results/runtime.md")
    args = parser.parse_args()
    run, home, database = bench_run()
    tenant = f"rt{run}"
    proc = start_control_plane(home, database)
    try:
        assert onboard(tenant) is not None, "onboarding failed"
        port = call("GET", f"/api/v1/tenants/{tenant}")["latestOperation"]["steps"][3]["outputs"]["port"]
        web, api = f"uw.{tenant}.localhost", f"api.uw.{tenant}.localhost"
        c, d = args.connections, args.seconds
        edge = f"http://127.0.0.1:{EDGE}"
        create = lua("POST", json.dumps({"answers": ANSWERS}), {"Content-Type": "application/json"})
        # warm-up, not recorded: the JIT compiles the hot paths (C2) before anything is measured
        wrk(f"http://127.0.0.1:{port}/api/v1/cases", api, c, args.warmup, create)
        # plain HTTP through the edge now redirects to https, but for health checks (load-balancer
        # probes): the liveness check, which touches nothing, is the empty endpoint on both paths
        wrk(f"{edge}/q/health/live", web, c, max(5, args.warmup // 3))
        results = {
            "empty endpoint (liveness check), direct": wrk(f"http://127.0.0.1:{port}/q/health/live", web, c, d),
            "empty endpoint (liveness check), through the edge": wrk(f"{edge}/q/health/live", web, c, d),
            # wrk cannot present a client certificate, and the edge serves the API with mutual TLS
            # only: the API is measured on the runtime's own port
            "API case creation (evaluate + commit), runtime direct": wrk(
                f"http://127.0.0.1:{port}/api/v1/cases", api, c, d, create),
        }
        results["API case creation (evaluate + commit), through the edge with mutual TLS"] = mtls_load(
            tenant, api, c, d, json.dumps({"answers": ANSWERS}))
        ca_file = tempfile.NamedTemporaryFile("w", suffix=".pem", delete=False)
        ca_file.write(edge_ca_pem())
        ca_file.close()
        location, token, cookie = interview_session(web, ca_file.name)
        results["interview page submit (save answers + redirect), through the edge over TLS"] = java_load(
            f"https://127.0.0.1:{WEB_TLS}{location}/pages/build", web, "-", ca_file.name, c, d,
            f"csrf-token={token}&height_cm=170&weight_kg=70&action=next", "application/x-www-form-urlencoded", cookie)
        db_rate = database_ceiling("tenant_" + tenant, c, 20000)
    finally:
        cleanup(proc, home, database, [tenant])

    api_row = results["API case creation (evaluate + commit), runtime direct"]
    direct = results["empty endpoint (liveness check), direct"]["rps"]
    through = results["empty endpoint (liveness check), through the edge"]["rps"]
    lines = ["# Tenant runtime benchmark", "",
             f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.cpu_count()} cores by `ops/bench/runtime.py`: "
             f"wrk, {c} connections, {d} s each after {args.warmup} s of unrecorded warm-up, load generator, edge, runtime and MariaDB on the same machine.", "",
             "| workload | req/s | p50 | p99 | errors |", "|---|---|---|---|---|"]
    for name, r in results.items():
        lines.append(f"| {name} | {r['rps']:,.0f} | {r['p50']:.2f} ms | {r['p99']:.2f} ms | {r['errors']} of {r['requests']} |")
    lines += [f"| database ceiling: the same 3 rows per case, one transaction each (mariadb-slap) | {db_rate:,.0f} cases/s | | | |", "",
              f"- Case creation reaches {100 * api_row['rps'] / db_rate:.0f}% of the database ceiling (target ≥ 50%), "
              f"p99 {api_row['p99']:.1f} ms (target < 50 ms), {api_row['errors']} errors (target 0).",
              f"- The edge costs {100 * (1 - through / direct):.0f}% of the empty endpoint's direct rate (target < 30%).",
              "- wrk cannot present a client certificate: API case creation through the edge's mutual-TLS listener is",
              "  driven by `MtlsLoad.java` (JDK HttpClient, one connection per worker, closed loop); the runtime-direct",
              "  row (wrk) shows the runtime and database alone.", ""]
    write_report(args.results, lines)


if __name__ == "__main__":
    main()
