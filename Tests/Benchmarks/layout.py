#!/usr/bin/env python3
"""Turns the benchmark workload (the generator's one-table CSV, see WORKLOAD.md) into the
project's rules and evidence layout.

Three layouts, each a rules folder plus an evidence folder:

  counted  the workload as written: two counted fields adopted_mine and adopted_district in
           scores.csv, the reward as the formula 30 * adopted_mine + 5 * adopted_district.
  natural  the bundled per-record reward (矿 30, 区队 5 per suggestion) over a suggestions.csv
           with one row per adopted suggestion, as many of each level as the counted fields say,
           so that every officer's reward is the same as in the counted layout.
  year     the counted rules over four quarters 2025-Q1..Q4, one generated table each.

Rules: a copy of the bundled base version (the .yaml files directly in rules/, no version
subfolder, so the one version applies to every quarter) with the edits the layout needs.

Roster: one officer per area is the bundled roster rule; the generator gives 32 unit+shift areas
shared by many officers, so the roster makes every area unique (the generated shift followed by
the officer's number, in the generated unit) and keeps the roster section: `check` still checks
overlaps, selection and training for every officer.

Usage (the benchmark's run.sh calls these):
  layout.py rules counted|natural BUNDLED_RULES OUT_DIR
  layout.py evidence counted|natural GENERATED_CSV OUT_DIR QUARTER [--roster]
  layout.py bigrules BUNDLED_RULES OUT ITEMS [FILES]
"""
import os
import sys

# The generator's assessed columns and the bundled items they stand for.
ASSESSED = ["s1", "s2", "s3", "s4", "s5", "s6", "s9", "s10", "s11", "s13", "s14", "s15",
            "s17", "s18", "s19", "s20", "s12"]
COUNTS = ["reports_due", "reports_on_time", "incidents", "incidents_reported_timely",
          "violations", "meetings_held", "meetings_attended"]
ADOPTED = ["adopted_mine", "adopted_district"]
GENERATED = ["officer_id", "area"] + ASSESSED + COUNTS + ADOPTED

ROSTER_HEADER = "officer,name,unit,area,manager_role,manager,selection,reason,trained_on,from,until\n"
SHIFT_LENGTH = 2  # the generator's shifts: 甲班 乙班 丙班 丁班


def item_id(column):
    return "i%02d" % int(column[1:])


def fail(message):
    sys.exit(f"layout.py: {message}")


def replace_once(text, old, new, file):
    if text.count(old) != 1:
        fail(f"{file}: expected exactly one “{old.strip()}”; the bundled rules changed, adapt layout.py")
    return text.replace(old, new)


def base_rule_files(bundled):
    names = sorted(n for n in os.listdir(bundled) if n.endswith((".yaml", ".yml")) and not n.startswith("."))
    if not names:
        fail(f"no rule files in {bundled}")
    return names


COUNTED_FIELDS = """\
    - id: adopted_mine
      name: 矿采纳建议条数
      type: integer
      min: 0
      max: 100
      default: 0
      description: 本季度被矿采纳的建议条数（基准测试用：以计数代替明细）
      clause: "2.3.1"

    - id: adopted_district
      name: 区队采纳建议条数
      type: integer
      min: 0
      max: 100
      default: 0
      description: 本季度被区队采纳的建议条数（基准测试用：以计数代替明细）
      clause: "2.3.1"

"""

COUNTED_REWARD = """\
# 政工联系员的待遇（条款 2.3）；基准测试用：按计数字段以公式计奖，与按条计奖的金额相同。

rewards:
  - id: adopted_suggestions
    title: 建议采纳奖励
    clause: "2.3.1"
    fund: party_building
    formula: 30 * adopted_mine + 5 * adopted_district
"""


def write_rules(kind, bundled, out):
    """The bundled base version, adapted for the counted layout or unchanged for the natural one."""
    os.makedirs(out, exist_ok=True)
    for stale in os.listdir(out):
        os.remove(os.path.join(out, stale))
    for name in base_rule_files(bundled):
        with open(os.path.join(bundled, name), encoding="utf-8") as f:
            text = f.read()
        if kind == "counted" and name == "evidence.yaml":
            # The counted fields instead of the suggestions list (no suggestions.csv is read).
            start, end = text.find("\n  lists:\n"), text.find("\n  checks:\n")
            if start < 0 or end < start:
                fail(f"{name}: no lists: … checks: sections; the bundled rules changed, adapt layout.py")
            text = text[:start + 1] + COUNTED_FIELDS + text[end + 1:]
        elif kind == "counted" and name == "rewards.yaml":
            if text.count("per_record:") != 1:
                fail(f"{name}: expected the one per-record reward; the bundled rules changed, adapt layout.py")
            text = COUNTED_REWARD
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(text)


def read_generated(path):
    f = open(path, encoding="utf-8", newline="")
    header = f.readline().rstrip("\n").split(",")
    if header != GENERATED:
        fail(f"{path}: unexpected columns {header}; expected {GENERATED}")
    return f


def write_roster(generated, out_csv):
    with read_generated(generated) as f, open(out_csv, "w", encoding="utf-8", newline="") as o:
        o.write(ROSTER_HEADER)
        buf = []
        for line in f:
            officer, area, _ = line.split(",", 2)
            unit, shift = area[:-SHIFT_LENGTH], area[-SHIFT_LENGTH:]
            number = officer[1:]
            buf.append(f"{officer},联系员{number},{unit},{shift}{number},班组长,{unit}{shift}班组长,"
                       f"选举,,2021-10-14,2021-10-18,\n")
            if len(buf) >= 10000:
                o.writelines(buf)
                buf.clear()
        o.writelines(buf)


def quarter_date(quarter):
    """A day inside the quarter, for the suggestions' adoption date (within_quarter)."""
    year, q = quarter.split("-Q")
    return f"{year}-{3 * int(q) - 1:02d}-15"


def write_scores(kind, generated, quarter_dir, quarter):
    """scores.csv with the project's headers (the area is the roster's, not a score column); for
    the natural layout also suggestions.csv, one row per adopted suggestion."""
    os.makedirs(quarter_dir, exist_ok=True)
    columns = ["officer"] + [item_id(c) for c in ASSESSED] + COUNTS + (ADOPTED if kind == "counted" else [])
    date = quarter_date(quarter)
    suggestions = open(os.path.join(quarter_dir, "suggestions.csv"), "w", encoding="utf-8", newline="") if kind == "natural" else None
    with read_generated(generated) as f, open(os.path.join(quarter_dir, "scores.csv"), "w", encoding="utf-8", newline="") as o:
        o.write(",".join(columns) + "\n")
        if suggestions:
            suggestions.write("officer,date,level,title\n")
        rows, lists = [], []
        for line in f:
            officer, _, rest = line.split(",", 2)
            if kind == "counted":
                rows.append(officer + "," + rest)
            else:
                scores, mine, district = rest.rsplit(",", 2)
                rows.append(officer + "," + scores + "\n")
                for n in range(int(mine)):
                    lists.append(f"{officer},{date},矿,{officer}的建议{n + 1}\n")
                for n in range(int(district)):
                    lists.append(f"{officer},{date},区队,{officer}的建议{int(mine) + n + 1}\n")
            if len(rows) >= 10000:
                o.writelines(rows)
                rows.clear()
                if suggestions:
                    suggestions.writelines(lists)
                    lists.clear()
        o.writelines(rows)
        if suggestions:
            suggestions.writelines(lists)
            suggestions.close()


def write_big_rules(bundled, out, count, files):
    """COUNT items: the bundled base version with its twenty items repeated (ids i01_00001 …),
    the total and the grade bands scaled to match. FILES == 1: one file OUT with everything;
    otherwise a folder OUT with policy.yaml (every other section) and FILES item files."""
    texts = {n: open(os.path.join(bundled, n), encoding="utf-8").read() for n in base_rule_files(bundled)}
    items_text = texts.pop("items.yaml", None)
    if items_text is None or "\nitems:\n" not in items_text:
        fail("no items: section in the bundled items.yaml")
    blocks = ["  - id: " + b for b in items_text.split("\nitems:\n", 1)[1].split("  - id: ")[1:]]
    if len(blocks) != 20:
        fail(f"items.yaml: expected 20 items, found {len(blocks)}")
    rounds = (count + len(blocks) - 1) // len(blocks)
    points = 5  # every bundled item is worth 5 points
    total = points * rounds * len(blocks)
    scale = total // 100
    policy = replace_once(texts["policy.yaml"], "  total: 100 ", f"  total: {total} ", "policy.yaml")
    for low in (90, 75, 60):
        policy = policy.replace(f"min: {low}\n", f"min: {low * scale}\n").replace(f"below: {low}\n", f"below: {low * scale}\n")
    texts["policy.yaml"] = policy
    note = (f"# Generated for the rule-loading benchmark: the bundled base version, its twenty items\n"
            f"# repeated to {rounds * len(blocks)}, the total {total} and the grade bands scaled to match.\n\n")
    sections = note + "".join(f"# ---- {name}\n{texts[name]}\n" for name in sorted(texts))
    items = []
    for r in range(rounds):
        for b in blocks:
            first, rest = b.split("\n", 1)
            items.append(f"{first}_{r + 1:05d}\n{rest}" + ("" if rest.endswith("\n\n") else "\n"))
    if files <= 1:
        with open(out, "w", encoding="utf-8") as f:
            f.write(sections + "items:\n" + "".join(items))
        return
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "policy.yaml"), "w", encoding="utf-8") as f:
        f.write(sections)
    per_file = (len(items) + files - 1) // files
    for k in range(files):
        with open(os.path.join(out, f"items-{k + 1:02d}.yaml"), "w", encoding="utf-8") as f:
            f.write(note + "items:\n" + "".join(items[k * per_file:(k + 1) * per_file]))


def main(argv):
    if len(argv) >= 4 and argv[0] == "rules" and argv[1] in ("counted", "natural"):
        write_rules(argv[1], argv[2], argv[3])
    elif len(argv) >= 5 and argv[0] == "evidence" and argv[1] in ("counted", "natural"):
        kind, generated, out, quarter = argv[1:5]
        os.makedirs(out, exist_ok=True)
        if "--roster" in argv[5:]:
            write_roster(generated, os.path.join(out, "officers.csv"))
        write_scores(kind, generated, os.path.join(out, quarter), quarter)
    elif len(argv) in (4, 5) and argv[0] == "bigrules":
        write_big_rules(argv[1], argv[2], int(argv[3]), int(argv[4]) if len(argv) == 5 else 1)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
