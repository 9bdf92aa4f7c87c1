#!/usr/bin/env python3
"""How Scorecard's time grows with hostile input (issue #10): each scenario is run at three
sizes, ten times apart, and the growth of its time (less a run without the extra input) is
printed. Linear work grows about 10x per step; quadratic work about 100x.

Scenarios, on a copy of rules/ and the demo's 2025-Q1 evidence:
  list-rows     N adopted-suggestion rows for one officer (check, then evaluate --format csv)
  header        N unknown columns in the header of scores.csv (check; every one is an error)
  extra-cells   one row of scores.csv with N cells more than its header (check; 10^5..10^7)

Only public tools: Python 3 and the release build of Scorecard (`swift build -c release`).

    python3 Tests/Benchmarks/scaling.py                 # 10^4, 10^5, 10^6 (header: 10^3..10^5)
    python3 Tests/Benchmarks/scaling.py --quick         # ten times smaller
    python3 Tests/Benchmarks/scaling.py --binary PATH   # an already built scorecard
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
QUARTER = "2025-Q1"
OFFICER = "10516"  # serves in 2025-Q1
# Every limit raised far past the inputs: what is measured is the work, not the refusal.
RAISED = {
    "SCORECARD_MAX_FIELD_BYTES": "1G",
    "SCORECARD_MAX_RECORD_BYTES": "1G",
    "SCORECARD_MAX_CELLS": "100000000",
}
# A step more than this many times slower than the one before fails the check; steps whose
# extra work is under JUDGED seconds are too small to tell from noise.
BOUND = 20.0
JUDGED = 0.1


def run(binary, args, cwd, timeout, env_extra=None):
    """Wall time, peak RSS (KiB), stdout+stderr bytes and exit status of one run; a run past
    `timeout` seconds is killed (its status is then the signal, negative)."""
    env = dict(os.environ)
    env.update(RAISED)
    env.update(env_extra or {})
    with tempfile.TemporaryFile() as out:
        start = time.monotonic()
        process = subprocess.Popen([binary] + args, cwd=cwd, stdout=out, stderr=out, env=env)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.monotonic() - start
        out.seek(0, os.SEEK_END)
        size = out.tell()
    return elapsed, usage.ru_maxrss, size, os.waitstatus_to_exitcode(status)


def workspace(base):
    """rules/ and the demo's roster and 2025-Q1 evidence, in UTF-8."""
    shutil.copytree(os.path.join(ROOT, "rules"), os.path.join(base, "rules"))
    evidence = os.path.join(base, "seeds", QUARTER)
    os.makedirs(evidence)
    shutil.copy(os.path.join(ROOT, "seeds", "officers.csv"), os.path.join(base, "seeds"))
    for name in ("scores.csv", "suggestions.csv"):
        with open(os.path.join(ROOT, "seeds", QUARTER, name), "rb") as f:
            data = f.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("gb18030")
        with open(os.path.join(evidence, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    return evidence


def write_list_rows(evidence, n):
    with open(os.path.join(evidence, "suggestions.csv"), "w", encoding="utf-8") as f:
        f.write("officer,date,level,title\n")
        line = f"{OFFICER},2025-02-03,区队,建议\n"
        for _ in range(n // 1000):
            f.write(line * 1000)
        f.write(line * (n % 1000))


def write_header(evidence, original, n):
    header, rest = original.split("\n", 1)
    extra = ",".join(f"x{i}" for i in range(n))
    with open(os.path.join(evidence, "scores.csv"), "w", encoding="utf-8") as f:
        f.write(header + ("," + extra if n else "") + "\n" + rest)


def write_extra_cells(evidence, original, n):
    header, first, rest = original.split("\n", 2)
    with open(os.path.join(evidence, "scores.csv"), "w", encoding="utf-8") as f:
        f.write(header + "\n" + first + ",7" * n + "\n" + rest)


SCENARIOS = {
    "list-rows": ([10_000, 100_000, 1_000_000], [["check", "--quarter", QUARTER],
                  ["evaluate", "--quarter", QUARTER, "--format", "csv"]]),
    "header": ([1_000, 10_000, 100_000], [["check", "--quarter", QUARTER]]),
    "extra-cells": ([100_000, 1_000_000, 10_000_000], [["check", "--quarter", QUARTER]]),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", help="a release build of scorecard (default: build one)")
    parser.add_argument("--quick", action="store_true", help="sizes ten times smaller")
    parser.add_argument("--only", help="comma-separated scenarios (list-rows, header, extra-cells)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a run counts as stopped")
    options = parser.parse_args()

    binary = options.binary
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "scorecard"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        binary = os.path.join(ROOT, ".build", "release", "scorecard")
    binary = os.path.abspath(binary)
    chosen = options.only.split(",") if options.only else list(SCENARIOS)

    failures = []
    print(f"{'scenario':<12} {'command':<9} {'n':>9} {'seconds':>8} {'growth':>7} {'MiB':>6} {'output':>10} exit")
    with tempfile.TemporaryDirectory(prefix="scorecard-scaling-") as base:
        evidence = workspace(base)
        with open(os.path.join(evidence, "scores.csv"), encoding="utf-8") as f:
            scores = f.read()
        with open(os.path.join(evidence, "suggestions.csv"), encoding="utf-8") as f:
            suggestions = f.read()
        for name in chosen:
            sizes, commands = SCENARIOS[name]
            if options.quick:
                sizes = [n // 10 for n in sizes]
            write = {
                "list-rows": lambda n: write_list_rows(evidence, n),
                "header": lambda n: write_header(evidence, scores, n),
                "extra-cells": lambda n: write_extra_cells(evidence, scores, n),
            }[name]
            for args in commands:
                write(0)
                baseline = min(run(binary, args, base, options.timeout)[0] for _ in range(3))
                previous = None
                for n in sizes:
                    write(n)
                    elapsed, rss, size, status = run(binary, args, base, options.timeout)
                    # A short run is noisy: the fastest of three.
                    for _ in range(2 if status >= 0 and elapsed < 0.5 else 0):
                        elapsed = min(elapsed, run(binary, args, base, options.timeout)[0])
                    work = max(elapsed - baseline, 1e-3)
                    growth = f"{work / previous:.1f}x" if previous else ""
                    if status < 0:
                        failures.append(f"{name} {args[0]} n={n}: stopped after {elapsed:.0f} s")
                    elif previous and work >= JUDGED and work / previous > BOUND:
                        failures.append(f"{name} {args[0]} n={n}: {work / previous:.1f}x")
                    previous = work
                    print(f"{name:<12} {args[0]:<9} {n:>9} {elapsed:>8.2f} {growth:>7} {rss / 1024:>6.0f} {size:>10} {status}",
                          flush=True)
                    if status < 0:
                        break  # a larger size would only be stopped too
            # Back to the demo's files for the next scenario.
            with open(os.path.join(evidence, "scores.csv"), "w", encoding="utf-8") as f:
                f.write(scores)
            with open(os.path.join(evidence, "suggestions.csv"), "w", encoding="utf-8") as f:
                f.write(suggestions)
    print("growth: time less a run without the extra input, against the size before; linear is about 10x"
          f" (judged from {JUDGED} s of extra work)")
    if failures:
        print("not linear (more than %.0fx per step): %s" % (BOUND, "; ".join(failures)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
