import SECModel

/// The one-line header put before every chunk's text in the embedding input: filer, form, fiscal
/// year and item. It tells the model what a passage is about when the passage never says (a table of
/// numbers in Item 8 versus the same numbers discussed in Item 7). Stored chunk text never holds it.
enum ContextLine {
    /// `Harbor Ridge Semiconductor, Inc. 10-K fiscal 2024, Item 1A Risk Factors` (`cover page` for
    /// the text before the first item).
    static func full(filing: FilingMetadata, section: Section) -> String {
        section.key == Section.coverKey
            ? short(filing: filing, section: section) : "\(short(filing: filing, section: section)) \(section.title)"
    }

    /// The line without the item's title, for sections whose title is too long to repeat in every chunk.
    static func short(filing: FilingMetadata, section: Section) -> String {
        let item = section.key == Section.coverKey ? "cover page" : "Item \(section.key)"
        return "\(filing.companyName) \(filing.form) fiscal \(filing.fiscalYear), \(item)"
    }
}
