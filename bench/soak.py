#!/usr/bin/env python3
"""bench/soak's load: mixed scans, administrations and reports for SECONDS, a line of figures every minute.

  BASE=... WORK=... bench/soak.py SECONDS SERVICE_PID

Reads what bench/setup.py wrote to WORK (nurse.token, qa.token, labels.txt, lots.env) and WORK/vials.txt (the ids of
the administration lot's vials). SCANNERS threads (default 4) scan random labels, one thread gives doses (each a
different vial, DOSE_PAUSE seconds apart, default 0.06: about 10 a second,
so the 20 000 vials last 30 minutes) and one reads reports in turn (the scan lot's trace, stock, a patient's doses, the administration lot's
report, whose doses grow). Every minute it prints, per kind, requests, p50 and p99 in ms and failures, and the
service's resident memory; at the end the first and last five minutes side by side. Exits 1 on any failed request.
"""
import http.client, json, os, random, subprocess, sys, threading, time, urllib.parse, uuid

SECONDS, PID = int(sys.argv[1]), sys.argv[2]
SCANNERS = int(os.environ.get("SCANNERS", "4"))
DOSE_PAUSE = float(os.environ.get("DOSE_PAUSE", "0.06"))
work = os.environ["WORK"]
base = urllib.parse.urlparse(os.environ["BASE"])
read = lambda name: open(os.path.join(work, name)).read()
nurse, qa = read("nurse.token").strip(), read("qa.token").strip()
labels = read("labels.txt").split("\n")[:-1]  # not splitlines(): it splits at the labels' GS (\x1d) too
vials = read("vials.txt").split()
lots = dict(line.split("=", 1) for line in read("lots.env").split())

lock = threading.Lock()
samples = {}  # kind -> list of (ms) in the current minute
failures = {}
stop = threading.Event()


def record(kind, ms, ok):
    with lock:
        samples.setdefault(kind, []).append(ms)
        if not ok:
            failures[kind] = failures.get(kind, 0) + 1


def worker(kind, next_request):
    conn = http.client.HTTPConnection(base.hostname, base.port, timeout=60)
    while not stop.is_set():
        request = next_request()
        if request is None:
            return
        method, path, body, token, expect = request
        headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json", "Accept": "application/json"}
        if path == "/api/administrations":
            headers["Idempotency-Key"] = str(uuid.uuid4())
        t = time.perf_counter()
        try:
            conn.request(method, path, None if body is None else json.dumps(body), headers)
            r = conn.getresponse()
            r.read()
            ok = r.status == expect
            if not ok:
                print(f"{kind}: {method} {path} answered {r.status}", file=sys.stderr)
        except (OSError, http.client.HTTPException) as e:
            ok = False
            print(f"{kind}: {method} {path}: {e}", file=sys.stderr)
            conn = http.client.HTTPConnection(base.hostname, base.port, timeout=60)
        record(kind, (time.perf_counter() - t) * 1000, ok)


def scans():
    return "POST", "/api/scans", {"barcode": random.choice(labels), "route": "IV_DRIP"}, nurse, 200


next_vial = iter(vials)


def doses():
    time.sleep(DOSE_PAUSE)  # paced, so that the lot's 20 000 vials last 30 minutes
    vial = next(next_vial, None)
    if vial is None:
        return None
    return "POST", "/api/administrations", {"vialId": vial, "patientId": "P-SOAK-%d" % random.randrange(500),
                                            "route": "IV_DRIP", "volumeMl": 2.0, "purpose": "WELLNESS"}, nurse, 201


report_paths = ["/api/lots/%s/trace" % lots["SCAN_LOT"], "/api/reports/stock", "/api/patients/P-SOAK-7/doses",
                "/api/lots/%s/report" % lots["ADMIN_LOT"]]
report_turn = iter(range(10**9))


def reports():
    time.sleep(0.5)
    return "GET", report_paths[next(report_turn) % len(report_paths)], None, qa, 200


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] if values else 0.0


def rss_mb():
    return int(subprocess.run(["ps", "-o", "rss=", "-p", PID], capture_output=True, text=True).stdout.strip() or 0) // 1024


threads = [threading.Thread(target=worker, args=("scan", scans)) for _ in range(SCANNERS)]
threads += [threading.Thread(target=worker, args=("administration", doses)), threading.Thread(target=worker, args=("report", reports))]
for t in threads:
    t.start()
minutes = []
print("| minute | scans (p50 / p99 ms) | administrations (p50 / p99 ms) | reports (p50 / p99 ms) | failed | RSS MB |")
print("| --- | --- | --- | --- | --- | --- |")
began = time.time()
try:
    for minute in range(1, SECONDS // 60 + 1):
        time.sleep(max(0, began + 60 * minute - time.time()))
        with lock:
            taken, lost = dict(samples), sum(failures.values())
            samples.clear()
        row = {k: (len(v), percentile(v, 0.5), percentile(v, 0.99)) for k, v in taken.items()}
        row["rss"], row["failed"] = rss_mb(), lost
        minutes.append(row)
        cell = lambda k: "%d (%.1f / %.1f)" % row.get(k, (0, 0, 0))
        print(f"| {minute} | {cell('scan')} | {cell('administration')} | {cell('report')} | {lost} | {row['rss']} |", flush=True)
finally:
    stop.set()
    for t in threads:
        t.join()

if len(minutes) >= 10:
    def summary(part):
        scans_p99 = sorted(m.get("scan", (0, 0, 0))[2] for m in part)
        return "scan p99 median %.1f ms, RSS %d–%d MB" % (scans_p99[len(scans_p99) // 2], min(m["rss"] for m in part), max(m["rss"] for m in part))
    print(f"\nfirst 5 minutes: {summary(minutes[:5])}; last 5 minutes: {summary(minutes[-5:])}")
sys.exit(1 if sum(failures.values()) else 0)
