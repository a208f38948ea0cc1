#!/usr/bin/env bash
# Benchmark of pack on many tiny files (issue 16, item 18): FILES (10 000) files of 100 bytes,
# in one folder and in 100 folders, each named as a 解说词 (资料00000-解说词-测试单位.txt: pack
# leaves out a document of no type the notice asks for, and must copy these), `mpcheck pack SRC --rules changzhou-2024 --unit 测试单位
# --out OUT --fast` against `cp -r SRC DST && sync`. Goal: pack within 3× of cp. With a second
# binary OLD (e.g. main's build beside a change's), both packs are timed in the same rounds.
#
# Every timed run gets a FRESH file system, made just before it, with the source written into
# it: an ext4 that has seen hundreds of create-and-delete rounds slowed cp itself from 0.5 s to
# 2–4 s (docs/benchmarks.md), which made earlier ratios mean little. As root the file system
# is a new ext4 image (FS_SIZE, default 2G) mounted by loop; FS=tmpfs takes a new tmpfs
# instead (when loop mounts are refused), FS=dir a plain folder in WORK (not fresh: said so).
# The page cache is dropped before each timed run when permitted (both tools read the source
# from the disk). Rounds are interleaved (pack, [pack OLD,] cp in odd rounds, the reverse in
# even ones) so that a neighbour's load hits all alike; medians are kept. Prints wall, user and
# system seconds of every run, the medians and the ratio pack / (cp -r && sync). `sync` flushes
# every file system of the machine, a busy neighbour's dirty pages included; `cp -r && sync -f
# DST` (syncfs of the target only, as pack does) is timed too, to tell the two apart.
#
# Usage: bench/bench-small-files.sh [MPCHECK [OLD]]    (default build/mpcheck)
# Env:   WORK (build/bench-small-files) where the image and the mount point go; RUNS (3);
#        FILES (10000); LAYOUTS ("flat nested": one folder, 100 folders); FS (ext4 as root,
#        dir otherwise; or tmpfs); FS_SIZE (2G).
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
MPCHECK=$(realpath "${1:-$HERE/build/mpcheck}")
OLD=${2:+$(realpath "$2")}
WORK=${WORK:-$HERE/build/bench-small-files}
RUNS=${RUNS:-3}
FILES=${FILES:-10000}
LAYOUTS=${LAYOUTS:-flat nested}
FS_SIZE=${FS_SIZE:-2G}
if [ -z "${FS:-}" ]; then
  if [ "$(id -u)" = 0 ]; then FS=ext4; else FS=dir; fi
fi
MNT=$WORK/mnt
IMG=$WORK/fs.img
[ -x "$MPCHECK" ] || { echo "missing $MPCHECK: build first" >&2; exit 1; }
[ -z "$OLD" ] || [ -x "$OLD" ] || { echo "missing $OLD" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
mkdir -p "$MNT"

unmount() { if mountpoint -q "$MNT"; then umount "$MNT"; fi; }
trap 'unmount; rm -f "$IMG"' EXIT

# A new, empty file system at MNT.
fresh_fs() {
  unmount
  case $FS in
    ext4)
      rm -f "$IMG"
      truncate -s "$FS_SIZE" "$IMG"
      mkfs.ext4 -q -F "$IMG"
      mount -o loop "$IMG" "$MNT"
      ;;
    tmpfs) mount -t tmpfs -o size="$FS_SIZE" tmpfs "$MNT" ;;
    dir) rm -rf "$MNT" && mkdir -p "$MNT" ;;
    *) echo "FS must be ext4, tmpfs or dir" >&2; exit 2 ;;
  esac
}

# The source: FILES files of 100 bytes, in one folder (flat) or in 100 folders (nested).
make_source() {
  local layout=$1 src=$MNT/材料 i dir name
  local body
  body=$(printf '%099d' 0)
  mkdir -p "$src"
  for ((i = 0; i < FILES; i++)); do
    dir=$src
    [ "$layout" = nested ] && printf -v dir '%s/资料%02d' "$src" $((i % 100))
    [ -d "$dir" ] || mkdir "$dir"
    printf -v name '%s/资料%05d-解说词-测试单位.txt' "$dir" "$i"
    printf '%s\n' "$body" >"$name"
  done
}

if (sync && echo 3 >/proc/sys/vm/drop_caches) 2>/dev/null; then
  DROP="page cache dropped before each run"
  drop() { sync; echo 3 >/proc/sys/vm/drop_caches; }
else
  DROP="page cache NOT dropped (not permitted): the source is read from memory"
  drop() { sync; }
fi

pack() { "$MPCHECK" pack "$MNT/材料" --rules changzhou-2024 --unit 测试单位 --out "$MNT/usb" --fast; }
pack_old() { "$OLD" pack "$MNT/材料" --rules changzhou-2024 --unit 测试单位 --out "$MNT/usb" --fast; }
cp_sync() { cp -r "$MNT/材料" "$MNT/usb" && sync; }
cp_syncfs() { cp -r "$MNT/材料" "$MNT/usb" && sync -f "$MNT/usb"; }
export -f pack pack_old cp_sync cp_syncfs
export MPCHECK OLD MNT
TOOLS="pack${OLD:+ pack_old} cp_sync cp_syncfs"

# One timed run of TOOL on LAYOUT on a fresh file system; appends "wall user sys" to W[TOOL.LAYOUT].
declare -A W U S
measure() {
  local tool=$1 layout=$2 rc=0 copied
  fresh_fs
  make_source "$layout"
  drop
  /usr/bin/time -f '%e %U %S' -o "$WORK/time.txt" bash -c "$tool" >/dev/null 2>"$WORK/stderr.txt" || rc=$?
  # pack exits 1 on findings (every .txt is "not placed by the rules"); anything else failed.
  if [ "$rc" -gt 1 ] || { [ "${tool#cp}" != "$tool" ] && [ "$rc" -ne 0 ]; }; then
    echo "$tool on $layout failed (exit $rc): $(tail -3 "$WORK/stderr.txt")" >&2
    exit 1
  fi
  copied=$(find "$MNT/usb" -name '资料*-解说词-*.txt' -type f | wc -l)
  [ "$copied" = "$FILES" ] || { echo "$tool on $layout copied $copied of $FILES files" >&2; exit 1; }
  read -r t u s < <(tail -1 "$WORK/time.txt")
  W[$tool.$layout]+="$t "
  U[$tool.$layout]+="$u "
  S[$tool.$layout]+="$s "
  printf '  round %d %-9s %-7s %6.2f s wall %5.2f s user %5.2f s sys\n' "$round" "$tool" "$layout" "$t" "$u" "$s"
}
median() { printf '%s\n' $1 | sort -n | sed -n "$(((RUNS + 1) / 2))p"; }

LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
where="a fresh $FS file system for every run"
[ "$FS" = dir ] && where="a plain folder in $(df --output=fstype "$WORK" | tail -1) (NOT a fresh file system)"
echo "== small files: $FILES × 100 bytes, $RUNS interleaved round(s), $where"
for ((round = 1; round <= RUNS; round++)); do
  for layout in $LAYOUTS; do
    if ((round % 2)); then order=$TOOLS; else order=$(printf '%s\n' $TOOLS | tac); fi
    for tool in $order; do measure "$tool" "$layout"; done
  done
done
unmount

echo "   $DROP; load average before: $LOAD0, after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-14s %-28s %s\n' layout tool "wall / user / sys (median)" "wall / cp -r && sync"
for layout in $LAYOUTS; do
  cw=$(median "${W[cp_sync.$layout]}")
  for tool in $TOOLS; do
    w=$(median "${W[$tool.$layout]}") u=$(median "${U[$tool.$layout]}") s=$(median "${S[$tool.$layout]}")
    awk -v l="$layout" -v t="$tool" -v w="$w" -v u="$u" -v s="$s" -v c="$cw" 'BEGIN {
      printf "%-8s %-14s %6.2f / %5.2f / %5.2f s         %5.2f×\n", l, t, w, u, s, w / (c > 0 ? c : 0.01) }'
  done
done
echo "(medians of each column taken separately; goal: pack ≤ 3× cp -r && sync)"
