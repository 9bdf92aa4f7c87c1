import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// The record values an item's rule reads, for explanations. Worked out on demand from the
/// record and the result rather than stored with every result, since only `explain` needs them.
public enum ItemInputs {
    public static func values(read item: Item, record: OfficerRecord, result: OfficerResult, layout: RecordLayout) -> [(
        name: String, value: Value
    )] {
        Set(item.readNames).sorted().map { name in (name, value(of: name, record: record, result: result, layout: layout)) }
    }

    static func value(of name: String, record: OfficerRecord, result: OfficerResult, layout: RecordLayout) -> Value {
        if name.hasPrefix("score.") {
            let id = String(name.dropFirst(6))
            return result.items.first { $0.itemID == id }?.score.map(Value.number) ?? .missing
        }
        guard let slot = layout.slot(ofField: name) ?? layout.slot(ofList: name), record.slots.indices.contains(slot) else {
            return .missing
        }
        return record.slots[slot]
    }
}
