import SECModel

/// Finds the item sections of a filing among its text blocks.
///
/// Strategy: every heading-like block outside a table of contents is a candidate (a table holding
/// three or more item headings is a table of contents). When an item key appears more than once
/// (a contents list written as paragraphs, a cross-reference), the occurrence followed by the most
/// text wins. 10-Q items are keyed by part (`I-2`, `II-1A`) because both parts have an Item 2; the
/// part comes from the item's title, else the last `PART` heading, else the numbering
/// (`QuarterlyReportParts`).
struct SectionDetector {
    /// How item keys are formed for this form.
    enum KeyStyle: Sendable {
        /// 10-K, 20-F, 8-K: the item number alone.
        case itemOnly
        /// 10-Q: part and item, `I-2`.
        case partAndItem
    }

    let keyStyle: KeyStyle

    init(form: FormType?) {
        keyStyle = form?.base == .tenQ ? .partAndItem : .itemOnly
    }

    private struct Candidate {
        /// The item number as the heading writes it (`2`, `1A`, `16B`).
        var number: String
        var title: String
        var blockIndex: Int
        /// Further item numbers of a combined heading.
        var alsoCovers: [String]
        /// The numeral of the last `PART` heading before this one, if any.
        var headedPart: String?
        /// The section key: the number, for 10-Qs prefixed with the part.
        var key = ""
    }

    /// One detected section as block indices: `[first, end)`.
    struct Found {
        var key: String
        var title: String
        var first: Int
        var end: Int
        /// Further keys of a combined heading.
        var alsoCovers: [String] = []
        /// Whether the title was taken from the block after the heading.
        var titleInNextBlock = false
    }

    /// Returns sections as block ranges: `(key, title, firstBlock, endBlock)` in document order, the
    /// first starting at block 0 with key `cover` when text precedes the first item.
    func detect(_ blocks: [TextBlock]) -> [Found] {
        let tocTables = tablesOfContents(blocks)
        var candidates: [Candidate] = []
        var part: String?
        for (index, block) in blocks.enumerated() {
            if let table = block.tableIndex, tocTables.contains(table) { continue }
            guard var heading = ItemHeading(block.text), !Self.listsItems(block.text) else { continue }
            if case .part(let numeral) = heading.kind {
                part = numeral
                // Only in a paragraph: a contents row `PART IV | 113 | Item 15. | Exhibits` is no heading.
                guard block.tableIndex == nil, let runIn = Self.itemRunIn(heading.title) else { continue }
                heading = runIn
            }
            guard case .item(let number) = heading.kind else { continue }
            var title = heading.title
            if title.isEmpty, index + 1 < blocks.count, blocks[index + 1].text.utf8.count <= 640,
                blocks[index + 1].text.count <= 160,
                ItemHeading(blocks[index + 1].text) == nil
            {
                title = blocks[index + 1].text
            }
            candidates.append(
                Candidate(
                    number: number,
                    title: title,
                    blockIndex: index,
                    alsoCovers: heading.alsoCovers,
                    headedPart: part
                )
            )
        }
        assignKeys(&candidates)
        let chosen = bestOccurrences(candidates, blockCount: blocks.count, blocks: blocks)
        var sections: [Found] = []
        if let firstStart = chosen.first?.blockIndex, firstStart > 0 {
            sections.append(
                Found(key: Section.coverKey, title: "Cover page and table of contents", first: 0, end: firstStart)
            )
        } else if chosen.isEmpty, !blocks.isEmpty {
            sections.append(Found(key: Section.coverKey, title: "Document", first: 0, end: blocks.count))
        }
        for (offset, candidate) in chosen.enumerated() {
            let end = offset + 1 < chosen.count ? chosen[offset + 1].blockIndex : blocks.count
            let nextIsTitle = candidate.blockIndex + 1 < end && blocks[candidate.blockIndex + 1].text == candidate.title
            sections.append(
                Found(
                    key: candidate.key,
                    title: candidate.title,
                    first: candidate.blockIndex,
                    end: end,
                    alsoCovers: candidate.alsoCovers,
                    titleInNextBlock: nextIsTitle
                )
            )
        }
        return sections
    }

    /// Sets each candidate's key: its number, for 10-Qs prefixed with the part (`I-2`).
    private func assignKeys(_ candidates: inout [Candidate]) {
        guard keyStyle == .partAndItem else {
            for offset in candidates.indices { candidates[offset].key = candidates[offset].number }
            return
        }
        let parts = QuarterlyReportParts.parts(
            numbers: candidates.map(\.number),
            titles: candidates.map(\.title),
            headedParts: candidates.map(\.headedPart)
        )
        for (offset, part) in zip(candidates.indices, parts) {
            candidates[offset].key = "\(part)-\(candidates[offset].number)"
            candidates[offset].alsoCovers = candidates[offset].alsoCovers.map { "\(part)-\($0)" }
        }
    }

    /// The item heading run into a part heading's title (`PART I — FINANCIAL INFORMATION Item 1.
    /// Financial Statements`, a `<br>` between them, in one paragraph), if any: from the first word
    /// `Item`.
    static func itemRunIn(_ title: String) -> ItemHeading? {
        var position = title.startIndex
        while let start = title[position...].firstIndex(where: { $0 == "i" || $0 == "I" }) {
            if start == title.startIndex || title[title.index(before: start)] == " ",
                let heading = ItemHeading(String(title[start...])), case .item = heading.kind
            {
                return heading
            }
            position = title.index(after: start)
        }
        return nil
    }

    /// Whether `text` names three or more items (`Item` or `Items`, spaces, a digit): a contents list
    /// run into one block, as a plain-text filing's contents table reads.
    static func listsItems(_ text: String) -> Bool {
        var count = 0
        var utf8 = Array(text.utf8)[...]
        while let start = utf8.firstIndex(where: { $0 | 0x20 == UInt8(ascii: "i") }) {
            utf8 = utf8[(start + 1)...]
            guard utf8.starts(with: "tem".utf8, by: { $0 | 0x20 == $1 }) else { continue }
            var rest = utf8.dropFirst(3)
            if rest.first.map({ $0 | 0x20 == UInt8(ascii: "s") }) == true { rest = rest.dropFirst() }
            let afterSpaces = rest.drop { $0 == 0x20 }
            guard afterSpaces.startIndex > rest.startIndex, let digit = afterSpaces.first,
                (0x30...0x39).contains(digit)
            else { continue }
            count += 1
            if count >= 3 { return true }
        }
        return false
    }

    /// Tables that list three or more item headings.
    private func tablesOfContents(_ blocks: [TextBlock]) -> Set<Int> {
        var counts: [Int: Int] = [:]
        for block in blocks {
            guard let table = block.tableIndex, let heading = ItemHeading(block.text) else { continue }
            if case .item = heading.kind { counts[table, default: 0] += 1 }
        }
        return Set(counts.filter { $0.value >= 3 }.keys)
    }

    /// For each key, the occurrence followed by the most text (UTF-8 bytes) before the next candidate; the
    /// winners in document order.
    private func bestOccurrences(_ candidates: [Candidate], blockCount: Int, blocks: [TextBlock]) -> [Candidate] {
        var prefix = [0]
        prefix.reserveCapacity(blocks.count + 1)
        for block in blocks { prefix.append(prefix[prefix.count - 1] + block.text.utf8.count) }
        var best: [String: (candidate: Candidate, length: Int)] = [:]
        for (offset, candidate) in candidates.enumerated() {
            let end = offset + 1 < candidates.count ? candidates[offset + 1].blockIndex : blockCount
            let length = prefix[end] - prefix[candidate.blockIndex]
            if let current = best[candidate.key], current.length >= length { continue }
            best[candidate.key] = (candidate, length)
        }
        return best.values.map(\.candidate).sorted { $0.blockIndex < $1.blockIndex }
    }
}
