#!/usr/bin/env bash
# Benchmark of the pack engine (pack::execute through mpcheck_pack_demo: read once, SHA-256
# while copying, temp name + fdatasync + rename, manifest) against `cp -r` and against
# `cp -r` + `sha256sum` of the copies, on the same media in the same run. Page caches are
# dropped before each run when permitted. Prints times, MB/s, ratios and max RSS.
# Usage: bench/bench-pack.sh [WORKDIR]   (default build/bench-pack)
# Env: FILES (8) and FILE_MB (256) size the media; RUNS (1) runs per tool, median kept.
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-$HERE/build/bench-pack}
DEMO=${MPCHECK_PACK_DEMO:-$HERE/build/tests/mpcheck_pack_demo}
FILES=${FILES:-8}
FILE_MB=${FILE_MB:-256}
RUNS=${RUNS:-1}
SRC=$WORK/媒体
[ -x "$DEMO" ] || { echo "missing $DEMO: build first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
mkdir -p "$SRC"

# Incompressible media: AES-CTR of zeros with a fixed key, a different IV per file.
for i in $(seq -f '%02g' 1 "$FILES"); do
  f="$SRC/作品$i-微视频-钟楼区委组织部.mp4"
  if [ "$(stat -c %s "$f" 2>/dev/null || echo 0)" != $((FILE_MB << 20)) ]; then
    head -c $((FILE_MB << 20)) /dev/zero |
      openssl enc -aes-128-ctr -nosalt -K 000102030405060708090a0b0c0d0e0f -iv "$(printf '%032x' "$((10#$i))")" >"$f"
  fi
done
BYTES=$((FILES * FILE_MB << 20))
python3 - "$SRC" "$WORK/plan.json" <<'PY'
import json, os, sys
src, plan = sys.argv[1], sys.argv[2]
copies = [{"source": os.path.join(src, n), "dest": f"作品/{n}"} for n in sorted(os.listdir(src))]
json.dump({"copies": copies}, open(plan, "w"), ensure_ascii=False)
PY

# One 64 MiB file: max RSS is already what the 2 GiB run reaches (memory flat in file size).
mkdir -p "$WORK/small"
head -c 67108864 "$(ls "$SRC"/* | head -1)" >"$WORK/small/one.mp4"
printf '{"copies": [{"source": "%s", "dest": "one.mp4"}]}\n' "$WORK/small/one.mp4" >"$WORK/plan-small.json"

if (sync && echo 3 >/proc/sys/vm/drop_caches) 2>/dev/null; then
  DROP="page cache dropped before each run"
  drop() { sync; echo 3 >/proc/sys/vm/drop_caches; }
else
  DROP="page cache NOT dropped (not permitted): sources may be read from memory"
  drop() { sync; }
fi

# Runs "$@" RUNS times after a fresh target and a cache drop; sets SECONDS_MEDIAN, RSS_KB.
measure() {
  local times=() rss=0
  for _ in $(seq "$RUNS"); do
    rm -rf "$WORK/out"
    drop
    /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" >/dev/null
    read -r t m <"$WORK/time.txt"
    times+=("$t")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  SECONDS_MEDIAN=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p")
  RSS_KB=$rss
}

engine() { "$DEMO" "$WORK/plan.json" "$WORK/out"; }
engine_verify() { "$DEMO" "$WORK/plan.json" "$WORK/out" --verify; }
engine_small() { "$DEMO" "$WORK/plan-small.json" "$WORK/out"; }
hash_only() { openssl dgst -sha256 "$SRC"/*; }
cp_r() { cp -r "$SRC" "$WORK/out"; }
cp_r_sync() { cp -r "$SRC" "$WORK/out" && sync; }
cp_r_sha() { cp -r "$SRC" "$WORK/out" && (cd "$WORK/out" && sha256sum -- * >/dev/null); }
export -f engine engine_verify engine_small hash_only cp_r cp_r_sync cp_r_sha
export DEMO WORK SRC

declare -A T R
TOOLS="engine cp_r cp_r_sync cp_r_sha engine_verify hash_only engine_small"
for tool in $TOOLS; do
  measure bash -c "$tool"
  T[$tool]=$SECONDS_MEDIAN
  R[$tool]=$RSS_KB
done
rm -rf "$WORK/out"

echo "== pack: $FILES × $FILE_MB MiB = $((BYTES >> 20)) MiB, $(nproc) cores, median of $RUNS run(s), target $(df --output=fstype,source "$WORK" | tail -1)"
echo "   $DROP"
printf '%-40s %8s %9s %12s\n' tool seconds MB/s "max RSS"
for tool in $TOOLS; do
  bytes=$BYTES
  case $tool in
    engine) label="engine (copy+hash+fdatasync+manifest)" ;;
    engine_verify) label="engine --verify (re-read, O_DIRECT)" ;;
    cp_r) label="cp -r" ;;
    cp_r_sync) label="cp -r && sync" ;;
    cp_r_sha) label="cp -r && sha256sum copies" ;;
    hash_only) label="openssl dgst -sha256 (hash, no copy)" ;;
    engine_small) label="engine, one 64 MiB file (RSS check)" bytes=67108864 ;;
  esac
  awk -v l="$label" -v t="${T[$tool]}" -v b="$bytes" -v r="${R[$tool]}" \
    'BEGIN { printf "%-40s %8.2f %9.1f %9.1f MiB\n", l, t, b / 1e6 / (t > 0 ? t : 0.01), r / 1024 }'
done
awk -v e="${T[engine]}" -v c="${T[cp_r]}" -v s="${T[cp_r_sync]}" -v h="${T[cp_r_sha]}" -v o="${T[hash_only]}" 'BEGIN {
  printf "ratios: engine / cp -r = %.2f (target <= 1.1); engine / (cp -r && sync) = %.2f; engine / (cp -r + sha256sum) = %.2f (target <= 0.5)\n", e / c, e / s, e / h
  printf "floor: hashing alone (openssl dgst, one stream) takes %.2f of cp -r; engine / hashing alone = %.2f\n", o / c, e / o }'
