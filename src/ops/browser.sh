#!/usr/bin/env bash
# Makes sure Debian's Chromium and its ChromeDriver are installed (the browser tests of the map page drive them),
# installing them from the distribution's packages when missing (as root, or through sudo). Prints nothing else.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
echo "browser: installing chromium and chromium-driver from the distribution's packages (one time)" >&2
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive
as_root apt-get update -qq
as_root apt-get install -y -qq chromium chromium-driver >/dev/null
