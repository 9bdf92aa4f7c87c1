import ScorecardBase
import ScorecardReport

/// One file a record depends on (a rule or evidence file) or consists of (results.json), with
/// its SHA-256 at the time of recording.
public struct LedgerFile: Sendable {
    /// The path as given on the command line when recorded, for people.
    public var path: String
    /// The path inside its folder (`2025-Q4/scores.csv` in the evidence folder): what is compared
    /// and re-checked, so a record stays valid when the mine's folder moves or is named differently.
    public var name: String
    /// Lower-case hex.
    public var sha256: String
    /// Where the digest is written in provenance.json, once read back.
    public var location: SourceLocation?

    public init(path: String, name: String, sha256: String, location: SourceLocation? = nil) {
        self.path = path
        self.name = name
        self.sha256 = sha256
        self.location = location
    }
}

/// Everything a recorded quarter says about where its results came from: written next to the
/// results as provenance.json, read back to compare and to check.
public struct Provenance: Sendable {
    public static let format = "scorecard-ledger/1"

    public struct PolicyInfo: Sendable, Hashable {
        public var id: String
        public var name: String
        public var version: String
        public var effective: String

        public init(id: String, name: String, version: String, effective: String) {
            self.id = id
            self.name = name
            self.version = version
            self.effective = effective
        }
    }

    public var quarter: Quarter
    public var recordedAt: UTCTime
    public var engineVersion: String
    public var policy: PolicyInfo
    public var rulesPath: String
    public var ruleFiles: [LedgerFile]
    public var evidencePath: String
    public var evidenceFiles: [LedgerFile]
    /// The record's own files (results.json, results.csv), so an edit to them is noticed too.
    public var outputs: [LedgerFile]

    public init(
        quarter: Quarter, recordedAt: UTCTime, engineVersion: String, policy: PolicyInfo,
        rulesPath: String, ruleFiles: [LedgerFile], evidencePath: String, evidenceFiles: [LedgerFile], outputs: [LedgerFile]
    ) {
        self.quarter = quarter
        self.recordedAt = recordedAt
        self.engineVersion = engineVersion
        self.policy = policy
        self.rulesPath = rulesPath
        self.ruleFiles = ruleFiles
        self.evidencePath = evidencePath
        self.evidenceFiles = evidenceFiles
        self.outputs = outputs
    }

    // MARK: Writing

    public func renderJSON() -> String {
        func files(_ list: [LedgerFile], withPath: Bool) -> JSONValue {
            .array(list.map { file in
                var pairs: [(String, JSONValue)] = []
                if withPath { pairs.append(("path", .string(file.path))) }
                pairs += [("name", .string(file.name)), ("sha256", .string(file.sha256))]
                return .object(pairs)
            })
        }
        let value = JSONValue.object([
            ("format", .string(Self.format)),
            ("quarter", .string(quarter.description)),
            ("recorded_at", .string(recordedAt.iso8601)),
            ("engine_version", .string(engineVersion)),
            ("policy", .object([
                ("id", .string(policy.id)), ("name", .string(policy.name)),
                ("version", .string(policy.version)), ("effective", .string(policy.effective)),
            ])),
            ("rules", .object([("path", .string(rulesPath)), ("files", files(ruleFiles, withPath: true))])),
            ("evidence", .object([("path", .string(evidencePath)), ("files", files(evidenceFiles, withPath: true))])),
            ("results", files(outputs, withPath: false)),
        ])
        return value.rendered() + "\n"
    }

    // MARK: Reading

    /// Reads provenance.json back. Anything missing or of the wrong kind is `ledger.bad-record`
    /// with the place, so a damaged record is named, never half-trusted.
    public static func parse(_ bytes: [UInt8], file: String) -> Result<Provenance, Diagnostic> {
        let root: JSONNode
        switch JSONReader.parse(bytes, file: file) {
        case .success(let node): root = node
        case .failure(let problem): return .failure(problem)
        }
        let reader = FieldReader(file: file)
        guard case .object = root.kind else { return .failure(reader.bad("最外层应是一个对象（{…}）", at: root.location)) }
        do {
            let format = try reader.string(root, "format")
            guard format == Self.format else {
                throw reader.bad("记录格式“\(format)”不是本程序认识的“\(Self.format)”", at: root["format"]?.location ?? root.location)
            }
            let quarterText = try reader.string(root, "quarter")
            guard let quarter = Quarter(quarterText) else { throw reader.bad("“\(quarterText)”不是季度", at: root["quarter"]?.location ?? root.location) }
            let timeText = try reader.string(root, "recorded_at")
            guard let time = UTCTime(iso8601: timeText) else {
                throw reader.bad("“\(timeText)”不是记录时间（应为 2026-01-05T08:30:00Z 的形式）", at: root["recorded_at"]?.location ?? root.location)
            }
            let policy = try reader.object(root, "policy")
            let rules = try reader.object(root, "rules")
            let evidence = try reader.object(root, "evidence")
            return .success(Provenance(
                quarter: quarter, recordedAt: time, engineVersion: try reader.string(root, "engine_version"),
                policy: PolicyInfo(
                    id: try reader.string(policy, "id"), name: try reader.string(policy, "name"),
                    version: try reader.string(policy, "version"), effective: try reader.string(policy, "effective")),
                rulesPath: try reader.string(rules, "path"), ruleFiles: try reader.files(rules, "files", withPath: true),
                evidencePath: try reader.string(evidence, "path"), evidenceFiles: try reader.files(evidence, "files", withPath: true),
                outputs: try reader.files(root, "results", withPath: false)))
        } catch let problem as Diagnostic {
            return .failure(problem)
        } catch {
            return .failure(reader.bad("无法读取", at: root.location))
        }
    }

    private struct FieldReader {
        var file: String

        func bad(_ message: String, at location: SourceLocation) -> Diagnostic {
            .error("ledger.bad-record", "记录文件内容不完整或被改动：\(message)",
                   hint: "这个文件由程序写出，不要手工修改；如已损坏，用 --force 重新记录该季度", at: location)
        }

        func field(_ node: JSONNode, _ key: String) throws -> JSONNode {
            guard let value = node[key] else { throw bad("缺少“\(key)”", at: node.location) }
            return value
        }

        func string(_ node: JSONNode, _ key: String) throws -> String {
            let value = try field(node, key)
            guard let text = value.string else { throw bad("“\(key)”应是字符串", at: value.location) }
            return text
        }

        func object(_ node: JSONNode, _ key: String) throws -> JSONNode {
            let value = try field(node, key)
            guard case .object = value.kind else { throw bad("“\(key)”应是对象（{…}）", at: value.location) }
            return value
        }

        func files(_ node: JSONNode, _ key: String, withPath: Bool) throws -> [LedgerFile] {
            let value = try field(node, key)
            guard let items = value.array else { throw bad("“\(key)”应是列表（[…]）", at: value.location) }
            return try items.map { item in
                guard case .object = item.kind else { throw bad("“\(key)”的每一项应是对象", at: item.location) }
                let name = try string(item, "name")
                let digest = try string(item, "sha256")
                guard digest.utf8.count == 64, digest.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
                    throw bad("“\(name)”的 sha256 不是 64 位十六进制数", at: item["sha256"]?.location ?? item.location)
                }
                let hashNode = item["sha256"]
                var location = hashNode?.location
                location?.length = digest.count + 2 // the quoted digest, for the caret line
                return LedgerFile(path: withPath ? try string(item, "path") : name, name: name, sha256: digest, location: location)
            }
        }
    }
}
