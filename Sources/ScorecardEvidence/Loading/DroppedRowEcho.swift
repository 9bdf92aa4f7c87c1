import ScorecardBase

/// Evidence naming an officer whose roster row was left out for a problem: not a problem of
/// its own but an echo of that one. Said first as itself; where the roster's problem is reported
/// in the same list, the echoes are folded into a note on it, so the cause comes first and once.
public enum DroppedRowEcho {
    public static let code = EvidenceCode.droppedOfficer.rawValue

    static func diagnostic(id: String, at location: SourceLocation, cause: SourceLocation) -> Diagnostic {
        EvidenceMessages.droppedOfficer(id, at: location, cause: cause)
    }

    /// How many places a folded note lists before saying how many there are.
    static let listedPlaces = 5
}

extension Array where Element == Diagnostic {
    /// The echoes of dropped roster rows (`DroppedRowEcho`) folded into a note on the problem
    /// that dropped each row, when that problem is in the list; other echoes are kept as they are.
    public func foldingDroppedRowEchoes() -> [Diagnostic] {
        guard contains(where: { $0.code == DroppedRowEcho.code }) else { return self }
        var causes: [SourceLocation: Int] = [:]
        for (index, diagnostic) in enumerated() where diagnostic.code != DroppedRowEcho.code {
            if let location = diagnostic.location, causes[location] == nil { causes[location] = index }
        }
        var echoes: [Int: [Diagnostic]] = [:]
        var folded = Set<Int>()
        for (index, diagnostic) in enumerated() where diagnostic.code == DroppedRowEcho.code {
            guard let cause = diagnostic.notes.first?.location, let causeIndex = causes[cause] else { continue }
            echoes[causeIndex, default: []].append(diagnostic)
            folded.insert(index)
        }
        var result: [Diagnostic] = []
        for (index, diagnostic) in enumerated() where !folded.contains(index) {
            guard let found = echoes[index] else {
                result.append(diagnostic)
                continue
            }
            var cause = diagnostic
            let places = found.compactMap(\.location).sorted()
            cause.notes.append(EvidenceMessages.droppedRowEchoes(at: places, listing: DroppedRowEcho.listedPlaces))
            result.append(cause)
        }
        return result
    }
}
