import ScorecardBase
import ScorecardExpression
import ScorecardYAML

/// `evidence`: the fields of an officer's record, itemised lists, and record checks.
enum EvidenceDecoding {
    static let fieldKeys = ["id", "name", "type", "min", "max", "default", "description", "clause", "choices", "within_quarter"]

    /// One declared field; `context` names where it sits (e.g. `evidence.fields`).
    static func field(_ node: YAMLNode, index: Int, context: String, sink: inout DiagnosticSink) -> EvidenceField? {
        guard let reader = MappingReader(node, context: "\(context) 的第 \(index + 1) 个字段", allowed: fieldKeys, sink: &sink)
        else { return nil }
        let id = reader.required("id", sink: &sink).flatMap { ScalarReading.identifier($0, "字段编号（id）", sink: &sink) }
        let label = id.map { "字段 \($0)" } ?? "字段"
        let name = reader.optional("name").flatMap { ScalarReading.text($0, "\(label) 的名称（name）", sink: &sink) }
        let description = reader.optional("description").flatMap { ScalarReading.text($0, "\(label) 的说明（description）", sink: &sink) }
        let clause = ScalarReading.clause(reader, sink: &sink)
        guard
            let typeNode = reader.required(
                "type", sink: &sink, hint: "可选类型：integer（整数）、decimal（小数）、text（文字）、boolean（是/否）、date（日期）、choice（选项）"),
            let typeWord = ScalarReading.keyword(typeNode, "\(label) 的类型（type）", as: FieldTypeWord.self, sink: &sink)
        else {
            if let id { sink.markBroken([id]) }
            return nil
        }

        var type: FieldType
        switch typeWord {
        case .integer: type = .integer
        case .decimal: type = .decimal
        case .text: type = .text
        case .boolean: type = .boolean
        case .date: type = .date
        case .choice:
            guard let choicesNode = reader.required("choices", sink: &sink, hint: RulesMessages.KeyHint.fieldChoices),
                let choices = ScalarReading.textList(choicesNode, "\(label) 的可选值（choices）", sink: &sink)
            else {
                if let id { sink.markBroken([id]) }
                return nil
            }
            if choices.isEmpty {
                sink.append(RulesMessages.emptyChoices(label, at: choicesNode.location))
            }
            var seen = Set<String>()
            for choice in choices where !seen.insert(choice).inserted {
                sink.append(RulesMessages.duplicateChoice(label, choice, at: choicesNode.location))
            }
            type = .choice(choices)
        }
        if typeWord != .choice, reader.has("choices") {
            sink.append(RulesMessages.choicesWithoutChoice(at: reader.location(ofKey: "choices")))
        }

        let isNumber = type == .integer || type == .decimal
        func bound(_ key: String) -> ExactDecimal? {
            guard let node = reader.optional(key) else { return nil }
            guard isNumber else {
                sink.append(RulesMessages.boundOnNonNumber(key, at: reader.location(ofKey: key)))
                return nil
            }
            guard let value = ScalarReading.decimal(node, "\(label) 的\(key == "min" ? "下限" : "上限")（\(key)）", sink: &sink) else {
                return nil
            }
            if type == .integer, value.scale > 0, value.normalized.scale > 0 {
                sink.append(RulesMessages.fractionalBound(key, field: id ?? "", at: valueLocation(node)))
            }
            return value
        }
        let min = bound("min")
        let max = bound("max")
        if let min, let max, max < min {
            sink.append(RulesMessages.badRange(label, min: min, max: max, at: reader.location(ofKey: "max")))
        }

        var withinQuarter = false
        if let node = reader.optional("within_quarter") {
            if type == .date {
                withinQuarter = ScalarReading.boolean(node, "\(label) 的 within_quarter", sink: &sink) ?? false
            } else {
                sink.append(RulesMessages.withinQuarterOnNonDate(at: reader.location(ofKey: "within_quarter")))
            }
        }

        var defaultValue: Value?
        if let node = reader.optional("default") {
            if let scalar = node.scalar {
                do throws(FieldValueParsing.Problem) {
                    defaultValue = try FieldValueParsing.parse(scalar.value, as: type, min: min, max: max)
                } catch let problem {
                    sink.append(RulesMessages.badDefault(label, problem, at: valueLocation(node)))
                }
            } else {
                sink.append(RulesMessages.defaultNotAValue(label, found: node.kindDescription, at: node.location))
            }
        }
        guard let id else { return nil }
        return EvidenceField(
            id: id, name: name, type: type, min: min, max: max, defaultValue: defaultValue, description: description,
            clause: clause, withinQuarter: withinQuarter, location: node.location)
    }

    static func fields(_ node: YAMLNode, context: String, sink: inout DiagnosticSink) -> [EvidenceField] {
        guard let nodes = node.sequence else {
            sink.append(RulesMessages.fieldsNotAList(context, at: node.location))
            return []
        }
        return nodes.enumerated().compactMap { field($1, index: $0, context: context, sink: &sink) }
    }

    static func list(_ node: YAMLNode, index: Int, sink: inout DiagnosticSink) -> EvidenceList? {
        guard
            let reader = MappingReader(
                node, context: "evidence.lists 的第 \(index + 1) 项", allowed: ["id", "name", "description", "clause", "fields"], sink: &sink)
        else { return nil }
        let id = reader.required("id", sink: &sink).flatMap { ScalarReading.identifier($0, "明细编号（id）", sink: &sink) }
        let name = reader.optional("name").flatMap { ScalarReading.text($0, "明细名称（name）", sink: &sink) }
        let description = reader.optional("description").flatMap { ScalarReading.text($0, "说明（description）", sink: &sink) }
        let clause = ScalarReading.clause(reader, sink: &sink)
        let fields = reader.required("fields", sink: &sink).map { self.fields($0, context: "明细 \(id ?? "")", sink: &sink) } ?? []
        guard let id else { return nil }
        return EvidenceList(id: id, name: name, description: description, clause: clause, fields: fields, location: node.location)
    }
}

/// The words rule files use for field types.
enum FieldTypeWord: String, CaseIterable {
    case integer, decimal, text, boolean, date, choice
}
