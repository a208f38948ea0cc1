#!/usr/bin/env bash
# Benchmark of the commands people run (issue 15), on a Changzhou-like source folder of about
# 1.4 GB: two works as 4-second 1080p25 8 Mbps pairs (subtitled and clean) and three 8-minute
# 1080p25 8 Mbps films, with their forms. For one mpcheck binary, or two side by side in the
# same run (e.g. main's build and a change's), it prints wall time, CPU time (user + sys) and
# the ratio of the wall time to `cp -r SRC DST && sync` for
#   mpcheck pack, pack --fast, check SRC, check --fast SRC,
# then the CPU of the deep analysis of one 8-minute film and of one 4-second clip
# (`probe --format json`, which decodes, minus `probe --fast`, which does not) against
# ffmpeg's full decode of the same file (`ffmpeg -i F -f null -`), and the pictures each
# analysis decoded against the pictures in the file.
#
# Usage: bench/bench-commands.sh NEW [OLD]        (mpcheck binaries)
# Env:   WORK (build/bench-commands) where the media and the copies go; RUNS (3) rounds,
#        interleaved (NEW, OLD, cp, …), median kept; GENERATE_ONLY=1 makes the media and stops.
#
# The three films are one 8-minute encode remuxed under three titles (different bytes, the
# same pictures and sound): encoding 24 minutes of 1080p costs far more than the benchmark.
# Their sound is a two-tone voice whose level swings over 20 dB in a few seconds, as speech
# does; the 4-second pairs carry the fixtures' steady tone.
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
NEW=$(realpath "${1:?usage: bench-commands.sh NEW [OLD]}")
OLD=${2:+$(realpath "$2")}
WORK=${WORK:-$HERE/build/bench-commands}
RUNS=${RUNS:-3}
FONT=${MPCHECK_FONT:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
UNIT=钟楼区委组织部
SRC=$WORK/材料
DST=$WORK/usb
MEDIA=$WORK/media
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

# ---- the media -----------------------------------------------------------------------------
ff() { nice -n 5 ffmpeg -nostdin -v error -y "$@"; }
H264=(-c:v libx264 -threads 1 -preset superfast -profile:v high -pix_fmt yuv420p
  -b:v 8M -minrate 8M -maxrate 8M -bufsize 8M -x264-params nal-hrd=cbr:vbv-init=0.5)
AAC=(-c:a aac -b:a 128k -ar 48000 -ac 2 -movflags +faststart)
cue() {
  printf "drawtext=fontfile=%s:text='%s':fontsize=54:fontcolor=white" "$FONT" "$1"
  printf ':borderw=3:bordercolor=black:x=(w-text_w)/2:y=h-110'
}
# clip OUT PICTURE TONE_HZ [SUBTITLE]: 4 s, x264's default GOP of 250 (one keyframe, unless
# its scene-cut detection adds one).
clip() {
  [[ -s $1 ]] && return 0
  ff -f lavfi -i "$2,noise=alls=30:allf=t${4:+,$(cue "$4")}" \
    -f lavfi -i "sine=frequency=$3:sample_rate=48000" -t 4 "${H264[@]}" "${AAC[@]}" "$1.partial.mp4"
  mv -f "$1.partial.mp4" "$1"
}
film() { # OUT
  [[ -s $1 ]] && return 0
  local voice="(0.25*sin(2*PI*220*t)+0.08*sin(2*PI*1330*t))*(0.55+0.45*sin(2*PI*0.31*t))"
  ff -f lavfi -i "testsrc2=size=1920x1080:rate=25,noise=alls=20:allf=t" \
    -f lavfi -i "aevalsrc=$voice|$voice*0.9:sample_rate=48000" -t 480 "${H264[@]}" \
    "${AAC[@]}" "$1.partial.mp4"
  mv -f "$1.partial.mp4" "$1"
}
mkdir -p "$MEDIA"
clip "$MEDIA/a.mp4" "mandelbrot=size=1920x1080:rate=25" 520
clip "$MEDIA/a-sub.mp4" "mandelbrot=size=1920x1080:rate=25" 520 "不忘初心 牢记使命"
clip "$MEDIA/b.mp4" "testsrc2=size=1920x1080:rate=25" 660
clip "$MEDIA/b-sub.mp4" "testsrc2=size=1920x1080:rate=25" 660 "学习二十大 永远跟党走"
film "$MEDIA/film.mp4"

if [[ ! -s $SRC/works.yaml ]]; then
  rm -rf "$SRC"
  mkdir -p "$SRC/素材" "$SRC/文稿"
  cp "$MEDIA/a-sub.mp4" "$SRC/素材/奋斗者之歌-字幕.mp4"
  cp "$MEDIA/a.mp4" "$SRC/素材/奋斗者之歌.mp4"
  cp "$MEDIA/b-sub.mp4" "$SRC/素材/初心如磐-字幕.mp4"
  cp "$MEDIA/b.mp4" "$SRC/素材/初心如磐.mp4"
  titles=(奋斗者之歌 初心如磐 红色足迹 乡村振兴路 社区的灯)
  for i in 1 2 3; do
    ff -i "$MEDIA/film.mp4" -map 0 -c copy -metadata title="纪录片$i" -movflags +faststart \
      "$SRC/素材/${titles[i + 1]}.mp4"
  done
  python3 - "$SRC" "$UNIT" "${titles[@]}" <<'PY'
import sys, zipfile
src, unit, titles = sys.argv[1], sys.argv[2], sys.argv[3:]
def docx(path):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
lines = [f"unit: {unit}", "contact: 张三", 'phone: "0519-85680635"', "works:"]
for i, t in enumerate(titles):
    docx(f"{src}/文稿/{t}-解说词.docx")
    files = (f"      subtitled: 素材/{t}-字幕.mp4\n      clean: 素材/{t}.mp4" if i < 2
             else f"      video: 素材/{t}.mp4")
    lines += [f"  - title: {t}", f"    category: {'微视频' if i < 2 else '纪录片'}",
              "    files:", files, f"      script: 文稿/{t}-解说词.docx",
              "    producer: 钟楼区融媒体中心", "    creators: 张三", "    summary: 基层党员的故事。"]
open(f"{src}/works.yaml", "w").write("\n".join(lines) + "\n")
PY
fi
[[ ${GENERATE_ONLY:-0} == 1 ]] && exit 0

# ---- the commands ------------------------------------------------------------------------
declare -A T C
measure() { # NAME COMMAND...: one run after removing the copy; appends wall and CPU s
  local name=$1
  shift
  rm -rf "$DST"
  sync
  /usr/bin/time -f '%e %U %S' -o "$WORK/time.txt" "$@" >/dev/null 2>&1 || true
  read -r t u s < <(tail -1 "$WORK/time.txt") # after "Command exited with non-zero status"
  T[$name]+="$t "
  C[$name]+="$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }') "
}
median() { printf '%s\n' $1 | sort -n | sed -n "$(((RUNS + 1) / 2))p"; }
BINS=(new)
[[ -n $OLD ]] && BINS+=(old)
bin() { if [[ $1 == new ]]; then echo "$NEW"; else echo "$OLD"; fi; }
COMMANDS=(pack pack_fast check check_fast)
run_command() { # BIN COMMAND
  local m RULES=(--rules changzhou-2024 --as-of 2024-09-01)
  m=$(bin "$1")
  case $2 in
    pack) "$m" pack "$SRC" "${RULES[@]}" --out "$DST" ;;
    pack_fast) "$m" pack "$SRC" "${RULES[@]}" --out "$DST" --fast ;;
    check) "$m" check "$SRC" "${RULES[@]}" --format json ;;
    check_fast) "$m" check "$SRC" "${RULES[@]}" --format json --fast ;;
  esac
}
cp_sync() { cp -r "$SRC" "$DST" && sync; }
export -f run_command bin cp_sync
export NEW OLD SRC DST

cp -r "$SRC" "$DST" # warm-up: the sources in the page cache for every peer alike
for _ in $(seq "$RUNS"); do
  measure cp bash -c cp_sync
  for b in "${BINS[@]}"; do
    for c in "${COMMANDS[@]}"; do
      measure "$b.$c" bash -c 'run_command "$@"' _ "$b" "$c"
    done
  done
done
rm -rf "$DST"
for k in "${!T[@]}"; do
  T[$k]=$(median "${T[$k]}")
  C[$k]=$(median "${C[$k]}")
done

BYTES=$(du -sb "$SRC" | cut -f1)
echo "== commands: Changzhou-like source of $((BYTES / 1000000)) MB (two 4-s pairs, three 8-min films)"
echo "   $(nproc) cores, median of $RUNS interleaved round(s), load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %9s %9s %14s\n' command "wall s" "CPU s" "vs cp+sync"
printf '%-34s %9.2f %9.2f %14s\n' "cp -r SRC DST && sync" "${T[cp]}" "${C[cp]}" "1.00"
for c in "${COMMANDS[@]}"; do
  for b in "${BINS[@]}"; do
    case $c in
      pack) label="mpcheck pack" ;;
      pack_fast) label="mpcheck pack --fast" ;;
      check) label="mpcheck check SRC" ;;
      check_fast) label="mpcheck check --fast SRC" ;;
    esac
    [[ -n $OLD ]] && label+=" ($b)"
    awk -v l="$label" -v t="${T[$b.$c]}" -v u="${C[$b.$c]}" -v cp="${T[cp]}" \
      'BEGIN { printf "%-34s %9.2f %9.2f %13.2f×\n", l, t, u, t / cp }'
  done
done

# ---- the deep analysis of one file -------------------------------------------------------
cpu() { # COMMAND...: median CPU seconds (user + sys) of $N runs (default RUNS)
  local all=() n=${N:-$RUNS}
  for _ in $(seq "$n"); do
    /usr/bin/time -f '%U %S' -o "$WORK/time.txt" "$@" >/dev/null 2>&1 || true
    all+=("$(tail -1 "$WORK/time.txt" | awk '{ print $1 + $2 }')")
  done
  printf '%s\n' "${all[@]}" | sort -n | sed -n "$(((n + 1) / 2))p"
}
decoded() { # BIN FILE: pictures the deep analysis decoded (absent in older builds)
  "$1" probe --format json "$2" 2>/dev/null | python3 -c '
import json, sys
r = json.load(sys.stdin)
f = r["files"][0] if isinstance(r, dict) and "files" in r else (r[0] if isinstance(r, list) else r)
print(((f.get("facts") or f).get("deep") or {}).get("frames_decoded", "?"))' 2>/dev/null || echo "?"
}
echo
echo "== deep analysis of one file: CPU s of probe minus probe --fast, median of $RUNS (ffmpeg: 1 run)"
printf '%-40s %9s %9s %12s %10s\n' file "deep CPU" "ffmpeg" "/ ffmpeg" "pictures"
# The film, and a 4-second clip with one keyframe (the mandelbrot one; x264 puts a second
# keyframe into the test pattern at 1.04 s).
for f in "$SRC/素材/红色足迹.mp4" "$SRC/素材/奋斗者之歌.mp4"; do
  pictures=$(ffprobe -v error -select_streams v:0 -show_entries stream=nb_frames -of csv=p=0 "$f")
  ff_cpu=$(N=1 cpu ffmpeg -nostdin -v error -i "$f" -f null -) # 8 minutes: ~100 s of CPU
  for b in "${BINS[@]}"; do
    m=$(bin "$b")
    deep=$(cpu "$m" probe --format json "$f")
    fast=$(cpu "$m" probe --fast --format json "$f")
    label="$(basename "$f") ($b)"
    awk -v l="$label" -v d="$deep" -v s="$fast" -v q="$ff_cpu" -v p="$(decoded "$m" "$f")/$pictures" \
      'BEGIN { printf "%-40s %9.2f %9.2f %11.3f× %10s\n", l, d - s, q, (d - s) / q, p }'
  done
done
echo "(the 8-minute film: goal <= 1.0 s of CPU; every file: <= 0.5× ffmpeg's full decode;"
echo " pictures: decoded by the analysis / in the file, never more than one pass)"
