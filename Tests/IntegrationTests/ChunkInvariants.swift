import Chunker
import SECDocuments
import SECModel

/// The chunker's promises, checked on one chunked document; each broken promise is one message.
///
/// Invariants: every chunk's text is exactly its span of the canonical text; its embedding input has
/// at most `maxTokens` tokens by the real counter (and `tokenCount` says how many); it lies inside one
/// section of its item; it starts and ends at whitespace or at its section's edge — never inside a
/// word or number, unless the whitespace-free run there is itself too long to keep whole; consecutive
/// chunks of a section leave no words out, share at most `overlapTokens` tokens and end further on
/// each time; ids are `{accession}:{item}:{ordinal}`; a table that fits in a chunk is never split, a
/// chunk never ends inside a table row unless the row is longer than half a chunk, a chunk that repeats
/// a header repeats its table's leading rows, and a repeated caption is the text just before the table.
struct ChunkInvariants {
    let document: ParsedDocument
    let chunker: SectionChunker
    let scalars: [Unicode.Scalar]

    init(document: ParsedDocument, chunker: SectionChunker) {
        self.document = document
        self.chunker = chunker
        self.scalars = Array(document.canonicalText.unicodeScalars)
    }

    func violations(_ chunks: [MeasuredChunk]) -> [String] {
        var found: [String] = []
        let specials = chunker.counter.tokenCount("")
        var ordinals: [String: Int] = [:]
        for (index, measured) in chunks.enumerated() {
            let chunk = measured.chunk
            let (start, end) = (chunk.citation.charStart, chunk.citation.charEnd)
            let id = chunk.id
            if document.text(charStart: start, charEnd: end) != chunk.text { found.append("\(id): span text differs") }
            let tokens = chunker.counter.tokenCount(measured.embeddingInput)
            if tokens != measured.tokenCount {
                found.append("\(id): tokenCount \(measured.tokenCount), real \(tokens)")
            }
            if tokens > chunker.maxTokens, chunk.text.contains(where: \.isWhitespace) {
                found.append("\(id): \(tokens) tokens > \(chunker.maxTokens)")
            }
            let ordinal = ordinals[chunk.citation.item, default: 0]
            ordinals[chunk.citation.item] = ordinal + 1
            if id != "\(chunk.citation.accession):\(chunk.citation.item):\(ordinal)" { found.append("\(id): bad id") }
            guard
                let section = document.sections.first(where: {
                    $0.key == chunk.citation.item && $0.charStart <= start && end <= $0.charEnd
                })
            else {
                found.append("\(id): not inside one section of item \(chunk.citation.item)")
                continue
            }
            if start > section.charStart, !isWhitespace(start - 1), !runTooLong(around: start) {
                found.append("\(id): starts inside a word at \(start)")
            }
            if end < section.charEnd, !isWhitespace(end), !runTooLong(around: end) {
                found.append("\(id): ends inside a word at \(end)")
            }
            found += headerViolations(measured)
            guard index + 1 < chunks.count, chunks[index + 1].chunk.citation.item == chunk.citation.item else {
                continue
            }
            let next = chunks[index + 1].chunk.citation
            if next.charStart <= start { found.append("\(id): the next chunk does not move forward") }
            if next.charEnd <= end { found.append("\(id): the next chunk ends no further on") }
            if let row = rowAround(end), rowTokens(row) <= chunker.maxTokens / 2 - specials {
                found.append("\(id): ends inside the table row at \(row.lowerBound)")
            }
            if next.charStart > end, !(end..<next.charStart).allSatisfy(isWhitespace) {
                found.append("\(id): words between it and the next chunk are in no chunk")
            }
            if next.charStart < end {
                let shared =
                    chunker.counter.tokenCount(document.text(charStart: next.charStart, charEnd: end)) - specials
                if shared > chunker.overlapTokens { found.append("\(id): overlaps the next by \(shared) tokens") }
            }
        }
        found += tableViolations(chunks)
        return found
    }

    private func isWhitespace(_ offset: Int) -> Bool { scalars[offset].properties.isWhitespace }

    /// Whether the whitespace-free run around a cut at `offset` is too long for the chunker to keep
    /// whole: more tokens than half a chunk less the special tokens (the smallest text budget).
    private func runTooLong(around offset: Int) -> Bool {
        var lower = offset
        while lower > 0, !isWhitespace(lower - 1) { lower -= 1 }
        var upper = offset
        while upper < scalars.count, !isWhitespace(upper) { upper += 1 }
        let run = document.text(charStart: lower, charEnd: upper)
        let specials = chunker.counter.tokenCount("")
        return chunker.counter.tokenCount(run) - specials > chunker.maxTokens / 2 - specials
    }

    /// A repeated header is the leading rows of the table the chunk starts in, and the chunk does not
    /// start at those rows; a repeated caption's words are the words just before that table.
    private func headerViolations(_ measured: MeasuredChunk) -> [String] {
        let start = measured.chunk.citation.charStart
        var tableStart = start
        while tableStart > 1, !(scalars[tableStart - 1] == "\n" && scalars[tableStart - 2] == "\n") { tableStart -= 1 }
        var found: [String] = []
        if let header = measured.repeatedHeader {
            let rows = document.text(charStart: tableStart, charEnd: tableStart + header.unicodeScalars.count)
            if rows != header || tableStart == start {
                found.append("\(measured.chunk.id): repeats a header that is not its table's")
            }
        }
        if let caption = measured.repeatedCaption {
            let words = caption.split(whereSeparator: \.isWhitespace)
            let before = document.text(
                charStart: max(0, tableStart - 4 * caption.unicodeScalars.count),
                charEnd: tableStart
            )
            .split(whereSeparator: \.isWhitespace)
            if words.isEmpty || Array(before.suffix(words.count)) != words {
                found.append("\(measured.chunk.id): repeats a caption that is not the text before its table")
            }
        }
        return found
    }

    /// The row of a table (a line of a block with two or more lines) that a cut at `offset` falls
    /// inside, if any.
    private func rowAround(_ offset: Int) -> Range<Int>? {
        guard offset < scalars.count, !"\n".unicodeScalars.contains(scalars[offset]) else { return nil }
        var lower = offset
        while lower > 0, scalars[lower - 1] != "\n" { lower -= 1 }
        var upper = offset
        while upper < scalars.count, scalars[upper] != "\n" { upper += 1 }
        let rowBefore = lower > 1 && scalars[lower - 2] != "\n"
        let rowAfter = upper + 1 < scalars.count && scalars[upper + 1] != "\n"
        guard rowBefore || rowAfter, lower < offset else { return nil }
        return lower..<upper
    }

    private func rowTokens(_ row: Range<Int>) -> Int {
        chunker.counter.tokenCount(document.text(charStart: row.lowerBound, charEnd: row.upperBound))
            - chunker.counter.tokenCount("")
    }

    /// Every table (a block of two or more rows) that fits in one chunk with the context line lies
    /// inside one chunk.
    private func tableViolations(_ chunks: [MeasuredChunk]) -> [String] {
        var found: [String] = []
        for section in document.sections {
            let inSection = chunks.filter {
                $0.chunk.citation.item == section.key && $0.chunk.citation.charStart >= section.charStart
                    && $0.chunk.citation.charEnd <= section.charEnd
            }
            guard let plain = inSection.first(where: { $0.repeatedHeader == nil && $0.repeatedCaption == nil }) else {
                continue
            }
            let context = String(plain.embeddingInput.dropLast(plain.chunk.text.count))
            for table in tables(in: section) {
                let text = document.text(charStart: table.lowerBound, charEnd: table.upperBound)
                guard chunker.counter.tokenCount(context + text) <= chunker.maxTokens else { continue }
                if !inSection.contains(where: {
                    $0.chunk.citation.charStart <= table.lowerBound && table.upperBound <= $0.chunk.citation.charEnd
                }) {
                    found.append("\(section.key): a table at \(table.lowerBound) that fits a chunk was split")
                }
            }
        }
        return found
    }

    /// Blocks of the section holding a single newline (rows of one table).
    private func tables(in section: Section) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var blockStart = section.charStart
        var offset = section.charStart
        var hasRow = false
        while offset <= section.charEnd {
            let atEnd = offset == section.charEnd
            if atEnd || (scalars[offset] == "\n" && offset + 1 < section.charEnd && scalars[offset + 1] == "\n") {
                if hasRow { result.append(blockStart..<offset) }
                hasRow = false
                offset += 2
                blockStart = offset
                continue
            }
            if scalars[offset] == "\n" { hasRow = true }
            offset += 1
        }
        return result
    }
}
