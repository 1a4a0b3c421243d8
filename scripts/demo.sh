#!/usr/bin/env bash
# README's first command: installs what is missing, builds, and runs crosscheck on the example
# corpus in examples/, writing the contract's files and crosscheck.db into out/examples/.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
scripts/install-deps.sh
scripts/build.sh crosscheck
build/crosscheck run examples --out out/examples
echo "Open out/examples/report.html in a browser; the records are in out/examples/*.jsonl and crosscheck.db."
