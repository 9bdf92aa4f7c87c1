import ScorecardBase

/// A liaison officer on the roster: who they are, the area (shift) they serve, whom they report
/// to (clause 3) and how they were chosen and trained (clause 2.2.2).
public struct Officer: Sendable, Hashable {
    public var id: String
    public var name: String
    public var unit: String
    public var area: String
    public var managerRole: String?
    public var manager: String?
    public var selection: String?
    public var reason: String?
    public var trainedOn: LocalDate?
    /// In office from this day (inclusive); nil when not recorded.
    public var from: LocalDate?
    /// In office until this day (inclusive); nil while still serving.
    public var until: LocalDate?
    public var location: SourceLocation
    /// Where each roster column's cell is, by column id (`selection`, `trained_on`…), for the
    /// roster checks to point at the cell to fix. Worked out when asked for from the row kept.
    public var cellLocations: [String: SourceLocation] {
        get {
            switch places {
            case .fixed(let locations): locations
            case .row(let row, let columns): columns.mapValues { row.location(at: $0) }
            }
        }
        set { places = .fixed(newValue) }
    }
    private var places: CellPlaces

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
        self.id = id
        self.name = name
        self.unit = unit
        self.area = area
        self.managerRole = managerRole
        self.manager = manager
        self.selection = selection
        self.reason = reason
        self.trainedOn = trainedOn
        self.from = from
        self.until = until
        self.location = location
        self.places = .fixed(cellLocations)
    }

    /// An officer read from a roster row, its cells' places left to be worked out when asked for.
    init(
        id: String, name: String, unit: String, area: String, managerRole: String?, manager: String?,
        selection: String?, reason: String?, trainedOn: LocalDate?, from: LocalDate?,
        until: LocalDate?, location: SourceLocation, row: EvidenceRow, columns: [String: Int]
    ) {
        self.init(
            id: id, name: name, unit: unit, area: area, managerRole: managerRole, manager: manager, selection: selection,
            reason: reason, trainedOn: trainedOn, from: from, until: until, location: location)
        self.places = .row(row, columns: columns)
    }

    /// The cell of roster column `id`; the row's start when the roster has no such column.
    public func location(ofColumn id: String) -> SourceLocation {
        switch places {
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

    public init(officers: [Officer]) {
        self.officers = officers
        self.index = Dictionary(officers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func officer(withID id: String) -> Officer? { index[id].map { officers[$0] } }
}
