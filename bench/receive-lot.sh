#!/usr/bin/env bash
# Benchmark: receiving one lot of N vials (default 20 000) in one request, R times (default 5).
# Needs a running service (java -jar target/exotrace.jar) with the demo catalogue and an ADMIN:
#   EXOTRACE_BOOTSTRAP_ADMIN_PASSWORD=change-me-now java -jar target/exotrace.jar
#   ADMIN_PASSWORD=change-me-now bench/receive-lot.sh [N] [R]
set -euo pipefail
N=${1:-20000}; R=${2:-5}; BASE=${BASE:-http://localhost:8080}
json() { python3 -c "import json,sys; print(json.load(sys.stdin)[sys.argv[1]])" "$1"; }
admin=$(curl -sf -X POST "$BASE/api/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"${ADMIN_PASSWORD:?set ADMIN_PASSWORD}\"}" | json access_token)
user="bench$RANDOM$RANDOM"
curl -sf -o /dev/null -X POST "$BASE/api/users" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$user\",\"password\":\"bench-temporary-1\",\"roles\":[\"INVENTORY\"]}"
# the ADMIN's password is temporary: the user sets their own, and gets their token with it
token=$(curl -sf -X POST "$BASE/api/auth/password" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$user\",\"password\":\"bench-temporary-1\",\"newPassword\":\"bench-password-1\"}" | json access_token)
body=$(mktemp); trap 'rm -f "$body"' EXIT
echo "receiving $R lots of $N vials each (serials printed on the labels) at $BASE"
for i in $(seq 1 "$R"); do
  python3 - "$N" "B$RANDOM$i" > "$body" <<'PY'
import json, sys
n, lot = int(sys.argv[1]), sys.argv[2]
print(json.dumps({"lotNumber": lot, "productCode": "MAXNFC-2", "cpcCode": "CPC-TOKYO-1", "donorSource": "CORD_BLOOD",
                  "manufacturedOn": "2026-11-01", "expiresOn": "2027-05-31", "location": "FREEZER-B",
                  "serials": ["%s-%05d" % (lot, k) for k in range(n)]}))
PY
  curl -s -o /dev/null -w "lot $i: HTTP %{http_code} in %{time_total} s\n" -X POST "$BASE/api/lots" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary @"$body"
done
