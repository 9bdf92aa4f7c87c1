import ScorecardBase
import ScorecardExpression
import ScorecardYAML

/// What loading a policy read: the policy when it has no errors, and where its keys were
/// written; the problems found went to the loader's sink.
public struct LoadedPolicy: Sendable {
    public var policy: Policy?
    /// Where each key of the rules was written (see `KeyPlaces`), for `diff`.
    public var keys = KeyPlaces()
}

/// Reads a rule folder (or file) into a checked `Policy`, reporting all problems in all files
/// in one pass rather than stopping at the first.
public enum PolicyLoader {
    public static func load(path: String, limits: InputLimits = .default, sink: inout DiagnosticSink) -> LoadedPolicy {
        do throws(Diagnostic) {
            return try load(sources: RuleFiles.sources(at: path, maxFileBytes: limits.yamlFileBytes), limits: limits, sink: &sink)
        } catch {
            sink.append(error)
            return LoadedPolicy(policy: nil)
        }
    }

    /// The problems go to `sink` sorted for display; the policy is nil when any is an error.
    public static func load(sources: [RuleSource], limits: InputLimits = .default, sink outer: inout DiagnosticSink) -> LoadedPolicy {
        // Collected apart first: echoes of an unreadable part are filtered out before they are handed on.
        var sink = DiagnosticSink()
        var sections = RuleSections()
        var unreadable: [String] = []
        for source in sources {
            var yamlProblems = DiagnosticSink()
            let documents = YAMLLoader.load(bytes: source.bytes, file: source.displayPath, limits: YAMLLimits(limits), sink: &yamlProblems)
            sink.append(contentsOf: yamlProblems.diagnostics)
            if yamlProblems.diagnostics.contains(where: { $0.severity == .error && !yamlErrorsThatKeepTheDocument.contains($0.code) }) {
                unreadable.append(source.displayPath)
            }
            for document in documents { sections.add(document: document.root, sink: &sink) }
        }
        let yamlProblems = sink.diagnostics.count
        var keys = KeyPlaces()
        let policy = build(sections, files: sources.map(\.displayPath), someFileCutShort: !unreadable.isEmpty, keys: &keys, sink: &sink)
        var diagnostics = sink.diagnostics
        if !unreadable.isEmpty {
            // Part of the policy could not be read, so "missing" and "undeclared" findings about
            // the rest would mostly be echoes of that one mistake: report what was read directly.
            diagnostics =
                Array(diagnostics[..<yamlProblems])
                + diagnostics[yamlProblems...].filter { !Self.mayEchoUnreadPart($0.code, sections: sections) }
            diagnostics.append(RulesMessages.incomplete(unreadable))
        }
        diagnostics = diagnostics.sortedForDisplay()
        outer.append(contentsOf: diagnostics)
        return LoadedPolicy(policy: diagnostics.hasErrors ? nil : policy, keys: keys)
    }

    /// YAML errors after which the file's documents are still all there (first key wins, an
    /// undefined alias reads as null); any other YAML error means part of a file was not read.
    private static let yamlErrorsThatKeepTheDocument: Set<String> = [
        YAMLCode.duplicateKey.rawValue, YAMLCode.undefinedAlias.rawValue, YAMLCode.merge.rawValue,
    ]

    /// Findings that may only echo a part of the policy that was not read: a missing section, or
    /// a reference into a section of which nothing at all was read. A reference into a section
    /// that was read is still reported, since the misspelling is real.
    static func mayEchoUnreadPart(_ code: String, sections: RuleSections) -> Bool {
        switch RulesCode(rawValue: code) {
        case .missingSection?, .pointsTotal?, .noGrades?: true
        case .unknownFund?: sections.list("funds").isEmpty
        case .unknownGrade?: sections.section("grades") == nil
        case .unknownList?, .unknownField?: sections.section("evidence") == nil
        default: code.hasPrefix("expr.name") && sections.section("evidence") == nil
        }
    }

    /// `someFileCutShort`: a file could not be read to its end, so a section missing now may
    /// only be missing because of that error; it is not reported a second time.
    private static func build(
        _ sections: RuleSections, files: [String], someFileCutShort: Bool, keys: inout KeyPlaces, sink: inout DiagnosticSink
    ) -> Policy? {
        let firstFile = files.first ?? "rules"
        let fileStart = SourceLocation(file: firstFile, line: 1, column: 1)
        func requiredSection(_ name: String, hint: String) -> YAMLNode? {
            if let node = sections.section(name) { return node }
            if let written = sections.single[name] {
                sink.append(RulesMessages.emptySection(name, hint: hint, at: keyLocation(written)))
            } else if !someFileCutShort {
                sink.append(RulesMessages.missingSection(name, hint: hint, at: fileStart))
            }
            return nil
        }

        let metadata = requiredSection("policy", hint: "写上政策的 id、name、version 和 effective（生效日期）")
            .flatMap { MetadataDecoding.policy($0, keys: &keys, sink: &sink) }
        let scoring = requiredSection("scoring", hint: "写上 scoring: 下的 total（满分）")
            .flatMap { MetadataDecoding.scoring($0, keys: &keys, sink: &sink) }
        let money = sections.section("money").flatMap { MetadataDecoding.money($0, keys: &keys, sink: &sink) } ?? .default()
        let funds = sections.list("funds").enumerated().compactMap { MetadataDecoding.fund($1, index: $0, keys: &keys, sink: &sink) }
        PolicyChecks.duplicateIDs(funds.map { ($0.id, $0.location) }, what: "经费", sink: &sink)
        let grades = sections.section("grades").flatMap { MetadataDecoding.grades($0, keys: &keys, sink: &sink) }

        // Evidence shape first: items and rewards are checked against it.
        var declaredFields: [EvidenceField] = []
        var lists: [EvidenceList] = []
        var checkNodes: [(node: YAMLNode, index: Int)] = []
        if let evidenceNode = sections.section("evidence"),
            let reader = MappingReader(evidenceNode, context: "evidence", allowed: ["fields", "lists", "checks"], sink: &sink)
        {
            declaredFields = reader.optional("fields").map { EvidenceDecoding.fields($0, context: "evidence.fields", sink: &sink) } ?? []
            if let listsNode = reader.optional("lists") {
                if let nodes = listsNode.sequence {
                    lists = nodes.enumerated().compactMap { EvidenceDecoding.list($1, index: $0, sink: &sink) }
                } else {
                    sink.append(RulesMessages.evidenceListsNotAList(at: listsNode.location))
                }
            }
            if let checksNode = reader.optional("checks") {
                if let nodes = checksNode.sequence {
                    checkNodes = nodes.enumerated().map { ($1, $0) }
                } else {
                    sink.append(RulesMessages.evidenceChecksNotAList(at: checksNode.location))
                }
            }
        }
        for list in lists { PolicyChecks.duplicateIDs(list.fields.map { ($0.id, $0.location) }, what: "明细 \(list.id) 的字段", sink: &sink) }

        let itemNodes = sections.list("items")
        if sections.lists["items"] == nil, !someFileCutShort, !sections.unreadableLists.contains("items") {
            sink.append(RulesMessages.missingItems(at: fileStart))
        }
        let drafts = itemNodes.enumerated().compactMap { ItemDecoding.draft($1, index: $0, keys: &keys, sink: &sink) }
        PolicyChecks.duplicateIDs(
            count: drafts.count, id: { drafts[$0].id }, location: { drafts[$0].idLocation }, what: "考核项目", sink: &sink)
        // Only a sum over every item means anything: an item already reported as broken, or
        // items lost with an unreadable file, would make a correct total look wrong.
        if let scoring, sections.lists["items"] != nil, drafts.count == itemNodes.count, !someFileCutShort {
            PolicyChecks.pointsAddUp(drafts, scoring: scoring, totalAt: keys["scoring.total"] ?? scoring.location, sink: &sink)
        }
        if let grades, let scoring { PolicyChecks.gradeBands(grades, total: scoring.total, sink: &sink) }

        // Each assessed item adds a record field named by its id, holding the assessor's score.
        let assessedFields = drafts.compactMap { draft in
            draft.isAssessed
                ? EvidenceField(
                    id: draft.id, name: nil, type: .decimal, min: .zero, max: draft.points,
                    description: draft.title, clause: draft.clause, assessedItem: draft.id, location: draft.location)
                : nil
        }
        let fields = assessedFields + declaredFields
        PolicyChecks.duplicateIDs(
            declaredFields.map { ($0.id, $0.location) } + lists.map { ($0.id, $0.location) }, what: "记录字段", sink: &sink)
        var assessedByID: [String: EvidenceField] = [:]
        for field in assessedFields where assessedByID[field.id] == nil { assessedByID[field.id] = field }
        for field in declaredFields + lists.map({ EvidenceField(id: $0.id, type: .text, location: $0.location) }) {
            if let item = assessedByID[field.id] {
                sink.append(RulesMessages.fieldNamedLikeItem(field.id, at: field.location, item: item.location))
            }
        }

        // Without a repeated id (the rule) the drafts are shared, not copied one by one.
        var seenItems = Set<String>(minimumCapacity: drafts.count)
        for index in drafts.indices { seenItems.insert(drafts[index].id) }
        let uniqueDrafts: [ItemDraft]
        if seenItems.count == drafts.count {
            uniqueDrafts = drafts
        } else {
            var seen = Set<String>()
            uniqueDrafts = drafts.filter { seen.insert($0.id).inserted }
        }
        let layout = RecordLayout(fieldIDs: fields.map(\.id), listIDs: lists.map(\.id), itemIDs: uniqueDrafts.map(\.id))
        var recordEnvironment = ExpressionEnvironment()
        for field in fields {
            if let slot = layout.slot(ofField: field.id) {
                recordEnvironment.declare(field.id, type: field.type.expressionType, slot: slot, choices: field.type.choices)
            }
        }
        for list in lists {
            if let slot = layout.slot(ofList: list.id) { recordEnvironment.declare(list.id, type: .list(list.recordType), slot: slot) }
        }
        for field in fields { if let name = field.name { recordEnvironment.label(name, means: field.id) } }
        for list in lists { if let name = list.name { recordEnvironment.label(name, means: list.id) } }
        let checkEnvironment = recordEnvironment
        var itemEnvironment = recordEnvironment
        for draft in uniqueDrafts {
            if let slot = layout.slot(ofScore: draft.id) { itemEnvironment.declare("score.\(draft.id)", type: .decimal, slot: slot) }
        }
        var rewardEnvironment = itemEnvironment
        rewardEnvironment.declare("total", type: .decimal, slot: layout.totalSlot)
        rewardEnvironment.declare("grade", type: .string, slot: layout.gradeSlot, choices: grades.map { $0.bands.map(\.name) })

        var itemExpressions = CompiledExpressions()
        let items = uniqueDrafts.compactMap { ItemDecoding.finish($0, environment: itemEnvironment, cache: &itemExpressions, sink: &sink) }
        let order = items.count == uniqueDrafts.count ? PolicyChecks.evaluationOrder(items, sink: &sink) : []

        var checks: [EvidenceCheck] = []
        for (node, index) in checkNodes {
            guard
                let reader = MappingReader(
                    node, context: "evidence.checks 的第 \(index + 1) 项", allowed: ["id", "require", "message", "clause"], sink: &sink)
            else { continue }
            let id = reader.required("id", sink: &sink).flatMap { ScalarReading.identifier($0, "检查编号（id）", sink: &sink) }
            let message = reader.required("message", sink: &sink, hint: RulesMessages.KeyHint.checkMessage).flatMap {
                ScalarReading.text($0, "说明（message）", sink: &sink)
            }
            let requirement = reader.required("require", sink: &sink).flatMap {
                ExpressionReading.compile($0, "检查 \(id ?? "") 的条件（require）", in: checkEnvironment, expecting: .boolean, sink: &sink)
            }
            if let id, let message, let requirement {
                checks.append(
                    EvidenceCheck(
                        id: id, requirement: requirement, message: message, clause: ScalarReading.clause(reader, sink: &sink),
                        location: node.location))
            }
        }
        PolicyChecks.duplicateIDs(checks.map { ($0.id, $0.location) }, what: "记录检查", sink: &sink)
        let evidence = EvidenceSchema(fields: fields, lists: lists, checks: checks)

        let rewards = sections.list("rewards").enumerated().compactMap {
            RewardDecoding.reward($1, index: $0, environment: rewardEnvironment, evidence: evidence, sink: &sink)
        }
        PolicyChecks.duplicateIDs(rewards.map { ($0.id, $0.location) }, what: "奖励", sink: &sink)
        for reward in rewards { PolicyChecks.fundReference(reward.fund, at: reward.fundLocation, funds: funds, sink: &sink) }
        // Grades that are written but could not be read have been reported already.
        if !rewards.isEmpty, grades == nil, sections.section("grades") == nil, !someFileCutShort {
            for reward in rewards {
                if case .byGrade = reward.basis {
                    sink.append(RulesMessages.noGrades(reward: reward.id, at: reward.location))
                }
            }
        }
        if let grades {
            for reward in rewards {
                guard case .byGrade(let rates) = reward.basis else { continue }
                for rate in rates where !grades.bands.contains(where: { $0.name == rate.key }) {
                    sink.append(
                        RulesMessages.unknownGrade(rate.key, reward: reward.id, grades: grades.bands.map(\.name), at: rate.location))
                }
            }
        }

        let eligibility = sections.section("eligibility").flatMap { StructureDecoding.eligibility($0, sink: &sink) }
        let roster = sections.section("roster").flatMap { StructureDecoding.roster($0, sink: &sink) }
        let annual = sections.section("annual").flatMap { StructureDecoding.annual($0, funds: funds, sink: &sink) }
        let vacancy = sections.section("vacancy").flatMap { StructureDecoding.vacancy($0, sink: &sink) }

        guard let metadata, let scoring else { return nil }
        return Policy(
            metadata: metadata, scoring: scoring, money: money, funds: funds, grades: grades, evidence: evidence,
            items: items, rewards: rewards, eligibility: eligibility, roster: roster, annual: annual, vacancy: vacancy,
            layout: layout, files: files, evaluationOrder: order)
    }
}
