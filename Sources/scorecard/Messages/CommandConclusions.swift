import ScorecardBase

/// The closing line a command writes to standard error after its problems (or instead of its
/// output): what was and was not done, and what to do next. Not problems themselves (those
/// have codes, in `CommandMessages`), but said in one place so the commands say them alike.
enum CommandConclusions {
    // MARK: Nothing written, because the input has errors

    static let rulesBrokenNoTests = "规则有错误，没有运行测试。\n"
    static let noCandidatesToReview = "候选人名单有问题，没有可以审查的候选人。\n"
    static let rosterBrokenNoTemplate = "名册有问题，无法生成记录表。改正名册后重新运行。\n"
    static let evidenceBrokenNoTrial = "证据有问题，无法在记录上计算。\n"
    static let evidenceBrokenNoExplanation = "证据有问题，无法说明结果。\n"
    static let evidenceBrokenNotRecorded = "证据有问题，未输出结果，也未记录。改正后重新运行。\n"
    static let evidenceBrokenTryPartial = "证据有问题，未输出结果。\(fixOrTryPartial)\n"
    static let yearEvidenceBroken = "证据有问题，未输出结果。改正后重新运行（可先用 scorecard check 列出全部问题）。\n"
    static let yearOverflow = "年度结果中有数值超出可计算的范围，未输出结果。\n"

    /// The advice after "证据有问题，未输出结果。": `--partial` helps only when some records were read.
    static let fixOrTryPartial = "改正后重新运行，或用 --partial 先算出记录无误的联系员。"
    static let fixAndRerun = "改正后重新运行。"

    static func evidenceBrokenNoOutput(advice: String) -> String { "证据有问题，未输出结果。\(advice)\n" }

    /// Which sides of a diff could not be read, already quoted and joined (`“旧”和“新”`).
    static func cannotCompare(_ sides: String) -> String {
        "无法比较：\(sides) 没有读成功，先改正上面的问题（或用 scorecard check --rules 检查）。\n"
    }

    // MARK: Written, but not everything

    static let partialLeavesOut = "以上结果不含证据有问题的联系员（--partial）。\n"
    static let incompleteNotRecorded = "有联系员的结果未能算出，未记录：记录的结果必须完整。\n"
    static let yearIncompleteLeftOut = "有联系员某季度的结果未能算出（见 scorecard evaluate --quarter …），这些联系员未参加评选。\n"

    static func rejectedCandidatesLeftOut(_ labels: [String]) -> String {
        "以上结果不含名单中有问题的行：\(labels.joined(separator: "、"))；改正后重新运行。\n"
    }

    static func nobodyServing(in quarter: Quarter) -> String { "名册中没有在 \(quarter) 在任的联系员；记录表只有表头。\n" }

    static func listFile(_ file: String, header: String) -> String { "明细另建 \(file)，表头：\(header)\n" }

    static func written(_ path: String) -> String { "已写入“\(path)”。\n" }

    // MARK: Officers asked for by id or name

    /// `known`: the quarter's officers as `工号 姓名`.
    static func noSuchOfficer(_ asked: String, in quarter: Quarter, known: [String]) -> String {
        "\(quarter) 没有工号或姓名为“\(asked)”的联系员。本季度的联系员：\(known.joined(separator: "、"))\n"
    }

    static func nameNotUnique(_ name: String, ids: [String]) -> String {
        "姓名“\(name)”对应多名联系员：\(ids.joined(separator: "、"))；请改用工号。\n"
    }

    // MARK: The result ledger (`--record`)

    static let notRecorded = "未记录。\n"

    static func repairsFinished(_ quarter: Quarter, _ repairs: [String]) -> String {
        "已做完 \(quarter) 上次被中断的记录：\(repairs.joined(separator: "，再"))。\n"
    }

    static func alreadyRecorded(_ quarter: Quarter, at time: String, folder: String) -> String {
        "\(quarter) 的结果已于 \(time) 记录（\(folder)/），输入和结果都没有变化，未重写。\n"
    }
}
