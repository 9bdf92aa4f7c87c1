import ScorecardBase

/// A workbook to write as .xlsx (Office Open XML, as Excel 2007 and later, WPS and LibreOffice
/// read it): sheets of rows, a bold frozen header row, numbers as numbers with their places
/// shown, text as text, optional drop-down lists and ranges for data entry. Written without
/// Foundation: the parts are XML made here, packed by `ZipWriter`.
package struct XLSXWorkbook: Sendable {
    package enum Cell: Sendable, Hashable {
        case empty
        case text(String)
        /// Written as the exact decimal and shown with `places` decimals (`93.40`).
        case number(ExactDecimal, places: Int)
        case integer(Int)
    }

    /// How a column is formatted for what is typed into it later (the template).
    package enum ColumnFormat: Sendable, Hashable {
        case general
        /// Text: an id such as `010` keeps its leading zero.
        case text
    }

    /// A drop-down list or a range that Excel checks as a value is typed in.
    package struct Validation: Sendable, Hashable {
        package enum Rule: Sendable, Hashable {
            case list([String])
            case decimal(min: ExactDecimal?, max: ExactDecimal?)
            case integer(min: ExactDecimal?, max: ExactDecimal?)
        }

        package var column: Int
        package var rule: Rule
        /// The message shown when a value is refused.
        package var message: String

        package init(column: Int, rule: Rule, message: String) {
            self.column = column
            self.rule = rule
            self.message = message
        }
    }

    package struct Sheet: Sendable {
        package var name: String
        package var header: [String]
        package var rows: [[Cell]]
        package var formats: [ColumnFormat]
        package var validations: [Validation]
        /// Rows the validations and formats cover below the header (at least the rows written).
        package var entryRows: Int

        package init(
            name: String, header: [String], rows: [[Cell]], formats: [ColumnFormat] = [], validations: [Validation] = [], entryRows: Int = 0
        ) {
            self.name = name
            self.header = header
            self.rows = rows
            self.formats = formats
            self.validations = validations
            self.entryRows = max(entryRows, rows.count)
        }
    }

    package var sheets: [Sheet]

    package init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    // MARK: Writing

    /// The .xlsx file's bytes; the same workbook always gives the same bytes.
    package func bytes() -> [UInt8] {
        var zip = ZipWriter()
        let places = Set(
            sheets.flatMap { $0.rows.flatMap { $0 } }.compactMap { cell -> Int? in
                if case .number(_, let places) = cell { return places }
                return nil
            }
        ).sorted()
        let styles = Styles(places: places)
        zip.add("[Content_Types].xml", text: contentTypes)
        zip.add("_rels/.rels", text: rootRelationships)
        zip.add("docProps/app.xml", text: appProperties)
        zip.add("xl/workbook.xml", text: workbook)
        zip.add("xl/_rels/workbook.xml.rels", text: workbookRelationships)
        zip.add("xl/styles.xml", text: styles.xml)
        for (index, sheet) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(index + 1).xml", text: worksheet(sheet, selected: index == 0, styles: styles))
        }
        return zip.finished()
    }

    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private var contentTypes: String {
        var out = Self.header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        out +=
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        out +=
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        out +=
            "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        for index in sheets.indices {
            out +=
                "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return out + "</Types>"
    }

    private var rootRelationships: String {
        Self.header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(Self.relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"\(Self.relationshipNamespace)/extended-properties\" Target=\"docProps/app.xml\"/>"
            + "</Relationships>"
    }

    private var appProperties: String {
        Self.header + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>scorecard \(XML.escaped(ScorecardVersion.current))</Application></Properties>"
    }

    private var workbook: String {
        var out = Self.header + "<workbook xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\">"
        out += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, sheet) in sheets.enumerated() {
            out += "<sheet name=\"\(XML.escaped(Self.sheetName(sheet.name)))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return out + "</sheets></workbook>"
    }

    private var workbookRelationships: String {
        var out = Self.header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in sheets.indices {
            out +=
                "<Relationship Id=\"rId\(index + 1)\" Type=\"\(Self.relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        out += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        return out + "</Relationships>"
    }

    /// Excel's limits on a sheet's name: 31 characters, none of `[]:*?/\`.
    static func sheetName(_ name: String) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        return String(cleaned.prefix(31))
    }

    /// `A`, `B`, … `Z`, `AA`… for a 0-based column.
    package static func columnName(_ index: Int) -> String {
        var name = ""
        var number = index + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }

    private func worksheet(_ sheet: Sheet, selected: Bool, styles: Styles) -> String {
        let columnCount = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
        let lastRow = sheet.entryRows + 1
        var out = Self.header + "<worksheet xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\">"
        if columnCount > 0 {
            out += "<dimension ref=\"A1:\(Self.columnName(columnCount - 1))\(max(1, sheet.rows.count + 1))\"/>"
        }
        out += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
        out += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        out += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        out += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if columnCount > 0 {
            out += "<cols>"
            for column in 0..<columnCount {
                let texts =
                    [column < sheet.header.count ? sheet.header[column] : ""]
                    + sheet.rows.map { row in
                        column < row.count ? Self.displayText(row[column]) : ""
                    }
                let width = min(50, max(6, (texts.map { TerminalWidth.width(of: $0) }.max() ?? 0) + 2))
                let text = column < sheet.formats.count && sheet.formats[column] == .text
                out +=
                    "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(width)\" customWidth=\"1\"\(text ? " style=\"\(Styles.text)\"" : "")/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        out += "<row r=\"1\">"
        for (column, title) in sheet.header.enumerated() {
            out += "<c r=\"\(Self.columnName(column))1\" t=\"inlineStr\" s=\"\(Styles.header)\"><is>\(XML.textElement(title))</is></c>"
        }
        out += "</row>"
        for (index, row) in sheet.rows.enumerated() {
            let number = index + 2
            out += "<row r=\"\(number)\">"
            for (column, cell) in row.enumerated() {
                let reference = "\(Self.columnName(column))\(number)"
                let asText = column < sheet.formats.count && sheet.formats[column] == .text
                switch cell {
                case .empty:
                    if asText { out += "<c r=\"\(reference)\" s=\"\(Styles.text)\"/>" }
                case .text(let text):
                    out +=
                        "<c r=\"\(reference)\" t=\"inlineStr\"\(asText ? " s=\"\(Styles.text)\"" : "")><is>\(XML.textElement(text))</is></c>"
                case .number(let value, let places):
                    out += "<c r=\"\(reference)\" s=\"\(styles.number(places: places))\"><v>\(value.formatted(scale: places))</v></c>"
                case .integer(let value):
                    out += "<c r=\"\(reference)\" s=\"\(Styles.integer)\"><v>\(value)</v></c>"
                }
            }
            out += "</row>"
        }
        out += "</sheetData>"
        if !sheet.validations.isEmpty {
            out += "<dataValidations count=\"\(sheet.validations.count)\">"
            for validation in sheet.validations {
                let column = Self.columnName(validation.column)
                let range = "\(column)2:\(column)\(max(2, lastRow))"
                let common =
                    "allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" errorTitle=\"填写有误\" error=\"\(XML.escaped(validation.message))\" prompt=\"\(XML.escaped(validation.message))\" sqref=\"\(range)\""
                switch validation.rule {
                case .list(let choices):
                    let list = choices.map { $0.doublingQuotes() }.joined(separator: ",")
                    out +=
                        "<dataValidation type=\"list\" \(common)><formula1>\(XML.escaped("\"" + list + "\""))</formula1></dataValidation>"
                case .decimal(let min, let max), .integer(let min, let max):
                    let type = if case .integer = validation.rule { "whole" } else { "decimal" }
                    switch (min, max) {
                    case let (min?, max?):
                        out +=
                            "<dataValidation type=\"\(type)\" operator=\"between\" \(common)><formula1>\(min.description)</formula1><formula2>\(max.description)</formula2></dataValidation>"
                    case let (min?, nil):
                        out +=
                            "<dataValidation type=\"\(type)\" operator=\"greaterThanOrEqual\" \(common)><formula1>\(min.description)</formula1></dataValidation>"
                    case let (nil, max?):
                        out +=
                            "<dataValidation type=\"\(type)\" operator=\"lessThanOrEqual\" \(common)><formula1>\(max.description)</formula1></dataValidation>"
                    case (nil, nil):
                        out +=
                            "<dataValidation type=\"\(type)\" operator=\"between\" \(common)><formula1>-1E+15</formula1><formula2>1E+15</formula2></dataValidation>"
                    }
                }
            }
            out += "</dataValidations>"
        }
        out += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        out += "<pageSetup paperSize=\"9\" orientation=\"landscape\"/>"
        return out + "</worksheet>"
    }

    static func displayText(_ cell: Cell) -> String {
        switch cell {
        case .empty: ""
        case .text(let text): text
        case .number(let value, let places): value.formatted(scale: places)
        case .integer(let value): String(value)
        }
    }

    /// The cell formats: fixed ones first, then one per number of decimal places in use.
    struct Styles {
        static let header = 1
        static let integer = 2
        static let text = 3
        private let places: [Int]

        init(places: [Int]) { self.places = places }

        func number(places count: Int) -> Int { 4 + (places.firstIndex(of: count) ?? 0) }

        /// Built-in format 2 is `0.00`; other places get their own format from id 164.
        private func formatID(_ count: Int) -> Int {
            switch count {
            case 0: 1
            case 2: 2
            default: 164 + (places.filter { $0 != 0 && $0 != 2 }.firstIndex(of: count) ?? 0)
            }
        }

        var xml: String {
            var out = XLSXWorkbook.header + "<styleSheet xmlns=\"\(XLSXWorkbook.mainNamespace)\">"
            let custom = places.filter { $0 != 0 && $0 != 2 }
            if !custom.isEmpty {
                out += "<numFmts count=\"\(custom.count)\">"
                for count in custom {
                    out += "<numFmt numFmtId=\"\(formatID(count))\" formatCode=\"0.\(String(repeating: "0", count: count))\"/>"
                }
                out += "</numFmts>"
            }
            out += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font>"
            out += "<font><b/><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font></fonts>"
            out += "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
            out +=
                "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE7ECF3\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
            out += "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
            out += "<border><left/><right/><top/><bottom style=\"thin\"><color rgb=\"FF8896AB\"/></bottom><diagonal/></border></borders>"
            out += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            out += "<cellXfs count=\"\(4 + places.count)\">"
            out += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            out +=
                "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\"/>"
            out += "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            out += "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            for count in places {
                out += "<xf numFmtId=\"\(formatID(count))\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            }
            out += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            return out + "</styleSheet>"
        }
    }
}

/// Escaping for the XML parts of a workbook.
enum XML {
    /// Text and attribute values: the five markup characters as references, and the control
    /// characters XML 1.0 does not allow left out (they cannot be stored in a cell anyway).
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `<t>…</t>`, keeping spaces at either end (which XML would otherwise let go).
    static func textElement(_ text: String) -> String {
        let keepSpaces = text.first?.isWhitespace == true || text.last?.isWhitespace == true
        return (keepSpaces ? "<t xml:space=\"preserve\">" : "<t>") + escaped(text) + "</t>"
    }
}
