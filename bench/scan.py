#!/usr/bin/env python3
"""Benchmark: the bedside scan verdict (POST /api/scans), one nurse scanning one after another.

Needs a running service with an ADMIN (the demo catalogue is not used):
  EXOTRACE_BOOTSTRAP_ADMIN_PASSWORD=change-me-now java -jar target/exotrace.jar
  ADMIN_PASSWORD=change-me-now bench/scan.py [SCANS] [VIALS]

Sets up its own product, CPC and a released lot of VIALS vials (default 2 000) plus a second,
earlier-expiring lot on the same shelf (so the first-expiry query finds something), then scans
SCANS labels (default 5 000) over one keep-alive connection after 500 warm-up scans, and prints
p50, p90, p99 and max of the round trip as the client sees it.
"""
import os, random, sys, time
from datetime import date, timedelta

from client import call, gtin, new_user, token

SCANS = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
VIALS = int(sys.argv[2]) if len(sys.argv) > 2 else 2000

admin = token("admin", os.environ["ADMIN_PASSWORD"])
tag = "%06d" % random.randrange(10**6)
qa, nurse = new_user(admin, "benchqa" + tag, ["QA", "INVENTORY"]), new_user(admin, "benchnurse" + tag, ["NURSE"])
cpc, product, g = "CPC-B" + tag, "BENCH-" + tag, gtin()
call("POST", "/api/cpcs", {"code": cpc, "name": "Bench CPC", "licenceNumber": "FA0000000", "country": "JP"}, qa)
call("POST", "/api/products", {"code": product, "name": "Bench", "gtin": g, "donorSources": ["CORD_BLOOD"], "volumeMl": 2.0,
                               "particlesPerVial": 780000000000, "routes": ["IV_DRIP"],
                               "requiredAssays": [{"assay": "STERILITY", "expected": "NEGATIVE"}]}, qa)
today = date.today()
lots = []
for days, n in ((90, 10), (180, VIALS)):
    lot, expires = "B%s%d" % (tag, days), today + timedelta(days=days)
    call("POST", "/api/lots", {"lotNumber": lot, "productCode": product, "cpcCode": cpc, "donorSource": "CORD_BLOOD",
                               "manufacturedOn": str(today - timedelta(days=10)), "expiresOn": str(expires), "location": "SHELF-" + tag,
                               "serials": ["%s-%05d" % (lot, k) for k in range(n)]}, qa)
    call("POST", f"/api/lots/{lot}/qc-results", {"assay": "STERILITY", "outcome": "NEGATIVE"}, qa)
    call("POST", f"/api/lots/{lot}/release", {"password": "bench-password-1", "meaning": "benchmark"}, qa)
    lots.append((lot, expires, n))
lot, expires, n = lots[1]
labels = ["]d201%s17%s10%s\x1d21%s-%05d" % (g, expires.strftime("%y%m%d"), lot, lot, k) for k in range(n)]

times = []
for i in range(500 + SCANS):
    label = random.choice(labels)
    t = time.perf_counter()
    verdict = call("POST", "/api/scans", {"barcode": label, "route": "IV_DRIP"}, nurse)
    elapsed = time.perf_counter() - t
    if verdict["verdict"] != "OK" or verdict["warnings"] != ["NOT_FIRST_EXPIRY"]:
        raise SystemExit(f"unexpected verdict {verdict}")
    if i >= 500:
        times.append(elapsed * 1000)
times.sort()
pct = lambda p: times[min(len(times) - 1, int(p / 100 * len(times)))]
print(f"{SCANS} scans of a lot of {n} vials: p50 {pct(50):.2f} ms, p90 {pct(90):.2f} ms, p99 {pct(99):.2f} ms, max {times[-1]:.2f} ms")
