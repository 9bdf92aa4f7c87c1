import ScorecardBase

/// Small inline SVG charts. Geometry is worked out in whole units of a fixed view box from
/// exact figures (a bar's length in thousandths of the longest), so a chart, like every figure
/// in the report, comes out the same on every run, and scales to the page as the page does.
enum SVGChart {
    /// One bar: its label, its length in thousandths of the full width, the figure printed
    /// after it, and a class for its colour.
    struct Bar {
        var label: String
        var permille: Int
        var value: String
        var className: String?
    }

    /// Horizontal bars, one per row, each labelled on the left and with its figure on the right.
    static func bars(_ bars: [Bar], title: String, labelWidth: Int = 120) -> String {
        let rowHeight = 28, barHeight = 18, width = 640, valueWidth = 110
        let barArea = width - labelWidth - valueWidth - 16
        let height = max(1, bars.count) * rowHeight + 8
        var out =
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTMLEscaping.escaped(title))\">"
        out += "<title>\(HTMLEscaping.escaped(title))</title>"
        out +=
            "<style>text{font-size:13px;fill:#1f2933;font-family:inherit}.b0{fill:#3b8f3e}.b1{fill:#1d5fa8}.b2{fill:#d39a1f}.b3{fill:#c62828}.bx{fill:#7b8794}.axis{stroke:#d5dbe3}</style>"
        out += "<line class=\"axis\" x1=\"\(labelWidth)\" y1=\"2\" x2=\"\(labelWidth)\" y2=\"\(height - 4)\"/>"
        for (index, bar) in bars.enumerated() {
            let y = 4 + index * rowHeight
            let length = max(0, min(1000, bar.permille)) * barArea / 1000
            let middle = y + barHeight / 2 + 5
            out += "<text x=\"\(labelWidth - 8)\" y=\"\(middle)\" text-anchor=\"end\">\(HTMLEscaping.escaped(bar.label))</text>"
            out +=
                "<rect class=\"\(bar.className ?? "b1")\" x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(max(length, bar.permille > 0 ? 2 : 0))\" height=\"\(barHeight)\" rx=\"2\"/>"
            out += "<text x=\"\(labelWidth + length + 6)\" y=\"\(middle)\">\(HTMLEscaping.escaped(bar.value))</text>"
        }
        return out + "</svg>"
    }

    /// A small line through an officer's quarters: each point's height in thousandths of the
    /// range shown; nil where the quarter has no figure (the line breaks there).
    static func trend(_ points: [Int?], title: String) -> String {
        let width = 84, height = 22, pad = 3
        let step = points.count > 1 ? (width - 2 * pad) / (points.count - 1) : 0
        func y(_ permille: Int) -> Int { height - pad - max(0, min(1000, permille)) * (height - 2 * pad) / 1000 }
        var out =
            "<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTMLEscaping.escaped(title))\">"
        out += "<title>\(HTMLEscaping.escaped(title))</title>"
        var run: [String] = []
        func flush() {
            if run.count > 1 {
                out += "<polyline fill=\"none\" stroke=\"#1d5fa8\" stroke-width=\"1.5\" points=\"\(run.joined(separator: " "))\"/>"
            }
            run = []
        }
        for (index, point) in points.enumerated() {
            guard let point else { flush(); continue }
            run.append("\(pad + index * step),\(y(point))")
        }
        flush()
        for (index, point) in points.enumerated() {
            if let point { out += "<circle cx=\"\(pad + index * step)\" cy=\"\(y(point))\" r=\"2\" fill=\"#1d5fa8\"/>" }
        }
        return out + "</svg>"
    }

    /// `value` as thousandths of `whole` (0 when `whole` is not positive), for bar lengths. Only
    /// the drawing uses it, never a figure shown: a ratio past what a decimal holds (a value near
    /// its limit) draws an empty bar beside the exact figure, rather than failing the page.
    static func permille(_ value: ExactDecimal, of whole: ExactDecimal) -> Int {
        guard whole > .zero, let ratio = try? value.multiplying(by: ExactDecimal(1000)).dividing(by: whole, scale: 0) else { return 0 }
        return Int(ratio.rounded(scale: 0).description) ?? 0
    }

    /// Where `value` lies between `low` and `high`, in thousandths, for a trend's points; the
    /// middle when the span cannot be worked out (drawing only, as for `permille(_:of:)`).
    static func permille(_ value: ExactDecimal, low: ExactDecimal, high: ExactDecimal) -> Int {
        guard high > low, let offset = try? value.subtracting(low), let range = try? high.subtracting(low) else { return 500 }
        return permille(offset, of: range)
    }
}
