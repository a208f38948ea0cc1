#!/usr/bin/env bash
# Installs the Debian packages mpcheck needs, builds it into build/, and runs the main job on
# the bundled example submission. Usage: scripts/setup.sh [--no-example]
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
packages=$(cat scripts/packages*.txt | sed 's/#.*//' | tr -s ' \n' ' ')
echo "==> installing: $packages"
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages >/dev/null
echo "==> building"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build
[ "${1:-}" = "--no-example" ] && exit 0
echo "==> the bundled example (examples/README.md)"
bash examples/make-example.sh build/example build/fixtures >/dev/null
build/mpcheck check build/example --rules changzhou-2024 --unit 钟楼区委组织部 --as-of 2024-09-01
