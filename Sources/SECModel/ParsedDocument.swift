/// A document reduced to canonical text and the sections found in it.
///
/// The canonical text is the one every offset in the system refers to. Offsets count Unicode
/// scalars (code points, the same unit as a Python `str` index): a section or a chunk
/// `[charStart, charEnd)` is exactly `text(charStart:charEnd:)`.
public struct ParsedDocument: Sendable, Codable {
    /// Text with block structure kept as newlines; tables rendered one row per line. Never holds `\r`.
    public var canonicalText: String
    /// Sections in document order, non-overlapping.
    public var sections: [Section]

    public init(canonicalText: String, sections: [Section]) {
        self.canonicalText = canonicalText
        self.sections = sections
    }

    /// The length of the canonical text in Unicode scalars.
    public var scalarCount: Int { canonicalText.unicodeScalars.count }

    /// The text of `[charStart, charEnd)` in Unicode scalars, clamped to the text.
    public func text(charStart: Int, charEnd: Int) -> String {
        let scalars = canonicalText.unicodeScalars
        let count = scalars.count
        let lower = min(max(0, charStart), count)
        let upper = min(max(lower, charEnd), count)
        let start = scalars.index(scalars.startIndex, offsetBy: lower)
        let end = scalars.index(start, offsetBy: upper - lower)
        return String(scalars[start..<end])
    }
}
