import ScorecardBase
@testable import ScorecardEvidence

/// Everything a reader produced, in order, as plain values.
enum CSVOutcome: Equatable {
    case record([String], line: Int, number: Int)
    case problem(code: String, line: Int, column: Int)
}

func readOutcomes(_ text: String, chunkSize: Int = CSVReader.defaultChunkSize) -> [CSVOutcome] {
    readOutcomes(Array(text.utf8), chunkSize: chunkSize)
}

func readOutcomes(_ bytes: [UInt8], encoding: TextEncoding? = nil, chunkSize: Int = CSVReader.defaultChunkSize) -> [CSVOutcome] {
    var reader = CSVReader(bytes: bytes, file: "t.csv", encoding: encoding, chunkSize: chunkSize)
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

func readRecords(_ text: String, chunkSize: Int = CSVReader.defaultChunkSize) -> [CSVRecord] {
    var reader = CSVReader(bytes: Array(text.utf8), file: "t.csv", chunkSize: chunkSize)
    var ignored = DiagnosticSink()
    return reader.readAll(sink: &ignored)
}
