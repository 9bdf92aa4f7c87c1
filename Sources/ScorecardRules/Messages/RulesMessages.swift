import ScorecardBase

/// The wording of rule problems: each situation's code and words live together here, not at
/// the place that finds it. Split by topic (`RulesMessages+Topic.swift`).
enum RulesMessages {}
