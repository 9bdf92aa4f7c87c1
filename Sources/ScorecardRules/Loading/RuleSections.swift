import ScorecardBase
import ScorecardYAML

/// The top-level sections of a policy, gathered from every file of the folder.
///
/// A folder is one policy: `items`, `funds` and `rewards` may be split over several files and
/// are joined in file order; every other section must be written once.
struct RuleSections {
    static let listSections = ["funds", "items", "rewards"]
    static let singleSections = [
        "policy", "scoring", "money", "grades", "evidence", "eligibility", "roster", "annual", "vacancy",
    ]
    static var all: [String] { singleSections + listSections }

    private(set) var single: [String: YAMLPair] = [:]
    private(set) var lists: [String: [YAMLNode]] = [:]
    /// List sections written with something other than a list; already reported, so not missing.
    private(set) var unreadableLists: Set<String> = []

    mutating func add(document root: YAMLNode, sink: inout DiagnosticSink) {
        if let scalar = root.scalar, scalar.isNull { return }
        guard let pairs = root.mapping else {
            sink.error(
                RulesCode.expectedSections, "规则文件的最外层应当是若干节（如 policy:、items:），这里却是\(root.kindDescription)",
                hint: "每个文件从顶格的“节名:”开始写", at: root.location)
            return
        }
        for pair in pairs {
            guard let name = pair.key.scalar?.value else {
                sink.error(RulesCode.complexKey, "节名必须是简单的文字", hint: "节名顶格写再加冒号，如 items:", at: pair.key.location)
                continue
            }
            if Self.listSections.contains(name) {
                guard let items = pair.value.sequence else {
                    unreadableLists.insert(name)
                    sink.error(
                        RulesCode.expectedList, "“\(name)”应当是一个列表，每一条以“- ”开头",
                        hint: "如：\n\(name):\n  - id: ...", at: pair.value.location)
                    continue
                }
                lists[name, default: []].append(contentsOf: items)
            } else if Self.singleSections.contains(name) {
                if let first = single[name] {
                    sink.error(
                        RulesCode.duplicateSection, "“\(name)”这一节写了不止一次",
                        hint: "把两处合并成一处", at: keyLocation(pair),
                        notes: [.init("第一次写在这里", at: keyLocation(first))])
                } else {
                    single[name] = pair
                }
            } else {
                let suggestion = NameSuggestion.closest(to: name, among: Self.all)
                let place = keyLocation(pair)
                sink.append(
                    Diagnostic.error(
                        RulesCode.unknownSection, "没有“\(name)”这一节",
                        hint: "可用的节：\(Self.all.joined(separator: "、"))",
                        at: place
                    ).suggesting(suggestion, replacing: place))
            }
        }
    }

    func section(_ name: String) -> YAMLNode? {
        guard let node = single[name]?.value else { return nil }
        if let scalar = node.scalar, scalar.isNull { return nil }
        return node
    }

    func list(_ name: String) -> [YAMLNode] { lists[name] ?? [] }
}
