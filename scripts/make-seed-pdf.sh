#!/usr/bin/env bash
# Makes corpus/seed-zezhou-xinfangju-2024-budget.pdf from the seed text: HTML with ruled tables, printed by
# headless Chromium with Debian's WenQuanYi Zen Hei font (apt-get install chromium fonts-wqy-zenhei). Run from the repo root.
set -euo pipefail
seed=corpus/seed-zezhou-xinfangju-2024-budget.txt
work=$(mktemp -d)
npx tsx scripts/seed-to-html.ts "$seed" > "$work/seed.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" --no-pdf-header-footer \
  --print-to-pdf="${1:-${seed%.txt}.pdf}" "file://$work/seed.html"
rm -rf "$work"
