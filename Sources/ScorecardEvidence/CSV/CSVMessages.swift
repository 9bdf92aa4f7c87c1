import ScorecardBase

/// The wording of CSV syntax problems, for office staff who edit files in Excel or Notepad.
enum CSVMessages {
    static let quoteRule = "字段内容里的引号要写成两个 \"\"，并把整个字段用引号括起来"

    static func unterminatedQuote(at location: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.csvUnterminatedQuote, "引号没有闭合：从这里开始的带引号字段直到文件末尾都没有结束",
            hint: "请在字段末尾补上 \"；\(quoteRule)", at: location
        )
    }

    static func strayQuote(at location: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.csvStrayQuote, "没有用引号括起来的字段中间出现了引号 \"",
            hint: quoteRule, at: location
        )
    }

    static func textAfterQuote(at location: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.csvTextAfterQuote, "闭合引号后面还有字符",
            hint: "闭合引号后面只能是逗号或换行；\(quoteRule)", at: location
        )
    }
}

extension CSVMessages {
    static func unclosedQuote(at location: SourceLocation, runsTo line: Int) -> Diagnostic {
        .error(
            EvidenceCode.csvUnterminatedQuote,
            "引号没有闭合：从这里开始的带引号字段跨过了换行，一直延续到第 \(line) 行（那里的引号被当成了它的结束），第 \(location.line) 行到第 \(line) 行都被读成了这一格",
            hint: "请在这一格的末尾补上 \"；\(quoteRule)", at: location
        )
    }

    /// A control character in a cell (U+0000…U+001F but tab and line breaks, DEL, U+0080…
    /// U+009F): invisible in a sheet, printed raw it would garble output; the row is refused.
    static func controlCharacter(_ scalar: UInt32, at location: SourceLocation) -> Diagnostic {
        let name = scalar == 0 ? "（NUL，空字符）" : ""
        return .error(
            EvidenceCode.controlCharacter, "这里有一个控制字符 \(MessageText.codePoint(scalar))\(name)，它在表格里看不见，这一行没有读入",
            hint: "删去这个字符（多半是从别处复制或文件损坏带进来的；Excel 可用 CLEAN 函数清除）", at: location
        )
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (value >= 0x7F && value < 0xA0)
    }

    static func fieldTooLong(at location: SourceLocation, limit: Int) -> Diagnostic {
        .error(
            EvidenceCode.inputFieldTooLong, "这一格的长度超过了上限 \(InputLimits.describe(limit, bytes: true))，这一行没有读入",
            hint: "若是引号没有闭合，请补上引号；" + InputLimits.raiseHint(InputLimits.field, current: limit), at: location
        )
    }

    static func recordTooLong(at location: SourceLocation, limit: Int) -> Diagnostic {
        .error(
            EvidenceCode.inputRecordTooLong, "从这里开始的一行的长度超过了上限 \(InputLimits.describe(limit, bytes: true))，这一行没有读入",
            hint: "若是引号没有闭合，请补上引号；" + InputLimits.raiseHint(InputLimits.record, current: limit), at: location
        )
    }

    static func tooManyCells(at location: SourceLocation, limit: Int) -> Diagnostic {
        .error(
            EvidenceCode.inputTooManyCells, "这一行的格数超过了上限 \(InputLimits.describe(limit, bytes: false))（从这一格起超出），这一行没有读入",
            hint: "检查是否多了逗号；" + InputLimits.raiseHint(InputLimits.cells, current: limit), at: location
        )
    }
}
