import ScorecardBase
import ScorecardRules
import ScorecardYAML

/// The wording of problems in test cases written beside the rules (`scorecard test`), for the
/// policy officer who writes them: one function per situation, so its code and words live together.
/// Reading a file and its cases is here; running them is in `TestCaseMessages+Running`.
enum TestCaseMessages {
    static func documents(_ count: Int, at location: SourceLocation) -> Diagnostic {
        .error(TestCaseCode.documents, "测试文件里有 \(count) 个文档（用“---”分开），只能有一个", hint: "把各部分合并到一个 cases: 列表中", at: location)
    }

    static func emptyFile(_ file: String) -> Diagnostic {
        .error(
            TestCaseCode.emptyFile, "测试文件“\(file)”是空的", hint: "写上 cases:，列出测试用例（见 docs/testing.md）",
            at: SourceLocation(file: file, line: 1, column: 1))
    }

    static func fileQuarterAndDate(at location: SourceLocation?) -> Diagnostic {
        .error(TestCaseCode.quarterAndDate, "测试文件同时写了 quarter 和 date", hint: "只写其中一个", at: location)
    }

    static func casesNotAList(at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.expectedList, "cases 应当是一个列表，每个测试用例以“- ”开头", hint: "如：\ncases:\n  - name: …", at: location)
    }

    static func duplicateName(_ name: String, at location: SourceLocation, earlier: SourceLocation) -> Diagnostic {
        .error(
            TestCaseCode.duplicateName, "测试用例“\(name)”与前面的一个同名", hint: "给其中一个换个名字",
            at: location, notes: [.init("前一个写在这里", at: earlier)])
    }

    static func expectedQuarter(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(
            TestCaseCode.expectedQuarter, "季度（quarter）应当写成 2025-Q4 这样，这里写的是“\(text)”", hint: "年份、连字符、Q 和季度数，如 2025-Q4",
            at: location)
    }

    /// `what`: the rows' name, `名册（roster）`.
    static func rowsNotAList(_ what: String, at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.expectedList, "\(what)应当是一个列表，每一行以“- ”开头", hint: "如：\n  - {officer: \"10533\", name: 石磊}", at: location)
    }

    static func rowNotAMapping(_ what: String, _ item: YAMLNode) -> Diagnostic {
        .error(
            RulesCode.expectedMapping, "\(what)的每一行应当是一组“键: 值”，这里却是\(item.kindDescription)",
            hint: "写成 {officer: \"10533\", name: 石磊} 或逐行缩进写出各个键", at: item.location)
    }
}

/// One case: its kind, its quarters, its expectations.
extension TestCaseMessages {
    static let kindHint = "季度用例写 records；任职条件用例写 candidates；年度用例写 year 和 quarters"

    /// `label`: `第 3 个测试用例`.
    static func caseQuarterAndDate(_ label: String, at location: SourceLocation?) -> Diagnostic {
        .error(TestCaseCode.quarterAndDate, "\(label)同时写了 quarter 和 date", hint: "只写其中一个：date 决定版本和季度", at: location)
    }

    static func severalKinds(_ label: String, _ kinds: [String], at location: SourceLocation?) -> Diagnostic {
        .error(TestCaseCode.caseKind, "\(label)同时写了 \(kinds.joined(separator: "、"))，一个用例只能是一种", hint: kindHint, at: location)
    }

    static func noKind(_ label: String, at location: SourceLocation) -> Diagnostic {
        .error(TestCaseCode.caseKind, "\(label)没有写要计算的记录", hint: kindHint, at: location)
    }

    static func yearWithRecords(at location: SourceLocation?) -> Diagnostic {
        .error(RulesCode.misplacedKey, "year 只用于年度用例（与 quarters 一起写）", hint: "删去 year，或把 records 放进 quarters", at: location)
    }

    static func expectNotAList(_ label: String, at location: SourceLocation) -> Diagnostic {
        .error(
            TestCaseCode.noExpectations, "\(label)的 expect 应当是一个列表，至少有一项期望",
            hint: "每项以“- ”开头，如：\n  expect:\n    - officer: 石磊\n      total: 76.84", at: location)
    }

    static func quartersNotAList(at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.expectedList, "quarters 应当是一个列表，每个季度以“- quarter: …”开头",
            hint: "如：\n  quarters:\n    - quarter: 2025-Q1\n      records: [...]", at: location)
    }

    static func duplicateQuarter(_ quarter: Quarter, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        .error(
            TestCaseCode.duplicateQuarter, "\(quarter) 写了两次", hint: "每个季度只写一次",
            at: location, notes: [.init("第一次写在这里", at: first)])
    }

    static func wrongYear(_ quarter: Quarter, year: Int?, at location: SourceLocation) -> Diagnostic {
        .error(
            TestCaseCode.wrongYear, "\(quarter) 不在 \(year.map(String.init) ?? "") 年", hint: "一个年度用例只写同一年的季度", at: location)
    }

    /// A figure of the whole case written beside `subjectKey` (officer, candidate).
    static func wholeBesideSubject(_ key: String, subjectKey: String, at location: SourceLocation?) -> Diagnostic {
        .error(
            TestCaseCode.misplacedExpectation, "\(key) 是对整个用例的期望，不能与 \(subjectKey) 写在同一项",
            hint: "把它另写一项：- \(key): …", at: location)
    }

    static func missingSubject(_ key: String, subjectKey: String, at location: SourceLocation?) -> Diagnostic {
        .error(
            TestCaseCode.missingSubject, "\(key) 是对某一名\(subjectKey == "officer" ? "联系员" : "候选人")的期望，这一项没有写 \(subjectKey)",
            hint: "在同一项里写上 \(subjectKey): 工号或姓名", at: location)
    }

    static func noExpectation(_ label: String, keys: [String], at location: SourceLocation) -> Diagnostic {
        .error(TestCaseCode.noExpectations, "\(label)没有写任何期望", hint: "可写的键：\(keys.joined(separator: "、"))", at: location)
    }

    static func nothingForUnit(_ unit: String, allowed: [String], at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.missingKey, "单位“\(unit)”下没有写要核对的数", hint: "可写：\(allowed.joined(separator: "、"))", at: location)
    }

    static func namesNotAMapping(_ what: String, _ node: YAMLNode) -> Diagnostic {
        .error(
            RulesCode.expectedMapping, "\(what)应当是一组“名称: 值”，这里却是\(node.kindDescription)",
            hint: "如 {i07: 4.17, i16: 1.67}", at: node.location)
    }

    static func complexName(_ what: String, at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.complexKey, "\(what)中的名称必须是简单的文字", hint: "如 i07:", at: location)
    }

    static func negativeTolerance(at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.outOfRange, "允许误差（tolerance）不能是负数", hint: "写 0 或正数，如 tolerance: 0.01", at: location)
    }

    static func notFound(_ path: String) -> Diagnostic {
        .error(TestCaseCode.notFound, "找不到测试文件或文件夹“\(path)”", hint: "不写路径时运行 --rules 所指规则旁的 tests/ 中的全部测试", at: nil)
    }

    /// A FIFO or a device would block or never end: only regular files and folders are read.
    static func notRegularFile(_ path: String) -> Diagnostic {
        .error(InputCode.notRegularFile, "“\(path)”不是普通文件，也不是文件夹，不能读取", hint: "测试用例写在普通的 .yaml 文件中", at: nil)
    }
}
