import ArgumentParser

/// Options that do not fit together or a value that is not what the option takes: refused
/// before anything is read, with the usage line (`ChineseUsage` words the parser's own).
enum UsageErrors {
    static func notAQuarter(_ text: String, example: String = "2025-Q4") -> ValidationError {
        ValidationError("“\(text)”不是季度；请写成 \(example) 这样的形式")
    }

    static let headersWithoutCSV = ValidationError("--headers 只用于 --format csv")
    static let workbookToTerminal = ValidationError("xlsx 是二进制文件，不能输出到终端：请用 --output 文件名.xlsx 指定文件（或重定向到文件）")
    static let forceWithoutRecord = ValidationError("--force 只能和 --record 一起使用")
    static let recordWithPartial = ValidationError("--record 不能和 --partial 一起使用：记录的结果必须完整")
    static let reasonWithoutRecord = ValidationError("--reason 和 --by 只能和 --record 一起使用")
    static let emptyRecorder = ValidationError("--by 不能为空")
    static let forceWithoutReason = ValidationError("--force 必须和 --reason “理由” 一起使用：重新记录最终结果要写明为什么（例如经谁批准、更正了什么）")
}
