import ScorecardBase
import ScorecardYAML
import Testing
@testable import ScorecardRules

/// Key places are kept as the mappings that hold them and read out when asked: the answers must
/// be those of a table filled key by key, first place first.
@Suite struct KeyPlacesTests {
    private func pairs(_ text: String, file: String) -> [YAMLPair] {
        var sink = DiagnosticSink()
        return YAMLLoader.load(bytes: Array(text.utf8), file: file, sink: &sink).first?.root.mapping ?? []
    }

    @Test func theFirstMappingRecordedAtAPathWins() {
        var places = KeyPlaces()
        places.record(mappingAt: "items[i01]", pairs: pairs("id: i01\ntitle: 甲\n", file: "a.yaml"))
        places.record(mappingAt: "items[i01]", pairs: pairs("title: 乙\npoints: 5\n", file: "b.yaml"))
        #expect(places["items[i01].title"]?.description == "a.yaml:2:1")
        #expect(places["items[i01].points"]?.description == "b.yaml:2:1")
        #expect(places["items[i01].clause"] == nil)
        #expect(places["items[i02].title"] == nil)
    }

    @Test func aKeyWithADotIsFoundAndTheEarlierRecordWins() {
        var places = KeyPlaces()
        places.record(mappingAt: "a", pairs: pairs("b.c: 1\n", file: "first.yaml"))
        places.record(mappingAt: "a.b", pairs: pairs("c: 2\n", file: "second.yaml"))
        #expect(places["a.b.c"]?.description == "first.yaml:1:1")
    }

    @Test func placesCompareByWhatTheyAnswer() {
        var recorded = KeyPlaces()
        recorded.record(mappingAt: "policy", pairs: pairs("id: x\n", file: "p.yaml"))
        let given = KeyPlaces(["policy.id": SourceLocation(file: "p.yaml", line: 1, column: 1, length: 2)])
        #expect(recorded == given)
        #expect(recorded != KeyPlaces())
    }
}
