import ScorecardBase

/// Collects changes while two versions are walked side by side, writing each summary the same
/// way, so the comparisons themselves only say what to compare.
struct ChangeRecorder {
    private(set) var changes: [PolicyChange] = []
    /// The heading the changes being recorded now belong to.
    var group: PolicyChangeGroup = .metadata
    /// Where each side's keys were written: a change points at its own key (`items[i07].title`),
    /// or failing that at the key it sits under (`items[i07].scoring` for `.scoring.method`),
    /// and only failing both at the place the comparison gives.
    var oldKeys = KeyPlaces()
    var newKeys = KeyPlaces()

    static func place(_ path: String, in keys: KeyPlaces, else fallback: SourceLocation?) -> SourceLocation? {
        if let exact = keys[path] { return exact }
        if let dot = path.lastIndex(of: "."), let parent = keys[String(path[..<dot])] { return parent }
        return fallback
    }

    /// One property of something present on both sides (or an optional property written on
    /// one side only). Recorded when the compared forms differ: `oldKey`/`newKey` default to the
    /// shown text, and are the canonical form where the shown text keeps the author's spelling.
    mutating func property(
        _ kind: String, _ path: String, subject: String, old: String?, new: String?,
        oldKey: String? = nil, newKey: String? = nil,
        oldAt: SourceLocation?, newAt: SourceLocation?, clause: String?
    ) {
        guard (oldKey ?? old) != (newKey ?? new) else { return }
        let oldAt = old == nil ? oldAt : Self.place(path, in: oldKeys, else: oldAt)
        let newAt = new == nil ? newAt : Self.place(path, in: newKeys, else: newAt)
        let action: PolicyChange.Action
        let summary: String
        switch (old, new) {
        case (nil, let new?):
            action = .added
            summary = Self.isShort(new) ? "\(subject)新设为 \(new)" : "\(subject)：新写入"
        case (let old?, nil):
            action = .removed
            summary = Self.isShort(old) ? "\(subject)取消（原为 \(old)）" : "\(subject)取消"
        case (let old?, let new?):
            action = .changed
            summary = Self.isShort(old) && Self.isShort(new) ? "\(subject)由 \(old) 改为 \(new)" : "\(subject)改变"
        case (nil, nil):
            return
        }
        changes.append(
            PolicyChange(
                kind: kind, action: action, group: group, path: path, old: old, new: new,
                oldLocation: oldAt, newLocation: newAt, clause: clause, summary: summary))
    }

    /// Something (an item, a reward, a rate…) that only the new version has.
    mutating func added(_ kind: String, _ path: String, subject: String, new: String, at: SourceLocation?, clause: String?) {
        changes.append(
            PolicyChange(
                kind: kind, action: .added, group: group, path: path, old: nil, new: new,
                oldLocation: nil, newLocation: at, clause: clause, summary: "新增\(subject)"))
    }

    /// Something that only the old version has.
    mutating func removed(_ kind: String, _ path: String, subject: String, old: String, at: SourceLocation?, clause: String?) {
        changes.append(
            PolicyChange(
                kind: kind, action: .removed, group: group, path: path, old: old, new: nil,
                oldLocation: at, newLocation: nil, clause: clause, summary: "删去\(subject)"))
    }

    /// A whole optional section (`roster`, `annual`…): reported when only one side has it.
    /// Returns both when both have it, for the caller to compare setting by setting.
    mutating func bothPresent<T>(
        _ old: T?, _ new: T?, kind: String, subject: String,
        describe: (T) -> String, location: (T) -> SourceLocation, clause: (T) -> String?
    ) -> (old: T, new: T)? {
        switch (old, new) {
        case let (old?, new?): return (old, new)
        case let (nil, new?): added(kind + ".added", kind, subject: subject, new: describe(new), at: location(new), clause: clause(new))
        case let (old?, nil): removed(kind + ".removed", kind, subject: subject, old: describe(old), at: location(old), clause: clause(old))
        case (nil, nil): break
        }
        return nil
    }

    /// Short values read well inside the sentence; long ones (formulas, titles) are shown below it.
    private static func isShort(_ text: String) -> Bool { text.count <= 24 }
}

/// Pairs the elements of two lists by id, never by position: reordering is not a change.
/// `pairs` and `added` follow the new order, `removed` the old.
func matchByID<T>(_ old: [T], _ new: [T], id: (T) -> String) -> (pairs: [(old: T, new: T)], added: [T], removed: [T]) {
    var oldByID: [String: T] = [:]
    for element in old where oldByID[id(element)] == nil { oldByID[id(element)] = element }
    let newIDs = Set(new.map(id))
    var pairs: [(old: T, new: T)] = []
    var added: [T] = []
    var seen = Set<String>()
    for element in new where seen.insert(id(element)).inserted {
        if let match = oldByID[id(element)] { pairs.append((match, element)) } else { added.append(element) }
    }
    var removedSeen = Set<String>()
    let removed = old.filter { !newIDs.contains(id($0)) && removedSeen.insert(id($0)).inserted }
    return (pairs, added, removed)
}
