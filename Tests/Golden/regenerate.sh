#!/usr/bin/env bash
# Regenerates the golden outputs from commands.txt: builds the package, then runs every case in a
# scratch copy of rules/ and seeds/ (without seeds/results/) and writes <case>.stdout, .stderr and
# .status here. Run it only when a change of output is deliberate and documented (README.md here).
# GoldenOutputTests (Tests/ScorecardCLITests) runs the same cases the same way and compares.
set -euo pipefail

golden="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$golden/../.." && pwd)"
cd "$root"

swift build
binary="$(swift build --show-bin-path)/scorecard"

# The environment the test pins too: help text wraps at COLUMNS, colour follows NO_COLOR.
export NO_COLOR=1 COLUMNS=80 TZ=UTC
unset LINES

tree="$(mktemp -d "${TMPDIR:-/tmp}/scorecard-golden-XXXXXX")"
trap 'rm -rf "$tree"' EXIT
cp -R rules seeds "$tree/"
rm -rf "$tree/seeds/results"

rm -f "$golden"/*.stdout "$golden"/*.stderr "$golden"/*.status

count=0
declare -A seen=()
while IFS= read -r line || [[ -n "$line" ]]; do
  [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
  read -r -a words <<<"$line"
  name="${words[0]}"
  if [[ ! "$name" =~ ^[A-Za-z0-9._-]+$ ]]; then echo "commands.txt: bad case name “$name”" >&2; exit 2; fi
  if [[ -n "${seen[$name]:-}" ]]; then echo "commands.txt: case “$name” appears twice" >&2; exit 2; fi
  seen[$name]=1
  status=0
  (cd "$tree" && "$binary" "${words[@]:1}" </dev/null >"$golden/$name.stdout" 2>"$golden/$name.stderr") || status=$?
  echo "$status" >"$golden/$name.status"
  count=$((count + 1))
done <"$golden/commands.txt"

echo "regenerated $count golden cases in ${golden#"$root/"}; review them with git diff"
