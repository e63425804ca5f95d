#!/usr/bin/env bash
# Times the service's typical queries over HTTP (median and 90th percentile of RUNS requests after WARMUP ones),
# for comparing builds and settings. Meant for a database filled by synthetic-incidents.sh; run it on a quiet
# machine and compare numbers taken on the same one.
#
#   bench-queries.sh [--url http://localhost:8080] [--runs 20] [--warmup 8]
set -euo pipefail
url=http://localhost:8080; runs=20; warmup=8
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    *) echo "bench-queries: unknown argument $1" >&2; exit 2 ;;
  esac
done

queries=(
  'near=35.783,35.517&radius=25km'
  'near=35.783,35.517&radius=25km&limit=1000'
  'bbox=36.0,35.4,36.1,35.5'
  'bbox=35.7,32.4,42,37.3&limit=1000'
  'region=qardaha'
  'region=latakia-governorate&limit=1000'
  'region=latakia-governorate&datetime=2025-01-01/2025-03-31&category=battles,riots'
  'limit=1000'
)

printf '%-80s %9s %9s %9s %9s\n' query median_ms p90_ms bytes matched
for q in "${queries[@]}"; do
  target="$url/collections/incidents/items?$q"
  for _ in $(seq "$warmup"); do curl -sf -o /dev/null "$target"; done
  times=$(for _ in $(seq "$runs"); do curl -sf -o /dev/null -w '%{time_total}\n' "$target"; done | sort -n)
  median=$(echo "$times" | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]*1000}')
  p90=$(echo "$times" | awk '{a[NR]=$1} END {i=int(NR*0.9); if (i<1) i=1; printf "%.1f", a[i]*1000}')
  body=$(curl -sf "$target")
  matched=$(echo "$body" | grep -o '"numberMatched":[0-9]*' | cut -d: -f2 || true)
  printf '%-80s %9s %9s %9s %9s\n' "$q" "$median" "$p90" "${#body}" "${matched:-(not counted)}"
done
