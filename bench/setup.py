#!/usr/bin/env python3
"""bench/run's set-up: staff, a product, and released lots for the load tests, through the API.

  ADMIN_PASSWORD=... BASE=http://localhost:8080 WORK=bench-work bench/setup.py [ADMIN_VIALS]

Writes to WORK: nurse.token and qa.token; labels.txt (the GS1 labels of a released lot of 2 000 vials, shelved
with an earlier-expiring lot so the first-expiry question finds something); lots.env (the lot
numbers, GTIN and shelf for pgbench). Times receiving a lot of 20 000 printed serials three times
(prints one line per receipt). Receives two released lots of ADMIN_VIALS vials (default 20 000):
one for the service's administrations, one for pgbench's.
"""
import os, random, sys, time
from datetime import date, timedelta

from client import call, gtin, new_user, token

ADMIN_VIALS = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
work = os.environ.get("WORK", "bench-work")

admin = token("admin", os.environ["ADMIN_PASSWORD"])
tag = "%06d" % random.randrange(10**6)
qa_name, nurse_name, inv_name = "benchqa" + tag, "benchnurse" + tag, "benchinv" + tag
qa, nurse, inventory = (new_user(admin, n, r) for n, r in ((qa_name, ["QA"]), (nurse_name, ["NURSE"]), (inv_name, ["INVENTORY"])))
cpc, product, g = "CPC-B" + tag, "BENCH-" + tag, gtin()
call("POST", "/api/cpcs", {"code": cpc, "name": "Bench CPC", "licenceNumber": "FA0000000", "country": "JP"}, qa)
call("POST", "/api/products", {"code": product, "name": "Bench", "gtin": g, "donorSources": ["CORD_BLOOD"], "volumeMl": 2.0,
                               "particlesPerVial": 780000000000, "routes": ["IV_DRIP"],
                               "requiredAssays": [{"assay": "STERILITY", "expected": "NEGATIVE"}]}, qa)
today = date.today()


def receive(lot, days, n, location):
    expires = today + timedelta(days=days)
    t = time.perf_counter()
    call("POST", "/api/lots", {"lotNumber": lot, "productCode": product, "cpcCode": cpc, "donorSource": "CORD_BLOOD",
                               "manufacturedOn": str(today - timedelta(days=10)), "expiresOn": str(expires), "location": location,
                               "serials": ["%s-%05d" % (lot, k) for k in range(n)]}, inventory)
    return expires, time.perf_counter() - t


def release(lot):
    call("POST", f"/api/lots/{lot}/qc-results", {"assay": "STERILITY", "outcome": "NEGATIVE"}, qa)
    call("POST", f"/api/lots/{lot}/release", {"password": "bench-password-1", "meaning": "benchmark"}, qa)


for i in range(3):
    _, seconds = receive("R%s%d" % (tag, i), 200, 20000, "RECEIVING-" + tag)
    print(f"receive a lot of 20 000 vials: {seconds * 1000:.0f} ms")
shelf = "SHELF-" + tag
for days, n, lot in ((90, 10, "E" + tag), (180, 2000, "S" + tag)):
    expires, _ = receive(lot, days, n, shelf)
    release(lot)
scan_lot, scan_expires = "S" + tag, today + timedelta(days=180)
for lot, location in (("A" + tag, "WARD-" + tag), ("P" + tag, "RAW-" + tag)):
    receive(lot, 200, ADMIN_VIALS, location)
    release(lot)
os.makedirs(work, exist_ok=True)
for name, value in (("nurse.token", nurse), ("qa.token", qa)):
    with open(os.path.join(work, name), "w") as f:
        f.write(value + "\n")
with open(os.path.join(work, "labels.txt"), "w") as f:
    for k in range(2000):
        f.write("]d201%s17%s10%s\x1d21%s-%05d\n" % (g, scan_expires.strftime("%y%m%d"), scan_lot, scan_lot, k))
with open(os.path.join(work, "lots.env"), "w") as f:
    f.write(f"GTIN={g}\nSCAN_LOT={scan_lot}\nTAG={tag}\nADMIN_LOT=A{tag}\nPGBENCH_LOT=P{tag}\n")
