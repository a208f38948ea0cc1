#!/usr/bin/env bash
# Benchmark of QR decoding (image.qr-code) on posters, against zbarimg (zbar through
# ImageMagick, the same decoder on a picture read whole at full size) in the same run:
#   mpcheck probe -j1 (header + QR) minus mpcheck probe -j1 --fast (header only) = the QR cost;
#   wall time (median of RUNS) and peak memory (max RSS) per file.
# Files: the QR fixtures (a 600 px and a 240 px code on a 6000x4000 poster, an A3 CMYK poster
# without a code) and, made here, a 6000x4000 poster without a code, the small-code poster as a
# progressive JPEG, and a 7016x4961 (A2 at 300 dpi) noisy poster with a 400 px code.
# Usage: bench/bench-qr.sh [WORKDIR]   (default build/bench)
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-$HERE/build/bench}
MPCHECK=${MPCHECK:-$HERE/build/mpcheck}
RUNS=${RUNS:-3}
command -v zbarimg >/dev/null || { echo "installing zbar-tools"; apt-get install -y -qq zbar-tools >/dev/null; }
# shellcheck source=bench/lib.sh
source "$HERE/bench/lib.sh"
FX=$WORK/fixtures
bash "$HERE/tests/fixtures/make-fixtures.sh" "$FX" >/dev/null
mkdir -p "$WORK/qr"
[ -s "$WORK/qr/poster-6000x4000-no-code.jpg" ] ||
  convert -size 6000x4000 gradient:'#c00000-#ffd700' -quality 85 "$WORK/qr/poster-6000x4000-no-code.jpg"
[ -s "$WORK/qr/poster-small-code-progressive.jpg" ] ||
  convert "$FX/qr-poster-small-code.jpg" -interlace JPEG -quality 85 "$WORK/qr/poster-small-code-progressive.jpg"
[ -s "$WORK/qr/poster-7016x4961-noise-code.jpg" ] ||
  convert -size 7016x4961 xc:'#d8c090' -attenuate 0.6 +noise Gaussian \
    \( "$FX/qr-code.png" -filter point -resize 400x400 \) -gravity northwest -geometry +300+300 \
    -composite -quality 85 "$WORK/qr/poster-7016x4961-noise-code.jpg"

files=("$FX/qr-rgb.jpg" "$FX/qr-poster-6000x4000.jpg" "$FX/qr-poster-small-code.jpg"
  "$WORK/qr/poster-small-code-progressive.jpg" "$WORK/qr/poster-6000x4000-no-code.jpg"
  "$FX/cmyk-300dpi-a3.jpg" "$WORK/qr/poster-7016x4961-noise-code.jpg")

rss_mib() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.0f", $1 / 1024 }'; }
codes() { "$MPCHECK" probe --format json "$1" | python3 -c '
import json, sys
i = json.load(sys.stdin)["files"][0]["image"]
print(len(i.get("qr_codes") or []), (i.get("qr_error") or {}).get("code", "-"))'; }

echo "== QR decoding, median of $RUNS runs, one file per process (-j1), $(nproc) cores"
printf '%-40s %-10s %5s %9s %9s %9s %9s %9s\n' file size codes "fast ms" "qr ms" "qr MiB" \
  "zbarimg" "zb MiB"
for f in "${files[@]}"; do
  fast=$(time_ms "$MPCHECK" probe --format json -j 1 --fast "$f")
  full=$(time_ms "$MPCHECK" probe --format json -j 1 "$f")
  zb=$(time_ms zbarimg --nodbus -q --raw -Sdisable -Sqrcode.enable "$f")
  size=$(identify -format '%wx%h' "$f")
  printf '%-40s %-10s %5s %9s %9s %9s %9s %9s\n' "$(basename "$f")" "$size" "$(codes "$f" | cut -d' ' -f1)" \
    "$fast" "$((full - fast))" "$(rss_mib "$MPCHECK" probe --format json -j 1 "$f")" "$zb" \
    "$(rss_mib zbarimg --nodbus -q --raw -Sdisable -Sqrcode.enable "$f")"
done
echo "(qr ms = probe minus probe --fast: the decoding alone; MiB = peak RSS of the whole process)"
