#!/usr/bin/env python3
"""The cluster bench (bin/bench --cluster): real processes on loopback, brought up by bin/cluster.

Measures, through HAProxy: recommendation throughput and p99 with one replica and with two (wrk, POST
/api/recommendations with a sample learner), each replica's CPU per request (from /proc, so what one core per replica
would give), the time from an accepted import (POST /api/imports through HAProxy) to every replica serving the new
version, and the failed requests during a rolling restart of both replicas under load. Writes
bench-results/cluster-<timestamp>.json and bench-results/cluster-latest.json.
"""
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIR = os.environ["CAIRN_CLUSTER_DIR"]
LB = int(os.environ["CAIRN_CLUSTER_PORT"])
BASE = int(os.environ["CAIRN_REPLICA_BASE"])
STORE = int(os.environ["CAIRN_STORE_PORT"])
TOKEN = os.environ["CAIRN_BENCH_TOKEN"]
DURATION = int(os.environ.get("CAIRN_CLUSTER_SECONDS", "20"))
CONNECTIONS = int(os.environ.get("CAIRN_CLUSTER_CONNECTIONS", "16"))
# a request slower than this counts as a failure (wrk's default, 2 s, is below the p99 of a busy 2-core machine)
WRK_TIMEOUT = os.environ.get("CAIRN_CLUSTER_WRK_TIMEOUT", "10s")
LEARNER = os.path.join(ROOT, "datasets/sample/learners/amira-retail-to-data.json")


def say(message):
    print("cluster bench: " + message, file=sys.stderr, flush=True)


def cluster(*args):
    subprocess.run([os.path.join(ROOT, "bin/cluster"), *args], check=True)


def haproxy(command):
    import socket
    s = socket.socket(socket.AF_UNIX)
    s.connect(os.path.join(DIR, "haproxy.sock"))
    s.sendall((command + "\n").encode())
    answer = s.recv(65536).decode()
    s.close()
    return answer


def health(port):
    with urllib.request.urlopen("http://127.0.0.1:%d/health" % port, timeout=5) as r:
        return json.load(r)


def cpu_seconds(replica):
    pid = int(open(os.path.join(DIR, "replica-%d.pid" % replica)).read())
    # the launcher execs java, so the pid is the JVM's
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wrk_script():
    path = os.path.join(DIR, "recommend.lua")
    body = open(LEARNER).read()
    with open(path, "w") as f:
        f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = %s\n'
                % json.dumps(body))
    return path


def parse_wrk(text):
    def number(pattern, default=0.0):
        m = re.search(pattern, text)
        return float(m.group(1)) if m else default

    def millis(value, unit):
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]

    p = {}
    for q in ("50", "99"):
        m = re.search(r"^\s+%s(?:\.000)?%%\s+([\d.]+)(us|ms|s|m)\s*$" % q, text, re.M)
        p[q] = millis(*m.groups()) if m else None
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    kinds = dict(zip(("connect", "read", "write", "timeout"), (int(x) for x in sockets.groups()))) if sockets \
        else {"connect": 0, "read": 0, "write": 0, "timeout": 0}
    socket_errors = sum(kinds.values())
    return {
        "requests": int(number(r"(\d+) requests in")),
        "requestsPerSecond": number(r"Requests/sec:\s+([\d.]+)"),
        "p50Ms": p["50"],
        "p99Ms": p["99"],
        "non2xx": int(number(r"Non-2xx or 3xx responses: (\d+)")),
        "socketErrors": socket_errors,
        "socketErrorsByKind": kinds,
    }


def load(seconds, script):
    out = subprocess.run(["wrk", "-t2", "-c%d" % CONNECTIONS, "-d%ds" % seconds, "--timeout", WRK_TIMEOUT, "--latency", "-s", script,
                          "http://127.0.0.1:%d/api/recommendations" % LB], capture_output=True, text=True, check=True)
    return parse_wrk(out.stdout), out.stdout


def throughput(replicas, script):
    for r in (1, 2):
        haproxy(("enable" if r <= replicas else "disable") + " server replicas/replica-%d" % r)
    time.sleep(2)
    say("warm-up, %d replica(s)" % replicas)
    load(5, script)
    before = {r: cpu_seconds(r) for r in (1, 2)}
    say("%d s of load through HAProxy with %d replica(s), %d connections" % (DURATION, replicas, CONNECTIONS))
    result, _ = load(DURATION, script)
    cpu = {r: cpu_seconds(r) - before[r] for r in (1, 2)}
    busy = sum(cpu.values())
    result["replicaCpuSeconds"] = {str(r): round(c, 2) for r, c in cpu.items()}
    result["cpuMsPerRequest"] = round(1000 * busy / max(result["requests"], 1), 3)
    # what each replica would serve with a core of its own (its CPU per request is the only cost counted)
    result["requestsPerSecondPerCoreEstimate"] = round(result["requests"] / busy, 1) if busy else None
    say("%d replica(s): %.0f req/s, p99 %.1f ms, errors %d" % (replicas, result["requestsPerSecond"],
        result["p99Ms"] or -1, result["non2xx"] + result["socketErrors"]))
    return result


def badge(slug):
    return json.dumps({"@context": "https://credreg.net/ctdl/schema/context/json", "@graph": [{
        "@id": "https://example.org/credentials/" + slug, "@type": "ceterms:OpenBadge",
        "ceterms:name": {"en": "Bench badge " + slug},
        "ceterms:estimatedDuration": [{"@type": "ceterms:DurationProfile", "ceterms:exactDuration": "PT15H"}],
        "ceterms:teaches": [{"@type": "ceterms:CredentialAlignmentObject",
                             "ceterms:targetNode": "http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742"}],
        "ceterms:ownedBy": "https://w3id.org/cairn/id/issuer/skillforge"}]}).encode()


def write_to_all(rounds):
    times = []
    for i in range(rounds):
        request = urllib.request.Request("http://127.0.0.1:%d/api/imports?format=ctdl&name=bench-%d" % (LB, i),
                                         data=badge("bench-%d" % i), method="POST", headers={
                                             "Content-Type": "application/ld+json",
                                             "Authorization": "Bearer " + TOKEN})
        with urllib.request.urlopen(request, timeout=120) as r:
            report = json.load(r)
        accepted = time.monotonic()
        version = report.get("storeVersion")
        if version is None:
            version = max(health(BASE + r)["sharedStore"]["versionSeen"] for r in (1, 2))
        pending = {1, 2}
        while pending:
            if time.monotonic() - accepted > 120:
                raise SystemExit("cluster bench: a replica did not serve version %s within 120 s" % version)
            for r in list(pending):
                if health(BASE + r)["catalogVersion"] >= version:
                    pending.discard(r)
            time.sleep(0.02)
        times.append(round((time.monotonic() - accepted) * 1000))
        say("write %d: every replica served version %s %d ms after the import was accepted" % (i + 1, version,
            times[-1]))
    times.sort()
    return {"rounds": rounds, "msEach": times, "medianMs": times[len(times) // 2], "maxMs": times[-1],
            "storeCheckMs": 2000}


def rolling_restart(script):
    for r in (1, 2):
        haproxy("enable server replicas/replica-%d" % r)
    say("rolling restart of both replicas under load")
    wrk = subprocess.Popen(["wrk", "-t2", "-c%d" % CONNECTIONS, "-d600s", "--timeout", WRK_TIMEOUT, "--latency", "-s", script,
                            "http://127.0.0.1:%d/api/recommendations" % LB], stdout=subprocess.PIPE, text=True)
    time.sleep(5)
    started = time.monotonic()
    for r in (1, 2):
        cluster("restart", str(r))
        time.sleep(3)
    wrk.send_signal(signal.SIGINT)
    out, _ = wrk.communicate(timeout=60)
    result = parse_wrk(out)
    result["restartSeconds"] = round(time.monotonic() - started)
    result["failed"] = result["non2xx"] + result["socketErrors"]
    say("rolling restart: %d requests, %d failed" % (result["requests"], result["failed"]))
    return result, out


def main():
    script = wrk_script()
    results = {"machine": {"cores": os.cpu_count(), "loadAverageAtStart": os.getloadavg()},
               "workload": "POST /api/recommendations (datasets/sample/learners/amira-retail-to-data.json) through"
                           " HAProxy, wrk -t2 -c%d -d%ds --timeout %s; the embedded sample catalog"
                           % (CONNECTIONS, DURATION, WRK_TIMEOUT)}
    results["oneReplica"] = throughput(1, script)
    results["twoReplicas"] = throughput(2, script)
    one, two = results["oneReplica"]["requestsPerSecond"], results["twoReplicas"]["requestsPerSecond"]
    results["twoOverOne"] = round(two / one, 2) if one else None
    results["writeToAllReplicas"] = write_to_all(5)
    results["rollingRestart"], raw = rolling_restart(script)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    out_dir = os.path.join(ROOT, "bench-results")
    os.makedirs(out_dir, exist_ok=True)
    for name in ("cluster-%s.json" % stamp, "cluster-latest.json"):
        with open(os.path.join(out_dir, name), "w") as f:
            json.dump(results, f, indent=2)
    print(json.dumps(results, indent=2))
    say("results in bench-results/cluster-%s.json" % stamp)


if __name__ == "__main__":
    main()
