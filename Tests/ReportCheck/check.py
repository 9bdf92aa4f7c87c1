#!/usr/bin/env python3
"""Renders the demo's HTML reports in headless Chromium and checks them as a reader would.

For each report (the quarter, the year, the rules' revision, the candidates) it checks that
  * the page logs no console error and throws no script error,
  * no element sticks out of the box it sits in, on screen and in the A4 print layout,
  * every officer (or candidate) the report is about appears in the rendered text,
  * the PDF printed from it has a sensible number of A4 pages (counted with pdfinfo),
and writes a PNG of the page's top and the PDF to the output folder.

Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe), with only
Python's standard library. Usage: check.py SCORECARD_BINARY PACKAGE_ROOT OUTPUT_FOLDER [--docs FOLDER]
"""
import base64
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile


class Browser:
    """One headless Chromium, spoken to in JSON messages separated by NUL bytes on fds 3 and 4."""

    def __init__(self, executable, profile):
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        def wire():
            # Copies first, so that neither end is already 3 or 4: dup2 onto a different number
            # makes the copy inheritable, which the pipe's own ends are not.
            read_end, write_end = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             "--hide-scrollbars", "--mute-audio", "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire, close_fds=False)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def receive(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for(self, method):
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                del self.events[index]
                return event
        while True:
            event = self.receive()
            if event.get("method") == method:
                return event
            self.events.append(event)

    def open_page(self):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for domain in ["Page", "Runtime", "Log"]:
            self.send(f"{domain}.enable")

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except (RuntimeError, OSError):
            pass
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.to_child)
        os.close(self.from_child)


# Run inside the page: elements sticking out of their parent's box or cut inside their own,
# the page wider than the window, and which of the expected names the rendered text lacks.
IN_PAGE_CHECK = r"""
(function (expected) {
  var problems = [];
  function describe(el) {
    var text = (el.textContent || "").trim().slice(0, 40);
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && el.className.baseVal === undefined ? "." + el.className : "") + " “" + text + "”";
  }
  var all = document.querySelectorAll("body *");
  for (var i = 0; i < all.length; i++) {
    var el = all[i];
    if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
    var style = getComputedStyle(el);
    if (style.display === "none" || style.position === "fixed") continue;
    var box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    var parent = el.parentElement;
    if (parent && parent !== document.body) {
      var outer = parent.getBoundingClientRect();
      if (box.right > outer.right + 1 || box.left < outer.left - 1) {
        problems.push(describe(el) + " 超出 " + describe(parent) + "：" + Math.round(box.left) + "–" + Math.round(box.right) + " / " + Math.round(outer.left) + "–" + Math.round(outer.right));
      }
    }
    if (el.tagName.toLowerCase() !== "svg" && style.overflowX === "visible" && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
      problems.push(describe(el) + " 的内容比它宽：" + el.scrollWidth + " > " + el.clientWidth);
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    problems.push("页面比窗口宽：" + document.documentElement.scrollWidth + " > " + window.innerWidth);
  }
  var text = document.body.innerText;
  var missing = expected.filter(function (name) { return text.indexOf(name) < 0; });
  return JSON.stringify({overflow: problems.slice(0, 20), overflowCount: problems.length, missing: missing,
                         height: document.documentElement.scrollHeight});
})
"""


def run(binary, root, arguments):
    result = subprocess.run([binary] + arguments, cwd=root, capture_output=True)
    return result.returncode, result.stdout.decode("utf-8")


def csv_column(text, column):
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    return [row[column] for row in rows[1:] if len(row) > column]


def reports(binary, root):
    """Each report: name, the command, the exit codes it may have, who must appear, page bounds."""
    _, quarter_csv = run(binary, root, ["evaluate", "--format", "csv"])
    _, annual_csv = run(binary, root, ["annual", "--format", "csv"])
    _, candidates_csv = run(binary, root, ["eligibility", "--format", "csv"])
    _, diff_json = run(binary, root, ["diff", "rules", "rules/2025-07-01", "--format", "json"])
    changed = [change["name"] for change in (json.loads(diff_json).get("impact") or {}).get("changes", [])]
    quarter_names = csv_column(quarter_csv, 1)
    return [
        ("quarter", ["evaluate", "--format", "html"], {0}, quarter_names, (4, len(quarter_names) + 8)),
        ("annual", ["annual", "--format", "html"], {0}, csv_column(annual_csv, 2), (2, 12)),
        ("diff", ["diff", "rules", "rules/2025-07-01", "--format", "html"], {1}, changed, (2, 10)),
        ("eligibility", ["eligibility", "--format", "html"], {0}, csv_column(candidates_csv, 1), (1, 6)),
    ]


def console_problems(events):
    problems = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            problems.append("console." + params["type"] + ": " + " ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            problems.append("脚本出错：" + details.get("exception", {}).get("description", details.get("text", "")))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            problems.append(f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}".strip())
    return problems


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    pages = size = None
    for line in info.splitlines():
        if line.startswith("Pages:"):
            pages = int(line.split()[1])
        if line.startswith("Page size:"):
            size = line
    return pages, size


def check_report(browser, name, html_path, expected, bounds, output, docs):
    failures = []
    browser.events = []
    url = "file://" + os.path.abspath(html_path)
    # Screen: a desktop window.
    browser.send("Emulation.setEmulatedMedia", {"media": "screen"})
    browser.send("Emulation.setDeviceMetricsOverride", {"width": 1100, "height": 1400, "deviceScaleFactor": 1, "mobile": False})
    browser.send("Page.navigate", {"url": url})
    browser.wait_for("Page.loadEventFired")
    expression = IN_PAGE_CHECK + "(" + json.dumps(expected, ensure_ascii=False) + ")"
    screen = json.loads(browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})["result"]["value"])
    if screen["missing"]:
        failures.append("页面中找不到：" + "、".join(screen["missing"]))
    for problem in screen["overflow"]:
        failures.append("屏幕上 " + problem)
    if not expected:
        failures.append("没有要核对的人名（报告所依据的输出为空？）")
    shot = browser.send("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": 1100, "height": min(screen["height"], 1500), "scale": 0.75}})
    png = os.path.join(output, f"report-{name}.png")
    with open(png, "wb") as file:
        file.write(base64.b64decode(shot["data"]))
    if docs:
        shutil.copyfile(png, os.path.join(docs, f"report-{name}.png"))

    # Print: the A4 page's text width (210 mm less 12 mm each side, at 96 px per inch).
    browser.send("Emulation.setEmulatedMedia", {"media": "print"})
    browser.send("Emulation.setDeviceMetricsOverride", {"width": 703, "height": 1000, "deviceScaleFactor": 1, "mobile": False})
    printed = json.loads(browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})["result"]["value"])
    for problem in printed["overflow"]:
        failures.append("打印版面中 " + problem)
    browser.send("Emulation.clearDeviceMetricsOverride")
    pdf = browser.send("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True, "displayHeaderFooter": False})
    pdf_path = os.path.join(output, f"report-{name}.pdf")
    with open(pdf_path, "wb") as file:
        file.write(base64.b64decode(pdf["data"]))
    pages, size = pdf_pages(pdf_path)
    low, high = bounds
    if pages is None or not (low <= pages <= high):
        failures.append(f"PDF 有 {pages} 页，应在 {low}–{high} 页之间")
    if not size or "(A4)" not in size:
        failures.append(f"PDF 的纸张不是 A4：{size}")
    failures += console_problems(browser.events)
    return failures, pages


# A page with one of each fault, to show that the checks above can fail.
BROKEN_PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<style>.box { width: 200px; } .wide { white-space: nowrap; }</style></head>
<body><main><div class="box"><p class="wide">这是一段不会折行、比它所在的格子宽得多的很长很长很长很长的文字</p></div><p>田晓东</p></main>
<script>console.error("故意的错误"); notDefinedAnywhere();</script></body></html>
"""


def self_test(browser, output):
    """The checker finds every fault of the broken page: else its passing the reports means nothing."""
    path = os.path.join(output, "broken.html")
    with open(path, "w", encoding="utf-8") as file:
        file.write(BROKEN_PAGE)
    failures, _ = check_report(browser, "self-test", path, ["田晓东", "没有这个人"], (5, 9), output, None)
    wanted = {
        "a missing name, and only it": lambda f: f == "页面中找不到：没有这个人",
        "an overflow on screen": lambda f: f.startswith("屏幕上 ") and "比它宽" in f,
        "an overflow in print": lambda f: f.startswith("打印版面中 "),
        "a page count out of bounds": lambda f: f.startswith("PDF 有 1 页"),
        "a paper size other than A4": lambda f: f.startswith("PDF 的纸张不是 A4"),
        "console.error": lambda f: f.startswith("console.error: 故意的错误"),
        "an uncaught exception": lambda f: f.startswith("脚本出错：ReferenceError"),
    }
    return [what for what, found in wanted.items() if not any(found(f) for f in failures)]


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    binary, root, output = sys.argv[1:4]
    docs = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--docs" else None
    os.makedirs(output, exist_ok=True)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium:
        print("report check: chromium not found (apt-get install chromium fonts-noto-cjk poppler-utils)")
        return 1
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="report-check-") as profile:
        browser = Browser(chromium, profile)
        try:
            browser.open_page()
            missed = self_test(browser, output)
            if missed:
                failed += 1
                print("FAIL self-test: the checker did not notice " + ", ".join(missed))
            else:
                passed += 1
                print("ok   self-test: a broken page fails every check")
            for name, arguments, codes, expected, bounds in reports(binary, root):
                status, html = run(binary, root, arguments)
                html_path = os.path.join(output, f"report-{name}.html")
                with open(html_path, "w", encoding="utf-8") as file:
                    file.write(html)
                failures = [] if status in codes else [f"scorecard {' '.join(arguments)} 退出码 {status}"]
                more, pages = check_report(browser, name, html_path, expected, bounds, output, docs)
                failures += more
                if failures:
                    failed += 1
                    print(f"FAIL {name}: {' '.join(arguments)}")
                    for failure in failures:
                        print(f"     {failure}")
                else:
                    passed += 1
                    print(f"ok   {name}: {len(expected)} 人都在页面上，无控制台错误，无溢出，PDF {pages} 页 A4")
        finally:
            browser.close()
    print(f"report check: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
