#!/usr/bin/env bash
# Renders the demo's HTML reports in headless Chromium and checks them as a reader would: no
# console errors, nothing overflowing its box, every officer present, a sensible A4 page count.
# Needs chromium, fonts-noto-cjk, poppler-utils (pdfinfo) and python3; .ci/run installs them.
#
#   Tests/ReportCheck/check.sh                 # PNGs and PDFs in .build/report-check/
#   Tests/ReportCheck/check.sh --update-docs   # also refresh docs/images/report-*.png
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in chromium pdfinfo python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "report check: $tool not found; install: apt-get install -y chromium fonts-noto-cjk poppler-utils python3" >&2
    exit 1
  fi
done

bin="$(swift build --show-bin-path)"
if [ ! -x "$bin/scorecard" ]; then swift build --product scorecard; fi

docs=()
if [ "${1:-}" = "--update-docs" ]; then
  mkdir -p docs/images
  docs=(--docs docs/images)
fi
python3 Tests/ReportCheck/check.py "$bin/scorecard" . .build/report-check "${docs[@]}"
