import Foundation

/// One compiler-style diagnostic as printed on stderr:
///
///     rules/items.yaml:58:52: 错误[expr.name.unknown]: …
///        |
///     58 |       formula: … reports_ontime …
///        |                  ^^^^^^^^^^^^^^
///        = 提示: …
struct DiagnosticBlock {
    var file: String
    var line: Int
    var column: Int
    var severity: String
    var code: String
    var message: String
    /// The lines after the header, up to the blank line.
    var body: [String]

    var header: String { "\(file):\(line):\(column): \(severity)[\(code)]: \(message)" }

    /// The echoed source line (`58 | text`) of the main snippet, and the caret line under it.
    var echo: (source: String, carets: String)? {
        let prefix = "\(line) | "
        guard let index = body.firstIndex(where: { $0.trimmingCharacters(in: .init(charactersIn: " ")).hasPrefix(prefix) }),
            index + 1 < body.count
        else { return nil }
        return (body[index], body[index + 1])
    }

    var hint: String? {
        body.first { $0.contains("= 提示: ") }.map { String($0[$0.range(of: "= 提示: ")!.upperBound...]) }
    }

    static let headerPattern = try! NSRegularExpression(pattern: #"^(\S+?):(\d+):(\d+): (错误|警告)\[([A-Za-z0-9._-]+)\]: (.*)$"#)

    static func parse(_ stderr: String) -> [DiagnosticBlock] {
        var blocks: [DiagnosticBlock] = []
        for line in stderr.components(separatedBy: "\n") {
            let range = NSRange(line.startIndex..., in: line)
            if let match = headerPattern.firstMatch(in: line, range: range) {
                func group(_ n: Int) -> String { String(line[Range(match.range(at: n), in: line)!]) }
                blocks.append(
                    DiagnosticBlock(
                        file: group(1), line: Int(group(2))!, column: Int(group(3))!, severity: group(4),
                        code: group(5), message: group(6), body: []))
            } else if !blocks.isEmpty, !line.isEmpty, blocks[blocks.count - 1].body.last != "" {
                blocks[blocks.count - 1].body.append(line)
            } else if !blocks.isEmpty {
                blocks[blocks.count - 1].body.append("")
            }
        }
        for index in blocks.indices {
            if let end = blocks[index].body.firstIndex(of: "") { blocks[index].body.removeSubrange(end...) }
        }
        return blocks
    }

    /// Where the carets start and how many there are, in terminal cells, and where `token`
    /// starts in the echoed line, also in cells: they must agree.
    func caretPlacement(of token: String) -> (caret: Int, carets: Int, token: Int?)? {
        guard let (source, carets) = echo, let first = carets.firstIndex(of: "^") else { return nil }
        let caretCell = DisplayWidth.of(carets[..<first])
        let count = carets[first...].prefix { $0 == "^" }.count
        let tokenCell = source.range(of: token).map { DisplayWidth.of(source[..<$0.lowerBound]) }
        return (caretCell, count, tokenCell)
    }
}
