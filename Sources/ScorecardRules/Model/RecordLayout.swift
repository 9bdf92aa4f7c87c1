import ScorecardExpression

/// Where each value of an officer's quarterly record sits in the slot array that compiled
/// expressions read. Fixed when the rules load, so evaluation never looks a name up.
public struct RecordLayout: Sendable, Hashable {
    /// Evidence fields (assessed items first, then declared fields), in slot order from 0.
    public var fieldIDs: [String]
    /// List slots follow the fields.
    public var listIDs: [String]
    /// Item score slots follow the lists, in item order (`score.<id>`).
    public var itemIDs: [String]

    public var fieldsStart: Int { 0 }
    public var listsStart: Int { fieldIDs.count }
    public var scoresStart: Int { fieldIDs.count + listIDs.count }
    public var totalSlot: Int { scoresStart + itemIDs.count }
    public var gradeSlot: Int { totalSlot + 1 }
    public var slotCount: Int { gradeSlot + 1 }

    public func slot(ofField id: String) -> Int? { fieldIDs.firstIndex(of: id).map { fieldsStart + $0 } }
    public func slot(ofList id: String) -> Int? { listIDs.firstIndex(of: id).map { listsStart + $0 } }
    public func slot(ofScore itemID: String) -> Int? { itemIDs.firstIndex(of: itemID).map { scoresStart + $0 } }

    /// An empty record, every slot `missing`.
    public func emptySlots() -> [Value] { Array(repeating: .missing, count: slotCount) }
}
