#!/usr/bin/env bash
# Benchmark of `mpcheck fix` (issue 11), peers in the same run:
#  1. a 2-minute 1080p29.97 phone clip — variable frame rate, stored portrait with a display
#     matrix that turns it landscape, ~16 Mbps — fixed for Changzhou (1920x1080, 25P, 8 Mbps):
#     `mpcheck fix` (check, convert in-process, check again) against the ffmpeg CLI doing the
#     same conversion with the same x264 preset (and its real CBR); the bit rate each output
#     measures, and that of the CLI with -minrate alone (no nal-hrd=cbr), on a still picture;
#  2. a remux-only fix of a ~500 MB QuickTime file named .mp4 against `cp` + sync of it;
#  3. peak memory of fix on a short and a long file (flat in the file's length).
# Usage: bench/bench-fix.sh [WORKDIR]   (default build/bench)
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-$HERE/build/bench}/fix
MPCHECK=${MPCHECK:-$HERE/build/mpcheck}
SECONDS_CLIP=${SECONDS_CLIP:-120}
UNIT=钟楼区委组织部
RULES=(--rules changzhou-2024 --unit "$UNIT")
PHONE=$WORK/src/手机-微视频-$UNIT.mp4
SHORT=$WORK/src-short/手机短-微视频-$UNIT.mp4
STILL=$WORK/still.mp4
BIG=$WORK/src-big/素材-微视频-$UNIT.mp4
mkdir -p "$WORK/src" "$WORK/src-short" "$WORK/src-big"

ff() { nice -n 5 ffmpeg -nostdin -v error -y "$@"; }

# A phone's landscape recording: 1080x1920 pixels, a display matrix turning them upright
# (rotate=90 on a stream copy), 29.97 fps with one frame in seven dropped (variable timing).
phone() { # OUT SECONDS
  ff -f lavfi -i "testsrc2=size=1080x1920:rate=30000/1001,noise=alls=20:allf=t" \
    -f lavfi -i "sine=frequency=440:sample_rate=48000" -t "$2" \
    -vf "select='not(eq(mod(n\\,7)\\,3))'" -fps_mode vfr \
    -c:v libx264 -preset superfast -profile:v high -pix_fmt yuv420p -b:v 16M -maxrate 20M -bufsize 20M \
    -c:a aac -b:a 128k -ar 48000 -ac 2 "$1.stage.mp4"
  ff -i "$1.stage.mp4" -map 0 -c copy -metadata:s:v:0 rotate=90 -movflags +faststart "$1"
  rm -f "$1.stage.mp4"
}
[[ -s $PHONE ]] || phone "$PHONE" "$SECONDS_CLIP"
[[ -s $SHORT ]] || phone "$SHORT" 20
# A still picture at 8 Mbps: what x264 makes of -minrate without HRD.
[[ -s $STILL ]] || ff -f lavfi -i "smptehdbars=size=1920x1080:rate=25" -t 20 -c:v libx264 -preset superfast \
  -pix_fmt yuv420p -b:v 2M "$STILL"
# ~500 MB of QuickTime named .mp4, right but for its container: 1080p25 at 10 Mbps, 50 s of
# picture looped eight times by stream copy (no sound in the loop: its AAC padding would leave
# gaps in the picture's timing at each turn), the sound encoded along.
if [[ ! -s $BIG ]]; then
  ff -f lavfi -i "testsrc2=size=1920x1080:rate=25,noise=alls=20:allf=t" -t 50 -c:v libx264 -preset superfast \
    -pix_fmt yuv420p -b:v 10M -minrate 10M -maxrate 10M -bufsize 10M -x264-params nal-hrd=cbr "$WORK/big-part.mp4"
  ff -stream_loop 7 -i "$WORK/big-part.mp4" -f lavfi -i "sine=sample_rate=48000" -t 400 -map 0:v -map 1:a \
    -c:v copy -c:a aac -ac 2 -f mov "$BIG"
  rm -f "$WORK/big-part.mp4"
fi
[[ ${GENERATE_ONLY:-0} == 1 ]] && exit 0

# shellcheck source=bench/lib.sh
source "$HERE/bench/lib.sh"
measured() { "$MPCHECK" probe --format json "$1" | python3 -c '
import json, sys
v = json.load(sys.stdin)["files"][0]["video"]
print("%dx%d %s fps cfr=%s rotation=%d measured %.2f Mbps" % (v["width"], v["height"],
      v["frame_rate_fraction"], v["constant_frame_rate"], v["rotation"], v["bitrate_measured"] / 1e6))'; }
# One timed run in ms (the encodes take minutes: no warm-up, the source is in the page cache).
once_ms() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}

# The conversion fix makes, as its hint prints it (the ffmpeg program turns the picture
# upright itself).
FILTER="fps=25/1,scale=1920:1080:force_original_aspect_ratio=decrease:force_divisible_by=2:out_color_matrix=bt709"
FILTER+=":out_range=tv,pad=1920:1080:(ow-iw)/2:(oh-ih)/2,setsar=1,setfield=prog,format=yuv420p"
X264=(-c:v libx264 -preset medium -profile:v high -pix_fmt yuv420p -color_primaries bt709 -color_trc bt709
  -colorspace bt709)
CBR=(-b:v 8000k -minrate 8000k -maxrate 8000k -bufsize 8000k -x264-params nal-hrd=cbr)
AUDIO=(-c:a aac -b:a 192k -ar 48000 -ac 2 -movflags +faststart)
fix_phone() { rm -rf "$WORK/out"; /usr/bin/time -o "$WORK/rss-long" -f %M "$MPCHECK" fix "$PHONE" "${RULES[@]}" --out "$WORK/out" --quiet; }
cli_phone() { ffmpeg -nostdin -v error -y -i "$PHONE" -vf "$FILTER" "${X264[@]}" "${CBR[@]}" "${AUDIO[@]}" "$WORK/cli.mp4"; }

if [[ ${ONLY_REMUX:-0} != 1 ]]; then
echo "== 1. a ${SECONDS_CLIP}-s 1080p29.97 VFR rotated phone clip -> 1920x1080 25P 8 Mbps, $(nproc) cores, one run each"
echo "source: $(measured "$PHONE")"
cat "$PHONE" >/dev/null
m=$(once_ms fix_phone)
c=$(once_ms cli_phone)
printf '%-52s %9s ms\n' "mpcheck fix (check + convert + check again)" "$m" \
  "ffmpeg CLI, same filters, preset medium, nal-hrd=cbr" "$c"
echo "ratio: fix / ffmpeg CLI = $(ratio "$m" "$c") (target <= 1.0)"
echo "fix output:        $(measured "$WORK/out/$(basename "$PHONE")")"
echo "ffmpeg CLI output: $(measured "$WORK/cli.mp4")"
ffmpeg -nostdin -v error -y -i "$STILL" "${X264[@]}" -b:v 8000k -minrate 8000k -maxrate 8000k -bufsize 8000k \
  -an "$WORK/minrate.mp4"
ffmpeg -nostdin -v error -y -i "$STILL" "${X264[@]}" "${CBR[@]}" -an "$WORK/hrd.mp4"
echo "still picture, ffmpeg -minrate 8M alone:  $(measured "$WORK/minrate.mp4")  (Changzhou: >= 6.8 Mbps)"
echo "still picture, with nal-hrd=cbr (as fix): $(measured "$WORK/hrd.mp4")"

fi

echo "== 2. remux-only fix of a QuickTime file named .mp4 ($(du -m "$BIG" | cut -f1) MB)"
fix_big() { rm -rf "$WORK/out-big"; "$MPCHECK" fix "$BIG" "${RULES[@]}" --out "$WORK/out-big" --quiet; }
cp_big() { rm -rf "$WORK/cp-big"; mkdir -p "$WORK/cp-big"; cp "$BIG" "$WORK/cp-big/" && sync "$WORK/cp-big/"*; }
RUNS=${RUNS_REMUX:-3}
f=$(time_ms fix_big)
k=$(time_ms "$MPCHECK" check "$BIG" "${RULES[@]}" --format json)
p=$(time_ms cp_big)
printf '%-52s %9s ms\n' "mpcheck fix (check + remux + check again)" "$f" \
  "  of which the check before (mpcheck check, deep)" "$k" "cp + sync" "$p"
echo "ratio: fix / cp = $(ratio "$f" "$p") (target <= 1.2); (fix - check) / cp = $(ratio $((f - k)) "$p")"
"$MPCHECK" fix "$BIG" "${RULES[@]}" --dry-run | grep -E "^  (问题|计划|  ·)"
"$MPCHECK" check "$WORK/out-big/$(basename "$BIG")" "${RULES[@]}" --format json | python3 -c '
import json, sys
r = json.load(sys.stdin)
print("re-check of the remuxed file:", sorted({f["check"] for f in r["findings"] if f["severity"] == "error"}) or "no error")'

echo "== 3. peak memory (flat in the length)"
rss() { /usr/bin/time -o "$WORK/rss" -f '%M' "$@" >/dev/null 2>&1 || true; cat "$WORK/rss"; }
if [[ ${ONLY_REMUX:-0} != 1 ]]; then
rm -rf "$WORK/out-s"
echo "fix, 20-s clip:  $(($(rss "$MPCHECK" fix "$SHORT" "${RULES[@]}" --out "$WORK/out-s" --quiet) / 1024)) MiB"
echo "fix, ${SECONDS_CLIP}-s clip: $(($(cat "$WORK/rss-long") / 1024)) MiB (the timed run above)"
fi
rm -rf "$WORK/out-big"
echo "remux, 500 MB:   $(($(rss "$MPCHECK" fix "$BIG" "${RULES[@]}" --out "$WORK/out-big" --quiet) / 1024)) MiB"
