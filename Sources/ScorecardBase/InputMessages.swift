/// The wording of file and output problems (`InputCode`), one static func per situation, so
/// the code and the words live together.
enum InputMessages {
    /// A limit set in the environment (`SCORECARD_MAX_…`) that is not a positive whole number.
    static func badLimit(_ variable: String, value text: String, countsBytes: Bool) -> Diagnostic {
        .error(
            InputCode.badLimit, "环境变量 \(variable) 的值“\(MessageText.shortened(text))”不是一个正整数",
            hint: countsBytes ? "写字节数，可带 K、M、G（1024 进位），如 \(variable)=64M" : "写一个正整数，如 \(variable)=100000",
            at: nil)
    }

    static func notRegularFile(_ path: String, what: String) -> Diagnostic {
        .error(
            InputCode.notRegularFile, "“\(path)”不是普通文件（是\(what)），不能读取",
            hint: "规则和证据只从普通文件读取；把内容另存为文件后再运行", at: SourceLocation(file: path, line: 1, column: 1))
    }

    /// The file could not be opened.
    static func cannotRead(_ path: String, reason: String) -> Diagnostic {
        .error(InputCode.read, "无法读取文件“\(path)”：\(reason)", hint: "检查文件是否存在、是否有读取权限", at: nil)
    }

    /// The file was opened, but reading it failed.
    static func readFailed(_ path: String, reason: String) -> Diagnostic {
        .error(InputCode.read, "读取文件“\(path)”时出错：\(reason)", at: nil)
    }

    static func cannotList(_ folder: String, reason: String) -> Diagnostic {
        .error(InputCode.list, "无法打开文件夹“\(folder)”：\(reason)", at: nil)
    }

    static func cannotCreateTemporary(reason: String) -> Diagnostic {
        .error(InputCode.temporary, "无法创建临时文件：\(reason)", hint: "检查临时文件夹（TMPDIR，默认 /tmp）是否存在、可写、未满", at: nil)
    }

    static func temporaryWriteFailed(_ problem: String) -> Diagnostic {
        .error(InputCode.temporary, "写入临时文件时出错：\(problem)", hint: "检查临时文件夹（TMPDIR，默认 /tmp）是否已满", at: nil)
    }

    static func cannotCreateOutput(_ path: String, reason: String) -> Diagnostic {
        .error(InputCode.write, "无法创建输出文件“\(path)”：\(reason)", hint: "检查 --output 的文件夹是否存在、是否有写入权限", at: nil)
    }

    static func standardOutputFailed(_ problem: String) -> Diagnostic {
        .error(InputCode.write, "写入标准输出时出错：\(problem)", hint: "检查输出重定向到的文件夹是否已满", at: nil)
    }

    static func outputNotSynced(_ path: String, reason: String) -> Diagnostic {
        .error(InputCode.write, "无法把输出文件“\(path)”写入磁盘：\(reason)", hint: "检查磁盘是否已满", at: nil)
    }

    static func outputWriteFailed(_ path: String, problem: String) -> Diagnostic {
        .error(InputCode.write, "写入输出文件“\(path)”时出错：\(problem)", hint: "检查磁盘是否已满、是否有写入权限", at: nil)
    }

    // Writing a file atomically (`FileWriting`): each step's failure, with the same advice.

    static func cannotCreateFolder(_ path: String, reason: String) -> Diagnostic {
        writeFailed("无法创建文件夹“\(path)”：\(reason)")
    }

    static func cannotCreateFile(_ path: String, reason: String) -> Diagnostic {
        writeFailed("无法创建文件“\(path)”：\(reason)")
    }

    static func fileWriteFailed(_ path: String, reason: String) -> Diagnostic {
        writeFailed("写入文件“\(path)”时出错：\(reason)")
    }

    static func fileNotSynced(_ path: String, reason: String) -> Diagnostic {
        writeFailed("无法把文件“\(path)”写入磁盘：\(reason)")
    }

    static func fileCloseFailed(_ path: String, reason: String) -> Diagnostic {
        writeFailed("关闭文件“\(path)”时出错：\(reason)")
    }

    static func cannotRename(_ source: String, to destination: String, reason: String) -> Diagnostic {
        writeFailed("无法把“\(source)”改名为“\(destination)”：\(reason)")
    }

    static func cannotOpenFolder(_ path: String, reason: String) -> Diagnostic {
        writeFailed("无法打开文件夹“\(path)”：\(reason)")
    }

    static func folderNotSynced(_ path: String, reason: String) -> Diagnostic {
        writeFailed("无法把文件夹“\(path)”写入磁盘：\(reason)")
    }

    private static func writeFailed(_ message: String) -> Diagnostic {
        .error(InputCode.write, message, hint: "检查文件夹是否存在、是否有写入权限、磁盘是否已满", at: nil)
    }

    // Limits (`InputLimits`).

    /// The refusal of a file larger than `limit` bytes, located where the limit is passed
    /// (`prefix` holds at least the bytes before it): nothing from there on was read.
    static func fileTooLarge(
        _ file: String, prefix: some Collection<UInt8>, limit: Int, setting: InputLimits.Setting, what: String
    ) -> Diagnostic {
        .error(
            InputCode.fileTooLarge, "\(what)的大小超过了上限 \(InputLimits.describe(limit, bytes: true))，整个文件没有读取（这里是超出上限的地方）",
            hint: InputLimits.raiseHint(setting, current: limit), at: InputLimits.location(ofByte: limit, in: prefix, file: file))
    }
}
