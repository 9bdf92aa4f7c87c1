import ScorecardBase
import ScorecardYAML

/// Reads back the JSON the ledger writes (provenance.json, history lines) with the YAML layer:
/// JSON is YAML 1.2, and what the ledger writes stays inside the part libyaml reads the same way
/// (block-free, double-quoted strings, `JSONEscaping.yamlSafe`). Anything else (a hand edit, a
/// truncated file, a value of the wrong kind) is a `ledger.bad-record` with its place.
struct LedgerJSONReader {
    /// The whole provenance of a large roster is a few nodes per officer: far above the limit
    /// meant for rule files, and still bounded.
    static let limits = YAMLLimits(maxNodes: 20_000_000, maxDepth: 16, maxFileBytes: .max)

    var file: String
    var code = LedgerCode.badRecord
    var hint = LedgerMessages.fileHint

    /// The one document in `bytes`, which must be an object.
    func document(_ bytes: [UInt8]) throws(Diagnostic) -> YAMLNode {
        var problems = DiagnosticSink()
        let documents = YAMLLoader.load(bytes: bytes, file: file, limits: Self.limits, sink: &problems)
        if let problem = problems.diagnostics.first(where: { $0.severity == .error }) {
            throw .error(
                code, "记录文件不是有效的 JSON：\(problem.message)", hint: hint,
                at: problem.location ?? SourceLocation(file: file, line: 1, column: 1))
        }
        guard documents.count == 1, let root = documents.first?.root else {
            throw bad("文件是空的或有多于一份内容", at: SourceLocation(file: file, line: 1, column: 1))
        }
        guard root.mapping != nil else { throw bad("最外层应是一个对象（{…}）", at: root.location) }
        return root
    }

    func bad(_ message: String, at location: SourceLocation) -> Diagnostic {
        LedgerMessages.damagedRecord(code, message, hint: hint, at: location)
    }

    func field(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> YAMLNode {
        guard let value = node[key] else { throw bad("缺少“\(key)”", at: node.location) }
        return value
    }

    /// A string the ledger wrote: always double-quoted, so `1` or `null` is not taken for one.
    func string(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> String {
        let value = try field(node, key)
        guard let scalar = value.scalar, scalar.style == .doubleQuoted else { throw bad("“\(key)”应是字符串", at: value.location) }
        return scalar.value
    }

    /// A string or `null`.
    func optionalString(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> String? {
        let value = try field(node, key)
        if let scalar = value.scalar, scalar.style == .plain, scalar.value == "null" { return nil }
        return try string(node, key)
    }

    func object(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> YAMLNode {
        let value = try field(node, key)
        guard value.mapping != nil else { throw bad("“\(key)”应是对象（{…}）", at: value.location) }
        return value
    }

    /// An object or `null`.
    func optionalObject(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> YAMLNode? {
        let value = try field(node, key)
        if let scalar = value.scalar, scalar.style == .plain, scalar.value == "null" { return nil }
        return try object(node, key)
    }

    func list(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> [YAMLNode] {
        let value = try field(node, key)
        guard let items = value.sequence else { throw bad("“\(key)”应是列表（[…]）", at: value.location) }
        for item in items where item.mapping == nil { throw bad("“\(key)”的每一项应是对象", at: item.location) }
        return items
    }

    /// A SHA-256 in lower-case hex, and where it is written (the quoted digest, for the caret line).
    func digest(_ node: YAMLNode, _ key: String, of what: String) throws(Diagnostic) -> (hex: String, location: SourceLocation) {
        let hex = try string(node, key)
        var location = node[key]?.location ?? node.location
        guard SHA256Text.isDigest(hex) else { throw bad("“\(what)”的 \(key) 不是 64 位十六进制数", at: location) }
        location.length = hex.count + 2
        return (hex, location)
    }

    func optionalDigest(_ node: YAMLNode, _ key: String, of what: String) throws(Diagnostic) -> String? {
        guard try optionalString(node, key) != nil else { return nil }
        return try digest(node, key, of: what).hex
    }
}

enum SHA256Text {
    static func isDigest(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    static func of(_ bytes: [UInt8]) -> String { SHA256.hex(SHA256.hash(bytes)) }

    /// The digest of a file, nil when it cannot be read.
    static func ofFile(_ path: String) -> String? {
        guard let digest = try? FileSystem.sha256(ofFile: path) else { return nil }
        return SHA256.hex(digest)
    }
}

extension Provenance {
    /// Reads provenance.json back (format 1 or 2). Anything missing or of the wrong kind is
    /// `ledger.bad-record` with the place, so a damaged record is named, never half-trusted.
    package static func parse(_ bytes: [UInt8], file: String) throws(Diagnostic) -> Provenance {
        let reader = LedgerJSONReader(file: file)
        return try read(reader.document(bytes), reader)
    }

    private static func read(_ root: YAMLNode, _ reader: LedgerJSONReader) throws(Diagnostic) -> Provenance {
        let format = try reader.string(root, "format")
        guard format == Self.format || format == Self.firstFormat else {
            throw reader.bad("记录格式“\(format)”不是本程序认识的“\(Self.format)”", at: root["format"]?.location ?? root.location)
        }
        let quarterText = try reader.string(root, "quarter")
        guard let quarter = Quarter(quarterText) else {
            throw reader.bad("“\(quarterText)”不是季度", at: root["quarter"]?.location ?? root.location)
        }
        let timeText = try reader.string(root, "recorded_at")
        guard let time = UTCTime(iso8601: timeText) else {
            throw reader.bad("“\(timeText)”不是记录时间（应为 2026-01-05T08:30:00Z 的形式）", at: root["recorded_at"]?.location ?? root.location)
        }
        let policy = try reader.object(root, "policy")
        let rules = try reader.object(root, "rules")
        let evidence = try reader.object(root, "evidence")
        func files(_ node: YAMLNode, _ key: String, withPath: Bool) throws(Diagnostic) -> [LedgerFile] {
            var files: [LedgerFile] = []
            for item in try reader.list(node, key) {
                let name = try reader.string(item, "name")
                let digest = try reader.digest(item, "sha256", of: name)
                files.append(
                    LedgerFile(
                        path: withPath ? try reader.string(item, "path") : name, name: name, sha256: digest.hex, location: digest.location))
            }
            return files
        }
        var provenance = Provenance(
            quarter: quarter, recordedAt: time, engineVersion: try reader.string(root, "engine_version"),
            policy: PolicyInfo(
                id: try reader.string(policy, "id"), name: try reader.string(policy, "name"),
                version: try reader.string(policy, "version"), effective: try reader.string(policy, "effective")),
            rulesPath: try reader.string(rules, "path"), ruleFiles: try files(rules, "files", withPath: true),
            evidencePath: try reader.string(evidence, "path"), evidenceFiles: try files(evidence, "files", withPath: true),
            outputs: try files(root, "results", withPath: false))
        provenance.formatVersion = format
        guard format == Self.format else { return provenance }
        provenance.recordedBy = try reader.string(root, "recorded_by")
        provenance.reason = try reader.optionalString(root, "reason")
        if let roster = try reader.optionalObject(root, "roster") {
            var officers: [LedgerOfficer] = []
            for item in try reader.list(roster, "officers") {
                let id = try reader.string(item, "id")
                let digest = try reader.digest(item, "sha256", of: id)
                officers.append(LedgerOfficer(id: id, name: try reader.string(item, "name"), sha256: digest.hex, location: digest.location))
            }
            provenance.roster = LedgerRoster(
                path: try reader.string(roster, "path"), name: try reader.string(roster, "name"), officers: officers,
                location: roster["officers"]?.location ?? roster.location)
        }
        return provenance
    }
}
