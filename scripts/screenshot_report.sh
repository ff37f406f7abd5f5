#!/usr/bin/env bash
# Checks the HTML report in a real browser: builds calque, writes the report of
# tests/data/machine.txt (an article this project wrote) to a temp folder, and takes a headless
# chromium screenshot of it. Installs Debian's chromium first when it is missing (needs root,
# or sudo). Run by hand, not by CI; the picture is not committed.
# Usage: bash scripts/screenshot_report.sh [OUT.png]   (default: a PNG in the temp folder)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq chromium
  fi
fi

cargo build --release --quiet
work=$(mktemp -d)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
report="$work/machine.html"
png=${1:-"$work/machine.png"}

# score exits 0 whatever it finds; the report is written even for a blocked article.
target/release/calque score tests/data/machine.txt --format html > "$report"

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --screenshot="$png" --window-size=1200,1600 \
  "file://$report" 2>/dev/null

test -s "$png"
echo "report:     $report"
echo "screenshot: $png"
