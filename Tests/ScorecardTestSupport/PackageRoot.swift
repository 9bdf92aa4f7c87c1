#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The package root (the folder holding Package.swift, `rules/` and `seeds/`): the nearest
/// folder above this file that has a Package.swift, or above the working directory when the
/// sources were moved after building (`swift test` runs in the root).
public let packageRoot: String = {
    if let root = folderWithManifest(above: "\(#filePath)") { return root }
    var buffer = [CChar](repeating: 0, count: 4096)
    if getcwd(&buffer, buffer.count) != nil,
        let root = folderWithManifest(
            above: String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/.")
    {
        return root
    }
    return "."
}()

/// A path inside the package: `packagePath("rules")`.
public func packagePath(_ relative: String) -> String { packageRoot + "/" + relative }

private func folderWithManifest(above path: String) -> String? {
    var folder = path
    while let slash = folder.lastIndex(of: "/") {
        folder = String(folder[..<slash])
        if folder.isEmpty { return nil }
        if access(folder + "/Package.swift", F_OK) == 0 { return folder }
    }
    return nil
}
