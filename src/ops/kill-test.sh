#!/usr/bin/env bash
# Fault test (issue 8): the service's JVM killed with SIGKILL under write load, then started again. Every write it
# answered 201 must be in the database afterwards; writes in flight may fail (the client sees the connection
# drop), never half-stored. Uses the built jar (target/quarkus-app) and a durable private cluster of its own.
#   kill-test.sh [--out target/kill-test] [--writers 4]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/kill-test writers=4
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    --writers) writers=$2; shift 2 ;;
    *) echo "kill-test.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"; out=$(cd "$out" && pwd)
log() { echo "kill-test: $*" >&2; }
free_port() { /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pg_port=$(free_port); http_port=$(free_port)
base="http://127.0.0.1:$http_port"

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests
bash src/ops/pg-cluster.sh start --dir "$out/pg" --port "$pg_port" --db incidentmap_kill
bash src/ops/tokens.sh keys --dir "$out/keys"
auth="Authorization: Bearer $(bash src/ops/tokens.sh mint --dir "$out/keys" --user kill-test --role editor --days 1)"

service_pid=""
loop_pids=()
cleanup() {
  for p in "${loop_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null || true
  bash src/ops/pg-cluster.sh stop --dir "$out/pg" >/dev/null 2>&1 || true
}
trap cleanup EXIT

start_service() {
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/incidentmap_kill" QUARKUS_HTTP_PORT=$http_port \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$out/keys/public.pem" java -Xmx256m -XX:+UseParallelGC -jar target/quarkus-app/quarkus-run.jar \
    >> "$out/service.log" 2>&1 &
  service_pid=$!
  for _ in $(seq 240); do curl -sf -o /dev/null "$base/q/health/ready" && return; sleep 0.25; done
  log "the service did not start; see $out/service.log"; exit 1
}

# One writer: POSTs incidents one after another; each 201's id goes to its file, every other outcome to another.
writer() {
  local n=0
  while true; do
    n=$((n + 1))
    local body="{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[-45,26]},\"properties\":{\"title\":\"kill test $1-$n\",\"category\":\"battles\",\"occurred_at\":\"2025-03-04\",\"sources\":[{\"name\":\"Reuters\"}]}}"
    local answer
    answer=$(curl -s -m 15 -w '\n%{http_code}' -H "$auth" -H 'Content-Type: application/geo+json' -d "$body" \
      "$base/collections/incidents/items" 2>/dev/null) || answer=$'\n000'
    local status=${answer##*$'\n'}
    if [ "$status" = 201 ]; then
      echo "$answer" | head -n 1 | sed -E 's/.*"id":([0-9]+).*/\1/' >> "$out/acknowledged.$1"
    else
      echo "$status" >> "$out/other.$1"
      sleep 0.1
    fi
  done
}

rm -f "$out"/acknowledged.* "$out"/other.* "$out/service.log"
start_service
for w in $(seq "$writers"); do writer "$w" & loop_pids+=($!); done
sleep 3
kill -9 "$service_pid"; wait "$service_pid" 2>/dev/null || true
killed=$(date +%s.%N)
log "killed the service (SIGKILL) under $writers writers"
sleep 2
start_service
ready=$(date +%s.%N)
sleep 3
for p in "${loop_pids[@]}"; do kill "$p" 2>/dev/null || true; done
for p in "${loop_pids[@]}"; do wait "$p" 2>/dev/null || true; done
loop_pids=()

acknowledged=$(cat "$out"/acknowledged.* 2>/dev/null | sort -u)
count=$(echo "$acknowledged" | grep -c . || true)
others=$(cat "$out"/other.* 2>/dev/null | sort | uniq -c | tr '\n' ' ')
stored=$(psql -X -At -h 127.0.0.1 -p "$pg_port" -U postgres -d incidentmap_kill -c \
  "SELECT count(*) FROM incident WHERE id = ANY('{$(echo "$acknowledged" | paste -sd, -)}'::bigint[])")
half=$(psql -X -At -h 127.0.0.1 -p "$pg_port" -U postgres -d incidentmap_kill -c \
  "SELECT count(*) FROM incident i WHERE title LIKE 'kill test %' AND NOT EXISTS (SELECT 1 FROM change_log_features l
   WHERE l.collection = 'incidents' AND l.feature_id = i.id::text AND l.op = 'create')")
log "$count writes acknowledged, $stored of them stored; other answers: ${others:-none}; rows without their change"
log "log entry: $half; back up $(awk "BEGIN { printf \"%.1f\", $ready - $killed }") s after the kill (2 s of it waiting to restart)"
[ "$count" -gt 0 ] && [ "$stored" = "$count" ] && [ "$half" = 0 ] || { log "FAILED: acknowledged writes lost"; exit 1; }
log "no acknowledged write lost"
