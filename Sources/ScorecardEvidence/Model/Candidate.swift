import ScorecardBase
import ScorecardExpression

/// Someone put forward as a liaison officer (clause 2.2.1), with the facts the eligibility
/// criteria are judged on.
public struct Candidate: Sendable {
    public var id: String
    public var name: String
    public var unit: String
    /// The responsibility area (shift) the candidate stands for.
    public var area: String
    /// The values of `eligibility.candidateFields`, in that order: the slots the criteria read.
    public var values: [Value]
    /// Where the candidate's row starts.
    public var location: SourceLocation
    /// Where each value came from, worked out only when a report needs it.
    private var places: FieldPlaces

    public init(id: String, name: String, unit: String, area: String, values: [Value], row: EvidenceRow, fieldColumns: [Int?]) {
        self.init(id: id, name: name, unit: unit, area: area, values: values, location: row.location)
        self.places = FieldPlaces(row: row, columns: fieldColumns)
    }

    /// A candidate built in code (tests, other front ends), with no source to point into.
    public init(id: String, name: String, unit: String, area: String, values: [Value], location: SourceLocation) {
        self.id = id
        self.name = name
        self.unit = unit
        self.area = area
        self.values = values
        self.location = location
        self.places = .none
    }

    /// Where candidate field `index` was read; nil when it was left empty and took its default.
    public func fieldLocation(_ index: Int) -> SourceLocation? { places.location(index) }
}

/// The candidates file as read: the sound rows, and who was left out because a row was wrong.
public struct CandidateList: Sendable {
    public var file: String
    public var candidates: [Candidate]
    /// Rows with a problem: not judged until they are put right.
    public var rejected: [RejectedRow]

    /// A row left out, named by what it has (the id may be the very thing missing).
    public struct RejectedRow: Sendable, Hashable {
        public var id: String?
        public var name: String?
        public var location: SourceLocation

        /// `10478（白云飞）`, or `第 7 行` when the row has no id.
        public var label: String {
            guard let id else { return "第 \(location.line) 行" }
            return name.map { "\(id)（\($0)）" } ?? id
        }
    }

    public init(file: String, candidates: [Candidate], rejected: [RejectedRow]) {
        self.file = file
        self.candidates = candidates
        self.rejected = rejected
    }
}
