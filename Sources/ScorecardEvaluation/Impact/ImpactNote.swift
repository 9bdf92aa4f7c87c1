import ScorecardEvidence

/// Something a reader of the impact must know to trust the figures: evidence only one version
/// reads, officers left out of the comparison, problems in the records.
public enum ImpactNote: Sendable {
    case evidence(EvidenceNeed)
    /// Officers with a result under `side` only (their evidence failed under the other): not compared.
    case evaluatedUnderOneSide(ImpactSide, officers: [Officer])
    /// Officers with a record under either version but a result under neither.
    case evaluatedUnderNeither(officers: [Officer])
    /// Problems found reading the quarter under `side` only, or under both when nil.
    case evidenceProblems(ImpactSide?, errors: Int, warnings: Int)

    /// Stable, for scripts and tests: `impact.field-only-new`, `impact.officers-only-old`…
    public var code: String {
        switch self {
        case .evidence(let need): "impact.\(need.kind.rawValue)-only-\(need.neededBy.rawValue)"
        case .evaluatedUnderOneSide(let side, _): "impact.officers-only-\(side.rawValue)"
        case .evaluatedUnderNeither: "impact.officers-neither"
        case .evidenceProblems(let side, _, _): "impact.evidence-problems-\(side?.rawValue ?? "both")"
        }
    }

    public var side: ImpactSide? {
        switch self {
        case .evidence(let need): need.neededBy
        case .evaluatedUnderOneSide(let side, _): side
        case .evaluatedUnderNeither: nil
        case .evidenceProblems(let side, _, _): side
        }
    }

    public var officers: [Officer] {
        switch self {
        case .evaluatedUnderOneSide(_, let officers), .evaluatedUnderNeither(let officers): officers
        case .evidence, .evidenceProblems: []
        }
    }
}
