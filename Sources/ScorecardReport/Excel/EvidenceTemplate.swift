import ScorecardBase
import ScorecardEvidence
import ScorecardRules

/// A quarter's blank evidence, ready for the assessors: one row per officer serving in the
/// quarter (from the roster), every column the rules need, headed as the evidence reader
/// accepts it (the officer's id and name, each assessed item by its id, every other field by its
/// Chinese name), the allowed values as Excel data validation, and a sheet per evidence list.
package struct EvidenceTemplate: Sendable {
    package let policy: Policy
    package let quarter: Quarter
    package let officers: [Officer]

    /// `officers`: the roster; only those serving in the quarter get a row.
    package init(policy: Policy, quarter: Quarter, roster: [Officer]) {
        self.policy = policy
        self.quarter = quarter
        self.officers = roster.filter { $0.serves(in: quarter) }
    }

    /// The sheet names the evidence reader looks for.
    package static let recordsSheet = "考核记录"
    static let guideSheet = "填写说明"
    /// Rows made ready (formats, drop-downs) on a list's sheet, which starts empty.
    static let listRows = 200

    static func title(_ field: EvidenceField, _ style: HeaderStyle) -> String {
        style == .zh && field.assessedItem == nil ? field.name ?? field.id : field.id
    }

    private func keyTitles(_ style: HeaderStyle) -> [String] { style == .zh ? ["工号", "姓名"] : ["officer", "name"] }

    /// The records table as CSV (UTF-8 with a BOM, as Excel opens it), one row per officer.
    package func csv(headers: HeaderStyle = .zh) -> String {
        var writer = CSVWriter(bom: true)
        writer.row(keyTitles(headers) + policy.evidence.fields.map { Self.title($0, headers) })
        for officer in officers {
            writer.row([officer.id, officer.name] + policy.evidence.fields.map { _ in "" })
        }
        return writer.text
    }

    /// What each list's CSV file is called and its header, for people writing them by hand.
    package func listHeaders(_ style: HeaderStyle = .zh) -> [(file: String, header: String)] {
        policy.evidence.lists.map { list in
            ("\(list.id).csv", ([style == .zh ? "工号" : "officer"] + list.fields.map { Self.title($0, style) }).joined(separator: ","))
        }
    }

    /// The workbook: the records sheet, a sheet per evidence list, and a sheet saying what each
    /// column holds and what may be written in it.
    package func workbook() -> [UInt8] {
        let fields = policy.evidence.fields
        let records = XLSXWorkbook.Sheet(
            name: Self.recordsSheet,
            header: keyTitles(.zh) + fields.map { Self.title($0, .zh) },
            rows: officers.map { [.text($0.id), .text($0.name)] + fields.map { _ in .empty } },
            formats: [.text, .general] + fields.map { $0.type == .text ? .text : .general },
            validations: fields.enumerated().compactMap { index, field in validation(field, column: index + 2) })
        let lists = policy.evidence.lists.map { list in
            XLSXWorkbook.Sheet(
                name: list.displayName,
                header: ["工号"] + list.fields.map { Self.title($0, .zh) },
                rows: [],
                formats: [.text] + list.fields.map { $0.type == .text ? .text : .general },
                validations: list.fields.enumerated().compactMap { index, field in validation(field, column: index + 1) },
                entryRows: Self.listRows)
        }
        return XLSXWorkbook(sheets: [records] + lists + [guide]).bytes()
    }

    private func validation(_ field: EvidenceField, column: Int) -> XLSXWorkbook.Validation? {
        switch field.type {
        case .choice(let words):
            return .init(column: column, rule: .list(words), message: "“\(field.displayName)”请从下拉列表中选择：\(words.joined(separator: "、"))")
        case .boolean:
            return .init(column: column, rule: .list(["是", "否"]), message: "“\(field.displayName)”请选择 是 或 否")
        case .integer:
            return .init(
                column: column, rule: .integer(min: field.min, max: field.max), message: "“\(field.displayName)”请填写整数" + range(field))
        case .decimal:
            return .init(
                column: column, rule: .decimal(min: field.min, max: field.max), message: "“\(field.displayName)”请填写数字" + range(field))
        case .text, .date:
            return nil
        }
    }

    private func range(_ field: EvidenceField) -> String {
        switch (field.min, field.max) {
        case let (min?, max?): "，\(min.normalized) 到 \(max.normalized)"
        case let (min?, nil): "，不小于 \(min.normalized)"
        case let (nil, max?): "，不大于 \(max.normalized)"
        case (nil, nil): ""
        }
    }

    /// One row per column of every sheet: what it holds, what may be written, whether it may stay empty.
    private var guide: XLSXWorkbook.Sheet {
        var rows: [[XLSXWorkbook.Cell]] = [
            [.text(Self.recordsSheet), .text("工号"), .text("联系员工号（已按名册填好，不要改动）"), .text("文字"), .text("不可以")],
            [.text(Self.recordsSheet), .text("姓名"), .text("联系员姓名（已填好，用于核对）"), .text("文字"), .text("可以")],
        ]
        let items = Dictionary(policy.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for field in policy.evidence.fields {
            let what = field.assessedItem.flatMap { items[$0] }.map { "考核人打分：\($0.title)" } ?? field.description ?? field.displayName
            rows.append([
                .text(Self.recordsSheet), .text(Self.title(field, .zh)), .text(what), .text(allowed(field)), .text(emptiness(field)),
            ])
        }
        for list in policy.evidence.lists {
            rows.append([.text(list.displayName), .text("工号"), .text("这一条是谁的（每条一行）"), .text("文字"), .text("不可以")])
            for field in list.fields {
                rows.append([
                    .text(list.displayName), .text(Self.title(field, .zh)), .text(field.description ?? field.displayName),
                    .text(allowed(field)), .text(emptiness(field)),
                ])
            }
        }
        return XLSXWorkbook.Sheet(name: Self.guideSheet, header: ["工作表", "列", "内容", "可填的值", "可以空着？"], rows: rows)
    }

    private func allowed(_ field: EvidenceField) -> String {
        switch field.type {
        case .choice(let words): "选项：" + words.joined(separator: "、")
        case .boolean: "是 或 否"
        case .integer: "整数" + range(field)
        case .decimal: "数字" + range(field)
        case .date: field.withinQuarter ? "日期，在 \(quarter.firstDay) 至 \(quarter.lastDay) 之内" : "日期，如 \(quarter.firstDay)"
        case .text: "文字"
        }
    }

    private func emptiness(_ field: EvidenceField) -> String {
        field.defaultValue.map { "可以（空着按 \($0.reportText)）" } ?? "不可以"
    }
}
