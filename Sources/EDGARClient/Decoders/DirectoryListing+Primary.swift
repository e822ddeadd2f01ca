extension DirectoryListing {
    /// The likely primary document of a filing folder, for filings whose submissions record is not
    /// at hand: the largest `.htm`/`.html` document that is not an exhibit (`ex21.htm`,
    /// `hrsc-ex31_1.htm`, `hrsc-20250424xex99d1.htm`: `ExhibitFileName`), else the largest `.txt`
    /// document; `nil` for an empty folder.
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
            return (name.hasSuffix(".htm") || name.hasSuffix(".html")) && ExhibitFileName.exhibitType(of: name) == nil
        }
        return largest(pages) ?? largest(candidates.filter { $0.name.lowercased().hasSuffix(".txt") })
    }
}
