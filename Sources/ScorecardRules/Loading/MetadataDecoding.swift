import ScorecardBase
import ScorecardExpression
import ScorecardYAML

/// `policy`, `scoring`, `money`, `funds` and `grades`: the policy's frame.
enum MetadataDecoding {
    static func policy(_ node: YAMLNode, keys: inout KeyPlaces, sink: inout DiagnosticSink) -> PolicyMetadata? {
        guard
            let reader = MappingReader(
                node, context: "policy", allowed: ["id", "name", "version", "effective", "source", "description"], sink: &sink)
        else { return nil }
        reader.recordKeys(under: "policy", in: &keys)
        let id = reader.required("id", sink: &sink).flatMap { ScalarReading.text($0, "政策编号（id）", sink: &sink) }
        let name = reader.required("name", sink: &sink).flatMap { ScalarReading.text($0, "政策名称（name）", sink: &sink) }
        let version = reader.required("version", sink: &sink, hint: RulesMessages.KeyHint.policyVersion).flatMap {
            ScalarReading.text($0, "版本（version）", sink: &sink)
        }
        let effective = reader.required("effective", sink: &sink, hint: RulesMessages.KeyHint.policyEffective).flatMap {
            ScalarReading.date($0, "生效日期（effective）", sink: &sink)
        }
        let description = reader.optional("description").flatMap { ScalarReading.text($0, "说明（description）", sink: &sink) }
        var source: PolicySource?
        if let sourceNode = reader.optional("source"),
            let sourceReader = MappingReader(
                sourceNode, context: "policy.source", allowed: ["title", "published", "publisher"], sink: &sink)
        {
            let title = sourceReader.required("title", sink: &sink).flatMap { ScalarReading.text($0, "原文标题（title）", sink: &sink) }
            let published = sourceReader.optional("published").flatMap { ScalarReading.date($0, "发布日期（published）", sink: &sink) }
            let publisher = sourceReader.optional("publisher").flatMap { ScalarReading.text($0, "发布者（publisher）", sink: &sink) }
            if let title { source = PolicySource(title: title, published: published, publisher: publisher, location: sourceNode.location) }
        }
        guard let id, let name, let version, let effective else { return nil }
        return PolicyMetadata(
            id: id, name: name, version: version, effective: effective, source: source, description: description, location: node.location)
    }

    static func scoring(_ node: YAMLNode, keys: inout KeyPlaces, sink: inout DiagnosticSink) -> ScoringSettings? {
        guard let reader = MappingReader(node, context: "scoring", allowed: ["total", "precision", "rounding", "clause"], sink: &sink)
        else { return nil }
        reader.recordKeys(under: "scoring", in: &keys)
        let total = reader.required("total", sink: &sink, hint: RulesMessages.KeyHint.scoringTotal).flatMap {
            ScalarReading.decimal($0, "满分（total）", sink: &sink)
        }
        let precision =
            reader.optional("precision").flatMap { ScalarReading.integer($0, "小数位数（precision）", range: 0...6, sink: &sink) } ?? 2
        let rounding =
            reader.optional("rounding").flatMap { ScalarReading.keyword($0, "舍入方式（rounding）", as: RoundingMode.self, sink: &sink) }
            ?? .halfUp
        let clause = ScalarReading.clause(reader, sink: &sink)
        guard let total else { return nil }
        if total.isNegative || total.isZero {
            sink.append(RulesMessages.badTotal(at: reader.location(ofKey: "total")))
        }
        return ScoringSettings(total: total, precision: precision, rounding: rounding, clause: clause, location: node.location)
    }

    static func money(_ node: YAMLNode, keys: inout KeyPlaces, sink: inout DiagnosticSink) -> MoneySettings? {
        guard let reader = MappingReader(node, context: "money", allowed: ["currency", "precision", "rounding"], sink: &sink)
        else { return nil }
        reader.recordKeys(under: "money", in: &keys)
        let currency = reader.optional("currency").flatMap { ScalarReading.text($0, "货币单位（currency）", sink: &sink) } ?? "元"
        let precision =
            reader.optional("precision").flatMap { ScalarReading.integer($0, "金额小数位数（precision）", range: 0...4, sink: &sink) } ?? 2
        let rounding =
            reader.optional("rounding").flatMap { ScalarReading.keyword($0, "金额舍入方式（rounding）", as: RoundingMode.self, sink: &sink) }
            ?? .halfUp
        return MoneySettings(currency: currency, precision: precision, rounding: rounding, location: node.location)
    }

    static func fund(_ node: YAMLNode, index: Int, keys: inout KeyPlaces, sink: inout DiagnosticSink) -> Fund? {
        guard let reader = MappingReader(node, context: "第 \(index + 1) 项经费（funds）", allowed: ["id", "name", "clause"], sink: &sink)
        else { return nil }
        let id = reader.required("id", sink: &sink).flatMap { ScalarReading.identifier($0, "经费编号（id）", sink: &sink) }
        let name = reader.required("name", sink: &sink).flatMap { ScalarReading.text($0, "经费名称（name）", sink: &sink) }
        let clause = ScalarReading.clause(reader, sink: &sink)
        guard let id, let name else { return nil }
        reader.recordKeys(under: "funds[\(id)]", in: &keys)
        return Fund(id: id, name: name, clause: clause, location: node.location)
    }

    static func grades(_ node: YAMLNode, keys: inout KeyPlaces, sink: inout DiagnosticSink) -> GradeScale? {
        guard let reader = MappingReader(node, context: "grades", allowed: ["bands", "clause"], sink: &sink)
        else { return nil }
        reader.recordKeys(under: "grades", in: &keys)
        let clause = ScalarReading.clause(reader, sink: &sink)
        guard let bandsNode = reader.required("bands", sink: &sink) else { return nil }
        guard let bandNodes = bandsNode.sequence else {
            sink.append(RulesMessages.bandsNotAList(at: bandsNode.location))
            return nil
        }
        var bands: [GradeBand] = []
        for (index, bandNode) in bandNodes.enumerated() {
            guard let bandReader = MappingReader(bandNode, context: "第 \(index + 1) 个等级", allowed: ["name", "min", "below"], sink: &sink)
            else { continue }
            let name = bandReader.required("name", sink: &sink).flatMap { ScalarReading.text($0, "等级名称（name）", sink: &sink) }
            let min = bandReader.required("min", sink: &sink, hint: RulesMessages.KeyHint.gradeMinimum).flatMap {
                ScalarReading.decimal($0, "最低分（min）", sink: &sink)
            }
            let below = bandReader.optional("below").flatMap { ScalarReading.decimal($0, "上限（below）", sink: &sink) }
            if let name { bandReader.recordKeys(under: "grades.bands[\(name)]", in: &keys) }
            if let name, let min { bands.append(GradeBand(name: name, min: min, below: below, location: bandNode.location)) }
        }
        return GradeScale(bands: bands, clause: clause, location: node.location)
    }
}
