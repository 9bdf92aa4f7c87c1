#!/usr/bin/env python3
"""Makes the workbooks the Swift tests read, from the demo's CSV files, the way people make them:
openpyxl (shared strings, deflated, dates as dates, numbers as numbers) and LibreOffice (its own
styles and layout). Run from the package root with openpyxl installed and LibreOffice present:
    python3 Tests/Fixtures/xlsx/make.py
"""
import csv
import datetime
import os
import shutil
import subprocess
import tempfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.join(HERE, "..", "..", "..", "seeds")


def rows(path):
    with open(path, encoding="utf-8-sig") as file:
        return list(csv.reader(file))


def typed(title, text, dates):
    if text == "" or title in ("officer", "工号", "name", "姓名", "title", "建议内容"):
        return text
    if title in dates:
        return datetime.datetime.strptime(text.replace("/", "-"), "%Y-%m-%d")
    try:
        return int(text) if text.lstrip("-").isdigit() else float(text)
    except ValueError:
        return text


def sheet_from(book, name, table, dates=()):
    sheet = book.create_sheet(name)
    for r, row in enumerate(table, start=1):
        for c, text in enumerate(row, start=1):
            value = text if r == 1 else typed(table[0][c - 1], text, dates)
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, datetime.datetime):
                cell.number_format = "yyyy/m/d"
    return sheet


def quarter_book(mutate=None):
    book = openpyxl.Workbook()
    book.remove(book.active)
    scores = sheet_from(book, "考核记录", rows(os.path.join(SEEDS, "2025-Q1", "scores.csv")))
    suggestions = sheet_from(book, "采纳建议", rows(os.path.join(SEEDS, "2025-Q1", "suggestions.csv")), dates=("date",))
    if mutate:
        mutate(scores, suggestions)
    return book


def broken(scores, suggestions):
    scores["C3"] = 5.5                 # i02 of 10247 over the item's 5 points
    scores["T4"] = "12次"              # reports_on_time of 10258 not a number
    scores["A5"] = "10264"             # an officer not on the roster (10263 was meant)
    scores["E6"] = None                # i04 of 10312 left empty
    suggestions["B3"] = datetime.datetime(2025, 4, 2)   # a date outside 2025-Q1
    suggestions["B3"].number_format = "yyyy-mm-dd"
    suggestions["C4"] = "矿级"         # not one of the levels


def main():
    quarter_book().save(os.path.join(HERE, "2025-Q1-openpyxl.xlsx"))
    quarter_book(broken).save(os.path.join(HERE, "2025-Q1-broken.xlsx"))
    roster = openpyxl.Workbook()
    roster.remove(roster.active)
    sheet_from(roster, "联系员名册", rows(os.path.join(SEEDS, "officers.csv")), dates=("trained_on", "from", "until"))
    roster.save(os.path.join(HERE, "officers-openpyxl.xlsx"))
    # LibreOffice's own save of the same quarter.
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "2025-Q1-libreoffice.xlsx")
        shutil.copyfile(os.path.join(HERE, "2025-Q1-openpyxl.xlsx"), source)
        out = os.path.join(work, "out")
        subprocess.run(["libreoffice", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, source],
                       check=True, capture_output=True, timeout=300)
        shutil.copyfile(os.path.join(out, "2025-Q1-libreoffice.xlsx"), os.path.join(HERE, "2025-Q1-libreoffice.xlsx"))


if __name__ == "__main__":
    main()
