import SECModel

/// Cuts each section (item) of a filing into chunks sized in the embedder's own tokens.
///
/// Rules, in order of precedence:
/// - A chunk never crosses a section boundary; a short section is a chunk of its own, never merged
///   into another section's chunk.
/// - The embedding input of every chunk (context line, repeated table caption and header, text; see
///   `MeasuredChunk`) has at most `maxTokens` tokens, special tokens included. The only exception is
///   a single whitespace-free run with more tokens than that, which is cut inside (at punctuation
///   when it has some).
/// - Cuts fall at whitespace, never inside a word or a number. Among the cuts that leave a chunk at
///   least half full, the strongest wins: between blocks (paragraphs, tables), then between table
///   rows, then between sentences, then between words. A short heading-like paragraph stays with the
///   text after it.
/// - A table that fits in one chunk is never split: it starts a chunk, together with its caption (the
///   headings and `…as follows:` sentence before it) when both fit. A larger one is split between
///   rows — a row is cut only when it alone is longer than a chunk — and each piece after the first
///   repeats the table's caption and header rows in its embedding input only; a chunk that starts at
///   a table without its caption repeats the caption likewise. The chunk's text stays the exact span,
///   so `canonicalText[charStart..<charEnd] == chunk.text` holds.
/// - When a cut falls inside a paragraph (at a sentence or word boundary), the next chunk starts up
///   to `overlapTokens` tokens earlier within that paragraph, at a sentence start when one is in
///   reach, else at a word; chunks cut between blocks (after a heading too) or table rows do not
///   overlap.
/// - Ids are `{accession}:{item}:{ordinal}`, ordinals counting from 0 per item key.
public struct SectionChunker: Sendable {
    /// Most tokens of a chunk's embedding input, special tokens included.
    public let maxTokens: Int
    /// Most tokens two consecutive chunks of one paragraph share.
    public let overlapTokens: Int
    /// How the embedder counts tokens.
    public let counter: any TokenCounter

    /// The MiniLM defaults: 256 tokens including `[CLS]` and `[SEP]`, 32 tokens of overlap.
    public static let maxTokensDefault = 256
    public static let overlapTokensDefault = 32

    /// - Throws: `ChunkerError` unless `16 <= maxTokens <= 100_000` and
    ///   `0 <= overlapTokens < maxTokens / 2`.
    public init(
        maxTokens: Int = maxTokensDefault,
        overlapTokens: Int = overlapTokensDefault,
        counter: any TokenCounter
    ) throws(ChunkerError) {
        guard (16...100_000).contains(maxTokens) else {
            throw ChunkerError(setting: "maxTokens", message: "must be in 16...100000, got \(maxTokens)")
        }
        guard overlapTokens >= 0, overlapTokens < maxTokens / 2 else {
            throw ChunkerError(
                setting: "overlapTokens",
                message: "must be in 0..<\(maxTokens / 2) (less than half of maxTokens), got \(overlapTokens)"
            )
        }
        self.maxTokens = maxTokens
        self.overlapTokens = overlapTokens
        self.counter = counter
    }

    /// Chunks every section of `document`, in document order.
    public func chunks(of document: ParsedDocument, filing: FilingMetadata) -> [MeasuredChunk] {
        let scalars = Array(document.canonicalText.unicodeScalars)
        var words = WordTokens(counter: counter)
        var ordinals: [String: Int] = [:]
        var result: [MeasuredChunk] = []
        for section in document.sections {
            let lower = max(0, min(section.charStart, scalars.count))
            let upper = max(lower, min(section.charEnd, scalars.count))
            let plan = SectionPlan(
                chunker: self,
                scalars: scalars,
                range: lower..<upper,
                context: contextLine(filing: filing, section: section, words: words),
                words: &words
            )
            for piece in plan.pieces() {
                let ordinal = ordinals[section.key, default: 0]
                ordinals[section.key] = ordinal + 1
                let citation = Citation(filing: filing, section: section, charStart: piece.start, charEnd: piece.end)
                result.append(
                    MeasuredChunk(
                        chunk: Chunk(
                            id: Chunk.makeID(accession: filing.accession, item: section.key, ordinal: ordinal),
                            text: piece.text,
                            citation: citation,
                            tokenCount: piece.tokenCount
                        ),
                        embeddingInput: piece.embeddingInput,
                        repeatedCaption: piece.repeated.caption,
                        repeatedHeader: piece.repeated.header,
                        tokenCount: piece.tokenCount
                    )
                )
            }
        }
        return result
    }

    /// The context line for a section, shortened when it would take more than a quarter of a chunk.
    private func contextLine(filing: FilingMetadata, section: Section, words: WordTokens) -> ContextBudget {
        let quarter = maxTokens / 4
        for line in [
            ContextLine.full(filing: filing, section: section), ContextLine.short(filing: filing, section: section),
        ] {
            let tokens = words.count(line)
            if tokens <= quarter { return ContextBudget(line: line, tokens: tokens) }
        }
        return ContextBudget(line: nil, tokens: 0)
    }
}

/// The context line of one section's chunks and its tokens (special tokens excluded).
struct ContextBudget {
    var line: String?
    var tokens: Int
}
