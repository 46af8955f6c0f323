"""Shared by the benchmark scripts: a control plane of their own (database, home, ports), its
admin API, and removing everything afterwards."""
import json, os, shutil, signal, subprocess, sys, time, urllib.request, uuid

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SERVER_JAR = f"{ROOT}/control-plane/server/target/quarkus-app/quarkus-run.jar"
RUNTIME_JAR = f"{ROOT}/tenant-runtime/app/target/tenant-runtime.jar"
API, EDGE, BROKER = 18280, 18288, 16361
TOKEN = "bench-" + uuid.uuid4().hex


def bench_run():
    """A fresh run id, its home directory and its control-plane database name."""
    run = uuid.uuid4().hex[:5]
    home = f"/tmp/undersign-bench-{run}"
    os.makedirs(home)
    return run, home, f"undersign_bench_{run}"


def instant(text):
    """An API timestamp (ISO 8601, Z) as a datetime."""
    import datetime
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


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
           "-Dundersign.edge.tls-port=18243", "-Dundersign.edge.api-tls-port=18244",
           f"-Dundersign.broker.bind-url=tcp://127.0.0.1:{BROKER}",
           f"-Dundersign.broker.client-url=failover:(tcp://127.0.0.1:{BROKER})?maxReconnectAttempts=-1",
           f"-Dundersign.data-dir={home}/data", f"-Dundersign.secrets.master-key-file={home}/master.key",
           f"-Dundersign.releases-dir={home}/releases",
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
        sql += [f"DROP DATABASE IF EXISTS `{db}`", f"DROP DATABASE IF EXISTS `{db}_keys`", f"DROP USER IF EXISTS 't_{i.replace('-', '_')}'@'%'"]
    subprocess.run(["mariadb", "-uroot", "-h127.0.0.1", "-e", ";".join(sql)])
    shutil.rmtree(home, ignore_errors=True)


def write_report(path, lines):
    """Writes a results file (markdown lines) and prints it."""
    report = "\n".join(lines)
    with open(path, "w") as f:
        f.write(report)
    print(report)
