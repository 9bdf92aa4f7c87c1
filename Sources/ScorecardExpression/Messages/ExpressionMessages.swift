import ScorecardBase

/// The wording of every expression problem, beside the code it carries (`ExpressionCode`).
/// The errors stay structured (`ExpressionError`, `EvaluationError`: offsets within the
/// expression, for the rule loader to place); only their words live here, split by topic into
/// `ExpressionMessages+Topic.swift`.
enum ExpressionMessages {}
