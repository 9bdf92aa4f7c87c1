import ScorecardBase

/// One self-contained HTML page: the styles and the few lines of script are inside it, fonts
/// are the reader's own (CJK families named, no download), charts are inline SVG. It opens
/// in any browser without a network and prints on A4: sections start on a new page, table
/// headers repeat on every page, rows and officers' cards are not split.
struct HTMLPage {
    var title: String
    /// The page's body, built with `HTMLWriter`.
    var body: String

    func rendered() -> String { Self.head(title: title) + body + Self.tail }

    /// The page up to its body's content.
    static func head(title: String) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"scorecard \(HTMLEscaping.escaped(ScorecardVersion.current))\">\n"
        out += "<title>\(HTMLEscaping.escaped(title))</title>\n<style>\n\(Self.style)</style>\n</head>\n<body>\n<main>\n"
        return out
    }

    /// The page after its body's content.
    static var tail: String { "</main>\n<script>\n\(Self.script)</script>\n</body>\n</html>\n" }

    static let style = """
        :root { --ink: #1f2933; --muted: #5f6b7a; --line: #d5dbe3; --band: #f3f5f8; --accent: #1d5fa8;
                --good: #2e7d32; --bad: #c62828; --warn: #b26a00; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: #fff; font-size: 14px; line-height: 1.55;
               font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
        header.cover { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 8px; }
        h1 { font-size: 24px; margin: 0 0 6px; line-height: 1.3; }
        h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); color: var(--accent); }
        h3 { font-size: 16px; margin: 18px 0 8px; }
        p { margin: 6px 0; }
        .sub, .muted { color: var(--muted); }
        .version { background: var(--band); border-left: 4px solid var(--accent); padding: 6px 10px; }
        .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(120px, 1fr)); gap: 10px; margin: 12px 0; }
        .figure { min-width: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
        .figure .label { color: var(--muted); font-size: 12px; }
        .figure .value { font-size: 22px; font-weight: 700; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
        .figure .note { color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
        .chart { display: block; width: 100%; max-width: 640px; height: auto; margin: 6px 0 12px; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; font-size: 13px; }
        caption { text-align: left; font-weight: 700; padding: 4px 0; }
        th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
        thead th { background: var(--band); border-bottom: 2px solid var(--line); white-space: nowrap; }
        tbody th { font-weight: 600; white-space: nowrap; }
        td.ok, td.fail, td.undecided, .nowrap { white-space: nowrap; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        code, .code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; font-size: 12px; overflow-wrap: anywhere; }
        .grade { display: inline-block; padding: 0 6px; border-radius: 3px; background: var(--band); white-space: nowrap; }
        .grade-0 { background: #dcefdc; } .grade-1 { background: #e3ecf8; } .grade-2 { background: #f6efd9; } .grade-3 { background: #f8dede; }
        .excellent { font-weight: 700; color: var(--good); }
        .up { color: var(--good); } .down { color: var(--bad); }
        .fail { color: var(--bad); font-weight: 600; } .undecided { color: var(--warn); font-weight: 600; } .ok { color: var(--good); }
        .note-list li { margin: 3px 0; }
        article.officer { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px 2px; margin: 12px 0; }
        article.officer h3 { margin: 4px 0; }
        article.officer table { font-size: 12px; margin: 4px 0 8px; }
        table.grid { table-layout: fixed; }
        table.grid th, table.grid td { text-align: center; padding: 2px 3px; border: 1px solid var(--line); white-space: nowrap; }
        table.grid th { background: var(--band); font-weight: 600; }
        table.grid td.derived { background: #eef4fb; }
        table.reasons td:first-child { width: 28%; }
        table.reasons td:nth-child(2) { width: 11%; }
        table.compact { width: auto; min-width: 50%; }
        table.legend td:last-child { white-space: nowrap; }
        .why { color: var(--muted); }
        .trend { display: block; width: 84px; height: 22px; }
        .bar-cell { width: 30%; }
        .bar { display: block; width: 100%; height: 14px; }
        th.sorted-asc::after { content: " ▲"; } th.sorted-desc::after { content: " ▼"; }
        table.sortable.js thead th { cursor: pointer; }
        footer { margin-top: 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
        @media (max-width: 700px) { main { padding: 12px; } .figure .value { font-size: 18px; } }
        @page { size: A4; margin: 14mm 12mm 16mm; }
        @media print {
          body { font-size: 11pt; }
          main { max-width: none; padding: 0; }
          section.page { break-before: page; }
          h2, h3 { break-after: avoid; }
          table { font-size: 9pt; }
          th, td { padding: 3px 4px; }
          .trend { width: 64px; }
          thead { display: table-header-group; }
          tr, .figure, figure, svg { break-inside: avoid; }
          article.officer { padding: 4px 10px 0; margin: 8px 0; }
          .keep { break-inside: avoid; }
          article.officer table { font-size: 8.5pt; }
          th.sorted-asc::after, th.sorted-desc::after { content: ""; }
          a { color: inherit; text-decoration: none; }
        }

        """

    /// Sorting by a click on a column header. Without scripts the table stays as printed: in
    /// the report's own order.
    static let script = """
        (function () {
          document.querySelectorAll("table.sortable").forEach(function (table) {
            table.classList.add("js");
            var heads = table.tHead ? table.tHead.rows[0].cells : [];
            Array.prototype.forEach.call(heads, function (th, column) {
              th.setAttribute("tabindex", "0");
              var sort = function () {
                var numeric = th.getAttribute("data-type") === "number";
                var ascending = !th.classList.contains("sorted-asc");
                var key = function (row) {
                  var cell = row.cells[column];
                  var text = cell ? (cell.getAttribute("data-sort") || cell.textContent) : "";
                  if (!numeric) return text;
                  var value = parseFloat(text);
                  return isNaN(value) ? -Infinity : value;
                };
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = key(a), y = key(b);
                  var order = numeric ? x - y : String(x).localeCompare(String(y), "zh-CN");
                  return ascending ? order : -order;
                });
                rows.forEach(function (row) { body.appendChild(row); });
                Array.prototype.forEach.call(heads, function (other) { other.classList.remove("sorted-asc", "sorted-desc"); });
                th.classList.add(ascending ? "sorted-asc" : "sorted-desc");
              };
              th.addEventListener("click", sort);
              th.addEventListener("keydown", function (event) { if (event.key === "Enter") sort(); });
            });
          });
        })();

        """
}
