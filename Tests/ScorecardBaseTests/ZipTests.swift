@testable import ScorecardBase
import Testing

@Suite struct ZipTests {
    static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            out.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return out
    }

    @Test func crc32OfTheCheckString() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    // Streams made with Python's zlib (raw deflate, wbits −15).
    @Test func inflatesAFixedHuffmanBlock() throws {
        let data = Self.bytes(hex: "cb4f4bcb4c4e2dd2c934300462232e43032363431d133d531d5310dbc41ccc066210cfd402ce0300")
        let text = "officer,i01,i02\n10231,4.5,5\n10247,4.5,4.5\n10258,4.5,4.5\n"
        #expect(try Inflate.decompress(data[...], expectedSize: text.utf8.count) == Array(text.utf8))
    }

    @Test func inflatesAStoredBlock() throws {
        let data = Self.bytes(hex: "011e00e1ffe5b7a5e58fb72ce5a793e5908d0a31303233312ce794b0e69993e4b89c0a")
        #expect(try Inflate.decompress(data[...], expectedSize: 30) == Array("工号,姓名\n10231,田晓东\n".utf8))
    }

    @Test func inflatesADynamicHuffmanBlockWithOverlappingMatches() throws {
        let data = Self.bytes(
            hex: """
                8dd65b6ac2501485e1a9482660f6ed5c20063a160750b0c54ebf16ca59fb21719d0741612178bedf24dbe3f3e7f2b82db2ecdbfdefcd872c97efdbf2f5fafcdc\
                eb767deedbf5fe7abd76fbf63fd631d63496e3b18db1a5713b1efb187b1aebf138c638d2b81f8fcb189734b6e3711de39a7fe07abc6e63ddd2da8fc77d8c7bfe\
                ea93c393152e6bdac7c93c31664739394181a464ca723287a564cc937311688af3aa049e12bc2b81a8145e96c0542a6f4b802a8dd7256095cefb52b0ea3a5198\
                c2558537a6e90faa1395295cd578650a57f589ca14b01abc3205ac165e990256ebc4b50bb0da78650a58edbc3203acadbc3283ab09afcce06aca2bb374e9b589\
                ca0caee6bc3203abc5446506572bbc3283abd589ca0cb0d678650658ebbc3207acafbc3207ac0bafcc01eb3a719704ac1bafccd35dd579650e570f5e9983d5cb\
                44650e57afbc3207abb789ca1caede796501d758272a0bc086f0ca02b0a1bcb2006c18af2c001bce2b8bf4c014bcb2006c9489a731b846e595055ca3f1ca02ac\
                d1df54f60b
                """)
        let text = (1..<60).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"s\"><v>\($0 * 7 % 13)</v></c></row>" }.joined()
        let inflated = try Inflate.decompress(data[...], expectedSize: text.utf8.count)
        #expect(inflated.count == 2768)
        #expect(inflated == Array(text.utf8))
        #expect(CRC32.checksum(inflated) == 0x0B69_F2BC)
    }

    @Test func aCutStreamIsAnErrorNotACrash() {
        let data = Self.bytes(hex: "cb4f4bcb4c4e2dd2c934300462232e43")
        #expect(throws: ZipError.self) { try Inflate.decompress(data[...], expectedSize: 100) }
    }

    @Test func whatTheWriterStoresTheReaderReads() throws {
        var writer = ZipWriter()
        writer.add("[Content_Types].xml", text: "<Types/>")
        writer.add("xl/worksheets/sheet1.xml", text: "<worksheet>田晓东</worksheet>")
        writer.add("empty", [])
        let archive = writer.finished()
        #expect(archive == writer.finished(), "the same entries make the same bytes")
        let reader = try ZipReader(bytes: archive)
        #expect(reader.entries.map(\.name) == ["[Content_Types].xml", "xl/worksheets/sheet1.xml", "empty"])
        #expect(try reader.contents(of: "xl/worksheets/sheet1.xml") == Array("<worksheet>田晓东</worksheet>".utf8))
        #expect(try reader.contents(of: "empty") == [])
        #expect(try reader.contents(of: "missing") == nil)
    }

    @Test func aDamagedEntryFailsItsChecksum() throws {
        var writer = ZipWriter()
        writer.add("a.xml", text: "<a>1</a>")
        var archive = writer.finished()
        let at = try #require(archive.firstIndex(of: UInt8(ascii: "1")))
        archive[at] = UInt8(ascii: "2")
        let reader = try ZipReader(bytes: archive)
        #expect(throws: ZipError("“a.xml”的校验和不符，文件已损坏")) { try reader.contents(of: "a.xml") }
    }

    @Test func notAZipFile() {
        #expect(throws: ZipError.self) { try ZipReader(bytes: Array("officer,i01\n10231,5\n".utf8)) }
    }
}
