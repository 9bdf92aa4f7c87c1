import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardReport
import ScorecardRules

/// What `diff` shows under “对考核结果的影响”: the impact rendered in each format, or a note
/// saying why there is none; and any problems met reading the evidence.
struct ImpactSection {
    var rendered: DiffReport.Impact?
    var note: String?
    var problems: [Diagnostic]
}

/// Both versions evaluated on the same evidence (`--evidence`, `--quarter`, default the latest
/// quarter with evidence).
func impactSection(
    old: Policy, new: Policy, evidencePath: String, quarter requested: Quarter?, color: Bool, limits: InputLimits = .default
) -> ImpactSection {
    let folder = EvidenceFolder(root: evidencePath, limits: limits)
    guard let quarter = requested ?? folder.quarters().last else {
        return ImpactSection(
            rendered: nil, note: "证据文件夹“\(evidencePath)”中没有季度记录，没有计算对考核结果的影响（可用 --evidence 指定）。", problems: [])
    }
    var sink = DiagnosticSink()
    let roster = folder.loadRoster(sink: &sink)
    let rosterProblems = sink.diagnostics
    let (impact, problems) = ImpactAnalysis.compare(old: old, new: new, evidence: folder, roster: roster, quarter: quarter)
    guard let impact else {
        return ImpactSection(
            rendered: nil, note: "无法在 \(quarter) 的记录上计算影响，原因见上面的提示。", problems: rosterProblems + problems)
    }
    let report = ImpactReport(impact: impact, color: color)
    return ImpactSection(
        rendered: DiffReport.Impact(text: report.text(), json: report.json(), markdown: report.markdown(), html: report.html()),
        note: nil, problems: rosterProblems + problems)
}
