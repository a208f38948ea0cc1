#!/usr/bin/env bash
# Benchmark of the deep checks (issue 5): the full default `mpcheck check` of one Changzhou
# work — an 8-minute 1080p25 8 Mbps pair, subtitled and clean — against a one-pass ffmpeg QC
# of both files (idet, blackdetect, freezedetect, ebur128 with true peak, silencedetect: every
# frame and every sample decoded), in the same run. Prints times, the ratio and both verdicts.
# Usage: bench/bench-deep.sh [WORKDIR]   (default build/bench)
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-$HERE/build/bench}
MPCHECK=${MPCHECK:-$HERE/build/mpcheck}
RUNS=${RUNS:-3}
MINUTES=${MINUTES:-8}
FONT=${MPCHECK_FONT:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
UNIT=钟楼区委组织部
DRIVE=$WORK/deep-pair-${MINUTES}min
CLEAN=$DRIVE/作品/基层党建-微视频-$UNIT（无字幕）.mp4
SUBTITLED=$DRIVE/作品/基层党建-微视频-$UNIT（有字幕）.mp4

# The programme: a moving test pattern with grain (so 8 Mbps is real picture, not filler) and
# a tone. The subtitled version burns a cue into the bottom band for 3 s of every 4 s. Both
# encodes use the same settings, as an editor exporting the two versions would.
encode() { # OUT [VIDEO_FILTER]
  local vf="noise=alls=20:allf=t${2:+,$2}"
  nice -n 5 ffmpeg -nostdin -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=25" \
    -f lavfi -i "sine=frequency=440:sample_rate=48000" -t $((MINUTES * 60)) -vf "$vf" \
    -c:v libx264 -preset superfast -profile:v high -pix_fmt yuv420p \
    -b:v 8M -minrate 8M -maxrate 8M -bufsize 8M -x264-params nal-hrd=cbr \
    -c:a aac -b:a 128k -ar 48000 -ac 2 -movflags +faststart "$1.partial.mp4"
  mv -f "$1.partial.mp4" "$1"
}
cue="drawtext=fontfile=$FONT:text='第%{eif\\:floor(t/4)+1\\:d}句 学习二十大 永远跟党走'"
cue+=":fontsize=54:fontcolor=white:borderw=3:bordercolor=black:x=(w-text_w)/2:y=h-110"
cue+=":enable='lt(mod(t\\,4)\\,3)'"
mkdir -p "$DRIVE/作品" "$DRIVE/表格" "$DRIVE/文本"
[[ -s $CLEAN ]] || encode "$CLEAN"
[[ -s $SUBTITLED ]] || encode "$SUBTITLED" "$cue"
# The forms and the text, so that the drive is complete and the check finds nothing wrong.
python3 - "$DRIVE" "$UNIT" <<'PY'
import sys, zipfile
drive, unit = sys.argv[1], sys.argv[2]
for path in (f"表格/报名表-{unit}.docx", f"表格/汇总表-{unit}.docx", f"文本/基层党建-解说词-{unit}.docx"):
    with zipfile.ZipFile(f"{drive}/{path}", "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
PY
[[ ${GENERATE_ONLY:-0} == 1 ]] && exit 0

# shellcheck source=bench/lib.sh
source "$HERE/bench/lib.sh"
qc() {
  for f in "$SUBTITLED" "$CLEAN"; do
    ffmpeg -nostdin -hide_banner -i "$f" -filter_complex \
      "[0:v]idet,blackdetect,freezedetect[v];[0:a]ebur128=peak=true,silencedetect[a]" \
      -map "[v]" -map "[a]" -f null - 2>&1
  done
}
check() { "$MPCHECK" check --rules changzhou-2024 --as-of 2024-09-01 --format json "$DRIVE"; }

echo "== deep check: one ${MINUTES}-minute 1080p25 8 Mbps pair, median of $RUNS runs, $(nproc) cores"
m=$(time_ms check)
mf=$(time_ms "$MPCHECK" check --fast --rules changzhou-2024 --as-of 2024-09-01 --format json "$DRIVE")
q=$(time_ms qc)
printf '%-58s %8s ms\n' "mpcheck check (default: deep checks)" "$m" "mpcheck check --fast (no decoding)" "$mf" \
  "ffmpeg one-pass QC of both files" "$q"
awk -v m="$m" -v q="$q" 'BEGIN { printf "ratio: check / ffmpeg QC = %.3f (target <= 0.1)\n", m / q }'
peak=$( { /usr/bin/time -f '%M' "$MPCHECK" check --rules changzhou-2024 --as-of 2024-09-01 \
  --format json "$DRIVE" >/dev/null || true; } 2>&1 | tail -1)
echo "mpcheck peak RSS: $((peak / 1024)) MiB"

echo "== verdicts"
echo "-- ffmpeg QC (per file: idet multi-frame, black, loudness, silences):"
qc | grep -E "^\[Parsed_idet.*Multi|black_start|silence_start|^ +I:|^ +Peak:|freeze_start" |
  sed 's/^ */   /' | sort | uniq -c
echo "-- mpcheck (findings and deep facts):"
check | python3 -c '
import json, sys
r = json.load(sys.stdin)
for f in r["files"]:
    d = (f.get("facts") or {}).get("deep")
    if d: print("  ", f["path"], json.dumps(d, ensure_ascii=False)[:600])
for f in r["findings"]:
    print("  ", f["severity"], f["check"], f["path"], f["message"])
'
