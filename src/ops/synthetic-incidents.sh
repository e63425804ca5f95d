#!/usr/bin/env bash
# Adds COUNT synthetic incidents to an incident-map database, for benchmarks and query-plan checks.
# Deterministic (fixed random seed): the same COUNT gives the same rows. Spread over Syria, with a tenth of them
# packed into Latakia governorate so radius and region queries there have work to do.
#
#   synthetic-incidents.sh --port PORT --db NAME --count 100000 [--host 127.0.0.1] [--user postgres]
set -euo pipefail
host=127.0.0.1; user=postgres; port=""; db=""; count=""
while [ $# -gt 0 ]; do
  case "$1" in
    --host) host=$2; shift 2 ;;
    --user) user=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --count) count=$2; shift 2 ;;
    *) echo "synthetic-incidents: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$port" ] && [ -n "$db" ] && [[ "$count" =~ ^[0-9]+$ ]] || {
  echo "usage: $0 --port PORT --db NAME --count N [--host HOST] [--user USER]" >&2; exit 2; }

psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$user" -d "$db" -v count="$count" <<'SQL'
SELECT setseed(0.42) \gset
WITH pairs (n, category, sub_category) AS (VALUES
        (0, 'battles', 'armed_clash'),
        (1, 'explosions_remote_violence', 'shelling_artillery_missile_attack'),
        (2, 'violence_against_civilians', 'attack'),
        (3, 'protests', 'peaceful_protest'),
        (4, 'riots', 'mob_violence'),
        (5, 'strategic_developments', 'arrests')),
     draws AS (
        SELECT g, floor(random() * 6)::int AS n, random() < 0.1 AS in_latakia,
               random() AS x, random() AS y, random() AS t, random() AS f
        FROM generate_series(1, :count) AS g)
INSERT INTO incident (title, description, category, sub_category, occurred_at, time_precision, fatalities,
                      actors, location_name, admin1, geo_precision, sources, geom)
SELECT 'Synthetic incident ' || g,
       'Generated for benchmarks; not a real event.',
       p.category, p.sub_category,
       timestamptz '2024-01-01 00:00:00Z' + t * interval '730 days',
       'day',
       floor(f * f * 10)::int,
       ARRAY['Synthetic actor'],
       'Synthetic place', 'Synthetic', 'exact',
       '[{"name": "synthetic"}]'::jsonb,
       CASE WHEN in_latakia
            THEN ST_SetSRID(ST_MakePoint(35.75 + x * 0.55, 35.25 + y * 0.6), 4326)
            ELSE ST_SetSRID(ST_MakePoint(35.7 + x * 6.3, 32.4 + y * 4.9), 4326) END
FROM draws JOIN pairs AS p USING (n);
ANALYZE incident;
SQL
echo "synthetic-incidents: added $count incidents to $db" >&2
