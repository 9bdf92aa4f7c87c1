import Testing
@testable import ScorecardEvidence
