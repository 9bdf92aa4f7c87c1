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
/// file system cannot (false), the ledger falls back to two renames.
enum FolderExchange {
    /// Whether the two were exchanged; false when the system cannot, an error when it failed.
    static func exchange(_ first: String, _ second: String) throws(Diagnostic) -> Bool {
        if scorecard_exchange_paths(first, second) == 0 { return true }
        let code = errno
        if code == ENOSYS || code == EINVAL || code == ENOTSUP || code == EOPNOTSUPP { return false }
        throw LedgerMessages.exchangeFailed(first, second, reason: String(cString: strerror(code)))
    }
}
