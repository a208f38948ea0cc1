#!/usr/bin/env bash
# Draws the first page of every form as docs/forms/NAME.png, the pictures docs/forms.md shows:
# mpcheck_forms_demo writes the forms with sample data, LibreOffice converts them to PDF
# (the same conversion tests/cli/test_forms_render.py checks), pdftoppm draws the page in grey
# at 60 dpi (each picture well under 150 KB). Run after changing a form; commit the PNGs.
#   scripts/render-forms.sh [BUILD_DIR]      (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
demo=$build/tests/mpcheck_forms_demo
[ -x "$demo" ] || { echo "render-forms: $demo not built (cmake --build $build)" >&2; exit 2; }
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "render-forms: $tool not installed (scripts/packages-test.txt)" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$demo" "$tmp/forms"
# A private profile: nothing from (or to) a user's LibreOffice.
soffice "-env:UserInstallation=file://$tmp/profile" --headless --convert-to pdf \
  --outdir "$tmp/pdf" "$tmp"/forms/*.docx >/dev/null
mkdir -p docs/forms
for name in summary entry_video entry_new_media entry_video_long entry_new_media_long \
            statistics lecturers lecture_record; do
  pdftoppm -gray -r 60 -f 1 -l 1 -singlefile -png "$tmp/pdf/$name.pdf" "docs/forms/$name"
  size=$(stat -c %s "docs/forms/$name.png")
  echo "docs/forms/$name.png $size bytes"
  # Pictures are documentation, not data: each stays under 150 KB.
  [ "$size" -lt 153600 ] || { echo "render-forms: docs/forms/$name.png is over 150 KB" >&2; exit 1; }
done
