#!/usr/bin/env bash
# Builds (if needed) and runs every test: unit tests, then the end-to-end tests on generated
# media and on ../shared/corpus/real when present.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/build.ninja ] || cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build
ctest --test-dir build --output-on-failure -j2 "$@"
