/// A run of non-whitespace scalars of a section — a word, a number, a punctuation run — or, for a run
/// too long to fit any chunk, one piece of it. Chunks start and end at atoms.
struct Atom: Sendable {
    /// Offset of the first scalar in the canonical text, in Unicode scalars.
    var start: Int
    /// Offset after the last scalar, in Unicode scalars.
    var end: Int
    /// Tokens of the atom alone, special tokens excluded.
    var tokens: Int
    /// The boundary between the previous atom and this one, as the chunker weighs it: a block boundary
    /// after a heading or before a captioned table is weakened (`SectionText`).
    var breakBefore: Boundary
    /// Whether the atom opens a block (a blank line before it in the canonical text, or the section's
    /// start), whatever `breakBefore` says: chunks cut there do not overlap.
    var startsBlock: Bool
    /// The index of the table (in `SectionText.tables`) the atom belongs to, if any.
    var table: Int?
}

/// How strong a boundary between two atoms is: the chunker prefers to cut at the strongest boundary
/// that still leaves a chunk at least half full.
enum Boundary: Int, Comparable, Sendable {
    /// Inside a whitespace-free run longer than a whole chunk (the only cut that may split a word).
    case inside = 0
    /// Whitespace within a sentence.
    case word = 1
    /// Between two sentences of one paragraph.
    case sentence = 2
    /// Between two rows of one table (a single newline in the canonical text).
    case row = 3
    /// Between two blocks, paragraphs or tables (a blank line in the canonical text).
    case block = 4

    static func < (lhs: Boundary, rhs: Boundary) -> Bool { lhs.rawValue < rhs.rawValue }
}
