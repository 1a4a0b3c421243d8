#!/usr/bin/env bash
# README's second command: installs what is missing, builds everything, and runs every test.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j"${JOBS:-2}"
