import Testing
import ScorecardTestSupport
import ScorecardBase
@testable import ScorecardTesting

/// Test files are read as strictly as rule files: every mistake comes back with its place.
@Suite struct TestFileLoadingTests {
    static let valid = """
        cases:
          - name: 满分
            records:
              - {officer: "1", a: 5, due: 1, done: 1}
            expect:
              - {officer: "1", total: 10}

        """

    @Test func aValidFileLoads() throws {
        let loaded = testFile(Self.valid)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let file = try #require(loaded.file)
        #expect(file.cases.map(\.name) == ["满分"])
        #expect(file.cases.first?.expectations.count == 1)
    }

    @Test func aMisspeltKeyIsALocatedErrorWithTheWordMeant() throws {
        let text = Self.valid.replacingFirst("expect:", with: "exepct:")
        let loaded = testFile(text)
        #expect(loaded.file == nil)
        let unknown = try #require(loaded.diagnostics.first { $0.code == "rules.unknown-key" })
        let (line, column) = try place(of: "exepct", in: text)
        #expect(unknown.location == SourceLocation(file: "small/tests/cases.yaml", line: line, column: column, length: 6))
        #expect(unknown.hint == "是否想写“expect”？")
        // …and the key it stands for is then missing.
        #expect(loaded.diagnostics.contains { $0.code == "rules.missing-key" && $0.message.contains("expect") })
    }

    @Test func aMisspeltKeyInsideAnExpectationIsLocatedToo() throws {
        let text = Self.valid.replacingFirst("total: 10", with: "totl: 10")
        let loaded = testFile(text)
        let unknown = try #require(loaded.diagnostics.first { $0.code == "rules.unknown-key" })
        let (line, column) = try place(of: "totl", in: text)
        #expect(unknown.location?.line == line)
        #expect(unknown.location?.column == column)
        #expect(unknown.hint == "是否想写“total”？")
    }

    @Test func aDuplicateKeyIsReported() throws {
        let text = Self.valid.replacingFirst("    records:", with: "    name: 又一个名字\n    records:")
        let loaded = testFile(text)
        let duplicate = try #require(loaded.diagnostics.first { $0.code == "yaml.duplicate-key" })
        #expect(duplicate.location?.line == 3)
    }

    @Test func valuesAreTypedByTheSchemaNotByYAML() throws {
        let text = Self.valid.replacingFirst("total: 10", with: "total: 七十六")
        let loaded = testFile(text)
        let problem = try #require(loaded.diagnostics.first)
        #expect(problem.code == "rules.expected-number")
        let (line, column) = try place(of: "七十六", in: text)
        #expect(problem.location?.line == line)
        #expect(problem.location?.column == column)

        let notBoolean = testFile(Self.valid.replacingFirst("total: 10", with: "ranked: yes"))
        // `ranked` is for year cases: in a quarter case it is not a key at all.
        #expect(notBoolean.diagnostics.contains { $0.code == "rules.unknown-key" })
    }

    @Test func aQuarterMustBeWrittenAsOne() throws {
        let text = Self.valid.replacingFirst("    records:", with: "    quarter: 2025-Q5\n    records:")
        let loaded = testFile(text)
        #expect(loaded.diagnostics.map(\.code) == ["test.expected-quarter"])
    }

    @Test func aFigureOfAnOfficerNeedsTheOfficer() throws {
        let text = Self.valid.replacingFirst("{officer: \"1\", total: 10}", with: "{total: 10}")
        let loaded = testFile(text)
        #expect(loaded.diagnostics.map(\.code) == ["test.missing-subject"])
    }

    @Test func aCaseNeedsRecordsCandidatesOrQuarters() throws {
        let loaded = testFile(
            """
            cases:
              - name: 空的
                expect:
                  - {officer: "1", total: 10}
            """)
        #expect(loaded.diagnostics.map(\.code) == ["test.case-kind"])
    }

    @Test func twoCasesOfOneFileMayNotShareAName() throws {
        let text = Self.valid + Self.valid.replacingFirst("cases:\n", with: "")
        let loaded = testFile(text)
        #expect(loaded.diagnostics.map(\.code) == ["test.duplicate-name"])
    }

    @Test func anEmptyFileIsSaidToBeEmpty() {
        #expect(testFile("# 只有注释\n").diagnostics.map(\.code) == ["test.empty-file"])
    }

    @Test func aToleranceMayNotBeNegative() {
        let loaded = testFile(Self.valid.replacingFirst("total: 10", with: "total: {value: 10, tolerance: -1}"))
        #expect(loaded.diagnostics.map(\.code) == ["rules.out-of-range"])
    }

    @Test func anUnknownTieBreakerWordGetsTheWordMeant() throws {
        let loaded = testFile(
            """
            cases:
              - name: 年度
                quarters:
                  - {quarter: 2025-Q1, records: [{officer: "1", a: 5, due: 1, done: 1}]}
                expect:
                  - {officer: "1", tie_broken_by: latest_quarter_totl}
            """)
        let problem = try #require(loaded.diagnostics.first)
        #expect(problem.code == "rules.unknown-word")
        #expect(problem.hint?.hasPrefix("是否想写“latest_quarter_total”？") == true)
    }
}

extension String {
    func replacingFirst(_ old: String, with new: String) -> String {
        let scalars = Array(unicodeScalars), target = Array(old.unicodeScalars)
        guard let start = scalars.indices.first(where: { scalars[$0...].starts(with: target) }) else { return self }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[..<start])
        result.append(contentsOf: new.unicodeScalars)
        result.append(contentsOf: scalars[(start + target.count)...])
        return String(result)
    }
}
