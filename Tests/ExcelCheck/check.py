#!/usr/bin/env python3
"""Checks scorecard's Excel files against independent readers and writers.

  * Excel out: the workbooks of `evaluate --format xlsx` and `annual --format xlsx` opened with
    openpyxl and pandas.read_excel hold the same values as `--format json`, with a frozen header
    row and numbers as numbers shown with two decimals; LibreOffice's export of each sheet as it
    is shown matches `--format csv --headers zh`, cell for cell.
  * Excel in: the demo's evidence (every quarter's records and suggestions, the roster, the
    candidates) saved by openpyxl as .xlsx workbooks (shared strings, deflated, real dates, numbers)
    evaluates exactly like the CSV files.
  * The template: `template --format xlsx` opens in openpyxl with a drop-down for every choice
    field, a range for every score and the id column formatted as text.

Needs openpyxl and pandas (pip) and LibreOffice (`apt-get install libreoffice-calc`); run by
Tests/ExcelCheck/check.sh, which sets up a virtual environment. Not part of CI (LibreOffice is
large); run it after changing the Excel code.
Usage: check.py SCORECARD_BINARY PACKAGE_ROOT
"""
import csv
import datetime
import decimal
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl
import pandas

failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)
    return condition


def run(binary, cwd, *arguments, ok=(0,)):
    result = subprocess.run([binary, *arguments], cwd=cwd, capture_output=True)
    expect(result.returncode in ok, f"scorecard {' '.join(arguments)}: exit {result.returncode}: {result.stderr.decode()[-500:]}")
    return result.stdout


def read_csv_text(path):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    return list(csv.reader(io.StringIO(text)))


def dec(value):
    return decimal.Decimal(str(value)) if value is not None else None


def libreoffice_sheets(path, folder):
    """Every sheet exported as shown (formatted), UTF-8: {sheet: rows}."""
    subprocess.run(["libreoffice", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                    "--outdir", folder, path], capture_output=True, check=True, timeout=300)
    stem = os.path.splitext(os.path.basename(path))[0]
    sheets = {}
    for name in os.listdir(folder):
        if name.startswith(stem + "-") and name.endswith(".csv"):
            with open(os.path.join(folder, name), encoding="utf-8") as file:
                sheets[name[len(stem) + 1:-4]] = list(csv.reader(file))
    return sheets


def check_quarter_workbook(binary, root, work):
    path = os.path.join(work, "q.xlsx")
    run(binary, root, "evaluate", "--format", "xlsx", "-o", path)
    document = json.loads(run(binary, root, "evaluate", "--format", "json"), parse_float=decimal.Decimal)
    book = openpyxl.load_workbook(path)
    expect(book.sheetnames == ["考核结果", "奖励明细", "按单位", "按汇报对象", "按经费"], f"quarter sheets: {book.sheetnames}")
    sheet = book["考核结果"]
    expect(sheet.freeze_panes == "A2", f"frozen pane: {sheet.freeze_panes}")
    expect(all(cell.font.b for cell in sheet[1]), "header row bold")
    header = [cell.value for cell in sheet[1]]
    expect(header[:5] == ["工号", "姓名", "单位", "班次", "汇报对象"] and "总分" in header and "等级" in header and header[-1] == "奖励合计",
           f"quarter header: {header}")
    rows = list(sheet.iter_rows(min_row=2, values_only=False))
    expect(len(rows) == len(document["officers"]), "one row per officer")
    for row, officer in zip(rows, document["officers"]):
        values = [cell.value for cell in row]
        expect(values[0] == officer["officer"] and row[0].data_type == "s", f"id as text: {values[0]}")
        expect(values[1] == officer["name"], f"name {values[1]}")
        for item, cell in zip(officer["items"], row[5:5 + len(officer["items"])]):
            expect(dec(cell.value) == item["score"], f"{officer['officer']} {item['id']}: {cell.value} ≠ {item['score']}")
            expect(cell.number_format == "0.00", f"number format {cell.number_format}")
            expect(isinstance(cell.value, (int, float)), f"a number, not text: {cell.value!r}")
        total = row[header.index("总分")]
        expect(dec(total.value) == officer["total"], f"{officer['officer']} total {total.value} ≠ {officer['total']}")
        expect(values[header.index("等级")] == officer["grade"], "grade")
        expect(dec(values[-1]) == officer["reward_total"], f"reward {values[-1]} ≠ {officer['reward_total']}")
    units = list(book["按单位"].iter_rows(min_row=2, values_only=True))
    expect([(u[0], u[1], dec(u[2]), dec(u[3])) for u in units]
           == [(u["unit"], u["officers"], u["average"], u["reward"]) for u in document["units"]], "per unit")
    funds = list(book["按经费"].iter_rows(min_row=2, values_only=True))
    expect([(f[0], dec(f[1])) for f in funds] == [(f["name"], f["amount"]) for f in document["funds"]], "per fund")
    # pandas reads the same numbers.
    frames = pandas.read_excel(path, sheet_name=None, dtype={"工号": str})
    frame = frames["考核结果"]
    expect(list(frame["工号"]) == [o["officer"] for o in document["officers"]], "pandas ids")
    expect([dec(round(v, 2)) for v in frame["总分"]] == [o["total"] for o in document["officers"]], "pandas totals")
    expect(frames["按经费"]["金额"].sum() == float(document["reward_total"]), "pandas fund sum")
    # LibreOffice shows what the CSV says, cell for cell (the workbook has the manager column besides).
    zh = read_csv_from_bytes(run(binary, root, "evaluate", "--format", "csv", "--headers", "zh"))
    shown = libreoffice_sheets(path, os.path.join(work, "lo-quarter"))
    results = [row[:4] + row[5:] for row in shown.get("考核结果", [])]
    expect(results == zh, "LibreOffice's 考核结果 differs from the CSV:\n" + "\n".join(
        f"  {a} | {b}" for a, b in zip(results, zh) if a != b))


def read_csv_from_bytes(data):
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def check_annual_workbook(binary, root, work):
    path = os.path.join(work, "y.xlsx")
    run(binary, root, "annual", "--format", "xlsx", "-o", path)
    document = json.loads(run(binary, root, "annual", "--format", "json"), parse_float=decimal.Decimal)
    book = openpyxl.load_workbook(path)
    expect(book.sheetnames == ["年度排名", "年终奖励", "按单位", "按汇报对象", "按经费"], f"annual sheets: {book.sheetnames}")
    sheet = book["年度排名"]
    expect(sheet.freeze_panes == "A2", "annual frozen pane")
    header = [cell.value for cell in sheet[1]]
    for row, officer in zip(sheet.iter_rows(min_row=2, values_only=True), document["officers"]):
        expect(row[1] == officer["officer"] and row[0] == officer["rank"], f"annual rank/id {row[:2]}")
        expect(dec(row[header.index("年度成绩")]) == officer["annual_total"], f"annual total {officer['officer']}")
        expect(dec(row[header.index("奖励合计")]) == officer["reward_total"], f"annual reward {officer['officer']}")
    excellent = [o for o in document["officers"] if o["excellent"]]
    rewards = list(book["年终奖励"].iter_rows(min_row=2, values_only=True))
    expect([(r[2], dec(r[6])) for r in rewards] == [(o["name"], o["year_end_reward"]) for o in excellent], "year-end rewards")
    frame = pandas.read_excel(path, sheet_name="按经费")
    expect(abs(frame["合计"].sum() - float(document["reward_total"])) < 1e-9, "pandas annual funds")
    zh = read_csv_from_bytes(run(binary, root, "annual", "--format", "csv", "--headers", "zh"))
    shown = libreoffice_sheets(path, os.path.join(work, "lo-annual"))
    ranking = [row[:14] + row[15:] for row in shown.get("年度排名", [])]  # without 说明
    expect(ranking == zh, "LibreOffice's 年度排名 differs from the CSV:\n" + "\n".join(
        f"  {a} | {b}" for a, b in zip(ranking, zh) if a != b))


def to_workbook(csv_paths_and_sheets, target, date_columns=(), number_columns=None):
    """CSV files saved by openpyxl as one workbook: numbers as numbers, dates as dates, ids as text."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for path, sheet_name in csv_paths_and_sheets:
        sheet = book.create_sheet(sheet_name)
        rows = read_csv_text(path)
        for r, row in enumerate(rows, start=1):
            for c, text in enumerate(row, start=1):
                title = rows[0][c - 1]
                value = text
                if r > 1 and text != "":
                    if title in date_columns:
                        value = datetime.datetime.strptime(text.replace("/", "-"), "%Y-%m-%d")
                    elif number_columns(title, text):
                        value = float(text) if "." in text else int(text)
                cell = sheet.cell(row=r, column=c, value=value)
                if isinstance(value, datetime.datetime):
                    cell.number_format = "yyyy/m/d"
    book.save(target)


def is_number_column(title, text):
    if title in ("officer", "工号", "candidate", "候选人编号", "name", "姓名"):
        return False
    try:
        float(text)
        return True
    except ValueError:
        return False


def check_evidence_from_workbooks(binary, root, work):
    csv_copy = os.path.join(work, "csv")
    xlsx_copy = os.path.join(work, "xlsx")
    for copy in (csv_copy, xlsx_copy):
        shutil.copytree(os.path.join(root, "rules"), os.path.join(copy, "rules"))
        shutil.copytree(os.path.join(root, "seeds"), os.path.join(copy, "seeds"), ignore=shutil.ignore_patterns("results"))
    seeds = os.path.join(xlsx_copy, "seeds")
    quarters = sorted(name for name in os.listdir(seeds) if os.path.isdir(os.path.join(seeds, name)) and "Q" in name)
    for quarter in quarters:
        folder = os.path.join(seeds, quarter)
        parts = [(os.path.join(folder, "scores.csv"), "考核记录")]
        if os.path.exists(os.path.join(folder, "suggestions.csv")):
            parts.append((os.path.join(folder, "suggestions.csv"), "采纳建议"))
        to_workbook(parts, os.path.join(folder, "scores.xlsx"), date_columns=("date", "采纳日期"), number_columns=is_number_column)
        for path, _ in parts:
            os.remove(path)
    to_workbook([(os.path.join(seeds, "officers.csv"), "联系员名册")], os.path.join(seeds, "officers.xlsx"),
                date_columns=("trained_on", "from", "until"), number_columns=lambda title, text: False)
    to_workbook([(os.path.join(seeds, "candidates.csv"), "候选人名单")], os.path.join(seeds, "candidates.xlsx"),
                number_columns=is_number_column)
    os.remove(os.path.join(seeds, "officers.csv"))
    os.remove(os.path.join(seeds, "candidates.csv"))
    def numbers(data):
        # A workbook stores 5.0 as the number 5: an assessor's `raw` score is compared as a number.
        return json.loads(data, parse_float=decimal.Decimal, parse_int=decimal.Decimal)
    for quarter in quarters:
        a = run(binary, csv_copy, "evaluate", "--quarter", quarter, "--format", "json")
        b = run(binary, xlsx_copy, "evaluate", "--quarter", quarter, "--format", "json")
        expect(numbers(a) == numbers(b) and len(a) > 1000, f"{quarter}: the workbook evaluates differently from the CSV")
        expect(run(binary, csv_copy, "evaluate", "--quarter", quarter, "--format", "csv")
               == run(binary, xlsx_copy, "evaluate", "--quarter", quarter, "--format", "csv"), f"{quarter}: the results' CSV differs")
    expect(run(binary, csv_copy, "annual", "--format", "json") == run(binary, xlsx_copy, "annual", "--format", "json"),
           "annual: the workbooks give another year")
    a = json.loads(run(binary, csv_copy, "eligibility", "--format", "json"))
    b = json.loads(run(binary, xlsx_copy, "eligibility", "--format", "json"))
    a.pop("file"), b.pop("file")
    expect(a == b, "eligibility: the candidates workbook is judged differently")
    check = subprocess.run([binary, "check"], cwd=xlsx_copy, capture_output=True, text=True)
    expect(check.returncode == 0, "check on the workbooks: " + check.stderr[-400:])
    # A mistake in a cell is placed at the cell, Excel's way.
    book = openpyxl.load_workbook(os.path.join(seeds, "2025-Q1", "scores.xlsx"))
    book["考核记录"]["C3"] = 5.5
    book.save(os.path.join(seeds, "2025-Q1", "scores.xlsx"))
    broken = subprocess.run([binary, "evaluate", "--quarter", "2025-Q1"], cwd=xlsx_copy, capture_output=True, text=True)
    expect(broken.returncode == 1 and "seeds/2025-Q1/scores.xlsx:考核记录!C3: 错误[evidence.bad-value]" in broken.stderr,
           "a bad cell is reported at its place: " + broken.stderr[:400])


def check_template(binary, root, work):
    path = os.path.join(work, "template.xlsx")
    run(binary, root, "template", "--quarter", "2026-Q1", "--format", "xlsx", "-o", path)
    book = openpyxl.load_workbook(path)
    records = book[book.sheetnames[0]]
    expect(records.freeze_panes == "A2", "template frozen pane")
    header = [cell.value for cell in records[1]]
    expect(header[:2] == ["工号", "姓名"], f"template header {header[:4]}")
    validations = records.data_validations.dataValidation
    lists = [v for v in validations if v.type == "list"]
    ranges = [v for v in validations if v.type in ("decimal", "whole")]
    expect(len(ranges) >= 17, f"a range for every score: {len(ranges)}")
    expect(all(cell.number_format == "@" for cell in records["A"][1:]), "id column as text")
    if len(book.sheetnames) > 1:
        suggestions = book[book.sheetnames[1]]
        lists += [v for v in suggestions.data_validations.dataValidation if v.type == "list"]
    expect(any('"矿,区队"' == v.formula1 for v in lists), f"a drop-down for the level: {[v.formula1 for v in lists]}")
    expect(records.max_row >= 2, "a row per officer")
    # Filled in as an assessor would (in openpyxl), the template is the quarter's evidence.
    copy = os.path.join(work, "filled")
    shutil.copytree(os.path.join(root, "rules"), os.path.join(copy, "rules"))
    shutil.copytree(os.path.join(root, "seeds"), os.path.join(copy, "seeds"), ignore=shutil.ignore_patterns("results"))
    folder = os.path.join(copy, "seeds", "2025-Q4")
    scores, suggestions = read_csv_text(os.path.join(folder, "scores.csv")), read_csv_text(os.path.join(folder, "suggestions.csv"))
    os.remove(os.path.join(folder, "scores.csv"))
    os.remove(os.path.join(folder, "suggestions.csv"))
    target = os.path.join(folder, "scores.xlsx")
    run(binary, copy, "template", "--quarter", "2025-Q4", "-o", target)
    book = openpyxl.load_workbook(target)
    sheet = book["考核记录"]
    header = [cell.value for cell in sheet[1]]
    by_officer = {row[0]: dict(zip(scores[0], row)) for row in scores[1:]}
    for row in sheet.iter_rows(min_row=2):
        values = by_officer[row[0].value]
        for cell, title in zip(row[2:], header[2:]):
            text = values.get(title, "")
            if text != "":
                cell.value = float(text) if "." in text else int(text)
    listed = book["采纳建议"]
    for r, row in enumerate(suggestions[1:], start=2):
        listed.cell(row=r, column=1, value=row[0])
        listed.cell(row=r, column=2, value=datetime.datetime.strptime(row[1], "%Y-%m-%d")).number_format = "yyyy-mm-dd"
        listed.cell(row=r, column=3, value=row[2])
        listed.cell(row=r, column=4, value=row[3])
    book.save(target)
    expect(run(binary, copy, "evaluate", "--quarter", "2025-Q4", "--format", "csv")
           == run(binary, root, "evaluate", "--quarter", "2025-Q4", "--format", "csv"), "the filled template evaluates like the CSV")
    shown = libreoffice_sheets(path, os.path.join(work, "lo-template"))
    expect(shown.get("考核记录", [[]])[0][:2] == ["工号", "姓名"], "LibreOffice opens the template")


def main():
    binary, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory(prefix="excel-check-") as work:
        for name, step in [("quarter workbook", check_quarter_workbook), ("annual workbook", check_annual_workbook),
                           ("evidence from workbooks", check_evidence_from_workbooks), ("template", check_template)]:
            before = len(failures)
            step(binary, root, work)
            print(("ok   " if len(failures) == before else "FAIL ") + name)
            for failure in failures[before:]:
                print("     " + failure)
    print(f"excel check: {'0 failed' if not failures else str(len(failures)) + ' problems'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
