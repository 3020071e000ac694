#!/usr/bin/env bash
# Synthetic scans of a PDF with hand-verified truth (../shared/truth): pages rendered at 300 dpi in grey
# (pdftoppm, Debian poppler-utils), each turned by a small angle of its own (−0.6…0.6°), with Gaussian noise,
# a slight blur and JPEG artefacts (ImageMagick), wrapped as an image-only PDF (img2pdf). Score the result
# with ../shared/truth/score_typed.py against the same truth as the born-digital PDF.
#
#   scripts/make-scan-fixtures.sh [pdf] [outdir]       # default: hangzhou_0133, into a temporary folder
#
# Also cuts the test fixture test/fixtures/ocr/hangzhou-0133-p20-top.jpg (the top of page 20, 表6).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pdf=${1:-$root/../shared/corpus/real/renwu-cities/hangzhou_0133_2026_dept-budget.pdf}
out=${2:-$(mktemp -d)}
name=$(basename "$pdf" .pdf)
work=$(mktemp -d)
pdftoppm -r 300 -gray "$pdf" "$work/pg"
pages=()
for f in $(ls "$work"/pg-*.pgm | sort -V); do
  n=$(basename "$f" .pgm); n=$((10#${n#pg-}))
  angle=$(python3 -c "import random; random.seed($n); print(round(random.uniform(-0.6, 0.6), 2))")
  convert "$f" -background white -rotate "$angle" -attenuate 0.4 +noise Gaussian -blur 0x0.5 \
    -density 300 -units PixelsPerInch -quality 70 "$work/scan-$n.jpg"
  pages+=("$work/scan-$n.jpg")
done
img2pdf "${pages[@]}" -o "$out/${name}_scan.pdf"
echo "wrote $out/${name}_scan.pdf (${#pages[@]} pages)"
if [[ "$name" == hangzhou_0133_2026_dept-budget ]]; then
  convert "$work/scan-20.jpg" -crop 2481x1130+0+120 +repage -quality 80 "$root/test/fixtures/ocr/hangzhou-0133-p20-top.jpg"
  echo "wrote test/fixtures/ocr/hangzhou-0133-p20-top.jpg"
fi
rm -rf "$work"
