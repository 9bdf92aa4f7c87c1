import FuzzSupport
import ScorecardBase
import ScorecardEvidence

/// The CSV reader on any bytes, in every encoding and chunk size: the first input byte picks the
/// chunk size (1…64 bytes, or the default), the second the encoding (detected, UTF-8, GB18030)
/// and the limits (the defaults, or small ones that every input passes). Each record's fields and
/// places are read; with the default limits the records and problems must be the same whatever
/// the chunk size, and a record's places worked out together must be each field's own.
enum Outcome: Equatable {
    case record([[UInt8]], line: Int)
    case problem(code: String, place: String)
}

let small = InputLimits(fieldBytes: 24, recordBytes: 96, cellsPerRow: 7)

func read(_ bytes: [UInt8], encoding: TextEncoding?, chunkSize: Int, limits: InputLimits) -> [Outcome] {
    var reader = CSVReader(bytes: bytes, file: "fuzz.csv", encoding: encoding, chunkSize: chunkSize, limits: limits)
    var outcomes: [Outcome] = []
    while true {
        do {
            guard let raw = try reader.nextRaw() else { break }
            let places = raw.locations()
            fuzzCheck(places.count == raw.count, "one place per field")
            for index in raw.indices {
                fuzzCheck(
                    places[index] == raw.location(at: index), "place of field \(index): \(places[index]) vs \(raw.location(at: index))")
                _ = raw.string(at: index)
                fuzzCheck(raw.utf8(at: index).count <= limits.fieldBytes, "a field past the limit was kept")
            }
            fuzzCheck(raw.count <= limits.cellsPerRow, "a row past the cell limit was kept")
            outcomes.append(.record(raw.indices.map { Array(raw.utf8(at: $0)) }, line: raw.line))
        } catch {
            outcomes.append(.problem(code: error.code, place: error.location?.description ?? "-"))
            if let partial = reader.failedRecord {
                for index in partial.indices { _ = partial.string(at: index) }
            }
        }
    }
    return outcomes
}

FuzzDriver.run { data, size in
    let input = FuzzDriver.bytes(data, size)
    guard input.count >= 2 else { return 0 }
    let chunkSize = input[0] < 192 ? Int(input[0] % 64) + 1 : CSVReader.defaultChunkSize
    let encoding: TextEncoding? = [nil, .utf8, .gb18030][Int(input[1] % 3)]
    let limits = input[1] & 0x80 != 0 ? small : .default
    let body = Array(input[2...])
    let outcomes = read(body, encoding: encoding, chunkSize: chunkSize, limits: limits)
    // Detection decides at the first non-ASCII byte on the chunk around it, so only a given
    // encoding is read the same whatever the chunks.
    if limits == .default && encoding != nil && chunkSize != CSVReader.defaultChunkSize {
        let whole = read(body, encoding: encoding, chunkSize: CSVReader.defaultChunkSize, limits: limits)
        fuzzCheck(outcomes == whole, "chunk size \(chunkSize) read differently: \(outcomes) vs \(whole)")
    }
    return 0
}
