import ScorecardBase

/// A liaison officer on the roster: who they are, the area (shift) they serve, whom they report
/// to (clause 3) and how they were chosen and trained (clause 2.2.2).
public struct Officer: Sendable, Hashable {
    /// The officer's data in one shared, immutable box: an officer is copied into every record
    /// and result of a quarter, and a copy is then one reference, not a dozen strings and dates.
    /// Setting a property puts a changed copy in a new box.
    private var box: Box

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

    private mutating func set<T>(_ path: WritableKeyPath<Fields, T>, _ value: T) {
        var fields = box.fields
        fields[keyPath: path] = value
        box = Box(fields)
    }

    public var id: String {
        get { box.fields.id }
        set { set(\.id, newValue) }
    }
    public var name: String {
        get { box.fields.name }
        set { set(\.name, newValue) }
    }
    public var unit: String {
        get { box.fields.unit }
        set { set(\.unit, newValue) }
    }
    public var area: String {
        get { box.fields.area }
        set { set(\.area, newValue) }
    }
    public var managerRole: String? {
        get { box.fields.managerRole }
        set { set(\.managerRole, newValue) }
    }
    public var manager: String? {
        get { box.fields.manager }
        set { set(\.manager, newValue) }
    }
    public var selection: String? {
        get { box.fields.selection }
        set { set(\.selection, newValue) }
    }
    public var reason: String? {
        get { box.fields.reason }
        set { set(\.reason, newValue) }
    }
    public var trainedOn: LocalDate? {
        get { box.fields.trainedOn }
        set { set(\.trainedOn, newValue) }
    }
    /// In office from this day (inclusive); nil when not recorded.
    public var from: LocalDate? {
        get { box.fields.from }
        set { set(\.from, newValue) }
    }
    /// In office until this day (inclusive); nil while still serving.
    public var until: LocalDate? {
        get { box.fields.until }
        set { set(\.until, newValue) }
    }
    public var location: SourceLocation {
        get { box.fields.location }
        set { set(\.location, newValue) }
    }
    /// Where each roster column's cell is, by column id (`selection`, `trained_on`…), for the
    /// roster checks to point at the cell to fix. Worked out when asked for from the row kept.
    public var cellLocations: [String: SourceLocation] {
        get {
            switch box.fields.places {
            case .fixed(let locations): locations
            case .row(let row, let columns): columns.mapValues { row.location(at: $0) }
            }
        }
        set { set(\.places, .fixed(newValue)) }
    }

    private enum CellPlaces: Sendable {
        case fixed([String: SourceLocation])
        /// The roster row and each column id's index in it (one dictionary shared by every row).
        case row(EvidenceRow, columns: [String: Int])
    }

    public init(
        id: String, name: String, unit: String, area: String, managerRole: String? = nil, manager: String? = nil,
        selection: String? = nil, reason: String? = nil, trainedOn: LocalDate? = nil, from: LocalDate? = nil,
        until: LocalDate? = nil, location: SourceLocation, cellLocations: [String: SourceLocation] = [:]
    ) {
        self.box = Box(Fields(
            id: id, name: name, unit: unit, area: area, managerRole: managerRole, manager: manager, selection: selection,
            reason: reason, trainedOn: trainedOn, from: from, until: until, location: location, places: .fixed(cellLocations)))
    }

    /// An officer read from a roster row, its cells' places left to be worked out when asked for.
    init(
        id: String, name: String, unit: String, area: String, managerRole: String?, manager: String?,
        selection: String?, reason: String?, trainedOn: LocalDate?, from: LocalDate?,
        until: LocalDate?, location: SourceLocation, row: EvidenceRow, columns: [String: Int]
    ) {
        self.box = Box(Fields(
            id: id, name: name, unit: unit, area: area, managerRole: managerRole, manager: manager, selection: selection,
            reason: reason, trainedOn: trainedOn, from: from, until: until, location: location, places: .row(row, columns: columns)))
    }

    /// The cell of roster column `id`; the row's start when the roster has no such column.
    public func location(ofColumn id: String) -> SourceLocation {
        switch box.fields.places {
        case .fixed(let locations): locations[id] ?? location
        case .row(let row, let columns): columns[id].map { row.location(at: $0) } ?? location
        }
    }

    public static func == (lhs: Officer, rhs: Officer) -> Bool {
        lhs.id == rhs.id && lhs.name == rhs.name && lhs.unit == rhs.unit && lhs.area == rhs.area
            && lhs.managerRole == rhs.managerRole && lhs.manager == rhs.manager && lhs.selection == rhs.selection
            && lhs.reason == rhs.reason && lhs.trainedOn == rhs.trainedOn && lhs.from == rhs.from && lhs.until == rhs.until
            && lhs.location == rhs.location && lhs.cellLocations == rhs.cellLocations
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
        hasher.combine(cellLocations)
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
    public private(set) var officers: [Officer]
    private var index: [String: Int]
    /// Ids of roster rows left out for a problem, with the place of that problem: evidence that
    /// names one of them is an echo of it, and is said so (see `foldingDroppedRowEchoes`).
    public internal(set) var droppedRows: [String: SourceLocation] = [:]

    public init(officers: [Officer]) {
        self.officers = officers
        self.index = Dictionary(officers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Officers whose index by id is already built (the roster loader's), in file order.
    init(officers: [Officer], index: [String: Int]) {
        self.officers = officers
        self.index = index
    }

    public func officer(withID id: String) -> Officer? { index[id].map { officers[$0] } }

    /// Where the officer with this id stands in `officers`: a small number to index by.
    public func position(ofID id: String) -> Int? { index[id] }
}
