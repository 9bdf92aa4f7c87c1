import ScorecardBase

// MARK: Binding the quarter's record table to the roster

extension EvidenceMessages {
    /// A second row for one officer; the note points at the first.
    static func duplicateRecord(_ officer: Officer, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.duplicateRecord, "联系员 \(officer.id)（\(officer.name)）本季度有两行记录",
            hint: "每人每季度只能有一行；合并或删去一行", at: location, notes: [.init("第一行在这里", at: first)])
    }

    static func missingRecord(_ officer: Officer, quarter: Quarter) -> Diagnostic {
        .error(
            EvidenceCode.missingRecord, "联系员 \(officer.id)（\(officer.name)，\(officer.unit)\(officer.area)）在 \(quarter) 在任，但没有考核记录",
            hint: "在考核记录表中为此人加一行；若已离任，在名册中填写离任日期（until）", at: officer.location)
    }

    static func missingOfficerID(at location: SourceLocation) -> Diagnostic {
        .error(EvidenceCode.missingOfficer, "这一行没有填写联系员工号", at: location)
    }

    /// An id the roster does not hold; the caller adds a leading-zero hint or a suggestion.
    static func unknownOfficer(_ id: String, at location: SourceLocation) -> Diagnostic {
        .error(EvidenceCode.unknownOfficer, "名册中没有工号为\(MessageText.quoted(id))的联系员", hint: "先在名册（officers.csv）中登记此人", at: location)
    }

    static func notServing(_ officer: Officer, quarter: Quarter, at location: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.notServing, "联系员 \(officer.id)（\(officer.name)）在 \(quarter) 不在任",
            hint: "核对名册中的任职日期（from/until）或这一行的工号", at: location)
    }

    static func nameMismatch(_ officer: Officer, written name: String, at location: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.nameMismatch, "工号 \(officer.id) 在名册中是“\(officer.name)”，这里写的是\(MessageText.quoted(name))",
            hint: "核对工号与姓名是否填错了行", at: location)
    }
}

// MARK: Evidence naming an officer whose roster row was dropped (`DroppedRowEcho`)

extension EvidenceMessages {
    static func droppedOfficer(_ id: String, at location: SourceLocation, cause: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.droppedOfficer, "名册中工号为\(MessageText.quoted(id))的那一行有错误、没有读入，这一行因此也无法对应到联系员",
            hint: "先改正名册中的那一行", at: location, notes: [.init("名册中的那一行在这里", at: cause)])
    }

    /// The note on the roster's problem that the echoes are folded into: how many rows, and the
    /// first `listing` of their places.
    static func droppedRowEchoes(at places: [SourceLocation], listing: Int) -> Diagnostic.Note {
        let listed = places.prefix(listing).map(\.description).joined(separator: "、")
        let more = places.count > listing ? " 等" : ""
        return .init("这一行因此没有读入名册，证据中用到这名联系员的 \(places.count) 行也都无法对应：\(listed)\(more)")
    }
}
