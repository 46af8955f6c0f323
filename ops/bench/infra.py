#!/usr/bin/env python3
"""CDKTF synth benchmark: time and memory (the JVM plus jsii's Node.js child, summed, sampled every
50 ms) to synthesize one tenant's stack with a cold jsii package cache, with a warm cache, and ten
tenants' stacks in one JVM. Runs infra/target/undersign-infra.jar as the control plane would.

Usage: ops/bench/infra.py [--results ops/bench/results/infra.md]
Needs: a built infra module (./mvnw install -DskipTests -pl infra), node on the PATH.
"""
import argparse, json, os, shutil, subprocess, tempfile, time

from benchlib import ROOT, write_report

JAR = f"{ROOT}/infra/target/undersign-infra.jar"


def spec(tenant, n):
    return {"tenantId": tenant, "region": "eu-west-2", "zoneName": "undersign.example", "hostedZoneId": "Z0123456789ABCDEF",
            "vpcCidr": f"10.{40 + n}.0.0/16", "runtimeImageId": "ami-0abcdef1234567890", "transitGatewayId": "tgw-0123456789abcdef0",
            "alarmTopicArn": "arn:aws:sns:eu-west-2:111122223333:undersign-oncall", "stateBucket": "undersign-terraform-state",
            "stateLockTable": "undersign-terraform-locks", "trustStoreBucket": "undersign-trust-stores-eu-west-2", "releaseBucket": "undersign-releases-eu-west-2",
            "guardDuty": True}


def tree_rss_mb(pid):
    out = subprocess.run(["ps", "-eo", "pid=,ppid=,rss="], capture_output=True, text=True).stdout.split("\n")
    rows = [tuple(map(int, line.split())) for line in out if line.strip()]
    children, total, todo = {}, 0, [pid]
    for p, pp, _ in rows:
        children.setdefault(pp, []).append(p)
    rss = {p: r for p, _, r in rows}
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total / 1024


def run(tenants, cache):
    work = tempfile.mkdtemp(prefix="synth-")
    files = []
    for n, t in enumerate(tenants):
        files.append(f"{work}/{t}.json")
        with open(files[-1], "w") as f:
            json.dump(spec(t, n), f)
    env = dict(os.environ, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20", JSII_RUNTIME_PACKAGE_CACHE_ROOT=cache)
    t0 = time.monotonic()
    proc = subprocess.Popen(["java", f"-Djava.io.tmpdir={work}", "-jar", JAR, "--out", f"{work}/out"] + files, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_mb(proc.pid))
        time.sleep(0.05)
    seconds = time.monotonic() - t0
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert len(out.strip().splitlines()) == len(tenants)
    leftovers = [name for name in os.listdir(work) if name.startswith(("jsii-java-runtime", "cdktf.outdir"))]
    shutil.rmtree(work)
    return seconds, peak, leftovers


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", default=f"{ROOT}/ops/bench/results/infra.md")
    args = parser.parse_args()
    cache = tempfile.mkdtemp(prefix="jsii-cache-")
    rows = [("one tenant, cold JVM, empty jsii package cache", *run(["acme"], cache)),
            ("one tenant, cold JVM, warm jsii package cache", *run(["acme"], cache)),
            ("ten tenants in one JVM, warm cache", *run([f"t{i:02d}" for i in range(10)], cache))]
    cache_mb = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(cache) for f in fs) / 1e6
    shutil.rmtree(cache)
    one = rows[1][1]
    lines = ["# Infra synth benchmark", "",
             f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.cpu_count()} cores by `ops/bench/infra.py`: "
             "`java -jar infra/target/undersign-infra.jar` (cdktf 0.19.2, provider-aws 18.0.3, Node "
             f"{subprocess.run(['node', '--version'], capture_output=True, text=True).stdout.strip()}), each a fresh JVM, "
             "as the control plane runs it.", "",
             "| run | wall time | peak RSS (JVM + Node) | temp files left |", "|---|---|---|---|"]
    for name, seconds, peak, leftovers in rows:
        lines.append(f"| {name} | {seconds:.1f} s | {peak:,.0f} MB | {len(leftovers)} |")
    lines += ["", f"- The jsii package cache holds {cache_mb:,.0f} MB; each extra stack in a warm JVM costs "
              f"{(rows[2][1] - one) / 9:.2f} s.",
              "- The control plane gives each synth its own `java.io.tmpdir` and removes it afterwards, so nothing "
              "accumulates in /tmp.", ""]
    write_report(args.results, lines)


if __name__ == "__main__":
    main()
