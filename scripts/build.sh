#!/usr/bin/env bash
# Configures and builds crosscheck into build/ (Release with debug info, Ninja, ccache).
# Safe to run again: only what changed is rebuilt.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C build -j"${JOBS:-2}" "$@"
