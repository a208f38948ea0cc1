#!/usr/bin/env bash
# Hostile input never crashes mpcheck: builds it with AddressSanitizer + UBSan into
# build-asan/ and runs probe and check over every real-world corpus file, every generated
# fixture, and cut-short copies of each. Any sanitizer report fails the run.
# Usage: scripts/sanitize.sh   (after scripts/setup.sh; CI runs it after the tests)
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-asan -G Ninja -DMPCHECK_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DBUILD_TESTING=OFF >/dev/null
cmake --build build-asan --target mpcheck
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
BIN=build-asan/mpcheck
CORPUS=../shared/corpus/real
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
inputs=(build/fixtures/*)
[ -d "$CORPUS" ] && inputs+=("$CORPUS"/*)
# Cut-short copies: a copy that stopped half way, at a few places.
for f in "${inputs[@]}"; do
  [ -f "$f" ] || continue
  size=$(stat -c %s "$f")
  for cut in 97 4096 $((size / 3)) $((size * 9 / 10)); do
    [ "$cut" -gt 0 ] && [ "$cut" -lt "$size" ] && head -c "$cut" "$f" >"$WORK/$(basename "$f").cut$cut"
  done
done
# Exit 0 or 1 (findings) with nothing on stderr; anything else is a crash or a report.
run() {
  local rc=0
  "$@" >/dev/null 2>"$WORK/.err" || rc=$?
  if [ "$rc" -gt 1 ] || [ -s "$WORK/.err" ]; then
    echo "sanitize: '$*' exited $rc" >&2
    cat "$WORK/.err" >&2
    exit 1
  fi
}
run "$BIN" probe --format json "${inputs[@]}" "$WORK"/*
[ -d "$CORPUS" ] && run "$BIN" check --rules liaoning-2023 --format json "$CORPUS"
run "$BIN" check --rules changzhou-2024 --format json "$WORK"
run "$BIN" check --rules changzhou-2024 --format junit "$WORK"
run "$BIN" check --rules changzhou-2024 --format sarif "$WORK"
[ -d build/example ] && run "$BIN" check --rules changzhou-2024 --format json build/example
echo "sanitizers: $(ls "$WORK" | wc -l) cut files and ${#inputs[@]} whole files probed and checked, no report"
