import CSystemShim
import ScorecardBase
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Exchanging two folders in one atomic step: renameat2(RENAME_EXCHANGE) on Linux 3.15 and
/// later (ext4, xfs, btrfs, tmpfs…), renamex_np(RENAME_SWAP) on macOS. Where the kernel or the
/// file system cannot (`unsupported`), the ledger falls back to two renames.
enum FolderExchange {
    enum Outcome {
        case exchanged
        case unsupported
        case failed(Diagnostic)
    }

    static func exchange(_ first: String, _ second: String) -> Outcome {
        if scorecard_exchange_paths(first, second) == 0 { return .exchanged }
        let code = errno
        if code == ENOSYS || code == EINVAL || code == ENOTSUP || code == EOPNOTSUPP { return .unsupported }
        return .failed(
            .error(
                InputCode.write, "无法交换“\(first)”和“\(second)”：\(String(cString: strerror(code)))",
                hint: "检查文件夹是否存在、是否有写入权限、磁盘是否已满", at: nil))
    }
}
