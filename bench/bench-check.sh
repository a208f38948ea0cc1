#!/usr/bin/env bash
# Benchmark of `mpcheck check` on a Changzhou drive of 200 works (400 videos: both versions
# of each, plus forms and texts) against gathering the same container facts with ffprobe once
# per file, in the same run (`--fast`: container-level checks, no decoding; the deep checks
# have their own benchmark, bench/bench-deep.sh). Prints times and the ratio.
# Usage: bench/bench-check.sh [WORKDIR]   (default build/bench)
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-$HERE/build/bench}
MPCHECK=${MPCHECK:-$HERE/build/mpcheck}
RUNS=${RUNS:-3}
FX=$WORK/fixtures
bash "$HERE/tests/fixtures/make-fixtures.sh" "$FX" >/dev/null
DRIVE=$WORK/drive-200
UNIT=钟楼区委组织部
if [ ! -d "$DRIVE/作品" ]; then
  mkdir -p "$DRIVE/作品" "$DRIVE/表格" "$DRIVE/文本"
  python3 - "$DRIVE" "$UNIT" <<'PY'
import sys, zipfile
drive, unit = sys.argv[1], sys.argv[2]
def docx(path):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
for kind in ("报名表", "汇总表"):
    docx(f"{drive}/表格/{kind}-{unit}.docx")
for i in range(200):
    docx(f"{drive}/文本/作品{i:03d}-解说词-{unit}.docx")
PY
  for i in $(seq -f '%03g' 0 199); do
    ln "$FX/h264-1080p25-8M-subtitled.mp4" "$DRIVE/作品/作品$i-微视频-$UNIT（有字幕）.mp4"
    ln "$FX/h264-1080p25-8M.mp4" "$DRIVE/作品/作品$i-微视频-$UNIT（无字幕）.mp4"
  done
fi
mapfile -t videos < <(find "$DRIVE/作品" -name '*.mp4' | sort)

# shellcheck source=bench/lib.sh
source "$HERE/bench/lib.sh"
ffprobe_each() { for f in "${videos[@]}"; do ffprobe -v error -show_format -show_streams -of json "$f"; done; }

echo "== check: 200 works, ${#videos[@]} videos + 202 documents, median of $RUNS runs, $(nproc) cores"
c=$(time_ms "$MPCHECK" check --fast --rules changzhou-2024 --as-of 2024-09-01 --format json "$DRIVE")
c1=$(time_ms "$MPCHECK" check --fast --rules changzhou-2024 --as-of 2024-09-01 --format json -j 1 "$DRIVE")
f=$(time_ms ffprobe_each)
printf '%-44s %8s ms\n' "mpcheck check (all cores)" "$c" "mpcheck check -j1" "$c1" "ffprobe once per video (facts only)" "$f"
awk -v c="$c" -v c1="$c1" -v f="$f" 'BEGIN { printf "ratios: check / ffprobe = %.3f; check -j1 / ffprobe = %.3f\n", c / f, c1 / f }'
