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
    /// roster checks to point at the cell to fix. A roster is small, so they are kept.
    public var cellLocations: [String: SourceLocation]

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
        self.cellLocations = cellLocations
    }

    /// The cell of roster column `id`; the row's start when the roster has no such column.
    public func location(ofColumn id: String) -> SourceLocation { cellLocations[id] ?? location }

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
