import ScorecardBase

/// Rule folders with several versions (`PolicyVersions`).
extension RulesMessages {
    static func emptyVersionFolder(_ folder: String) -> Diagnostic {
        .warning(
            RulesCode.emptyVersionFolder, "版本文件夹“\(folder)”里没有规则文件（.yaml），这个版本没有读入",
            hint: "把这一版本的全部规则文件放进去（可先复制上一版本再修改）；不用的话删去这个文件夹", at: nil)
    }

    static func emptyFolder(_ path: String) -> Diagnostic {
        .error(
            RulesCode.emptyFolder, "文件夹“\(path)”里没有规则文件（.yaml）",
            hint: "规则文件的扩展名应为 .yaml 或 .yml；多个版本时每个版本一个子文件夹", at: nil)
    }

    /// `resolved` is where the folder's link leads.
    static func versionFolderLoop(_ folder: String, resolved: String) -> Diagnostic {
        .error(
            RulesCode.versionFolderLoop, "版本文件夹“\(folder)”指向规则文件夹本身或它的上级（\(resolved)），不能当作一个版本读入",
            hint: "版本文件夹应当是规则文件夹下的一个普通子文件夹；删去这个链接，把该版本的规则文件放进一个真正的文件夹", at: nil)
    }

    static func versionPolicyId(_ other: PolicyMetadata, first: PolicyMetadata) -> Diagnostic {
        .error(
            RulesCode.versionPolicyId,
            "版本 \(other.version) 的政策编号“\(other.id)”与版本 \(first.version) 的“\(first.id)”不同",
            hint: "同一个规则文件夹里的各版本必须是同一项政策；别的政策请放到另一个文件夹",
            at: other.location, notes: [.init("版本 \(first.version) 写在这里", at: first.location)])
    }

    static func versionSameDate(_ policy: PolicyMetadata, earlier: PolicyMetadata) -> Diagnostic {
        .error(
            RulesCode.versionSameDate,
            "版本 \(policy.version) 与版本 \(earlier.version) 的生效日期都是 \(policy.effective)，无法决定用哪一个",
            hint: "改正其中一个的 effective", at: policy.location, notes: [.init("另一个版本写在这里", at: earlier.location)])
    }

    static func versionSameName(_ policy: PolicyMetadata, earlier: PolicyMetadata) -> Diagnostic {
        .error(
            RulesCode.versionSameName, "两个版本都叫“\(policy.version)”",
            hint: "给新版本换一个版本号", at: policy.location, notes: [.init("另一个版本写在这里", at: earlier.location)])
    }
}
