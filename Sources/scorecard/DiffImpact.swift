import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardReport
import ScorecardRules

/// What `diff` shows under “对考核结果的影响”: the impact rendered in each format, or a note
/// saying why there is none.
struct ImpactSection {
    var rendered: DiffReport.Impact?
    var note: String?
}

/// Both versions evaluated on the same evidence (`--evidence`, `--quarter`, default the latest
/// quarter with evidence); the problems met reading the evidence go to `sink`.
func impactSection(
    old: Policy, new: Policy, evidencePath: String, quarter requested: Quarter?, color: Bool, limits: InputLimits = .default,
    sink found: inout DiagnosticSink
) -> ImpactSection {
    let folder = EvidenceFolder(root: evidencePath, limits: limits)
    guard let quarter = requested ?? folder.quarters().last else {
        return ImpactSection(
            rendered: nil, note: "证据文件夹“\(evidencePath)”中没有季度记录，没有计算对考核结果的影响（可用 --evidence 指定）。")
    }
    var sink = DiagnosticSink()
    let roster = folder.loadRoster(sink: &sink)
    let rosterProblems = sink.take()
    let impact = ImpactAnalysis.compare(old: old, new: new, evidence: folder, roster: roster, quarter: quarter, sink: &sink)
    let problems = sink.take()
    guard let impact else {
        found.append(contentsOf: rosterProblems + problems)
        return ImpactSection(rendered: nil, note: "无法在 \(quarter) 的记录上计算影响，原因见上面的提示。")
    }
    found.append(contentsOf: rosterProblems + problems)
    let report = ImpactReport(impact: impact, color: color)
    return ImpactSection(
        rendered: DiffReport.Impact(text: report.text(), json: report.json(), markdown: report.markdown(), html: report.html()),
        note: nil)
}
