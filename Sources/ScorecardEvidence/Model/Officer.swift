import ScorecardBase

/// A liaison officer on the roster: who they are, the area (shift) they serve, whom they report
/// to (clause 3) and how they were chosen and trained (clause 2.2.2).
public struct Officer: Sendable, Hashable {
    /// The officer's data: one entry of a packed roster (a large roster read from a file), or
    /// one shared, immutable box (an officer built in code or changed). Either way an officer
    /// is copied into every record and result of a quarter, and a copy is one reference.
    /// Setting a property puts a changed copy in a new box.
    private var storage: Storage

    private enum Storage: Sendable {
        case boxed(Box)
        case packed(PackedRoster, Int)
    }

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private struct Fields: Sendable {
        var id: String
        var name: String
        var unit: String
        var area: String
        var managerRole: String?
        var manager: String?
        var selection: String?
        var reason: String?
        var trainedOn: LocalDate?
        var from: LocalDate?
        var until: LocalDate?
        var location: SourceLocation
        var places: CellPlaces
    }

    /// The fields as a value, read out of a packed roster when the officer is packed.
    private var fields: Fields {
        switch storage {
        case .boxed(let box): return box.fields
        case .packed(let roster, let index):
            let entry = roster.entries[index]
            return Fields(
                id: roster.text(.id, of: index), name: roster.text(.name, of: index), unit: roster.text(.unit, of: index),
                area: roster.text(.area, of: index), managerRole: roster.optionalText(.managerRole, of: index),
                manager: roster.optionalText(.manager, of: index), selection: roster.optionalText(.selection, of: index),
                reason: roster.optionalText(.reason, of: index), trainedOn: PackedRoster.date(entry.trainedOn),
                from: PackedRoster.date(entry.from), until: PackedRoster.date(entry.until),
                location: SourceLocation(file: roster.file, line: Int(entry.line), column: 1),
                places: .packed(roster, index))
        }
    }

    private mutating func set<T>(_ path: WritableKeyPath<Fields, T>, _ value: T) {
        var fields = self.fields
        fields[keyPath: path] = value
        storage = .boxed(Box(fields))
    }

    init(packed roster: PackedRoster, index: Int) {
        storage = .packed(roster, index)
    }

    public var id: String {
        get {
            if case .packed(let roster, let index) = storage { return roster.text(.id, of: index) }
            return fields.id
        }
        set { set(\.id, newValue) }
    }
    public var name: String {
        get {
            if case .packed(let roster, let index) = storage { return roster.text(.name, of: index) }
            return fields.name
        }
        set { set(\.name, newValue) }
    }
    public var unit: String {
        get {
            if case .packed(let roster, let index) = storage { return roster.text(.unit, of: index) }
            return fields.unit
        }
        set { set(\.unit, newValue) }
    }
    public var area: String {
        get {
            if case .packed(let roster, let index) = storage { return roster.text(.area, of: index) }
            return fields.area
        }
        set { set(\.area, newValue) }
    }
    public var managerRole: String? {
        get {
            if case .packed(let roster, let index) = storage { return roster.optionalText(.managerRole, of: index) }
            return fields.managerRole
        }
        set { set(\.managerRole, newValue) }
    }
    public var manager: String? {
        get {
            if case .packed(let roster, let index) = storage { return roster.optionalText(.manager, of: index) }
            return fields.manager
        }
        set { set(\.manager, newValue) }
    }
    public var selection: String? {
        get {
            if case .packed(let roster, let index) = storage { return roster.optionalText(.selection, of: index) }
            return fields.selection
        }
        set { set(\.selection, newValue) }
    }
    public var reason: String? {
        get {
            if case .packed(let roster, let index) = storage { return roster.optionalText(.reason, of: index) }
            return fields.reason
        }
        set { set(\.reason, newValue) }
    }
    public var trainedOn: LocalDate? {
        get {
            if case .packed(let roster, let index) = storage { return PackedRoster.date(roster.entries[index].trainedOn) }
            return fields.trainedOn
        }
        set { set(\.trainedOn, newValue) }
    }
    /// In office from this day (inclusive); nil when not recorded.
    public var from: LocalDate? {
        get {
            if case .packed(let roster, let index) = storage { return PackedRoster.date(roster.entries[index].from) }
            return fields.from
        }
        set { set(\.from, newValue) }
    }
    /// In office until this day (inclusive); nil while still serving.
    public var until: LocalDate? {
        get {
            if case .packed(let roster, let index) = storage { return PackedRoster.date(roster.entries[index].until) }
            return fields.until
        }
        set { set(\.until, newValue) }
    }
    public var location: SourceLocation {
        get { fields.location }
        set { set(\.location, newValue) }
    }
    /// Where each roster column's cell is, by column id (`selection`, `trained_on`…), for the
    /// roster checks to point at the cell to fix. Worked out when asked for from the row kept.
    public var cellLocations: [String: SourceLocation] {
        get {
            switch fields.places {
            case .fixed(let locations): locations
            case .row(let row, let columns): columns.mapValues { row.location(at: $0) }
            case .packed(let roster, let index): roster.columns.mapValues { roster.location(ofColumn: $0, of: index) }
            }
        }
        set { set(\.places, .fixed(newValue)) }
    }

    private enum CellPlaces: Sendable {
        case fixed([String: SourceLocation])
        /// The roster row and each column id's index in it (one dictionary shared by every row).
        case row(EvidenceRow, columns: [String: Int])
        /// Found by reading the row again from the roster file.
        case packed(PackedRoster, Int)
    }

    public init(
        id: String, name: String, unit: String, area: String, managerRole: String? = nil, manager: String? = nil,
        selection: String? = nil, reason: String? = nil, trainedOn: LocalDate? = nil, from: LocalDate? = nil,
        until: LocalDate? = nil, location: SourceLocation, cellLocations: [String: SourceLocation] = [:]
    ) {
        self.storage = .boxed(
            Box(
                Fields(
                    id: id, name: name, unit: unit, area: area, managerRole: managerRole, manager: manager, selection: selection,
                    reason: reason, trainedOn: trainedOn, from: from, until: until, location: location, places: .fixed(cellLocations))))
    }

    /// An officer read from a roster row, its cells' places left to be worked out when asked for.
    init(
        id: String, name: String, unit: String, area: String, managerRole: String?, manager: String?,
        selection: String?, reason: String?, trainedOn: LocalDate?, from: LocalDate?,
        until: LocalDate?, location: SourceLocation, row: EvidenceRow, columns: [String: Int]
    ) {
        self.storage = .boxed(
            Box(
                Fields(
                    id: id, name: name, unit: unit, area: area, managerRole: managerRole, manager: manager, selection: selection,
                    reason: reason, trainedOn: trainedOn, from: from, until: until, location: location, places: .row(row, columns: columns))
            ))
    }

    /// The cell of roster column `id`; the row's start when the roster has no such column.
    public func location(ofColumn id: String) -> SourceLocation {
        if case .packed(let roster, let index) = storage {
            return roster.columns[id].map { roster.location(ofColumn: $0, of: index) } ?? location
        }
        switch fields.places {
        case .fixed(let locations): return locations[id] ?? location
        case .row(let row, let columns): return columns[id].map { row.location(at: $0) } ?? location
        case .packed(let roster, let index): return roster.columns[id].map { roster.location(ofColumn: $0, of: index) } ?? location
        }
    }

    /// Who the officer is and where their row is; the places of the row's cells are left out
    /// (they follow from the row, and for a packed roster they are found by reading it again).
    public static func == (lhs: Officer, rhs: Officer) -> Bool {
        if case .packed(let left, let i) = lhs.storage, case .packed(let right, let j) = rhs.storage, left === right, i == j { return true }
        return lhs.id == rhs.id && lhs.name == rhs.name && lhs.unit == rhs.unit && lhs.area == rhs.area
            && lhs.managerRole == rhs.managerRole && lhs.manager == rhs.manager && lhs.selection == rhs.selection
            && lhs.reason == rhs.reason && lhs.trainedOn == rhs.trainedOn && lhs.from == rhs.from && lhs.until == rhs.until
            && lhs.location == rhs.location
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(name)
        hasher.combine(unit)
        hasher.combine(area)
        hasher.combine(managerRole)
        hasher.combine(manager)
        hasher.combine(selection)
        hasher.combine(reason)
        hasher.combine(trainedOn)
        hasher.combine(from)
        hasher.combine(until)
        hasher.combine(location)
    }

    /// The officer's texts, handed out as UTF-8 without making a string when the officer is
    /// packed: what a report row writes, and what the roster checks and the totals compare.
    public enum Text: Sendable {
        case id, name, unit, area, managerRole, manager, selection, reason
    }

    /// Hands the text to `body` as UTF-8; a text not recorded is empty.
    public func withUTF8<R>(_ text: Text, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if case .packed(let roster, let index) = storage {
            let packed: PackedRoster.Text =
                switch text {
                case .id: .id
                case .name: .name
                case .unit: .unit
                case .area: .area
                case .managerRole: .managerRole
                case .manager: .manager
                case .selection: .selection
                case .reason: .reason
                }
            return roster.withUTF8(packed, of: index, body)
        }
        var value =
            switch text {
            case .id: id
            case .name: name
            case .unit: unit
            case .area: area
            case .managerRole: managerRole ?? ""
            case .manager: manager ?? ""
            case .selection: selection ?? ""
            case .reason: reason ?? ""
            }
        return value.withUTF8(body)
    }

    /// The training, start and end dates as `LocalDate.key`s, 0 for one not recorded: read
    /// from a packed roster's entry without making a date.
    public var dateKeys: (trainedOn: Int32, from: Int32, until: Int32) {
        if case .packed(let roster, let index) = storage {
            let entry = roster.entries[index]
            return (entry.trainedOn, entry.from, entry.until)
        }
        return (trainedOn?.key ?? 0, from?.key ?? 0, until?.key ?? 0)
    }

    /// Whether the officer served at any time during the quarter.
    public func serves(in quarter: Quarter) -> Bool {
        if let from, from > quarter.lastDay { return false }
        if let until, until < quarter.firstDay { return false }
        return true
    }
}

/// Every officer on record, in file order, looked up by id.
public struct Roster: Sendable {
    public private(set) var officers: RosterOfficers
    private var index: [String: Int]
    /// Ids of roster rows left out for a problem, with the place of that problem: evidence that
    /// names one of them is an echo of it, and is said so (see `foldingDroppedRowEchoes`).
    public internal(set) var droppedRows: [String: SourceLocation] = [:]

    public init(officers: [Officer]) {
        self.officers = RosterOfficers(storage: .array(officers))
        self.index = Dictionary(officers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Officers whose index by id is already built (the roster loader's), in file order.
    init(officers: [Officer], index: [String: Int]) {
        self.officers = RosterOfficers(storage: .array(officers))
        self.index = index
    }

    /// A packed roster (the loader's, for a roster file): it keeps its own index.
    init(packed: PackedRoster) {
        self.officers = RosterOfficers(storage: .packed(packed))
        self.index = [:]
    }

    public func officer(withID id: String) -> Officer? { position(ofID: id).map { officers[$0] } }

    /// Where the officer with this id stands in `officers`: a small number to index by.
    public func position(ofID id: String) -> Int? {
        if case .packed(let packed) = officers.storage { return packed.index(ofID: id) }
        return index[id]
    }
}

/// The roster's officers in file order: an array, or a packed roster read an officer at a time.
public struct RosterOfficers: RandomAccessCollection, Sendable {
    enum Storage: Sendable {
        case array([Officer])
        case packed(PackedRoster)
    }

    let storage: Storage

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch storage {
        case .array(let officers): officers.count
        case .packed(let packed): packed.count
        }
    }

    public subscript(position: Int) -> Officer {
        switch storage {
        case .array(let officers): officers[position]
        case .packed(let packed): Officer(packed: packed, index: position)
        }
    }
}
