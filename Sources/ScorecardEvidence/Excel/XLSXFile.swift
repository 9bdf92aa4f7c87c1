import ScorecardBase

/// An .xlsx workbook as Excel, WPS, LibreOffice or openpyxl save it, read far enough to give
/// each sheet's cells as the text a person sees: shared and inline strings, numbers (as Excel
/// shows them, to 15 significant digits), booleans, dates stored as serial numbers under a date
/// format (as `2025-07-12`), formula results. Read whole: a mine's workbook is small.
struct XLSXFile {
    /// One cell with a value: its 1-based column and its text.
    struct Cell {
        var column: Int
        var text: String
    }

    /// One row with at least one cell, by its 1-based row number.
    struct Row {
        var number: Int
        var cells: [Cell]
    }

    let path: String
    /// The sheets in the workbook's order, with the zip entry holding each.
    let sheets: [(name: String, part: String)]
    private let zip: ZipReader
    private let sharedStrings: [String]
    /// Indices into the cell formats (`s="…"`) that show a number as a date.
    private let dateStyles: Set<Int>
    private let date1904: Bool

    /// Only a regular file is read, and only up to `limits.workbookBytes`, which also bounds
    /// each part once decompressed (a zip bomb is refused before it is inflated).
    static func open(_ path: String, limits: InputLimits = .default) throws(Diagnostic) -> XLSXFile {
        let bytes: [UInt8]
        switch try FileSystem.read(path, limit: limits.workbookBytes) {
        case .complete(let read): bytes = read
        case .tooLarge:
            throw EvidenceMessages.workbookTooLarge(path, limit: limits.workbookBytes)
        }
        do throws(XLSXProblem) {
            return try XLSXFile(path: path, bytes: bytes, limits: limits)
        } catch {
            throw EvidenceMessages.unreadableWorkbook(path, error)
        }
    }

    /// Why a workbook or one of its sheets cannot be read; worded in `EvidenceMessages`.
    enum XLSXProblem: Error {
        /// An old binary `.xls` (an OLE file), not a zip archive.
        case oldXLSFormat
        /// The zip archive's own problem, in its words.
        case archive(String)
        case missingWorkbookPart(String)
        case missingSheetContent(sheet: String)
        case missingPart(String)
        case partTooLarge(part: String, size: Int, limit: Int)
        case badXML(part: String, String)
        case unknownSharedString(String)
        case tooManyCells(sheet: String, limit: Int, at: SourceLocation)
        case cellTooLong(sheet: String, limit: Int, at: SourceLocation)
    }

    let limits: InputLimits

    private init(path: String, bytes: [UInt8], limits: InputLimits) throws(XLSXProblem) {
        self.path = path
        self.limits = limits
        do {
            zip = try ZipReader(bytes: bytes)
        } catch {
            throw bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) ? .oldXLSFormat : .archive(error.message)
        }
        let zip = self.zip
        let part = { (name: String) throws(XLSXProblem) -> [UInt8]? in try Self.part(zip, name, limits: limits) }
        let workbookPart =
            try Self.relationships(part, "_rels/.rels", base: "")
            .first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard let workbook = try part(workbookPart) else { throw .missingWorkbookPart(workbookPart) }
        let base = workbookPart.lastIndex(of: "/").map { String(workbookPart[...$0]) } ?? ""
        let relationsPart = base + "_rels/" + (workbookPart.split(separator: "/").last.map(String.init) ?? "workbook.xml") + ".rels"
        let relations = try Self.relationships(part, relationsPart, base: base)
        var sheets: [(name: String, part: String)] = []
        var date1904 = false
        var scanner = XMLScanner(workbook)
        while let event = try Self.next(&scanner, workbookPart) {
            guard case .start(let name, let attributes, _) = event else { continue }
            if name == "workbookPr", let value = attributes["date1904"] { date1904 = value == "1" || value == "true" }
            if name == "sheet", let sheetName = attributes["name"] {
                let id = attributes.first { $0.key == "id" || $0.key.hasSuffix(":id") }?.value
                guard let target = relations.first(where: { $0.id == id })?.target else {
                    throw .missingSheetContent(sheet: sheetName)
                }
                sheets.append((sheetName, target))
            }
        }
        self.sheets = sheets
        self.date1904 = date1904
        let sharedPart = relations.first { $0.type.hasSuffix("/sharedStrings") }?.target ?? base + "sharedStrings.xml"
        sharedStrings = try Self.sharedStrings(part, sharedPart)
        let stylesPart = relations.first { $0.type.hasSuffix("/styles") }?.target ?? base + "styles.xml"
        dateStyles = try Self.dateStyles(part, stylesPart)
    }

    // MARK: Parts

    /// A part, decompressed; one that would be larger than the limit is refused unread.
    private static func part(_ zip: ZipReader, _ name: String, limits: InputLimits) throws(XLSXProblem) -> [UInt8]? {
        guard let entry = zip.entry(named: name) else { return nil }
        if entry.size > limits.workbookBytes {
            throw .partTooLarge(part: name, size: entry.size, limit: limits.workbookBytes)
        }
        do {
            return try zip.contents(of: entry)
        } catch {
            throw .archive(error.message)
        }
    }

    private typealias PartReader = (String) throws(XLSXProblem) -> [UInt8]?

    private static func next(_ scanner: inout XMLScanner, _ part: String) throws(XLSXProblem) -> XMLScanner.Event? {
        do {
            return try scanner.next()
        } catch {
            throw .badXML(part: part, error.message)
        }
    }

    /// A part's relationships: id, type and the target as a path inside the archive.
    private static func relationships(_ part: PartReader, _ name: String, base: String) throws(XLSXProblem) -> [(
        id: String, type: String, target: String
    )] {
        guard let bytes = try part(name) else { return [] }
        var scanner = XMLScanner(bytes)
        var found: [(id: String, type: String, target: String)] = []
        while let event = try next(&scanner, name) {
            guard case .start("Relationship", let attributes, _) = event, let id = attributes["Id"], let target = attributes["Target"]
            else { continue }
            if attributes["TargetMode"] == "External" { continue }
            found.append((id, attributes["Type"] ?? "", resolve(target, base: base)))
        }
        return found
    }

    /// `worksheets/sheet1.xml` against `xl/`, `/xl/worksheets/sheet1.xml`, `../x.xml`.
    static func resolve(_ target: String, base: String) -> String {
        var components = target.hasPrefix("/") ? [] : base.split(separator: "/").map(String.init)
        for component in target.split(separator: "/").map(String.init) {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    private static func sharedStrings(_ part: PartReader, _ name: String) throws(XLSXProblem) -> [String] {
        guard let bytes = try part(name) else { return [] }
        var scanner = XMLScanner(bytes)
        var strings: [String] = []
        var current = ""
        var inText = false, inPhonetic = false
        while let event = try next(&scanner, name) {
            switch event {
            case .start("si", _, let empty):
                current = ""
                if empty { strings.append("") }
            case .end("si"): strings.append(current)
            case .start("rPh", _, let empty): inPhonetic = !empty
            case .end("rPh"): inPhonetic = false
            case .start("t", _, let empty): inText = !empty
            case .end("t"): inText = false
            case .text(let text) where inText && !inPhonetic: current += text
            default: break
            }
        }
        return strings
    }

    /// The cell formats that show numbers as dates: built-in date formats, and custom ones
    /// whose code has year, month or day letters outside quotes and brackets.
    private static func dateStyles(_ part: PartReader, _ name: String) throws(XLSXProblem) -> Set<Int> {
        guard let bytes = try part(name) else { return [] }
        var scanner = XMLScanner(bytes)
        var customDates: Set<Int> = []
        var inCellFormats = false
        var index = 0
        var styles: Set<Int> = []
        while let event = try next(&scanner, name) {
            switch event {
            case .start("numFmt", let attributes, _):
                if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"], isDateFormat(code) {
                    customDates.insert(id)
                }
            case .start("cellXfs", _, let empty): inCellFormats = !empty
            case .end("cellXfs"): inCellFormats = false
            case .start("xf", let attributes, _) where inCellFormats:
                let id = attributes["numFmtId"].flatMap { Int($0) } ?? 0
                if builtInDateFormats.contains(id) || customDates.contains(id) { styles.insert(index) }
                index += 1
            default: break
            }
        }
        return styles
    }

    /// Excel's built-in date and date-time formats, including those of the Chinese editions.
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(50...58)

    static func isDateFormat(_ code: String) -> Bool {
        var plain = ""
        var inQuotes = false, inBrackets = false, escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            default: if !inQuotes && !inBrackets { plain.append(character) }
            }
        }
        let lower = plain.lowercased()
        if lower.contains("general") { return false }
        return lower.contains("y") || lower.contains("d")
    }

    // MARK: Sheets

    /// The sheet's rows with values, in order; empty cells and rows are left out.
    func rows(ofSheet index: Int) throws(Diagnostic) -> [Row] {
        do throws(XLSXProblem) {
            return try readRows(sheets[index].part, sheet: sheets[index].name)
        } catch {
            throw EvidenceMessages.unreadableSheet(path, sheet: sheets[index].name, error)
        }
    }

    private func readRows(_ part: String, sheet: String) throws(XLSXProblem) -> [Row] {
        guard let bytes = try Self.part(zip, part, limits: limits) else { throw .missingPart(part) }
        var scanner = XMLScanner(bytes)
        var rows: [Row] = []
        var row = Row(number: 0, cells: [])
        var lastColumn = 0
        var cell: (column: Int, type: String, style: Int)?
        var value = "", inline = ""
        var inValue = false, inInlineText = false, inPhonetic = false
        while let event = try Self.next(&scanner, part) {
            switch event {
            case .start("row", let attributes, let empty):
                row = Row(number: attributes["r"].flatMap { Int($0) } ?? (row.number + 1), cells: [])
                lastColumn = 0
                if empty, !row.cells.isEmpty { rows.append(row) }
            case .end("row"):
                if !row.cells.isEmpty { rows.append(row) }
            case .start("c", let attributes, let empty):
                let column = attributes["r"].flatMap(Self.column(ofReference:)) ?? (lastColumn + 1)
                lastColumn = column
                if column > limits.cellsPerRow {
                    throw .tooManyCells(
                        sheet: sheet, limit: limits.cellsPerRow,
                        at: SourceLocation(file: path, line: row.number, column: column, sheet: sheet))
                }
                cell = (column, attributes["t"] ?? "n", attributes["s"].flatMap { Int($0) } ?? 0)
                value = ""
                inline = ""
                if empty { cell = nil }
            case .end("c"):
                if let current = cell, let text = try cellText(type: current.type, style: current.style, value: value, inline: inline),
                    !text.isEmpty
                {
                    if text.utf8.count > limits.fieldBytes {
                        throw .cellTooLong(
                            sheet: sheet, limit: limits.fieldBytes,
                            at: SourceLocation(file: path, line: row.number, column: current.column, sheet: sheet))
                    }
                    row.cells.append(Cell(column: current.column, text: text))
                }
                cell = nil
            case .start("v", _, let empty): inValue = !empty
            case .end("v"): inValue = false
            case .start("rPh", _, let empty): inPhonetic = !empty
            case .end("rPh"): inPhonetic = false
            case .start("t", _, let empty): inInlineText = !empty
            case .end("t"): inInlineText = false
            case .text(let text):
                if inValue { value += text } else if inInlineText && !inPhonetic { inline += text }
            default: break
            }
        }
        return rows
    }

    /// What the cell shows, by its type: `s` shared string, `inlineStr`, `str` formula text,
    /// `b` boolean, `e` error (as Excel shows it, e.g. `#DIV/0!`), `d` ISO date, `n` number.
    private func cellText(type: String, style: Int, value: String, inline: String) throws(XLSXProblem) -> String? {
        switch type {
        case "s":
            guard let index = Int(value.trimmingXMLSpace), sharedStrings.indices.contains(index) else {
                throw .unknownSharedString(value)
            }
            return sharedStrings[index]
        case "inlineStr": return inline
        case "str", "e": return value
        case "b": return value.trimmingXMLSpace == "1" ? "TRUE" : value.trimmingXMLSpace == "0" ? "FALSE" : value
        case "d": return String(value.trimmingXMLSpace.prefix(10))
        default:
            let text = value.trimmingXMLSpace
            if text.isEmpty { return nil }
            if dateStyles.contains(style), let date = Self.date(fromSerial: text, date1904: date1904) { return date.description }
            return Self.displayNumber(text) ?? text
        }
    }

    /// `C` → 3, `AA` → 27, from a reference such as `AA12`.
    static func column(ofReference reference: String) -> Int? {
        var column = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 || scalar.value >= 97 && scalar.value <= 122 else { break }
            column = column * 26 + Int((scalar.value & ~0x20) - 64)
            // Far past any sheet's last column (XFD, 16384): no need to count on to an overflow.
            if column > 1 << 32 { break }
        }
        return column > 0 ? column : nil
    }

    /// A stored number as Excel shows it in General format: at most 15 significant digits,
    /// no exponent, no trailing zeros (`4.4999999999999998` → `4.5`, `1E-3` → `0.001`).
    static func displayNumber(_ text: String) -> String? {
        var digits: [UInt8] = []
        var exponent = 0, pointSeen = false, negative = false
        var scalars = Substring(text).utf8[...]
        if scalars.first == UInt8(ascii: "-") {
            negative = true; scalars = scalars.dropFirst()
        } else if scalars.first == UInt8(ascii: "+") {
            scalars = scalars.dropFirst()
        }
        var explicitExponent = 0
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let byte = scalars[index]
            if byte >= 0x30 && byte <= 0x39 {
                digits.append(byte - 0x30)
                if pointSeen { exponent -= 1 }
            } else if byte == UInt8(ascii: ".") && !pointSeen {
                pointSeen = true
            } else if byte == UInt8(ascii: "E") || byte == UInt8(ascii: "e") {
                guard let value = Int(String(decoding: scalars[scalars.index(after: index)...], as: UTF8.self)) else { return nil }
                explicitExponent = value
                break
            } else {
                return nil
            }
            index = scalars.index(after: index)
        }
        guard !digits.isEmpty else { return nil }
        exponent += explicitExponent
        // Leading zeros say nothing; round to 15 significant digits, half up.
        while digits.count > 1 && digits.first == 0 { digits.removeFirst() }
        if digits.count > 15 {
            let roundUp = digits[15] >= 5
            exponent += digits.count - 15
            digits = Array(digits[..<15])
            if roundUp {
                var position = 14
                while position >= 0 {
                    if digits[position] == 9 { digits[position] = 0; position -= 1 } else { digits[position] += 1; break }
                }
                if position < 0 { digits.insert(1, at: 0); digits.removeLast(); exponent += 1 }
            }
        }
        while digits.count > 1 && digits.last == 0 { digits.removeLast(); exponent += 1 }
        if digits == [0] { return "0" }
        var out = negative ? "-" : ""
        let characters = digits.map { Character(Unicode.Scalar($0 + 0x30)) }
        if exponent >= 0 {
            out += String(characters) + String(repeating: "0", count: exponent)
        } else if -exponent >= characters.count {
            out += "0." + String(repeating: "0", count: -exponent - characters.count) + String(characters)
        } else {
            let split = characters.count + exponent
            out += String(characters[..<split]) + "." + String(characters[split...])
        }
        return out
    }

    /// The day a serial number stands for: days since 1899-12-30 (Excel's 1900 system, with
    /// its phantom 1900-02-29 at serial 60) or since 1904-01-01. A time of day is dropped.
    static func date(fromSerial text: String, date1904: Bool) -> LocalDate? {
        let whole = text.split(separator: ".", maxSplits: 1).first.map(String.init) ?? text
        guard let serial = Int(whole), serial >= (date1904 ? 0 : 1), serial < 2_958_466 else { return nil }
        let days: Int
        if date1904 {
            days = serial + daysFromCivil(1904, 1, 1)
        } else {
            if serial == 60 { return nil } // 1900-02-29, which did not exist
            days = (serial < 60 ? serial + 1 : serial) + daysFromCivil(1899, 12, 30)
        }
        let (year, month, day) = civil(fromDays: days)
        return LocalDate(year: year, month: month, day: day)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date.
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex + (monthIndex < 10 ? 3 : -9)
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
