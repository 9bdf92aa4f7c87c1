#!/usr/bin/env python3
"""The Scorecard benchmark (issue #8): generates the workload of the shared WORKLOAD.md, writes the
project's rules and evidence layouts for it, builds the C floor (and uses the pandas peer when a
virtualenv with pandas is at hand), runs them interleaved with Scorecard, whole process, checks
every officer's figures against the C floor's, and prints wall time, peak RSS, the ratios and the
targets. Run it through run.sh; `run.sh --help` lists the options. docs/performance.md explains
what it measures.

Exit status: 0 when every run succeeded and every output agreed (a missed target is not a
failure), 1 on a mismatch or a failed run, 2 on a usage or setup problem.
"""
import argparse
import csv
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from array import array
from decimal import Decimal, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
LAYOUT = os.path.join(HERE, "layout.py")
YAML_EVENTS = os.path.join(HERE, "yaml_events.c")
MEASURE_C = os.path.join(HERE, "measure.c")
QUARTERS = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
MIB = 1024 * 1024
STEPS = ["pandas", "evaluate", "check", "natural", "annual", "demo", "rules"]


def log(message):
    print(message, file=sys.stderr, flush=True)


class SetupError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Options


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="run.sh",
        description="Scorecard benchmark: workload of WORKLOAD.md, C floor and pandas peers, interleaved "
                    "whole-process runs, row-by-row agreement with the C floor, a table of the targets.")
    p.add_argument("--officers", default=None,
                   help="comma-separated officer counts, e.g. 100000,1000000 (default 100000; --quick: 10000)")
    p.add_argument("--quick", action="store_true",
                   help="smoke test: 10000 officers, 1 repetition, 5 demo runs, 1 rule-loading run")
    p.add_argument("--reps", type=int, default=None, help="repetitions of each large measurement (default 3)")
    p.add_argument("--demo-reps", type=int, default=None, help="runs of the demo quarter (default 20)")
    p.add_argument("--rules-reps", type=int, default=None, help="runs of the rule-loading pair (default 5)")
    p.add_argument("--rule-items", type=int, default=10000, help="items in the generated rules (default 10000)")
    p.add_argument("--rule-files", type=int, default=None,
                   help="item files the generated rules are split into; 1 writes one rule file with everything "
                        "(default: one file per 5000 items, since the loader takes at most 100,000 YAML nodes per file)")
    p.add_argument("--scratch", default=os.environ.get("SCORECARD_BENCH_DIR", "/tmp/scorecard-bench"),
                   help="scratch folder for workloads, tools and outputs, never inside the repository "
                        "(default $SCORECARD_BENCH_DIR or /tmp/scorecard-bench)")
    p.add_argument("--shared", default=os.environ.get("SCORECARD_BENCH_SHARED", os.path.join(os.path.dirname(REPO), "shared", "bench")),
                   help="the shared benchmark folder with gen_evidence.py and peers/ (default ../shared/bench)")
    p.add_argument("--venv", default=os.environ.get("SCORECARD_BENCH_VENV"),
                   help="virtualenv with pandas, numpy and pyyaml for the pandas peer "
                        "(default $SCORECARD_BENCH_VENV or SCRATCH/venv)")
    p.add_argument("--make-venv", action="store_true",
                   help="create the virtualenv (python3 -m venv, pip install pandas numpy pyyaml) when missing")
    p.add_argument("--binary", action="append", default=[], metavar="[LABEL=]PATH",
                   help="time this scorecard binary instead of building this tree; repeat to compare "
                        "builds in the same interleaved run (e.g. --binary main=/work/main/.build/release/scorecard)")
    p.add_argument("--skip", default="", help="comma-separated steps to leave out: " + ",".join(STEPS))
    p.add_argument("--timeout", type=float, default=1800, help="seconds before one run is stopped (default 1800)")
    p.add_argument("--max-rss-gib", type=float, default=None,
                   help="stop a run whose resident memory passes this (default 80%% of the machine's memory)")
    p.add_argument("--regenerate", action="store_true", help="write the workloads again even when cached")
    p.add_argument("--json", default=None, help="also write the measurements as JSON to this file")
    args = p.parse_args(argv)
    if args.quick:
        args.officers = args.officers or "10000"
        args.reps = args.reps or 1
        args.demo_reps = args.demo_reps or 5
        args.rules_reps = args.rules_reps or 1
    args.officers = [int(x.replace("_", "")) for x in (args.officers or "100000").split(",") if x]
    args.reps = args.reps or 3
    args.demo_reps = args.demo_reps or 20
    args.rules_reps = args.rules_reps or 5
    args.rule_files = args.rule_files or max(1, -(-args.rule_items // 5000))
    args.skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    unknown = args.skip - set(STEPS)
    if unknown:
        p.error(f"--skip: unknown step(s) {', '.join(sorted(unknown))}; steps: {', '.join(STEPS)}")
    if any(n < 1 for n in args.officers) or min(args.reps, args.demo_reps, args.rules_reps) < 1:
        p.error("officer counts and repetitions must be at least 1")
    args.scratch = os.path.abspath(args.scratch)
    repo_real, scratch_real = os.path.realpath(REPO), os.path.realpath(args.scratch)
    if scratch_real == repo_real or scratch_real.startswith(repo_real + os.sep):
        p.error(f"--scratch {args.scratch} is inside the repository; choose a folder outside it (default /tmp/scorecard-bench)")
    args.venv = os.path.abspath(args.venv or os.path.join(args.scratch, "venv"))
    args.shared = os.path.abspath(args.shared)
    if args.max_rss_gib is None:
        args.max_rss_gib = 0.8 * os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024 ** 3
    return args


# ---------------------------------------------------------------------------------------------
# Running a process and measuring it


class Sample:
    def __init__(self, wall, rss_kib, status, stopped):
        self.wall, self.rss_kib, self.status, self.stopped = wall, rss_kib, status, stopped


MEASURE = None  # the launcher (measure.c), built into SCRATCH/bin


def measure(argv, stdout_path, stderr_path, timeout, max_rss_kib):
    """Runs argv once as a whole process through the launcher (stdin /dev/null, stdout and stderr
    to files) and returns its wall time, peak RSS (ru_maxrss from wait4) and exit status. A run
    that passes the timeout or the memory limit is killed and says so."""
    result = subprocess.run([MEASURE, stdout_path, stderr_path, f"{timeout:g}", str(int(max_rss_kib)), "--"] + argv,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SetupError(f"cannot measure {' '.join(argv)}: {result.stderr.strip()}")
    fields = dict(part.split("=", 1) for part in result.stdout.split())
    stopped = {"none": None, "timeout": f"stopped after {timeout:.0f} s",
               "memory": f"stopped at {max_rss_kib / MIB:.1f} GiB resident"}[fields["stopped"]]
    return Sample(float(fields["wall_s"]), int(fields["maxrss_kib"]), int(fields["status"]), stopped)


class Measurement:
    """One program on one input, run several times; the outputs of every run must be identical."""

    def __init__(self, key, title, argv, out_path, workdir, output_is_stdout, ok_status=(0,)):
        self.key, self.title, self.argv, self.out_path = key, title, argv, out_path
        self.workdir, self.output_is_stdout, self.ok_status = workdir, output_is_stdout, ok_status
        self.samples, self.digests, self.failure = [], [], None

    def run(self, args, label):
        os.makedirs(self.workdir, exist_ok=True)
        stdout = self.out_path if self.output_is_stdout else os.path.join(self.workdir, self.key + ".stdout")
        stderr = os.path.join(self.workdir, self.key + ".stderr")
        s = measure(self.argv, stdout, stderr, args.timeout, args.max_rss_gib * MIB)
        self.samples.append(s)
        if s.stopped or s.status not in self.ok_status:
            why = s.stopped or f"exit status {s.status}"
            tail = open(stderr, encoding="utf-8", errors="replace").read()[-1500:]
            self.failure = self.failure or f"{self.title}: {why}\n  command: {' '.join(self.argv)}\n  stderr: {tail.strip()}"
        elif self.out_path:
            self.digests.append(file_digest(self.out_path))
            if len(set(self.digests)) > 1:
                self.failure = self.failure or f"{self.title}: the output differs between runs"
        log(f"  [{label}] {self.title}: {s.wall:.3f} s, {s.rss_kib / 1024:.0f} MiB"
            + (f", {s.stopped}" if s.stopped else "") + (f", exit {s.status}" if s.status else ""))

    @property
    def walls(self):
        return [s.wall for s in self.samples if not s.stopped]

    @property
    def median(self):
        return statistics.median(self.walls) if self.walls else None

    @property
    def rss_mib(self):
        return max(s.rss_kib for s in self.samples) / 1024 if self.samples else None


def file_digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def interleaved(measurements, reps, args, warmup=False):
    """Round-robin: every measurement once per round (A B A B …), `reps` rounds."""
    if warmup:
        for m in measurements:
            measure(m.argv, os.devnull, os.devnull, args.timeout, args.max_rss_gib * MIB)
    for r in range(reps):
        for m in measurements:
            if m.failure is None:
                m.run(args, f"{r + 1}/{reps}")


# ---------------------------------------------------------------------------------------------
# Setup: workloads, tools, peers, Scorecard


def run_checked(argv, what, **kw):
    result = subprocess.run(argv, **kw)
    if result.returncode != 0:
        raise SetupError(f"{what} failed (exit {result.returncode}): {' '.join(argv)}")
    return result


def digest_of(paths, extra=""):
    h = hashlib.sha256(extra.encode())
    for p in paths:
        h.update(p.encode())
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                full = os.path.join(p, name)
                if os.path.isfile(full):
                    h.update(name.encode())
                    h.update(open(full, "rb").read())
        else:
            h.update(open(p, "rb").read())
    return h.hexdigest()[:16]


def cached(path, key, make, args):
    """Makes `path` unless it exists with the same key (inputs and parameters) from an earlier run."""
    stamp = path.rstrip("/") + ".stamp"
    if not args.regenerate and os.path.exists(path) and os.path.exists(stamp) and open(stamp).read() == key:
        return False
    if os.path.isdir(path):
        shutil.rmtree(path)
    elif os.path.exists(path):
        os.remove(path)
    if os.path.exists(stamp):
        os.remove(stamp)
    make()
    with open(stamp, "w") as f:
        f.write(key)
    return True


def bundled_rules():
    return os.path.join(REPO, "rules")


def prepare_workload(n, args, need_year, need_natural):
    """The generated tables and the three layouts for n officers, in SCRATCH/n<N>/."""
    gen = os.path.join(args.shared, "gen_evidence.py")
    base = os.path.join(args.scratch, f"n{n}")
    os.makedirs(os.path.join(base, "gen"), exist_ok=True)
    seeds = [1, 2, 3, 4] if need_year else [1]
    tables = {}
    for seed in seeds:
        table = os.path.join(base, "gen", f"seed{seed}.csv")
        tables[seed] = table

        def generate(table=table, seed=seed):
            log(f"  generating {n} officers, seed {seed}")
            with open(table + ".part", "w") as out:
                run_checked([sys.executable, gen, str(n), str(seed)], "the generator", stdout=out)
            os.rename(table + ".part", table)
        cached(table, digest_of([gen], f"{n} {seed}"), generate, args)

    layout_key = digest_of([LAYOUT, bundled_rules()], f"{n}")
    lay = [sys.executable, LAYOUT]
    paths = {
        "rules_counted": os.path.join(base, "rules-counted"),
        "rules_natural": os.path.join(base, "rules-natural"),
        "counted": os.path.join(base, "counted"),
        "natural": os.path.join(base, "natural"),
        "year": os.path.join(base, "year"),
        "out": os.path.join(base, "out"),
        "tables": tables,
    }
    cached(paths["rules_counted"], layout_key, lambda: run_checked(lay + ["rules", "counted", bundled_rules(), paths["rules_counted"]], "layout (rules)"), args)
    cached(paths["rules_natural"], layout_key, lambda: run_checked(lay + ["rules", "natural", bundled_rules(), paths["rules_natural"]], "layout (rules)"), args)

    def counted():
        log("  writing the counted layout (officers.csv, 2025-Q1/scores.csv)")
        run_checked(lay + ["evidence", "counted", tables[1], paths["counted"], QUARTERS[0], "--roster"], "layout (counted)")
    table_key = digest_of([gen])
    cached(paths["counted"], layout_key + "c" + table_key, counted, args)
    if need_natural:
        def natural():
            log("  writing the natural layout (officers.csv, 2025-Q1/scores.csv, 2025-Q1/suggestions.csv)")
            run_checked(lay + ["evidence", "natural", tables[1], paths["natural"], QUARTERS[0], "--roster"], "layout (natural)")
        cached(paths["natural"], layout_key + "n" + table_key, natural, args)
    if need_year:
        def year():
            log("  writing the four quarters (2025-Q1 linked to the counted layout, 2025-Q2..Q4 from seeds 2..4)")
            os.makedirs(os.path.join(paths["year"], QUARTERS[0]))
            os.link(os.path.join(paths["counted"], "officers.csv"), os.path.join(paths["year"], "officers.csv"))
            os.link(os.path.join(paths["counted"], QUARTERS[0], "scores.csv"), os.path.join(paths["year"], QUARTERS[0], "scores.csv"))
            for seed, quarter in zip([2, 3, 4], QUARTERS[1:]):
                run_checked(lay + ["evidence", "counted", tables[seed], paths["year"], quarter], "layout (year)")
        # The year links the counted layout's files: made again whenever that is.
        counted_stamp = open(paths["counted"] + ".stamp").read() + str(os.stat(os.path.join(paths["counted"], "officers.csv")).st_ino)
        cached(paths["year"], layout_key + "y" + counted_stamp, year, args)
    os.makedirs(paths["out"], exist_ok=True)
    return paths


def build_tools(args):
    """The launcher, the C floor and the libyaml event parse, built with gcc -O2 into SCRATCH/bin."""
    bindir = os.path.join(args.scratch, "bin")
    os.makedirs(bindir, exist_ok=True)
    c_floor = os.path.join(bindir, "c_floor")
    run_checked(["gcc", "-O2", "-o", c_floor, os.path.join(args.shared, "peers", "c_floor.c")], "building the C floor")
    global MEASURE
    MEASURE = os.path.join(bindir, "measure")
    run_checked(["gcc", "-O2", "-o", MEASURE, MEASURE_C], "building measure.c")
    yaml_events = os.path.join(bindir, "yaml_events")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "yaml-0.1"], capture_output=True, text=True)
    libs = flags.stdout.split() if flags.returncode == 0 else ["-lyaml"]
    run_checked(["gcc", "-O2", "-o", yaml_events, YAML_EVENTS] + libs, "building yaml_events.c")
    return c_floor, yaml_events


def venv_python(args):
    """The virtualenv's python when it has pandas, numpy and yaml; made with --make-venv."""
    python = os.path.join(args.venv, "bin", "python")

    def usable():
        return os.path.exists(python) and subprocess.run(
            [python, "-c", "import pandas, numpy, yaml"], capture_output=True).returncode == 0
    if usable():
        return python
    if args.make_venv:
        log(f"making the virtualenv {args.venv} (pandas, numpy, pyyaml)")
        if not os.path.exists(python):
            run_checked([sys.executable, "-m", "venv", args.venv], "python3 -m venv")
        run_checked([python, "-m", "pip", "install", "--quiet", "pandas", "numpy", "pyyaml"], "pip install")
        if usable():
            return python
        raise SetupError(f"the virtualenv {args.venv} still cannot import pandas, numpy and yaml")
    log(f"pandas peer skipped: no virtualenv with pandas at {args.venv} (give --venv PATH, or --make-venv to create it)")
    return None


def git_label():
    head = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no", "--", "Sources", "Package.swift"],
                           capture_output=True, text=True).stdout.strip()
    return (head or "tree") + ("+changes" if dirty else "")


def scorecard_binaries(args):
    """[(label, path, takes -o)]: the --binary builds, or this tree built in release mode."""
    binaries = []
    if args.binary:
        for i, spec in enumerate(args.binary):
            label, _, path = spec.rpartition("=") if "=" in spec else (f"b{i + 1}", "", spec)
            path = os.path.abspath(path)
            if not os.access(path, os.X_OK):
                raise SetupError(f"--binary {spec}: {path} is not an executable")
            binaries.append((label or f"b{i + 1}", path))
    else:
        # Built as docs/install.sh installs it: the Swift runtime linked in, so that start-up
        # (most of a mine's quarter) is measured as a user meets it.
        log("building scorecard (swift build -c release --static-swift-stdlib --product scorecard)")
        run_checked(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "scorecard"], "swift build", cwd=REPO)
        bin_path = run_checked(["swift", "build", "-c", "release", "--static-swift-stdlib", "--show-bin-path"], "swift build --show-bin-path",
                               cwd=REPO, capture_output=True, text=True).stdout.strip()
        binaries.append((git_label(), os.path.join(bin_path, "scorecard")))
    labels = [b[0] for b in binaries]
    if len(set(labels)) != len(labels):
        raise SetupError("--binary: give each build its own label (LABEL=PATH)")
    result = []
    for label, path in binaries:
        helps = subprocess.run([path, "evaluate", "--help"], capture_output=True, text=True).stdout
        annual_help = subprocess.run([path, "annual", "--help"], capture_output=True, text=True).stdout
        # A CSV written with --output has Chinese headers unless --headers id asks for the ids.
        result.append((label, path, "--output" in helps, "--output" in annual_help, "--headers" in helps))
    return result


# ---------------------------------------------------------------------------------------------
# Agreement with the C floor


def decimal_or_none(text):
    try:
        return Decimal(text)
    except (InvalidOperation, TypeError):
        return None


class Mismatch(Exception):
    pass


def read_rows(path, columns):
    """Yields (line, tuple of the named columns) of a CSV, a byte-order mark allowed."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None:
            raise Mismatch(f"{path}: empty")
        try:
            at = [header.index(c) for c in columns]
        except ValueError:
            raise Mismatch(f"{path}: expected columns {columns}, found {header}")
        for line, row in enumerate(reader, start=2):
            if len(row) < len(header):
                raise Mismatch(f"{path}:{line}: {len(row)} cells, the header has {len(header)}")
            yield line, tuple(row[i] for i in at)


def compare_quarter(floor_csv, other_csv, columns, what, problems, limit=10):
    """Every officer's total, grade and reward in `other_csv` equal to the C floor's, row by row in
    the order of the records file, compared as exact decimals. Returns the number of rows."""
    found = 0
    rows = 0
    try:
        theirs = read_rows(other_csv, columns)
        for (fl, (oid, total, grade, reward)), other in zip_longest_rows(read_rows(floor_csv, ["officer_id", "total", "grade", "reward"]), theirs):
            rows += 1
            if other is None:
                raise Mismatch(f"{what}: {other_csv} ends after {rows - 1} officers; the C floor has more (from {oid})")
            ol, (o_id, o_total, o_grade, o_reward) = other
            bad = []
            if o_id != oid:
                bad.append(f"officer {o_id!r}, the C floor has {oid!r} here")
            else:
                if decimal_or_none(o_total) is None or decimal_or_none(o_total) != Decimal(total):
                    bad.append(f"total {o_total!r} ≠ {total}")
                if o_grade != grade:
                    bad.append(f"grade {o_grade!r} ≠ {grade}")
                if decimal_or_none(o_reward) is None or decimal_or_none(o_reward) != Decimal(reward):
                    bad.append(f"reward {o_reward!r} ≠ {reward}")
            if bad:
                found += 1
                if found <= limit:
                    problems.append(f"{what}: {other_csv}:{ol}: {oid}: " + "; ".join(bad))
        extra = next(theirs, None)
        if extra is not None:
            raise Mismatch(f"{what}: {other_csv}:{extra[0]}: officer {extra[1][0]!r} is not in the C floor's output")
    except Mismatch as e:
        problems.append(str(e))
        return rows
    if found > limit:
        problems.append(f"{what}: … {found} officers disagree in all")
    return rows


def zip_longest_rows(floor_rows, other_rows):
    for floor in floor_rows:
        yield floor, next(other_rows, None)


def hundredths(text):
    value = decimal_or_none(text)
    if value is None or (value * 100) != (value * 100).to_integral_value():
        return None
    return int(value * 100)


def compare_annual(floor_csvs, annual_csv, n, problems, limit=10):
    """Each officer's quarter columns in the annual CSV equal to the C floor's total for that
    quarter's table, quarter_sum their sum and quarterly_rewards the sum of the C floor's rewards
    (exact). Rows are ranked, so they are matched by officer."""
    totals = [array("q", [-1]) * n for _ in floor_csvs]
    rewards = array("q", [0]) * n
    for q, path in enumerate(floor_csvs):
        for _, (oid, total, reward) in read_rows(path, ["officer_id", "total", "reward"]):
            totals[q][int(oid[1:])] = hundredths(total)
            rewards[int(oid[1:])] += hundredths(reward)
    seen = array("b", [0]) * n
    found = 0
    try:
        for line, row in read_rows(annual_csv, ["officer"] + QUARTERS + ["quarter_sum", "quarterly_rewards"]):
            oid, cells = row[0], row[1:]
            index = int(oid[1:]) if oid[:1] == "O" and oid[1:].isdigit() else -1
            if not 0 <= index < n or seen[index]:
                raise Mismatch(f"annual: {annual_csv}:{line}: officer {oid!r} unexpected or repeated")
            seen[index] = 1
            expected = [totals[q][index] for q in range(4)]
            expected += [sum(expected), rewards[index]]
            got = [hundredths(c) for c in cells]
            if got != expected:
                found += 1
                if found <= limit:
                    problems.append(f"annual: {annual_csv}:{line}: {oid}: quarters, quarter_sum, quarterly_rewards {list(cells)}; "
                                    f"the C floor gives {[f'{e / 100:.2f}' for e in expected]}")
        if sum(seen) != n:
            raise Mismatch(f"annual: {annual_csv} has {sum(seen)} officers, the quarters have {n}")
    except Mismatch as e:
        problems.append(str(e))
    if found > limit:
        problems.append(f"annual: … {found} officers disagree in all")


# ---------------------------------------------------------------------------------------------
# The table


def fmt_wall(m):
    if m is not None and not m.walls and m.samples:
        stopped = max(m.samples, key=lambda s: s.wall)
        return "stopped", f"> {stopped.wall:.0f} s" if stopped.stopped else "failed"
    if m is None or not m.walls:
        return "—", "—"
    w = m.walls
    unit, scale = ("ms", 1000) if max(w) < 1 else ("s", 1)
    digits = 1 if unit == "ms" else 3 if max(w) < 10 else 2
    return f"{m.median * scale:.{digits}f} {unit}", f"{min(w) * scale:.{digits}f}–{max(w) * scale:.{digits}f}"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


class Row:
    def __init__(self, title, m, ratio_text="", target="", met=""):
        self.title, self.m, self.ratio_text, self.target, self.met = title, m, ratio_text, target, met


def print_table(heading, rows):
    header = ["measurement", "wall (median)", "min–max", "peak RSS", "ratio", "target", "met"]
    lines = []
    for r in rows:
        wall, spread = fmt_wall(r.m)
        rss = f"{r.m.rss_mib:.0f} MiB" if r.m is not None and r.m.samples else "—"
        lines.append([r.title, wall, spread, rss, r.ratio_text, r.target, r.met])
        if r.m is not None and r.m.failure:
            lines[-1][6] = "NO: " + r.m.failure.split("\n")[0].split(": ", 1)[-1]
    widths = [max(len(x) for x in col) for col in zip(header, *lines)]
    out = [heading, "  ".join(h.ljust(w) for h, w in zip(header, widths)), "  ".join("-" * w for w in widths)]
    for line in lines:
        out.append("  ".join(c.ljust(w) for c, w in zip(line, widths)).rstrip())
    print("\n".join(out) + "\n", flush=True)


def verdict(ok_checks, applies, where):
    """'yes', 'NO (…)', or the size the target is stated for when it does not apply here."""
    if not applies:
        return f"(stated for {where})"
    failed = [why for ok, why in ok_checks if ok is False]
    if any(ok is None for ok, _ in ok_checks):
        return "—"
    return "yes" if not failed else "NO: " + ", ".join(failed)


def quarter_rows(n, ms, binaries, reps):
    """The rows for one workload size, with the issue's targets."""
    rows = []
    floor, pandas = ms.get("c_floor"), ms.get("pandas")
    at_1m = n >= 1_000_000
    rows.append(Row("C floor (gcc -O2)", floor, "1.00× C floor"))
    if pandas:
        rows.append(Row("pandas peer", pandas, f"{ratio(pandas.median, floor.median):.2f}× C floor" if pandas.walls and floor.walls else ""))
    for label, *_ in binaries:
        for key, title in (("evaluate", "evaluate --format csv"), ("check", "check"), ("natural", "evaluate, natural layout")):
            m = ms.get(f"{key}:{label}")
            if m is None:
                continue
            r = ratio(m.median, floor.median)
            rss = m.rss_mib
            checks = [(None if r is None else r <= 2, f"{r:.1f}× C floor" if r else ""),
                      (None if rss is None else rss <= 200, f"{rss:.0f} MiB" if rss else "")]
            rows.append(Row(f"scorecard {title} [{label}]", m, f"{r:.2f}× C floor" if r else "",
                            "≤ 2× C floor, ≤ 200 MiB", verdict(checks, at_1m, "1M")))
            if key == "evaluate" and pandas and pandas.walls and m.walls:
                speed = pandas.median / m.median
                rows.append(Row(f"  pandas ÷ evaluate [{label}]", None, f"{speed:.2f}× faster",
                                "≥ 5× faster than pandas", verdict([(speed >= 5, f"{speed:.2f}×")], n == 100_000, "100k")))
        annual, one = ms.get(f"annual:{label}"), ms.get(f"evaluate:{label}")
        if annual:
            r = ratio(annual.median, one.median if one else None)
            rows.append(Row(f"scorecard annual, 4 quarters [{label}]", annual, f"{r:.2f}× one quarter" if r else "",
                            "≤ 4× one quarter", verdict([(None if r is None else r <= 4, f"{r:.2f}×" if r else "")], at_1m, "1M")))
    return rows


def fixed_rows(ms, binaries):
    rows = []
    spawn = ms.get("spawn")
    if spawn:
        rows.append(Row("process start floor (/bin/true)", spawn))
    for label, *_ in binaries:
        m = ms.get(f"demo:{label}")
        if m:
            ok = None if m.median is None else m.median <= 0.010
            rows.append(Row(f"scorecard evaluate, demo quarter [{label}]", m, "",
                            "≤ 10 ms median", verdict([(ok, f"{m.median * 1000:.1f} ms" if m.median else "")], True, "")))
    floor = ms.get("yaml_events")
    if floor:
        rows.append(Row("libyaml event parse (yaml_events.c)", floor, "1.00× libyaml"))
    for label, *_ in binaries:
        m = ms.get(f"rules:{label}")
        if m:
            r = ratio(m.median, floor.median if floor else None)
            rows.append(Row(f"scorecard check --rules (rule loading) [{label}]", m, f"{r:.2f}× libyaml" if r else "",
                            "≤ 1.3× libyaml", verdict([(None if r is None else r <= 1.3, f"{r:.2f}×" if r else "")], True, "")))
    return rows


# ---------------------------------------------------------------------------------------------
# The runs


def quarter_measurements(n, paths, tools, python, binaries, args):
    c_floor, _ = tools
    out = paths["out"]
    table = paths["tables"][1]
    ms = {"c_floor": Measurement("c_floor", "C floor", [c_floor, table, os.path.join(out, "c_floor.csv")],
                                 os.path.join(out, "c_floor.csv"), out, False)}
    if python:
        peers = os.path.join(args.shared, "peers")
        ms["pandas"] = Measurement("pandas", "pandas peer",
                                   [python, os.path.join(peers, "py_pandas.py"), table, os.path.join(out, "pandas.csv"), os.path.join(peers, "rates.yaml")],
                                   os.path.join(out, "pandas.csv"), out, False)
    for label, path, has_output, annual_output, has_headers in binaries:
        ids = ["--headers", "id"] if has_headers else []
        safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in label)

        def quarter_cmd(kind, rules, evidence):
            target = os.path.join(out, f"{kind}-{safe}.csv")
            argv = [path, "evaluate", "--rules", rules, "--evidence", evidence, "--quarter", QUARTERS[0], "--format", "csv"]
            if has_output:
                argv += ["-o", target] + ids
            return Measurement(f"{kind}-{safe}", f"scorecard {kind} [{label}]", argv, target, out, not has_output)
        if "evaluate" not in args.skip:
            ms[f"evaluate:{label}"] = quarter_cmd("evaluate", paths["rules_counted"], paths["counted"])
        if "check" not in args.skip:
            ms[f"check:{label}"] = Measurement(
                f"check-{safe}", f"scorecard check [{label}]",
                [path, "check", "--rules", paths["rules_counted"], "--evidence", paths["counted"], "--quarter", QUARTERS[0], "--color", "never"],
                None, out, False)
        if "natural" not in args.skip:
            ms[f"natural:{label}"] = quarter_cmd("natural", paths["rules_natural"], paths["natural"])
        if "annual" not in args.skip:
            target = os.path.join(out, f"annual-{safe}.csv")
            argv = [path, "annual", "--rules", paths["rules_counted"], "--evidence", paths["year"], "--year", "2025", "--format", "csv"]
            if annual_output:
                argv += ["-o", target] + ids
            ms[f"annual:{label}"] = Measurement(f"annual-{safe}", f"scorecard annual [{label}]", argv, target, out, not annual_output)
    return ms


def check_quarter_outputs(n, paths, tools, ms, binaries, problems):
    floor_csv = os.path.join(paths["out"], "c_floor.csv")
    if ms["c_floor"].failure:
        return
    if "pandas" in ms and not ms["pandas"].failure:
        rows = compare_quarter(floor_csv, ms["pandas"].out_path, ["officer_id", "total", "grade", "reward"], "pandas", problems)
        log(f"  pandas peer: {rows} officers compared with the C floor")
    for label, *_ in binaries:
        for key in ("evaluate", "natural"):
            m = ms.get(f"{key}:{label}")
            if m and not m.failure:
                rows = compare_quarter(floor_csv, m.out_path, ["officer", "total", "grade", "reward_total"], f"{key} [{label}]", problems)
                log(f"  scorecard {key} [{label}]: {rows} officers compared with the C floor")
        m = ms.get(f"annual:{label}")
        if m and not m.failure:
            floors = [floor_csv]
            for seed in (2, 3, 4):
                path = os.path.join(paths["out"], f"c_floor-seed{seed}.csv")
                run_checked([tools[0], paths["tables"][seed], path], "the C floor", stdout=subprocess.DEVNULL)
                floors.append(path)
            compare_annual(floors, m.out_path, n, problems)
            log(f"  scorecard annual [{label}]: every officer's four quarters compared with the C floor")


def run_all(args):
    for tool in ("gcc",):
        if shutil.which(tool) is None:
            raise SetupError(f"{tool} is not installed")
    for need in ("gen_evidence.py", os.path.join("peers", "c_floor.c"), os.path.join("peers", "py_pandas.py")):
        if not os.path.exists(os.path.join(args.shared, need)):
            raise SetupError(f"{os.path.join(args.shared, need)} is missing; give --shared PATH (the folder with gen_evidence.py and peers/)")
    os.makedirs(args.scratch, exist_ok=True)
    tools = build_tools(args)
    python = None if "pandas" in args.skip else venv_python(args)
    binaries = scorecard_binaries(args)
    for label, path, has_output, *_ in binaries:
        log(f"scorecard [{label}]: {path}" + ("" if has_output else " (no -o: output redirected from standard output)"))
    problems, failures, report = [], [], {"machine": machine(), "sizes": {}, "fixed": {}}

    for n in args.officers:
        log(f"\n== {n} officers")
        paths = prepare_workload(n, args, need_year="annual" not in args.skip, need_natural="natural" not in args.skip)
        ms = quarter_measurements(n, paths, tools, python, binaries, args)
        log(f"running {len(ms)} measurements interleaved, {args.reps} round(s)")
        interleaved(list(ms.values()), args.reps, args)
        failures += [m.failure for m in ms.values() if m.failure]
        check_quarter_outputs(n, paths, tools, ms, binaries, problems)
        rows = quarter_rows(n, ms, binaries, args.reps)
        print_table(f"\n{n:,} officers — whole process, interleaved, median of {args.reps}; "
                    f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; scratch {os.path.join(args.scratch, f'n{n}')}", rows)
        report["sizes"][str(n)] = table_json(rows)

    fixed = {}
    if "demo" not in args.skip:
        log(f"\n== the demo quarter (rules/ + seeds/), {args.demo_reps} runs each")
        out = os.path.join(args.scratch, "demo")
        fixed["spawn"] = Measurement("spawn", "/bin/true", ["/bin/true"], None, out, False)
        for label, path, *_ in binaries:
            safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in label)
            fixed[f"demo:{label}"] = Measurement(f"demo-{safe}", f"scorecard evaluate, demo [{label}]",
                                                 [path, "evaluate", "--rules", os.path.join(REPO, "rules"), "--evidence", os.path.join(REPO, "seeds")],
                                                 os.path.join(out, f"demo-{safe}.txt"), out, True)
        group = [m for k, m in fixed.items()]
        interleaved(group, args.demo_reps, args, warmup=True)
    if "rules" not in args.skip:
        log(f"\n== rule loading: {args.rule_items} items in {rule_files_text(args)}, {args.rules_reps} runs each")
        out = os.path.join(args.scratch, "rules")
        big = os.path.join(args.scratch, f"rules-{args.rule_items}-items" + (".yaml" if args.rule_files == 1 else f"-{args.rule_files}-files"))
        cached(big, digest_of([LAYOUT, bundled_rules()], f"{args.rule_items} {args.rule_files}"),
               lambda: run_checked([sys.executable, LAYOUT, "bigrules", bundled_rules(), big, str(args.rule_items), str(args.rule_files)],
                                   "layout (big rules)"), args)
        big_files = [big] if args.rule_files == 1 else [os.path.join(big, f) for f in sorted(os.listdir(big)) if f.endswith(".yaml")]
        empty = os.path.join(args.scratch, "rules-evidence")
        os.makedirs(empty, exist_ok=True)
        with open(os.path.join(empty, "officers.csv"), "w", encoding="utf-8") as f:
            f.write("officer,name,unit,area\n")
        fixed["yaml_events"] = Measurement("yaml_events", "libyaml event parse", [tools[1]] + big_files, None, out, False)
        group = [fixed["yaml_events"]]
        for label, path, *_ in binaries:
            safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in label)
            # An evidence folder with an empty roster and no quarter: only the rules are read
            # (exit 0 with the warning evidence.no-quarters).
            fixed[f"rules:{label}"] = Measurement(f"rules-{safe}", f"scorecard check --rules [{label}]",
                                                  [path, "check", "--rules", big, "--evidence", empty, "--color", "never"], None, out, False)
            group.append(fixed[f"rules:{label}"])
        interleaved(group, args.rules_reps, args, warmup=True)
    if fixed:
        failures += [m.failure for m in fixed.values() if m.failure]
        rows = fixed_rows(fixed, binaries)
        parts = ([f"demo quarter median of {args.demo_reps}"] if "demo" not in args.skip else []) + \
                ([f"rule loading ({args.rule_items} items in {rule_files_text(args)}) median of {args.rules_reps}"] if "rules" not in args.skip else [])
        print_table(f"Start-up and rule loading — whole process, interleaved; load average {os.getloadavg()[0]:.1f}; " + ", ".join(parts), rows)
        report["fixed"] = table_json(rows)

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, ensure_ascii=False, indent=1)
    for failure in failures:
        print(f"FAILED: {failure}", flush=True)
    for problem in problems:
        print(f"MISMATCH: {problem}", flush=True)
    if failures or problems:
        print(f"\nThe benchmark FAILED: {len(failures)} failed run(s), {len(problems)} disagreement(s) with the C floor.", flush=True)
        return 1
    print("Every run succeeded; every officer's total, grade and reward agree with the C floor's.", flush=True)
    return 0


def rule_files_text(args):
    return "one file" if args.rule_files == 1 else f"{args.rule_files} item files + policy.yaml"


def table_json(rows):
    return [{"measurement": r.title,
             "wall_s": [round(w, 4) for w in r.m.walls] if r.m else None,
             "median_s": round(r.m.median, 4) if r.m and r.m.median is not None else None,
             "peak_rss_mib": round(r.m.rss_mib, 1) if r.m and r.m.samples else None,
             "ratio": r.ratio_text, "target": r.target, "met": r.met} for r in rows]


def machine():
    return {"cores": os.cpu_count(), "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024 ** 3, 1),
            "load": os.getloadavg(), "when": time.strftime("%Y-%m-%d %H:%M")}


def main(argv):
    args = parse_args(argv)
    os.chdir(REPO)
    try:
        return run_all(args)
    except SetupError as e:
        print(f"run.sh: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
