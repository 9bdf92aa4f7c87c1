import ScorecardBase

/// The wording of decoding problems, kept in one place so file and stream decoding agree.
enum TextMessages {
    static let undecodableCode = EvidenceCode.textUndecodable

    static let saveAsHint =
        "请在 Excel 或 WPS 中用「另存为」把文件保存为「CSV UTF-8（逗号分隔）」，或保存为 GB18030/GBK 编码的 CSV 后重试"

    static func undecodable(
        file: String, line: Int, column: Int, byte: UInt8?, tried encodings: [TextEncoding]
    ) -> Diagnostic {
        let names = encodings.map(\.displayName).joined(separator: " 或 ")
        var message = "无法按 \(names) 解码的字节"
        if let byte { message += " 0x\(hex(byte))" }
        var hint = saveAsHint
        if encodings == [.utf8] {
            hint += "；如果文件本来就是 GB18030/GBK 编码，请指定编码 gb18030"
        }
        return .error(
            undecodableCode, message, hint: hint,
            at: SourceLocation(file: file, line: line, column: column)
        )
    }

    static func converterUnavailable(file: String) -> Diagnostic {
        .error(
            EvidenceCode.textGb18030Unavailable, "本机的 iconv 不支持 GB18030 编码，无法读取该文件",
            hint: "请把文件另存为「CSV UTF-8（逗号分隔）」后重试，或在系统中安装 glibc 的 gconv 模块",
            at: SourceLocation(file: file, line: 1, column: 1)
        )
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
