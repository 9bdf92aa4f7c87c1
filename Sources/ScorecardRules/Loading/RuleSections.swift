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
            sink.append(RulesMessages.expectedSections(found: root.kindDescription, at: root.location))
            return
        }
        for pair in pairs {
            guard let name = pair.key.scalar?.value else {
                sink.append(RulesMessages.complexSectionName(at: pair.key.location))
                continue
            }
            if Self.listSections.contains(name) {
                guard let items = pair.value.sequence else {
                    unreadableLists.insert(name)
                    sink.append(RulesMessages.sectionNotAList(name, at: pair.value.location))
                    continue
                }
                lists[name, default: []].append(contentsOf: items)
            } else if Self.singleSections.contains(name) {
                if let first = single[name] {
                    sink.append(RulesMessages.duplicateSection(name, at: keyLocation(pair), first: keyLocation(first)))
                } else {
                    single[name] = pair
                }
            } else {
                sink.append(RulesMessages.unknownSection(name, sections: Self.all, at: keyLocation(pair)))
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
