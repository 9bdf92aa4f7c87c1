import ScorecardBase
import ScorecardRules

/// Renders `scorecard diff`: the two versions compared, their changes grouped by kind, and the
/// impact on real results (rendered elsewhere, placed here). Text for people, JSON for
/// programs (docs/diff.md), Markdown to attach to a revision proposal.
package struct DiffReport: Sendable {
    /// One side of the comparison as the user named it, with what it holds.
    package struct Side: Sendable {
        /// What was given on the command line: `rules`, `HEAD~1:rules`.
        package var label: String
        package var policyID: String
        package var name: String
        package var version: String
        package var effective: LocalDate
        package var files: [String]
        /// Said once about the side, e.g. that the folder holds further versions not compared.
        package var notes: [String]

        package init(label: String, policy: Policy, notes: [String] = []) {
            self.label = label
            policyID = policy.metadata.id
            name = policy.metadata.name
            version = policy.metadata.version
            effective = policy.metadata.effective
            files = policy.files
            self.notes = notes
        }
    }

    /// The impact section in each format, as the impact renderer made it.
    package struct Impact: Sendable {
        package var text: String
        package var json: JSONValue
        package var markdown: String
        /// A `<section>` for the diff's HTML page.
        package var html: String

        package init(text: String, json: JSONValue, markdown: String, html: String = "") {
            self.text = text
            self.json = json
            self.markdown = markdown
            self.html = html
        }
    }

    package var old: Side
    package var new: Side
    package var changes: [PolicyChange]
    package var impact: Impact?
    /// Why there is no impact section (`--no-impact`, no evidence…); nil when there is one.
    package var impactNote: String?
    private let style: ANSIStyle

    package init(old: Side, new: Side, changes: [PolicyChange], impact: Impact?, impactNote: String?, color: Bool) {
        self.old = old
        self.new = new
        self.changes = changes
        self.impact = impact
        self.impactNote = impactNote
        style = ANSIStyle(enabled: color)
    }

    /// The groups that have changes, in display order, each with its changes.
    var groups: [(group: PolicyChangeGroup, changes: [PolicyChange])] {
        PolicyChangeGroup.allCases.compactMap { group in
            let inGroup = changes.filter { $0.group == group }
            return inGroup.isEmpty ? nil : (group, inGroup)
        }
    }

    static let noChange = "两个版本没有差别"

    private var countLine: String {
        guard !changes.isEmpty else { return Self.noChange + "（重新排序、改变格式、锚点与合并键的写法都不算变化）。" }
        return "共 \(changes.count) 处变化：" + groups.map { "\($0.group.title) \($0.changes.count)" }.joined(separator: "，") + "。"
    }

    private static func sideLine(_ side: Side) -> String {
        "\(side.version)（\(side.effective) 起施行）"
    }

    /// `rules/ 中的 7 个文件：annual.yaml、…`; the full paths when the files are in different folders.
    static func filesText(_ files: [String]) -> String {
        let folders = Set(files.map { file in file.lastIndex(of: "/").map { String(file[...$0]) } ?? "" })
        guard folders.count == 1, let folder = folders.first, !folder.isEmpty, files.count > 1 else {
            return files.joined(separator: "、")
        }
        return "\(folder) 中的 \(files.count) 个文件：" + files.map { String($0.dropFirst(folder.count)) }.joined(separator: "、")
    }

    // MARK: Text

    package func text() -> String {
        var out = style.apply(ANSIStyle.bold, to: "规则版本比较：\(old.label) → \(new.label)") + "\n"
        for (word, side) in [("旧", old), ("新", new)] {
            out += "  \(word)：\(side.name) \(Self.sideLine(side))；\(Self.filesText(side.files))\n"
            for note in side.notes { out += "      注：\(note)\n" }
        }
        out += countLine + "\n"
        for (group, inGroup) in groups {
            out += "\n" + style.apply(ANSIStyle.bold, to: "\(group.title)（\(inGroup.count)）") + "\n"
            for change in inGroup { out += text(of: change) }
        }
        if !changes.isEmpty {
            // The impact section carries its own heading; only a note needs one here.
            if let impact {
                out += "\n" + (impact.text.hasSuffix("\n") || impact.text.isEmpty ? impact.text : impact.text + "\n")
            } else if let impactNote {
                out += "\n" + style.apply(ANSIStyle.bold, to: "对考核结果的影响") + "\n" + impactNote + "\n"
            }
        }
        return out
    }

    private func marker(_ action: PolicyChange.Action) -> String {
        switch action {
        case .added: style.apply(ANSIStyle.green, to: "+")
        case .removed: style.apply(ANSIStyle.red, to: "-")
        case .changed: style.apply(ANSIStyle.yellow, to: "~")
        }
    }

    private func text(of change: PolicyChange) -> String {
        var out = "  \(marker(change.action)) \(change.summary)\n"
        out += "    \(style.apply(ANSIStyle.cyan, to: change.path))" + (change.clause.map { " · 条款 \($0)" } ?? "") + "\n"
        switch (change.old, change.new) {
        case let (old?, new?) where old.count + new.count <= 40:
            out += "    旧：\(old)  新：\(new)\n"
        default:
            if let old = change.old { out += "    旧：\(old)\n" }
            if let new = change.new { out += "    新：\(new)\n" }
        }
        out += "    \(Self.places(change))\n"
        return out
    }

    /// `旧 rules/rewards.yaml:12:9 → 新 rules/2025-07-01/rewards.yaml:12:9`.
    static func places(_ change: PolicyChange) -> String {
        let parts = [change.oldLocation.map { "旧 \($0)" }, change.newLocation.map { "新 \($0)" }].compactMap { $0 }
        return parts.joined(separator: " → ")
    }

    // MARK: JSON

    package func json() -> JSONValue {
        func side(_ side: Side) -> JSONValue {
            .object([
                ("label", .string(side.label)), ("id", .string(side.policyID)), ("name", .string(side.name)),
                ("version", .string(side.version)), ("effective", .string(side.effective.description)),
                ("files", .array(side.files.map { .string($0) })), ("notes", .array(side.notes.map { .string($0) })),
            ])
        }
        func place(_ location: SourceLocation?) -> JSONValue {
            guard let location else { return .null }
            return .object([
                ("file", .string(location.file)), ("line", .number(String(location.line))), ("column", .number(String(location.column))),
            ])
        }
        let entries: [JSONValue] = changes.map { change in
            .object([
                ("kind", .string(change.kind)), ("action", .string(change.action.rawValue)),
                ("group", .string(change.group.rawValue)), ("group_title", .string(change.group.title)),
                ("path", .string(change.path)), ("summary", .string(change.summary)),
                ("old", .text(change.old)), ("new", .text(change.new)),
                ("old_location", place(change.oldLocation)), ("new_location", place(change.newLocation)),
                ("clause", .text(change.clause)),
            ])
        }
        func count(_ action: PolicyChange.Action) -> JSONValue { .number(String(changes.filter { $0.action == action }.count)) }
        let summary: JSONValue = .object([
            ("changes", .number(String(changes.count))),
            ("added", count(.added)), ("removed", count(.removed)), ("changed", count(.changed)),
            ("groups", .object(groups.map { ($0.group.rawValue, .number(String($0.changes.count))) })),
        ])
        return .object([
            ("schema_version", .number("1")),
            ("old", side(old)), ("new", side(new)),
            ("changes", .array(entries)),
            ("summary", summary),
            ("impact", impact?.json ?? .null),
            ("impact_note", .text(impact == nil ? impactNote : nil)),
        ])
    }

    package func renderJSON() -> String { json().rendered() + "\n" }

    // MARK: Markdown

    package func markdown() -> String {
        var out = "# 规则修订对照：\(old.version) → \(new.version)\n\n"
        out += "| | 旧版本 | 新版本 |\n|---|---|---|\n"
        out += "| 规则 | `\(MarkdownTable.cell(old.label))` | `\(MarkdownTable.cell(new.label))` |\n"
        out += "| 版本 | \(MarkdownTable.cell(old.version)) | \(MarkdownTable.cell(new.version)) |\n"
        out += "| 生效日期 | \(old.effective) | \(new.effective) |\n"
        out += "| 文件 | \(old.files.count) 个 | \(new.files.count) 个 |\n\n"
        for note in old.notes + new.notes { out += "> 注：\(note)\n\n" }
        out += countLine + "\n"
        for (group, inGroup) in groups {
            out += "\n## \(group.title)（\(inGroup.count)）\n\n"
            out += "| | 变化 | 位置 | 旧 | 新 | 条款 | 出处 |\n|---|---|---|---|---|---|---|\n"
            for change in inGroup {
                let sign =
                    switch change.action {
                    case .added: "+";
                    case .removed: "−";
                    case .changed: "~"
                    }
                out +=
                    "| \(sign) | \(MarkdownTable.cell(change.summary)) | `\(MarkdownTable.cell(change.path))` | \(MarkdownTable.cell(change.old ?? "—")) | "
                    + "\(MarkdownTable.cell(change.new ?? "—")) | \(MarkdownTable.cell(change.clause ?? "—")) | \(MarkdownTable.cell(Self.places(change))) |\n"
            }
        }
        if !changes.isEmpty {
            if let impact {
                out += "\n" + (impact.markdown.hasSuffix("\n") || impact.markdown.isEmpty ? impact.markdown : impact.markdown + "\n")
            } else if let impactNote {
                out += "\n## 对考核结果的影响\n\n" + impactNote + "\n"
            }
        }
        return out
    }
}
