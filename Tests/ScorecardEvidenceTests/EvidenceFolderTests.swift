import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardExpression
import ScorecardRules
@testable import ScorecardEvidence

/// A quarter read from files: CSV syntax, encodings, the YAML form and the folder layout.
/// Locations are `path:line:column` with columns in Unicode scalars.
@Suite struct EvidenceFolderTests {
    let records = "officer,a1,reports_due,reports_on_time\n1001,4.5,10,9\n1002,3,8,8\n1004,5,0,0\n"
    let suggestions = "officer,date,level,title\n1001,2025-04-03,矿,井口加装遮阳棚\n1002,2025-05-06,区队,班前会增加案例\n1001,2025-06-07,区队,食堂加热汤\n"

    @Test func cleanQuarterFromCSVFiles() throws {
        try withTemporaryFolder { folder in
            try folder.write("2025-Q2/scores.csv", records)
            try folder.write("2025-Q2/suggestions.csv", suggestions)
            let bound = loadFolder(folder)
            #expect(bound.problems.isEmpty, "\(bound.problems)")
            #expect(bound.evidence.records.map(\.officer.id) == ["1001", "1002", "1004"])
            #expect(bound.evidence.files == [folder.file("2025-Q2/scores.csv"), folder.file("2025-Q2/suggestions.csv")])
            #expect(bound.value("1002", field: "a1") == number("3"))
            #expect(bound.suggestions("1001")?.map { $0[1] } == [.string("矿"), .string("区队")])
            #expect(bound.record("1001")?.fieldLocations.first??.description == folder.file("2025-Q2/scores.csv") + ":2:6")
        }
    }

    @Test func quotedCommaInANumberColumnIsAWrongType() throws {
        try withTemporaryFolder { folder in
            try folder.write("2025-Q2/scores.csv", records.replacingOccurrences(of: "1001,4.5,", with: "1001,\"4,5\","))
            try folder.write("2025-Q2/suggestions.csv", suggestions)
            let bound = loadFolder(folder)
            #expect(bound.places == ["evidence.bad-value@\(folder.file("2025-Q2/scores.csv")):2:6"])
            #expect(bound.problems.first?.message.contains("“4,5”不是一个数") == true)
        }
    }

    @Test func shortRowAndExtraCells() throws {
        try withTemporaryFolder { folder in
            let text = "officer,a1,reports_due,reports_on_time\n1001,4.5,10\n1002,3,8,8,7\n1004,5,0,0\n"
            try folder.write("2025-Q2/scores.csv", text)
            try folder.write("2025-Q2/suggestions.csv", suggestions)
            let bound = loadFolder(folder)
            let file = folder.file("2025-Q2/scores.csv")
            #expect(bound.places == ["evidence.short-row@\(file):2:1", "evidence.extra-cells@\(file):3:12"])
            #expect(bound.problems.first?.message.contains("“reports_on_time”") == true)
        }
    }

    @Test func malformedHeaderIsNotReplacedByTheFirstRow() throws {
        try withTemporaryFolder { folder in
            try folder.write("2025-Q2/scores.csv", records.replacingOccurrences(of: "officer,a1", with: "officer,a\"1"))
            try folder.write("2025-Q2/suggestions.csv", suggestions)
            let bound = loadFolder(folder)
            // The header's own problem, and nothing that comes of reading 1001,4.5,… as a header.
            #expect(bound.places == ["csv.stray-quote@\(folder.file("2025-Q2/scores.csv")):1:10"])
            #expect(bound.evidence.records.isEmpty)
        }
    }

    @Test func csvSyntaxErrorInARowIsReportedAndTheOtherRowsRead() throws {
        try withTemporaryFolder { folder in
            try folder.write("2025-Q2/scores.csv", records.replacingOccurrences(of: "1002,3,8,8", with: "1002,3\"x,8,8"))
            try folder.write("2025-Q2/suggestions.csv", suggestions)
            let bound = loadFolder(folder)
            let file = folder.file("2025-Q2/scores.csv")
            // The broken row still says whose it is: 1002 is left out, not also reported as
            // having no record.
            #expect(bound.places == ["csv.stray-quote@\(file):3:7"])
            #expect(bound.evidence.records.map(\.officer.id) == ["1001", "1004"])
        }
    }

    @Test func gb18030FileWithChineseHeaders() throws {
        try withTemporaryFolder { folder in
            let text = "工号,姓名,a1,应报信息次数,按时准确上报次数\r\n1001,张三,四,10,9\r\n1002,李四,3,8,8\r\n1004,赵六,5,0,0\r\n"
            try folder.write("2025-Q2/scores.csv", bytes: gb18030(text))
            try folder.write("2025-Q2/suggestions.csv", bytes: gb18030("工号,采纳日期,采纳层级,建议内容\r\n1002,2025-05-06,区队,班前会增加案例\r\n"))
            let bound = loadFolder(folder)
            // 四 is the ninth character of line 2 (“1001,张三,” is eight).
            #expect(bound.places == ["evidence.bad-value@\(folder.file("2025-Q2/scores.csv")):2:9"])
            #expect(bound.problems.first?.message.contains("“四”") == true)
            #expect(bound.value("1002", field: "reports_due") == number("8"))
            #expect(bound.suggestions("1002") == [[.date(LocalDate("2025-05-06")!), .string("区队"), .string("班前会增加案例")]])
        }
    }

    @Test func byteOrderMarkIsNotPartOfTheFirstHeader() throws {
        try withTemporaryFolder { folder in
            try folder.write("2025-Q2/scores.csv", "\u{FEFF}officr,a1,reports_due,reports_on_time\n1001,4.5,10,9\n")
            try folder.write("2025-Q2/suggestions.csv", "\u{FEFF}" + suggestions)
            let bound = loadFolder(folder)
            let file = folder.file("2025-Q2/scores.csv")
            #expect(bound.places == ["evidence.unknown-column@\(file):1:1", "evidence.missing-officer-column@\(file):1:1"])
            #expect(bound.problems.first?.message == "规则中没有“officr”这一列")
            #expect(bound.problems.first?.hint == "是否想写“officer”？")
        }
    }

    @Test func byteOrderMarkFileReadsLikeAPlainOne() throws {
        try withTemporaryFolder { folder in
            try folder.write("2025-Q2/scores.csv", "\u{FEFF}" + records)
            try folder.write("2025-Q2/suggestions.csv", "\u{FEFF}" + suggestions)
            let bound = loadFolder(folder)
            #expect(bound.problems.isEmpty, "\(bound.problems)")
            #expect(bound.evidence.records.count == 3)
            #expect(bound.suggestions("1001")?.count == 2)
        }
    }

    @Test func crlfFileWithQuotedTitles() throws {
        try withTemporaryFolder { folder in
            let crlf = records.replacingOccurrences(of: "1002,3,8,8", with: "1002,3,8,x").replacingOccurrences(of: "\n", with: "\r\n")
            try folder.write("2025-Q2/scores.csv", crlf)
            let list =
                "officer,date,level,title\r\n1001,2025-04-03,区队,\"井口候车区加装遮阳棚,雨天铺设防滑垫\"\r\n1001,2025-04-04,矿,\"班组推行\"\"手指口述\"\"安全确认\"\r\n"
            try folder.write("2025-Q2/suggestions.csv", list)
            let bound = loadFolder(folder)
            #expect(bound.places == ["evidence.bad-value@\(folder.file("2025-Q2/scores.csv")):3:10"])
            #expect(bound.value("1001", field: "reports_on_time") == number("9"))
            #expect(bound.suggestions("1001")?.map { $0[2] } == [.string("井口候车区加装遮阳棚,雨天铺设防滑垫"), .string("班组推行\"手指口述\"安全确认")])
        }
    }

    @Test func missingListFileIsAWarning() throws {
        try withTemporaryFolder { folder in
            try folder.write("2025-Q2/scores.csv", records)
            let bound = loadFolder(folder)
            #expect(bound.places == ["evidence.no-list@-"])
            #expect(bound.problems.first?.severity == .warning)
            #expect(bound.problems.first?.message.contains("采纳建议") == true)
            #expect(!bound.problems.hasErrors)
            #expect(bound.suggestions("1001") == [])
        }
    }

    @Test func bothCSVAndYAMLIsAnError() throws {
        try withTemporaryFolder { folder in
            try folder.write("2025-Q2/scores.csv", records)
            try folder.write("2025-Q2/suggestions.csv", suggestions)
            try folder.write("2025-Q2/evidence.yaml", "quarter: 2025-Q2\nrecords: []\n")
            let bound = loadFolder(folder)
            // One problem: which file to keep. Nobody is reported as missing a record.
            #expect(bound.places == ["evidence.two-formats@\(folder.file("2025-Q2/evidence.yaml")):1:1"])
            #expect(bound.evidence.records.isEmpty)
        }
    }

    @Test func noRecordTable() throws {
        try withTemporaryFolder { folder in
            try folder.write("2025-Q2/suggestions.csv", suggestions)
            let bound = loadFolder(folder)
            #expect(bound.places == ["evidence.no-records@-"])
        }
    }

    @Test func noQuarterFolderNamesTheOnesThereAre() throws {
        try withTemporaryFolder { folder in
            try folder.write("2025-Q1/scores.csv", records)
            try folder.write("2025-Q3/scores.csv", records)
            let bound = loadFolder(folder)
            #expect(bound.places == ["evidence.no-quarter@-"])
            #expect(bound.problems.first?.hint == "已有的季度：2025-Q1、2025-Q3")
            #expect(EvidenceFolder(root: folder.path).quarters().map(\.description) == ["2025-Q1", "2025-Q3"])
        }
    }

    @Test func aQuarterFolderNamedWithoutTheDashIsFound() throws {
        let (evidence, problems) = try WholeFolder.load(
            ["officers.csv": WholeFolder.roster, "2025Q1/scores.csv": "officer,a,due\n1,4,1\n2,5,0\n"],
            quarter: Quarter(year: 2025, number: 1)!)
        #expect(!problems.hasErrors)
        #expect(evidence.records.count == 2)
    }
}

/// The YAML form of a quarter: the same records as the CSV form, one mapping per officer.
@Suite struct EvidenceYAMLTests {
    let yaml = """
        quarter: 2025-Q2
        records:
          - officer: "1001"
            a1: 4.5
            reports_due: 10
            reports_on_time: 9
            suggestions:
              - {date: 2025-04-03, level: 矿, title: 井口加装遮阳棚}
              - {date: 2025-06-07, level: 区队, title: "食堂加热汤"}
          - officer: "1002"
            a1: 3
            reports_due: 8
            reports_on_time: 8
            suggestions:
              - date: 2025-05-06
                level: 区队
                title: 班前会增加案例
          - 工号: 1004
            a1: 5

        """
    let csvRecords = "officer,a1,reports_due,reports_on_time\n1001,4.5,10,9\n1002,3,8,8\n1004,5,,\n"
    let csvSuggestions = "officer,date,level,title\n1001,2025-04-03,矿,井口加装遮阳棚\n1002,2025-05-06,区队,班前会增加案例\n1001,2025-06-07,区队,食堂加热汤\n"

    @Test func yamlFormBindsTheSameValuesAsTheCSVForm() throws {
        let fromYAML = try withTemporaryFolder { folder in
            try folder.write("2025-Q2/evidence.yaml", yaml)
            let bound = loadFolder(folder)
            #expect(bound.evidence.files == [folder.file("2025-Q2/evidence.yaml")])
            return bound
        }
        let fromCSV = try withTemporaryFolder { folder in
            try folder.write("2025-Q2/scores.csv", csvRecords)
            try folder.write("2025-Q2/suggestions.csv", csvSuggestions)
            return loadFolder(folder)
        }
        #expect(fromYAML.problems.isEmpty, "\(fromYAML.problems)")
        #expect(fromCSV.problems.isEmpty, "\(fromCSV.problems)")
        #expect(fromYAML.evidence.records.map(\.officer.id) == fromCSV.evidence.records.map(\.officer.id))
        #expect(fromYAML.evidence.records.map { $0.slots } == fromCSV.evidence.records.map { $0.slots })
        #expect(fromYAML.value("1004", field: "reports_due") == number("0"))
    }

    @Test func yamlProblemsPointAtTheirKeysAndValues() throws {
        try withTemporaryFolder { folder in
            let text = """
                quarter: 2025-Q2
                records:
                  - officer: "1001"
                    a1: 6
                    reports_du: 10
                  - officer: "1002"
                    a1: 3
                    suggestions:
                      - {date: 2025-03-31, level: 省, title: 日期和层级都不对}
                  - officer: "1004"
                    a1: 5

                """
            try folder.write("2025-Q2/evidence.yaml", text)
            let bound = loadFolder(folder)
            let file = folder.file("2025-Q2/evidence.yaml")
            #expect(
                bound.problems.sortedForDisplay().map(\.place) == [
                    "evidence.bad-value@\(file):4:9",
                    "evidence.unknown-column@\(file):5:5",
                    "evidence.date-outside-quarter@\(file):9:16",
                    "evidence.bad-value@\(file):9:35",
                ])
            #expect(bound.problems.first { $0.code == "evidence.unknown-column" }?.hint == "是否想写“reports_due”？")
        }
    }

    @Test func listInYAMLAndInItsOwnFileIsAnError() throws {
        try withTemporaryFolder { folder in
            try folder.write("2025-Q2/evidence.yaml", yaml)
            try folder.write("2025-Q2/suggestions.csv", csvSuggestions)
            let bound = loadFolder(folder)
            // Neither copy may be dropped silently: which one counts is for the office to say.
            #expect(bound.places == ["evidence.two-formats@\(folder.file("2025-Q2/suggestions.csv")):1:1"])
            #expect(bound.problems.first?.message.contains("采纳建议") == true)
        }
    }

    @Test func yamlQuarterMustMatchItsFolder() throws {
        try withTemporaryFolder { folder in
            try folder.write("2025-Q2/evidence.yaml", yaml.replacingOccurrences(of: "quarter: 2025-Q2", with: "quarter: 2025-Q3"))
            let bound = loadFolder(folder)
            #expect(bound.places == ["evidence.wrong-quarter@\(folder.file("2025-Q2/evidence.yaml")):1:10"])
        }
    }

    @Test func yamlWithoutListsNeedsNoListFile() throws {
        try withTemporaryFolder { folder in
            try folder.write(
                "2025-Q2/evidence.yaml",
                "records:\n  - {officer: \"1001\", a1: 1}\n  - {officer: \"1002\", a1: 2}\n  - {officer: \"1004\", a1: 3}\n")
            let bound = loadFolder(folder)
            #expect(bound.problems.isEmpty, "\(bound.problems)")
            #expect(bound.suggestions("1002") == [])
        }
    }

    @Test func yamlEvidenceMayMixIdsAndChineseNamesAndPointsAtTheKey() throws {
        let yaml = """
            records:
              - {officer: "1", a: 4, 应报次数: 1, suggestions: [{采纳层级: 矿}]}
              - {工号: "2", a: 5, due: 0, pionts: 3}
            """
        let (evidence, problems) = try WholeFolder.load(
            ["officers.csv": WholeFolder.roster, "2025-Q1/evidence.yaml": yaml], quarter: Quarter(year: 2025, number: 1)!)
        let unknown = problems.filter { $0.code == "evidence.unknown-column" }
        #expect(unknown.count == 1)
        #expect(unknown.first?.location?.line == 3)
        #expect(!problems.contains { $0.code == "evidence.duplicate-column" })
        #expect(evidence.records.isEmpty || problems.hasErrors)
    }

    @Test func aListInBothYAMLAndCSVIsAnError() throws {
        let yaml = "records:\n  - {officer: \"1\", a: 4, due: 1, suggestions: [{level: 矿}]}\n  - {officer: \"2\", a: 5, due: 0}\n"
        let (_, problems) = try WholeFolder.load(
            [
                "officers.csv": WholeFolder.roster, "2025-Q1/evidence.yaml": yaml, "2025-Q1/suggestions.csv": "officer,level\n1,区队\n",
            ], quarter: Quarter(year: 2025, number: 1)!)
        #expect(problems.contains { $0.code == "evidence.two-formats" })
    }
}

/// The demo seeds as each office saved them: Q3 with CRLF and quoted titles, Q4 in GB18030
/// with Chinese headers. Titles are compared with the files decoded by iconv.
@Suite struct EvidenceSeedTests {
    @Test func q3QuotedTitlesAndQ4GB18030Titles() throws {
        let seeds = packageRoot + "/seeds"
        var problems = DiagnosticSink()
        let loaded = PolicyLoader.load(path: packageRoot + "/rules", sink: &problems)
        var policy = try #require(loaded.policy)
        // No rule reads the titles, so rows would leave them out: kept here, to be compared.
        policy.layout.keepsEveryListField = true
        let folder = EvidenceFolder(root: seeds)
        var sink = DiagnosticSink()
        let roster = folder.loadRoster(sink: &sink)
        let titleSlot = try #require(policy.evidence.list(withID: "suggestions")?.fields.firstIndex { $0.id == "title" })
        let listSlot = try #require(policy.layout.slot(ofList: "suggestions"))
        func titles(_ evidence: QuarterEvidence, _ id: String) -> [String] {
            guard let record = evidence.records.first(where: { $0.officer.id == id }), case .list(let rows) = record.slots[listSlot] else {
                return []
            }
            return rows.map { if case .string(let text) = $0[titleSlot] { text } else { "" } }
        }

        var q3Sink = DiagnosticSink()
        let q3 = (
            evidence: folder.loadQuarter(Quarter(year: 2025, number: 3)!, policy: policy, roster: roster, sink: &q3Sink),
            problems: q3Sink.diagnostics
        )
        #expect(q3.problems.isEmpty, "\(q3.problems)")
        #expect(titles(q3.evidence, "10418").contains("井口候车区加装遮阳棚,雨天铺设防滑垫"))
        #expect(titles(q3.evidence, "10611").contains("班组推行\"手指口述\"安全确认"))
        #expect(q3.evidence.records.count == 20)

        var q4Sink = DiagnosticSink()
        let q4 = (
            evidence: folder.loadQuarter(Quarter(year: 2025, number: 4)!, policy: policy, roster: roster, sink: &q4Sink),
            problems: q4Sink.diagnostics
        )
        #expect(q4.problems.isEmpty, "\(q4.problems)")
        let bytes = try #require(try? readAll(seeds + "/2025-Q4/suggestions.csv"))
        let decoded = String(decoding: try #require(iconvConvert(bytes, from: "GB18030", to: "UTF-8")), as: UTF8.self)
        let rows = decoded.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count == 34)
        for id in Set(rows.map { $0[0] }) {
            #expect(titles(q4.evidence, id) == rows.filter { $0[0] == id }.map { $0[3] }, "\(id)")
        }
        // Chinese headers: the counts land in their fields (10533: 6 due, 5 on time, 3 held, 1 attended).
        let record = try #require(q4.evidence.records.first { $0.officer.id == "10533" })
        let values = ["reports_due", "reports_on_time", "meetings_held", "meetings_attended"].map {
            record.slots[policy.layout.slot(ofField: $0)!]
        }
        #expect(values == [number("6"), number("5"), number("3"), number("1")])
    }
}

func readAll(_ path: String) throws -> [UInt8] {
    try FileSystem.read(path)
}
