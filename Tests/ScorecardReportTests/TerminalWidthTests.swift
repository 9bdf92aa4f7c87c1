import Testing
@testable import ScorecardReport
