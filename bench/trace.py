#!/usr/bin/env python3
"""Benchmark: the forward trace of a lot, its lot report, and a patient's doses, as QA's client sees them.

Needs a running service with an ADMIN and a database filled by bench/generate-doses.sql:
  ADMIN_PASSWORD=change-me-now BASE=http://localhost:8080 bench/trace.py [LOT] [PATIENT] [RUNS]

LOT defaults to GEN000500, PATIENT to the first patient of that lot's first vial (GEN-P50000001).
Each request is made RUNS times (default 30) after 10 warm-up calls, one after another over a
kept-alive connection; prints p50, p90 and max of the round trip (whole body read) and the body size.
"""
import os, random, sys, time

from client import call, new_user, send, token

LOT = sys.argv[1] if len(sys.argv) > 1 else "GEN000500"
PATIENT = sys.argv[2] if len(sys.argv) > 2 else "GEN-P" + str(int(LOT[3:]) * 100000 + 1)
RUNS = int(sys.argv[3]) if len(sys.argv) > 3 else 30

admin = token("admin", os.environ["ADMIN_PASSWORD"])
user = "benchtrace%06d" % random.randrange(10**6)
qa = new_user(admin, user, ["QA", "NURSE"])


def measure(label, path, accept="application/json"):
    for _ in range(10):
        send("GET", path, token=qa, accept=accept)
    times, size = [], 0
    for _ in range(RUNS):
        t = time.perf_counter()
        size = len(send("GET", path, token=qa, accept=accept))
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"{label:34s} p50 {times[len(times) // 2]:7.1f} ms  p90 {times[int(len(times) * 0.9)]:7.1f} ms  "
          f"max {times[-1]:7.1f} ms  {size / 1e6:6.2f} MB")


doses = call("GET", f"/api/lots/{LOT}/trace", token=qa)["doses"]
print(f"lot {LOT}: {len(doses)} doses; patient {PATIENT}; {RUNS} runs each")
measure("trace JSON", f"/api/lots/{LOT}/trace")
measure("trace CSV (notification list)", f"/api/lots/{LOT}/trace", "text/csv")
measure("trace JSON with vial history", f"/api/lots/{LOT}/trace?history=true")
measure("lot report JSON", f"/api/lots/{LOT}/report")
measure("patient's doses", f"/api/patients/{PATIENT}/doses")
