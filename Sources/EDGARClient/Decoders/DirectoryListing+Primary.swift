extension DirectoryListing {
    /// The likely primary document of a filing folder, for filings whose submissions record is not
    /// at hand: the largest `.htm`/`.html` document that is not an exhibit (`ex21.htm`,
    /// `hrsc-ex31_1.htm`), else the largest `.txt` document; `nil` for an empty folder.
    ///
    /// EDGAR's `index.json` does not mark the primary document, hence the heuristic.
    public var primaryGuess: String? {
        func largest(_ items: [Item]) -> String? {
            items.enumerated().max { lhs, rhs in
                let left = lhs.element.sizeBytes ?? 0
                let right = rhs.element.sizeBytes ?? 0
                return left == right ? lhs.offset > rhs.offset : left < right
            }?.element.name
        }
        let candidates = documents.filter { SafeName.isValid($0.name) }
        let pages = candidates.filter { item in
            let name = item.name.lowercased()
            return (name.hasSuffix(".htm") || name.hasSuffix(".html")) && !Self.looksLikeExhibit(name)
        }
        return largest(pages) ?? largest(candidates.filter { $0.name.lowercased().hasSuffix(".txt") })
    }

    /// `ex…` at the start of the name or after `-`/`_`, followed by a digit.
    static func looksLikeExhibit(_ lowercasedName: String) -> Bool {
        let bytes = Array(lowercasedName.utf8)
        for index in bytes.indices where index + 2 < bytes.count {
            let atBoundary =
                index == 0 || bytes[index - 1] == UInt8(ascii: "-") || bytes[index - 1] == UInt8(ascii: "_")
            if atBoundary, bytes[index] == UInt8(ascii: "e"), bytes[index + 1] == UInt8(ascii: "x"),
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 2])
            {
                return true
            }
        }
        return false
    }
}
