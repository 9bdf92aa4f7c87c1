#!/usr/bin/env bash
# Builds the libFuzzer harnesses of Tests/Fuzz (release, AddressSanitizer, libFuzzer's coverage)
# and runs each for a while on seeds made from rules/, seeds/, docs/ and Tests/Fixtures, plus the
# inputs kept in Tests/Fuzz/Corpus/<harness>/. A crash, a sanitizer report or a broken check
# stops that harness, saves the input and makes this script exit 1. See Tests/Fuzz/README.md.
#
#   bash Tests/Fuzz/run.sh                       # every harness, 30 s each
#   bash Tests/Fuzz/run.sh --seconds 600 csv     # one harness, longer
#   bash Tests/Fuzz/run.sh --build-only
#   bash Tests/Fuzz/run.sh --keep /tmp/fuzz      # keep the grown corpora and any crash there
#
# Harnesses: yaml expression csv rules xlsx. Needs Swift (its toolchain carries libFuzzer and the
# sanitizer runtimes), libyaml (libyaml-dev), libstdc++ (libstdc++-12-dev) and Python 3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

seconds=30
build_only=false
keep=""
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --build-only) build_only=true; shift ;;
    --keep) keep="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    yaml|expression|csv|rules|xlsx) targets+=("$1"); shift ;;
    *) echo "run.sh: unknown argument “$1” (see --help)" >&2; exit 2 ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(yaml expression csv rules xlsx)

# libFuzzer without its main: SwiftPM gives each executable a main of its own (the harness's
# top-level code), which calls LLVMFuzzerRunDriver. -sanitize=fuzzer would link libFuzzer's main
# as well, so the coverage it implies is asked for directly.
toolchain="$(dirname "$(readlink -f "$(command -v swiftc)")")/.."
runtime="$(ls "$toolchain"/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-"$(uname -m)".a 2>/dev/null | head -n 1 || true)"
if [ -z "$runtime" ]; then
  echo "run.sh: libclang_rt.fuzzer_no_main not found in the Swift toolchain ($toolchain)" >&2
  exit 2
fi
echo "building the fuzz harnesses (release, address sanitizer, libFuzzer coverage)"
# ld.gold warns once per harness that it cannot export an ASan-internal symbol: harmless.
swift build -c release --package-path "$here" \
  -Xswiftc -sanitize=address \
  -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table \
  -Xlinker "$runtime" -Xlinker -lstdc++ 2>&1 | grep -v "Cannot export local symbol '__asan_extra_spill_area'" || true
bin="$(swift build -c release --package-path "$here" --show-bin-path)"
for target in "${targets[@]}"; do
  name="Fuzz$(case "$target" in yaml) echo YAML ;; csv) echo CSV ;; xlsx) echo XLSX ;; expression) echo Expression ;; rules) echo Rules ;; esac)"
  [ -x "$bin/$name" ] || { echo "run.sh: $bin/$name was not built" >&2; exit 1; }
done
$build_only && exit 0

work="${keep:-$(mktemp -d /tmp/scorecard-fuzz-XXXXXX)}"
mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT
python3 "$here/seeds.py" "$work/seeds"

status=0
for target in "${targets[@]}"; do
  case "$target" in
    yaml) name=FuzzYAML; max_len=16384 ;;
    expression) name=FuzzExpression; max_len=512 ;;
    csv) name=FuzzCSV; max_len=8192 ;;
    rules) name=FuzzRules; max_len=32768 ;;
    xlsx) name=FuzzXLSX; max_len=32768 ;;
  esac
  mkdir -p "$work/corpus/$target" "$work/artifacts/$target" "$work/seeds/$target"
  kept=()
  [ -d "$here/Corpus/$target" ] && kept=("$here/Corpus/$target")
  log="$work/$target.log"
  echo "fuzzing $target for $seconds s"
  # The first folder collects what is found; the seeds and the kept inputs are only read.
  if "$bin/$name" "$work/corpus/$target" "$work/seeds/$target" "${kept[@]}" \
      -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len="$max_len" \
      -artifact_prefix="$work/artifacts/$target/" -print_final_stats=1 >"$log" 2>&1; then
    grep -E "^Done|stat::number_of_executed_units|stat::peak_rss_mb" "$log" | sed "s/^/  $target: /" || true
  else
    status=1
    echo "FAILED: $target" >&2
    tail -n 60 "$log" >&2
    for artifact in "$work/artifacts/$target"/*; do
      [ -e "$artifact" ] || continue
      echo "  input: $artifact ($(wc -c <"$artifact") bytes), base64:" >&2
      base64 -w 0 "$artifact" | head -c 20000 >&2
      echo >&2
    done
  fi
done
[ $status -eq 0 ] && echo "fuzzing: no crash in ${targets[*]}"
exit $status
