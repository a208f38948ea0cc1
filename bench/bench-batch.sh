#!/usr/bin/env bash
# Benchmark of a receiver's batch (issue 15): DRIVES drives (100) of WORKS works (10) each,
# Changzhou rules, every work a pair (subtitled and clean) of MINUTES-minute (1) 1080p25
# 8 Mbps videos, checked in one call `mpcheck check d1 … dN -j $(nproc) --format jsonl`,
# against the one-pass ffmpeg QC per file (idet, blackdetect, freezedetect, ebur128 with true
# peak, silencedetect: what a receiver would otherwise run on each video) over the same files.
#
# The drives hold hard links to one pair (two files), so the media cost one encode; every
# path is still opened, probed and analysed on its own. The ffmpeg QC is timed on the two
# distinct files (median of RUNS) and multiplied by the number of videos: running it 2 000
# times would take hours and measure the same two decodes. Within a drive the works share
# their bytes, so mpcheck also hashes every video whole for `work.duplicate` (the files of
# one size whose sampled digests agree): a cost real drives do not have, kept in the figure.
#
# Usage: bench/bench-batch.sh [MPCHECK]   (default build/mpcheck)
# Env:   WORK (build/bench-batch), DRIVES, WORKS, MINUTES, RUNS (3; the batch itself runs once
#        after a warm-up of one drive), GENERATE_ONLY=1.
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
MPCHECK=$(realpath "${1:-$HERE/build/mpcheck}")
WORK=${WORK:-$HERE/build/bench-batch}
DRIVES=${DRIVES:-100}
WORKS=${WORKS:-10}
MINUTES=${MINUTES:-1}
RUNS=${RUNS:-3}
UNIT=钟楼区委组织部
MEDIA=$WORK/media-${MINUTES}min
FONT=${MPCHECK_FONT:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}

# ---- the media: one pair --------------------------------------------------------------------
ff() { nice -n 5 ffmpeg -nostdin -v error -y "$@"; }
H264=(-c:v libx264 -threads 1 -preset superfast -profile:v high -pix_fmt yuv420p
  -b:v 8M -minrate 8M -maxrate 8M -bufsize 8M -x264-params nal-hrd=cbr:vbv-init=0.5)
AAC=(-c:a aac -b:a 128k -ar 48000 -ac 2 -movflags +faststart)
version() { # OUT [SUBTITLE]
  [[ -s $1 ]] && return 0
  local voice="(0.25*sin(2*PI*220*t)+0.08*sin(2*PI*1330*t))*(0.55+0.45*sin(2*PI*0.31*t))"
  local vf="testsrc2=size=1920x1080:rate=25,noise=alls=20:allf=t"
  [[ -n ${2:-} ]] && vf+=",drawtext=fontfile=$FONT:text='$2':fontsize=54:fontcolor=white:borderw=3:bordercolor=black:x=(w-text_w)/2:y=h-110"
  ff -f lavfi -i "$vf" -f lavfi -i "aevalsrc=$voice|$voice*0.9:sample_rate=48000" \
    -t $((MINUTES * 60)) "${H264[@]}" "${AAC[@]}" "$1.partial.mp4"
  mv -f "$1.partial.mp4" "$1"
}
mkdir -p "$MEDIA"
version "$MEDIA/clean.mp4"
version "$MEDIA/subtitled.mp4" "不忘初心 牢记使命"

# ---- the drives -------------------------------------------------------------------------------
DRIVES_DIR=$WORK/drives-$DRIVES-$WORKS-${MINUTES}min
if [[ ! -e $DRIVES_DIR/.complete ]]; then
  rm -rf "$DRIVES_DIR"
  for d in $(seq -f '%03g' 1 "$DRIVES"); do
    drive=$DRIVES_DIR/U盘$d
    mkdir -p "$drive/作品" "$drive/表格" "$drive/文本"
    for w in $(seq -f '%02g' 1 "$WORKS"); do
      ln "$MEDIA/subtitled.mp4" "$drive/作品/作品$d$w-微视频-$UNIT（有字幕）.mp4"
      ln "$MEDIA/clean.mp4" "$drive/作品/作品$d$w-微视频-$UNIT（无字幕）.mp4"
    done
  done
  python3 - "$DRIVES_DIR" "$UNIT" "$WORKS" <<'PY'
import os, sys, zipfile
root, unit, works = sys.argv[1], sys.argv[2], int(sys.argv[3])
def docx(path):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
for drive in sorted(os.listdir(root)):
    d = drive[len("U盘"):]
    for kind in ("报名表", "汇总表"):
        docx(f"{root}/{drive}/表格/{kind}-{unit}.docx")
    for w in range(1, works + 1):
        docx(f"{root}/{drive}/文本/作品{d}{w:02d}-解说词-{unit}.docx")
PY
  touch "$DRIVES_DIR/.complete"
fi
[[ ${GENERATE_ONLY:-0} == 1 ]] && exit 0
mapfile -t drives < <(find "$DRIVES_DIR" -mindepth 1 -maxdepth 1 -type d | sort)
videos=$((DRIVES * WORKS * 2))

# shellcheck source=bench/lib.sh
source "$HERE/bench/lib.sh"
qc() {
  ffmpeg -nostdin -hide_banner -i "$1" -filter_complex \
    "[0:v]idet,blackdetect,freezedetect[v];[0:a]ebur128=peak=true,silencedetect[a]" \
    -map "[v]" -map "[a]" -f null - >/dev/null 2>&1
}
RULES=(--rules changzhou-2024 --as-of 2024-09-01)

echo "== receiver's batch: $DRIVES drives × $WORKS works (pairs of ${MINUTES}-minute 1080p25 8 Mbps videos: $videos videos), $(nproc) cores"
"$MPCHECK" check "${RULES[@]}" --format jsonl "${drives[0]}" >/dev/null || true # warm-up
t0=$(date +%s%N)
/usr/bin/time -f '%e %U %S %M' -o "$WORK/batch.time" \
  "$MPCHECK" check "${RULES[@]}" --format jsonl -j "$(nproc)" "${drives[@]}" >"$WORK/batch.jsonl" || true
t1=$(date +%s%N)
batch=$(((t1 - t0) / 1000000))
read -r _ user sys rss < <(tail -1 "$WORK/batch.time") # after "Command exited with …"
lines=$(wc -l <"$WORK/batch.jsonl")
q_clean=$(time_ms qc "$MEDIA/clean.mp4")
q_sub=$(time_ms qc "$MEDIA/subtitled.mp4")
qc_total=$(((q_clean + q_sub) * videos / 2))
printf '%-62s %10s ms\n' "mpcheck check (deep) of all drives, one call" "$batch" \
  "ffmpeg one-pass QC, per file (clean / subtitled)" "$q_clean / $q_sub" \
  "ffmpeg one-pass QC of all $videos videos (per file × count)" "$qc_total"
echo "mpcheck: CPU $user s user + $sys s system, peak RSS $((rss / 1024)) MiB, $lines report lines (one per drive)"
awk -v q="$qc_total" -v m="$batch" -v n="$videos" 'BEGIN {
  printf "per video: mpcheck %.0f ms, ffmpeg QC %.0f ms\n", m / n, q / n
  printf "speed: mpcheck is %.1f× the ffmpeg QC (target >= 20)\n", q / m }'
