/// Column titles of a table written for others: the ids programs read (`officer`, `total`), or
/// the Chinese words people read in Excel (`工号`, `总分`). Item and field ids stay ids either
/// way: they are what the rules and the evidence files call them.
package enum HeaderStyle: String, Sendable, CaseIterable {
    case id, zh
}
