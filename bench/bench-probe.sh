#!/usr/bin/env bash
# Benchmark of `mpcheck probe` against its peers, measured in the same run on the same files:
#   1. 200 files: mpcheck probe (one process, -j1 and all cores) vs ffprobe once per file vs
#      mediainfo --Output=JSON in one call;
#   2. measured bit rate of a ~500 MB 10-minute 1080p file (MP4, and the same remuxed to
#      MPEG-TS) vs ffprobe -count_packets.
# Prints ms/file and ratios (absolute times drift on a shared machine; ratios do not).
# Usage: bench/bench-probe.sh [WORKDIR]   (default build/bench; needs ~1 GB free)
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-$HERE/build/bench}
MPCHECK=${MPCHECK:-$HERE/build/mpcheck}
RUNS=${RUNS:-3}
command -v mediainfo >/dev/null || { echo "installing mediainfo"; apt-get install -y -qq mediainfo >/dev/null; }
mkdir -p "$WORK/files"
MPCHECK_BIG=1 bash "$HERE/tests/fixtures/make-fixtures.sh" "$WORK/fixtures" >/dev/null

# 200 files: the generated video fixtures, round robin (distinct files, same variety).
mapfile -t sources < <(ls "$WORK"/fixtures/*.mp4 "$WORK"/fixtures/*.ts 2>/dev/null |
  grep -v -e long-10min -e truncated -e empty -e not-media -e random)
if [ "$(ls "$WORK/files" | wc -l)" -ne 200 ]; then
  rm -f "$WORK"/files/*
  for i in $(seq 0 199); do
    src=${sources[$((i % ${#sources[@]}))]}
    cp "$src" "$WORK/files/$(printf '%03d' "$i")-$(basename "$src")"
  done
fi
files=("$WORK"/files/*)
n=${#files[@]}

# Median wall time in ms of RUNS runs of a command (after one warm-up run: all peers read
# from the page cache).
# shellcheck source=bench/lib.sh
source "$HERE/bench/lib.sh"
ffprobe_each() { for f in "${files[@]}"; do ffprobe -v error -show_format -show_streams -of json "$f"; done; }

echo "== probe: $n files ($(du -sh "$WORK/files" | cut -f1)), median of $RUNS runs, $(nproc) cores"
hdr=$(time_ms "$MPCHECK" probe --fast --format json -j 1 --no-scan "${files[@]}")
m1=$(time_ms "$MPCHECK" probe --fast --format json -j 1 "${files[@]}")
mall=$(time_ms "$MPCHECK" probe --fast --format json "${files[@]}")
ffp=$(time_ms ffprobe_each)
mi=$(time_ms mediainfo --Output=JSON "${files[@]}")
printf '%-40s %8s ms  %6s ms/file\n' "mpcheck probe -j1 --no-scan (container)" "$hdr" "$(per_file "$hdr" "$n")"
printf '%-40s %8s ms  %6s ms/file\n' "mpcheck probe -j1" "$m1" "$(per_file "$m1" "$n")"
printf '%-40s %8s ms  %6s ms/file\n' "mpcheck probe (all cores)" "$mall" "$(per_file "$mall" "$n")"
printf '%-40s %8s ms  %6s ms/file\n' "ffprobe, once per file" "$ffp" "$(per_file "$ffp" "$n")"
printf '%-40s %8s ms  %6s ms/file\n' "mediainfo --Output=JSON, one call" "$mi" "$(per_file "$mi" "$n")"
echo "ratios: mpcheck -j1 / ffprobe = $(ratio "$m1" "$ffp"); mpcheck -j1 / mediainfo = $(ratio "$m1" "$mi")"

big=$WORK/fixtures/long-10min-1080p.mp4
bigts=$WORK/long-10min-1080p.ts
[ -s "$bigts" ] || ffmpeg -nostdin -v error -y -i "$big" -c copy -f mpegts "$bigts"
echo "== measured bit rate of a $(du -h "$big" | cut -f1) 10-minute 1080p file"
for f in "$big" "$bigts"; do
  mp=$(time_ms "$MPCHECK" probe --fast --format json "$f")
  cp_=$(time_ms ffprobe -v error -count_packets -select_streams v:0 -show_entries stream=nb_read_packets -of json "$f")
  printf '%-40s mpcheck %6s ms   ffprobe -count_packets %6s ms   ratio %s\n' "$(basename "$f")" "$mp" "$cp_" "$(ratio "$mp" "$cp_")"
done
"$MPCHECK" probe --fast --format json "$big" | python3 -c '
import json, sys
v = json.load(sys.stdin)["files"][0]["video"]
print("  measured %.3f Mbps, peak %.3f Mbps, %d frames, source %s" % (
    v["bitrate_measured"] / 1e6, v["bitrate_peak"] / 1e6, v["frame_count"], v["bitrate_source"]))'
