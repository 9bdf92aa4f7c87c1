import Testing
import ScorecardTestSupport
import ScorecardBase

/// A mine's quarter is mostly start-up, and loading Foundation (with ICU) costs more than the
/// quarter itself: no library target may import it, nor its smaller parts.
@Suite struct NoFoundationTests {
    @Test func noLibraryTargetImportsFoundation() throws {
        let sources = FileSystem.join(packageRoot, "Sources")
        guard let targets = try? FileSystem.list(sources) else {
            Issue.record("no Sources folder at \(sources)")
            return
        }
        var offenders: [String] = []
        var checked = 0
        // The command-line target is the thin layer on top; every other target is a library.
        for target in targets where target != "scorecard" {
            for file in swiftFiles(under: FileSystem.join(sources, target)) {
                checked += 1
                guard let bytes = try? FileSystem.read(file) else { continue }
                for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                    let words = line.split(separator: " ")
                    if words.count >= 2, words[words.count - 2] == "import", words.last?.hasPrefix("Foundation") == true {
                        offenders.append("\(file): \(line)")
                    }
                }
            }
        }
        #expect(checked > 50, "only \(checked) source files found under \(sources)")
        #expect(offenders.isEmpty, "\(offenders)")
    }

    private func swiftFiles(under folder: String) -> [String] {
        guard let names = try? FileSystem.list(folder) else { return [] }
        return names.flatMap { name -> [String] in
            let path = FileSystem.join(folder, name)
            if FileSystem.kind(of: path) == .directory { return swiftFiles(under: path) }
            return name.hasSuffix(".swift") ? [path] : []
        }
    }
}
