/// A small pull reader for the XML parts of an .xlsx workbook: start and end tags with their
/// attributes, and text with the five entities and character references decoded. Namespace
/// prefixes are dropped (`x:c` is `c`), since writers differ in which prefix they use.
/// Comments, processing instructions and the DOCTYPE are skipped; CDATA is text.
struct XMLScanner {
    enum Event {
        case start(name: String, attributes: [String: String], empty: Bool)
        case end(name: String)
        case text(String)
    }

    struct Failure: Error {
        var message: String
    }

    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    mutating func next() throws(Failure) -> Event? {
        while position < bytes.count {
            if bytes[position] != 0x3C { // text up to the next <
                let start = position
                while position < bytes.count && bytes[position] != 0x3C { position += 1 }
                return .text(try Self.decode(bytes[start..<position]))
            }
            if matches("<!--") {
                guard let end = find("-->", from: position + 4) else { throw Failure(message: "注释没有结束") }
                position = end + 3
            } else if matches("<![CDATA[") {
                guard let end = find("]]>", from: position + 9) else { throw Failure(message: "CDATA 没有结束") }
                let text = String(decoding: bytes[(position + 9)..<end], as: UTF8.self)
                position = end + 3
                return .text(text)
            } else if matches("<?") {
                guard let end = find("?>", from: position + 2) else { throw Failure(message: "处理指令没有结束") }
                position = end + 2
            } else if matches("<!") {
                guard let end = find(">", from: position + 2) else { throw Failure(message: "声明没有结束") }
                position = end + 1
            } else if matches("</") {
                guard let end = find(">", from: position + 2) else { throw Failure(message: "结束标签没有结束") }
                let name = Self.localName(String(decoding: bytes[(position + 2)..<end], as: UTF8.self).trimmingXMLSpace)
                position = end + 1
                return .end(name: name)
            } else {
                return try startTag()
            }
        }
        return nil
    }

    private mutating func startTag() throws(Failure) -> Event {
        position += 1
        let nameStart = position
        while position < bytes.count, !Self.isSpace(bytes[position]), bytes[position] != 0x3E, bytes[position] != 0x2F { position += 1 }
        let name = Self.localName(String(decoding: bytes[nameStart..<position], as: UTF8.self))
        var attributes: [String: String] = [:]
        while true {
            while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
            guard position < bytes.count else { throw Failure(message: "标签 <\(name)> 没有结束") }
            if bytes[position] == 0x3E {
                position += 1
                return .start(name: name, attributes: attributes, empty: false)
            }
            if bytes[position] == 0x2F, position + 1 < bytes.count, bytes[position + 1] == 0x3E {
                position += 2
                return .start(name: name, attributes: attributes, empty: true)
            }
            let keyStart = position
            while position < bytes.count, bytes[position] != 0x3D, !Self.isSpace(bytes[position]), bytes[position] != 0x3E { position += 1 }
            let key = String(decoding: bytes[keyStart..<position], as: UTF8.self)
            while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
            guard position < bytes.count, bytes[position] == 0x3D else { throw Failure(message: "标签 <\(name)> 的属性 \(key) 没有值") }
            position += 1
            while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
            guard position < bytes.count, bytes[position] == 0x22 || bytes[position] == 0x27 else {
                throw Failure(message: "标签 <\(name)> 的属性 \(key) 的值没有加引号")
            }
            let quote = bytes[position]
            position += 1
            let valueStart = position
            while position < bytes.count, bytes[position] != quote { position += 1 }
            guard position < bytes.count else { throw Failure(message: "标签 <\(name)> 的属性 \(key) 的值没有结束") }
            let value = try Self.decode(bytes[valueStart..<position])
            position += 1
            // `r:id` and `id` are told apart by the prefix kept on attributes: only xmlns ones are dropped.
            if !key.hasPrefix("xmlns") { attributes[key] = value }
        }
    }

    private func matches(_ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return prefix.withUTF8Buffer { expected in
            for index in 0..<count where bytes[position + index] != expected[index] { return false }
            return true
        }
    }

    private func find(_ text: StaticString, from start: Int) -> Int? {
        let count = text.utf8CodeUnitCount
        return text.withUTF8Buffer { needle -> Int? in
            var index = start
            while index + count <= bytes.count {
                var found = true
                for offset in 0..<count where bytes[index + offset] != needle[offset] {
                    found = false
                    break
                }
                if found { return index }
                index += 1
            }
            return nil
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// Text with `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;`, `&#NN;` and `&#xHH;` decoded.
    static func decode(_ slice: ArraySlice<UInt8>) throws(Failure) -> String {
        guard slice.contains(0x26) else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var index = slice.startIndex
        while index < slice.endIndex {
            let byte = slice[index]
            guard byte == 0x26 else {
                out.append(byte)
                index += 1
                continue
            }
            guard let semicolon = slice[index...].firstIndex(of: 0x3B), semicolon - index <= 10 else {
                throw Failure(message: "“&”后面不是实体引用")
            }
            let entity = String(decoding: slice[(index + 1)..<semicolon], as: UTF8.self)
            let scalar: Unicode.Scalar?
            switch entity {
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "amp": scalar = "&"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
                } else {
                    scalar = nil
                }
            }
            guard let scalar else { throw Failure(message: "不认识的实体引用“&\(entity);”") }
            out += Array(String(Character(scalar)).utf8)
            index = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    var trimmingXMLSpace: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" || first == "\n" || first == "\r" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\n" || last == "\r" { text = text.dropLast() }
        return String(text)
    }
}
