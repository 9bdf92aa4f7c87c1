import Foundation
import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardRules
@testable import ScorecardEvidence

/// Input that is broken or hostile: every limit refused where it is passed, reading
/// going on after it; control characters refused; an unclosed quote placed where it opened;
/// only regular files read; places of many cells worked out in one pass.
@Suite struct HostileInputTests {
    /// Limits small enough to pass in a test.
    static let small = InputLimits(fieldBytes: 16, recordBytes: 64, cellsPerRow: 6)

    func outcomes(_ text: String, limits: InputLimits = small, chunkSize: Int = CSVReader.defaultChunkSize) -> [CSVOutcome] {
        var reader = CSVReader(bytes: Array(text.utf8), file: "t.csv", chunkSize: chunkSize, limits: limits)
        var outcomes: [CSVOutcome] = []
        while true {
            do {
                guard let record = try reader.next() else { break }
                outcomes.append(.record(record.texts, line: record.line, number: record.number))
            } catch {
                let location = error.location
                outcomes.append(.problem(code: error.code, line: location?.line ?? 0, column: location?.column ?? 0))
            }
        }
        return outcomes
    }

    // MARK: Places of many cells

    @Test func placesWorkedOutTogetherAreEachFieldsOwn() {
        let text = "a,\"b\r\nc\",中文,,\"x\"\"y\",last\r\n"
        var reader = CSVReader(bytes: Array(text.utf8), file: "t.csv")
        guard let raw = try? reader.nextRaw() else {
            Issue.record("no record")
            return
        }
        #expect(raw.locations() == raw.indices.map { raw.location(at: $0) })
        #expect(raw.locations().map(\.column) == [1, 3, 4, 7, 8, 15])
        #expect(raw.locations().map(\.line) == [1, 1, 2, 2, 2, 2])
    }

    // MARK: Limits

    @Test(arguments: [1, 2, 3, 7, 64, CSVReader.defaultChunkSize])
    func aFieldPastTheLimitIsRefusedAtItsStartAndTheNextRowsAreRead(chunkSize: Int) {
        let text = "id,v\n1,short\n2," + String(repeating: "x", count: 17) + ",more\n3,ok\n"
        #expect(
            outcomes(text, chunkSize: chunkSize) == [
                .record(["id", "v"], line: 1, number: 1),
                .record(["1", "short"], line: 2, number: 2),
                .problem(code: "input.field-too-long", line: 3, column: 3),
                .record(["3", "ok"], line: 4, number: 4),
            ])
    }

    @Test func aFieldJustAtTheLimitIsRead() {
        let text = "id,v\n2," + String(repeating: "x", count: 16) + "\n"
        #expect(
            outcomes(text) == [
                .record(["id", "v"], line: 1, number: 1), .record(["2", String(repeating: "x", count: 16)], line: 2, number: 2),
            ])
    }

    @Test(arguments: [1, 5, 64, CSVReader.defaultChunkSize])
    func aRecordPastTheLimitIsRefusedAtItsStart(chunkSize: Int) {
        let row = (0..<5).map { _ in String(repeating: "y", count: 15) }.joined(separator: ",") // 79 bytes
        let text = "id\n" + row + "\n3\n"
        #expect(
            outcomes(text, chunkSize: chunkSize) == [
                .record(["id"], line: 1, number: 1),
                .problem(code: "input.record-too-long", line: 2, column: 1),
                .record(["3"], line: 3, number: 3),
            ])
    }

    @Test(arguments: [1, 4, CSVReader.defaultChunkSize])
    func cellsPastTheLimitAreRefusedAtTheFirstOneOver(chunkSize: Int) {
        let text = "a\n1,2,3,4,5,6\n1,2,3,4,5,6,7,8\nz\n"
        #expect(
            outcomes(text, chunkSize: chunkSize) == [
                .record(["a"], line: 1, number: 1),
                .record(["1", "2", "3", "4", "5", "6"], line: 2, number: 2),
                .problem(code: "input.too-many-cells", line: 3, column: 13),
                .record(["z"], line: 4, number: 4),
            ])
    }

    @Test func theRefusalSaysWhichVariableRaisesTheLimit() {
        var reader = CSVReader(bytes: Array(("v\n" + String(repeating: "1", count: 40) + "\n").utf8), file: "t.csv", limits: Self.small)
        _ = try? reader.next()
        var refusal: Diagnostic?
        do { _ = try reader.next() } catch { refusal = error }
        guard let error = refusal else {
            Issue.record("not refused")
            return
        }
        #expect(error.message.contains("16 字节"))
        #expect(error.hint?.contains("SCORECARD_MAX_FIELD_BYTES") == true)
        #expect(error.hint?.contains("docs/limits.md") == true)
    }

    @Test func aLargeFileOfOneUnterminatedFieldIsReadInBoundedMemory() throws {
        // 4 MiB with no line break: one field, far past the limits; only its start is kept.
        let bytes = [UInt8]("id,v\n1,".utf8) + [UInt8](repeating: 0x37, count: 4 << 20)
        var reader = CSVReader(bytes: bytes, file: "t.csv", chunkSize: 1 << 16, limits: Self.small)
        _ = try? reader.next()
        var refusal: Diagnostic?
        do { _ = try reader.next() } catch { refusal = error }
        guard let error = refusal else {
            Issue.record("not refused")
            return
        }
        #expect(error.code == "input.field-too-long")
        #expect(reader.failedRecord.map { $0.bytes.count <= Self.small.recordBytes } == true)
        #expect(try reader.next() == nil)
    }

    // MARK: Quotes

    @Test func anUnclosedQuoteIsReportedWhereItOpenedNotWhereAQuoteLaterClosedIt() {
        var lines = ["id,title", "1,one", "2,\"two", "3,three", "4,four"]
        lines.append("5,\"five\"") // the quote taken for the end of line 3's field, then text
        lines.append("6,six")
        let found = outcomes(lines.joined(separator: "\n") + "\n", limits: .default)
        #expect(
            found == [
                .record(["id", "title"], line: 1, number: 1),
                .record(["1", "one"], line: 2, number: 2),
                .problem(code: "csv.unterminated-quote", line: 3, column: 3),
                .record(["6", "six"], line: 7, number: 4),
            ])
    }

    @Test func theUnclosedQuoteSaysWhereTheFieldRanTo() {
        var reader = CSVReader(bytes: Array("id,t\n2,\"two\n3,x\n5,\"five\"\n".utf8), file: "t.csv")
        _ = try? reader.next()
        var refusal: Diagnostic?
        do { _ = try reader.next() } catch { refusal = error }
        guard let error = refusal else {
            Issue.record("not refused")
            return
        }
        #expect(error.message.contains("第 4 行"))
    }

    @Test(arguments: [1, 3, 64, CSVReader.defaultChunkSize])
    func anUnclosedQuoteThatRunsPastTheLimitsIsStillAnUnclosedQuote(chunkSize: Int) {
        let rows = (0..<50).map { "\($0),row" }.joined(separator: "\n")
        let text = "id,t\n1,\"never closed\n" + rows + "\n"
        #expect(
            outcomes(text, chunkSize: chunkSize) == [
                .record(["id", "t"], line: 1, number: 1),
                .problem(code: "csv.unterminated-quote", line: 2, column: 3),
            ])
    }

    @Test func aLongFieldThatIsClosedStaysTooLong() {
        let text = "id,t\n1,\"" + String(repeating: "q", count: 30) + "\"\n2,b\n"
        #expect(
            outcomes(text) == [
                .record(["id", "t"], line: 1, number: 1),
                .problem(code: "input.field-too-long", line: 2, column: 3),
                .record(["2", "b"], line: 3, number: 3),
            ])
    }

    // MARK: Control characters

    @Test(arguments: [
        ("1,a\u{0}b\n", 4), ("1,ab\u{7F}\n", 5), ("1,\u{1B}[31m\n", 3), ("1,\"x\u{0}\"\n", 5), ("1,中\u{85}文\n", 4),
    ])
    func aControlCharacterIsRefusedWhereItIs(row: String, column: Int) {
        for chunkSize in [1, 2, CSVReader.defaultChunkSize] {
            #expect(
                outcomes("id,t\n" + row, limits: .default, chunkSize: chunkSize) == [
                    .record(["id", "t"], line: 1, number: 1),
                    .problem(code: "evidence.control-character", line: 2, column: column),
                ], "chunk size \(chunkSize)")
        }
    }

    @Test func tabsAndLineBreaksInQuotesAreNotControlCharacters() {
        #expect(
            outcomes("id,t\n1,\"a\tb\r\nc\"\n2,\u{A0}é\n", limits: .default) == [
                .record(["id", "t"], line: 1, number: 1),
                .record(["1", "a\tb\r\nc"], line: 2, number: 2),
                .record(["2", "\u{A0}é"], line: 4, number: 3),
            ])
    }

    @Test func aControlCharacterInAGB18030FileIsRefusedToo() throws {
        let bytes = try #require(iconvConvert(Array("工号,标题\n1,建\u{0}议\n".utf8), from: "UTF-8", to: "GB18030"))
        #expect(
            readOutcomes(bytes) == [
                .record(["工号", "标题"], line: 1, number: 1),
                .problem(code: "evidence.control-character", line: 2, column: 4),
            ])
    }

    // MARK: Only regular files

    @Test(.timeLimit(.minutes(1)))
    func aNamedPipeIsRefusedWithoutWaitingForAWriter() throws {
        try withTemporaryFolder { folder in
            let pipe = folder.file("pipe.csv")
            #expect(mkfifo(pipe, 0o600) == 0)
            do throws(Diagnostic) {
                _ = try CSVReader(path: pipe)
                Issue.record("a FIFO was opened")
            } catch {
                #expect(error.code == "io.not-regular-file")
                #expect(error.location?.description == pipe + ":1:1")
                #expect(error.message.contains("命名管道"))
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aDeviceIsRefusedAndSoNeverReadForEver() throws {
        try withTemporaryFolder { folder in
            try folder.write("2025-Q2/suggestions.csv", "officer,date,level,title\n")
            #expect(symlink("/dev/zero", folder.file("2025-Q2/scores.csv")) == 0)
            let bound = loadFolder(folder)
            #expect(bound.places == ["io.not-regular-file@\(folder.file("2025-Q2/scores.csv")):1:1"])
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aNamedPipeInTheQuarterFolderIsSaidNotTakenForAbsent() throws {
        try withTemporaryFolder { folder in
            try folder.write("2025-Q2/scores.csv", "officer,a1,reports_due,reports_on_time\n1001,4.5,10,9\n1002,3,8,8\n1004,5,0,0\n")
            #expect(mkfifo(folder.file("2025-Q2/suggestions.csv"), 0o600) == 0)
            let bound = loadFolder(folder)
            #expect(bound.places == ["io.not-regular-file@\(folder.file("2025-Q2/suggestions.csv")):1:1"])
        }
    }

    // MARK: Rows that could not be read

    @Test func aRowRefusedForAControlCharacterStillRejectsItsOfficer() throws {
        try withTemporaryFolder { folder in
            try folder.write("2025-Q2/scores.csv", "officer,a1,reports_due,reports_on_time\n1001,4.5,10,9\n1002,3,8,8\n1004,5,0,0\n")
            try folder.write("2025-Q2/suggestions.csv", "officer,date,level,title\n1001,2025-04-03,矿,井口\u{0}遮阳棚\n1002,2025-05-06,区队,班前会\n")
            let bound = loadFolder(folder)
            #expect(bound.places == ["evidence.control-character@\(folder.file("2025-Q2/suggestions.csv")):2:21"])
            // 1001's lost suggestion would change the reward: the officer is left out, not scored without it.
            #expect(bound.evidence.records.map(\.officer.id) == ["1002", "1004"])
        }
    }

    @Test func aRosterRowThatCouldNotBeReadMakesItsEvidenceAnEcho() throws {
        try withTemporaryFolder { folder in
            var roster = Array("officer,name,unit,area,from\n1001,张三,一队,甲班,2020-01-01\n".utf8)
            roster += Array("1002,李".utf8) + [0xFF] + Array("四,一队,乙班,2020-01-01\n".utf8)
            try folder.write("officers.csv", bytes: roster)
            try folder.write("2025-Q2/scores.csv", "officer,a1,reports_due,reports_on_time\n1001,4.5,10,9\n1002,3,8,8\n")
            try folder.write("2025-Q2/suggestions.csv", "officer,date,level,title\n1002,2025-05-06,区队,班前会\n")
            let evidence = EvidenceFolder(root: folder.path)
            var rosterSink = DiagnosticSink()
            let loadedRoster = evidence.loadRoster(sink: &rosterSink)
            let rosterProblems = rosterSink.diagnostics
            let causePlace = folder.file("officers.csv") + ":3:7"
            #expect(rosterProblems.map(\.place) == ["text.undecodable@" + causePlace])
            #expect(loadedRoster.droppedRows["1002"]?.description == causePlace)
            var quarterSink = DiagnosticSink()
            let quarter = (
                evidence: evidence.loadQuarter(q2, policy: tinyPolicy, roster: loadedRoster, sink: &quarterSink),
                problems: quarterSink.diagnostics
            )
            #expect(Set(quarter.problems.map(\.code)) == [DroppedRowEcho.code])
            #expect(quarter.problems.count == 2)

            // Reported together, the echoes fold into the cause, which comes first and once.
            let folded = (rosterProblems + quarter.problems).foldingDroppedRowEchoes()
            #expect(folded.map(\.place) == ["text.undecodable@" + causePlace])
            let note = try #require(folded.first?.notes.last?.message)
            #expect(note.contains("2 行"))
            #expect(note.contains(folder.file("2025-Q2/scores.csv") + ":3:1"))
            #expect(note.contains(folder.file("2025-Q2/suggestions.csv") + ":2:1"))
        }
    }

    @Test func anEchoWithoutItsCauseIsKeptAsItIs() {
        let echo = DroppedRowEcho.diagnostic(
            id: "7", at: SourceLocation(file: "s.csv", line: 2, column: 1), cause: SourceLocation(file: "o.csv", line: 3, column: 1))
        #expect([echo].foldingDroppedRowEchoes() == [echo])
    }

    @Test func onlyTheFirstUnknownIdsAreLookedUpForASuggestion() {
        // Each suggestion is a pass over the roster: bounded, so unknown ids cost their count.
        let rows = ["officer,a1,reports_due,reports_on_time"] + (0..<(RecordBinder.suggestionLimit + 5)).map { "1005,\($0 % 5),0,0" }
        let bound = bind(rows)
        let hints = bound.problems.filter { $0.code == "evidence.unknown-officer" }.map { $0.hint ?? "" }
        #expect(hints.count == RecordBinder.suggestionLimit + 5)
        #expect(hints.prefix(RecordBinder.suggestionLimit).allSatisfy { $0.contains("是否想写") })
        #expect(hints.suffix(5).allSatisfy { !$0.contains("是否想写") })
    }

    // MARK: Workbooks and YAML evidence

    @Test func aWorkbookPastTheLimitIsRefusedUnread() throws {
        try withTemporaryFolder { folder in
            let workbook = Workbook(rows: [["officer", "a1"], ["1001", "4"]]).bytes
            try folder.write("w.xlsx", bytes: workbook)
            var problems = DiagnosticSink()
            let limits = InputLimits(workbookBytes: workbook.count - 1)
            #expect(
                XLSXRowSource.open(folder.file("w.xlsx"), sheetNames: [], firstIfNone: true, limits: limits, problems: &problems) == nil)
            #expect(problems.diagnostics.map(\.code) == ["input.file-too-large"])
            #expect(problems.diagnostics.first?.hint?.contains("SCORECARD_MAX_WORKBOOK_BYTES") == true)
        }
    }

    @Test func aWorkbookPartThatWouldInflatePastTheLimitIsRefusedBeforeItIsInflated() throws {
        try withTemporaryFolder { folder in
            // A zip bomb's shape: a small part that says it is 1 GiB once decompressed.
            var bytes = Workbook(rows: [["officer"]]).bytes
            let name = Array("xl/worksheets/sheet1.xml".utf8)
            let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
            func isEntry(_ at: Int) -> Bool {
                let end = at + 46 + name.count
                return bytes[at..<at + 4].elementsEqual(signature) && bytes[(at + 46)..<end].elementsEqual(name)
            }
            let found: Int? = (0..<(bytes.count - 46 - name.count)).first(where: isEntry)
            let entry = try #require(found)
            bytes.replaceSubrange((entry + 24)..<(entry + 28), with: [0, 0, 0, 0x40])
            try folder.write("w.xlsx", bytes: bytes)
            var problems = DiagnosticSink()
            #expect(XLSXRowSource.open(folder.file("w.xlsx"), sheetNames: [], firstIfNone: true, problems: &problems) == nil)
            #expect(problems.diagnostics.map(\.code) == ["input.file-too-large"])
            #expect(problems.diagnostics.first?.message.contains("xl/worksheets/sheet1.xml") == true)
        }
    }

    @Test func aWorkbookCellPastTheLimitsIsPlacedAtItsCell() throws {
        try withTemporaryFolder { folder in
            try folder.write(
                "long.xlsx", bytes: Workbook(rows: [["officer", "title"], ["1001", String(repeating: "长", count: 6)]]).bytes)
            try folder.write("wide.xlsx", bytes: Workbook(rows: [["officer", "a", "b", "c", "d", "e", "f"]]).bytes)
            try folder.write("far.xlsx", bytes: Workbook(rows: [["officer"]], extraCell: "ZZZZZZZZZZZZZZZZZZ1").bytes)
            for (file, code, place) in [
                ("long.xlsx", "input.field-too-long", "Sheet1!B2"), ("wide.xlsx", "input.too-many-cells", "Sheet1!G1"),
                ("far.xlsx", "input.too-many-cells", nil),
            ] {
                var problems = DiagnosticSink()
                #expect(
                    XLSXRowSource.open(folder.file(file), sheetNames: [], firstIfNone: true, limits: Self.small, problems: &problems) == nil
                )
                #expect(problems.diagnostics.map(\.code) == [code], "\(file)")
                if let place { #expect(problems.diagnostics.first?.location?.description == folder.file(file) + ":" + place) }
            }
        }
    }

    @Test func aControlCharacterInAWorkbookCellIsRefusedAtItsCell() throws {
        try withTemporaryFolder { folder in
            try folder.write("w.xlsx", bytes: Workbook(rows: [["officer", "title"], ["1001", "a&#0;b"], ["1002", "ok"]]).bytes)
            var problems = DiagnosticSink()
            var source = try #require(XLSXRowSource.open(folder.file("w.xlsx"), sheetNames: [], firstIfNone: true, problems: &problems))
            var read: [String] = []
            while let row = source.nextRow(problems: &problems) { read.append(row.text(at: 0) ?? "") }
            #expect(read == ["1002"])
            #expect(problems.diagnostics.map(\.place) == ["evidence.control-character@\(folder.file("w.xlsx")):Sheet1!B2"])
            #expect(source.takeDroppedRows().map { $0.row.text(at: 0) } == ["1001"])
        }
    }

    @Test func aControlCharacterWrittenAsAnEscapeInYAMLEvidenceIsRefused() throws {
        try withTemporaryFolder { folder in
            try folder.write(
                "2025-Q2/evidence.yaml",
                """
                records:
                  - {officer: "1001", a1: 4.5, suggestions: [{date: 2025-04-03, level: 矿, title: "井口\\0遮阳棚"}]}
                  - {officer: "1002", a1: 3}
                  - {officer: "1004", a1: 5}

                """)
            let bound = loadFolder(folder)
            #expect(bound.problems.map(\.code) == ["evidence.control-character"])
            #expect(bound.evidence.records.map(\.officer.id) == ["1002", "1004"])
        }
    }

    @Test func aYAMLEvidenceFilePastTheLimitIsRefusedWhereItPassesIt() throws {
        try withTemporaryFolder { folder in
            try folder.write("2025-Q2/evidence.yaml", "records:\n  - {officer: \"1001\", a1: 4.5}\n")
            var sink = DiagnosticSink()
            let evidence = EvidenceFolder(root: folder.path, limits: InputLimits(yamlFileBytes: 20))
            let loaded = (
                evidence: evidence.loadQuarter(q2, policy: tinyPolicy, roster: tinyRoster, sink: &sink), problems: sink.diagnostics
            )
            #expect(
                loaded.problems.filter { $0.severity == .error }.map(\.place) == [
                    "input.file-too-large@\(folder.file("2025-Q2/evidence.yaml")):2:12"
                ])
        }
    }

    // MARK: Lines echoed in messages

    @Test func onlyTheLinesAskedForAreRead() throws {
        try withTemporaryFolder { folder in
            let text = "第一行\r\n二\r\n\r\n四" + String(repeating: "x", count: 100) + "\n五\n"
            try folder.write("a.csv", bytes: try #require(iconvConvert(Array(text.utf8), from: "UTF-8", to: "GB18030")))
            let lines = try #require(SourceLineReader.lines(of: folder.file("a.csv"), wanted: [2, 4]))
            #expect(lines == ["", "二", "", "四" + String(repeating: "x", count: 100)])
            #expect(SourceLineReader.lines(of: folder.file("a.csv"), wanted: [9]) == ["", "", "", "", "", ""])
            #expect(mkfifo(folder.file("p.csv"), 0o600) == 0)
            #expect(SourceLineReader.lines(of: folder.file("p.csv"), wanted: [1]) == nil)
        }
    }
}

/// A one-sheet workbook made with the engine's own zip writer (stored entries), enough for the
/// reader: inline strings, one row per list.
struct Workbook {
    var rows: [[String]]
    /// One more cell, with this reference, in the first row.
    var extraCell: String?

    var bytes: [UInt8] {
        var zip = ZipWriter()
        zip.add(
            "_rels/.rels",
            text: """
                <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """)
        zip.add(
            "xl/workbook.xml",
            text: """
                <?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
                """)
        zip.add(
            "xl/_rels/workbook.xml.rels",
            text: """
                <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
                """)
        var sheet = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        for (index, row) in rows.enumerated() {
            sheet += "<row r=\"\(index + 1)\">"
            for (column, text) in row.enumerated() {
                let reference = SourceLocation(file: "", line: index + 1, column: column + 1).cellName
                sheet += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
            }
            if index == 0, let extraCell { sheet += "<c r=\"\(extraCell)\" t=\"inlineStr\"><is><t>x</t></is></c>" }
            sheet += "</row>"
        }
        zip.add("xl/worksheets/sheet1.xml", text: sheet + "</sheetData></worksheet>")
        return zip.finished()
    }
}
