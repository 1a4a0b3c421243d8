#!/usr/bin/env bash
# Builds data/generated/world_outline.tsv, the land and border outlines that report.html draws
# under its map, from Natural Earth's 1:50m countries as the npm data package world-atlas ships
# them (TopoJSON, installed into build-data/), decoded and projected with Debian's topojson-client and d3-geo (node-vega).
# Idempotent: does nothing when the output is newer than its inputs; needs the network only the
# first time (npm install).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
atlas_version=2.0.2
build_data="$here/build-data"
out="$here/data/generated/world_outline.tsv"
generator="$here/scripts/build_world_outline.js"
topology="$build_data/node_modules/world-atlas/countries-50m.json"
# Debian installs Node packages here; a Node.js from elsewhere does not search it by itself.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

installed_version=$(node -p "require('$build_data/node_modules/world-atlas/package.json').version" 2>/dev/null || true)
if [ "$installed_version" != "$atlas_version" ]; then
  command -v npm >/dev/null || { echo "build-world-outline: npm is needed (Node.js)" >&2; exit 1; }
  mkdir -p "$build_data"
  [ -f "$build_data/package.json" ] || echo '{"name": "crosscheck-build-data", "private": true}' > "$build_data/package.json"
  echo "build-world-outline: installing world-atlas@$atlas_version into build-data/" >&2
  (cd "$build_data" && npm install --no-audit --no-fund --silent "world-atlas@$atlas_version")
fi

if [ -f "$out" ] && [ "$out" -nt "$topology" ] && [ "$out" -nt "$generator" ] && [ "$out" -nt "$0" ]; then
  exit 0  # up to date
fi

mkdir -p "$(dirname "$out")"
trap 'rm -f "$out.tmp"' EXIT
node "$generator" "$topology" "world-atlas@$atlas_version" > "$out.tmp"
mv "$out.tmp" "$out"
echo "build-world-outline: wrote $(wc -c < "$out") bytes to ${out#$here/}" >&2
