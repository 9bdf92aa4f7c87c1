import ScorecardBase
import ScorecardYAML

/// A value as written in a test file, with the place it was written: every name a case uses
/// (an officer, an item, a reward) can be pointed at when it turns out to be wrong.
package struct Written<Value: Sendable & Hashable>: Sendable, Hashable {
    package var value: Value
    package var location: SourceLocation

    package init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// One test file (`rules/tests/*.yaml`): the cases a policy officer wrote beside the rules.
package struct TestFile: Sendable {
    package var path: String
    package var cases: [TestCase]
}

/// One case: which rules it runs under, the evidence given inline, and what it expects.
package struct TestCase: Sendable {
    /// What the case evaluates.
    package enum Kind: Sendable {
        /// One quarter: the officers' records (the YAML evidence layout, lists inline).
        case quarter(records: YAMLNode)
        /// Candidates against the eligibility criteria (clause 2.2.1).
        case eligibility(candidates: YAMLNode)
        /// A small year: each quarter's records, then the year-end assessment (clause 2.4).
        case year(Int, quarters: [QuarterRecords])
    }

    /// One quarter of a year case.
    package struct QuarterRecords: Sendable {
        package var quarter: Written<Quarter>
        package var records: YAMLNode
    }

    package var name: String
    package var file: String
    /// Where the case starts in its file.
    package var location: SourceLocation
    /// The version named (`version:`), by its `policy.version` or its folder.
    package var version: Written<String>?
    /// The quarter assessed (`quarter:`); the version in force for it follows when none is named.
    package var quarter: Written<Quarter>?
    /// A day (`date:`): the version in force on it, and the quarter it falls in.
    package var date: Written<LocalDate>?
    /// The version a case in this file runs under when it names none: the one whose folder
    /// holds the file's `tests/` folder.
    package var defaultVersion: String?
    /// Why the case is not run, when its author says so.
    package var skip: String?
    /// Roster rows (`roster:` of the case, else of the file); nil: officers are made up from
    /// the records, each serving all year.
    package var roster: YAMLNode?
    /// Whether `roster` is the file's, shared by its cases: then only the rows of the officers
    /// the case has records for are its roster, so nobody else is missing a record.
    package var rosterIsShared: Bool
    package var kind: Kind
    package var expectations: [Expectation]

    /// The kind of case as a policy officer names it.
    package var kindTitle: String {
        switch kind {
        case .quarter: "季度"
        case .eligibility: "任职条件"
        case .year: "年度"
        }
    }
}

/// One thing a case expects: of whom (an officer, a candidate, or the whole case), which figure,
/// and the value written.
package struct Expectation: Sendable {
    package enum Subject: Sendable, Hashable {
        case officer(Written<String>)
        case candidate(Written<String>)
        case whole
    }

    /// A unit's totals for the quarter.
    package enum UnitFigure: String, Sendable, Hashable, CaseIterable {
        case officers
        case scoreSum = "score_sum"
        case reward
    }

    package enum Figure: Sendable, Hashable {
        // One officer's quarter.
        case itemScore(Written<String>)
        case total
        case grade
        case rewardAmount(Written<String>)
        case rewardCount(reward: Written<String>, key: Written<String>)
        case rewardTotal
        /// Codes of the officer's failures (results that could not be computed).
        case failures
        /// Ids of the record checks the officer's record fails.
        case checks
        // A quarter as a whole.
        case fund(Written<String>)
        case unit(Written<String>, UnitFigure)
        /// Codes of the errors in the case's evidence.
        case evidenceErrors
        // One officer's year.
        case annualTotal
        case rank
        case ranked
        case excellent
        case yearEndReward
        case tieBrokenBy
        // A year as a whole.
        case ranking
        case excellentOfficers
        case yearFund(Written<String>)
        // One candidate.
        case eligible
        case failingCriteria
    }

    package enum Value: Sendable, Hashable {
        case number(ExactDecimal, tolerance: ExactDecimal?)
        case integer(Int)
        case word(String)
        case boolean(Bool)
        /// Names compared as a set (codes, check ids, criteria) or, `ordered`, as a sequence.
        case names([Written<String>], ordered: Bool)
    }

    package var subject: Subject
    package var figure: Figure
    package var value: Value
    /// Where the expected value is written.
    package var location: SourceLocation
}
