#!/usr/bin/env bash
# Starts the service on http://localhost:8080 (QUARKUS_HTTP_PORT to change) in the foreground, against a private
# PostGIS cluster under .pgdata/ on port 54329 (INCIDENTMAP_PG_PORT to change) that keeps its data between runs.
# Ctrl-C stops the service, and the cluster if this run started it. With QUARKUS_DATASOURCE_JDBC_URL set, uses
# that database instead.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ -z "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
  port=${INCIDENTMAP_PG_PORT:-54329}
  if ! bash src/ops/pg-cluster.sh status --dir .pgdata 2>/dev/null; then
    trap 'bash src/ops/pg-cluster.sh stop --dir .pgdata' EXIT
  fi
  bash src/ops/pg-cluster.sh start --dir .pgdata --port "$port" --db incidentmap
  export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$port/incidentmap"
fi

./mvnw -q -B package -DskipTests
# Writes need a token (issue 8): a local signing key in .keys/ (made once, git-ignored), whose public half the
# service checks tokens with, and an editor token printed for this run. MP_JWT_VERIFY_PUBLICKEY_LOCATION set
# before this script uses another key instead.
if [ -z "${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-}" ] && [ -z "${MP_JWT_VERIFY_PUBLICKEY:-}" ]; then
  bash src/ops/tokens.sh keys --dir .keys
  export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/.keys/public.pem"
  token=$(bash src/ops/tokens.sh mint --dir .keys --user "${USER:-editor}" --role editor --days 30)
  cat >&2 <<MSG
run: writes need a token. An editor token for ${USER:-editor}, valid 30 days:
  export TOKEN=$token
  curl -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/geo+json' -d @feature.json http://localhost:${QUARKUS_HTTP_PORT:-8080}/collections/incidents/items
An administrator's (regions, API keys): src/ops/tokens.sh mint --dir .keys --user NAME --role admin
MSG
fi
# An explicit heap (JAVA_OPTS to change): 256 MB carries million-incident exports and imports; the benchmark
# (src/ops/bench.sh) keeps the whole process under 512 MB. The parallel collector: on 2 cores and this heap it keeps
# 25 MB less for itself than G1 and served pages as fast or faster (bbox 1000: 202 against 160 req/s, p99 79 ms
# against 99 ms).
# Two malloc arenas: glibc otherwise gives each busy thread one, and a burst of 250 clients that never read left
# the process at 454-506 MB RSS against 316-399 MB with two (same heap).
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
java ${JAVA_OPTS:--Xmx256m -XX:+UseParallelGC} -jar target/quarkus-app/quarkus-run.jar
