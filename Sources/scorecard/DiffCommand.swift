import ArgumentParser
import ScorecardBase
import ScorecardReport
import ScorecardRules

/// The formats `diff` writes: text for people, JSON for programs, Markdown for a proposal.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, html
}

/// `scorecard diff OLD NEW`: what a revision of the rules changes, in policy terms, and what it
/// does to real results. Exit codes as diff(1): 0 no change, 1 changes, 2 an error.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "比较两个版本的规则：列出政策上的每一处变化，以及对考核结果的影响。",
        discussion: """
            OLD and NEW are each a rule file or folder (a folder's own .yaml files; sub-folders \
            holding other versions are not included), or, inside a git checkout, REV:path \
            (e.g. HEAD~1:rules). Items, rewards, bands and fields are matched by id, so \
            reordering, reformatting, extra parentheses and YAML anchors are not changes. \
            See docs/diff.md.

            Exit codes: 0 no change; 1 changes; 2 either version could not be loaded.
            """
    )

    @Argument(help: ArgumentHelp("The version in force: a rule folder or file, or REV:path (旧版本).", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The revised version (新版本).", valueName: "new"))
    var new: String

    @Option(name: .long, help: "Output: text, json, markdown or html (a page for a revision proposal).")
    var format: DiffFormat = .text

    @Option(name: .long, help: ArgumentHelp("Evidence folder both versions are evaluated on (证据文件夹).", valueName: "path"))
    var evidence: String = "seeds"

    @Option(name: .long, help: ArgumentHelp("Quarter to evaluate, e.g. 2025-Q4; default: the latest with evidence.", valueName: "year-Qn"))
    var quarter: String?

    @Flag(name: .long, help: "Compare the rules only; do not evaluate the evidence.")
    var noImpact = false

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        if let quarter, Quarter(quarter) == nil {
            throw ValidationError("“\(quarter)”不是季度；请写成 2025-Q4 这样的形式")
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
            writeError("无法比较：\(failed) 没有读成功，先改正上面的问题（或用 scorecard check --rules 检查）。\n")
            throw ExitCode(2)
        }
        let changes = PolicyDiff.compare(old: oldPolicy, new: newPolicy)
        var section = ImpactSection(rendered: nil, note: nil, problems: [])
        if changes.isEmpty {
            section.note = nil
        } else if noImpact {
            section.note = "没有计算（--no-impact）。"
        } else {
            section = impactSection(
                old: oldPolicy, new: newPolicy, evidencePath: evidence, quarter: quarter.flatMap(Quarter.init),
                color: format == .text && display.useColor(fileDescriptor: 1), limits: limits)
            report(section.problems, display: display)
        }
        let rendered = DiffReport(
            old: DiffReport.Side(label: old, policy: oldPolicy, notes: sides[0].notes),
            new: DiffReport.Side(label: new, policy: newPolicy, notes: sides[1].notes),
            changes: changes, impact: section.rendered, impactNote: section.note,
            color: format == .text && display.useColor(fileDescriptor: 1))
        switch format {
        case .text: writeOutput(rendered.text())
        case .json: writeOutput(rendered.renderJSON())
        case .markdown: writeOutput(rendered.markdown())
        case .html: writeOutput(rendered.html())
        }
        if !changes.isEmpty { throw ExitCode(1) }
    }
}
