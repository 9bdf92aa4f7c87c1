import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardRules

extension EligibilityReport {
    /// The candidates against the eligibility conditions as one self-contained page: the
    /// conditions, who meets which, and for everyone who does not, why, with the recorded values.
    package func renderHTML() -> String {
        var out = HTMLWriter()
        let title = "\(policy.metadata.name) · 任职条件审查"
        let requirement = eligibility.requirement == .all ? "须全部具备" : "具备其中一项即可"
        let count = { (verdict: CandidateResult.Verdict) in results.filter { $0.verdict == verdict }.count }
        out.element("header", [("class", "cover")]) { header in
            header.heading(1, title)
            header.paragraph("候选人名单：\(list.file)", class: "sub")
            header.paragraph(
                "按规则版本 \(policy.metadata.version)（\(policy.metadata.effective) 起施行）的任职条件"
                    + (eligibility.clause.map { "（条款 \($0)）" } ?? "") + "审查，\(requirement)。", class: "version")
        }
        out.newline()
        out.element("section", [("id", "summary")]) { section in
            section.heading(2, "概况")
            var figures: [(label: String, value: String, note: String?)] = [
                ("候选人", "\(results.count) 名", list.rejected.isEmpty ? nil : "另有 \(list.rejected.count) 行有问题，未审查"),
                ("符合", "\(count(.eligible)) 名", nil), ("不符合", "\(count(.ineligible)) 名", nil),
            ]
            if count(.undecided) > 0 { figures.append(("无法判断", "\(count(.undecided)) 名", nil)) }
            section.figures(figures)
            section.heading(3, "条件")
            section.table(
                [HTMLColumn("条款"), HTMLColumn("条件"), HTMLColumn("规则中的判断式")],
                rows: eligibility.criteria.map { criterion in
                    var rule = HTMLWriter()
                    rule.element("code", text: criterion.requirement.source)
                    return [HTMLCell(criterion.clause ?? criterion.id), HTMLCell(criterion.title), .markup(rule.html)]
                })
            section.heading(3, "审查结果")
            var columns = [HTMLColumn("编号"), HTMLColumn("姓名"), HTMLColumn("单位"), HTMLColumn("班次")]
            columns += eligibility.criteria.map { HTMLColumn($0.clause ?? $0.id) }
            columns.append(HTMLColumn("结论"))
            section.table(
                columns,
                rows: results.map { result in
                    let candidate = result.candidate
                    return [HTMLCell(candidate.id), HTMLCell(candidate.name), HTMLCell(candidate.unit), HTMLCell(candidate.area)]
                        + result.outcomes.map { HTMLCell(Self.word($0.verdict), className: Self.className($0.verdict)) }
                        + [HTMLCell(Self.word(result.verdict), className: Self.className(result.verdict))]
                }, class: "candidates", sortable: true)
            if !list.rejected.isEmpty {
                section.paragraph("未审查（名单中这些行有问题，改正后重新运行）：" + list.rejected.map(\.label).joined(separator: "、"), class: "fail")
            }
        }
        out.newline()
        let unmet = results.filter { $0.verdict != .eligible }
        out.element("section", [("id", "reasons"), ("class", "page")]) { section in
            section.heading(2, "不符合或无法判断的原因")
            if unmet.isEmpty { section.paragraph(results.isEmpty ? "名单中没有可以判断的候选人。" : "全部候选人都符合任职条件。") }
            for result in unmet {
                let candidate = result.candidate
                section.element("article", [("class", "officer")]) { card in
                    card.element("h3") { heading in
                        heading.text("\(candidate.id) \(candidate.name)")
                        heading.element("span", [("class", "muted")], text: "　\(candidate.unit) \(candidate.area)　")
                        heading.element("span", [("class", Self.className(result.verdict))], text: Self.word(result.verdict))
                    }
                    card.table(
                        [HTMLColumn("条款"), HTMLColumn("条件"), HTMLColumn("结果"), HTMLColumn("要求"), HTMLColumn("记录")],
                        rows: zip(eligibility.criteria, result.outcomes).filter { $0.1.verdict != .holds }.map { criterion, outcome in
                            var rule = HTMLWriter()
                            rule.element("code", text: criterion.requirement.source)
                            rule.element("div", [("class", "why")], text: criterion.requirement.location.description)
                            var values = outcome.inputs.map { input in
                                var text = input.field.id + (input.field.name.map { "（\($0)）= " } ?? " = ") + input.value.reportText
                                if let location = input.location {
                                    text += "（\(location)）"
                                } else if input.value != .missing {
                                    text += "（默认值）"
                                }
                                return text
                            }
                            if case .undecided(let problem) = outcome.verdict { values.append("原因：\(problem.message)") }
                            return [
                                HTMLCell(criterion.clause ?? criterion.id, className: "nowrap"), HTMLCell(criterion.title),
                                HTMLCell(Self.word(outcome.verdict), className: Self.className(outcome.verdict)),
                                .markup(rule.html), HTMLCell(values.joined(separator: "；")),
                            ]
                        })
                }
                section.newline()
            }
        }
        out.newline()
        out.element("footer") { footer in
            footer.paragraph("规则文件：\(policy.files.joined(separator: "、"))")
            footer.paragraph("由 scorecard \(ScorecardVersion.current) 生成；同样的规则和名单总是得出同样的报告。")
        }
        out.newline()
        return HTMLPage(title: title, body: out.html).rendered()
    }

    static func className(_ verdict: CriterionOutcome.Verdict) -> String {
        switch verdict {
        case .holds: "ok"
        case .fails: "fail"
        case .undecided: "undecided"
        }
    }

    static func className(_ verdict: CandidateResult.Verdict) -> String {
        switch verdict {
        case .eligible: "ok"
        case .ineligible: "fail"
        case .undecided: "undecided"
        }
    }
}
