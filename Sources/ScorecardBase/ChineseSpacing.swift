/// Chinese runs straight on after Chinese but keeps a space after a Latin word or number
/// (`项目 i07 的`, `policy 中`), the way Chinese typesetting spaces mixed text. Messages are
/// built from labels of both kinds, so they use this rather than guessing.
extension String {
    public var spacedBeforeChinese: String {
        guard let last = unicodeScalars.last else { return self }
        return last.isASCII && last != " " ? self + " " : self
    }
}
