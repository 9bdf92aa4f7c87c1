/// A layer's catalog of problem codes: one case per problem it can report, whose raw value is
/// the stable code (`rules.unknown-key`) that output, docs and scripts name.
///
/// Each layer keeps its own catalog (`RulesCode`, `EvidenceCode`…), so a code is declared once
/// and the docs test can list every code without reading sources. A layer reporting a lower
/// layer's problem uses that layer's case.
public protocol DiagnosticCode: RawRepresentable<String>, CaseIterable, Hashable, Sendable {}

extension DiagnosticCode {
    /// `problem.code == RulesCode.unknownKey`: a problem's code against a catalog's case.
    public static func == (code: String, known: Self) -> Bool { code == known.rawValue }

    public static func != (code: String, known: Self) -> Bool { code != known.rawValue }
}
