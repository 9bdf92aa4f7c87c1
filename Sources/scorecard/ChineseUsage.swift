import ScorecardBase
import ScorecardReport

/// swift-argument-parser words its help screens and usage errors in English; these put them in
/// Chinese for the people who use the tool. The parser's own words are matched as this
/// package's pinned version (Package.resolved) writes them; anything not recognised is left as
/// it is, so a new message reads in English rather than wrongly. The golden outputs pin both.
enum ChineseUsage {
    // MARK: Help screens

    /// A help screen (`--help`, `help <command>`) with the parser's headings and notes in
    /// Chinese, wrapped to `width` terminal cells. Give it the parser's text unwrapped (a very
    /// wide screen): the parser counts characters, not cells, and would let Chinese run past
    /// the edge.
    static func help(_ english: String, width: Int) -> String {
        translated(english).split(separator: "\n", omittingEmptySubsequences: false).map { wrap(String($0), width: width) }.joined(
            separator: "\n")
    }

    /// The column where option and subcommand help starts (swift-argument-parser's).
    static let helpColumn = 26

    /// One line of a help screen, wrapped by terminal cells: an option's or subcommand's help
    /// continues under its start; a paragraph under its own indentation; the usage line as is.
    static func wrap(_ line: String, width: Int) -> String {
        guard TerminalWidth.width(of: line) > width, !line.hasPrefix("用法：") else { return line }
        let characters = Array(line)
        if line.hasPrefix("  "), characters.count > helpColumn, characters[helpColumn - 1] == " ", characters[helpColumn] != " " {
            let label = String(characters[..<helpColumn])
            let body = String(characters[helpColumn...])
            return label
                + broken(body, width: max(20, width - helpColumn)).joined(separator: "\n" + String(repeating: " ", count: helpColumn))
        }
        let indent = characters.prefix { $0 == " " }.count
        let body = String(characters[indent...])
        let pad = String(repeating: " ", count: indent)
        return pad + broken(body, width: max(20, width - indent)).joined(separator: "\n" + pad)
    }

    /// Text broken into lines of at most `width` cells: between any two Chinese characters or at
    /// a space, never inside a Latin word or number, never before closing punctuation.
    static func broken(_ text: String, width: Int) -> [String] {
        var tokens: [String] = []
        var word = ""
        for character in text {
            if character.isASCII && character != " " {
                word.append(character)
                continue
            }
            if !word.isEmpty { tokens.append(word); word = "" }
            tokens.append(String(character))
        }
        if !word.isEmpty { tokens.append(word) }
        let closing: Set<String> = ["，", "。", "、", "；", "：", "）", "”", "！", "？", "》", "」"]
        let opening: Set<Character> = ["（", "“", "《", "「"]
        var lines: [String] = []
        var current: [String] = []
        func used(_ line: [String]) -> Int { line.reduce(0) { $0 + TerminalWidth.width(of: $1) } }
        func finish(_ line: [String]) {
            var line = line
            while line.last == " " { line.removeLast() }
            lines.append(line.joined())
        }
        for token in tokens {
            if current.isEmpty && token == " " { continue }
            guard used(current) + TerminalWidth.width(of: token) > width, !current.isEmpty, token != " " else {
                current.append(token)
                continue
            }
            // Closing punctuation never starts a line: the character before it goes down too.
            // An opening bracket or quote never ends one: it goes down with what it opens.
            var carried: [String] = []
            if closing.contains(token), current.count > 1 {
                carried.append(current.removeLast())
                while let first = carried.first, closing.contains(first), current.count > 1 { carried.insert(current.removeLast(), at: 0) }
            }
            while current.count > 1, let last = current.last, last.count == 1, let character = last.first, opening.contains(character) {
                carried.insert(current.removeLast(), at: 0)
            }
            finish(current)
            current = carried + [token]
        }
        if !current.isEmpty { finish(current) }
        return lines
    }

    private static func translated(_ english: String) -> String {
        var text = english
        for (from, to) in [
            ("OVERVIEW: ", "说明："),
            (" (default: ", "(default: "),
            (" (values: ", "(values: "),
            ("\nUSAGE: ", "\n用法："),
            ("\nARGUMENTS:\n", "\n参数：\n"),
            ("\nOPTIONS:\n", "\n选项：\n"),
            ("\nSUBCOMMANDS:\n", "\n子命令：\n"),
            ("Show the version.", "显示版本号。"),
            ("Show help information.", "显示帮助。"),
            ("  See 'scorecard help <subcommand>' for detailed help.", "  用 scorecard help <子命令> 查看各子命令的详细说明。"),
        ] {
            text = text.replacingAll(from, with: to)
        }
        return parentheticals(text)
    }

    /// `(default: rules)` → `（默认：rules）`, `(values: text, json, csv; default: text)` →
    /// `（可选：text、json、csv；默认：text）`, also when the parser wrapped it over two lines.
    private static func parentheticals(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = [rest.firstRange(of: "(values: "), rest.firstRange(of: "(default: ")].compactMap({ $0 }).min(by: {
            $0.lowerBound < $1.lowerBound
        }),
            let close = rest[open.upperBound...].firstIndex(of: ")")
        {
            out += rest[..<open.lowerBound]
            let isValues = rest[open].hasPrefix("(values")
            var inside = String(rest[open.upperBound..<close])
            inside = inside.replacingAll("; default: ", with: "；默认：")
            if isValues, let split = inside.firstRange(of: "；默认：") {
                inside =
                    String(inside[..<split.lowerBound]).replacingAll(", ", with: "、").replacingAll(",\n", with: "、\n")
                    + inside[split.lowerBound...]
            } else if isValues {
                inside = inside.replacingAll(", ", with: "、").replacingAll(",\n", with: "、\n")
            }
            out += (isValues ? "（可选：" : "（默认：") + inside + "）"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    // MARK: Usage errors

    /// A usage error as the parser words it (`Error: …`, `Help:  …`, `Usage: …`, `  See …`), in
    /// Chinese; `subcommands` are the root command's, for a did-you-mean on a misspelt one.
    static func error(_ english: String, subcommands: [String]) -> String {
        var lines: [String] = []
        var atRoot = false
        let all = english.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let usage = all.first(where: { $0.hasPrefix("Usage: ") }) { atRoot = usage.hasPrefix("Usage: scorecard <子命令>") }
        for line in all {
            if line.hasPrefix("Error: ") {
                lines.append("错误：" + message(String(line.dropFirst("Error: ".count)), atRoot: atRoot, subcommands: subcommands))
            } else if line.hasPrefix("Help:  ") {
                lines.append("说明：" + line.dropFirst("Help:  ".count))
            } else if line.hasPrefix("Usage: ") {
                lines.append("用法：" + line.dropFirst("Usage: ".count))
            } else if line.hasPrefix("  See '"), line.hasSuffix("' for more information.") {
                let command = line.dropFirst("  See '".count).dropLast("' for more information.".count)
                lines.append("  用 \(command) 查看详细说明。")
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One error message of the parser, in Chinese; our own messages (already Chinese) and
    /// any the parser words differently pass through unchanged.
    static func message(_ english: String, atRoot: Bool, subcommands: [String]) -> String {
        if let (option, suggestion) = english.quoted("Unknown option '", "'. Did you mean '", "'?") {
            return "没有“\(option)”这个选项；" + Diagnostic.Suggestion(suggestion).question
        }
        if let (option) = english.quoted("Unknown option '", "'") {
            return "没有“\(option)”这个选项"
        }
        if let argument = english.quoted("Unexpected argument '", "'") {
            guard atRoot else { return "多余的参数“\(argument)”" }
            let suggestion =
                NameSuggestion.closest(to: argument, among: subcommands)
                ?? subcommands.first { $0.hasPrefix(argument) || argument.hasPrefix($0) }
            return "没有“\(argument)”这个子命令"
                + (suggestion.map { "；" + Diagnostic.Suggestion($0).question } ?? "；可用的子命令：\(subcommands.joined(separator: "、"))")
        }
        if let range = english.firstRange(of: " unexpected arguments: '"), english.hasSuffix("'") {
            let values = english[range.upperBound...].dropLast().split(separator: "', '", omittingEmptySubsequences: false).map(String.init)
            return "多余的参数：" + values.map { "“\($0)”" }.joined(separator: "、")
        }
        if let argument = english.quoted("Missing expected argument '", "'") {
            return "缺少参数 \(argument)"
        }
        if let option = english.quoted("Missing value for '", "'") {
            return "\(option) 后面缺少值"
        }
        if let (option, value) = english.quoted("The option '", "' does not take any value, but '", "' was specified.") {
            return "\(option) 后面不带值，这里却写了“\(value)”"
        }
        if let (value, option, list) = english.quoted("The value '", "' is invalid for '", "'. Please provide one of ", ".") {
            let choices = list.replacingAll(" or ", with: ", ").replacingAll(" and ", with: ", ")
                .split(separator: ", ").map { String($0).trimmingQuotes }
            let name = option.split(separator: " ").first.map(String.init) ?? option
            let suggestion = NameSuggestion.closest(to: value, among: choices)
            return "“\(value)”不是 \(name) 可用的值" + (suggestion.map { "；" + Diagnostic.Suggestion($0).question } ?? "；")
                + "可选：\(choices.joined(separator: "、"))"
        }
        return english
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return replacing(target, with: replacement)
    }

    fileprivate var trimmingQuotes: String {
        var text = Substring(self)
        if text.hasPrefix("'") { text = text.dropFirst() }
        if text.hasSuffix("'") { text = text.dropLast() }
        return String(text)
    }

    /// The text between `prefix` and `suffix` when this is exactly `prefix X suffix`.
    fileprivate func quoted(_ prefix: String, _ suffix: String) -> String? {
        guard hasPrefix(prefix), hasSuffix(suffix), count >= prefix.count + suffix.count else { return nil }
        let inner = dropFirst(prefix.count).dropLast(suffix.count)
        return inner.contains("'") ? nil : String(inner)
    }

    /// The two parts of `prefix X middle Y suffix`.
    fileprivate func quoted(_ prefix: String, _ middle: String, _ suffix: String) -> (String, String)? {
        guard hasPrefix(prefix), hasSuffix(suffix), count >= prefix.count + middle.count + suffix.count else { return nil }
        let inner = String(dropFirst(prefix.count).dropLast(suffix.count))
        guard let split = inner.firstRange(of: middle) else { return nil }
        return (String(inner[..<split.lowerBound]), String(inner[split.upperBound...]))
    }

    /// The three parts of `prefix X first Y second Z suffix`.
    fileprivate func quoted(_ prefix: String, _ first: String, _ second: String, _ suffix: String) -> (String, String, String)? {
        guard let (x, rest) = quoted(prefix, first, suffix), let split = rest.firstRange(of: second) else { return nil }
        return (x, String(rest[..<split.lowerBound]), String(rest[split.upperBound...]))
    }
}
