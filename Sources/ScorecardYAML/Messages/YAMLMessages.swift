import ScorecardBase

/// The wording of YAML problems: the code and the words of each situation live together here,
/// for people who write rule files in Notepad or WPS rather than for YAML experts.
enum YAMLMessages {
    static let encodingHint =
        "规则文件必须保存为 UTF-8 编码：在记事本或 WPS 中选择“另存为”，编码选“UTF-8”后保存。GBK/GB18030 等编码的文件无法读取。"

    static func wideEncoding(file: String) -> Diagnostic {
        .error(
            YAMLCode.encoding, "文件是 UTF-16 或 UTF-32 编码，规则文件必须是 UTF-8 编码。",
            hint: encodingHint, at: SourceLocation(file: file, line: 1, column: 1))
    }

    static func nulByte(at location: SourceLocation) -> Diagnostic {
        .error(YAMLCode.encoding, "文件中有空字节（0x00），它很可能是 UTF-16 编码而不是 UTF-8。", hint: encodingHint, at: location)
    }

    static func invalidByte(_ byte: UInt8, at location: SourceLocation) -> Diagnostic {
        let hex = String(byte, radix: 16, uppercase: true)
        return .error(
            YAMLCode.encoding,
            "文件不是 UTF-8 编码：第 \(location.line) 行第 \(location.column) 列有无法识别的字节 0x\(hex.count == 1 ? "0" + hex : hex)。",
            hint: encodingHint, at: location)
    }

    /// A rule file that cannot be read: `kind` tells a missing file from a folder.
    static func unreadable(_ file: String, path: String, kind: FileSystem.Kind) -> Diagnostic {
        let message =
            kind == .missing
            ? "找不到文件“\(file)”。"
            : kind == .directory
                ? "“\(file)”是一个文件夹，不是规则文件。"
                : "无法读取文件“\(file)”。"
        return .error(YAMLCode.io, message, hint: "检查文件路径是否正确，以及是否有读取权限。", at: nil, notes: [.init("路径：\(path)")])
    }

    static func brokenStream(at location: SourceLocation) -> Diagnostic {
        .error(YAMLCode.syntax, "YAML 结构不完整，无法继续读取。", at: location)
    }

    static func nodeLimit(_ limit: Int, at location: SourceLocation) -> Diagnostic {
        .error(YAMLCode.nodeLimit, "文件内容过多：超过了 \(limit) 个节点的上限。", hint: "把规则拆分到多个文件中。", at: location)
    }

    static func undefinedAlias(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error(
            YAMLCode.undefinedAlias, "别名“*\(name)”引用的锚点“&\(name)”不存在。",
            hint: "锚点“&\(name)”必须在同一文档中、在使用它之前定义；检查名称拼写是否一致。", at: location)
    }

    static func aliasLimit(_ name: String, limit: Int, at location: SourceLocation) -> Diagnostic {
        .error(
            YAMLCode.aliasLimit, "别名“*\(name)”展开后内容过多（超过 \(limit) 个节点），已停止读取这个文档。",
            hint: "别名层层引用会使内容成倍增长；请减少别名的嵌套使用。", at: location)
    }

    static func depthLimit(_ limit: Int, at location: SourceLocation) -> Diagnostic {
        .error(
            YAMLCode.depthLimit, "嵌套层数过多：超过了 \(limit) 层的上限，已停止读取这个文档。",
            hint: "检查是否有括号没有闭合，或把深层结构拆开。", at: location)
    }

    /// `found` is the kind of value written after `<<` (its `kindDescription`).
    static func badMerge(found: String, at location: SourceLocation) -> Diagnostic {
        .error(
            YAMLCode.merge, "合并键“<<”的值必须是一个映射（如 *锚点名）或由映射组成的列表，这里是\(found)。",
            hint: "写成  <<: *公共设置  或  <<: [*设置一, *设置二]。", at: location)
    }

    static func duplicateKey(_ key: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        .error(
            YAMLCode.duplicateKey, "键“\(key)”在同一个映射里出现了两次。",
            hint: "删除或合并其中一个；同一层中每个键只能写一次（只会采用第一次的写法）。",
            at: location, notes: [.init("“\(key)”第一次出现在这里", at: first)])
    }

    /// libyaml's syntax error in plain words, its English original kept in a note. `context` is
    /// libyaml's phrase for what it was reading, from `contextStart`; `character` is the text at the
    /// problem; `fullWidthColon`, when set, is the likelier cause and replaces the hint.
    static func syntax(
        _ problem: String, context: String?, contextStart: SourceLocation?, character: Unicode.Scalar?, fullWidthColon: String?,
        at location: SourceLocation
    ) -> Diagnostic {
        let translation = LibYAMLMessages.translate(problem: problem, context: context, character: character)
        var notes: [Diagnostic.Note] = []
        if let context, let contextStart {
            notes.append(.init("（\(LibYAMLMessages.translate(context: context))）相关内容从这里开始", at: contextStart))
        }
        let english = context.map { "\(problem) (\($0))" } ?? problem
        notes.append(.init("libyaml 原文：\(english)"))
        return .error(YAMLCode.syntax, translation.message, hint: fullWidthColon ?? translation.hint, at: location, notes: notes)
    }

    static func fullWidthColon(line: Int) -> String {
        "第 \(line) 行的冒号“：”是全角（中文输入法）的，YAML 只认半角冒号：改成“:”并在后面加一个空格"
    }
}
