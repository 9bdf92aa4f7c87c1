#!/usr/bin/env bash
# The Scorecard benchmark (issue #8); see docs/performance.md.
#   bash Tests/Benchmarks/run.sh [--officers 100000,1000000] [--quick] [--help]
# Needs python3, gcc, libyaml (libyaml-dev) and Swift; pandas only for the pandas peer.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export PYTHONDONTWRITEBYTECODE=1
exec python3 "$here/bench.py" "$@"
