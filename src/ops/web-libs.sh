#!/usr/bin/env bash
# Installs the map page's front-end libraries (src/main/web/package.json, versions locked in package-lock.json)
# from the npm registry into target/web, and copies the files the page loads into the service's static resources
# (target/classes/META-INF/resources/map/lib): the service serves them itself, nothing is fetched at run time.
# Maven runs it (generate-resources). Installs Node.js and npm from the distribution's packages when missing;
# reinstalls only when the lock file changed.
set -euo pipefail
cd "$(dirname "$0")/../.."
web=target/web
lib=target/classes/META-INF/resources/map/lib

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v npm >/dev/null; then
  echo "web-libs: installing Node.js and npm from the distribution's packages (one time)" >&2
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq nodejs npm >/dev/null
fi

mkdir -p "$web" "$lib"
if ! cmp -s src/main/web/package-lock.json "$web/installed-lock.json" || [ ! -d "$web/node_modules" ]; then
  cp src/main/web/package.json src/main/web/package-lock.json "$web/"
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error --engine-strict=false)
  cp src/main/web/package-lock.json "$web/installed-lock.json"
fi

modules="$web/node_modules"
# MapLibre 6 is ES modules: the map's, the code it shares with its workers, the workers' (found beside it).
for f in maplibre-gl.mjs maplibre-gl-shared.mjs maplibre-gl-worker.mjs maplibre-gl.css; do
  cp "$modules/maplibre-gl/dist/$f" "$lib/"
done
cp "$modules/maplibre-gl/LICENSE.txt" "$lib/maplibre-gl.LICENSE.txt"
cp "$modules/topojson-client/dist/topojson-client.min.js" "$lib/"
cp "$modules/topojson-client/LICENSE" "$lib/topojson-client.LICENSE.txt"
# Natural Earth's 1:50m countries (public domain), as TopoJSON: coastlines and borders for the offline basemap.
cp "$modules/world-atlas/countries-50m.json" "$lib/"
