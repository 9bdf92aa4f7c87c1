import ScorecardBase
import Testing
import ScorecardTestSupport
@testable import ScorecardYAML

@Suite struct DocumentTests {
    @Test func multipleDocumentsLoadInOrder() {
        let result = load("---\na: 1\n---\n- 甲\n...\n---\n乙\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.count == 3)
        #expect(result.documents[1].root.sequence?.first?.scalar?.value == "甲")
        #expect(result.documents[2].root.scalar?.value == "乙")
    }

    @Test func emptyAndCommentOnlyFilesHaveNoDocuments() {
        #expect(load("").documents.isEmpty)
        #expect(load("# 只有注释\n\n").documents.isEmpty)
        #expect(load("").diagnostics.isEmpty)
    }

    @Test func bareDocumentMarkerGivesANullRoot() {
        let result = load("---\n")
        #expect(result.documents.count == 1)
        #expect(result.documents.first?.root.scalar?.isNull == true)
    }

    @Test func anchorsAreScopedToTheirDocument() {
        let result = load("a: &x 1\n---\nb: *x\n")
        #expect(result.diagnostics.map(\.code) == ["yaml.undefined-alias"])
        #expect(result.diagnostics.first?.location?.place == [3, 4])
    }

    @Test func readsFilesAndReportsMissingOnes() throws {
        let missing = loadYAML(contentsOf: "/nonexistent/规则.yaml", displayName: "规则.yaml")
        #expect(missing.diagnostics.map(\.code) == ["yaml.io"])
        #expect(missing.diagnostics.first?.message.contains("规则.yaml") == true)
        let path = #filePath
        let own = loadYAML(contentsOf: path, displayName: "x.swift")
        #expect(own.documents.count <= 1)
    }
}

@Suite struct StoppingTests {
    @Test func aLimitStopsReadingButKeepsEarlierDocuments() {
        let result = load("a: 1\n---\n[[[[x]]]]\n---\nb: 2\n", limits: YAMLLimits(maxNodes: 100, maxDepth: 2))
        #expect(result.documents.count == 1)
        #expect(result.diagnostics.map(\.code) == ["yaml.depth-limit"])
    }

    @Test func aSyntaxErrorKeepsEarlierDocuments() {
        let result = load("a: 1\n---\nb: [\n")
        #expect(result.documents.count == 1)
        #expect(result.diagnostics.map(\.code) == ["yaml.syntax"])
    }
}
