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

    /// For an item the filing answers elsewhere ("Information in response to this Item 7 can be found
    /// in the 2024 Annual Report to Shareholders … incorporated into this item by reference"): the
    /// text that points there. `nil` for an item with its own body. Absent from older encodings.
    public var pointer: String?
    /// For a combined heading (`Items 1 and 2. Business and Properties`): every item key the section
    /// covers, `key` first. `nil` for a single item. Absent from older encodings.
    public var combinedKeys: [String]?

    public init(key: String, title: String, charStart: Int, charEnd: Int) {
        self.init(key: key, title: title, charStart: charStart, charEnd: charEnd, pointer: nil, combinedKeys: nil)
    }

    public init(key: String, title: String, charStart: Int, charEnd: Int, pointer: String?, combinedKeys: [String]?) {
        self.key = key
        self.title = title
        self.charStart = charStart
        self.charEnd = charEnd
        self.pointer = pointer
        self.combinedKeys = combinedKeys
    }

    /// `true` when the section only points to where the item is answered (see `pointer`).
    public var isPointer: Bool { pointer != nil }

    /// Whether this section answers `key`, directly or through a combined heading.
    public func covers(_ key: String) -> Bool { self.key == key || (combinedKeys?.contains(key) ?? false) }

    /// The key used for the text before any item heading (cover page, table of contents).
    public static let coverKey = "cover"
}
