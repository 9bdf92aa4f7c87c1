import ScorecardBase

// MARK: Workbooks (.xlsx) that cannot be read

extension EvidenceMessages {
    static func workbookTooLarge(_ path: String, limit: Int) -> Diagnostic {
        .error(
            InputCode.fileTooLarge, "工作簿“\(path)”的大小超过了上限 \(InputLimits.describe(limit, bytes: true))，没有读取",
            hint: InputLimits.raiseHint(InputLimits.workbook, current: limit), at: nil)
    }

    /// The workbook as a whole: its archive, its workbook part, its sheets' list.
    static func unreadableWorkbook(_ path: String, _ problem: XLSXFile.XLSXProblem) -> Diagnostic {
        workbookProblem(
            problem, lead: "无法读取工作簿“\(path)”：", hint: "用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx）；旧的 .xls 格式不能读取")
    }

    /// One sheet's rows.
    static func unreadableSheet(_ path: String, sheet: String, _ problem: XLSXFile.XLSXProblem) -> Diagnostic {
        workbookProblem(problem, lead: "无法读取工作簿“\(path)”的工作表“\(sheet)”：", hint: "用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx）")
    }

    /// A problem at a cell is told there, without the lead; a limit passed says how to raise it.
    private static func workbookProblem(_ problem: XLSXFile.XLSXProblem, lead: String, hint usual: String) -> Diagnostic {
        switch problem {
        case .oldXLSFormat: .error(EvidenceCode.xlsxUnreadable, lead + "这是旧的 .xls 格式，不是 .xlsx", hint: usual, at: nil)
        case .archive(let reason): .error(EvidenceCode.xlsxUnreadable, lead + reason, hint: usual, at: nil)
        case .missingWorkbookPart(let part): .error(EvidenceCode.xlsxUnreadable, lead + "缺少工作簿部分 \(part)", hint: usual, at: nil)
        case .missingSheetContent(let sheet): .error(EvidenceCode.xlsxUnreadable, lead + "找不到工作表“\(sheet)”的内容", hint: usual, at: nil)
        case .missingPart(let part): .error(EvidenceCode.xlsxUnreadable, lead + "缺少 \(part)", hint: usual, at: nil)
        case .badXML(let part, let reason): .error(EvidenceCode.xlsxUnreadable, lead + "\(part) 不是正确的 XML：\(reason)", hint: usual, at: nil)
        case .unknownSharedString(let value): .error(EvidenceCode.xlsxUnreadable, lead + "共享字符串编号“\(value)”不存在", hint: usual, at: nil)
        case .partTooLarge(let part, let size, let limit):
            .error(
                InputCode.fileTooLarge, lead + "其中的“\(part)”解压后有 \(size) 字节，超过了上限 \(InputLimits.describe(limit, bytes: true))，没有读取",
                hint: InputLimits.raiseHint(InputLimits.workbook, current: limit), at: nil)
        case .tooManyCells(let sheet, let limit, let location):
            .error(
                EvidenceCode.inputTooManyCells, "工作表“\(sheet)”的这一行的格数超过了上限 \(InputLimits.describe(limit, bytes: false))，工作表没有读入",
                hint: InputLimits.raiseHint(InputLimits.cells, current: limit), at: location)
        case .cellTooLong(let sheet, let limit, let location):
            .error(
                EvidenceCode.inputFieldTooLong, "工作表“\(sheet)”的这一格的长度超过了上限 \(InputLimits.describe(limit, bytes: true))，工作表没有读入",
                hint: InputLimits.raiseHint(InputLimits.field, current: limit), at: location)
        }
    }
}
