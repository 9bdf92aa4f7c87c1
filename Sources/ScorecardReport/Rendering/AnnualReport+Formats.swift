import ScorecardBase
import ScorecardEvaluation
import ScorecardRules

extension AnnualReport {
    private func scoreJSON(_ value: ExactDecimal?) -> JSONValue { value.map { .number($0.formatted(scale: scorePlaces)) } ?? .null }
    /// null for a sum past what a decimal holds: reported (`eval.overflow`), and such a year is not published.
    private func moneyJSON(_ value: ExactDecimal?) -> JSONValue { value.map { .number($0.formatted(scale: moneyPlaces)) } ?? .null }

    // MARK: JSON

    package func renderJSON() -> String {
        let output = StringOutput()
        writeJSON(to: output)
        return output.text
    }

    /// `renderJSON`'s bytes, the officers written one by one: the year of a million officers is
    /// never one tree of values, nor one string.
    package func writeJSON(to output: some ByteOutput) {
        // nil stands for the officers, written in their place.
        let fields: [(String, JSONValue?)] = [
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
            ("officers", nil),
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
        ]
        // The layout `JSONValue.rendered()` gives the whole document, piece by piece.
        var bytes = Array("{\n".utf8)
        for (index, (key, value)) in fields.enumerated() {
            bytes.append(contentsOf: "  ".utf8)
            JSONValue.escape(key, into: &bytes)
            bytes.append(contentsOf: ": ".utf8)
            if let value {
                value.write(to: &bytes, indent: 1)
            } else if result.officers.isEmpty {
                bytes.append(contentsOf: "[]".utf8)
            } else {
                bytes.append(contentsOf: "[\n".utf8)
                // An officer at a time, into the output, which buffers.
                for (position, officer) in result.officers.enumerated() {
                    bytes.append(contentsOf: "    ".utf8)
                    officerJSON(officer).write(to: &bytes, indent: 2)
                    bytes.append(contentsOf: (position + 1 < result.officers.count ? ",\n" : "\n").utf8)
                    output.write(bytes)
                    bytes.removeAll(keepingCapacity: true)
                }
                bytes.append(contentsOf: "  ]".utf8)
            }
            bytes.append(contentsOf: (index + 1 < fields.count ? ",\n" : "\n").utf8)
        }
        bytes.append(contentsOf: "}\n".utf8)
        output.write(bytes)
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
        let output = StringOutput()
        writeCSV(to: output, bom: bom, headers: headers)
        return output.text
    }

    /// `renderCSV`'s bytes, written row by row: a year of a million officers is never one string.
    package func writeCSV(to output: some ByteOutput, bom: Bool = true, headers: HeaderStyle = .id) {
        var head = CSVWriter(bom: bom)
        head.row(csvHeader(headers))
        output.write(head.text)
        // A row at a time, as the quarter's writer does: the output buffers.
        var row = CSVRowBytes()
        for officer in result.officers {
            writeCSVRow(&row, for: officer)
            output.write(row.bytes)
        }
    }

    private func writeCSVRow(_ row: inout CSVRowBytes, for officer: AnnualOfficerResult) {
        row.start()
        if let rank = officer.rank { row.cell(integer: rank) } else { row.cell("") }
        let person = officer.officer
        person.withUTF8(.id) { row.cell(utf8: $0) }
        person.withUTF8(.name) { row.cell(utf8: $0) }
        person.withUTF8(.unit) { row.cell(utf8: $0) }
        person.withUTF8(.area) { row.cell(utf8: $0) }
        let (role, manager) = person.reportsTo
        row.cell(role)
        row.cell(manager)
        for quarter in result.quarters {
            row.cell(officer.quarters.first { $0.quarter == quarter.quarter }?.total, scale: scorePlaces)
        }
        row.cell(officer.quarterSum, scale: scorePlaces)
        row.cell(officer.annualTotal, scale: scorePlaces)
        row.cell(outcome(officer))
        row.cell(officer.quarterlyRewards, scale: moneyPlaces)
        row.cell(officer.yearEndReward, scale: moneyPlaces)
        if let total = officer.rewardTotal { row.cell(total, scale: moneyPlaces) } else { row.cell("—") }
        row.end()
    }
}
