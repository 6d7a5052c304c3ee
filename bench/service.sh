# Sourced by bench/run, bench/soak and bench/two-instances: starts the service on the embedded PostgreSQL in $WORK/data (fresh on the
# first call, kept by later ones), on $PORT and
# $PG_PORT with -Xmx$HEAP and $JAVA_OPTS, waits until it is ready, and sets SERVICE (its pid), ready_ms, BASE and PSQL_URL.
start_service() {
  BASE=http://localhost:$PORT; PSQL_URL=postgresql://postgres@localhost:$PG_PORT/exotrace
  export ADMIN_PASSWORD=bench-admin-password BASE
  if curl -s -o /dev/null $BASE/health/ready; then echo "something already answers on port $PORT (PORT=... picks another)"; exit 1; fi
  local started; started=$(date +%s%N)
  EXOTRACE_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD java -Xmx$HEAP ${JAVA_OPTS:-} -Dexotrace.data.dir="$WORK/data" \
    -Dexotrace.embedded-db.port=$PG_PORT -Dexotrace.demo-data=false -jar target/exotrace.jar --port $PORT >> "$WORK/service.log" 2>&1 &
  SERVICE=$!
  trap 'stop_service' EXIT
  until curl -sf $BASE/health/ready > /dev/null; do
    kill -0 $SERVICE 2> /dev/null || { echo "the service stopped; see $WORK/service.log"; exit 1; }
    sleep 0.2
  done
  ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  # The embedded database asks every role for its password (ADR 0027); psql and pgbench sign in as its superuser, whose
  # password the launcher keeps in the data directory.
  PGPASSWORD=$(sed -n 's/^postgres=//p' "$WORK/data/postgres/exotrace-passwords.properties"); export PGPASSWORD
  echo "service ready in $ready_ms ms (-Xmx$HEAP ${JAVA_OPTS:-}); work files in $WORK"
}

# The ids of the vials of lot $1, in serial order, to $WORK/vials.txt (one dose each).
vials_of() {
  psql -At "$PSQL_URL" -c "SELECT v.id FROM vial v JOIN lot l ON l.id = v.lot_id WHERE l.lot_number = '$1' ORDER BY v.serial" \
    > "$WORK/vials.txt"
}

# Stops the service started by start_service (SIGTERM, as a service manager does) and waits until it has exited.
stop_service() {
  kill $SERVICE 2> /dev/null || true  # already stopped (bench/run stops it before its start floor)
  wait $SERVICE 2> /dev/null || true
}
