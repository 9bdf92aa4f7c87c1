#!/usr/bin/env bash
# Checks the Excel files scorecard writes and reads against openpyxl, pandas and LibreOffice
# (see check.py). Needs python3 with venv and LibreOffice Calc:
#   apt-get install -y python3-venv libreoffice-calc
# Not run by CI (LibreOffice is large); run it after changing anything under Excel/.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v libreoffice >/dev/null 2>&1 || { echo "excel check: libreoffice not found (apt-get install libreoffice-calc)" >&2; exit 1; }
venv=.build/excel-check-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet openpyxl pandas
fi
bin="$(swift build --show-bin-path)"
[ -x "$bin/scorecard" ] || swift build --product scorecard
"$venv/bin/python" Tests/ExcelCheck/check.py "$bin/scorecard" .
