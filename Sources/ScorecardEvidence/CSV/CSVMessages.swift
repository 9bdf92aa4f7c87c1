import ScorecardBase

/// The wording of CSV syntax problems, for office staff who edit files in Excel or Notepad.
enum CSVMessages {
    static let quoteRule = "字段内容里的引号要写成两个 \"\"，并把整个字段用引号括起来"

    static func unterminatedQuote(at location: SourceLocation) -> Diagnostic {
        .error(
            "csv.unterminated-quote", "引号没有闭合：从这里开始的带引号字段直到文件末尾都没有结束",
            hint: "请在字段末尾补上 \"；\(quoteRule)", at: location
        )
    }

    static func strayQuote(at location: SourceLocation) -> Diagnostic {
        .error(
            "csv.stray-quote", "没有用引号括起来的字段中间出现了引号 \"",
            hint: quoteRule, at: location
        )
    }

    static func textAfterQuote(at location: SourceLocation) -> Diagnostic {
        .error(
            "csv.text-after-quote", "闭合引号后面还有字符",
            hint: "闭合引号后面只能是逗号或换行；\(quoteRule)", at: location
        )
    }
}
