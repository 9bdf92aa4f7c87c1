import ScorecardExpression

/// Where each value of an officer's quarterly record sits in the slot array that compiled
/// expressions read. Fixed when the rules load, so evaluation never looks a name up.
public struct RecordLayout: Sendable, Hashable {
    /// Evidence fields (assessed items first, then declared fields), in slot order from 0.
    public var fieldIDs: [String] { didSet { fieldIndex = Self.index(fieldIDs) } }
    /// List slots follow the fields.
    public var listIDs: [String] { didSet { listIndex = Self.index(listIDs) } }
    /// Item score slots follow the lists, in item order (`score.<id>`).
    public var itemIDs: [String] { didSet { itemIndex = Self.index(itemIDs) } }

    /// Whether list rows keep every field, read by a rule or not (`Policy.keptListFields`):
    /// for an expression tried against the records that the rules themselves do not hold.
    /// Not part of the layout's identity.
    public var keepsEveryListField = false

    /// Each id's position, so that a look-up does not scan: rules with ten thousand items look
    /// up every one of them while they load.
    private var fieldIndex: [String: Int]
    private var listIndex: [String: Int]
    private var itemIndex: [String: Int]

    public init(fieldIDs: [String], listIDs: [String], itemIDs: [String]) {
        self.fieldIDs = fieldIDs
        self.listIDs = listIDs
        self.itemIDs = itemIDs
        fieldIndex = Self.index(fieldIDs)
        listIndex = Self.index(listIDs)
        itemIndex = Self.index(itemIDs)
    }

    /// The first position of each id, as `firstIndex(of:)` would find it.
    private static func index(_ ids: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() where index[id] == nil { index[id] = position }
        return index
    }

    public static func == (lhs: RecordLayout, rhs: RecordLayout) -> Bool {
        lhs.fieldIDs == rhs.fieldIDs && lhs.listIDs == rhs.listIDs && lhs.itemIDs == rhs.itemIDs
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fieldIDs)
        hasher.combine(listIDs)
        hasher.combine(itemIDs)
    }

    public var fieldsStart: Int { 0 }
    public var listsStart: Int { fieldIDs.count }
    public var scoresStart: Int { fieldIDs.count + listIDs.count }
    public var totalSlot: Int { scoresStart + itemIDs.count }
    public var gradeSlot: Int { totalSlot + 1 }
    public var slotCount: Int { gradeSlot + 1 }

    public func slot(ofField id: String) -> Int? { fieldIndex[id].map { fieldsStart + $0 } }
    public func slot(ofList id: String) -> Int? { listIndex[id].map { listsStart + $0 } }
    public func slot(ofScore itemID: String) -> Int? { itemIndex[itemID].map { scoresStart + $0 } }

    /// An empty record, every slot `missing`.
    public func emptySlots() -> [Value] { Array(repeating: .missing, count: slotCount) }
}
