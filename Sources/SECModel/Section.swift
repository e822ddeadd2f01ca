/// One item of a filing (e.g. 10-K Item 1A) located in the filing's canonical text.
///
/// Invariant: `0 <= charStart <= charEnd <= canonicalText.count`, counted in Unicode scalars
/// (code points, the same unit as a Python `str` index).
public struct Section: Hashable, Sendable, Codable {
    /// The item key: `1A`, `7`, `7A` for 10-K; `I-2`, `II-1A` for 10-Q (part and item); `2.02` for
    /// 8-K; `cover` for the text before the first item.
    public var key: String
    /// The heading's title without the item label, e.g. `Risk Factors`.
    public var title: String
    /// Start of the section in the canonical text, in Unicode scalars.
    public var charStart: Int
    /// End (exclusive) of the section in the canonical text, in Unicode scalars.
    public var charEnd: Int

    public init(key: String, title: String, charStart: Int, charEnd: Int) {
        self.key = key
        self.title = title
        self.charStart = charStart
        self.charEnd = charEnd
    }

    /// The key used for the text before any item heading (cover page, table of contents).
    public static let coverKey = "cover"
}
