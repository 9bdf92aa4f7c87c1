#!/usr/bin/env python3
"""Seed corpora for the fuzz harnesses, made from the project's own files so they follow the
rules, evidence and docs as these change: rules/, seeds/, docs/ and the workbooks under
Tests/Fixtures/xlsx. Writes one folder per harness under OUT.

    python3 Tests/Fuzz/seeds.py OUT
"""

import glob
import hashlib
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def write(out, target, data):
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def rule_folders():
    folders = [os.path.join(ROOT, "rules")]
    folders += sorted(d for d in glob.glob(os.path.join(ROOT, "rules", "*")) if os.path.isdir(d))
    return folders


def yaml_blocks(text):
    return re.findall(r"```yaml\n(.*?)```", text, flags=re.S)


def main():
    out = sys.argv[1]
    docs = [read(p).decode("utf-8") for p in sorted(glob.glob(os.path.join(ROOT, "docs", "*.md")))]

    # YAML: every rule file, and every YAML example in the docs.
    for folder in rule_folders():
        for path in sorted(glob.glob(os.path.join(folder, "*.yaml"))):
            write(out, "yaml", read(path))
    for text in docs:
        for block in yaml_blocks(text):
            write(out, "yaml", block.encode("utf-8"))

    # Rules end to end: each version folder as its files joined by NUL, and each docs example alone.
    for folder in rule_folders():
        files = [read(p) for p in sorted(glob.glob(os.path.join(folder, "*.yaml")))]
        write(out, "rules", b"\0".join(files))
    for text in docs:
        for block in yaml_blocks(text):
            write(out, "rules", block.encode("utf-8"))

    # Expressions: the formulas, conditions and amounts of the rules and of the docs' examples.
    pattern = re.compile(r"^\s*-?\s*(?:formula|require|when|amount|score)\s*:\s*(.+?)\s*$", re.M)
    sources = [read(p).decode("utf-8") for folder in rule_folders() for p in glob.glob(os.path.join(folder, "*.yaml"))]
    sources += [block for text in docs for block in yaml_blocks(text)]
    for source in sources:
        for expression in pattern.findall(source):
            expression = expression.split(" #")[0].strip()
            if len(expression) > 1 and expression[0] == expression[-1] and expression[0] in "\"'":
                expression = expression[1:-1]
            if expression and not expression.startswith(("{", "[", "|", ">")):
                write(out, "expression", expression.encode("utf-8"))

    # CSV: the demo's files (their first 4 KiB), each under a few chunk sizes, encodings and limits
    # (the harness's first two bytes, see Sources/FuzzCSV/main.swift).
    for path in sorted(glob.glob(os.path.join(ROOT, "seeds", "**", "*.csv"), recursive=True)):
        body = read(path)[:4096]
        for prefix in (b"\x00\x00", b"\x06\x01", b"\xff\x02", b"\x02\x80", b"\xff\x81"):
            write(out, "csv", prefix + body)

    # Workbooks: the fixtures as they are, and their parts for the harness to zip itself.
    parts = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
             "xl/styles.xml", "xl/worksheets/sheet2.xml"]
    for path in sorted(glob.glob(os.path.join(ROOT, "Tests", "Fixtures", "xlsx", "*.xlsx"))):
        write(out, "xlsx", read(path))
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            write(out, "xlsx", b"\0".join(archive.read(name) if name in names else b"" for name in parts))


if __name__ == "__main__":
    main()
