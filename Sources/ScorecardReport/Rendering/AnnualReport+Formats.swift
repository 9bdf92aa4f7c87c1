import ScorecardBase
import ScorecardEvaluation
import ScorecardRules

extension AnnualReport {
    private func scoreJSON(_ value: ExactDecimal?) -> JSONValue { value.map { .number($0.formatted(scale: scorePlaces)) } ?? .null }
    /// null for a sum past what a decimal holds: reported (`eval.overflow`), and such a year is not published.
    private func moneyJSON(_ value: ExactDecimal?) -> JSONValue { value.map { .number($0.formatted(scale: moneyPlaces)) } ?? .null }

    // MARK: JSON

    package func renderJSON() -> String {
        let document: JSONValue = .object([
            ("year", .number(String(result.year))),
            (
                "policy",
                .object([
                    ("id", .string(policy.metadata.id)), ("name", .string(policy.metadata.name)),
                    ("version", .string(policy.metadata.version)), ("effective", .string(policy.metadata.effective.description)),
                ])
            ),
            (
                "quarters",
                .array(result.quarters.map { .object([("quarter", .string($0.quarter.description)), ("version", .string($0.version))]) })
            ),
            ("annual_rules", rulesJSON),
            ("ranked", .number(String(result.rankedCount))),
            ("officers", .array(result.officers.map(officerJSON))),
            ("units", .array(result.byUnit.map { groupJSON($0, key: "unit") })),
            ("managers", .array(result.byManager.map { groupJSON($0, key: "manager") })),
            (
                "funds",
                .array(
                    result.byFund.map { fund in
                        .object([
                            ("id", .string(fund.id)), ("name", .string(fund.name)), ("quarterly", moneyJSON(fund.quarterly)),
                            ("year_end", moneyJSON(fund.yearEnd)), ("amount", moneyJSON(fund.total)),
                        ])
                    })
            ),
            ("notes", .array(result.notes.map { .string($0) })),
            ("quarterly_reward_total", moneyJSON(result.quarterlyRewardTotal)),
            ("year_end_reward_total", moneyJSON(result.yearEndRewardTotal)),
            ("reward_total", moneyJSON(result.rewardTotal)),
        ])
        return document.rendered() + "\n"
    }

    private var rulesJSON: JSONValue {
        let rules = result.rules
        let excellent: JSONValue = .object([
            ("count", rules.excellent.count.map { .number(String($0)) } ?? .null),
            ("share", .decimal(rules.excellent.share)), ("min_total", .decimal(rules.excellent.minTotal)),
            ("limit", result.excellentLimit.map { .number(String($0.count)) } ?? .null),
        ])
        let reward: JSONValue =
            rules.reward.map { reward in
                .object([("title", .string(reward.title)), ("amount", moneyJSON(reward.amount)), ("fund", .string(reward.fund))])
            } ?? .null
        return .object([
            ("version", .string(result.annualVersion)), ("clause", .text(rules.clause)),
            ("aggregate", .string(rules.aggregate.rawValue)), ("quarters_required", .number(String(rules.quartersRequired))),
            ("partial_year", .string(rules.partialYear.rawValue)),
            ("tie_breakers", .array(rules.tieBreakers.map { .string($0.rawValue) })),
            ("excellent", excellent), ("reward", reward),
        ])
    }

    private func officerJSON(_ officer: AnnualOfficerResult) -> JSONValue {
        .object([
            ("officer", .string(officer.officer.id)), ("name", .string(officer.officer.name)),
            ("unit", .string(officer.officer.unit)), ("area", .string(officer.officer.area)),
            ("manager_role", .string(officer.officer.reportsTo.role)), ("manager", .string(officer.officer.reportsTo.name)),
            (
                "quarters",
                .array(
                    officer.quarters.map { line in
                        .object([
                            ("quarter", .string(line.quarter.description)), ("version", .string(line.version)),
                            ("total", scoreJSON(line.total)), ("reward_total", line.rewardTotal.map(moneyJSON) ?? .null),
                        ])
                    })
            ),
            ("quarter_sum", scoreJSON(officer.quarterSum)),
            ("annual_total", scoreJSON(officer.annualTotal)),
            ("scaling", .text(officer.scaling)),
            ("rank", officer.rank.map { .number(String($0)) } ?? .null),
            ("excluded", .text(officer.exclusion)),
            ("tie_note", .text(officer.tieNote)),
            ("excellent", .bool(officer.excellent)),
            ("excellent_reason", .text(officer.excellentReason)),
            ("adopted_suggestions", .number(String(officer.adoptedSuggestions))),
            ("quarterly_rewards", moneyJSON(officer.quarterlyRewards)),
            ("year_end_reward", moneyJSON(officer.yearEndReward)),
            ("reward_total", moneyJSON(officer.rewardTotal)),
        ])
    }

    private func groupJSON(_ group: AnnualGroupTotal, key: String) -> JSONValue {
        var fields: [(String, JSONValue)] = group.role.map { [("role", .string($0))] } ?? []
        fields += [
            (key, .string(group.key)), ("officers", .number(String(group.officers))), ("ranked", .number(String(group.ranked.officers))),
            ("average", scoreJSON(average(group))), ("excellent", .number(String(group.excellent))),
            ("quarterly_rewards", moneyJSON(group.quarterlyRewards)), ("year_end_rewards", moneyJSON(group.yearEndRewards)),
            ("rewards", moneyJSON(group.rewards)),
        ]
        return .object(fields)
    }

    // MARK: CSV

    /// One row per officer, ranked first; opens in Chinese Excel as UTF-8 thanks to the BOM.
    /// `headers`: the ids (the documented layout, the default) or Chinese titles for people.
    package func renderCSV(bom: Bool = true, headers: HeaderStyle = .id) -> String {
        var writer = CSVWriter(bom: bom)
        writer.row(csvHeader(headers))
        for officer in result.officers {
            var row = [
                officer.rank.map(String.init) ?? "", officer.officer.id, officer.officer.name, officer.officer.unit, officer.officer.area,
                officer.officer.reportsTo.role, officer.officer.reportsTo.name,
            ]
            row += result.quarters.map { quarter in
                officer.quarters.first { $0.quarter == quarter.quarter }?.total.map { $0.formatted(scale: scorePlaces) } ?? ""
            }
            row += [
                officer.quarterSum.map { $0.formatted(scale: scorePlaces) } ?? "",
                officer.annualTotal.map { $0.formatted(scale: scorePlaces) } ?? "",
                outcome(officer), money(officer.quarterlyRewards), money(officer.yearEndReward), money(officer.rewardTotal),
            ]
            writer.row(row)
        }
        return writer.text
    }
}
