#!/usr/bin/env python3
"""Readings ingested through HTTP (issue 34): data loggers posting to POST /api/locations/{code}/readings.

  ADMIN_PASSWORD=... BASE=http://localhost:8190 bench/readings.py [PLACES] [SECONDS] [BATCH]

Registers PLACES places (default 20) with 100 vials received into each, then for SECONDS (default 20) per run posts
from one client per place, sequentially: single readings (one request a reading, as a logger online sends them), then
batches of BATCH readings (default 60, a logger's hour at one a minute). Each request stores new readings and makes the
place's holds in the same transaction. Readings start a minute ago, a second apart (BACKFILL=1: five days ago, a
logger uploading its memory: each batch ends a silence and leaves the place silent since its last reading, which holds
the place's vials again under a new start, ADR 0044). Prints readings/s and requests/s of each run.
"""
import datetime, os, random, sys, threading, time, http.client, json, urllib.parse

from client import call, gtin, new_user, token

PLACES = int(sys.argv[1]) if len(sys.argv) > 1 else 20
SECONDS = float(sys.argv[2]) if len(sys.argv) > 2 else 20
BATCH = int(sys.argv[3]) if len(sys.argv) > 3 else 60
base = urllib.parse.urlparse(os.environ.get("BASE", "http://localhost:8080"))
BACK = datetime.timedelta(days=5) if os.environ.get("BACKFILL") else datetime.timedelta(minutes=1)

admin = token("admin", os.environ["ADMIN_PASSWORD"])
tag = "%06d" % random.randrange(10**6)
qa = new_user(admin, "rdqa" + tag, ["QA"])
inventory = new_user(admin, "rdinv" + tag, ["INVENTORY"])
logger = new_user(admin, "rdlog" + tag, ["INTEGRATION"])
cpc, product = "CPC-R" + tag, "READ-" + tag
call("POST", "/api/cpcs", {"code": cpc, "name": "Bench CPC", "licenceNumber": "FA0000000", "country": "JP"}, qa)
call("POST", "/api/products", {"code": product, "name": "Bench", "gtin": gtin(), "donorSources": ["CORD_BLOOD"], "volumeMl": 2.0,
                               "particlesPerVial": 780000000000, "routes": ["IV_DRIP"],
                               "requiredAssays": [{"assay": "STERILITY", "expected": "NEGATIVE"}]}, qa)
today = datetime.date.today()
places = ["RD%s-%02d" % (tag, i) for i in range(PLACES)]
for i, place in enumerate(places):
    call("POST", "/api/locations", {"code": place, "name": "bench freezer", "kind": "FREEZER", "minC": -90, "maxC": -60}, qa)
    call("POST", "/api/lots", {"lotNumber": "R%s%02d" % (tag, i), "productCode": product, "cpcCode": cpc, "donorSource": "CORD_BLOOD",
                               "manufacturedOn": str(today - datetime.timedelta(days=20)),
                               "expiresOn": str(today + datetime.timedelta(days=200)), "location": place, "vialCount": 100}, inventory)


def run(batch):
    """One client per place posting batches of `batch` readings for SECONDS; answers (readings, requests, seconds)."""
    counts = [0] * PLACES
    stop = time.monotonic() + SECONDS

    def client(i):
        conn = http.client.HTTPConnection(base.hostname, base.port or 80, timeout=120)
        at = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) - BACK
        n = 0
        while time.monotonic() < stop:
            readings = []
            for _ in range(batch):
                at += datetime.timedelta(seconds=1)
                readings.append({"at": at.isoformat(), "celsius": -80 + random.randrange(10) / 10})
            conn.request("POST", "/api/locations/%s/readings" % places[i], json.dumps({"loggerId": "TL-%d" % batch, "readings": readings}),
                         {"Content-Type": "application/json", "Authorization": "Bearer " + logger})
            r = conn.getresponse()
            body = r.read()
            if r.status != 200:
                raise SystemExit("HTTP %d %r" % (r.status, body[:300]))
            n += 1
        counts[i] = n

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(PLACES)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.monotonic() - started
    return sum(counts) * batch, sum(counts), took


for batch in (1, BATCH):
    if batch == 1 and BACK.days:
        continue
    readings, requests, took = run(batch)
    print("batches of %d readings, %d places%s: %.0f readings/s, %.0f requests/s (%d readings in %.1f s)"
          % (batch, PLACES, " (backfill)" if BACK.days else "", readings / took, requests / took, readings, took))
