/// A table of a section: a block of two or more rows (cells joined by ` | `), with what a chunk that
/// starts inside it repeats in its embedding input — the caption before it and its header rows — so
/// the model reads the numbers of a row with what they measure.
struct TableSpan: Sendable {
    /// Index of the table's first atom.
    var firstAtom: Int
    /// Index after the table's last atom.
    var endAtom: Int
    /// Index of the first atom after the header rows (`firstAtom` when the table has none).
    var bodyAtom: Int
    /// Tokens of the whole table, special tokens excluded.
    var tokens: Int
    /// The header rows as the canonical text has them (rows joined by a newline), nil without any,
    /// and their tokens (special tokens excluded).
    var header: String?
    var headerTokens: Int
    /// Index of the caption's first atom: the caption is `atoms[captionStart..<firstAtom]`, the short
    /// headings and the closing `…as follows:` sentence just before the table. Nil without one.
    var captionStart: Int?
    /// The caption, its blocks joined by a space, and its tokens (special tokens excluded).
    var caption: String?
    var captionTokens: Int
    /// Where a chunk that starts with the table starts: the caption's first atom, moved back over the
    /// headings just before a caption that is a whole paragraph (`Segment Operating Performance`
    /// before `The following table shows …:`); `firstAtom` without a caption.
    var leadAtom: Int
}
