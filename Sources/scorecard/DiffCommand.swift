import ArgumentParser
import ScorecardBase
import ScorecardReport
import ScorecardRules

/// The formats `diff` writes: text for people, JSON for programs, Markdown for a proposal.
enum DiffFormat: String, ArgumentChoice {
    case text, json, markdown, html
}

/// `scorecard diff OLD NEW`: what a revision of the rules changes, in policy terms, and what it
/// does to real results. Exit codes as diff(1): 0 no change, 1 changes, 2 an error.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "比较两个版本的规则：列出政策上的每一处变化，以及对考核结果的影响。",
        discussion: """
            OLD 和 NEW 各是一个规则文件或文件夹（只比较文件夹中自己的 .yaml 文件，存放其他版本的子文件夹\
            不算在内），在 git 仓库中也可以写“版本:路径”（如 HEAD~1:rules）。考核项目、奖励、等级和字段\
            按编号对应，所以调整顺序、改排版、多加括号、使用 YAML 锚点都不算变化。OLD 的测试用例（其 tests/ 文件夹）\
            也在 NEW 下运行一遍，列出结果因修订而改变的每一项期望。见 docs/diff.md 和 docs/testing.md。

            退出码：0 没有变化；1 有变化；2 有一个版本读不进来。
            """
    )

    @Argument(help: ArgumentHelp("现行的版本（旧版本）：规则文件夹或文件，或“版本:路径”。", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("修订后的版本（新版本）。", valueName: "new"))
    var new: String

    @Option(name: .long, help: "输出格式：text、json、markdown 或 html（修订提案用的页面）。")
    var format: DiffFormat = .text

    @Option(name: .long, help: ArgumentHelp("两个版本都用来计算的证据文件夹。", valueName: "path"))
    var evidence: String = "seeds"

    @Option(name: .long, help: ArgumentHelp("用来计算影响的季度，如 2025-Q4；不写时取最近一个有记录的季度。", valueName: "year-Qn"))
    var quarter: String?

    @Flag(name: .long, help: "只比较规则，不计算对考核结果的影响。")
    var noImpact = false

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        if let quarter, Quarter(quarter) == nil {
            throw UsageErrors.notAQuarter(quarter)
        }
    }

    func run() throws {
        let limits = try inputLimits(display: display)
        let sides = [DiffSide.load(old, limits: limits), DiffSide.load(new, limits: limits)]
        for side in sides where !side.diagnostics.isEmpty {
            let renderer = DiagnosticRenderer(color: display.useColor(fileDescriptor: 2), sourceLines: side.sourceLines)
            writeError(renderer.render(side.diagnostics))
        }
        guard let oldPolicy = sides[0].policy, let newPolicy = sides[1].policy else {
            let failed = sides.filter { $0.policy == nil }.map { "“\($0.label)”" }.joined(separator: "和")
            writeError(CommandConclusions.cannotCompare(failed))
            throw ExitCode(2)
        }
        let changes = PolicyDiff.compare(old: oldPolicy, new: newPolicy, oldKeys: sides[0].keys, newKeys: sides[1].keys)
        var section = ImpactSection(rendered: nil, note: nil)
        if changes.isEmpty {
            section.note = nil
        } else if noImpact {
            section.note = "没有计算（--no-impact）。"
        } else {
            var problems = DiagnosticSink()
            section = impactSection(
                old: oldPolicy, new: newPolicy, evidencePath: evidence, quarter: quarter.flatMap(Quarter.init),
                color: format == .text && display.useColor(fileDescriptor: 1), limits: limits, sink: &problems)
            report(problems.diagnostics, display: display)
        }
        let rendered = DiffReport(
            old: DiffReport.Side(label: old, policy: oldPolicy, notes: sides[0].notes),
            new: DiffReport.Side(label: new, policy: newPolicy, notes: sides[1].notes),
            changes: changes, impact: section.rendered, impactNote: section.note,
            color: format == .text && display.useColor(fileDescriptor: 1))
        // The old version's test cases under the new version (DiffTests.swift).
        let tests =
            changes.isEmpty
            ? nil
            : testImpactSection(
                oldSpec: old, old: oldPolicy, new: newPolicy, color: format == .text && display.useColor(fileDescriptor: 1),
                display: display)
        switch format {
        case .text: writeOutput(rendered.text() + (tests.map { "\n" + $0.text() } ?? ""))
        case .json: writeOutput((tests?.appended(to: rendered.json()) ?? rendered.json()).rendered() + "\n")
        case .markdown: writeOutput(rendered.markdown() + (tests.map { "\n" + $0.markdown() } ?? ""))
        case .html: writeOutput(rendered.html())
        }
        if !changes.isEmpty { throw ExitCode(1) }
    }
}
